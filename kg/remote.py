"""A store on a SPARQL 1.1 server: queries over the SPARQL 1.1 Protocol, article graphs written
with one SPARQL Update per batch (default) or with the Graph Store Protocol (PUT replaces a
graph, POST merges into one), never triple by triple. Standard library only (urllib).

    RemoteStore("http://localhost:7878")                     Oxigraph server (`oxigraph serve`)
    RemoteStore("http://localhost:3030/kg#fuseki")           Apache Jena Fuseki, dataset /kg
    RemoteStore("http://localhost:7200/repositories/kg")     GraphDB, repository kg
    RemoteStore("http://localhost:8890/sparql")              Virtuoso

The part after '#' is never sent to the server; it holds client options, '&'-separated: a flavor
(oxigraph, fuseki, graphdb, virtuoso, or generic), `write=update|gsp`, `batch=N` (articles
per write request), `union=off` (send no union-default-graph parameter: the server is set up
that way), or explicit endpoints `query=URL`, `update=URL`, `gsp=URL`. Without a flavor
it is guessed from the URL (/sparql: Virtuoso; /repositories/: GraphDB; port 3030: Fuseki;
else Oxigraph). Credentials: user:password@ in the URL, or $KG_SPARQL_USER and
$KG_SPARQL_PASSWORD (HTTP Basic or Digest, whichever the server asks for).

Results come back as pyoxigraph objects (QuerySolutions, QueryBoolean, triples), the same types
the embedded store returns, so kg.query, kg.export and kg.stats work unchanged; `.ox` is a small
adapter offering the parts of pyoxigraph.Store they use.
"""
from __future__ import annotations

import io
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import Graph

from .rdf import ENTITIES_GRAPH, ONTOLOGY_GRAPH
from .store import (Backend, GraphWrite, StoreError, _values, canonical_ontology, check_read_only,
                    graph_ntriples, has_dataset_clause, merge_lines)
from .vocab import ID, PREFIXES

_KGR = str(ID)                # every graph kg writes is named in its id namespace (kgr:)
_OURS = f'FILTER(STRSTARTS(STR(?g), "{_KGR}"))'

_ENT, _ONTO = str(ENTITIES_GRAPH), str(ONTOLOGY_GRAPH)
JSON_RESULTS = "application/sparql-results+json"
ACCEPT_ANY = f"{JSON_RESULTS}, application/n-triples;q=0.9, text/turtle;q=0.8, application/sparql-results+xml;q=0.5"


@dataclass
class Endpoints:
    flavor: str
    query: str
    update: str
    gsp: str | None
    graph_param: str = "graph"                        # GSP: ?graph=IRI (Virtuoso: graph-uri)
    union: dict = field(default_factory=dict)          # params that make the default graph the union
    gsp_type: str = "application/n-triples"            # Content-Type of GSP uploads
    dump_url: str | None = None                        # GET: the whole dataset as N-Quads


def endpoints(base: str, flavor: str, opts: dict | None = None, *, auth: bool = False) -> Endpoints:
    base = base.rstrip("/")
    opts = opts or {}
    if flavor == "oxigraph":
        base = re.sub(r"/(query|update|store)$", "", base)
        ep = Endpoints(flavor, base + "/query", base + "/update", base + "/store",
                       union={"union-default-graph": ""}, dump_url=base + "/store")
    elif flavor == "fuseki":
        base = re.sub(r"/(query|sparql|update|data|get)$", "", base)
        ep = Endpoints(flavor, base + "/query", base + "/update", base + "/data",
                       union={"default-graph-uri": "urn:x-arq:UnionGraph"})
    elif flavor == "graphdb":
        base = re.sub(r"/(statements|rdf-graphs/service)$", "", base)
        # GraphDB's default graph already is the union of all graphs
        ep = Endpoints(flavor, base, base + "/statements", base + "/rdf-graphs/service")
    elif flavor == "virtuoso":
        base = re.sub(r"/(sparql|sparql-auth)$", "", base)
        suffix = "-auth" if auth else ""
        # Virtuoso's default graph (no FROM) already is the union of all graphs
        ep = Endpoints(flavor, base + "/sparql", base + "/sparql" + suffix,
                       base + "/sparql-graph-crud" + suffix, graph_param="graph-uri", gsp_type="text/turtle")
    elif flavor == "generic":
        ep = Endpoints(flavor, base, base, None)
    else:
        raise StoreError(f"unknown SPARQL server flavor {flavor!r}: oxigraph, fuseki, graphdb, virtuoso or generic")
    for key in ("query", "update", "gsp"):
        if opts.get(key):
            setattr(ep, key, opts[key])
    if opts.get("union", "").lower() in ("off", "none", "no", "0"):
        ep.union = {}          # the server's default graph already is the union
    return ep


