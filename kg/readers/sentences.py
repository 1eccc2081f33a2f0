"""Sentence splitting for Chinese news text.

A sentence ends after 。！？；!? (plus any directly following terminators and closing brackets or
quotes) and at every line break. It never ends inside a quotation: “…” ‘…’ 「…」 『…』 and ASCII
"…". A closing quote right after a terminator belongs to the sentence, so `他说：“好。”` is one
sentence ending after ”. Quote marks count only when they pair up within the line: an opening
quote that is never closed (a typo) does not swallow the rest of the paragraph.

Offsets index `text`; each sentence is stripped of surrounding whitespace (incl. U+3000) and its
offsets point at the stripped text; empty sentences are skipped.
"""
from __future__ import annotations

from kg.model import Sentence

TERMINATORS = frozenset("。！？；!?")
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
#: characters; the longest sentence of the shared corpus has ~400
MAX_SENTENCE_CHARS = 1000
_CLAUSE_BREAKS = "，,、：:）)"
_TRAILERS = frozenset("”’」』）)】》〉]\"'")   # may follow a terminator and stay with the sentence


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        for s, e in _split_line(text, pos, end):
            _emit(text, s, e, out)
        if nl < 0:
            break
        pos = nl + 1
    return out


def _emit(text: str, s: int, e: int, out: list[Sentence]) -> None:
    while s < e and (text[s].isspace() or text[s] in "\ufeff\u200b"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\ufeff\u200b"):
        e -= 1
    # a run of text without a terminator (a list pasted as one line, a repeated clause) is cut at
    # its last clause break before MAX_SENTENCE_CHARS: every fact's evidence stores its sentence,
    # so one 26k-character "sentence" with 2,000 facts cost 1.9 GB
    while e - s > MAX_SENTENCE_CHARS:
        cut = max(text.rfind(c, s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS) for c in _CLAUSE_BREAKS)
        cut = cut + 1 if cut >= 0 else s + MAX_SENTENCE_CHARS
        _emit(text, s, cut, out)
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        out.append(Sentence(index=len(out), start=s, end=e, text=text[s:e]))


def _matched_quotes(text: str, start: int, end: int) -> tuple[set[int], set[int]]:
    """Positions of quote marks that open / close a quotation closed within text[start:end]."""
    stack: list[tuple[str, int]] = []
    count: dict[str, int] = {}              # open quotes of each kind on the stack
    opens: set[int] = set()
    closes: set[int] = set()
    for i in range(start, end):
        c = text[i]
        if c == '"':
            if not count.get('"'):
                stack.append(('"', i))
                count['"'] = 1
                continue
            opener = '"'
        elif c in _PAIRS:
            stack.append((c, i))
            count[c] = count.get(c, 0) + 1
            continue
        elif c in _CLOSERS:
            opener = _CLOSERS[c]
            if not count.get(opener):
                continue                        # a stray closer (apostrophe-like ’): ignore
        else:
            continue
        while stack:                            # close the innermost matching opener
            q, j = stack.pop()
            count[q] -= 1
            if q == opener:
                opens.add(j)
                closes.add(i)
                break
    return opens, closes


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if not any(c in TERMINATORS for c in text[start:end]):
        return [(start, end)]
    opens, closes = _matched_quotes(text, start, end)
    spans: list[tuple[int, int]] = []
    depth = 0
    s = start
    i = start
    while i < end:
        c = text[i]
        if i in opens:
            depth += 1
        elif i in closes:
            depth -= 1
            if depth == 0 and _after_terminator(text, s, i):
                j = i + 1
                while j < end and (text[j] in TERMINATORS or
                                   (text[j] in _TRAILERS and j not in opens)):
                    j += 1
                spans.append((s, j))
                s = i = j
                continue
        elif depth == 0 and c in TERMINATORS:
            j = i + 1
            while j < end and (text[j] in TERMINATORS or
                               (text[j] in _TRAILERS and j not in opens)):
                j += 1
            spans.append((s, j))
            s = i = j
            continue
        i += 1
    if s < end:
        spans.append((s, end))
    return spans


def _after_terminator(text: str, s: int, i: int) -> bool:
    """Is the closing quote at i preceded (past other closers) by a sentence terminator?"""
    j = i - 1
    while j >= s and text[j] in _TRAILERS:
        j -= 1
    return j >= s and text[j] in TERMINATORS
