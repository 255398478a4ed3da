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
    # the building is the venue, not the hall inside it
    ("“新能源汽车产业发展论坛”在南京国际博览中心二楼会议厅举行。", "新能源汽车产业发展论坛", "南京国际博览中心", "南京"),
    ("全球人工智能创新大会在国家会议中心3号馆开幕。", "全球人工智能创新大会", "国家会议中心", None),
    # a hyphen splits CITY-VENUE only when the part before it is a city
    ("全球音乐科技峰会在梅赛德斯-奔驰文化中心举行。", "全球音乐科技峰会", "梅赛德斯-奔驰文化中心", None),
    # traditional characters: heads, edition 第三屆, 於 … 舉行
    ("第三屆香港創新科技週於香港會議展覽中心舉行。", "香港創新科技週", "香港會議展覽中心", "香港"),
    ("作為重頭戲的「大灣區創科論壇」在灣仔會展中心舉行。", "大灣區創科論壇", "灣仔會展中心", None),
    ("星禾教育举办的“星禾元宵线上灯会”吸引了很多家庭。", "星禾元宵线上灯会", None, None),
    # a country or province before a city names no venue
    ("明年夏季的星域联盟季中冠军赛将在韩国首尔举行。", "星域联盟季中冠军赛", None, "首尔"),
    # a county inside a prefecture-level city
    ("“秦味好物助农直播节”在延安市洛川县开幕。", "秦味好物助农直播节", "延安市洛川县", "延安"),
    ("华为Mate 60手机发布会在深圳举行。", "华为Mate 60手机发布会", None, "深圳"),  # a model name names it
    # a season word makes a company's launch a named, recurring event
    ("星辰科技在杭州举行星辰春季新品发布会。", "星辰春季新品发布会", None, "杭州"),
    # 活动周 is a head
    ("全国科技创新活动周在武汉光谷广场开幕。", "全国科技创新活动周", "武汉光谷广场", "武汉"),
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
    "年会主论坛上，嘉宾展开讨论。",              # the meeting's main forum, unnamed
    "在长岳汽车展台，新车正式上市。",            # 展台: a stand, not 车展
    "今年车展期间店里准备了现车。",              # 今年 + a head: this year's show, unnamed
    "往年车展十天里能卖出很多车。",
    "經過三輪評審，12支隊伍晉身決賽。",          # reaching the final of an unnamed contest
    "我哋今年會再辦。",                          # 今年 + 會 (Cantonese), not 年會
    "今年3月的华为手机发布会上，公司发布了新品。",  # a company's launch, no name
    "小米电视新品发布会在北京举行。",
    "各大战队都在备战职业联赛。",                # a generic league
    "展会期间共安排主论坛和各类专题论坛三十场。",  # a verb or a classifier 类 before a generic head
])

def test_not_events(text):
    assert events_of(text) == []


def test_a_short_head_merges_with_the_long_name_it_stands_for():
    [event] = events_of("江苏国际车展在宁开幕\n\n第十四届江苏国际汽车博览会昨日在南京国际博览中心开幕。")
    assert (event["name"], event["aliases"]) == ("江苏国际汽车博览会", ["江苏国际车展"])


def test_the_end_comes_from_a_range_opening_on_the_start_day_or_a_closing_date():
    # 展期 4月25日至5月4日 restates the opening day 4月25日 with its end
    text = "江苏国际汽车博览会4月25日在南京国际博览中心拉开帷幕。本届车展展期为4月25日至5月4日。"
    [event] = events_of(text, dt.date(2016, 4, 27))
    assert (event["start"], event["end"]) == ("2016-04-25", "2016-05-04")
    # 本届车展将于5月4日下午闭幕: the event's own closing day
    text = "江苏国际汽车博览会4月25日在南京国际博览中心开幕。据悉，本届车展将于5月4日下午闭幕。"
    [event] = events_of(text, dt.date(2016, 4, 27))
    assert (event["start"], event["end"]) == ("2016-04-25", "2016-05-04")


def test_a_closing_day_of_another_event_does_not_end_a_forum():
    text = ("12月16日，中国数字游戏产业年会在厦门国际会议中心开幕。"
            "据悉，17日将举行“游戏出海”分论坛，18日闭幕当天还将揭晓评选结果。")
    forum = [e for e in events_of(text, dt.date(2020, 12, 16)) if "游戏出海" in e["name"]][0]
    assert forum["start"] == "2020-12-17" and forum["end"] in (None, "2020-12-17")


def test_one_record_per_event_however_often_mentioned():
    text = "全球移动互联网大会(GMIC)开幕。GMIC吸引了很多人。全球移动互联网大会闭幕。"
    [event] = events_of(text)
    # the name twice, the alias in brackets and the alias alone
    assert [text[s:e] for s, e in event["spans"]] == ["全球移动互联网大会", "GMIC", "GMIC", "全球移动互联网大会"]


def test_numerals_compare_by_value_when_merging_mentions():
    [event] = events_of("星河科技十周年演讲在北京举行。去年的10周年演讲上，创始人谈到了未来。")
    assert (event["name"], event["aliases"]) == ("星河科技十周年演讲", ["10周年演讲"])


