"""Run read-only SPARQL queries where they can be stopped: a pool of worker processes.

Neither rdflib's nor pyoxigraph's query API has a timeout, and a pyoxigraph query runs in Rust
without returning to Python until it is done, so a thread cannot interrupt it. Each query here
runs in a separate worker process that opened the store with ``pyoxigraph.Store.read_only``;
when a query passes its time limit the worker is killed (SIGKILL), the caller gets
`QueryTimeout`, and a fresh worker is started in the background (about 0.2 s).

Workers are fresh interpreters (``python -c``, like multiprocessing's ``spawn``, but without
re-importing the caller's ``__main__``, which breaks for stdin scripts and re-runs scripts that
lack a main guard); they talk to the pool over a socketpair with multiprocessing's
``Connection``, ignore SIGINT (Ctrl-C is the parent's to handle) and ask the kernel to kill
them when the pool's launcher thread goes away (``PR_SET_PDEATHSIG``), so a runaway query never
outlives the server, even one killed with SIGKILL.

Read-only opening (checked with pyoxigraph 0.5 on this machine): RocksDB's read-only mode takes
no lock, so any number of workers can open the same store at once, and a read-write process
(``kg build``) can still open it. The parent process holds nothing open. A read-only instance
sees the store as it was when it was opened, and pyoxigraph documents reading while another
process writes as undefined behaviour: restart the pool (``kg serve``) after ``kg build``.

Defences, each independent of the others:

* the query text is checked twice before it reaches a worker: `kg.store.check_read_only` and a
  one-pass lexer of our own (`check_query`) that skips comments, strings and IRIs exactly the
  way the SPARQL grammar delimits them, so a keyword cannot be hidden from one check by text
  the other misreads (``# \"\"\"`` in a comment, for instance); SERVICE, LOAD and every update
  keyword are refused;
* workers only ever call ``Store.query`` on a read-only store: SPARQL Update cannot run there;
* pyoxigraph *does* make HTTP requests for ``SERVICE <http://...>`` (measured: it connects to a
  local listener), so where the kernel allows it each worker moves itself into a new, empty
  network namespace before opening the store (``unshare(CLONE_NEWNET)``, with a user namespace
  when not privileged): there is no network interface to reach, not even loopback.
  `QueryPool.isolated` says whether that worked;
* a row cap: at most ``max_rows`` solutions (or triples) are read; ``truncated`` says more
  were available;
* optionally an address-space limit per worker (``memory_limit``, RLIMIT_AS): a query that
  tries to sort a cross join dies instead of swapping the machine; the caller gets
  `QueryFailed` and the worker is replaced.

Results are serialised in the worker with pyoxigraph's own writers: SPARQL JSON is written
here from the first ``max_rows`` solutions (a solution stream cannot be cut short and still be
serialised by pyoxigraph), then XML, CSV and TSV are produced by pyoxigraph from that JSON;
graphs are written with ``pyoxigraph.serialize``.

API::

    run_query(store_path, sparql, timeout=10, max_rows=10000, result_format=None)
        -> (content_type, body: bytes, truncated: bool)

    with QueryPool(store_path, workers=2) as pool:
        r = pool.run(sparql, timeout=10, max_rows=10000, result_format=["text/csv", "*/*"])
        r.content_type, r.body, r.truncated, r.kind, r.rows, r.seconds

``result_format`` is a short name (json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml), a
media type, or a list of those in order of preference (an HTTP Accept header, parsed); the first
one that suits the query form is used, else the form's default (SPARQL JSON for SELECT/ASK,
Turtle for CONSTRUCT/DESCRIBE), unless ``strict=True``, which raises `NotAcceptable` instead.
Errors are `kg.store.StoreError` subclasses: `QueryRefused`, `QuerySyntaxError`,
`QueryTimeout`, `QueryBusy`, `QueryFailed`, `NotAcceptable`.
"""
from __future__ import annotations

import atexit
import json
import logging
import os
import queue
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .sparql_text import code_only, projection_order
from .store import StoreError

log = logging.getLogger(__name__)

__all__ = ["run_query", "QueryPool", "QueryResult", "check_query", "SandboxError", "QueryRefused",
           "QuerySyntaxError", "QueryTimeout", "QueryBusy", "QueryFailed", "NotAcceptable",
           "SELECT_FORMATS", "GRAPH_FORMATS"]


