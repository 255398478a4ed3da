"""Batch inputs: JSON Lines, folders of .txt files, RSS/Atom feeds and HTML pages, as contract rows.

Each reader yields rows `{"id", "text", "published"?, "title"?, "url"?}`, or an `InputError`
in place of an input it could not read (the batch writes an error record for it and goes on).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import InputError
from .io import decode, read_jsonl

KINDS = ("jsonl", "folder", "feed", "html")
Row = dict[str, Any]


def detect_kind(path: str) -> str:
    """The input kind of PATH from its extension, else from its first bytes."""
    if path == "-":
        return "jsonl"
    p = Path(path)
    if p.is_dir():
        return "folder"
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".rss", ".atom", ".xml"):
        return "feed"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    try:
        head = p.open("rb").read(512).lstrip().lower()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if head.startswith(b"{"):
        return "jsonl"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "html"
    raise InputError(f"{path}: cannot tell the input kind; name it with --format ({', '.join(KINDS)})")


def read_folder(path: str) -> Iterator[Row | InputError]:
    """Every .txt file of a folder (sorted), id = the file name without .txt."""
    files = sorted(Path(path).glob("*.txt"))
    if not files:
        raise InputError(f"{path}: folder holds no .txt files")
    for f in files:
        try:
            yield {"id": f.stem, "text": decode(f.read_bytes(), str(f))}
        except InputError as err:
            err.row_id = f.stem
            yield err
        except OSError as exc:
            err = InputError(f"{f}: cannot read ({exc.strerror})")
            err.row_id = f.stem
            yield err


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]).isoformat() if parsed else None


def read_feed(path: str) -> Iterator[Row | InputError]:
    """Entries of an RSS/Atom feed file: title, link, published date and content (HTML → text)."""
    import feedparser

    feed = feedparser.parse(Path(path).read_bytes())
    if feed.bozo and not feed.entries:
        raise InputError(f"{path}: not a readable RSS/Atom feed ({feed.bozo_exception})")
    for n, entry in enumerate(feed.entries, 1):
        rid = entry.get("id") or entry.get("link") or f"{Path(path).stem}-{n}"
        body = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = html_to_text(body) if "<" in body else body
        if not text.strip():
            err = InputError(f"{path}: entry {n} ({rid}) has no text")
            err.row_id = rid
            yield err
            continue
        yield {"id": rid, "title": entry.get("title"), "url": entry.get("link"),
               "published": _entry_date(entry), "text": text}


def html_to_text(html: str) -> str:
    """The main text of an HTML page or fragment (trafilatura), one paragraph a line."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if text is None:  # a fragment too small for trafilatura's main-content heuristics
        from lxml import html as lxml_html

        text = lxml_html.fromstring(html).text_content() if html.strip() else ""
    return text


def read_html(path: str) -> Iterator[Row | InputError]:
    """One HTML page: its main text, title and date where the page gives them."""
    import trafilatura

    raw = decode(Path(path).read_bytes(), path)
    doc = trafilatura.bare_extraction(raw, with_metadata=True, favor_recall=True)
    meta = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    text = meta.get("text") or ""
    if not text.strip():
        err = InputError(f"{path}: no article text found in the page")
        err.row_id = Path(path).stem
        yield err
        return
    yield {"id": Path(path).stem, "title": meta.get("title"), "url": meta.get("url"),
           "published": meta.get("date"), "text": text}


READERS = {"jsonl": read_jsonl, "folder": read_folder, "feed": read_feed, "html": read_html}


def read_inputs(paths: list[str], kind: str | None = None) -> Iterator[Row | InputError]:
    """Rows from every input in turn, each of its own kind (detected unless KIND is given)."""
    for path in paths:
        reader = READERS[kind or detect_kind(path)]
        yield from reader(path)
