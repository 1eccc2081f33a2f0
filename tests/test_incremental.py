"""Incremental builds: adding, changing and removing articles keeps the store what a build of the
current files gives (article graphs, support counts, the entities still mentioned), whatever the
batch size; a build killed half-way is repaired by the next one."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from kg.export import export_bytes
from kg.pipeline import build, remove
from kg.query import run, term_text
from kg.store import GraphWrite, Store

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"
N = len([p for p in EXAMPLES.iterdir() if p.suffix in (".md", ".txt")])
ENT = "https://w3id.org/kgnews/id/entities"
# support of a claim = the articles whose fact nodes carry its key
SUPPORT = """SELECT ?f (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?x a kg:RoleFact ; kg:claimKey ?f } } GROUP BY ?f"""
ENTITIES = f"SELECT DISTINCT ?e WHERE {{ GRAPH <{ENT}> {{ ?e a ?c }} }}"


def rows(store, sparql) -> list[dict[str, str]]:
    kind, (variables, rs) = run(store, sparql)
    return [{v: term_text(t) for v, t in zip(variables, r) if t is not None} for r in rs]


def support(store) -> dict[str, int]:
    return {r["f"]: int(r["n"]) for r in rows(store, SUPPORT)}


def entities(store) -> set[str]:
    return {r["e"] for r in rows(store, ENTITIES)}


def dump(store) -> bytes:
    return export_bytes(store, "nquads")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "articles"
    shutil.copytree(EXAMPLES, d)
    return d


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "store")
    yield s
    s.close()


def fresh(paths) -> bytes:
    """A new build of `paths` into a new store beside the test's own."""
    parent = Path(paths[0]).parent
    n = len(list(parent.glob("fresh-*")))
    s = Store(parent / f"fresh-{n}")
    try:
        build(paths, s)
        return dump(s)
    finally:
        s.close()


def test_add_change_remove(folder, store, tmp_path):
    extra = tmp_path / "later"
    extra.mkdir()
    shutil.move(folder / "a0060.md", extra / "a0060.md")
    first = build([folder], store)
    assert (first.built, first.unchanged, first.failed) == (N - 1, 0, 0)

    # idempotent: nothing to do, nothing changes
    before = dump(store)
    again = build([folder], store)
    assert (again.read, again.built, again.unchanged, again.replaced) == (N - 1, 0, N - 1, 0)
    assert dump(store) == before

    # add: only the new file is built
    shutil.move(extra / "a0060.md", folder / "a0060.md")
    added = build([folder], store)
    assert (added.built, added.unchanged, added.replaced) == (1, N - 1, 0)
    assert dump(store) == fresh([folder])

    # change: the changed file replaces its graph, and the result is what a fresh build gives
    # for the article graphs (kgr:entities may keep labels only the old version contributed)
    f = folder / "a0001.md"
    f.write_text(f.read_text(encoding="utf-8").replace("商务部", "商务部门"), encoding="utf-8")
    changed = build([folder], store)
    assert (changed.built, changed.replaced, changed.unchanged) == (1, 1, N - 1)
    assert len(store.articles()) == N
    inc = {line for line in dump(store).splitlines() if f"<{ENT}>".encode() not in line}
    ref = {line for line in fresh([folder]).splitlines() if f"<{ENT}>".encode() not in line}
    assert inc == ref
    # every entity still described is mentioned by some article, and every mentioned one is described
    s = Store.memory()
    build([folder], s)
    assert entities(store) == entities(s)

    # remove by path: the article and the entities only it mentioned go
    gone = remove([str(f)], store)
    assert len(gone) == 1 and len(store.articles()) == N - 1
    f.unlink()
    s = Store.memory()
    build([folder], s)
    assert entities(store) == entities(s)
    assert remove([str(f)], store) == []


def test_support_counts_follow_the_articles(folder, store):
    shutil.copyfile(folder / "a0001.md", folder / "copy-of-a0001.md")
    build([folder], store)
    counts = support(store)
    shared = {f for f, n in counts.items() if n == 2}
    assert shared, "a copied article should give role facts supported by two article graphs"
    gone = remove([str(folder / "copy-of-a0001.md")], store)
    assert len(gone) == 1
    after = support(store)
    assert all(after[f] == 1 for f in shared)
    assert set(after) == set(counts)
    # and back: rebuilding the copy brings the counts back
    build([folder], store)
    assert support(store) == counts


