"""Who does what to whom: source and target of a trigger from the dependency parse (en, fr),
or from word order where there is no parse (the actor named before the trigger is its source)."""
from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import replace

from liaison import lexicon
from liaison.extract.arguments import PlacedActor
from liaison.nlp.tokens import fold_word
from liaison.records import Actor

SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl:subj"}
OBJECT_DEPS = {"dobj", "obj", "iobj", "pobj", "obl", "obl:arg", "obl:mod", "obl:agent", "agent", "dative",
               "prep", "nmod", "nmod:poss", "xcomp", "ccomp", "advcl", "acl", "acl:relcl"}


def token_at(parsed, start: int, end: int):
    """The parse's token heading the words at start..end; None without a parse."""
    if parsed is None:
        return None
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    # the syntactic head of the trigger words (a verb, or the noun of 'meeting with')
    return span.root


def _ranges(tokens) -> list[tuple[int, int]]:
    return [(t.idx, t.idx + len(t.text)) for t in tokens]


def _in(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start < b or a < end <= b for a, b in ranges)


TOPIC_OBJECTS = {"dobj", "obj"}


def topic_ranges(parsed, lang: str | None, start: int, end: int) -> list[tuple[int, int]]:
    """Where the sentence at start..end says what is discussed (events.json cues `topic_verbs`, and
    `topic_links` after such a verb or a meeting word): 'met Bush to discuss the invasion of Iraq',
    'talks about Iran's programme'. A state named there is the topic of a meeting, no party to it.
    Empty without a parse."""
    span = _parsed_span(parsed, start, end)
    verbs, links = cue_words(lang, "topic_verbs"), cue_words(lang, "topic_links")
    out = []
    for t in span:
        if t.pos_ == "VERB" and fold_word(t.lemma_, lang) in verbs:
            out += [_subtree_range(c) for c in t.children if c.dep_ in TOPIC_OBJECTS]
        if fold_word(t.text, lang) in links and t.head.pos_ in ("VERB", "NOUN") and (
                fold_word(t.head.lemma_, lang) in verbs | cue_words(lang, "topic_heads")):
            out.append(_subtree_range(t))
    return out


def media_ranges(parsed, lang: str | None, start: int, end: int) -> list[tuple[int, int]]:
    """The noun phrases of the sentence at start..end that name a news medium (events.json cues
    `media`; an `agencies` word with a `news_words` child: 'news agency', 'agence de presse'): 'Around
    70 people were detained by police, South Korean news agency Yonhap reported'. A state named there
    is where the report comes from, no party to the act. Empty without a parse."""
    span = _parsed_span(parsed, start, end)
    media, agencies, news = (cue_words(lang, k) for k in ("media", "agencies", "news_words"))
    def names_a_medium(t) -> bool:
        word = fold_word(t.lemma_, lang)
        return word in media or (word in agencies
                                 and any(fold_word(c.lemma_, lang) in news for c in t.children))
    return [_subtree_range(t) for t in span if t.pos_ in ("NOUN", "PROPN") and names_a_medium(t)]


def _parsed_span(parsed, start: int, end: int):
    """The parse's tokens of start..end; none without a parse."""
    span = parsed.char_span(start, end, alignment_mode="expand") if parsed is not None else None
    return span if span is not None else ()


def _subtree_range(token) -> tuple[int, int]:
    words = list(token.subtree)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def governing_verb(token):
    """The verb whose arguments are the trigger's: itself, or for a noun, adjective or adverb
    trigger ('meeting', 'visite', 'joint', 'jointly') the verb it depends on (the word itself when
    none is above it)."""
    head = token
    while head.pos_ in ("NOUN", "PROPN", "ADJ", "ADV") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            break
    return head


