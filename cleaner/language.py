"""Is this article in the configured language? A function-word share test, cheap and good enough to
keep the spelling checks off articles they would flood with false alarms."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import compress, islice, repeat
from operator import and_, not_, or_
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


def _shares(text: str, counts: Optional[Counter] = None) -> dict:
    counts = _counts(text) if counts is None else counts
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


def _counts_of_tokens(word_tokens: Counter) -> Counter:
    """``_counts(text)`` from the text's ``Document.word_tokens`` (when the whole text is the sample):
    each token's letter runs, lower-cased. Exact because lower-casing keeps every letter one letter
    and every other character not one, except for "İ" (which the caller rules out)."""
    tokens = list(word_tokens)
    lows = list(map(str.lower, tokens))
    # the tokens in lower case with no apostrophe (most): their own counts, distinct keys, taken in C
    plain = list(map(and_, map(str.__eq__, tokens, lows), map(not_, map(or_, map(
        str.__contains__, tokens, repeat("'")), map(str.__contains__, tokens, repeat("’"))))))
    out: dict = dict(zip(compress(lows, plain), compress(word_tokens.values(), plain)))
    get = out.get
    for token, n in compress(word_tokens.items(), map(not_, plain)):
        low = token.lower()
        if "'" in low or "’" in low:
            for piece in _WORD.findall(low):
                out[piece] = get(piece, 0) + n
        else:
            out[low] = get(low, 0) + n
    return Counter(out)


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
    counts = None
    if word_tokens is not None and len(text) <= 20000 and "İ" not in text:
        counts = _counts_of_tokens(word_tokens)
        if sum(counts.values()) < 8:
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
    shares = _shares(text, counts)
    own = shares.get(language, 0.0)
    return own >= profile[1] and all(own >= other for other in shares.values())
