"""Plain text / Markdown body -> paragraphs (one per non-empty line).

Markdown is handled minimally: leading '#' heading marks, '>' quote marks and one list marker
('-', '*', '+', '1.', '1)') are stripped; horizontal rules ('---', '***') and code fences are
dropped. Inline markup (**bold**, links) is left alone. Each paragraph's `source_start` is the
offset of its first kept character in the source.

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


def parse_plain(src: str, start: int = 0, end: int | None = None,
                markdown: bool = False) -> list[RawParagraph]:
    end = len(src) if end is None else end
    out: list[RawParagraph] = []
    pos = start
    chars = 0                             # text kept so far, with the paragraph separators
    while pos < end:
        nl = src.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = src[pos:line_end]
        offset = 0
        if markdown:
            if _MD_RULE.match(line):
                line = ""
            else:
                prefix = _MD_PREFIX.match(line).group()
                offset = len(prefix)
                line = line[offset:]
                if "#" in prefix:
                    line = _strip_closing_hashes(line)
        lead = _LEAD.match(line).end()
        offset += lead
        stripped = _rstrip(line[lead:])
        if stripped:
            chars += len(stripped) + 1
            if chars > limits.MAX_TEXT_CHARS + 1:
                raise ReadError(text_too_long())
            if len(out) >= limits.MAX_PARAGRAPHS:
                raise ReadError(too_many_paragraphs())
            out.append(RawParagraph(stripped, pos + offset))
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
