"""Plain text / Markdown body -> paragraphs (one per non-empty line).

Markdown: leading '#' heading marks, '>' quote marks and one list marker ('-', '*', '+', '1.',
'1)') are stripped; horizontal rules ('---', '***') and code fences are dropped; inline markup
is reduced to its text (**bold**, *em*, `code`, [text](url) -> text; an image ![alt](url) goes);
a pipe table (| a | b | with its | --- | line) gives one paragraph per row, its cells separated
by a space and placed in the table's grid, as an HTML table's are. Each paragraph's
`source_start` is the offset of its first kept character in the source (inside a paragraph
whose markup was reduced, later offsets no longer match the source).

Both: lines of a web page's own controls (【打印】【关闭】, 分享到：, 扫一扫在手机打开当前页) are not
article text.

Title: the reader (kg/readers/__init__.py) takes the front matter title; a file without one
gets the first paragraph as its title, and that paragraph is *kept* in the body too, so the body
text is everything the file says and offsets stay simple.
"""
from __future__ import annotations

import re

from .. import limits
from .errors import ReadError
from .html_body import RawParagraph, text_too_long, too_many_paragraphs

_MD_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*(?:#{1,6}(?=[ \t]|$)[ \t]*)?(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
_MD_RULE = re.compile(r"^\s*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|`{3,}.*|~{3,}.*)$")
_LEAD = re.compile(r"[\s\ufeff\u200b]*")
# a saved page's controls: a line of 【字体：大 中 小】【打印】【关闭】 and the like, 分享到, 扫一扫
_UI_WORDS = r"(?:字体|字号|打印|关闭|打印本页|关闭窗口|收藏|收藏本页|分享|纠错|返回顶部|大|中|小|默认|放大|缩小)"
_CHROME = re.compile(rf"^(?:[【\[]\s*{_UI_WORDS}(?:[\s：:]*{_UI_WORDS})*\s*[】\]]\s*)+(?:分享到[：:]?\s*)?$"
                     r"|^(?:分享到[：:]?|扫一扫在手机(?:上)?(?:打开|查看)当前页(?:面)?|返回顶部|打印本页|关闭窗口)\s*$")
# Markdown inline markup, reduced to its text
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![A-Za-z0-9*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![A-Za-z0-9*])|`([^`\n]+)`")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _inline(line: str) -> str:
    if "](" in line:
        line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
    if "*" in line or "_" in line or "`" in line:
        line = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", line)
    return line


def _table_row(line: str) -> list[str] | None:
    t = line.strip()
    if len(t) < 3 or not (t.startswith("|") and t.endswith("|")):
        return None
    return [_inline(c.strip()) for c in t[1:-1].split("|")]


def parse_plain(src: str, start: int = 0, end: int | None = None,
                markdown: bool = False) -> list[RawParagraph]:
    end = len(src) if end is None else end
    out: list[RawParagraph] = []
    pos = start
    chars = 0                             # text kept so far, with the paragraph separators
    table, row = -1, -1                   # the Markdown table being read, and its row
    while pos < end:
        nl = src.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = src[pos:line_end]
        offset = 0
        cells: list[tuple[int, int, tuple]] = []
        if markdown:
            cols = _table_row(line)
            if cols is not None and _MD_TABLE_RULE.match(line) and row >= 0:
                line = ""                                  # the | --- | line under the header
            elif cols is not None:
                if row < 0:
                    table, row = table + 1, 0
                else:
                    row += 1
                offset = len(line) - len(line.lstrip()) + 1
                line, at = "", 0
                for c, cell in enumerate(cols):
                    if cell:
                        cells.append((at, at + len(cell), (table, row, c, 1, 1)))
                        line += cell + " "
                        at += len(cell) + 1
                line = line[:-1]
            else:
                row = -1
                if _MD_RULE.match(line):
                    line = ""
                else:
                    prefix = _MD_PREFIX.match(line).group()
                    offset = len(prefix)
                    line = _inline(line[offset:])
                    if "#" in prefix:
                        line = _strip_closing_hashes(line)
        lead = _LEAD.match(line).end()
        offset += lead
        stripped = _rstrip(line[lead:])
        if stripped and _CHROME.match(stripped):
            stripped = ""
        if stripped and cells and lead:
            cells = [(s_ - lead, e_ - lead, g) for s_, e_, g in cells]
        if stripped:
            chars += len(stripped) + 1
            if chars > limits.MAX_TEXT_CHARS + 1:
                raise ReadError(text_too_long())
            if len(out) >= limits.MAX_PARAGRAPHS:
                raise ReadError(too_many_paragraphs())
            out.append(RawParagraph(stripped, pos + offset, cells=cells))
        pos = line_end + 1
    return out


def _rstrip(s: str) -> str:
    """Strip trailing whitespace (incl. U+3000, nbsp), BOMs and zero-width spaces (one pass:
    alternating spaces and zero-width spaces used to cost one string copy per character)."""
    i = len(s)
    while i and (s[i - 1].isspace() or s[i - 1] in "\ufeff\u200b"):
        i -= 1
    return s if i == len(s) else s[:i]


def _strip_closing_hashes(line: str) -> str:
    """'## Title ##' -> '## Title' (the leading marks are handled by _MD_PREFIX)."""
    t = line.rstrip()
    h = t.rstrip("#")
    if h != t and (not h or h[-1] in " \t"):
        return h.rstrip()
    return line
