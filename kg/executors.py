"""Where extraction runs: in this process, in a pool of worker processes, or on a Dask cluster.

Every executor has one method that matters, ``map(fn, tasks, *args)``: it runs ``fn(task,
*args)`` for each task and yields the results as they complete, with at most ``window`` tasks in
flight, so a corpus of any size streams through in bounded memory (tasks are pulled from the
iterator only as results come back). ``fn`` must be a module-level function (it is sent by
reference) and tasks and results plain picklable data.

    make_executor(None, jobs=1)          -> SerialExecutor
    make_executor(None, jobs=4)          -> ProcessExecutor(4)        (jobs=None: one per core)
    make_executor("serial" | "process")
    make_executor("dask://host:8786")    -> DaskExecutor               (pip install 'kg[dask]')

Workers never open the store (pyoxigraph allows one writing process): they return bytes and
the caller writes them.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from itertools import islice


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Executor:
    name = "executor"

    def map(self, fn: Callable, tasks: Iterable, *args) -> Iterator:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def abort(self) -> None:
        """Stop after an interruption; by default the same as close()."""
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class SerialExecutor(Executor):
    name = "serial"

    def map(self, fn, tasks, *args):
        for t in tasks:
            yield fn(t, *args)


def _warm_up() -> None:
    # Ctrl-C goes to the whole process group: the parent stops the build, a worker interrupted
    # in the middle of handing back a result would hold the result queue's lock for ever
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .pipeline import warm_up
    warm_up()


class ProcessExecutor(Executor):
    """A pool of `jobs` worker processes (concurrent.futures) on this machine.

    start_method: "fork" where the platform has it (workers start at once, and a script that
    calls kg.pipeline.build without an `if __name__ == "__main__"` guard is not re-run in them;
    the children only run extraction and never touch the store this process may hold open),
    else "spawn". $KG_START_METHOD overrides it ("forkserver", "spawn")."""
    name = "process"

    def __init__(self, jobs: int | None = None, *, start_method: str | None = None, window: int | None = None):
        self.jobs = max(1, jobs or default_jobs())
        method = start_method or os.environ.get("KG_START_METHOD") or "fork"
        if method not in mp.get_all_start_methods():
            method = "spawn"
        ctx = mp.get_context(method)
        if method == "forkserver":
            ctx.set_forkserver_preload(["kg.pipeline"])
        self.window = max(1, window or 2 * self.jobs)
        self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=_warm_up)

    def map(self, fn, tasks, *args):
        it = iter(tasks)
        pending = {self.pool.submit(fn, t, *args) for t in islice(it, self.window)}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                yield f.result()
                for t in islice(it, 1):     # top up only once a result has been taken
                    pending.add(self.pool.submit(fn, t, *args))

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def abort(self) -> None:
        """Stop now (Ctrl-C, an error): queued tasks are cancelled and the workers killed,
        never waited for (a worker stuck on the result queue would never finish)."""
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        manager = getattr(self.pool, "_executor_manager_thread", None)
        self.pool.shutdown(wait=False, cancel_futures=True)
        # a worker started while the interruption came is not yet in the pool's table; left
        # alive it would wait for work for ever (it ignores Ctrl-C) and hold the terminal's pipes
        from concurrent.futures.process import _process_worker
        processes += [p for p in mp.active_children()
                      if getattr(p, "_target", None) is _process_worker and p not in processes]
        for proc in processes:
            if proc.is_alive():
                proc.kill()
        for proc in processes:
            proc.join(timeout=5)
        # the pool's manager thread sees its workers gone and closes its wake-up pipe; exiting
        # before it has would make concurrent.futures' exit hook write to a closed pipe
        # ("Exception ignored ... Bad file descriptor" on stderr)
        if manager is not None:
            manager.join(timeout=10)


class DaskExecutor(Executor):
    """Tasks on a Dask cluster (dask.distributed): `address` is the scheduler's, e.g.
    "tcp://10.0.0.5:8786" (from `dask scheduler`) or a LocalCluster's scheduler_address.
    The workers need kg installed (same version) and receive the files' bytes, so they need no
    shared file system. Results (N-Triples bytes) come back to this process, which writes them."""
    name = "dask"

    def __init__(self, address: str, *, window: int | None = None, client=None):
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise RuntimeError("the dask executor needs dask.distributed: pip install 'kg[dask]'") from exc
        self.address = address
        self._own = client is None
        self.client = client or Client(address, set_as_default=False)
        nthreads = sum(self.client.nthreads().values()) or 1
        self.window = max(window or 0, 2 * nthreads)

    def map(self, fn, tasks, *args):
        from distributed import as_completed

        it = iter(tasks)
        submit = self.client.submit
        first = [submit(fn, t, *args, pure=False) for t in islice(it, self.window)]
        if not first:
            return
        pending = as_completed(first, loop=self.client.loop)
        for f in pending:
            result = f.result()
            f.release()
            yield result
            for t in islice(it, 1):     # top up only once a result has been taken
                pending.add(submit(fn, t, *args, pure=False))

    def close(self) -> None:
        if self._own:
            self.client.close()


def make_executor(spec=None, jobs: int | None = 1, *, window: int | None = None) -> Executor:
    """An executor from a spec: None, "serial", "process", "dask://host:port" (or "tcp://..."),
    or an Executor (used as it is, not closed). `window`: tasks in flight at most (default
    twice the workers)."""
    if isinstance(spec, Executor):
        return _Borrowed(spec)
    if spec is None or spec == "":
        n = jobs if jobs is not None else default_jobs()
        return SerialExecutor() if n <= 1 else ProcessExecutor(n, window=window)
    spec = str(spec)
    if spec == "serial":
        return SerialExecutor()
    if spec == "process":
        return ProcessExecutor(jobs, window=window)
    for prefix in ("dask://", "tcp://", "tls://"):
        if spec.startswith(prefix):
            scheme = "tcp://" if prefix == "dask://" else prefix
            return DaskExecutor(scheme + spec[len(prefix):], window=window)
    raise ValueError(f"unknown executor {spec!r}: use serial, process or dask://HOST:PORT")


class _Borrowed(Executor):
    """An executor the caller owns: used, not closed."""

    def __init__(self, inner: Executor):
        self.inner = inner
        self.name = inner.name

    def map(self, fn, tasks, *args):
        return self.inner.map(fn, tasks, *args)
