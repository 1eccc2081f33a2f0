"""User input never changes a query's structure (and never reaches the page as markup).

100 injection strings (SPARQL break-outs with quotes, \\u0022 / \\U00000022 escapes that rdflib
expands before parsing, braces, comments, SERVICE / LOAD / DROP, IRI break-outs, newlines, NUL,
HTML and script) go through every path where user text meets a query:

* `kg viz` options (kg.views.build_view: focus, article, classes, from/to dates, title);
* `kg serve` endpoint parameters other than the query itself (default-graph-uri,
  named-graph-uri, format), through kg.sandbox's QueryPool;
* `kg remove` targets (kg.pipeline.remove);
* file names, which `kg build` looks up in the store (kg.pipeline.build).

Each run records every query executed (rdflib: the prepared query's algebra and the names of the
bound variables; pyoxigraph: the text with strings, IRIs and comments blanked out, i.e. its
structure); the structures seen with an injection string must all have been seen with a harmless
value. The store is unchanged afterwards, and no HTML view carries the string as markup.
"""
from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from conftest import EXAMPLES, REPO, SEED_FILE, build_into, nquads

INJECTIONS = [
    '"', "'", '"""', "'''", '\\"', "\\", "\\\\", "\\u0022", "\\U00000022", "\\u0027", "\\u003e", "\\u007d",
    '" }', "' }", '" } } #', "\" . } UNION { ?s ?p ?o } #", '"; DROP ALL; #', "'; DROP ALL; --",
    '" ) } ; DROP ALL ; SELECT * WHERE { ("', '") } DELETE WHERE { ?s ?p ?o } #',
    '"} INSERT DATA { <urn:x> <urn:y> <urn:z> } #', '\\u0022 } ; CLEAR ALL ; #',
    "\\u0022 } SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } #", '" } SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } #',
    "LOAD <http://127.0.0.1:9/x>", "SERVICE", "service <http://127.0.0.1:9/>", '# """\nSERVICE <http://127.0.0.1:9/> {}',
    "> } #", "http://x/> ?p ?o } #", "<urn:evil>", "urn:x> . <urn:y", "https://w3id.org/kgnews/id/article/x> } #",
    "?s", "?e", "$name", "?name", "?l", "VALUES ?e { <urn:x> }", "BIND(1 AS ?x)", "FILTER(true)",
    "} LIMIT 0 #", "} ORDER BY ?e #", "x\" || true || \"", 'x" = "x', "regex(?l, '.*')", ".*", "^$", "(?i)a",
    "\n", "\r\n", "\x00", "\t", "\x0b", "\x1b[31m", "\u2028", "\ufeff", "\u202e", "\udcff", "\ud800",
    "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
    "{{7*7}}", "${7*7}", "<!--", "]]>", "&lt;script&gt;", "&#x22;", "%22%7D", "%0a", "' or '1'='1",
    "1; DROP TABLE articles", "../../etc/passwd", "/etc/passwd", "C:\\Windows", "~", "*", "%", "_",
    "高峰\" } #", "北京市' } #", "商务部\\u0022", "Person", "kg:Person", "kg:Person> } #", "Person\" } #",
    "2022-01-01\" } #", "2022-13-45", "9999-99-99", "0000", "-1", "1e999", "NaN", "", " ", "　",
    "a" * 5000, "\"" * 1000, "\\" * 999, "{" * 500, "}" * 500, "#" * 300, "?" * 300,
    "@prefix evil: <http://evil/> .", "PREFIX x: <http://evil/>", "BASE <http://evil/>", "GRAPH ?g { ?s ?p ?o }",
]
BENIGN = ["高峰", "北京市", "商务部", "Person", "2022-01-01", "新闻发言人", "abc", "x"]


def test_there_are_100_injection_strings():
    assert len(INJECTIONS) >= 100 and len(set(INJECTIONS)) == len(INJECTIONS)


