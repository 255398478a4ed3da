"""People in an article: named persons with their job title, organisation and role.

Rules over the text, with data files for titles, surnames and speech verbs. The shapes:
ORG+TITLE+NAME (蚂蚁金服O2O事业部总经理王丽娟), titles chained by 兼/、 (创始人兼CEO),
NAME，ORG+TITLE and NAME（ORG TITLE） appositions, and names the NER model found alone.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from . import lexicon
from .numbers import _rx  # cached compiled patterns

_ORG_BACK = 24  # how far before a title an organisation name may start
_ORG_STOP = ("对话", "专访", "采访", "邀请", "包括", "其中", "以及", "作为", "担任", "出任", "兼任", "时任", "现任", "成为",
             "在", "由", "与", "及", "对", "是", "的", "了", "向", "从", "跟", "被")
_ORG_LEAD = regex.compile(r"^(?:根据|近日|日前|今天|今日|昨天|昨日|此外|同时|其中|随后|专访|对话|据|而|但|并|也|还|记者|上午|下午|晚间|当天)+")
# 安盾负责产品的副总裁: a duty after the organisation belongs to the title, not the name
_DEPARTMENT = regex.compile(r"(?:学院|系|研究所|实验室|中心|部|司|局|处)$")  # 货币与资本市场部
# 腾讯与阿里巴巴集团: two organisations (科技 is left out: 創新及科技局 is one bureau)
_ORG_WORD = regex.compile(r"公司|集团|集團|银行|銀行|大学|大學|控股|协会|協會|组织|組織")
_NAME_LEAD = "由请让被把将和与及在是对向从"  # words that stand before a name, not in it
_BACK_PRONOUN = "其"  # 其信息部: the department of the organisation named just before
_PRONOUN_ORGS = {"平台", "公司", "该公司", "本公司", "集团", "该集团", "我们", "他们", "我", "其", "前", "原"}


@lru_cache(maxsize=None)
def _duty() -> regex.Pattern:
    """A duty ending an organisation's name (…负责产品): data file people_duty_words."""
    return regex.compile(rf"(?<=[\p{{Han}}A-Za-z0-9]{{2}})(?:{lexicon.alternation('people_duty_words')})\p{{Han}}{{1,8}}$")


