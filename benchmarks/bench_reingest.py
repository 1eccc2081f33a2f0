#!/usr/bin/env python3
"""Time to re-ingest one changed article into a large store (default 10k articles).

    .venv/bin/python benchmarks/bench_reingest.py                    # 10000 articles
    .venv/bin/python benchmarks/bench_reingest.py --articles 1000 --repeat 5

Builds (once, kept in the workdir) a store of the scaled corpus, then, --repeat times: changes
one article (a number in its text), and times
* `build([the whole corpus folder])` in-process: every file is read and hashed, the one changed
  file is extracted, its old graph dropped, the new one written, the orphaned entities pruned;
* `build([the changed file])`: the same when the caller knows which file changed;
* `kg build FOLDER` as a command (Python start-up and imports included);
* `remove([its id])` followed by a rebuild of that file.
With --rdflib, the same change in rdflib's memory store (drop the article's context, add the
new graph) on a Dataset holding the same data. Writes benchmarks/results/reingest.md.
"""
from __future__ import annotations

import argparse
import gc
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEFAULT_WORKDIR, cores, corpus, loadavg, table, write_result  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=cores())
    ap.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    ap.add_argument("--rdflib", action="store_true")
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)

    from kg.pipeline import build, remove
    from kg.store import Store

    (folder,) = corpus(args.articles, args.workdir)
    store_dir = args.workdir / f"store-{args.articles}"      # bench_build.py --keep leaves it there
    marker = store_dir.with_suffix(".complete")
    if not marker.exists():
        import shutil
        shutil.rmtree(store_dir, ignore_errors=True)
        s = Store(store_dir)
        t = time.perf_counter()
        r = build([folder], s, jobs=args.jobs)
        s.close()
        marker.write_text(f"{r.built} articles in {time.perf_counter() - t:.0f}s\n")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    target = files[len(files) // 2]
    original = target.read_bytes()
    s = Store(store_dir)
    # (a store kept from an earlier kg is re-extracted by its next build: do that now, untimed, or
    # the first timed build re-extracts every article)
    build([folder], s, jobs=args.jobs)
    triples = s.count()
    timings: dict[str, list[float]] = {"folder": [], "file": [], "cli": [], "remove+add": []}

    def change(i: int) -> None:
        text = original.decode("utf-8")
        # a different figure each time: the article's content hash (and id) change
        text = re.sub(r"(\d+)", lambda m: str(int(m.group(1)) + 1000 + i), text, count=1) \
            if re.search(r"\d", text) else text + f"\n补充{i}。"
        target.write_bytes(text.encode("utf-8"))

    try:
        step = 0
        for i in range(args.repeat):
            step += 1
            change(step)
            t = time.perf_counter()
            r = build([folder], s, jobs=None)
            timings["folder"].append(time.perf_counter() - t)
            assert r.built == 1 and r.replaced == 1, r

            step += 1
            change(step)
            t = time.perf_counter()
            r = build([target], s, jobs=None)
            timings["file"].append(time.perf_counter() - t)
            assert r.built == 1, r

            step += 1
            change(step)
            t = time.perf_counter()
            aid = next(k for k, v in s.articles().items() if v["path"] == str(target))
            remove([aid], s)
            build([target], s, jobs=None)
            timings["remove+add"].append(time.perf_counter() - t)

        s.close()
        for i in range(args.repeat):
            step += 1
            change(step)
            t = time.perf_counter()
            out = subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(folder), "--store",
                                  str(store_dir)], capture_output=True, text=True)
            timings["cli"].append(time.perf_counter() - t)
            assert out.returncode == 0 and "built 1," in out.stdout, out.stdout + out.stderr
    finally:
        target.write_bytes(original)
        s.close()                           # (a failed run must not keep the store's lock)
        s = Store(store_dir)
        build([folder], s, jobs=1)          # back to the corpus as generated
        s.close()
        gc.collect()

    labels = {"folder": f"build(whole folder of {len(files)} files), one changed",
              "file": "build(the changed file only)",
              "remove+add": "remove(id) + build(file)",
              "cli": "`kg build FOLDER` (new process)"}
    rows = [[labels[k], f"{statistics.median(v) * 1000:.0f}", f"{max(v) * 1000:.0f}"] for k, v in timings.items()]

    if args.rdflib:
        from rdflib import Dataset, Literal

        from kg import rdf
        from kg.export import export_bytes
        from kg.pipeline import article_graphs
        from kg.readers import read_file
        s = Store(store_dir, read_only=True)
        ds = Dataset(default_union=True)
        ds.parse(data=export_bytes(s, "nquads"), format="nquads")
        s.close()
        ts = []
        for i in range(args.repeat):
            change(100 + i)
            t = time.perf_counter()
            a = read_file(target)
            records, g, eg = article_graphs(a)
            for _s, _p, _o, c in list(ds.quads((None, rdf.KG.sourcePath, Literal(str(target)), None))):
                ds.remove_graph(c)
            ctx = ds.graph(rdf.article_iri(a.id))
            ctx.addN((x, p, o, ctx) for x, p, o in g)
            ds.graph(rdf.ENTITIES_GRAPH).addN((x, p, o, ds.graph(rdf.ENTITIES_GRAPH)) for x, p, o in eg)
            ts.append(time.perf_counter() - t)
        target.write_bytes(original)
        rows.append(["rdflib Dataset (memory): drop context + add graph",
                     f"{statistics.median(ts) * 1000:.0f}", f"{max(ts) * 1000:.0f}"])
    body = (f"Store: {args.articles} articles, {triples:,} triples (embedded, on disk).\n\n"
            + table(["re-ingest one changed article", "median ms", "max ms"], rows)
            + f"\n\n{args.repeat} runs each. Load average after: {loadavg()}.")
    write_result(f"reingest-{args.articles}" if args.articles != 10000 else "reingest",
                 "Re-ingesting one changed article", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
