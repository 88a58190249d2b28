"""The G5xx phrase rules are run only on texts that contain their anchor: the anchor must be sound."""

from __future__ import annotations

import re

import pytest

from cleaner.checks.names import _anchor, _phrase_scanner


@pytest.mark.parametrize("pattern, anchor", [
    ("resistance packs?", ("resistance pack",)),
    # the parser factors out a common prefix ("in"): the branches that remain are the anchor
    ("(?:fake|simulated) (?:insight|intellect)", ("sight", "tellect")),
    # a lookbehind's text is in the string too; an alternation is anchored by all its branches
    ("(?:(?<=breast )|(?<=lung ))malignant growths?|malignant growth(?= patients)", ("malignant growth",)),
    ("(?:(?<=breast )|(?<=lung ))(?:ca|cb)", ("breast", "lung")),
    ("(?:reactive |jet )?systems? of (?:salvo|volley) fire|(?:salvo|volley) fire systems?", ("system", "fire system")),
    ("ab|cd", ()),  # nothing of three characters: always searched
    ("(?:the )?x+y", ()),
])
def test_anchor(pattern, anchor):
    assert _anchor(pattern) == anchor


def test_every_shipped_phrase_rule_has_a_sound_anchor():
    automaton, rules = _phrase_scanner(())
    assert len(rules) > 100
    exercised = 0
    for anchor, (_, _, pattern, _, _, _) in rules:
        assert anchor, pattern.pattern  # each shipped rule can be skipped cheaply
        # every string the pattern matches (with its lookbehind context) contains an anchor
        matched = [sample for sample in _samples(pattern.pattern) if pattern.search(sample)]
        for sample in matched:
            assert any(a in sample for a in anchor), (pattern.pattern, sample)
            # and the one automaton pass over the text finds it: the rule is run
            assert {found for _, found in automaton.iter(sample)} & set(anchor), (pattern.pattern, sample)
        exercised += bool(matched)
    assert exercised >= len(rules) * 0.6  # the samples really match most rules


def _samples(pattern: str) -> list:
    """Texts built from a pattern's top-level branches with optional parts taken and dropped."""
    texts = []
    for branch in re.split(r"\|(?![^()]*\))", pattern):
        plain = re.sub(r"\(\?<?[=!][^()]*\)", "", branch)
        for keep in (True, False):
            text = re.sub(r"\(\?:([^()|]*)(?:\|[^()]*)?\)\??", r"\1" if keep else "", plain)
            text = re.sub(r"\[(\w)\w*\]", r"\1", text).replace("?", "").replace("\\", "")
            texts.append(f"before breast lung {text} patients after")
    return texts
