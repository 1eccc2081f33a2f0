"""Stores: where the graphs go. `Backend` is what the pipeline, queries and exports need;
`Store` (alias `EmbeddedStore`) is the embedded one, a persistent pyoxigraph (RocksDB) dataset
with no server; `kg.remote.RemoteStore` speaks SPARQL 1.1 Protocol + Graph Store Protocol to a
server. `Store(spec)` and `open_store(spec)` pick the remote one for an http(s):// spec.

Measured on this machine (see docs/scale.md): pyoxigraph loads and queries 1M triples an order
of magnitude faster than rdflib's memory store, at a third of the memory. Each article is one
named graph, replaced as a whole when the article is rebuilt; entity descriptions live in the
shared graph kgr:entities and are pruned when no article mentions them any more.

Writes come in batches (`write_batch`), each article graph with its commit triple
(kg:contentHash) in the same write: new graphs through pyoxigraph's bulk loader in parts that
are each one atomic RocksDB ingestion (or one transactional `load` for small batches), replaced
graphs in one SPARQL Update. An article without its commit triple is not "known" (`articles()`),
so a killed build rebuilds what it had not committed, and `repair()` drops graphs left without
a commit triple.
"""
from __future__ import annotations

import abc
import json
import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import Graph

from .rdf import ENTITIES_GRAPH, ONTOLOGY_GRAPH, article_iri
from .sparql_text import code_only
from .vocab import ONT, PREFIXES

_ARTICLE_ID = re.compile(r"[0-9a-f]{16}")     # what kg.pipeline.article_id gives
INDEX_FILE = "kg-index.json"     # the article index, beside the data (see Store._before_write)
INDEX_STAMP = "kg-index.stamp"   # RocksDB's files when the index was last known to be the store's
_INDEX_VERSION = 1
log = logging.getLogger(__name__)

DEFAULT_STORE = "kg-data"
ENV_STORE = "KG_STORE"

# keywords, not variables (?load), prefixed names (schema:Service) or parts of longer words
_FORBIDDEN = re.compile(r"(?<![\w?$:-])(SERVICE|LOAD)(?![\w:-])", re.IGNORECASE)
# (IRIs are blanked out before the search, so "ADD <a> TO <b>" is seen as "ADD     TO    ")
_UPDATE = re.compile(r"(?<![\w?$:-])(?:(INSERT|DELETE|DROP|CLEAR|CREATE|ADD|MOVE|COPY|LOAD)(?![\w:-])\s*"
                     r"(DATA|WHERE|GRAPH|SILENT|ALL|DEFAULT|NAMED|\{|<)"
                     r"|(ADD|MOVE|COPY)(?![\w:-])\s+(?:\S+\s+)?TO(?![\w:-]))", re.IGNORECASE)


class StoreError(Exception):
    pass


def store_path(arg: str | os.PathLike | None) -> Path:
    return Path(arg or os.environ.get(ENV_STORE) or DEFAULT_STORE)


def _strip_strings(query: str) -> str:
    """The query without string literals, IRIs and comments, to look for keywords safely.

    One left-to-right scan (kg.sparql_text.code_only): separate passes for strings and comments
    were fooled by a comment holding triple quote marks, which hid a SERVICE clause."""
    return code_only(query)


def check_read_only(query: str) -> None:
    bare = _strip_strings(query)
    if _FORBIDDEN.search(bare):
        raise StoreError("queries may not use SERVICE or LOAD: kg never reaches the network")
    if _UPDATE.search(bare):
        raise StoreError("this is a read-only query interface: SPARQL Update is refused")


def store_spec(arg: str | os.PathLike | None) -> str:
    """The store as given (a directory or an http(s):// URL), else $KG_STORE, else ./kg-data."""
    return str(arg or os.environ.get(ENV_STORE) or DEFAULT_STORE)


def is_remote(spec: str | os.PathLike | None) -> bool:
    return isinstance(spec, str) and re.match(r"https?://", spec, re.IGNORECASE) is not None


_DATASET_CLAUSE = re.compile(r"(?i)(?<![?$\w:])FROM\s+(?:NAMED\s+)?(?:\s|[A-Za-z_][\w.-]*:|:)")


def has_dataset_clause(sparql: str) -> bool:
    """Does the query name its dataset (FROM / FROM NAMED)? Then it gets that dataset, not the
    union of all graphs that kg gives a query without one."""
    # (an IRI is blanked too: FROM followed by blanks where it stood is still the clause)
    return bool(_DATASET_CLAUSE.search(code_only(sparql)))


def _syntax_message(sparql: str, exc: Exception) -> str:
    """The parser's message, or a plain one for an undeclared prefix (the parser lists every
    character class it expected instead)."""
    msg = str(exc)
    if "Prefix not found" in msg:
        text = re.sub(r'"(?:[^"\\\n]|\\.)*"|<[^>\s]*>|#[^\n]*', " ", sparql)
        declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([\w.-]*):", text)} | set(PREFIXES)
        used = dict.fromkeys(m.group(1) for m in re.finditer(r"(?<![\w:?$])([A-Za-z][\w.-]*):(?=[\w%])", text))
        unknown = [p for p in used if p not in declared]
        if unknown:
            return (f"unknown prefix {', '.join(p + ':' for p in unknown)} "
                    f"(declare it with PREFIX {unknown[0]}: <...>; kg knows {', '.join(sorted(PREFIXES))})")
    # the parser spells out the Unicode ranges of a name character: say so instead
    msg = re.sub(r"\['0'\.\.='9'\]", "a digit", msg)
    return re.sub(r"\[[^\[\]]*\.\.=[^\[\]]*\]", "a name character", msg, flags=re.S)


