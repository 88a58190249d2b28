"""E010: an apostrophe a text pipeline lost inside a contraction or a possessive.

Three shapes, one damage. A decoder that meets a character outside its charset writes U+FFFD, ``?`` or
``¿`` in its place (``didn�t``, ``City?s``, ``Blair¿s``); a cleaning script that strips punctuation leaves
a space (``couldn t``, ``Trump s tweet``, the ISOT fake-news dump's shape). A contraction's ending (``n't``,
``'s``, ``'re``, ``'ve``, ``'ll``, ``'d``, ``'m``) has one character that fits the gap: the apostrophe.

A replaced character before a contraction's ending is repaired wherever it stands, and so is a space
inside a negation (``don t``: ``t`` is no English word). A space before a pronoun's ending (``it s``,
``you re``) or a possessive ``s`` (``Trump s tweet``) is repaired only in an article that shows the damage
at least twice in the forms above (``let s`` and ``I m`` are letters in some copy); elsewhere a pronoun's
ending is reported as an unsafe fix and a lone ``s`` not at all. The apostrophe written is the article's
own (``’`` or ``'``, whichever it writes more between letters); an article with none gets ``’`` for a
replaced character (a decoder loses only what its charset lacks, so the original was the typographic
mark) and ``'`` for a space. The endings and the words they follow are ``[apostrophes]`` in
rules/encoding.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..document import Document
from ..finding import Finding
from ..rulepacks import load_builtin

SOURCE = "lost-apostrophe"
#: a decoder's stand-in for a character it could not read, between a letter and a contraction's ending
#: (the mark first, then the look-behind: ``re`` then jumps from mark to mark, where a look-behind first
#: was tried at every position of every article that holds a ``?``: 0.5% of ``clean(text)``)
_REPLACED = re.compile(r"[\ufffd?\u00bf](?<=[A-Za-z][\ufffd?\u00bf])(?=(s|t|re|ve|ll|d|m)(?![\w\ufffd?\u00bf'’]))")
#: a space where a pipeline dropped the apostrophe: the word before and the ending after
_SPACED_ENDING = re.compile(r" (t|s|re|ve|ll|d|m)(?![\w'’\-/])")
_WORD_BEFORE = re.compile(r"(?<![\w'’])[A-Za-z]{1,12}$")
_URLISH = re.compile(r"[/=&@#]|www|http")
_CURLY_BETWEEN = re.compile(r"’(?<=[A-Za-z]’)(?=[A-Za-z])")  # (the mark first, as _REPLACED)
_STRAIGHT_BETWEEN = re.compile(r"'(?<=[A-Za-z]')(?=[A-Za-z])")
EVIDENCE = 2  # sure repairs an article needs before its pronoun and possessive gaps count as damage


@lru_cache(maxsize=1)
def _table() -> dict:
    """``{ending: frozenset of lower-case words it follows}``, and ``negations``: the words ``n't`` ends."""
    raw = load_builtin("encoding")["apostrophes"]
    return {"negations": frozenset(raw["negations"]), "not_possessive": frozenset(raw["not_possessive"]),
            **{k: frozenset(v) for k, v in raw["pronouns"].items()}}


def _token(text: str, start: int, end: int) -> str:
    """The space-delimited token around ``text[start:end]`` (at most 80 characters each side)."""
    left = text.rfind(" ", max(0, start - 80), start) + 1 or max(0, start - 80)
    right = text.find(" ", end, end + 80)
    return text[left:right if right >= 0 else end + 80]


def _article_mark(text: str, replaced: bool) -> str:
    """The apostrophe the article writes between letters; with none, ``’`` for a replaced character and
    ``'`` for a space.

    >>> _article_mark("It's John's", True), _article_mark("It’s here", False), _article_mark("none", True)
    ("'", '’', '’')
    """
    curly = len(_CURLY_BETWEEN.findall(text))
    straight = len(_STRAIGHT_BETWEEN.findall(text))
    if curly or straight:
        return "’" if curly >= straight else "'"
    return "’" if replaced else "'"


