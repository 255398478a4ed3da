"""Stage `newsie_words`: newsie's trained pkuseg segmenter, its words as the span group "words".

The Doc's tokens stay characters (so NER spans and every offset are exact); the words are
there for stages and users that want them: `[w.text for w in doc.spans["words"]]`.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import data_path
from ..models import WORDS
from ..tokenizer import LONG_TEXT, NewsieTokenizer, align
from .base import ModelStage, doc_text


class WordsStage(ModelStage):
    def __init__(self, nlp: Language, name: str, lang: str, model: str, user_dict: bool) -> None:
        super().__init__(nlp, name, lang, model)
        self.vocab = nlp.vocab
        self.use_user_dict = user_dict
        self.segmenter: NewsieTokenizer | None = None

    def load(self) -> None:
        path = self.model_location()
        user_dict = str(data_path("seg_userdict", self.lang)) if self.use_user_dict else None
        self.segmenter = NewsieTokenizer(self.vocab, "pkuseg", str(path), user_dict)

    def process(self, doc: Doc) -> None:
        if len(doc_text(doc)) > LONG_TEXT or len(doc) != len(doc_text(doc)):
            return  # a huge text (one token per line): no word layer
        spans, pos = [], 0
        for word in align(doc_text(doc), self.segmenter.words(doc_text(doc))):
            if not word.isspace():
                spans.append(doc[pos:pos + len(word)])
            pos += len(word)
        doc.spans["words"] = spans


@Language.factory("newsie_words", default_config={"lang": "zh", "model": WORDS, "user_dict": True})
def make_words(nlp: Language, name: str, lang: str, model: str, user_dict: bool) -> WordsStage:
    return WordsStage(nlp, name, lang, model, user_dict)
