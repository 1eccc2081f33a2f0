"""Leftmost-longest dictionary matching over text with an Aho-Corasick automaton."""
from __future__ import annotations

from typing import Any, Iterable

import ahocorasick


def _word(c: str) -> bool:
    return c.isascii() and c.isalnum()


class Matcher:
    def __init__(self, entries: Iterable[tuple[str, Any]]):
        self._auto = ahocorasick.Automaton()
        count = 0
        for surface, payload in entries:
            if surface:
                self._auto.add_word(surface, (surface, payload))
                count += 1
        self.size = count
        if count:
            self._auto.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, str, Any]]:
        """Non-overlapping (start, end, surface, payload), leftmost first, longest at a start."""
        if not self.size:
            return []
        best: dict[int, tuple[int, str, Any]] = {}
        for end_idx, (surface, payload) in self._auto.iter(text):
            start = end_idx - len(surface) + 1
            # a Latin name is a whole word: not Tencent in TencentGlobal, not CNN in CNN6
            if _word(surface[0]) and start > 0 and _word(text[start - 1]) \
                    or _word(surface[-1]) and end_idx + 1 < len(text) and _word(text[end_idx + 1]):
                continue
            cur = best.get(start)
            if cur is None or len(surface) > len(cur[1]):
                best[start] = (end_idx + 1, surface, payload)
        out = []
        last_end = 0
        for start in sorted(best):
            end, surface, payload = best[start]
            if start >= last_end:
                out.append((start, end, surface, payload))
                last_end = end
            elif end > last_end and out and (end - start) > (out[-1][1] - out[-1][0]):
                # a longer match overlapping the previous one wins (e.g. 国家发展改革委 over 国家)
                prev = out[-1]
                if start < prev[1] and prev[0] < start:
                    out[-1] = (start, end, surface, payload)
                    last_end = end
        return out
