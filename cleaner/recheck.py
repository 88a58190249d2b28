"""Re-checking after a fix round: only the lines the round's edits touched, for checks that read lines alone.

A check family whose module says ``RECHECK = "lines"`` promises that what it finds in a line depends on
that line only (its text and its line break), never on other lines. After a round of edits, its
findings outside the touched lines are the previous round's, moved by the edits' length changes; only
the touched lines are checked again. Families without that promise (names, spelling, quotes and
boilerplate read the whole article: name evidence, word counts, the quote model, first and last
paragraphs) are checked again in full. The result is the same as a full re-check
(``bench/same_output.py --compare-full``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .document import Document
from .finding import Finding


@dataclass
class Round:
    """What a fix round changed: each family's findings before it, the edits it applied (sorted, on
    the text before them), and the text before and after them (``""``: not told)."""

    previous: dict
    edits: list
    before: str = ""
    after: str = ""

    def stretches(self) -> tuple[list, list]:
        """``split_by_edits(self.after, self.edits)``, computed once for every check that asks."""
        if not hasattr(self, "_split"):
            self._split = split_by_edits(self.after, self.edits)
        return self._split


def touched_lines(text: str, edits: list[Finding]) -> list[tuple[int, int]]:
    """The spans of ``text`` (after the edits) made of whole lines that an edit's result touches.

    Each span runs from the start of the line where an edit's result begins to just past the line
    break after it ends (or the end of the text); overlapping and adjacent spans are merged.

    >>> from cleaner.finding import Finding
    >>> touched_lines("one\\ntwo x\\nthree", [Finding("E006", "", 7, 9, suggestion=" ", fix="safe")])
    [(4, 10)]
    """
    spans: list = []
    shift = 0
    for edit in edits:  # sorted, non-overlapping: as apply_edits took them
        start = edit.edit_start + shift  # the text the fix replaced (wider than the finding for B deletions)
        end = start + len(edit.suggestion or "")
        shift += len(edit.suggestion or "") - (edit.edit_end - edit.edit_start)
        if spans and end < spans[-1][1]:
            continue  # inside the lines already taken (no search: thousands of edits on one long line)
        if spans and start < spans[-1][1]:
            first = spans[-1][0]
        else:  # the search back stops where the last span ended, just past a line break
            low = spans[-1][1] if spans else 0
            first = max(low, text.rfind("\n", low, start) + 1)
        newline = text.find("\n", end)
        last = len(text) if newline < 0 else newline + 1
        if spans and first <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], last))
        else:
            spans.append((first, last))
    return spans


def old_offsets(edits: list[Finding], positions: Iterable[int]) -> Iterator[int]:
    """Where each offset (ascending, each outside every edit's result) was before the edits: one walk
    over the edits for all of them (a walk per offset was quadratic: 20,000 edited lines, 28 s).

    >>> from cleaner.finding import Finding
    >>> list(old_offsets([Finding("E006", "", 2, 5, suggestion=" ", fix="safe")], [0, 3, 10]))
    [0, 5, 12]
    """
    shift = 0
    walked = iter(edits)
    edit = next(walked, None)
    for position in positions:
        while edit is not None:
            new_end = edit.edit_start + shift + len(edit.suggestion or "")
            if new_end > position:
                break
            shift = new_end - edit.edit_end
            edit = next(walked, None)
        yield position - shift


def split_by_edits(text: str, edits: list[Finding]) -> tuple[list, list]:
    """(the touched lines of ``text`` (after ``edits``, see ``touched_lines``), the stretches between
    them as ``(start, end, shift)``): a stretch holds what the text before the edits held from
    ``start - shift`` to ``end - shift``.

    >>> from cleaner.finding import Finding
    >>> split_by_edits("one\\ntwo x\\nthree", [Finding("E006", "", 7, 9, suggestion=" ", fix="safe")])
    ([(4, 10)], [(0, 4, 0), (10, 15, -1)])

    The end of a text is a stretch of its own (where an empty finding at the very end stays) only after
    a line break no edit wrote: the end of a touched last line is that line's.

    >>> split_by_edits("one\\ntwo x\\n", [Finding("E006", "", 7, 9, suggestion=" ", fix="safe")])
    ([(4, 10)], [(0, 4, 0), (10, 10, -1)])
    >>> split_by_edits("one\\ntwo x", [Finding("E006", "", 7, 9, suggestion=" ", fix="safe")])
    ([(4, 9)], [(0, 4, 0)])
    """
    touched = touched_lines(text, edits)
    stretches = []
    clean_from = 0
    ends = [(len(text) + 1, len(text) + 1)]
    if touched and touched[-1][1] == len(text):
        grown = sum(len(e.suggestion or "") - (e.edit_end - e.edit_start) for e in edits)
        if not text.endswith("\n") or edits[-1].edit_end + grown == len(text):  # the last edit wrote the end
            ends = []
    for start, end in touched + ends:
        if start > clean_from:
            stretches.append((clean_from, min(start, len(text))))
        clean_from = end
    shifts = (new - old for (new, _), old in zip(stretches, old_offsets(edits, (a for a, _ in stretches))))
    return touched, [(start, end, shift) for (start, end), shift in zip(stretches, shifts)]


def _moved(doc: Document, finding: Finding, delta: int) -> Finding:
    start, end = finding.start + delta, finding.end + delta
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    return finding.replaced(start=start, end=end, line=line, col=col, end_line=end_line, end_col=end_col)


def recheck_lines(doc: Document, run: Callable[[Document], list], previous: list[Finding],
                  edits: list[Finding]) -> list[Finding]:
    """A line-local family's findings on ``doc`` (the text after ``edits``), given its findings
    ``previous`` on the text before them: those on untouched lines moved, the touched lines checked."""
    text = doc.text
    out: list[Finding] = []
    touched, stretches = split_by_edits(text, edits)
    for start, end in touched:
        part = Document(text[start:end], kind=doc.kind, metadata=doc.metadata, path=doc.path)
        out.extend(_moved(doc, f, start) for f in run(part))
    order = sorted(range(len(previous)), key=lambda i: previous[i].start)
    starts = [previous[i].start for i in order]
    for new_start, new_end, delta in stretches:
        old_start, old_end = new_start - delta, new_end - delta
        at_end = new_end == len(text)  # an empty finding at the very end belongs to the last line
        inside = order[bisect_left(starts, old_start):bisect_right(starts, old_end)]  # by start: no scan per stretch
        out.extend(_moved(doc, previous[i], delta) for i in sorted(inside)
                   if previous[i].end <= old_end and (previous[i].start < old_end or at_end))
    return out
