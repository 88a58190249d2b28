"""The ground the G (names) family stands on (over the shared token model, :class:`cleaner.tokens.Tokens`):
the word lists and patterns more than one pass reads, and the small helpers
they share (the ``names_config`` rule pack, the known names of a run, name keys, the plain-context
test, tables derived once per gazetteer).

It exists so that the family's modules (:mod:`cleaner.checks.names`, :mod:`cleaner.checks.acronyms`,
:mod:`cleaner.checks.casing`, :mod:`cleaner.checks.name_slips`) build on one base and import none of
each other's passes: ``names`` runs them all and nothing imports ``names`` back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Optional

from ..finding import Finding
from ..gazetteer import norm
from ..rulepacks import load_builtin

SOURCE = "names"

_POSSESSIVE_ENDS = ("'s", "’s")  # what a possessive ends with
_CAP_HEAD = re.compile(r"([A-Z][a-z]+)(?:['’]s|-[\w.-]+)")  # "Volkswagen’s", "Jordanian-U.S."


@dataclass(frozen=True)
class Candidate:
    """What a G pass proposes, for :func:`cleaner.checks.names.resolve` to keep or drop.

    ``finding`` (None: a span taken without a report, as a name matched in its right form) is kept when
    ``test`` is free of the spans taken by the candidates resolved before it: only its start, or all of
    it with ``overlap``; ``needs``, when given, are starts of which at least one must be free (the
    mentions of an acronym a finding relies on). A kept candidate takes ``take`` from those after it.
    """

    finding: Optional[Finding]
    test: Optional[tuple] = None
    take: Optional[tuple] = None
    overlap: bool = False
    needs: tuple = ()


def _claim(finding: Finding, overlap: bool = False) -> Candidate:
    """The common candidate: a finding kept unless its span is taken, then taking its span."""
    span = (finding.start, finding.end)
    return Candidate(finding, span, span, overlap)


@lru_cache(maxsize=1)
def _pack() -> dict:
    return load_builtin("names_config")


@lru_cache(maxsize=None)
def _words(section: str, key: str) -> frozenset:
    """A word list of ``rules/names_config.toml`` as a set, made once (the passes ask for them per article)."""
    return frozenset(_pack()[section][key])


# the word lists the passes share, from ``[words]`` of ``rules/names_config.toml`` (see there)
_FUNCTION_WORDS = _words("words", "function")
_CONNECTORS = _words("words", "connectors")
_LEADING_SKIP = _words("words", "leading_skip")
_GUESSABLE_KINDS = _words("words", "guessable_kinds")


def _unpossessed(text: str) -> str:
    """``text`` without a final possessive (``Fame’s`` -> ``Fame``, ``fort worth's`` -> ``fort worth``)."""
    return text[:-2] if text[-2:] in _POSSESSIVE_ENDS else text


def _pair_uses(toks, first: str, second: str) -> int:
    """How often the article writes word ``first`` then ``second``, its possessive counted as the same
    use (``the Scottish parliament`` and ``the Scottish parliament’s powers``: twice).

    >>> from cleaner.tokens import Tokens
    >>> _pair_uses(Tokens("the Scottish parliament met; the Scottish parliament’s powers"), "Scottish", "parliament")
    2
    """
    head = _unpossessed(second)
    return sum(toks.pair_count(first, head + end) for end in ("", *_POSSESSIVE_ENDS))


def _known_names(ctx) -> tuple:
    """The ``known-names`` setting and the names learned across the batch, sorted (the gazetteer's key);
    kept on the context, as every pass of one article asks."""
    known = getattr(ctx, "_known_names", None)
    if known is None:
        names = set(getattr(ctx.settings, "known_names", []) or [])
        names.update(((ctx.batch or {}).get("G") or {}).get("names", ()))
        known = tuple(sorted(names))
        try:
            ctx._known_names = known
        except AttributeError:  # a context that takes no new attributes: computed each time
            pass
    return known


def _within(spans: list, offset: int) -> bool:
    """Is ``offset`` inside one of ``spans`` (sorted, not overlapping)?"""
    k = bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _norm(found: str) -> str:
    """``norm`` of words, without its regex when the only space is single plain spaces (no ’ either)."""
    if found.isprintable() and "  " not in found and "’" not in found and found.strip() == found:
        return found.lower()
    return norm(found)


def _key(found: str) -> str:
    """``norm`` without the regex for the common case of single spaces."""
    low = found.lower()
    if "  " in low or "\t" in low or "’" in low or "\xa0" in low:
        return norm(found)
    return low


def _plain_context(text: str, start: int, end: int) -> bool:
    """Running text, not a handle, hashtag, address, shortcode or an all-lower-case line (tags, URLs).

    >>> _plain_context("The mayor met obama.", 14, 19), _plain_context("tags: obama, news", 6, 11)
    (True, False)
    >>> _plain_context("Watch it. [youtube=http://x.test/v]", 11, 18)
    False
    >>> _plain_context("[youtube https://www.youtube.com/watch?v=r1]", 1, 8), _plain_context("Nico (at) faa (dot) gov", 10, 13)
    (False, False)
    >>> _plain_context("Federal Computer Weekly http://fcw.com/articles", 24, 28)
    False
    """
    if start and text[start - 1] in "@#/\\._":
        return False
    if text[end:end + 1] in ("@", "/", "_") or (text[end:end + 1] == "." and text[end + 1:end + 2].isalnum()) \
            or text[end:end + 3] == "://":
        return False  # (and a URL's scheme: "http://fcw.com")
    if start and text[start - 1] == "[" and (text[end:end + 1] in ("=", "]") or text[end:end + 5] == " http"):
        return False  # a shortcode's name ([youtube=...], [[youtube]], [youtube https://...]), markup
    if text[end:end + 6] == " (dot)" or text[max(0, start - 5):start] == "(at) ":
        return False  # a spelt-out address: "beth (at) irs (dot) gov"
    starts, cased = _line_casing(text)
    return cased[bisect_right(starts, start) - 1]


_ASCII_CAPITALS = bytes(range(65, 91))
_ASCII_LETTERS = _ASCII_CAPITALS + bytes(range(97, 123))
_ASCII = bytes(range(128))


def _mostly_capitals(text: str, start: int, end: int) -> bool:
    """Are more than half the letters of ``text[start:end]`` capitals (a line that shouts)? Counted
    in C from the ASCII letters when they decide it (every other character taken for a capital
    cannot tip it), else letter by letter: a 1 MB line cost 0.04 s a question that way.

    >>> _mostly_capitals("KEPCO SIGNS DEAL", 0, 16), _mostly_capitals("The PSV fans", 0, 12), _mostly_capitals("ÉÉÉ ab", 0, 6)
    (True, False, True)
    """
    raw = text[start:end].encode("utf-8", "surrogatepass")
    capitals = len(raw) - len(raw.translate(None, _ASCII_CAPITALS))
    letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    others = len(raw.translate(None, _ASCII))  # bytes of the other characters: at least one each
    if 2 * (capitals + others) <= letters or not others:
        return 2 * capitals > letters
    letters_all = "".join(filter(str.isalpha, text[start:end]))
    return 2 * sum(map(str.isupper, letters_all)) > len(letters_all)


_LINE_CASING: dict = {}  # id(text) -> (text, _line_casing(text)), for the last few texts


def _line_casing(text: str) -> tuple:
    """``(line starts, whether each line has an upper-case letter)``, once per text object (the checks
    ask per candidate: lower-casing the whole line each time was quadratic on a one-line article; keyed
    by identity, as comparing two equal megabyte strings per candidate would be quadratic too)."""
    slot = _LINE_CASING.get(id(text))
    if slot is not None and slot[0] is text:
        return slot[1]
    if len(_LINE_CASING) >= 4:
        _LINE_CASING.clear()
    lines = text.split("\n")  # (each line's start and test made in C)
    starts = [0, *accumulate(map((1).__add__, map(len, lines[:-1])))]
    cased = list(map(str.__ne__, map(str.lower, lines), lines))
    _LINE_CASING[id(text)] = (text, (starts, cased))
    return starts, cased


def _derived(gaz, what, build):
    """What a pass derives from the gazetteer once (``what`` names it and its settings): held by the
    gazetteer, so the built-in one's indexes are kept in the start-up snapshot (cleaner/snapshot.py)."""
    return gaz.derived(("pass", what), lambda: build(gaz))