def test_a_bare_head_refers_back_to_the_event_with_that_head():
    text = ("为期两天的云计算产业大会今天在杭州开幕。下午举行的“开源生态”圆桌论坛上，嘉宾展开讨论。"
            "据悉，大会明天还将发布白皮书。")
    conference, forum = events_of(text)
    assert conference["name"] == "云计算产业大会"
    assert (conference["start"], conference["end"]) == ("2015-04-30", "2015-05-01")
    assert forum["start"] is None  # 大会明天… is the conference's sentence, not the forum's


def test_a_cut_off_date_does_not_date_the_event():
    text = "数字经济大会今天在成都开幕。大会发布的数据显示，截至今年3月底，用户已达1亿。"
    [event] = events_of(text)
    assert (event["start"], event["city"]) == ("2015-04-30", "成都")


def test_the_date_in_the_clause_naming_the_event_wins():
    text = "在昨日下午举行的“出海”分论坛上，嘉宾表示，“今年上半年收入翻了一番”。"
    [event] = events_of(text)
    assert (event["start"], event["end"]) == ("2015-04-29", "2015-04-29")


def test_a_bare_head_refers_back_through_its_synonyms():
    # 展会 stands for …博览会: the expo ends on 9月22日, not the forum named just before
    text = ("上海国际物联网博览会9月19日在上海新国际博览中心开幕。在同期举办的“物联网与智慧城市高峰论坛”上，"
            "专家发表了看法。展会将持续至9月22日。")
    events = {e["name"]: e for e in events_of(text, dt.date(2012, 9, 19))}
    assert (events["上海国际物联网博览会"]["start"], events["上海国际物联网博览会"]["end"]) == ("2012-09-19", "2012-09-22")
    assert events["物联网与智慧城市高峰论坛"]["start"] is None


def test_the_next_edition_does_not_date_this_one():
    text = ("为期三天的西湖云计算大会今天在杭州国际博览中心落下帷幕。本届大会于10月11日开幕。"
            "下一届西湖云计算大会将于2018年10月举行。")
    [event] = events_of(text, dt.date(2017, 10, 13))
    assert (event["start"], event["end"]) == ("2017-10-11", "2017-10-13")  # 10-11 + three days


def test_the_same_forum_is_no_name():
    assert events_of("同一分论坛上，专家们展开了讨论。") == []


def test_a_stated_closing_day_ends_an_event_that_opened_on_a_weekend():
    text = "“2020秦味好物助农直播节”上周末在延安市洛川县开幕，直播节将持续至12月12日。"
    [event] = events_of(text, dt.date(2020, 12, 8))  # a Tuesday: 上周末 = 12-05..06
    assert (event["start"], event["end"]) == ("2020-12-05", "2020-12-12")


