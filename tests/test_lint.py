"""Static checks over kg/**/*.py.

1. YAML is only ever read with a safe loader: yaml.safe_load / safe_load_all, or yaml.load /
   load_all with Loader= a safe loader (SafeLoader, CSafeLoader, BaseLoader, CBaseLoader, a name
   bound to one of them, or a class deriving from one). yaml.full_load / unsafe_load are refused.
2. No SPARQL text is built by string interpolation: a `.query(`/`.update(`/`.select(` call (or
   rdflib's prepareQuery/prepareUpdate) whose first argument is an f-string, a `%` format, a
   `.format()` call, a `+` concatenation of text with a non-constant or a `"sep".join(parts)`,
   directly or through a local variable assigned one, is flagged, unless the
   call's line or the assignment's line carries the marker comment `# sparql-static`. The marker
   promises that only module constants (namespace and graph IRIs) are interpolated, or IRIs
   serialised by pyoxigraph (`str(ox.NamedNode(iri))`, which refuses anything but an IRI); user
   input must travel as bindings (pyoxigraph `substitutions=`, rdflib `initBindings=`).
"""
from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "kg"
MARKER = "# sparql-static"
SPARQL_CALLS = {"query", "update", "select", "prepareQuery", "prepareUpdate"}
SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}


@dataclass
class Finding:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}: {self.message}"


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _call_name(node: ast.Call) -> str | None:
    f = node.func
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return None


def _interpolation(node: ast.AST) -> bool:
    """Is this one node a string interpolation: f"..{x}..", "..%s.." % x or "..{}..".format(x)?"""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return isinstance(node.left, ast.JoinedStr) or (isinstance(node.left, ast.Constant)
                                                        and isinstance(node.left.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        # "..." + x: a concatenation with text on one side and anything but a constant on the other
        sides = (node.left, node.right)
        text = any(isinstance(n, ast.JoinedStr) or (isinstance(n, ast.Constant) and isinstance(n.value, str))
                   for n in sides)
        return text and any(not isinstance(n, ast.Constant) for n in sides)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join":
        # "sep".join(parts): text assembled from parts that are not constants (a variable
        # holding the parts is followed to its assignments instead, see sparql_findings)
        return (isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)
                and any(not isinstance(a, (ast.Constant, ast.Name)) for a in node.args))
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def _subtree(node: ast.AST):
    """The expression and everything in it, but not the bodies of lambdas."""
    todo = [node]
    while todo:
        n = todo.pop()
        yield n
        if not isinstance(n, ast.Lambda):
            todo.extend(ast.iter_child_nodes(n))


def _is_interpolated(node: ast.AST) -> bool:
    """Does the expression build text by interpolation anywhere (also inside a join, a list,
    a concatenation or a call such as prepareQuery(f"..."))?"""
    return any(_interpolation(n) for n in _subtree(node))


def _scopes(tree: ast.Module):
    """The module and every function: (scope node, its own statements' nodes)."""
    yield tree
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield node


def _own_nodes(scope: ast.AST):
    """Nodes in `scope` not inside a nested function or class."""
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            todo.extend(ast.iter_child_nodes(node))


def marker_lines(text: str) -> set[int]:
    """Lines holding a real `# sparql-static` comment (not the words inside a string)."""
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return {tok.start[0] for tok in tokens if tok.type == tokenize.COMMENT and MARKER in tok.string}


def sparql_findings(path: Path, text: str) -> list[Finding]:
    tree = ast.parse(text, filename=str(path))
    markers = marker_lines(text)

    def marked(node: ast.AST) -> bool:
        """A marker comment on any line the statement/call spans."""
        return any(node.lineno <= line <= (node.end_lineno or node.lineno) for line in markers)

    out = []
    for scope in _scopes(tree):
        nodes = list(_own_nodes(scope))
        assigned: dict[str, list[ast.AST]] = {}
        for node in nodes:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(node)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name) \
                    and node.value is not None:
                assigned.setdefault(node.target.id, []).append(node)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args \
                    and node.func.attr in ("append", "extend", "insert") and isinstance(node.func.value, ast.Name):
                # parts.append(x) adds to `parts` as parts += [x] would
                grow = ast.AugAssign(target=node.func.value, op=ast.Add(), value=node.args[-1])
                ast.copy_location(grow, node)
                assigned.setdefault(node.func.value.id, []).append(grow)
        reported: set[int] = set()
        for node in nodes:
            if not (isinstance(node, ast.Call) and _call_name(node) in SPARQL_CALLS and node.args):
                continue
            arg = node.args[0]
            if _is_interpolated(arg):
                if not marked(node) and node.lineno not in reported:
                    reported.add(node.lineno)
                    out.append(Finding(path, node.lineno, f"SPARQL built by interpolation passed to "
                                                          f".{_call_name(node)}()"))
                continue
            # variables in the argument: the assignments that reach the call (the last plain
            # one before it, and any += after it)
            for name in dict.fromkeys(n.id for n in _subtree(arg) if isinstance(n, ast.Name)):
                before = sorted((a for a in assigned.get(name, []) if a.lineno <= node.lineno),
                                key=lambda a: a.lineno)
                plain = [i for i, a in enumerate(before) if isinstance(a, (ast.Assign, ast.AnnAssign))]
                for a in before[plain[-1] if plain else 0:]:
                    dynamic = _is_interpolated(a.value) or (isinstance(a, ast.AugAssign) and
                                                            not isinstance(a.value, ast.Constant))
                    if dynamic and not (marked(a) or marked(node)) and a.lineno not in reported:
                        reported.add(a.lineno)
                        out.append(Finding(path, a.lineno, f"`{name}` is built by interpolation and "
                                                           f"passed to .{_call_name(node)}() on line {node.lineno}"))
    return out