def guess_flavor(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/sparql") or path.endswith("/sparql-auth") or parts.port == 8890:
        return "virtuoso"
    if "/repositories/" in path or parts.port == 7200:
        return "graphdb"
    if parts.port == 3030:
        return "fuseki"
    return "oxigraph"


def parse_spec(spec: str) -> tuple[str, str, dict, tuple[str, str] | None]:
    """URL#options -> (URL without user info, flavor, options, (user, password) or None)."""
    url, _, frag = spec.partition("#")
    opts: dict[str, str] = {}
    flavor = None
    for tok in filter(None, re.split(r"[&,]", frag)):
        key, eq, value = tok.partition("=")
        if eq:
            opts[key.strip()] = urllib.parse.unquote(value.strip())
        else:
            flavor = key.strip().lower()
    parts = urllib.parse.urlsplit(url)
    cred = None
    if parts.username is not None:
        cred = (urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or ""))
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        url = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    elif os.environ.get("KG_SPARQL_USER"):
        cred = (os.environ["KG_SPARQL_USER"], os.environ.get("KG_SPARQL_PASSWORD", ""))
    return url.rstrip("/"), flavor or opts.pop("flavor", None) or guess_flavor(url), opts, cred


class RemoteStore(Backend):
    remote = True
    #: articles per write request (SPARQL Update mode); `#batch=N` in the URL changes it
    batch = 64

    def __init__(self, spec: str, *, read_only: bool = False, timeout: float = 600.0):
        self.spec = spec
        url, flavor, opts, cred = parse_spec(spec)
        self.url = url
        self.path = url                       # what `kg build` prints as the store
        self.read_only = read_only
        self.timeout = float(opts.get("timeout", timeout))
        self.write_mode = opts.get("write", "update")
        if self.write_mode not in ("update", "gsp"):
            raise StoreError(f"{spec}: write= must be update or gsp")
        self.batch = int(opts.get("batch", self.batch))
        self.ep = endpoints(url, flavor, opts, auth=cred is not None)
        if self.write_mode == "gsp" and not self.ep.gsp:
            raise StoreError(f"{spec}: write=gsp needs a Graph Store Protocol endpoint (gsp=URL)")
        handlers = []
        if cred is not None:
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for u in {self.ep.query, self.ep.update, self.ep.gsp or self.ep.query}:
                mgr.add_password(None, u, *cred)
            handlers = [urllib.request.HTTPBasicAuthHandler(mgr), urllib.request.HTTPDigestAuthHandler(mgr)]
        self._opener = urllib.request.build_opener(*handlers)
        self.ox = _RemoteOx(self)

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r}, flavor={self.ep.flavor!r}, write={self.write_mode!r})"

    # -- HTTP ----------------------------------------------------------------------------------
    def _http(self, method: str, url: str, *, data: bytes | None = None, headers: dict | None = None,
              params: dict | None = None, ok404: bool = False) -> tuple[str, bytes]:
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                return resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as exc:
            if ok404 and exc.code == 404:
                return "", b""
            body = exc.read()[:600].decode("utf-8", "replace").strip()
            raise StoreError(f"{method} {url.split('?')[0]}: HTTP {exc.code} {exc.reason}: {body}") from None
        except urllib.error.URLError as exc:
            raise StoreError(f"cannot reach the SPARQL server at {self.url}: {exc.reason}") from None
        except (TimeoutError, ConnectionError) as exc:
            raise StoreError(f"SPARQL server at {self.url}: {exc}") from None

    def _post_form(self, url: str, fields: dict, accept: str | None = None) -> tuple[str, bytes]:
        body = urllib.parse.urlencode(fields).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        return self._http("POST", url, data=body, headers=headers)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.url} was opened read-only")

    def _query(self, sparql: str, *, union: bool = False, accept: str = ACCEPT_ANY):
        fields = {"query": sparql}
        if union:
            fields.update(self.ep.union)
        ctype, body = self._post_form(self.ep.query, fields, accept)
        return _parse_result(ctype, body)

    # -- primitives ----------------------------------------------------------------------------
    def select(self, sparql: str):
        return self._query(sparql, accept=JSON_RESULTS)

    def update(self, sparql: str, *, touches=None) -> None:
        self._check_writable()
        self._post_form(self.ep.update, {"update": sparql})

    def query(self, sparql: str, *, substitutions: dict | None = None):
        check_read_only(sparql)
        text = _with_prefixes(sparql)
        if substitutions:
            names = " ".join(f"?{getattr(v, 'value', str(v).lstrip('?$'))}" for v in substitutions)
            terms = " ".join(str(t) for t in substitutions.values())
            text += f"\nVALUES ({names}) {{ ({terms}) }}"
        return self._query(text, union=not has_dataset_clause(sparql))

    def count(self, graph_iri: str | None = None) -> int:
        if graph_iri is None:   # kg writes named graphs only; a union default graph would double
            q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}"  # sparql-static
            return int(next(iter(self.select(q)))["n"].value)
        return super().count(graph_iri)

    def existing_graphs(self, graphs: Iterable[str]) -> list[str]:
        graphs = list(dict.fromkeys(str(g) for g in graphs))
        out: list[str] = []
        for i in range(0, len(graphs), 200):
            chunk = graphs[i:i + 200]
            q = f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {_values(chunk)} }} GRAPH ?g {{ ?s ?p ?o }} }}"  # sparql-static
            found = {row["g"].value for row in self.select(q)}
            out.extend(g for g in chunk if g in found)
        return out

    def drop_graphs(self, graphs: Iterable[str]) -> tuple[list[str], set[str]]:
        self._check_writable()
        existing = self.existing_graphs(graphs)
        if not existing:
            return [], set()
        candidates = self.referenced_entities(existing)
        self.note_pending(candidates)
        if self.write_mode == "gsp":
            for g in existing:
                self._http("DELETE", self.ep.gsp, params={self.ep.graph_param: g}, ok404=True)
        else:
            self.update(" ;\n".join(f"DROP SILENT GRAPH {_iri(g)}" for g in existing))  # sparql-static
        return existing, candidates

    def write_batch(self, writes: list[GraphWrite], drop: Iterable[str] = ()) -> set[str]:
        self._check_writable()
        drop = list(dict.fromkeys(drop))
        targets = drop + [w.graph for w in writes]
        existing = self.existing_graphs(targets)
        candidates = self.referenced_entities(existing) if existing else set()
        self.note_pending(candidates)
        if self.write_mode == "gsp":
            for g in drop:
                if g in existing:
                    self._http("DELETE", self.ep.gsp, params={self.ep.graph_param: g}, ok404=True)
            for i in range(0, len(writes), self.batch):
                part = writes[i:i + self.batch]
                entities = merge_lines(w.entities for w in part)
                if entities:     # POST merges into kgr:entities
                    self._gsp_upload("POST", _ENT, entities)
                for w in part:   # PUT replaces the article graph, commit triple included
                    self._gsp_upload("PUT", w.graph, w.triples + w.commit)
            return candidates
        dropped = set(existing)
        first = True
        for i in range(0, max(len(writes), 1), self.batch):
            part = writes[i:i + self.batch]
            ops = [f"DROP SILENT GRAPH {_iri(g)}" for g in (drop if first else []) if g in dropped]  # sparql-static
            ops += [f"DROP SILENT GRAPH {_iri(w.graph)}" for w in part if w.graph in dropped]  # sparql-static
            first = False
            blocks = []
            entities = merge_lines(w.entities for w in part)
            if entities:
                blocks.append(f"GRAPH <{_ENT}> {{\n{_nt(entities)}}}")
            for w in part:
                blocks.append(f"GRAPH {_iri(w.graph)} {{\n{_nt(w.triples + w.commit)}}}")
            if blocks:  # IRIs via _iri (ox.NamedNode) and N-Triples that kg serialised
                ops.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")  # sparql-static
            if ops:
                self.update(" ;\n".join(ops))
        return candidates

    def _gsp_upload(self, method: str, graph: str, data: bytes) -> None:
        self._http(method, self.ep.gsp, data=data, params={self.ep.graph_param: graph},
                   headers={"Content-Type": self.ep.gsp_type + "; charset=utf-8"})

    def add_to_graph(self, graph_iri: str, graph: Graph) -> None:
        self._check_writable()
        data = _nt(graph_ntriples(graph))
        self.update(f"INSERT DATA {{ GRAPH {_iri(graph_iri)} {{\n{data}}} }}")  # sparql-static

    def load_ontology(self, path: Path) -> None:
        """Copy the ontology into kgr:ontology unless the server already holds the same."""
        if self.ontology_unchanged(path):
            return
        data = canonical_ontology(path)
        new = set(data.decode("utf-8").splitlines())
        new.discard("")
        plain = {line for line in new if "_:" not in line}
        q = f"""SELECT ?s ?p ?o WHERE {{ GRAPH <{_ONTO}> {{ ?s ?p ?o }} }}"""  # sparql-static
        rows = list(self.select(q))
        have = {f"{r['s']} {r['p']} {r['o']} ." for r in rows if not isinstance(r["s"], ox.BlankNode)
                and not isinstance(r["o"], ox.BlankNode)}
        if len(rows) == len(new) and have == plain:
            return
        self._check_writable()
        if self.write_mode == "gsp":
            self._gsp_upload("PUT", _ONTO, data)
        else:
            # INSERT {} WHERE {}, not INSERT DATA: the ontology's owl:unionOf lists are blank
            # nodes, which Virtuoso refuses in INSERT DATA (SP031) and every server accepts in a
            # template (fresh blank nodes, one solution)
            self.update(f"DROP SILENT GRAPH <{_ONTO}> ;\nINSERT {{ GRAPH <{_ONTO}> {{\n{_nt(data)}}} }} WHERE {{}}")  # sparql-static

    def quads(self) -> list[ox.Quad]:
        """Every quad in the graphs kg wrote (named kgr:...): a server's own graphs, such as
        Virtuoso's system graphs, or other data on a shared server are not kg's to export."""
        if self.ep.dump_url:
            _, body = self._http("GET", self.ep.dump_url, headers={"Accept": "application/n-quads"})
            return [q for q in ox.parse(body, format=ox.RdfFormat.N_QUADS)
                    if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(_KGR)]
        rows = self.select(f"SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}")  # sparql-static
        return [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]

    def dump(self, output, fmt: ox.RdfFormat) -> None:
        ox.serialize(self.quads(), output, format=fmt)


