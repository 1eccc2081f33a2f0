"""Person names found by their context: a post before them (商务部新闻发言人高峰), a speech verb
after them (高峰表示), an introduction (一名叫做杰森的), a description (马克思主义者李大钊),
a legal role (被告人顾国平、侬锦), 同志, a leader's activity (习近平出席), a
foreign country's office (美国总统拜登), a transliteration's interpunct (安东尼·布林肯), or
coordination with a name already found (马云和曾毓群). A name is a person only where such a
pattern says so."""
from __future__ import annotations

import re

from .. import gazetteer
from .scan import occurrences
from ..lexicon import common_surnames, looks_like_name, posts, speech_verbs, surnames

HAN = r"\u4e00-\u9fff"
_TITLE_WORDS = {"总", "老", "先生", "女士", "部长", "主任", "局长", "行长", "司长", "教授", "博士", "书记", "省长", "市长"}
_NAME_END_STOP = set("等和与及的在是了也还将对向就于称说则又认来")


# who a court, a prosecutor or a regulator names: 被告人, 犯罪嫌疑人, 当事人 ...
_LEGAL_ROLE = re.compile(r"(?:被告人|犯罪嫌疑人|嫌疑人|被执行人|被申请人|申请人|当事人|上诉人|被上诉人|原告|被告|罪犯|"
                         r"被害人|受害人|涉案人员|法定代表人|实际控制人|控股股东)(?:[：:]\s*)?")


_SOURCES: tuple = ()
_PATTERNS: tuple[str, str, str] = ("", "", "")


def _alternations() -> tuple[str, str, str]:
    """The posts, speech verbs and countries as regex alternations, built again only when a word
    list is reloaded (a --config adds entries): escaping ~1,000 words cost more per article
    than the matching."""
    global _SOURCES, _PATTERNS
    sources = (posts(), speech_verbs(), gazetteer.country_index())
    if len(_SOURCES) != 3 or any(a is not b for a, b in zip(sources, _SOURCES)):
        countries = "|".join(sorted((re.escape(c) for c in sources[2] if len(c) >= 2 and c != "中国"),
                                    key=len, reverse=True))
        _PATTERNS = ("|".join(map(re.escape, sources[0])), "|".join(map(re.escape, sources[1])), countries)
        _SOURCES = sources      # held, so a reloaded list is never mistaken for this one by id
    return _PATTERNS


# the characters foreign names are written with (新华社译名): a three-character line opener made of
# them alone is a name (布伦南, 沙利文, 布林肯), not a word
_TRANSLITERATION = frozenset("阿埃艾安奥巴拜班邦鲍贝本比彼毕宾波伯博布查达戴丹德迪蒂丁杜多厄恩尔法菲费芬弗福盖"
                             "甘戈格古哈海汉豪赫亨基吉加贾杰金卡凯坎考科克库拉莱赖兰劳勒雷里利列林琳隆卢鲁路伦罗洛"
                             "玛迈麦曼梅门蒙米敏莫姆穆纳奈南内尼涅纽努诺帕佩彭皮珀普奇齐乔切琼萨塞桑瑟森沙尚什斯松"
                             "苏索塔泰坦汤特托瓦威韦维温沃乌西希锡夏谢辛休雅亚扬耶伊英尤约扎泽詹兹佐肯")

TRANSLITERATION_CHARS = _TRANSLITERATION

# the last characters of bodies, places and papers, never of a given name written after a
# description; and the labels of a form's fields
_NOT_NAME_END = frozenset("局厅部委办院村镇乡县区市省表书函处所站队组司社厂店馆校网报刊")
_LABEL_BEFORE = re.compile(r"(?:单位|来源|附件\d*|名称|地址|电话|时间|地点|编号|类别|类型)[ \u3000]+$")


