"""G001 misspelt names: a title-case word no word list knows, one cheap slip from a name the article's
words, the article itself or the gazetteer vouch for (``the Washingon Post``, ``Pentagin`` beside
``Pentagon``, ``Monay``, ``Gogle``). Rare real names are as unknown as slips, so the evidence is never
the word alone. Settings in ``rules/names_config.toml`` (``[misspelt_names]``)."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from itertools import chain, compress, islice
from operator import not_
from typing import Optional

from rapidfuzz.distance import OSA
from rapidfuzz.process import extract_iter

from ..document import Document
from ..gazetteer import gazetteer
from ..lexicon import letter_gap_from, lexicon, weighted_distance
from .acronyms import _deletions
from .casing import _unknown_lowered, MENTIONS_SCANNED, per_text_memo
from .name_lines import kept_by_line
from .search_budget import SearchBudget
from .name_tokens import (
    _CAP_HEAD, _FUNCTION_WORDS, _GUESSABLE_KINDS, _LEADING_SKIP, SOURCE, _derived, _known_names, _pack,
    _plain_context, _claim, Candidate,
)
from ..tokens import Tokens


@lru_cache(maxsize=1 << 14)
def _rare_title_word(w: str, min_length: int, max_zipf: float) -> bool:
    """A title-case or camel-case word of letters (``MacBok``, ``SpceX``; not an acronym) that no word
    list knows: not a dictionary word, a SCOWL name, a known misspelling (S's business) or a word
    wordfreq has seen often."""
    lw = w.lower()
    lex = lexicon()
    return (len(w) >= min_length and (w[1:].islower() or not w.isupper()) and w.isalpha()
            and lw not in lex.misspellings and lex.zipf(lw) < max_zipf)


def _single_name_index(gaz, min_length: int) -> dict:
    """One-word gazetteer names of the curated kinds and countries (not cities: too many are one slip
    from another real place), by each of their :func:`_deletions`."""
    index: dict = {}
    for key, (entry, spellings) in gaz.forms.items():
        if " " in key or len(key) <= min_length or not key.isalpha() or entry.kind in _GUESSABLE_KINDS \
                or entry.kind in ("place", "user"):
            continue
        spelling = min(spellings)
        for variant in _deletions(key):
            index.setdefault(variant, []).append((key, spelling, entry.kind))
    return {variant: tuple(items) for variant, items in index.items()}


def _name_word_index(gaz, min_length: int) -> dict:
    """Multiword gazetteer forms with one word left out, by the form's lower-cased words with ``*`` in
    that word's place: ``* post`` -> ((washington, Washington, outlet), (jerusalem, Jerusalem, outlet), ...).

    Built on the first article with a rare capitalised word; items are tuples of strings (no entry
    objects), which the garbage collector stops tracking, so a cold start does not pay for scanning them."""
    lists: dict = {}
    for key, (entry, spellings) in gaz.forms.items():
        words = key.split(" ")
        if len(words) < 2:
            continue
        written = min(spellings).split(" ")
        if len(written) != len(words):
            continue
        for k, w in enumerate(words):
            if len(w) >= min_length and w.isalpha():
                wildcard = " ".join(words[:k] + ["*"] + words[k + 1:])
                lists.setdefault(wildcard, []).append((w, written[k], entry.kind))
    return {wildcard: tuple(items) for wildcard, items in lists.items()}


def _pair_word_index(gaz, min_length: int) -> tuple:
    """(index, words) for two-word gazetteer names of the curated kinds and countries (not the place
    packages' cities, counties and subdivisions: ten times as many): ``* nations`` -> ((united, United,
    organisation),), and every word of those names. Small enough to build on any article's first use."""
    lists: dict = {}
    words_of: set = set()
    for key, (entry, spellings) in gaz.forms.items():
        words = key.split(" ")
        written = min(spellings).split(" ")
        if len(words) != 2 or len(written) != 2 or entry.kind in _GUESSABLE_KINDS or entry.kind == "place":
            continue
        words_of.update(words)
        for k, w in enumerate(words):
            if len(w) >= min_length and w.isalpha():
                wildcard = "* " + words[1] if k == 0 else words[0] + " *"
                lists.setdefault(wildcard, []).append((w, written[k], entry.kind))
    return {wildcard: tuple(items) for wildcard, items in lists.items()}, frozenset(words_of)


