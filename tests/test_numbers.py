"""Table tests for newsie.numbers: values worked out by hand from CONTRACT.md."""
import pytest

from newsie.numbers import (
    parse_approx, parse_arabic, parse_decimal, parse_fraction, parse_number,
    parse_percent, parse_range, parse_tenths, read_number,
)

NUMBERS = [
    ("7,368", 7368), ("2.7", 2.7), ("１．５", 1.5), ("１２３", 123), ("-6", -6), ("0.05", 0.05),
    ("1,200", 1200), ("两百万", 2_000_000), ("十五万", 150_000), ("二十一", 21),
    ("一千二百三十四", 1234), ("〇", 0), ("十", 10), ("十一", 11), ("一百零一", 101),
    ("一千零五", 1005), ("两千三", 2300), ("一万五", 15_000), ("三百零五万", 3_050_000),
    ("億", 100_000_000), ("兩萬", 20_000), ("1億4000萬", 140_000_000), ("2.7亿", 270_000_000),
    ("3千万", 30_000_000), ("千万", 10_000_000), ("百亿", 10_000_000_000),
    ("一万两千亿", 1_200_000_000_000), ("4万亿", 4_000_000_000_000), ("1兆", 10 ** 12),
    ("亿亿", 10 ** 16), ("5.98万", 59_800), ("736.6亿", 73_660_000_000), ("二〇一四", 2014),
    ("壹佰贰拾", 120),
    # Arabic with separators, decimals and full-width digits
    ("12,345,678", 12_345_678), ("3.14", 3.14), ("１２３４５", 12_345), ("１２．５", 12.5),
    ("２０２４", 2024), ("100", 100), ("0.5", 0.5), ("-12.5", -12.5),
    # Chinese numerals
    ("三", 3), ("二十", 20), ("九十九", 99), ("一百", 100), ("两百", 200), ("三千", 3000),
    ("五万", 50_000), ("十万", 100_000), ("二十万", 200_000), ("一百万", 1_000_000),
    ("一亿", 100_000_000), ("十亿", 1_000_000_000), ("零", 0), ("一千零一十", 1010),
    ("一万零五百", 10_500), ("三千零六", 3006), ("八千七百六十五", 8765),
    ("四十五万六千", 456_000), ("一亿二千万", 120_000_000), ("一亿零五百万", 105_000_000),
    ("三万二", 32_000), ("二百五", 250), ("一〇八", 108),
    # traditional and financial forms
    ("兩億", 200_000_000), ("三萬", 30_000), ("五億三千萬", 530_000_000), ("兩千", 2000),
    ("十萬", 100_000), ("伍仟", 5000), ("壹萬", 10_000), ("贰拾叁", 23),
    # mixed Arabic and Chinese multipliers
    ("1.5万", 15_000), ("3万", 30_000), ("2千", 2000), ("5百万", 5_000_000),
    ("1.2万亿", 1_200_000_000_000), ("0.5亿", 50_000_000), ("2亿5000万", 250_000_000),
    ("12.34万", 123_400), ("3千亿", 300_000_000_000), ("１．２亿", 120_000_000),
    ("2,000万", 20_000_000), ("1万2千", 12_000), ("8.8億", 880_000_000),
]


@pytest.mark.parametrize("text,value", NUMBERS)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "一二三", "三点", "五五", "十百", "1.2.3",
                                  "年", "个", "%", "1..2", "二二", "十十", "五点"])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_whole_values_are_int():
    assert isinstance(parse_number("2.7亿"), int)
    assert isinstance(parse_arabic("7,368"), int)


@pytest.mark.parametrize("text,value", [
    ("百分之三十二", 32), ("32%", 32), ("４５％", 45), ("百分之五点五", 5.5), ("百分之百", 100),
    ("百分之十", 10), ("百分之零点五", 0.5), ("5.5%", 5.5), ("百分之一百二十", 120), ("百分之二", 2),
    ("１２．５％", 12.5), ("-3%", -3), ("百分之七十五", 75),
])
def test_percent(text, value):
    assert parse_percent(text) == value


@pytest.mark.parametrize("text,value", [
    ("三分之一", 1 / 3), ("四分之三", 0.75), ("1/4", 0.25), ("二分之一", 0.5),
    ("五分之二", 0.4), ("十分之一", 0.1), ("3/4", 0.75), ("三分之二", 2 / 3), ("1/3", 1 / 3),
    ("千分之五", 0.005),
])
def test_fraction(text, value):
    assert parse_fraction(text) == pytest.approx(value)


@pytest.mark.parametrize("text,value", [("两成", 20), ("五成", 50), ("八成", 80), ("7.5成", 75),
                                       ("一成", 10), ("三成", 30), ("九成", 90), ("十成", 100),
                                       ("6成", 60),
                                       # a digit after 成 writes the next decimal, 半 a half tenth
                                       ("三成五", 35), ("九成五", 95), ("七成半", 75), ("两成三", 23)])
