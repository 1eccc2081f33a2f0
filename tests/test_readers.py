"""Readers: every corpus file, the seed in detail, and small inline edge cases.

The corpus is ../shared/corpus relative to the repository root (or $KG_CORPUS). Without it the
corpus tests are skipped with a visible reason; the inline edge cases always run.
"""
from __future__ import annotations

import codecs
import hashlib
import html
import os
import re
import time
from pathlib import Path

import pytest

from kg.readers import ReadError, iter_article_files, read_bytes, read_file
from kg.readers import decode as decode_mod
from kg.readers.decode import decode_bytes
from kg.readers.html_body import tokenize

CORPUS = Path(os.environ.get("KG_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")
HAVE_CORPUS = CORPUS.is_dir()
NO_CORPUS = f"corpus not found at {CORPUS} (set KG_CORPUS)"


def _corpus_files() -> list[Path]:
    if not HAVE_CORPUS:
        return []
    return sorted(set(CORPUS.glob("**/*.md")) | set(CORPUS.glob("seed/*.txt")))


CORPUS_FILES = _corpus_files()
needs_corpus = pytest.mark.skipif(not HAVE_CORPUS, reason=NO_CORPUS)
corpus_params = (pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
                 if CORPUS_FILES else
                 pytest.mark.parametrize("path", [pytest.param(None, marks=pytest.mark.skip(reason=NO_CORPUS))]))

SEED = CORPUS / "seed" / "000_c397c42166a738cc.txt"


def _read(tmp_path: Path, name: str, data: bytes | str):
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return read_file(p)


def _paras(a) -> list[str]:
    return [a.text[p.start:p.end] for p in a.paragraphs]


def _check_offsets(a, src: str) -> None:
    """Paragraph and stock offsets agree with Article.text and with the decoded source."""
    assert a.text == "\n".join(_paras(a))
    prev = -1
    for p in a.paragraphs:
        t = a.text[p.start:p.end]
        assert t and t == t.strip(), repr(t)
        assert p.start > prev
        prev = p.end
        ss = p.source_start
        assert 0 <= ss < len(src)
        if src[ss] == "&":             # paragraph starting with an entity
            assert html.unescape(src[ss:ss + 12])[:1] == t[0] or src[ss:].startswith("&")
            continue
        assert src[ss] == t[0], (t[:20], src[ss:ss + 20])
        # the source text up to the next tag, normalised, is a prefix of the paragraph (or the
        # other way round when a blank line split the text run)
        stop = src.find("<", ss)
        raw = " ".join(html.unescape(src[ss:stop if stop >= 0 else len(src)]).split())
        assert t.startswith(raw) or raw.startswith(t), (t[:30], raw[:30])
    for s in a.stock_links:
        assert a.text[s.start:s.end] == s.word and s.word
    for s in a.sentences:
        assert a.text[s.start:s.end] == s.text


# ---------------------------------------------------------------- corpus

@corpus_params
def test_corpus_file_reads(path: Path) -> None:
    a = read_file(path)
    src = decode_bytes(path.read_bytes())
    assert a.title.strip()
    assert a.text.strip()
    assert a.fmt in ("sina-html", "html")
    assert a.meta.get("author")
    if a.meta["date_raw"] == "Invalid Date":      # two 证券时报网 items say literally that
        assert "date" not in a.meta
    else:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", a.meta["date"])
    assert not re.search(r"<\s*/?\s*[a-zA-Z!][^>]*>", a.text), "leftover markup"
    assert "<!--" not in a.text and "-->" not in a.text
    assert "海量资讯" not in a.text and "appendQr" not in a.text and "&#123;" not in a.text
    assert "责任编辑：" not in a.text or a.editor_raw
    assert a.sentences
    _check_offsets(a, src)
    assert a.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert a.path == str(path)


@needs_corpus
def test_corpus_all_found_and_fast() -> None:
    files, skipped = iter_article_files([CORPUS])
    assert len(files) == len(CORPUS_FILES) == 135
    assert [p.name for p in skipped] == ["SOURCES.tsv"]
    t0 = time.perf_counter()
    articles = [read_file(f) for f in files]
    elapsed = time.perf_counter() - t0
    assert elapsed < 2.0, f"reading the corpus took {elapsed:.2f}s"
    assert len({a.id for a in articles}) == len(articles)
    fmts = {a.fmt for a in articles}
    assert fmts == {"sina-html", "html"}


@needs_corpus
def test_seed() -> None:
    a = read_file(SEED)
    assert a.title == "商务部谈跨境电商试验区扩围：将完善综试区评估和退出机制"
    assert a.meta["date"] == "2022-02-17T08:10:10+00:00"
    assert a.meta["date_raw"] == "Thu, 17 Feb 2022 08:10:10 GMT"
    assert a.meta["author"] == "新浪财经"
    assert a.meta["categories"] == ["金融", "新浪财经", "新浪财经－国內"]
    assert a.meta["images"] == ["https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png"]
    assert a.meta["comments"] == "false"
    assert a.fmt == "sina-html"
    assert _paras(a)[0] == "澎湃新闻记者 周頔"
    assert _paras(a)[-1].startswith("五是继续深化国际合作")
    assert a.editor_raw == ["李墨轩"]
    assert "责任编辑" not in a.text
    [sl] = [s for s in a.stock_links if s.code == "sh600295"]
    assert sl.word == "鄂尔多斯" and a.text[sl.start:sl.end] == "鄂尔多斯"
    raw = SEED.read_bytes()
    src = decode_bytes(raw)
    assert src[a.paragraphs[0].source_start:].startswith("澎湃新闻记者 周頔</p>")
    assert a.source_offset(sl.start) is not None
    digest = hashlib.sha256(raw).hexdigest()
    assert a.id == hashlib.sha256(SEED.name.encode() + b"\0" + digest.encode()).hexdigest()[:16]
    assert a.sentences[0].text == "澎湃新闻记者 周頔"


@needs_corpus
def test_editor_with_code_is_cleaned() -> None:
    a = read_file(CORPUS / "articles" / "a0001.md")   # 责任编辑：刘万里 SF014
    assert a.editor_raw == ["刘万里"]


@needs_corpus
def test_article_adlist_comment_with_the_article_tail_is_read() -> None:
    # a0105 puts the second half of its article inside <!--article_adlist[...]article_adlist-->,
    # which Sina's page shows: the paragraphs are read, with offsets into the source
    path = CORPUS / "articles" / "a0105.md"
    a = read_file(path)
    assert "华南师范大学劳动与社会保障研究中心教授孙中伟接受中新经纬采访时表示" in a.text
    assert a.text.endswith("劳动者可依法提起诉讼。(中新经纬APP)")
    assert "article_adlist" not in a.text and "<p" not in a.text
    _check_offsets(a, decode_bytes(path.read_bytes()))
    assert a.editor_raw == ["李思阳"]
    assert a.meta["original_title"] == "16省份出手根治欠薪！2022年春节前全部清零"
    assert a.meta["original_source"] == "中新经纬"


@needs_corpus
def test_editor_in_plain_paragraph() -> None:
    # a0131 has no article-editor paragraph: "责任编辑：徐芸茜 主编：公培佳" is a normal <p>
    a = read_file(CORPUS / "articles" / "a0131.md")
    assert a.editor_raw == ["徐芸茜"]
    assert _paras(a)[-1] == "责任编辑：徐芸茜 主编：公培佳"


@needs_corpus
def test_stcn_stock_links() -> None:
    a = read_file(CORPUS / "articles" / "a0203.md")   # 证券时报网, <a class="trsHotWords">
    assert a.fmt == "html"
    codes = {(s.code, s.word) for s in a.stock_links}
    assert ("sh688185", "康希诺") in codes and ("sz300122", "智飞生物") in codes


@needs_corpus
def test_nested_stock_links() -> None:
    # a0210: <span id="stock_sh000300"><a ...><span id="stock_sz399300"></span></a><a href=".../sz399300/...">沪深300指数</a></span>
    a = read_file(CORPUS / "articles" / "a0210.md")
    links = [(s.code, s.word) for s in a.stock_links]
    assert links == [("sh000300", "沪深300指数"), ("sz399300", "沪深300指数")]


@needs_corpus
def test_plain_div_feed_splits_on_blank_line() -> None:
    a = read_file(CORPUS / "articles" / "a0070.md")   # DT 财经: bare text in a <div>
    assert len(a.paragraphs) == 2
    assert _paras(a)[1].startswith("12月20日，GrowingIO 联合创始人")


@needs_corpus
def test_table_cells_are_separated() -> None:
    a = read_file(CORPUS / "articles" / "a0169.md")
    assert "总计 1143083.8 20.3" in a.text


# ---------------------------------------------------------------- inline edge cases

FM = "---\ntitle: 标题\nauthor: 新浪财经\ndate: Thu, 17 Feb 2022 08:10:10 GMT\n---\n"


def test_bom_and_blank_lines_before_front_matter(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + ("\n  \n" + FM + '<p cms-style="font-L">　　正文第一段。</p>').encode()
    a = _read(tmp_path, "bom.md", data)
    assert a.title == "标题"
    assert _paras(a) == ["正文第一段。"]
    src = decode_bytes(data)
    assert not src.startswith("\ufeff")
    assert src[a.paragraphs[0].source_start:].startswith("正文第一段")


def test_gb18030(tmp_path: Path) -> None:
    text = FM + "<p>　　国务院批复同意在鄂尔多斯等27个城市设立综试区。</p>\n<p>𠀀字</p>"
    data = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    a = _read(tmp_path, "gb.md", data)
    assert a.title == "标题"
    assert _paras(a) == ["国务院批复同意在鄂尔多斯等27个城市设立综试区。", "𠀀字"]
    _check_offsets(a, decode_bytes(data))


def test_utf16_with_bom(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + (FM + "<p>正文。</p>").encode("utf-16-le")
    a = _read(tmp_path, "u16.md", data)
    assert a.title == "标题" and a.text == "正文。"


def test_crlf(tmp_path: Path) -> None:
    data = (FM + "<p>第一段。</p>\n<p>第二段\n续。</p>\n").replace("\n", "\r\n").encode()
    a = _read(tmp_path, "crlf.md", data)
    assert a.title == "标题"
    assert _paras(a) == ["第一段。", "第二段 续。"]
    src = decode_bytes(data)
    assert "\r" not in src and "\r" not in a.text
    _check_offsets(a, src)
    b = _read(tmp_path, "crlf.txt", "标题行\r\n\r\n正文一。\r正文二。\r\n")
    assert _paras(b) == ["标题行", "正文一。", "正文二。"]


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "broken.md"
    p.write_text("---\ntitle: ok\ncategories: [a, b\nauthor: x\n---\n<p>正文</p>", encoding="utf-8")
    with pytest.raises(ReadError) as ei:
        read_file(p)
    e = ei.value
    assert e.path == str(p)
    assert str(e).startswith(f"{p}: ")
    assert "\n" not in str(e)
    assert "YAML" in e.reason and "line" in e.reason


def test_front_matter_not_a_mapping_and_unclosed(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="not a mapping"):
        _read(tmp_path, "list.md", "---\n- a\n- b\n---\n<p>正文</p>")
    with pytest.raises(ReadError, match="never closed"):
        _read(tmp_path, "open.md", "---\ntitle: x\n<p>正文</p>")


def test_yaml_values_stay_text(tmp_path: Path) -> None:
    a = _read(tmp_path, "typed.md", "---\ntitle: 0012\ncode: 0012\nflag: NO\ntime: 12:30:00\n"
              "ratio: 1.50\nday: 2022-01-01\nnothing: ~\nempty:\nlist: [1, yes, 0x1F]\n"
              "categories: 金融\n---\n<p>正文</p>")
    m = a.meta
    assert m["title"] == "0012" and m["code"] == "0012"
    assert m["flag"] == "NO" and m["time"] == "12:30:00" and m["ratio"] == "1.50"
    assert m["day"] == "2022-01-01" and m["nothing"] == "~" and m["empty"] == ""
    assert m["list"] == ["1", "yes", "0x1F"]
    assert m["categories"] == ["金融"]


def test_dates(tmp_path: Path) -> None:
    def date(raw: str):
        a = _read(tmp_path, "d.md", f"---\ntitle: t\ndate: '{raw}'\n---\n<p>正文</p>")
        assert a.meta["date_raw"] == raw
        return a.meta.get("date")
    assert date("Thu, 17 Feb 2022 16:10:10 +0800") == "2022-02-17T08:10:10+00:00"
    assert date("2022-02-17T08:10:10Z") == "2022-02-17T08:10:10+00:00"
    assert date("2022-02-17 16:10:10+08:00") == "2022-02-17T08:10:10+00:00"
    assert date("2022-02-17") == "2022-02-17T00:00:00+08:00"     # no zone: Beijing time
    assert date("昨天下午") is None


def test_images_deduplicated(tmp_path: Path) -> None:
    a = _read(tmp_path, "img.md", "---\ntitle: t\nheadimg: 'https://a/1.png'\n"
              "thumbnail: 'https://a/1.png'\nimages: ['https://a/2.png', 'https://a/1.png']\n---\n<p>正文</p>")
    assert a.meta["images"] == ["https://a/1.png", "https://a/2.png"]
    assert "headimg" not in a.meta and "thumbnail" not in a.meta


def test_alias_bomb_rejected_fast(tmp_path: Path) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]")
    bomb = "---\n" + "\n".join(lines) + "\ntitle: t\n---\n<p>正文</p>"
    t0 = time.perf_counter()
    with pytest.raises(ReadError, match="alias"):
        _read(tmp_path, "bomb.md", bomb)
    assert time.perf_counter() - t0 < 1
    # under the alias limit but still exponential (2**24 leaves): refused by the value budget
    lines = ["b0: &b0 [x, x]"] + [f"b{i}: &b{i} [*b{i-1}, *b{i-1}]" for i in range(1, 25)]
    t0 = time.perf_counter()
    with pytest.raises(ReadError, match="front matter refused"):
        _read(tmp_path, "bomb2.md", "---\n" + "\n".join(lines) + "\n---\n<p>正文</p>")
    assert time.perf_counter() - t0 < 1
    with pytest.raises(ReadError, match="front matter refused"):
        _read(tmp_path, "rec.md", "---\ntitle: t\nx: &r [*r]\n---\n<p>正文</p>")


def test_binary_rejected(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="binary"):
        _read(tmp_path, "x.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ReadError, match="binary"):
        _read(tmp_path, "y.txt", "正文" + "\x01\x02\x03" * 20)
    with pytest.raises(ReadError, match="not text in a known encoding"):
        _read(tmp_path, "z.txt", b"abc\x80\xff\x80\xff")


def test_too_large(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert decode_mod.MAX_BYTES == 20 * 1024 * 1024
    monkeypatch.setattr(decode_mod, "MAX_BYTES", 100)
    with pytest.raises(ReadError, match="too large"):
        _read(tmp_path, "big.txt", "字" * 100)


def test_empty(tmp_path: Path) -> None:
    for name, data in [("e.md", b""), ("w.txt", b" \n\t\n"), ("fm.md", "---\ntitle: t\n---\n"),
                       ("tags.html", "<div><p> </p><!-- x --><style>p{}</style></div>")]:
        with pytest.raises(ReadError, match="empty article") as ei:
            _read(tmp_path, name, data)
        assert ei.value.path == str(tmp_path / name)


def test_unreadable_path(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read"):
        read_file(tmp_path / "missing.md")


def test_deeply_nested_div(tmp_path: Path) -> None:
    depth = 100_000
    body = "<div>" * depth + "深层的正文。" + "</div>" * depth
    t0 = time.perf_counter()
    a = _read(tmp_path, "deep.md", FM + body)
    assert time.perf_counter() - t0 < 5
    assert a.text == "深层的正文。"
    t0 = time.perf_counter()
    b = _read(tmp_path, "deep2.html", "<div><span><font>" * depth + "未闭合。")
    assert time.perf_counter() - t0 < 5
    assert b.text == "未闭合。"


@pytest.mark.parametrize("junk", [
    "<!--" * 200_000, "<a" * 200_000, "<" * 500_000, "</" * 200_000, "<!" * 200_000,
    "&#" * 200_000, "</span>" * 100_000, '<p a="' + "b" * 500_000, "<p " + "a=b " * 100_000,
], ids=["comments", "tags", "lt", "end", "decl", "charref", "stray-ends", "quote", "attrs"])
def test_hostile_html_is_linear(tmp_path: Path, junk: str) -> None:
    t0 = time.perf_counter()
    a = _read(tmp_path, "junk.html", "<p>正文。</p>" + junk)
    assert time.perf_counter() - t0 < 3
    assert a.paragraphs and _paras(a)[0] == "正文。"


def test_plain_text_without_front_matter(tmp_path: Path) -> None:
    a = _read(tmp_path, "note.txt", "\n商务部谈跨境电商\n\n　　第一段正文。\n第二段。  \n")
    assert a.fmt == "text"
    assert a.title == "商务部谈跨境电商" and a.meta["title_from"] == "first_paragraph"
    assert _paras(a) == ["商务部谈跨境电商", "第一段正文。", "第二段。"]
    _check_offsets(a, decode_bytes((tmp_path / "note.txt").read_bytes()))


def test_markdown_without_html(tmp_path: Path) -> None:
    a = _read(tmp_path, "m.md", FM + "# 小标题 #\n\n- 要点一\n1. 要点二\n> 引用。\n---\n#话题#正文\n")
    assert a.fmt == "markdown"
    assert _paras(a) == ["小标题", "要点一", "要点二", "引用。", "#话题#正文"]
    _check_offsets(a, decode_bytes((tmp_path / "m.md").read_bytes()))


def test_html_file(tmp_path: Path) -> None:
    doc = ("<!DOCTYPE html><html><head><title>网页 标题</title><style>p{color:red}</style>"
           "<script>var a = '<p>不要</p>';</script></head><body><h1>大标题</h1>"
           "<p>第一段&nbsp;正文&amp;更多。<br>换行后。</p><ul><li>甲</li><li>乙</li></ul>"
           "<table><tr><td>地区</td><td>增速</td></tr><tr><td>北京</td><td>5%</td></tr></table>"
           "<div style='display:none'>隐藏</div><p hidden>也隐藏</p></body></html>")
    a = _read(tmp_path, "page.html", doc)
    assert a.fmt == "html"
    assert a.title == "网页 标题" and a.meta["title_from"] == "html_title"
    assert _paras(a) == ["大标题", "第一段 正文&更多。", "换行后。", "甲", "乙", "地区 增速", "北京 5%"]
    _check_offsets(a, doc)


def test_entities_and_paragraph_starting_with_entity(tmp_path: Path) -> None:
    a = _read(tmp_path, "ent.md", FM + "<p>&#8220;引语。&#8221;他说&#123;x&#125;</p>")
    assert a.text == "“引语。”他说{x}"
    src = decode_bytes((tmp_path / "ent.md").read_bytes())
    assert src[a.paragraphs[0].source_start:].startswith("&#8220;")


def test_sina_markup_synthetic(tmp_path: Path) -> None:
    body = (
        '<div>\n<p cms-style="font-L">　　据<font cms-style="font-L">记者</font>报道，'
        '<span id="stock_sz000001"><a href="https://finance.sina.com.cn/realstock/company/sz000001/nc.shtml">'
        '平安银行</a></span><span id="quote_sz000001"></span>涨停。</p>\n'
        '<div class="img_wrapper"><img src="x.png"><span class="img_descr"></span></div>\n'
        '<div class="img_wrapper"><img src="y.png"><span class="img_descr">图为会场</span></div>\n'
        '<p class="ori_titlesource">　　原标题：原来的题目 来源：新华社</p>\n'
        '<!--article_adlist[<p cms-style="font-L">【责任编辑:吴咏玲】</p>]article_adlist-->\n'
        '<!-- 文末二维码 start --><style>.appendQr_wrap&#123;border:1px&#125;</style>'
        '<div class="clearfix appendQr_wrap"><div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div></div>\n'
        '<p class="article-editor">责任编辑：张三 SF001</p>\n</div>')
    a = _read(tmp_path, "sina.md", FM + body)
    assert a.fmt == "sina-html"
    assert _paras(a) == ["据记者报道，平安银行涨停。", "图为会场"]
    assert a.editor_raw == ["吴咏玲", "张三"]
    assert a.meta["original_title"] == "原来的题目" and a.meta["original_source"] == "新华社"
    [sl] = a.stock_links
    assert (sl.code, sl.word, a.text[sl.start:sl.end]) == ("sz000001", "平安银行", "平安银行")
    _check_offsets(a, decode_bytes((tmp_path / "sina.md").read_bytes()))


@needs_corpus
@pytest.mark.parametrize("name", ["a0012.md", "a0018.md", "a0019.md", "a0120.md", "a0183.md"])
def test_article_adlist_comment_with_boilerplate_is_dropped(name) -> None:
    # reading suggestions (百万用户都在看 …), syndication notes, image credits, a proofreader
    a = read_file(CORPUS / "articles" / name)
    for words in ("百万用户都在看", "全面告急", "本文来自澎湃新闻", "封面图片来源", "校对：", "ID：quanshangcn", "本期编辑"):
        assert words not in a.text


def test_article_adlist_prose_is_read_up_to_the_reading_suggestions(tmp_path: Path) -> None:
    prose = "此外，人社部发布《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》，" * 3
    a = _read(tmp_path, "t.md", FM + '<p>正文。</p><!--article_adlist[<p>' + prose + '</p><p>推荐阅读</p>'
              '<p>全面告急！全球汽车将减产810万辆</p>]article_adlist--><p>尾。</p>')
    assert _paras(a) == ["正文。", prose, "尾。"]
    # a long attribute is no prose: an image with a long alt text keeps its comment dropped
    alt = "图" * 90
    a = _read(tmp_path, "i.md", FM + f'<p>正文。</p><!--article_adlist[<img alt="{alt}" src="x.png"/>'
              '<span>ID：quanshangcn</span>]article_adlist-->')
    assert _paras(a) == ["正文。"]


def test_a_copyright_note_in_the_adlist_comment_names_the_source(tmp_path: Path) -> None:
    # a0012, a0026: 券商中国's note, kept by Sina in its ad-list comment, is the only credit
    a = _read(tmp_path, "c.md", FM + '<p>正文。</p><!--article_adlist[<p cms-style="font-L"><font>券商中国是证券市场权威媒体'
              '《证券时报》旗下新媒体，券商中国对该平台所刊载的原创内容享有著作权，未经授权禁止转载。</font></p>]article_adlist-->')
    assert a.meta["original_source"] == "券商中国"
    assert a.text == "正文。"


def test_editor_only_in_comment(tmp_path: Path) -> None:
    a = _read(tmp_path, "c.md", FM + '<p>正文。</p><!--article_adlist[<p>【责任编辑:吴咏玲】</p>]article_adlist-->')
    assert a.editor_raw == ["吴咏玲"]
    assert a.text == "正文。"


def test_read_error_is_one_line() -> None:
    e = ReadError("bad\nthing  here", "/x/y.md")
    assert str(e) == "/x/y.md: bad thing here"
    assert e.path == "/x/y.md" and e.reason == "bad thing here"
    assert str(ReadError("no path")) == "no path"


def test_article_id_and_hash() -> None:
    data = (FM + "<p>正文。</p>").encode()
    a = read_bytes(data, "some/dir/文章.md")
    b = read_bytes(data, "other/文章.md")
    assert a.id == b.id                      # the id depends on the file name and content only
    digest = hashlib.sha256(data).hexdigest()
    assert a.content_hash == digest
    assert a.id == hashlib.sha256("文章.md".encode() + b"\0" + digest.encode()).hexdigest()[:16]
    assert read_bytes(data, "x.md").id != a.id
    assert a.path == "some/dir/文章.md"


def test_iter_article_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ["b/2.md", "a/1.TXT", "a/3.htm", "z.html", "a/x.markdown", "b/pic.png",
                "notes.tsv", ".git/h.md", "a/.hidden.md"]:
        (tmp_path / rel).write_text("x", encoding="utf-8")
    files, skipped = iter_article_files([tmp_path, tmp_path / "z.html", str(tmp_path / "b")])
    rel = [f.relative_to(tmp_path).as_posix() for f in files]
    assert rel == ["a/1.TXT", "a/3.htm", "a/x.markdown", "b/2.md", "z.html"]
    assert sorted(f.name for f in skipped) == ["notes.tsv", "pic.png"]
    single, none = iter_article_files([tmp_path / "notes.tsv"])
    assert single == [] and none == [tmp_path / "notes.tsv"]
    with pytest.raises(FileNotFoundError):
        iter_article_files([tmp_path / "nope"])


def test_a_folder_walk_leaves_a_projects_own_files_out(tmp_path: Path) -> None:
    """`kg build .` in a checkout: README, LICENSE, CHANGELOG ... and virtual environments are
    no articles; named on the command line, a README is read like any file."""
    for rel in ["articles/a.md", "README.md", "docs/CHANGELOG.md", "LICENSE.txt", "readme.zh.md",
                "venv/pyvenv.cfg", "venv/lib/x.md", "node_modules/p/README.md", "pkg/__pycache__/m.txt",
                "articles/readme-not.md", "articles/history.txt", "articles/notice.md"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    files, skipped = iter_article_files([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "articles/a.md", "articles/history.txt", "articles/notice.md", "articles/readme-not.md"]
    assert sorted(f.name for f in skipped) == ["CHANGELOG.md", "LICENSE.txt", "README.md", "readme.zh.md"]
    named, _ = iter_article_files([tmp_path / "README.md"])
    assert named == [tmp_path / "README.md"]


def test_iter_article_files_symlinks(tmp_path: Path) -> None:
    """A symlinked file is one article with its target (the name given first in sort order
    wins); a symlinked directory is not followed; a folder named through a symlink is walked
    and its files are the same articles as through the real path."""
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "a.md").write_text("x", encoding="utf-8")
    (real / "sub" / "b.md").write_text("y", encoding="utf-8")
    (real / "link.md").symlink_to(real / "a.md")
    (real / "dirlink").symlink_to(real / "sub", target_is_directory=True)
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    (real / "dangling.md").symlink_to(tmp_path / "missing.md")
    files, skipped = iter_article_files([real])
    assert sorted(f.relative_to(real).as_posix() for f in files) in (["a.md", "sub/b.md"], ["link.md", "sub/b.md"])
    assert skipped == [real / "dangling.md"]          # counted among the skipped, not silently gone
    both, _ = iter_article_files([real, tmp_path / "alias"])
    assert len(both) == 2, both                       # the same two files, once each
    through, _ = iter_article_files([tmp_path / "alias"])
    assert {f.resolve() for f in through} == {f.resolve() for f in files}


def test_tokenizer_positions() -> None:
    s = 'a<b c="1>2" d=e>t</b ><!--x--><br/>'
    toks = list(tokenize(s))
    assert toks[0] == (0, 0, 1)
    assert toks[1][:3] == (1, 1, "b") and toks[1][3] == {"c": "1>2", "d": "e"}
    assert s[toks[2][1]:toks[2][2]] == "t"
    assert toks[3] == (2, s.index("</b"), "b") and toks[4] == (3, s.index("<!--"), "x")
    assert toks[5] == (1, s.index("<br"), "br", {})


@pytest.mark.parametrize("raw,iso", [
    ("2022/02/17", "2022-02-17T00:00:00+08:00"),
    ("2022年2月17日", "2022-02-17T00:00:00+08:00"),
    ("2022年2月17日 08:10", "2022-02-17T08:10:00+08:00"),   # Beijing time
    ("2022.2.17", "2022-02-17T00:00:00+08:00"),
    ("Invalid Date", None),                            # a0072, a0162 (证券时报网)
    ("2022年13月1日", None),
    ("Mon, 01 Jan 0001 00:00:00 +2359", None),         # not 2000-12-31: email.utils' 2-digit years
])
def test_dates_as_chinese_sites_write_them(raw, iso):
    from kg.readers.frontmatter import parse_date
    assert parse_date(raw) == iso


def test_an_unreadable_date_is_kept_as_written(tmp_path):
    from kg.pipeline import article_graphs
    from kg.vocab import KG
    art = read_bytes("---\ntitle: t\ndate: Invalid Date\n---\n正文。\n".encode(), "d.md")
    g = article_graphs(art)[1]
    assert [str(o) for o in g.objects(None, KG.dateText)] == ["Invalid Date"]


@pytest.mark.parametrize("raw, day", [
    ("Wed, 16 Feb 2022 23:30:00 GMT", "2022-02-17"), ("Thu, 17 Feb 2022 08:10:10 GMT", "2022-02-17"),
    ("2022-02-16T23:30:00Z", "2022-02-17"), ("2022-02-17T07:00:00+08:00", "2022-02-17"),
    ("2022年2月17日 20:00", "2022-02-17"), ("2022-02-17", "2022-02-17"), ("Invalid Date", None),
])
def test_local_day_is_the_day_in_china(raw, day):
    from kg.readers.frontmatter import local_day
    assert local_day(raw) == day


def test_a_saved_page_as_plain_text(tmp_path):
    """No front matter: the page's date line gives the date, its controls are no text, and its
    editor line credits the editor."""
    f = tmp_path / "page.txt"
    f.write_text("国务院办公厅印发《关于进一步盘活存量资产扩大有效投资的意见》\n"
                 "2022-05-25 16:30:12　来源：新华网\n【字体：大 中 小】 分享到：\n\n"
                 "新华社北京5月25日电 国务院办公厅日前印发意见。2022年3月1日，另一件事。\n\n"
                 "扫一扫在手机打开当前页\n【打印】【关闭】\n责任编辑：王晓\n", encoding="utf-8")
    a = read_file(f)
    assert (a.meta["date_raw"], a.meta["date_from"], a.meta["date"][:10]) == ("2022-05-25 16:30:12", "text", "2022-05-25")
    assert "打印" not in a.text and "分享到" not in a.text and "扫一扫" not in a.text and "字体" not in a.text
    assert a.editor_raw == ["王晓"]


def test_a_sentence_opening_with_a_date_is_no_date_line(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("标题\n2022年3月1日，国务院常务会议召开。\n", encoding="utf-8")
    assert "date" not in read_file(f).meta


def test_markdown_inline_markup_and_tables(tmp_path):
    f = tmp_path / "m.md"
    f.write_text("---\ntitle: 货币数据\n---\n\n# 11月金融数据\n\n央行[发布](http://x/a)数据，*M2余额*和**M1**增长，见`表1`。"
                 "![图](http://i/x.png)\n\n| 指标 | 余额（万亿元） | 同比增长（%） |\n| --- | ---: | --- |\n"
                 "| M2余额 | 264.7 | 9.0 |\n\n【打印】【关闭】\n", encoding="utf-8")
    a = read_file(f)
    assert a.text.split("\n")[:2] == ["11月金融数据", "央行发布数据，M2余额和M1增长，见表1。"]
    rows = {(c.row, c.col): a.text[c.start:c.end] for c in a.table_cells}
    assert rows == {(0, 0): "指标", (0, 1): "余额（万亿元）", (0, 2): "同比增长（%）",
                    (1, 0): "M2余额", (1, 1): "264.7", (1, 2): "9.0"}
    assert "打印" not in a.text and "http" not in a.text and "---" not in a.text


def test_big5_is_read_as_big5_and_gb18030_as_gb18030(tmp_path):
    """GB18030 decodes Big5 bytes without an error, into rare characters and kana: Big5 text
    (Taiwan, Hong Kong) must come out as written."""
    trad = "中國人民銀行今天宣布，將下調存款準備金率0.5個百分點，釋放長期資金約1萬億元。這是今年以來第二次降準。"
    simp = "中国人民银行今天宣布，将下调存款准备金率0.5个百分点，释放长期资金约1万亿元。这是今年以来第二次降准。"
    (tmp_path / "big5.txt").write_bytes(("標題\n\n" + trad + "\n").encode("big5"))
    (tmp_path / "gb.txt").write_bytes(("标题\n\n" + simp + "\n").encode("gb18030"))
    assert trad in read_file(tmp_path / "big5.txt").text
    assert simp in read_file(tmp_path / "gb.txt").text
    # a few characters are no evidence either way: GB18030's 'ê' is Big5's 那, and stays 'ê'
    from kg.readers.decode import decode_bytes
    assert decode_bytes("ê".encode("gb18030")) == "ê"
    assert decode_bytes("价格：ê".encode("gb18030")) == "价格：ê"
