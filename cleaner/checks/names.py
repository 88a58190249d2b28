"""G: names and terms the copy mangled.

- G001 near-miss of an acronym the article itself uses (``NASI`` in an article that says ``NASA``
  twice, ``FBS`` beside one ``FBI``), an acronym defined in parentheses that misses its name's
  initials, two one-off slips of the same well-known acronym, or an unknown acronym one edit from a
  gazetteer acronym in a frame of its kind in an article that names that entity (``ISM-held`` beside
  ``ISIS``); a title-case word no word list knows, one
  cheap slip from the word that completes a gazetteer name around it (``the Washingon Post``) or
  from a name the article writes (``Pentagin`` beside ``Pentagon``; :mod:`cleaner.checks.name_slips`,
  run from here): unsafe, with a confidence. Real acronyms are
  left alone: a token the article defines, one on the ubiquitous list (``US``, ``UN``), units and
  model numbers, or a gazetteer acronym whose own name the article mentions.
- G002 wrong casing of a known name (``Associated press``, ``Sugar land-based``, ``in france``,
  ``nato``, ``on monday``): safe for curated gazetteer names, except when the only difference is a
  word house styles lower-case (``Democratic party``); unsafe guesses for name-only words, surnames
  after given names, places after ``University of`` and lower-case words inside a name.
- G003 non-canonical form of a known name: ``of``/``for`` swapped (``Syrian Observatory of Human
  Rights``) or another joining word in place of its own: safe; the same swap after head words that
  take the other word, or the joining word left out (``House Representatives``): unsafe.
- G004 the same entity written two ways in one article (``Syrian democratic force`` after ``Syrian
  Democratic Forces (SDF)``), or a lower-case word the article itself shows to be part of a name
  (initials that spell an acronym it uses, ``&`` between name words, the pair capitalised elsewhere
  mid-sentence): unsafe, with a confidence. A form the article itself writes twice or more is its
  own usage, not a slip.
- G5xx machine-translation and spinner phrases (:mod:`cleaner.checks.phrases`, run from here): unsafe.

Names come from the gazetteer (:mod:`cleaner.gazetteer`), the article itself, ``known-names`` and, in
batch mode, names seen in many articles of the batch. The word lists the heuristics use (style words,
designators, roles, head words, given names, ubiquitous acronyms) are data in
``rules/names_config.toml``.

Where the family lives: this module holds the gazetteer matching (G002 casing, G003 of/for swaps and
names before a hyphenated suffix), the G003 joining-word passes, the
G004 in-article consistency passes, :func:`run` and :func:`learn`. Every pass is a pure function
``(doc, ctx, tokens) -> [Candidate]`` listed in :data:`PASSES`; :func:`resolve` settles overlaps once,
by the passes' rank (a word a gazetteer name took is no later pass's), so the passes share no state
and may run in any order. :mod:`cleaner.checks.acronyms` holds the acronym checks
(G001, and the G004 names an acronym spells), :mod:`cleaner.checks.casing` the casing passes (G002,
G004), :mod:`cleaner.checks.name_slips` the misspelt names (G001) and :mod:`cleaner.checks.phrases` the
G5xx phrase packs; :mod:`cleaner.checks.name_tokens` holds the word lists, the :class:`Candidate` and the helpers
they all share, over the document's token model (:mod:`cleaner.tokens`); :mod:`cleaner.checks.name_lines`
makes the article's names from its lines' facts, each line's kept across fix rounds, so that a
confirming round reads again only the lines an edit changed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import chain, compress, islice, repeat
from operator import not_, or_
from typing import Optional

from ..document import Document
from ..codes import sub_code
from ..finding import Finding
from ..gazetteer import SWAPS, gazetteer, norm
from ..joining_counts import JOINING, head_counts, name_head_joins, name_joins, pair_count
from ..language import drop_other_language
from ..lexicon import lexicon
from .acronyms import acronym_initials, acronyms, defined_in_title_case
from .casing import (
    calendar_names, DESCRIPTOR_MIN_ZIPF, lowercase_names, lowered_descriptor, lowered_name_words, lowered_person_names, MENTIONS_SCANNED, name_evidence, name_parts,
    per_text_memo, place_after_of, recased_words, single_names, _adjective_of_place, _city_words, _verb,
)
from .name_lines import article_names_by_line, kept_by_line, names_at, two_word_starts
from .name_number import number_changed_names
from .name_slips import misspelt_names, real_word_name_slips
from .name_tokens import (
    _CONNECTORS, _derived, _FUNCTION_WORDS, _GUESSABLE_KINDS, _key, _known_names, _norm, _pack,
    _pair_uses, _plain_context, SOURCE, _unpossessed, _within, _words, _claim, Candidate,
)
from ..tokens import ACRONYM as _ACRONYM, Tokens
from .phrases import phrases



def _case_diff(found: str, canonical: str) -> Optional[list]:
    """Word indexes where ``canonical`` is capitalised but ``found`` is not, or where ``found`` shouts one
    word of a name the rest of which it writes properly (``European Space AGENCY``); None if shapes differ."""
    fw, cw = found.split(" "), canonical.split(" ")
    if len(fw) != len(cw):
        return None
    diff = []
    for i, (a, b) in enumerate(zip(fw, cw)):
        if a.lower() != b.lower():
            return None
        if i == 0 and b in ("The", "A"):
            continue  # "the Independent", "the New York Times": the article is lower-case in running text
        if a != b and b[:1].isupper() and (a[:1].islower() or (len(a) > 1 and a.isupper() and not b.isupper())):
            diff.append(i)
    return diff


def _word_offsets(found: str, start: int) -> list:
    out, pos = [], start
    for w in found.split(" "):
        out.append((pos, pos + len(w)))
        pos += len(w) + 1
    return out


def _casing_finding(doc: Document, found: str, start: int, slot: tuple, before: str, style_words: set,
                    sentence_start: bool = False):
    """G002 for ``found`` (at ``start``), a gazetteer form in other casing, or None when its casing is
    accepted: safe for curated names unless only house-style words differ. All lower case counts when a
    word of it is no English word (``goldman sachs``), unsafely when all are (``world bank``) unless
    that may be ordinary (:func:`_ordinary_lower_case`); a name's article with only its sentence's
    capital does not (``The mirror is built ...``)."""
    entry, spellings = slot
    if found in spellings or found.isupper():
        return None
    first, _, rest = found.partition(" ")
    if sentence_start and first in ("The", "A") and rest.islower() \
            and all(w in lexicon().lower or not w.isalpha() for w in rest.split(" ")):
        return None  # "The mirror is built ...", "The gap in the streetscape": ordinary words
    if _region_style(found) or (entry.kind == "city" and _compass_before_a_city(found)):
        return None
    english = found.islower() and all(w in lexicon().lower or not w.isalpha() for w in found.split(" "))
    if found.islower() and ((english and (_ordinary_lower_case(found, entry.kind, style_words)
                                          or (found.count(" ") < 2 and _modifier(doc.text, start + len(found)))
                                          or _COMPLEMENT.match(doc.text, start + len(found))))
                            or not _plain_context(doc.text, start, start + len(found))):
        return None
    best = None
    for spelling in sorted(spellings):
        diff = _case_diff(found, spelling)
        if diff:
            best = (spelling, diff)
            break
    if best is None:
        return None
    spelling, diff = best
    if any(found.split(" ")[k] in _FUNCTION_WORDS for k in diff):
        return None  # "the Rio de Janeiro Port said": a verb after a name, not "Port Said"
    if entry.kind == "market" and _wire_index_style(found, diff):
        return None  # "the Nasdaq composite", "the Dow Jones industrial average": wire style
    if before.lower() in ("a", "an") and sum(w[:1].isupper() for w in found.split(" ")) < 2:
        return None  # "establish an Islamic state": a generic phrase, not the name
    offsets = _word_offsets(found, start)
    fs, fe = offsets[diff[0]][0], offsets[diff[-1]][1]
    suggestion = spelling[fs - start:fe - start]
    differing = {spelling.split(" ")[k].lower() for k in diff}
    style_only = differing <= style_words or entry.kind in _GUESSABLE_KINDS or english \
        or _described_by_place_adjective(found, diff)
    return doc.finding(
        "G002", f"'{found}' is written '{spelling}'", fs, fe, suggestion=suggestion,
        fix="unsafe" if style_only else "safe", confidence=0.6 if style_only else 1.0,
        source=f"{SOURCE}:{entry.kind}", canonical=entry.name,
    )


def _described_by_place_adjective(found: str, diff: list) -> bool:
    """Is ``found`` an adjective of a people or place followed by lower-case English words, the words
    that differ from the name (at word indexes ``diff``) among them? Then it also reads as a
    description (``Iraqi security forces``, ``the Canadian armed forces``), which house styles write
    that way: the name's casing is a guess, not a sure fix. Not when a capitalised word of the name
    follows (``the Chinese communist Party``).

    >>> [_described_by_place_adjective(f, d) for f, d in (("Iraqi security forces", [1, 2]),
    ...  ("United nations", [1]), ("iraqi Security Forces", [0]), ("Chinese communist Party", [1]))]
    [True, False, False, False]
    """
    words = found.split(" ")
    lex = lexicon()
    return 0 not in diff and len(words) > 1 and _adjective_of_place(words[0], lex) \
        and all(w.islower() and w in lex.lower for w in words[1:])


def _wire_index_style(found: str, diff: list) -> bool:
    """Are the lower-case words of the market index name ``found`` (at word indexes ``diff``) only the
    descriptors wire styles lower-case after the index's own name (``[casing] market_descriptors``),
    that name itself capitalised?

    >>> _wire_index_style("Nasdaq composite", [1]), _wire_index_style("nasdaq Composite", [0])
    (True, False)
    """
    words = found.split(" ")
    descriptors = _words("casing", "market_descriptors")
    return words[0][:1].isupper() and all(words[k] in descriptors for k in diff)


def _ordinary_lower_case(found: str, kind: str, style_words: set) -> bool:
    """May a gazetteer name of English words be written all in lower case: one word (``the nation``),
    a city or county, an event or a region (``the second world war``, ``the far north``: kinds of
    ``[casing] lower_case_kinds``), or a name whose head house styles lower-case (``the finance
    ministry``, a head described by one word at most)? Not ``the world bank``, ``general motors``,
    ``sky news``, a country's name of two words or more (``the united states``), nor a name of three
    content words or more (``the federal communications commission``).

    >>> style = {"ministry"}
    >>> [_ordinary_lower_case(f, k, style) for f, k in (("the nation", "outlet"), ("finance ministry", "institution"),
    ...  ("second world war", "event"), ("world bank", "organisation"), ("united states", "country"))]
    [True, True, True, False, False]
    >>> _ordinary_lower_case("the federal communications commission", "institution", {"commission"})
    False
    """
    if kind == "country" and " " in found.removeprefix("the "):
        return False  # "the united states": a country's name of English words is no ordinary phrase
    bare = found.removeprefix("the ").removeprefix("a ")
    return " " not in bare or (found.rsplit(" ", 1)[-1] in style_words and _described_head(bare)) \
        or kind in _GUESSABLE_KINDS or kind in _words("casing", "lower_case_kinds")


def _described_head(name: str) -> bool:
    """Is the lower-case name ``name``, which ends in a head that house styles lower-case, that head with
    at most one word describing it (``finance ministry``, ``justice department``)? Three content words or
    more are the name itself, which no style writes all in lower case (``the federal communications
    commission``, ``consumer financial protection bureau``, ``amazon web services``).

    >>> [_described_head(n) for n in ("finance ministry", "department of state", "federal communications commission")]
    [True, True, False]
    """
    return sum(1 for w in name.split(" ") if w not in _FUNCTION_WORDS) <= 2


def _modifier(text: str, end: int) -> bool:
    """Does a lower-case noun follow ``end``, so that the words before it are an ordinary phrase
    modifying it (``263 daily news organizations``, ``app store reviews``), not a verb or a function
    word after a name (``the world bank raised``, ``general motors and``)? Asked of two-word names
    only: three English words of a curated name in a row are the name (``the world health
    organization figures``).

    >>> _modifier("263 daily news organizations.", 14), _modifier("the world bank raised it", 14)
    (True, False)
    """
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return word not in _FUNCTION_WORDS and not _verb(word, lexicon())


_NEXT_WORD = re.compile(r" ([a-z]{3,})\b")
# "of" and a lower-case noun phrase after English words in lower case: a common noun with its own
# complement ("the general assembly of the club", "a world bank of seeds"), not the curated name
_COMPLEMENT = re.compile(r" of (?:(?:the|a|an|its|their|his|her|our|this|that|each|every) )?[a-z]{3,}\b")


def _region_style(found: str) -> bool:
    """Is ``found`` a region named by a lower-case compass point before a continent, as house styles
    write it (``south Asia``, ``south-east Asia``, ``sub-Saharan Africa``)?

    >>> _region_style("south Asia"), _region_style("sub-Saharan Africa"), _region_style("south Korea")
    (True, True, False)
    """
    first, _, rest = found.partition(" ")
    config = _pack()["casing"]
    return (first.islower() or first.lower() == "sub-saharan" and first[:1].islower()) \
        and first.lower() in config["region_qualifiers"] and rest.lower() in config["continents"] \
        and rest[:1].isupper()


def _compass_before_a_city(found: str) -> bool:
    """Is ``found``, a city's name of a compass point and another place's name (``East London``,
    ``East Jerusalem``), written with the compass point in lower case before a name the dictionary
    knows only as a name? House styles write the part of the other place so (``in east London``,
    ``east Jerusalem``): the city is rarely meant. A country (``south Korea``) or a state is no city.

    >>> _compass_before_a_city("east London"), _compass_before_a_city("east jerusalem"), _compass_before_a_city("East London")
    (True, False, False)
    """
    first, _, rest = found.partition(" ")
    return first.islower() and first in _pack()["casing"]["region_qualifiers"] and " " not in rest \
        and rest[:1].isupper() and rest[1:].islower() and rest.lower() in lexicon().names


def hyphenated_names(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G002: a gazetteer name in other casing before a hyphenated suffix (``a Sugar land-based firm``,
    ``New york-based``), which the word tokens hide inside ``land-based``."""
    gaz = gazetteer(_known_names(ctx))
    style_words = _words("casing", "style_lowercase")
    words, spans, text = toks.words, toks.spans, toks.text
    findings = []
    not_alpha = toks.not_alpha  # (a hyphenated word is not all letters: the few such words are read)
    for i in compress(not_alpha, map(str.__contains__, map(words.__getitem__, not_alpha), repeat("-"))):
        w = words[i]
        if not w[0].isalpha():
            continue
        head_end = spans[i][0] + w.index("-")
        for n in range(gaz.max_words - 1, 0, -1):
            j = i - n
            if j < 0 or not words[j][0].isupper():
                continue
            found = text[spans[j][0]:head_end]
            if "\n" in found:
                continue
            slot = gaz.forms.get(_key(found))
            if slot is None:
                continue
            start = spans[j][0]
            # no a/an test: in "a Sugar land-based firm" the article belongs to the compound
            finding = _casing_finding(doc, found, start, slot, "", style_words)
            if finding is not None:
                findings.append(Candidate(finding, (start, head_end), (start, head_end), overlap=True))
            break
    return findings


