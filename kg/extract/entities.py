"""Entity mentions: gazetteers first, then patterns, each with its rule and confidence.

Layers (highest confidence first):
1. gazetteers (Aho-Corasick, leftmost-longest): organisations and media, administrative
   divisions, countries, named regions, programmes;
2. patterns: 《titles》 as documents; post + name (商务部新闻发言人高峰) and name + speech verb
   (高峰表示) as persons; place + government-body suffix (江苏省商务厅); company suffixes;
3. propagation: a name found as a person once is a person wherever else it appears in the
   article (so 高峰 is a person only in articles where a pattern made it one — 早高峰 never).

The person patterns live in person_names.py, the government-body suffixes and keys in
gov_bodies.py.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

import regex

from .. import gazetteer, limits
from ..lexicon import _DIR as LEXICON_DIR
from ..lexicon import posts
from ..readers.frontmatter import day_in_china
from ..model import Mention, Records, Span
from . import editions, events
from .automaton import Matcher
from .scan import Anchored, occurrences
from .gov_bodies import (BANK_END, BARE_BODY_SUFFIXES, BRANCH_SUFFIX, COUNTY_ONLY, COURT_WORD_GOES_ON, SHORT_COURTS,
                         SUFFIX_LAST_CHARS, body_key, gov_suffix_res, government_key)
from .person_names import TRANSLITERATION_CHARS as _TRANSLIT_CHARS
from .person_names import (anonymised_names, coordinated_names, names_after_bodies, persons_by_pattern,
                           persons_dealt_with_elsewhere, titled_surnames, young_by_surname)
from .base import Context, FunctionExtractor, UserPatternTimeout


# what stands between a place and 政府工作报告 in a local report's name: 人民 (上海市人民政府工作报告),
# a year (广东省2022年政府工作报告), or only a kind of division (省政府工作报告, 海南省委省政府工作报告)
_LOCAL_REPORT_LEAD = re.compile(r"(?:(?:19|20)\d{2}年|今年|去年)?(?P<people>人民)?$")
_DIVISION_KIND_CHARS = "省市区县州盟旗"


def _annual_edition(doc: dict, text: str, start: int, date: str) -> dict:
    """{"year": …} for a document issued each year (今年的政府工作报告: the article's year's; alone:
    the latest issued by the article's day), else {}."""
    if not doc.get("issued"):
        return {}
    day = editions.article_day(date)
    year = editions.year_before(text, start, day)
    if year:
        return {"year": year, "year_by": "words"}
    year = editions.latest_issued(str(doc["issued"]), day, doc.get("issued_in") or {})
    return {"year": year, "year_by": "latest"} if year else {}


@lru_cache(maxsize=256)
def _user_regex(source: str) -> "regex.Pattern":
    return regex.compile(source)


NAME = "entities"
VERSION = "83"
TAG = f"{NAME}@{VERSION}"
HAN = r"\u4e00-\u9fff"

MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
# 2-character short forms of divisions that are also everyday words
AMBIGUOUS_SHORT = {"东方", "和平", "新华", "长安", "白云", "城关", "开放", "永定", "中山", "朝阳", "普陀",
                   "宝山", "通州", "海口", "江南", "江北", "河东", "河西", "城中", "城东", "城西", "城南",
                   "城北", "市中", "郊区", "矿区", "新城", "青山", "平安", "太平", "永安", "安宁", "长寿",
                   "和田", "吉安", "兴安", "乐平", "东至", "大同", "大通", "新兴", "汇川", "龙华", "西安",
                   "南海", "东海", "北海", "黄山", "华山", "金山", "宁波", "泰州", "江苏"}
KEEP_SHORT = {"西安", "宁波", "泰州", "江苏", "黄山", "北海", "大同", "中山", "海口", "吉安", "和田"}


_EXTRA_PROGRAMMES: list[dict] = []


def set_extra_programmes(entries: list[dict]) -> None:
    _EXTRA_PROGRAMMES[:] = [dict(e) for e in entries]
    programmes.cache_clear()


@lru_cache(maxsize=1)
def _document_index() -> dict[str, dict]:
    return {surface: d for d in documents() for surface in (d["name"], *(d.get("aliases") or []))}


def clear_caches() -> None:
    _matcher.cache_clear()
    _same_name_divisions.cache_clear()
    programmes.cache_clear()


@lru_cache(maxsize=1)
def _same_name_divisions() -> dict[str, tuple[str, ...]]:
    """Full names that several divisions share (南山区 in 深圳 and in 鹤岗, 朝阳区 in 北京 and 长春)."""
    divs = gazetteer.divisions()
    out = {}
    for surface, codes in gazetteer.division_index().items():
        full = sorted({c for c in codes if c in divs and surface in (divs[c].name, *divs[c].former_names)})
        if len(full) > 1:
            out[surface] = tuple(full)
    return out


def _division_in_context(text: str, start: int, codes: tuple[str, ...], default: str) -> str:
    """Of divisions sharing a name, the one whose city or province was named last before it (深圳市…
    南山区 is 深圳's), else the one named first after it, else `default`."""
    best, best_pos = default, -1
    after, after_pos = None, len(text) + 1
    for code in codes:
        for a in gazetteer.ancestors(code):
            for form in {a.name, a.short}:
                if not form or len(form) < 2:
                    continue
                pos = text.rfind(form, 0, start)
                if pos > best_pos:
                    best, best_pos = code, pos
                nxt = text.find(form, start)
                if 0 <= nxt < after_pos:
                    after, after_pos = code, nxt
    return best if best_pos >= 0 else (after or default)


@lru_cache(maxsize=1)
def documents() -> list[dict]:
    return gazetteer.load_yaml((LEXICON_DIR / "documents.yaml").read_text(encoding="utf-8")) or []


@lru_cache(maxsize=1)
def programmes() -> list[dict]:
    shipped = gazetteer.load_yaml((LEXICON_DIR / "programmes.yaml").read_text(encoding="utf-8")) or []
    user_keys = {e.get("key") for e in _EXTRA_PROGRAMMES}
    return [p for p in shipped if p["key"] not in user_keys] + [
        {"key": e.get("key") or e["name"], "name": e["name"], "aliases": list(e.get("aliases") or []),
         "en": e.get("en")} for e in _EXTRA_PROGRAMMES]


def place_kind(div) -> str:
    if div.code in MUNICIPALITIES or div.name.endswith("市"):
        return "City"
    return "AdministrativeArea"


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    entries: dict[str, tuple] = {}

    def put(surface: str, payload: tuple, weight: int):
        surface = surface.strip()
        if len(surface) < 2:
            return
        cur = entries.get(surface)
        if cur is None or weight > cur[0]:
            entries[surface] = (weight, payload)

    divs = gazetteer.divisions()
    for surface, codes in gazetteer.division_index().items():
        cands = [divs[c] for c in codes if c in divs]
        if not cands:
            continue
        full = [d for d in cands if surface in (d.name, *d.former_names)]
        if full:
            best = min(full, key=lambda d: (d.level, d.code))
            put(surface, ("place", best.code, "gazetteer-division", 0.95), 3)
            continue
        # short form: only for province/prefecture level, and not an everyday word
        cands = [d for d in cands if d.level <= 2]
        if not cands or (surface in AMBIGUOUS_SHORT and surface not in KEEP_SHORT):
            continue
        levels = sorted({d.level for d in cands})
        top = [d for d in cands if d.level == levels[0]]
        if len(top) == 1:
            put(surface, ("place", top[0].code, "gazetteer-division-short", 0.85), 2)
    for surface, entry in gazetteer.country_index().items():
        put(surface, ("country", entry, "gazetteer-country", 0.9), 3)
    for surface, entry in gazetteer.region_index().items():
        put(surface, ("region", entry, "gazetteer-region", 0.85), 3)
    for surface, city in gazetteer.cities().items():
        put(surface, ("city", city, "gazetteer-city", 0.8), 1)
    for surface, entry in gazetteer.org_index().items():
        put(surface, ("org", entry, "gazetteer-org", 0.95), 4)
    for prog in programmes():
        for surface in (prog["name"], *(prog.get("aliases") or [])):
            # (“一带一路”倡议 keeps both its quotes: its outer ones stripped would leave 一带一路”倡议)
            put(surface if "”" in surface.strip("“”") else surface.strip("“”"),
                ("programme", prog, "gazetteer-programme", 0.9), 4)
    for doc in documents():
        for surface in (doc["name"], *(doc.get("aliases") or [])):
            put(surface, ("document", doc, "gazetteer-document", 0.85), 4)
    stop = gazetteer.stopwords()
    return Matcher((s, p) for s, (w, p) in sorted(entries.items()) if s not in stop)


_TITLE = re.compile(r"《([^《》\n]{2,80})》")
# a document's title written without 《》: 商务部等13部门关于促进绿色智能家电消费若干措施的通知,
# 发布了关于防止经营用途贷款违规流入房地产领域的通知
_BARE_TITLE = re.compile(r"(?<![《“\"])关于[^，。；：《》“”\"\n]{4,60}?的(?:指导意见|实施意见|意见|通知|决定|公告|批复|"
                         r"通报|规定|办法|方案|函)(?![》”\"])")
_BARE_TITLE_LEFT = re.compile(r"(?:发布|印发|出台|下发|公布|颁布|转发|联合发布|联合印发)了?$|"
                              r"(?:部|委|局|院|署|厅|办|行|政府|部门|办公厅|办公室)$")
# an organisation's short name defined after it: （以下简称上海一中院）, （简称“AMC”）
_ORG_ALIAS_DEF = re.compile(r"[（(]\s*(?:以下)?(?:简称|下称)\s*[“\"]?(?P<alias>[^）)“”\"《》，,、\s]{2,12})[”\"]?\s*[）)]")
_ALIAS_DEF = re.compile(r"[（(]\s*(?:以下)?(?:简称|下称|称)\s*[《“\"]([^》”\"]{1,20})[》”\"]\s*[）)]")
# a bare genre word in 《》 is a back-reference to a document named before, not a new one
_GENERIC_TITLES = {"意见", "指导意见", "方案", "规划", "通知", "办法", "决定", "公告", "条例", "纲要", "计划", "细则",
                   "实施意见", "实施方案", "工作方案", "行动方案", "报告", "规定", "若干措施", "措施", "清单", "目录"}
_MEDIA_TITLE = re.compile(r"(?:日报|晚报|时报|商报|早报|周刊|杂志|报|新闻|经济参考|参考消息|新闻周刊|观察)$")
_LAW_TITLE = re.compile(r"(?:法|法典|条例|规定|办法|细则|准则|决定|规则)(?:（[^）]*）)?$")
# what an official document's title ends with: such a title stays a document whatever is around it
_OFFICIAL_TITLE = re.compile(r"(?:意见|通知|方案|规划|计划|纲要|措施|指引|指南|公告|通告|报告|清单|目录|细则|标准|批复|函|"
                             r"协定|协议|公约|宣言|声明|白皮书|决议|章程|安排|名录|分类|基准|表|说明|预算|要点|建议|"
                             r"法|条例|规定|办法|准则|决定|规则)(?:（[^）]*）)?$")
# the words around a 《title》 that make it a book, essay, film or video (a kg:Work) or a periodical
_WORK_BEFORE = re.compile(r"(?:电影|影片|纪录片|电视剧|动画片|综艺|视频|歌曲|小说|著作|专著|新书|书籍|文章|论文|观看|执导|主演|"
                          r"发表了|发表的|撰写的|撰写了|标题叫作|标题为|题为|刊文|刊发|披露案例——|案例——|文章——)$")
_WORK_AFTER = re.compile(r"^(?:一书|一文|论文|文章|的文章|的论文|的署名文章|这本书|书中|这部电影|电影|剧组|上映|票房|导演|影片|纪录片)")
_PERIODICAL_BEFORE = re.compile(r"(?:刊发在|刊登在|发表在|刊载于|刊于|当期|期刊|杂志|学术刊物|加入)$")
# 《中国学术期刊（光盘版）》电子杂志社有限公司: the title is part of a publisher's name, no document
_PUBLISHER_AFTER = re.compile(r"(?:电子杂志社|杂志社|出版社|编辑部|报社|期刊社)")
_PERIODICAL_AFTER = re.compile(r"^(?:季刊|月刊|半月刊|双月刊|周刊|旬刊|杂志|期刊|学报|第[一二三四五六七八九十\d]+期|"
                               r"\d{4}年第\d+期|分两期|上?(?:发表|刊发|刊登|撰文))")


def _title_kinds(text: str) -> dict[str, str]:
    """The titles in 《》 that the words around them show to be a work ("Work") or a periodical
    ("MediaOutlet") rather than a document: 电影《长津湖》, 《楚国的货币》一书, 发表了《我的马克思主义观》,
    刊发在《中国经济史研究》, 《言治》季刊. One such use decides for every use of the title in
    the article; a title that ends like an official document (意见, 通知, 协定 ...) stays one."""
    kinds: dict[str, str] = {}
    for m in _TITLE.finditer(text):
        title = m.group(1).strip()
        if _OFFICIAL_TITLE.search(title):
            continue
        before, after = text[max(0, m.start() - 6):m.start()], text[m.end():m.end() + 8]
        if _PERIODICAL_BEFORE.search(before) or _PERIODICAL_AFTER.match(after):
            kinds[title] = "MediaOutlet"
        elif kinds.get(title) != "MediaOutlet" and (_WORK_BEFORE.search(before) or _WORK_AFTER.match(after)):
            kinds[title] = "Work"
    return kinds

# (a bracketed word belongs to the name: 中技实业（集团）有限公司, 富途证券国际（香港）有限公司)
_COMPANY = re.compile(rf"((?:[{HAN}A-Za-z0-9]|[（(](?:集团|[{HAN}]{{2,4}})[）)]){{2,14}}?)"
                      rf"(股份有限公司|有限责任公司|有限公司|集团有限公司|集团公司|集团)")
# every suffix holds 公司 or 集团, at most 4 characters in, after at most 14 six-character units
_COMPANY_SCAN = Anchored(_COMPANY, "公司|集团", 14 * 6 + 4)
# 海南大学, 中国劳动学会, 吉林大学: bodies named by their kind (one without a place or a proper
# name before the suffix, 该学会, is a back-reference, not a name)
_INSTITUTION_SUFFIX = ("大学|学院|学会|协会|同业公会|研究院|研究所|研究会|研究中心|基金会|商会|联合会|联盟|医院|中学|小学|"
                       "人民法院|法院|人民检察院|检察院")
_INSTITUTION = re.compile(rf"([{HAN}]{{2,14}}?)({_INSTITUTION_SUFFIX})")
_INSTITUTION_SCAN = Anchored(_INSTITUTION, _INSTITUTION_SUFFIX, 14)
_PLACE_MEDIA = re.compile(r"(?:日报|晚报|都市报|广播电视台|电视台|人民广播电台|广播电台)(?:社)?(?!长)")
_SUB_UNIT = re.compile(rf"[{HAN}]{{0,8}}?(?:研究院|研究所|研究中心|学院|分院|分会)")
_UNIT_OF_KNOWN = re.compile(rf"[{HAN}]{{2,8}}?(?:研究院|研究所|研究中心)")
@lru_cache(maxsize=1)
def _unit_posts() -> tuple[str, ...]:
    # posts that could open a research unit's name are no posts here (所长 in 研究所 is the suffix's)
    return tuple(p for p in posts() if len(p) >= 2 and not p.startswith(("研究", "所", "院", "中心")))


# what makes the words between a body and 研究所 a sentence (中科院发布研究所名单, 旗下研究院)
# a national body's department: 国际司, 长江航务管理局, 安全执法和工贸监管局 (a name ending in 司 or 局
# where a word boundary, a post or a verb of speech follows)
_DEPARTMENT = re.compile(rf"(?P<name>(?![和与及、])[{HAN}]{{1,12}}?(?:(?<!公)司|局))"
                         r"(?=[，。；：:“”（(、\s]|有关|相关|负责人|副?司长|副?局长|巡视员|主任|发布|表示|介绍|指出|称|印发|$)")
_NOT_DEPARTMENT = re.compile("有关|相关|核准|批准|处罚|罚款|了|部长|主任|书记|会见|会同|联合|部署|召开|发布|公布|印发|指导|要求|组织|开展|推动|督促|通报|约谈|"
                             "批复|同意|派出|调研|检查|各地|地方|所属|下属|直属|各级|各|在|对|向|将|已|的|等|、|省|市|县|区")


# the offices national bodies keep in each province or city, by the body's key
_LOCAL_OFFICE = {"sta": "税务局", "nbs": "调查总队"}


# a firm's or a university's own body named with it: 腾讯基金会, 浙江大学教育基金会, 中国人民大学法学院,
# 无锡银行南通如皋港支行, 天风证券研究所 (its own organisation, part of the one named first)
_AFFILIATE = re.compile(rf"(?P<name>(?:教育)?基金会|研究院|研究所|校友总会|校友会|(?![和与及、的])[{HAN}]{{1,8}}?(?:学院|分行|支行|分公司))"
                        r"(?![\u4e00-\u9fff]{0,1}(?:院|所|会)(?![长士]))")
_NOT_AFFILIATE = re.compile("和|与|及|的|在|对|向|将|已|等|发布|宣布|联合|成立|设立|旗下|下属|所属|各|了|是|为|由|从")


def _places_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans (in text) of the divisions the gazetteer finds in text[start:end]."""
    return [(start + s0, start + e0) for s0, e0, _, (kind_tag, *_rest) in _matcher().find(text[start:end])
            if kind_tag == "place"]


def _holds_known_org(name: str) -> bool:
    """Does the text hold a body or firm kg knows (商务部和国家统计局: not a department's name)?"""
    idx = gazetteer.org_index()
    return any(name[i:j] in idx for i in range(len(name)) for j in range(i + 2, len(name) + 1))


# what may follow a name: not a character that would make it a longer name
# what makes a known name of three part of a longer word: a doctrine (毛泽东思想, 邓小平理论), a
# firm (弗若斯特沙利文报告: a transliteration going on before it), a report
_NOT_ALONE_AFTER = re.compile(r"思想|理论|主义|报告|研究|咨询|公司|集团|基金|体|式|路线|时代|同志|故居|旧居|纪念|陵|像|健康")


def _LONG_NAME_ALONE(text: str, m: re.Match) -> bool:
    """许家印立下军令状: a known name of three stands alone where no doctrine, firm or report goes
    on after it and no longer name runs into it before."""
    before = text[m.start() - 1:m.start()]
    return not _NOT_ALONE_AFTER.match(text, m.end()) and not (before and "\u4e00" <= before <= "\u9fff"
                                                                 and before in _TRANSLIT_CHARS)


_NAME_ENDS = re.compile(r"$|[^\u4e00-\u9fff]|同|与|和|及|在|的|对|向|是|为|将|已|也|还|就|于|说|称|等|表示|指出|强调|"
                        r"会见|会晤|主持|出席|致|签署|发表|总理|副总理|主席|总书记|委员长|部长|国务委员|同志|先生|女士")
_NOT_UNIT = re.compile("发布|公布|表示|指出|认为|联合|召开|举办|举行|牵头|下属|旗下|所属|有关|相关|主办|承办|会同|组织|开展|"
                       "新建|设有|多个|各个|其他|部分|直属")
# 在海南设立公司, 在上海成立学会: the place is where, the rest is no name
_CREATION_VERBS = re.compile("设立|成立|注册|组建|新设|开设|落户|引进|创办|建立|打造|培育|支持|鼓励|推动|(?<!经济|产业|实业|投资|城市|科技)发展|共有|拥有|各类|全省|全市|本地|当地")
# words that open with 原 (原子能科技有限公司 keeps it)
_YUAN_WORDS = frozenset({"原子", "原油", "原料", "原材", "原创", "原始", "原生", "原野", "原点", "原味", "原声", "原力",
                         "原乡", "原道", "原研", "原浆", "原木", "原色", "原本", "原产", "原装"})
# a list (A、B、C…) and a firm in it by its industry's word; stems that name a kind of firm
_LIST_RUN = re.compile(rf"(?:(?<=[，。；：:“（(\n\s])|^)(?:[{HAN}A-Za-z]{{2,8}}、)+[{HAN}A-Za-z]{{2,12}}")
_SIBLING = re.compile(rf"(?P<stem>[{HAN}A-Za-z]{{2,4}}?)(?P<industry>证券|期货|基金|信托|资产|银行|保险|控股|资本)")
_FIRM_SPEAKS = re.compile(rf"(?:^|(?<=[，。；：:“\n]))(?P<firm>(?P<stem>[{HAN}]{{2,4}}?)(?:证券|期货|基金|信托|资产|银行|保险))"
                          r"(?:则|也|还|亦)?(?:表示|认为|指出|公告称|称|预计|分析认为|透露)")
_INSTITUTE_PUBLISHES = re.compile(
    rf"(?:^|(?<=[，。；：:“\n]))(?P<name>(?P<brand>(?![该这此其本各某一多])[{HAN}A-Za-z0-9]{{2,8}}?)(?:研究院|研究所|研究中心))"
    rf"(?:最新|近日|日前|此前|今年|也|还)?(?:发布|主编|编制|编写|发表|数据显示|报告显示|调查显示|监测显示)")
_GENERIC_STEMS = frozenset({"不少", "一些", "有的", "这家", "这些", "各大", "该", "多数", "少数", "主要", "大部分", "国有", "股份制", "城商", "农商", "外资", "中资", "地方", "大型", "中小", "头部", "上市", "民营",
                            "其他", "部分", "多家", "各家", "商业", "政策性", "开发性", "村镇", "公募", "私募", "券商",
                            "互联网", "网络", "数字", "养老", "社保", "产业", "政府", "国家", "全国", "境外", "外国"})
# the first character of a word that would go on from a county's short name into something else
_COUNTY_NOT_BEFORE = frozenset("大学院银行公司集团路街道站港湾桥号楼区县市镇乡村")
_NATIVE_PLACE = re.compile(rf"(?P<county>[{HAN}]{{2,3}}?)人(?=[，,。；;）)])")
_LEADING_GROUP = re.compile(rf"(?P<task>[{HAN}]{{2,20}}?)(?:工作)?领导小组(?:办公室)?")
# what makes the words before 领导小组 a sentence rather than a name (成立了…领导小组, 承担…职责)
_LEADING_GROUP_NOT = re.compile(r"[了的在由和与及将为是对向从把被]|成立|设立|组建|召开|印发|发布|牵头|负责|承担|按照|要求|建立")
# words that open the text before a firm's suffix without being part of its name
_NAME_LEAD = re.compile(r"(?:通过|经过|依托|借助|委托|协助|收购|入股|旗下|包括|以及|比如|例如)+")
# before a bare 集团: verbs that make it the word "group", not a firm (充分发挥集团优势)
_NOT_FIRM_WORDS = re.compile(r"发挥|依托|通过|加强|推动|整合|打造|组建|做大|做强|带动|依靠|利用")
_LAW_WORD_GOES_ON = frozenset("定人院官律规治制")
# 《询证函》, 《承诺书》: a kind of form, not one document
_FORM_TITLE = re.compile(r"[\u4e00-\u9fff]{1,2}(?:函|表|单|书)")
_NEW_LAW = re.compile(r"^(?:新修订的|新修改的|新修订|新修改|新)(?=.{2,}法$)")
_EDITION_OF = re.compile(r"[（(]\d{4}年版[）)]")
_LEFT_STOP = set("的在与和及对由向从被把将为是等了、，。：；“”‘’（）()《》,.:;!?！？ \n年月日个")


_ZONE_SUFFIX = "新区|经济技术开发区|高新技术产业开发区|高新区|经开区|生态城|保税区|综合保税区"
_ZONE = re.compile(rf"(?:^|(?<=[、，。；：（“\n和及与在]))(?P<name>[{HAN}]{{2,10}}?(?:{_ZONE_SUFFIX}))(?=[、，。；：）”\s和及等]|$)")
_ZONE_SCAN = Anchored(_ZONE, _ZONE_SUFFIX, 10)
_GENERIC_ZONE = re.compile(rf"(?:省级|国家级|市级|县级|各类|各级|全省|全市|全国|一批|多个|部分|新设|现有|所有|该)(?:{_ZONE_SUFFIX})$")
# a programme named by what is built for it: 同意在京津冀、长三角…等8地启动建设国家算力枢纽节点
_PROGRAMME_BUILT = re.compile(rf"(?:启动建设|批准设立|同意设立|获批建设|获批设立)(?P<name>(?:国家|全国)?[{HAN}]{{2,12}}?"
                              rf"(?:枢纽节点|综合试验区|试验区|示范区|先行区|实验区|示范城市))(?=[，。；：、\s和及]|$)")
_PROGRAMME_DEF = re.compile(rf"(?:确定为|列为|评为|认定为|命名为|纳入|入选)[“\"]?(?P<name>[{HAN}“”]{{2,14}}?(?:城市|试点|试验区|示范区|先行区|示范城市|示范县))[”\"]?(?=[，。；：、\s]|$)")
# 开展根治欠薪冬季专项行动, 实施国家黑土地保护工程, 深入推进先进制造业和现代服务业融合发展试点: a
# programme named right after a verb of carrying one out (not 这项试点, 在建工程, 工程师, 计划投资)
_PROGRAMME_DONE = re.compile(rf"(?:组织开展|集中开展|深入开展|开展|深入实施|实施|深入推进|推进|启动|纳入|支持|扩大|落实)"
                             rf"(?P<name>(?!这|此|该|本|各|有关|相关|在建|相应)[{HAN}]{{2,18}}?"
                             rf"(?:专项行动|攻坚行动|试点|重大工程|保护工程|提升工程|治理工程|建设工程))"
                             rf"(?=[，。；：、\s）)》”]|等|和|的|工作|$)")
# “东数西算”工程, “新冠疫苗实施计划”: a quoted name of a programme
_PROGRAMME_QUOTED = re.compile(rf"“(?P<inner>[{HAN}A-Za-z0-9]{{2,14}})”(?P<kind>工程|行动|战略|计划|倡议)?")
_PROGRAMME_WORD = re.compile(r"(?:工程|行动|战略|计划|倡议|试点)$")
_GENERIC_PROGRAMME = re.compile(r"(?:国家|全国)?(?:重大|重点|专项|相关|有关|各项|这些|系列|一系列|国家|全国|配套)?"
                                r"(?:工程|行动|专项行动|计划|试点|战略)")
# a verb inside what the verb pattern took: the name starts after it (支持女性科技人才参加科技人员
# 服务企业专项行动: 科技人员服务企业专项行动; 支持符合条件的地区开展试点: no name)
# words after a place that are no part of the name of its campaign: verbs, adverbs, a round
_PROGRAMME_NOT_NAME = re.compile(r"开展|实施|推进|推动|落实|启动|部署|组织|响应|打响|打好|吹响|参与|参加|举|全面|全力|正式|积极|"
                                 r"持续|深入|继续|扎实|着力|新一轮|又一轮|一轮|各|全|此次|这次|该|今年|去年|的|了|将|在|对|把|和|与|及|等|是")
_VERB_IN_NAME = re.compile(r"参加|参与|开展|实施|推进|进行|组织|落实|启动|申报|争取|列入|纳入|的")
# words no programme's name holds: a quoted clause (“这是长期计划”, “必须坚持创新战略”)
_NOT_PROGRAMME = re.compile(r"这|那|是|我们|你们|他们|要|必须|坚持|应该|应当|不|没|很|都|也|就")
_PRESS_EVENT = re.compile(r"(?P<type>(?:例行|定期)?(?:新闻发布会|记者会|新闻通气会|吹风会)|(?<=召开|举行|举办)发布会)")
# 例行, 新闻 before the anchor (the host is found later: kg.extract.events.press_host)
_PRESS_EVENT_SCAN = Anchored(_PRESS_EVENT, "发布会|记者会|通气会|吹风会", 2 + 2)
# what may stand before a firm named by its place (实际控制上海联璧…, 起诉北京…有限公司)
_BEFORE_FIRM = re.compile(r"(?:控制|收购|受让|转让给|持有|投资|入股|参股|旗下|起诉|状告|诉|与|和|及|向|对|被|由|从|是|为|即|系|称|将|的)$")
_COMPANY_CONTEXT = re.compile(r"(?:则|也|还|亦)?(?:公司|股份|集团|发布公告|公告|股价|宣布|披露|称|表示|认为|指出|预计|分析|透露|回应|涨停|跌停|大涨|大跌|涨|跌|市值|董事|旗下|的股票|A股|H股|控股|年报|半年报|季报|营收|净利)")
# 在上海举办, 在南宁主办: 举办 is a verb, not a 办 (office) of 上海
_VERB_BEFORE_BAN = frozenset("举主承协创开兴包代督查操筹置合")
_COMMON_DISTRICT_WORDS = frozenset({"矿", "城", "郊", "新", "老城", "市中", "高新", "开发", "经济", "城关", "中心", "东城",
                                    "西城", "南城", "北城", "新城", "市辖", "工业", "港", "园"})
_COUNTY_LEFT = set("在和与及的、是等从到至赴于对将由为省市区县州盟，。；：（“ \n")


def _county_boundary(text: str, start: int, div) -> bool:
    """County names hide inside words (沿海城市 holds 海城市): want a word edge or the parent's name."""
    if start == 0 or not ("\u4e00" <= text[start - 1] <= "\u9fff") or text[start - 1] in _COUNTY_LEFT:
        return True
    # 其中溧水区12例: a name of its own (not 其中矿区, 其中老城区, words before they are districts)
    if text[:start].endswith("其中") and len(div.name) >= 3 and div.name[:-1] not in _COMMON_DISTRICT_WORDS:
        return True
    parents = gazetteer.ancestors(div.code)
    return any(text[:start].endswith((p.name, p.short)) for p in parents if p.short)


def _party_committee(text: str, place, end: int) -> bool:
    """甘肃省委, 丽水市委: the party committee of a division written with its level (not 委托,
    委员: the 委 opens another word)."""
    level = place.text[-1:] in ("省", "市", "县", "区", "州", "盟") or text[place.span.end:end - 1] in ("州", "盟")
    return level and text[end - 1:end] == "委" \
        and text[end:end + 1] not in set("托员屈婉任派实身")


def _word_breaks(text: str) -> list[tuple[int, int]]:
    pat = gazetteer.place_word_breaks()
    return [m.span() for m in pat.finditer(text)] if pat is not None else []


def _broken_by(breaks: list[tuple[int, int]], start: int, end: int) -> int | None:
    """Where an everyday word cuts the match [start, end): its start when it overlaps the match
    without lying inside it (均衡 in 均衡水平 cuts 衡水 at 衡's start, so nothing is left), else None."""
    i = bisect.bisect_left(breaks, (start - 8, 0))
    for s, e in breaks[i:]:
        if s >= end:
            break
        if e > start and not (start <= s and e <= end):
            return max(s, start) if s > start else start
    return None


def _place_supported(text: str, start: int, end: int, div, neighbours: list[tuple[int, str]]) -> bool:
    """A short form that is also an everyday word (白银, 长治, 阿里) is a place only beside its
    province or another place of the same province in the sentence around it. `neighbours` are
    the (start, code) of the article's unambiguous place matches (province or prefecture level,
    no homograph), so 城区 or another homograph lends no support."""
    lo = max(text.rfind(c, 0, start) for c in "。！？\n") + 1
    hi = min((i for i in (text.find(c, end) for c in "。！？\n") if i >= 0), default=len(text))
    around = text[lo:start] + "\0" + text[end:hi]
    for a in gazetteer.ancestors(div.code):
        if a.name in around or (a.short and len(a.short) >= 2 and a.short in around):
            return True
    province = div.code[:2]
    i = bisect.bisect_left(neighbours, (lo, ""))
    return any(code[:2] == province and code != div.code and not start <= s_ < end
               for s_, code in neighbours[i:bisect.bisect_left(neighbours, (hi, ""))])


_BARE_GOV = re.compile(r"(?P<level>[省市])(?P<body>(?:人民)?政府|"
                       + "|".join(map(re.escape, BARE_BODY_SUFFIXES)) + ")")
_COUNTRY_ABBREVIATIONS = {"美": "美国", "日": "日本", "韩": "韩国", "俄": "俄罗斯", "英": "英国", "法": "法国",
                          "德": "德国", "澳": "澳大利亚", "加": "加拿大", "印": "印度"}
_PROVINCE_ABBREVIATIONS = {"京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000",
                           "辽": "210000", "吉": "220000", "黑": "230000", "沪": "310000", "苏": "320000",
                           "浙": "330000", "皖": "340000", "闽": "350000", "赣": "360000", "鲁": "370000",
                           "豫": "410000", "鄂": "420000", "湘": "430000", "粤": "440000", "桂": "450000",
                           "琼": "460000", "渝": "500000", "川": "510000", "黔": "520000", "贵": "520000",
                           "滇": "530000", "云": "530000", "藏": "540000", "陕": "610000", "甘": "620000",
                           "陇": "620000", "青": "630000", "宁": "640000", "新": "650000"}
# (a run needs one of these: 云贵, 新宁, 甘青 alone are too often words or names)
_PROVINCE_ABBR_SURE = frozenset("冀晋辽沪浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇陕陇")
_P = "".join(_PROVINCE_ABBREVIATIONS)
# a run: 晋陕蒙 or 晋、陕、蒙、新, then what names provinces as a group (等, 地区, 两地, 交界 …)
_PROVINCE_RUN = re.compile(rf"(?<![{_P}])(?P<run>[{_P}](?:、?[{_P}]){{1,5}})"
                           r"(?=等|地区|一带|两地|三地|两省|三省|四省|交界|主产区|片区|区域|之间|[、，。；）)\s])")
_COUNTRY_ABBR = re.compile(r"(?<=[对自向从])(?P<c>[美日韩俄英法德澳加印])(?=(?:进口|出口|进出口|贸易|投资|直接投资|"
                           r"加征关税|出口额|进口额|贸易顺差|贸易逆差|顺差|逆差))")


# function words that may stand right before a name (报经省政府, 由国办, 与中行, 向峰会)
_FUNCTION_CHARS = frozenset("与为于从即及同向和在对将并或把据由经被请跟")


def _after_boundary(text: str, pos: int, allowed: frozenset | set) -> bool:
    """Does `pos` start a word: no Han character before it, or one of `allowed`?"""
    before = text[pos - 1] if pos > 0 else ""
    return not ("\u4e00" <= before <= "\u9fff") or before in allowed


# what may stand right before an abbreviated organisation name (据央行, 由国办, 与中行)
_ABBR_LEFT = _FUNCTION_CHARS | set("是让给令自随的如受")
_EDITION = re.compile(r"(\d{4})\s*年版\s*$")
# heads that name one organisation of the article when they stand alone (not 公司/银行: too often generic)
_BACK_REF = re.compile(r"峰会|论坛|理事会|协会|商会|研究会|基金会|联合会")
_BACK_REF_AFTER = _FUNCTION_CHARS | set("报按该本此")
# 全省政府系统, 各省政府, 本市政府: no one government is meant
_BARE_GOV_LEFT = set("全各本该外两他多诸此每")
_BARE_GOV_AFTER = _FUNCTION_CHARS | set("报按")


def _government_in_focus(named: list[tuple[int, str]], pos: int, level: str) -> str | None:
    """The division code whose government a bare 省政府 (level 省) or 市政府 (level 市) at `pos`
    means: the province (or city) of the last division named before it, if that is one."""
    before = [code for start, code in named if start < pos]
    if not before:
        return None
    divisions = gazetteer.divisions()
    chain = [divisions[before[-1]]] + list(gazetteer.ancestors(before[-1]))
    for div in chain:
        if level == "省" and div.level == 1 and div.name.endswith("省"):
            return div.code
        if level == "市" and div.name.endswith("市"):
            return div.code
    return None


def title_issuers(title: str) -> list[tuple[int, int, object]]:
    """Organisations that open a title before 关于: 财政部 税务总局 住房城乡建设部关于…, 中共中央国务院关于…"""
    head, sep, _ = title.partition("关于")
    if not sep or not head or len(head) > 40:
        return []
    out = []
    pos = 0
    for start, end, surface, payload in _matcher().find(head):
        if payload[0] != "org" or head[pos:start].strip(" 、和与及\u3000"):
            return []
        out.append((start, end, payload[1]))
        pos = end
    if head[pos:].strip(" 、\u3000"):
        return []
    return out


class Spans:
    """Non-overlapping taken spans, sorted by start: overlap tests in O(log n), not O(n)
    (a list scan made 500k-character articles take seconds)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def append(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_left(self._starts, span[0])
        self._starts.insert(i, span[0])
        self._ends.insert(i, span[1])

    def remove(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_left(self._starts, span[0])
        while i < len(self._starts) and self._starts[i] == span[0]:
            if self._ends[i] == span[1]:
                del self._starts[i], self._ends[i]
                return
            i += 1
        raise ValueError(span)

    def overlaps(self, span: tuple[int, int]) -> bool:
        s, e = span
        i = bisect.bisect_left(self._starts, e)  # spans starting before e
        # spans never overlap each other, so their ends grow with their starts: the one just
        # before e is the only candidate, unless an earlier one is longer (checked a few back)
        for j in range(i - 1, max(-1, i - 4), -1):
            if self._ends[j] > s:
                return True
        return False


_FIRM_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|集团有限公司|集团股份有限公司|有限公司|集团公司|集团|公司)$")
_FIRM_GENERIC_TAIL = re.compile(r"(?:控股|科技|技术|国际|实业|投资|发展|股份|网络|信息|电子|智能|新能源|生物|医药|"
                                r"证券|基金管理|基金|资产管理|资管|保险|银行|信托|期货|能源|电力|汽车|地产|置业|"
                                r"物流|传媒|文化|商贸|贸易|电气|材料|机械|工业|制造|中国|（[^）]*）|\([^)]*\))+$")
# a distinctive part that is an everyday word names no firm on its own
_FIRM_GENERIC_CORE = re.compile(r"中国|中华|国家|全国|国际|石油|天然气|能源|银行|证券|保险|基金|科技|电力|电子|汽车|地产|"
                                r"医药|化工|钢铁|煤炭|建设|建筑|物流|航空|实业|投资|发展|控股|集团|新能|智能|数字|网络|"
                                r"信息|技术|服务|管理|产业|金融|资本|资产|农业|工业|商业|文化|传媒|旅游|健康|环境|环保")


def _firm_core(name: str) -> str | None:
    """富途控股有限公司 -> 富途, 上海联璧电子科技（集团）有限公司 -> 联璧: the part of a firm's
    name that is its own (no place before it, no kind of business after it), or None."""
    core = _FIRM_GENERIC_TAIL.sub("", _FIRM_SUFFIX.sub("", name))
    places = gazetteer.division_index()
    for n in range(min(len(core) - 2, 10), 1, -1):          # the longest place that opens it
        if core[:n] in places:
            core = core[n:]
            break
    core = _FIRM_GENERIC_TAIL.sub("", core)
    if not 2 <= len(core) <= 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", core) or _FIRM_GENERIC_CORE.search(core):
        return None
    return core


def _country_named(text: str, code: str) -> bool:
    """Does `text` name the country `code` (by any of its names)?"""
    c = gazetteer.countries().get(code)
    return c is not None and any(n and n in text for n in (c.name, c.full_name, *c.aliases))


def _overlaps(a: tuple[int, int], spans) -> bool:
    if isinstance(spans, Spans):
        return spans.overlaps(a)
    return any(a[0] < e and s < a[1] for s, e in spans)


def extract(ctx: Context) -> Records:
    from ..config import apply_once
    apply_once(ctx.config)
    art = ctx.article
    text = art.text
    stop = gazetteer.stopwords()
    rec = Records()
    taken = Spans()
    # (the article's day in China: an article at 23:30 GMT reports the next morning's 昨天 and 当天)
    date = day_in_china(art.meta["date"]) if art.meta.get("date") else ""

    def add(start, end, kind, rule, conf, key=None, **attrs):
        rec.mentions.append(Mention(text=text[start:end], kind=kind, span=Span(start, end), confidence=conf,
                                    extractor=TAG, rule=rule, key=key, attrs=attrs))
        taken.append((start, end))

    # documents first: a title may contain places and organisations that are not mentions of their own
    aliases: dict[str, tuple[int, int]] = {}
    for m in _ALIAS_DEF.finditer(text):
        aliases[m.group(1)] = (m.start(), m.end())
    title_kinds = _title_kinds(text)
    titles_named: list[tuple[str, str | None, str, dict]] = []     # (title, key, kind, edition attrs)
    for m in _TITLE.finditer(text):
        title = m.group(1).strip()
        # 《新职业教育法》, 《新修订的…法》: the law as it now stands
        known = _document_index().get(title) or _document_index().get(_NEW_LAW.sub("", title))
        # 2020年版《外商投资准入负面清单》: another edition than the one the article is about (also
        # when the short title is the article's alias for its own edition)
        ed = _EDITION.search(text, max(0, m.start() - 12), m.start()) if not known else None
        edition = {"edition": f"{ed.group(1)}年版"} if ed and f"{ed.group(1)}年版" not in title else {}
        if title in _GENERIC_TITLES and not (title in aliases and not edition):
            # 《意见》, 《指导意见》 after 《关于…的指导意见（征求意见稿）》: the genre word alone refers back
            # to the last title named before that ends with it (its edition or draft mark aside)
            earlier = next((x for x in reversed(titles_named)
                            if re.sub(r"(?:（[^（）]*）)+$", "", x[0]).endswith(title)), None)
            if earlier is not None:
                add(m.start(1), m.end(1), earlier[2], "title-back-reference", 0.75, key=earlier[1],
                    same_as=earlier[0], **earlier[3])
            continue
        if (title in aliases and not edition) or title in stop \
                or _PUBLISHER_AFTER.match(text, m.end()) or not known and _FORM_TITLE.fullmatch(title):
            continue
        entry = gazetteer.org_index().get(title)
        if entry is not None or _MEDIA_TITLE.search(title) and len(title) <= 8:
            add(m.start(1), m.end(1), entry.kind if entry else "MediaOutlet", "title-media", 0.8,
                key=entry.key if entry else None)
            continue
        if not known and title in title_kinds:
            add(m.start(1), m.end(1), title_kinds[title], "title-" + title_kinds[title].lower(), 0.75)
            continue
        kind = "Law" if _LAW_TITLE.search(title) else "Document"
        # 《规划纲要》 after 《成渝地区双城经济圈建设规划纲要》, 《…（负面清单）》 after 《…（负面清单）
        # （2021年版）》: a short or edition-less repeat of a title named before is that document
        earlier = next((x for x in reversed(titles_named) if not known and not edition
                        and (x[0].endswith(title) and len(title) >= 4 or _EDITION_OF.fullmatch(x[0][len(title):])
                             and x[0].startswith(title)) and x[0] != title), None)
        if earlier is not None:
            add(m.start(1), m.end(1), earlier[2], "title-back-reference", 0.8, key=earlier[1],
                same_as=earlier[0], **earlier[3])
            continue
        if known:
            edition = _annual_edition(known, text, m.start(), date)
        add(m.start(1), m.end(1), kind, "title-quotes", 0.9, key=f"docref:{known['key']}" if known else None,
            **edition)
        titles_named.append((title, f"docref:{known['key']}" if known else None, kind, edition))
        for s_, e_, entry in title_issuers(title):
            rec.mentions.append(Mention(text=title[s_:e_], kind=entry.kind, span=Span(m.start(1) + s_, m.start(1) + e_),
                                        confidence=0.85, extractor=TAG, rule="title-issuer", key=f"org:{entry.key}",
                                        attrs={"issuer_of": (m.start(1), m.end(1))}))

    for m in _BARE_TITLE.finditer(text):
        # only where a title can stand: after an issuing verb, a body (…等13部门) or at a line's
        # start (他说关于这个问题的意见很多 is talk, not a document)
        if not _BARE_TITLE_LEFT.search(text, max(0, m.start() - 6), m.start()) and m.start() > 0 \
                and text[m.start() - 1] != "\n":
            continue
        if not _overlaps(m.span(), taken) and _document_index().get(m.group()) is None:
            add(m.start(), m.end(), "Law" if _LAW_TITLE.search(m.group()) else "Document", "bare-title", 0.75)

    org_ends: set[int] = set()
    breaks = _word_breaks(text)
    homographs = gazetteer.place_homographs()
    found = _matcher().find(text)
    divisions = gazetteer.divisions()
    neighbours = sorted((st, p[1]) for st, en, sf, p in found if p[0] == "place" and sf not in homographs
                        and divisions[p[1]].level <= 2 and not _broken_by(breaks, st, en))
    for start, end, surface, payload in found:
        if _overlaps((start, end), taken):
            continue
        kind_tag, obj, rule, conf = payload
        if kind_tag in ("place", "country", "region", "city"):
            cut = _broken_by(breaks, start, end)
            if cut is not None:
                # 上海市场: the word takes the full name's 市; the short form before it stands
                short = text[start:cut]
                if kind_tag != "place" or cut <= start or obj not in gazetteer.division_index().get(short, ()):
                    continue
                end, rule, surface = cut, "gazetteer-division-short", short
        if kind_tag == "place":
            same = _same_name_divisions().get(surface)
            if same:
                obj = _division_in_context(text, start, same, obj)
            div = gazetteer.divisions()[obj]
            if div.level == 3 and not _county_boundary(text, start, div):
                continue
            if surface in homographs and div.level > 1 and surface == div.short \
                    and not _place_supported(text, start, end, div, neighbours):
                continue                        # 真金白银, 长治久安: no 甘肃/山西 near, no place
            add(start, end, place_kind(div), rule, conf, key=f"division:{obj}")
        elif kind_tag == "country":
            add(start, end, "Country", rule, conf, key=f"country:{getattr(obj, 'code', surface)}")
        elif kind_tag == "region":
            add(start, end, "Place", rule, conf, key=f"region:{getattr(obj, 'key', surface)}")
        elif kind_tag == "city":
            # 汉堡, 河内 (in 黄河内), 亚历山大: only where the article names the country too
            if surface in gazetteer.city_homographs() and not _country_named(text, obj.country):
                continue
            add(start, end, "City", rule, conf, key=f"city:{obj.country}:{obj.name}")
        elif kind_tag == "org":
            # a two-character abbreviation inside running text is usually part of other words
            # (集中办理 holds 中办, 出口行业 口行, 纳税人行业 人行): it must follow a boundary
            if end - start == 2 and surface != obj.name and start not in org_ends \
                    and not _after_boundary(text, start, _ABBR_LEFT):
                continue                         # (中办国办印发: right after another body is fine)
            if surface.endswith("部") and text.startswith("门", end) and not text.startswith("门户", end):
                continue                         # 财政部门, 商务部门: any such department (not 商务部门户网站)
            prev = rec.mentions[-1] if rec.mentions else None
            if obj.kind == "GovernmentBody" and prev is not None and prev.kind == "Country" \
                    and prev.span.end == start and prev.key not in ("country:CN", "country:中国"):
                # 美国司法部, 俄罗斯外交部: that country's ministry, not China's (the gazetteer's
                # foreign bodies, 美国商务部, are longer matches and never reach here)
                rec.mentions.pop()
                taken.remove((prev.span.start, prev.span.end))
                add(prev.span.start, end, "GovernmentBody", "country-body", 0.75)
                org_ends.add(end)
                continue
            if surface != obj.name and obj.name.startswith(("中国", "国家")) and prev is not None \
                    and prev.span.end == start and prev.kind in ("City", "AdministrativeArea"):
                # 江苏省社科院, 上海社科院: the province's or city's own academy, not the national one
                # that the short name stands for alone
                rec.mentions.pop()
                taken.remove((prev.span.start, prev.span.end))
                add(prev.span.start, end, obj.kind, "place-local-body", 0.7)
                org_ends.add(end)
                continue
            if obj.kind == "GovernmentBody" and text.startswith("办公厅", end):
                # 中国银保监会办公厅印发: the ministry's general office (its own body, issuing in
                # its own name), named with the ministry in full and part of it, as a bank's branch
                add(start, end + 3, "GovernmentBody", "general-office", 0.75, label=obj.name + "办公厅",
                    parent_org=f"org:{obj.key}", **({"reason": f"{surface} = {obj.name}"} if surface != obj.name else {}))
                org_ends.add(end + 3)
                continue
            add(start, end, obj.kind, rule, conf, key=f"org:{obj.key}")
            org_ends.add(end)
            # 国家税务总局北京市税务局, 国家统计局北京调查总队: a national body's office in a province or
            # city, named with it, is part of it (the body stays mentioned)
            office = _LOCAL_OFFICE.get(obj.key)
            local = re.match(rf"([{HAN}]{{2,8}}?){office}", text[end:end + 12]) if office else None
            if local is not None and gazetteer.division_index().get(local.group(1)) is not None:
                # (国家税务总局北京市税务局 is 北京市税务局 wherever it is named: one key)
                gk = government_key(local.group())
                add(start, end + local.end(), "GovernmentBody", "local-office-of-body", 0.75,
                    **({"key": gk} if gk else {"label": obj.name + local.group(), "parent_org": f"org:{obj.key}"}))
                org_ends.add(end + local.end())
                continue
            # 商务部国际司有关负责人, 交通运输部长江航务管理局, 生态环境部固体废物与化学品司: a
            # department of a national body, named with it, is part of it (the body stays mentioned)
            dept = _DEPARTMENT.match(text, end) if obj.kind == "GovernmentBody" and not obj.key.startswith("gov") else None
            if dept is not None and not _NOT_DEPARTMENT.search(dept.group("name")) \
                    and not _holds_known_org(dept.group("name")):
                add(start, dept.end("name"), "GovernmentBody", "department-of-body", 0.7,
                    label=obj.name + dept.group("name"), parent_org=f"org:{obj.key}",
                    **({"reason": f"{surface} = {obj.name}"} if surface != obj.name else {}))
                org_ends.add(dept.end("name"))
            aff = _AFFILIATE.match(text, end) if obj.kind in ("Company", "Organization") else None
            # (中国银行河南省分行, 农业银行鄂尔多斯分行: a place's branch is read with its place, below)
            if aff is not None and not _NOT_AFFILIATE.search(aff.group("name")) \
                    and not _holds_known_org(aff.group("name")) \
                    and not any(ps == end and re.fullmatch(r"(?:分行|支行|分公司)", text[pe:aff.end("name")])
                                for ps, pe in _places_in(text, end, aff.end("name"))):
                branch = aff.group("name").endswith(("分行", "支行", "分公司"))
                add(start, aff.end("name"), "Company" if branch else "Organization", "affiliate-of-org", 0.7,
                    label=obj.name + aff.group("name"), parent_org=f"org:{obj.key}",
                    **({"reason": f"{surface} = {obj.name}"} if surface != obj.name else {}))
                org_ends.add(aff.end("name"))
        elif kind_tag == "programme":
            add(start, end, "Programme", rule, conf, key=f"programme:{obj['key']}")
        elif kind_tag == "document":
            # 公司法定代表人: 公司 + 法定代表人, no law (法定, 法人, 法院, 法官, 法律, 法规 go on)
            if surface.endswith("法") and text[end:end + 1] in _LAW_WORD_GOES_ON:
                continue
            # 广东省政府工作报告, 上海市人民政府工作报告, 广东省2022年政府工作报告, 省政府工作报告: a
            # province's or a city's own report, not the State Council's (its year only as written)
            lead = _LOCAL_REPORT_LEAD.search(text, max(0, start - 10), start) if obj.get("issued") else None
            before = lead.start() if lead is not None else start
            local = next((x for x in rec.mentions if x.span and x.span.end == before
                          and (x.key or "").startswith("division:")), None) if lead is not None else None
            if local is not None or before > 0 and text[before - 1] in _DIVISION_KIND_CHARS:
                if local is not None:       # (省政府工作报告 alone names no province: no document)
                    year = editions.year_before(text, start - len(lead.group("people") or ""), editions.article_day(date))
                    add(start, end, "Document", "local-annual-document", 0.75,
                        label=gazetteer.divisions()[local.key.split(":", 1)[1]].name + obj["name"],
                        **({"year": year} if year else {}))
                continue
            add(start, end, "Law" if _LAW_TITLE.search(obj["name"]) else "Document", rule, conf,
                key=f"docref:{obj['key']}", **_annual_edition(obj, text, start, date))

    # stock links: the linked word is the listed company only when the sentence is about it
    link_ends = {sl.end for sl in art.stock_links}
    for sl in art.stock_links:
        after = text[sl.end:sl.end + 10]
        # 复星医药（600196）: its code in brackets says it is the listed company
        if not _COMPANY_CONTEXT.match(after) and not re.match(r"\s*[（(]\s*\d{6}(?:\.S[HZ])?\s*[）)]", after):
            continue
        # 康希诺|生物股份|公司: a feed's links cut one company's name into two listed names
        if sl.start in link_ends:
            continue
        for mention in [x for x in rec.mentions if x.span and x.span.start < sl.end and sl.start < x.span.end]:
            rec.mentions.remove(mention)
            taken.remove((mention.span.start, mention.span.end))
        add(sl.start, sl.end, "Company", "stock-link-company", 0.75, key=f"stock:{sl.code}", stock_code=sl.code)

    # place-prefixed government bodies: extend a place mention to the right
    absorbed: set[int] = set()      # ids of mentions an earlier body took in (四川省成都市发改委)
    for mention in list(rec.mentions):
        if mention.kind not in ("City", "AdministrativeArea") or mention.span is None or id(mention) in absorbed:
            continue
        s, e = mention.span.start, mention.span.end
        tail = text[e:e + 22]       # 委网络安全和信息化委员会办公室 is 15 characters
        if not SUFFIX_LAST_CHARS.intersection(tail):
            continue                # no suffix can end in it: skip ~95 regex tries (place-dense text)
        for suffix, suffix_re in gov_suffix_res():
            m = suffix_re.match(tail)
            # (建设银行浙江省分行原党委书记: 原 starts a post, the body is the 分行)
            # (中国银行河南省分行党委委员: the committee is the branch's, and the branch is the body)
            # (广州一酒店办理: 一酒店 is no name, and 办理 a verb)
            if m and not re.search(r"[和与及、等的在是原前]", m.group(1)) and (len(m.group(1)) <= 4) \
                    and not m.group(1).startswith(("一", "两", "某", "几", "多", "各", "这", "那", "该")) \
                    and not (suffix == "办" and text[e + m.end():e + m.end() + 1] in ("理", "公", "事", "法", "结", "案", "好", "成")) \
                    and not (suffix == "办" and m.group(1)[-1:] in _VERB_BEFORE_BAN) \
                    and not m.group(1).endswith(BRANCH_SUFFIX + ("支行",)) \
                    and not (len(m.group(1)) == 0 and suffix in ("委", "厅", "局", "办")
                             and not _party_committee(text, mention, e + m.end())):
                end = e + m.end()
                if suffix in BRANCH_SUFFIX:
                    # 南京银行南通分行, 人民银行广州分行: a bank's branch, named with its bank;
                    # a branch without its bank is no body kg can identify
                    bank = next((x for x in rec.mentions if x.span and x.span.end == s
                                 and x.kind in ("Company", "GovernmentBody") and BANK_END.search(x.text)), None)
                    if bank is None:
                        break
                    for x in [x for x in rec.mentions if x.span and bank.span.start <= x.span.start
                              and x.span.end <= end]:
                        rec.mentions.remove(x)
                        absorbed.add(id(x))
                        taken.remove((x.span.start, x.span.end))
                    central = bank.key == "org:pboc" or bank.text in ("人民银行", "中国人民银行", "央行")
                    # 农行江苏省分行 = 中国农业银行江苏省分行: a known bank's branch is named with the
                    # bank in full, whatever its short name, and is part of it (org:subOrganizationOf)
                    entry = gazetteer.org_by_key().get(bank.key[4:]) if (bank.key or "").startswith("org:") else None
                    extra = {"label": entry.name + text[bank.span.end:end], "reason": f"{bank.text} = {entry.name}",
                             "parent_org": bank.key} if entry is not None else {}
                    add(bank.span.start, end, "GovernmentBody" if central else "Company", "bank-branch", 0.75, **extra)
                    break
                # 浙江省政府 = 浙江省人民政府: a division's government has one key, whatever the spelling
                gov = (f"gov:{mention.key.split(':', 1)[1]}" if suffix in ("人民政府", "政府") and not m.group(1)
                       and (mention.key or "").startswith("division:") else None)
                if gov is None and suffix not in ("人民政府", "政府"):
                    gov = body_key(mention.key, m.group(1), suffix)
                # (上海法院: the city's courts; 北京互联网法院: a court's own name; 老北京城中院落,
                # 北京四中院士校友会: no court at all)
                if gov is None and (suffix in COUNTY_ONLY or suffix in SHORT_COURTS) \
                        or suffix in SHORT_COURTS and text[e + m.end():e + m.end() + 1] in COURT_WORD_GOES_ON:
                    continue
                # the longer organisation replaces the bare place, and whatever the gazetteer found
                # inside it (湖北省发改委 holds 发改委, which alone is the national commission)
                for x in [x for x in rec.mentions if x.span and s <= x.span.start and x.span.end <= end]:
                    rec.mentions.remove(x)
                    absorbed.add(id(x))
                    taken.remove((x.span.start, x.span.end))
                add(s, end, "GovernmentBody", "place-gov-suffix", 0.75, key=gov, attrs_place=mention.key,
                    place_kind=mention.kind, place_text=mention.text)
                break

    # 重庆市江津区人民法院 … 江津法院审理认为: a county's court named again by the county's short
    # name (which alone is no place mention kg finds)
    for body in [x for x in rec.mentions if x.kind == "GovernmentBody" and (x.key or "").startswith("govbody:")]:
        _, code, full = body.key.split(":", 2)
        short = {"人民法院": "法院", "人民检察院": "检察院"}.get(full)
        div = gazetteer.divisions().get(code)
        if short is None or div is None or code.endswith("00") or not div.short:
            continue
        for form in {div.short + short, div.name + short}:
            for fm in occurrences(form, text):
                if not _overlaps(fm.span(), taken):
                    add(fm.start(), fm.end(), "GovernmentBody", "court-short-name", 0.7, key=body.key)

    # 省政府 / 市政府 / 市市场监管局 with no place before it: the government (or that body) of the
    # province (city) the article is about at that point, i.e. of the last division named before it
    named = sorted((x.span.start, x.key.split(":", 1)[1]) for x in rec.mentions
                   if x.span and x.key and x.key.startswith(("division:", "gov:")))
    for m in _BARE_GOV.finditer(text):
        s, e = m.span()
        # 合山市政府 (a place the gazetteer let go) is not a bare 市政府: the character before must
        # not be able to end a name, only a function word or punctuation (报经省政府, 市委、市政府)
        if (s > 0 and text[s - 1] in _BARE_GOV_LEFT) or not _after_boundary(text, s, _BARE_GOV_AFTER):
            continue
        inside = [x for x in rec.mentions if x.span and x.span.start < e and s < x.span.end]
        # 省发改委: the gazetteer's national 发改委 inside it gives way; anything else taken wins
        if any(x.span.start <= s or x.span.end > e or x.kind != "GovernmentBody" for x in inside):
            continue
        code = _government_in_focus(named, s, m.group("level"))
        if code:
            body = m.group("body")
            key = f"gov:{code}" if body.endswith("政府") else body_key(f"division:{code}", "", body)
            if key:
                for x in inside:
                    rec.mentions.remove(x)
                    taken.remove((x.span.start, x.span.end))
                add(s, e, "GovernmentBody", "bare-gov", 0.6, key=key, attrs_place=f"division:{code}")

    places = {"City", "AdministrativeArea", "Place", "Country"}
    for pattern, kind, rule in ((_COMPANY_SCAN, "Company", "company-suffix"), (_INSTITUTION_SCAN, "Organization", "institution-suffix")):
        for m in pattern.finditer(text):
            s, e = m.span()
            # walk the left edge back to a boundary so 由华为技术有限公司 starts at 华
            name = re.sub(r"[（(][^（）()]*[）)]", lambda b: "集" * len(b.group()), m.group(1))   # part of the name
            cut = max((i for i, ch in enumerate(name) if ch in _LEFT_STOP), default=-1)
            if cut >= 0 and name[cut] in "和与及":
                # 北京谦和之源房地产经纪有限公司: a name opening with a place may hold 和
                before = max((i for i, ch in enumerate(name[:cut]) if ch in _LEFT_STOP), default=-1)
                if any(x.span.start == s + before + 1 and x.span.end <= s + cut and x.kind in places
                       for x in rec.mentions if x.span):
                    cut = before
            s = s + cut + 1
            lead = _NAME_LEAD.match(text, s, e)
            if lead and e - lead.end() - len(m.group(2)) >= 2:
                s = lead.end()          # 通过融数金服信息服务有限公司: the preposition is no part
            if m.group(2) == "集团" and _NOT_FIRM_WORDS.search(text, s, e):
                continue                # 充分发挥集团优势: a verb and a word, no firm
            if kind == "Company" and text[s:s + 1] == "原" and e - s >= 8 and text[s:s + 2] not in _YUAN_WORDS:
                s += 1              # 原巨田基金管理有限公司: "formerly", not part of the name
            if e - s - len(m.group(2)) < 2:
                continue
            surface = text[s:e]
            if surface in stop or surface[: len(surface) - len(m.group(2))] in stop:
                continue
            if kind == "Organization":
                # 吉林大学东北亚研究院: a unit of the institution belongs to the name
                ext = _SUB_UNIT.match(text, e)
                if ext:
                    e = ext.end()
                    surface = text[s:e]
            if _overlaps((s, e), taken):
                # 深圳市中技实业（集团）有限公司, 海南大学: a place that opens the name is part of it,
                # not a mention of its own; anything else taken wins
                inside = [x for x in rec.mentions if x.span and x.span.start < e and s < x.span.end]
                # 实际控制上海联璧电子科技（集团）有限公司: a place further in opens the name (a place
                # in brackets, （香港）, is part of it either way)
                bare = [x for x in inside if not (text[x.span.start - 1:x.span.start] in "（(" and
                                                  text[x.span.end:x.span.end + 1] in "）)")]
                # 核准摩根士丹利受让深圳市中技实业（集团）有限公司: another name and a verb before the
                # place that opens the firm's name
                for p in sorted((x for x in bare if x.kind in places and s < x.span.start), key=lambda x: x.span.start):
                    if kind == "Company" and e - p.span.end - len(m.group(2)) >= 2 \
                            and all(y.kind in places for y in bare if y.span.end > p.span.start) \
                            and _BEFORE_FIRM.search(text, s, p.span.start):
                        s, surface = p.span.start, text[p.span.start:e]
                        inside = [x for x in inside if x.span.end > s]
                        bare = [x for x in bare if x.span.end > s]
                        break
                first = min((x.span.start for x in bare), default=s)
                # 马先生海南大学演讲: a place right before the kind opens the institution's name,
                # whatever goes before it
                if kind == "Organization" and len(bare) == 1 and bare[0].kind in places and s < first \
                        and bare[0].span.end == e - len(m.group(2)) and len(inside) == 1:
                    s = first
                    surface = text[s:e]
                if kind == "Company" and bare and all(x.kind in places and s < x.span.start and x.span.end <= e
                                                      for x in bare) and _BEFORE_FIRM.search(text[s:first]) \
                        and not _CREATION_VERBS.search(text[s:e]):
                    s = first        # (not 智能制造科技江苏股份有限公司: a place inside a name)
                    surface = text[s:e]
                known = [x for x in inside if x.kind == "Organization" and (x.key or "").startswith("org:")]
                if kind == "Company" and len(known) == 1 and known[0].span.start == s \
                        and e - known[0].span.end - len(m.group(2)) >= 4 \
                        and all(x is known[0] or x.kind in places for x in inside) \
                        and not _CREATION_VERBS.search(surface) and not _NOT_UNIT.search(surface):
                    inside = []         # 北大纵横管理咨询集团: a firm's name opening with a body's short name
                    for x in [x for x in rec.mentions if x.span and s <= x.span.start and x.span.end <= e]:
                        rec.mentions.remove(x)
                        taken.remove((x.span.start, x.span.end))
                    add(s, e, kind, rule, 0.6)
                    continue
                if not inside or any(x.kind not in places or x.span.start < s or x.span.end > e
                                     for x in inside) or (bare and min(x.span.start for x in bare) != s) \
                        or _CREATION_VERBS.search(surface):
                    continue
                for x in inside:
                    rec.mentions.remove(x)
                    taken.remove((x.span.start, x.span.end))
            elif kind == "Organization":
                continue        # 行业协会, 广大中小学: without a place opening it, a kind is no name
            add(s, e, kind, rule, 0.6)

    # 海南日报, 宁夏广播电视台: a place's own paper or broadcaster is a media outlet, and the place
    # opening its name no mention of its own
    for x in [x for x in rec.mentions if x.span and x.kind in places and (x.key or "").startswith("division:")]:
        media = _PLACE_MEDIA.match(text, x.span.end)
        if media is not None and not _overlaps((x.span.end, media.end()), taken):
            rec.mentions.remove(x)
            taken.remove((x.span.start, x.span.end))
            add(x.span.start, media.end(), "MediaOutlet", "place-media", 0.7, attrs_place=x.key, place_kind=x.kind,
                place_text=x.text)

    # 中国社会科学院财经战略研究院, 中科院合肥物质科学研究院, 清华大学中国农村研究院: a known body
    # followed by a research unit's name is that unit (the body stays mentioned, as its parent)
    for m in [x for x in rec.mentions if x.span and x.key and x.key.startswith("org:")]:
        um = _UNIT_OF_KNOWN.match(text, m.span.end)
        if um is None or _CREATION_VERBS.search(um.group()) or _NOT_UNIT.search(um.group()) \
                or _LEFT_STOP.intersection(um.group()) or m.text.endswith(("研究院", "研究所", "研究中心")):
            continue            # (商务部研究院国际市场研究所副所长: a department of an institute is in the post)
        if "兼" in um.group() or any(p in um.group() for p in _unit_posts()):
            continue            # 中粮期货副总经理兼研究院院长: a post, then another
        s, e = m.span.start, um.end()
        inside = [x for x in rec.mentions if x.span and m.span.end <= x.span.start < e]
        # a place inside (合肥) or the unit found alone (中国农村研究院) gives way; anything else wins
        if any(x.span.end > e or x.kind not in places | {"Organization"} or x.key for x in inside
               if not (x.kind in places and x.span.end <= e)):
            continue
        for x in inside:
            rec.mentions.remove(x)
            taken.remove((x.span.start, x.span.end))
        parent = gazetteer.org_by_key().get(m.key[4:])
        full = parent.name + um.group() if parent is not None else text[s:e]
        attrs = {"label": full, "reason": f"{m.text} = {parent.name}"} if full != text[s:e] else {}
        add(s, e, "Organization", "unit-of-known-body", 0.65, **attrs)
        m.rule = "parent-in-name"       # (so the unit, not its parent, holds the posts after it)

    # 中国石油天然气集团公司青海油田公司: a known firm or body named with its parent's name names
    # the parent too (the longer name won the gazetteer match)
    idx = gazetteer.org_index()
    for m in [x for x in rec.mentions if x.span and x.key and x.key.startswith("org:") and len(x.text) >= 8]:
        for n in range(len(m.text) - 4, 3, -1):
            parent = idx.get(m.text[:n])
            # (中国银行业监督管理委员会: the banking industry's regulator, not 中国银行's)
            if parent is not None and f"org:{parent.key}" != m.key and m.text[n] != "业":
                rec.mentions.append(Mention(text=m.text[:n], kind=parent.kind, span=Span(m.span.start, m.span.start + n),
                                            confidence=0.7, extractor=TAG, rule="parent-in-name",
                                            key=f"org:{parent.key}"))
                break

    # 甘肃金塔人, 江苏如皋人: a native place, a county by its short name right after its province
    # or prefecture (county short forms alone are too often words to be read anywhere else)
    for m in [x for x in rec.mentions if x.span and x.key and x.key.startswith("division:")]:
        nm = _NATIVE_PLACE.match(text, m.span.end)
        if nm is None or _overlaps(nm.span("county"), taken):
            continue
        for code in gazetteer.division_index().get(nm.group("county"), ()):
            div = gazetteer.divisions()[code]
            if div.level == 3 and div.short == nm.group("county") \
                    and any(f"division:{a.code}" == m.key for a in gazetteer.ancestors(code)):
                add(nm.start("county"), nm.end("county"), place_kind(div), "native-place", 0.75,
                    key=f"division:{code}")
                break
    # 山东寿光, 泉州晋江, 广州南沙: the same short name right after its province or prefecture is
    # that county (not where a word goes on: 广东中山大学, 浙江大学路)
    for m in [x for x in rec.mentions if x.span and x.key and x.key.startswith("division:")]:
        for size in (3, 2):
            s_, e_ = m.span.end, m.span.end + size
            short = text[s_:e_]
            if len(short) < size or _overlaps((s_, e_), taken) or text[e_:e_ + 1] in _COUNTY_NOT_BEFORE:
                continue
            div = next((gazetteer.divisions()[c] for c in gazetteer.division_index().get(short, ())
                        if gazetteer.divisions()[c].level == 3 and gazetteer.divisions()[c].short == short
                        and any(f"division:{a.code}" == m.key for a in gazetteer.ancestors(c))), None)
            if div is not None:
                add(s_, e_, place_kind(div), "county-after-parent", 0.7, key=f"division:{div.code}")
                break

    # 东莞市倍增计划工作领导小组办公室, 国务院根治拖欠农民工工资工作领导小组办公室: a leading group
    # (and its office) is named by the place or body that set it up and what it works on
    for m in sorted((x for x in rec.mentions if x.span and (x.kind in places or x.kind == "GovernmentBody")),
                    key=lambda x: x.span.start):
        g = _LEADING_GROUP.match(text, m.span.end)
        if g is None or _LEADING_GROUP_NOT.search(g.group("task")) or m not in rec.mentions:
            continue
        start, end = m.span.start, g.end()
        if any(x is not m and x.span and start <= x.span.start < end and x.kind not in places
               for x in rec.mentions if x.span and x.span.start > m.span.start):
            continue                # (another body inside: not one name)
        for x in [x for x in rec.mentions if x.span and start <= x.span.start and x.span.end <= end]:
            rec.mentions.remove(x)
            taken.remove((x.span.start, x.span.end))
        add(start, end, "GovernmentBody", "leading-group", 0.65)

    # 上海市第一中级人民法院（以下简称上海一中院）: the short name it defines names the body again
    org_kinds = ("Organization", "GovernmentBody", "Company", "MediaOutlet")
    by_end = {x.span.end: x for x in rec.mentions if x.span and x.kind in org_kinds}
    for d in _ORG_ALIAS_DEF.finditer(text):
        body = by_end.get(d.start())
        alias = d.group("alias").strip()
        if body is None or alias in stop or alias == body.text:
            continue
        # the definition is no mention of its own (上海一中院 in it is a court by its short name too)
        for x in [x for x in rec.mentions if x.span and d.start() <= x.span.start and x.span.end <= d.end()]:
            rec.mentions.remove(x)
            taken.remove((x.span.start, x.span.end))
        for m in occurrences(alias, text):
            # a place inside the short name (上海 in 上海一中院) is part of it, not a mention
            inside = [x for x in rec.mentions if x.span and x.span.start < m.end() and m.start() < x.span.end]
            if inside and all(x.kind in places and m.start() <= x.span.start and x.span.end <= m.end()
                              for x in inside):
                for x in inside:
                    rec.mentions.remove(x)
                    taken.remove((x.span.start, x.span.end))
            if m.start() > d.end() - len(alias) - 2 and m.end() <= d.end() or _overlaps(m.span(), taken):
                continue                # (the definition itself is no mention)
            if body.key:
                add(m.start(), m.end(), body.kind, "defined-short-name", 0.75, key=body.key)
            else:
                add(m.start(), m.end(), body.kind, "defined-short-name", 0.75, label=body.text)

    # 富途控股有限公司 … 富途方面表示: a firm named in full is named again by its distinctive part
    for firm in [x for x in rec.mentions if x.rule == "company-suffix" and x.span]:
        core = _firm_core(firm.text)
        if core is None or core in stop:
            continue
        for m in occurrences(core, text):
            if m.start() == firm.span.start or _overlaps(m.span(), taken):
                continue
            # (standing alone: not inside a longer word of Han characters on both sides)
            add(m.start(), m.end(), "Company", "firm-short-name", 0.6, label=firm.text)

    # 华西证券、西南证券、天风证券、东兴证券均公告称: in a list where a known firm ends in its
    # industry's word, the other items ending in that word are firms too
    firm_ends = {x.span.end: x for x in rec.mentions if x.span and x.kind == "Company"}
    for lm in _LIST_RUN.finditer(text):
        items, pos = [], lm.start()
        parts = lm.group().split("、")
        # (the last two may be joined by 和/及/与: …、东吴证券和太平洋证券)
        joined = re.match(r"(.+?)(?:和|及|与)(.+)", parts[-1])
        if joined and _SIBLING.fullmatch(joined.group(1)):
            parts[-1:] = [joined.group(1), joined.group(2)]
        for part in parts:
            items.append((pos, part))
            pos += len(part) + 1
        names = []
        for i, (start, part) in enumerate(items):
            im = _SIBLING.match(part) if i else _SIBLING.fullmatch(part)
            if im:
                names.append((start, start + im.end(), im.group("industry"), im.group("stem")))
        for industry in {n[2] for n in names}:
            if not any(e_ in firm_ends and firm_ends[e_].span.start == s_ for s_, e_, w, _ in names if w == industry):
                continue
            for s_, e_, w, stem in names:
                if w == industry and stem not in _GENERIC_STEMS and not _overlaps((s_, e_), taken) \
                        and text[s_:e_] not in stop:
                    add(s_, e_, "Company", "list-sibling", 0.6)

    # 太平洋证券则表示, 东吴证券认为: a firm by its industry's word, opening a clause and speaking
    for m in _FIRM_SPEAKS.finditer(text):
        if m.group("stem") not in _GENERIC_STEMS and not _overlaps(m.span("firm"), taken) \
                and m.group("firm") not in stop:
            add(m.start("firm"), m.end("firm"), "Company", "firm-speaks", 0.6)

    # BOSS直聘研究院最新发布《…》, 麦可思研究院主编的《…》: a research institute kg does not know,
    # named by a brand, opening a clause and publishing
    for m in _INSTITUTE_PUBLISHES.finditer(text):
        if not _overlaps(m.span("name"), taken) and m.group("name") not in stop \
                and not _LEFT_STOP.intersection(m.group("brand")) and m.group("brand") not in _GENERIC_STEMS:
            add(m.start("name"), m.end("name"), "Organization", "institute-publishes", 0.6)

    # named zones are places: 雄安新区, 北京经济技术开发区, 中新天津生态城
    for m in _ZONE_SCAN.finditer(text):
        s_, e_ = m.span("name")
        # (省级新区, 国家级经开区, 各类开发区: a kind of zone, not one)
        if e_ - s_ >= 4 and not _overlaps((s_, e_), taken) and m.group("name") not in stop \
                and not _GENERIC_ZONE.match(m.group("name")):
            add(s_, e_, "Place", "named-zone", 0.7)
    # programmes named by designation verbs: 确定为重点发展城市, 列为“无废城市”建设试点
    for pattern in (_PROGRAMME_DEF, _PROGRAMME_BUILT):
        for m in pattern.finditer(text):
            s_, e_ = m.span("name")
            if not _overlaps((s_, e_), taken):
                add(s_, e_, "Programme", "programme-definition", 0.7)
    for m in _PROGRAMME_DONE.finditer(text):
        s_, e_ = m.span("name")
        verbs = list(_VERB_IN_NAME.finditer(text, s_, e_))
        if verbs:
            s_ = verbs[-1].end()
        name = text[s_:e_]
        if len(name) >= 4 and not _overlaps((s_, e_), taken) and name not in stop \
                and not _GENERIC_PROGRAMME.fullmatch(name) and not _VERB_IN_NAME.search(name):
            add(s_, e_, "Programme", "programme-carried-out", 0.6)
    for m in _PROGRAMME_QUOTED.finditer(text):
        name = m.group("inner") + (m.group("kind") or "")
        if _PROGRAMME_WORD.search(name) and len(name) >= 4 and not _GENERIC_PROGRAMME.fullmatch(name) \
                and not _NOT_PROGRAMME.search(m.group("inner")) and not _overlaps(m.span(), taken) and name not in stop:
            # the words before the quote are part of the campaign's name (each province's 百日攻坚行动
            # is its own) only where that is sure: the name given in full before in the article
            # (落实制造业招商引资百日攻坚行动。…持续开展制造业招商引资“百日攻坚”行动), or words right after
            # the place that runs it (内蒙古自治区根治欠薪“百日攻坚”行动), not a verb or an adverb
            # (全面打响“百日攻坚”行动, 新一轮“百日攻坚”行动: the review found such names)
            start = m.start()
            earlier = next((x for x in rec.mentions if x.kind == "Programme" and x.span and x.span.end <= start
                            and (x.attrs.get("label") or x.text).endswith(name)
                            and len(x.attrs.get("label") or x.text) > len(name)), None)
            words = ""
            if earlier is not None:
                full = earlier.attrs.get("label") or earlier.text
                words = full[:len(full) - len(name)]
                if text[start - len(words):start] != words:
                    words = ""
            else:
                place = next((x for x in rec.mentions if x.span and x.span.end < start and (x.key or "").startswith("division:")
                              and re.fullmatch(rf"[{HAN}]{{2,8}}", text[x.span.end:start])), None)
                if place is not None and not _PROGRAMME_NOT_NAME.search(text[place.span.end:start]) \
                        and not _overlaps((place.span.end, start), taken):
                    words = text[place.span.end:start]
            if words:
                start, name = start - len(words), words + name
            add(start, m.end(), "Programme", "programme-quoted", 0.6, label=name)
    # press conferences, dated by the article (named events come last: kg.extract.events), on
    # its day in China
    for m in _PRESS_EVENT_SCAN.finditer(text):
        s_, e_ = m.span("type")
        if not _overlaps((s_, e_), taken):
            add(s_, e_, "Event", "press-conference", 0.7, date=date or None, type=m.group("type"))
    # 自美进口 / 对日出口: a one-character country abbreviation in a trade construction
    for m in _COUNTRY_ABBR.finditer(text):
        entry = gazetteer.country_index().get(_COUNTRY_ABBREVIATIONS[m.group("c")])
        if entry is not None and not _overlaps(m.span("c"), taken):
            add(m.start("c"), m.end("c"), "Country", "country-abbreviation", 0.7, key=f"country:{entry.code}")
    # 晋、陕、蒙、新等主产区, 西北陕甘宁地区, 川渝两地: runs of provinces by their one-character names
    # (one alone is too often a word: 苏宁易购, 新京报 and 云计算 are no provinces)
    for m in _PROVINCE_RUN.finditer(text):
        chars = [(i, ch) for i, ch in enumerate(m.group("run"), m.start("run")) if ch in _PROVINCE_ABBREVIATIONS]
        if len({ch for _, ch in chars}) < 2 or not any(ch in _PROVINCE_ABBR_SURE for _, ch in chars):
            continue
        for i, ch in chars:
            if not _overlaps((i, i + 1), taken):
                add(i, i + 1, "AdministrativeArea", "province-abbreviation", 0.7,
                    key=f"division:{_PROVINCE_ABBREVIATIONS[ch]}")
    # 峰会 / 协会 alone, after 两岸企业家峰会 / 中国证券业协会 was named: a back-reference to that
    # organisation (the last one named before it whose name ends so)
    orgs_named = sorted(((x.span.start, x) for x in rec.mentions
                         if x.span and x.kind in ("Organization", "GovernmentBody") and x.key), key=lambda t: t[0])
    if orgs_named:
        for m in _BACK_REF.finditer(text):
            s_, e_ = m.span()
            if _overlaps((s_, e_), taken) or not _after_boundary(text, s_, _BACK_REF_AFTER):
                continue
            head = m.group()
            target = None
            for start, x in orgs_named:
                if start >= s_:
                    break
                entry = gazetteer.org_index().get(x.text) if x.key.startswith("org:") else None
                if x.text.endswith(head) or (entry is not None and entry.name.endswith(head)):
                    target = x
            if target is not None:
                add(s_, e_, target.kind, "back-reference", 0.6, key=target.key)
    # user patterns and known persons from the config
    for i, pat in enumerate((ctx.config or {}).get("patterns") or []):
        group = pat.get("group", 0)
        try:
            found = [m.span(group) for m in _user_regex(pat["regex"]).finditer(
                text, timeout=limits.USER_PATTERN_SECONDS)]
        except TimeoutError:
            raise UserPatternTimeout(
                f"--config patterns[{i}]{' (' + str(pat['name']) + ')' if pat.get('name') else ''}: "
                f"gave up after {limits.USER_PATTERN_SECONDS:g} s on this article's text: the regex "
                f"{pat['regex'][:80]!r} backtracks without end here (nested repeats such as (a|aa)+ do); "
                f"the article is not built, fix the pattern (kg.limits.USER_PATTERN_SECONDS)") from None
        for s_, e_ in found:
            if e_ > s_ and not _overlaps((s_, e_), taken):
                add(s_, e_, pat["kind"], f"user:{pat.get('name') or i}", float(pat.get("confidence", 0.7)))
    user_persons = [str(p) for p in (ctx.config or {}).get("persons") or [] if str(p)]
    persons = {}
    for name in user_persons:
        if name in text:
            persons[name] = 0.9
    for name in gazetteer.known_persons():       # 普京, 麦康奈尔: named by no pattern
        # (not 习近平新时代中国特色社会主义思想 alone: a doctrine's name, not its author)
        # (nor 刘鹤 inside 记者刘鹤翔: one of its occurrences must end where a name can; a name of
        # three may stand before any verb, 许家印立下军令状, but not in 毛泽东思想 or 弗若斯特沙利文报告)
        if name in text and name not in stop and text.count(name) > text.count(name + "新时代") \
                and any(_NAME_ENDS.match(text, m.end()) or len(name) >= 3 and _LONG_NAME_ALONE(text, m)
                        for m in occurrences(name, text)):
            persons.setdefault(name, 0.85)
    for s, e, name, rule, conf in persons_by_pattern(text, stop):
        if _overlaps((s, e), taken):
            # 特约研究员苏海南: a post before it makes this a name; a place inside it (海南) is not a
            # mention (a place that starts where the name starts may be the real reading: kept)
            inside = [x for x in rec.mentions if x.span and x.span.start < e and s < x.span.end]
            if rule != "post-name" or not inside or any(
                    x.kind not in places or x.span.start <= s or x.span.end > e for x in inside):
                continue
            for x in inside:
                rec.mentions.remove(x)
                taken.remove((x.span.start, x.span.end))
        add(s, e, "Person", rule, conf)
        persons.setdefault(name, conf)
    for s, e, name in anonymised_names(text, stop):           # 陈某江, 刘某 (court news)
        if not _overlaps((s, e), taken):
            add(s, e, "Person", "anonymised-name", 0.7)
        persons.setdefault(name, 0.7)
    for s, e, name in young_by_surname(text, stop):             # 17岁的小陈
        if not _overlaps((s, e), taken):
            add(s, e, "Person", "young-by-surname", 0.6)
        persons.setdefault(name, 0.6)
    for s, e, name in titled_surnames(text, stop):              # 房东景女士说, 店老板吴先生
        if not _overlaps((s, e), taken):
            add(s, e, "Person", "titled-surname", 0.65)
        persons.setdefault(name, 0.65)
    for s, e, name in persons_dealt_with_elsewhere(text, stop):     # 吴隽（另案处理）
        if not _overlaps((s, e), taken):
            add(s, e, "Person", "dealt-with-elsewhere", 0.75)
        persons.setdefault(name, 0.75)
    # 厦门大学经济学系丁长发说: a name between a body and a speech verb
    for s, e, name in names_after_bodies(text, [x.span.end for x in rec.mentions if x.span and x.kind in
                                                 ("Organization", "GovernmentBody", "Company")], stop):
        if not _overlaps((s, e), taken):
            add(s, e, "Person", "body-name-verb", 0.65)
            persons.setdefault(name, 0.65)
    # a name paired with a person's (马云和曾毓群) and the names paired with that one in turn
    for _ in range(4):
        found = [(s, e, name) for s, e, name in coordinated_names(text, set(persons), stop)
                 if name not in persons and not _overlaps((s, e), taken)]
        for s, e, name in found:
            if name not in persons:
                add(s, e, "Person", "coordinated-name", 0.6)
                persons[name] = 0.6
        if not found:
            break
    # propagation within the article
    for name, conf in persons.items():
        for m in occurrences(name, text):
            if not _overlaps(m.span(), taken):
                add(m.start(), m.end(), "Person", "person-propagation", min(conf, 0.7))
    # a press conference's host, now that every organisation is found: 国新办就…举行新闻发布会,
    # 商务部新闻发言人高峰近日在例行新闻发布会上. One host's conference of a day is one event
    # across articles, whatever the article calls it (例行记者会, 新闻发布会, 发布会); one whose
    # host the article does not name is this article's own (two hosts' conferences of one day
    # are two events). A bare 发布会 is one where its host is named (在国新办发布会上, 在国新办
    # 举行的发布会上)
    hosts = events.Hosts(rec.mentions)
    for m in re.finditer("发布会", text):
        if not _overlaps(m.span(), taken) and events.press_host(text, m.start(), hosts) is not None:
            add(m.start(), m.end(), "Event", "press-conference", 0.7, date=date or None, type="发布会")
    for x in rec.mentions:
        if x.rule == "press-conference":
            host = events.press_host(text, x.span.start, hosts)
            kind = events.press_kind(x.attrs.pop("type"))
            name = events.host_name(host) if host is not None else ""
            # (近日在例行新闻发布会上: no day, not the article's; the conference is then this
            # article's own, never merged with the host's conference of another day)
            day = "" if events.vague_day(text, x.span.start) else events.day(text, x.span.start, date)
            x.key = f"event:{name}{kind}:{day}" if host is not None and day else f"event:{name}{kind}:{day}:{art.id}"
            # 10月份国民经济运行情况新闻发布会, “中国这十年”系列主题新闻发布会: the conference's own name
            # (its mention's words, an alternative label; the label stays host + kind + day, the
            # same in every article) - or the label itself for a conference only this article knows
            topic = events.press_topic(text, x.span.start, host.span.end if host is not None else -1)
            if topic:
                x.span = Span(x.span.start - len(topic), x.span.end)
                x.text = text[x.span.start:x.span.end]
            own = x.text if topic and host is None else f"{name}{kind}"
            x.attrs["label"] = own + (f"（{day}）" if day else "")
            x.attrs["date"] = day or None
            if host is not None:
                x.attrs["organizer"] = host
    # named events last: their names may hold the mentions found above (国务院常务会议, 国务院)
    for s_, e_, rule, attrs in events.find(text, rec.mentions, date, art.id):
        host = attrs.get("organizer")
        if host is not None and not any(x is host for x in rec.mentions):     # a place's government
            host.extractor = TAG
            rec.mentions.append(host)
        if text[s_:e_] not in stop:
            add(s_, e_, "Event", rule, 0.8 if rule != "named-event" else 0.7, key=attrs.pop("key"), **attrs)
            # 中国-中东欧投资贸易博览会: a region or country inside an event's name is part of the name,
            # as a place opening an institution's is (the gold agrees); divisions stay (the host's)
            for x in [x for x in rec.mentions if x.span and x.kind in ("Place", "Country") and s_ < x.span.start
                      and x.span.end <= e_ and (x.key or "").startswith(("region:", "country:"))]:
                rec.mentions.remove(x)
    rec.mentions.sort(key=lambda x: (x.span.start, x.span.end) if x.span else (-1, -1))
    # 今年的政府工作报告也提出… 政府工作报告还提出…: a mention naming no year is the edition the
    # article named before it, not the latest by the article's day
    named_year: dict[str, str] = {}
    for x in rec.mentions:
        by = x.attrs.pop("year_by", None)
        if by == "words":
            named_year[x.key] = x.attrs["year"]
        elif by == "latest" and x.key in named_year:
            x.attrs["year"] = named_year[x.key]
    return rec


EXTRACTOR = FunctionExtractor(NAME, VERSION, extract, requires=("article",), produces=("mentions",),
                              description="people, organisations, places, documents, programmes (gazetteers + patterns)")
