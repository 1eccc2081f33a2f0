"""kg.views pages in a real headless Chromium, offline.

Needs Debian's `chromium` (/usr/bin/chromium) and the `playwright` Python package (its driver
only: `playwright install` is never run, the system Chromium is launched by path). Without them
every test here is skipped with the reason. Set KG_SCREENSHOT=/path/x.png to keep a screenshot.

The network is unavailable twice over: Chromium resolves no host name and has a dead proxy, and
every page runs in a context whose router aborts anything that is not a file:// URL (and records
it, so a page that tries is caught). The corpus tests use tests/conftest.py's session fixture
`corpus_store` (../shared/corpus built with kg.pipeline.build; skipped when absent).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest_browser import (XSS_PAYLOADS, corpus_expected_whole, open_dataset, small_dataset,
                              synthetic_dataset, write_xss_corpus, xss_dataset)
from kg.views import build_site, build_view

pytestmark = [pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.identifier is deprecated:DeprecationWarning")]

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        # no network at all: no name resolves, and any connection goes to a closed port
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed (pip install playwright; "
                    "do not run `playwright install`, the system chromium is used)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Page:
    """A page in its own offline context that records what must not happen."""

    def __init__(self, browser, path: Path, *, viewport=(1400, 900)):
        self.url = Path(path).resolve().as_uri()
        self.context = browser.new_context(viewport={"width": viewport[0],
                                                     "height": viewport[1]})
        self.requests: list[str] = []        # every request the page made
        self.blocked: list[str] = []         # non-file requests (aborted)
        self.errors: list[str] = []
        self.dialogs: list[str] = []

        def route(r):
            url = r.request.url
            if url.startswith("file://"):
                r.continue_()
            else:
                self.blocked.append(url)
                r.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("request", lambda req: self.requests.append(req.url))
        self.page.on("console", lambda m: self.errors.append(f"console: {m.text}")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

        def dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", dialog)
        # alert/confirm/prompt are replaced before any page script runs
        self.page.add_init_script(
            "window.__alerts = 0;"
            "window.alert = window.confirm = window.prompt = function () { window.__alerts++; };")

    def open(self, timeout=60_000) -> float:
        t0 = time.perf_counter()
        self.page.goto(self.url, wait_until="load", timeout=timeout)
        self.page.wait_for_function("window.kgRendered === true", timeout=timeout)
        return time.perf_counter() - t0

    def js(self, expr, arg=None):
        return self.page.evaluate(expr, arg)

    def close(self):
        self.context.close()


@pytest.fixture
def small_page(browser, tmp_path):
    ds, ids = small_dataset()
    summary = build_view(ds, tmp_path / "small.html", title="测试 kg")
    pg = Page(browser, Path(summary["path"]))
    yield pg, summary, ids
    pg.close()


def test_renders_offline_and_search_selects(small_page):
    pg, summary, ids = small_page
    pg.open()
    assert pg.js("window.kgNodes.length") == summary["nodes"] == 9
    assert pg.js("window.kgEdges.length") == summary["edges"]
    # legend: one toggle per class present
    assert pg.page.locator("#kg-legend input[data-cls]").count() == 6
    # and one per relation kind: role, document, designation, approval, statement
    assert pg.page.locator("#kg-legend input[data-kind]").count() == 5
    pg.page.locator("#kg-search").fill("高峰")
    assert pg.js("window.kgNetwork.getSelectedNodes()") == [ids["gaofeng"]]
    assert pg.page.locator("#kg-panel h2").inner_text() == "高峰"
    # an alias, case-insensitively
    pg.page.locator("#kg-search").fill("mofcom")
    assert pg.js("window.kgNetwork.getSelectedNodes()") == [ids["mofcom"]]
    assert pg.blocked == [] and pg.requests == [pg.url]
    assert pg.errors == []


def test_click_edge_shows_evidence_with_mark(small_page):
    pg, summary, ids = small_page
    pg.open()
    edge = pg.js("""(g) => window.kgData.edges.find(
        e => e.from === g.from && e.to === g.to && e.kind === 'role')""",
                 {"from": ids["gaofeng"], "to": ids["mofcom"]})
    # zoom on the edge, then click its middle like a user would
    pg.js("(ids) => window.kgNetwork.fit({nodes: ids, animation: false})",
          [edge["from"], edge["to"]])
    pos = pg.js("""(e) => {
        const net = window.kgNetwork, p = net.getPositions([e.from, e.to]);
        const a = p[e.from], b = p[e.to];
        // a quarter of the way along: clear of the nodes and of the label box
        return net.canvasToDOM({x: a.x + (b.x - a.x) * 0.35, y: a.y + (b.y - a.y) * 0.35});
    }""", edge)
    box = pg.page.locator("#kg-network canvas").bounding_box()
    pg.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    pg.page.wait_for_timeout(100)
    assert pg.js("window.kgNetwork.getSelectedEdges()") == [edge["id"]]
    panel = pg.page.locator("#kg-panel")
    assert "新闻发言人" in panel.locator("h2").inner_text()
    marks = panel.locator("mark").all_inner_texts()
    assert marks and all(m == "商务部新闻发言人高峰" for m in marks)
    assert "在例行新闻发布会上表示" in panel.inner_text()
    links = pg.js("Array.from(document.querySelectorAll('#kg-panel a')).map(a => a.href)")
    assert "https://finance.sina.com.cn/china/2022-02-17/doc-1.shtml" in links
    # legend toggle hides that class's nodes
    pg.page.locator("#kg-legend input[data-cls=City]").uncheck()
    hidden = pg.js("window.kgNodes.get({filter: n => n.hidden === true}).length")
    assert hidden == 3
    if os.environ.get("KG_SCREENSHOT"):
        pg.page.locator("#kg-legend input[data-cls=City]").check()
        pg.page.screenshot(path=os.environ["KG_SCREENSHOT"])
    assert pg.errors == [] and pg.blocked == []


@pytest.mark.parametrize("payloads", ["base", "extended"])
def test_xss_payloads_do_not_execute(browser, tmp_path, payloads):
    """The base 51 payloads, and 251 with 200 executable cores behind context breakers, in labels,
    aliases, posts, quotes, sentences, headlines, ids and the page title."""
    from conftest_browser import XSS_PAYLOADS_EXTENDED
    plist = XSS_PAYLOADS if payloads == "base" else XSS_PAYLOADS_EXTENDED
    assert payloads == "base" or len(plist) >= 250
    ds, expected = xss_dataset(plist)
    s = build_view(ds, tmp_path / "xss.html", title=XSS_PAYLOADS[3], include_articles=True, max_nodes=5000)
    assert s["nodes"] == expected + len(plist)
    pg = Page(browser, Path(s["path"]))
    try:
        pg.open()
        assert pg.js("window.kgNodes.length") == s["nodes"]
        # render every node's and edge's side panel, and search for each payload
        pg.js("""() => {
            window.kgData.nodes.forEach(n => window.kgSelect(n.id));
            window.kgData.edges.forEach(e => window.kgSelect(e.id));
        }""")
        for p in XSS_PAYLOADS[:20]:
            pg.page.locator("#kg-search").fill(p)
        # hover a few nodes so vis shows their (text) tooltips
        net = pg.page.locator("#kg-network canvas").bounding_box()
        for nid in pg.js("window.kgData.nodes.slice(0, 8).map(n => n.id)"):
            pg.js("(id) => window.kgNetwork.fit({nodes: [id], animation: false})", nid)
            pos = pg.js("(id) => window.kgNetwork.canvasToDOM(window.kgNetwork.getPositions([id])[id])",
                        nid)
            pg.page.mouse.move(net["x"] + pos["x"], net["y"] + pos["y"])
            pg.page.wait_for_timeout(200)
        # click every link the panels made (none may be javascript:)
        hrefs = pg.js("""() => { const out = [];
            window.kgData.edges.forEach(e => { window.kgSelect(e.id);
                document.querySelectorAll('#kg-panel a').forEach(a => out.push(a.href)); });
            return out; }""")
        for h in hrefs:
            assert h.startswith(("http://", "https://", "file://")), h
        pg.page.wait_for_timeout(300)
        assert pg.js("typeof window.__xss") == "undefined"
        assert pg.js("window.__alerts") == 0
        assert pg.dialogs == []
        assert pg.js("document.querySelectorAll('img,iframe,object,embed,svg,video,audio,"
                     "form,details,marquee,template,math').length") == 0
        assert pg.js("document.scripts.length") == 3
        assert pg.blocked == [] and pg.requests == [pg.url]
        assert pg.errors == []
        assert pg.page.title() == XSS_PAYLOADS[3]
    finally:
        pg.close()


def test_large_view_renders_quickly(browser, tmp_path):
    ds = synthetic_dataset()
    t0 = time.perf_counter()
    s = build_view(ds, tmp_path / "big.html", max_nodes=2500)
    write_s = time.perf_counter() - t0
    assert s["nodes"] > 1900 and s["dropped"] == 0
    pg = Page(browser, Path(s["path"]))
    try:
        load_s = pg.open()
        first_draw_ms = pg.js("window.kgFirstDrawMs")
        assert pg.js("window.kgNodes.length") == s["nodes"]
        assert pg.errors == [] and pg.blocked == []
        print(f"\n{s['nodes']} nodes / {s['edges']} edges: write {write_s:.2f}s, "
              f"{Path(s['path']).stat().st_size / 1e6:.1f} MB, first draw {first_draw_ms:.0f} ms "
              f"after navigation start, load+render {load_s:.2f}s")
        assert load_s < 30
    finally:
        pg.close()
    s = build_view(ds, tmp_path / "big1500.html")
    assert s["nodes"] == 1500 and s["dropped"] == s["total_nodes"] - 1500
    pg = Page(browser, Path(s["path"]))
    try:
        pg.open()
        assert pg.js("window.kgNodes.length") == 1500
        assert f"{s['dropped']} nodes left out" in pg.page.locator("#kg-top").inner_text()
    finally:
        pg.close()


def test_harness_sees_requests_and_scripts(browser, tmp_path):
    """The checks above are not vacuous: a leaky, scripted page trips every one of them."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><meta charset="utf-8"><img src="https://example.invalid/x.png">'
                   '<script>window.__xss = 1; alert(1); console.error("boom")</script>',
                   encoding="utf-8")
    pg = Page(browser, bad)
    try:
        pg.page.goto(pg.url, wait_until="load")
        pg.page.wait_for_timeout(200)
        assert pg.js("window.__xss") == 1 and pg.js("window.__alerts") == 1
        assert pg.blocked == ["https://example.invalid/x.png"]
        assert any("boom" in e for e in pg.errors)
    finally:
        pg.close()


