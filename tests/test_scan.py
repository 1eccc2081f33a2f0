"""kg.extract.scan.Anchored finds exactly what pattern.finditer finds, only sooner."""
from __future__ import annotations

import re

import pytest

from kg.extract import entities, events
from kg.extract.scan import Anchored
from kg.readers import iter_article_files, read_file

SCANS = {
    "company": entities._COMPANY_SCAN,
    "institution": entities._INSTITUTION_SCAN,
    "named event": events._NAMED_SCAN,
    "plenum": events._SESSION_SCANS[0],
    "congress": events._SESSION_SCANS[1],
    "npc session": events._SESSION_SCANS[2],
    "cppcc session": events._SESSION_SCANS[3],
    "press event": entities._PRESS_EVENT_SCAN,
    "zone": entities._ZONE_SCAN,
}


# few or none in the corpus (the edge texts hold them all)
RARE = {"plenum": 1, "congress": 1, "npc session": 1, "cppcc session": 0}


def spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("name", sorted(SCANS))
def test_same_matches_as_finditer_on_the_corpus(name, corpus):
    scan = SCANS[name]
    files, _ = iter_article_files([corpus])
    found = 0
    for f in files:
        text = read_file(f).text
        expected = spans(scan.pattern.finditer(text))
        assert spans(scan.finditer(text)) == expected, f
        found += len(expected)
    assert found >= RARE.get(name, 6), "the corpus should hold matches of every pattern"


# the edges: a name at the very start, names back to back, a bracketed part, a suffix with
# no name before it, the anchor inside a longer match, lookbehinds before the search position
EDGE_TEXTS = [
    "华为技术有限公司与中国石油天然气集团有限公司签约，另有公司未具名。",
    "（北京）有限公司和中粮集团（香港）有限公司、集团、集团公司、股份有限公司",
    "海南大学学院路小学、中国劳动学会与吉林大学附属医院。大学",
    "出席第五届中国国际进口博览会、2023年夏季达沃斯论坛。论坛在天津召开。",
    "国务院新闻办公室举行新闻发布会，商务部召开例行新闻发布会；在会上召开发布会。记者会",
    "雄安新区、北京经济技术开发区和中新天津生态城，新区",
    "",
    "有限公司",
    "党的十九届六中全会、中共十九届中央委员会第六次全体会议，十三届全国人大四次会议和第十三届全国人民代表大会"
    "常务委员会第三十次会议；全国政协十三届四次会议、中国人民政治协商会议第十三届全国委员会第四次会议。党的二十大、"
    "十八大以来、中共二大会址、中国共产党第一次全国代表大会。届",
]


@pytest.mark.parametrize("name", sorted(SCANS))
@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_same_matches_at_the_edges(name, text):
    scan = SCANS[name]
    assert spans(scan.finditer(text)) == spans(scan.pattern.finditer(text))


def test_a_reach_too_short_misses_matches():
    # the test above can fail: an anchor placed too far in for its reach loses the match
    pattern = re.compile(r"[a-z]{2,10}?END")
    text = "xx abcdefghEND"
    assert spans(Anchored(pattern, "END", 10).finditer(text)) == spans(pattern.finditer(text))
    assert spans(Anchored(pattern, "END", 3).finditer(text)) != spans(pattern.finditer(text))


def test_occurrences_are_finditer_of_the_escaped_word():
    import re
    from kg.extract.scan import occurrences
    for word, text in [("高峰", "高峰说，高峰高峰。早高峰"), ("a.b", "a.b axb a.b"), ("", "abc"), ("xx", "xxx"), ("李", "")]:
        want = [m.span() for m in re.finditer(re.escape(word), text)] if word else []
        assert [m.span() for m in occurrences(word, text)] == want
        assert [m.group() for m in occurrences(word, text)] == [text[a:b] for a, b in want]