def persons_by_pattern(text: str, stop: frozenset[str]) -> list[tuple[int, int, str, str, float]]:
    out = []
    post_re, verbs, countries = _alternations()
    boundary = (rf"(?=[，。、：:；;（(“”\s]|{verbs}|在|对|向|就|于|接受|近日|日前|今天|今日|昨天|昨日|也|还|等|和|与|及|"
                rf"已|曾|将|是|的|回答|出席|主持|会见|率|一行|同志|先生|女士|说|以|今年|去年|近期|此前|昨日|前不久|看来|日前|介绍|透露|为|带领|调研|考察|参加|"
                rf"围绕|提出|签署|致辞|发表|代表|陪同|应邀|听取|访问|会同|出访|到访|视察|讲话|作出|作了|做了|通话|通电话|会谈|举行|涉嫌|"
                rf"教授|博士|院士|研究员|被|则|来说|\d{{1,2}}月|\d{{1,2}}日|$)")
    # post + name (posts alone are matched, so 委员会主任何立峰 still finds 主任 after 委员)
    for m in re.finditer(rf"(?:{post_re})", text):
        start = m.end()
        if start < len(text) and text[start] in "：: \u3000":
            start += 1
        best = None
        # 分析师王青认为: a speech verb right after two characters settles the length
        two = text[start:start + 2]
        if looks_like_name(two) and two not in stop and re.match(rf"(?:{verbs})", text[start + 2:start + 6]):
            out.append((start, start + 2, two, "post-name", 0.85))
            continue
        # 负责人张某存在以下问题: an anonymised name, X某, before a word that opens with its third
        # character (not 陈某江表示, a name of three)
        anonymised = text[start + 1:start + 2] == "某" and re.match(
            r"存在|涉嫌|曾任|系|因|等|与|和|将|已|被|于", text[start + 2:start + 4]) is not None
        for length in (2, 3, 4) if anonymised else (3, 2, 4):
            cand = text[start:start + length]
            if len(cand) == length and looks_like_name(cand) and cand not in stop and cand[-1] not in _NAME_END_STOP \
                    and (re.match(boundary, text[start + length:start + length + 4]) or anonymised and length == 2):
                best = (start, start + length, cand, "post-name", 0.85)
                break
        if best is None:
            # 高级研究员埃文·拉克斯马纳说: a transliterated name after the post
            tm = re.match(rf"[{HAN}]{{1,5}}·[{HAN}]{{1,5}}?(?:·[{HAN}]{{1,5}}?)?{boundary}", text[start:start + 24])
            if tm:
                out.append((start, start + tm.end(), tm.group(), "post-name", 0.75))
                continue
            # no clear right boundary: a 3-character name is the likelier reading, but only when the
            # same three characters recur in the article (names repeat; chance strings do not)
            cand = text[start:start + 3]
            if len(cand) == 3 and looks_like_name(cand) and cand[-1] not in _NAME_END_STOP and cand not in stop \
                    and text.count(cand) >= 2:
                best = (start, start + 3, cand, "post-name", 0.6)
        if best:
            out.append(best)
    # name + leader post: 习近平主席, 习近平总书记 (the post after the name)
    for m in re.finditer(rf"(?:^|(?<=[，。、；：:“”（(\n]|和|与|及|同|由|向|对))(?P<name>[{HAN}]{{2,3}})(?=总书记|主席|总理|副总理|委员长|副主席|教授|大使)", text):
        cand = m.group("name")
        if looks_like_name(cand) and cand not in stop:
            out.append((m.start("name"), m.end("name"), cand, "name-post", 0.6))
    # a monk or nun by dharma name and title: 广德寺监院智辉法师对此解释称 (no surname to check: the
    # title, a clause start or a temple post before it, and speech after it are the evidence)
    for m in re.finditer(rf"(?:^|(?<=[，。、；：:“”\n])|(?<=监院|住持|方丈))(?P<name>[{HAN}]{{2}})(?<!魔)(?:法师|大和尚)"
                         rf"(?=(?:对此|也|还|则|向记者|告诉记者)?(?:{verbs}))", text):
        # (这位法师, 两位法师, 寺院住持法师: no name)
        if m.group("name") not in stop and not re.search(r"[位名个些]$|^[这那该每各诸几两本]|寺院|住持|方丈|监院|高僧|大德",
                                                         m.group("name")):
            out.append((m.start("name"), m.end("name"), m.group("name"), "name-post", 0.6))
    # a foreign country's office holder: 美国总统拜登, 俄罗斯总统普京, 美国国务卿布林肯 (no Chinese
    # surname to check; the country and the post are the evidence), and names with the
    # interpunct of transliterations (安东尼·布林肯)
    for m in re.finditer(rf"(?:{countries})(?:前|现任|新任)?(?:{post_re})(?P<name>[{HAN}]{{2,4}}?)(?={boundary[3:-1]}|·)",
                         text):
        cand = m.group("name")
        # 德国总理通电话: what follows the post is a verb, no name
        if cand not in stop and cand[-1] not in _NAME_END_STOP and not re.match(boundary, cand):
            out.append((m.start("name"), m.end("name"), cand, "country-post-name", 0.7))
    for m in re.finditer(rf"(?<![{HAN}·])(?P<name>[{HAN}]{{1,4}}·[{HAN}]{{1,5}}?(?:·[{HAN}]{{1,5}}?)?){boundary}", text):
        out.append((m.start("name"), m.end("name"), m.group("name"), "transliterated-name", 0.7))
    # a party or the accused named by their legal role: 被告人顾国平、侬锦、陈雨 (a list: the first
    # name must have a common surname, the others any surname)
    after_name = rf"(?=[、，,。；;和与及等（(：:]|犯|涉嫌|作为|因|被|于|在|对|已|向|的|系|为|{verbs}|$)"
    for m in _LEGAL_ROLE.finditer(text):
        pos, first = m.end(), True
        while True:
            # two characters when a boundary follows them (高某因…, 薛亮作为…), else three
            cand = next((text[pos:pos + n] for n in (2, 3) if len(text[pos:pos + n]) == n
                         and all("\u4e00" <= c <= "\u9fff" for c in text[pos:pos + n])
                         and re.match(after_name, text[pos + n:pos + n + 4])), None)
            if cand is None or cand in stop or cand[-1] in _NAME_END_STOP:
                break
            # the first name must look like one; later names in the list may have rare surnames
            if first and not (looks_like_name(cand) and cand[0] in common_surnames()):
                break
            out.append((pos, pos + len(cand), cand, "legal-role-name", 0.75))
            pos += len(cand)
            first = False
            if text[pos:pos + 1] not in ("、", "和", "与", "及"):
                break
            pos += 1
    # name + 同志: 以习近平同志为核心 (the word is used of people only)
    for m in re.finditer(rf"(?<![{HAN}])(?P<name>[{HAN}]{{2,3}})同志|(?<=[以和与、，。：:“])(?P<name2>[{HAN}]{{2,3}})同志", text):
        name = m.group("name") or m.group("name2")
        start = m.start("name") if m.group("name") else m.start("name2")
        if looks_like_name(name) and name not in stop:
            out.append((start, start + len(name), name, "name-comrade", 0.75))
    # clause or list-item start + name + a leader's activity: 1、习近平出席…, 李克强同…通话
    for m in re.finditer(rf"(?:^|(?<=[。；：:\n“」）)由])|(?<=\d、)|(?<=\d\.))(?P<name>[{HAN}]{{2,3}}?)"
                         rf"(?=出席|主持|会见|会谈|视察|考察|调研|致信|致电|签署|同[{HAN}]{{2,12}}?通(?:电)?话)", text):
        cand = m.group("name")
        if looks_like_name(cand) and cand not in stop and cand[-1] not in _NAME_END_STOP \
                and (len(cand) == 3 or cand[0] in common_surnames()) and cand[1:] not in _TITLE_WORDS:
            out.append((m.start("name"), m.end("name"), cand, "name-activity", 0.65))
    # an interview's or a briefing's speaker lines: 孟玮：… opening two or more paragraphs
    lines = [(m.start("name"), m.end("name"), m.group("name"))
             for m in re.finditer(rf"(?:^|(?<=\n))[ \u3000]*(?P<name>[{HAN}]{{2,3}}) ?[：:]", text)]
    line_names = [n for *_, n in lines]
    for s_, e_, name in lines:
        if line_names.count(name) >= 2 and looks_like_name(name) and name[0] in common_surnames() \
                and name not in stop and name[1:] not in _TITLE_WORDS and name[1:] not in posts():
            out.append((s_, e_, name, "speaker-line", 0.75))
        # (布伦南：… an interviewer's foreign name, written in the characters names are transliterated
        # with, opening three or more paragraphs)
        elif line_names.count(name) >= 3 and len(name) == 3 and all(c in _TRANSLITERATION for c in name) \
                and name not in stop:
            out.append((s_, e_, name, "speaker-line", 0.7))
    # a report's speaker line with who they are before the name: 蔬菜经销商 张增梁：…, 山东寿光…分析员 崔晓静：…
    # (of a rarer surname, not a body, a place or a form: 指导单位 司法局：, 附件1 申报表：, 主办单位 蒋家村：)
    for m in re.finditer(rf"(?:^|(?<=\n))[ \u3000]*[{HAN}A-Za-z0-9（）()]{{2,30}}[ \u3000]+(?P<name>[{HAN}]{{2,3}})[：:]", text):
        name = m.group("name")
        # (the line's shape is evidence enough for a three-character name of a rarer surname:
        # 蔬菜收购商 祖晓璇：)
        if name[-1] in _NOT_NAME_END or _LABEL_BEFORE.search(text, 0, m.start("name")):
            continue
        if looks_like_name(name) and (name[0] in common_surnames() or len(name) == 3) and name not in stop \
                and name[1:] not in _TITLE_WORDS and name[1:] not in posts():
            out.append((m.start("name"), m.end("name"), name, "described-speaker-line", 0.7))
    # a person introduced by name: 一名叫做杰森的英国视频博主, 一位名叫王芳的村民 (a classifier of
    # people before it: 一家名为…的公司 is a company, 一个名叫…的村 a village)
    for m in re.finditer(rf"(?:[一这那两几\d])[名位](?:叫做|叫作|名叫|名为|叫)(?P<name>[{HAN}]{{2,4}}?|[{HAN}]{{1,5}}·[{HAN}]{{1,6}}?)的",
                         text):
        cand = m.group("name")
        if cand not in stop and cand[-1] not in _NAME_END_STOP and (
                "·" in cand or looks_like_name(cand) or all(c in _TRANSLITERATION for c in cand)):
            out.append((m.start("name"), m.end("name"), cand, "named-as", 0.75))
    # a description ending in 者 before a name that recurs: 中国最早的马克思主义者李大钊，
    # (not 记者, a post, nor 或者, a conjunction)
    for m in re.finditer(rf"(?<=[{HAN}]者)(?<!记者)(?<!或者)(?P<name>[{HAN}]{{3}})(?={boundary[3:-1]})", text):
        cand = m.group("name")
        # (参与者万余人, 投资者于今年: counts and times after 者, no names)
        if looks_like_name(cand) and cand[0] in common_surnames() and cand not in stop \
                and cand[-1] not in _NAME_END_STOP and text.count(cand) >= 2 \
                and not re.search(r"[万千百余今明去年月日人名次位个]", cand[1:]) and cand[0] not in _MOU_WORD_SURNAMES:
            out.append((m.start("name"), m.end("name"), cand, "description-name", 0.65))
    # clause start (or a quotation's or question's end) + name + (adverbial) + speech verb
    for m in re.finditer(rf"(?:^|(?<=[。，；：:\n“」）)”？！?!]))(?P<name>[{HAN}]{{2,3}}?)(?:[{HAN}]{{0,12}}?)(?:{verbs})", text):
        start = m.start("name")
        for length in (3, 2):
            cand = text[start:start + length]
            rest = text[start + length:m.end()]
            if cand[0] not in common_surnames():
                continue
            if cand[-1] in _NAME_END_STOP or cand[1:] in _TITLE_WORDS or cand[1:] in posts():
                continue  # 任部长, 王总: a surname with a title refers to a person, it is not a name
            if looks_like_name(cand) and cand not in stop and not re.search(r"[，。]", rest) \
                    and re.match(rf"(?:{verbs})|在|对|向|近日|日前|也|还|则|进一步|接受|今天|今日|昨天|昨日|于|此前|同时|认为", rest):
                out.append((start, start + length, cand, "name-verb", 0.7))
                break
    return out