def _gazetteer_starts(toks: Tokens, gaz, number_variants: dict) -> list:
    """The mentions of the gazetteer's first words where :func:`gazetteer_names` may find something,
    ascending: all but those one plain space before a word that makes a plain pair (no ``’``, no
    ``'s``) that starts no name and is no number variant, which that pass passes over untouched. A
    quarter of an article's words are first words ("the", "to", "a"): the pairs are made and tested
    in C, not one by one.

    >>> toks = Tokens("In the White House, the man sat; the white house")
    >>> gaz = gazetteer(())
    >>> [toks.words[i] for i in toks.among(gaz.first_words)]
    ['In', 'the', 'White', 'House', 'the', 'the', 'white', 'house']
    >>> [toks.words[i] for i in _gazetteer_starts(toks, gaz, _derived(gaz, "number-variants", _number_variants))]
    ['White', 'House', 'white', 'house']
    """
    firsts = toks.among(gaz.first_words)
    if not firsts:
        return firsts
    gaps, low = toks.gaps, toks.low_words
    body = firsts[:-1] if firsts[-1] == len(low) - 1 else firsts
    seconds = list(map((1).__add__, body))
    pairs = list(map(" ".join, zip(map(low.__getitem__, body), map(low.__getitem__, seconds))))
    kept = map(or_, map(or_, map(" ".__ne__, map(gaps.__getitem__, seconds)), map(gaz.prefixes.__contains__, pairs)),
               map(or_, map(or_, map(number_variants.__contains__, pairs), map(str.__contains__, pairs, repeat("’"))),
                   map(str.endswith, pairs, repeat("'s"))))
    starts = list(compress(body, kept))
    if body is not firsts:
        starts.append(firsts[-1])  # the last word of the text
    return starts


def _gazetteer_starts_in(toks: Tokens, lo: int, hi: int, gaz, number_variants: dict) -> list:
    """:func:`_gazetteer_starts` among the tokens ``lo:hi`` (a line's), read token by token.

    >>> toks = Tokens("In the White House, the man sat; the white house")
    >>> gaz = gazetteer(())
    >>> variants = _derived(gaz, "number-variants", _number_variants)
    >>> _gazetteer_starts_in(toks, 0, len(toks.words), gaz, variants) == _gazetteer_starts(toks, gaz, variants)
    True
    """
    low, gaps = toks.low_words, toks.gaps
    last = len(low) - 1
    first_words, prefixes = gaz.first_words, gaz.prefixes
    out = []
    for i in range(lo, hi):
        w = low[i]
        if w in first_words:
            if i == last or gaps[i + 1] != " ":
                out.append(i)
                continue
            pair = w + " " + low[i + 1]
            if pair in prefixes or pair in number_variants or "’" in pair or pair.endswith("'s"):
                out.append(i)
    return out


