"""Dense names, a shape found by probing ``clean`` with 30,000- and 120,000-character inputs of fifty
kinds of dense tokens: thousands of made-up capitalised names (``Qwerty Zxcvb said. ...``).

G001's slip of an article name compared each unknown name with every capitalised word of the article
of the same initial and a near length: 3.8x a normal article's time per MB at 30,000 characters, 8x
at 120,000 (quadratic). A name written once and known nowhere can never be the name a slip is taken
for, so it is no longer compared, and at most ``MAX_TARGETS`` words of one initial and length are.
The tests count the words compared, not time.
"""

from __future__ import annotations

import random
import string

import pytest

from cleaner import Cleaner
from cleaner.checks import name_slips


def made_up_names(count: int, seed: int, times: int = 1) -> str:
    rng = random.Random(seed)

    def name() -> str:
        return rng.choice(string.ascii_uppercase) + "".join(rng.choice("aeioulnrstkm") for _ in range(rng.randint(4, 8)))

    pairs = [f"{name()} {name()}" for _ in range(count)]
    return " ".join(f"{pair} said the bridge would open in May." for pair in pairs * times)


@pytest.fixture
def compared(monkeypatch):
    """Words compared with each slip, summed over calls of ``_within_edits``."""
    counts = {"words": 0, "calls": 0}
    original = name_slips._within_edits

    def counting(word, words, edits):
        counts["words"] += len(words)
        counts["calls"] += 1
        return original(word, words, edits)

    monkeypatch.setattr(name_slips, "_within_edits", counting)
    monkeypatch.setattr(name_slips, "SEARCH_BUDGET_BASE", 10**9)  # (no budget: every name is looked at)
    return counts


def test_names_written_once_are_never_compared_with_each_other(compared):
    Cleaner(select=["G001"]).check(made_up_names(1_500, seed=3))
    assert compared["calls"] > 1_000  # every made-up name is looked at ...
    assert compared["words"] <= 2 * compared["calls"]  # ... against the days and months only


def test_words_compared_per_slip_are_bounded_however_many_names_the_article_writes_twice(compared, monkeypatch):
    monkeypatch.setattr(name_slips, "MAX_TARGETS", 3, raising=False)
    text = made_up_names(1_000, seed=4, times=2) + " " + made_up_names(400, seed=5)
    Cleaner(select=["G001"]).check(text)
    assert compared["calls"] > 300 and compared["words"] <= 3 * compared["calls"]


def test_a_slip_of_a_name_the_article_writes_twice_is_still_found_among_many_names():
    # (the slip before the names: past the article's search budget, search_budget.py, no word is compared)
    text = "Ms. Kowalczyk spoke. Ms. Kowalczyk left. Then Ms. Kowalcyzk said no. " + made_up_names(300, seed=6)
    findings = Cleaner(select=["G001"]).check(text).findings
    assert [(text[f.start:f.end], f.suggestion) for f in findings if f.suggestion == "Kowalczyk"] == [("Kowalcyzk", "Kowalczyk")]
