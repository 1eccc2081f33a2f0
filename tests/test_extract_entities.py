"""Entity extraction on real sentences from the corpus (text -> expected mentions), traps included."""
from __future__ import annotations

import pytest

from extract_helpers import mentions, records

CASES = [
    # (sentence, must contain, must not contain)
    # a firm's name: no preposition before it (a0136), a place opening it may hold 和 (a0048), and
    # 发挥集团优势 is no firm (a0053)
    ("王戎等人，通过融数金服信息服务有限公司，向社会公众募集资金。",
     {("融数金服信息服务有限公司", "Company")}, {("通过融数金服信息服务有限公司", "Company")}),
    ("北京谦和之源房地产经纪有限公司被查处。", {("北京谦和之源房地产经纪有限公司", "Company")},
     {("之源房地产经纪有限公司", "Company")}),
    ("建行将充分发挥集团优势，支持保交楼。", set(), {("充分发挥集团", "Company")}),
    # a list where a known firm ends in its industry's word names firms (a0049)
    ("比如，华西证券、西南证券、天风证券均公告称，业绩下滑。", {("华西证券", "Company"), ("西南证券", "Company")}, set()),
    ("国有银行、股份制银行、城商银行均下调利率。", set(), {("国有银行", "Company"), ("股份制银行", "Company")}),
    # a firm by its industry's word opening a clause and speaking (a0049, a0210); not a kind of firm
    ("太平洋证券则表示，由于计提资产减值造成亏损。", {("太平洋证券", "Company")}, set()),
    ("部分银行表示，将继续支持实体经济。", set(), {("部分银行", "Company")}),
    # a leading group and its office, named by who set it up and what it works on (a0017, a0105)
    ("5月24日，东莞市倍增计划工作领导小组办公室开展评估。", {("东莞市倍增计划工作领导小组办公室", "GovernmentBody")},
     {("东莞市", "City")}),
    ("国务院根治拖欠农民工工资工作领导小组办公室近日印发通知。",
     {("国务院根治拖欠农民工工资工作领导小组办公室", "GovernmentBody")}, {("国务院", "GovernmentBody")}),
    ("城市人民政府要成立以政府领导为组长的保障性租赁住房工作领导小组。", set(),
     {("城市人民政府要成立以政府领导为组长的保障性租赁住房工作领导小组", "GovernmentBody")}),
    # a native place: a county by its short name after its province (a0019); a kind of zone is no place (a0016)
    ("梁仪坚，男，汉族，1955年11月出生，甘肃金塔人，大学学历。", {("金塔", "AdministrativeArea")}, set()),
    ("他是甘肃人，在兰州工作。", set(), {("甘肃人", "AdministrativeArea")}),
    ("经济开发区产业链实现全覆盖，省级新区带动作用更加明显。", set(), {("省级新区", "Place")}),
    # a known subsidiary named with its parent's name names the parent too (a0111)
    ("在中国石油天然气集团公司青海油田公司采气一厂，工人在检查输气管道。",
     {("中国石油天然气集团公司", "Company"), ("中国石油天然气集团公司青海油田公司", "Company")}, set()),
    # a name before 教授 (a0178), as before 主席
    ("据介绍，赵德馨教授的研究成果被收录。", {("赵德馨", "Person")}, set()),
    ("对此，商务部新闻发言人高峰表示，近年来，我国跨境电商迅速发展。",
     {("商务部", "GovernmentBody"), ("高峰", "Person")}, set()),
    ("同意在鄂尔多斯市、扬州市、镇江市等27个城市和地区设立跨境电子商务综合试验区。",
     {("鄂尔多斯市", "City"), ("扬州市", "City"), ("镇江市", "City"), ("跨境电子商务综合试验区", "Programme")}, set()),
    # 高峰 is a word here: no pattern makes it a person
    ("资料图：北京地铁国贸站早高峰。", {("北京", "City")}, {("高峰", "Person")}),
    # generic words are never places or persons
    ("既有沿边沿海城市，又有内陆枢纽城市，实现广东、江苏、浙江等外贸大省全覆盖。",
     {("广东", "AdministrativeArea"), ("江苏", "AdministrativeArea"), ("浙江", "AdministrativeArea")},
     {("城市", "City"), ("大省", "AdministrativeArea"), ("海城市", "City")}),
    ("积极参与国际规则制定，贡献更多中国智慧，推动地区高水平对外开放。", set(),
     {("智慧", "Person"), ("高水平", "Person")}),
    ("国家统计局新闻发言人、国民经济综合统计司司长付凌晖表示，10月份CPI同比上涨1.5%。",
     {("国家统计局", "GovernmentBody"), ("付凌晖", "Person")}, set()),
    ("国家发展和改革委员会主任：何立峰", {("何立峰", "Person")}, set()),
    ("保障性租赁住房项目按照《财政部 税务总局 住房城乡建设部关于完善住房租赁有关税收政策的公告》执行。",
     {("财政部 税务总局 住房城乡建设部关于完善住房租赁有关税收政策的公告", "Document"), ("财政部", "GovernmentBody")},
     set()),
    ("近日，央行发布通知。中国人民银行表示将保持流动性合理充裕。",
     {("央行", "GovernmentBody"), ("中国人民银行", "GovernmentBody")}, set()),
    # post + name followed by a verb that is not a speech verb (a0002)
    ("本次会议主要讨论了两个主题。商务部部长王文涛围绕上述议题，在会上提出了中国相关主张和建议。",
     {("商务部", "GovernmentBody"), ("王文涛", "Person")}, {("王文涛围", "Person"), ("王文", "Person")}),
    # two-character abbreviations inside other words are not organisations (a0095)
    ("我们将对符合退税条件的纳税人行业认定。在4月30日前，集中办理微型企业存量留抵退税。出口行业回暖。", set(),
     {("人行", "GovernmentBody"), ("中办", "GovernmentBody"), ("口行", "Company")}),
    ("据央行数据，中办国办印发《关于推动现代职业教育高质量发展的意见》。比如中粮控股的中粮期货。",
     {("央行", "GovernmentBody"), ("中办", "GovernmentBody"), ("国办", "GovernmentBody")}, set()),
    ("商务部国际司有关负责人今天（7日）在接受总台记者采访时表示。", {("总台", "MediaOutlet")}, set()),
    # a one-character country in a trade construction (a0098); not in 对美联储, 对美好生活, 对美元
    ("其中，自美进口增速以及自东南亚进口增速均较前值大幅上行，对日出口回落。", {("美", "Country"), ("日", "Country")}, set()),
    ("这对美联储货币政策形成压力，人们对美好生活的向往，人民币对美元汇率稳定。", set(), {("美", "Country")}),
    ("随着雄安新区、北京经济技术开发区、中新天津生态城等5个特殊地区加入试点。",
     {("雄安新区", "Place"), ("北京经济技术开发区", "Place"), ("中新天津生态城", "Place")}, set()),
]


@pytest.mark.parametrize("text,expected,forbidden", CASES, ids=[c[0][:12] for c in CASES])
def test_mentions(text, expected, forbidden):
    # a named zone may be typed by the gazetteer (AdministrativeArea) or by the zone pattern (Place)
    found = mentions(text)
    found |= {(t, "Place") for t, k in found if k in ("City", "AdministrativeArea", "Country")}
    assert expected <= found, f"missing {expected - found}; found {sorted(found)}"
    assert not (forbidden & found), f"should not find {forbidden & found}"


def test_stock_link_word_in_a_place_list_is_the_city():
    # a Sina stock link around 鄂尔多斯: the sentence is about the city, not the listed company
    body = ('<p>国务院同意在<span id="stock_sh600295"><a href="https://finance.sina.com.cn/">鄂尔多斯</a>'
            '</span>等27个城市和地区设立跨境电子商务综合试验区。</p>')
    art, rec = records(body)
    assert [s.code for s in art.stock_links] == ["sh600295"]
    kinds = {m.kind for m in rec.mentions if m.text == "鄂尔多斯"}
    assert kinds == {"City"}


def test_mentions_carry_offsets_into_the_text():
    art, rec = records("商务部新闻发言人高峰表示，将完善综试区评估和退出机制。")
    for m in rec.mentions:
        if m.span is not None:
            assert art.text[m.span.start:m.span.end] == m.text


def test_resolution_merges_aliases():
    from kg.resolve import resolve
    _, rec = records("综试区、跨境电商综试区和跨境电子商务综合试验区是一回事。央行即中国人民银行。鄂尔多斯就是鄂尔多斯市。")
    res = resolve(rec)
    labels = {res.of(m).label for m in rec.mentions}
    assert "跨境电子商务综合试验区" in labels and "综试区" not in labels
    assert "中国人民银行" in labels and "央行" not in labels
    keys = {res.of(m).key for m in rec.mentions if m.text.startswith("鄂尔多斯")}
    assert keys == {"division:150600"}


def _stock(word, code, before, after):
    return (f'<p>{before}<span id="stock_{code}"><a href="https://finance.sina.com.cn/">{word}</a></span>{after}</p>')


def test_stock_link_word_is_the_company_when_the_sentence_is_about_it():
    _, rec = records(_stock("鄂尔多斯", "sh600295", "昨日，", "公告称，公司拟投资建设新项目。"))
    assert {(m.text, m.kind) for m in rec.mentions if m.text == "鄂尔多斯"} == {("鄂尔多斯", "Company")}


