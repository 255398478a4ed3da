"""Find and normalise the dates of a Chinese news article.

``find_dates(text, published)`` returns one dict a date mention, in text order::

    {"text": "4月28日-4月30日", "start": "2015-04-28", "end": "2015-04-30", "span": [s, e]}

ISO forms follow ``newsie/1`` (CONTRACT.md): ``2015-04-30``, ``2015-04``, ``2015``, or
``--04-30`` / ``--04`` when the year is unknown and there is no ``published`` date.
Relative dates (去年, 昨天, 上周三, 3天前 …) are resolved against ``published`` and left out
without it; today's clock is never used.

The grammar lives here; the words (festivals, relative words, parts of a year, cue words)
live in ``newsie/data/zh/date_*.txt``. The work is done in three small steps:

1. ``_atoms``: every pattern proposes candidate mentions (partial dates: a year, month or
   day may be missing); overlapping candidates are settled longest-first.
2. ``_merge_ranges``: two mentions joined by 至/到/-/~ become one range (4月28日至30日).
3. ``_resolve``: missing years and months are filled in from the sentence (an explicit year
   earlier in it), the paragraph (the month of a day-only date) or ``published``.
"""
from __future__ import annotations

import datetime as _dt
import re as _re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import regex
from lunardate import LunarDate

from . import lexicon
from .numbers import _rx  # cached compiled patterns

__all__ = ["find_dates"]

Date = _dt.date

# --------------------------------------------------------------------------- characters

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇零○一二两三四五六七八九十"


def _normalise_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for o in range(0xFF01, 0xFF5F):
        table[o] = chr(o - 0xFEE0)
    # the first rule for a character wins (－ is full-width ASCII before it is a dash)
    for chars, to in (("\u3000\xa0\u2002\u2003\u2009\u202f", " "), ("號", "号"), ("週", "周"),
                      ("個", "个"), ("後", "后"), ("—–－−", "-"), ("〜", "~")):
        for ch in chars:
            table.setdefault(ord(ch), to)
    return table


_NORMALISE = _normalise_table()


def _normalise(text: str) -> str:
    """Full-width ASCII to ASCII, odd spaces to a space, 號/週/個/後 to 号/周/个/后; same length as text."""
    return text.translate(_NORMALISE)


