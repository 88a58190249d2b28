"""G001 acronym slips and G004 names an acronym spells, run from :mod:`cleaner.checks.names`.

- :func:`acronyms` (G001): an acronym one edit from one the article uses, defines or the gazetteer
  knows, a parenthesised acronym that misses its name's initials, two one-off slips of the same
  well-known acronym, and an unknown acronym one edit from a gazetteer acronym in a frame of its kind
  (``ISM-held``, ``PKL militants``) in an article that names that entity.
- :func:`acronym_initials` (G004): a lower-case word inside a name whose initials spell an acronym the
  article uses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from itertools import chain, compress, count, islice
from operator import and_, itemgetter, not_, or_
from typing import Callable, Optional

from .. import snapshot
from ..document import Document
from ..finding import Finding
from ..gazetteer import gazetteer, norm
from ..lexicon import lexicon, neighbouring_keys
from .casing import _unpronounceable
from .name_tokens import (
    _CONNECTORS, _derived, _FUNCTION_WORDS, _known_names, _pack, _plain_context, SOURCE, _words, _claim, Candidate,
    _unpossessed, _mostly_capitals,
)
from ..tokens import Tokens

# an acronym's plural (IRAs); the first capital is matched before the look-behind, as in tokens.ACRONYM
# (the same matches as "(?<![\w.&/-])([A-Z]{2,6})s(?![\w&/])", a quarter of the time)
_ACRONYM_PLURAL = re.compile(r"([A-Z](?<![\w.&/-][A-Z])[A-Z]{1,5})s(?![\w&/])")
# "National Security Council (NSC)": a capitalised name and the acronym defined for it
_DEFINED = re.compile(r" \([A-Z]{2,6}\)")  # what every _DEFINITION match ends with: a cheap test first
# a name's capitalised words, joined by a small word or by one and "the" ("Federation of the Phonographic
# Industry (IFPI)", "Office of the Director of National Intelligence (ODNI)"), then the acronym in brackets
_DEFINITION = re.compile(r"((?:[A-Z][\w'’-]*,? (?:(?:of|for|and|the|on|&) (?:the )?)?){1,7}[A-Z][\w'’-]*) \(([A-Z]{2,6})\)")
_RUN_GAPS = (" ", ", ", " & ")  # what may stand between the words of one name
# a character no _DEFINITION match holds before its " (": one bounds where the match can start
_OUTSIDE_DEFINITION = re.compile(r"[^\w'’\-, &]")


def acronyms(doc: Document, ctx, toks: Tokens, names: tuple = ()) -> list[Candidate]:
    """G001: an acronym one edit away from an acronym the article uses repeatedly.

    ``NASA said ... NASA's probe ... NASI scientist`` → ``NASA scientist`` (unsafe).

    ``names``: the spans of the gazetteer names the article writes (:func:`cleaner.checks.names.gazetteer_names`),
    whose acronyms are parts of those names, not slips. The rewrites are settled
    (:func:`_settled`): one fix round applies them all, and the fixed text has none left.
    """
    matches = toks.acronyms
    if not matches:
        return []
    # a plural is a use of its acronym: "IRAs" vouches for "IRA" (and so makes "IRD" a slip of it)
    plurals = Counter(_ACRONYM_PLURAL.findall(doc.text))

    def counts(mentions) -> Counter:
        """How often the article writes each acronym, ``mentions`` as they stand."""
        out = Counter(m.group() for m in mentions)
        out.update(plurals)
        return out

    memo: dict = {"near": _neighbours_among_all()}
    return _settled(lambda mentions, judged: _acronym_candidates(doc, ctx, toks, names, judged, counts(mentions),
                                                                 memo, mentions), matches, counts, memo["near"])


def _definitions(text: str) -> list:
    """``list(_DEFINITION.finditer(text))``, searched only before each ``" (XX)"`` (:data:`_DEFINED`)
    back to the last character no definition holds: a match ends at the first such mark after its
    start, and its words hold none of those characters. The search of the whole text tried every
    capital of it (a tenth of the pass on a 1 MB line); the stretches searched here do not overlap.

    >>> text = "Monday: the Democratic Republic of Congo (DRC) and World Health Organization (WHO). (UN)"
    >>> [m.group(2) for m in _definitions(text)] == [m.group(2) for m in _DEFINITION.finditer(text)] == ["DRC", "WHO"]
    True
    >>> [m.group(1) for m in _definitions("from the International Federation of the Phonographic Industry (FIPI).")]
    ['International Federation of the Phonographic Industry']
    """
    out: list = []
    end = 0  # where the last match ended: the next starts there or later
    for mark in _DEFINED.finditer(text):
        found = _DEFINITION.search(text, _stretch_start(text, mark.start(), end), mark.end())
        if found is not None:
            out.append(found)
            end = found.end()
    return out


def _stretch_start(text: str, at: int, floor: int) -> int:
    """Where the run of characters a definition may hold that ends at ``at`` starts (not before
    ``floor``): read back in growing windows, so a run costs about its own length.

    >>> _stretch_start("It said: Federal Reserve (FR)", 25, 0), _stretch_start("Federal Reserve", 15, 3)
    (8, 3)
    """
    width = 64
    while True:
        low = max(floor, at - width)
        outside = _OUTSIDE_DEFINITION.search(text[low:at][::-1])
        if outside is not None:
            return at - outside.start()
        if low == floor:
            return floor
        width *= 4


def _neighbours_among_all() -> Callable:
    """``near_for(counts)``: :func:`_one_edit_neighbours` of ``counts``, from one index of every acronym
    the mentions have been so far (built again only when a rewrite brings a new one), its answers
    less the acronyms ``counts`` has none of: the settling's calls each ask, and an index per call
    was a third of the pass on a long text."""
    built: dict = {}

    def near_for(counts) -> Callable[[str], list]:
        keys = built.get("keys")
        if keys is None or not counts.keys() <= keys:
            keys = built["keys"] = set(counts) | (keys or set())
            built["near"] = _one_edit_neighbours(dict.fromkeys(keys, 1))
        if len(keys) == len(counts):
            return built["near"]  # (every acronym it knows is in the text now)
        near_all = built["near"]
        return lambda token: [a for a in near_all(token) if counts[a]]

    return near_for


SETTLE_ROUNDS = 4  # decisions made again on the rewritten acronyms, at most: chains are one or two long


class _Rewritten:
    """A mention as a fix would leave it: ``token`` where the text writes another acronym (the match
    ``m``), at the same offsets, so the pass reads its context where it stands."""

    __slots__ = ("token", "m")

    def __init__(self, token: str, m) -> None:
        self.token, self.m = token, m

    def group(self, *_) -> str:
        return self.token

    def start(self, *_) -> int:
        return self.m.start()

    def end(self, *_) -> int:
        return self.m.end()

    def span(self, *_) -> tuple:
        return self.m.span()


def _settled(candidates_for: Callable, matches: list, counted: Callable,
             neighbours: Callable | None = None) -> list[Candidate]:
    """The candidates of ``candidates_for(mentions, judged)`` (the pass's verdicts on the mentions
    ``judged``, with the counts of ``mentions``), each rewrite of a mention carried to where the pass's
    own evidence settles once its rewrites are made (``counted(mentions)``: the counts it reads): the pass decides from the article's acronym
    counts, and its fixes change them (``WFD`` → ``WFE`` while ``WFE`` → ``WEF``; a second ``WFE`` that
    a fix makes no longer looks like a house style). So the decisions are made again on the mentions
    as rewritten, with their counts, until no rewrite is left (at most ``SETTLE_ROUNDS`` times), and
    each mention is reported once, from what it says to what it settles on; one that comes back to
    its own form is not reported. Only an article with a rewrite pays for the second look, and it
    judges again only the mentions of an acronym whose count changed or of one an edit from it
    written at most twice (the only ones whose evidence moved).

    >>> ms = list(re.finditer(r"[A-Z]{3}", "WFD WFE WEF"))
    >>> def pass_(mentions, judged):  # a chain: WFD is a slip of WFE, and WFE one of WEF
    ...     return [Candidate(Finding("G001", f"'{m.group()}' is garbled", m.start(), m.end(), suggestion=s))
    ...             for m in judged for t, s in (("WFD", "WFE"), ("WFE", "WEF")) if m.group() == t]
    >>> [(c.finding.start, c.finding.suggestion, c.finding.message) for c in _settled(pass_, ms, lambda ms: Counter(m.group() for m in ms))]
    [(0, 'WEF', "'WFD' is garbled"), (4, 'WEF', "'WFE' is garbled")]
    """
    first = candidates_for(matches, matches)
    at = {m.start(): m for m in matches}

    def rewrite(c: Candidate, now: dict) -> bool:
        """Does ``c`` rewrite a whole mention into another acronym than it has ``now``?"""
        f = c.finding
        m = at.get(f.start) if f is not None else None
        return m is not None and f.end == m.end() and bool(f.suggestion) and f.suggestion != now.get(f.start, m.group())

    made = [c for c in first if rewrite(c, {})]
    if not made:
        return first
    settled: dict = {}  # start -> (what the mention is rewritten to, the candidate that says so, what it said then)
    counts = counted(matches)
    seen: set = set()
    for _ in range(SETTLE_ROUNDS):
        for c in made:
            start = c.finding.start
            settled[start] = (c.finding.suggestion, c, settled[start][0] if start in settled else at[start].group())
        state = frozenset((start, s[0]) for start, s in settled.items())
        if state in seen:
            break  # rewrites that undo each other
        seen.add(state)
        before = counts
        now = {start: s[0] for start, s in settled.items()}
        mentions = [_Rewritten(now[m.start()], m) if m.start() in now else m for m in matches]
        counts = counted(mentions)
        changed = [a for a in before.keys() | counts.keys() if before[a] != counts[a]]
        # judged again: the rewritten mentions (a chain goes on from them: RGA -> RGG -> RG), and the
        # mentions of the acronyms whose count changed or that are an edit from one, of those written
        # at most twice now: one written three times or more is the article's own whatever its
        # neighbours' counts (only the rules that read no counts may still call it a slip, and they
        # read it where a rewrite put it), and on a long text judging every mention of a common one
        # again (US, a rewrite's target, or beside one) cost 40% of the pass
        near = (neighbours or _one_edit_neighbours)(counts)
        moved = {a for a in chain(changed, chain.from_iterable(map(near, changed))) if counts[a] <= 2}
        judged = [m for m in mentions if m.group() in moved or m.start() in now]
        made = [c for c in candidates_for(mentions, judged) if rewrite(c, now)]
        if not made:
            break

    def final(start: int) -> list:
        token, c, flagged_as = settled[start]
        said = at[start].group()
        if token == said:
            return []  # back where it started
        if flagged_as != said:  # decided on the mention as rewritten: it reports what the text says
            c = replace(c, finding=c.finding.replaced(message=c.finding.message.replace(flagged_as, said, 1)))
        return [c]

    out, done = [], set()
    for c in first:
        if rewrite(c, {}) and c.finding.start not in done:
            done.add(c.finding.start)
            out += final(c.finding.start)
        elif not rewrite(c, {}):
            out.append(c)
    for start in sorted(settled.keys() - done):  # mentions that only the settled counts flag
        out += final(start)
    return out


def _acronym_candidates(doc: Document, ctx, toks: Tokens, names: tuple, matches: list, counts: Counter,
                        memo: dict | None = None, mentions: list | None = None) -> list[Candidate]:
    """:func:`acronyms` on ``matches`` (the article's acronym mentions, or some of them as a fix would
    leave them: ``mentions`` are then all of them) with their ``counts``. ``memo`` keeps what the
    settling's calls on one text share (its definitions, the lines read), so a long text is read
    once, not once per call."""
    memo = {} if memo is None else memo
    text = doc.text
    # the offsets inside a name or a span this pass took (one flag per offset: no scan per mention),
    # and where those spans start
    covered = bytearray(len(text) + 1)
    covered_starts = set()

    def cover(start: int, end: int) -> None:
        covered[start:end] = b"\x01" * (end - start)
        covered_starts.add(start)

    for start, end in names:
        cover(start, end)
    gaz = gazetteer(_known_names(ctx))
    ubiquitous = _words("acronyms", "ubiquitous")
    topic_stop = _words("acronyms", "topic_stopwords")
    near = memo["near"](counts) if "near" in memo else _one_edit_neighbours(counts)
    mentions = matches if mentions is None else mentions
    runs = memo.get("lists")
    if runs is None:  # (where the lists stand does not change with what their items are rewritten to)
        runs = memo["lists"] = _list_runs(text, mentions)
    listed = _listed_in(runs, mentions)
    # id(entry) -> (named in the article?, its name spelled out?): scans of the text, once per text
    named: dict = memo.setdefault("named", {})

    def mentioned(entry) -> bool:
        """Does the article name ``entry`` (``gaz.entry_mentioned``)?"""
        return answers(entry)[0]

    def spelled_out(entry) -> bool:
        """... and write one of its forms?"""
        return answers(entry)[1]

    def answers(entry) -> tuple:
        known = named.get(id(entry))
        if known is None:
            said = gaz.entry_mentioned(entry, text, lowered, toks)
            known = named[id(entry)] = (said, said and any(norm(f) in lowered for f in entry.forms))
        return known
    findings = []
    defined = set()
    misdefined: dict = {}  # an acronym whose definition spells another: its initials and the name
    real_min_zipf = _pack()["acronyms"]["real_min_zipf"]
    emphasis_min_zipf = _pack()["acronyms"]["emphasis_min_zipf"]
    lex = lexicon()
    definitions = memo.get("definitions")
    if definitions is None:
        definitions = memo["definitions"] = _definitions(text)
    if matches is not mentions and definitions:
        # judging some mentions again: only the definitions of their acronyms, or standing where they do
        # (what the others' definitions decide, about acronyms a rewrite moved none of, stands)
        judged = {m.group() for m in matches} | {m.start() for m in matches}
        definitions = [m for m in definitions if m.group(2) in judged or m.start(2) in judged]
    for m in definitions:
        name, acr = _defined_name(m.group(1), m.group(2))
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        if acr in misdefined:
            continue
        swapped = _swapped_for_another(acr, m.group(1), name, initials, gaz)
        if swapped is not None:
            # "World Health Organization (WTO)": another body's acronym where the name says which was
            # meant; only this mention (the other body may be named in its own right elsewhere)
            meant, other = swapped
            start, end = m.span(2)
            cover(start, end)
            defined.add(acr)
            findings.append(_claim(doc.finding(
                "G001", f"'({acr})' is the acronym of '{other.name}', not of '{name}': did you mean '{meant}'?",
                start, end, suggestion=meant, fix="unsafe", confidence=0.7, source=f"{SOURCE}:definition",
            )))
            continue
        if counts[acr] > 1 and not counts[initials] and _spells_inside(acr, name.split()) \
                and not _listed_for(gaz, initials, name):
            # "International Cocoa Organization (ICCO)" and ICCO throughout, never ICO: the name's own
            # acronym, a letter taken from inside a word (the article's use and the name's letters agree),
            # unless the gazetteer gives this very name its initials (a doubled letter: FAAA)
            defined.add(acr)
            continue
        known = _slip_of_known_initials(acr, initials, gaz, ubiquitous, lex, real_min_zipf)
        # "Request for Information (RFU)": RFI spells the name, RFU is a slip of it; what spells the name
        # is meant whatever the counts say (a settling round that rewrote the other mentions has UZ once)
        # an acronym read as a word borrows a word's next letters to be read so ("Common Market for Eastern
        # and Southern Africa (COMESA)", "National Bank for Agriculture and Rural Development (NABARD)"),
        # defined once or not; a slip of the initials rarely reads as a word
        borrowed = not counts[initials] and _read_as_a_word(acr) and _spells_inside(acr, name.split())
        spelt = None if acr == initials or borrowed else _spelt_slip(acr, name.split(), gaz, ubiquitous, lex)
        if spelt is not None:
            initials = spelt
        elif acr == initials or not _one_edit(acr, initials) or (acr in gaz.acronyms and not known) \
                or (counts[acr] > 1 and not known and (counts[initials] or not _slip_of_initials(acr, initials, keys=True))) \
                or (_one_letter_other(acr, initials) and _own_acronym(acr, lex, real_min_zipf) and not known) \
                or _spells(acr, name.split()) or _cut_short(acr, initials, text[max(0, m.start() - 30):m.start()]) \
                or borrowed:
            right = None if acr == initials else _doubled_by_joining_word(acr, name.split(), gaz, ubiquitous, lex)
            if right is None:
                defined.add(acr)
                continue
            initials = right
        start, end = m.span(2)
        cover(start, end)
        misdefined[acr] = (initials, name)
        findings.append(_claim(doc.finding(
            "G001", f"'({acr})' does not match '{name}': did you mean '{initials}'?", start, end,
            suggestion=initials, fix="unsafe", confidence=0.7, source=f"{SOURCE}:definition",
        )))
    for m in matches:
        token = m.group()
        if token not in misdefined and token not in defined and token not in gaz.acronyms:
            slip = _misdefined_in_lower_case(token, m.start(), m.end(), text)
            if slip is not None and not counts[slip[0]]:
                misdefined[token] = slip
    batch_known = set(((ctx.batch or {}).get("G") or {}).get("acronyms", ()))
    postal = _words("acronyms", "postal_codes")
    lowered = toks.lowered
    orphans: list = []
    place_slips: dict = {}  # slips of a country's acronym, written more than once, one mention in a frame: its acronym
    places = _places_named(lowered, toks.word_runs(lowered=True)) \
        if not _place_frames()[0].keys().isdisjoint(counts) else frozenset()
    shouted: list = [0, -1, False]  # the last line looked at: its start, its end, is it mostly capitals?
    line_starts, line_verdicts = memo.setdefault("lines", ([], []))  # every line looked at, by start
    targets_of: dict = {}  # token -> the acronyms one edit from it that it may be a slip of

    def shouting_at(start: int, end: int) -> bool:
        """Is the line around ``start`` mostly capitals (shouting, not acronyms)? Once per line: the
        mentions come in text order, so each line is found and read once (a search back to the line's
        start per mention was quadratic on a 1 MB line)."""
        if not shouted[0] <= start <= shouted[1]:
            k = bisect_right(line_starts, start) - 1
            if k >= 0 and line_verdicts[k][1] >= start:
                shouted[:] = line_verdicts[k]
                return shouted[2]
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = line_end if line_end >= 0 else len(text)
            shouted[:] = line_start, line_end, _mostly_capitals(text, line_start, line_end)
            line_starts.insert(k + 1, line_start)
            line_verdicts.insert(k + 1, tuple(shouted))
        return shouted[2]

    for m in matches:
        token = m.group()
        start, end = m.span()
        if covered[start]:
            continue
        if token in misdefined and token not in defined:
            initials, name = misdefined[token]
            cover(start, end)
            findings.append(_claim(doc.finding(
                "G001", f"'{token}' is defined for '{name}': did you mean '{initials}'?", start, end,
                suggestion=initials, fix="unsafe", confidence=0.6, source=f"{SOURCE}:definition",
            )))
            continue
        if token in ubiquitous or token in defined or token in batch_known or text[start - 1:start] == "<" \
                or _in_address(token, start, end, text, postal) or _defined_in_lower_case(token, start, text):
            continue  # ... or a ticker in angle brackets (<DMP>), a state in an address (Atlanta, GA), or
            # an acronym defined after plain words (compact disk videos (CDV))
        if counts[token] > 1 and not (counts[token] == 2 and token not in gaz.acronyms and any(
                counts[a] > 2 and a in gaz.acronyms for a in near(token))):
            # used twice: real, unless a well-known acronym one slip away is used more often, or it is
            # garbled in every mention, each in a frame of a group the article names
            framed = None if token in gaz.acronyms else _framed(token, end, text, gaz, counts, lowered, mentioned)
            if framed is not None:
                findings.append(_claim(_framed_finding(doc, token, start, end, framed)))
                cover(start, end)
            elif token not in gaz.acronyms and not shouting_at(start, end):
                target = _place_framed(token, start, end, text, counts, lex, places)
                if target:
                    place_slips[token] = target
            continue
        before = text[max(0, start - 12):start].rstrip()
        if text[end:end + 2][:1] == "-" and text[end + 1:end + 2].isdigit() or (before and before[-1].isdigit()):
            if len(token) < 3 or not any(counts[a] >= 3 for a in near(token)):
                continue  # model numbers (RS-25) and units after a number (151 PS, 600 MW), unless
                # a unit one slip away is used three times or more (1 TRL beside 1 TFL, 2 TFL, 1 TFL)
        if shouting_at(start, end):
            continue  # an all-caps line: shouting, not acronyms
        if len(token) >= 3 and token not in gaz.acronyms and lex.zipf(token) >= emphasis_min_zipf:
            continue  # a common word set in capitals for emphasis ("WHY would he", "GOD help us"), not a slip
        if _plural_in_capitals(token, counts, gaz, ubiquitous) and (
                counts.get(token[:-1]) or not any(a in defined for a in near(token))):
            continue  # "URLS and APIs": a plural written in capitals; not one slip from an acronym the
            # article defines when it never writes the singular ("CIAS" beside a defined "CISA")
        if _in_compound_abbreviation(text, start, end):
            continue  # "TL;DR", "CD-ROMs": one abbreviation of two
        targets = targets_of.get(token)
        if targets is None:  # (the same for each mention of the token: made once)
            targets = targets_of[token] = [
                a for a in near(token)
                if (counts[a] >= 2 or a in defined or (
                    token not in gaz.acronyms and len(a) >= 3
                    and (a in gaz.acronyms or a in ubiquitous) and (len(token) >= 3 or len(a) == 3))
                    or (token not in gaz.acronyms and _slip_of(token, a))
                    or (token in gaz.acronyms and a in gaz.acronyms and _slip_of(token, a)
                        and _topic_prefers(gaz.acronyms[a], gaz.acronyms[token], lowered, topic_stop)))
            ]
        if not targets:
            if token not in gaz.acronyms and len(token) >= 2:
                framed = _framed(token, end, text, gaz, counts, lowered, mentioned)
                if framed is not None:
                    findings.append(_claim(_framed_finding(doc, token, start, end, framed)))
                    cover(start, end)
                    continue
                target = _place_framed(token, start, end, text, counts, lex, places)
                if target:
                    findings.append(_claim(_place_finding(doc, token, start, end, target)))
                    cover(start, end)
                    continue
                orphans.append((token, start, end))
            continue
        if not listed.get(start, frozenset()).isdisjoint(targets):
            continue  # listed beside the acronym it would be a slip of: two things ("CIO, CTO, CISO")
        if _own_acronym(token, lex, real_min_zipf) and not any(
                len(token) < len(a) and lex.zipf(token) < lex.zipf(a) for a in targets) \
                and not _swapped_defined(token, targets, defined, counts):
            continue  # an acronym of its own (GSA beside SSA, CSS beside CMS), unless it is a dropped
            # letter of a commoner one (CN beside CNN) or the swapped letters of one this article defines
        targets = sorted(targets, key=lambda a: (-counts[a], a))
        target = targets[0]
        known = gaz.acronyms.get(token)
        if known is not None and spelled_out(known):
            continue  # a real acronym whose own name the article spells out
        confidence = 0.75 + (0.1 if counts[target] >= 3 else 0.0) - (0.25 if known is not None else 0.0)
        if len(targets) > 1 and counts[targets[1]] == counts[target]:
            confidence -= 0.2
        findings.append(_claim(doc.finding(
            "G001", f"'{token}' looks like a garbled '{target}' (used {_times(counts[target])} in this article)",
            start, end, suggestion=target, fix="unsafe", confidence=round(confidence, 2), source=f"{SOURCE}:acronym",
        )))
    for m in matches if place_slips else ():
        # a slip of a country's acronym in one frame is that slip in each mention (``the UD.`` ... ``UD
        # households`` ... ``UD data``)
        start, end = m.span()
        if m.group() in place_slips and not covered[start]:
            findings.append(_claim(_place_finding(doc, m.group(), start, end, place_slips[m.group()])))
            cover(start, end)
    shared = _shared_near_misses(doc, gaz, ubiquitous, counts, orphans)
    # (these take no span: a later pass may report the same token)
    findings.extend(map(Candidate, shared))
    findings.extend(map(Candidate, _lone_near_misses(doc, gaz, ubiquitous, counts, orphans, {f.start for f in shared},
                                                     topic_stop, toks.where)))
    taken = {c.finding.start for c in findings} | covered_starts
    skip = defined | batch_known | ubiquitous
    spelled = _spelled_name_slips(doc, matches, counts, gaz, taken, skip | set(misdefined), lex, real_min_zipf,
                                  lambda start, end: shouting_at(start, end) or bool(listed.get(start)))
    findings.extend(map(Candidate, spelled))
    taken.update(f.start for f in spelled)
    findings.extend(map(Candidate, _doubled_letters(doc, matches, counts, gaz, ubiquitous, taken, skip, lex)))
    return findings


_LIST_GAP = re.compile(r",? (?:and|or|&) |, ?| ?/ ?")  # what stands between the items of a list


def _listed_with(text: str, matches: list) -> dict:
    """For each acronym mention in a list of acronyms (``NARA, DOT, NASA``, ``XLS and XLSX``, ``CIO, CTO,
    CISO``), by its start: the acronyms of that list (one set per list, shared by its mentions). A writer
    lists different things; a slip of an item never stands in the list beside it. One pass over the
    mentions, in text order.

    >>> import re
    >>> text = "people at NARA, DOT, NASA and HHS. The NASI team"
    >>> listed = _listed_with(text, list(re.finditer(r"[A-Z]{3,4}", text)))
    >>> sorted(listed[10]), 39 in listed
    (['DOT', 'HHS', 'NARA', 'NASA'], False)
    """
    return _listed_in(_list_runs(text, matches), matches)


def _listed_in(runs: list, mentions: list) -> dict:
    """:func:`_listed_with` from the lists :func:`_list_runs` found, ``mentions`` as they stand now."""
    listed: dict = {}
    for run in runs:
        items = frozenset(mentions[k].group() for k in run)
        for k in run:
            listed[mentions[k].start()] = items
    return listed


def _list_runs(text: str, matches: list) -> list:
    """The lists of acronyms among ``matches``: for each, the positions in ``matches`` of its items."""
    runs: list = []
    run: list = []
    last_end = -1
    for k, m in enumerate(matches):
        if run and _LIST_GAP.fullmatch(text, last_end, m.start()) is None:
            if len(run) >= 2:
                runs.append(run)
            run = []
        run.append(k)
        last_end = m.end()
    if len(run) >= 2:
        runs.append(run)
    return runs


def _swapped_for_another(acr: str, run: str, name: str, initials: str, gaz):
    """(the acronym meant, the entry ``acr`` belongs to) when ``acr`` is defined for a gazetteer name
    (the capitalised ``run`` before it or its last words, though :func:`_defined_name` cut it to
    ``name``: ``Department of Health and Human Services (NHS)``) whose own acronym it is not, but another entry's one letter
    from it (two in place, same first letter): a spinner's or a translation's swap of one real acronym
    for another (``World Health Organization (WTO)``, ``European Central Bank (EIB)``). Else None: an
    acronym the name spells (a house style), a larger body's (``European Central Bank (EU)``), or one
    close to several of the entry's acronyms.

    >>> gaz = gazetteer(())
    >>> _swapped_for_another("WTO", "The World Health Organisation", "World Health Organisation", "WHO", gaz)[0]
    'WHO'
    >>> [_swapped_for_another(a, *["World Health Organization"] * 2, "WHO", gaz) for a in ("WHO", "UN", "WHOO")]
    [None, None, None]
    """
    other = gaz.acronyms.get(acr)
    if other is None or acr == initials or _spells(acr, name.split()):
        return None
    words = run.split()
    for k in range(len(words) - 1):  # the run, or its last words after words of the sentence
        slot = gaz.forms.get(norm(" ".join(words[k:])))
        if slot is not None:
            entry = slot[0]
            break
    else:
        return None
    if entry is other or not entry.acronyms or acr.lower() in map(str.lower, entry.acronyms):
        return None
    close = [a for a in entry.acronyms if _one_edit(acr, a) or (
        len(a) == len(acr) >= 3 and a[0] == acr[0] and sum(map(str.__ne__, a, acr)) == 2)]
    return (close[0], other) if len(close) == 1 else None


def _in_compound_abbreviation(text: str, start: int, end: int) -> bool:
    """Is the acronym at ``start:end`` half of a compound abbreviation, glued by ``;`` or ``-`` to
    another in capitals (``TL;DR``, ``CD-ROMs``, ``DVD-R``)? The two read as one; neither is a slip of
    an acronym the article uses.

    >>> text = "TL;DR: keep pushing. Files on CD-ROMs and the CD-based ISM-held town"
    >>> [_in_compound_abbreviation(text, text.find(a), text.find(a) + len(a)) for a in ("DR", "CD", "ISM")]
    [True, True, False]
    """
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    return (len(before) == 2 and before[1] in ";-" and before[0].isupper()) \
        or (len(after) == 2 and after[0] in ";-" and after[1].isupper())


def _plural_in_capitals(token: str, counts, gaz, ubiquitous) -> bool:
    """Is ``token`` the plural of an acronym, its ``s`` written in capitals too (``URLS``, ``PDFS``): the
    acronym without it is one the article uses or a well-known one, and does not end in ``S`` (``GPSS``
    is a doubled letter)?

    >>> _plural_in_capitals("URLS", {"URL": 1}, gazetteer(()), set()), _plural_in_capitals("GPSS", {"GPS": 2}, gazetteer(()), set())
    (True, False)
    """
    if len(token) < 3 or token[-1] != "S" or token[-2] == "S":
        return False
    single = token[:-1]
    return bool(counts.get(single)) or single in gaz.acronyms or single in ubiquitous


DOUBLED_MAX_ZIPF = 2.0  # a doubled-letter form web text writes this often is a real acronym (AARP)


def _doubled_letters(doc, matches, counts, gaz, ubiquitous, taken: set, skip: set, lex) -> list[Finding]:
    """G001: an acronym with a letter doubled that no text writes (wordfreq has never seen it) and that
    is a well-known acronym without the double (``UUK``, ``CEOO``, ``NNATO``): that acronym, in every
    mention, whether or not the article writes it right anywhere. A doubled letter is the one slip
    that reads one way only (which of the two was meant is plain)."""
    findings = []
    verdicts: dict = {}
    defined = None
    text = doc.text
    for m in matches:
        token = m.group()
        if m.start() in taken:
            continue
        verdict = verdicts.get(token)
        if verdict is None:
            # the cheap test first: the article is searched (once per token) only for doubled forms
            target = _undoubled(token, gaz, ubiquitous, skip, lex) or ""
            weak = not target
            if weak:
                target = _undoubled(token, gaz, ubiquitous, skip, lex, unseen=True)
            if target:
                if defined is None:
                    defined = _defined_after_names(text, matches)
                if token in defined or _spelled_in(text, token):
                    target = ""  # the article defines it ("the National Pork Producers Council, NPPC,")
                    # or spells it ("Asian Americans and Pacific Islanders" ... "AAPI communities")
            verdict = verdicts[token] = (target, weak)
        target, weak = verdict
        if not target or text[m.start() - 1:m.start()] == "<" or not _plain_context(text, m.start(), m.end()):
            continue  # (a ticker in angle brackets is a code of its own: <PACC>)
        if weak and _NAME_AFTER.match(doc.text, m.end()):
            continue  # a rare acronym of a name's own, doubled initials and all ("IIFL Securities")
        findings.append(doc.finding(
            "G001", f"'{token}' looks like '{target}' with a letter doubled (web text seldom writes '{token}')",
            m.start(), m.end(), suggestion=target, fix="unsafe", confidence=0.6, source=f"{SOURCE}:doubled-letter",
        ))
    return findings


_NAME_AFTER = re.compile(r" [A-Z][a-z]")  # a capitalised word next: the acronym may be part of a name


def _defined_after_names(text: str, matches) -> frozenset:
    """The acronyms the text sets off right after a capitalised word, as definitions are
    (``the National Pork Producers Council, NPPC,``, ``Cocoa Organization (ICCO)``); not one in
    parentheses after a plain word (``with chocolate (CSSS)``, ``our measure (UUX)``), which glosses
    rather than defines. One pass over the acronyms' mentions.

    >>> text = "the National Pork Producers Council, NPPC, with chocolate (CSSS), (ICCO), every CIO, CTOO, or Node, PHPP,"
    >>> sorted(_defined_after_names(text, list(re.finditer(r"[A-Z]{2,}", text))))
    ['NPPC']
    """
    out = set()
    for m in matches:
        start = m.start()
        if text[start - 2:start] in (" (", ", ") and text[m.end():m.end() + 1] in (")", ","):
            before = text[max(0, start - 40):start - 2].split()
            if before and before[-1][:1].isupper() and not before[-1].isupper() \
                    and any(w[:1] == m.group()[0] for w in before):
                # (after a capitalised word, one of the words before starting as it does: not after
                # another acronym or a name it does not spell, "CIO, CTOO, and", "Node, PHPP," is a list)
                out.add(m.group())
    return frozenset(out)


_NAME_WORD = re.compile(r"[\w'’&-]+")
_NAME_WORD_SPLIT = re.compile("(" + _NAME_WORD.pattern + ")")
SPELLED_MAX_WORDS = 8  # the longest name an acronym is looked for in
_RUN_JOINS = (" ", ", ")  # what may stand between the words of a run


def _spelled_in(text: str, token: str) -> bool:
    """Does ``text`` write a name that ``token`` spells (:func:`_spells`): a run of capitalised words
    and joining words (:func:`_name_runs`, found once per text) with the token's first letter among its
    initials?

    >>> _spelled_in("tools for Asian Americans and Pacific Islanders, and AAPI groups", "AAPI")
    True
    >>> _spelled_in("the UUK said", "UUK"), _spelled_in("At GGSA's 18F, one thing", "GGSA")
    (False, False)
    """
    runs = _name_runs(text)
    return any(_spells_run(token, words) if sum(map(len, words)) <= CACHED_RUN_CHARS else _spells(token, list(words))
               for key in ((token[:1], token[-1:]), (token[:1], "")) for words in runs.get(key, ()))


#: the longest name run (in characters) whose spellings are kept: the caches hold at most their count of
#: entries, each this small, whatever words a hostile text makes
CACHED_RUN_CHARS = 160


@lru_cache(maxsize=1 << 16)
def _spells_run(token: str, run: tuple) -> bool:
    """:func:`_spells` of a name run, kept: a fix round asks again about the same acronyms and the same
    runs of an article that changed in a few words (half of :func:`_spelled_in`'s cost otherwise)."""
    return _spells(token, list(run))


@lru_cache(maxsize=2)
def _name_runs(text: str) -> "_NameRuns":
    """Each distinct run of two or more capitalised and joining words that ends in a capitalised word,
    cut at ``SPELLED_MAX_WORDS`` words, filed under (each of its words' initials, each letter an acronym
    spelling it may end with: :func:`_last_letters`; ``""`` when any may): one pass per text, so the
    acronyms of a long text are each tested against the few runs that may spell them, not each read the
    whole text again (that made a long text quadratic), nor each every run of it.

    >>> runs = _name_runs("the Pork Producers Council, NPPC")
    >>> runs.get(("P", "C")), runs.get(("P", "P")), runs.get(("C", "S"))
    ([('Pork', 'Producers', 'Council')], [('Pork', 'Producers')], ())
    """
    joining = _words("acronyms", "definition_joining")
    # only the chains that may hold a run (:func:`_name_chains`) are read word by word, a line break
    # between them ending any run as the text's own gaps do: a tenth of a news text's words
    pieces = _NAME_WORD_SPLIT.split("\n".join(_name_chains().findall(text)))  # gap, word, ..., gap
    words, gaps = pieces[1::2], pieces[0:-1:2]
    # a word that is neither capitalised nor a joining word ends any run: only the others are visited;
    # an acronym is no capitalised word, nor is its possessive (``GGSA's`` spells no name: itself)
    capital = list(map(and_, map(str.isupper, map(itemgetter(0), words)),
                       map(not_, map(str.isupper, map(_unpossessed, words)))))
    runs: dict = {}
    run: list = []
    last = -2
    for i in compress(count(), map(or_, capital, map(joining.__contains__, words))):
        if i != last + 1:
            run = []  # a word in between ended the run
        last = i
        w, cap = words[i], capital[i]
        if (cap or run) and (not run or gaps[i] in _RUN_JOINS) and len(run) < SPELLED_MAX_WORDS:
            run.append(w)
            if cap and len(run) >= 2:
                runs[tuple(run)] = None
        else:
            run = [w] if cap else []
    return _NameRuns(runs)


class _NameRuns:
    """:func:`_name_runs`' runs, filed by (initial, end letter) when an acronym first asks about an
    initial: the runs are grouped by initial once, and :func:`_last_letters` is asked only of the runs
    of the initials asked about, not of every run of the text (most texts ask about a few, or none)."""

    __slots__ = ("runs", "_by_initial", "_ends", "_filed", "_cut", "_inside")

    def __init__(self, runs: dict) -> None:
        self.runs = runs  # every run, in text order (a dict's keys)
        self._by_initial: Optional[dict] = None
        self._ends: dict = {}
        self._filed: dict = {}
        self._cut: Optional[frozenset] = None
        self._inside: dict = {}  # initial -> {end letter or "": the runs}, as get() files them

    def inside(self, initial: str, end: str) -> list:
        """The runs with a word of initial ``initial`` that an acronym ending in ``end`` (lower case) may
        spell with letters from inside their words (:func:`_inside_ends`): each
        acronym with a slip reads the few runs of its two letters, not every run of its initial (an
        article of thousands of names and slipped acronyms made that quadratic: 24,000 words, 8 s).

        >>> runs = _name_runs("the Bank of Montreal said; the Bank of England said")
        >>> runs.inside("B", "o"), runs.inside("B", "x")
        ([('Bank', 'of', 'Montreal')], [])
        """
        filed = self._inside.get(initial)
        if filed is None:
            filed = self._inside[initial] = {}
            for run in self.starting_with(initial):
                ends = _inside_ends(run)
                for letter in ("",) if ends is None else ends:
                    filed.setdefault(letter, []).append(run)
        return filed.get(end, []) + filed.get("", []) if "" in filed else filed.get(end, [])

    def cut(self) -> frozenset:
        """Every leading part of two words or more of a run that the run goes on from (``World Health``
        of ``World Health Organization``): no whole name. Made once per text, on the first question
        (made at each, it cost every acronym asking a pass over all the runs: quadratic on a long text).

        >>> sorted(_name_runs("the World Health Organization said; the Pork Producers Council").cut())
        [('Pork', 'Producers'), ('World', 'Health')]
        """
        if self._cut is None:
            self._cut = frozenset(words[:k] for words in self.runs for k in range(2, len(words)))
        return self._cut

    def starting_with(self, initial: str) -> list:
        """The runs that hold a word of initial ``initial``, in text order."""
        if self._by_initial is None:
            by_initial: dict = {}
            for key in self.runs:
                for letter in set(map(str.upper, map(itemgetter(0), key))):
                    by_initial.setdefault(letter, []).append(key)
            self._by_initial = by_initial
        return self._by_initial.get(initial, [])

    def get(self, key: tuple, default=()):
        """The runs with a word of initial ``key[0]`` that an acronym ending in ``key[1]`` may spell
        (``""``: any), in text order; ``default`` when there are none. The runs of an initial are
        filed by end letter on its first question, each run's letters found once."""
        initial, end = key
        filed = self._filed.get(initial)
        if filed is None:
            filed = self._filed[initial] = {}
            ends = self._ends
            for run in self.starting_with(initial):
                of_run = ends.get(run)
                if of_run is None:
                    of_run = ends[run] = _last_letters(run)
                for letter in of_run:
                    filed.setdefault(letter, []).append(run)
        return filed.get(end) or default


@lru_cache(maxsize=1)
def _name_chains() -> re.Pattern:
    """A capitalised word and one or more after it, joined by the gaps of a run (``_RUN_JOINS``), each
    one that may start a name (not a lower-case, digit or ``_`` start) or a joining word: every run of
    :func:`_name_runs` lies in one (a run starts at a capitalised word), found in one scan in C (a
    loop over the text's every word took most of the pass). The first letter is found by a character
    range the engine skips to (any capital, or any non-ASCII character that is a letter), then tested.
    That range is written as a negated class (every character but ASCII's others): spelled as
    ``[A-Z\\x80-\\U0010ffff]`` it made ``re`` build a table over a million code points, 5-12 ms of
    every start, for the same characters.

    >>> _name_chains().findall("and the Pork Producers Council, NPPC, said on Monday in Québec, Île de France")
    ['Pork Producers Council, NPPC', 'Monday in Québec, Île de France']
    """
    joining = "|".join(map(re.escape, sorted(_words("acronyms", "definition_joining"), key=len, reverse=True)))
    word = r"(?:[^\W\da-z_][\w'’&-]*+|(?:" + joining + r")(?![\w'’&-]))"
    first = r"[^\x00-@\[-\x7f](?<=[^\W\d])(?<![\w'’&-].)[\w'’&-]*+"  # (A-Z and every non-ASCII character)
    return re.compile(first + r"(?:(?: |, )" + word + r")+")


def _without_possessives(words) -> list:
    """The name's words without a possessive ``'s``; a possessive split from its word gives no word.

    >>> _without_possessives(["Pacific", "Islanders’s", "’s"])
    ['Pacific', 'Islanders']
    """
    return [w for w in map(_unpossessed, words) if w]


def _last_letters(words: tuple) -> frozenset:
    """The letters an acronym that :func:`_spells` the name ``words`` can end with: a capital of the
    name's last word (past a company designator), or ``S`` after a plural; ``{""}`` (any) when that
    word is a joining word, which may give nothing.

    >>> sorted(_last_letters(("Pacific", "Islanders"))), sorted(_last_letters(("DigitalGov", "Inc")))
    (['I', 'S'], ['D', 'G'])
    """
    joining, trailing = _words("acronyms", "definition_joining"), _words("acronyms", "definition_trailing")
    words = _without_possessives(words)
    if not words:
        return frozenset()
    last = len(words) - 1
    while last > 0 and words[last].lower().rstrip(".,") in trailing:
        last -= 1
    w = words[last]
    if w.lower() in joining:
        return frozenset({""})
    letters = {w[0].upper(), *filter(str.isupper, w[1:])}
    if w.endswith("s"):
        letters.add("S")
    if _x_word(w):
        letters.add("X")
    return frozenset(letters)


def _x_word(word: str) -> bool:
    """Does ``word`` start with ``ex`` (or is it ``cross``), which English acronyms write as ``X``
    (``User Experience`` → ``UX``, ``Extensible Markup Language`` → ``XML``, ``Cross-Site Scripting`` →
    ``XSS``)?

    >>> _x_word("Experience"), _x_word("extensible"), _x_word("Cross"), _x_word("Express"), _x_word("Eastern")
    (True, True, True, True, False)
    """
    low = word.lower()
    return low.startswith("ex") or low == "cross"


def _undoubled(token: str, gaz, ubiquitous, skip: set, lex, unseen: bool = False) -> str:
    """The well-known acronym ``token`` is with one doubled letter written once, or ``""``: one of the
    lists, or one the dictionary writes in capitals or web text writes often (``UFFO``, ``JSONN``).
    With ``unseen``, for a form web text (nearly) never writes (under the word table's floor), a less
    common acronym of three letters or more will do, or a two-letter one web text writes often
    (``JSSON``, ``UUX``).

    >>> from cleaner.gazetteer import gazetteer
    >>> from cleaner.lexicon import lexicon
    >>> [_undoubled(t, gazetteer(()), {"UK", "CEO"}, set(), lexicon()) for t in ("UUK", "CEOO", "UK", "AAA", "UFFO", "JSSON")]
    ['UK', 'CEO', '', '', 'UFO', '']
    >>> [_undoubled(t, gazetteer(()), set(), set(), lexicon(), unseen=True) for t in ("JSSON", "UUX", "ITT")]
    ['JSON', 'UX', '']
    """
    if len(token) < 3 or token in skip or token in gaz.acronyms or lex.zipf(token) >= DOUBLED_MAX_ZIPF \
            or token.lower() in lex.lower or (unseen and lex.zipf(token)):
        return ""
    base_min = UNSEEN_BASE_MIN_ZIPF if unseen else DOUBLED_BASE_MIN_ZIPF
    for i in range(1, len(token)):
        if token[i] == token[i - 1]:
            base = token[:i] + token[i:][1:]
            if len(base) >= 2 and (base in ubiquitous or base in gaz.acronyms or (
                    len(base) >= 3 and _own_acronym(base, lex, base_min))
                    or (unseen and len(base) == 2 and _own_acronym(base, lex, DOUBLED_BASE_MIN_ZIPF))):
                return base
    return ""


DOUBLED_BASE_MIN_ZIPF = 3.0  # an acronym web text writes this often is well known though no list has it (UFO)
UNSEEN_BASE_MIN_ZIPF = 2.3  # ... or this often, when web text never writes the doubled form (JSSON)


def _swapped_defined(token: str, targets: list, defined, counts) -> bool:
    """Is ``token``, written once, two neighbouring letters of an acronym this article defines swapped
    (``The National Crime Agency (NCA) ... the NAC declined``)? Then web text writing the swapped
    letters too (another body's acronym) says nothing: the article named its body and slipped.

    >>> _swapped_defined("NAC", ["NCA"], {"NCA"}, {"NAC": 1, "NCA": 1})
    True
    >>> _swapped_defined("NAC", ["NCA"], set(), {"NAC": 1, "NCA": 3}), _swapped_defined("NAC", ["NCA"], {"NCA"}, {"NAC": 2})
    (False, False)
    """
    return counts[token] == 1 and any(a in defined and _transposed(token, a) for a in targets)


def _transposed(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` the same but for two neighbouring letters swapped?

    >>> _transposed("NAC", "NCA"), _transposed("NAC", "CAN"), _transposed("FBI", "FBI")
    (True, False, False)
    """
    if len(a) != len(b):
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _own_acronym(token: str, lex, min_zipf: float) -> bool:
    """Is ``token`` a real acronym of its own: one the dictionary writes in capitals (``GSA``,
    ``XML``), or one web text writes often (``min_zipf`` or more) that is no word or name? A word's or
    a name's frequency says nothing about the acronym (``AT``, ``BAR``, ``LEN``).

    >>> from cleaner.lexicon import lexicon
    >>> [_own_acronym(t, lexicon(), 2.8) for t in ("GSA", "ITV", "BAR", "LEN", "NASI")]
    [True, True, False, False, False]
    """
    low = token.lower()
    if low in lex.lower:
        return False
    known = lex.capitalised.get(low)
    if known is not None:
        return known == token
    return lex.zipf(token) >= min_zipf


def _lone_near_misses(doc, gaz, ubiquitous, counts, orphans, taken: set, topic_stop: frozenset,
                      where: Callable[[str], tuple]) -> list[Finding]:
    """A one-off acronym too rare for the word-frequency table (no web text writes ``NAFA`` or ``GVU``), one
    edit from exactly one well-known acronym of three letters or more the article does not use: that one
    (``GVU`` in a graphics-card review: ``GPU``), with a low confidence; or else, among those and the
    acronyms the dictionary writes in capitals that web text writes often (:func:`_web_deletion_index`),
    the only one it is a cheap typing slip of (:func:`_cheap_slip`: ``FKC`` for ``KFC``), unless it
    stands in brackets or before a number (a gloss, a ticker before its price: a rare name's own). A gazetteer body's acronym needs
    the article to be on its topic (a word of its name): with no evidence in the article at all, ``OIDC``
    beside ``SAML`` is another thing than the Organisation of Islamic Cooperation."""
    if not orphans:
        return []
    lex = lexicon()
    index = _derived(gaz, ("near-miss", frozenset(ubiquitous)), lambda g: _deletion_index(g, ubiquitous))
    min_zipf = _pack()["acronyms"]["lone_web_min_zipf"]
    web = snapshot.memo("web-acronym-deletions", min_zipf, lambda: _web_deletion_index(min_zipf))
    text = doc.text
    findings = []
    for token, start, end in orphans:
        if start in taken or counts[token] > 1 or len(token) < 3 or lex.zipf(token):
            continue
        variants = _deletions(token)
        near = {a for variant in variants for a in index.get(variant, ())
                if not counts.get(a) and _one_edit(token, a)}
        if len(near) != 1:
            if text[start - 1:start] == "(" and text[end:end + 1] == ")" \
                    or text[end:end + 1] == " " and text[end + 1:end + 2].isdigit():
                continue  # a gloss in brackets or a ticker before its price: a rare name of its own
            near |= {a for variant in variants for a in web.get(variant, ()) if not counts.get(a) and _one_edit(token, a)}
            near = {a for a in near if _cheap_slip(token, a)}
            if len(near) != 1:
                continue
        (target,) = near
        entry = gaz.acronyms.get(target)
        if entry is not None and not _on_topic(entry, where, topic_stop):
            continue
        findings.append(doc.finding(
            "G001", f"'{token}' looks like a garbled '{target}' (no text writes '{token}')", start, end,
            suggestion=target, fix="unsafe", confidence=0.4, source=f"{SOURCE}:acronym-lone",
        ))
    return findings


SPELLED_SLIP_MAX_MENTIONS = 4  # an acronym written more often than this is the article's own, spelled or not


def _spelled_name_slips(doc, matches, counts, gaz, taken: set, skip: set, lex, min_zipf: float,
                        aside: Callable[[int, int], bool]) -> list[Finding]:
    """An acronym no name of the article spells, two of its letters swapped or one doubled, where the
    acronym without that slip spells a name the article writes out (``the WOH said`` beside ``World Health
    Organisation``, ``HSH`` beside ``Health and Human Services``), in each mention: a typist's slip of the
    name's initials, which no house style makes. Not a gazetteer, everyday or dictionary acronym, one
    web text writes often (an acronym of its own), one written more than a few times, nor one the
    article defines; only when exactly one undone slip spells a name. Not a mention ``aside`` says is
    no prose acronym (an all-caps line, an item of a list of acronyms: ``CSV, XML, and JSON``), nor a
    ticker in angle brackets (``<CJN>``).

    >>> from cleaner.document import Document
    >>> from cleaner.tokens import Tokens
    >>> from cleaner.gazetteer import gazetteer
    >>> from cleaner.lexicon import lexicon
    >>> def slips(text):
    ...     matches = Tokens(text).acronyms
    ...     found = _spelled_name_slips(Document(text), matches, Counter(m.group() for m in matches), gazetteer(()),
    ...                                 set(), set(), lexicon(), 2.8, lambda s, e: False)
    ...     return [(text[f.start:f.end], f.suggestion) for f in found]
    >>> slips("The World Health Organisation said on Monday that cases rose. Later the WOH said so.")
    [('WOH', 'WHO')]
    >>> slips("The World Health Organisation said on Monday that cases rose. The WOH Cup went on.")
    [('WOH', 'WHO')]
    >>> slips("The Oakland Harbor Warehouse said on Monday that OHW and SAP agreed.")
    []
    >>> slips("The International Cocoa Organization, ICCO, met. ICCO members agreed.")
    []
    """
    findings = []
    verdicts: dict = {}  # token -> the acronym it slips from, or None: judged once per token
    text = doc.text
    defined = None
    for m in matches:
        token = m.group()
        start, end = m.span()
        if start in taken:
            continue
        right = verdicts.get(token, "")
        if right == "":
            right = verdicts[token] = _spelled_slip_of(token, text, counts, gaz, skip, lex, min_zipf)
            if right is not None:
                defined = _defined_after_names(text, matches) if defined is None else defined
                if token in defined:
                    right = verdicts[token] = None  # set off after a name as a definition: the name's own
                    # acronym, two letters of a word and all ("International Cocoa Organization, ICCO,")
        if right is None or text[start - 1:start] == "<" or aside(start, end):
            continue
        findings.append(doc.finding(
            "G001", f"'{token}' is no name's initials here; '{right}' spells a name this article writes out",
            start, end, suggestion=right, fix="unsafe", confidence=0.6, source=f"{SOURCE}:spelled-name-slip",
        ))
    return findings


def _spelled_slip_of(token: str, text: str, counts, gaz, skip: set, lex, min_zipf: float) -> str | None:
    """The acronym ``token`` is a swap or a doubled letter of that spells a name of ``text``, when it is
    the only one and ``token`` spells none (:func:`_spelled_name_slips`)."""
    if len(token) < 3 or not token.isalpha() or token in skip or token in gaz.acronyms \
            or counts[token] > SPELLED_SLIP_MAX_MENTIONS or token.lower() in lex.lower \
            or lex.capitalised.get(token.lower()) is not None or lex.zipf(token) >= min_zipf \
            or _spelled_in(text, token):
        return None
    rights = [r for r in _typing_slips(token, undo=True, keys=False) if len(r) >= 3 and r != token and _spelled_in(text, r)]
    if len(rights) != 1 or _spelled_inside_in(text, token, gaz, rights[0]):
        return None  # ... or the token spells a name with a letter from inside a word ("Bank of Montreal",
        # BMO), which the gazetteer gives no other acronym: that name's own
    return rights[0]


def _spelled_inside_in(text: str, token: str, gaz, right: str) -> bool:
    """Does ``text`` write a name ``token`` spells with letters from inside its words (:func:`_spells_inside`),
    one the gazetteer does not give the acronym ``right``?

    >>> from cleaner.gazetteer import gazetteer
    >>> _spelled_inside_in("the Bank of Montreal said", "BMO", gazetteer(()), "BOM")
    True
    >>> _spelled_inside_in("the World Health Organization said", "WHHO", gazetteer(()), "WHO")
    False
    >>> _spelled_inside_in("the World Health Organisation said", "WOH", gazetteer(()), "WHO")
    False
    """
    runs = _name_runs(text).inside(token[:1], token[-1:].lower())
    if not runs:
        return False
    # whole names only: a run the text goes on from is part of one ("World Health" of the above)
    cut = _name_runs(text).cut()
    return any(words not in cut and _spells_inside(token, list(words)) and not _listed_for(gaz, right, " ".join(words))
               for words in runs)


def _inside_ends(run: tuple) -> Optional[frozenset]:
    """The letters (lower case) an acronym that :func:`_spells_inside` the name ``run`` can end with:
    its last word (as that function reads it: possessives and trailing designators left out) gives the
    acronym's last letters, its initial and at most two more from its first three; None (any letter)
    when that word is a joining word, which may give nothing.

    >>> sorted(_inside_ends(("International", "Cocoa", "Organization"))), sorted(_inside_ends(("Bank", "of", "Montreal", "Ltd")))
    (['g', 'o', 'r'], ['m', 'n', 'o'])
    >>> _inside_ends(("Smith", "and", "Co")) is None, _inside_ends(("’s",))
    (True, frozenset())
    """
    trailing = _words("acronyms", "definition_trailing")
    words = _without_possessives(run)
    last = len(words) - 1
    while last > 0 and words[last].lower().rstrip(".,") in trailing:
        last -= 1
    if last < 0:
        return frozenset()
    w = words[last].lower()
    return None if w in _words("acronyms", "definition_joining") else frozenset(w[:INSIDE_REACH])


@lru_cache(maxsize=1)
def _frames() -> dict:
    """Per gazetteer kind, the hyphenated suffixes and following words that frame its acronyms
    (``rules/names_config.toml``, ``[acronym_frames]``), lower-cased into sets once."""
    return {kind: (frozenset(w.lower() for w in spec.get("suffixes", ())), frozenset(w.lower() for w in spec["words"]))
            for kind, spec in _pack().get("acronym_frames", {}).items()}


@lru_cache(maxsize=1)
def _any_frame() -> tuple:
    """The suffixes and the words of :func:`_frames` of every kind: what a token needs after it to be
    framed at all (tested before any look-up of the acronyms it may be a slip of)."""
    frames = _frames().values()
    return frozenset().union(*(s for s, _ in frames)), frozenset().union(*(w for _, w in frames))


_FRAME_WORD = re.compile(r"[\w-]+")
_BETWEEN_COMMAS = re.compile(r", (?=([^,]*),)")
_IN_PARENTHESES = re.compile(r"\(([^()]*)\)")


@lru_cache(maxsize=2)
def _set_off(text: str) -> frozenset:
    """Every X the text writes as ``, X,`` or ``(X)``: one pass over the text, so a token is looked up
    in it instead of searching the whole text for each token (each scan stops at the next comma or
    parenthesis, so the pass is linear). Cached for the last text: every framed acronym of an article
    asks it (one pass each made a long one-line text quadratic).

    >>> sorted(_set_off("the Social Democratic Party, PSD, and (PNL) or (x (y) z)"))
    ['PNL', 'PSD', 'y']
    """
    return frozenset(m.group(1) for m in _BETWEEN_COMMAS.finditer(text)) | frozenset(
        m.group(1) for m in _IN_PARENTHESES.finditer(text))


def _frame_words(text: str, end: int) -> tuple:
    """The hyphenated suffix right after an acronym ending at ``end`` (``held`` in ``ISM-held``) and the
    word after it past one space (``militants`` in ``ISM militants``), lower-cased; ``""`` when there is none.

    >>> _frame_words("the ISM-held town", 7), _frame_words("PKL militants said", 3)
    (('held', ''), ('', 'militants'))
    """
    nxt = text[end:end + 1]
    if nxt == "-":
        m = _FRAME_WORD.match(text, end + 1, end + 40)
        return ((m.group().split("-")[0].lower() if m else ""), "")
    if nxt == " ":
        m = _FRAME_WORD.match(text, end + 1, end + 40)
        return ("", m.group().lower() if m else "")
    return ("", "")


def _framed(token: str, end: int, text: str, gaz, counts: Counter, lowered: str, mentioned=None):
    """The gazetteer entity an unknown acronym is a slip of, judged by its frame: one edit from an
    acronym the article does not use, of exactly one entity the article names otherwise (by a form or
    another acronym), in a frame that fits that entity's kind
    (``ISM-held`` in an article about the Islamic State; ``PKL militants`` beside the PKK). Returns
    (entry, the acronym to suggest) or None. ``mentioned(entry)``: ``gaz.entry_mentioned`` on this
    text, which the caller may keep per entry (each answer is a scan of the text)."""
    if mentioned is None:
        def mentioned(entry):
            return gaz.entry_mentioned(entry, text, lowered)
    suffix, word = _frame_words(text, end)
    any_suffix, any_word = _any_frame()
    if not (suffix in any_suffix or word in any_word) or token in _set_off(text):
        return None  # no frame of any kind, or the article defines the token ("Social Democratic Party, PSD,")
    frames = _frames()
    index = _derived(gaz, "all-acronym-deletions", _all_deletion_index)
    near = set()
    for variant in _deletions(token):
        near.update(index.get(variant, ()))
    hits = {}
    for a in near:
        entry = gaz.acronyms[a]
        if a == token or counts.get(a) or not _one_edit(token, a) or entry.kind not in frames or id(entry) in hits:
            continue  # (an acronym the article uses itself is the other checks' evidence: INA beside IRNA)
        suffixes, words = frames[entry.kind]
        if (suffix and suffix in suffixes) or (word and word in words):
            if mentioned(entry):
                # the entity's acronym the article uses most, else the one this token is a slip of
                used = sorted((a2 for a2 in entry.acronyms if counts.get(a2)), key=lambda a2: -counts[a2])
                hits[id(entry)] = (entry, used[0] if used else a)
    return next(iter(hits.values())) if len(hits) == 1 else None


@lru_cache(maxsize=1)
def _place_frames() -> tuple:
    """``[place_acronym_frames]`` of ``rules/names_config.toml``: {typing slip: the acronyms it is a slip
    of, in the list's order} (``UE``: ``US`` and ``EU``), and the words after ``the X``, the following words and the hyphenated
    suffixes that frame a country's acronym."""
    spec = _pack()["place_acronym_frames"]
    slips: dict = {}
    for acronym in spec["acronyms"]:
        for slip in _typing_slips(acronym):
            slips[slip] = slips.get(slip, ()) + (acronym,)
    return (slips, frozenset(spec["after_the"]), frozenset(spec["words"]), frozenset(spec["suffixes"]))


def _typing_slips(acronym: str, undo: bool = False, keys: bool = True) -> set:
    """The slips a typist makes in ``acronym``: a key beside one letter (unless not ``keys``), two
    letters swapped, one doubled; with ``undo``, what ``acronym`` was before such a slip (a doubled
    letter made single).

    >>> sorted(_typing_slips("UK"))
    ['HK', 'IK', 'JK', 'KU', 'UI', 'UJ', 'UKK', 'UL', 'UM', 'UO', 'UUK', 'YK']
    >>> sorted(f for f in _typing_slips("RFU", undo=True) if f.startswith("RF")), "GSA" in _typing_slips("GSAA", undo=True)
    (['RFH', 'RFI', 'RFJ', 'RFY'], True)
    >>> sorted(_typing_slips("UK", keys=False))
    ['KU', 'UKK', 'UUK']
    """
    out = set()
    for k, ch in enumerate(acronym):
        if keys:
            out.update(acronym[:k] + near.upper() + acronym[k + 1:] for near in neighbouring_keys(ch.lower()))
        if k + 1 < len(acronym):
            out.add(acronym[:k] + acronym[k + 1] + ch + acronym[k + 2:])
        if not undo:
            out.add(acronym[:k] + ch + acronym[k:])
        elif k and acronym[k - 1] == ch:
            out.add(acronym[:k] + acronym[k + 1:])
    out.discard(acronym)
    return out


_THE_BEFORE = re.compile(r"\bthe $")


def _place_framed(token: str, start: int, end: int, text: str, counts: Counter, lex, named: frozenset) -> str:
    """Is ``token``, no acronym of the gazetteer's, a typing slip of a country's or a union's acronym
    (``[place_acronym_frames]``) whose place the article names in words (``named``, from
    :func:`_places_named`) or that it writes right elsewhere (``US-based``: the same country, in a frame
    the acronym checks skip), in a frame of a country: after
    ``the`` where the phrase ends (``in the UD.``, ``the YS was``) or after a preposition of place and
    ``the`` before anything but a capitalised word (``in the YK alone``), or before a word or a
    hyphenated suffix of a country's (``UD cities``, ``UL-based``)? Not an English word (``UM``, ``IS``). Returns
    that acronym (of a slip of two, the one the article names: ``UE`` is ``EU`` beside ``France``), or
    ``""``.

    >>> from cleaner.lexicon import lexicon
    >>> t = "Big UD cities ... across the UD, and in the UJ region"
    >>> [_place_framed(w, t.index(w), t.index(w) + 2, t, Counter(), lexicon(), {"US"}) for w in ("UD", "UJ")]
    ['US', '']
    >>> _place_framed("UD", 4, 6, t, Counter(), lexicon(), frozenset())  # no word names the US
    ''
    >>> _place_framed("UD", 4, 6, t, Counter({"US": 1}), lexicon(), frozenset())  # but "US-based" does
    'US'
    >>> _place_framed("UE", 0, 2, "UE officials met", Counter(), lexicon(), {"EU"})
    'EU'
    """
    slips, after_the, words, suffixes = _place_frames()
    acronym = next((a for a in slips.get(token, ()) if a in named or counts.get(a)), None)
    if acronym is None or token.lower() in lex.lower:
        return ""
    suffix, word = _frame_words(text, end)
    if suffix:
        return acronym if suffix in suffixes else ""
    if word in words:
        return acronym
    if not _THE_BEFORE.search(text, max(0, start - 4), start):
        return ""
    after = text[end:end + 1]
    if after in ("", "\n", ",", ".", ";", ":", ")", "?", "!", "’", "\"", "”") or word in after_the:
        return acronym
    # after a preposition of place and ``the``, the token is where something is or comes from, whatever
    # follows but a capitalised word, which may make it part of a longer name (``in the YK alone``,
    # ``from the YS accordingly``; not ``in the UA Cup``); a web-frequent acronym of its own only before
    # a verb, an adverb or a dash, not before a noun it may describe
    if _place_preposition_before(text, start) and not text[end + 1:end + 2].isupper() and (
            not word or word.endswith("ly") or _after_it(word, lex)
            or not _own_acronym(token, lex, _pack()["acronyms"]["real_min_zipf"])):
        return acronym  # (an acronym of its own only where the phrase plainly ends: "in the USS goes
        # on air conditioning", not "in the UX design track")
    return ""


def _place_preposition_before(text: str, start: int) -> bool:
    """Does a preposition of place and ``the`` stand right before ``start`` (``in the ``, ``from the ``)?

    >>> _place_preposition_before("deaths in the YK alone", 14), _place_preposition_before("calling on the SU envoy", 15)
    (True, False)
    """
    m = _PLACE_PREPOSITION_THE.search(text, max(0, start - 16), start)
    return m is not None and m.end() == start


def _after_it(word: str, lex) -> bool:
    """Does English write ``word`` after ``he``, ``she`` or ``it`` (a verb of a singular subject, or
    ``alone``: ``goes``, ``was``), by the bigram counts? Then a place before it ends its phrase.

    >>> from cleaner.lexicon import lexicon
    >>> [_after_it(w, lexicon()) for w in ("goes", "alone", "design", "team")]
    [True, True, False, False]
    """
    return any(lex.bigram(subject, word) >= AFTER_IT_MIN_PAIRS for subject in ("he", "she", "it"))


AFTER_IT_MIN_PAIRS = 1_000_000  # a word after "he", "she" or "it" this often reads as their verb
_PLACE_PREPOSITION_THE = re.compile(r"\b(?:in|from|across|throughout|within|outside|inside|around|into) the $")


@lru_cache(maxsize=2)
def _places_named(lowered: str, runs: Optional[frozenset] = None) -> frozenset:
    """The acronyms of ``[place_acronym_frames]`` whose country or union the article names in words
    (``named_by``: ``American``, ``Britain``, ``European``). A two- or three-letter token in a country's
    frame is as often an acronym of its own (``JS-based``, ``HK-based``, ``the UEA``); a slip is taken for
    a country's acronym only in an article about that country.

    >>> sorted(_places_named("shares of american banks rose in europe."))
    ['EU', 'US', 'USA']
    >>> sorted(_places_named("the u.s. dollar"))
    ['US']
    >>> sorted(_places_named("a js-based framework"))
    []

    ``runs``, the distinct runs of word characters of ``lowered`` (:meth:`Tokens.word_runs`; with its
    joined tokens, which hold a joiner, so are no word of one run), when known, answer most acronyms
    without a search (each pattern, a long list of words, cost a tenth of a millisecond on an
    article): a word of one run is in the text, word-bounded, exactly when it is one of the runs; any
    other word starts with a run the text must have for a search to find it.

    >>> from cleaner.tokens import Tokens
    >>> all(_places_named(t.lower(), Tokens(t).word_runs(lowered=True)) == _places_named(t.lower())
    ...     for t in ("Shares of American banks rose in Europe.", "the U.S. dollar", "a JS-based framework",
    ...               "United Kingdom", "the United front", "u.s", "London-based"))
    True
    """
    if runs is None:
        return frozenset(a for a, named_by in _place_names().items() if named_by.search(lowered))
    return frozenset(acronym for acronym, (single, others) in _place_name_runs().items()
                     if not single.isdisjoint(runs)
                     or any(_bounded_in(lowered, w) for w, its_runs in others if its_runs <= runs))


@lru_cache(maxsize=1)
def _place_name_runs() -> dict:
    """{acronym: (its ``named_by`` words that are one run of word characters, (word, its runs) for
    each of the others)} (:func:`_places_named`): a word-bounded mention of a word of more runs has
    all its runs whole in the text (each ends at a character of the word that is no word character,
    or where the pattern's bounds say)."""
    out = {}
    for acronym, words in _pack()["place_acronym_frames"]["named_by"].items():
        single = frozenset(w for w in words if _WORD_RUN.fullmatch(w))
        out[acronym] = (single, tuple((w, frozenset(_WORD_RUN.findall(w))) for w in words if w not in single))
    return out


def _bounded_in(text: str, word: str) -> bool:
    """Does ``word`` stand in ``text`` with no word character right before or after it (what
    ``(?<!\\w)word(?!\\w)`` finds)? Its mentions found in C, the two characters beside each tested.

    >>> _bounded_in("the u.s. dollar", "u.s."), _bounded_in("the u.s.a. dollar", "u.s."), _bounded_in("anew york", "new york")
    (True, False, False)
    """
    at, end = text.find(word), len(text) - len(word)
    while at >= 0:
        before, after = text[at - 1:at], text[at + len(word):at + len(word) + 1]
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return True
        at = text.find(word, at + 1) if at < end else -1
    return False


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _place_names() -> dict:
    """``named_by`` of ``[place_acronym_frames]`` as one word-bounded pattern per acronym."""
    return {acronym: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
            for acronym, words in _pack()["place_acronym_frames"]["named_by"].items()}


def _place_finding(doc: Document, token: str, start: int, end: int, target: str) -> Finding:
    return doc.finding(
        "G001", f"'{token}' looks like a garbled '{target}' (a slip of its keys, where a country is named)", start,
        end, suggestion=target, fix="unsafe", confidence=0.6, source=f"{SOURCE}:place-frame",
    )


def _framed_finding(doc: Document, token: str, start: int, end: int, framed) -> Finding:
    entry, target = framed
    return doc.finding(
        "G001", f"'{token}' looks like a garbled '{target}' ({entry.name}, named in this article)", start, end,
        suggestion=target, fix="unsafe", confidence=0.7, source=f"{SOURCE}:frame",
    )


def _all_deletion_index(gaz) -> dict:
    """Every gazetteer acronym by each of its :func:`_deletions` (two letters too: ``ISM`` is one edit from ``IS``)."""
    index: dict = {}
    for a in gaz.acronyms:
        for variant in _deletions(a):
            index.setdefault(variant, []).append(a)
    return index


_ZIP = re.compile(r" \d{5}(?:-\d{4})?\b| [A-Z]\d[A-Z] ?\d[A-Z]\d\b")  # a US ZIP or a Canadian postcode


def _in_address(token: str, start: int, end: int, text: str, postal: frozenset) -> bool:
    """Is ``token`` a state or province code in an address or listing: after ``Place, `` or before a
    postcode?

    >>> codes = frozenset({"GA", "NC"})
    >>> _in_address("GA", 9, 11, "Atlanta, GA", codes), _in_address("NC", 8, 10, "Durham  NC 27701", codes)
    (True, True)
    >>> _in_address("GA", 4, 6, "the GA said", codes), _in_address("GA", 2, 4, ", GA", codes)
    (False, False)
    """
    if token not in postal:
        return False
    place = text[max(0, start - 40):start - 2].split() if text[start - 2:start] == ", " else ()
    if place and place[-1][:1].isupper():
        return True
    return _ZIP.match(text, end, end + 12) is not None


def _defined_in_lower_case(token: str, start: int, text: str, compounds: bool = True) -> bool:
    """Is ``token`` in parentheses or after a comma right after words, in any case, that it spells
    (``compact disk videos (CDV)``, ``the National Pork Producers Council, NPPC, will``)?

    >>> _defined_in_lower_case("CDV", 30, "sizes of compact disk videos (CDV)")
    True
    """
    if text[start - 2:start] not in (" (", ", "):
        return False
    words = text[max(0, start - 80):start - 2].split()[-(len(token) + 3):]
    return _spells(token, [w[:1].upper() + w[1:] if w.isalpha() else w for w in words], compounds)


_DEFINING_WORD = re.compile(r"[A-Za-z]+")


def _misdefined_in_lower_case(token: str, start: int, end: int, text: str):
    """(initials, words) when ``token`` stands in parentheses right after plain words whose initials
    it writes with two letters swapped or one doubled (``personally identifiable information (IPI)``,
    ``user-generated content (GUC)``), else None: the slips no house style makes
    (:func:`_slip_of_initials`).

    >>> _misdefined_in_lower_case("IPI", 42, 45, "keep personally identifiable information (IPI) safe")
    ('PII', 'personally identifiable information')
    >>> _misdefined_in_lower_case("PII", 42, 45, "keep personally identifiable information (PII) safe") is None
    True
    """
    if text[start - 2:start] != " (" or text[end:end + 1] != ")":
        return None
    words = _DEFINING_WORD.findall(text[max(0, start - 80):start - 2])
    if "".join(w[0] for w in words[-len(token):]).upper() == token:
        return None  # it spells the words before it (export enhancement program (EEP))
    for n in (len(token), len(token) - 1):
        if 2 <= n <= len(words):
            initials = "".join(w[0] for w in words[-n:]).upper()
            if _slip_of_initials(token, initials):
                head = text[:start - 2].rstrip()
                first = words[-n]
                return initials, head[head.rfind(first, max(0, len(head) - 80)):]
    return None


def _defined_name(name: str, acr: str) -> tuple:
    """(the name ``acr`` is defined for, ``acr``): the capitalised run before the parentheses may start
    with words of the sentence (``But the Bharatiya Janata Party (JBP)``, ``The National Aeronautics
    and Space Administration (NSAA)``), so the run is cut at the first capitalised word from which
    the acronym spells it; when none does and the whole run's initials are not one edit from it, at
    the first from which they are a slip of its initials (:func:`_slip_of_initials`), else after a
    first ``The``, ``A`` or ``An``.

    >>> _defined_name("But the Bharatiya Janata Party", "JBP")[0], _defined_name("The Onion Router", "TOR")[0]
    ('Bharatiya Janata Party', 'The Onion Router')
    >>> _defined_name("Former Federal Aviation Administration", "FAA")[0]
    'Federal Aviation Administration'
    >>> _defined_name("The Federal Aviation Authority", "FFAA")[0]
    'Federal Aviation Authority'
    >>> _defined_name("Officials of the National Security Council", "NC")[0]
    'National Security Council'
    """
    words = name.split(" ")
    starts = [k for k, w in enumerate(words) if w[:1].isupper()]
    tails = [words[k:] for k in starts]
    initials = ["".join(w[0] for w in tail if w[:1].isupper()) for tail in tails]
    if acr in initials:
        return " ".join(tails[initials.index(acr)]), acr
    if _spells(acr, words):
        return name, acr
    # the whole run, or the run after a small word and "the", not opened by a sentence's article, whose
    # initials are one edit from the acronym ("Officials of the National Security Council (NC)": the
    # council's name, not the officials')
    one = next((words[k:] for k, i in zip(starts, initials) if (k == 0 or words[k - 1] == "the")
                and words[k] not in ("The", "A", "An") and _one_edit(acr, i)), None)
    if one is not None:
        return " ".join(one), acr
    # a sentence's "The" is no initial unless the acronym spells it ("The Onion Router (TOR)", above)
    near = next((tail for tail, i in zip(tails, initials)
                 if tail[0] not in ("The", "A", "An") and _slip_of_initials(acr, i, keys=True)), None)
    if near is None and words[0] in ("The", "A", "An") and len(words) > 1:
        near = words[1:]
    return (" ".join(near) if near is not None else name), acr


def _slip_of_known_initials(acr: str, initials: str, gaz, ubiquitous, lex, min_zipf: float) -> bool:
    """Is ``acr``, defined for a name whose initials are a better-known acronym, a slip of it: one
    letter on a key beside the right one, or one left out (``Application Programming Interface (APO)``,
    ``National Institutes of Health (IH)``)? Then however often the article writes it, and though it is
    an acronym of its own, it is no house style: the name says which acronym was meant.

    >>> from cleaner.gazetteer import gazetteer
    >>> from cleaner.lexicon import lexicon
    >>> [_slip_of_known_initials(a, i, gazetteer(()), {"EU"}, lexicon(), 2.8)
    ...  for a, i in (("APO", "API"), ("EY", "EU"), ("UX", "UE"), ("PTSD", "PTSS"), ("DOC", "DC"), ("RU", "EU"))]
    [True, True, False, False, False, True]
    """
    if acr in ubiquitous or not (initials in gaz.acronyms or initials in ubiquitous
                                 or _own_acronym(initials, lex, min_zipf)) or lex.zipf(initials) <= lex.zipf(acr):
        return False
    if len(acr) == len(initials):
        return _slip_of_initials(acr, initials, keys=True) and _one_letter_other(acr, initials)
    return len(acr) + 1 == len(initials) and any(initials[:k] + initials[k + 1:] == acr for k in range(len(initials)))


def _spelt_slip(acr: str, words: list, gaz, ubiquitous, lex) -> str | None:
    """The acronym of three letters or more that spells the name ``words`` (:func:`_spells`, with its
    joining words and inner capitals) where ``acr``, defined for it, does not and is one typing slip from
    it (a key beside, two letters swapped, one doubled or left out): ``Request for Information (RFU)``
    -> ``RFI``, ``Technology Transformation Services (RTS)`` -> ``TTS``; of two letters only a key beside
    (``User Experience (UZ)`` -> ``UX``; two letters swapped may be
    the name's own order, ``University of Kansas (KU)``). Not for a gazetteer, everyday
    or dictionary acronym, nor one web text writes more often than the one that spells (``PTSD``); the
    first such acronym in a fixed order when there are several.

    >>> from cleaner.gazetteer import gazetteer
    >>> from cleaner.lexicon import lexicon
    >>> [_spelt_slip(a, n.split(), gazetteer(()), {"PTSD"}, lexicon()) for a, n in (
    ...     ("RFU", "Request for Information"), ("GSAA", "General Services Administration"),
    ...     ("PTSD", "Post Traumatic Stress Syndrome"), ("MSF", "Doctors Without Borders"))]
    ['RFI', 'GSA', None, None]
    >>> [_spelt_slip(a, n.split(), gazetteer(()), set(), lexicon()) for a, n in (
    ...     ("UZ", "User Experience"), ("DZ", "Design Exchange"), ("KU", "University of Kansas"))]
    ['UX', 'DX', None]
    """
    if acr in gaz.acronyms or acr in ubiquitous or lex.capitalised.get(acr.lower()) == acr or _spells(acr, words):
        return None
    for right in sorted(_typing_slips(acr, undo=True)):
        if (len(right) >= 3 or (len(acr) == 2 and _one_letter_other(acr, right))) and _spells(right, words, whole=True) \
                and (lex.zipf(acr) < SPELT_SLIP_MAX_ZIPF or lex.zipf(right) >= lex.zipf(acr)):
            return right
    return None


def _doubled_by_joining_word(acr: str, words: list, gaz, ubiquitous, lex) -> str | None:
    """``acr`` with a letter doubled, when the acronym without the double spells the whole name ``words``
    from its first word (:func:`_spells`, ``whole``) and ``acr`` spells it only by taking that letter
    again from a joining word: ``Office of Personnel Management (OOPM)`` -> ``OPM``. A name's every
    capitalised word gives its initial, so the letter more can only come from a joining word (``of``)
    or a last word's plural ``s`` (``Oversight Systems (OROSS)``), and a definition that takes one
    does not repeat the letter before it (``White House
    Office of Science and Technology Policy (OOSTP)`` -> ``OSTP``). Not for a
    gazetteer, everyday or dictionary acronym, nor one web text writes.

    >>> from cleaner.gazetteer import gazetteer
    >>> from cleaner.lexicon import lexicon
    >>> [_doubled_by_joining_word(a, n.split(), gazetteer(()), set(), lexicon()) for a, n in (
    ...     ("OOPM", "Office of Personnel Management"), ("AAU", "Association of American Universities"),
    ...     ("NOAA", "National Oceanic and Atmospheric Administration"), ("IIF", "Institute of International Finance"),
    ...     ("OOSTP", "White House Office of Science and Technology Policy"),
    ...     ("IGGI", "Inter-Governmental Group on Indonesia"))]
    ['OPM', None, None, None, 'OSTP', None]
    """
    if acr in gaz.acronyms or acr in ubiquitous or lex.capitalised.get(acr.lower()) is not None or lex.zipf(acr):
        return None
    joining = _words("acronyms", "definition_joining")
    plain = [w for w in words if w.lower() not in joining]
    if any(_spells(acr, plain[j:], whole=True) for j in range(len(plain)) if plain[j][:1].isupper()):
        return None  # the letter more is a capital inside a word, no joining word's ("Inter-Governmental
        # Group on Indonesia (IGGI)")
    for k in range(1, len(acr)):
        if acr[k] == acr[k - 1]:
            right = acr[:k] + acr[k + 1:]
            # both from the same first word of the name (the sentence's words before it are no part)
            if len(right) >= 3 and any(words[j][:1].isupper() and _spells(right, words[j:], whole=True)
                                       and _spells(acr, words[j:], whole=True) for j in range(len(words))):
                return right
    return None


SPELT_SLIP_MAX_ZIPF = 3.5  # an acronym web text writes more often than this is one of its own, unless the right one is commoner


def _one_letter_other(acr: str, initials: str) -> bool:
    """Do ``acr`` and ``initials`` differ in one letter, at the same place?

    >>> _one_letter_other("RU", "EU"), _one_letter_other("IMT", "MIT"), _one_letter_other("NSA", "NASA")
    (True, False, False)
    """
    return len(acr) == len(initials) and sum(a != b for a, b in zip(acr, initials)) == 1


def _cut_short(acr: str, initials: str, before: str) -> bool:
    """Is the name cut short by what the definition pattern takes (``People for the Ethical Treatment of
    Animals (PETA)``, ``minister of International Trade and Industry (MITI)``): the acronym is the
    initials with one more letter first, and a word just before the name starts with it?

    >>> _cut_short("PETA", "ETA", "campaigns by People for the "), _cut_short("XNSC", "NSC", "the ")
    (True, False)
    """
    return acr[1:] == initials and any(w[:1].upper() == acr[0] for w in before.split()[-3:])


def _spells(acr: str, words: list, compounds: bool = True, whole: bool = False) -> bool:
    """Does ``acr`` spell the name ``words`` ends with, as real definitions do? From some word on, every
    capitalised word (from the first with ``whole``) gives its initial and maybe its inner capitals (``DigitalGov``, ``VA``) or the
    initial of a closed compound's second part (``Interbank``), a small joining word its initial or nothing (``Department of Commerce (DOC)``), the last word maybe its
    plural ``s`` (``European Currency Units (ECUS)``), a company designator at the end nothing; a word
    starting ``ex`` may give ``X`` (:func:`_x_word`).

    >>> _spells("NLM", "The National Library of Medicine".split()), _spells("DOC", "Department of Commerce".split())
    (True, True)
    >>> _spells("DGU", ["DigitalGov", "University"]), _spells("BFIT", "Bangkok First Investment and Trust Ltd".split())
    (True, True)
    >>> _spells("NSAA", "National Aeronautics and Space Administration".split())
    False
    >>> _spells("LIBOR", "London Interbank Offered Rates".split())
    True
    >>> _spells("AB", ["Alpha", "Beta", "’s"])  # a possessive split from its word
    True
    >>> _spells("UXPA", "User Experience Professionals Association".split()), _spells("UBAF", "Union de Banques Arabes et Francaises".split())
    (True, True)
    """
    trailing = _words("acronyms", "definition_trailing")
    words = _without_possessives(words)
    last = len(words) - 1
    while last > 0 and words[last].lower().rstrip(".,") in trailing:
        last -= 1

    def fits(k: int, at: int) -> bool:  # at most 8 words and 6 letters: a small, bounded search
        if k > last:
            return at == len(acr)
        w = words[k]
        gives = _word_gives(w, k == last, compounds) if len(w) <= CACHED_RUN_CHARS else _word_gives.__wrapped__(w, k == last, compounds)
        return any(acr.startswith(p, at) and fits(k + 1, at + len(p)) for p in gives)

    return any(words[k][:1].isupper() and fits(k, 0) for k in (range(last + 1) if not whole else (0,)))


def _listed_for(gaz, acr: str, name: str) -> bool:
    """Is ``acr`` the gazetteer's acronym for ``name`` itself (one of its forms)?

    >>> from cleaner.gazetteer import gazetteer
    >>> _listed_for(gazetteer(()), "FAA", "Federal Aviation Administration"), _listed_for(gazetteer(()), "FAA", "Federal Art Agency")
    (True, False)
    """
    entry = gaz.acronyms.get(acr)
    return entry is not None and norm(name) in map(norm, entry.forms)


INSIDE_REACH = 3  # an acronym takes letters from inside a word only among its first three (CoCoa, MOntreal)


def _spells_inside(acr: str, words: list) -> bool:
    """Does ``acr`` spell the name ``words`` ends with when a word may give, after its initial, a letter
    or two more from its first three, as many real acronyms do (``International Cocoa Organization``:
    ``ICCO``, ``Bank of Montreal``: ``BMO``)? From some capitalised word on, every capitalised word
    still gives its initial, in order, and a joining word its initial or nothing (as :func:`_spells`),
    so a slip that leaves out, swaps or replaces a word's initial spells nothing this way
    (``American Battle Monument Commission (AMBC)``, ``World Health Organisation``: ``WOH``). A
    doubled letter does when the word holds it again near its start; not when the letter taken is the
    next word's initial (``Talent Acquisition System``: ``TAAS`` is no ``T``, ``a``, ``A``, ``S``).

    >>> _spells_inside("ICCO", "International Cocoa Organization".split()), _spells_inside("BMO", "Bank of Montreal".split())
    (True, True)
    >>> _spells_inside("AMBC", "American Battle Monument Commission".split()), _spells_inside("WOH", "World Health Organisation".split())
    (False, False)
    >>> _spells_inside("TAAS", "Talent Acquisition System".split()), _spells_inside("FAAA", "Federal Aviation Authority".split())
    (False, False)
    >>> _spells_inside("ICO", "International Cocoa Organization".split())  # its plain initials: _spells' case
    False
    """
    joining = _words("acronyms", "definition_joining")
    trailing = _words("acronyms", "definition_trailing")
    words = _without_possessives(words)
    last = len(words) - 1
    while last > 0 and words[last].lower().rstrip(".,") in trailing:
        last -= 1
    if len(acr) < 3 or last > SPELLED_MAX_WORDS or _spells(acr, words):
        return False
    lowered = [w.lower() for w in words]

    def fits(k: int, at: int) -> bool:  # at most 8 words, 6 letters, 2 letters a word: a bounded search
        if k > last:
            return at == len(acr)
        w = lowered[k]
        if w in joining:
            return fits(k + 1, at) or (acr[at:at + 1].lower() == w[:1] and fits(k + 1, at + 1))
        if acr[at:at + 1].lower() != w[:1]:
            return False
        return any(fits(k + 1, at + 1 + n) for n in _inside_takes(w[:INSIDE_REACH], acr[at + 1:at + 3].lower())
                   if not n or acr[at + n:at + n + 1] != acr[at + n + 1:at + n + 2])

    return any(words[k][:1].isupper() and fits(k, 0) for k in range(last + 1))


def _inside_takes(word: str, letters: str) -> list:
    """How many of ``letters`` (0, 1, ...) the lower-case ``word`` holds, in order, after its initial.

    >>> _inside_takes("coc", "co"), _inside_takes("ban", "mo")
    ([0, 1], [0])
    """
    out, at = [0], 1
    for n, c in enumerate(letters, 1):
        at = word.find(c, at) + 1
        if not at:
            break
        out.append(n)
    return out

@lru_cache(maxsize=1 << 15)
def _word_gives(w: str, last: bool, compounds: bool) -> tuple:
    """What the word ``w`` of a name may give its acronym (:func:`_spells`): its initial, then each longer
    run of its capitals, then with an ``s`` when it ends the name; a joining word its initial or nothing.
    Kept per word: the search asks each word of each run again at every letter it may start at.

    >>> _word_gives("DigitalGov", False, True), _word_gives("of", False, True), _word_gives("Units", True, True)
    (('D', 'DG'), ('', 'O'), ('U', 'US'))
    >>> _word_gives("Interbank", False, True)
    ('I', 'IB')
    """
    if w.lower() in _words("acronyms", "definition_joining"):
        return ("", w[0].upper())
    caps = w[0].upper() + "".join(c for c in w[1:] if c.isupper())
    out = [caps[:n] for n in range(1, len(caps) + 1)]
    if _x_word(w):  # "User Experience Professionals Association (UXPA)"
        out.append("X")
    compound = lexicon().compound_parts(w.lower()) if compounds and w[1:].islower() and len(w) >= 7 else ()
    if compound:  # "London Interbank Offered Rate (LIBOR)": each part of a closed compound
        out.append(w[0].upper() + compound[1][0].upper())
    if last and w.endswith("s"):
        out += [p + "S" for p in out]
    return tuple(out)


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _shared_near_misses(doc, gaz, ubiquitous, counts, orphans) -> list[Finding]:
    """Two different one-off acronyms one slip from the same well-known acronym the article never
    spells right: both are that acronym (``AT Finals`` ... ``APT Finals`` → ``ATP``)."""
    if len(orphans) < 2:
        return []
    index = _derived(gaz, ("near-miss", frozenset(ubiquitous)), lambda g: _deletion_index(g, ubiquitous))
    groups: dict = {}
    real_min_zipf = _pack()["acronyms"]["real_min_zipf"]
    lex = lexicon()
    for token, start, end in orphans:
        if _own_acronym(token, lex, real_min_zipf):
            continue  # an acronym of its own (GSA, SSH, RSS), not one of two slips of SSA or ISS
        near = set()
        for variant in _deletions(token):
            near.update(index.get(variant, ()))
        for a in sorted(near):
            if not counts.get(a) and _one_edit(token, a):
                groups.setdefault(a, []).append((token, start, end))
    findings = []
    # the article's topic, from the kinds of the gazetteer acronyms it uses (institution, outlet, ...)
    kinds = {gaz.acronyms[a].kind for a in counts if a in gaz.acronyms}

    def fit(a: str) -> int:
        """How well ``a`` fits the article: an acronym of a kind it names, then an everyday one (LED)."""
        entry = gaz.acronyms.get(a)
        return 2 if entry is not None and entry.kind in kinds else 1 if a in ubiquitous else 0

    for target, members in sorted(groups.items()):
        if len({t for t, _, _ in members}) < 2:
            continue
        rivals = [a for a, g in groups.items() if a != target and len(g) > 1 and set(g) & set(members)]
        confidence = 0.55
        if rivals:
            if any(fit(a) >= fit(target) for a in rivals):
                continue  # as near another one that fits the article as well: which one was meant?
            confidence = 0.45  # the topic decides between them (LEN, ELD in a car review: LED, not ELN)
        for token, start, end in members:
            findings.append(doc.finding(
                "G001", f"'{token}' looks like a garbled '{target}' (the article has other slips of it)", start, end,
                suggestion=target, fix="unsafe", confidence=confidence, source=f"{SOURCE}:acronym",
            ))
    return findings


def _one_edit_neighbours(counts) -> Callable[[str], list]:
    """A function giving the acronyms of ``counts`` one edit from a token (:func:`_one_edit`), itself
    left out, each token's list made once, by look-ups that each find only true neighbours: the
    acronyms with one letter changed (indexed by the position and what is left without it), one more
    (by what is left without each letter), one less or two neighbours swapped (the token's own
    variants, looked up). A token's work is its few look-ups and its neighbours, never a comparison
    with an acronym that shares a deletion but is two edits away: in a text dense with random
    three-letter capitals, that was ~35 failed comparisons per token.

    >>> near = _one_edit_neighbours({"NASA": 3, "NSA": 1, "FBI": 2, "NAAS": 1, "ANS": 1, "SAN": 1})
    >>> near("NASI"), near("NSA"), near("CIA"), near("NAS")
    (['NASA'], ['NASA'], [], ['ANS', 'NAAS', 'NASA', 'NSA'])
    """
    changed: dict = {}  # (position, the acronym without its letter there) -> acronyms
    shortened: dict = {}  # the acronym without one of its letters -> acronyms
    for a in counts:
        for k in range(len(a)):
            less = a[:k] + a[k + 1:]
            changed.setdefault((k, less), []).append(a)
            shortened.setdefault(less, []).append(a)
    made: dict = {}

    def near(token: str) -> list:
        found = made.get(token)
        if found is None:
            seen = set(shortened.get(token, ()))  # one letter more
            for k in range(len(token)):
                less = token[:k] + token[k + 1:]
                seen.update(changed.get((k, less), ()))  # one letter changed
                if less in counts:  # one letter less
                    seen.add(less)
                swapped = token[:k] + token[k + 1:k + 2] + token[k] + token[k + 2:]
                if swapped in counts:  # two neighbours swapped
                    seen.add(swapped)
            seen.discard(token)
            found = made[token] = sorted(seen)
        return found

    return near


def _deletions(word: str) -> set:
    """``word`` and every string one letter shorter: two words one edit apart share one of them."""
    return {word} | {word[:k] + word[k + 1:] for k in range(len(word))}


@lru_cache(maxsize=2)
def _web_deletion_index(min_zipf: float) -> dict:
    """The acronyms the dictionary writes in capitals (three letters or more, no lower-case English
    word) that web text writes with Zipf ``min_zipf`` or more, by each of their :func:`_deletions`.

    >>> index = _web_deletion_index(3.0)
    >>> "HSBC" in index["HSB"], "KFC" in index["KC"], any("CAT" in v for v in index.values())
    (True, True, False)
    """
    lex = lexicon()
    index: dict = {}
    for a in set(lex.capitalised.values()):
        if len(a) >= 3 and a.isalpha() and a.isupper() and a.lower() not in lex.lower and lex.zipf(a) >= min_zipf:
            for variant in _deletions(a):
                index.setdefault(variant, []).append(a)
    return index


def _cheap_slip(token: str, a: str) -> bool:
    """Is ``token`` one typing slip of ``a`` (:func:`_typing_slips`: a key beside, two letters swapped,
    one doubled) or ``a`` with a letter after its first dropped?

    >>> [_cheap_slip(t, a) for t, a in (("FKC", "KFC"), ("HSBV", "HSBC"), ("USR", "USSR"), ("FKC", "FCC"), ("SBC", "HSBC"))]
    [True, True, True, False, False]
    """
    if token in _typing_slips(a):
        return True
    return len(token) + 1 == len(a) and any(a[:i] + a[i + 1:] == token for i in range(1, len(a)))


def _deletion_index(gaz, ubiquitous) -> dict:
    """Well-known all-letter acronyms of three letters or more, by each of their :func:`_deletions`."""
    index: dict = {}
    for a in set(gaz.acronyms) | set(ubiquitous):
        if len(a) >= 3 and a.isalpha() and a.isupper():
            for variant in _deletions(a):
                index.setdefault(variant, []).append(a)
    return index


def _topic_words(entry, stop: frozenset) -> list:
    return [w for w in re.findall(r"[a-z]{5,}", entry.name.lower()) if w not in stop]


def _on_topic(entry, where: Callable[[str], tuple], stop: frozenset) -> bool:
    """Does the article use a word of ``entry``'s name, or its plural (``where``: the indexes of a
    lower-cased word in the article, :meth:`Tokens.where`, read from the index its passes share)?

    >>> from cleaner.gazetteer import Entry
    >>> from cleaner.tokens import Tokens
    >>> oic = Entry(name="Organisation of Islamic Cooperation", kind="organisation")
    >>> _on_topic(oic, Tokens("Islamic states met.").where, frozenset()), _on_topic(oic, Tokens("SAML and OIDC").where, frozenset())
    (True, False)
    """
    return any(where(w) or where(w + "s") for w in _topic_words(entry, stop))


def _topic_prefers(entry, other, lowered: str, stop: frozenset) -> bool:
    """Does the article's wording fit ``entry``'s name and not ``other``'s (``spacecraft`` for the
    National Aeronautics and Space Administration, no ``security`` for the National Security Agency)?"""
    def fits(e) -> bool:
        return any(re.search(r"\b" + w, lowered) for w in _topic_words(e, stop))
    return entry is not other and fits(entry) and not fits(other)


def _slip_of(token: str, a: str) -> bool:
    """Is ``token`` a slip of ``a`` that reads one way only: a letter dropped (not the first) or doubled
    (``BAR``/``BART``, ``CDFF``/``CDF``), three letters or more? Then ``a`` used once in the article is
    enough to take ``token``, used once and unknown, for it."""
    if len(token) < 3 or len(a) < 3:
        return False
    if len(token) == len(a):
        return False  # a changed or transposed letter reads both ways: which of the two is the slip?
    if len(token) > len(a):  # one letter more: only a doubled one
        return any(token[:i] + token[i + 1:] == a and token[i] == token[i - 1] for i in range(1, len(token)))
    # a letter dropped, but not the first (PUC beside CPUC is a name without its state) nor one of a
    # doubled pair (CDF beside CDFF: which one is the slip?)
    return any(a[:i] + a[i + 1:] == token and a[i] != a[i - 1] and a[i] != a[i + 1:i + 2] for i in range(1, len(a)))


def _slip_of_initials(acr: str, initials: str, keys: bool = False) -> bool:
    """Is ``acr``, used in several mentions, a slip of the initials of the name it is defined for that
    no house style makes: two letters swapped, one doubled, or, with ``keys``, one replaced by a key
    beside it (``IMT`` for Massachusetts Institute of Technology, ``JSSC`` for Johnson Space Center,
    ``RU`` for European Union)? A letter more or less or another letter can be a style (``DOC`` for
    Department of Commerce, a name's inner capital, ``MSF`` for Doctors Without Borders).

    >>> _slip_of_initials("IMT", "MIT"), _slip_of_initials("JSSC", "JSC"), _slip_of_initials("DOC", "DC")
    (True, True, False)
    >>> _slip_of_initials("RU", "EU", keys=True), _slip_of_initials("ISD", "ISS", keys=True), _slip_of_initials("RU", "EU")
    (True, True, False)
    """
    return acr in _typing_slips(initials, keys=keys)


def _one_edit(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or adjacent transposition apart."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        return sum(map(str.__ne__, a, b)) == 1 or _transposed(a, b)
    if la > lb:
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def _initial_beside(toks: Tokens, i: int, step: int) -> str:
    """The initial of the nearest word of the run towards ``step`` (as :func:`_content_window` walks)
    when that word is capitalised, else ``""``."""
    words, gaps = toks.words, toks.gaps
    k = i
    while True:
        nxt = k + step
        if nxt < 0 or nxt >= len(words) or gaps[max(k, nxt)] not in _RUN_GAPS:
            return ""
        k = nxt
        if words[k] not in _CONNECTORS:
            return words[k][0].upper() if words[k][0].isupper() else ""


def _content_window(toks: Tokens, i: int, step: int, limit: int) -> list:
    """Token indexes of up to ``limit`` words of one name-like run from ``i`` towards ``step``,
    skipping connectors (``of``, ``and``, ``&``) and stopping at anything but a space or comma."""
    words, gaps = toks.words, toks.gaps
    out, j = [], i
    while len(out) < limit:
        k = j + step
        if k < 0 or k >= len(words):
            break
        if gaps[max(j, k)] not in _RUN_GAPS:
            break
        j = k
        if words[k] in _CONNECTORS:
            continue
        out.append(k)
    return out


_SMALL_WORDS = _CONNECTORS | _FUNCTION_WORDS  # words no name's initials count (acronym_initials)


def acronym_initials(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G004 (unsafe): a lower-case word inside a name whose initials spell an acronym the article uses.

    ``the Democratic republic of Congo (DRC)``, ``the Centers for Disease control`` beside ``CDC``.
    Each candidate needs one mention of its acronym that no other finding took (``ISM-held``, flagged as
    a garble, is no evidence).
    """
    mentions: dict = {}  # acronym -> the starts of its mentions
    for m in toks.acronyms:
        if len(m.group()) >= 3:
            mentions.setdefault(m.group(), []).append(m.start())
    acronyms = set(mentions)
    if not acronyms:
        return []
    mentions = {a: tuple(starts) for a, starts in mentions.items()}  # each candidate shares its acronym's
    longest = max(len(a) for a in acronyms)
    # every leading part of an acronym: a window whose initials are none of these grows into no acronym
    heads = {a[:k] for a in acronyms for k in range(1, len(a) + 1)}
    letters = set("".join(acronyms))
    pairs = {a[k:k + 2] for a in acronyms for k in range(len(a) - 1)}  # letters that follow each other
    words, spans = toks.words, toks.spans
    findings = []
    # a name of three words or more around a word needs a capitalised word (or a connector) right beside it
    beside = list(map(or_, toks.capitalised, map(_CONNECTORS.__contains__, words)))
    near = list(map(or_, [False] + beside[:-1], beside[1:] + [False]))
    candidates = list(compress(toks.lower_alpha, map(near.__getitem__, toks.lower_alpha)))
    # ... whose initial is a letter of an acronym, and no connector or function word (filtered in C:
    # most words fail here)
    candidates = list(compress(candidates, map(letters.__contains__, map(str.upper, map(
        itemgetter(0), map(words.__getitem__, candidates))))))
    candidates = compress(candidates, map(not_, map(_SMALL_WORDS.__contains__, map(words.__getitem__, candidates))))
    gaps, n_words = toks.gaps, len(words)
    for i in candidates:
        w = words[i]
        initial = w[0].upper()
        # ... and the two initials must follow each other in one of the acronyms (_initial_beside, its
        # first step inline: the word right beside is rarely a connector)
        if i and gaps[i] in _RUN_GAPS:
            beside_word = words[i - 1]
            if beside_word in _CONNECTORS:
                before = _initial_beside(toks, i, -1)
            else:
                before = beside_word[0].upper() if beside_word[0].isupper() else ""
        else:
            before = ""
        if not (before and before + initial in pairs):
            if i + 1 < n_words and gaps[i + 1] in _RUN_GAPS:
                beside_word = words[i + 1]
                if beside_word in _CONNECTORS:
                    after = _initial_beside(toks, i, 1)
                else:
                    after = beside_word[0].upper() if beside_word[0].isupper() else ""
            else:
                after = ""
            if not (after and initial + after in pairs):
                continue
        left = _content_window(toks, i, -1, longest - 1)[::-1]
        right = _content_window(toks, i, 1, longest - 1)
        run = left + [i] + right
        at = len(left)
        hit = _initials_window(words, run, at, heads, acronyms)
        if not hit:
            continue
        start, end = spans[i]
        window, initials = hit
        proper = w[:1].upper() + w[1:]
        name = toks.text[spans[window[0]][0]:spans[window[-1]][1]]
        if not _spells_one_name(toks, window, i, initials, name):
            continue
        finding = doc.finding(
            "G004", f"'{w}' is part of the name '{name}' ({initials} in this article): '{proper}'", start, end,
            suggestion=proper, fix="unsafe", confidence=0.8, source=f"{SOURCE}:initials",
        )
        findings.append(Candidate(finding, (start, end), (start, end), needs=mentions[initials]))
    return findings


def _initials_window(words: list, run: list, at: int, heads: set, acronyms: set):
    """(the token indexes, their initials) of the first window of ``run`` (token indexes of one name-like
    run) that holds ``run[at]`` and at least two more words, every word but ``run[at]`` capitalised,
    whose initials are one of ``acronyms``; None if no window is. Windows are tried by first word,
    then by length; a window stops growing at a word that is not capitalised or once its initials lead
    into no acronym (``heads``: every leading part of one), so a long run costs no more than its
    acronym-sized windows.

    >>> words = "the Democratic republic of Congo".split()
    >>> _initials_window(words, [1, 2, 4], 1, {"D", "DR", "DRC"}, {"DRC"})
    ([1, 2, 4], 'DRC')
    >>> _initials_window(words, [1, 2, 4], 1, {"D", "DC"}, {"DC"}) is None
    True
    """
    for a in range(at + 1):
        initials = ""
        for b in range(a, len(run)):
            k = run[b]
            w = words[k]
            if k != run[at] and not w[:1].isupper():
                break  # every longer window holds this word too
            initials += w[0].upper()
            if initials not in heads:
                break
            if b >= at and b >= a + 2 and initials in acronyms:
                return run[a:b + 1], initials
    return None


_DEFINED_AFTER = re.compile(r"[ \t]*\(([A-Z]{2,})s?\)")


def _spells_one_name(toks: Tokens, window: list, i: int, initials: str, name: str) -> bool:
    """Do the words of ``window``, with the lower-case word ``words[i]`` among them, read as one name
    that ``initials`` abbreviates, rather than letters that happen to match across a list or a clause?

    Not when a comma parts them (``For example, the Coleman-Liau`` is no ``FEC``) or an acronym stands
    among them (``FDA data`` is no name ``FDA`` spells). A lower-case word at either end of the run is a
    common noun or verb beside a name (``the Talent Team shepherds all``, ``the official Natural
    Resources Revenue``) unless the acronym follows in parentheses (``the Election Assistance
    commissions (EAC)``) or, at the end, no lower-case word follows (``HTTP Strict Transport
    securities.``).

    >>> from cleaner.tokens import Tokens
    >>> toks = Tokens("the Talent Team shepherds all candidates; TTS")
    >>> _spells_one_name(toks, [1, 2, 3], 3, "TTS", "Talent Team shepherds")
    False
    >>> toks = Tokens("the Election Assistance commissions (EAC) and")
    >>> _spells_one_name(toks, [1, 2, 3], 3, "EAC", "Election Assistance commissions")
    True
    >>> toks = Tokens('"I believe the Mac will sell," said IBM')
    >>> _spells_one_name(toks, [0, 1, 3], 1, "IBM", "I believe the Mac")
    False
    """
    words, spans, text = toks.words, toks.spans, toks.text
    if "," in name or any(words[k].isupper() and len(words[k]) > 1 for k in window):
        return False
    if any(words[k] == "I" and k + 1 < len(words) and words[k + 1][:1].islower() for k in window):
        return False  # the pronoun before its verb: "I believe the Mac" spells no IBM
    defined = _DEFINED_AFTER.match(text, spans[window[-1]][1])
    if defined is not None and defined.group(1) == initials:
        return True
    if i == window[0]:
        return False
    if i == window[-1]:
        nxt = i + 1
        return not (nxt < len(words) and toks.gaps[nxt] == " " and words[nxt][:1].islower())
    return True


#: a word of three letters or more alone in parentheses: the token there, as ``Tokens`` splits them
_WORD_IN_PARENTHESES = re.compile(r"\(([^\W\d_]{3,})\)")
TITLE_STYLE_MIN_ZIPF = 3.0  # a word-like acronym this well known may be a house style in title case (Nato)


def defined_in_title_case(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G002 (unsafe): an acronym written in title case where the article defines it, in parentheses
    right after the words it spells (``Kennedy Space Center (Ksc)``, ``key performance indicator
    (Kpi)``): capitals, in that mention and every other one written the same way. No English word
    (``(Ash)``), and not an acronym read as a word that a house style may write so (``Nato``, ``Unicef``:
    four letters or more with a vowel after the first, that web text writes often)."""
    lex = lexicon()
    words, spans, text = toks.words, toks.spans, toks.text
    defined: dict = {}
    # the words in parentheses, by one search of the text (a walk over every capitalised token's span
    # grew faster than the text: on a long one, each is a memory read far from the last)
    for m in _WORD_IN_PARENTHESES.finditer(text):
        w = m.group(1)
        start, end = m.span(1)
        if not w[0].isupper() or not w.isalpha() or not w[1:].islower() or w in defined \
                or _english_word(w.lower(), lex):
            continue
        if len(w) > 3 and any(c in "aeiouy" for c in w[1:].lower()) and lex.zipf(w) >= TITLE_STYLE_MIN_ZIPF:
            continue  # "North Atlantic Treaty Organisation (Nato)": a well-known acronym read as a word
        if _read_as_a_word(w) and not any(words[i] == w.upper() for i in islice(toks.where(w.lower()), 50)):
            continue  # "Department for Environment, Food and Rural Affairs (Defra)": British style writes an
            # acronym read as a word in title case, known or not (Ofwat, Unesco), unless the article
            # writes it in capitals elsewhere
        if _house_title_style(w, toks):
            continue  # "South African Revenue Service (Sars)", then "Sars" throughout: the paper's style
        if _defined_in_lower_case(w.upper(), start, text, compounds=False):
            defined[w] = w.upper()  # (not "London Interbank Offered Rate (Libor)": a word coined from syllables)
    findings = []
    for w, proper in defined.items():
        for i in toks.where(w.lower()):
            if words[i] != w:
                continue
            start, end = spans[i]
            if not _plain_context(text, start, end):
                continue
            findings.append(_claim(doc.finding(
                "G002", f"'{w}' is the acronym the article defines: '{proper}'", start, end, suggestion=proper,
                fix="unsafe", confidence=0.7, source=f"{SOURCE}:definition",
            )))
    return findings


_CONSONANT_RUN = re.compile(r"[^aeiouy]{3}")


def _read_as_a_word(w: str) -> bool:
    """Is the acronym ``w`` one read as a word: five letters or more, two vowels or more, and no three
    consonants in a row (``Defra``, ``Ofwat``, ``Unesco``; not ``Ksc``, ``Fdic``, ``Nhtsa``)?

    >>> [_read_as_a_word(w) for w in ("Defra", "Ofwat", "Unesco", "Ksc", "Nhtsa", "Fema")]
    [True, True, True, False, False, False]
    """
    low = w.lower()
    return len(low) >= 5 and sum(c in "aeiouy" for c in low) >= 2 and _CONSONANT_RUN.search(low) is None


def _house_title_style(w: str, toks: Tokens) -> bool:
    """Does the article write the acronym ``w``, defined in title case, as a house style: one read as a
    word (four letters or more, pronounceable) that it writes again, every time in title case and never
    in capitals? Style guides that write acronyms read as words so (the Guardian's and the BBC's
    ``Nato``, ``Unicef``; South African papers' ``Sars``) do it in every mention; a slip of the shift
    key is one mention among capitals, and ``Ksc``, ``Kpi`` or ``Bacp`` is no word to read (``cp`` ends
    no English word).

    >>> from cleaner.tokens import Tokens
    >>> _house_title_style("Sars", Tokens("the Revenue Service (Sars) said. Sars will hire."))
    True
    >>> _house_title_style("Sars", Tokens("the Revenue Service (Sars) said. SARS will hire."))
    False
    >>> _house_title_style("Sars", Tokens("the Revenue Service (Sars) said."))
    False
    >>> _house_title_style("Nhtsa", Tokens("Traffic Safety Administration (Nhtsa) said. Nhtsa will."))
    False
    >>> _house_title_style("Bacp", Tokens("the Counselling Association (Bacp) said. Bacp will."))
    False
    """
    if len(w) < 4 or _unpronounceable(w) or _coda(w.lower()) not in _english_codas():
        return False
    mentions = [toks.words[i] for i in toks.where(w.lower())]
    return len(mentions) >= 2 and all(m == w for m in mentions)


def _coda(low: str) -> str:
    """The letters after a word's last vowel: how it ends (``sars`` -> ``rs``, ``nato`` -> ``''``).

    >>> _coda("sars"), _coda("nato"), _coda("bacp")
    ('rs', '', 'cp')
    """
    return low[max(map(low.rfind, "aeiouy")) + 1:]


CODA_MIN_ZIPF = 3.0  # the endings of dictionary words web text writes this often: how English words end


def _english_codas() -> frozenset:
    """How common English words end after their last vowel (``rs``, ``st``, ``nd``, ...), from the
    dictionary and wordfreq, not a list; kept with the built-in gazetteer's derived indexes, in the
    start-up snapshot, as :func:`casing._english_onsets` is."""
    return _derived(gazetteer(()), ("english-codas", CODA_MIN_ZIPF), lambda _gaz: _codas(lexicon()))


def _codas(lex) -> frozenset:
    return frozenset(_coda(w) for w in lex.frequent_words(CODA_MIN_ZIPF) if len(w) >= 3 and w.isalpha())


DEFINED_WORD_MIN_ZIPF = 3.0  # a dictionary word web text writes this often is an English word ("Ash")


def _english_word(low: str, lex) -> bool:
    """Is ``low`` an English word in its own right: the dictionary has it and web text writes it often
    (``ash``, ``cap``), not a rare entry that web text mostly writes as an acronym (``fec``, ``csc``)?

    >>> from cleaner.lexicon import lexicon
    >>> [_english_word(w, lexicon()) for w in ("ash", "cap", "fec", "csc")]
    [True, True, False, False]
    """
    return low in lex.lower and lex.zipf(low) >= DEFINED_WORD_MIN_ZIPF
