"""Figures in HTML tables: a statistical release's table of indicators by group.

    表1 2021年1—11月份规模以上工业企业主要财务指标
    分组        | 营业收入               | 利润总额
                | 1-11月（亿元） | 同比增长（%） | 1-11月（亿元） | 同比增长（%）
    总计        | 1143083.8      | 20.3          | 79750.1        | 38
    其中：采矿业 | 50643.2        | 42            | 9920.7         | 185.7

The reader gives each cell's place in the table's grid (kg.model.TableCell). The leading rows
without figures are the headers; the first column names each row's group. A figure's column
headers say what it measures (营业收入), its unit (（亿元）: 1e8 CNY; （%）), its period (1-11月,
11月末, in the caption's year) and whether it is a change (同比增长: up or down by its sign). A
column whose unit the headers do not give is left alone: a bare number says nothing; a cell that
carries its unit (| 出口 | 21.73万亿元 | 21.2% |) is read by it, its row's label saying what it measures.
"""
from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from ..model import Quantity, Span
from .numbers import SCALES

_NUMBER = re.compile(r"[-+－−]?\d{1,15}(?:\.\d+)?")
_UNIT_IN = re.compile(r"[（(]([^（）()]{1,8})[）)]\s*$")
_CURRENCY_UNITS = {"元": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD", "日元": "JPY"}
_MEASURE_UNITS = {"吨": ("TONNE", 1), "万吨": ("TONNE", 1e4), "千瓦时": ("KiloW-HR", 1), "亿千瓦时": ("KiloW-HR", 1e8),
                  "万千瓦时": ("KiloW-HR", 1e4), "个": ("NUM", 1), "家": ("NUM", 1), "人": ("NUM", 1),
                  "万人": ("NUM", 1e4), "户": ("NUM", 1), "万户": ("NUM", 1e4), "辆": ("NUM", 1), "万辆": ("NUM", 1e4),
                  "天": ("DAY", 1), "平方米": ("M2", 1), "万平方米": ("M2", 1e4)}
_PERIOD = re.compile(r"(?:\d{4}年)?(?:\d{1,2}[-—–~至]\d{1,2}月份?|\d{1,2}月(?:末|份|底)?|[一二三四]季度|前三季度|"
                     r"上半年|下半年|全年|年末|年初|年底)|\d{4}年度?")
_CHANGE = re.compile(r"(?P<cmp>同比|环比|比上年同期|比上年|比去年同期)?(?:增长|增减|增速|变动|变化|增幅)"
                     r"|(?P<cmp2>同比|环比)")
# a cell that carries its unit: | 出口 | 21.73万亿元 | 21.2% |
_CELL_FIGURE = re.compile(r"(?P<num>[-+－−]?\d{1,15}(?:\.\d+)?)\s*(?P<unit>(?:万亿|亿|万|千)?(?:元|美元|欧元|港元|日元)|[%％]|"
                          r"(?:万|亿)?(?:吨|千瓦时|个|家|人|户|辆))")
_CAPTION_PERIOD = re.compile(r"(?P<year>\d{4})年(?P<part>\d{1,2}[-—–~至]\d{1,2}月份?|\d{1,2}月份?|[一二三四]季度|"
                             r"前三季度|上半年|下半年|全年)?")
_TOTAL = re.compile(r"^(?:总计|合计|全部|总体|全国|总额|全体)$")


def _unit(header: str) -> tuple[str, float] | None:
    """（亿元） -> (CNY, 1e8); （%） -> (PERCENT, 1); （万元/人） and the like -> None."""
    m = _UNIT_IN.search(header)
    if not m:
        return None
    u = m.group(1).strip()
    if u in ("%", "％"):
        return "PERCENT", 1
    for scale in ("", *sorted(SCALES, key=len, reverse=True)):
        if u.startswith(scale) and u[len(scale):] in _CURRENCY_UNITS:
            return _CURRENCY_UNITS[u[len(scale):]], SCALES.get(scale, 1) if scale else 1
    if u in _MEASURE_UNITS:
        return _MEASURE_UNITS[u]
    return None


def _caption(art, first_cell_start: int) -> str:
    """The short paragraph right before the table (表1 2021年1—11月份…主要财务指标)."""
    paras = [p for p in art.paragraphs if p.end <= first_cell_start]
    if not paras:
        return ""
    text = art.text[paras[-1].start:paras[-1].end]
    return text if len(text) <= 80 else ""


def _names(grid, headers, col, value_of) -> list[str]:
    heads = []
    for h in headers:
        hc = grid.get((h, col))
        if hc is not None and hc not in heads:
            heads.append(hc)
    return [value_of(h) for h in heads]


def _measure_of(names: list[str]) -> str:
    """收入（亿元） -> 收入: what a column's headers name that is no period and no change."""
    out = []
    for name in names:
        bare = _UNIT_IN.sub("", name).strip().replace(" ", "")
        # (| 指标 | 绝对数（亿元） | 比上年增长（%） |: 绝对数 says what kind of column, not what is measured)
        if bare and not _PERIOD.fullmatch(bare) and not _CHANGE.fullmatch(bare) and not _COLUMN_KIND.fullmatch(bare):
            out.append(bare)
    return "".join(out)


_COLUMN_KIND = re.compile(r"绝对数|绝对额|绝对值|金额|数量|数值|总量|数额")


def figures(art, extractor: str, places=()) -> list[Quantity]:
    """`places`: the place mentions of the article; a row labelled by one is that place's."""
    text = art.text
    tables: dict[int, list] = defaultdict(list)
    for c in art.table_cells:
        tables[c.table].append(c)
    out: list[Quantity] = []
    for cells in tables.values():
        grid = {}
        for c in cells:
            for r in range(c.row, c.row + c.rows):
                for k in range(c.col, c.col + c.cols):
                    grid.setdefault((r, k), c)

        def value_of(c) -> str:
            return text[c.start:c.end].strip()

        rows = sorted({c.row for c in cells})
        numeric = {c.row for c in cells if c.col > 0 and (_NUMBER.fullmatch(value_of(c).replace(",", ""))
                                                          or _CELL_FIGURE.fullmatch(value_of(c).replace(",", "")))}
        headers = []
        for r in rows:
            if r in numeric:
                break
            headers.append(r)
        if not headers or not numeric:
            continue
        caption = _caption(art, min(c.start for c in cells))
        cm = _CAPTION_PERIOD.search(caption)
        year = cm.group("year") + "年" if cm else ""
        caption_period = (year + (cm.group("part") or "")) if cm else None
        for c in sorted(cells, key=lambda c: (c.row, c.col)):
            raw = value_of(c).replace(",", "")
            own = None if _NUMBER.fullmatch(raw) else _CELL_FIGURE.fullmatch(raw)
            if c.row in headers or c.col == 0 or not (own or _NUMBER.fullmatch(raw)):
                continue
            names = _names(grid, headers, c.col, value_of)
            if own is not None:                  # (the cell's own unit says more than any header)
                unit, raw = _unit(f"（{own.group('unit')}）"), own.group("num")
            else:
                unit = next((u for u in map(_unit, reversed(names)) if u), None)
            if unit is None:
                continue
            measure, period, comparison, change, kind_only = [], None, None, False, False
            for name in names:
                bare = _UNIT_IN.sub("", name).strip().replace(" ", "")
                if not bare:
                    continue
                if _COLUMN_KIND.fullmatch(bare):
                    kind_only = True        # (绝对数: the row's label says what is measured)
                elif _PERIOD.fullmatch(bare):
                    period = bare
                elif _CHANGE.fullmatch(bare):
                    change = True
                    cm_ = _CHANGE.fullmatch(bare)
                    comparison = cm_.group("cmp") or cm_.group("cmp2") or "同比"
                else:
                    measure.append(bare)
            if change and not measure and c.col > 1:
                # (| 地区 | 收入（亿元） | 增速（%） |: a change column with no measure of its own changes
                # what the column before it measures)
                before = _names(grid, headers, c.col - 1, value_of)
                # (only a column of figures with their unit: not | 排名 | nor | 所属区域 |)
                if not any(_CHANGE.fullmatch(_UNIT_IN.sub("", n).strip().replace(" ", "")) for n in before) \
                        and any(_unit(n) for n in before) and _measure_of(before):
                    measure = [_measure_of(before)]
            label_cell = grid.get((c.row, 0))
            group = re.sub(r"^\s*(?:其中|按[^：:]{1,6}分)[：:]\s*", "", value_of(label_cell)).replace(" ", "") \
                if label_cell is not None else ""
            # (| 广东 | 14103.4 |: a row labelled by a place is that place's figure; the place is no
            # part of what is measured)
            place = next((p for p in places if label_cell is not None and label_cell.start <= p.span.start
                          and p.span.end <= label_cell.end and p.text.replace(" ", "") == group), None) \
                if measure else None
            if place is not None:
                group = ""
            # (| M2余额 | 同比增长（%） |: a change needs no measure of its own beside its row's label)
            # (| 出口 | 21.73万亿元 |: nor does a figure that carries its unit)
            if not measure and not ((change or own is not None or kind_only) and group and not _TOTAL.match(group)):
                continue
            indicator = "".join(measure)
            if group and not _TOTAL.match(group) and not indicator.startswith(group):
                # (| M2余额 | 余额（万亿元） |: the row's label already says what the column does)
                indicator = group if group.endswith(indicator) else group + indicator
            number = Decimal(raw.replace("－", "-").replace("−", "-").lstrip("+"))
            direction = None
            if change:
                direction = "up" if number > 0 else "down" if number < 0 else None
            if period and year and not period.startswith(year[:4]):
                period = year + period
            out.append(Quantity(value=float(number * Decimal(repr(unit[1]))), unit=unit[0], surface=text[c.start:c.end], span=Span(c.start, c.end),
                                confidence=0.8, indicator=indicator, period=period or caption_period,
                                comparison=comparison, extractor=extractor, rule="table-cell", direction=direction,
                                place=place))
    return out
