"""Ingest: read sources (files, folders, URLs, feeds), clean, identify the language, find
near-duplicates. Functions only: the runner (`liaison.scale`) stores what they give."""
