"""Offline, self-contained HTML views of the knowledge graph.

`build_view` reads an rdflib `Dataset` (``default_union=True``) with SPARQL, turns entities and
facts into a node/edge graph (networkx), lays it out in Python and writes one HTML file that
works with no network at all; `build_site` writes an index plus one view per article and per
top entity, linked together with relative links.

Why the page template is our own and not pyvis' ``template.html``
------------------------------------------------------------------
pyvis 0.3.2 is a required dependency and we use it for what it is good at: its bundled
vis-network build (``pyvis/templates/lib/vis-9.1.2``), which we inline, and its options model
(``Network(...).options``), which we serialise and adjust. Its page template is not usable here:

* even with ``cdn_resources="in_line"`` it links Bootstrap (and tom-select) from CDNs, so the
  page breaks offline and leaks requests;
* it writes ``heading`` and the ``select_menu`` node ids into the HTML unescaped, and switches
  every tooltip to ``innerHTML`` as soon as one title contains the string ``href``: article text
  (labels, quotes, headlines, ids) would be live HTML;
* it runs vis' physics in the browser, which takes minutes at 1,500 nodes.

So the page here is a small template: the graph travels as JSON inside
``<script type="application/json" id="kg-data">`` with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped, and our script builds the vis DataSets from it and renders every piece of text with
``textContent`` / text nodes (never ``innerHTML``). Links are only ever set through the DOM
``href`` property, and only for ``http(s)`` URLs or relative (percent-encoded) file paths.
Positions are computed in Python and physics is off, so a page is final at its first draw
(under a second for 2,000 nodes in headless Chromium). The layout is our own small
force-directed one (grid-cut-off repulsion, each pair once; fixed seed; per connected
component, components packed in rows) rather than networkx's spring_layout/kamada_kawai_layout,
because those need numpy (and scipy from 500 nodes), which are not dependencies of kg; ours is
pure Python: ~0.7 s for 2,000 nodes, ~3 s for 10,000 (benchmarks/bench_views.py). networkx does
the graph work: ego graphs, components, betweenness (PageRank is a small power iteration here,
as networkx.pagerank needs scipy). The output is byte-identical for the same input, whatever
PYTHONHASHSEED is.

Only the facts described in docs/ARCHITECTURE.md become edges: RoleFact (person -> org, labelled
with the post), DocumentAction (agent -> document, labelled 发布/批复/...), Designation
(place -> programme 设立, approving document -> programme 批复), EventHosting (host -> event,
举办), EventVenue (event -> place, 举办地), Statement (speaker -> a statement node, labelled with the verb). Every edge carries its evidence (sentence + quoted span,
confidence, article) and its width grows with the number of articles supporting the fact.
"""
from __future__ import annotations

import datetime
import functools
import hashlib
import html
import json
import math
import os
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote

from rdflib import Literal, URIRef

from kg.vocab import ID, ONT, PREFIXES

__all__ = ["build_view", "build_site", "CLASSES", "SIZE_BY"]

# ----------------------------------------------------------------------------- classes

# key, Chinese label, colour, parent key (None = top level), vis shape.
# Ordered most specific first: an entity with several of our classes gets the first listed.
_CLASS_ROWS: list[tuple[str, str, str, str | None, str]] = [
    ("Person", "人物", "#e15759", None, "dot"),
    ("GovernmentBody", "政府机构", "#2f5597", "Organization", "dot"),
    ("Company", "企业", "#59a14f", "Organization", "dot"),
    ("MediaOutlet", "媒体", "#9c755f", "Organization", "dot"),
    ("Organization", "组织", "#4e79a7", None, "dot"),
    ("City", "城市", "#f28e2b", "Place", "dot"),
    ("AdministrativeArea", "行政区", "#d4b02a", "Place", "dot"),
    ("Country", "国家", "#ff9d4d", "Place", "dot"),
    ("Place", "地点", "#e8a33d", None, "dot"),
    ("Law", "法律", "#3d8c87", "Document", "square"),
    ("Document", "文件", "#76b7b2", None, "square"),
    ("Work", "作品", "#8cd17d", None, "square"),
    ("Programme", "项目/试点", "#b07aa1", None, "diamond"),
    ("Event", "事件", "#ff9da7", None, "triangle"),
    ("Statement", "表态", "#a9a29e", None, "dot"),
    ("Article", "文章", "#6b6b6b", None, "hexagon"),
    ("Thing", "其他", "#c7c7c7", None, "dot"),
]
CLASSES = {k: {"zh": zh, "color": c, "parent": p, "shape": s} for k, zh, c, p, s in _CLASS_ROWS}
_ENTITY_CLASSES = [k for k in CLASSES if k not in ("Statement", "Article", "Thing")]
_CLASS_ORDER = {k: i for i, k in enumerate(CLASSES)}

_ACTION_ZH = {"approved": "批复", "issued": "印发", "published": "发布", "signed": "签署",
              "adopted": "通过", "revised": "修订", "drafted": "起草", "planned": "拟制定"}
SIZE_BY = ("degree", "pagerank", "betweenness")
_SIZE_ZH = {"degree": "度 degree", "pagerank": "PageRank", "betweenness": "中介中心性 betweenness"}
_EDGE_COLOURS = {
    "role": "#7a8fa6",
    "document": "#4f9a94",
    "designation": "#b07aa1",
    "approval": "#8c6bb1",
    "hosting": "#c08a3e",
    "venue": "#8fa86b",
    "statement": "#a9a29e",
    "mention": "#d0d0d0",
    "construct": "#8a8a8a",
}
_EDGE_ZH = {"role": "任职 role", "document": "文件行为 document", "designation": "设立 designation",
            "approval": "批复 approval", "hosting": "举办 hosting", "venue": "举办地 venue", "statement": "表态 statement", "mention": "提及 mention",
            "construct": "CONSTRUCT"}

_FONT_STACK = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'
_MAX_EVIDENCE_PER_EDGE = 25

# ----------------------------------------------------------------------------- SPARQL

_Q_ENTITIES = """
SELECT ?e ?cls WHERE {
  VALUES ?cls { %s }
  ?e a ?cls .
}""" % " ".join(f"kg:{c}" for c in _ENTITY_CLASSES)

_Q_LABELS = """
SELECT ?s ?p ?l WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel }
  ?s ?p ?l .
}"""

_Q_ARTICLES = """
SELECT ?a ?id ?headline ?date ?path ?url WHERE {
  ?a a kg:Article .
  OPTIONAL { ?a kg:articleId ?id }
  OPTIONAL { ?a schema:headline ?headline }
  OPTIONAL { ?a schema:datePublished ?date }
  OPTIONAL { ?a kg:sourcePath ?path }
  OPTIONAL { ?a schema:url ?url }
}"""

_Q_MENTIONS = """
SELECT ?a ?e WHERE { ?a a kg:Article ; schema:mentions ?e . }"""

# Evidence of the kinds drawn (quantities and measures are most of the evidence and are not
# edges), then the evidence's properties in a second query joined in Python: rdflib evaluates
# the one-query form (four OPTIONALs) 2-3x slower.
_Q_EVIDENCE = """
SELECT ?f ?a ?ev WHERE {
  VALUES ?t { kg:RoleFact kg:DocumentAction kg:Designation kg:EventHosting kg:EventVenue kg:Statement }
  ?f a ?t ; kg:evidence ?ev .
  ?ev prov:wasDerivedFrom ?a .
}"""

_Q_EVIDENCE_PROPS = """
SELECT ?ev ?p ?o WHERE {
  VALUES ?p { kg:sentence kg:quote kg:confidence kg:rule }
  ?ev ?p ?o .
}"""

# Each fact query yields ?f ?a ?s ?o and kind-specific extras. ?a (the article) is bound with
# initBindings for an article view, so only that article's facts are read.
_Q_FACTS = {
    "role": """
SELECT ?f ?a ?s ?o ?post ?former WHERE {
  ?f a kg:RoleFact ; prov:wasDerivedFrom ?a ; org:member ?s ; org:organization ?o .
  OPTIONAL { ?f org:role ?post }
  OPTIONAL { ?f kg:former ?former }
}""",
    "document": """
SELECT ?f ?a ?s ?o ?action WHERE {
  ?f a kg:DocumentAction ; prov:wasDerivedFrom ?a ; kg:agent ?s ; kg:document ?o .
  OPTIONAL { ?f kg:action ?action }
}""",
    "designation": """
SELECT ?f ?a ?s ?o ?doc WHERE {
  ?f a kg:Designation ; prov:wasDerivedFrom ?a ; kg:place ?s ; kg:programme ?o .
  OPTIONAL { ?f kg:approvedBy ?doc }
}""",
    "hosting": """
SELECT ?f ?a ?s ?o WHERE {
  ?f a kg:EventHosting ; prov:wasDerivedFrom ?a ; kg:host ?s ; kg:event ?o .
}""",
    "venue": """
SELECT ?f ?a ?s ?o WHERE {
  ?f a kg:EventVenue ; prov:wasDerivedFrom ?a ; kg:event ?s ; kg:place ?o .
}""",
    "statement": """
SELECT ?f ?a ?s ?text ?verb WHERE {
  ?f a kg:Statement ; prov:wasDerivedFrom ?a ; kg:speaker ?s .
  OPTIONAL { ?f schema:text ?text }
  OPTIONAL { ?f kg:verb ?verb }
}""",
}

_Q_FIND_EXACT = """
SELECT DISTINCT ?e WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel }
  ?e ?p ?l .
  FILTER(STR(?l) = ?name)
}"""

_Q_FIND_CONTAINS = """
SELECT DISTINCT ?e ?l WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel }
  ?e ?p ?l .
  FILTER(CONTAINS(LCASE(STR(?l)), LCASE(?name)))
}"""


@functools.cache
def _prepared(text: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text, initNs=PREFIXES)


def _select(ds, text: str, **bindings) -> list:
    """Run a fixed query; user-supplied values only ever travel as initBindings."""
    bound = {k: v for k, v in bindings.items() if v is not None}
    return list(ds.query(_prepared(text), initBindings=bound))


# ----------------------------------------------------------------------------- model

@dataclass
class _Evidence:
    sentence: str
    quote: str
    confidence: float | None
    rule: str


@dataclass
class _Fact:
    iri: str
    kind: str
    s: str
    o: str | None
    label: str
    text: str = ""                       # statements
    approved_by: str | None = None       # designations
    articles: set[str] = field(default_factory=set)
    evidence: dict[str, list[_Evidence]] = field(default_factory=dict)   # article -> evidence


