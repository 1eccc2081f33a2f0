"""Shared fixtures: stores built once per session (examples, the seed alone, the shared corpus).

Stores are built with the library (kg.pipeline.build) into tmp_path_factory folders and closed
again (the RocksDB lock released), so tests open them read-only (kg.cli commands, Store(...,
read_only=True)) and never change them: a test that changes a store builds its own.

The corpus (../shared/corpus beside the checkout, or $KG_CORPUS) is optional: tests that need
it are skipped, with the reason, when it is missing. SHACL validation of the whole corpus takes
~45 s, so it runs in a background process started as soon as the session begins (only when a
selected test asks for `corpus_validation`) while the other tests run.
"""
from __future__ import annotations

import gc
import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"
QUERIES = REPO / "examples" / "queries"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_NAME = "000_c397c42166a738cc.txt"
SEED_FILE = EXAMPLES / SEED_NAME
N_EXAMPLES = 7


def corpus_dir() -> Path:
    return Path(os.environ.get("KG_CORPUS") or SHARED / "corpus")


def gold_dir() -> Path:
    return Path(os.environ.get("KG_GOLD") or SHARED / "gold")


def scorer_path() -> Path:
    return Path(os.environ.get("KG_SCORER") or SHARED / "eval" / "score.py")


def load_script(name: str):
    """Import scripts/<name>.py as a module (scripts/ is not a package)."""
    path = REPO / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"kg_scripts_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def build_into(store_dir: Path, paths, **kwargs):
    """Build `paths` into the store at `store_dir` and close it again; returns the BuildSummary."""
    from kg.pipeline import build
    from kg.store import Store

    store = Store(store_dir)
    try:
        return build([str(p) for p in paths], store, **kwargs)
    finally:
        store.close()               # (as `kg build` does: the index file's stamp is written then)
        del store
        gc.collect()


def nquads(store_dir: Path) -> bytes:
    """The store's N-Quads export (sorted lines), as `kg export --format nquads` writes it."""
    from kg.export import export_bytes
    from kg.store import Store

    store = Store(store_dir, read_only=True)
    try:
        return export_bytes(store, "nquads")
    finally:
        del store
        gc.collect()


def select(store_dir: Path, sparql: str) -> list[dict[str, str]]:
    """Rows of a SELECT over the union of all graphs, each {var: text} (unbound vars left out)."""
    from kg.query import run, term_text
    from kg.store import Store

    store = Store(store_dir, read_only=True)
    try:
        kind, payload = run(store, sparql)
    finally:
        del store
        gc.collect()
    assert kind == "select", kind
    variables, rows = payload
    return [{v: term_text(t) for v, t in zip(variables, r) if t is not None} for r in rows]


@dataclass
class Built:
    store: Path
    summary: object          # kg.pipeline.BuildSummary
    root: Path               # the folder built


# ---------------------------------------------------------------------------------- stores
@pytest.fixture(scope="session")
def examples_store(tmp_path_factory) -> Built:
    """examples/articles (7 files), built once; read-only for the tests."""
    d = tmp_path_factory.mktemp("examples")
    summary = build_into(d / "store", [EXAMPLES])
    assert summary.failed == 0, summary.errors
    return Built(d / "store", summary, EXAMPLES)


def free_port() -> int:
    """A free TCP port on 127.0.0.1 for a server a test starts."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    """An open embedded store of examples/articles, to compare a SPARQL server's answers with."""
    from kg.pipeline import build
    from kg.store import Store
    s = Store(tmp_path_factory.mktemp("embedded") / "store")
    build([EXAMPLES], s)
    yield s
    s.close()


@pytest.fixture(scope="session")
def golden_script():
    return load_script("update_golden")


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, golden_script) -> Built:
    """The seed article alone, copied into an empty folder and built by its bare file name
    (kg:sourcePath is its absolute path; the golden file writes it as the bare name)."""
    d = tmp_path_factory.mktemp("seed")
    store_dir, summary = golden_script.build_seed(d / "work", d / "store")
    assert summary.failed == 0 and summary.built == 1, summary.errors
    return Built(store_dir, summary, d / "work")


@pytest.fixture(scope="session")
def corpus() -> Path:
    d = corpus_dir()
    if not d.is_dir():
        pytest.skip(f"shared corpus not found at {d} (set KG_CORPUS to its folder)")
    return d


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, corpus) -> Built:
    """The whole shared corpus, built once (a few seconds)."""
    d = tmp_path_factory.mktemp("corpus")
    summary = build_into(d / "store", [corpus])
    return Built(d / "store", summary, corpus)


@dataclass
class ScorerRun:
    returncode: int
    stdout: str
    stderr: str
    graph: Path

    def report(self) -> dict:
        """The scorer's --json report (fails the test, with its stderr, if it did not run)."""
        import json

        assert self.returncode == 0, self.stderr[-3000:]
        return json.loads(self.stdout)


@pytest.fixture(scope="session")
def corpus_scorer(tmp_path_factory, corpus_store) -> ScorerRun:
    """The shared scorer run once on the corpus store's N-Quads export (for every test that
    needs its report: the scorer takes several seconds)."""
    scorer, gold = scorer_path(), gold_dir()
    if not scorer.exists() or not gold.is_dir():
        pytest.skip(f"scorer ({scorer}) or gold answers ({gold}) not found")
    graph = tmp_path_factory.mktemp("scorer") / "corpus.nq"
    graph.write_bytes(nquads(corpus_store.store))
    r = subprocess.run([sys.executable, str(scorer), "--graph", str(graph), "--queries", str(QUERIES),
                        "--gold", str(gold), "--json"], capture_output=True, text=True, timeout=600)
    return ScorerRun(r.returncode, r.stdout, r.stderr, graph)


class Background:
    """A command running beside the tests; result() waits for it."""

    def __init__(self, argv: list[str], workdir: Path):
        self.argv = argv
        self.out, self.err = workdir / "stdout.txt", workdir / "stderr.txt"
        with open(self.out, "wb") as out, open(self.err, "wb") as err:
            self.proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=REPO)

    def result(self, timeout: float = 600) -> tuple[int, str, str]:
        rc = self.proc.wait(timeout=timeout)
        return rc, self.out.read_text(encoding="utf-8", errors="replace"), \
            self.err.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="session")
def corpus_validation(tmp_path_factory, corpus_store):
    """`kg validate` of the corpus store, running in a background process."""
    job = Background([sys.executable, "-m", "kg.cli", "validate", "--store", str(corpus_store.store)],
                     tmp_path_factory.mktemp("validate"))
    yield job
    job.stop()


@pytest.fixture(scope="session", autouse=True)
def _start_slow_jobs_early(request):
    """Start the background corpus validation before the first test, if a selected test needs it."""
    if any("corpus_validation" in getattr(item, "fixturenames", ()) for item in request.session.items):
        if corpus_dir().is_dir():
            request.getfixturevalue("corpus_validation")
    yield


@pytest.fixture(scope="session", autouse=True)
def _children_hear_ctrl_c():
    """Tests send Ctrl-C (SIGINT) to the kg processes they start. A shell that runs pytest in the
    background (`sh -c 'pytest &'`, no job control) starts it with SIGINT ignored, and an ignored
    signal stays ignored across exec: every child would ignore Ctrl-C and those tests would hang.
    A handler is not inherited, so with one here the children start with the default."""
    import signal
    previous = signal.getsignal(signal.SIGINT)
    if previous == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    if previous == signal.SIG_IGN:
        signal.signal(signal.SIGINT, previous)