def _parsed_sides(parsed, start: int, end: int) -> tuple[list, list, list] | None:
    """The character ranges of the doer, of those the act is done to, and among them of a passive's
    subject ('the chief was arrested by police': the chief is done to, the police do)."""
    token = token_at(parsed, start, end)
    if token is None:
        return None
    head = governing_verb(token)
    subj, obj, patient = [], [], []
    passive = _has_passive_children(head)
    for child in head.children:
        if passive and child.dep_ in AGENT_DEPS:
            subj += list(child.subtree)     # 'arrested by the Guardia Civil': the doer
        elif passive and child.dep_ in PASSIVE_DEPS:
            patient += list(child.subtree)  # 'the ETA chief was arrested': the one it is done to
        elif child.dep_ in SUBJECT_DEPS:
            subj += list(child.subtree)
        elif child.dep_ in OBJECT_DEPS:
            obj += list(child.subtree)
    if token.i != head.i:
        obj += [t for t in token.subtree if t.i != token.i]
    # a subject that is a relative pronoun or missing: the antecedent (head of the clause) stands in
    if not subj and not patient and head.dep_ in ("acl", "acl:relcl", "relcl") and head.head.i != head.i:
        subj = list(head.head.subtree)
    # 'persuaded Nicole Kidman to visit Israel': the object of the verb above does the infinitive
    if not subj and not patient and head.dep_ == "xcomp" and head.head.i != head.i:
        subj = [t for c in head.head.children if c.dep_ in OBJECT_CONTROL for t in c.subtree]
    return _ranges(subj), _ranges(obj + patient), _ranges(patient)


