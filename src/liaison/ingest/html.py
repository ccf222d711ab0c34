"""Main text, title, date and authors of an HTML page (trafilatura + htmldate).

When trafilatura finds nothing (lxml gives up on documents nested thousands of levels deep), the
page's visible text is read with the standard library's streaming parser, which has no depth limit.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCK_TAGS = {"p", "div", "br", "li", "tr", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
              "section", "article", "blockquote", "pre", "header", "footer", "main", "aside", "figcaption"}
HIDDEN_TAGS = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}


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
    if not text.strip():
        text = visible_text(html)
    title = getattr(doc, "title", None) if doc is not None else None
    author = getattr(doc, "author", None) if doc is not None else None
    published = find_date(html, url=url, original_date=True, extensive_search=False,
                          outputformat="%Y-%m-%d")
    authors = [a.strip() for a in (author or "").split(";") if a.strip()]
    return Page(text=text, title=title, published=published, authors=authors)


class _VisibleText(HTMLParser):
    """Text outside hidden elements, a line break at each block element; streaming, no recursion."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
