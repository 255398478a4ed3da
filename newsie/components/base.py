"""The shared shape of a newsie stage: data loaded at `initialize`, failures kept on the Doc."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Stage:
    """A pipeline stage that reads `doc.text` and earlier stages' extensions and sets its own.

    An exception inside a stage is recorded on `doc._.errors` (the batch then writes an error
    record for that article) instead of killing `nlp.pipe` and the rest of the batch.
    """

    def __init__(self, nlp: Language, name: str, lang: str = "zh") -> None:
        self.name = name
        self.lang = lang
        self.ready = False

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Load this stage's data files (called once by `newsie.load_pipeline`)."""
        self.load()
        self.ready = True

    def load(self) -> None:  # pragma: no cover - stages without data
        """Read data files; override in stages that have some."""

    def process(self, doc: Doc) -> None:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        if doc._.errors:
            return doc
        if not self.ready:
            self.initialize()
        try:
            self.process(doc)
        except Exception as exc:  # keep the batch going; the record says what failed
            doc._.errors = [f"{self.name}: {type(exc).__name__}: {exc}"]
        return doc
