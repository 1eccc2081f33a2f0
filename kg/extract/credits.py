"""Credits: the outlet, reporters, editor, original outlet and original title of an article.

Sources, in order of trust: front matter `author` (the publishing outlet), the editor line
(`责任编辑：…`, also found by the reader inside HTML comments), bylines (`澎湃新闻记者 周頔`,
`新华社北京2月8日电（记者邹多为、于佳欣）`, `21世纪经济报道记者 夏旭田 实习记者 缴翼飞 北京报道`,
`（记者王希）`), `来源：` lines and `原标题：`.
"""
from __future__ import annotations

import re

from .. import gazetteer
from ..lexicon import looks_like_name
from ..model import Mention, Records, Relation, Span
from .base import Context, FunctionExtractor

NAME = "credits"
VERSION = "20"

_HAN = r"\u4e00-\u9fff"
# words that separate or qualify names in a byline
_ROLE_WORDS = re.compile(r"(?:实习|见习|资深|首席|特约|驻\w{1,3})?(?:记者|通讯员|实习生|编辑|摄影|摄)")
_OUTLET_SUFFIX = re.compile(r"(?:新闻|日报|时报|晚报|商报|早报|周刊|报|社|网|财经|报道|客户端|卫视|电视台|总台|全媒体|中国|公众号|官微)$")
# 新华社北京2月8日电（记者邹多为、于佳欣） / 武汉晚报讯（记者李玉莹） / 财联社（北京，记者 张晓翀）讯 /
# （总台央视记者 王楠 田琪永）
_DATELINE = re.compile(
    rf"(?:(?P<outlet>[{_HAN}A-Za-z0-9]{{2,12}}?)(?:[{_HAN}]{{2,4}}\d{{1,2}}月\d{{1,2}}日电|讯)?)?"
    rf"[（(](?:[{_HAN}]{{2,4}}[，,])?\s*(?P<inner>[{_HAN}]{{0,6}})?记者\s*(?P<names>[^）)]{{2,40}})[）)]")
# 澎湃新闻记者 周頔 / 证券时报记者 江聃 / 红星新闻记者 叶燕 宋嘉问 / 记者 | 张三
_BYLINE = re.compile(
    rf"^(?:[（(]?(?:作者[：:])?)(?P<outlet>[{_HAN}A-Za-z0-9（）().]{{0,40}}?)"
    rf"(?:实习|见习|资深|首席|特约|驻[{_HAN}]{{1,3}})?记者[\s|｜:：]*(?P<names>[^（）()。，,；]{{2,60}})$")
# a byline run into the first paragraph: 21世纪经济报道记者赵子健 北京报道 海关总署3月7日…
_BYLINE_HEAD = re.compile(
    rf"^(?P<outlet>[{_HAN}A-Za-z0-9]{{2,16}}?)(?:实习|见习|资深|首席|特约)?记者\s*"
    rf"(?P<names>(?:[{_HAN}]{{2,4}}(?:\s+|、)?(?:(?:实习|见习)?记者\s*)?){{1,4}}?)\s*[{_HAN}]{{0,4}}报道")
