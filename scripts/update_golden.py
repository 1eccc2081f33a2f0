#!/usr/bin/env python3
"""Regenerate tests/golden/seed.trig, the golden graph of the seed article.

Run it when an *intended* change (extraction, resolution, RDF layout) alters the seed's graph,
then review what changed before committing:

    .venv/bin/python scripts/update_golden.py        # prints the quads removed/added
    git diff --stat tests/golden && git diff tests/golden

tests/test_golden.py builds the seed the same way (with `build_seed` below) and fails, showing
the quads only in the golden file and only in the new build, whenever the two differ. A change
you did not intend is a regression to fix, not a golden file to update.

What is in the golden file: the seed's article graph and the shared entities graph, built from
examples/articles/000_c397c42166a738cc.txt alone, copied into an empty folder and built there;
kg:sourcePath, the file's absolute path, is written as the bare file name
"000_c397c42166a738cc.txt", so the file is the same on every machine. The ontology graph (a copy of ontology/kg.ttl) is left out: it is not extraction.
Quads are sorted, so the file only changes when the graph does.
"""
from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_NAME = "000_c397c42166a738cc.txt"
SEED_FILE = REPO / "examples" / "articles" / SEED_NAME
GOLDEN = REPO / "tests" / "golden" / "seed.trig"

if str(REPO) not in sys.path:       # run from a checkout without the package installed
    sys.path.insert(0, str(REPO))

import pyoxigraph as ox  # noqa: E402


def build_seed(workdir: Path, store_dir: Path | None = None):
    """Copy the seed into `workdir`, build it there by relative path; returns (store dir, summary)."""
    from kg.pipeline import build
    from kg.store import Store

    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEED_FILE, workdir / SEED_NAME)
    store_dir = Path(store_dir or workdir / "store").resolve()
    cwd = os.getcwd()
    os.chdir(workdir)
    try:
        store = Store(store_dir)
        summary = build([SEED_NAME], store)
    finally:
        os.chdir(cwd)
    del store                           # release the RocksDB lock
    gc.collect()
    return store_dir, summary


def _key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def golden_quads(store_dir: Path) -> list[ox.Quad]:
    """The quads the golden file holds: every graph but the ontology's, sorted; kg:sourcePath
    (the file's absolute path, which differs from machine to machine) as its bare file name."""
    from kg.rdf import ONTOLOGY_GRAPH
    from kg.vocab import ONT

    store = ox.Store.read_only(str(store_dir))
    onto = ox.NamedNode(str(ONTOLOGY_GRAPH))
    source = ox.NamedNode(f"{ONT}sourcePath")
    quads = [q if q.predicate != source else
             ox.Quad(q.subject, q.predicate, ox.Literal(Path(q.object.value).name), q.graph_name)
             for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != onto]
    return sorted(quads, key=_key)


def to_trig(quads: list[ox.Quad]) -> bytes:
    from kg.export import EXPORT_PREFIXES

    return ox.serialize(sorted(quads, key=_key), format=ox.RdfFormat.TRIG, prefixes=EXPORT_PREFIXES)


def read_golden(path: Path = GOLDEN) -> set[ox.Quad]:
    return set(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))


def nquads_lines(quads) -> list[str]:
    """One sorted N-Quads line per quad: the readable form diffs are shown in."""
    data = ox.serialize(list(quads), format=ox.RdfFormat.N_QUADS).decode("utf-8")
    return sorted(line for line in data.splitlines() if line)


def graph_diff(expected: set, actual: set, limit: int = 40) -> str:
    missing, extra = nquads_lines(expected - actual), nquads_lines(actual - expected)
    out = [f"{len(missing)} quad(s) only in the golden file, {len(extra)} only in the new build"]
    for title, lines in (("only in expected (golden)", missing), ("only in actual (new build)", extra)):
        if lines:
            out.append(f"--- {title}" + (f", first {limit}" if len(lines) > limit else "") + ":")
            out.extend("  " + line for line in lines[:limit])
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--output", type=Path, default=GOLDEN)
    ap.add_argument("--check", action="store_true", help="only compare; exit 1 if the golden file is stale")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-golden-") as tmp:
        store_dir, summary = build_seed(Path(tmp) / "work")
        if summary.failed or summary.built != 1:
            print(f"the seed did not build: {summary.errors}", file=sys.stderr)
            return 2
        quads = golden_quads(store_dir)
    actual = set(quads)
    old = read_golden(args.output) if args.output.exists() else set()
    if old == actual:
        print(f"{args.output}: up to date ({len(actual)} quads)")
        return 0
    print(graph_diff(old, actual))
    if args.check:
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(to_trig(quads))
    print(f"wrote {args.output} ({len(actual)} quads): review `git diff {args.output.relative_to(REPO) if args.output.is_relative_to(REPO) else args.output}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
