#!/usr/bin/env python3
"""Write a scaled corpus: the real articles replicated to N files, each copy with varied names
and numbers, so the graph grows like a real one (new people, other cities, other figures) and
not by exact duplicates.

    .venv/bin/python benchmarks/scale_corpus.py 10000 /tmp/kg-bench/corpus-10k
    .venv/bin/python benchmarks/scale_corpus.py 10000 OUT --source DIR [DIR ...]

Copy 0 of each article is the article itself. In copy c > 0:
* every person the extractors found in the article is renamed (a surname and one or two given
  characters chosen by a hash of (c, name)), consistently within the copy;
* every prefecture-level city found is replaced by another one (same form: full or short name);
* every number in the body outside markup (but years such as 2021年) is scaled by 1-1.18 and
  keeps its number of decimals.
Files are named CCCCC-<original name> in folders of 1000, so ids never collide. Deterministic:
the same N and sources give the same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_SOURCES = [REPO.parent / "shared" / "corpus" / "articles", REPO.parent / "shared" / "corpus" / "seed"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文辉力永健世广海峰晓东雪琳宇浩凯鹏飞鑫博宁欣怡晨阳思远嘉俊子涵梓萱雨泽"
_NUMBER = re.compile(r"(?<![0-9A-Za-z_.#&%/:-])([0-9]+(?:\.[0-9]+)?)(?![0-9A-Za-z_.;])")
_YEAR = re.compile(r"(19|20)\d\d$")
_TAG = re.compile(r"(<[^>]*>)")


def _h(*parts) -> int:
    return int(hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()[:12], 16)


_FRONT = re.compile(r"\A\ufeff?\s*---\n.*?\n---[ \t]*\n", re.DOTALL)


def _front_matter_end(text: str) -> int:
    m = _FRONT.match(text)
    return m.end() if m else 0


def _cities() -> list[tuple[str, str]]:
    out = []
    for line in (REPO / "kg" / "data" / "divisions.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("code\t"):
            continue
        cols = line.split("\t")
        if len(cols) >= 4 and cols[3] == "2" and cols[1].endswith("市") and len(cols[2]) >= 2:
            out.append((cols[1], cols[2]))
    return out


def analyse(files: list[Path]) -> dict[Path, tuple[set[str], set[str]]]:
    """Per file: (person surfaces, city surfaces) as kg's extractors find them."""
    from kg.pipeline import extract
    from kg.readers import ReadError, read_file

    out = {}
    for f in files:
        try:
            records = extract(read_file(f))
        except ReadError:
            continue
        persons = {m.text for m in records.mentions if m.kind == "Person" and 2 <= len(m.text) <= 4}
        cities = {m.text for m in records.mentions if m.kind == "City"}
        out[f] = (persons, cities)
    return out


class Varier:
    def __init__(self):
        self.cities = _cities()
        self.full = {full: i for i, (full, short) in enumerate(self.cities)}
        self.short = {short: i for i, (full, short) in enumerate(self.cities)}

    def person(self, c: int, name: str) -> str:
        h = _h(c, name)
        given = GIVEN[h % len(GIVEN)] + (GIVEN[(h // 97) % len(GIVEN)] if len(name) >= 3 else "")
        return SURNAMES[(h // 7919) % len(SURNAMES)] + given

    def city(self, c: int, name: str) -> str | None:
        if name in self.full:
            return self.cities[_h(c, name) % len(self.cities)][0]
        if name in self.short:
            return self.cities[_h(c, name) % len(self.cities)][1]
        return None

    def number(self, c: int, k: int, s: str) -> str:
        if _YEAR.match(s) and "." not in s:
            return s
        factor = 1 + (_h(c, k) % 19) / 100
        if "." in s:
            decimals = len(s.split(".")[1])
            return f"{float(s) * factor:.{decimals}f}"
        return str(int(round(int(s) * factor)))

    def vary(self, text: str, c: int, persons: set[str], cities: set[str]) -> str:
        if c == 0:
            return text
        mapping = {p: self.person(c, p) for p in persons}
        for city in cities:
            new = self.city(c, city)
            if new:
                mapping[city] = new
        start = _front_matter_end(text)
        head, body = text[:start], text[start:]
        if mapping:
            alt = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)))
            head = alt.sub(lambda m: mapping[m.group(0)], head)
            body = alt.sub(lambda m: mapping[m.group(0)], body)
        counter = iter(range(10**9))
        parts = _TAG.split(body)
        for i in range(0, len(parts), 2):          # text between tags only
            parts[i] = _NUMBER.sub(lambda m: self.number(c, next(counter), m.group(1)), parts[i])
        return head + "".join(parts)


def write_corpus(n: int, out: Path, sources: list[Path] | None = None, quiet: bool = False) -> list[Path]:
    from kg.readers import iter_article_files

    files, _ = iter_article_files([str(s) for s in (sources or DEFAULT_SOURCES) if Path(s).exists()])
    files = [Path(f) for f in files]
    if not files:
        raise SystemExit("no source articles")
    info = analyse(files)
    files = [f for f in files if f in info]
    texts = {f: f.read_bytes().decode("utf-8", "surrogateescape") for f in files}
    v = Varier()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        f = files[i % len(files)]
        c = i // len(files)
        persons, cities = info[f]
        text = v.vary(texts[f], c, persons, cities)
        d = out / f"{i // 1000:03d}"
        d.mkdir(exist_ok=True)
        p = d / f"{c:05d}-{f.name}"
        p.write_bytes(text.encode("utf-8", "surrogateescape"))
        written.append(p)
        if not quiet and (i + 1) % 5000 == 0:
            print(f"  {i + 1} files", file=sys.stderr)
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--source", type=Path, nargs="+", default=None)
    args = ap.parse_args(argv)
    files = write_corpus(args.n, args.out, args.source)
    print(f"wrote {len(files)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
