"""A division's government and its bodies, however a text writes them: the suffixes that
make a place mention a body (江苏省 + 商务厅), and the one key a body gets (govbody:CODE:SUFFIX),
so 四川省绵阳市应急管理局 and 绵阳市应急管理局 are one entity."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import gazetteer

HAN = r"\u4e00-\u9fff"

# a city's numbered intermediate courts and the short forms courts go by (上海一中院, 杭州中院,
# 浙江高院), before the plain 中级人民法院 (a place's body is found by the first suffix that fits)
_NUMBERED = ("一", "二", "三", "四", "五")
_COURT_FULL = {**{f"{short}{n}中{tail}": f"第{n}中级人民法院" for n in _NUMBERED
                  for short, tail in (("", "院"), ("", "法院"), ("第", "院"), ("第", "法院"), ("第", "级法院"))},
               "中院": "中级人民法院", "中级法院": "中级人民法院", "高院": "高级人民法院", "高级法院": "高级人民法院"}
_COURTS = tuple(sorted({f"第{n}中级人民法院" for n in _NUMBERED} | set(_COURT_FULL), key=len, reverse=True)) + \
    ("高级人民法院", "中级人民法院")
# place + government body: 江苏省商务厅, 北京市发展和改革委员会, 深圳市人民政府
_GOV_SUFFIX = ("人民政府办公厅", "人民政府办公室", "政府办公厅", "政府办公室", "人民政府", "政府", "发展和改革委员会", "发展改革委", "发改委", "商务厅", "商务局", "商务委员会",
               "商务委", "财政厅", "财政局", "统计局", "人民银行", "税务局", "市场监督管理局", "市场监管局",
               "住房和城乡建设厅", "住房和城乡建设局", "住房和城乡建设委员会", "工业和信息化局", "工业和信息化委员会",
               "人力资源和社会保障厅", "人力资源和社会保障局", "发展和改革局", "科学技术厅", "科学技术局", "商务和投资促进局",
               "文化和旅游厅", "文化和旅游局", "卫生和计划生育委员会", "新闻出版广电局", "地方金融监管局", "监狱管理局", "监狱局", "住建局", "住建厅", "教育厅", "教育局", "卫生健康委员会",
               "卫健委", "公安厅", "公安局", "交通运输厅", "交通运输局", "工业和信息化厅", "工信厅", "经信委",
               "地方金融监督管理局", "金融监管局", "国资委", "人社厅", "人社局", "生态环境厅", "生态环境局",
               "农业农村厅", "农业农村局", "自然资源厅", "自然资源局", "应急管理厅", "应急管理局", "纪委监委",
               "纪委", "监委", "党委", "委员会") + _COURTS + ("人民法院", "人民检察院", "法院", "检察院",
               "海关", "中心支行", "分行", "银保监局", "证监局", "人大常委会", "政协",
               "住房保障和房产管理局", "住房保障和房屋管理局", "房产管理局", "房屋管理局",
               "委网络安全和信息化委员会办公室", "网络安全和信息化委员会办公室", "委网信办", "网信办",
               "药品监督管理局", "药监局", "委", "厅", "局", "办")
_GOV_SUFFIX_LONGEST = tuple(sorted(_GOV_SUFFIX, key=len, reverse=True))
SUFFIX_LAST_CHARS = frozenset(s[-1] for s in _GOV_SUFFIX)
BRANCH_SUFFIX = ("分行", "中心支行")
BANK_END = re.compile(r"(?:行|农信社|信用社)$")     # 南京银行, 农商行, 农行, 建行
# suffixes that do not say which body: 南通分行 (of which bank?), 市局, 省厅, 委员会, 办
_UNKEYED_SUFFIX = frozenset({"分行", "办", "局", "厅", "委员会"})
# short forms of a body's name: the key (and label) use the full one, so 甘肃省监狱局 and
# 甘肃省监狱管理局, 浙江省发改委 and 浙江省发展和改革委员会 are one body
_SUFFIX_FULL = {"发展改革委": "发展和改革委员会", "发改委": "发展和改革委员会", "商务委": "商务委员会",
                "市场监管局": "市场监督管理局", "住建局": "住房和城乡建设局", "住建厅": "住房和城乡建设厅",
                "卫健委": "卫生健康委员会", "工信厅": "工业和信息化厅", "人社厅": "人力资源和社会保障厅",
                "人社局": "人力资源和社会保障局", "金融监管局": "地方金融监督管理局",
                "地方金融监管局": "地方金融监督管理局", "监狱局": "监狱管理局",
                # 市委网信办 = 市网信办: one office, whether the party committee is named or not
                "网信办": "网络安全和信息化委员会办公室", "委网信办": "网络安全和信息化委员会办公室",
                "委网络安全和信息化委员会办公室": "网络安全和信息化委员会办公室",
                "药监局": "药品监督管理局",
                # 省政府办公厅 = 省人民政府办公厅: one general office
                "政府办公厅": "人民政府办公厅", "政府办公室": "人民政府办公室",
                # 甘肃省纪委, 甘肃省监委, 甘肃省纪委监委: the two commissions are one office (合署办公)
                "纪委": "纪委监委", "监委": "纪委监委", **_COURT_FULL,
                # 江津法院, 江津区检察院: a county's or a district's court (a province's or a city's
                # 法院 are all its courts, 上海法院: no body)
                "法院": "人民法院", "检察院": "人民检察院"}
COUNTY_ONLY = frozenset({"法院", "检察院"})
# short forms that are a court only when they name one kg can key, and end a word (not 城中院落,
# 北京四中院士: a school's 四中)
SHORT_COURTS = frozenset(_COURT_FULL)
COURT_WORD_GOES_ON = frozenset("落子士长墙里内外门坝校区")
# bodies named by level alone (市市场监管局, 省发改委): the ones whose suffix says which body
# (not 委/局/办 alone, nor courts, branches and party bodies whose level 省/市 does not fix them)
BARE_BODY_SUFFIXES = tuple(x for x in _GOV_SUFFIX_LONGEST if x not in _UNKEYED_SUFFIX and len(x) >= 3
                           and x not in ("人民政府", "中心支行", "人民法院", "人民检察院", "人大常委会",
                                         "委员会", "人民银行") + _COURTS)


@lru_cache(maxsize=1)
def gov_suffix_res() -> list[tuple[str, re.Pattern]]:
    return [(suffix, re.compile(rf"(?:[省市县区州盟])?([{HAN}]{{0,6}}?){re.escape(suffix)}")) for suffix in _GOV_SUFFIX]


def body_key(place_key: str | None, middle: str, suffix: str) -> str | None:
    """A division's body has one key, however the division is written: 四川省绵阳市应急管理局 =
    绵阳市应急管理局, 广西南宁中级人民法院 = 南宁市中级人民法院 (govbody:CODE:SUFFIX). `middle` is
    what stands between the place mention and the suffix; it must be empty or a division within
    the place (else the body is something else, 江苏省地方金融监管局's 地方 is part of its name)."""
    if not (place_key or "").startswith("division:"):
        return None
    # 委 alone says which body only right after the division: 甘肃省委, its party committee
    if suffix in _UNKEYED_SUFFIX and not (suffix == "委" and not middle):
        return None
    code = place_key.split(":", 1)[1]
    if suffix in COUNTY_ONLY and (middle or code.endswith("00")):
        return None
    if middle:
        idx = gazetteer.division_index()
        # 绵阳市 or 绵阳, never 丽水地 (浙江丽水地委 is the prefecture's committee, not 丽水市委)
        # the name as written first (淮安市, not also 淮安区 by 淮安); a short name with its kind
        # word must name a division of that kind (临夏州 is the prefecture, not 临夏市 or 临夏县)
        found = None
        for form in ((middle, middle[:-1]) if middle[-1] in "省市县区州盟旗" else (middle,)):
            inner = {c for c in idx.get(form, ()) if code in {d.code for d in gazetteer.ancestors(c)} and c != code}
            if form != middle and len(inner) > 1:
                divs = gazetteer.divisions()
                inner = {c for c in inner if divs[c].name.endswith(middle[-1])}
            if len(inner) == 1:
                found = inner.pop()
                break
            if inner:
                return None
        if found is None:
            return None
        code = found
    return f"govbody:{code}:{_SUFFIX_FULL.get(suffix, suffix)}"


def government_key(text: str) -> str | None:
    """The key of a division's government or body named in full (甘肃省监狱管理局 ->
    govbody:620000:监狱管理局, 浙江省政府 -> gov:330000), so a name found by another rule (a CV
    line, a title) is the same entity as the one found after a place mention; else None."""
    idx = gazetteer.division_index()
    for suffix in _GOV_SUFFIX_LONGEST:
        if not text.endswith(suffix) or len(text) <= len(suffix):
            continue
        head = text[:-len(suffix)]
        for i in range(len(head), 1, -1):
            codes = sorted(set(idx.get(head[:i], ())))
            if len(codes) != 1:
                continue
            rest = head[i:]
            rest = rest[1:] if rest[:1] in ("省", "市", "县", "区") and head[:i][-1] not in "省市县区" else rest
            if suffix in ("人民政府", "政府"):
                return f"gov:{codes[0]}" if not rest else None
            return body_key(f"division:{codes[0]}", rest, suffix)
        return None
    return None
