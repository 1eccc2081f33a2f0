"""Relation extraction on real sentences: roles, documents, designations, statements, measures, credits."""
from __future__ import annotations

import pytest

from extract_helpers import records, relations

ROLE_CASES = [
    ("对此，商务部新闻发言人高峰表示，近年来，我国跨境电商迅速发展。", {("高峰", "新闻发言人", "商务部", False)}),
    ("对此，国家统计局新闻发言人、国民经济综合统计司司长付凌晖表示，10月份CPI涨幅扩大。",
     {("付凌晖", "新闻发言人", "国家统计局", False), ("付凌晖", "国民经济综合统计司司长", "国家统计局", False)}),
    ("商务部原副部长、中国国际经济交流中心副理事长魏建国接受采访时表示，2022年是关键之年。",
     {("魏建国", "副部长", "商务部", True), ("魏建国", "副理事长", "中国国际经济交流中心", False)}),
    ("英大证券研究所所长郑后成分析称，9月消费表现超预期。", {("郑后成", "研究所所长", "英大证券", False)}),
    ("1995.03-1997.11 任甘肃省监狱管理局组织处处长\n梁仪坚身为党员领导干部，经甘肃省委批准立案的省监狱管理局原政委梁仪坚",
     {("梁仪坚", "组织处处长", "甘肃省监狱管理局", True)}),
]


@pytest.mark.parametrize("text,expected", ROLE_CASES, ids=[c[0][:10] for c in ROLE_CASES])
def test_roles(text, expected):
    found = {(r.args["person"].text, r.args["post"], r.args["org"].text, r.args["former"]) for r in relations(text, "role")}
    assert expected <= found, f"missing {expected - found}; found {found}"


@pytest.mark.parametrize("text, expected", [
    # 经X批复同意，…我委印发了《…》: X approved it, it did not issue it (a0199)
    ("经国务院批复同意，近日，我委印发了《辽宁沿海经济带高质量发展规划》。",
     {("国务院", "辽宁沿海经济带高质量发展规划", "approved")}),
    # 印发关于《…》的通知: the body issued what the notice is about (a0199, a0116)
    ("国家发改委近日印发关于《辽宁沿海经济带高质量发展规划》的通知。",
     {("国家发改委", "辽宁沿海经济带高质量发展规划", "issued")}),
])
def test_who_approved_and_who_issued(text, expected):
    found = {(r.args["agent"].text, r.args["document"].text, r.args["action"]) for r in relations(text, "document")}
    assert found == expected


def test_no_role_without_an_organisation():
    found = relations("记者从有关负责人处获悉，相关工作正在推进。", "role")
    assert found == []


DOC_CASES = [
    ("近日，国务院发布《关于同意在鄂尔多斯等27个城市和地区设立跨境电子商务综合试验区的批复》。",
     {("国务院", "关于同意在鄂尔多斯等27个城市和地区设立跨境电子商务综合试验区的批复")}),
    ("9月10日，浙江省住房和城乡建设厅网站公布《关于加快发展保障性租赁住房的指导意见（征求意见稿）》。",
     {("浙江省住房和城乡建设厅", "关于加快发展保障性租赁住房的指导意见（征求意见稿）")}),
    ("近日国家发展改革委、财政部联合印发《关于做好钾肥储备投放工作的通知》。",
     {("国家发展改革委", "关于做好钾肥储备投放工作的通知"), ("财政部", "关于做好钾肥储备投放工作的通知")}),
    ("《外商投资准入特别管理措施（负面清单）（2021年版）》已经国家发展和改革委员会委务会议审议通过和商务部审签。",
     {("国家发展和改革委员会", "外商投资准入特别管理措施（负面清单）（2021年版）"),
      ("商务部", "外商投资准入特别管理措施（负面清单）（2021年版）")}),
]


@pytest.mark.parametrize("text,expected", DOC_CASES, ids=[c[0][:10] for c in DOC_CASES])
def test_documents(text, expected):
    found = {(r.args["agent"].text, r.args["document"].text) for r in relations(text, "document")}
    assert expected <= found, f"missing {expected - found}; found {found}"


@pytest.mark.parametrize("text, action", [
    ("教育部将研究制定《关于构建优质均衡的基本公共教育服务体系的意见》。", "planned"),     # a0133
    ("财政部拟出台《关于进一步加强国有金融企业财务管理的通知》。", "planned"),
    ("商务部将于近期发布《对外投资合作国别指南》。", "planned"),
    ("教育部研究制定了《关于加强学校体育工作的意见》。", "issued"),                     # done: 了
    ("商务部近日发布《对外投资合作国别指南》。", "published"),
    ("财政部计划于年底出台《关于开展检查的通知》。", "planned"),
    ("证监会拟定并发布《证券公司监督管理办法》。", "published"),              # 拟定: drew up
    ("财政部根据工作计划发布《关于开展检查的通知》。", "published"),          # a plan's name
])
def test_a_document_announced_is_planned_not_issued(text, action):
    assert {r.args["action"] for r in relations(text, "document")} == {action}


@pytest.mark.parametrize("text, found", [
    ("证券时报网讯，商务部等13部门关于促进绿色智能家电消费若干措施的通知指出，各地要加强。",       # a0077
     {("商务部", "关于促进绿色智能家电消费若干措施的通知", "issued")}),
    ("国家发改委等13部门发布关于加快推动制造服务业高质量发展的意见：深入推进。",                 # a0197
     {("国家发改委", "关于加快推动制造服务业高质量发展的意见", "published")}),
    ("他说关于这个问题的意见很多。", set()),                   # talk about opinions, no document
])
def test_a_title_without_quotes_after_its_issuer_or_verb(text, found):
    assert {(r.args["agent"].text, r.args["document"].text, r.args["action"])
            for r in relations(text, "document")} == found


def test_designations_one_per_listed_place():
    text = ("近日，国务院发布《关于同意在鄂尔多斯等27个城市和地区设立跨境电子商务综合试验区的批复》称，"
            "同意在鄂尔多斯市、扬州市、镇江市等27个城市和地区设立跨境电子商务综合试验区。")
    found = relations(text, "designation")
    places = {r.args["place"].text for r in found}
    assert places == {"鄂尔多斯市", "扬州市", "镇江市"}
    assert {r.args["programme"].text for r in found} == {"跨境电子商务综合试验区"}
    assert all(r.args.get("document") is not None for r in found)


def test_designation_by_reference_to_an_earlier_programme():
    text = ("2015年5月份北京市率先实施开展服务业扩大开放综合试点。"
            "2021年4月份，国务院批复同意在天津、上海、海南、重庆4省市开展试点，试点期为3年。")
    places = {r.args["place"].text for r in relations(text, "designation")}
    assert {"天津", "上海", "海南", "重庆"} <= places


STATEMENT_CASES = [
    ("对此，商务部新闻发言人高峰表示，近年来，我国跨境电商迅速发展。", "高峰", "近年来，我国跨境电商迅速发展"),
    ("高峰表示，截至目前，全国共设立跨境电商综试区132个。", None, None),  # no post: the name alone is weak
    ("“11月出口金额当月同比继续录得高增长。”英大证券研究所所长郑后成分析表示。", "郑后成", "11月出口金额当月同比继续录得高增长。"),
    ("财政部副部长 许宏才：上述政策实施后，所有符合条件的小微企业留抵税额问题将得到彻底解决。", "许宏才", "上述政策实施后"),
]


@pytest.mark.parametrize("text,speaker,quote", STATEMENT_CASES, ids=[c[0][:10] for c in STATEMENT_CASES])
def test_statements(text, speaker, quote):
    found = relations(text, "statement")
    if speaker is None:
        return
    assert any(r.args["speaker"].text == speaker and quote in r.args["text"] for r in found), \
        [(r.args["speaker"].text, r.args["text"]) for r in found]


def test_pronoun_resolves_to_the_last_named_speaker():
    text = "商务部新闻发言人高峰表示，将继续推进相关工作。他指出，要加强品牌建设。"
    speakers = [r.args["speaker"].text for r in relations(text, "statement")]
    assert speakers.count("高峰") == 2


def test_enumerated_measures_attach_to_the_announcing_body():
    text = ("高峰表示，下一步，商务部将继续会同有关部门，抓好相关工作的落实。\n"
            "一是加快推动新设综试区制定具体的工作方案。\n二是完善配套支持政策。\n三是持续推进规则和标准建设。")
    found = relations(text, "measure")
    assert [r.args["ordinal"] for r in found] == [1, 2, 3]
    assert {r.args["body"].text for r in found} == {"商务部"}
    # each span opens on its ordinal, inside a sentence, not on the line break before it (B audit)
    assert [text[r.span.start:r.span.start + 2] for r in found] == ["一是", "二是", "三是"]


def test_a_body_reporting_to_a_meeting_does_not_announce_its_measures():
    # a0183: the meeting heard the commission's report and set out the measures
    text = ("国务院召开会议。另外，会议听取了国务院金融委汇报，指出要高度重视国际形势变化。\n"
            "一是加大稳健货币政策实施力度。\n二是积极出台对市场有利的政策。")
    assert {r.args["body"].text for r in relations(text, "measure")} <= {"国务院"}
    text = text.replace("会议听取了国务院金融委汇报，指出", "国务院金融委指出")
    assert {r.args["body"].text for r in relations(text, "measure")} == {"国务院金融委"}


