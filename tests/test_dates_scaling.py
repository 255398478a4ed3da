"""find_dates stays linear in the length of the text (no timed assertions).

* k copies of a paragraph give exactly k times the dates of one copy, spans shifted;
* the Python lines executed for 4k copies are about 4 times those for k copies (a loop over
  every earlier mention, or a search of the sentence list from its start, would make it 16);
* the indexes and the sparse composite search give what the plain scans they replace give.
"""
from __future__ import annotations

import random
import sys

import pytest

from newsie import dates
from newsie.dates import find_dates

PUB = "2016-05-19"
SENTENCE = "星云科技总裁李明表示，公司今年营收增长了15%。\n"
MIXED = ("4月28日至30日，公司在北京举行发布会。上周三，小米发布了新品。3日，华为表示将于下月推出手机。"
         "今天上午，“今天”活动开幕。2015年第三季度营收增长，12月28日至1月3日放假，周五开售。\n")
UNITS = [SENTENCE, MIXED, "的", "，。！？、", "1234567890", "中国科技公司大会"]


def _id(v) -> str:
    return ascii(v[:6]) if isinstance(v, str) else str(v)


def _shifted(results: list[dict], by: int) -> list[dict]:
    return [{**r, "span": [r["span"][0] + by, r["span"][1] + by]} for r in results]


@pytest.mark.parametrize("unit", UNITS, ids=_id)
def test_copies_give_shifted_copies_of_the_dates(unit):
    one = find_dates(unit, PUB)
    if unit in (SENTENCE, MIXED):
        assert one  # the check is not vacuous
    for k in (4, 50):
        many = find_dates(unit * k, PUB)
        assert many == [r for i in range(k) for r in _shifted(one, i * len(unit))]


def _lines_executed(text: str) -> int:
    n = 0

    def tracer(frame, event, arg):
        nonlocal n
        if event == "line":
            n += 1
        return tracer

    sys.settrace(tracer)
    try:
        find_dates(text, PUB)
    finally:
        sys.settrace(None)
    return n


@pytest.mark.parametrize("unit,k", [(SENTENCE, 60), (MIXED, 15), ("的", 2000), ("1234567890", 200),
                                    ("中国科技公司大会", 300), ("3日发布", 150), ("今天发布了星期三", 100)], ids=_id)
def test_work_grows_linearly(unit, k):
    find_dates(unit, PUB)  # warm the caches
    small, large = _lines_executed(unit * k), _lines_executed(unit * 4 * k)
    assert large <= 4.5 * small + 200, (small, large)


# ------------------------------------------------------------------- the replacements


def _plain_has_any(t, words, start, end):
    seg = t[start:end]
    return any(w in seg for w in words)


def _plain_in_quote(t, s):
    start = max(t.rfind("\n", 0, s), 0)
    seg = t[start:s]
    return seg.count("“") > seg.count("”") or seg.count("「") > seg.count("」")


def _plain_cue(t, s, e, name):
    """A cue before the date (not a verb suffix such as 了) or after it in its clause, never one
    read across the date itself."""
    start = max([t.rfind(c, 0, s) for c in "，,。！？；;\n"] + [-1]) + 1
    before, after = t[start:s], dates._clause_after(t, e, 30)
    after_only = dates.lexicon.terms("date_cue_after_only")
    return any(w in after for w in dates.lexicon.terms(name)) or \
        any(w in before for w in dates.lexicon.terms(name) if w not in after_only)


def test_indexes_agree_with_plain_scans():
    rnd = random.Random(3)
    alphabet = list("将了已会曾“”「」，。\n的在年月日") + ["预计", "已经", "此前", "计划"]
    words = ("预计", "已经", "了", "将", "此前", "计划在")
    for _ in range(30):
        t = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 1500)))
        tx = dates._Text(t)
        for _ in range(40):
            s = rnd.randint(0, len(t))
            e = rnd.randint(s, min(len(t), s + 5))
            start = rnd.randint(0, s)
            assert tx.has_any(words, start, e) == _plain_has_any(t, words, start, e)
            assert dates._in_quote(tx, s) == _plain_in_quote(t, s)
            for name in ("date_past_cues", "date_future_cues"):
                assert dates._cue(tx, s, e, name) == _plain_cue(t, s, e, name)


def test_long_clause_index_path():
    t = "的" * 3000 + "预计" + "的" * 3000 + "今天"
    tx = dates._Text(t)
    for start, end in [(0, len(t)), (0, 3001), (0, 3002), (2999, 3002), (3001, len(t)), (10, 3001)]:
        assert tx.has_any(("预计",), start, end) == ("预计" in t[start:end])


def test_sparse_composite_search_matches_finditer():
    rnd = random.Random(5)
    alphabet = list("0123456789年月日号季度财Qq前第一二两三十〇零今去明上下半底初末中秋节双至到-~、 ，。\n个份的") + [
        "2015", "今年", "上半年", "中秋节", "双11", "国庆", "12月", "季度", "前年", "年初", "１２"]
    texts = [SENTENCE * 3, MIXED * 2] + [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 60))) for _ in range(400)]
    pat = dates._patterns()["composite"]
    for t in texts:
        t = dates._normalise(t)
        plain = [(m.span(), m.groupdict()) for m in pat.finditer(t) if m.end() > m.start()]
        sparse = [(m.span(), dates._groupdict(m)) for m in dates._composite_matches(t)]
        assert sparse == plain, t
