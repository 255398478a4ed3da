"""Load newsie's data files: one term a line, `#` starts a comment, blank lines ignored.

Data lives under ``newsie/data/<lang>/NAME.txt`` (per-language data kept apart from the
parsing logic, as dateparser does). Lines may hold tab-separated columns.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .errors import DataFileError


def data_path(name: str, lang: str = "zh", ext: str = ".txt"):
    """The path of data file NAME (for libraries that want a file, such as pkuseg's user dict)."""
    return resources.files("newsie") / "data" / lang / f"{name}{ext}"


def _lines(name: str, lang: str) -> list[str]:
    path = data_path(name, lang)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(f"newsie data file {lang}/{name}.txt is missing from the package") from None
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if line.strip():
            out.append(line.strip())
    return out


@lru_cache(maxsize=None)
def terms(name: str, lang: str = "zh") -> tuple[str, ...]:
    """The terms of data file NAME (first column), in file order."""
    return tuple(line.split("\t")[0] for line in _lines(name, lang))


@lru_cache(maxsize=None)
def table(name: str, lang: str = "zh") -> dict[str, tuple[str, ...]]:
    """Data file NAME read as `key<TAB>value[<TAB>value…]` rows."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines(name, lang):
        key, *rest = line.split("\t")
        out[key] = tuple(rest)
    return out


def alternation(name: str, lang: str = "zh") -> str:
    """A regex alternation of the terms of NAME, longest first, each escaped."""
    import regex

    return "|".join(regex.escape(t) for t in sorted(terms(name, lang), key=len, reverse=True))
