"""The frozen records passed between pipeline stages.

Every stage is a function `Document -> Document` that returns a copy with more filled in
(`dataclasses.replace`). Offsets are always character offsets into `Document.text`.
`to_json()` methods give the SCHEMA.md shapes used by the store and the exports.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, replace
from typing import Any

PRECISIONS = ("day", "week", "month", "season", "year", "unknown")     # finest first


def parse_day(text: str | None) -> dt.date | None:
    """The day an ISO date or datetime string starts with ("2024-03-05T10:00" -> 2024-03-05);
    None when there is none."""
    try:
        return dt.date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Span:
    """A stretch of one document's text; `text == document.text[start:end]`."""
    start: int
    end: int
    text: str

    def evidence(self, doc_id: str) -> dict:
        return {"doc_id": doc_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class DateValue:
    """A normalised temporal expression. ISO strings; `year_unstated` when the text gave no year;
    `basis` says whether the text states the date for this fact ("stated") or it was inferred
    (from the publication day, the lead, a month stamp: "inferred")."""
    start: str | None
    end: str | None
    precision: str = "day"
    year_unstated: bool = False
    basis: str | None = None

    def to_json(self) -> dict:
        out = {"start": self.start, "end": self.end, "precision": self.precision}
        if self.year_unstated:
            out["year_unstated"] = True
        if self.basis:
            out["basis"] = self.basis
        return out

    def stated(self) -> DateValue:
        return replace(self, basis="stated")

    @staticmethod
    def from_json(data: dict | None) -> DateValue | None:
        if not data:
            return None
        return DateValue(data.get("start"), data.get("end"), data.get("precision", "day"),
                         bool(data.get("year_unstated")), data.get("basis"))


@dataclass(frozen=True)
class Mention:
    """A named or temporal mention found in the text.

    kind: person | organization | country | place | date | title | demonym
    value: the normalised value: ISO alpha-3 for countries and demonyms, canonical name for places,
           organisations and titles, a DateValue JSON dict for dates.
    """
    kind: str
    span: Span
    value: Any = None
    source: str = ""          # which rule or model produced it ("ner", "gazetteer", "title_pattern")
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Role:
    title: str
    organization: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = None
    evidence: tuple[Span, ...] = ()

    def to_json(self, doc_id: str) -> dict:
        return {"title": self.title, "organization": self.organization, "country": self.country,
                "start": self.start, "end": self.end,
                "evidence": [s.evidence(doc_id) for s in self.evidence]}


@dataclass(frozen=True)
class Entity:
    """A person, organisation, country or place as known inside one document.

    `key` is unique inside the document (e.g. "person:laurent nunez"); cross-document ids are
    assigned by the link stage.
    """
    key: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    roles: tuple[Role, ...] = ()
    mentions: tuple[Span, ...] = ()
    lat: float | None = None
    lon: float | None = None
    wikidata: str | None = None
    explanation: str = ""
    foreign_to: str | None = None   # state unknown, but the counterpart of this state's official


@dataclass(frozen=True)
class Actor:
    name: str
    entity_key: str | None = None
    role: str | None = None
    country: str | None = None
    side: str = "participant"     # source | target | participant
    foreign_to: str | None = None   # see Entity.foreign_to

    def to_json(self) -> dict:
        return {"entity_id": self.entity_key, "name": self.name, "role": self.role,
                "country": self.country, "side": self.side}


@dataclass(frozen=True)
class Location:
    name: str | None
    country: str | None
    lat: float | None = None
    lon: float | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class Event:
    type: str
    evidence: tuple[Span, ...]
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    date: DateValue | None = None
    location: Location | None = None
    actors: tuple[Actor, ...] = ()
    countries: tuple[str, ...] = ()
    summary: str = ""
    confidence: float = 0.5
    explanation: str = ""
    salience: str = "background"      # main | background
    hypothetical: bool = False
    vector: str | None = field(default=None, compare=False, repr=False)   # the evidence's sentence vector
    article_date: str | None = None   # the day the article's main act happened (its reference date)


@dataclass(frozen=True)
class Commitment:
    action: str
    evidence: tuple[Span, ...]
    actor: Actor | None = None
    countries: tuple[str, ...] = ()
    due: DateValue | None = None
    status: str = "open"
    explanation: str = ""


@dataclass(frozen=True)
class Figure:
    value: float
    evidence: tuple[Span, ...]
    unit: str | None = None
    subject: str | None = None
    period: DateValue | None = None
    speaker: Actor | None = None
    explanation: str = ""


@dataclass(frozen=True)
class Quote:
    text: str
    evidence: tuple[Span, ...]
    speaker: Actor | None = None
    lang: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """What an input source gave us, before cleaning. `raw` is kept verbatim in the store."""
    source: str
    raw: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    external_id: str | None = None
    fmt: str = "text"          # text | html


@dataclass(frozen=True)
class Document:
    id: str
    source: str
    text: str
    raw: str = ""
    url: str | None = None
    title: str | None = None
    lang: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    duplicate_of: str | None = None
    # clean->raw offset map: sorted (clean_start, raw_start) anchors; see ingest.clean.raw_offset
    offset_map: tuple[tuple[int, int], ...] = ()
    meta: dict = field(default_factory=dict)
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # the spaCy Doc and the tokens (nlp.tokens.Token) of the nlp stage: in memory only, never
    # stored or compared
    parsed: Any = field(default=None, compare=False, repr=False)
    tokens: tuple = field(default=(), compare=False, repr=False)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def with_(self, **changes: Any) -> Document:
        return replace(self, **changes)

    def document_json(self) -> dict:
        return {"id": self.id, "source": self.source, "url": self.url, "title": self.title,
                "lang": self.lang, "published": self.published, "outlet": self.outlet,
                "authors": list(self.authors), "text": self.text, "duplicate_of": self.duplicate_of}


def plain(obj: Any) -> Any:
    """Records -> JSON-able structures (dataclasses become dicts, tuples lists)."""
    if hasattr(obj, "__dataclass_fields__"):
        return {k: plain(v) for k, v in asdict(obj).items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    return obj
