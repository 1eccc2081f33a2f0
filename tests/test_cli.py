"""The `kg` command end to end on examples/: build, query, export, validate, stats, extractors,
remove, and the errors a user can run into (missing store, broken files, update queries)."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import EXAMPLES, N_EXAMPLES, QUERIES, REPO, SEED_FILE, build_into, select
from kg.cli import main

ROLES = QUERIES / "roles.rq"
SEED_ROLE = ("高峰", "新闻发言人", "商务部")


def kg(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return rc, out, err


def kg_script() -> str:
    """The installed console script (the venv's bin/kg, else the one on PATH)."""
    here = Path(sys.executable).with_name("kg")
    found = str(here) if here.exists() else shutil.which("kg")
    if not found:
        pytest.skip("the `kg` console script is not installed (pip install -e .)")
    return found


# -------------------------------------------------------------------------------------- build
def test_build_prints_summary(capsys, tmp_path):
    rc, out, err = kg(capsys, "build", EXAMPLES, "--store", tmp_path / "s")
    assert rc == 0, err
    assert f"articles read: {N_EXAMPLES} (built {N_EXAMPLES}," in out
    assert "failed: 0" in out
    assert "other files skipped: 0" in out
    assert "entities in store:" in out and " facts, " in out
    assert err == ""


def test_installed_script_build_and_query(tmp_path):
    exe = kg_script()
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    store = tmp_path / "D"
    r = subprocess.run([exe, "build", "examples/articles", "--store", str(store)], cwd=REPO, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert f"articles read: {N_EXAMPLES}" in r.stdout and "failed: 0" in r.stdout
    r = subprocess.run([exe, "query", "examples/queries/roles.rq", "--store", str(store), "--format", "csv"],
                       cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert SEED_ROLE in {(x["personLabel"], x["roleLabel"], x["orgLabel"]) for x in rows}, r.stdout
    assert "Traceback" not in r.stderr


# -------------------------------------------------------------------------------------- query
def _role_triples_csv(text: str, delimiter: str) -> set[tuple[str, str, str]]:
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    return {(r["personLabel"], r["roleLabel"], r["orgLabel"]) for r in rows}


def test_query_roles_table(capsys, examples_store):
    rc, out, err = kg(capsys, "query", ROLES, "--store", examples_store.store)
    assert rc == 0, err
    header = out.splitlines()[0].split()
    assert header[:4] == ["headline", "personLabel", "roleLabel", "orgLabel"]
    assert any(all(x in line for x in SEED_ROLE) for line in out.splitlines()), out
    assert out.rstrip().endswith("rows)") or out.rstrip().endswith("row)")


@pytest.mark.parametrize("fmt,delimiter", [("csv", ","), ("tsv", "\t")])
def test_query_roles_csv_tsv(capsys, examples_store, fmt, delimiter):
    rc, out, err = kg(capsys, "query", ROLES, "--format", fmt, "--store", examples_store.store)
    assert rc == 0, err
    assert out.splitlines()[0] == delimiter.join(["headline", "personLabel", "roleLabel", "orgLabel", "former", "date"])
    assert SEED_ROLE in _role_triples_csv(out, delimiter), out


def test_query_roles_json(capsys, examples_store):
    rc, out, err = kg(capsys, "query", ROLES, "--format", "json", "--store", examples_store.store)
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["head"]["vars"][:4] == ["headline", "personLabel", "roleLabel", "orgLabel"]
    found = {(b["personLabel"]["value"], b["roleLabel"]["value"], b["orgLabel"]["value"])
             for b in doc["results"]["bindings"]}
    assert SEED_ROLE in found, found
    assert all(b["personLabel"]["type"] == "literal" for b in doc["results"]["bindings"])


def test_query_text_counts_articles(capsys, examples_store):
    rc, out, err = kg(capsys, "query", "SELECT ?s WHERE { ?s a <https://schema.org/NewsArticle> }",
                      "--format", "csv", "--store", examples_store.store)
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0] == "s"
    assert len(lines) - 1 == N_EXAMPLES
    assert all(line.startswith("https://w3id.org/kgnews/id/article/") for line in lines[1:])
    # the table format says how many rows
    rc, out, _ = kg(capsys, "query", "SELECT ?s WHERE { ?s a <https://schema.org/NewsArticle> }",
                    "--store", examples_store.store)
    assert rc == 0 and f"({N_EXAMPLES} rows)" in out


def test_query_ask_and_construct(capsys, examples_store):
    rc, out, _ = kg(capsys, "query", "ASK { ?a a kg:Article }", "--store", examples_store.store)
    assert (rc, out.strip()) == (0, "true")
    rc, out, _ = kg(capsys, "query", "CONSTRUCT { ?a a schema:NewsArticle } WHERE { ?a a kg:Article }",
                    "--format", "ntriples", "--store", examples_store.store)
    assert rc == 0
    assert len(list(ox.parse(out.encode(), format=ox.RdfFormat.N_TRIPLES))) == N_EXAMPLES


def test_kg_store_env_var_is_honoured(capsys, examples_store, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)              # no ./kg-data here
    monkeypatch.setenv("KG_STORE", str(examples_store.store))
    rc, out, err = kg(capsys, "query", "SELECT ?s WHERE { ?s a kg:Article }", "--format", "csv")
    assert rc == 0, err
    assert len(out.splitlines()) == 1 + N_EXAMPLES
    rc, out, err = kg(capsys, "stats", "--json")
    assert rc == 0 and json.loads(out)["articles"] == N_EXAMPLES


def test_store_before_the_command(capsys, examples_store, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)              # no ./kg-data here
    rc, out, err = kg(capsys, "--store", str(examples_store.store), "stats", "--json")
    assert rc == 0 and json.loads(out)["articles"] == N_EXAMPLES, err
    # the command's own --store wins over the one before it
    rc, out, err = kg(capsys, "--store", str(tmp_path / "nowhere"), "stats", "--store", str(examples_store.store))
    assert rc == 0, err


def test_query_missing_store_is_a_clear_error(capsys, tmp_path):
    missing = tmp_path / "nowhere"
    rc, out, err = kg(capsys, "query", ROLES, "--store", missing)
    assert rc == 2
    assert out == ""
    assert err.startswith("kg: error:") and str(missing) in err and "kg build" in err
    assert "Traceback" not in err
    assert not missing.exists(), "a read-only command must not create the store"


@pytest.mark.parametrize("query,message", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "SPARQL Update is refused"),
    ("DELETE WHERE { ?s ?p ?o }", "SPARQL Update is refused"),
    ("PREFIX x: <urn:x#> DROP ALL", "SPARQL Update is refused"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("select * where { service <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
])
def test_update_and_service_refused(capsys, examples_store, query, message):
    before = select(examples_store.store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    rc, out, err = kg(capsys, "query", query, "--store", examples_store.store)
    assert rc == 2
    assert out == ""
    assert err.startswith("kg: error:") and message in err, err
    assert "Traceback" not in err
    assert select(examples_store.store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == before


def test_keywords_inside_strings_are_not_refused(capsys, examples_store):
    q = 'SELECT ?s WHERE { ?s ?p "INSERT DATA { SERVICE <x> }" } # DROP ALL'
    rc, out, err = kg(capsys, "query", q, "--format", "csv", "--store", examples_store.store)
    assert rc == 0, err
    assert out.splitlines() == ["s"]


def test_query_syntax_error_is_a_clear_error(capsys, examples_store):
    rc, out, err = kg(capsys, "query", "SELECT ?s WHERE { ?s ", "--store", examples_store.store)
    assert rc == 2
    assert "SPARQL syntax error" in err and "Traceback" not in err


def test_a_query_file_s_error_names_the_file_and_an_unknown_prefix(capsys, examples_store, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?s WHERE { ?s foo:bar ?o . ?s a kg:Article }\n", encoding="utf-8")
    rc, out, err = kg(capsys, "query", bad, "--store", examples_store.store)
    assert rc == 2
    assert f"{bad}: SPARQL syntax error: unknown prefix foo:" in err, err
    bad.write_text("SELECT ?s WHERE { ?s ?p \n", encoding="utf-8")
    rc, out, err = kg(capsys, "query", bad, "--store", examples_store.store)
    assert rc == 2 and f"{bad}: SPARQL syntax error" in err and "\\u{" not in err, err


def test_a_query_file_with_a_bom_runs_and_one_not_in_utf8_is_named(capsys, examples_store, tmp_path):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article FILTER(CONTAINS(?h, \"商务部\") || true) ?a schema:headline ?h }\n"
    bom = tmp_path / "bom.rq"
    bom.write_bytes(b"\xef\xbb\xbf" + q.encode("utf-8"))          # as Notepad saves it
    rc, out, err = kg(capsys, "query", bom, "--format", "csv", "--store", examples_store.store)
    assert rc == 0, err
    gbk = tmp_path / "gbk.rq"
    gbk.write_bytes(q.encode("gbk"))
    rc, out, err = kg(capsys, "query", gbk, "--store", examples_store.store)
    assert rc == 2 and f"{gbk}: not UTF-8" in err and "Traceback" not in err, err
    rc, out, err = kg(capsys, "viz", "--query", gbk, "-o", tmp_path / "v.html", "--store", examples_store.store)
    assert rc == 2 and f"{gbk}: not UTF-8" in err, err


@pytest.mark.parametrize("query", ["", " ", "# only a comment\n"])
def test_an_empty_query_says_so(capsys, examples_store, query):
    rc, out, err = kg(capsys, "query", query, "--store", examples_store.store)
    assert rc == 2 and "empty query" in err, err


def test_a_query_on_standard_input(capsys, examples_store, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }\n"))
    rc, out, err = kg(capsys, "query", "-", "--format", "csv", "--store", examples_store.store)
    assert rc == 0 and out.splitlines()[1] == str(N_EXAMPLES), (out, err)


def test_a_query_on_standard_input_not_in_utf8_is_named(capsys, examples_store, monkeypatch):
    raw = io.TextIOWrapper(io.BytesIO('SELECT * WHERE { ?s ?p "国" }'.encode("gbk")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", raw)
    rc, out, err = kg(capsys, "query", "-", "--store", examples_store.store)
    assert rc == 2 and "standard input: not UTF-8" in err and "Traceback" not in err, err


def test_a_store_path_that_is_a_file_is_a_clear_error(capsys, tmp_path):
    f = tmp_path / "afile"
    f.write_text("x", encoding="utf-8")
    rc, out, err = kg(capsys, "stats", "--store", f)
    assert rc != 0 and "it is a file" in err and "IO error" not in err, err


# ------------------------------------------------------------------------------------- export
@pytest.mark.parametrize("fmt,oxfmt", [("turtle", ox.RdfFormat.TURTLE), ("trig", ox.RdfFormat.TRIG),
                                       ("nquads", ox.RdfFormat.N_QUADS), ("jsonld", ox.RdfFormat.JSON_LD)])
def test_export_formats(capsys, examples_store, tmp_path, fmt, oxfmt):
    out_file = tmp_path / "sub" / f"graph.{fmt}"
    rc, out, err = kg(capsys, "export", "--format", fmt, "-o", out_file, "--store", examples_store.store)
    assert rc == 0, err
    assert out == ""
    assert f"of {fmt} to {out_file}" in err
    data = out_file.read_bytes()
    assert str(len(data)) in err
    parsed = list(ox.parse(data, format=oxfmt))
    assert len(parsed) > 1000
    assert [p.name for p in out_file.parent.iterdir()] == [out_file.name], "no temp file left behind"


def test_select_star_columns_in_the_order_the_query_names_them(capsys, examples_store):
    rc, out, err = kg(capsys, "query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--format", "tsv",
                      "--store", examples_store.store)
    assert rc == 0 and out.splitlines()[0] == "s\tp\to"
    rc, out, err = kg(capsys, "query", "SELECT ?o ?s WHERE { ?s ?p ?o } LIMIT 1", "--format", "tsv",
                      "--store", examples_store.store)
    assert out.splitlines()[0] == "o\ts"


def test_turtle_export_writes_resource_iris_whole(capsys, examples_store, tmp_path):
    # a kgr: prefix would abbreviate them to escaped names: kgr:org\/mofcom, kgr:person\/\%E7...
    rc, out, err = kg(capsys, "export", "-o", tmp_path / "g.ttl", "--store", examples_store.store)
    text = (tmp_path / "g.ttl").read_text("utf-8")
    assert rc == 0 and "\\/" not in text and "\\%" not in text
    assert "<https://w3id.org/kgnews/id/org/mofcom>" in text and "@prefix kg: " in text


@pytest.mark.parametrize("name,fmt,oxfmt", [("g.nq", "nquads", ox.RdfFormat.N_QUADS), ("g.jsonld", "jsonld", ox.RdfFormat.JSON_LD),
                                            ("g.ttl", "turtle", ox.RdfFormat.TURTLE), ("g.rdf", "rdfxml", ox.RdfFormat.RDF_XML),
                                            ("g.owl", "rdfxml", ox.RdfFormat.RDF_XML), ("graph", "turtle", ox.RdfFormat.TURTLE)])
def test_export_format_from_the_file_name(capsys, examples_store, tmp_path, name, fmt, oxfmt):
    rc, out, err = kg(capsys, "export", "-o", tmp_path / name, "--store", examples_store.store)
    assert rc == 0 and f"of {fmt} to" in err, err
    assert len(list(ox.parse((tmp_path / name).read_bytes(), format=oxfmt))) > 1000


def test_export_refuses_a_format_the_file_name_contradicts(capsys, examples_store, tmp_path):
    rc, out, err = kg(capsys, "export", "--format", "turtle", "-o", tmp_path / "g.jsonld", "--store", examples_store.store)
    assert rc == 2 and "does not match the file name" in err and not (tmp_path / "g.jsonld").exists()
    rc, out, err = kg(capsys, "export", "--format", "json-ld", "-o", tmp_path / "g.json", "--store", examples_store.store)
    assert rc == 0 and "of jsonld to" in err


@pytest.mark.parametrize("name,oxfmt,graphs", [("g.nq.gz", ox.RdfFormat.N_QUADS, True), ("g.trig.GZ", ox.RdfFormat.TRIG, True),
                                               ("g.ttl.gz", ox.RdfFormat.TURTLE, False)])
def test_export_gzip_by_the_file_name(capsys, examples_store, tmp_path, name, oxfmt, graphs):
    # (g.nq.gz was written as plain Turtle: a loader that trusts the name failed, and the named
    # graphs were gone)
    import gzip
    rc, out, err = kg(capsys, "export", "-o", tmp_path / name, "--store", examples_store.store)
    assert rc == 0 and "(gzip)" in err, err
    data = (tmp_path / name).read_bytes()
    assert data[:2] == b"\x1f\x8b"
    quads = list(ox.parse(gzip.decompress(data), format=oxfmt))
    assert len(quads) > 1000
    assert any(q.graph_name != ox.DefaultGraph() for q in quads) == graphs
    rc, out, err = kg(capsys, "export", "-o", tmp_path / ("again-" + name), "--store", examples_store.store)
    assert (tmp_path / ("again-" + name)).read_bytes() == data          # no time stamp inside


@pytest.mark.parametrize("name", ["g.n3", "g.txt", "g.out", "g.n3.gz"])
def test_export_refuses_a_file_name_it_cannot_read_a_format_from(capsys, examples_store, tmp_path, name):
    rc, out, err = kg(capsys, "export", "-o", tmp_path / name, "--store", examples_store.store)
    assert rc == 2 and "cannot tell the format from the file name" in err and not (tmp_path / name).exists()
    rc, out, err = kg(capsys, "export", "--format", "turtle", "-o", tmp_path / name, "--store", examples_store.store)
    assert rc == 0 and (tmp_path / name).exists()


def test_export_to_stdout(capsys, examples_store, tmp_path):
    rc = main(["export", "--format", "nquads", "--store", str(examples_store.store)])
    out, err = capsys.readouterr()
    assert rc == 0 and err == ""
    assert len(list(ox.parse(out.encode("utf-8"), format=ox.RdfFormat.N_QUADS))) > 1000


# ---------------------------------------------------------------------------- validate, stats
def test_validate_conforms(capsys, examples_store):
    rc, out, err = kg(capsys, "validate", "--store", examples_store.store)
    assert out.strip() == "conforms", out[-3000:]
    assert rc == 0


def test_validate_shows_warnings_of_a_store_that_conforms(capsys, tmp_path):
    # the B audit: sh:Warning results were hidden behind "conforms" when nothing else failed
    import shutil
    from conftest import build_into
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLES / "000_c397c42166a738cc.txt", src)
    build_into(tmp_path / "store", [src])
    from kg.store import Store
    store = Store(tmp_path / "store")
    place = next(iter(store.ox.query("SELECT ?p WHERE { GRAPH ?g { ?p <https://schema.org/containedInPlace> ?x } } LIMIT 1")))["p"]  # sparql-static
    g = next(q.graph_name for q in store.ox.quads_for_pattern(place, None, None, None))
    store.ox.add(ox.Quad(place, ox.NamedNode("https://schema.org/containedInPlace"),
                         ox.NamedNode("https://w3id.org/kgnews/id/place/nowhere"), g))
    store.close()
    rc, out, err = kg(capsys, "validate", "--store", tmp_path / "store")
    assert rc == 0 and out.startswith("conforms, with 1 warning:"), out[-2000:]
    assert "nowhere" in out


def test_stats(capsys, examples_store):
    rc, out, err = kg(capsys, "stats", "--store", examples_store.store)
    assert rc == 0, err
    assert out.startswith(f"articles: {N_EXAMPLES}  triples: ")
    assert "entities by class:" in out and "facts by kind (" in out
    for kind in ("Person", "GovernmentBody", "City", "RoleFact", "QuantityFact", "Statement"):
        assert kind in out


def test_stats_json(capsys, examples_store):
    rc, out, err = kg(capsys, "stats", "--json", "--store", examples_store.store)
    assert rc == 0, err
    s = json.loads(out)
    assert s["articles"] == N_EXAMPLES
    assert s["triples"] > 1000 and s["mentions"] > 0
    assert s["entities"]["Person"] >= 3
    for kind in ("RoleFact", "DocumentAction", "Designation", "QuantityFact", "Statement"):
        assert s["facts"].get(kind, 0) >= 1, s["facts"]
    assert isinstance(s["facts_supported_by_several_articles"], int)
    # the entities most articles' text names; the outlet (新浪财经, every byline) is not among them
    top = s["most_mentioned"]
    assert top and top[0]["articles"] >= top[-1]["articles"] >= 1
    assert "商务部" in {r["label"] for r in top} and "新浪财经" not in {r["label"] for r in top}


def test_extractors(capsys):
    rc, out, err = kg(capsys, "extractors")
    assert rc == 0, err
    names = [line.split("@")[0] for line in out.splitlines() if line.strip()]
    for name in ("credits", "entities", "relations", "quantities"):
        assert name in names, out


# -------------------------------------------------------------------------- broken input files
def test_build_reports_broken_files_and_builds_the_others(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a0001.md", "a0016.md"):
        shutil.copy(EXAMPLES / name, folder / name)
    (folder / "broken_yaml.md").write_text("---\ntitle: [unclosed\nauthor: x: y\n---\n正文内容，这是一段文字。\n",
                                           encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "data.json").write_text("{}", encoding="utf-8")

    rc, out, err = kg(capsys, "build", folder, "--store", tmp_path / "s")
    assert rc != 0
    assert "articles read: 2 (built 2," in out
    assert "failed: 2" in out and "other files skipped: 2" in out
    errors = [line for line in err.splitlines() if line.startswith("kg: error:")]
    assert len([e for e in errors if "broken_yaml.md" in e]) == 1, err
    assert len([e for e in errors if "binary.md" in e]) == 1, err
    assert not any("picture.png" in e or "data.json" in e for e in errors), err
    assert "Traceback" not in err
    rows = select(tmp_path / "s", "SELECT ?p WHERE { ?a kg:sourcePath ?p }")
    assert sorted(Path(r["p"]).name for r in rows) == ["a0001.md", "a0016.md"]


def test_build_missing_path(capsys, tmp_path):
    rc, out, err = kg(capsys, "build", tmp_path / "nope", EXAMPLES / "a0001.md", "--store", tmp_path / "s")
    assert rc != 0
    assert f"kg: error: {tmp_path / 'nope'}: no such file or directory" in err
    assert "articles read: 1 (built 1," in out
    # (only missing paths: an error, and no empty store made for nothing)
    rc, out, err = kg(capsys, "build", tmp_path / "nope", "--store", tmp_path / "s2")
    assert rc == 1 and "no such file or directory" in err and not (tmp_path / "s2").exists()


# --------------------------------------------------------------------------------------- remove
def _entities(store: Path) -> set[str]:
    return {r["e"] for r in select(store, "SELECT DISTINCT ?e WHERE { GRAPH kgr:entities { ?e a ?c } }")}


def test_remove_article_and_its_own_entities(capsys, tmp_path):
    store = tmp_path / "s"
    build_into(store, [EXAMPLES])
    seed = select(store, 'SELECT ?id WHERE { ?a kg:articleId ?id ; kg:sourcePath ?p '
                         'FILTER(STRENDS(?p, "000_c397c42166a738cc.txt")) }')[0]["id"]
    art = f"<https://w3id.org/kgnews/id/article/{seed}>"
    referenced = f"GRAPH kgr:entities {{ ?e a ?c }} GRAPH {art} {{ ?x ?y ?e }}"
    elsewhere = f"GRAPH ?g {{ ?s ?q ?e }} FILTER(?g NOT IN ({art}, kgr:entities, kgr:ontology))"
    only_seed = {r["e"] for r in select(store, f"SELECT DISTINCT ?e WHERE {{ {referenced} "
                                               f"FILTER NOT EXISTS {{ {elsewhere} }} }}")}
    shared = {r["e"] for r in select(store, f"SELECT DISTINCT ?e WHERE {{ {referenced} {elsewhere} }}")}
    assert only_seed and shared, (only_seed, shared)
    before = _entities(store)

    rc, out, err = kg(capsys, "remove", seed, "--store", store)
    assert (rc, out.strip()) == (0, "removed 1 article(s)"), err
    after = _entities(store)
    assert not (only_seed & after), f"entities only the removed article mentioned are left: {only_seed & after}"
    assert shared <= after
    assert not select(store, f'SELECT ?a WHERE {{ ?a kg:articleId "{seed}" }}')
    assert len(select(store, "SELECT ?a WHERE { ?a a kg:Article }")) == N_EXAMPLES - 1
    # besides those, only places the seed's places were contained in (provinces) may go
    assert all("/place/" in e for e in (before - after) - only_seed), (before - after) - only_seed

    rc, out, err = kg(capsys, "remove", seed, "--store", store)
    assert rc == 1 and out.strip() == "removed 0 article(s)"


def test_remove_by_iri_and_unknown_targets(capsys, tmp_path):
    store = str(tmp_path / "s")
    assert kg(capsys, "build", str(EXAMPLES), "--store", store)[0] == 0
    rc, out, err = kg(capsys, "remove", "https://w3id.org/kgnews/id/article/27c0c0fe0c5976e1", "--store", store)
    assert (rc, out.strip()) == (0, "removed 1 article(s)"), err
    rc, out, err = kg(capsys, "remove", "nosuchid", "--store", store)
    assert rc == 1 and "nosuchid: no such article in the store" in err


def test_a_deleted_file_or_folder_is_removed_by_its_relative_path(capsys, tmp_path, monkeypatch):
    # the new-user audit: only the absolute path of a deleted file worked, and a deleted folder
    # could be named neither by kg remove nor by kg build --prune
    import shutil as sh
    names = sorted(p.name for p in EXAMPLES.iterdir())[:4]
    for folder, picked in (("d1", names[:2]), ("gone", names[2:3]), ("g2", names[3:4])):
        (tmp_path / folder).mkdir()
        for n in picked:
            sh.copy(EXAMPLES / n, tmp_path / folder / n)
    monkeypatch.chdir(tmp_path)
    assert kg(capsys, "build", "d1", "gone", "g2", "--store", "s")[0] == 0
    (tmp_path / "d1" / names[0]).unlink()
    rc, out, err = kg(capsys, "remove", f"d1/{names[0]}", "--store", "s")
    assert (rc, out.strip()) == (0, "removed 1 article(s)"), err
    sh.rmtree(tmp_path / "gone")
    monkeypatch.chdir(tmp_path / "d1")
    rc, out, err = kg(capsys, "remove", "../gone/", "--store", "../s")
    assert (rc, out.strip()) == (0, "removed 1 article(s)"), err
    monkeypatch.chdir(tmp_path)
    sh.rmtree(tmp_path / "g2")
    # a folder that is gone is not pruned (an unmounted share looks the same): the error says how
    rc, out, err = kg(capsys, "build", "g2", "--prune", "--store", "s")
    assert rc == 1 and "removed (files gone): 0" in out and "(to remove the articles built from files under it: kg remove g2)" in err
    rc, out, err = kg(capsys, "remove", "g2", "--store", "s")
    assert (rc, out.strip()) == (0, "removed 1 article(s)"), err
    # "" never means every article here, nor does a missing path with .. in it (the review:
    # nosuchdir/.. was here, and removed everything)
    for target in ("", "nosuchdir/..", "nosuchdir/../.."):
        rc, out, err = kg(capsys, "remove", target, "--store", "s")
        assert rc == 1 and "removed 0 article(s)" in out, target
    rc, out, err = kg(capsys, "stats", "--store", "s", "--json")
    assert __import__("json").loads(out)["articles"] == 1


def test_a_named_file_that_is_no_article_is_skipped_with_a_warning(capsys, tmp_path):
    # the new-user audit: named beside articles, note.csv was skipped without a word
    (tmp_path / "note.csv").write_text("a,b\n", "utf-8")
    art = sorted(EXAMPLES.iterdir())[1]
    rc, out, err = kg(capsys, "build", str(tmp_path / "note.csv"), str(art), "--store", str(tmp_path / "s"))
    assert rc == 0 and "other files skipped: 1" in out
    assert f"{tmp_path / 'note.csv'}: skipped: not an article file" in err


def test_remove_never_creates_a_store(capsys, tmp_path):
    rc, out, err = kg(capsys, "remove", "abc", "--store", str(tmp_path / "missing"))
    assert rc == 2 and "no store at" in err and not (tmp_path / "missing").exists()


def test_a_folder_of_other_files_is_never_made_a_store(capsys, tmp_path):
    # the input folder given as the store: a database among the articles, deleted with them
    inp = tmp_path / "inp"
    inp.mkdir()
    (inp / "a.md").write_text((EXAMPLES / sorted(p.name for p in EXAMPLES.iterdir())[0]).read_text("utf-8"), "utf-8")
    rc, out, err = kg(capsys, "build", str(inp), "--store", str(inp))
    assert rc == 2 and "is not a kg store and is not empty (it holds a.md)" in err
    assert sorted(p.name for p in inp.iterdir()) == ["a.md"]
    for cmd in (["stats"], ["query", "ASK {}"], ["export"], ["remove", "x"]):
        rc, out, err = kg(capsys, *cmd, "--store", str(inp))
        assert rc == 2 and ("no kg store" in err or "not a kg store" in err), (cmd, err)
        assert sorted(p.name for p in inp.iterdir()) == ["a.md"]
    # an empty folder is fine, and so is the store it then is
    (tmp_path / "empty").mkdir()
    assert kg(capsys, "build", str(inp), "--store", str(tmp_path / "empty"))[0] == 0
    assert kg(capsys, "build", str(inp), "--store", str(tmp_path / "empty"))[0] == 0


@pytest.mark.parametrize("case", ["config-missing", "config-bad", "store-is-file", "export-to-dir",
                                  "viz-to-dir", "query-missing", "query-dir", "port"])
def test_user_mistakes_get_one_error_line(capsys, tmp_path, examples_store, case):
    bad = tmp_path / "bad.yaml"
    bad.write_text("orgz: []\n", encoding="utf-8")
    argv = {
        "config-missing": ["build", str(EXAMPLES), "--config", str(tmp_path / "no.yaml"), "--store", str(tmp_path / "s")],
        "config-bad": ["build", str(EXAMPLES), "--config", str(bad), "--store", str(tmp_path / "s")],
        "store-is-file": ["build", str(EXAMPLES), "--store", str(bad)],
        "export-to-dir": ["export", "-o", str(tmp_path), "--store", str(examples_store.store)],
        "viz-to-dir": ["viz", "-o", str(tmp_path), "--store", str(examples_store.store)],
        "query-missing": ["query", str(tmp_path / "nope.rq"), "--store", str(examples_store.store)],
        "query-dir": ["query", str(tmp_path), "--store", str(examples_store.store)],
        "port": ["serve", "--port", "99999", "--store", str(examples_store.store)],
    }[case]
    try:
        rc, out, err = kg(capsys, *argv)
    except SystemExit as exc:                   # argparse's own errors
        rc, err = exc.code, capsys.readouterr().err
    assert rc == 2 and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith(("kg: error: ", "kg serve: error: ")), err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_tsv_rows_stay_one_line_whatever_the_values(capsys, examples_store):
    rc, out, err = kg(capsys, "query", 'SELECT ("a\\tb\\nc\\\\d" AS ?y) ("x" AS ?z) WHERE {}', "--format", "tsv",
                      "--store", examples_store.store)
    assert rc == 0 and out == "y\tz\na\\tb\\nc\\\\d\tx\n", out


def test_construct_formats_and_no_repeated_triples(capsys, examples_store):
    q = "DESCRIBE <https://w3id.org/kgnews/id/person/%E9%AB%98%E5%B3%B0>"
    rc, out, err = kg(capsys, "query", q, "--store", examples_store.store)
    assert rc == 0 and "org:memberOf <https://w3id.org/kgnews/id/org/mofcom> ;" in out, out  # once
    rc, out, err = kg(capsys, "query", q, "--format", "json", "--store", examples_store.store)
    assert rc == 0 and json.loads(out)[0]["@id"].endswith("%E9%AB%98%E5%B3%B0")          # JSON-LD
    rc, out, err = kg(capsys, "query", q, "--format", "ntriples", "--store", examples_store.store)
    assert rc == 0 and len(out.splitlines()) == len(set(out.splitlines())) > 3
    rc, out, err = kg(capsys, "query", q, "--format", "csv", "--store", examples_store.store)
    assert rc == 2 and "is for SELECT" in err
    rc, out, err = kg(capsys, "query", "ASK {}", "--format", "turtle", "--store", examples_store.store)
    assert rc == 2 and "an ASK gives true or false" in err     # (as a SELECT's table: no RDF to give)
    for fmt in ("table", "csv", "tsv"):
        rc, out, err = kg(capsys, "query", "ASK {}", "--format", fmt, "--store", examples_store.store)
        assert rc == 0 and out.strip() in ("true", "false")
    rc, out, err = kg(capsys, "query", "SELECT * {} ", "--format", "turtle", "--store", examples_store.store)
    assert rc == 2 and "is for CONSTRUCT" in err


@pytest.mark.parametrize("args", [["--from", "2022-13-01"], ["--from", "2022-13"], ["--to", "2022-02-30"],
                                  ["--from", "2022-1-5"], ["--depth", "-1"], ["--min-confidence", "2"],
                                  ["--from", "2022-06", "--to", "2022-01"]])
def test_viz_refuses_impossible_filters(capsys, examples_store, tmp_path, args):
    try:
        rc = main(["viz", *args, "-o", str(tmp_path / "v.html"), "--store", str(examples_store.store)])
    except SystemExit as exc:
        rc = exc.code
    err = capsys.readouterr().err
    assert rc == 2 and "error" in err and not (tmp_path / "v.html").exists(), err


def test_readme_shows_what_the_first_build_prints(tmp_path):
    import re
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("What the first build prints:", 1)[1].split("```", 2)[1].strip().splitlines()
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    r = subprocess.run([kg_script(), "build", "examples/articles", "--store", str(tmp_path / "kg-data")], cwd=REPO,
                       env=env, capture_output=True, text=True, timeout=120)
    mask = lambda line: re.sub(r"seconds: [0-9.]+, store: .*", "seconds: S, store: D", line)  # noqa: E731
    assert [mask(x) for x in r.stdout.strip().splitlines()] == [mask(x) for x in shown]


@pytest.mark.parametrize("case", ["config-bytes", "config-entry", "executor", "executor-no-host"])
def test_build_option_mistakes_get_one_error_line(capsys, tmp_path, case):
    cfg = tmp_path / "c.yaml"
    cfg.write_bytes(b"\xbb\xff\x00 not text" if case == "config-bytes" else b"orgs: [{key: x}]\n")
    extra = {"config-bytes": ["--config", str(cfg)], "config-entry": ["--config", str(cfg)],
             "executor": ["--executor", "bogus"], "executor-no-host": ["--executor", "dask://"]}[case]
    try:
        rc = main(["build", str(EXAMPLES), "--store", str(tmp_path / "s"), *extra])
    except SystemExit as exc:
        rc = exc.code
    err = capsys.readouterr().err
    assert rc == 2 and "Traceback" not in err and err.strip().splitlines()[-1].startswith(("kg: error:", "kg build: error:")), err
    assert "extraction failed" not in err        # one error about the option, not one per article


def test_a_symlink_loop_is_named_as_such(capsys, tmp_path):
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    rc, out, err = kg(capsys, "build", str(tmp_path / "a.md"), "--store", str(tmp_path / "s"))
    assert rc == 1 and "a.md: a broken symbolic link (or a loop of them)" in err


def test_from_names_the_default_graph(capsys, examples_store):
    def count(q):
        rc, out, err = kg(capsys, "query", q, "--format", "csv", "--store", examples_store.store)
        assert rc == 0, err
        return int(out.splitlines()[1])
    everything = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    entities = count("SELECT (COUNT(*) AS ?n) FROM kgr:entities WHERE { ?s ?p ?o }")
    assert 0 < entities < everything
    assert count("SELECT (COUNT(*) AS ?n) FROM <urn:kg:none> WHERE { ?s ?p ?o }") == 0
    # not a dataset clause: FROM inside a string or an IRI
    assert count('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(?o != "FROM <x>") }') == everything


def test_a_date_kg_cannot_read_is_a_warning_naming_the_file(capsys, caplog, tmp_path):
    bad = tmp_path / "baddate.md"
    bad.write_text("---\ntitle: t\ndate: Thu, 31 Feb 2022 08:00:00 GMT\n---\n\n商务部表示，今年增长5%。\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg"):
        rc, out, err = kg(capsys, "build", bad, "--store", tmp_path / "s")
    assert rc == 0, err
    assert any(f"{bad}: warning: date 'Thu, 31 Feb 2022 08:00:00 GMT' is not a date" in r.getMessage()
               for r in caplog.records), caplog.text


def test_markup_in_front_matter_names_is_dropped_and_an_odd_title_warns(capsys, caplog, tmp_path):
    odd = tmp_path / "odd.md"
    odd.write_text('---\ntitle: {a: b}\nauthor: "<b>新华社</b>"\ncategories: ["<i>财经</i>"]\n---\n\n商务部表示，今年增长5%。\n',
                   encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg"):
        rc, out, err = kg(capsys, "build", odd, "--store", tmp_path / "s")
    assert rc == 0, err
    assert any(f"{odd}: warning: title is not text" in r.getMessage() for r in caplog.records), caplog.text
    rc, out, err = kg(capsys, "export", "--format", "nquads", "--store", tmp_path / "s")
    assert "新华社" in out and "<b>" not in out and "<i>" not in out and "财经" in out


def test_an_empty_folder_warns_and_nonsense_counts_are_refused(capsys, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    rc, out, err = kg(capsys, "build", empty, "--store", tmp_path / "s")
    assert rc == 0 and "kg: warning: no article files" in err and str(empty) in err, err
    for args in (["-j", "0"], ["--jobs", "-1"], ["--batch-size", "0"]):
        with pytest.raises(SystemExit) as exc:
            main(["build", str(empty), "--store", str(tmp_path / "s"), *args])
        assert exc.value.code == 2
        assert "must be 1 or more" in capsys.readouterr().err


@pytest.mark.parametrize("ref", ["a0001.md", "examples/articles/a0001.md"])
def test_an_article_view_reads_only_its_graph_and_shows_the_same(capsys, examples_store, tmp_path, ref):
    from kg import views
    from kg.export import to_dataset
    from kg.store import Store
    store = Store(examples_store.store, read_only=True)
    try:
        whole = tmp_path / "whole.html"
        views.build_view(to_dataset(store), whole, article="a0001.md")
    finally:
        del store
    part = tmp_path / "part.html"
    rc, out, err = kg(capsys, "viz", "--article", ref, "-o", part, "--store", examples_store.store)
    assert rc == 0, err
    assert part.read_bytes() == whole.read_bytes()


def test_an_inline_query_longer_than_a_file_name_is_a_query(capsys, examples_store):
    q = ("SELECT ?a WHERE { ?a a kg:Article ; schema:headline ?h . FILTER(" +
         " || ".join(f'CONTAINS(?h, "{w}")' for w in ["商务部", "海关", "统计局", "发改委", "财政部", "央行", "证监会"])
         + ") } LIMIT 1")
    assert 255 < len(q.encode("utf-8")) < 4096
    rc, out, err = kg(capsys, "query", q, "--format", "csv", "--store", examples_store.store)
    assert rc == 0, err


def test_serve_on_an_endpoint_hides_its_password(capsys):
    rc = main(["serve", "--store", "http://user:s3cret@127.0.0.1:9/sparql"])
    err = capsys.readouterr().err
    assert rc != 0 and "already a SPARQL endpoint" in err and "s3cret" not in err, err


def test_ask_as_json_is_sparql_results_json(capsys, examples_store):
    rc, out, err = kg(capsys, "query", "ASK { ?s a kg:Article }", "--format", "json", "--store", examples_store.store)
    assert rc == 0 and json.loads(out) == {"head": {}, "boolean": True}


def test_the_table_format_never_cuts_an_iri_and_keeps_one_line_a_row(capsys, examples_store):
    # the new-user audit: an IRI copied from the table must work
    rc, out, err = kg(capsys, "query", "SELECT ?p WHERE { ?p a schema:Person }", "--store", examples_store.store)
    iris = [line.strip() for line in out.splitlines() if line.startswith("https://")]
    assert rc == 0 and iris and all("…" not in i for i in iris)
    assert any(len(i) > 60 for i in iris)          # (a three-character name: 62 characters)
    rc, out, err = kg(capsys, "query", 'SELECT ?t WHERE { VALUES ?t { "a\\tb\\nc" } }', "--store", examples_store.store)
    assert out.splitlines()[2].rstrip() == "a b c"
    rc, out, err = kg(capsys, "query", "SELECT ?p WHERE { ?p a schema:Person } LIMIT 1", "--format", "json",
                      "--store", examples_store.store)
    assert out.endswith("}\n")


def test_small_things_the_new_user_audit_saw(capsys, tmp_path):
    store = str(tmp_path / "s")
    assert kg(capsys, "build", str(SEED_FILE), "--store", store)[0] == 0
    # an empty query file is named
    (tmp_path / "empty.rq").write_text("# nothing\n", "utf-8")
    rc, out, err = kg(capsys, "query", str(tmp_path / "empty.rq"), "--store", store)
    assert rc == 2 and f"{tmp_path / 'empty.rq'}: empty query" in err
    # JSON-LD output ends its last line
    rc, out, err = kg(capsys, "query", "DESCRIBE <https://w3id.org/kgnews/id/org/mofcom>", "--format", "jsonld",
                      "--store", store)
    assert rc == 0 and out.endswith("\n")
