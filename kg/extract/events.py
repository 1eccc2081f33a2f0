"""Named events: meetings, congresses and their sessions, expos, forums, summits.

Sources, strongest first:
* numbered sessions read by pattern and named in their official long form: 十九届六中全会 is
  中国共产党第十九届中央委员会第六次全体会议, 党的二十大 the 20th National Congress, 十三届全国人大
  四次会议 the NPC's session, 全国政协十三届四次会议 the CPPCC's;
* recurring events known by name (kg/lexicon/events.yaml: 国务院常务会议, 进博会 ...); a year
  before the name (2021年世界人工智能大会) makes that year's edition, an event of its own;
* names ending in an event word (…论坛, …峰会, …博览会, …工作会议, …电视电话会议) that start at a
  clause boundary or after a verb of holding or attending (召开, 举行, 出席 ...), and a body's
  numbered meeting (…第18次委务会议);
* meetings named only by their host and day (农业农村部召开视频会议). Press conferences are found
  by kg.extract.entities; their host, day and own name come from here (press_host, day,
  press_topic).

An event's name may hold other mentions (国务院常务会议 holds 国务院, APEC第27届贸易部长会议
holds APEC): they stay mentions of their own. An organisation named just before a verb of holding
(国家发展改革委组织召开…会议, 亚太经合组织（APEC）举行…会议) or in the name's first words is
recorded as the host, for the relations extractor; an event of the lexicon may have a fixed host.
"""
from __future__ import annotations

import bisect
import datetime
import re
from collections import defaultdict
from functools import lru_cache

from .. import gazetteer
from ..lexicon import _DIR as LEXICON_DIR
from ..model import Mention
from .automaton import Matcher
from . import editions
from .numbers import parse_chinese
from .scan import Anchored, occurrences

HAN = "\u4e00-\u9fff"
_TERM = "(?:二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_N = "[一二三四五六七八九]"
_NN = "(?:[一二三四五六七八九十]{1,3}|\\d{1,3})"
_PARTY = "(?P<party>党的|中共|中国共产党)"

# 十九届六中全会, 党的十九届六中全会, 中共十九届中央委员会第六次全体会议
_PLENUM = re.compile(rf"{_PARTY}?第?(?P<term>{_TERM})届(?P<cc>中央委员会|中央)?第?(?P<n>{_N})(?:中全会|次全体会议)")
# 党的十九大, 中共二大, 中国共产党第一次全国代表大会; a bare 十九大 before words that make it the
# congress (以来, 精神, 报告 ...)
_CONGRESS = re.compile(
    rf"(?:{_PARTY}(?P<n>{_TERM})大(?!会址|代表|会堂)"
    rf"|中国共产党第(?P<n2>{_TERM})次全国代表大会"
    rf"|(?<![第一二三四五六七八九十])(?P<n3>十[一二三四五六七八九]|二十[一二三]?)大"
    rf"(?=以来|报告|精神|召开|开幕|闭幕|期间|上|后|前|提出|强调|明确|作出|部署|的|[，。、；）”\s和及与]))")
_NPC = re.compile(
    rf"第?(?P<term>{_TERM})届全国人大(?P<sc>常委会)?第?(?P<n>{_NN})次会议"
    rf"|第(?P<term2>{_TERM})届全国人民代表大会(?P<sc2>常务委员会)?第(?P<n2>{_NN})次会议"
    rf"|全国人大(?P<term3>{_TERM})届(?P<n3>{_N})次会议")
_CPPCC = re.compile(
    rf"全国政协(?P<term>{_TERM})届(?P<n>{_N})次会议"
    rf"|(?:中国人民)?政治协商会议第(?P<term2>{_TERM})届全国委员会第(?P<n2>{_N})次会议"
    rf"|第?(?P<term3>{_TERM})届全国政协第?(?P<n3>{_N})次会议")

# every session holds 届 (or 大, a congress) within a few characters of its start: tried only there
_SESSION_SCANS = (Anchored(_PLENUM, "届", 9), Anchored(_CONGRESS, "大", 16), Anchored(_NPC, "届", 9),
                  Anchored(_CPPCC, "届", 16))

