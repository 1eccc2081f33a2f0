"""Limits on the work one input file or one query may cause, in one place.

Whatever arrives, a build must keep going: an input that would cost more than these limits is
refused with one clear error line naming the file (`kg.readers.ReadError`, "PATH: reason"), and
the next file is read. Each limit is checked *while* the work is done (not after it), so the cost
of refusing is bounded too. Measured on the development machine (2 cores, Python 3.11; see
tests/test_hostile.py, which enforces 5 s and 512 MB per input):

    input                                 reader time    refused by
    50 MB file                            0 s (stat)     MAX_FILE_BYTES
    20 MB of "<p>x" HTML                  < 2 s          MAX_HTML_TOKENS
    20 MB of plain text lines             < 0.5 s        MAX_TEXT_CHARS
    2 MB front matter, 1M list items      < 0.3 s        MAX_YAML_EVENTS
    YAML alias bomb (billion laughs)      < 0.01 s       MAX_YAML_ALIASES / MAX_YAML_NODES
    100k-deep <div> nesting               0.5 s          (built: the tokenizer is linear)

What a limit says when it is hit is part of the interface: the message names the limit (for
instance "article text too long: more than 100000 characters (kg.limits.MAX_TEXT_CHARS)").

Query time: a pyoxigraph query runs in Rust and cannot be interrupted from Python (measured:
the GIL is released, but nothing checks for a cancellation), so the only sound time limit is a
separate process that is killed: `kg.sandbox` (used by `kg serve`) does that, with
QUERY_TIMEOUT seconds and QUERY_MAX_ROWS rows as its defaults here.
"""
from __future__ import annotations

import os

# -- one input file (kg.readers) -------------------------------------------------------------
#: bytes; a larger file is refused before it is read (kg.readers.decode.MAX_BYTES)
MAX_FILE_BYTES = 20 * 1024 * 1024
#: characters of article text (paragraphs joined), counted while the body is parsed: bounds
#: the reader's time and memory (the longest article of the shared corpus has ~12k)
MAX_TEXT_CHARS = 1_000_000
#: characters of article text that extraction accepts (it costs ~16 us a character, more on
#: text dense with names): enforced before extraction, see docs/security.md
MAX_EXTRACT_CHARS = 100_000
#: tags, comments, end tags and stray '<' in one HTML body (~1-3 us each in the tokenizer);
#: 100k-deep nesting is 200k tokens and is still read
MAX_HTML_TOKENS = 1_000_000
#: bytes of YAML front matter
MAX_FRONT_MATTER_BYTES = 1024 * 1024
#: YAML parser events (scalars, collection starts and ends) in the front matter
MAX_YAML_EVENTS = 50_000
#: YAML aliases (*name) in the front matter: alias bombs are refused before anything is built
MAX_YAML_ALIASES = 50
#: nesting of YAML lists / mappings
MAX_YAML_DEPTH = 50
#: values visited while normalising the metadata (bounds any residual alias expansion)
MAX_YAML_NODES = 20_000

# -- queries (kg.sandbox, kg serve) ------------------------------------------------------------
#: seconds a query may run before its worker process is killed ($KG_QUERY_TIMEOUT overrides)
QUERY_TIMEOUT = float(os.environ.get("KG_QUERY_TIMEOUT") or 10.0)
#: solutions (or triples) returned at most; more are reported as truncated
QUERY_MAX_ROWS = 10_000


class LimitExceeded(Exception):
    """Raised where a limit has no more specific error type of its own."""


def too_many(what: str, limit: int, name: str) -> str:
    """The one-line wording every limit uses: 'WHAT: more than LIMIT (kg.limits.NAME)'."""
    return f"{what}: more than {limit} (kg.limits.{name})"


__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_CHARS", "MAX_EXTRACT_CHARS", "MAX_HTML_TOKENS", "MAX_FRONT_MATTER_BYTES",
           "MAX_YAML_EVENTS", "MAX_YAML_ALIASES", "MAX_YAML_DEPTH", "MAX_YAML_NODES",
           "QUERY_TIMEOUT", "QUERY_MAX_ROWS", "LimitExceeded", "too_many"]
