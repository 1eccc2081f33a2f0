"""Entity resolution: every mention gets the canonical key of the real thing it names.

Keys are what make resolution work across articles: the same key mints the same IRI, so
鄂尔多斯 and 鄂尔多斯市 (division 150600), 央行 and 中国人民银行 (gazetteer entry), and 综试区 and
跨境电子商务综合试验区 (programme list) all become one entity. Each merge records its reason.
"""
from __future__ import annotations

import re
import unicodedata

from . import gazetteer
from .extract.entities import place_kind, programmes
from .extract.gov_bodies import government_key
from .model import Entity, Mention, Records

_PREFIXES = ("中华人民共和国", "中国")


_PAIRS = {"《": "》", "“": "”", '"': '"', "「": "」", "'": "'"}



# offices of national bodies that a division's name names (垂直管理): their national body
_VERTICAL = {"海关": "org:gacc", "银保监局": "org:cbirc", "证监局": "org:csrc", "税务局": "org:sta"}
# (a province's or a city's tax bureau is 国家税务总局's since 2018, and is so named: 国家税务总局北京市税务局)
_VERTICAL_LABEL = {"税务局": "国家税务总局{name}税务局"}

def _norm(text: str) -> str:
    """The surface as a label: white space collapsed, enclosing quote pairs removed, width kept."""
    text = " ".join(text.split())
    while len(text) > 2 and _PAIRS.get(text[0]) == text[-1] and text.count(text[0]) == 1:
        text = text[1:-1].strip()
    return text


def _key(text: str) -> str:
    """A key: white space removed and width-folded, so （ and ( spell one document."""
    return unicodedata.normalize("NFKC", re.sub(r"\s+", "", _norm(text)))


def _org_entry(name: str):
    idx = gazetteer.org_index()
    if name in idx:
        return idx[name]
    for p in _PREFIXES:
        if name.startswith(p) and name[len(p):] in idx:
            return idx[name[len(p):]]
    return None


def entity_for(m: Mention, issuer: str | None = None, scope: str | None = None) -> Entity:
    """`issuer`: the label of a document's issuer, when another issuer in the article uses its title too.
    `scope`: the article's id, which keys the names it anonymises (张某)."""
    e = _entity_for(m, issuer)
    if scope and _anonymised(e):
        e.key = f"{e.key}-{scope}"
    return e


def _anonymised(e: Entity) -> bool:
    # 张某, 王某华, 芜湖市某钢铁有限公司: a court's or an authority's stand-in for a name, which
    # only the article that writes it identifies; two articles' 张某 are two people, whom one key
    # across articles would make one (with each other's roles and fines)
    # (景女士, 吴先生, 小陈: a surname and a title identify no one beyond their article either)
    return ("某" in e.label and e.kind in ("Person", "Organization", "Company")
            or e.kind == "Person" and (len(e.label) == 3 and e.label.endswith(("女士", "先生"))
                                       or len(e.label) == 2 and e.label.startswith("小"))) and \
        e.key.startswith(("person:", "org:"))