def names_after_bodies(text: str, ends: list[int], stop: frozenset[str]) -> list[tuple[int, int, str]]:
    """厦门大学经济学系丁长发说: a name between an organisation (and a unit of it) and a speech verb,
    with no post, is a person's; `ends` are where the organisations' mentions end."""
    _, verbs, _ = _alternations()
    out = []
    for end in sorted(set(ends)):
        m = re.match(rf"(?:[{HAN}]{{0,8}}?(?:系|学院|研究院|研究所|研究中心|中心|部|处|司|局|办公室|团队))?"
                     rf"(?P<name>[{HAN}]{{2,3}}?)(?:也|还|则|近日|日前|此前)?(?:{verbs})", text[end:end + 24])
        if not m:
            continue
        name = m.group("name")
        if looks_like_name(name) and name[0] in common_surnames() and name not in stop \
                and name[-1] not in _NAME_END_STOP and name[1:] not in _TITLE_WORDS and name[1:] not in posts():
            out.append((end + m.start("name"), end + m.end("name"), name))
    return out


# 陈某江, 刘某, 程某: a court's, the police's or a regulator's stand-in for a name (the surname and
# 某, perhaps one character of the given name); kg.resolve makes each the article's own person
_MOU = re.compile(rf"(?P<sur>[{HAN}])某(?P<given>[{HAN}])?")
# what follows 某 when it is no name at all (对于某些, 某种程度, 于某地, 某知名医院) and what
# follows a name of two (刘某找到, 高某交代, 邹某等)
_NOT_A_NAME = frozenset("些种个一二三四五地处天日年月位次项类方面人家省市县区公企单部网知名样件批段条只")
_NOT_GIVEN = frozenset("表介认交供称说指坦承提要被将在因已曾多先又再也还就便即从向把对给让使随到去来找采得有"
                       "以每工系为是于与和及等的了着过均都并且或而所自邀约经通驾负任担持收")