def _capitalised_heads(toks: Tokens, known: tuple = ()) -> list:
    """(token index, the name word, its start) for each capitalised token of letters, or the head of
    one before a possessive or a hyphen (``Volkswagen’s``, ``Jordanian-U.S.``), leaving out the words
    whose lower-cased form is in one of the ``known`` sets (filtered in C: most words are known)."""
    words, spans, low = toks.words, toks.spans, toks.low_words
    whole, heads = _head_indexes(toks)
    lex = lexicon()
    if known and known[0] is lex.lower:
        # the words not in the dictionary's lower case: the text's distinct such words, told apart once
        # per text (casing._unknown_lowered, which other passes read too), not each mention looked up
        # in the dictionary's large set
        unknown = _unknown_lowered(toks, lex)
        whole = list(compress(whole, map(unknown.__contains__, map(low.__getitem__, whole))))
        known_rest = known[1:]
    else:
        known_rest = known
    for words_known in known_rest:
        whole = list(compress(whole, map(not_, map(words_known.__contains__, map(low.__getitem__, whole)))))
    out = [(i, words[i], spans[i][0]) for i in whole]
    out.extend((i, head, spans[i][0]) for i, head in heads
               if not any(head.lower() in words_known for words_known in known))
    return out


def _capitalised_head_words(toks: Tokens) -> list:
    """The words of :func:`_capitalised_heads` lower-cased, without their places: what an article's
    name uses are counted from (a tuple per capitalised word of a long text cost more than the count)."""
    whole, heads = _head_indexes(toks)
    return list(map(toks.low_words.__getitem__, whole)) + [head.lower() for _, head in heads]


def _head_indexes(toks: Tokens) -> tuple:
    """(indexes of the capitalised tokens of letters, (index, head) of the others that have a head),
    once per text (the heads and their counts are both asked for)."""
    memo = per_text_memo(toks)
    known = memo.get("capitalised heads")
    if known is None:
        known = memo["capitalised heads"] = _find_head_indexes(toks)
    return known


def _find_head_indexes(toks: Tokens) -> tuple:
    words, caps = toks.words, toks.caps
    alpha = list(map(str.isalpha, map(words.__getitem__, caps)))
    heads = []
    for i in compress(caps, map(not_, alpha)):
        m = _CAP_HEAD.fullmatch(words[i])
        if m is not None:
            heads.append((i, m.group(1)))
    return list(compress(caps, alpha)), heads


FEW_WORDS = 8  # up to this many words are compared in Python, more by one call into rapidfuzz
#: at most this many of an article's words of one initial and length are compared with a slip (the most
#: used first): a news article has a handful, an input of thousands of made-up names made it quadratic
MAX_TARGETS = 200
#: capitalised words an article may have compared with its names (search_budget.py), in text order: BASE
#: plus PER_1000 for each 1,000 of its words. The tune part of the clean news corpus has at most 101 per
#: 1,000 words (a 970-word article)
SEARCH_BUDGET_BASE, SEARCH_BUDGET_PER_1000 = 100, 50


def _targets_by_initial(uses: Counter, known) -> "_TargetsByInitial":
    """The words a slip of an article name may be taken for, by (first letter, length): a day or a
    month, a name the article writes twice or more, or one ``known(word)`` says is known (a dictionary
    word, a gazetteer name); a word written once and known nowhere is never the target, so it is not
    compared at all. At most :data:`MAX_TARGETS` per key, the most used first.

    >>> uses = Counter({"pentagon": 3, "pentagin": 1, "pentagan": 1, "monday": 1})
    >>> _targets_by_initial(uses, lambda word: word == "pentagan")[("p", 8)]
    ['pentagon', 'pentagan']
    >>> _targets_by_initial(uses, lambda word: False)[("m", 6)]
    ['monday']
    """
    return _TargetsByInitial(uses, known)


class _TargetsByInitial:
    """:func:`_targets_by_initial`'s lists, each made when a slip first asks for its key: the words are
    grouped by key once, and ``known`` (a frequency look-up) is asked only about the words of the keys
    the article's slips ask for, not about every capitalised word it writes. A key's list is the one
    all of them made at once would hold (the same words, sorted alike, cut alike)."""

    __slots__ = ("_uses", "_known", "_groups", "_made")

    def __init__(self, uses: Counter, known) -> None:
        self._uses, self._known, self._made = uses, known, {}
        groups: dict = {}
        for h in chain(uses, _calendar_words()):
            groups.setdefault((h[0], len(h)), set()).add(h)
        self._groups = groups

    def get(self, key: tuple, default=()):
        made = self._made.get(key)
        if made is None:
            group = self._groups.get(key)
            if group is None:
                return default
            uses, known, calendar = self._uses, self._known, _calendar_words()
            made = self._made[key] = sorted(
                (h for h in group if h in calendar or uses[h] >= 2 or known(h)), key=lambda h: (-uses[h], h))[:MAX_TARGETS]
        return made

    def __getitem__(self, key: tuple) -> list:
        return self.get(key)