def test_remove_prunes_entities_and_their_chains(store):
    build([EXAMPLES], store)
    everything = entities(store)
    ids = list(store.articles())
    assert sorted(remove(ids, store)) == sorted(ids)
    assert store.articles() == {}
    assert entities(store) == set(), "entities survived the removal of every article"
    assert everything
    assert store.count(ENT) == 0


def test_batch_size_does_not_change_the_store(tmp_path):
    dumps = []
    for bs in (1, 3, 1000):
        s = Store(tmp_path / f"s{bs}")
        build([EXAMPLES], s, batch_size=bs)
        dumps.append(dump(s))
        s.close()
    assert dumps[0] == dumps[1] == dumps[2]


def test_forced_rebuild_is_stable(store):
    build([EXAMPLES], store)
    before = dump(store)
    forced = build([EXAMPLES], store, force=True)
    assert (forced.built, forced.unchanged, forced.replaced) == (N, 0, N)
    assert dump(store) == before


def test_killed_build_is_repaired(store):
    build([EXAMPLES], store)
    before = dump(store)
    # a batch written without its commit triples, as a build killed between the two writes leaves it
    graph = "https://w3id.org/kgnews/id/article/00000000deadbeef"
    nt = (f'<{graph}> <https://w3id.org/kgnews/ontology#articleId> "00000000deadbeef" .\n'
          f'<{graph}> <https://schema.org/mentions> <https://w3id.org/kgnews/id/person/nobody> .\n').encode()
    ent = b'<https://w3id.org/kgnews/id/person/nobody> <http://www.w3.org/2000/01/rdf-schema#label> "nobody" .\n'
    store.write_batch([GraphWrite(graph, nt, b"", ent)])
    assert dump(store) != before
    again = build([EXAMPLES], store)
    assert again.unchanged == N
    assert dump(store) == before


def test_a_prune_killed_before_it_ran_is_done_by_the_next_build(folder, store, monkeypatch):
    build([folder], store)
    # 高峰 is named no more: the articles change, and his entity is left to prune
    for target in (p for p in sorted(folder.iterdir()) if "高峰" in p.read_text(encoding="utf-8")):
        target.write_text(target.read_text(encoding="utf-8").replace("高峰", "某人"), encoding="utf-8")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt          # the drop is committed, the prune never runs
    monkeypatch.setattr(Store, "prune_entities", killed)
    with pytest.raises(KeyboardInterrupt):
        build([folder], store)
    monkeypatch.undo()
    left = store.pending()
    assert left and any("person/%E9%AB%98%E5%B3%B0" in e for e in left)    # 高峰, listed
    again = build([folder], store)
    assert again.built == 0 and again.unchanged == N
    assert store.pending() == set()
    assert not [e for e in entities(store) if "person/%E9%AB%98%E5%B3%B0" in e]
    assert dump(store) == fresh([folder])           # as if the first run had finished


def _reads(monkeypatch) -> list[str]:
    """The files kg.pipeline reads from now on."""
    import kg.pipeline as pipeline
    seen: list[str] = []
    real = pipeline._read_raw

    def spy(path):
        seen.append(Path(path).name)
        return real(path)
    monkeypatch.setattr(pipeline, "_read_raw", spy)
    return seen


def _age(folder: Path, seconds: float = 10) -> None:
    """Move the files' mtimes back, out of the cache's racy window."""
    for p in folder.iterdir():
        st = p.stat()
        os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns - int(seconds * 1e9)))


def test_an_unchanged_file_is_not_read_again(folder, store, monkeypatch):
    _age(folder)
    build([folder], store)
    reads = _reads(monkeypatch)
    again = build([folder], store)
    assert again.unchanged == N and reads == []               # every hash from the cache
    changed = sorted(folder.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    third = build([folder], store)
    assert (third.built, third.unchanged) == (1, N - 1)
    assert reads == [changed.name, changed.name]               # hashed, then extracted
    assert dump(store) == fresh([folder])


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(folder, store):
    _age(folder)
    build([folder], store)
    target = sorted(folder.iterdir())[0]
    st = target.stat()
    text = target.read_text(encoding="utf-8")
    swapped = text.replace("商务部", "财政部", 1) if "商务部" in text else text.replace("的", "地", 1)
    assert swapped != text and len(swapped.encode()) == len(text.encode())
    target.write_text(swapped, encoding="utf-8")
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))     # same size, mtime put back: the ctime moved
    again = build([folder], store)
    assert again.built == 1
    assert dump(store) == fresh([folder])


