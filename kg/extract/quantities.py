"""Quantities: value normalised to base units, QUDT unit, indicator, period, comparison, source.

Years, dates, ordinals (第N), durations (N个月, N年) and list numbering are not quantities.
Titles are never read (the aggregator lost decimal points in titles: 107% for 10.7%).
"""
from __future__ import annotations

import bisect
import datetime
import re
from decimal import Decimal

from .. import gazetteer
from ..model import Mention, Quantity, Records, Span
from ..readers.frontmatter import day_in_china
from .base import Context, FunctionExtractor
from .numbers import parse_arabic, parse_chinese, scale
from . import table_figures
from .periods import period_dates

NAME = "quantities"
VERSION = "86"
TAG = f"{NAME}@{VERSION}"
HAN = r"\u4e00-\u9fff"

NUM = r"(?P<num>[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?)"
CNUM = r"(?P<cnum>[零〇一二两三四五六七八九十百千万]+)"
SCALE = r"(?P<scale>万亿|千亿|百亿|亿|千万|百万|万|千)?"
CURRENCIES = {"元": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD",
              "日元": "JPY", "英镑": "GBP", "韩元": "KRW", "卢布": "RUB", "加元": "CAD", "加拿大元": "CAD",
              "澳元": "AUD", "新加坡元": "SGD", "新台币": "TWD", "瑞士法郎": "CHF", "美金": "USD"}
# a currency named before the figure: 港币1000万元 is HKD 10 million, not CNY
_CURRENCY_BEFORE = re.compile("(?:" + "|".join(sorted((c for c in CURRENCIES if c != "元"), key=len, reverse=True)) + ")$")
# 1000万元港币: the currency named after 元 (人民币 after 元 changes nothing)
_CURRENCY_AFTER = re.compile("(?:" + "|".join(sorted((c for c in CURRENCIES if c not in ("元", "人民币")),
                                                    key=len, reverse=True)) + ")")
# energy and power are normalised to kWh and kW, so figures written in GWh, MW or 亿千瓦时 compare
MEASURES = {"万吨": ("TONNE", 1e4), "吨": ("TONNE", 1), "平方米": ("M2", 1), "平方公里": ("KiloM2", 1),
            "公里": ("KiloM", 1), "千米": ("KiloM", 1), "亩": ("MU", 1), "公顷": ("HA", 1), "千瓦时": ("KiloW-HR", 1),
            "兆瓦时": ("KiloW-HR", 1e3), "吉瓦时": ("KiloW-HR", 1e6),
            "GWh": ("KiloW-HR", 1e6), "MWh": ("KiloW-HR", 1e3), "kWh": ("KiloW-HR", 1),
            "千瓦": ("KiloW", 1), "兆瓦": ("KiloW", 1e3), "吉瓦": ("KiloW", 1e6),
            "GW": ("KiloW", 1e6), "MW": ("KiloW", 1e3), "kW": ("KiloW", 1), "立方米": ("M3", 1),
            # 斤 is the market jin, half a kilogram (粮食总产量13657亿斤)
            "公斤": ("KiloGM", 1), "千克": ("KiloGM", 1), "斤": ("KiloGM", 0.5), "升": ("L", 1),
            "米": ("M", 1), "厘米": ("M", 0.01), "毫米": ("M", 0.001), "平米": ("M2", 1), "载重吨": ("TONNE", 1)}
COUNTERS = "个|家|项|座|条|件|份|人次|艘次|架次|班次|车次|标箱|用户|客位|列|人|户|名|位|所|套|批|款|只|台|辆|架|艘|种|类|类别|宗|起|例|处|间|栋|张|笔|支|场|部门|国|省|县|城市|地区|剂|株|头|棵|亩次|单|篇|部|册"
_CURRENCY = "|".join(sorted(CURRENCIES, key=len, reverse=True))
# Latin unit symbols in any case (76.90GWH, 750mw); Chinese ones as written
_MEASURE_CASELESS = {k.lower(): v for k, v in MEASURES.items() if k.isascii()}
# (升 is also the verb rise: 6.4升至, 指数升0.3%)
_MEASURE = ("|".join(sorted((k if k != "升" else "升(?![至到了幅值级高0-9０-９.])" for k in MEASURES if not k.isascii()),
                            key=len, reverse=True))
            + "|(?i:" + "|".join(sorted(_MEASURE_CASELESS, key=len, reverse=True)) + ")")

# a number is tried only from the start of its run of digits (or numerals): tried from every
# position, a 16,000-digit line took 33 s (each start scans the rest of the run, then fails)
# people a scaled figure counts with no counter: 3亿农民工, 15万军队, 100万维吾尔人
_PEOPLE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:农民工|毕业生|群众|居民|学生|游客|旅客|用户|网民|儿童|老人|人口|军队|"
                     r"员工|职工|工人|农民|市民|患者|考生|人)")
_PATTERN = re.compile(
    rf"(?P<prefix>第|前|近|约|超|超过|逾|达|约合)?(?:(?<![0-9０-９.．]){NUM}|(?<![零〇一二两三四五六七八九十百千万]){CNUM})(?P<approx>余|多)?"
    # (人民币 5000 万元: one space may stand between a figure and its scale or unit)
    rf"(?:(?<=[0-9]) (?=[万亿千%元美欧港日英吨个家人]))?{SCALE}(?(approx)|(?:余|多)?)"
    rf"(?:(?P<pp>个百分点)|(?P<pct>[%％])|(?P<pml>‰|个千分点)|(?P<times>倍)|(?P<cur>(?:{_CURRENCY})(?:人民币)?)|(?P<meas>{_MEASURE})"
    rf"|(?P<cnt>(?:多)?(?:{COUNTERS}))"
    # 用电量3830万度: 度 after 万/亿 is kilowatt-hours (a temperature or an angle never takes 万)
    rf"|(?<=[万亿])(?P<kwh>度)"
    # 公款1.69亿, 毕业生达1076万: a scaled figure with no unit after it
    rf"|(?<=[万亿])(?P<bare>(?=[，。；：、,;:\s）)]|的|$|左右|以上))"
    # 中国有近3亿农民工, 集结15万军队: a scaled count of people, named right after it
    rf"|(?<=[万亿])(?P<people>(?={_PEOPLE.pattern})))")
# 五六万元, 二三百人, 三四个: two adjacent digits are a rough range, not a figure
_APPROXIMATE = re.compile("[一二两三四五六七八九]{2}")
# the lower bound of a range written before the figure: 8万-10万吨, 240亿—260亿元, 8-10万吨
_RANGE_LOW = re.compile(r"(?P<num>[0-9]+(?:\.[0-9]+)?)(?P<scale>万亿|亿|万)?\s*[-—–~～至到]\s*$")
# (今年/去年 are part of the period: 去年1-4月 is not this year's, and kg:periodStart says so)
_PERIOD = re.compile(r"“?十[一二三四五]五”?(?:期间|时期)"        # “十四五”期间: a five-year plan's years
                     # 5年来, 近五年来, 过去10年以来: the years up to when it was told (as written, no dates)
                     # (not 录得五年来最高水平: a record's span, not the figure's period)
                     r"|(?:近|过去)?(?:\d{1,2}|[一二三四五六七八九十两]{1,3})年(?:以来|来)(?![看说讲最首新]|的?(?:最|首|新高|新低))"
                     r"|(?:截至|截止到?)?目前|当前(?=[，,])"            # as of the article's day
                     r"|(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日[-—~～至到](?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日"   # 4月1日至8月31日
                     r"|(?:19|20)\d{2}年\d{1,2}月[-—~～至到](?:19|20)\d{2}年\d{1,2}月份?"   # 2015年8月至2018年8月
                     r"|(?:19|20)\d{2}年?[-—~～至到](?:19|20)\d{2}年"          # 2016~2019年, 2000年-2009年
                     r"|(?:截至|截止到?)(?:(?:19|20)\d{2}年|今年|去年|上年)?(?:\d{1,2}月(?:\d{1,2}日)?(?:末|底)?|(?<=年)(?:末|底))"
                     r"|(?:(?:19|20)\d{2}年|今年|去年|上年|明年)?(?:前?[一二三四]季度(?:末)?|上半年|下半年|全年(?!目标|预期|计划|任务)|年末|年底|前(?:\d{1,2}|[二两三四五六七八九十]|十[一二])个?月(?!\d{1,2}日)|\d{1,2}月?[-—–至~～]\d{1,2}月|"
                     r"\d{1,2}月份?(?:末|底|初|[上中下]旬|\d{1,2}日)?|1[-—]\d{1,2}月)"
                     r"|(?:19|20)\d{2}年(?:末|底|初)?|(?<![比较于是与过当])(?:今年|去年|上年)(?:末|底)?(?![同初])")
# the bases a figure is compared with, as written: 同比, 比上月, 比3月份, 较上年同期, 比2019年1—11月份
_BASE_TIME = (r"(?:(?:19|20)\d{2}年|去年|上年|今年)?(?:全年|同期|上半年|下半年|[一二三四]季度|年末|年初|年底|末|"
              r"(?:\d{1,2}月?[—\-－~至到])?\d{1,2}月份?(?:\d{1,2}日)?(?:末|底)?)(?!\d{1,2}日|份)|"
              r"上月末?|上一?个?月|前一个?月|上季末|上一?季度|上周|去年|上一?年|(?:19|20)\d{2}年")
_COMPARE = re.compile(r"比(?:(?:19|20)\d{2}年|上年|去年)(?:执行数|决算数)|同比|环比|两年平均|年均|"
                      rf"(?:比|较)(?:{_BASE_TIME})")
_SOURCE = re.compile(rf"(?:根据|(?<![数依证占根])据)(?P<src>[{HAN}A-Za-z]{{2,12}}?(?:统计|数据|发布|公布|显示))|"
                     # (记者从国家税务总局获悉, 从海关总署了解到: what the body told)
                     rf"(?:从|自)(?P<src3>[{HAN}A-Za-z]{{2,16}}?)(?:获悉|了解到|得知)|"
                     rf"(?:^|(?<=[，。；：\n]))(?P<src2>[{HAN}A-Za-z]{{2,12}}?)"
                     # (工信部5月31日发布的数据显示, 国家统计局上午发布的, 联盟最新发布的, 统计局发布1-2月经济运行数据显示,
                     # 国家统计局的最新数据显示)
                     rf"的?(?:日前|近日|今天|今日|昨天|昨日|上午|下午|\d{{1,2}}月\d{{1,2}}日)?(?:最新)?"
                     rf"(?:(?:公布|发布)(?:的|了)?(?:[^，。；\d]{{0,4}}?\d{{1,2}}[-—至~]?\d{{0,2}}月份?[\u4e00-\u9fff]{{0,6}}?)?)?"
                     rf"(?:最新)?(?P<kind>数据|统计)(?:也|还|则)?显示")
# 从36.67元跌至, 由3.14亿元升至, 从69.8%提高至: a figure the value changed from (超50亿元项目 is a
# kind of project, and stays)
_HOLDS_AMOUNT = re.compile(r"\d(?:[.,]\d+)?(?:万亿|亿|万|千)?(?:元|美元|%|％|吨)"
                           r"(?:[飙攀跃暴大猛骤下上]?[跌升涨增降减]|[+＋—–-]|调整|提高|提升|下调|上调|回落|回升|扩大|缩小|至|到)")
_ENDS_WITH_AMOUNT = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿]+(?:元|%|％|吨|个|人|家)$|"
                               r"\d(?:万亿|亿|万|千)[\u4e00-\u9fff]?$|\d[剂辆台套件只头张份例次]$")     # 超过1700万剂和
# a lead character is stripped only where it does not open a word (比亚迪, 以上, 从业人员, 对外贸易,
# 有色金属, 在岗职工, 以色列: the indicator keeps them)
# a verb of change right before the figure makes it a change, up or down (同比下降2.7%, 减少0.59亿元,
# 市值蒸发6万亿); before 至/到 the figure is the level reached (下降至2.7%) and has no direction
# (an approximation may stand between: 增长近10%, 下降约3%)
_APPROX_LEAD = r"了?(?:近|约|超过|超|逾|达到|达)?$"
_DOWN = re.compile(r"(?:下降|下跌|减少|降低|回落|收窄|缩小|缩减|蒸发|下滑|缩水|下调|调降|跌|降|(?<!最)低)" + _APPROX_LEAD)
_UP = re.compile(r"(?:增长|上涨|增加|提高|回升|扩大|上升|上扬|提升|上调|调升|涨|增|(?<!最)高(?!达))" + _APPROX_LEAD)
_FIGURES_BEFORE = re.compile(r"(?:\d+(?:\.\d+)?(?:[%％]|个百分点)?[、和及])+$")
_COMPARE_LEAD = re.compile(r"(?:从|按)(同比|环比)(?:来)?看[，,]$")
_ONLY_VERB = re.compile(r"(?:并|已|也|均|总额|规模)?(?:达到|达|为|共计|合计|累计|超过|突破|升至|增至|增加到|升到|提高到)了?(?:约|近|逾)?")
# 该市户籍人口, 全省新设立外商投资企业: the province, city or county the text was about
_PLACE_ANAPHOR = re.compile(r"(?P<which>该|全|本)(?P<kind>自治区|省|市|区|县)(?!场|民|级|委|政府|长|间|域|别|块|位)")


def _anaphoric_place(text: str, clause_start: int, at: int, places: list, starts: list[int]):
    """沈阳…2020年末该市户籍人口762.2万人, 以甘肃省为例，该省沙化土地面积有12.17万平方公里: the
    figure's clause opens on 该市/全省 (its subject, not a base: 高于全市水平), which is the
    last such division named before it within a few sentences."""
    m = _PLACE_ANAPHOR.search(text, clause_start, at)
    if m is None or m.start() - clause_start > 10 or re.search(r"[于比较占与的]", text[clause_start:m.start()]):
        return None
    kind = m.group("kind")
    # (全区 in 宁夏 is the autonomous region; 该区 after a district is the district)
    region = kind == "区" and m.group("which") == "全"
    k = bisect.bisect_left(starts, m.start()) - 1
    while k >= 0 and places[k].span.start >= m.start() - 400:
        code = (places[k].key or "").split(":", 1)[1] if (places[k].key or "").startswith("division:") else ""
        if code and (kind in ("省", "自治区") and code.endswith("0000") and places[k].kind != "City"
                     or kind == "市" and places[k].kind == "City"
                     or region and code.endswith("0000") and code[:2] in _AUTONOMOUS_REGIONS
                     or kind in ("区", "县") and not region and not code.endswith("00")):
            return places[k]
        k -= 1
    return None


_AUTONOMOUS_REGIONS = {"15", "45", "54", "64", "65"}       # 内蒙古, 广西, 西藏, 宁夏, 新疆

# 全国一般公共预算收入, 我国进出口总值: the country, as the subject its clause opens on (after its
# time at most); not 全国人大 (a body's name), not 占全国的 or 高于全国 (a base)
_WHOLE_COUNTRY = re.compile(r"(?:全国|我国)(?![人政工妇总青科侨台各])")


def _whole_country(text: str, clause_start: int, at: int, orgs: list):
    m = _WHOLE_COUNTRY.search(text, clause_start, at)
    if m is None or not _SUBJECT_LEAD.fullmatch(text, clause_start, m.start()) \
            or any(o.span.start <= m.start() < o.span.end for o in orgs):
        return None
    # (named as the country is: 全国 is no name of China, and no alias of it)
    return Mention("中国", "Country", Span(m.start(), m.end()), 0.8, TAG, "whole-country", key="country:CN")



def _nearest_benchmark(text: str, lo: int, at: int):
    """The benchmark verb nearest the figure: 增速虽低于去年同期但仍高于全国1.2个百分点 is +1.2
    against 全国, not below 去年同期但仍高于全国."""
    for start in range(at - 3, lo - 1, -1):
        if text[start] in "高低快慢比":
            m = _BENCHMARK.match(text, start, at)
            if m is not None:
                return m
    return None


# what may stand between a place and its figure when the place is all the words say (深圳报告13例)
# 其中…, （江宁区199例、…: the parts of a total named before
_PARTS = re.compile(r"其中|[（(][^）)]*$")
_PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{1,5}(?:区|县|市|省|州|盟|旗)")
_PLACE_ONLY = re.compile(r"(?:市|省|区|县|全省|全市|报告|新增|共|则|也|的)*")
_BENCHMARK = re.compile(r"(?:(?P<verb>高于|低于|快于|慢于|高出|低出)(?P<base>[^，。；：、\d%％]{2,14}?)"
                        r"|比(?P<base2>[^，。；：、\d%％比]{2,14}?)(?<![降增提减升上下加放])(?P<verb2>高出|低出|高|低|快|慢))" + _APPROX_LEAD)
