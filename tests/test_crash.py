"""kill -9 at any moment loses nothing already built and never leaves a file another tool cannot
read.

Store (a corpus of 20 articles, `python -m kg.cli build` in a subprocess):

* crash points (deterministic): the child's pyoxigraph Store is wrapped so that the process
  dies (os._exit, as abrupt as SIGKILL for RocksDB) just before its K-th write, for every K of a
  fresh build (small batches and the bulk-load path), of a --force rebuild over a complete
  store, and of a rebuild after three files changed;
* random kills: KG_CRASH_RUNS (default 100) SIGKILLs after a random delay inside the build's
  running time, in chains of 4 builds into the same store (fresh builds with batch sizes 1, 4
  and 128 — the bulk loader, in parts of ~1500 quads — and --force rebuilds of a complete
  store), each chain finished by a rerun.

After every kill: the store opens; no article committed before (kg:contentHash present, seen
after an earlier kill of the same chain, or all 20 for a --force rebuild) is missing; no
article graph is half-written (present without its kg:articleId / kg:contentHash triples, or
different from a clean build of that article); and a rerun converges to exactly the store of an
uninterrupted build (same N-Quads).

Export: 50 SIGKILLs at random moments of `kg export -o FILE` over an existing FILE, and crash
points inside kg.export.write_atomic (mid-write, before fsync, before and after the rename):
FILE is always the old bytes or the complete new export.
"""
from __future__ import annotations

import gc
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import EXAMPLES, REPO, build_into, nquads

KG = "https://w3id.org/kgnews/ontology#"
ENTITIES = "https://w3id.org/kgnews/id/entities"
ONTOLOGY = "https://w3id.org/kgnews/id/ontology"
PENDING = "https://w3id.org/kgnews/id/pending-prune"      # entities a prune has yet to check
N_ARTICLES = 20
RUNS = int(os.environ.get("KG_CRASH_RUNS") or 100)
EXPORT_RUNS = int(os.environ.get("KG_CRASH_EXPORT_RUNS") or 50)
CHAIN = 4

# The child: `kg ARGS` with pyoxigraph.Store wrapped so that the process dies just before its
# KG_CRASH_AT-th write (0: never); every write's name is appended to KG_CRASH_LOG.
_DRIVER = r"""
import os, sys
import pyoxigraph
crash_at = int(os.environ.get("KG_CRASH_AT") or 0)
log = os.environ.get("KG_CRASH_LOG")
WRITES = {"add", "add_graph", "bulk_extend", "bulk_load", "clear", "clear_graph", "extend", "load",
          "remove", "remove_graph", "update"}
Real = pyoxigraph.Store
count = [0]

class Store:
    def __init__(self, *args, **kwargs):
        object.__setattr__(self, "_real", Real(*args, **kwargs))
        if os.environ.get("KG_CRASH_SAY_OPEN"):          # tell the parent the store is open
            os.write(1, b"OPENED\n")

    read_only = staticmethod(Real.read_only)

    def __len__(self):
        return len(self._real)

    def __getattr__(self, name):
        attr = getattr(self._real, name)
        if name not in WRITES:
            return attr
        def write(*args, **kwargs):
            count[0] += 1
            if log:
                with open(log, "a") as fh:
                    fh.write(name + "\n")
            if count[0] == crash_at:
                os._exit(137)
            return attr(*args, **kwargs)
        return write

pyoxigraph.Store = Store
if os.environ.get("KG_CRASH_BULK_QUADS"):          # small bulk-loader parts: kills between them
    import kg.store
    kg.store.Store.bulk_quads = int(os.environ["KG_CRASH_BULK_QUADS"])
from kg.cli import main
sys.exit(main(sys.argv[1:]))
"""


