"""A wheel must carry every file kg reads at run time (a non-editable install once lacked
kg/lexicon/*.yaml and the ontology): each shipped folder's files match pyproject's package-data."""
from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from kg.resources import ontology_file, resource_dir

ROOT = Path(__file__).resolve().parents[1]


def _config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]


def test_every_data_file_is_in_the_wheel():
    cfg = _config()
    dirs = {pkg: ROOT / cfg.get("package-dir", {}).get(pkg, pkg.replace(".", "/")) for pkg in cfg["packages"]}
    missing = []
    for pkg, d in dirs.items():
        globs = cfg["package-data"].get(pkg, [])
        for f in d.iterdir():
            if f.is_file() and f.suffix != ".py" and not any(fnmatch.fnmatch(f.name, g) for g in globs):
                missing.append(str(f.relative_to(ROOT)))
    assert missing == []
    # and every folder with modules or data is a listed package
    for d in (ROOT / "kg").rglob("*"):
        if d.is_dir() and d.name != "__pycache__" and any(d.iterdir()):
            assert ".".join(d.relative_to(ROOT).parts) in cfg["packages"], d


def test_resources_are_found():
    assert ontology_file("shapes.ttl").is_file() and ontology_file("kg.ttl").is_file()
    assert sorted(p.name for p in resource_dir("queries").glob("*.rq"))
