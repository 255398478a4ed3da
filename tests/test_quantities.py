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
    ("芯片采用5纳米工艺。", [("5纳米", 5, None, "纳米", False, None)]),
    ("速度提升了十倍。", [("十倍", 10, None, "倍", False, None)]),
    ("市场规模约1億4000萬美元。", [("1億4000萬美元", 140_000_000, None, "美元", True, "约")]),
    ("仓库面积达２２０００平方米。", [("２２０００平方米", 22000, None, "平方米", False, None)]),
    ("这款车的续航为520公里。", [("520公里", 520, None, "公里", False, None)]),
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
    # doubling idioms (GUIDELINES: 翻一番 → 倍, 1 or 2 accepted; newsie gives the factor)
    ("销量较去年翻了一番。", [("翻了一番", 2, None, "倍", False, None)]),
    ("营收翻了两番。", [("翻了两番", 4, None, "倍", False, None)]),
    ("芯片算力达到64TOPS。", [("64TOPS", 64, None, "TOPS", False, "达到")]),
    ("年出货量达到100万片。", [("100万片", 1_000_000, None, "片", False, "达到")]),
    # two amounts with one unit joined by 到: a range; 从…到… is a change unless 不等 follows
    ("手环售价99元到599元。", [("99元到599元", 99, 599, "元", False, None)]),
    ("价格从99元到599元不等。", [("99元到599元", 99, 599, "元", False, None)]),
    ("营收从10亿元增长到20亿元。", [("10亿元", 1_000_000_000, None, "元", False, None),
                                 ("20亿元", 2_000_000_000, None, "元", False, None)]),
    # 8GB+256GB is a combination, not "8GB or more"
    ("提供8GB+256GB版本。", [("8GB", 8, None, "GB", False, None), ("256GB", 256, None, "GB", False, None)]),
    ("全年起降超过12万架次。", [("12万架次", 120_000, None, "架次", True, "超过")]),
    # and a half
    ("电池可以坚持一天半。", [("一天半", 1.5, None, "天", False, None)]),
    ("调整期会持续一年到一年半。", [("一年到一年半", 1, 1.5, "年", False, None)]),
    ("项目历时两个半月。", [("两个半月", 2.5, None, "个月", False, None)]),
    # 分 after a measure word starts a noun, not the minutes of a clock time
    ("大会设3个分论坛。", [("3个", 3, None, "个", False, None)]),
    # 起 of 起售价 after a model number is no measure word
    ("新机Mate 20起售价3999元。", [("3999元", 3999, None, "元", False, None)]),
    ("全年发生20起事故。", [("20起", 20, None, "起", False, None)]),
    # a numeral inside a technical term counts nothing
    ("千兆宽带已覆盖全市。", []),
    ("采用三元锂电池。", []),
]

# more sentences, same shape as CASES: money, hedges and bounds
MORE_CASES = [
    ("项目总投资约2.5亿元。", [("2.5亿元", 250_000_000, None, "元", True, "约")]),
    ("本轮融资金额为5000万美元。", [("5000万美元", 50_000_000, None, "美元", False, None)]),
    ("演唱会门票价格为1,280元。", [("1,280元", 1280, None, "元", False, None)]),
    ("该基金规模达到30亿欧元。", [("30亿欧元", 3_000_000_000, None, "欧元", False, "达到")]),
    ("公司市值接近2000亿港元。", [("2000亿港元", 200_000_000_000, None, "港元", True, "接近")]),
    ("公司在全国拥有将近300家门店。", [("300家", 300, None, "家", True, "将近")]),
    ("现场观众大约500人。", [("500人", 500, None, "人", True, "大约")]),
    ("每天的订单量在3万单上下。", [("3万单", 30_000, None, "单", True, "上下")]),
    ("买家年龄大多在25岁左右。", [("25岁", 25, None, "岁", True, "左右")]),
    ("每月活跃用户逾3000万。", [("3000万", 30_000_000, None, None, True, "逾")]),
    ("已有超1000家商户接入。", [("1000家", 1000, None, "家", True, "超")]),
    ("园区规划面积至少3平方公里。", [("3平方公里", 3, None, "平方公里", False, "至少")]),
    ("每场入场人数在两万人以上。", [("两万人", 20_000, None, "人", False, "以上")]),
    ("整机重量在200克以下。", [("200克", 200, None, "克", False, "以下")]),
    ("全年交易额突破1000亿元。", [("1000亿元", 100_000_000_000, None, "元", False, "突破")]),
    ("该车型月销量达到8000辆。", [("8000辆", 8000, None, "辆", False, "达到")]),
    ("公司裁员一千余人。", [("一千余人", 1000, None, "人", True, "余")]),
    ("App下载量超过1.5亿次。", [("1.5亿次", 150_000_000, None, "次", True, "超过")]),
    ("平台上有两百多家品牌。", [("两百多家", 200, None, "家", True, "多")]),
    ("这场演唱会吸引了约3万名观众。", [("3万名", 30_000, None, "名", True, "约")]),
    ("这座桥耗资约十亿元。", [("十亿元", 1_000_000_000, None, "元", True, "约")]),
    ("公司估值为300亿美元左右。", [("300亿美元", 30_000_000_000, None, "美元", True, "左右")]),
    ("包裹重量不到5公斤。", [("5公斤", 5, None, "公斤", False, "不到")]),
    ("近五成用户选择了线上支付。", [("五成", 50, None, "%", True, "近")]),
    ("註冊用戶約兩萬人。", [("兩萬人", 20_000, None, "人", True, "約")]),
]

