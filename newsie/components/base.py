"""The shared shape of a newsie stage: data loaded at `initialize`, failures kept on the Doc."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import DataFileError
from ..extensions import register
from ..models import copy_model, model_path


TEXT_KEY = "newsie_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy rebuilds it from the tokens at every read, which
    took most of the rule stages' time (newsie's tokenizer stores it when it makes the Doc)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class Stage:
    """A pipeline stage that reads `doc.text` and earlier stages' extensions and sets its own.

    An exception inside a stage is recorded on `doc._.errors` (the batch then writes an error
    record for that article) instead of killing `nlp.pipe` and the rest of the batch.
    """

    def __init__(self, nlp: Language, name: str, lang: str = "zh") -> None:
        register()
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


class ModelStage(Stage):
    """A stage with a trained model of its own, serialised in the pipeline directory.

    `nlp.to_disk` copies the model into the stage's folder and `spacy.load` points the stage at
    it (`from_disk`); a pipeline built in code uses the shipped model named in the config.
    """

    def __init__(self, nlp: Language, name: str, lang: str, model: str) -> None:
        super().__init__(nlp, name, lang)
        self.model_name = model
        self.model_dir: Path | None = None

    def model_location(self) -> Path:
        """The model directory: the one loaded from disk, else the shipped one."""
        path = self.model_dir or (model_path(self.model_name) if self.model_name else None)
        if path is None:
            raise DataFileError(f"the model {self.model_name!r} of stage {self.name!r} is not installed; "
                                "reinstall newsie")
        return path

    def to_disk(self, path, *, exclude=()) -> None:
        copy_model(self.model_location(), Path(path))

    def from_disk(self, path, *, exclude=()) -> "ModelStage":
        self.model_dir = Path(path)
        self.ready = False  # the model is read on initialize, or on the first Doc
        return self
