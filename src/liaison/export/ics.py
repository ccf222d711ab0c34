"""iCalendar (RFC 5545): one all-day VEVENT per commitment deadline (commitments.ics)."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from liaison.records import LinkedCommitment


def escape(value: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after CRLF + space (§3.1)."""
    out, current = [], b""
    for ch in line:
        encoded = ch.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def vevent(c: LinkedCommitment, stamp: str) -> list[str] | None:
    if not c.due or not c.due.end:
        return None
    end = date.fromisoformat(c.due.end)
    actor = c.actor.name if c.actor else None
    summary = f"Due: {c.action or 'commitment'}" + (f" ({actor})" if actor else "")
    evidence = " | ".join(sp.text for sp in c.evidence)
    description = f"status: {c.status}; countries: {', '.join(c.countries)}; evidence: {evidence}"
    lines = ["BEGIN:VEVENT", f"UID:{c.id}@liaison", f"DTSTAMP:{stamp}",
             f"DTSTART;VALUE=DATE:{end:%Y%m%d}", f"DTEND;VALUE=DATE:{end + timedelta(days=1):%Y%m%d}",
             f"SUMMARY:{escape(summary)}",
             f"DESCRIPTION:{escape(description)}",
             f"CATEGORIES:{escape(c.status or 'unknown')}", "END:VEVENT"]
    return lines


def write_ics(store, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Liaison//Commitments//EN", "CALSCALE:GREGORIAN",
             "X-WR-CALNAME:Liaison commitments"]
    n = 0
    for c in store.records("commitment"):
        if (event := vevent(c, stamp)) is not None:
            lines += event
            n += 1
    lines.append("END:VCALENDAR")
    (out / "commitments.ics").write_bytes(
        ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8"))
    return {"commitments": n}
