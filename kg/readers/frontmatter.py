"""YAML front matter: find it, parse it safely, normalise the metadata.

    ---                     <- optional blank lines / BOM before it
    title: '...'
    date: Thu, 17 Feb 2022 08:10:10 GMT
    ---                     <- or '...'
    body

Parsing is `yaml` safe loading with every implicit resolver removed, so plain scalars stay text:
`0012` stays "0012", `NO` stays "NO", `12:30:00` stays "12:30:00" (lists and mappings are kept).
Before constructing anything the event stream is scanned: more than MAX_ALIASES aliases,
nesting deeper than MAX_DEPTH or more than MAX_EVENTS parser events is refused, so alias bombs
and megabytes of YAML cost nothing; front matter longer than MAX_BYTES is refused unparsed
(limits: kg/limits.py).

Normalised metadata (see `normalise_meta`):
    title: str, categories: list[str], author: str (the publishing outlet),
    date_raw: str (as written), date: ISO 8601, in UTC "2022-02-17T08:10:10+00:00" when the date
    names its zone, else in Beijing time "2022-02-17T08:10:00+08:00" (absent when the raw date
    cannot be parsed), images: list[str]
    (headimg, thumbnail, images; deduplicated, order kept), any other key: str, or list[str] for a
    list of scalars.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import yaml

from .. import limits
from .errors import ReadError

MAX_ALIASES = limits.MAX_YAML_ALIASES
MAX_DEPTH = limits.MAX_YAML_DEPTH
MAX_NODES = limits.MAX_YAML_NODES   # values visited while normalising (bounds residual expansion)
MAX_EVENTS = limits.MAX_YAML_EVENTS
MAX_BYTES = limits.MAX_FRONT_MATTER_BYTES

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader whose plain scalars are all strings (no int/float/bool/null/timestamp)."""


_TextLoader.yaml_implicit_resolvers = {}

