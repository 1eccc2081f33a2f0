#!/usr/bin/env python3
"""End-to-end build throughput against its floor, on the real corpus and scaled corpora.

    .venv/bin/python benchmarks/bench_build.py                      # real, 1000, 10000
    .venv/bin/python benchmarks/bench_build.py --sizes real 1000 10000 100000 --jobs 2

For each corpus, each in a fresh child process:
* e2e: `kg.pipeline.build` into a new embedded store with --jobs N (default: the cores), all of
  it: reading, hashing, extraction in the workers, batched writes, pruning, flush;
* floor: the same files read, hashed and sent to the same number of workers, which only run the
  reader (decode + front matter + HTML/Markdown parse + sentence segmentation);
* ratio = e2e articles/s / floor articles/s;
* CPU ms/article: CPU time of the build process and its workers over the articles, and what
  that gives on the machine's cores when nothing else runs (cores x 1000 / CPU ms): the machine
  these ran on is shared, so wall-clock rates depend on the load average shown;
* for the real corpus (and with --rdflib, 1000 articles): the same build into rdflib's memory
  store (a Dataset, one context per article, rdflib Graphs all along), serial, for comparison.
Writes benchmarks/results/build.md.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEFAULT_WORKDIR, corpus, cores, loadavg, run_child, table, write_result  # noqa: E402

E2E = r"""
import json, sys, time, shutil
from kg.pipeline import build
from kg.store import Store
paths, store_dir, jobs = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3])
shutil.rmtree(store_dir, ignore_errors=True)
s = Store(store_dir)
t = time.perf_counter()
r = build(paths, s, jobs=jobs)
wall = time.perf_counter() - t
n = s.count()
s.close()
print(json.dumps({"wall": wall, "built": r.built, "failed": r.failed, "triples": n}))
"""

FLOOR = r"""
import hashlib, json, sys, time
from kg.executors import make_executor
from kg.readers import ReadError, iter_article_files, read_bytes

def floor_batch(items):
    n = 0
    for path, data in items:
        try:
            read_bytes(data, path)
            n += 1
        except ReadError:
            pass
    return n

def tasks(files, chunk=8):
    batch = []
    for f in files:
        with open(f, "rb") as fh:
            data = fh.read()
        hashlib.sha256(data).hexdigest()
        batch.append((str(f), data))
        if len(batch) >= chunk:
            yield batch
            batch = []
    if batch:
        yield batch

paths, jobs = json.loads(sys.argv[1]), int(sys.argv[2])
t = time.perf_counter()
files, _ = iter_article_files(paths)
ex = make_executor(None, jobs, window=4 * jobs)
n = sum(ex.map(floor_batch, tasks(files)))
ex.close()
print(json.dumps({"wall": time.perf_counter() - t, "read": n}))
"""

RDFLIB = r"""
import json, sys, time
from common import rdflib_dataset
t = time.perf_counter()
ds, n = rdflib_dataset(json.loads(sys.argv[1]), ontology=True)
print(json.dumps({"wall": time.perf_counter() - t, "built": n, "triples": len(ds)}))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", default=["real", "1000", "10000"])
    ap.add_argument("--jobs", type=int, default=cores())
    ap.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    ap.add_argument("--rdflib", action="store_true", help="also compare rdflib at 1000 articles")
    ap.add_argument("--keep", action="store_true", help="keep the stores (bench_query/bench_reingest reuse them)")
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows, notes = [], []
    load_before = loadavg()
    for size in args.sizes:
        key = size if size == "real" else int(size)
        paths = [str(p) for p in corpus(key, args.workdir)]
        store = args.workdir / f"store-{size}"
        import json
        floor = run_child(FLOOR, json.dumps(paths), str(args.jobs))
        store.with_suffix(".complete").unlink(missing_ok=True)
        e2e = run_child(E2E, json.dumps(paths), str(store), str(args.jobs))
        n = e2e["built"]
        e2e_rate, floor_rate = n / e2e["wall"], floor["read"] / floor["wall"]
        cpu_ms = e2e["cpu"] * 1000 / n
        floor_cpu_ms = floor["cpu"] * 1000 / floor["read"]
        rows.append([f"{size} (oxigraph, jobs={args.jobs})", n, f"{e2e['triples']:,}", round(e2e["wall"], 2),
                     round(e2e_rate, 1), round(floor_rate, 1), f"{e2e_rate / floor_rate:.2f}",
                     round(cpu_ms, 1), round(floor_cpu_ms, 2), f"{floor_cpu_ms / cpu_ms:.2f}",
                     round(cores() * 1000 / cpu_ms, 1), loadavg()])
        print(rows[-1], file=sys.stderr)
        if size == "real" or (args.rdflib and key == 1000):
            rl = run_child(RDFLIB, json.dumps(paths))
            rows.append([f"{size} (rdflib Dataset in memory, serial)", rl["built"], f"{rl['triples']:,}",
                         round(rl["wall"], 2), round(rl["built"] / rl["wall"], 1), "", "",
                         round(rl["cpu"] * 1000 / rl["built"], 1), "", "", "", loadavg()])
            print(rows[-1], file=sys.stderr)
        if args.keep and size != "real":
            store.with_suffix(".complete").write_text(f"{n} articles\n")
        elif size != "real":
            import shutil
            shutil.rmtree(store, ignore_errors=True)
    body = table(["corpus", "articles", "triples", "e2e s", "e2e art/s", "floor art/s", "e2e/floor",
                  "CPU ms/article", "floor CPU ms/article", "e2e/floor by CPU", "art/s on idle cores (est.)",
                  "load avg after"], rows)
    body += ("\n\nfloor = read + decode + HTML/Markdown parse + sentence segmentation, same files, same "
             "workers. CPU ms/article counts the build process and its worker processes (start-up "
             "included); 'by CPU' compares CPU per article, which the machine's load does not change; the estimate "
             f"divides {cores()} cores x 1000 ms by it (what the build reaches when it has the cores "
             f"to itself). Load average when the run began: {load_before}.")
    write_result("build", "Build throughput", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
