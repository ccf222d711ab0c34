"""Exports: every format written from a real store and read back with a parser."""
from __future__ import annotations

import csv
import json
from xml.etree import ElementTree as ET

import pytest
from fixtures.web.linked import build_linked, seed_docs


@pytest.fixture(scope="module")
def world(seeded_db_url):
    from liaison.store import connect
    store = connect(seeded_db_url)
    docs = seed_docs(store)
    return store, docs, build_linked(store, docs), seeded_db_url


def test_csv_round_trips_one_row_per_event(world, tmp_path):
    from liaison.export import export
    store, docs, recs, _ = world
    assert export(store, "csv", tmp_path) == {"events": 3, "entities": 4, "commitments": 2, "figures": 1,
                                              "quotes": 1, "documents": 5}
    raw = (tmp_path / "events.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = {r["event_id"]: r for r in csv.DictReader(raw.decode("utf-8").splitlines())}
    visit = rows[recs["visit"]["id"]]
    assert (visit["actor1"], visit["actor2"]) == ("Laurent Nuñez", "Abdelmadjid Tebboune")
    assert (visit["event_type"], visit["mode"], visit["contexts"]) == ("CONSULT", "visit", "migration;crime")
    assert ((visit["countries"], visit["location"], float(visit["latitude"]))
            == ("FRA;DZA", "Algiers", 36.7538))
    assert visit["date_start"] == "2026-02-17" and visit["date_precision"] == "day"
    assert visit["source_urls"] == docs["002"]["source"]         # no URL: the ingested path
    assert rows[recs["uk-deal"]["id"]]["evidence"] == "l'accord bilatéral franco-britannique signé cet été"
    assert visit["sentence"] == ("Laurent Nuñez (France) visited Abdelmadjid Tebboune (Algeria) in Algiers "
                                 "on 2026-02-17")


def test_csv_writes_one_table_per_kind_with_truthful_dates(world, tmp_path):
    from liaison.export import export
    store, docs, recs, _ = world
    export(store, "csv", tmp_path)

    def read(name):
        return list(csv.DictReader((tmp_path / f"{name}.csv").read_text("utf-8").splitlines()))
    assert {r["name"] for r in read("entities")} >= {"Laurent Nuñez", "Abdelmadjid Tebboune"}
    commitments = {r["commitment_id"]: r for r in read("commitments")}
    until = commitments[recs["uk-until"]["id"]]
    assert (until["due_end"], until["due_precision"], until["due_label"]) == \
        ("2026-06-30", "month", "2026-06-01 – 2026-06-30 (month)")
    assert [r["subject"] for r in read("figures")] == ["forced returns"]
    assert read("quotes")[0]["speaker"] == "Jean-Noël Barrot"
    assert {r["document_id"] for r in read("documents")} == {d["id"] for d in docs.values()}


def test_csv_excel_adds_a_bom(world, tmp_path):
    from liaison.export import export
    export(world[0], "csv", tmp_path, excel=True)
    raw = (tmp_path / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert len(list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))) == 3


