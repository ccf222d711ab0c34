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
    country_inferred: bool = False  # `country` read from the article's two sides, not stated


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
class OfficeMention:
    """An office naming an actor of an event without their name ("the Home Secretary met …"): the
    link stage may resolve it to the holder on the article's date (link/holders.py)."""
    title: str
    country: str                  # the office's state, as the text states it
    span: Span
    side: str = "participant"

    def to_json(self, doc_id: str) -> dict:
        return {"title": self.title, "country": self.country, "side": self.side, **self.span.evidence(doc_id)}


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
    offices: tuple[OfficeMention, ...] = ()   # actors named by their office only
    also_modes: tuple[str, ...] = ()   # other modes its article tells it with ('arrests', 'seizures')


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


# ---------------------------------------------------------------- linked records (SCHEMA.md)
# What the link stage hands the store and the store hands the exports: one record per real entity,
# event, commitment, figure or quote across the corpus. Each shape is spelled here once; `to_json`
# writes the SCHEMA.md fields plus Liaison's additions (adding fields is allowed by the contract) in
# the order the exports have always written them, and `from_json` reads them back, ignoring keys it
# does not know (pages add their own, such as "sentence").

def _all(make, items) -> tuple:
    return tuple(make(i) for i in items or ())


def _json(items) -> list:
    return [i.to_json() for i in items]


@dataclass(frozen=True)
class Evidence:
    """A stretch of one stored document: `text == document.text[start:end]`."""
    doc_id: str | None
    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"doc_id": self.doc_id, "start": self.start, "end": self.end, "text": self.text}

    @staticmethod
    def from_json(data: dict) -> Evidence:
        return Evidence(data.get("doc_id"), data["start"], data["end"], data.get("text", ""))


@dataclass(frozen=True)
class LinkedActor:
    """An actor of a linked record: `entity_id` is the corpus entity id (or None)."""
    entity_id: str | None
    name: str | None
    role: str | None = None
    country: str | None = None
    side: str = "participant"     # source | target | participant

    def to_json(self) -> dict:
        return {"entity_id": self.entity_id, "name": self.name, "role": self.role,
                "country": self.country, "side": self.side}

    @staticmethod
    def from_json(data: dict | None) -> LinkedActor | None:
        if data is None:
            return None
        return LinkedActor(data.get("entity_id"), data.get("name"), data.get("role"), data.get("country"),
                           data.get("side", "participant"))


def _location(data: dict | None) -> Location | None:
    if data is None:
        return None
    return Location(data.get("name"), data.get("country"), data.get("lat"), data.get("lon"))


def _one(record) -> dict | None:
    return record.to_json() if record else None


@dataclass(frozen=True)
class LinkedRole:
    title: str | None
    organization: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = None
    evidence: tuple[Evidence, ...] = ()

    def to_json(self) -> dict:
        return {"title": self.title, "organization": self.organization, "country": self.country,
                "start": self.start, "end": self.end, "evidence": _json(self.evidence)}

    @staticmethod
    def from_json(data: dict) -> LinkedRole:
        return LinkedRole(data.get("title"), data.get("organization"), data.get("country"), data.get("start"),
                          data.get("end"), _all(Evidence.from_json, data.get("evidence")))


@dataclass(frozen=True)
class LinkedEntity:
    id: str
    kind: str                   # person | organization | country | place
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    roles: tuple[LinkedRole, ...] = ()
    mentions: tuple[Evidence, ...] = ()
    lat: float | None = None
    lon: float | None = None
    wikidata: str | None = None
    documents: tuple[str, ...] = ()     # every document naming it
    explanation: str = ""               # why these mentions are one entity

    SCHEMA_FIELDS = ("id", "kind", "name", "aliases", "country", "roles", "mentions", "lat", "lon",
                     "wikidata")

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "name": self.name, "aliases": list(self.aliases),
                "country": self.country, "roles": _json(self.roles), "mentions": _json(self.mentions),
                "lat": self.lat, "lon": self.lon, "wikidata": self.wikidata,
                "documents": list(self.documents), "explanation": self.explanation}

    @staticmethod
    def from_json(data: dict) -> LinkedEntity:
        return LinkedEntity(data["id"], data["kind"], data["name"], tuple(data.get("aliases") or ()),
                            data.get("country"), _all(LinkedRole.from_json, data.get("roles")),
                            _all(Evidence.from_json, data.get("mentions")), data.get("lat"), data.get("lon"),
                            data.get("wikidata"), tuple(data.get("documents") or ()),
                            data.get("explanation") or "")


