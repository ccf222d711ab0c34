"""Cross-document event merging: one event per real event, with every source and its evidence.

Merging is scored clustering (pairing.py gives each pair of reports a score and its reasons):
1. candidate pairs come from blocks (a shared state and a date window, or no date), so the work
   grows with the corpus, not with its square;
2. pairs are joined best first while their score reaches THRESHOLD, under two constraints: two
   reports of one document never join (the extractor already decided they differ), and no pair
   inside a cluster may be vetoed (different stated days, no state in common, other types);
3. a second pass joins, at a lower threshold, the reports of two documents that already share an
   event: the same occasion told by both (a meeting and the signature that closed it).
A near-duplicate document adds its id to the sources of what its original reports, never a second
record. Every merge is explained in words, with the score.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from itertools import combinations

from liaison.link.pairing import PairScore, date_feature, pair_score
from liaison.nlp.vectors import decode_vector
from liaison.records import PRECISIONS, parse_day
from liaison.wording import summary

THRESHOLD = 2.4  # a pair scoring this much is one event (calibrated on the annotated pairs)
OCCASION_THRESHOLD = 1.8  # ... when the two documents already share an event
WINDOW_DAYS = 10  # block width: reports further apart are never compared


def _localise(row: dict, key_to_id: dict, names: dict[str, str],
              states: dict[str, str] | None = None, guessed: frozenset = frozenset()) -> dict:
    """Document-local actor keys -> corpus entity ids and their canonical names; an actor whose
    state its own article leaves open (or only reads from its two sides: `guessed` holds those
    (doc id, local key)) takes the state the corpus knows for that person."""
    p = dict(row["payload"])
    actors = []
    for a in p.get("actors", []):
        entity_id = key_to_id.get((row["doc_id"], a.get("entity_id")), a.get("entity_id"))
        actor = {**a, "entity_id": entity_id, "name": names.get(entity_id, a.get("name"))}
        known = (states or {}).get(entity_id)
        if (row["doc_id"], a.get("entity_id")) in guessed and known not in (None, a.get("country")):
            actor["country"] = None     # read from the two sides, refuted by other articles: completed below
        actors.append(actor)
    p["actors"] = actors
    _states_known_elsewhere(p, states or {})
    if [a.get("country") for a in actors] != [a.get("country") for a in row["payload"].get("actors", [])]:
        # the summary was written with the article's own states for its actors
        p["summary"] = summary(p["type"], p.get("mode"), actors, p.get("countries", []),
                               (p.get("location") or {}).get("name"))
    p["sources"] = [row["doc_id"]]
    p["fact_ids"] = [row["id"]]
    return p


def _states_known_elsewhere(event: dict, states: dict[str, str]) -> None:
    """'Laftit and his Spanish counterpart met' in a Moroccan outlet never says Laftit is Moroccan;
    the articles that do say it made the linked person MAR. His state joins the event's, and the
    explanation says where it came from."""
    added = []
    for a in event["actors"]:
        known = states.get(a.get("entity_id"))
        if known and not a.get("country"):
            a["country"] = known
            if known not in event.get("countries", []):
                added.append(f"{known} ({a.get('name')}, from other articles)")
                event["countries"] = [*event.get("countries", []), known]
    if added:
        said = event.get("explanation") or ""
        event["explanation"] = f"{said}; states completed at linking: {', '.join(added)}"


def _weeks(date: dict | None) -> list | range:
    """The weeks a report is blocked in: every week its date covers (a month, a year) widened by
    WINDOW_DAYS on each side; an undated report is blocked by its states alone."""
    start = parse_day((date or {}).get("start"))
    if start is None:
        return [None]
    end = parse_day((date or {}).get("end")) or start
    return range((start.toordinal() - WINDOW_DAYS) // 7, (end.toordinal() + WINDOW_DAYS) // 7 + 1)


def _blocks(events: list[dict]) -> dict[tuple, list[int]]:
    """Block keys: (state, week) for dated reports, (state, None) for undated ones; a report is in
    the blocks of its weeks and the neighbouring ones, so a window of WINDOW_DAYS is covered."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        weeks = _weeks(e.get("date"))
        for state in e.get("countries") or ["?"]:
            for week in weeks:
                blocks[(state, week)].append(i)
    return blocks