# ------------------------------------------------------------------------------ recording
class Recorder:
    """Every query run through rdflib's Graph.query and kg.store's Store.select/update/query,
    reduced to its structure."""

    def __init__(self, monkeypatch):
        from kg.sandbox import code_only
        from kg.store import Store
        self.seen: list = []
        real_query = rdflib.Graph.query

        def rdflib_query(graph, query_object, *args, initBindings=None, **kwargs):  # noqa: N803
            algebra = getattr(query_object, "algebra", None)
            shape = repr(algebra) if algebra is not None else self._bare(str(query_object), code_only)
            self.seen.append(("rdflib", shape, tuple(sorted(str(k) for k in (initBindings or {})))))
            return real_query(graph, query_object, *args, initBindings=initBindings, **kwargs)

        monkeypatch.setattr(rdflib.Graph, "query", rdflib_query)
        for name in ("select", "update", "query"):
            real = getattr(Store, name)

            def wrapper(store, sparql, *args, __real=real, __name=name, **kwargs):
                self.seen.append(("oxigraph", __name, self._bare(sparql, code_only),
                                  tuple(sorted(str(k) for k in (kwargs.get("substitutions") or {})))))
                return __real(store, sparql, *args, **kwargs)

            monkeypatch.setattr(Store, name, wrapper)

    @staticmethod
    def _bare(sparql: str, code_only) -> str:
        return " ".join(code_only(sparql).split())

    def take(self) -> set:
        out = set(self.seen)
        self.seen.clear()
        return out


@pytest.fixture(scope="module")
def seed_dataset(tmp_path_factory):
    from kg.export import to_dataset
    from kg.store import Store
    d = tmp_path_factory.mktemp("inj")
    build_into(d / "store", [SEED_FILE])
    s = Store(d / "store", read_only=True)
    ds = to_dataset(s)
    del s
    gc.collect()
    return d / "store", ds


# ------------------------------------------------------------------------------ kg viz
def _views(ds, out: Path, value: str) -> list[str]:
    """Every view option fed `value`; returns the HTML written."""
    from kg import views
    pages = []
    for kwargs in (dict(focus=value), dict(article=value), dict(classes=[value]), dict(date_from=value),
                   dict(date_to=value), dict(focus=value, title=value)):
        path = out / f"v{len(pages)}.html"
        try:
            views.build_view(ds, path, **kwargs)
        except (ValueError, LookupError):
            continue
        pages.append(path.read_text(encoding="utf-8", errors="replace"))
    return pages


def test_view_options_change_no_query(seed_dataset, tmp_path, monkeypatch):
    store, ds = seed_dataset
    rec = Recorder(monkeypatch)
    allowed = set()
    for value in BENIGN:
        _views(ds, tmp_path, value)
        allowed |= rec.take()
    assert allowed
    before = len(ds)
    for value in INJECTIONS:
        pages = _views(ds, tmp_path, value)
        new = rec.take() - allowed
        assert not new, (value, sorted(new)[:3])
        if "<" in value and len(value) > 2:
            for page in pages:                    # the string never comes back as markup
                assert value not in page, value
    assert len(ds) == before


# ------------------------------------------------------------------------------ kg serve parameters
def test_endpoint_parameters_change_no_query(seed_dataset):
    """default-graph-uri / named-graph-uri / format with injection strings: each either runs
    the same query or is refused with a clear error; the pool keeps working."""
    from kg.sandbox import QueryPool, SandboxError
    store, _ = seed_dataset
    before = nquads(store)
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with QueryPool(store, workers=1) as pool:
        baseline = pool.run(q, timeout=20).body
        outcomes = {"ran": 0, "refused": 0}
        for value in INJECTIONS:
            for kwargs in (dict(default_graphs=[value]), dict(named_graphs=[value]), dict(result_format=value)):
                try:
                    r = pool.run(q, timeout=20, **kwargs)
                    outcomes["ran"] += 1
                    if "result_format" in kwargs:
                        assert r.body == baseline or r.kind == "select"
                except SandboxError as exc:
                    assert str(exc), exc
                    outcomes["refused"] += 1
        assert pool.run(q, timeout=20).body == baseline
    assert nquads(store) == before
    assert outcomes["ran"] + outcomes["refused"] == 3 * len(INJECTIONS)


