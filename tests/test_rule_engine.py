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