#: in a store's folder while `kg serve` answers from it: its query workers read the store as it
#: was when they opened it, so a build meanwhile is not seen (and may be half-seen by a worker
#: started later); `kg build` warns
SERVE_MARKER = "kg-serve.json"


def note_serving(path: str | os.PathLike, url: str) -> Path | None:
    marker = Path(path) / SERVE_MARKER
    try:
        marker.write_text(json.dumps({"pid": os.getpid(), "url": url}), "utf-8")
    except OSError:
        return None             # a read-only store folder: serving works, only the warning is lost
    return marker


def serving(path: str | os.PathLike) -> dict | None:
    """The `kg serve` answering from the store at `path`, if one is running."""
    try:
        info = json.loads((Path(path) / SERVE_MARKER).read_text("utf-8"))
        os.kill(int(info["pid"]), 0)         # (a marker left by a killed server names a dead pid)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info


def _is_store(path: Path) -> bool:
    # RocksDB's CURRENT names the live manifest: every database folder has it from its creation
    return (path / "CURRENT").is_file()


def open_store(spec: str | os.PathLike | None = None, *, read_only: bool = False) -> "Backend":
    """The store named by `spec`: a RemoteStore for an http(s):// URL, else the embedded Store."""
    spec = store_spec(spec)
    if is_remote(spec):
        from .remote import RemoteStore
        return RemoteStore(spec, read_only=read_only)
    return Store(spec, read_only=read_only)


@dataclass
class GraphWrite:
    """One article's graphs, serialised as N-Triples (UTF-8, one triple a line, each ending
    in " .\\n"): what extraction workers hand to the process that writes the store."""
    graph: str                 # the article graph's IRI
    triples: bytes             # the article graph, without its commit triple
    commit: bytes = b""        # the commit triple (kg:contentHash), written after the rest
    entities: bytes = b""      # the article's contribution to kgr:entities


def ntriples_to_nquads(data: bytes, graph: str) -> bytes:
    """N-Triples lines -> the same lines as N-Quads in `graph`. Safe as a plain replace: a
    literal's line breaks are escaped, so " .\\n" only ever ends a line."""
    if not data:
        return b""
    if not data.endswith(b"\n"):
        data += b"\n"
    return data.replace(b" .\n", b" <" + graph.encode("utf-8") + b"> .\n")


def merge_lines(chunks: Iterable[bytes]) -> bytes:
    """The distinct lines of several N-Triples chunks (entity contributions overlap a lot)."""
    lines: set[bytes] = set()
    for c in chunks:
        if c:
            lines.update(c.splitlines())
    lines.discard(b"")
    return b"".join(line + b"\n" for line in sorted(lines))


def graph_ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


def _chunks(items: list, n: int):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _literal(text: str) -> str:
    """A string as a SPARQL literal, serialised (and escaped) by pyoxigraph."""
    from .rdf import clean  # a path with lone surrogates (a file name that is not UTF-8) is cleaned as stored
    return str(ox.Literal(clean(str(text))))


def _values(iris: Iterable[str]) -> str:
    """IRIs as SPARQL terms; ox.NamedNode refuses anything that is not an IRI (no '>', spaces,
    braces), so the text interpolated into queries can only ever be IRIs."""
    return " ".join(str(ox.NamedNode(i)) for i in iris)


_ENT, _ONTO = str(ENTITIES_GRAPH), str(ONTOLOGY_GRAPH)
# entities to prune, listed before the graphs that referred to them are dropped (see note_pending)
PENDING_GRAPH = str(ENTITIES_GRAPH).rsplit("/", 1)[0] + "/pending-prune"
PENDING_PREDICATE = PENDING_GRAPH + "#entity"


