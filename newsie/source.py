"""Where an article comes from: its outlet, its dateline and the publication date.

Pure functions over the article text; the `newsie.source` stage puts the result on the Doc.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import lexicon
from .numbers import _rx  # cached compiled patterns
from .errors import InputError

_HEAD_CHARS = 600  # datelines and bylines sit at the top of an article


@dataclass(frozen=True)
class Dateline:
    """A dateline such as 新浪科技讯 10月30日消息 or 新华社北京4月30日电."""

    agency: str | None
    word: str | None
    month: int | None
    day: int | None
    year: int | None
    span: tuple[int, int]


def parse_published(value: object, what: str = "published") -> dt.date | None:
    """ISO 8601 date or date-time (or a date object) -> date; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"{what} must be an ISO 8601 date string, got {type(value).__name__}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"{what} {value!r} is not an ISO 8601 date (expected e.g. 2015-04-30)") from None


def _digits(s: str) -> int:
    return int(unicodedata.normalize("NFKC", s))


def _pattern(name: str) -> regex.Pattern:
    return _compiled()[name]


def _compiled() -> dict[str, regex.Pattern]:
    if not _CACHE:
        outlet_word = r"[\p{Han}A-Za-z0-9·]{2,12}?"
        date = r"(?:(?P<y>[0-9０-９]{4})年)?(?P<m>[0-9０-９]{1,2})月(?P<d>[0-9０-９]{1,2})[日号]"
        cities = lexicon.alternation("cities")
        lead = r"[ \t　]*(?:【[^】\n]{0,80}】)?[ \t　]*"
        _CACHE.update(
            # 新华社北京4月30日电 / 中新网上海4月30日电 / 7月17日电
            agency=regex.compile(rf"(?m)^{lead}(?P<a>{outlet_word})??(?:{cities})?{date}(?:[\p{{Han}}]{{0,2}})?电"),
            # 新浪科技讯 10月30日下午消息 / 星河传媒网讯 4月30日消息 / 财联社5月21日讯
            # 深圳商报讯（记者 …）: a bracketed byline right after 讯
            xun=regex.compile(rf"(?m)^{lead}(?P<a>[\p{{Han}}A-Za-z0-9]{{2,12}}?)讯(?:\s*{date}|[\s，,：:（(])"),
            # 数智观察北京6月16日讯 / 本报北京4月20日讯: the city is not part of the outlet
            xun_after=regex.compile(rf"(?m)^{lead}(?P<a>[\p{{Han}}A-Za-z0-9]{{2,12}}?)(?:{cities})?{date}[\p{{Han}}]{{0,2}}讯"),
            # 比特网（ChinaByte）3月12日消息 / 腾讯科技 范晓东 8月11日报道 / IT之家 3月10日消息:
            # the outlet, an English name in brackets or the reporter's name, then the date; 报道
            # then ends the line (彭博社5月6日报道，… cites a story)
            xiaoxi=regex.compile(rf"(?m)^{lead}(?P<a>{outlet_word})(?:[（(][A-Za-z0-9 .&\-]{{2,24}}[）)])?"
                                 rf"(?:[ \t　]+\p{{Han}}{{2,4}})?[ \t　]*(?:{cities})?{date}"
                                 rf"(?:{lexicon.alternation('date_time_of_day')})?(?:消息(?=[\s，,：:（(]|$)|(?:报道|報導|報道)(?=[\s（(]|$))"),
            outlet_line=regex.compile(r"(?:文章[来來]源|新[闻聞][来來]源|稿件[来來]源|[来來]源|出[处處])\s*[:：]\s*(?P<o>[^\s，,。；;|｜)）】]{2,20})"),
            from_line=regex.compile(r"本文来自(?:微信公众号|公众号|微博)?[“\"「《]?(?P<o>[^”\"」》（(，,。\s]{2,20})"),
            exclusive=regex.compile(r"本文系(?P<o>[\p{Han}A-Za-z0-9]{2,12}?)(?:独家|原创|授权)"),
            # 雷锋网原创文章，未经授权禁止转载 (at the end of the article)
            original=regex.compile(r"(?m)(?:^|[。！\s])(?:本文(?:为|為|系|是))?(?P<o>[\p{Han}A-Za-z0-9]{2,12}?)(?:独家)?原创(?:文章|稿件|内容)[，,。；;]?\s*"
                                   r"(?:未经|未經|转载|轉載|如需)"),
            # 雷锋网(公众号：雷锋网)按： an editor's note signed by the outlet
            note=regex.compile(r"(?m)^[ \t　]*(?P<o>[\p{Han}A-Za-z0-9]{2,12}?)\s*(?:[（(](?:微信)?公众号[：:][^）)\n]{1,20}[）)])?\s*按[：:]"),
            slash_byline=regex.compile(r"[【\[（(]\s*文\s*[/／]\s*(?P<o>[\p{Han}A-Za-z0-9]{2,12})\s"),
            # 澎湃新闻记者 叶映荷 / 界面新闻记者 | 宋嘉禾 / 〔寶島科技報記者鍾宜蓁／台北報導〕
            reporter_byline=regex.compile(r"(?m)^\s*[〔【\[（(]?(?P<o>[\p{Han}A-Za-z0-9]{2,10}?)(?:记者|記者)\s*[|｜]?\s*\p{Han}{2,4}"),
        )
    return _CACHE