def _num(s: str) -> int:
    """An Arabic or Chinese numeral: 12, 十二, 三十一, 二〇一五 (digit by digit)."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if "十" not in s:
        n = 0
        for ch in s:
            n = n * 10 + _CN_DIGITS[ch]
        return n
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


# --------------------------------------------------------------------------- data


@lru_cache(maxsize=None)
def _alt(name: str) -> str:
    return lexicon.alternation(name)


@lru_cache(maxsize=None)
def _festivals() -> dict[str, tuple[str, ...]]:
    return lexicon.table("date_festivals")




def _month_parts(bare: bool) -> str:
    rows = lexicon.table("date_month_parts")
    use = {True: ("bare", "both"), False: ("", "both")}[bare]
    words = [w for w, r in rows.items() if (r[0] if r else "") in use]
    return lexicon.trie_alternation(words)


@lru_cache(maxsize=None)
def _event_day_rows(kind: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((w, r) for w, r in lexicon.table("date_event_day_heads").items() if r and r[0] == kind)


def _event_day_words() -> dict[str, int]:
    return {w: int(r[1]) for w, r in _event_day_rows("word")}


def _event_day_heads() -> tuple[str, ...]:
    return tuple(w for w, _ in _event_day_rows("head"))


_OPEN_AFTER = regex.compile(r"[^，,。！？!?；;\n]{0,20}")


def _opens(t: str, e: int, is_range: bool) -> bool:
    """Whether the day (or range of days) ending at E is the day an event opened (10月11日开幕,
    10月11日，大会开幕, 10月11日至13日在杭州举行)."""
    k = e + 1 if t[e:e + 1] in "，," else e
    seg = _OPEN_AFTER.match(t, k).group(0)
    kinds = ("open", "held") if is_range else ("open",)
    return any(w in seg for kind in kinds for w, _ in _event_day_rows(kind))


@lru_cache(maxsize=None)
def _offsets(name: str) -> dict[str, tuple[int, str]]:
    return {k: (int(v[0]), v[1] if len(v) > 1 else "") for k, v in lexicon.table(name).items()}


# --------------------------------------------------------------------------- patterns

_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_D_CN = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[二三四五六七八九])"
_LUNAR_DAY = r"(?:初(?:十|[一二三四五六七八九])|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九])"
_CONN = r"(?:-|~|至|到|、)"
_S = r"[ ]?"
_DAY_END = r"[日号]"

@lru_cache(maxsize=None)
def _patterns() -> dict[str, regex.Pattern]:
    rel_years = _alt("date_relative_years")
    parts = _alt("date_year_parts")
    fest = _alt("date_festivals")
    year = r"(?:(?P<y>(?<![\d.])(?:1[89]|20)\d\d(?!\d)|[〇零○一二三四五六七八九]{4}|(?<![\d.])\d\d(?=" + _S + r"年" + _S + _M + r"月))" + _S + r"(?P<fy>财年|年度|年)|(?P<yr>" + rel_years + r"))"
    body = "|".join([
        r"(?P<md_m>" + _M + r")" + _S + r"月" + _S + r"(?P<md_d>" + _D + r")" + _S + r"(?P<md_u>[日号])",
        r"(?P<mr1>" + _M + r")" + _S + _CONN + _S + r"(?P<mr2>" + _M + r")" + _S + r"月(?:份)?",
        r"(?P<mq>" + _M + r")" + _S + r"月份?" + _S + r"季度",
        r"(?P<mp_m>" + _M + r")" + _S + r"月份?" + _S + r"(?P<mp>" + _month_parts(False) + r")",
        r"(?P<mon>" + _M + r")" + _S + r"月(?:份)?(?![薪费租供息刊球亮饼卡票嫂])",
        r"第?(?P<qr1>[一二三四1-4])" + _S + r"(?:-|~|至|到|、)" + _S + r"第?(?P<qr2>[一二三四1-4])" + _S + r"季度",
        r"(?<![上下这那前后该同每当本])第?(?P<q>[一二三四1-4])" + _S + r"季度(?P<qp>" + _alt("date_quarter_parts") + r")?",
        r"(?<![A-Za-z])[Qq](?P<q>[1-4])(?![\d])",
        r"第?(?P<fq>[一二三四1-4])(?:财季|财政季度|财年季度)",
        r"前(?P<qn>[二三两2-3])个?季度",
        # Taiwan/HK 季 without 度 (今年首季, 今年前三季, 明年第二季): only after a year (四季,
        # 第二季 of a TV show are no quarters); 首季度 stands alone
        r"(?P<qf>首季)(?P<qf_d>度)?",
        r"(?<![上下这那该同每当本])第(?P<qs>[一二三四1-4])季(?![度节])",
        r"前(?P<qns>[二三两2-3])个?季(?![度节])",
        r"(?P<lm>" + _alt("date_lunar_months") + r")(?P<ld>" + _LUNAR_DAY + r")日?",
        r"前(?P<mn>1[01]|[2-9]|十[一]?|[二三四五六七八九两])个月",
        r"(?P<part>" + parts + r")",
        r"(?P<fest>" + fest + r")",
    ])
    lead = r"(?<![\d.〇零○一二两三四五六七八九十百千万第每个几数])"
    composite = lead + r"(?:" + year + _S + r"(?:(?:的(?=" + fest + r"))?(?:" + body + r"))?|(?:" + body + r"))"
    return {
        "numeric": regex.compile(
            r"(?<![\d.\-/])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d]|[.\-/]\d)"),
        "composite": regex.compile(composite),
        "yrange": regex.compile(
            r"(?<![\d.])(?P<y1>(?:19|20)\d\d)" + _S + r"(?:-|~|至|到)" + _S + r"(?P<y2>(?:19|20)\d\d)" + _S + r"年(?:度)?"),
        "day": regex.compile(
            r"(?:(?P<rm>" + _alt("date_relative_months") + r")" + _S + r"(?P<d>" + _D + r")"
            r"|(?<![\dA-Za-z.\-/:月])(?P<d>\d{1,2})"
            r"|(?<![\d.月〇零○一二两三四五六七八九十百千万第每个几数前后近])(?P<d>" + _D_CN + r"))"
            + _S + r"(?P<u>[日号])(?!内|以内|之内|间|常|期(?!间)|程|志|报|记|语|益)"),
        "decade": regex.compile(
            r"(?:(?P<c>上世纪|上个世纪|本世纪)|(?P<cn>1[5-9]|2[01]|十[五六七八九]|二十一?)世纪)?" + _S
            + r"(?<![\d.])(?P<d>[1-9]0|[二三四五六七八九]十)" + _S + r"年代"),
        "weekday": regex.compile(r"(?<![每隔逢上下本这个至到~\-])(?:星期(?P<wd>[一二三四五六日天])|(?:周|礼拜|禮拜)(?P<wd>[一二三四五六日]))(?![至到\-~、和与])"),
        "dayrange": regex.compile(
            r"(?<![\dA-Za-z.\-/:月])(?P<d1>\d{1,2})" + _S + r"(?:-|~|至|到)" + _S + r"(?P<d2>\d{1,2})" + _S + r"[日号](?!内|以内|之内|间)"),
        "monthpart": regex.compile(r"(?<![\d〇零○一二两三四五六七八九十])(?P<w>" + _month_parts(True) + r")"),
        "relmonth": regex.compile(r"(?P<rm>" + _alt("date_relative_months") + r")(?:" + _month_parts(False) + r")?"),
        "reldays": regex.compile(r"(?P<w>" + _alt("date_relative_days") + r")"),
        # the Taiwan/HK dateline day 今（18）日, 昨（17）日: 今日/昨日/明日/前日 with the day in brackets
        "dateline": regex.compile(r"(?P<w>" + "|".join(
            regex.escape(w[0]) for w in lexicon.terms("date_relative_days") if len(w) == 2 and w[1] == "日")
            + r")" + _S + r"\(" + _S + r"(?P<d>" + _D + r")" + _S + r"\)" + _S + r"日"),
        "relquarter": regex.compile(r"(?P<w>" + _alt("date_relative_quarters") + r")"),
        "anaphoric": regex.compile(r"(?P<w>" + _alt("date_anaphoric_days") + r")"),
        # days counted from an event's opening day: 开幕当天, 大会第三天 (首日 alone is left out,
        # as the gold does: 开幕首日入场观众逾8万人次 counts the first day, it places nothing)
        "eventday": regex.compile(
            r"(?P<w>" + lexicon.trie_alternation(_event_day_words()) + r")(?![期程])"
            r"|(?<=(?:" + lexicon.trie_alternation(_event_day_heads())
            + r")的?)第(?P<n>[二三四五六七八九十]|[1-9])天"),
        "week": regex.compile(
            r"(?P<w>" + _alt("date_relative_weeks") + r")(?P<wd>[一二三四五六日天末]"
            r"(?!" + _alt("date_week_counters") + r"))?"),
        # the city-daily short form of 昨天 before a verb: 昨启幕, 昨发布
        "shortday": regex.compile(
            r"(?P<w>" + _alt("date_short_days") + r")(?=" + _alt("date_short_day_verbs") + r")"),
        # (?=…) names the characters a match starts with, so that regex skips to them
        "ago": regex.compile(
            r"(?=[1-9一二两三四五六七八九十])(?<![\d.〇零○一二两三四五六七八九十百千万几数多])(?P<n>[1-9]\d{0,2}|[一二两三四五六七八九十]{1,3})" + _S
            + r"(?P<u>天|日|周|个星期|个礼拜|个月|年)" + _S + r"(?P<dir>之前|以前|前)(?![天年月])"),
        "bareyear": regex.compile(r"(?<![A-Za-z0-9_.\-/+#$¥￥])(?P<y>(?:19|20)\d\d)(?![\d.%])"),
        "english": regex.compile(
            r"(?i)\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
            r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+(?:19|20)\d\d)\b"),
    }


# --------------------------------------------------------------------------- atoms


@dataclass
class _Atom:
    s: int
    e: int
    a: list            # [year, month, day] of the start; None where unknown
    b: list            # the same for the end
    prec: str          # "y", "m" or "d": precision of the output
    year_given: bool = False    # the text states the year (absolute or relative)
    need_year: bool = False     # year to be inferred (sentence year, published)
    need_month: bool = False    # day-only: month to be inferred
    fiscal: bool = False
    kind: str = ""
    extra: dict = field(default_factory=dict)


def _ym_add(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _month_end(y: int, m: int) -> int:
    y2, m2 = _ym_add(y, m, 1)
    return (_dt.date(y2, m2, 1) - _dt.timedelta(days=1)).day


def _valid(y, m, d) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        if not 1 <= d <= 31:
            return False
        if m is not None and d > (_month_end(y if y else 2000, m)):
            return False
    return True


def _day_atom(s, e, day: Date) -> _Atom:
    p = [day.year, day.month, day.day]
    return _Atom(s, e, p, list(p), "d", year_given=True, kind="rel")


# --------------------------------------------------------------------------- text indexes
#
# Everything that looks back or ahead of a mention over an unbounded stretch (the clause, the
# sentence, the paragraph) goes through these indexes, built once a text, so that the work
# stays linear in the length of the text however many mentions it holds.

_LONG = 256  # a stretch longer than this is looked up in an index, not scanned


def _positions(t: str, chars: str) -> list[int]:
    """The sorted positions of every character of CHARS in T."""
    if not chars:
        return []
    return [m.start() for m in _re.finditer("[" + _re.escape(chars) + "]", t)]


def _occurrences(t: str, word: str) -> list[int]:
    """The sorted start positions of every (possibly overlapping) occurrence of WORD in T."""
    out = []
    i = t.find(word)
    while i >= 0:
        out.append(i)
        i = t.find(word, i + 1)
    return out


class _Text:
    """A normalised text with lazily built position indexes."""

    _CLAUSE_MARKS = "，,。！？；;\n"

    def __init__(self, t: str):
        self.t = t
        self._pos: dict[str, list[int]] = {}
        self._words: dict[str, list[int]] = {}

    def positions(self, chars: str) -> list[int]:
        p = self._pos.get(chars)
        if p is None:
            p = self._pos[chars] = _positions(self.t, chars)
        return p

    def last_before(self, chars: str, s: int) -> int:
        """The last position < S of a character of CHARS, or -1 (t.rfind for a set)."""
        p = self.positions(chars)
        j = bisect_left(p, s)
        return p[j - 1] if j else -1

    def count(self, ch: str, start: int, end: int) -> int:
        """t.count(ch, start, end) for one character."""
        p = self.positions(ch)
        return max(0, bisect_left(p, end) - bisect_left(p, start))

    def has_any(self, words, start: int, end: int) -> bool:
        """Whether any of WORDS occurs whole inside t[start:end]."""
        if end - start <= _LONG:
            seg = self.t[start:end]
            return any(w in seg for w in words)
        for w in words:
            if not w:
                return True
            occ = self._words.get(w)
            if occ is None:
                occ = self._words[w] = _occurrences(self.t, w)
            j = bisect_left(occ, start)
            if j < len(occ) and occ[j] + len(w) <= end:
                return True
        return False


@lru_cache(maxsize=None)
def _clause_after_re(limit: int) -> regex.Pattern:
    return regex.compile(r"[^。！？!?；;\n]{0," + str(limit) + "}")


def _clause_after(t: str, e: int, limit: int = 24) -> str:
    m = _clause_after_re(limit).match(t, e)
    return m.group(0) if m else ""


def _in_quote(tx: _Text, s: int) -> bool:
    start = max(tx.last_before("\n", s), 0)
    if s - start <= _LONG:
        seg = tx.t[start:s]
        return seg.count("“") > seg.count("”") or seg.count("「") > seg.count("」")
    return tx.count("“", start, s) > tx.count("”", start, s) or tx.count("「", start, s) > tx.count("」", start, s)


def _deictic_ok(tx: _Text, s: int, e: int) -> bool:
    """今天/今日 place a reported happening (今天上午，小米在北京发布了…), not 'nowadays'."""
    t = tx.t
    after = t[e:e + 3]
    if any(after.startswith(w) for w in lexicon.terms("date_time_of_day")):
        return True
    before = t[max(0, s - 2):s]
    if any(before.endswith(w) for w in lexicon.terms("date_deictic_blockers")):
        return False
    if _in_quote(tx, s):
        return False
    if t[e:e + 1] == "的":
        return False
    if t[e:e + 1] in "（(":
        return True  # 今日（4月23日）
    if t[e:e + 1] in "，," and (s == 0 or t[s - 1] in "。！？!?\n"):
        return True  # 今天，小米在北京发布了…
    clause = _clause_after(t, e, 24)
    return any(v in clause for v in lexicon.terms("date_event_verbs"))


def _groupdict(m) -> dict:
    """``m.groupdict()``, built faster: the composite pattern's groups are all named, so the
    names in group order zipped with ``m.groups()`` give the same dict."""
    pat = m.re
    names = _group_names(pat)
    if names is None:
        return m.groupdict()
    return dict(zip(names, m.groups()))


@lru_cache(maxsize=None)
def _group_names(pat) -> tuple[str, ...] | None:
    index = pat.groupindex
    if len(set(index.values())) != pat.groups or len(index) != pat.groups:
        return None  # an unnamed group or two names for one group: use groupdict()
    return tuple(sorted(index, key=index.get))


@lru_cache(maxsize=None)
def _tw_quarter_re() -> regex.Pattern:
    return regex.compile(r"(?:(?<!\d)(?:19|20)\d\d|" + _alt("date_relative_years") + r")" + _S + r"(?:年度?)?" + _S
                         + r"(?:第[一二三四1-4]|前[二三两2-3]个?|首)季(?![度节])")


def _tw_quarters(t: str) -> bool:
    """Whether the text writes quarters as 季 without 度 after a year (今年第三季, 2016年第二季):
    then a bare 第三季 or 前三季 elsewhere in it is a quarter too (Taiwan/HK usage), not a
    show's season."""
    return _tw_quarter_re().search(t) is not None