# falls, minus signs, percentages, fractions, multiples and ranges
SHAPE_CASES = [
    ("公司收入同比下降3.2%。", [("3.2%", 3.2, None, "%", False, None)]),
    ("经营利润为-1200万元。", [("-1200万元", -12_000_000, None, "元", False, None)]),
    ("毛利率为百分之二十五。", [("百分之二十五", 25, None, "%", False, None)]),
    ("员工工资上涨了百分之五点五。", [("百分之五点五", 5.5, None, "%", False, None)]),
    ("三分之二的受访者表示满意。", [("三分之二", pytest.approx(2 / 3), None, None, False, None)]),
    ("新品的性能提升了2.5倍。", [("2.5倍", 2.5, None, "倍", False, None)]),
    ("成本只有原来的一半。", [("一半", 50, None, "%", False, None)]),
    ("预计同比增长6%到9%。", [("6%到9%", 6, 9, "%", False, None)]),
    ("售价在4999到5999元之间。", [("4999到5999元", 4999, 5999, "元", False, None)]),
    ("每户可获补贴两三千元。", [("两三千元", 2000, 3000, "元", False, None)]),
    ("新厂的工期预计七八个月。", [("七八个月", 7, 8, "个月", False, None)]),
    ("贷款余额为2.7亿。", [("2.7亿", 270_000_000, None, None, False, None)]),
    ("公司营收为一千二百三十四万元。", [("一千二百三十四万元", 12_340_000, None, "元", False, None)]),
    ("营收为３．５亿元。", [("３．５亿元", 350_000_000, None, "元", False, None)]),
    ("市场规模为3千万元。", [("3千万元", 30_000_000, None, "元", False, None)]),
    ("已售出十五万台。", [("十五万台", 150_000, None, "台", False, None)]),
]

# units: sizes, weights, storage, power, people, measure words and durations
UNIT_CASES = [
    ("新工厂占地12万平方米。", [("12万平方米", 120_000, None, "平方米", False, None)]),
    ("大桥全长1,650米。", [("1,650米", 1650, None, "米", False, None)]),
    ("机身厚度仅为7.9毫米。", [("7.9毫米", 7.9, None, "毫米", False, None)]),
    ("线路全长约45公里。", [("45公里", 45, None, "公里", True, "约")]),
    ("工厂年产能为20万吨。", [("20万吨", 200_000, None, "吨", False, None)]),
    ("手机配备12GB内存和512GB存储。", [("12GB", 12, None, "GB", False, None),
                               ("512GB", 512, None, "GB", False, None)]),
    ("每位用户可获得2TB云盘空间。", [("2TB", 2, None, "TB", False, None)]),
    ("处理器主频为3.2GHz。", [("3.2GHz", 3.2, None, "GHz", False, None)]),
    ("电池容量达到5000mAh。", [("5000mAh", 5000, None, "mAh", False, "达到")]),
    ("充电功率为120W。", [("120W", 120, None, "W", False, None)]),
    ("共有5位嘉宾发表演讲。", [("5位", 5, None, "名", False, None)]),
    ("公司在全球拥有1.2万名员工。", [("1.2万名", 12_000, None, "名", False, None)]),
    ("工程师平均年龄为28岁。", [("28岁", 28, None, "岁", False, None)]),
    ("公司今年推出了3款新品。", [("3款", 3, None, "款", False, None)]),
    ("他们新建了两座数据中心。", [("两座", 2, None, "座", False, None)]),
    ("乐队今年举办了十场演出。", [("十场", 10, None, "场", False, None)]),
    ("他先后创业三次。", [("三次", 3, None, "次", False, None)]),
    ("公司获得了二十一项专利。", [("二十一项", 21, None, "项", False, None)]),
    ("产品覆盖180个国家和地区。", [("180个", 180, None, "个", False, None)]),
    ("本届展会会期为三天。", [("三天", 3, None, "天", False, None)]),
    ("新店试运营了六个月。", [("六个月", 6, None, "个月", False, None)]),
    ("直播持续了4小时。", [("4小时", 4, None, "小时", False, None)]),
    ("会议持续了两个小时。", [("两个小时", 2, None, "小时", False, None)]),
]

