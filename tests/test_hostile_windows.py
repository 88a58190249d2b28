"""A long line searched only around its anchors (issue 17: a 1 MB line under 2 s).

A rule pattern with a required literal and a bounded reach is searched in windows around that
literal's hits on a long unit instead of over the whole unit; what it finds must be exactly what a
whole-unit search finds, whatever look-arounds, ``$`` or ``\\b`` the pattern uses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cleaner import Cleaner, rule_engine
from cleaner.checks.boilerplate import builtin_rules
from cleaner.document import Document
from cleaner.executor import time_limit
from cleaner.rule_anchors import match_windows, read_reach, required_literals, windowed_finditer

ROOT = Path(__file__).resolve().parent.parent
BODIES = ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json"

# each reads past its match (a look-ahead, \b, $) or before it (a look-behind), or has alternatives
PATTERNS = [
    r"ab",
    r"(?<=\. )ab\b",
    r"ab(?=a{1,3}\.)",
    r"ab(?!a)",
    r"(?:ab|ba)a?$",
    r"b{1,4}a\.",
    r"(?<![a.])ab(?= [A-Z])",
    r"(?i)AB\.?",
    r"(?:^|(?<=\. ))ab",
]


def _windowed(pattern: re.Pattern, text: str) -> list:
    literals = required_literals(pattern)
    assert literals, pattern.pattern
    haystack = text.lower() if pattern.flags & re.IGNORECASE else text
    spans = sorted((m.start(), m.start() + len(lit)) for lit in literals for m in re.finditer(
        "(?=" + re.escape(lit) + ")", haystack))
    reach = read_reach(pattern)
    return [m.span() for m in windowed_finditer(pattern, text, match_windows(spans, reach), reach)]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), st.text(alphabet="ab. A\n", max_size=120))
def test_a_windowed_search_finds_what_a_whole_search_finds(pattern, text):
    compiled = re.compile(pattern)
    assert _windowed(compiled, text) == [m.span() for m in compiled.finditer(text) if m.end() > m.start()]


@pytest.mark.parametrize("pattern, reach", [
    (r"Fin", 4),  # three letters, then one more for \b or $
    (r"Fin(?= [A-Z]{2})", 7),  # a look-ahead reads past the match
    (r"(?<=\. )Fin\.?", 5),  # a look-behind reads before it: not counted
    (r"Fin\s+", None),  # unbounded: searched whole
    (r"Fin(?=.*x)", None),
])
def test_read_reach(pattern, reach):
    assert read_reach(re.compile(pattern)) == reach


def test_boilerplate_rules_find_the_same_on_a_long_line_with_and_without_windows(monkeypatch):
    bodies = [v["articleBody"] for v in json.loads(BODIES.read_text(encoding="utf-8")).values()]
    junk = [" Follow us on Twitter @example.", " ADVERTISEMENT", " (Reporting by Jane Doe; Editing by Tom Roe)",
            " Read more: https://example.com/a", " [ad_1]", " Photo: Getty Images."]
    line = " ".join(" ".join(body.split()) + junk[i % len(junk)] for i, body in enumerate(bodies))
    texts = [line, "\n\n".join(bodies) + "\n\n" + line]
    rules = builtin_rules()

    def found():
        return [[(f.code, f.start, f.end, f.suggestion, f.fix) for f in rule_engine.run_rules(Document(t), None, rules)]
                for t in texts]

    monkeypatch.setattr(rule_engine, "WINDOWED_UNIT", 10**12)
    whole = found()
    monkeypatch.setattr(rule_engine, "WINDOWED_UNIT", 0)
    assert found() == whole
    assert len(whole[0]) >= 20  # the comparison covers real findings on the long line


@pytest.mark.parametrize("pattern, literals", [
    (r"(?:©|ⓒ)\s?.{0,200}", {"©", "ⓒ"}),  # the parser makes the alternation a class: each character anchors
    (r"[^.]{1,40}(?:\s(?:»|›|>)\s[^.]{1,40}){2,6}", {"»", "›", ">"}),
    (r"(?i)by (?-i:Credit [A-Z]\w+)", {"credit "}),  # a case-sensitive part of a folded pattern, folded
    (r"(?i:credit) line", {" line"}),  # a case-insensitive part of an exact pattern: not followed
    (r"[a-z]\d", None),  # a range is no list of characters
])
def test_classes_and_scoped_case_give_anchors(pattern, literals):
    found = required_literals(re.compile(pattern))
    assert (None if found is None else set(found)) == literals


def test_every_shipped_boilerplate_rule_has_an_anchor_and_a_bounded_reach():
    """A rule without an anchor runs on every line: 33,333 two-character lines cost B 0.87 s of 1.8 s.
    A pattern without a bounded reach is searched over the whole of a long unit, and an unbounded
    repeat is where a backtracking blow-up hides (``(?: of [^\\n]{1,60}?)*`` took 2.4 s on a 100-character
    line, x4 per five characters; ``\\s*:?\\s*`` was quadratic in a whitespace run)."""
    from cleaner.rule_anchors import AnchorIndex

    rules = builtin_rules()
    unanchored = [(r.code, r.patterns[0][0].pattern) for r, a in zip(rules, AnchorIndex(rules).anchored) if not a]
    assert not unanchored, f"these rules hold no literal (see rule_anchors.required_literals): {unanchored}"
    unbounded = [(r.code, p.pattern) for r in rules for p, _ in r.patterns if read_reach(p) is None]
    assert not unbounded, f"bound each repeat (x{{0,40}}, not x* or x+) in these patterns: {unbounded}"


@pytest.mark.parametrize("line", [
    "Republication" + " of x" * 30 + " without fear",  # nested repeats: exponential in the " of" phrases
    "Source by" + " \t" * 100_000 + ":" + "x" * 100,  # adjacent \s* runs: quadratic in the whitespace
])
def test_hostile_lines_for_boilerplate_patterns_are_checked_quickly(line):
    text = "The mayor spoke on Monday.\n\n" + line + "\n\nThe council agreed."
    with time_limit(20):  # a hang guard: each takes milliseconds now, minutes to hours before
        result = Cleaner(select=["B"]).clean(text)
    assert "The mayor spoke on Monday." in result.text and "The council agreed." in result.text


@pytest.mark.parametrize("line, code", [
    ("Republication or redistribution of Reuters content, including by framing or similar means, is expressly"
     " prohibited without the prior written consent of Reuters.", "B007"),
    ("Reproduction in whole or in part without written permission is prohibited.", "B007"),
    ("Source by : Daily Planet", "B002"),
    ("Follow us: twitter | facebook | instagram", "B010"),
])
def test_bounded_boilerplate_patterns_still_find_their_lines(line, code):
    text = "The mayor spoke on Monday.\n\n" + line + "\n\nThe council agreed to the plan."
    assert code in [f.code for f in Cleaner(select=["B"]).check(text).findings]
