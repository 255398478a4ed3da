"""Named events (conferences, summits, forums, expos, launches, festivals) with venue, city, dates, theme.

A name is a run of name characters ending in an event head from `event_heads.txt`
(全球移动互联网大会), or a known name from `event_names.txt` (WWDC21). A bracket right after
it holds an alias (GMIC). The venue and city come from "在/于 PLACE 举行/召开…" in a sentence
that names the event; its dates are the date items of such sentences.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

import regex

from . import lexicon
from .numbers import _rx, parse_chinese

_NAME_CHARS = r"[\p{Han}A-Za-z0-9０-９·&（）()“”《》「」\-]"
_MAX_SENTENCES = 50  # context read per event: enough for any article, bounded for huge inputs
_SENTENCE = regex.compile(r"[^。！？!?\n]+[。！？!?]?")


@lru_cache(maxsize=None)
def _patterns(lang: str = "zh") -> dict:
    heads = lexicon.alternation("event_heads", lang)
    known = lexicon.table("event_names", lang)
    known_alt = lexicon.trie_alternation(list(known))
    cities = lexicon.alternation("cities", lang)
    abbrev = lexicon.table("city_abbreviations", lang)
    venue_heads = lexicon.alternation("venue_heads", lang)
    breaks = frozenset(lexicon.terms("event_name_breaks", lang))
    # characters a tail after a quoted name (“数字之光”创新成果发布活动) never holds
    tail_stop = "".join(sorted(breaks | {w for w in lexicon.terms("event_cut_words", lang) if len(w) == 1}))
    return {
        "cut": regex.compile(lexicon.alternation("event_cut_words", lang)),
        "year_tail": regex.compile(r"\s?20\d\d$"),
        "class_year": regex.compile(r"(?:19|20)\d\d$"),
        "han": regex.compile(r"\p{Han}"),
        "latin": regex.compile(r"[A-Za-z]"),
        "head": regex.compile(rf"(?:{heads})(?:\s?20\d\d(?![\d年]))?"),
        "name_char": regex.compile(_NAME_CHARS),
        "known": regex.compile(rf"(?<![A-Za-z])(?:{known_alt})(?:\s?(?:20)?\d\d)?(?![A-Za-z])"),
        "alias": regex.compile(r"\s?[（(]([A-Za-z][A-Za-z0-9 .&/\-]{1,40}|[^）)]{1,20})[）)]"),
        # （China Mobile Developer Summit，简称CMDS）: several aliases in one bracket
        "alias_list": regex.compile(r"\s?[（(]([^（）()\n]{2,80}?[，,、；;][^（）()\n]{1,40})[）)]"),
        "alias_sep": regex.compile(r"\s*[，,、；;]\s*"),
        "alias_cue": regex.compile(rf"^(?:{lexicon.alternation('event_alias_cues', lang)})[：:]?\s*"),
        "latin_name": regex.compile(r"[A-Za-z][A-Za-z0-9 .&/\-]{1,40}"),
        # 设在乌镇互联网国际会展中心: a site verb with a building after it
        "site": regex.compile(rf"(?:{lexicon.alternation('event_site_verbs', lang)})(?P<p>[\p{{Han}}A-Za-z0-9·\-－—]{{0,16}}?"
                              rf"(?:{venue_heads}))(?![\p{{Han}}A-Za-z0-9])"),
        "place": regex.compile(rf"(?:在|于|於)(?P<p>(?:(?![在于於])[\p{{Han}}A-Za-z0-9·\-－—（）()]){{1,24}}?)"
                               rf"(?:{lexicon.alternation('event_place_adverbs', lang)})?"
                               rf"(?:{lexicon.alternation('event_place_verbs', lang)})"),
        "theme": regex.compile(r"以\s*[“”\"「『‘’]\s*(?P<t>[^“”\"」』]{2,60}?)\s*[“”\"」』’]\s*为(?:主题|题)"),
        "city_prefix": regex.compile(rf"^(?:{cities})"),
        "city_any": regex.compile(rf"(?:{cities})"),
        "city_end": regex.compile(rf"(?:{cities})市?$"),
        "abbrev": abbrev,
        "known_table": known,
        "leading_edition": regex.compile(r"^(?:(?:19|20)\d\d年(?:度)?|第[\p{Han}0-9]{1,4}[届屆次期])+"),
        "determiner": regex.compile(rf"^(?:{lexicon.alternation('event_determiners', lang)})"),
        "lead_word": regex.compile(rf"^(?:{lexicon.alternation('event_lead_words', lang)})"),
        "determiners": frozenset(lexicon.terms("event_determiners", lang)),
        "breaks": breaks,
        "conjunctions": frozenset(lexicon.terms("event_conjunctions", lang)),
        "quoted": regex.compile(rf"[“「『《\"](?P<n>[^“”」』》\"\n]{{2,50}}?(?:{heads}|{lexicon.alternation('event_quoted_heads', lang)})"
                                rf"(?:\s?20\d\d)?)[”」』》\"]"),
        # “数字之光”创新成果发布活动: a quoted name, then a few words ending in a head that names an
        # event only after a quoted name
        "quoted_tail": regex.compile(rf"[“「『](?P<q>[^“”」』\n]{{2,30}})[”」』](?P<t>[^\P{{Han}}{regex.escape(tail_stop)}]{{2,8}}?"
                                     rf"(?:{lexicon.alternation('event_quoted_tail_heads', lang)}))"),
        # …消费电子展会之一: one of a class, not a name
        "class_tail": regex.compile(rf"(?:{lexicon.alternation('event_class_tails', lang)})"),
        # 第三届 / 第四届 before a mention: the edition it names
        "edition": regex.compile(r"第(?P<n>[0-9０-９零一二两三四五六七八九十百]{1,5})[届屆]$"),
        # 网易科技讯 4月17日下午消息 / 中新网拉斯维加斯1月7日电: a dateline dates the story, not the event
        "dateline": regex.compile(rf"\s*(?:{lexicon.alternation('date_time_of_day', lang)})?\s*"
                                  rf"(?:{lexicon.alternation('event_dateline_tails', lang)})(?!\p{{Han}})"),
        # 本次大会 / 该论坛, or a bare head opening a clause (。展会将持续至9月22日)
        "other_edition": regex.compile(r"(?:下一?届|上一?届|往届|历届|歷屆|下一?屆|上一?屆|明年的|去年的)$"),
        "anaphor": regex.compile(rf"(?:本次|本届|此次|这次|这届|该|今年的|(?<=^|[。，；！？\n]))(?:{heads})"),
        "not_event_date": regex.compile(r"(?:截至|截止|截止到|较|比|同比)$"),
        # 春节前推出 / 9月底之前: a deadline before the day, not a day the event is held
        "before_tail": regex.compile(r"(?:之前|以前|前(?![往来來去]))"),
        "closing": regex.compile(r"\s*(?:上午|下午|晚上|晚间|中午)?\s*(?:将|將|正式)?(?:闭幕|閉幕|结束|結束|落幕)"),
        "closes_later": regex.compile(r"[^，,。；;！？!?\n]{0,30}?(?:落下帷幕|落幕|闭幕|閉幕|收官|圆满结束|圓滿結束)"),
        "until": regex.compile(r"(?:持续|延续|举办|进行|开放)?(?:至|到)$"),
        "lasting": regex.compile(r"为期\s*(?P<n>[0-9一二两三四五六七八九十]{1,3})\s*天"),
        "written": regex.compile(r"[0-9０-９〇一二三四五六七八九十]"),
        "opening": regex.compile(r"[^。！？!?\n]{0,24}?(?:开幕|揭幕|启幕|拉开帷幕|开展|开幕式)"),
        "time_words": regex.compile(r"[年月日号时点]|今天|昨天|明天|凌晨|上午|下午|晚上|晚间|中午|当天|近日|日前|同期|期间|同日|同时|此前|之后|随后"),
        "generic": frozenset(lexicon.terms("event_generic", lang)),
        "year_word": regex.compile(r"[今明去前后後每当當]年[会會]$"),
        "counted": regex.compile(r"(?<![第0-9０-９一二两三四五六七八九十百千几多数])[0-9０-９一二两三四五六七八九十百千几多数]+[场个次项]$"),
        "heads": frozenset(lexicon.terms("event_heads", lang)),
        "blockers": regex.compile(lexicon.alternation("event_head_blockers", lang)),
        # 博览中心二楼会议厅 / 国家会议中心3号馆: the building is the venue, not the hall inside it
        # 在同一场馆举办 / 在该中心举行: a place pointing back to a venue named before
        "venue_anaphor": regex.compile(rf"^(?:{lexicon.alternation('event_venue_anaphors', lang)})"),
        # between a place verb and the name of the event it holds (举办了首届…)
        "verb_gap": regex.compile(r"[了的]?[“「『《]?(?:首届|首屆|第[\p{Han}0-9]{1,4}[届屆])?[“「『《]?"),
        "room": regex.compile(rf"(?<=(?:{lexicon.alternation('venue_heads', lang)}))(?:[0-9A-Za-z一二三四五六七八九十]+"
                              r"(?:楼|樓|层|層|号|號)?)?\p{Han}{0,4}?(?:厅|廳|室|馆|館|会场|會場)$"),
        "synonyms": lexicon.table("event_head_synonyms", lang),
        "launch_heads": frozenset(lexicon.terms("event_launch_heads", lang)),
        # a season or edition word makes a company's launch a named, recurring event
        "launch_name_words": tuple(lexicon.terms("event_launch_name_words", lang)),
        "generic_launch": regex.compile(rf"\p{{Han}}{{1,4}}?(?:{lexicon.alternation('event_launch_products', lang)})+"),
    }


_NUMERAL_RUN = regex.compile(r"[零一二两三四五六七八九十百]+")
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("「", "」"))


def _depth(text: str, i: int) -> int:
    """How many quotes or brackets are open at position i of text."""
    before = text[:i]
    return sum(max(0, before.count(o) - before.count(c)) for o, c in _PAIRS)


def _head_spans(text: str, p: dict) -> list[tuple[int, int]]:
    """Event heads in the text, the longest reading kept where heads overlap (汽车展览会: 展览会, not 车展)."""
    blocked = [m.span() for m in p["blockers"].finditer(text)]
    spans = sorted({m.span() for m in p["head"].finditer(text, overlapped=True)
                    if not any(a < m.end() < b for a, b in blocked)}, key=lambda x: (x[0], -x[1]))
    kept: list[tuple[int, int]] = []
    for s, e in spans:
        if kept and s <= kept[-1][1]:  # overlapping or adjacent (挑战赛总决赛): one head
            if e > kept[-1][1]:
                kept[-1] = (kept[-1][0], e)
            continue
        kept.append((s, e))
    return kept


def _bracket_aliases(text: str, pos: int, p: dict) -> list[str]:
    """Aliases in a bracket at POS: （GMIC）, or several (China Mobile Developer Summit，简称CMDS)."""
    many = p["alias_list"].match(text, pos)
    if many:
        out = []
        for part in p["alias_sep"].split(many.group(1)):
            bare = p["alias_cue"].sub("", part).strip()
            if bare and (p["latin_name"].fullmatch(bare) or bare != part.strip() and len(bare) <= 20) \
                    and not _rx(r"\d+[月日年]").search(bare):
                out.append(bare)
        if out:
            return out
    a = p["alias"].match(text, pos)
    if a and not _rx(r"\d+[月日年]").search(a.group(1)):
        bare = p["alias_cue"].sub("", a.group(1).strip()).strip()
        return [bare] if bare else []
    return []


def _trim_name(raw: str, p: dict) -> str | None:
    """Cut a candidate back to the event name proper, or None when it names no event."""
    # cut after the last cut word (举行, 在, 的 …) that stands outside quotes and brackets
    cut = max((m.end() for m in p["cut"].finditer(raw, 0, len(raw) - 2, overlapped=True)
               if _depth(raw, m.start()) == 0), default=0)
    name = raw[cut:]
    for open_, close in _PAIRS:  # an unmatched closing mark ends what came before it
        depth = 0
        for i, c in enumerate(name):
            depth += (c == open_) - (c == close)
            if depth < 0:
                name, depth = name[i + 1:], 0
                break
    name = name.lstrip("-·")
    for open_, close in _PAIRS[2:]:  # an unclosed opening quote before the name
        if name.count(open_) > name.count(close):
            name = name[name.rindex(open_) + 1:]
    # 2022届毕业生…双选会: a year before 届 is a graduating class, part of the name
    breaks = [i for i, c in enumerate(name) if c in p["breaks"] and _depth(name, i) == 0
              and not (c in "届屆" and p["class_year"].match(name, max(0, i - 4), i))]
    # 这届全球移动互联网大会 names the event after the determiner; 这次发布会 / 本届大会 leave
    # only a generic head, which the checks below drop
    if breaks:
        name = name[breaks[-1] + 1:]
    name = p["lead_word"].sub("", name)  # 据…大会组委会介绍: a preposition, not the name
    name = p["leading_edition"].sub("", name)
    if name.count("（") != name.count("）") or name.count("(") != name.count(")"):
        return None
    if p["determiner"].match(name):
        return None
    bare = p["year_tail"].sub("", name)  # 华为开发者大会2021 -> 华为开发者大会
    head = max((h for h in p["heads"] if bare.endswith(h)), key=len, default="")
    rest = bare[: -len(head) or None] if head else name
    if _all_generic(rest, p["generic"] | p["heads"]) or len(p["han"].findall(rest)) < 2 and len(p["latin"].findall(rest)) < 2:
        return None
    for i, c in enumerate(bare):  # 电视剧和体育联赛: generic nouns joined, no name
        if c in p["conjunctions"] and _depth(bare, i) == 0 and head and _all_generic(bare[i + 1:-len(head)], p["generic"]):
            return None
    if head in p["launch_heads"] and p["generic_launch"].fullmatch(rest) \
            and not any(w in rest for w in p["launch_name_words"]):
        return None  # 华为手机发布会: a company's launch, no event name (奥拓秋季新品发布会 is one)
    return name


def _all_generic(rest: str, generic: frozenset) -> bool:
    """Whether REST is made of generic words only (技术分 = 技术 + 分, 新车, 年会主 = 年会 + 主)."""
    if not rest:
        return False
    ok = [True] + [False] * len(rest)  # ok[i]: rest[:i] splits into generic words
    for i in range(len(rest)):
        if ok[i]:
            for j in range(i + 1, min(len(rest), i + 6) + 1):
                if rest[i:j] in generic:
                    ok[j] = True
    return ok[-1]


def _building(location: str, p: dict) -> str:
    """LOCATION without the hall or floor inside the building (国家会议中心3号馆 -> 国家会议中心)."""
    room = p["room"].search(location)
    return location[: room.start()] if room and room.start() > 0 else location


def _place(location: str, p: dict) -> tuple[str | None, str | None]:
    """Split 北京-国家会议中心 / 东莞松山湖 / 京 into (venue, city)."""
    location = location.strip("-－—")
    if location in p["abbrev"]:
        return None, p["abbrev"][location][0]
    parts = _rx(r"[-－—]").split(location, maxsplit=1)
    if len(parts) == 2 and parts[1] and p["city_prefix"].fullmatch(parts[0]):  # not 梅赛德斯-奔驰
        return parts[1], parts[0]
    last = p["city_end"].search(location)
    if last and last.start() <= 3 and not p["city_prefix"].match(location):  # 韩国首尔, 广东深圳: a city, no venue
        return None, last.group()
    m = p["city_prefix"].match(location)
    if m:  # 深圳国际会展中心: the venue keeps its city; 长春 alone is a city
        rest = location[m.end():].lstrip("市")
        return (location if rest else None), m.group()
    return location, None


def find_events(text: str, dates: Sequence[dict] = (), skip: Sequence[tuple[int, int]] = ()) -> list[dict]:
    """One record per named event, in order of first mention."""
    p = _patterns()
    mentions: list[tuple[int, int, str, list[str]]] = []
    covered = bytearray(len(text) + 1)  # 1 where a mention already stands (keeps this linear)

    def cover(s: int, e: int) -> None:
        covered[s:e] = b"\x01" * (e - s)

    blocked = [m.span() for m in p["blockers"].finditer(text)]
    date_spans = [tuple(d["span"]) for d in dates]
    for m in p["quoted"].finditer(text):
        e = m.end("n")
        if p["class_tail"].match(text, m.end()) or any(a <= e - 1 < b for a, b in blocked):
            continue  # 最大的…之一; “创新发展”: 发展 holds 展 but names no event
        if any(a <= m.start("n") and e <= b for a, b in date_spans):
            continue  # “七夕节”: a holiday, a date and no event
        mentions.append((m.start("n"), m.end("n"), m.group("n"), _bracket_aliases(text, m.end(), p)))
        cover(m.start("n"), m.end("n"))
    for m in p["quoted_tail"].finditer(text):
        if covered[m.start("q")] or covered[m.end() - 1] or p["class_tail"].match(text, m.end()):
            continue
        mentions.append((m.start(), m.end(), m.group(), _bracket_aliases(text, m.end(), p)))
        cover(m.start(), m.end())
    for h_start, h_end in _head_spans(text, p):
        if covered[h_end - 1]:
            continue
        start = h_start
        while start > 0 and h_end - start < 40 and (
                p["name_char"].match(text[start - 1])
                or text[start - 1] == " " and start > 1 and text[start - 2].isascii() and text[start - 2].isalnum()
                and text[start].isascii() and text[start].isalnum()):  # Mate 60: a space inside a model name
            start -= 1
        if p["year_word"].search(text, 0, h_start + 2) and text.startswith(("年会", "年會"), h_start):
            continue  # 明年会把…: 明年 + 会, not the head 年会
        name = _trim_name(text[start:h_end], p)
        if not name:
            continue
        start = h_end - len(name)
        if p["counted"].search(text, max(0, start - 8), start):
            continue  # 24场技术分论坛, 三个分会场: a count of unnamed events
        if p["class_tail"].match(text, h_end):
            continue  # 最大的消费电子展会之一: one of a class
        mentions.append((start, h_end, name, _bracket_aliases(text, h_end, p)))
        cover(start, h_end)
    date_chars = bytearray(len(text) + 1)
    for d in dates:
        date_chars[d["span"][0]:d["span"][1]] = b"\x01" * (d["span"][1] - d["span"][0])
    for m in p["known"].finditer(text):
        if covered[m.start()] or date_chars[m.start()]:
            continue  # 去年双12的时候: a date here, not the event
        base = _rx(r"\s?(?:20)?\d\d$").sub("", m.group())
        mentions.append((m.start(), m.end(), m.group(), list(p["known_table"].get(base, ()))))
    mentions.sort()
    # 世界互联网大会乌镇峰会 holds the head 大会: the name up to it is part of the longer name
    mentions = [m for m in mentions if not any(o[0] == m[0] and o[1] > m[1] for o in mentions)]

    events: list[dict] = []
    for start, end, name, aliases in mentions:
        if any(s <= start < e for s, e in skip):
            continue
        event = next((e for e in events if _same_event(e, name, aliases)), None)
        if event is None:
            event = {"name": name, "aliases": [], "venue": None, "city": None, "start": None,
                     "end": None, "theme": None, "spans": []}
            events.append(event)
        elif len(name) > len(event["name"]) and _rx(r"\p{Han}").search(name):
            event["aliases"] = [a for a in (*event["aliases"], event["name"]) if a != name]
            event["name"] = name
        elif name != event["name"] and name not in event["aliases"]:
            event["aliases"].append(name)  # every mention's text is the name or an alias
        for a in aliases:
            if a not in event["aliases"] and a != event["name"]:
                event["aliases"].append(a)
        event["spans"].append([start, end])
    # 本次大会 / 该论坛 refer back to the last event named before them: their sentences count too
    ends = sorted((sp[1], i) for i, e in enumerate(events) for sp in e["spans"])
    end_keys = [x[0] for x in ends]
    for m in p["anaphor"].finditer(text):
        k = bisect.bisect_right(end_keys, m.start())
        if k:
            # 大会 refers back to the last …大会 named before it, else to the last event
            head = max((h for h in p["heads"] if m.group().endswith(h)), key=len, default="")
            forms = (head, *p["synonyms"].get(head, ())) if head else ()  # 展会 also stands for …博览会
            same = [i for _, i in ends[:k] if any(n.endswith(forms) for n in (events[i]["name"], *events[i]["aliases"]))]
            target = same[-1] if same else ends[k - 1][1]
            events[target].setdefault("_refs", []).append(list(m.span()))
    sentence_list = list(_SENTENCE.finditer(text))
    # every mention and back-reference, with the event it names: a place next to another
    # event's name is that event's
    owners = sorted((sp[0], sp[1], i) for i, e in enumerate(events) for sp in e["spans"] + e.get("_refs", []))
    for i, event in enumerate(events):
        _attach_context(text, event, dates, skip, p, sentence_list, owners, i, events[:i])
    for event in events:
        event.pop("_refs", None)
    return events


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _digits(name: str) -> str:
    """NAME with Chinese numerals written in digits, for comparing names (十周年 / 10周年)."""
    return _NUMERAL_RUN.sub(lambda m: str(parse_chinese(m.group()) or m.group()), name)


def _same_event(event: dict, name: str, aliases: list[str]) -> bool:
    """Same event: a shared name or alias, one name inside the other, or a long shared ending
    (“青禾杯”大学生编程挑战赛总决赛 / “青禾杯”全国大学生编程挑战赛总决赛); numerals compare by value."""
    names = {v for n in (event["name"], *event["aliases"]) for v in _head_variants(_digits(n))}
    name, aliases = _digits(name), [_digits(a) for a in aliases]
    return bool(names & {v for n in (name, *aliases) for v in _head_variants(n)}) or any(
        len(n) >= 4 and (n in name or name in n)
        or _common_suffix(n, name) >= max(6, 0.6 * min(len(n), len(name)))
        or _abbreviates(n, name) or _abbreviates(name, n) for n in names)


def _head_variants(name: str) -> set[str]:
    """NAME and NAME with a short head written out (江苏国际车展 -> 江苏国际汽车博览会 …),
    from the data file event_head_synonyms."""
    out = {name, _patterns()["year_tail"].sub("", name)}  # CES 2018 stands for CES
    for short, longs in _patterns()["synonyms"].items():
        if name.endswith(short):
            out.update(name[: -len(short)] + long_ for long_ in longs)
    return out


def _abbreviates(short: str, long_: str) -> bool:
    """天津车展 / 汽博会 abbreviate 中国（天津）国际汽车展览会 / 中国(长春)国际汽车博览会:
    the short name's characters appear in order in the long one."""
    if not 3 <= len(short) < len(long_) or short[0] not in long_:
        return False
    it = iter(long_)
    return all(c in it for c in short)