# measure words of news that clash with ordinals, names, clock times and other words
NEWS_UNIT_CASES = [
    # 期/代/级 count after a cue (分, 共分, 落后…), after 两, or before 免息 (qty_unit_cues)
    ("星座分三期部署，一期工程72颗卫星。", [("三期", 3, None, "期", False, None),
                                ("72颗", 72, None, "颗", False, None)]),
    ("寒假班共分三期，每期10节课。", [("三期", 3, None, "期", False, None),
                              ("10节课", 10, None, "节", False, None)]),
    ("项目将分两期建设。", [("两期", 2, None, "期", False, None)]),
    ("首销当天购买可享12期免息。", [("12期", 12, None, "期", False, None)]),
    ("这是一型两级液体运载火箭。", [("两级", 2, None, "级", False, None)]),
    ("差距缩小到两代以内。", [("两代", 2, None, "代", False, "以内")]),
    ("国产芯片落后三代。", [("三代", 3, None, "代", False, None)]),
    ("明年推出万亿级参数的模型。", [("万亿", 1_000_000_000_000, None, None, False, None)]),
    # 发, 门, 节, 字, 卡: measure words that also begin other words (qty_unit_words)
    ("建成后年产火箭可达30发。", [("30发", 30, None, "发", False, "可达")]),
    ("平台上线课程1500多门。", [("1500多门", 1500, None, "门", True, "多")]),
    ("这部小说约二十万字。", [("二十万字", 200_000, None, "字", True, "约")]),
    ("列车编组8节车厢。", [("8节", 8, None, "节", False, None)]),
    ("训练集群扩展到1.6万卡。", [("1.6万卡", 16_000, None, "卡", False, None)]),
    ("每个字符占2字节。", [("2字节", 2, None, "字节", False, None)]),
    ("补贴100万发放给商户。", [("100万", 1_000_000, None, None, False, None)]),
    # tokens and computing power (P counts only where 算力 is in the sentence)
    ("训练数据超过2.6万亿tokens。", [("2.6万亿tokens", 2_600_000_000_000, None, "tokens", True, "超过")]),
    ("日均调用量突破200亿tokens。", [("200亿tokens", 20_000_000_000, None, "tokens", False, "突破")]),
    ("首期算力规模为500P左右。", [("500P", 500, None, "P", True, "左右")]),
    ("算力达到1000P，支持1080P视频分析。", [("1000P", 1000, None, "P", False, "达到")]),
    # scores (分 after an Arabic figure that is no clock time)
    ("模型在评测中取得82.7分。", [("82.7分", 82.7, None, "分", False, None)]),
    ("信用分达到650分以上的用户免押金。", [("650分", 650, None, "分", False, "达到")]),
    ("考生成绩在600分以上。", [("600分", 600, None, "分", False, "以上")]),
    ("这台手机跑出了43.6万分。", [("43.6万分", 436_000, None, "分", False, None)]),
    ("全程耗时4分多钟。", [("4分多钟", 4, None, "分钟", True, "多")]),
    ("预计用时3小时20分。", [("3小时", 3, None, "小时", False, None)]),
    # 千/兆 that begin a unit stay with the unit (220千伏 is 220 kV, not 220000 伏)
    ("两座220千伏变电站。", [("两座", 2, None, "座", False, None), ("220千伏", 220, None, "千伏", False, None)]),
    ("电站装机10万千瓦。", [("10万千瓦", 100_000, None, "千瓦", False, None)]),
    ("储能容量为100千瓦时。", [("100千瓦时", 100, None, "千瓦时", False, None)]),
    ("整车重5千克。", [("5千克", 5, None, "千克", False, None)]),
    ("光伏电站规模为100兆瓦。", [("100兆瓦", 100, None, "兆瓦", False, None)]),
    ("一次性付款1兆美元。", [("1兆美元", 1_000_000_000_000, None, "美元", False, None)]),
    ("营收三点五亿元。", [("三点五亿元", 350_000_000, None, "元", False, None)]),
    # traditional characters
    ("較上屆多出15個百分點。", [("15個百分點", 15, None, "个百分点", False, None)]),
    ("市值兩點五億港元。", [("兩點五億港元", 250_000_000, None, "港元", False, None)]),
    ("營收約新台幣6500萬元。", [("6500萬元", 65_000_000, None, "元", True, "約")]),
    ("累計售出3臺。", [("3臺", 3, None, "台", False, None)]),
    ("投資將近300萬港元。", [("300萬港元", 3_000_000, None, "港元", True, "將近")]),
    # durations: 为期四日, 半年, 一个半小时; 时间 after a duration is no clock time
    ("创新科技周為期四日。", [("四日", 4, None, "天", False, None)]),
    ("配对会为期两日。", [("两日", 2, None, "天", False, None)]),
    ("团队用了不到半年就完成了归零。", [("半年", 0.5, None, "年", False, "不到")]),
    ("平台承诺半小时内送达。", [("半小时", 0.5, None, "小时", False, None)]),
    ("会议持续了一个半小时。", [("一个半小时", 1.5, None, "小时", False, None)]),
    ("首届大会4天时间里吸引了2.8万人次。", [("4天", 4, None, "天", False, None),
                                ("2.8万人次", 28_000, None, "人次", False, None)]),
    ("除夕和大年初一两天，直播课暂停。", [("两天", 2, None, "天", False, None)]),
    # a hedge before the whole of which the number is a share: 接近课程时长的九成
    ("观看时长接近课程时长的九成。", [("九成", 90, None, "%", True, "接近")]),
    ("营收超过去年的两倍。", [("两倍", 2, None, "倍", True, "超过")]),
    # a colloquial estimate, and the satellites of 一箭N星
    ("今年會請多十個八個工程師。", [("十個八個", 8, 10, "个", True, None)]),
    ("火箭一箭六星发射成功。", [("六星", 6, None, "颗", False, None)]),
    ("长征火箭一箭双星入轨。", [("双星", 2, None, "颗", False, None)]),
    # a listed word that begins after the number's start is part of the number
    ("融资三千万不是问题。", [("三千万", 30_000_000, None, None, False, None)]),
    # 支 counts after a single digit too (一支 stays the indefinite); 支持 is no 支
    ("两支队伍获得一等奖。", [("两支", 2, None, "支", False, None)]),
    ("三支球队晋级决赛。", [("三支", 3, None, "支", False, None)]),
    ("活动吸引了一万支持者。", [("一万", 10_000, None, None, False, None)]),
    # 路 counts feeds and columns where a cue licenses it (视频/监控… in the sentence, 分 before)
    ("汇聚视频资源超过1.5万路。", [("1.5万路", 15_000, None, "路", True, "超过")]),
    ("平台接入32路监控摄像头。", [("32路", 32, None, "路", False, None)]),
    ("大军兵分三路。", [("三路", 3, None, "路", False, None)]),
    # a month or day follows a numeral, never a unit or a multiplier: 月活 and 日活 are no dates
    ("游戏收入YoY跌6.3% 月活跃用户增长4.1%。", [("6.3%", 6.3, None, "%", False, None),
                                     ("4.1%", 4.1, None, "%", False, None)]),
    ("微信拥有10亿月活跃用户。", [("10亿", 1_000_000_000, None, None, False, None)]),
    ("售价3000元 月销1万台。", [("3000元", 3000, None, "元", False, None),
                         ("1万台", 10_000, None, "台", False, None)]),
]