def _safe_loader_names(tree: ast.Module) -> set[str]:
    """Names bound in the module to a safe loader (aliases, getattr fallbacks, subclasses)."""
    safe = set(SAFE_LOADERS)

    def refs(expr: ast.AST) -> list[str]:
        names = []
        for n in ast.walk(expr):
            if isinstance(n, ast.Name):
                names.append(n.id)
            elif isinstance(n, ast.Attribute):
                names.append(n.attr)
            elif isinstance(n, ast.Constant) and isinstance(n.value, str):
                names.append(n.value)
        return [x for x in names if x.endswith("Loader") or x in safe]

    changed = True
    while changed:
        changed = False
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                name, r = node.targets[0].id, refs(node.value)
            elif isinstance(node, ast.ClassDef):
                name, r = node.name, [x for b in node.bases for x in refs(b)]
            else:
                continue
            if name not in safe and r and all(x in safe for x in r):
                safe.add(name)
                changed = True
    return safe


def yaml_findings(path: Path, text: str) -> list[Finding]:
    tree = ast.parse(text, filename=str(path))
    safe = _safe_loader_names(tree)
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        qualified = isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "yaml"
        name = f.attr if qualified else (f.id if isinstance(f, ast.Name) else None)
        if name in ("full_load", "full_load_all", "unsafe_load", "unsafe_load_all") and (qualified or name.startswith("unsafe")):
            out.append(Finding(path, node.lineno, f"yaml.{name}() constructs arbitrary objects: use yaml.safe_load"))
        elif name in ("load", "load_all") and qualified:
            loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
            if loader is None and len(node.args) > 1:
                loader = node.args[1]
            loader_name = loader.attr if isinstance(loader, ast.Attribute) else \
                loader.id if isinstance(loader, ast.Name) else None
            if loader_name not in safe:
                out.append(Finding(path, node.lineno, f"yaml.{name}() without a safe Loader "
                                                      f"(got {ast.unparse(loader) if loader else 'none'})"))
    return out


# ------------------------------------------------------------------------------------- the lint
@pytest.fixture(scope="module")
def files() -> list[tuple[Path, str]]:
    out = [(p, p.read_text(encoding="utf-8")) for p in sources()]
    assert len(out) > 20
    return out


def test_yaml_is_loaded_safely(files):
    findings = [f for p, t in files for f in yaml_findings(p, t)]
    assert not findings, "\n".join(map(str, findings))


def test_no_interpolated_sparql(files):
    findings = [f for p, t in files for f in sparql_findings(p, t)]
    assert not findings, ("SPARQL built by string interpolation (pass user values as bindings; if only "
                          f"module constants are interpolated, mark the line `{MARKER}`):\n"
                          + "\n".join(map(str, findings)))


# ------------------------------------------------------------------------ the lint's own checks
def _sparql(src: str) -> list[int]:
    return [f.line for f in sparql_findings(Path(REPO / "kg" / "x.py"), src)]


def _yaml(src: str) -> list[int]:
    return [f.line for f in yaml_findings(Path(REPO / "kg" / "x.py"), src)]