# 新华社南京12月7日电: the wire service is the original outlet
_WIRE = re.compile(rf"^(?P<outlet>[{_HAN}]{{2,8}}?)[{_HAN}]{{2,4}}(?P<date>\d{{1,2}}月\d{{1,2}}日)电")
# 上证报中国证券网讯 / 证券时报网讯，据…: 讯 needs no date (no ^: matched at a paragraph's start,
# where ^ would never match after the first)
_CITED_OUTLET = re.compile(rf"\s*[，,]?\s*据(?P<outlet>[{_HAN}A-Za-z]{{2,10}}?)(?:(?:\d{{1,2}}月)?\d{{1,2}}日)?(?:消息|报道)")
_REPORTED = re.compile(rf"\s*(?P<outlet>[{_HAN}A-Za-z]{{2,10}}?)\s*(?:(?:\d{{1,2}}月)?\d{{1,2}}日(?:报道|讯|消息)|讯)")
# 编辑 | 翟瑞民 / 本期资深编辑 邢潭: a line of its own naming the editor (责任编辑： is the reader's)
_EDITOR_LINE = re.compile(rf"^\s*(?:本期)?(?:资深)?编辑\s*[：:丨|｜]?\s*(?P<name>[{_HAN}]{{2,4}})\s*$")
_OUTLET_EDITOR = re.compile(rf"(?:^|\s)(?P<outlet>[{_HAN}]{{2,8}}?)编辑\s*[：:]?\s*(?P<name>[{_HAN}]{{2,4}})\s*$")
# 作 者丨卜羽勤 / 来源：光明日报 作者：吴亚琦 / （作者：周潇枭 编辑：李博）
# 文丨吕立勤梁剑箫 (two three-character names run together)
# （作者：南方财经全媒体记者 钟小韵 编辑：杜弘禹） / ►文 观察者网 陶梦: an outlet may come first
_AUTHOR = re.compile(rf"(?:(?:^|[\s（(])作\s*者\s*[丨|｜：:]|^[\s►▶]*文\s*[丨|｜/]|^[\s►▶]*文\s+)\s*"
                     rf"(?:(?P<outlet>[{_HAN}A-Za-z0-9]{{2,12}}?)(?:记者\s*|\s+))?"
                     rf"(?P<names>[{_HAN}]{{2,4}}(?:[、\s]+[{_HAN}]{{2,4}}){{0,3}}?|[{_HAN}]{{6}})"
                     rf"(?=\s*(?:编辑|图片|图|摄影|来源|[）)]|$))")
_AUTHOR_EDITOR = re.compile(rf"(?<![责任])编辑\s*[：:丨|｜]\s*(?P<name>[{_HAN}]{{2,4}})(?=\s|[）)]|$)")
# …情况。(央视新闻) / （新华社）: a known outlet in brackets closing the article is its source
_CLOSING_SOURCE = re.compile(r"(?:^|(?<=[。！？!?”\s]))[（(](?:来源[：:])?\s*(?P<outlet>[^（）()]{2,16})\s*[）)]\s*$")
# 中新经纬11月26日电 （董湘依）: the reporter in brackets after a wire dateline, without 记者
_WIRE_NAMES = re.compile(rf"\d{{1,2}}日电\s*[（(](?P<names>[{_HAN}]{{2,4}}(?:[、\s]+[{_HAN}]{{2,4}}){{0,3}})[）)]")
# …都有所减少。（吴家明）: a name in brackets closing the article is its reporter's
_CLOSING_NAME = re.compile(rf"(?<=[。！？!?”])\s*[（(](?P<name>[{_HAN}]{{2,4}})[）)]\s*$")
_CAPTION_END = re.compile(r"(?:截图|截屏|图片|供图|配图|摄)\s*$")
# (a saved page's date line may come first: 2022-05-25 16:30:12　来源：新华网)
_SOURCE = re.compile(rf"^\s*(?:\d{{4}}[-/.年]\d{{1,2}}[-/.月]\d{{1,2}}日?(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*)?"
                     rf"(?:来源|稿件来源|文章来源)\s*[：:丨|｜]\s*(?P<outlet>[{_HAN}A-Za-z0-9]{{2,20}})")
_FROM = re.compile(rf"本文来自(?P<outlet>[{_HAN}A-Za-z0-9]{{2,12}}?)[，,。)）]")
_ORIG_TITLE = re.compile(r"^\s*原标题\s*[：:]\s*(?P<title>.+?)\s*$")


def _names(chunk: str) -> list[tuple[str, int, str]]:
    """Split the name part of a byline into (name, offset, role) triples: names after 通讯员 or
    实习生 are the article's contributors, not its reporters (实习记者 and 见习记者 are reporters)."""
    out = []
    role = "reporter"
    for m in re.finditer(rf"[{_HAN}]+", chunk):
        word = m.group()
        if word.endswith("报道") or word.endswith("摄"):
            continue
        word_start = m.start()
        # 实习记者缴翼飞: drop a role word glued to the name
        rm = _ROLE_WORDS.match(word)
        if rm:
            role = "contributor" if rm.group().endswith(("通讯员", "实习生")) else "reporter"
            word_start += rm.end()
            word = word[rm.end():]
        if looks_like_name(word):
            out.append((word, word_start, role))
        elif len(word) == 6 and looks_like_name(word[:3]) and looks_like_name(word[3:]):
            out += [(word[:3], word_start, role), (word[3:], word_start + 3, role)]
    return out


