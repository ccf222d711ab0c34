"""Line-level rules for page clutter: navigation, buttons, cookie banners, teasers, counters.

The word lists are data (boilerplate.json beside this file), kept general: they describe kinds of
clutter found on news pages in each language, not lines of particular articles. Rules that need a
line's neighbours (teaser blocks, headline runs, breadcrumbs, trailing clutter) are here too.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from liaison.datafiles import read_json
from liaison.folding import strip_accents

DATA = Path(__file__).with_name("boilerplate.json")
SENTENCE_END = re.compile(r"[.!?…»”\"’')\]]$")


@functools.lru_cache(maxsize=1)
def data() -> dict:
    raw = read_json(DATA)
    raw["exact"] = set(raw["exact"])
    raw["agencies"] = set(raw["agencies"])
    raw["compiled"] = [re.compile(p) for p in raw["patterns"]]
    return raw


def fold(text: str) -> str:
    """Lower case without accents: 'Publié le' and 'publie le' are the same words."""
    return strip_accents(text.lower())


def paragraph_key(line: str) -> str:
    """Lines equal up to case, accents, spacing and punctuation are the same paragraph."""
    return re.sub(r"\W+", " ", fold(line)).strip()


def is_boilerplate(line: str) -> bool:
    """A line that is navigation, a button, a banner, a counter or a tag row, whatever the page."""
    folded = fold(line).strip(" .:|>-–—•·/")
    if not re.search(r"\w", folded):
        return True                 # separators, lone punctuation
    d = data()
    if folded in d["exact"] or any(folded.startswith(p) for p in d["prefixes"]):
        return True
    if len(folded) < 120 and any(p.search(folded) for p in d["compiled"]):
        return True
    return line.lstrip().startswith("#") and line.count("#") >= 2 or bool(
        re.fullmatch(r"(#\w[\w-]*\s*)+", line.strip()))


def is_teaser_heading(line: str) -> bool:
    """'Related News', 'Lire aussi': the heading of a block of links to other articles."""
    folded = fold(line).strip(" .:|>-–—•·")
    return any(folded == t or folded.startswith(t + " ") for t in data()["teaser_headings"])


@functools.lru_cache(maxsize=1)
def _inline_teaser() -> re.Pattern:
    """A teaser heading inside a folded line, right before a list item: 'related news. *story',
    'See also. #story' (a numbered item in wiki markup)."""
    headings = sorted(data()["teaser_headings"], key=len, reverse=True)
    return re.compile(r"(?:^|(?<=[.!?»”\"]\s))(?:" + "|".join(map(re.escape, headings))
                      + r")\s*[.:]?\s+[*•#]\s*\S")


def cut_inline_teaser(line: str) -> str:
    """A page flattened into one line ends with its teaser block: 'in this case. Related news.
    *Canadian PM vows … *Court legalizes …'. The line ends before the heading. The headings are
    folded (boilerplate.json), so the line is folded character by character, keeping where each
    folded character came from."""
    if "*" not in line and "•" not in line and "#" not in line:
        return line             # no list item: no teaser block (and no folding on the hot path)
    folded, origin = [], []
    for i, c in enumerate(line):
        f = fold(c)
        folded.append(f)
        origin += [i] * len(f)
    m = _inline_teaser().search("".join(folded))
    return line[:origin[m.start()]].rstrip() if m else line


def is_list_item(line: str) -> bool:
    return bool(re.match(r"^\s*(?:[-•*·▪►»]|\d{1,2}[.)])\s+\S", line))


def is_headline_like(line: str) -> bool:
    """A short line of words without sentence punctuation: a headline, kicker or link text."""
    words = line.split()
    return 3 <= len(words) <= 22 and len(line) < 160 and not SENTENCE_END.search(line.strip())


def header_metadata(line: str) -> dict | None:
    """A scraper stamp such as ' date 2026-01-09 Title…' -> published (full dates only), the month it
    gives (' date 2023-10': a month is not a publication day, but it anchors yearless dates) and the rest."""
    m = re.match(r"^date\s+(?P<date>(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-[0-3]\d)?)\b\s*(?P<rest>.*)$", line)
    if not m:
        return None
    date = m.group("date")
    return {"published": date if len(date) == 10 else None, "month": date[:7],
            "rest": m.group("rest").strip()}


Line = tuple[int, str]


def drop_teaser_blocks(lines: list[Line], body_start: int) -> list[Line]:
    """A teaser heading ('Related News') and the links listed under it go; the article resumes
    after. Inside the body unmarked headline-like links go too; in the page head they may be
    the article's own title, so only list items go there."""
    out: list[Line] = []
    in_block = False
    for n, item in enumerate(lines):
        if is_teaser_heading(item[1]):
            in_block = True
            continue
        if in_block and (is_list_item(item[1]) or (n > body_start and is_headline_like(item[1]))):
            continue
        in_block = False
        out.append(item)
    return out


def drop_headline_runs(lines: list[Line], body_start: int) -> list[Line]:
    """Three or more headline-like lines in a row inside the body are links to other stories
    (a single one is a subheading and stays)."""
    out: list[Line] = lines[:body_start]
    i = body_start
    while i < len(lines):
        j = i
        while j < len(lines) and is_headline_like(lines[j][1]):
            j += 1
        if j - i >= 3:
            i = j
            continue
        out.extend(lines[i:max(j, i + 1)])
        i = max(j, i + 1)
    return out


def drop_breadcrumbs(lines: list[Line]) -> list[Line]:
    """'Home NewsNational <title>' followed by '<title>': the breadcrumb line goes."""
    out: list[Line] = []
    for i, item in enumerate(lines):
        nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
        if nxt and len(nxt) > 15 and item[1].endswith(nxt) and len(item[1]) - len(nxt) < 60 \
                and item[1] != nxt:
            continue
        out.append(item)
    return out


def drop_trailing_clutter(lines: list[Line]) -> list[Line]:
    """Tags, buttons and other stories' headlines after the article's last paragraph.

    A single long line cut mid-sentence is kept (excerpts end that way); a short unpunctuated
    line, or a run of two or more headline-like lines, is page furniture.
    """
    while lines and len(lines[-1][1]) < 25 and not SENTENCE_END.search(lines[-1][1]):
        lines = lines[:-1]
    run = 0
    while run < len(lines) - 1 and is_headline_like(lines[-1 - run][1]) and len(lines[-1 - run][1]) < 120:
        run += 1
    return lines[:-run] if run >= 2 else lines