class _RemoteOx:
    """The parts of pyoxigraph.Store that kg.export and kg.stats call, over HTTP."""

    def __init__(self, store: RemoteStore):
        self._s = store

    def query(self, sparql: str, *, use_default_graph_as_union: bool = False, prefixes=None,
              substitutions=None, **_):
        return self._s._query(_with_prefixes(sparql, prefixes) if prefixes else sparql,
                              union=use_default_graph_as_union)

    def update(self, sparql: str, **_) -> None:
        self._s.update(sparql)

    def quads_for_pattern(self, s=None, p=None, o=None, g=None):
        return [q for q in self._s.quads() if (s is None or q.subject == s) and (p is None or q.predicate == p)
                and (o is None or q.object == o) and (g is None or q.graph_name == g)]

    def dump(self, output=None, format=None, **_):
        if output is None:
            buf = io.BytesIO()
            self._s.dump(buf, format)
            return buf.getvalue()
        self._s.dump(output, format)

    def contains_named_graph(self, name) -> bool:
        return bool(self._s.existing_graphs([getattr(name, "value", str(name))]))

    def flush(self) -> None:
        pass

    def __len__(self) -> int:
        return self._s.count()


def _iri(iri: str) -> str:
    """An IRI as SPARQL text, serialised by pyoxigraph (which refuses anything but an IRI)."""
    return str(ox.NamedNode(iri))


