"""Where newsie's trained models are: the `newsie_models` package (the repo's models/ folder).

The shipped pipeline is one spaCy pipeline directory, `newsie-zh/`, written by
`models/build_pipeline.py`: its `words/` folder holds the pkuseg segmenter and its `entities/`
folder the NER pipeline, so `spacy.load` of that directory gives the whole extractor offline.
"""
from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

PIPELINE = "newsie-zh"
WORDS = f"{PIPELINE}/words"
ENTITIES = f"{PIPELINE}/entities"
# name -> a file that must be there for the model to count as installed
MARKERS = {PIPELINE: "config.cfg", WORDS: "features.msgpack", ENTITIES: "config.cfg"}


def model_path(name: str) -> Path | None:
    """The directory of shipped model NAME (e.g. 'newsie-zh/words'), or None when it is not installed."""
    try:
        path = Path(str(resources.files("newsie_models") / name))
    except ModuleNotFoundError:
        return None
    return path if (path / MARKERS.get(name, "")).is_file() else None


def copy_model(source: Path, target: Path) -> None:
    """Copy a model directory into a pipeline directory being written (nothing to do in place)."""
    source, target = Path(source), Path(target)
    if source.resolve() == target.resolve():
        return
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