def test_site_pages_render_with_shared_assets(browser, tmp_path):
    from kg.views import build_site

    ds, ids = small_dataset()
    s = build_site(ds, tmp_path / "site", top_entities=3)
    for page in s["views"][:3]:
        pg = Page(browser, Path(page))
        try:
            pg.open()
            assert pg.js("window.kgNodes.length") >= 1
            assert pg.blocked == [] and pg.errors == []
            assert all(u.startswith("file://") for u in pg.requests)
        finally:
            pg.close()


# ----------------------------------------------------------------------------- the real corpus

@pytest.fixture(scope="module")
def corpus_views(browser, corpus_store, tmp_path_factory):
    ds = open_dataset(corpus_store.store)
    d = tmp_path_factory.mktemp("corpus-views")
    whole = build_view(ds, d / "all.html", max_nodes=5000)        # the whole corpus, above the default budget
    focus = build_view(ds, d / "focus.html", focus="商务部", depth=2)
    return {"ds": ds, "whole": whole, "focus": focus, "dir": d}


def _painted(pg) -> int:
    """How many sampled canvas pixels are not background: the graph was drawn."""
    return pg.js("""() => {
        const c = document.querySelector('#kg-network canvas'), ctx = c.getContext('2d');
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4 * 97) if (d[i + 3] && (d[i] < 240 || d[i + 1] < 240
            || d[i + 2] < 240)) n++;
        return n; }""")