@dataclass
class _Model:
    articles: dict[str, dict]            # article IRI -> metadata
    entities: dict[str, str]             # entity IRI -> class key
    labels: dict[str, str]
    en_labels: dict[str, str]
    aliases: dict[str, list[str]]
    mentions: dict[str, set[str]]        # article IRI -> entity IRIs
    facts: list[_Fact]
    file_links: bool = True              # link articles to their source files (not when served)


def _s(term) -> str:
    return "" if term is None else str(term)


def _local_name(iri: str) -> str:
    from urllib.parse import unquote

    tail = iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return unquote(tail) or iri


def _is_zh(lit) -> bool:
    lang = getattr(lit, "language", None)
    return lang is None or lang.lower().startswith("zh")


def _extract(ds, article: URIRef | None = None) -> _Model:
    kg = ONT
    # entities and their most specific class of ours
    classes: dict[str, set[str]] = {}
    for e, cls in _select(ds, _Q_ENTITIES):
        classes.setdefault(str(e), set()).add(str(cls)[len(kg):])
    entities = {e: min(cs, key=lambda c: _CLASS_ORDER[c]) for e, cs in classes.items()}

    labels_zh: dict[str, list[str]] = {}
    en: dict[str, list[str]] = {}
    alias: dict[str, set[str]] = {}
    rdfs_label = PREFIXES["rdfs"] + "label"
    for s, p, lit in _select(ds, _Q_LABELS):
        s, text = str(s), str(lit)
        if not text:
            continue
        if str(p) == rdfs_label:
            if _is_zh(lit):
                labels_zh.setdefault(s, []).append(text)
            elif getattr(lit, "language", "").lower().startswith("en"):
                en.setdefault(s, []).append(text)
            else:
                alias.setdefault(s, set()).add(text)
        else:
            alias.setdefault(s, set()).add(text)
    labels = {s: sorted(v)[0] for s, v in labels_zh.items()}
    en_labels = {s: sorted(v)[0] for s, v in en.items()}
    for s, v in en_labels.items():
        labels.setdefault(s, v)
    aliases = {s: sorted(v - {labels.get(s)} - {en_labels.get(s)}) for s, v in alias.items()}
    for s, v in alias.items():
        labels.setdefault(s, sorted(v)[0])

    articles: dict[str, dict] = {}
    for a, aid, headline, date, path, url in _select(ds, _Q_ARTICLES):
        rec = articles.setdefault(str(a), {"iri": str(a), "id": "", "headline": "", "date": "",
                                           "path": "", "url": ""})
        for key, val in (("id", aid), ("headline", headline), ("date", date), ("path", path),
                         ("url", url)):
            val = _s(val) if key != "date" else _china_time(_s(val))
            if val and (not rec[key] or val < rec[key]):
                rec[key] = val
        if _s(path):                # (a copy in another folder: one article, a path for each)
            rec.setdefault("paths", set()).add(_s(path))
    for rec in articles.values():
        rec["id"] = rec["id"] or _local_name(rec["iri"])

    mentions: dict[str, set[str]] = {}
    for a, e in _select(ds, _Q_MENTIONS, a=article):
        mentions.setdefault(str(a), set()).add(str(e))

    evidence: dict[tuple[str, str], list[_Evidence]] = {}
    ev_rows = sorted({(str(f), str(a), str(ev)) for f, a, ev in _select(ds, _Q_EVIDENCE, a=article)})
    props: dict[str, dict[str, Any]] = {}
    if ev_rows:
        wanted = {ev for _, _, ev in ev_rows}
        for ev, prop, val in _select(ds, _Q_EVIDENCE_PROPS):
            ev = str(ev)
            if ev not in wanted:
                continue
            key = str(prop)[len(ONT):]
            cur = props.setdefault(ev, {})
            if key not in cur or str(val) < str(cur[key]):    # several values: the first, sorted
                cur[key] = val
    for f, a, ev in ev_rows:
        pr = props.get(ev, {})
        try:
            c = float(pr["confidence"]) if "confidence" in pr else None
        except (TypeError, ValueError):
            c = None
        evidence.setdefault((f, a), []).append(
            _Evidence(_s(pr.get("sentence")), _s(pr.get("quote")), c, _s(pr.get("rule"))))

    facts: dict[tuple[str, str, str, str | None], _Fact] = {}

    def fact(f, kind, s, o, label, **extra) -> _Fact:
        key = (str(f), kind, str(s), None if o is None else str(o))
        cur = facts.get(key)
        if cur is None:
            cur = facts[key] = _Fact(str(f), kind, str(s), None if o is None else str(o), label,
                                     **extra)
        return cur

    rows: list[tuple[_Fact, str]] = []
    for f, a, s, o, post, former in _select(ds, _Q_FACTS["role"], a=article):
        label = labels.get(str(post)) or (_local_name(str(post)) if post is not None else "成员")
        if former is not None and str(former).lower() in ("true", "1"):
            label = "原" + label
        rows.append((fact(f, "role", s, o, label), str(a)))
    for f, a, s, o, action in _select(ds, _Q_FACTS["document"], a=article):
        act = _s(action)
        rows.append((fact(f, "document", s, o, _ACTION_ZH.get(act, act or "发布")), str(a)))
    for f, a, s, o, doc in _select(ds, _Q_FACTS["designation"], a=article):
        rows.append((fact(f, "designation", s, o, "设立",
                          approved_by=None if doc is None else str(doc)), str(a)))
    for f, a, s, o in _select(ds, _Q_FACTS["hosting"], a=article):
        rows.append((fact(f, "hosting", s, o, "举办"), str(a)))
    for f, a, s, o in _select(ds, _Q_FACTS["venue"], a=article):
        rows.append((fact(f, "venue", s, o, "举办地"), str(a)))
    for f, a, s, text, verb in _select(ds, _Q_FACTS["statement"], a=article):
        rows.append((fact(f, "statement", s, None, _s(verb) or "表示", text=_s(text)), str(a)))
    for fct, a in rows:
        fct.articles.add(a)
        if (fct.iri, a) in evidence:
            fct.evidence[a] = evidence[(fct.iri, a)]
    ordered = [facts[k] for k in sorted(facts, key=lambda k: (k[0], k[1], k[2], k[3] or ""))]
    for fct in ordered:
        if fct.kind == "designation" and fct.approved_by and fct.approved_by not in entities:
            entities[fct.approved_by] = "Document"
    return _Model(articles, entities, labels, en_labels, aliases, mentions, ordered)


