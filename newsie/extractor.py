"""The Python API: `Extractor.extract` for one article, `extract_many` to stream a batch."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError, TooLargeError
from .pipeline import load_pipeline
from .record import Record, error_record
from .source import parse_published

_FIELDS = ("events", "people", "quantities", "dates")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(text: object, what: str) -> str:
    """The article text, with lone surrogates (undecodable bytes escaped by Python) replaced by
    U+FFFD one for one, so that offsets into the input stay valid and the record encodes as JSON."""
    if not isinstance(text, str):
        raise InputError(f"{what}: 'text' must be a string, got {type(text).__name__}")
    return _SURROGATE.sub("\ufffd", text)


class Extractor:
    """Runs newsie's pipeline over articles and returns `Record`s."""

    def __init__(self, nlp: Language | None = None, *, max_chars: int | None = None) -> None:
        """MAX_CHARS: refuse longer articles with TooLargeError (None: no limit)."""
        self.nlp = nlp if nlp is not None else load_pipeline()
        self.max_chars = max_chars

    def _make_doc(self, text: str, published: Any, what: str) -> Doc:
        text = _check_text(text, what)
        if self.max_chars is not None and len(text) > self.max_chars:
            raise TooLargeError(f"{what}: {len(text):,} characters, more than the maximum of "
                                f"{self.max_chars:,} (raise it with --max-chars)")
        doc = self.nlp.make_doc(text)
        date = parse_published(published, f"{what}: published")
        doc._.published = date.isoformat() if date else None
        return doc

    @staticmethod
    def _record(doc: Doc, id: Any, title: str | None, url: str | None) -> Record:
        return Record(id=id, title=title, url=url, source=doc._.source,
                      **{f: list(getattr(doc._, f) or []) for f in _FIELDS})

    def extract(self, text: str, *, id: str | None = None, title: str | None = None,
                published: Any = None, url: str | None = None) -> Record:
        """The facts of one article. Raises InputError for bad input, NewsieError if a stage fails."""
        what = f"article {id!r}" if id is not None else "article"
        doc = self.nlp(self._make_doc(text, published, what))
        if doc._.errors:
            from .errors import NewsieError
            raise NewsieError(f"{what}: " + "; ".join(doc._.errors))
        return self._record(doc, id, title, url)

    def extract_many(self, rows: Iterable[Mapping[str, Any]], n_process: int = 1,
                     batch_size: int = 8) -> Iterator[dict[str, Any]]:
        """Stream contract dicts for input rows, in input order; a bad row yields an error record."""
        def docs() -> Iterator[tuple[Doc, dict]]:
            for n, row in enumerate(rows, 1):
                rid = row.get("id", n) if isinstance(row, Mapping) else getattr(row, "row_id", n)
                ctx = {"id": rid, "error": None, "title": None, "url": None}
                try:
                    if isinstance(row, InputError):  # a line the reader could not parse
                        raise row
                    if not isinstance(row, Mapping):
                        raise InputError(f"row {n}: expected a JSON object, got {type(row).__name__}")
                    if "text" not in row:
                        raise InputError(f"row {n} (id {rid!r}): missing 'text'")
                    ctx["title"], ctx["url"] = row.get("title"), row.get("url")
                    doc = self._make_doc(row["text"], row.get("published"), f"row {n} (id {rid!r})")
                except InputError as exc:
                    ctx["error"] = ("too_large" if isinstance(exc, TooLargeError) else "input", str(exc))
                    doc = self.nlp.make_doc("")
                yield doc, ctx

        for doc, ctx in self.nlp.pipe(docs(), as_tuples=True, n_process=n_process, batch_size=batch_size):
            if ctx["error"]:
                yield error_record(ctx["id"], *ctx["error"])
            elif doc._.errors:
                yield error_record(ctx["id"], "extraction", "; ".join(doc._.errors))
            else:
                yield self._record(doc, ctx["id"], ctx["title"], ctx["url"]).to_dict()


_default: Extractor | None = None


def extract(text: str, *, id: str | None = None, title: str | None = None,
            published: Any = None, url: str | None = None) -> Record:
    """`Extractor().extract` with a default pipeline loaded on first use."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, id=id, title=title, published=published, url=url)
