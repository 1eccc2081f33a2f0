"""Relations between the entities found earlier in the same article.

Rules are written for constructions, not sentences:
- roles: [org][原|前][post][name] (商务部新闻发言人高峰, 原核工业部副部长刁筠寿);
- documents: [org(、org)*] ... [发布|印发|批复|...] ... 《title》 in one sentence;
- designations: [places joined by 、/和/及] [等N个…] [设立|获批|入选|…] [programme];
- statements: [speaker | 他/她] [adverbial] [表示|指出|…] [text];
- measures: 一是…二是… / 第一，…第二，… after a sentence naming the announcing body.
"""
from __future__ import annotations

import bisect
import re

from ..lexicon import posts, speech_verbs
from ..model import Mention, Records, Relation, Span
from ..readers.frontmatter import day_in_china
from .base import Context, FunctionExtractor
from .events import day as sentence_day, vague_day

NAME = "relations"
VERSION = "66"
TAG = f"{NAME}@{VERSION}"
HAN = r"\u4e00-\u9fff"

ORG_KINDS = {"Organization", "GovernmentBody", "Company", "MediaOutlet"}
PLACE_KINDS = {"Place", "City", "AdministrativeArea", "Country"}
DOC_KINDS = {"Document", "Law"}

DOC_VERBS = [("联合印发", "issued"), ("印发", "issued"), ("发布", "published"), ("公布", "published"),
             ("出台", "issued"), ("颁布", "issued"), ("下发", "issued"), ("发出", "issued"), ("制定", "issued"),
             ("审议通过", "adopted"), ("通过", "adopted"), ("批复", "approved"), ("批准", "approved"),
             ("同意", "approved"), ("签署", "signed"), ("签订", "signed"), ("修订", "revised"), ("起草", "drafted"),
             ("公开征求", "drafted"), ("征求", "drafted"), ("主编", "published"), ("达成", "adopted"),
             ("编制出台", "issued"), ("编制", "drafted")]
DESIGNATION_VERBS = ("设立", "获批", "入选", "列为", "纳入", "批准", "同意", "建设", "开展", "成为", "认定", "确定为",
                     "新设", "获得")
# between a place and the title it issued: a day, 日前, N个部门, 联合, the verb
# (not 厦门11个部门联合印发: the city's departments issued it, not its government)
_PLACE_ISSUES = re.compile(r"(?:\d{1,2}月\d{1,2}日|日前|近日|此前|今年\d{1,2}月)?(?:联合)?"
                           r"(?P<verb>印发|发布|出台|下发|公布)(?:了|的)?")
_WEAK_DESIGNATION = {"开展", "建设"}
_PILOT_AFTER = re.compile(r"[”\"]?(?:建设)?(?:试点|试验区|示范区|综试区|先行区|示范城市|试点城市)")
ORDINALS = "一二三四五六七八九十"
_ORG_BEFORE_POST = re.compile(
    rf"([{HAN}]{{2,20}}?(?:部|委员会|委|局|署|办公室|办|院|银行|行|协会|学会|会|所|公司|集团|中心|大学|学院|研究院|研究所|研究会|交易所|法院|检察院|政府|党委|总局|总署))$")
_LEFT_BOUND = set("的在与和及对由向从被把将为是等了、，。：；“”‘’（）()《》,.:;!?！？ \n据")


def _rel(kind, args, span, conf, rule):
    return Relation(kind=kind, args=args, span=span, confidence=conf, extractor=TAG, rule=rule)


def _sentence_span(art, offset):
    s = art.sentence_at(offset)
    return (s.start, s.end) if s else (0, len(art.text))


def _through_semicolons(art, end: int) -> int:
    """The end of the full sentence: clauses after ； on the same line belong to what was said."""
    text = art.text
    while end > 0 and text[end - 1] == "；" and end < len(text) and text[end] != "\n":
        nxt = art.sentence_at(end)
        if nxt is None or nxt.end <= end:
            break
        end = nxt.end
    return end


# a sentence the reporter speaks in: a source cited, data shown, the reporter named
# (据 alone cites; in 数据, 根据, 依据, 证据 and 占据 it is part of a word the speaker used)
_NARRATION = re.compile(r"(?<![数根依证占])据|数据显示|数据表明|记者|报道|获悉|了解到|注意到|采访|统计|公告|显示|发布|印发|出台|看来")
# a quotation in what was said (so the quoted speaker's words stop there): not a quoted term
# (外贸“开门”, “三保”), which holds no clause punctuation and is short
def _trim(said: str, right: bool = True) -> str:
    """A statement's text without the punctuation and quote marks around it, but a quote mark
    that opens or closes a quoted term inside stays (张忆东提到，“共同富裕”不是共同贫穷: not
    共同富裕”不是…; “我们会继续努力。” is 我们会继续努力。)."""
    chars = "：:，, “”\""
    left = said.lstrip(chars)
    both = left.rstrip(chars)
    out = both if right else left
    # (the first mark left a closing one: its opening was stripped - also when a quotation opens
    # later, “共同富裕”不是…。“在…机遇。” - and the last left an opening one: its closing was)
    marks = [c for c in both if c in "“”"]
    if marks and marks[0] == "”" and said[:len(said) - len(left)].endswith("“"):
        out = "“" + out
    if right and marks and marks[-1] == "“" and left[len(both):].startswith("”"):
        out += "”"
    return out


_QUOTATION = re.compile(r"“[^“”]*?[。！？!?，,；;：:][^“”]*”|“[^“”]{16,}”|“[^”]*$")


def _speech_runs_on(art, end: int, verbs: re.Pattern, people: list[int]) -> int:
    """X表示，S1。S2。S3。: reported speech goes on to the end of its paragraph (a reporter starts
    a new paragraph to speak again), up to a sentence that quotes, names a person (`people`:
    where names start) or someone speaking, cites a source or asks a question."""
    text = art.text
    k = bisect.bisect_right([p.start for p in art.paragraphs], end - 1) - 1
    if k < 0:
        return end
    para_end = art.paragraphs[k].end
    while end < para_end:
        i = end
        while i < para_end and text[i].isspace():
            i += 1
        nxt = art.sentence_at(i) if i < para_end else None
        if nxt is None or nxt.start < end or nxt.end > para_end:
            break
        said = text[nxt.start:nxt.end]
        named = bisect.bisect_left(people, nxt.start) < bisect.bisect_left(people, nxt.end)
        # 刘格菘表示，…。“我认为内循环…。”: a quotation closing the speaker's paragraph, naming no
        # one, is the speaker's too (its own 我认为 is no other speaker)
        closing = said.startswith("“") and said.rstrip().endswith("”") and not text[nxt.end:para_end].strip() \
            and said.count("“") == 1 and not named
        if closing:
            end = nxt.end
            break
        if said.startswith(("“", "「", "\"")) or named or verbs.search(said) or _NARRATION.search(said) \
                or said.rstrip("”\"’」 ").endswith(("？", "?")):
            break
        end = _through_semicolons(art, nxt.end)
    return end


# 王部长, 张教授, 秦大使: a surname and a title standing for the one person of that surname
_SURNAME_TITLES = "部长|副部长|主任|局长|行长|司长|书记|省长|市长|教授|博士|先生|女士|总"
_TITLE_LINE = re.compile(rf"(?:^|(?<=\n))[ \u3000]*(?P<sur>[\u4e00-\u9fff])(?:大使|主席|总理|发言人|{_SURNAME_TITLES})\s*[：:]")
_POINT = re.compile(r"\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|第[一二三四五六七八九十]|[一二三四五六七八九十]、|"
                    r"（[一二三四五六七八九十]）|\d{1,2}[、.．])")


def _paragraph_end(art, pos: int) -> int:
    k = bisect.bisect_right([p.start for p in art.paragraphs], pos) - 1
    return art.paragraphs[k].end if k >= 0 else pos


def _listed_points(art, end: int) -> int:
    """付凌晖表示，…主要有两方面的因素：\n一是…\n二是…: words that end on a colon go on through
    the numbered paragraphs after it."""
    text = art.text
    if not text[:end].rstrip().endswith(("：", ":")):
        return end
    k = bisect.bisect_right([p.start for p in art.paragraphs], end - 1)
    while k < len(art.paragraphs) and _POINT.match(text, art.paragraphs[k].start, art.paragraphs[k].end):
        end = art.paragraphs[k].end
        k += 1
    return end


_UNIT = re.compile(rf"[{HAN}]{{1,10}}?(?:司|研究所|研究院|研究部|研究中心|部|所|处|局|中心|办公室|厅|委员会|方面)$")
_COMPANY_END = re.compile(r"(?:证券|银行|集团|公司|投资|基金|保险|控股|资本|期货|信托|资管)")
_SEP = re.compile(r"[、兼]")
_COMMITTEE = re.compile(r"专委会|专业委员会|委员会|分会|理事会")
_HEAD_POST = re.compile(r"[原前]?(?:常务)?[副代]?(?:省长|市长|县长|区长|州长|盟长|旗长)")
_ANALYST_POST = re.compile(r"(?:[\u4e00-\u9fff]{0,8})(?:分析师|经济学家|策略师|研究员)$")
_ANALYST_MODIFIERS = re.compile(r"(?:首席|高级|资深|宏观|策略|信用|固收|债券|行业|市场|研究|经济|金融|外汇|海外|全球|"
                                r"宏观经济|量化|大宗商品|证券|首席经济)+$")
# words that open a description, not a firm's name: 著名经济学家, 多位分析师, 一位资深研究员
_NOT_A_FIRM = re.compile(r"(?:著名|知名|多位|多名|一位|一名|有|该|这位|部分|不少|许多|业内|独立|青年|特约|相关|国内|国外|海外|"
                         r"外资|中资|机构|券商|市场|某)")


def _place_prefixes(head: str) -> list[str]:
    """Division names (full or short) that `head` starts with: 北京特亿阳光新能源 starts with 北京."""
    from .. import gazetteer
    idx = gazetteer.division_index()
    return [head[:n] for n in range(min(len(head) - 2, 6), 1, -1) if head[:n] in idx]


