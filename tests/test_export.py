"""Exports: every format re-parses with rdflib and with pyoxigraph to the store's content; files
are replaced atomically; the same store always gives the same bytes."""
from __future__ import annotations

import gc
import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph

import kg.export as kex
from conftest import nquads
from kg.export import export, export_bytes
from kg.store import Store

OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
              "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld", "rdfxml": "xml"}
QUAD_FORMATS = {"trig", "nquads", "jsonld"}


@pytest.fixture(scope="module")
def store_content(examples_store):
    """(quads in the store, distinct triples of the union of its graphs), as pyoxigraph terms."""
    store = ox.Store.read_only(str(examples_store.store))
    quads = set(store.quads_for_pattern(None, None, None, None))
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    del store
    gc.collect()
    return quads, triples


@pytest.fixture(scope="module")
def exported(examples_store, tmp_path_factory):
    """Each format exported once, through kg.export.export to a file."""
    d = tmp_path_factory.mktemp("exports")
    store = Store(examples_store.store, read_only=True)
    files = {}
    for fmt in OX_FORMATS:
        files[fmt] = d / f"graph.{fmt}"
        n = export(store, fmt, files[fmt])
        assert n == files[fmt].stat().st_size
    del store
    gc.collect()
    return files


def _as_triples(parsed) -> set:
    return {ox.Triple(t.subject, t.predicate, t.object) for t in parsed}


@pytest.mark.parametrize("fmt", list(OX_FORMATS))
def test_pyoxigraph_reparses_to_the_store(exported, store_content, fmt):
    quads, triples = store_content
    parsed = list(ox.parse(path=str(exported[fmt]), format=OX_FORMATS[fmt]))
    if fmt in QUAD_FORMATS:
        # blank node labels survive: the parsed quads are exactly the store's
        assert len(set(parsed)) == len(quads)
        assert set(parsed) == quads
    else:
        assert len(set(parsed)) == len(parsed) == len(triples), "turtle holds the union, each triple once"
        assert _as_triples(parsed) == triples


@pytest.mark.parametrize("fmt", list(OX_FORMATS))
def test_rdflib_reparses_to_the_same_size(exported, store_content, fmt):
    quads, triples = store_content
    if fmt in QUAD_FORMATS:
        ds = Dataset()
        ds.parse(exported[fmt], format=RDFLIB_FORMATS[fmt])
        parsed = set(ds.quads((None, None, None, None)))
        assert len(parsed) == len(quads)
        graphs = {str(g) for *_, g in parsed}
        assert graphs == {q.graph_name.value for q in quads}
        n_bnodes = len({t for q in parsed for t in q[:3] if isinstance(t, BNode)})
    else:
        g = Graph()
        g.parse(exported[fmt], format=RDFLIB_FORMATS[fmt])
        assert len(g) == len(triples)
        n_bnodes = len({t for tr in g for t in tr if isinstance(t, BNode)})
    assert n_bnodes == len({t for q in quads for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)})


def test_rdflib_and_pyoxigraph_read_the_same_text(exported):
    """Chinese text (plain and @zh literals) comes through both parsers alike; numbers keep their value."""
    from decimal import Decimal

    from rdflib import XSD, Literal

    ds = Dataset()
    ds.parse(exported["trig"], format="trig")
    lits = [o for _, _, o, _ in ds.quads((None, None, None, None)) if isinstance(o, Literal)]
    rdflib_text = {(str(o), o.language) for o in lits if o.datatype in (None, XSD.string)}
    rdflib_decimals = {Decimal(str(o)) for o in lits if o.datatype == XSD.decimal}
    ox_lits = [q.object for q in ox.parse(path=str(exported["nquads"]), format=ox.RdfFormat.N_QUADS)
               if isinstance(q.object, ox.Literal)]
    text_types = ("http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")
    ox_text = {(o.value, o.language) for o in ox_lits if o.datatype.value in text_types}
    ox_decimals = {Decimal(o.value) for o in ox_lits if o.datatype.value == str(XSD.decimal)}
    assert rdflib_text == ox_text
    assert rdflib_decimals == ox_decimals and Decimal("1980000000000") in ox_decimals
    assert ("商务部谈跨境电商试验区扩围：将完善综试区评估和退出机制", None) in ox_text


def test_ntriples_export_is_the_union(examples_store, store_content):
    _, triples = store_content
    store = Store(examples_store.store, read_only=True)
    data = export_bytes(store, "ntriples")
    parsed = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    assert len(parsed) == len(triples) and _as_triples(parsed) == triples
    assert data.splitlines() == sorted(data.splitlines())


# ------------------------------------------------------------------------------------ atomicity
class _Boom(RuntimeError):
    pass