_MOU_CUE = re.compile(r"(?:被告人|犯罪嫌疑人|嫌疑人|男子|女子|驾驶员|司机|主管|经理|负责人|法定代表人|股东|员工|村民|"
                      r"当事人|董事长|总经理|会计|出纳|老板|业主|患者|网民|市民)$")


# surnames that are words before 某 more often than names (向某银行申请, 于某医院就诊, 曾任某银行行长):
# a name only after a role or in a list
_MOU_WORD_SURNAMES = frozenset("向于任从和与同对在为以及把被给让将到经由自")


def anonymised_names(text: str, stop: frozenset[str]) -> list[tuple[int, int, str]]:
    """X某某 names; X某Y where it recurs (names repeat, a verb after X某 varies), else X某 where it
    recurs, follows a role (被告人刘某) or ends a list (邹某等三名驾驶员)."""
    if "某" not in text:
        return []
    common = common_surnames()
    found = [m for m in _MOU.finditer(text) if m.group("sur") in common and m.group("given") not in _NOT_A_NAME]
    three: dict[str, int] = {}
    for m in found:
        if m.group("given") and m.group("given") not in _NOT_GIVEN and m.group("given") not in _NAME_END_STOP:
            three[m.group()] = three.get(m.group(), 0) + 1
    # (刘某某 is a name of three, once or often: never 刘某, who may be someone else)
    names = {n for n, c in three.items() if (c >= 2 or n.endswith("某某")) and n not in stop
             and n[0] not in _MOU_WORD_SURNAMES}
    out, two = [], {}
    for m in found:
        if m.group() in names:
            out.append((m.start(), m.end(), m.group()))
        elif m.group("given") != "某":
            two.setdefault(m.group("sur") + "某", []).append(m.start())
    for name, starts in two.items():
        if name in stop:
            continue
        cued = [st for st in starts if _MOU_CUE.search(text, max(0, st - 6), st)
                or text[st + 2:st + 3] in ("等", "、")]
        if name[0] in _MOU_WORD_SURNAMES:
            # (被告人于某因…, not 患者于某医院: a word must end the name)
            out += [(st, st + 2, name) for st in cued if not re.match(rf"[{HAN}]", text[st + 2:st + 3])
                    or text[st + 2] in _NOT_GIVEN or text[st + 2] in _NAME_END_STOP]
        elif len(starts) >= 2 or cued:
            out += [(st, st + 2, name) for st in starts]
    return sorted(out)


