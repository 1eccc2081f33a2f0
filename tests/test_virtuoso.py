"""The remote-store path against OpenLink Virtuoso (Debian's virtuoso-opensource-7-bin, which
.ci/run installs), started here on free ports with a throw-away database: what data engineers
load kg's graphs into. kg builds into it over SPARQL Update (HTTP Digest on /sparql-auth) and
over the Graph Store Protocol, and the CQ queries (examples/queries) give the rows they give on the
embedded store.

Two Virtuoso behaviours the comparison allows for, both documented in docs/scale.md: it gives
xsd:boolean values back as 0 and 1 (in query results as plain integers, in exports as the
lexical forms "0"/"1" of the same booleans), and it keeps derived integer types
(xsd:nonNegativeInteger) where Oxigraph canonicalises them to xsd:integer."""
from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import free_port

from kg.export import export_bytes
from kg.pipeline import build, remove
from kg.query import run, term_text
from kg.store import open_store

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"
QUERIES = sorted((REPO / "examples" / "queries").glob("*.rq"))
N = len([p for p in EXAMPLES.iterdir() if p.suffix in (".md", ".txt")])
INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {d}

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    exe = shutil.which("virtuoso-t")
    if exe is None:
        pytest.skip("Virtuoso is not installed (Debian: apt-get install virtuoso-opensource-7-bin; "
                    ".ci/run does this)")
    d = tmp_path_factory.mktemp("virtuoso")
    http = free_port()
    (d / "virtuoso.ini").write_text(INI.format(d=d, sql=free_port(), http=http), encoding="utf-8")
    proc = subprocess.Popen([exe, "+foreground", "+configfile", str(d / "virtuoso.ini")], cwd=d,
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http}"
    deadline = time.monotonic() + 120                 # a new database is created on first start
    while True:
        try:
            urllib.request.urlopen(base + "/sparql?query=ASK%7B%7D", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log = (d / "virtuoso.log").read_text(errors="replace")[-2000:] if (d / "virtuoso.log").exists() else ""
                pytest.fail(f"Virtuoso did not start: {log}")
            time.sleep(0.25)
    yield f"http://dba:dba@127.0.0.1:{http}/sparql#virtuoso"
    proc.terminate()
    try:
        proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


BOOLEAN = {"0": "false", "1": "true"}


def rows(store, sparql: str, booleans: bool = False) -> list[tuple[str, ...]]:
    kind, (variables, rs) = run(store, sparql)
    assert kind == "select"
    out = [tuple(term_text(t) for t in r) for r in rs]
    if booleans:   # kg:former is the only boolean the CQ queries return (roles, ?former)
        i = variables.index("former") if "former" in variables else None
        if i is not None:
            out = [r[:i] + (BOOLEAN.get(r[i], r[i]),) + r[i + 1:] for r in out]
    return sorted(out)


def comparable(nquads: bytes) -> set[bytes]:
    """N-Quads lines without blank nodes (servers name the ontology's lists themselves), with
    Oxigraph's canonical xsd:integer for the derived integer types Virtuoso keeps."""
    return {line.replace(b"XMLSchema#nonNegativeInteger>", b"XMLSchema#integer>")
                .replace(b"XMLSchema#positiveInteger>", b"XMLSchema#integer>")
                .replace(b'"0"^^<http://www.w3.org/2001/XMLSchema#boolean>', b'"false"^^<http://www.w3.org/2001/XMLSchema#boolean>')
                .replace(b'"1"^^<http://www.w3.org/2001/XMLSchema#boolean>', b'"true"^^<http://www.w3.org/2001/XMLSchema#boolean>')
            for line in nquads.splitlines() if b"_:" not in line}


def test_build_query_rebuild_remove(virtuoso, embedded):
    store = open_store(virtuoso)
    store.update("DROP SILENT ALL")   # (Virtuoso keeps its own graphs; DROP ALL spares them)
    first = build([EXAMPLES], store, batch_size=3)
    assert (first.built, first.failed) == (N, 0), first.errors

    for q in QUERIES:
        text = q.read_text(encoding="utf-8")
        assert rows(store, text, booleans=True) == rows(embedded, text), q.name

    dump = export_bytes(store, "nquads")             # kg's graphs only, not Virtuoso's system graphs
    local = export_bytes(embedded, "nquads")
    assert len(dump.splitlines()) == len(local.splitlines())
    assert comparable(dump) == comparable(local)
    assert store.articles() == embedded.articles()

    again = build([EXAMPLES], store)
    assert (again.built, again.unchanged) == (0, N)

    victim = next(v["path"] for v in store.articles().values() if v["path"].endswith("a0001.md"))
    assert len(remove([victim], store)) == 1
    assert len(store.articles()) == N - 1


def test_graph_store_protocol_mode(virtuoso, embedded):
    store = open_store(virtuoso + "&write=gsp")
    assert store.write_mode == "gsp"
    forced = build([EXAMPLES], store, force=True, batch_size=4)   # PUT replaces each graph whole
    assert (forced.built, forced.failed) == (N, 0), forced.errors
    assert comparable(export_bytes(store, "nquads")) == comparable(export_bytes(embedded, "nquads"))