@lru_cache(maxsize=None)
def _patterns() -> dict[str, regex.Pattern]:
    title = f"(?:{lexicon.alternation('titles')})"
    surname = f"(?:{lexicon.alternation('surnames')})"
    verbs = lexicon.alternation("speech_verbs")
    return {
        # a title, or several joined by 兼 / 、 / 和 / 及 / 与
        # a title, or several joined by 兼 / 、 / 暨 …, each maybe after its department (副总裁、研究院院长)
        "title": regex.compile(rf"{title}(?:(?:(?:兼|、|和|及|与|/|暨)[\p{{Han}}A-Za-z]{{0,8}}?)?{title})*"),
        "han_name": regex.compile(rf"(?P<s>{surname})(?P<g>\p{{Han}}{{1,2}})"),
        "latin_name": regex.compile(r"[A-Z][a-zA-Z'\-]+(?:[ ·.][A-Z][a-zA-Z'\-]+){1,3}"),
        "translit_name": regex.compile(r"\p{Han}{1,6}·\p{Han}{1,8}"),
        # match() anchors these at the position given (regex's ^ would mean the string start)
        "speech": regex.compile(rf"[^。！？!?；;\n]{{0,30}}?(?<!没有|未|不|没)(?<!(?:没有|未|不|没)(?:{verbs}))(?:{verbs})|\s*[:：]\s*[“\"「]"),
        "verb_now": regex.compile(rf"(?:{verbs})"),
        "not_given": regex.compile(rf"(?:{lexicon.alternation('not_given_names')})"),
        # 首席技术官（CTO）周景行; a screen name in quotes: 头部主播“满满”林小满
        "title_alias": regex.compile(r"[（(][A-Za-z]{2,8}[）)]|[“「\"][^”」\"\n]{1,8}[”」\"]"),
        "title_end": regex.compile(rf"{title}$"),
        "title_follower": regex.compile(rf"(?:{lexicon.alternation('people_title_followers')})"),
        "prefix": regex.compile(rf"(?:{lexicon.alternation('title_prefixes')})$"),
        "adjective": regex.compile(rf"(?:\p{{Han}}{{0,2}}(?:{lexicon.alternation('title_adjectives')}))$"),
        "quoted_by": regex.compile(r"(?:据|听)$"),
        # NAME + verb of appointment right before ORG+TITLE; 为 only after 任命/聘任 NAME
        "pronoun_speaks": regex.compile(
            rf"(?<=^|[。！？；，\n]|[。！？，]”)\s*[他她](?!们)(?:还|也|则|进一步|同时|随后|最后|认为|\p{{Han}}{{1,2}}着)?"
            rf"(?:[对向跟][^，。！？；\n“]{{1,10}}?)?(?:{verbs})"),
        # 的许晴向雷锋网介绍 / 的刘松涛是…。他告诉记者: a name after a modifier clause ending in 的
        "de_intro": regex.compile(rf"的(?P<n>{surname}\p{{Han}}{{1,2}})"
                                  rf"(?=(?:[（(][^）)\n]{{1,6}}[）)])?(?:向|对|跟)?[^，。！？；\n]{{0,8}}?(?:{verbs})|是)"),
        # 从事机器人维修的孙博文 / 在张江上班的程序员陆一鸣: a description, then maybe what they are
        "desc_intro": regex.compile(rf"(?P<lead>{lexicon.alternation('people_desc_leads')})[^，。！？；\n“”]{{1,24}}?的"
                                    rf"(?P<noun>{lexicon.alternation('people_person_nouns')})?(?P<n>{surname}\p{{Han}}{{1,2}})"),
        # a sentence (no quote in it) with 是 in it, the title last: …NAME…，是…ORG的 | TITLE
        "sentence_is": regex.compile(r"(?:^|(?<=[。！？\n]))(?P<s>[^。！？\n“”，]{2,30}，?)(?P<cop>是)[^。！？\n，]{2,30}$"),
        "described_org": regex.compile(r"(?:^|(?<=[。！？，；\n的]))(?P<o>(?:(?!的)[\p{Han}A-Za-z0-9]){2,10})是一家"),
        # 来自深圳的投资者刘峥…，“…”: a quote in the sentence that introduces the person
        "quote_follows": regex.compile(r"[^。！？\n“”]{0,50}?[，：:]\s*[“「]"),
        "org_alias": regex.compile(r"[（(][A-Za-zＡ-Ｚａ-ｚ0-9０-９&\- \p{Han}]{1,30}[）)]$"),
        # 他笑着说 / 她坦言 opening a clause, a sentence or the words after a quote
        "follow_speaks": regex.compile(
            rf"[^。！？\n]{{0,60}}?(?:[。！？；，]|[。！？，]”)(?:\s*“[^”\n]{{0,150}}[。！？，]”)?\s*[他她](?!们)"
            rf"(?:还|也|则|进一步|同时|随后|最后|\p{{Han}}{{1,2}}着)?(?:{verbs})"),
        "anaphor": regex.compile(rf"(?:{lexicon.alternation('people_anaphors')})(?:(?P<org>[\p{{Han}}A-Za-z0-9]{{2,12}}?)的)?$"),
        "title_leads": regex.compile(rf"(?:{lexicon.alternation('people_title_leads')})"),
        "place_leads": regex.compile(rf"(?:{lexicon.alternation('people_place_leads')})$"),
        "admin_title": regex.compile(rf"副?(?:{lexicon.alternation('people_admin_units')})[委长]"),
        "dept_tail": regex.compile(r"(?<=\p{Han}{2})(?:部|中心|学院|研究所|实验室)(?P<tail>\p{Han}{2,4})$"),
        "post_verb": regex.compile(rf"(?:{lexicon.alternation('people_post_verbs')})$"),
        "quoted_org": regex.compile(r"[“「\"](?P<q>[^”」\"\n，。]{2,12})[”」\"]的?$"),
        "appointed_in": regex.compile(r"(?:任命|聘任|聘请|委任|提名)\p{Han}{2,4}为"),
        "appointed": regex.compile(r"(?:(?:任命|聘任|聘请|委任|提名)\p{Han}{2,4}(?P<v>为)|(?P<v>将出任|出任|担任|升任|接任|将担任))$"),
    }


def _stop_chars() -> frozenset[str]:
    return frozenset(lexicon.terms("name_stop_chars"))


@lru_cache(maxsize=None)
def _start_stops() -> frozenset[str]:
    """Stop characters that never begin a given name (亦 and a few others may: 许亦航)."""
    return frozenset(k for k, v in lexicon.table("name_stop_chars").items() if "start" not in v)


@lru_cache(maxsize=None)
def _adverb_stops() -> frozenset[str]:
    """Adverbs that cut a name even before a speech verb (何骞则谈到: 则 is no part of the name)."""
    return frozenset(k for k, v in lexicon.table("name_stop_chars").items() if "adverb" in v)


@lru_cache(maxsize=None)
def _verb_stops() -> frozenset[str]:
    """Stop characters that stop a name only where a speech verb starts with them (宣 of 宣布)."""
    return frozenset(k for k, v in lexicon.table("name_stop_chars").items() if "verb" in v)