def _composite(m, t: str, pub: Date | None, tw: bool = False) -> _Atom | None:
    g = _groupdict(m)
    s, e = m.span()
    y = None
    rel_year = False
    fiscal = g.get("fy") == "财年"
    if g.get("y"):
        y = _num(g["y"])
        if len(g["y"]) == 2:  # 18年10月1日
            y += 2000 if y <= ((pub.year % 100 + 10) if pub else 30) else 1900
        if not 1900 <= y <= 2099:
            return None
    elif g.get("yr"):
        off, use = _offsets("date_relative_years")[g["yr"]]
        has_body = any(g.get(k) for k in ("md_m", "mr1", "mq", "mp_m", "mon", "qr1", "q", "fq", "qn", "mn",
                                          "qf", "qs", "qns", "lm", "part", "fest"))
        if use == "prefix" and not has_body:
            return None
        if pub is None:
            return None
        y = pub.year + off
        rel_year = True
    has_year = y is not None

    def atom(a, b, prec, **kw):
        if not has_year:
            a[0] = b[0] = None
        return _Atom(s, e, a, b, prec, year_given=has_year, need_year=not has_year, fiscal=fiscal, **kw)

    if g.get("md_m"):
        mo, d = _num(g["md_m"]), _num(g["md_d"])
        if not _valid(y, mo, d) or (g["md_u"] == "号" and not _hao_ok(t, e)):
            return None
        return atom([y, mo, d], [y, mo, d], "d", kind="md")
    if g.get("mr1"):
        m1, m2 = _num(g["mr1"]), _num(g["mr2"])
        if not m1 < m2:
            return None
        return atom([y, m1, None], [y, m2, None], "m", kind="mrange")
    if g.get("mq"):
        mo = _num(g["mq"])
        return atom([y, max(1, mo - 2), None], [y, mo, None], "m", kind="mq")
    if g.get("mp_m"):
        mo = _num(g["mp_m"])
        return atom([y, mo, None], [y, mo, None], "m", kind="mpart")
    if g.get("mon"):
        mo = _num(g["mon"])
        if fiscal:
            return atom([y, mo, None], [y, mo, None], "m", kind="mon")
        if not has_year and not _month_ok(t, s, e, g["mon"]):
            return None
        return atom([y, mo, None], [y, mo, None], "m", kind="mon")
    if g.get("qr1"):
        q1, q2 = _num(g["qr1"]), _num(g["qr2"])
        if not q1 < q2:
            return None
        if fiscal:
            return atom([y, None, None], [y, None, None], "y", kind="fiscal")
        return atom([y, 3 * q1 - 2, None], [y, 3 * q2, None], "m", kind="quarter")
    if g.get("q"):
        q = _num(g["q"])
        if fiscal:
            return atom([y, None, None], [y, None, None], "y", kind="fiscal")
        if g.get("qp"):  # 一季度末: the last month of the quarter; 二季度初: its first
            mo = 3 * q - 2 + int(lexicon.table("date_quarter_parts")[g["qp"]][0])
            return atom([y, mo, None], [y, mo, None], "m", kind="qpart")
        return atom([y, 3 * q - 2, None], [y, 3 * q, None], "m", kind="quarter")
    if g.get("fq"):
        if not has_year:
            return None
        return atom([y, None, None], [y, None, None], "y", kind="fiscal")
    if g.get("qn"):
        n = _num(g["qn"])
        return atom([y, 1, None], [y, 3 * n, None], "m", kind="quarter")
    if g.get("qs") or g.get("qns"):
        if not has_year and not (tw and t[s - 1:s] not in "》>"):
            return None
        if g.get("qs"):
            q = _num(g["qs"])
            return atom([y, 3 * q - 2, None], [y, 3 * q, None], "m", kind="quarter")
        return atom([y, 1, None], [y, 3 * _num(g["qns"]), None], "m", kind="quarter")
    if g.get("qf"):
        # 首季 alone is a quarter where the text writes quarters so after a year (今年首季…鼎崴首季)
        if not has_year and not g.get("qf_d") and not (tw and t[s - 1:s] not in "》>"):
            return None
        return atom([y, 1, None], [y, 3, None], "m", kind="quarter")
    if g.get("lm"):
        return _lunar_atom(g, y, has_year, pub, s, e)
    if g.get("mn"):
        n = _num(g["mn"])
        if not 2 <= n <= 11:
            return None
        if not has_year and pub is not None and (pub.month - n) % 12 > 2:
            # a year-to-date period (前5个月) is reported soon after it ends; written long after
            # (前两个月 in September) it counts the first months of something else: a duration
            return None
        return atom([y, 1, None], [y, n, None], "m", kind="mfirst")
    if g.get("part"):
        row = lexicon.table("date_year_parts")[g["part"]]
        m1, m2, use = int(row[0]), int(row[1]), (row[2] if len(row) > 2 else "")
        if not has_year and use != "bare":
            return None
        if not has_year and g["part"][0] == "年" and t[s - 1:s] in _PART_YEAR_COUNT:
            return None  # 半年内, 十多年底: 年 counts years there (a duration), it names no year
        if g["part"] == "同期" and not has_year:
            return None
        if m1 == 0 or fiscal:
            return atom([y, None, None], [y, None, None], "y", kind="part")
        return atom([y, m1, None], [y, m2, None], "m", kind="part")
    if g.get("fest"):
        a = _festival(m, t, y, has_year, pub, s, e)
        if a is None and has_year:  # 二〇二四年新年致辞: the festival names a speech, the year stays
            ye = m.end("fy") if g.get("fy") else m.end("yr")
            if g.get("yr") and _offsets("date_relative_years")[g["yr"]][1] == "prefix":
                return None
            return _Atom(s, ye, [y, None, None], [y, None, None], "y", year_given=True, kind="year",
                         extra={"rel": rel_year})
        return a
    # a year alone
    if not has_year:
        return None
    return _Atom(s, e, [y, None, None], [y, None, None], "y", year_given=True, kind="year",
                 extra={"rel": rel_year})


