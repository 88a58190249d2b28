"""G5xx: machine-translation and spinner phrases from ``rules/mt_phrases.toml``,
``rules/spinner_phrases.toml`` and user packs (``[[rule]]`` tables whose code starts with G5).

Matched here rather than with the generic rule engine so that every pack's patterns are checked with
``compile_safe`` and cost little on the articles that cannot match them: one Aho-Corasick pass finds
which rule anchors (substrings every match contains) an article holds, a rule whose anchors are all
absent is not run, and a pattern that starts with look-behinds or an optional part gets a lookahead
for its first letters, which lets Python's regex engine skip most positions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import ahocorasick

from ..document import Document
from ..finding import Finding
from ..rulepacks import compile_safe, load_builtin, load_user_pack

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
            pattern = rule["pattern"].lower()  # a user pack's runs on RE2, which needs no fast start
            pattern = compile_safe(_fast_start(pattern) if where.startswith("rules/") else pattern, where=where)
            rules.append((code, rule.get("message", "machine-translation phrase"), pattern,
                          rule.get("replacement"), rule.get("fix", "unsafe"), float(rule.get("confidence", 0.8))))
    return rules


def _parse(pattern: str) -> list:
    try:
        import re._parser as sre_parse  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    return list(sre_parse.parse(pattern))


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


def _anchor(pattern: str) -> tuple:
    """Substrings one of which every match of ``pattern`` contains (or sits right beside, for a
    lookaround), so a text holding none of them is not searched: the best of the literal runs and of the
    groups and alternations whose every branch has an anchor. ``(?:fake|simulated) (?:insight|intellect)``
    gives ``sight``/``tellect`` (the parser factors out ``in``); ``(?:(?<=breast )|(?<=lung ))malignant
    growth|malignant growth(?= patients)`` gives ``malignant growth``. ``()`` when no anchor of three
    characters or more exists: the rule is always searched."""
    return _anchor_of(_parse(pattern))


def _anchor_quality(anchor: tuple) -> tuple:
    return (min(map(len, anchor)), -len(anchor)) if anchor else (0, 0)


def _anchor_of(ops: list) -> tuple:
    """The anchor of a sequence of parsed regex items (see :func:`_anchor`)."""
    candidates: list = []
    run = ""
    for op, arg in ops + [(None, None)]:
        name = str(op)
        if name == "LITERAL":
            run += chr(arg)
            continue
        if run.strip():
            candidates.append((run.strip(),))
        run = ""
        if name == "BRANCH":
            branches = [_anchor_of(list(item)) for item in arg[1]]
            if all(_anchor_quality(b)[0] >= 3 for b in branches):
                candidates.append(tuple(dict.fromkeys(a for b in branches for a in b)))
        elif name == "SUBPATTERN":
            candidates.append(_anchor_of(list(arg[-1])))
        elif name == "ASSERT":  # a lookahead or lookbehind: its text is in the string too
            candidates.append(_anchor_of(list(arg[1])))
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and arg[0] >= 1:
            candidates.append(_anchor_of(list(arg[2])))
    best = max(candidates, key=_anchor_quality, default=())
    return best if _anchor_quality(best)[0] >= 3 else ()


@lru_cache(maxsize=16)
def _phrase_scanner(user_packs: tuple):
    """Each phrase rule with its anchor, and one Aho-Corasick automaton of every anchor: one C pass over
    the text tells which anchors it holds (a substring test per anchor cost ten times as much), and a
    rule whose anchors are all absent is not run."""
    rules = [(_anchor(rule[2].pattern), rule) for rule in _phrase_rules(user_packs)]
    automaton = ahocorasick.Automaton()
    for anchor in sorted({a for anchors, _ in rules for a in anchors}):
        automaton.add_word(anchor, anchor)
    if len(automaton):
        automaton.make_automaton()
    # anchor -> the rules it can start (by position), and the rules with no anchor, run on every text
    by_anchor: dict = {}
    for k, (anchors, _) in enumerate(rules):
        for a in anchors:
            by_anchor.setdefault(a, []).append(k)
    always = [k for k, (anchors, _) in enumerate(rules) if not anchors]
    return automaton, rules, by_anchor, always


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
    automaton, rules, by_anchor, always = _phrase_scanner(user)
    present = {anchor for _, anchor in automaton.iter(lowered)} if len(automaton) else set()
    # only the rules an anchor in the text can start (in the packs' order), not a test per rule
    chosen = sorted(set(always).union(*(by_anchor[a] for a in present)))
    for code, message, pattern, replacement, fix, confidence in (rules[k][1] for k in chosen):
        if not ctx.enabled(code):
            continue
        for m in pattern.finditer(lowered):
            start, end = m.span()
            if (start and (lowered[start - 1].isalnum() or lowered[start - 1] in "_-")) or (
                end < len(lowered) and (lowered[end].isalnum() or lowered[end] in "_-")
            ):
                continue
            suggestion = replacement
            if suggestion is not None and pattern.pattern.endswith("s?") and lowered[end - 1] == "s" \
                    and not suggestion.endswith("s"):
                suggestion += "s"  # "hard circle drives?" matched a plural: "hard disk drives"
            if suggestion is not None and text[start:start + 1].isupper():
                suggestion = suggestion[:1].upper() + suggestion[1:]
            findings.append(doc.finding(
                code, message, start, end, suggestion=suggestion, fix=fix, confidence=confidence,
                source=f"{SOURCE}:phrases",
            ))
    findings.sort(key=lambda f: f.start)
    return findings
