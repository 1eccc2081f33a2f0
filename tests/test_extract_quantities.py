"""Quantities: normalised values, units, periods, comparisons; years, dates and ordinals are not quantities."""
from __future__ import annotations

import pytest

from extract_helpers import records
from kg.extract.numbers import parse_chinese


def quantities(text):
    _, rec = records(text)
    return rec.quantities


CASES = [
    ("2021年进出口额达到1.98万亿元人民币，同比增长15%。", {(1.98e12, "CNY"), (15.0, "PERCENT")}),
    ("截至目前，全国共设立跨境电商综试区132个。", {(132.0, "NUM")}),
    ("涨幅比上月扩大0.8个百分点。", {(0.8, "PERCENT")}),
    ("12月出口预计3150亿美元。", {(3.15e11, "USD")}),
    ("投放100万吨国家钾肥储备。", {(1e6, "TONNE")}),
    ("建筑面积不少于3000平方米且不少于50套（间）。", {(3000.0, "M2"), (50.0, "NUM")}),
    ("制造业等六个行业的增量留抵税额。", {(6.0, "NUM")}),
    ("进出口总值１２．５万亿元。", {(1.25e13, "CNY")}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:10] for c in CASES])
def test_values_and_units(text, expected):
    found = {(q.value, q.unit) for q in quantities(text)}
    for value, unit in expected:
        assert any(abs(v - value) < 1e-6 * max(1, value) and u == unit for v, u in found), (value, unit, found)


@pytest.mark.parametrize("text", [
    "2月17日，在商务部召开的例行新闻发布会上。",          # dates
    "第二十八届贸易部长会议在泰国举行。",                 # ordinals
    "前11个月我国外贸继续增长。",                         # periods
    "一是覆盖面广。二是区域重点突出。",                   # list numbering
    "这是一个重要的机遇，也是一批企业的期待。",           # indefinite 一个/一批
])
def test_not_quantities(text):
    assert quantities(text) == [], [(q.surface, q.value) for q in quantities(text)]


def test_period_comparison_and_indicator():
    q = next(q for q in quantities("2021年进出口额达到1.98万亿元人民币，同比增长15%。") if q.unit == "PERCENT")
    assert q.comparison == "同比"
    q = next(q for q in quantities("2021年进出口额达到1.98万亿元人民币，同比增长15%。") if q.unit == "CNY")
    assert q.period == "2021年" and q.indicator == "进出口额"


def test_source_is_recorded():
    q = quantities("根据海关统计，2021年进出口额达到1.98万亿元人民币。")[0]
    assert q.source and "海关统计" in q.source


def test_titles_are_never_read():
    art, rec = records("11月我国进出口总值同比增长20.5%。", title="进出口总值同比增长205%")
    assert {q.value for q in rec.quantities} == {20.5}


@pytest.mark.parametrize("text,value", [("二十七", 27), ("一千二百三十四", 1234), ("三万五千", 35000), ("十五", 15)])
def test_chinese_numerals(text, value):
    assert parse_chinese(text) == value
