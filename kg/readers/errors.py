"""The one exception the readers raise for a file they cannot turn into an Article."""
from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """A file could not be read as an article.

    `reason` is a short human-readable explanation; `path` is the file (None when the error is
    raised by a helper that only sees bytes or text; `read_file` fills it in).
    str() is always one line: "PATH: reason" (or just "reason" without a path).
    """

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        self.reason = " ".join(str(reason).split())  # one line, whatever the YAML/codec said
        self.path = str(path) if path is not None else None
        super().__init__(self.reason)

    def with_path(self, path: Path | str) -> "ReadError":
        return ReadError(self.reason, path)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason
