"""newsie: facts from Chinese tech news as `newsie/1` JSON records.

    >>> import newsie
    >>> record = newsie.extract(text, published="2015-04-30")
    >>> record.to_dict()["people"]
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .errors import DataFileError, InputError, NewsieError
from .extractor import Extractor, extract
from .pipeline import load_pipeline
from .record import SCHEMA, Record

try:
    __version__ = version("newsie")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

__all__ = [
    "SCHEMA", "DataFileError", "Extractor", "InputError", "NewsieError", "Record",
    "extract", "load_pipeline", "__version__",
]
