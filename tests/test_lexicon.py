"""`trie_alternation`: a prefix-tree regex that matches what the flat longest-first
alternation matches (expected matches worked out by hand)."""
from pathlib import Path

import pytest
import regex

from newsie import lexicon

CASES = [
    (["总裁", "总裁助理", "总监", "副总裁"], "副总裁和总裁助理、总监", ["副总裁", "总裁助理", "总监"]),
    (["a", "ab", "abc", "b"], "abcab b", ["abc", "ab", "b"]),
    (["C.E.O", "CEO"], "C.E.O与CEO和CxO", ["C.E.O", "CEO"]),  # escaped: . is no wildcard
    (["首席执行官", "首席技术官", "首席"], "首席技术官、首席科学家", ["首席技术官", "首席"]),
    ([], "", []),
]


@pytest.mark.parametrize("words, text, expected", CASES)
def test_trie_alternation_matches(words, text, expected):
    if not words:
        assert lexicon.trie_alternation(words) == ""
        return
    pattern = regex.compile(f"(?:{lexicon.trie_alternation(words)})")
    assert [m.group() for m in pattern.finditer(text)] == expected


def test_trie_alternation_backtracks_to_a_shorter_term_like_the_flat_one():
    # 总裁助理 would leave no two characters for the name: the shorter 总裁 is taken
    pattern = regex.compile(rf"(?:{lexicon.trie_alternation(['总裁', '总裁助理'])})(\p{{Han}}{{2}})$")
    assert pattern.search("总裁助理").groups() == ("助理",)


@pytest.mark.parametrize("name", ["titles", "speech_verbs", "qty_units", "event_heads"])
def test_data_file_tries_find_what_the_flat_alternations_find(name):
    words = lexicon.terms(name)
    flat = regex.compile("(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")
    trie = regex.compile(f"(?:{lexicon.alternation(name)})")
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "articles"
    for path in sorted(corpus.glob("*.txt"))[:20]:
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], path.name
