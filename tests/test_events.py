"""Events: names, aliases, venue/city split, dates from their sentences, theme."""
import datetime as dt

import pytest

from newsie.dates import find_dates
from newsie.events import find_events

REF = dt.date(2015, 4, 30)


def events_of(text, ref=REF):
    return find_events(text, find_dates(text, ref))


def test_conference_with_alias_venue_city_dates_and_theme():
    text = ("本周，全球移动互联网大会(GMIC)在北京-国家会议中心开幕。这届全球移动互联网大会为期三天(4月28日-4月30日)。"
            "本次大会以“Mobile Together”为主题。")
    [event] = events_of(text)
    assert event["name"] == "全球移动互联网大会"
    assert event["aliases"] == ["GMIC"]
    assert (event["venue"], event["city"]) == ("国家会议中心", "北京")
    assert (event["start"], event["end"]) == ("2015-04-28", "2015-04-30")
    assert event["theme"] == "Mobile Together"


@pytest.mark.parametrize("text,name,venue,city", [
    ("2021中国（天津）国际汽车展览会在国家会展中心正式开幕。", "2021中国（天津）国际汽车展览会", "国家会展中心", "天津"),
    ("第八届中国(长春)国际汽车博览会本月15日在长春正式开幕。", "中国(长春)国际汽车博览会", None, "长春"),
    ("2020年世界超高清视频产业发展大会今日在广州召开。", "世界超高清视频产业发展大会", None, "广州"),
    ("华为开发者大会2021（Together）于东莞松山湖举办。", "华为开发者大会2021", "东莞松山湖", "东莞"),
    ("由协会主办的“2011年第二季度彩电行业研究发布会”在京召开。", "2011年第二季度彩电行业研究发布会", None, "北京"),
])
def test_name_venue_city(text, name, venue, city):
    # a venue keeps the city it is written with (东莞松山湖); a city named in the event name counts
    [event] = events_of(text)
    assert (event["name"], event["venue"], event["city"]) == (name, venue, city)


def test_opening_day_gives_start_without_end():
    [event] = events_of("第八届中国(长春)国际汽车博览会本月15日在长春正式开幕。", dt.date(2011, 7, 17))
    assert (event["start"], event["end"]) == ("2011-07-15", None)


@pytest.mark.parametrize("text", [
    "这次发布会上，公司推出了三款新品。",        # an anaphor, not a name
    "本届大会吸引了很多观众。",
    "展会共有980辆展车参展。",                  # 展 inside a sentence, no event head
    "他在新闻发布会上回答了问题。",              # generic: 新闻发布会
    "车企在上海举行新车发布会。",                # generic: 新车 + 发布会
    "大会期间共举办24场技术分论坛。",            # a count of unnamed forums
    "他说，公司明年会推出新机型。",              # 明年 + 会, not 年会
])
def test_not_events(text):
    assert events_of(text) == []


def test_one_record_per_event_however_often_mentioned():
    text = "全球移动互联网大会(GMIC)开幕。GMIC吸引了很多人。全球移动互联网大会闭幕。"
    [event] = events_of(text)
    # the name twice, the alias in brackets and the alias alone
    assert [text[s:e] for s, e in event["spans"]] == ["全球移动互联网大会", "GMIC", "GMIC", "全球移动互联网大会"]