class SandboxError(StoreError):
    pass


class QueryRefused(SandboxError):
    """SERVICE, LOAD or SPARQL Update: never run."""


class QuerySyntaxError(SandboxError):
    pass


class QueryTimeout(SandboxError):
    pass


class QueryBusy(SandboxError):
    """No worker became free within the time limit."""


class QueryFailed(SandboxError):
    """The worker died (out of memory?) or the store could not be read."""


class NotAcceptable(SandboxError):
    pass


# ----------------------------------------------------------------------------- formats

# name -> (media type, pyoxigraph format name); the first of each table is the default
SELECT_FORMATS: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS: dict[str, str] = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
_ALIASES = {
    "select": {"json": "json", "srj": "json", "application/sparql-results+json": "json",
               "application/json": "json", "xml": "xml", "srx": "xml",
               "application/sparql-results+xml": "xml", "application/xml": "xml",
               "text/xml": "xml", "csv": "csv", "text/csv": "csv", "tsv": "tsv",
               "text/tab-separated-values": "tsv"},
    "graph": {"turtle": "turtle", "ttl": "turtle", "text/turtle": "turtle",
              "application/x-turtle": "turtle", "ntriples": "ntriples", "nt": "ntriples",
              "n-triples": "ntriples", "application/n-triples": "ntriples",
              "jsonld": "jsonld", "json-ld": "jsonld", "application/ld+json": "jsonld",
              "json": "jsonld", "application/json": "jsonld", "rdfxml": "rdfxml",
              "xml": "rdfxml", "application/rdf+xml": "rdfxml", "application/xml": "rdfxml",
              "text/xml": "rdfxml", "text/plain": "ntriples"},
}


def choose_format(kind: str, wanted: str | Sequence[str] | None, strict: bool = False) -> str:
    """The short format name for a result of `kind` ("select", "ask" or "graph")."""
    table = GRAPH_FORMATS if kind == "graph" else SELECT_FORMATS
    aliases = _ALIASES["graph" if kind == "graph" else "select"]
    default = next(iter(table))
    if wanted is None:
        return default
    if isinstance(wanted, str):
        wanted = [wanted]
    for w in wanted:
        w = w.strip().lower()
        if w in aliases:
            return aliases[w]
        if w in ("*/*", "*"):
            return default
        if w.endswith("/*"):
            major = w[:-1]
            if table[default].startswith(major):
                return default
            for name, media in table.items():
                if media.startswith(major):
                    return name
    if strict:
        article = "an" if kind == "ask" else "a"
        raise NotAcceptable(f"no format among {', '.join(wanted)} for {article} {kind.upper()} result; "
                            f"available: {', '.join(table)} ({', '.join(table.values())})")
    return default


def content_type(media: str) -> str:
    return media + "; charset=utf-8" if media.startswith("text/") else media


# ----------------------------------------------------------------------------- query checks

_NETWORK = re.compile(r"\b(SERVICE|LOAD)\b", re.IGNORECASE)
_UPDATE_WORDS = re.compile(r"\b(INSERT|DELETE|DROP|CLEAR|CREATE|ADD|MOVE|COPY|WITH|USING)\b",
                           re.IGNORECASE)
# an update keyword as part of a prefixed name or variable (ex:INSERT, ?delete) is not a keyword
_NAME_CHAR = re.compile(r"[\w:?$\-.]")


def check_query(query: str) -> None:
    """Raise QueryRefused for SERVICE, LOAD or any SPARQL Update; kg.store's check runs too."""
    from .store import check_read_only
    try:
        check_read_only(query)
    except StoreError as exc:
        raise QueryRefused(str(exc)) from None
    bare = code_only(query)
    for m in _NETWORK.finditer(bare):
        # a variable (?service) or the local part of a prefixed name (schema:Service, ex:load) is
        # never the keyword; SERVICE:x is refused, the parser reads it as SERVICE :x
        if _before(bare, m) not in "?$:":
            raise QueryRefused(f"queries may not use {m.group(1).upper()}: "
                               "kg never reaches the network")
    for m in _UPDATE_WORDS.finditer(bare):
        after = bare[m.end()] if m.end() < len(bare) else " "
        if not _NAME_CHAR.match(_before(bare, m)) and after != ":":
            raise QueryRefused("this is a read-only endpoint: SPARQL Update "
                               f"({m.group(1).upper()}) is refused")


