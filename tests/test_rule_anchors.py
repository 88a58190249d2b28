"""Rule anchors: a rule runs only on the units holding one of its literals, and finds exactly what it
would find on every unit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cleaner.checks.boilerplate import builtin_rules
from cleaner.document import Document
from cleaner.rule_anchors import AnchorIndex, fold, required_literals
from cleaner.rule_engine import load_rules, run_rules

ROOT = Path(__file__).resolve().parent.parent
BODIES = ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json"


def _everywhere(monkeypatch):
    """Make every rule run on every unit (the engine without anchors)."""
    monkeypatch.setattr(AnchorIndex, "hits", lambda self, text, folded_text=None: None)


def _found(doc, rules):
    return [(f.code, f.start, f.end, f.suggestion, f.fix, f.message) for f in run_rules(doc, None, rules)]


@pytest.mark.parametrize("pattern, literals", [
    # the parser factors a branch's common prefix out ("S"): what is left is the anchor
    (r"(?:SOURCE|Source)\s?:\s?[A-Z]\w+", {"OURCE", "ource"}),
    (r"[\w' ]{1,25}\s?:\s?https?://\S{1,300}", {"http"}),
    (r"(?i)Read MORE\b", {"read more"}),  # case-insensitive: folded
    (r"(?:ab)+c|x?abc", {"ab", "abc"}),  # each arm of an alternation gives its own
    (r"\w+:?", None),  # nothing literal
    (r"(?:a|\d)b", {"b"}),  # a branch without a literal in every arm gives nothing; the run after it does
    (r"(?i:read) more", {" more"}),  # a scoped case change is not followed
])
def test_required_literals(pattern, literals):
    found = required_literals(re.compile(pattern))
    assert (None if found is None else set(found)) == literals


def test_builtin_rules_find_the_same_with_and_without_anchors(monkeypatch):
    rules = builtin_rules()
    assert sum(AnchorIndex(rules).anchored) >= len(rules) - 3  # almost every rule can be skipped
    texts = [v["articleBody"] for v in json.loads(BODIES.read_text(encoding="utf-8")).values()]
    texts.append("Read more: https://example.com/a\n\nADVERTISEMENT\n\nFollow us on Twitter @example\n\n"
                 "\u00a9 2020 Example Media. All rights reserved.")
    anchored = [_found(Document(t), rules) for t in texts]
    _everywhere(monkeypatch)
    assert [_found(Document(t), rules) for t in texts] == anchored
    assert sum(map(len, anchored)) > 10  # the comparison covers real findings


def test_case_equivalents_beyond_lower_case_still_match():
    rules = load_rules({"rule": [{"code": "X001", "message": "m", "pattern": "\\bstop press\\b", "ignorecase": True}]})
    # "ſ" (long s) is "s" to a case-insensitive regex but not to str.lower
    assert fold("Teſt") == fold("TEST")
    doc = Document("The ſtop preſs line.")
    assert [(f.start, f.end) for f in run_rules(doc, None, rules)] == [(4, 15)]
    # a character whose lower case is longer ("İ") would move offsets: every unit is searched
    doc = Document("İ\nSTOP PRESS")
    assert [(f.start, f.end) for f in run_rules(doc, None, rules)] == [(1, 12)]


def test_a_unit_without_the_anchor_is_not_searched():
    rules = load_rules({"rule": [{"code": "X001", "message": "m", "pattern": "^Read more$", "scope": "line"}]})
    assert required_literals(rules[0].patterns[0][0]) == {"Read more"}
    spans = AnchorIndex(rules).hits("Read more\nSomething else\nRead more")
    assert spans == {0: [(0, 9), (25, 34)]}


def test_a_shipped_pattern_is_compiled_only_when_its_anchor_is_in_an_article():
    """Compiling every shipped pattern cost a cold start 0.04 s; a rule runs only where its anchors are."""
    from cleaner import Cleaner
    from cleaner.checks.boilerplate import builtin_rules
    from cleaner.rulepacks import LazyPattern

    cleaner = Cleaner(select=["B"])
    rules = builtin_rules()
    patterns = [p for rule in rules for p, _ in rule.patterns]
    assert patterns and all(isinstance(p, LazyPattern) for p in patterns)
    ad = [p for p in patterns if p.search("x [ad_1] y")]  # (compiles those it tries: count after)
    for p in patterns:
        p._compiled = None
    cleaner.check("The mayor said the budget was passed on Tuesday.\n\nShe thanked the council.")
    compiled_clean = sum(p._compiled is not None for p in patterns)
    result = cleaner.check("The mayor said the budget was passed on Tuesday.\n\n[ad_1]\n\nShe thanked the council.")
    assert [f.code for f in result.findings if f.excerpt == "[ad_1]"]
    assert compiled_clean < len(patterns) // 4
    assert any(p._compiled is not None for p in ad)


def test_a_folded_text_from_the_caller_gives_the_same_hits():
    """``hits(text, fold(text))`` (the G phrases pass gives the case-folded text it makes from the lower
    case the G passes share) finds what ``hits(text)`` finds, and ``fold`` merges re's case equivalents."""
    from cleaner.checks.phrases import _phrase_index
    from cleaner.rule_anchors import fold_lowered

    _, index, _ = _phrase_index(())
    for text in ("The last ISIS-held RESISTANCE PACK fell.", "Resiſtance pack and ſome peaceful population",
                 "Plain text about a budget, with no phrase."):
        assert fold_lowered(text.lower()) == fold(text)
        assert index.hits(text, fold(text)) == index.hits(text)
    assert index.hits("the Resiſtance pack")  # ſ is an s to re.IGNORECASE: the anchor is found


