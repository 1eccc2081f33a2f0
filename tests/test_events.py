"""Named events (kg/extract/events.py): sessions, the lexicon, names by their last words,
press conferences and their hosts, and what the graph says of them."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Literal, URIRef

from extract_helpers import records, relations
from kg.extract import events
from kg.pipeline import article_graphs, extract
from kg.readers import iter_article_files, read_file
from kg.vocab import KG, SDO

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def found(body: str, **kw) -> dict[str, tuple[str, str]]:
    """surface -> (key, label) of the events in `body`."""
    _, rec = records(body, **kw)
    return {m.text: (m.key, m.attrs.get("label")) for m in rec.mentions if m.kind == "Event"}


@pytest.mark.parametrize("body, surface, key, label", [
    ("会议全面总结了十九届六中全会精神。", "十九届六中全会", "event:cpc-cc-19-plenum-6",
     "中国共产党第十九届中央委员会第六次全体会议"),
    ("从党的十一届三中全会的伟大历史转折到改革开放。", "党的十一届三中全会", "event:cpc-cc-11-plenum-3",
     "中国共产党第十一届中央委员会第三次全体会议"),
    ("党的二十大报告提出，要加快构建新发展格局。", "党的二十大", "event:cpc-congress-20", "中国共产党第二十次全国代表大会"),
    ("十八大以来，中小企业数量增长2.7倍。", "十八大", "event:cpc-congress-18", "中国共产党第十八次全国代表大会"),
    ("1922年7月，中共二大召开。", "中共二大", "event:cpc-congress-2", "中国共产党第二次全国代表大会"),
    ("教育部在答复十三届全国人大四次会议第9636号建议时表示。", "十三届全国人大四次会议", "event:npc-13-4",
     "第十三届全国人民代表大会第四次会议"),
    ("经第十三届全国人民代表大会第四次会议审议批准。", "第十三届全国人民代表大会第四次会议", "event:npc-13-4",
     "第十三届全国人民代表大会第四次会议"),
    ("十三届全国人大常委会第三十次会议表决通过。", "十三届全国人大常委会第三十次会议", "event:npcsc-13-30",
     "第十三届全国人民代表大会常务委员会第三十次会议"),
    ("全国政协十三届四次会议在京开幕。", "全国政协十三届四次会议", "event:cppcc-13-4",
     "中国人民政治协商会议第十三届全国委员会第四次会议"),
])
def test_numbered_sessions_are_named_in_their_official_form(body, surface, key, label):
    assert found(body)[surface] == (key, label)


@pytest.mark.parametrize("body", [
    "十大行业龙头企业名单公布。",            # ten, not a congress
    "二十大类商品价格上涨。",
    "这里是中共一大会址纪念馆。",             # the site, a museum
    "五届三中全会通过了决议。",               # any body's: no party, an early term
    "全面贯彻党的十九届历次全会精神。",       # every plenum, not one
])
def test_what_is_not_a_numbered_session(body):
    assert not [k for k, _ in found(body).values() if k.startswith(("event:cpc", "event:npc", "event:cppcc"))]


def test_recurring_events_come_from_the_lexicon_and_keep_the_mentions_they_hold():
    _, rec = records("国常会确定了一批措施。近期国务院常务会议部署稳经济。")
    evs = [m for m in rec.mentions if m.kind == "Event"]
    assert [m.key for m in evs] == ["event:state-council-executive-meeting"] * 2
    assert all(m.attrs["host_key"] == "state-council" for m in evs)
    # 国务院 inside 国务院常务会议 is still a mention of the State Council, of its own span
    (sc,) = [m for m in rec.mentions if m.key == "org:state-council"]
    assert sc.text == "国务院" and sc.span.start == evs[1].span.start and sc.span.end < evs[1].span.end


def test_no_event_is_named_like_an_organisation():
    # (one span, one mention: an event spelled as an organisation's alias would be lost to it)
    from kg import gazetteer
    orgs = gazetteer.org_index()
    assert not [s for e in events.lexicon() for s in (e["name"], *e.get("aliases", [])) if s in orgs]
    keys = {o.key for o in gazetteer.orgs()}
    assert not [e["key"] for e in events.lexicon() if e.get("host") and e["host"] not in keys]


@pytest.mark.parametrize("body, key, label", [
    # a frequent meeting's day makes that day's meeting (the article is of 2022-02-17)
    ("2月16日，国务院常务会议确定实施退税政策。", "event:state-council-executive-meeting:2022-02-16",
     "国务院常务会议（2022-02-16）"),
    ("5月25日召开的国务院常务会议部署稳经济。", "event:state-council-executive-meeting:2021-05-25",
     "国务院常务会议（2021-05-25）"),
    ("第四届进博会将于11月举办。", "event:ciie:4", "第四届中国国际进口博览会"),
])
def test_editions_of_recurring_events(body, key, label):
    _, rec = records(body)
    (ev,) = [m for m in rec.mentions if m.kind == "Event"]
    assert (ev.key, ev.attrs["label"]) == (key, label)
    assert ev.attrs["series"]["key"] in ("event:state-council-executive-meeting", "event:ciie")


def test_a_year_before_a_recurring_event_makes_its_edition():
    _, rec = records("记者日前从2021年世界人工智能大会上获悉。")
    (ev,) = [m for m in rec.mentions if m.kind == "Event"]
    assert ev.key == "event:world-ai-conference:2021"
    assert ev.attrs["label"] == "2021年世界人工智能大会"
    assert ev.attrs["series"]["key"] == "event:world-ai-conference"


@pytest.mark.parametrize("body, key", [
    # entity-resolution audit: the 2014 and the 2021 APEC leaders' meetings were one event; an
    # annual event's year named otherwise than right before it makes its edition too
    ("为今年的APEC领导人会议贡献了经贸成果。", "event:apec-leaders-meeting:2022"),
    ("去年的进博会成交额创新高。", "event:ciie:2021"),
    ("高峰对记者强调，2014年，习近平主席在北京主持召开亚太经合组织领导人非正式会议，21个成员达成共识。",
     "event:apec-leaders-meeting:2014"),
    # a year that opens the sentence but does not say it was held then; the series named alone
    ("2014年，我国经济增长7%，亚太经合组织领导人非正式会议是重要平台。", "event:apec-leaders-meeting"),
    ("亚太经合组织领导人非正式会议是重要平台。", "event:apec-leaders-meeting"),
    # not for events held more or less than once a year
    ("今年的国务院常务会议多次部署。", "event:state-council-executive-meeting"),
    # (the review) not a year and a verb of clauses that say another time
    ("2015年，中国举办了多项活动，明年还将承办二十国集团领导人峰会。", "event:g20-summit"),
    ("2019年，我国举办国庆70周年活动，今年11月还将举办进博会。", "event:ciie"),
])
def test_an_annual_events_year_makes_its_edition(body, key):
    _, rec = records(body)
    (ev,) = [m for m in rec.mentions if m.kind == "Event"]
    assert ev.key == key
    if key.endswith(("2014", "2021", "2022")):
        # an edition of the series, held by the series' host (APEC's; the lexicon names none for 进博会)
        assert ev.attrs["series"]["key"] == key.rsplit(":", 1)[0]
        assert ev.attrs.get("host_key") == ("apec" if "apec" in key else None)


@pytest.mark.parametrize("body, surface, label", [
    # the name starts after the verb of holding, and its host opens the label
    # (an edition of the series the lexicon says that host holds)
    ("6月5日，亚太经合组织（APEC）举行第二十八届贸易部长会议。", "第二十八届贸易部长会议",
     "第二十八届亚太经合组织贸易部长会议"),
    # 第12届 and 第十二届 are one ordinal; WTO and 世界贸易组织 one host
    ("支持推动WTO第12届部长级会议取得积极成果。", "WTO第12届部长级会议", "第十二届世贸组织部长级会议"),
    # a host's numbered event the lexicon does not list keeps the host's name first
    ("国家发展改革委组织召开第三届数字经济论坛。", "第三届数字经济论坛", "国家发展改革委第三届数字经济论坛"),
    ("国家发展改革委组织召开虚拟货币“挖矿”治理专题视频会议。", "虚拟货币“挖矿”治理专题视频会议",
     "国家发展改革委虚拟货币“挖矿”治理专题视频会议"),
    # a province holding it: its own meeting, not another province's of the same name
    ("1月5日，青海召开根治欠薪冬季专项行动动员部署电视电话会议。", "根治欠薪冬季专项行动动员部署电视电话会议",
     "青海省根治欠薪冬季专项行动动员部署电视电话会议"),
    ("群众强烈反对关税特别会议的举办。", "关税特别会议", "关税特别会议"),
    ("方星海在9月举行的“2021中国（郑州）国际期货论坛”上表示。", "2021中国（郑州）国际期货论坛",
     "2021中国（郑州）国际期货论坛"),
    ("习近平出席《生物多样性公约》第十五次缔约方大会领导人峰会并发表主旨讲话。",
     "《生物多样性公约》第十五次缔约方大会领导人峰会", "《生物多样性公约》第十五次缔约方大会领导人峰会"),
])
def test_events_named_by_their_last_words(body, surface, label):
    assert found(body)[surface][1] == label


@pytest.mark.parametrize("body", [
    "这次会议是今年亚太经合组织首场部长级会议。",
    "董事长6月10日在股东大会上表示。",
    "本次会议主要讨论了以下问题。",
    "以线下、线上方式召开政企座谈会120余场。",
    "科技类学术会议要增加女性大会主讲人比例。",
    "报道援引中国首席经济学家论坛理事王军的分析。",        # a forum as a body: its council member
    "2022年全市市场监管工作会议召开。",                   # whose city? not a name
    "第二届论坛由商务部主办。",                           # the second forum: which?
])
def test_a_meeting_described_is_not_a_named_event(body):
    assert not [s for s, (k, _) in found(body).items() if not k.startswith("event:新闻发布会")], found(body)


def test_hosts_are_hosting_facts():
    (r,) = relations("国家发展改革委组织召开虚拟货币“挖矿”治理专题视频会议，通报有关情况。", "hosting")
    assert r.args["host"].text == "国家发展改革委"
    assert r.args["event"].text == "虚拟货币“挖矿”治理专题视频会议"
    (r,) = relations("2021中国（郑州）国际期货论坛由中国期货业协会主办，在郑州举行。", "hosting")
    assert r.args["host"].text == "中国期货业协会"
    assert r.args["event"].text == "2021中国（郑州）国际期货论坛"      # 中国 and 郑州 inside stay mentions


@pytest.mark.parametrize("body, label", [
    ("11月15日，在国务院新闻办举行的10月份国民经济运行情况新闻发布会上，付凌晖表示。", "国务院新闻办公室新闻发布会（2021-11-15）"),
    ("7月13日，国新办就2021年上半年金融统计数据情况举行新闻发布会。", "国务院新闻办公室新闻发布会（2021-07-13）"),     # the day stated
    ("商务部新闻发言人高峰在例行新闻发布会上表示。", "商务部新闻发布会（2022-02-17）"),     # the article's day
    ("商务部新闻发言人高峰近日在例行新闻发布会上表示。", "商务部新闻发布会"),     # 近日: not the article's day
    ("付凌晖今日在国新办发布会上表示。", "国务院新闻办公室新闻发布会（2022-02-17）"),     # bare 发布会, host named
    ("昨天（16日），国务院新闻办公室举行吹风会。", "国务院新闻办公室吹风会（2022-02-16）"),
    ("记者从日前召开的工信部“支持中小企业创新发展”主题新闻发布会上获悉。", "工业和信息化部新闻发布会"),
])
def test_a_press_conference_is_named_by_its_host(body, label):
    _, rec = records(body)
    (ev,) = [m for m in rec.mentions if m.kind == "Event"]
    assert ev.attrs["label"] == label
    assert ev.attrs["organizer"].kind == "GovernmentBody"


def test_a_conference_of_an_unknown_day_is_the_articles_own():
    # a0010, a0215: 近日 / 日前 say the day is not the article's; two articles' such conferences
    # of one host are not one event, nor dated by the day each was published
    a1, r1 = records("商务部新闻发言人高峰近日在例行新闻发布会上表示。")
    a2, r2 = records("商务部新闻发言人高峰近日在例行新闻发布会上表示。", title="另一篇")
    (e1,), (e2,) = ([m for m in r.mentions if m.kind == "Event"] for r in (r1, r2))
    assert e1.key != e2.key and a1.id in e1.key and e1.attrs["date"] is None
    (m,) = [m for m in records("近日，财政部召开会议，部署工作。")[1].mentions if m.kind == "Event"]
    assert m.attrs["date"] is None and m.attrs["label"] == "财政部会议"
    (m,) = [m for m in records("2月10日，财政部召开会议，部署工作。")[1].mentions if m.kind == "Event"]
    assert m.attrs["date"] == "2022-02-10"


def test_a_press_conference_without_a_host_is_the_articles_own():
    a1, r1 = records("在日前的系列主题新闻发布会上，有关负责人介绍。")
    a2, r2 = records("在日前举行的新闻发布会上，发言人介绍。", title="另一篇")
    k1 = [m.key for m in r1.mentions if m.kind == "Event"]
    k2 = [m.key for m in r2.mentions if m.kind == "Event"]
    assert k1 and k2 and k1 != k2          # same day, different (unknown) hosts: never one event
    assert a1.id in k1[0] and a2.id in k2[0]


def test_the_graph_says_who_held_an_event_and_which_series_it_belongs_to():
    from extract_helpers import article
    art = article("国家发展改革委组织召开虚拟货币“挖矿”治理专题视频会议。记者从2021年世界人工智能大会上获悉。"
                  "国务院常务会议指出，要稳定经济。")
    _, g, e = article_graphs(art)
    union = list(g) + list(e)
    organizer = {(s, o) for s, p, o in union if p == SDO.organizer}
    ndrc, sc = URIRef("https://w3id.org/kgnews/id/org/ndrc"), URIRef("https://w3id.org/kgnews/id/org/state-council")
    assert any(o == ndrc for _, o in organizer)                           # from the text, with a fact
    assert (URIRef("https://w3id.org/kgnews/id/event/state-council-executive-meeting"), sc) in organizer
    assert any(p == KG.host and o == ndrc for _, p, o in g)
    series = URIRef("https://w3id.org/kgnews/id/event/world-ai-conference")
    assert any(p == SDO.superEvent and o == series for _, p, o in e)
    assert (series, RDFS.label, Literal("世界人工智能大会")) in e               # the series is described
    # the fixed host is described (typed, labelled) wherever it is pointed at
    assert (sc, RDFS.label, Literal("国务院")) in e and (sc, RDF.type, KG.GovernmentBody) in e


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_events_over_the_corpus_are_named_not_described():
    labels: dict[str, set[str]] = {}
    named = []
    for path in iter_article_files([CORPUS], [])[0]:
        try:
            art = read_file(str(path))
        except Exception:
            continue
        for m in extract(art).mentions:
            if m.kind == "Event":
                labels.setdefault(m.key, set()).add(m.attrs.get("label") or m.text)
                if m.rule == "named-event":
                    named.append(m.attrs["label"])
    assert len(labels) >= 40 and len(named) >= 10
    # one label a key: the shared graph never holds two for one event
    assert all(len(v) == 1 for v in labels.values()), {k: v for k, v in labels.items() if len(v) > 1}
    for label in named:                 # a name, not a kind of meeting or a description of one
        bare = events._BARE.sub("", label)
        assert not events._GENERIC.fullmatch(bare) and not events._DEICTIC.search(label), label
    assert {"event:cpc-cc-19-plenum-6", "event:state-council-executive-meeting", "event:ciie"} <= set(labels)


def test_a_meeting_named_only_by_its_host_is_keyed_by_host_and_day():
    _, rec = records("3月31日，农业农村部召开视频会议对扩大农业农村有效投资进行部署。", date="Fri, 01 Apr 2022 08:00:00 GMT")
    (ev,) = [m for m in rec.mentions if m.kind == "Event"]
    assert ev.key == "event:农业农村部视频会议:2022-03-31"
    assert ev.attrs["organizer"].text == "农业农村部" and ev.attrs["date"] == "2022-03-31"
    # no host named: no event (会议 alone is not one)
    assert not [m for m in records("有关方面召开会议研究部署。")[1].mentions if m.kind == "Event"]


@pytest.mark.parametrize("text, date, want", [
    ("3月31日，农业农村部召开视频会议", "2022-04-01", "2022-03-31"),
    ("12月30日，财政部召开会议", "2022-01-02", "2021-12-30"),       # the year before the article's
    ("2020年5月1日，财政部召开会议", "2022-01-02", "2020-05-01"),
    ("近日，财政部召开会议", "2022-01-02", "2022-01-02"),            # no day given: the article's
    ("13月40日，财政部召开会议", "2022-01-02", "2022-01-02"),
])
def test_the_day_a_sentence_gives(text, date, want):
    assert events.day(text, text.index("召开"), date) == want


def test_a_meetings_words_are_its_hosts():
    body = ("3月31日，农业农村部召开视频会议对扩大农业农村有效投资进行部署。"
            "会议指出，各级农业农村部门要加强组织领导，创新工作思路。\n"
            "会议强调，要用足用好财政支农投入。")
    said = [r for r in relations(body, "statement") if r.rule == "meeting-statement"]
    assert [(r.args["speaker"].text, r.args["verb"]) for r in said] == [("农业农村部", "指出"), ("农业农村部", "强调")]
    assert said[0].args["text"].startswith("各级农业农村部门要加强组织领导")
    # a meeting a province held: its government's words, and its government held it
    body = "1月5日，青海召开根治欠薪冬季专项行动动员部署电视电话会议。会议要求，加强监管。"
    said = [r for r in relations(body, "statement") if r.rule == "meeting-statement"]
    assert [r.args["speaker"].key for r in said] == ["gov:630000"]
    assert [r.args["host"].key for r in relations(body, "hosting")] == ["gov:630000"]
    # a place named in the name's first words keys it but did not say it held it
    assert not relations("内蒙古自治区根治欠薪“百日攻坚”行动动员部署电视电话会议召开。", "hosting")
    # 会议 far from any meeting named is no reference
    far = "农业农村部召开视频会议。\n甲。\n乙。\n丙。\n丁。\n会议指出，要加强监管。"
    assert not [r for r in relations(far, "statement") if r.rule == "meeting-statement"]


def test_one_hosts_conference_of_a_day_is_one_event_whatever_it_is_called():
    _, r1 = records("外交部发言人赵立坚在例行记者会上表示。")
    _, r2 = records("外交部发言人赵立坚在例行新闻发布会上说。", title="另一篇")
    k1 = [m.key for m in r1.mentions if m.kind == "Event"]
    k2 = [m.key for m in r2.mentions if m.kind == "Event"]
    assert k1 == k2 == ["event:外交部新闻发布会:2022-02-17"]
    # several conferences, no host: none
    assert not [m for m in records("10个部委陆续召开上半年数据解读发布会。")[1].mentions if m.kind == "Event"]


def test_a_bodys_numbered_meeting():
    _, rec = records("该规划已经2021年9月18日国家发展和改革委员会第18次委务会议审议通过。")
    (ev,) = [m for m in rec.mentions if m.kind == "Event"]
    assert ev.attrs["label"] == "国家发展改革委第十八次委务会议"
    assert ev.attrs["organizer"].key == "org:ndrc"


def test_a_session_inside_a_documents_title_is_the_documents_words():
    _, rec = records("会议通过的《中国共产党第二次全国代表大会宣言》明确指出。")
    assert not [m for m in rec.mentions if m.kind == "Event"]


def test_a_name_found_once_is_found_again():
    _, rec = records("同年10月26日，关税特别会议在北京召开。各地群众反对，关税特别会议最终无果而散。")
    evs = [m for m in rec.mentions if m.kind == "Event"]
    assert [m.text for m in evs] == ["关税特别会议"] * 2 and len({m.key for m in evs}) == 1


@pytest.mark.parametrize("text, date, want", [
    ("昨天（23日），国务院新闻办公室举行吹风会", "2022-03-24", "2022-03-23"),
    ("昨天，国务院新闻办公室举行吹风会", "2022-03-24", "2022-03-23"),
    ("10月18日，统计局发布数据。付凌晖在当天举行的国新办发布会", "2021-10-20", "2021-10-18"),
    ("1925年5月1日，全国劳动大会召开。5月28日，中共中央召开紧急会议", "2021-06-30", "1925-05-28"),
])
def test_relative_and_historical_days(text, date, want):
    assert events.day(text, len(text), date) == want


@pytest.mark.parametrize("body, surface, label", [
    # a hosted conference keeps host + kind + day as its label; its own name is the mention's words
    ("11月15日，在国务院新闻办举行的10月份国民经济运行情况新闻发布会上，付凌晖表示。",
     "10月份国民经济运行情况新闻发布会", "国务院新闻办公室新闻发布会（2021-11-15）"),
    # one only this article knows is labelled by its own name
    ("在日前的“中国这十年”系列主题新闻发布会上，有关负责人介绍。", "“中国这十年”系列主题新闻发布会",
     "“中国这十年”系列主题新闻发布会"),            # 日前: no day
])
def test_a_press_conference_keeps_its_own_name(body, surface, label):
    _, rec = records(body)
    (ev,) = [m for m in rec.mentions if m.kind == "Event"]
    assert (ev.text, ev.attrs["label"]) == (surface, label)


def test_a_hosts_numbered_event_is_an_edition_of_its_series():
    _, rec = records("支持推动WTO第12届部长级会议取得积极成果。")
    (ev,) = [m for m in rec.mentions if m.kind == "Event"]
    assert ev.key == "event:wto-ministerial-conference:12"
    assert ev.attrs["series"]["key"] == "event:wto-ministerial-conference"


@pytest.mark.parametrize("date, label", [
    ("Wed, 16 Feb 2022 23:30:00 GMT", "国务院新闻办公室吹风会（2022-02-16）"),   # 07:30 on the 17th in Beijing
    ("Wed, 16 Feb 2022 12:00:00 GMT", "国务院新闻办公室吹风会（2022-02-15）"),
    ("2022年2月17日 07:30", "国务院新闻办公室吹风会（2022-02-16）"),             # no zone: Beijing time already
])
def test_the_article_day_is_its_day_in_china(date, label):
    _, rec = records("昨天，国务院新闻办公室举行吹风会。", date=date)
    assert [m.attrs["label"] for m in rec.mentions if m.kind == "Event"] == [label]


@pytest.mark.parametrize("body, date", [
    # a0053, a0105: the day opening the sentence that holds the event
    ("9月6日，郑州召开保交楼专项行动动员会。", "2021-09-06"),
    ("11月17日，内蒙古自治区根治欠薪冬季专项行动电视电话会议召开。", "2021-11-17"),
    ("郑州召开保交楼专项行动动员会。", None),                       # no day given
    ("近日，郑州召开保交楼专项行动动员会。", None),
    ("9月6日，郑州表示，按照保交楼专项行动动员会要求推进。", None),   # cited, not held
])
def test_a_named_event_held_on_the_day_its_sentence_opens_with(body, date):
    _, rec = records(body)
    (ev,) = [m for m in rec.mentions if m.kind == "Event"]
    assert ev.attrs.get("date") == date


def venues(body: str) -> set[tuple[str, str]]:
    from kg.resolve import resolve
    _, rec = records(body)
    res = resolve(rec)
    return {(res.of(r.args["event"]).label, res.of(r.args["place"]).label) for r in rec.relations if r.kind == "venue"}


@pytest.mark.parametrize("body, want", [
    # a0001 and a0040 of the corpus: after the name, in its clause
    ("1925年5月1日，中国共产党领导下的第二次全国劳动大会在广州召开。", {("第二次全国劳动大会", "广州市")}),
    ("新华社南京12月7日电2021两岸企业家紫金山峰会7日以视频连线方式在南京市和台北市同步举行。",
     {("2021两岸企业家紫金山峰会", "南京市"), ("2021两岸企业家紫金山峰会", "台北市")}),
    # before it
    ("在广州召开的第二次全国劳动大会通过了决议。", {("第二次全国劳动大会", "广州市")}),
    # 京: Beijing, where a verb of holding follows
    ("全国政协十三届四次会议在京开幕。", {("中国人民政治协商会议第十三届全国委员会第四次会议", "北京市")}),
    ("在京召开的全国政协十三届四次会议闭幕。", {("中国人民政治协商会议第十三届全国委员会第四次会议", "北京市")}),
    # not a venue: a hall named by its host; a recurring series; a place of something else
    ("付凌晖在国务院新闻办举行的10月份国民经济运行情况新闻发布会上表示，经济恢复。", set()),
    ("习近平主席在北京主持召开亚太经合组织领导人非正式会议。", set()),
    # (but the year's edition was held there: an annual event's year makes the edition)
    ("2014年，习近平主席在北京主持召开亚太经合组织领导人非正式会议。", {("2014年亚太经合组织领导人非正式会议", "北京市")}),
    ("第二次全国劳动大会召开后，工人在广州举行罢工。", set()),
    ("他在京工作多年。全国政协十三届四次会议召开。", set()),
])
def test_where_an_event_was_held(body, want):
    assert venues(body) == want


def test_a_venue_is_a_fact_with_a_shortcut_and_conforms():
    art, g, e = article_graphs(__import__("extract_helpers").article("1925年5月1日，第二次全国劳动大会在广州召开。"))
    facts = set(g.subjects(RDF.type, KG.EventVenue))
    assert len(facts) == 1
    f = facts.pop()
    event, place = g.value(f, KG.event), g.value(f, KG.place)
    assert (event, SDO.location, place) in g
    assert str(place) == "https://w3id.org/kgnews/id/place/440100"
    assert g.value(f, KG.evidence) is not None


def test_venue_words_are_no_office_and_one_place_is_one_venue():
    # 在上海举办: 举办 is a verb, not a 上海 office; 湖北武汉 is one place, the city
    assert venues("第五届中国国际进口博览会在上海举办。") == {("第五届中国国际进口博览会", "上海市")}
    assert venues("第二次全国劳动大会在湖北武汉召开。") == {("第二次全国劳动大会", "武汉市")}


def test_two_events_held_in_one_city_char_share_one_mention_of_it():
    body = "全国人大十四届一次会议和全国政协十四届一次会议在京召开。"
    _, rec = records(body)
    jing = [m for m in rec.mentions if m.rule == "city-char"]
    assert len(jing) == 1
    assert all(r.args["place"] is jing[0] for r in rec.relations if r.kind == "venue")
    assert len([r for r in rec.relations if r.kind == "venue"]) == 2


def test_later_mentions_of_a_dated_meeting_that_report_it_are_that_meeting():
    # the B audit (a0183): 此次国常会 and 国务院常务会议指出 after 3月21日，国务院常务会议… are the
    # day's meeting; the series named at large stays the series
    from kg.resolve import resolve
    text = ("3月21日，国务院常务会议确定了加大增值税留抵退税力度的措施。此次国常会决定，一是对小微企业退税。"
            "国务院常务会议指出，要稳定经济。国务院常务会议多次部署减税。")
    _, rec = records(text, date="2022-03-22")
    res = resolve(rec)
    keys = [res.of(m).key for m in rec.mentions if m.kind == "Event"]
    day = "event:state-council-executive-meeting:2022-03-21"
    assert keys == [day, day, day, "event:state-council-executive-meeting"]
    # with no dated meeting before, a mention is the series
    _, rec = records("国务院常务会议指出，要稳定经济。", date="2022-03-22")
    assert [resolve(rec).of(m).key for m in rec.mentions if m.kind == "Event"] == ["event:state-council-executive-meeting"]


@pytest.mark.parametrize("body, name, date", [
    # a body's numbered meeting dated right before it (a0092)
    ("《目录》已经2021年9月18日国家发展和改革委员会第18次委务会议审议通过。", "国家发展和改革委员会第18次委务会议", "2021-09-18"),
    # the day written after a named event that was held (a0117: 7日 in a December article)
    ("2021两岸企业家紫金山峰会7日以视频连线方式在南京市和台北市同步举行。", "2021两岸企业家紫金山峰会", "2021-12-07"),
    ("某某论坛举行，会期3日。", "某某论坛", None),
])
def test_an_events_day_written_beside_it(body, name, date):
    _, rec = records(body, date="Tue, 07 Dec 2021 10:00:00 GMT")
    assert [(m.text, m.attrs.get("date")) for m in rec.mentions if m.kind == "Event"] == [(name, date)]
