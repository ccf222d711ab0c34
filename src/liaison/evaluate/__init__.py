"""Measurement: score an export against gold annotations in the GOLD.md format.

`liaison eval --gold FILE [--pred DIR]` lets analysts measure Liaison on articles they annotate
themselves. Matching follows GOLD.md: persons by name (accents, case, hyphens ignored), events by
country overlap, date overlap and, when the gold is thin, evidence overlap; commitments and figures
by evidence (and value, and deadline within a month).
"""
from liaison.evaluate.score import score

__all__ = ["score"]