class Backend(abc.ABC):
    """What kg needs from a store. The primitives (select, update, write_batch, drop_graphs, ...)
    differ per backend; article bookkeeping, pruning and repair are written once, here, in
    SPARQL, so the embedded store and a server behave the same."""

    path: object = None
    remote = False
    read_only = False

    # -- primitives ----------------------------------------------------------------------------
    @abc.abstractmethod
    def select(self, sparql: str):
        """Run a SELECT as given (no read-only check, no union default graph): QuerySolutions."""

    @abc.abstractmethod
    def update(self, sparql: str, *, touches: Iterable[str] | None = None) -> None:
        """Run a SPARQL Update (one request / one transaction). touches: the article graphs it
        may change (None: any), so that the embedded store's index file follows (see Store)."""

    @abc.abstractmethod
    def write_batch(self, writes: list[GraphWrite], drop: Iterable[str] = ()) -> set[str]:
        """Drop the graphs in `drop` and the existing graphs of `writes`, then write `writes`
        (article graphs and entity contributions first, commit triples last). Returns the
        entities the dropped graphs referred to: the candidates for `prune_entities`."""

    @abc.abstractmethod
    def drop_graphs(self, graphs: Iterable[str]) -> tuple[list[str], set[str]]:
        """Drop these named graphs; returns (the graphs that existed, the entities they referred to)."""

    @abc.abstractmethod
    def add_to_graph(self, graph_iri: str, graph: Graph) -> None:
        ...

    @abc.abstractmethod
    def load_ontology(self, path: Path) -> None:
        ...

    @abc.abstractmethod
    def query(self, sparql: str, *, substitutions: dict | None = None):
        """A read-only query over the union of all graphs (pyoxigraph result objects)."""

    @abc.abstractmethod
    def dump(self, output, fmt: ox.RdfFormat) -> None:
        ...

    def flush(self) -> None:
        pass

    def side_file(self, name: str) -> Path | None:
        """Where kg may keep a file of its own beside the store's data (None: nowhere)."""
        return None

    def settle(self, articles: int) -> None:
        """After a build that left `articles` articles in the store: time to tidy up storage."""

    def close(self) -> None:
        pass

    # -- shared --------------------------------------------------------------------------------
    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        self.write_batch([GraphWrite(str(graph_iri), graph_ntriples(graph))])

    def source_paths(self, add: Iterable[tuple[str, str]] = (), drop: Iterable[tuple[str, str]] = ()) -> None:
        """Add or drop kg:sourcePath values of article graphs, as (graph IRI, path) pairs: the
        same file in two folders is one article with a path for each (the graph's IRI is the
        article's)."""
        for verb, pairs in (("INSERT", list(add)), ("DELETE", list(drop))):
            for chunk in _chunks(sorted(set(pairs)), 500):
                body = " ".join(f"GRAPH {ox.NamedNode(g)} {{ {ox.NamedNode(g)} <{ONT}sourcePath> {_literal(p)} }}"
                                for g, p in chunk)
                self.update(f"{verb} DATA {{ {body} }}", touches=[g for g, _ in chunk])  # sparql-static: IRIs via ox.NamedNode, paths via ox.Literal

    def remove_article(self, graph_iri: str) -> bool:
        """Drop one article graph (call prune_entities afterwards); False if it was not there."""
        dropped, _ = self.drop_graphs([str(graph_iri)])
        return bool(dropped)

    def count(self, graph_iri: str | None = None) -> int:
        if graph_iri is None:
            q = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        else:
            q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {ox.NamedNode(str(graph_iri))} {{ ?s ?p ?o }} }}"  # sparql-static
        return int(next(iter(self.select(q)))["n"].value)

    def articles(self) -> dict[str, dict[str, str]]:
        """article id -> {graph, hash, path, with}, for the articles whose commit triple is there
        (with: what extracted the graph, kg:extractedWith, "" when the graph predates it)."""
        return self.article_index()[0]

    def article_index(self, paths: Iterable[str] | None = None, ids: Iterable[str] | None = None
                      ) -> tuple[dict[str, dict[str, str]], list[str]]:
        """(articles as `articles()` gives them, graphs left without their commit triple).
        With `paths`/`ids`: only the articles with one of these source paths or ids (indexed
        lookups instead of a scan of every article: re-ingesting one file stays cheap)."""
        def body(path_required: bool) -> str:
            # the bound variable's pattern first: oxigraph then joins from the VALUES
            if path_required:
                return (f"GRAPH ?g {{ ?a <{ONT}sourcePath> ?path . ?a <{ONT}articleId> ?id "
                        f"OPTIONAL {{ ?a <{ONT}contentHash> ?hash }} OPTIONAL {{ ?a <{ONT}extractedWith> ?with }} }}")
            return (f"GRAPH ?g {{ ?a <{ONT}articleId> ?id OPTIONAL {{ ?a <{ONT}sourcePath> ?path }} "
                    f"OPTIONAL {{ ?a <{ONT}contentHash> ?hash }} OPTIONAL {{ ?a <{ONT}extractedWith> ?with }} }}")
        queries = []
        if paths is None and ids is None:
            queries.append(f"SELECT ?g ?id ?hash ?path ?with WHERE {{ {body(False)} }}")  # sparql-static
        else:
            for var, values in (("path", paths), ("id", ids)):
                for chunk in _chunks(sorted(set(values or ())), 300):
                    terms = " ".join(_literal(v) for v in chunk)
                    queries.append(f"SELECT ?g ?id ?hash ?path ?with WHERE {{ VALUES ?{var} {{ {terms} }} "
                                   f"{body(var == 'path')} }}")  # sparql-static
        known: dict[str, dict] = {}
        broken: set[str] = set()
        paths_of: dict[str, set[str]] = {}
        for q in queries:
            for row in self.select(q):
                if row["hash"] is None or row["path"] is None:
                    broken.add(row["g"].value)
                else:
                    known[row["id"].value] = {"graph": row["g"].value, "hash": row["hash"].value,
                                              "with": row["with"].value if row["with"] is not None else ""}
                    paths_of.setdefault(row["id"].value, set()).add(row["path"].value)
        if paths is not None and known:
            # (looked up by one of its paths: its other paths too)
            for row in self.select(f"SELECT ?id ?path WHERE {{ VALUES ?id {{ {' '.join(_literal(i) for i in sorted(known))} }} "
                                   f"GRAPH ?g {{ ?a <{ONT}articleId> ?id ; <{ONT}sourcePath> ?path }} }}"):  # sparql-static
                paths_of.setdefault(row["id"].value, set()).add(row["path"].value)
        for aid, info in known.items():
            info["paths"] = sorted(paths_of[aid])
            info["path"] = info["paths"][0]
        return known, sorted(broken - {v["graph"] for v in known.values()})

    def incomplete(self) -> bool:
        """Are there article graphs without their commit triple? Two counts of one indexed
        pattern each: cheap even on a large store."""
        n = {}
        for prop in ("articleId", "contentHash"):
            q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?a <{ONT}{prop}> ?v }} }}"  # sparql-static
            n[prop] = int(next(iter(self.select(q)))["n"].value)
        return n["articleId"] != n["contentHash"]

    def repair(self, broken: list[str] | None = None) -> list[str]:
        """Drop article graphs left without their commit triple by a build that was killed
        (all of them, or those given); returns their IRIs (their entities are pruned too)."""
        if broken is None:
            broken = self.article_index()[1]
        if broken:
            _, candidates = self.drop_graphs(broken)
            self.prune_entities(candidates)
        return list(broken)

    def referenced_entities(self, graphs: list[str]) -> set[str]:
        """The entities (subjects of kgr:entities) that these graphs refer to."""
        out: set[str] = set()
        for chunk in _chunks(sorted(graphs), 200):
            q = f"""SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {_values(chunk)} }} GRAPH ?g {{ ?s ?p ?e }}
                     FILTER(isIRI(?e)) FILTER EXISTS {{ GRAPH <{_ENT}> {{ ?e ?p2 ?o2 }} }} }}"""  # sparql-static
            out.update(row["e"].value for row in self.select(q))
        return out

    def note_pending(self, entities: Iterable[str]) -> None:
        """List entities to prune, committed before the graphs referring to them are dropped: a
        build killed between the drop and its prune leaves them listed, and the next prune (of
        any build or removal) takes them up, so a re-run converges (tests/test_crash.py). The
        list is a graph of its own (kgr:pending-prune) that the prune empties; an entity is its
        subject, never an object, so it counts as no reference."""
        for chunk in _chunks(sorted(set(entities)), 1000):
            body = " ".join(f"{ox.NamedNode(e)} <{PENDING_PREDICATE}> true ." for e in chunk)
            self.update(f"INSERT DATA {{ GRAPH <{PENDING_GRAPH}> {{ {body} }} }}", touches=())  # sparql-static: IRIs via ox.NamedNode

    def pending(self) -> set[str]:
        """Entities a prune that did not finish left listed (see note_pending)."""
        q = f"SELECT DISTINCT ?e WHERE {{ GRAPH <{PENDING_GRAPH}> {{ ?e <{PENDING_PREDICATE}> ?x }} }}"  # sparql-static
        return {row["e"].value for row in self.select(q)}

    def prune_entities(self, candidates: Iterable[str] | None = None) -> int:
        """Drop entity descriptions that no article graph refers to any more; returns the number
        of triples removed from kgr:entities.

        Without `candidates` every entity is checked; with them (the entities that dropped graphs
        referred to, see `drop_graphs`) only those, which keeps re-ingesting one article cheap.
        Repeated until nothing changes: an entity kept only because another (now dropped) entity
        pointed at it, such as a province reached by schema:containedInPlace, goes in the next
        round."""
        pending = self.pending()
        if candidates is None:
            before = self.count(_ENT)
            n = before
            while True:
                self._prune_once()
                after = self.count(_ENT)
                if after == n:
                    break
                n = after
            if pending:
                self.update(f"DROP SILENT GRAPH <{PENDING_GRAPH}>", touches=())  # sparql-static
            return before - after
        todo = set(candidates) | pending
        removed = 0
        while todo:
            orphans: set[str] = set()
            for chunk in _chunks(sorted(todo), 500):
                q = f"""SELECT DISTINCT ?e WHERE {{ VALUES ?e {{ {_values(chunk)} }}
                         GRAPH <{_ENT}> {{ ?e ?p0 ?o0 }}
                         FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?q ?e }} FILTER(?g != <{_ENT}> && ?g != <{_ONTO}>) }}
                         FILTER NOT EXISTS {{ GRAPH <{_ENT}> {{ ?x ?y ?e }} }} }}"""  # sparql-static
                orphans.update(row["e"].value for row in self.select(q))
            if not orphans:
                break
            todo = set()
            for chunk in _chunks(sorted(orphans), 500):
                vals = _values(chunk)
                for row in self.select(f"""SELECT ?o (COUNT(*) AS ?n) WHERE {{ VALUES ?e {{ {vals} }}
                                          GRAPH <{_ENT}> {{ ?e ?p ?o }} }} GROUP BY ?o"""):  # sparql-static
                    removed += int(row["n"].value)
                    if isinstance(row["o"], ox.NamedNode):
                        todo.add(row["o"].value)
                self.update(f"""DELETE {{ GRAPH <{_ENT}> {{ ?e ?p ?o }} }}
                                WHERE {{ VALUES ?e {{ {vals} }} GRAPH <{_ENT}> {{ ?e ?p ?o }} }}""", touches=())  # sparql-static
            todo -= orphans
        if pending:
            self.update(f"DROP SILENT GRAPH <{PENDING_GRAPH}>", touches=())  # sparql-static
        return removed

    def _prune_once(self) -> None:
        self.update(f"""
            DELETE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e ?p ?o }} }}
            WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e ?p ?o }}
                     FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?q ?e }}
                                          FILTER(?g != <{ENTITIES_GRAPH}> && ?g != <{ONTOLOGY_GRAPH}>) }}
                     FILTER NOT EXISTS {{ GRAPH <{ENTITIES_GRAPH}> {{ ?x ?y ?e }} }} }}""", touches=())  # sparql-static

    def ontology_unchanged(self, path: Path) -> bool:
        """Does kgr:ontology already hold this ontology? (Same size, same triples but for the
        blank nodes' labels.) Cheap: it saves canonicalising the ontology on every build."""
        def plain(s, p, o):
            return not isinstance(s, ox.BlankNode) and not isinstance(o, ox.BlankNode)
        try:
            new = [(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
        except (OSError, SyntaxError):
            return False
        q = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{_ONTO}> {{ ?s ?p ?o }} }}"  # sparql-static
        rows = [(r["s"], r["p"], r["o"]) for r in self.select(q)]
        return len(rows) == len(set(new)) and {t for t in rows if plain(*t)} == {t for t in new if plain(*t)}

    def entity_count(self) -> int:
        q = f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH <{_ENT}> {{ ?e a ?c }} }}"  # sparql-static
        return int(next(iter(self.select(q)))["n"].value)