def replaced_gaps(text: str) -> list[tuple[int, str]]:
    """Offsets of replaced characters in a contraction's slot, with the ending after each.

    >>> replaced_gaps("He didn\ufffdt go. Blair\u00bfs plan. See example.com/x?s=1 or Why?so")
    [(7, 't'), (19, 's')]
    """
    out = []
    table = _table()
    for m in _REPLACED.finditer(text):
        ending = m.group(1)
        word = re.search(r"[A-Za-z]+$", text[max(0, m.start() - 20):m.start()]).group().lower()
        if ending == "t" and not word.endswith("n"):
            continue
        if ending not in ("s", "t") and word not in table.get(ending, ()):
            continue
        if text[m.start()] == "?" and _URLISH.search(_token(text, m.start(), m.end())):
            continue
        out.append((m.start(), ending))
    return out


def spaced_gaps(text: str) -> list[tuple[int, str, str]]:
    """``(offset of the space, ending, kind)`` of each space that stands for an apostrophe: ``negation``
    (``couldn t``), ``pronoun`` (``it s``, ``you re``) or ``possessive`` (``Trump s tweet``).

    >>> [(text[i - 3:i + 2], kind) for text in ["I couldn t see it s end. Trump s tweet, a letter."]
    ...  for i, _, kind in spaced_gaps(text)]
    [('ldn t', 'negation'), (' it s', 'pronoun'), ('ump s', 'possessive')]
    """
    table = _table()
    out = []
    for m in _SPACED_ENDING.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 13), m.start())
        if before is None:
            continue
        word, ending = before.group(), m.group(1)
        lower = word.lower()
        if ending == "t":
            if lower.endswith("n") and lower[:-1] in table["negations"]:
                out.append((m.start(), ending, "negation"))
        elif lower in table.get(ending, ()) and (ending != "m" or word == "I"):
            out.append((m.start(), ending, "pronoun"))
        elif ending == "s" and len(word) > 1 and text[m.end():m.end() + 1] in (" ", ",", ".", ";", ":", "") \
                and lower not in table["not_possessive"]:
            out.append((m.start(), ending, "possessive"))
    return out


def lost_apostrophes(doc: Document) -> list[Finding]:
    """E010: an apostrophe replaced by U+FFFD, ``?``, ``¿`` or a space inside a contraction or possessive.

    >>> from cleaner.document import Document
    >>> [(f.suggestion, f.fix) for f in lost_apostrophes(Document("He didn\ufffdt go and it s over."))]
    [('’', 'safe'), ('’', 'unsafe')]
    """
    text = doc.text
    findings = []
    replaced = replaced_gaps(text) if "\ufffd" in text or "?" in text or "\u00bf" in text else []
    spaced = spaced_gaps(text)
    sure = len(replaced) + sum(1 for _, _, kind in spaced if kind == "negation")
    mark: Optional[str] = None
    for pos, ending in replaced:
        mark = mark or _article_mark(text, True)
        findings.append(doc.finding(
            "E010", f"lost apostrophe: {text[pos]!r} stands for the apostrophe of '{ending}", pos, pos + 1,
            suggestion=mark, fix="safe", confidence=0.9, source=SOURCE))
    for pos, ending, kind in spaced:
        if kind == "possessive" and sure < EVIDENCE:
            continue
        fix = "safe" if kind == "negation" or sure >= EVIDENCE else "unsafe"
        mark = mark or _article_mark(text, bool(replaced))
        findings.append(doc.finding(
            "E010", f"lost apostrophe: a space stands for the apostrophe of '{ending} ({kind})", pos, pos + 1,
            suggestion=mark, fix=fix, confidence=0.9 if fix == "safe" else 0.6, source=SOURCE))
    return findings
