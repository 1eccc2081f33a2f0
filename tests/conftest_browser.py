"""Helpers shared by tests/test_views.py and tests/test_views_browser.py (not a conftest).

Datasets are built by hand in the shape docs/ARCHITECTURE.md describes: entity descriptions in
the named graph kgr:entities, one named graph per article holding the article, its mentions and
its n-ary facts with kg:Evidence.
"""
from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal, Namespace, URIRef

from kg.vocab import ID, KG, ORG, SDO

R = Namespace(ID)
PROV = Namespace("http://www.w3.org/ns/prov#")

SCHEMA_CLASS = {
    "Person": SDO.Person, "Organization": SDO.Organization,
    "GovernmentBody": SDO.GovernmentOrganization, "Company": SDO.Corporation,
    "City": SDO.City, "AdministrativeArea": SDO.AdministrativeArea, "Place": SDO.Place,
    "Document": SDO.CreativeWork, "Programme": SDO.Intangible, "Event": SDO.Event,
}

# src/href attributes pointing at the network (the check a CI grep would do)
NET_ATTR = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def _h(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


class Builder:
    def __init__(self) -> None:
        logging.getLogger("rdflib.term").setLevel(logging.ERROR)   # IRIs with payloads
        self.ds = Dataset(default_union=True)
        self.ents = self.ds.graph(R["entities"])

    def entity(self, iri: URIRef, cls: str, label: str, *, alt: tuple[str, ...] = (),
               en: str | None = None) -> URIRef:
        g = self.ents
        g.add((iri, RDF.type, KG[cls]))
        g.add((iri, RDF.type, SCHEMA_CLASS.get(cls, SDO.Thing)))
        g.add((iri, RDFS.label, Literal(label, lang="zh")))
        g.add((iri, SKOS.prefLabel, Literal(label, lang="zh")))
        for a in alt:
            g.add((iri, SKOS.altLabel, Literal(a, lang="zh")))
        if en:
            g.add((iri, RDFS.label, Literal(en, lang="en")))
        return iri

    def post(self, name: str) -> URIRef:
        iri = R["post/" + name]
        self.ents.add((iri, RDF.type, KG.Post))
        self.ents.add((iri, RDF.type, ORG.Role))
        self.ents.add((iri, RDFS.label, Literal(name, lang="zh")))
        return iri

    def article(self, aid: str, headline: str, *, date: str = "2022-02-17T08:10:10Z",
                path: str | None = None, url: str | None = None, iri: URIRef | None = None):
        a = iri or R["article/" + aid]
        g = self.ds.graph(a)
        g.add((a, RDF.type, KG.Article))
        g.add((a, RDF.type, SDO.NewsArticle))
        g.add((a, KG.articleId, Literal(aid)))
        g.add((a, SDO.headline, Literal(headline)))
        g.add((a, SDO.datePublished, Literal(date, datatype=XSD.dateTime)))
        g.add((a, KG.sourcePath, Literal(path or f"corpus/{aid}.md")))
        if url:
            g.add((a, SDO.url, URIRef(url) if url.startswith("http") else Literal(url)))
        return a, g

    def mention(self, a: URIRef, *entities: URIRef) -> None:
        for e in entities:
            self.ds.graph(a).add((a, SDO.mentions, e))

    def _fact(self, a, kind, key, cls, sentence, quote, confidence=0.8, rule="rule"):
        g = self.ds.graph(a)
        f = R[f"fact/{kind}/{_h(*key)}"]
        ev = R[f"evidence/{_h(str(a))}/{_h(*key)}"]
        for t in cls:
            g.add((f, RDF.type, t))
        g.add((f, PROV.wasDerivedFrom, a))
        g.add((f, KG.evidence, ev))
        g.add((ev, RDF.type, KG.Evidence))
        g.add((ev, KG.quote, Literal(quote)))
        g.add((ev, KG.sentence, Literal(sentence)))
        g.add((ev, KG.confidence, Literal(confidence, datatype=XSD.decimal)))
        g.add((ev, KG.rule, Literal(rule)))
        s = max(sentence.find(quote), 0)
        g.add((ev, KG.startOffset, Literal(s)))
        g.add((ev, KG.endOffset, Literal(s + len(quote))))
        g.add((ev, PROV.wasDerivedFrom, a))
        return f, g

    def role(self, a, person, org, post, sentence, quote, **kw):
        f, g = self._fact(a, "role", (str(person), str(org), str(post)),
                          (KG.RoleFact, ORG.Membership), sentence, quote, **kw)
        g.add((f, ORG.member, person))
        g.add((f, ORG.organization, org))
        g.add((f, ORG.role, post))
        g.add((f, KG.former, Literal(False)))
        g.add((person, ORG.memberOf, org))
        return f

    def doc_action(self, a, agent, doc, action, sentence, quote, **kw):
        f, g = self._fact(a, "doc", (str(agent), str(doc), action), (KG.DocumentAction,),
                          sentence, quote, **kw)
        g.add((f, KG.agent, agent))
        g.add((f, KG.document, doc))
        g.add((f, KG.action, Literal(action)))
        g.add((doc, SDO.publisher, agent))
        return f

    def designation(self, a, place, programme, sentence, quote, approved_by=None, **kw):
        f, g = self._fact(a, "designation", (str(place), str(programme)), (KG.Designation,),
                          sentence, quote, **kw)
        g.add((f, KG.place, place))
        g.add((f, KG.programme, programme))
        if approved_by is not None:
            g.add((f, KG.approvedBy, approved_by))
        g.add((place, KG.designatedAs, programme))
        return f

    def statement(self, a, speaker, text, sentence, quote, verb="表示", **kw):
        f, g = self._fact(a, "statement", (str(speaker), text), (KG.Statement,), sentence,
                          quote, **kw)
        g.add((f, KG.speaker, speaker))
        g.add((f, SDO.text, Literal(text)))
        g.add((f, KG.verb, Literal(verb)))
        return f


ROLE_SENTENCE = "商务部新闻发言人高峰在例行新闻发布会上表示，跨境电商综试区建设成效明显。"
DOC_SENTENCE = "国务院近日批复《关于同意在鄂尔多斯等27个城市和地区设立跨境电子商务综合试验区的批复》。"


def small_dataset() -> tuple[Dataset, dict]:
    """商务部/高峰/国务院/a document/a programme/three places, two articles.

    Whole-store view: 8 entities + 1 statement node = 9 nodes; edges: role, document action,
    2 designations, 1 approval (document -> programme), 1 statement = 6.
    """
    b = Builder()
    mofcom = b.entity(R["org/商务部"], "GovernmentBody", "商务部",
                      alt=("中华人民共和国商务部", "MOFCOM"), en="Ministry of Commerce")
    gaofeng = b.entity(R["person/高峰"], "Person", "高峰")
    council = b.entity(R["org/国务院"], "GovernmentBody", "国务院")
    doc = b.entity(R["doc/跨境电商综试区批复"], "Document",
                   "关于同意在鄂尔多斯等27个城市和地区设立跨境电子商务综合试验区的批复")
    prog = b.entity(R["programme/跨境电子商务综合试验区"], "Programme", "跨境电子商务综合试验区",
                    alt=("跨境电商综试区",))
    ordos = b.entity(R["place/150600"], "City", "鄂尔多斯市", alt=("鄂尔多斯",))
    yangzhou = b.entity(R["place/321000"], "City", "扬州市", alt=("扬州",))
    beijing = b.entity(R["place/110000"], "City", "北京市", alt=("北京",))
    spokes = b.post("新闻发言人")

    a1, _ = b.article("0123456789abcdef", "国务院同意在鄂尔多斯等27个城市设立跨境电商综试区",
                      url="https://finance.sina.com.cn/china/2022-02-17/doc-1.shtml")
    a2, _ = b.article("fedcba9876543210", "商务部：跨境电商保持较快增长",
                      date="2022-03-01T09:00:00Z")
    b.mention(a1, mofcom, gaofeng, council, doc, prog, ordos, yangzhou, beijing)
    b.mention(a2, mofcom, gaofeng)
    b.role(a1, gaofeng, mofcom, spokes, ROLE_SENTENCE, "商务部新闻发言人高峰", confidence=0.9)
    b.role(a2, gaofeng, mofcom, spokes, "商务部新闻发言人高峰介绍了有关情况。",
           "商务部新闻发言人高峰", confidence=0.5)
    b.doc_action(a1, council, doc, "approved", DOC_SENTENCE, "国务院近日批复", confidence=0.85)
    b.designation(a1, ordos, prog, DOC_SENTENCE, "在鄂尔多斯等27个城市和地区设立",
                  approved_by=doc, confidence=0.7)
    b.designation(a1, yangzhou, prog, "扬州等地也获批设立跨境电子商务综合试验区。",
                  "扬州等地也获批设立", confidence=0.3)
    b.statement(a1, gaofeng, "跨境电商综试区建设成效明显", ROLE_SENTENCE,
                "跨境电商综试区建设成效明显", confidence=0.8)
    ids = dict(mofcom=str(mofcom), gaofeng=str(gaofeng), council=str(council), doc=str(doc),
               prog=str(prog), ordos=str(ordos), yangzhou=str(yangzhou), beijing=str(beijing),
               a1=str(a1), a2=str(a2))
    return b.ds, ids


XSS_PAYLOADS = [
    "<script>window.__xss=1;alert(1)</script>",
    "<img src=x onerror=\"window.__xss=1;alert(1)\">",
    "\"><svg onload=\"window.__xss=1\">",
    "</script><script>window.__xss=1;alert(1)</script>",
    "'><img src=x onerror=window.__xss=1>",
    "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
    "<a href=\"javascript:window.__xss=1\">href click</a>",
    "<a href=javascript:window.__xss=1>href</a>",
    "javascript:window.__xss=1",
    "<body onload=window.__xss=1>",
    "<details open ontoggle=window.__xss=1>",
    "<video><source onerror=\"window.__xss=1\"></video>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    "<style>@import 'x';</style><img src=x onerror=window.__xss=1>",
    "<!--<script>window.__xss=1</script>-->",
    "<![CDATA[<script>window.__xss=1</script>]]>",
    "<svg><script>window.__xss=1</script></svg>",
    "<object data=\"javascript:window.__xss=1\"></object>",
    "<embed src=\"javascript:window.__xss=1\">",
    "<form action=javascript:window.__xss=1><button>x</button></form>",
    "<input autofocus onfocus=window.__xss=1>",
    "<select autofocus onfocus=window.__xss=1>",
    "<textarea autofocus onfocus=window.__xss=1>",
    "<marquee onstart=window.__xss=1>",
    "<div style=\"background:url(javascript:window.__xss=1)\">",
    "<base href=\"javascript:window.__xss=1//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=1\">",
    "<link rel=import href=\"data:text/html,<script>parent.__xss=1</script>\">",
    "{{constructor.constructor('window.__xss=1')()}}",
    "${window.__xss=1}",
    "\u2028</script>\u2029<script>window.__xss=1</script>",
    "\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
    "\" onmouseover=\"window.__xss=1",
    "' onclick='window.__xss=1",
    "`;window.__xss=1;`",
    "\");window.__xss=1;(\"",
    "';window.__xss=1;//",
    "<scr<script>ipt>window.__xss=1</scr</script>ipt>",
    "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
    "<img src=\"https://xss.example/x.png\" onerror=window.__xss=1>",
    "<audio src=x onerror=window.__xss=1>",
    "<img src=https://xss.example/y.png onerror=window.__xss=1>",
    "<isindex type=image src=1 onerror=window.__xss=1>",
    "<table background=\"javascript:window.__xss=1\">",
    "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=1>\">",
    "<template><img src=x onerror=window.__xss=1></template>",
    "<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>",
    "<x contenteditable onfocus=window.__xss=1 autofocus>href",
    "data:text/html,<script>window.__xss=1</script>",
    "<div id=\"kg-data\">{\"nodes\":[]}</div>",
]


# 200 more: executable cores behind the strings that break out of each HTML/JS context
_XSS_CORES = [
    "<script>window.__xss=1</script>", "<img src=x onerror=window.__xss=1>", "<svg onload=window.__xss=1>",
    "<body onpageshow=window.__xss=1>", "<input autofocus onfocus=window.__xss=1>",
    "<details open ontoggle=window.__xss=1>", "<video src=x onerror=window.__xss=1>",
    "<audio src=x onerror=window.__xss=1>", "<iframe src=\"javascript:parent.__xss=1\">",
    "<iframe onload=window.__xss=1>", "<object data=javascript:window.__xss=1>",
    "<select autofocus onfocus=window.__xss=1>", "<textarea autofocus onfocus=window.__xss=1>",
    "<marquee onstart=window.__xss=1>", "<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>",
    "<style>@keyframes k{}</style><b style=animation-name:k onanimationstart=window.__xss=1>",
    "<a autofocus href=# onfocus=window.__xss=1>x</a>", "<img src=x:y onerror=window['__xss']=1>",
    "<img/src=x/onerror=window.__xss=1>", "<ScRiPt>window.__xss=1</sCrIpT>",
    "<script>eval('window.__'+'xss=1')</script>", "<img src=x onerror=eval(atob('d2luZG93Ll9feHNzPTE='))>",
    "<svg><script>window.__xss=1</script>", "<math><a xlink:href=javascript:window.__xss=1>x</a></math>",
    "<form><button formaction=javascript:window.__xss=1>x</button></form>",
]
_XSS_BREAKERS = ["", "\">", "'>", "</title>", "</textarea>", "</script>", "-->", "</style>"]
XSS_PAYLOADS_EXTENDED = XSS_PAYLOADS + [b + c for b in _XSS_BREAKERS for c in _XSS_CORES]


def xss_dataset(payloads: list[str] = XSS_PAYLOADS) -> tuple[Dataset, int]:
    """One article per payload: headline, id, url, labels, aliases, quotes, sentences, post names
    and statements all carry the payload. Returns the dataset and the expected node count of the
    whole-store view (3 entities + 1 statement per payload)."""
    b = Builder()
    for i, p in enumerate(payloads):
        person = b.entity(URIRef(f"{ID}person/{i}-{p}"), "Person", f"{p}", alt=(f"alias {p}",))
        org = b.entity(URIRef(f"{ID}org/{i}-{p}"), "GovernmentBody", f"机构{i}{p}", en=p)
        doc = b.entity(URIRef(f"{ID}doc/{i}"), "Document", f"《{p}》")
        post = b.post(f"{p}发言人")
        a, g = b.article(f"{i}{p}", p, path=f"corpus/{p}.md",
                         url=p if i % 2 else "javascript:window.__xss=1",
                         iri=URIRef(f"{ID}article/{i}-{p}"))
        b.mention(a, person, org, doc)
        sentence = f"{p}在发布会上表示{p}。"
        b.role(a, person, org, post, sentence, p)
        b.doc_action(a, org, doc, p, sentence, f"表示{p}")
        b.statement(a, person, p, sentence, p)
    return b.ds, 4 * len(payloads)


def synthetic_dataset(n_people: int = 1000, n_orgs: int = 400, n_docs: int = 300,
                      n_places: int = 250, n_articles: int = 200, seed: int = 1):
    """A larger random store (~2,000 entities) for timing."""
    import random

    rng = random.Random(seed)
    b = Builder()
    people = [b.entity(R[f"person/p{i}"], "Person", f"人物{i}") for i in range(n_people)]
    orgs = [b.entity(R[f"org/o{i}"], "GovernmentBody" if i % 3 else "Company", f"机构{i}")
            for i in range(n_orgs)]
    docs = [b.entity(R[f"doc/d{i}"], "Document", f"文件{i}") for i in range(n_docs)]
    places = [b.entity(R[f"place/{100000 + i}"], "City", f"城市{i}") for i in range(n_places)]
    progs = [b.entity(R[f"programme/g{i}"], "Programme", f"试点{i}") for i in range(20)]
    posts = [b.post(n) for n in ("新闻发言人", "部长", "副部长", "主任", "董事长")]
    arts = [b.article(f"{i:016x}", f"新闻标题{i}")[0] for i in range(n_articles)]
    for i, p in enumerate(people):
        a = arts[i % n_articles]
        o = orgs[int(rng.paretovariate(1.2)) % n_orgs]
        post = rng.choice(posts)
        b.mention(a, p, o)
        b.role(a, p, o, post, f"{i}号句子：某机构某职务某人表示。", "某职务")
    for i, d in enumerate(docs):
        a = arts[i % n_articles]
        o = orgs[int(rng.paretovariate(1.1)) % n_orgs]
        b.mention(a, d, o)
        b.doc_action(a, o, d, rng.choice(["approved", "issued", "published"]), f"句子{i}。",
                     "句子")
    for i, pl in enumerate(places):
        a = arts[i % n_articles]
        g = progs[i % len(progs)]
        b.mention(a, pl, g)
        b.designation(a, pl, g, f"地点句子{i}。", "地点", approved_by=docs[i % n_docs])
    return b.ds


def is_blocked_attr_free(html_text: str) -> bool:
    return NET_ATTR.search(html_text) is None


def data_blob(html_text: str) -> dict:
    import json

    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html_text,
                  re.S)
    assert m, "no kg-data blob"
    return json.loads(m.group(1))


