"""G5xx: machine-translation and spinner phrases from ``rules/mt_phrases.toml``,
``rules/spinner_phrases.toml`` and user packs (``[[rule]]`` tables whose code starts with G5).

Matched here rather than with the generic rule engine so that every pack's patterns are checked with
``compile_safe`` and cost little on the articles that cannot match them: the anchors of the rule engine
(:mod:`cleaner.rule_anchors`: literals one of which every match contains) are found in one
Aho-Corasick pass, and a rule runs only on the paragraphs that hold one of its anchors, so its cost
follows those paragraphs, not the article's length; a pattern that starts with look-behinds or an
optional part gets a lookahead for its first letters, which lets Python's regex engine skip most
positions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from ..broad_rules import rein_in
from ..document import Document
from ..finding import Finding
from ..rule_anchors import AnchorIndex, units_with_anchor
from .. import snapshot
from ..rulepacks import compile_safe, load_builtin, load_user_pack, parsed

SOURCE = "names"  # findings keep the source they had when this lived in names.py


@lru_cache(maxsize=16)
def _phrase_rules(user_packs: tuple) -> list:
    rules = []
    packs = [(f"rules/{name}.toml", load_builtin(name)) for name in ("mt_phrases", "spinner_phrases")]
    packs += [(path, load_user_pack(path)) for path in user_packs]
    for where, pack in packs:
        for rule in pack.get("rule", []):
            code = rule.get("code", "")
            if not code.startswith("G5"):
                continue
            # matched on the lower-cased text: patterns are lower-cased too (case-insensitive by design)
            pattern = lowered_pattern(rule["pattern"])  # a user pack's runs on RE2, which needs no fast start
            pattern = compile_safe(snapshot.memo("fast-start", pattern, lambda: _fast_start(pattern))
                                   if where.startswith("rules/") else pattern, where=where)
            rules.append((code, rule.get("message", "machine-translation phrase"), pattern,
                          rule.get("replacement"), rule.get("fix", "unsafe"), float(rule.get("confidence", 0.8))))
    return rules


def lowered_pattern(pattern: str) -> str:
    r"""``pattern`` lower-cased for matching lower-cased text, escapes kept as written: ``\S`` (not a space)
    must not become ``\s`` (a space), nor ``\W`` ``\w``.

    >>> lowered_pattern(r"Resistance\S+\W")
    'resistance\\S+\\W'
    """
    out, escaped = [], False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = not escaped and char == "\\"
    return "".join(out)


def _parse(pattern: str) -> list:
    return list(parsed(pattern))


def _fast_start(pattern: str) -> str:
    """``pattern`` behind a lookahead for the characters its matches can start with, when it starts
    with look-behinds or an optional part: Python's regex engine skips positions quickly only for a
    pattern that starts with a literal or a set of them, and tries such a pattern in full at every
    position (``(?:(?<=breast )|(?<=lung ))malignant growth`` costs ten times as much). The lookahead
    holds for every match, so the matches are the same."""
    try:
        items = _parse(pattern)
    except Exception:  # noqa: BLE001 - compile_safe reports the error with the pack's name
        return pattern
    if not items or (pattern.startswith("(?") and pattern[2:3].isalpha()):  # inline flags stay first
        return pattern
    op, arg = items[0]
    name = str(op)
    if name in ("LITERAL", "IN", "SUBPATTERN") or (
            name == "BRANCH" and all(b and str(b[0][0]) == "LITERAL" for b in arg[1])):
        return pattern  # the engine's own fast scan applies
    starts = _starts(items)
    if starts is None or starts[1] or not 0 < len(starts[0]) <= 24:
        return pattern
    return "(?=[" + "".join(sorted(re.escape(c) for c in starts[0])) + "])" + pattern


def _starts(items: list) -> Optional[tuple]:
    """(the characters a match of parsed ``items`` can start with, can it be empty?), past zero-width
    assertions; None when a first item is not literal text."""
    chars: set = set()
    for op, arg in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue
        if name == "LITERAL":
            return chars | {chr(arg)}, False
        if name == "IN":
            if not all(str(o) == "LITERAL" for o, _ in arg):
                return None
            return chars | {chr(a) for _, a in arg}, False
        if name == "BRANCH":
            subs = [_starts(list(branch)) for branch in arg[1]]
        elif name == "SUBPATTERN":
            subs = [_starts(list(arg[-1]))]
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            subs = [_starts(list(arg[2]))] + ([] if arg[0] >= 1 else [(set(), True)])
        else:
            return None
        if any(sub is None for sub in subs):
            return None
        for sub_chars, _ in subs:
            chars |= sub_chars
        if not any(empty for _, empty in subs):
            return chars, False
    return chars, True


class _Patterns(NamedTuple):
    """What :class:`cleaner.rule_anchors.AnchorIndex` reads of a rule: its patterns."""

    patterns: tuple


@lru_cache(maxsize=16)
def _phrase_index(user_packs: tuple) -> tuple:
    """The phrase rules, the anchor index of their patterns and the numbers of the rules without anchors
    (a user pack's, on RE2: they run on the whole text)."""
    rules = _phrase_rules(user_packs)
    index = AnchorIndex([_Patterns(((rule[2], None),)) for rule in rules])
    return rules, index, tuple(n for n, anchored in enumerate(index.anchored) if not anchored)


def _searched(doc: Document, index: AnchorIndex, hits: Optional[dict], unanchored: tuple) -> list:
    """(rule number, spans to run it on) in the packs' order: for an anchored rule the (start, end) of
    the paragraphs holding one of its anchors, for the others (a user pack's, or every rule when
    ``hits`` is None) ``[None]``, the whole text. A rule none of whose anchors is there is left out."""
    if hits is None:
        return [(number, [None]) for number in range(len(index.anchored))]
    paragraphs = doc.paragraphs
    starts = [p.start for p in paragraphs]
    chosen = sorted(set(hits).union(unanchored))
    return [(number, [(p.start, p.end) for p in units_with_anchor(paragraphs, starts, hits[number])]
             if index.anchored[number] else [None]) for number in chosen]


def phrases(doc: Document, ctx, lowered: Optional[str] = None) -> list[Finding]:
    """G5xx: machine-translation and spinner phrases from the rule packs.

    ``the last ISIS-held resistance pack`` → ``the last ISIS-held resistance pocket`` (unsafe).
    """
    user = tuple(getattr(ctx.settings, "extend_rules", []) or [])
    text = doc.text
    lowered = lowered if lowered is not None else text.lower()  # (the G pass has it already)
    if len(lowered) != len(text):  # a few characters lower-case to two; keep offsets exact
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    findings = []
    rules, index, unanchored = _phrase_index(user)
    hits = index.hits(lowered)  # rule number -> its anchors' spans (None: every rule runs everywhere)
    for number, spans in _searched(doc, index, hits, unanchored):
        code, message, pattern, replacement, fix, confidence = rules[number]
        if not ctx.enabled(code):
            continue
        mine = []
        for span in spans:
            matches = pattern.finditer(lowered) if span is None else pattern.finditer(lowered, *span)
            mine.extend(_found(doc, text, lowered, m.span(), code, message, pattern, replacement, fix, confidence)
                        for m in matches)
        mine = [f for f in mine if f is not None]
        if mine:  # a pack's `(?s).+` or `\\w+` rewrites nothing: its findings are reported only (the
            # article's words are counted only then: a rule that found nothing needs no count)
            findings.extend(rein_in(text, mine, lambda f: code, doc.word_count))
    findings.sort(key=lambda f: f.start)
    return findings


def _found(doc: Document, text: str, lowered: str, span: tuple, code: str, message: str, pattern, replacement,
           fix: str, confidence: float) -> Optional[Finding]:
    """The finding of one phrase match at ``span``, or None inside a longer word or when empty (a user
    pack's ``q*`` matches nothing everywhere: no phrase to replace)."""
    start, end = span
    if start == end or (start and (lowered[start - 1].isalnum() or lowered[start - 1] in "_-")) or (
        end < len(lowered) and (lowered[end].isalnum() or lowered[end] in "_-")
    ):
        return None
    suggestion = replacement
    if suggestion is not None and pattern.pattern.endswith("s?") and lowered[end - 1] == "s" \
            and not suggestion.endswith("s"):
        suggestion += "s"  # "hard circle drives?" matched a plural: "hard disk drives"
    if suggestion is not None and text[start:start + 1].isupper():
        suggestion = suggestion[:1].upper() + suggestion[1:]
    return doc.finding(
        code, message, start, end, suggestion=suggestion, fix=fix, confidence=confidence,
        source=f"{SOURCE}:phrases",
    )
