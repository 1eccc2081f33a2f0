"""Small word lists the patterns use (surnames, posts, speech verbs), shipped as text files."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DIR = Path(__file__).parent


_EXTRA: dict[str, list[str]] = {"posts": [], "speech_verbs": [], "surnames": []}


def set_extra(extra: dict[str, list[str]]) -> None:
    """Words added by a user config (kg.config), merged into the shipped lists."""
    for key in _EXTRA:
        _EXTRA[key] = [str(w).strip() for w in extra.get(key) or [] if str(w).strip()]
    for fn in (surnames, posts, speech_verbs):
        fn.cache_clear()


def _words(name: str) -> list[str]:
    words: list[str] = []
    for line in (_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        words.extend(line.split())
    return words


@lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    return frozenset(_words("surnames.txt") + _EXTRA["surnames"])


@lru_cache(maxsize=None)
def common_surnames() -> frozenset[str]:
    """The hundred most frequent surnames (the file lists them first): enough evidence for a
    two-character name found by a weak pattern, where a rare surname is more often a word."""
    return frozenset(_words("surnames.txt")[:100])


@lru_cache(maxsize=None)
def posts() -> tuple[str, ...]:
    # longest first, so alternations in regexes prefer 副部长 over 部长
    return tuple(sorted(set(_words("posts.txt") + _EXTRA["posts"]), key=len, reverse=True))


@lru_cache(maxsize=None)
def speech_verbs() -> tuple[str, ...]:
    return tuple(sorted(set(_words("speech_verbs.txt") + _EXTRA["speech_verbs"]), key=len, reverse=True))


def looks_like_name(text: str) -> bool:
    """A plausible Han person name: 2-4 characters starting with a known surname."""
    if not 2 <= len(text) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in text):
        return False
    s = surnames()
    if text[:2] in s:
        return len(text) >= 3
    return text[0] in s and len(text) <= 3
