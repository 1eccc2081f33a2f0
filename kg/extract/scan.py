"""Faster scans with patterns that name a thing by its ending (…有限公司, …大学, …论坛).

Python's `re` tries such a pattern at every position of the text, each try running a lazy
quantifier up to its limit; over a whole article that was the single largest cost of
extraction. Every match holds one of a few literal words (its suffix) near its start, so
we look for those words first (one fast scan) and try the pattern only in the few
positions before each.
"""
from __future__ import annotations

import re
from typing import Iterator


class Anchored:
    """`pattern.finditer(text)` - the same matches, in the same order - for a pattern whose
    every match holds a match of `anchor` starting at most `reach` characters after the
    match's own start (so no match can start earlier than `reach` before the first anchor
    at or after the current position). The anchor must not look behind or ahead."""

    def __init__(self, pattern: re.Pattern, anchor: str, reach: int):
        self.pattern = pattern
        self.anchor = re.compile(anchor)
        self.reach = reach

    def finditer(self, text: str) -> Iterator[re.Match]:
        match, find = self.pattern.match, self.anchor.search
        pos = 0
        while True:
            a = find(text, pos)
            if a is None:
                return
            hit = None
            for i in range(max(pos, a.start() - self.reach), a.start() + 1):
                hit = match(text, i)
                if hit:
                    break
            if hit:
                yield hit
                pos = hit.end() if hit.end() > hit.start() else hit.end() + 1
            else:
                # no match starts at or before this anchor; a later one holds a later anchor
                pos = a.start() + 1


class Found:
    """What `occurrences` yields: the parts of a `re.Match` its callers use."""
    __slots__ = ("_start", "_end", "string")

    def __init__(self, start: int, end: int, string: str):
        self._start, self._end, self.string = start, end, string

    def start(self, group=0) -> int:
        return self._start

    def end(self, group=0) -> int:
        return self._end

    def span(self, group=0) -> tuple[int, int]:
        return self._start, self._end

    def group(self, group=0) -> str:
        return self.string[self._start:self._end]


def occurrences(word: str, text: str) -> Iterator[Found]:
    """`re.finditer(re.escape(word), text)` without a pattern: every name looked for so made
    one, and hundreds of them a build pushed the word-list patterns (posts, speech verbs),
    which take milliseconds to compile, out of `re`'s cache of 512, to be compiled again."""
    if not word:
        return
    i = text.find(word)
    while i >= 0:
        yield Found(i, i + len(word), text)
        i = text.find(word, i + len(word))