def test_a_file_written_just_before_the_cache_is_hashed_again(folder, store, monkeypatch):
    for p in folder.iterdir():
        os.utime(p)                            # written a moment ago: racy entries
    build([folder], store)
    reads = _reads(monkeypatch)
    build([folder], store)
    assert len(reads) == N                     # none trusted yet
    monkeypatch.undo()


def test_a_broken_hash_cache_only_means_reading_again(folder, store):
    build([folder], store)
    cache = store.side_file("kg-hashes.json")
    assert cache is not None and cache.is_file()
    cache.write_text("{not json", encoding="utf-8")
    again = build([folder], store)
    assert again.unchanged == N and again.failed == 0
    assert json.loads(cache.read_text(encoding="utf-8"))["version"] == 1


def test_unreadable_and_empty_files_fail_alone(folder, store):
    (folder / "empty.md").write_text("   \n", encoding="utf-8")
    summary = build([folder], store)
    assert summary.built == N and summary.failed == 1
    assert "empty" in summary.errors[0]


def test_other_extractors_or_configuration_rebuild_unchanged_files(store, tmp_path):
    """An unchanged file is extracted again when what extracted it changed: another extractor
    version (a kg upgrade), a graph from before kg recorded it, or another --config. The result
    is the store a fresh build with the new setting gives."""
    first = build([EXAMPLES], store)
    assert first.built == N
    assert build([EXAMPLES], store).unchanged == N
    with_ = {v["with"] for v in store.articles().values()}
    (recorded,) = with_
    assert "entities@" in recorded and " data:" in recorded and recorded.endswith("config:none")
    # a kg whose shipped gazetteers differ (same extractor versions) extracts again too
    store.update('DELETE { GRAPH ?g { ?a <https://w3id.org/kgnews/ontology#extractedWith> ?w } } '
                 'INSERT { GRAPH ?g { ?a <https://w3id.org/kgnews/ontology#extractedWith> ?v } } '
                 'WHERE { GRAPH ?g { ?a <https://w3id.org/kgnews/ontology#extractedWith> ?w } '
                 'BIND(REPLACE(?w, "data:[0-9a-f]+", "data:000000000000") AS ?v) }')
    assert build([EXAMPLES], store).built == N

    # a store written by an older kg: the recorded extractor versions differ, or none is recorded
    store.update('DELETE { GRAPH ?g { ?a kg:extractedWith ?w } } INSERT { GRAPH ?g { ?a kg:extractedWith "entities@1 config:none" } } '
                 'WHERE { GRAPH ?g { ?a kg:extractedWith ?w } }'.replace("kg:", "<https://w3id.org/kgnews/ontology#"
                                                                           ).replace("extractedWith", "extractedWith>"))
    again = build([EXAMPLES], store)
    assert (again.built, again.unchanged) == (N, 0)
    store.update('DELETE WHERE { GRAPH ?g { ?a <https://w3id.org/kgnews/ontology#extractedWith> ?w } }')
    assert build([EXAMPLES], store).built == N
    assert build([EXAMPLES], store).unchanged == N

    # another configuration: extracted again, and equal to a fresh build with that configuration
    config = {"orgs": [{"key": "test-institute", "name": "跨境电商研究院", "kind": "Organization"}]}
    changed = build([EXAMPLES], store, config=config)
    assert changed.built == N
    assert build([EXAMPLES], store, config=config).unchanged == N
    fresh = Store(tmp_path / "fresh")
    build([EXAMPLES], fresh, config=config)
    assert dump(store) == dump(fresh)
    fresh.close()
    # and back without it: the shipped gazetteers again, as a fresh build without --config
    assert build([EXAMPLES], store).built == N
    plain = Store(tmp_path / "plain")
    build([EXAMPLES], plain)
    assert dump(store) == dump(plain)
    plain.close()


def test_prune_removes_the_articles_of_deleted_and_renamed_files(folder, store, tmp_path):
    build([folder], store)
    (folder / "a0016.md").rename(folder / "renamed.md")
    gone = sorted(folder.glob("*.md"))[0]
    gone.unlink()
    kept = build([folder], store)                      # without --prune the old articles stay
    assert kept.removed == 0 and len(store.article_index()[0]) == N + 1
    pruned = build([folder], store, prune=True)
    assert (pruned.removed, len(store.article_index()[0])) == (2, N - 1)
    # and the store is the one a fresh build of what is there now gives
    assert dump(store) == fresh([folder])
    # a file named on its own prunes only itself; other folders' articles are never touched
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(EXAMPLES / "a0016.md", other / "x.md")
    build([other], store)
    assert build([folder], store, prune=True).removed == 0
    assert len(store.article_index()[0]) == N


