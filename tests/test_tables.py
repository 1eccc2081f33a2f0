"""HTML tables: the reader's grid of cells (row and column spans) and the figures read from a
table by its headers (kg/extract/table_figures.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import extract
from kg.readers import read_bytes, read_file

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

TABLE = """<p>1—11月份，全国规模以上工业企业实现利润总额79750.1亿元，同比增长38.0%。</p>
<p>表1 2021年1—11月份规模以上工业企业主要财务指标</p>
<table border="1"><tbody>
<tr><td rowspan="2">分　组</td><td colspan="2">营业收入</td><td colspan="2">利润总额</td><td>企业数</td></tr>
<tr><td>1-11月（亿元）</td><td>同比增长（%）</td><td>1-11月（亿元）</td><td>同比增长（%）</td><td>11月末</td></tr>
<tr><td>总计</td><td>1143083.8</td><td>20.3</td><td>79750.1</td><td>38</td><td>400000</td></tr>
<tr><td>其中：采矿业</td><td>50643.2</td><td>42</td><td>9920.7</td><td>185.7</td><td>1000</td></tr>
<tr><td>　　　电力、热力、燃气及水生产和供应业</td><td>83964.4</td><td>15.7</td><td>3700.5</td><td>-28.2</td><td>2000</td></tr>
</tbody></table>
"""


def article(body: str, name: str = "t.html"):
    src = f"---\ntitle: '表'\ndate: 2021-12-27\n---\n{body}"
    return read_bytes(src.encode("utf-8"), name)


def test_the_reader_places_cells_in_their_tables_grid():
    art = article(TABLE)
    cells = {(c.row, c.col): (art.text[c.start:c.end], c.rows, c.cols) for c in art.table_cells}
    assert cells[(0, 0)] == ("分 组", 2, 1)                 # rowspan: row 1 starts in column 1
    assert cells[(0, 1)] == ("营业收入", 1, 2) and cells[(0, 3)] == ("利润总额", 1, 2)
    assert cells[(1, 1)][0] == "1-11月（亿元）" and cells[(1, 4)][0] == "同比增长（%）"
    assert cells[(3, 0)][0] == "其中：采矿业" and cells[(3, 4)][0] == "185.7"
    assert {c.table for c in art.table_cells} == {0}


def test_hostile_spans_are_bounded():
    rows = "".join(f'<tr><td rowspan="1000000" colspan="999999">{i}</td><td colspan="x">a</td></tr>' for i in range(50))
    art = article(f"<table>{rows}</table><p>正文。</p>")
    assert len(art.table_cells) == 100
    assert max(c.cols for c in art.table_cells) <= 20 and max(c.rows for c in art.table_cells) <= 20


def test_figures_are_read_by_their_headers():
    art = article(TABLE)
    got = {(q.indicator, q.surface): q for q in extract(art).quantities if q.rule == "table-cell"}
    q = got[("采矿业营业收入", "50643.2")]
    assert (q.value, q.unit, q.period, q.comparison) == (5064320000000.0, "CNY", "2021年1-11月", None)
    q = got[("采矿业利润总额", "185.7")]
    assert (q.value, q.unit, q.comparison, q.direction) == (185.7, "PERCENT", "同比", "up")
    q = got[("电力、热力、燃气及水生产和供应业利润总额", "-28.2")]
    assert (q.value, q.direction) == (-28.2, "down")
    assert ("营业收入", "1143083.8") in got                  # the total: no group in the indicator
    # a column whose headers give no unit (企业数, 11月末) says nothing
    assert not [k for k in got if k[1] in ("400000", "1000", "2000")]


def test_a_table_figure_stated_in_the_text_too_is_one_fact():
    qs = [q for q in extract(article(TABLE)).quantities if abs(q.value - 7975010000000.0) < 1]
    assert len(qs) == 1 and qs[0].rule != "table-cell"      # the text's statement comes first


def test_a_table_of_words_gives_no_figures():
    art = article("<table><tr><td>城市</td><td>批次</td></tr><tr><td>扬州</td><td>第六批</td></tr></table>")
    assert not [q for q in extract(art).quantities if q.rule == "table-cell"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_the_statistical_release_in_the_corpus():
    art = read_file(CORPUS / "articles" / "a0169.md")
    figs = [q for q in extract(art).quantities if q.rule == "table-cell"]
    assert len(figs) > 300
    by = {(q.indicator, q.surface) for q in figs}
    assert ("制造业营业收入", "1008476.2") in by and ("采矿业营业收入利润率", "19.59") in by
    assert all(q.period and q.period.startswith("2021年") for q in figs)


def test_a_huge_table_stays_linear():
    # 20,000 rows of figures: read, and merged against each other, without a quadratic pass
    import time
    rows = "".join(f"<tr><td>组{i}</td><td>{i}.5</td></tr>" for i in range(20000))
    art = article("<p>表1 2021年指标</p><table><tr><td>分组</td><td>收入（亿元）</td></tr>" + rows + "</table>")
    t = time.process_time()
    figs = [q for q in extract(art).quantities if q.rule == "table-cell"]
    assert len(figs) == 20000
    assert time.process_time() - t < 30        # seconds: a guard against a hang, not a benchmark


def test_a_markdown_tables_figures(tmp_path):
    from kg.pipeline import extract
    from kg.readers import read_file
    f = tmp_path / "m.md"
    f.write_text("---\ntitle: 货币数据\n---\n\n| 指标 | 余额（万亿元） | 同比增长（%） |\n| --- | --- | --- |\n"
                 "| M2余额 | 264.7 | 9.0 |\n| M1余额 | 67.4 | -5.8 |\n", encoding="utf-8")
    found = {(q.indicator, q.value, q.unit, q.direction) for q in extract(read_file(f)).quantities}
    # a change column beside a row label needs no measure of its own; the label says what 余额 is
    assert found == {("M2余额", 2.647e14, "CNY", None), ("M2余额", 9.0, "PERCENT", "up"),
                     ("M1余额", 6.74e13, "CNY", None), ("M1余额", -5.8, "PERCENT", "down")}


def test_a_plain_tables_change_column_and_place_rows(tmp_path):
    # (docs audit) | 地区 | 收入（亿元） | 增速（%） |: the change is of 收入, and a row labelled by a
    # place is that place's figure, its name no part of the indicator
    f = tmp_path / "m.md"
    f.write_text("---\ntitle: 2021年各省财政收入\ndate: 2022-02-17\n---\n\n2021年各省一般公共预算收入如下。\n\n"
                 "| 地区 | 收入（亿元） | 增速（%） |\n| --- | --- | --- |\n| 广东 | 14103.4 | 10.6 |\n"
                 "| 浙江 | 8262.6 | 14.0 |\n", encoding="utf-8")
    found = {(q.indicator, q.place.text if q.place else None, q.value, q.unit)
             for q in extract(read_file(f)).quantities if q.rule == "table-cell"}
    assert found == {("收入", "广东", 1.41034e12, "CNY"), ("收入", "广东", 10.6, "PERCENT"),
                     ("收入", "浙江", 8.2626e11, "CNY"), ("收入", "浙江", 14.0, "PERCENT")}
    f.write_text("---\ntitle: 利润\n---\n\n| 行业 | 利润总额（亿元） | 同比增长（%） |\n| --- | --- | --- |\n"
                 "| 制造业 | 2000.5 | 8.1 |\n", encoding="utf-8")
    found = {(q.indicator, q.place, q.unit) for q in extract(read_file(f)).quantities if q.rule == "table-cell"}
    assert found == {("制造业利润总额", None, "CNY"), ("制造业利润总额", None, "PERCENT")}


def test_a_column_kind_word_is_no_measure(tmp_path):
    # (the review) | 指标 | 绝对数（亿元） | 比上年增长（%） |: the row's label is what is measured
    f = tmp_path / "m.md"
    f.write_text("---\ntitle: 统计公报\n---\n\n| 指标 | 绝对数（亿元） | 比上年增长（%） |\n| --- | --- | --- |\n"
                 "| 社会消费品零售总额 | 440823 | 12.5 |\n", encoding="utf-8")
    assert {q.indicator for q in extract(read_file(f)).quantities if q.rule == "table-cell"} == {"社会消费品零售总额"}


def test_a_change_column_takes_no_measure_from_a_column_without_unit(tmp_path):
    # (the second review) | 排名 | and | 所属区域 | are no measure of the change beside them
    f = tmp_path / "m.md"
    f.write_text("---\ntitle: t\n---\n\n| 地区 | 所属区域 | 同比增长（%） |\n| --- | --- | --- |\n| 江苏 | 东部 | 5.8 |\n",
                 encoding="utf-8")
    assert [q.indicator for q in extract(read_file(f)).quantities if q.rule == "table-cell"] != ["所属区域"]


def test_two_cells_holding_one_number_are_two_figures():
    # a0169: the 总计 row's 83.72 and the 股份制企业 row's are the nation's and a group's
    body = ("<p>表2 2021年1—11月份规模以上工业企业经济效益指标</p><table>"
            "<tr><td>分组</td><td>每百元营业收入中的成本（元）</td></tr>"
            "<tr><td>总计</td><td>83.72</td></tr><tr><td>其中：股份制企业</td><td>83.72</td></tr></table>")
    figs = {q.indicator for q in extract(article(body)).quantities if q.rule == "table-cell"}
    assert figs == {"每百元营业收入中的成本", "股份制企业每百元营业收入中的成本"}


@pytest.mark.parametrize("order", ["text first", "table first"])
def test_a_text_figure_restates_one_cell_and_renames_none(order):
    # the session's review: the sentence is the 总计 row's figure, not also the 股份制企业 row's
    table = ("<p>表2 2021年1—11月份规模以上工业企业经济效益指标</p><table>"
             "<tr><td>分组</td><td>每百元营业收入中的成本（元）</td></tr>"
             "<tr><td>总计</td><td>83.72</td></tr><tr><td>其中：股份制企业</td><td>83.72</td></tr></table>")
    sent = "<p>1—11月份，每百元营业收入中的成本为83.72元。</p>"
    body = sent + table if order == "text first" else table + sent
    got = sorted(q.indicator for q in extract(article(body)).quantities if q.value == 83.72)
    assert got == ["每百元营业收入中的成本", "股份制企业每百元营业收入中的成本"]


@pytest.mark.parametrize("body, name", [
    ("| 指标 | 2021年 | 同比 |\n| --- | --- | --- |\n| 出口 | 21.73万亿元 | 21.2% |\n| 进口 | 17.37万亿元 | -1.5% |\n", "t.md"),
    ("<table><tr><td>指标</td><td>2021年</td><td>同比</td></tr><tr><td>出口</td><td>21.73万亿元</td><td>21.2%</td></tr>"
     "<tr><td>进口</td><td>17.37万亿元</td><td>-1.5%</td></tr></table>", "t.html"),
])
def test_cells_that_carry_their_units_are_figures(body, name):
    # the new-user audit: the same figures in prose were extracted, in such a table nothing was
    found = {(q.indicator, q.value, q.unit, q.period, q.comparison, q.direction)
             for q in extract(article(body, name)).quantities if q.rule == "table-cell"}
    assert found == {("出口", 21730000000000.0, "CNY", "2021年", None, None), ("出口", 21.2, "PERCENT", None, "同比", "up"),
                     ("进口", 17370000000000.0, "CNY", "2021年", None, None), ("进口", -1.5, "PERCENT", None, "同比", "down")}