def name_at(text: str, i: int, counts: dict[str, int] | None = None) -> tuple[int, int] | None:
    """The span of a personal name starting at i (Chinese, transliterated or Latin), else None.

    COUNTS caches how often each candidate occurs in TEXT (pass one dict per text: a long text
    with many titles would otherwise be counted again for every one).
    """
    counts = {} if counts is None else counts

    def count(s: str) -> int:
        if s not in counts:
            counts[s] = text.count(s)
        return counts[s]

    p = _patterns()
    stops = _stop_chars()
    m = p["translit_name"].match(text, i)
    if m:
        end = m.start() + m.group().index("·") + 1
        while end < m.end() and text[end] not in _start_stops():  # 特 in 哈特 is a syllable
            end += 1
        return (i, end) if end > m.start() + m.group().index("·") + 1 else None
    m = p["latin_name"].match(text, i)
    if m:
        return m.span()
    m = p["han_name"].match(text, i)
    if not m:
        return None
    g_start = m.start("g")
    if text[g_start] in _start_stops() or _patterns()["verb_now"].match(text, g_start):
        return None  # 王在…, 王总强调: the surname stands alone before a verb
    if _patterns()["not_given"].match(text, g_start):
        return None  # 负责人向记者介绍: 向 + 记者, no name
    short, long_ = (i, g_start + 1), (i, g_start + 2)
    if long_[1] > len(text) or not _rx(r"\p{Han}").match(text[g_start + 1]):
        return short
    n_short, n_long = count(text[slice(*short)]), count(text[slice(*long_)])
    if n_short > 1 and n_long < n_short:
        return short  # the two-character form recurs with other characters after it
    if n_long > 1:
        return long_  # the three-character form recurs whole
    third = text[g_start + 1]
    if third in _adverb_stops():
        return short  # 何骞则谈到 / 王丽也表示: an adverb between the name and its verb
    if p["verb_now"].match(text, g_start + 1) and not p["verb_now"].match(text, long_[1]):
        return short  # 屈恒说 / 雷军表示: the third character starts a speech verb
    if third in stops and not p["verb_now"].match(text, long_[1]) and third not in _verb_stops():
        return short  # 王健在…, 周钘向… (but 罗承宣在…: 宣 starts no 宣布 here)
    return long_


def _unknown_name_at(text: str, i: int) -> tuple[int, int] | None:
    """After a title: 3-4 Han characters up to a stop character or punctuation (奥本海默对此…)."""
    stops = _stop_chars()
    if i >= len(text) or text[i] in stops or text[i] in "一二两三四五六七八九十几" \
            or _patterns()["speech"].match(text[i:i + 3]):
        return None
    end = i
    while end < len(text) and end - i < 5 and _rx(r"\p{Han}").match(text[end]) and text[end] not in stops \
            and not (end - i >= 2 and _patterns()["verb_now"].match(text, end)):  # 鄺志朗稱
        end += 1
    if 3 <= end - i <= 4 and (end == len(text) or not _rx(r"\p{Han}").match(text[end]) or text[end] in stops):
        return i, end
    return None


def _org_before(text: str, end: int) -> tuple[int, str] | None:
    """The organisation written right before a title ending at `end`, with its start."""
    start = end
    skipped = 0  # the length of aliases in brackets, which do not count towards _ORG_BACK
    while start > 0 and end - start - skipped < _ORG_BACK:
        c = text[start - 1]
        if c in "）)":  # an alias in brackets inside the name: 国际货币基金组织（IMF）货币与资本市场部
            alias = _patterns()["org_alias"].search(text, max(0, start - 32), start)
            if alias and alias.start() > 0 and _rx(r"\p{Han}").match(text[alias.start() - 1]):
                skipped += start - alias.start()
                start = alias.start()
                continue
        if not (_rx(r"[\p{Han}A-Za-z0-9Ａ-Ｚａ-ｚ０-９&·\-]").match(c)):  # full-width ＳＥＭＩ too
            break
        start -= 1
    chunk = text[start:end]
    cut = max((_last_stop(chunk, w) for w in _ORG_STOP if w in chunk and not _inside_department(chunk, w)),
              default=0)
    chunk = chunk[cut:]
    appointed = _patterns()["appointed_in"].search(chunk)  # 任命谭振宇为|公司总裁
    if appointed:
        chunk = chunk[appointed.end():]
    lead = _ORG_LEAD.match(chunk)
    if lead:
        chunk = chunk[lead.end():]
    chunk = _after_kind(text, chunk)  # 创投机构维港资本 / 市场研究机构IDC: the name after its kind
    alias = _patterns()["org_alias"].search(chunk)  # 斯卡恩电视台（Skarn TV）|技术主管: the alias ends the name
    if alias and alias.start() >= 2:
        chunk = chunk[:alias.start()]
    duty = _duty().search(chunk)
    if duty:
        chunk = chunk[:duty.start()]
    if chunk.endswith(("为", "是")):  # 第一作者为博士生郭沐阳: a copula, no organisation
        return None
    if len(chunk) < 2 or chunk in _PRONOUN_ORGS or chunk in lexicon.terms("people_not_orgs"):
        return None
    return end - len(chunk), chunk


def _last_stop(chunk: str, word: str) -> int:
    """Where the organisation starts after the last stop WORD in CHUNK (0 if none), skipping
    the stop words inside a longer word (在线出行平台: 在线 is no 在)."""
    exceptions = [x for x in lexicon.terms("people_org_stop_exceptions") if word in x]
    i = chunk.rfind(word)
    while i >= 0:
        if not any(i >= x.index(word) and chunk.startswith(x, i - x.index(word)) for x in exceptions):
            return i + len(word)
        i = chunk.rfind(word, 0, i + len(word) - 1)
    return 0


@lru_cache(maxsize=None)
def _kind_pattern() -> regex.Pattern:
    kinds = lexicon.table("people_org_kinds")
    alt = lexicon.trie_alternation(list(kinds))
    return regex.compile(rf"(?:{alt})")


