"""SPARQL query text as the grammar delimits it: where its code is, apart from comments, strings
and IRIs. Used by the read-only checks of kg.store and kg.sandbox and by the dataset-clause
test, so that a keyword is judged the same way everywhere."""
from __future__ import annotations

import re

# SPARQL's own terminals, tried at each position, earliest first: a comment, the long and short
# strings, an IRI. What is left is code, where keywords mean what they say.
_SKIP = re.compile(r"""
    \#[^\r\n]*
  | \"\"\"(?:(?:\"\"|\")?(?:[^"\\]|\\.))*\"\"\"
  | '''(?:(?:''|')?(?:[^'\\]|\\.))*'''
  | "(?:[^"\\\r\n]|\\.)*"
  | '(?:[^'\\\r\n]|\\.)*'
  | <[^<>"{}|^`\\\x00-\x20]*>
""", re.VERBOSE | re.DOTALL)


def code_only(query: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length, same lines)."""
    return _SKIP.sub(lambda m: " " * len(m.group(0)), query)
