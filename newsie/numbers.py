"""Number grammar: the text of a number → its value.

Small pure functions, no state:

- :func:`parse_arabic` – ``7,368``, ``2.7``, full-width ``１．５``, a printed minus sign.
- :func:`parse_chinese` – ``两百万``, ``二十一``, ``一千二百三十四``, ``一万两千亿``, traditional
  ``億/萬/兩``, financial ``壹贰叁``, and Arabic mixed with multipliers (``2.7亿``, ``1億4000萬``,
  ``3千万``).  Colloquial ``一万五`` (15000) and ``两千三`` (2300) are read as a speaker means them.
- :func:`parse_number` – either of the above.
- :func:`parse_percent`, :func:`parse_fraction`, :func:`parse_tenths` – ``百分之三十二``,
  ``三分之一``, ``两成``.
- :func:`parse_range` – ``五六``, ``二三十``, ``10-15万``, ``18到45``.
- :func:`parse_approx` – ``近千万``, ``数千万``, ``上百``, ``几十``.

Values are ``int`` where whole, else ``float``; every function returns ``None`` for text
it does not read as a number.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple, Optional, Union

import regex


@lru_cache(maxsize=4096)
def _rx(pattern: str) -> "regex.Pattern":
    return regex.compile(pattern)


def _rx_match(p, s):
    return _rx(p).match(s)


def _rx_search(p, s):
    return _rx(p).search(s)


def _rx_fullmatch(p, s):
    return _rx(p).fullmatch(s)


def _rx_sub(p, r, s):
    return _rx(p).sub(r, s)

Number = Union[int, float]

DIGITS = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8, "兆": 10 ** 12}
ZEROS = "〇零○Ｏ"

CN_DIGIT_CLASS = "".join(DIGITS)
CN_UNIT_CLASS = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
CN_CLASS = CN_DIGIT_CLASS + CN_UNIT_CLASS
# digits that are also everyday words (陆地, 队伍, 參加) are read but not searched for
AMBIGUOUS_DIGITS = "陆陸伍幺參○Ｏ"
CN_SCAN_DIGIT_CLASS = "".join(c for c in DIGITS if c not in AMBIGUOUS_DIGITS)
CN_SCAN_CLASS = CN_SCAN_DIGIT_CLASS + CN_UNIT_CLASS

# Arabic numbers: ASCII or full-width digits, `,` thousands groups, `.`/`．` decimals.
ARABIC = r"[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_ARABIC_RE = regex.compile(rf"[-−－]?{ARABIC}")
_MIXED_RE = regex.compile(rf"[-−－]?(?:{ARABIC}|[{CN_CLASS}])+")


def _tidy(value: float) -> Number:
    """An int where the value is whole (within float noise), else the float rounded to 12 places."""
    if isinstance(value, int):
        return value
    r = round(value)
    if abs(value - r) < 1e-9 * max(1.0, abs(value)):
        return int(r)
    return round(value, 12)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def parse_arabic(text: str) -> Optional[Number]:
    """``7,368`` → 7368; ``2.7`` → 2.7; ``１．５`` → 1.5; ``-6`` → -6."""
    if text.isascii() and text.isdigit():  # the common case, read the same way, faster
        try:
            return int(text)
        except ValueError:  # past the int-from-str digit limit
            return None
    if not text or not _ARABIC_RE.fullmatch(text):
        return None
    s = nfkc(text).replace(",", "").replace("−", "-")
    try:
        return _tidy(float(s)) if "." in s else int(s)
    except ValueError:
        return None


def _parse_section(text: str) -> Optional[Number]:
    """A number below 万: digits with 十/百/千 (and Arabic before a unit, as in 3千)."""
    if text == "":
        return None
    if _ARABIC_RE.fullmatch(text):
        return parse_arabic(text)
    # a bare string of Chinese digits (二〇一四, 五五) is read positionally
    if all(c in DIGITS for c in text):
        if len(text) == 1:
            return DIGITS[text]
        if any(c in ZEROS for c in text):
            return int("".join(str(DIGITS[c]) for c in text))
        return None
    total: float = 0
    number: Optional[float] = None
    last_unit = None
    zero_seen = False
    i = 0
    while i < len(text):
        m = _ARABIC_RE.match(text, i)
        if m and m.start() == i and text[i] not in "-−－":
            if number is not None:
                return None
            number = parse_arabic(m.group())
            i = m.end()
            continue
        c = text[i]
        if c in DIGITS:
            if number is not None and not (c in ZEROS):
                return None
            if c in ZEROS:
                zero_seen = True
                i += 1
                continue
            number = DIGITS[c]
        elif c in SMALL_UNITS:
            unit = SMALL_UNITS[c]
            if last_unit is not None and unit >= last_unit:
                return None
            total += (1 if number is None else number) * unit
            number = None
            last_unit = unit
            zero_seen = False
        else:
            return None
        i += 1
    if number is not None:
        # 两千三 → 2300 (the trailing digit counts in the next unit down), unless 零 intervenes
        if last_unit is not None and last_unit >= 100 and not zero_seen and number < 10:
            total += number * last_unit // 10
        else:
            total += number
    return _tidy(total)


MAX_NUMERAL = 40  # characters in one numeral; longer runs (亿亿亿…) are not numbers


def parse_chinese(text: str) -> Optional[Number]:
    """A Chinese or mixed numeral: 两百万, 一千二百三十四, 2.7亿, 1億4000萬, 一万两千亿, 亿亿."""
    if not text or len(text) > MAX_NUMERAL:
        return None  # no quantity is written with this many characters (and recursion is bounded)
    sign = 1
    if text[0] in "-−－":
        sign, text = -1, text[1:]
    if not text:
        return None
    big = [(i, BIG_UNITS[c]) for i, c in enumerate(text) if c in BIG_UNITS]
    if not big:
        v = _parse_section(text)
        return None if v is None else _tidy(sign * v)
    top = max(u for _, u in big)
    cut = max(i for i, u in big if u == top)  # the last, highest multiplier splits the numeral
    left, right = text[:cut], text[cut + 1:]
    lv = 1 if left == "" else parse_chinese(left)
    if lv is None:
        return None
    if right == "":
        rv: Optional[Number] = 0
    elif len(right) == 1 and right in DIGITS and right not in ZEROS:
        rv = DIGITS[right] * top // 10  # 一万五 → 15000
    else:
        rv = parse_chinese(right.lstrip(ZEROS) or "0")
        if rv is None or rv >= top:
            return None
    return _tidy(sign * (lv * top + rv))


def parse_number(text: str) -> Optional[Number]:
    """Any single number: Arabic, Chinese or mixed."""
    text = text.strip()
    if not text:
        return None
    v = parse_arabic(text)
    if v is not None:
        return v
    if _MIXED_RE.fullmatch(text):
        return parse_chinese(text)
    return None


def parse_percent(text: str) -> Optional[Number]:
    """百分之三十二 → 32; 32% → 32; 百分之五点五 → 5.5."""
    t = text.strip()
    if t.startswith("百分之"):
        return parse_decimal(t[3:])
    if t.endswith(("%", "％")):
        return parse_number(t[:-1].strip())
    return None


def parse_decimal(text: str) -> Optional[Number]:
    """A number that may use 点 (點) as the decimal point: 三点五 → 3.5; 三点五亿 → 3.5e8; 2.7 → 2.7."""
    text = text.replace("點", "点")
    if "点" in text:
        whole, _, frac = text.partition("点")
        mult = frac.lstrip("".join(DIGITS))  # 三点五亿: the multiplier after the decimals
        digits = frac[: len(frac) - len(mult)]
        w = parse_number(whole)
        scale = parse_chinese("一" + mult) if mult else 1
        if w is None or not digits or scale is None or not all(c in BIG_UNITS for c in mult):
            return None
        return _tidy(float(f"{w}.{''.join(str(DIGITS[c]) for c in digits)}") * scale)
    return parse_number(text)


def parse_fraction(text: str) -> Optional[Number]:
    """三分之一 → 1/3; 1/3 → 1/3; 四分之三 → 0.75."""
    t = nfkc(text.strip())
    if "分之" in t:
        den, _, num = t.partition("分之")
    elif "/" in t:
        num, _, den = t.partition("/")
    else:
        return None
    d, n = parse_decimal(den), parse_decimal(num)
    if d in (None, 0) or n is None:
        return None
    return _tidy(n / d)


def parse_tenths(text: str) -> Optional[Number]:
    """两成 → 20 (per cent); 五成 → 50; 7.5成 → 75; 三成五 → 35; 七成半 → 75."""
    whole, sep, tail = text.strip().rpartition("成")
    if not sep or (tail and tail != "半" and (len(tail) != 1 or tail not in DIGITS or tail in ZEROS)):
        return None
    v = parse_decimal(whole)
    if v is None:
        return None
    return _tidy(v * 10 + (5 if tail == "半" else DIGITS[tail] if tail else 0))


class Range(NamedTuple):
    low: Number
    high: Number


_RANGE_SEP = "到至~～\\-－—–"
# pairs of digits that write a loose range although not adjacent: 三五年 (three to five years)
_IDIOM_PAIRS = {(3, 5)}


def parse_range(text: str) -> Optional[Range]:
    """五六 → (5, 6); 三五 → (3, 5); 二三十 → (20, 30); 三四百万 → (3e6, 4e6); 十五六 → (15, 16);
    三百五六十 → (350, 360); 10-15万 → (1e5, 1.5e5); 18到45 → (18, 45)."""
    t = text.strip()
    m = _rx_fullmatch(rf"([{CN_CLASS}]*[{CN_UNIT_CLASS}])?([{CN_DIGIT_CLASS}])([{CN_DIGIT_CLASS}])([{CN_UNIT_CLASS}]*)", t)
    if m and m.group(2) not in ZEROS:
        head, tail = m.group(1) or "", m.group(4)
        a, b = DIGITS[m.group(2)], DIGITS[m.group(3)]
        if not (b == a + 1 or (not head and (a, b) in _IDIOM_PAIRS)):
            return None
        if not head:
            scale = parse_chinese("一" + tail) if tail else 1
            return None if scale is None else Range(_tidy(a * scale), _tidy(b * scale))
        # the pair is the last digit of a longer numeral: 十五六 → 十五, 十六; 一千七八百 → 一千七百, 一千八百
        lo, hi = parse_chinese(head + m.group(2) + tail), parse_chinese(head + m.group(3) + tail)
        return Range(lo, hi) if lo is not None and hi is not None and lo < hi else None
    m = _rx_fullmatch(rf"(.+?)\s*[{_RANGE_SEP}]\s*(.+)", t)
    if not m:
        return None
    lo_t, hi_t = m.group(1), m.group(2)
    hi = parse_decimal(hi_t)
    lo = parse_decimal(lo_t)
    if hi is None or lo is None:
        return None
    # a multiplier written only on the high end applies to both: 10-15万
    trail = _rx_search(rf"[{''.join(BIG_UNITS)}千百]+$", hi_t)
    if trail and not _rx_search(rf"[{CN_UNIT_CLASS}]$", lo_t):
        scale = parse_chinese("1" + trail.group())
        lo_plain = lo
        if scale and lo_plain * scale <= hi:
            lo = _tidy(lo_plain * scale)
    if lo >= hi:
        return None
    return Range(lo, hi)


class Approx(NamedTuple):
    value: Number
    value_max: Optional[Number]
    approx: bool
    qualifier: str


def parse_approx(text: str) -> Optional[Approx]:
    """Approximate numerals: 近千万 → 1e7 (approx); 数千万 → 1e7 (approx, "several");
    上百 → 100 (threshold, not a hedge); 几十 → 10 (approx); 十几 → 10 (approx)."""
    t = text.strip()
    for word, hedge in (("接近", True), ("将近", True), ("近", True), ("数", True),
                        ("几", True), ("上", False)):
        if t.startswith(word):
            rest = t[len(word):]
            if rest and all(c in CN_UNIT_CLASS for c in rest):
                v = parse_chinese(rest)
                if v is not None:
                    return Approx(v, None, hedge, word)
            if word in ("近", "接近", "将近") and rest:
                v = parse_number(rest)
                if v is not None:
                    return Approx(v, None, True, word)
    m = _rx_fullmatch(rf"([{CN_CLASS}]*[十百千万萬亿億])几([{''.join(BIG_UNITS)}]?)", t)
    if m:  # 十几, 二十几万
        base = parse_chinese(m.group(1))
        scale = parse_chinese("一" + m.group(2)) if m.group(2) else 1
        if base is not None and scale:
            return Approx(_tidy(base * scale), None, True, "几")
    return None


class Reading(NamedTuple):
    value: Number
    value_max: Optional[Number]
    unit: Optional[str]


_PER = {"百分之": 1, "佰分之": 1, "千分之": 0.1, "仟分之": 0.1, "万分之": 0.01, "萬分之": 0.01}


def read_number(text: str) -> Optional[Reading]:
    """Any number form on its own: 32% / 百分之三十二 / 两成 / 6个百分点 (→ %), 三分之一,
    五六 (a range), 近千万, 负五, 三点五, 2.7亿, 十多万, 三又三分之一, 75折, 2e5, 40k.
    Returns (value, value_max, unit) or None."""
    t = nfkc(text.strip()).replace(" ", "").replace("點", "点").replace("負", "负").replace("倆", "两")
    if not t:
        return None
    sign = 1
    if t[0] in "负-" and len(t) > 1 and t[1] != "-":
        sign, t = -1, t[1:]
    sci = _rx(r"(\d*\.?\d+)[eE]([-+]?\d+)").fullmatch(t)
    if sci:
        return Reading(_tidy(sign * float(sci.group(1)) * 10 ** int(sci.group(2))), None, None)
    if t.startswith("."):
        t = "0" + t
    t = _rx(r"(?<=\d)[kK]$").sub("千", t)
    t = _rx(r"(?<=\d)[kK](?=个百分点)").sub("千", t)
    if "又" in t:  # 三又三分之一
        whole, _, frac = t.partition("又")
        w, f = read_number(whole), read_number(frac)
        if w and f and w.value_max is None and f.value_max is None:
            return Reading(_tidy(sign * (w.value + f.value)), None, None)
        return None
    for suffix in ("个百分点", "個百分点", "百分点"):
        if t.endswith(suffix):
            v = parse_decimal(t[: -len(suffix)])
            return None if v is None else Reading(_tidy(sign * v), None, "%")
    for prefix, factor in _PER.items():
        if t.startswith(prefix) and not _rx(r"[0-9]").match(prefix):
            v = parse_decimal(t[len(prefix):])
            if v is not None:
                return Reading(_tidy(sign * v * factor), None, "%")
    if t in ("对折", "半折"):
        return Reading(50, None, "%")
    if t == "半成":
        return Reading(5, None, "%")
    if t.endswith("折"):
        body = t[:-1]
        if len(body) == 2 and all(c in DIGITS or c.isdigit() for c in body):
            v = int("".join(str(DIGITS.get(c, c)) for c in body))
        else:
            v = parse_decimal(body)
            v = None if v is None else v * 10
        return None if v is None else Reading(_tidy(v), None, "%")
    if t.endswith("打"):  # a dozen
        v = parse_decimal(t[:-1] or "一")
        return None if v is None else Reading(_tidy(v * 12), None, None)
    if t == "半百":
        return Reading(50, None, None)
    # 十多万, 500余万, 二十几万, 一百零几万: the round figure
    if _rx(r"[多余餘几幾]").search(t) and not _rx(r"[几幾]").match(t):
        r = read_number(_rx(r"零?[多余餘几幾]").sub("", t))
        if r is not None:
            return Reading(_tidy(sign * r.value), r.value_max, r.unit)
    for fn, unit in ((parse_percent, "%"), (parse_tenths, "%"), (parse_fraction, None),
                     (parse_decimal, None)):
        try:
            v = fn(t)
        except (ValueError, ZeroDivisionError):
            v = None
        if v is not None:
            return Reading(_tidy(sign * v), None, unit)
    if t.endswith("%") or t.startswith("百分之"):
        r = parse_range(t.replace("百分之", "").rstrip("%"))
        if r:
            return Reading(r.low, r.high, "%")
    r = parse_range(t)
    if r:
        return Reading(r.low, r.high, None)
    a = parse_approx(t)
    if a:
        return Reading(a.value, a.value_max, None)
    return None
