"""Records -> RDF. The only module that mints IRIs (through kg.iri) and writes provenance.

An article becomes one named graph (IRI = the article's IRI) with its metadata, mentions and
facts; the descriptions of the entities it names (types, labels) go to the shared graph
`kgr:entities`. Fact IRIs derive from the fact's canonical content, so a fact stated by several
articles is one node present in several article graphs (support = how many).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, Graph, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from . import gazetteer
from . import iri as mint
from .extract.quantities import CURRENCIES as QUANTITY_CURRENCIES
from .model import Article, Entity, Mention, Records, Relation, Span
from .resolve import Resolution
from .vocab import CUR, ID, KG, ORG, QUDT, SDO, UNIT


class Iri(str):
    """An IRI node as rdf.build writes it. A plain str subclass: minted, hashed and compared at C
    speed, where rdflib's URIRef and Literal do all three in Python (they cost more than the
    rest of rdf.build). Literals are str too, already in their N-Triples form ('"…"@zh')."""
    __slots__ = ()


class _Terms:
    """A namespace whose terms are looked up once, as Iri."""

    def __init__(self, ns):
        self._ns, self._items = ns, {}

    def __getattr__(self, name: str) -> Iri:
        term = Iri(getattr(self._ns, name))
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> Iri:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = Iri(self._ns[name])
        return term


class Triples:
    """One graph as the set of its N-Triples lines: what the store and the workers' results
    need, written as each triple is added (no rdflib terms in between)."""
    __slots__ = ("lines",)

    def __init__(self):
        self.lines: set[str] = set()

    def add(self, s: Iri, p: Iri, o: str) -> None:
        self.lines.add(f"<{s}> <{p}> <{o}> .\n" if type(o) is Iri else f"<{s}> <{p}> {o} .\n")

    @staticmethod
    def line(s: Iri, p: Iri, o: str) -> str:
        return f"<{s}> <{p}> <{o}> .\n" if type(o) is Iri else f"<{s}> <{p}> {o} .\n"

    def ntriples(self) -> bytes:
        """UTF-8 N-Triples, lines sorted (the same bytes for the same graph)."""
        return "".join(sorted(self.lines)).encode("utf-8")

    def graph(self) -> Graph:
        """The triples as an rdflib Graph."""
        g = Graph()
        if self.lines:
            g.parse(data="".join(self.lines), format="nt")
        return g

    def __len__(self) -> int:
        return len(self.lines)


CUR, KG, ORG, QUDT, SDO, UNIT = (_Terms(ns) for ns in (CUR, KG, ORG, QUDT, SDO, UNIT))
RDF, RDFS, XSD, OWL, PROV, SKOS = (_Terms(ns) for ns in (RDF, RDFS, XSD, OWL, PROV, SKOS))

ENTITIES_GRAPH = URIRef(ID + "entities")
ONTOLOGY_GRAPH = URIRef(ID + "ontology")

SCHEMA_CLASS = {
    "Person": SDO.Person, "Organization": SDO.Organization, "GovernmentBody": SDO.GovernmentOrganization,
    "Company": SDO.Corporation, "MediaOutlet": SDO.NewsMediaOrganization, "Place": SDO.Place,
    "Country": SDO.Country, "AdministrativeArea": SDO.AdministrativeArea, "City": SDO.City,
    "Document": SDO.CreativeWork, "Law": SDO.Legislation, "Work": SDO.CreativeWork, "Event": SDO.Event, "Programme": None,
}
KIND_SEGMENT = {"Person": "person", "Organization": "org", "GovernmentBody": "org", "Company": "org",
                "MediaOutlet": "org", "Place": "place", "Country": "place", "AdministrativeArea": "place",
                "City": "place", "Document": "doc", "Law": "doc", "Work": "work", "Programme": "programme", "Event": "event"}
CURRENCIES = frozenset(QUANTITY_CURRENCIES.values())
#: raised when what the readers take from a file or how this module writes it changes, so that a
#: build extracts unchanged files again (it is part of kg:extractedWith); 2: kg:dateText, dates
#: as Chinese sites write them; 3: the sentence of evidence that runs on through ；4: the
#: article tail Sina keeps in its ad-list comment; 5: the source named by a copyright note there;
#: 7: plain text and Markdown: a page's date line and editor, its controls dropped, Markdown
#: inline markup reduced to text and pipe tables read as tables; 8: Big5 files read as Big5;
#: 9: a date without a time zone is Beijing time (kept with its +08:00 offset); 10: a few characters
#: that read as Big5 too stay GB18030; 13: kg:comparedAs (a difference in points, a multiple);
#: 15: schema:version, the year's edition of a document issued each year (政府工作报告)
#: 16: an anonymised name (张某, 某…有限公司) is its article's own entity (kg.resolve)
#: 17: schema:dateCreated on figures and measures too, as on every other fact
#: 18: a kg:Mention (no offsets) for each name found in the metadata (editor line, front matter)
#: 19: 亩 is kgr:unit/MU (QUDT has no unit:MU), described in the ontology
#: 20: schema:articleSection is the section's name (text, its schema.org range), kg:category its concept
#: 21: qudt:hasUnit, not qudt:unit (deprecated in QUDT 2.1)
#: 22: schema:publisher only for issued, published or revised documents (not for approved, adopted, signed, drafted)
#: 23: a province's or city's tax bureau is 国家税务总局's (org:subOrganizationOf), labelled 国家税务总局X税务局
#: 24: a district's tax bureau is labelled with its city (国家税务总局上海市浦东新区税务局)
GRAPH_VERSION = 24

_PUBLISHING_ACTIONS = frozenset({"issued", "published", "revised"})
_BAD_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Literal text that every RDF syntax and parser accepts and gives back unchanged.

    The one documented cleaning of literal values: C0 control characters other than TAB and
    LF, DEL, lone surrogates (from file names that are not UTF-8) and the non-characters
    U+FFFE / U+FFFF each become U+FFFD (they cannot be written as XML, and N-Triples, Turtle and
    JSON-LD tools disagree about them); CR LF and CR become LF, as in article bodies (an XML
    parser would turn them into LF anyway, so RDF/XML would silently change the value).
    Everything else is kept as it is."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _BAD_TEXT.sub("\ufffd", text)


def _escape(text: str) -> str:
    # what N-Triples needs escaped in a string (clean() has already turned CR into LF)
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


# (4096: more than an article's distinct literals; 65536 of them, mostly sentences of articles
# long done, held ~35 MB in each worker by 2,000 articles and made a build's memory grow with
# the corpus)
@lru_cache(maxsize=1 << 12)
def _lit(text: str, lang: str | None) -> str:
    v = _escape(clean(text))
    return f'"{v}"@{lang}' if lang else f'"{v}"'


def lit(text: str, lang: str | None = None) -> str:
    """A plain (or language-tagged) literal in N-Triples form; cached: an article repeats its
    sentences, extractor names and rules in every fact's evidence."""
    return _lit(str(text), lang)


