#!/usr/bin/env python3
"""Benchmark of `kg viz` views: 200, 2,000 and 10,000 nodes.

For each size a synthetic store is made in the shape docs/ARCHITECTURE.md describes (entities
in kgr:entities, one named graph per article with its mentions and its facts with evidence),
with a realistic mix: people holding posts in organisations (a few hubs, some facts stated by
several articles), documents issued and approved, places designated for programmes,
statements (leaves), and entities only ever mentioned (isolated nodes, half the nodes of the real
corpus). Every entity and statement is a node of the whole-store view, so the view has exactly
N nodes; it is written with max_nodes=N (nothing left out) and then opened in headless Chromium
(Debian's /usr/bin/chromium, driven by Playwright, network blocked) to measure:

* file size, and time to write (kg.views.build_view: SPARQL, graph, layout, JSON, HTML), with
  the layout's share;
* time until the layout is stable in the browser: physics is off (positions come from Python),
  so the layout is final at the first 'afterDrawing' event; the page records performance.now()
  then (ms since navigation start) and a promise in the page waits for it. That positions do
  not move afterwards is checked (two samples 500 ms apart);
* a full redraw (what every pan/zoom frame costs; median of 5) and a search (typing a label).

    .venv/bin/python benchmarks/bench_views.py                 # 200, 2000, 10000
    .venv/bin/python benchmarks/bench_views.py --sizes 200 2000
    .venv/bin/python benchmarks/bench_views.py --screenshot docs/img/focus-mofcom.png

Writes benchmarks/results/views.md (a Markdown table and the machine it ran on).
`--screenshot` instead builds ../shared/corpus and saves the focus view of 商务部 (depth 2).
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
for p in (REPO, REPO / "tests"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

warnings.filterwarnings("ignore", category=DeprecationWarning)

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9"]
RESULTS = REPO / "benchmarks" / "results" / "views.md"


# ----------------------------------------------------------------------------- synthetic store

def synthetic_store(n_nodes: int, seed: int = 1):
    """An rdflib Dataset whose whole-store view has exactly `n_nodes` nodes."""

    from conftest_browser import R, Builder

    rng = random.Random(seed)
    n_stmt = n_nodes // 5
    n_org = max(n_nodes * 15 // 100, 3)
    n_doc = max(n_nodes // 10, 2)
    n_place = n_nodes // 5
    n_prog = max(n_nodes // 50, 1)
    n_person = n_nodes - n_stmt - n_org - n_doc - n_place - n_prog
    n_art = max(n_nodes // 8, 2)

    b = Builder()
    arts = [b.article(f"{i:016x}", f"新闻标题{i}",
                      date=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00Z")[0]
            for i in range(n_art)]
    people = [b.entity(R[f"person/p{i}"], "Person", f"人物{i}") for i in range(n_person)]
    orgs = [b.entity(R[f"org/o{i}"], "GovernmentBody" if i % 3 else "Company", f"机构{i}",
                     alt=(f"机构简称{i}",)) for i in range(n_org)]
    docs = [b.entity(R[f"doc/d{i}"], "Document", f"关于推进第{i}项工作的通知")
            for i in range(n_doc)]
    places = [b.entity(R[f"place/{100000 + i}"], "City", f"城市{i}") for i in range(n_place)]
    progs = [b.entity(R[f"programme/g{i}"], "Programme", f"试点项目{i}") for i in range(n_prog)]
    posts = [b.post(n) for n in ("新闻发言人", "部长", "副部长", "主任", "董事长", "司长")]

    def hub(items):                      # preferential: a few items get most of the links
        return items[min(int(rng.paretovariate(1.1)) - 1, len(items) - 1)]

    def some_articles():
        k = 1 if rng.random() < 0.9 else rng.choice((2, 3))   # a tenth stated by 2-3 articles
        return rng.sample(arts, k)

    for i, p in enumerate(people):
        if i % 4 == 3:                   # mentioned only: an isolated node
            b.mention(rng.choice(arts), p)
            continue
        for _ in range(1 if rng.random() < 0.8 else 2):
            o, post = hub(orgs), rng.choice(posts)
            for a in some_articles():
                b.mention(a, p, o)
                b.role(a, p, o, post, f"{i}号：机构某职务人物{i}表示。", f"某职务人物{i}",
                       confidence=rng.choice((0.6, 0.8, 0.9)))
    for i, d in enumerate(docs):
        a = rng.choice(arts)
        o = hub(orgs)
        b.mention(a, d, o)
        b.doc_action(a, o, d, rng.choice(["approved", "issued", "published"]),
                     f"机构印发《关于推进第{i}项工作的通知》。", "印发")
    for i, pl in enumerate(places):
        a = rng.choice(arts)
        if i % 2:
            b.mention(a, pl)
            continue
        g = hub(progs)
        b.mention(a, pl, g)
        b.designation(a, pl, g, f"同意在城市{i}设立试点项目。", f"在城市{i}设立",
                      approved_by=rng.choice(docs) if rng.random() < 0.3 else None)
    speakers = [p for i, p in enumerate(people) if i % 4 != 3]
    for i in range(n_stmt):
        a = rng.choice(arts)
        sp = hub(speakers)
        b.mention(a, sp)
        b.statement(a, sp, f"第{i}条表态：将继续推进高水平对外开放", f"人物表示，第{i}条表态。",
                    f"第{i}条表态")
    for o in orgs:                       # every organisation at least mentioned
        b.mention(rng.choice(arts), o)
    for g in progs:
        b.mention(rng.choice(arts), g)
    return b.ds


# ----------------------------------------------------------------------------- measuring

def write_view(ds, out: Path, n: int) -> dict:
    import kg.views as v

    spent = {"layout": 0.0}
    orig = v._layout

    def timed(*a, **k):
        t = time.perf_counter()
        try:
            return orig(*a, **k)
        finally:
            spent["layout"] += time.perf_counter() - t

    v._layout = timed
    try:
        t0 = time.perf_counter()
        s = v.build_view(ds, out, max_nodes=n)
        s["write_s"] = time.perf_counter() - t0
    finally:
        v._layout = orig
    s["layout_s"] = spent["layout"]
    s["bytes"] = out.stat().st_size
    return s


def measure_in_browser(browser, path: Path, probe_label: str) -> dict:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    page = ctx.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        t0 = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="commit", timeout=300_000)
        # in the page: a promise resolved at the first 'afterDrawing' (the page script stores
        # performance.now() then in window.kgFirstDrawMs, ms since navigation start)
        first = page.evaluate("""() => new Promise(resolve => {
            const check = () => window.kgRendered ? resolve(window.kgFirstDrawMs)
                                                  : setTimeout(check, 5);
            check(); })""")
        wall = time.perf_counter() - t0
        nodes = page.evaluate("window.kgNodes.length")
        stable = page.evaluate("""() => new Promise(resolve => {
            const a = JSON.stringify(window.kgNetwork.getPositions());
            setTimeout(() => resolve(a === JSON.stringify(window.kgNetwork.getPositions())), 500);
            })""")
        redraw = page.evaluate("""() => { const out = [];
            for (let i = 0; i < 5; i++) { const t = performance.now();
                window.kgNetwork.redraw(); out.push(performance.now() - t); }
            out.sort((a, b) => a - b); return out[2]; }""")
        search = page.evaluate("""(q) => { const t = performance.now(); window.kgSearch(q);
            return performance.now() - t; }""", probe_label)
        return {"first_draw_ms": first, "wall_s": wall, "nodes_in_page": nodes,
                "stable": stable, "redraw_ms": redraw, "search_ms": search,
                "errors": errors, "blocked": blocked}
    finally:
        ctx.close()


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                                  timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        chromium = "?"
    return (f"{platform.platform()}, {cpu or platform.processor()} ({os.cpu_count()} CPUs), "
            f"Python {platform.python_version()}, {chromium}")


def run(sizes: list[int], out_md: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    load0 = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    with tempfile.TemporaryDirectory(prefix="kg-bench-views-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            # warm up: imports (networkx, pyvis), the vis-network bundle read, prepared queries
            t = time.perf_counter()
            write_view(synthetic_store(20), Path(tmp) / "warm.html", 20)
            print(f"warm-up (imports, first view): {time.perf_counter() - t:.2f} s", flush=True)
            for n in sizes:
                t = time.perf_counter()
                ds = synthetic_store(n)
                make_s = time.perf_counter() - t
                out = Path(tmp) / f"view-{n}.html"
                s = write_view(ds, out, n)
                assert s["nodes"] == n and s["dropped"] == 0, s
                m = measure_in_browser(browser, out, "人物1")
                assert m["nodes_in_page"] == n and not m["errors"] and not m["blocked"], m
                row = {"nodes": n, "edges": s["edges"], "triples": len(ds), "store_s": make_s,
                       "bytes": s["bytes"], "write_s": s["write_s"], "layout_s": s["layout_s"],
                       **m}
                rows.append(row)
                print(json.dumps({k: v for k, v in row.items() if k not in ("errors", "blocked")}),
                      flush=True)
                del ds
                gc.collect()
        finally:
            browser.close()
    lines = [
        "# kg viz benchmark",
        "",
        "`benchmarks/bench_views.py`: synthetic stores, whole-store view with `max_nodes` = N "
        "(nothing left out), opened in headless Chromium with the network blocked.",
        "",
        "| nodes | edges | file size | time to write | of which layout | layout stable in Chromium "
        "(first draw) | load to stable (wall) | positions still after 500 ms | redraw | search |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['nodes']:,} | {r['edges']:,} | {r['bytes'] / 1e6:.2f} MB | {r['write_s']:.2f} s "
            f"| {r['layout_s']:.2f} s | {r['first_draw_ms']:.0f} ms | {r['wall_s']:.2f} s "
            f"| {'yes' if r['stable'] else 'NO'} | {r['redraw_ms']:.0f} ms "
            f"| {r['search_ms']:.0f} ms |")
    lines += [
        "",
        "* time to write: `kg.views.build_view` from an in-memory rdflib Dataset to the HTML file "
        "(SPARQL reads, graph, centralities, layout, JSON), after a warm-up view (a first call "
        "also imports networkx and pyvis, ~0.5 s); `kg viz` also spends the time to load the "
        "store into rdflib (2-4 s for the 135-article corpus).",
        "* layout stable: physics is off and positions come from Python, so the layout is final "
        "at the first `afterDrawing` event; the figure is `performance.now()` then, i.e. ms "
        "since navigation start (parsing the page, vis-network and the data included).",
        "* redraw: one full `network.redraw()` (the cost of each pan/zoom frame), median of 5; "
        "search: typing a label in the search box (match, select, centre, side panel).",
        "",
        f"Machine: {machine()}; load average when it started: {load0}.",
        "",
    ]
    out_md.parent.mkdir(parents=True, exist_ok=True)
    out_md.write_text("\n".join(lines), encoding="utf-8")
    return rows


# ----------------------------------------------------------------------------- screenshot

def screenshot(path: Path) -> None:
    """The focus view of 商务部 (depth 2) built from ../shared/corpus, at 1400x900, with the
    role edge 高峰 -> 商务部 selected so the panel shows its evidence."""
    from playwright.sync_api import sync_playwright

    from conftest_browser import open_dataset
    from kg.pipeline import build
    from kg.store import Store
    from kg.views import build_view

    corpus = Path(os.environ.get("KG_CORPUS") or REPO.parent / "shared" / "corpus")
    with tempfile.TemporaryDirectory(prefix="kg-shot-") as tmp:
        store = Store(Path(tmp) / "store")
        build([corpus], store)
        store.close()
        del store
        gc.collect()
        ds = open_dataset(Path(tmp) / "store")
        s = build_view(ds, Path(tmp) / "focus.html", focus="商务部", depth=2)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            ctx = browser.new_context(viewport={"width": 1400, "height": 900})
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                      else r.abort())
            page = ctx.new_page()
            page.goto(Path(s["path"]).resolve().as_uri())
            page.wait_for_function("window.kgRendered === true")
            page.evaluate("""() => {
                const d = window.kgData, by = l => d.nodes.find(n => n.label === l).id;
                const g = by('高峰'), m = by('商务部');
                const e = d.edges.filter(e => e.from === g && e.to === m && e.kind === 'role')
                                 .sort((a, b) => b.support - a.support)[0];
                window.kgSelect(e.id);
                window.kgNetwork.fit({animation: false});
            }""")
            page.wait_for_timeout(300)
            path.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(path))
            browser.close()
    print(f"wrote {path}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    ap.add_argument("-o", "--output", type=Path, default=RESULTS)
    ap.add_argument("--screenshot", type=Path, metavar="PNG",
                    help="save the corpus focus view of 商务部 instead of benchmarking")
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)", file=sys.stderr)
        return 2
    if args.screenshot:
        screenshot(args.screenshot)
        return 0
    run(args.sizes, args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