# ----------------------------------------------------------------------------- graph

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    value = str(value).strip()
    if not _DATE_RE.match(value):
        raise ValueError(f"{name} must look like YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    try:                                 # a real month and day: 2022-13 and 2022-02-30 are not
        datetime.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        raise ValueError(f"{name}: no such date: {value!r}") from None
    return value


def _class_filter(classes: Iterable[str] | None) -> set[str] | None:
    if classes is None:
        return None
    wanted: set[str] = set()
    by_lower = {k.lower(): k for k in CLASSES}
    for raw in classes:
        name = str(raw).strip()
        for prefix in (ONT, "kg:"):
            if name.startswith(prefix):
                name = name[len(prefix):]
        key = by_lower.get(name.lower())
        if key is None:
            # (kg stats also counts posts and categories: in the graph, but no nodes of a view)
            drawn_as = {"post": "Post is drawn as the label of a role edge, not as nodes",
                        "category": "Category, an article's section, is not drawn"}
            hint = f" ({drawn_as[name.lower()]})" if name.lower() in drawn_as else ""
            raise ValueError(f"unknown class {raw!r}{hint}; the classes a view draws: {', '.join(CLASSES)}")
        wanted.add(key)
    # a class includes its subclasses
    return {k for k, info in CLASSES.items() if k in wanted or info["parent"] in wanted}


def _resolve_article(model: _Model, article: str) -> str:
    article = str(article).strip()
    if article in model.articles:
        return article
    if ID + "article/" + article in model.articles:
        return ID + "article/" + article
    norm = article.replace("\\", "/")
    # kg:sourcePath is absolute: ../corpus/a.md names the file kg remove would
    try:
        absolute = os.path.abspath(article)
    except (OSError, ValueError):
        absolute = article
    for iri, rec in sorted(model.articles.items()):
        if rec["id"] == article or {article, absolute} & rec.get("paths", {rec["path"]}):
            return iri
    ends = [iri for iri, rec in sorted(model.articles.items())
            if any((p := q.replace("\\", "/")) and (p.endswith("/" + norm) or norm.endswith("/" + p))
                   for q in rec.get("paths", {rec["path"]}))]
    if len(ends) > 1:
        raise LookupError(f"{article!r} ends {len(ends)} articles' source paths "
                          f"({', '.join(model.articles[i]['path'] for i in ends[:3])}…): give more of the path")
    if ends:
        return ends[0]
    raise LookupError(f"no article with id, IRI or source path {article!r}")


@dataclass
class _Graph:
    nodes: dict[str, dict]
    edges: list[dict]
    articles: list[str]      # article IRIs referenced (sorted)


def _china_time(value: str | None) -> str | None:
    """An article's publication time as it was in China, where the news happens (a feed's
    17:39 GMT on 30 November is 1 December there): what --from/--to and the page compare and
    show. A time without a zone stays as written."""
    if not value:
        return value
    try:
        t = datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    if t.tzinfo is None:
        return value
    try:
        return t.astimezone(datetime.timezone(datetime.timedelta(hours=8))).isoformat()
    except OverflowError:               # 9999-12-31T23:00:00-05:00 has no day after it
        return value


def _in_dates(rec: dict, date_from: str | None, date_to: str | None) -> bool:
    if not date_from and not date_to:
        return True
    d = rec.get("date") or ""
    if not d:
        return False
    if date_from and d[:len(date_from)] < date_from:
        return False
    if date_to and d[:len(date_to)] > date_to:
        return False
    return True


def _build_graph(model: _Model, *, article: str | None, classes: set[str] | None,
                 min_confidence: float, date_from: str | None, date_to: str | None,
                 include_articles: bool) -> _Graph:
    scoped = article is not None or date_from or date_to
    candidates = [article] if article is not None else list(model.articles)
    scope = {a for a in candidates
             if a not in model.articles or _in_dates(model.articles[a], date_from, date_to)}

    def allowed(cls: str) -> bool:
        return classes is None or cls in classes

    nodes: dict[str, dict] = {}
    node_articles: dict[str, set[str]] = {}

    def add_entity(iri: str) -> bool:
        if iri in nodes:
            return True
        cls = model.entities.get(iri, "Thing")
        if not allowed(cls):
            return False
        nodes[iri] = {"id": iri, "cls": cls, "label": model.labels.get(iri) or _local_name(iri),
                      "en": model.en_labels.get(iri, ""), "aliases": model.aliases.get(iri, [])}
        node_articles.setdefault(iri, set())
        return True

    if not scoped:
        for iri in sorted(model.entities):
            add_entity(iri)
    for a in sorted(scope):
        for e in sorted(model.mentions.get(a, ())):
            if add_entity(e):
                node_articles[e].add(a)

    edges: list[dict] = []

    def supporting(fct: _Fact) -> tuple[list[str], list[dict]]:
        arts, evs = [], []
        for a in sorted(fct.articles & scope):
            ev = fct.evidence.get(a, [])
            ok = [e for e in ev if (e.confidence if e.confidence is not None else 0.0)
                  >= min_confidence]
            if min_confidence > 0 and not ok:
                continue
            arts.append(a)
            for e in sorted(ok, key=lambda e: (e.sentence, e.quote, -(e.confidence or 0))):
                evs.append({"a": a, "s": e.sentence, "q": e.quote, "c": e.confidence,
                            "r": e.rule})
        return arts, evs

    for fct in model.facts:
        arts, evs = supporting(fct)
        if not arts:
            continue
        if fct.kind == "statement":
            if not allowed("Statement") or not add_entity(fct.s):
                continue
            text = fct.text
            if len(re.sub(r"[\W_]+", "", text)) < 2 and evs and evs[0]["s"]:
                text = evs[0]["s"]            # an extractor left only "。": show the sentence
            short = text if len(text) <= 13 else text[:12] + "…"
            nodes[fct.iri] = {"id": fct.iri, "cls": "Statement", "label": short or fct.label,
                              "en": "", "aliases": [], "text": text}
            node_articles[fct.iri] = set(arts)
            node_articles[fct.s].update(arts)
            edges.append({"from": fct.s, "to": fct.iri, "label": fct.label, "kind": "statement",
                          "fact": fct.iri, "arts": arts, "ev": evs})
            continue
        pairs = [(fct.s, fct.o, fct.label, fct.kind)]
        if fct.kind == "designation" and fct.approved_by:
            pairs.append((fct.approved_by, fct.o, "批复", "approval"))
        for s, o, label, kind in pairs:
            if o is None or not add_entity(s) or not add_entity(o):
                continue
            node_articles[s].update(arts)
            node_articles[o].update(arts)
            edges.append({"from": s, "to": o, "label": label, "kind": kind, "fact": fct.iri,
                          "arts": arts, "ev": evs})

    if include_articles and allowed("Article"):
        statements_of: dict[str, list[str]] = {}
        for edge in edges:
            if edge["kind"] == "statement":
                for a in edge["arts"]:
                    statements_of.setdefault(a, []).append(edge["to"])
        for a in sorted(scope):
            rec = model.articles.get(a)
            if rec is None:
                continue
            head = rec["headline"] or rec["id"]
            nodes[a] = {"id": a, "cls": "Article", "label": head if len(head) <= 18
                        else head[:17] + "…", "en": "", "aliases": [rec["id"]] if rec["headline"]
                        else [], "text": rec["headline"]}
            node_articles[a] = {a}
            for e in sorted(model.mentions.get(a, ())):
                if e in nodes:
                    edges.append({"from": a, "to": e, "label": "", "kind": "mention",
                                  "fact": "", "arts": [a], "ev": []})
            for stmt in statements_of.get(a, ()):
                edges.append({"from": stmt, "to": a, "label": "", "kind": "mention",
                              "fact": "", "arts": [a], "ev": []})

    edges = _merge_edges(edges)
    for iri, node in nodes.items():
        node["arts"] = sorted(node_articles.get(iri, ()))
    used = sorted({a for n in nodes.values() for a in n["arts"]} |
                  {a for e in edges for a in e["arts"]})
    return _Graph(nodes, edges, used)


def _merge_edges(edges: list[dict]) -> list[dict]:
    """One edge per (from, to, kind, label): e.g. three designations approved by the same
    document give one document -> programme 批复 edge, supported by the union of articles."""
    merged: dict[tuple, dict] = {}
    for e in edges:
        key = (e["from"], e["to"], e["kind"], e["label"])
        cur = merged.get(key)
        if cur is None:
            merged[key] = dict(e, arts=list(e["arts"]), ev=list(e["ev"]))
            continue
        cur["arts"] = sorted(set(cur["arts"]) | set(e["arts"]))
        seen = {(x["a"], x["s"], x["q"]) for x in cur["ev"]}
        cur["ev"] += [x for x in e["ev"] if (x["a"], x["s"], x["q"]) not in seen]
        cur["ev"].sort(key=lambda x: (x["a"], x["s"], x["q"]))
        cur["fact"] = min(cur["fact"], e["fact"])
    return list(merged.values())


def _nx_graph(g: _Graph):
    import networkx as nx

    G = nx.Graph()
    G.add_nodes_from(sorted(g.nodes))
    for e in g.edges:
        if e["from"] != e["to"]:
            G.add_edge(e["from"], e["to"])
    return G


# ----------------------------------------------------------------------------- centrality

def _pagerank(G, alpha: float = 0.85, tol: float = 1.0e-10, max_iter: int = 200) -> dict:
    """PageRank of the (undirected) view graph by power iteration, dangling mass spread evenly:
    what networkx.pagerank computes, without the scipy it needs in networkx 3."""
    nodes = list(G.nodes)
    n = len(nodes)
    if not n:
        return {}
    idx = {v: i for i, v in enumerate(nodes)}
    nbrs = [[idx[w] for w in G.adj[v] if w != v] for v in nodes]
    deg = [len(x) for x in nbrs]
    dangling_ids = [i for i in range(n) if not deg[i]]
    x = [1.0 / n] * n
    for _ in range(max_iter):
        base = (1.0 - alpha) / n + alpha * sum(x[i] for i in dangling_ids) / n
        new = [base] * n
        for i in range(n):
            if deg[i]:
                share = alpha * x[i] / deg[i]
                for j in nbrs[i]:
                    new[j] += share
        err = sum(abs(a - b) for a, b in zip(new, x))
        x = new
        if err < n * tol:
            break
    return {v: x[i] for i, v in enumerate(nodes)}


_BETWEENNESS_WORK = 400_000     # BFS steps (sources x (nodes + edges)) per component, at most


def _betweenness(G) -> tuple[dict, int]:
    """Normalised betweenness centrality (networkx, pure Python), per connected component: exact
    while sources x (nodes + edges) stays under _BETWEENNESS_WORK, else estimated from a fixed
    seed sample of at least 64 sources. Returns the values and the number of nodes estimated."""
    import networkx as nx

    n = G.number_of_nodes()
    out = {v: 0.0 for v in G.nodes}
    estimated = 0
    if n < 3:
        return out, 0
    order = {v: i for i, v in enumerate(G.nodes)}
    for comp in sorted(nx.connected_components(G), key=lambda c: (-len(c), min(c))):
        c = len(comp)
        if c < 3:
            continue
        sub = G.subgraph(sorted(comp, key=order.__getitem__)).copy()   # a view is ~3x slower
        work = c + sub.number_of_edges()
        k = None if c * work <= _BETWEENNESS_WORK else max(64, _BETWEENNESS_WORK // work)
        if k is not None and k >= c:
            k = None
        if k is not None:
            estimated += c
        out.update(nx.betweenness_centrality(sub, k=k, normalized=False, seed=7))
    scale = 2.0 / ((n - 1) * (n - 2))
    return {v: b * scale for v, b in out.items()}, estimated


def _sig(x: float) -> float:
    return float(f"{x:.4g}")


def _size(value: float, lo: float, hi: float, by: str) -> float:
    """Node radius in pixels; the page's sizeOf() in _JS computes the same."""
    if by == "degree":
        return round(min(10 + 4 * math.sqrt(value), 46), 1)
    t = (value - lo) / (hi - lo) if hi > lo else 0.0
    return round(10 + 36 * math.sqrt(max(t, 0.0)), 1)


# ----------------------------------------------------------------------------- layout

_CUTOFF = 2.5        # repulsion only within this distance (k = 1): grid cells of this size
_HALF = ((1, 0), (1, 1), (0, 1), (-1, 1))    # neighbour cells visited from each cell, once


def _fr_component(members: list[int], adj: list[set[int]], rng: random.Random,
                  iterations: int, cutoff: float = _CUTOFF) -> dict[int, tuple[float, float]]:
    """Force-directed (Fruchterman-Reingold repulsion k^2/d cut off at `cutoff` on a grid, each
    pair once; linear springs), k = 1, linear cooling. Pure Python: no numpy/scipy needed."""
    n = len(members)
    if n == 1:
        return {members[0]: (0.0, 0.0)}
    if n == 2:
        return {members[0]: (-0.5, 0.0), members[1]: (0.5, 0.0)}
    local = {m: i for i, m in enumerate(members)}
    side = math.sqrt(n) * 1.2
    xs = [rng.uniform(0, side) for _ in range(n)]
    ys = [rng.uniform(0, side) for _ in range(n)]
    edges = [(local[m], local[o]) for m in members for o in sorted(adj[m])
             if o in local and local[o] > local[m]]
    cell = cutoff
    c2 = cell * cell
    t = side / 8.0
    cool = t / (iterations + 1)
    rng_n = range(n)
    for _ in range(iterations):
        fx = [0.0] * n
        fy = [0.0] * n
        grid: dict[tuple[int, int], list[int]] = {}
        for i in rng_n:
            key = (int(xs[i] // cell), int(ys[i] // cell))
            bucket = grid.get(key)
            if bucket is None:
                grid[key] = [i]
            else:
                bucket.append(i)
        for (cx, cy), bucket in grid.items():
            others = [grid.get((cx + ox, cy + oy)) for ox, oy in _HALF]
            for a, i in enumerate(bucket):
                xi, yi = xs[i], ys[i]
                sx = sy = 0.0
                for group in (bucket[a + 1:], *others):
                    if not group:
                        continue
                    for j in group:
                        dx = xi - xs[j]
                        dy = yi - ys[j]
                        d2 = dx * dx + dy * dy
                        if d2 >= c2:
                            continue
                        if d2 < 1e-6:
                            dx, dy, d2 = 0.01 * ((i % 7) - 3 or 1), 0.01, 1e-4
                        gx = dx / d2
                        gy = dy / d2
                        sx += gx
                        sy += gy
                        fx[j] -= gx
                        fy[j] -= gy
                fx[i] += sx
                fy[i] += sy
        for i, j in edges:
            dx = xs[i] - xs[j]
            dy = ys[i] - ys[j]              # linear springs: a hub's leaves do not pile up
            fx[i] -= dx
            fy[i] -= dy
            fx[j] += dx
            fy[j] += dy
        for i in rng_n:
            dx, dy = fx[i], fy[i]
            d = math.sqrt(dx * dx + dy * dy)
            if d > 0:
                step = min(d, t) / d
                xs[i] += dx * step
                ys[i] += dy * step
        t = max(t - cool, 0.01)
    return {members[i]: (xs[i], ys[i]) for i in range(n)}


def _layout(node_ids: list[str], edge_pairs: Iterable[tuple[str, str]], *, seed: int = 7,
            scale: float = 110.0) -> dict[str, tuple[float, float]]:
    """Deterministic positions in pixels: FR per connected component, components packed."""
    idx = {n: i for i, n in enumerate(node_ids)}
    adj: list[set[int]] = [set() for _ in node_ids]
    for u, v in edge_pairs:
        if u in idx and v in idx and u != v:
            adj[idx[u]].add(idx[v])
            adj[idx[v]].add(idx[u])
    seen = [False] * len(node_ids)
    comps: list[list[int]] = []
    for start in range(len(node_ids)):
        if seen[start]:
            continue
        seen[start] = True
        comp, stack = [], [start]
        while stack:
            v = stack.pop()
            comp.append(v)
            for w in sorted(adj[v]):
                if not seen[w]:
                    seen[w] = True
                    stack.append(w)
        comps.append(sorted(comp))
    comps.sort(key=lambda c: (-len(c), c[0]))
    total = len(node_ids)
    # small views get more room and more iterations (it costs nothing); large ones stay fast:
    # ~0.7 s for 2,000 nodes, ~3 s for 10,000 on one core
    if total <= 400:
        iterations, cutoff = 120, 3.0
    else:
        iterations, cutoff = (60 if total <= 4000 else 45), _CUTOFF
    placed: list[tuple[dict[int, tuple[float, float]], float, float]] = []
    for comp in comps:
        rng = random.Random(f"{seed}:{node_ids[comp[0]]}:{len(comp)}")
        pos = _fr_component(comp, adj, rng, iterations, cutoff)
        minx = min(p[0] for p in pos.values())
        miny = min(p[1] for p in pos.values())
        pos = {k: (x - minx, y - miny) for k, (x, y) in pos.items()}
        w = max(p[0] for p in pos.values())
        h = max(p[1] for p in pos.values())
        placed.append((pos, w, h))
    area = sum((w + 1.5) * (h + 1.5) for _, w, h in placed)
    row_width = max(math.sqrt(area) * 1.3, max((w for _, w, _ in placed), default=0) + 1.5)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for pos, w, h in placed:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + 1.5, 0.0
        for k, (px, py) in pos.items():
            out[node_ids[k]] = (round((x + px) * scale, 1), round((y + py) * scale, 1))
        x += w + 1.5
        row_h = max(row_h, h)
    return out


# ----------------------------------------------------------------------------- assets / urls

@functools.cache
def _vis_assets() -> tuple[str, str]:
    import pyvis

    base = Path(pyvis.__file__).resolve().parent
    for lib in (base / "templates" / "lib", base / "lib"):
        cands = sorted(lib.glob("vis-*/vis-network.min.js"),
                       key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)])
        if cands:
            js_path = cands[-1]
            js = js_path.read_text(encoding="utf-8")
            css = (js_path.parent / "vis-network.css").read_text(encoding="utf-8")
            # cannot end the surrounding element early
            js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.I).replace("<!--", "<\\!--")
            css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.I)
            return js, css
    raise FileNotFoundError(f"vis-network.min.js not found under {base}")


