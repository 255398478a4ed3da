"""Stage `newsie_entities`: named-entity spans (PERSON, ORG, TITLE, GPE, LOC, FAC, EVENT, PRODUCT).

Runs newsie's own trained NER pipeline (shipped in `newsie_models/ner-news`) on the raw text,
character-tokenised, so its spans are character offsets whatever tokenizer the main pipeline
uses. When no trained model is installed the stage yields no entities and the rule-based
stages work alone.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import DataFileError
from .base import Stage


def shipped_model(name: str) -> Path | None:
    """The directory of a trained model shipped in the `newsie_models` package, if installed."""
    try:
        path = Path(str(resources.files("newsie_models") / name))
    except ModuleNotFoundError:
        return None
    return path if (path / "meta.json").exists() or (path / "config.cfg").exists() else None


class EntitiesStage(Stage):
    def __init__(self, nlp: Language, name: str, lang: str, model: str) -> None:
        super().__init__(nlp, name, lang)
        self.model_name = model
        self.ner: Language | None = None

    def load(self) -> None:
        path = shipped_model(self.model_name) if self.model_name else None
        if path is None:
            self.ner = None
            return
        try:
            self.ner = spacy.load(path)
        except Exception as exc:
            raise DataFileError(f"newsie's NER model at {path} cannot be loaded ({exc}); reinstall newsie") from exc

    def process(self, doc: Doc) -> None:
        if self.ner is None:
            doc._.entities = []
            return
        ents = self.ner(doc.text).ents
        doc._.entities = [(e.start_char, e.end_char, e.label_) for e in ents]


@Language.factory("newsie_entities", default_config={"lang": "zh", "model": "ner-news"})
def make_entities(nlp: Language, name: str, lang: str, model: str) -> EntitiesStage:
    return EntitiesStage(nlp, name, lang, model)