# names by their last words; the name starts at a clause boundary or after a verb of holding,
# attending or a preposition, and a 《…》 title may open it (《生物多样性公约》第十五次缔约方大会)
_SUFFIX = ("论坛|峰会|博览会|交易会|洽谈会|展览会|年会|部长会议|部长级会议|经济工作会议|工作会议|电视电话会议|"
           "动员会|推进会|部署会|调度会|例会|恳谈会|推介会|对接会|招聘会|视频会|"
           "视频会议|常务会议|全体会议|联席会议|座谈会|缔约方大会|领导人会议|非正式会议|特别会议|专题会议|全会|大会")
_LEFT = ("(?:^|(?<=[，。、；：“（\n在的于])|(?<=出席)|(?<=参加)|(?<=举办)|(?<=举行)|(?<=召开)|(?<=主持)|(?<=开展)|"
         "(?<=落实)|(?<=贯彻)|"
         "(?<=用好)|(?<=办好)|(?<=推动)|(?<=支持)|(?<=承接)|(?<=从)|(?<=电)|(?<=向)|(?<=致信)|(?<=贺信))")
_NAMED = re.compile(
    rf"{_LEFT}(?P<name>(?:《[^》\n]{{1,20}}》)?(?:\d{{4}}年?)?[{HAN}A-Za-z\d“”（）+\-—－]{{2,24}}?(?P<suffix>{_SUFFIX}))"
    rf"(?=[，。、；：”）\s\d上中在于将已由的后前和及与暨等并所]|期间|召开|开幕|闭幕|举行|举办|精神|要求|指出|强调|提出"
    rf"|部署|决定|通过|审议|成果|以来|达成|取得|发表|宣布|之际|前夕|$)")
_NAMED_SCAN = Anchored(_NAMED, _SUFFIX, 24 + 4 + 22)
# what makes a name a kind of event, not one: 这次会议, 股东大会, 各类论坛, 科技类学术会议
_GENERIC = re.compile(
    r"(?:这次|本次|此次|该|上述|这场|本届|此|各|各类|各级|有关|相关|一系列|系列|多场|重要|高层|近期|历次|首场|"
    r"学术|科技类|村民|股东|职工|员工|临时|年度|全体|专门|一次|两次|多次|部分|所有|该次|上次|下次|今年|去年|明年|"
    r"国际|全国|全省|全市|地方|线上|线下|视频|电视电话|专题|紧急|工作|领导人|部长级?|理事|代表|女性|大型|主题|分|"
    r"政企|企业|专家|媒体|网络|现场|民营企业|外资企业)*"
    r"(?:会议|大会|峰会|论坛|年会|全会|座谈会|博览会|交易会|展览会|洽谈会|工作会议|常务会议|全体会议|联席会议|"
    r"动员会|推进会|部署会|调度会|例会|恳谈会|推介会|对接会|招聘会|视频会|"
    r"电视电话会议|视频会议|专题会议|特别会议|部长会议|部长级会议|非正式会议|领导人会议)$")
# what is left of a name without its title, year and ordinal: 第二届论坛 is only a 论坛
_BARE = re.compile(r"^(?:《[^》]*》)?(?:\d{4}年?)?(?:第[一二三四五六七八九十百\d]+[届次])?")
_INNER_VERB = re.compile(r"举行|召开|举办|主办|承办|筹办|出席|参加|参与|主持|承接|开展|用好|办好|推动|支持|反对|期待|祝贺|"
                         r"围绕|落实|贯彻|学习|宣布|致信|日电|向|从|在|的|是|于")
# a meeting described, not named: 这次会议是今年…首场部长级会议
_DEICTIC = re.compile(r"这次|本次|此次|这场|今年|去年|明年|首场|首次|每年|近期|最近|上述|相关|有关|该|历次|^(?:\d{4}年?)?全[市省区县州]")
# a mention that is the meeting just reported: 此次国常会, 国务院常务会议指出
_THIS_ONE = re.compile(r"(?:此次|本次|这次|该次)$")
_REPORTED = re.compile(r"(?:还|也|并|会上)?(?:指出|强调|决定|确定|要求|认为|提出|部署|听取|审议|通过|明确)")
# a meeting with no name of its own, right after its host's verb of holding
_UNNAMED = re.compile(r"(?:召开|举行|主持召开|组织召开)了?(?P<word>(?:专题|视频|电视电话|常务|全体|党组|党委|专题视频|紧急|扩大)?会议|座谈会)"
                      r"(?=[，。；：、\s对就研究部署传达听取审议]|$)")