def test_changing_one_of_two_copies_keeps_the_other(tmp_path, store):
    # same name, same content in two folders: one article; changing one copy must not drop it
    for sub in ("a", "b"):
        (tmp_path / "dup" / sub).mkdir(parents=True)
        shutil.copy(EXAMPLES / "a0016.md", tmp_path / "dup" / sub / "x.md")
    build([tmp_path / "dup"], store)
    assert len(store.article_index()[0]) == 1
    with open(tmp_path / "dup" / "a" / "x.md", "a", encoding="utf-8") as fh:
        fh.write("\n追加一段。\n")
    build([tmp_path / "dup"], store)
    again = Store.memory()
    build([tmp_path / "dup"], again)
    assert sorted(store.article_index()[0]) == sorted(again.article_index()[0])   # both versions
    # (and each with its own file's path: the old version's only path is now b's)
    assert {k: v["paths"] for k, v in store.article_index()[0].items()} == \
        {k: v["paths"] for k, v in again.article_index()[0].items()}


def _two_copies(tmp_path: Path) -> tuple[Path, Path]:
    """dup/a/x.md and dup/b/x.md: one file (same name, same content) in two folders."""
    a, b = tmp_path / "dup" / "a", tmp_path / "dup" / "b"
    for d in (a, b):
        d.mkdir(parents=True)
        shutil.copy(EXAMPLES / "a0016.md", d / "x.md")
    return a, b


def test_a_copy_in_another_folder_is_one_article_with_both_paths(tmp_path, store):
    # the B audit: a copy built from a second folder was not recorded, and pruning the first
    # folder's deleted file then deleted the article although the copy was still there
    a, b = _two_copies(tmp_path)
    build([a], store)
    second = build([b], store)
    assert (second.built, second.unchanged) == (0, 1)
    (info,) = store.article_index()[0].values()
    assert info["paths"] == [str(a / "x.md"), str(b / "x.md")]
    assert dump(store) == fresh([tmp_path / "dup"])          # as one build of both folders gives
    # extracted again (--force, an upgrade), from one folder or both, it keeps both paths
    for paths in ([a], [tmp_path / "dup"]):
        forced = build(paths, store, force=True)
        assert forced.built == 1
        assert [v["paths"] for v in store.article_index()[0].values()] == [[str(a / "x.md"), str(b / "x.md")]]
    # a path named alone is dropped, the article stays for its other copy
    dropped: list[str] = []
    assert remove([str(a / "x.md")], store, paths_dropped=dropped) == [] and dropped == [str(a / "x.md")]
    assert [v["paths"] for v in store.article_index()[0].values()] == [[str(b / "x.md")]]
    build([a], store)                                        # and comes back with the file
    assert [v["paths"] for v in store.article_index()[0].values()] == [[str(a / "x.md"), str(b / "x.md")]]
    # a deleted copy pruned: the article stays, built from the other
    (a / "x.md").unlink()
    pruned = build([a], store, prune=True)
    assert pruned.removed == 0
    assert [v["paths"] for v in store.article_index()[0].values()] == [[str(b / "x.md")]]
    # the last copy gone: the article goes
    (b / "x.md").unlink()
    assert build([b], store, prune=True).removed == 1 and store.article_index()[0] == {}


def test_a_path_spelled_another_way_is_the_same_file(folder, store, monkeypatch):
    monkeypatch.chdir(folder.parent)
    build([Path(folder.name)], store)                       # articles/ (relative)
    with open(folder / "a0016.md", "a", encoding="utf-8") as fh:
        fh.write("\n追加一段。\n")
    changed = build([folder.resolve()], store)              # /abs/.../articles
    assert (changed.built, changed.replaced) == (1, 1)
    assert len(store.article_index()[0]) == N