_LIST_HEADS = re.compile(r"(?<![\d.、第])(?:\d+(?:\.\d+)?(?:、|和|与|及|或))+$")
_MONEY_CUE = re.compile(r"公款|资金|款项|罚|贪污|受贿|索贿|行贿|挪用|豪掷|追加|投资|融资|社融|债|贷款|存款|收入|营收|"
                        r"利润|市值|资产|金额|成交额|销售额|交易额|税|补贴|赔偿|奖励|捐|身家|财富")
_QUOTED_NAME = re.compile(r"“[^“”\n]{1,8}”|“[^“”\n]{1,24}?[0-9一二三四五六七八九十]+(?:条|项|招|策)”")
# 中央八项规定: a rule that a number names
_NUMBERED_NAME = re.compile(r"[一二三四五六七八九十]+项规定")
# G20, M2, PM2.5, HWO9类: a number right after one to three Latin letters is part of a code
# (APEC21个经济体, RCEP15个成员国 count)
_CODE_BEFORE = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,3}$")
# 排名上升到24位, 提升3位: places in a ranking, not people
_RANK_BEFORE = re.compile(r"(?:排名|名次|排位|位列|位居|上升|提升|下降|跃升|前进|后退|前移|后移)(?:了|到|至)?(?:第)?$")
# (but a quoted figure is a figure: 经济增长“5.5%左右”的预期目标)
_QUOTED_FIGURE = re.compile(r"\d[%％]|个百分点|左右|以上|以下|以内")
_CITED_TITLE = re.compile(r"《[^《》\n]{1,80}》")
_DURATION_AFTER = re.compile(r"月|小时|钟头|工作日|交易日|自然日|星期|礼拜|季度|年头")
_INDICATOR_LEAD = re.compile(r"^(?:包括|其中|主要|超过了|超过|几乎|拥有|一个|已经|共计|合计|累计|全年|当月|以来|由于|"
                             r"(?!比亚迪|比例|比率|以上|以下|以色列|从业|从事|从[\u4e00-\u9fff]{1,8}?(?:进口|引进|采购|购买)|对外|对华|有色|有效|有线|有机|有关|有限|在岗|在建|"
                             r"在校|在线|在册|在途|在职|为期|将近|按揭|向上|的士)[为对向在有已将共以按从由比的])+")
# what ends an indicator but is not part of it: verbs of change, adverbs (江西省也, 增长率都高于),
# and a currency named before the figure (罚金人民币, 首期港币)
_INDICATOR_STRIP = re.compile(r"(?:[-－−]|(?<![减胜抱欺担自])负|高达|接近|(?<![赶])超|下调|上调|调降|调升|调整|(?<![上])涨|同比|环比|录得|分别|累计|共计|合计|共|达到|达|为|增长|下降|上涨|下跌|增加|减少|提高|降低|"
                              r"回落|回升|扩大|收窄|蒸发|下滑|缩水|上扬|提升|上升|缩小|缩减|实现|完成|造成|由|不超过|超过|约合|(?<![合条公契预节制违履签])约|近|逾|了|至|到|比重|占比|已经|已|也|都|将|或将|可能|预计|(?<![平年人])均|亦|还|仍|甚至|甚|"
                              r"不高于|不低于|不少于|高于|低于|超出|只有|仅有|仅|持有|突破|再破|收于|收报|报收|微微|略微|稍微|小幅|最高|最低|最多|大幅|基本上|一度|(?<![以对])不|(?<![下])降|(?:保持|维持|稳定|控制)在|(?<![存所正实现内外])在|目前|当前|先后|大概|大约|至少|不足|位于|处于|一直|始终|依然|仍然|有望|力争|争取|确保|相应|一般|(?<![每])各|且|就必须|必须|(?:就|则|便)?(?:应该|应)?(?<![总但只正还不也都即若])是|(?:将|已)?连续\d+年|(?<![中平同相对均高初优次上])等|(?<![拥所没具享占持含])有|和|与|及|或|" + "|".join(c for c in CURRENCIES if c != "元") + r")+$")


_COMPARISON_BASE = re.compile(r"(?:比|较)(?:(?:19|20)\d{2}年|上年|去年)(?:执行数|决算数|实际数)|"
                              rf"(?:比|较|相比|与)(?:{_BASE_TIME})(?:相比)?|同口径")


# 降幅比上月收窄1.0个百分点: a decline that narrows is a rate that rose (and one that widens fell)
_DECLINE_CHANGE = re.compile(r"(?:降幅|跌幅|减幅|降速|下降幅度|下跌幅度|下滑幅度)[^，。；：\d]{0,8}?(?:(?P<narrow>收窄|缩小|减小|收敛)|扩大|加大|加深)"
                             + _APPROX_LEAD)


# 同比少增1605亿元, 同比多减803亿元, 同比多3264亿元: how a flow compares with its base (少增 is a
# smaller rise: less than the year before, so down; 多减 a larger fall, down too)
_FLOW_CHANGE = re.compile(r"(?P<base>同比|环比|比上年同期|比去年同期|较上年同期|比上月|较上月)?(?P<more>[多少])(?P<verb>[增减])?了?$")


def _flow_change(left: str) -> str | None:
    m = _FLOW_CHANGE.search(left)
    if m is None or not (m.group("base") or m.group("verb")):   # (a bare 多 or 少 is no change)
        return None
    return "up" if (m.group("more") == "多") == (m.group("verb") != "减") else "down"


def _direction(text: str, s0: int, at: int) -> str | None:
    """A change's direction from the verb just before `at` (in the sentence starting at s0)."""
    flow = _flow_change(text[max(s0, at - 8):at])
    if flow is not None:
        return flow
    decline = _DECLINE_CHANGE.search(text, max(s0, at - 16), at)
    if decline is not None:
        return "up" if decline.group("narrow") else "down"
    lead = text[max(s0, at - 7):at]
    return "down" if _DOWN.search(lead) else "up" if _UP.search(lead) else None


def _indicator(text: str, start: int, s0: int) -> str | None:
    # (enough to reach the clause's start: a window that cuts a word gives a piece of it,
    # 时期我国服务业吸收外资年均 from "十三五"时期…)
    left = text[max(s0, start - 40):start]
    # 居民消费价格（CPI）, 固定资产投资（不含农户）: a bracketed abbreviation or scope stays out, the
    # indicator before it stays in
    left = re.sub(r"[（(](?:[A-Za-z0-9.\-]{1,8}|不?含[^（）()]{1,10})[）)]", "", left)
    # 比去年同期, 比年初, 较上年末, 同口径: the base of a comparison is no part of the indicator. It
    # ends the indicator (CPI涨幅比上月扩大0.8个百分点: 涨幅 after CPI is what changed) unless
    # nothing but the verb follows it (贷款比年初增加2111.5亿元: the indicator is before it)
    # (a bare 涨幅 or 增速 there says nothing: the figure before it in the sentence is what it measures)
    found = _indicator_words(_COMPARISON_BASE.sub("，", left))
    if found is None:
        found = _indicator_words(_COMPARISON_BASE.sub("", left))
        if found in _GENERIC_INDICATORS:
            return None
    # …同比增长10.6%，两年平均增长5.7%: a comparison alone names no measure (the figure before
    # it in the sentence is what it measures; the comparison is kept as kg:comparison)
    if found in _COMPARISON_ONLY or found and _FLOW_CHANGE.fullmatch(found):
        return None
    if found is not None:
        found = _durations_out(found)
    if found is None:
        # 贸易额再创历史新高，达到8782亿美元; 出口突破万亿元，达到1.05万亿元: a clause of a verb alone
        # measures the subject of the clause before, which said what happened to it
        own = _VERB_ALONE.search(left)
        prior = re.split(r"[，。；：,;:（）()“”]", left[:own.start()])[-1] if own else ""
        sm = _SUBJECT_BEFORE_PREDICATE.match(prior) if prior and not re.search(r"\d", prior) else None
        # (该公司首次突破千亿元大关: a pronoun names who, not what is measured)
        if sm and not re.match(r"(?:该|本|其(?!中)|这|那)", sm.group("subj").strip()):
            found = _indicator_words(sm.group("subj"))
    return found


# a time span in an indicator is no part of what is measured: 跨境电子商务规模5年 (the period),
# 13个月内腾讯和阿里市值; an indicator that is a figure alone (6.4升, 10年) names nothing
_DURATION_END = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:近|过去)?\d+(?:\.\d+)?(?:个月|年|天|周)(?:来|里|内|间|以来)?$")
_DURATION_START = re.compile(r"^(?:近|过去)?\d+(?:\.\d+)?(?:个月|年|天|周|小时)(?:来|里|内|间|以来)(?=[\u4e00-\u9fff]{2})")
_FIGURE_ONLY = re.compile(r"(?:近|过去|第)?\d+(?:\.\d+)?(?![\u4e00-\u9fff]?后$)[\u4e00-\u9fff]{0,2}(?:来|里|内|间)?")  # (not 00后: a generation)


def _durations_out(found: str) -> str | None:
    # (5年期, 3个月期: a tenor names a rate, it is no figure)
    if _FIGURE_ONLY.fullmatch(found) and not found.endswith("期"):
        return None
    out = _DURATION_START.sub("", _DURATION_END.sub("", found))
    return None if out.endswith("了") and out != found else out


_VERB_ALONE = re.compile(r"[，,]\s*(?:并|已|再|一举|也|均)?(?:达到|达|为|增至|升至|增长至|增加到|提高到)了?(?:约|近|逾|超过)?$|"
                         r"[，,]\s*(?:平均|同比|环比)?(?:下降|增长|上涨|下跌|上升|回落|减少|增加)了?(?:约|近|逾|超过)?$")
_SUBJECT_BEFORE_PREDICATE = re.compile(r"(?P<subj>[^，。；\d]{2,20}?)(?:再次|再度|再|又|继续|持续|首次|一举|已)?"
                                       r"(?:创下?(?:历史|新高|新低|纪录)|刷新|突破|迈上|站上|跃上|跨上|迈入|"
                                       # (校外培训价格明显下降，平均下降4成: what fell, then by how much)
                                       r"(?:明显|大幅|显著|持续|稳步|快速|较快)(?:下降|增长|上涨|下跌|上升|回落|减少|增加))")


# 27个城市和地区, 521家“倍增计划”试点企业, 132个跨境电子商务综合试验区: what a count counts
# follows its counter, and says more than the words before the figure (国务院批复同意在27个…).
# Without a part-of-speech tagger a noun is only trusted where it visibly ends: at punctuation or
# a joining word, not where a verb cuts it (16省份出手…, 6个项目同时开展)
_COUNT_TAIL = re.compile(r"(?:左右|以上|余|多)?")
_COUNTED = re.compile(r"(?![与和及或的等在是有为将对从向被把])([\u4e00-\u9fffA-Za-z]{2,10}?)"
                      r"(?=[，。；：、,;:！？!?）)\s]|[的和与及或等])")
# a counter and the character after it making one word: 16省份, 14亿人口, 3个月
_COUNTER_WORDS = {"省": "份", "人": "口民员次数", "个": "月人"}
_COUNTED_VERB = re.compile(r"[在是有将被把从向对到至于以并而也都还已再又则就才但共约占获受给予]|(?<!行)为|"
                           r"获得|实现|完成|参与|参加|开展|进行|达到|超过|设立|成立|新设|签约|签署|入驻|落户|提出|发布|出台|"
                           r"印发|举行|召开|推进|增加|减少|增长|下降|上涨|突破|累计|合计|分别|同比|环比|涉及|投资|落地|上市|"
                           r"申请|纳入|入选|通过|拥有|包括|覆盖|位于|来自|表示|认为|建成|开工|新增|参保|接受|采取|列入|位居|"
                           r"相比|出手|上调|下调|启动|联合|参会|成功|组成|提前|陆续|密集|规划|达成|上榜|看|报名|赠送|打扫|"
                           r"扩充|收录|打起|提供|出口|进口|接种|违反|驾驶|下跌|上涨|即|拟|了|着|如下|集中|减亏|增盈|亏损|超|进入")


def _counted(text: str, end: int, counter: str) -> str | None:
    """The noun a count counts, written after its counter (quotation marks dropped), or None."""
    pos = _COUNT_TAIL.match(text, end).end()
    if pos < len(text) and text[pos] in _COUNTER_WORDS.get(counter, ""):
        return None
    window = re.sub(r"[“”\"‘’]", "", text[pos:pos + 24])
    m = _COUNTED.match(window)
    if m is None or _COUNTED_VERB.search(m.group(1)):
        return None
    noun = m.group(1)
    return noun[:-1] if noun.endswith("中") and len(noun) > 3 else noun     # 14只券商股中: among them


_TOTAL = re.compile(r"(?:共计|合计|总计|共)了?(?:约|近|逾)?$")
# an indicator that ends where a noun cannot: on a preposition or a verb of doing (松山湖以, 将于近期集中开工)
_FRAGMENT_END = re.compile(r"(?:以|于|将|对|向|把|被|集中开工|集中签约|集中)$")


def _counted_to_verb(text: str, end: int, counter: str) -> str | None:
    """1021家企业上榜: the noun after a counter up to the verb that follows it (企业), or None."""
    pos = _COUNT_TAIL.match(text, end).end()
    m = re.match(r"[\u4e00-\u9fff]{2,10}", re.sub(r"[“”\"‘’]", "", text[pos:pos + 12]))
    if m is None or pos < len(text) and text[pos] in _COUNTER_WORDS.get(counter, ""):
        return None
    cut = _COUNTED_VERB.search(m.group())
    noun = m.group()[:cut.start()] if cut else m.group()
    return noun if len(noun) >= 2 else None


# 教育部等11部门, 北京、天津…、浙江16省份, 西藏、江西这11个省区市: a count right after a list of
# names counts the things listed, as what its counter names (部门, 省份, 省区市); the last name
# listed is one of them, not what is counted
_LISTED_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{2,12}(?:等|这)|、[\u4e00-\u9fff]{2,12}(?:等|这)?)(?:共|合计)?$")
# the counters that are nouns themselves, with the words they make (4省市, 16省份, 10个国家)
_NOUN_COUNTERS = {"部门": (), "国": ("家",), "省": ("区市", "份", "市", "区"), "县": ("市", "区"),
                  "城市": (), "地区": ()}
# adverbs a count's noun runs into (4个国家积极推进)
_COUNTED_ADVERB = re.compile(r"积极|共同|联合|集体|先后|相继|同时|纷纷|全部|均|都|各")


def _listed_count(text: str, start: int, end: int, counter: str, s0: int) -> str | None:
    """What a count of the names listed before it counts (15个部门联合印发: 部门), or None."""
    if not _LISTED_BEFORE.search(text, max(s0, start - 14), start):
        return None
    pos = _COUNT_TAIL.match(text, end).end()
    if counter in _NOUN_COUNTERS:
        return counter + next((w for w in _NOUN_COUNTERS[counter] if text.startswith(w, pos)), "")
    if pos < len(text) and text[pos] in _COUNTER_WORDS.get(counter, ""):
        return None
    # (…、纳税担保等7类53项税收违法行为: a count right after it counts the same things, more finely)
    finer = re.match(r"\d+(?:[项个条件种类])", text[pos:pos + 6])
    if finer:
        return _counted(text, pos + finer.end(), finer.group()[-1])
    m = re.match(r"[\u4e00-\u9fff]{1,8}", text[pos:pos + 8])
    if m is None:
        return None
    cut = [x.start() for x in (_COUNTED_VERB.search(m.group()), _COUNTED_ADVERB.search(m.group())) if x]
    noun = m.group()[:min(cut)] if cut else m.group()
    return noun if 1 <= len(noun) <= 6 else None


# 持有天风期货46.1479%股权: a stake, not a rate of the figure before
_QUALIFIED = re.compile(r"的?(?:股权|股份)")
# what may stand before a clause's subject: when (今年1-4月，浙江…)
_SUBJECT_LEAD = re.compile(r"(?:[\s\d０-９年月日份个季度一二三四两上下半前后今去明本全—\-~至以来截止到]|目前|当前)*")
# how a clause that goes on about the subject before opens: a verb, a comparison, 其中 ...
_GOES_ON = re.compile(r"\s*(?:其中|同比|环比|比|较|两年平均|年均|增长|增加|增速|下降|减少|上涨|下跌|上升|回落|达到|达|为|占|"
                      r"实现|完成|累计|合计|共|并|且|其|分别|超过|突破|进口|出口|进出口|拉动|带动)")


