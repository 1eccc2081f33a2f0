"""Limits on the work one input file or one query may cause, in one place.

Whatever arrives, a build must keep going: an input that would cost more than these limits is
refused with one clear error line naming the file (`kg.readers.ReadError`, "PATH: reason"), and
the next file is read. Each limit is checked *while* the work is done (not after it), so the cost
of refusing is bounded too. Measured (tests/test_hostile.py::test_big_inputs: a whole
`kg build` process for one file, start-up included, CPU time; the test enforces 5 s and 512 MB):

    input                                  CPU      peak RSS   refused by
    50 MB file                             0.3 s     75 MB     MAX_FILE_BYTES (from stat, unread)
    19 MB of "<b>"                         1.3 s    165 MB     MAX_HTML_TOKENS
    19 MB of "<p>x"                        0.6 s    120 MB     MAX_PARAGRAPHS
    19 MB of text lines / one long line    0.6 s    170 MB     MAX_PARAGRAPHS / MAX_TEXT_CHARS
    5 MB of "&amp;"                        1.1 s     75 MB     MAX_TEXT_CHARS
    3 MB front matter, 1M list items       0.3 s     85 MB     MAX_FRONT_MATTER_BYTES
    300k list items (600 kB)               0.3 s     60 MB     MAX_YAML_EVENTS
    YAML alias bombs                       0.3 s     60 MB     MAX_YAML_ALIASES / MAX_YAML_NODES
    100k-deep <div> nesting                0.8 s     70 MB     (built: the tokenizer is linear)
    60k nested <table><tr><td>             1.6 s     -         (built: tables close by identity)

What a limit says when it is hit is part of the interface: the message names the limit (for
instance "article text too long: more than 600000 characters (kg.limits.MAX_TEXT_CHARS)").

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
MAX_TEXT_CHARS = 600_000
#: paragraphs in one article (each costs ~13 us to parse; real articles have < 500)
MAX_PARAGRAPHS = 50_000
#: characters of article text that extraction accepts (it costs ~16 us a character, more on
#: text dense with names): enforced before extraction, see docs/security.md
MAX_EXTRACT_CHARS = 100_000
#: tags, end tags, comments and declarations in one HTML body (~2-5 us each); 100k-deep
#: nesting of three elements is 300k tokens and is still read
MAX_HTML_TOKENS = 400_000
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
#: seconds one `--config` pattern may search one article's text: a regex with nested repeats
#: (`(a|aa)+$`) takes exponential time on some lines, and Python's `re` cannot be stopped, so
#: user patterns run on the `regex` module, whose search checks a time limit as it goes
USER_PATTERN_SECONDS = 2.0

# -- queries (kg.sandbox, kg serve) ------------------------------------------------------------
#: seconds a query may run before its worker process is killed ($KG_QUERY_TIMEOUT overrides)
QUERY_TIMEOUT = float(os.environ.get("KG_QUERY_TIMEOUT") or 10.0)
#: solutions (or triples) returned at most; more are reported as truncated
QUERY_MAX_ROWS = 10_000


__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_CHARS", "MAX_PARAGRAPHS", "MAX_EXTRACT_CHARS",
           "MAX_HTML_TOKENS", "MAX_FRONT_MATTER_BYTES", "MAX_YAML_EVENTS", "MAX_YAML_ALIASES",
           "MAX_YAML_DEPTH", "MAX_YAML_NODES", "QUERY_TIMEOUT", "QUERY_MAX_ROWS"]
