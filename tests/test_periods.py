"""kg.extract.periods: a figure's period as written -> the dates it covers."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.periods import period_dates

DEC = dt.date(2021, 12, 15)          # the article's day in China
JAN = dt.date(2022, 1, 10)


@pytest.mark.parametrize("period, day, dates", [
    ("2021年1—11月份", DEC, ("2021-01-01", "2021-11-30")),
    ("1-11月", DEC, ("2021-01-01", "2021-11-30")),            # the article's year
    ("1-11月", JAN, ("2021-01-01", "2021-11-30")),            # a running total read after it ends
    ("前三季度", JAN, ("2021-01-01", "2021-09-30")),
    ("前10个月", DEC, ("2021-01-01", "2021-10-31")),
    ("前2月", DEC, ("2021-01-01", "2021-02-28")),            # 个 left out (a0014, a0098)
    ("前两个月", DEC, ("2021-01-01", "2021-02-28")),
    ("10月份", DEC, ("2021-10-01", "2021-10-31")),
    ("12月份", JAN, ("2021-12-01", "2021-12-31")),            # would start after the article
    ("1月", JAN, ("2022-01-01", "2022-01-31")),
    ("十一月", DEC, ("2021-11-01", "2021-11-30")),
    ("三季度", DEC, ("2021-07-01", "2021-09-30")),
    ("第一季度", DEC, ("2021-01-01", "2021-03-31")),
    ("上半年", DEC, ("2021-01-01", "2021-06-30")),
    ("2020年下半年", DEC, ("2020-07-01", "2020-12-31")),
    ("2021年", DEC, ("2021-01-01", "2021-12-31")),
    ("2021年全年", DEC, ("2021-01-01", "2021-12-31")),
    ("2015年8月至2018年8月", DEC, ("2015-08-01", "2018-08-31")),  # months across years (a0136)
    ("2015年8月至2015年7月", DEC, None),                      # backwards: no dates
    ("去年", DEC, ("2020-01-01", "2020-12-31")),
    ("今年1-4月", DEC, ("2021-01-01", "2021-04-30")),
    ("2021年11月末", DEC, ("2021-11-30", "2021-11-30")),     # an instant
    ("2021年底", DEC, ("2021-12-31", "2021-12-31")),
    ("11月15日", DEC, ("2021-11-15", "2021-11-15")),
    ("截至2021年6月末", DEC, ("2021-06-30", "2021-06-30")),  # as of: the one day
    ("截至7月底", DEC, ("2021-07-31", "2021-07-31")),
    ("7月20日以来", DEC, ("2021-07-20", None)),               # since: a start, no end
    ("2021年8月1日起", DEC, ("2021-08-01", None)),
    ("2013-2018年", DEC, ("2013-01-01", "2018-12-31")),
    ("2002年至2015年", DEC, ("2002-01-01", "2015-12-31")),
    ("截止6月末", DEC, ("2021-06-30", "2021-06-30")),
    ("10月份", dt.date(2021, 8, 30), ("2021-10-01", "2021-10-31")),   # the coming month, not last year's
    ("前三个月", dt.date(2022, 3, 3), ("2022-01-01", "2022-03-31")),   # a running total about to end
    ("2月29日", dt.date(2025, 1, 10), ("2024-02-29", "2024-02-29")),   # last year's leap day
    ("“十四五”期间", DEC, ("2021-01-01", "2025-12-31")),      # a five-year plan's years (a0016)
    ("十三五时期", DEC, ("2016-01-01", "2020-12-31")),
    ("十一五期间", None, ("2006-01-01", "2010-12-31")),
    ("截至目前", DEC, ("2021-12-15", "2021-12-15")),          # as of the article's day (a0147)
    ("目前", DEC, ("2021-12-15", "2021-12-15")),
    ("4月1日至8月31日", DEC, ("2021-04-01", "2021-08-31")),  # days from one to the other (a0189)
    ("2021年12月1日至2022年1月31日", DEC, ("2021-12-01", "2022-01-31")),
])
def test_periods_as_dates(period, day, dates):
    assert period_dates(period, day) == dates


@pytest.mark.parametrize("period, day", [
    ("全年", DEC), ("年末", DEC),           # this year's target or last year's figure: no guess
    ("11月初", DEC), ("本周", DEC), ("近三年", DEC), ("2月30日", DEC), ("2019年至2015年", DEC),
    ("10月份", None), ("目前", None), ("4月1日至8月31日", None),
    ("8月31日至4月1日", DEC),             # backwards      # an article without a date: only periods with their year
    ("2021年2月29日", DEC), ("今年2月30日", DEC), ("2021年4月31日", DEC),   # no such day (a scaled corpus had them)
    ("", DEC), (None, DEC),
])
def test_no_dates_rather_than_a_guess(period, day):
    assert period_dates(period, day) is None


def test_a_period_with_its_year_needs_no_article_date():
    assert period_dates("2021年10月份", None) == ("2021-10-01", "2021-10-31")


def test_the_graph_gives_a_figure_its_dates():
    from extract_helpers import article
    from kg.pipeline import article_graphs
    from kg.vocab import KG
    # the helper's articles are dated 2022-02-17
    _, g, _ = article_graphs(article("1月份，全国居民消费价格同比上涨0.9%。"))
    assert {str(o) for o in g.objects(None, KG.periodStart)} == {"2022-01-01"}
    assert {str(o) for o in g.objects(None, KG.periodEnd)} == {"2022-01-31"}


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789年月日末底初前后上下半全季度个第一二三四五六七八九十今去明截至止以来起份-—至到", max_size=16),
       st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))))
def test_any_period_gives_dates_in_order_or_none_and_never_fails(period, day):
    """kg.extract.periods runs on whatever an article writes: it never raises (an impossible day in
    a scaled corpus, 2021年2月29日, once failed the whole article), and dates come in order."""
    got = period_dates(period, day)
    if got is not None:
        start, end = got
        assert start is not None and (end is None or start <= end)