#: bytes of write-ahead logs left after a build above which closing the store purges them
PURGE_LOG_BYTES = 64 * 1024 * 1024
#: RocksDB's old info logs (LOG.old.*, ~140 kB each, one per opening for writing) kept
KEEP_INFO_LOGS = 3


def _purge_logs(path: Path) -> None:
    """RocksDB deletes a write-ahead log made obsolete by a flush only when the store is next
    opened: after a large replacement (a --force rebuild) the store's folder held 560 MB of
    them until the next command. Opening it once more now (0.2 s) lets RocksDB delete them;
    only done when the logs are large. Its diagnostic logs of earlier openings (LOG.old.*,
    never read by RocksDB) are kept to the last few."""
    try:
        size = sum(e.stat().st_size for e in os.scandir(path) if e.name.endswith(".log"))
        if size > PURGE_LOG_BYTES:
            try:
                ox.Store(str(path))         # (dropped at once: the handle is not kept)
            except OSError:                 # (still open elsewhere in this process, say: no harm)
                pass
        old = sorted(e.path for e in os.scandir(path) if e.name.startswith("LOG.old."))
        for f in old[:-KEEP_INFO_LOGS]:
            os.unlink(f)
    except OSError:
        return


def _rocks_files(path: Path) -> list[list]:
    """RocksDB's files in the store's folder, by name and size (not its LOG files, nor kg's own):
    any write changes them (a new WAL or SST file, a grown one), and so does any opening for
    writing; closing the store after a flush does not."""
    try:
        return sorted([e.name, e.stat().st_size] for e in os.scandir(path)
                      if e.is_file() and not e.name.startswith(("LOG", "kg-")) and not e.name.endswith(".tmp"))
    except OSError:
        return []