# 房东景女士说, 店老板吴先生来自湖南, 在天河区创业的孙先生: someone the article names by surname and
# title only (kg.resolve makes each the article's own person, as 张某)
_TITLED = re.compile(rf"(?P<name>[{HAN}](?:女士|先生))(?!们)")      # (not 向女士们: "to the ladies")
_TITLED_LEFT = re.compile(rf"(?:^|[^{HAN}]|的|房东|老板|店主|店长|义工|志愿者|市民|村民|居民|网友|读者|消费者|业主|租客|"
                          rf"司机|乘客|员工|职工|患者|家长|股民|投资者|创始人|负责人|经理|董事长|总经理|工作人员|当事人)$")


def titled_surnames(text: str, stop: frozenset[str]) -> list[tuple[int, int, str]]:
    """景女士, 吴先生: a common surname and 女士/先生 after a role, a boundary or 的, said again in
    the article or followed by a speech verb (not 大使先生, 马先生海南大学 once)."""
    if "女士" not in text and "先生" not in text:
        return []
    _, verbs, _ = _alternations()
    common, every = common_surnames(), surnames()
    # (any surname after a role, 房东景女士; a common one after a boundary or 的)
    found = [m for m in _TITLED.finditer(text) if m.group("name") not in stop
             and (left := _TITLED_LEFT.search(text, max(0, m.start() - 5), m.start())) is not None
             and (m.group("name")[0] in common or m.group("name")[0] in every and left.group() not in ("", "的")
                  and re.match(rf"[{HAN}]", left.group()))]
    out = []
    for m in found:
        name = m.group("name")
        if text.count(name) >= 2 or re.match(rf"(?:也|还|则|对记者|向记者|告诉记者)?(?:{verbs})", text[m.end():m.end() + 8]):
            out.append((m.start(), m.end(), name))
    return out


