"""The NER model's character features: bigrams and the pkuseg word each character sits in."""
import pytest
import spacy
from spacy.strings import get_string_id

from newsie.components.char_features import BOUNDARY, word_tags


def ids(*strings):
    return [get_string_id(s) for s in strings]


@pytest.mark.parametrize("words, tags", [
    (["总经理"], ["B:总经理", "M:总经理", "E:总经理"]),
    (["在", "北京"], ["S:在", "B:北京", "E:北京"]),
    (["首席执行官"], ["B:首席执行官"] + ["M:首席执行官"] * 3 + ["E:首席执行官"]),
    ([], []),
])
def test_word_tags(words, tags):
    assert word_tags(words) == tags


def test_bigrams_on_character_tokens():
    nlp = spacy.blank("zh")  # character tokens
    nlp.add_pipe("newsie_char_features")
    doc = nlp("马云说")
    # hashes, as the model reads them (the strings are not added to the vocabulary)
    assert [t.norm for t in doc] == ids("马云", "云说", "说" + BOUNDARY)
    assert [t.lemma for t in doc] == ids(BOUNDARY + "马", "马云", "云说")
    assert [t.tag for t in doc] == [0, 0, 0]  # words=False: no word features
    assert "云说" not in nlp.vocab.strings


def test_word_features_reuse_the_words_span_group():
    nlp = spacy.blank("zh")
    nlp.add_pipe("newsie_char_features", config={"words": True})
    doc = nlp.make_doc("副总裁王强")
    doc.spans["words"] = [doc[0:3], doc[3:5]]  # as the newsie_words stage sets them
    doc = nlp(doc)
    assert [t.tag for t in doc] == ids("B:副总裁", "M:副总裁", "E:副总裁", "B:王强", "E:王强")