def _before(text: str, m: re.Match) -> str:
    return text[m.start() - 1] if m.start() else " "


# ----------------------------------------------------------------------------- the worker

def _isolate_network() -> str:
    """Move this (single-threaded) process into an empty network namespace; say how."""
    import ctypes
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return "off (no libc)"
    CLONE_NEWUSER, CLONE_NEWNET = 0x10000000, 0x40000000
    if libc.unshare(CLONE_NEWNET) == 0:
        return "on (network namespace)"
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0:
        return "on (user + network namespace)"
    return f"off ({os.strerror(ctypes.get_errno())})"


def _term_json(t) -> dict:
    import pyoxigraph as ox
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
            d = getattr(t, "direction", None)
            if d is not None:
                out["its:dir"] = str(d)
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = t.datatype.value
        return out
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(t.subject),
                                            "predicate": _term_json(t.predicate),
                                            "object": _term_json(t.object)}}
    raise TypeError(f"unexpected term {t!r}")


def _execute(store, job: dict) -> tuple:
    import pyoxigraph as ox
    kwargs = {"prefixes": job.get("prefixes") or None}
    from .store import has_dataset_clause
    default_graphs, named_graphs = job.get("default_graphs") or [], job.get("named_graphs") or []
    if default_graphs or named_graphs:
        # the protocol's dataset is exactly what it names (SPARQL 1.1 Protocol 2.1.4): named graphs
        # alone leave the default graph empty, default graphs alone leave no named graphs
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    elif not has_dataset_clause(job["query"]):      # FROM <g> in the query: that graph
        kwargs["use_default_graph_as_union"] = True
    max_rows = job["max_rows"]
    result = store.query(job["query"], **kwargs)
    if isinstance(result, ox.QueryBoolean):
        fmt = choose_format("ask", job.get("formats"), job.get("strict", False))
        qf = getattr(ox.QueryResultsFormat, fmt.upper())
        return ("ok", "ask", SELECT_FORMATS[fmt], result.serialize(format=qf), False, 1)
    if isinstance(result, ox.QuerySolutions):
        fmt = choose_format("select", job.get("formats"), job.get("strict", False))
        engine_order = [v.value for v in result.variables]
        variables = projection_order(job["query"], engine_order)
        bindings, truncated = [], False
        for sol in result:
            if len(bindings) >= max_rows:
                truncated = True
                break
            row = {}
            for name, term in zip(engine_order, sol):
                if term is not None:
                    row[name] = _term_json(term)
            bindings.append(row)
        doc = {"head": {"vars": variables}, "results": {"bindings": bindings}}
        body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if fmt != "json":
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            body = parsed.serialize(format=getattr(ox.QueryResultsFormat, fmt.upper()))
        return ("ok", "select", SELECT_FORMATS[fmt], body, truncated, len(bindings))
    # CONSTRUCT / DESCRIBE
    fmt = choose_format("graph", job.get("formats"), job.get("strict", False))
    triples, truncated = [], False
    for t in result:
        if len(triples) >= max_rows:
            truncated = True
            break
        triples.append(t)
    rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                  "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}[fmt]
    prefixes = job.get("prefixes") if fmt in ("turtle", "rdfxml") else None
    body = ox.serialize(triples, format=rdf_format, prefixes=prefixes or None)
    return ("ok", "graph", GRAPH_FORMATS[fmt], body, truncated, len(triples))


def _worker_entry() -> None:
    """``python -c`` entry point: argv = [root, fd, store path, isolate 0/1, memory limit,
    in-memory 0/1]."""
    import sys
    from multiprocessing.connection import Connection
    _, _, fd, store_path, isolate, memory_limit, in_memory = sys.argv
    _worker_main(Connection(int(fd)), store_path, isolate == "1", int(memory_limit) or None, in_memory == "1")