# temperatures below zero, a written minus, tenths with a digit, loose ranges
SIGN_RANGE_CASES = [
    ("芯片在零下30摄氏度至零上45摄氏度的环境中均保持稳定。",
     [("零下30摄氏度至零上45摄氏度", -30, 45, "摄氏度", False, None)]),
    ("工作温度为零下30至零下10摄氏度。", [("零下30至零下10摄氏度", -30, -10, "摄氏度", False, None)]),
    ("当地气温降至零下5℃。", [("零下5℃", -5, None, "℃", False, None)]),
    ("当晚气温为零下三十度。", [("零下三十度", -30, None, "度", False, None)]),
    ("电池可在负20摄氏度下工作。", [("负20摄氏度", -20, None, "摄氏度", False, None)]),
    ("夜间温度为-10°C。", [("-10°C", -10, None, "℃", False, None)]),
    ("增速为负1.5%。", [("负1.5%", -1.5, None, "%", False, None)]),
    ("高某自负六成责任。", [("六成", 60, None, "%", False, None)]),
    ("球队所负三场均是强队。", [("三场", 3, None, "场", False, None)]),
    ("测量误差为正负0.5%。", [("0.5%", 0.5, None, "%", False, None)]),
    ("约三成五的用户选择续费。", [("三成五", 35, None, "%", True, "约")]),
    ("好评率达到九成半。", [("九成半", 95, None, "%", False, "达到")]),
    ("七成二手房交易在线上完成。", [("七成", 70, None, "%", False, None)]),
    ("这项技术还需要三五年才能成熟。", [("三五年", 3, 5, "年", False, None)]),
    ("每次只来三五个人。", [("三五个", 3, 5, "个", False, None)]),
    ("参赛者多是十五六岁的学生。", [("十五六岁", 15, 16, "岁", False, None)]),
    ("他今年二十七八岁。", [("二十七八岁", 27, 28, "岁", False, None)]),
    ("每台售价一千七八百元。", [("一千七八百元", 1700, 1800, "元", False, None)]),
]

