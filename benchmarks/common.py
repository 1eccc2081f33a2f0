"""Helpers shared by the benchmarks: corpora, child processes with their CPU time and peak RSS,
Markdown tables, machine notes."""
from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
REAL = [REPO.parent / "shared" / "corpus" / "articles", REPO.parent / "shared" / "corpus" / "seed"]
DEFAULT_WORKDIR = Path(os.environ.get("KG_BENCH_DIR", "/tmp/kg-bench"))
PY = sys.executable


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def machine() -> str:
    mem = ""
    try:
        with open("/proc/meminfo") as fh:
            kb = int(fh.readline().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    import pyoxigraph
    import rdflib
    return (f"{platform.machine()}, {cores()} cores{mem}, Python {platform.python_version()}, "
            f"pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}")


def loadavg() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def corpus(n: int | str, workdir: Path) -> list[Path]:
    """The real corpus ("real") or a scaled one of n articles (written once, then reused)."""
    if n == "real":
        return [p for p in REAL if p.exists()]
    d = workdir / f"corpus-{n}"
    marker = d / ".complete"
    if not marker.exists():
        shutil.rmtree(d, ignore_errors=True)
        t = time.perf_counter()
        subprocess.run([PY, str(REPO / "benchmarks" / "scale_corpus.py"), str(n), str(d)], check=True,
                       stdout=subprocess.DEVNULL)
        marker.write_text(f"{time.perf_counter() - t:.1f}s\n")
    return [d]


def run_child(code: str, *args: str, env: dict | None = None) -> dict:
    """Run Python `code` in a child process; it prints one JSON object on its last line. Returns
    it with the child's wall time, CPU time (the child and every process it waited for, such as
    pool workers) and peak RSS (the largest single process among them)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    env = dict(os.environ, **(env or {}))
    # the child can `from common import ...` too
    env["PYTHONPATH"] = os.pathsep.join(x for x in (str(Path(__file__).resolve().parent), env.get("PYTHONPATH")) if x)
    r = subprocess.run([PY, "-c", code, *args], capture_output=True, text=True, cwd=str(REPO), env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        raise RuntimeError(f"child failed ({r.returncode}):\n{r.stderr[-3000:]}")
    out = json.loads(r.stdout.strip().splitlines()[-1])
    out.setdefault("wall", wall)
    out["child_wall"] = wall
    out["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    out["children_maxrss_mb"] = after.ru_maxrss / 1024
    return out


def rdflib_dataset(paths: list[str], ontology: bool = False):
    """The comparison build: every article of `paths` extracted as kg does, into an rdflib
    Dataset in memory (one graph per article, the entities graph, the ontology if asked).
    Returns (dataset, articles built)."""
    from rdflib import Dataset

    from kg import rdf
    from kg.extract.registry import load_extractors
    from kg.pipeline import ONTOLOGY, article_graphs
    from kg.readers import ReadError, iter_article_files, read_file
    files, _ = iter_article_files(paths)
    exs = load_extractors()
    ds = Dataset(default_union=True)
    if ontology:
        ds.graph(rdf.ONTOLOGY_GRAPH).parse(ONTOLOGY, format="turtle")
    ent = ds.graph(rdf.ENTITIES_GRAPH)
    n = 0
    for f in files:
        try:
            a = read_file(f)
        except ReadError:
            continue
        _, g, eg = article_graphs(a, exs)
        ds.remove_graph(ds.graph(rdf.article_iri(a.id)))
        ctx = ds.graph(rdf.article_iri(a.id))
        ctx.addN((s, p, o, ctx) for s, p, o in g)
        ent.addN((s, p, o, ent) for s, p, o in eg)
        n += 1
    return ds, n


def table(headers: list[str], rows: list[list]) -> str:
    def cell(v):
        if isinstance(v, float):
            return f"{v:,.3g}" if abs(v) < 100 else f"{v:,.0f}"
        return str(v)
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def write_result(name: str, title: str, body: str) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.md"
    stamp = time.strftime("%Y-%m-%d %H:%M")
    path.write_text(f"# {title}\n\n{stamp}; {machine()}; load average at the end {loadavg()}.\n\n{body}\n",
                    encoding="utf-8")
    print(path.read_text(encoding="utf-8"))
    return path
