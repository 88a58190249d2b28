"""S's shortcuts for long and dense texts give what the plain computation gives, computed once."""

from __future__ import annotations

from collections import Counter

from cleaner import Cleaner
import cleaner.checks.spelling as spelling


def test_a_confirming_round_reuses_the_articles_suggestions(monkeypatch):
    """The safe fix of ``goverment`` makes a second round re-read the paragraph; ``majr`` between the
    same words is ranked once (a text dense with unknown words outgrew the process cache and paid twice)."""
    asked: Counter = Counter()
    ranked, misspellings = spelling._ranked, spelling.misspellings
    rounds = []
    monkeypatch.setattr(spelling, "_ranked", lambda *key: (asked.update([key]), ranked(*key))[1])
    monkeypatch.setattr(spelling, "misspellings", lambda doc, ctx: (rounds.append(doc.text), misspellings(doc, ctx))[1])
    text = ("The goverment said the new bridge will open in the spring, and residents welcomed the plan as a majr "
            "step forward for the town.\n")
    result = Cleaner(None).clean(text)
    assert result.text.startswith("The government said")
    assert [(f.code, f.suggestion) for f in result.findings] == [("S001", "government"), ("S002", "major")]
    assert len(rounds) == 2  # the fixed paragraph was checked again
    assert asked == Counter({("majr", 3, "a", "step"): 1})
