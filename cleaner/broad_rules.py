"""A rule that would rewrite a large part of an article is misfiring, not fixing: its edits are reported,
never applied.

Boilerplate deletions and phrase replacements come from packs, and a newsroom's own pack may hold a
pattern broader than meant (``(?s).*``, ``\\w+``, ``(?m)^.+$``): one match, or one match per word or
line, would empty the article. So one edit, and one rule's edits together, may change at most a fifth
of an article's words (up to 25 in a short article, never more than two thirds of it); past that the rule's
findings stay, with ``fix = "none"``.
"""

from __future__ import annotations

import re
from dataclasses import replace

_WORD = re.compile(r"\w+")
_MAX_SHARE, _MAX_WORDS = 0.2, 25


def edit_limit(words: int) -> float:
    """How many of an article's ``words`` one edit, or one rule's edits together, may take: a fifth, or up
    to 25 words in a short article (an 11-word tagline under a 10-word story) but never more than two
    thirds of it.

    >>> edit_limit(1000), edit_limit(60), edit_limit(21)
    (200.0, 25, 14.0)
    """
    return max(_MAX_SHARE * words, min(_MAX_WORDS, words * 2 / 3))


def word_count(text: str) -> int:
    """
    >>> word_count("The mayor's bridge, 2 km long.")
    7
    """
    return len(_WORD.findall(text))


def too_broad(text: str, findings: list, key, words: int) -> set:
    """The ``key(finding)`` of every rule whose fixable findings together take more than
    :func:`edit_limit` of the ``words`` of ``text`` (its word count, which the caller has: only the
    findings' own spans are read).

    >>> from types import SimpleNamespace as F
    >>> found = [F(start=4 * k, end=4 * k + 3, code="B901", fix="safe") for k in range(10)]
    >>> too_broad("one " * 10, found, lambda f: f.code, 10)
    {'B901'}
    >>> too_broad("one " * 10, found[:5], lambda f: f.code, 10)
    set()
    """
    limit = edit_limit(words)
    taken: dict = {}
    for f in findings:
        if f.fix != "none":
            taken[key(f)] = taken.get(key(f), 0) + word_count(text[f.start:f.end])
    return {k for k, words in taken.items() if words > limit}


def rein_in(text: str, findings: list, key, words: int) -> list:
    """``findings`` with those of every :func:`too_broad` rule reported only (fix "none", and the message
    says why)."""
    broad = too_broad(text, findings, key, words) if findings else set()
    if not broad:
        return findings
    return [replace(f, fix="none", message=f"{f.message} (this rule would rewrite a large part of the article: "
                                           "reported, not applied)") if key(f) in broad and f.fix != "none" else f
            for f in findings]