def _without_place(q) -> str:
    """银川市开工率 with the place 银川市: 开工率."""
    ind = q.indicator or ""
    return ind[len(q.place.text):] if q.place is not None and ind.startswith(q.place.text) else ind


def _clause_start(text: str, s0: int, at: int) -> int:
    return max(s0, max(text.rfind(c, s0, at) for c in "，；。") + 1)


# verbs of giving or getting money or goods that end a phrase before a figure (通过安排, 近期投放)
_GIVING = re.compile(r"(?:安排|投放|拨付|发放|筹集|募集|投入|追加|保证|获得|享受|给予|赚取|拉动)$")
# what before such a verb says who gives or how, not what (需要获得, 近期投放, 通过安排)
_GIVER_END = re.compile(r"(?:需要|可以|将|已|再|首次|近期|通过|决定)$")
# the noun after a figure: 1.2万亿元专项资金，, 8000万元的贷款额度 (a noun the figure qualifies)
_GIVEN = re.compile(r"(?:的)?(?!左右|以上|以下|以内|上下|多|余)([\u4e00-\u9fff]{2,10}?)(?=[，。；、）)]|$)")
# a verb of change right after a figure: the figure is the level the change starts from
_CHANGE_AFTER = re.compile(r"[，,]?(?:下降|增长|上涨|下跌|减少|增加|回落|上升|提高|降低)")
# what moves a sentence off the place its figures were about
_OTHER_SCOPE = re.compile(r"全国|我国|全球|世界|国际|全省|全市|全区|其他|外省|外地|该省|该市|与此同时")
# 从2480元调整到2590元, 由3.14亿元升至5.24亿元: the words between a level and the one it changed to
_CHANGED_TO = re.compile(r"(?:调整|提高|提升|上调|下调|增加|减少|扩大|缩小|扩充|增长|下降|上升|回落|回升|[升降涨跌增减])?(?:至|到|为)")


_COMPARISON_ONLY = frozenset({"两年平均", "年均", "同比", "环比", "较上月", "比上月", "比上年", "较上年"})
_GENERIC_INDICATORS = frozenset({"涨幅", "降幅", "增速", "增幅", "跌幅", "所占", "比重", "占比", "增长率", "幅度"})


# 电力、热力生产和供应业, 计算机、通信和其他电子设备制造业: an industry's name lists with 、 and
# ends in (和|及)…业; its parts before the last 、 belong to it, and so does what the industry
# measures after it (电力、热力、燃气及水生产和供应业实现利润总额)
_INDUSTRY_LIST = re.compile(r"(?:[\u4e00-\u9fff]{1,6}、)+[\u4e00-\u9fff]{1,12}?(?:和|及)[\u4e00-\u9fff]{1,12}?业"
                            r"(?:(?:实现|完成)?(?:利润总额|营业收入|增加值|收入|利润|投资|产值|销售额|出口|进口))?$")


# adverbs and verbs alone, which name no measure (持续深化六部门…, 紧急采购100万支快速测试剂,
# 平均下降4成, 其余3个): an indicator is a noun
_BARE_VERB = re.compile(r"(?:平均|继续|持续|另外|其余|紧急|自动|还|再|又|已经|已|仍|共同|积极)*"
                        r"(?:推动|带动|选取|支持|采购|预填|深化|开展|推进|实施|完成|实现|达到|超过|提供|建成|新增|请|驾驶|涉及)?")


_SHARE = re.compile(r"(?P<part>[^占]*?)(?:所)?占(?!比|用|地|有|领|据了)(?:到|据)?(?P<whole>[^占，。；\d%％]{2,20}?)(?:的比重|的比例|的份额|的)?")


# (今年, 其中, 截至: words of time or linking before a period, never its subject)
_NOT_SUBJECT = re.compile(r"(?:今年|去年|明年|前年|本月|当月|本年|同期|截至|截止到?|其中|目前|此外|同时|而|但|和|与|及|在|于|从|到|至|、|的|"
                          r"以上|以下|机构|组织|前)$|预期|预计|预测|认为|表示|估计|^(?:以上|上述|全市|全省|全国|全区|全县)|"
                          r"^(?:今年|去年|明年|截至|截止|其中|目前|此外|同时|全年|当年)")


def _subject_before_period(m: re.Match) -> str:
    """国内增值税前10个月收入: the period goes, the subject before it stays (国内增值税收入); what
    stands before a period is otherwise time or place, and goes with it."""
    before = m.group("before")
    rest = m.string[m.end():]
    if re.fullmatch(r"[\u4e00-\u9fff]{3,10}", before) and not _NOT_SUBJECT.search(before) \
            and not _NOT_SUBJECT_WORDS.search(before) and re.match(r"[\u4e00-\u9fff]{2}", rest):
        return before
    return ""


# (据初步核算, 数据显示, 公告称, 有望实现, 确保完成, 目标是: a source, a verb or an aim before a period, no subject)
_NOT_SUBJECT_WORDS = re.compile(r"据|显示|称|公告|发布|统计|核算|数据|实现|完成|确保|有望|努力|力争|目标|要|将|我们|第$")


def _indicator_words(left: str) -> str | None:
    # (#100万吨国家钾肥储备投放#, 【#…#】: a topic tag's marks end what went before)
    head = re.split(r"[，。；：,;:（）()“”#【】《》]", left)[-1]
    # 油费、路费、误工费共1万元: a total of the things listed is of them all, not of the last
    total = re.fullmatch(r"(?P<items>[\u4e00-\u9fff]{2,16}?(?:、[\u4e00-\u9fff]{2,8}?)+)(?:等)?(?:共计|合计|总计|共)了?", head)
    if total is not None:
        # (承诺支付油费、路费、误工费共1万元: the verb before the first thing is no part of it)
        items = re.sub(r"^.*(?:支付|缴纳|收取|花费|赔偿|退还|返还|包括|涉及)", "", total.group("items"))
        # (广东、江苏、浙江合计5.2万亿元: places listed say where, not what)
        if all(i in gazetteer.division_index() or i in gazetteer.country_index() for i in items.split("、")):
            return None
        if len(items) <= 24 and len(items.split("、")[0]) <= 8:
            return items
    industry = _INDUSTRY_LIST.search(_INDICATOR_STRIP.sub("", head))
    left = industry.group() if industry else re.split(r"[，。；：,;:、（）()“”#【】《》]", left)[-1]
    # 服务业吸收外资占北京市吸收外资总量的82.7%, 享受加计扣除金额占去年全年汇算清缴的77.6%: a share
    # of a whole; the whole (its year too) is part of what is measured, and what takes the share
    # is said before 占 (or by the figure before it in the sentence)
    share = _SHARE.fullmatch(left)
    if share is not None:
        # (…的比例上限由7%提高到15%, 占全省比重超: what ends a clause is no part of the whole)
        whole = re.sub(r"(?:由|从)$", "", _INDICATOR_STRIP.sub("", share.group("whole"))).rstrip("的")
        # (考虑到东财证券业绩高增且证券业务占该公司营收: the taker is the last clause's subject)
        taker = re.split(r"并且|而且|且|考虑到|由于|因为", share.group("part"))[-1]
        part = _indicator_words(taker) if len(taker) >= 2 else None
        # (新增保障性租赁住房供应套数占新增住房供应套数的比例: a long taker and whole are kept whole)
        if part is not None and len(part) > 16:
            part = None
        found = f"{part or ''}占{whole}"
        return found if 3 <= len(found) <= 32 and len(whole) >= 2 and not _HOLDS_AMOUNT.search(found) else None
    # 城镇化率从2015年的69.8%: the time a change started from is no part of what changed
    # (增速从今年8月份的最低点2.9%: nor is the low or high point it started from)
    left = re.sub(r"(?<=[\u4e00-\u9fffA-Za-z])(?:从|由)(?:今年|去年)?(?:(?:19|20)\d{2}年(?:末|底|初)?|\d{1,2}月份?(?:末|底)?)"
                  r"(?:的?(?:最低点|最高点|低点|高点|峰值|谷底|低位|高位|水平))?的?$", "", left)
    left = re.sub(r"^(?P<before>.*?)(?:\d{4}年?[-—~～至到]\d{4}年|\d{4}年(?:末|底|初)?|(?:\d{1,2}月?[至到—\-－~])?\d{1,2}月份?(?:\d{1,2}日|末|底|初|[上中下]旬)?|前(?:\d{1,2}|[二两三四五六七八九十]|十[一二])个?月|[前第]?[一二三四]季度|上半年|全年)"
                  r"(?:以来|起)?的?", _subject_before_period, left)
    left = _INDICATOR_STRIP.sub("", left)
    left = _FROM_CURRENT.sub("", left)              # 准备金率由现行的7%: the rate, not 由现行的
    # (因此完成6%的增速, 并赚取: a connective opens the clause, it names nothing)
    # (一是制造业研发费用加计扣除比例: a list's marker; 未来五年力争从东盟进口: a time ahead)
    left = re.sub(r"^(?:时期|期间|我国|全国|其中|今年|去年|目前|当月|当年|此外|同时|本月(?!末|底|初)|本周(?![一二三四五六日])|因此|但是|但|而且|并且|而|并处|并(?![购网表列联发])|还(?![款贷本原])|则|作出|"
                  r"[一二三四五六七八九十]是|首先|其次|再次|最后|另外|"
                  r"未来(?:\d{1,2}|[一二三四五六七八九十两]{1,2})年(?:内|间)?|预计(?!负债)|力争|争取)+",
                  "", left)
    # (铁路预计发送旅客, 从东盟力争进口: a forecast's or an aim's word is the figure's modality;
    # 预计负债, estimated liabilities, is an account's name)
    left = re.sub(r"(?<=[\u4e00-\u9fff])(?:预计(?!负债)|力争|争取)(?=[\u4e00-\u9fff]{2})", "", left)
    left = _INDICATOR_LEAD.sub("", left)
    left = _INDICATOR_STRIP.sub("", left)
    if _ENDS_WITH_AMOUNT.search(left):       # 五百万元、六十万元: the figure before is no indicator
        return None
    if _HOLDS_AMOUNT.search(left):           # 从36.67元跌至20元: another figure is no indicator either
        return None
    left = left.strip()
    # 六名被告人均并处罚金1万元: a sentence's fine is the fine, whoever it falls on
    left = re.sub(r"^.*?(?:并处|判处|处以)(?=罚金|罚款)", "", left)
    limit = 24 if industry else 16
    if _BARE_VERB.fullmatch(left):           # 紧急采购100万支, 平均下降4成: a verb says what was done, not what
        return None
    # 驾驶四辆货车将上述52.54吨含油废水, 执法人员当场将四人抓获, 对其污水处理站中52.54吨…: words
    # that end on a preposition or an adverb stop before what the figure measures, which comes after it
    if re.search(r"(?:将上述|将|把|对其|对|给|向|被|当场|立即|需对其[一-鿿]{0,8}中)$", left):
        return None
    if len(left) > limit:
        # 地方政府性基金中的国有土地使用权出让收入, 规模以上电子信息制造业实现营业收入: a long subject
        # is cut to what is measured, not dropped (the verb of 实现 goes, then what is before 的)
        left = re.sub(r"(?:实现|完成)(?=[\u4e00-\u9fff]{2})", "", left)
        if len(left) > limit:
            # (每百元营业收入中的成本: what is before 的 may be what makes the measure, and 成本
            # alone says too little; 两个多月的时间里股价涨幅: nor is a time's rest one)
            before, _, left = left.rpartition("的")
            if "每" in before or re.match(r"时间|期间|时期|年来|以来", left):
                return None
    return left if 2 <= len(left) <= limit else None


# a statistics release's notes explain its figures, they report none: 附注 (指标解释, 统计范围,
# 调查方法: PMI weights, sample sizes, thresholds) to the end, and the numbered lines after a
# table's 注： (a0097, a0169)
_NOTES_HEAD = re.compile(r"附注[：:]?")
# a box of definitions mid-article (名词解释): its term-and-colon paragraphs, not what follows them
_DEFINITIONS_HEAD = re.compile(r"(?:\d+\s*[．.、]\s*)?(?:注释|名词解释|主要指标解释|指标解释(?:及相关说明)?)[：:]?")
_DEFINITION = re.compile(r"(?:\d{1,2}\s*[．.、）)]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,2}、)?[^，。；：:]{1,24}[：:]|.*(?:是指|指的是)")
_NOTE_HEAD = re.compile(r"注[：:]")
_NOTE_ITEM = re.compile(r"(?:\d{1,2}\s*[．.、）)]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,2}、)")


def _notes(art) -> list[tuple[int, int]]:
    text, out = art.text, []
    paras = art.paragraphs
    for i, p in enumerate(paras):
        words = text[p.start:p.end].strip()
        if _NOTES_HEAD.fullmatch(words):
            return out + [(p.start, len(text))]
        item = _DEFINITION if _DEFINITIONS_HEAD.fullmatch(words) else _NOTE_ITEM if _NOTE_HEAD.fullmatch(words) \
            else None
        if item is not None:
            # the heading and the run of its items after it
            end = p.end
            for q in paras[i + 1:]:
                if not item.match(text[q.start:q.end].strip()):
                    break
                end = q.end
            out.append((p.start, end))
        elif _NOTE_HEAD.match(words) and len(words) > 3:
            out.append((p.start, p.end))            # 注：本表数据为初步统计数。
    return out


# 每千人企业数量达到34.28户，是2012年末的3.4倍; 接种量超过10亿剂，是美国接种量的3倍: between 是
# and 的 stands the base the multiple is of (kg:comparison), not the figure's period, place or
# indicator: those are the ones of the figure its sentence named before it
# (a verb of its own: not the 为 of 认为, 成为, 作为, nor 达 in 发达)
_MULTIPLE_OF = re.compile(r"(?<![认成因作行发到])(?:是|为|相当于|达到?)(?P<base>[^，。；：:“”\n]{1,20}?)的(?:近|约|超过|逾|将近|接近|超)?$")


def _multiples_of(text: str, art, quantities: list[Quantity]) -> None:
    for j, q in enumerate(quantities):
        if q.compared_as != "倍":
            continue
        m = _MULTIPLE_OF.search(text, max(0, q.span.start - 28), q.span.start)
        if m is None or re.search(r"\d", m.group("base")) and not re.search(r"\d{4}年|\d{1,2}月", m.group("base")):
            continue                # (是3.5万元的2倍: a figure as the base is a figure of its own)
        base = m.group("base")
        q.comparison = base
        s = art.sentence_at(q.span.start)
        prev = next((b for b in reversed(quantities[:j]) if s is not None and b.span.start >= s.start
                     and b.compared_as != "倍" and b.span.end <= m.start()), None)
        # what the clause names before 是 is what the multiple measures (其中，出口额是2019年同期的
        # 2.1倍; 风电装机容量是光伏的1.1倍: not the figure before's 光伏装机容量); a clause of the verb
        # alone (…34.28户，是2012年末的3.4倍) measures what the figure before it does
        head = text[_clause_start(text, s.start if s else 0, m.start()):m.start()]
        head = re.sub(r"^.*(?:认为|表示|预计|预测|指出|称)", "", head)
        head = re.sub(r"(?:将|会|也|还|则|仍|已|均|都|约)+$", "", re.sub(r"^(?:其中|而|但|并且|并|且|同时)", "", head))
        # (增量是去年全年增量的1.9倍: a word that refers back to the figure before is no measure of its own)
        own = head if 2 <= len(head) <= 16 and not re.search(r"[\d“”《》]", head) \
            and not re.fullmatch(r"(?:这一?|该|此|其)?(?:增量|总量|总额|规模|数量|金额|数字|水平|数据)", head) else None
        if prev is not None and own is None:
            q.period, q.place, q.indicator = prev.period, prev.place, prev.indicator
            continue
        if q.period and q.period in base:
            q.period = prev.period if prev is not None else None
        if q.place is not None and q.place.span is not None and m.start("base") <= q.place.span.start < m.end("base"):
            q.place = None
        if q.place is None and prev is not None:
            q.place = prev.place
        if own is not None and (q.indicator is None or q.indicator.endswith("的") or q.indicator in m.group()
                                or prev is not None and q.indicator == prev.indicator):
            q.indicator = own
        elif q.indicator and (q.indicator.endswith("的") or q.indicator in m.group()):
            q.indicator = None


