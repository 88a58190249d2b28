"""The rule engine: a rule's findings on a unit depend on that unit alone."""

from __future__ import annotations

from cleaner.document import Document
from cleaner.rule_engine import load_rules, run_rules


def test_a_line_is_judged_by_its_own_word_count_not_its_paragraphs():
    """A line and the paragraph it starts begin at the same offset: the word count kept for one was
    read as the other's, so a line rule with ``max-words`` missed ``Advertisement`` once a paragraph
    rule had counted the paragraph's 30 words there."""
    rules = load_rules({"rule": [
        {"code": "X001", "message": "m", "pattern": "Advertisement[^.]+zzz", "scope": "paragraph", "max-words": 5},
        {"code": "X002", "message": "m", "pattern": "^Advertisement$", "scope": "line", "max-words": 3},
    ]})
    doc = Document("Advertisement\n" + "the council met on Tuesday " * 6 + "and voted.\n\nShe said so.")
    found = [(f.code, doc.text[f.start:f.end]) for f in run_rules(doc, None, rules)]
    assert found == [("X002", "Advertisement\n")]
    assert found == [(f.code, doc.text[f.start:f.end]) for f in run_rules(doc, None, rules[1:])]


TEXT = ("The city council voted on Tuesday to close the bridge for repairs, officials said.\n\n"
        "Advert\u00adisement\n\n"  # a soft hyphen: the word is the ad marker only once E removed it
        "Residents can cross at the next bridge in the meantime, the mayor said on Wednesday.")


def _searches(monkeypatch, cleaner) -> tuple:
    """(result, [(rule, unit text)] of every search of a unit) of cleaning TEXT."""
    from cleaner import rule_engine

    searched = []
    unit_matches = rule_engine._unit_matches
    monkeypatch.setattr(rule_engine, "_unit_matches",
                        lambda rule, unit, *a: searched.append((rule.name, unit.text)) or unit_matches(rule, unit, *a))
    return cleaner.clean(TEXT), searched


def test_a_confirming_round_searches_again_only_the_units_an_edit_changed(monkeypatch):
    from cleaner import Cleaner

    result, searched = _searches(monkeypatch, Cleaner(select=["B", "E"]))
    # round 1 removes the soft hyphen (E004); round 2 finds the marker in the line that changed (B006)
    assert [(f.code, f.extra.get("fix_round")) for f in result.findings] == [("B006", 2), ("E004", None)]
    assert "Advertisement" in {text for _, text in searched}
    assert len(searched) == len(set(searched))  # the unchanged paragraphs: searched once, for both rounds

    full = Cleaner(select=["B", "E"])
    full.incremental_rechecks = False  # every round searches every unit again: the same output
    again, searched_again = _searches(monkeypatch, full)
    assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in result.findings]
    assert len(searched_again) > len(set(searched_again)) == len(set(searched))