def read(path) -> str:
    return Path(path).read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- the real corpus
# The corpus store itself is tests/conftest.py's session fixture `corpus_store` (built once with
# kg.pipeline.build, skipped with the reason when ../shared/corpus is missing).

def open_dataset(store_dir: Path):
    """The store at `store_dir` as the rdflib Dataset kg viz reads (kg.export.to_dataset)."""
    import gc

    from kg.export import to_dataset
    from kg.store import Store

    store = Store(store_dir, read_only=True)
    try:
        return to_dataset(store)
    finally:
        close = getattr(store, "close", None)
        if close:
            close()
        del store
        gc.collect()


def corpus_expected_whole(ds) -> int:
    """Nodes of the whole-store view, counted independently of kg.views: every entity of an
    entity class (kg.vocab's classes minus Post/Category) plus every statement with a speaker."""
    q_ent = """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
      VALUES ?c { kg:Person kg:Organization kg:GovernmentBody kg:Company kg:MediaOutlet
                  kg:Place kg:Country kg:AdministrativeArea kg:City kg:Document kg:Law kg:Work
                  kg:Programme kg:Event }
      ?e a ?c }"""
    q_stmt = "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a kg:Statement ; kg:speaker ?s }"
    from kg.vocab import PREFIXES

    return sum(int(next(iter(ds.query(q, initNs=PREFIXES)))[0]) for q in (q_ent, q_stmt))


