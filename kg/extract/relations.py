"""Relations between the entities found earlier in the same article.

Rules are written for constructions, not sentences:
- roles: [org][原|前][post][name] (商务部新闻发言人高峰, 原核工业部副部长刁筠寿);
- documents: [org(、org)*] ... [发布|印发|批复|...] ... 《title》 in one sentence;
- designations: [places joined by 、/和/及] [等N个…] [设立|获批|入选|…] [programme];
- statements: [speaker | 他/她] [adverbial] [表示|指出|…] [text];
- measures: 一是…二是… / 第一，…第二，… after a sentence naming the announcing body.
"""
from __future__ import annotations

import re

from ..lexicon import posts, speech_verbs
from ..model import Mention, Records, Relation, Span
from .base import Context, FunctionExtractor

NAME = "relations"
VERSION = "1"
TAG = f"{NAME}@{VERSION}"
HAN = r"\u4e00-\u9fff"

ORG_KINDS = {"Organization", "GovernmentBody", "Company", "MediaOutlet"}
PLACE_KINDS = {"Place", "City", "AdministrativeArea", "Country"}
DOC_KINDS = {"Document", "Law"}

DOC_VERBS = [("联合印发", "issued"), ("印发", "issued"), ("发布", "published"), ("公布", "published"),
             ("出台", "issued"), ("颁布", "issued"), ("下发", "issued"), ("发出", "issued"), ("制定", "issued"),
             ("审议通过", "adopted"), ("通过", "adopted"), ("批复", "approved"), ("批准", "approved"),
             ("同意", "approved"), ("签署", "signed"), ("签订", "signed"), ("修订", "revised"), ("起草", "drafted")]
DESIGNATION_VERBS = ("设立", "获批", "入选", "列为", "纳入", "批准", "同意", "建设", "开展", "成为", "认定", "确定为",
                     "新设", "获得")
ORDINALS = "一二三四五六七八九十"
_ORG_BEFORE_POST = re.compile(
    rf"([{HAN}]{{2,20}}?(?:部|委员会|委|局|署|办公室|办|院|银行|行|协会|学会|会|所|公司|集团|中心|大学|学院|研究院|研究所|研究会|交易所|法院|检察院|政府|党委|总局|总署))$")
_LEFT_BOUND = set("的在与和及对由向从被把将为是等了、，。：；“”‘’（）()《》,.:;!?！？ \n据")


def _rel(kind, args, span, conf, rule):
    return Relation(kind=kind, args=args, span=span, confidence=conf, extractor=TAG, rule=rule)


def _sentence_span(art, offset):
    s = art.sentence_at(offset)
    return (s.start, s.end) if s else (0, len(art.text))


def _roles(art, mentions, rec: Records):
    text = art.text
    post_re = "|".join(map(re.escape, posts()))
    by_end = {m.span.end: m for m in mentions if m.span and m.kind in ORG_KINDS}
    for p in mentions:
        if p.kind != "Person" or p.span is None or p.rule != "post-name":
            continue
        head = text[max(0, p.span.start - 30):p.span.start]
        pm = re.search(rf"(?P<former>原|前)?(?P<post>{post_re})$", head)
        if not pm:
            continue
        post = pm.group("post")
        post_start = p.span.start - len(pm.group(0))
        former = bool(pm.group("former"))
        org = by_end.get(post_start)
        if org is None:
            # an organisation the gazetteer does not know: take the suffix-shaped words before the post
            left = text[max(0, post_start - 24):post_start]
            cut = max((i for i, ch in enumerate(left) if ch in _LEFT_BOUND), default=-1)
            left = left[cut + 1:]
            om = _ORG_BEFORE_POST.search(left)
            if om and len(om.group(1)) >= 3:
                s = post_start - len(om.group(1))
                if left.startswith(("原", "前")) and s == post_start - len(left):
                    former = True
                    s += 1
                org = Mention(text=text[s:post_start], kind="Organization", span=Span(s, post_start),
                              confidence=0.6, extractor=TAG, rule="org-before-post")
                rec.mentions.append(org)
        if org is None:
            continue
        if org.span.start > 0 and text[org.span.start - 1] in "原前":
            former = True
        rec.relations.append(_rel("role", {"person": p, "post": post, "org": org, "former": former},
                                  Span(org.span.start, p.span.end), 0.85 if org.rule != "org-before-post" else 0.6,
                                  "org-post-name"))