_NUMBERED = re.compile(r"第(?P<n>[一二三四五六七八九十百\d]{1,5})次(?P<kind>(?:全体|常务|委务|部务|局务|主任办公|党组|专题)?会议)")
# a day right before a frequent meeting: 3月21日，国务院常务会议 / 5月25日召开的国务院常务会议
_DATED = re.compile(r"\d{1,2}日[，,]?(?:(?:召开|举行)?的)?$")
# verbs of holding, between the host and the event (国家发展改革委组织召开…, 商务部举办的…)
_HOLD = re.compile(r"(?:（[^）]{1,12}）)?(?:在[^，。；\n]{1,12}?)?(?:主持|组织|联合|共同)?(?:召开|举行|举办|主办|承办|开展)(?:了|的)?$")
# after the name: …由商务部主办
_HOSTED_BY = re.compile(r"^(?:将|已)?由(?P<host>[^，。；\n]{2,20}?)(?:主办|举办|承办|召开)")
HOST_KINDS = ("GovernmentBody", "Organization", "Company", "MediaOutlet")
PLACE_KINDS = ("City", "AdministrativeArea")
_EDITION = re.compile(r"(?:（[^）]{1,12}）)?(?:第|\d{4})")


@lru_cache(maxsize=1)
def lexicon() -> list[dict]:
    return gazetteer.load_yaml((LEXICON_DIR / "events.yaml").read_text(encoding="utf-8")) or []


@lru_cache(maxsize=1)
def _lexicon_matcher() -> Matcher:
    # (a dictionary automaton: a regex alternation of every name was tried at every position)
    return Matcher((s, e) for e in lexicon() for s in (e["name"], *(e.get("aliases") or [])))


# what may stand right before a recurring event's name: its year, its ordinal (2021年, 第四届)
_EDITION_BEFORE = re.compile(r"(?P<year>\d{4}年?)?(?P<ord>第[一二三四五六七八九十百\d]{1,5}届)?$")


def _num(han: str) -> int:
    return int(han) if han.isdigit() else int(parse_chinese(han) or 0)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _session(m: re.Match) -> tuple[str, str, str, str] | None:
    """(key, label, English name, host's key) of a numbered session matched by one of the patterns."""
    g = m.groupdict()
    pat = m.re
    if pat is _PLENUM:
        term, n = _num(g["term"]), _num(g["n"])
        # 五届三中全会 alone could be any body's: the party or a term of eleven or more says it
        if not g["party"] and not g["cc"] and term < 11:
            return None
        return (f"event:cpc-cc-{term}-plenum-{n}", f"中国共产党第{g['term']}届中央委员会第{g['n']}次全体会议",
                f"{_ordinal(n)} Plenary Session of the {_ordinal(term)} Central Committee of the Communist Party of China",
                "cpc-central-committee")
    if pat is _CONGRESS:
        han = g["n"] or g["n2"] or g["n3"]
        n = _num(han)
        return (f"event:cpc-congress-{n}", f"中国共产党第{han}次全国代表大会",
                f"{_ordinal(n)} National Congress of the Communist Party of China", "cpc")
    if pat is _NPC:
        han_t = g["term"] or g["term2"] or g["term3"]
        han_n = g["n"] or g["n2"] or g["n3"]
        term, n = _num(han_t), _num(han_n)
        if g["sc"] or g["sc2"]:
            return (f"event:npcsc-{term}-{n}", f"第{han_t}届全国人民代表大会常务委员会第{han_n}次会议",
                    f"{_ordinal(n)} Session of the Standing Committee of the {_ordinal(term)} National People's Congress",
                    "npc-standing-committee")
        return (f"event:npc-{term}-{n}", f"第{han_t}届全国人民代表大会第{han_n}次会议",
                f"{_ordinal(n)} Session of the {_ordinal(term)} National People's Congress", "npc")
    han_t = g["term"] or g["term2"] or g["term3"]
    han_n = g["n"] or g["n2"] or g["n3"]
    term, n = _num(han_t), _num(han_n)
    return (f"event:cppcc-{term}-{n}", f"中国人民政治协商会议第{han_t}届全国委员会第{han_n}次会议",
            f"{_ordinal(n)} Session of the {_ordinal(term)} National Committee of the CPPCC", "cppcc")


