"""The remote-store path against a real SPARQL server: Oxigraph's own (`oxigraph serve`, from
the `oxigraph` package on PyPI) started here on a free port. The CQ queries (examples/queries) give the same
rows as on the embedded store; rebuilding is idempotent; remove works; both write modes (batched
SPARQL Update, Graph Store Protocol) give the same data."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import free_port

from kg.export import export_bytes
from kg.pipeline import build, remove
from kg.query import run, term_text
from kg.remote import RemoteStore, endpoints, parse_spec
from kg.store import Store, StoreError, open_store

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"
QUERIES = sorted((REPO / "examples" / "queries").glob("*.rq"))
N = len([p for p in EXAMPLES.iterdir() if p.suffix in (".md", ".txt")])


def oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


class Server:
    def __init__(self, location: Path):
        self.location = location
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location),
                                      "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/query?query=ASK%7B%7D", timeout=2).read()
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    err = self.proc.stderr.read().decode(errors="replace") if self.proc.poll() is not None else ""
                    self.stop()
                    pytest.fail(f"oxigraph serve did not start on port {self.port}: {err}")
                time.sleep(0.1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if oxigraph_binary() is None:
        pytest.skip("the Oxigraph server binary is not installed (pip install oxigraph, or "
                    "pip install -e '.[dev]'): the remote-store tests need a real SPARQL server")
    srv = Server(tmp_path_factory.mktemp("oxigraph-server"))
    yield srv
    srv.stop()


def clear(url: str) -> None:
    RemoteStore(url).update("DROP SILENT ALL")


def rows(store, sparql: str) -> list[tuple[str, ...]]:
    kind, payload = run(store, sparql)
    assert kind == "select"
    variables, rs = payload
    return [tuple(term_text(t) for t in r) for r in rs]


def without_bnodes(data: bytes) -> set[bytes]:
    """N-Quads lines, blank nodes left out: a server names the ontology's blank nodes itself."""
    return {line for line in data.splitlines() if b"_:" not in line}


def test_build_query_rebuild_remove(server, embedded):
    clear(server.url)
    store = Store(server.url)                       # the http:// prefix picks the remote store
    assert isinstance(store, RemoteStore) and store.remote
    first = build([EXAMPLES], store, batch_size=3)
    assert (first.built, first.failed) == (N, 0)

    # the same CQ rows as the embedded store
    for q in QUERIES:
        text = q.read_text(encoding="utf-8")
        assert rows(store, text) == rows(embedded, text), q.name

    # the same data (but the ontology's blank node labels)
    remote_dump = export_bytes(store, "nquads")
    local_dump = export_bytes(embedded, "nquads")
    assert without_bnodes(remote_dump) == without_bnodes(local_dump)
    assert len(remote_dump.splitlines()) == len(local_dump.splitlines())
    assert store.articles() == embedded.articles()

    # rebuilding is idempotent
    again = build([EXAMPLES], store)
    assert (again.built, again.unchanged) == (0, N)
    assert export_bytes(store, "nquads") == remote_dump

    # remove: by path, entities pruned as on the embedded store
    victim = next(v["path"] for v in store.articles().values() if v["path"].endswith("a0001.md"))
    assert len(remove([victim], store)) == 1
    assert len(store.articles()) == N - 1
    local = Store.memory()
    build([p for p in sorted(EXAMPLES.iterdir()) if not p.name.endswith("a0001.md")], local)
    ent = "SELECT DISTINCT ?e WHERE { GRAPH kgr:entities { ?e a ?c } } ORDER BY ?e"
    assert rows(store, ent) == rows(local, ent)


def test_gsp_mode_equals_update_mode(server, tmp_path):
    clear(server.url)
    gsp = open_store(server.url + "#write=gsp")
    assert gsp.write_mode == "gsp"
    build([EXAMPLES], gsp, batch_size=4)
    a = export_bytes(gsp, "nquads")
    forced = build([EXAMPLES], gsp, force=True)          # PUT replaces each graph whole
    assert forced.built == N
    assert without_bnodes(export_bytes(gsp, "nquads")) == without_bnodes(a)
    clear(server.url)
    upd = open_store(server.url)
    build([EXAMPLES], upd)
    assert without_bnodes(export_bytes(upd, "nquads")) == without_bnodes(a)


def test_cli_against_the_server(server, tmp_path):
    clear(server.url)
    env = dict(os.environ, KG_STORE=server.url)
    kg = [sys.executable, "-m", "kg.cli"]
    r = subprocess.run(kg + ["build", str(EXAMPLES), "--jobs", "1"], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert f"built {N}" in r.stdout and server.url in r.stdout
    r = subprocess.run(kg + ["query", str(REPO / "examples" / "queries" / "roles.rq"), "--format", "csv"],
                       env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) > 1
    r = subprocess.run(kg + ["stats", "--json"], env=env, capture_output=True, text=True)
    assert r.returncode == 0 and f'"articles": {N}' in r.stdout, r.stderr


def test_read_only_and_errors(server):
    ro = Store(server.url, read_only=True)
    with pytest.raises(StoreError):
        ro.update("DROP SILENT ALL")
    with pytest.raises(StoreError):
        ro.query("DROP ALL")                             # refused before it is sent
    dead = RemoteStore(f"http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreError, match="cannot reach"):
        dead.articles()


def test_endpoint_shapes():
    url, flavor, opts, cred = parse_spec("http://u:p%40ss@host:3030/kg#fuseki&write=gsp")
    assert (url, flavor, opts, cred) == ("http://host:3030/kg", "fuseki", {"write": "gsp"}, ("u", "p@ss"))
    ep = endpoints(url, flavor)
    assert (ep.query, ep.update, ep.gsp) == ("http://host:3030/kg/query", "http://host:3030/kg/update",
                                             "http://host:3030/kg/data")
    url, flavor, _, _ = parse_spec("http://host:7200/repositories/kg")
    ep = endpoints(url, flavor)
    assert flavor == "graphdb" and ep.update == "http://host:7200/repositories/kg/statements"
    assert ep.gsp == "http://host:7200/repositories/kg/rdf-graphs/service"
    url, flavor, _, _ = parse_spec("http://host:8890/sparql")
    ep = endpoints(url, flavor, auth=True)
    assert flavor == "virtuoso" and ep.update == "http://host:8890/sparql-auth"
    assert ep.gsp == "http://host:8890/sparql-graph-crud-auth" and ep.graph_param == "graph-uri"
    url, flavor, _, _ = parse_spec("https://example.org/sparql-db#oxigraph")
    assert endpoints(url, flavor).query == "https://example.org/sparql-db/query"
    assert parse_spec("http://host:7878")[1] == "oxigraph"