def _post_segments(phrase: str, post_re: str) -> list[str] | None:
    """'新闻发言人、国民经济综合统计司司长' -> both; None unless every segment ends with a post."""
    parts = [x for x in _SEP.split(phrase) if x]
    if not parts or not all(re.search(rf"(?:{post_re})$", x) for x in parts):
        return None
    # (会 in a committee of the body is a unit: 绩效管理专委会副主任委员; elsewhere it is a meeting's)
    if any(len(x) > 14 or re.search(r"[由在的与是为届会议]", _COMMITTEE.sub("", x[:-2])) for x in parts):
        return None
    return parts


def _after_other_people(phrase: str, names: set[str], post_re: str) -> str:
    """'大陆方面理事长郭金龙、副理事长' -> '副理事长': in a list of posts and people under one
    organisation, the posts before another person's name are that person's."""
    parts = [x for x in _SEP.split(phrase) if x]
    kept: list[str] = []
    for x in parts:
        if any(x.endswith(n) and len(x) > len(n) and re.search(rf"(?:{post_re})$", x[:-len(n)]) for n in names):
            kept = []
        else:
            kept.append(x)
    if len(kept) == len(parts) or not kept:
        return phrase
    # only bare posts (副理事长, 常务副总经理) carry the organisation over; 广发基金高级董事总经理
    # names an organisation of its own, which is not the one before the list
    if all(re.fullmatch(rf"[{HAN}]{{0,3}}?(?:{post_re})", x) for x in kept):
        return "、".join(kept)
    return phrase


def _roles(art, mentions, rec: Records):
    """[org][unit]?[原|前]?[post](、[unit]?[post])*[：]?[name], with known or suffix-shaped orgs."""
    text = art.text
    post_re = "|".join(map(re.escape, posts()))
    # (a parent named inside a longer known name, 中国石油 in 中国石油…青海油田公司, holds no post)
    orgs = sorted((m for m in mentions if m.span and m.kind in ORG_KINDS and m.rule != "parent-in-name"),
                  key=lambda m: m.span.start)
    org_starts = [o.span.start for o in orgs]
    places = [m for m in mentions if m.span and (m.key or "").startswith("division:")]
    names = {m.text for m in mentions if m.kind == "Person"}
    seen = set()
    for p in mentions:
        if p.kind != "Person" or p.span is None or p.rule not in ("post-name", "name-verb", "person-propagation"):
            continue
        name_start = p.span.start
        left_end = name_start
        while left_end > 0 and text[left_end - 1] in " \u3000：:":
            left_end -= 1
        s0 = max(0, left_end - 48)
        window = text[s0:left_end]
        cut = max((i for i, ch in enumerate(window) if ch in "，。；：:！？“”（）()《》\n 　"), default=-1)
        window_start = s0 + cut + 1
        chunk = text[window_start:left_end]
        # 兴业证券…张忆东、广发基金…刘格菘、兴证全球基金研究部副总监董理: in a list of people, the item
        # after the last other person's name is this one's, organisation and all
        after = max((chunk.rfind(n + "、") + len(n) + 1 for n in names if n != p.text and n + "、" in chunk),
                    default=0)
        if after and not re.fullmatch(rf"[{HAN}]{{0,3}}?(?:{post_re})", chunk[after:]):   # (副理事长: the list's org)
            window_start += after
            chunk = text[window_start:left_end]
        if not chunk or not re.search(rf"(?:{post_re})$", chunk):
            continue
        # a known organisation inside the chunk: the last one that is followed by posts only
        roles_found = []
        lo = bisect.bisect_left(org_starts, window_start)
        hi = bisect.bisect_right(org_starts, left_end)
        org_hits = [o for o in orgs[lo:hi] if o.span.end <= left_end]
        pos = window_start
        i = 0
        while pos < left_end:
            here = [o for o in org_hits if o.span.start >= pos]
            nxt = here[0] if here else None
            if nxt is None:
                break
            # the role phrase runs to the next known organisation or to the name
            later = [o for o in org_hits if o.span.start >= nxt.span.end]
            stop = later[0].span.start if later else left_end
            phrase = text[nxt.span.end:stop]
            former = phrase.startswith(("原", "前")) or text[max(0, nxt.span.start - 1):nxt.span.start] in ("原", "前")
            phrase = _after_other_people(phrase.lstrip("原前").rstrip("、兼"), names, post_re)
            segs = _post_segments(phrase, post_re) if phrase else None
            if segs:
                for seg in segs:
                    f = former or seg.startswith(("原", "前"))
                    roles_found.append((nxt, seg.lstrip("原前"), f, "org-post-name", 0.85))
            pos = stop
            i += 1
            if i > 6:
                break
        if not roles_found and not org_hits:
            # 郑州市市长何雄, 河南省副省长张三: a division's head holds the post in its government
            place = next((x for x in places if window_start <= x.span.start and x.span.end < left_end
                          and _HEAD_POST.fullmatch(text, x.span.end, left_end)), None)
            if place is not None:
                code = place.key.split(":", 1)[1]
                gov = Mention(text=place.text, kind="GovernmentBody", span=place.span, confidence=0.7, extractor=TAG,
                              rule="division-head", key=f"gov:{code}")
                rec.mentions.append(gov)
                post = text[place.span.end:left_end]
                roles_found.append((gov, post.lstrip("原前"), post.startswith(("原", "前")), "division-head", 0.7))
        if not roles_found and not org_hits:
            # no known organisation: split the chunk into [org][unit?][post](、[post])*
            segs = [x for x in _SEP.split(chunk) if x]
            first = segs[0] if segs else ""
            pm = re.search(rf"(?:{post_re})$", first)
            if pm and pm.start() >= 3 and _post_segments("、".join(segs[1:]), post_re) is not None if len(segs) > 1 else pm:
                head, phrase = first[:pm.start()], first[pm.start():]
                # 东方金诚首席宏观分析师, 标普全球评级信用分析师: an analyst's post takes its modifiers
                am = _ANALYST_MODIFIERS.search(head) if _ANALYST_POST.fullmatch(phrase) else None
                if am is not None and am.start() >= 3:
                    head, phrase = head[:am.start()], head[am.start():] + phrase
                former = head.endswith(("原", "前"))
                head = head.rstrip("原前")
                # 英大证券研究所所长: the company is 英大证券 and the unit belongs to the post
                cm = _COMPANY_END.search(head)
                # (兴证资管公募投资部: 投资 there opens the unit's name, not the firm's end)
                if cm is not None and len(head) - cm.end() == 1 and cm.start() >= 2:
                    cm = _COMPANY_END.search(head[:cm.start()]) or cm
                if cm is not None and cm.end() < len(head) and cm.end() >= 3:
                    phrase = head[cm.end():] + phrase
                    head = head[:cm.end()]
                lead = re.match(r"^(?:据|对此|对于|关于|至于|其中|同时|此外|另外|而|但|并|和|与|及|对话|责令|发现|要求|通知|向|对|于|在|称|经|由|让|请|看)+", head)
                skip = lead.end() if lead else 0
                head = head[skip:]
                # (an analyst, economist or strategist speaks for a firm, whatever its name's shape)
                shaped = _ORG_BEFORE_POST.search(head) or _COMPANY_END.search(head[-2:]) \
                    or any(head.startswith(d) for d in _place_prefixes(head)) \
                    or _ANALYST_POST.search(phrase) and len(head) <= 8 and not _NOT_A_FIRM.match(head) \
                    and not re.search(r"(?:行业|领域|方面|板块|市场|产业)$", head)     # 汽车行业分析师: a sector
                if len(head) >= 3 and shaped and not re.search(r"[的了在是该其]", head):
                    s = window_start + skip
                    org = Mention(text=head, kind=_org_kind(head), span=Span(s, s + len(head)), confidence=0.6,
                                  extractor=TAG, rule="org-before-post")
                    rec.mentions.append(org)
                    for seg in [phrase] + segs[1:]:
                        roles_found.append((org, seg.lstrip("原前"), former or seg.startswith(("原", "前")),
                                            "suffix-org-post-name", 0.6))
        for org, post, former, rule, conf in roles_found:
            # 中共中央政治局常委: a leader's title names the Central Committee, the Politburo in the
            # post (政治局常委, 政治局委员), as 国家统计局 and its 统计司司长 do
            if org.key in _POLITBURO and post in ("常委", "委员") and org.text.startswith("中共中央"):
                head = Mention(text="中共中央", kind=org.kind, span=Span(org.span.start, org.span.start + 4),
                               confidence=org.confidence, extractor=TAG, rule="politburo-parent",
                               key="org:cpc-central-committee")
                rec.mentions.append(head)
                org, post = head, "政治局" + post
            key = (p.text, post, org.text)
            if key in seen:
                continue
            seen.add(key)
            rec.relations.append(_rel("role", {"person": p, "post": post, "org": org, "former": former},
                                      Span(org.span.start, p.span.end), conf, rule))


_POLITBURO = frozenset({"org:cpc-politburo", "org:cpc-politburo-standing-committee"})
# (1937年任…: a year before 任 starts a post too, but not 任务, 任期)
_CAREER = re.compile(r"(?:历任|曾任|先后任|先后担任|曾担任|担任|(?<=[\d.]\s)任|(?<=\d年)任(?![务期何意职])|^任)"
                     r"(?P<items>[^。；\n]{4,300}?)(?:等职|等职务|$|。|；|\n)")
# 2016年8月至今担任…, 现担任…: a post held now
_CURRENT_BEFORE = re.compile(r"(?:至今|现|目前|现在)\s*$")
_UNIT_BEFORE_POST = re.compile(rf"[{HAN}]{{1,6}}?(?:处|司|科|室|办公室|政治部|党委|党组)$")


_UNIT_ONLY = re.compile(rf"^(?:[{HAN}]{{1,4}}(?:处|司|科|室)|政治部|党委|党组)$")


