"""What every extractor is: a small named, versioned callable over one Article.

Extractors declare what they `requires` and `produces` (as spaCy components do) so the
pipeline can check the order; they return plain `Records` and never touch rdflib.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Protocol

from ..model import Article, Records


class UserPatternTimeout(Exception):
    """A `--config` pattern ran past kg.limits.USER_PATTERN_SECONDS on one article: the article
    fails with this message, the build goes on."""


@dataclass
class Context:
    """What earlier extractors found in this article, readable by later ones."""
    article: Article
    records: Records = field(default_factory=Records)
    config: dict = field(default_factory=dict)


class Extractor(Protocol):
    name: str
    version: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]

    def __call__(self, ctx: Context) -> Records: ...


@dataclass
class FunctionExtractor:
    name: str
    version: str
    func: Callable[[Context], Records]
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    description: str = ""

    def __call__(self, ctx: Context) -> Records:
        return self.func(ctx)

    @property
    def tag(self) -> str:
        return f"{self.name}@{self.version}"