def _after_kind(text: str, chunk: str) -> str:
    """CHUNK without the kind of organisation written before the name (国内Android应用商店蜂巢市场
    -> 蜂巢市场). Plain kinds (机构, 服务商) cut after a short description of up to 6 characters;
    "strict" kinds (公司, 平台) also end real names (腾讯公司), so they cut only after a long
    description or before a name the text writes alone too, and never before a department."""
    kinds = lexicon.table("people_org_kinds")
    for m in reversed(list(_kind_pattern().finditer(chunk))):
        rest, desc = chunk[m.end():], chunk[:m.start()]
        pre = _patterns()["prefix"].search(rest)  # 苹果公司中国区: 中国区 goes to the title, no name is left
        core = rest[:pre.start()] if pre else rest
        if len(core) < 2 or core[0] in "（(" or _kind_pattern().search(rest) or _DEPARTMENT.search(core) \
                or core in lexicon.terms("cities"):
            continue
        if "strict" in kinds[m.group()]:
            if not _rx(r"[\p{Han}A-Za-z0-9]{4,12}").fullmatch(desc) and text.count(rest) < 2:
                continue
            if not _rx(r"[\p{Han}A-Za-z0-9]{2,12}").fullmatch(desc):  # B2C电商极速购
                continue
        elif not _rx(r"[\p{Han}A-Za-z0-9]{0,6}").fullmatch(desc):  # B2C电商极速购
            continue
        return rest
    return chunk


@lru_cache(maxsize=None)
def _org_ending() -> regex.Pattern:
    return regex.compile(rf"(?:{lexicon.alternation('people_org_endings')})$")


@lru_cache(maxsize=None)
def _org_ending_tail() -> regex.Pattern:
    return regex.compile(rf"(?<=\p{{Han}}{{2}})(?:{lexicon.alternation('people_org_endings')})(?P<tail>\p{{Han}}{{2,4}})$")


def _field_start(o_text: str, cut: int, org_names: set[str]) -> int:
    """Where the field before 行业 / 区域 at CUT starts: two characters back (港信证券|电讯行业), or
    three or four where the organisation then ends in a word that ends names or is an ORG the
    NER found (鼎观咨询|半导体行业)."""
    for k in (cut - 2, cut - 3, cut - 4):
        if k >= 2 and (o_text[:k] in org_names or _org_ending().search(o_text[:k])):
            return k
    return cut - 2


def _recent_org(text: str, entities: Sequence[tuple[int, int, str]], before: int) -> str | None:
    """The organisation the NER found last before BEFORE in the same paragraph (what 该公司 means)."""
    floor = max(text.rfind("\n", 0, before) + 1, before - 200)
    not_orgs = set(lexicon.terms("people_not_orgs")) | _PRONOUN_ORGS
    spans = [(e, text[s:e]) for s, e, label in entities
             if label == "ORG" and floor <= s and e <= before and e - s >= 2 and text[s:e] not in not_orgs]
    return max(spans)[1] if spans else None


def _described_org(text: str, before: int) -> str | None:
    """The organisation a sentence just described before BEFORE (锦程织造是一家纺织企业，其…):
    what 其 points back to when the NER did not find it."""
    floor = max(text.rfind("\n", 0, before) + 1, before - 80)
    found = list(_patterns()["described_org"].finditer(text, floor, before))
    return found[-1].group("o") if found else None


def _pronoun_org_len(text: str, end: int) -> int:
    """The length of 公司 / 该公司 … written right before END, else 0."""
    return max((len(w) for w in _PRONOUN_ORGS if text.endswith(w, 0, end)), default=0)


def _company_title(title: str) -> bool:
    """A post in a company (首席财务官, 董事长兼CEO), not in a government or a university."""
    return any(w in title for w in lexicon.terms("company_title_words"))


def _main_company(text: str, entities: Sequence[tuple[int, int, str]], orgs: Sequence[str] = ()) -> str | None:
    """The organisation the article is about: of the NER's ORG spans and the organisations the
    rules found before titles, the one written most often in the text (twice at least)."""
    names = {text[s:e] for s, e, label in entities if label == "ORG" and e - s >= 2} | {o for o in orgs if o}
    counts = {name: text.count(name) for name in names}
    best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])), default=None)
    return best[0] if best and best[1] >= 2 else _headline_subject(text)


def _headline_subject(text: str) -> str | None:
    """The name a headline opens with when the article repeats it (澜芯半导体换帅：… with
    澜芯半导体 written three times or more): the company the story is about, which the NER
    does not know when the name is new to it."""
    m = _rx(r"\p{Han}{2,8}").match(text)
    if not m:
        return None
    not_subjects = set(lexicon.terms("not_headline_subjects")) | set(lexicon.terms("cities"))
    for end in range(m.end(), 1, -1):
        name = text[:end]
        if text.count(name) >= 3:
            return None if name in not_subjects or name in _PRONOUN_ORGS else name
    return None


def _inside_department(chunk: str, word: str) -> bool:
    """与/及 inside a department's name (电子信息与电气工程学院, 货币与资本市场部), not between two
    organisations (腾讯与阿里巴巴集团)."""
    i = chunk.rfind(word)
    return word in ("与", "及") and bool(_DEPARTMENT.search(chunk, i)) and not _ORG_WORD.search(chunk, i)


