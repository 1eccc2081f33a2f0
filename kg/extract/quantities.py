"""Quantities: value normalised to base units, QUDT unit, indicator, period, comparison, source.

Years, dates, ordinals (第N), durations (N个月, N年) and list numbering are not quantities.
Titles are never read (the aggregator lost decimal points in titles: 107% for 10.7%).
"""
from __future__ import annotations

import bisect
import re

from ..model import Quantity, Records, Span
from .base import Context, FunctionExtractor
from .numbers import parse_arabic, parse_chinese, scale

NAME = "quantities"
VERSION = "1"
TAG = f"{NAME}@{VERSION}"
HAN = r"\u4e00-\u9fff"

NUM = r"(?P<num>[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?)"
CNUM = r"(?P<cnum>[零〇一二两三四五六七八九十百千万]+)"
SCALE = r"(?P<scale>万亿|千亿|百亿|亿|千万|百万|万|千)?"
CURRENCIES = {"元": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD",
              "日元": "JPY", "英镑": "GBP", "韩元": "KRW", "卢布": "RUB"}
MEASURES = {"万吨": ("TONNE", 1e4), "吨": ("TONNE", 1), "平方米": ("M2", 1), "平方公里": ("KiloM2", 1),
            "公里": ("KiloM", 1), "千米": ("KiloM", 1), "亩": ("MU", 1), "千瓦时": ("KiloW-HR", 1),
            "千瓦": ("KiloW", 1), "立方米": ("M3", 1)}
COUNTERS = "个|家|项|座|条|件|份|人次|人|户|名|位|所|套|批|款|只|台|辆|架|艘|种|类|类别|宗|起|例|处|间|栋|张|笔|支|场|部门|国|省|城市|地区|剂|株|头|棵|亩次|单|篇|部|册"
_CURRENCY = "|".join(sorted(CURRENCIES, key=len, reverse=True))
_MEASURE = "|".join(sorted(MEASURES, key=len, reverse=True))

_PATTERN = re.compile(
    rf"(?P<prefix>第|前|近|约|超|超过|逾|达|约合)?(?:{NUM}|{CNUM}){SCALE}"
    rf"(?:(?P<pp>个百分点)|(?P<pct>[%％])|(?P<cur>(?:{_CURRENCY})(?:人民币)?)|(?P<meas>{_MEASURE})"
    rf"|(?P<cnt>(?:多)?(?:{COUNTERS})))")
_PERIOD = re.compile(r"(?:(?:19|20)\d{2}年)?(?:前?[一二三四]季度|上半年|下半年|全年|前\d{1,2}个月|\d{1,2}[-—至~]\d{1,2}月|\d{1,2}月份?|1[-—]\d{1,2}月)"
                     r"|(?:19|20)\d{2}年")
_COMPARE = re.compile(r"同比|环比|比上月|比上年|较上年|比去年同期|比\d{4}年同期|两年平均|年均")
_SOURCE = re.compile(rf"(?:根据|据)(?P<src>[{HAN}A-Za-z]{{2,12}}?(?:统计|数据|发布|公布|显示))")
_INDICATOR_LEAD = re.compile(r"^(?:包括|其中|主要|为|对|向|在|有|超过了|超过|几乎|拥有|一个|已经|已|将|共|累计|全年|当月|以|按|从|由|比)+")
_INDICATOR_STRIP = re.compile(r"(?:同比|环比|录得|分别|累计|共计|合计|共|达到|达|为|增长|下降|上涨|下跌|增加|减少|提高|降低|回落|回升|扩大|收窄|实现|完成|超过|约|近|逾|了|至|到|比重|占比)+$")


def _indicator(text: str, start: int, s0: int) -> str | None:
    left = text[max(s0, start - 24):start]
    left = re.sub(r"(?:比|较|相比)(?:(?:19|20)\d{2}年)?(?:同期|上月|上年|去年)", "，", left)
    left = re.split(r"[，。；：,;:、（）()“”]", left)[-1]
    left = re.sub(r"^.*?(?:\d{4}年|\d{1,2}月|前\d{1,2}个月|[一二三四]季度|上半年|全年)", "", left)
    left = _INDICATOR_STRIP.sub("", left)
    left = re.sub(r"^(?:我国|全国|其中|今年|去年|目前|当月|当年|此外|同时)+", "", left)
    left = _INDICATOR_LEAD.sub("", left)
    left = _INDICATOR_STRIP.sub("", left)
    return left if 2 <= len(left) <= 16 else None