# rates (unit/unit), storage units, Taiwan spellings, packaging measure words, games, bounds
RATE_UNIT_CASES = [
    ("宽带资费降到99元/月左右。", [("99元/月", 99, None, "元/月", True, "左右")]),
    ("套餐价格在60元/月上下。", [("60元/月", 60, None, "元/月", True, "上下")]),
    ("主流资费在200元/年以上。", [("200元/年", 200, None, "元/年", False, "以上")]),
    ("接管率降至0.8次/千公里。", [("0.8次/千公里", 0.8, None, "次/千公里", False, None)]),
    ("目标是2.5次/百公里以下。", [("2.5次/百公里", 2.5, None, "次/百公里", False, "以下")]),
    ("写字楼租金为6元/平米。", [("6元/平米", 6, None, "元/平方米", False, None)]),
    ("内存组合为12GB/512GB。", [("12GB", 12, None, "GB", False, None)]),
    ("每百公里故障1.5次，每千公里0.2次。", [("百公里", 100, None, "公里", False, None),
                                     ("1.5次", 1.5, None, "次", False, None),
                                     ("千公里", 1000, None, "公里", False, None),
                                     ("0.2次", 0.2, None, "次", False, None)]),
    ("平台存储的数据已接近2.3EB。", [("2.3EB", 2.3, None, "EB", True, "接近")]),
    ("单集群容量达到15PB。", [("15PB", 15, None, "PB", False, "达到")]),
    ("全球数据量将达到175ZB。", [("175ZB", 175, None, "ZB", False, "达到")]),
    ("該廠以7奈米製程為主。", [("7奈米", 7, None, "纳米", False, None)]),
    ("12奈米及以下製程需求強勁。", [("12奈米", 12, None, "纳米", False, "以下")]),
    ("5纳米及以上工艺。", [("5纳米", 5, None, "纳米", False, "以上")]),
    ("首批2万箱脐橙一上架就售罄。", [("2万箱", 20_000, None, "箱", False, None)]),
    ("月饼礼盒销量超过6万盒。", [("6万盒", 60_000, None, "盒", True, "超过")]),
    ("当天卖出3000瓶酱油和500袋大米。", [("3000瓶", 3000, None, "瓶", False, None),
                                   ("500袋", 500, None, "袋", False, None)]),
    ("主队在落后的情况下连下两局。", [("两局", 2, None, "局", False, None)]),
    ("工業用晶片占兩成多。", [("兩成多", 20, None, "%", True, "多")]),
    ("手机营收占比三成多。", [("三成多", 30, None, "%", True, "多")]),
    ("他提前三天就到了现场。", [("三天", 3, None, "天", False, None)]),
    ("团队提前一个月开始筹备。", [("一个月", 1, None, "个月", False, None)]),
    ("计划把PUE降到1.25以下。", [("1.25", 1.25, None, None, False, "以下")]),
    # Taiwan units, and 買超/賣超 (net buying or selling) is no hedge
    ("新店面積約80坪。", [("80坪", 80, None, "坪", True, "約")]),
    ("機身厚度僅0.8公分，跑道長400公尺。", [("0.8公分", 0.8, None, "公分", False, None),
                                    ("400公尺", 400, None, "公尺", False, None)]),
    ("每包重250公克，年產3萬公噸。", [("250公克", 250, None, "公克", False, None),
                                 ("3萬公噸", 30_000, None, "公吨", False, None)]),
    ("外資昨天買超2.5萬張。", [("2.5萬張", 25_000, None, "张", False, None)]),
    ("投信賣超800張。", [("800張", 800, None, "张", False, None)]),
    ("外資持股超過5萬張。", [("5萬張", 50_000, None, "张", True, "超過")]),
]


