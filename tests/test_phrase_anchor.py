"""The G5xx phrase rules are run only on texts that contain their anchor: the anchor must be sound."""

from __future__ import annotations

import random
import re

import pytest

from cleaner.checks.phrases import _anchor, _fast_start, _phrase_scanner


@pytest.mark.parametrize("pattern, anchor", [
    ("resistance packs?", ("resistance pack",)),
    # the parser factors out a common prefix ("in"): the branches that remain are the anchor
    ("(?:fake|simulated) (?:insight|intellect)", ("sight", "tellect")),
    # a lookbehind's text is in the string too; an alternation is anchored by all its branches
    ("(?:(?<=breast )|(?<=lung ))malignant growths?|malignant growth(?= patients)", ("malignant growth",)),
    ("(?:(?<=breast )|(?<=lung ))(?:ca|cb)", ("breast", "lung")),
    ("(?:reactive |jet )?systems? of (?:salvo|volley) fire|(?:salvo|volley) fire systems?", ("system", "fire system")),
    # a lookahead first: its text is in every match
    ("(?=(?:rocket|missile) complex)(?:(?<=coastal )|(?<=anti-ship ))(?:rocket|missile) complex", ("complex",)),
    ("ab|cd", ()),  # nothing of three characters: always searched
    ("(?:the )?x+y", ()),
])
def test_anchor(pattern, anchor):
    assert _anchor(pattern) == anchor


def test_every_shipped_phrase_rule_has_a_sound_anchor():
    automaton, rules, by_anchor, always = _phrase_scanner(())
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
    # the anchor index leads from each anchor back to exactly the rules it belongs to
    assert always == [] and sorted(k for ks in by_anchor.values() for k in ks) == sorted(
        k for k, (anchor, _) in enumerate(rules) for _ in anchor)


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


@pytest.mark.parametrize("pattern, fast", [
    # look-behinds first: a lookahead for the first letters lets the engine skip positions
    ("(?:(?<=breast )|(?<=lung ))malignant growths?", "(?=[m])(?:(?<=breast )|(?<=lung ))malignant growths?"),
    ("(?<!communal )harmony(?= talks)", "(?=[h])(?<!communal )harmony(?= talks)"),
    ("(?:reactive |jet )?systems? of", "(?=[jrs])(?:reactive |jet )?systems? of"),
    # already fast (a literal or a set of them first), inline flags, or no literal start: unchanged
    ("resistance packs?", "resistance packs?"),
    ("(?:ab|cd)e", "(?:ab|cd)e"),
    ("(?i)abc", "(?i)abc"),
    ("(?<=x )\\w+ y", "(?<=x )\\w+ y"),
])
def test_fast_start(pattern, fast):
    assert _fast_start(pattern) == fast


def test_fast_start_keeps_every_match():
    """Same matches, same spans, with and without the lookahead, on texts built from the rules' words."""
    _, rules, _, _ = _phrase_scanner(())
    rewritten = [rule[2] for _, rule in rules if rule[2].pattern.startswith("(?=[")]
    assert len(rewritten) >= 10
    rng = random.Random(7)
    for fast in rewritten:
        plain = re.compile(fast.pattern[fast.pattern.index("])") + 2:])
        words = re.findall(r"[a-z’'-]+", plain.pattern) + ["x", "the"]
        for _ in range(300):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
