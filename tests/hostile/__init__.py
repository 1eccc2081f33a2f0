"""A generated corpus of malformed and hostile article files (for tests/test_hostile.py).

Nothing here is committed as data: `small_cases()` combines ~45 front matters with ~40 bodies
and then re-encodes every combination once more (CRLF, BOM, GB18030, GBK, UTF-16/32, lone CR,
stray bytes...), giving well over 2,000 small files; `big_cases()` are the few that must be
written to disk in a special way (50 MB sparse files, 19 MB of markup, alias bombs, FIFOs,
symlinks to /dev/zero, names that are not UTF-8). Everything is deterministic (a fixed seed).

Each case says what must happen to it: "built", "error" (refused with one clear line naming the
file), or "any" (either, as long as nothing crashes).
"""
from __future__ import annotations

import codecs
import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

MB = 1024 * 1024


@dataclass
class Case:
    name: str                                   # file name (relative to the corpus root)
    data: bytes | None = None                   # None: `make` writes it
    expect: str = "any"                         # "built" | "error" | "any"
    kind: str = ""
    make: Callable[[Path], None] | None = None  # for files that are not plain bytes
    article: bool = True                        # False: not an article file (skipped by kg)


# ------------------------------------------------------------------------------ front matter
# (label, text or None for no front matter, expectation for the front matter alone)
NORMAL_FM = ("---\ntitle: 商务部：前两月进出口增长\ndate: Thu, 17 Feb 2022 08:10:10 GMT\n"
             "author: 新浪财经\ncategories: [金融, 宏观]\nheadimg: 'https://n.sinaimg.cn/a.png'\n"
             "url: 'https://finance.sina.com.cn/a.shtml'\n---\n")