# ------------------------------------------------------------------------------ fixtures
def make_corpus(root: Path, n: int = N_ARTICLES, changed: set[int] = frozenset()) -> Path:
    """n articles made from examples/ (each with its own closing line, so its own id)."""
    examples = sorted(EXAMPLES.iterdir())
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        base = examples[i % len(examples)]
        text = base.read_text(encoding="utf-8").rstrip("\n") + f"\n\n第{i}篇附注{'（修订）' if i in changed else ''}。\n"
        (root / f"a{i:02d}_{base.name}").write_text(text, encoding="utf-8")
    return root


@dataclass
class Reference:
    corpus: Path
    store: Path
    nquads: bytes
    graphs: dict[str, frozenset]          # article graph IRI -> its quads (as text)


def _article_graphs(store_dir: Path) -> tuple[dict[str, frozenset], set[str]]:
    """(article graph IRI -> quads as N-Quads text, the graphs whose commit triple is there)."""
    s = ox.Store.read_only(str(store_dir))
    try:
        graphs: dict[str, set] = {}
        for q in s.quads_for_pattern(None, None, None, None):
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in (ENTITIES, ONTOLOGY, PENDING):
                graphs.setdefault(q.graph_name.value, set()).add(str(q))
        committed = {g for g, qs in graphs.items()
                     if any(f"<{KG}contentHash>" in x for x in qs) and any(f"<{KG}articleId>" in x for x in qs)}
        return {g: frozenset(v) for g, v in graphs.items()}, committed
    finally:
        del s
        gc.collect()


def _reference(root: Path, changed: set[int] = frozenset()) -> Reference:
    corpus = make_corpus(root / "corpus", changed=changed)
    store = root / "store"
    summary = build_into(store, [corpus])
    assert summary.failed == 0 and summary.built == N_ARTICLES, summary.errors
    graphs, committed = _article_graphs(store)
    assert committed == set(graphs) and len(graphs) == N_ARTICLES
    return Reference(corpus, store, nquads(store), graphs)


@pytest.fixture(scope="module")
def ref(tmp_path_factory) -> Reference:
    return _reference(tmp_path_factory.mktemp("crash-ref"))


_rerun_lock = threading.Lock()


def rerun(store: Path, corpus: Path) -> bytes:
    """Build to completion in this process (one at a time) and return the store's N-Quads."""
    with _rerun_lock:
        summary = build_into(store, [corpus])
        assert summary.failed == 0, summary.errors
        return nquads(store)


@dataclass
class Outcome:
    label: str
    openable: bool = True
    committed: int = 0
    lost: list[str] = field(default_factory=list)           # committed before, missing now
    damaged: list[str] = field(default_factory=list)        # committed, but not as built clean
    uncommitted: list[str] = field(default_factory=list)    # graphs without the commit triples
    converged: bool | None = None


def inspect(label: str, store: Path, allowed: dict[str, frozenset], must: list[tuple[str, ...]]) -> Outcome:
    """The store after a kill. allowed: graph IRI -> its quads in a clean build (a committed
    graph must be exactly that); must: for each article committed before, the graph IRIs of which
    one must still be committed (its old or its new version)."""
    out = Outcome(label)
    try:
        s = ox.Store(str(store))                            # opens read-write, as a rerun does
        del s
        gc.collect()
        graphs, committed = _article_graphs(store)
    except OSError as exc:
        out.openable = False
        out.damaged.append(f"cannot open: {exc}")
        return out
    out.committed = len(committed)
    out.lost = [alts[0] for alts in must if not any(a in committed for a in alts)]
    out.damaged = sorted(g for g in committed if graphs[g] != allowed.get(g))
    out.uncommitted = sorted(set(graphs) - committed)
    return out


def _by_path(graphs: dict[str, frozenset]) -> dict[str, str]:
    """sourcePath -> graph IRI."""
    out = {}
    for g, quads in graphs.items():
        for q in quads:
            if f"<{KG}sourcePath>" in q:
                out[q.split(f"<{KG}sourcePath> ", 1)[1].rsplit(" <", 1)[0]] = g
    return out


