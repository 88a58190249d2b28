"""Is this article in the configured language? A function-word share test, cheap and good enough to
keep the spelling checks off articles they would flood with false alarms."""

from __future__ import annotations

import re
from functools import lru_cache

from .rulepacks import load_builtin

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def _profile(language: str):
    pack = load_builtin("languages")
    entry = pack.get(language)
    if entry is None:
        return None
    return frozenset(entry["words"].split()), float(entry["min-share"])


def function_word_share(text: str, language: str = "en") -> float | None:
    profile = _profile(language)
    if profile is None:
        return None
    words, _ = profile
    tokens = _WORD.findall(text[:20000].lower())
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t in words) / len(tokens)


def is_language(text: str, language: str = "en") -> bool:
    """True when ``text`` reads as ``language`` (unknown languages and very short texts pass).

    >>> is_language("The mayor said that the bridge would open in the spring.")
    True
    >>> is_language("Der Bürgermeister sagte, dass die Brücke im Frühjahr öffnet.")
    False
    """
    profile = _profile(language)
    if profile is None:
        return True
    tokens = _WORD.findall(text[:20000])
    if len(tokens) < 8:
        return True
    share = function_word_share(text, language)
    return share is not None and share >= profile[1]