def _vis_options(n_nodes: int) -> dict:
    return json.loads(_vis_options_json(n_nodes > 600, n_nodes <= 150))


@functools.cache
def _vis_options_json(big: bool, small: bool = False) -> str:
    """pyvis' options model, adjusted: physics off (positions come from Python), our fonts."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    net.toggle_physics(False)
    net.toggle_stabilization(False)
    net.options.interaction.hover = True
    net.options.interaction.hideEdgesOnDrag = big
    opts = json.loads(net.options.to_json())
    opts["physics"] = {"enabled": False, "stabilization": {"enabled": False}}
    opts["layout"] = {"improvedLayout": False, "randomSeed": 7}
    opts["edges"] = {
        "smooth": False,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"inherit": False},
        "font": {"face": _FONT_STACK, "size": 12 if small else 11, "align": "horizontal",
                 "strokeWidth": 3, "color": "#444"},
        "selectionWidth": 2,
    }
    opts["nodes"] = {
        "shape": "dot",
        "font": {"face": _FONT_STACK, "size": 17 if small else 14, "strokeWidth": 3,
                 "strokeColor": "#ffffff"},
        "borderWidth": 1,
        "scaling": {"label": {"enabled": False}},
    }
    opts["interaction"].update({"tooltipDelay": 150, "multiselect": False,
                                "navigationButtons": False, "keyboard": False})
    opts["configure"] = {"enabled": False}
    return json.dumps(opts, sort_keys=True)


def _safe_url(url: str) -> str:
    url = (url or "").strip()
    if re.match(r"^https?://[^\s<>\"']+$", url, flags=re.I):
        return url
    return ""


def _file_href(path: str, out_dir: Path) -> str:
    """A relative, percent-encoded URL from the page to the article's source file."""
    if not path:
        return ""
    p = Path(path)
    if not p.is_absolute():
        p = Path.cwd() / p
    if not p.is_file():         # a link to nothing helps no one; the path is still shown
        return ""
    try:
        rel = os.path.relpath(p, out_dir.resolve())
    except ValueError:          # other drive on Windows
        return ""
    rel = rel.replace(os.sep, "/")
    href = quote(rel, safe="/._-~")
    if not href or href.startswith("/") or ":" in href:
        return ""
    return href


# ----------------------------------------------------------------------------- page