FRONT: list[tuple[str, str | None, str]] = [
    ("none", None, "built"),
    ("normal", NORMAL_FM, "built"),
    ("empty", "---\n---\n", "built"),
    ("title-only", "---\ntitle: 标题\n---\n", "built"),
    ("blank-lines-before", "\n\n  \n---\ntitle: 前有空行\n---\n", "built"),
    ("dots-close", "---\ntitle: 三点结束\n...\n", "built"),
    ("unclosed", "---\ntitle: 没有结束\n", "error"),
    ("list", "---\n- a\n- b\n---\n", "error"),
    ("scalar", "---\njust a string\n---\n", "error"),
    ("null", "---\n~\n---\n", "error"),          # all scalars are text: "~" is a string
    ("bad-indent", "---\ntitle: a\n  b: c\n d: e\n---\n", "error"),
    ("tab-indent", "---\ntitle:\n\t- a\n---\n", "error"),
    ("unclosed-quote", "---\ntitle: \"never closed\n---\n", "error"),
    ("unclosed-bracket", "---\ncategories: [a, b\n---\n", "error"),
    ("duplicate-keys", "---\ntitle: one\ntitle: two\n---\n", "any"),
    ("python-apply", "---\ntitle: !!python/object/apply:os.system ['echo PWNED > /tmp/kg-pwned']\n---\n", "error"),
    ("python-name", "---\ntitle: !!python/name:os.system\n---\n", "error"),
    ("python-new", "---\nx: !!python/object/new:subprocess.Popen [['touch', '/tmp/kg-pwned']]\n---\n", "error"),
    ("binary-tag", "---\ntitle: !!binary 5Lit5paH\n---\n", "built"),
    ("typed", "---\ntitle: 0012\ncode: NO\ntime: 12:30:00\nf: 1e3\ninf: .inf\nhex: 0x1F\nn: ~\ny: yes\nd: 2022-02-17\n---\n", "built"),
    ("int-key", "---\n1: one\n~: nothing\ntitle: t\n---\n", "built"),
    ("complex-key", "---\n? [a, b]\n: c\ntitle: t\n---\n", "error"),
    ("date-bad", "---\ntitle: t\ndate: Feb 30 2022 25:61\n---\n", "built"),
    ("date-year0", "---\ntitle: t\ndate: '0000-01-01'\n---\n", "built"),
    ("date-overflow", "---\ntitle: t\ndate: '9999-12-31T23:59:59-23:59'\n---\n", "built"),
    ("date-list", "---\ntitle: t\ndate: [2022, 1, 1]\n---\n", "built"),
    ("title-controls", "---\ntitle: \"a\\x01b\\x7fc\\x0bd\\x1b[31m\"\n---\n", "built"),
    ("title-nul", "---\ntitle: \"a\\0b\"\n---\n", "built"),
    ("title-surrogate", "---\ntitle: \"a\\ud800b\"\n---\n", "error"),
    ("title-astral", "---\ntitle: \"\\U0010FFFF\\U0001F600\\uFFFE\\uFFFF\"\n---\n", "built"),
    ("title-long", "---\ntitle: '" + "长" * 50_000 + "'\n---\n", "built"),
    ("title-block", "---\ntitle: |\n  line one\n  line two\n---\n", "built"),
    ("title-map", "---\ntitle: {a: b, c: [d, e]}\n---\n", "built"),
    ("title-injection", "---\ntitle: '\" . <http://evil/> <http://evil/p> \"x\" . # }} DROP ALL ; '\n---\n", "built"),
    ("categories-map", "---\ntitle: t\ncategories: {a: 1, b: [2, 3]}\n---\n", "built"),
    ("categories-hostile", "---\ntitle: t\ncategories: ['', ' ', '</script><script>alert(1)</script>', "
     "'a/b', '..', '%2F', \"\\t\\n\", '\"}; DROP ALL; #']\n---\n", "built"),
    ("categories-many", "---\ntitle: t\ncategories: [" + ", ".join(f"c{i}" for i in range(1000)) + "]\n---\n", "built"),
    ("images-bad", "---\ntitle: t\nimages: ['http://a b/c.png', \"http://a/b\\n\", 'javascript:alert(1)', "
     "'http://[::1', 'http://a:b:c/', 'http://a/%zz', 'http://例子.中国/图.png', \"http://a/\\x01\", "
     "'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', '//no-scheme/x.png']\n---\n", "built"),
    ("url-newline", "---\ntitle: t\nurl: \"http://a/x\\n\"\nlink: 'http://b/'\n---\n", "built"),
    ("url-bad-host", "---\ntitle: t\nlink: 'http://[v7.evil]/'\n---\n", "built"),
    ("aliases-ok", "---\nbase: &b 新浪\ntitle: *b\nauthor: *b\n---\n", "built"),
    ("alias-bomb", "---\n" + "\n".join(["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
     + [f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]" for i in range(1, 10)]) + "\ntitle: t\n---\n", "error"),
    ("alias-recursive", "---\ntitle: t\nx: &r [*r]\n---\n", "error"),
    ("deep-nesting", "---\nx: " + "[" * 60 + "]" * 60 + "\ntitle: t\n---\n", "error"),
    ("many-keys", "---\n" + "".join(f"k{i}: v{i}\n" for i in range(2000)) + "title: t\n---\n", "built"),
    ("odd-keys", "---\n'@context': 'http://127.0.0.1:9/ctx'\n'<script>': x\n'a:b': c\n\"\\u0022\": q\ntitle: t\n---\n", "built"),
    ("crlf-inside", "---\r\ntitle: 回车换行\r\nauthor: a\r\n---\r\n", "built"),
    ("directives", "---\n%YAML 1.1\n---\ntitle: t\n---\n", "any"),
]

# ------------------------------------------------------------------------------ bodies
ROLE = "商务部新闻发言人高峰表示，前两个月我国货物贸易进出口总值6.2万亿元，同比增长13.3%。"
PLACE = "北京市、上海市、广东省深圳市和浙江省杭州市获批国家级试点。"
ORG = "国务院批复同意中国人民银行发布《关于金融支持实体经济的通知》。"

BODIES: list[tuple[str, str, str]] = [
    # (label, text, expectation for the body alone: "built" | "error" | "any")
    ("plain", ROLE + "\n\n" + PLACE + "\n" + ORG, "built"),
    ("markdown", "# 标题\n\n- " + ROLE + "\n- " + PLACE + "\n\n> " + ORG + "\n\n***\n```\ncode\n```", "built"),
    ("sina-html", '<div class="article"><p>' + ROLE + '</p><p><span id="stock_sh600295">鄂尔多斯</span>公告。</p>'
     '<p class="article-editor">责任编辑：李墨轩 SF014</p></div>', "built"),
    ("scripts", "<p>" + ROLE + "</p><script>alert(1)</script><style>p{}</style>"
     "<iframe src='http://evil/'></iframe><noscript><p>hidden</p></noscript>", "built"),
    ("script-text", "正文提到 <script>alert(document.cookie)</script> 与 </script><img src=x onerror=alert(1)>。", "built"),
    ("event-handlers", '<p onclick="alert(1)">' + PLACE + '</p><a href="javascript:alert(1)">链接</a>'
     '<svg onload=alert(1)><p>' + ORG + "</p>", "built"),
    ("entities", "<p>&#0;&#xD800;&#x110000;&#xFFFE;&#xFFFF;&#1;&nbsp;&lt;script&gt;&amp;&quot;&#x27;&bogus;&#99999999999;</p><p>正文。</p>", "built"),
    ("cdata", "<p><![CDATA[<script>alert(1)</script>]]>正文。</p>", "built"),
    ("unterminated-comment", "<p>正文。</p><!-- never closed <p>hidden</p>", "built"),
    ("unclosed-tags", "<div><p>" + ROLE + "<p>" + PLACE + "<table><tr><td>1<td>2", "built"),
    ("nested-2k", "<div>" * 2000 + ORG + "</div>" * 1000, "built"),
    ("stock-hostile", '<p><span id="stock_sh600000&quot;&gt;&lt;script&gt;">浦发</span><a href="http://finance.sina.com.cn/realstock/company/'
     'sh600000\\"><script>/nc.shtml">浦发银行</a></p>', "built"),
    ("zero-width", "\u200b\u200c\u200d\ufeff正\u200b文\u2060。\u202e反向\u202c。\u2066隔离\u2069", "built"),
    ("zalgo", "正" + "\u0301\u0302\u0303\u0304" * 200 + "文。", "built"),
    ("astral", "😀🀄𠀀𪚥\U0001F1E8\U0001F1F3 正文。\U000E0001", "built"),
    ("private-use", "\ue000\uf8ff\U000F0000正文。\U0010FFFD", "built"),
    ("nonchars", "\ufffe\uffff\ufdd0正文\U0001FFFE。", "built"),
    ("controls-few", "正文\x0b第一段\x0c。\x1b[31m红色\x1b[0m。" + "普通文字。" * 40, "built"),
    ("controls-many", "正文" + "\x01\x02\x03\x04" * 50, "any"),  # error unless a long front matter dilutes them
    ("separators", "第一行\u2028第二行\u2029第三行\x85第四行。", "built"),
    ("sparql-injection", '高峰" } ; DROP ALL ; INSERT DATA { <a> <b> "c" } #\n'
     'x\\u0022 } SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } #\n' + "'''\"\"\" LOAD <http://127.0.0.1:9/x>", "built"),
    ("rdf-injection", '" . <http://evil/s> <http://evil/p> <http://evil/o> .\n_:b <p> "x"@zh .\n'
     '"""\n@prefix evil: <http://evil/> .\n<a> <b> """ .\n\\" \\\\ \\n \\u0000 \\U0010FFFF', "built"),
    ("jsonld-injection", '{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://evil/", '
     '"@graph": [{"@id": "_:x", "http://evil/p": {"@value": "v", "@language": "zh"}}]}', "built"),
    ("html-in-text", "正文里有 &lt;/textarea&gt;&lt;script&gt; 和 <b>粗体</b> 与 {{template}} ${expr} `cmd` $(rm -rf /)。", "any"),
    ("backslashes", "路径 C:\\Windows\\System32 与 \\n \\t \\\\ 以及 \\u0022 和 \\U0001F600。", "built"),
    ("long-line", "长" * 20_000, "built"),
    ("many-lines", "\n".join(f"第{i}行。" for i in range(2000)), "built"),
    ("huge-numbers", "进出口总值" + "9" * 400 + "亿元，增长1e400%，下降-0.0%，达到１２３４５６７８９０１２３４５６７８９亿美元，"
     "同比增长999999999999999999999999999%。", "built"),
    ("quotes-unbalanced", "“" * 300 + "他说。" + "”" * 7 + "「『《〈" * 50, "built"),
    ("roles-junk", "国务院副总理" + "张" * 50 + "表示，" + "新闻发言人" * 100 + "说。", "built"),
    ("dense-places", PLACE * 30, "built"),
    ("only-whitespace", " \n\t\n\u3000\u00a0\n", "error"),
    ("only-zero-width", "\u200b\u200b\ufeff\n\u200b", "error"),
    ("only-punctuation", "。，、；：？！…—", "built"),
    ("title-only-html", "<html><head><title>只有标题</title></head><body></body></html>", "error"),
    ("empty-html", "<html><body><div></div><p> </p><!-- x --></body></html>", "error"),
    ("fm-in-body", "---\nx: y\n---\n正文。\n---\n", "built"),
    ("lone-lt", "a < b 且 c<d, <<<< 正文 <3 <!x <?php echo 1; ?>。", "built"),
    ("mixed-newlines", "第一段\r\n第二段\r第三段\n\r第四段。", "built"),
    ("bidi-name", "新闻发言人\u202e峰高\u202c表示，一切正常。", "built"),
]

EXTENSIONS = [".md", ".txt", ".html", ".htm", ".markdown", ".MD"]
TRANSFORMS = ["crlf", "bom", "gb18030", "gbk", "utf16le", "utf16be", "utf32", "cr", "bom-blank",
              "stray-byte", "nul", "latin1-title", "trailing-garbage"]


def _encode(text: str, how: str, rng: random.Random) -> tuple[bytes, str]:
    """text re-encoded; returns (bytes, expectation override or "")."""
    if how == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8", "surrogatepass"), ""
    if how == "cr":
        return text.replace("\n", "\r").encode("utf-8", "surrogatepass"), ""
    if how == "bom":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass"), ""
    if how == "bom-blank":
        return codecs.BOM_UTF8 + b"\n \n" + text.encode("utf-8", "surrogatepass"), ""
    if how in ("gb18030", "gbk"):
        try:
            return text.encode(how), ""
        except UnicodeEncodeError:
            return text.encode("gb18030", "replace"), ""
    if how == "utf16le":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass"), ""
    if how == "utf16be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be", "surrogatepass"), ""
    if how == "utf32":
        return codecs.BOM_UTF32_LE + text.encode("utf-32-le", "surrogatepass"), ""
    if how == "stray-byte":
        data = text.encode("utf-8", "surrogatepass")
        i = rng.randrange(len(data) + 1)
        return data[:i] + bytes([rng.choice([0x80, 0xC0, 0xFF, 0xFE, 0xED])]) + data[i:], "any"
    if how == "nul":
        data = text.encode("utf-8", "surrogatepass")
        i = rng.randrange(len(data) + 1)
        return data[:i] + b"\x00" + data[i:], "error"
    if how == "latin1-title":
        return "title: café\n".encode("latin-1") + text.encode("utf-8", "surrogatepass"), "any"
    if how == "trailing-garbage":
        return text.encode("utf-8", "surrogatepass") + bytes(rng.randrange(256) for _ in range(16)), "any"
    raise ValueError(how)


def _combine(e1: str, e2: str) -> str:
    if "error" in (e1, e2):
        return "error"
    if "any" in (e1, e2):
        return "any"
    return "built"


def small_cases(seed: int = 20240229) -> list[Case]:
    rng = random.Random(seed)
    out: list[Case] = []
    n = 0
    combos = [(f, b) for f in FRONT for b in BODIES]
    for i, ((fl, fm, fe), (bl, body, be)) in enumerate(combos):
        ext = EXTENSIONS[n % len(EXTENSIONS)]
        text = (fm or "") + body
        expect = _combine(fe, be)
        # markup-only bodies read as text in a .txt/.md file are no longer empty
        if be == "error" and bl in ("title-only-html", "empty-html") and ext.lower() not in (".html", ".htm"):
            expect = "any"
        if bl == "fm-in-body" and fl in ("none", "unclosed"):
            expect = "any"                      # its '---' opens or closes a front matter
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            data = text.encode("utf-8", "surrogatepass")
        out.append(Case(f"s/{n:05d}_{fl}_{bl}{ext}", data, expect, f"{fl}+{bl}"))
        n += 1
        if i % 2:                               # re-encode every other combination
            continue
        how = TRANSFORMS[n % len(TRANSFORMS)]
        data2, override = _encode(text, how, rng)
        e2 = expect if not override else "error" if override == "error" else _combine(expect, override)
        out.append(Case(f"t/{n:05d}_{fl}_{bl}_{how}{ext}", data2, e2, f"{fl}+{bl}+{how}"))
        n += 1
    # hostile and odd file names (the content is a normal article)
    good = (NORMAL_FM + ROLE).encode("utf-8")
    names = ["with space.md", "new\nline.md", "quote\"'.md", "<script>.md", "-rf.md", "--store=x.md",
             "tab\t.md", "%2F..%2F.md", "back\\slash.md", "emoji😀.md", "中文名称.md", "x" * 240 + ".md",
             "dots...md", "UPPER.MD", "semi;colon&amp.md", "#hash?.md", "\u202eevil.md", "\u200bzw.md"]
    for i, name in enumerate(names):
        out.append(Case(f"names/{i:02d}_{name}", good, "built", "name"))
    out.append(Case("names/latin1-\udce9\udcff.md", good, "built", "name-not-utf8"))
    # binary and near-binary content
    blobs = {
        "png.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(512)),
        "zip.md": b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(512)),
        "elf.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(512),
        "gzip.html": b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(512)),
        "random.md": bytes(rng.randrange(256) for _ in range(4096)),
        "zeros.txt": bytes(4096),
        "one-nul.md": b"\x00",
        "one-byte.md": b"x",
        "empty.md": b"",
        "bom-only.md": codecs.BOM_UTF8,
        "bom16-only.md": codecs.BOM_UTF16_LE,
        "bad-utf16.md": codecs.BOM_UTF16_LE + b"\x00\xd8",          # lone high surrogate
        "utf8-overlong.md": b"\xc0\xaf\xe0\x80\xaf title",
        "cesu8.md": "正文".encode() + b"\xed\xa0\x80\xed\xb0\x80",   # surrogates encoded in UTF-8
        "controls-ratio.txt": ("正文" * 100 + "\x01").encode(),       # just under the ratio
    }
    for name, data in blobs.items():
        exp = "built" if name in ("one-byte.md", "controls-ratio.txt") else "error"
        if name in ("utf8-overlong.md", "cesu8.md", "random.md", "gzip.html", "zip.md"):
            exp = "any"
        out.append(Case(f"bin/{name}", data, exp, "binary"))
    return out