def test_an_unreadable_folder_is_an_error_and_prunes_nothing(folder, store, monkeypatch):
    import os as _os
    import kg.readers as readers
    sub = folder / "sub"
    sub.mkdir()
    shutil.copy(EXAMPLES / "a0016.md", sub / "inner.md")
    build([folder], store)
    real = _os.scandir

    def scandir(path="."):
        if str(path) == str(sub):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr(readers.os, "scandir", scandir)       # root reads a chmod 000 folder anyway
    summary = build([folder], store, prune=True)
    assert summary.failed == 1 and "sub: cannot read directory: Permission denied" in summary.errors[0]
    assert summary.removed == 0 and len(store.article_index()[0]) == N + 1


# ------------------------------------------------------ source paths, whichever directory kg runs in
def _paths(store: Store) -> dict[str, str]:
    return {aid: info["path"] for aid, info in store.articles().items()}


def test_source_paths_mean_the_same_files_from_any_directory(tmp_path, monkeypatch):
    x, y = tmp_path / "x", tmp_path / "y"
    x.mkdir()
    y.mkdir()
    shutil.copy(EXAMPLES / "a0001.md", x)
    shutil.copy(EXAMPLES / "a0016.md", y)
    s = Store(tmp_path / "store")
    try:
        monkeypatch.chdir(x)
        build(["."], s)
        monkeypatch.chdir(y)
        summary = build(["."], s, prune=True)
        # pruning y never touches what was built from x (both were "./a….md" when given)
        assert (summary.built, summary.removed) == (1, 0)
        assert sorted(_paths(s).values()) == [str(x / "a0001.md"), str(y / "a0016.md")]
        # removal by path, absolute or relative, from another directory
        monkeypatch.chdir(tmp_path / "store")
        assert len(remove([str(x / "a0001.md")], s)) == 1
        assert len(remove(["../y/a0016.md"], s)) == 1
        assert _paths(s) == {}
    finally:
        s.close()