def _json_for_script(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "/" too: no "</script", and no "https://" that a grep for network URLs could trip on
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("/", "\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",
"PingFang SC",sans-serif;font-size:14px;color:#222;background:#fff}
#kg-app{display:flex;flex-direction:column;height:100%}
#kg-top{display:flex;gap:12px;align-items:center;padding:6px 10px;border-bottom:1px solid #ddd;
flex-wrap:wrap}
#kg-top h1{font-size:16px;margin:0 8px 0 0;font-weight:600}
#kg-top nav a{margin-right:8px}
#kg-search-wrap{position:relative}
#kg-search{width:260px;padding:4px 6px;font:inherit}
#kg-results{position:absolute;z-index:10;background:#fff;border:1px solid #ccc;margin:0;
padding:0;list-style:none;max-height:320px;overflow:auto;width:320px}
#kg-results:empty{display:none}
#kg-results li button{display:block;width:100%;text-align:left;border:0;background:none;
padding:3px 6px;font:inherit;cursor:pointer}
#kg-results li button:hover{background:#eef}
.kg-notice{color:#8a5a00;background:#fff6dd;padding:2px 8px;border-radius:3px}
#kg-main{flex:1;display:flex;min-height:0}
#kg-size-wrap{font-size:13px;color:#444}
#kg-size{font:inherit;padding:2px}
#kg-counts{color:#555;font-size:13px}
#kg-legend{width:210px;overflow:auto;border-right:1px solid #ddd;padding:8px 10px;
background:#fafafa;font-size:13px}
.kg-legend-head{display:flex;justify-content:space-between;align-items:center;margin-bottom:4px}
.kg-legend-head button{font:inherit;font-size:12px;padding:0 5px;margin-left:3px;cursor:pointer}
#kg-legend-edges{margin-top:12px}
#kg-legend label{display:flex;align-items:center;gap:6px;margin:4px 0;cursor:pointer}
#kg-legend input{margin:0}
#kg-legend .kg-name{flex:1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#kg-legend .kg-count{color:#888;font-size:12px;font-variant-numeric:tabular-nums}
.kg-swatch{display:inline-block;width:12px;height:12px;border-radius:50%;flex:none;
border:1px solid rgba(0,0,0,.35)}
.kg-shape-square{border-radius:1px}
.kg-shape-diamond{border-radius:1px;transform:rotate(45deg) scale(.85)}
.kg-shape-triangle{border:0;border-radius:0;clip-path:polygon(50% 0,100% 100%,0 100%)}
.kg-shape-hexagon{border:0;border-radius:0;
clip-path:polygon(25% 0,75% 0,100% 50%,75% 100%,25% 100%,0 50%)}
.kg-line{display:inline-block;width:16px;height:3px;flex:none;border-radius:1px}
#kg-network{flex:1;min-width:0;position:relative}
#kg-panel{width:360px;overflow:auto;border-left:1px solid #ddd;padding:8px 12px}
#kg-panel h2{font-size:17px;margin:4px 0}
#kg-panel h3{font-size:14px;margin:12px 0 4px}
#kg-panel .kg-meta{color:#666;font-size:12px;word-break:break-all}
#kg-panel ul{padding-left:18px;margin:4px 0}
#kg-panel li{margin:3px 0}
#kg-panel ul.kg-facts{list-style:none;padding-left:0}
#kg-panel ul.kg-facts>li{border-bottom:1px solid #eee;padding:4px 0}
.kg-evidence{border-left:3px solid #ffe066;padding-left:8px;margin:8px 0}
.kg-sentence{margin:4px 0;line-height:1.5}
mark{background:#ffe066;padding:0 1px}
.kg-conf{color:#888;font-size:12px}
.kg-link{cursor:pointer;color:#1a5fb4;text-decoration:underline;background:none;border:0;
padding:0;font:inherit;text-align:left}
"""

_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = new Map(), edgeById = new Map(), nodeEdges = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); nodeEdges.set(n.id, []); });
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    if (nodeEdges.has(e.from)) nodeEdges.get(e.from).push(e);
    if (e.to !== e.from && nodeEdges.has(e.to)) nodeEdges.get(e.to).push(e);
  });
  var classInfo = new Map();
  data.meta.classes.forEach(function (c) { classInfo.set(c.key, c); });

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }
  function safeHref(u) {
    if (typeof u !== "string" || !u) return null;
    if (/^https?:\/\/[^\s<>"']+$/i.test(u)) return u;
    if (/^[^:\/\\?#\s][^:\s]*$/.test(u)) return u;   // relative, no scheme
    return null;
  }
  function label(id) { var n = byId.get(id); return n ? n.label : String(id); }

  var notices = document.getElementById("kg-notices");
  (data.meta.notices || []).forEach(function (t) {
    notices.appendChild(el("span", t, "kg-notice"));
  });

  var ranges = data.meta.sizeRange || {};
  var focusIds = new Set(data.meta.focus || []);
  function sizeOf(n, by) {
    if (n.cls === "Statement") return 7;
    if (by === "degree") return Math.round(Math.min(10 + 4 * Math.sqrt(n.deg), 46) * 10) / 10;
    var r = ranges[by] || [0, 0], v = by === "pagerank" ? n.pr : n.bc;
    var t = r[1] > r[0] ? (v - r[0]) / (r[1] - r[0]) : 0;
    return Math.round((10 + 36 * Math.sqrt(Math.max(t, 0))) * 10) / 10;
  }
  window.kgSizeOf = sizeOf;
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var c = classInfo.get(n.cls) || {}, focus = focusIds.has(n.id);
    return {id: n.id, label: n.short || n.label, x: n.x, y: n.y, size: n.size, shape: c.shape || "dot",
            color: {background: c.color, border: focus ? "#111111" : "#555555",
                    highlight: {background: c.color, border: "#000000"},
                    hover: {background: c.color, border: "#000000"}},
            borderWidth: focus ? 4 : 1,
            font: focus ? {size: Math.round((data.options.nodes.font.size || 14) * 1.3), strokeWidth: 4} : undefined,
            title: n.title};
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var o = {id: e.id, from: e.from, to: e.to, label: e.label, width: e.width, title: e.title,
             color: {color: e.color, highlight: "#222222", hover: "#222222"}};
    if (e.curve) o.smooth = {enabled: true, type: "curvedCW", roundness: e.curve};
    if (e.kind === "mention") o.dashes = true;
    return o;
  }));
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  window.kgNetwork = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;
  window.kgData = data;
  window.kgRendered = false;
  network.once("afterDrawing", function () {
    window.kgRendered = true;
    window.kgFirstDrawMs = performance.now();
  });
  if (data.nodes.length) network.fit({animation: false});

  // ---- side panel
  var panel = document.getElementById("kg-panel");
  function clearPanel() { while (panel.firstChild) panel.removeChild(panel.firstChild); }
  function articleItem(idx) {
    var a = data.articles[idx], li = el("li");
    if (!a) return li;
    var text = a.headline || a.id || a.iri;
    var href = safeHref(a.url) || safeHref(a.file);
    if (href) {
      var link = el("a", text);
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      li.appendChild(link);
    } else {
      li.appendChild(el("span", text));
    }
    if (a.date) li.appendChild(el("span", " " + a.date.slice(0, 10), "kg-conf"));
    var page = safeHref(a.page);
    if (page) {
      li.appendChild(document.createTextNode(" "));
      var v = el("a", "[视图]");
      v.href = page;
      li.appendChild(v);
    }
    if (a.path) li.appendChild(el("div", a.path, "kg-meta"));
    return li;
  }
  function sentenceNode(s, q) {
    var p = el("p", null, "kg-sentence");
    s = s || ""; q = q || "";
    var i = q ? s.indexOf(q) : -1;
    if (i >= 0) {
      p.appendChild(document.createTextNode(s.slice(0, i)));
      p.appendChild(el("mark", q));
      p.appendChild(document.createTextNode(s.slice(i + q.length)));
    } else {
      if (s) p.appendChild(document.createTextNode(s));
      if (q) { if (s) p.appendChild(document.createTextNode(" … ")); p.appendChild(el("mark", q)); }
    }
    return p;
  }
  function showNode(id) {
    var n = byId.get(id);
    if (!n) return;
    clearPanel();
    var c = classInfo.get(n.cls) || {};
    panel.appendChild(el("h2", n.label));
    panel.appendChild(el("div", (c.zh || "") + " " + n.cls, "kg-conf"));
    if (n.en) panel.appendChild(el("div", n.en));
    if (n.aliases && n.aliases.length) panel.appendChild(el("div", "别名: " + n.aliases.join("、")));
    if (n.text && n.text !== n.label) panel.appendChild(el("p", n.text, "kg-sentence"));
    if (n.props && n.props.length) {
      var pl = el("ul");
      n.props.forEach(function (kv) { pl.appendChild(el("li", kv[0] + ": " + kv[1])); });
      panel.appendChild(pl);
    }
    panel.appendChild(el("div", n.id, "kg-meta"));
    panel.appendChild(el("div", "度 degree " + n.deg + " · PageRank " + n.pr +
                         " · 中介中心性 betweenness " + n.bc, "kg-conf"));
    var page = safeHref(n.page);
    if (page) { var v = el("a", "打开此实体的视图"); v.href = page; panel.appendChild(v); }
    var rel = nodeEdges.get(id) || [];
    if (rel.length) {
      panel.appendChild(el("h3", "关系与证据 facts (" + rel.length + ")"));
      var ul = el("ul", null, "kg-facts");
      rel.slice(0, 200).forEach(function (e) {
        var li = el("li");
        var b = el("button", label(e.from) + " —" + (e.label || "") + "→ " + label(e.to),
                   "kg-link");
        b.type = "button";
        b.dataset.edge = e.id;
        b.addEventListener("click", function () { select(e.id); });
        li.appendChild(b);
        if (e.support > 1) li.appendChild(el("span", " ×" + e.support, "kg-conf"));
        if (e.ev && e.ev.length) {
          li.appendChild(sentenceNode(e.ev[0].s, e.ev[0].q));
          if (e.ev.length > 1) li.appendChild(el("div", "另有 " + (e.ev.length - 1) +
                                                  " 条证据 more evidence", "kg-conf"));
        }
        ul.appendChild(li);
      });
      if (rel.length > 200) ul.appendChild(el("li", "… " + (rel.length - 200), "kg-conf"));
      panel.appendChild(ul);
    }
    if (n.arts && n.arts.length) {
      panel.appendChild(el("h3", "文章 (" + n.arts.length + ")"));
      var ul2 = el("ul");
      n.arts.slice(0, 300).forEach(function (i) { ul2.appendChild(articleItem(i)); });
      panel.appendChild(ul2);
    }
  }
  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    clearPanel();
    panel.appendChild(el("h2", e.label || e.kind));
    panel.appendChild(el("div", label(e.from) + " → " + label(e.to)));
    panel.appendChild(el("div", "支持文章数 support: " + e.support, "kg-conf"));
    if (e.fact) panel.appendChild(el("div", e.fact, "kg-meta"));
    if (e.ev && e.ev.length) {
      panel.appendChild(el("h3", "证据 evidence"));
      e.ev.forEach(function (ev) {
        var box = el("div", null, "kg-evidence");
        box.appendChild(sentenceNode(ev.s, ev.q));
        var meta = [];
        if (ev.c !== null && ev.c !== undefined) meta.push("confidence " + ev.c);
        if (ev.r) meta.push(ev.r);
        if (meta.length) box.appendChild(el("div", meta.join(" · "), "kg-conf"));
        var ul = el("ul");
        ul.appendChild(articleItem(ev.a));
        box.appendChild(ul);
        panel.appendChild(box);
      });
    }
    if (e.arts && e.arts.length) {
      panel.appendChild(el("h3", "文章 (" + e.arts.length + ")"));
      var ul2 = el("ul");
      e.arts.forEach(function (i) { ul2.appendChild(articleItem(i)); });
      panel.appendChild(ul2);
    }
  }
  function select(id, stay) {
    if (byId.has(id)) {
      network.selectNodes([id]);
      if (!stay) network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
      showNode(id);
      return true;
    }
    if (edgeById.has(id)) {
      network.selectEdges([id]);
      showEdge(id);
      return true;
    }
    return false;
  }
  window.kgSelect = select;
  network.on("click", function (p) {
    if (p.nodes && p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges && p.edges.length) showEdge(p.edges[0]);
  });

  // ---- legend with per-class (and per relation kind) toggles
  var hidden = new Set();
  var legend = document.getElementById("kg-legend-items");
  function setClass(key, on) {
    if (on) hidden.delete(key); else hidden.add(key);
    var upd = [];
    data.nodes.forEach(function (n) { if (n.cls === key) upd.push({id: n.id, hidden: !on}); });
    nodes.update(upd);
  }
  function legendRow(c, swatchClass, attr, onChange) {
    var lab = el("label"), box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset[attr] = c.key;
    var sw = el("span", null, swatchClass);
    sw.style.background = c.color;
    lab.appendChild(box);
    lab.appendChild(sw);
    var name = el("span", c.zh, "kg-name");
    name.title = c.key;
    lab.appendChild(name);
    lab.appendChild(el("span", String(c.count), "kg-count"));
    box.addEventListener("change", function () { onChange(box.checked); });
    return lab;
  }
  data.meta.classes.forEach(function (c) {
    legend.appendChild(legendRow(c, "kg-swatch kg-shape-" + c.shape, "cls",
                                 function (on) { setClass(c.key, on); }));
  });
  var allBtn = document.getElementById("kg-all"), noneBtn = document.getElementById("kg-none");
  function setAll(on) {
    legend.querySelectorAll("input[data-cls]").forEach(function (b) { b.checked = on; });
    data.meta.classes.forEach(function (c) { if (on) hidden.delete(c.key); else hidden.add(c.key); });
    nodes.update(data.nodes.map(function (n) { return {id: n.id, hidden: !on}; }));
  }
  allBtn.addEventListener("click", function () { setAll(true); });
  noneBtn.addEventListener("click", function () { setAll(false); });
  var kindsBox = document.getElementById("kg-legend-edges");
  (data.meta.edgeKinds || []).forEach(function (k) {
    kindsBox.appendChild(legendRow(k, "kg-line", "kind", function (on) {
      var upd = [];
      data.edges.forEach(function (e) { if (e.kind === k.key) upd.push({id: e.id, hidden: !on}); });
      edges.update(upd);
    }));
  });
  if (!(data.meta.edgeKinds || []).length) kindsBox.parentNode.removeChild(kindsBox);

  // ---- node size by degree / PageRank / betweenness
  var sizeSel = document.getElementById("kg-size");
  sizeSel.value = data.meta.sizeBy || "degree";
  function resize(by) {
    nodes.update(data.nodes.map(function (n) { return {id: n.id, size: sizeOf(n, by)}; }));
  }
  sizeSel.addEventListener("change", function () { resize(sizeSel.value); });
  window.kgResize = function (by) { sizeSel.value = by; resize(by); };

  // ---- search
  var input = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var keys = data.nodes.map(function (n) {
    return [n.label].concat(n.en ? [n.en] : [], n.aliases || []).map(function (s) {
      return String(s).toLowerCase();
    });
  });
  function search(q) {
    q = q.trim().toLowerCase();
    var out = [];
    if (!q) return out;
    data.nodes.forEach(function (n, i) {
      if (hidden.has(n.cls)) return;
      var best = 9;
      keys[i].forEach(function (k) {
        if (k === q) best = Math.min(best, 0);
        else if (k.indexOf(q) === 0) best = Math.min(best, 1);
        else if (k.indexOf(q) > 0) best = Math.min(best, 2);
      });
      if (best < 9) out.push([best, -n.deg, n.label, n.id]);
    });
    out.sort(function (a, b) {
      for (var k = 0; k < 3; k++) { if (a[k] < b[k]) return -1; if (a[k] > b[k]) return 1; }
      return a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0;
    });
    return out.map(function (r) { return r[3]; });
  }
  function onSearch() {
    while (results.firstChild) results.removeChild(results.firstChild);
    var ids = search(input.value);
    ids.slice(0, 30).forEach(function (id) {
      var n = byId.get(id), li = el("li"), b = el("button", n.label);
      b.type = "button";
      var c = classInfo.get(n.cls);
      if (c) b.appendChild(el("span", " · " + c.zh, "kg-conf"));
      b.addEventListener("click", function () {
        select(id);
        while (results.firstChild) results.removeChild(results.firstChild);
      });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (ids.length) select(ids[0]);
  }
  input.addEventListener("input", onSearch);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { while (results.firstChild) results.removeChild(results.firstChild); }
  });
  window.kgSearch = function (q) { input.value = q; onSearch(); return network.getSelectedNodes(); };

  // an article view opens on its article
  function showArticle(idx) {
    var a = data.articles[idx];
    if (!a) return;
    clearPanel();
    panel.appendChild(el("h2", a.headline || a.id));
    var ul = el("ul");
    ul.appendChild(articleItem(idx));
    panel.appendChild(ul);
    panel.appendChild(el("div", a.iri, "kg-meta"));
    panel.appendChild(el("p", data.nodes.length + " 个实体/表态 nodes · " + data.edges.length +
                         " 条关系 edges。点击节点或边查看证据。", "kg-conf"));
  }
  if (data.meta.article !== null && data.meta.article !== undefined) showArticle(data.meta.article);
  // a focus view opens on its entity
  if (data.meta.focus && data.meta.focus.length) select(data.meta.focus[0], true);
})();
"""


def _page(*, title: str, data: dict, notice_static: str, nav: list[tuple[str, str]],
          assets: str | None) -> str:
    """The page. `assets` None = inline everything; else a relative folder with the shared
    vis-network.min.js / vis-network.css / kg-view.js / kg-view.css (build_site)."""
    parts = ["<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n",
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
             "<meta name=\"generator\" content=\"kg.views\">\n",
             f"<title>{html.escape(title)}</title>\n"]
    if assets is None:
        js, css = _vis_assets()
        parts += ["<style>\n", css, "\n</style>\n<style>", _CSS, "</style>\n"]
    else:
        a = html.escape(assets, quote=True)
        parts += [f"<link rel=\"stylesheet\" href=\"{a}/vis-network.css\">\n",
                  f"<link rel=\"stylesheet\" href=\"{a}/kg-view.css\">\n"]
    parts.append("</head>\n<body>\n<div id=\"kg-app\">\n<header id=\"kg-top\">\n")
    parts.append(f"<h1>{html.escape(title)}</h1>\n")
    if nav:
        parts.append("<nav>")
        for href, text in nav:
            parts.append(f"<a href=\"{html.escape(href, quote=True)}\">{html.escape(text)}</a>")
        parts.append("</nav>\n")
    parts.append("<div id=\"kg-search-wrap\"><input id=\"kg-search\" type=\"search\" "
                 "placeholder=\"搜索实体 search…\" autocomplete=\"off\" aria-label=\"search\">"
                 "<ul id=\"kg-results\"></ul></div>\n")
    parts.append("<label id=\"kg-size-wrap\">节点大小 size <select id=\"kg-size\">"
                 + "".join(f"<option value=\"{k}\">{html.escape(_SIZE_ZH[k])}</option>"
                           for k in SIZE_BY) + "</select></label>\n")
    parts.append(f"<span id=\"kg-counts\">{html.escape(notice_static)}</span>\n")
    parts.append("<span id=\"kg-notices\"></span>\n</header>\n<div id=\"kg-main\">\n")
    parts.append("<aside id=\"kg-legend\"><div class=\"kg-legend-head\"><strong>图例 legend"
                 "</strong><span><button type=\"button\" id=\"kg-all\">全部</button>"
                 "<button type=\"button\" id=\"kg-none\">清空</button></span></div>"
                 "<div id=\"kg-legend-items\"></div><div id=\"kg-legend-edges\">"
                 "<strong>关系 relations</strong></div></aside>\n")
    parts.append("<div id=\"kg-network\"></div>\n")
    parts.append("<aside id=\"kg-panel\"><p class=\"kg-conf\">点击节点或边查看详情。"
                 "Click a node or an edge.</p></aside>\n</div>\n</div>\n")
    parts.append("<script type=\"application/json\" id=\"kg-data\">")
    parts.append(_json_for_script(data))
    parts.append("</script>\n")
    if assets is None:
        parts += ["<script>\n", js, "\n</script>\n<script>", _JS, "</script>\n"]
    else:
        a = html.escape(assets, quote=True)
        parts += [f"<script src=\"{a}/vis-network.min.js\"></script>\n",
                  f"<script src=\"{a}/kg-view.js\"></script>\n"]
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def _write(path: Path, text: str) -> None:
    from .export import write_atomic
    if str(path) == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    write_atomic(path, text.encode("utf-8"))


# ----------------------------------------------------------------------------- view

def _find_focus(ds, model: _Model, g: _Graph, focus: str) -> tuple[list[str], str | None]:
    """The entities `focus` names, and a notice when a substring picked one of several."""
    focus = str(focus).strip()
    if not focus:
        return [], None
    if focus in g.nodes:
        return [focus], None
    name = Literal(focus)
    exact = sorted({str(r[0]) for r in _select(ds, _Q_FIND_EXACT, name=name)} & set(g.nodes))
    if exact:
        return exact, None
    hits: dict[str, str] = {}
    for e, lab in _select(ds, _Q_FIND_CONTAINS, name=name):
        e = str(e)
        if e in g.nodes and (e not in hits or len(str(lab)) < len(hits[e])):
            hits[e] = str(lab)
    if not hits:
        return [], None
    G = _nx_graph(g)
    ranked = sorted(hits, key=lambda e: (len(hits[e]), -G.degree(e), e))
    notice = None
    if len(ranked) > 1:
        # 王 is in forty names: say which one was taken and what else matched, so a wrong pick shows
        others = "、".join(hits[e] for e in ranked[1:9]) + ("…" if len(ranked) > 9 else "")
        notice = (f"{focus!s} matches {len(ranked)} entities by substring: showing {hits[ranked[0]]} "
                  f"(shortest label, then most connected); also {others}. Give the whole name to pick another")
    return ranked[:1], notice


def _render(model: _Model, g: _Graph, out: Path, *, title: str, focus_ids: list[str] | None,
            depth: int, max_nodes: int, notices: list[str], links: dict[str, str] | None = None,
            nav: list[tuple[str, str]] | None = None, assets: str | None = None,
            size_by: str = "degree", article: str | None = None, require_nodes: bool = False,
            connected: bool = False) -> dict:
    import networkx as nx

    if require_nodes and not g.nodes:
        # --class Article, --from 2030: a page with nothing on it replaces no good view
        raise LookupError(f"the view is empty: no entity passes its filters (nothing written to {out})")
    G = _nx_graph(g)
    if focus_ids is not None:
        keep: set[str] = set()
        for f in focus_ids:
            keep |= set(nx.ego_graph(G, f, radius=max(int(depth), 0)).nodes)
        G = G.subgraph(sorted(keep)).copy()
    if connected:
        # --connected: what no drawn fact links (the entities articles only mention, half the
        # corpus's) is left out; the focus entity stays
        lone = [n for n in G.nodes if G.degree(n) == 0 and n not in set(focus_ids or [])]
        G.remove_nodes_from(lone)
        if lone:
            notices = notices + [f"{len(lone)} entities no fact links are not drawn (--connected)"]
    total = G.number_of_nodes()
    dropped = 0
    if max_nodes is not None and max_nodes >= 0 and total > max_nodes:
        pinned = set(focus_ids or [])
        # (equally connected nodes - the many an article only mentions - by how many articles
        # mention them, not by IRI, which put every programme and work last)
        cited: dict[str, int] = {}
        for ents in model.mentions.values():
            for e in ents:
                cited[e] = cited.get(e, 0) + 1
        ranked = sorted(G.nodes, key=lambda n: (n not in pinned, -G.degree(n), -cited.get(n, 0), n))
        kept = sorted(ranked[:max_nodes])
        dropped = total - len(kept)
        by_cls: dict[str, int] = {}
        for n in ranked[max_nodes:]:
            by_cls[g.nodes[n]["cls"]] = by_cls.get(g.nodes[n]["cls"], 0) + 1
        parts = ", ".join(f"{CLASSES[c]['zh']} {by_cls[c]}"
                          for c in sorted(by_cls, key=lambda c: (-by_cls[c], _CLASS_ORDER[c])))
        G = G.subgraph(kept).copy()
        notices = notices + [f"{dropped} nodes left out (showing the {len(kept)} most connected "
                             f"of {total}; left out: {parts})"]
    node_ids = sorted(G.nodes)
    keep_set = set(node_ids)
    edges = [e for e in g.edges if e["from"] in keep_set and e["to"] in keep_set]
    edges.sort(key=lambda e: (e["from"], e["to"], e["kind"], e["label"], e["fact"]))
    pos = _layout(node_ids, ((e["from"], e["to"]) for e in edges))
    pagerank = _pagerank(G)
    between, estimated = _betweenness(G)
    metric = {"degree": dict(G.degree), "pagerank": pagerank, "betweenness": between}
    ranges = {k: [min(v.values(), default=0), max(v.values(), default=0)]
              for k, v in metric.items()}
    ranges = {k: [_sig(lo), _sig(hi)] for k, (lo, hi) in ranges.items()}

    art_index: dict[str, int] = {}
    articles: list[dict] = []
    out_dir = out.parent

    def art(a: str) -> int:
        if a not in art_index:
            rec = model.articles.get(a) or {"iri": a, "id": _local_name(a), "headline": "",
                                            "date": "", "path": "", "url": ""}
            art_index[a] = len(articles)
            articles.append({"iri": rec["iri"], "id": rec["id"], "headline": rec["headline"],
                             "date": rec["date"], "path": rec["path"],
                             "url": _safe_url(rec["url"]),
                             "file": _file_href(rec["path"], out_dir) if model.file_links else "",
                             "page": (links or {}).get(a, "")})
        return art_index[a]

    nodes_out = []
    for n in node_ids:
        node = g.nodes[n]
        deg = G.degree(n)
        cls = node["cls"]
        tip = node["label"] + " · " + CLASSES[cls]["zh"]
        if node.get("text") and node["text"] != node["label"]:
            tip += "\n" + node["text"]
        nodes_out.append({
            "id": n, "label": node["label"], "cls": cls, "en": node["en"],
            "aliases": node["aliases"], "text": node.get("text", ""),
            "x": pos[n][0], "y": pos[n][1], "deg": deg,
            "pr": _sig(pagerank[n]), "bc": _sig(between[n]),
            "size": _size(_sig(metric[size_by][n]), *ranges[size_by], size_by)
            if cls != "Statement" else 7,
            "title": tip, "arts": [art(a) for a in node["arts"]],
            "page": (links or {}).get(n, ""),
        })
        if node.get("props"):
            nodes_out[-1]["props"] = node["props"]
        if len(node["label"]) > 20:
            nodes_out[-1]["short"] = node["label"][:19] + "…"
    edges_out = []
    pair_count: dict[tuple[str, str], int] = {}
    for i, e in enumerate(edges):
        pair = tuple(sorted((e["from"], e["to"])))
        k = pair_count.get(pair, 0)
        pair_count[pair] = k + 1
        support = len(e["arts"])
        ev = e["ev"][:_MAX_EVIDENCE_PER_EDGE]
        tip = f"{g.nodes[e['from']]['label']} —{e['label']}→ {g.nodes[e['to']]['label']}"
        if ev and ev[0]["s"]:
            tip += "\n" + ev[0]["s"]
        if support > 1:
            tip += f"\n({support} articles)"
        edges_out.append({
            "id": f"e{i}", "from": e["from"], "to": e["to"], "label": e["label"],
            "kind": e["kind"], "fact": e["fact"], "support": support,
            "width": round(1 + 1.5 * math.log2(support), 2) if support else 1,
            "color": _EDGE_COLOURS.get(e["kind"], "#999999"),
            "curve": round(0.15 * k, 2) if k else 0,
            "title": tip, "arts": [art(a) for a in e["arts"]],
            "ev": [{"a": art(x["a"]), "s": x["s"], "q": x["q"], "c": x["c"], "r": x["r"]}
                   for x in ev],
        })
    counts: dict[str, int] = {}
    for n in nodes_out:
        counts[n["cls"]] = counts.get(n["cls"], 0) + 1
    legend = [{"key": k, "zh": CLASSES[k]["zh"], "color": CLASSES[k]["color"],
               "shape": CLASSES[k]["shape"], "count": counts[k]}
              for k in CLASSES if counts.get(k)]
    kinds: dict[str, int] = {}
    for e in edges_out:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    edge_legend = [{"key": k, "zh": _EDGE_ZH[k], "color": _EDGE_COLOURS[k], "count": kinds[k]}
                   for k in _EDGE_COLOURS if kinds.get(k)]
    data = {
        "meta": {"title": title, "nodes": len(nodes_out), "edges": len(edges_out),
                 "dropped": dropped, "total": total, "notices": notices, "classes": legend,
                 "edgeKinds": edge_legend,
                 "focus": [f for f in (focus_ids or []) if f in keep_set],
                 "sizeBy": size_by, "sizeRange": ranges, "estimated": estimated,
                 "article": art(article) if article else None},
        "articles": articles, "nodes": nodes_out, "edges": edges_out,
        "options": _vis_options(len(nodes_out)),
    }
    static = f"{len(nodes_out)} nodes · {len(edges_out)} edges"
    if dropped:
        static += f" · {dropped} nodes left out"
    _write(out, _page(title=title, data=data, notice_static=static, nav=nav or [],
                      assets=assets))
    return {"path": str(out), "nodes": len(nodes_out), "edges": len(edges_out),
            "dropped": dropped, "total_nodes": total, "articles": len(articles),
            "focus": list(focus_ids or []), "notices": notices, "title": title}


def build_view(ds, out: Path | str, *, focus: str | None = None, depth: int = 2,
               article: str | None = None, classes: list[str] | None = None,
               min_confidence: float = 0.0, date_from: str | None = None,
               date_to: str | None = None, max_nodes: int = 1500, title: str | None = None,
               include_articles: bool = False, construct=None,
               size_by: str = "degree", file_links: bool = True, require_focus: bool = False,
               connected: bool = False) -> dict:
    """Write one self-contained HTML view of `ds` to `out`; return a summary dict.

    focus: an entity label / alias / IRI (exact match first, then case-insensitive substring);
    the view is the ego graph of radius `depth` around it. article: an article id, IRI or source
    path: only that article's facts and mentions. classes: class names (``Person``,
    ``kg:Organization``...; a class includes its subclasses; ``Statement`` and ``Article`` too).
    min_confidence: facts need evidence at least this confident (missing confidence counts as 0).
    date_from / date_to: YYYY[-MM[-DD]] bounds on the articles' schema:datePublished.
    include_articles: articles become nodes too (article -> mentioned entity, dashed).
    construct: a SPARQL CONSTRUCT/DESCRIBE query whose result graph is drawn instead of the facts
      (or that result itself, an rdflib Graph: kg viz runs the query on the store)
    (IRI objects become edges, literals the node's properties; no SERVICE); combines with focus,
    depth, classes and max_nodes only.
    max_nodes: above this many nodes keep the most connected ones (focus nodes always) and say
    how many were left out. connected: leave out the entities no drawn fact links. require_focus: when nothing matches `focus`, raise LookupError and
    write nothing (else the page says so; the command line must not replace a good view with an
    empty one). size_by: node size by ``degree`` (default), ``pagerank`` or
    ``betweenness``; the page can switch between the three. title: the page title (default: one
    made from the view's options).
    Summary keys: path, nodes, edges, dropped (nodes left out by max_nodes), total_nodes,
    articles, focus (matched IRIs), notices, title.
    """
    out = Path(out)
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {', '.join(SIZE_BY)}, got {size_by!r}")
    auto_title = title is None
    if auto_title:
        title = _auto_title(focus=focus, depth=depth, article=article, classes=classes,
                            min_confidence=min_confidence, date_from=date_from,
                            date_to=date_to, construct=construct)
    date_from = check_date(date_from, "date_from")
    date_to = check_date(date_to, "date_to")
    if date_from and date_to and date_from[:len(date_to)] > date_to:
        raise ValueError(f"the start date {date_from} is after the end date {date_to}: no article can match")
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, got {depth}")
    if not 0 <= float(min_confidence or 0) <= 1:
        raise ValueError(f"min_confidence must be between 0 and 1, got {min_confidence}")
    cls_filter = _class_filter(classes)
    if construct is not None:
        if article is not None or date_from or date_to or min_confidence or include_articles:
            raise ValueError("construct combines only with focus, depth, classes and max_nodes")
        model = _extract(ds)
        model.file_links = file_links
        g = _construct_graph(ds, model, construct, cls_filter)
        return _focus_and_render(ds, model, g, out, focus, require_focus, title=title, depth=depth,
                                 max_nodes=max_nodes, size_by=size_by, connected=connected)
    article_iri = None
    if article is not None:
        # resolve with a metadata-only pass, then read just that article's facts
        meta = _extract_articles(ds)
        article_iri = _resolve_article(meta, article)
    model = _extract(ds, URIRef(article_iri) if article_iri else None)
    model.file_links = file_links
    if auto_title and article_iri and model.articles.get(article_iri, {}).get("headline"):
        title = title.replace(f"文章 {article}", model.articles[article_iri]["headline"], 1)
    g = _build_graph(model, article=article_iri, classes=cls_filter,
                     min_confidence=float(min_confidence), date_from=date_from, date_to=date_to,
                     include_articles=include_articles)
    return _focus_and_render(ds, model, g, out, focus, require_focus, title=title, depth=depth, max_nodes=max_nodes,
                             size_by=size_by, article=article_iri, connected=connected)


def _focus_and_render(ds, model, g, out, focus, require_focus=False, **render_kw) -> dict:
    """Resolve the focus name (a notice when nothing matches) and write the page."""
    notices: list[str] = []
    focus_ids = None
    if focus is not None:
        focus_ids, picked = _find_focus(ds, model, g, focus)
        if picked:
            notices.append(picked)
        if not focus_ids:
            # 商务部 --class Person: the entity is there, the filters left it out - say so, not
            # that nothing matches
            name = Literal(str(focus).strip())
            known = str(focus).strip() and (any(True for _ in _select(ds, _Q_FIND_EXACT, name=name))
                                            or any(True for _ in _select(ds, _Q_FIND_CONTAINS, name=name)))
            why = (f"{focus!s} is in the store, but the view's filters leave it out" if known
                   else f"no entity matches {focus!s}")
            if require_focus:
                raise LookupError(f"{why} (nothing written to {out})")
            notices.append(why)
    return _render(model, g, out, focus_ids=focus_ids, notices=notices, require_nodes=require_focus, **render_kw)


def _auto_title(*, focus, depth, article, classes, min_confidence, date_from, date_to,
                construct) -> str:
    parts = []
    if construct is not None:
        parts.append("CONSTRUCT")
    if focus is not None:
        parts.append(f"{focus} · {depth} 度邻域")
    if article is not None:
        parts.append(f"文章 {article}")
    if classes:
        parts.append(" ".join(str(c) for c in classes))
    if date_from or date_to:
        parts.append(f"{date_from or '…'} – {date_to or '…'}")
    if min_confidence:
        parts.append(f"置信度 ≥ {float(min_confidence):g}")
    return "kg · " + (" · ".join(parts) if parts else "全图")


def _curie(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return _local_name(iri)


def _has_service(node) -> bool:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_has_service(v) for v in node.values())
    if isinstance(node, (list, tuple)):
        return any(_has_service(v) for v in node)
    return False


def _run_construct(ds, query: str):
    """The user's CONSTRUCT or DESCRIBE run by rdflib on the view's dataset (offline, read-only)."""
    from rdflib.plugins.sparql import prepareQuery

    from kg.vocab import PREFIXES as P

    try:
        prepared = prepareQuery(query, initNs=P)      # the query text is the user's, by design
    except Exception as exc:                          # pyparsing's ParseException and kin
        raise ValueError(f"invalid SPARQL query: {exc}") from exc
    if prepared.algebra.name not in ("ConstructQuery", "DescribeQuery"):
        raise ValueError("construct must be a SPARQL CONSTRUCT or DESCRIBE query")
    if _has_service(prepared.algebra):
        raise ValueError("SERVICE is not allowed: views work offline")
    # FROM / FROM NAMED make rdflib fetch the named graph from the web: refuse them
    if prepared.algebra.get("datasetClause"):
        raise ValueError("FROM / FROM NAMED are not allowed: views read the store only")
    from .store import check_read_only
    try:
        check_read_only(query)
    except Exception as exc:
        raise ValueError(str(exc)) from exc
    return ds.query(prepared).graph


def _construct_graph(ds, model: _Model, query, classes: set[str] | None) -> _Graph:
    """The result of the user's CONSTRUCT as a graph: IRI/blank objects are edges, literals are
    shown as the subject's properties, rdf:type picks the class, labels name the nodes. `query`
    is the query's text (run here, by rdflib) or its result already computed (an rdflib Graph:
    kg viz runs it on the store, as kg query does, so both give the same triples)."""
    from rdflib import BNode, Graph as RdfGraph, Literal as Lit

    from kg.vocab import PREFIXES as P

    result = query if isinstance(query, RdfGraph) else _run_construct(ds, query)
    rdf_type = P["rdf"] + "type"
    label_props = {P["rdfs"] + "label", P["skos"] + "prefLabel", P["skos"] + "altLabel"}

    # blank nodes get fresh ids on every run: rename them by their sorted first appearance
    def key(t):
        return tuple("" if isinstance(x, BNode) else str(x) for x in t)

    triples = sorted(result, key=key)
    bnames: dict[str, str] = {}

    def name(term) -> str:
        if isinstance(term, BNode):
            return bnames.setdefault(str(term), f"_:b{len(bnames)}")
        return str(term)

    types: dict[str, set[str]] = {}
    labels: dict[str, list[str]] = {}
    props: dict[str, list[list[str]]] = {}
    links: list[tuple[str, str, str]] = []
    order: list[str] = []
    for s, p, o in triples:
        sn, pn = name(s), str(p)
        order.append(sn)
        if pn == rdf_type:
            types.setdefault(sn, set()).add(str(o))
        elif isinstance(o, Lit):
            if pn in label_props:
                labels.setdefault(sn, []).append(str(o))
            props.setdefault(sn, []).append([_curie(pn), str(o)])
        else:
            order.append(name(o))
            links.append((sn, name(o), model.labels.get(pn) or _curie(pn)))
    mentioned: dict[str, set[str]] = {}
    for a, ents in model.mentions.items():
        for e in ents:
            mentioned.setdefault(e, set()).add(a)

    nodes: dict[str, dict] = {}
    for n in dict.fromkeys(order):
        cls = model.entities.get(n)
        if cls is None:
            ours = [t[len(ONT):] for t in types.get(n, ()) if t.startswith(ONT)]
            ours = [c for c in ours if c in CLASSES]
            cls = (min(ours, key=lambda c: _CLASS_ORDER[c]) if ours else
                   "Article" if n in model.articles else "Thing")
        if classes is not None and cls not in classes:
            continue
        rec = model.articles.get(n)
        label = (model.labels.get(n) or (sorted(labels[n])[0] if n in labels else "")
                 or (rec["headline"] if rec else "") or _local_name(n))
        nodes[n] = {"id": n, "cls": cls, "label": label, "en": model.en_labels.get(n, ""),
                    "aliases": model.aliases.get(n, []), "props": props.get(n, [])[:50],
                    "arts": sorted(mentioned.get(n, set()) | ({n} if rec else set()))}
    edges = [{"from": s, "to": o, "label": lab, "kind": "construct", "fact": "", "arts": [],
              "ev": []} for s, o, lab in links if s in nodes and o in nodes]
    edges = _merge_edges(edges)
    used = sorted({a for n in nodes.values() for a in n["arts"]})
    return _Graph(nodes, edges, used)


def _extract_articles(ds) -> _Model:
    articles: dict[str, dict] = {}
    for a, aid, headline, date, path, url in _select(ds, _Q_ARTICLES):
        rec = articles.setdefault(str(a), {"iri": str(a), "id": "", "headline": "", "date": "",
                                           "path": "", "url": ""})
        for key, val in (("id", aid), ("path", path)):
            val = _s(val)
            if val and (not rec[key] or val < rec[key]):
                rec[key] = val
        if _s(path):
            rec.setdefault("paths", set()).add(_s(path))
    for rec in articles.values():
        rec["id"] = rec["id"] or _local_name(rec["iri"])
    return _Model(articles, {}, {}, {}, {}, {}, [])


# ----------------------------------------------------------------------------- site

def _slug(text: str) -> str:
    if re.fullmatch(r"[0-9A-Za-z_-]{1,64}", text):
        return text
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_SITE_PAGE = re.compile(r"(?:article|entity)-[0-9A-Za-z_-]{1,64}\.html")


def _refuse_foreign_pages(out_dir: Path) -> None:
    """A site is rebuilt over its own pages only: an index.html or all.html that kg did not write
    (someone's home page) is not overwritten."""
    if not out_dir.is_dir():
        return
    # (article-…/entity-… pages are the site's by their names: an earlier build's go)
    for p in (out_dir / "index.html", out_dir / "all.html"):
        if not p.is_file():
            continue
        try:
            with p.open("rb") as fh:
                head = fh.read(2048).decode("utf-8", "replace")
        except OSError:
            continue
        # (index pages of earlier kg versions carry their title, not the generator tag)
        if '<meta name="generator" content="kg.views">' not in head and "<title>kg · 索引</title>" not in head:
            raise ValueError(f"{p}: not a page kg viz wrote; kg will not overwrite it (give --site an "
                             "empty folder, or one kg viz --site wrote)")


def build_site(ds, out_dir: Path | str, *, top_entities: int = 20,
               max_nodes: int = 1500, size_by: str = "degree", file_links: bool = True) -> dict:
    """index.html + all.html (whole store) + one view per article + one per top entity (the
    most connected, depth 2), all linked together: nodes with a page of their own link to it
    from the side panel, articles to their view, every page back to the index.

    Views share the vis-network/kg assets in ``assets/`` (relative links), so a site with many
    articles does not repeat 0.7 MB of vis-network per page; the folder works offline as is.
    """
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {', '.join(SIZE_BY)}, got {size_by!r}")
    out_dir = Path(out_dir)
    _refuse_foreign_pages(out_dir)
    ours = (out_dir / "index.html").is_file()       # checked above: a site kg wrote before
    out_dir.mkdir(parents=True, exist_ok=True)
    js, css = _vis_assets()
    _write(out_dir / "assets" / "vis-network.min.js", js)
    _write(out_dir / "assets" / "vis-network.css", css)
    _write(out_dir / "assets" / "kg-view.js", _JS)
    _write(out_dir / "assets" / "kg-view.css", _CSS)

    model = _extract(ds)
    model.file_links = file_links
    whole = _build_graph(model, article=None, classes=None, min_confidence=0.0,
                         date_from=None, date_to=None, include_articles=False)
    G = _nx_graph(whole)
    entity_ids = [n for n in G.nodes if whole.nodes[n]["cls"] not in ("Statement", "Article")]
    top = sorted(entity_ids, key=lambda n: (-G.degree(n), n))[:max(int(top_entities), 0)]
    top = [n for n in top if G.degree(n) > 0] or top
    arts = sorted(model.articles, key=lambda a: (
        "" if not model.articles[a]["date"] else model.articles[a]["date"], a), reverse=True)

    links: dict[str, str] = {}
    for a in arts:
        links[a] = f"article-{_slug(model.articles[a]['id'])}.html"
    for n in top:
        links[n] = f"entity-{_slug(hashlib.sha256(n.encode('utf-8')).hexdigest()[:16])}.html"
    nav = [("index.html", "索引 index"), ("all.html", "全图 all")]

    pages: list[dict] = []
    summary = _render(model, whole, out_dir / "all.html", title="kg · 全图", focus_ids=None,
                      depth=0, max_nodes=max_nodes, notices=[], links=links, nav=nav,
                      assets="assets", size_by=size_by)
    pages.append(summary)
    for a in arts:
        # the article itself is a node too: its mentions hang from it
        g = _build_graph(model, article=a, classes=None, min_confidence=0.0, date_from=None,
                         date_to=None, include_articles=True)
        rec = model.articles[a]
        pages.append(_render(model, g, out_dir / links[a], title=rec["headline"] or rec["id"],
                             focus_ids=None, depth=0, max_nodes=max_nodes, notices=[],
                             links=links, nav=nav, assets="assets",
                             size_by=size_by, article=a))
    for n in top:
        pages.append(_render(model, whole, out_dir / links[n],
                             title=whole.nodes[n]["label"], focus_ids=[n], depth=2,
                             max_nodes=max_nodes, notices=[], links=links, nav=nav,
                             assets="assets", size_by=size_by))

    rows = ["<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta name=\"generator\" content=\"kg.views\">\n<title>kg · 索引</title>\n<style>body{font-family:\"Noto Sans CJK SC\",\"Noto Sans "
            "SC\",\"Microsoft YaHei\",sans-serif;margin:2em;max-width:60em}li{margin:.2em 0}"
            ".d{color:#888}</style>\n</head>\n<body>\n<h1>kg 知识图谱</h1>\n",
            "<p><a href=\"all.html\">全图 whole graph</a></p>\n",
            f"<h2>实体 top entities ({len(top)})</h2>\n<ol>\n"]
    for n in top:
        node = whole.nodes[n]
        rows.append(f"<li><a href=\"{html.escape(links[n], quote=True)}\">"
                    f"{html.escape(node['label'])}</a> <span class=\"d\">"
                    f"{html.escape(CLASSES[node['cls']]['zh'])} · {G.degree(n)}</span></li>\n")
    rows.append(f"</ol>\n<h2>文章 articles ({len(arts)})</h2>\n<ul>\n")
    for a in arts:
        rec = model.articles[a]
        rows.append(f"<li><a href=\"{html.escape(links[a], quote=True)}\">"
                    f"{html.escape(rec['headline'] or rec['id'])}</a> <span class=\"d\">"
                    f"{html.escape(rec['date'][:10])}</span></li>\n")
    rows.append("</ul>\n</body>\n</html>\n")
    _write(out_dir / "index.html", "".join(rows))
    # pages of an earlier build into this folder (removed articles, entities no longer at the
    # top) would still be there, and searchable: only the site's own kind of page goes
    current = set(links.values())
    # (only in a folder that held a site of kg's: someone's article-intro.html stays)
    stale = [p for p in out_dir.glob("*.html") if ours and _SITE_PAGE.fullmatch(p.name) and p.name not in current]
    for p in stale:
        p.unlink()
    return {"path": str(out_dir / "index.html"), "pages": len(pages) + 1,
            "articles": len(arts), "entities": len(top), "removed": len(stale),
            "views": [p["path"] for p in pages]}