def _owned_by_other(text: str, sentence, m, owners, me: int, p: dict) -> bool:
    """Whether the place match M (in SENTENCE) holds another event than event ME: its verb
    runs straight into another event's name (在深圳会展中心举办深圳国际…博览会), or the ；-part
    of the sentence it stands in names another event and not this one."""
    s_start, s_end = sentence.span()
    after = s_start + m.end()
    gap = p["verb_gap"].match(text, after)
    at = gap.end() if gap else after
    if any(i != me and after <= a <= at + 1 for a, _, i in owners):
        return True
    seg_a = max(text.rfind("；", s_start, s_start + m.start()), text.rfind(";", s_start, s_start + m.start())) + 1
    seg_a = seg_a if seg_a > 0 else s_start
    seg_b = min([x for x in (text.find("；", after, s_end), text.find(";", after, s_end)) if x >= 0] or [s_end])
    here = {i for a, _, i in owners if seg_a <= a < seg_b}
    return bool(here) and me not in here


def _attach_context(text: str, event: dict, dates: Sequence[dict], skip, p: dict,
                    sentence_list: list, owners=(), me: int = -1, before: Sequence[dict] = ()) -> None:
    # 下一届西湖云计算大会将于2018年10月举行: another edition's sentence dates nothing of this one
    mentions = [sp for sp in event["spans"] + event.get("_refs", [])
                if not p["other_edition"].search(text, max(0, sp[0] - 4), sp[0])]
    # 第三届…峰会 … 第四届…峰会将于明年春季举办: a mention naming another edition than the
    # first one written is another edition's
    editions = [(sp, _edition(text, sp[0], p)) for sp in mentions]
    this = next((n for _, n in editions if n is not None), None)
    mentions = [sp for sp, n in editions if n is None or n == this]
    starts = [s.start() for s in sentence_list]
    chosen = sorted({bisect.bisect_right(starts, sp[0]) - 1 for sp in mentions})
    sentences = [sentence_list[i] for i in chosen[:_MAX_SENTENCES] if i >= 0]
    places = []
    for s in sentences:
        found = [(m.start(), m.group("p")) for m in p["place"].finditer(s.group())
                 if not _owned_by_other(text, s, m, owners, me, p)]
        found += [(m.start(), m.group("p")) for m in p["site"].finditer(s.group())
                  if not _owned_by_other(text, s, m, owners, me, p)]
        for at, location in sorted(found):
            location = _building(location, p)
            if p["venue_anaphor"].match(location):
                # 在同一场馆举办: the venue of the event named last before it, else none
                prior = _prior_venue(before, s.start() + at)
                if prior:
                    places.append(prior)
                continue
            if not p["time_words"].search(location) and not any(location.endswith(h) for h in p["heads"]):
                places.append(_place(location, p))
        if event["theme"] is None:
            t = p["theme"].search(s.group())
            if t:
                event["theme"] = t.group("t")
    # the most specific place wins: a venue over a bare city (在京开幕 … 在北京-国家会议中心开幕)
    with_venue = [pl for pl in places if pl[0]]
    event["venue"] = with_venue[0][0] if with_venue else None
    event["city"] = (with_venue[0][1] if with_venue and with_venue[0][1] else
                     next((c for _, c in places if c), None))
    if event["city"] is None and places:  # 国家会展中心（天津）, 中国（天津）国际汽车展览会
        found = p["city_any"].search(f'{event["venue"] or ""} {event["name"]}')
        event["city"] = found.group() if found else None
    inside = {(s.start(), s.end()) for s in sentences}
    d_starts = [d["span"][0] for d in dates]
    in_sentences = []
    for a, b in sorted(inside):
        for d in dates[bisect.bisect_left(d_starts, a):bisect.bisect_left(d_starts, b)]:
            if not any(x <= d["span"][0] < y for x, y in skip) \
                    and not any(x <= d["span"][0] < y for x, y in event["spans"][:_MAX_SENTENCES]):
                in_sentences.append(d)
    # a cut-off (截至今年9月底) or a comparison base (较去年底) dates a figure, not the event
    in_sentences = [d for d in in_sentences if not p["not_event_date"].search(text, max(0, d["span"][0] - 3),
                                                                             d["span"][0])
                    and not p["dateline"].match(text, d["span"][1])
                    and not p["before_tail"].match(text, d["span"][1])]
    # a closing day (今天…闭幕) or an until day (延长开放至本周日) ends the event: it opens no earlier
    closing = [d for d in in_sentences if _closes(text, d, p) or _until(text, d, p)]
    opening_pool = [d for d in in_sentences if d not in closing]
    # a date in the clause that names the event (在昨日下午举行的X论坛上) beats the rest of its
    # sentences; then a written date beats a relative one (本周, 今天); a date to the day beats a
    # month or quarter (4月16日 over 今年第一季度); a range beats a day; a year alone says too
    # little to date an event; a closing or until day ends the event and never opens it
    clauses = [_clause(text, sp[0], sp[1]) for sp in event["spans"][:_MAX_SENTENCES] if sp in mentions]
    same_clause = [d for d in in_sentences if any(a <= d["span"][0] < b for a, b in clauses)
                   and d not in closing]
    pool = [d for d in same_clause if len(d["start"].lstrip("-")) >= 5] or opening_pool
    if not [d for d in pool if len(d["start"].lstrip("-")) >= 5] and closing:
        last = max(closing, key=lambda d: d["end"])
        days = _lasting(sentences, p)
        if days and len(last["end"]) == 10 and not last["end"].startswith("--"):
            # 为期两天的…峰会今天闭幕: the opening day counts back from the closing day
            event["start"] = (dt.date.fromisoformat(last["end"]) - dt.timedelta(days=days - 1)).isoformat()
            event["end"] = last["end"]
            return
        if all(_until(text, d, p) for d in closing):
            event["end"] = last["end"]  # 延长开放至本周日: an end, no opening day
            return
        pool = in_sentences
    ranked = sorted((d for d in pool if len(d["start"].lstrip("-")) >= 5),
                    key=lambda d: (not p["written"].search(d["text"]), len(d["start"].lstrip("-")) < 8,
                                   d["start"] == d["end"]))
    if ranked:
        best = ranked[0]
        event["start"], event["end"] = best["start"], best["end"]
        if best["start"] == best["end"] and p["opening"].match(text, best["span"][1]):
            event["end"] = None  # an opening day: when it closes is not stated
        # the closing day when stated (持续至12月12日), also after an opening range (上周末开幕)
        closing = _closing_day(text, event["start"], in_sentences, sentences, p, mentions)
        if closing and (event["end"] is None or closing > event["end"]):
            event["end"] = closing