# measure words for episodes, pairs and departments; 日 as a duration before 内; hedges that
# reach over a phrase (约为…的, 约占…的) or follow 还; 约 inside 签约 is no hedge
PATTERN_CASES = [
    ("这部剧共拍了40余集。", [("40余集", 40, None, "集", True, "余")]),
    ("双方应在判决生效之日起十五日内付清款项。", [("十五日内", 15, None, "天", False, None)]),
    ("报名者须在7日之内提交材料。", [("7日", 7, None, "天", False, None)]),
    ("春运期间每天开行高铁300对。", [("300对", 300, None, "对", False, None)]),
    ("展位面積約60平方公尺。", [("60平方公尺", 60, None, "平方米", True, "約")]),
    ("工信部等五部门联合发文。", [("五部门", 5, None, "部门", False, None)]),
    ("十部委联合印发通知。", [("十部委", 10, None, "部委", False, None)]),
    ("出口额约为同期进口额的2.5倍。", [("2.5倍", 2.5, None, "倍", True, "约")]),
    ("外资企业约占全市企业总数的四分之一。", [("四分之一", 0.25, None, None, True, "约")]),
    ("注册用户翻了一番还多。", [("翻了一番", 2, None, "倍", True, "多")]),
    ("营收是去年的三倍还多。", [("三倍还多", 3, None, "倍", True, "多")]),
    ("公司今年签约20个项目。", [("20个", 20, None, "个", False, None)]),
    ("签约金额是去年的3倍。", [("3倍", 3, None, "倍", False, None)]),
    # 两月: 两 writes no month, so 月 alone is a span; a hedged span after 这 is an amount
    ("新规实施满两月，效果初显。", [("两月", 2, None, "月", False, None)]),
    ("这一个多月，团队跑遍了全国。", [("一个多月", 1, None, "个月", True, "多")]),
    # ranges: a bare low end before 至 with a Latin word after the unit; tenths written once;
    # two adjacent digits before a word-forming measure word
    ("计划建设3至5个AI实验室。", [("3至5个", 3, 5, "个", False, None)]),
    ("利润率提升了一到两成。", [("一到两成", 10, 20, "%", False, None)]),
    ("每名骑手每天要跑七八单。", [("七八单", 7, 8, "单", False, None)]),
    # a rate per watt
    ("该芯片能效比达到3TOPS/W。", [("3TOPS/W", 3, None, "TOPS/W", False, "达到")]),
    # after a copula, nothing or a span word before 一年 keeps it a duration
    ("合同期限是整整一年。", [("一年", 1, None, "年", False, None)]),
    ("保修期为一年。", [("一年", 1, None, "年", False, None)]),
    # a demonstrative that sums up a list right before it counts
    ("北京、上海和深圳这三座城市房价最高。", [("三座", 3, None, "座", False, None)]),
    # a hedge a few words before a multiple reaches over the compared phrase, 的 or not
    ("这款理财产品收益近定期存款5倍。", [("5倍", 5, None, "倍", True, "近")]),
    ("新店客流接近其3倍。", [("3倍", 3, None, "倍", True, "接近")]),
    ("最近营收增长了4倍。", [("4倍", 4, None, "倍", False, None)]),
    # measure words 处 (places) and 步 (steps)
    ("全市新设充电站约600处。", [("600处", 600, None, "处", True, "约")]),
    ("他每天坚持走1万步。", [("1万步", 10000, None, "步", False, None)]),
    # a range after 后 is an amount, not "the next one"
    ("新规发布后一到三个月内执行。", [("一到三个月", 1, 3, "个月", False, None)]),
    # 一天/一年 + a modal is a rate frame ("per day"); the count after it stays
    ("客服一天要接八十个电话。", [("八十个", 80, None, "个", False, None)]),
    # 提前半年 (not 前半年), 半个多小时 hedged by 多, the measure word 盘, the session name
    # 届…N次会议, a hedge right before 翻了两番
    ("新线比计划提前半年通车。", [("半年", 0.5, None, "年", False, None)]),
    ("她在展台前排了半个多小时。", [("半个多小时", 0.5, None, "小时", True, "多")]),
    ("他和教练下了三盘围棋。", [("三盘", 3, None, "盘", False, None)]),
    ("市第九届人大五次会议今天闭幕。", []),
    ("这个协会去年开了五次会议。", [("五次", 5, None, "次", False, None)]),
    ("五年来用户规模约翻了两番。", [("五年", 5, None, "年", False, None), ("翻了两番", 4, None, "倍", True, "约")]),
]


