"""Component `newsie_char_features`: context features for the character-level NER model.

A character alone says little in Chinese; the NER model reads, for every character token,
the bigram it starts (`token.norm_`), the bigram it ends (`token.lemma_`) and, with
`words=True`, the pkuseg word it sits in with its position B/M/E/S (`token.tag_`). The model's
MultiHashEmbed layer embeds these attributes (see models/ner/config.cfg). The component sits
in the NER pipeline before `tok2vec`, and is listed in `training.annotating_components` so
that training sees the same features as prediction.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, NORM, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..lexicon import data_path
from ..models import WORDS, model_path
from ..tokenizer import NewsieTokenizer, align

BOUNDARY = "␂"  # stands for the text edge in a bigram


def word_tags(words: list[str]) -> list[str]:
    """One tag per character of WORDS: the position B/M/E/S and the word, e.g. 'B:总经理'."""
    tags: list[str] = []
    for word in words:
        if len(word) == 1:
            tags.append(f"S:{word}")
        else:
            tags.extend([f"B:{word}"] + [f"M:{word}"] * (len(word) - 2) + [f"E:{word}"])
    return tags


class CharFeatures:
    """Sets bigram (and optionally word) attributes on character tokens."""

    def __init__(self, nlp: Language, name: str, words: bool, segmenter: str, user_dict: bool) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.use_words = words
        self.segmenter_name = segmenter
        self.user_dict = user_dict
        self._segmenter: NewsieTokenizer | None = None

    def _words(self, doc: Doc) -> list[str]:
        """The doc's words: the "words" span group when a stage set it, else pkuseg's."""
        text = doc.text  # (Doc.text joins the tokens each time it is read)
        if "words" in doc.spans:
            words, pos = [], 0
            for span in doc.spans["words"]:
                start, end = span.start_char, span.end_char
                words.extend(text[pos:start])  # gaps (spaces) as characters
                words.append(text[start:end])
                pos = end
            words.extend(text[pos:])
            return words
        if self._segmenter is None:
            # the same segmenter and user dictionary as the pipeline's `newsie_words` stage
            user_dict = str(data_path("seg_userdict")) if self.user_dict else None
            self._segmenter = NewsieTokenizer(self.vocab, "pkuseg", str(model_path(self.segmenter_name)), user_dict)
        return align(text, self._segmenter.words(text))

    def __call__(self, doc: Doc) -> Doc:
        texts = [t.text for t in doc]
        if not texts:
            return doc
        nxt, prev = texts[1:] + [BOUNDARY], [BOUNDARY] + texts[:-1]
        # hashes only: adding every bigram and word seen to the StringStore would make the
        # vocabulary grow with every article of a long batch
        columns = [[get_string_id(a + b) for a, b in zip(texts, nxt)],
                   [get_string_id(a + b) for a, b in zip(prev, texts)]]
        attrs = [NORM, LEMMA]
        if self.use_words:
            tags = word_tags(self._words(doc))  # one per character of doc.text
            columns.append([get_string_id(tags[t.idx]) for t in doc])
            attrs.append(TAG)
        doc.from_array(attrs, numpy.array(columns, dtype="uint64").T)
        return doc


@Language.factory("newsie_char_features",
                  default_config={"words": False, "segmenter": WORDS, "user_dict": True})
def make_char_features(nlp: Language, name: str, words: bool, segmenter: str, user_dict: bool) -> CharFeatures:
    return CharFeatures(nlp, name, words, segmenter, user_dict)
