"""Table tests for newsie.numbers: values worked out by hand from CONTRACT.md."""
import pytest

from newsie.numbers import (
    parse_approx, parse_arabic, parse_chinese, parse_decimal, parse_fraction, parse_number,
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
]


@pytest.mark.parametrize("text,value", NUMBERS)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "一二三", "三点", "五五", "十百", "1.2.3"])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_whole_values_are_int():
    assert isinstance(parse_number("2.7亿"), int)
    assert isinstance(parse_arabic("7,368"), int)


@pytest.mark.parametrize("text,value", [
    ("百分之三十二", 32), ("32%", 32), ("４５％", 45), ("百分之五点五", 5.5), ("百分之百", 100),
])
def test_percent(text, value):
    assert parse_percent(text) == value


@pytest.mark.parametrize("text,value", [
    ("三分之一", 1 / 3), ("四分之三", 0.75), ("1/4", 0.25), ("二分之一", 0.5),
])
def test_fraction(text, value):
    assert parse_fraction(text) == pytest.approx(value)


@pytest.mark.parametrize("text,value", [("两成", 20), ("五成", 50), ("八成", 80), ("7.5成", 75)])
def test_tenths(text, value):
    assert parse_tenths(text) == value


@pytest.mark.parametrize("text,low,high", [
    ("五六", 5, 6), ("三四", 3, 4), ("一两", 1, 2), ("二三十", 20, 30), ("三四百万", 3_000_000, 4_000_000),
    ("10-15万", 100_000, 150_000), ("18到45", 18, 45), ("14.58万~15.98万", 145_800, 159_800),
    ("5000-7000", 5000, 7000), ("23-24", 23, 24),
])
def test_range(text, low, high):
    assert tuple(parse_range(text)) == (low, high)


@pytest.mark.parametrize("text", ["五三", "45到18", "七七"])
def test_not_a_range(text):
    assert parse_range(text) is None


@pytest.mark.parametrize("text,value,approx,word", [
    ("近千万", 10_000_000, True, "近"), ("数千万", 10_000_000, True, "数"), ("上百", 100, False, "上"),
    ("几十", 10, True, "几"), ("十几", 10, True, "几"), ("接近一万", 10_000, True, "接近"),
])
def test_approx(text, value, approx, word):
    a = parse_approx(text)
    assert (a.value, a.approx, a.qualifier) == (value, approx, word)


@pytest.mark.parametrize("text,value", [("三点五", 3.5), ("零点五", 0.5), ("2.5", 2.5)])
def test_decimal(text, value):
    assert parse_decimal(text) == value


@pytest.mark.parametrize("text,value,vmax,unit", [
    ("百分之三十二", 32, None, "%"), ("六成", 60, None, "%"), ("负五", -5, None, None),
    ("五六", 5, 6, None), ("三分之一", pytest.approx(1 / 3), None, None),
])
def test_read_number(text, value, vmax, unit):
    r = read_number(text)
    assert (r.value, r.value_max, r.unit) == (value, vmax, unit)


def test_long_digit_string_is_read_or_refused_quickly():
    assert parse_number("9" * 100_000) in (None, float("9" * 300))  # no hang, no exception
    assert parse_number("9" * 300) == int("9" * 300)
