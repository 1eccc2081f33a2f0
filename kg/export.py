"""Exports of the whole store: TriG and N-Quads keep the named graphs; Turtle, N-Triples and
RDF/XML hold their union; JSON-LD keeps the graphs. Files are written atomically (`write_atomic`: temp file,
fsync, os.replace) so an interrupted export, even kill -9, never leaves a truncated file."""
from __future__ import annotations

import errno
import io
import json
import os
import re
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

from .store import Store
from .vocab import PREFIXES

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
           "nquads": ox.RdfFormat.N_QUADS, "nq": ox.RdfFormat.N_QUADS, "ntriples": ox.RdfFormat.N_TRIPLES,
           "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD,
           "json": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML, "rdf": ox.RdfFormat.RDF_XML,
           "owl": ox.RdfFormat.RDF_XML, "xml": ox.RdfFormat.RDF_XML}
GRAPH_FORMATS = {ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.RDF_XML}


def format_name(text: str) -> str | None:
    """The canonical name (turtle, trig, nquads, ntriples, jsonld, rdfxml) of a format name or
    file extension FORMATS knows (ttl, nq, json-ld, rdf ...), else None."""
    fmt = FORMATS.get(text.lower())
    return None if fmt is None else next(name for name, f in FORMATS.items() if f == fmt)
# vocabulary prefixes only: kgr: would write resource IRIs as escaped names (kgr:org\/x,
# kgr:person\/\%E7\%8E...), legal Turtle that no reader wants; full IRIs are clean
EXPORT_PREFIXES = {k: v for k, v in PREFIXES.items() if k not in ("sh", "kgr")}


def export_bytes(store: Store, fmt: str) -> bytes:
    rdf_format = FORMATS[fmt]
    buf = io.BytesIO()
    if rdf_format in GRAPH_FORMATS:
        # the union of all graphs, de-duplicated by the CONSTRUCT
        triples = store.ox.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        ox.serialize(triples, buf, format=rdf_format,
                     prefixes=EXPORT_PREFIXES if rdf_format != ox.RdfFormat.N_TRIPLES else None)
    elif rdf_format == ox.RdfFormat.TRIG:
        ox.serialize(store.ox.quads_for_pattern(None, None, None, None), buf, format=rdf_format, prefixes=EXPORT_PREFIXES)
    else:
        store.ox.dump(buf, format=rdf_format)
    data = buf.getvalue()
    if rdf_format == ox.RdfFormat.JSON_LD:
        data = compact_jsonld(data)
    if rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES):
        # line-based formats: sorted lines make the same store give the same bytes
        lines = sorted(set(data.splitlines()))
        data = b"\n".join(lines) + (b"\n" if lines else b"")
    return data


_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def compact_jsonld(data: bytes, prefixes: dict[str, str] = EXPORT_PREFIXES) -> bytes:
    """pyoxigraph writes JSON-LD fully expanded (every property a full IRI: twice the size of
    TriG). The same document with an @context of the vocabulary prefixes, properties and
    datatypes as compact IRIs (schema:headline, xsd:decimal); node IRIs stay whole. Any JSON-LD
    processor expands it back to the same quads."""
    by_length = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda x: -len(x[0]))

    def iri(value: str) -> str:
        for ns, p in by_length:
            if value.startswith(ns) and _LOCAL_NAME.fullmatch(value[len(ns):]):
                return f"{p}:{value[len(ns):]}"
        return value

    def walk(node):
        if isinstance(node, list):
            return [walk(x) for x in node]
        if isinstance(node, dict):
            out = {}
            for k, v in node.items():
                if k == _RDF_TYPE and isinstance(v, list) and all(isinstance(x, dict) and set(x) == {"@id"}
                                                                  and not x["@id"].startswith("_:") for x in v):
                    # (classes as @type, where JSON-LD and schema.org tools look for them, not as an
                    # rdf:type property)
                    types = [iri(x["@id"]) for x in v]
                    out["@type"] = types[0] if len(types) == 1 else types
                elif not k.startswith("@"):
                    out[iri(k)] = walk(v)
                elif k == "@type" and isinstance(v, str):       # a literal's datatype
                    out[k] = iri(v)
                else:
                    out[k] = walk(v)
            return out
        return node

    doc = {"@context": dict(prefixes), "@graph": walk(json.loads(data))}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def to_dataset(store: Store, graphs: list[str] | None = None, everywhere: tuple[str, ...] = ()):
    """The store (or only the named `graphs`) as an rdflib Dataset whose default graph is the
    union of its graphs. With `graphs`, the triples of the `everywhere` predicates (an entity's
    alternative labels, which every article adds to) come from all graphs, into the first."""
    from rdflib import Dataset
    ds = Dataset(default_union=True)
    if graphs is None:
        data = export_bytes(store, "nquads")
    else:
        quads = [q for g in graphs for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(g)))]
        first = ox.NamedNode(str(graphs[0]))
        quads += [ox.Quad(q.subject, q.predicate, q.object, first) for p in everywhere
                  for q in store.ox.quads_for_pattern(None, ox.NamedNode(p), None, None)]
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    ds.parse(data=data, format="nquads")
    return ds


