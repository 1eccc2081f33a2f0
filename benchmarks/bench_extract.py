"""Extraction speed on the shared corpus, single process: read + HTML parse + segmentation alone
(the floor), then the same articles through the extractors (and entity resolution), in the same
run. Prints a Markdown table; run by hand (`python benchmarks/bench_extract.py [CORPUS]`)."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.extract.base import Context  # noqa: E402
from kg.extract.registry import load_extractors  # noqa: E402
from kg.readers import iter_article_files, read_file  # noqa: E402
from kg.resolve import resolve  # noqa: E402


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    files, _ = iter_article_files([corpus])
    extractors = load_extractors()
    read_file(files[0])  # warm caches (gazetteers load lazily)
    best_read = best_extract = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        arts = [read_file(f) for f in files]
        t1 = time.perf_counter()
        for a in arts:
            ctx = Context(article=a)
            for ex in extractors:
                ctx.records.extend(ex(ctx))
            resolve(ctx.records)
        t2 = time.perf_counter()
        best_read, best_extract = min(best_read, t1 - t0), min(best_extract, t2 - t1)
    n, chars = len(arts), sum(len(a.text) for a in arts)
    print(f"| articles | chars | read+parse+segment s | art/s | extract+resolve s | art/s | chars/s | load |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    print(f"| {n} | {chars:,} | {best_read:.2f} | {n / best_read:,.0f} | {best_extract:.2f} | {n / best_extract:,.0f} "
          f"| {chars / best_extract:,.0f} | {os.getloadavg()[0]:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
