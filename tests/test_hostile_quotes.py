"""A line of alternating quotation marks, a shape found by probing ``clean`` with dense tokens of every
family's trigger: ``“‘“‘…’”’”…`` before a sentence. 8,000 characters took 7.7 s and 32,000 never
finished in five minutes (quadratic twice over):

- Q006's report of an unpaired paragraph tested each mark with ``m in para.stray_closes``, comparing it
  with every stray closing mark;
- after the first fix round left a run of thousands of closing marks, each mark of the run read the
  rest of the run again (``quote_model._past_run``).

The tests count the comparisons and the characters read, not time.
"""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.checks import quote_model

TEXT = "“‘“‘" * 1_000 + "’”’”" * 1_000 + " The mayor said the new bridge would open in May."


class _CountingPattern:
    def __init__(self, pattern, counts):
        self.pattern, self.counts = pattern, counts

    def match(self, text, pos, end):
        found = self.pattern.match(text, pos, end)
        self.counts["read"] += (found.end() if found else pos) - pos
        return found


def test_each_run_of_marks_is_read_once(monkeypatch):
    counts = {"read": 0}
    monkeypatch.setattr(quote_model, "_RUNS", {ch: _CountingPattern(p, counts) for ch, p in quote_model._RUNS.items()})
    result = Cleaner(select=["Q"]).clean(TEXT)
    assert result.text != TEXT  # the marks are repaired (and the runs they leave are read) ...
    assert counts["read"] <= 2 * len(TEXT)  # ... each mark a few times at most, not once per mark of its run


def test_an_unpaired_paragraph_is_reported_without_comparing_every_pair_of_marks(monkeypatch):
    compared = {"n": 0}
    original = quote_model.Mark.__eq__

    def counting(self, other):
        compared["n"] += 1
        return original(self, other)

    monkeypatch.setattr(quote_model.Mark, "__eq__", counting)
    result = Cleaner(select=["Q"]).clean(TEXT)  # the first round leaves a paragraph of unpaired marks
    assert any("pair with nothing" in f.message for f in result.remaining)
    assert compared["n"] <= len(TEXT)


def test_the_resumed_narration_search_starts_only_at_the_first_blank_of_a_run():
    """A quoted phrase followed by a long run of blanks: were every blank of the run a start, each would read
    the rest of the run (40,000 blanks took 7.5 s). Only a run's first blank starts a match."""
    text = 'called it "devastating' + " " * 5 + "and said the state would help."
    first = text.index(" ", text.index("devastating"))
    assert quote_model._RESUMED.match(text, first) is not None
    assert all(quote_model._RESUMED.match(text, k) is None for k in range(first + 1, first + 5))
    assert quote_model._narration_resumes(text, 11, len(text) - 1) == first
