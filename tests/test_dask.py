"""Extraction on a Dask cluster: a real LocalCluster of two worker processes, reached by its
scheduler address as `kg build --executor dask://HOST:PORT` would; the store (written by this
process) is identical to a serial build."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.export import export_bytes
from kg.pipeline import build
from kg.store import Store

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install 'kg[dask]')")

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as c:
        yield c


def test_dask_equals_serial(cluster, tmp_path):
    serial = Store(tmp_path / "serial")
    s1 = build([EXAMPLES], serial)
    expected = export_bytes(serial, "nquads")
    serial.close()

    host_port = cluster.scheduler_address.removeprefix("tcp://")
    store = Store(tmp_path / "dask")
    s2 = build([EXAMPLES], store, executor=f"dask://{host_port}", chunk_size=2, batch_size=3)
    assert (s2.built, s2.failed) == (s1.built, 0)
    assert (s2.mentions, s2.facts, s2.entities) == (s1.mentions, s1.facts, s1.entities)
    assert export_bytes(store, "nquads") == expected

    # incremental on the cluster too: nothing to do the second time
    again = build([EXAMPLES], store, executor=f"dask://{host_port}")
    assert again.built == 0 and again.unchanged == s1.built
    store.close()


def test_dask_workers_report_errors(cluster, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "bad.md").write_bytes(b"\x00\x00\x00")
    (tmp_path / "a" / "good.md").write_bytes((EXAMPLES / "a0001.md").read_bytes())
    store = Store(tmp_path / "s")
    summary = build([tmp_path / "a"], store, executor=cluster.scheduler_address)
    assert (summary.built, summary.failed) == (1, 1)
    assert "bad.md" in summary.errors[0]
    store.close()