def _documents(art, mentions, rec: Records):
    text = art.text
    docs = [m for m in mentions if m.kind in DOC_KINDS and m.span]
    orgs = [m for m in mentions if m.kind in ORG_KINDS and m.span]
    for d in docs:
        s0, s1 = _sentence_span(art, d.span.start)
        before = [o for o in orgs if s0 <= o.span.start and o.span.end <= d.span.start - 1]
        found = False
        for o in reversed(before):
            between = text[o.span.end:d.span.start - 1]
            if "《" in between or len(between) > 30:
                continue
            for verb, action in DOC_VERBS:
                if verb in between:
                    # 国家发展改革委、商务部发布: every organisation in the list is an issuer
                    group = [o]
                    for o2 in reversed([x for x in before if x.span.end <= o.span.start]):
                        gap = text[o2.span.end:group[-1].span.start]
                        if gap in ("、", "和", "与", "及", "，"):
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


def _designations(art, mentions, rec: Records):
    text = art.text
    progs = [m for m in mentions if m.kind == "Programme" and m.span]
    places = [m for m in mentions if m.kind in PLACE_KINDS and m.span]
    docs = [m for m in mentions if m.kind in DOC_KINDS and m.span]
    for prog in progs:
        s0, s1 = _sentence_span(art, prog.span.start)
        clause_start = max(s0, max((i + 1 for i in range(s0, prog.span.start) if text[i] in "，；。"), default=s0))
        clause = text[clause_start:prog.span.start]
        if not any(v in clause for v in DESIGNATION_VERBS):
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


def _statements(art, mentions, rec: Records):
    text = art.text
    verbs = "|".join(map(re.escape, speech_verbs()))
    speakers = [m for m in mentions if m.kind == "Person" and m.span]
    last_speaker = None
    spoken = re.compile(rf"^(?:[{HAN}]{{0,14}}?)(?P<verb>{verbs})(?P<sep>[：:，,]?)")
    events = []
    for m in speakers:
        events.append((m.span.start, m.span.end, m))
    for pm in re.finditer(r"(?:^|(?<=[。，；\n“]))(他|她)(?=[^，。]{0,14}?(?:" + verbs + "))", text):
        events.append((pm.start(1), pm.end(1), None))
    for start, end, m in sorted(events, key=lambda x: x[0]):
        if m is None and last_speaker is None:
            continue
        tail = text[end:end + 40]
        vm = spoken.match(tail)
        if not vm or re.search(r"[，。；]", tail[:vm.start("verb")]):
            if m is not None and m.rule == "post-name":
                last_speaker = m
            continue
        speaker = m or last_speaker
        s0, s1 = _sentence_span(art, start)
        body_start = end + vm.end()
        quote = text[body_start:s1].strip("：:，, “”\"")
        if not quote:
            continue
        rec.relations.append(_rel("statement", {"speaker": speaker, "text": quote, "verb": vm.group("verb")},
                                  Span(start, s1), 0.8 if m is not None else 0.65,
                                  "speaker-verb" if m is not None else "pronoun-verb"))
        last_speaker = speaker


def _measures(art, mentions, rec: Records):
    text = art.text
    orgs = [m for m in mentions if m.kind in ORG_KINDS and m.span]
    pattern = re.compile(rf"(?:^|(?<=[。；\n]))\s*(?:(?P<a>[{ORDINALS}])是|第(?P<b>[{ORDINALS}])[，、,])")
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
        cand = [o for o in orgs if lead_start <= o.span.start < first and o.kind != "MediaOutlet"]
        if not cand:
            continue
        body = cand[-1]
        for i, h in enumerate(run):
            end = run[i + 1].start() if i + 1 < len(run) else text.find("\n", h.end())
            if end < 0:
                end = len(text)
            item = text[h.end():end].strip()
            item = item.split("\n", 1)[0]
            if item:
                rec.relations.append(_rel("measure", {"body": body, "ordinal": i + 1, "text": item},
                                          Span(h.start(), h.start() + len(h.group(0)) + len(item)), 0.7, "ordinal-list"))


def extract(ctx: Context) -> Records:
    art = ctx.article
    mentions = [m for m in ctx.records.mentions if m.span is not None]
    rec = Records()
    _roles(art, mentions, rec)
    mentions = mentions + rec.mentions
    _documents(art, mentions, rec)
    _designations(art, mentions, rec)
    _statements(art, mentions, rec)
    _measures(art, mentions, rec)
    return rec


EXTRACTOR = FunctionExtractor(NAME, VERSION, extract, requires=("mentions",), produces=("relations",),
                              description="roles, documents, designations, statements, measures")