def extract(ctx: Context) -> Records:
    art = ctx.article
    text = art.text
    rec = Records()
    places = sorted((m for m in ctx.records.mentions if m.span is not None
                     and m.kind in ("Place", "City", "AdministrativeArea", "Country")), key=lambda m: m.span.start)
    place_starts = [p.span.start for p in places]
    # (where an organisation's name opens a clause: that clause is about it, not the place before)
    org_starts = {m.span.start for m in ctx.records.mentions if m.span is not None
                  and m.kind in ("Organization", "GovernmentBody", "Company", "MediaOutlet")}
    # (据海南日报消息…全省新设立外商投资企业170家, 江苏省商务厅介绍，全省…: the place a body or a
    # paper of a place names is one 全省/该市 may refer back to, though it is no place mention)
    named = sorted(places + [Mention(m.attrs["place_text"], m.attrs["place_kind"],
                                     Span(m.span.start, m.span.start + len(m.attrs["place_text"])),
                                     m.confidence, m.extractor, m.rule, key=m.attrs["attrs_place"])
                             for m in ctx.records.mentions if m.span is not None and m.attrs.get("place_kind")],
                   key=lambda m: m.span.start)
    named_starts = [p.span.start for p in named]
    orgs = [m for m in ctx.records.mentions if m.span is not None
            and m.kind in ("GovernmentBody", "Organization", "Company", "MediaOutlet")]
    place_ends = {p.span.end for p in places}
    by_start = sorted((m for m in ctx.records.mentions if m.span is not None), key=lambda m: m.span.start)
    name_starts = [m.span.start for m in by_start]
    # a figure in a cited title names the work (《“渝中人才”黄金十二条》), it reports nothing; nor
    # does one in the 原标题： line, which repeats the headline's figures (read once, in the body)
    change_starts: set[int] = set()      # indexes of figures a change starts from (从2015年的69.8%)
    levels_before: set[int] = set()      # the level before a change (由现行的7%提高到9%, 从22元调整到23元)
    # nor does one inside a short quoted name (“六项制度”, “0元购”)
    spans = sorted([t.span() for t in _CITED_TITLE.finditer(text)]
                   + [t.span() for t in _QUOTED_NAME.finditer(text) if not _QUOTED_FIGURE.search(t.group())
                      and not _PLAN_PERIOD.fullmatch(t.group())]      # (“十四五” is a time, not a name)
                   + [(p.start, p.end) for p in art.paragraphs if text[p.start:p.end].lstrip().startswith("原标题")]
                   + _notes(art))
    titles: list[tuple[int, int]] = []           # merged: a quoted name may sit inside a title
    for s_, e_ in spans:
        if titles and s_ <= titles[-1][1]:
            titles[-1] = (titles[-1][0], max(titles[-1][1], e_))
        else:
            titles.append((s_, e_))
    # (a year in a title or an event's name is no period: 2021年世界人工智能大会, 《2021年中央财政预算》)
    no_period = titles + [(e.span.start, e.span.end) for e in ctx.records.mentions
                          if e.kind == "Event" and e.span is not None]
    for m in _PATTERN.finditer(text):
        prefix = m.group("prefix") or ""
        if prefix == "第":
            continue
        i = bisect.bisect_right(titles, (m.start(), len(text))) - 1
        if i >= 0 and titles[i][0] <= m.start() < titles[i][1]:
            continue
        # ×100% in a formula, 5点40 a time of day: no figures
        if re.search(r"(?:[×*＊]|\d[点:：])\s*$", text[max(0, m.start() - 3):m.start()]):
            continue
        if m.group("num") and not prefix and _CODE_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue
        if m.group("num"):
            try:
                value = parse_arabic(m.group("num"))
            except ValueError:
                continue
        elif m.group("cur") and m.group("cnum"):
            # 二千万元, 五百万元: amounts in Chinese numerals (not 一元 or 万元户)
            v = parse_chinese(m.group("cnum"))
            if v is None or v < 10 or not any(ch in "一二两三四五六七八九" for ch in m.group("cnum")) \
                    or _APPROXIMATE.search(m.group("cnum")):
                continue
            value = float(v)
        else:
            v = parse_chinese(m.group("cnum"))
            if v is None or not (m.group("cnt")):
                continue
            # 一个/一批/两个/三个特点 are articles and list counts more often than statistics
            if v < 4 or not any(ch in "一二两三四五六七八九" for ch in m.group("cnum")) \
                    or _APPROXIMATE.search(m.group("cnum")):
                continue
            value = float(v)
        # in decimal, so 41.77亿 is 4177000000 and not 4177000000.0000005
        value = float(Decimal(repr(value)) * Decimal(repr(scale(m.group("scale")))))
        factor = 1
        if m.group("pp"):
            unit, extra = "PERCENT", "百分点"
        elif m.group("pct"):
            unit, extra = "PERCENT", None
        elif m.group("cur"):
            unit, extra = CURRENCIES[m.group("cur").replace("人民币", "") or "人民币"], None
            before = _CURRENCY_BEFORE.search(text, max(0, m.start() - 5), m.start())
            if m.group("cur") == "元" and before:
                unit = CURRENCIES[before.group()]
            after = _CURRENCY_AFTER.match(text, m.end()) if m.group("cur") == "元" else None
            if after and CURRENCIES[after.group()] != "CNY":
                unit = CURRENCIES[after.group()]
        elif m.group("pml"):
            # 人口出生率6.68‰ is 0.668 PERCENT: one unit for all rates, as the value is normalised (and
            # 下降1.5个千分点 a change of 0.15 percentage points)
            unit, extra = "PERCENT", "百分点" if m.group("pml") == "个千分点" else None
            value = float(Decimal(repr(value)) / 10)
        elif m.group("times"):
            # 增长1.86倍, 是2012年的3.4倍, 超标31.4倍: a multiple is the number with comparison 倍, as a
            # change in points is PERCENT with 百分点 (the gold's convention: 增长近10倍 -> 10 NUM)
            unit, extra = "NUM", "倍"
        elif m.group("bare") is not None:
            # 公款1.69亿, 罚245万: money by the words before it; 毕业生达1076万, 人口为1.47亿: a count
            if m.group("cnum") or not m.group("scale"):
                continue
            unit = "CNY" if _MONEY_CUE.search(text, max(0, m.start() - 12), m.start()) else "NUM"
            if unit == "CNY":
                # 追加4000万，总计向香港抗疫支援港币5，000万元: the currency the sentence names
                s_ = art.sentence_at(m.start())
                named = {CURRENCIES[c.group()] for c in _CURRENCY_AFTER.finditer(text[s_.start:s_.end])} if s_ else set()
                if len(named) == 1 and "人民币" not in (text[s_.start:s_.end] if s_ else ""):
                    unit = named.pop()
            extra = None
        elif m.group("people") is not None:
            if m.group("cnum") or not m.group("scale"):
                continue
            unit, extra = "NUM", None
        elif m.group("kwh"):
            unit, extra = "KiloW-HR", None
        elif m.group("meas"):
            unit, factor = MEASURES.get(m.group("meas")) or _MEASURE_CASELESS[m.group("meas").lower()]
            value = float(Decimal(repr(value)) * Decimal(repr(factor)))
            extra = None
        else:
            cnt = m.group("cnt")
            # 前11个月 / 3个月 / 5个小时 / 30个工作日: a period, not a count; N年 never reaches here
            if cnt == "个" and _DURATION_AFTER.match(text, m.end()) or prefix == "前":
                continue
            if cnt in ("国", "省", "县", "城市", "地区") and m.group("cnum") and len(m.group("cnum")) == 1 and value < 2:
                continue
            # 七国集团, 二十国集团 name a group; 5点40起床 is a time of day
            if cnt == "国" and text.startswith("集团", m.end()) or cnt == "起" and text.startswith("床", m.end()):
                continue
            # 四处打招呼: 四处 is "everywhere"; 中央八项规定 a rule's name; 提升3位 a ranking
            if m.group("cnum") == "四" and cnt == "处" or _NUMBERED_NAME.match(text, m.start("cnum") if m.group("cnum") else m.start()) \
                    or cnt == "位" and _RANK_BEFORE.search(text, max(0, m.start() - 6), m.start()) \
                    and not re.match(r"[\u4e00-\u9fff]", text[m.end():m.end() + 1]):
                continue
            unit, extra = "NUM", None
        start = m.start() + len(prefix)
        num_start = m.start("num") if m.group("num") else m.start("cnum")
        s = art.sentence_at(start)
        s0, s1 = (s.start, s.end) if s else (0, len(text))
        sentence = text[s0:s1]
        # 比2019年同期增长: 2019年 is the base of a comparison, not the period
        # (the longest reading first: 较2020年12月末 whole, not 较2020年 and a period 12月末)
        left = re.sub(rf"(?:比|较|相比)(?:{_BASE_TIME})|(?:比|较|相比)(?:19|20)\d{{2}}年(?:同期|全年)?", lambda m: " " * len(m.group()),
                      text[s0:num_start])
        for a, b in no_period:
            if a < num_start and b > s0:
                a, b = max(a, s0) - s0, min(b, num_start) - s0
                left = left[:a] + " " * (b - a) + left[b:]
        period, start_of_change = None, False
        for pm in _PERIOD.finditer(left):
            # 较10月末上升48亿美元, 涨幅比3月份扩大: the base of a comparison is not the period
            if re.search(r"(?:较|比|相比|与)(?:(?:19|20)\d{2}年)?$", left[:pm.start()]):
                continue
            # 从今年8月份的最低点2.9%提升至6.2%: when a change started is not the period of where it
            # went (it is the period of 2.9%, and of 从2015年的69.8%; 自8月1日起…涨到2280元 is from then)
            # (自12月15日起，…由7%提高到9%: a date things change from, 起, is the period of the new level)
            if re.search(r"(?:从|自)(?:今年|去年|(?:19|20)\d{2}年)?$", left[:pm.start()]) \
                    and not left.startswith("起", pm.end()) \
                    and re.search(r"\d(?:[%％]|[万亿]?元)[^至到]*(?:至|到)", left[pm.end():]):
                continue
            # 宗长青今年4月23日…介绍，5年来…: the day someone spoke or news came is not the period of
            # what they said
            if re.search(r"\d日$", pm.group()) and not pm.group().startswith(("截至", "截止")) \
                    and _SAID_ON.search(left, pm.end()):
                continue
            # 中新经纬11月26日电: a dateline's day is when the news was filed
            if re.search(r"\d日$", pm.group()) and left.startswith(("电", "讯"), pm.end()):
                continue
            # 享受加计扣除金额占去年全年汇算清缴的77.6%: the year of the whole a share is of
            if re.search(r"占(?!比)[^，。；、\d]{0,4}$", left[:pm.start()]) and re.match(r"[^，。；]*的$", left[pm.end():]):
                continue
            # 从2021年的人口变化来看，目前已经公布数据的…7.7万人: now is when it is told, the period
            # named before stays; only a period that runs on to now (2月3日以来，…目前) ends in it
            if pm.group() in ("目前", "当前") and period and not period.endswith(("以来", "起")):
                continue
            period = pm.group()
            # 从2015年的69.8%: the period of a change's starting value only
            start_of_change = bool(re.search(r"(?:从|自)(?:今年|去年|(?:19|20)\d{2}年)?$", left[:pm.start()])
                                   and left.startswith("的", pm.end()))
            # (从今年8月份的最低点2.9%连续两个月提升至6.2%: the level reached is not in it either)
            if start_of_change and re.match(r"的[^，。；\d]{0,8}[\d.]+[%％]?[^，。；]*?(?:至|到)[^，。；]*$", left[pm.end():]):
                period = None
                start_of_change = False
            # 2020年下半年以来, 2021年下半年起: a period that runs on to now says so
            # (3月1日改版以来，…: a short verb between the day and 以来 changes nothing; not 有史以来最高)
            since = re.match(r"以来|起", left[pm.end():]) or \
                re.match(r"[\u4e00-\u9fff]{1,4}?(?<!有史)(以来)(?=[，,])", left[pm.end():])
            if since:
                period += since.group(since.lastindex or 0)
        # 自12月15日起，…由现行的7%提高到9%: the level before the change is not in its period
        before_change = bool(_FROM_CURRENT.search(text, max(s0, num_start - 6), num_start)) and \
            bool(re.match(r"[^，。；]{0,6}?(?:至|到)", text[m.end():m.end() + 8]))
        dated_change = bool(period and period.endswith(("起", "以来")) and before_change)
        # (截至2021年底，…企业数量从214家扩充至457家, 今年…比例从75%提至100%: the sentence's time is
        # the new level's; the level it changed from was before it, unless dated itself, 从2015年的69.8%)
        if dated_change or before_change and not start_of_change:
            period = None
        cmp_match = None
        # (in the figure's clause: 同比增长41.3%，达到113.6亿元 - the level is compared with nothing)
        own_clause = _clause_start(text, s0, num_start)
        for cm in _COMPARE.finditer(text, max(own_clause, num_start - 24), num_start):
            # (较10月19日高点1982元: the base's own level is compared with nothing; nor is the level
            # a change reached, 较上月末增加100亿美元至32000亿美元)
            between = text[cm.end():num_start]
            if not re.fullmatch(r"[^，。；]*?(?:高点|低点|峰值|水平)的?", between) \
                    and not re.search(r"\d[^，。；]*?(?:至|到)$", between) \
                    and not (not between.strip() and _CHANGE_AFTER.match(text, m.end())):   # (较3月份1982元下降5%)
                cmp_match = cm.group()
        figures = _FIGURES_BEFORE.search(text, own_clause, num_start) if cmp_match is None else None
        if figures:                     # 分别同比增长56.23%、335.42%、180.98%: the list's comparison
            for cm in _COMPARE.finditer(text[max(own_clause, figures.start() - 12):figures.start()]):
                cmp_match = cm.group()
        lead = _COMPARE_LEAD.search(text, max(s0, own_clause - 8), own_clause) if cmp_match is None else None
        if lead:                        # 从同比看，PPI上涨9.1%: a lead clause saying which comparison
            cmp_match = lead.group(1)
        source = source_org = None
        base = max(0, s0 - 60)
        for sm in _SOURCE.finditer(text, base, s1):
            # (统计局数据显示，…。诸多市场机构预计全年增速将在8.5%左右: a sentence in which someone
            # forecasts or says the figure is theirs, not the data's the sentence before cited)
            if sm.start() < s0 and _OWN_VOICE.search(text, s0, num_start):
                break
            if sm.group("src"):
                source = sm.group("src")
                # 据国家统计局统计, 据国家统计局消息: the organisation named whole (the shortest
                # match stopped at 国家统计), and then what it says
                source_org = next((o for o in orgs if o.span.start == sm.start("src")), None)
                if source_org is not None and source_org.span.end > sm.end("src") - 2:
                    kind = re.match(r"(?:最新)?(?:统计|数据|发布|公布|显示)", text[source_org.span.end:s1])
                    source = source_org.text + (kind.group() if kind else "")
                break
            if sm.group("src3"):
                source_org = next((o for o in orgs if o.span.end == sm.end("src3")
                                   and o.span.start >= sm.start("src3")), None)
                if source_org is not None:
                    source = source_org.text
                    break
                continue
            # 财政部数据显示 -> 财政部数据: only where a named body (or a data vendor, Wind) says so,
            # not 累计数据显示 or 汇总数据显示
            name = sm.group("src2")
            source_org = next((o for o in orgs if o.span.end == sm.end("src2") and o.span.start >= sm.start("src2")),
                              None)
            # (增值税发票数据显示: data that are no body's, named by what they are)
            if source_org is not None or re.fullmatch(r"[A-Za-z]{2,12}", name) \
                    or re.fullmatch(r"[\u4e00-\u9fff]{2,8}(?:发票|普查|抽样调查|监测)", name):
                source = (source_org.text if source_org is not None else name) + sm.group("kind")
                break
        # the place the figure is about: the nearest place named earlier in the same clause
        clause_start = own_clause
        place = None
        k = bisect.bisect_left(place_starts, num_start) - 1
        while k >= 0 and places[k].span.start >= clause_start:
            if places[k].span.end <= num_start:
                place = places[k]
                break
            k -= 1
        # 鄂尔多斯市、扬州市、镇江市等27个城市: a count of a list, not a figure about its last place;
        # nor is 华北、西北、东北3个 or 西藏、江西这11个省区市 a count of 东北 or 江西
        # (欧盟、东盟和美国分别进出口8746.4亿元、8704.7亿元: the last of a list before 分别 is one
        # figure's of several, not every figure's)
        if place is not None and (re.match(r"\s*(?:等|、|和|及)", text[place.span.end:num_start])
                                  or unit == "NUM" and text[place.span.start - 1:place.span.start] == "、"
                                  and place.span.start - 1 in place_ends
                                  and re.fullmatch(r"(?:这|那|等|共|计)?", text[place.span.end:num_start])
                                  or text[place.span.start - 1:place.span.start] in ("、", "和", "与", "及")
                                  and re.match(r"(?:两[省市国地])?分别", text[place.span.end:num_start])):
            place = None
        anaphor = None
        if place is None:
            place = anaphor = _anaphoric_place(text, clause_start, num_start, named, named_starts)
        if place is None:
            place = _whole_country(text, clause_start, num_start, orgs)
        conf = 0.6 if m.group("bare") is not None else 0.85 if unit != "NUM" else 0.7
        rule = f"number-{unit.lower()}"
        ind_start = num_start
        low = _RANGE_LOW.search(text, s0, num_start)
        direction = _direction(text, s0, low.start() if low and not m.group("cnum") and not prefix else num_start)
        if m.group("times") and direction == "down":
            direction = None        # 降低3倍 is no fall of 300%: a multiple says how much, not which way
        # 高于全国平均水平10.04个百分点, 低于平均值22个百分点: a difference in points from a
        # benchmark, which is what it is compared with, below it a fall; the indicator is before
        # the verb (低于全年5.5%左右的预期目标, 低于收入增速（14.5%）: the benchmark itself)
        bench = _nearest_benchmark(text, max(clause_start, num_start - 24), num_start) \
            if not prefix and not low and (m.group("pp") or m.group("pml") == "个千分点") else None
        # (比上月高: a comparison over time, kept as it is found elsewhere; the indicator is still
        # before it, CPI涨幅)
        if bench is not None and bench.group("base2") and _COMPARISON_BASE.fullmatch("比" + bench.group("base2")):
            ind_start, bench = bench.start(), None
        if bench is not None:
            verb = bench.group("verb") or bench.group("verb2")
            direction = "down" if verb[0] in "低慢" else "up"
            cmp_match, ind_start = bench.group("base") or bench.group("base2"), bench.start()
        sign = -1 if direction == "down" else 1
        # 同比-4%, 增速为-2.5%, 负0.5%: a written minus (not the dash of a range, 2%-4%)
        # (2.5万亿元-3万亿元: a dash right after another figure is a range's, not a minus)
        if m.group("num") and not prefix and (num_start >= 1 and text[num_start - 1] in "-－−" and
                                              not (num_start >= 2 and re.match(r"[\d%％.万亿千百]", text[num_start - 2]))
                                              and not (rec.quantities and rec.quantities[-1].span.end == num_start - 1)
                                              or text[num_start - 1:num_start] == "负"):
            sign = -1
        low_q = None
        if low and not m.group("cnum") and not prefix:
            # 8万-10万吨: both bounds are figures about what precedes the range
            low_value = float(Decimal(low.group("num")) * Decimal(repr(scale(low.group("scale") or m.group("scale"))))
                              * Decimal(repr(factor)))
            if low_value < value:
                ind_start = low.start()
                rule = f"number-{unit.lower()}-range"
                rec.quantities.append(Quantity(
                    value=sign * low_value, unit=unit, surface=text[low.start():m.end()],
                    span=Span(low.start(), m.end()), confidence=conf,
                    indicator=_indicator(text, ind_start, s0), period=period,
                    comparison=cmp_match, compared_as=extra, source=source, source_org=source_org, place=place, extractor=TAG,
                    rule=f"number-{unit.lower()}-range-low", direction=direction))
                low_q = rec.quantities[-1]
        # 分别高2.5和2.1个百分点, 分别增长12、8和6个百分点: the bare figures listed before this one
        # share its unit, scale, direction and indicator
        heads = _LIST_HEADS.search(text, max(s0, num_start - 40), num_start) if m.group("num") and not prefix \
            and ind_start == num_start else None
        if heads:
            ind_start = heads.start()
            direction = _direction(text, s0, ind_start)
            sign = -1 if direction == "down" else 1
            for hm in re.finditer(r"\d+(?:\.\d+)?", heads.group()):
                hv = float(Decimal(hm.group()) * Decimal(repr(scale(m.group("scale")))) * Decimal(repr(factor)))
                hs = heads.start() + hm.start()
                rec.quantities.append(Quantity(
                    value=sign * hv, unit=unit, surface=text[hs:hs + len(hm.group())] + text[m.end("num"):m.end()],
                    span=Span(hs, hs + len(hm.group())), confidence=conf - 0.05,
                    indicator=_indicator(text, ind_start, s0), period=period, comparison=cmp_match, compared_as=extra,
                    source=source, source_org=source_org, place=place, extractor=TAG, rule=f"number-{unit.lower()}-list",
                    direction=direction))
        if start_of_change:
            change_starts.add(len(rec.quantities))
        if before_change:
            levels_before.add(len(rec.quantities))       # no period comes to it from elsewhere
        indicator = (m.group("people") is not None and _PEOPLE.match(text, m.end()).group()) or (m.group("cnt") and not heads
                     and (_counted(text, m.end(), m.group("cnt"))
                          or _listed_count(text, num_start, m.end(), m.group("cnt"), s0)))
        if not indicator:
            indicator = _indicator(text, ind_start, s0)
            # (松山湖以54家企业数量位居首位, 北京将于近期集中开工100项…重大项目: what stands before a
            # count that ends on a preposition or a verb names nothing; the noun after its counter does)
            if m.group("cnt") and not heads and indicator and _FRAGMENT_END.search(indicator):
                after = _counted_to_verb(text, m.end(), m.group("cnt"))
                indicator = after if after and not _COUNTED_ADVERB.search(after) else None
            # (受让深圳市中技实业（集团）有限公司持有大摩华鑫基金5%股权: an indicator never opens inside
            # a name; it starts after the name, 持有大摩华鑫基金, not 限公司持有…)
            at = text.rfind(indicator, max(s0, ind_start - 40), ind_start) if indicator else -1
            k = bisect.bisect_left(name_starts, at) - 1 if at > 0 else -1
            inside = next((x for x in by_start[max(0, k - 3):k + 1] if x.span.start < at < x.span.end), None)
            if inside is not None:
                indicator = _indicator_words(text[inside.span.end:at + len(indicator)])
        if anaphor is not None and indicator:
            # 该省沙化土地面积 in 甘肃省: 沙化土地面积 (with no place found, 该省 stays: the figure is
            # no national one)
            indicator = re.sub(r"^[该本](?:省|市|区|县|自治区)", "", indicator) or None
        if indicator and _GIVING.search(indicator):
            low_q = low_q if low_q is not None and low_q.indicator == indicator else None
            # 再安排1.2万亿元转移支付资金, 近期投放100万吨国家钾肥储备: what is given is named after
            # the figure; with no noun there, a verb after an adverb (将安排) is no indicator
            # (研发投入300亿元, 信贷投放2.1万亿元: a topic and the verb make the noun, and stay)
            after = _GIVEN.match(text, m.end())
            rest = _GIVING.sub("", indicator)
            if after and not _COUNTED_VERB.search(after.group(1)):
                indicator = after.group(1)
            elif not rest or _GIVER_END.search(rest):
                indicator = None
            if low_q is not None:           # (both bounds of a range measure one thing)
                low_q.indicator = indicator
        # (消费方面，上半年同比增长23.0%: a sentence that opens on its topic measures it)
        # (not 另一方面, 其他方面, 一方面: those open no topic; 在消费方面 is 消费)
        topic = re.match(r"(?:在|从|就|对)?([\u4e00-\u9fff（）()]{2,14}?)方面[，,]", text[s0:num_start]) \
            if indicator is None else None
        if topic and not any(b.span.start >= s0 + topic.end() for b in rec.quantities) \
                and not re.fullmatch(r"另一|其他|其它|一|这|那|各|多|有关|相关|这些|那些|其|双|另", topic.group(1)):
            indicator = topic.group(1)
        # (最高1000万元购房补助: a clause that opens on a bound names what it bounds after it)
        if indicator is None and re.fullmatch(r"(?:最高|最低|最多|最少|至少|高达)", text[clause_start:num_start]):
            after = _GIVEN.match(text, m.end())
            indicator = after.group(1) if after and not _COUNTED_VERB.search(after.group(1)) else None
        if indicator is None and _ONLY_VERB.fullmatch(text[clause_start:num_start]) \
                and not text.startswith("的", m.end()):          # (超过10%的市场预期: the expectation's)
            parts = {b.indicator for b in rec.quantities if b.span.start >= s0 and b.indicator}
            if _TOTAL.search(text, clause_start, num_start) and len(parts) >= 2:
                # 521家…企业和500家协同倍增企业，共计1021家企业上榜: a total of parts is of all of them,
                # not the last one; what it counts is named after it, or it stays unnamed (分2笔资金，
                # 共计2600万元: the total of one thing is that thing's)
                indicator = _counted_to_verb(text, m.end(), m.group("cnt")) if m.group("cnt") else None
            else:
                # 债权投资同比增长41.3%，达到113.6亿元: a clause of a verb alone goes on about what the
                # sentence's figure before measured
                indicator = next((b.indicator for b in reversed(rec.quantities) if b.span.start >= s0), None)
        rec.quantities.append(Quantity(value=sign * value, unit=unit, surface=text[num_start:m.end()],
                                       span=Span(num_start, m.end()), confidence=conf,
                                       indicator=indicator, period=period,
                                       comparison=cmp_match, compared_as=extra, source=source, source_org=source_org, place=place, extractor=TAG,
                                       rule=rule, direction=direction))
        del sentence
    # 其中葫芦岛为-7.38‰, 深圳报告13例, 中卫市增长36.4%: a place alone before a figure says where,
    # not what; what is measured is what the figure before it in the sentence measured, in the
    # same unit (人口自然增长率为-4.2‰，其中葫芦岛为-7.38‰)
    for j, q in enumerate(rec.quantities):
        if q.place is None or q.indicator is None or not _PLACE_ONLY.fullmatch(q.indicator.replace(q.place.text, "", 1)) \
                or not q.indicator.startswith(q.place.text):
            continue
        sent = art.sentence_at(q.span.start)
        # (西部12个省, 北京3.4亿元: a place and its figure with nothing between inherit nothing,
        # unless they are the parts of a total, 其中…溧水区12例, （江宁区199例、…）)
        p0 = sent.start if sent is not None and (q.place.span.end < q.span.start
                                                  or _PARTS.search(text, sent.start, q.span.start)) else q.span.start
        before = next((b for b in reversed(rec.quantities[:j]) if b.span.start >= p0 and b.unit == q.unit
                       and b.indicator and not (b.place is not None and b.indicator.startswith(b.place.text)
                                                and _PLACE_ONLY.fullmatch(b.indicator.replace(b.place.text, "", 1)))
                       and not _PLACE_NAME.fullmatch(b.indicator)),          # (其中江宁区199例: a district)
                      None)
        q.indicator = before.indicator if before is not None else None
        if before is not None and before.place is not None:
            # (广东全省新增…病例14例，其中深圳报告13例, 全省新增…14例，广州报告1例: 新增…病例 in 深圳,
            # not 广东's)
            lead = before.place.text if q.indicator.startswith(before.place.text) else ""
            rest = re.sub(r"^(?:全省|全市|全区|省|市|区)", "", q.indicator[len(lead):])
            q.indicator = rest if len(rest) >= 2 else q.indicator
    # 今年1月，…增长34.92%；实际使用外资3.29亿美元…: clauses after a ； go on in the period (and, for
    # changes, on the comparison) of the clause before
    for j, (prev, q) in enumerate(zip(rec.quantities, rec.quantities[1:])):
        ps, qs = art.sentence_at(prev.span.start), art.sentence_at(q.span.start)
        if ps is None or qs is None or ps is qs or qs.index != ps.index + 1 or not text[ps.start:ps.end].endswith("；"):
            continue
        if q.period is None and prev.period and j + 1 not in levels_before:
            q.period = prev.period
        if q.comparison is None and q.direction and not q.compared_as and prev.comparison in ("同比", "环比"):
            q.comparison = prev.comparison
        # (记者从国务院国资委了解到，…增长12.4%；实现利润总额…: who told it told the rest of the list;
        # not a clause with a voice of its own, 市场机构预计…, 专家认为…)
        if q.source is None and q.source_org is None and (prev.source is not None or prev.source_org is not None) \
                and q.modality is None and not _OWN_VOICE.search(text, qs.start, q.span.start) \
                and not _OTHER_TELLER.search(text, qs.start, q.span.start) \
                and not any(qs.start <= o < q.span.start for o in org_starts):
            q.source, q.source_org = prev.source, prev.source_org
    _respective_rates(text, art, rec.quantities)
    # 从最低点2.9%连续两个月提升至6.2%: an indicator is never read across another figure (what
    # follows that figure may be one: 人民币存款余额2万亿元，贷款余额…)
    # (but 超50亿元项目, 这3个地区的沙棘企业, 11省市: a figure that qualifies the noun after it is
    # part of the indicator; 企业数量从214家扩充到457家: what changed is named before the change)
    for prev, q in zip(rec.quantities, rec.quantities[1:]):
        if not (q.indicator and prev.surface and prev.surface in q.indicator):
            continue
        head, rest = q.indicator.rsplit(prev.surface, 1)
        if re.search(r"(?:超|超过|逾|以上|不少于|不低于|不足|低于|高于)$", head) or rest[:1] in ("的", "市", "区", "以"):
            continue
        if re.search(r"[及和与、]$", text[prev.span.end:q.span.start]):
            q.indicator = None      # (30张表格及6个相关说明: 表格 is the first figure's noun)
            continue
        if re.search(r"(?:从|由)$", head) and len(head) >= 3:
            q.indicator = head[:-1]
            continue
        rest = rest[1:] if prev.surface.endswith("省") and rest.startswith("份") else rest    # (6省份GDP总量)
        q.indicator = rest if len(rest) >= 2 and not re.match(r"[\d，,、/]|连续|持续|以来", rest) else None
    # 进出口总值3.72万亿元，同比增长20.5%: a rate without its own indicator or period measures the
    # figure just before it in the same sentence
    passing = None          # the period a figure passes on (a level before a change passes on its left's)
    for i, (prev, q) in enumerate(zip(rec.quantities, rec.quantities[1:])):
        ps_, qs_ = art.sentence_at(prev.span.start), art.sentence_at(q.span.start)
        same = ps_ is qs_
        # (a date things change from, 自…起, passes over the level before the change to the new one)
        passing = passing if i in levels_before and same and (passing or "").endswith(("起", "以来")) \
            else prev.period
        # 服务业吸收外资786.1亿元，占北京市吸收外资总量的82.7%: the share is of what the figure
        # before measured
        if same and q.indicator and q.indicator.startswith("占") and prev.indicator \
                and not prev.indicator.startswith("占") and "分别" not in text[prev.span.end:q.span.start] \
                and len(prev.indicator) + len(q.indicator) <= 28:
            q.indicator = prev.indicator + q.indicator
        if same and q.indicator is None and prev.indicator and q.unit == prev.unit:
            gap = text[prev.span.end:q.span.start]
            # 月最低工资标准调整为2280元、2070元、1840元三档: the figures of a list measure what
            # its first one does; 从2480元调整到2590元: the level reached measures what the level
            # it changed from did
            # (not after 分别: 欧盟、东盟和美国分别进出口8746.4亿元、8704.7亿元…, each its own)
            sent = art.sentence_at(prev.span.start)
            if gap in ("、", "和", "与", "及") and (q.direction is None) == (prev.direction is None) \
                    and "分别" not in text[sent.start if sent else 0:prev.span.start] \
                    or re.fullmatch(r"(?:连续[^，。；\d]{1,6}?|逐步|逐月|持续|进一步|稳步)?(?:" + _CHANGED_TO.pattern + ")", gap) \
                    and re.search(r"(?:从|由)(?:现行的?|[^，。；%％元]{0,12}?的(?:最低点|最高点|低点|高点|峰值|谷底|水平))?$",
                                  text[max(0, prev.span.start - 16):prev.span.start]):
                q.indicator = prev.indicator
            # 出口突破9000亿美元，达到9734.5亿美元: the level a threshold passed reached measures the same
            elif re.fullmatch(r"[，,]?(?:并|已|再|一举)?(?:达到|达|升至|增至|增长至|增加到|提高到)了?", gap) \
                    and re.search(r"(?:突破|超过|超|越过|跨过)了?$", text[max(0, prev.span.start - 3):prev.span.start]):
                q.indicator = prev.indicator
        # 今年1-4月，浙江进出口总值1.43万亿元，…出口1.05万亿元: the sentence goes on about the place
        # its figure before was about, until it names another (or the country, 高于全国平均水平)
        # (only from a place its clause opens with, the subject, to a clause that goes on about it:
        # not 是美国接种量的3倍多，超过了…, nor 石嘴山市下降1.3%，宁东下降25.3%)
        # (a clause after ； goes on in it too: …增长20%；进口3816.1亿元)
        goes_on = same or (ps_ is not None and qs_ is not None and qs_.index == ps_.index + 1
                           and text[ps_.start:ps_.end].endswith("；"))
        q_clause = _clause_start(text, qs_.start if qs_ is not None else 0, q.span.start)
        # (目前西藏共有邮政普遍服务网点754个，快递网点399个，…比例达100%: a list of the subject's
        # figures in one sentence, each clause naming its own measure, is the subject's too; not a
        # clause a short name opens, 石嘴山市下降1.3%，宁东下降25.3%, a place kg does not know)
        listed_on = same and q.indicator is not None and q_clause not in org_starts and (
            q.indicator == prev.indicator
            or len(q.indicator) >= 3 and text.startswith(q.indicator, q_clause)
            # (银川市开工率98%，宁东开工率95%: the same measure with a name before it is another's)
            and not (prev.indicator and q.indicator != _without_place(prev)
                     and q.indicator.endswith(_without_place(prev)))
            and not re.match(r"[\u4e00-\u9fff]{2,3}(?:增长|下降|上涨|下跌|减少|增加|回落|上升|为|达)", text[q_clause:q_clause + 6]))
        if (goes_on and _GOES_ON.match(text, q_clause) or listed_on) and q.place is None and prev.place is not None \
                and _SUBJECT_LEAD.fullmatch(text, _clause_start(text, 0, prev.place.span.start), prev.place.span.start) \
                and bisect.bisect_left(place_starts, q.span.start) == bisect.bisect_left(place_starts, prev.span.end) \
                and not _OTHER_SCOPE.search(text, prev.span.end, q.span.start) \
                and not re.match(r"\s*(?:分别|、|和|与|及)", text[prev.place.span.end:]) \
                and "分别" not in text[prev.place.span.end:q.span.start]:
            q.place = prev.place
        if same:
            # (秋粮产量10178亿斤，比上年增加191亿斤: a change in the level's own unit measures it too)
            # (超过10%的市场预期: a figure qualifying the noun after it measures that noun)
            # (人民币贷款增加1.27万亿元，同比少增1605亿元: the change of a flow measures that flow)
            if q.indicator is None and prev.indicator and not text.startswith("的", q.span.end) and (
                    q.unit == "PERCENT" and not _QUALIFIED.match(text, q.span.end)
                    or (q.direction and prev.direction is None and q.unit == prev.unit)
                    or q.comparison and q.unit == prev.unit
                    and _flow_change(text[max(0, q.span.start - 8):q.span.start])):
                q.indicator = prev.indicator
            # (not 从2015年的69.8%提高至78.5%: the figure reached is not in the period it started)
            # 分别增长5.1%和6.2%: the second figure of a pair changes the same way
            # (下跌3%—14%: so do both bounds of a range, each written with its unit, which is
            # one figure's two bounds, and its rules say so)
            dash = text[prev.span.end:q.span.start] in ("-", "—", "–", "~", "～", "－") and prev.unit == q.unit \
                and not prev.rule.endswith("range-low") and not q.rule.endswith("range")
            if q.direction is None and prev.direction and (text[prev.span.end:q.span.start] in ("和", "、", "与", "及") or dash):
                q.direction = prev.direction
                q.value = -abs(q.value) if q.direction == "down" else q.value
            if dash and abs(prev.value) < abs(q.value):
                prev.rule, q.rule = prev.rule + "-range-low", q.rule + "-range"
                q.indicator = q.indicator or prev.indicator
            if q.period is None and passing and i + 1 not in levels_before \
                    and not (i in change_starts and re.search(r"至|到", text[prev.span.end:q.span.start])):
                q.period = passing
    # 全国居民消费价格同比上涨2.1%，涨幅比上月扩大0.6个百分点: a figure of the same measure later in
    # the sentence (its indicator passed on above) is of the same place
    for prev, q in zip(rec.quantities, rec.quantities[1:]):
        if q.place is None and prev.place is not None and q.indicator and q.indicator == prev.indicator \
                and art.sentence_at(prev.span.start) is art.sentence_at(q.span.start) \
                and bisect.bisect_left(place_starts, q.span.start) == bisect.bisect_left(place_starts, prev.span.end) \
                and not _OTHER_SCOPE.search(text, prev.span.end, q.span.start) \
                and "分别" not in text[prev.place.span.end:q.span.start]:
            q.place = prev.place
    # 2021年6月，全国发行地方政府债券7949亿元。其中，发行一般债券2344亿元: a 其中 sentence breaks down
    # the figures before it, in their period (the last one stated earlier in the paragraph)
    # (so does a clause after ；, which lists on in the same frame: …出口19.58万亿元；进口15.81万亿元;
    # and a sentence that says 同期, the period just named, even in the paragraph before)
    last: tuple[int, str] | None = None          # (paragraph start, period)
    for k, q in enumerate(rec.quantities):
        para = next((p.start for p in art.paragraphs if p.start <= q.span.start <= p.end), None)
        s = art.sentence_at(q.span.start)
        if q.period is None and last and s is not None and k not in levels_before:
            lead = text[s.start:s.end].lstrip()
            before = art.sentences[s.index - 1] if s.index > 0 else None
            listed_on = before is not None and before.start >= (para or 0) \
                and text[before.start:before.end].rstrip().endswith("；")
            if last[0] == para and (lead.startswith("其中") or listed_on) or re.match(r"同期[，,]", lead):
                q.period = last[1]
        if q.period and k not in change_starts:      # (a change's starting level's period is its own)
            last = (para, q.period)
    _respective_periods(text, art, rec.quantities)
    _paragraph_periods(text, art, rec.quantities, levels_before)
    _plan_paragraphs(text, art, rec.quantities)
    _chart_lines(text, art, rec.quantities)
    _headline_period(text, art, rec.quantities, levels_before)
    _respective_indicators(text, art, rec.quantities, places)
    _section_sectors(text, art, rec.quantities)
    # (by bisection: a scan of every cell for every figure was quadratic, 27 s for a 20,000-row table)
    cells = sorted((c.start, c.end) for c in art.table_cells)
    cell_starts = [a for a, _ in cells]

    def in_cell(at: int) -> bool:
        k = bisect.bisect_right(cell_starts, at) - 1
        return k >= 0 and at < cells[k][1]

    if art.table_cells:             # a table's figures, read by its headers (kg.extract.table_figures)
        rec.quantities = [q for q in rec.quantities if not in_cell(q.span.start)] + table_figures.figures(art, TAG, places)
    later = _tenths(text, art, rec.quantities) + _years(text, art, rec.quantities)
    _headline_period(text, art, later, set())
    rec.quantities = sorted(rec.quantities + later, key=lambda q: q.span.start)
    for q in rec.quantities:
        if q.unit in _CURRENCY_CODES:
            per = _PER.match(text, q.span.end) or (_PER_BEFORE.search(q.indicator) if q.indicator else None)
            q.per = per.group("per") if per else None
            if per is not None and per.re is _PER_BEFORE:
                q.indicator = q.indicator[:per.start()] or None
        cell = in_cell(q.span.start)
        if q.per is None and q.unit not in ("PERCENT", "YR") and not cell:
            # 该校友每年将向…捐赠人民币5000万元, 日均达到4635万, 每天送出300份: a rate, per its clause
            s = art.sentence_at(q.span.start)
            rate = _RATE_IN_CLAUSE.search(text, _clause_start(text, s.start if s else 0, q.span.start), q.span.start)
            if rate is not None:
                q.per = rate.group("per") or rate.group("avg")
                if q.indicator and rate.group() in q.indicator:
                    q.indicator = q.indicator.replace(rate.group(), "", 1) or None
        if not cell:
            q.approximation = _approximation(text, q)
            s = art.sentence_at(q.span.start)
            q.modality = _modality(text[_clause_start(text, s.start if s else 0, q.span.start):q.span.start])
            planned = _PLANNED.search(q.indicator) if q.modality == "planned" and q.indicator else None
            if planned is not None and len(q.indicator) - planned.start("verb") >= 2:
                # (腾讯将向香港社会捐助: who gives and to whom is no part of what is given)
                q.indicator = q.indicator[planned.start("verb"):]
    _multiples_of(text, art, rec.quantities)
    day = datetime.date.fromisoformat(day_in_china(art.meta["date"])) if art.meta.get("date") else None
    for q in rec.quantities:
        dates = period_dates(q.period, day)
        if dates is not None:
            q.period_start, q.period_end = dates
            # (“十四五”期间，累计实际利用外资1000亿美元 in 2021: a plan's figure for years not over
            # when the article was written is what the plan aims at)
            if q.modality is None and _PLAN_PERIOD.match(q.period) and day is not None \
                    and dates[1] is not None and dates[1] > day.isoformat():
                q.modality = "target"
            # (到2025年，完成沙化土地治理460万公顷; 预计2023年市场规模1万亿元: a figure for a year
            # that had not begun when the article was written, with a deadline or a forecast's
            # word, is aimed at or foreseen, never reached; not a rule's day, 2021年8月1日起)
            elif q.modality is None and day is not None and dates[0] is not None and dates[0] > day.isoformat() \
                    and not in_cell(q.span.start) and not re.search(r"日|起$", q.period):
                s = art.sentence_at(q.span.start)
                before = text[s.start if s else max(0, q.span.start - 60):q.span.start]
                q.modality = "forecast" if _FORECAST.search(before) else "target" if _FUTURE_TARGET.search(before) else None
    for q in rec.quantities:
        # 四川省外商直接投资 with the place 四川省: the place is said once, as kg:place
        if q.place is not None and q.place.span is not None and q.indicator:
            name = text[q.place.span.start:q.place.span.end]
            # (中国与东盟累计双向投资总额, 中国-东盟贸易额: two parties' figure, not the first's)
            if q.indicator.startswith(name) and re.match(r"[-—－、]|[与和](?![谐平])", q.indicator[len(name):]):
                q.place = None
            elif q.indicator.startswith(name):
                rest = re.sub(r"^(?:的|共有|共|有|是|拥有|全省|全市|全区)+", "", q.indicator[len(name):])
                if len(rest) >= 2:
                    q.indicator = rest
    rec.quantities = _without_restatements(rec.quantities)
    return rec


