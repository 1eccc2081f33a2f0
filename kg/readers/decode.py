"""Raw bytes -> text.

Accepted: UTF-8 (with or without BOM), UTF-16 / UTF-32 with a BOM, else GB18030 (strict), or
Big5 when the bytes decode as Big5 too and read as far more ordinary Chinese that way.
Rejected with a ReadError: more than MAX_BYTES, NUL bytes outside UTF-16/32 (binary), text that
is mostly control characters, bytes no codec above decodes cleanly.

The returned string has the BOM removed and CRLF / lone CR turned into LF. This normalised string
is "the decoded source": every `source_start` offset the readers produce refers to it.
"""
from __future__ import annotations

import codecs
import re

from .. import limits
from .errors import ReadError

MAX_BYTES = limits.MAX_FILE_BYTES

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than \t \n \v \f \r, plus DEL
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.01


def check_size(n: int) -> None:
    if n > MAX_BYTES:
        raise ReadError(f"file too large: {n} bytes (limit kg.limits.MAX_FILE_BYTES = {MAX_BYTES})")


def decode_bytes(data: bytes) -> str:
    """Decode `data` (see module doc). Raises ReadError."""
    check_size(len(data))
    text = _decode(data)
    if "\x00" in text:
        raise ReadError("binary data: NUL characters in decoded text")
    controls = len(_CONTROL.findall(text))
    if controls and controls > _MAX_CONTROL_RATIO * len(text):
        raise ReadError(f"binary data: {controls} control characters in {len(text)} characters")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as e:
                raise ReadError(f"not text in a known encoding: bad {codec} after its BOM "
                                f"at byte {e.start + len(bom)}") from None
    if b"\x00" in data:
        raise ReadError(f"binary data: NUL byte at offset {data.index(0)} "
                        f"(and no UTF-16/UTF-32 byte order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as e:
        gb_error = e
        text = None
    # GB18030 decodes nearly any bytes: Big5 (Taiwan, Hong Kong) comes out as rare characters
    # and kana. Big5 wins when it decodes too and reads as far more ordinary Chinese.
    try:
        big5 = data.decode("big5")
    except UnicodeDecodeError:
        big5 = None
    # (a few characters are no evidence: GB18030 'ê' is Big5 那, so Big5 needs some text to win)
    if big5 is not None and (text is None or (len(_HAN.findall(big5[:200])) >= _BIG5_MIN_HAN and
                                              _common_share(big5) > 2 * _common_share(text) + 0.05)):
        return big5
    if text is None:
        raise ReadError(f"not text in a known encoding (tried UTF-8: bad byte at {utf8_error.start}; "
                        f"GB18030: bad byte at {gb_error.start}; Big5)") from None
    return text


# the commonest characters of Chinese news, simplified and traditional (~98% of running text
# in either script draws on a few hundred characters; a wrong decoding almost never does)
_COMMON = frozenset(
    "的一是不了在人有我他这中大来上国個个到说們们为為子和你地出道也时時年得就那要下以生会會自着著去之过過家学學"
    "对對可她里裏后後小么麼心多天而能好都然没沒日于於起还還发發成事只作当當想看文无無开開手十用主行方又如前所本见見经經"
    "头頭面公同三已老从從动動两兩长長知民样樣现現分将將外但身些与與高意进進把法此实實回二理美点點月明其种種声聲全工己話话"
    "比间間部社员員政治新市场場业業元亿億万萬增长長企资資金银銀行区區省城务務管理发展展改革制度规規定关關于府委会議议"
    "表示表记記者报報道据據统統计計数數据上下降升率亿国內内外贸貿易进出口经濟济产產品价價格物消费費投融信息技术術网網络絡"
    "服务务合作机機构構单單位体體系问問题題研究院所工作建设設项項目计劃划施策措加强強推動动促进進支持保障安全疫情防控期间"
    "今次第个個名家人口地方中央领領导導主席总總书書组組织織部门門局厅廳署处處科室负負责責任"
)
_HAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


_BIG5_MIN_HAN = 8


def _common_share(text: str) -> float:
    sample = _HAN.findall(text[:20000])
    if not sample:
        return 0.0
    return sum(ch in _COMMON for ch in sample) / len(sample)