@dataclass(frozen=True)
class LinkedEvent:
    id: str
    type: str                   # PLOVER type
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    date: DateValue | None = None
    location: Location | None = None
    actors: tuple[LinkedActor, ...] = ()
    countries: tuple[str, ...] = ()
    summary: str = ""
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[str, ...] = ()       # every document reporting it
    confidence: float = 0.5
    explanation: str = ""
    salience: str = "background"        # main | background

    SCHEMA_FIELDS = ("id", "type", "mode", "contexts", "date", "location", "actors", "countries", "summary",
                     "evidence", "sources", "confidence", "explanation")

    def to_json(self) -> dict:
        return {"type": self.type, "mode": self.mode, "contexts": list(self.contexts),
                "date": _one(self.date), "location": _one(self.location),
                "actors": _json(self.actors), "countries": list(self.countries), "summary": self.summary,
                "evidence": _json(self.evidence), "confidence": self.confidence,
                "explanation": self.explanation, "salience": self.salience, "sources": list(self.sources),
                "id": self.id}

    @staticmethod
    def from_json(data: dict) -> LinkedEvent:
        return LinkedEvent(data["id"], data["type"], data.get("mode"), tuple(data.get("contexts") or ()),
                           DateValue.from_json(data.get("date")), _location(data.get("location")),
                           _all(LinkedActor.from_json, data.get("actors")),
                           tuple(data.get("countries") or ()),
                           data.get("summary") or "", _all(Evidence.from_json, data.get("evidence")),
                           tuple(data.get("sources") or ()), data.get("confidence", 0.5),
                           data.get("explanation") or "", data.get("salience", "background"))


@dataclass(frozen=True)
class LinkedCommitment:
    id: str
    action: str
    actor: LinkedActor | None = None
    countries: tuple[str, ...] = ()
    due: DateValue | None = None
    status: str = "unknown"             # open | fulfilled | overdue | unknown
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[str, ...] = ()
    explanation: str = ""
    fulfilled_by: str | None = None     # the event that carried it out
    status_note: str | None = None      # why the status is not read at face value

    SCHEMA_FIELDS = ("id", "actor", "countries", "action", "due", "status", "evidence", "sources")

    def to_json(self) -> dict:
        out = {"actor": _one(self.actor), "countries": list(self.countries),
               "action": self.action, "due": _one(self.due), "status": self.status,
               "evidence": _json(self.evidence), "explanation": self.explanation, "id": self.id,
               "sources": list(self.sources)}
        for key in ("fulfilled_by", "status_note"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    @staticmethod
    def from_json(data: dict) -> LinkedCommitment:
        return LinkedCommitment(data["id"], data.get("action") or "",
                                LinkedActor.from_json(data.get("actor")),
                                tuple(data.get("countries") or ()), DateValue.from_json(data.get("due")),
                                data.get("status", "unknown"), _all(Evidence.from_json, data.get("evidence")),
                                tuple(data.get("sources") or ()), data.get("explanation") or "",
                                data.get("fulfilled_by"), data.get("status_note"))


@dataclass(frozen=True)
class LinkedFigure:
    id: str
    value: float
    unit: str | None = None
    subject: str | None = None
    period: DateValue | None = None
    speaker: LinkedActor | None = None
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[str, ...] = ()
    explanation: str = ""

    SCHEMA_FIELDS = ("id", "value", "unit", "subject", "period", "speaker", "evidence", "sources")

    def to_json(self) -> dict:
        return {"value": self.value, "unit": self.unit, "subject": self.subject,
                "period": _one(self.period), "speaker": _one(self.speaker),
                "evidence": _json(self.evidence), "explanation": self.explanation, "id": self.id,
                "sources": list(self.sources)}

    @staticmethod
    def from_json(data: dict) -> LinkedFigure:
        return LinkedFigure(data["id"], data["value"], data.get("unit"), data.get("subject"),
                            DateValue.from_json(data.get("period")),
                            LinkedActor.from_json(data.get("speaker")),
                            _all(Evidence.from_json, data.get("evidence")), tuple(data.get("sources") or ()),
                            data.get("explanation") or "")


@dataclass(frozen=True)
class LinkedQuote:
    id: str
    text: str
    speaker: LinkedActor | None = None
    lang: str | None = None
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[str, ...] = ()

    SCHEMA_FIELDS = ("id", "speaker", "text", "lang", "evidence")

    def to_json(self) -> dict:
        return {"speaker": _one(self.speaker), "text": self.text, "lang": self.lang,
                "evidence": _json(self.evidence), "id": self.id, "sources": list(self.sources)}

    @staticmethod
    def from_json(data: dict) -> LinkedQuote:
        return LinkedQuote(data["id"], data.get("text") or "", LinkedActor.from_json(data.get("speaker")),
                           data.get("lang"), _all(Evidence.from_json, data.get("evidence")),
                           tuple(data.get("sources") or ()))


LINKED = {"entity": LinkedEntity, "event": LinkedEvent, "commitment": LinkedCommitment,
          "figure": LinkedFigure, "quote": LinkedQuote}
