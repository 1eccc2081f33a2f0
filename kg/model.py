"""Plain data passed between the stages: no rdflib here.

file -> Article (readers) -> records (extractors) -> entities (resolve) -> RDF (rdf) -> store.
Offsets are character offsets into `Article.text`; `Article.source_offset` maps them back to
the source file.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Paragraph:
    start: int          # offset in Article.text
    end: int
    source_start: int   # offset of the paragraph's first character in the decoded source file


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class StockAnnotation:
    code: str           # e.g. sh600295
    word: str           # the linked word in the text
    start: int
    end: int


@dataclass
class TableCell:
    """A cell of an HTML table: where its text is in Article.text and where it sits in its table's
    grid (rows and columns counted with the spans of the cells before it)."""
    table: int          # the article's n-th table, from 0
    row: int
    col: int
    rows: int           # rowspan
    cols: int           # colspan
    start: int
    end: int


@dataclass
class Article:
    id: str
    path: str                 # the source path as given
    content_hash: str         # sha256 of the raw bytes
    text: str                 # body text: paragraphs joined by "\n"
    meta: dict[str, Any] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    stock_links: list[StockAnnotation] = field(default_factory=list)
    table_cells: list[TableCell] = field(default_factory=list)
    # byline / credits found by the reader in the HTML (e.g. an editor inside a comment)
    editor_raw: list[str] = field(default_factory=list)
    fmt: str = "text"

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or "")

    def _index_at(self, key: str, spans: list, offset: int) -> int | None:
        # spans are sorted and disjoint: bisect, so long articles stay linear overall (the starts
        # are kept, and made again if the list was replaced)
        starts = self.__dict__.get(key)
        if starts is None or len(starts) != len(spans):
            starts = self.__dict__[key] = [x.start for x in spans]
        i = bisect.bisect_right(starts, offset) - 1
        return i if i >= 0 and spans[i].start <= offset < spans[i].end else None

    def paragraph_index(self, offset: int) -> int | None:
        """The index of the paragraph holding this offset, or None."""
        return self._index_at("_paragraph_starts", self.paragraphs, offset)

    def sentence_at(self, offset: int) -> Sentence | None:
        i = self._index_at("_sentence_starts", self.sentences, offset)
        return self.sentences[i] if i is not None else None

    def source_offset(self, offset: int) -> int | None:
        for p in self.paragraphs:
            if p.start <= offset <= p.end:
                return p.source_start + (offset - p.start)
        return None


@dataclass
class Mention:
    """A named thing found in the text (or in the metadata, then span is None)."""
    text: str                    # surface form
    kind: str                    # Person | Organization | GovernmentBody | Company | MediaOutlet | Place
                                 # | Country | City | AdministrativeArea | Document | Law | Programme | Event
    span: Span | None
    confidence: float
    extractor: str = ""
    rule: str = ""
    key: str | None = None       # a canonical key when the extractor knows it (gazetteer id, adcode)
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Relation:
    """An n-ary fact. `kind` is one of: role, document, designation, statement, measure, hosting, credit.

    `args` maps a slot name to a Mention (an entity) or to a plain value (str/float).
    """
    kind: str
    args: dict[str, Any]
    span: Span | None
    confidence: float
    extractor: str = ""
    rule: str = ""


@dataclass
class Quantity:
    value: float
    unit: str                    # CNY, USD, PERCENT, NUM, TONNE ...
    surface: str
    span: Span
    confidence: float
    indicator: str | None = None
    period: str | None = None
    comparison: str | None = None    # 同比 | 环比 | ...
    compared_as: str | None = None   # 百分点: a difference in percentage points (PERCENT); 倍: a multiple (NUM)
    place: Mention | None = None
    source: str | None = None
    extractor: str = ""
    rule: str = ""
    direction: str | None = None     # "up" | "down": a change (增长5%, 下降2.7%, value negative), not a level
    source_org: Mention | None = None    # the organisation the source names (国家统计局 in 国家统计局数据)
    period_start: str | None = None      # the dates the period covers (ISO; kg.extract.periods)
    period_end: str | None = None
    approximation: str | None = None     # about | over | under | at-least | at-most (约, 超过, 不到 ...)
    per: str | None = None               # 吨 in 809.6元/吨: an amount per that unit (a price, a rate)
    modality: str | None = None          # forecast | target (预计, 力争): not a figure reached


@dataclass
class Records:
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def extend(self, other: "Records") -> None:
        self.mentions.extend(other.mentions)
        self.relations.extend(other.relations)
        self.quantities.extend(other.quantities)


@dataclass
class Entity:
    """One real-world thing, identified across articles by its canonical `key`."""
    key: str                      # e.g. person:高峰, org:mofcom, division:150600, doc:<title>
    kind: str                     # our class name (Person, GovernmentBody, City, Document ...)
    label: str                    # canonical zh label
    alt_labels: set[str] = field(default_factory=set)
    en: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    reasons: set[str] = field(default_factory=set)