def _typed(lexical: str, datatype: Iri) -> str:
    return f'"{_escape(lexical)}"^^<{datatype}>'


@lru_cache(maxsize=1 << 14)
def nonneg(n: int) -> str:
    """An offset or index (xsd:nonNegativeInteger)."""
    return _typed(str(n), XSD.nonNegativeInteger)


@lru_cache(maxsize=1 << 10)
def decimal3(c: float) -> str:
    return _typed(str(Decimal(str(round(c, 3)))), XSD.decimal)


def article_iri(article_id: str) -> URIRef:
    return URIRef(mint.iri("article", article_id))


def entity_iri(e: Entity) -> URIRef:
    return URIRef(_entity_iri(e))


def _entity_iri(e: Entity) -> Iri:
    prefix, _, rest = e.key.partition(":")
    seg = KIND_SEGMENT.get(e.kind, "thing")
    if prefix == "division":
        return Iri(mint.iri("place", rest))
    if prefix == "country":
        return Iri(mint.iri("place", "country-" + rest))
    if prefix == "region":
        return Iri(mint.iri("place", "region-" + rest))
    if prefix == "city":                # a foreign city: place/city-JP-东京
        code, _, name = rest.partition(":")
        return Iri(mint.iri("place", f"city-{code}-{name}"))
    if prefix == "gov":                 # a division's government: org/gov-330000
        return Iri(mint.iri("org", "gov-" + rest))
    if prefix == "govbody":             # one of its bodies: org/gov-510700-应急管理局
        code, _, suffix = rest.partition(":")
        return Iri(mint.iri("org", f"gov-{code}-{suffix}"))
    return Iri(mint.iri(seg, rest or e.key))


