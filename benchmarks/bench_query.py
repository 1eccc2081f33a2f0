#!/usr/bin/env python3
"""CQ query latencies (examples/queries/*.rq) on the real corpus and at about 1M and 10M
triples: the embedded store, pyoxigraph's memory store (same engine, no RocksDB), the Oxigraph
server and rdflib's memory store (a Dataset parsed from the same data).

    .venv/bin/python benchmarks/bench_query.py                      # real and 1M
    .venv/bin/python benchmarks/bench_query.py --levels 1M 10M --no-rdflib-above 1M

A level is reached by building a scaled corpus (benchmarks/scale_corpus.py) of enough articles
(about 600 triples each) into an embedded store, kept in the workdir and reused. Each query
runs in a fresh process: once to warm up, then up to --repeat times (all rows fetched, as
`kg query` does), abandoned after --timeout seconds; the table gives the median and the slowest
run in milliseconds. The server is `oxigraph serve --timeout-s` on a copy of the same RocksDB
directory (same format), queried over HTTP with kg.remote (union default graph). rdflib parses
an N-Quads export once and runs every query --rdflib-repeat times, within --rdflib-timeout.
Writes benchmarks/results/query.md.
"""
from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEFAULT_WORKDIR, REPO, cores, corpus, loadavg, table, write_result  # noqa: E402

QUERIES = sorted((REPO / "examples" / "queries").glob("*.rq"))
LEVELS = {"real": 0, "1M": 1_000_000, "10M": 10_000_000}
TRIPLES_PER_ARTICLE = 600