def article_graph(store: Store, article: str) -> str | None:
    """The graph of the one article that `article` names (id, IRI, source path, or the end of
    one: a0001.md), as kg.views resolves it; None when it names none or several."""
    norm = str(article).strip().replace("\\", "/")
    found = set()
    for aid, info in store.articles().items():
        if norm in (aid, info["graph"]):
            found.add(info["graph"])
        for path in (p.replace("\\", "/") for p in info.get("paths", [info["path"]])):
            # (a copy in another folder is the same article: any of its paths names it)
            if norm == path or path.endswith("/" + norm) or norm.endswith("/" + path.lstrip("/")):
                found.add(info["graph"])
    return found.pop() if len(found) == 1 else None


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace `path` with `data` so that, whatever happens (an exception, kill -9, a power cut
    after return), `path` is either its old content or all of `data`, never a part.

    The data goes to a temporary file in the same directory (".NAME.PID.RANDOM.tmp"), is
    fsynced, and only then renamed over `path` (os.replace is atomic); the directory is fsynced
    so the rename lasts. A writer killed on the way can only leave such a hidden temporary file;
    the next write to the same path removes those whose process is gone. The new file gets the
    old one's permissions, or the usual ones (0666 less the umask), not mkstemp's 0600."""
    path = Path(path)
    if path.is_dir():                   # else the rename fails, naming the temporary file
        raise IsADirectoryError(errno.EISDIR, "is a directory (name a file to write)", str(path))
    if path.is_symlink() or (path.exists() and not path.is_file()) or str(path.absolute()).startswith(("/dev/", "/proc/")):
        # /dev/null, /dev/stdout (a link to wherever the shell sent it), a named pipe, a link the
        # user made: written to, never replaced (a rename would put a plain file where the device
        # or the link was)
        try:
            with open(path, "wb") as fh:
                fh.write(data)
        except OSError as exc:          # (/dev/full: "No space left on device", naming no file)
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(path)
    mode = _target_mode(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:              # (a read-only folder: name the file asked for, not the temporary one)
        raise OSError(exc.errno, f"cannot write here: {exc.strerror}", str(path)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
        _fsync_dir(path.parent)
    except BaseException as exc:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        if isinstance(exc, OSError) and exc.filename != str(path):
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def _remove_stale_temps(path: Path) -> None:
    """Remove ".NAME.PID.*.tmp" files left by writers of `path` that no longer run."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid = name[len(prefix):].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
            continue                                     # still running (or not ours to ask)
        except ProcessLookupError:
            pass
        except (PermissionError, OverflowError, ValueError):
            continue
        try:
            os.unlink(path.parent / name)
        except OSError:
            pass


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        pass
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_dir(directory: Path) -> None:
    try:
        dfd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def export(store: Store, fmt: str, output: str | Path | None, *, gzip: bool = False) -> int:
    data = export_bytes(store, fmt)
    if gzip:
        import gzip as gz
        data = gz.compress(data, mtime=0)       # (no time stamp: the same store, the same bytes)
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(output, data)
    return len(data)
