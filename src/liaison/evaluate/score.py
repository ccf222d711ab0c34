"""Per-kind scores of an export (SCHEMA.md layout) against gold lines (GOLD.md layout)."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from liaison.evaluate.match import dates_exact, dates_overlap, evidence_covers, prf
from liaison.folding import fold

KINDS = ("documents", "entities", "events", "commitments", "figures", "quotes")


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc.msg}") from exc
    return out


def load_export(folder: Path) -> dict[str, list[dict]]:
    return {k: read_jsonl(Path(folder) / f"{k}.jsonl") for k in KINDS}


def _url_key(url) -> str:
    return re.sub(r"^https?://(www\.)?", "", str(url or "").strip()).rstrip("/")


def find_documents(gold: list[dict], docs: list[dict]) -> tuple[dict[str, str], dict]:
    """Gold documents are found by URL when the gold gives one, else by the file name of `source`."""
    by_name = {os.path.basename(str(d.get("source") or d.get("url") or "").rstrip("/")): d for d in docs}
    by_url = {_url_key(d["url"]): d for d in docs if d.get("url")}
    ids, lang_hits, date_hits, date_n = {}, 0, 0, 0
    for g in gold:
        d = (by_url.get(_url_key(g["url"])) if g.get("url") else None) or by_name.get(g["doc"])
        if d is None:
            continue
        ids[g["doc"]] = d["id"]
        lang_hits += d.get("lang") == g.get("lang")
        if g.get("published"):
            date_n += 1
            date_hits += str(d.get("published") or "")[:10] == g["published"]
    n = len(ids)
    return ids, {"found": n, "of": len(gold), "lang_accuracy": round(lang_hits / n, 3) if n else None,
                 "published_accuracy": round(date_hits / date_n, 3) if date_n else None}


def score_persons(gold: list[dict], pred: dict, ids: dict) -> tuple[dict, list, list]:
    tp_g = n_g = tp_p = n_p = role_hits = role_n = country_hits = country_n = 0
    misses, extras = [], []
    for g in gold:
        did = ids.get(g["doc"])
        if did is None or "persons" not in g:
            continue
        credits = {fold(c) for c in g.get("credits", [])}
        found = [e for e in pred["entities"] if e.get("kind") == "person"
                 and any(m.get("doc_id") == did for m in e.get("mentions", []))]
        matched = set()
        for gp in g["persons"]:
            names = {fold(gp["name"])} | {fold(a) for a in gp.get("aliases", [])}
            hit = next((e for e in found if fold(e.get("name")) in names), None)
            n_g += 1
            if hit is None:
                misses.append(f"{g['doc']}: {gp['name']}")
                continue
            tp_g += 1
            matched.add(id(hit))
            if gp.get("role_keywords"):
                role_n += 1
                role_hits += _role_ok(gp["role_keywords"], hit.get("roles"))
            if gp.get("country"):
                country_n += 1
                country_hits += hit.get("country") == gp["country"]
        for e in found:
            if fold(e.get("name")) in credits:
                continue
            n_p += 1
            if id(e) in matched:
                tp_p += 1
            else:
                extras.append(f"{g['doc']}: {e.get('name')}")
    out = prf(tp_p, n_p, tp_g, n_g)
    out["role_accuracy"] = round(role_hits / role_n, 3) if role_n else None
    out["country_accuracy"] = round(country_hits / country_n, 3) if country_n else None
    return out, misses, extras


def _role_ok(keywords: list[str], roles: list[dict] | None) -> bool:
    for role in roles or []:
        blob = f" {fold(' '.join(str(role.get(k) or '') for k in ('title', 'organization')))} "
        if all(f" {fold(k)} " in blob for k in keywords):
            return True
    return False


def _countries_match(gold, pred) -> bool:
    g, p = set(gold or []), set(pred or [])
    return not g or len(g & p) / len(g | p) >= 0.5


def event_matches(ge: dict, pe: dict, strict: bool, doc_id: str) -> bool:
    if not _countries_match(ge.get("countries"), pe.get("countries")):
        return False
    if not dates_overlap(ge.get("date"), pe.get("date")):
        return False
    thin = ge.get("date") is None or len(ge.get("countries") or []) < 2
    if thin and ge.get("evidence") and not evidence_covers(ge["evidence"], pe, doc_id):
        return False
    return not strict or pe.get("type") in [ge["type"], *ge.get("alt_types", [])]


def _pair_events(gold: list[dict], pred: list[dict], strict: bool, doc_id: str) -> dict[int, int]:
    """Greedy one-to-one matching preferring pairs that agree on type and exact date."""
    pairs = []
    for gi, ge in enumerate(gold):
        for pi, pe in enumerate(pred):
            if event_matches(ge, pe, strict, doc_id):
                bonus = 2 * (pe.get("type") == ge["type"]) + dates_exact(ge.get("date"), pe.get("date"))
                named = {fold(a.get("name")) for a in pe.get("actors", [])}
                bonus += 0.1 * len(named & {fold(n) for n in ge.get("actors", [])})
                pairs.append((-bonus, gi, pi))
    used_g, used_p, out = set(), set(), {}
    for _, gi, pi in sorted(pairs):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = pi
    return out


def score_events(gold: list[dict], pred: dict, ids: dict, strict: bool):
    tp_g = n_g = tp_p = n_p = main_hit = main_n = 0
    misses, extras, assigned = [], [], {}
    for g in gold:
        did = ids.get(g["doc"])
        if did is None:
            continue
        gev = g.get("events", [])
        found = [e for e in pred["events"] if did in (e.get("sources") or [])]
        pairs = _pair_events(gev, found, strict, did)
        for gi, ge in enumerate(gev):
            optional, main = ge.get("optional", False), ge.get("salience") == "main"
            if gi in pairs:
                assigned[(g["doc"], gi)] = found[pairs[gi]].get("id")
            if optional:
                continue
            n_g += 1
            main_n += main
            if gi in pairs:
                tp_g += 1
                main_hit += main
            else:
                misses.append(f"{g['doc']}: {ge['type']} {ge.get('countries')} — {ge.get('note', '')}")
        by_pred = {pi: gi for gi, pi in pairs.items()}
        for pi, pe in enumerate(found):
            if pi in by_pred and gev[by_pred[pi]].get("optional"):
                continue
            n_p += 1
            if pi in by_pred:
                tp_p += 1
            else:
                extras.append(f"{g['doc']}: {pe.get('type')} {pe.get('countries')} — "
                              f"{(pe.get('summary') or '')[:90]}")
    out = prf(tp_p, n_p, tp_g, n_g)
    out["main_recall"] = round(main_hit / main_n, 3) if main_n else None
    return out, misses, extras, assigned


def score_merging(gold: list[dict], assigned: dict) -> dict:
    items = [(g["doc"], ge.get("cluster"), assigned[(g["doc"], gi)])
             for g in gold for gi, ge in enumerate(g.get("events", [])) if (g["doc"], gi) in assigned]
    same_n = same_hit = diff_n = diff_merged = 0
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a[0] == b[0]:
                continue
            if a[1] and a[1] == b[1]:
                same_n += 1
                same_hit += a[2] == b[2]
            else:
                diff_n += 1
                diff_merged += a[2] == b[2]
    return {"merge_recall": round(same_hit / same_n, 3) if same_n else None, "same_event_pairs": same_n,
            "false_merges": diff_merged, "different_event_pairs": diff_n}


def _commitment_ok(g: dict, x: dict, did: str) -> bool:
    actor_country = (x.get("actor") or {}).get("country")
    countries = set(x.get("countries") or []) | ({actor_country} if actor_country else set())
    return (set(g.get("countries", [])) <= countries and evidence_covers(g["evidence"], x, did)
            and dates_overlap(g.get("due"), x.get("due"), slack_days=31))


def _figure_ok(g: dict, x: dict, did: str) -> bool:
    try:
        same = abs(float(x.get("value")) - float(g["value"])) < 1e-6
    except (TypeError, ValueError):
        return False
    return same and evidence_covers(g["evidence"], x, did)


def score_claims(gold: list[dict], pred: dict, ids: dict, kind: str, ok) -> tuple[dict, list, list]:
    tp_g = n_g = tp_p = n_p = 0
    misses, extras = [], []
    for g in gold:
        did = ids.get(g["doc"])
        if did is None:
            continue
        found = [x for x in pred[kind] if did in (x.get("sources") or [])
                 or any(ev.get("doc_id") == did for ev in x.get("evidence", []))]
        used, optional_used = set(), set()
        for item in sorted(g.get(kind, []), key=lambda i: i.get("optional", False)):
            hit = next((i for i, x in enumerate(found) if i not in used and ok(item, x, did)), None)
            if hit is not None:
                used.add(hit)
            if item.get("optional"):
                if hit is not None:
                    optional_used.add(hit)
                continue
            n_g += 1
            if hit is None:
                misses.append(f"{g['doc']}: {item.get('note') or item.get('evidence')}")
            else:
                tp_g += 1
        n_p += len(found) - len(optional_used)
        tp_p += len(used) - len(optional_used)
        extras += [f"{g['doc']}: {json.dumps(x, ensure_ascii=False)[:140]}"
                   for i, x in enumerate(found) if i not in used]
    return prf(tp_p, n_p, tp_g, n_g), misses, extras


def score(gold_path: Path, export_dir: Path) -> dict:
    """Every score with its misses and extras: {"scores": {...}, "misses": {...}, "extras": {...}}."""
    gold = read_jsonl(Path(gold_path))
    pred = load_export(Path(export_dir))
    ids, documents = find_documents(gold, pred["documents"])
    persons, p_miss, p_extra = score_persons(gold, pred, ids)
    lenient, e_miss, e_extra, assigned = score_events(gold, pred, ids, strict=False)
    strict = score_events(gold, pred, ids, strict=True)[0]
    commitments, c_miss, c_extra = score_claims(gold, pred, ids, "commitments", _commitment_ok)
    figures, f_miss, f_extra = score_claims(gold, pred, ids, "figures", _figure_ok)
    return {"scores": {"documents": documents, "persons": persons, "events_lenient": lenient,
                       "events_strict": strict, "merging": score_merging(gold, assigned),
                       "commitments": commitments, "figures": figures},
            "misses": {"persons": p_miss, "events": e_miss, "commitments": c_miss, "figures": f_miss},
            "extras": {"persons": p_extra, "events": e_extra, "commitments": c_extra, "figures": f_extra}}


def format_report(result: dict, verbose: bool = False) -> str:
    s = result["scores"]
    d = s["documents"]
    lines = [f"documents   found {d['found']}/{d['of']}  lang {d['lang_accuracy']}  "
             f"published {d['published_accuracy']}"]
    for name in ("persons", "events_lenient", "events_strict", "commitments", "figures"):
        r = s[name]
        rest = "  ".join(f"{k} {v}" for k, v in r.items()
                         if k not in ("precision", "recall", "f1", "n_pred", "n_gold"))
        lines.append(f"{name:<15} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                     f"(pred {r['n_pred']}, gold {r['n_gold']})  {rest}".rstrip())
    lines.append("merging         " + "  ".join(f"{k} {v}" for k, v in s["merging"].items()))
    if verbose:
        for title, group in (("missed", result["misses"]), ("extra", result["extras"])):
            for kind, rows in group.items():
                if rows:
                    lines.append(f"\n## {kind} {title}")
                    lines += [f"  {r}" for r in rows]
    return "\n".join(lines)