def gazetteer_names(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G002 casing and G003 of/for swaps of gazetteer names.

    ``the Associated press said`` → ``the Associated Press said``;
    ``Syrian Observatory of Human Rights`` → ``Syrian Observatory for Human Rights``.

    A line's candidates are kept in ``ctx.memo`` under its text (:func:`cleaner.checks.name_lines.kept_by_line`)
    and found again only where the pass read beyond the line (:func:`_gazetteer_in`).
    """
    known = _known_names(ctx)
    gaz = gazetteer(known)
    number_variants = _derived(gaz, "number-variants", _number_variants)
    return kept_by_line(doc, toks, ctx, "G gazetteer", known,
                        lambda starts: _gazetteer_in(doc, toks, starts, gaz, number_variants),
                        lambda: _gazetteer_starts(toks, gaz, number_variants),
                        lambda lo, hi: _gazetteer_starts_in(toks, lo, hi, gaz, number_variants))


def _gazetteer_in(doc: Document, toks: Tokens, starts: list, gaz, number_variants: dict) -> tuple:
    """:func:`gazetteer_names`'s candidates at ``starts`` (ascending), as (token, candidate), and the
    tokens where it read beyond the token's line: the article's house casing of a name, the word
    before a name that starts a line."""
    style_words = _words("casing", "style_lowercase")
    findings = []
    tagged: list = []  # the start each finding was found at
    volatile = []
    words = toks.words
    n_tokens = len(words)
    after = 0  # the first word not yet inside a name found
    gaps, low_words = toks.gaps, toks.low_words
    last_start = None
    for i in starts:
        if len(tagged) < len(findings):
            tagged.extend([last_start] * (len(findings) - len(tagged)))
        last_start = i
        if i < after:
            continue
        first_in_line = i and "\n" in gaps[i]  # (the word before it is on another line)
        if i + 1 < n_tokens and gaps[i + 1] == " ":  # the common case, without slicing the text
            pair = low_words[i] + " " + low_words[i + 1]
            if pair not in gaz.prefixes and "’" not in pair and _unpossessed(pair) not in gaz.prefixes:
                if pair in number_variants and not toks.sentence_initial(i):
                    # a two-word name with its last word in the other number ("the Federal reserves")
                    if first_in_line:
                        volatile.append(i)
                    _number_variant(doc, toks, i, 2, gaz, findings)
                continue
        matched = 0
        # how far can a gazetteer name starting here reach? extend while the text is a name prefix
        reach = 1
        while reach < min(gaz.max_words, n_tokens - i):
            found = toks.slice(i, reach + 1)
            if found is None:
                break
            key = _key(found)
            if key not in gaz.prefixes and _unpossessed(key) not in gaz.prefixes:
                break
            reach += 1
        for n in range(reach, 1, -1):
            found = toks.slice(i, n)
            if found is None:
                continue
            found = _unpossessed(found)  # "the Hall on Fame’s class": the name without its possessive
            key = _key(found)
            start = toks.spans[i][0]
            end = start + len(found)
            if key in gaz.forms:
                matched = n
                if first_in_line:
                    volatile.append(i)
                finding = _casing_finding(doc, found, start, gaz.forms[key], words[i - 1] if i else "", style_words,
                                          toks.sentence_initial(i))
                if finding is not None:
                    volatile.append(i)
                    if _house_casing(toks, i, n, found, gaz.forms[key][1]):
                        finding = None  # "the Kuiper belt" throughout: the article's house style
                if finding is not None:
                    findings.append(Candidate(finding, take=(start, end)))
                break
            if key in gaz.swaps and found[:1].isupper():
                entry, spelling = gaz.swaps[key]
                offsets = _word_offsets(found, start)
                fw = found.split(" ")
                sw = spelling.split(" ")
                swap = None
                for k, w in enumerate(fw):
                    if w.lower() in SWAPS and sw[k].lower() == SWAPS[w.lower()]:
                        fs, fe = offsets[k]
                        swap = doc.finding(
                            "G003", f"'{found}' is written '{spelling}'", fs, fe, suggestion=sw[k],
                            fix="safe", source=f"{SOURCE}:{entry.kind}", canonical=entry.name,
                        )
                        break
                findings.append(Candidate(swap, take=(start, end)))
                matched = n
                break
        if not matched and reach + 1 <= n_tokens - i:
            if first_in_line:
                volatile.append(i)
            matched = _number_variant(doc, toks, i, reach + 1, gaz, findings)
        after = i + max(matched, 1)
    tagged.extend([last_start] * (len(findings) - len(tagged)))
    return list(zip(tagged, findings)), volatile


def _house_casing(toks: Tokens, i: int, n: int, found: str, spellings) -> bool:
    """Does the article write the gazetteer name ``found`` (``n`` tokens from ``i``) exactly so at least
    ``HOUSE_FORM_MIN`` times and never as the gazetteer spells it (``the Kuiper belt`` three times, ``Wall
    street`` twice)? Then the casing is the house style, not a slip.

    >>> t = Tokens("Mountains in the Kuiper belt. The Kuiper belt objects. Into the Kuiper belt.")
    >>> _house_casing(t, 3, 2, "Kuiper belt", {"Kuiper Belt"})
    True
    >>> t = Tokens("The Kuiper Belt is far. The Kuiper belt objects. Into the Kuiper belt.")
    >>> _house_casing(t, 6, 2, "Kuiper belt", {"Kuiper Belt"})
    False
    """
    memo = per_text_memo(toks)
    known = memo.get(("house casing", found))
    if known is not None:  # (once per form and text: a long text repeats a name many times)
        return known
    same = 0
    for j in islice(toks.where(toks.low_words[i]), MENTIONS_SCANNED):
        written = toks.slice(j, n)
        if written is None:
            continue
        written = _unpossessed(written)
        if written in spellings:
            same = 0
            break
        same += written == found
    known = memo["house casing", found] = same >= HOUSE_FORM_MIN
    return known


def _number_variant(doc: Document, toks: Tokens, i: int, n: int, gaz, findings: list) -> int:
    """G002 (unsafe) for a gazetteer name whose last word is lower-cased and in the other number
    (``the World Health organizations``, ``Jeb bushes``): the name's own last word. Appends the finding
    and returns ``n``, or returns 0."""
    found = toks.slice(i, n)
    if found is None or not found[:1].isupper():
        return 0
    last = toks.words[i + n - 1]
    if not last.isalpha() or not last.islower():
        return 0
    if last.endswith("s") and i and toks.low_words[i - 1] in _COORDINATORS:
        return 0  # "the Treasury and State departments": one plural head shared by two names
    slot = _derived(gaz, "number-variants", _number_variants).get(_key(found))
    if slot is None:
        return 0
    entry, spelling = slot
    if entry.kind in _GUESSABLE_KINDS or found.rsplit(" ", 1)[0] != spelling.rsplit(" ", 1)[0]:
        return 0  # (other words differ too: the consistency pass or the whole name's casing says more)
    start, end = toks.spans[i + n - 1]
    right = spelling.split(" ")[-1]
    findings.append(Candidate(doc.finding(
        "G002", f"'{found}' is written '{spelling}'", start, end, suggestion=right, fix="unsafe",
        confidence=0.6, source=f"{SOURCE}:{entry.kind}", canonical=entry.name,
    ), take=(toks.spans[i][0], end)))
    return n


_COORDINATORS = frozenset({"and", "or", "&"})


def _number_variants(gaz) -> dict:
    """Multiword gazetteer forms with the last word in the other number (``world health
    organizations``), each as (entry, accepted spelling); a variant that is itself a form is none."""
    index: dict = {}
    for key, (entry, spellings) in gaz.forms.items():
        words = key.split(" ")
        if len(words) < 2 or not words[-1].isalpha():
            continue
        for variant in _plural_variants(words):
            vk = " ".join(variant)
            if vk not in gaz.forms and vk not in gaz.swaps:
                index.setdefault(vk, (entry, min(spellings)))
    return index


def _plural_variants(words: list) -> list:
    """``words`` with the last word in the other number, by every regular ending that could apply
    (a lookup key each: a form no text writes costs nothing).

    >>> [" ".join(v) for v in _plural_variants(["Mystery", "Dining", "Company"])]
    ['Mystery Dining Companys', 'Mystery Dining Companies']
    >>> [v[-1] for v in _plural_variants(["the", "Houses"])], [v[-1] for v in _plural_variants(["Red", "Cross"])]
    (['House', 'Hous'], ['Crosss', 'Crosses'])

    A name that ends in a letter has no other number: ``Google I`` (of ``Google I/O``) is no ``Google is``.

    >>> _plural_variants(["Google", "I"])
    []
    """
    last = words[-1]
    if len(last) < 2:
        return []
    if last.endswith("ies") and len(last) > 4:
        out = [last[:-3] + "y"]
    elif last.endswith("es") and last[-3:-2] in ("s", "x", "h"):
        out = [last[:-1], last[:-2]]  # "Houses" / "Crosses"
    elif last.endswith("s") and not last.endswith("ss"):
        out = [last[:-1]]
    else:
        out = [last + "s"]
        if last.endswith("y") and last[-2:-1].lower() not in ("a", "e", "i", "o", "u", ""):
            out.append(last[:-1] + "ies")
        elif last.endswith(("s", "x", "ch", "sh")):
            out.append(last + "es")
    return [words[:-1] + [v] for v in out]


def article_names(doc: Document, toks: Tokens) -> dict:
    """Multiword capitalised names the article uses (outside headline-like lines), by normalised form
    (:func:`cleaner.checks.name_lines.names_at`), each with its first form.

    >>> doc = Document("Syrian Democratic Forces Say\\n\\nThe fighters of the Syrian Democratic Forces held the town that "
    ...                "the rebels took, an official of Acme Corp said on the phone.")
    >>> article_names(doc, doc.tokens)
    {'syrian democratic forces': 'Syrian Democratic Forces', 'acme corp': 'Acme Corp'}
    """
    names: dict = {}
    headline_spans = toks.headlines(doc)[0]
    spans = toks.spans
    for i, entries in names_at(toks, two_word_starts(toks)):
        if not _within(headline_spans, spans[i][0]):
            for key, form in entries:
                names.setdefault(key, form)
    return names


LOWER_FIRST_MAX_ZIPF = 5.6  # a name's lower-cased first word is judged only when rarer than this
HOUSE_FORM_MIN = 2  # a form the article writes this often is its own usage, not a slip


def consistency(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G004: a name the article writes properly elsewhere, here with other casing, number or of/for.

    ``Syrian Democratic Forces (SDF) ... the Syrian democratic force`` → ``the Syrian Democratic Forces``.

    The article's names are its lines' (:func:`cleaner.checks.name_lines.line_facts`); a line's
    candidates are kept in ``ctx.memo`` under its text and the names, and found again only where the
    pass read the rest of the article (:func:`_consistency_in`) or the line or the names changed.

    >>> doc = Document("The fighters of the Syrian Democratic Forces (SDF) held the town that the rebels took.\\n"
    ...                "Later the Syrian democratic force said that it would stay there for the winter.")
    >>> from types import SimpleNamespace
    >>> ctx = SimpleNamespace(settings=None, batch={}, memo={})
    >>> [(c.finding.excerpt, c.finding.suggestion) for c in consistency(doc, ctx, doc.tokens)]
    [('Syrian democratic force', 'Syrian Democratic Forces')]
    >>> fixed = Document("Late on Monday the fighters of the Syrian Democratic Forces (SDF) held the town that the rebels took.\\n"
    ...                  "Later the Syrian democratic force said that it would stay there for the winter.")
    >>> [(c.finding.start, c.finding.excerpt) for c in consistency(fixed, ctx, fixed.tokens)]  # (the line's start moved)
    [(112, 'Syrian democratic force')]
    """
    names = article_names_by_line(doc, toks, ctx)
    if not names:
        return []
    signature, facts = _consistency_facts(ctx, names, toks)
    gaz, lex = gazetteer(_known_names(ctx)), lexicon()
    return kept_by_line(doc, toks, ctx, "G004 consistency", signature,
                        lambda starts: _consistency_in(doc, toks, starts, facts, gaz, lex),
                        lambda: _name_starts(toks, facts.first, facts.prefixes),
                        lambda lo, hi: _name_starts_in(toks, lo, hi, facts))


class _NameForms:
    """What :func:`consistency` reads of the article's names: the names by key (their first form),
    the other forms to look for (``variants``: plurals, joining words swapped, by key, with the name's
    form), every word-prefix of two words or more of a name or variant (``prefixes``; ``seconds``: the
    second words of the two-word ones by their first), the first words, the longest name's words, and
    the second words of the names by their first (``lower_starts``)."""

    __slots__ = ("names", "variants", "first", "prefixes", "seconds", "max_words", "lower_starts")

    def __init__(self, names: dict, variants: dict):
        self.names, self.variants = names, variants
        max_words = 0
        first = set()
        prefixes = set()  # every word-prefix of two words or more of a name or variant (the names too)
        add = prefixes.add
        for k in chain(names, variants):
            # (each prefix is the key cut before its 2nd, 3rd, ... space: " ".join(k.split(" ")[:m]), a
            # third of the time)
            at = k.find(" ")
            if at < 0:
                first.add(k)
                max_words = max(max_words, 1)
                continue
            first.add(k[:at])
            n_words = 2
            at = k.find(" ", at + 1)
            while at >= 0:
                add(k[:at])
                n_words += 1
                at = k.find(" ", at + 1)
            add(k)
            max_words = max(max_words, n_words)
        # a name all in lower case: the second words of the names by their first (tested word by word,
        # not by a pair string made at each mention of a first word: common words, on a long text)
        lower_starts: dict = {}
        for k in names:
            head, second = k.split(" ", 2)[:2]
            lower_starts.setdefault(head, set()).add(second)
        self.first, self.prefixes, self.seconds = first, prefixes, None
        self.max_words, self.lower_starts = max_words, lower_starts

    def second_words(self) -> dict:
        """The second words of the two-word prefixes, by their first word (made on first use)."""
        if self.seconds is None:
            self.seconds = {}
            for pair in self.prefixes:
                a, _, b = pair.partition(" ")
                if " " not in b:
                    self.seconds.setdefault(a, set()).add(b)
        return self.seconds


def _variant_forms(names: dict) -> tuple:
    """(the other forms of ``names``: {key: the name's form}, and (name key, other key, form) for each
    other form that is a name of the article too): plurals, and another joining word in place of the
    name's own, not a locative one, which may start a description of a place (``Pepperdine University
    in California`` beside ``University of California``)."""
    config = _pack()["function_words"]
    joining = [w for w in config["swap_words"] if w not in config["swap_locative"]]
    variants: dict = {}
    both = []  # a swapped form the article also uses as a name
    for key, form in names.items():
        words = form.split(" ")
        for v in _plural_variants(words):
            vk = _norm(" ".join(v))
            if vk not in names:
                variants.setdefault(vk, form)
        for k, w in enumerate(words[1:-1], 1):
            if w in SWAPS or w in joining:
                for other in {SWAPS.get(w), *joining} - {w, None}:
                    vk = _norm(" ".join(words[:k] + [other] + words[k + 1:]))
                    if vk not in names:
                        variants.setdefault(vk, form)
                    else:
                        both.append((key, vk, form))
    return variants, both


def _consistency_facts(ctx, names: dict, toks: Tokens) -> tuple:
    """(what the candidates depend on besides their lines: the names and the rare forms, the
    :class:`_NameForms` of ``names``), kept in ``ctx.memo`` while the names are as they were. A
    swapped form the article also uses, but less often than the name's own, is a variant, not a name
    ("Wheel of Time" x3, "Wheel for Time" x1): counted in the text each time (it is rare)."""
    items = tuple(names.items())
    memo = getattr(ctx, "memo", None)
    entry = None if memo is None else memo.get("G004 names")
    if entry is None or entry[0] != items:
        entry = (items, _variant_forms(names), {})
        if memo is not None:
            memo["G004 names"] = entry
    _, (variants, both), by_rare = entry
    rare: dict = {}
    for key, vk, form in both:
        if toks.lowered.count(key) > toks.lowered.count(vk):
            rare[vk] = form
    rare_items = tuple(rare.items())
    facts = by_rare.get(rare_items)
    if facts is None:
        names, variants = dict(names), dict(variants)
        for vk, form in rare.items():
            names.pop(vk, None)
            variants.setdefault(vk, form)
        facts = by_rare[rare_items] = _NameForms(names, variants)
    return (items, rare_items), facts


def _consistency_in(doc: Document, toks: Tokens, starts: list, facts: _NameForms, gaz, lex) -> tuple:
    """:func:`consistency`'s candidates at ``starts`` (ascending), as (token, candidate), and the tokens where it read the article beyond the token's
    line and the names (a word pair's uses, a descriptor's name elsewhere, a name in running text):
    the candidates of their lines are found again in every fix round. What it finds at a start
    depends on nothing before the start's line: a name ends at a line's end."""
    names, variants, prefixes, max_words, lower_starts = \
        facts.names, facts.variants, facts.prefixes, facts.max_words, facts.lower_starts
    found_here = []
    volatile = []
    words, gaps, low_words = toks.words, toks.gaps, toks.low_words
    after = 0  # the first word not yet inside a name found
    capitalised = toks.capitalised

    def house_form(i: int, found: str, form: str) -> bool:
        """Does the article write ``found``'s first differing pair of words this way at least
        ``HOUSE_FORM_MIN`` times (``South Yorkshire police`` three times beside one ``South Yorkshire
        Police``)? Then it is the article's own usage, not a slip. A possessive is the same usage (``the
        Scottish parliament`` and ``the Scottish parliament’s powers`` beside one ``Scottish
        Parliament``)."""
        fw, cw = found.split(" "), form.split(" ")
        k = next((k for k, (a, b) in enumerate(zip(fw, cw)) if a != b), len(fw) - 1)
        k = max(k, 1)
        if i + k >= len(words):
            return False
        return _pair_uses(toks, words[i + k - 1], words[i + k]) >= HOUSE_FORM_MIN
    for i in starts:
        # a name starts capitalised, or with its first word lower-cased before its capitalised rest ("the
        # blossom Music Center"), when that word is no small or very common word ("said Scott Smith"),
        # or in lower case throughout ("around new york" beside "New York")
        if i < after or not (capitalised[i] or (
                i + 1 < len(words) and capitalised[i + 1] and words[i].islower() and words[i] not in _FUNCTION_WORDS
                and words[i] not in _CONNECTORS and lex.zipf(words[i]) < LOWER_FIRST_MAX_ZIPF)
                or (i + 1 < len(words) and low_words[i + 1] in lower_starts.get(low_words[i], ()) and gaps[i + 1] == " "
                    and words[i].islower() and words[i + 1].islower())):
            continue
        lowered = i + 1 < len(words) and not capitalised[i] and not capitalised[i + 1]  # (a name all in lower case)
        if i + 1 < len(words) and gaps[i + 1] == " ":  # the common case, without slicing the text
            pair = low_words[i] + " " + low_words[i + 1]
            if pair not in prefixes and "’" not in pair and pair.isprintable() and _unpossessed(pair) not in prefixes:
                continue
        hit = 0
        # a name of n words here needs its first 2 .. n - 1 words to be a prefix of one: look no further
        runs = [None, None]  # runs[n]: (slice, key) of n words
        while len(runs) <= min(max_words, len(words) - i):
            found = toks.slice(i, len(runs))
            key = _norm(found) if found is not None else None
            if key not in prefixes:
                base = _unpossessed(key) if key is not None else key
                if base == key or base not in prefixes:
                    break
                runs.append((_unpossessed(found), base))  # "the fort Worth's police": the name itself
                break
            runs.append((found, key))
        for n in range(len(runs) - 1, 1, -1):
            found, key = runs[n]
            if key in names and (found == names[key] or found.isupper()):
                hit = n  # the name as the article writes it (most mentions): what every test below ends in
                break
            start = toks.spans[i][0]
            end = start + len(found)  # (before a possessive the name ends there)
            if (key in names or key in variants) and _common_phrase_at_start(toks, i, found, lex):
                hit = n
                break
            if key in variants and _count_noun(found, variants[key]):
                hit = n
                break
            if key in names:
                form = names[key]
                if found == form or found.isupper():
                    hit = n
                    break
                diff = _case_diff(found, form)
                if diff:
                    volatile.append(i)
                if diff and (house_form(i, found, form) or _descriptor(toks, i, found, diff)
                             or _ordinary_difference(found, form)
                             or (lowered and not (found.islower() and _lowered_name(
                                 toks, found, key, form, gaz, lex, low_words[i - 1] if i else "")))):
                    hit = n
                    break
                if diff:
                    offsets = _word_offsets(found, start)
                    fs, fe = offsets[diff[0]][0], offsets[diff[-1]][1]
                    found_here.append((i, Candidate(doc.finding(
                        "G004", f"'{found}' is written '{form}' elsewhere in this article", fs, fe,
                        suggestion=form[fs - start:fe - start], fix="unsafe", confidence=0.7,
                        source=f"{SOURCE}:article",
                    ), (start, end), (start, end), overlap=True)))
                hit = n
                break
            if key in variants:
                form = variants[key]
                volatile.append(i)
                if house_form(i, found, form) or _ordinary_difference(found, form) or lowered \
                        or (key in gaz.forms and _key(form) not in gaz.forms):
                    # (the name as the gazetteer knows it, beside the article's other form: that
                    # other form is the slip, "Bank of England" in a headline beside "the Bank for
                    # England", and the gazetteer's own pass reports it)
                    hit = n
                    break
                found_here.append((i, _claim(doc.finding(
                    "G004", f"'{found}' is written '{form}' elsewhere in this article", start, end,
                    suggestion=form, fix="unsafe", confidence=0.7, source=f"{SOURCE}:article",
                ), overlap=True)))
                hit = n
                break
        after = i + max(hit, 1)
    return found_here, volatile


def _name_starts_in(toks: Tokens, lo: int, hi: int, facts: _NameForms) -> list:
    """:func:`_name_starts` among the tokens ``lo:hi`` (a line's), read token by token: a word of
    ``facts.first`` before a gap other than one plain space, or last, or before the second word of a
    two-word prefix, or with or before a word with an apostrophe or a character that does not print.

    >>> toks = Tokens("The New York Times said. The new rules of The Times. The")
    >>> facts = _NameForms({"new york times": "New York Times", "the times": "The Times"}, {})
    >>> _name_starts_in(toks, 0, len(toks.words), facts) == _name_starts(toks, facts.first, facts.prefixes)
    True
    """
    low, gaps = toks.low_words, toks.gaps
    n = len(low)
    first, seconds = facts.first, facts.second_words()
    out = []
    for i in range(lo, hi):
        w = low[i]
        if w not in first:
            continue  # (the first word of every prefix is a first word)
        if i + 1 >= n or gaps[i + 1] != " " or low[i + 1] in seconds.get(w, ()) or _unusual(w) or _unusual(low[i + 1]):
            out.append(i)
    return out


def _unusual(word: str) -> bool:
    """Has ``word`` an apostrophe or a character that does not print (:func:`_unusual_words`)?"""
    return "'" in word or "’" in word or not word.isprintable()


def _name_starts(toks: Tokens, first: set, prefixes: set) -> list:
    """The indexes of the words of ``first`` where :func:`consistency` may find a name, ascending: a
    pair of words one plain space apart that is in ``prefixes`` (every name's first two words are),
    and a word of ``first`` before any other gap, last in the text, or beside a word with an
    apostrophe or a character that does not print (the possessive and normalising paths read
    those). The others fail the pass's pair test, so it finds what it found at every mention of a
    first word; read from the pairs' mentions, not from every mention of every first word: a long
    text's names start with common words ("New", "The"), whose mentions grew 39x for 10x words.

    >>> toks = Tokens("The New York Times said. The new rules of The Times. The")
    >>> _name_starts(toks, {"the", "new"}, {"new york", "new york times", "the times"})
    [1, 9, 11]
    """
    low, gaps = toks.low_words, toks.gaps
    n = len(low)
    where = toks.where
    starts = set()
    seconds: dict = {}  # a first word -> the second words of the pairs it starts
    for pair in prefixes:
        a, _, b = pair.partition(" ")
        if " " not in b:  # (a longer prefix: its first two words are a prefix too)
            seconds.setdefault(a, []).append(b)
    for a, bs in seconds.items():
        at_a = where(a)
        if not at_a:
            continue
        pairs = [(b, at_b) for b, at_b in zip(bs, map(where, bs)) if at_b]
        if len(pairs) > 1 and sum(min(len(at_a), len(at_b)) for _, at_b in pairs) > len(at_a):
            # one walk over the first word's mentions for all its pairs: a walk per pair over the rarer
            # word's mentions grew with the pairs times the mentions (a long text's names share first
            # words, "Federal", "New", and the words of its title-case headings: quadratic)
            wanted = {b for b, _ in pairs}
            starts.update(i for i in at_a if i + 1 < n and gaps[i + 1] == " " and low[i + 1] in wanted)
            continue
        for b, at_b in pairs:
            if len(at_a) <= len(at_b):
                starts.update(i for i in at_a if i + 1 < n and low[i + 1] == b and gaps[i + 1] == " ")
            else:
                starts.update(j - 1 for j in at_b if j and low[j - 1] == a and gaps[j] == " ")
    # a first word before a gap other than one plain space, or last: read at the first words' mentions
    # (a few in a hundred words), the gaps after them tested in C
    for w in first:
        at = where(w)
        if at and at[-1] == n - 1:
            starts.add(n - 1)
            at = at[:-1]
        starts.update(compress(at, map(" ".__ne__, map(gaps.__getitem__, map((1).__add__, at)))))
    for w in _unusual_words(toks):
        at = where(w)
        if w in first:
            starts.update(at)
        starts.update(j - 1 for j in at if j and low[j - 1] in first)
    return sorted(starts)


def _unusual_words(toks: Tokens) -> list:
    """The distinct lower-cased words of ``toks`` with an apostrophe or a character that does not print,
    in the order of :meth:`Tokens.distinct_lowered`, found in C once per text.

    >>> _unusual_words(Tokens("Fame’s hall, the hall's door, don't"))
    ['fame’s', "hall's", "don't"]
    """
    memo = per_text_memo(toks)
    known = memo.get("unusual words")
    if known is None:
        distinct = list(toks.distinct_lowered())
        joined = " ".join(distinct)  # (no word holds a space)
        if joined.isprintable():  # (most texts: the words with an apostrophe, in order, by one search)
            known = memo["unusual words"] = _APOSTROPHE_WORD.findall(joined)
        else:
            known = memo["unusual words"] = list(compress(distinct, map(or_, map(or_, map(
                str.__contains__, distinct, repeat("'")), map(str.__contains__, distinct, repeat("’"))), map(
                not_, map(str.isprintable, distinct)))))
    return known


# a word with an apostrophe, among words joined by spaces: tried only at a word's start, and no part can
# be matched two ways (linear on a megabyte word)
_APOSTROPHE_WORD = re.compile("(?<![^ ])[^ '’]*+['’][^ ]*+")


RUNNING_NAME_MIN = 2  # a name of English words written so often mid-sentence is one, in lower case a slip


def _lowered_name(toks: Tokens, found: str, key: str, form: str, gaz, lex, before: str = "") -> bool:
    """Is ``found``, a name the article writes ``form`` elsewhere, written all in lower case here by
    a slip (``around new york`` beside ``New York``), not as ordinary words a heading or a title
    capitalised (``terms of service`` beside a heading's ``Terms of Service``)? The article writes
    ``form`` in running text (after a lower-case word), and there is a second piece of evidence: a
    word of it no dictionary has in lower case (``york``, ``datapalooza``), or a name the gazetteer
    knows (``white house``); a name of English words only needs the article to write it so in running
    text ``RUNNING_NAME_MIN`` times and ``the`` before it here (``before``, the word before: ``the College
    Scorecard`` twice, then ``the college scorecard``; not ``your first social security card`` beside
    ``Social Security``, an ordinary phrase).

    >>> from cleaner.lexicon import lexicon
    >>> t = Tokens("Trains to New York are late. It turned up around new york. See Terms of Service.")
    >>> _lowered_name(t, "new york", "new york", "New York", gazetteer(()), lexicon())
    True
    >>> _lowered_name(t, "terms of service", "terms of service", "Terms of Service", gazetteer(()), lexicon())
    False
    >>> t = Tokens("We built the College Scorecard. Users of the College Scorecard like the college scorecard.")
    >>> _lowered_name(t, "college scorecard", "college scorecard", "College Scorecard", gazetteer(()), lexicon(), "the")
    True
    >>> _lowered_name(t, "college scorecard", "college scorecard", "College Scorecard", gazetteer(()), lexicon(), "first")
    False
    """
    head = form.split(" ", 1)[0]
    words, gaps = toks.words, toks.gaps
    n = form.count(" ") + 1
    running = (j for j in islice(toks.where(head.lower()), MENTIONS_SCANNED)
               if words[j] == head and j and gaps[j] == " " and words[j - 1].islower())
    if key in gaz.forms or not all(w in lex.lower for w in found.split(" ") if w.isalpha()):
        return next(running, None) is not None
    # English words only: after "the", not a role (a title's house style: "the product owner" beside
    # "the Product Owner"), and the article writes the name so in running text at least twice
    if before != "the" or found.rsplit(" ", 1)[-1] in _words("name_parts", "roles"):
        return False
    return sum(1 for j in running if toks.slice(j, n) == form) >= RUNNING_NAME_MIN


def _ordinary_difference(found: str, form: str) -> bool:
    """Is what ``found`` writes otherwise than the article's ``form`` of a name ordinary English, not a
    slip in the name: only small words a title capitalises (``Authority to Operate`` beside a title's
    ``Authority To Operate``, ``Made in Space``), a word after a possessive, which ends the name before it
    (``the Census Bureau’s data``), or the word beside an acronym in a pair (``a WHD investigator``,
    ``supports HTTPS``, ``an amended TOS`` beside ``WHD Investigators``, ``Supports HTTPS``): the acronym
    is the name, the word an ordinary one a heading or a title capitalised?

    >>> _ordinary_difference("Authority to Operate", "Authority To Operate"), _ordinary_difference("Census Bureau’s data", "Census Bureau’s Data")
    (True, True)
    >>> _ordinary_difference("WHD investigator", "WHD Investigators"), _ordinary_difference("amended TOS", "Amended TOS")
    (True, True)
    >>> _ordinary_difference("Syrian democratic force", "Syrian Democratic Forces"), _ordinary_difference("UN security Council", "UN Security Council")
    (False, False)
    >>> _ordinary_difference("Development Bank to Singapore", "Development Bank of Singapore")
    False
    """
    fw, cw = found.split(" "), form.split(" ")
    if len(fw) != len(cw):
        return False
    changed = [k for k, (a, b) in enumerate(zip(fw, cw)) if a != b]
    if not changed:
        return False
    if all(fw[k].lower() == cw[k].lower() and (fw[k].lower() in _FUNCTION_WORDS or fw[k].lower() in _CONNECTORS)
           for k in changed):
        return True  # (another small word is a swapped joining word: "Development Bank to Singapore")
    if any(k and fw[k - 1].endswith(("'s", "’s", "s'", "s’")) for k in changed):
        return True
    return len(fw) == 2 and len(changed) == 1 and _ACRONYM.fullmatch(fw[1 - changed[0]]) is not None


def _common_phrase_at_start(toks: Tokens, i: int, found: str, lex) -> bool:
    """Does ``found`` start a sentence with an ordinary word, every other word in lower case
    (``Keyword research is the foundation``, ``Content guides exist``)? Its one capital is the
    sentence's: an ordinary phrase, whatever name the article makes of the same words elsewhere."""
    first, _, rest = found.partition(" ")
    return rest.islower() and first.lower() in lex.lower and toks.sentence_initial(i)


def _descriptor(toks: Tokens, i: int, found: str, diff: list) -> bool:
    """Is only ``found``'s last word lower case, a common noun describing the name before it
    (:func:`casing.lowered_descriptor`: ``the Space Shuttle program``)?"""
    words = found.split(" ")
    last = len(words) - 1
    if diff != [last] or not last or i + last >= len(toks.words) or not toks.words[i + last].startswith(words[last]):
        return False  # (a name whose words are not one token each is left to the other tests)
    return lowered_descriptor(toks, i + last, i)


def _count_noun(found: str, form: str) -> bool:
    """Is ``found`` the name ``form`` in the other number, capitalised as the name is (``Dark Sky Parks
    are rare`` beside ``Dark Sky Park status``)? A name's term used as a count noun: grammar, not a slip.

    >>> _count_noun("Dark Sky Parks", "Dark Sky Park"), _count_noun("Syrian Democratic force", "Syrian Democratic Forces")
    (True, False)
    """
    fw, cw = found.split(" "), form.split(" ")
    return len(fw) == len(cw) and fw[:-1] == cw[:-1] and fw[-1] != cw[-1] and fw[-1][:1].isupper() \
        and cw[-1][:1].isupper()


_POSSESSIVE = re.compile(r"['’]s?$")


def joining_word_majority(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G004 (unsafe): ``A of B`` between two capitalised words where the article writes ``A for B``
    at least twice and more often (``Meal Prep Menu of Eating Plan B`` beside three ``Menu for Eating
    Plan`` headings): the names around the pair may differ, the pair is the same name's. A ``the``
    after the joining word is read past (``Man of the Match``). The name's word may be any joining
    word (``Authority to Operate``); a locative one (``in``, ``at``), written or taken, only before a
    word that starts no place the gazetteer or GeoNames knows (``the Office at Natural Resources``
    beside four ``Office of Natural Resources``, ``the Church in Scientology``; not ``the Bank in
    London`` beside ``the Bank of London``)."""
    config = _pack()["function_words"]
    locative = set(config["swap_locative"])
    joining = set(config["swap_words"])
    gaz = gazetteer(_known_names(ctx))
    words, low, cap, gaps = toks.words, toks.low_words, toks.capitalised, toks.gaps
    n_words = len(words)
    seen: dict = {}  # (A, B) lower-cased -> {joining word: [token indexes]}
    for i in toks.among(joining):
        if not 0 < i < n_words - 1 or not cap[i - 1] or gaps[i] != " " or gaps[i + 1] != " " \
                or not words[i].islower():
            continue
        k = i + 1
        if low[k] == "the" and words[k] == "the" and k + 1 < n_words and gaps[k + 1] == " ":
            k += 1
        if cap[k] and "." not in words[k]:  # (a possessive is the same name's: "the Church of Scientology’s website")
            seen.setdefault((low[i - 1], _POSSESSIVE.sub("", low[k])), {}).setdefault(low[i], []).append(i)
    findings = []
    for (a, b), by_word in seen.items():
        if len(by_word) < 2:
            continue
        ranked = sorted(by_word.items(), key=lambda kv: -len(kv[1]))
        right, uses = ranked[0]
        if right not in JOINING or len(uses) < 2 or len(uses) == len(ranked[1][1]):
            continue  # the name's own word is a joining word, written at least twice and most often
        place = None
        for wrong, indexes in ranked[1:]:
            if wrong not in JOINING:
                continue  # "Opening Data and Data Visualization": two names, not one
            if wrong in locative or right in locative:
                if place is None:  # "Bank in London" beside "Bank of London": where, not a slip
                    k = indexes[0] + (2 if low[indexes[0] + 1] == "the" else 1)
                    place = _place_at(gaz, low, k) or _city_at(toks, k)
                if place:
                    continue
            for i in indexes:
                start, end = toks.spans[i]
                k = i + (2 if words[i + 1] == "the" else 1)
                if k > i + 1 and _title_case_line(toks.text, start):
                    continue  # a heading's phrase around "the" ("Top 5 Posts of the Year" beside two
                    # "Posts for the Year"); headings' names are compared without it
                pair = toks.text[toks.spans[i - 1][0]:toks.spans[k][1]]
                right_pair = f"{words[i - 1]} {right}{pair[len(words[i - 1]) + 1 + len(wrong):]}"
                findings.append(_claim(doc.finding(
                    "G004", f"'{pair}' is written '{right_pair}' {len(uses)} times in "
                    "this article", start, end, suggestion=right, fix="unsafe", confidence=0.6,
                    source=f"{SOURCE}:article",
                )))
    return findings


def wrong_function_word(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G003 (unsafe): ``for`` where a name's head word takes ``of``, or ``of`` where it takes ``for``.

    ``André Neu, Head for Platform Solutions`` → ``Head of Platform Solutions``;
    ``the Chinese Center of Disease Control`` → ``Center for Disease Control``.
    """
    config = _pack()["function_words"]
    heads = {"for": set(config["of_heads"]), "of": set(config["for_heads"])}
    unless_after = {k: set(v) for k, v in config.get("of_heads_unless_after", {}).items()}
    verb_heads = set(config.get("verb_heads", []))
    gaz = gazetteer(_known_names(ctx))
    words, spans, text = toks.words, toks.spans, toks.text
    findings = []
    for i in toks.among(heads):
        fw = words[i]
        if fw not in heads or not 0 < i < len(words) - 1:
            continue
        head, nxt = words[i - 1], words[i + 1]
        if not head[:1].isupper() or head.lower() not in heads[fw] or not nxt[:1].isupper() or nxt in ("The", "A", "An"):
            continue
        if toks.gaps[i] != " " or toks.gaps[i + 1] != " ":
            continue
        if head.lower() in verb_heads and toks.sentence_initial(i - 1):
            continue  # "Head for Paris this summer": a verb
        if fw == "for" and i >= 2 and words[i - 2].lower() in unless_after.get(head.lower(), ()):
            continue
        if i >= 2 and toks.low_words[i - 2] in SWAPS and toks.gaps[i - 1] == " ":
            continue  # "Minister of State for Energy": the head ends a name of its own; the second
            # joining word starts the title's portfolio
        if _written_so(toks, i):
            continue  # "Center of Excellence" twice: the article's own usage, not a slip in one name
        start, end = spans[i]
        # a gazetteer form with this function word here is right as written, whether the head word
        # starts it (Department for Transport) or not (European Bank for Reconstruction and Development)
        if _in_gazetteer_form(text, spans, i, gaz):
            continue
        right = SWAPS[fw]
        findings.append(Candidate(doc.finding(
            "G003", f"'{head} {fw} {nxt}': a name with '{head}' takes '{right}'", start, end, suggestion=right,
            fix="unsafe", confidence=0.6, source=f"{SOURCE}:function-word",
        ), test=(start, end)))
    return findings


def _in_gazetteer_form(text: str, spans: list, i: int, gaz) -> bool:
    """Is token ``i`` (a joining word) inside a name the gazetteer knows, written as it is here: some run
    of tokens from at most ``gaz.max_words`` before it to as many after it, with the words before and
    after it, is one of the gazetteer's forms? At most ``gaz.max_words`` squared short joins: a
    candidate's own words, never the line.

    >>> from cleaner.gazetteer import gazetteer
    >>> from cleaner.tokens import Tokens
    >>> t = Tokens("A loan from the European Bank for Reconstruction and Development was signed.")
    >>> i = t.words.index("for")
    >>> _in_gazetteer_form(t.text, t.spans, i, gazetteer(())), _in_gazetteer_form(t.text, t.spans, i - 3, gazetteer(()))
    (True, False)
    """
    last = len(spans) - 1
    for first in range(max(0, i - gaz.max_words), i):
        tail = norm(text[spans[first][0]:spans[min(first + gaz.max_words, last)][1]]).split(" ")
        need = i - first + 2  # the words from ``first`` to the one after the joining word, at least
        if any(" ".join(tail[:n]).rstrip(".,;:") in gaz.forms for n in range(max(3, need), len(tail) + 1)):
            return True
    return False


def _triple_count(toks: Tokens, i: int) -> int:
    """How often the article writes word ``i`` between the same two words as here (exact words),
    counted at the mentions of the word after (at most ``MENTIONS_SCANNED`` of them).

    >>> t = Tokens("the Center of Excellence met; a Center of Excellence grew; the Center for Excellence")
    >>> _triple_count(t, 2), _triple_count(t, 12)
    (2, 1)
    """
    words = toks.words
    if not 0 < i < len(words) - 1:
        return 0
    head, word, nxt = words[i - 1], words[i], words[i + 1]
    return sum(1 for j in islice(toks.where(nxt.lower()), MENTIONS_SCANNED)
               if j >= 2 and words[j] == nxt and words[j - 1] == word and words[j - 2] == head)


def _written_so(toks: Tokens, i: int) -> bool:
    """Is joining word ``i`` written between its two words as a name's own: the article writes it so
    twice (:func:`_triple_count`), or names in edited copy do (:func:`_names_join_so`)?"""
    return _triple_count(toks, i) >= HOUSE_FORM_MIN or _names_join_so(toks.low_words, i)


def _names_join_so(low: list, i: int) -> bool:
    """Do names in edited copy join the words around joining word ``i`` (``the`` after it skipped) with
    it at least ``NAMES_JOIN_MIN`` times (:func:`cleaner.joining_counts.name_joins`: ``Center of
    Excellence``, ``Institute on Drug Abuse``)?

    >>> low = "the center of excellence and the center of the excellence and the zzqx of excellence".split()
    >>> _names_join_so(low, 2), _names_join_so(low, 7), _names_join_so(low, 13)
    (True, True, False)
    """
    if not 0 < i < len(low) - 1:
        return False
    k = i + 2 if low[i + 1] == "the" and i + 2 < len(low) else i + 1
    return name_joins(low[i - 1], low[k]).get(low[i], 0) >= NAMES_JOIN_MIN


NAMES_JOIN_MIN = 2  # a join names in edited copy write this often is a name's own, not a slip


def _place_at(gaz, low: list, i: int) -> bool:
    """Do the words from ``i`` start a gazetteer place (``New York``, ``Geneva``)?"""
    for n in (3, 2, 1):
        slot = gaz.forms.get(" ".join(low[i:i + n]))
        if slot is not None and slot[0].kind in _PLACE_KINDS:
            return True
    return False


_PLACE_KINDS = frozenset({"place", "city", "county", "country"})


def _city_at(toks: Tokens, i: int) -> bool:
    """Is word ``i`` a one-word city of 100,000 people or more (GeoNames: ``London``, ``Warsaw``), not
    the first word of a longer capitalised name (``London Stock Exchange``)?

    >>> t = Tokens("the Society on London and the London Stock Exchange")
    >>> _city_at(t, 3), _city_at(t, 6)
    (True, False)
    """
    words = toks.words
    if toks.low_words[i] not in _city_words() or not words[i].istitle():
        return False
    return not (i + 1 < len(words) and toks.gaps[i + 1] == " " and toks.capitalised[i + 1])


def unusual_joining_word(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G003 (unsafe): a joining word no gazetteer name puts after this head word, where names put
    another one that English writes after it far more often (``Department on Education``, ``Bank at
    England``): the names themselves say how a head word joins, not a list per head word."""
    config = _pack()["function_words"]
    written = tuple(config["unusual_written"])
    before_the = set(config["unusual_written_before_the"])
    locative = set(config["swap_locative"])
    min_ratio, chain_ratio = float(config["unusual_min_ratio"]), float(config["unusual_chain_min_ratio"])
    on_head_ratio = float(config["unusual_on_head_min_ratio"])
    calendar = _pack()["calendar"]
    dates = set(calendar["days"]) | set(calendar["months"]) | set(calendar["ambiguous_months"])
    gaz = gazetteer(_known_names(ctx))
    joining = tuple(config["swap_words"])
    after = gaz.joining_words_after(joining)
    before = _derived(gaz, ("joining-before", joining), lambda g: _joining_words_before(g, joining))
    lex = lexicon()
    words, low, spans, cap, gaps = toks.words, toks.low_words, toks.spans, toks.capitalised, toks.gaps
    headline_spans = None
    findings = []
    joins = toks.among(set(written))
    # a name the article writes twice the same way is its own ("the Sea to Summit Spark 18 ... the Sea to
    # Summit Spark series": a company's name); a slip is written once
    written_so = Counter((low[i - 1], low[i], low[i + 1]) for i in joins if 0 < i < len(words) - 1)
    for i in joins:
        if not 0 < i < len(words) - 1 or not words[i].islower() or not cap[i - 1] or gaps[i] != " " \
                or gaps[i + 1] != " " or written_so[low[i - 1], low[i], low[i + 1]] >= 2 \
                or _names_join_so(low, i):
            continue
        k = i + 1  # the name's next word, after "the" ("Department to the Treasury")
        if low[k] == "the" and k + 1 < len(words) and gaps[k + 1] == " " and low[i] in before_the:
            k += 1
        if not cap[k]:
            continue
        row = after.get(low[i - 1])
        if not row or low[i] in row:
            continue  # the names never join this head word, or some name joins it with this word
        nxt = words[k]
        if low[k] in dates or nxt.isupper() or "." in nxt or (i >= 2 and low[i - 2] in joining) \
                or toks.sentence_initial(i - 1) or _place_at(gaz, low, k):
            continue
        if low[i] in locative and (low[k] in lex.capitalised or low[k] not in lex.lower):
            continue  # "Union in Geneva": a place after a locative word, not a name's own word
        # the names join both the head word and the next word with another word, never the next word
        # with the word written: that one
        joins_next = before.get(low[k], {})
        both = sorted(w for w in row if w in joins_next) if low[i] not in joins_next else ()
        if both:
            right = max(both, key=lambda w: row[w] * joins_next[w])
        elif k > i + 1:
            continue
        else:
            right = max(sorted(row), key=row.get)
            if lex.bigram(low[i - 1], right) + 1 < min_ratio * (lex.bigram(low[i - 1], low[i]) + 1):
                continue
        if _chain_ratio(low[i - 1], right, low[i], low[k]) < chain_ratio:
            continue  # English joins these words as written as often: "Commission on Human Rights"
        if low[i] == "on" and pair_count(low[i - 1], right) < on_head_ratio * pair_count(low[i - 1], "on"):
            continue  # names of their own join this head so: "Center on Education Policy"
        start, end = spans[i]
        if headline_spans is None:
            headline_spans = toks.headlines(doc)[1]
        if _within(headline_spans, start):
            continue
        findings.append(_claim(doc.finding(
            "G003", f"'{toks.text[spans[i - 1][0]:spans[k][1]]}': names with '{words[i - 1]}' join it with '{right}'",
            start, end, suggestion=right, fix="unsafe", confidence=0.6, source=f"{SOURCE}:joining-word",
        )))
    return findings


def joining_word_usage(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G003 (unsafe): a joining word after a capitalised head word, where no gazetteer name joins that
    head with it and web text's word pairs (:mod:`cleaner.joining_counts`) make another one far likelier
    between the head and the next word (``the National Institute at Statistics``, ``the Office at
    Information Technology``, ``the Department in Health``): each candidate is scored by both its pairs,
    so the next word has its say (``of Sciences``, ``on Aging``). ``of``, ``for`` and ``on``, which names
    of their own join many heads with, also need the head itself to take the other word far more often;
    a locative ``in`` or ``at`` before a name of its own or a longer name is a place or an affiliation
    (``University in Evanston``, ``museum at University College``), and a triple the article writes
    twice is its own name (``Index on Censorship``)."""
    config = _pack()["function_words"]
    min_ratio, on_ratio = float(config["usage_min_ratio"]), float(config["usage_on_next_ratio"])
    head_ratio, name_words = float(config["usage_head_min_ratio"]), set(config["usage_name_joining"])
    locative = set(config["swap_locative"])
    calendar = _pack()["calendar"]
    dates = set(calendar["days"]) | set(calendar["months"]) | set(calendar["ambiguous_months"])
    gaz = gazetteer(_known_names(ctx))
    after = gaz.joining_words_after(tuple(config["swap_words"]))
    lex = lexicon()
    words, low, spans, cap, gaps = toks.words, toks.low_words, toks.spans, toks.capitalised, toks.gaps
    findings = []
    for i in toks.among(set(JOINING)):
        if not 1 < i < len(words) - 1 or not words[i].islower() or not cap[i - 1] or gaps[i] != " " \
                or gaps[i + 1] != " " or gaps[i - 1] != " " or not words[i - 1][1:].islower():
            continue
        if toks.sentence_initial(i - 1):
            continue  # "Trump at Mar-a-Lago" starting a sentence
        k = i + 1
        if low[k] == "the" and k + 1 < len(words) and gaps[k + 1] == " " and low[i] != "to":
            k += 1  # ("Explain the Purpose to the Participant": an infinitive's object)
        nxt = words[k]
        if not cap[k] or nxt.isupper() or "." in nxt or low[k] in dates \
                or (i >= 3 and low[i - 3] in JOINING and cap[i - 2]):
            continue  # an acronym, a web address, a date, or "Secretary of State for Energy"
        head, written = low[i - 1], low[i]
        if written in (after.get(head) or ()):
            continue  # a gazetteer name joins this head with this word
        if written == "to" and "from" in low[max(0, i - 5):i - 1]:
            continue  # a route: "from the Gulf to Jamaica"
        key = "the" if k > i + 1 else low[k].rstrip("’'").removesuffix("’s")
        right, ratio = _likelier_joining_word(head, written, key)
        if ratio < min_ratio or (written in name_words
                                 and pair_count(head, right) < head_ratio * pair_count(head, written)):
            continue  # (of, for, on: names of their own join many heads so: "Institute on Aging")
        if written in locative and (low[k] not in lex.lower or _place_at(gaz, low, k)
                                    or (written == "at" and _longer_name(toks, k))):
            continue  # "University in Evanston", "director at Ofcom", "museum at the University of Iowa"
        if written == "on" and pair_count(right, key) < on_ratio * pair_count(written, key):
            continue
        if _written_so(toks, i):
            continue  # "Index on Censorship" twice: the article's own name
        start, end = spans[i]
        if _title_case_line(toks.text, start):
            continue  # a heading or a list of titles ("Citizen Development at Scale")
        findings.append(_claim(doc.finding(
            "G003", f"'{toks.text[spans[i - 1][0]:spans[k][1]]}': English writes '{words[i - 1]} {right}'",
            start, end, suggestion=right, fix="unsafe", confidence=0.5, source=f"{SOURCE}:joining-usage",
        )))
    return findings


def head_joining_word(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G003 (unsafe): a joining word inside a name that edited copy almost never writes after its
    capitalised head word, where it writes another one almost always (``the Office in Management and
    Budget``, ``the Community on Practice``: :func:`cleaner.joining_counts.head_counts`, names counted
    in public-domain news copy). Only words names rarely join heads with (``in``, ``on``, ``at``,
    ``to``; ``for`` joins many a head in a name of its own: ``Office for National Statistics``), and
    only before an English word no dictionary capitalises: not before a date, an acronym, a web
    address, a place or a name (``the Office in Washington``, ``the Office in West Berlin``), nor a
    locative word before ``the`` and a longer name (an affiliation: ``the Museum at the University of
    Iowa``), nor a head that ends a name of its own (``the Secretary of State at Foreign Affairs``), a
    name the gazetteer knows, a heading, or a name the article writes so twice."""
    config = _pack()["function_words"]
    min_total, max_share = int(config["head_min_total"]), float(config["head_max_share"])
    min_share = float(config["head_min_share"])
    calendar = _pack()["calendar"]
    dates = set(calendar["days"]) | set(calendar["months"]) | set(calendar["ambiguous_months"])
    locative = set(config["swap_locative"])
    gaz = gazetteer(_known_names(ctx))
    lex = lexicon()
    words, low, spans, cap, gaps = toks.words, toks.low_words, toks.spans, toks.capitalised, toks.gaps
    findings = []
    for i in toks.among(set(config["head_written"])):
        if not 1 < i < len(words) - 1 or not words[i].islower() or not cap[i - 1] or gaps[i] != " " \
                or gaps[i + 1] != " " or gaps[i - 1] != " " or not words[i - 1][1:].islower() \
                or toks.sentence_initial(i - 1):
            continue
        row = head_counts(low[i - 1])
        total = sum(row.values())
        if total < min_total or row.get(low[i], 0) > max_share * total:
            continue
        right = max(sorted(row), key=row.get)
        if row[right] < min_share * total:
            continue
        k = i + 1
        if low[k] == "the" and words[k] == "the" and k + 1 < len(words) and gaps[k + 1] == " ":
            k += 1
        nxt = words[k]
        if not cap[k] or nxt.isupper() or "." in nxt or low[k] in dates or _place_at(gaz, low, k) \
                or _city_at(toks, k) or low[i - 2] in JOINING:
            continue  # a date, an acronym, a web address, a place, or a head that ends a name of its
            # own ("the Secretary of State at Foreign Affairs")
        if low[k] not in lex.lower or low[k] in lex.capitalised \
                or (k > i + 1 and low[i] in locative and _longer_name(toks, k)):
            continue  # a name or a place of its own after the head ("the Department at Exxon Corp", "the
            # Office in West Berlin"), or an affiliation ("the Museum at the University of Iowa")
        if _written_so(toks, i):
            continue  # the article's own name, written twice
        tail = norm(toks.text[spans[i - 1][0]:spans[min(i + gaz.max_words, len(words) - 1)][1]]).split(" ")
        if any(" ".join(tail[:n]).rstrip(".,;:") in gaz.forms for n in range(3, len(tail) + 1)):
            continue  # a gazetteer name joins its words so
        start, end = spans[i]
        if _title_case_line(toks.text, start):
            continue  # a heading or a list of titles
        findings.append(_claim(doc.finding(
            "G003", f"'{toks.text[spans[i - 1][0]:spans[k][1]]}': names with '{words[i - 1]}' join it with '{right}'",
            start, end, suggestion=right, fix="unsafe", confidence=0.6, source=f"{SOURCE}:head-joining",
        )))
    return findings


def counted_joining_word(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G003 (unsafe): a joining word between a name's capitalised head word and the capitalised word
    after it, where edited copy joins those two words inside names with another joining word and
    never with the one written (``the National Academy for Sciences``, ``the Centers on Medicare``:
    :func:`cleaner.joining_counts.name_joins`, whole joins counted in public-domain news copy), and the
    head's names (:func:`cleaner.joining_counts.name_head_joins`) join it with the other word at least
    ``counted_head_min_ratio`` times as often as with the written one, and fewer than
    ``counted_head_max_written`` times with it (``the Center on Education Policy``); a join written once
    counts only for a head whose names mostly take that word (``counted_single_min_share``). Not ``in`` or
    ``at`` before ``the`` (an affiliation: ``Director at the National Park Service``) or a place
    (``Pepperdine University in California``), a name the article writes so twice, nor a heading."""
    min_share = float(_pack()["function_words"]["counted_head_min_ratio"])
    max_written = int(_pack()["function_words"]["counted_head_max_written"])
    single_share = float(_pack()["function_words"]["counted_single_min_share"])
    words, low, spans, cap, gaps = toks.words, toks.low_words, toks.spans, toks.capitalised, toks.gaps
    findings = []
    for i in toks.among(set(JOINING)):
        if not 0 < i < len(words) - 1 or not words[i].islower() or not cap[i - 1] or gaps[i] != " " \
                or gaps[i + 1] != " " or not words[i - 1][1:].islower() or toks.sentence_initial(i - 1):
            continue
        k = i + 1
        if low[k] == "the" and words[k] == "the" and k + 1 < len(words) and gaps[k + 1] == " ":
            if low[i] in ("in", "at"):
                continue  # "Director at the National Park Service": where a person works
            k += 1
        if not cap[k] or not words[k][1:].islower():
            continue
        row = name_joins(low[i - 1], low[k])
        if not row or low[i] in row:
            continue
        if low[i] in ("in", "at") and (_place_at(gazetteer(_known_names(ctx)), low, k) or _city_at(toks, k)):
            continue  # "Pepperdine University in California": where the named thing is
        right = max(sorted(row), key=row.get)
        heads = name_head_joins(low[i - 1])
        if heads.get(low[i], 0) * min_share > heads.get(right, 0) or heads.get(low[i], 0) >= max_written:
            continue  # names join the head with the word written too: "Center on Education Policy"
        if row[right] < 2 and heads[right] < single_share * sum(heads.values()):
            continue  # one name, of a head that names join with other words as often: "Council on
            # American-Islamic Relations" beside one "Council for American ..." (council: for 5, of 5)
        if _written_so(toks, i):
            continue  # the article's own name, written twice
        start, end = spans[i]
        if _title_case_line(toks.text, start):
            continue  # a heading or a list of titles
        findings.append(_claim(doc.finding(
            "G003", f"'{toks.text[spans[i - 1][0]:spans[k][1]]}': names join '{words[i - 1]}' and '{words[k]}' "
            f"with '{right}'", start, end, suggestion=right, fix="unsafe", confidence=0.6,
            source=f"{SOURCE}:counted-joining",
        )))
    return findings


def place_joining_word(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G003 (unsafe): ``on`` or ``at`` between a capitalised common noun and a gazetteer place,
    where web text makes ``in`` or ``of`` far likelier between them (``the Laboratory on California``,
    ``Ho Chi Minh City on Vietnam``): a place after a name's head word is where the named thing is, or
    whose it is. Each joining word is scored by its two pairs, as in :func:`_likelier_joining_word`; the
    head must be an English word (a person's name before ``on`` is a topic: ``Obama on Iran``). Before
    ``on`` a one-word city of GeoNames counts as a place too (``the Zoological Society on London``); not
    before ``at``, which joins many a campus's name to its city (``the University of Texas at Austin``)."""
    config = _pack()["function_words"]
    min_ratio = float(config["place_min_ratio"])
    gaz = gazetteer(_known_names(ctx))
    lex = lexicon()
    words, low, spans, cap, gaps = toks.words, toks.low_words, toks.spans, toks.capitalised, toks.gaps
    findings = []
    for i in toks.among(set(config["place_written"])):
        if not 1 < i < len(words) - 1 or not words[i].islower() or not cap[i - 1] or not cap[i + 1] \
                or gaps[i] != " " or gaps[i + 1] != " " or not words[i - 1][1:].islower() \
                or toks.sentence_initial(i - 1) \
                or not (_place_at(gaz, low, i + 1) or (words[i] == "on" and _city_at(toks, i + 1))):
            continue
        head, written, nxt = low[i - 1], low[i], low[i + 1]
        if head not in lex.lower or lex.zipf(head) < DESCRIPTOR_MIN_ZIPF:
            continue
        right = _place_joining(head, written, nxt, min_ratio)
        if right is None:
            continue
        start, end = spans[i]
        findings.append(_claim(doc.finding(
            "G003", f"'{toks.text[spans[i - 1][0]:spans[i + 1][1]]}': English writes '{words[i - 1]} {right}' a place",
            start, end, suggestion=right, fix="unsafe", confidence=0.5, source=f"{SOURCE}:place-joining",
        )))
    return findings


def _place_joining(head: str, written: str, place: str, min_ratio: float) -> Optional[str]:
    """``in`` or ``of``, whichever web text likes better between ``head`` and ``place`` (each scored by
    its two pairs), when it is at least ``min_ratio`` times likelier there than ``written``; else None.

    >>> _place_joining("laboratory", "on", "california", 5.0), _place_joining("hotel", "on", "washington", 5.0)
    ('in', 'in')
    >>> _place_joining("conference", "on", "syria", 5.0), _place_joining("commission", "on", "kenya", 5.0)
    (None, None)
    """
    right = max(("in", "of"), key=lambda j: _chain(head, j, place))
    return right if _chain_ratio(head, right, written, place) >= min_ratio else None


def _likelier_joining_word(head: str, written: str, nxt: str) -> tuple:
    """The joining word web text likes best between ``head`` and ``nxt``, and how many times likelier
    than ``written``: each word scored by its pairs, ``count(head, j) * count(j, nxt) / count(j)``.

    >>> right, ratio = _likelier_joining_word("institute", "at", "statistics")
    >>> right, ratio > 30
    ('of', True)
    """
    right = max((j for j in JOINING if j not in (written, "to")), key=lambda j: _chain(head, j, nxt))
    return right, _chain(head, right, nxt) / _chain(head, written, nxt)


def _chain_ratio(head: str, right: str, written: str, nxt: str) -> float:
    """How many times likelier web text makes ``right`` than ``written`` between ``head`` and ``nxt``,
    each scored by its two pairs as in :func:`_likelier_joining_word`.

    >>> _chain_ratio("department", "of", "on", "education") > 100, _chain_ratio("commission", "of", "on", "human") < 2
    (True, True)
    """
    return _chain(head, right, nxt) / max(_chain(head, written, nxt), 1e-9)


def _chain(head: str, joining: str, nxt: str) -> float:
    """Web text's score for ``head joining nxt``: ``count(head, j) * count(j, nxt) / count(j)``."""
    return pair_count(head, joining) * pair_count(joining, nxt) / _joining_frequency(joining)


@lru_cache(maxsize=None)
def _joining_frequency(word: str) -> float:
    return 10 ** lexicon().zipf(word)


def _title_case_line(text: str, offset: int) -> bool:
    r"""Is the line around ``offset`` in title case: most of its words of four letters or more capitalised?
    A line of ``TITLE_LINE_PROSE_WORDS`` words or more with a sentence's end in it is prose dense with
    names, not a heading (``Michael Thali, director of Zurich’s Institute of Forensic Medicine in
    Europe, said so.``). (Read at most ``TITLE_LINE_REACH`` characters each side: a one-line text is not
    read whole per flag.)

    >>> _title_case_line("Tips\nHurdles to Implementing Citizen Development at Scale\nMore", 20)
    True
    >>> _title_case_line("the Secretary in Agriculture and other senior officials met", 20)
    False
    >>> _title_case_line("Michael Thali, Director of Zurich’s Institute at Forensic Medicine in Europe, and "
    ...                  "One of the Inventors of Virtopsy, Said So.", 40)
    False
    """
    start = max(text.rfind("\n", max(0, offset - TITLE_LINE_REACH), offset) + 1, offset - TITLE_LINE_REACH, 0)
    end = text.find("\n", offset, offset + TITLE_LINE_REACH)
    line = text[start:end if end >= 0 else offset + TITLE_LINE_REACH]
    words = line.split()
    long_words = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    if not long_words or sum(w[:1].isupper() for w in long_words) < 0.6 * len(long_words):
        return False
    return len(words) < TITLE_LINE_PROSE_WORDS or _SENTENCE_END.search(line) is None


TITLE_LINE_PROSE_WORDS = 12  # a heading is shorter, or has no sentence's end in it
_SENTENCE_END = re.compile(r"[a-z0-9)][.!?][\"”’')]*(?:\s|$)")


TITLE_LINE_REACH = 200


def _longer_name(toks: Tokens, k: int) -> bool:
    """Does capitalised word ``k`` start a longer name: another capitalised word, or a joining word and
    one, after it (``University College``, ``University of North Carolina``)?"""
    words, cap, gaps = toks.words, toks.capitalised, toks.gaps
    if k + 1 >= len(words) or gaps[k + 1] != " ":
        return False
    if cap[k + 1]:
        return True
    return toks.low_words[k + 1] in JOINING and k + 2 < len(words) and cap[k + 2] and gaps[k + 2] == " "


def _joining_words_before(gaz, joining: tuple) -> dict:
    """How the multiword forms join a word to the one before: {word after: {joining word: forms}} for
    the inner words of ``joining``, a ``the`` between them skipped (``agriculture`` -> ``{"of": 5}``,
    ``treasury`` -> ``{"of": 2}``): what names join a word with, from the names themselves."""
    index: dict = {}
    for key in gaz.forms:
        words = key.split(" ")
        for k in range(1, len(words) - 1):
            if words[k] in joining:
                nxt = words[k + 2] if words[k + 1] == "the" and k + 2 < len(words) else words[k + 1]
                row = index.setdefault(nxt, {})
                row[words[k]] = row.get(words[k], 0) + 1
    return index


def _name_goes_on(toks: Tokens, k: int) -> bool:
    """Does a name go on at word ``k``, after a joining word: a capitalised word, or ``the`` and one
    (``International Committee on the Red Cross``, ``Office of the Director``)?

    >>> t = Tokens("the Committee on the Red Cross, the Committee on the day")
    >>> _name_goes_on(t, 3), _name_goes_on(t, 4), _name_goes_on(t, 10)
    (True, True, False)
    """
    if toks.capitalised[k]:
        return True
    return toks.low_words[k] == "the" and toks.words[k] == "the" and k + 1 < len(toks.words) \
        and toks.gaps[k + 1] == " " and toks.capitalised[k + 1]


def swapped_function_words(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G003: a gazetteer name with another joining word in place of its own (``House on
    Representatives``, ``Securities of Exchange Commission``): safe; unsafe when the word written is a
    locative one (``in``, ``at``), which may start a description of a place rather than a name."""
    config = _pack()["function_words"]
    swap_words = tuple(config["swap_words"])
    locative = set(config["swap_locative"])
    gaz = gazetteer(_known_names(ctx))
    index = gaz.joining_swaps(swap_words)
    words, low, spans = toks.words, toks.low_words, toks.spans
    headline_spans = None
    findings = []
    for i in toks.among(set(swap_words)):
        if not 0 < i < len(words) - 1 or not toks.capitalised[i - 1] or not _name_goes_on(toks, i + 1):
            continue
        nxt = low[i + 1]
        cands = index.get((low[i - 1], low[i], _unpossessed(nxt)))
        if not cands:
            continue
        start, end = spans[i]
        for k, n, vk, entry, spelling in cands:
            first = i - k
            found = toks.slice(first, n) if first >= 0 else None
            if found is not None:
                found = _unpossessed(found)  # "the Hall on Fame’s class"
            if found is None or _key(found) != vk or not found[:1].isupper():
                continue
            if _ends_longer_name(toks, first, i, gaz.forms, entry.name):
                continue  # "the Czech Republic and Latvia": two names joined, not "Republic of Latvia"
            # (before "the" the words may also be a noun and where it goes: "from the Department to the
            # Treasury building"; a locative word may start a description of a place)
            safe = low[i] not in locative and nxt != "the"
            if not safe and first and toks.capitalised[first - 1] and toks.gaps[first] == " " \
                    and not toks.sentence_initial(first - 1):
                before = words[first - 1]
                if not (before.isupper() or "." in before or low[first - 1] in gaz.forms):
                    continue  # "Pepperdine University in California": a place after a longer name, not
                    # one after a place or an acronym ("U.S. House in Representatives")
            if headline_spans is None:
                headline_spans = toks.headlines(doc)[1]
            if _within(headline_spans, start):
                continue  # a title-case headline: its small words are the headline's, not a name's
            right = spelling.split(" ")[k]
            findings.append(Candidate(doc.finding(
                "G003", f"'{found}' is written '{spelling}'", start, end, suggestion=right,
                fix="safe" if safe else "unsafe", confidence=1.0 if safe else 0.7,
                source=f"{SOURCE}:{entry.kind}", canonical=entry.name,
            ), (start, end), (spans[first][0], spans[first][0] + len(found))))
            break
    return findings


def _ends_longer_name(toks: Tokens, first: int, joining: int, forms, name: str) -> bool:
    """Do the words from ``first`` to the joining word's index end another known name than ``name``, one
    that starts one to three capitalised words before ``first`` (``Czech Republic`` before ``and Latvia``,
    not ``Republic of Latvia``)?

    >>> t = Tokens("behind the Czech Republic and Latvia in many cases")
    >>> from cleaner.gazetteer import Entry
    >>> czech = (Entry("Czech Republic", "country"), {"Czech Republic"})
    >>> _ends_longer_name(t, 3, 4, {"czech republic": czech}, "Latvia"), _ends_longer_name(t, 3, 4, {}, "Latvia")
    (True, False)
    """
    for m in (1, 2, 3):
        start = first - m
        if start < 0 or not toks.capitalised[start] or toks.gaps[start + 1] != " ":
            return False
        known = forms.get(" ".join(toks.low_words[start:joining]))
        if known is not None and known[0].name != name:
            return True
    return False


def dropped_joining_words(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G003 (unsafe): a gazetteer name with its inner joining word left out (``the House
    Representatives``, ``the Bank England``), as machine translation and hurried retyping drop them:
    the whole name is replaced by its accepted form."""
    config = _pack()["function_words"]
    gaz = gazetteer(_known_names(ctx))
    joining = tuple(config["swap_words"]) + tuple(config.get("dropped_extra", ()))
    index = gaz.without_joining_word(joining)
    words, low, spans, gaps, cap = toks.words, toks.low_words, toks.spans, toks.gaps, toks.capitalised
    n_words = len(words)
    findings = []
    after = 0
    for i in toks.caps:
        if i < after:
            continue
        j = i
        hit = None
        # capitalised words and the joining words between them ("Islamic State in Iraq Syria")
        while j + 1 < n_words and j - i < 7 and gaps[j + 1] == " " and (cap[j + 1] or words[j + 1] in joining):
            j += 1
            if not cap[j]:
                continue
            slot = index.get(" ".join(low[i:j + 1]))
            if slot is not None:
                hit = (j, slot)
        if hit is None:
            continue
        j, (entry, spelling) = hit
        start, end = spans[i][0], spans[j][1]
        if not _plain_context(toks.text, start, end):
            continue
        found = toks.text[start:end]
        findings.append(_claim(doc.finding(
            "G003", f"'{found}' is written '{spelling}'", start, end, suggestion=spelling, fix="unsafe",
            confidence=0.7, source=f"{SOURCE}:{entry.kind}", canonical=entry.name,
        ), overlap=True))
        after = j + 1
    return findings


def _acronym_pass(doc: Document, ctx, toks: Tokens, gazetteer_candidates: list) -> list[Candidate]:
    """:func:`acronyms`, told the spans of the gazetteer names the article writes."""
    return acronyms(doc, ctx, toks, tuple(c.take for c in gazetteer_candidates))


#: every G pass with the codes that turn it on, by rank: where two candidates claim the same words,
#: the one of the earlier pass is kept (a gazetteer name before a guess about its words). A pass that
#: reads another's candidates names it third.
PASSES = (
    ("gazetteer", ("G001", "G002", "G003"), gazetteer_names, None),
    ("acronyms", ("G001",), _acronym_pass, "gazetteer"),
    ("misspelt-names", ("G001",), misspelt_names, None),
    ("real-word-name-slips", ("G001",), real_word_name_slips, None),
    ("consistency", ("G004",), consistency, None),
    ("joining-word-majority", ("G004",), joining_word_majority, None),
    ("recased-words", ("G004",), recased_words, None),
    ("swapped-joining-words", ("G003",), swapped_function_words, None),
    ("wrong-joining-word", ("G003",), wrong_function_word, None),
    ("dropped-joining-words", ("G003",), dropped_joining_words, None),
    ("number-changed-names", ("G003",), number_changed_names, None),
    ("unusual-joining-word", ("G003",), unusual_joining_word, None),
    ("counted-joining-word", ("G003",), counted_joining_word, None),
    ("joining-word-usage", ("G003",), joining_word_usage, None),
    ("place-joining-word", ("G003",), place_joining_word, None),
    ("head-joining-word", ("G003",), head_joining_word, None),
    ("hyphenated-names", ("G002",), hyphenated_names, None),
    ("single-names", ("G002",), single_names, None),
    ("defined-in-title-case", ("G002",), defined_in_title_case, None),
    ("calendar-names", ("G002",), calendar_names, None),
    ("place-after-of", ("G002",), place_after_of, None),
    ("lowercase-names", ("G002",), lowercase_names, None),
    ("lowered-name-words", ("G002",), lowered_name_words, None),
    ("lowered-person-names", ("G002",), lowered_person_names, None),
    ("name-parts", ("G002",), name_parts, None),
    ("acronym-initials", ("G004",), acronym_initials, None),
    ("name-evidence", ("G004",), name_evidence, None),
)
_RANK = {name: rank for rank, (name, *_) in enumerate(PASSES)}

#: what a pass may read of the article beyond the line (``\n``-ended, as
#: :func:`cleaner.recheck.touched_lines` cuts them) a candidate is in:
#: ``words`` counts or positions of words anywhere (``Tokens.where``, ``pair_count``, a form written
#: twice being the article's own usage, a budget spent in text order); ``names`` the article's
#: capitalised names (:func:`article_names`); ``acronyms`` its acronyms and their mentions;
#: ``paragraphs`` the paragraph layout (headlines; whether single newlines split paragraphs depends on
#: the whole text); ``neighbours`` the words just across a line break (a line's first word tested
#: with the word before it, a place name read on into the next line)
EVIDENCE_KINDS = ("words", "names", "acronyms", "paragraphs", "neighbours")
#: each pass's article-wide evidence (kinds of :data:`EVIDENCE_KINDS`). ``()``: the pass is line-local,
#: its candidates in a line are what it finds in that line alone (with the same settings, known names
#: and language test), offsets moved; a fix round may re-run it on the touched lines only. Declared
#: from the code (what each pass and its helpers read); the line-local claim is tested on the
#: fixtures (tests/test_name_passes.py). A new pass declares itself here: in doubt, a kind too many.
EVIDENCE = {
    "gazetteer": ("words",),  # house casing: how the article writes the name elsewhere
    "acronyms": ("words", "names", "acronyms"),  # and the gazetteer pass's names
    "misspelt-names": ("words",),  # the article's capitalised words counted; a budget in text order
    "real-word-name-slips": ("neighbours",),  # a line's first and last words are tested
    "consistency": ("words", "names", "paragraphs"),
    "joining-word-majority": ("words",),
    "recased-words": ("words",),
    "swapped-joining-words": ("paragraphs",),  # title-case headlines
    "wrong-joining-word": ("words",),
    "dropped-joining-words": (),
    "number-changed-names": ("words", "paragraphs"),  # a plural written twice; title-case headlines
    "unusual-joining-word": ("words", "paragraphs"),
    "joining-word-usage": ("words",),
    "place-joining-word": ("neighbours",),  # a place's words read on past a line break
    "head-joining-word": ("words", "neighbours"),  # a name written twice; a place read on past a line break
    "counted-joining-word": ("words",),  # a name written twice
    "hyphenated-names": (),
    "single-names": ("words", "acronyms"),
    "defined-in-title-case": ("words",),
    "calendar-names": ("neighbours",),  # "12\nmay 2020": the day before the line break
    "place-after-of": (),
    "lowercase-names": ("words",),
    "lowered-name-words": ("words",),
    "lowered-person-names": ("words",),  # a word the article writes in lower case twice
    "name-parts": ("words", "paragraphs"),
    "acronym-initials": ("acronyms",),
    "name-evidence": ("words", "paragraphs"),
}


def line_local_passes() -> tuple:
    """The passes that read nothing of the article beyond a candidate's line (:data:`EVIDENCE`).

    >>> "place-after-of" in line_local_passes(), "consistency" in line_local_passes()
    (True, False)
    """
    return tuple(name for name, *_ in PASSES if not EVIDENCE[name])


def candidates(doc: Document, ctx, order=None) -> dict:
    """Each enabled pass's candidates, by pass name. ``order`` (pass names) only says which pass runs
    first: no pass reads what another decided, so any order gives the same candidates."""
    toks = doc.tokens
    out: dict = {}
    # a pass runs when one of its codes is selected, or one of its sub-codes alone (G002:name-parts)
    enabled = {name for name, codes, _, _ in PASSES
               if any(ctx.enabled(code) or ctx.enabled(sub_code(code, name)) for code in codes)}

    for name in order if order is not None else [p[0] for p in PASSES]:
        if name in enabled:
            _pass_candidates(name, out, doc, ctx, toks)
    return {name: out[name] for name in out if name in enabled}


def _pass_candidates(name: str, out: dict, doc: Document, ctx, toks) -> list:
    """Pass ``name``'s candidates, kept in ``out``; the pass it reads runs first. (A module function:
    as a closure calling itself it made a cycle that kept each document and its token model alive
    until the garbage collector's next walk.)"""
    if name not in out:
        _, _, check, reads = PASSES[_RANK[name]]
        out[name] = check(doc, ctx, toks, _pass_candidates(reads, out, doc, ctx, toks)) if reads else check(doc, ctx, toks)
    return out[name]


def resolve(size: int, ranked) -> list[Finding]:
    """The findings of candidate lists in rank order, each kept unless a span an earlier kept candidate
    took covers its start (or, with ``overlap``, any of it): one bytearray of the text's offsets, so
    each test costs the candidate's own length, never a scan of what was taken before.

    >>> from cleaner.document import Document
    >>> doc = Document("the Associated press said")
    >>> a = doc.finding("G002", "a", 15, 20)
    >>> b = doc.finding("G004", "b", 15, 20)
    >>> [f.code for f in resolve(len(doc.text), [[Candidate(a, take=(4, 20))], [_claim(b)]])]
    ['G002']
    """
    taken = bytearray(size + 1)
    findings: list[Finding] = []
    for group in ranked:
        for c in group:
            if c.test is not None:
                s, e = c.test
                if taken.find(1, s, e) >= 0 if c.overlap else taken[s]:
                    continue
            if c.needs and all(taken[n] for n in c.needs):
                continue
            if c.finding is not None:
                findings.append(c.finding)
            if c.take is not None:
                s, e = c.take
                taken[s:e] = b"\x01" * (e - s)
    return findings


def _own(ctx, name: str, group: list) -> list:
    """``group`` (the candidates of pass ``name``), each finding marked with its pass, less the
    candidates whose sub-code is ignored: a heuristic turned off claims no words either."""
    kept = []
    for c in group:
        if c.finding is not None:
            if not ctx.enabled(sub_code(c.finding.code, name)):
                continue
            c.finding.extra["pass"] = name
        kept.append(c)
    return kept


def run(doc: Document, ctx, order=None) -> list[Finding]:
    if not ctx.is_target_language:
        return []
    found = candidates(doc, ctx, order)
    findings = resolve(len(doc.text), [_own(ctx, name, found[name]) for name, *_ in PASSES if name in found])
    findings.extend(phrases(doc, ctx))
    return drop_other_language(doc.text, findings, ctx.settings.language)  # (a quoted German line: "mit" is no MIT)


def features(doc: Document, settings) -> tuple:
    """What the batch pass takes from one article: the multiword names and the acronyms it writes.

    >>> features(Document("Shares rose on Monday. Analysts at the Quorvex Mining Syndicate said the IMF agreed."), None)
    (frozenset({'Quorvex Mining Syndicate'}), frozenset({'IMF'}))
    """
    return frozenset(article_names(doc, doc.tokens).values()), frozenset(m.group() for m in _ACRONYM.finditer(doc.text))


def learn_from(items: list, settings) -> dict:
    """Batch pass over every article's ``features``: names and acronyms that recur across many
    articles count as known in this batch.

    A multiword capitalised name in at least ``max(3, 5%)`` of the articles joins the gazetteer for
    the batch; so does an acronym, which then is never taken for a near-miss of another.
    """
    name_counts: Counter = Counter()
    acr_counts: Counter = Counter()
    for article_name_set, acronym_set in items:
        name_counts.update(article_name_set)
        acr_counts.update(acronym_set)
    threshold = max(3, len(items) // 20)
    return {
        "names": tuple(sorted(n for n, c in name_counts.items() if c >= threshold)),
        "acronyms": frozenset(a for a, c in acr_counts.items() if c >= threshold),
    }


def learn(docs, settings) -> dict:
    """``learn_from`` the ``features`` of ``docs``."""
    return learn_from([features(doc, settings) for doc in docs], settings)