def candidate_pairs(events: list[dict]) -> set[tuple[int, int]]:
    pairs = set()
    blocks = _blocks(events)
    undated, by_state = defaultdict(list), defaultdict(set)
    for (state, week), members in blocks.items():
        by_state[state].update(members)
        if week is None:
            undated[state] = members
            continue
        pairs |= {(a, b) for a, b in combinations(sorted(members), 2)}
    for state, members in undated.items():  # an undated report meets every report of its states
        pairs |= {tuple(sorted((a, b))) for a in members for b in by_state[state] if a != b}
    return {(a, b) for a, b in pairs if events[a]["sources"][0] != events[b]["sources"][0]}


class Clusters:
    def __init__(self, n: int):
        self.parent = list(range(n))
        self.members = {i: [i] for i in range(n)}

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)


def _compatible(ca: list[int], cb: list[int], events: list[dict], scores: dict) -> bool:
    """Two clusters may join when no two of their reports come from one document and no pair is
    vetoed; a pair never compared (blocked apart: weeks apart) must still have compatible dates, or
    an undated report would chain the reports of two different meetings into one."""
    docs_a = {events[i]["sources"][0] for i in ca}
    if docs_a & {events[i]["sources"][0] for i in cb}:
        return False
    for i in ca:
        for j in cb:
            s = scores.get((min(i, j), max(i, j)))
            if s is None:
                s = PairScore()
                date_feature(events[i].get("date"), events[j].get("date"), s)
            if s.vetoed:
                return False
    return True


def cluster(
    events: list[dict],
    scores: dict[tuple[int, int], PairScore],
    threshold: float,
    clusters: Clusters,
    joins: dict,
) -> None:
    """Join pairs best first; `joins` records, for each report, the pair that brought it in."""
    for (a, b), s in sorted(scores.items(), key=lambda kv: (-kv[1].score, kv[0])):
        if s.vetoed or s.score < threshold:
            continue
        ra, rb = clusters.root(a), clusters.root(b)
        if ra != rb and _compatible(clusters.members[ra], clusters.members[rb], events, scores):
            clusters.join(ra, rb)
            joins.setdefault(b, (a, s, threshold))
            joins.setdefault(a, (b, s, threshold))


def _finer(new: dict | None, old: dict | None) -> bool:
    """Is `new` a better date than `old`: present, stated, with a year, then finer?"""
    if not new:
        return False
    if not old:
        return True

    def rank(d: dict) -> tuple[bool, bool, int]:
        p = d.get("precision")
        return (
            d.get("basis") == "inferred",
            bool(d.get("year_unstated")),
            PRECISIONS.index(p) if p in PRECISIONS else 9,
        )

    return rank(new) < rank(old)


def _absorb(target: dict, event: dict, reason: str, label: str) -> None:
    target["sources"] += [s for s in event["sources"] if s not in target["sources"]]
    target["fact_ids"].extend(event["fact_ids"])
    target["evidence"] = target["evidence"] + event["evidence"]
    if _finer(event.get("date"), target.get("date")):
        target["date"] = event["date"]  # a missing, inferred or vaguer date is filled from the other report
    if not target.get("location") and event.get("location"):
        target["location"] = event["location"]
    known = {a.get("entity_id") for a in target["actors"]}
    target["actors"] += [a for a in event["actors"] if a.get("entity_id") not in known]
    target["contexts"] = sorted(set(target.get("contexts", [])) | set(event.get("contexts", [])))
    target["offices"] = target.get("offices", []) + event.get("offices", [])   # resolved after merging
    target["confidence"] = round(min(1.0, max(target["confidence"], event["confidence"]) + 0.05), 3)
    target["explanation"] = (
        f"{target['explanation']} | merged with the report of {label} [{event['sources'][0][:8]}]: {reason}"
    )