def extract(ctx: Context) -> Records:
    art = ctx.article
    text = art.text
    rec = Records()
    places = sorted((m for m in ctx.records.mentions if m.span is not None
                     and m.kind in ("Place", "City", "AdministrativeArea", "Country")), key=lambda m: m.span.start)
    place_starts = [p.span.start for p in places]
    for m in _PATTERN.finditer(text):
        prefix = m.group("prefix") or ""
        if prefix == "第":
            continue
        if m.group("num"):
            try:
                value = parse_arabic(m.group("num"))
            except ValueError:
                continue
        else:
            v = parse_chinese(m.group("cnum"))
            if v is None or not (m.group("cnt")):
                continue
            # 一个/一批/两个/三个特点 are articles and list counts more often than statistics
            if v < 4 or not any(ch in "一二两三四五六七八九" for ch in m.group("cnum")):
                continue
            value = float(v)
        value *= scale(m.group("scale"))
        if m.group("pp"):
            unit, extra = "PERCENT", "百分点"
        elif m.group("pct"):
            unit, extra = "PERCENT", None
        elif m.group("cur"):
            unit, extra = CURRENCIES[m.group("cur").replace("人民币", "") or "人民币"], None
        elif m.group("meas"):
            unit, factor = MEASURES[m.group("meas")]
            value *= factor
            extra = None
        else:
            cnt = m.group("cnt")
            # 前11个月 / 3个月: a period, not a count; N年 never reaches here
            tail = text[m.end():m.end() + 1]
            if cnt == "个" and tail == "月" or prefix == "前":
                continue
            if cnt in ("国", "省", "城市", "地区") and m.group("cnum") and len(m.group("cnum")) == 1 and value < 2:
                continue
            unit, extra = "NUM", None
        start = m.start() + len(prefix)
        num_start = m.start("num") if m.group("num") else m.start("cnum")
        s = art.sentence_at(start)
        s0, s1 = (s.start, s.end) if s else (0, len(text))
        sentence = text[s0:s1]
        # 比2019年同期增长: 2019年 is the base of a comparison, not the period
        left = re.sub(r"(?:比|较|相比)(?:19|20)\d{2}年(?:同期)?", lambda m: " " * len(m.group()), text[s0:num_start])
        period = None
        for pm in _PERIOD.finditer(left):
            period = pm.group()
        cmp_match = None
        for cm in _COMPARE.finditer(text[max(s0, num_start - 12):num_start]):
            cmp_match = cm.group()
        source = None
        sm = _SOURCE.search(text[max(0, s0 - 60):s1])
        if sm:
            source = sm.group("src")
        # the place the figure is about: the nearest place named earlier in the same clause
        clause_start = max(s0, max(text.rfind(c, s0, num_start) for c in "，；。") + 1)
        place = None
        k = bisect.bisect_left(place_starts, num_start) - 1
        while k >= 0 and places[k].span.start >= clause_start:
            if places[k].span.end <= num_start:
                place = places[k]
                break
            k -= 1
        # 鄂尔多斯市、扬州市、镇江市等27个城市: a count of a list, not a figure about its last place
        if place is not None and re.match(r"\s*(?:等|、|和|及)", text[place.span.end:num_start]):
            place = None
        conf = 0.85 if unit != "NUM" else 0.7
        rec.quantities.append(Quantity(value=value, unit=unit, surface=text[num_start:m.end()],
                                       span=Span(num_start, m.end()), confidence=conf,
                                       indicator=_indicator(text, num_start, s0), period=period,
                                       comparison=extra or cmp_match, source=source, place=place, extractor=TAG,
                                       rule=f"number-{unit.lower()}"))
        del sentence
    # 进出口总值3.72万亿元，同比增长20.5%: a rate without its own indicator or period measures the
    # figure just before it in the same sentence
    for prev, q in zip(rec.quantities, rec.quantities[1:]):
        if art.sentence_at(prev.span.start) is art.sentence_at(q.span.start):
            if q.indicator is None and prev.indicator and q.unit == "PERCENT":
                q.indicator = prev.indicator
            if q.period is None and prev.period:
                q.period = prev.period
    return rec


EXTRACTOR = FunctionExtractor(NAME, VERSION, extract, requires=("mentions",), produces=("quantities",),
                              description="amounts, percentages, counts and measures with indicator and period")