#: units QUDT has no IRI for (亩, the Chinese land unit: 666.67 m²), described in ontology/kg.ttl
OWN_UNITS = frozenset({"MU"})


def unit_iri(unit: str) -> Iri:
    if unit in OWN_UNITS:
        return Iri(mint.iri("unit", unit))
    return CUR[unit] if unit in CURRENCIES else UNIT[unit]


class ArticleGraphs:
    def __init__(self, article: Article):
        self.article = article
        self.a = Iri(mint.iri("article", article.id))
        self.g = Triples()           # the article's named graph
        self.e = Triples()           # its contribution to the shared entities graph
        self._described: dict[tuple, Iri] = {}

    # -- entities -----------------------------------------------------------------------------
    def entity(self, e: Entity, named: bool = True) -> Iri:
        # an article names most entities several times: describe each once, unless a mention
        # resolved since has added to it (the entities live in the Resolution, so ids stay theirs)
        # (named=False: referred to but not named, 全国 or 我国 for China: no schema:mentions,
        # which lists the entities an article names)
        seen = (id(e), e.kind, len(e.alt_labels), len(e.reasons))
        node = self._described.get(seen)
        if node is None:
            node = self._described[seen] = self.describe(e)
        if named:
            self.g.add(self.a, SDO.mentions, node)
        return node

    def _host(self, key: str) -> Iri:
        """A recurring event's host, described as the gazetteer has it (the same triples as
        when an article mentions it), so the event's organizer is never a bare IRI."""
        entry = gazetteer.org_by_key().get(key)
        if entry is None:
            return Iri(mint.iri("org", key))
        return self.describe(Entity(key=f"org:{key}", kind=entry.kind, label=entry.name, en=entry.en))

    def describe(self, e: Entity) -> Iri:
        """The entity's own description, in the shared graph (and what this article wrote of it)."""
        node = _entity_iri(e)
        self.e.add(node, RDF.type, KG[e.kind])
        sc = SCHEMA_CLASS.get(e.kind)
        if sc is not None:
            self.e.add(node, RDF.type, sc)
        self.e.add(node, RDFS.label, lit(e.label))
        self.e.add(node, SKOS.prefLabel, lit(e.label, "zh"))
        # variants and merge reasons are what this article wrote: they live in its graph, so they
        # go with it when it is rebuilt or removed (the shared graph holds only what the key fixes)
        for alt in sorted(e.alt_labels):
            self.g.add(node, SKOS.altLabel, lit(alt, "zh"))
        if e.en:
            self.e.add(node, RDFS.label, lit(e.en, "en"))
        for reason in sorted(e.reasons):
            self.g.add(node, KG.mergeReason, lit(reason))
        if e.kind == "Event":
            if e.attrs.get("date"):
                self.e.add(node, SDO.startDate, _typed(e.attrs["date"], XSD.date))
            if e.attrs.get("host_key"):         # a recurring event's fixed host (the lexicon's)
                self.e.add(node, SDO.organizer, self._host(e.attrs["host_key"]))
            series = e.attrs.get("series")
            if series:                          # 2021年世界人工智能大会: an edition of the series
                snode = Iri(mint.iri("event", series["key"].split(":", 1)[1]))
                self.e.add(node, SDO.superEvent, snode)
                self.e.add(snode, RDF.type, KG.Event)
                self.e.add(snode, RDF.type, SDO.Event)
                self.e.add(snode, RDFS.label, lit(series["label"]))
                self.e.add(snode, SKOS.prefLabel, lit(series["label"], "zh"))
                if series.get("en"):
                    self.e.add(snode, RDFS.label, lit(series["en"], "en"))
                if series.get("host_key"):
                    self.e.add(snode, SDO.organizer, self._host(series["host_key"]))
        if e.attrs.get("version"):            # 政府工作报告 of 2022: the year's edition
            self.e.add(node, SDO.version, lit(e.attrs["version"]))
        parent_org = e.attrs.get("parent_org")
        if parent_org:                  # a bank's branch is part of its bank (described as the gazetteer has it)
            self.e.add(node, ORG.subOrganizationOf, self._host(parent_org[4:]))
        country = e.attrs.get("country")
        if country:                     # a foreign city is in its country
            self.e.add(node, SDO.containedInPlace, Iri(mint.iri("place", "country-" + country)))
        code = e.attrs.get("code")
        if code:
            self.e.add(node, KG.divisionCode, lit(code))
            parent = e.attrs.get("parent")
            if parent:
                self.e.add(node, SDO.containedInPlace, Iri(mint.iri("place", parent)))
            # the division hierarchy, so located-in queries work without the gazetteer
            chain = e.attrs.get("ancestors") or []
            for i, (acode, aname, akind) in enumerate(chain):
                anode = Iri(mint.iri("place", acode))
                self.e.add(anode, RDF.type, KG[akind])
                self.e.add(anode, RDF.type, SCHEMA_CLASS[akind])
                self.e.add(anode, RDFS.label, lit(aname))
                self.e.add(anode, SKOS.prefLabel, lit(aname, "zh"))
                self.e.add(anode, KG.divisionCode, lit(acode))
                if i + 1 < len(chain):
                    self.e.add(anode, SDO.containedInPlace, Iri(mint.iri("place", chain[i + 1][0])))
        return node

    # -- provenance ---------------------------------------------------------------------------
    def evidence(self, fact: Iri, span: Span | None, extractor: str, rule: str, confidence: float) -> None:
        art = self.article
        key = (str(fact), span.start if span else -1, span.end if span else -1)
        ev = Iri(mint.iri("evidence", art.id, mint.digest(*key)))
        g = self.g
        g.add(fact, KG.evidence, ev)
        g.add(ev, RDF.type, KG.Evidence)
        g.add(ev, PROV.wasDerivedFrom, self.a)
        g.add(ev, KG.extractor, lit(extractor))
        g.add(ev, KG.rule, lit(rule or "unspecified"))
        g.add(ev, KG.confidence, decimal3(confidence))
        if span is not None:
            g.add(ev, KG.quote, lit(art.text[span.start:span.end]))
            g.add(ev, KG.startOffset, nonneg(span.start))
            g.add(ev, KG.endOffset, nonneg(span.end))
            s = art.sentence_at(span.start)
            if s is not None:
                # a span that runs on through ； (a statement) has the clauses it covers as its sentence
                last = art.sentence_at(span.end - 1) if span.end > s.end else None
                sentence = art.text[s.start:last.end] if last is not None and last.end > s.end else s.text
                g.add(ev, KG.sentence, lit(sentence))
                g.add(ev, KG.sentenceIndex, nonneg(s.index))
        else:
            g.add(ev, KG.quote, lit(art.title))

    def fact(self, kind: str, cls, *key: object) -> Iri:
        # one node per article and claim: were the node shared, a store's union of graphs would
        # hold its triples once per article and joins over them would multiply (k^n rows); the
        # claim key says which facts of different articles state the same thing (support)
        claim = mint.digest(*key)
        node = Iri(mint.iri("fact", kind, self.article.id, claim))
        self.g.add(node, KG.claimKey, lit(f"{kind}/{claim}"))
        self.g.add(node, RDF.type, KG.Fact)
        self.g.add(node, RDF.type, cls)
        self.g.add(node, PROV.wasDerivedFrom, self.a)
        return node

    def date(self) -> str | None:
        d = self.article.meta.get("date")
        return _typed(d, XSD.dateTime) if d else None