def _crosses(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether a mention overlaps the span without lying inside it (or holding it)."""
    s, e = span
    return any(a < e and s < b and not (s <= a and b <= e) for a, b in spans)


def _host(text: str, start: int, end: int, orgs: list[Mention], own_words: bool = True) -> Mention | None:
    """The organisation holding the event named at text[start:end], if the text says."""
    for o in orgs:
        if o.span.end <= start and start - o.span.end <= 24 and _HOLD.search(text[o.span.end:start]) \
                and not re.search(r"[，。；\n]", text[o.span.end:start]):
            return o
    m = _HOSTED_BY.match(text[end:end + 24])
    if m:
        s, e = end + m.start("host"), end + m.end("host")
        inside = [o for o in orgs if s <= o.span.start and o.span.end <= e]
        if inside:
            return inside[0]
    # the name's own first words, before an edition: APEC第27届贸易部长会议, 国家发展改革委第18次委务会议
    for o in orgs if own_words else ():
        if o.span.start == start and end - o.span.end >= 4 and _EDITION.match(text, o.span.end):
            return o
    return None


# between a press conference's host and the conference: 国新办就…举行, 在国务院新闻办举行的10月份…,
# 工信部“…”主题, 商务部新闻发言人高峰近日在, or nothing (国新办发布会)
_PRESS_GAP = re.compile(
    r"(?:（[^）]{1,12}）)?(?:"
    r"(?:就[^，。；\n]{1,30}?|在[^，。；\n]{1,12}?|今日|近日|日前)?(?:召开|举行|举办)(?:了|的)?[^，。；\n]{0,30}"
    r"|“[^”\n]{1,40}”(?:主题|专题|系列主题)?(?:例行)?"
    r"|(?:新闻)?发言人[^，。；\n]{1,30}?在[^，。；\n]{0,12}?"
    r"|(?:例行|主题|专题)?)")


def press_kind(word: str) -> str:
    """例行记者会, 新闻发布会, 发布会: one kind (新闻发布会); 吹风会 and 新闻通气会 are kinds of their own."""
    return "吹风会" if "吹风会" in word else "新闻通气会" if "通气会" in word else "新闻发布会"


# what stands before 新闻发布会 and is its name: a topic ending in 情况/工作/发展…, a quoted theme
# (“中国这十年”系列主题), a month's figures (10月份国民经济运行情况)
_PRESS_TOPIC = re.compile(r"(?:“[^“”\n]{2,30}”(?:系列)?(?:主题|专题)?(?:例行)?"
                          r"|(?:\d{4}年|\d{1,2}月份?)?[\u4e00-\u9fff、]{2,24}?(?:情况|工作|发展|进展|成效|数据|政策|举措|专题|主题))$")
_TOPIC_NOT = re.compile(r"举行|召开|举办|出席|主持|发言人|表示|介绍|的|在|就|日前|近日|今日|此前")


def press_topic(text: str, start: int, host_end: int) -> str:
    """The words right before a press conference's kind that name it, if any (never the host's,
    never a verb's: 在国务院新闻办举行的10月份国民经济运行情况新闻发布会 gives 10月份…情况)."""
    lo = max(host_end, start - 32, 0)
    m = _PRESS_TOPIC.search(text, lo, start)
    if not m:
        return ""
    topic = m.group()
    # the topic starts after the last verb, preposition or 的 in it
    cut = max((v.end() for v in _TOPIC_NOT.finditer(topic)), default=0)
    topic = topic[cut:]
    return topic if len(topic) >= 4 and topic.count("“") == topic.count("”") else ""


class Hosts:
    """The organisations of an article by where they end, to find those just before a position
    without scanning them all (an article may hold thousands)."""

    def __init__(self, mentions: list[Mention]):
        orgs = sorted((m for m in mentions if m.span is not None and m.kind in HOST_KINDS), key=lambda m: m.span.end)
        self.orgs = orgs
        self.ends = [m.span.end for m in orgs]

    def before(self, start: int, reach: int) -> list[Mention]:
        """The organisations ending within `reach` characters before `start`, nearest first."""
        lo, hi = bisect.bisect_left(self.ends, start - reach), bisect.bisect_right(self.ends, start)
        return self.orgs[lo:hi][::-1]


def press_host(text: str, start: int, hosts: Hosts) -> Mention | None:
    """The organisation holding the press conference that starts at `start`: the nearest one
    before it in its sentence, joined to it by a verb of holding, a topic, its spokesperson, or
    nothing at all."""
    for o in hosts.before(start, 60):
        if _PRESS_GAP.fullmatch(text, o.span.end, start):
            return o
    return None


def find(text: str, mentions: list[Mention], date: str = "", article_id: str = "") -> list[tuple[int, int, str, dict]]:
    """Events in `text` as (start, end, rule, attrs) with attrs key, label, en (when known),
    series (the recurring event an edition belongs to), organizer (a mention, when the text names
    the host), host_key (the lexicon's fixed host) and date (a meeting named only by its host:
    the day the sentence gives, else `date`, the article's; none when the sentence says 近日 and
    names no day, and the meeting is then the article's own, `article_id`)."""
    spans = [(m.span.start, m.span.end) for m in mentions if m.span is not None]
    orgs = sorted((m for m in mentions if m.span is not None and m.kind in HOST_KINDS),
                  key=lambda m: -m.span.start)          # nearest first when searching backwards
    found: list[tuple[int, int, str, dict]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b, _, _ in found)

    titles = [(m.span.start, m.span.end) for m in mentions if m.span is not None and m.kind in ("Document", "Law", "Work")]

    def in_title(s: int, e: int) -> bool:      # 《中国共产党第二次全国代表大会宣言》: a document's words
        return any(a <= s and e <= b and (a, b) != (s, e) for a, b in titles)

    for scan in _SESSION_SCANS:
        for m in scan.finditer(text):
            got = _session(m)
            if got is None or not free(*m.span()) or in_title(*m.span()):
                continue
            key, label, en, host = got
            found.append((m.start(), m.end(), "event-session", {"key": key, "label": label, "en": en, "host_key": host}))
    for s_name, e, _, entry in _lexicon_matcher().find(text):
        m = _EDITION_BEFORE.search(text, max(0, s_name - 12), s_name)
        s = m.start() if m.group("year") or m.group("ord") else s_name
        if not free(s, e) or _crosses((s, e), spans):
            continue
        attrs = {"key": f"event:{entry['key']}", "label": entry["name"], "en": entry.get("en")}
        if entry.get("host"):
            attrs["host_key"] = entry["host"]
        if in_title(s, e):
            continue
        # an edition: 2021年世界人工智能大会, 第四届进博会, or a frequent meeting's day
        # (3月21日，国务院常务会议; 5月25日召开的国务院常务会议)
        edition = None
        if m.group("ord"):
            n = _num(m.group("ord")[1:-1])
            edition = (str(n), f"第{_han(n)}届{entry['name']}", f"{_ordinal(n)} {entry['en']}" if entry.get("en") else None)
        elif m.group("year"):
            year = m.group("year")[:4]
            edition = (year, f"{year}年{entry['name']}", f"{entry['en']} {year}" if entry.get("en") else None)
        elif entry.get("frequent") and _DATED.search(text, max(0, s - 16), s):
            when = day(text, s, date, fallback=False)
            if when:
                edition = (when, f"{entry['name']}（{when}）", f"{entry['en']} ({when})" if entry.get("en") else None)
        elif entry.get("annual"):
            # 今年的APEC领导人会议, 2014年，…主持召开亚太经合组织领导人非正式会议: that year's
            # (the 2014 and the 2021 meetings are not one event); one named alone is the series
            year = editions.year_before(text, s, editions.article_day(date)) or editions.year_held(text, s)
            if year:
                edition = (year, f"{year}年{entry['name']}", f"{entry['en']} {year}" if entry.get("en") else None)
        if edition is not None:
            # (the series' fixed host holds each edition too)
            attrs = {"key": f"event:{entry['key']}:{edition[0]}", "label": edition[1], "en": edition[2],
                     "series": {k: v for k, v in attrs.items()},
                     **({"host_key": entry["host"]} if entry.get("host") else {})}
        found.append((s, e, "event-lexicon", attrs))
    # 3月21日，国务院常务会议确定… 此次国常会决定… 国务院常务会议指出…: later mentions of a frequent
    # meeting that say 此次 or report what it said are the day's meeting, when the article dates
    # one meeting of that series before them (a mention of the series at large stays the series)
    dated: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for s, e, rule, attrs in found:
        if rule == "event-lexicon" and attrs.get("series") and re.search(r":\d{4}-\d{2}-\d{2}$", attrs["key"]):
            dated[attrs["series"]["key"]].append((s, attrs))
    for i, (s, e, rule, attrs) in enumerate(found):
        before = {a["key"]: a for s_, a in dated.get(attrs["key"], ()) if s_ < s} if rule == "event-lexicon" else {}
        if len(before) == 1 and (_THIS_ONE.search(text, max(0, s - 3), s) or _REPORTED.match(text, e)):
            found[i] = (s, e, rule, dict(next(iter(before.values()))))
    # 国家发展和改革委员会第18次委务会议, 国务院西部地区开发领导小组第二次会议: a body's numbered meeting
    for m in _NUMBERED.finditer(text):
        s, e = m.span()
        host = next((o for o in orgs if o.span.end == s), None)
        if host is None or not free(host.span.start, e) or in_title(host.span.start, e):
            continue
        rest = f"第{_han(_num(m.group('n')))}次{m.group('kind')}"
        attrs = {"key": f"event:{host.key or host.text}/{rest}", "label": host_name(host) + rest, "organizer": host}
        # 已经2021年9月18日国家发展和改革委员会第18次委务会议审议通过: the day written right before it
        dm = re.search(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:召开的|举行的|的)?$",
                       text[max(0, host.span.start - 16):host.span.start])
        if dm:
            try:
                attrs["date"] = datetime.date(int(dm.group(1)), int(dm.group(2)), int(dm.group(3))).isoformat()
            except ValueError:
                pass
        found.append((host.span.start, e, "numbered-meeting", attrs))
    for m in _NAMED_SCAN.finditer(text):
        s, e = m.span("name")
        name = m.group("name")
        # the longest name from a boundary may hold a verb (亚太经合组织（APEC）举行第二十八届…):
        # the name starts after it
        cut = max((v.end() for v in _INNER_VERB.finditer(name)), default=0)
        if cut:
            s, name = s + cut, name[cut:]
        if name.startswith("“") and name.count("“") > name.count("”"):      # 举行的“2021…论坛”
            s, name = s + 1, name[1:]
        if name.startswith("了"):                                           # 召开了…动员会
            s, name = s + 1, name[1:]
        if _DEICTIC.search(name):
            continue
        bare = _BARE.sub("", name)
        if len(name) < 4 or _GENERIC.fullmatch(bare) or not free(s, e) or _crosses((s, e), spans) \
                or name.count("“") != name.count("”") or name.count("（") != name.count("）"):
            continue
        attrs = {"label": name}
        # 9月6日，郑州召开…动员会; 11月17日，…电视电话会议召开: the day that opens its sentence,
        # for the event the sentence holds (not one it only cites: 按照国务院常务会议要求)
        sentence = max(text.rfind(c, 0, s) for c in "。！？\n") + 1
        clause = max(text.rfind(c, 0, s) for c in "，。；！？\n") + 1
        held = re.search(r"(?:召开|举行|举办)(?:了|的)?$", text[max(clause, s - 4):s]) \
            or re.match(r"[^，。；]{0,10}?(?:召开|举行|举办)", text[e:e + 14])
        if held and _DAY_OPENS.match(text, sentence) and not vague_day(text, s):
            when = day(text, s, date, fallback=False)
            if when:
                attrs["date"] = when
        # 2021两岸企业家紫金山峰会7日以视频连线方式…举行: the day written after the name
        after = _DAY_AFTER.match(text, e)
        if "date" not in attrs and after and not vague_day(text, s):
            when = day(text, after.end("day"), date, fallback=False)
            if when:
                attrs["date"] = when
        found.append((s, e, "named-event", attrs))
    # 农业农村部召开视频会议, 财政部召开会议: a meeting named only by its host and its day
    for m in _UNNAMED.finditer(text):
        s, e = m.span("word")
        host = _host(text, s, e, orgs, own_words=False)
        if host is None or not free(s, e) or _crosses((s, e), spans):
            continue
        name = host_name(host)
        # (近日，财政部召开会议: a day the article does not give makes it this article's meeting)
        when = "" if vague_day(text, s) else day(text, s, date)
        found.append((s, e, "hosted-meeting", {
            "key": f"event:{name}{m.group('word')}:{when or article_id}", "label": f"{name}{m.group('word')}"
            + (f"（{when}）" if when else ""), "date": when or None, "organizer": host}))
    # a name found once is the same event wherever else the article writes it (关税特别会议最终…)
    for s0, e0, rule, attrs in list(found):
        if rule not in ("named-event", "numbered-meeting"):
            continue
        name = text[s0:e0]
        for m in occurrences(name, text):
            s, e = m.span()
            if free(s, e) and not _crosses((s, e), spans) and not in_title(s, e):
                found.append((s, e, "event-propagation", {k: v for k, v in attrs.items() if k != "organizer"}))
    places = sorted((m for m in mentions if m.span is not None and m.kind in PLACE_KINDS and m.key),
                    key=lambda m: -m.span.start)
    out = []
    keyed: dict[str, tuple[str, str]] = {}      # a name's key and label where this article gave its host
    for s, e, rule, attrs in sorted(found, key=lambda t: t[0]):
        if "key" in attrs:
            if not attrs.get("host_key") and not attrs.get("series", {}).get("host_key"):
                host = _host(text, s, e, orgs)
                if host is not None:
                    attrs["organizer"] = host
            out.append((s, e, rule, attrs))
            continue
        # a name of its own: one event per host and name (two provinces each hold a
        # 根治欠薪…电视电话会议); its label is spelled from its key, so every article names it alike
        host = _host(text, s, e, orgs)
        # 青海召开…会议, 内蒙古自治区根治欠薪…会议: the province's own meeting
        held_by_place = None if host is not None else _host(text, s, e, places, own_words=False)
        if held_by_place is not None and text[held_by_place.span.start - 1:held_by_place.span.start] == "在":
            held_by_place = None        # 在广州召开的…大会: where it was held, not who held it
        where = host or held_by_place \
            or next((p for p in places if p.span.start == s and e - p.span.end >= 6), None)
        if held_by_place is not None and (held_by_place.key or "").startswith("division:"):
            # 青海召开…会议: the province's government held it (a mention of its own, on the
            # place's words, for the hosting fact)
            host = Mention(text=held_by_place.text, kind="GovernmentBody", span=held_by_place.span, confidence=0.6,
                           rule="place-host", key="gov:" + held_by_place.key.split(":", 1)[1])
        name = _canonical(attrs["label"])
        if where is not None and where.key:
            rest = name
            if where.span.start == s:        # APEC第27届…: the host's own words open the name
                rest = _canonical(re.sub(r"^（[^）]{1,12}）", "", text[where.span.end:e]))
            lead = host_name(where)
            attrs["key"] = f"event:{where.key}/{rest}"
            attrs["label"] = rest if rest.startswith(lead) else lead + rest
            # WTO第12届部长级会议: the 12th edition of the lexicon's series that WTO holds
            edition = _hosted_edition(where.key, rest)
            if edition is not None:
                attrs.update(edition)
            keyed.setdefault(name, (attrs["key"], attrs["label"]))
        if host is not None:
            attrs["organizer"] = host
        out.append((s, e, rule, attrs))
    for s, e, rule, attrs in out:
        if "key" not in attrs:
            name = _canonical(attrs["label"])
            attrs["key"], attrs["label"] = keyed.get(name, (f"event:{name}", name))
    return sorted(out, key=lambda t: (t[0], t[1]))


