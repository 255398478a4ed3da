"""People: name, title, organisation and role in the shapes Chinese news writes them."""
import pytest

from newsie.people import find_people

CASES = [
    # text, [(name, title, org, role)]
    # a function after a name that ends like an organisation (咨询) belongs to the title
    ("明川咨询汽车研究总监卢晓岚认为，销量会回升。", [("卢晓岚", "汽车研究总监", "明川咨询", "speaker")]),
    # 董事局主席 is one title; attending without a speech is no speech
    ("青禾集团董事局主席马若川出席了仪式，但没有发表演讲。", [("马若川", "董事局主席", "青禾集团", "mentioned")]),
    # 其 + department: the organisation the sentence before described
    ("来自宁波的海屿纺织是一家老牌企业，其技术部负责人庞立新说，效率提高了。",
     [("庞立新", "负责人", "海屿纺织", "speaker")]),
    # an adjective that is also a title prefix stays with the title, the org keeps its ending
    ("远岫咨询资深分析师秦可凡认为，价格战难以持久。", [("秦可凡", "资深分析师", "远岫咨询", "speaker")]),
    # a kind of organisation after a Latin/digit description; 竞争对手 before a name
    ("O2O电商快鲸购创始人兼CEO聂远航表示，快鲸购将全面降价。", [("聂远航", "创始人兼CEO", "快鲸购", "speaker")]),
    ("竞争对手云梯商城执行副总裁隋立冬回应称，价格更低。", [("隋立冬", "执行副总裁", "云梯商城", "speaker")]),
    # the title after 是 in the person's own sentence
    ("彭思远是一家交易平台“链桥”的创始人。他表示，平台暂停交易。", [("彭思远", "创始人", "链桥", "speaker")]),
    # untitled people: a long description, a person noun with a two-character name, a place they live
    ("在一家连锁超市负责采购的钱文斌专程赶来。他告诉记者，订单多了。", [("钱文斌", None, None, "speaker")]),
    ("来自杭州的投资者莫岚上月买了两个项目，“亏了一半。”他说。", [("莫岚", None, None, "speaker")]),
    ("家住上海徐汇的梁悦原打算买冰箱，“还是等等再说。”", [("梁悦", None, None, "speaker")]),
    # a title after the name: NAME是ORG的TITLE
    ("韩露是远景研究院的高级分析师，她认为需求会回暖。", [("韩露", "高级分析师", "远景研究院", "speaker")]),
    # a law firm, then 律师
    ("上海市明理律师事务所律师许可欣表示，用户可以维权。", [("许可欣", "律师", "上海市明理律师事务所", "speaker")]),
    # a long English alias in brackets ends the organisation; a prefix after it goes to the title
    ("行业机构北辰咨询（North Star Research）分析师吕方舟指出，价格偏高。",
     [("吕方舟", "分析师", "北辰咨询", "speaker")]),
    ("软件企业青岚公司（Qinglan）全球首席执行官秦海涛称，订单翻倍。",
     [("秦海涛", "全球首席执行官", "软件企业青岚公司", "speaker")]),
    # a function word belongs to the title, not to an organisation
    ("一家银行的理财经理何静（化名）告诉记者，收益下降。", [("何静", "理财经理", None, "speaker")]),
    # a field of three characters before 行业; prefixes in a row all go to the title
    ("远见咨询半导体行业首席分析师钟一帆表示，库存偏高。", [("钟一帆", "半导体行业首席分析师", "远见咨询", "speaker")]),
    # ordinary people introduced by a description, who speak later
    ("从事无人机维修的彭建国特意赶来。“产品多了。”他说。", [("彭建国", None, None, "speaker")]),
    ("在城南开店的商户韦志强，生意不好。他说，客人少了。", [("韦志强", None, None, "speaker")]),
    # … but not a noun after such a description
    ("该店把新机放在最显眼的位置，并表示货不多。", []),
    # an adverb between the name and its verb is no part of the name
    ("星海通信总工程师吕方则谈到，网络会更快。", [("吕方", "总工程师", "星海通信", "speaker")]),
    # a preposition after a title starts a clause, not a name
    ("协会首任会长由星海集团董事长吕方舟担任。", [("吕方舟", "董事长", "星海集团", "mentioned")]),
    # a sales region and a duty after the department belong to the title
    ("国内设备商远山通信华南区总经理黄立新表示，订单增长。", [("黄立新", "华南区总经理", "远山通信", "speaker")]),
    ("青松科技市场部品牌推广负责人方静透露，预算增加。", [("方静", "品牌推广负责人", "青松科技市场部", "speaker")]),
    # a field + 行业 + an adjective before the title
    ("吴敏，远见咨询汽车行业资深分析师，她认为销量会回升。",
     [("吴敏", "汽车行业资深分析师", "远见咨询", "speaker")]),
    # a district committee title: the place takes its unit
    ("据东湖区委书记钱国栋介绍，园区已开工。", [("钱国栋", "区委书记", "东湖区", "speaker")]),
    # a quoted product before 的 + title
    ("记者见到了“小蓝灯”的创始人周子墨。周子墨说，产品卖得很好。", [("周子墨", "创始人", "小蓝灯", "speaker")]),
    # a post in a relative clause before 的 + name
    ("他与现任首席技术官的邝远航成立了公司。", [("邝远航", "首席技术官", None, "mentioned")]),
    # an anaphor carries the title back to the name before it
    ("韩松也来到了现场，这位金石资本的合伙人告诉记者，估值合理。", [("韩松", "合伙人", "金石资本", "speaker")]),
    # the English name of the station in brackets ends the organisation
    ("北岸电视台（North TV）技术主管安娜·林德对记者说，效果很好。",
     [("安娜·林德", "技术主管", "北岸电视台", "speaker")]),
    # a person introduced by a clause ending in 的, who speaks
    ("负责芯片测试的陶然向记者介绍，良率在提升。", [("陶然", None, None, "speaker")]),
    ("在杭州上班的葛文斌是首批用户之一。他告诉记者，速度很快。", [("葛文斌", None, None, "speaker")]),
    # … but not a word after 的 that runs on into other words
    ("平台上的应用超过三十万款。应用商店的下载量也在增长，他表示很满意。", []),
    # a student introduced by 研三学生, with 她坦言 later in the same sentence
    ("某大学研三学生苏晓（化名）已经拿到两份offer，她坦言压力不小。", [("苏晓", None, None, "speaker")]),
    ("蚂蚁金服O2O事业部总经理王丽娟在论坛上谈到，本地生活正在变化。",
     [("王丽娟", "总经理", "蚂蚁金服O2O事业部", "speaker")]),
    ("会上，星辰科技创始人兼CEO林晓东表示，公司将加大投入。",
     [("林晓东", "创始人兼CEO", "星辰科技", "speaker")]),
    ("远航集团董事长、总裁赵启明出席了签约仪式。",
     [("赵启明", "董事长、总裁", "远航集团", "mentioned")]),
    ("首席财务官奥本海默对此没有回应。", [("奥本海默", "首席财务官", None, "mentioned")]),
    ("苹果首席运营官蒂姆·库克表示，中国市场增长强劲。", [("蒂姆·库克", "首席运营官", "苹果", "speaker")]),
    ("海川证券分析师周立指出，价格仍会上涨。", [("周立", "分析师", "海川证券", "speaker")]),
    ("中汽协常务副会长董扬认为，下半年车市将回暖。", [("董扬", "常务副会长", "中汽协", "speaker")]),
    ("日本知名设计师原研哉设计了新标识。", [("原研哉", "设计师", None, "mentioned")]),
    ("孙明，云帆出行总经理，他说：“我们希望更便宜。”", [("孙明", "总经理", "云帆出行", "speaker")]),
    # repetition settles the name's length: 雷军 recurs with different characters after it
    ("小米集团董事长雷军宣布进军汽车。雷军说这是最后一次创业。雷军在台上很激动。",
     [("雷军", "董事长", "小米集团", "speaker")]),
    # no title, no NER: nobody is found from a bare name
    ("今天天气很好，大家都来了。", []),
    # a title with no name after it names nobody
    ("公司总经理将于下月上任。", []),
    # 与 inside a department's name; a given name may start with 亦
    ("南京大学计算机科学与技术系教授孟亦凡则关注人才。他指出，缺口很大。",
     [("孟亦凡", "教授", "南京大学计算机科学与技术系", "speaker")]),
    # 与 between two companies still separates them
    ("会上，云帆与星河科技副总裁王强出席了签约。", [("王强", "副总裁", "星河科技", "mentioned")]),
    # a name before a verb of appointment
    ("董事会任命周海涛为公司总裁。", [("周海涛", "总裁", None, "mentioned")]),
    ("赵宏出任远航集团首席运营官。", [("赵宏", "首席运营官", "远航集团", "mentioned")]),
    # a government title chain
    ("杭州市委常委、副市长吴建平在致辞中表示，数字经济是重点。",
     [("吴建平", "常委、副市长", "杭州市委", "speaker")]),
    # an alias in brackets inside the organisation's name; 与 inside a department's name
    ("世界银行（WB）数字与发展部副主任郑凯表示，合作会加强。",
     [("郑凯", "副主任", "世界银行（WB）数字与发展部", "speaker")]),
    ("根据星河研究院院长刘洋介绍，项目已启动。", [("刘洋", "院长", "星河研究院", "speaker")]),
    ("ＩＤＣ公司总裁霍锋表示，出货量回升。", [("霍锋", "总裁", "ＩＤＣ公司", "speaker")]),  # full-width letters
    # a copula before the title names no organisation; 特约 belongs to the title
    ("论文第一作者为博士生郭晓阳。", [("郭晓阳", "博士生", None, "mentioned")]),
    ("中国物流学会特约研究员宋立认为，运力充足。", [("宋立", "特约研究员", "中国物流学会", "speaker")]),
    # 可 may start a given name
    ("栗子商城副总裁林可心宣布，活动将延长。", [("林可心", "副总裁", "栗子商城", "speaker")]),
    # a transliterated name's family name written alone later is the same person
    ("维尔塔首席执行官丹尼尔·哈特在会上发布新品。哈特称，产品将于年内上市。",
     [("丹尼尔·哈特", "首席执行官", "维尔塔", "speaker")]),
    # a surname alone before a verb is no name
    ("总裁王强调，要控制成本。", []),
    # 向 is a surname, but 向记者 is "to the reporter"
    ("开发区管委会相关负责人向记者介绍，项目进展顺利。", []),
    # an English abbreviation in brackets between the title and the name
    ("启衡科技首席技术官（CTO）周景行介绍，模型已开放。", [("周景行", "首席技术官", "启衡科技", "speaker")]),
    # 及 inside a bureau's name (科技 names a field here, not a second company)
    ("創新及科技局局長鄺志朗稱，政府會繼續支持。", [("鄺志朗", "局長", "創新及科技局", "speaker")]),
    # the kind of organisation before its name is not part of it; traditional 合夥人 and 稱
    ("本地創投機構維港資本合夥人莫家欣稱，估值回落。", [("莫家欣", "合夥人", "維港資本", "speaker")]),
    ("火箭总设计师邵景川介绍，试验很成功。", [("邵景川", "总设计师", "火箭", "speaker")]),
    # 对话 / 专访 lead an interview's headline; two posts in two organisations
    ("对话拼乐网创始人邵嘉禾：团购的下半场", [("邵嘉禾", "创始人", "拼乐网", "mentioned")]),
    ("鹿鸣集团副总裁、鹿鸣商城总裁钱思源表示，销量增长。",
     [("钱思源", "副总裁、鹿鸣商城总裁", "鹿鸣集团", "speaker")]),
    # ORG的TITLE NAME, with the organisation named again elsewhere
    ("蓝峡数据的首席架构师顾明哲认为，成本会下降。蓝峡数据去年扩建了机房。",
     [("顾明哲", "首席架构师", "蓝峡数据", "speaker")]),
    ("美国云服务商Northvale的全球副总裁Daniel Wright谈到，市场在增长。Northvale今年新建了数据中心。",
     [("Daniel Wright", "全球副总裁", "Northvale", "speaker")]),
    # … but not a word that stands before 的 once (会上的)
    ("会上的首席架构师顾明哲认为，成本会下降。", [("顾明哲", "首席架构师", None, "speaker")]),
    # county posts; a title used as a common noun after 和 names nobody; 平台 is no organisation
    ("洛川县副县长刘晓静走进直播间，与平台带货主播薛嘉怡一起推介苹果。薛嘉怡坦言，和副县长同台直播很紧张。",
     [("刘晓静", "副县长", "洛川县", "mentioned"), ("薛嘉怡", "带货主播", None, "speaker")]),
    ("V88战队主教练马蒂亚斯·克劳森坦言，对手很强。", [("马蒂亚斯·克劳森", "主教练", "V88战队", "speaker")]),
    ("財務長吳佩芬補充說明，毛利率會回升。", [("吳佩芬", "財務長", None, "speaker")]),
    # a Q&A transcript: the name opening a line with a colon answers
    ("拼乐网创始人兼CEO邵嘉禾接受了采访。\n问：钱花在哪里？\n邵嘉禾：主要用在扩城市。",
     [("邵嘉禾", "创始人兼CEO", "拼乐网", "speaker")]),
    # the kind of company before its name is a description, not part of the name (people_org_kinds)
    ("国内电商平台云杉优选副总裁韩立明表示，销量翻倍。", [("韩立明", "副总裁", "云杉优选", "speaker")]),
    ("英国移动支付分析公司诺伍德全球副总裁陈安迪指出，交易额上升。",
     [("陈安迪", "全球副总裁", "诺伍德", "speaker")]),
    # 在线 is no 在 (people_org_stop_exceptions)
    ("在线旅游平台远途网首席执行官高原表示，预订量上升。", [("高原", "首席执行官", "远途网", "speaker")]),
    # 公司 also ends real names: a short name before it stays, and a region after it is the title's
    ("星河公司副总裁王磊说，游戏收入增长。", [("王磊", "副总裁", "星河公司", "speaker")]),
    ("苹果公司中国区总裁李华表示，销量回升。", [("李华", "中国区总裁", "苹果公司", "speaker")]),
    # a function between the organisation and the title belongs to the title
    ("星辰影业法务总监何芸对判决表示满意。", [("何芸", "法务总监", "星辰影业", "speaker")]),
    ("美国数字娱乐协会市场研究副总裁约翰·米勒认为，需求回暖。",
     [("约翰·米勒", "市场研究副总裁", "美国数字娱乐协会", "speaker")]),
    # 宣 / 强 stop a name only where 宣布 / 强调 start
    ("工业和信息化部电子司司长周国强在会上谈到，产量在增长。",
     [("周国强", "司长", "工业和信息化部电子司", "speaker")]),
    ("规划司司长吴明宣在会上指出，投资会增加。", [("吴明宣", "司长", "规划司", "speaker")]),
    ("星河科技总裁王健宣布，公司将上市。", [("王健", "总裁", "星河科技", "speaker")]),
    # a court title takes the court the article names most often; 本案 is no organisation
    ("北京互联网法院审理了此案。本案审判长赵立平说，平台应担责。北京互联网法院去年受理案件上千起。",
     [("赵立平", "审判长", "北京互联网法院", "speaker")]),
    # an ordinary person introduced by what they are, who speaks in the next sentence
    ("在深圳打工的四川人李秀兰对此深有感触。她告诉记者，车票很难买。", [("李秀兰", None, None, "speaker")]),
    ("北京人王小川来到现场。", []),  # silent: not kept without a title
    ("乘客张先生说，车很干净。", []),  # a form of address, no name
    ("预计将有20万人左右参加。他表示，场地够用。", []),  # 人 after a number is a measure word
    ("门槛对学生和外来务工人员来说偏高。他坦言，会调整。", []),  # 和 joins two nouns
    # the region or field before 区域 / 行业 belongs to the title
    ("迅达物流华东区域负责人孙明表示，运力充足。", [("孙明", "华东区域负责人", "迅达物流", "speaker")]),
    ("海川证券汽车行业分析师周立指出，价格仍会上涨。", [("周立", "汽车行业分析师", "海川证券", "speaker")]),
    ("远航汽车销售公司区域经理李强表示，订单增加。", [("李强", "区域经理", "远航汽车销售公司", "speaker")]),
    # a screen name in quotes between the title and the name
    ("平台头部主播“小鹿”陈晓鹿说，退货率下降了。", [("陈晓鹿", "头部主播", None, "speaker")]),
    ("雷霆战队打野选手吴昊说，对手很强。", [("吴昊", "打野选手", "雷霆战队", "speaker")]),
    # a title and its firm in brackets after the name: 律师 of 律师事务所 names the firm
    ("律师林涛（上海正言律师事务所合伙人）认为，条款无效。", [("林涛", "律师", "上海正言律师事务所", "speaker")]),
    # a duty (负责产品的) between the organisation and the title is no part of the organisation
    ("平台发布了新版本。周凯是云帆负责市场的副总裁，他表示，用户增长很快。",
     [("周凯", "副总裁", "云帆", "speaker")]),
    # ORG的FIELD行业TITLE: the field goes with the title, the firm stands before 的
    ("市场继续升温。赵宁是远见研究院的电商行业首席分析师，她认为，竞争会加剧。",
     [("赵宁", "电商行业首席分析师", "远见研究院", "speaker")]),
    # a surname + 师傅 is a form of address, no full name
    ("司机王师傅说，最近单子少了。", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_people(text, expected):
    got = [(p["name"], p["title"], p["org"], p["role"]) for p in find_people(text)]
    assert got == expected


def test_spans_cover_every_mention():
    text = "华信科技总裁陈思远表示，今年增长明显。陈思远还谈到了海外市场。"
    [person] = find_people(text)
    assert [text[s:e] for s, e in person["spans"]] == ["陈思远", "陈思远"]


def test_ner_persons_join_rule_people():
    text = "李娜在发布会上表示，新品很快上市。"
    people = find_people(text, entities=[(0, 2, "PERSON")])
    assert [(p["name"], p["title"], p["role"]) for p in people] == [("李娜", None, "speaker")]


@pytest.mark.parametrize("text,span", [
    ("MIX Fold发布了。", (0, 8)),          # Latin product name tagged PERSON by the model
    ("颜色越深的地方人越多。", (0, 4)),       # not a surname
    ("王丽娟在台上。", (0, 3)),              # once, silent: too weak without a title
    ("白皮书指出，市场规模很大。", (0, 3)),    # a common word that starts with a surname
    ("金橙物流今天开通新线路。金橙表示将扩建仓库。", (12, 14)),  # also written before 物流: a brand
])
def test_implausible_ner_persons_are_dropped(text, span):
    assert find_people(text, entities=[(*span, "PERSON")]) == []


def test_surname_and_address_merge_into_the_named_person():
    text = "小米集团董事长雷军宣布进军汽车。发布会后，雷总对记者说，这是最后一次创业。"
    [person] = find_people(text)
    assert person["aliases"] == ["雷总"] and person["role"] == "speaker"
    assert [text[s:e] for s, e in person["spans"]] == ["雷军", "雷总"]


def test_address_is_not_merged_when_two_people_share_the_surname():
    text = "星云科技总裁王海表示增长明显，云帆科技CEO王立指出竞争激烈。王总补充说……"
    people = find_people(text)
    assert [p["aliases"] for p in people] == [[], []]


def test_company_pronoun_takes_the_article_company_from_the_ner():
    text = "星河科技发布了季度财报。星河科技的营收增长了。公司首席财务官李娜表示，明年继续投入。"
    orgs = [(0, 4, "ORG"), (12, 16, "ORG")]
    assert [text[s:e] for s, e, _ in orgs] == ["星河科技", "星河科技"]
    [person] = find_people(text, orgs)
    assert (person["name"], person["title"], person["org"]) == ("李娜", "首席财务官", "星河科技")
    # without the NER's organisations the org stays unknown rather than guessed
    [person] = find_people(text)
    assert person["org"] is None


def test_the_article_company_can_come_from_another_speaker():
    text = "星河科技总裁李明表示，星河科技今年将扩大投入。首席财务官王芳称，现金流充足。"
    assert [(p["name"], p["org"]) for p in find_people(text)] == [("李明", "星河科技"), ("王芳", "星河科技")]


def test_the_article_company_can_come_from_the_headline():
    # the NER knows no 澜芯半导体; the headline opens with it and the article repeats it
    text = "澜芯半导体换帅：谭振宇出任总裁\n\n澜芯半导体昨日宣布人事变动。澜芯半导体表示，首席财务官孙丽华将留任。"
    [tan, sun] = find_people(text)
    assert (sun["name"], sun["title"], sun["org"]) == ("孙丽华", "首席财务官", "澜芯半导体")
    # a headline opening with a country names no company
    text = "中国5G基站超过百万\n\n中国的基站很多。中国移动首席技术官李明表示，中国会更快。"
    [person] = find_people(text)
    assert person["org"] == "中国移动"
