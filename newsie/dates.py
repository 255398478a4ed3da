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
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from . import lexicon

__all__ = ["find_dates"]

Date = _dt.date

# --------------------------------------------------------------------------- characters

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇零○一二两三四五六七八九十"


def _normalise(text: str) -> str:
    """Full-width ASCII to ASCII, odd spaces to a space, 號/週/個/後 to 号/周/个/后; same length as text."""
    out = []
    for ch in text:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            out.append(chr(o - 0xFEE0))
        elif ch in "\u3000\xa0\u2002\u2003\u2009\u202f":
            out.append(" ")
        elif ch == "號":
            out.append("号")
        elif ch == "週":
            out.append("周")
        elif ch == "個":
            out.append("个")
        elif ch == "後":
            out.append("后")
        elif ch in "—–－−":
            out.append("-")
        elif ch == "〜":
            out.append("~")
        else:
            out.append(ch)
    return "".join(out)


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


def _alt(name: str) -> str:
    return lexicon.alternation(name)


@lru_cache(maxsize=None)
def _festivals() -> dict[str, tuple[str, ...]]:
    return lexicon.table("date_festivals")


@lru_cache(maxsize=None)
def _lunar() -> dict[int, dict[str, str]]:
    cols = ["春节", "元宵", "端午", "七夕", "中秋", "重阳", "除夕"]
    return {int(y): dict(zip(cols, row)) for y, row in lexicon.table("date_lunar_festivals").items()}


def _month_parts(bare: bool) -> str:
    rows = lexicon.table("date_month_parts")
    words = [w for w, r in rows.items() if (r[:1] == ("bare",)) == bare]
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _offsets(name: str) -> dict[str, tuple[int, str]]:
    return {k: (int(v[0]), v[1] if len(v) > 1 else "") for k, v in lexicon.table(name).items()}


# --------------------------------------------------------------------------- patterns

