"""Is this article in the configured language? A function-word share test, cheap and good enough to
keep the spelling checks off articles they would flood with false alarms."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import compress, islice
from operator import not_
from typing import Optional

from .rulepacks import load_builtin

_WORD = re.compile(r"[^\W\d_]+")
# past Latin Extended-B; written as a negated class because compiling "[\u0250-\U0010ffff]" builds a
# table over a million code points (12 ms of every start), while this matches the same characters
_NON_LATIN = re.compile("[^\x00-\u024f]")


@lru_cache(maxsize=None)
def _profile(language: str):
    pack = load_builtin("languages")
    entry = pack.get(language)
    if entry is None or "min-share" not in entry:
        return None
    return frozenset(entry["words"].split()), float(entry["min-share"])


@lru_cache(maxsize=1)
def _all_word_lists() -> dict:
    return {name: frozenset(entry["words"].split()) for name, entry in load_builtin("languages").items()}


def _counts(text: str) -> Counter:
    """The lower-cased words of the first 20,000 characters, counted in C (one scan, no Python loop)."""
    return Counter(_WORD.findall(text[:20000].lower()))


def _share(counts: Counter, total: int, words: frozenset) -> float:
    """The share of the counted words in ``words``: the same integer sum as a loop over every token,
    taken over the few distinct words both hold."""
    return sum(map(counts.__getitem__, counts.keys() & words)) / total


def _shares(text: str) -> dict:
    counts = _counts(text)
    total = sum(counts.values())
    if not total:
        return {}
    return {name: _share(counts, total, words) for name, words in _all_word_lists().items()}


def function_word_share(text: str, language: str = "en") -> float | None:
    profile = _profile(language)
    if profile is None:
        return None
    counts = _counts(text)
    total = sum(counts.values())
    return _share(counts, total, profile[0]) if total else 0.0


@lru_cache(maxsize=1)
def _function_words() -> frozenset:
    """Every word of every language's list that a share can count: one run of letters."""
    return frozenset(w for w in frozenset().union(*_all_word_lists().values()) if _WORD.fullmatch(w))


def _token_shares(word_tokens: Counter) -> tuple:
    """(how many words, ``_shares``) of the text whose ``Document.word_tokens`` these are, when the
    whole text is the sample: the same integer counts as ``_counts(text)`` gives, from each token's
    letter runs lower-cased. Exact because lower-casing keeps every letter one letter and every
    other character not one, except for "İ" (which the caller rules out).

    Only the total and the counts of the lists' words are needed: the total is one per token
    (apostrophes aside), and the few tokens that are a listed word lower-cased are found in C, not
    every distinct token counted again in Python.
    """
    listed = _function_words()
    tokens = list(word_tokens)
    lows = list(map(str.lower, tokens))
    total = sum(word_tokens.values())
    found: dict = {}
    get = found.get
    for low, n in compress(zip(lows, word_tokens.values()), map(listed.__contains__, lows)):
        found[low] = get(low, 0) + n  # ("The" and "the": one word)
    # a token with an apostrophe is a run of letters each side of it (the tokens hold no other mark):
    # among the few that are not all letters (found in C; the others are numeric letters, "x²", one run)
    for low, n in compress(zip(lows, word_tokens.values()), map(not_, map(str.isalpha, lows))):
        if "'" not in low and "’" not in low:
            continue
        pieces = _WORD.findall(low)
        total += n * (len(pieces) - 1)
        for piece in pieces:
            if piece in listed:
                found[piece] = get(piece, 0) + n
    if not total:
        return 0, {}
    return total, {name: sum(map(found.__getitem__, found.keys() & words)) / total
                   for name, words in _all_word_lists().items()}


def is_language(text: str, language: str = "en", word_tokens: Optional[Counter] = None) -> bool:
    """True when ``text`` reads as ``language`` (unknown languages and very short texts pass).

    >>> is_language("The mayor said that the bridge would open in the spring.")
    True
    >>> is_language("Der Bürgermeister sagte, dass die Brücke im Frühjahr öffnet.")
    False
    """
    profile = _profile(language)
    if profile is None:
        return True
    sample = text[:20000]
    shares = None
    if word_tokens is not None and len(text) <= 20000 and "İ" not in text:
        total, shares = _token_shares(word_tokens)
        if total < 8:
            return True
    elif sum(1 for _ in islice(_WORD.finditer(sample), 8)) < 8:
        return True
    # counted in C (map/regex) rather than a Python loop per character: this runs once per article;
    # without a letter past Latin Extended-B (most articles) the script share is 1 and the letters
    # need no counting
    non_latin = sum(map(str.isalpha, _NON_LATIN.findall(sample)))
    if non_latin:
        letters = sum(map(str.isalpha, sample))
        if (letters - non_latin) / letters < 0.8:  # the configured languages are all written in Latin script
            return False
    if shares is None:
        shares = _shares(text)
    own = shares.get(language, 0.0)
    return own >= profile[1] and all(own >= other for other in shares.values())


_NEWLINE = re.compile("\n")


def other_language_line(line: str, language: str = "en") -> bool:
    """Is ``line`` written in another language than ``language``: at least 8 words, its own function
    words under the minimum share, and another list's words more than its own? An English article
    may quote a paragraph in German; the spelling and name checks read it as English otherwise
    (``mit`` as MIT, ``passiert`` as a slip of ``passport``).

    >>> other_language_line("Gemeinsam mit dem Grafikdesigner Rafa Galeano hat Brian die Frage beantwortet.")
    True
    >>> other_language_line("He worked with the designer Rafa Galeano of Der Spiegel on the question, he said.")
    False
    """
    return _other_language_sample(line[:20000], language)  # (the share reads no further: a bounded cache key)


@lru_cache(maxsize=1024)
def _other_language_sample(line: str, language: str) -> bool:
    profile = _profile(language)
    if profile is None or sum(1 for _ in islice(_WORD.finditer(line), 8)) < 8:
        return False
    shares = _shares(line)
    own = shares.get(language, 0.0)
    return own < profile[1] and any(share > own for name, share in shares.items() if name != language)


def drop_other_language(text: str, findings: list, language: str = "en") -> list:
    """``findings`` without those on a line written in another language (``other_language_line``):
    the lines are found once, only when there are findings, and each judged once.

    >>> from types import SimpleNamespace as F
    >>> text = "The mayor spoke.\\nGemeinsam mit dem Grafikdesigner Rafa Galeano hat Brian die Frage beantwortet."
    >>> [f.start for f in drop_other_language(text, [F(start=4), F(start=30)])]
    [4]
    """
    if not findings or _profile(language) is None:
        return findings
    starts = [0]
    starts.extend(m.end() for m in _NEWLINE.finditer(text))
    foreign: dict = {}
    kept = []
    for f in findings:
        k = bisect_right(starts, f.start) - 1
        if k not in foreign:
            end = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
            foreign[k] = other_language_line(text[starts[k]:min(end, starts[k] + 20000)], language)
        if not foreign[k]:
            kept.append(f)
    return kept