def _split_item(item: str, post_re: str):
    """'甘肃省监狱管理局宣教处副处长' -> ('甘肃省监狱管理局', '宣教处副处长'); org None when the item is a bare post."""
    pm = re.search(rf"(?:{post_re})$", item)
    if not pm:
        return None
    org, post = item[:pm.start()], item[pm.start():]
    if not org or _UNIT_ONLY.match(org):
        return None, org + post
    # the organisation ends at its last body suffix; what follows it is a unit of the post
    for k in range(len(org) - 2, 1, -1):
        # (和含地委抗联主任: two characters after a body's suffix are a unit of the post too)
        if org[k] in "局委院团会厅署行所部" and (_UNIT_ONLY.match(org[k + 1:]) or len(org) - k - 1 <= 2):
            return org[:k + 1], org[k + 1:] + post
    return org, post


def _careers(art, mentions, rec: Records):
    """Biographies: [person] 历任 [org][post]、[org][post]…等职, and CV lines '1987.10-1995.03 任 …'."""
    text = art.text
    post_re = "|".join(map(re.escape, posts()))
    persons = [m for m in mentions if m.kind == "Person" and m.span]
    if not persons:
        return
    counts: dict[str, int] = {}
    for p in persons:
        counts[p.text] = counts.get(p.text, 0) + 1
    main = max(counts, key=lambda k: (counts[k], -min(p.span.start for p in persons if p.text == k)))
    by_name = {p.text: p for p in persons}
    for para_start, para in _paragraphs(text):
        for m in _CAREER.finditer(para):
            start = para_start + m.start()
            s0, _ = _sentence_span(art, start)
            before = [p for p in persons if s0 <= p.span.start < start]
            # a CV line, a paragraph opening with the post, or 他曾担任 in a biography: its main person
            lead = text[s0:start]
            person = before[-1] if before else (by_name[main] if re.match(r"^\s*[\d.]+\s*[-—至]", para)
                                                or m.start() < 3 or re.match(r"\s*[他她](?:曾|还|先后|也|又)?", lead)
                                                and len(lead) <= 12 or re.fullmatch(r"\s*\d{4}年(?:\d{1,2}月)?", lead)
                                                else None)
            if person is None:
                continue
            current = _CURRENT_BEFORE.search(para, 0, m.start()) is not None
            org_text = org_m = None
            base = para_start + m.start("items")
            offset = 0
            for raw in re.split(r"[、，,]", m.group("items")):
                item_start = base + offset
                offset += len(raw) + 1
                item = re.sub(r"（[^）]{1,3}）|\([^)]{1,3}\)", "", raw).strip()
                item = re.sub(r"^(?:中华人民共和国成立后|后|又|再|及)", "", item)
                split = _split_item(item, post_re) if item else None
                if split is None:
                    continue
                org, post = split
                former = not current
                if org:
                    org_text = org
                    # (the mention is where the organisation's name stands, not the post after it;
                    # an item without one, 、政委, is a post of the organisation named before)
                    at = text.find(org, item_start, item_start + len(raw))
                    org_m = Mention(text=org, kind=_org_kind(org), span=Span(at, at + len(org)) if at >= 0 else None,
                                    confidence=0.55, extractor=TAG, rule="career-org") if len(org) >= 2 else None
                    if org_m is not None:
                        rec.mentions.append(org_m)
                if org_m is None:
                    continue
                rec.relations.append(_rel("role", {"person": person, "post": post, "org": org_m, "former": former},
                                          Span(start, base + offset - 1), 0.55, "career-list"))