def test_corpus_whole_view(browser, corpus_views):
    whole = corpus_views["whole"]
    expected = corpus_expected_whole(corpus_views["ds"])
    pg = Page(browser, Path(whole["path"]))
    try:
        pg.open()
        assert pg.js("window.kgNodes.length") == whole["nodes"] == expected
        assert pg.js("window.kgEdges.length") == whole["edges"]
        assert _painted(pg) > 100
        assert pg.page.locator("#kg-counts").inner_text().startswith(f"{expected} nodes")
        assert pg.errors == [] and pg.blocked == [] and pg.requests == [pg.url]
    finally:
        pg.close()


def test_corpus_focus_search_and_evidence(browser, corpus_views):
    focus = corpus_views["focus"]
    pg = Page(browser, Path(focus["path"]))
    try:
        pg.open()
        assert pg.js("window.kgNodes.length") == focus["nodes"]
        assert pg.js("window.kgEdges.length") == focus["edges"]
        assert _painted(pg) > 100
        panel = pg.page.locator("#kg-panel")
        # the view opens on its entity
        mofcom = focus["focus"][0]
        assert pg.js("window.kgNetwork.getSelectedNodes()") == [mofcom]
        assert panel.locator("h2").inner_text() == "商务部"

        # search: typing 高峰 selects him, centres the view on him and fills the panel
        pg.page.locator("#kg-search").fill("高峰")
        gaofeng = pg.js("window.kgData.nodes.find(n => n.label === '高峰').id")
        assert pg.js("window.kgNetwork.getSelectedNodes()") == [gaofeng]
        assert pg.page.locator("#kg-results li").first.inner_text().startswith("高峰")
        centre = pg.js("(id) => { const v = window.kgNetwork.getViewPosition(),"
                       " p = window.kgNetwork.getPositions([id])[id];"
                       " return Math.hypot(v.x - p.x, v.y - p.y); }", gaofeng)
        assert centre < 1
        assert panel.locator("h2").inner_text() == "高峰"
        assert "人物" in panel.inner_text()
        assert panel.locator("ul.kg-facts mark").count() > 0          # evidence per fact
        arts = pg.js("Array.from(document.querySelectorAll('#kg-panel a')).map(a => a.href)")
        assert any(a.startswith("file://") for a in arts)              # articles, linked

        # his role at the ministry, from the panel's list of facts
        role = pg.js("""(g) => window.kgData.edges.filter(e => e.from === g.from && e.to === g.to
                         && e.kind === 'role').sort((a, b) => b.support - a.support)[0]""",
                     {"from": gaofeng, "to": mofcom})
        assert role and role["ev"]
        panel.locator(f"button[data-edge='{role['id']}']").click()
        assert pg.js("window.kgNetwork.getSelectedEdges()") == [role["id"]]
        assert panel.locator("h2").inner_text() == role["label"]
        boxes = panel.locator(".kg-evidence")
        assert boxes.count() == len(role["ev"])
        for i, ev in enumerate(role["ev"]):
            box = boxes.nth(i)
            assert box.locator("mark").inner_text() == ev["q"]
            assert box.locator("p.kg-sentence").inner_text() == ev["s"]
            assert "高峰" in ev["q"] and ev["q"] in ev["s"]
        files = pg.js("Array.from(document.querySelectorAll('#kg-panel a')).map(a => a.href)")
        assert files and all(f.startswith("file://") for f in files)
        from urllib.parse import unquote, urlparse
        assert all(Path(unquote(urlparse(f).path)).is_file() for f in files)

        # and a click on the edge itself, like a user would
        pg.page.locator("#kg-panel").evaluate("p => { while (p.firstChild) p.firstChild.remove(); }")
        pg.js("(ids) => { window.kgNetwork.unselectAll();"
              " window.kgNetwork.fit({nodes: ids, animation: false}); }", [gaofeng, mofcom])
        # a point on a straight role edge between them that vis itself maps to that edge only
        # (the hub is crowded: other edges and labels cross the line in places)
        pos = pg.js("""(g) => {
            const net = window.kgNetwork;
            const cands = window.kgData.edges.filter(e => e.kind === 'role' && !e.curve &&
                ((e.from === g.a && e.to === g.b) || (e.from === g.b && e.to === g.a)));
            for (const e of cands) {
                const p = net.getPositions([e.from, e.to]), a = p[e.from], b = p[e.to];
                for (let t = 0.2; t <= 0.8; t += 0.02) {
                    const dom = net.canvasToDOM({x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t});
                    if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === e.id)
                        return {x: dom.x, y: dom.y, id: e.id};
                }
            }
            return null; }""", {"a": gaofeng, "b": mofcom})
        assert pos, "no clear point on a role edge"
        box = pg.page.locator("#kg-network canvas").bounding_box()
        pg.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
        pg.page.wait_for_timeout(100)
        assert pg.js("window.kgNetwork.getSelectedEdges()") == [pos["id"]]
        edge = pg.js("(id) => window.kgData.edges.find(e => e.id === id)", pos["id"])
        assert edge["kind"] == "role" and {edge["from"], edge["to"]} == {gaofeng, mofcom}
        assert panel.locator(".kg-evidence mark").count() == len(edge["ev"]) > 0
        assert panel.locator("h2").inner_text() == edge["label"]
        assert pg.errors == [] and pg.blocked == [] and pg.requests == [pg.url]
    finally:
        pg.close()


