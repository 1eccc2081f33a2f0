"""SPARQL over the store: text or file queries, results as rows, formatted for people or tools."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox

from .sparql_text import code_only, projection_order
from .store import Store


class QueryInputError(ValueError):
    """A query kg cannot take as given: a file that is not there (or is a folder), or an output
    format that does not fit what the query returns."""


def load_query(text_or_path: str) -> str:
    """The query in the file `text_or_path` names, else `text_or_path` itself (a query's text can
    be too long to be a file name: the file system says so, and it is read as a query)."""
    if text_or_path == "-":                 # the query on standard input (kg query - < q.rq)
        import sys
        stream = getattr(sys.stdin, "buffer", None)
        return _decoded(stream.read(), "standard input") if stream is not None else sys.stdin.read().lstrip("\ufeff")
    if not text_or_path.strip():             # ('' is no path: Path('') is the current folder)
        return text_or_path
    p = Path(text_or_path)
    try:
        is_dir, is_file = p.is_dir(), p.is_file()
    except (OSError, ValueError):
        return text_or_path
    if (p.suffix in (".rq", ".sparql") or is_dir) and not is_file:
        raise QueryInputError(f"{text_or_path}: {'is a directory' if is_dir else 'no such query file'}")
    if is_file:
        return _decoded(p.read_bytes(), text_or_path)
    return text_or_path.lstrip("\ufeff")


def _decoded(data: bytes, name: str) -> str:
    try:
        # (utf-8-sig: Notepad starts a file with a byte order mark, no part of the query)
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QueryInputError(f"{name}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                              "save the query as UTF-8") from None


def check_not_empty(text: str) -> str:
    """The query, unless it holds nothing but white space and comments."""
    if not re.sub(r"(?m)^\s*#.*$", "", text).strip():
        raise QueryInputError("empty query: give SPARQL text, a .rq file, or - to read the query from "
                              "standard input")
    return text


def term_text(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def term_json(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def run(store: Store, sparql: str, substitutions: dict | None = None):
    """Returns (kind, payload): ('select', (vars, rows)), ('ask', bool) or ('graph', triples)."""
    # (pyoxigraph's memory store sorts as fast as Python does: no RocksDB to decode terms from)
    tail = _tail_order(sparql) if getattr(store, "path", True) is not None else None
    if tail is not None:
        # the engine's sort compares terms it decodes again for every comparison (quantities.rq at
        # 1M triples: 2.9 s, 2.1 s without its ORDER BY); Python sorts the same rows in ~20 ms,
        # exactly as SPARQL orders them when every key column holds only IRIs, plain strings or
        # integers and decimals (and unbound cells). Else the engine sorts: the rows are read
        # as they come and the first cell of another kind stops the reading (a column of @zh
        # labels: at its first row), and the query runs again as written
        unsorted, keys = tail
        result = store.query(unsorted, substitutions=substitutions)
        if isinstance(result, ox.QuerySolutions):
            variables = projection_order(sparql, [v.value for v in result.variables])
            rows = _rows_if_sortable(result, variables, keys)
            if rows is not None:
                _sort_rows(rows, variables, keys)
                return "select", (variables, rows)
    result = store.query(sparql, substitutions=substitutions)
    if isinstance(result, ox.QuerySolutions):
        variables = projection_order(sparql, [v.value for v in result.variables])
        rows = [[sol[v] for v in variables] for sol in result]
        return "select", (variables, rows)
    if isinstance(result, ox.QueryBoolean):
        return "ask", bool(result)
    return "graph", list(result)


# a query's last clause, ORDER BY plain variables (ASC()/DESC() allowed) and nothing after it
_TAIL_ORDER = re.compile(r"\bORDER\s+BY((?:\s*(?:[?$][A-Za-z0-9_\u00b7\u00c0-\ufffd]+|(?:ASC|DESC)\s*\(\s*[?$][A-Za-z0-9_\u00b7\u00c0-\ufffd]+\s*\)))+)\s*$",
                         re.IGNORECASE)
_ORDER_KEY = re.compile(r"(?:(ASC|DESC)\s*\(\s*)?[?$]([A-Za-z0-9_\u00b7\u00c0-\ufffd]+)", re.IGNORECASE)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _tail_order(sparql: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """(the query without its final ORDER BY, [(variable, descending)]) when the query ends on
    one of plain variables outside every group (the solution modifier of the whole query), else
    None. Comments, strings and IRIs are not code (kg.sparql_text)."""
    code = code_only(sparql)
    form = re.search(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", code, re.IGNORECASE)
    if form is None or form.group(1).upper() != "SELECT":        # (only a SELECT's rows are sorted here)
        return None
    m = _TAIL_ORDER.search(code)
    if m is None or code.count("{", 0, m.start()) != code.count("}", 0, m.start()) \
            or re.search(r"\b(?:LIMIT|OFFSET)\b", code[m.start():], re.IGNORECASE):
        return None
    keys = [(k.group(2), (k.group(1) or "").upper() == "DESC") for k in _ORDER_KEY.finditer(m.group(1))]
    return sparql[:m.start()] + sparql[m.end():], keys


# the lexical forms whose order is their value's, in SPARQL and in Python's Decimal alike
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_INTEGER_OR_DECIMAL = {"http://www.w3.org/2001/XMLSchema#integer", "http://www.w3.org/2001/XMLSchema#decimal"}


def _kind(t) -> str | None:
    """How a sort key cell orders: "" unbound, "iri", "str" (xsd:string), "num" (an integer or a
    decimal written plainly), or None: a kind Python does not order as SPARQL engines do."""
    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        return "iri"
    if isinstance(t, ox.Literal) and t.language is None:
        dt = t.datatype.value
        if dt == _XSD_STRING:
            return "str"
        if dt in _INTEGER_OR_DECIMAL and _PLAIN_NUMBER.fullmatch(t.value):
            return "num"
    return None


def _rows_if_sortable(result, variables: list[str], keys: list[tuple[str, bool]]) -> list[list] | None:
    """The rows, unless a key column holds a cell of a kind Python does not order as SPARQL
    does, or both strings and numbers: then None, read no further than that cell."""
    if any(v not in variables for v, _ in keys):
        return None
    idx = [variables.index(v) for v, _ in keys]
    literal = [None] * len(idx)         # the one kind of literal each key column holds
    rows = []
    for sol in result:
        row = [sol[v] for v in variables]
        for n, i in enumerate(idx):
            k = _kind(row[i])
            if k is None:
                return None
            if k in ("str", "num"):
                if literal[n] is None:
                    literal[n] = k
                elif literal[n] != k:
                    return None
        rows.append(row)
    return rows


def _sort_rows(rows: list[list], variables: list[str], keys: list[tuple[str, bool]]) -> None:
    """Sort rows that _rows_if_sortable gave, in place, as SPARQL's ORDER BY does: unbound <
    IRIs < literals, IRIs and strings by code point, numbers by value; ties keep their order."""
    from decimal import Decimal

    def key(r, i):
        t = r[i]
        if t is None:
            return (0, "")
        if isinstance(t, ox.NamedNode):
            return (1, t.value)
        return (2, Decimal(t.value) if t.datatype.value != _XSD_STRING else t.value)
    # (stable sorts from the last key to the first: each key in its own direction)
    for var, desc in reversed(keys):
        i = variables.index(var)
        rows.sort(key=lambda r, i=i: key(r, i), reverse=desc)


def format_select(variables: list[str], rows: list[list], fmt: str) -> str:
    if fmt == "json":
        doc = {"head": {"vars": variables},
               "results": {"bindings": [{v: term_json(t) for v, t in zip(variables, r) if t is not None}
                                        for r in rows]}}
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(variables)
        for r in rows:
            w.writerow([term_text(t) for t in r])
        return buf.getvalue()
    if fmt == "tsv":
        # one line per row whatever the values hold: tab, line breaks and backslash escaped as
        # \t \n \r \\ (the convention of linear TSV, which pandas, PostgreSQL COPY and cut read)
        lines = ["\t".join(variables)]
        lines += ["\t".join(_tsv_escape(term_text(t)) for t in r) for r in rows]
        return "\n".join(lines) + "\n"
    # table: widths by East Asian display width so Chinese columns line up; an IRI is never cut
    # (one copied from the table must work), and tabs and line breaks show as spaces
    cells = [[term_text(t).translate(_TABLE_SPACES) for t in r] for r in rows]
    iris = [[isinstance(t, ox.NamedNode) for t in r] for r in rows]
    widths = [max([display_width(v)] + [display_width(r[i]) for r in cells]) for i, v in enumerate(variables)]
    widths = [min(w, 60) for w in widths]
    lines = ["  ".join(_pad(v, w) for v, w in zip(variables, widths)),
             "  ".join("-" * w for w in widths)]
    for r, kinds in zip(cells, iris):
        lines.append("  ".join(_pad(c if iri else _clip(c, w), w) for c, w, iri in zip(r, widths, kinds)))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


_TABLE_SPACES = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _tsv_escape(value: str) -> str:
    return value.translate(_TSV_ESCAPES)


def display_width(s: str) -> int:
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _clip(s: str, w: int) -> str:
    s = s.replace("\n", " ")
    if display_width(s) <= w:
        return s
    out = ""
    for c in s:
        if display_width(out + c) > w - 1:
            break
        out += c
    return out + "…"


def _pad(s: str, w: int) -> str:
    return s + " " * max(0, w - display_width(s))