# (21世纪经济报道记者现场提问: an outlet's name may open with digits)
_BODY_REPORTER = re.compile(rf"(?:《(?P<quoted>[^》]{{2,12}})》|(?<![{_HAN}0-9A-Za-z])(?P<bare>[0-9A-Za-z]{{0,4}}[{_HAN}]{{2,8}}))"
                            r"(?:实习|见习|首席)?记者"
                            r"(?=从|获悉|了解到|注意到|查询|采访|梳理|统计|发现|在|表示|分析|说|问|现场|提问)")
# (据《X》记者报道 cites X; 接受《华尔街日报》记者采访, 对《X》记者说: someone spoke to X's reporter)
_CITING = re.compile(r"(?:据|援引|引述|转引|根据|接受|对|向|告诉)$")


def _outlet(text: str) -> str | None:
    text = text.strip(" （(：:")
    # 本报（chinatimes.net.cn）: "this paper" is the one whose site the brackets name
    site = re.search(r"[（(]\s*(?:https?://)?(?:www\.)?([A-Za-z0-9.-]+\.[A-Za-z]{2,})/?\s*[）)]", text)
    text = re.sub(r"[（(][^）)]*[）)]", "", text)  # 澎湃新闻（www.thepaper.cn）
    if not text or text in {"本报", "本刊", "本台", "本网"}:
        entry = gazetteer.org_index().get(site.group(1).lower()) if site and text else None
        return entry.name if entry is not None and entry.kind == "MediaOutlet" else None
    entry = gazetteer.org_index().get(text)
    if entry is not None:
        return entry.name
    account = re.match(r"(.*?)(?:微信)?(?:公众号|官微)$", text)
    if account:
        # 券商中国公众号 is 券商中国; 微信公众号 alone names no one
        owner = account.group(1)
        if not owner:
            return None
        entry = gazetteer.org_index().get(owner)
        # 上海市场监管公众号: the account's own name
        return entry.name if entry is not None else owner if len(owner) >= 2 else text
    return text if _OUTLET_SUFFIX.search(text) and len(text) >= 2 else None


def _mention(text: str, kind: str, start: int | None, rule: str, conf: float) -> Mention:
    span = Span(start, start + len(text)) if start is not None else None
    return Mention(text=text, kind=kind, span=span, confidence=conf, extractor=f"{NAME}@{VERSION}", rule=rule)


def _credit(records: Records, role: str, mention: Mention, span: Span | None) -> None:
    records.mentions.append(mention)
    records.relations.append(Relation(kind="credit", args={"role": role, "target": mention}, span=span,
                                      confidence=mention.confidence, extractor=mention.extractor,
                                      rule=mention.rule))