def test_stock_link_word_that_is_an_ordinary_phrase_is_not_a_company():
    _, rec = records(_stock("线上线下", "sz300959", "构建", "相结合的渠道体系。"))
    assert not [m for m in rec.mentions if m.text == "线上线下"]


def _governments(text: str) -> list[tuple[str, str | None, str]]:
    _, rec = records(text)
    return [(m.text, m.key, m.rule) for m in rec.mentions if m.kind == "GovernmentBody"]


def test_a_division_government_has_one_key_and_bare_references_resolve_to_it():
    """浙江省政府 and 浙江省人民政府 are one body (gov:330000, label 浙江省人民政府); a later bare
    省政府 / 市政府 is the government of the province / city last named (a0016, a0012)."""
    found = _governments("浙江省政府发文，进一步加强这项工作\n为进一步提高浙江招商引资工作水平，近日，"
                         "省政府印发了《关于进一步加强招商引资工作的指导意见》。")
    assert found == [("浙江省政府", "gov:330000", "place-gov-suffix"), ("省政府", "gov:330000", "bare-gov")]
    assert _governments("杭州市人民政府近日发布通知。市委、市政府要求各区落实。")[-1] == ("市政府", "gov:330100", "bare-gov")
    from kg.resolve import resolve
    _, rec = records("浙江省人民政府近日发布通知。省政府要求各地落实。")
    labels = {resolve(rec).of(m).label for m in rec.mentions if m.kind == "GovernmentBody"}
    assert labels == {"浙江省人民政府"}


def test_bare_government_traps():
    # no one government: 全省/各省; a place the gazetteer did not take is not a bare reference
    assert _governments("全省政府系统要落实。各省政府要重视。") == []
    assert not [g for g in _governments("广西合山市广旭公司担心合山市政府补贴资金不能及时回笼。") if g[2] == "bare-gov"]
    # nothing named before it: nothing to resolve to
    assert _governments("省政府印发了通知。") == []


def test_abbreviations_inside_words_are_no_mentions_of_any_kind():
    found = {t for t, _ in mentions("我们将对符合退税条件的纳税人行业认定。在4月30日前，集中办理微型企业存量留抵退税。"
                                    "出口行业回暖，其中行业分化明显。")}
    assert not found & {"人行", "中办", "口行", "中行"}, found


def test_an_abbreviated_country_resolves_to_the_country():
    from kg.resolve import resolve
    _, rec = records("其中，自美进口增速以及自东南亚进口增速均较前值大幅上行。")
    res = resolve(rec)
    found = {(res.of(m).key, res.of(m).label) for m in rec.mentions if m.kind == "Country"}
    assert found == {("country:US", "美国")}, found


def test_a_ministry_after_a_foreign_country_is_that_countrys():
    # a0200: 美国司法部 is not China's 司法部 (org/moj), whose statements and documents it would take
    _, rec = records("美国司法部对该公司提起诉讼。")
    assert [(m.text, m.kind, m.key) for m in rec.mentions if m.kind == "GovernmentBody"] == [
        ("美国司法部", "GovernmentBody", None)]
    _, rec = records("中国商务部表示。美国商务部宣布。")
    assert {m.key for m in rec.mentions if m.kind == "GovernmentBody"} == {"org:mofcom", "org:us-commerce"}


@pytest.mark.parametrize("text,names", [
    ("被告人顾国平、侬锦、陈雨等人。", {"顾国平", "侬锦", "陈雨"}),          # a0099: later names any surname
    ("被告人王戎、韩越、薛亮作为公司高管。", {"王戎", "韩越", "薛亮"}),       # a0136
    ("当事人高某因涉嫌违法被查。", {"高某"}),                              # a0058
    ("坚持以习近平同志为核心的党中央。", {"习近平"}),                        # a0045
    ("1、习近平出席二十国集团领导人峰会。2、李克强同德国总理通电话。", {"习近平", "李克强"}),   # a0063
    ("会议由王文涛主持。", {"王文涛"}),
])
def test_people_named_without_a_post(text, names):
    assert {t for t, k in mentions(text) if k == "Person"} == names


@pytest.mark.parametrize("text, names", [
    # a0153: 马云 has no post and no verb; beside 曾毓群 (named by his post) he is a person
    ("宁德时代董事长曾毓群表示，前景可期。富豪榜排名瞬息万变，马云和曾毓群一个代表互联网。", {"曾毓群", "马云"}),
    ("分析师王青认为，前景可期。王青与李明分别发表了看法。", {"王青", "李明"}),
    # a list grows from its known end: 张冀敏 joins 王晶晶, who joins the named 陈雨
    ("被告人陈雨等三人。陈雨、王晶晶、张冀敏分别参与了公司管理。", {"陈雨", "王晶晶", "张冀敏"}),
    # beside a person but no name: no common surname, or not cut off on its other side
    ("分析师王青认为，前景可期。记者和王青讨论了政策。", {"王青"}),
    ("分析师王青认为，前景可期。王青和公司高管座谈。", {"王青"}),
    ("商务部部长王文涛表示，很好。王文涛与高层的对话。", {"王文涛"}),          # words, not names
    ("商务部部长王文涛表示，很好。王文涛和金融等部门座谈。", {"王文涛"}),
    ("分析师高峰表示，很好。高峰、黄金等大宗商品。", {"高峰"}),
    ("商务部部长王文涛表示，很好。王文涛和高管们一起。", {"王文涛"}),
])
def test_a_name_paired_with_a_person_is_a_person(text, names):
    assert {t for t, k in mentions(text) if k == "Person"} == names


@pytest.mark.parametrize("text, title, kind", [
    ("他们在观看电影《长津湖》。后来《长津湖》上映了。", "长津湖", "Work"),        # a0086
    ("他又忙着修订《楚国的货币》一书了。", "楚国的货币", "Work"),                  # a0170
    ("发表了题为《东西文明根本之异点》的文章。", "东西文明根本之异点", "Work"),     # a0186
    ("论文刊发在《中国经济史研究》2011年第4期。", "中国经济史研究", "MediaOutlet"),
    ("1918年出版的《言治》季刊第三册。", "言治", "MediaOutlet"),
    ("马克思在《资本论》第一卷中写道。", "资本论", "Document"),        # a volume is no issue
    ("李大钊又在《新青年》分两期发表了文章。", "新青年", "MediaOutlet"),
    # a title that ends like an official document stays one, whatever the words around it
    ("他发表了《关于推进改革的意见》的文章。", "关于推进改革的意见", "Document"),
    ("国务院在《政府工作报告》中发表看法。", "政府工作报告", "Document"),
    ("国务院印发《长津湖》。", "长津湖", "Document"),
])
def test_works_and_periodicals_in_titles(text, title, kind):
    assert (title, kind) in mentions(text)
    assert not {(t, k) for t, k in mentions(text) if t == title and k != kind}


@pytest.mark.parametrize("text, places", [
    ("保持人民币汇率在合理均衡水平上的基本稳定。", set()),             # 衡水 (a0127, a0135, a0183)
    ("其中部分企业已复工，其中非法倾倒的有3吨。", set()),               # 中部, 中非 (a0058, a0120)
    ("尤其中国经济恢复较快。", {"中国"}),                               # 尤其 + 中国: no 其中
    ("黄淮海地区出现旱情。", {"黄淮海地区"}),                           # the region, not 海地 (a0192)
    ("拿出真金白银来解决问题。", set()),                                # 白银 (a0053, a0159)
    ("国民运动大同盟等团体。", set()),                                  # 大同 (a0186)
    ("来源：上海市场监管公众号。", {"上海"}),                           # not 上海市 (a0104)
    ("深圳市的市场秩序良好。", {"深圳市"}),
    ("衡水市和石家庄市签约。", {"衡水市", "石家庄市"}),
    # a short form that is an everyday word needs its province or a neighbour in the sentence
    ("维护社会长治久安。", set()),
    ("安康是福。", set()),
    ("山西长治的煤矿。", {"山西", "长治"}),
    ("陕西安康、汉中两地。", {"陕西", "安康", "汉中"}),
    ("甘肃省白银的企业。", {"甘肃省", "白银"}),
    ("国际黄金和白银市场本周大幅波动。", set()),        # cut back to 白银, still a homograph
    ("来宾市场需求旺盛。", set()),
    ("要维护社会长治久安，加快老旧城区改造。", set()),  # 城区 is no neighbour
    ("浙江省丽水平均工资上涨。", {"浙江省", "丽水"}),   # 水平 is no break: 丽水平均
    ("宁德时代及其中国客户。", {"中国"}),               # 其 "its" + 中国
    ("我国对发展中国家及地区给予支持。", set()),       # developing countries (a0112, a0203)
    ("坚持发展中国特色农业。", {"中国"}),
])
def test_places_hidden_in_everyday_words(text, places):
    kinds = {"Place", "City", "AdministrativeArea", "Country"}
    assert {t for t, k in mentions(text) if k in kinds} == places


@pytest.mark.parametrize("text, district, code", [
    ("深圳市近日发布通知，南山区将试点。", "南山区", "440305"),     # a0224: not 鹤岗's 南山区
    ("吉林省长春市朝阳区发布通知。", "朝阳区", "220104"),
    ("北京市朝阳区发布通知。", "朝阳区", "110105"),
])
def test_districts_sharing_a_name_are_the_named_citys(text, district, code):
    _, rec = records(text)
    assert [m.key for m in rec.mentions if m.text == district] == [f"division:{code}"]


