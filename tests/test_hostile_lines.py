"""One long line with thousands of findings: no search back to the line's start, or forward to its
end, per finding (issue 17: linear time on any input). Each test counts the characters the line
searches read, so it fails on a per-finding whole-line search without timing anything.

- the acronyms pass asked "is this line shouting?" per mention, searching back to the line start each
  time: 895 million characters read on a 287 KB line of news words and three-letter capitals;
- a fix round's re-check found the lines each edit touched the same way, per edit.
"""

from __future__ import annotations

import random
from bisect import bisect_right

from hypothesis import given, settings, strategies as st

from cleaner import Cleaner
from cleaner.finding import Finding
from cleaner.recheck import touched_lines


class Scanned(str):
    """A text that counts the characters its ``find`` and ``rfind`` read."""

    read = 0

    def rfind(self, sub, start=None, end=None):
        found = str.rfind(self, sub, start, end)
        Scanned.read += (len(self) if end is None else end) - (found if found >= 0 else (start or 0))
        return found

    def find(self, sub, start=None, end=None):
        found = str.find(self, sub, start, end)
        Scanned.read += (found if found >= 0 else (len(self) if end is None else end)) - (start or 0)
        return found


def _line_of_capitals(words: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    plain = "the mayor said that council would meet on Monday to vote on plan".split()
    return " ".join("".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3)) if rng.random() < .2
                    else rng.choice(plain) for _ in range(words)) + "."


def test_the_acronyms_pass_reads_a_long_line_once_not_once_per_mention():
    text = Scanned(_line_of_capitals(60_000))
    Scanned.read = 0
    Cleaner(select=["G001"]).check(text)
    assert Scanned.read <= 2 * len(text)


def _lines_touched(text: str, edits: list) -> list:
    """The definition: the lines from the one holding an edit result's start to the one holding its
    end, each line with its break; spans that overlap or meet are merged."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    spans: list = []
    shift = 0
    for edit in edits:
        start = edit.edit_start + shift
        shift += len(edit.suggestion or "") - (edit.edit_end - edit.edit_start)
        first, last = (bisect_right(starts, pos) - 1 for pos in (start, start + len(edit.suggestion or "")))
        span = (starts[first], starts[last + 1] if last + 1 < len(starts) else len(text))
        spans[-1:] = [(spans[-1][0], max(spans[-1][1], span[1]))] if spans and span[0] <= spans[-1][1] else spans[-1:] + [span]
    return spans


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n", max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 3),
                                                                  st.sampled_from(["", " ", "x\n", "\n\n"]))))
def test_touched_lines_are_the_lines_each_edit_touches(before, picks):
    edits, at = [], 0
    for gap, width, new in picks:  # sorted, non-overlapping edits of ``before``
        start = at + gap
        if start + width > len(before):
            break
        edits.append(Finding("E006", "", start, start + width, suggestion=new, fix="safe"))
        at = start + width
    after, pos = [], 0
    for e in edits:
        after += [before[pos:e.start], e.suggestion]
        pos = e.end
    text = "".join(after) + before[pos:]
    assert touched_lines(text, edits) == _lines_touched(text, edits)


def test_touched_lines_read_a_long_line_once_for_thousands_of_edits():
    text = Scanned("ab " * 50_000)  # "ab  " * 50_000 with each double space made one
    edits = [Finding("E006", "", 4 * k + 2, 4 * k + 4, suggestion=" ", fix="safe") for k in range(50_000)]
    Scanned.read = 0
    spans = touched_lines(text, edits)
    assert spans == [(0, len(text))]
    assert Scanned.read <= 2 * len(text)


class Sliced(str):
    """A text that counts the characters its slices copy."""

    copied = 0

    def __getitem__(self, key):
        piece = str.__getitem__(self, key)
        Sliced.copied += len(piece)
        return piece


def test_boilerplate_deletions_on_a_long_line_copy_the_line_once_not_per_match():
    """Whether a match covers its whole unit was decided by copying the unit's text before and after
    the match: 1 MB of ``[ad_1]`` tags on one line took 3.2x a normal article's time per MB."""
    from cleaner.checks.boilerplate import builtin_rules
    from cleaner.document import Document
    from cleaner.rule_engine import run_rules

    text = Sliced("The mayor spoke. " + "[ad_1] " * 20_000 + "The end.")
    rules = tuple(r for r in builtin_rules() if r.code == "B001")
    Sliced.copied = 0
    found = run_rules(Document(text), None, rules)
    copied = Sliced.copied
    assert len(found) == 20_000 and all(text[f.start:f.end].strip() == "[ad_1]" for f in found[:5])
    assert copied <= 20 * len(text)