def test_lint_flags_interpolated_sparql():
    assert _sparql('def f(s, name):\n    return s.query(f"SELECT * WHERE {{ ?s ?p \'{name}\' }}")\n') == [2]
    assert _sparql('def f(s, n):\n    return s.query("SELECT * WHERE { ?s ?p \'%s\' }" % n)\n') == [2]
    assert _sparql('def f(s, n):\n    return s.update("DELETE WHERE {{ <{}> ?p ?o }}".format(n))\n') == [2]
    assert _sparql('def f(s, n):\n    q = f"SELECT * WHERE {{ <{n}> ?p ?o }}"\n    return s.query(q)\n') == [2]
    assert _sparql('def f(s, n):\n    q = "SELECT * WHERE { "\n    q += n\n    return s.query(q)\n') == [3]
    assert _sparql('def f(ds, n):\n    return ds.query(prepareQuery(f"SELECT ?s {{ <{n}> ?p ?o }}"))\n') == [2]
    assert _sparql('def f(s, gs):\n    s.update(" ;\\n".join(f"DROP GRAPH <{g}>" for g in gs))\n') == [2]
    assert _sparql('def f(s, n):\n    return s.query("SELECT * WHERE { <" + n + "> ?p ?o }")\n') == [2]
    assert _sparql('def f(s, a, b):\n    return s.query(" ".join([a, b]))\n') == [2]
    assert _sparql('def f(s, n):\n    ops = ["CLEAR DEFAULT"]\n    ops.append("DROP GRAPH <" + n + ">")\n'
                   '    s.update(" ;\\n".join(ops))\n') == [3]
    assert _sparql('def f(s, gs):\n    ops = [f"DROP GRAPH <{g}>" for g in gs]\n'
                   '    s.update(" ;\\n".join(ops))\n') == [2]
    assert _sparql('def f(s, n):\n    q = "SELECT * WHERE { <" + n + "> ?p ?o }"\n    return s.query(q)\n') == [2]
    # the marker must be a comment, not words inside the query text
    assert _sparql('def f(s, n):\n    q = f"""SELECT * {{ <{n}> ?p ?o }}  # sparql-static\n    """\n'
                   '    return s.query(q)\n') == [2]
    # only the assignment that reaches the call counts
    assert _sparql('def f(s, n):\n    q = f"x{n}"\n    q = "SELECT * {}"\n    return s.query(q)\n') == []


def test_lint_accepts_constants_bindings_and_marked_lines():
    assert _sparql('def f(s, n):\n    return s.query("SELECT * WHERE { ?s ?p ?o }", substitutions={"s": n})\n') == []
    assert _sparql('def f(s):\n    return s.query(f"SELECT * WHERE {{ GRAPH <{G}> {{ ?s ?p ?o }} }}")  # sparql-static\n') == []
    assert _sparql('def f(s):\n    q = f"SELECT * {{ GRAPH <{G}> {{ ?s ?p ?o }} }}"  # sparql-static\n    return s.query(q)\n') == []
    assert _sparql('def f(s):\n    for r in s.select(f"""SELECT * {{ GRAPH <{G}> {{ ?s ?p ?o }} }}\n'
                   '            """):  # sparql-static\n        pass\n') == []
    assert _sparql('def f(d, x):\n    d.update({"a": 1})\n    d.update(x)\n') == []
    assert _sparql('def f(s):\n    q = "SELECT * WHERE { ?s ?p ?o }"\n    return s.query(q)\n') == []


def test_lint_yaml_rules():
    assert _yaml("import yaml\nyaml.load(t)\n") == [2]
    assert _yaml("import yaml\nyaml.load(t, Loader=yaml.Loader)\n") == [2]
    assert _yaml("import yaml\nyaml.load(t, Loader=yaml.FullLoader)\n") == [2]
    assert _yaml("import yaml\nyaml.unsafe_load(t)\n") == [2]
    assert _yaml("import yaml\nyaml.full_load(t)\n") == [2]
    assert _yaml("import yaml\nyaml.safe_load(t)\nyaml.load(t, Loader=yaml.SafeLoader)\n"
                 "yaml.load(t, Loader=yaml.CSafeLoader)\n") == []
    assert _yaml('import yaml\nL = getattr(yaml, "CSafeLoader", yaml.SafeLoader)\n'
                 "class T(L):\n    pass\nyaml.load(t, Loader=T)\nyaml.load_all(t, L)\n") == []
    assert _yaml('import yaml\nL = getattr(yaml, "CLoader", yaml.Loader)\nyaml.load(t, Loader=L)\n') == [3]