def test_a_code_is_a_law_and_a_press_conference_needs_no_xinwen():
    assert ("民法典", "Law") in mentions("依据《民法典》规定。")                          # a0116
    assert ("发布会", "Event") in mentions("国家统计局举行发布会，介绍经济运行情况。")      # a0145
    assert not [t for t, k in mentions("这是一场发布会。") if k == "Event"]


@pytest.mark.parametrize("text", ["犯罪嫌疑人已被抓获。", "当事人对处罚决定无异议。", "实际控制人为公司创始人。"])
def test_legal_roles_without_a_name_give_no_person(text):
    assert not {t for t, k in mentions(text) if k == "Person"}


@pytest.mark.parametrize("text,org,kind,gone", [
    ("海南大学教授表示。", "海南大学", "Organization", "海南"),                          # a0185
    ("中国劳动学会特约研究员苏海南认为。", "中国劳动学会", "Organization", "中国"),        # a0146
    ("深圳市中技实业（集团）有限公司持有5%。", "深圳市中技实业（集团）有限公司", "Company", "深圳市"),  # a0200
    ("大连君融贷信息技术服务有限公司成立。", "大连君融贷信息技术服务有限公司", "Company", "大连"),   # a0136
    # a bracketed place is part of a firm's name (a0152, a0099); a place further in opens it (a0099)
    ("富途证券国际（香港）有限公司表示。", "富途证券国际（香港）有限公司", "Company", "香港"),
    ("实际控制的华夏万家（北京）金融服务外包有限公司合作。", "华夏万家（北京）金融服务外包有限公司", "Company", "北京"),
    ("顾国平实际控制上海联璧电子科技（集团）有限公司。", "上海联璧电子科技（集团）有限公司", "Company", "上海"),
    # alliances and research centres, and names up to 14 characters between place and kind (a0156)
    ("中国汽车动力电池产业创新联盟发布最新数据。", "中国汽车动力电池产业创新联盟", "Organization", "中国"),
    ("广东省城规院住房政策研究中心首席研究员李宇嘉表示。", "广东省城规院住房政策研究中心", "Organization", "广东省"),
])
def test_a_place_that_opens_a_name_is_part_of_it(text, org, kind, gone):
    found = mentions(text)
    assert (org, kind) in found and not [t for t, k in found if t == gone]


def test_a_place_inside_a_name_after_a_post_is_no_place():
    found = mentions("中国劳动学会特约研究员苏海南认为。")              # a0146: 苏海南, not 海南
    assert ("苏海南", "Person") in found and not [t for t, k in found if t == "海南"]


@pytest.mark.parametrize("text", ["在海南设立公司。", "推动中小学教育。", "行业协会发布报告。"])
def test_a_kind_without_a_name_is_no_organisation(text):
    assert not [t for t, k in mentions(text) if k in ("Organization", "Company")]


@pytest.mark.parametrize("names,key", [
    (["四川省绵阳市应急管理局", "绵阳市应急管理局"], "govbody:510700:应急管理局"),               # a0103
    (["广西南宁中级人民法院", "南宁市中级人民法院", "南宁中级人民法院"], "govbody:450100:中级人民法院"),  # a0071
    (["甘肃省监狱局", "甘肃省监狱管理局"], "govbody:620000:监狱管理局"),                       # a0019
    (["甘肃省纪委", "甘肃省监委", "甘肃省纪委监委"], "govbody:620000:纪委监委"),          # a0019: one office
    (["浙江省发改委", "浙江省发展和改革委员会"], "govbody:330000:发展和改革委员会"),
])
def test_a_divisions_body_has_one_key_however_written(names, key):
    from kg.resolve import resolve
    _, rec = records("。".join(f"{n}发布通知" for n in names) + "。")
    res = resolve(rec)
    bodies = [m for m in rec.mentions if m.kind == "GovernmentBody"]
    assert {m.text for m in bodies} == set(names)        # and nothing inside them (发改委 alone)
    assert {res.of(m).key for m in bodies} == {key}


@pytest.mark.parametrize("text, body, key", [
    # a body named by its level alone is the last named province's or city's (a0104, a0133)
    ("上海市召开会议，市药监局稽查局介绍。", "市药监局", "govbody:310000:药品监督管理局"),
    ("厦门市出台新规。市市场监管局和市住房局联合检查。", "市市场监管局", "govbody:350200:市场监督管理局"),
    ("浙江省发布通知，省发改委表示。", "省发改委", "govbody:330000:发展和改革委员会"),
    # the bodies of a joint notice, each with its long name (a0133)
    ("西宁市住房保障和房产管理局发布通知。", "西宁市住房保障和房产管理局", "govbody:630100:住房保障和房产管理局"),
    ("西宁市委网络安全和信息化委员会办公室发布通知。", "西宁市委网络安全和信息化委员会办公室",
     "govbody:630100:网络安全和信息化委员会办公室"),
    ("四川省成都市发改委发布通知。", "四川省成都市发改委", "govbody:510100:发展和改革委员会"),
    # a division's party committee: 甘肃省委 (a0019), 丽水市委; not 委托 (江苏省委托第三方)
    ("甘肃省委决定。", "甘肃省委", "govbody:620000:委"),
])
def test_bodies_named_by_level_or_long_names(text, body, key):
    from kg.resolve import resolve
    _, rec = records(text)
    res = resolve(rec)
    bodies = {m.text: res.of(m).key for m in rec.mentions if m.kind == "GovernmentBody"}
    assert bodies == {body: key}


def test_a_place_before_weituo_is_no_party_committee():
    assert [k for t, k in mentions("江苏省委托第三方评估。") if t.startswith("江苏")] == ["AdministrativeArea"]


@pytest.mark.parametrize("text", ["浙江丽水地委成立。丽水市委召开会议。"])
def test_bodies_the_suffix_does_not_identify_stay_apart(text):
    from kg.resolve import resolve
    _, rec = records(text)
    res = resolve(rec)
    keys = [res.of(m).key for m in rec.mentions if m.kind in ("GovernmentBody", "Organization")]
    assert len(keys) == len(set(keys)) == 2, keys


@pytest.mark.parametrize("text,names", [
    ("美国总统拜登和俄罗斯总统普京通话。", {"拜登", "普京"}),        # a0123: a country's office holder
    ("美国国务卿布林肯称。", {"布林肯"}),
    ("安东尼·布林肯访问北京。", {"安东尼·布林肯"}),                  # a transliteration's interpunct
])
def test_foreign_office_holders_and_transliterated_names(text, names):
    assert {t for t, k in mentions(text) if k == "Person"} == names


def test_a_title_with_an_interpunct_is_no_name():
    assert not [t for t, k in mentions("建党百年·经济战线风云录。") if k == "Person"]   # a0186


@pytest.mark.parametrize("text,branch,kind", [
    ("南京银行南通分行开展业务。", "南京银行南通分行", "Company"),                        # a0075
    ("建设银行浙江省分行原党委书记、行长崔滨洲涉嫌违纪。", "建设银行浙江省分行", "Company"),  # a0075
    ("广东银保监局和人民银行广州分行近日发布消息。", "人民银行广州分行", "GovernmentBody"),   # a0078
    ("人民银行深圳中心支行发布。", "人民银行深圳中心支行", "GovernmentBody"),
])
def test_a_banks_branch_is_named_with_its_bank(text, branch, kind):
    assert (branch, kind) in mentions(text)


def test_a_branch_without_its_bank_is_no_body():
    # which bank's 深圳分行? several banks' branches once merged into one GovernmentBody
    assert not [t for t, k in mentions("深圳分行发放贷款。") if k in ("GovernmentBody", "Company")]


def test_a_department_of_a_kind_is_no_ministry_and_the_corps_is_no_place():
    found = mentions("新疆生产建设兵团累计报告接种。财政部门及时拨付资金。商务部门户网站发布消息。")
    assert ("新疆生产建设兵团", "GovernmentBody") in found
    assert not {m for m in found if m[0] in ("新疆", "新疆维吾尔自治区", "财政部")}, found
    assert ("商务部", "GovernmentBody") in found


def test_a_national_body_s_short_name_after_a_place_is_the_place_s_own():
    found = mentions("江苏省社科院研究员田伯平表示，人口将下降。中国社科院发布报告。")
    assert ("江苏省社科院", "Organization") in found
    assert ("中国社科院", "Organization") in found
    _, rec = records("江苏省社科院研究员田伯平表示，人口将下降。")
    assert not [m for m in rec.mentions if m.key == "org:cass"], [m.key for m in rec.mentions]


def _stcn(word, code):
    return (f'<a class="trsHotWords" target="_blank" href="http://info.stcn.com/dc/stock/?stockcode=SS{code}" '
            f'code="{code}">{word}</a>')


def test_a_stock_code_in_brackets_makes_the_company_and_a_cut_name_does_not():
    _, rec = records(f"<p>{_stcn('复星医药', '600196')}（600196）两个月股价涨幅超100%。</p>")
    assert ("复星医药", "Company") in {(m.text, m.kind) for m in rec.mentions}
    # the feed linked 康希诺 and 生物股份 inside 康希诺生物股份公司: 生物股份 is no company here
    _, rec = records(f"<p>巴西将采购{_stcn('康希诺', '688185')}{_stcn('生物股份', '600201')}公司新冠疫苗。</p>")
    assert not [m for m in rec.mentions if m.text == "生物股份"]


