"""Analyst decisions (merge / split) as data that can never break linking.

A decision is checked twice. When it is recorded (`validate`), a self-merge, an unknown entity or
a split of a one-document entity is refused with a DecisionError (the API answers 4xx). When the
corpus is re-linked (`apply_decisions`, on every ingest and `liaison link`), each stored decision
is applied in the order it was taken, idempotently; one that no longer fits the corpus (its
entity is gone) is skipped and reported as an issue row, never fatal.

Ids stay stable and unique: a merge keeps the id of the entity merged into, each piece of a split
gets an id derived from the split entity and its document, and any id two clusters would share
is made distinct, so the linked table never sees the same id twice.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable

from liaison.errors import (
    DecisionError,
    DecisionNotApplied,
    MergeNeedsOther,
    NothingToSplit,
    SelfMerge,
    UnknownAction,
    UnknownEntity,
)

Cluster = list[dict]            # entity fact rows that link into one entity
ACTIONS = ("merge", "split")


def validate(action: str, entity_a: str, entity_b: str | None, find: Callable[[str], dict | None]) -> None:
    """Refuse a decision that cannot mean anything; `find` looks an entity up in the linked view."""
    if action not in ACTIONS:
        raise UnknownAction(f"action {action!r}: expected merge or split")
    entity = find(entity_a)
    if entity is None:
        raise UnknownEntity(f"no entity with id {entity_a!r}")
    if action == "split":
        if len(entity.get("documents") or []) < 2:
            raise NothingToSplit(f"entity {entity_a!r} is seen in one document only: nothing to split")
        return
    if not entity_b:
        raise MergeNeedsOther("merge needs the id of a second entity ('other')")
    if entity_b == entity_a:
        raise SelfMerge(f"cannot merge entity {entity_a!r} with itself")
    if find(entity_b) is None:
        raise UnknownEntity(f"no entity with id {entity_b!r}")


def apply_decisions(clusters: list[Cluster], decisions: list[dict],
                    id_of: Callable[[Cluster], str]) -> tuple[list[Cluster], list[str]]:
    """The clusters after every decision, and their ids (unique). A decision that cannot be
    applied gets its reason written on it as `refused` (a DecisionError) for `report_refused`."""
    clusters = list(clusters)
    ids = [id_of(members) for members in clusters]
    for decision in decisions:
        try:
            _apply_one(clusters, ids, decision)
        except DecisionError as exc:
            decision["refused"] = exc
        except Exception as exc:        # a decision is data: whatever it holds, linking goes on
            decision["refused"] = DecisionNotApplied(f"{type(exc).__name__}: {exc}")
    return clusters, unique_ids(ids, clusters)


def _apply_one(clusters: list[Cluster], ids: list[str], decision: dict) -> None:
    action, a, b = decision.get("action"), decision.get("entity_a"), decision.get("entity_b")
    if action not in ACTIONS:
        raise UnknownAction(f"action {action!r}: expected merge or split")
    if a not in ids:
        raise DecisionNotApplied(f"entity {a!r} is no longer in the linked corpus")
    if action == "split":
        _split(clusters, ids, ids.index(a))
        return
    if not b:
        raise MergeNeedsOther("merge names no second entity")
    if b == a:
        raise SelfMerge(f"cannot merge entity {a!r} with itself")
    if b not in ids:
        raise DecisionNotApplied(f"entity {b!r} is no longer in the linked corpus")
    i, j = ids.index(a), ids.index(b)
    clusters[i] = clusters[i] + clusters[j]         # b joins a; a keeps its id
    del clusters[j], ids[j]


def _split(clusters: list[Cluster], ids: list[str], i: int) -> None:
    """One cluster per document; each piece's id comes from the split entity and the document."""
    members, entity_id = clusters.pop(i), ids.pop(i)
    docs = list(dict.fromkeys(m["doc_id"] for m in members))
    if len(docs) < 2:
        clusters.insert(i, members)
        ids.insert(i, entity_id)        # already apart: splitting again changes nothing
        return
    for doc in docs:
        clusters.append([m for m in members if m["doc_id"] == doc])
        ids.append(split_id(entity_id, doc))


def split_id(entity_id: str, doc_id: str) -> str:
    return hashlib.sha256(f"{entity_id}|split|{doc_id}".encode()).hexdigest()[:16]


def unique_ids(ids: list[str], clusters: list[Cluster]) -> list[str]:
    """The first cluster keeps an id; a later one with the same id gets one derived from it and
    its first document, so two entities never share an id (the linked table's primary key)."""
    seen: set[str] = set()
    out = []
    for entity_id, members in zip(ids, clusters, strict=True):
        if entity_id in seen:
            first_doc = min(m["doc_id"] for m in members)
            entity_id = hashlib.sha256(f"{entity_id}|{first_doc}".encode()).hexdigest()[:16]
        while entity_id in seen:
            entity_id = hashlib.sha256(entity_id.encode()).hexdigest()[:16]
        seen.add(entity_id)
        out.append(entity_id)
    return out


def report_refused(store, decisions: list[dict]) -> list[DecisionError]:
    """An issue row (once) and a warning for each decision that could not be applied."""
    refused = [(d, d["refused"]) for d in decisions if d.get("refused")]
    if not refused:
        return []
    from rich.markup import escape

    from liaison.console import warn
    known = {(i["source"], i["message"]) for i in store.list_issues()}
    for decision, error in refused:
        source = f"decision {decision.get('id')} ({decision.get('action')} {decision.get('entity_a')})"
        message = f"[{error.code}] {error.message}; the decision is kept and skipped"
        if (source, message) not in known:
            store.record_issue(source, "link", message)
        warn(escape(f"{source}: {message}"))
    return [error for _, error in refused]