_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_D_CN = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[二三四五六七八九])"
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
        r"(?<![上下这那前后该同每当本])第?(?P<q>[一二三四1-4])" + _S + r"季度",
        r"(?<![A-Za-z])[Qq](?P<q>[1-4])(?![\d])",
        r"第?(?P<fq>[一二三四1-4])(?:财季|财政季度|财年季度)",
        r"前(?P<qn>[二三两2-3])个?季度",
        r"前(?P<mn>1[01]|[2-9]|十[一]?|[二三四五六七八九两])个月",
        r"(?P<part>" + parts + r")",
        r"(?P<fest>" + fest + r")",
    ])
    lead = r"(?<![\d.〇零○一二两三四五六七八九十百千万第每个几数])"
    composite = lead + r"(?:" + year + _S + r"(?:" + body + r")?|(?:" + body + r"))"
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
            + _S + r"(?P<u>[日号])(?!内|以内|之内|间|常|期|程|志|报|记|语|益)"),
        "decade": regex.compile(
            r"(?:(?P<c>上世纪|上个世纪|本世纪)|(?P<cn>1[5-9]|2[01]|十[五六七八九]|二十一?)世纪)?" + _S
            + r"(?<![\d.])(?P<d>[1-9]0|[二三四五六七八九]十)" + _S + r"年代"),
        "weekday": regex.compile(r"(?<![每隔逢上下本这个至到~\-])(?:星期(?P<wd>[一二三四五六日天])|(?:周|礼拜|禮拜)(?P<wd>[一二三四五六日]))(?![至到\-~、和与])"),
        "dayrange": regex.compile(
            r"(?<![\dA-Za-z.\-/:月])(?P<d1>\d{1,2})" + _S + r"(?:-|~|至|到)" + _S + r"(?P<d2>\d{1,2})" + _S + r"[日号](?!内|以内|之内|间)"),
        "monthpart": regex.compile(r"(?<![\d〇零○一二两三四五六七八九十])(?P<w>" + _month_parts(True) + r")"),
        "relmonth": regex.compile(r"(?P<rm>" + _alt("date_relative_months") + r")"),
        "reldays": regex.compile(r"(?P<w>" + _alt("date_relative_days") + r")"),
        "week": regex.compile(
            r"(?P<w>" + _alt("date_relative_weeks") + r")(?P<wd>[一二三四五六日天末])?"),
        "ago": regex.compile(
            r"(?<![\d.〇零○一二两三四五六七八九十百千万几数多])(?P<n>[1-9]\d{0,2}|[一二两三四五六七八九十]{1,3})" + _S
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


def _clause_after(t: str, e: int, limit: int = 24) -> str:
    m = regex.match(r"[^。！？!?；;\n]{0," + str(limit) + "}", t[e:])
    return m.group(0) if m else ""


def _in_quote(t: str, s: int) -> bool:
    start = max(t.rfind("\n", 0, s), 0)
    seg = t[start:s]
    return seg.count("“") > seg.count("”") or seg.count("「") > seg.count("」")


def _deictic_ok(t: str, s: int, e: int) -> bool:
    """今天/今日 place a reported happening (今天上午，小米在北京发布了…), not 'nowadays'."""
    after = t[e:e + 3]
    if any(after.startswith(w) for w in lexicon.terms("date_time_of_day")):
        return True
    before = t[max(0, s - 2):s]
    if any(before.endswith(w) for w in lexicon.terms("date_deictic_blockers")):
        return False
    if _in_quote(t, s):
        return False
    if t[e:e + 1] == "的":
        return False
    if t[e:e + 1] in "（(":
        return True  # 今日（4月23日）
    if t[e:e + 1] in "，," and (s == 0 or t[s - 1] in "。！？!?\n"):
        return True  # 今天，小米在北京发布了…
    clause = _clause_after(t, e, 24)
    return any(v in clause for v in lexicon.terms("date_event_verbs"))


def _composite(m, t: str, pub: Date | None) -> _Atom | None:
    g = m.groupdict()
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
        has_body = any(g.get(k) for k in ("md_m", "mr1", "mq", "mp_m", "mon", "qr1", "q", "fq", "qn", "mn", "part", "fest"))
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
        return atom([y, 3 * q - 2, None], [y, 3 * q, None], "m", kind="quarter")
    if g.get("fq"):
        if not has_year:
            return None
        return atom([y, None, None], [y, None, None], "y", kind="fiscal")
    if g.get("qn"):
        n = _num(g["qn"])
        return atom([y, 1, None], [y, 3 * n, None], "m", kind="quarter")
    if g.get("mn"):
        n = _num(g["mn"])
        if not 2 <= n <= 11:
            return None
        return atom([y, 1, None], [y, n, None], "m", kind="mfirst")
    if g.get("part"):
        row = lexicon.table("date_year_parts")[g["part"]]
        m1, m2, use = int(row[0]), int(row[1]), (row[2] if len(row) > 2 else "")
        if not has_year and use != "bare":
            return None
        if g["part"] == "同期" and not has_year:
            return None
        if m1 == 0 or fiscal:
            return atom([y, None, None], [y, None, None], "y", kind="part")
        return atom([y, m1, None], [y, m2, None], "m", kind="part")
    if g.get("fest"):
        return _festival(m, t, y, has_year, pub, s, e)
    # a year alone
    if not has_year:
        return None
    return _Atom(s, e, [y, None, None], [y, None, None], "y", year_given=True, kind="year",
                 extra={"rel": rel_year})


def _hao_ok(t: str, e: int) -> bool:
    """N号 is a day unless a name word follows (3号线, 5号楼)."""
    return not any(t.startswith(w, e) for w in lexicon.terms("date_hao_not_day"))


def _day_lead_ok(t: str, s: int, unit: str) -> bool:
    """What stands before a day-only date: not 近/前 of a span (近3日, 前3日), and before
    N号 no name character (金谷1号)."""
    prev, prev2 = t[s - 1:s], t[max(0, s - 2):s]
    if prev == "近" or (prev in "前后" and prev2[:1] not in "然随此之其以午"):
        return False
    if unit == "号" and regex.match(r"\p{Han}", prev or " ") and prev not in lexicon.terms("date_day_lead"):
        return False
    return True


def _month_ok(t: str, s: int, e: int, num: str) -> bool:
    """A Chinese-numeral month alone (十月) must not be a count (一月一次) or a name."""
    if num.isdigit():
        return True
    return not regex.match(_alt("date_not_dates"), t[s:s + 6])


def _festival(m, t, y, has_year, pub, s, e) -> _Atom | None:
    name = m.group("fest")
    fs, fe = m.span("fest")
    after = t[fe:fe + 6]
    if any(after.startswith(w) for w in lexicon.terms("date_festival_name_suffix")):
        return None
    row = _festivals()[name]
    if not has_year and len(row) > 2 and row[2] == "cue" and not _festival_cue(t, s, fe):
        return None
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
        md = _lunar().get(y, {}).get(row[0][6:])
        if md is None:
            return None
        a = [y, int(md[:2]), int(md[3:])]
        b = list(a)
    else:
        a = [y, int(row[0][:2]), int(row[0][3:])]
        b = [y, int(row[1][:2]), int(row[1][3:])] if len(row) > 1 and row[1] else list(a)
    return _Atom(s, e, a, b, "d", year_given=has_year, kind="fest")


def _festival_cue(t: str, s: int, e: int) -> bool:
    """A festival without a year is a date only next to a cue word (春节期间, 在双十一)."""
    for word, row in lexicon.table("date_festival_cue").items():
        if row and row[0] == "before":
            if t[max(0, s - len(word)):s] == word:
                return True
        elif t.startswith(word, e):
            return True
    return False


def _618(t: str, pub: Date | None) -> list[_Atom]:
    """618 (the June 18 shopping day) only with a shopping cue next to it."""
    out = []
    cues = lexicon.terms("date_festival_cue")
    for m in regex.finditer(r"(?<![\d.])(?:(?P<yr>" + _alt("date_relative_years") + r"))?[“\"]?618[”\"]?(?![\d.%])", t):
        s, e = m.span()
        after, before = t[e:e + 4], t[max(0, s - 3):s]
        if not (any(after.startswith(c) for c in cues) or regex.search(r"京东|天猫|电商", before)
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


def _atoms(t: str, pub: Date | None) -> list[_Atom]:
    P = _patterns()
    cands: list[_Atom] = []
    for m in P["numeric"].finditer(t):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if _valid(y, mo, d):
            cands.append(_Atom(m.start(), m.end(), [y, mo, d], [y, mo, d], "d", year_given=True, kind="numeric"))
    for m in P["yrange"].finditer(t):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y1 < y2:
            cands.append(_Atom(m.start(), m.end(), [y1, None, None], [y2, None, None], "y", year_given=True, kind="yrange"))
    for m in P["composite"].finditer(t, overlapped=False):
        if m.end() == m.start():
            continue
        a = _composite(m, t, pub)
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
        for m in P["monthpart"].finditer(t):
            cands.append(_Atom(m.start(), m.end(), [pub.year, pub.month, None], [pub.year, pub.month, None], "m",
                               year_given=True, kind="rel"))
        for m in P["relmonth"].finditer(t):
            y, mo = _ym_add(pub.year, pub.month, _offsets("date_relative_months")[m["rm"]][0])
            cands.append(_Atom(m.start(), m.end(), [y, mo, None], [y, mo, None], "m", year_given=True, kind="rel"))
        days = _offsets("date_relative_days")
        for m in P["reldays"].finditer(t):
            off, check = days[m["w"]]
            if check == "deictic" and not _deictic_ok(t, m.start(), m.end()):
                continue
            cands.append(_day_atom(m.start(), m.end(), pub + _dt.timedelta(days=off)))
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
                    cands.append(_day_atom(m.start(), m.end(), day))
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
        for m in P["weekday"].finditer(t):
            # a bare weekday in a report: that day of the publication week, the last one
            # before publication when the clause reports a past happening
            wd = {k: int(v[0]) for k, v in lexicon.table("date_weekdays").items()}[m["wd"]]
            day = pub + _dt.timedelta(days=wd - pub.isoweekday())
            if day > pub and not _cue(t, m.start(), m.end(), "date_future_cues"):
                day -= _dt.timedelta(weeks=1)
            cands.append(_day_atom(m.start(), m.end(), day))
    cands.extend(_618(t, pub))
    cands.extend(_bare_years(t, pub))
    cands.extend(_english(t, pub))

    # settle overlaps: longest first, then leftmost
    cands.sort(key=lambda a: (-(a.e - a.s), a.s))
    taken: list[_Atom] = []
    for a in cands:
        if all(a.e <= b.s or a.s >= b.e for b in taken):
            taken.append(a)
    # words that contain a date word but are not dates
    bad = [m.span() for m in regex.finditer(_alt("date_not_dates"), t)]
    taken = [a for a in taken if all(a.e <= s or a.s >= e for s, e in bad)]
    taken.sort(key=lambda a: a.s)
    return taken


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
        if not regex.match(r"\p{Han}", nxt) or nxt in units or nxt in "年月日":
            continue
        if not regex.match(r"\p{Han}", prev or "\n") and prev not in ("", "\n"):
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
    return [m.end() for m in regex.finditer(r"[。！？!?；;\n]", t)]


def _cue(t: str, s: int, e: int, name: str) -> bool:
    start = max([t.rfind(c, 0, s) for c in "，,。！？；;\n"] + [-1]) + 1
    clause = t[start:e] + _clause_after(t, e, 30)
    return any(w in clause for w in lexicon.terms(name))


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


def _resolve(text: str, t: str, atoms: list[_Atom], pub: Date | None) -> list[dict]:
    bounds = _sentence_bounds(t)

    def sentence_of(pos: int) -> int:
        n = 0
        for b in bounds:
            if b <= pos:
                n += 1
            else:
                break
        return n

    def para_of(pos: int) -> int:
        return t.count("\n", 0, pos)

    out = []
    sent_year: dict[int, int] = {}
    last_month: list[tuple[int, int | None, int]] = []  # (paragraph, year, month)
    for a in atoms:
        sn = sentence_of(a.s)
        if a.need_month:
            ctx = [x for x in last_month if x[0] == para_of(a.s)]
            if ctx:
                _, yy, mm = ctx[-1]
                a.a[1] = a.b[1] = mm if a.a[1] is None else a.a[1]
                if a.b[1] is None:
                    a.b[1] = mm
                if yy is not None:
                    a.a[0] = a.b[0] = yy
                    a.need_year = False
            elif pub is not None:
                y, mo = pub.year, pub.month
                if a.a[2] > pub.day + 1 and _cue(t, a.s, a.e, "date_past_cues") \
                        and not _cue(t, a.s, a.e, "date_future_cues"):
                    y, mo = _ym_add(y, mo, -1)
                a.a[0], a.a[1] = y, mo
                a.b[0] = y
                if a.b[1] is None:
                    a.b[1] = mo
                a.need_year = False
            elif last_month:
                _, yy, mm = last_month[-1]
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
            if y is None and pub is not None:
                y = pub.year
                first = a.a
                if first[1] is not None:
                    ahead = (y - pub.year) * 12 + first[1] - pub.month
                    if first[2] is not None and ahead == 0 and first[2] > pub.day:
                        ahead = 0.5
                    if not _cue(t, a.s, a.e, "date_future_cues") and (
                            ahead >= 6 or (ahead > 0 and _cue(t, a.s, a.e, "date_past_cues"))):
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
        if a.prec == "d" and a.b[1] is not None:
            last_month.append((para_of(a.s), a.b[0], a.b[1]))
        if not all(_valid(p[0], p[1], p[2]) for p in (a.a, a.b)):
            continue
        start, end = _iso(a.a, a.prec), _iso(a.b, a.prec)
        if start is None or end is None:
            continue
        if end < start:
            continue
        out.append({"text": text[a.s:a.e], "start": start, "end": end, "span": [a.s, a.e]})
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
    atoms = _merge_ranges(t, _atoms(t, pub))
    # strip a trailing space inside a mention ("16 日" keeps its inner space only)
    for a in atoms:
        while a.e > a.s and t[a.e - 1] == " ":
            a.e -= 1
        while a.s < a.e and t[a.s] == " ":
            a.s += 1

    return _resolve(text, t, atoms, pub)
