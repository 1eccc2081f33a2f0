"""kg.views without a browser: data, filters, safety of the generated page, determinism."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import URIRef

from conftest_browser import (NET_ATTR, XSS_PAYLOADS, Builder, corpus_expected_whole, data_blob,
                              open_dataset, read, small_dataset, synthetic_dataset,
                              write_xss_corpus, xss_dataset)
from kg.views import SIZE_BY, build_site, build_view

ROOT = Path(__file__).resolve().parents[1]
# rdflib 7's own Dataset.triples() reads its deprecated default_context on every union lookup
pytestmark = [pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.identifier is deprecated:DeprecationWarning")]


@pytest.fixture(scope="module")
def small():
    return small_dataset()


def labels(blob: dict) -> set[str]:
    return {n["label"] for n in blob["nodes"]}


def test_whole_store_view_is_self_contained(small, tmp_path):
    ds, ids = small
    out = tmp_path / "v" / "all.html"
    s = build_view(ds, out, title="全图")
    assert s["path"] == str(out) and out.is_file()
    assert (s["nodes"], s["edges"], s["dropped"]) == (9, 6, 0)
    raw = out.read_bytes()
    text = raw.decode("utf-8")
    assert '<meta charset="utf-8">' in text[:200]
    assert NET_ATTR.search(text) is None, NET_ATTR.search(text)
    for m in re.finditer(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", text, re.I):
        assert not m.group(1).lower().startswith(("http:", "https:", "//")), m.group(0)
    assert "<link" not in text                 # css is inlined too
    assert "Noto Sans CJK SC" in text and "Microsoft YaHei" in text
    assert "vis-network" in text               # the bundled library, inlined
    blob = data_blob(text)
    assert len(blob["nodes"]) == s["nodes"] == blob["meta"]["nodes"]
    assert len(blob["edges"]) == s["edges"]
    assert {"商务部", "高峰", "国务院", "扬州市", "鄂尔多斯市", "北京市",
            "跨境电子商务综合试验区"} <= labels(blob)
    assert blob["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in blob["nodes"])
    # the same node ids as the store's IRIs, the classes we expect
    by_id = {n["id"]: n for n in blob["nodes"]}
    assert by_id[ids["gaofeng"]]["cls"] == "Person"
    assert by_id[ids["mofcom"]]["cls"] == "GovernmentBody"
    assert by_id[ids["mofcom"]]["en"] == "Ministry of Commerce"
    assert "MOFCOM" in by_id[ids["mofcom"]]["aliases"]
    legend = {c["key"]: c["count"] for c in blob["meta"]["classes"]}
    assert legend == {"Person": 1, "GovernmentBody": 2, "City": 3, "Document": 1,
                      "Programme": 1, "Statement": 1}


def test_edges_carry_labels_evidence_and_support(small, tmp_path):
    ds, ids = small
    blob = data_blob(read(build_view(ds, tmp_path / "v.html")["path"]))
    edges = {(e["from"], e["to"], e["label"]): e for e in blob["edges"]}
    role = edges[(ids["gaofeng"], ids["mofcom"], "新闻发言人")]
    assert role["support"] == 2 and role["width"] > 1
    assert len(role["ev"]) == 2
    first = role["ev"][0]
    assert first["q"] in first["s"] and first["q"] == "商务部新闻发言人高峰"
    arts = [blob["articles"][i] for i in role["arts"]]
    assert {a["headline"] for a in arts} == {"国务院同意在鄂尔多斯等27个城市设立跨境电商综试区",
                                             "商务部：跨境电商保持较快增长"}
    assert {a["url"] for a in arts} == {"https://finance.sina.com.cn/china/2022-02-17/doc-1.shtml",
                                        ""}
    assert (ids["council"], ids["doc"], "批复") in edges                # approved -> 批复
    assert (ids["ordos"], ids["prog"], "设立") in edges
    assert (ids["doc"], ids["prog"], "批复") in edges                   # kg:approvedBy
    assert edges[(ids["yangzhou"], ids["prog"], "设立")]["support"] == 1
    stmt = [e for e in blob["edges"] if e["kind"] == "statement"]
    assert len(stmt) == 1 and stmt[0]["from"] == ids["gaofeng"] and stmt[0]["label"] == "表示"
    sizes = {n["id"]: n["size"] for n in blob["nodes"]}
    assert sizes[ids["prog"]] > sizes[ids["beijing"]]                  # size by degree


def test_focus_ego_graph(small, tmp_path):
    ds, ids = small
    s = build_view(ds, tmp_path / "f.html", focus="商务部", depth=1)
    blob = data_blob(read(s["path"]))
    assert s["focus"] == [ids["mofcom"]]
    assert labels(blob) == {"商务部", "高峰"}
    s2 = build_view(ds, tmp_path / "f2.html", focus="商务部", depth=2)
    assert s2["nodes"] == 3                     # + 高峰's statement


@pytest.mark.parametrize("name", ["中华人民共和国商务部", "MOFCOM", "mofcom", "中华人民共和国商"])
def test_focus_by_alias_and_substring(small, tmp_path, name):
    ds, ids = small
    s = build_view(ds, tmp_path / "f.html", focus=name, depth=1)
    assert s["focus"] == [ids["mofcom"]]
    assert labels(data_blob(read(s["path"]))) == {"商务部", "高峰"}


def test_focus_by_a_substring_of_several_names_says_which_it_took(small, tmp_path):
    ds, ids = small
    s = build_view(ds, tmp_path / "f.html", focus="市", depth=1)
    assert len(s["focus"]) == 1
    (notice,) = [n for n in s["notices"] if "matches" in n]
    assert "扬州市" in notice and "鄂尔多斯市" in notice and "北京市" in notice
    # a whole name picks its entity, silently
    s = build_view(ds, tmp_path / "g.html", focus="扬州市", depth=1)
    assert s["focus"] == [ids["yangzhou"]] and not [n for n in s["notices"] if "matches" in n]


def test_focus_by_iri(small, tmp_path):
    ds, ids = small
    s = build_view(ds, tmp_path / "f.html", focus=ids["prog"], depth=1)
    assert s["focus"] == [ids["prog"]] and s["nodes"] == 4


@pytest.mark.parametrize("name", [
    '" } UNION { ?s ?p ?o',
    '商务部" } UNION { ?s ?p ?o } #',
    "商务部' } UNION { ?s ?p ?o } #",
    "\\u0022) || true || (\"",
    '\\" . ?s ?p ?o . FILTER("',
    "?s ?p ?o",
    "\\",
])
def test_focus_injection_is_just_a_name(small, tmp_path, name):
    ds, _ = small
    s = build_view(ds, tmp_path / "inj.html", focus=name, depth=2)
    assert s["focus"] == [] and s["nodes"] == 0 and s["edges"] == 0
    blob = data_blob(read(s["path"]))
    assert blob["nodes"] == [] and blob["meta"]["notices"]


def test_article_view_by_id_iri_and_path(small, tmp_path):
    ds, ids = small
    for key in ("fedcba9876543210", ids["a2"], "corpus/fedcba9876543210.md"):
        s = build_view(ds, tmp_path / "a.html", article=key)
        blob = data_blob(read(s["path"]))
        assert labels(blob) == {"商务部", "高峰"}
        (edge,) = blob["edges"]
        assert edge["support"] == 1 and len(edge["ev"]) == 1
        assert edge["ev"][0]["s"] == "商务部新闻发言人高峰介绍了有关情况。"
    s = build_view(ds, tmp_path / "a1.html", article="0123456789abcdef")
    assert s["nodes"] == 9 and s["edges"] == 6
    with pytest.raises(LookupError):
        build_view(ds, tmp_path / "x.html", article='x" } UNION { ?s ?p ?o }')


def test_an_article_built_from_two_copies_is_found_by_either_path(tmp_path):
    # the same file in two folders is one article with a kg:sourcePath for each
    from rdflib import Literal, URIRef
    from conftest_browser import KG
    ds, ids = small_dataset()
    a2 = URIRef(ids["a2"])
    ds.graph(a2).add((a2, KG.sourcePath, Literal("elsewhere/copy-of-it.md")))
    for key in ("corpus/fedcba9876543210.md", "elsewhere/copy-of-it.md", "copy-of-it.md"):
        s = build_view(ds, tmp_path / "a.html", article=key)
        assert labels(data_blob(read(s["path"]))) == {"商务部", "高峰"}, key


def test_filters(small, tmp_path):
    ds, ids = small
    s = build_view(ds, tmp_path / "c.html", min_confidence=0.6)
    blob = data_blob(read(s["path"]))
    assert (ids["yangzhou"], ids["prog"]) not in {(e["from"], e["to"]) for e in blob["edges"]}
    role = [e for e in blob["edges"] if e["kind"] == "role"][0]
    assert role["support"] == 1                                      # the 0.5 evidence is out
    s = build_view(ds, tmp_path / "p.html", classes=["Place"])
    assert labels(data_blob(read(s["path"]))) == {"扬州市", "鄂尔多斯市", "北京市"}
    s = build_view(ds, tmp_path / "o.html", classes=["kg:Organization", "Person"])
    assert labels(data_blob(read(s["path"]))) == {"商务部", "高峰", "国务院"}
    s = build_view(ds, tmp_path / "d.html", date_from="2022-03")
    assert labels(data_blob(read(s["path"]))) == {"商务部", "高峰"}
    s = build_view(ds, tmp_path / "d2.html", date_to="2022-02-28")
    assert s["nodes"] == 9 and [e for e in data_blob(read(s["path"]))["edges"]
                                if e["kind"] == "role"][0]["support"] == 1
    s = build_view(ds, tmp_path / "art.html", include_articles=True)
    blob = data_blob(read(s["path"]))
    assert sum(n["cls"] == "Article" for n in blob["nodes"]) == 2
    with pytest.raises(ValueError):
        build_view(ds, tmp_path / "bad.html", classes=["NoSuchClass"])
    with pytest.raises(ValueError):
        build_view(ds, tmp_path / "bad.html", date_from="17/02/2022")


def test_max_nodes_keeps_the_most_connected(small, tmp_path):
    ds, ids = small
    s = build_view(ds, tmp_path / "m.html", max_nodes=4)
    assert s["nodes"] == 4 and s["dropped"] == 5 and s["total_nodes"] == 9
    text = read(s["path"])
    assert "5 nodes left out" in text
    blob = data_blob(text)
    kept = {n["id"] for n in blob["nodes"]}
    assert ids["prog"] in kept and ids["beijing"] not in kept        # degree 3 vs 0
    assert all(e["from"] in kept and e["to"] in kept for e in blob["edges"])
    assert blob["meta"]["dropped"] == 5


def test_xss_payloads_only_appear_escaped(tmp_path):
    ds, expected = xss_dataset()
    evil = XSS_PAYLOADS[3]
    s = build_view(ds, tmp_path / "x.html", title=evil, include_articles=True)
    text = read(s["path"])
    blob = data_blob(text)
    assert s["nodes"] == expected + len(XSS_PAYLOADS)                # + article nodes
    # nothing of the payloads outside the JSON's \u003c escapes
    for bad in ("<script>alert", "<script>window", "</script><script>", "<img src=x",
                "<svg onload", "<iframe", "<svg><script", "<a href=\"javascript", "<body onload",
                "<details open", "https://xss", "//xss"):
        assert bad not in text, bad
    raw_json = re.search(r'id="kg-data">(.*?)</script>', text, re.S).group(1)
    assert not set("<>&\u2028\u2029") & set(raw_json)
    assert "://" not in raw_json
    assert NET_ATTR.search(text) is None
    from kg.views import _vis_assets
    lib = _vis_assets()[0]                 # vis-network itself has one "<script>" in a string
    assert text.count("<script") == 3 + lib.count("<script")       # data, vis-network, ours
    assert text.count("</script>") == 3 + lib.count("</script>")
    assert "\u2028" not in text and "\u2029" not in text
    # the escaping is lossless: the labels round-trip exactly
    all_text = json.dumps(blob, ensure_ascii=False)
    for p in XSS_PAYLOADS:
        assert p in labels(blob) or json.dumps(p, ensure_ascii=False)[1:-1] in all_text
    assert XSS_PAYLOADS[0] in labels(blob)
    # no javascript: (or other non-http) URL survives into the data
    for a in blob["articles"]:
        assert a["url"] == "" or a["url"].startswith(("http://", "https://"))
        assert a["file"] == ""                                        # those files do not exist
    # the page title is escaped where it is static HTML
    assert f"<title>{evil}" not in text and "&lt;/script&gt;&lt;script&gt;" in text


def test_xss_in_focus_and_article_names(tmp_path):
    ds, _ = xss_dataset()
    p = XSS_PAYLOADS[1]
    s = build_view(ds, tmp_path / "f.html", focus=p, depth=1)
    assert s["nodes"] >= 2
    text = read(s["path"])
    assert "<img src=x" not in text
    s = build_view(ds, tmp_path / "f2.html", focus="<svg/onload=alert(1)>")
    text = read(s["path"])
    assert "<svg/onload" not in text and s["nodes"] == 0


def test_deterministic_bytes(small, tmp_path):
    ds, _ = small
    a = build_view(ds, tmp_path / "a.html")["path"]
    b = build_view(ds, tmp_path / "b.html")["path"]
    assert Path(a).read_bytes() == Path(b).read_bytes()
    # and across processes with different hash seeds (set/dict order must not leak)
    script = (
        "import sys; sys.path[:0] = [sys.argv[2], sys.argv[3]]\n"
        "from conftest_browser import small_dataset\n"
        "from kg.views import build_view\n"
        "build_view(small_dataset()[0], sys.argv[1])\n")
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"p{seed}.html"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", script, str(out), str(ROOT),
                        str(ROOT / "tests")], check=True, env=env, cwd=tmp_path)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == Path(a).read_bytes()


def test_import_stays_light():
    code = ("import sys, kg, kg.views\n"
            "bad = [m for m in ('pyvis', 'networkx', 'jinja2') if m in sys.modules]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_file_links_are_relative(tmp_path):
    src = tmp_path / "corpus" / "新闻 1.md"
    src.parent.mkdir()
    src.write_text("x", encoding="utf-8")
    b = Builder()
    e = b.entity(URIRef("https://w3id.org/kgnews/id/person/甲"), "Person", "甲")
    a, _ = b.article("00000000000000aa", "标题", path=str(src))
    b.mention(a, e)
    s = build_view(b.ds, tmp_path / "out" / "v.html")
    (art,) = data_blob(read(s["path"]))["articles"]
    assert art["file"] == "../corpus/%E6%96%B0%E9%97%BB%201.md"


def test_a_site_is_rebuilt_over_its_own_pages_only(small, tmp_path):
    ds, ids = small
    site = tmp_path / "site"
    build_site(ds, site, top_entities=3)
    build_site(ds, site, top_entities=3)                    # its own pages: rebuilt
    site2 = tmp_path / "mine"
    site2.mkdir()
    (site2 / "index.html").write_text("<h1>my homepage</h1>", encoding="utf-8")
    with pytest.raises(ValueError, match="not a page kg viz wrote"):
        build_site(ds, site2, top_entities=3)
    assert (site2 / "index.html").read_text(encoding="utf-8") == "<h1>my homepage</h1>"
    assert not (site2 / "all.html").exists()
    # a folder that held no site of kg's keeps pages of its own that look like a site's
    site3 = tmp_path / "other"
    site3.mkdir()
    (site3 / "article-intro.html").write_text("mine", encoding="utf-8")
    assert build_site(ds, site3, top_entities=3)["removed"] == 0
    assert (site3 / "article-intro.html").read_text(encoding="utf-8") == "mine"


def test_build_site(small, tmp_path):
    ds, ids = small
    s = build_site(ds, tmp_path / "site", top_entities=3)
    index = tmp_path / "site" / "index.html"
    assert Path(s["path"]) == index and s["articles"] == 2 and s["entities"] == 3
    text = read(index)
    hrefs = re.findall(r'href="([^"]+)"', text)
    assert "all.html" in hrefs and len(hrefs) == 1 + 3 + 2
    for h in hrefs:
        assert not re.match(r"^[a-z]+:", h) and (tmp_path / "site" / h).is_file(), h
    for page in s["views"]:
        t = read(page)
        assert NET_ATTR.search(t) is None
        for h in re.findall(r'(?:href|src)="([^"]+)"', t):
            assert not re.match(r"^[a-z]+:|^//", h)
            assert (Path(page).parent / h).is_file(), h
        assert 'href="index.html"' in t
    blob = data_blob(read(tmp_path / "site" / "all.html"))
    pages = {n["id"]: n["page"] for n in blob["nodes"] if n["page"]}
    assert len(pages) == 3 and all((tmp_path / "site" / p).is_file() for p in pages.values())
    assert all(a["page"] and (tmp_path / "site" / a["page"]).is_file()
               for a in blob["articles"])

    # built again into the same folder: a page of an earlier build goes, the user's files stay
    (tmp_path / "site" / "article-removedarticle.html").write_text("old", "utf-8")
    (tmp_path / "site" / "notes.html").write_text("mine", "utf-8")
    s = build_site(ds, tmp_path / "site", top_entities=3)
    assert s["removed"] == 1 and not (tmp_path / "site" / "article-removedarticle.html").exists()
    assert (tmp_path / "site" / "notes.html").is_file()
    assert sorted(p.name for p in (tmp_path / "site").glob("*-*.html")) == sorted(
        Path(v).name for v in s["views"] if Path(v).name != "all.html")


def test_construct_query_is_drawn(small, tmp_path):
    ds, ids = small
    q = ("CONSTRUCT { ?p org:memberOf ?o . ?o kg:divisionCode ?x . ?b a kg:Place } "
         "WHERE { ?p org:memberOf ?o . OPTIONAL { ?o rdfs:label ?x } BIND(BNODE() AS ?b) }")
    s = build_view(ds, tmp_path / "c.html", construct=q)
    blob = data_blob(read(s["path"]))
    by_id = {n["id"]: n for n in blob["nodes"]}
    assert {ids["gaofeng"], ids["mofcom"]} <= set(by_id)
    (edge,) = [e for e in blob["edges"] if e["from"] == ids["gaofeng"]]
    assert edge["to"] == ids["mofcom"] and edge["label"] == "org:memberOf"
    assert by_id[ids["gaofeng"]]["cls"] == "Person" and by_id[ids["gaofeng"]]["arts"]
    assert ["kg:divisionCode", "商务部"] in by_id[ids["mofcom"]]["props"]
    assert any(n["id"].startswith("_:b") and n["cls"] == "Place" for n in blob["nodes"])
    again = build_view(ds, tmp_path / "c2.html", construct=q)["path"]
    assert Path(again).read_bytes() == Path(s["path"]).read_bytes()   # blank nodes renamed
    s = build_view(ds, tmp_path / "c3.html", construct=q, focus="高峰", depth=1)
    assert s["focus"] == [ids["gaofeng"]] and s["nodes"] == 2
    with pytest.raises(ValueError):
        build_view(ds, tmp_path / "x.html", construct="SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(ValueError):
        build_view(ds, tmp_path / "x.html", construct=(
            "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"))
    with pytest.raises(ValueError):
        build_view(ds, tmp_path / "x.html", construct=q, article="0123456789abcdef")


# ----------------------------------------------------------------------------- node size

def test_size_by_centrality(small, tmp_path):
    import networkx as nx
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    ds, ids = small
    blobs = {}
    for by in SIZE_BY:
        s = build_view(ds, tmp_path / f"{by}.html", size_by=by)
        blobs[by] = data_blob(read(s["path"]))
        assert blobs[by]["meta"]["sizeBy"] == by
    nodes = {n["id"]: n for n in blobs["degree"]["nodes"]}
    # the values are the same whatever the size; only the sizes differ
    assert [n["pr"] for n in blobs["pagerank"]["nodes"]] == [n["pr"] for n in nodes.values()]
    # our PageRank = networkx's (its pure-Python reference: nx.pagerank itself needs scipy)
    G = nx.Graph()
    G.add_nodes_from(nodes)
    G.add_edges_from((e["from"], e["to"]) for e in blobs["degree"]["edges"])
    ref = _pagerank_python(G, tol=1e-10, max_iter=1000)
    for n, v in ref.items():
        assert nodes[n]["pr"] == pytest.approx(v, rel=1e-3)
    assert sum(n["pr"] for n in nodes.values()) == pytest.approx(1.0, abs=1e-3)
    ref_bc = nx.betweenness_centrality(G)
    for n, v in ref_bc.items():
        assert nodes[n]["bc"] == pytest.approx(v, rel=1e-3, abs=1e-9)
    # the programme joins two cities and the approving document (and the State Council behind
    # it): 5 shortest paths through it, the most; 高峰 lies on one (商务部 - his statement)
    assert max(nodes.values(), key=lambda n: n["bc"])["id"] == ids["prog"]
    size = {by: {n["id"]: n["size"] for n in b["nodes"]} for by, b in blobs.items()}
    assert size["betweenness"][ids["prog"]] == 46 and size["betweenness"][ids["beijing"]] == 10
    assert 10 < size["betweenness"][ids["gaofeng"]] < 46
    assert size["degree"] != size["betweenness"]
    with pytest.raises(ValueError):
        build_view(ds, tmp_path / "x.html", size_by="closeness")


def test_betweenness_is_estimated_only_on_big_components(tmp_path):
    from kg.views import _BETWEENNESS_WORK, _betweenness
    import networkx as nx

    G = nx.path_graph(12)
    exact, estimated = _betweenness(G)
    assert estimated == 0 and exact == pytest.approx(nx.betweenness_centrality(G))
    big = nx.barabasi_albert_graph(1200, 2, seed=3)
    big.add_edge(5000, 5001)                               # and a tiny component
    vals, estimated = _betweenness(big)
    assert estimated == 1200 and 1200 * (1200 + big.number_of_edges()) > _BETWEENNESS_WORK
    hub = max(big.degree, key=lambda kv: kv[1])[0]
    assert max(vals, key=vals.get) == hub and vals[5000] == 0.0


def test_large_request_completes_and_is_timed(tmp_path):
    import time

    ds = synthetic_dataset()
    t0 = time.perf_counter()
    s = build_view(ds, tmp_path / "big.html", max_nodes=2500)
    elapsed = time.perf_counter() - t0
    assert s["nodes"] > 1900 and s["dropped"] == 0
    assert elapsed < 20, elapsed               # ~3-4 s here; generous for slow CI machines


# ----------------------------------------------------------------------------- the real corpus

SEED_NAME = "000_c397c42166a738cc.txt"


@pytest.fixture(scope="module")
def corpus_ds(corpus_store):
    return open_dataset(corpus_store.store)


def test_corpus_views(corpus_ds, tmp_path):
    ds = corpus_ds
    # (the corpus holds more entities than the default budget of 1,500 nodes: the whole of it)
    whole = build_view(ds, tmp_path / "all.html", max_nodes=5000)
    expected = corpus_expected_whole(ds)
    assert whole["nodes"] == expected and whole["dropped"] == 0, (whole, expected)
    blob = data_blob(read(whole["path"]))
    assert len(blob["nodes"]) == expected and NET_ATTR.search(read(whole["path"])) is None
    heavy = [e for e in blob["edges"] if e["support"] > 1]
    assert heavy and all(e["width"] > 1 for e in heavy)          # several articles: heavier
    assert all(e["width"] == 1 for e in blob["edges"] if e["support"] == 1)
    # every evidence quote is a span of its sentence
    evs = [x for e in blob["edges"] for x in e["ev"]]
    assert evs and sum(x["q"] in x["s"] for x in evs) / len(evs) > 0.95

    focus = build_view(ds, tmp_path / "focus.html", focus="商务部", depth=2)
    fb = data_blob(read(focus["path"]))
    by_label = {n["label"]: n for n in fb["nodes"]}
    assert {"商务部", "高峰", "王文涛"} <= set(by_label)
    mofcom = by_label["商务部"]["id"]
    assert focus["focus"] == [mofcom] and fb["meta"]["focus"] == [mofcom]
    assert focus["title"] == "kg · 商务部 · 2 度邻域"
    roles = [e for e in fb["edges"] if e["from"] == by_label["高峰"]["id"] and e["to"] == mofcom]
    assert roles and all(e["kind"] == "role" and e["ev"] for e in roles)
    assert any(x["q"] in x["s"] and "高峰" in x["q"] for e in roles for x in e["ev"])
    # the press conferences the ministry held: 举办 edges to the events, with their evidence
    held = [e for e in fb["edges"] if e["from"] == mofcom and e["kind"] == "hosting"]
    assert held and all(e["label"] == "举办" and e["ev"] for e in held)
    assert any(by_label.get("商务部新闻发布会（2022-02-17）", {}).get("id") == e["to"] for e in held)
    # aliases resolve too: the full name of the ministry
    alias = build_view(ds, tmp_path / "alias.html", focus="中华人民共和国商务部", depth=2)
    assert alias["focus"] == [mofcom] and alias["nodes"] == focus["nodes"]

    seed = build_view(ds, tmp_path / "seed.html", article=SEED_NAME)
    sb = data_blob(read(seed["path"]))
    assert {a["path"].rsplit("/", 1)[-1] for a in sb["articles"]} == {SEED_NAME}
    assert sb["articles"][0]["file"].endswith(SEED_NAME)          # a link to the source file
    assert "跨境电商" in seed["title"]                              # the headline


def test_cli_viz_on_corpus(corpus_store, corpus_ds, tmp_path, capsys, monkeypatch):
    """`kg viz` with each option, on the corpus store. The first call runs end to end; the
    others reuse the Dataset the first one would build (kg.export.to_dataset, ~2 s each)."""
    from kg import export
    from kg.cli import main

    store = ["--store", str(corpus_store.store)]

    def run(*args) -> tuple[int, str, str]:
        try:
            rc = main(["viz", *args, *store])
        except SystemExit as exc:               # options argparse itself refuses (--from)
            rc = exc.code
        out, err = capsys.readouterr()
        return rc, out, err

    rc, out, _ = run("-o", str(tmp_path / "f.html"), "--max-nodes", "5000")
    expected = corpus_expected_whole(corpus_ds)
    assert rc == 0 and f"{expected} nodes" in out
    assert len(data_blob(read(tmp_path / "f.html"))["nodes"]) == expected
    # (an article's view asks for some graphs only: the whole Dataset holds them too)
    monkeypatch.setattr(export, "to_dataset", lambda store, graphs=None, everywhere=(): corpus_ds)

    rc, out, _ = run("-o", str(tmp_path / "focus.html"), "--focus", "商务部", "--depth", "2")
    blob = data_blob(read(tmp_path / "focus.html"))
    assert rc == 0 and "高峰" in {n["label"] for n in blob["nodes"]}
    assert f"{len(blob['nodes'])} nodes" in out

    seed_id = next(a["id"] for a in data_blob(read(tmp_path / "f.html"))["articles"]
                   if a["path"].endswith(SEED_NAME))
    rc, out, _ = run("-o", str(tmp_path / "a.html"), "--article", seed_id)
    blob = data_blob(read(tmp_path / "a.html"))
    assert rc == 0 and [a["id"] for a in blob["articles"]] == [seed_id]
    # a path relative to where kg runs, through .., as kg remove takes it
    seed_path = next(a["path"] for a in blob["articles"])
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    rc, out, err = run("-o", str(tmp_path / "a2.html"), "--article", os.path.relpath(seed_path))
    assert rc == 0 and [a["id"] for a in data_blob(read(tmp_path / "a2.html"))["articles"]] == [seed_id], err

    rq = tmp_path / "members.rq"
    rq.write_text("# people and the organisations they belong to\n"
                  "CONSTRUCT { ?p org:memberOf ?o } WHERE { ?p org:memberOf ?o }\n",
                  encoding="utf-8")
    rc, out, _ = run("-o", str(tmp_path / "q.html"), "--query", str(rq))
    blob = data_blob(read(tmp_path / "q.html"))
    assert rc == 0 and blob["edges"] and all(e["label"] for e in blob["edges"])
    assert {n["cls"] for n in blob["nodes"]} >= {"Person", "GovernmentBody"}

    rc, out, _ = run("-o", str(tmp_path / "p.html"), "--class", "Person")
    blob = data_blob(read(tmp_path / "p.html"))
    assert rc == 0 and blob["nodes"] and {n["cls"] for n in blob["nodes"]} == {"Person"}

    rc, out, _ = run("-o", str(tmp_path / "d.html"), "--from", "2022-01-01", "--to", "2022-12-31")
    blob = data_blob(read(tmp_path / "d.html"))
    assert rc == 0 and blob["nodes"] and blob["articles"]
    assert all(a["date"][:4] == "2022" for a in blob["articles"])

    rc, out, _ = run("-o", str(tmp_path / "c.html"), "--min-confidence", "0.8")
    blob = data_blob(read(tmp_path / "c.html"))
    assert rc == 0 and blob["edges"]
    assert all(x["c"] is not None and x["c"] >= 0.8 for e in blob["edges"] for x in e["ev"])

    rc, out, _ = run("-o", str(tmp_path / "s.html"), "--size-by", "betweenness",
                     "--focus", "商务部", "--max-nodes", "10")
    blob = data_blob(read(tmp_path / "s.html"))
    assert rc == 0 and blob["meta"]["sizeBy"] == "betweenness" and len(blob["nodes"]) == 10
    assert "left out" in out and blob["meta"]["dropped"] > 0

    rc, out, _ = run("--site", str(tmp_path / "site"), "--top", "5")
    assert rc == 0 and "index.html" in out
    index = read(tmp_path / "site" / "index.html")
    hrefs = re.findall(r'href="([^"]+)"', index)
    assert len(hrefs) == 1 + 5 + len(data_blob(read(tmp_path / "f.html"))["articles"])
    assert all((tmp_path / "site" / h).is_file() for h in hrefs)

    # options that shape one view are refused with --site, --top without it; nothing is written
    for bad in (["--site", str(tmp_path / "site2"), "--focus", "商务部"], ["--top", "5"]):
        rc, out, err = run(*bad)
        assert rc == 2 and err.startswith("kg: error:") and not (tmp_path / "site2").exists(), (bad, err)
    rc, out, err = run("-o", str(tmp_path / "dz.html"), "--depth", "3", "--class", "Person")
    assert rc == 0 and "--depth applies around --focus" in err
    # filters that leave nothing: the page says so and the command fails; a focus they exclude
    # is not "no entity matches"
    (tmp_path / "e.html").write_text("good view", "utf-8")
    rc, out, err = run("-o", str(tmp_path / "e.html"), "--class", "Article")
    assert rc == 2 and "the view is empty" in err and (tmp_path / "e.html").read_text("utf-8") == "good view"
    rc, out, err = run("-o", "-", "--from", "2030")
    assert rc == 2 and "the view is empty" in err and not out
    rc, out, err = run("--site", str(tmp_path / "site3"), "-o", "x.html")
    assert rc == 2 and "-o" in err and not (tmp_path / "site3").exists()
    rc, out, err = run("-o", str(tmp_path / "e.html"), "--min-confidence", "0.99")
    assert rc == 0 and "no edges" in err
    # --connected: only what a fact links (the whole view was half isolated mentions)
    rc, out, err = run("-o", str(tmp_path / "cn.html"), "--connected")
    blob = data_blob(read(tmp_path / "cn.html"))
    linked = {e["from"] for e in blob["edges"]} | {e["to"] for e in blob["edges"]}
    assert rc == 0 and blob["nodes"] and {n["id"] for n in blob["nodes"]} == linked
    assert "are not drawn (--connected)" in err
    rc, out, err = run("-o", str(tmp_path / "e.html"), "--focus", "商务部", "--class", "Person")
    assert rc == 2 and "商务部 is in the store, but the view's filters leave it out" in err
    # - is standard output, and the summary line goes to standard error
    rc, out, err = run("-o", "-", "--focus", "商务部", "--depth", "1")
    assert rc == 0 and out.lstrip().startswith("<!DOCTYPE html>") and "wrote -:" in err
    assert not os.path.exists("-")

    # errors: a message and a non-zero status, no traceback
    for bad in (["--class", "Nope"], ["--from", "17/02/2022"], ["--article", "no-such-article"],
                ["--query", "SELECT * WHERE { ?s ?p ?o }"], ["--query", "CONSTRUCT {"]):
        rc, out, err = run("-o", str(tmp_path / "x.html"), *bad)
        assert rc == 2 and err.startswith(("kg: error:", "usage: kg viz")) and "Traceback" not in err, (bad, err)
    # a focus that matches nothing writes nothing: a good view there is not replaced by an empty one
    (tmp_path / "x.html").write_text("good view", "utf-8")
    rc, out, err = run("-o", str(tmp_path / "x.html"), "--focus", "没有这个实体")
    assert rc == 2 and err.startswith("kg: error: no entity matches") and not out
    assert (tmp_path / "x.html").read_text("utf-8") == "good view"
    rc, out, err = run("-o", str(tmp_path / "x.html"), "--max-nodes", "0")
    assert rc == 2 and "--max-nodes" in err


def test_xss_corpus_through_the_pipeline(tmp_path):
    """Payloads in file names, titles, authors, headings and body text, built by the real
    pipeline: whatever reaches the page is inside the escaped JSON only."""
    import gc

    from kg.pipeline import build
    from kg.store import Store

    write_xss_corpus(tmp_path / "corpus")
    store = Store(tmp_path / "store")
    summary = build([tmp_path / "corpus"], store)
    assert summary.failed == 0 and summary.built == len(XSS_PAYLOADS)
    store.close()
    del store
    gc.collect()
    ds = open_dataset(tmp_path / "store")
    s = build_view(ds, tmp_path / "x.html", title=XSS_PAYLOADS[0], include_articles=True)
    text = read(s["path"])
    blob = data_blob(text)
    carried = json.dumps(blob, ensure_ascii=False)
    assert "window.__xss" in carried                    # the payloads did reach the page ...
    for bad in ("<script>window", "<img src=x", "<svg onload", "<iframe", "<a href"):
        assert bad not in text                            # ... but only escaped
    raw_json = re.search(r'id="kg-data">(.*?)</script>', text, re.S).group(1)
    assert not set("<>&\u2028\u2029") & set(raw_json)
    assert NET_ATTR.search(text) is None


def test_construct_with_from_clause_is_refused_and_fetches_nothing():
    """rdflib loads the graph named in FROM from the web; the view must refuse it first."""
    import socket
    import threading

    import pytest
    from rdflib import Dataset

    from kg.views import build_view

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    srv.settimeout(0.5)
    port = srv.getsockname()[1]
    hits = []

    def accept():
        try:
            conn, _ = srv.accept()
            hits.append(1)
            conn.close()
        except OSError:
            pass

    t = threading.Thread(target=accept)
    t.start()
    try:
        with pytest.raises(ValueError, match="FROM"):
            build_view(Dataset(default_union=True), "/dev/null",
                       construct=f"CONSTRUCT {{ ?s ?p ?o }} FROM <http://127.0.0.1:{port}/g.ttl> WHERE {{ ?s ?p ?o }}")
    finally:
        t.join()
        srv.close()
    assert hits == []


def test_the_documented_construct_example_draws_memberships(examples_store, tmp_path, capsys):
    # docs/views.md shows `kg viz --query examples/views/members.rq`
    from kg.cli import main
    repo = Path(__file__).resolve().parents[1]
    out = tmp_path / "members.html"
    assert main(["viz", "--query", str(repo / "examples" / "views" / "members.rq"), "-o", str(out),
                 "--store", str(examples_store.store)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "高峰" in page and "商务部" in page


def test_kg_viz_query_draws_what_kg_query_gives(examples_store, tmp_path, capsys):
    # rdflib kept every row under FILTER(false): kg viz --query runs on the store, as kg query does
    from kg.cli import main
    q = "CONSTRUCT { ?p org:memberOf ?o } WHERE { ?p org:memberOf ?o FILTER(false) }"
    assert main(["viz", "--query", q, "-o", str(tmp_path / "f.html"), "--store", str(examples_store.store)]) == 2
    assert "the view is empty" in capsys.readouterr().err and not (tmp_path / "f.html").exists()
    assert main(["viz", "--query", "SELECT * WHERE { ?s ?p ?o }", "-o", str(tmp_path / "s.html"),
                 "--store", str(examples_store.store)]) == 2
    assert "CONSTRUCT or DESCRIBE" in capsys.readouterr().err


def test_dates_are_compared_and_shown_as_in_china():
    # a0141: 17:39 GMT on 30 November 2021 is 1 December in Beijing, the day --from/--to mean
    from kg.views import _china_time, _in_dates
    rec = {"date": _china_time("2021-11-30T17:39:00+00:00")}
    assert rec["date"].startswith("2021-12-01")
    assert _in_dates(rec, "2021-12-01", "2021-12-01") and not _in_dates(rec, "2021-11-30", "2021-11-30")
    assert _china_time("2021-11-30") == "2021-11-30"             # a day without a time stays
    assert _china_time("9999-12-31T23:00:00-05:00") == "9999-12-31T23:00:00-05:00"   # no overflow


def test_a_class_kg_stats_counts_but_no_view_draws_says_so(small, tmp_path):
    ds, ids = small
    with pytest.raises(ValueError, match="Post is drawn as the label of a role edge"):
        build_view(ds, tmp_path / "v.html", classes=["Post"])