def test_foreign_cities_and_the_homographs_that_need_their_country():
    _, rec = records("疫苗在柬埔寨首都金边交付，美国总统在华盛顿表示支持。东京奥运会推迟。")
    found = {(m.text, m.kind, m.key) for m in rec.mentions if m.kind == "City"}
    assert found == {("金边", "City", "city:KH:金边"), ("华盛顿", "City", "city:US:华盛顿"), ("东京", "City", "city:JP:东京")}
    # 黄河内 holds 河内, 这里加强 holds 里加, 汉堡 is a hamburger: no country, no city
    assert not [m for m in records("黄河内蒙古段凌汛。这里加强了管理。他吃了一个汉堡。")[1].mentions if m.kind == "City"]
    assert ("汉堡", "City") in mentions("德国汉堡港吞吐量下降。")


def test_a_foreign_city_is_in_its_country():
    from kg.rdf import entity_iri
    from kg.resolve import resolve
    from kg.vocab import SDO
    art, rec = records("疫苗在柬埔寨首都金边交付。")
    from kg import rdf
    g, eg = rdf.build(art, rec, resolve(rec))
    eg = eg.graph()
    city = next(m for m in rec.mentions if m.kind == "City")
    node = entity_iri(resolve(rec).of(city))
    assert (node, SDO.containedInPlace, entity_iri(resolve(rec).of(next(m for m in rec.mentions if m.kind == "Country")))) in eg


def test_courts_named_by_their_place_and_words_that_straddle_places():
    assert mentions("北京互联网法院和北京知识产权法院受理了案件。") - {("新浪财经", "MediaOutlet")} == {
        ("北京互联网法院", "Organization"), ("北京知识产权法院", "Organization")}
    # the region 中东部地区, not 中东 (the Middle East) in it; 港澳台商 is no place
    assert mentions("中东部地区降雨偏多。外商及港澳台商投资企业利润增长。") == {("新浪财经", "MediaOutlet"),
                                                                           ("中东部地区", "Place")}


@pytest.mark.parametrize("text, person", [
    ("厦门大学经济学系丁长发说，房价将企稳。", "丁长发"),
    ("中金公司研究部王汉锋认为，市场将回暖。", "王汉锋"),
    ("商务部对此表示，将推进工作。", None),
    ("工信部近日表示，将推进工作。", None),
])
def test_a_name_between_a_body_and_a_speech_verb(text, person):
    found = {m.text for m in records(text)[1].mentions if m.kind == "Person"}
    assert found == ({person} if person else set())


def test_formerly_is_no_part_of_a_company_name():
    found = mentions("原巨田基金管理有限公司总经理被查。原子能科技有限公司成立。")
    assert {("巨田基金管理有限公司", "Company"), ("原子能科技有限公司", "Company")} <= found


def test_a_firm_named_in_full_is_named_again_by_its_own_part():
    from kg.resolve import resolve
    _, rec = records("富途控股有限公司捐款1000万港币。富途方面表示，将继续支持抗疫。中国石油天然气股份有限公司发布年报，石油价格上涨。")
    res = resolve(rec)
    firms = {m.text: res.of(m) for m in rec.mentions if m.kind == "Company"}
    assert firms["富途"].key == firms["富途控股有限公司"].key and firms["富途"].label == "富途控股有限公司"
    assert "石油" not in firms                  # an everyday word is no firm's short name
    assert [r.args["speaker"].text for r in rec.relations if r.kind == "statement"] == ["富途"]


def test_a_short_name_defined_after_a_body_names_it_again():
    from kg.resolve import resolve
    _, rec = records("上海市第一中级人民法院（以下简称上海一中院）依法公开宣判。上海一中院认为，被告人构成犯罪。")
    res = resolve(rec)
    bodies = [(m.text, res.of(m).key) for m in rec.mentions if m.kind == "GovernmentBody"]
    assert bodies == [("上海市第一中级人民法院", "govbody:310000:第一中级人民法院"), ("上海一中院", "govbody:310000:第一中级人民法院")]
    assert not [m for m in rec.mentions if m.text == "上海"]       # no place inside the short name
    assert [r.args["speaker"].text for r in rec.relations if r.kind == "statement"] == ["上海一中院"]


def test_a_law_alias_inside_a_longer_word_is_no_law():
    # 公司法定代表人: the company's legal representative, not the Company Law (a0071)
    assert not [t for t, k in mentions("他采用偷盖东沟公司法定代表人印章的方式。") if k == "Law"]
    assert ("公司法", "Law") in mentions("根据公司法规定，股东应当履行义务。") or \
        ("公司法", "Law") in mentions("违反公司法，应当承担责任。")


def test_a_short_or_edition_less_repeat_of_a_title_is_that_document():
    from kg.resolve import resolve
    art, rec = records("国家发展改革委印发《成渝地区双城经济圈建设规划纲要》。各地要抓好《规划纲要》落实。\n"
                       "商务部发布《外商投资准入特别管理措施（负面清单）（2021年版）》。"
                       "一、《外商投资准入特别管理措施（负面清单）》统一列出限制措施。")
    res = resolve(rec)
    docs = {res.of(m).label for m in rec.mentions if m.kind in ("Document", "Law")}
    assert docs == {"成渝地区双城经济圈建设规划纲要", "外商投资准入特别管理措施（负面清单）（2021年版）"}


@pytest.mark.parametrize("body, want", [
    ("违反了安全生产法第二十一条的规定。", ("安全生产法", "Law")),                 # a known law, unquoted
    ("《新职业教育法》将从今年5月1日起施行。", ("新职业教育法", "Law")),
    ("中纪委国家监委网站刊文披露案例——《捞钱奢靡享乐 难逃纪法严惩》。", ("捞钱奢靡享乐 难逃纪法严惩", "Work")),
])
def test_titles_read_by_what_surrounds_them(body, want):
    assert want in mentions(body)


def test_titles_that_are_no_documents():
    # a publisher's name holding a title, and a kind of form
    assert not [t for t, k in mentions("被告《中国学术期刊（光盘版）》电子杂志社有限公司赔偿原告。") if k == "Document"]
    assert not [t for t, k in mentions("他制作虚假的银行《询证函》等财务凭证。") if k == "Document"]


def test_a_new_law_is_the_law_as_it_stands():
    from kg.resolve import resolve
    _, rec = records("《新职业教育法》将从今年5月1日起施行。")
    res = resolve(rec)
    assert {res.of(m).label for m in rec.mentions if m.kind == "Law"} == {"中华人民共和国职业教育法"}


def test_one_title_issued_by_different_bodies_is_different_documents():
    from kg.resolve import resolve
    _, rec = records("国务院根治拖欠农民工工资工作领导小组办公室近日印发《关于开展根治欠薪冬季专项行动的通知》。"
                     "11月3日，江西根治拖欠农民工工资工作领导小组办公室发布《关于开展根治欠薪冬季专项行动的通知》。"
                     "辽宁日前下发《关于开展根治欠薪冬季专项行动的通知》，要求全部化解。"
                     "《关于开展根治欠薪冬季专项行动的通知》指出，应列尽列。")
    res = resolve(rec)
    docs = [res.of(m).label for m in rec.mentions if m.kind == "Document"]
    title = "关于开展根治欠薪冬季专项行动的通知"
    # the first issuer's keeps the title, and so does the bare mention at the end
    assert docs == [title, f"{title}（江西根治拖欠农民工工资工作领导小组办公室）", f"{title}（辽宁省人民政府）", title]


def test_bodies_issuing_one_document_together_are_its_joint_authors():
    from kg.resolve import resolve
    _, rec = records("人力资源社会保障部、财政部联合印发《关于做好失业保险稳岗工作的通知》。"
                     "财政部有关负责人表示，《关于做好失业保险稳岗工作的通知》由两部门印发。")
    res = resolve(rec)
    issued = [r for r in rec.relations if r.kind == "document"]
    assert len({res.of(r.args["agent"]).key for r in issued}) == 2
    assert {res.of(m).label for m in rec.mentions if m.kind == "Document"} == {"关于做好失业保险稳岗工作的通知"}


@pytest.mark.parametrize("body, unit, parent_label", [
    ("中国社会科学院财经战略研究院党委书记闫坤指出，要发挥作用。", "中国社会科学院财经战略研究院", None),
    ("2021年12月30日晚，中科院合肥物质科学研究院宣布。", "中科院合肥物质科学研究院", "中国科学院合肥物质科学研究院"),
    ("清华大学中国农村研究院副院长张红宇说：“粮食稳。”", "清华大学中国农村研究院", None),
])
def test_a_known_body_followed_by_a_research_unit_is_that_unit(body, unit, parent_label):
    from kg.resolve import resolve
    _, rec = records(body)
    res = resolve(rec)
    orgs = {m.text: res.of(m).label for m in rec.mentions if m.kind == "Organization"}
    assert orgs[unit] == (parent_label or unit)
    assert not [m for m in rec.mentions if m.kind in ("City", "Country") and m.span.start >= body.index(unit[:2])
                and m.span.end <= body.index(unit[:2]) + len(unit)]
    roles = [(r.args["post"], r.args["org"].text) for r in rec.relations if r.kind == "role"]
    assert all(org == unit for _, org in roles), roles


@pytest.mark.parametrize("body", [
    "商务部研究院国际市场研究所副所长白明表示，出口增长。",      # a department of an institute (gold a0032)
    "中粮期货副总经理兼研究院院长焦健表示，锂价上涨。",           # a post, then another
    "中科院发布研究所名单。",
])
def test_no_research_unit_where_words_or_posts_come_between(body):
    _, rec = records(body)
    assert not [m for m in rec.mentions if m.rule == "unit-of-known-body"], rec.mentions