@pytest.mark.parametrize("text,ref,expected", [
    # several aliases in one bracket, the cue word 简称 stripped
    ("第五届星河开发者峰会（Xinghe Developer Summit，简称XDS）今天在杭州国际博览中心开幕。", REF,
     {"name": "星河开发者峰会", "aliases": ["Xinghe Developer Summit", "XDS"], "venue": "杭州国际博览中心",
      "city": "杭州", "start": "2015-04-30"}),
    # a closing day and 为期三天: the opening day counts back from it
    ("为期三天的星河开发者峰会今天在杭州闭幕。", REF,
     {"name": "星河开发者峰会", "city": "杭州", "start": "2015-04-28", "end": "2015-04-30"}),
    # another edition (第六届) named later dates and places nothing of this one (第五届)
    ("第五届星河开发者峰会5月8日在杭州开幕。第六届星河开发者峰会将于明年春季在上海举办。", REF,
     {"name": "星河开发者峰会", "city": "杭州", "start": "2015-05-08"}),
    # a dateline (…5月3日消息) dates the story, not the event
    ("星河科技讯 5月3日消息，当地时间5月1日，星河开发者峰会在纽约开幕。", REF,
     {"name": "星河开发者峰会", "city": "纽约", "start": "2015-05-01"}),
    # an until day alone is an end, with no opening day
    ("与大会同期开幕的“星河智能生活体验展”将延长开放至5月10日。", REF,
     {"name": "星河智能生活体验展", "start": None, "end": "2015-05-10"}),
    # a quoted name, then a few words ending in 活动
    ("“星光计划”成果发布活动今天在北京举行。", REF,
     {"name": "“星光计划”成果发布活动", "city": "北京", "start": "2015-04-30", "end": "2015-04-30"}),
    # a head inside a longer name (大会 in …大会杭州峰会) is not an event of its own
    ("2021年星河互联网大会杭州峰会26日至28日在杭州举行。", dt.date(2021, 9, 27),
     {"name": "星河互联网大会杭州峰会", "city": "杭州", "start": "2021-09-26", "end": "2021-09-28"}),
    # 电子展 is a head; the bracket alias carries a year; 登场 places the event
    ("公司将参加国际数码电子展（HEX 2018），展会将于美国时间9日至12日在拉斯维加斯会议中心登场。", dt.date(2018, 1, 9),
     {"name": "国际数码电子展", "aliases": ["HEX 2018"], "venue": "拉斯维加斯会议中心", "city": "拉斯维加斯",
      "start": "2018-01-09", "end": "2018-01-12"}),
    # 设在 + a building: the venue; a county-level city before it
    ("星河互联网大会在浙江桐乡举行，主会场设在桐乡国际会展中心。", REF,
     {"name": "星河互联网大会", "venue": "桐乡国际会展中心", "city": "桐乡"}),
    # 和 inside a name joins two named things: the name keeps it
    ("中国国际软件和信息服务交易会在大连举行。", REF, {"name": "中国国际软件和信息服务交易会", "city": "大连"}),
    # 直播季 is a head
    ("平台还将于12月中旬启动“星河年货直播季”。", dt.date(2020, 11, 12),
     {"name": "星河年货直播季", "start": "2020-12"}),
    # a quoted name ending in 节 is a campaign festival; its range from the same clause
    ("平台宣布将于6月8日至10日举办“星河咖啡节”。", REF,
     {"name": "星河咖啡节", "venue": None, "start": "2015-06-08", "end": "2015-06-10"}),
    # 双选会 / 招聘会 are heads; a graduating class (2016届) stays in the name; 本周六 from a Thursday
    ("本周六，学院将在星河体育馆举办2016届毕业生春季双选会。", REF,
     {"name": "2016届毕业生春季双选会", "venue": "星河体育馆", "start": "2015-05-02", "end": "2015-05-02"}),
    ("下周二，中心还将在人才市场大厦举办星河春季人才招聘会。", REF,
     {"name": "星河春季人才招聘会", "venue": "人才市场大厦", "start": "2015-05-05"}),
    # 据 before a name is a preposition, not part of it
    ("据星河开发者峰会组委会介绍，峰会于5月8日在杭州开幕。", REF,
     {"name": "星河开发者峰会", "city": "杭州", "start": "2015-05-08"}),
    # 打响 places the event
    ("星河电竞挑战赛总决赛昨晚在星河体育中心打响。", REF,
     {"name": "星河电竞挑战赛总决赛", "venue": "星河体育中心"}),
    # a day followed by 前 is a deadline, not a day the event is held
    ("平台计划在5月20日前推出“星河购物节”。", REF, {"name": "星河购物节", "start": None, "end": None}),
])
def test_event_fields(text, ref, expected):
    [event] = events_of(text, ref)
    assert {k: event[k] for k in expected} == expected


@pytest.mark.parametrize("text", [
    "作为全球规模最大的家电展会之一，它吸引了很多观众。",  # one of a class, not a name
    "他们将把资金转向电视剧和体育联赛。",                  # a clause ending in a head
    "“创新发展”是今年的主题。",                            # 发展 holds 展 but names nothing
    "“星光计划”展开了新一轮招募。",                        # 展开: a verb
    "“星光计划”等20余场专题活动陆续举行。",                # 等 …场: a count of activities
    "公司计划把这套直播方案推向职业联赛和演唱会。",        # 推向 + a generic league: a clause
    "“关键环节”决定了成败。",                              # 环节 holds 节 but names nothing
    "今年的“七夕节”，平台推出了情侣套餐。",                # a quoted holiday is a date, not an event
    "为了拿到发布会的门票，他排了三个小时队。",            # 拿到 + a bare head: a verb's object
    "星河战队上单选手王浩当选总决赛最有价值选手。",        # 当选 + a bare head: a clause
    "赛后新闻发布会上，主教练回答了提问。",                # a generic press conference after a match
    "场馆外的粉丝嘉年华吸引了上千人。",                    # a generic fan carnival
    "据星河职业联赛官方统计，观赛人数创新高。",            # a league is no event
])
def test_more_not_events(text):
    assert events_of(text) == []



@pytest.mark.parametrize("text,name,venue", [
    # 同一场馆 points back to the venue of the event named before it
    ("星河通信博览会将在北京国家会议中心举行。展会期间，主办方还将在同一场馆举办“星河终端论坛”。",
     "星河终端论坛", "北京国家会议中心"),
    # nothing named before it: no venue
    ("主办方还将在同一场馆举办“星河终端论坛”。", "星河终端论坛", None),
    # a place whose verb runs into another event's name belongs to that event
    ("协会下月将启动“星河创客大赛”；9月，协会还将在深圳会展中心举办星河国际机器人博览会。",
     "星河创客大赛", None),
    ("协会下月将启动“星河创客大赛”，还将在深圳会展中心举办星河国际机器人博览会。",
     "星河创客大赛", None),
    ("星河国际机器人博览会将在深圳会展中心举办。", "星河国际机器人博览会", "深圳会展中心"),
])
def test_venue_of_the_right_event(text, name, venue):
    event = next(e for e in events_of(text) if e["name"] == name)
    assert event["venue"] == venue