def _name_before(text: str, end: int, counts: dict[str, int]) -> tuple[int, int] | None:
    """A name that ends right before `end` followed by ，/（ (NAME，ORG TITLE), or by a verb of
    appointment (谭振宇出任总裁, 任命谭振宇为总裁)."""
    if end < 2:
        return None
    if text[end - 1] == "是":  # 梁菡是鼎观研究院的高级分析师: NAME 是 ORG (的) TITLE, opening a clause
        for length in (3, 2, 4):
            s = end - 1 - length
            if s >= 0 and (s == 0 or text[s - 1] in "。！？；，\n”") and name_at(text, s, counts) == (s, end - 1) \
                    and text[s:end - 1] not in lexicon.terms("not_names"):
                return s, end - 1
        return None
    if text[end - 1] not in "，,（( ":
        m = _patterns()["appointed"].search(text, max(0, end - 12), end)
        if not m:
            return None
        e = m.start("v")
        for length in (3, 2):  # a Chinese name right before the verb (not 由李明: 由 + 李明)
            if e - length >= 0 and _patterns()["han_name"].fullmatch(text, e - length, e) \
                    and not (length == 3 and text[e - 3] in _NAME_LEAD):
                return e - length, e
        return None
    for length in (3, 2, 4):
        s = end - 1 - length
        if s < 0:
            continue
        if _patterns()["title_end"].search(text, max(0, s - 8), s + 1):
            continue  # 律师程远（: 师 ends the title 律师, no surname
        span = name_at(text, s, counts)
        if span and span[1] == end - 1:
            return span
    return None


def _subject_before(text: str, lead: int, entities: Sequence[tuple[int, int, str]],
                    counts: dict[str, int]) -> tuple[int, int] | None:
    """The person a sentence is about when it says what they are after 是, with the title last
    (沈某是一家平台“某某”的创始人 / 来自某地的贺某今年35岁，是某公司的创始人): the name opening
    the sentence, or the NER's PERSON span before 是 in it."""
    m = _patterns()["sentence_is"].search(text, max(0, lead - 60), lead)
    if not m:
        return None
    start, cop = m.start("s"), m.start("cop")
    spans = [(s, e) for s, e, label in entities if label == "PERSON" and start <= s and e <= cop
             and _rx(r"\p{Han}{2,4}").fullmatch(text[s:e]) and text[s:e] not in lexicon.terms("not_names")]
    first = name_at(text, start, counts)
    if first and first[1] == cop and text[slice(*first)] not in lexicon.terms("not_names") \
            and _rx(r"\p{Han}{2,3}").fullmatch(text[slice(*first)]):
        spans.append(first)
    return min(spans, default=None)


def _anaphor_name(text: str, lead: int, entities: Sequence[tuple[int, int, str]],
                 counts: dict[str, int]) -> tuple[int, int] | None:
    """The person a 这位 before the title at LEAD points back to: the last name before it in the
    same paragraph, an NER PERSON span or a name opening a clause (周靖当天也来了，这位…的合伙人)."""
    ana = _patterns()["anaphor"].search(text, max(0, lead - 16), lead)
    if not ana:
        return None
    floor = max(text.rfind("\n", 0, ana.start()) + 1, ana.start() - 80)
    spans = [(s, e) for s, e, label in entities if label == "PERSON" and floor <= s and e <= ana.start()]
    for c in _rx(r"(?:^|(?<=[。！？；，\n“]))\p{Han}").finditer(text, floor, ana.start()):
        span = name_at(text, c.start(), counts)
        if span and _rx(r"\p{Han}{2,3}").fullmatch(text[slice(*span)]) \
                and text[slice(*span)] not in lexicon.terms("not_names"):
            spans.append(span)
    return max(spans, default=None)


def _is_speaker(text: str, name: str) -> bool:
    p = _patterns()
    for m in _rx(regex.escape(name)).finditer(text):
        if p["speech"].match(text, m.end()) or p["quoted_by"].search(text[max(0, m.start() - 2):m.start()]):
            return True
        if (m.start() == 0 or text[m.start() - 1] == "\n") and text.startswith(("：", ":"), m.end()):
            return True  # 邵嘉禾：主要用在三个方向…: the answers of a Q&A transcript
    return False


def _plausible_name(text: str, s: int, e: int, p: dict, counts: dict[str, int]) -> bool:
    """An NER PERSON span kept without a title: a Chinese name (known surname, 2-4 characters,
    the rules' own reading of its length) or a transliteration with ·, that speaks."""
    name = text[s:e]
    if name in lexicon.terms("not_names"):
        return False
    if "·" in name:
        ok = bool(p["translit_name"].fullmatch(name))
    else:
        ok = bool(_rx(r"\p{Han}{2,4}").fullmatch(name)) and name_at(text, s, counts) == (s, e)
    if not ok:
        return False
    brand = lexicon.terms("people_brand_suffixes")
    if any(text.startswith(brand, m.end()) for m in _rx(regex.escape(name)).finditer(text)):
        return False  # 栗子 of 栗子商城 / 栗子物流: a brand the NER took for a name
    return _speaks_untitled(text, name, p, intro=s)