@pytest.mark.parametrize("text,expected", CASES + MORE_CASES + SHAPE_CASES + UNIT_CASES + NEWS_UNIT_CASES
                         + SIGN_RANGE_CASES + RATE_UNIT_CASES + PATTERN_CASES)
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

# more sentences with no quantity: dates, clock times, ordinals, names and terms, indefinite 一
MORE_NEGATIVES = [
    "2023年3月15日，公司发布了财报。",
    "会议在下午3点举行。",
    "活动于晚上7:30开始。",
    "凌晨两点，系统完成升级。",
    "下午三点半，发布会开始。",
    "3月8号是妇女节。",
    "去年10月份，公司启动了新项目。",
    "4月28日，大会在北京开幕。",
    "他们在7月1日发布新版本。",
    "新华社北京4月30日电",
    "公司于2015年成立。",
    "苹果发布了iPhone 15系列。",
    "华为Mate 60在国内热销。",
    "小米14正式发布。",
    "微软发布了Windows 11。",
    "iPad Pro搭载M2芯片。",
    "特斯拉Model 3再次降价。",
    "三星Galaxy S24开始预售。",
    "这款手机支持Wi-Fi 7。",
    "该车搭载了L2级辅助驾驶。",
    "他在比赛中获得第一名。",
    "公司排名全国第三。",
    "这是他第二次来中国。",
    "第十届世界互联网大会开幕。",
    "双11购物节即将到来。",
    "双十一期间快递量激增。",
    "十一假期即将到来。",
    "美团是一家O2O平台。",
    "他们采用了B2B模式。",
    "5G技术推动了产业升级。",
    "运营商开始测试6G。",
    "3C产品销量稳定。",
    "618期间优惠力度很大。",
    "00后成为消费主力。",
    "G20峰会在杭州举行。",
    "12306网站售票火爆。",
    "十四五规划明确了发展目标。",
    "一带一路倡议得到广泛响应。",
    "他讲了一个故事。",
    "这是一种全新的体验。",
    "这是一次成功的尝试。",
    "他是一位资深工程师。",
    "他说这是一个好的开始。",
    "一方面，市场需求在增长。",
    "一些企业开始转型。",
    "我们有多个合作伙伴。",
    "他们去过几个国家。",
    "许多用户表示满意。",
    "他一直在坚持创新。",
    "一起来看看吧。",
    "这家公司一度陷入困境。",
    "这个问题万万不能忽视。",
    "周一，科技股普遍上涨。",
    "星期三将召开股东会议。",
    "扫描二维码即可支付。",
    "万达集团发布了年报。",
    "他们千方百计提高效率。",
    "A股市场迎来反弹。",
]

# ordinals and names written with 期/代/级, clock minutes, names, words that begin with a unit
ORDINAL_NEGATIVES = [
    "一期工程已经开工。",
    "二期工程计划于年底启动。",
    "他透露，二期、三期工程将分别建设算力中心。",
    "科學園第三期擴建工程預計完成。",
    "机构发布了最新一期经营数据。",
    "该车搭载L4级自动驾驶系统。",
    "一子级和二子级分别采用液氧甲烷发动机。",
    "公司推出了第二代产品。",
    "新一代模型比上一代更快。",
    "他们送往三级医院救治。",
    "这是苹果的三代产品。",
    "上午9点30分，发布会开始。",
    "北京时间14时37分，火箭点火。",
    "记者凌晨两点十五分赶到现场。",
    "公司在香港四季酒店举行业绩发布会。",
    "这种说法由来已久，三分天下的格局已定。",
    "新机支持1080P视频录制。",
    "預計四日入場人次創新高。",
    "华为Mate 60发布后备受关注。",
    "大会设12分会场。",
    "今年前三季營收大增。",
    "公司上半年营收增长。",
    "公司发布了半年报。",
    # version numbers, bus routes, idioms and names with 三五
    "新模型比1.0版本快得多。",
    "升级到2.5版后更稳定。",
    "乘坐3路公交车到达会场。",
    "三五成群的游客涌入展馆。",
    "三五互联发布了年报。",
    # 局 as a bureau (a company name), 盒/瓶/箱 beginning other words, the indefinite 一
    "中建三局承建了该项目。",
    "中铁二局中标新线路。",
    "公司在全国开设了盒马门店。",
    "芯片产能成为行业瓶颈。",
    "他们在先失一局的情况下顶住了压力。",
    "前一周的数据还没有公布。",
]