def _die_with_parent() -> None:
    import ctypes
    import signal
    try:
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _open_in_memory(store_path: str):
    """The store's quads copied into pyoxigraph's memory store: the same engine without
    RocksDB, several times faster on queries that touch many triples (docs/scale.md), at the
    price of holding the whole dataset in each worker."""
    import io

    import pyoxigraph as ox
    disk = ox.Store.read_only(store_path)
    buf = io.BytesIO()
    disk.dump(buf, format=ox.RdfFormat.N_QUADS)
    del disk
    store = ox.Store()
    # (the loader gives blank nodes new labels: only the ontology graph's owl:unionOf lists
    # have any, and a query sees the same, isomorphic data)
    store.load(buf.getvalue(), format=ox.RdfFormat.N_QUADS)
    return store


def _worker_main(conn, store_path: str, isolate: bool, memory_limit: int | None,
                 in_memory: bool = False) -> None:
    """One worker: isolate, open the store read-only (or copy it into memory), then answer
    jobs until the pipe closes."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)       # Ctrl-C is the parent's business
    _die_with_parent()
    isolation = _isolate_network() if isolate else "off (disabled)"
    if memory_limit:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    try:
        import pyoxigraph as ox
        store = _open_in_memory(store_path) if in_memory else ox.Store.read_only(store_path)
    except MemoryError:
        conn.send(("fatal", f"the store {store_path} does not fit in a worker's memory limit"))
        return
    except BaseException as exc:                       # noqa: BLE001 - reported to the parent
        conn.send(("fatal", f"cannot open store {store_path}: {exc}"))
        return
    conn.send(("ready", isolation))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if job is None:
            return
        try:
            check_query(job["query"])
            reply = _execute(store, job)
        except QueryRefused as exc:
            reply = ("refused", str(exc))
        except NotAcceptable as exc:
            reply = ("not_acceptable", str(exc))
        except SyntaxError as exc:
            reply = ("syntax", str(exc))
        except MemoryError:
            reply = ("error", "the query ran out of memory")
        except Exception as exc:                       # noqa: BLE001 - reported to the parent
            reply = ("error", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (OSError, ValueError) as exc:           # e.g. a result too large to pickle
            conn.send(("error", f"cannot send the result: {exc}"))


# ----------------------------------------------------------------------------- the pool

@dataclass
class QueryResult:
    content_type: str
    body: bytes
    truncated: bool
    kind: str            # "select", "ask" or "graph"
    rows: int            # solutions or triples in body
    seconds: float


class _Worker:
    """A worker process (``python -c``, not multiprocessing: a spawned multiprocessing child
    re-imports the parent's ``__main__``, which breaks for stdin scripts and re-runs scripts
    without a main guard) talking over a socketpair with multiprocessing's Connection."""

    def __init__(self, proc, conn):
        self.proc = proc
        self.conn = conn
        self.isolation = ""

    @classmethod
    def launch(cls, store_path: str, isolate: bool, memory_limit: int | None,
               in_memory: bool = False) -> "_Worker":
        import socket
        import subprocess
        import sys
        from multiprocessing.connection import Connection

        ours, theirs = socket.socketpair()
        root = str(Path(__file__).resolve().parents[1])        # where the kg package lives
        code = ("import sys; sys.path.insert(0, sys.argv[1]); "
                "from kg.sandbox import _worker_entry; _worker_entry()")
        args = [sys.executable, "-c", code, root, str(theirs.fileno()), store_path,
                "1" if isolate else "0", str(memory_limit or 0), "1" if in_memory else "0"]
        try:
            proc = subprocess.Popen(args, pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, close_fds=True)
        finally:
            theirs.close()
        return cls(proc, Connection(ours.detach()))

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.wait(5)
        except Exception:                              # noqa: BLE001
            pass
        try:
            self.conn.close()
        except Exception:                              # noqa: BLE001
            pass

    @property
    def exitcode(self):
        return self.proc.poll()