# 以前, 之前, 此前, 目前 (not 从: 从前一日的3299元): 前 ends a word there (以前一天…), it begins no 前一天
_QIAN_WORD_LEADS = frozenset("以之此目提先")
# 春节前, 元旦前后, 春节之前: the time around a festival (not 春节前夕, 春节前两天, 春节前期)
_FEST_AROUND = regex.compile(r"(前后|前後|之前|前)(?![夕一二两兩三四五六七八九十几幾0-9０-９天日周週个個期])")

# what before a bare part of a year that begins with 年 (年内, 年底) makes 年 a count of years
_PART_YEAR_COUNT = frozenset("半多余几数来近")

_BRACKET_DAY = regex.compile(_S + r"\(" + _S + r"(?:(?P<m>" + _M + r")" + _S + r"月" + _S + r")?(?P<d>" + _D + r")"
                             + _S + r"[日号]" + _S + r"\)")


def _with_bracket_day(t: str, a: _Atom) -> _Atom:
    """今天（27日）, 本周日（24日）, 昨天（6月9日）: a day in brackets restates the relative day
    before it, so the two are one mention (the day in brackets wins where they differ; a full
    date in brackets naming another month stays a mention of its own)."""
    m = _BRACKET_DAY.match(t, a.e)
    if m is None or a.prec != "d" or a.a[0] is None:
        return a
    base = Date(a.a[0], a.a[1], a.a[2])
    day = _near_day(base, _num(m["d"]))
    if day is None or (m["m"] and day.month != _num(m["m"])):
        return a  # a full date in brackets that is not the relative day: a mention of its own
    return _day_atom(a.s, m.end(), day)


def _hao_ok(t: str, e: int) -> bool:
    """N号 is a day unless a name word follows (3号线, 5号楼)."""
    return not any(t.startswith(w, e) for w in lexicon.terms("date_hao_not_day"))


def _day_lead_ok(t: str, s: int, unit: str) -> bool:
    """What stands before a day-only date: not 近/前 of a span (近3日, 前3日), and before
    N号 no name character (金谷1号)."""
    prev, prev2 = t[s - 1:s], t[max(0, s - 2):s]
    if prev == "近" or (prev in "前后" and prev2[:1] not in "然随此之其以午"):
        return False
    if unit == "号" and _rx(r"\p{Han}").match(prev or " ") and prev not in lexicon.terms("date_day_lead"):
        return False
    return True


_CLOCK_SPAN = ("至", "到", "~", "-")
_CLOCK_AFTER = regex.compile(r"[ ]?(?:\d{1,2}|[零〇一二两三四五六七八九十]{1,3})[时点]")


def _placed(t: str, s: int, e: int) -> bool:
    """当天/当日 place a happening on the day named before: a time of day or clock time follows
    (当天下午, 当日0时开场), or it opens a sentence before a comma (。当天，论坛在广州举行)."""
    if any(t.startswith(w, e) for w in lexicon.terms("date_time_of_day")) or _CLOCK_AFTER.match(t, e):
        return True
    return t[e:e + 1] in "，," and (s == 0 or t[s - 1] in "。！？!?\n")


def _next_to(t: str, s: int, e: int, table: str) -> bool:
    """Whether a word of data file TABLE stands right before t[s:e] (column 2 "before") or right after it."""
    for word, row in lexicon.table(table).items():
        if row and row[0] == "before":
            if t[max(0, s - len(word)):s] == word:
                return True
        elif t.startswith(word, e):
            return True
    return False


def _service_time(t: str, s: int, e: int) -> bool:
    """Whether the day word at t[s:e] (次日, 隔天) counts from an order (最快次日即可送达, 次日达)."""
    return _next_to(t, s, e, "date_anaphoric_blockers")


def _shift_quarter(a: _Atom, y: int, q: int, off: int) -> None:
    """Set A to the quarter OFF quarters after quarter Q of year Y."""
    y, q0 = divmod(y * 4 + q - 1 + off, 4)
    a.a, a.b = [y, 3 * q0 + 1, None], [y, 3 * q0 + 3, None]


def _day_count(t: str, s: int, e: int, num: str) -> bool:
    """Whether the day-only N日 at t[s:e] counts days (为期四日, 四日入场人次) rather than naming one."""
    before = t[max(0, s - 4):s].rstrip(" ")
    for word, row in lexicon.table("date_duration_cues").items():
        if row and row[0] == "before":
            if before.endswith(word):
                return True
        elif not num.isdigit() and t.startswith(word, e):
            return True
    return False


def _near_day(base: Date, day: int) -> Date | None:
    """The date with day of month DAY nearest to BASE (this month, the month before or after)."""
    out = []
    for k in (-1, 0, 1):
        y, m = _ym_add(base.year, base.month, k)
        if 1 <= day <= _month_end(y, m):
            out.append(_dt.date(y, m, day))
    return min(out, key=lambda d: abs((d - base).days), default=None)


def _month_ok(t: str, s: int, e: int, num: str) -> bool:
    """A Chinese-numeral month alone (十月) must not be a count (一月一次) or a name."""
    if num.isdigit():
        return True
    return not _rx(_alt("date_not_dates")).match(t[s:s + 6])


def _festival(m, t, y, has_year, pub, s, e) -> _Atom | None:
    name = m.group("fest")
    fs, fe = m.span("fest")
    after = t[fe:fe + 6]
    if any(after.startswith(w) for w in lexicon.terms("date_festival_name_suffix")):
        return None
    row = _festivals()[name]
    if not has_year and len(row) > 2 and row[2] == "cue" and not _festival_cue(t, s, fe) \
            and not _BRACKET_DATE.match(t, fe):
        return None  # (七夕（8月20日）: the date in brackets says the festival is a day of the story)
    if name in ("双11", "双12") and (t[fe:fe + 1].isdigit() or t[fe:fe + 1] == "."):
        return None
    if y is None:
        y = pub.year if pub else None
    if row[0].startswith("nth:"):
        if y is None:
            return None
        _, mm, wd, n = row[0].split(":")
        first = _dt.date(y, int(mm), 1)
        day = first + _dt.timedelta(days=(int(wd) - first.isoweekday()) % 7 + 7 * (int(n) - 1))
        a = [y, day.month, day.day]
        b = list(a)
    elif row[0].startswith("lunar:"):
        if y is None:
            return None
        md = row[0][6:]
        if md == "eve":  # 除夕: the day before the Spring Festival of year Y
            new_year = _lunar_to_solar(y, 1, 1)
            day = new_year - _dt.timedelta(days=1) if new_year else None
        else:
            day = _lunar_to_solar(y, int(md[:2]), int(md[3:]))
        if day is None:
            return None
        a = [day.year, day.month, day.day]
        b = list(a)
    else:
        a = [y, int(row[0][:2]), int(row[0][3:])]
        b = [y, int(row[1][:2]), int(row[1][3:])] if len(row) > 1 and row[1] else list(a)
        word = _holiday_word(t, fe) if len(row) > 3 and row[3] else None
        if word:  # 国庆期间: the public holiday that starts on the festival
            b = [y, int(row[3][:2]), int(row[3][3:])]
            e = fe + len(word)
    around = _FEST_AROUND.match(t, fe) if e == fe and a == b else None
    if around and not has_year and pub is not None and (pub - _dt.date(*a)).days > 183:
        # 元旦前后 written in November: the coming festival, not the one long past
        return _around_atom(m, t, a[0] + 1, pub, s, fe, around)
    if around and (has_year or around.group(1) in ("前后", "前後")):
        # (a bare 五一前 is read as the festival itself: a deadline "by May Day")
        return _around_atom(m, t, a[0], pub, s, fe, around, has_year)
    around = None
    if e == fe:
        e += len(_festival_day_word(t, fe) or "")  # 七夕当天: the compound names the festival day
    return _Atom(s, e, a, b, "d", year_given=has_year, kind="fest")