# 超9成, 近五成, 平均下降4成以上: a share in tenths (成) after a word that says it is one (not
# 一成不变, 八成是 "probably", 成为, 成本)
_TENTHS = re.compile(r"(?:占比|占|超过|超|逾|近|约|达|有|增长|上升|上涨|增加|回升|下降|下滑|降|涨|减少|提高|不到|不足|的)(?P<n>[1-9]|[一二三四五六七八九])成"
                     r"(?![为立功本交果员都市长型绩就熟年品不])")


def _tenths(text: str, art, found: list) -> list:
    spans = [(q.span.start, q.span.end) for q in found]
    out = []
    for m in _TENTHS.finditer(text):
        start, end = m.start("n"), m.end()
        if any(a < end and start < b for a, b in spans):
            continue
        s = art.sentence_at(start)
        s0 = s.start if s else 0
        n = int(m.group("n")) if m.group("n").isdigit() else parse_chinese(m.group("n"))
        direction = _direction(text, s0, start)
        out.append(Quantity(value=(-1 if direction == "down" else 1) * n * 10.0, unit="PERCENT", surface=text[start:end],
                            span=Span(start, end), confidence=0.75, indicator=_indicator(text, start, s0),
                            extractor=TAG, rule="number-tenths", direction=direction))
    return out