def test_tenths(text, value):
    assert parse_tenths(text) == value


@pytest.mark.parametrize("text", ["成", "三成十", "三成〇", "三成五六", "成五"])
def test_not_tenths(text):
    assert parse_tenths(text) is None


@pytest.mark.parametrize("text,low,high", [
    ("五六", 5, 6), ("三四", 3, 4), ("一两", 1, 2), ("二三十", 20, 30), ("三四百万", 3_000_000, 4_000_000),
    ("10-15万", 100_000, 150_000), ("18到45", 18, 45), ("14.58万~15.98万", 145_800, 159_800),
    ("5000-7000", 5000, 7000), ("23-24", 23, 24),
    ("七八", 7, 8), ("八九", 8, 9), ("六七十", 60, 70),
    # 三五: the one non-adjacent pair that writes a loose range (三五年)
    ("三五", 3, 5), ("三五百", 300, 500),
    # the pair is the last digit of a longer numeral
    ("十五六", 15, 16), ("十一二", 11, 12), ("二十七八", 27, 28), ("一百五六", 150, 160),
    ("三百五六十", 350, 360), ("一千七八百", 1700, 1800), ("五万七八千", 57_000, 58_000),
    ("二十三四万", 230_000, 240_000),
    ("1到3", 1, 3), ("1000~2000", 1000, 2000), ("3至5", 3, 5), ("5万-8万", 50_000, 80_000),
    ("两三", 2, 3), ("二三百", 200, 300), ("1.5-2", 1.5, 2), ("20～30", 20, 30),
])
def test_range(text, low, high):
    assert tuple(parse_range(text)) == (low, high)


@pytest.mark.parametrize("text", ["五三", "45到18", "七七", "九八", "5-3", "六五", "十三五", "十五七",
                                  "三六", "二〇一五六"])
def test_not_a_range(text):
    assert parse_range(text) is None


@pytest.mark.parametrize("text,value,approx,word", [
    ("近千万", 10_000_000, True, "近"), ("数千万", 10_000_000, True, "数"), ("上百", 100, False, "上"),
    ("几十", 10, True, "几"), ("十几", 10, True, "几"), ("接近一万", 10_000, True, "接近"),
    ("数百", 100, True, "数"), ("数十万", 100_000, True, "数"), ("几百", 100, True, "几"),
    ("几千万", 10_000_000, True, "几"), ("上千", 1000, False, "上"), ("上万", 10_000, False, "上"),
    ("二十几", 20, True, "几"), ("近百", 100, True, "近"), ("将近一千", 1000, True, "将近"),
    ("近两万", 20_000, True, "近"), ("几万", 10_000, True, "几"), ("上亿", 100_000_000, False, "上"),
])
def test_approx(text, value, approx, word):
    a = parse_approx(text)
    assert (a.value, a.approx, a.qualifier) == (value, approx, word)


@pytest.mark.parametrize("text,value", [("三点五", 3.5), ("零点五", 0.5), ("2.5", 2.5),
                                        ("一点五", 1.5), ("十二点三", 12.3), ("零点零五", 0.05),
                                        ("3.0", 3), ("三点一四", 3.14),
                                        # a multiplier after the decimals, and 點 (traditional)
                                        ("三点五亿", 350_000_000), ("一点二三万", 12_300),
                                        ("三點五", 3.5), ("兩點五億", 250_000_000)])
def test_decimal(text, value):
    assert parse_decimal(text) == value


@pytest.mark.parametrize("text", ["三点", "三点五十", "五点十万", "点五"])
def test_not_a_decimal(text):
    assert parse_decimal(text) is None


@pytest.mark.parametrize("text,value,vmax,unit", [
    ("百分之三十二", 32, None, "%"), ("六成", 60, None, "%"), ("负五", -5, None, None),
    ("五六", 5, 6, None), ("三分之一", pytest.approx(1 / 3), None, None),
    ("百分之五十", 50, None, "%"), ("两成", 20, None, "%"), ("三四百万", 3_000_000, 4_000_000, None),
    ("2.7亿", 270_000_000, None, None), ("负三点五", -3.5, None, None), ("十多万", 100_000, None, None),
    ("近千万", 10_000_000, None, None), ("12%", 12, None, "%"), ("四分之一", 0.25, None, None),
    ("１５", 15, None, None), ("三成五", 35, None, "%"), ("七成半", 75, None, "%"),
    ("十五六", 15, 16, None), ("三五", 3, 5, None),
])
def test_read_number(text, value, vmax, unit):
    r = read_number(text)
    assert (r.value, r.value_max, r.unit) == (value, vmax, unit)


def test_long_digit_string_is_read_or_refused_quickly():
    assert parse_number("9" * 100_000) in (None, float("9" * 300))  # no hang, no exception
    assert parse_number("9" * 300) == int("9" * 300)
