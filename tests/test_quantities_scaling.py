"""find_quantities does work in proportion to its text: no timings, only exact counts.

Repeating a paragraph K times must give K times its quantities (same values, spans shifted),
and the work done (characters sliced out of the text, candidates read) must grow K-fold too;
the skip spans are looked up through a sorted index that answers as the plain scan does.
"""
from __future__ import annotations

import random

import pytest

from newsie import quantities as Q
from newsie.quantities import find_quantities

PARAGRAPHS = [
    "星云科技总裁李明表示，公司今年营收增长了15%。\n",
    "据统计，全国已有近80%的用户使用该服务，覆盖12个城市、三四百万人；"
    "项目总投资约10-15万元，较上年增长了两成，达到了261。\n",
]


class CountingStr(str):
    """A str that adds up how many characters were sliced or indexed out of it."""

    taken = 0

    def __getitem__(self, key):
        out = super().__getitem__(key)
        CountingStr.taken += len(out)
        return out


def _shifted(items: list[dict], by: int) -> list[dict]:
    return [dict(q, span=[q["span"][0] + by, q["span"][1] + by]) for q in items]


@pytest.mark.parametrize("para", PARAGRAPHS)
def test_repeated_paragraph_gives_repeated_quantities(para):
    one = find_quantities(para)
    assert one
    k = 4
    many = find_quantities(para * k)
    assert len(many) == k * len(one)
    for i in range(k):
        assert many[i * len(one):(i + 1) * len(one)] == _shifted(one, i * len(para))


@pytest.mark.parametrize("unit", [PARAGRAPHS[0], PARAGRAPHS[1], "1,", "的", "，。！？、", "1234567890",
                                  "近", "十几", "1, ", "达到1,"])
def test_work_grows_linearly(unit, monkeypatch):
    """Characters sliced from the text and candidates read: 4x the text, 4x the work."""
    reads = []
    real_read_at = Q._read_at
    monkeypatch.setattr(Q, "_read_at", lambda text, m: reads.append(1) or real_read_at(text, m))

    def work(copies: int) -> tuple[int, int, int]:
        CountingStr.taken = 0
        reads.clear()
        n = len(find_quantities(CountingStr(unit * copies)))
        return CountingStr.taken, len(reads), n

    base = 500 // len(unit) + 1
    w1, w2, w4 = work(base), work(2 * base), work(4 * base)
    for a, b, c in zip(w1, w2, w4):
        # linear work adds the same for each added copy; quadratic work adds more and more
        assert c - b <= 2 * (b - a) + 64, (unit, w1, w2, w4)
    # a few characters of context per character, not a copy of the rest of the text each
    assert w4[0] <= 40 * len(unit) * 4 * base, (unit, w4)


def test_skip_index_answers_like_a_scan():
    rnd = random.Random(7)
    for _ in range(300):
        spans = [(a, a + rnd.randrange(0, 8)) for a in (rnd.randrange(0, 60) for _ in range(rnd.randrange(0, 12)))]
        index = Q._SkipIndex(spans)
        for _ in range(20):
            s = rnd.randrange(0, 70)
            e = s + rnd.randrange(1, 10)
            assert index.overlaps(s, e) == Q._overlaps((s, e), spans)


def test_many_skip_spans():
    para = PARAGRAPHS[0]
    k = 2000
    text = para * k
    plain = find_quantities(text)
    at = para.index("今年")
    skip = [[i * len(para) + at, i * len(para) + at + 2] for i in range(k)]
    # every other 15% is skipped too
    pct = para.index("15%")
    skip += [(i * len(para) + pct, i * len(para) + pct + 1) for i in range(0, k, 2)]
    rnd = random.Random(3)
    rnd.shuffle(skip)
    got = find_quantities(text, skip)
    assert len(got) == k // 2
    assert [q["span"] for q in got] == [q["span"] for i, q in enumerate(plain) if i % 2 == 1]