# 平均发行期限12.2年，其中一般债券8.6年，专项债券13.7年; 有期徒刑十年: a length of time in years
# (N年 is a year everywhere else), after a word that makes it one, and the like figures listed
# after it in its sentence
# (规划期限为2021年至2035年, 发行时间为2021年: years, not lengths)
_YEARS_LEAD = re.compile(r"(?:期限|年限|为期|有期徒刑|刑期|任期|存续期|封闭期)(?:为|是|达|约|长达)?"
                         r"(?P<num>(?!(?:19|20)\d{2}年)\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})(?:个)?年"
                         r"(?![\d月度级代初末底前后来内间至到起])")
_YEARS_NEXT = re.compile(r"(?<=[，、；])(?:其中)?(?P<ind>[\u4e00-\u9fff]{2,8}?)(?P<num>(?!(?:19|20)\d{2}年)\d+(?:\.\d+)?)年"
                         r"(?=[，。；、）)]|$)")


def _years(text: str, art, found: list) -> list:
    spans = [(q.span.start, q.span.end) for q in found]
    out = []
    for m in _YEARS_LEAD.finditer(text):
        s = art.sentence_at(m.start())
        s0, s1 = (s.start, s.end) if s else (0, len(text))
        # (判处有期徒刑十年: the sentence's measure is the prison term, whoever the words before name)
        lead = "有期徒刑" if "有期徒刑" in m.group() else _indicator(text, m.start("num"), s0)
        hits = [(m, lead if lead not in ("为期", "期限") else None)]
        hits += [(n, n.group("ind")) for n in _YEARS_NEXT.finditer(text, m.end(), s1)
                 if not re.search(r"[至到以来]$", n.group("ind"))]
        for h, indicator in hits:
            start, end = h.start("num"), h.end()
            if any(a < end and start < b for a, b in spans):
                continue
            num = h.group("num")
            value = float(num) if num[0].isdigit() else parse_chinese(num)
            if value is None:
                continue
            out.append(Quantity(value=float(value), unit="YR", surface=text[start:end], span=Span(start, end),
                                confidence=0.7, indicator=indicator, extractor=TAG, rule="number-years"))
            spans.append((start, end))
    return out


# 约5%, 超过50亿元, 不到5%, 20多个, 150余亿元, 5%左右: how exact the figure is, as the words say
_APPROX_BEFORE = re.compile(r"(?P<about>大约|约为|约|将近|接近|近)$|(?P<over>超过|超|逾|多于|突破)$|(?P<under>不到|不足|少于)$"
                            r"|(?P<least>至少|不少于|不低于)$|(?P<most>最多|至多|不超过|不高于)$")
_APPROX_AFTER = re.compile(r"(?P<about>左右|上下)|(?P<over>以上)|(?P<under>以下|以内)")
_APPROX_KIND = {"about": "about", "over": "over", "under": "under", "least": "at-least", "most": "at-most"}


# 809.6元/吨, 545.88元/股, 0.15元每分钟: an amount per a unit (a price or rate, not a total)
_PER_UNITS = r"吨|公斤|千克|斤|克|盎司|桶|股|份|平方米|平米|立方米|千瓦时|度|升|分钟|小时|天|日|月|年|人|户|辆|台|件|张|亩"
_PER = re.compile(rf"\s*(?:/|／|每)(?P<per>{_PER_UNITS})(?![\u4e00-\u9fff]{{0,1}}[个位])")
_PER_BEFORE = re.compile(rf"每(?P<per>{_PER_UNITS})$")          # 油价每桶80美元
# a rate stated in the figure's clause, before it: 每年, 每天, 日均 (not 年均: a comparison)
_RATE_IN_CLAUSE = re.compile(r"每(?P<per>年|天|日|月|周|人|户)(?![\u4e00-\u9fff]?[度份期])|"
                             r"(?<![\d一二三四五六七八九十])(?P<avg>[日月])均")      # (not 17日和18日均开展: both days)


_CURRENCY_CODES = frozenset(CURRENCIES.values())
# IMF预测2021年中国GDP增长8%, 诸多机构预计…8.5%左右, GDP预期目标为6%以上, 力争达到30%: what is
# expected or aimed at, not a figure reached (in the figure's own clause; 好于预期 and 超预期 are
# comparisons with one)
# (完成全年目标任务的95%: a share of a target reached; 业务活动预期指数为56.9%: an index's name)
_TARGET = re.compile(r"目标(?!任务的|的|公司|企业|客户|用户|人群|市场|群体)|力争|争取|确保")
_FORECAST = re.compile(r"预计(?!负债)|预测|(?<![于超过])预期(?!指数)|估计|有望|料将|或将|预增|预减|展望")


