"""A figure's period as written (2021年1—11月份, 10月份, 前三季度, 截至6月末) -> the dates it covers.

The words stay what kg:period holds; the dates (kg:periodStart, kg:periodEnd) let a query ask
for "October 2021" however the article wrote it. A period without its year is in the year of
the article's day, or the year before when it would start more than half a year after that day
(12月份 in a January article; 10月份 in August is the coming one) or, for a running total, end
that long after it (前三季度 in a January article). 截至X (as of) is the one day X; X以来 /
X起 (since) has a start and no end. Anything else (本周, 近三年, 2月初) gives no dates rather
than a guess, and so do 全年 and 年末 without their year (this year's target or last year's
figure?).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
        "十一": 11, "十二": 12}
_YEAR = r"(?:(?P<y>(?:19|20)\d{2})年|(?P<rel>今年|去年|上年|明年|当年))?"
_M = r"(\d{1,2}|十[一二]?|[一二两三四五六七八九])"
_SEP = r"[-—–~～至到]"
_FORMS = [
    ("years", re.compile(r"(?P<y1>(?:19|20)\d{2})年?" + _SEP + r"(?P<y2>(?:19|20)\d{2})年")),
    ("year_months", re.compile(r"(?P<y1>(?:19|20)\d{2})年(?P<m1>\d{1,2})月" + _SEP
                               + r"(?P<y2>(?:19|20)\d{2})年(?P<m2>\d{1,2})月份?")),
    ("months", re.compile(_YEAR + r"(?:前)?" + _M + r"月?" + _SEP + _M + r"月份?")),
    ("first", re.compile(_YEAR + r"前" + _M + r"个?月")),
    ("quarters", re.compile(_YEAR + r"前([一二三])季度")),
    ("quarter", re.compile(_YEAR + r"第?([一二三四1-4])季度")),
    ("half", re.compile(_YEAR + r"([上下])半年")),
    ("year_end", re.compile(_YEAR + r"(?:年末|年底|末|底)")),
    ("day", re.compile(_YEAR + _M + r"月" + r"(\d{1,2})日")),
    ("month_end", re.compile(_YEAR + _M + r"月(?:份)?(?:末|底)")),
    ("month", re.compile(_YEAR + _M + r"月份?")),
    ("year", re.compile(_YEAR + r"(?:全年)?")),
]


_DAYS = re.compile(r"(?:(?P<y1>(?:19|20)\d{2})年)?(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日[-—–~～至到]"
                   r"(?:(?P<y2>(?:19|20)\d{2})年)?(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日")
_PLAN = re.compile(r"“?十([一二三四五])五”?(?:期间|时期)?")


def _n(text: str) -> int:
    return int(text) if text.isdigit() else _NUM[text]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _span(kind: str, m: re.Match, year: int) -> tuple[dt.date, dt.date]:
    g = m.groups()[2:] if kind != "years" else ()
    if kind == "months":
        a, b = _n(g[0]), _n(g[1])
        return dt.date(year, a, 1), _month_end(year, b)
    if kind == "first":
        return dt.date(year, 1, 1), _month_end(year, _n(g[0]))
    if kind == "quarters":
        return dt.date(year, 1, 1), _month_end(year, 3 * _n(g[0]))
    if kind == "quarter":
        q = _n(g[0])
        return dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
    if kind == "half":
        return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if g[0] == "上" else (dt.date(year, 7, 1), dt.date(year, 12, 31))
    if kind == "year_end":
        return dt.date(year, 12, 31), dt.date(year, 12, 31)
    if kind == "day":
        d = dt.date(year, _n(g[0]), int(g[1]))
        return d, d
    if kind == "month_end":
        d = _month_end(year, _n(g[0]))
        return d, d
    if kind == "month":
        month = _n(g[0])
        return dt.date(year, month, 1), _month_end(year, month)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def period_dates(period: str | None, day: dt.date | None) -> tuple[str | None, str | None] | None:
    """(start, end) as ISO dates for a period as kg:period holds it, `day` being the article's
    day in China (None: only periods that name their year); None when the words say no dates."""
    if not period:
        return None
    text = period.strip()
    as_of = since = False
    if text.startswith(("截至", "截止")):
        text, as_of = re.sub(r"^(?:截至|截止到?)", "", text), True
    elif text.endswith(("以来", "起")):
        text, since = re.sub(r"(?:以来|起)$", "", text), True
    if text in ("目前", "当前"):                 # 截至目前: the article's day
        return (day.isoformat(), day.isoformat()) if day is not None else None
    days = _DAYS.fullmatch(text)
    if days:                                    # 4月1日至8月31日: the days from one to the other
        y1, y2 = days.group("y1") or days.group("y2"), days.group("y2") or days.group("y1")
        if y1 is None and day is None:
            return None
        y1, y2 = int(y1) if y1 else day.year, int(y2) if y2 else day.year
        try:
            start = dt.date(y1, int(days.group("m1")), int(days.group("d1")))
            end = dt.date(y2, int(days.group("m2")), int(days.group("d2")))
        except ValueError:
            return None
        return (start.isoformat(), end.isoformat()) if start <= end else None
    plan = _PLAN.fullmatch(text)
    if plan:
        # the N-th five-year plan: the 3rd ran 1966-1970, each one since the five years after
        first = 1966 + 5 * (_n(plan.group(1)) + 10 - 3)
        return dt.date(first, 1, 1).isoformat(), dt.date(first + 4, 12, 31).isoformat()
    for kind, pattern in _FORMS:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        try:
            if kind == "years":
                start, end = dt.date(int(m.group("y1")), 1, 1), dt.date(int(m.group("y2")), 12, 31)
                if start > end:
                    return None
            elif kind == "year_months":          # 2015年8月至2018年8月
                start = dt.date(int(m.group("y1")), int(m.group("m1")), 1)
                end = _month_end(int(m.group("y2")), int(m.group("m2")))
                if start > end:
                    return None
            else:
                if m.group("y"):
                    year = int(m.group("y"))
                elif day is None:
                    return None
                elif m.group("rel"):
                    year = day.year + {"今年": 0, "当年": 0, "去年": -1, "上年": -1, "明年": 1}[m.group("rel")]
                else:
                    year = day.year
                if kind in ("year_end", "year") and not (m.group("y") or m.group("rel")):
                    return None                       # 年末, 全年: this year's (a target) or last year's?
                # 12月份 read in January is last year's, and so is a running total that would end
                # long after the article (前三季度, 1-11月 read in January: reported once over);
                # 10月份 read in August is this year's coming month (more than half a year ahead
                # makes it last year's)
                cumulative = kind in ("months", "first", "quarters")
                try:
                    start, end = _span(kind, m, year)
                except ValueError:                     # 2月29日 of a leap year, read the year after
                    start = end = None
                if not (m.group("y") or m.group("rel")) and (
                        start is None or (end if cumulative else start) > day + dt.timedelta(days=183)):
                    start, end = _span(kind, m, year - 1)
            if start is None or start > end:            # 2021年2月29日: no such day
                return None
        except (ValueError, KeyError):                # 2月30日, 13月
            return None
        if as_of:
            return end.isoformat(), end.isoformat()
        if since:
            return start.isoformat(), None
        return start.isoformat(), end.isoformat()
    return None