def write_xss_corpus(folder: Path, payloads: list[str] = XSS_PAYLOADS) -> list[Path]:
    """Articles in the corpus' own format (YAML front matter + HTML body) that carry each payload
    in the file name (the source path / id shown in the panel), the title (headline), the
    author (a publisher organisation's label), the categories, a heading, and body text that
    the extractors turn into labels, quotes, evidence sentences and statements. In the body the
    payload is HTML-escaped, so after reading it is the literal text `<script>...`."""
    import html as _html

    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i, p in enumerate(payloads):
        name = re.sub(r"[/\\\x00\n\r\u2028\u2029]", "_", f"x{i:02d}{p}")[:150] + ".md"
        yaml = p.replace("'", "''").replace("\n", " ").replace("\u2028", " ").replace("\u2029", " ")
        body = _html.escape(p)
        text = (f"---\ntitle: '{yaml}'\ncategories:\n - '{yaml}'\nauthor: '{yaml}'\n"
                f"date: Thu, 26 May 2022 08:09:{i % 60:02d} GMT\n---\n\n<div>\n"
                f"<p>　　{body}记者 {body}</p>\n"
                f"<p>　　26日，商务部新闻发言人高峰在例行记者会上表示，“{body}中方将继续推进"
                f"高水平开放。”</p>\n"
                f"<p>　　国务院近日批复《关于{body}的批复》。商务部部长王文涛表示，{body}。</p>\n"
                f"<h2>{body}</h2>\n<p>　　{body}</p>\n</div>\n")
        path = folder / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files