def test_geojson_has_located_events_and_places(world, tmp_path):
    from liaison.export import export
    recs = world[2]
    assert export(world[0], "geojson", tmp_path) == {"events": 1, "places": 1}
    events = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert events["type"] == "FeatureCollection"
    [feature] = events["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [3.0588, 36.7538]}     # lon, lat
    assert feature["properties"]["event_id"] == recs["visit"]["id"]
    places = json.loads((tmp_path / "places.geojson").read_text(encoding="utf-8"))
    assert places["features"][0]["properties"]["name"] == "Algiers"


def test_graphml_parses_with_typed_dated_edges(world, tmp_path):
    from liaison.export import export
    recs = world[2]
    counts = export(world[0], "graphml", tmp_path)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(tmp_path / "network.graphml").getroot()
    nodes = {n.get("id"): {d.get("key"): d.text for d in n.findall("g:data", ns)}
             for n in root.findall("g:graph/g:node", ns)}
    edges = [{d.get("key"): d.text for d in e.findall("g:data", ns)}
             | {"s": e.get("source"), "t": e.get("target")}
             for e in root.findall("g:graph/g:edge", ns)]
    assert counts == {"nodes": len(nodes), "edges": len(edges)}
    assert (nodes["country:DZA"]["kind"] == "country"
            and nodes[recs["tebboune"]["id"]]["label"] == "Abdelmadjid Tebboune")
    visit_edges = [e for e in edges if e["event_id"] == recs["visit"]["id"]]
    assert {(e["event_type"], e["date"]) for e in visit_edges} == {("CONSULT", "2026-02-17")}
    assert len(visit_edges) == 6          # 2 countries + 2 people, every pair


def test_ics_parses_into_all_day_deadlines(world, tmp_path):
    from liaison.export import export
    recs = world[2]
    assert export(world[0], "ics", tmp_path) == {"commitments": 2}
    raw = (tmp_path / "commitments.ics").read_bytes().decode("utf-8")
    assert raw.startswith("BEGIN:VCALENDAR\r\n") and raw.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
    events = parse_ics(raw)
    by_uid = {e["UID"]: e for e in events}
    due = by_uid[f"{recs['uk-until']['id']}@liaison"]
    assert due["DTSTART;VALUE=DATE"] == "20260630" and due["DTEND;VALUE=DATE"] == "20260701"
    assert "jusqu'en juin 2026" in due["DESCRIPTION"] and due["SUMMARY"].startswith("Due: the France-UK")


def parse_ics(text: str) -> list[dict]:
    """A minimal RFC 5545 reader: unfold, split properties, unescape TEXT."""
    unfolded = text.replace("\r\n ", "").split("\r\n")
    events, current = [], None
    for line in unfolded:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None and line:
            name, value = line.split(":", 1)
            current[name] = (value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
                             .replace("\\\\", "\\"))
    return events


def test_plover_records_carry_polecat_fields(world, tmp_path):
    from liaison.export import export
    recs = world[2]
    assert export(world[0], "plover", tmp_path) == {"events": 3}
    records = {r["event_id"]: r
               for r in map(json.loads, (tmp_path / "plover.jsonl").read_text("utf-8").splitlines())}
    visit = records[recs["visit"]["id"]]
    assert ((visit["event_type"], visit["event_mode"], visit["event_intensity"], visit["quad_code"])
            == ("CONSULT", "visit", 4.0, 1))
    assert [a["entity_name"] for a in visit["actor"]] == ["Laurent Nuñez"]
    assert [a["country_name"] for a in visit["recipient"]] == ["Algeria"]
    assert visit["location"]["placename"] == "Algiers"


def test_sql_views_for_datasette_and_gis(world):
    from sqlalchemy import text
    store, recs = world[0], world[2]
    with store.engine.connect() as conn:
        located = "SELECT id, latitude, longitude, countries FROM events_map WHERE latitude IS NOT NULL"
        rows = [tuple(r) for r in conn.execute(text(located))]
        places = [tuple(r) for r in conn.execute(text("SELECT name, latitude, longitude FROM places_map"))]
    assert rows == [(recs["visit"]["id"], 36.7538, 3.0588, "FRA DZA")]
    assert places == [("Algiers", 36.7538, 3.0588)]


def test_cli_export_every_format(world, tmp_path):
    from click.testing import CliRunner

    from liaison.cli import main
    for fmt, name in [("csv", "events.csv"), ("geojson", "events.geojson"), ("graphml", "network.graphml"),
                      ("ics", "commitments.ics"), ("plover", "plover.jsonl")]:
        result = CliRunner().invoke(main, ["--db", world[3], "export", "--format", fmt,
                                           "--out", str(tmp_path / fmt), "--excel"])
        assert result.exit_code == 0, result.output
        assert (tmp_path / fmt / name).exists()
    assert (tmp_path / "csv" / "events.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_fulfilled_commitment_names_its_event_whole_in_the_csv():
    from liaison.export.table import commitment_row
    from liaison.records import LinkedCommitment
    row = commitment_row(LinkedCommitment("c1", "open a liaison office", status="fulfilled",
                                          fulfilled_by="04f460a3758229ce"))
    assert row["fulfilled_by"] == "04f460a3758229ce"        # not "0;4;f;4;…", one character at a time