def _speaks_untitled(text: str, name: str, p: dict, intro: int | None = None) -> bool:
    """Without a title, only a name that speaks somewhere in the text (康佳 and 智慧屏 recur
    too): a speech verb right after it, or, after its introduction at INTRO, the next sentence
    opening with 他/她 + a speech verb (刘春华对此深有体会。她告诉记者…)."""
    for m in _rx(regex.escape(name)).finditer(text):
        if text.startswith("的", m.end()):
            continue  # 来自黄陂的钢筋工…告诉记者: someone else speaks
        if p["verb_now"].match(text, m.end()) or p["speech"].match(text[m.end():m.end() + 12]):
            return True
        if m.start() == intro and (p["follow_speaks"].match(text, m.end()) or p["quote_follows"].match(text, m.end())):
            return True
    return False


def _institution(text: str, title: str, entities: Sequence[tuple[int, int, str]], before: int) -> str | None:
    """The institution a court or procuratorate title belongs to (审判长 -> the 法院 the article
    names most often, the nearest before BEFORE on a tie), when no organisation is written."""
    kind = next((v[0] for t, v in lexicon.table("people_title_institutions").items() if title.endswith(t) and v),
                None)
    if not kind:
        return None
    names: dict[str, int] = {}
    for m in _rx(regex.escape(kind)).finditer(text):
        org = _org_before(text, m.end())
        if org and len(org[1]) > len(kind):
            names[org[1]] = max(names.get(org[1], -1), m.start() if m.start() < before else -1)
    for s, e, label in entities:
        if label == "ORG" and text[s:e].endswith(kind) and e - s > len(kind):
            names.setdefault(text[s:e], s if s < before else -1)
    best = max(names.items(), key=lambda kv: (text.count(kv[0]), kv[1]), default=None)
    return best[0] if best else None


@lru_cache(maxsize=None)
def _person_noun() -> regex.Pattern:
    return regex.compile(rf"(?:{lexicon.alternation('people_person_nouns')})")


def _addresses(text: str, name: str, found: dict, p: dict) -> list[str]:
    """王总 / 雷总 for 王丽娟 / 雷军: surname + form of address, when no one else has that surname;
    哈里斯 for 丹尼尔·哈里斯: the family name of a transliterated name, written alone later."""
    if "·" in name:
        family = name.rsplit("·", 1)[1]
        alone = len(family) >= 2 and any(m.start() == 0 or text[m.start() - 1] != "·"
                                         for m in _rx(regex.escape(family)).finditer(text))
        return [family] if alone and family not in found else []
    m = p["han_name"].match(name)
    if not m or m.end() != len(name):
        return []
    surname = m.group("s")
    if sum(1 for other in found if other.startswith(surname)) > 1:
        return []
    return [surname + a for a in lexicon.terms("surname_addresses") if surname + a in text]


