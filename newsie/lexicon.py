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


@lru_cache(maxsize=None)
def alternation(name: str, lang: str = "zh") -> str:
    """A regex alternation of the terms of NAME that matches the longest term first (see
    `trie_alternation`)."""
    return trie_alternation(terms(name, lang))


def trie_alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of WORDS, escaped, written as a prefix tree: 首席(?:执行官|技术官)
    for 首席执行官|首席技术官. It matches what the flat alternation sorted longest first
    matches, trying the terms that fit at a position longest first (they all lie on one
    branch), but a position no term can start fails at the first character instead of once
    per term, which makes scanning a text with a list of hundreds of terms several times faster."""
    import regex

    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a term ends here

    def build(node: dict) -> str:
        branches = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"

    return "|".join(regex.escape(ch) + build(child) for ch, child in sorted(trie.items()))
