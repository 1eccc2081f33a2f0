"""Which year's edition of an annual document or event the words around a mention name.

今年的政府工作报告, 去年的进博会, 2021年政府工作报告: the words before the name; 2014年，习近平主席在
北京主持召开亚太经合组织领导人非正式会议: a sentence that opens on a year and says the event was
held. A mention that names no year is the series (an event) or, for a document issued on a
fixed day each year, the latest edition issued by the article's day (按照政府工作报告 in July 2021
is the 2021 report): what a news reader takes it to mean.
"""
from __future__ import annotations

import datetime
import re

_YEAR_BEFORE = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年|(?P<rel>今年|本年|去年|上年|明年))(?:度)?(?:的)?$")
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1}
# a year that opens the sentence or a clause of it (高峰对记者强调，2014年，习近平主席…)
_YEAR_OPENS = re.compile(r"(?:^|(?<=[，,：:]))\s*(?P<y>(?:19|20)\d{2})年[，,]", re.M)
_ANOTHER_TIME = re.compile(r"今年|明年|去年|前年|后年|本年|当年|(?:19|20)\d{2}年|\d{1,2}月|将|此前|随后|后来")
_HELD = re.compile(r"召开|举行|举办|主持|出席|参加|开幕|闭幕")


def article_day(date: str) -> datetime.date | None:
    """The article's day from its ISO date in China ("" or a bad date: None)."""
    try:
        return datetime.date.fromisoformat(date[:10])
    except ValueError:
        return None


def year_before(text: str, start: int, day: datetime.date | None) -> str | None:
    """The year the words right before `start` name (2021年, 今年的, 去年), as 4 digits."""
    m = _YEAR_BEFORE.search(text, max(0, start - 8), start)
    if m is None:
        return None
    if m.group("y"):
        return m.group("y")
    return str(day.year + _RELATIVE[m.group("rel")]) if day is not None else None


def year_held(text: str, start: int) -> str | None:
    """2014年，…主持召开<event>: the year that opens the sentence or a clause of it (the last one
    before the name), when the words after it say the event was held."""
    s = max(text.rfind(c, 0, start) for c in "。！？\n") + 1
    opens = list(_YEAR_OPENS.finditer(text[s:start]))
    if not opens:
        return None
    after_year = s + opens[-1].end()
    # the verb of holding in the event's own clause, and no other time between (2015年，…，明年还将
    # 承办二十国集团领导人峰会 is 2016's; 2019年，…，今年11月还将举办进博会 this year's)
    clause = max([after_year] + [text.rfind(c, 0, start) + 1 for c in "，,；;"])
    if not _HELD.search(text, clause, start) or _ANOTHER_TIME.search(text, after_year, start):
        return None
    return opens[-1].group("y")


def latest_issued(issued: str, day: datetime.date | None, exceptions: dict | None = None) -> str | None:
    """The year of the latest edition of a document issued each year on `issued` (MM-DD), or on
    the day `exceptions` gives for a year (2020's government work report: 05-22), by `day`."""
    if day is None:
        return None
    month, d = (int(x) for x in str((exceptions or {}).get(day.year) or (exceptions or {}).get(str(day.year))
                                     or issued).split("-"))
    return str(day.year if (day.month, day.day) >= (month, d) else day.year - 1)
