"""`kg serve` over HTTP: the SPARQL protocol, formats, limits, refusals, the pages; kg.sandbox.

One server (a real `kg serve` subprocess, --port 0) is shared by the module; it serves a store
built from examples/articles. Tests talk to it with urllib / http.client only.
"""
from __future__ import annotations

import csv
import hashlib
import http.client
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.sandbox import QueryPool, QueryRefused, QueryTimeout, check_query, code_only, run_query
from kg.serve import load_examples

ROOT = Path(__file__).resolve().parents[1]
# rdflib's JSON-LD parser (used to check our JSON-LD) still builds a ConjunctiveGraph
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))
TIMEOUT = 2
MAX_ROWS = 1000
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CONSTRUCT = "CONSTRUCT { ?p ?prop ?o } WHERE { ?p a kg:Person ; ?prop ?o }"
SELECT_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values"}
NET_ATTR = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


# ----------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    from kg.pipeline import build
    from kg.store import Store
    path = tmp_path_factory.mktemp("serve") / "store"
    store = Store(path)
    build([str(ROOT / "examples" / "articles")], store)
    store.flush()
    del store                                          # release the RocksDB lock
    return path


def _start(store: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", "0",
           "--quiet", *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, cwd=ROOT)
    line = proc.stdout.readline()
    m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
    if not m:
        proc.kill()
        raise AssertionError(f"kg serve did not start: {line!r} {proc.stderr.read()!r}")
    return proc, m.group(1)


def _stop(proc: subprocess.Popen) -> int:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)            # what Ctrl-C in a terminal does
        try:
            return proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
    return proc.returncode