# ------------------------------------------------------------------------------ kg remove, kg build
def test_remove_targets_change_no_query(seed_dataset, tmp_path, monkeypatch):
    from kg.pipeline import remove
    from kg.store import Store
    src, _ = seed_dataset
    store_dir = tmp_path / "store"
    shutil.copytree(src, store_dir)
    before = nquads(store_dir)
    rec = Recorder(monkeypatch)
    s = Store(store_dir)
    try:
        # harmless targets that take each code path: a name, an id, an IRI, an existing file
        for target in BENIGN[:3] + ["0123456789abcdef", "https://w3id.org/kgnews/id/article/0123456789abcdef",
                                    str(REPO / "README.md")]:
            assert remove([target], s) == []
        allowed = rec.take()
        for value in INJECTIONS:
            if len(value.encode("utf-8", "surrogatepass")) > 255:
                continue                # see test_remove_with_an_overlong_target
            assert remove([value], s) == [], value
            new = rec.take() - allowed
            assert not new, (value, sorted(new)[:3])
    finally:
        s.close()
        del s
        gc.collect()
    assert nquads(store_dir) == before


def test_remove_with_an_overlong_target(seed_dataset, tmp_path):
    from kg.pipeline import remove
    from kg.store import Store
    shutil.copytree(seed_dataset[0], tmp_path / "store")
    s = Store(tmp_path / "store")
    try:
        assert remove(["a" * 5000], s) == []
    finally:
        s.close()
        del s
        gc.collect()


def test_file_names_change_no_query(tmp_path, monkeypatch):
    """File names reach the store as looked-up values (source paths): an article file named
    like an injection string builds like any other, with the queries a plain name gets."""
    good = (EXAMPLES / "a0001.md").read_bytes()
    rec = Recorder(monkeypatch)
    plain = tmp_path / "plain"
    plain.mkdir()
    for i in range(3):
        (plain / f"name{i}.md").write_bytes(good + f"\n第{i}篇。\n".encode())
    build_into(tmp_path / "s-plain", [plain])
    allowed = rec.take()
    # ('/' and NUL cannot be in a name; a name starting with '.' is a hidden file, not read)
    names = [v for v in INJECTIONS if v and "/" not in v and "\x00" not in v and "\ud800" not in v
             and not v.startswith(".")
             and len(v.encode("utf-8", "surrogateescape")) < 200]
    for chunk in range(0, len(names), 25):
        folder = tmp_path / f"inj{chunk}"
        folder.mkdir()
        made = 0
        for i, v in enumerate(names[chunk:chunk + 25]):
            try:
                (folder / f"{v}.{i}.md").write_bytes(good + f"\n第{i}篇。\n".encode())
                made += 1
            except (OSError, UnicodeEncodeError):
                pass
        errors: list[str] = []
        summary = build_into(tmp_path / f"s{chunk}", [folder], on_error=errors.append)
        assert summary.built == made and not errors, errors[:3]
        new = rec.take() - allowed
        # the same kinds of query, with more values in a VALUES list when there are more files
        assert not {x for x in new if not _only_longer_values(x, allowed)}, sorted(new)[:3]


def _only_longer_values(shape, allowed) -> bool:
    """A query that differs from an allowed one only by the number of terms in VALUES."""
    import re
    if shape[0] != "oxigraph":
        return False
    squash = lambda s: re.sub(r"VALUES \?(\w+) \{[^}]*\}", r"VALUES ?\1 {}", s)  # noqa: E731
    return any(a[0] == "oxigraph" and a[1] == shape[1] and squash(a[2]) == squash(shape[2]) for a in allowed)
