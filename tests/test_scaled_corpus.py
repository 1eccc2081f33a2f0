"""The scaled corpus the benchmarks build (benchmarks/scale_corpus.py: the real articles with
other names, cities and figures) builds without a failure: scaling its numbers writes days no
calendar has (2月29日 of 2021, 4月31日), and a period of such a day once failed the whole
article (105 of 1,667 articles at the 1M benchmark level)."""
from __future__ import annotations

import importlib.util
import sys

from conftest import REPO, build_into, corpus_dir


def _scale_corpus():
    spec = importlib.util.spec_from_file_location("kg_bench_scale_corpus", REPO / "benchmarks" / "scale_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_two_scaled_copies_of_the_corpus_build_without_a_failure(tmp_path):
    sources = [corpus_dir() / "articles", corpus_dir() / "seed"]
    n = 3 * sum(1 for d in sources for _ in d.iterdir())            # copies 0, 1 and 2 of each article
    _scale_corpus().write_corpus(n, tmp_path / "corpus", sources, quiet=True)
    summary = build_into(tmp_path / "store", [tmp_path / "corpus"], jobs=2)
    assert summary.failed == 0
    assert summary.built == n
