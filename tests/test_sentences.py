"""Sentence splitting: a table of cases plus offset properties."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.readers.sentences import split_sentences

CASES = [
    ("", []),
    ("   \n \u3000 ", []),
    ("第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
    ("他说：“好。”", ["他说：“好。”"]),
    ("他说：“我们会继续努力。我们有信心。”随后离开。",
     ["他说：“我们会继续努力。我们有信心。”", "随后离开。"]),
    ("他表示：“要推进改革，”并称“将出台措施。”下一步。",
     ["他表示：“要推进改革，”并称“将出台措施。”", "下一步。"]),
    ("「甲。乙」丙。", ["「甲。乙」丙。"]),
    ("『一。二』三。四。", ["『一。二』三。", "四。"]),
    ('He said "yes! ok." then left. Next', ['He said "yes! ok." then left. Next']),
    ("增长3.5%，好于预期。", ["增长3.5%，好于预期。"]),
    ("甲；乙", ["甲；", "乙"]),
    ("真的吗？！是的。", ["真的吗？！", "是的。"]),
    ("What?! Yes!", ["What?!", "Yes!"]),
    ("（注：见附件。）下一句。", ["（注：见附件。）", "下一句。"]),
    ("第一行\n第二行", ["第一行", "第二行"]),
    ("第一行\n\n\n第二行。", ["第一行", "第二行。"]),
    # a quotation never closed (typo) must not swallow the rest of the paragraph
    ("他说：“好。然后走了。", ["他说：“好。", "然后走了。"]),
    # a stray closing quote used as an apostrophe
    ("China’s GDP增长。好。", ["China’s GDP增长。", "好。"]),
    ("他说：“她说‘是。’。”好。", ["他说：“她说‘是。’。”", "好。"]),
    # quotes do not span lines
    ("他说：“第一段。\n“第二段。”", ["他说：“第一段。", "“第二段。”"]),
    ("  第一句。  第二句。 ", ["第一句。", "第二句。"]),
    ("澎湃新闻记者 周頔", ["澎湃新闻记者 周頔"]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[repr(c[0])[:30] for c in CASES])
def test_split_table(text: str, expected: list[str]) -> None:
    got = split_sentences(text)
    assert [s.text for s in got] == expected
    for i, s in enumerate(got):
        assert s.index == i
        assert text[s.start:s.end] == s.text


def test_offsets_point_at_stripped_text() -> None:
    text = "  第一句。  第二句。 "
    a, b = split_sentences(text)
    assert (a.start, a.end) == (2, 6)
    assert (b.start, b.end) == (8, 12)


_alphabet = st.sampled_from(list("甲乙丙 \u3000\n。！？；!?“”‘’「」『』\"'（）a1.，"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_alphabet, max_size=60))
def test_properties(text: str) -> None:
    sents = split_sentences(text)
    prev_end = 0
    for i, s in enumerate(sents):
        assert s.index == i
        assert prev_end <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
        assert "\n" not in s.text
        prev_end = s.end
    # nothing but whitespace is lost
    covered = "".join(s.text for s in sents)
    assert "".join(covered.split()) == "".join(text.split())


def test_hostile_quotes_are_linear() -> None:
    text = "“" * 100_000 + "「" + "」" * 100_000 + "。" * 1000 + "a。" * 100_000
    t0 = time.perf_counter()
    split_sentences(text)
    assert time.perf_counter() - t0 < 5


def test_a_run_without_terminators_is_cut_at_clause_breaks():
    # every fact's evidence stores its sentence: one 117k-character "sentence" of a repeated
    # clause once took a build to 23 GB
    from kg.readers.sentences import MAX_SENTENCE_CHARS
    text = "商务部新闻发言人高峰表示，" * 300
    sents = split_sentences(text)
    assert len(sents) > 1 and max(len(s.text) for s in sents) <= MAX_SENTENCE_CHARS
    assert all(s.text.endswith("，") for s in sents)                 # at a clause break
    assert "".join(s.text for s in sents) == text
    assert [len(s.text) for s in split_sentences("字" * 2500)] == [1000, 1000, 500]   # no break: cut