_DAY = re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日|(?<![月\d])(?P<d2>\d{1,2})日"
                  r"|(?P<rel>昨天|昨日|前天|今天|今日|当天|当日)")
_RELATIVE = {"昨天": -1, "昨日": -1, "前天": -2, "今天": 0, "今日": 0}


def _hosted_edition(host_key: str, rest: str) -> dict | None:
    """第十二届部长级会议 held by org:wto: an edition of the recurring event the lexicon says WTO
    holds whose name ends so (世贸组织部长级会议): key, label and series of that edition."""
    m = re.fullmatch(r"第([一二三四五六七八九十百]+)届(.{2,})", rest)
    if not m or not host_key.startswith("org:"):
        return None
    entry = next((e for e in lexicon() if e.get("host") == host_key[4:] and e["name"].endswith(m.group(2))), None)
    if entry is None:
        return None
    n = _num(m.group(1))
    series = {"key": f"event:{entry['key']}", "label": entry["name"], "en": entry.get("en"), "host_key": entry["host"]}
    return {"key": f"event:{entry['key']}:{n}", "label": f"第{_han(n)}届{entry['name']}",
            "en": f"{_ordinal(n)} {entry['en']}" if entry.get("en") else None, "series": series}


_DAY_OPENS = re.compile(r"\s*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日|\s*(?:昨天|今天|昨日|今日)")
_VAGUE = re.compile(r"近日|日前|前不久|不久前|近期|此前|上周|前些天")