def test_we_in_a_speakers_words_are_the_speakers_body():
    # a0219: the vice-minister's 我们将同东盟方一道 - the measures are the ministry's, not ASEAN's,
    # the last organisation the paragraph names
    text = ("商务部副部长盛秋平出席发布会。\n"
            "盛秋平指出，站在新的历史起点上，我们将同东盟方一道，推动中国-东盟经贸合作不断迈上新台阶。\n"
            "一是深化贸易投资合作。\n二是加强产业链供应链对接。\n三是提升经贸机制性安排。")
    assert {r.args["body"].text for r in relations(text, "measure")} == {"商务部"}
    # an organisation speaking says 我们 for itself
    text = ("国家发展改革委表示，我们将扎实做好各项保供工作。\n一是确保合同严肃执行。\n二是组织全力增产增供。")
    assert {r.args["body"].text for r in relations(text, "measure")} == {"国家发展改革委"}


def test_whose_plan_is_followed_does_not_announce_the_measures():
    # a0199: 按照党中央、国务院部署要求 names who set the task, not who announces; in a list of
    # bodies working together, the first leads
    text = ("按照党中央、国务院部署要求，各地要扎实做好各项保供工作。\n一是确保合同严肃执行。\n二是组织全力增产增供。")
    assert relations(text, "measure") == []
    text = ("国家发展改革委、国家知识产权局、中国银保监会三家单位通力合作，建成了平台。\n"
            "一是实现“一平台汇聚”。\n二是实现“一站式查询”。")
    assert {r.args["body"].text for r in relations(text, "measure")} == {"国家发展改革委"}


def _roles_of(text: str) -> set[tuple[str, str, str]]:
    return {(r.args["person"].text, r.args["post"], r.args["org"].text) for r in relations(text, "role")}


def test_posts_listed_after_another_person_share_the_organisation():
    """峰会大陆方面理事长郭金龙、副理事长张平 (a0117): 峰会 is the summit named before (a
    back-reference), and 张平's bare post shares it; a post with an organisation of its own
    (广发基金高级董事总经理) does not take the one before the list."""
    text = ("全国政协主席汪洋向两岸企业家峰会理事会发贺信，向峰会全体会员致以问候。\n"
            "峰会大陆方面理事长郭金龙、副理事长张平等在南京出席年会。")
    found = _roles_of(text)
    assert {("郭金龙", "大陆方面理事长", "峰会"), ("张平", "副理事长", "峰会")} <= found
    _, rec = records(text)
    back = [m for m in rec.mentions if m.rule == "back-reference"]
    assert back and {m.key for m in back} == {"org:cross-strait-ceo-summit"}
    found = _roles_of("会上，兴业证券全球首席策略分析师张忆东、广发基金高级董事总经理刘格菘、"
                      "兴证全球基金研究部副总监董理出席。")
    assert not {r for r in found if r[0] in ("刘格菘", "董理") and r[2] == "兴业证券"}, found


CREDIT_CASES = [
    ("澎湃新闻记者 周頔\n2月17日，商务部召开例行新闻发布会。", {("reporter", "周頔"), ("sourceOrganization", "澎湃新闻")}),
    ("新华社北京2月8日电（记者邹多为、于佳欣）商务部8日发布数据。",
     {("reporter", "邹多为"), ("reporter", "于佳欣"), ("sourceOrganization", "新华社")}),
    ("21世纪经济报道记者 夏旭田 实习记者 缴翼飞 北京报道\n商务部表示。",
     {("reporter", "夏旭田"), ("reporter", "缴翼飞"), ("sourceOrganization", "21世纪经济报道")}),
    ("国资委有关负责人表示，将全力以赴实现首季开局稳。（记者王希）", {("reporter", "王希")}),
    ("长江干线港口完成货物吞吐量超20亿吨。（总台记者 金珠）", {("reporter", "金珠"), ("sourceOrganization", "中央广播电视总台")}),
    # a paper and its site, both credited (a0013)
    ("上证报中国证券网讯（记者 陈芳）记者从海关总署获悉，今年1-11月进出口增长。",
     {("reporter", "陈芳"), ("sourceOrganization", "上海证券报"), ("sourceOrganization", "中国证券网")}),
    # the outlet inside the brackets (a0095, a0022)
    ("进一步营造法治公平的税收环境。（总台央视记者 王楠 田琪永 刘世军 ）",
     {("reporter", "王楠"), ("reporter", "田琪永"), ("reporter", "刘世军"), ("sourceOrganization", "中央广播电视总台")}),
    # 文丨 and 来源丨 lines; two names run together (a0186)
    ("文丨吕立勤梁剑箫\n\n来源丨经济日报（ID：jjrbwx）\n\n正文开始了。",
     {("reporter", "吕立勤"), ("reporter", "梁剑箫"), ("sourceOrganization", "经济日报")}),
    ("文/张三\n\n正文。", {("reporter", "张三")}),
    # with no byline, the outlet whose reporter the text speaks of (a0153, a0147), not one cited
    ("正文开头。《证券日报》记者从宁德时代获悉，公司将扩产。", {("sourceOrganization", "证券日报")}),
    ("第一财经记者从国家林业和草原局了解到，沙棘产业发展。", {("sourceOrganization", "第一财经")}),
    # a known outlet opening the lead (a0228)
    ("参考消息网8月11日报道 美媒称，中国经济回暖。", {("sourceOrganization", "参考消息")}),
    # 讯 without a date, in the lead's second paragraph (a0081, a0109)
    ("原标题：上海房地产开发投资下降\n\n上证报中国证券网讯 据上海市统计局6月17日消息，投资下降。",
     {("sourceOrganization", "上海证券报"), ("sourceOrganization", "中国证券网")}),
    ("证券时报网讯，据海南日报消息，外资增长。", {("sourceOrganization", "证券时报")}),
    # a wire dateline without a place (a0134); a bureau inside the brackets (a0030)
    ("中新财经2月21日电 2022年3月1日至6月30日，办理汇算。", {("sourceOrganization", "中新财经")}),
    ("财政收入增长。（深圳商报驻京记者 宋华）", {("reporter", "宋华"), ("sourceOrganization", "深圳商报")}),
]


@pytest.mark.parametrize("byline, reporters, contributors", [
    ("澎湃新闻记者 王鑫 通讯员 陈健", {"王鑫"}, {"陈健"}),                  # a0120
    ("澎湃新闻资深记者 王选辉 实习生 邓林", {"王选辉"}, {"邓林"}),            # a0125
    ("21世纪经济报道记者 夏旭田 实习记者 缴翼飞 北京报道", {"夏旭田", "缴翼飞"}, set()),
])
def test_correspondents_and_interns_contribute_but_do_not_report(byline, reporters, contributors):
    found = {(r.args["role"], r.args["target"].text) for r in relations(byline + "\n\n商务部表示，将推进。", "credit")}
    assert {n for role, n in found if role == "reporter"} == reporters
    assert {n for role, n in found if role == "contributor"} == contributors


def test_a_bracketed_prefix_that_is_no_outlet_is_not_credited():
    found = {(r.args["role"], r.args["target"].text) for r in relations("会议顺利闭幕。（本报驻京记者 张三）", "credit")}
    assert ("reporter", "张三") in found
    assert not {t for role, t in found if role == "sourceOrganization" and t != "新浪财经"}, found


@pytest.mark.parametrize("byline, outlets", [
    # (a0131) 本报 is the paper whose site the brackets name, when kg knows the site
    ("本报（chinatimes.net.cn）记者张琪 徐芸茜 北京报道", {"华夏时报"}),
    ("本报（www.thepaper.cn）记者张琪 北京报道", {"澎湃新闻"}),
    ("本报（example.com）记者张琪 北京报道", set()),
    ("本报记者张琪 北京报道", set()),
])
def test_this_paper_named_by_its_site(byline, outlets):
    found = {(r.args["role"], r.args["target"].text) for r in relations(byline + "\n\n商务部表示，将推进。", "credit")}
    assert ("reporter", "张琪") in found
    assert {t for role, t in found if role == "sourceOrganization"} == outlets


@pytest.mark.parametrize("body, outlets", [
    # (a0219) the one outlet whose reporter the body names, digits and all, asking on the spot
    ("发布会上，21世纪经济报道记者现场提问：RCEP如何落地？", {"21世纪经济报道"}),
    # (a transcript's many outlets asking: none is the article's)
    ("发布会上，21世纪经济报道记者现场提问：RCEP如何落地？第一财经记者现场提问：下一步呢？", set()),
    ("《证券日报》记者从宁德时代获悉，很好。", {"证券日报"}),
])
def test_the_outlet_whose_reporter_the_body_names(body, outlets):
    found = {(r.args["role"], r.args["target"].text) for r in relations(body, "credit")}
    assert {t for role, t in found if role == "sourceOrganization"} == outlets