def commit_line(article: Article) -> str:
    """The article graph's commit triple (kg:contentHash), which a store writes last."""
    return Triples.line(Iri(mint.iri("article", article.id)), KG.contentHash, lit(article.content_hash))


def build(article: Article, records: Records, res: Resolution, *,
          extracted_with: str | None = None) -> tuple[Triples, Triples]:
    """The article's named graph (its commit triple included: commit_line) and its
    contribution to the shared entities graph."""
    ag = ArticleGraphs(article)
    g, a = ag.g, ag.a
    meta = article.meta
    g.add(a, RDF.type, KG.Article)
    g.add(a, RDF.type, SDO.NewsArticle)
    g.add(a, KG.articleId, lit(article.id))
    g.add(a, KG.contentHash, lit(article.content_hash))
    g.add(a, KG.sourcePath, lit(article.path))
    if extracted_with:
        g.add(a, KG.extractedWith, lit(extracted_with))
    g.add(a, SDO.headline, lit(article.title or article.id))
    # the text every offset counts into (code points, from 0): SUBSTR(?body, ?start + 1, ?end - ?start)
    # is a mention's surface or an evidence's quote, in any SPARQL store
    g.add(a, SDO.articleBody, lit(article.text))
    if ag.date() is not None:
        g.add(a, SDO.datePublished, ag.date())
    elif str(meta.get("date_raw") or "").strip():
        # a date kg cannot read ("Invalid Date" in real feeds) is kept as written, not lost
        g.add(a, KG.dateText, lit(str(meta["date_raw"]).strip()))
    for cat in meta.get("categories") or []:
        # schema:articleSection is text (its range); the section as a concept is kg:category
        c = Iri(mint.iri("category", str(cat)))
        g.add(a, SDO.articleSection, lit(str(cat)))
        g.add(a, KG.category, c)
        ag.e.add(c, RDF.type, KG.Category)
        ag.e.add(c, RDF.type, SKOS.Concept)
        ag.e.add(c, SKOS.prefLabel, lit(str(cat), "zh"))
        ag.e.add(c, RDFS.label, lit(str(cat)))
    for img in meta.get("images") or []:
        img = mint.external(str(img))
        if img is not None:
            g.add(a, SDO.image, Iri(img))
    url = meta.get("url") or meta.get("link")
    url = mint.external(str(url)) if url else None
    if url is not None:
        g.add(a, SDO.url, Iri(url))

    for sl in article.stock_links:
        node = Iri(mint.iri("stocklink", article.id, f"{sl.start}-{sl.end}-{sl.code}"))
        g.add(a, KG.stockLink, node)
        g.add(node, RDF.type, KG.StockLink)
        g.add(node, KG.stockCode, lit(sl.code))
        g.add(node, KG.surface, lit(sl.word))
        g.add(node, KG.startOffset, nonneg(sl.start))
        g.add(node, KG.endOffset, nonneg(sl.end))

    # one mention per span: when two extractors found the same words, the surer one speaks
    best: dict[tuple[int, int], Mention] = {}
    for m in records.mentions:
        if m.span is not None:
            k = (m.span.start, m.span.end)
            if k not in best or m.confidence > best[k].confidence:
                best[k] = m
    for m in records.mentions:
        e = res.of(m)
        if m.span is not None and best[(m.span.start, m.span.end)] is not m:
            ag.entity(e)
            continue
        node = ag.entity(e)
        # (a name in the metadata, the editor line or the front matter's author, is a mention
        # without offsets: the credits it gives have their extractor, rule and confidence too)
        mn = Iri(mint.iri("mention", article.id, f"{m.span.start}-{m.span.end}" if m.span is not None
                          else "meta-" + mint.digest(m.extractor, m.rule, m.kind, m.text)))
        g.add(mn, RDF.type, KG.Mention)
        g.add(mn, KG.mentionOf, node)
        g.add(mn, KG.surface, lit(m.text))
        if m.span is not None:
            g.add(mn, KG.startOffset, nonneg(m.span.start))
            g.add(mn, KG.endOffset, nonneg(m.span.end))
        g.add(mn, PROV.wasDerivedFrom, a)
        g.add(mn, KG.extractor, lit(m.extractor))
        g.add(mn, KG.rule, lit(m.rule or "unspecified"))
        g.add(mn, KG.confidence, decimal3(m.confidence))

    for r in records.relations:
        _relation(ag, r, res)
    for q in records.quantities:
        _quantity(ag, q, res)
    return g, ag.e


