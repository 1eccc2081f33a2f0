"""Extraction in worker processes gives the same store as extraction in this process, and the
executors stream: they pull tasks only as results come back."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.executors import ProcessExecutor, SerialExecutor, make_executor
from kg.export import export_bytes
from kg.pipeline import build
from kg.store import Store

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"
CORPUS = REPO.parent / "shared" / "corpus" / "articles"


def build_dump(tmp_path, name, paths, **kw):
    s = Store(tmp_path / name)
    try:
        summary = build(paths, s, **kw)
        return summary, export_bytes(s, "nquads")
    finally:
        s.close()


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """The examples, plus up to 25 corpus articles when the shared corpus is there."""
    d = tmp_path_factory.mktemp("par") / "articles"
    shutil.copytree(EXAMPLES, d)
    if CORPUS.is_dir():
        for p in sorted(CORPUS.iterdir())[:25]:
            if not (d / p.name).exists():
                shutil.copyfile(p, d / p.name)
    (d / "broken.md").write_bytes(b"\x00\x01\x02 binary")
    return d


def test_jobs_2_equals_jobs_1(articles, tmp_path):
    s1, d1 = build_dump(tmp_path, "serial", [articles], jobs=1)
    s2, d2 = build_dump(tmp_path, "pool", [articles], jobs=2, chunk_size=2, batch_size=5)
    assert s1.built == s2.built > 7
    assert s1.failed == s2.failed == 1 and s1.errors == s2.errors
    assert (s1.mentions, s1.facts, s1.entities) == (s2.mentions, s2.facts, s2.entities)
    assert d1 == d2, "the store content depends on the number of jobs"


def test_incremental_with_jobs(articles, tmp_path):
    s = Store(tmp_path / "s")
    try:
        build([articles], s, jobs=2, chunk_size=3)
        again = build([articles], s, jobs=2)
        assert again.built == 0 and again.unchanged == again.read
    finally:
        s.close()


class _Counting:
    def __init__(self, n):
        self.n, self.pulled = n, 0

    def __iter__(self):
        for i in range(self.n):
            self.pulled += 1
            yield -i


@pytest.mark.parametrize("make", [lambda: ProcessExecutor(2, window=4), SerialExecutor])
def test_executors_stream(make):
    tasks = _Counting(200)
    with make() as ex:
        got = []
        for i, r in enumerate(ex.map(abs, tasks)):
            got.append(r)
            # never more than `window` tasks ahead of what was consumed
            assert tasks.pulled <= i + 1 + 4
    assert sorted(got) == list(range(200))


def test_make_executor():
    assert isinstance(make_executor(None, 1), SerialExecutor)
    assert isinstance(make_executor("serial", 8), SerialExecutor)
    ex = make_executor(None, 2)
    try:
        assert isinstance(ex, ProcessExecutor) and ex.jobs == 2
    finally:
        ex.close()
    with pytest.raises(ValueError):
        make_executor("carrier-pigeon://x")


@pytest.mark.parametrize("delay", [0.0, 0.3, 1.0, 2.5])
def test_ctrl_c_stops_a_parallel_build_cleanly(tmp_path, delay):
    """Ctrl-C reaches the whole process group (the build and its workers): the build stops
    within seconds with status 130 and no traceback, and the next build completes the store."""
    import os
    import signal
    import subprocess
    import sys
    import time
    if not CORPUS.is_dir():
        pytest.skip("needs ../shared/corpus")
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):                          # enough work for a few seconds on 2 workers
        for f in CORPUS.iterdir():              # other names: other articles, not copies
            shutil.copyfile(f, src / f"{i}_{f.name}")
    store = tmp_path / "store"
    argv = [sys.executable, "-m", "kg.cli", "build", str(src), "--store", str(store), "--jobs", "2"]
    # PYTHONFAULTHANDLER: a hung build dumps every thread's stack when the test aborts it
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            cwd=REPO, env={**os.environ, "PYTHONFAULTHANDLER": "1"})
    # from when the build has begun (the store is opened after Python's start-up and imports,
    # where a Ctrl-C is Python's own KeyboardInterrupt traceback, as for any Python program)
    t0 = time.monotonic()
    while not store.exists() and proc.poll() is None and time.monotonic() - t0 < 60:
        time.sleep(0.01)
    time.sleep(delay)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGABRT)
        try:
            out, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            err = b""
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the build hung after Ctrl-C; its threads:\n" + err.decode("utf-8", "replace")[-6000:])
    assert proc.returncode in (0, 130), err           # 0: it had finished already
    assert b"Traceback" not in err, err.decode()[-2000:]
    if proc.returncode == 130:                        # it says what is left and how to go on
        assert "kg: interrupted: the articles written so far are in the store" in err.decode(), err.decode()[-2000:]
    done = subprocess.run(argv, capture_output=True, timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert b"failed: 0" in done.stdout, done.stdout
    s = Store(store, read_only=True)
    assert len(s.article_index()[0]) == len(list(src.iterdir()))
