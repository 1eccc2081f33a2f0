"""User configuration (`kg build --config kg.yaml`): extend gazetteers, word lists and patterns
without code.

    orgs:        [{key, name, aliases, en, kind}]     # kind: GovernmentBody | Company | Organization | MediaOutlet
    media:       [{key, name, aliases, en}]
    places:      [{code, name, short, level, parent, former_names}]
    regions:     [{key, name, aliases, en, members}]
    countries:   [{code, name, full_name, en, aliases}]
    programmes:  [{key, name, aliases, en}]
    stopwords:   [word, ...]                           # never an entity
    persons:     [name, ...]                           # always a person where they appear
    posts:       [post, ...]                           # job titles for "org + post + name"
    speech_verbs: [verb, ...]
    patterns:    [{kind: Organization, regex: '...', group: 0, confidence: 0.7, name: my-rule}]

The config is applied once per process (worker processes apply it again from the copy they get).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import regex
import yaml

GAZETTEER_KEYS = {"orgs", "media", "places", "regions", "countries", "stopwords"}
LEXICON_KEYS = {"posts", "speech_verbs", "surnames"}
OTHER_KEYS = {"programmes", "persons", "patterns"}
KINDS = {"Person", "Organization", "GovernmentBody", "Company", "MediaOutlet", "Place", "Country",
         "AdministrativeArea", "City", "Document", "Law", "Work", "Programme", "Event"}

_applied: str | None = None


class ConfigError(ValueError):
    pass


def load_config(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig") as fh:      # (a stream names the file in YAML's errors)
            data = yaml.safe_load(fh) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 1}, column {where.column + 1}" if where is not None else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}: cannot read config: broken YAML{at}: {what}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from exc
    data = validate(data, str(path))
    # merged here once, so a bad entry is one error about the config, not one per article
    try:
        apply_once(data)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return data


def validate(data: Any, origin: str = "config") -> dict[str, Any]:
    """The config checked: every mistake is one line of the ConfigError, naming the file, the
    section and the entry, so one run shows them all."""
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: expected a mapping of sections")
    errors: list[str] = []
    unknown = set(data) - GAZETTEER_KEYS - LEXICON_KEYS - OTHER_KEYS
    if unknown:
        errors.append(f"{origin}: unknown section(s): {', '.join(sorted(unknown))}")
    # every section is a list: of words, or of entries; a string would be read letter by letter
    # (persons: 周頔 as the persons 周 and 頔), so it is refused, as is any other type
    good: dict[str, list] = {}
    for key, value in data.items():
        if value is None or key in unknown:
            continue
        if not isinstance(value, list):
            errors.append(f"{origin}: {key}: expected a list (YAML `- item` lines), got {_kind(value)}")
            continue
        words = key in WORD_KEYS
        good[key] = []
        for i, item in enumerate(value):
            if words and not (isinstance(item, str) and item.strip()):
                errors.append(f"{origin}: {key}[{i}]: expected a word, got {_kind(item)}")
            elif not words and not isinstance(item, dict):
                errors.append(f"{origin}: {key}[{i}]: expected a mapping (name: ..., ...), got {_kind(item)}")
            else:
                good[key].append((i, item))
    for key in [k for k in good if k in GAZETTEER_KEYS | {"programmes"}]:      # (in the file's order)
        for i, item in good[key]:
            # (an entry without its name says which entry, not only what it holds)
            needs = {"places": ("code", "name"), "countries": ("code",), "programmes": ("name",)}.get(key, ("key", "name"))
            missing = [f for f in needs if f not in item] if key not in WORD_KEYS else []
            if key == "countries" and "name" not in item and "zh" not in item:
                missing.append("name")          # (or zh)
            if missing:
                errors.append(f"{origin}: {key}[{i}]: needs {' and '.join(repr(f) for f in missing)}, got {item!r}"[:300])
    for i, pat in good.get("patterns", ()):
        errors.extend(f"{origin}: patterns[{i}]{msg}" for msg in _pattern_errors(pat))
    if errors:
        raise ConfigError("\n".join(errors))
    return data


def _pattern_errors(pat: dict) -> list[str]:
    if "regex" not in pat or pat.get("kind") not in KINDS:
        return [f" needs 'regex' and a 'kind' among {sorted(KINDS)}"]
    if not isinstance(pat["regex"], str) or not pat["regex"]:
        return [f": regex must be text (quote it: regex: '2021'), got {_kind(pat['regex'])}"]
    out = []
    try:
        # compiled by the engine that will run it (kg.extract.entities), so what is
        # accepted here is what runs there
        rx = regex.compile(pat["regex"])
    except (regex.error, ValueError, OverflowError) as exc:
        return [f": bad regex: {exc}"]
    conf = pat.get("confidence", 0.7)
    if isinstance(conf, bool) or not isinstance(conf, (int, float)) or not 0 <= conf <= 1:
        out.append(f": confidence must be a number from 0 to 1, got {conf!r}")
    group = pat.get("group", 0)
    if not (isinstance(group, int) and not isinstance(group, bool) and 0 <= group <= rx.groups
            or isinstance(group, str) and group in rx.groupindex):
        out.append(f": the regex has no group {group!r} "
                   f"(it has {rx.groups} numbered group(s){': ' + ', '.join(rx.groupindex) if rx.groupindex else ''})")
    return out


# the sections that list words; the others list entries (mappings)
WORD_KEYS = {"stopwords", "persons", "posts", "speech_verbs", "surnames"}


def _kind(value: Any) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "true/false", dict: "a mapping",
            list: "a list"}.get(type(value), type(value).__name__)


def apply_once(config: dict[str, Any] | None) -> None:
    """Merge the config into this process's gazetteers and word lists, once per distinct config."""
    global _applied
    if not config and _applied is None:
        return
    # no config after a config: back to the shipped gazetteers (a build without --config in a
    # process that built with one must extract as `kg build` alone does)
    digest = (hashlib.sha256(json.dumps(config, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
              if config else None)
    if digest == _applied:
        return
    config = config or {}
    from . import gazetteer, lexicon
    from .extract import entities

    gazetteer.reset_user_entries()
    gazetteer.add_user_entries({k: v for k, v in config.items() if k in GAZETTEER_KEYS})
    lexicon.set_extra({k: config.get(k) or [] for k in LEXICON_KEYS})
    entities.set_extra_programmes(config.get("programmes") or [])
    entities.clear_caches()
    _applied = digest
