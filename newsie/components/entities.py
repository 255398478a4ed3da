"""Stage `newsie_entities`: named-entity spans (PERSON, ORG, TITLE, GPE, LOC, FAC, EVENT, PRODUCT).

Runs newsie's own trained NER pipeline (shipped in the pipeline directory, `newsie_models/newsie-zh/entities`) on the raw text,
character-tokenised, so its spans are character offsets whatever tokenizer the main pipeline
uses.
"""
from __future__ import annotations

import bisect

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import DataFileError
from ..lexicon import data_path
from ..models import ENTITIES
from ..tokenizer import LONG_TEXT, NewsieTokenizer
from .base import ModelStage, doc_text


class EntitiesStage(ModelStage):
    def __init__(self, nlp: Language, name: str, lang: str, model: str, ruler: bool) -> None:
        super().__init__(nlp, name, lang, model)
        self.use_ruler = ruler
        self.ner: Language | None = None

    def load(self) -> None:
        if not self.model_name and self.model_dir is None:
            return  # model="" in the config: no NER, the rule stages work alone
        path = self.model_location()
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
        text = doc_text(doc)
        if self.ner is None or len(text) > LONG_TEXT:
            return  # no model, or a huge text: the rule stages work alone (bounded time)
        words = [(w.start_char, w.end_char) for w in doc.spans["words"]] if "words" in doc.spans else None
        # paragraph by paragraph (no entity crosses a line): the model's working memory stays
        # that of one paragraph, not of the whole article
        paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
        docs = (self._paragraph_doc(text, a, b, words) for a, b in paragraphs)
        entities = []
        for (a, _), ner_doc in zip(paragraphs, self.ner.pipe(docs, batch_size=16)):
            entities.extend((a + e.start_char, a + e.end_char, e.label_) for e in ner_doc.ents)
        doc._.entities = entities
        if len(doc) == len(text):  # character tokens: the entities are exact token spans
            doc.ents = [doc.char_span(s, e, label=label) for s, e, label in entities]

    def _paragraph_doc(self, text: str, a: int, b: int, words: list[tuple[int, int]] | None) -> Doc:
        """The NER's Doc for text[a:b], with the words stage's words inside it (for the word features)."""
        ner_doc = self.ner.make_doc(text[a:b])
        if words is not None:
            i = bisect.bisect_left(words, (a, a))
            inside = []
            while i < len(words) and words[i][1] <= b:
                inside.append(ner_doc.char_span(words[i][0] - a, words[i][1] - a))
                i += 1
            ner_doc.spans["words"] = inside
        return ner_doc


_PARAGRAPH = regex.compile(r"[^\n]+")


@Language.factory("newsie_entities", default_config={"lang": "zh", "model": ENTITIES, "ruler": False})
def make_entities(nlp: Language, name: str, lang: str, model: str, ruler: bool) -> EntitiesStage:
    return EntitiesStage(nlp, name, lang, model, ruler)