@pytest.fixture(scope="module")
def server(store_dir):
    proc, url = _start(store_dir, "--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS))
    yield url
    _stop(proc)


def fetch(url: str, *, data: bytes | None = None, headers: dict | None = None,
          method: str | None = None):
    """(status, headers, body) without raising on 4xx/5xx."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def get(server: str, query: str, accept: str | None = None, **params):
    qs = urllib.parse.urlencode({"query": query, **params})
    return fetch(f"{server}sparql?{qs}", headers={"Accept": accept} if accept else {})


def post_form(server: str, query: str, accept: str | None = None, **params):
    body = urllib.parse.urlencode({"query": query, **params}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if accept:
        headers["Accept"] = accept
    return fetch(f"{server}sparql", data=body, headers=headers)


def post_query(server: str, query: str, accept: str | None = None):
    headers = {"Content-Type": "application/sparql-query"}
    if accept:
        headers["Accept"] = accept
    return fetch(f"{server}sparql", data=query.encode(), headers=headers)


def raw_get(server: str, target: str, host: str | None = None) -> int:
    """A GET with the request target sent exactly as given (no client-side normalisation)."""
    u = urllib.parse.urlsplit(server)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    conn.putrequest("GET", target, skip_host=host is not None, skip_accept_encoding=True)
    if host is not None:
        conn.putheader("Host", host)
    conn.endheaders()
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp.status


def rows_in(fmt: str, body: bytes) -> int:
    if fmt == "json":
        return len(json.loads(body)["results"]["bindings"])
    if fmt == "xml":
        ns = "{http://www.w3.org/2005/sparql-results#}"
        return len(ET.fromstring(body).find(f"{ns}results").findall(f"{ns}result"))
    if fmt == "csv":
        return len(list(csv.reader(io.StringIO(body.decode("utf-8"))))) - 1
    return len(body.decode("utf-8").rstrip("\n").split("\n")) - 1     # TSV escapes newlines


def store_digest(path: Path) -> tuple[int, str]:
    store = ox.Store.read_only(str(path))
    lines = sorted(str(q) for q in store)
    return len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest()


# ----------------------------------------------------------------------------- protocol & formats

def test_health_and_examples_found(server):
    status, _, body = fetch(server + "health")
    assert (status, body) == (200, b"ok\n")
    assert len(QUERIES) == 8
    examples = load_examples()
    assert sorted(e["name"] for e in examples) == [p.stem for p in QUERIES]
    assert [e["title"][:4] for e in examples] == [f"CQ{i}:" for i in range(1, 9)]
    assert load_examples(ROOT / "no-such-dir")[0]["name"] == "articles"      # the fallback


@pytest.mark.parametrize("rq", QUERIES, ids=lambda p: p.stem)
def test_competency_queries_in_every_format(server, store_dir, rq):
    query = rq.read_text(encoding="utf-8")
    counts = {}
    for fmt, media in SELECT_TYPES.items():
        status, headers, body = get(server, query, accept=media)
        assert status == 200, body
        assert headers["Content-Type"].split(";")[0] == media
        assert headers["X-KG-Truncated"] == "false"
        counts[fmt] = rows_in(fmt, body)
        assert int(headers["X-KG-Rows"]) == counts[fmt]
    assert len(set(counts.values())) == 1, counts
    assert counts["json"] > 0, f"{rq.name} found nothing in the example articles"
    # POST (form and direct) answer the same as GET; JSON is the default
    _, _, by_get = get(server, query)
    status, headers, by_form = post_form(server, query)
    assert status == 200 and headers["Content-Type"] == SELECT_TYPES["json"]
    status, _, by_body = post_query(server, query)
    assert status == 200
    assert json.loads(by_get) == json.loads(by_form) == json.loads(by_body)
    # our JSON (written from the capped solution list) equals pyoxigraph's own serialisation
    from kg.vocab import PREFIXES
    store = ox.Store.read_only(str(store_dir))
    own = store.query(query, use_default_graph_as_union=True, prefixes=dict(PREFIXES))
    assert json.loads(by_get) == json.loads(own.serialize(format=ox.QueryResultsFormat.JSON))


def test_fallback_examples_run(server):
    from kg.serve import _FALLBACK_EXAMPLES
    for e in _FALLBACK_EXAMPLES:
        status, _, body = get(server, e["query"])
        assert status == 200 and rows_in("json", body) > 0, (e["name"], body)


def test_format_parameter_overrides_accept(server):
    q = "SELECT ?a WHERE { ?a a kg:Article }"
    status, headers, body = get(server, q, accept="application/sparql-results+json", format="csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines()[0] == "a" and rows_in("csv", body) == 7
    status, headers, _ = get(server, q, accept="text/html, application/xml;q=0.9, */*;q=0.8")
    assert status == 200 and headers["Content-Type"] == SELECT_TYPES["xml"]
    status, headers, _ = get(server, q, accept="text/html, */*;q=0.1")
    assert status == 200 and headers["Content-Type"] == SELECT_TYPES["json"]
    status, _, body = get(server, CONSTRUCT, format="csv")      # an explicit misfit: 406
    assert status == 406 and b"turtle" in body


def test_select_star_columns_in_the_order_the_query_names_them(server):
    q = "SELECT * WHERE { ?zeta a kg:Article ; schema:headline ?alpha }"
    for fmt in ("csv", "tsv"):
        status, _, body = get(server, q, format=fmt)
        assert status == 200 and body.decode().splitlines()[0].replace("?", "") in ("zeta,alpha", "zeta\talpha")
        assert rows_in(fmt, body) == 7
    status, _, body = get(server, q, format="json")
    doc = json.loads(body)
    assert doc["head"]["vars"] == ["zeta", "alpha"] and all(set(b) == {"zeta", "alpha"} for b in doc["results"]["bindings"])


def test_ask(server):
    for fmt, media in SELECT_TYPES.items():
        status, headers, body = get(server, "ASK { ?s a kg:Person }", accept=media)
        assert status == 200 and headers["Content-Type"].split(";")[0] == media
        assert b"true" in body


def test_construct_as_turtle_ntriples_jsonld(server):
    graphs = {}
    for accept, media, rdflib_fmt in [(None, "text/turtle", "turtle"),
                                      ("application/n-triples", "application/n-triples", "nt"),
                                      ("application/ld+json", "application/ld+json", "json-ld")]:
        status, headers, body = get(server, CONSTRUCT, accept=accept)
        assert status == 200, body
        assert headers["Content-Type"].split(";")[0] == media
        g = Graph().parse(data=body.decode("utf-8"), format=rdflib_fmt)
        assert len(g) == int(headers["X-KG-Rows"]) > 10
        graphs[rdflib_fmt] = g
    assert len({len(g) for g in graphs.values()}) == 1
    status, headers, body = post_form(server, "DESCRIBE ?p WHERE { ?p a kg:Person } LIMIT 1",
                                      accept="text/turtle")
    assert status == 200 and len(Graph().parse(data=body.decode(), format="turtle")) > 0


def test_row_cap_is_flagged(server):
    status, headers, body = get(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200
    assert headers["X-KG-Truncated"] == "true"
    assert rows_in("json", body) == int(headers["X-KG-Rows"]) == MAX_ROWS
    status, headers, body = get(server, "CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples")
    assert status == 200 and headers["X-KG-Truncated"] == "true"
    assert len(body.decode().strip().splitlines()) == MAX_ROWS


def test_errors(server):
    status, _, body = get(server, "SELEC * WHERE { ?s ?p ?o }")
    assert status == 400 and b"syntax" in body.lower()
    assert fetch(server + "sparql?format=json")[0] == 400             # parameters but no query
    status, _, _ = fetch(server + "sparql", data=b"query=x", headers={"Content-Type": "text/plain"})
    assert status == 415
    big = b"query=" + b"#" * (1 << 20)
    status, _, body = fetch(server + "sparql", data=big,
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413, body
    assert raw_get(server, "/health", host="attacker.example:80") == 403   # DNS rebinding
    assert raw_get(server, "/health", host="localhost") == 200
    assert fetch(server + "nope")[0] == 404
    status, _, body = get(server, "ASK {}", **{"default-graph-uri": "not an\niri"})
    assert status == 400 and b"default-graph-uri is not an IRI" in body and b"\n" not in body.strip()


# ----------------------------------------------------------------------------- read-only

@pytest.mark.parametrize("how", ["query", "update-param", "update-body"])
@pytest.mark.parametrize("text", [
    "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "DROP ALL",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "CLEAR DEFAULT",
], ids=["insert", "delete-where", "modify", "drop", "load", "clear"])
def test_updates_are_refused(server, store_dir, text, how):
    before = store_digest(store_dir) if how == "query" and text.startswith("INSERT") else None
    if how == "query":
        status, _, body = post_form(server, text)
    elif how == "update-param":
        status, _, body = fetch(server + "sparql",
                                data=urllib.parse.urlencode({"update": text}).encode(),
                                headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        status, _, body = fetch(server + "sparql", data=text.encode(),
                                headers={"Content-Type": "application/sparql-update"})
    assert 400 <= status < 500 and status in (400, 403), (status, body)
    assert b"read-only" in body or b"SERVICE or LOAD" in body or b"LOAD" in body
    if before is not None:
        assert store_digest(store_dir) == before


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_graph_store_methods_are_not_allowed(server, method):
    # a read-only endpoint answers 405 with Allow, not 501 (B audit)
    status, headers, body = fetch(server + "sparql", data=b"<urn:x:a> <urn:x:b> <urn:x:c> .", method=method,
                                  headers={"Content-Type": "text/turtle"})
    assert status == 405 and headers["Allow"] == "GET, HEAD, POST, OPTIONS" and b"read-only" in body
    assert fetch(server + "sparql", method="OPTIONS")[1]["Allow"] == "GET, HEAD, POST, OPTIONS"


def test_store_unchanged_after_refusals(server, store_dir):
    before = store_digest(store_dir)
    for text in ["INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }", "DELETE WHERE { ?s ?p ?o }",
                 "DROP ALL", "LOAD <file:///etc/passwd>"]:
        assert post_form(server, text)[0] in (400, 403)
        assert fetch(server + "sparql", data=urllib.parse.urlencode({"update": text}).encode(),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
        assert fetch(server + "sparql", data=text.encode(),
                     headers={"Content-Type": "application/sparql-update"})[0] == 403
    after = store_digest(store_dir)
    assert after == before and after[0] > 1000


class Listener:
    """A TCP listener on 127.0.0.1 that counts connections."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        time.sleep(0.3)
        self._stop.set()
        self._thread.join()
        self.sock.close()


def test_service_never_connects(server):
    lis = Listener()
    try:
        iri = f"http://127.0.0.1:{lis.port}/"
        for q in [f"SELECT * WHERE {{ SERVICE <{iri}> {{ ?s ?p ?o }} }}",
                  f"select * where {{ service silent <{iri}> {{ ?s ?p ?o }} }}",
                  f'# """\nSELECT * WHERE {{ SERVICE <{iri}> {{ ?s ?p ?o }} }} # """',
                  f"SELECT * WHERE {{ OPTIONAL {{ ?a ?b ?c }} .SERVICE<{iri}>{{ ?s ?p ?o }} }}",
                  f"PREFIX x: <{iri}> SELECT * WHERE {{ SERVICE x: {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ BIND(<{iri}> AS ?g) SERVICE ?g {{ ?s ?p ?o }} }}"]:
            status, _, body = post_form(server, q)
            assert status == 403, (q, status, body)
            assert b"SERVICE" in body
    finally:
        lis.close()
    assert lis.connections == 0


def test_worker_network_is_isolated():
    """The second line of defence: a worker cannot reach even 127.0.0.1 (where the kernel lets
    it unshare its network namespace)."""
    lis = Listener()
    code = ("import socket, sys\nfrom kg.sandbox import _isolate_network\n"
            "state = _isolate_network()\nprint(state)\n"
            "if state.startswith('on'):\n"
            "    try:\n"
            f"        socket.create_connection(('127.0.0.1', {lis.port}), timeout=1)\n"
            "        print('connected')\n"
            "    except OSError as e:\n"
            "        print('refused', e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30,
                         cwd=ROOT)
    lis.close()
    if out.stdout.startswith("off"):
        pytest.skip(f"no network namespaces here: {out.stdout.strip()}")
    assert "refused" in out.stdout, out
    assert lis.connections == 0


def test_check_query_lexer():
    refuse = ['# """\nSELECT * WHERE { SERVICE <http://a/> { ?s ?p ?o } } # """',
              "SELECT * WHERE { OPTIONAL{?s ?p ?o}.SERVICE<http://a/>{?a ?b ?c} }",
              "SELECT * WHERE { SERVICE:x {?a ?b ?c} }",
              "SELECT * WHERE { ?s ?p \"\"\"x\"\"\" . SERVICE <http://a/> {} }",
              "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "with <urn:g> delete { ?s ?p ?o } where {}",
              "load <http://a/>"]
    for q in refuse:
        with pytest.raises(QueryRefused):
            check_query(q)
    allow = ['SELECT ?service WHERE { ?service ?p "SERVICE <http://a/> {}" }',
             "SELECT * WHERE { ?s ?p <http://a/SERVICE/insert> } # SERVICE LOAD INSERT",
             "SELECT ?delete WHERE { ?delete a kg:Article . FILTER(?delete != ex:DROP) }",
             "SELECT * WHERE { ?s ?p '''it's \"LOAD\"''' }",
             # prefixed names that end like the keywords: as `kg query` lets them be
             "SELECT ?s WHERE { ?s a schema:Service ; schema:load ?o }"]
    for q in allow:
        check_query(q)
    assert code_only('a "b" <c> # d\ne').split() == ["a", "e"]


# ----------------------------------------------------------------------------- time limit

def test_runaway_query_is_stopped(server):
    started = time.monotonic()
    status, headers, body = get(server, RUNAWAY)
    elapsed = time.monotonic() - started
    assert status == 503, body
    assert f"query exceeded the {TIMEOUT} s limit".encode() in body
    assert elapsed <= TIMEOUT + 2, elapsed
    # the server still answers, and the next runaway is stopped too (the worker was replaced)
    status, _, body = get(server, "ASK { ?s ?p ?o }")
    assert status == 200 and b"true" in body
    started = time.monotonic()
    assert post_form(server, RUNAWAY)[0] == 503
    assert time.monotonic() - started <= TIMEOUT + 2
    for _ in range(3):
        assert get(server, "SELECT ?a WHERE { ?a a kg:Article }")[0] == 200


def test_sandbox_api(store_dir):
    ctype, body, truncated = run_query(store_dir, "SELECT ?a WHERE { ?a a kg:Article }",
                                       timeout=5, max_rows=3, result_format="csv")
    assert ctype.startswith("text/csv") and truncated and len(body.decode().splitlines()) == 4
    ctype, body, truncated = run_query(store_dir, "CONSTRUCT WHERE { ?a a kg:Article }",
                                       result_format=["text/csv", "application/n-triples"])
    assert ctype == "application/n-triples" and not truncated
    assert len(body.decode().strip().splitlines()) == 7
    with QueryPool(store_dir, workers=1) as pool:
        pool.wait_ready()
        with pytest.raises(QueryTimeout):
            pool.run(RUNAWAY, timeout=0.5)
        assert pool.run("ASK { ?s ?p ?o }").body == b'{"head":{},"boolean":true}'


def _bindings(body: bytes) -> list[str]:
    return sorted(json.dumps(b, sort_keys=True, ensure_ascii=False) for b in json.loads(body)["results"]["bindings"])


def test_in_memory_workers_answer_as_the_disk_store(store_dir, server):
    """`kg serve --in-memory`: the workers copy the store into pyoxigraph's memory store; the
    CQ queries give the same answers, the time limit still stops a runaway query, and updates
    are still refused."""
    proc, url = _start(store_dir, "--in-memory", "--timeout", str(TIMEOUT), "--workers", "1")
    try:
        for rq in QUERIES:
            query = rq.read_text(encoding="utf-8")
            status, _, body = get(url, query)
            assert status == 200, body
            # the same rows (rows that tie on every ORDER BY key may come in another order)
            assert _bindings(body) == _bindings(get(server, query)[2]), rq.name
            assert rows_in("json", body) > 0
        started = time.monotonic()
        assert get(url, RUNAWAY)[0] == 503
        assert time.monotonic() - started <= TIMEOUT + 2
        assert get(url, "INSERT DATA { <urn:x> <urn:y> <urn:z> }")[0] in (400, 403)
        assert get(url, "ASK { <urn:x> <urn:y> <urn:z> }")[2].endswith(b"false}")
    finally:
        assert _stop(proc) == 0


# ----------------------------------------------------------------------------- pages

def test_query_page(server):
    status, headers, body = fetch(server)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    text = body.decode("utf-8")
    for p in QUERIES:
        assert p.stem in text
    assert NET_ATTR.search(text) is None
    for m in re.finditer(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", text, re.I):
        assert not m.group(1).lower().startswith(("http:", "https:", "//")), m.group(0)
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "<textarea" in text and "textContent" in text and "innerHTML" not in text
    # the examples travel as escaped JSON: no "</script>" can come out of a query's text
    blob = re.search(r'<script type="application/json" id="kg-examples">(.*?)</script>', text, re.S)
    assert sorted(e["name"] for e in json.loads(blob.group(1))) == [p.stem for p in QUERIES]


def test_views(server):
    status, headers, body = fetch(server + "views/all.html")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"kg-data" in body and "script-src 'self'" in headers["Content-Security-Policy"]
    assert fetch(server + "views/index.html")[0] == 200
    assert fetch(server + "views/assets/kg-view.js")[0] == 200
    status, headers, _ = fetch(server + "views/index.html", method="HEAD")
    assert status == 200
    # served pages link no source files: the browser cannot reach this machine's disk, and the
    # relative path would show the folder layout
    assert re.search(rb'"file":"[^"]', body) is None


@pytest.mark.parametrize("target", [
    "/views/../../etc/passwd", "/views/..%2f..%2fetc%2fpasswd", "/views/%2e%2e/%2e%2e/etc/passwd",
    "/views/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/views/%252e%252e%252fetc%252fpasswd",
    "/views/assets/../../../../etc/passwd", "/views//etc/passwd", "/views/..\\..\\etc\\passwd",
    "/views/%2fetc%2fpasswd", "/views/./all.html", "/views/all.html%00.html", "/views/%ff",
    "/views/../serve.py", "/../../etc/passwd"])
def test_path_traversal_is_404(server, target):
    assert raw_get(server, target) == 404


# ----------------------------------------------------------------------------- stopping

def test_ctrl_c_stops_cleanly(store_dir):
    proc, url = _start(store_dir, "--workers", "1")
    assert fetch(url + "health")[0] == 200
    workers = [int(p) for p in os.listdir("/proc") if p.isdigit() and _ppid(int(p)) == proc.pid]
    assert workers, "no query worker found"
    assert _stop(proc) == 0
    assert "stopped" in proc.stderr.read()
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


def test_signals_to_the_process_and_then_its_group_still_clean_up(store_dir, tmp_path):
    # as timeout, systemd and docker stop a service: SIGTERM to it, then to its process group
    import glob
    import tempfile
    before = set(glob.glob(os.path.join(tempfile.gettempdir(), "kg-views-*")))
    proc, url = _start(store_dir, "--workers", "1")
    assert fetch(url + "views/")[0] in (200, 301, 302)
    made = set(glob.glob(os.path.join(tempfile.gettempdir(), "kg-views-*"))) - before
    assert (Path(store_dir) / "kg-serve.json").exists()
    os.kill(proc.pid, signal.SIGTERM)
    os.killpg(proc.pid, signal.SIGTERM)
    os.killpg(proc.pid, signal.SIGTERM)
    assert proc.wait(15) == 0, proc.stderr.read()
    assert not (Path(store_dir) / "kg-serve.json").exists()
    assert not [d for d in made if os.path.exists(d)]


def _ppid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_a_dataset_clause_in_the_query_is_honoured(server):
    def count(q, **params):
        status, _, body = get(server, q, "application/sparql-results+json", **params)
        assert status == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    everything = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    entities = count("SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/kgnews/id/entities> WHERE { ?s ?p ?o }")
    assert 0 < entities < everything
    assert count("SELECT (COUNT(*) AS ?n) FROM <urn:kg:none> WHERE { ?s ?p ?o }") == 0
    # the protocol's default-graph-uri wins over FROM, as SPARQL 1.1 Protocol says
    assert count("SELECT (COUNT(*) AS ?n) FROM <urn:kg:none> WHERE { ?s ?p ?o }",
                 **{"default-graph-uri": "https://w3id.org/kgnews/id/entities"}) == entities
    # the protocol's dataset is exactly what it names: named graphs alone leave the default graph
    # empty, a default graph alone leaves no named graphs
    ent = {"named-graph-uri": "https://w3id.org/kgnews/id/entities"}
    assert count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **ent) == 0
    assert count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", **ent) == entities
    assert count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                 **{"default-graph-uri": "https://w3id.org/kgnews/id/entities"}) == 0