def test_corpus_size_and_legend_toggles(browser, corpus_views):
    focus = corpus_views["focus"]
    pg = Page(browser, Path(focus["path"]))
    try:
        pg.open()
        sizes = "() => window.kgNodes.get().map(n => n.size)"
        by_degree = pg.js(sizes)
        assert by_degree == pg.js("() => window.kgData.nodes.map(n => n.size)")
        for by in ("pagerank", "betweenness", "degree"):
            pg.page.locator("#kg-size").select_option(by)
            now = pg.js(sizes)
            assert now == pg.js("(by) => window.kgData.nodes.map(n => window.kgSizeOf(n, by))", by)
            if by != "degree":
                assert now != by_degree
        assert pg.js(sizes) == by_degree
        n_stmt = pg.js("window.kgData.nodes.filter(n => n.cls === 'Statement').length")
        assert n_stmt > 0
        pg.page.locator("#kg-legend input[data-cls=Statement]").uncheck()
        assert pg.js("window.kgNodes.get({filter: n => n.hidden === true}).length") == n_stmt
        pg.page.locator("#kg-search").fill("高峰表示")           # hidden classes are not found
        assert all(pg.js("(id) => window.kgData.nodes.find(n => n.id === id).cls", i)
                   != "Statement" for i in pg.js("window.kgNetwork.getSelectedNodes()"))
        pg.page.locator("#kg-none").click()
        assert pg.js("window.kgNodes.get({filter: n => n.hidden === true}).length") == \
            focus["nodes"]
        pg.page.locator("#kg-all").click()
        assert pg.js("window.kgNodes.get({filter: n => n.hidden === true}).length") == 0
        pg.page.locator("#kg-legend input[data-kind=role]").uncheck()
        n_role = pg.js("window.kgData.edges.filter(e => e.kind === 'role').length")
        assert pg.js("window.kgEdges.get({filter: e => e.hidden === true}).length") == n_role > 0
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


