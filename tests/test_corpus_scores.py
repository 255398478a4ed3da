"""The project's own gold corpus, scored as the official scorer scores: a floor per kind.

The corpus was written for newsie and never tuned on article by article (c15-c34 were written
blind, by writers who did not see newsie's code or output); these floors sit a little under the
figures measured on all 34 articles when they were set (events 0.923, people 0.865, quantities
0.989, dates 0.970 exact F1) so that a regression in any extractor fails here.
"""
import pytest

from newsie.review.pairing import compare, totals

from .conftest import corpus_items

FLOORS = {"events": 0.87, "people": 0.80, "quantities": 0.95, "dates": 0.93}
CORPUS = corpus_items()


@pytest.fixture(scope="module")
def corpus_totals(extractor):
    comparisons = [compare(extractor.extract(text, id=doc_id, published=gold.get("published")).to_dict(), gold)
                   for doc_id, text, gold in CORPUS]
    return totals(comparisons)


@pytest.mark.skipif(not CORPUS, reason="no corpus")
@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_corpus_exact_f1_floor(corpus_totals, kind):
    assert corpus_totals[kind]["exact"]["f1"] >= FLOORS[kind], corpus_totals[kind]