def doer_and_done_to(parsed, lang: str | None, start: int, end: int
                     ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """The words (character ranges) naming who does the act and whom it is done to: the subject
    or passive agent, and the direct object or passive subject, each with the words that say
    whose it is ('the U.S. Congress', 'a former Israeli soldier', 'the teams from both countries'),
    not its clauses or the phrases hanging from those ('an Israeli court of the manslaughter of a
    British student'). None without a parse."""
    token = token_at(parsed, start, end)
    if token is None:
        return None
    verb = governing_verb(token)
    links = cue_words(lang, "owner_links")
    done_to = _objects(verb, start, end) + [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj:pass")]
    doers = _subject_heads(verb, CONTROL_HOPS)
    return tuple(_joined([w for h in heads for w in _noun_phrase(h, links, nested=False)])
                 for heads in (doers, done_to))


def _joined(words) -> list[tuple[int, int]]:
    """The character ranges of runs of consecutive words."""
    out: list[tuple[int, int]] = []
    last = None
    for w in sorted(set(words), key=lambda t: t.i):
        if out and last is not None and w.i == last + 1:
            out[-1] = (out[-1][0], w.idx + len(w.text))
        else:
            out.append((w.idx, w.idx + len(w.text)))
        last = w.i
    return out


def assign_sides(actors: list[PlacedActor], trigger_start: int, trigger_end: int, entry: dict,
                 parsed=None) -> list[Actor]:
    """The actors with side source / target / participant. With a hosting trigger (events.json
    entries marked "host": received, hosted, welcomed) the grammatical subject is the host, i.e.
    the target of the visit."""
    ranges = _parsed_sides(parsed, trigger_start, trigger_end) if parsed is not None else None
    host = bool(entry.get("host"))
    out = []
    for placed in actors:
        if ranges is not None:
            subj, obj, _ = ranges
            side = ("source" if _in(subj, placed.start, placed.end) else
                    "target" if _in(obj, placed.start, placed.end) else "participant")
        else:
            side = "source" if placed.end <= trigger_start else "target"
        if host and side != "participant":
            side = "target" if side == "source" else "source"
        out.append(_with_side(placed.actor, side))
    if out and not any(a.side == "source" for a in out) and ranges is not None:
        # no grammatical subject among the named actors: the first named before the trigger acts,
        # unless a passive makes it the one the act is done to
        first = next((i for i, p in enumerate(actors)
                      if p.end <= trigger_start and not _in(ranges[2], p.start, p.end)), None)
        if first is not None:
            out[first] = _with_side(out[first], "source")
    return out


def _with_side(actor: Actor, side: str) -> Actor:
    return replace(actor, side=side)


@functools.cache
def cue_words(lang: str | None, key: str) -> frozenset[str]:
    """One word list of events.json cues, folded ('=' exact-form marks dropped): `non_state`
    (subjects that are no state acting), `state_doers`, `owner_links`, `agent_links`."""
    cues = lexicon.load(lang, "events").get("cues", {}).get(key, [])
    return frozenset(fold_word(w.lstrip("="), lang) for w in cues)


def done_by_non_state(parsed, lang: str | None, start: int, end: int, tokens=()) -> bool:
    """Who does the words at start..end is no state (events.json cues `non_state`: protesters, a
    group, a company's people, migrants): the subject the parse names or, without a parse, the noun
    a relative clause opening just before describes ('migrantes que viajan a …', `tokens`: the
    document's tokens)."""
    if parsed is None:
        return _relative_of_non_state(tokens, lang, start)
    if set(acting_subjects(parsed, start, end)) & cue_words(lang, "non_state"):
        return True
    return _owned_by_non_state(parsed, lang, start, end, cue_words(lang, "non_state_owners"))


def _owned_by_non_state(parsed, lang: str | None, start: int, end: int, words: frozenset[str]) -> bool:
    """The doer is a non-state one's (events.json cues `non_state_owners`): 'opposition
    politicians', 'the leader of Japan's main opposition party', 'company officials', 'the
    militants' spokesman'. Only words in lower case count: a name is no such noun."""
    token = token_at(parsed, start, end)
    if token is None or not words:
        return False
    links = cue_words(lang, "owner_links")
    return any(t.i != h.i and t.text[:1].islower()
               and (fold_word(t.lemma_) in words or fold_word(t.text) in words)
               for h in _acting_heads(token) for t in _noun_phrase(h, links))


@functools.cache
def relative_pronouns(lang: str | None) -> frozenset[str]:
    return frozenset(fold_word(w, lang) for w in lexicon.words(lang, "words", "relative_pronouns"))


def _relative_of_non_state(tokens, lang: str | None, start: int) -> bool:
    """noun + relative pronoun (+ at most one word: a clitic, 'ya', 'no') + the words at `start`,
    the noun a non-state one, all in one sentence."""
    at = bisect_left(tokens, start, key=lambda t: t.start)
    if at < 2 or at >= len(tokens):
        return False
    for gap in (0, 1):
        rel, noun = at - 1 - gap, at - 2 - gap
        if noun < 0 or tokens[noun].sent != tokens[at].sent:
            return False
        if tokens[rel].norm in relative_pronouns(lang):
            return tokens[noun].norm in cue_words(lang, "non_state")
    return False


def acting_subjects(parsed, trigger_start: int, trigger_end: int) -> list[str]:
    """Folded lemmas and forms of the words heading the trigger's acting subject: the active
    subject, or the agent of a passive ('arrested by rebels'). Empty without a parse."""
    token = token_at(parsed, trigger_start, trigger_end)
    if token is None:
        return []
    heads = _acting_heads(token)
    return [fold_word(h.lemma_) for h in heads] + [fold_word(h.text) for h in heads]


def _acting_heads(token) -> list:
    if token.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass") and token.head.i != token.i:
        token = token.head      # 'the group will protest': the subject sits on the verb of 'will'
    heads = _subject_heads(governing_verb(token), CONTROL_HOPS)
    return heads + [c for h in list(heads) for c in h.conjuncts]     # 'protesters and activists'


PASSIVE_DEPS = {"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"}
AGENT_DEPS = {"agent", "obl:agent"}


MODIFIER_DEPS = {"amod", "acl"}


# a participle with its doer, its object or a phrase of its own tells an act ('migrants deported
# from the United States'), not only who they are
DESCRIPTION_ENDS = {"agent", "obl:agent", "obl", "prep", "obj", "dobj"}


def participle_describing(parsed, start: int, end: int) -> bool:
    """The words at start..end are a past participle describing a noun, with no doer, object or
    phrase of its own ('des migrants expulsés', 'the deported migrants'). False without a parse."""
    token = token_at(parsed, start, end)
    return (token is not None and token.dep_ in MODIFIER_DEPS and token.head.pos_ == "NOUN"
            and _passive(token) and not any(c.dep_ in DESCRIPTION_ENDS for c in token.children))


def passive_without_doer(parsed, start: int, end: int) -> bool:
    """The words at start..end are a passive verb whose doer the sentence leaves out ('One U.S.
    marine was killed south of Baghdad'), or a past participle describing a noun ('the kidnapped
    Israeli soldier', 'three Romanian journalists kidnapped in Iraq'). False without a parse."""
    token = token_at(parsed, start, end)
    return token is not None and _passive(token) and not any(c.dep_ in AGENT_DEPS for c in token.children)


def told_in_the_passive(parsed, start: int, end: int) -> bool:
    """The words at start..end are a passive verb or a past participle describing a noun, with or
    without its doer ('was ordered out of the court by the judges'). False without a parse."""
    token = token_at(parsed, start, end)
    return token is not None and _passive(token)


def _passive(token) -> bool:
    if token.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    participle = "Part" in token.morph.get("VerbForm") and "Past" in token.morph.get("Tense")
    return _has_passive_children(token) or (participle and token.dep_ in MODIFIER_DEPS)


def _has_passive_children(token) -> bool:
    """A passive subject or auxiliary hangs from the verb: 'was arrested', 'a été reçu'."""
    return any(c.dep_ in PASSIVE_DEPS for c in token.children)


def noun_without_state_doer(parsed, lang: str | None, start: int, end: int) -> bool:
    """The words at start..end are a noun naming an act ('the London bombings', 'an assassin's bomb',
    'the explosion') and the parse gives it no doer that can be a state: none in its own phrase
    ('Israeli air strikes', 'NATO's bombing', 'strikes by the army') and none as the subject of the
    verb it is the object of ('Israel launched air strikes'). False without a parse."""
    token = token_at(parsed, start, end)
    if token is None or token.pos_ != "NOUN":
        return False
    words, links = cue_words(lang, "state_doers"), cue_words(lang, "owner_links")
    if any(_may_be_state(t, words) for t in _noun_phrase(token, links | cue_words(lang, "agent_links"))[1:]):
        return False
    verb = governing_verb(token)
    if verb.i == token.i or token.dep_ not in OBJECT_CONTROL:
        return True
    return not any(_may_be_state(t, words) for h in _subject_heads(verb, CONTROL_HOPS)
                   for t in _noun_phrase(h, links))


def doer_is_no_state(parsed, lang: str | None, start: int, end: int) -> bool:
    """The parse names who does the words at start..end and none of them can be a state: no name
    (a country, a capital, a body), no pronoun (it may stand for one), nothing owning it ('our
    experts', 'teams from both countries'), no noun of a state, its organs or the texts they issue
    ('the government', 'troops', 'a motion asking': events.json cues `state_doers`). 'The
    incidents follow Sunday's arrest', 'conservatives opposing recognition'. False without a
    parse or that list."""
    words = cue_words(lang, "state_doers")
    token = token_at(parsed, start, end) if words else None
    heads = _acting_heads(token) if token is not None else []
    links = cue_words(lang, "owner_links")
    return bool(heads) and not any(_may_be_state(t, words) for h in heads for t in _noun_phrase(h, links))


def doer_is_a_state(parsed, lang: str | None, start: int, end: int) -> bool:
    """The parse gives the words at start..end a doer headed by a state's name or by a noun of a
    state, its organs or their people ('Spain will', 'Bulgarian and American military officials
    will meet': events.json cues `state_doers`). False without a parse."""
    from liaison.gazetteer import lookup_country
    token = token_at(parsed, start, end)
    words = cue_words(lang, "state_doers")
    return token is not None and any(
        fold_word(h.lemma_) in words or fold_word(h.text) in words or lookup_country(h.text)
        for h in _acting_heads(token))


# the words of a noun phrase that say whose it is: 'Iranian gunboats', 'our experts', 'the Interior
# Ministry', and a preposition of owning ('the teams from both countries', events.json cues
# `owner_links`), not of place ('protesters outside the embassy')
OWNER_DEPS = {"poss", "nmod:poss", "det:poss", "compound", "amod", "flat", "flat:name"}
PREPOSITION_DEPS = {"prep", "nmod"}


def _noun_phrase(head, links: frozenset[str], nested: bool = True) -> list:
    """The noun, the words modifying it and the phrases saying whose it is; with `nested` false, of
    such a phrase only its noun and that noun's modifiers ('an Israeli court of the manslaughter of
    a British student': the court is Israeli, the student's state is another phrase's)."""
    words = [head] + [t for c in head.children if c.dep_ in OWNER_DEPS for t in c.subtree]
    for child in (c for c in head.children if _owning(c, links)):
        if nested:
            words += list(child.subtree)
            continue
        nouns = [child] if child.dep_ != "prep" else [g for g in child.children
                                                      if g.dep_ in ("pobj", "obj")]
        words += [child] + [t for n in nouns for t in _noun_phrase(n, frozenset())]
    return words


def _owning(child, links: frozenset[str]) -> bool:
    """A prepositional phrase naming whose the noun is: 'from …' (en: prep), 'des deux pays' (fr:
    nmod, its preposition a 'case' child)."""
    if child.dep_ not in PREPOSITION_DEPS:
        return False
    words = [child] + [c for c in child.children if c.dep_ == "case"]
    return any(fold_word(w.lower_) in links for w in words)


def _may_be_state(token, words: frozenset[str]) -> bool:
    """A name, a pronoun heading the doer or owning it ('its troops'), or a state noun."""
    return (token.pos_ == "PROPN" or token.text[:1].isupper()
            or token.pos_ == "PRON" and token.dep_ in SUBJECT_DEPS or "Poss=Yes" in str(token.morph)
            or fold_word(token.lemma_) in words or fold_word(token.text) in words)


# a conjoined verb with a subject of its own, passive too ("and so their claims will be examined")
OWN_SUBJECT_DEPS = {"nsubj", "csubj", "nsubjpass", "nsubj:pass", "csubjpass"}
CONTROL_HOPS = 2  # clauses up the parse from which a verb without a subject of its own takes one
RELATIVE_DEPS = {"relcl", "acl:relcl"}
OBJECT_CONTROL = {"dobj", "obj", "iobj"}


def non_state_object(parsed, lang: str | None, start: int, end: int) -> tuple[int, int] | None:
    """Where the words at start..end have a direct object that is a non-state one or a place that is
    no state (events.json cues `non_state`, `sites`): 'ordered the pharmaceutical company Jelfa to
    halt production', 'visited the shrine', 'calling for locals to come help'; or one owned by such
    a one ('met leaders of the group'). The range of that object's phrase; None without a parse or
    such an object."""
    token = token_at(parsed, start, end)
    if token is None:
        return None
    verb = governing_verb(token)
    words = cue_words(lang, "non_state") | cue_words(lang, "sites")
    links = cue_words(lang, "owner_links")
    for child in _objects(verb, start, end):
        if _is_one_of(child, words) or _names_a_site(child, lang) or (
                child.pos_ == "NOUN" and any(_is_one_of(t, words) for t in _noun_phrase(child, links)[1:])):
            return _subtree_range(child)    # 'the shrine'; 'leaders of the group': a non-state one's
    return None


def _names_a_site(token, lang: str | None) -> bool:
    """A site's own name ends or starts on the kind of site it is ('the Yasukuni Shrine', 'the
    Al-Aqsa Mosque'; 'la mosquée Al-Aqsa'): capitalised, still no state."""
    sites = cue_words(lang, "sites")
    parts = [c for c in token.children if c.dep_ in ("compound", "flat", "flat:name", "nmod")]
    return token.pos_ == "PROPN" and any(fold_word(t.text) in sites for t in [token, *parts])


def _is_one_of(token, words: frozenset[str]) -> bool:
    """A word in lower case (a name is no such noun) whose lemma or form is in `words`."""
    return token.text[:1].islower() and (fold_word(token.lemma_) in words or fold_word(token.text) in words)


def _objects(verb, start: int, end: int) -> list:
    """The verb's direct objects, and the nouns of a preposition that is one of the trigger's own
    words ('calling for locals', 'appealed to residents'): whom the act is addressed to."""
    out = [c for c in verb.children if c.dep_ in OBJECT_CONTROL]
    for prep in (c for c in verb.children if c.dep_ in ("prep", "dative") and start <= c.idx < end):
        out += [g for g in prep.children if g.dep_ in ("pobj", "obj")]
    for clause in verb.children:    # 'calling for locals to come': 'for' opens a clause; its subject
        if any(m.dep_ == "mark" and start <= m.idx < end for m in clause.children):
            out += [g for g in clause.children if g.dep_ in ("nsubj", "nsubj:pass")]
    return out


def names_its_doer(parsed, trigger_start: int, trigger_end: int) -> bool:
    """The parse gives the act a doer of its own that is not a personal pronoun ('Venezuela
    argued', 'Egyptian security forces have detained', 'a Lebanese-Syrian commission will meet'),
    so no one else (the official the article follows) is its unnamed actor. False without a parse."""
    token = token_at(parsed, trigger_start, trigger_end)
    if token is None:
        return False
    head = governing_verb(token)
    if head.i == token.i and token.pos_ in ("NOUN", "PROPN"):
        return False            # a noun with no verb above it ('Extradition unlikely.')
    return any(h.pos_ != "PRON" for h in _subject_heads(head, CONTROL_HOPS))


def _subject_heads(verb, hops: int) -> list:
    """The words heading who does `verb`: its subject or passive agent; for a relative pronoun
    ('students …, who called for'), the noun the clause describes; for a verb with no subject of
    its own, the doer of the clause it hangs from: 'people demonstrated, urging …', 'peace groups
    organised to demand …', 'protesters calling for …' (but not 'asked Syria to withdraw', where
    the object does the second verb)."""
    while verb.dep_ == "conj" and not any(c.dep_ in OWN_SUBJECT_DEPS for c in verb.children):
        verb = verb.head        # 'rebels ambushed and killed': the subject sits on the first verb
    heads = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    for agent in (c for c in verb.children if c.dep_ in ("agent", "obl:agent")):
        heads += [g for g in agent.children if g.dep_ in ("pobj", "obj")] or [agent]
    if verb.dep_ in RELATIVE_DEPS and verb.head.i != verb.i:
        heads = [verb.head if "Rel" in h.morph.get("PronType") or h.tag_ in ("WP", "WDT") else h
                 for h in heads]
    if heads or hops <= 0 or verb.head.i == verb.i:
        return heads
    above = verb.head
    if verb.dep_ == "acl" and (_ongoing(verb) or _finite(verb)):
        # 'protesters calling for': the noun does the participle; a finite verb hanging from a noun
        # with no subject of its own is a clause the parse misattached ('Demonstrators …, led by
        # leftist groups, called for'): told of that noun as well
        return [above]
    if verb.dep_ == "advcl" and (_ongoing(verb) or _infinitive(verb)):
        return _subject_heads(above, hops - 1)      # 'met …, pour assurer le rapatriement': the same doer
    if verb.dep_ == "xcomp" and not any(c.dep_ in OBJECT_CONTROL for c in above.children):
        return _subject_heads(above, hops - 1)
    return []


def _infinitive(verb) -> bool:
    return "Inf" in verb.morph.get("VerbForm")


def _finite(verb) -> bool:
    return "Fin" in verb.morph.get("VerbForm")


def _ongoing(verb) -> bool:
    """A present participle or gerund ('calling', 'en demandant'): done by the clause's doer."""
    return "Prog" in verb.morph.get("Aspect") or "Ger" in verb.morph.get("VerbForm") or (
        "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"))
