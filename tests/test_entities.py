"""The NER stage reads only the clauses before speech cues (scope="cues"): the windows, by hand."""
from __future__ import annotations

import pytest
import regex

import newsie
from newsie.components.entities import _cue, _known_subject, _speaker_name, cue_windows, titled_names

CUE = regex.compile("表示|说")

# (text, before, after, expected windows); worked out by counting characters
WINDOWS = [
    ("没有提示词的一段话。", 5, 2, []),
    # 表示 at 6..8: from 6-5=1 to 8+2=10
    ("某公司的张三表示，很好。", 5, 2, [(1, 10)]),
    # at the line start the window stops at the line (表示 at 2..4 → 0..5)
    ("张三表示：好。", 5, 1, [(0, 5)]),
    # two cues whose windows overlap merge: 表示 at 2..4 → (0, 5); 说 at 7..8 → (4, 9)
    ("张三表示，李四说好的。", 5, 1, [(0, 9)]),
    # windows never cross a line: line 2 starts at 4, 说 at 6..7 → (4, 8), not (1, 8)
    ("第一行\n李四说话", 5, 1, [(4, 8)]),
    # and the end stops at the line's end: 说 at 2..3, end min(3+5, 3) = 3
    ("李四说\n下一行", 5, 5, [(0, 3)]),
    # far apart: two windows (表示 at 2..4 and 15..17: 张三表示 4 + 一…九 9 + 王五 2)
    ("张三表示一二三四五六七八九王五表示", 3, 0, [(0, 4), (12, 17)]),
]


@pytest.mark.parametrize("text,before,after,expected", WINDOWS)
def test_cue_windows(text, before, after, expected):
    assert cue_windows(text, CUE, before, after) == expected


# (text, lead, expected): the first LEAD non-blank lines whole, then the cue windows (before=2, after=0)
LEAD = [
    # headline 0..3, blank line, lead 5..9 whole; 说 at 12..13 → (10, 13)
    ("标题行\n\n第一段话\n王五说", 2, [(0, 3), (5, 9), (10, 13)]),
    # a cue inside the lead adds nothing: 说 at 6..7 is inside (5, 9)
    ("标题行\n\n张三说好\n没有", 2, [(0, 3), (5, 9)]),
    # lead=1: only the headline whole; 说 at 7..8 → (5, 8)
    ("标题行\n\n张三说好", 1, [(0, 3), (5, 8)]),
]


@pytest.mark.parametrize("text,lead,expected", LEAD)
def test_cue_windows_with_the_lead(text, lead, expected):
    assert cue_windows(text, CUE, 2, 0, lead) == expected


# (text before a cue, whether the rules read its speaker alone)
KNOWN = [
    ("星河科技总裁林志远", True),       # title + name
    ("星河科技首席执行官丹尼尔·哈特", True),
    ("会上，他", True),                 # a pronoun opening the clause
    ("。她还", True),
    ("会上，公司", True),
    ("林志远", False),                   # a bare name: the NER must read it
    ("林志远在会上", False),
    ("其他", False),                     # 他 inside a word, not opening a clause
]


@pytest.mark.parametrize("before,known", KNOWN)
def test_known_subjects(before, known):
    assert bool(_known_subject("zh").search(before)) == known


def test_cues_after_a_known_subject_get_no_window():
    text = "标题\n总裁林志远表示，很好。张三表示，也很好。"
    # 表示 at 8..10 follows 总裁林志远 (skipped); 表示 at 16..18 → (14, 18) with before=2, after=0
    assert cue_windows(text, CUE, 2, 0, 1, _known_subject("zh")) == [(0, 2), (14, 18)]


def test_the_shipped_cues_include_speech_verbs_and_quotes():
    cue = _cue("zh")
    assert cue.search("他坦言") and cue.search("他透露") and cue.search("称：“好”")
    assert not cue.search("本届大会在北京举行。")


def test_names_before_a_speech_verb_are_found_and_the_rest_is_not_read():
    nlp = newsie.load_pipeline()
    text = "标题\n\n导语。\n星河科技今年推出三款手机。\n会上，王建国对记者表示，销量很好。"
    doc = nlp(text)
    assert ("王建国", "PERSON") in [(text[s:e], label) for s, e, label in doc._.entities]
    third = text.index("星河")
    assert not any(third <= s < text.index("\n", third) for s, _, _ in doc._.entities)  # no cue, not read


def test_an_unknown_scope_is_a_clear_error():
    import spacy

    nlp = spacy.blank("zh")
    with pytest.raises(ValueError, match="scope"):
        nlp.add_pipe("newsie_entities", config={"scope": "everything"})


def test_cues_after_a_name_the_rules_found_elsewhere_get_no_window():
    text = "总裁林志远出席。林志远在会上表示，很好。张三表示，也很好。"
    # 林志 (read after 总裁) stands in the 12 characters before the first 表示: no window
    assert titled_names(text) == {"林志"}
    assert cue_windows(text, CUE, 2, 0, 0, None, titled_names(text)) == [(20, 24)]


@pytest.mark.parametrize("text,windows", [
    ("业内人士表示，很好。", []),                 # no surname before the cue: no name to find
    ("该机构认为，很好。", []),
    ("王小明表示，很好。", [(0, 5)]),            # 王 is a surname
    ("库克·蒂姆表示，很好。", [(0, 7)]),         # a transliteration with ·
])
def test_cues_with_no_possible_name_before_them_get_no_window(text, windows):
    assert cue_windows(text, _cue("zh"), 5, 0, 0, speaker=_speaker_name("zh")) == windows
