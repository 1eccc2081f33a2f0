"""Number normalisation: Arabic (full- or half-width, with 万/亿 scales) and Chinese numerals."""
from __future__ import annotations

import unicodedata

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
SCALES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3, "百": 1e2}


def parse_arabic(text: str) -> float:
    text = unicodedata.normalize("NFKC", text).replace(",", "").replace("，", "")
    return float(text)


def parse_chinese(text: str) -> int | None:
    """一千二百三十四 -> 1234, 十五 -> 15, 三万五千 -> 35000. None when not a numeral."""
    if not text or any(ch not in DIGITS and ch not in SMALL_UNITS and ch not in BIG_UNITS for ch in text):
        return None
    total, section, number = 0, 0, None
    for ch in text:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if number is None else number) * SMALL_UNITS[ch]
            number = None
        else:
            section += number or 0
            total = (total + section) * BIG_UNITS[ch] if ch == "亿" else total + section * BIG_UNITS[ch]
            section, number = 0, None
    return total + section + (number or 0)


def scale(text: str | None) -> float:
    return SCALES.get(text or "", 1.0)
