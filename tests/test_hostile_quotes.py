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

import random

import pytest

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


#: words and quotation shapes of every kind (German, angle, curly, straight, single, a contraction typed with a
#: double mark, mojibake), drawn at random into one paragraph: the lead's probe of stop 31
_NOISE_VOCABULARY = (
    "the council said on Monday that „Yes the mayor said.“ “homes, not excuses.’ ‘We will fight it,’ said Tom "
    'isn"t fair," Escalante said Brazil"s we"re Â© 2023 customers,â€� she said Region: Europe Theme: Politics '
    "‘‘ „0„:„:„.„ The city ’ ' \" » « ” “"
).split(" ")


def _noise_paragraph(words: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_NOISE_VOCABULARY) for _ in range(words))


@pytest.mark.parametrize("unsafe", [False, True])
@pytest.mark.parametrize("seed", [2, 3])
def test_fix_is_idempotent_on_a_paragraph_whose_marks_are_noise(seed, unsafe):
    """Hundreds of mixed marks in one paragraph pair by chance: Q009 converted a pair and Q011 turned the marks
    the conversion nested, which made new pairs for the next round, up to the last round (``fix --unsafe-fixes``
    was not idempotent, safe fixes neither). Marks that pair with nothing, of every kind, make such a paragraph
    noise: it gets no structural repair (Q009 still converts a whole foreign pair), and one finding."""
    text = _noise_paragraph(2_000, seed)
    cleaner = Cleaner(unsafe_fixes=unsafe)
    once = cleaner.clean(text, kind="text")
    assert cleaner.clean(once.text, kind="text").text == once.text
    quotes = [f for f in once.findings if f.code.startswith("Q")]
    assert not any(f.applied and f.code in ("Q006", "Q007", "Q011") for f in quotes)  # (Q009 converts whole pairs)
    reports = [f for f in quotes if f.code == "Q006"]
    assert len(reports) == 1 and "pair with nothing" in reports[0].message


def test_a_damaged_paragraph_of_news_copy_is_no_noise():
    """Five marks doubled or left open in one paragraph of real quotations (more than any damaged paragraph of
    the quote bench's tune seeds holds) are still repaired, mark by mark."""
    text = ("“We will stay,”” the mayor said. “We will fight. ‘Not now,’ she told them.” Council members said they "
            "“would wait”” and the budget was “a disgrace,”” he said. Police said “nothing.” Residents called it "
            "““unfair.” Others said the plan was “late.")
    fixed = Cleaner().clean(text, kind="text")
    assert fixed.text == text.replace("””", "”").replace("““", "“") + "”"
    assert not any("pair with nothing" in f.message for f in fixed.findings)