def test_a_get_too_long_is_a_plain_414(server):
    q = "SELECT * WHERE { ?s ?p ?o FILTER(?o != \"" + "长" * 9000 + "\") } LIMIT 1"
    status, headers, body = get(server, q)
    assert status == 414 and headers["Content-Type"].startswith("text/plain")
    assert b"POST" in body and b"<html" not in body.lower()


def test_a_build_while_serving_warns_that_the_server_will_not_see_it(tmp_path):
    from kg.pipeline import build
    from kg.store import SERVE_MARKER, Store
    store = Store(tmp_path / "store")
    build([str(ROOT / "examples" / "articles")], store)
    store.flush()
    del store
    article = tmp_path / "new.md"
    article.write_text("---\ntitle: 新文章\n---\n\n商务部新闻发言人高峰表示，将继续推进。\n", "utf-8")
    proc, url = _start(tmp_path / "store")
    try:
        assert json.loads((tmp_path / "store" / SERVE_MARKER).read_text("utf-8"))["url"] == url
        run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(article), "--store", str(tmp_path / "store")],
                             capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert run.returncode == 0 and f"kg serve (process {proc.pid}, {url}) is answering from this store" in run.stderr
    finally:
        assert _stop(proc) == 0
    assert not (tmp_path / "store" / SERVE_MARKER).exists()
    article.write_text(article.read_text("utf-8") + "\n再加一句。\n", "utf-8")
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(article), "--store", str(tmp_path / "store")],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0 and "kg serve" not in run.stderr


def test_the_endpoint_describes_itself(server):
    """GET /sparql without a query: a SPARQL 1.1 Service Description, as clients expect."""
    import rdflib
    status, headers, body = fetch(f"{server}sparql")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=body.decode("utf-8"), format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    (service,) = g.subjects(rdflib.RDF.type, sd.Service)
    assert str(service).endswith("/sparql") and (service, sd.supportedLanguage, sd.SPARQL11Query) in g
    # (no sd:UnionDefaultGraph: the union would be a set, the engine's default graph is a multiset)
    assert (service, sd.feature, sd.UnionDefaultGraph) not in g
    assert len(list(g.objects(None, sd.defaultGraph))) == 1
    # a query string without a query is still an error
    status, _, body = fetch(f"{server}sparql?format=json")
    assert status == 400 and b"missing the query parameter" in body