# 17岁的小陈, 判决小陈犯…罪, 小陈供述: a young person the article names by 小 and surname only (not
# 小时, 小区, 小康, 小麦, 小米, 小于: words)
_XIAO = re.compile(rf"小(?P<sur>[{HAN}])")
_XIAO_NOT = frozenset("时区康麦米于和从学组型微金白龙牛鹏红")
_XIAO_BEFORE = re.compile(rf"(?:岁的|判决|判处|{_LEGAL_ROLE.pattern})$")
_XIAO_AFTER = re.compile(r"供述|不服|犯[^，。]{1,12}罪|涉嫌|被判|被抓获|被告")


def young_by_surname(text: str, stop: frozenset[str]) -> list[tuple[int, int, str]]:
    """小陈: 小 and a common surname said three times or more, once after an age or a legal role
    or before a confession, a crime or a speech verb (kg.resolve keys it to the article)."""
    if "小" not in text:
        return []
    _, verbs, _ = _alternations()
    common = common_surnames()
    by_name: dict[str, list[re.Match]] = {}
    every = surnames()
    for m in _XIAO.finditer(text):
        # (刘小林: 小林 is a given name there, the whole name a person's)
        if m.group("sur") in common and m.group("sur") not in _XIAO_NOT and m.group() not in stop \
                and not (m.start() > 0 and text[m.start() - 1] in every):
            by_name.setdefault(m.group(), []).append(m)
    out = []
    for name, found in by_name.items():
        if len(found) < 3:
            continue
        if any(_XIAO_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _XIAO_AFTER.match(text, m.end())
               or re.match(rf"(?:也|还|则)?(?:{verbs})", text[m.end():m.end() + 6]) for m in found):
            out += [(m.start(), m.end(), name) for m in found]
    return out