@pytest.mark.parametrize("body, name", [
    ("BOSS直聘研究院最新发布《00后群体就业选择偏好调研报告》。", "BOSS直聘研究院"),
    ("他说，麦可思研究院主编的《2022年中国本科生就业报告》也指出，就业难。", "麦可思研究院"),
    ("该研究院发布报告。", None),
    ("一些研究院发布报告。", None),
])
def test_a_research_institute_kg_does_not_know_is_named_by_what_it_publishes(body, name):
    found = {t for t, k in mentions(body) if k == "Organization"}
    assert found == ({name} if name else set())


def test_a_region_inside_an_events_name_is_part_of_the_name():
    # a0016 (gold: no place): 中国-中东欧投资贸易博览会
    found = mentions("办好中国-中东欧投资贸易博览会、全球数字贸易博览会等重大活动。")
    assert ("中东欧", "Place") not in found and ("中国-中东欧投资贸易博览会", "Event") in found


@pytest.mark.parametrize("body, region", [
    ("重点支持西北、华北、东北和西南地区。", "西北"), ("华北和黄淮海地区小麦长势良好。", "黄淮海地区"),
    ("东南沿海的出口企业订单增加。", "东南沿海"), ("华中和西南的猪肉价格上涨。", "华中"),
])
def test_chinas_macro_regions(body, region):
    assert (region, "Place") in mentions(body)


def test_a_broker_named_by_a_region_is_the_broker():
    found = mentions("华西证券、西南证券、天风证券均上调评级。")
    assert ("西南证券", "Company") in found and ("西南", "Place") not in found


@pytest.mark.parametrize("body, places", [
    ("晋、陕、蒙、新等主产区煤炭增产。", {"晋", "陕", "蒙", "新"}),                  # a0046
    ("西北陕甘宁地区降雨偏少。", {"西北", "陕", "甘", "宁"}),                        # a0192
    ("川渝两地合作加深。", {"川", "渝"}),
    ("苏宁易购发布公告。", set()), ("新京报记者报道。", set()), ("云贵高原风光好。", set()),
])
def test_runs_of_provinces_by_their_one_character_names(body, places):
    assert {t for t, k in mentions(body) if k in ("AdministrativeArea", "Place")} == places


def test_a_province_by_its_one_character_name_resolves_to_the_province():
    from kg.resolve import resolve
    _, rec = records("晋、陕、蒙、新等主产区煤炭增产。")
    res = resolve(rec)
    assert {res.of(m).label for m in rec.mentions if m.kind == "AdministrativeArea"} == {
        "山西省", "陕西省", "内蒙古自治区", "新疆维吾尔自治区"}


@pytest.mark.parametrize("body, county", [
    ("山东寿光的蔬菜价格上涨。", "寿光"),                 # a0046
    ("泉州晋江的鞋企订单增加。", "晋江"),                 # a0125
    ("广州南沙自贸区建设提速。", "南沙"),                 # a0053
    ("河南荥阳新田地种植专业合作社理事长说。", "荥阳"),   # a0192
])
def test_a_county_by_its_short_name_right_after_its_province_or_prefecture(body, county):
    assert county in {t for t, k in mentions(body) if k in ("City", "AdministrativeArea")}


def test_no_county_where_the_word_goes_on():
    assert ("中山", "City") not in mentions("广东中山大学的学生。")


def test_an_indefinite_place_and_a_verb_are_no_body():
    # a0175: 广州一酒店办理 is a hotel somewhere in 广州 and the verb 办理, not a government office
    assert mentions("同年7月，归国的小陈在广州一酒店办理解除隔离手续时，被公安机关抓获。") - {("新浪财经", "MediaOutlet")} \
        == {("广州", "City")}
    assert ("深圳市金融办", "GovernmentBody") in mentions("深圳市金融办发布通知。")


@pytest.mark.parametrize("text, key", [
    # a0168: the city as written, not also 淮安区 (淮安 alone); the prefecture by its 州
    ("江苏省淮安市应急管理局对其作出处罚。", "govbody:320800:应急管理局"),
    ("淮安市应急管理局对其作出处罚。", "govbody:320800:应急管理局"),
    ("甘肃省临夏州应急管理局表示。", "govbody:622900:应急管理局"),
    ("临夏州应急管理局表示。", "govbody:622900:应急管理局"),
    ("临夏州政府发布通知。", "gov:622900"),
    ("临夏州委书记表示。", "govbody:622900:委"),
    ("兴安盟委召开会议。", "govbody:152200:委"),
])
def test_a_body_of_a_division_written_with_its_kind_word_has_the_divisions_key(text, key):
    _, rec = records(text)
    assert [m.key for m in rec.mentions if m.kind == "GovernmentBody"] == [key]


@pytest.mark.parametrize("text, found", [
    # a programme carried out (a0105, a0197, a0147, a0199, a0127)
    ("11月1日至2022年春节前组织开展根治欠薪冬季专项行动。", ["根治欠薪冬季专项行动"]),
    ("国家发改委等部门：深入推进先进制造业和现代服务业融合发展试点。", ["先进制造业和现代服务业融合发展试点"]),
    ("支持7省（区）开展荒漠生态保护补偿试点。", ["荒漠生态保护补偿试点"]),
    ("实施国家黑土地保护工程。", ["国家黑土地保护工程"]),
    # quoted (a0128, a0203): one programme with or without its quotes
    ("“东数西算”工程正式启动。", ["东数西算工程"]),
    ("中方已宣布向“新冠疫苗实施计划”提供疫苗。", ["新冠疫苗实施计划"]),
    # no programme: a building site, a back-reference, a verb, a job, a generic quoted word
    ("全面清查在建工程。", []), ("这项试点效果很好。", []), ("吴忠市计划投资232亿元。", []),
    ("他是一名工程师。", []), ("实施“重大工程”。", []), ("外交部“三保”工作。", []),
    # the subject and a second verb are no part of the name; a quoted clause is no programme
    ("支持女性科技人才参加科技人员服务企业专项行动。", ["科技人员服务企业专项行动"]),
    ("支持符合条件的地区开展试点。", []), ("要推进国家专项行动。", []),
    ("他说：“这是长期计划”，又说“必须坚持创新战略”。", []),
    ("推进要素市场化配置改革试点。", ["要素市场化配置改革试点"]),
])
def test_programmes_carried_out_or_quoted(text, found):
    _, rec = records(text)
    from kg.resolve import resolve
    res = resolve(rec)
    assert [res.of(m).label for m in rec.mentions if m.kind == "Programme"] == found


