"""Office attestations: one row per article calling a person by an office of a state, the days it
dates and the sentence saying so. A projection of linked person records, written by the store beside
them (table office_attestations) and read by the office-holder rules (link/offices.py): it lives here,
below both, so that the store never imports a link stage.
"""
from __future__ import annotations

SENTENCE_ENDS = ".!?\n"


def attestations(entities: list[dict], documents: dict[str, dict]) -> list[dict]:
    """One row per article calling a person by an office of a state, with the days it dates and the
    sentence saying so: what the store keeps (table office_attestations) and terms are made of.
    Every titled role with a state is kept (generic titles are left out when terms are made, so a
    lexicon change needs no rewrite); an undated article with no stated term dates nothing."""
    rows = []
    for entity in entities:
        if entity.get("kind") != "person":
            continue
        for role in entity.get("roles") or []:
            title, country = role.get("title"), role.get("country") or entity.get("country")
            if not title or not country:
                continue
            for sp in role.get("evidence") or []:
                doc = documents.get(sp.get("doc_id")) or {}
                days = _attested_days(role, doc.get("published"))
                if not days:
                    continue
                text = doc.get("text") or ""
                rows.append({"entity_id": entity["id"], "person": entity["name"],
                             "entity_country": entity.get("country"), "office": title, "country": country,
                             "doc_id": sp["doc_id"], "published": doc.get("published") or days[0],
                             "first_day": days[0], "last_day": days[-1],
                             "ended_on": (role.get("end") or "")[:10] or None, "text": sp.get("text"),
                             "sentence": sentence_around(text, sp["start"], sp["end"]) if text else None})
    return rows


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (cut at . ! ? or a line break)."""
    a = max(text.rfind(c, 0, start) for c in SENTENCE_ENDS) + 1
    ends = [i for i in (text.find(c, end) for c in SENTENCE_ENDS) if i >= 0]
    b = min(ends) + 1 if ends else len(text)
    return text[a:b].strip()


def _attested_days(role: dict, published: str | None) -> list[str]:
    """The days a role is evidence for: its stated start and end ("appointed on 1 October 2025"),
    and the article's date unless the role had ended by then (a former office)."""
    days = [d for d in (role.get("start"), role.get("end")) if d]
    if published and not role.get("end"):
        days.append(published)
    return sorted(d[:10] for d in days)