def find_people(text: str, entities: Sequence[tuple[int, int, str]] = ()) -> list[dict]:
    """Every named person with title, org, role and the spans of each mention, in text order."""
    p = _patterns()
    found: dict[str, dict] = {}
    counts: dict[str, int] = {}

    def add(span: tuple[int, int], title: str | None, org: str | None) -> None:
        name = text[slice(*span)]
        person = found.setdefault(name, {"name": name, "title": None, "org": None,
                                         "role": "mentioned", "spans": []})
        if title and not person["title"]:
            person["title"], person["org"] = title, org
        elif org and not person["org"]:
            person["org"] = org

    org_names = {text[s:e] for s, e, label in entities if label == "ORG" and e - s >= 2}
    title_spans = []
    for m in p["title"].finditer(text):
        ts, te = m.span()
        if p["title_follower"].match(text, te):
            continue  # 律师事务所: the title word names the firm
        title_spans.append((ts, te))
        title = m.group()
        org = _org_before(text, ts)
        company_dept = None
        if org:
            o_start, o_text = org
            adj = p["adjective"].search(o_text)
            if adj:
                word = max((a for a in lexicon.terms("title_adjectives") if o_text.endswith(a)), key=len, default="")
                if word and p["prefix"].search(o_text, 0, len(o_text) - len(word)):
                    title, o_text = word + title, o_text[: len(o_text) - len(word)]  # 通信行业|资深|分析师
                elif word and word in lexicon.table("title_prefixes"):
                    title, o_text = word + title, o_text[: len(o_text) - len(word)]  # 博研咨询|资深|分析师
                else:
                    o_text = o_text[: adj.start()]
            pre = p["prefix"].search(o_text)
            dept = None if pre else p["dept_tail"].search(o_text)
            if dept and not _ORG_WORD.search(dept.group("tail")) and not _kind_pattern().search(dept.group("tail")) \
                    and not _DEPARTMENT.search(dept.group("tail")):
                # 人力资源部|校园招聘负责人: a duty after the department belongs to the title
                title, o_text = dept.group("tail") + title, o_text[: dept.start("tail")]
            ending = None if pre or dept else _org_ending_tail().search(o_text)
            if ending and not _ORG_WORD.search(ending.group("tail")) and not _kind_pattern().search(ending.group("tail")) \
                    and not _DEPARTMENT.search(ending.group("tail")) and not _org_ending().search(ending.group("tail")):
                # 观远咨询|终端研究总监: a function after a name that ends like one belongs to the title
                title, o_text = ending.group("tail") + title, o_text[: ending.start("tail")]
            if pre:
                cut = pre.start()
                if "modifier" in lexicon.table("title_prefixes").get(pre.group(), ()) and cut >= 6 \
                        and _rx(r"\p{Han}{2}").fullmatch(o_text[cut - 2:cut]) \
                        and not _ORG_WORD.search(o_text[cut - 2:cut]) and not _kind_pattern().search(o_text[cut - 2:cut]):
                    cut = _field_start(o_text, cut, org_names)  # 顺捷快递|陕西区域负责人: the region
                title, o_text = o_text[cut:] + title, o_text[:cut]  # or field goes with 区域 / 行业
                if "modifier" in lexicon.table("title_prefixes").get(pre.group(), ()) and o_start > 0 \
                        and text[o_start - 1] == "的" and not _ORG_WORD.search(o_text):
                    # 睿观研究院的支付行业首席分析师: the field goes with the title, the firm stands before 的
                    firm = _org_before(text, o_start - 1)
                    if firm:
                        title, (o_start, o_text) = o_text + title, firm
                more = p["prefix"].search(o_text)
                while more:  # 奥拓|全球|市场营销副总裁: prefixes in a row all go to the title
                    title, o_text = o_text[more.start():] + title, o_text[:more.start()]
                    more = p["prefix"].search(o_text)
            if p["admin_title"].match(title) and not o_text.endswith(lexicon.terms("people_admin_units") + ("委",)):
                o_text += title[1] if title.startswith("副") else title[0]  # 江夏|区委书记 -> 江夏区
            alias = p["org_alias"].search(o_text)  # 诺维拉公司（Novira）|全球首席执行官
            if alias and alias.start() >= 2:
                o_text = o_text[:alias.start()]
            org = (o_start, o_text) if len(o_text) >= 2 and o_text not in _PRONOUN_ORGS else None
            pronoun = max((w for w in _PRONOUN_ORGS if len(w) >= 2 and o_text.startswith(w)), key=len, default="")
            if org and o_text.startswith(_BACK_PRONOUN) and _DEPARTMENT.search(o_text) and not _ORG_WORD.search(o_text):
                recent = _recent_org(text, entities, o_start) or _described_org(text, o_start)
                org = (None, recent) if recent else None
            if org and pronoun and _DEPARTMENT.search(o_text) and not _ORG_WORD.search(o_text, len(pronoun)):
                org, company_dept = None, o_text[len(pronoun):]  # 该公司市场部副经理: the article's company
        lead = ts - (len(title) - len(m.group()))  # where the title starts, with its prefix
        if org is None:  # 华屹微电子主要从事…，该公司董事长: the company named last before 该公司
            pronoun_len = max((len(w) for w in _PRONOUN_ORGS if w.startswith("该") and text.endswith(w, 0, lead)),
                              default=0)
            recent = _recent_org(text, entities, lead - pronoun_len) if pronoun_len else None
            if recent:
                org = (None, recent)
        quoted = p["quoted_org"].search(text, max(0, lead - 16), lead) if org is None else None
        if quoted:
            org = (quoted.start("q"), quoted.group("q"))  # “呼吸豆”的创始人: the name in quotes
        if org is None and lead > 0 and text[lead - 1] == "的":
            org = _org_before(text, lead - 1)  # 蓝峡数据的首席架构师顾明哲: ORG的TITLE, when the ORG recurs
            if org and (text.count(org[1]) < 2 or org[1] in _PRONOUN_ORGS) \
                    and not (org[0] and text[org[0] - 1] == "是" and _name_before(text, org[0], counts)):
                org = None
        after = te + (1 if te < len(text) and text[te] == " " else 0)
        alias = p["title_alias"].match(text, after)
        if alias:
            after = alias.end()
        if after < len(text) and text[after] == "的" and p["post_verb"].search(text, max(0, lead - 4), lead):
            after += 1  # 现任联合创始人的邝毅: a post in a relative clause before the name
        span = name_at(text, after, counts) if after < len(text) else None
        lead_word = p["title_leads"].match(text, after) if after < len(text) else None
        if span and lead_word and counts.get(text[slice(*span)], text.count(text[slice(*span)])) < 2:
            continue  # 理事长由幻境科技…担任: a preposition, not a surname
        if span is None and after < len(text) and not (org is None and ts > 0 and text[ts - 1] in "和与跟同及或向对给"):
            span = _unknown_name_at(text, after)  # (和副县长同台直播: a title as a common noun, no name)
        if span is None:
            before = org[0] if org else ts - _pronoun_org_len(text, ts)  # 任命谭振宇为公司总裁
            span = _name_before(text, before, counts)
        if span is None and te < len(text) and text[te] in "，。；！？":
            subject = _subject_before(text, lead, entities, counts)  # NAME今年35岁，是ORG的TITLE。
            if subject:
                span = subject
                if org is None and text[lead - 1] == "的":
                    org = _org_before(text, lead - 1)
        speaks = False
        if span is None:
            span = _anaphor_name(text, lead, entities, counts)  # 周靖…，这位源峰资本的合伙人告诉记者
            if span is None:
                continue
            ana = p["anaphor"].search(text, max(0, lead - 16), lead)
            if ana.group("org") and org is None:
                org = (ana.start("org"), ana.group("org"))
            speaks = bool(p["speech"].match(text, te))
        if org is None:
            inst = _institution(text, title, entities, span[0])
            org = (None, inst) if inst else None
        add(span, title, org[1] if org else None)
        if speaks:
            found[text[slice(*span)]]["_speaker"] = True
        if quoted and org and org[1] == quoted.group("q"):
            found[text[slice(*span)]]["_quoted"] = True  # a product's name, not the article's company
        if company_dept is not None and org is None:
            found[text[slice(*span)]].setdefault("_company_dept", company_dept)
        # 公司首席技术官梁晓川 / 首席财务官孙丽华: the article's company (set below)
        if org is None and (_pronoun_org_len(text, ts) or _company_title(title)):
            found[text[slice(*span)]].setdefault("_company", True)

    taken = bytearray(len(text) + 1)  # characters inside a name the rules found
    for name in found:
        for m in _rx(regex.escape(name)).finditer(text):
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for ts, te in title_spans:  # 高级 of 高级分析师: no name the NER or 的 + name may take
        taken[ts:te] = b"\x01" * (te - ts)
    families = {n.rsplit("·", 1)[1] for n in found if "·" in n}
    for s, e, label in entities:
        if label == "PERSON" and text[s:e] in families:
            continue  # 哈里斯 after 丹尼尔·哈里斯: an alias (below), not another person
        if label == "PERSON" and not any(taken[s:e]) and not p["place_leads"].search(text, max(0, s - 3), s) \
                and _plausible_name(text, s, e, p, counts):
            add((s, e), None, None)
    # 湖南邵阳人刘春华 / 市民王磊: an ordinary person introduced by what they are, who speaks
    for m in _person_noun().finditer(text):
        if m.start() > 0 and _rx(r"[\d０-９一二两三四五六七八九十百千万亿多余]").match(text[m.start() - 1]) \
                and (len(m.group()) == 1 or not _rx(r"[一二三四五六七八九十]").match(text[m.start() - 1])):
            continue  # 20万人左右: a measure word after a number
        span = name_at(text, m.end(), counts)
        if span is None or "·" in text[slice(*span)] or not _rx(r"\p{Han}{2,3}").fullmatch(text[slice(*span)]):
            continue
        s, e = span
        if any(taken[s:e]) or text[s:e] in found or text[s] in _NAME_LEAD or text[s] in _stop_chars() \
                or text[s:e] in lexicon.terms("not_names") \
                or (e < len(text) and _rx(r"\p{Han}").match(text[e]) and text[e] not in _stop_chars()):
            continue  # 学生和外来务工人员: 和 joins two nouns, no name
        if _speaks_untitled(text, text[s:e], p, intro=s):
            add(span, None, None)

    for m in (*p["de_intro"].finditer(text), *p["desc_intro"].finditer(text)):
        span = name_at(text, m.start("n"), counts)
        if span and m.re is p["desc_intro"] and span[1] - span[0] != 3 \
                and not (span[1] - span[0] == 2 and (m.group("noun") or p["place_leads"].fullmatch(m.group("lead")))):
            continue  # 在最显眼的位置，并表示: after a description only a full three-character name (or
            # two after what the person is, 来自深圳的投资者刘峥, or where they live, 家住望京的孙悦)
        if span is None or any(taken[span[0]:span[1]]) or text[slice(*span)] in found:
            continue
        name = text[slice(*span)]
        introduced = counts.setdefault(name, text.count(name)) == 1 and bool(p["follow_speaks"].match(text, span[1]) or p["quote_follows"].match(text, span[1]))
        if name in lexicon.terms("not_names") or text[span[0] + 1] in _start_stops() \
                or not introduced and any(e < len(text) and _rx(r"\p{Han}").match(text[e]) and text[e] not in _stop_chars()
                       for e in (x.end() for x in _rx(regex.escape(name)).finditer(text))):
            continue  # 的应用超过…: a word that runs on into others elsewhere
        if _speaks_untitled(text, name, p, intro=span[0]):
            add(span, None, None)

    people = []
    for name, person in found.items():
        person["aliases"] = _addresses(text, name, found, p)
        forms = [name, *person["aliases"]]
        person["spans"] = sorted(list(m.span()) for f in forms for m in _rx(regex.escape(f)).finditer(text))
        spoke = person.pop("_speaker", False)
        person["role"] = "speaker" if spoke or any(_is_speaker(text, f) for f in forms) else "mentioned"
        people.append(person)
    company = _main_company(text, entities, [person["org"] for person in people if not person.pop("_quoted", False)])
    for person in people:
        dept = person.pop("_company_dept", None)
        if person.pop("_company", False) and not person["org"]:
            person["org"] = company
        if dept is not None and not person["org"] and company:
            person["org"] = company + dept if company + dept in text else company
    # 他指出 / 她表示 opening a clause: the person named last before it speaks
    for m in p["pronoun_speaks"].finditer(text):
        before = [(sp[1], person) for person in people for sp in person["spans"] if m.start() - 200 < sp[1] <= m.start()]
        if before:
            max(before, key=lambda x: x[0])[1]["role"] = "speaker"
    people.sort(key=lambda x: x["spans"][0][0] if x["spans"] else 0)
    return people
