"""Quantities: every number that counts or measures something, normalised.

    find_quantities(text, skip=()) -> list[dict]

Each dict holds ``text, value, value_max, unit, subject, approx, qualifier, span`` as
CONTRACT.md describes.  The reading goes in small steps, each a pure function:

1. ``_CORE`` finds a number core (Arabic, Chinese, mixed, 百分之…, …分之…, 数/几/上…),
   with its sign (-6%, 零下30摄氏度; 负 is a minus only before a temperature or after a copula).
2. ``_read_at`` extends it with a range, a multiplier, the unit or measure word and the
   hedges before and after; the units and hedges come from data files (``qty_*.txt``).
   A unit that begins a longer word (``qty_unit_words``: 分会场, 门店) is not read there, and
   one that also writes ordinals and names (``qty_unit_cues``: 三期工程, 1080P) only where a
   cue licenses it (分三期, 两代, 为期四日, 算力…500P).
3. ``_excluded`` drops dates, clock times, ordinals, numbers inside names and terms, the
   indefinite 一 and words with no number.
4. ``_subject`` takes the phrase that names what is counted from the syntax around it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import itemgetter
from typing import Optional, Sequence

import regex


from . import lexicon
from .numbers import _rx, _rx_fullmatch, _rx_match, _rx_search, _rx_sub  # cached compiled patterns
from .numbers import (
    ARABIC, BIG_UNITS, CN_CLASS, CN_DIGIT_CLASS, CN_SCAN_CLASS, CN_SCAN_DIGIT_CLASS, CN_UNIT_CLASS,
    DIGITS, ZEROS,
    parse_approx, parse_chinese, parse_decimal, parse_fraction, parse_range,
)

BIG = "".join(BIG_UNITS)
# one number: Arabic (maybe with multipliers and more Arabic: 1億4000萬), or Chinese
_N = (rf"(?:{ARABIC}(?:[{CN_UNIT_CLASS}]+(?:{ARABIC}[{BIG}千百])*)?"
      rf"|[{CN_SCAN_CLASS}]+(?:[点點][{CN_SCAN_DIGIT_CLASS}]+[{BIG}]*)?)")
# 半 as a duration of its own: 不到半年, 半个月, 半小时, 半个多小时, 提前半年 (not 上半年, 前半年,
# 一年半, 两个半月)
_HALF_DURATION = r"(?<![上下后後大多个個0-9０-９])(?<!(?<!提)前)半(?=年(?![报報度])|个月|個月|个多月|個多月|小时|小時|个小时|個小時|个多小时|個多小時)"
# the standard library's `re`: this pattern needs nothing of `regex`, and `re` scans a text with
# it in about half the time (benchmarks/README.md)
_CORE = re.compile(
    rf"(?P<pct>百分之|千分之)(?P<pnum>{_N})"
    rf"|(?P<den>{_N})分之(?P<fnum>{_N})"
    rf"|(?<![0-9/])(?P<fa>[1-9])/(?P<fb>[1-9][0-9]?)(?![0-9/])"
    rf"|(?P<half>一半)"
    rf"|(?P<halfu>{_HALF_DURATION})"
    rf"|(?P<sign>[-−－](?=[0-9０-９])|零[下上](?=[0-9０-９{CN_SCAN_DIGIT_CLASS}十])"
    rf"|(?<![正胜勝])[负負](?=[0-9０-９{CN_SCAN_DIGIT_CLASS}十]))?"
    rf"(?P<pre>[数幾几]|上(?=[十百千万萬亿億]))?(?P<num>{_N})"
)
_CORE_NAMES = tuple(sorted(_CORE.groupindex, key=_CORE.groupindex.get))
assert len(_CORE_NAMES) == _CORE.groups  # every group is named: groups() lines up with the names
# the sign words: 零下/负 a minus (零下30摄氏度), 零上 a plus that stays in the text
_PLUS_SIGNS = ("零上",)
_COPULAS = ("为", "為", "是", "至", "到", "达", "達")


def _negates(sign: Optional[str], kind: Optional[str], before: str) -> bool:
    """Whether SIGN makes the number negative: 负 does only before a temperature (负20摄氏度) or
    after a copula (增速为负1.5%); elsewhere it is the verb (自负六成责任, 所负三场)."""
    return bool(sign) and sign not in _PLUS_SIGNS and (
        sign not in "负負" or kind == "temperature" or before in _COPULAS)


_RANGE_SEP = regex.compile(r"\s?(?:到|至|~|～|-|－|—{1,2}|–)\s?")
_CLAUSE_BREAK = regex.compile(r"[，,。；;：:！!？?\n\r（）()“”\"「」『』《》【】…、]")
_SENTENCE_BREAK = regex.compile(r"[。；;！!？?\n\r]")
_LATIN = regex.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_LATIN_OR_DIGIT = regex.compile(r"[A-Za-zＡ-Ｚａ-ｚ0-9０-９]")
_HAN = regex.compile(r"\p{Han}")


# ---------------------------------------------------------------- data

@lru_cache(maxsize=None)
def _units() -> dict[str, tuple[str, str]]:
    out = {}
    for form, cols in lexicon.table("qty_units").items():
        norm = cols[0] if cols else form
        kind = cols[1] if len(cols) > 1 else "measure"
        out[form] = (None if norm == "-" else norm, kind)
    return out


@lru_cache(maxsize=None)
def _prefixed_units() -> tuple[str, ...]:
    """The units that begin with a multiplier character (千伏, 千瓦时, 兆瓦), longest first."""
    return tuple(sorted((u for u in _units() if u[0] in "千兆"), key=len, reverse=True))


@lru_cache(maxsize=None)
def _unit_re() -> regex.Pattern:
    no_prefix = lexicon.trie_alternation(_prefixed_units())
    mult = rf"(?:(?!{no_prefix})[{BIG}])*" if no_prefix else rf"[{BIG}]*"  # 100兆瓦: 兆 begins the unit
    return regex.compile(
        rf"(?P<space>[ \u00a0]?)(?P<inside>多|余|餘|(?<=[0０十百千万萬])[来來])?(?P<mult>{mult})"
        rf"(?P<unit>{lexicon.alternation('qty_units')})?")


@lru_cache(maxsize=None)
def _unit_cues() -> dict[str, dict[str, tuple[str, ...]]]:
    """qty_unit_cues: unit form → where (before, after, numeral, sentence) → its cues."""
    out: dict[str, dict[str, list[str]]] = {}
    for line in lexicon._lines("qty_unit_cues", "zh"):
        units, where, cue = line.split("\t")[:3]
        for u in units.split(","):
            out.setdefault(u, {}).setdefault(where, []).append(cue)
    return {u: {w: tuple(sorted(c, key=len, reverse=True)) for w, c in d.items()} for u, d in out.items()}


@lru_cache(maxsize=None)
def _unit_words() -> dict[str, tuple[str, ...]]:
    """qty_unit_words by first character: words that begin with a unit but are other words."""
    out: dict[str, list[str]] = {}
    for w in lexicon.terms("qty_unit_words"):
        out.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


def _unit_word_at(text: str, pos: int, utext: str) -> bool:
    """Whether the unit UTEXT at POS begins a longer word instead (分会场, 门店, 发布)."""
    return any(len(w) > len(utext) and w.startswith(utext) and text.startswith(w, pos)
               for w in _unit_words().get(utext[0], ()))


def _licensed(text: str, s: int, num: str, end: int, utext: str) -> bool:
    """Whether a unit that qty_unit_cues lists has one of its cues around the number at S
    (分三期, 两代, 12期免息, 为期四日, 算力…500P); units it does not list always do."""
    cues = _unit_cues().get(utext)
    if cues is None:
        return True
    if any(text.endswith(c, 0, s) for c in cues.get("not_before", ())):
        return False  # 3月10日内: the day of a month, not a duration
    if not cues.keys() - {"not_before"}:
        return True  # a unit that only a word before it can take back (十日内)
    if num in cues.get("numeral", ()):
        return True
    if any(text.endswith(c, 0, s) for c in cues.get("before", ())):
        return True
    if any(text.startswith(c, end) for c in cues.get("after", ())):
        return True
    if cues.get("sentence"):
        lo, hi = max(0, s - 80), min(len(text), end + 80)
        breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text, lo, s)]
        after = _SENTENCE_BREAK.search(text, end, hi)
        sentence = text[breaks[-1] if breaks else lo:after.start() if after else hi]
        return any(c in sentence for c in cues["sentence"])
    return False


@lru_cache(maxsize=None)
def _unit_starts() -> frozenset[str]:
    """Every character a non-empty ``_unit_re`` match can start with."""
    return frozenset(" \u00a0多余餘来來" + BIG) | {form[0] for form in _units()}


class _NoUnit:
    """What ``_unit_re().match(text, pos)`` gives where nothing it knows starts at POS."""

    __slots__ = ("_end",)

    def __init__(self, end: int):
        self._end = end

    def group(self, name: str) -> Optional[str]:
        return "" if name in ("space", "mult") else None

    def end(self) -> int:
        return self._end


def _unit_at(text: str, pos: int):
    """``_unit_re().match(text, pos)``, without running the long alternation where no unit,
    multiplier, inside hedge or space starts at POS (it always matches, maybe empty)."""
    if text[pos:pos + 1] in _unit_starts():
        return _unit_re().match(text, pos)
    return _NoUnit(pos)


@lru_cache(maxsize=None)
def _hedges() -> dict[str, list[tuple[str, bool]]]:
    out: dict[str, list[tuple[str, bool]]] = {"before": [], "after": [], "inside": [], "gap": []}
    for line in lexicon._lines("qty_hedges", "zh"):
        word, where, approx = (line.split("\t") + ["", ""])[:3]
        out[where].append((word, approx == "1"))
    for k in out:
        out[k].sort(key=lambda x: -len(x[0]))
    return out


@lru_cache(maxsize=None)
def _trim() -> tuple[list[str], list[str]]:
    head, tail = [], []
    for word, cols in lexicon.table("qty_subject_trim").items():
        where = cols[0] if cols else "tail"
        if where in ("head", "both"):
            head.append(word)
        if where in ("tail", "both"):
            tail.append(word)
    return sorted(head, key=len, reverse=True), sorted(tail, key=len, reverse=True)


# ---------------------------------------------------------------- helpers

_ARABIC_DIGIT = regex.compile(r"[0-9０-９]")


def _is_arabic(s: str) -> bool:
    return bool(_ARABIC_DIGIT.search(s))


def _has_digit(s: str) -> bool:
    return _is_arabic(s) or any(c in DIGITS for c in s)


def _overlaps(a: tuple[int, int], spans: Sequence[Sequence[int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


class _SkipIndex:
    """SKIP spans sorted by start, with the running maximum of their ends, so that
    "does [a, b) overlap any span" (``_overlaps``) costs O(log n) instead of O(n)."""

    __slots__ = ("starts", "max_end")

    def __init__(self, spans: Sequence[Sequence[int]]):
        pairs = sorted(((s, e) for s, e in spans), key=itemgetter(0))
        self.starts = [s for s, _ in pairs]
        self.max_end = []
        top = None
        for _, e in pairs:
            top = e if top is None or e > top else top
            self.max_end.append(top)

    def overlaps(self, a: int, b: int) -> bool:
        # the spans with start < b are the first k; one of them ends after a iff the largest end does
        k = bisect_left(self.starts, b)
        return k > 0 and a < self.max_end[k - 1]


def _value(num: str) -> Optional[float]:
    return parse_decimal(num)


def _latin_unit(u: str) -> bool:
    return bool(_LATIN.search(u[-1:]))


def _clause_start(text: str, i: int) -> int:
    m = None
    for m in _CLAUSE_BREAK.finditer(text, max(0, i - 40), i):
        pass
    return m.end() if m else max(0, i - 40)


# ---------------------------------------------------------------- hedges

@lru_cache(maxsize=None)
def _before_hedges_by_length() -> tuple[tuple[int, dict[str, bool]], ...]:
    """The "before" hedges grouped by length, longest first (as ``_hedges`` orders them):
    the first hedge of that list a string ends with is its longest suffix in it."""
    by_len: dict[int, dict[str, bool]] = {}
    for word, approx in _hedges()["before"]:
        by_len.setdefault(len(word), {}).setdefault(word, approx)
    return tuple(sorted(by_len.items(), reverse=True))


@lru_cache(maxsize=None)
def _hedge_blockers(hedge: str) -> tuple[tuple[str, int], ...]:
    """The words of qty_hedge_blockers that contain HEDGE, each with every offset of HEDGE in it."""
    out = []
    for w in lexicon.terms("qty_hedge_blockers"):
        i = w.find(hedge)
        while i >= 0:
            out.append((w, i))
            i = w.find(hedge, i + 1)
    return tuple(out)


def _hedge_blocked(text: str, hs: int, he: int) -> bool:
    """Whether the hedge at [HS, HE) is part of a listed word that is no hedge (签约, 约定)."""
    return any(hs >= off and text.startswith(w, hs - off) for w, off in _hedge_blockers(text[hs:he]))


@lru_cache(maxsize=None)
def _hedge_reach() -> regex.Pattern:
    """约为|约占 + a phrase + 的 right before the number: 约为同期增速的3.2倍, 约占总数的三分之一."""
    links = lexicon.alternation("qty_hedge_links")
    return regex.compile(rf"(大约|大約|约|約)(?:{links})([^\p{{P}}\s0-9０-９]{{1,16}})的$")


def _pre_hedge(text: str, start: int) -> tuple[int, Optional[str], bool]:
    """The hedge right before the number: (its start, word, approx)."""
    hs, word, approx, at = _pre_hedge_at(text, start)
    if word and _hedge_blocked(text, at, at + len(word)):
        return start, None, False  # 签约30个项目: the 约 of 签约
    return hs, word, approx


def _pre_hedge_at(text: str, start: int) -> tuple[int, Optional[str], bool, int]:
    """``_pre_hedge``, with where the hedge word itself starts."""
    window = text[max(0, start - 12):start]
    for gap in ("", "了", "已", "已经", "已經", "占", "佔", "为", "為", "是", "合", "有"):
        if gap and not window.endswith(gap):
            continue
        w = window[: len(window) - len(gap)]
        for n, words in _before_hedges_by_length():
            if n <= len(w) and w[len(w) - n:] in words:
                word = w[len(w) - n:]
                approx = words[word]
                before = w[: len(w) - len(word)]
                if word in ("近",) and before.endswith(("最", "附", "临", "臨", "接", "将", "將", "靠")):
                    continue
                if word in ("超",) and before.endswith(("高", "买", "買", "卖", "賣")):
                    continue  # 高超; 買超/賣超 (net buying or selling of shares) bound nothing
                return start - len(gap) - len(word), word, approx, start - len(gap) - len(word)
    # 约/大约 a few words back in the same clause: 约是去年的6倍
    m = _rx_search(r"(大约|大約|约|約)[^\p{P}\s0-9０-９]{1,6}$", window)
    if m and not _rx_search(rf"[{CN_CLASS}]", m.group()[len(m.group(1)):]):
        return start, m.group(1), True, start - len(window) + m.start(1)
    # 约为/约占 a longer phrase and its 的 back: 约为同期GDP名义增速的3.2倍
    m = _hedge_reach().search(text, max(0, start - 24), start)
    if m and not _rx_search(rf"[{CN_CLASS}]", m.group(2)):
        return start, m.group(1), True, m.start(1)
    # a hedge before the phrase whose share or multiple the number is: 接近课程时长的九成
    m = _rx_search(r"(接近|将近|將近|超过|超過|不到|不足)([^\p{P}\s0-9０-９]{1,8})的$", window)
    if m and not _rx_search(rf"[{CN_CLASS}]", m.group(2)):
        return start, m.group(1), _is_approx_hedge(m.group(1)), start - len(window) + m.start(1)
    return start, None, False, start


def _is_approx_hedge(word: str) -> bool:
    """Whether the "before" hedge WORD is a hedge (approx) rather than a bound."""
    return any(word in words and words[word] for _, words in _before_hedges_by_length())


def _post_hedge(text: str, end: int, unit_kind: Optional[str]) -> tuple[int, Optional[str], bool]:
    for word, approx in _hedges()["after"]:
        if text.startswith(word, end):
            if word == "多" and unit_kind not in ("time", "multiple") \
                    and not (unit_kind == "percent" and text[end - 1:end] in "成%％"):
                continue  # 一成多, 30%多: more than a share too
            if word == "多" and text.startswith(("多数", "多數", "多个", "多個", "多家", "多名", "多位"), end):
                continue
            if word == "多" and text.startswith(("多元", "多功能", "多媒体", "多样"), end):
                continue
            if word in ("以下",) and text.startswith("以下是", end):
                continue
            if word in ("+", "＋") and _rx_match(r"\s*[0-9０-９]", text[end + 1:end + 3]):
                continue  # 8GB+256GB: a combination, not "8GB or more"
            return end + len(word), word, approx
    if text.startswith(("及以上", "及以下"), end):
        return end + 3, text[end + 1:end + 3], False  # 16奈米及以下: the bound, with 及
    for gap, _ in _hedges()["gap"]:
        # 两倍还多, 翻了一番还多: a hedge after 还 that ends the clause
        if text.startswith(gap, end):
            e2, word, approx = _post_hedge(text, end + len(gap), unit_kind)
            if word and approx and (e2 >= len(text) or not _HAN.match(text, e2)):
                return e2, word, approx
    return end, None, False


# ---------------------------------------------------------------- exclusions

@lru_cache(maxsize=None)
def _exclude_words() -> tuple[str, ...]:
    return lexicon.terms("qty_exclude")


@lru_cache(maxsize=None)
def _term_numbers() -> frozenset[str]:
    return frozenset(lexicon.terms("qty_terms"))


@lru_cache(maxsize=None)
def _clock_words() -> tuple[str, ...]:
    return tuple(sorted(lexicon.terms("qty_clock"), key=len, reverse=True))


@lru_cache(maxsize=None)
def _exclude_re() -> regex.Pattern:
    return regex.compile(lexicon.alternation("qty_exclude"))


@lru_cache(maxsize=None)
def _exclude_width() -> int:
    return max(map(len, _exclude_words()))


def _in_excluded_word(text: str, s: int, e: int, ustart: Optional[int] = None) -> bool:
    """Whether the quantity at S starts inside a listed non-quantity word (百度, 万一, 三只松鼠,
    三番五次); a word that begins after S is part of the number (43.6万分, 两万一千)."""
    width = _exclude_width()
    lo = max(0, s - width + 1)
    for m in _exclude_re().finditer(text, lo, min(len(text), s + width), overlapped=True):
        if m.start() <= s < m.end() and not (ustart is not None and ustart < m.end() < e):
            return True  # (a unit that begins inside the word and runs past it: 十分钟 is no 十分)
    return False


_BIG_ENDS = tuple("百佰千仟" + BIG)  # no month or day number ends so


def _date_like(text: str, s: int, num: str, end: int, unit: Optional[str]) -> bool:
    """Dates and clock times: 2014年, 4月30日, 一季度, 晚上八点, 10:30."""
    nxt = text[end:end + 4]
    plain = _rx_sub(r"\s", "", num)
    # a month or day follows the numeral itself, never a unit or a multiplier: 6.3% 月活, 10亿月活跃用户
    at_numeral = text.endswith(num, 0, end - (text[end - 1:end] in "几幾多余餘")) and not num.endswith(_BIG_ENDS)
    if at_numeral and _rx_match(r"\s?(?:月|日|号|號|[时時](?![间間长長段候])|点半|点钟|点整|点\d|:\d|：\d)", nxt):
        return True  # 4天时间 is a duration, not a clock's 时
    # 9点30分, 14时37分, 3小时20分, 3分10秒: the minutes of a clock time or of a duration;
    # 82.7分 is a score
    if _rx_match(r"\s?分(?!之|钟|鐘)", nxt) and (
            _rx_search(rf"(?:[0-9０-９{CN_CLASS}][点點时時:：]|小[时時]|钟头|鐘頭)$", text[max(0, s - 2):s])
            or _rx_match(r"\s?分[0-9０-９半秒]", nxt)):
        return True
    if _rx_match(r"\s?季度", nxt) or text.startswith("度", end) and unit == "季":
        return True
    if unit == "季" and s > 0 and text[s - 1] in "前后後首":
        return True  # 前三季: the first three quarters, a date
    if s > 0 and text[s - 1] in ":：" and s > 1 and text[s - 2].isdigit():
        return True
    if unit == "年":
        after = text[end:end + 3]
        if _rx_fullmatch(r"[12][0-9]{3}|[１２][０-９]{3}", plain):
            return True
        if len(plain) in (2, 4) and all(c in DIGITS for c in plain) and parse_range(plain) is None:
            return True
        if s > 0 and text[s - 1] in "'’‘":
            return True
        if _rx_match(rf"(?:代|级|級|度|底|初|末|[0-9０-９{CN_DIGIT_CLASS}十]{{1,2}}月)", after):
            return True
    if unit == "点":
        before = text[max(0, s - 4):s]
        if any(before.endswith(w) for w in _clock_words()):
            return True
    return False


def _term_like(text: str, s: int, e_num: str, end: int, unit: Optional[str]) -> bool:
    """Numbers inside names and terms: 双12, O2O, 4G, iPhone 6, HarmonyOS 3, 3C, Mate50."""
    before = text[max(0, s - 2):s]
    if before.endswith("第"):
        return True
    if before.endswith("双") or before.endswith("雙"):
        return True
    if unit == "版" and _rx_search(r"[.．点點]", e_num):
        return True  # a decimal before 版 is a version: 1.0版, 2.5版
    term = e_num in _term_numbers() and unit in (None, "大")
    if not _is_arabic(e_num):
        return term
    if _LATIN.search(before[-1:]) or (s > 0 and text[s - 1] in "-_/"):
        return True
    if unit is None and _rx_search(r"[A-Za-z][ ]$", text[max(0, s - 2):s]):
        return True
    if unit is None and (_LATIN.match(text[end:end + 1]) or _rx_match(r"[-_][A-Za-z0-9]", text[end:end + 2])):
        return True
    return term


def _ordinal_session(text: str, s: int, end: int, unit: Optional[str]) -> bool:
    """A numbered session of a term (十二届全国人大三次会议, 第十届理事会二次会议): N次会议 after a
    届 in the same clause names the session, it counts nothing (qty_ordinal_sessions)."""
    if unit is None or not any(text.startswith(w, end) for w in lexicon.terms("qty_ordinal_sessions")):
        return False
    head = text[max(0, s - 12):s]
    cut = _CLAUSE_BREAK.search(head[::-1])
    if cut:
        head = head[len(head) - cut.start():]
    return any(w in head for w in lexicon.terms("qty_ordinal_session_heads"))


# ---------------------------------------------------------------- subject

@lru_cache(maxsize=None)
def _trim_by_length() -> tuple[tuple[tuple[int, frozenset], ...], tuple[tuple[int, frozenset], ...]]:
    """The trim words grouped by length, longest first: the first word of a longest-first
    list that a string ends (starts) with is its longest suffix (prefix) in the list."""
    def group(words: list[str]) -> tuple[tuple[int, frozenset], ...]:
        lens = sorted({len(w) for w in words}, reverse=True)
        return tuple((n, frozenset(w for w in words if len(w) == n)) for n in lens)
    head, tail = _trim()
    return group(head), group(tail)


def _trim_subject(seg: str) -> str:
    head, tail = _trim_by_length()
    seg = seg.strip()
    changed = True
    while changed and seg:
        changed = False
        for n, words in tail:
            if len(seg) >= n and seg[-n:] in words:
                seg = seg[:-n].strip()
                changed = True
                break
        for n, words in head:
            if len(seg) >= n and seg[:n] in words:
                seg = seg[n:].strip()
                changed = True
                break
    return seg


_AFTER_CUT = regex.compile(
    r"[的地得了着是为在和与及或也都将把被从向于以等中内里前后来起就已还又再才只仅约近超达到至每各该这那其之所"
    r"而但并且对给让使如上下左右多余，,。；;：:！!？?、（）()“”\"「」《》【】\s]")


def _after_phrase(text: str, end: int) -> str:
    """The noun phrase a quantity modifies: 12个|城市, 近80%的|用户, 四个哈曼卡顿调音的|扬声器单元."""
    chunk = text[end:end + 14]
    m = _rx_match(r"[^，,。；;：:！!？?、（）()“”\"「」《》【】\n]*", chunk)
    chunk = m.group() if m else ""
    if "的" in chunk[:8]:
        head = chunk[chunk.index("的") + 1:]
    else:
        head = chunk
    if head.startswith(" "):
        head = head[1:]
    cut = _AFTER_CUT.search(head)
    phrase = (head[: cut.start()] if cut else head).strip()
    if not _HAN.search(phrase) and not _LATIN.search(phrase):
        return ""
    return phrase[:10]


_LEADING_DATE = regex.compile(r"^(?:[0-9０-９一二三四五六七八九十〇零]*[年月日号]份?|[至到—\-])+")


def _subject(text: str, qstart: int, end: int, kind: Optional[str], prev: Optional[dict]) -> Optional[str]:
    after = _after_phrase(text, end)
    follows_de = text.startswith("的", end)
    if after and (kind in ("count", "people") or (len(after) >= 2 and (
            kind in ("measure", "temperature", "multiple", "money", None) or follows_de))):
        return after
    cs = _clause_start(text, qstart)
    if prev is not None and prev["span"][1] > cs:
        cs = prev["span"][1]
    seg = text[cs:qstart]
    seg = _rx_sub(r"^[\s\p{P}]+", "", seg)
    seg = _LEADING_DATE.sub("", seg)
    trimmed = _trim_subject(seg)
    # a subject is a phrase, not a string of digits or punctuation
    trimmed = _rx_sub(r"^[^\p{Han}A-Za-z]+|[^\p{Han}A-Za-z0-9]+$", "", trimmed)
    trimmed = _trim_subject(_LEADING_DATE.sub("", trimmed))
    if len(trimmed) > 12:
        trimmed = trimmed[-12:]
    if len(trimmed) >= 2 or (trimmed and not after):
        return trimmed
    if prev is not None and _SENTENCE_BREAK.search(text, prev["span"][1], qstart) is None \
            and prev.get("subject"):
        return prev["subject"]
    return after or trimmed or None


# ---------------------------------------------------------------- reading

def _split_unit_prefix(text: str, num: str, e: int) -> tuple[str, int]:
    """220千伏, 100兆瓦: a 千/兆 that ends the number and begins a unit belongs to the unit,
    unless a Chinese digit before 千 makes it a multiplier (三千瓦 stays 3000 瓦)."""
    if len(num) > 1 and num[-1] in "千兆" and any(text.startswith(u, e - 1) for u in _prefixed_units()):
        if num[-1] == "兆" or _is_arabic(num) or num[-2] not in DIGITS:
            return num[:-1], e - 1
    return num, e


# what a rate is counted per, after a slash: 元/月, 次/千公里, 元/平米, 元/人 (no figure: 8GB/256GB)
@lru_cache(maxsize=None)
def _per_unit() -> regex.Pattern:
    """/ and what a rate is counted per (data file qty_per_units), maybe after 千/百/万."""
    return regex.compile(rf"[/／](?P<mult>[千百万萬]?)(?P<den>{lexicon.alternation('qty_per_units')})(?![A-Za-z])")


# 成 that begins a word (成为, 成本, 成立): no tenths
@lru_cache(maxsize=None)
def _cheng_word() -> regex.Pattern:
    """成 starting a word (成为, 成本: data file qty_cheng_words), not the share unit 成."""
    return regex.compile(rf"成[{regex.escape(''.join(lexicon.terms('qty_cheng_words')))}]")

# the digit after 成 that writes the next decimal (三成五), where no word goes on after it
_TENTH = regex.compile(rf"([{CN_SCAN_DIGIT_CLASS.replace('〇', '').replace('零', '')}]|半)"
                       r"(?=$|[^\p{Han}]|的|左右|以上|以下|上下|之)")


def _read_at(text: str, m: re.Match) -> Optional[dict]:
    s, e = m.span()
    g = dict(zip(_CORE_NAMES, m.groups()))  # m.groupdict(), several times faster
    value = None
    value_max = None
    unit = None
    kind = None
    approx = False
    qualifier = None
    num_text = g["num"] or ""

    if g["half"]:
        if text.startswith(("一半天", "一半儿"), s):
            return None
        value, unit, kind = 50, "%", "percent"
        end = e
    elif g["halfu"]:
        um = _unit_at(text, e)  # the lookahead saw a time unit there
        value, (unit, kind), end = 0.5, _units()[um.group("unit")], um.end()
        if "多" in um.group("unit"):  # 半个多小时
            approx, qualifier = True, "多"
    elif g["pct"]:
        value = _value(g["pnum"])
        if value is None:
            return None
        unit, kind = ("%" if g["pct"] == "百分之" else "‰"), "percent"
        end = e
    elif g["den"] is not None:
        value = parse_fraction(m.group())
        if value is None:
            return None
        end = e
    elif g["fa"]:
        value = parse_fraction(m.group())
        if value is None or int(g["fa"]) >= int(g["fb"]):
            return None
        end = e
    else:
        ap = parse_approx(g["pre"] + num_text) if g["pre"] else None
        if ap is not None:
            value, approx, qualifier = ap.value, ap.approx, ap.qualifier
        elif g["pre"]:
            # 会员数十五万: the 数 belongs to the noun before
            m = _CORE.match(text, m.start("num"))
            return _read_at(text, m) if m else None
        else:
            num_text, e = _split_unit_prefix(text, num_text, e)
            value = _value(num_text)
        end = e
        # 十几, 二十几万
        if value is not None and text.startswith("几", end) and _rx_search(r"[十百千万萬亿億]$", num_text):
            mm = _rx(rf"几([{BIG}]?)").match(text, end)
            ap = parse_approx(num_text + mm.group())
            if ap:
                value, approx, qualifier = ap.value, True, "几"
                end += len(mm.group())
        if value is None:
            # adjacent digits: 五六年, 三四个, 二三十家
            r = parse_range(num_text)
            if r is None:
                return None
            value, value_max = r.low, r.high
        if g["sign"] and g["sign"] not in _PLUS_SIGNS:
            value = -value  # taken back below where 负 turns out no minus

    # unit, with a multiplier or inside hedge before it (半年 has read its unit already)
    um = _NoUnit(end) if g["halfu"] else _unit_at(text, end)
    mult, inside, utext = um.group("mult"), um.group("inside"), um.group("unit")
    if inside in ("来", "來") and not (mult or utext):
        um = _NoUnit(end)  # 从1000来看: 来 hedges a round number only before a measure word (二十来单)
        mult, inside, utext = None, None, None
    if (mult or utext or inside) and um.group("space") and not _is_arabic(num_text):
        return None
    if um.group("space") and not (mult or utext):
        um = None
    uend = um.end() if um is not None else end
    if um is not None and utext and (
            (_latin_unit(utext) and _LATIN_OR_DIGIT.match(text[uend:uend + 1]))  # 5Gbps is a unit, 5Gxx, 5V5 are not
            or _unit_word_at(text, uend - len(utext), utext)  # 3分会场, 100万发放
            or not _licensed(text, s, num_text, uend, utext)):  # 三期工程, 1080P
        uend -= len(utext)
        utext = None
        um = None if not (mult or inside) else um
    if um is not None and (mult or utext or inside):
        if g["pct"] or g["den"] is not None or g["fa"] or g["half"]:
            if mult or inside:
                return None
        if mult:
            scale = parse_chinese("1" + mult)
            if scale is None:
                return None
            value = value * scale
            if value_max is not None:
                value_max = value_max * scale
        if inside:
            approx, qualifier = True, inside
        if utext:
            unit, kind = _units()[utext]
            if "多" in utext:  # 三个多小时, 4分多钟
                approx, qualifier = True, "多"
        elif not mult:
            return None  # 30多 with nothing after: not read
        end = uend if (utext or mult) else end
        if utext and (per := _per_unit().match(text, end)):
            # a rate: 120元/月, 1.1次/千公里, 3元/平米 (the unit over what it is counted per)
            den = per.group("den")
            den = _units()[den][0] or den if den in _units() else den
            unit, end = f"{unit}/{per.group('mult')}{den}", per.end()
    if g["sign"] and g["sign"] not in _PLUS_SIGNS and not _negates(g["sign"], kind, text[s - 1:s]):
        value, s, g["sign"] = -value, s + len(g["sign"]), None  # 自负六成: the verb 负 stays out
    if unit is None and kind is None and utext is None and g["num"] and text.startswith("成", end):
        # 两成 → 20 %
        if _cheng_word().match(text, end):
            return None
        value, unit, kind = value * 10, "%", "percent"
        if value_max is not None:
            value_max *= 10
        end += 1
        tenth = _TENTH.match(text, end) if value_max is None else None
        if tenth:  # 三成五 → 35 %, 七成半 → 75 %
            value += 5 if tenth.group(1) == "半" else DIGITS[tenth.group(1)]
            end = tenth.end()

    # ranges: 18到45岁, 10-15万, 5000-7000元, 14.58万~15.98万元
    if value_max is None and g["num"] and not g["pre"]:
        rm = _RANGE_SEP.match(text, end)
        if rm and not _rx_search(r"从(?!.*(?:起|开始|開始))", text[_clause_start(text, s):s]):
            m2 = _CORE.match(text, rm.end())
            if m2 and m2.group("num") and not m2.group("pre"):
                v2 = _value(m2.group("num"))
                um2 = _unit_at(text, m2.end())
                kind2 = _units()[um2.group("unit")][1] if um2.group("unit") else kind
                if v2 is not None and _negates(m2.group("sign"), kind2, text[m2.start() - 1:m2.start()]):
                    v2 = -v2  # 零下30至零下10摄氏度
                mult2 = um2.group("mult") if um2 else ""
                u2 = um2.group("unit") if um2 and not um2.group("space") else None
                if v2 is not None and not um2.group("inside") and not um2.group("space"):
                    # a multiplier written only on the high end applies to both: 10-15万
                    low = value
                    trail = _rx_search(rf"[{BIG}]+$", m2.group("num"))
                    if trail and not mult and not _rx_search(rf"[{CN_UNIT_CLASS}]", num_text):
                        sc = parse_chinese("1" + trail.group())
                        if sc and value * sc < v2:
                            low = value * sc
                    if mult2:
                        sc = parse_chinese("1" + mult2)
                        v2 = v2 * sc
                        if not mult and unit is None:
                            low = low * sc
                    unit2 = _units()[u2] if u2 else (None, None)
                    # a date after the range makes the whole a date: 1-4月, 2014-2015年
                    if _date_like(text, m2.start(), m2.group("num"), um2.end() if u2 or mult2 else m2.end(), u2):
                        return None
                    same_kind = (unit is None or unit == unit2[0]) and (_is_arabic(num_text) == _is_arabic(m2.group("num")))
                    if same_kind and v2 > low and (u2 or unit or mult2 or mult):
                        value, value_max = low, v2
                        if unit is None and u2:
                            unit, kind = unit2
                            utext = u2  # 3至5个: the measure word is the high end's
                        end = um2.end() if (u2 or mult2) else m2.end()
                    elif same_kind and unit is None and not (u2 or mult or mult2) and v2 > low \
                            and text.startswith("成", m2.end()) and not _cheng_word().match(text, m2.end()):
                        # 一到两成, 三至四成: tenths written once, after the high end
                        value, value_max, unit, kind = low * 10, v2 * 10, "%", "percent"
                        end = m2.end() + 1

    qstart = s
    if g["sign"] is None and g["pct"] is None:
        pass
    return {"start": qstart, "end": end, "num": num_text, "value": value, "value_max": value_max,
            "unit": unit, "kind": kind, "approx": approx, "qualifier": qualifier,
            "utext": utext, "mult": mult if um is not None else "", "groups": g}


def _emit(text: str, q: dict) -> bool:
    """Whether a read number is a quantity per the guidelines."""
    g = q["groups"]
    s, end, num = q["start"], q["end"], q["num"]
    unit, kind, utext = q["unit"], q["kind"], q["utext"]
    if g["half"] or g["halfu"] or g["pct"] or g["den"] is not None or g["fa"]:
        return not (s > 0 and text[s - 1] == "第")
    if not (unit is not None or kind is not None or q["mult"] or any(c in BIG for c in num)
            or g["pre"] or q["approx"] or _is_arabic(num) or _hedged_round(text, s, num)):
        return False  # a Chinese numeral with nothing to count: 一直, 三星
    if _is_arabic(num) and unit is None and kind is None and not q["mult"] \
            and not any(c in BIG for c in num) and q["value_max"] is None \
            and text[end:end + 1] not in "，,。；;、＋+" and not _bare_figure_ok(text, s, end, num, None):
        return False  # a bare figure inside a name or code: 骁龙888, 618
    if unit is None and kind is None and utext is None and not q["mult"] and not g["pre"] \
            and not q["approx"] and not any(c in BIG for c in num) \
            and not _bare_figure_ok(text, s, end, num, q["value_max"]) and not _hedged_round(text, s, num):
        # only the last rules below (_bare_figure_ok) can accept a figure with no unit,
        # multiplier or hedge: when they do not, the answer is no without the checks between
        return False
    if g["pre"] in ("几", "幾"):
        return False  # 几千万: 几 names no number (GUIDELINES: 几个, words with no number)
    if _in_excluded_word(text, s, end, end - len(utext) if utext else None):
        return False
    if utext == "起" and text[end:end + 1] in ("售", "步", "价"):
        return False  # Mate 20起售价: 起 starts 起售价, it is not the measure word 起 (incidents)
    # what follows a measure word is a noun, not a clock's 分: 12个分会场 (so look right after the number)
    num_end = s + len(g["sign"] or "") + len(g["pre"] or "") + len(num)
    after_num = num_end if kind == "count" else end
    if _date_like(text, s, num, after_num, utext and _units()[utext][0]):
        return False
    if utext not in _unit_cues() and _date_like(text, s, num, num_end, None):
        return False  # (a unit that qty_unit_cues licenses has had its context checked: 为期四日)
    if _term_like(text, s, num, end, utext):
        return False
    if _ordinal_session(text, s, end, utext):
        return False
    digitless = not _has_digit(num)
    arabic = _is_arabic(num)
    # the indefinite 一: 一个案例, 一种, 一些
    if num in ("一", "壹") and not g["pre"] and not q["mult"]:
        if kind in ("count", "people", None) and unit != "倍" and not (unit == "个" and _HALF_UNIT.match(text, end)):
            return False
        # 这一年, 后一年, 每一天, 的一年: a point in time or a distributive, not an amount
        # (这一个多月: a hedged span is an amount again)
        if s > 0 and text[s - 1] in "这這那哪每同另任后後前的上下头頭" and q["value_max"] is None \
                and not (kind == "time" and text.endswith("提前", 0, s)) \
                and not (kind == "time" and q["qualifier"] in ("多", "余", "餘")):
            return False  # (提前一周 is a lead time, a duration)
        if q["value_max"] is None and text.startswith(_emphatic_after(), end):
            return False  # 一帧都不能丢: "not even one", no count
        if kind == "time" and _described_one(text, s, end):
            return False  # 明年将是关键一年: "a year that is…", no span of time
        if kind == "time" and q["value_max"] is None and text.startswith(_rate_frame_after(), end):
            return False  # 一天能轮到七八个, 一天要开五六个会: "per day" (每天), no span of time
        if kind in ("measure", "time") and q["value_max"] is None and _PRICE_BEFORE.search(text, max(0, s - 3), s):
            return False  # 1分钱一斤, 5元一小时: a price per unit, no amount of it
    # 这两项, 那三款: a demonstrative before a small count points back to things named before,
    # unless it sums up a list right before it in its clause (华数、百视通和优朋普乐这3家)
    if s > 0 and text[s - 1] in "这這那" and kind == "count" and len(num) == 1 and not q["mult"] \
            and q["value_max"] is None and not g["pre"] and not _APPOSITION.search(text, max(0, s - 32), s - 1) \
            and not text.endswith(_demonstrative_object_leads(), 0, s - 1):
        # (装着这两款软件, 对于这三条: the demonstrative phrase is an object and is counted)
        return False
    if num in ("二", "貳", "贰") and not q["mult"] and q["value_max"] is None:
        return False  # 二次开发, 二元: a count is written 两
    if all(c in ZEROS for c in num):
        return False
    if utext == "大":
        if q["value"] is None or q["value"] > 100 or num in ("一",) or not _HAN.match(text[end:end + 1]):
            return False
        return True
    if utext in ("度",) and num in ("一",):
        return False
    if utext == "分" and not arabic:
        return False  # a score is written in Arabic figures: 三分天下, 九十分 are no scores
    if utext == "点" and (_is_arabic(num) or not _rx_match(r"[\p{Han}：:]", text[end:end + 1])):
        return False
    if utext in ("起", "地", "国", "國", "城", "省", "例", "宗", "单", "單", "股", "本", "所", "只", "隻", "支", "批", "轮", "輪", "类", "類", "份", "页", "頁", "篇", "块", "塊") and not arabic \
            and num not in DIGITS and not q["mult"] and q["value"] is not None and q["value"] < 10 \
            and utext not in ("地", "块", "塊") and q["value_max"] is None:
        # single-digit Chinese numeral + a word-forming measure char (五本, 三国, 一起);
        # a range of two digits is a count (五六单, 三四本)
        return False
    if utext in ("国", "國", "城", "省", "起", "本", "股", "单", "單", "只", "隻", "所") and num in DIGITS:
        return False
    if unit is not None or kind is not None:
        return True
    if q["mult"] or any(c in BIG for c in num):
        if digitless and len(num) == 1 and not g["pre"]:
            # 万 alone: 万物; after a hedge it is a round number (逾百商户, 近千人, 超万家)
            return _hedged_round(text, s, num)
        return True
    if g["pre"]:
        return True
    if q["approx"] or _hedged_round(text, s, num):
        return True
    return _bare_figure_ok(text, s, end, num, q["value_max"])


def _hedged_round(text: str, s: int, num: str) -> bool:
    """A lone 百/千/万/亿 after a hedge is a round number (逾百商户, 近千人, 超万家)."""
    return num in _LONE_ROUND and bool(_pre_hedge(text, s)[2])


@lru_cache(maxsize=None)
def _emphatic_after() -> tuple[str, ...]:
    return lexicon.terms("qty_emphatic_after")


@lru_cache(maxsize=None)
def _demonstrative_object_leads() -> tuple[str, ...]:
    return lexicon.terms("qty_demonstrative_object_leads")


# a lone 百/千/万/亿 counted after a hedge (逾百, 近千, 超万)
_LONE_ROUND = frozenset("百千万萬亿億")
# a price right before 一 + unit: 1分钱一斤, 2元一个 (money written before the per-unit)
_PRICE_BEFORE = regex.compile(r"(?:[0-9０-９一二两兩三四五六七八九十百千万萬]|几)(?:元|块|塊|角|毛|分钱|分錢|钱|錢)$")


@lru_cache(maxsize=None)
def _rate_frame_after() -> tuple[str, ...]:
    return lexicon.terms("qty_rate_frame_after")


@lru_cache(maxsize=None)
def _multiple_reach() -> regex.Pattern:
    """A hedge that reaches over the compared phrase to a multiple, with or without 的:
    收益率近活期存款14倍, 接近其14倍 (qty_multiple_hedges)."""
    return regex.compile(rf"({lexicon.alternation('qty_multiple_hedges')})([^\p{{P}}\s0-9０-９]{{1,8}})$")


def _multiple_hedge(text: str, start: int) -> tuple[Optional[str], int]:
    """The hedge a few words before a multiple (only tried for 倍 with no hedge right before)."""
    m = _multiple_reach().search(text, max(0, start - 12), start)
    if m is None or _rx_search(rf"[{CN_CLASS}]", m.group(2)):
        return None, start
    word, at = m.group(1), m.start(1)
    if _hedge_blocked(text, at, at + len(word)) or text[at - 1:at] in _NEAR_BLOCK_BEFORE:
        return None, start
    return word, at


_NEAR_BLOCK_BEFORE = frozenset("最附临臨接将將靠")


@lru_cache(maxsize=None)
def _duration_leads() -> tuple[str, ...]:
    return lexicon.terms("qty_duration_leads")


# an enumeration in the clause before a demonstrative: A、B和C这三家
_APPOSITION = regex.compile(r"[、和与與及”」][^，,。；;！!？?\n]{0,30}$")
_COPULA_BEFORE = regex.compile(r"(?:是|为|為)([^，,。；;：:！!？?、\n“”\"「」0-9０-９]{1,12})$")
_CLAUSE_END_AT = regex.compile(r"$|[，,。；;！!？?”」\n]")


def _described_one(text: str, s: int, end: int) -> bool:
    """Whether 一年/一天 at S..END ends a clause after a copula and a description of it
    (明年将是行业洗牌的关键一年, 今年是转型之年中最难的一天): "a year that is…", no duration.
    Nothing between the copula and 一 (期限为一年) or a word that measures a span
    (整整一年, 干了一年: qty_duration_leads) keeps it a duration."""
    if not _CLAUSE_END_AT.match(text, end):
        return False
    m = _COPULA_BEFORE.search(text, max(0, s - 13), s)
    if m is None:
        return False
    gap = m.group(1)
    return not gap.endswith(_duration_leads()) and _pre_hedge_at(text, s)[1] is None


def _bare_figure_ok(text: str, s: int, end: int, num: str, value_max) -> bool:
    """The last rules of ``_emit``: a bare Arabic figure is a quantity before a plus sign
    (20+) or after a copula at the end of its clause (PPI达到了261，)."""
    arabic = _is_arabic(num)
    if arabic and _rx_match(r"[＋+](?![0-9０-９])", text[end:end + 1]):
        return True
    if arabic and value_max is None:
        # a bare figure after a copula, ending its clause: PPI达到了261，
        before = text[max(0, s - 4):s]
        bound = _rx_match(r"以下|以上|以内|以內|左右|上下", text[end:end + 2])  # PUE降到1.3以下。
        after_at = end + (len(bound.group()) if bound else 0)
        after = text[after_at:after_at + 1]
        if _rx_search(r"(?:达到|达到了|为|是|至|到|到了|有)$", before) and (after == "" or after in "，,。；;、") \
                and not _rx_fullmatch(r"[0-9]+\.0", num):
            return True
        if bound and before.endswith("在") and (after == "" or after in "，,。；;、"):
            return True  # 控制在1.2以下，: a bound after 在
        if before.endswith("从") and "." in num and _from_to_figure().match(text, end):
            return True  # PUE从1.45降到了1.18: the figure a change starts from
    return False


# 从1.45降到了1.18: a change verb (or none) and 到/至 before another figure
@lru_cache(maxsize=None)
def _from_to_figure() -> regex.Pattern:
    """降到1.18 / 至1.3: a change to a figure (verbs: data file qty_change_verbs)."""
    return regex.compile(rf"(?:{lexicon.alternation('qty_change_verbs')})?(?:到|至)了?[0-9０-９]")
_G_SIGN, _G_PRE, _G_NUM = (_CORE_NAMES.index(n) for n in ("sign", "pre", "num"))
_PLAIN_FIGURE = regex.compile(r"[0-9０-９][0-9０-９,.．]*")


def _refused_bare_figure(text: str, m: re.Match, groups: tuple) -> bool:
    """Whether M is a plain Arabic figure (no sign, no 数/几/上) that nothing after extends
    (no unit, multiplier, space, 成 or range) and that ``_emit`` would therefore refuse:
    the same answer as ``_read_at`` + ``_emit``, without their cost (1,1,1,…, tables)."""
    num = groups[_G_NUM]
    if num is None or groups[_G_SIGN] is not None or groups[_G_PRE] is not None:
        return False
    if not _PLAIN_FIGURE.fullmatch(num):
        return False
    s, e = m.span()
    c = text[e:e + 1]
    if c in _unit_starts() or c == "成" or _RANGE_SEP.match(text, e):
        return False
    # _read_at gives no unit, kind, multiplier or hedge: _emit keeps it only by _bare_figure_ok
    # (whose answer with a value_max is never yes where it is no without one)
    return not _bare_figure_ok(text, s, e, num, None)


def _after_lunar_day(text: str, m: re.Match) -> bool:
    """Whether M's number starts with the digit of a day 初一…初九 (大年初一两天, 初三两个班)."""
    num = m.group("num")
    return bool(num) and len(num) > 1 and m.start() > 0 and text[m.start() - 1] == "初" \
        and num[0] in DIGITS and num[1] in DIGITS