def test_corpus_site_is_linked(browser, corpus_views):
    ds, d = corpus_views["ds"], corpus_views["dir"]
    s = build_site(ds, d / "site", top_entities=5)
    index = Page(browser, Path(s["path"]))
    try:
        index.page.goto(index.url, wait_until="load")
        links = index.page.locator("ol a")
        assert links.count() == 5
        first = links.first.inner_text()
        links.first.click()
        index.page.wait_for_function("window.kgRendered === true")
        assert index.js("window.kgData.meta.focus.length") == 1
        assert index.page.locator("#kg-panel h2").inner_text() == first
        assert index.js("window.kgNodes.length") == index.js("window.kgData.nodes.length") > 1
        index.page.locator("nav a", has_text="索引").click()
        index.page.wait_for_load_state("load")
        index.page.locator("ul a").first.click()                       # the newest article
        index.page.wait_for_function("window.kgRendered === true")
        assert index.js("window.kgData.articles.length") == 1
        assert index.errors == [] and index.blocked == []
        assert all(u.startswith("file://") for u in index.requests)
    finally:
        index.close()


def test_xss_corpus_built_by_the_pipeline_never_executes(browser, tmp_path):
    """A corpus of articles carrying XSS payloads in file names (ids, paths), titles (headings),
    authors (labels), headings and body text (quotes, sentences, statements), built by the real
    pipeline, then every view kind is opened and every panel rendered."""
    import gc

    from kg.pipeline import build
    from kg.store import Store

    write_xss_corpus(tmp_path / "corpus")
    store = Store(tmp_path / "store")
    assert build([tmp_path / "corpus"], store).built == len(XSS_PAYLOADS)
    store.close()
    del store
    gc.collect()
    ds = open_dataset(tmp_path / "store")
    views = [build_view(ds, tmp_path / "whole.html", include_articles=True, title=XSS_PAYLOADS[3]),
             build_view(ds, tmp_path / "focus.html", focus="高峰", depth=2)]
    site = build_site(ds, tmp_path / "site", top_entities=3)
    pages = [v["path"] for v in views] + site["views"][:3] + site["views"][-3:]
    assert views[0]["nodes"] > len(XSS_PAYLOADS) and views[1]["nodes"] > 3
    for path in pages:
        pg = Page(browser, Path(path))
        try:
            pg.open()
            assert pg.js("window.kgNodes.length") == pg.js("window.kgData.nodes.length") > 0
            carried = pg.js("JSON.stringify(window.kgData)")
            assert "__xss" in carried or "<" in carried          # a payload is in there, as text
            pg.js("""() => {
                window.kgData.nodes.forEach(n => window.kgSelect(n.id));
                window.kgData.edges.forEach(e => window.kgSelect(e.id));
            }""")
            for p in XSS_PAYLOADS[:12]:
                pg.page.locator("#kg-search").fill(p)
            for label in pg.js("window.kgData.nodes.slice(0, 5).map(n => n.label)"):
                pg.page.locator("#kg-search").fill(label)
                pg.page.locator("#kg-results li button").first.click()
            pg.page.wait_for_timeout(200)
            assert pg.js("typeof window.__xss") == "undefined"
            assert pg.js("window.__alerts") == 0 and pg.dialogs == []
            assert pg.js("document.querySelectorAll('img,iframe,object,embed,svg,video,audio,"
                         "form,details,marquee,template,math,base,meta[http-equiv]').length") == 0
            assert pg.js("document.scripts.length") == 3
            hrefs = pg.js("Array.from(document.querySelectorAll('a')).map(a => a.href)")
            assert all(h.startswith(("http://", "https://", "file://")) for h in hrefs), hrefs
            assert pg.errors == [] and pg.blocked == []
        finally:
            pg.close()
