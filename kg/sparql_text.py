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


_SELECT_STAR = re.compile(r"SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*", re.IGNORECASE)
_VAR = re.compile(r"[?$]([A-Za-z0-9_\u00b7\u00c0-\ufffd]+)")


def projection_order(query: str, variables: list[str]) -> list[str]:
    """`variables` in the order a reader expects: for SELECT *, the order in which the query
    names them (?s ?p ?o, not the engine's alphabetical o p s); otherwise as given."""
    code = code_only(query)
    first_select = re.search(r"\bSELECT\b", code, re.IGNORECASE)       # the query's own, not a sub-select
    m = _SELECT_STAR.match(code, first_select.start()) if first_select else None
    if m is None:
        return variables
    first: dict[str, int] = {}
    for v in _VAR.finditer(code, m.end()):
        first.setdefault(v.group(1), v.start())
    return sorted(variables, key=lambda v: (first.get(v, len(code)), variables.index(v)))
