"""G5xx: machine-translation and spinner phrases from ``rules/mt_phrases.toml``,
``rules/spinner_phrases.toml`` and user packs (``[[rule]]`` tables whose code starts with G5).

Each phrase is an ordinary rule-engine ``substitution`` rule (:mod:`cleaner.rule_engine`) with the
defaults of :data:`PHRASE_DEFAULTS` (any case, whole words, the replacement in the match's case and
number, unsafe), so a newsroom writes its own in the same form as every other pack. This module only
runs them: the anchors of the rules (:mod:`cleaner.rule_anchors`: literals one of which every match
contains) are found in one Aho-Corasick pass, a rule runs only on the paragraphs that hold one of its
anchors, so its cost follows those paragraphs, not the article's length, and a shipped pattern that
starts with look-behinds or an optional part gets a lookahead for its first letters, which lets
Python's regex engine skip most positions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..broad_rules import rein_in
from ..document import Document
from ..finding import Finding
from ..rule_anchors import AnchorIndex, fold_lowered
from ..rule_engine import Rule, load_rules, round_hits, rule_findings
from .. import snapshot
from ..rulepacks import load_builtin, load_user_pack, pack_versions, parsed

SOURCE = "names"  # findings keep the source they had when this lived in names.py
#: what a G5 rule is unless it says otherwise: a phrase in any case, as whole words, in each paragraph;
#: the replacement follows the match's initial capital and plural (``hard circle drives?``)
PHRASE_DEFAULTS = {
    "kind": "substitution", "scope": "paragraph", "ignorecase": True, "whole-word": True, "keep-case": True,
    "keep-plural": True, "fix": "unsafe", "confidence": 0.8, "message": "machine-translation phrase",
}


@lru_cache(maxsize=16)
def _phrase_rules(user_packs: tuple) -> tuple:
    """The G5 rules of the shipped phrase packs and of ``user_packs`` (``((path, version), ...)``, see
    ``rulepacks.pack_versions``), compiled by the rule engine."""
    rules: list[Rule] = []
    packs = [(f"rules/{name}.toml", load_builtin(name)) for name in ("mt_phrases", "spinner_phrases")]
    packs += [(path, load_user_pack(path)) for path, _ in user_packs]
    for where, pack in packs:
        entries = []
        for entry in pack.get("rule", []):
            if not str(entry.get("code", "")).startswith("G5"):
                continue
            if "replacement" not in entry and "swap" not in entry and "fix" not in entry:
                entry = {**entry, "fix": "none"}  # nothing to put in its place: reported, never deleted
            entry = {**PHRASE_DEFAULTS, **entry}
            if "pattern" in entry and where.startswith("rules/"):  # a user pack's runs on RE2: no fast start
                pattern = entry["pattern"]
                entry["pattern"] = snapshot.memo("fast-start", pattern, lambda: _fast_start(pattern))
            entries.append(entry)
        rules.extend(load_rules({"rule": entries}, where))
    return tuple(rules)


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


@lru_cache(maxsize=16)
def _phrase_index(user_packs: tuple) -> tuple:
    """The phrase rules, the anchor index of their patterns and the numbers of the rules without anchors
    (a user pack's, on RE2: they run on every paragraph)."""
    rules = _phrase_rules(user_packs)
    index = AnchorIndex(rules)
    return rules, index, tuple(n for n, anchored in enumerate(index.anchored) if not anchored)


def phrases(doc: Document, ctx) -> list[Finding]:
    """G5xx: machine-translation and spinner phrases from the rule packs.

    ``the last ISIS-held resistance pack`` → ``the last ISIS-held resistance pocket`` (unsafe).
    """
    user = pack_versions(getattr(ctx.settings, "extend_rules", []) or [])
    rules, index, unanchored = _phrase_index(user)
    # rule number -> its anchors' spans (None: every rule runs everywhere), on the case-folded text made
    # from the lower case the G passes share
    hits = round_hits(index, doc, ctx, fold_lowered(doc.tokens.lowered))
    chosen = range(len(rules)) if hits is None else sorted(set(hits).union(unanchored))
    findings = []
    cache: dict = {}
    for number in chosen:
        rule = rules[number]
        if not ctx.enabled(rule.code):
            continue
        anchors = hits[number] if hits is not None and index.anchored[number] else None
        mine = rule_findings(doc, rule, f"{SOURCE}:phrases", cache, anchors)
        if mine:  # a pack's `(?s).+` or `\\w+` rewrites nothing: its findings are reported only (the
            # article's words are counted only then: a rule that found nothing needs no count)
            findings.extend(rein_in(doc.text, mine, lambda f: rule.code, doc.word_count))
    findings.sort(key=lambda f: f.start)
    return findings
