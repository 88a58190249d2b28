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


SLIPS = ("The council said the new plan was a majr step forward, and residents in the cuonty welcomed the "
         "plan on Tuesday after a long meetng about the bridge and the road.\n")


def test_every_unknown_word_is_judged_within_the_budget():
    result = Cleaner(select=["S"]).check(SLIPS)
    assert [(f.excerpt, f.suggestion) for f in result.findings] == [("majr", "major"), ("cuonty", "county"), ("meetng", "meeting")]
    assert not any("budget" in n for n in result.notices)


def test_words_past_the_search_budget_are_not_judged_and_a_notice_says_so(monkeypatch):
    """A text denser in unknown words than the budget allows (here shrunk to two) has the first ones
    judged, in text order, in every fix round alike; the rest are left alone and counted."""
    monkeypatch.setattr(spelling, "SEARCH_BUDGET_BASE", 2)
    monkeypatch.setattr(spelling, "SEARCH_BUDGET_PER_1000", 0)
    result = Cleaner(select=["S"]).check(SLIPS)
    assert [(f.excerpt, f.suggestion) for f in result.findings] == [("majr", "major"), ("cuonty", "county")]
    assert [n for n in result.notices if "budget" in n] == [
        "S002: 1 unknown word past the article's budget of 2 was not checked "
        "(a text this dense in unknown words is a list of names or of random words)"]
    fixed = Cleaner(select=["S"], unsafe_fixes=True).clean(SLIPS)
    assert "a major step" in fixed.text and "the county welcomed" in fixed.text and "long meetng about" in fixed.text
    assert [f.excerpt for f in fixed.findings] == ["majr", "cuonty"]  # the second round judged the same words


def test_misspelt_names_past_the_search_budget_are_not_compared(monkeypatch):
    from cleaner.checks import name_slips

    text = ("The Pentagon said on Tuesday that the new missile would be tested next year, and the Kremlin said "
            "it would watch.\n\nA Pentagin spokesman declined to comment further on the programme. A Kremlim "
            "spokesman agreed.")
    found = Cleaner(select=["G"]).check(text)
    assert [(f.excerpt, f.suggestion) for f in found.findings] == [("Pentagin", "Pentagon"), ("Kremlim", "Kremlin")]
    monkeypatch.setattr(name_slips, "SEARCH_BUDGET_BASE", 1)
    monkeypatch.setattr(name_slips, "SEARCH_BUDGET_PER_1000", 0)
    found = Cleaner(select=["G"]).check(text)
    assert [(f.excerpt, f.suggestion) for f in found.findings] == [("Pentagin", "Pentagon")]
    assert [n for n in found.notices if "budget" in n] == [
        "G001: 1 capitalised word past the article's budget of 1 was not checked as a misspelt name "
        "(a text this dense in unknown names is a list of made-up names)"]
