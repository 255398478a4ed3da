"""Stage `newsie_entities`: named-entity spans (PERSON, ORG, TITLE, GPE, LOC, FAC, EVENT, PRODUCT).

Runs newsie's own trained NER pipeline (shipped in `newsie_models/ner-news`) on the raw text,
character-tokenised, so its spans are character offsets whatever tokenizer the main pipeline
uses. When no trained model is installed the stage yields no entities and the rule-based
stages work alone.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import DataFileError
from ..lexicon import data_path
from ..models import model_path
from ..tokenizer import LONG_TEXT, NewsieTokenizer
from .base import Stage


class EntitiesStage(Stage):
    def __init__(self, nlp: Language, name: str, lang: str, model: str, ruler: bool) -> None:
        super().__init__(nlp, name, lang)
        self.model_name = model
        self.use_ruler = ruler
        self.ner: Language | None = None

    def load(self) -> None:
        path = model_path(self.model_name) if self.model_name else None
        if path is None:
            self.ner = None
            return
        try:
            self.ner = spacy.load(path)
        except Exception as exc:
            raise DataFileError(f"newsie's NER model at {path} cannot be loaded ({exc}); reinstall newsie") from exc
        # the model was trained on spaCy's character tokens; newsie's tokenizer gives the same
        # tokens in linear time (spaCy's own is quadratic in the text length)
        self.ner.tokenizer = NewsieTokenizer(self.ner.vocab)
        # The gazetteer (ruler=True) fills what the model leaves untagged. It is off by default:
        # on ../shared/eval/dev it changed no people or events figure, and spaCy's EntityRuler
        # slows down badly on texts dense with matches (a fuzz case took minutes).
        if self.use_ruler:
            ruler = self.ner.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": False})
            ruler.from_disk(str(data_path("ner_patterns", self.lang, ".jsonl")))

    def process(self, doc: Doc) -> None:
        doc._.entities = []
        if self.ner is None or len(doc.text) > LONG_TEXT:
            return  # no model, or a huge text: the rule stages work alone (bounded time)
        ner_doc = self.ner(self.ner.make_doc(doc.text))
        doc._.entities = [(e.start_char, e.end_char, e.label_) for e in ner_doc.ents]
        if len(doc) == len(doc.text):  # character tokens: the entities are exact token spans
            doc.ents = [doc.char_span(s, e, label=label) for s, e, label in doc._.entities]


@Language.factory("newsie_entities", default_config={"lang": "zh", "model": "ner-news", "ruler": False})
def make_entities(nlp: Language, name: str, lang: str, model: str, ruler: bool) -> EntitiesStage:
    return EntitiesStage(nlp, name, lang, model, ruler)
