"""GraphML: the network of actors and countries, one edge per event link, typed and dated (Gephi)."""
from __future__ import annotations

from itertools import combinations
from pathlib import Path
from xml.etree import ElementTree as ET

from liaison.records import LinkedEvent

NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = (("label", "string"), ("kind", "string"), ("country", "string"))
EDGE_KEYS = (("event_type", "string"), ("event_id", "string"), ("date", "string"), ("mode", "string"),
             ("weight", "double"))


def _participants(event: LinkedEvent) -> list[tuple[str, dict]]:
    found = [(f"country:{c}", {"label": c, "kind": "country", "country": c}) for c in event.countries]
    for a in event.actors:
        if a.entity_id:
            found.append((a.entity_id, {"label": a.name or "", "kind": "actor", "country": a.country or ""}))
    return list(dict(found).items())


def build_graph(events: list[LinkedEvent]) -> ET.Element:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for domain, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, f"{{{NS}}}key",
                          {"id": name, "for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "liaison", "edgedefault": "undirected"})
    nodes, edges = {}, []
    for e in events:
        members = _participants(e)
        nodes.update(members)
        for (a, _), (b, _) in combinations(sorted(members, key=lambda m: m[0]), 2):
            edges.append((a, b, e))
    for node_id, attrs in sorted(nodes.items()):
        el = ET.SubElement(graph, f"{{{NS}}}node", {"id": node_id})
        _data(el, attrs)
    for n, (a, b, e) in enumerate(edges):
        el = ET.SubElement(graph, f"{{{NS}}}edge", {"id": f"e{n}", "source": a, "target": b})
        _data(el, {"event_type": e.type, "event_id": e.id, "date": e.date.start if e.date else None,
                   "mode": e.mode, "weight": 1.0})
    return root


def _data(el: ET.Element, attrs: dict) -> None:
    for key, value in attrs.items():
        if value not in (None, ""):
            ET.SubElement(el, f"{{{NS}}}data", {"key": key}).text = str(value)


def write_graphml(store, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    root = build_graph(store.records("event"))
    ET.ElementTree(root).write(out / "network.graphml", encoding="utf-8", xml_declaration=True)
    graph = root[-1]
    return {"nodes": sum(1 for c in graph if c.tag.endswith("node")),
            "edges": sum(1 for c in graph if c.tag.endswith("edge"))}