def extract(ctx: Context) -> Records:
    art = ctx.article
    rec = Records()
    seen: set[tuple[str, str]] = set()

    def add(role: str, name: str, kind: str, start: int | None, rule: str, conf: float, span: Span | None = None):
        if (role, name) in seen:
            return
        seen.add((role, name))
        _credit(rec, role, _mention(name, kind, start, rule, conf), span)

    outlet = str(art.meta.get("author") or "").strip()
    if outlet:
        add("publisher", outlet, "MediaOutlet", None, "front-matter-author", 1.0)

    text = art.text
    # 参考消息网8月11日报道, 证券时报网23日讯: a known outlet opening the lead reports the article
    # (only there: 新华社3日报道 further down cites one fact)
    for para in [p for p in art.paragraphs if text[p.start:p.end].strip()][:3]:
        m = _REPORTED.match(text, para.start, para.end)
        known = _known_outlets(m.group("outlet")) if m else []
        for name in known:
            add("sourceOrganization", name, "MediaOutlet", None, "lead-outlet", 0.8, Span(para.start, m.end()))
        # 证券时报网讯，据新华社30日消息: the outlet the lead's outlet took it from is a source too
        cited = _CITED_OUTLET.match(text, m.end(), para.end) if known else None
        for name in _known_outlets(cited.group("outlet")) if cited else []:
            add("sourceOrganization", name, "MediaOutlet", None, "lead-cited-outlet", 0.75, Span(para.start, cited.end()))
    # paragraphs of running text after each paragraph: a 来源 line with the article going on
    # after it is an image's or a table's caption (来源：人社部网站 under a chart), not the
    # article's source
    prose_after, n = [], 0
    for para in reversed(art.paragraphs):
        prose_after.append(n)
        n += para.end - para.start >= 40
    prose_after.reverse()
    for i, para in enumerate(art.paragraphs):
        ptext = text[para.start:para.end]
        if len(ptext) <= 80:
            # 每经记者 任飞    每经编辑 叶峰 / 每经编辑 彭水萍: an outlet's editor ends the byline
            em = _OUTLET_EDITOR.search(ptext)
            outs = _outlets(em.group("outlet")) if em else []
            if em and outs and looks_like_name(em.group("name")):
                add("editor", em.group("name"), "Person", para.start + em.start("name"), "outlet-editor", 0.9,
                    Span(para.start + em.start(), para.start + em.end()))
                for o in outs:
                    add("sourceOrganization", o, "MediaOutlet", None, "outlet-editor", 0.85,
                        Span(para.start + em.start(), para.start + em.end()))
                ptext = ptext[:em.start()].rstrip()
            m = _BYLINE.match(ptext)
            if m:
                names = _names(m.group("names"))
                base = para.start + m.start("names")
                for name, off, role in names:
                    add(role, name, "Person", base + off, "byline", 0.9, Span(para.start, para.end))
                o = _outlet(m.group("outlet"))
                if o and names:
                    add("sourceOrganization", o, "MediaOutlet", para.start + m.start("outlet") + m.group("outlet").find(o)
                        if m.group("outlet").find(o) >= 0 else None, "byline-outlet", 0.85, Span(para.start, para.end))
            m = _SOURCE.match(ptext)
            # 来源：证监会网站截图 credits an image, and so does one well inside the article
            if m and not _CAPTION_END.search(ptext) and (i < 3 or prose_after[i] < 2):
                o = _source_name(m.group("outlet"))
                if o:
                    add("sourceOrganization", o, _source_kind(o), None, "source-line", 0.8, Span(para.start, para.end))
            m = _AUTHOR.search(ptext)
            if m:
                names = _names(m.group("names"))
                for name, off, role in names:
                    add(role, name, "Person", para.start + m.start("names") + off, "author-line", 0.85,
                        Span(para.start, para.end))
                o = _outlet(m.group("outlet")) if m.group("outlet") and names else None
                if o:
                    add("sourceOrganization", o, "MediaOutlet", None, "author-line", 0.8, Span(para.start, para.end))
                em = _AUTHOR_EDITOR.search(ptext, m.end())
                if em and looks_like_name(em.group("name")):
                    add("editor", em.group("name"), "Person", para.start + em.start("name"), "author-line", 0.85,
                        Span(para.start, para.end))
            m = _EDITOR_LINE.match(ptext)
            if m and looks_like_name(m.group("name")):
                add("editor", m.group("name"), "Person", para.start + m.start("name"), "editor-line", 0.85,
                    Span(para.start, para.end))
            m = _ORIG_TITLE.match(ptext)
            if m:
                title = re.split(r"\s+来源[：:]", m.group("title"))[0].strip()
                rec.relations.append(Relation(kind="original_title", args={"title": title},
                                              span=Span(para.start, para.end), confidence=1.0,
                                              extractor=f"{NAME}@{VERSION}", rule="original-title"))
        if para.start < 600:
            m = _BYLINE_HEAD.match(ptext) if len(ptext) > 80 else None
            if m:
                names = _names(m.group("names"))
                for name, off, role in names:
                    add(role, name, "Person", para.start + m.start("names") + off, "byline-head", 0.85,
                        Span(para.start, para.start + m.end()))
                for o in _outlets(m.group("outlet")):
                    add("sourceOrganization", o, "MediaOutlet", None, "byline-outlet", 0.8, Span(para.start, para.start + m.end()))
            m = _WIRE.match(ptext)
            if m:
                # 新华社北京…电: try each split of outlet + place, preferring a known outlet
                head = m.group(0)
                outs = []
                for n in range(2, 9):
                    if gazetteer.org_index().get(head[:n]) is not None:
                        outs = [gazetteer.org_index()[head[:n]].name]
                if not outs:
                    outs = _outlets(m.group("outlet"))
                if not outs:                # 中新财经2月21日电: an outlet without a place
                    outs = _outlets(ptext[:m.start("date")])
                for o in outs:
                    add("sourceOrganization", o, "MediaOutlet", para.start, "wire-dateline", 0.85,
                        Span(para.start, para.start + m.end()))
        # (the pattern is slow, being tried at every position, and every match holds 记者)
        for m in (_DATELINE.finditer(ptext) if "记者" in ptext else ()):
            names = _names(m.group("names"))
            base = para.start + m.start("names")
            for name, off, role in names:
                add(role, name, "Person", base + off, "dateline", 0.9, Span(para.start + m.start(), para.start + m.end()))
            for o in (_outlets(m.group("outlet")) if m.group("outlet") and names else []):
                add("sourceOrganization", o, "MediaOutlet", None, "dateline-outlet", 0.8,
                    Span(para.start + m.start(), para.start + m.end()))
            # （总台央视记者 王楠 田琪永）: the outlet inside the brackets, when it is a known one
            inner = re.sub(rf"驻[{_HAN}]{{1,3}}$", "", m.group("inner") or "")   # 深圳商报驻京记者
            known = gazetteer.org_index().get(inner) if names and inner else None
            if known is not None and known.kind == "MediaOutlet":
                add("sourceOrganization", known.name, "MediaOutlet", None, "dateline-inner-outlet", 0.8,
                    Span(para.start + m.start(), para.start + m.end()))
        for m in _FROM.finditer(ptext):
            o = _outlet(m.group("outlet"))
            if o:
                add("sourceOrganization", o, "MediaOutlet", para.start + m.start("outlet"), "from-line", 0.8,
                    Span(para.start + m.start(), para.start + m.end()))
    for m in _WIRE_NAMES.finditer(text, 0, min(len(text), 400)):
        for name, off, role in _names(m.group("names")):
            add(role, name, "Person", m.start("names") + off, "wire-dateline-name", 0.8, Span(m.start(), m.end()))
    if art.paragraphs:
        last = art.paragraphs[-1]
        cm = _CLOSING_NAME.search(text, last.start, last.end)
        if cm and looks_like_name(cm.group("name")) and gazetteer.org_index().get(cm.group("name")) is None:
            add("reporter", cm.group("name"), "Person", cm.start("name"), "closing-name", 0.7,
                Span(cm.start(), cm.end()))
        m = _CLOSING_SOURCE.search(text[last.start:last.end])
        entry = gazetteer.org_index().get(m.group("outlet").strip()) if m else None
        if entry is not None and entry.kind == "MediaOutlet":
            add("sourceOrganization", entry.name, "MediaOutlet", None, "closing-source", 0.75,
                Span(last.start, last.end))
    src = str(art.meta.get("original_source") or "")
    for o in _outlets(src) or ([_outlet(_leading_outlet(src))] if src and _leading_outlet(src) else []):
        if o:
            add("sourceOrganization", o, "MediaOutlet", None, "original-source", 0.8)
    # 新华社记者 张龙 摄, 图表：张海彤, 制图：陈敏: who made the article's pictures contributed to it
    for m in re.finditer(rf"记者\s*(?P<name>[{_HAN}]{{2,4}})\s*摄|(?:^|(?<=\n))\s*(?:图表|制图|绘图)\s*[：:丨|｜]\s*"
                         rf"(?P<maker>[{_HAN}]{{2,4}})\s*(?=\n|$)", text):
        name = m.group("name") or m.group("maker")
        if looks_like_name(name) and ("reporter", name) not in seen:
            at = m.start("name") if m.group("name") else m.start("maker")
            add("contributor", name, "Person", at, "photo-credit" if m.group("name") else "chart-credit", 0.8,
                Span(m.start(), m.end()))
    for name in art.editor_raw:
        m = re.match(rf"[{_HAN}]{{2,4}}", name.strip())
        if m:
            add("editor", m.group(), "Person", None, "editor-line", 1.0)
    if not any(role == "sourceOrganization" for role, _ in seen):
        # 《证券日报》记者从宁德时代获悉, 第一财经记者从国家林业和草原局了解到: when nothing above named one, the
        # outlet whose reporter the text speaks of is the article's (not 据《X》记者报道, a citation)
        # (only one outlet's reporters: a press conference's transcript names many, each asking)
        found: dict[str, Span] = {}
        for m in _BODY_REPORTER.finditer(text):
            name = m.group("quoted") or m.group("bare")
            entry = gazetteer.org_index().get(name)
            o = entry.name if entry is not None and entry.kind == "MediaOutlet" else \
                (_outlet(name) if m.group("quoted") else None)
            if o and not _CITING.search(text, max(0, m.start() - 4), m.start()):
                found.setdefault(o, Span(m.start(), m.end()))
        if len(found) == 1:
            (o, span), = found.items()
            add("sourceOrganization", o, "MediaOutlet", None, "body-reporter-outlet", 0.6, span)
    return rec


