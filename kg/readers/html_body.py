"""HTML body -> paragraphs (with exact source offsets), stock links and credits.

Why not html.parser / lxml: on Python 3.11 `html.parser` is quadratic on unterminated constructs
(80 KB of "<!--" takes ~2 s; see CVE-2025-6069) and lxml silently drops content nested deeper
than 255 elements. The tokenizer below is a small, lenient, linear HTML5-ish scanner: every
construct is consumed with one forward search, nothing recurses, the element stack is only used
to know which element an end tag closes (an end tag with no open element of that name is ignored
in O(1)), so 100k-deep nesting or 20 MB of garbage cost linear time.
Work is bounded as well (kg/limits.py): more than MAX_HTML_TOKENS markup constructs (tags,
comments, declarations), more than MAX_PARAGRAPHS paragraphs or more than MAX_TEXT_CHARS
characters of text raise ReadError as soon as the limit is passed, so 20 MB of "<b>" or "<p>x"
is refused in about two seconds.

What is kept: text of the visible body. A paragraph ends at block elements (p, div, h1-h6, li,
br, tr, blockquote, table, ...). Inside a paragraph every run of whitespace (incl. U+3000 and
nbsp) becomes one space and the paragraph is stripped; zero-width characters are removed;
entities are decoded. Table cells in a row are separated by a space.

What is dropped: style/script/head/iframe/... content, comments (but Sina's ad-list comment when it
holds the article's tail: _adlist_content), hidden elements, the Sina QR and
app-download blocks (class appendQr_wrap / app-kaihu-qr), empty paragraphs (e.g. empty image
captions) and the `article-editor` paragraph (its name goes to `editors`), and
`ori_titlesource` ("原标题：X 来源：Y" goes to meta["original_title"] / ["original_source"]; a
plain body paragraph starting with 原标题 is kept but also fills original_title if still unset).
A blank line inside a text run also ends a paragraph (199IT / DT财经 put plain text in a <div>).

Harvested: editors from `<p class="article-editor">责任编辑：李墨轩 SF014</p>`, from comments
(`<!--article_adlist[...【责任编辑:吴咏玲】...]-->`) and from any body paragraph with "责任编辑：";
stock links `<span id="stock_sh600295">鄂尔多斯</span>` (Sina), `<a href=".../realstock/company/
sh600295/...">` and `<a class="trsHotWords" href="...stockcode=SS688185">` (证券时报网), with
offsets into the paragraph text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Generator, Iterator

from .. import limits
from .errors import ReadError

# ---------------------------------------------------------------- tokenizer

TEXT, START, END, COMMENT, RAW = range(5)

_TAG_NAME = re.compile(r"[a-zA-Z][^\s/>]*")
_ATTR_NAME = re.compile(r"[^\s/>][^\s/>=]*")
_BETWEEN_ATTRS = re.compile(r"[\s/]*")
_SPACES = re.compile(r"\s*")
_UNQUOTED = re.compile(r"[^\s>]*")
# elements whose content is not markup: everything up to the matching end tag is one RAW token
_RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript",
                       "textarea", "title", "plaintext"})
_RAW_END: dict[str, re.Pattern[str]] = {t: re.compile(r"</%s[\s/>]" % t, re.IGNORECASE)
                                        for t in _RAW_TEXT}

Token = tuple  # (kind, pos, ...)
_MARKUP_START = re.compile(r"<[!?/a-zA-Z]")


def tokenize(s: str, i: int = 0, n: int | None = None) -> Iterator[Token]:
    """Yield (TEXT, pos, end) | (START, pos, tag, attrs) | (END, pos, tag) | (COMMENT, pos, data)
    | (RAW, pos, tag, content) for s[i:n]. Positions are offsets in `s`. Linear time: every
    construct is consumed by one forward search; EOF inside a tag drops the tag, EOF inside a
    comment makes the rest a comment (as in HTML5)."""
    n = len(s) if n is None else min(n, len(s))
    text_start = i                        # start of the pending text run
    budget = limits.MAX_HTML_TOKENS
    while i < n:
        budget -= 1
        if budget < 0:
            raise ReadError(_too_much_markup())
        # the next '<' that starts markup; a lone '<' (not followed by '!', '?', '/' or an
        # ASCII letter) is text, skipped over in C rather than one loop turn each
        m = _MARKUP_START.search(s, i, n)
        lt = m.start() if m else n
        nxt = s[lt + 1] if m else ""
        if lt > text_start:
            yield (TEXT, text_start, lt)
        if lt >= n:
            return
        i = yield from _construct(s, lt, n, nxt)
        if i < 0:
            return
        text_start = i
    if text_start < n:                    # input ended in a run of lone '<'
        yield (TEXT, text_start, n)


def _too_much_markup() -> str:
    return (f"HTML too complex: more than {limits.MAX_HTML_TOKENS} tags or comments "
            "(kg.limits.MAX_HTML_TOKENS)")


def too_many_paragraphs() -> str:
    return f"too many paragraphs: more than {limits.MAX_PARAGRAPHS} (kg.limits.MAX_PARAGRAPHS)"


def text_too_long() -> str:
    return (f"article text too long: more than {limits.MAX_TEXT_CHARS} characters "
            "(kg.limits.MAX_TEXT_CHARS)")


def _construct(s: str, i: int, n: int, nxt: str) -> Generator[Token, None, int]:
    """Tokens of the markup construct starting with '<' at i; returns the position after it,
    or -1 when it runs to the end of the input."""
    if s.startswith("<!--", i):
        if s.startswith(">", i + 4, n):                      # <!-->
            yield (COMMENT, i, "")
            return i + 5
        if s.startswith("->", i + 4, n):                     # <!--->
            yield (COMMENT, i, "")
            return i + 6
        j = s.find("-->", i + 4, n)
        if j < 0:                                            # unterminated: runs to the end
            yield (COMMENT, i, s[i + 4:n])
            return -1
        yield (COMMENT, i, s[i + 4:j])
        return j + 3
    if nxt == "/":
        m = _TAG_NAME.match(s, i + 2, n)
        if m is None:
            if s.startswith(">", i + 2, n):                  # </> is ignored
                return i + 3
            j = s.find(">", i + 2, n)                        # </3...>: a bogus comment
            if j < 0:
                return -1
            yield (COMMENT, i, s[i + 2:j])
            return j + 1
        j = s.find(">", m.end(), n)
        if j < 0:                                            # EOF inside a tag: dropped
            return -1
        yield (END, i, m.group().lower())
        return j + 1
    if nxt in ("!", "?"):                                    # doctype, CDATA, PI: bogus comments
        j = s.find(">", i + 2, n)
        if j < 0:
            return -1
        yield (COMMENT, i, s[i + 2:j])
        return j + 1
    # a start tag
    m = _TAG_NAME.match(s, i + 1, n)
    tag = m.group().lower()
    k = m.end()
    attrs: dict[str, str] = {}
    while True:
        k = _BETWEEN_ATTRS.match(s, k, n).end()
        if k >= n:
            return -1                                        # EOF inside a tag
        if s[k] == ">":
            k += 1
            break
        a = _ATTR_NAME.match(s, k, n)
        name = a.group().lower()
        k = _SPACES.match(s, a.end(), n).end()
        value = ""
        if s.startswith("=", k, n):
            k = _SPACES.match(s, k + 1, n).end()
            q = s[k:k + 1] if k < n else ""
            if q in ('"', "'"):
                e = s.find(q, k + 1, n)
                if e < 0:
                    return -1                                # EOF inside an attribute value
                value = s[k + 1:e]
                k = e + 1
            else:
                v = _UNQUOTED.match(s, k, n)
                value = v.group()
                k = v.end()
        if name not in attrs:
            attrs[name] = html.unescape(value) if "&" in value else value
    yield (START, i, tag, attrs)
    if tag in _RAW_TEXT:
        if tag == "plaintext":
            e = n
        else:
            em = _RAW_END[tag].search(s, k, n)
            e = em.start() if em else n
        yield (RAW, k, tag, s[k:e])
        return e
    return k


# ---------------------------------------------------------------- body model

@dataclass
class RawParagraph:
    text: str
    source_start: int                      # offset of text[0] in the decoded source
    stock_links: list[tuple[int, int, str]] = field(default_factory=list)   # (start, end, code)
    cells: list[tuple[int, int, tuple]] = field(default_factory=list)      # (start, end, (table, row, col, rows, cols))


@dataclass
class HtmlBody:
    paragraphs: list[RawParagraph] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)    # original_title, html_title


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"})
BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote",
                   "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "caption",
                   "section", "article", "header", "footer", "aside", "nav", "main", "pre",
                   "figure", "figcaption", "address", "hr", "form", "fieldset", "details",
                   "summary", "center", "body", "html", "hgroup", "menu", "dialog", "legend"})
# start tags that implicitly close an open <p> (HTML spec)
P_CLOSERS = frozenset({"address", "article", "aside", "blockquote", "center", "details", "dialog",
                       "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1",
                       "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu",
                       "nav", "ol", "p", "pre", "section", "summary", "table", "ul"})
SKIP_TAGS = frozenset({"head", "script", "style", "noscript", "template", "iframe", "object",
                       "svg", "math", "select", "textarea", "canvas", "audio", "video", "xmp",
                       "noembed", "noframes", "plaintext", "button", "datalist"})
SKIP_CLASSES = frozenset({"appendQr_wrap", "appendQr_normal", "appendQr_normal_txt",
                          "app-kaihu-qr"})
CELLS = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# paragraphs that are boilerplate even when their markup was not recognised
_BOILERPLATE = re.compile(
    r"^(?:海量资讯、精准解读，尽在新浪财经APP|三大炒股神器免费领取.*|扫二维码\s*立即.*开户)$")

_EDITOR = re.compile(r"责任编辑\s*[:：]\s*([^\s:：,，;；|/\]】）)<>\[【(（]+"
                     r"(?:、[^\s:：,，;；、|/\]】）)<>\[【(（]+)*)")
_EDITOR_LABEL = re.compile(r"^\s*(?:责任编辑|编辑)\s*[:：]?\s*")
_EDITOR_CODE = re.compile(r"[A-Za-z]{1,4}\d{2,}$")
_ORIGINAL_TITLE = re.compile(r"^原标题\s*[:：]\s*")
_TAGS_IN_COMMENT = re.compile(r"<[^<>]*>")
_SOURCE_SUFFIX = re.compile(r"\s来源\s*[:：]\s*(\S+)\s*$")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")

_SINA_STOCK_ID = re.compile(r"stock_([A-Za-z0-9._-]{1,24})\Z")
_SINA_STOCK_HREF = re.compile(r"/realstock/company/((?:sh|sz|bj)\d{6})/", re.IGNORECASE)
_STCN_STOCK_HREF = re.compile(r"stockcode=(SS|SH|SZ|BJ)(\d{6})", re.IGNORECASE)
_EXCHANGE = {"ss": "sh", "sh": "sh", "sz": "sz", "bj": "bj"}
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]{0,31};?)")
_RUNS = re.compile(r"(\s+)|([\u200b-\u200d\u2060\ufeff\u00ad]+)|([^\s\u200b-\u200d\u2060\ufeff\u00ad]+)")

_SINA_MARKERS = ('cms-style="', 'class="article-editor"', "appendQr_wrap", 'id="stock_',
                 'class="img_wrapper"')


def is_sina(body: str) -> bool:
    return any(m in body for m in _SINA_MARKERS)


def clean_editor(name: str) -> str:
    """'李墨轩 ' -> '李墨轩', '刘万里 SF014' -> '刘万里', '刘万里SF014' -> '刘万里'."""
    name = name.strip().strip("\u3000")
    name = name.split()[0] if name.split() else ""
    return _EDITOR_CODE.sub("", name).strip()


def editors_in(text: str) -> list[str]:
    out: list[str] = []
    for m in _EDITOR.finditer(text):
        for part in m.group(1).split("、"):
            name = clean_editor(part)
            if name and name not in out:
                out.append(name)
    return out


class _Para:
    """A paragraph being built: whitespace collapsed on the fly, stock marks as offsets."""

    __slots__ = ("parts", "length", "pending", "source_start", "kind", "marks", "serial")

    def __init__(self, serial: int, kind: str = "") -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending = False
        self.source_start = -1
        self.kind = kind
        self.marks: dict[tuple[int, int, str], None] = {}   # a set, insertion-ordered
        self.serial = serial

    def add(self, text: str, pos: int, raw: bool = True) -> None:
        for m in _RUNS.finditer(text):
            if m.group(1):
                if self.length:
                    self.pending = True
            elif m.group(3):
                word = m.group(3)
                if not self.length:
                    self.source_start = pos + m.start() if raw else pos
                elif self.pending:
                    self.parts.append(" ")
                    self.length += 1
                self.pending = False
                self.parts.append(word)
                self.length += len(word)
                if self.length > limits.MAX_TEXT_CHARS:
                    raise ReadError(text_too_long())

    def next_offset(self) -> int:
        """Where the next non-space character will land."""
        return self.length + (1 if self.pending and self.length else 0)


def _span(value: str | None) -> int:
    try:
        return min(max(int(str(value).strip()), 1), _MAX_SPAN)
    except (TypeError, ValueError):
        return 1


_MAX_SPAN = 20              # a hostile rowspan="100000" must not make the grid huge
_MAX_GRID = 10_000          # places held by row spans, per table


class _Table:
    """A table's grid as its cells arrive: the place of each cell, counting the places that
    the row spans of cells above hold (HTML's table model, without its edge cases)."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.row = -1
        self.col = 0
        self.held: set[tuple[int, int]] = set()

    def next_row(self) -> None:
        self.row += 1
        self.col = 0

    def cell(self, attrs: dict[str, str]) -> tuple[int, int, int, int, int]:
        if self.row < 0:                     # cells before any <tr>: a first row
            self.next_row()
        while (self.row, self.col) in self.held:
            self.col += 1
        rows, cols = _span(attrs.get("rowspan")), _span(attrs.get("colspan"))
        if rows > 1 and len(self.held) + (rows - 1) * cols <= _MAX_GRID:
            self.held.update((r, c) for r in range(self.row + 1, self.row + rows)
                             for c in range(self.col, self.col + cols))
        else:
            rows = 1
        place = (self.number, self.row, self.col, rows, cols)
        self.col += cols
        return place


class _Builder:
    def __init__(self, src: str) -> None:
        self.src = src
        self.out = HtmlBody()
        self.stack: list[tuple[str, bool, object]] = []   # (tag, is_skip, stock mark or None)
        self.open_counts: dict[str, int] = {}
        self.skip = 0
        self.serial = 0
        self.para = _Para(0)
        self.text_chars = 0                                 # kept paragraphs, with separators
        self.tables: list[_Table] = []                      # the tables open, innermost last
        self.table_count = 0

    # -- paragraphs
    def flush(self, kind: str = "") -> None:
        p = self.para
        if p.length:
            text = "".join(p.parts)
            if p.kind == "editor":
                names = editors_in(text) or [clean_editor(_EDITOR_LABEL.sub("", text))]
                self._add_editors(names)
            elif p.kind == "original_title":
                self._original_title(text)
            elif not _BOILERPLATE.match(text):
                if "责任编辑" in text:
                    self._add_editors(editors_in(text))
                if text.startswith("原标题"):
                    self._original_title(text)
                self.text_chars += len(text) + 1
                if self.text_chars > limits.MAX_TEXT_CHARS + 1:
                    raise ReadError(text_too_long())
                if len(self.out.paragraphs) >= limits.MAX_PARAGRAPHS:
                    raise ReadError(too_many_paragraphs())
                links = sorted(m for m in p.marks if isinstance(m[2], str))
                cells = sorted(m for m in p.marks if isinstance(m[2], tuple))
                self.out.paragraphs.append(RawParagraph(text, p.source_start, links, cells))
        self.serial += 1
        self.para = _Para(self.serial, kind)

    def _original_title(self, text: str) -> None:
        """'原标题：X 来源：Y' -> meta original_title X, original_source Y (first one wins)."""
        if "original_title" in self.out.meta:
            return
        title = _ORIGINAL_TITLE.sub("", text)
        m = _SOURCE_SUFFIX.search(title)
        if m:
            self.out.meta["original_source"] = m.group(1)
            title = title[:m.start()].rstrip()
        if title:
            self.out.meta["original_title"] = title

    def _add_editors(self, names: list[str]) -> None:
        for n in names:
            if n and n not in self.out.editors:
                self.out.editors.append(n)

    # -- element stack
    def push(self, tag: str, skip: bool, mark: object = None) -> None:
        self.stack.append((tag, skip, mark))
        self.open_counts[tag] = self.open_counts.get(tag, 0) + 1
        if skip:
            self.skip += 1

    def pop_until(self, tag: str) -> None:
        while self.stack:
            t, skip, mark = self.stack.pop()
            self.open_counts[t] -= 1
            if skip:
                self.skip -= 1
            if mark is not None:
                self._close_mark(mark)
            if t == tag:
                return

    def _open_mark(self, code: str | tuple) -> list:  # type: ignore[type-arg]
        return [code, self.para.next_offset(), self.para.serial]

    def _close_mark(self, mark) -> None:
        if isinstance(mark, _Table):          # the table's element closes: its grid is done
            # (by identity, from the innermost: `in`/remove compared tables by value, from the
            # outermost, quadratic in the nesting: 60,000 nested tables took 29 s)
            for i in range(len(self.tables) - 1, -1, -1):
                if self.tables[i] is mark:
                    del self.tables[i]
                    break
            return
        code, start, serial = mark
        p = self.para
        if serial == p.serial and p.length > start:
            p.marks[(start, p.length, code)] = None

    # -- events
    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag in P_CLOSERS and self.open_counts.get("p"):
            self.pop_until("p")
        void = tag in VOID
        if self.skip:
            if not void:
                self.push(tag, False)
            return
        classes = attrs.get("class", "").split()
        if (tag in SKIP_TAGS or "hidden" in attrs or SKIP_CLASSES.intersection(classes)
                or _HIDDEN_STYLE.search(attrs.get("style", ""))):
            if not void:
                self.push(tag, True)
            return
        if tag in BLOCK:
            kind = ""
            if "article-editor" in classes:
                kind = "editor"
            elif "ori_titlesource" in classes:
                kind = "original_title"
            self.flush(kind)
        elif tag in CELLS and self.para.length:
            self.para.pending = True
        if void:
            return
        mark = None
        code = self._stock_code(tag, attrs)
        if code:       # nested links each get a mark; identical ones are merged on close
            mark = self._open_mark(code)
        elif tag == "table":
            mark = _Table(self.table_count)
            self.table_count += 1
            self.tables.append(mark)
        elif tag == "tr" and self.tables:
            self.tables[-1].next_row()
        elif tag in CELLS and self.tables:
            mark = self._open_mark(self.tables[-1].cell(attrs))
        self.push(tag, False, mark)

    @staticmethod
    def _stock_code(tag: str, attrs: dict[str, str]) -> str | None:
        if tag == "span":
            m = _SINA_STOCK_ID.match(attrs.get("id", ""))
            if m:
                return m.group(1)
        elif tag == "a":
            href = attrs.get("href", "")
            m = _SINA_STOCK_HREF.search(href)
            if m:
                return m.group(1).lower()
            m = _STCN_STOCK_HREF.search(href)
            if m:
                return _EXCHANGE[m.group(1).lower()] + m.group(2)
        return None

    def end(self, tag: str) -> None:
        if not self.open_counts.get(tag):
            if tag in ("p", "br") and not self.skip:   # </p> and </br> still break the text
                self.flush()
            return
        self.pop_until(tag)
        if tag in BLOCK and not self.skip:
            self.flush()

    def text(self, i: int, j: int) -> None:
        if self.skip:
            return
        s = self.src
        if s.find("\n", i, j) >= 0:        # a blank line inside text also ends a paragraph
            for m in _BLANK_LINE.finditer(s, i, j):
                self._text(i, m.start())
                self.flush(self.para.kind)
                i = m.end()
        self._text(i, j)

    def _text(self, i: int, j: int) -> None:
        if i >= j:
            return
        s = self.src
        if s.find("&", i, j) < 0:
            self.para.add(s[i:j], i)
            return
        last = i
        for m in _ENTITY.finditer(s, i, j):
            ref = m.group()
            decoded = html.unescape(ref)
            if decoded == ref:
                continue                       # not an entity: stays raw text
            if m.start() > last:
                self.para.add(s[last:m.start()], last)
            self.para.add(decoded, m.start(), raw=False)
            last = m.end()
        if last < j:
            self.para.add(s[last:j], last)

    def comment(self, data: str) -> None:
        if "责任编辑" in data:
            plain = html.unescape(_TAGS_IN_COMMENT.sub(" ", data))
            self._add_editors(editors_in(plain))
        if "享有著作权" in data and "original_source" not in self.out.meta:
            # 券商中国是…旗下新媒体，券商中国对该平台所刊载的原创内容享有著作权: the outlet the
            # article comes from, in a copyright note Sina keeps in its ad-list comment
            plain = html.unescape(_TAGS_IN_COMMENT.sub(" ", data))
            m = re.search(r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?)对该平台所刊载的原创内容享有著作权", plain)
            if m:
                self.out.meta["original_source"] = m.group(1)
        if "本文来自" in data and "original_source" not in self.out.meta:
            # Sina keeps the syndication note "(本文来自澎湃新闻，…)" inside its ad-list comment
            plain = html.unescape(_TAGS_IN_COMMENT.sub(" ", data))
            m = re.search(r"本文来自([\u4e00-\u9fffA-Za-z0-9]{2,12}?)[，,。)）]", plain)
            if m:
                self.out.meta["original_source"] = m.group(1)

    def raw(self, tag: str, content: str) -> None:
        if tag == "title" and "html_title" not in self.out.meta:
            title = " ".join(html.unescape(content).split())
            if title:
                self.out.meta["html_title"] = title


_ADLIST_OPEN, _ADLIST_CLOSE = "article_adlist[", "]article_adlist"
# where the reading suggestions of a WeChat account begin (百万用户都在看 …): nothing after is
# the article's
_PROMO = re.compile(r"百万(?:用户|读者)都在看|推荐阅读|热门推荐|往期推荐|相关阅读|延伸阅读|往期回顾|热文推荐")
_PROSE = re.compile(r">[^<>]{80,}<")         # text between tags, not a tag's attributes


def _adlist_content(src: str, pos: int, data: str) -> tuple[int, int] | None:
    """Sina moves the tail of some articles into its ad-list comment
    (<!--article_adlist[<p>…</p>]article_adlist-->) and shows it on the page; more often the
    comment holds boilerplate (reading suggestions, image credits, copyright notes). The
    comment's interior, as offsets in `src`, when it holds a paragraph of prose (80 characters
    or more between tags) before any reading suggestions; it ends where those begin."""
    a = data.find(_ADLIST_OPEN)
    if a < 0:
        return None
    z = data.rfind(_ADLIST_CLOSE)
    if z < a:
        z = len(data)
    start, end = pos + 4 + a + len(_ADLIST_OPEN), pos + 4 + z
    promo = _PROMO.search(src, start, end)
    if promo:
        end = max(src.rfind("<p", start, promo.start()), start)
    if not _PROSE.search(src, start, end):
        return None
    return start, end


def _with_adlist(src: str, start: int, end: int | None) -> Iterator[Token]:
    """The tokens of src[start:end], each ad-list comment holding the article's tail followed by
    the text and tags inside it."""
    for tok in tokenize(src, start, end):
        yield tok
        inner = _adlist_content(src, tok[1], tok[2]) if tok[0] == COMMENT else None
        if inner:
            yield from (t for t in tokenize(src, *inner) if t[0] in (TEXT, START, END))


def parse_html_body(src: str, start: int = 0, end: int | None = None) -> HtmlBody:
    """Parse src[start:end] as an HTML body; offsets in the result refer to `src`."""
    b = _Builder(src)
    for tok in _with_adlist(src, start, end):
        kind = tok[0]
        if kind == TEXT:
            b.text(tok[1], tok[2])
        elif kind == START:
            b.start(tok[2], tok[3])
        elif kind == END:
            b.end(tok[2])
        elif kind == COMMENT:
            b.comment(tok[2])
        else:
            b.raw(tok[2], tok[3])
    b.flush()
    return b.out
