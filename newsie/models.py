"""Where newsie's trained models are: the `newsie_models` package (the repo's models/ folder)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

# name -> a file that must be there for the model to count as installed
MARKERS = {"pkuseg-news": "features.msgpack", "ner-news": "config.cfg"}


def model_path(name: str) -> Path | None:
    """The directory of shipped model NAME, or None when it is not installed."""
    try:
        path = Path(str(resources.files("newsie_models") / name))
    except ModuleNotFoundError:
        return None
    return path if (path / MARKERS.get(name, "")).is_file() else None
