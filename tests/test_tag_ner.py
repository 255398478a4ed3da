"""`biluo_spans`: reading a tagger's BILUO tags as entity spans, including the sequences a
tagger can emit that a transition-based parser cannot (worked out by hand)."""
import pytest

from newsie.components.tag_ner import biluo_spans

CASES = [
    ([], []),
    (["O", "O"], []),
    (["U-ORG"], [(0, 1, "ORG")]),
    (["B-PERSON", "I-PERSON", "L-PERSON", "O"], [(0, 3, "PERSON")]),
    (["B-PERSON", "L-PERSON", "U-ORG"], [(0, 2, "PERSON"), (2, 3, "ORG")]),
    # an I or L with no B opens the span where it stands
    (["O", "I-ORG", "L-ORG"], [(1, 3, "ORG")]),
    (["L-GPE", "O"], [(0, 1, "GPE")]),
    # a B the next tag does not continue is closed before that tag
    (["B-ORG", "O", "U-GPE"], [(0, 1, "ORG"), (2, 3, "GPE")]),
    (["B-ORG", "I-ORG", "B-TITLE", "L-TITLE"], [(0, 2, "ORG"), (2, 4, "TITLE")]),
    # a label change inside a span starts a new span
    (["B-ORG", "I-ORG", "I-TITLE", "L-TITLE"], [(0, 2, "ORG"), (2, 4, "TITLE")]),
    (["B-ORG", "L-TITLE"], [(0, 1, "ORG"), (1, 2, "TITLE")]),
    # a span still open at the end of the text ends there
    (["O", "B-PERSON", "I-PERSON"], [(1, 3, "PERSON")]),
]


@pytest.mark.parametrize("tags, expected", CASES)
def test_biluo_spans(tags, expected):
    assert biluo_spans(tags) == expected
