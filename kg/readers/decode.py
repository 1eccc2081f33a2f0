"""Raw bytes -> text.

Accepted: UTF-8 (with or without BOM), UTF-16 / UTF-32 with a BOM, else GB18030 (strict).
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
        raise ReadError(f"file too large: {n} bytes (limit MAX_BYTES = {MAX_BYTES})")


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
        return data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise ReadError(f"not text in a known encoding (tried UTF-8: bad byte at {utf8_error.start}; "
                        f"GB18030: bad byte at {e.start})") from None
