"""Minting of resource IRIs: deterministic from canonical keys, always valid.

Names are percent-encoded as UTF-8 (RFC 3987 would allow raw CJK, but many stores and tools
mishandle it, and percent-encoding never produces an IRI that Oxigraph rejects). Keys that come
from text are NFKC-normalised and stripped of control characters first, so two spellings that
differ only in width or invisible characters mint the same IRI.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from .vocab import ID

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SAFE = "-._~"


def canonical(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub("", text)
    return " ".join(text.split())


def segment(text: str) -> str:
    """One path segment: never empty, never contains '/', always ASCII."""
    text = canonical(text)
    # lone surrogates cannot be encoded as UTF-8; replace them so the IRI stays valid
    data = text.encode("utf-8", "replace") if text else b"_"
    return quote(data, safe=_SAFE) or "_"


def digest(*parts: object, n: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:n]


def iri(kind: str, *segments: str) -> str:
    return ID + kind + "/" + "/".join(segment(s) for s in segments)
