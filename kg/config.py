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
import re
from pathlib import Path
from typing import Any

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
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from exc
    data = validate(data, str(path))
    # merged here once, so a bad entry is one error about the config, not one per article
    try:
        apply_once(data)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return data


def validate(data: Any, origin: str = "config") -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: expected a mapping of sections")
    unknown = set(data) - GAZETTEER_KEYS - LEXICON_KEYS - OTHER_KEYS
    if unknown:
        raise ConfigError(f"{origin}: unknown section(s): {', '.join(sorted(unknown))}")
    for i, pat in enumerate(data.get("patterns") or []):
        if not isinstance(pat, dict) or "regex" not in pat or pat.get("kind") not in KINDS:
            raise ConfigError(f"{origin}: patterns[{i}] needs 'regex' and a 'kind' among {sorted(KINDS)}")
        try:
            re.compile(pat["regex"])
        except re.error as exc:
            raise ConfigError(f"{origin}: patterns[{i}]: bad regex: {exc}") from exc
    return data


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