def _known_outlets(text: str) -> list[str]:
    """上证报中国证券网 -> [上海证券报, 中国证券网], only if every part is a media outlet kg knows."""
    idx = gazetteer.org_index()
    names = _outlets(text)
    ok = names and all(n in idx and idx[n].kind == "MediaOutlet" for n in names)
    return names if ok else []


def _outlets(text: str) -> list[str]:
    """上证报中国证券网 -> [上海证券报, 中国证券网]: a run of known outlets, else one by suffix."""
    text = re.sub(r"[（(][^）)]*[）)]", "", text or "").strip()
    if not text:
        return []
    idx = gazetteer.org_index()
    if text in idx:
        return [idx[text].name]
    out, pos = [], 0
    while pos < len(text):
        for end in range(len(text), pos + 1, -1):
            if text[pos:end] in idx:
                out.append(idx[text[pos:end]].name)
                pos = end
                break
        else:
            break
    if pos == len(text) and out:
        return out
    one = _outlet(text)
    return [one] if one else []


# what follows a known outlet's name when the line says how it used its material, not whose it is
_SOURCE_REST = re.compile(r"(?:综合|整理|编辑|编译|报道|记者|客户端|微信|公众号|官微|官网|网站|官方|APP|App|app)")


def _source_name(name: str) -> str | None:
    """来源：每日经济新闻综合中央纪委国家监委网站 -> 每日经济新闻; 来源：浙江大学校友总会 is the
    association, not 浙江大学; 来源：健康广东 (no outlet kg knows) is credited as written."""
    known = _outlet(name)
    if known:
        return known
    lead = _leading_outlet(name)
    if lead and (len(lead) == len(name) or _SOURCE_REST.match(name, len(lead))):
        return _outlet(lead)
    # (微信公众号, 网络, 资料 name no one; a bare kind of source is no source)
    if re.fullmatch(rf"[{_HAN}]{{2,12}}", name) and name not in gazetteer.stopwords() \
            and not re.search(r"(?:公众号|官微|网站|网络|网友|网上|截图|资料|图片|互联网|本站|本网|综合)$", name):
        return name
    return None


def _source_kind(name: str) -> str:
    """What a 来源 line credits: an outlet, unless kg knows the name as another kind of body or
    the name says it is one (来源：浙江大学校友总会 is an association, 来源：上海市场监管 a bureau's)."""
    entry = gazetteer.org_index().get(name)
    if entry is not None:
        return entry.kind
    if re.search(r"(?:总会|协会|学会|基金会|研究院|研究会|联合会|商会|促进会)$", name):
        return "Organization"
    if re.search(r"(?:局|委|厅|监管|政府|办公室|办公厅)$", name):
        return "GovernmentBody"
    return "MediaOutlet"


def _leading_outlet(text: str) -> str:
    """来源：每日经济新闻综合中央纪委国家监委网站 -> 每日经济新闻."""
    for entry_name in sorted(gazetteer.org_index(), key=len, reverse=True):
        if text.startswith(entry_name):
            return entry_name
    return ""


EXTRACTOR = FunctionExtractor(NAME, VERSION, extract, requires=("article",), produces=("credits",),
                              description="outlet, reporters, editor, original outlet and title")
