"""Store writes on a thread of their own, so that extraction goes on while a batch is written.

pyoxigraph's bulk loader and the HTTP calls to a SPARQL server release the GIL: with the
writes here, the build's main thread keeps collecting results and feeding the workers (or,
serially, keeps extracting) instead of waiting for each batch's write. Batches are still
written one at a time and in the order they were submitted, so a killed build leaves the
store exactly as the sequential writes did (docs/scale.md); at most one batch waits while
another is written, so memory stays bounded.
"""
from __future__ import annotations

import logging
import queue
import threading
from typing import Iterable

from .store import Backend, GraphWrite

log = logging.getLogger(__name__)


class BatchWriter:
    def __init__(self, store: Backend):
        self.store = store
        self.candidates: set[str] = set()            # entities to check for pruning afterwards
        self.failed: list[str] = []                  # one message per article that could not be written
        self.failed_graphs: list[str] = []           # and its graph
        self._queue: queue.Queue = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
        self._thread.start()

    def submit(self, writes: list[GraphWrite], drops: Iterable[str] = ()) -> None:
        """Queue a batch (blocks while an earlier batch still waits for its turn)."""
        self._raise()
        self._queue.put((list(writes), list(drops)))

    def close(self) -> None:
        """Wait for every submitted batch to be written; re-raise what stopped the writer."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            err, self._error = self._error, None
            raise err

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self._error is not None:              # a batch failed for good: write nothing after it
                continue
            try:
                self._write(*item)
            except BaseException as exc:             # noqa: BLE001 - handed to the main thread
                self._error = exc

    def _write(self, writes: list[GraphWrite], drops: list[str]) -> None:
        try:
            self.candidates.update(self.store.write_batch(writes, drops))
        except Exception:  # one bad article must not cost its batch: write them one by one
            log.debug("batch write failed, writing one by one", exc_info=True)
            if drops:
                self.candidates.update(self.store.drop_graphs(drops)[1])
            for w in writes:
                try:
                    self.candidates.update(self.store.write_batch([w]))
                except Exception as exc1:
                    self.failed.append(f"{w.graph}: cannot write to the store: {type(exc1).__name__}: {exc1}")
                    self.failed_graphs.append(w.graph)
