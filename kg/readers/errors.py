"""The one exception the readers raise for a file they cannot turn into an Article."""
from __future__ import annotations

import re
from pathlib import Path

# what would break the one-line message or the terminal: C0/C1 controls, DEL, line and
# paragraph separators, lone surrogates (file names that are not UTF-8)
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def display_path(path: Path | str) -> str:
    """The path as one printable line: control characters and undecodable bytes as Python
    escapes ("new\\nline.md", "caf\\udce9.md")."""
    return _UNPRINTABLE.sub(lambda m: ascii(m.group())[1:-1], str(path))


class ReadError(Exception):
    """A file could not be read as an article.

    `reason` is a short human-readable explanation; `path` is the file (None when the error is
    raised by a helper that only sees bytes or text; `read_file` fills it in).
    str() is always one line: "PATH: reason" (or just "reason" without a path); control
    characters and undecodable bytes in PATH are shown as escapes (`display_path`).
    """

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        self.reason = " ".join(str(reason).split())  # one line, whatever the YAML/codec said
        self.path = str(path) if path is not None else None
        super().__init__(self.reason)

    def with_path(self, path: Path | str) -> "ReadError":
        return ReadError(self.reason, path)

    def __str__(self) -> str:
        return f"{display_path(self.path)}: {self.reason}" if self.path else self.reason