def _entity_for(m: Mention, issuer: str | None = None) -> Entity:
    text = _norm(m.text)
    key = m.key
    if key is None and m.kind in ("Organization", "GovernmentBody") and _org_entry(text) is None:
        key = government_key(text)          # 甘肃省监狱管理局 in a CV line = the one after 甘肃省
    if key and key.startswith("division:"):
        div = gazetteer.divisions()[key.split(":", 1)[1]]
        chain = [(d.code, d.name, place_kind(d)) for d in gazetteer.ancestors(div.code)]
        e = Entity(key=key, kind=place_kind(div), label=div.name,
                   attrs={"code": div.code, "parent": div.parent, "ancestors": chain})
        if text != div.name:
            e.reasons.add(f"division short form {text} = {div.name} ({div.code})")
    elif key and key.startswith("gov:"):
        div = gazetteer.divisions()[key.split(":", 1)[1]]
        e = Entity(key=key, kind="GovernmentBody", label=div.name + "人民政府",
                   attrs={"government_of": div.code})
        if text != e.label:
            e.reasons.add(f"the government of {div.name} ({div.code}): {text} = {e.label}")
    elif key and key.startswith("govbody:"):
        _, code, suffix = key.split(":", 2)
        div = gazetteer.divisions()[code]
        national = _VERTICAL.get(suffix)
        # 杭州海关, 北京银保监局: an office of a national body, named as it names itself (by the
        # short name: there is no 杭州市海关) and part of that body; a local government's body
        # takes the division's full name (杭州市商务局)
        # (a district's bureau is named with its city: 国家税务总局上海市浦东新区税务局)
        ups = gazetteer.ancestors(div.code)
        full = (ups[0].name + div.name) if ups and div.name.endswith("区") else div.name
        label = _VERTICAL_LABEL[suffix].format(name=full) if suffix in _VERTICAL_LABEL else \
            (div.short or div.name) + suffix if national else div.name + suffix
        e = Entity(key=key, kind="GovernmentBody", label=label, attrs={"parent_org": national} if national else {})
        if text != e.label:
            e.reasons.add(f"the {suffix} of {div.name} ({div.code}): {text} = {e.label}")
    elif key and key.startswith("org:"):
        entry = gazetteer.org_by_key().get(key[4:]) or _org_entry(text)
        e = Entity(key=key, kind=entry.kind if entry else m.kind, label=entry.name if entry else text,
                   en=entry.en if entry else None)
        if entry and text != entry.name:
            e.reasons.add(f"gazetteer alias {text} = {entry.name}")
    elif key and key.startswith("programme:"):
        prog = next((p for p in programmes() if p["key"] == key.split(":", 1)[1]), None)
        e = Entity(key=key, kind="Programme", label=prog["name"] if prog else text, en=prog.get("en") if prog else None)
        if prog and text != prog["name"]:
            e.reasons.add(f"programme alias {text} = {prog['name']}")
    elif key and key.startswith("docref:"):
        from .extract.entities import documents
        doc = next((d for d in documents() if d["key"] == key.split(":", 1)[1]), None)
        label = doc["name"] if doc else text
        year = m.attrs.get("year")
        en = doc.get("en") if doc else None
        # 政府工作报告, issued each year: each year's is its own document (its title has no year,
        # so the label keeps the title and the IRI and the English label say which)
        e = Entity(key=f"doc:{_key(f'{label}（{year}年）' if year else label)}", kind=m.kind, label=label,
                   en=f"{en} {year}" if en and year else en, attrs={"version": year} if year else {})
        if year:
            e.alt_labels.add(f"{year}年{label}")
            e.reasons.add(f"issued each year: the {year} edition")
        if text != label:
            e.reasons.add(f"document alias {text} = {label}")
    elif key and key.startswith("stock:"):
        e = Entity(key=key, kind="Company", label=text, attrs={"stock_code": key.split(":", 1)[1]})
    elif key and key.startswith("country:"):
        code = key.split(":", 1)[1]
        entry = gazetteer.country_index().get(text)
        if entry is None or entry.code != code:     # 自美进口: the key says which country 美 is
            entry = gazetteer.countries().get(code, entry)
        e = Entity(key=key, kind="Country", label=getattr(entry, "name", text), en=getattr(entry, "en", None))
    elif key and key.startswith("city:"):
        _, code, name = key.split(":", 2)
        e = Entity(key=key, kind="City", label=name, attrs={"country": code})
    elif key and key.startswith("region:"):
        entry = gazetteer.region_index().get(text)
        e = Entity(key=key, kind="Place", label=getattr(entry, "name", text), en=getattr(entry, "en", None))
    elif m.kind in ("Organization", "GovernmentBody", "Company", "MediaOutlet"):
        # 富途 after 富途控股有限公司: a firm's short name is the firm named in full before
        name = str(m.attrs.get("label") or text)
        entry = _org_entry(name)
        if entry is not None:
            e = Entity(key=f"org:{entry.key}", kind=entry.kind, label=entry.name, en=entry.en)
            if text != entry.name:
                e.reasons.add(f"gazetteer alias {text} = {entry.name}")
        else:
            e = Entity(key=f"org:{_key(name)}", kind=_kind_by_name(name, m.kind), label=name,
                       attrs={"parent_org": m.attrs["parent_org"]} if m.attrs.get("parent_org") else {})
            if name != text and m.attrs.get("reason"):         # 中科院合肥物质科学研究院: its parent in full
                e.reasons.add(f"{text} = {name}: {m.attrs['reason']}")
            elif name != text:
                e.reasons.add(f"short name of {name} in the same article: {text} = {name}")
    elif m.kind in ("Document", "Law"):
        edition = m.attrs.get("edition")
        # 《规划纲要》 after 《…建设规划纲要》: that one; 广东省政府工作报告: the province's own
        named = m.attrs.get("same_as") or m.attrs.get("label") or text
        label = f"{named}（{edition}）" if edition else named     # 2020年版《…》 is its own document
        if issuer is not None:
            label = f"{label}（{issuer}）"
        year = m.attrs.get("year")              # 广东省2022年政府工作报告: that year's
        e = Entity(key=f"doc:{_key(f'{label}（{year}年）' if year else label)}", kind=m.kind, label=label,
                   attrs={"version": year} if year else {})
        if year:
            e.alt_labels.add(f"{year}年{label}")
        if m.attrs.get("same_as") and named != text:
            e.reasons.add(f"the title named before in the article: {text} = {named}")
        elif named != text:
            e.reasons.add(f"the report of the government named before it: {text} = {named}")
        if issuer is not None:
            e.reasons.add(f"one title, another issuer in the same article: {named} issued by {issuer}")
    elif m.kind == "Work":
        e = Entity(key=f"work:{_key(text)}", kind="Work", label=text)
    elif m.kind == "Person":
        e = Entity(key=f"person:{_key(text)}", kind="Person", label=text)
    elif m.kind == "Programme":
        # “东数西算”工程 and 东数西算工程 are one programme: the label its mention gives, if any
        name = str(m.attrs.get("label") or text)
        e = Entity(key=f"programme:{_key(name)}", kind="Programme", label=name)
        if text != name:
            e.alt_labels.add(text)
    elif m.kind == "Event":
        e = Entity(key=_key(m.key or f"event:{text}"), kind="Event", label=m.attrs.get("label") or text,
                   en=m.attrs.get("en"),
                   attrs={k: v for k, v in m.attrs.items() if k in ("date", "series", "host_key")})
    else:
        e = Entity(key=m.key or f"{m.kind.lower()}:{text}", kind=m.kind, label=text)
    if text != e.label:
        e.alt_labels.add(text)
    return e