# 阙宏镖（另案处理）, 伙同吴隽（另案处理）等人: whom a court or the police deal with in another case
# (not 另行处理: property is dealt with so too, 涉案车辆（另行处理）)
_ELSEWHERE = re.compile(rf"(?=[（(](?:另案处理|另案处理中|另案起诉|另案侦查|另案审理|已另案判决|在逃|已死亡)[）)])")
# what may stand right before such a name: a boundary, a list, 伙同, 的, or a legal role
_ELSEWHERE_LEFT = re.compile(rf"(?:^|[，。、；：:“”（(\s和与及同的]|{_LEGAL_ROLE.pattern})$")


def persons_dealt_with_elsewhere(text: str, stop: frozenset[str]) -> list[tuple[int, int, str]]:
    """The name before （另案处理）: with a compound surname (欧阳明辉), else of three characters or
    two, whichever opens with a common surname (伙同吴隽: 吴隽, not 同吴隽), else the one that
    looks like a name; and only where a name can start (not 其余人员（另案处理）)."""
    out = []
    common = common_surnames()
    for m in _ELSEWHERE.finditer(text):
        end = m.start()
        cands = [text[end - n:end] for n in (4, 3, 2) if end - n >= 0]
        cands = [c for c in cands if looks_like_name(c) and c not in stop and c[-1] not in _NAME_END_STOP]
        double = [c for c in cands if len(c) >= 3 and looks_like_name(c) and c[:2] in _compound_surnames()]
        best = double[0] if double else next((c for c in cands if len(c) <= 3 and c[0] in common),
                                             next((c for c in cands if len(c) <= 3), None))
        if best is not None and _ELSEWHERE_LEFT.search(text, max(0, end - len(best) - 8), end - len(best)):
            out.append((end - len(best), end, best))
    return out


def _compound_surnames() -> frozenset[str]:
    return frozenset(s for s in surnames() if len(s) == 2)


_CONJ = "和与、及同跟"
_NOT_CONJ = frozenset({"伙同", "会同", "陪同", "连同", "协同", "共同", "如同", "等同", "同时", "同意", "同比", "同期", "同样", "及时"})
# what may stand right before the first name of a pair: a clause boundary or a function word
_LEFT_OF_PAIR = set("，。、；：:“”‘’（(\n ")
# (not 等/的/们: 黄金等, 高层的, 高管们 are words, a name is rarely followed so in a pair)
_RIGHT_OF_PAIR = set("，。、；：:”’）) 和与及分都均一二两")


def coordinated_names(text: str, known: set[str], stop: frozenset[str]) -> list[tuple[int, int, str]]:
    """Names joined to a name already found by 和/与/、/及/同/跟 (马云和曾毓群, 曾毓群与马云): what
    stands beside a person in such a pair is a person when it looks like a name with a common
    surname and is cut off on its other side."""
    def plausible(x: str) -> bool:
        return (looks_like_name(x) and x[0] in common_surnames() and x not in stop and "们" not in x
                and x[-1] not in _NAME_END_STOP and x[1:] not in _TITLE_WORDS and x[1:] not in posts())
    out = []
    for name in sorted(known):
        for m in occurrences(name, text):
            s, e = m.span()
            # (韩越伙同吴隽: 伙同 "together with" is a verb, 同 no conjunction there; nor 会同, 陪同)
            if s >= 3 and text[s - 1] in _CONJ and text[s - 2:s] not in _NOT_CONJ:
                for length in (3, 2):
                    b = s - 1 - length
                    cand = text[b:s - 1]
                    if b >= 0 and (b == 0 or text[b - 1] in _LEFT_OF_PAIR) and plausible(cand):
                        out.append((b, s - 1, cand))
                        break
            if e < len(text) - 2 and text[e] in _CONJ and text[e:e + 2] not in _NOT_CONJ:
                for length in (3, 2):
                    cand = text[e + 1:e + 1 + length]
                    after = text[e + 1 + length:e + 2 + length]
                    if len(cand) == length and (not after or after in _RIGHT_OF_PAIR) and plausible(cand):
                        out.append((e + 1, e + 1 + length, cand))
                        break
    return out
