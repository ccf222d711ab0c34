"""Main text, title, date and authors of an HTML page (trafilatura + htmldate)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Page:
    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> Page:
    import trafilatura
    from htmldate import find_date
    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, include_tables=False,
                                      with_metadata=True, favor_precision=True)
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        # trafilatura found no main block (very short pages): fall back to all paragraph text.
        text = trafilatura.extract(html, favor_recall=True) or ""
    title = getattr(doc, "title", None) if doc is not None else None
    author = getattr(doc, "author", None) if doc is not None else None
    published = find_date(html, url=url, original_date=True, extensive_search=False,
                          outputformat="%Y-%m-%d")
    authors = [a.strip() for a in (author or "").split(";") if a.strip()]
    return Page(text=text, title=title, published=published, authors=authors)
