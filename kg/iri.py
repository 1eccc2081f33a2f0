"""Minting of resource IRIs: deterministic from canonical keys, always valid.

Names are percent-encoded as UTF-8 (RFC 3987 would allow raw CJK, but many stores and tools
mishandle it, and percent-encoding never produces an IRI that Oxigraph rejects). Keys that come
from text are NFKC-normalised and stripped of control characters first, so two spellings that
differ only in width or invisible characters mint the same IRI. Lone surrogates (file names
that are not UTF-8, YAML "\\ud800" escapes) become U+FFFD, as in literals (kg.rdf.clean), never
'?', so they cannot collide with a real question mark.

External IRIs (an article's image and url from its front matter) are the only IRIs kg does not
mint; `external()` admits them: http(s) only; kept as written when valid; surrounding whitespace
removed; characters that IRIs forbid or that some tools misread (spaces of any kind, such as
U+3000 and the no-break space, which rdflib's N-Triples parser splits on; controls; <>"{}|\\^`;
a '%' not starting an escape; non-characters and private use code points) percent-encoded as
UTF-8 (the IRI -> URI mapping of RFC 3987 section 3.1); anything still invalid for Oxigraph (a
bad host or port) refused (None).
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from urllib.parse import quote

from .vocab import ID

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SAFE = "-._~"


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def canonical(text: str) -> str:
    text = _SURROGATE.sub("\ufffd", str(text))
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub("", text)
    return " ".join(text.split())


# a build mints IRIs from the same names and ids hundreds of times per article; normalising and
# percent-encoding them again each time cost ~10% of the extraction CPU (a few articles' worth
# of names: a bigger cache only grows a worker's memory with the corpus)
@functools.lru_cache(maxsize=1 << 12)
def segment(text: str) -> str:
    """One path segment: never empty, never contains '/', always ASCII, never ends in '.'.

    A final '.' is written %2E: Turtle and TriG writers (pyoxigraph's) abbreviate such an IRI
    as a prefixed name ending in an escaped dot (kgr:org\\/Inc\\.), which rdflib cannot read
    back, and "." and ".." segments would be removed by IRI normalisation."""
    text = canonical(text)
    data = text.encode("utf-8") if text else b"_"
    seg = quote(data, safe=_SAFE) or "_"
    if seg.endswith("."):
        seg = seg[:-1] + "%2E"
    return seg


def digest(*parts: object, n: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:n]


def iri(kind: str, *segments: str) -> str:
    return ID + kind + "/" + "/".join(segment(s) for s in segments)


# ---------------------------------------------------------------------------- external IRIs

_HTTP = re.compile(r"https?://", re.IGNORECASE)
# ASCII that may stand in an IRI as it is: unreserved, reserved and '%' (checked below)
_ASCII_OK = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                      "-._~:/?#[]@!$&'()*+,;=%")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _ucschar(c: str) -> bool:
    """RFC 3987 ucschar: the non-ASCII code points an IRI may hold unescaped."""
    o = ord(c)
    if o < 0x10000:
        return 0xA0 <= o <= 0xD7FF or 0xF900 <= o <= 0xFDCF or 0xFDF0 <= o <= 0xFFEF
    return (o & 0xFFFF) <= 0xFFFD and o < 0xF0000


def external(url: str) -> str | None:
    """An http(s) IRI written by someone else, made safe to store, or None (see module doc)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not _HTTP.match(url):
        return None
    if valid(url) and not any(c.isspace() for c in url):
        return url          # already an IRI (a private-use character is fine in its query part)
    url = _SURROGATE.sub("\ufffd", url)
    url = _BAD_PERCENT.sub("%25", url)
    out = []
    for c in url:
        if c in _ASCII_OK or (c > "\x7f" and _ucschar(c) and not c.isspace()):
            out.append(c)
        else:
            out.append(quote(c.encode("utf-8"), safe=""))
    candidate = "".join(out)
    return candidate if valid(candidate) else None


def valid(value: str) -> bool:
    """Whether Oxigraph (the strictest of kg's RDF tools) accepts `value` as an absolute IRI."""
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(value)
    except (ValueError, TypeError):
        return False
    return True
