"""Source block: outlet, dateline and publication date (table of hand-written cases)."""
import datetime as dt

import pytest

from newsie.errors import InputError
from newsie.source import find_source, parse_published

CASES = [
    # text, published, outlet, dateline, source.published
    ("新浪科技讯 10月30日下午消息，某公司今日举行发布会。", None, "新浪科技", "新浪科技讯", "--10-30"),
    ("新浪科技讯 10月30日下午消息，某公司今日举行发布会。", "2020-10-30", "新浪科技", "新浪科技讯", "2020-10-30"),
    ("新华社北京4月30日电 国务院新闻办公室今天举行发布会。", None, "新华社", "新华社", "--04-30"),
    ("新华社北京2015年4月30日电 国务院新闻办公室今天举行发布会。", None, "新华社", "新华社", "2015-04-30"),
    ("【快讯】财联社5月21日讯，1-4月营收增长。", None, "财联社", "财联社讯", "--05-21"),
    ("数智观察北京6月16日讯（记者 王一）昨天，大会开幕。", None, "数智观察", "数智观察讯", "--06-16"),
    ("本报北京4月20日讯（记者 李二）今天上午，发布会举行。", None, None, "本报讯", "--04-20"),
    ("星河传媒网讯 4月30日消息,近日,大会在北京举行。\n正文。\n文章来源:云帆日报", "2015-04-30",
     "云帆日报", "星河传媒网讯", "2015-04-30"),
    ("标题\n\n编者按：本文来自微信公众号“智东西”（ID:zhidxcom），36氪经授权发布。", None, "智东西", None, None),
    ("标题\n\n【文/观察者网 吕栋】\n正文。", None, "观察者网", None, None),
    ("标题\n\n澎湃新闻记者 叶映荷\n正文。", None, "澎湃新闻", None, None),
    ("标题\n\n正文没有来源，也没有电头。", None, None, None, None),
    ("標題\n\n正文。\n（來源：港聞創科報）", None, "港聞創科報", None, None),  # traditional 來源
    ("7月17日电 第八届车展本月15日开幕。", "2011-07-17", None, None, "2011-07-17"),
    # 讯 followed by a bracketed byline
    ("标题\n\n星河晚报讯（记者 王一 通讯员 李二）昨日上午，大会开幕。", None, "星河晚报", "星河晚报讯", None),
    ("本报讯（记者 王一）昨日上午，大会开幕。", None, None, "本报讯", None),
    # OUTLET（English name）DATE消息 / OUTLET REPORTER DATE报道
    ("标题\n\n云帆网（Yunfan）5月6日消息（记者 王一）公司今天发布新品。", None, "云帆网", "云帆网", "--05-06"),
    ("标题\n\n星河科技 王一 5月6日报道\n公司今天发布新品。", "2015-05-06", "星河科技", "星河科技", "2015-05-06"),
    ("标题\n\n星河网 5月6日下午消息，公司今天发布新品。", None, "星河网", "星河网", "--05-06"),
    # a cited report in the body opening a paragraph with a comma is no dateline
    ("标题\n\n据悉，彭博社5月6日报道，公司将上市。", None, None, None, None),
    ("标题\n\n彭博社5月6日报道，公司将上市。", None, None, None, None),
    # an original-article notice at the end; an editor's note signed by the outlet
    ("标题\n\n正文。\n星河网原创文章，未经授权禁止转载。", None, "星河网", None, None),
    ("标题\n\n云帆科技(公众号：云帆科技)按：今年以来，芯片行业很热。", None, "云帆科技", None, None),
    ("标题\n\n编者按：今年以来，芯片行业很热。", None, None, None, None),
    # a reporter byline with a bar, a digit-led outlet, or in 〔…〕
    ("标题\n\n云帆新闻记者 | 王一\n正文。", None, "云帆新闻", None, None),
    ("标题\n\n21世纪星河报记者 王一 杭州报道\n正文。", None, "21世纪星河报", None, None),
    ("標題\n\n〔星河科技報記者王一／台北報導〕正文。", None, "星河科技報", None, None),
    ("标题\n\n本报记者 王一\n正文。", None, None, None, None),  # this paper names no outlet
    # 本文为 OUTLET 原创稿件: the outlet without 本文为
    ("标题\n\n正文。\n\n本文为星河日报原创稿件，转载请注明来源。\n", None, "星河日报", None, None),
]


@pytest.mark.parametrize("text,published,outlet,dateline,pub", CASES)
def test_source_block(text, published, outlet, dateline, pub):
    block, _, _ = find_source(text, parse_published(published))
    assert block == {"outlet": outlet, "dateline": dateline, "published": pub}


def test_reference_date_comes_from_a_dateline_with_a_year():
    _, ref, span = find_source("新华社北京2015年4月30日电 今天举行发布会。", None)
    assert ref == dt.date(2015, 4, 30)
    assert span is not None and span[0] == 0


@pytest.mark.parametrize("value,expected", [
    ("2015-04-30", dt.date(2015, 4, 30)),
    ("2015-04-30T08:15:00+08:00", dt.date(2015, 4, 30)),
    (None, None),
    ("", None),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["April 30", "2015-13-01", "30/04/2015", 20150430])
def test_parse_published_rejects_with_a_clear_message(value):
    with pytest.raises(InputError, match="published"):
        parse_published(value)