def _nt(data: bytes) -> str:
    """N-Triples to put inside INSERT DATA, parsed and serialised again by pyoxigraph: whatever
    the bytes held, only well-formed, escaped triples reach the update text."""
    triples = [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def _with_prefixes(sparql: str, prefixes: dict | None = None) -> str:
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([\w.-]*):", sparql)}
    lines = [f"PREFIX {k}: <{v}>" for k, v in (prefixes or PREFIXES).items() if k.lower() not in declared]
    return "\n".join(lines + [sparql]) if lines else sparql


def _bnode_label(value: str) -> str:
    """A blank node label pyoxigraph accepts for any label a server sends (Virtuoso's are
    `nodeID://b10006`), the same for the same label, so that one result keeps its joins."""
    if re.fullmatch(r"[A-Za-z0-9_]+", value):
        return value
    return "x" + value.encode("utf-8").hex()


def _parse_result(ctype: str, body: bytes):
    ctype = ctype.split(";")[0].strip().lower()
    if ctype in (JSON_RESULTS, "application/json"):
        if b'"bnode"' in body:
            doc = json.loads(body)
            for row in (doc.get("results") or {}).get("bindings") or []:
                for term in row.values():
                    if isinstance(term, dict) and term.get("type") == "bnode":
                        term["value"] = _bnode_label(str(term.get("value", "")))
            body = json.dumps(doc).encode("utf-8")
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if ctype in ("application/sparql-results+xml", "application/xml"):
        body = re.sub(rb"<bnode>([^<]*)</bnode>",
                      lambda m: b"<bnode>" + _bnode_label(m.group(1).decode("utf-8", "replace")).encode() + b"</bnode>",
                      body)
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
    if ctype in ("text/tab-separated-values",):
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV)
    fmt = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
           "text/turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML}.get(ctype)
    if fmt is None:
        raise StoreError(f"unexpected answer from the SPARQL server (Content-Type {ctype or 'none'})")
    return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=fmt)]