def kg_child(args: list[str], env: dict | None = None, say_open: bool = False) -> subprocess.Popen:
    env = {**os.environ, **(env or {}), **({"KG_CRASH_SAY_OPEN": "1"} if say_open else {})}
    return subprocess.Popen([sys.executable, "-c", _DRIVER, *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE if say_open else subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_opened(p: subprocess.Popen, timeout: float = 60) -> bool:
    """Wait until the child says its store is open (False if it ended first)."""
    import select
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        r, _, _ = select.select([p.stdout], [], [], 0.05)
        if r:
            line = p.stdout.readline()
            return line.startswith(b"OPENED")
        if p.poll() is not None:
            return False
    return False


# ------------------------------------------------------------------------------ crash points
def _ops(args: list[str], log: Path, env: dict | None = None) -> list[str]:
    """The writes a complete run of `kg ARGS` makes (in a throw-away copy of its store)."""
    p = kg_child(args, {**(env or {}), "KG_CRASH_LOG": str(log)})
    _, err = p.communicate(timeout=300)
    assert p.returncode == 0, err.decode("utf-8", "replace")[-2000:]
    return log.read_text().split() if log.exists() else []


def _points(ops: list[str]) -> list[int]:
    """1-based write numbers to die before: every write except runs of remove_graph, of which
    the first and the last of each run; plus "after the last write" (len + 1)."""
    keep = []
    for i, op in enumerate(ops):
        if op == "remove_graph" and 0 < i < len(ops) - 1 and ops[i - 1] == op and ops[i + 1] == op:
            continue
        keep.append(i + 1)
    return keep + [len(ops) + 1]


@dataclass
class Scenario:
    label: str
    corpus: Path
    template: Path                 # the store before the run (copied for each crash)
    args: list[str]
    allowed: dict[str, frozenset]
    must: list[tuple[str, ...]]
    final: bytes                   # N-Quads of an uninterrupted run
    env: dict = field(default_factory=dict)


@pytest.fixture(scope="module")
def crash_points(tmp_path_factory, ref) -> list[Outcome]:
    root = tmp_path_factory.mktemp("crash-points")
    empty = root / "empty"
    empty.mkdir()
    scenarios = [
        Scenario("fresh build, batches of 7", ref.corpus, empty, ["--batch-size", "7"], ref.graphs, [], ref.nquads),
        Scenario("fresh build, one bulk-loaded batch", ref.corpus, empty, ["--batch-size", "128"], ref.graphs, [],
                 ref.nquads),
        Scenario("fresh build, one batch bulk-loaded in parts", ref.corpus, empty, ["--batch-size", "128"],
                 ref.graphs, [], ref.nquads, {"KG_CRASH_BULK_QUADS": "1500"}),
        Scenario("--force over a complete store", ref.corpus, ref.store, ["--batch-size", "10", "--force"],
                 ref.graphs, [(g,) for g in ref.graphs], ref.nquads),
    ]
    # three files change: the store holds their old versions under the same paths
    corpus = make_corpus(root / "changing")
    old_store = root / "old-store"
    build_into(old_store, [corpus])
    old_graphs, _ = _article_graphs(old_store)
    make_corpus(corpus, changed={2, 9, 15})
    new_store = root / "new-store"
    build_into(new_store, [corpus])
    new_graphs, _ = _article_graphs(new_store)
    old_paths, new_paths = _by_path(old_graphs), _by_path(new_graphs)
    assert len(set(old_graphs) - set(new_graphs)) == 3
    scenarios.append(Scenario("3 files changed", corpus, old_store, ["--batch-size", "10"],
                              {**old_graphs, **new_graphs},
                              [tuple(dict.fromkeys((g, new_paths[p]))) for p, g in old_paths.items()],
                              nquads(new_store)))
    jobs = []
    for n, sc in enumerate(scenarios):
        probe = root / f"probe{n}"
        shutil.copytree(sc.template, probe)
        ops = _ops(["build", str(sc.corpus), "--store", str(probe), *sc.args], root / f"ops{n}.log", sc.env)
        if "KG_CRASH_BULK_QUADS" in sc.env:      # the scenario is only worth its name with several parts
            assert ops.count("bulk_load") > 2, ops
        jobs += [(n, sc, k, ops) for k in _points(ops)]

    def run(job):
        n, sc, k, ops = job
        store = root / f"s{n}-{k}"
        shutil.copytree(sc.template, store)
        p = kg_child(["build", str(sc.corpus), "--store", str(store), *sc.args], {**sc.env, "KG_CRASH_AT": str(k)})
        p.communicate(timeout=300)
        what = ops[k - 1] if k <= len(ops) else "none: the run completed"
        out = inspect(f"{sc.label}: died before write {k} of {len(ops)} ({what})", store, sc.allowed, sc.must)
        if out.openable:
            out.converged = rerun(store, sc.corpus) == sc.final
        shutil.rmtree(store, ignore_errors=True)
        return out

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(run, jobs))
    print(f"\ncrash points: {len(results)} deaths at write boundaries; "
          f"{sum(o.openable for o in results)} openable, {sum(bool(o.converged) for o in results)} converged, "
          f"{sum(bool(o.damaged) for o in results)} with a damaged committed article, "
          f"{sum(bool(o.lost) for o in results)} lost committed articles, "
          f"{sum(bool(o.uncommitted) for o in results)} left uncommitted article graphs")
    for o in results:
        if o.lost or o.damaged or o.uncommitted or not o.converged:
            print(f"  {o.label}: committed {o.committed}, lost {len(o.lost)}, damaged {len(o.damaged)}, "
                  f"uncommitted {len(o.uncommitted)}, converged {o.converged}")
    return results


def test_crash_points_store_opens_and_rerun_converges(crash_points):
    assert len(crash_points) >= 10
    bad = [o for o in crash_points if not o.openable or o.damaged or not o.converged]
    assert not bad, bad[:5]


def test_crash_points_lose_no_committed_article(crash_points):
    lost = [o for o in crash_points if o.lost]
    assert not lost, [(o.label, len(o.lost)) for o in lost]


def test_crash_points_leave_no_half_written_article(crash_points):
    half = [o for o in crash_points if o.uncommitted]
    assert not half, [(o.label, len(o.uncommitted)) for o in half]


# ------------------------------------------------------------------------------ random kills
def rng_delay_early(delay: float) -> float:
    """A kill during start-up (imports, reading the files), before the store is opened."""
    return min(delay, 0.3)


def _random_env(batch: int) -> dict:
    """Batches of 128 (the bulk loader) are loaded in parts of ~1500 quads, so that kills land
    inside bulk-loader calls and between them."""
    return {"KG_CRASH_BULK_QUADS": "1500"} if batch == 128 else {}


@pytest.fixture(scope="module")
def random_kills(tmp_path_factory, ref) -> tuple[list[Outcome], list[bool], dict]:
    root = tmp_path_factory.mktemp("random-kills")
    rng = random.Random(int(os.environ.get("KG_CRASH_SEED") or 1234))
    # how long an uninterrupted build works on its store here (from opening it to the end), per
    # batch size: the kills are spread over that window (one in 8 lands before the store opens)
    window = {}
    for batch in (1, 4, 128):
        p = kg_child(["build", str(ref.corpus), "--store", str(root / f"timing{batch}"), "--batch-size", str(batch)],
                     env=_random_env(batch), say_open=True)
        assert wait_opened(p)
        t0 = time.perf_counter()
        p.communicate(timeout=300)
        window[batch] = time.perf_counter() - t0
        assert p.returncode == 0
    chains = []
    for c in range((RUNS + CHAIN - 1) // CHAIN):
        batch = (1, 4, 128)[c % 3]
        force = c % 4 == 3
        delays = [(rng.random() < 0.125, rng.uniform(0, 1.05) * window[batch]) for _ in range(CHAIN)]
        chains.append((c, batch, force, delays))
    runs_left = [RUNS]
    lock = threading.Lock()

    def chain(spec):
        c, batch, force, delays = spec
        store = root / f"chain{c}"
        if force:
            shutil.copytree(ref.store, store)
        seen: set[str] = set(ref.graphs) if force else set()
        outcomes = []
        for i, (early, delay) in enumerate(delays):
            with lock:
                if runs_left[0] <= 0:
                    break
                runs_left[0] -= 1
            args = ["build", str(ref.corpus), "--store", str(store), "--batch-size", str(batch)] + (["--force"] if force else [])
            p = kg_child(args, env=_random_env(batch), say_open=True)
            if early:
                time.sleep(rng_delay_early(delay))
            else:
                wait_opened(p)
                time.sleep(delay)
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
            p.communicate(timeout=300)
            o = inspect(f"chain {c} ({'force' if force else 'fresh'}, batch {batch}) kill {i + 1} "
                        f"{'before the store opened' if early else f'{delay:.2f} s after it opened'} "
                        f"(exit {p.returncode})", store, ref.graphs, [(g,) for g in seen])
            _, committed = _article_graphs(store) if o.openable else ({}, set())
            seen |= committed
            outcomes.append(o)
            if not o.openable:
                break
        converged = rerun(store, ref.corpus) == ref.nquads if outcomes and outcomes[-1].openable else False
        shutil.rmtree(store, ignore_errors=True)
        return outcomes, converged

    t0 = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(chain, chains))
    seconds = time.perf_counter() - t0
    outcomes = [o for os_, _ in done for o in os_]
    converged = [cv for _, cv in done]
    hist = {"none": 0, "some": 0, "all": 0}
    for o in outcomes:
        hist["none" if o.committed == 0 else "all" if o.committed == N_ARTICLES else "some"] += 1
    stats = {"kills": len(outcomes), "seconds": seconds, "window": window, "committed": hist,
             "openable": sum(o.openable for o in outcomes), "lost": sum(bool(o.lost) for o in outcomes),
             "damaged": sum(bool(o.damaged) for o in outcomes),
             "uncommitted": sum(bool(o.uncommitted) for o in outcomes),
             "chains": len(converged), "converged": sum(converged)}
    print(f"\nrandom kills: {stats}")
    return outcomes, converged, stats


def test_random_kills_store_opens_keeps_articles_and_converges(random_kills):
    outcomes, converged, stats = random_kills
    assert stats["kills"] == RUNS
    assert stats["openable"] == RUNS, [o.label for o in outcomes if not o.openable]
    assert stats["damaged"] == 0, [(o.label, o.damaged[:2]) for o in outcomes if o.damaged]
    assert all(converged), stats


def test_random_kills_lose_nothing(random_kills):
    outcomes, _, stats = random_kills
    assert stats["lost"] == 0, [(o.label, len(o.lost)) for o in outcomes if o.lost]


def test_random_kills_leave_no_half_written_article(random_kills):
    outcomes, _, stats = random_kills
    assert stats["uncommitted"] == 0, [(o.label, len(o.uncommitted)) for o in outcomes if o.uncommitted]


# ------------------------------------------------------------------------------ export
_EXPORT_DRIVER = r"""
import os, sys
import kg.export as kex
point = os.environ.get("KG_EXPORT_CRASH")
real_fdopen, real_fsync, real_replace, real_fsync_dir = os.fdopen, os.fsync, os.replace, kex._fsync_dir

class HalfWriter:
    def __init__(self, fh):
        self.fh = fh
    def write(self, data):
        self.fh.write(data[: len(data) // 2])
        self.fh.flush()
        os._exit(137)
    def __getattr__(self, name):
        return getattr(self.fh, name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False

if point == "mid-write":
    kex.os.fdopen = lambda fd, *a, **k: HalfWriter(real_fdopen(fd, *a, **k))
elif point == "before-fsync":
    kex.os.fsync = lambda fd: os._exit(137)
elif point == "before-replace":
    kex.os.replace = lambda a, b: os._exit(137)
elif point == "after-replace":
    kex._fsync_dir = lambda d: os._exit(137)
from kg.cli import main
sys.exit(main(sys.argv[1:]))
"""

FORMATS = ["turtle", "trig", "nquads", "jsonld"]


@pytest.fixture(scope="module")
def exports(ref) -> dict[str, bytes]:
    from kg.export import export_bytes
    from kg.store import Store
    s = Store(ref.store, read_only=True)
    try:
        return {fmt: export_bytes(s, fmt) for fmt in FORMATS}
    finally:
        del s
        gc.collect()


def _export_child(out: Path, fmt: str, store: Path, point: str | None = None) -> subprocess.Popen:
    env = {**os.environ, **({"KG_EXPORT_CRASH": point} if point else {})}
    return subprocess.Popen([sys.executable, "-c", _EXPORT_DRIVER, "export", "--format", fmt, "-o", str(out),
                             "--store", str(store)], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_export_crash_points(tmp_path, ref, exports):
    for point in ("mid-write", "before-fsync", "before-replace", "after-replace"):
        for fmt in ("turtle", "nquads"):
            out = tmp_path / f"{point}.{fmt}"
            out.write_bytes(b"OLD EXPORT\n")
            p = _export_child(out, fmt, ref.store, point)
            p.communicate(timeout=120)
            assert p.returncode == 137, point
            got = out.read_bytes()
            if point == "after-replace":
                assert got == exports[fmt], point
            else:
                assert got == b"OLD EXPORT\n", point
    # a killed writer leaves at most a hidden temporary file, removed by the next export
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert all(n.endswith(".tmp") for n in leftovers), leftovers
    for point in ("mid-write", "before-fsync", "before-replace"):
        p = _export_child(tmp_path / f"{point}.turtle", "turtle", ref.store)
        p.communicate(timeout=120)
        assert p.returncode == 0
        assert (tmp_path / f"{point}.turtle").read_bytes() == exports["turtle"]
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".") and "turtle" in n]