def _within_edits(word: str, words, edits: int):
    """The ``words`` at most ``edits`` unit edits from ``word`` (a transposition counts one), a superset
    of those within a weighted distance of ``edits / 2``: every edit of :func:`weighted_distance` costs
    at least 0.5. A long list is filtered in C, so the weighted distance (Python) runs on the few
    that pass: comparing each slip with every capitalised word of its initial grew with the text.

    >>> _within_edits("pentagin", ["pentagon", "paragon", "pentagin", "pentagonal"] * 3, 2)[:2]
    ['pentagon', 'pentagin']
    """
    if len(words) <= FEW_WORDS:
        return words
    return [other for other, _, _ in extract_iter(word, words, scorer=OSA.distance, score_cutoff=edits)]


def misspelt_names(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G001 (unsafe): a title-case word no word list knows, a cheap slip from the word that makes a
    gazetteer name of its neighbours (``the Washingon Post``, ``New Yrok``), from a name the article
    itself writes (``the Pentagon said ... a Pentagin spokesman``), from a day or a month (``on Monay``)
    or, for a word wordfreq never saw, from a well-known one-word name (``Gogle``).

    Rare real names (``Hajin``, ``Ghika``) are as unknown as slips, so the evidence is always the
    neighbours, the article or a name everyone knows, never the word alone; inside a longer name, the
    article's name must stand beside the same neighbour (``Joonas Korpisalo`` is not ``Jonas``).
    """
    config = _pack()["misspelt_names"]
    min_length, max_zipf = config["min_length"], config["max_zipf"]
    derived_endings = frozenset(config["derived_endings"])
    lex = lexicon()
    gaz = gazetteer(_known_names(ctx))
    words, low, gaps = toks.words, toks.low_words, toks.gaps
    known_parts = {w.lower() for name in _known_names(ctx) for w in name.split()}
    in_name_zipf = config["max_zipf_in_name"]
    candidates = sorted(
        (i, w, start) for i, w, start in _capitalised_heads(toks, (lex.lower, lex.capitalised))
        if _rare_title_word(w, min_length, in_name_zipf) and w.lower() not in gaz.forms
        and w.lower() not in known_parts and w.upper() not in gaz.acronyms
    )
    if not candidates:
        return []
    index = _derived(gaz, ("name-words", min_length), lambda g: _name_word_index(g, min_length))
    name_words = _derived(gaz, "words-of-names", lambda g: frozenset(w for k in g.forms if " " in k for w in k.split(" ")))
    n_words = len(words)
    window = min(config["max_window"], gaz.max_words)
    uses = Counter(_capitalised_head_words(toks))  # how often the article writes each capitalised word
    by_initial = None
    budget = SearchBudget.of(ctx, "G001 name-slip budget", n_words, SEARCH_BUDGET_BASE, SEARCH_BUDGET_PER_1000)
    at_token = {i: (w, start) for i, w, start in candidates}
    order = list(at_token)

    def find(starts) -> tuple:
        """The candidates at ``starts`` (token indexes of ``candidates``), as (token, candidate), and
        the tokens where the search read beyond the token's line and the capitalised words' counts
        (another name's mentions, a definition's words before a line break) or the budget turned the
        word away: their lines are searched again every round."""
        findings, volatile = [], []
        for i in starts:
            w, start = at_token[i]
            found = _slip_at(i, w, start)
            if found is not None:
                findings.append((i, found))
            if read_beyond:
                volatile.append(i)
                read_beyond.clear()
        return findings, volatile

    read_beyond: list = []  # (not empty: the search at a start read beyond its line)

    def _slip_at(i: int, w: str, start: int):
        nonlocal by_initial
        lw = w.lower()
        end = start + len(w)
        whole = len(w) == len(words[i])  # not the head of a possessive or a compound
        if toks.text[start - 1:start] == "(":
            read_beyond.append(i)  # (a definition's words may stand on the line before)
        if not _plain_context(toks.text, start, end) or _defined_abbreviation(toks.text, start, end):
            return None
        if not budget.admits(lw):
            read_beyond.append(i)
            return None  # (past the article's budget: a text of thousands of made-up names)
        limit = config["max_distance_long"] if len(lw) >= config["long_from"] else config["max_distance"]
        gap_to = None  # a lower bound of the distance from lw (letter counts), made when first needed

        def near(other: str) -> Optional[float]:
            """The distance from ``lw`` to ``other`` when within the limit; cheap tests first (a slip
            keeps the first letter or the last two; letter counts bound the distance from below)."""
            nonlocal gap_to
            if abs(len(other) - len(lw)) > 2 * limit or (other[0] != lw[0] and other[-2:] != lw[-2:]):
                return None
            if not other.isascii() and _without_accents(other) == lw:
                return None  # "Turkiye", "Sao Paulo": the name written without its accents, no slip
            if gap_to is None:
                gap_to = letter_gap_from(lw)
            if gap_to(other) > limit + 1e-9:
                return None
            d = weighted_distance(lw, other, cutoff=limit)
            return d if d <= limit else None

        best = None  # (distance, target, why, confidence)
        common = lex.zipf(lw) >= max_zipf
        # a gazetteer name around the word: windows of 2 .. window words joined by single spaces (a
        # head ends its window: "South Dakkota's Department")
        lo = i  # (a window holds only words of gazetteer names besides the slip)
        while lo > 0 and i - lo < window - 1 and gaps[lo] == " " and low[lo - 1] in name_words:
            lo -= 1
        hi = i
        while whole and hi + 1 < n_words and hi - i < window - 1 and gaps[hi + 1] == " " and low[hi + 1] in name_words:
            hi += 1
        for n in range(2, min(window, hi - lo + 1) + 1):
            for first in range(max(lo, i - n + 1), min(i, hi - n + 1) + 1):
                last = first + n - 1
                for target_low, target, kind in index.get(" ".join((*low[first:i], "*", *low[i + 1:last + 1])), ()):
                    if target_low == lw or (common and target_low not in lex.lower):
                        continue  # the name as written ("Porto Alegre"); a word web text writes often is a
                        # slip only of an English word ("Internacional"), not another spelling of a
                        # foreign name ("Nizhny Novgorod" beside GeoNames' "Nizhniy")
                    d = near(target_low)
                    if d is not None and (best is None or d < best[0]):
                        name = " ".join((*words[first:i], target, *words[i + 1:last + 1]))
                        confidence = 0.6 if kind in _GUESSABLE_KINDS or kind == "place" else 0.8
                        best = (d, target, f"as in '{name}'", confidence)
        if best is None and common:
            return None  # a word web text writes often: a slip only of the name its neighbours make
        if by_initial is None:
            # the article's names and the calendar words by first letter and length, once: a slip is
            # compared only with the words of its initial within the lengths its distance allows
            by_initial = _targets_by_initial(uses, lambda h: h in gaz.forms or lex.zipf(h) >= max_zipf)
        if best is None and uses[lw] == 1:
            # a name the article writes elsewhere, better known or more often, or a day or a month;
            # inside a longer name, beside the same neighbour ("Joonas Korpisalo" beside "Jonas
            # Siegenthaler" is another man)
            before = low[i - 1] if i and gaps[i] == " " and words[i - 1][:1].isupper() else None
            after = low[i + 1] if whole and i + 1 < n_words and gaps[i + 1] == " " and words[i + 1][:1].isupper() else None
            before, after = [None if x in _FUNCTION_WORDS or x in _LEADING_SKIP else x for x in (before, after)]
            reach = int(2 * limit)
            near_words = []  # (distance, word): taken in that order, the first that qualifies wins
            for length in range(len(lw) - reach, len(lw) + reach + 1):
                for other in _within_edits(lw, by_initial.get((lw[0], length), ()), reach):
                    if other == lw or (lw.startswith(other) and lw[len(other):] in derived_endings):
                        continue  # "Dakotans" beside "Dakota": a demonym or a plural, not a slip
                    d = near(other)
                    if d is not None and (best is None or d < best[0]):
                        near_words.append((d, other))
            for d, other in sorted(near_words):
                target = other[:1].upper() + other[1:]
                if other in _calendar_words():
                    best = (d, target, "a day or a month", 0.6)
                    break
                zipf = lex.zipf(other)
                if not (uses[other] >= 2 or zipf >= max_zipf or other in gaz.forms):
                    continue
                at = toks.where(other)
                read_beyond.append(i)  # (the other word's mentions, anywhere)
                if other in lex.lower and other not in gaz.forms and not toks.sentence_initial(i) and all(
                        toks.sentence_initial(j) for j in islice(at, MENTIONS_SCANNED) if words[j][:1].isupper()):
                    continue  # an English word the article capitalises only at a sentence's start is no name
                    # it writes, for a word inside a sentence ("Zhorna Akter" beside a sentence's "After";
                    # a sentence's "Aftre" is still a slip of "After")
                if zipf < config["common_name_zipf"] and (
                        (before and not any(j and low[j - 1] == before for j in at))
                        or (after and not any(j + 1 < n_words and low[j + 1] == after for j in at))):
                    continue
                best = (d, target, f"'{target}' is in this article", 0.6)
                break
        if best is None and lex.zipf(lw) == 0.0 and uses[lw] == 1:
            # a well-known one-word name (Google, Reuters, Hezbollah, Kenya), for a word wordfreq never saw
            # and the article writes once (a word written the same way again is its own name: "Steve
            # Portigal ... Portigal says" is no Portugal)
            singles = _derived(gaz, ("single-names", min_length), lambda g: _single_name_index(g, min_length))
            longest = _derived(gaz, ("single-names-longest", min_length), lambda g: max(map(len, singles), default=0))
            # (a word two letters longer than every key shares none of them: no copies of a huge word)
            for variant in _deletions(lw) if len(lw) <= longest + 1 else ():
                for target_low, target, kind in singles.get(variant, ()):
                    d = near(target_low)
                    if d is not None and d <= 1.0 and (best is None or d < best[0]):
                        best = (d, target, f"the {kind.replace('-', ' ')}", 0.5)
        if best is None:
            return None
        _, target, why, confidence = best
        return _claim(doc.finding(
            "G001", f"'{w}' looks like a misspelt '{target}' ({why})", start, end, suggestion=target,
            fix="unsafe", confidence=confidence, source=f"{SOURCE}:name-slip",
        ), overlap=True)

    findings = kept_by_line(doc, toks, ctx, "G001 misspelt names", dict(uses), find, lambda: order,
                            lambda lo, hi: order[bisect_left(order, lo):bisect_left(order, hi)])
    if budget.skipped:
        ctx.notice(f"G001: {budget.count_skipped('capitalised word')} past the article's budget of {budget.size} "
                   f"{budget.were} not checked as a misspelt name{'' if budget.skipped == 1 else 's'} (a text this dense "
                   "in unknown names is a list of made-up names)")
    return findings


def _defined_abbreviation(text: str, start: int, end: int) -> bool:
    """Is the word at ``text[start:end]`` an abbreviation defined where it stands: in brackets right after
    the capitalised words whose initials its capitals spell (``the Kenya National Highways Authority
    (KeNHA)``, ``the Department for Education (DfE)``)? A mixed-case abbreviation is no slip of a name
    the article writes, whatever name it is near.

    >>> t = "The Kenya National Highways Authority (KeNHA) said"
    >>> _defined_abbreviation(t, 39, 44), _defined_abbreviation("the Department for Education (DfE)", 30, 33)
    (True, True)
    >>> _defined_abbreviation("The Kenya National Highways Authority (KeNHB) said", 39, 44)
    False
    >>> _defined_abbreviation("Kenya (Kenay) said", 7, 12), _defined_abbreviation("a KeNHA road", 2, 7)
    (False, False)
    """
    if text[start - 1:start] != "(" or text[end:end + 1] != ")":
        return False
    capitals = [ch for ch in text[start:end] if ch.isupper()]
    if len(capitals) < 2:
        return False
    words = text[max(0, start - 1 - 40 * len(capitals)):start - 1].split()  # (a bounded look back)
    initials = [w[0] for w in words if w[:1].isupper()][-len(capitals):]
    return initials == capitals


def _without_accents(word: str) -> str:
    """``word`` with its letters' accents taken off, as English copy often writes foreign names.

    >>> _without_accents("türkiye"), _without_accents("são paulo"), _without_accents("zürich")
    ('turkiye', 'sao paulo', 'zurich')
    """
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def real_word_name_slips(doc: Document, ctx, toks: Tokens) -> list[Candidate]:
    """G001 (unsafe): a capitalised dictionary word inside a sentence, a transposition or a vowel or
    neighbouring-key slip from the word that makes a two-word gazetteer name (curated or a country) of
    the capitalised word beside it (``the Untied Nations`` → ``United Nations``).

    The word alone is English, so the evidence is only the name: the neighbour must be a word of a
    gazetteer name, the two words as written must be no gazetteer name themselves, and the slip must be
    one of the cheapest (``White Horse`` is not ``White House``: r for u is a full edit)."""
    config = _pack()["misspelt_names"]
    min_length, limit = config["min_length"], config["max_distance_real_word"]
    unseen_limit, pair_min = config["max_distance_unseen_pair"], config["unseen_pair_min"]
    lex = lexicon()
    gaz = gazetteer(_known_names(ctx))
    words, low, gaps, spans = toks.words, toks.low_words, toks.gaps, toks.spans
    index, name_words = _derived(gaz, ("pair-words", min_length), lambda g: _pair_word_index(g, min_length))
    n_words = len(words)
    findings = []
    # capitalised words the dictionary knows in lower case, no word of any gazetteer name, ...
    # ... beside a word of a gazetteer name
    caps = [i for i in compress(toks.caps, map(lex.lower.__contains__, map(low.__getitem__, toks.caps)))
            if 0 < i < n_words - 1 and (low[i - 1] in name_words or low[i + 1] in name_words)
            and low[i] not in name_words and len(low[i]) >= min_length and words[i][1:].islower()]
    if not caps:
        return []
    for i in caps:
        start, end = spans[i]
        if toks.sentence_initial(i):
            continue
        lw = low[i]
        best = None
        for first, last in ((i - 1, i), (i, i + 1)):  # with the word before, or the word after
            if first < 0 or last >= n_words or gaps[first + 1] != " " or not words[first if first != i else last][:1].isupper():
                continue
            if first < i and low[first] in _FUNCTION_WORDS and toks.sentence_initial(first):
                continue  # "The Bill will also ...": the sentence's capital, no name's ("The Hill")
            pair = low[first:last + 1]
            if " ".join(pair) in gaz.forms:
                continue
            key = " ".join("*" if j == i else low[j] for j in range(first, last + 1))
            for target_low, target, kind in index.get(key, ()):
                if target_low == lw or abs(len(target_low) - len(lw)) > 1 or (
                        target_low[0] != lw[0] and target_low[-2:] != lw[-2:]):
                    continue  # (one cheap edit keeps the first letter or the last two)
                allowed = limit
                if _unseen_pair(lex, pair, i - first, target_low, pair_min):
                    allowed = unseen_limit  # "the Word Bank": English never writes the pair, often the name
                d = weighted_distance(lw, target_low, cutoff=allowed)
                if d <= allowed and (best is None or d < best[0]):
                    name = " ".join(target if j == i else words[j] for j in range(first, last + 1))
                    best = (d, target, name)
        if best is None or not _plain_context(toks.text, start, end):
            continue
        _, target, name = best
        findings.append(_claim(doc.finding(
            "G001", f"'{words[i]}' looks like a misspelt '{target}' (as in '{name}')", start, end, suggestion=target,
            fix="unsafe", confidence=0.6, source=f"{SOURCE}:name-slip",
        ), overlap=True))
    return findings


def _unseen_pair(lex, pair: list, k: int, target: str, pair_min: int) -> bool:
    """Does English (the bigram counts) never write the lower-case ``pair`` as it stands, while it writes
    it with word ``k`` replaced by ``target`` at least ``pair_min`` times (``word bank`` / ``world bank``;
    not ``white horse`` / ``white house``, both common)?

    >>> from cleaner.lexicon import lexicon
    >>> _unseen_pair(lexicon(), ["word", "bank"], 0, "world", 1_000_000), _unseen_pair(lexicon(), ["white", "horse"], 1, "house", 1_000_000)
    (True, False)
    """
    if lex.bigram(pair[0], pair[1]):
        return False
    other = list(pair)
    other[k] = target
    return lex.bigram(other[0], other[1]) >= pair_min


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset:
    config = _pack()["calendar"]
    return frozenset(config["days"]) | frozenset(config["months"]) | frozenset(config["ambiguous_months"])