_PLAN_PERIOD = re.compile(r"“?十[一二三四五]五”?")


# 将向香港社会捐助1000万元, 公司拟出资1亿元, 吴忠市计划投资232亿元: money or goods someone will
# give, spend or raise, announced, not yet given
_PLANNED = re.compile(r"(?:将|拟|计划|准备|承诺|决定|宣布将)(?:[^，。；\d]{0,12}?)"
                      r"(?P<verb>捐赠|捐助|捐款|出资|投资|投入|采购|安排|发放|提供|收购|回购|增持|减持|募集|发行)")


# what makes a figure for a time to come a goal: a deadline (到2025年), a plan, a duty
_FUTURE_TARGET = re.compile(r"到|至|力争|目标|确保|争取|计划|规划|要求|任务")


def _modality(clause: str) -> str | None:
    return "target" if _TARGET.search(clause) else "forecast" if _FORECAST.search(clause) \
        else "planned" if _PLANNED.search(clause) else None


def _approximation(text: str, q) -> str | None:
    before = _APPROX_BEFORE.search(text, max(0, q.span.start - 3), q.span.start)
    if before is not None:
        return _APPROX_KIND[before.lastgroup]
    if re.search(r"\d(?:余|多)|[万亿](?:余|多)", q.surface):      # 20多个, 150余亿元, 14亿多人
        return "over"
    per = _PER.match(text, q.span.end) if q.per else None       # (1095元/吨左右: about)
    after = _APPROX_AFTER.match(text, per.end() if per else q.span.end)
    return _APPROX_KIND[after.lastgroup] if after is not None else None


def _without_restatements(quantities: list) -> list:
    """1083亿件 in the lead, again in the body (2021年), again as 2021年全年: one figure stated
    again is one fact, its first statement, given the period a restatement adds. Only the same
    written figure, change and comparison, measuring the same (one indicator holding the
    other; both missing) of the same place (江宁区4例 and 秦淮区4例 are two) in a compatible period (the same, as written or as dates, or one not
    given)."""
    kept: list = []
    # (only facts of one value, unit, comparison and direction can be one: compared within those,
    # a table of thousands of figures stays linear)
    # (two cells of a table are two figures, whatever they hold: 总计 83.72 and the 股份制企业
    # row's 83.72; a cell is compared with the text's figures only)
    same: dict[tuple, tuple[list, list]] = {}
    restating: dict[int, str | None] = {}   # text figure -> the measure of the cells it restates
    for q in quantities:
        texts, cells = same.setdefault((q.value, q.unit, q.comparison, q.compared_as, q.direction), ([], []))
        cell = q.rule == "table-cell"
        # (a text figure restates cells of one measure only: 每百元营业收入中的成本为83.72元 is
        # the 总计 row's, not also the 股份制企业 row's; the same total in two tables is one)
        for k in ([t for t in texts if restating.get(id(t), q.indicator) == q.indicator] if cell
                  else texts + cells):
            # (a table's cell holds the bare number, 79750.1 for the text's 79750.1亿元, and its
            # period from the headers, 2021年1-11月 for the text's 1—11月)
            table = "table-cell" in (k.rule, q.rule)
            if (k.value, k.unit, k.comparison, k.compared_as, k.direction) == (q.value, q.unit, q.comparison, q.compared_as, q.direction) \
                    and (k.surface == q.surface or table) \
                    and not (k.place is not None and q.place is not None and _place_key(k) != _place_key(q)) \
                    and (k.indicator is None and q.indicator is None
                         # (with nothing saying what they measure, a place's 3亿剂 is not the one
                         # of a sentence without one)
                         and (k.place is None) == (q.place is None)
                         or k.indicator and q.indicator and _same_measure(k.indicator, q.indicator)) \
                    and (k.period == q.period or k.period is None or q.period is None
                         or table and _same_period(k.period, q.period)
                         # 今年前三季度 and 前三季度, 2021年1-11月 and 1—11月: the same dates
                         or k.period_start is not None and (k.period_start, k.period_end) == (q.period_start, q.period_end)):
                if cell:
                    restating[id(k)] = q.indicator
                # (a cell's row label does not rename the text's figure, nor the text a cell's)
                if len(q.indicator or "") > len(k.indicator or "") and not table:
                    k.indicator = q.indicator
                if k.period is None and q.period:
                    k.period, k.period_start, k.period_end = q.period, q.period_start, q.period_end
                break
        else:
            kept.append(q)
            (cells if cell else texts).append(q)
    return kept


def _place_key(q) -> str:
    """The place a figure is about, as one key whatever its spelling (深圳, 深圳市)."""
    return q.place.key or q.place.text


# a sector named before a measure makes it another measure: 服务业新订单指数 is not 新订单指数
_SECTOR_BEFORE = re.compile(r"(?:服务|制造|建筑|工|农|商|采矿|零售|批发|房地产)业$")


def _same_measure(a: str, b: str) -> bool:
    """One indicator holding the other measures one thing (广东完成规模以上工业增加值 and
    规模以上工业增加值, 进出口总值 and 进出口), unless what opens the longer is a sector (a0097:
    服务业新订单指数 rose by as much as 新订单指数, and is another figure)."""
    short, long_ = sorted((a, b), key=len)
    i = long_.find(short)
    return i >= 0 and not _SECTOR_BEFORE.search(long_[:i])


def _same_period(a: str, b: str) -> bool:
    """1—11月 and 2021年1-11月份: one period (one holds the other, dashes and 份 aside)."""
    a, b = (re.sub(r"[-–~至]", "—", x).replace("份", "") for x in (a, b))
    return a in b or b in a


# a period statistics are reported for (1-11月, 前2个月, 上半年, 一季度, 2021年), not a day, not
# a deadline (截至…), not a change's start
_STAT_PERIOD = re.compile(r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}[-—至~]\d{1,2}月(?:份)?|前(?:\d{1,2}|[二两三四五六七八九十]|十[一二])个?月|[一二三四]季度|前三季度|"
                          r"上半年|下半年|全年|\d{1,2}月份?)|(?:19|20)\d{2}年")
# a paragraph's opening period, after the source's words or the day at most (…数据显示，1月份，)
_OPENING_PERIOD = re.compile(r"\s*(?:[^，。！？\n]{0,24}(?:显示|获悉|公布|发布|介绍|表示|指出|透露|通报|强调|称)[，：:,]|"
                             r"(?:根据|据)[^，。！？\n]{2,24}(?:消息|数据|统计)[，：:,])?"
                             r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}月\d{1,2}日[，,])?"
                             r"(?P<period>(?:今年|去年|上年)?(?:" + _STAT_PERIOD.pattern + r"))(?:[，,]|(?=我国|全国|全省|全市|全区))")
_LEAD_BEFORE = re.compile(r"\s*(?:[^，。！？\n]{0,16}讯\s*)?(?:据[^，。！？\n]{2,24}(?:消息|数据|统计)|"
                          r"[^，。！？\n]{0,24}(?:显示|获悉|公布|发布|介绍|表示))[，：:,]\s*")
_SAID_ON = re.compile(r"表示|介绍|指出|说|称|获悉|消息|发布|召开|举行|透露|宣布|报道|通报|回应|答记者问")
_STAT_CUE = re.compile(r"同比|环比|比上年|比去年|比上月|较上月|累计|增长|下降|上升|回落|增速|增幅|降幅|上涨|下跌")
# words that date a sentence, or point it elsewhere in time, on their own
_OWN_TIME = re.compile(r"\d{1,2}月|\d{4}年|年末|年底|年初|季度|上半年|下半年|全年|去年|今年|明年|前年|同期|以来|此前|"
                       r"目前|当前|截至|截止|预计|预期|目标|计划|将|到\d{4}|未来|期间|日前|近日|"
                       r"近(?:\d+|[一二三四五六七八九十两]+)(?:年|个月|月|天|日|周)")
# what names a time without being the sentence's: a comparison's base (较去年同期, 比2019年同期),
# an index's name (业务活动预期指数)
_NOT_OWN_TIME = re.compile(r"(?:比|较|相比|与|同)(?:(?:19|20)\d{2}年|去年|上年)?同期|(?:比|较)(?:(?:19|20)\d{2}年|去年|上年)|"
                           r"(?:去年|上年)同期|预期指数")


# a chart's lines: a heading line (全国一般公共预算), then the figure (收入137716亿元), then its change
# (同比增长20%), each a paragraph of its own
_CHART_HEADING = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,14}")
_CHART_CHANGE = re.compile(r"(?:同比|环比)?(?:增长|下降|增加|减少|上涨|下跌|回落|上升)[-\d.]+[%％]")


def _chart_lines(text: str, art, quantities: list) -> None:
    """全国一般公共预算 ¶ 收入137716亿元 ¶ 同比增长20% (a0030, a chart's text): the figure measures the
    heading's 收入 (全国一般公共预算收入), and the change alone on its line changes that figure."""
    paras = art.paragraphs
    prev_q, prev_i = None, -2
    for q in quantities:
        i = art.paragraph_index(q.span.start)
        if i is None:
            continue
        line = text[paras[i].start:paras[i].end].strip()
        if q.indicator and i > 0 and len(q.indicator) <= 4 and line.startswith(q.indicator) \
                and q.span.start - paras[i].start <= len(q.indicator) + 3 and not re.search(r"[，。；,;]", line):
            heading = text[paras[i - 1].start:paras[i - 1].end].strip()
            # (a chart's heading names what is measured; a subheading that says how it went, 外贸
            # 进出口稳中向好, is a sentence's)
            if _CHART_HEADING.fullmatch(heading) and not re.search(r"\d", heading) \
                    and not re.search(r"增长|下降|向好|持续|稳|大幅|回升|提升|实现|改善|加快|放缓", heading):
                q.indicator = heading + q.indicator
        elif q.indicator is None and _CHART_CHANGE.fullmatch(line) and prev_q is not None and prev_i == i - 1:
            q.indicator = prev_q.indicator
        prev_q, prev_i = q, i


# a paragraph that opens on a plan's years: “十四五”期间，…
_PLAN_OPENING = re.compile(r"\s*(?P<period>“?十[一二三四五]五”?(?:期间|时期))[，,]")


def _plan_paragraphs(text: str, art, quantities: list) -> None:
    """“十四五”期间，…。经济开发区规上亩均税收达到37万元以上，…: a paragraph that opens on a plan's
    years is about them throughout; a sentence of it naming no time of its own is in them (and
    its figures, as a plan's, targets: see the modality rule for plan periods)."""
    for q in quantities:
        if q.period is not None:
            continue
        i = art.paragraph_index(q.span.start)
        m = _PLAN_OPENING.match(text, art.paragraphs[i].start) if i is not None else None
        s = art.sentence_at(q.span.start)
        # (全省现有新材料企业500家: what there is now is no target)
        if m is not None and s is not None and not _own_time(text, s) \
                and not re.search(r"现有|已有|已经|目前|现在|截至|已|共有|拥有|累计|居", text[s.start:q.span.start]):
            q.period = m.group("period")


def _own_time(text: str, s) -> bool:
    return _OWN_TIME.search(_NOT_OWN_TIME.sub(lambda m: "＿" * len(m.group()), text[s.start:s.end])) is not None


def _quiet(text: str, art, last: int, i: int) -> bool:
    """Are the paragraphs between these (at most three) free of figures and times: headings,
    comment, a quote without numbers?"""
    between = art.paragraphs[last + 1:i]
    # (a numbered section's heading, 二、其他情况, opens another part of the report: it ends it)
    return 0 < len(between) <= 3 and not any(
        re.search(r"[0-9０-９]|[一二三四五六七八九十]+(?:月|季度|年)|今年|去年|上半年|下半年|全年|以来|目前|此前",
                  text[p.start:p.end])
        or re.match(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])", text[p.start:p.end])
        for p in between)


def _paragraph_periods(text: str, art, quantities: list, levels_before: set[int]) -> None:
    """1-11月，…利润总额增长24.3%。外商及港澳台商投资企业实现利润总额20645.0亿元，增长24.3%:
    a sentence that names no time of its own goes on in the statistical period of the earlier
    figures, in its paragraph or the paragraphs of figures right after it (only a period as
    statistics give it)."""
    current: tuple[int, str, bool, bool] | None = None    # (paragraph, period, opens it, from words alone)
    last = -2                                       # the paragraph of the figure before
    for k, q in enumerate(quantities):
        i = art.paragraph_index(q.span.start)
        if i is None:
            continue
        # 12月份，制造业PMI为50.3%。¶从企业规模看，大型企业PMI为51.3%: the period goes on into the
        # next paragraph of figures; a paragraph without any (a heading, a quote) ends it
        # (only a period that opens its paragraph, and not a bare year: 2019年增速变缓至3% or
        # a report's 上半年 mid-paragraph say nothing of the paragraphs after)
        if current and i != current[0] and i > last + 1 and current[2] and _quiet(text, art, last, i):
            # (今年1-6月，四川省外商直接投资…¶数据显示，四川外商直接投资呈现四大特征。¶…分别同比增长
            # 56.23%: a heading or a sentence of comment between goes on in it too, for statistics)
            current = (current[0], current[1], current[2], True)
        elif current and i != current[0] and (i > last + 1 or not current[2]):
            current = None
        if i != last and (current is None or current[0] != i):
            # 国家统计局今天发布数据显示，1月份，居民消费价格总体平稳。…CPI同比上涨0.9%: a paragraph
            # that opens on a statistical period, in a sentence without figures, is in it
            opening = _OPENING_PERIOD.match(text, art.paragraphs[i].start)
            if opening and not re.fullmatch(r"(?:19|20)\d{2}年", opening.group("period")):
                current = (i, opening.group("period"), True, True)
        last = i
        if q.period:
            # (a period given with statistics: 2018年8月，…被告人… dates an event, not figures)
            src = art.sentence_at(q.span.start)
            stats = src is not None and _STAT_CUE.search(text, src.start, src.end)
            para = art.paragraphs[i]
            # (上证报中国证券网讯 据上海市统计局6月17日消息，1-5月，…: after a dateline and its
            # source, the period opens the paragraph too)
            # (it then dates only the sentences of statistics after it, as a period from words
            # alone does: not 海拔4000多米 in a story after 记者从国家邮政局获悉，2021年全年，…)
            at = text.find(q.period, para.start, q.span.start)
            plain = q.period in text[para.start:para.start + len(q.period) + 6]
            led = not plain and at >= 0 and _LEAD_BEFORE.fullmatch(text, para.start, at) is not None
            opens = (plain or led) and not re.fullmatch(r"(?:19|20)\d{2}年", q.period)
            # (李魁文指出，前2个月，我国进出口总值6.2万亿元: the period that opens the paragraph
            # stays open through a first sentence without a word of change)
            if not (current and current[0] == i and current[2] and current[1] == q.period):
                current = (i, q.period, opens, led) if stats and _STAT_PERIOD.fullmatch(q.period) else None
            continue
        s = art.sentence_at(q.span.start)
        if current and s is not None and k not in levels_before and not _own_time(text, s) \
                and not (current[3] and not _STAT_CUE.search(text, s.start, s.end)):
            # (a period from words alone dates only figures that are statistics: 2018年8月，被告人
            # 王某被抓获。造成…损失150余亿元 is no 2018年8月 figure)
            q.period = current[1]


# a statistical period in a headline: not a bare year (2021年央企混改超过890项 says nothing of
# when its figures were measured), nor a day (10月1日起…, 12月起32国…)
_HEADLINE_PERIOD = re.compile(r"(?:今年|去年)?(?:" + _STAT_PERIOD.pattern + r")(?![\d日号起])")
# what explains how a figure is read rather than states one (a release's notes: 数值在0至-100%之间的
# 表明利润同比下降; PMI高于50%时，反映经济总体较上月扩张)
# times a sentence names that are not the report's period, though _OWN_TIME (which dates
# sentences elsewhere) lets them pass: a week, a day, the month before, years gone, a habit
_OTHER_TIME = re.compile(r"上周|本周|这周|昨日|昨天|今日|今天|当天|当日|当月|上月|上个月|本月|[一两三四五六七八九十\d]+周|"
                         r"过去|年均|每年|每月|每周|每逢|疫情前|疫情初期|初期|通常|往年|以往|历史上|历年|一度|春节前后|节后|节前")
