"""Exports of the whole store: TriG and N-Quads keep the named graphs; Turtle and N-Triples hold
their union; JSON-LD keeps the graphs. Files are written atomically (temp file, fsync,
os.replace) so an interrupted export never leaves a truncated file behind."""
from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

from .store import Store
from .vocab import PREFIXES

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
           "nquads": ox.RdfFormat.N_QUADS, "nq": ox.RdfFormat.N_QUADS, "ntriples": ox.RdfFormat.N_TRIPLES,
           "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD}
GRAPH_FORMATS = {ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES}
EXPORT_PREFIXES = {k: v for k, v in PREFIXES.items() if k not in ("sh",)}


def export_bytes(store: Store, fmt: str) -> bytes:
    rdf_format = FORMATS[fmt]
    buf = io.BytesIO()
    if rdf_format in GRAPH_FORMATS:
        # the union of all graphs, de-duplicated by the CONSTRUCT
        triples = store.ox.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        ox.serialize(triples, buf, format=rdf_format,
                     prefixes=EXPORT_PREFIXES if rdf_format == ox.RdfFormat.TURTLE else None)
    elif rdf_format == ox.RdfFormat.TRIG:
        ox.serialize(store.ox.quads_for_pattern(None, None, None, None), buf, format=rdf_format, prefixes=EXPORT_PREFIXES)
    else:
        store.ox.dump(buf, format=rdf_format)
    data = buf.getvalue()
    if rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES):
        # line-based formats: sorted lines make the same store give the same bytes
        lines = sorted(set(data.splitlines()))
        data = b"\n".join(lines) + (b"\n" if lines else b"")
    return data


def to_dataset(store: Store):
    """The whole store as an rdflib Dataset whose default graph is the union of all graphs."""
    from rdflib import Dataset
    ds = Dataset(default_union=True)
    ds.parse(data=export_bytes(store, "nquads"), format="nquads")
    return ds


def write_atomic(path: str | Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def export(store: Store, fmt: str, output: str | Path | None) -> int:
    data = export_bytes(store, fmt)
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)
    return len(data)