def _ent(ag: ArticleGraphs, res: Resolution, m: Mention) -> Iri:
    return ag.entity(res.of(m))


def _relation(ag: ArticleGraphs, r: Relation, res: Resolution) -> None:
    g, a = ag.g, ag.a
    args = r.args
    if r.kind == "credit":
        target = _ent(ag, res, args["target"])
        # a correspondent (通讯员) or intern (实习生) in the byline is a contributor, not an author
        prop = {"reporter": SDO.author, "contributor": SDO.contributor, "editor": SDO.editor,
                "publisher": SDO.publisher, "sourceOrganization": SDO.sourceOrganization}[args["role"]]
        g.add(a, prop, target)
        return
    if r.kind == "original_title":
        g.add(a, KG.originalTitle, lit(args["title"]))
        return
    date = ag.date()
    if r.kind == "role":
        person, org = _ent(ag, res, args["person"]), _ent(ag, res, args["org"])
        post = Iri(mint.iri("post", args["post"]))
        ag.e.add(post, RDF.type, KG.Post)
        ag.e.add(post, RDF.type, ORG.Role)
        ag.e.add(post, RDFS.label, lit(args["post"]))
        f = ag.fact("role", KG.RoleFact, person, org, args["post"], args["former"])
        g.add(f, RDF.type, ORG.Membership)
        g.add(f, ORG.member, person)
        g.add(f, ORG.organization, org)
        g.add(f, ORG.role, post)
        g.add(f, KG.former, _typed("true" if args["former"] else "false", XSD.boolean))
        if date is not None:
            g.add(f, SDO.dateCreated, date)
        if not args["former"]:
            g.add(person, ORG.memberOf, org)
    elif r.kind == "document":
        org, doc = _ent(ag, res, args["agent"]), _ent(ag, res, args["document"])
        f = ag.fact("document", KG.DocumentAction, org, doc, args["action"])
        g.add(f, KG.agent, org)
        g.add(f, KG.document, doc)
        g.add(f, KG.action, lit(args["action"]))
        # who issued, published or revised it publishes it; a body that approved, adopted or signed
        # it, drafted it or only announced it (经党中央、国务院同意, 经国务院批复同意) does not
        if args["action"] in _PUBLISHING_ACTIONS:
            g.add(doc, SDO.publisher, org)
        if args.get("date"):                     # the day of the act, as the sentence gives it
            g.add(f, KG.actionDate, _typed(args["date"], XSD.date))
        if date is not None:
            g.add(f, SDO.dateCreated, date)
    elif r.kind in ("hosting", "venue"):
        # who held an event (kg:host, schema:organizer) or where (kg:place, schema:location)
        cls, role, prop, shortcut = ((KG.EventHosting, "host", KG.host, SDO.organizer) if r.kind == "hosting"
                                     else (KG.EventVenue, "place", KG.place, SDO.location))
        event, other = _ent(ag, res, args["event"]), _ent(ag, res, args[role])
        f = ag.fact(r.kind, cls, event, other)
        g.add(f, KG.event, event)
        g.add(f, prop, other)
        g.add(event, shortcut, other)
        if date is not None:
            g.add(f, SDO.dateCreated, date)
    elif r.kind == "designation":
        place, prog = _ent(ag, res, args["place"]), _ent(ag, res, args["programme"])
        doc = _ent(ag, res, args["document"]) if args.get("document") is not None else None
        f = ag.fact("designation", KG.Designation, place, prog, doc or "")
        g.add(f, KG.place, place)
        g.add(f, KG.programme, prog)
        if doc is not None:
            g.add(f, KG.approvedBy, doc)
        if date is not None:
            g.add(f, SDO.dateCreated, date)
        g.add(place, KG.designatedAs, prog)
    elif r.kind == "statement":
        speaker = _ent(ag, res, args["speaker"])
        f = ag.fact("statement", KG.Statement, ag.article.id, speaker, r.span.start if r.span else -1)
        g.add(f, KG.speaker, speaker)
        g.add(f, SDO.text, lit(args["text"]))
        g.add(f, KG.verb, lit(args["verb"]))
        if date is not None:
            g.add(f, SDO.dateCreated, date)
    elif r.kind == "measure":
        body = _ent(ag, res, args["body"])
        f = ag.fact("measure", KG.Measure, ag.article.id, body, args["ordinal"], args["text"])
        g.add(f, KG.announcedBy, body)
        g.add(f, KG.ordinal, _typed(str(args["ordinal"]), XSD.positiveInteger))
        g.add(f, SDO.text, lit(args["text"]))
        if date is not None:
            g.add(f, SDO.dateCreated, date)
    else:
        return
    ag.evidence(f, r.span, r.extractor, r.rule, r.confidence)