def ensure_store(level: str, workdir: Path, jobs: int) -> tuple[Path, int]:
    from kg.pipeline import build
    from kg.store import Store

    target = LEVELS[level]
    d = workdir / f"store-{level}"
    marker = d.with_suffix(".complete")
    if level == "real" and not marker.exists():
        shutil.rmtree(d, ignore_errors=True)
        s = Store(d)
        build(corpus("real", workdir), s, jobs=jobs)
        marker.write_text(str(s.count()))
        s.close()
    if not marker.exists():
        n = -(-target // TRIPLES_PER_ARTICLE)
        while True:
            paths = corpus(n, workdir)
            shutil.rmtree(d, ignore_errors=True)
            s = Store(d)
            t = time.perf_counter()
            build(paths, s, jobs=jobs)
            count = s.count()
            s.close()
            print(f"{level}: {n} articles -> {count:,} triples in {time.perf_counter() - t:.0f}s", file=sys.stderr)
            if count >= target * 0.98:
                break
            n = int(n * target / count) + 50
        marker.write_text(str(count))
    return d, int(marker.read_text())


CHILD = r"""
import json, statistics, sys, time
kind, store_dir, qfile, repeat, warm = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] == "1"
text = open(qfile, encoding="utf-8").read()
if kind == "embedded":
    from kg.query import run
    from kg.store import Store
    s = Store(store_dir, read_only=True)
    fn = lambda: len(run(s, text)[1][1])
elif kind == "memory":
    # the same engine without RocksDB: the store's quads loaded into pyoxigraph's memory store
    import io
    import pyoxigraph as ox
    from kg.query import run
    from kg.store import Store
    src = ox.Store.read_only(store_dir)
    buf = io.BytesIO()
    src.dump(buf, format=ox.RdfFormat.N_QUADS)
    del src
    s = Store.memory()
    s.ox.load(buf.getvalue(), format=ox.RdfFormat.N_QUADS)
    del buf
    fn = lambda: len(run(s, text)[1][1])
elif kind == "server":
    from kg.query import run
    from kg.remote import RemoteStore
    s = RemoteStore(store_dir, read_only=True)
    fn = lambda: len(run(s, text)[1][1])
else:
    from rdflib import Dataset
    from kg.vocab import PREFIXES
    ds = Dataset(default_union=True)
    ds.parse(store_dir, format="nquads")
    fn = lambda: len(list(ds.query(text, initNs=PREFIXES)))
n = fn() if warm else None
times = []
t_end = time.perf_counter() + 20
for i in range(repeat):
    t = time.perf_counter()
    n = fn()
    times.append((time.perf_counter() - t) * 1000)
    if time.perf_counter() > t_end and len(times) >= 3:
        break
print(json.dumps({"median": statistics.median(times), "max": max(times), "rows": n, "runs": len(times)}))
"""


def measure(kind: str, target: str, q: Path, repeat: int, timeout: float, warm: bool = True):
    """(median ms, max ms, rows, runs) or None when the query did not finish within `timeout` s."""
    import json
    try:
        r = subprocess.run([sys.executable, "-c", CHILD, kind, target, str(q), str(repeat), "1" if warm else "0"],
                           capture_output=True, text=True, timeout=timeout, cwd=str(REPO))
    except subprocess.TimeoutExpired:
        return None
    if r.returncode != 0:
        raise RuntimeError(r.stderr[-2000:])
    d = json.loads(r.stdout.strip().splitlines()[-1])
    return d["median"], d["max"], d["rows"], d["runs"]


def sample_articles(store_dir: Path, n: int) -> list[str]:
    """n article IRIs spread evenly over the store's articles in IRI order (deterministic)."""
    from kg.store import Store
    s = Store(store_dir, read_only=True)
    try:
        graphs = sorted(v["graph"] for v in s.articles().values())
    finally:
        s.close()
    step = max(1, len(graphs) // n)
    return graphs[step // 2::step][:n]


def focused(q: Path, article: str, workdir: Path) -> Path:
    """The CQ query restricted to one article: VALUES ?article first in the group where the
    query matches ?article (a subquery before it, as in mentions.rq, may not bind it)."""
    text = q.read_text(encoding="utf-8")
    first = text.index("?article", text.index("WHERE {"))
    depth, at = 0, None
    for i in range(first - 1, -1, -1):          # the brace that opens the group around it
        if text[i] == "}":
            depth += 1
        elif text[i] == "{":
            if depth == 0:
                at = i + 1
                break
            depth -= 1
    out = workdir / f"focused-{q.stem}-{article.rsplit('/', 1)[-1]}.rq"
    out.write_text(text[:at] + f"\n    VALUES ?article {{ <{article}> }}" + text[at:], encoding="utf-8")
    return out


def focused_runs(kind: str, target: str, articles: list[str], workdir: Path, repeat: int,
                 timeout: float) -> dict[str, tuple]:
    """Per query: (median of the per-article medians, slowest run, rows of the first article, runs)."""
    import statistics
    out = {}
    for q in QUERIES:
        runs = [measure(kind, target, focused(q, a, workdir), repeat, timeout) for a in articles]
        done = [r for r in runs if r]
        out[q.stem] = (statistics.median(r[0] for r in done), max(r[1] for r in done),
                       f"{min(r[2] for r in done)}-{max(r[2] for r in done)}", sum(r[3] for r in done)) \
            if len(done) == len(runs) else None
    return out


def embedded_runs(store_dir: Path, repeat: int, timeout: float, kind: str = "embedded") -> dict[str, tuple]:
    return {q.stem: measure(kind, str(store_dir), q, repeat, timeout) for q in QUERIES}


RDFLIB_CHILD = r"""
import json, statistics, sys, time
from rdflib import Dataset
from kg.vocab import PREFIXES
dump, repeat, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
t = time.perf_counter()
ds = Dataset(default_union=True)
ds.parse(dump, format="nquads")
print(json.dumps({"parse": time.perf_counter() - t}), flush=True)
for f in files:
    text = open(f, encoding="utf-8").read()
    times = []
    for i in range(repeat):
        t = time.perf_counter()
        n = len(list(ds.query(text, initNs=PREFIXES)))
        times.append((time.perf_counter() - t) * 1000)
    print(json.dumps({"q": f, "median": statistics.median(times), "max": max(times), "rows": n, "runs": repeat}), flush=True)
"""


def rdflib_runs(store_dir: Path, repeat: int, timeout: float, workdir: Path) -> tuple[dict[str, tuple], float | None]:
    """All queries in one process (rdflib parses the data once), abandoned after `timeout` s."""
    import json
    import threading

    from kg.export import export_bytes
    from kg.store import Store

    s = Store(store_dir, read_only=True)
    dump = workdir / (store_dir.name + ".nq")
    dump.write_bytes(export_bytes(s, "nquads"))
    s.close()
    out: dict[str, tuple | None] = {q.stem: None for q in QUERIES}
    parse = [None]
    proc = subprocess.Popen([sys.executable, "-c", RDFLIB_CHILD, str(dump), str(repeat), *map(str, QUERIES)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=str(REPO))

    def read():
        for line in proc.stdout:
            d = json.loads(line)
            if "parse" in d:
                parse[0] = d["parse"]
            else:
                out[Path(d["q"]).stem] = (d["median"], d["max"], d["rows"], d["runs"])
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    dump.unlink(missing_ok=True)
    return out, parse[0]


def server_runs(store_dir: Path, workdir: Path, repeat: int, timeout: float) -> dict[str, tuple]:

    exe = Path(sys.executable).parent / "oxigraph"
    exe = str(exe) if exe.exists() else shutil.which("oxigraph")
    if not exe:
        raise SystemExit("oxigraph (the server) is not installed: pip install oxigraph")
    copy = workdir / (store_dir.name + "-server")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store_dir, copy, ignore=shutil.ignore_patterns("LOCK"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([exe, "serve", "--location", str(copy), "--bind", f"127.0.0.1:{port}",
                             "--timeout-s", str(int(timeout))],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        return {q.stem: measure("server", url, q, repeat, timeout) for q in QUERIES}
    finally:
        proc.terminate()
        proc.wait(30)
        shutil.rmtree(copy, ignore_errors=True)


def _per_article(sections: list[str], level: str, store_dir: Path, args) -> None:
    """The one-article table: what an application asking about one article waits for."""
    articles = sample_articles(store_dir, args.per_article)
    runs = focused_runs("embedded", str(store_dir), articles, args.workdir, 5, args.timeout)
    print(level, "per-article done", file=sys.stderr)
    rows = [[q.stem, runs[q.stem][2] if runs[q.stem] else "?",
             f"{runs[q.stem][0]:,.1f} / {runs[q.stem][1]:,.1f}" if runs[q.stem] else f"> {args.timeout:.0f} s"]
            for q in QUERIES]
    sections.append(f"### {level}: one article at a time\n\n"
                    + table(["query", "rows per article", "embedded (pyoxigraph) median / max ms"], rows)
                    + f"\n\nThe same queries with `VALUES ?article {{ <...> }}` first in their WHERE, for "
                      f"{len(articles)} articles spread over the store; each article's query in a fresh "
                      f"process, one warm-up and 5 runs; the median of the per-article medians and the "
                      f"slowest run.")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--levels", nargs="+", default=["real", "1M"], choices=list(LEVELS))
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--jobs", type=int, default=cores())
    ap.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    ap.add_argument("--no-rdflib-above", default="1M", choices=list(LEVELS))
    ap.add_argument("--no-server", action="store_true")
    ap.add_argument("--per-article", type=int, default=5, metavar="N",
                    help="also time each query restricted to one article, for N articles (0: no)")
    ap.add_argument("--only-per-article", action="store_true", help="only the one-article table")
    ap.add_argument("--no-memory-above", default="1M", choices=list(LEVELS),
                    help="pyoxigraph's memory store (loaded anew for each query) up to this level")
    ap.add_argument("--rdflib-repeat", type=int, default=2, help="rdflib runs per query (no warm-up)")
    ap.add_argument("--timeout", type=float, default=30, help="seconds per query and store, warm-up and runs")
    ap.add_argument("--rdflib-timeout", type=float, default=300, help="rdflib: all queries, parse included")
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    sections = []
    for level in args.levels:
        store_dir, triples = ensure_store(level, args.workdir, args.jobs)
        if args.only_per_article:
            sections.append(f"## {level}: {triples:,} triples")
            _per_article(sections, level, store_dir, args)
            continue
        results = {"embedded (pyoxigraph)": embedded_runs(store_dir, args.repeat, args.timeout)}
        print(level, "embedded done", file=sys.stderr)
        if LEVELS[level] <= LEVELS[args.no_memory_above]:
            results["pyoxigraph memory store"] = embedded_runs(store_dir, args.repeat, args.timeout, "memory")
            print(level, "memory done", file=sys.stderr)
        if not args.no_server:
            results["Oxigraph server (HTTP)"] = server_runs(store_dir, args.workdir, args.repeat, args.timeout)
            print(level, "server done", file=sys.stderr)
        if LEVELS[level] <= LEVELS[args.no_rdflib_above]:
            results["rdflib Dataset (memory)"], parse = rdflib_runs(store_dir, args.rdflib_repeat,
                                                                    args.rdflib_timeout, args.workdir)
            print(level, "rdflib done", file=sys.stderr)
            rdflib_note = (f" rdflib parsed the data in {parse:.0f} s." if parse else
                           " rdflib did not finish parsing the data in time.")
        else:
            rdflib_note = ""
        headers = ["query", "rows"] + [f"{k} median / max ms" for k in results]
        rows = []
        for q in QUERIES:
            done = [r[q.stem] for r in results.values() if r[q.stem]]
            cells = [f"{r[q.stem][0]:,.1f} / {r[q.stem][1]:,.1f}" if r[q.stem] else
                     (f"> {args.timeout:.0f} s" if k != "rdflib Dataset (memory)" else "not reached")
                     for k, r in results.items()]
            rows.append([q.stem, done[0][2] if done else "?"] + cells)
        sections.append(f"## {level}: {triples:,} triples\n\n" + table(headers, rows) +
                        f"\n\nUp to {args.repeat} runs after one warm-up, stopping after 20 s once 3 are done "
                        f"(rdflib: {args.rdflib_repeat} runs, no warm-up); each query in a fresh process, "
                        f"abandoned after {args.timeout:.0f} s (rdflib: all queries in one process, parse "
                        f"included, abandoned after {args.rdflib_timeout:.0f} s).{rdflib_note} "
                        f"Load average after: {loadavg()}.")
        if args.per_article:
            _per_article(sections, level, store_dir, args)
    name = "query" if args.levels == ["real", "1M"] else "query-" + "-".join(args.levels)
    if args.only_per_article:
        name = "query-per-article-" + "-".join(args.levels)
    write_result(name, "CQ query latencies", "\n\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
