"""The G5xx phrase rules run only on the paragraphs that hold one of their anchors (the rule engine's
``rule_anchors``): every shipped rule must have anchors, and they must be sound."""

from __future__ import annotations

import random
import re

import pytest

from cleaner import check
from cleaner.checks.phrases import _fast_start, _phrase_index, _phrase_rules
from cleaner.rule_anchors import required_literals


@pytest.mark.parametrize("pattern, anchor", [
    ("resistance packs?", {"resistance pack"}),
    # the parser factors out a common prefix ("in"): the branches that remain are the anchor
    ("(?:fake|simulated) (?:insight|intellect)", {"sight", "tellect"}),
    # an alternation is anchored by all its branches; look-behinds add nothing
    ("(?:(?<=breast )|(?<=lung ))malignant growths?|malignant growth(?= patients)", {"malignant growth"}),
    ("(?:reactive |jet )?systems? of (?:salvo|volley) fire|(?:salvo|volley) fire systems?", {"system", " fire system"}),
    # the fast-start lookahead in front changes nothing
    ("(?=[m])(?:(?<=breast )|(?<=lung ))malignant growths?", {"malignant growth"}),
])
def test_phrase_pattern_anchors(pattern, anchor):
    assert required_literals(re.compile(pattern)) == anchor


def test_every_shipped_phrase_rule_has_a_sound_anchor():
    rules, index, unanchored = _phrase_index(())
    assert len(rules) > 100 and all(index.anchored) and unanchored == ()  # each shipped rule can be skipped cheaply
    exercised = 0
    for number, rule in enumerate(rules):
        pattern = rule.patterns[0][0]
        # every string the pattern matches (with its lookbehind context) holds an anchor the index finds
        matched = [sample for sample in _samples(pattern.pattern) if pattern.search(sample)]
        for sample in matched:
            hits = index.hits(sample)
            assert number in hits, (pattern.pattern, sample)
            # and one of them lies inside the match: the paragraph holding the match is searched
            match = pattern.search(sample)
            assert any(match.start() <= s and e <= match.end() for s, e in hits[number]), (pattern.pattern, sample)
        exercised += bool(matched)
    assert exercised >= len(rules) * 0.6  # the samples really match most rules


def test_a_phrase_is_found_in_any_paragraph_and_only_where_it_is():
    """Rules run on the paragraphs holding their anchors: the phrase of the third paragraph is found at
    its own offsets, and an anchor alone (``resistance`` in the first) finds nothing."""
    text = ("The resistance grew in the north, officials said.\n\n"
            "Troops moved in on Tuesday.\n\n"
            "They cleared the last ISIS-held resistance pack near the river.")
    found = check(text, select=["G5"])
    start = text.index("resistance pack")
    assert [(f.code, f.start, f.end, f.suggestion) for f in found] == [
        ("G501", start, start + len("resistance pack"), "resistance pocket")]


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
    rewritten = [rule.patterns[0][0] for rule in _phrase_rules(()) if rule.patterns[0][0].pattern.startswith("(?=[")]
    assert len(rewritten) >= 10
    rng = random.Random(7)
    for fast in rewritten:
        plain = re.compile(fast.pattern[fast.pattern.index("])") + 2:], fast.flags)
        words = re.findall(r"[a-z’'-]+", plain.pattern) + ["x", "the"]
        for _ in range(300):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
