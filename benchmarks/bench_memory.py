#!/usr/bin/env python3
"""Peak memory of a build at 1k and 10k articles (streaming: it should barely grow).

    .venv/bin/python benchmarks/bench_memory.py                     # 1000 10000
    .venv/bin/python benchmarks/bench_memory.py --sizes 1000 10000 100000 --jobs 2

Each build runs in a fresh child process (`kg.pipeline.build` into a new embedded store). The
child reports its own peak RSS (resource.getrusage, RUSAGE_SELF: the process that writes the
store) and the largest peak among its worker processes (RUSAGE_CHILDREN); "total" is the peak of
the sum over the process tree, sampled every 50 ms with psutil when it is installed, else the
bound writer + jobs x worker. For 1000 articles, rdflib's memory store (the same articles,
serial, into a Dataset) is measured the same way. Writes benchmarks/results/memory.md.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEFAULT_WORKDIR, cores, corpus, loadavg, run_child, table, write_result  # noqa: E402

CHILD = r"""
import json, resource, shutil, sys, threading, time
paths, store_dir, jobs, kind = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
peak = [0]
stop = threading.Event()
try:
    import psutil
    me = psutil.Process()
    def sample():
        while not stop.is_set():
            total = 0
            for p in [me] + me.children(recursive=True):
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total)
            stop.wait(0.05)
    threading.Thread(target=sample, daemon=True).start()
except ImportError:
    psutil = None
t = time.perf_counter()
if kind == "oxigraph":
    from kg.pipeline import build
    from kg.store import Store
    shutil.rmtree(store_dir, ignore_errors=True)
    s = Store(store_dir)
    r = build(paths, s, jobs=jobs)
    n, triples = r.built, s.count()
    s.close()
else:
    from common import rdflib_dataset
    ds, n = rdflib_dataset(paths)
    triples = len(ds)
stop.set()
print(json.dumps({"wall": time.perf_counter() - t, "built": n, "triples": triples,
                  "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "workers_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "tree_mb": peak[0] / 2**20 if psutil else None}))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000])
    ap.add_argument("--jobs", type=int, default=cores())
    ap.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    ap.add_argument("--no-rdflib", action="store_true")
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows, totals = [], {}
    for n in args.sizes:
        paths = [str(p) for p in corpus(n, args.workdir)]
        runs = [("oxigraph", f"kg build, jobs={args.jobs}")]
        if n == 1000 and not args.no_rdflib:
            runs.append(("rdflib", "rdflib Dataset (memory), serial"))
        for kind, label in runs:
            r = run_child(CHILD, json.dumps(paths), str(args.workdir / f"mem-store-{n}"), str(args.jobs), kind)
            workers = r["workers_mb"] if kind == "oxigraph" and args.jobs > 1 else 0
            total = r["tree_mb"] if r["tree_mb"] else r["self_mb"] + args.jobs * workers
            if kind == "oxigraph":
                totals[n] = total
            rows.append([n, label, f"{r['triples']:,}", round(r["wall"], 1), round(r["self_mb"]),
                         round(workers) if workers else "", round(total)])
            print(rows[-1], file=sys.stderr)
    import shutil
    for n in args.sizes:
        shutil.rmtree(args.workdir / f"mem-store-{n}", ignore_errors=True)
    body = table(["articles", "build", "triples", "s", "writer peak RSS MB", "largest worker peak MB",
                  "total peak MB"], rows)
    if 1000 in totals and 10000 in totals:
        body += (f"\n\n1k -> 10k articles: total peak {totals[1000]:.0f} -> {totals[10000]:.0f} MB "
                 f"(x{totals[10000] / totals[1000]:.2f}).")
    body += f" Load average after: {loadavg()}."
    write_result("memory", "Peak memory of a build", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