@pytest.mark.parametrize("text", ["据《人民日报》记者报道，某事发生。", "耶伦在接受《华尔街日报》记者采访时表示，很好。",
                                  "他对《中国新闻周刊》记者说，很好。"])
def test_an_outlet_cited_or_spoken_to_is_not_the_source(text):
    found = {(r.args["role"], r.args["target"].text) for r in relations(text, "credit")}
    assert not {f for f in found if f[0] == "sourceOrganization"}, found


def test_a_short_form_that_fits_two_bodies_names_neither():
    text = "四川省通信管理局和贵州省通信管理局发布通知。省通信管理局相关负责人介绍，本次调整便民。"
    assert relations(text, "statement") == []


@pytest.mark.parametrize("text,expected", CREDIT_CASES, ids=[c[0][:8] for c in CREDIT_CASES])
def test_credits(text, expected):
    found = {(r.args["role"], r.args["target"].text) for r in relations(text, "credit")}
    assert expected <= found, f"missing {expected - found}; found {found}"
    assert ("publisher", "新浪财经") in found


def test_repeated_surname_with_title_resolves_to_the_named_speaker():
    text = "商务部副部长任鸿斌近期表示，当前外贸面临的挑战不容忽视。任部长指出，要稳住外贸基本盘。"
    found = [(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")]
    assert ("任鸿斌", "要稳住外贸基本盘。") in found, found


def test_an_earlier_edition_is_its_own_document():
    """2020年版《外商投资准入负面清单》 (a0092): the short title is the article's alias for the
    2021 edition, the edition before it makes it the 2020 one, issued by both bodies."""
    from kg.resolve import resolve
    text = ("《外商投资准入特别管理措施（负面清单）（2021年版）》已经审议通过。一、《外商投资准入特别管理措施（负面清单）》"
            "（以下简称《外商投资准入负面清单》）统一列出特别管理措施。\n十一、2020 年 6 月 23 日国家发展改革委、"
            "商务部发布的 2020年版《外商投资准入负面清单》自 2022 年 1 月 1 日起废止。")
    _, rec = records(text)
    res = resolve(rec)
    found = {(r.args["agent"].text, res.of(r.args["document"]).label) for r in rec.relations if r.kind == "document"}
    assert {("国家发展改革委", "外商投资准入负面清单（2020年版）"), ("商务部", "外商投资准入负面清单（2020年版）")} <= found


def test_an_organisation_speaks_through_its_research_report():
    """银河证券研报指出 (a0035): the firm is the speaker; an analyst named after the firm's
    research institute speaks for himself, and 他 never refers back to a firm."""
    found = {(r.args["speaker"].text, r.args["verb"]) for r in relations(
        "银河证券研报指出，固体废物管理与大气、水、土污染防治密切相关。他还说，要加强管理。", "statement")}
    assert ("银河证券", "指出") in found
    assert not {s for s, _ in found if s == "他"}
    found = {r.args["speaker"].text for r in relations(
        "英大证券研究所所长郑后成分析称，9月消费表现超预期。", "statement")}
    assert found == {"郑后成"}, found


def test_jiancheng_is_no_speech():
    # a0099: 以下简称 names something; 称 there is no speech verb
    rels = relations("被告人顾国平实际控制的上海联璧电子科技有限公司（以下简称联璧公司）成立。", "statement")
    assert rels == []


@pytest.mark.parametrize("para,editor,reporters", [
    ("每经记者 任飞    每经编辑 叶峰", "叶峰", {"任飞"}),      # a0200: the editor is no reporter
    ("每经编辑 彭水萍", "彭水萍", set()),                      # a0099
])
def test_an_outlets_editor_in_the_byline(para, editor, reporters):
    _, rec = records(para + "\n\n商务部新闻发言人高峰表示，将继续推进。")
    credits = {(r.args["role"], r.args["target"].text) for r in rec.relations if r.kind == "credit"}
    assert ("editor", editor) in credits and ("sourceOrganization", "每日经济新闻") in credits
    assert {n for role, n in credits if role == "reporter"} == reporters


def test_a_source_line_under_an_image_credits_no_outlet():
    _, rec = records("来源：证监会网站截图\n\n证监会发布公告。")          # a0200
    assert not [r for r in rec.relations if r.kind == "credit" and r.args["role"] == "sourceOrganization"
                and r.args["target"].text == "证监会"]


@pytest.mark.parametrize("text, said", [
    ("财政部税政司司长施正文表示，政策延续。在施正文看来，留抵退税的措施聚焦主体。",       # a0183
     [("施正文", "政策延续。"), ("施正文", "留抵退税的措施聚焦主体。")]),
    ("在对外经济贸易大学教授崔凡看来，RCEP将带来机遇。", [("崔凡", "RCEP将带来机遇。")]),
    ("存在崔凡看来的问题。", []),
])
def test_a_view_introduced_by_zai_kanlai_is_a_statement(text, said):
    assert [(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")] == said


def _credits(body: str) -> set[tuple[str, str]]:
    _, rec = records(body)
    return {(r.args["role"], r.args["target"].text) for r in rec.relations if r.kind == "credit"}


@pytest.mark.parametrize("body, expected", [
    ("作 者丨卜羽勤\n国务院常务会议确定了退税政策。", {("reporter", "卜羽勤")}),                   # a0183
    ("正文。\n来源：光明日报 作者：吴亚琦 图片：新华社等", {("reporter", "吴亚琦"),             # a0176
                                                     ("sourceOrganization", "光明日报")}),
    ("正文。\n（作者：周潇枭 编辑：李博）", {("reporter", "周潇枭"), ("editor", "李博")}),     # a0219
    # 证券时报 flash news close with their source in brackets (a0061, a0142)
    ("北京将于近期集中开工100项重大项目。(新华社)", {("sourceOrganization", "新华社")}),
    ("运行时长增至16个小时。(央视新闻)", {("sourceOrganization", "中央广播电视总台")}),
    ("他说这是(初步)的看法。", set()),                 # not a known outlet, not closing the article
    # an account kg does not know is named by its own name, as one it knows is (a0104)
    ("来源：上海市场监管公众号\n正文。", {("sourceOrganization", "上海市场监管")}),
    ("来源：券商中国公众号\n正文。", {("sourceOrganization", "券商中国")}),
    ("来源：微信公众号\n正文。", set()),
    # a wire dateline's reporter in brackets (a0105), a name in brackets closing the article (a0224)
    ("中新经纬11月26日电 （董湘依）中国有关部门表示。", {("reporter", "董湘依"), ("sourceOrganization", "中新经纬")}),
    ("正文。\n土地供应有所减少。（吴家明）", {("reporter", "吴家明")}),
    ("正文。\n工程款（人工费）拨付及时。", set()),
])
def test_author_lines_and_closing_sources(body, expected):
    assert _credits(body) - {("publisher", "新浪财经")} == expected


@pytest.mark.parametrize("text,speaker", [
    ("对此，国家林草局介绍，今年已完成造林任务。", "国家林草局"),          # a0147
    ("在发布会上，商务部提出全力保障外贸产业链供应链稳定。", "商务部"),      # a0001
])
def test_an_organisation_before_a_speech_verb_speaks(text, speaker):
    assert [r.args["speaker"].text for r in relations(text, "statement")] == [speaker]


@pytest.mark.parametrize("text", [
    "商务部新闻发言人高峰表示，将继续推进。",           # the spokesperson speaks, not the ministry
    "央行相关人士表示，将保持流动性合理充裕。",          # someone unnamed at the bank
])
def test_an_organisation_is_no_speaker_when_someone_speaks_for_it(text):
    assert {r.args["speaker"].kind for r in relations(text, "statement")} <= {"Person"}


@pytest.mark.parametrize("text, said", [
    ("“除涉密信息外，均应公开。”财政部有关负责人说。", [("财政部", "除涉密信息外，均应公开。")]),     # a0221
    ("财政部有关负责人表示，将加大支持。", [("财政部", "将加大支持。")]),
    ("商务部新闻发言人表示，将推进。", [("商务部", "将推进。")]),
    ("央行相关人士表示，将保持稳定。", []),                  # someone at the bank, in no office
    ("商务部新闻发言人高峰表示，将推进。", [("高峰", "将推进。")]),
    # (an interview between the official and the verb, a department before the official: a0158, a0002)
    ("发改委相关负责人接受媒体采访时表示：“招标人主体责任落实不到位。”", [("发改委", "招标人主体责任落实不到位。")]),
    ("商务部国际司有关负责人今天（7日）在接受总台记者采访时表示，中方将继续推进。", [("商务部国际司", "中方将继续推进。")]),
    # (the body named again without its province: a0113)
    ("四川省通信管理局发布通知。省通信管理局相关负责人介绍，本次调整按照便民原则。",
     [("四川省通信管理局", "本次调整按照便民原则。")]),
    # (a firm's research team: a0128)
    ("国泰君安通信团队指出，数据中心产业链条长。", [("国泰君安", "数据中心产业链条长。")]),
    # (the officials of bodies listed together: each body says it, whichever word joins them;
    # 和税务总局 is no department of 财政部)
    ("财政部、税务总局有关负责人表示，将继续实施减税降费政策。",
     [("财政部", "将继续实施减税降费政策。"), ("税务总局", "将继续实施减税降费政策。")]),
    ("财政部和税务总局有关负责人表示，将继续实施减税降费政策。",
     [("财政部", "将继续实施减税降费政策。"), ("税务总局", "将继续实施减税降费政策。")]),
    ("人民银行、银保监会、证监会相关负责人介绍，贷款管理平稳实施。",
     [("人民银行", "贷款管理平稳实施。"), ("银保监会", "贷款管理平稳实施。"), ("证监会", "贷款管理平稳实施。")]),
    # (bodies listed as the subject of something else: nobody speaks)
    ("国家发展改革委、国家知识产权局、中国银保监会三家单位通力合作，效果显著。", []),
    # (a list after a preposition is no list of speakers: 与 only joins it to what came before)
    ("会议由商务部主持。与会的海关总署、税务总局有关负责人表示，将加强协作。", [("海关总署", "将加强协作。"), ("税务总局", "将加强协作。")]),
])
def test_an_unnamed_official_speaks_for_the_organisation(text, said):
    assert [(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")] == said


def test_a_statement_goes_on_after_a_semicolon():
    # a0145: the price fall after ； was cut off
    said = [r.args["text"] for r in relations("商务部新闻发言人高峰表示，出口增长87.1%；价格下降3%。\n\n下一段。", "statement")]
    assert said == ["出口增长87.1%；价格下降3%。"]


def _speakers(text):
    return [r.args["speaker"].text for r in relations(text, "statement")]


@pytest.mark.parametrize("text, speakers", [
    # what was presented is not said (a0041); a time clause (a0075); a subheading (a0053); words
    # said inside someone else's (a0123)
    ("国家统计局新闻发言人付凌晖介绍2021年前三季度国民经济运行情况，并就能源问题回答了记者提问。\n\n下一段。", []),
    ("当姚立远提出通过行外贴现的方式转回资金时，严峰有些犹豫。", []),
    ("正文。\n\n中国建设银行宣布成立300亿基金\n\n建行表示，基金将用于收购项目。", ["建行"]),
    ("白宫称，美国总统拜登向对方明确指出了有关后果。", ["白宫"]),
    # a speech verb before 的 describes a noun (a0186)
    ("这是商务部新闻发言人高峰在发布会上提出的一个重要观点，它一语道破了原理。", []),
    # still statements: a topic then the words, a speaker line, a sentence ending in a colon
    ("基金经理束金伟表示关于市场风格的转换问题，其实通常都有外部因素。", ["束金伟"]),
    ("国家统计局新闻发言人付凌晖表示，从影响因素看，PPI涨幅扩大主要有两方面的因素：\n\n一是价格上涨。", ["付凌晖"]),
])
def test_what_is_no_statement(text, speakers):
    assert _speakers(text) == speakers


def test_an_interview_speaker_line_by_surname_and_title():
    # a0123: 秦刚大使 is named once, then answers as 秦大使：; the host's questions are no statements,
    # and what he reports others said stays his
    text = ("3月20日，秦刚大使接受美国电视台专访。\n布伦南：中方是否打算提供支持？\n"
            "秦大使：上周五，习近平主席同拜登总统视频通话，习近平主席表示中方主张和平。\n秦大使：谢谢你的邀请。")
    said = [(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")]
    assert said == [("秦刚", "上周五，习近平主席同拜登总统视频通话，习近平主席表示中方主张和平。"), ("秦刚", "谢谢你的邀请。")]


@pytest.mark.parametrize("text, said", [
    # reported speech goes on to the end of its paragraph (a0004, a0010, a0183)
    ("国家统计局新闻发言人付凌晖表示，10月份CPI涨幅有所扩大。PPI同比上涨13.5%，涨幅扩大。\n\n下一段。",
     "10月份CPI涨幅有所扩大。PPI同比上涨13.5%，涨幅扩大。"),
    # up to a sentence that quotes, names a person, cites a source or has someone speak
    ("付凌晖表示，消费恢复向好。“明年会更好。”多数机构也这样看。\n\n下一段。", "消费恢复向好。"),
    # (a quotation closing the paragraph is the speaker's own: see the test after the next)
    ("付凌晖表示，消费恢复向好。“明年会更好。”\n\n下一段。", "消费恢复向好。“明年会更好。”"),
    ("付凌晖表示，消费恢复向好。记者了解到，多地出台政策。", "消费恢复向好。"),
    ("付凌晖表示，消费恢复向好。据统计，社零总额增长。", "消费恢复向好。"),
    ("付凌晖表示，消费恢复向好。王文涛出席会议。", "消费恢复向好。"),
    ("付凌晖表示，消费恢复向好。业内人士认为，仍需观察。", "消费恢复向好。"),
    ("付凌晖表示，消费恢复向好。明年怎么走？", "消费恢复向好。"),
    # words ending on a colon go on through the numbered paragraphs after it (a0004, the seed)
    ("付凌晖表示，PPI涨幅扩大主要有两方面的因素：\n一是输入性影响。\n二是供给偏紧。\n付凌晖还表示，效果显现。",
     "PPI涨幅扩大主要有两方面的因素：\n一是输入性影响。\n二是供给偏紧。"),
    ("付凌晖表示，主要有两方面的因素：\n下一段。", "主要有两方面的因素"),
    # a direct quotation ends where it closes
    ("付凌晖表示，“消费恢复向好。”市场人士也持同样看法。", "消费恢复向好。"),
])
def test_reported_speech_runs_to_the_end_of_its_paragraph(text, said):
    assert [r.args["text"] for r in relations(text, "statement")][0] == said


def test_a_question_is_no_statement():
    # a0199: the reporter asks; a0123: the host asks about 秦刚's words
    assert relations("近期，国家发改委提出一系列针对煤炭的保供稳价措施，目前成效如何？", "statement") == []


@pytest.mark.parametrize("text, said", [
    ("财政部税政司司长施正文告诉21世纪经济报道记者，减税政策将延续。", ["减税政策将延续。"]),      # a0183
    ("国家统计局副局长盛来运告诉记者：今年经济平稳。", ["今年经济平稳。"]),
    ("商务部副部长盛秋平出席并答记者问。", []),                                             # a0219
    ("商务部新闻发言人高峰表示，媒体报道不实。", ["媒体报道不实。"]),
    ("商务部新闻发言人高峰透露，目前已有多家媒体，包括新华社等参与报道。",
     ["目前已有多家媒体，包括新华社等参与报道。"]),
])
def test_who_is_spoken_to_is_not_what_is_said(text, said):
    assert [r.args["text"] for r in relations(text, "statement")] == said


@pytest.mark.parametrize("text,issuers", [
    ("中办国办印发《关于推动现代职业教育高质量发展的意见》。", {"中办", "国办"}),                      # a0063
    ("中国银保监会办公厅、住房和城乡建设部办公厅、中国人民银行办公厅联合印发《关于防止经营用途贷款违规流入房地产领域的通知》。",
     {"中国银保监会办公厅", "住房和城乡建设部办公厅", "中国人民银行办公厅"}),                          # a0078
    ("国家发展改革委会同中央宣传部、工业和信息化部印发《关于整治虚拟货币“挖矿”活动的通知》。",
     {"国家发展改革委", "中央宣传部", "工业和信息化部"}),                                              # a0199
])
def test_every_body_of_a_list_of_issuers_issued_it(text, issuers):
    assert {r.args["agent"].text for r in relations(text, "document")} == issuers


def test_firms_found_before_a_post_are_companies():
    # a0212: 长江证券 next to its analyst is a Company, as the gazetteer's firms are
    _, rec = records("长江证券首席经济学家伍戈认为，经济将企稳。")
    assert ("长江证券", "Company") in {(m.text, m.kind) for m in rec.mentions}


def test_a_programme_named_by_what_is_built_for_it():
    # a0128: the eight places are designated 国家算力枢纽节点
    rels = relations("近日发改委等部委通知，同意在京津冀、长三角、粤港澳大湾区、成渝、内蒙古、贵州、甘肃、宁夏等8地"
                     "启动建设国家算力枢纽节点，并规划了10个国家数据中心集群。", "designation")
    assert {r.args["programme"].text for r in rels} == {"国家算力枢纽节点"}
    assert [r.args["place"].text for r in rels] == ["京津冀", "长三角", "粤港澳大湾区", "成渝", "内蒙古", "贵州", "甘肃", "宁夏"]


def test_a_former_post_at_a_banks_branch():
    # a0075: 原 starts the post; the organisation is the branch, with its bank
    rels = relations("建设银行浙江省分行原党委书记、行长崔滨洲涉嫌严重违纪违法。", "role")
    assert {(r.args["person"].text, r.args["post"], r.args["org"].text, r.args["former"]) for r in rels} == {
        ("崔滨洲", "党委书记", "建设银行浙江省分行", True), ("崔滨洲", "行长", "建设银行浙江省分行", True)}


@pytest.mark.parametrize("text, speaker, quote", [
    # an interview's speaker lines, the answer in the next paragraph
    ("问：今年以来煤价如何？\n\n孟玮 ：\n\n今年以来，煤炭价格总体平稳。\n\n问：粮食呢？\n\n孟玮：\n\n粮食产量再创新高。",
     "孟玮", "今年以来，煤炭价格总体平稳。"),
    # a name after a closing quotation mark or a question, a date or a title after the name
    ("“这就是我们的工作。”林晨说。", "林晨", "这就是我们的工作。"),
    ("谁来管？余乐说，现在没人管。", "余乐", "现在没人管。"),
    ("智飞生物董事长蒋仁生6月10日在股东大会上表示，公司将扩产。", "蒋仁生", "公司将扩产。"),
    ("广东省人口发展研究院院长董玉整教授认为，人口将下降。", "董玉整", "人口将下降。"),
    ("合作社理事长彭学臣感慨，变化太大了。", "彭学臣", "变化太大了。"),
    ("印尼战略和国际问题研究中心高级研究员埃文·拉克斯马纳说，中国疫苗很重要。", "埃文·拉克斯马纳", "中国疫苗很重要。"),
])
def test_more_ways_a_speaker_is_named(text, speaker, quote):
    found = [(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")]
    assert (speaker, quote) in found, found


@pytest.mark.parametrize("text", [
    "秦羽说，这很难。他称之为“工具人”，也不想再做。",
    "秦羽说，这很难。他说起这些的时候非常淡定。",
    "秦羽说，这很难。她答辩时很紧张。",
])
def test_naming_and_recounting_are_no_statements(text):
    assert [r.args["text"] for r in relations(text, "statement")] == ["这很难。"]


def test_a_speaker_line_needs_two_lines_and_a_name():
    # one line is a heading (刘格菘：产业链…), and places open lines too (江苏：…, 浙江：…)
    found = {(m.text, m.rule) for m in records("江苏：增长5%。\n\n江苏：下降1%。\n\n刘格菘：产业链自主可控仍是大方向")[1].mentions}
    assert not any(rule == "speaker-line" for _, rule in found), found


@pytest.mark.parametrize("text, quote", [
    ("天风证券首席分析师孙彬彬预测称，未来两个月CPI将回落。", "未来两个月CPI将回落。"),
    ("中国银行研究院研究员连平近期预测时表示，欧美市场将回暖。", "欧美市场将回暖。"),
    ("光大银行分析师周茂华告诉21世纪经济报道，从趋势看，利率将下行。", "从趋势看，利率将下行。"),
])
def test_a_second_verb_or_the_addressee_is_no_part_of_the_quote(text, quote):
    assert [r.args["text"] for r in relations(text, "statement")] == [quote]


def test_a_wire_report_cited_further_down_is_no_credit():
    found = {(r.args["role"], r.args["target"].text) for r in relations("一段。\n\n二段。\n\n三段。\n\n新华社3日报道，某事。", "credit")}
    assert found == {("publisher", "新浪财经")}


@pytest.mark.parametrize("text, role", [
    ("创金合信数字经济基金经理王浩冰表示，市场将回暖。", None),
    ("商务部副部长兼国际贸易谈判副代表王受文出席会议。", ("王受文", "国际贸易谈判副代表", "商务部")),
    ("兴证全球基金研究部副总监董理认为，估值合理。", ("董理", "研究部副总监", "兴证全球基金")),
    # a parent named inside a known unit's name holds no post (a0010)
    ("南开大学金融发展研究院院长田利辉表示，开放将扩大。", ("田利辉", "院长", "南开大学金融发展研究院")),
    # a leader's title: the Central Committee, the Politburo in the post (a0117)
    ("中共中央政治局常委、全国政协主席汪洋向峰会发贺信。", ("汪洋", "政治局常委", "中共中央")),
    ("中共中央政治局委员、国务院副总理刘鹤出席会议。", ("刘鹤", "政治局委员", "中共中央")),
    # a bare 首席 (a sector's chief analyst), 经理, 巡视员, 编审 (a0049, a0214, a0075, a0204)
    ("开源证券非银首席高超认为，代销收入将回落。", ("高超", "非银首席", "开源证券")),
    ("极兔国际泰国品牌经理刘谦丽介绍，包裹数量翻了一番。", None),
    ("辽宁省银保监局二级巡视员刘文义表示，要严防风险。", ("刘文义", "二级巡视员", "辽宁省银保监局")),
    ("中国青少年研究中心少年儿童研究所副编审张旭东认为，年轻人更看重成长。", None),
    # words after the name: 被 (passive), 则, 对于…来说 (a0075, a0053); 对于 is no part of the body
    ("国家开发银行山西省分行原党委书记、行长王雪峰被开除党籍。", ("王雪峰", "行长", "国家开发银行山西省分行")),
    ("中指研究院市场研究总监陈文静则认为，风险可控。", None),
    ("对于江苏省无锡农商行南通分行如皋港支行原行长严峰来说，最后悔的是收钱。",
     ("严峰", "行长", "江苏省无锡农商行南通分行如皋港支行")),
])
def test_more_posts_before_a_name(text, role):
    _, rec = records(text)
    assert [m for m in rec.mentions if m.kind == "Person"], rec.mentions
    if role:
        assert role in {(r.args["person"].text, r.args["post"], r.args["org"].text) for r in rec.relations if r.kind == "role"}


def test_a_quotation_before_the_speaker_is_said_too():
    text = "“理论和实践层面都充分证明，中小企业是重要力量。”工信部副部长梁志峰说，工信部将不断完善政策。"
    assert [(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")] == [
        ("梁志峰", "理论和实践层面都充分证明，中小企业是重要力量。"), ("梁志峰", "工信部将不断完善政策。")]
    # a quoted term is no quotation
    found = [r.args["text"] for r in relations("对于“共同富裕”，财政部副部长王五表示，要稳步推进。", "statement")]
    assert found == ["要稳步推进。"]


def test_someone_of_a_person_speaks_not_the_person():
    text = "武汉大学教授赵德馨胜诉。赵德馨教授的代理律师介绍，老人的学生胜诉了。"
    assert relations(text, "statement") == []


@pytest.mark.parametrize("line, source", [
    ("来源：健康广东", "健康广东"),                        # an account kg does not know: as written
    ("来源：浙江大学校友总会", "浙江大学校友总会"),        # not 浙江大学
    ("来源：每日经济新闻综合中央纪委国家监委网站", "每日经济新闻"),
    ("来源：证监会网站截图", None),                        # an image's credit
])
def test_a_source_line_credits_whom_it_names(line, source):
    found = {r.args["target"].text for r in relations("正文。\n\n" + line, "credit") if r.args["role"] == "sourceOrganization"}
    assert found == ({source} if source else set())


@pytest.mark.parametrize("line, expected", [
    # an outlet before the author (a0079, a0086, a0089); an editor's line of its own (a0103, a0125)
    ("（作者：南方财经全媒体记者 钟小韵 编辑：杜弘禹）",
     {("reporter", "钟小韵"), ("editor", "杜弘禹"), ("sourceOrganization", "南方财经全媒体")}),
    ("►文 观察者网 陶梦", {("reporter", "陶梦"), ("sourceOrganization", "观察者网")}),
    ("编辑 | 翟瑞民", {("editor", "翟瑞民")}),
    ("本期资深编辑 邢潭", {("editor", "邢潭")}),
    # as before: the plain author line, and two names run together
    ("（作者：周潇枭 编辑：李博）", {("reporter", "周潇枭"), ("editor", "李博")}),
    ("文丨吕立勤梁剑箫", {("reporter", "吕立勤"), ("reporter", "梁剑箫")}),
    # a sentence opening with 编辑 or 文 credits no one
    ("编辑部门表示，将继续改进。", set()),
])
def test_author_and_editor_lines(line, expected):
    found = {(r.args["role"], r.args["target"].text) for r in relations("正文。\n\n" + line, "credit")}
    assert found - {("publisher", "新浪财经")} == expected


def test_a_source_line_inside_the_article_is_a_caption():
    # 来源：人社部网站 under a chart, the article going on after it (a0105)
    body = "正文。\n\n" * 3 + "来源：人社部网站\n\n" + "孙中伟接受中新经纬采访时表示，当前基本上不存在企业方主观、恶意欠薪的情况，主要是因为企业受外部冲击。\n\n" * 2
    assert not [r for r in relations(body, "credit") if r.args["role"] == "sourceOrganization"]
    # the same line closing the article is its source
    body = "正文。\n\n" * 3 + "孙中伟接受中新经纬采访时表示，当前基本上不存在企业方主观、恶意欠薪的情况，主要是因为企业受外部冲击。\n\n" * 2 + "来源：人社部网站"
    assert {r.args["target"].text for r in relations(body, "credit") if r.args["role"] == "sourceOrganization"}


def test_an_organisation_speaks_through_its_side():
    found = [(r.args["speaker"].text, r.args["text"]) for r in relations("商务部方面表示，将继续推进工作。", "statement")]
    assert found == [("商务部", "将继续推进工作。")]


@pytest.mark.parametrize("text, expected", [
    # a quotation closing the paragraph before is not the next paragraph's speaker's
    ("另一方面，张忆东提到，“在共同富裕政策落实的过程中，这些都是机遇。”\n\n董理认为，估值合理。",
     [("张忆东", "在共同富裕政策落实的过程中，这些都是机遇。"), ("董理", "估值合理。")]),
    # 对于…来说 and 的回答是 are no speech; 他们 inside a quotation is no speaker
    ("分析师林晨说，市场总体平稳。而对于林晨来说，直到结束这段短暂的工作，她仅做到了一项。", [("林晨", "市场总体平稳。")]),
    ("分析师余乐说，市场总体平稳。余乐的回答是就业，但目前他还没找到。", [("余乐", "市场总体平稳。")]),
    ("前台梁成伟说，工作很辛苦。“有些客人不吃辣，他们会通过电话跟我们说明，我需要对这些细项的需求做好对应的记录。”梁成伟描述道。",
     [("梁成伟", "工作很辛苦。"), ("梁成伟", "有些客人不吃辣，他们会通过电话跟我们说明，我需要对这些细项的需求做好对应的记录。")]),
])
def test_no_one_speaks_for_someone_else(text, expected):
    assert [(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")] == expected


# ---------------------------------------------------------------- from the documents audit

def test_weak_designation_verbs_need_a_pilot_word():
    # 浙江 doing the work is not 浙江 admitted to the programme (a0035)
    assert not relations("示范带动作用明显，其中浙江率先在全省域开展“无废城市”建设。", "designation")
    got = relations("北京市率先开展服务业扩大开放综合试点。", "designation")
    assert [r.args["place"].text for r in got] == ["北京市"]


@pytest.mark.parametrize("body, action", [
    ("前期国家发改委公开征求《市场准入负面清单（2021年版）》意见时，收到大量建议。", "drafted"),
    ("中国人民银行主编的《中国金融稳定报告》指出。", "published"),
    ("在亚太经合组织会议上达成了《亚太经合组织推动实现亚太自贸区北京路线图》。", "adopted"),
])
def test_more_verbs_of_documents(body, action):
    got = relations(body, "document")
    assert [r.args["action"] for r in got] == ([action] if action else [])


def test_one_body_issuing_one_document_told_twice_is_one_fact():
    body = ("3月26日，银保监会、住建部、央行三部门联合发布了《关于防止经营用途贷款违规流入房地产领域的通知》。"
            "3月26日，银保监会、住建部、央行联合印发了《关于防止经营用途贷款违规流入房地产领域的通知》。")
    got = relations(body, "document")
    assert {r.args["action"] for r in got} == {"issued"}


@pytest.mark.parametrize("body, key, action", [
    ("会后，郑州9月7日印发了《郑州市保交楼专项行动实施方案》的通知。", "gov:410100", "issued"),
    ("天津：\n天津印发《天津市根治欠薪冬季专项行动实施方案》，推动欠薪隐患动态清零。", "gov:120000", "issued"),
])
def test_a_place_issuing_a_document_is_its_government(body, key, action):
    (r,) = relations(body, "document")
    assert (r.args["agent"].key, r.args["action"]) == (key, action)
    # a place that does not issue (在天津《…》) is no issuer
    assert not relations("在天津《天津市根治欠薪冬季专项行动实施方案》很受欢迎。", "document")
    # nor are its departments its government (a0133)
    assert not relations("日前，厦门11个部门联合印发《厦门市持续整治规范房地产市场秩序工作方案》。", "document")


def test_a_governments_general_office_is_its_own_issuer():
    got = relations("四川省人民政府办公厅和重庆市人民政府办公厅共同印发《成渝地区双城经济圈便捷生活行动方案》。", "document")
    assert sorted(r.args["agent"].key for r in got) == ["govbody:500000:人民政府办公厅", "govbody:510000:人民政府办公厅"]
    # 省政府办公厅 and 省人民政府办公厅 are one office
    _, rec = records("浙江省政府办公厅印发《方案》。浙江省人民政府办公厅发布通知。")
    assert {m.key for m in rec.mentions if m.kind == "GovernmentBody"} == {"govbody:330000:人民政府办公厅"}


@pytest.mark.parametrize("text, want", [
    # the committee is the branch's, the branch the bank's (a0075)
    ("中国银行河南省分行党委委员、副行长周路被查。", {("周路", "党委委员", "中国银行河南省分行"), ("周路", "副行长", "中国银行河南省分行")}),
    # a firm whose name opens with a university's short name (a0131)
    ("北大纵横管理咨询集团股东合伙人孙连才表示，要加强。", {("孙连才", "股东合伙人", "北大纵横管理咨询集团")}),
])
def test_the_body_a_post_belongs_to(text, want):
    assert {(r.args["person"].text, r.args["post"], r.args["org"].text) for r in relations(text, "role")} == want


def test_the_banking_regulator_names_no_bank():
    _, rec = records("经中国银行业监督管理委员会批准，该行成立。")
    assert [m.text for m in rec.mentions if m.kind in ("Company", "GovernmentBody")] == ["中国银行业监督管理委员会"]


def test_a_biographys_career_sentences():
    text = ("刁筠寿，安徽含山人。1937年任含山县战地服务团股长。他曾担任中共和（县）含（山）中心县委组织部长、"
            "和含地委抗联主任等职。刁筠寿同志逝世。\n李晓光，2016年8月至今担任北京农商行朝阳支行党委书记、行长。李晓光说。")
    found = {(r.args["person"].text, r.args["post"], r.args["org"].text, r.args["former"]) for r in relations(text, "role")}
    assert {("刁筠寿", "股长", "含山县战地服务团", True),            # 1937年任 (a0018)
            ("刁筠寿", "组织部长", "中共和含中心县委", True),        # 他曾担任: the biography's person
            ("刁筠寿", "抗联主任", "和含地委", True),                # a unit right after the body's suffix
            ("李晓光", "党委书记", "北京农商行朝阳支行", False),     # 至今: held now (a0075)
            ("李晓光", "行长", "北京农商行朝阳支行", False)} <= found, found
    assert not {f for f in found if f[0] == "李晓光" and f[3]}
    assert not relations("明年任务很重，张三说。", "role")


def test_each_item_of_a_list_of_people_brings_its_own_organisation():
    text = ("会上，兴业证券全球首席策略分析师张忆东、广发基金高级董事总经理刘格菘、兴证全球基金研究部副总监董理、"
            "兴证资管公募投资部副总经理匡伟等投研大咖齐聚一堂。")                                     # a0208
    found = {(r.args["person"].text, r.args["post"], r.args["org"].text, r.args["org"].kind) for r in relations(text, "role")}
    assert found == {("张忆东", "全球首席策略分析师", "兴业证券", "Company"), ("刘格菘", "高级董事总经理", "广发基金", "Company"),
                     ("董理", "研究部副总监", "兴证全球基金", "Company"), ("匡伟", "公募投资部副总经理", "兴证资管", "Company")}
    # a bare post after another person's name keeps the list's organisation
    found = {(r.args["person"].text, r.args["post"]) for r in relations("海峡两岸企业家峰会大陆方面理事长郭金龙、副理事长王五出席。", "role")}
    assert ("王五", "副理事长") in found


@pytest.mark.parametrize("text, want", [
    ("东方金诚首席宏观分析师王青认为，CPI将回落。", {("王青", "首席宏观分析师", "东方金诚")}),      # a0038
    ("标普全球评级信用分析师陈令华表示，风险可控。", {("陈令华", "信用分析师", "标普全球评级")}),    # a0053
    ("著名经济学家张三表示，要稳增长。", set()),
    ("汽车行业分析师张翔表示，销量将回升。", set()),                                               # a sector
])
def test_an_analyst_speaks_for_a_firm_whatever_its_names_shape(text, want):
    assert {(r.args["person"].text, r.args["post"], r.args["org"].text) for r in relations(text, "role")} == want


@pytest.mark.parametrize("text, want", [
    ("郑州市市长何雄表示，要保交楼。", ("何雄", "市长", "郑州市人民政府")),             # a0053
    ("河南省副省长张三表示，要稳增长。", ("张三", "副省长", "河南省人民政府")),
    ("北京市海淀区区长王五说，要加强。", ("王五", "区长", "海淀区人民政府")),
])
def test_a_divisions_head_holds_the_post_in_its_government(text, want):
    from kg.resolve import resolve
    _, rec = records(text)
    res = resolve(rec)
    assert [(r.args["person"].text, r.args["post"], res.of(r.args["org"]).label) for r in rec.relations
            if r.kind == "role"] == [want]


@pytest.mark.parametrize("text, want", [
    ("中国财政学会绩效管理专委会副主任委员张依群表示，要提高效能。", ("张依群", "绩效管理专委会副主任委员", "中国财政学会")),   # a0159
    ("上海交通委邮政快递专委会副主任赵小敏表示，要加强。", ("赵小敏", "邮政快递专委会副主任", "上海交通委")),             # a0214
])
def test_a_committee_of_the_body_is_a_unit_of_the_post(text, want):
    assert [(r.args["person"].text, r.args["post"], r.args["org"].text) for r in relations(text, "role")] == [want]


@pytest.mark.parametrize("text, said", [
    # a quoted term is no quotation: the reported speech goes on (a0032)
    ("白明认为，外贸“开门”基本符合预期。2020年1-2月，出口下降较多。", "外贸“开门”基本符合预期。2020年1-2月，出口下降较多。"),
    # 据 inside 数据, 根据 cites nobody (a0095, a0041)
    ("王道树表示，将依托税收大数据加强监管。同时，对骗取退税的及时曝光。", "将依托税收大数据加强监管。同时，对骗取退税的及时曝光。"),
    ("付凌晖表示，经济运行总体平稳。要及时根据形势变化调整政策。", "经济运行总体平稳。要及时根据形势变化调整政策。"),
    # a real quotation still ends it, and so does a source cited
    ("李四表示，“我们很好，非常好。”下一步继续推进。", "我们很好，非常好。"),
    ("李四表示，经济平稳。据统计局数据，增长5%。", "经济平稳。"),
    # a quoted term opening the statement keeps both its quote marks (a0208, a0035, a0128)
    ("张忆东提到，“共同富裕”不是共同贫穷，而是要做大蛋糕。", "“共同富裕”不是共同贫穷，而是要做大蛋糕。"),
    # (a0208: a quotation after it; the term's opening mark still stays)
    ("张忆东提到，“共同富裕”不是共同贫穷。“在政策落实的过程中，这些都是机遇。”",
     "“共同富裕”不是共同贫穷。“在政策落实的过程中，这些都是机遇。”"),
    ("罗露表示，“东数西算”并非首次提出。", "“东数西算”并非首次提出。"),
    # a whole quotation loses its quote marks
    ("袁达表示：“我们完全有信心实现目标任务。”", "我们完全有信心实现目标任务。"),
    ("李明说，要推进“东数西算”", "要推进“东数西算”"),
])
def test_where_reported_speech_ends(text, said):
    assert [r.args["text"] for r in relations(text, "statement")] == [said]


@pytest.mark.parametrize("text, said", [
    # a speaker line's answer is its whole paragraph (a0095, a0199)
    ("国家税务总局副局长 王道树：目前来看，准备工作进展顺利。在4月30日前集中办理。\n下一段。",
     ["目前来看，准备工作进展顺利。在4月30日前集中办理。"]),
    ("问：今年形势如何？\n孟玮：\n下一步，我们将推进以下工作：\n一是稳投资。\n二是促消费。\n问：还有呢？\n孟玮：还有就业。",
     ["下一步，我们将推进以下工作：\n一是稳投资。\n二是促消费。", "还有就业。"]),
])
def test_a_speaker_lines_answer_is_its_paragraph(text, said):
    assert [r.args["text"] for r in relations(text, "statement")] == said


def test_a_quotation_whose_full_stop_stands_outside_it_is_the_speakers_after_it():
    text = "光大银行分析师周茂华认为，出口增长。“不过海外需求回落，对出口构成一定压力”。周茂华说。"      # a0032
    assert ("周茂华", "不过海外需求回落，对出口构成一定压力") in {
        (r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")}


def test_a_quotation_closing_the_speakers_paragraph_is_the_speakers():
    text = "刘格菘表示，内循环是重点。“我认为内循环的核心是制造业。”\n下一段。"                       # a0208
    assert [r.args["text"] for r in relations(text, "statement")] == ["内循环是重点。“我认为内循环的核心是制造业。”"]
    # not when someone else is named after it
    text = "刘格菘表示，内循环是重点。“我认为内循环的核心是制造业。”张忆东说。"
    assert {(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")} == {
        ("刘格菘", "内循环是重点。"), ("张忆东", "我认为内循环的核心是制造业。")}


@pytest.mark.parametrize("text, day", [
    # a0078, a0199, a0001: the day the sentence gives before the document is the act's
    ("3月26日，中国银保监会办公厅、住房和城乡建设部办公厅、中国人民银行办公厅联合印发了《关于防止经营用途贷款违规流入房地产领域的通知》。",
     "2021-03-26"),
    ("国务院办公厅12月3日印发《关于加强管理的通知》。", "2021-12-03"),
    ("12月15日，生态环境部会同17个部门和单位联合印发的《“十四五”时期“无废城市”建设工作方案》明确提出。", "2021-12-15"),
    # the day of the telling, a vague one, a day things run from, a plan: none
    ("2月17日，在商务部召开的例行新闻发布会上，有媒体提问：近日，国务院发布《关于同意设立综合试验区的批复》。", None),
    ("11月25日，记者从省通信管理局获悉，为贯彻落实中共中央、国务院印发的《成渝地区双城经济圈建设规划纲要》，推进工作。", None),
    ("记者12日从相关部门获悉，全国妇联、教育部等11部门近日印发《关于指导推进家庭教育的五年规划》。", None),
    ("自3月1日起，国务院印发的《关于加强管理的通知》施行。", None),
    ("3月1日，教育部表示将研究制定《学前教育法》。", None),
])
def test_the_day_of_a_document_act(text, day):
    found = relations(text, "document")
    assert found and {r.args.get("date") for r in found} == {day}


def test_the_day_of_a_document_act_is_on_its_fact():
    from extract_helpers import article
    from kg.pipeline import article_graphs
    from kg.vocab import KG
    from rdflib import RDF, XSD, Literal
    _, g, _ = article_graphs(article("国务院办公厅12月3日印发《关于加强管理的通知》。"))
    facts = list(g.subjects(RDF.type, KG.DocumentAction))
    assert [g.value(f, KG.actionDate) for f in facts] == [Literal("2021-12-03", datatype=XSD.date)]


def test_a_speaker_line_says_who_before_the_name():
    # a0046: CCTV-style lines, whoever the post is (蔬菜经销商 is no post kg knows)
    text = ("整齐摆放在一起。\n蔬菜经销商 张增梁：蔬菜产量比较大，年后蔬菜价格比往年下滑得多点。\n据了解，价格下跌。\n"
            "山东寿光地利农产品物流园蔬菜价格指数分析员 崔晓静：今年蔬菜价格回落明显。\n【#女租客失联# 房东：说了。")
    said = {(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")}
    assert said == {("张增梁", "蔬菜产量比较大，年后蔬菜价格比往年下滑得多点。"), ("崔晓静", "今年蔬菜价格回落明显。")}


def test_a_speaker_lines_colon_wins_over_a_verb_in_the_answer():
    # a0046: 应该说 inside the answer is no verb of the speaker's; the whole answer is said
    text = "中国宏观经济研究院综合形势室主任 郭丽岩：上下游价格的这个应该说是协调性在增强。"
    said = [(r.args["speaker"].text, r.args["text"], r.args["verb"]) for r in relations(text, "statement")]
    assert said == [("郭丽岩", "上下游价格的这个应该说是协调性在增强。", "：")]


def test_a_described_speaker_line_of_a_rarer_surname():
    # a0046: 祖 is no common surname, but the line's shape says who speaks
    said = [(r.args["speaker"].text, r.args["text"]) for r in relations("蔬菜收购商 祖晓璇：蔬菜的产量比较高。", "statement")]
    assert said == [("祖晓璇", "蔬菜的产量比较高。")]


@pytest.mark.parametrize("text", ["附件1 申报表：见下。", "数据来源 国家局：增长。", "指导单位 司法局：见下。",
                                  "主办单位 蒋家村：活动。"])
def test_a_form_field_or_a_body_after_a_label_is_no_speaker(text):
    from extract_helpers import mentions
    assert not {m for m in mentions(text) if m[1] == "Person"}


def test_an_interviewers_foreign_name_opening_the_questions_speaks_them():
    # the A audit (a0123): 布伦南： opens the interviewer's paragraphs; what the interviewer
    # reports 泽连斯基 said is the interviewer's question, not a statement of 泽连斯基's
    text = ("布伦南：拜登总统要求中方不要向俄提供援助。\n秦刚：我们反对。\n布伦南：乌克兰总统泽连斯基说他希望同普京总统见面。\n"
            "秦刚：中方支持对话。\n布伦南：我们的时间到了。\n资料图：照片。\n资料图：照片二。\n资料图：照片三。")
    said = {(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")}
    assert ("布伦南", "乌克兰总统泽连斯基说他希望同普京总统见面。") in said
    assert not {s for s in said if s[0] in ("泽连斯基", "资料图")}
    from extract_helpers import mentions
    assert ("资料图", "Person") not in mentions(text)


def test_a_meeting_that_decides_a_list_announces_it_through_its_host():
    # the B audit (a0183): 此次国常会决定，一是…二是…, with no organisation in the sentences before
    text = ("3月21日，国务院常务会议召开。会议听取汇报。专家说：“这是关键举措。”学者认为效果明显。"
            "此次国常会决定，一是对所有行业小微企业退税近1万亿元。二是对制造业等6个行业企业的留抵税额全额退还。\n下一段。")
    got = [(r.args["body"].text, r.args["ordinal"]) for r in relations(text, "measure")]
    assert got == [("国务院", 1), ("国务院", 2)]


def test_a_press_qa_answers_are_the_answerers():
    # C audit (a0129): the 问：/答： answers gave no statement
    text = ("国家外汇管理局副局长、新闻发言人王春英就2021年11月份外汇储备规模变动情况答记者问\n"
            "问：请问造成外汇储备规模变动的原因是什么？\n答：截至2021年11月末，我国外汇储备规模为32224亿美元。\n"
            "问：今后趋势怎样？\n答：外汇储备规模将保持稳定。")
    said = [(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")]
    assert said == [("王春英", "截至2021年11月末，我国外汇储备规模为32224亿美元。"), ("王春英", "外汇储备规模将保持稳定。")]
    assert relations("问：怎么样？\n答：很好。", "statement") == []          # no one named as answering


def test_the_official_named_before_speaks_again_for_the_same_body():
    """交通运输部相关负责人表示…。该负责人指出… (a0218, a0035: 该负责人 and 上述负责人 gave nothing)."""
    text = ("交通运输部相关负责人表示，将加强监测。该负责人指出，加强国际集装箱海运市场运行监测。"
            "上述负责人表示，省级交通运输主管部门要加强指导。")
    assert [(r.args["speaker"].text, r.args["text"]) for r in relations(text, "statement")] == [
        ("交通运输部", "将加强监测。"), ("交通运输部", "加强国际集装箱海运市场运行监测。"),
        ("交通运输部", "省级交通运输主管部门要加强指导。")]
    assert relations("该负责人表示，要加强指导。", "statement") == []       # no official before


@pytest.mark.parametrize("body, kind", [
    ("正文。\n\n来源：浙江大学校友总会", "Organization"),          # a0181: an association, not an outlet
    ("正文。\n\n来源：上海市场监管", "GovernmentBody"),             # a bureau's account
    ("正文。\n\n来源：光明日报", "MediaOutlet"),
])
def test_a_source_line_credits_the_kind_of_body_it_names(body, kind):
    _, rec = records(body)
    (target,) = [r.args["target"] for r in rec.relations if r.kind == "credit" and r.args["role"] == "sourceOrganization"]
    assert target.kind == kind


@pytest.mark.parametrize("body, expected, absent", [
    # the outlet the lead's outlet took the story from is a source too (a0060)
    ("证券时报网讯，据新华社30日消息，国务院常务会议部署。", {("sourceOrganization", "证券时报"), ("sourceOrganization", "新华社")}, set()),
    ("证券时报网讯，据了解，公司将增资。", {("sourceOrganization", "证券时报")}, {("sourceOrganization", "了解")}),
    # who made the pictures contributed (a0111, a0030, a0031); a byline's reporter is not also one
    ("正文。\n\n5月12日，工人在车间生产。新华社记者 张龙 摄\n\n正文二。", {("contributor", "张龙")}, set()),
    ("1-7月累计\n\n图表：张海彤\n\n收入137716亿元", {("contributor", "张海彤")}, set()),
    ("正文。\n\n新华社记者 张龙 摄\n\n正文二。", {("reporter", "张龙")}, {("contributor", "张龙")}),
])
def test_cited_outlets_and_picture_credits(body, expected, absent):
    found = _credits(body)
    assert expected <= found and not absent & found


def test_a_designation_list_names_the_document_that_makes_it():
    """《指导意见》规定，…确定为重点发展城市。¶名单包括： (a0012: none of the corpus's 66 list
    designations named its document)."""
    text = ("浙江省发布《关于加快发展保障性租赁住房的指导意见》。\n《指导意见》规定，人口净流入的大城市确定为重点发展城市，"
            "发展跨境电子商务综合试验区。\n2021-2023年重点发展保障性租赁住房城市名单包括：\n杭州市区、宁波市区、温州市区、嘉兴市区。\n")
    found = {(r.args["place"].text, r.args["document"].text if "document" in r.args else None)
             for r in relations(text, "designation")}
    assert found == {(c, "关于加快发展保障性租赁住房的指导意见") for c in ("杭州市", "宁波市", "温州市", "嘉兴市")}
    # a list with no document saying so names none
    plain = text.replace("《指导意见》规定，", "")
    assert {"document" in r.args for r in relations(plain, "designation")} == {False}


def test_a_court_holds_after_trial():
    # (a0120) 江津法院审理认为: the court's holding is its statement
    said = [(r.args["speaker"].text, r.args["text"]) for r in
            relations("重庆市江津区人民法院受理此案。江津法院审理认为，被告人构成污染环境罪。", "statement")]
    assert said == [("江津法院", "被告人构成污染环境罪。")]
    # (a0175) and at first instance
    said = [(r.args["speaker"].text, r.args["text"]) for r in
            relations("广州市白云区人民法院一审认为，被告人无视国家法律。", "statement")]
    assert said == [("广州市白云区人民法院", "被告人无视国家法律。")]


def test_only_who_issues_a_document_publishes_it():
    # (a0092, a0199) a body that approved or consented is no publisher; the act is kept
    from kg import rdf
    from kg.resolve import resolve
    from kg.vocab import SDO, KG
    art, rec = records("《外商投资准入特别管理措施（负面清单）（2021年版）》已经国家发展和改革委员会委务会议审议通过和商务部审签，"
                       "并经党中央、国务院同意，现予以发布。")
    g, _ = rdf.build(art, rec, resolve(rec))
    g = g.graph()
    by_action: dict[str, set] = {}
    for f, _, action in g.triples((None, KG.action, None)):
        by_action.setdefault(str(action), set()).add(g.value(f, KG.agent))
    publishers = {o for doc in g.objects(None, KG.document) for o in g.objects(doc, SDO.publisher)}
    assert by_action.get("approved") and not by_action["approved"] & publishers
    assert publishers == set().union(*(a for k, a in by_action.items() if k in ("issued", "published", "revised")))



def test_a_person_by_surname_and_title_speaks_once():
    # (a0125) 吴先生称 is said by 吴先生, once: not also as a reference back to 吴先生
    assert [(r.args["speaker"].text, r.args["text"]) for r in relations("店老板吴先生来自湖南。吴先生称，生意不好做。", "statement")] \
        == [("吴先生", "生意不好做。")]


def test_a_list_after_a_persons_words_is_their_bodys():
    # (a0219) the list goes on with 盛秋平's answer: 商务部's measures, not 东盟's, whom he names
    text = ("商务部部长助理盛秋平出席发布会。\n盛秋平回应表示，中国和东盟地缘相近。去年，双方经贸合作保持良好势头。\n"
            "一是贸易规模进一步扩大。\n二是双向投资蓬勃发展。")
    assert {r.args["body"].text for r in relations(text, "measure")} == {"商务部"}
    # (a person the article gives no body: a body named acting stays, one merely named does not)
    text = "李四回应表示，中国和东盟地缘相近。\n一是贸易规模进一步扩大。\n二是双向投资蓬勃发展。"
    assert relations(text, "measure") == []


def test_an_orders_now_published_is_published_by_who_adopted_or_signed_it():
    # (a0092) 现予以发布: NDRC (adopted) and MOFCOM (signed) publish it; the consenting bodies do not
    text = ("《外商投资准入特别管理措施（负面清单）（2021年版）》已经国家发展和改革委员会委务会议审议通过和商务部审签，"
            "并经党中央、国务院同意，现予以发布。")
    acts = {(r.args["agent"].text, r.args["action"]) for r in relations(text, "document")}
    assert {a for a, act in acts if act == "published"} == {"国家发展和改革委员会", "商务部"}
    assert ("国务院", "approved") in acts and ("国务院", "published") not in acts


def test_a_list_with_a_lead_of_its_own_is_its_leads():
    # (the review) a commentator quoted before does not take a list that 《意见》提出 opens
    text = "国务院办公厅印发《关于促进消费的意见》。业内专家张明表示，这些措施非常及时。\n《意见》提出，一是扩大消费。二是稳定就业。"
    assert {r.args["body"].text for r in relations(text, "measure")} == {"国务院办公厅"}


def test_second_review_statements_measures_and_credits():
    # 正如…指出的，…: the words after the comma are the statement
    said = [(r.args["speaker"].text, r.args["text"]) for r in
            relations("正如习近平总书记指出的，高质量发展是首要任务。", "statement")]
    assert said == [("习近平", "高质量发展是首要任务。")]
    # a body the expert names acting carries the list out, not the expert's university
    text = ("中国人民银行日前召开会议。中国人民大学教授刘元春表示，人民银行将从以下方面发力。\n"
            "一是保持流动性合理充裕。\n二是稳定预期。")
    assert {r.args["body"].text for r in relations(text, "measure")} == {"人民银行"}
    # 此前，财新记者就…: an outlet cited, not the article's
    found = {(r.args["role"], r.args["target"].text) for r in
             relations("此前，财新记者就此事联系该公司，公司未予回应。", "credit")}
    assert not {t for role, t in found if role == "sourceOrganization"}
