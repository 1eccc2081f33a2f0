"""kg.writer.BatchWriter: batches written in order on a thread, a bad article costs only itself,
and an error that stops the writer reaches the build."""
from __future__ import annotations

import threading

import pytest

from conftest import EXAMPLES, N_EXAMPLES
from kg.store import GraphWrite, Store
from kg.writer import BatchWriter


class FakeStore:
    """write_batch records what it got; any batch holding a graph named 'bad' fails."""

    def __init__(self, drop_fails: bool = False):
        self.written: list[list[str]] = []
        self.threads: set[str] = set()
        self.drop_fails = drop_fails

    def write_batch(self, writes, drop=()):
        self.threads.add(threading.current_thread().name)
        if any(w.graph == "bad" for w in writes):
            raise ValueError("refused")
        self.written.append([w.graph for w in writes])
        return {f"entity-of-{w.graph}" for w in writes}

    def drop_graphs(self, graphs):
        if self.drop_fails:
            raise OSError("disk gone")
        return list(graphs), {"dropped-entity"}


def w(name: str) -> GraphWrite:
    return GraphWrite(graph=name, triples=b"")


def test_batches_in_order_on_the_writer_thread():
    store = FakeStore()
    writer = BatchWriter(store)
    for i in range(5):
        writer.submit([w(f"a{i}"), w(f"b{i}")])
    writer.close()
    assert store.written == [[f"a{i}", f"b{i}"] for i in range(5)]
    assert store.threads == {"kg-store-writer"}
    assert writer.candidates == {f"entity-of-{x}{i}" for x in "ab" for i in range(5)}
    assert writer.failed == []


def test_a_bad_article_costs_only_itself():
    store = FakeStore()
    writer = BatchWriter(store)
    writer.submit([w("a"), w("bad"), w("c")], drops=["old"])
    writer.submit([w("d")])
    writer.close()
    assert store.written == [["a"], ["c"], ["d"]]
    assert len(writer.failed) == 1 and writer.failed[0].startswith("bad: cannot write to the store: ValueError")
    assert "dropped-entity" in writer.candidates


def test_an_error_that_stops_the_writer_reaches_the_caller():
    store = FakeStore(drop_fails=True)
    writer = BatchWriter(store)
    writer.submit([w("bad")], drops=["old"])
    with pytest.raises(OSError, match="disk gone"):
        writer.close()
        writer.submit([w("later")])          # (if close had not raised, submit would)
    assert store.written == []


def test_build_reports_an_article_the_store_refused(tmp_path, monkeypatch):
    """Through kg.pipeline.build: the refused article is a failure naming its graph; the others
    are in the store."""
    from kg.pipeline import build

    real = Store.write_batch

    def refuse_seed(self, writes, drop=()):
        if any(b"000_c397c42166a738cc" in w.triples for w in writes):   # the seed article
            raise ValueError("refused")
        return real(self, writes, drop)

    monkeypatch.setattr(Store, "write_batch", refuse_seed)
    store = Store(tmp_path / "s")
    errors = []
    summary = build([EXAMPLES], store, on_error=errors.append)
    assert summary.failed == 1 and summary.built == N_EXAMPLES - 1, summary
    assert "cannot write to the store: ValueError: refused" in errors[0]
    assert len(store.articles()) == N_EXAMPLES - 1
    store.close()