_SPEAKER_LINE = re.compile(r"[^，。：:\n]{2,24}[：:]")
_REPORT_CUE = re.compile(r"率|完成|实现|达到|共计|总计|合计")
_EXPLAINS = re.compile(r"表明|反映|是指|指标解释|(?<!同)时[，,]|如果|若")


def _paragraph_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _headline_period(text: str, art, quantities: list, levels_before: set[int]) -> None:
    """1-2月广东经济数据出炉：…: a report whose headline names one statistical period has its
    figures in it where nothing else dates them: a sentence of statistics that names no time of
    its own and explains nothing (a headline is only read for this, never for figures)."""
    found = {m.group() for m in _HEADLINE_PERIOD.finditer(art.title)
             if not re.fullmatch(r"(?:19|20)\d{2}年", m.group())}
    if len(found) != 1:
        return
    period = found.pop()
    # (10部委研判下半年经济走势: a period not over when the article was written is no report's)
    day = datetime.date.fromisoformat(day_in_china(art.meta["date"])) if art.meta.get("date") else None
    dates = period_dates(period, day)
    if day is None or dates is None or dates[1] is None or dates[1] > day.isoformat():
        return
    for k, q in enumerate(quantities):
        if q.period or k in levels_before:
            continue
        s = art.sentence_at(q.span.start)
        # (not a sentence with a day of its own, 17日，央行等额续作MLF, nor an interview's answer,
        # 李忠民：铁路中长期合同总量达到11.2亿吨: a speaker's words are dated by what they say)
        if s is None or _own_time(text, s) or _EXPLAINS.search(text, s.start, s.end) \
                or _OTHER_TIME.search(text, s.start, s.end) \
                or re.search(r"\d{1,2}日", text[s.start:s.end]) or _SPEAKER_LINE.match(text, _paragraph_start(text, s.start)):
            continue
        # statistics: a word of change, or of a rate or an outturn (固原市开工率100%, 计划投资5亿元，
        # 完成81%), or a line of an infographic that is only a label and its figure (总收入414373.7亿元)
        if _STAT_CUE.search(text, s.start, s.end) or _REPORT_CUE.search(text, s.start, s.end) \
                or (len(text[s.start:s.end].strip()) <= 24 and not re.search(r"[，,。；;！？!?：:]", text[s.start:s.end])):
            q.period = period


def _fenbie_sentences(text: str, art, quantities: list):
    """(sentence, where the words before a 分别 start, where it stands, the figures after it up to
    the next 分别) for each 分别 ("respectively") in a sentence with figures: 夏粮和早稻产量分别为
    2919亿斤和560亿斤，分别比上年增加62亿斤和14亿斤 has two lists of two."""
    done: set[int] = set()
    for q in quantities:
        s = art.sentence_at(q.span.start)
        if s is None or s.start in done:
            continue
        done.add(s.start)
        cuts = [m.start() for m in re.finditer("分别", text[s.start:s.end])]
        lo = s.start
        for i, cut in enumerate(c + s.start for c in cuts):
            hi = cuts[i + 1] + s.start if i + 1 < len(cuts) else s.end
            after = [x for x in quantities if cut < x.span.start < hi]
            yield s, lo, cut, after
            if after:
                lo = after[-1].span.end


_SHARED_MEASURE = re.compile(r"(?:GDP|CPI|PPI|产量|产值|价格|增速|增幅|涨幅|降幅|收入|利润|营收|销量|销售额|零售额|零售|规模|投资|进出口|出口|进口|"
                             r"增加值|占比|比重|指数|总额|余额|数量|人数|比例|利率|收益率)$")


_LISTED_BASE = re.compile(r"(?:较|比|与)?(?P<base>去年同期|上年同期|上年末|上月末|上季末|年初|上月|上年|去年|上季度|上周)")


def _list_items(head: str, n: int) -> list[str]:
    """The things a 分别 list names: split at 、 (industries keep their 和: 批发和零售业), then also
    at the last item's 和/及/与 (出口、进口和进出口), then at every joining word (夏粮和早稻产量) -
    the first that gives as many things as there are figures."""
    if "、" in head:
        parts = head.split("、")
        if len(parts) == n:
            return parts
        last = re.split(r"和|与|及", parts[-1])
        if len(parts) - 1 + len(last) == n:
            return parts[:-1] + last
    return re.split(r"和|与|及|、", head)


_OWN_VOICE = re.compile(r"预计|预测|预期|估计|认为|表示|指出|判断|分析")
# (上海市统计局介绍，…; 比亚迪公告称，…; 记者在调研中了解到，…: another teller)
_OTHER_TELLER = re.compile(r"称|介绍|了解到|获悉|公告|显示|透露|据|记者|发布|通报")
_CHANGE_WORD = re.compile(r"(?:同比|环比)?(?:增长|下降|上涨|下跌|增加|减少|提高|降低|回落|上升|达到|实现|完成|占比?)了?")


def _listed_places(items: list[str], places: list, lo: int, cut: int) -> list | None:
    """The place mentions the things of a list open with, in order (深圳和广州的新冠疫苗接种量: 深圳,
    广州), when each of them opens with one; else None."""
    cands = [p for p in places if lo <= p.span.start and p.span.end <= cut]
    matched, j = [], len(cands) - 1
    for item in reversed(items):
        while j >= 0 and not item.startswith(cands[j].text):
            j -= 1
        if j < 0:
            return None
        matched.append(cands[j])
        j -= 1
    return matched[::-1]


# what stands between 分别 and its figures that is no measure: 分别超过1700万剂, 分别约为…
_APPROX_WORD = re.compile(r"(?:超过|超|逾|近|约|接近|将近|不到|不足|高达|达|共|合计|累计|均)(?:为|是|达到?)?")


# 一、中国制造业采购经理指数运行情况 … 二、中国非制造业采购经理指数运行情况: a numbered section
# of a release about one sector's indices
_SECTOR_HEADING = re.compile(r"[一二三四五六七八九十]{1,2}[、.．]\s*(?:中国|全国)?(?P<sector>非制造业|制造业|服务业|建筑业|综合)"
                             r"[^，。；]{0,16}(?:指数|PMI)[^，。；]{0,8}")
_SECTION_HEADING = re.compile(r"[一二三四五六七八九十]{1,2}[、.．][^，。；]{2,30}|附注[：:]?")
_HAS_SECTOR = re.compile(r"制造业|建筑业|服务业|综合|企业|行业|PMI|景气")


def _section_sectors(text: str, art, quantities: list) -> None:
    """新订单指数为49.7% under 一、…制造业采购经理指数… and 新订单指数为48.4% under 二、…非制造业…:
    a sub-index named bare in a sector's section is that sector's (制造业新订单指数,
    非制造业新订单指数), not one index with two values."""
    heads: list[tuple[int, str | None]] = []
    for p in art.paragraphs:
        words = text[p.start:p.end].strip()
        if _SECTION_HEADING.fullmatch(words):
            m = _SECTOR_HEADING.fullmatch(words)
            heads.append((p.start, m.group("sector") if m else None))
    if not any(sec for _, sec in heads):
        return
    bounds = heads + [(len(text), None)]
    for (start, sec), (stop, _) in zip(bounds, bounds[1:]):
        if sec is None:
            continue
        for q in quantities:
            if start <= q.span.start < stop and q.indicator and q.indicator.endswith("指数") \
                    and not _HAS_SECTOR.search(q.indicator) and len(q.indicator) <= 12:
                q.indicator = sec + q.indicator


def _named_after_fenbie(text: str, cut: int, first) -> str:
    """The measure named right after 分别 (分别进出口8746.4亿元…: 进出口), if any: not a change, a
    comparison or an approximation (分别增长, 分别比, 分别超过)."""
    named = re.fullmatch(r"分别(?P<m>[\u4e00-\u9fff]{2,6}?)(?:为|是|达到?|约)?", text[cut:first.span.start])
    return named.group("m") if named and not _CHANGE_WORD.fullmatch(named.group("m")) \
        and not _APPROX_WORD.fullmatch(named.group("m")) \
        and not re.search(r"[比较增减升降涨跌到至]", named.group("m")) else ""


def _respective_indicators(text: str, art, quantities: list, places: list = ()) -> None:
    """夏粮和早稻产量分别为2919亿斤和560亿斤: the things listed before 分别 share the last one's
    ending (产量) and go to the figures after it in order (夏粮产量, 早稻产量); a second list in
    the sentence with no things of its own (，分别比上年增加62亿斤和14亿斤) measures the same things."""
    last: tuple[int, list[str], list[str]] | None = None    # (sentence start, the last list's indicators, things)
    for s, lo, cut, after in _fenbie_sentences(text, art, quantities):
        if last is not None and last[0] != s.start:
            last = None
        head = re.split(r"[，,；;：:。]", text[lo:cut])[-1]
        head = re.sub(r"^(?:其中|包括|主要是|此外|同时|而|来自)", "", _INDICATOR_STRIP.sub("", head))
        # the figures of the list are the run right after 分别 (…180.98%，高技术产业FDI到资同比增长
        # 111.31%: the last is another clause's)
        for k in range(1, len(after)):
            if not re.fullmatch(r"[、和及与]", text[after[k - 1].span.end:after[k].span.start]):
                after = after[:k]
                break
        items = [re.sub("累计", "", i) for i in _list_items(head, len(after))]
        # 传统产业中的纺织服装、家具制造…: what the list is part of is not its first thing
        items[0] = re.sub(r"^.*(?<!目)的(?![士确])", "", items[0])
        if not after or len({x.unit for x in after}) != 1:
            continue
        if last is not None and len(last[1]) == len(after) and len(items) == 1:
            measure = _SHARED_MEASURE.search(head)
            if not head.strip():
                for x, indicator in zip(after, last[1]):
                    x.indicator = indicator
            elif measure is not None:   # ，两年平均增速分别为…: 汽车两年平均增速
                for x, base in zip(after, last[2]):
                    x.indicator = base + head
            continue
        if len(items) < 2 or len(after) != len(items):
            continue
        bases = [_LISTED_BASE.fullmatch(i) for i in items]
        if all(bases):
            # 较上年同期、上年末分别高2.5和2.1个百分点: bases of comparison listed, not things; what
            # is compared is what the figure before them measures
            before = [x for x in quantities if s.start <= x.span.start and x.span.end <= cut]
            for x, b in zip(after, bases):
                x.comparison = b.group("base")
                x.indicator = before[-1].indicator if before else None
                if x.period and x.period in head:        # (上年末 here is a base, not the period)
                    x.period = before[-1].period if before else None
            continue
        if any(_PERIOD.search(i) or re.match(r"[今明去上当]年", i) for i in items):
            continue                    # 一季度、二季度GDP分别…: periods listed, not things
        # 深圳和广州的新冠疫苗接种量分别超过1700万剂和1713万剂: places listed are each figure's place,
        # and what follows the last one (的) is the measure they share
        listed = _listed_places(items, places, s.start, cut)
        if listed is not None and not any(i[len(p.text):] for i, p in zip(items[:-1], listed)):
            # (两个城市最新公布的接种量: what follows the last 的)
            measure = items[-1][len(listed[-1].text):].rsplit("的", 1)[-1] \
                or _named_after_fenbie(text, cut, after[0])         # (中国、美国分别进出口…)
            for x, p in zip(after, listed):
                x.place = p
                x.indicator = measure if len(measure) >= 2 else None
            last = (s.start, [measure] * len(after), [p.text for p in listed])
            continue
        # …、批发和零售业等重点行业FDI到资: what follows 等 and the kind of things is the measure
        # they share
        etc = re.fullmatch(r"(?P<last>.+?)(?<![中平同相对均高初优次上])等(?:重点|主要|相关|其他)?(?:[\u4e00-\u9fff]{0,2}(?:行业|产业|领域|地区|国家|"
                           r"城市|省份|经济体|市场|企业|产品))?(?P<measure>.+)", items[-1])
        # a thing has two to twelve characters, Chinese with Latin letters or digits (3D打印设备);
        # an industry up to sixteen, with a slash (信息传输/软件和信息技术服务业)
        if not all(re.fullmatch(r"(?=.*[\u4e00-\u9fff].*[\u4e00-\u9fff])[\u4e00-\u9fffA-Za-z0-9]{2,12}", i)
                   or re.fullmatch(r"[\u4e00-\u9fff/]{2,16}业", i) or re.fullmatch(r"[A-Z]{2,8}", i)
                   for i in items[:-1] + [etc.group("last") if etc else items[-1]]):
            continue
        # the ending the things share is a measure the last one names (采掘业、原材料工业价格: 价格);
        # with none, the things themselves (出口和进口分别增长)
        if etc:
            ending, bases = etc.group("measure"), items[:-1] + [etc.group("last")]
        else:
            # (进出口、出口和进口占全国份额: a share of something, 占…, is the measure too)
            ending = re.search(r"占[\u4e00-\u9fff]{2,10}$", items[-1]) or _SHARED_MEASURE.search(items[-1])
            ending = ending.group() if ending and ending.start() > 0 else ""
            bases = items[:-1] + [items[-1][:len(items[-1]) - len(ending)]]
        # (欧盟、东盟和美国分别进出口8746.4亿元…: with no ending shared before 分别, the measure
        # named right after it is each thing's, 欧盟进出口)
        if not ending:
            ending = _named_after_fenbie(text, cut, after[0])
        names = [item + ending for item in bases]
        for x, indicator in zip(after, names):
            x.indicator = indicator
        last = (s.start, names, bases)


def _respective_rates(text: str, art, quantities: list) -> None:
    """货物吞吐量20.2亿吨、集装箱吞吐量1367万标箱，同比增长1.0%、6.0%: a list of rates after a list
    of amounts measures them in order (each rate had taken the last amount's indicator)."""
    i = 0
    while i < len(quantities):
        q = quantities[i]
        run = [q]
        while q.unit == "PERCENT" and q.indicator is None and i + len(run) < len(quantities):
            nxt = quantities[i + len(run)]
            if nxt.unit != "PERCENT" or nxt.indicator is not None \
                    or text[run[-1].span.end:nxt.span.start] not in ("、", "和", "与", "及", "，"):
                break
            run.append(nxt)
        if len(run) >= 2:
            amounts = quantities[max(0, i - len(run)):i]
            s = art.sentence_at(q.span.start)
            if len(amounts) == len(run) and s is not None and all(
                    a.unit != "PERCENT" and a.indicator and s.start <= a.span.start for a in amounts) \
                    and len({a.indicator for a in amounts}) == len(amounts):
                for a, r in zip(amounts, run):
                    r.indicator = a.indicator
        i += len(run)


_FROM_CURRENT = re.compile(r"(?:由|从)(?:现行|目前|此前|原来|之前|原)?的?$")
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})年?[-—~～至到]((?:19|20)\d{2})年")
_RELATIVE_YEAR = r"(?:今年|明年|去年|上年|当年)?"
_PERIOD_LIST = re.compile(rf"{_RELATIVE_YEAR}(?:{_PERIOD.pattern})(?:(?:与|和|、|及|以及){_RELATIVE_YEAR}(?:{_PERIOD.pattern}))+")


def _respective_periods(text: str, art, quantities: list) -> None:
    """今年12月与明年1月的出口分别为3150亿美元与2900亿美元: the periods listed before 分别 go to the
    figures after it in order (each had taken the last one), as does what they measure."""
    for s, lo, cut, after in _fenbie_sentences(text, art, quantities):
        plist = None
        for pm in _PERIOD_LIST.finditer(text, lo, cut):
            plist = pm
        years = None
        for ym in _YEAR_RANGE.finditer(text, lo, cut):
            years = ym
        if plist is not None:
            periods = [m.group() for m in _PERIOD.finditer(plist.group())]
        elif years is not None and 2 <= int(years.group(2)) - int(years.group(1)) + 1 <= 12:
            # 2016~2019年，…分别为1.18‰、-2.53‰、-0.61‰、0.04‰: one figure a year
            plist = years
            periods = [f"{y}年" for y in range(int(years.group(1)), int(years.group(2)) + 1)]
        else:
            continue
        if len({x.unit for x in after}) != 1 or len(after) != len(periods):
            continue
        measured = re.sub(r"^的", "", text[plist.end():cut].lstrip("，,、： "))
        measured = _INDICATOR_STRIP.sub("", re.sub(r"^(?:的)?(?:预计|将)?", "", measured))
        for x, period in zip(after, periods):
            x.period = period
            if 2 <= len(measured) <= 16:
                x.indicator = measured


EXTRACTOR = FunctionExtractor(NAME, VERSION, extract, requires=("mentions",), produces=("quantities",),
                              description="amounts, percentages, counts and measures with indicator and period")