def test_a_known_banks_branch_is_named_with_the_bank_in_full_and_is_part_of_it():
    from extract_helpers import article
    from kg.pipeline import article_graphs
    from kg.resolve import resolve
    from rdflib import URIRef
    labels = set()
    for text in ("农行江苏省分行副行长张三被查。", "农业银行江苏省分行表示。", "中国农业银行江苏省分行发布。"):
        _, rec = records(text)
        res = resolve(rec)
        labels |= {res.of(m).label for m in rec.mentions if m.rule == "bank-branch"}
    assert labels == {"农业银行江苏省分行"}                   # one branch, whatever the bank's short name
    _, g, e = article_graphs(article("农行江苏省分行副行长张三被查。"))
    sub = URIRef("http://www.w3.org/ns/org#subOrganizationOf")
    assert {str(o) for o in e.objects(None, sub)} == {"https://w3id.org/kgnews/id/org/abc"}
    assert (URIRef("https://w3id.org/kgnews/id/org/abc"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None) in e


def test_an_economic_development_company_is_a_company():
    # a0071: 发展 in 经济发展有限责任公司 is the firm's business, not a verb creating firms
    assert ("南宁市东沟岭经济发展有限责任公司", "Company") in mentions(
        "南宁市东沟岭经济发展有限责任公司（下称“东沟公司”）出纳杨旭雁贪污。")


def test_a_ministrys_general_office_is_its_own_body():
    # a0078: 中国银保监会办公厅、住房和城乡建设部办公厅、中国人民银行办公厅联合印发 - the
    # general offices issued it; they were read as the ministries themselves
    from extract_helpers import article
    from kg.pipeline import article_graphs
    from kg.resolve import resolve
    from rdflib import URIRef
    text = "3月26日，中国银保监会办公厅、住房和城乡建设部办公厅、中国人民银行办公厅联合印发了《关于防止经营用途贷款违规流入房地产领域的通知》。"
    _, rec = records(text)
    res = resolve(rec)
    offices = {res.of(m).label for m in rec.mentions if m.rule == "general-office"}
    assert offices == {"银保监会办公厅", "住房和城乡建设部办公厅", "中国人民银行办公厅"}
    issuers = {res.of(r.args["agent"]).label for r in rec.relations if r.kind == "document"}
    assert issuers == offices
    _, g, e = article_graphs(article("住建部办公厅印发《关于加强住房公积金管理的通知》。"))
    sub = URIRef("http://www.w3.org/ns/org#subOrganizationOf")
    assert {str(o) for o in e.objects(None, sub)} == {"https://w3id.org/kgnews/id/org/mohurd"}
    # the gazetteer's own offices stay as they are
    assert ("国务院办公厅", "GovernmentBody") in mentions("国务院办公厅印发《通知》。")


def test_a_ministry_and_its_general_office_issue_one_document():
    # a0078: the ministries 发布 the notice and their general offices 印发 it: one document, not
    # a second one qualified by the offices (as two bodies' same-titled notices would be)
    from kg.resolve import resolve
    text = ("3月26日下午，银保监会、住建部、央行三部门联合发布了《关于防止经营用途贷款违规流入房地产领域的通知》。"
            "3月26日，中国银保监会办公厅、住房和城乡建设部办公厅、中国人民银行办公厅联合印发了《关于防止经营用途贷款违规流入房地产领域的通知》。")
    _, rec = records(text)
    res = resolve(rec)
    docs = {res.of(m).label for m in rec.mentions if m.kind == "Document"}
    assert docs == {"关于防止经营用途贷款违规流入房地产领域的通知"}


def test_a_common_word_after_qizhong_is_no_district():
    # 其中溧水区12例 names a district; 其中矿区, 其中老城区 are words (阳泉市矿区, 洛阳市老城区)
    assert ("溧水区", "AdministrativeArea") in mentions("其中溧水区12例。")
    assert not {k for _, k in mentions("其中矿区增长5%，其中老城区增长3%。")} & {"AdministrativeArea", "City"}


@pytest.mark.parametrize("text, label, national", [
    # the B audit: an office of a national body is named as it names itself, and is part of it
    ("杭州海关发布数据显示，浙江出口增长。", "杭州海关", "gacc"),
    ("北京银保监局发布通知。", "北京银保监局", "cbirc"),
    ("内蒙古银保监局原局长接受审查。", "内蒙古银保监局", "cbirc"),
])
def test_an_office_of_a_national_body_keeps_its_name_and_its_body(text, label, national):
    from extract_helpers import article
    from kg.pipeline import article_graphs
    from rdflib import RDFS, URIRef
    _, g, e = article_graphs(article(text))
    sub = URIRef("http://www.w3.org/ns/org#subOrganizationOf")
    (office, parent), = list(e.subject_objects(sub))
    assert str(e.value(office, RDFS.label)) == label
    assert str(parent) == f"https://w3id.org/kgnews/id/org/{national}"
    # a local government's body keeps the division's full name
    _, g, e = article_graphs(article("杭州市商务局发布通知。"))
    assert "杭州市商务局" in {str(o) for o in e.objects(None, RDFS.label)}


def test_public_figures_named_by_a_transliterated_name_alone():
    # the A audit (a0123): 普京 (8 mentions) and 麦康奈尔 matched no person pattern
    found = {m for m in mentions("习近平主席告诉普京，中方支持对话。美国参议院共和党领袖麦康奈尔表示反对。") if m[1] == "Person"}
    assert {("普京", "Person"), ("麦康奈尔", "Person")} <= found
    # a name the list leaves out for being a place stays a place
    assert ("奥斯汀", "Person") not in mentions("他在奥斯汀工作。")
    # China's state leaders, named without a post once readers know them (a0063), but not in a
    # doctrine's name alone
    assert ("李克强", "Person") in mentions("2、李克强同蒙古国总理举行视频会晤。")
    assert not [m for m in mentions("要以习近平新时代中国特色社会主义思想为指导。") if m[1] == "Person"]


def test_a_monk_by_dharma_name_and_title():
    # a0089: 智辉法师 and his four statements were lost; a 魔法师 is no monk
    assert ("智辉", "Person") in mentions("广德寺监院智辉法师对此解释称，寺里打卡拍照的人越来越多。")
    assert not [m for m in mentions("大魔法师表示同意。") if m[1] == "Person"]


def test_a_firm_named_by_its_place_after_another_name_and_a_verb():
    # a0200: the firm was lost and its 深圳市 became a figure's place
    found = mentions("核准摩根士丹利受让深圳市中技实业（集团）有限公司持有大摩华鑫基金5%股权。")
    assert ("深圳市中技实业（集团）有限公司", "Company") in found and ("深圳市", "City") not in found


@pytest.mark.parametrize("text, department", [
    # a national body's department, named with it, is part of it; the body stays mentioned (C audit)
    ("交通运输部长江航务管理局发布数据。", "交通运输部长江航务管理局"),
    ("生态环境部固体废物与化学品司司长表示，将推进。", "生态环境部固体废物与化学品司"),
    ("应急管理部安全执法和工贸监管局有关负责人介绍。", "应急管理部安全执法和工贸监管局"),
    ("商务部和国家统计局发布数据。", None),                  # two bodies, no department
    ("交通运输部部署各地海事局开展检查。", None),            # a verb, no name
    ("税务总局有关司局负责人表示，将落实。", None),          # "the departments concerned"
])
def test_a_department_of_a_national_body(text, department):
    found = mentions(text)
    depts = {m[0] for m in found if m[1] == "GovernmentBody" and len(m[0]) > 6}
    assert depts == ({department} if department else set()), found
    assert any(m[1] == "GovernmentBody" and m[0] in ("交通运输部", "生态环境部", "应急管理部", "商务部", "税务总局")
               for m in found)


@pytest.mark.parametrize("text, wrong", [
    ("记者刘鹤翔报道，某事发生。", ("刘鹤", "Person")),              # a listed name inside a longer one
    ("这位法师表示同意。", ("这位", "Person")),                       # no dharma name
    ("两位法师表示同意。", ("两位", "Person")),
    ("证监会核准华鑫公司，同意变更。", ("证监会核准华鑫公司", "GovernmentBody")),   # no department
])
def test_this_sessions_name_rules_keep_to_their_cases(text, wrong):
    assert wrong not in mentions(text)


def test_an_anonymised_name_before_a_word_opening_with_its_third_character():
    # C audit (a0103): 张某存在以下问题 gave the person 张某存; 陈某江 stays three characters
    assert ("张某", "Person") in mentions("发现该公司主要负责人张某存在以下问题：未建立制度。")
    assert ("陈某江", "Person") in mentions("该公司负责人陈某江表示同意。")


@pytest.mark.parametrize("text, body, parent", [
    # a firm's or a university's own body, named with it, is its own organisation (a0152, a0181,
    # a0067, a0075, a0041): the one named first stays mentioned
    ("腾讯决定透过旗下腾讯基金会追加4000万。", ("腾讯基金会", "Organization"), "腾讯"),
    ("浙江大学教育基金会表示感谢。", ("浙江大学教育基金会", "Organization"), "浙江大学"),
    ("中国人民大学法学院教授王轶表示，要依法治理。", ("中国人民大学法学院", "Organization"), "中国人民大学"),
    ("无锡银行南通如皋港支行行长李某被查。", ("无锡银行南通如皋港支行", "Company"), "无锡银行"),
    ("天风证券研究所副所长孙彬彬预测称，利率下行。", ("天风证券研究所", "Organization"), "天风证券"),
])
def test_an_organisations_own_body_named_with_it(text, body, parent):
    found = mentions(text)
    assert body in found and any(t == parent for t, _ in found)


def test_a_provinces_branch_is_still_read_with_its_place():
    assert ("中国银行河南省分行", "Company") in mentions("中国银行河南省分行原党委委员、副行长周路被查。")
    assert not any(t == "腾讯研究院" for t, _ in mentions("腾讯发布研究报告。"))


def test_a_latin_name_is_a_whole_word():
    assert not any(t == "Tencent" for t, _ in mentions("微信公众号 TencentGlobal 发布消息。"))     # a0152
    assert ("CNN", "MediaOutlet") in mentions("据CNN报道，美国经济增长。")


def test_a_programme_alias_with_quotes_inside_keeps_them():
    # (“一带一路”倡议: its alias with its outer quotes stripped was 一带一路”倡议, a0219)
    assert ("“一带一路”倡议", "Programme") in mentions("要推进“一带一路”倡议同各国发展战略对接。")


def _resolved(body: str, **kw):
    from kg.resolve import resolve
    _, rec = records(body, **kw)
    res = resolve(rec)
    return rec, res


@pytest.mark.parametrize("body, date, want", [
    # entity-resolution audit: the 2021 and the 2022 government work reports were one document
    ("按照政府工作报告，今年全年经济增速目标为6%以上。", "Wed, 28 Jul 2021 08:00:00 GMT", ["2021"]),
    # before the NPC's opening in March, the latest report is last year's
    ("政府工作报告提出，稳字当头。", "Tue, 15 Feb 2022 08:00:00 GMT", ["2021"]),
    # a year the words name; a later mention naming none is the edition named before it
    ("今年的政府工作报告也提出，稳定外贸。政府工作报告还提出，发展新业态。", "Wed, 02 Mar 2022 08:00:00 GMT", ["2022", "2022"]),
    ("2021年政府工作报告提出，稳字当头。", "Sat, 05 Mar 2022 08:00:00 GMT", ["2021"]),
    ("解读《政府工作报告》有关情况。", "Sat, 05 Mar 2022 08:00:00 GMT", ["2022"]),
    # (the review) 2020's was delivered on 22 May
    ("按照政府工作报告部署，加快复工复产。", "Wed, 15 Apr 2020 08:00:00 GMT", ["2019"]),
])
def test_each_years_government_work_report_is_its_own_document(body, date, want):
    rec, res = _resolved(body, date=date)
    docs = [m for m in rec.mentions if m.kind == "Document"]
    assert [m.attrs.get("year") for m in docs] == want
    ents = {res.of(m).key for m in docs}
    assert ents == {f"doc:政府工作报告({y}年)" for y in want}     # (_key folds full-width brackets)
    e = res.of(docs[0])
    # the title is the title; the year is the edition's (schema:version) and in its other labels
    assert e.label == "政府工作报告" and e.attrs["version"] == want[0]
    assert f"{want[0]}年政府工作报告" in e.alt_labels and e.en == f"Government Work Report {want[0]}"


@pytest.mark.parametrize("body, want", [
    ("广东省政府工作报告提出，加快发展。", ["doc:广东省政府工作报告"]),
    # (the review) 人民 or a year between; a province named by its kind alone gives no document
    ("上海市人民政府工作报告提出，加快发展。", ["doc:上海市政府工作报告"]),
    ("广东省2022年政府工作报告提出，加快发展。", ["doc:广东省政府工作报告(2022年)"]),
    ("省政府工作报告提出，加快发展。", []),
    ("海南省委省政府工作报告提出。", []),
    # and the State Council's stays the State Council's
    ("他表示，今年政府工作报告指出。", ["doc:政府工作报告(2022年)"]),
])
def test_a_provinces_government_work_report_is_its_own(body, want):
    rec, res = _resolved(body, date="Sat, 05 Mar 2022 08:00:00 GMT")
    assert [res.of(m).key for m in rec.mentions if m.kind == "Document"] == want


@pytest.mark.parametrize("body, want", [
    # entity-resolution audit: Inner Mongolia's wage campaign and Sichuan's investment campaign
    # were one programme, 百日攻坚行动; the words before the quote are part of the name
    ("11月17日，内蒙古自治区根治欠薪“百日攻坚”行动动员部署电视电话会议召开。", ["根治欠薪百日攻坚行动"]),
    ("落实制造业招商引资百日攻坚行动。持续开展制造业招商引资“百日攻坚”行动。",
     ["制造业招商引资百日攻坚行动", "制造业招商引资百日攻坚行动"]),
    # not a whole place's or a function word's
    ("全省“百日攻坚”行动取得成效。", ["百日攻坚行动"]),
    ("对此，我们要把“东数西算”工程做好。", ["东数西算工程"]),
    # (the review) nor a verb's, an adverb's, a round's or a subject's no place names
    ("为稳住经济大盘，全面打响“百日攻坚”行动。", ["百日攻坚行动"]),
    ("今年起，新一轮“百日攻坚”行动启动。", ["百日攻坚行动"]),
    ("与此同时，税务部门“春风行动”持续发力。", ["春风行动"]),
    ("广东省全面打响“百日攻坚”行动。", ["百日攻坚行动"]),
])
def test_a_quoted_programme_keeps_the_words_of_its_name_before_the_quote(body, want):
    rec, res = _resolved(body)
    assert [res.of(m).label for m in rec.mentions if m.kind == "Programme"] == want


@pytest.mark.parametrize("name, kind, want", [
    # entity-resolution audit: courts, party committees and bank branches were typed two ways
    ("北京互联网法院", "Organization", "GovernmentBody"),
    ("和含地委", "Organization", "GovernmentBody"),
    ("中共和含中心县委", "Organization", "GovernmentBody"),
    ("北京农商行朝阳支行", "Organization", "Company"),
    # the central bank's branch stays a state body; a branch's party committee is no committee of a place
    ("中国人民银行广州分行", "GovernmentBody", "GovernmentBody"),
    ("中国银行河南省分行党委", "Organization", "Organization"),
    ("中国动力电池产业创新联盟", "Organization", "Organization"),
])
def test_what_a_bodys_name_says_it_is(name, kind, want):
    from kg.resolve import _kind_by_name
    assert _kind_by_name(name, kind) == want


@pytest.mark.parametrize("body, want, not_wanted", [
    # entity-resolution audit: organisation names linked as places
    ("评论区骂声一片，堪称马先生海南大学演讲被丢鞋后又一经典。", ("海南大学", "Organization"), "海南"),
    ("证券时报网讯，据海南日报消息，记者2月2日获悉。", ("海南日报", "MediaOutlet"), "海南"),
    ("宁夏广播电视台1个，宁夏广播电视台新址项目。", ("宁夏广播电视台", "MediaOutlet"), "宁夏"),
    ("同日，上海市银行同业公会官微也披露了。", ("上海市银行同业公会", "Organization"), "上海市"),
])
def test_a_place_opening_an_institutions_or_papers_name_is_part_of_it(body, want, not_wanted):
    found = mentions(body)
    assert want in found and not any(text == not_wanted for text, _ in found)


def test_a_papers_place_is_what_the_province_refers_back_to():
    # a0109: 据海南日报消息，…全省新设立外商投资企业170家 (全省 is Hainan)
    _, rec = records("据海南日报消息，记者从省商务厅获悉，今年1月，全省新设立外商投资企业170家。")
    (q,) = rec.quantities
    assert q.place is not None and q.place.key == "division:460000" and q.place.text == "海南"


def test_anonymised_names_are_each_articles_own():
    """张某 in two court reports are two people (one key across articles gave each the other's
    roles and fines); within one article every 张某 is one, and real names still merge."""
    from kg.rdf import entity_iri
    from kg.resolve import resolve
    body = ("芜湖市某钢铁有限公司负责人张某存在以下问题。经查，张某被处罚款10万元。"
            "商务部新闻发言人高峰表示，将加强监管。")
    keys = []
    for text in (body, body + "另有2家企业被约谈。"):
        art, rec = records(text)
        res = resolve(rec, art.id)
        named = {m.text: res.of(m) for m in rec.mentions}
        assert {"张某", "芜湖市某钢铁有限公司", "高峰"} <= set(named)
        assert len({res.of(m).key for m in rec.mentions if m.text == "张某"}) == 1
        assert named["张某"].label == "张某" and named["张某"].key.endswith("-" + art.id)
        assert named["芜湖市某钢铁有限公司"].key.endswith("-" + art.id)
        assert named["高峰"].key == "person:高峰"
        keys.append((entity_iri(named["张某"]), entity_iri(named["芜湖市某钢铁有限公司"])))
    assert keys[0][0] != keys[1][0] and keys[0][1] != keys[1][1]
    assert "%E5%BC%A0%E6%9F%90-" in keys[0][0]          # person/张某-<article id>: still readable


@pytest.mark.parametrize("body, expected", [
    # a court's account, its full name, the short name it defines: one court
    ("据“上海一中法院”微信号消息，上海市第一中级人民法院（以下简称上海一中院）依法公开宣判。上海一中院认为，被告人构成集资诈骗罪。",
     {"上海一中法院": "govbody:310000:第一中级人民法院", "上海市第一中级人民法院": "govbody:310000:第一中级人民法院",
      "上海一中院": "govbody:310000:第一中级人民法院"}),
    ("浙江高院和杭州中院发布典型案例，北京市第二中级人民法院、苏州中级法院审理了此案。",
     {"浙江高院": "govbody:330000:高级人民法院", "杭州中院": "govbody:330100:中级人民法院",
      "北京市第二中级人民法院": "govbody:110000:第二中级人民法院", "苏州中级法院": "govbody:320500:中级人民法院"}),
    ("最高院发布指导意见，江苏省高级人民法院院长表示。", {"最高院": "org:supreme-peoples-court",
                                          "江苏省高级人民法院": "govbody:320000:高级人民法院"}),
])
def test_courts_by_their_short_names(body, expected):
    from kg.resolve import resolve
    art, rec = records(body)
    res = resolve(rec, art.id)
    got = {m.text: res.of(m).key for m in rec.mentions if m.text in expected}
    assert got == expected
    labels = {res.of(m).label for m in rec.mentions if m.text in expected}
    assert "上海市第一中级人民法院" in labels or "杭州市中级人民法院" in labels or "最高人民法院" in labels


@pytest.mark.parametrize("body, persons", [
    # (a0120) names of three that recur, of two after varying verbs, and one ending a list
    ("“串串”刘某找到新兴公司后勤主管陈某廷，并承诺给予陈某廷好处费。刘某采集了样品，安排驾驶员陈某江去寻找处置公司。"
     "刘某得知后，示意陈某江自行处置。陈某江邀约邹某等三名驾驶员倾倒。", {"刘某", "陈某廷", "陈某江", "邹某"}),
    # (a0058) after a role or recurring
    ("民警在静安区某咖啡店门口将高某抓获。到案后，犯罪嫌疑人高某如实供述。", {"高某"}),
    ("见面后，程某又介绍自己经营着一家店，程某先是借钱买电脑。", {"程某"}),
    # 某 as "some": no name
    ("对于某些企业而言，某种程度上，于某地开展试点，于某省推广。", set()),
    ("一名自称是某知名三甲医院的程姓医生。", set()),
])
def test_anonymised_names_are_persons(body, persons):
    assert {t for t, k in mentions(body) if k == "Person"} == persons


@pytest.mark.parametrize("body, expected", [
    # (a0120) a district's court by the district's short name, after its full name; it holds, as a speaker
    ("重庆市江津区人民法院审理此案。江津法院审理认为，被告人构成犯罪。",
     {"重庆市江津区人民法院": "govbody:500116:人民法院", "江津法院": "govbody:500116:人民法院"}),
    ("江津区检察院提起公诉。", {"江津区检察院": "govbody:500116:人民检察院"}),
    # a province's or a city's 法院 are its courts, and a court's own name stays its own
    ("上海法院系统全年审结案件。北京互联网法院发布白皮书。", {"上海法院": "org:上海法院", "北京互联网法院": "org:北京互联网法院"}),
])
def test_county_courts_by_short_names(body, expected):
    from kg.resolve import resolve
    art, rec = records(body)
    res = resolve(rec, art.id)
    assert {m.text: res.of(m).key for m in rec.mentions if m.text in expected} == expected


@pytest.mark.parametrize("body, persons", [
    # (a0075, a0136) whom another case deals with is a person, named again after
    ("他伙同吴隽（另案处理）等人实施诈骗。", {"吴隽"}),
    # (伙同 is a verb, not 同 "and": no 韩越伙)
    ("被告人王戎、韩越伙同吴隽（另案处理）等人，设立公司。", {"王戎", "吴隽"}),
    ("遇到了改变他命运的阙宏镖（另案处理）。彼时的阙宏镖是南通工行个贷科科长。", {"阙宏镖"}),
    ("该公司（另案处理）已注销。", set()),
])
def test_a_person_dealt_with_in_another_case(body, persons):
    assert {t for t, k in mentions(body) if k == "Person"} == persons


@pytest.mark.parametrize("body, china", [
    # (a0104, a0127, a0181) a doctrine's and a programme's fixed names mention no country
    ("深入学习习近平新时代中国特色社会主义思想，建设中国特色世界一流大学。", False),
    ("深入学习中国特色社会主义思想。中国经济稳定增长。", True),
])
def test_fixed_names_with_china_in_them(body, china):
    assert (("中国", "Country") in mentions(body)) == china


@pytest.mark.parametrize("body, persons", [
    # (the review) surnames that are words before 某, a 刘某某 never cut to 刘某, non-names before
    # （另案处理）, compound surnames
    ("消费者向某银行申请贷款，随后又向某银行投诉。", set()),
    ("患者于某医院就诊，后又于某医院复查。", set()),
    ("曾任某银行行长的他，离任后转任某银行顾问。", set()),
    ("被告人于某因涉嫌诈骗被抓获。", {"于某"}),
    ("经查，刘某某负责联系买家，刘某负责运输。案发后刘某被抓获。", {"刘某某", "刘某"}),
    ("其余人员（另案处理）。其余同伙（另案处理）。涉案车辆（另行处理）。", set()),
    ("嫌疑人欧阳明辉（另案处理）。", {"欧阳明辉"}),
])
def test_anonymised_and_separately_tried_names_do_not_over_match(body, persons):
    assert {t for t, k in mentions(body) if k == "Person"} == persons


def test_mou_mou_is_never_the_same_person_as_mou():
    from kg.resolve import resolve
    art, rec = records("经查，刘某某负责联系买家，刘某负责运输。案发后刘某被抓获。")
    res = resolve(rec, art.id)
    keys = {m.text: res.of(m).key for m in rec.mentions if m.kind == "Person"}
    assert keys["刘某某"] != keys["刘某"]


@pytest.mark.parametrize("body", ["老北京城中院落多为四合院。", "他在西安城中院子里种树。", "北京四中院士校友会成立。"])
def test_court_short_forms_need_a_court(body):
    assert not [t for t, k in mentions(body) if k == "GovernmentBody"]


@pytest.mark.parametrize("body, persons", [
    # (a0203) a foreign name introduced by name, then speaking under it
    ("一名叫做杰森的英国视频博主拍摄了视频。杰森称中国做得很好。杰森同时还吐槽称，英国太慢。", {"杰森"}),
    ("村里有一位名叫王芳的村民，王芳今年六十岁。", {"王芳"}),
    # (not a company or a village introduced so, nor a company or country the gazetteers know)
    ("一家名为星辰的公司成立了。一个名叫王庄的村子很美。", set()),
    ("英特尔称芯片供应紧张。英特尔表示将扩产。巴西称将提高关税。巴西表示欢迎。", set()),
    # (the review: words and firms written in transliteration characters speak too; a foreign
    # name needs a cue of its own, as 杰森's introduction is)
    ("安森称将继续合作。", set()),
    ("据悉，基金表示将加大投入。基金在声明中称，前景乐观。", set()),
    ("据悉，穆迪表示将下调评级。穆迪在声明中称，前景稳定。", set()),
    # (a0186) a description ending in 者 before a name that recurs
    ("中国早期的马克思主义者陈望道，在1920年译出宣言。后来陈望道又发表了文章。", {"陈望道"}),
    ("中国早期的马克思主义者陈望道，在1920年译出宣言。", set()),
    # (not 或者 before a name; 消费者王先生说 is a person by surname and title, not by 者)
    ("消费者王先生说很满意。或者张三丰，或者张三丰。", {"王先生"}),
    # (a0053) a founder named alone, before any verb
    ("会上，许家印立下军令状。", {"许家印"}),
    # (the review: not inside a doctrine's or a firm's name)
    ("坚持以马克思列宁主义、毛泽东思想、邓小平理论为指导。", set()),
    ("据弗若斯特沙利文报告，市场规模扩大。", set()),
])
def test_persons_named_without_a_post(body, persons):
    assert {t for t, k in mentions(body) if k == "Person"} == persons


@pytest.mark.parametrize("body, persons", [
    # (a0173, a0125) a surname and 女士/先生 after a role, speaking or named again
    ("房东景女士说，租客是个漂亮的女生。", {"景女士"}),
    ("店老板吴先生来自湖南。吴先生称，生意不好做。", {"吴先生"}),
    # (not an address, nor a surname and title said once that does nothing)
    ("大使先生，很高兴见到你。", set()),
    ("节日之际，向女士们致以问候。公司也向女士们表示感谢。", set()),
    ("在天河区创业的孙先生深有体会。", set()),
    ("景女士说很好。", set()),          # (a rare surname alone at a boundary: 景 may be a word)
])
def test_a_person_named_by_surname_and_title(body, persons):
    assert {t for t, k in mentions(body) if k == "Person"} == persons


def test_a_surname_and_title_is_the_articles_own_person():
    from kg.resolve import resolve
    keys = set()
    for body, title in [("店老板吴先生来自湖南。吴先生称，生意不好做。", "一"), ("店老板吴先生来自湖南。吴先生称，生意好做。", "二")]:
        art, rec = records(body, title=title)
        res = resolve(rec, art.id)
        keys |= {res.of(m).key for m in rec.mentions if m.kind == "Person"}
    assert len(keys) == 2


@pytest.mark.parametrize("body, persons", [
    # (a0175) 小 and a surname, said again and again, after an age
    ("2020年，17岁的小陈因疫情留在国外。同年7月，归国的小陈在广州办理手续。法院认为，小陈无视国家法律。", {"小陈"}),
    # (words: 小区, 小时; a name said once or twice with no cue)
    ("小区里有小时工。小区很大，小区很美，小时候很快乐。", set()),
    ("小王说很好。小王走了。", set()),          # (a cue, 说, but said twice only)
    ("刘小林表示，很好。刘小林说，不错。刘小林认为可以。", {"刘小林"}),   # (not 小林: a given name)
])
def test_a_young_person_by_surname(body, persons):
    assert {t for t, k in mentions(body) if k == "Person"} == persons


def test_a_national_bodys_local_office_is_part_of_it():
    # (a0060) 国家税务总局北京市税务局 is one body, 北京市税务局 wherever named, part of 国家税务总局;
    # 国家统计局北京调查总队 likewise of 国家统计局
    from kg.resolve import resolve
    art, rec = records("国家税务总局北京市税务局、国家税务总局天津市税务局联合发布公告。北京市税务局表示，将推进。"
                       "国家统计局北京调查总队发布数据。")
    res = resolve(rec, art.id)
    found = {(m.text, res.of(m).label, res.of(m).attrs.get("parent_org")) for m in rec.mentions if m.kind == "GovernmentBody"}
    assert ("国家税务总局北京市税务局", "国家税务总局北京市税务局", "org:sta") in found
    assert ("北京市税务局", "国家税务总局北京市税务局", "org:sta") in found
    assert ("国家统计局北京调查总队", "国家统计局北京调查总队", "org:nbs") in found
    assert ("国家税务总局", "国家税务总局", None) in found
    keys = {res.of(m).key for m in rec.mentions if "北京市税务局" in m.text}
    assert len(keys) == 1
    # (a district's bureau is named with its city)
    art, rec = records("浦东新区税务局表示，将推进。")
    assert {resolve(rec, art.id).of(m).label for m in rec.mentions if m.kind == "GovernmentBody"} == {
        "国家税务总局上海市浦东新区税务局"}


def test_a_bare_genre_title_refers_back_to_the_document():
    # (a0016, a0012) 《意见》, 《指导意见》 after the full title (its draft mark aside) are that document
    from kg.resolve import resolve
    for body in ["省政府印发《关于进一步加强招商引资工作的指导意见》。《意见》提出，到2025年引进内资。《指导意见》明确了目标。",
                 "住建厅公布《关于加快发展保障性租赁住房的指导意见（征求意见稿）》。《指导意见》规定了名单。"]:
        art, rec = records(body)
        res = resolve(rec, art.id)
        docs = [m for m in rec.mentions if m.kind == "Document"]
        assert len(docs) >= 2 and len({res.of(m).key for m in docs}) == 1, [(m.text, m.rule) for m in docs]
    # (a genre word with nothing named before is no document)
    assert not [m for m in records("《意见》提出，要加强管理。")[1].mentions if m.kind == "Document"]


@pytest.mark.parametrize("body", ["活动吸引参与者万余人，其中线上观众万余人。",
                                  "部分消费者于今年3月购买了该产品，投资者于今年3月提出赎回。",
                                  "游客参观了孙中山故居和毛泽东纪念堂。"])
def test_no_person_in_counts_times_or_places_named_for_people(body):
    # (the second review) 者 + a count or a time; a known name inside a memorial's name
    assert not [t for t, k in mentions(body) if k == "Person"]
