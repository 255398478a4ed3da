"""Table tests for newsie.quantities.find_quantities (sentences written for these tests)."""
import time

import pytest

from newsie.quantities import find_quantities

# sentence, expected (text, value, value_max, unit, approx, qualifier) of the quantities found
CASES = [
    ("公司去年营收达到3.5亿元。", [("3.5亿元", 350_000_000, None, "元", False, "达到")]),
    ("该应用的注册用户已经超过两百万。", [("两百万", 2_000_000, None, None, True, "超过")]),
    ("目前会员约十五万人。", [("十五万人", 150_000, None, "人", True, "约")]),
    ("新店面积为1,200平米。", [("1,200平米", 1200, None, "平方米", False, None)]),
    ("核销率提升到百分之三十二。", [("百分之三十二", 32, None, "%", False, None)]),
    ("其中三分之一来自海外。", [("三分之一", pytest.approx(1 / 3), None, None, False, None)]),
    ("线上渠道贡献了两成收入。", [("两成", 20, None, "%", False, None)]),
    ("平台吸引了近千万用户。", [("近千万", 10_000_000, None, None, True, "近")]),
    ("目标人群是18到45岁的白领。", [("18到45岁", 18, 45, "岁", False, None)]),
    ("这项业务做了五六年。", [("五六年", 5, 6, "年", False, None)]),
    ("每套售价10-15万元。", [("10-15万元", 100_000, 150_000, "元", False, None)]),
    ("他们走访了三四个城市。", [("三四个", 3, 4, "个", False, None)]),
    ("手机出货量下降1.5%。", [("1.5%", 1.5, None, "%", False, None)]),
    ("利润率为-6%。", [("-6%", -6, None, "%", False, None)]),
    ("展馆共有12个城市的展团。", [("12个", 12, None, "个", False, None)]),
    ("电池容量为4500mAh，支持65W快充。", [("4500mAh", 4500, None, "mAh", False, None),
                                  ("65W", 65, None, "W", False, None)]),
    ("新机起售价为3999元左右。", [("3999元", 3999, None, "元", True, "左右")]),
    ("发布会持续了三个多小时。", [("三个多小时", 3, None, "小时", True, "多")]),
    ("公司投资了10余家初创企业。", [("10余家", 10, None, "家", True, "余")]),
    ("团队有30多名工程师。", [("30多名", 30, None, "名", True, "多")]),
    ("该系列累计销量突破500万台。", [("500万台", 5_000_000, None, "台", False, "突破")]),
    ("门店数量不到两百家。", [("两百家", 200, None, "家", False, "不到")]),
    ("屏幕尺寸为6.7英寸。", [("6.7英寸", 6.7, None, "英寸", False, None)]),
    ("芯片采用5纳米工艺。", [("5纳米", 5, None, "nm", False, None)]),
    ("速度提升了十倍。", [("十倍", 10, None, "倍", False, None)]),
    ("市场规模约1億4000萬美元。", [("1億4000萬美元", 140_000_000, None, "美元", True, "约")]),
    ("仓库面积达２２０００平方米。", [("２２０００平方米", 22000, None, "平方米", False, None)]),
    ("这款车的续航为520公里。", [("520公里", 520, None, "km", False, None)]),
    ("售价5,588港元起。", [("5,588港元", 5588, None, "港元", False, None)]),
    ("他在公司工作了十五年。", [("十五年", 15, None, "年", False, None)]),
    ("全年净利润为8.2亿美元，同比增长12%。", [("8.2亿美元", 820_000_000, None, "美元", False, None),
                                  ("12%", 12, None, "%", False, None)]),
    ("增速比去年回落2个百分点。", [("2个百分点", 2, None, "个百分点", False, None)]),
    ("有一半以上的订单来自小程序。", [("一半", 50, None, "%", False, "以上")]),
    ("三大运营商都参与了测试。", [("三大", 3, None, None, False, None)]),
    ("该地区有二三十家工厂。", [("二三十家", 20, 30, "家", False, None)]),
    ("活动持续了两个月。", [("两个月", 2, None, "个月", False, None)]),
    ("公司员工超过万人。", [("万人", 10_000, None, "人", True, "超过")]),
    ("粉丝数达到270万", [("270万", 2_700_000, None, None, False, "达到")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_find_quantities(text, expected):
    found = find_quantities(text)
    got = [(q["text"], q["value"], q["value_max"], q["unit"], q["approx"], q["qualifier"]) for q in found]
    assert got == expected
    for q in found:
        s, e = q["span"]
        assert text[s:e] == q["text"]


# no quantity at all in these
NEGATIVES = [
    "2014年，公司在北京成立。",
    "发布会定于4月30日举行。",
    "晚上八点，直播正式开始。",
    "会议将于10:30开始。",
    "小米在手机市场排名第一。",
    "双12当天，平台推出了促销活动。",
    "蚂蚁金服O2O事业部负责本地生活。",
    "运营商加快了4G和5G网络建设。",
    "iPhone 6在中国大受欢迎。",
    "华为发布了HarmonyOS 3开发者预览版。",
    "3C数码品类增长明显。",
    "今年的618大促提前开始。",
    "这是一个典型案例。",
    "这是一种新的支付方式。",
    "平台带来了一些变化。",
    "多个城市开通了这项服务。",
    "他们参观了几个展台。",
    "百度发布了新的搜索产品。",
    "万一系统出现故障怎么办。",
    "三星推出了折叠屏手机。",
    "一季度公司营收稳定。",
    "骁龙888处理器表现出色。",
    "他们在二次开发上投入很多。",
    "这是90后用户最喜欢的应用。",
    "你千万不要错过这次机会。",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text,subject_part", [
    ("公司在12个城市开通了城市服务。", "城市"),
    ("支付宝移动端用户数已经达到2.7亿。", "用户数"),
    ("第三季度核销率为32%。", "核销率"),
    ("该公司营收同比增长8%至1611.2亿元。", "营收"),
    ("近80%的用户认可这项功能。", "用户"),
    ("今年新开门店共33家。", "门店"),
])
def test_subject(text, subject_part):
    qs = find_quantities(text)
    assert qs and all(subject_part in (q["subject"] or "") for q in qs)


def test_skip_spans_are_left_out():
    text = "2015年营收达到3亿元"
    assert [q["text"] for q in find_quantities(text, skip=[(5, 9)])] == [] or \
        all(q["span"][1] <= 5 or q["span"][0] >= 9 for q in find_quantities(text, skip=[(5, 9)]))
    assert find_quantities("活动持续三天", skip=[(4, 6)]) == []


def test_fields():
    q = find_quantities("售价为999元。")[0]
    assert set(q) == {"text", "value", "value_max", "unit", "subject", "approx", "qualifier", "span"}


@pytest.mark.parametrize("text", ["1" * 200_000, "的" * 200_000, "近" * 100_000, "1," * 50_000,
                                  "一" * 100_000, "-" * 100_000])
def test_linear_time(text):
    t0 = time.time()
    find_quantities(text)
    assert time.time() - t0 < 10