def _around_atom(m, t, y, pub, s, fe, around, has_year=False) -> _Atom | None:
    """今年春节前 / 元旦前后: the weeks before (and after) the festival of year Y, at month
    precision: its own month (前), or the months half a month either side of it (前后). With no
    year to place it in (no publication date), there is no period to give."""
    if y is None:
        return None
    row = _festivals()[m.group("fest")]
    if row[0].startswith("lunar:"):
        md = row[0][6:]
        if md == "eve":
            ny = _lunar_to_solar(y, 1, 1)
            day = ny - _dt.timedelta(days=1) if ny else None
        else:
            day = _lunar_to_solar(y, int(md[:2]), int(md[3:]))
    elif row[0].startswith("nth:"):
        return None
    else:
        day = _dt.date(y, int(row[0][:2]), int(row[0][3:]))
    if day is None:
        return None
    if around.group(1) in ("前后", "前後"):
        lo, hi = day - _dt.timedelta(days=15), day + _dt.timedelta(days=15)
    else:
        lo = hi = day
    return _Atom(s, around.end(), [lo.year, lo.month, None], [hi.year, hi.month, None], "m",
                 year_given=True if has_year else False, kind="fest")


# a festival followed by its date in brackets: 七夕（8月20日）, 元宵节(2月26日)
_BRACKET_DATE = regex.compile(_S + r"\(" + _S + r"(?:" + _M + _S + r"月" + _S + r")?" + _D + _S + r"[日号]")


def _festival_day_word(t: str, e: int) -> str | None:
    """The word (当天, 当日: date_festival_cue, side "day") right after a festival ending at E
    that names the festival day itself, if any."""
    words = [w for w, row in lexicon.table("date_festival_cue").items() if row and row[0] == "day"]
    return next((w for w in sorted(words, key=len, reverse=True) if t.startswith(w, e)), None)


def _holiday_word(t: str, e: int) -> str | None:
    """The holiday word (期间, 假期, 长假) that stands right after a festival ending at E, if any."""
    words = [w for w, row in lexicon.table("date_festival_cue").items() if row and row[0] == "holiday"]
    return next((w for w in sorted(words, key=len, reverse=True) if t.startswith(w, e)), None)


def _lunar_to_solar(year: int, month: int, day: int) -> Date | None:
    """The Gregorian date of lunar MONTH/DAY of lunar year YEAR (the one whose 正月初一 falls in
    Gregorian YEAR), by the lunardate package; None outside its range or for a day the month
    does not have (腊月三十 in a 29-day month)."""
    try:
        return LunarDate(year, month, day).to_solar_date()
    except (ValueError, IndexError):
        return None


def _lunar_day(s: str) -> int:
    """A lunar day written in Chinese numerals: 初三 → 3, 十五 → 15, 廿三 → 23."""
    return _num(s.removeprefix("初").replace("廿", "二十"))


def _lunar_atom(g: dict, y: int | None, has_year: bool, pub: Date | None, s: int, e: int) -> _Atom | None:
    """A lunar day after its lunar month (正月十五, 大年初三) in the year written, else the published one."""
    row = lexicon.table("date_lunar_months")[g["lm"]]
    if len(row) > 1 and row[1] == "chu" and not g["ld"].startswith("初"):
        return None
    if y is None:
        if pub is None:
            return None
        y = pub.year
    month = int(row[0])
    if month == 12 and not has_year and pub:  # 腊月 with no year: the one nearest the publication
        days = [d for d in (_lunar_to_solar(y - 1, 12, _lunar_day(g["ld"])),
                            _lunar_to_solar(y, 12, _lunar_day(g["ld"]))) if d]
        day = min(days, key=lambda d: abs((d - pub).days), default=None)
    else:
        day = _lunar_to_solar(y, month, _lunar_day(g["ld"]))
    if day is None:
        return None
    p = [day.year, day.month, day.day]
    return _Atom(s, e, p, list(p), "d", year_given=has_year, kind="fest")


def _festival_cue(t: str, s: int, e: int) -> bool:
    """A festival without a year is a date only next to a cue word (春节期间, 在双十一)."""
    return _next_to(t, s, e, "date_festival_cue")


def _618(t: str, pub: Date | None) -> list[_Atom]:
    """618 (the June 18 shopping day) only with a shopping cue next to it."""
    out = []
    cues = lexicon.terms("date_festival_cue")
    for m in _rx(r"(?<![\d.])(?:(?P<yr>" + _alt("date_relative_years") + r"))?[“\"]?618[”\"]?(?![\d.%])").finditer(t):
        s, e = m.span()
        after, before = t[e:e + 4], t[max(0, s - 3):s]
        # a relative year before it (今年618的最大变化) names the shopping day, as 今年双十一
        # does, unless a unit makes it a count (今年618家企业)
        dated = m.group("yr") is not None and t[e:e + 1] not in lexicon.terms("date_number_units")
        if not (dated or any(after.startswith(c) for c in cues) or _rx(r"京东|天猫|电商").search(before)
                or (t[s:e].startswith("“") or "“618" in t[s:e])):
            continue
        if any(after.startswith(w) for w in lexicon.terms("date_festival_name_suffix")):
            continue
        y = None
        if m.group("yr"):
            if pub is None:
                continue
            y = pub.year + _offsets("date_relative_years")[m.group("yr")][0]
        elif pub:
            y = pub.year
        out.append(_Atom(s, e, [y, 6, 18], [y, 6, 18], "d", year_given=m.group("yr") is not None, kind="fest"))
    return out


@lru_cache(maxsize=None)
def _composite_words() -> dict[str, tuple[str, ...]]:
    """The words that a composite mention may start with (relative years, parts of a year,
    festivals), by first character."""
    out: dict[str, list[str]] = {}
    for name in ("date_relative_years", "date_year_parts", "date_festivals", "date_lunar_months"):
        for w in lexicon.terms(name):
            out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


# A composite mention that starts with a numeral (or 第) holds 年, 月 or 季 at most
# _NUMERAL_REACH characters after its start: 2018 财年, 4 - 6月, 第1 - 第4季度, 第1财政季度.
_NUMERAL_REACH = 12
_NUMERAL_START = regex.compile(r"[\d〇零○一二两三四五六七八九十第]")


def _composite_starts(t: str) -> list[int]:
    """Every position where the composite pattern can start a match (a superset): a
    relative-year/part/festival/lunar-month word, Q/q, 前, 首, or a numeral shortly before 年/月/季."""
    out = []
    prev_anchor = -1
    for p in _positions(t, "年月季"):
        lo = max(prev_anchor + 1, p - _NUMERAL_REACH)
        if lo < p:
            out.extend(n.start() for n in _NUMERAL_START.finditer(t, lo, p))
        prev_anchor = p
    out.extend(_positions(t, "Qq前首"))
    for ws in _composite_words().values():
        for w in ws:
            out.extend(_occurrences(t, w))
    return sorted(set(out))


def _composite_matches(t: str):
    """The matches of ``_patterns()["composite"].finditer(t)``, trying only the positions
    where a match can start (the pattern is slow to try at every position)."""
    pat = _patterns()["composite"]
    cur = 0
    for p in _composite_starts(t):
        if p < cur:
            continue
        m = pat.match(t, p)
        if m is not None and m.end() > p:
            yield m
            cur = m.end()