def _quantity(ag: ArticleGraphs, q, res: Resolution | None = None) -> None:
    g = ag.g
    f = ag.fact("quantity", KG.QuantityFact, ag.article.id, q.span.start, q.span.end, q.value, q.unit)
    g.add(f, RDF.type, QUDT.QuantityValue)
    value = Decimal(repr(q.value)).normalize()
    g.add(f, QUDT.numericValue, _typed(format(value, "f"), XSD.decimal))
    g.add(f, QUDT.hasUnit, unit_iri(q.unit))
    g.add(f, KG.surface, lit(q.surface))
    for prop, val in ((KG.indicator, q.indicator), (KG.period, q.period), (KG.comparison, q.comparison),
                      (KG.comparedAs, q.compared_as), (KG.source, q.source), (KG.direction, q.direction),
                      (KG.per, getattr(q, "per", None)), (KG.modality, getattr(q, "modality", None))):
        if val:
            g.add(f, prop, lit(val))
    if q.place is not None and res is not None:
        g.add(f, KG.place, ag.entity(res.of(q.place), named=q.place.rule != "whole-country"))
    if q.approximation:
        g.add(f, KG.approximation, lit(q.approximation))
    if q.period_start:
        g.add(f, KG.periodStart, _typed(q.period_start, XSD.date))
    if q.period_end:
        g.add(f, KG.periodEnd, _typed(q.period_end, XSD.date))
    if q.source_org is not None and res is not None:
        g.add(f, KG.reportedBy, ag.entity(res.of(q.source_org)))
    date = ag.date()
    if date is not None:        # (every fact has the day it was reported: a date filter finds figures too)
        g.add(f, SDO.dateCreated, date)
    ag.evidence(f, q.span, q.extractor, q.rule, q.confidence)


__all__ = ["build", "commit_line", "Triples", "article_iri", "entity_iri", "ENTITIES_GRAPH", "ONTOLOGY_GRAPH",
           "clean", "OWL"]
