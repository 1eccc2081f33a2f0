"""Build an Article from a few sentences, as a plain Markdown file with front matter would give."""
from __future__ import annotations

from kg.pipeline import extract
from kg.readers import read_bytes


def article(body: str, title: str = "测试", author: str = "新浪财经", date: str = "Thu, 17 Feb 2022 08:10:10 GMT"):
    src = f"---\ntitle: '{title}'\nauthor: {author}\ndate: {date}\n---\n\n{body}\n"
    return read_bytes(src.encode("utf-8"), "case.md")


def records(body: str, **kw):
    art = article(body, **kw)
    return art, extract(art)


def mentions(body: str, **kw) -> set[tuple[str, str]]:
    _, rec = records(body, **kw)
    return {(m.text, m.kind) for m in rec.mentions}


def relations(body: str, kind: str, **kw):
    _, rec = records(body, **kw)
    return [r for r in rec.relations if r.kind == kind]