def _reason(s: PairScore, threshold: float) -> str:
    return "; ".join(s.reasons) + f" (score {s.score:.1f} ≥ {threshold})"


def _same_occasion_scores(events, scores, clusters) -> dict:
    """Pairs of reports whose documents already share an event, each still on its own."""
    shared = defaultdict(set)
    for members in clusters.members.values():
        docs = {events[i]["sources"][0] for i in members}
        for d in docs:
            shared[d] |= docs - {d}
    alone = {i for m in clusters.members.values() if len(m) == 1 for i in m}
    return {
        p: _on_a_shared_occasion(s)
        for p, s in scores.items()
        if p[0] in alone
        and p[1] in alone
        and events[p[1]]["sources"][0] in shared[events[p[0]]["sources"][0]]
    }


def _on_a_shared_occasion(s: PairScore) -> PairScore:
    """Two mentions in passing of the same kind of act between the same states, dated only by
    their pages' month, nothing telling them apart: in two articles that already share an event
    they are the same act of that occasion (the signing that closed the meeting both report)."""
    if not s.same_occasion:
        return s
    return PairScore(OCCASION_THRESHOLD, [*s.reasons, "the same kind of act between the same states"])


def merge_events(
    rows: list[dict],
    key_to_id: dict,
    duplicates: dict[str, str],
    labels: dict[str, str] | None = None,
    names: dict[str, str] | None = None,
    states: dict[str, str] | None = None,
    guessed: frozenset = frozenset(),
) -> list[dict]:
    """`states`: the state of each linked person the corpus knows (entity id -> ISO3); `guessed`:
    the (doc id, local key) of persons whose article only read their state from its two sides."""
    labels, names = labels or {}, names or {}
    ordered = sorted(rows, key=lambda r: (r["doc_id"] in duplicates, r["doc_id"], r["id"]))
    local = [_localise(r, key_to_id, names, states, guessed) for r in ordered]
    events = [e for e in local if e["sources"][0] not in duplicates]
    copies = [e for e in local if e["sources"][0] in duplicates]
    vectors = [decode_vector(e.pop("vector", None)) for e in events]
    for c in copies:
        c.pop("vector", None)
    scores = {
        (a, b): pair_score(events[a], events[b], vectors[a], vectors[b], names)
        for a, b in candidate_pairs(events)
    }
    clusters, joins = Clusters(len(events)), {}
    cluster(events, scores, THRESHOLD, clusters, joins)
    cluster(events, _same_occasion_scores(events, scores, clusters), OCCASION_THRESHOLD, clusters, joins)
    merged = []
    for root, members in sorted(clusters.members.items()):
        head = events[root]
        for i in members:
            if i == root:
                continue
            _, s, threshold = joins[i]
            text = _reason(s, threshold) + (
                " — the two documents already share an event" if threshold == OCCASION_THRESHOLD else ""
            )
            _absorb(head, events[i], text, labels.get(events[i]["sources"][0], events[i]["sources"][0]))
        merged.append(head)
    _add_copies(merged, copies, duplicates)
    for e in merged:
        e["id"] = hashlib.sha256("|".join(sorted(e["fact_ids"])).encode()).hexdigest()[:16]
        e.pop("fact_ids", None)
        e.pop("published", None)
        e.pop("vector", None)
        e.pop("article_date", None)
        e.pop("also_modes", None)
    return merged


def _add_copies(merged: list[dict], copies: list[dict], duplicates: dict[str, str]) -> None:
    """A near-copy's report joins its original's report of the same type (the same sentence)."""
    for c in copies:
        original = duplicates[c["sources"][0]]
        text = " ".join(ev.get("text", "") for ev in c.get("evidence", []))
        same = [e for e in merged if original in e["sources"] and e["type"] == c["type"]]
        target = next(
            (e for e in same if any(ev.get("text") in text for ev in e["evidence"])),
            same[0] if same else None,
        )
        if target is not None:
            _absorb(target, c, "near-duplicate of a source", c["sources"][0])
