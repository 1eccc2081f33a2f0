"""Readers: article files -> `kg.model.Article`.

    read_file(path) -> Article            raises ReadError (str(): "PATH: reason")
    read_bytes(data, path) -> Article     the same for bytes already in memory
    iter_article_files(paths) -> (article files sorted, skipped files)

Pipeline of one file: decode (decode.py) -> split/parse YAML front matter (frontmatter.py) ->
body: HTML (html_body.py) when the file is .html/.htm or its body contains block tags such as
<p or <div (whatever the extension), else plain text / Markdown (plain.py) -> Article with
text = paragraphs joined by "\n", sentence split (sentences.py).

Offsets: Paragraph.start/end, StockAnnotation.start/end and TableCell.start/end (an HTML table cell, with its row and column in the table's grid) index Article.text;
Paragraph.source_start indexes the *decoded source*, i.e. `decode.decode_bytes(raw)` (BOM removed,
CRLF/CR turned into LF) and points at the paragraph's first character (for a paragraph starting
with an entity such as &quot; it points at the '&').

Article.fmt: "sina-html" (Sina Finance CMS markup), "html", "markdown" (.md/.markdown), "text".
Title: front matter `title`; else the HTML <title>; else the first paragraph (kept in the body
too); meta["title_from"] says which fallback was used.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path
from typing import Iterable

from kg.model import Article, Paragraph, StockAnnotation, TableCell

from . import frontmatter
from .decode import MAX_BYTES, check_size, decode_bytes
from .errors import display_path, ReadError
from .html_body import RawParagraph, editors_in, is_sina, parse_html_body
from .plain import parse_plain
from .sentences import split_sentences

__all__ = ["ReadError", "read_file", "read_bytes", "iter_article_files", "split_sentences",
           "ARTICLE_SUFFIXES", "MAX_BYTES"]

ARTICLE_SUFFIXES = frozenset({".md", ".txt", ".html", ".htm", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
# a block-level tag anywhere in the body makes it HTML (no '>' needed: linear on hostile input)
_HTML_BLOCK = re.compile(r"<(?:p|div|br|table|tr|h[1-6]|ul|ol|li|blockquote|section|article|"
                         r"html|body|head)(?=[\s/>])", re.IGNORECASE)


def read_file(path: Path | str) -> Article:
    """Read one article file. Raises ReadError (never another exception for bad content)."""
    p = Path(path)
    try:
        # O_NONBLOCK: a FIFO named x.md must not hang the build; fstat then refuses it
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise ReadError("not a regular file")
            check_size(st.st_size)
            data = fh.read(MAX_BYTES + 1)
    except ReadError as e:
        raise e.with_path(path) from None
    except OSError as e:
        raise ReadError(f"cannot read file: {e.strerror or e}", path) from None
    return read_bytes(data, path)


def read_bytes(data: bytes, path: Path | str) -> Article:
    """Build the Article for the raw bytes `data` of the file `path` (used for id and format)."""
    p = Path(path)
    try:
        return _read(data, p, str(path))
    except ReadError as e:
        raise e.with_path(path) from None


def _read(data: bytes, p: Path, path_str: str) -> Article:
    content_hash = hashlib.sha256(data).hexdigest()
    article_id = hashlib.sha256(_name_bytes(p.name) + b"\0"
                                + content_hash.encode("ascii")).hexdigest()[:16]
    if not data.strip():
        raise ReadError("empty article")
    src = decode_bytes(data)
    fm = frontmatter.split(src)
    meta = {}
    if fm.yaml_text is not None:
        meta = frontmatter.normalise_meta(frontmatter.parse_yaml(fm.yaml_text, fm.first_line))
    body = fm.body_offset
    suffix = p.suffix.lower()
    editors: list[str] = []
    fallback_title = ""
    if suffix in _HTML_SUFFIXES or _HTML_BLOCK.search(src, body):
        parsed = parse_html_body(src, body)
        raw_paragraphs = parsed.paragraphs
        editors = parsed.editors
        fmt = "sina-html" if is_sina(src[body:]) else "html"
        for key in ("original_title", "original_source"):
            if parsed.meta.get(key):
                meta.setdefault(key, parsed.meta[key])
        fallback_title = parsed.meta.get("html_title", "")
    else:
        raw_paragraphs = parse_plain(src, body, markdown=suffix in _MARKDOWN_SUFFIXES)
        fmt = "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"
        editors = [n for rp in raw_paragraphs if "责任编辑" in rp.text for n in editors_in(rp.text)]
    if not raw_paragraphs:
        raise ReadError("empty article" + (" (front matter but no body text)" if meta else ""))
    if not meta.get("date_raw"):
        # a saved page without front matter: its date line (2022-05-25 16:30:12　来源：新华网)
        for rp in raw_paragraphs[:6]:
            m = _DATE_LINE.match(rp.text)
            iso = frontmatter.parse_date(m.group("date")) if m else None
            if iso:
                meta["date_raw"], meta["date"], meta["date_from"] = m.group("date"), iso, "text"
                break
    if not meta.get("title"):
        if fallback_title:
            meta["title"], meta["title_from"] = fallback_title, "html_title"
        else:
            meta["title"], meta["title_from"] = raw_paragraphs[0].text, "first_paragraph"
    text, paragraphs, links, cells = _assemble(raw_paragraphs)
    return Article(id=article_id, path=path_str, content_hash=content_hash, text=text, meta=meta,
                   paragraphs=paragraphs, sentences=split_sentences(text), stock_links=links,
                   table_cells=cells, editor_raw=editors, fmt=fmt)


# a line giving the page's date, alone or before its source: 2022-05-25 16:30:12　来源：新华网,
# 发布时间：2022年05月25日 16:30, 2022/5/25 (not a sentence opening with a date: 2022年3月1日，…)
_DATE_LINE = re.compile(r"\s*(?:(?:发布|更新)?(?:时间|日期)\s*[:：]\s*)?"
                        r"(?P<date>\d{4}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|年\d{1,2}月\d{1,2}日)"
                        r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)\s*(?=$|来源|作者|编辑|[|｜]|\s{2,}|\u3000)")


def _name_bytes(name: str) -> bytes:
    """A file name as the bytes it has on disk (os.fsdecode's surrogateescape undone); a name
    that never came from the file system may hold other lone surrogates: kept, not a crash."""
    try:
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogatepass")


def _assemble(raw: list[RawParagraph]) -> tuple[str, list[Paragraph], list[StockAnnotation], list[TableCell]]:
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    links: list[StockAnnotation] = []
    cells: list[TableCell] = []
    pos = 0
    for rp in raw:
        paragraphs.append(Paragraph(start=pos, end=pos + len(rp.text), source_start=rp.source_start))
        for s, e, code in rp.stock_links:
            links.append(StockAnnotation(code=code, word=rp.text[s:e], start=pos + s, end=pos + e))
        for s, e, (table, row, col, rows, cols) in getattr(rp, "cells", ()):
            cells.append(TableCell(table, row, col, rows, cols, pos + s, pos + e))
        parts.append(rp.text)
        pos += len(rp.text) + 1
    return "\n".join(parts), paragraphs, links, cells


# a project's own files, not articles: left out of a folder walk (`kg build .` in a checkout),
# still read when named on the command line
# (only names no article would have: history.txt or notice.md may well be one)
_PROJECT_FILE_STEMS = frozenset({"readme", "license", "licence", "copying", "changelog", "contributing",
                                 "code_of_conduct"})
_TOOL_DIRS = frozenset({"__pycache__", "node_modules", "site-packages"})


def _tool_dir(path: str, name: str) -> bool:
    # a virtual environment, or a RocksDB directory: a kg store (`kg build .` beside ./kg-data)
    return name in _TOOL_DIRS or os.path.exists(os.path.join(path, "pyvenv.cfg")) \
        or os.path.exists(os.path.join(path, "IDENTITY")) and os.path.exists(os.path.join(path, "CURRENT"))


def iter_article_files(paths: Iterable[Path | str], errors: list[str] | None = None) -> tuple[list[Path], list[Path]]:
    """Expand files and directories (recursively) into article files.

    Returns (article files, skipped files): article files have a suffix in ARTICLE_SUFFIXES
    (case-insensitive), are deduplicated (same resolved path) and sorted by their POSIX path
    string; skipped files are the other regular files found and any named path that is neither
    a regular file nor a directory (a FIFO or a device would block or never end), sorted the
    same way. Hidden directories and files (name starting with '.') under a directory are
    ignored; symlinked directories are not followed. Under a directory, a project's own files
    (README, LICENSE, CHANGELOG ... with any suffix) are skipped files, and Python virtual
    environments, kg stores (RocksDB directories), __pycache__ and node_modules are not walked. A path that does not exist
    raises FileNotFoundError; a broken symbolic link under a directory is a skipped file.
    A directory that cannot be listed is left out, with a line naming it appended to `errors`.
    """
    # (strings while walking, Paths at the end: Path objects cost more than the walk itself)
    found: dict[str, str] = {}
    skipped: dict[str, str] = {}

    def consider(f: str, key: str | None = None, walked: bool = False) -> None:
        key = key or os.path.realpath(f)
        name = os.path.basename(f)
        article = os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES
        if article and walked and name.split(".", 1)[0].lower() in _PROJECT_FILE_STEMS:
            article = False
        target = found if article else skipped
        if key not in found and key not in skipped:
            target[key] = f

    def walk(top: Path) -> None:
        # scandir's entries know their type, and a file that is not a symlink resolves to its
        # directory's resolved path + its name: one realpath per directory, not one per file
        # (a 10k-file folder was 0.5 s of resolve() before every incremental build)
        stack = [str(top)]
        while stack:
            here = stack.pop()
            real = os.path.realpath(here)
            try:
                entries = list(os.scandir(here))
            except OSError as exc:              # unreadable: left out, but never silently
                if errors is not None:
                    errors.append(f"{display_path(here)}: cannot read directory: {exc.strerror or exc}")
                continue
            for e in entries:
                if e.name.startswith("."):
                    continue
                try:
                    if e.is_dir(follow_symlinks=False):
                        if not _tool_dir(e.path, e.name):
                            stack.append(e.path)
                    elif e.is_file():
                        consider(e.path, None if e.is_symlink() else os.path.join(real, e.name), walked=True)
                    elif e.is_symlink() and not os.path.exists(e.path):
                        skipped.setdefault(e.path, e.path)     # a broken link: counted, never opened
                except OSError:
                    continue

    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            walk(root)
        elif root.is_file():
            consider(str(root))
        elif root.exists():                     # a FIFO, socket or device: never opened
            skipped.setdefault(str(root.resolve()), str(root))
        else:
            raise FileNotFoundError(f"{raw}: no such file or directory")
    order = lambda f: f.as_posix()  # noqa: E731
    return sorted(map(Path, found.values()), key=order), sorted(map(Path, skipped.values()), key=order)