def test_a_moved_file_follows_and_a_folder_can_be_removed(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(EXAMPLES, a)
    b.mkdir()
    s = Store(tmp_path / "store")
    try:
        build([a], s)
        shutil.move(a / "a0016.md", b / "a0016.md")
        moved = build([b], s)
        assert (moved.built, moved.replaced) == (1, 1)
        assert str(b / "a0016.md") in _paths(s).values()
        # the file is gone from a, but its article now comes from b: pruning a keeps it
        pruned = build([a], s, prune=True)
        assert pruned.removed == 0 and str(b / "a0016.md") in _paths(s).values()
        # a folder removes every article built from a file under it
        unmatched: list[str] = []
        assert len(remove([str(a)], s, unmatched)) == N - 1 and not unmatched
        assert list(_paths(s).values()) == [str(b / "a0016.md")]
    finally:
        s.close()


def test_a_folder_walk_leaves_the_store_out(tmp_path, monkeypatch):
    shutil.copy(EXAMPLES / "a0001.md", tmp_path)
    monkeypatch.chdir(tmp_path)
    s = Store(tmp_path / "kg-data")
    try:
        first = build(["."], s)
        again = build(["."], s)
        assert first.skipped_files == again.skipped_files == 0
    finally:
        s.close()


def test_prune_keeps_files_whose_names_are_not_utf8_and_files_the_walk_skips(tmp_path):
    import os
    d = tmp_path / "gbk"
    d.mkdir()
    name = "商务部通知.md".encode("gbk")
    with open(os.path.join(os.fsencode(d), name), "wb") as fh:
        fh.write((EXAMPLES / "a0060.md").read_bytes())
    shutil.copy(EXAMPLES / "a0016.md", d)
    (d / "README.md").write_text((EXAMPLES / "a0001.md").read_text(encoding="utf-8"), encoding="utf-8")
    s = Store(tmp_path / "store")
    try:
        build([str(d / "README.md")], s)              # named on the command line: built
        first = build([d], s, prune=True)
        second = build([d], s, prune=True)
        assert (first.removed, second.removed, second.built) == (0, 0, 0)
        assert len(s.articles()) == 3
        # and such a file is removed by its name, though the store records U+FFFD for its bytes
        assert len(remove([os.path.join(os.fsencode(d), name).decode("utf-8", "surrogateescape")], s)) == 1
        assert len(s.articles()) == 2
    finally:
        s.close()


def test_a_changed_file_that_no_longer_builds_keeps_its_last_good_version_and_says_so(folder, store):
    first = build([folder], store)
    f = folder / "a0001.md"
    headline = rows(store, "SELECT ?h WHERE { ?a kg:sourcePath ?p ; schema:headline ?h FILTER(STRENDS(?p, 'a0001.md')) }")
    f.write_text("---\ntitle: [broken\n---\n<p>国务院发布通知。</p>\n", encoding="utf-8")
    errors: list[str] = []
    again = build([folder], store, prune=True, on_error=errors.append)
    assert again.failed == 1 and len(store.articles()) == first.built
    assert rows(store, "SELECT ?h WHERE { ?a kg:sourcePath ?p ; schema:headline ?h FILTER(STRENDS(?p, 'a0001.md')) }") == headline
    assert "broken YAML" in errors[0] and "its previous version stays in the store" in errors[0], errors
    assert f"kg remove {f}" in errors[0]
    # a file that never built says nothing of the kind
    (folder / "new.md").write_text("---\ntitle: [broken\n---\n正文。\n", encoding="utf-8")
    errors.clear()
    build([folder], store, on_error=errors.append)
    assert [e for e in errors if "new.md" in e and "previous version" not in e]


def test_a_changed_file_that_can_no_longer_be_read_says_its_old_version_stays(tmp_path, store, monkeypatch):
    import kg.readers.decode as decode
    import kg.pipeline as pipeline
    d = tmp_path / "few"
    d.mkdir()
    for name in ("a0001.md", "a0016.md"):
        shutil.copyfile(EXAMPLES / name, d / name)
    files = sorted(d.iterdir())
    assert files, "examples changed"
    build([d], store)
    big = files[0]
    big.write_bytes(big.read_bytes() + b"x" * 200)
    # (too large for the first read, where files are hashed: the path before any extraction)
    monkeypatch.setattr(decode, "MAX_BYTES", big.stat().st_size - 1)
    monkeypatch.setattr(pipeline, "MAX_BYTES", big.stat().st_size - 1)
    errors: list[str] = []
    build([d], store, on_error=errors.append)
    assert len(store.articles()) == len(files)
    assert any("file too large" in e and "its previous version stays in the store" in e for e in errors), errors


def test_changing_a_copy_built_from_its_folder_alone_keeps_the_other_copys_article(tmp_path, store):
    # the review: building only B's folder after changing B/x.md deleted A's article
    a, b = _two_copies(tmp_path)
    build([a], store)
    build([b], store)
    with open(b / "x.md", "a", encoding="utf-8") as fh:
        fh.write("\n追加一段。\n")
    build([b], store)
    assert sorted(v["paths"] for v in store.article_index()[0].values()) == [[str(a / "x.md")], [str(b / "x.md")]]
    assert dump(store) == fresh([tmp_path / "dup"])
    # extracted again with --force from both folders, each article keeps only its own file's path
    build([a, b], store, force=True)
    assert sorted(v["paths"] for v in store.article_index()[0].values()) == [[str(a / "x.md")], [str(b / "x.md")]]


def test_a_build_killed_before_it_recorded_paths_is_repaired_by_the_next(tmp_path, store, monkeypatch):
    a, b = _two_copies(tmp_path)
    build([a, b], store)
    with open(b / "x.md", "a", encoding="utf-8") as fh:
        fh.write("\n追加一段。\n")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(store, "source_paths", killed)
    with pytest.raises(KeyboardInterrupt):
        build([a, b], store)
    monkeypatch.undo()
    build([a, b], store)                 # the old article no longer holds B's path
    assert dump(store) == fresh([tmp_path / "dup"])
    build([b], store)                    # and a build of B alone leaves A's article alone
    assert sorted(v["paths"] for v in store.article_index()[0].values()) == [[str(a / "x.md")], [str(b / "x.md")]]


def test_ctrl_c_leaves_no_bookkeeping_among_the_data(folder, store, monkeypatch):
    """(docs audit) Ctrl-C while a --force build waits for its last writes: the entities the
    replaced graphs referred to are pruned before kg stops, so kgr:pending-prune does not show in
    queries, counts and exports until the next build."""
    from kg.writer import BatchWriter
    build([folder], store)
    real, calls = BatchWriter.close, []

    def interrupted(self):
        calls.append(1)
        if len(calls) == 1:
            real(self)                   # the writes land; the wait for them is what Ctrl-C stops
            raise KeyboardInterrupt
        return real(self)
    monkeypatch.setattr(BatchWriter, "close", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([folder], store, force=True)
    monkeypatch.undo()
    assert store.pending() == set()
    assert dump(store) == fresh([folder])