# 几 names no number; a price class (千元机) is a term; a day of a month before 内 is a date
PATTERN_NEGATIVES = [
    "拍一部电影要花几千万。",
    "千元智能机的销量大增。",
    "结果将于5月10日内公布。",
    "集团对此没有回应。",
    # emphatic "not even one"; "a year that is…" after a copula; idioms and sport names;
    # a demonstrative pointing back to things named before
    "这场直播一秒都不能卡。",
    "明年将是公司转型的关键一年。",
    "又到一年毕业季。",
    "她参加了冬季两项比赛。",
    "今年这两项开支都将增加。",
    # a report named by its quarter; a fund term; a per-day frame
    "公司披露的一季报显示业绩回暖。",
    "该基金万份收益有所下降。",
    "他一天能看完整本书。",
    "下一步将扩大试点。",
]


@pytest.mark.parametrize("text", NEGATIVES + MORE_NEGATIVES + ORDINAL_NEGATIVES + PATTERN_NEGATIVES)
def test_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text,subject_part", [
    ("公司在12个城市开通了城市服务。", "城市"),
    ("支付宝移动端用户数已经达到2.7亿。", "用户数"),
    ("第三季度核销率为32%。", "核销率"),
    ("该公司营收同比增长8%至1611.2亿元。", "营收"),
    ("近80%的用户认可这项功能。", "用户"),
    ("今年新开门店共33家。", "门店"),
    ("门店数量不到两百家。", "门店"),
    ("平台吸引了近千万用户。", "用户"),
    ("全年营收约15亿元。", "营收"),
    ("公司在全国开设了300家门店。", "门店"),
    ("手机电池容量为5000mAh。", "电池"),
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


# Patterns from the c86–c94 blind articles, in invented sentences; values worked out by hand.
BLIND_PATTERN_CASES = [
    ("超百企业参展。", [("百", 100, None, None, True, "超")]),  # a hedge + 百 alone, no measure word
    ("早市上2元一斤萝卜。", [("2元", 2, None, "元", False, None)]),  # 一斤 after a price: per 斤
    ("从下月起运费上调一到两成。", [("一到两成", 10, 20, "%", False, None)]),  # 从…起 is no 从A到B
    ("我们试用了这三款耳机。", [("三款", 3, None, "款", False, None)]),  # an object after 了
    ("这位棋手执白贴6目半。", [("6目半", 6.5, None, "目", False, None)]),
    ("这盘棋双方共弈150手。", [("150手", 150, None, "手", False, None)]),
    ("三局比赛都在周末进行。", [("三局", 3, None, "局", False, None)]),
    ("旺季每天能接三十来单。", [("三十来单", 30, None, "单", True, "来")]),
    ("该园区规划机架5万架。", [("5万架", 50000, None, "架", False, None)]),
    ("能耗比从1.6降到了1.3，成本随之下降。", [("1.6", 1.6, None, None, False, None),
                                            ("1.3", 1.3, None, None, False, None)]),
    ("新机房的能耗比控制在1.25以下，", [("1.25", 1.25, None, None, False, "以下")]),
    ("“十分钟就卖完了”", [("十分钟", 10, None, "分钟", False, None)]),  # 十分 (very) is no part
    ("买了两斤半苹果。", [("两斤半", 2.5, None, "斤", False, None)]),
]

BLIND_PATTERN_NEGATIVES = [
    "可能的组合多达2的64次方。",  # a power
    "这是一款3V3竞技游戏。",  # a game mode
    "商场五层新开了一家书店。",  # a floor
    "从1000来看，差距不大。",  # 来 with no measure word
    "今年这两项支出还会增加。",  # a demonstrative subject points back
]


@pytest.mark.parametrize("text,expected", BLIND_PATTERN_CASES)
def test_blind_patterns(text, expected):
    found = find_quantities(text)
    assert [(q["text"], q["value"], q["value_max"], q["unit"], q["approx"], q["qualifier"]) for q in found] == expected


@pytest.mark.parametrize("text", BLIND_PATTERN_NEGATIVES)
def test_blind_pattern_negatives(text):
    assert find_quantities(text) == []