class QueryPool:
    """Worker processes holding a read-only store open; `run` answers one query in one of them.

    Thread-safe: an HTTP server's threads share one pool; a query waits (up to its timeout) for
    a free worker. `workers` processes are started at once (in the background); `wait_ready`
    blocks until one is up, or raises if the store cannot be opened.
    """

    def __init__(self, store_path: str | os.PathLike, workers: int = 2, *,
                 memory_limit: int | None = None, isolate_network: bool = True,
                 startup_timeout: float = 60.0, in_memory: bool = False):
        path = Path(store_path)
        if not path.is_dir() or not (path / "CURRENT").exists():
            raise StoreError(f"no store at {path}: run `kg build` first (or pass --store)")
        self.store_path = str(path.resolve())
        self.size = max(1, int(workers))
        self.memory_limit = memory_limit
        self.isolate_network = isolate_network
        self.in_memory = in_memory
        # a worker copying a large store into memory needs more than the usual start-up time
        self.startup_timeout = max(startup_timeout, 900.0) if in_memory else startup_timeout
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._starting = 0
        self._closed = False
        self.last_error: str | None = None
        self.isolation: str = ""
        self.replaced = 0
        self._launches: queue.Queue = queue.Queue()
        threading.Thread(target=self._launcher, name="kg-sandbox-launcher", daemon=True).start()
        for _ in range(self.size):
            self._start_in_background()

    # -- lifecycle ---------------------------------------------------------------------------
    def _start_in_background(self) -> None:
        with self._cond:
            if self._closed:
                return
            self._starting += 1
        self._launches.put(1)

    def _launcher(self) -> None:
        # Workers are started from this one long-lived thread: they ask the kernel to kill them
        # when the thread that started them ends (PR_SET_PDEATHSIG), so a runaway query cannot
        # outlive the server even if the server is killed with SIGKILL.
        while True:
            item = self._launches.get()
            if item is None:
                return
            self._start_one()

    def _start_one(self) -> None:
        worker = None
        try:
            worker = _Worker.launch(self.store_path, self.isolate_network, self.memory_limit, self.in_memory)
            with self._cond:
                if self._closed:                       # closed while it was launched
                    raise QueryFailed("the query pool is closed")
                self._all.add(worker)
            # (in slices: a pool closed meanwhile must not wait for a worker loading a large store)
            deadline = time.monotonic() + self.startup_timeout
            while not worker.conn.poll(0.2):
                if self._closed:
                    raise QueryFailed("the query pool is closed")
                if time.monotonic() > deadline:
                    raise QueryFailed(f"a query worker did not start within {self.startup_timeout:g} s")
            kind, detail = worker.conn.recv()
            if kind != "ready":
                raise QueryFailed(detail)
            worker.isolation = detail
            with self._cond:
                self._starting -= 1
                if self._closed:
                    self._all.discard(worker)
                    worker.kill()
                else:
                    self.isolation = detail
                    self._idle.append(worker)
                self._cond.notify_all()
        except BaseException as exc:                   # noqa: BLE001
            if self._closed:                           # killed by close() while starting
                with self._cond:
                    self._starting -= 1
                    self._cond.notify_all()
                if worker is not None:
                    worker.kill()
                return
            if isinstance(exc, SandboxError):
                msg = str(exc)
            elif isinstance(exc, EOFError):
                msg = "a query worker exited at start-up (see the messages above)"
                if self.memory_limit:
                    # (RocksDB aborts with "mmap failed" or "Resource temporarily unavailable" when
                    # it cannot map its caches within RLIMIT_AS)
                    msg += (f"; it may not fit in --memory-limit {self.memory_limit >> 20} MB: opening the "
                            "store alone takes a few hundred MB of address space, so try the default "
                            "(2048) or more, or 0 for no limit")
            else:
                msg = f"query worker failed: {type(exc).__name__}: {exc}"
            log.warning("%s", msg)
            with self._cond:
                self._starting -= 1
                self.last_error = msg
                if worker is not None:
                    self._all.discard(worker)
                self._cond.notify_all()
            if worker is not None:
                worker.kill()

    def _discard(self, worker: _Worker) -> None:
        with self._cond:
            self._all.discard(worker)
        worker.kill()
        self.replaced += 1
        self._start_in_background()

    def wait_ready(self, timeout: float | None = None) -> None:
        """Block until a worker is idle; raise QueryFailed if none can start."""
        deadline = time.monotonic() + (self.startup_timeout if timeout is None else timeout)
        with self._cond:
            while not self._idle:
                if self._starting == 0 and not self._all:
                    raise QueryFailed(self.last_error or "no query worker could start")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise QueryFailed("query workers did not start in time")
                self._cond.wait(remaining)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
            self._cond.notify_all()
        self._launches.put(None)
        for w in workers:
            try:
                w.conn.send(None)
                w.proc.kill()                          # all at once, then wait for each
            except Exception:                          # noqa: BLE001
                pass
        for w in workers:
            w.kill()

    def __enter__(self) -> "QueryPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def alive(self) -> int:
        with self._cond:
            return len(self._all)

    # -- queries -----------------------------------------------------------------------------
    def _acquire(self, timeout: float) -> _Worker:
        deadline = time.monotonic() + timeout
        retried = False
        with self._cond:
            while not self._idle:
                if self._closed:
                    raise QueryFailed("the query pool is closed")
                if self._starting == 0 and not self._all:
                    if retried:                        # one new attempt per query, no more
                        raise QueryFailed(self.last_error or "no query worker could start")
                    retried = True
                    self._start_in_background()        # maybe the store is back
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    if self.last_error and not self._all:
                        raise QueryFailed(self.last_error)
                    raise QueryBusy(f"no query worker became free within {timeout:g} s "
                                    "(the server is busy; try again)")
                self._cond.wait(remaining)
            return self._idle.pop()

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            if self._closed:
                self._all.discard(worker)
                worker.kill()
            else:
                self._idle.append(worker)
            self._cond.notify_all()

    def run(self, sparql: str, *, timeout: float = 10.0, max_rows: int = 10000,
            result_format: str | Sequence[str] | None = None, strict: bool = False,
            prefixes: dict[str, str] | None = None, default_graphs: Iterable[str] = (),
            named_graphs: Iterable[str] = ()) -> QueryResult:
        check_query(sparql)
        if prefixes is None:
            from .vocab import PREFIXES
            prefixes = dict(PREFIXES)
        job = {"query": sparql, "max_rows": max(0, int(max_rows)), "strict": strict,
               "formats": [result_format] if isinstance(result_format, str) else
                          (list(result_format) if result_format is not None else None),
               "prefixes": {str(k): str(v) for k, v in prefixes.items()},
               "default_graphs": [str(g) for g in default_graphs],
               "named_graphs": [str(g) for g in named_graphs]}
        worker = self._acquire(timeout)
        started = time.monotonic()
        try:
            worker.conn.send(job)
            ready = worker.conn.poll(timeout)
            reply = worker.conn.recv() if ready else None
        except (EOFError, OSError, BrokenPipeError):
            try:
                worker.proc.wait(1)
            except Exception:                          # noqa: BLE001
                pass
            code = worker.exitcode
            self._discard(worker)
            raise QueryFailed("the query worker died" + (f" (exit code {code})" if code else "")
                              + "; the query probably ran out of memory") from None
        except BaseException:
            self._discard(worker)
            raise
        if reply is None:
            self._discard(worker)
            raise QueryTimeout(f"query exceeded the {timeout:g} s limit")
        self._release(worker)
        seconds = time.monotonic() - started
        kind = reply[0]
        if kind == "ok":
            _, form, media, body, truncated, rows = reply
            return QueryResult(content_type(media), body, truncated, form, rows, seconds)
        exc_type = {"refused": QueryRefused, "syntax": QuerySyntaxError,
                    "not_acceptable": NotAcceptable}.get(kind, QueryFailed)
        raise exc_type(reply[1])


# ----------------------------------------------------------------------------- one-shot API

_POOLS: dict[str, QueryPool] = {}
_POOLS_LOCK = threading.Lock()


def _close_pools() -> None:
    with _POOLS_LOCK:
        for pool in _POOLS.values():
            pool.close()
        _POOLS.clear()


atexit.register(_close_pools)


def run_query(store_path: str | os.PathLike, sparql: str, timeout: float = 10.0,
              max_rows: int = 10000, result_format: str | Sequence[str] | None = None
              ) -> tuple[str, bytes, bool]:
    """Run one read-only query under a time limit and a row cap.

    Returns (content_type, body, truncated). A one-worker pool per store is kept for the life
    of the process (closed at exit), so repeated calls do not pay the worker start-up again.
    """
    key = str(Path(store_path).resolve())
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            pool = _POOLS[key] = QueryPool(key, workers=1)
    pool.wait_ready()
    r = pool.run(sparql, timeout=timeout, max_rows=max_rows, result_format=result_format)
    return r.content_type, r.body, r.truncated