def canonical_ontology(path: Path) -> bytes:
    """ontology/kg.ttl as N-Triples whose blank nodes (owl:unionOf lists) have canonical labels
    (rdflib.compare), so the same ontology always gives the same quads and exports."""
    from rdflib.compare import to_canonical_graph

    g = Graph()
    for t in to_canonical_graph(Graph().parse(path, format="turtle")):
        g.add(t)
    return g.serialize(format="nt", encoding="utf-8")


class Store(Backend):
    """The embedded store (pyoxigraph on RocksDB). `Store(url)` with an http(s):// URL gives a
    `kg.remote.RemoteStore` instead, so callers that only say Store(args.store) work with both."""

    #: write the new graphs of batches of at least this many articles with pyoxigraph's bulk
    #: loader (SST files ingested, no transaction: ~3x faster than `load`, see docs/scale.md)
    bulk_min = 16
    #: quads per bulk-loader call: well under the loader's own chunk size (100k quads per
    #: thread), so that each call is a single ingestion
    bulk_quads = 50_000
    bulk_written = 0           # articles bulk-loaded or replaced since the last `settle`
    # the article index as the store holds it (see INDEX_FILE), the article graphs written since
    # it was read (None: unknown, an arbitrary update), and whether this session has written
    _index: dict | None = None
    _touched: set[str] | None = None
    _writing = False
    _files_at_open: list | None = None
    _on_disk = False           # is kg-index.json what _index says (read from it, or written)?

    def __new__(cls, path: str | os.PathLike | None = None, *args, **kwargs):
        if cls is Store:
            spec = store_spec(path)
            if is_remote(spec):
                from .remote import RemoteStore
                return RemoteStore(spec, read_only=kwargs.get("read_only", False))
        return super().__new__(cls)

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False):
        self.path = store_path(path)
        self.read_only = read_only
        if read_only:
            if not self.path.exists():
                raise StoreError(f"no store at {self.path}: run `kg build` first (or pass --store)")
            if not self.path.is_dir():
                raise StoreError(f"no store at {self.path}: it is a file; --store names a store's folder")
            if not _is_store(self.path):
                raise StoreError(f"no store at {self.path}: the folder holds no kg store "
                                 f"(run `kg build` with --store naming a new or empty folder)")
            # (a build writing the store meanwhile deletes RocksDB's old log files: one may go
            # between RocksDB listing and opening it; the next try sees the files as they are)
            for attempt in range(5):
                try:
                    self.ox = ox.Store.read_only(str(self.path))
                    break
                except OSError as exc:
                    if "No such file or directory" not in str(exc):
                        raise StoreError(f"cannot open store {self.path}: {exc}") from exc
                    if attempt == 4:
                        raise StoreError(f"cannot open store {self.path}: its files changed while it was being "
                                         f"opened (a kg build writing it?); try again: {exc}") from exc
                    time.sleep(0.05 * (attempt + 1))
        else:
            if self.path.is_dir() and not _is_store(self.path):
                # a build must never mix a database into a folder of the user's files (the input
                # folder given as the store, say): deleting the store would delete them
                other = sorted(p.name for p in self.path.iterdir())
                if other:
                    raise StoreError(f"{self.path} is not a kg store and is not empty (it holds "
                                     f"{', '.join(other[:3])}{' …' if len(other) > 3 else ''}): "
                                     f"pass --store a new or empty folder")
            if self.path.exists() and not self.path.is_dir():
                raise StoreError(f"cannot create store {self.path}: it is a file, not a folder (pass --store a folder)")
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:              # no permission
                raise StoreError(f"cannot create store {self.path}: {exc.strerror or exc}") from exc
            try:
                # (RocksDB's files as they were before this open: what kg-index.stamp is checked against)
                self._files_at_open = _rocks_files(self.path)
                self.ox = ox.Store(str(self.path))
            except OSError as exc:
                # (RocksDB says which: a lock another writer holds, or a folder that cannot be written)
                hint = ("it cannot be written here: read-only file system or no permission; kg query, stats, "
                        "export, viz and validate still read it" if re.search(r"Read-only file system|Permission denied", str(exc))
                        else "is another kg process using it?")
                raise StoreError(f"cannot open store {self.path} ({hint}): {exc}") from exc

    @classmethod
    def memory(cls) -> "Store":
        self = object.__new__(cls)
        self.path = None
        self.read_only = False
        self.ox = ox.Store()
        return self

    # -- primitives ----------------------------------------------------------------------------
    def select(self, sparql: str):
        return self.ox.query(sparql)

    def update(self, sparql: str, *, touches: Iterable[str] | None = None) -> None:
        self._before_write(touches)
        self.ox.update(sparql)

    def drop_graphs(self, graphs: Iterable[str]) -> tuple[list[str], set[str]]:
        existing = [g for g in dict.fromkeys(str(g) for g in graphs)
                    if self.ox.contains_named_graph(ox.NamedNode(g))]
        if not existing:
            return [], set()
        self._before_write(existing)
        candidates = self.referenced_entities(existing)
        self.note_pending(candidates)
        for g in existing:
            self.ox.remove_graph(ox.NamedNode(g))
        return existing, candidates

    def write_batch(self, writes: list[GraphWrite], drop: Iterable[str] = ()) -> set[str]:
        """Write a batch so that a kill at any moment loses no committed article and leaves none
        half-written: new graphs (with their commit triples) arrive in one transactional `load`;
        graphs that already exist are replaced in one SPARQL Update (drop and insert together);
        graphs only dropped (an article whose file changed got a new id) go last, after their
        successors are in."""
        existing = {g for g in dict.fromkeys(w.graph for w in writes) if self.ox.contains_named_graph(ox.NamedNode(g))}
        dropped = [g for g in dict.fromkeys(str(g) for g in drop)
                   if g not in existing and self.ox.contains_named_graph(ox.NamedNode(g))]
        self._before_write([*(w.graph for w in writes), *dropped])
        candidates = self.referenced_entities([*existing, *dropped]) if existing or dropped else set()
        self.note_pending(candidates)
        entities = ntriples_to_nquads(merge_lines(w.entities for w in writes), _ENT)
        fresh = [w for w in writes if w.graph not in existing]
        if len(fresh) >= self.bulk_min:
            for part in self._bulk_parts(entities, fresh):
                self.ox.bulk_load(part, format=ox.RdfFormat.N_QUADS)
            self.bulk_written += len(fresh)
        else:
            data = entities + b"".join(ntriples_to_nquads((w.triples or b"") + (w.commit or b""), w.graph)
                                       for w in fresh)
            if data:
                self.ox.load(data, format=ox.RdfFormat.N_QUADS)
        replaced = [w for w in writes if w.graph in existing]
        if replaced:
            update = "".join(f"DROP SILENT GRAPH {ox.NamedNode(w.graph)} ;\n" for w in replaced)
            body = b"".join(f"GRAPH {ox.NamedNode(w.graph)} {{\n".encode() + (w.triples or b"") + (w.commit or b"")
                            + b"}\n" for w in replaced)
            self.ox.update(update + "INSERT DATA {\n" + body.decode("utf-8") + "}")  # sparql-static: IRIs via ox.NamedNode
            # (a graph replaced leaves its old version in RocksDB's files until a compaction: a
            # --force rebuild of 3,000 articles left the store at 2x, then 5x with its log)
            self.bulk_written += len(replaced)
        for g in dropped:
            self.ox.remove_graph(ox.NamedNode(g))
        return candidates

    def _bulk_parts(self, entities: bytes, fresh: list[GraphWrite]):
        """The batch as bulk-loader inputs of at most `bulk_quads` quads, whole articles each
        (commit triple last), the entity contributions first. pyoxigraph's bulk loader turns an
        input this small into one set of SST files ingested by one RocksDB call, which commits
        all column families together: a kill leaves each part entirely in or entirely out, so
        no article is ever half-written (tests/test_crash.py)."""
        part, size = [entities] if entities else [], entities.count(b"\n")
        for w in fresh:
            data = ntriples_to_nquads((w.triples or b"") + (w.commit or b""), w.graph)
            n = data.count(b"\n")
            if part and size + n > self.bulk_quads:
                yield b"".join(part)
                part, size = [], 0
            part.append(data)
            size += n
        if part:
            yield b"".join(part)

    def add_to_graph(self, graph_iri: str, graph: Graph) -> None:
        self._before_write([str(graph_iri)])
        data = graph.serialize(format="nt", encoding="utf-8")
        self.ox.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(graph_iri)))

    def load_ontology(self, path: Path) -> None:
        """Copy the ontology into its named graph, with canonical blank node labels inserted as
        such (Store.load would rename them at random). Nothing is written when it is unchanged."""
        if self.ontology_unchanged(path):
            return
        name = ox.NamedNode(str(ONTOLOGY_GRAPH))
        data = canonical_ontology(path)
        quads = [ox.Quad(t.subject, t.predicate, t.object, name)
                 for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=False)]
        if set(self.ox.quads_for_pattern(None, None, None, name)) == set(quads):
            return
        if self.ox.contains_named_graph(name):
            self.ox.remove_graph(name)
        self.ox.extend(quads)

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self.ox.flush()
            self._save_index()

    def settle(self, articles: int) -> None:
        if self.path is None or self.read_only or not self.bulk_written:
            return
        # bulk-loaded SST files overlap one another until RocksDB compacts them, and every read
        # pays for that (the CQ queries ran 2x slower at 1M triples), and replaced graphs keep
        # their old versions on disk until then; compacting costs ~1 s per million quads, so
        # only when this session bulk-loaded or replaced a tenth of the store or more
        if self.bulk_written * 10 >= articles:
            try:
                self.ox.optimize()
            except OSError as exc:     # e.g. no disk space for the compacted files: the data is
                log.warning("could not compact the store %s (queries stay slower until a later "
                            "build compacts it): %s", self.path, exc)   # committed, the build is fine
        self.bulk_written = 0

    def side_file(self, name: str) -> Path | None:
        # RocksDB ignores files it did not write; the folder is never walked for articles
        return self.path / name if self.path is not None and not self.read_only else None

    def close(self) -> None:
        """Release the store (and its RocksDB lock); the object is unusable afterwards."""
        if getattr(self, "ox", None) is not None:
            self.flush()
            self.ox = None
            if self.path is not None and not self.read_only:
                _purge_logs(self.path)
            # RocksDB is closed (its background work done or stopped): its files are now as the
            # next opening will find them, and kg-index.json describes that store, if it is there
            # (a process that ends without closing leaves no stamp: the next build reads the store)
            f = self.side_file(INDEX_FILE)
            if f is not None and self._index is not None and not self._writing and self._on_disk:
                self._write_side(self.path / INDEX_STAMP, _rocks_files(self.path))

    # -- reading -------------------------------------------------------------------------------
    def count(self, graph_iri: str | None = None) -> int:
        if graph_iri is None:
            return len(self.ox)
        return super().count(graph_iri)

    def article_index(self, paths=None, ids=None):
        if paths is not None or ids is not None:
            return super().article_index(paths, ids)
        # (only a store on disk keeps it: the memory store's writes do not say what they change)
        kept = self.side_file(INDEX_FILE) is not None
        if kept and not self._writing:
            if self._index is None:
                self._index = self._load_index()
                self._on_disk = self._index is not None
            if self._index is not None:
                # (callers change the dict they get: they get their own)
                return {k: dict(v) for k, v in self._index.items()}, []
        known, broken = self._scan_index()
        if kept and not self._writing and not broken:
            self._index, self._on_disk = {k: dict(v) for k, v in known.items()}, False
        return known, broken

    def _scan_index(self):
        # every article: three one-pattern scans joined here are several times faster on a
        # large store than the three-way join in SPARQL
        def scan(prop: str) -> dict[str, str]:
            q = f"SELECT ?g ?v WHERE {{ GRAPH ?g {{ ?a <{ONT}{prop}> ?v }} }}"  # sparql-static
            return {g.value: v.value for g, v in self.select(q)}
        paths_: dict[str, list[str]] = {}
        # (the same file in two folders is one article with a source path for each)
        for g, v in self.select(f"SELECT ?g ?v WHERE {{ GRAPH ?g {{ ?a <{ONT}sourcePath> ?v }} }}"):  # sparql-static
            paths_.setdefault(g.value, []).append(v.value)
        hashes = scan("contentHash")
        complete = not self.incomplete()
        with_ = self._extracted_with(hashes, complete)
        # (article_iri("") is ".../article/_": the prefix is the IRI of an id less its last character)
        prefix = str(article_iri("0"))[:-1]
        if complete and all(g.startswith(prefix) and _ARTICLE_ID.fullmatch(g, len(prefix)) for g in hashes):
            # every article graph is complete and named kgr:article/<id> (kg.rdf mints no other):
            # the ids are in the graph names, a third scan would only repeat them
            ids_ = {g: g[len(prefix):] for g in hashes}
        else:
            ids_ = scan("articleId")
        for ps in paths_.values():              # (one path nearly always: nothing to sort)
            if len(ps) > 1:
                ps.sort()
        known = {aid: {"graph": g, "hash": hashes[g], "path": paths_[g][0], "paths": paths_[g],
                       "with": with_.get(g, "")}
                 for g, aid in ids_.items() if g in hashes and g in paths_}
        return known, sorted(g for g in ids_ if g not in hashes)

    # -- the article index file -------------------------------------------------------------
    # Reading the index of 10,000 articles out of the store takes 0.2-0.4 s (each hash and path
    # is a RocksDB lookup), a third of `kg build FOLDER` when one file changed. The index is
    # kept in a side file instead, which every write deletes before it writes (a killed build
    # leaves none, and the next build reads the store) and `flush` writes again, updated with
    # the graphs written since it was read. It is trusted only while the store's counts of
    # articles, hashes, paths and extractor stamps match it, so a store written by anything else
    # (an older kg) is read again.

    def _before_write(self, graphs: Iterable[str] | None) -> None:
        f = self.side_file(INDEX_FILE)
        if f is None:
            return
        if not self._writing:
            if self._index is None:
                self._index = self._load_index()      # (what the store holds before this write)
            if self._index is None:
                # (no index file, or one not the store's: read the store once, so that this write's
                # flush writes the file again and later builds need not read the store)
                known, broken = self._scan_index()
                self._index = None if broken else {k: dict(v) for k, v in known.items()}
            self._on_disk = False
            for name in (INDEX_STAMP, INDEX_FILE):       # (the stamp first: without it the file is not read)
                try:
                    (self.path / name).unlink()
                except FileNotFoundError:
                    pass
            self._writing, self._touched = True, set()
        if graphs is None:
            self._touched = None
        elif self._touched is not None:
            self._touched.update(str(g) for g in graphs)

    def _counts(self) -> list[int]:
        out = []
        for prop in ("articleId", "contentHash", "sourcePath", "extractedWith"):
            q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?a <{ONT}{prop}> ?v }} }}"  # sparql-static
            out.append(int(next(iter(self.select(q)))["n"].value))
        return out

    @staticmethod
    def _expected_counts(index: dict) -> list[int]:
        return [len(index), len(index), sum(len(v["paths"]) for v in index.values()),
                sum(1 for v in index.values() if v["with"])]

    def _load_index(self) -> dict | None:
        f = self.side_file(INDEX_FILE)
        if f is None:
            return None
        try:
            data = json.loads(f.read_bytes())
            # (a store some other program opened for writing since: its files are not the stamp's)
            stamp = json.loads((self.path / INDEX_STAMP).read_bytes())
            if not isinstance(data, dict) or data.get("version") != _INDEX_VERSION \
                    or stamp != self._files_at_open:
                return self._reject(f)
            prefix, withs = data["prefix"], data["with"]
            index = {}
            for aid, g, h, w, ps in data["articles"]:
                if not (isinstance(aid, str) and isinstance(h, str) and isinstance(w, int) and isinstance(ps, list)
                        and ps and all(isinstance(x, str) for x in ps) and (g is None or isinstance(g, str))):
                    return self._reject(f)
                index[aid] = {"graph": g or prefix + aid, "hash": h, "with": withs[w] if w >= 0 else "",
                              "path": ps[0], "paths": ps}
        except FileNotFoundError:
            if f.exists() or any(self._counts()):
                return self._reject(f)
            return {}                                   # (a new store: its index is empty)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
            log.debug("ignoring the article index file %s: %s", f, exc)
            return self._reject(f)
        return index if self._counts() == self._expected_counts(index) else self._reject(f)

    def _reject(self, f: Path) -> None:
        """A file that is not the store's index goes (a later match of its counts must not revive it)."""
        for name in (INDEX_STAMP, f.name):
            try:
                (self.path / name).unlink()
            except OSError:
                pass
        return None

    def _save_index(self) -> None:
        f = self.side_file(INDEX_FILE)
        if f is None or self._index is None:
            return
        if not self._writing and self._on_disk:
            return
        # (on a copy: if a lookup below fails, the index in memory is not left half updated)
        index, touched = dict(self._index), (self._touched if self._writing else set())
        self._index, self._writing, self._touched = None, False, None
        prefix = str(article_iri("0"))[:-1]
        if touched is not None:
            ids = set()
            for g in touched:
                if g.startswith(prefix) and _ARTICLE_ID.fullmatch(g, len(prefix)):
                    ids.add(g[len(prefix):])
                elif g not in (_ENT, _ONTO, PENDING_GRAPH):
                    touched = None                     # a graph that is not an article's: unknown
                    break
        if touched is None:
            self._index = None
            return
        if len(ids) > 300:                              # (a large build: one scan is cheaper)
            index, broken = self._scan_index()
        else:
            for aid in ids:
                index.pop(aid, None)
            fresh, broken = super().article_index(ids=sorted(ids)) if ids else ({}, [])
            index.update(fresh)
        counts = self._counts()
        if broken or counts != self._expected_counts(index):
            return                                     # (the next full index reads the store)
        self._index = index
        withs = sorted({v["with"] for v in index.values() if v["with"]})
        at = {w: i for i, w in enumerate(withs)}
        data = {"version": _INDEX_VERSION, "prefix": prefix, "with": withs,
                "articles": [[aid, None if v["graph"] == prefix + aid else v["graph"], v["hash"],
                              at.get(v["with"], -1), v["paths"]] for aid, v in sorted(index.items())]}
        self._write_side(f, data)
        self._on_disk = f.exists()

    @staticmethod
    def _write_side(f: Path, data) -> None:
        tmp = f.with_name(f.name + ".tmp")
        try:
            tmp.write_text(json.dumps(data, ensure_ascii=True, separators=(",", ":")), encoding="ascii")
            os.replace(tmp, f)
        except (OSError, ValueError) as exc:          # a full disk: the next build reads the store
            log.debug("could not write %s: %s", f, exc)
            try:
                tmp.unlink()
            except OSError:
                pass

    def _extracted_with(self, graphs: dict[str, str], complete: bool) -> dict[str, str]:
        """graph -> kg:extractedWith. Nearly always one value for every article: counts say so
        without reading 10k strings out of the store (each a RocksDB lookup, ~40 ms at 10k)."""
        q = (f"SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?v) AS ?d) (SAMPLE(?v) AS ?one) "
             f"WHERE {{ GRAPH ?g {{ ?a <{ONT}extractedWith> ?v }} }}")  # sparql-static
        row = next(iter(self.select(q)))
        # one value, as many as the complete articles: an article graph holds at most one (it has
        # one value), and every graph that has it is complete, so each article has it
        if complete and int(row["d"].value) == 1 and int(row["n"].value) == len(graphs):
            return dict.fromkeys(graphs, row["one"].value)
        q = f"SELECT ?g ?v WHERE {{ GRAPH ?g {{ ?a <{ONT}extractedWith> ?v }} }}"  # sparql-static
        return {g.value: v.value for g, v in self.select(q)}

    def query(self, sparql: str, *, substitutions: dict | None = None):
        check_read_only(sparql)
        try:
            return self.ox.query(sparql, use_default_graph_as_union=not has_dataset_clause(sparql), prefixes=PREFIXES,
                                 substitutions=substitutions)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax error: {_syntax_message(sparql, exc)}") from exc

    def dump(self, output, fmt: ox.RdfFormat) -> None:
        self.ox.dump(output, format=fmt)


EmbeddedStore = Store