def _prior_venue(before: Sequence[dict], pos: int) -> tuple[str, str | None] | None:
    """(venue, city) of the event with a venue whose mention stands last before POS."""
    best = max(((sp[0], e) for e in before if e["venue"] for sp in e["spans"] if sp[0] < pos),
               key=lambda x: x[0], default=None)
    return (best[1]["venue"], best[1]["city"]) if best else None


def _closes(text: str, d: dict, p: dict) -> bool:
    """Whether date D is a closing day: 9月22日闭幕, or 昨晚在…中心落下帷幕 later in its clause."""
    return bool(p["closing"].match(text, d["span"][1]) or p["closes_later"].match(text, d["span"][1]))


_CLAUSE_MARK = regex.compile(r"[，,。；;！？!?\n]")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the mark before it to the mark after it."""
    a = max((text.rfind(c, max(0, start - 80), start) for c in "，,。；;！？!?\n"), default=-1) + 1
    m = _CLAUSE_MARK.search(text, end, min(len(text), end + 80))
    return a, m.start() if m else min(len(text), end + 80)


_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _closing_day(text: str, start: str, dates: Sequence[dict], sentences, p: dict,
                 mentions: Sequence[Sequence[int]]) -> str | None:
    """The last day of an event that opened on `start`: a range from that day (展期为4月25日至5月4日),
    持续至9月22日, 将于5月4日闭幕, or 为期四天 counted from it."""
    for d in dates:
        if d["start"] > start and p["until"].search(text[max(0, d["span"][0] - 4):d["span"][0]]):
            return d["end"]
        if d["start"] > start and _closes(text, d, p):
            a, b = _clause(text, *d["span"])  # 本届车展将于5月4日闭幕: the event closes, not another
            if any(a <= m[0] < b for m in mentions):
                return d["end"]
    for d in dates:
        if d["start"] == start and d["end"] > start:
            return d["end"]
    if len(start) != 10 or start.startswith("--"):
        return None
    days = _lasting(sentences, p)
    if days:
        return (dt.date.fromisoformat(start) + dt.timedelta(days=days - 1)).isoformat()
    return None


def _lasting(sentences, p: dict) -> int | None:
    """The length in days of 为期四天 in the event's sentences, when over one day."""
    for s in sentences:
        m = p["lasting"].search(s.group())
        if m:
            n = m.group("n")
            days = int(n) if n.isdigit() else (10 + _CN_DIGITS.get(n[1:], 0) if n.startswith("十")
                                                 else _CN_DIGITS.get(n, 0))
            if days > 1:
                return days
    return None


def _until(text: str, d: dict, p: dict) -> bool:
    """Whether date D ends a stretch: 持续至8日, 延长开放至本周日."""
    return bool(p["until"].search(text[max(0, d["span"][0] - 4):d["span"][0]]))


def _edition(text: str, start: int, p: dict) -> int | str | None:
    """The edition written just before a mention (第三届 -> 3), else None."""
    m = p["edition"].search(text, max(0, start - 8), start)
    if not m:
        return None
    n = m.group("n")
    return int(n) if n.isdigit() else (parse_chinese(n) or n)