def test_export_random_kills(tmp_path, ref, exports):
    rng = random.Random(int(os.environ.get("KG_CRASH_SEED") or 4321))
    t0 = time.perf_counter()
    p = _export_child(tmp_path / "timing.ttl", "turtle", ref.store)
    p.communicate(timeout=120)
    window = time.perf_counter() - t0

    def one(i):
        fmt = FORMATS[i % len(FORMATS)]
        out = tmp_path / f"run{i}" / f"graph.{fmt}"
        out.parent.mkdir()
        old = f"OLD {i}\n".encode()
        out.write_bytes(old)
        p = _export_child(out, fmt, ref.store)
        # most kills land while it runs; one run in four is given time to finish
        time.sleep(rng.uniform(0.05, 1.0) * window if i % 4 else rng.uniform(2.0, 3.0) * window)
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
        p.communicate(timeout=120)
        got = out.read_bytes()
        assert got in (old, exports[fmt]), (i, fmt, len(got))
        partial = [n for n in os.listdir(out.parent) if n != out.name]
        return "new" if got == exports[fmt] else "old", p.returncode, len(partial)

    start = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(one, range(EXPORT_RUNS)))
    killed = sum(rc == -signal.SIGKILL for _, rc, _ in results)
    print(f"\nexport kills: {EXPORT_RUNS} runs ({killed} killed, the others had finished), "
          f"{sum(r == 'old' for r, _, _ in results)} left the old file, {sum(r == 'new' for r, _, _ in results)} "
          f"the complete new one, 0 anything else; {sum(n for _, _, n in results)} hidden temporary files "
          f"left; {time.perf_counter() - start:.1f} s")
