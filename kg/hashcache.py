"""Content hashes of files already read, so that a build of a large folder where little changed
reads only what changed (as git's index and make do).

A file's hash is reused when its size, modification time, status-change time and inode are
those recorded. Writing a file changes its status-change time (ctime), which no user tool can
set back, so an edit that keeps the size and restores the mtime is still seen. An entry whose
mtime is within RACY_NS of the moment the cache was written is never trusted: the file may have
been written again in the same clock tick after it was hashed (git's "racily clean" entries).

The cache is a plain file beside the store's data (kg-hashes.json in the embedded store's
folder); losing it or finding it unreadable only means every file is read again. It holds no
part of the graph, which stays a function of the files' contents alone.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

NAME = "kg-hashes.json"
RACY_NS = 2_000_000_000          # 2 s: coarse file system clocks (FAT) included
_VERSION = 1


def _stamp(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


class HashCache:
    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[str, list] = {}
        self.written_ns = 0
        if path is None:
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") == _VERSION and isinstance(data.get("files"), dict):
                self.entries = data["files"]
                self.written_ns = int(data.get("written_ns") or 0)
        except (OSError, ValueError, TypeError, AttributeError):
            self.entries = {}

    def lookup(self, path: str, st: os.stat_result) -> tuple[str, bool] | None:
        """(content hash, empty?) of the file at `path` if it is as it was when last hashed."""
        e = self.entries.get(path)
        if not e or len(e) != 7 or e[:5] != _stamp(st) or st.st_mtime_ns >= self.written_ns - RACY_NS:
            return None
        return e[5], e[6]

    def record(self, path: str, st: os.stat_result, digest: str, empty: bool) -> None:
        self.entries[path] = _stamp(st) + [digest, empty]

    def forget_under(self, roots: list[str], seen: set[str]) -> None:
        """Drop the entries of files under `roots` that the walk no longer found (deleted)."""
        prefixes = tuple(os.path.join(os.path.abspath(r), "") for r in roots)
        for p in [p for p in self.entries if p not in seen and p.startswith(prefixes)]:
            del self.entries[p]

    def save(self) -> None:
        if self.path is None:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            # (ASCII escapes: a file name that is not UTF-8 holds surrogates, which JSON escapes keep)
            tmp.write_text(json.dumps({"version": _VERSION, "written_ns": time.time_ns(), "files": self.entries},
                                      separators=(",", ":")), encoding="ascii")
            os.replace(tmp, self.path)
        except (OSError, ValueError):    # a read-only or full disk: the next build reads every file
            try:
                tmp.unlink()
            except OSError:
                pass