_OPEN = re.compile(r"\A(?:[ \t\ufeff]*\n)*[\ufeff]?---[ \t]*(?:\n|\Z)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass
class FrontMatter:
    yaml_text: str | None     # None: the file has no front matter
    first_line: int           # 1-based line number of yaml_text's first line in the source
    body_offset: int          # offset of the body in the source string


def split(text: str) -> FrontMatter:
    """Locate the front matter. Raises ReadError if it is opened but never closed."""
    m = _OPEN.match(text)
    if not m:
        return FrontMatter(None, 0, 0)
    start = m.end()
    close = _CLOSE.search(text, start)
    if close is None:
        raise ReadError("front matter opened with '---' but never closed")
    body = close.end()
    if text.startswith("\n", body):
        body += 1
    return FrontMatter(text[start:close.start()], text.count("\n", 0, start) + 1, body)


def parse_yaml(yaml_text: str, first_line: int = 1) -> dict[str, Any]:
    """Parse the front matter YAML into a dict (values as constructed, all scalars text)."""
    if len(yaml_text) > MAX_BYTES and len(yaml_text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ReadError(f"front matter refused: longer than {MAX_BYTES} bytes "
                        "(kg.limits.MAX_FRONT_MATTER_BYTES)")
    try:
        _check_events(yaml_text)
        data = yaml.load(yaml_text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = f" at line {mark.line + first_line}, column {mark.column + 1}" if mark else ""
        what = "; ".join(x for x in (e.context, e.problem) if x) or "syntax error"
        raise ReadError(f"broken YAML front matter{where}: {what}") from None
    except yaml.YAMLError as e:
        raise ReadError(f"broken YAML front matter: {e}") from None
    except (RecursionError, TypeError, ValueError) as e:
        raise ReadError(f"broken YAML front matter: {type(e).__name__}: {e}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ReadError(f"front matter is not a mapping (got a {type(data).__name__})")
    return data


def _check_events(yaml_text: str) -> None:
    aliases = depth = 0
    for n, ev in enumerate(yaml.parse(yaml_text, Loader=_BaseLoader)):
        if n > MAX_EVENTS:
            raise ReadError(f"front matter refused: more than {MAX_EVENTS} YAML values "
                            "(kg.limits.MAX_YAML_EVENTS)")
        if isinstance(ev, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise ReadError(f"front matter refused: more than {MAX_ALIASES} YAML aliases")
        elif isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise ReadError(f"front matter refused: YAML nested deeper than {MAX_DEPTH}")
        elif isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


_CHINA = timezone(timedelta(hours=8))      # China Standard Time, where the news happens


# ---------------------------------------------------------------- normalisation

_IMAGE_KEYS = ("headimg", "thumbnail", "images", "image")


def normalise_meta(data: dict[Any, Any]) -> dict[str, Any]:
    budget = [MAX_NODES]
    meta: dict[str, Any] = {}
    images: list[str] = []
    for key, value in data.items():
        k = _text(key, budget).strip()
        if k == "title":
            meta["title"] = _untagged(" ".join(_strings(value, budget)))
            if isinstance(value, dict) or isinstance(value, (list, tuple)) and not all(map(_is_scalar, value)):
                meta["title_not_text"] = True
        elif k == "categories":
            meta["categories"] = [c for c in (_untagged(c) for c in _strings(value, budget)) if c]
        elif k == "author":
            meta["author"] = _untagged(" ".join(_strings(value, budget)))
        elif k == "date":
            raw = " ".join(_strings(value, budget)).strip()
            meta["date_raw"] = raw
            iso = parse_date(raw)
            if iso:
                meta["date"] = iso
        elif k in _IMAGE_KEYS:
            for url in _strings(value, budget):
                url = url.strip()
                if url and url not in images:
                    images.append(url)
        elif isinstance(value, (list, tuple)) and all(_is_scalar(v) for v in value):
            meta[k] = [_text(v, budget) for v in value]
        else:
            meta[k] = _text(value, budget)
    if images:
        meta["images"] = images
    return meta


_CN_DATE = re.compile(r"^(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?"
                      r"(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})\s*秒?)?\s*分?)?$")


def parse_date(raw: str) -> str | None:
    """RFC 2822, ISO 8601 or the forms Chinese sites write (2022年2月17日 08:10, 2022/02/17) ->
    ISO 8601: in UTC when the date names its zone ("Thu, 17 Feb 2022 08:10:10 GMT" ->
    "2022-02-17T08:10:10+00:00"), in Beijing time with its offset when it names none
    ("2022年2月17日 08:10" -> "2022-02-17T08:10:00+08:00"); else None."""
    s = raw.strip()
    if not s:
        return None
    dt: datetime | None = None
    try:
        dt = parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    # email.utils reads a year below 100 as 19xx/20xx: "01 Jan 0001" is not 2001
    year = re.search(r"\b(\d{4})\b", s)
    if dt is not None and year and int(year.group(1)) != dt.year:
        return None
    m = _CN_DATE.match(s) if dt is None else None
    if m:                               # 2022年2月17日, 2022/02/17 08:10, 2022.2.17
        try:
            dt = datetime(*(int(g) for g in m.groups(default="0")))
        except ValueError:
            return None
    if dt is None:
        iso = s[:-1] + "+00:00" if s[-1] in "Zz" else s
        try:
            dt = datetime.fromisoformat(iso)
        except ValueError:
            return None
    try:
        if dt.tzinfo is None:
            # a Chinese site's time without a zone is Beijing time: kept with its offset, so that
            # its date is the day it names (2022年2月17日 -> 2022-02-17T00:00:00+08:00)
            return dt.replace(tzinfo=_CHINA).isoformat(timespec="seconds")
        return dt.astimezone(timezone.utc).isoformat(timespec="seconds")
    except (ValueError, OverflowError):
        return None


def local_day(raw: str) -> str | None:
    """The day an article's date falls on where its news happens (China, UTC+8): the day that
    昨天, 当天 and 3月31日 count from. "Wed, 16 Feb 2022 23:30:00 GMT" is 2022-02-17 in Beijing;
    a date without a time zone (2022年2月17日 20:00) is already Beijing time."""
    iso = parse_date(raw or "")
    return day_in_china(iso) if iso else None


def day_in_china(iso: str) -> str:
    """The day in China of an ISO date as parse_date writes it (meta["date"])."""
    return datetime.fromisoformat(iso).astimezone(_CHINA).date().isoformat()


# author: "<b>新华社</b>": markup in a field that names things is no part of the name
_TAG = re.compile(r"</?(?:a|b|i|u|s|em|strong|span|font|p|br|div|sub|sup|small|big|img|mark|h[1-6])\b[^<>]{0,200}>",
                  re.IGNORECASE)


def _untagged(text: str) -> str:
    return _TAG.sub("", text).strip()


def _is_scalar(v: Any) -> bool:
    return not isinstance(v, (list, tuple, dict, set))


def _spend(budget: list[int]) -> None:
    budget[0] -= 1
    if budget[0] < 0:
        raise ReadError("front matter refused: too many values (aliases expanding?)")


def _strings(value: Any, budget: list[int]) -> list[str]:
    """A scalar or a list of scalars as a list of strings (nested values serialised)."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [_text(v, budget) for v in value if v is not None]
    return [_text(value, budget)]


def _text(value: Any, budget: list[int]) -> str:
    _spend(budget)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):   # !!binary
        return value.decode("utf-8", "replace")
    if isinstance(value, (list, tuple, set, dict)):
        return json.dumps(_plain(value, budget), ensure_ascii=False)
    return str(value)


def _plain(value: Any, budget: list[int], depth: int = 0) -> Any:
    _spend(budget)
    if depth > MAX_DEPTH:   # only reachable through a self-referencing alias
        raise ReadError("front matter refused: recursive YAML structure")
    if isinstance(value, dict):
        return {_text(k, budget): _plain(v, budget, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v, budget, depth + 1) for v in value]
    return _text(value, budget)
