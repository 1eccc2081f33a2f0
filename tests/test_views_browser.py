"""kg.views pages in a real headless Chromium, offline.

Needs Debian's `chromium` (/usr/bin/chromium) and the `playwright` Python package (its driver
only: `playwright install` is never run, the system Chromium is launched by path). Without them
every test here is skipped with the reason. Set KG_SCREENSHOT=/path/x.png to keep a screenshot.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest_browser import XSS_PAYLOADS, small_dataset, synthetic_dataset, xss_dataset
from kg.views import build_view

pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning")

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


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


def test_xss_payloads_do_not_execute(browser, tmp_path):
    ds, expected = xss_dataset()
    s = build_view(ds, tmp_path / "xss.html", title=XSS_PAYLOADS[3], include_articles=True)
    assert s["nodes"] == expected + len(XSS_PAYLOADS)
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
