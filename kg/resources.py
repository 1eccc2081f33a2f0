"""Files kg ships outside its modules: the ontology and SHACL shapes, the competency queries.

In a source checkout or an editable install they are at the top of the repository
(ontology/, examples/queries/); a wheel installs them inside the package (kg/ontology,
kg/queries; see pyproject.toml). Both layouts are looked up, package first.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_LAYOUTS = {
    "ontology": (_PACKAGE / "ontology", _PACKAGE.parent / "ontology"),
    "queries": (_PACKAGE / "queries", _PACKAGE.parent / "examples" / "queries"),
}


def resource_dir(kind: str) -> Path:
    for d in _LAYOUTS[kind]:
        if d.is_dir():
            return d
    raise FileNotFoundError(f"kg installation incomplete: no {kind} folder at {' or '.join(map(str, _LAYOUTS[kind]))}")


def ontology_file(name: str) -> Path:
    return resource_dir("ontology") / name