def find_quantities(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[dict]:
    """Every quantity in TEXT, in text order (see the module docstring)."""
    out: list[dict] = []
    skip_index = _SkipIndex(skip)
    pos = 0
    for m in _CORE.finditer(text):
        if m.start() < pos:
            continue
        if _after_lunar_day(text, m):
            # 大年初一两天: the 一 of the day 初一 is no part of the number after it
            m = _CORE.match(text, m.start() + 1)
            if m is None:
                continue
        if skip_index.overlaps(m.start("num") if m.group("num") else m.start(), m.end()):
            continue  # a number inside a date (2025年, 3月30日): the quantity would overlap it too
        if _refused_bare_figure(text, m, m.groups()):
            continue
        q = _read_at(text, m)
        if q is None:
            continue
        if not _emit(text, q):
            continue
        s, end = q["start"], q["end"]
        if q["value_max"] is None and isinstance(q["value"], (int, float)):
            if q["kind"] == "time" and text.startswith("半", end):
                q["value"], end = q["value"] + 0.5, end + 1  # 一年半, 一天半: and a half
            elif q["unit"] in _half_after_units() and text.startswith("半", end) \
                    and not text.startswith(_HALF_WORDS, end):
                q["value"], end = q["value"] + 0.5, end + 1  # 7目半, 三斤半: and a half
            elif q["unit"] == "个" and (half := _HALF_UNIT.match(text, end)):
                q["value"], q["unit"], end = q["value"] + 0.5, _HALF_UNITS[half.group(1)], half.end()  # 两个半月
        # hedges around it
        approx, qualifier = q["approx"], q["qualifier"]
        hs, pre_word, pre_approx = _pre_hedge(text, s)
        if pre_word is None and q["unit"] == "倍" and q["qualifier"] is None:
            pre_word, at = _multiple_hedge(text, s)  # 收益率近活期存款14倍
            pre_approx = bool(pre_word) and _is_approx_hedge(pre_word)
        post_end, post_word, post_approx = _post_hedge(text, end, q["kind"])
        if pre_word and (qualifier is None or qualifier in ("多", "余", "餘")):
            approx = approx or pre_approx
            qualifier = pre_word if qualifier is None else qualifier
            if pre_word in ("近", "接近", "将近") and not q["groups"]["halfu"] and not _has_digit(q["num"]) \
                    and hs == s - len(pre_word):
                s = hs
        if post_word:
            approx = approx or post_approx
            qualifier = qualifier or post_word
            if post_word in ("多", "余", "餘", "＋", "+"):
                end = post_end
        elif pre_word and qualifier == pre_word:
            pass
        if pre_word and qualifier != pre_word and not q["approx"]:
            approx = approx or pre_approx
        if skip_index.overlaps(s, end):
            pos = end
            continue
        value = q["value"]
        value = int(value) if isinstance(value, float) and value.is_integer() else value
        vmax = q["value_max"]
        vmax = int(vmax) if isinstance(vmax, float) and vmax.is_integer() else vmax
        if isinstance(value, float):
            value = round(value, 10)
        prev = out[-1] if out else None
        item = {
            "text": text[s:end], "value": value, "value_max": vmax, "unit": q["unit"],
            "subject": _subject(text, hs if pre_word else s, end, q["kind"], prev),
            "approx": bool(approx), "qualifier": qualifier, "span": [s, end],
        }
        out.append(item)
        pos = max(end, post_end)
    return _add_rocket_counts(text, _add_doublings(text, _merge_ranges(text, out), skip_index), skip_index)


_RANGE_GAP = regex.compile(r"\s*(?:到|至|-|－|—|–|~|～)\s*")


def _merge_ranges(text: str, out: list[dict]) -> list[dict]:
    """99元到599元: two amounts with one unit joined by 到/至/- are one range (value, value_max).
    从10亿元到20亿元 (a change from one figure to another) stays two quantities, unless 不等 or
    之间 follows (从99元到599元不等)."""
    merged: list[dict] = []
    for q in out:
        prev = merged[-1] if merged else None
        if prev and prev["value_max"] is None and q["value_max"] is None and prev["unit"] and prev["unit"] == q["unit"] \
                and isinstance(prev["value"], (int, float)) and isinstance(q["value"], (int, float)) \
                and prev["value"] < q["value"] and _RANGE_GAP.fullmatch(text, prev["span"][1], q["span"][0]) \
                and (not text.endswith(("从", "由"), 0, prev["span"][0])
                     or _rx_match(r"\s*(?:不等|之间|都有|均有)", text[q["span"][1]:q["span"][1] + 3])):
            s, e = prev["span"][0], q["span"][1]
            prev.update(text=text[s:e], value_max=q["value"], span=[s, e],
                        approx=prev["approx"] or q["approx"], qualifier=prev["qualifier"] or q["qualifier"])
            continue
        if prev and _loose_pair(prev, q):
            # 十個八個, 三五个 written out: a loose estimate, "eight or ten"
            s, e = prev["span"][0], q["span"][1]
            low, high = sorted((prev["value"], q["value"]))
            prev.update(text=text[s:e], value=low, value_max=high, span=[s, e], approx=True,
                        subject=q["subject"])
            continue
        merged.append(q)
    return merged


def _loose_pair(a: dict, b: dict) -> bool:
    """Whether A and B are a colloquial estimate: two Chinese numerals with one measure word,
    side by side with nothing between (十個八個, 一年两年)."""
    return a["span"][1] == b["span"][0] and a["unit"] is not None and a["unit"] == b["unit"] \
        and a["value_max"] is None and b["value_max"] is None and a["value"] != b["value"] \
        and a["qualifier"] is None and b["qualifier"] is None \
        and not _is_arabic(a["text"]) and not _is_arabic(b["text"])


@lru_cache(maxsize=None)
def _half_after_units() -> frozenset[str]:
    return frozenset(lexicon.terms("qty_half_after_units"))


_HALF_WORDS = ("半价", "半價", "半年", "半个", "半個", "半天", "半小时", "半小時", "半月")
_HALF_UNITS = {"月": "个月", "小时": "小时", "小時": "小时", "钟头": "小时", "鐘頭": "小时", "星期": "周"}
_HALF_UNIT = regex.compile(r"半(月|小时|小時|钟头|鐘頭|星期)")

# 翻一番 (doubled, ×2), 翻了两番 (×4), 翻倍: a multiple without a number before 倍
_DOUBLING = regex.compile(r"翻了?(?P<n>[一两二三四1-4])番|翻了?一?倍")
_DOUBLING_N = {"一": 1, "1": 1, "两": 2, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}


def _add_doublings(text: str, out: list[dict], skip_index: "_SkipIndex") -> list[dict]:
    """OUT plus the doubling idioms (GUIDELINES: 翻一番 / 翻倍 → 倍, value 1 or 2; newsie gives 2)."""
    found = []
    for m in _DOUBLING.finditer(text):
        s, e = m.span()
        if skip_index.overlaps(s, e) or any(q["span"][0] < e and s < q["span"][1] for q in out):
            continue
        value = 2 ** _DOUBLING_N[m["n"]] if m["n"] else 2
        _, word, approx = _post_hedge(text, e, "multiple")  # 翻了一番还多, 翻了一番多
        if not word:
            _, word, approx = _pre_hedge(text, s)  # 大约翻了两番
        found.append({"text": m[0], "value": value, "value_max": None, "unit": "倍",
                      "subject": _subject(text, s, e, "multiple", None), "approx": bool(word and approx),
                      "qualifier": word, "span": [s, e]})
    return sorted(out + found, key=lambda q: q["span"][0]) if found else out


# 一箭六星, 一箭双星: the satellites one rocket carries, a fixed expression of space news
_ONE_ROCKET = regex.compile(rf"一箭(?P<n>双|雙|[0-9]+|[{CN_SCAN_CLASS}]+)星")


def _add_rocket_counts(text: str, out: list[dict], skip_index: "_SkipIndex") -> list[dict]:
    """OUT plus the satellites of 一箭N星 (N星 → N, unit 颗; 一箭多星 names no number)."""
    found = []
    for m in _ONE_ROCKET.finditer(text):
        s, e = m.start("n"), m.end()
        value = 2 if m["n"] in ("双", "雙") else parse_chinese(m["n"])
        if value is None or skip_index.overlaps(s, e) or any(q["span"][0] < e and s < q["span"][1] for q in out):
            continue
        found.append({"text": text[s:e], "value": value, "value_max": None, "unit": "颗",
                      "subject": "卫星", "approx": False, "qualifier": None, "span": [s, e]})
    return sorted(out + found, key=lambda q: q["span"][0]) if found else out