def _every_occurrence(haystack: str, literal: str) -> list:
    spans, at = [], haystack.find(literal)
    while at >= 0:
        spans.append((at, at + len(literal)))
        at = haystack.find(literal, at + 1)
    return spans


@pytest.mark.parametrize("text", [
    "COPYRIGHT © 2020. Copyright © 2021, By Jane Doe | BY JOHN DOE | by hand — Advertisement",
    "ΣΑΣΑ σας ΑΣ: Advertisement ADVERTISEMENT advertisement Follow us FOLLOW US",
    "Teſt the Kelvin sign \u212a and Read more: Read More — READ MORE ©",
    "İstanbul Copyright © 2020",  # a lower case that is longer: no hits, every rule runs
])
def test_hits_are_every_occurrence_of_every_anchor(text):
    """One scan of the folded text finds each case-sensitive anchor exactly where the text holds it,
    and each case-insensitive one where the folded text does: every occurrence, overlapping ones too."""
    rules = tuple(builtin_rules()) + tuple(load_rules({"rule": [
        {"code": "X001", "message": "m", "pattern": "ΣΑΣ"},  # a capital sigma folds by its neighbours
        {"code": "X002", "message": "m", "pattern": "Advertisement"},
        {"code": "X003", "message": "m", "pattern": "\u212a"},
    ]}))
    index = AnchorIndex(rules)
    hits = index.hits(text)
    if len(fold(text)) != len(text):
        assert hits is None
        return
    expected: dict = {}
    for number, rule in enumerate(rules):
        for pattern, _ in rule.patterns:
            folded = bool(pattern.flags & re.IGNORECASE)
            for literal in required_literals(pattern) or ():
                expected.setdefault(number, set()).update(_every_occurrence(fold(text) if folded else text, literal))
    expected = {number: sorted(spans) for number, spans in expected.items() if spans}
    assert {number: sorted(set(spans)) for number, spans in hits.items()} == expected
    assert ((len(rules) - 3) in hits) == ("ΣΑΣ" in text)  # a capital sigma: found where the text has it
    assert len(hits.get(len(rules) - 2, [])) == text.count("Advertisement")  # not "ADVERTISEMENT", which folds alike


def test_no_shipped_rule_is_anchored_on_a_single_letter():
    # an alternative such as ``a ?a ?a`` made ``a`` an anchor: every line became a candidate, and a text of
    # 5,000 capitals stored a hit at each (tests/test_hostile_tokens.py's memory limit caught it)
    from cleaner.rule_anchors import _anchor_table

    _, _, keys, _ = _anchor_table(builtin_rules())
    single = sorted(k for table in keys for k in table if len(k.strip()) == 1 and k.strip().isalpha())
    assert single == []
