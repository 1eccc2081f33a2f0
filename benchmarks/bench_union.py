#!/usr/bin/env python3
"""Why some CQ queries are slow on pyoxigraph: its union default graph is a multiset.

    .venv/bin/python benchmarks/bench_union.py [--level 1M]

pyoxigraph (and `oxigraph serve --union-default-graph`) answers a triple pattern over the union
of the named graphs once per graph holding the triple. A fact stated by k articles has its
triples in k article graphs, so a query joining n of its patterns sees k^n combinations before
DISTINCT removes them. This script copies every distinct triple of a bench_query.py store into
the default graph of an in-memory store (set semantics, as the SPARQL spec's RDF merge has it)
and times the same CQ queries there, next to the usual union-default-graph query on the same
in-memory data. Writes benchmarks/results/union.md.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEFAULT_WORKDIR, REPO, table, write_result  # noqa: E402


def main(argv=None) -> int:
    import pyoxigraph as ox

    from kg.vocab import PREFIXES

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--level", default="1M")
    ap.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    src = ox.Store.read_only(str(args.workdir / f"store-{args.level}"))
    dedup = ox.Store()
    dedup.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                 for q in src.quads_for_pattern(None, None, None, None))
    n_quads, n_triples = len(src), len(dedup)
    rows = []
    for q in sorted((REPO / "examples" / "queries").glob("*.rq")):
        text = q.read_text(encoding="utf-8")
        n = len(list(dedup.query(text, prefixes=PREFIXES)))
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            len(list(dedup.query(text, prefixes=PREFIXES)))
            times.append((time.perf_counter() - t) * 1000)
        rows.append([q.stem, n, f"{statistics.median(times):,.1f}"])
    body = (f"Store `{args.level}`: {n_quads:,} quads, {n_triples:,} distinct triples "
            f"({n_quads - n_triples:,} triples held by more than one graph).\n\n"
            + table(["query", "rows", "deduplicated default graph, median ms (in memory)"], rows)
            + "\n\nCompare with the union-default-graph column of query.md for the same store.")
    write_result(f"union-{args.level}", "CQ queries over a deduplicated default graph", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
