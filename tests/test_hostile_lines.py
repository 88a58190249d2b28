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


def _lines_run(function, *args) -> int:
    """How many lines of ``function``'s own body ran for ``function(*args)``: a count of steps, not a
    time, so a per-item scan of every item shows as a square however fast the machine is."""
    import sys

    code, steps = function.__code__, [0]

    def local(frame, event, arg):
        if event == "line":
            steps[0] += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code is code else None

    sys.settrace(calls)
    try:
        function(*args)
    finally:
        sys.settrace(None)
    return steps[0]


def _junk_paragraphs(count: int):
    """An article whose paragraphs after the first are all one deleted junk line each."""
    from cleaner.document import Document

    text = "The mayor said the bridge would open in May." + "\n\nRead more" * count
    doc = Document(text)
    deleted = [Finding("B001", "junk", p.start, p.end, suggestion="", fix="safe") for p in doc.paragraphs[1:]]
    return doc, deleted


def test_the_end_of_article_junk_run_is_found_in_steps_linear_in_its_paragraphs():
    """The trailer peel asked, for each paragraph from the end, which of all the deletions fall in it:
    quadratic (20,000 one-line ``Read more`` paragraphs: 15 s of 17 in B)."""
    from cleaner.checks.boilerplate import _junk_tail_start

    small, large = _junk_paragraphs(500), _junk_paragraphs(2_000)
    assert _junk_tail_start(*large, len(large[0].text)) == large[0].paragraphs[1].start
    assert _lines_run(_junk_tail_start, *large, len(large[0].text)) <= \
        5 * _lines_run(_junk_tail_start, *small, len(small[0].text))


def test_a_fix_round_recheck_of_many_edited_lines_walks_the_edits_once(monkeypatch):
    """Where each untouched stretch was before the edits was found by walking every edit from the
    start, per stretch: 20,000 edited junk lines, 28 s of a clean's 31."""
    from cleaner.checks import encoding
    from cleaner.document import Document
    from cleaner.fixer import apply_edits
    from cleaner.recheck import recheck_lines

    class AllCodes:
        def enabled(self, code: str) -> bool:
            return True

    def run(part):
        return encoding.run(part, AllCodes())

    before = Document("".join(f"Line {i} has  two spaces and &amp; one entity.\n" for i in range(3_000)))
    found = run(before)
    edits = [f for f in found if f.code == "E006" and f.fix == "safe"][::2]  # every other line's spaces
    assert len(edits) >= 1_000
    after = Document(apply_edits(before.text, edits))
    reads = [0]
    original = Finding.edit_start

    def counted(self):
        reads[0] += 1
        return original.fget(self)

    monkeypatch.setattr(Finding, "edit_start", property(counted))
    rechecked = recheck_lines(after, run, found, edits)
    monkeypatch.setattr(Finding, "edit_start", original)
    key = lambda f: (f.start, f.end, f.code, f.message)  # noqa: E731
    assert sorted(map(key, rechecked)) == sorted(map(key, run(after)))
    assert reads[0] <= 4 * len(edits)