def _atoms(t: str, pub: Date | None, tx: _Text | None = None) -> list[_Atom]:
    P = _patterns()
    tx = tx if tx is not None else _Text(t)
    cands: list[_Atom] = []
    for m in P["numeric"].finditer(t):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if _valid(y, mo, d):
            cands.append(_Atom(m.start(), m.end(), [y, mo, d], [y, mo, d], "d", year_given=True, kind="numeric"))
    for m in P["yrange"].finditer(t):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y1 < y2:
            cands.append(_Atom(m.start(), m.end(), [y1, None, None], [y2, None, None], "y", year_given=True, kind="yrange"))
    tw = _tw_quarters(t)
    for m in _composite_matches(t):
        a = _composite(m, t, pub, tw)
        if a:
            cands.append(a)
    for m in P["day"].finditer(t):
        d = _num(m["d"])
        if not 1 <= d <= 31:
            continue
        s = m.start()
        if m["rm"]:
            if pub is None:
                continue
            y, mo = _ym_add(pub.year, pub.month, _offsets("date_relative_months")[m["rm"]][0])
            if _valid(y, mo, d) and (m["u"] == "日" or _hao_ok(t, m.end())):
                cands.append(_Atom(s, m.end(), [y, mo, d], [y, mo, d], "d", year_given=True, kind="rel"))
            continue
        if not m["rm"] and not _day_lead_ok(t, m.start("d"), m["u"]):
            continue
        if m["u"] == "日" and _day_count(t, m.start("d"), m.end(), m["d"]):
            continue
        if m["u"] == "号" and not _hao_ok(t, m.end()):
            continue
        cands.append(_Atom(m.start("d"), m.end(), [None, None, d], [None, None, d], "d",
                           need_year=True, need_month=True, kind="day"))
    for m in P["dayrange"].finditer(t):
        d1, d2 = int(m["d1"]), int(m["d2"])
        if 1 <= d1 < d2 <= 31:
            cands.append(_Atom(m.start(), m.end(), [None, None, d1], [None, None, d2], "d",
                               need_year=True, need_month=True, kind="day"))
    if pub is not None:
        for m in P["monthpart"].finditer(t):  # 月底, 下旬: the month in context, else this month
            cands.append(_Atom(m.start(), m.end(), [None, None, None], [None, None, None], "m",
                               need_month=True, kind="rel"))
        for m in P["relmonth"].finditer(t):
            y, mo = _ym_add(pub.year, pub.month, _offsets("date_relative_months")[m["rm"]][0])
            cands.append(_Atom(m.start(), m.end(), [y, mo, None], [y, mo, None], "m", year_given=True, kind="rel"))
        days = _offsets("date_relative_days")
        for m in P["dateline"].finditer(t):
            day = _near_day(pub + _dt.timedelta(days=days[m["w"] + "日"][0]), _num(m["d"]))
            if day is not None:
                cands.append(_day_atom(m.start(), m.end(), day))
        for m in P["relquarter"].finditer(t):  # 下个季度: from the publication quarter (see _resolve)
            off, use = _offsets("date_relative_quarters")[m["w"]]
            if use == "tw" and (not tw or t[m.end():m.end() + 1] in "度节節末初赛賽"):
                continue
            a = _Atom(m.start(), m.end(), [None, None, None], [None, None, None], "m", year_given=True,
                      kind="rel", extra={"quarters": off})
            _shift_quarter(a, pub.year, (pub.month - 1) // 3 + 1, off)
            cands.append(a)
        for m in P["reldays"].finditer(t):
            off, check = days[m["w"]]
            if check == "deictic" and not _deictic_ok(tx, m.start(), m.end()):
                continue
            e = m.end()  # 今天上午: the time of day goes with the word, as written in the gold
            e += next((len(w) for w in lexicon.terms("date_time_of_day") if t.startswith(w, e)), 0)
            cands.append(_with_bracket_day(t, _day_atom(m.start(), e, pub + _dt.timedelta(days=off))))
        short = {k: int(v[0]) for k, v in lexicon.table("date_short_days").items()}
        for m in P["shortday"].finditer(t):
            cands.append(_day_atom(m.start(), m.end(), pub + _dt.timedelta(days=short[m["w"]])))
        weeks = _offsets("date_relative_weeks")
        wdays = {k: int(v[0]) for k, v in lexicon.table("date_weekdays").items()}
        for m in P["week"].finditer(t):
            monday = pub - _dt.timedelta(days=pub.weekday()) + _dt.timedelta(weeks=weeks[m["w"]][0])
            if m["wd"]:
                day = monday + _dt.timedelta(days=wdays[m["wd"]] - 1)
                if m["wd"] == "末":
                    a = _day_atom(m.start(), m.end(), day)
                    a.b = [*(lambda x: [x.year, x.month, x.day])(day + _dt.timedelta(days=1))]
                    cands.append(a)
                else:
                    cands.append(_with_bracket_day(t, _day_atom(m.start(), m.end(), day)))
            else:
                a = _day_atom(m.start(), m.end(), monday)
                sun = monday + _dt.timedelta(days=6)
                a.b = [sun.year, sun.month, sun.day]
                cands.append(a)
        for m in P["ago"].finditer(t):
            n = _num(m["n"])
            sign = -1 if "前" in m["dir"] else 1
            u = m["u"]
            if u in ("天", "日"):
                cands.append(_day_atom(m.start(), m.end(), pub + _dt.timedelta(days=sign * n)))
            elif u in ("周", "个星期", "个礼拜"):
                cands.append(_day_atom(m.start(), m.end(), pub + _dt.timedelta(weeks=sign * n)))
            elif u == "个月":
                y, mo = _ym_add(pub.year, pub.month, sign * n)
                cands.append(_Atom(m.start(), m.end(), [y, mo, None], [y, mo, None], "m", year_given=True, kind="rel"))
            else:
                y = pub.year + sign * n
                cands.append(_Atom(m.start(), m.end(), [y, None, None], [y, None, None], "y", year_given=True, kind="rel"))
    for m in P["decade"].finditer(t):
        d = _num(m["d"])
        c = m["c"] or ""
        if m["cn"]:
            base = (_num(m["cn"]) - 1) * 100
        elif c == "本世纪":
            base = 2000
        elif c or d >= 20:
            base = 1900
        else:
            continue
        cands.append(_Atom(m.start(), m.end(), [base + d, None, None], [base + d + 9, None, None], "y",
                           year_given=True, kind="decade"))
    if pub is not None:
        wdays = {k: int(v[0]) for k, v in lexicon.table("date_weekdays").items()}
        for m in P["weekday"].finditer(t):
            # a bare weekday in a report: that day of the publication week, the last one
            # before publication when the clause reports a past happening
            wd = wdays[m["wd"]]
            day = pub + _dt.timedelta(days=wd - pub.isoweekday())
            if day > pub and not _cue(tx, m.start(), m.end(), "date_future_cues"):
                day -= _dt.timedelta(weeks=1)
            cands.append(_day_atom(m.start(), m.end(), day))
    for m in P["eventday"].finditer(t):  # 大会第三天, 开幕当天: from the opening day (see _resolve)
        if m["w"]:
            off = _event_day_words()[m["w"]]
        else:
            off = _num(m["n"]) - 1
        e = m.end()
        e += next((len(w) for w in lexicon.terms("date_time_of_day") if t.startswith(w, e)), 0)
        cands.append(_Atom(m.start(), e, [None, None, None], [None, None, None], "d", kind="anaph",
                           extra={"offset": off, "opening": True}))
    for m in P["anaphoric"].finditer(t):  # 次日, 当日: resolved against the day named before
        off, check = _offsets("date_anaphoric_days")[m["w"]]
        if t[m.start() - 1:m.start()] in _CLOCK_SPAN or (check == "placed" and not _placed(t, m.start(), m.end())):
            continue  # 22点至次日6点: the end of a span of hours
        if m["w"][:1] == "前" and t[m.start() - 1:m.start()] in _QIAN_WORD_LEADS:
            continue  # 以前一天跑下来: 前 ends the word 以前, no day before another
        if _service_time(t, m.start(), m.end()):
            continue  # 最快次日即可送达: a delivery time, not a day of the story
        e = m.end()
        if check == "placed":  # 当天下午: the time of day goes with the word, as written in the gold
            e += next((len(w) for w in lexicon.terms("date_time_of_day") if t.startswith(w, e)), 0)
        cands.append(_Atom(m.start(), e, [None, None, None], [None, None, None], "d", kind="anaph",
                           extra={"offset": off}))
    cands.extend(_618(t, pub))
    cands.extend(_bare_years(t, pub))
    cands.extend(_english(t, pub))

    # settle overlaps: longest first, then leftmost
    cands.sort(key=lambda a: (-(a.e - a.s), a.s))
    # words that contain a date word but are not dates
    bad = [m.span() for m in _not_dates_re().finditer(t)]
    if all(a.e > a.s for a in cands) and all(e > s for s, e in bad):
        # non-empty spans overlap when they share a character: mark the characters covered
        # so far instead of comparing each candidate with every one taken before it
        taken = []
        used = bytearray(len(t) + 1)
        for a in cands:
            if used.find(1, a.s, a.e) < 0:
                taken.append(a)
                used[a.s:a.e] = b"\x01" * (a.e - a.s)
        used = bytearray(len(t) + 1)
        for s, e in bad:
            used[s:e] = b"\x01" * (e - s)
        taken = [a for a in taken if used.find(1, a.s, a.e) < 0]
    else:  # an empty span (never produced by the patterns): the plain rule
        taken = []
        for a in cands:
            if all(a.e <= b.s or a.s >= b.e for b in taken):
                taken.append(a)
        taken = [a for a in taken if all(a.e <= s or a.s >= e for s, e in bad)]
    taken.sort(key=lambda a: a.s)
    return taken


@lru_cache(maxsize=None)
def _not_dates_re() -> regex.Pattern:
    return regex.compile(_alt("date_not_dates"))


def _bare_years(t: str, pub: Date | None) -> list[_Atom]:
    """A 4-digit year without 年, as in a headline (苹果2011中国营收), only between Chinese
    words and not a count (2000元) or a price."""
    out = []
    hi = (pub.year + 5) if pub else 2035
    units = lexicon.terms("date_number_units")
    blockers = lexicon.terms("date_year_blockers")
    for m in _patterns()["bareyear"].finditer(t):
        y = int(m["y"])
        s, e = m.span()
        if not 1990 <= y <= hi:
            continue
        nxt = t[e:e + 1]
        prev = t[s - 1:s] if s else ""
        if not _rx(r"\p{Han}").match(nxt) or nxt in units or nxt in "年月日":
            continue
        if not _rx(r"\p{Han}").match(prev or "\n") and prev not in ("", "\n"):
            continue
        if any(t[max(0, s - 3):s].endswith(b) for b in blockers):
            continue
        out.append(_Atom(s, e, [y, None, None], [y, None, None], "y", year_given=True, kind="bareyear"))
    return out


def _english(t: str, pub: Date | None) -> list[_Atom]:
    out = []
    for m in _patterns()["english"].finditer(t):
        import dateparser  # slow to import; only for the rare English date

        d = dateparser.parse(m.group(0), languages=["en"],
                             settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        if d:
            out.append(_day_atom(m.start(), m.end(), d.date()))
    return out


# --------------------------------------------------------------------------- ranges

_RANGE_CONN = regex.compile(r"[ ]?(?:" + r"(?:零时|零点|\d{1,2}(?::\d\d|[时点](?:\d{1,2}分)?))?" + r")[ ]?(?:-|~|至|到)[ ]?")
_TIME_AFTER = regex.compile(r"[ ]?(?:零时|零点|\d{1,2}(?::\d\d|[时点](?:\d{1,2}分)?))")


def _merge_ranges(t: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms) and a.kind not in ("rel", "fest", "bareyear"):
            b = atoms[i + 1]
            gap = t[a.e:b.s]
            if _RANGE_CONN.fullmatch(gap) and b.kind not in ("rel", "bareyear") and _compatible(a, b):
                r = _join(t, a, b)
                if r:
                    out.append(r)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _compatible(a: _Atom, b: _Atom) -> bool:
    if a.prec != b.prec and not (a.prec == "d" and b.kind == "day"):
        return False
    if b.kind == "day":
        return a.prec == "d"
    return True


def _join(t: str, a: _Atom, b: _Atom) -> _Atom | None:
    end = list(b.b)
    # the second half borrows what it leaves out from the first (4月28日至30日)
    if end[1] is None and a.b[1] is not None:
        end[1] = a.b[1]
    need_year = a.need_year
    if end[0] is None and a.b[0] is not None:
        end[0] = a.b[0]
    e = b.e
    tm = _TIME_AFTER.match(t, e)
    if tm and a.prec == "d":
        e = tm.end()
    r = _Atom(a.s, e, list(a.a), end, a.prec, year_given=a.year_given, need_year=need_year,
              need_month=a.need_month, fiscal=a.fiscal, kind="range")
    return r


# --------------------------------------------------------------------------- resolution


def _sentence_bounds(t: str) -> list[int]:
    """Where sentences end; a year carries to the end of its sentence (across ；, which only
    separates clauses: 2014年5月，公司成立；8月，完成融资 → 2014-08)."""
    return [m.end() for m in _rx(r"[。！？!?\n]").finditer(t)]


def _cue(tx: _Text, s: int, e: int, name: str) -> bool:
    """Whether a word of NAME stands in the clause of t[s:e] (from the last mark before S to
    30 characters past E within the sentence)."""
    start = tx.last_before(_Text._CLAUSE_MARKS, s) + 1
    end = e + len(_clause_after(tx.t, e, 30))
    # t[start:e] + _clause_after(t, e, 30) is t[start:end]
    return _cue_around(tx, start, s, e, end, name)


def _cue_around(tx: "_Text", start: int, s: int, e: int, end: int, name: str) -> bool:
    """A cue word of NAME in t[start:s] or t[e:end], never one read across the date itself
    (9月15日前: the 日前 there is no past cue); a verb suffix (了: date_cue_after_only) before
    the date makes it the verb's object (决定了下半年的走势), not the time of a past happening."""
    words = lexicon.terms(name)
    if tx.has_any(words, e, end):
        return True
    after_only = lexicon.terms("date_cue_after_only")
    return tx.has_any([w for w in words if w not in after_only], start, s)


_CLAUSE_END = regex.compile(r"[，,。！？!?；;\n]")
_CLAUSE_SPACE = regex.compile(r"(?<=[\u4e00-\u9fff%％）)])[ 　]+(?=[\u4e00-\u9fff\d])")


def _own_clause_cue(tx: _Text, s: int, e: int, name: str) -> bool:
    """``_cue`` within the clause of t[s:e] alone (up to the next comma): 距离七夕（8月20日）只剩
    不到10天，一场新的补贴大战已箭在弦上 — the 已 of the next clause says nothing of 8月20日."""
    start = tx.last_before(_Text._CLAUSE_MARKS, s) + 1
    for sp in _CLAUSE_SPACE.finditer(tx.t, start, s):  # a headline: spaces part its clauses
        start = sp.end()
    m = _CLAUSE_END.search(tx.t, e, e + 30)
    end = m.start() if m else min(len(tx.t), e + 30)
    return _cue_around(tx, start, s, e, end, name)


def _comparison(t: str, s: int) -> bool:
    """A year written as a comparison base (与去年持平, 比2009年增长) does not date the sentence."""
    before = t[max(0, s - 2):s]
    return any(before.endswith(w) for w in lexicon.terms("date_comparison_lead"))


def _iso(p: list, prec: str) -> str | None:
    y, m, d = p
    if prec == "y":
        return f"{y:04d}" if y is not None else None
    if prec == "m":
        if m is None:
            return None
        return f"{y:04d}-{m:02d}" if y is not None else f"--{m:02d}"
    if m is None or d is None:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}" if y is not None else f"--{m:02d}-{d:02d}"


_PRESENT_WORDS = ("目前", "现在", "如今", "当前", "現在", "當前", "现阶段")


def _resolve(text: str, t: str, atoms: list[_Atom], pub: Date | None, tx: _Text | None = None) -> list[dict]:
    tx = tx if tx is not None else _Text(t)
    bounds = _sentence_bounds(t)  # sorted

    def sentence_of(pos: int) -> int:
        return bisect_right(bounds, pos)  # the number of bounds <= pos

    newlines = tx.positions("\n")

    def para_of(pos: int) -> int:
        return bisect_left(newlines, pos)  # t.count("\n", 0, pos)

    out = []
    sent_year: dict[int, int] = {}
    sent_year_end: dict[int, int] = {}  # where the mention that gave the sentence its year ends
    # (paragraph, year, month, first): the (last) month of the last day-precision mention; for a
    # range over two months (4月25日至5月4日) first = (its first day [y, m, d], its last day number)
    last_month: list[tuple[int, int | None, int, tuple | None]] = []
    last_in_para: dict[int, tuple[int, int | None, int, tuple | None]] = {}  # the last of last_month a paragraph
    last_day: dict[int, _dt.date] = {}  # paragraph -> the last day (a range: its first) resolved in it
    latest_day: _dt.date | None = None  # the same over the whole text so far
    opening_day: _dt.date | None = None  # the last day an event was said to open (10月11日开幕)
    last_quarter: dict[int, tuple[int, int]] = {}  # paragraph -> (year, quarter) of the last quarter named
    prev_end = -1
    for a in atoms:
        sn = sentence_of(a.s)
        if "quarters" in a.extra and para_of(a.s) in last_quarter:
            # 三季度总收入增长52%，增速与上季度持平: 上季度 counts from the quarter reported
            _shift_quarter(a, *last_quarter[para_of(a.s)], a.extra["quarters"])
        after_date, prev_end = prev_end == a.s, a.e
        if a.kind == "anaph" and a.extra.get("opening"):
            if opening_day is None or (after_date and a.extra["offset"] == 0):
                continue  # no opening day named before: left out (never guessed)
            day = opening_day + _dt.timedelta(days=a.extra["offset"])
            a.a = [day.year, day.month, day.day]
            a.b = list(a.a)
        elif a.kind == "anaph":
            day = last_day.get(para_of(a.s), latest_day)
            if day is None or (after_date and a.extra["offset"] == 0):
                continue  # 6月18日当日 only restates the day
            day += _dt.timedelta(days=a.extra["offset"])
            a.a = [day.year, day.month, day.day]
            a.b = list(a.a)
        if a.need_month:
            ctx = last_in_para.get(para_of(a.s))
            if ctx:
                _, yy, mm, first = ctx
                d = a.a[2]
                if first and a.a[1] is None and d is not None and d > first[1] \
                        and first[0][2] <= d <= _month_end(first[0][0] or 2000, first[0][1]):
                    # 4月25日至5月4日，其中25日为媒体日: the 25th in the range is April's, not May's
                    yy, mm = first[0][0], first[0][1]
                a.a[1] = a.b[1] = mm if a.a[1] is None else a.a[1]
                if a.b[1] is None:
                    a.b[1] = mm
                if yy is not None:
                    a.a[0] = a.b[0] = yy
                    a.need_year = False
            elif pub is not None:
                y, mo = pub.year, pub.month
                day = a.a[2]
                if day is not None and day > pub.day + 1 and not _cue(tx, a.s, a.e, "date_future_cues"):
                    # 28日 in a report of 3月2日: last month's 28th (3 days ago) is nearer than
                    # this month's (26 days ahead); a past-tense cue decides for the past
                    py, pm = _ym_add(y, mo, -1)
                    if day <= _month_end(py, pm) and (
                            pub.day + _month_end(py, pm) - day < day - pub.day
                            or _cue(tx, a.s, a.e, "date_past_cues")):
                        y, mo = py, pm
                a.a[0], a.a[1] = y, mo
                a.b[0] = y
                if a.b[1] is None:
                    a.b[1] = mo
                a.need_year = False
            elif last_month:
                _, yy, mm, _ = last_month[-1]
                a.a[1] = mm
                if a.b[1] is None:
                    a.b[1] = mm
                if yy is not None:
                    a.a[0] = a.b[0] = yy
                    a.need_year = False
            else:
                continue
        if a.need_year:
            y = sent_year.get(sn)
            if y is not None and tx.has_any(_PRESENT_WORDS, sent_year_end[sn], a.s):
                y = None  # 成立于1997年，目前…，第4季预计…: 目前 brings the sentence back to the present
            if y is None and pub is not None:
                y = pub.year
                first = a.a
                if first[1] is not None:
                    ahead = (y - pub.year) * 12 + first[1] - pub.month
                    if first[2] is not None and ahead == 0 and first[2] > pub.day:
                        ahead = 0.5
                    if not _cue(tx, a.s, a.e, "date_future_cues") and (
                            ahead >= 6 or (ahead > 0 and _own_clause_cue(tx, a.s, a.e, "date_past_cues"))):
                        y -= 1
            if y is not None:
                a.a[0] = y
                if a.b[0] is None:
                    a.b[0] = y
                elif a.b[0] < y:
                    a.b[0] = y
        # a range written across the new year (12月28日至1月3日)
        if a.a[0] is not None and a.b[0] is not None and a.kind == "range" and a.b[:2] < a.a[:2] \
                and a.b[0] == a.a[0]:
            a.b[0] += 1
        if a.year_given and a.a[0] is not None and a.kind != "bareyear" and not _comparison(t, a.s):
            sent_year[sn] = a.b[0]
            sent_year_end[sn] = a.e
        if a.prec == "d" and a.b[1] is not None:
            spans = a.a[1] is not None and a.a[2] is not None and a.a[:2] != a.b[:2]
            last_month.append((para_of(a.s), a.b[0], a.b[1], (list(a.a), a.b[2]) if spans else None))
            last_in_para[last_month[-1][0]] = last_month[-1]
        if not all(_valid(p[0], p[1], p[2]) for p in (a.a, a.b)):
            continue
        start, end = _iso(a.a, a.prec), _iso(a.b, a.prec)
        if start is None or end is None:
            continue
        if a.kind == "quarter" and a.a[0] is not None and a.a[1] % 3 == 1 and a.b[1] == a.a[1] + 2 \
                and a.b[0] == a.a[0]:
            last_quarter[para_of(a.s)] = (a.a[0], (a.a[1] + 2) // 3)
        if end < start:
            continue
        out.append({"text": text[a.s:a.e], "start": start, "end": end, "span": [a.s, a.e]})
        if a.prec == "d" and a.a[0] is not None and (start == end or a.kind in ("range", "day")):
            # a day, or the first of a range of days (12月16日至18日); not a week (下周), nor a
            # day that is itself named by reference (是前一天的3.1倍；当日0时)
            if a.kind != "anaph":
                last_day[para_of(a.s)] = latest_day = _dt.date(*a.a)
                if _opens(t, a.e, a.a != a.b):
                    opening_day = latest_day
    return out


# --------------------------------------------------------------------------- API


def _as_date(published) -> Date | None:
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date()
    if isinstance(published, _dt.date):
        return published
    s = str(published).strip()
    if not s:
        return None
    try:
        return _dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def find_dates(text: str, published: "Date | str | None" = None) -> list[dict]:
    """Every date mention of TEXT, in text order, normalised against PUBLISHED.

    Each item is ``{"text", "start", "end", "span"}`` with ``text == text[span[0]:span[1]]``.
    """
    pub = _as_date(published)
    t = _normalise(text)
    tx = _Text(t)
    atoms = _merge_ranges(t, _atoms(t, pub, tx))
    # strip a trailing space inside a mention ("16 日" keeps its inner space only)
    for a in atoms:
        while a.e > a.s and t[a.e - 1] == " ":
            a.e -= 1
        while a.s < a.e and t[a.s] == " ":
            a.s += 1

    return _resolve(text, t, atoms, pub, tx)
