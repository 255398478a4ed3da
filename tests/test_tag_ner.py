"""`biluo_spans`: reading a tagger's BILUO tags as entity spans, including the sequences a
tagger can emit that a transition-based parser cannot (worked out by hand)."""
import numpy
import pytest

from newsie.components.tag_ner import biluo_constraints, biluo_spans, viterbi

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


LABELS = ["O", "B-PERSON", "I-PERSON", "L-PERSON", "U-PERSON", "B-ORG", "I-ORG", "L-ORG", "U-ORG"]


def _logits(rows):
    """One row of logits per token: 5.0 for the listed tags in order of preference, 0 elsewhere."""
    out = numpy.zeros((len(rows), len(LABELS)), dtype="f")
    for i, prefs in enumerate(rows):
        for rank, tag in enumerate(prefs):
            out[i, LABELS.index(tag)] = 5.0 - rank
    return out


@pytest.mark.parametrize("rows, expected", [
    # the best tag of each token is already valid: kept as it is
    ([["B-PERSON"], ["L-PERSON"], ["O"]], ["B-PERSON", "L-PERSON", "O"]),
    ([["O"], ["U-ORG"]], ["O", "U-ORG"]),
    # B followed by O is invalid: B's runner-up U wins (5 + 4 + 5 beats ending the span at O)
    ([["B-ORG", "U-ORG"], ["O"], ["O"]], ["U-ORG", "O", "O"]),
    # a span may not end the text open: the last I becomes L
    ([["B-PERSON"], ["I-PERSON", "L-PERSON"]], ["B-PERSON", "L-PERSON"]),
    # an L with no B before it: the first token becomes B
    ([["O", "B-PERSON"], ["L-PERSON"]], ["B-PERSON", "L-PERSON"]),
    ([], []),
])
def test_viterbi_finds_the_best_valid_sequence(rows, expected):
    constraints = biluo_constraints(LABELS)
    logits = _logits(rows) if rows else numpy.zeros((0, len(LABELS)), dtype="f")
    # decoded alone and beside a longer doc (docs of different lengths share the search)
    [alone] = viterbi([logits], *constraints)
    _, beside = viterbi([_logits([["B-ORG"], ["I-ORG"], ["O"], ["O"], ["L-ORG"]]), logits], *constraints)
    assert [LABELS[i] for i in alone] == expected
    assert beside == alone