def _paragraphs(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


# what a name ends in says a firm is a company: 长江证券, 广发基金, 中信银行 (as the gazetteer's
# firms are), else an organisation
_FIRM_END = re.compile(r"(?:证券|银行|基金|保险|信托|期货|资本|投资|资管|控股|集团|公司|股份|科技|实业|地产|置业|汽车|能源|电力|药业|银行股份有限公司)$")


def _org_kind(name: str) -> str:
    return "Company" if _FIRM_END.search(name) and not name.endswith(("协会", "学会")) else "Organization"


# what makes a document verb a plan: 将, 拟, 正在, 研究 (研究制定), 抓紧 ...
# (拟定 is "drew up", done; 工作计划 is a plan's name: 计划 counts only before a time, 计划于年底)
_PLANNED = re.compile(r"(?:将|拟(?!定)|准备|正在|抓紧|着手|即将|研究|争取|尽快|适时|有望|力争|要)$|"
                      r"(?:将|拟(?!定)|准备|正在|即将)(?:于|在)?[^，。；]{0,12}$|计划(?:于|在)[^，。；]{0,12}$")
_HEADS_TITLE = re.compile(r"(?:等[\d一二三四五六七八九十]+个?部门|等部门)?")
_ISSUER_GAP = re.compile(r"(?:办公厅|办公室)?(?:、|和|与|及|，|会同|)")


def _documents(art, mentions, rec: Records):
    text = art.text
    docs = [m for m in mentions if m.kind in DOC_KINDS and m.span]
    orgs = [m for m in mentions if m.kind in ORG_KINDS and m.span]
    for o in orgs:
        span = o.attrs.get("issuer_of") if o.attrs else None
        if span:
            d = next((x for x in docs if (x.span.start, x.span.end) == tuple(span)), None)
            if d is not None:
                rec.relations.append(_rel("document", {"agent": o, "document": d, "action": "issued"},
                                          Span(d.span.start, d.span.end), 0.85, "title-issuer"))
    for d in docs:
        if d.rule != "bare-title":
            continue
        # 商务部等13部门关于…的通知: the issuer heads the unquoted title
        for o in orgs:
            if o.span.end <= d.span.start and _HEADS_TITLE.fullmatch(text[o.span.end:d.span.start]):
                rec.relations.append(_rel("document", {"agent": o, "document": d, "action": "issued"},
                                          Span(o.span.start, d.span.end), 0.7, "issuer-heads-title"))
    for d in docs:
        if any(r.kind == "document" and r.args["document"] is d for r in rec.relations):
            continue
        s0, s1 = _sentence_span(art, d.span.start)
        before = [o for o in orgs if s0 <= o.span.start and o.span.end <= d.span.start - 1]
        found = False
        for o in reversed(before):
            between = text[o.span.end:d.span.start].rstrip("《“\"")
            between = re.sub(r"\s*\d{4}\s*年版\s*$", "", between)   # 发布的 2020年版《…》
            if "《" in between or len(between) > 30:
                continue
            # 经国务院批复同意，近日，我委印发了《…》: the body that approved is not who issued it
            if text[o.span.start - 1:o.span.start] == "经" and re.match(r"(?:批复同意|批准|同意|批复)[，,]", between):
                rec.relations.append(_rel("document", {"agent": o, "document": d, "action": "approved"},
                                          Span(o.span.start - 1, d.span.end + 1), 0.75, "approved-by"))
                found = True
                break
            for verb, action in DOC_VERBS:
                # the verb governs the title: nothing but 了/的 between them (…制定推进我国与RCEP… is not)
                vm = re.search(rf"{verb}(?:了|的|了的)?(?:关于)?$", between)   # 印发关于《…》的通知
                if vm:
                    # 教育部将研究制定《…》, 拟出台《…》: announced, not yet issued
                    if not vm.group().endswith(("了", "的")) and _PLANNED.search(between[:vm.start()]):
                        action = "planned"
                    # 国家发展改革委、商务部发布: every organisation in the list is an issuer
                    group = [o]
                    for o2 in reversed([x for x in before if x.span.end <= o.span.start]):
                        gap = text[o2.span.end:group[-1].span.start]
                        # 中办国办印发, 银保监会办公厅、住房和城乡建设部办公厅、人民银行办公厅联合印发,
                        # 国家发展改革委会同中央宣传部、…印发: each body in the list issued it
                        if _ISSUER_GAP.fullmatch(gap):
                            group.append(o2)
                        else:
                            break
                    for g in group:
                        rec.relations.append(_rel("document", {"agent": g, "document": d, "action": action},
                                                  Span(g.span.start, d.span.end + 1), 0.8, "org-verb-title"))
                    found = True
                    break
            if found:
                break
        if not found:
            # 天津印发《…》, 郑州9月7日印发了《…》, 吉林省出台的《…》: a place issuing is its government
            for p in reversed([x for x in mentions if x.kind in ("City", "AdministrativeArea") and x.span
                               and (x.key or "").startswith("division:") and s0 <= x.span.start
                               and x.span.end < d.span.start]):
                vm = _PLACE_ISSUES.fullmatch(text, p.span.end, d.span.start - 1)
                if not vm:
                    continue
                gov = Mention(text=p.text, kind="GovernmentBody", span=p.span, confidence=0.6, extractor=TAG,
                              rule="place-issuer", key="gov:" + p.key.split(":", 1)[1])
                rec.mentions.append(gov)
                action = dict(DOC_VERBS)[vm.group("verb")]
                rec.relations.append(_rel("document", {"agent": gov, "document": d, "action": action},
                                          Span(p.span.start, d.span.end + 1), 0.7, "place-verb-title"))
                found = True
                break
        if not found and d.span.start - 1 <= s0 + 2:
            # 《…》已经…国家发展和改革委员会…审议通过和商务部审签，并经党中央、国务院同意
            after_orgs = [o for o in orgs if d.span.end < o.span.start < s1 and o.rule != "title-issuer"]
            for o in after_orgs:
                if "《" in text[d.span.end + 1:o.span.start]:
                    break
                tail = text[o.span.end:o.span.end + 14]
                tail = re.split(r"[，。；]", tail)[0]
                for verb, action in DOC_VERBS + [("审签", "signed")]:
                    if verb in tail:
                        rec.relations.append(_rel("document", {"agent": o, "document": d, "action": action},
                                                  Span(d.span.start - 1, o.span.end + tail.find(verb) + len(verb)), 0.6,
                                                  "title-then-org-verb"))
                        found = True
                        break
        if not found:
            # 《…》由国务院印发 / 《…》经国务院批准
            after = text[d.span.end + 1:s1]
            am = re.match(r"[，,]?(?:由|经)", after)
            if am:
                for o in orgs:
                    if d.span.end < o.span.start < d.span.end + 1 + am.end() + 1:
                        tail = text[o.span.end:s1]
                        for verb, action in DOC_VERBS:
                            if tail.startswith(verb) or tail[:6].find(verb) >= 0:
                                rec.relations.append(_rel("document", {"agent": o, "document": d, "action": action},
                                                          Span(d.span.start - 1, o.span.end + len(verb)), 0.7,
                                                          "title-by-org"))
                                break


# 现予以发布, 现予公布, 现予印发: an order's closing words; who publishes is who adopted or signed it
_NOW_PUBLISHED = re.compile(r"现予以?(?:发布|公布|印发|施行)")


def _published_now(art, rec: Records) -> None:
    """《…负面清单》已经…国家发展和改革委员会…审议通过和商务部审签，并经党中央、国务院同意，现予以发布:
    the bodies that adopted or signed it in that sentence publish it (those that consented do not)."""
    text = art.text
    for m in _NOW_PUBLISHED.finditer(text):
        s = art.sentence_at(m.start())
        if s is None:
            continue
        acts = [r for r in rec.relations if r.kind == "document" and r.span and s.start <= r.span.start < s.end
                and r.args["action"] in ("adopted", "signed")]
        for r in acts:
            if not any(o.kind == "document" and o.args["action"] in ("published", "issued")
                       and o.args["agent"] is r.args["agent"] and o.args["document"] is r.args["document"]
                       for o in rec.relations):
                rec.relations.append(_rel("document", {"agent": r.args["agent"], "document": r.args["document"],
                                                       "action": "published"},
                                          Span(r.span.start, m.end()), 0.7, "published-now"))


def _one_action_per_document(rec: Records) -> None:
    """银保监会…联合发布了关于…的通知 and, later, …联合印发了《关于…的通知》: one body issuing one
    document, told twice with two verbs, is one fact (issued, not published too)."""
    def who(r):
        a, d = r.args["agent"], r.args["document"]
        return (a.key or a.text, d.key or d.text)
    issued = {who(r) for r in rec.relations if r.kind == "document" and r.args["action"] == "issued"}
    rec.relations[:] = [r for r in rec.relations if not (r.kind == "document" and r.args["action"] == "published"
                                                         and who(r) in issued)]


# 自3月1日起施行, 3月1日以来: a day things run from, not the day of the act
_DAY_RUNS_ON = re.compile(r"\s*(?:起|以来|至|到|开始|前|后|之前|以后|零时)")


def _document_days(art, rec: Records) -> None:
    """3月28日，江西省发展改革委发布《…》, 国务院办公厅12月3日印发《…》: the day the sentence gives
    before the document is the day of the act (kg:actionDate); not a day things run from
    (自3月1日起施行), a vague 近日, nor a plan's."""
    date = day_in_china(art.meta["date"]) if art.meta.get("date") else ""
    if not date:
        return
    text = art.text
    for r in rec.relations:
        if r.kind != "document" or r.args["action"] == "planned" or r.span is None:
            continue
        doc = r.args["document"]
        at = doc.span.start if doc.span else r.span.start       # (国务院办公厅12月3日印发《…》 too)
        start = max(text.rfind(c, 0, at) for c in "。！？\n") + 1
        hit = list(_DAY_IN_SENTENCE.finditer(text, start, at))
        if not hit or _DAY_RUNS_ON.match(text, hit[-1].end()) or vague_day(text, at):
            continue
        # 2月17日，…有媒体提问：近日，国务院发布《…》, 11月25日，记者…获悉，为贯彻落实…印发的《…》:
        # the day of the telling or of what follows the act, not of the act (a 近日, a reporting
        # verb or 贯彻落实 after it; 12月15日，生态环境部…联合印发的《…》 is the act's)
        if _NOT_THE_ACTS_DAY.search(text, hit[-1].end(), at):
            continue
        when = sentence_day(text, at, date, fallback=False)
        if when:
            r.args["date"] = when
    # one act is one fact in the article: the day its first telling gives (the fact holds one)
    first: dict[tuple, str | None] = {}
    for r in rec.relations:
        if r.kind == "document":
            a, d = r.args["agent"], r.args["document"]
            k = (a.key or a.text, d.key or d.text, r.args["action"])
            first.setdefault(k, r.args.get("date"))
            if first[k] != r.args.get("date"):
                r.args["date"] = first[k]


_NOT_THE_ACTS_DAY = re.compile(r"近日|日前|此前|近期|前不久|提问|问到|获悉|了解到|表示|介绍|指出|称|说|透露|报道|"
                               r"贯彻|落实|根据|按照|依据|依照")
_DAY_IN_SENTENCE = re.compile(r"(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日|(?<![月\d])\d{1,2}日(?![\d])|昨天|昨日|今天|今日|当天|当日")


def _designations(art, mentions, rec: Records):
    text = art.text
    progs = [m for m in mentions if m.kind == "Programme" and m.span]
    places = [m for m in mentions if m.kind in PLACE_KINDS and m.span]
    docs = [m for m in mentions if m.kind in DOC_KINDS and m.span]
    for prog in progs:
        s0, s1 = _sentence_span(art, prog.span.start)
        clause_start = max(s0, max((i + 1 for i in range(s0, prog.span.start) if text[i] in "，；。"), default=s0))
        clause = text[clause_start:prog.span.start]
        verbs = [v for v in DESIGNATION_VERBS if v in clause]
        if not verbs:
            continue
        # 开展/建设 alone are weak: 浙江率先在全省域开展“无废城市”建设 is a place doing the work, not
        # one admitted to the programme; they designate when a pilot or zone word follows
        if set(verbs) <= _WEAK_DESIGNATION and not _PILOT_AFTER.match(text, prog.span.end) \
                and not _PILOT_AFTER.search(prog.text):
            continue
        listed = [p for p in places if clause_start <= p.span.start and p.span.end <= prog.span.start]
        if not listed:
            continue
        # keep the chain of places that are joined by list separators
        chain = [listed[0]]
        for p in listed[1:]:
            gap = text[chain[-1].span.end:p.span.start]
            if gap in ("、", "和", "及", "与", "以及", "，"):
                chain.append(p)
            else:
                chain = [p]
        approving = None
        for d in docs:
            if d.span.start < prog.span.start and ("批复" in d.text or "同意" in d.text or "批准" in d.text) \
                    and d.span.start >= max(0, s0 - 300):
                approving = d
        for p in chain:
            args = {"place": p, "programme": prog}
            if approving is not None:
                args["document"] = approving
            rec.relations.append(_rel("designation", args, Span(clause_start, prog.span.end), 0.8, "places-verb-programme"))


_GENERIC_PROGRAMME = re.compile(r"(?:开展|设立|建设|新设|获批|入选|纳入|列入)(?:[{HAN}]{0,4}?)(试点|试验区|综试区|示范区|自贸区|先行区)".replace("{HAN}", HAN))


def _designations_by_reference(art, mentions, rec: Records):
    """同意在天津、上海、海南、重庆4省市开展试点: 试点 refers to the programme named just before."""
    text = art.text
    progs = [m for m in mentions if m.kind == "Programme" and m.span]
    places = sorted((m for m in mentions if m.kind in PLACE_KINDS and m.span), key=lambda m: m.span.start)
    place_starts = [p.span.start for p in places]
    done = {(r.args["place"].span.start, r.args["programme"].span.start) for r in rec.relations if r.kind == "designation"}
    for gm in _GENERIC_PROGRAMME.finditer(text):
        if any(p.span.start <= gm.start(1) < p.span.end for p in progs):
            continue
        s0, _ = _sentence_span(art, gm.start())
        clause_start = max(s0, max(text.rfind(c, s0, gm.start()) for c in "，；。") + 1)
        lo, hi = bisect.bisect_left(place_starts, clause_start), bisect.bisect_left(place_starts, gm.start())
        listed = [p for p in places[lo:hi] if p.span.end <= gm.start()]
        earlier = [p for p in progs if gm.start() - 400 < p.span.start < gm.start() and gm.group(1)[-2:] in p.text]
        if not listed or not earlier:
            continue
        prog = earlier[-1]
        chain = [listed[0]]
        for p in listed[1:]:
            if text[chain[-1].span.end:p.span.start] in ("、", "和", "及", "与", "以及", "，"):
                chain.append(p)
            else:
                chain = [p]
        for p in chain:
            if (p.span.start, prog.span.start) not in done:
                rec.relations.append(_rel("designation", {"place": p, "programme": prog},
                                          Span(clause_start, gm.end()), 0.65, "places-verb-programme-reference"))


_LIST_HEAD = re.compile(r"名单(?:包括|如下|为)?[：:]\s*$")
_PILOT_TAIL = re.compile(r"(?:试点城市|试点地区|示范城市|试点县|试点)")


def _chain(text, places):
    """Runs of place mentions joined by list separators."""
    runs, cur = [], []
    for p in places:
        if cur and p.span.start == cur[-1].span.end:
            # 福建省光泽县: a place qualified by its province is the smaller place
            cur[-1] = p
        elif cur and text[cur[-1].span.end:p.span.start] in ("、", "和", "及", "与", "以及", "，"):
            cur.append(p)
        else:
            if cur:
                runs.append(cur)
            cur = [p]
    if cur:
        runs.append(cur)
    return runs


_SHORT_TITLE_SAYS = re.compile(r"《([^《》\n]{2,12})》\s*(?:规定|明确|提出|确定|公布|要求)")


def _designation_lists(art, mentions, rec: Records):
    """名单包括：+ paragraphs of places; and 深圳、包头…等11个城市（下称试点城市）: lists tied to a programme."""
    text = art.text
    progs = sorted((m for m in mentions if m.kind == "Programme" and m.span), key=lambda m: m.span.start)
    places = sorted((m for m in mentions if m.kind in PLACE_KINDS and m.span), key=lambda m: m.span.start)
    done = {(r.args["place"].span.start, r.args["programme"].text) for r in rec.relations if r.kind == "designation"}

    docs = sorted((m for m in mentions if m.kind in ("Document", "Law") and m.span), key=lambda m: m.span.start)

    def emit(run, prog, span, rule, conf, document=None):
        for p in run:
            if (p.span.start, prog.text) not in done:
                done.add((p.span.start, prog.text))
                args = {"place": p, "programme": prog}
                if document is not None:
                    args["document"] = document
                rec.relations.append(_rel("designation", args, span, conf, rule))

    paras = list(_paragraphs(text))
    for i, (pstart, para) in enumerate(paras):
        if not _LIST_HEAD.search(para):
            continue
        earlier = [g for g in progs if pstart - 1500 < g.span.start < pstart + len(para)]
        if not earlier:
            continue
        prog = earlier[-1]
        # 《指导意见》规定，…确定为重点发展城市。¶名单包括：: the document whose words make the list
        making = [d for d in docs if pstart - 1500 < d.span.start < pstart + len(para)
                  and re.match(r"[》”]?\s*(?:规定|明确|提出|确定|公布|要求)", text[d.span.end:d.span.end + 6])]
        # (《指导意见》规定: a short title says which document named before in full)
        for bm in _SHORT_TITLE_SAYS.finditer(text, max(0, pstart - 1500), pstart + len(para)):
            named = [d for d in docs if d.span.start < bm.start()        # (…指导意见（征求意见稿）)
                     and re.sub(r"[（(][^（）()]*[）)]$", "", d.text).endswith(bm.group(1))]
            if named:
                making.append(named[-1])
        for qstart, q in paras[i + 1:i + 8]:
            run_places = [p for p in places if qstart <= p.span.start < qstart + len(q)]
            covered = sum(p.span.end - p.span.start for p in run_places)
            if len(run_places) >= 2 and covered >= 0.5 * len(q.rstrip("。")):
                emit(run_places, prog, Span(qstart, qstart + len(q)), "list-after-heading", 0.6,
                     making[-1] if making else None)
            elif len(q) > 40:
                break
    runs = _chain(text, places)
    starts = [r[0].span.start for r in runs]
    ordered = all(a <= b for a, b in zip(starts, starts[1:]))
    for run in runs:
        if len(run) < 3:
            continue
        s0, s1 = _sentence_span(art, run[0].span.start)
        tail = text[run[-1].span.end:min(s1, run[-1].span.end + 120)]
        if not _PILOT_TAIL.search(tail):
            continue
        earlier = [g for g in progs if run[0].span.start - 1500 < g.span.start < run[0].span.start]
        if earlier:
            emit(run, earlier[-1], Span(run[0].span.start, run[-1].span.end), "places-pilot-reference", 0.55)
        # 等11个城市和雄安新区、北京经济技术开发区…等5个特殊地区: the second run shares the programme
        # (by bisection: a scan of every run for every run was quadratic on place-dense text)
        nxt = runs[bisect.bisect_right(starts, run[-1].span.end):bisect.bisect_left(starts, s1)] if ordered else \
            [r for r in runs if run[-1].span.end < r[0].span.start < s1]
        for r in nxt:
            if earlier:
                emit(r, earlier[-1], Span(r[0].span.start, r[-1].span.end), "places-pilot-reference", 0.5)


_RESEARCH = re.compile(r"(?:发布的|的)?(?:最新)?(?:研报|研究报告|研究团队|(?:[\u4e00-\u9fff]{2,4}行业|[\u4e00-\u9fff]{2,4})?团队)")
# 接受媒体采访时表示, 今天（7日）在接受总台记者采访时表示: when someone spoke, between them and the verb
_INTERVIEW = r"(?:今天|今日|日前|近日|昨天|昨日)?(?:（[^）]{1,6}）)?(?:在)?接受[^，。；“”]{0,8}?采访时"


# what may stand right before an organisation that speaks: a clause start, 据, 而, 但 (对此，…)
_SPEAKER_LEFT = frozenset("。，；：:\n“”（）()、据而但")
_JOINT_SEP = frozenset("、和与及")
_NOT_SPEECH_CHENG = frozenset("简统俗并合别又或著堪号自昵通名戏总爱")
_NOT_SPEECH_AFTER = {"称": ("之为", "为", "作"), "说": ("起", "服", "道理"), "答": ("辩", "应", "谢", "卷", "题"),
                     "回答": ("问题",)}


_SOMEONE_OF = re.compile(r"的[^，。；]{0,8}?(?:律师|代理人|学生|家属|家人|妻子|丈夫|儿子|女儿|父亲|母亲|同事|秘书|助理|"
                         r"朋友|团队|员工|代表|发言人|负责人|人士|粉丝|网友)")
# a press Q&A's opening line: …王春英就2021年11月份外汇储备规模变动情况答记者问
_QA_HEAD = re.compile(r"(?P<on>就)[^。\n]{2,60}?(?:答记者问|回答记者提问)")
_ADDRESSEE = re.compile(r"^[^，。；：:“”]{0,16}?(?:记者|本报|笔者|媒体|采访者)(?:问|提问|的提问)?(?=[，,：:。]|$)")


def _statements(art, mentions, rec: Records):
    text = art.text
    verbs = "|".join(map(re.escape, speech_verbs()))
    speakers = [m for m in mentions if m.kind == "Person" and m.span]
    last_speaker = None
    spoken = re.compile(rf"^(?:[^，。；！？\n]{{0,30}}?)(?P<verb>{verbs})(?P<sep>[：:，,]?)|^ ?(?P<colon>[：:])")
    # (a speaker line's colon comes first: 郭丽岩：上下游价格的这个应该说是…, not 应该说)
    spoken_line = re.compile(rf"^ ?(?P<colon>[：:])|^(?:[^，。；！？\n]{{0,30}}?)(?P<verb>{verbs})(?P<sep>[：:，,]?)")
    said_by = re.compile(verbs)
    person_starts_sorted = sorted(m.span.start for m in speakers)
    events = []
    for m in speakers:
        events.append((m.span.start, m.span.end, m))
    # 银河证券研报指出 / 中金公司研究报告认为: the organisation speaks through its research
    for o in mentions:
        if o.kind in ("Company", "Organization") and o.span:
            rm = _RESEARCH.match(text, o.span.end)
            # the verb right after the report: 天风证券研究所副所长孙彬彬预测称 is the analyst's
            if rm and re.match(rf"(?:中|也|还|则)?(?:{verbs})", text[rm.end():rm.end() + 8]):
                events.append((o.span.start, rm.end(), o))
                continue
    # 东吴证券认为, 紫金矿业表示, 国家林草局介绍, 富途方面表示: an organisation right before a speech verb speaks
    # (not one before its 分析师: a post that begins like a verb),
    # and so does one whose unnamed official speaks for it (财政部有关负责人说, 商务部新闻发言人表示);
    # not 央行相关人士表示 (someone unnamed at it, in no office), not 商务部新闻发言人高峰表示 (a person)
    person_starts = {m.span.start for m in speakers}
    # (商务部 inside 商务部国际司: the department speaks, not also the ministry)
    longest = {}
    for o in mentions:
        if o.kind in ORG_KINDS and o.span:
            longest[o.span.start] = max(longest.get(o.span.start, 0), o.span.end)
    # 财政部、税务总局有关负责人表示 / 财政部和税务总局…: the officials of each body listed speak
    # together, each body for itself (not 财政部's department 和税务总局)
    org_at_end = {o.span.end: o for o in mentions if o.kind in ORG_KINDS and o.kind != "MediaOutlet" and o.span
                  and longest[o.span.start] == o.span.end}
    joint: dict[int, int] = {}          # id(body) -> the id of the last body of its list

    def listed_before(o: Mention) -> list[Mention]:
        out, at = [], o.span.start
        while at > 0 and text[at - 1] in _JOINT_SEP and org_at_end.get(at - 1) is not None and len(out) < 8:
            prev = org_at_end[at - 1]
            out.append(prev)
            at = prev.span.start
        # (与会的海关总署、税务总局有关负责人: the list may follow 的)
        return out if at == 0 or text[at - 1] in _SPEAKER_LEFT or text[at - 1] == "的" else []

    for o in mentions:
        if o.kind in ORG_KINDS and o.span and o.kind != "MediaOutlet" and o.span.end not in person_starts \
                and longest[o.span.start] == o.span.end \
                and re.match(rf"(?:(?![和与及])(?:[\u4e00-\u9fff]{{1,6}}?[司局处厅室])?(?:有关|相关|新闻)?(?:负责人|负责同志|发言人|官员)|方面)?(?:{_INTERVIEW})?(?:也|还|则|亦)?"
                             rf"(?:一审|二审|再审|终审)?(?:经?审理后?|经审查)?(?:{verbs})(?![师员家])", text[o.span.end:o.span.end + 40]):
            before = listed_before(o) if re.match(r"(?:[\u4e00-\u9fff]{1,6}?[司局处厅室])?(?:有关|相关)?(?:负责人|负责同志|发言人|官员)",
                                                  text[o.span.end:o.span.end + 16]) else []
            if before:
                for b in before:
                    events.append((b.span.start, b.span.end, b))
                    joint[id(b)] = id(o)
                joint[id(o)] = id(o)
            if before or o.span.start == 0 or text[o.span.start - 1] in _SPEAKER_LEFT:
                events.append((o.span.start, o.span.end, o))
    # 四川省通信管理局…。省通信管理局相关负责人介绍: the body named again without its province
    # (only a short form that fits one body: two provinces' 通信管理局 leave 省通信管理局 unsaid)
    firsts: dict[str, Mention] = {}
    for o in sorted((o for o in mentions if o.kind in ORG_KINDS and o.span and o.kind != "MediaOutlet"),
                    key=lambda o: o.span.start):
        firsts.setdefault(o.text, o)
    shorts: dict[str, list[Mention]] = {}
    for o in firsts.values():
        lead = re.match(r"[\u4e00-\u9fff]{2,7}?(省|市|自治区|县)(?=[\u4e00-\u9fff]{3})", o.text)
        if lead is not None:
            shorts.setdefault(("省" if lead.group(1) == "自治区" else lead.group(1)) + o.text[lead.end():], []).append(o)
    for short, bodies in shorts.items():
        if len(bodies) != 1:
            continue
        o = bodies[0]
        for sm in re.finditer(rf"(?:^|(?<=[。，；\n“]))({re.escape(short)})(?=(?:有关|相关)?(?:负责人|负责同志|发言人))", text):
            if sm.start() > o.span.start:
                events.append((sm.start(1), sm.end(1), o))
    # 交通运输部相关负责人表示…。该负责人指出: the official named before, who speaks for the same body
    officials = sorted((st, o) for st, en, o in events if isinstance(o, Mention) and o.kind in ORG_KINDS
                       and re.match(r"(?:[\u4e00-\u9fff]{1,6}?[司局处厅室])?(?:有关|相关)?(?:负责人|负责同志)", text[en:en + 16]))
    for am in re.finditer(rf"(?:^|(?<=[。，；\n“]))((?:该|上述|这位)(?:负责人|负责同志))"
                          rf"(?=(?:{_INTERVIEW})?(?:也|还|则|亦|进一步)?(?:{verbs}))", text):
        prior = [o for st, o in officials if st < am.start()]
        if prior:
            events.append((am.start(1), am.end(1), prior[-1]))
    for pm in re.finditer(r"(?:^|(?<=[。，；\n“]))(他|她)(?!们)(?=[^，。]{0,14}?(?:" + verbs + "))", text):
        # (not 他们 "they", and not a 他 inside a quotation: the quoted speaker's, not ours)
        para = text.rfind("\n", 0, pm.start()) + 1
        if text.count("“", para, pm.start()) > text.count("”", para, pm.start()):
            continue
        events.append((pm.start(1), pm.end(1), None))
    # 王部长表示 / 张教授指出: a repeated surname with a title is the one named person of that surname
    by_surname: dict[str, set[str]] = {}
    for m in speakers:
        by_surname.setdefault(m.text[0], set()).add(m.text)
    named = {m.text: m for m in speakers}
    for sm in re.finditer(rf"(?:^|(?<=[。，；\n“]))(?P<sur>[\u4e00-\u9fff])(?P<title>{_SURNAME_TITLES})"
                          r"(?=[^，。]{0,14}?(?:" + verbs + "))", text):
        names = by_surname.get(sm.group("sur"), set())
        # (吴先生称: a person of that name, not a reference back to one)
        if len(names) == 1 and sm.group() not in names:
            events.append((sm.start(), sm.end(), ("surname", named[next(iter(names))])))
    # 秦大使：上周五，…: an interview's speaker line by surname and title, the one person of that
    # surname named in the article; the line is the answer
    for sm in _TITLE_LINE.finditer(text):
        names = by_surname.get(sm.group("sur"), set())
        line_end = text.find("\n", sm.end())
        line_end = len(text) if line_end < 0 else line_end
        said = text[sm.end():line_end].strip()
        if len(names) == 1 and len(said) >= 2 and not said.rstrip("”\"’」 ").endswith(("？", "?")):
            rec.relations.append(_rel("statement", {"speaker": named[next(iter(names))], "text": said, "verb": "："},
                                      Span(sm.start("sur"), line_end), 0.75, "title-speaker-line"))
    # 国家外汇管理局副局长、新闻发言人王春英就…答记者问 ¶ 问：… ¶ 答：…: each answer is said by the
    # one who answers (the person named before 就, else the body), the paragraph after 答：
    qa = _QA_HEAD.search(text, 0, min(len(text), 600))
    if qa is not None:
        who = [x for x in speakers if x.span.end <= qa.start("on")] or \
              [o for o in mentions if o.kind in ORG_KINDS and o.kind != "MediaOutlet" and o.span
               and o.span.end <= qa.start("on")]
        if who:
            who_m = max(who, key=lambda x: x.span.end)
            for am in re.finditer(r"(?:^|(?<=\n))答[：:]\s*(?P<said>[^\n]{2,})", text, re.M):
                said = am.group("said").strip()
                if not said.rstrip("”\"’」 ").endswith(("？", "?")):
                    rec.relations.append(_rel("statement", {"speaker": who_m, "text": said, "verb": "答"},
                                              Span(am.start(), am.end()), 0.75, "qa-answer"))
    for start, end, m in sorted(events, key=lambda x: x[0]):
        if isinstance(m, tuple):
            # a surname reference: the speaker is known, the words are this sentence's
            last_speaker = m[1]
            m = None
        if m is None and last_speaker is None:
            continue
        tail = text[end:end + 48]
        vm = (spoken_line if m is not None and m.rule in ("post-name", "speaker-line", "described-speaker-line")
              else spoken).match(tail)
        if vm and vm.group("colon") and (m is None or m.rule not in ("post-name", "speaker-line", "described-speaker-line")):
            vm = None
        if not vm or (not vm.group("colon") and re.search(r"[，。；]", tail[:vm.start("verb")])):
            if m is not None and m.rule == "post-name":
                last_speaker = m
            continue
        # 赵德馨教授的代理律师介绍: someone of the person's speaks, not the person
        if m is not None and m.kind == "Person" and _SOMEONE_OF.search(tail[:vm.start("verb")]):
            continue
        # 对于林晨来说: "as for", nobody speaks; 余乐的回答是: the answer is a noun there
        vs = end + vm.start("verb") if vm.group("verb") else -1
        if vm.group("verb") and (text[vs - 1:vs] == "来" and vm.group("verb") == "说"
                                 or text[vs - 1:vs] == "的" and re.match(r"是|为|中", text[end + vm.end("verb"):])
                                 or re.search(r"“[^”]*$", tail[:vm.start("verb")])
                                 or re.match(r"的[\u4e00-\u9fff]", text[end + vm.end("verb"):end + vm.end("verb") + 2])):
            continue            # (…跟我们说明，…”梁成伟描述道: a verb inside a quotation is someone else's;
            #                      李大钊在…时提出的一个重要论断: a verb before 的 describes a noun)
        # 以下简称联璧公司, 俗称, 号称, 堪称, 称之为: 称 there names something, nobody speaks (nor in 说起,
        # 答辩, 答应)
        if vm.group("verb") == "称" and text[end + vm.start("verb") - 1:end + vm.start("verb")] in _NOT_SPEECH_CHENG \
                or text.startswith(_NOT_SPEECH_AFTER.get(vm.group("verb"), ()), end + vm.end("verb")):
            continue
        speaker = m or last_speaker
        s0, s1 = _sentence_span(art, start)
        s1 = _through_semicolons(art, s1)       # …占比87.1%；价格下降…: the rest is said too
        body_start = end + vm.end()
        if vm.group("verb") and not _QUOTATION.search(text[body_start:s1]):
            s1 = _speech_runs_on(art, s1, said_by, person_starts_sorted)
            s1 = _listed_points(art, s1)
        # (孟玮：, 国家税务总局副局长 王道树：: a name and a colon open an answer)
        line = m is not None and m.rule in ("speaker-line", "described-speaker-line", "post-name") and bool(vm.group("colon"))
        if line:
            # 王道树：第一，…。在4月30日前…。: a speaker line's answer is its whole paragraph
            s1 = _listed_points(art, max(s1, _paragraph_end(art, body_start)))
        quote = _trim(text[body_start:s1])
        if not quote and m is not None and m.rule == "speaker-line":
            # 孟玮：alone on its line: the answer is the next paragraph
            nxt = art.sentence_at(next((i for i in range(s1, min(len(text), s1 + 8)) if not text[i].isspace()), s1))
            if nxt is not None and nxt.start >= s1:
                s1 = _through_semicolons(art, nxt.end)
                if line:
                    s1 = _listed_points(art, max(s1, _paragraph_end(art, nxt.start)))
                quote = _trim(text[nxt.start:s1])
        if re.match(r"的[，,：:]", quote):        # 正如…指出的，…: the words after the comma are said
            quote = _trim(quote[2:], right=False)
        if quote.startswith("了") and not quote.startswith("了解"):    # 指出了如…: the aspect marker
            quote = _trim(quote[1:], right=False)
        # 预测称，… / 预测时表示，…: a second verb after the first is no part of what is said
        again = re.match(rf"(?:时|中|并|也|还)?(?:{verbs})[：:，,]", quote)
        if again:
            quote = _trim(quote[again.end():], right=False)
        # 告诉21世纪经济报道记者，… / 答记者问: who is spoken to is not what is said
        # (only right after the verb: 透露，目前已有多家媒体… names media in what is said)
        addressed = (_ADDRESSEE.match(quote) if vm.group("verb") in ("告诉", "答", "回答", "透露")
                     and not vm.group("sep") else None)
        if addressed is None and vm.group("verb") == "告诉" and not vm.group("sep"):
            # 告诉21世纪经济报道，从趋势看…: 告诉 always names whom, up to the first comma
            addressed = re.match(r"[^，。；：:“”]{1,16}(?=[，,：:])", quote)
        if addressed:
            quote = _trim(quote[addressed.end():], right=False)
            if not quote.rstrip("。 "):
                continue
        stmt_span = Span(start, s1)
        if len(quote) < 4:
            # “……。”高峰说。 — the words stand in the quotation just before the speaker
            # (an organisation and post may stand between the quote and the name)
            window = text[max(0, start - 640):start]
            # (“……构成一定压力”。周茂华说。: the full stop may stand outside the quotation)
            qm = re.search(r"“([^“”]{4,600})”\s*[，,。]?\s*[^，。；“”\n]{0,24}$", window)
            if not qm:
                continue
            quote = qm.group(1)
            stmt_span = Span(start - (len(window) - qm.start()), end + vm.end())
        elif m is not None and not vm.group("colon"):
            # “理论和实践都证明……。”梁志峰说，工信部将…: the quotation before the speaker is said
            # too, besides the words after the verb
            window = text[max(0, start - 640):start]
            # (in the speaker's paragraph: a quotation closing the paragraph before is someone's
            # who was named there)
            qm = re.search(r"“([^“”\n]{4,600})”[ \t\u3000]*[，,]?[ \t\u3000]*[^，。；“”\n]{0,24}\Z", window) \
                or re.search(r"(?:\A|\n)“([^“”\n]{4,600})”[ \t\u3000]*\n[^，。；“”\n]{0,24}\Z", window)
            # (or a paragraph that is all quotation, right before the speaker's: “……。”\n高峰说，…)
            # (a sentence, not a quoted term: 对于“共同富裕”王五表示 quotes no one)
            said = qm.group(1).rstrip() if qm else ""
            if said and not said.endswith(("？", "?")) and (said.endswith(("。", "！", "!", "…")) or len(said) >= 12):
                rec.relations.append(_rel("statement", {"speaker": speaker, "text": said,
                                                        "verb": vm.group("verb")},
                                          Span(start - (len(window) - qm.start(1) + 1), end + vm.end()), 0.8,
                                          "quote-before-speaker"))
        if quote.rstrip("”\"’」 ").endswith(("？", "?")) and not vm.group("colon"):
            continue                    # 国家发改委提出…措施，目前成效如何？ is the reporter asking
        if vm.group("verb") and not vm.group("sep") and _TOPIC_OBJECT.match(text, body_start, s1):
            continue                    # 付凌晖介绍前三季度国民经济运行情况: what was presented, not said
        if re.search(r"(?:^|[，。；：\n“])当[^，。；：]*$", text[s0:start]) \
                and re.match(r"[^，。；]*时", text[end:s1]):
            continue                    # 当姚立远提出…时，严峰有些犹豫: a time clause
        k = art.paragraph_index(start)
        para = art.paragraphs[k] if k is not None else None
        if vm.group("verb") and not vm.group("sep") and para is not None and s0 <= para.start and s1 >= para.end \
                and para.end - para.start < 40 and not re.search(r"[。！!？?；;：:，,”…]", text[para.start:para.end]):
            continue                    # 建行宣布成立300亿基金: a subheading
        if any(r.kind == "statement" and r.args["speaker"] is not speaker and r.span
               and r.span.start < start < r.span.end and r.rule in ("speaker-verb", "pronoun-verb", "title-speaker-line")
               and not (id(speaker) in joint and joint.get(id(r.args["speaker"])) == joint[id(speaker)])
               for r in rec.relations):
            continue                    # 白宫称，拜登总统…指出了…: said inside someone else's words
        if quote.count("“") > quote.count("”"):
            quote += "”"                # (the strip took the closing mark of a quotation inside the words)
        rec.relations.append(_rel("statement", {"speaker": speaker, "text": quote,
                                                "verb": "：" if vm.group("colon") else vm.group("verb")},
                                  stmt_span, 0.8 if m is not None else 0.65,
                                  "speaker-verb" if m is not None else "pronoun-verb"))
        if speaker.kind == "Person":         # 他/她 never refers back to an organisation
            last_speaker = speaker


# 介绍2021年前三季度国民经济运行情况, 介绍了他的投资框架: a verb with a topic as its object
_TOPIC_OBJECT = re.compile(r"了?[^，。；：“”]{0,30}?(?:情况|问题|框架|思路|做法|经验|进展|成果|背景|内容|工作|有关情况|相关情况)(?:[。；]|，并|$)")
_IN_VIEW_OF = re.compile(r"(?:^|[，。；：\n“”）)])在[^，。；：“”]{0,24}$")


def _views(art, mentions, rec: Records) -> None:
    """在施正文看来，… / 在对外经济贸易大学教授崔凡看来，…: the words after 看来 are the person's view."""
    text = art.text
    for m in mentions:
        if m.kind != "Person" or not m.span or not re.match(r"看来[，,：:]", text[m.span.end:m.span.end + 3]):
            continue
        if not _IN_VIEW_OF.search(text[max(0, m.span.start - 26):m.span.start]):
            continue
        s0, s1 = _sentence_span(art, m.span.start)
        body = _trim(text[m.span.end + 3:s1])
        if len(body) >= 4 and not body.rstrip("”\"’」 ").endswith(("？", "?")):
            rec.relations.append(_rel("statement", {"speaker": m, "text": body, "verb": "看来"},
                                      Span(text.rfind("在", 0, m.span.start), s1), 0.75, "in-view-of"))


# 按照党中央、国务院决策部署, 根据…要求: the bodies named there only set the task
_FOLLOWING = re.compile(r"(?:按照|根据|遵照|落实|贯彻)[^，。；：\n]{0,24}$")


_SPEAKER_OWN = re.compile(r"我们|我委|我部|我局|我署|我会|我行")


def _speaker_body(text: str, first: int, rec: Records) -> Mention | None:
    """The organisation of whoever speaks in the paragraph right before a list of measures
    (盛秋平指出，…我们将同东盟方一道… 一是…: 商务部, the vice-minister's), or the organisation
    speaking itself."""
    para_start = text.rfind("\n", 0, max(0, first - 1)) + 1
    said = [r for r in rec.relations if r.kind == "statement" and r.span
            and r.span.start < first and r.span.end >= para_start]
    if not said:
        return None
    return _body_of(max(said, key=lambda r: r.span.start).args["speaker"], rec)


def _body_of(speaker: Mention, rec: Records) -> Mention | None:
    """A speaker's organisation: itself, or the one a person holds a post in, in this article."""
    if speaker.kind in ORG_KINDS:
        return speaker if speaker.kind != "MediaOutlet" else None
    who = speaker.key or speaker.text
    orgs = [r.args["org"] for r in rec.relations if r.kind == "role" and not r.args.get("former")
            and (r.args["person"].key or r.args["person"].text) == who and r.args.get("org") is not None]
    return orgs[0] if orgs else None


def _list_head(text: str, body: Mention, orgs: list[Mention]) -> Mention:
    """国家发展改革委、国家知识产权局、中国银保监会三家单位: the list's first body, not its last."""
    by_end = {o.span.end: o for o in orgs}
    while body.span.start >= 1 and text[body.span.start - 1] in "、和" and body.span.start - 1 in by_end:
        body = by_end[body.span.start - 1]
    return body


def _measures(art, mentions, rec: Records):
    text = art.text
    orgs = [m for m in mentions if m.kind in ORG_KINDS and m.span]
    by_key = {m.key: m for m in orgs if m.key}
    meetings = sorted((m for m in mentions if m.kind == "Event" and m.span), key=lambda m: m.span.start)
    # (此次国常会决定，一是…；二是…: a list may open right after the verb that announces it)
    pattern = re.compile(rf"(?:^|(?<=[。；\n])|(?<=(?:决定|要求|提出|明确|强调|部署|指出)[，：:]))\s*"
                         rf"(?:(?P<a>[{ORDINALS}])是|第(?P<b>[{ORDINALS}])[，、,])")
    hits = list(pattern.finditer(text))
    run: list[re.Match] = []
    runs = []
    for h in hits:
        n = ORDINALS.index(h.group("a") or h.group("b")) + 1
        if n == 1:
            if run:
                runs.append(run)
            run = [h]
        elif run and n == len(run) + 1:
            run.append(h)
    if run:
        runs.append(run)
    for run in runs:
        if len(run) < 2:
            continue
        first = run[0].start()
        # the announcing body: an organisation in the 2 sentences before the list
        lead = [s for s in art.sentences if s.end <= first + 1][-2:]
        lead_start = lead[0].start if lead else max(0, first - 200)
        # 会议听取了国务院金融委汇报，指出要…: the body reporting to the meeting announces nothing
        cand = [o for o in orgs if lead_start <= o.span.start < first and o.kind != "MediaOutlet"
                and not (re.search(r"听取了?$", text[max(0, o.span.start - 3):o.span.start])
                         and re.match(r"(?:的)?(?:工作)?(?:汇报|报告)", text[o.span.end:o.span.end + 5]))]
        # 按照党中央、国务院部署要求，我们将…: whose plan it follows is not who announces
        cand = [o for o in cand if not _FOLLOWING.search(text, max(lead_start, o.span.start - 30), o.span.start)]
        # 我们将…: the speaker's own body announces it, whoever else the lead names
        para_start = text.rfind("\n", 0, max(0, first - 1)) + 1
        own = _SPEAKER_OWN.search(text, max(lead_start, para_start), first)
        # 盛秋平回应表示，中国和东盟…双方经贸合作保持良好势头… ¶ 一是…: a list right after a person's
        # words goes on with them: it is their body's (商务部), not a body their words name (东盟),
        # and nobody's when the article gives them none
        before = [p for p in art.paragraphs if p.end <= first and text[p.start:p.end].strip()]
        person_said = [r for r in rec.relations if r.kind == "statement" and r.span and before
                       and before[-1].start <= r.span.start < before[-1].end
                       and r.args["speaker"].kind == "Person"]
        body = (_speaker_body(text, first, rec) if own else None) or (_list_head(text, cand[-1], cand) if cand else None)
        # (《意见》提出，一是…: a list with a lead of its own is its lead's, whoever spoke before)
        item = first + len(run[0].group(0)) - len(run[0].group(0).lstrip())     # (where 一是 stands)
        if person_said and not own and body is not None and not text[text.rfind("\n", 0, item) + 1:item].strip():
            # (高峰表示，下一步，商务部将继续…: a body their words name as the one acting stays, when
            # the article gives the person no body)
            # (刘元春表示，人民银行将从以下方面发力: the body named acting carries the list out, not the
            # speaker's own university)
            acting = re.match(r"(?:也|还|则)?(?:将|要|会|拟|计划|正在|已经|正|已)", text[body.span.end:body.span.end + 4])
            body = body if acting else _body_of(person_said[-1].args["speaker"], rec)
            if body is None:
                continue
        if body is None:
            # 此次国常会决定，一是…: the meeting that decides it, by its host
            ev = next((m for m in reversed(meetings) if m.span.end <= first
                       and _DECIDES.fullmatch(text, m.span.end, first)), None)
            body = _meeting_host(ev, by_key) if ev is not None else None
        if body is None:
            continue
        for i, h in enumerate(run):
            end = run[i + 1].start() if i + 1 < len(run) else text.find("\n", h.end())
            if end < 0:
                end = len(text)
            item = text[h.end():end].strip()
            item = item.split("\n", 1)[0]
            if item:
                # (the span opens on 二是, not on the line break before it, so it lies in a sentence)
                head = h.start() + len(h.group(0)) - len(h.group(0).lstrip())
                rec.relations.append(_rel("measure", {"body": body, "ordinal": i + 1, "text": item},
                                          Span(head, h.end() + len(item)), 0.7, "ordinal-list"))


# a meeting's verb of deciding right before the list it announces: 此次国常会决定，一是…
_DECIDES = re.compile(r"(?:还|也|会上)?(?:决定|要求|提出|明确|强调|部署|指出|确定)[，：:]\s*")

# what a meeting says: 会议指出, 国务院常务会议要求, 会议还强调
_MEETING_VERB = re.compile(r"(?:还|也|同时|进一步)?(?P<verb>指出|强调|要求|认为|提出|确定|决定|明确|部署)[，,：:]?")
_MEETING_WORD = re.compile(r"(?:^|(?<=[。；！\n]))[ \t\u3000]*(?P<w>会议)(?=(?:还|也|同时|进一步)?(?:指出|强调|要求|认为|提出|确定|决定|明确|部署))")


def _meeting_host(ev, orgs: dict):
    """The organisation that held a meeting, as mentioned in the article (its organizer, or the
    lexicon's fixed host: 国务院 for 国常会), or None."""
    if ev.attrs.get("organizer") is not None:
        return ev.attrs["organizer"]
    key = ev.attrs.get("host_key") or (ev.attrs.get("series") or {}).get("host_key")
    return orgs.get(f"org:{key}") if key else None


def _meeting_statements(art, mentions, rec: Records) -> None:
    """会议指出，…: a meeting's words are its host's, the organisation that held it (the State
    Council for 国务院常务会议, 农业农村部 for the video conference it held). 会议 alone opening a
    sentence is the meeting last named, within the two paragraphs before."""
    text = art.text
    meetings = sorted((m for m in mentions if m.kind == "Event" and m.span and m.rule != "press-conference"
                       and re.search(r"(?:会议|全会|大会)(?:（[^）]*）)?$", m.attrs.get("label") or m.text)),
                      key=lambda m: m.span.start)
    if not meetings:
        return
    orgs = {m.key: m for m in mentions if m.kind in ORG_KINDS and m.span and m.key}

    def host_of(ev):
        return _meeting_host(ev, orgs)

    said = []
    for ev in meetings:               # 国务院常务会议指出
        vm = _MEETING_VERB.match(text, ev.span.end)
        if vm and (ev.span.start == 0 or text[ev.span.start - 1] in _SPEAKER_LEFT):
            said.append((ev.span.start, vm, ev))
    for wm in _MEETING_WORD.finditer(text):      # …会议召开。会议要求，
        before = [ev for ev in meetings if ev.span.end <= wm.start()]
        paras = [p for p in art.paragraphs if p.end > (before[-1].span.start if before else len(text)) and p.start <= wm.start()]
        if before and len(paras) <= 3:
            said.append((wm.start("w"), _MEETING_VERB.match(text, wm.end("w")), before[-1]))
    taken = {r.span.start for r in rec.relations if r.kind == "statement" and r.span}
    # what the meeting said goes on to the end of the paragraph, up to its next point (会议要求…)
    # or a sentence that is someone else's
    stops = re.compile("|".join(map(re.escape, speech_verbs())) + r"|^\s*会议")
    people = sorted(m.span.start for m in mentions if m.kind == "Person" and m.span)
    for start, vm, ev in sorted(said, key=lambda t: t[0]):
        host = host_of(ev)
        if host is None or start in taken:
            continue
        s0, s1 = _sentence_span(art, start)
        s1 = _listed_points(art, _speech_runs_on(art, _through_semicolons(art, s1), stops, people))
        quote = _trim(text[vm.end():s1])
        if len(quote) < 4:
            continue
        rec.relations.append(_rel("statement", {"speaker": host, "text": quote, "verb": vm.group("verb")},
                                  Span(start, s1), 0.7, "meeting-statement"))
        taken.add(start)


def _hostings(art, mentions, rec: Records) -> None:
    """An organisation the text names as holding an event (kg.extract.events found it)."""
    for m in mentions:
        host = m.attrs.get("organizer") if m.kind == "Event" else None
        if host is None or not any(x is host for x in mentions):
            continue
        span = Span(min(host.span.start, m.span.start), max(host.span.end, m.span.end))
        rec.relations.append(_rel("hosting", {"event": m, "host": host}, span, 0.7, m.rule or "event"))


# 召开, 举行, 举办, 开幕, with the words that may stand before them (同步举行, 主持召开)
_HELD = re.compile(r"(?:同步|隆重|顺利|成功|主持|线下)?(?:召开|举行|举办|开幕)")
_JOIN = frozenset("和与及、")
_CLAUSE_END = re.compile(r"[，。；！？\n]")


# 在京召开: the one-character names news uses for the cities meetings are held in
_CITY_CHAR = {"京": "110000", "沪": "310000", "津": "120000", "渝": "500000", "穗": "440100", "蓉": "510100"}


def _city_char(text: str, at: int, rec: Records, made: dict[int, Mention]) -> Mention | None:
    """在京召开: 京 as a mention of Beijing, when a verb of holding follows it; one mention per
    position (`made`), however many events of the clause it is the venue of."""
    if at in made:
        return made[at]
    code = _CITY_CHAR.get(text[at:at + 1])
    if code is None or not _HELD.match(text, at + 1):
        return None
    m = made[at] = Mention(text=text[at], kind="City", span=Span(at, at + 1), confidence=0.7, extractor=TAG,
                           rule="city-char", key=f"division:{code}")
    rec.mentions.append(m)
    return m


def _place_run(text: str, at: int, places: dict[int, Mention]) -> tuple[list[Mention], int]:
    """The places written one after another from `at` (南京市和台北市) and where they end."""
    run, i, joined = [], at, True
    while i in places:
        # (湖北武汉: one place, written with its province - the city)
        if joined:
            run.append(places[i])
        else:
            run[-1] = places[i]
        i = places[i].span.end
        joined = text[i:i + 1] in _JOIN and i + 1 in places
        if joined:
            i += 1
    return run, i


def _venues(art, mentions, rec: Records) -> None:
    """Where the text says an event was held: `…大会在广州召开`, `…峰会7日以视频连线方式在南京市和
    台北市同步举行`, `在北京主持召开…会议`, `在广州召开的…会议`. Only places: `在国新办举行的发布会`
    names a host's hall, not a place."""
    text = art.text
    places = {m.span.start: m for m in mentions if m.kind in PLACE_KINDS and m.span}
    cities: dict[int, Mention] = {}
    for ev in (m for m in mentions if m.kind == "Event" and m.span):
        if ev.rule == "event-lexicon" and not ev.attrs.get("series"):
            continue            # 在北京主持召开亚太经合组织领导人非正式会议: the series, held each year elsewhere
        s, e = ev.span.start, ev.span.end
        found: list[Mention] = []
        # after the name, in its clause: …会议在北京召开
        stop = _CLAUSE_END.search(text, e)
        tail = text[e:min(stop.start() if stop else len(text), e + 20)]
        for i, ch in enumerate(tail):
            if ch == "在":
                run, end = _place_run(text, e + i + 1, places)
                if not run and (city := _city_char(text, e + i + 1, rec, cities)) is not None:
                    run, end = [city], e + i + 2
                if run and _HELD.match(text, end):
                    found = run
                    break
        # before it, in its clause: 在广州召开的第二次全国劳动大会, 在北京主持召开亚太经合组织…会议
        if not found:
            clause = max(text.rfind(c, 0, s) for c in "，。；！？\n") + 1
            for i in range(max(clause, s - 24), s):
                if text[i] != "在":
                    continue
                run, end = _place_run(text, i + 1, places)
                if not run and (held := _HELD.match(text, i + 2)) and re.fullmatch(r"(?:了|的)?", text[held.end():s]) \
                        and (city := _city_char(text, i + 1, rec, cities)) is not None:
                    run, end = [city], i + 2
                held = _HELD.match(text, end) if run else None
                if held and re.fullmatch(r"(?:了|的)?", text[held.end():s]):
                    found = run
                    break
        for place in found:
            span = Span(min(s, place.span.start), max(e, place.span.end))
            rec.relations.append(_rel("venue", {"event": ev, "place": place}, span, 0.7, "event-venue"))


def extract(ctx: Context) -> Records:
    art = ctx.article
    mentions = [m for m in ctx.records.mentions if m.span is not None]
    rec = Records()
    _roles(art, mentions, rec)
    mentions = mentions + rec.mentions
    _careers(art, mentions, rec)
    mentions = mentions + [m for m in rec.mentions if m not in mentions]
    _documents(art, mentions, rec)
    _published_now(art, rec)
    _one_action_per_document(rec)
    _document_days(art, rec)
    _designations(art, mentions, rec)
    _designations_by_reference(art, mentions, rec)
    _designation_lists(art, mentions, rec)
    _statements(art, mentions, rec)
    _meeting_statements(art, mentions, rec)
    _views(art, mentions, rec)
    _measures(art, mentions, rec)
    _hostings(art, mentions, rec)
    _venues(art, mentions, rec)
    return rec


EXTRACTOR = FunctionExtractor(NAME, VERSION, extract, requires=("mentions",), produces=("relations",),
                              description="roles, documents, designations, statements, measures, events held")
