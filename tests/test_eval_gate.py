"""Extraction quality gate: the gold scorer's F1 on ../shared/gold may not fall below the floors
pinned in tests/eval_baseline.json (they only go up; see the note in that file)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import gold_dir, nquads, scorer_path

BASELINE = Path(__file__).with_name("eval_baseline.json")
QUERIES = Path(__file__).resolve().parents[1] / "examples" / "queries"


@pytest.fixture(scope="module")
def report(corpus_store, tmp_path_factory):
    if not scorer_path().exists() or not gold_dir().is_dir():
        pytest.skip(f"gold scorer not found at {scorer_path()} / {gold_dir()}")
    graph = tmp_path_factory.mktemp("gate") / "graph.nq"
    graph.write_bytes(nquads(corpus_store.store))
    out = subprocess.run([sys.executable, str(scorer_path()), "--graph", str(graph), "--queries", str(QUERIES),
                          "--gold", str(gold_dir()), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


FLOORS = json.loads(BASELINE.read_text(encoding="utf-8"))["f1_floors"]


@pytest.mark.parametrize("question", [q for q in FLOORS if q != "macro_f1"])
def test_question_f1_not_below_floor(report, question):
    entry = report["questions"][question]
    assert "error" not in entry, entry
    f1 = entry["all"]["f1"]
    assert f1 >= FLOORS[question], (
        f"{question}: F1 {f1} fell below its floor {FLOORS[question]} "
        f"(P {entry['all']['precision']}, R {entry['all']['recall']}, fp {entry['all']['fp']}, fn {entry['all']['fn']})")


def test_macro_f1_not_below_floor(report):
    assert report["macro_f1"] >= FLOORS["macro_f1"], report["macro_f1"]


def test_every_gold_article_is_in_the_graph(report):
    assert report["questions"]["mentions"].get("articles_missing_from_graph", 0) == 0