def test_export_is_atomic(examples_store, tmp_path, monkeypatch):
    target = tmp_path / "graph.nq"
    target.write_bytes(b"OLD CONTENT\n")
    real_fdopen = os.fdopen

    class HalfWriter:
        """A file object that writes half of what it is given, then fails."""
        def __init__(self, fh):
            self.fh = fh

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            self.fh.flush()
            raise _Boom("disk full (simulated)")

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()
            return False

    monkeypatch.setattr(kex.os, "fdopen", lambda fd, mode="r", *a, **k: HalfWriter(real_fdopen(fd, mode, *a, **k)))
    store = Store(examples_store.store, read_only=True)
    with pytest.raises(_Boom):
        export(store, "nquads", target)
    assert target.read_bytes() == b"OLD CONTENT\n", "the old file must stay intact"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq"], "no temp file may be left behind"

    monkeypatch.setattr(kex.os, "fdopen", real_fdopen)
    export(store, "nquads", target)
    assert target.read_bytes() == export_bytes(store, "nquads")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq"]


def test_export_interrupted_before_replace(examples_store, tmp_path, monkeypatch):
    target = tmp_path / "graph.trig"
    target.write_bytes(b"OLD")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(kex.os, "replace", interrupted)
    store = Store(examples_store.store, read_only=True)
    with pytest.raises(KeyboardInterrupt):
        export(store, "trig", target)
    assert target.read_bytes() == b"OLD"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"]


# -------------------------------------------------------------------------------- determinism
@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "jsonld"])
def test_export_twice_is_byte_identical(examples_store, fmt):
    store = Store(examples_store.store, read_only=True)
    assert export_bytes(store, fmt) == export_bytes(store, fmt)


def test_nquads_lines_sorted_and_unique(examples_store):
    data = nquads(examples_store.store)
    lines = data.splitlines()
    assert lines == sorted(set(lines))
    assert data.endswith(b"\n")


def test_jsonld_is_compacted_with_the_vocabulary_prefixes(exported):
    """Properties and datatypes as compact IRIs under an @context (half the size of the expanded
    form pyoxigraph writes); the reparse tests above show it expands to the store's quads."""
    import json
    doc = json.loads(exported["jsonld"].read_text(encoding="utf-8"))
    assert doc["@context"]["schema"] == "https://schema.org/" and "kgr" not in doc["@context"]
    keys = {k for g in doc["@graph"] for node in g.get("@graph", [g]) for k in node}
    assert "schema:headline" in keys and "https://schema.org/headline" not in keys
    # classes are @type, where JSON-LD and schema.org tools look for them (B audit: "rdf:type")
    assert "@type" in keys and "rdf:type" not in keys and RDF_TYPE not in keys
    types = {t for g in doc["@graph"] for node in g.get("@graph", [g])
             for t in ([node["@type"]] if isinstance(node.get("@type"), str) else node.get("@type", []))}
    assert {"kg:Article", "schema:NewsArticle"} <= types


def test_a_special_file_is_written_to_not_replaced(tmp_path):
    # kg viz -o /dev/null (as root) put a plain file where the device was: a named pipe stands in
    import os
    import stat
    import threading
    from kg.export import write_atomic
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, b"<html>ok</html>")
    reader.join(timeout=10)
    assert got == [b"<html>ok</html>"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_link_is_written_through_not_replaced(tmp_path):
    # kg export -o /dev/stdout > out.nq: /dev/stdout is a link to the file; replacing the link
    # wrote nothing to the file (a stand-in link here)
    from kg.export import write_atomic
    target = tmp_path / "out.nq"
    target.write_bytes(b"old")
    link = tmp_path / "stdout"
    link.symlink_to(target)
    write_atomic(link, b"<a> <b> <c> .\n")
    assert link.is_symlink() and target.read_bytes() == b"<a> <b> <c> .\n"


def test_a_write_that_fails_names_the_file_asked_for(tmp_path, monkeypatch):
    # the new-user audit: a read-only folder's error named the hidden temporary file, and
    # /dev/full's named no file at all
    import errno
    import tempfile
    from kg.export import write_atomic

    def refuse(*a, **kw):
        raise PermissionError(errno.EROFS, "Read-only file system", str(tmp_path / ".x.ttl.1.abc.tmp"))
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OSError) as info:
        write_atomic(tmp_path / "x.ttl", b"data")
    assert info.value.filename == str(tmp_path / "x.ttl") and "Read-only file system" in str(info.value)
    monkeypatch.undo()
    if Path("/dev/full").exists():
        with pytest.raises(OSError) as info:
            write_atomic("/dev/full", b"data" * 10_000)
        assert info.value.filename == "/dev/full"