# ------------------------------------------------------------------------------ big and special
def _write_repeated(path: Path, unit: bytes, size: int, prefix: bytes = b"", suffix: bytes = b"") -> None:
    """prefix + whole copies of unit + suffix, about `size` bytes (never a cut character)."""
    with open(path, "wb") as fh:
        fh.write(prefix)
        per_block = max(1, MB // len(unit))
        block = unit * per_block
        copies = max(0, size - len(prefix) - len(suffix)) // len(unit)
        while copies > 0:
            k = min(copies, per_block)
            fh.write(block if k == per_block else unit * k)
            copies -= k
        fh.write(suffix)


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with open(path, "wb") as fh:
            fh.write(b"---\ntitle: big\n---\n")
            fh.truncate(size)
    return make


def _repeat(unit: str, size: int, prefix: str = "", suffix: str = "") -> Callable[[Path], None]:
    def make(path: Path) -> None:
        _write_repeated(path, unit.encode("utf-8"), size, prefix.encode("utf-8"), suffix.encode("utf-8"))
    return make


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _devzero(path: Path) -> None:
    os.symlink("/dev/zero", path)


def _dangling(path: Path) -> None:
    os.symlink(path.parent / "does-not-exist.md", path)


def _directory(path: Path) -> None:
    path.mkdir()
    (path / "inner.md").write_bytes((NORMAL_FM + ORG).encode())


def big_cases() -> list[Case]:
    fm = "---\ntitle: 大文件\n---\n"
    deep = 100_000
    bomb = "---\n" + "\n".join(["b0: &b0 [x, x]"] + [f"b{i}: &b{i} [*b{i-1}, *b{i-1}]" for i in range(1, 25)]) + "\n---\n正文。"
    return [
        Case("big/sparse-50MB.md", make=_sparse(50 * MB), expect="error", kind="size"),
        Case("big/just-over-limit.txt", make=_sparse(20 * MB + 1), expect="error", kind="size"),
        Case("big/text-19MB.txt", make=_repeat("中文文本，第几行。\n", 19 * MB, fm), expect="error", kind="text"),
        Case("big/one-line-19MB.md", make=_repeat("a ", 19 * MB, fm), expect="error", kind="text"),
        Case("big/p-19MB.html", make=_repeat("<p>x", 19 * MB), expect="error", kind="markup"),
        Case("big/b-19MB.html", make=_repeat("<b>", 19 * MB), expect="error", kind="markup"),
        Case("big/lt-19MB.html", make=_repeat("<", 19 * MB, "<p>正文</p>"), expect="error", kind="markup"),
        Case("big/comment-19MB.html", make=_repeat("x", 19 * MB, "<p>正文</p><!--"), expect="built", kind="markup"),
        Case("big/script-19MB.html", make=_repeat("x", 19 * MB, "<p>正文</p><script>"), expect="built", kind="markup"),
        Case("big/amp-5MB.html", make=_repeat("&amp;", 5 * MB, "<p>"), expect="error", kind="text"),
        Case("big/zwsp-2MB.md", make=_repeat(" \u200b", 2 * MB, fm + "a"), expect="built", kind="text"),
        # runs of digits and numerals just under MAX_EXTRACT_CHARS: number patterns once retried
        # from every position of a run (a 16,000-digit line took 33 s, 90,000 would take minutes)
        Case("big/digits-90k.md", (fm + "1" * 90_000 + "\n").encode(), expect="built", kind="text"),
        Case("big/numerals-90k.md", (fm + "一万" * 45_000 + "\n").encode(), expect="built", kind="text"),
        Case("big/deep-100k.html", ("<div>" * deep + "深层的正文。" + "</div>" * deep).encode(), expect="built", kind="nesting"),
        # (the new-user audit: closing nested tables searched the open tables by value, 29 s)
        Case("big/deep-tables-60k.html", ("<p>商务部表示。</p>" + "<table><tr><td>" * 60_000 + "央行表示，增长5%。"
                                          + "</td></tr></table>" * 60_000).encode(), expect="built", kind="nesting"),
        Case("big/deep-unclosed-1M.html", make=_repeat("<b>", 3 * MB, "", "未闭合的正文。"), expect="any", kind="nesting"),
        Case("big/deep-md-quote.md", ("> " * 1_000_000 + "引用的正文。").encode(), expect="built", kind="nesting"),
        Case("big/fm-3MB.md", ("---\n" + "".join(f"k{i}: 'value number {i} 中文内容'\n" for i in range(100_000))
                               + "---\n正文。\n").encode(), expect="error", kind="yaml"),
        Case("big/fm-1M-items.md", ("---\nk: [" + ",".join(["a"] * 1_000_000) + "]\n---\n正文。\n").encode(),
             expect="error", kind="yaml"),
        Case("big/fm-one-3MB-scalar.md", ("---\ntitle: t\nk: '" + "x" * 3_000_000 + "'\n---\n正文。\n").encode(),
             expect="error", kind="yaml"),
        Case("big/fm-exponential.md", bomb.encode(), expect="error", kind="yaml"),
        Case("big/fm-300k-items.md", ("---\nk: [" + ",".join(["a"] * 300_000) + "]\n---\n正文。\n").encode(),
             expect="error", kind="yaml"),
        Case("big/fm-deep-1000.md", ("---\nk: " + "[" * 1000 + "]" * 1000 + "\n---\n正文。\n").encode(),
             expect="error", kind="yaml"),
        Case("special/fifo.md", make=_fifo, expect="any", kind="special", article=False),
        Case("special/devzero.md", make=_devzero, expect="any", kind="special", article=False),
        Case("special/dangling.md", make=_dangling, expect="any", kind="special", article=False),
        Case("special/dir.md", make=_directory, expect="any", kind="special", article=False),
    ]


def write(cases: list[Case], root: Path) -> list[Path]:
    """Write `cases` under `root`; returns the paths (in the order of `cases`)."""
    paths = []
    for c in cases:
        p = root / c.name
        p.parent.mkdir(parents=True, exist_ok=True)
        if c.make is not None:
            c.make(p)
        else:
            p.write_bytes(c.data)
        paths.append(p)
    return paths