def vague_day(text: str, before: int) -> bool:
    """商务部新闻发言人高峰近日在例行新闻发布会上: the sentence says the day is not the article's,
    and names none (so the event has no day kg can give, rather than the article's)."""
    start = max(text.rfind(c, 0, before) for c in "。！？\n") + 1
    return _VAGUE.search(text, start, before) is not None and not _DAY.search(text, start, before)


_DAY_AFTER = re.compile(r"(?P<day>(?:\d{1,2}月)?\d{1,2}日)(?:上午|下午|晚间|晚)?[^，。；]{0,24}?(?:召开|举行|举办|开幕|闭幕|启幕)")


def day(text: str, before: int, date: str, fallback: bool = True) -> str:
    """The day the sentence gives before `before` (3月31日，农业农村部召开…; 昨天（23日）; 当天),
    as a date: a month and day are in the year the paragraph last named (a history: 1925年…
    5月28日), else the article's (the year before when the day would come after the article);
    a day alone is in the article's month, 昨天 the day before it, 当天 the day last named.
    Without one: the article's own date (`fallback`), else ""."""
    none = date if fallback else ""
    start = max(text.rfind(c, 0, before) for c in "。！？\n") + 1
    hits = list(_DAY.finditer(text, start, before))
    if not hits or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date[:10]):
        return none
    m = hits[-1]
    art = datetime.date.fromisoformat(date[:10])
    try:
        if m.group("rel") in _RELATIVE:
            return (art + datetime.timedelta(days=_RELATIVE[m.group("rel")])).isoformat()
        if m.group("rel"):                  # 当天: the last day named before, in the article
            prev = [x for x in _DAY.finditer(text, max(0, start - 400), start) if x.group("m")]
            return day(text, prev[-1].end(), date, fallback) if prev else none
        if m.group("d2"):
            d = int(m.group("d2"))
            when = art.replace(day=d)
            if when > art:                  # the 30th, read on the 2nd: last month's
                when = (art.replace(day=1) - datetime.timedelta(days=1)).replace(day=d)
            return when.isoformat()
        month, d = int(m.group("m")), int(m.group("d"))
        year = m.group("y")
        if year is None:                    # the paragraph's year, if it named one
            para = text.rfind("\n", 0, m.start()) + 1
            years = re.findall(r"(\d{4})年", text[para:m.start()])
            year = years[-1] if years else None
        if year is not None:
            return datetime.date(int(year), month, d).isoformat()
        when = datetime.date(art.year, month, d)
        return (when.replace(year=art.year - 1) if when > art else when).isoformat()
    except ValueError:                      # 2月30日, 13月1日
        return none


def host_name(host: Mention) -> str:
    """The host as its key names it (APEC and 亚太经合组织 spell one host)."""
    if host.key and host.key.startswith("org:"):
        entry = gazetteer.org_by_key().get(host.key[4:])
        if entry is not None:
            return entry.name
    if host.key and host.key.startswith("division:"):
        div = gazetteer.divisions().get(host.key.split(":", 1)[1])
        if div is not None:
            return div.name
    return host.text


def _canonical(name: str) -> str:
    """第28届 and 第二十八届 spell one ordinal: the official Han numerals."""
    return re.sub(r"第(\d{1,3})(届|次)", lambda m: f"第{_han(int(m.group(1)))}{m.group(2)}", name)


def _han(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    return digits[hundreds] + "百" + ("" if not rest else ("零" + digits[rest] if rest < 10 else
                                                           (digits[rest // 10] + "十" + (digits[rest % 10] if rest % 10 else ""))))