_CACHE: dict[str, regex.Pattern] = {}
_SELF_REFERENCES = frozenset({"本报", "本報", "本刊", "本台", "本网", "本網", "本站"})


@lru_cache(maxsize=None)
def _not_outlets() -> frozenset[str]:
    """Words in an outlet's place that name no outlet (编者按, 小编原创文章)."""
    return frozenset(lexicon.terms("source_not_outlets"))


def find_dateline(text: str) -> Dateline | None:
    """The dateline near the top of the article, if any."""
    head = text[:_HEAD_CHARS]
    for key in ("xun_after", "agency", "xun", "xiaoxi"):
        m = _pattern(key).search(head)
        if not m:
            continue
        agency = m.group("a")
        if agency:
            agency = _rx(r"^[\p{P}\s]+").sub("", agency) or None
        def grab(g: str) -> int | None:
            return _digits(m.group(g)) if m.group(g) else None
        if key != "agency" and not agency:
            continue
        word = agency + "讯" if key in ("xun", "xun_after") else agency
        start = m.start("a") if m.group("a") else (m.start("m") if m.group("m") else m.start())
        return Dateline(agency=agency, word=word, year=grab("y"), month=grab("m"), day=grab("d"),
                        span=(start, m.end()))
    return None


def find_outlet(text: str, dateline: Dateline | None = None) -> str | None:
    """The outlet the article credits as its origin (来源 lines first, then the dateline, then a byline)."""
    tail = text[-_HEAD_CHARS:]
    for key, where in (("outlet_line", tail), ("outlet_line", text), ("from_line", text),
                       ("exclusive", text), ("original", tail), ("note", text[:_HEAD_CHARS]),
                       ("slash_byline", text[:_HEAD_CHARS])):
        m = _pattern(key).search(where)
        if m and m.group("o") not in _not_outlets():
            return m.group("o")
    if dateline and dateline.agency:
        # 本报讯 / 本刊讯: "this paper" names no outlet
        return None if dateline.agency in _SELF_REFERENCES else dateline.agency
    m = _pattern("reporter_byline").search(text[:_HEAD_CHARS])
    return m.group("o") if m and m.group("o") not in _not_outlets() else None


def iso_dateline(d: Dateline) -> str | None:
    """The dateline's date in contract form: 2015-04-30, or --04-30 without a year."""
    if not (d.month and d.day):
        return None
    try:
        if d.year:
            return dt.date(d.year, d.month, d.day).isoformat()
        dt.date(2000, d.month, d.day)  # leap year: validates 02-29 too
    except ValueError:
        return None
    return f"--{d.month:02d}-{d.day:02d}"


def find_source(text: str, published: dt.date | None) -> tuple[dict, dt.date | None, tuple[int, int] | None]:
    """The `source` block, the reference date for resolving dates, and the dateline's span."""
    dateline = find_dateline(text)
    dateline_iso = iso_dateline(dateline) if dateline else None
    if published is not None:
        pub, ref = published.isoformat(), published
    else:
        pub = dateline_iso
        ref = dt.date.fromisoformat(dateline_iso) if dateline_iso and not dateline_iso.startswith("--") else None
    block = {"outlet": find_outlet(text, dateline),
             "dateline": dateline.word if dateline else None,
             "published": pub}
    return block, ref, (dateline.span if dateline else None)