# what a body's name says it is, whichever rule found it (the audit found courts, party
# committees and bank branches typed two ways): a court or a procuratorate and a party committee
# are state bodies, a bank's branch is part of a company
_STATE_BODY_NAME = re.compile(r"(?:法院|检察院|[省市县区州盟旗]委|地委|中心县委)$")
_BRANCH_NAME = re.compile(r"(?:银行|农商行|农商银行|信用社)\S*(?:分行|支行)$|(?:分行|支行)$")


def _kind_by_name(name: str, kind: str) -> str:
    if kind in ("Organization", "Company", "GovernmentBody"):
        if _STATE_BODY_NAME.search(name) and not name.endswith("党委"):
            return "GovernmentBody"
        if kind == "Organization" and _BRANCH_NAME.search(name):    # (人民银行广州分行 stays a state body)
            return "Company"
    return kind


class Resolution:
    """The entities of one article and which entity each mention names."""

    def __init__(self, scope: str | None = None) -> None:
        self.scope = scope                          # the article's id: see entity_for
        self.entities: dict[str, Entity] = {}
        self._by_mention: dict[int, str] = {}
        self.issuers: dict[int, str] = {}          # id(document mention) -> its issuers' label, if qualified

    def add(self, m: Mention) -> Entity:
        e = entity_for(m, self.issuers.get(id(m)), self.scope)
        cur = self.entities.get(e.key)
        if cur is None:
            self.entities[e.key] = e
            cur = e
        else:
            cur.alt_labels |= e.alt_labels
            cur.reasons |= e.reasons
            # a more specific class wins over the generic one (Organization -> GovernmentBody)
            if cur.kind in ("Organization", "Place") and e.kind not in ("Organization", "Place"):
                cur.kind = e.kind
        self._by_mention[id(m)] = cur.key
        return cur

    def of(self, m: Mention) -> Entity:
        key = self._by_mention.get(id(m))
        return self.entities[key] if key else self.add(m)


#: the actions that make a body a document's author; approving (批复) or adopting one is not
_AUTHORING = ("issued", "published")


def _other_issuers(records: Records) -> dict[int, str]:
    """Documents of one title that different bodies issue in one article (三地各自印发《关于开展…的通知》)
    are different documents: the first issuers' keeps the plain title, which a bare mention of
    the title also names, and each other's is the title qualified by its issuer. Bodies that
    issue one mention together (人社部、财政部联合印发《…》) are joint authors of one document."""
    facts = [r for r in records.relations if r.kind == "document" and r.args.get("action") in _AUTHORING
             and isinstance(r.args.get("document"), Mention) and isinstance(r.args.get("agent"), Mention)]
    if len(facts) < 2:
        return {}
    issuers: dict[int, dict[str, Entity]] = {}       # id(document mention) -> its issuers by key
    docs: dict[int, Mention] = {}
    for r in facts:
        doc = r.args["document"]
        who = entity_for(r.args["agent"])
        issuers.setdefault(id(doc), {}).setdefault(who.key, who)
        docs[id(doc)] = doc
    firsts: dict[str, set[str]] = {}
    out: dict[int, str] = {}
    for i in sorted(docs, key=lambda i: docs[i].span.start if docs[i].span else -1):
        whom = issuers[i]
        # (a ministry's general office issues in the ministry's name: 住建部 and 住建部办公厅 are
        # one side, not two documents)
        sides = set(whom) | {e.attrs["parent_org"] for e in whom.values() if e.attrs.get("parent_org")}
        first = firsts.setdefault(entity_for(docs[i]).key, sides)
        if first.isdisjoint(sides):
            out[i] = "、".join(e.label for e in whom.values())
    return out


def resolve(records: Records, scope: str | None = None) -> Resolution:
    """scope: the article's id (its anonymised names are its own entities)."""
    res = Resolution(scope)
    res.issuers = _other_issuers(records)
    for m in records.mentions:
        res.add(m)
    for r in records.relations:
        for v in r.args.values():
            if isinstance(v, Mention):
                res.of(v)
    return res
