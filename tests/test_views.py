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

from conftest_browser import (NET_ATTR, XSS_PAYLOADS, Builder, data_blob, read, small_dataset,
                              xss_dataset)
from kg.views import build_site, build_view

ROOT = Path(__file__).resolve().parents[1]
# rdflib 7's own Dataset.triples() reads its deprecated default_context on every union lookup
pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.default_context is deprecated:DeprecationWarning")


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
