"""The fix stage: apply the edits findings carry, in one pass, never overlapping, safest first."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterable

from .finding import Finding

_SAFETY_RANK = {"safe": 0, "unsafe": 1}


def applicable(findings: Iterable[Finding], unsafe_fixes: bool) -> list[Finding]:
    """The findings whose edits ``fix`` may apply under this safety setting."""
    allowed = {"safe", "unsafe"} if unsafe_fixes else {"safe"}
    return [f for f in findings if f.suggestion is not None and f.fix in allowed]


def choose_edits(findings: Iterable[Finding], unsafe_fixes: bool) -> list[Finding]:
    """Pick a non-overlapping set of edits: safe before unsafe, then higher confidence, then earlier.

    Two edits conflict when their spans overlap, or when both insert at the same point, or when an
    insertion falls strictly inside the other's span.
    """
    candidates = sorted(
        applicable(findings, unsafe_fixes),
        key=lambda f: (_SAFETY_RANK[f.fix], -f.confidence, f.start, -(f.end - f.start), f.code),
    )
    chosen: list[Finding] = []
    for finding in candidates:
        if any(_conflict(finding, other) for other in chosen):
            continue
        chosen.append(finding)
    return sorted(chosen, key=lambda f: (f.start, f.end))


def _conflict(a: Finding, b: Finding) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: list[Finding]) -> str:
    """Apply non-overlapping edits (sorted by position) to ``text``; untouched text is copied as is.

    >>> from cleaner.finding import Finding
    >>> apply_edits("a  b", [Finding("E006", "", 1, 3, suggestion=" ", fix="safe")])
    'a b'
    """
    pieces = []
    pos = 0
    for edit in edits:
        pieces.append(text[pos:edit.start])
        pieces.append(edit.suggestion or "")
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces)


class EditMap:
    """Where each offset of a text after ``apply_edits`` was in the text before the edits.

    A fix round that finds something new reports it at its place in the *original* text, so the
    offsets of every round's edits are carried back through the rounds before it. An offset inside a
    replacement maps to the edge of the span it replaced (its start for a span's start, its end for a
    span's end), so a span that covers an earlier edit covers what that edit replaced.

    >>> from cleaner.finding import Finding
    >>> m = EditMap([Finding("X", "", 2, 4, suggestion="abc", fix="safe")])   # "01234" -> "01abc4"
    >>> m.start(5), m.end(6), m.start(3), m.end(3), m.end(2)
    (4, 5, 2, 4, 2)
    """

    def __init__(self, edits: list[Finding]):
        self._new_starts: list[int] = []
        self._spans: list[tuple[int, int, int]] = []  # (new end, old start, old end) of each edit
        shift = 0
        for edit in edits:  # sorted by position, non-overlapping
            new_start = edit.start + shift
            new_end = new_start + len(edit.suggestion or "")
            self._new_starts.append(new_start)
            self._spans.append((new_end, edit.start, edit.end))
            shift = new_end - edit.end

    def start(self, pos: int) -> int:
        """The old offset of a span that starts at ``pos`` in the new text."""
        index = bisect_right(self._new_starts, pos) - 1
        if index < 0:
            return pos
        new_end, old_start, old_end = self._spans[index]
        return old_start if pos < new_end else old_end + pos - new_end

    def end(self, pos: int) -> int:
        """The old offset of a span that ends at ``pos`` in the new text."""
        index = bisect_left(self._new_starts, pos) - 1
        if index < 0:
            return pos
        new_end, _, old_end = self._spans[index]
        return old_end if pos <= new_end else old_end + pos - new_end
