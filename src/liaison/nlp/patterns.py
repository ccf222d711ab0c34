"""The one pattern dialect of the lexicons: phrases matched on tokens, tolerant of word forms.

A pattern is words separated by spaces; each word matches one token:
  word        any form of the word: the same lemma (parser), the same Snowball stem, or the same
              folded form ("suspend" matches "suspended", "suspending"; "firmar" matches "firmó");
              in languages whose nouns compound (language.json "compounds": German) a capitalised
              token whose stem ends with the word's ("Abkommen" in "Migrationsabkommen")
  a|b|c       any of the alternatives
  =word       exactly this form, accents and case aside: function words, and forms whose stem
              would say too much ("=signing" is the noun, not every form of "sign")
  word*       any token that begins with the word (topic words: "migra*" for migration, migrant,
              migratory; "terror*")
  a|b/VERB    and, where a parser tagged the token, this part of speech (VERB, NOUN, AUX, ADJ...),
              for every alternative of the word
  ~   ~N      up to 3 (N) tokens of anything, inside the same sentence ("hold ~ talks" matches
              "held bilateral talks", "a condamné ~ suspendu" is not needed: "suspendu" alone is)
Irregular forms a stemmer cannot relate ("met", "struck", "sospeso") are listed as alternatives.
Apostrophes: an elided article is a token of its own ("dell'", "incontro").
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from liaison import lexicon
from liaison.nlp.tokens import Token, fold_word, stem

DEFAULT_GAP = 3
MIN_COMPOUND_STEM = 5  # shorter heads ("treff") would match inside unrelated words
MEMO_SIZE = 50_000  # token forms whose candidate patterns one PatternSet remembers


@dataclass(frozen=True, slots=True)
class Word:
    form: str  # folded form
    stem: str  # folded stem ("" for exact and prefix words)
    exact: bool
    pos: frozenset[str]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    words: tuple[Word, ...] = ()  # alternatives; empty for a gap
    gap: int = 0  # most tokens a gap skips


@dataclass(frozen=True, slots=True, eq=False)
class Pattern:  # compared by identity: the payload may be a dict
    text: str
    items: tuple[Item, ...]
    payload: object = None  # what the pattern stands for (a trigger entry, a cue name)


@dataclass(frozen=True, slots=True)
class Hit:
    pattern: Pattern
    first: int  # token indices, end exclusive
    last: int
    head: int  # the token of the first word (the verb of "hold ~ talks")


def _word(text: str, lang: str | None, pos: frozenset[str] = frozenset()) -> Word:
    exact = text.startswith("=")
    prefix = text.endswith("*") and len(text) > 1
    form = fold_word(text.lstrip("=").rstrip("*"), lang)
    return Word(form, "" if exact or prefix else stem(form, lang), exact, pos, prefix)


def _alternatives(part: str, lang: str | None) -> list[Word]:
    """The words of 'a|b|c'. A part of speech on the last alternative applies to them all
    ("meet|met/VERB"); one on another alternative to that word only ("annuler|reporter/VERB|ajourner")."""
    words = [w for w in part.split("|") if w]
    tagged = ["/" in w for w in words]
    shared = frozenset(words[-1].split("/", 1)[1].split(",")) if tagged[-1] and not any(tagged[:-1]) else None
    out = []
    for w in words:
        text, _, tags = w.partition("/")
        out.append(
            _word(text, lang, shared if shared is not None else frozenset(t for t in tags.split(",") if t))
        )
    return out


def compile_pattern(text: str, lang: str | None, payload: object = None) -> Pattern:
    items = []
    for part in text.split():
        if part.startswith("~"):
            items.append(Item(gap=int(part[1:]) if part[1:].isdigit() else DEFAULT_GAP))
        else:
            items.append(Item(words=tuple(_alternatives(part, lang))))
    if not items or items[0].gap or items[-1].gap:
        raise ValueError(f"pattern {text!r}: must start and end with a word")
    return Pattern(text, tuple(items), payload)


def word_matches(w: Word, t: Token, compounds: bool) -> bool:
    if w.pos and t.pos and t.pos not in w.pos:
        return False
    if t.norm == w.form:
        return True
    if w.prefix:
        return t.norm.startswith(w.form)
    if w.exact:
        return False
    if t.lemma == w.form or t.stem == w.stem:
        return True
    return compounds and len(w.stem) >= MIN_COMPOUND_STEM and t.text[:1].isupper() and t.stem.endswith(w.stem)


class PatternSet:
    """Many patterns of one language, indexed by the words they start with."""

    def __init__(self, patterns: list[Pattern], lang: str | None):
        self.patterns = patterns
        self.compounds = bool(lexicon.setting(lang, "compounds", False)) if lexicon.supported(lang) else False
        self._index: dict[str, list[Pattern]] = defaultdict(list)
        self._prefixed: dict[str, list[Pattern]] = defaultdict(list)  # by their first 3 letters
        self._memo: dict[tuple, tuple[Pattern, ...]] = {}
        for p in patterns:
            for w in p.items[0].words:
                if w.prefix:
                    self._prefixed[w.form[:3]].append(p)
                    continue
                self._index[w.form].append(p)
                if w.stem:
                    self._index["\x00" + w.stem].append(p)

    def _candidates(self, t: Token) -> tuple[Pattern, ...]:
        # memoised by the token's forms: the same words recur in every article, and this set is
        # asked about every token of every sentence (`find` reads the memo itself first)
        key = (t.norm, t.lemma, t.stem, self.compounds and t.text[:1].isupper())
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[key] = self._lookup(t)
        return found

    def _lookup(self, t: Token) -> tuple[Pattern, ...]:
        index = self._index
        found = index.get(t.norm, []) + index.get(t.lemma, []) + index.get("\x00" + t.stem, [])
        found += self._prefixed.get(t.norm[:3], [])
        if self.compounds and t.text[:1].isupper():
            for i in range(1, len(t.stem) - MIN_COMPOUND_STEM + 1):
                found += self._index.get("\x00" + t.stem[i:], [])
        return tuple(dict.fromkeys(found))

    def find(self, tokens: tuple[Token, ...] | list[Token]) -> list[Hit]:
        """Every match in `tokens` (a sentence or a document), longest first where they overlap."""
        hits = []
        memo, compounds = self._memo, self.compounds
        for k, t in enumerate(tokens):
            # the memo read inline: this loop visits every token of every article several times
            found = memo.get((t.norm, t.lemma, t.stem, compounds and t.text[:1].isupper()))
            for p in self._candidates(t) if found is None else found:
                end = _match(p.items, 0, tokens, k, self.compounds)
                if end is not None:
                    hits.append(Hit(p, tokens[k].i, tokens[end - 1].i + 1, tokens[k].i))
        return hits


def _match(items: tuple[Item, ...], n: int, tokens, k: int, compounds: bool) -> int | None:
    """The end (exclusive, in `tokens`) of the shortest match of items[n:] starting at tokens[k]."""
    if n == len(items):
        return k
    item = items[n]
    if item.gap:
        for skip in range(item.gap + 1):
            j = k + skip
            if j >= len(tokens) or (skip and tokens[j - 1].sent != tokens[k - 1].sent):
                return None
            end = _match(items, n + 1, tokens, j, compounds)
            if end is not None:
                return end
        return None
    if k >= len(tokens) or (n and tokens[k].sent != tokens[k - 1].sent):
        return None
    if any(word_matches(w, tokens[k], compounds) for w in item.words):
        return _match(items, n + 1, tokens, k + 1, compounds)
    return None


@functools.cache
def word_list(lang: str | None, name: str, key: str) -> PatternSet:
    """The patterns of one word list of a lexicon file (e.g. events / negation)."""
    return PatternSet([compile_pattern(p, lang, key) for p in lexicon.words(lang, name, key)], lang)


def specificity(p: Pattern) -> int:
    """How many of a pattern's words must match exactly: of two patterns matching the same words,
    the one naming the exact form ('=firmará' in a future entry) is the more specific reading."""
    return sum(1 for item in p.items for w in item.words if w.exact and len(item.words) == 1)


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, the longest kept where two overlap, then the most specific; in text order."""
    kept: list[Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.last - h.first), -specificity(h.pattern), h.first)):
        if all(h.last <= k.first or h.first >= k.last for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.first)
