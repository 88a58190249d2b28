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
    insertion falls strictly inside the other's span. Each candidate is tested against the kept
    edits in O(log n) (a prefix maximum of kept span ends by start, a count of kept insertion
    points), not against every kept edit.

    >>> a = Finding("X", "", 0, 5, suggestion="A", fix="safe", confidence=0.5)
    >>> b = Finding("X", "", 3, 8, suggestion="B", fix="safe", confidence=0.9)
    >>> c = Finding("X", "", 5, 5, suggestion="!", fix="safe")
    >>> [f.suggestion for f in choose_edits([a, b, c], unsafe_fixes=False)]
    ['A', '!']
    """
    candidates = sorted(
        applicable(findings, unsafe_fixes),
        key=lambda f: (_SAFETY_RANK[f.fix], -f.confidence, f.edit_start, -(f.edit_end - f.edit_start), f.code),
    )
    span_starts = sorted({f.edit_start for f in candidates if f.edit_end > f.edit_start})
    point_places = sorted({f.edit_start for f in candidates if f.edit_end == f.edit_start})
    kept_ends = _PrefixMax(len(span_starts))  # by start rank: the end of the kept span starting there
    kept_points = _PrefixCount(len(point_places))
    taken_points: set = set()
    chosen: list[Finding] = []
    for finding in candidates:
        start, end = finding.edit_start, finding.edit_end
        # a kept span that starts before this edit's end reaches past its start: they overlap
        # (for an insertion: the point falls strictly inside that span)
        if kept_ends.before(bisect_left(span_starts, end if end > start else start)) > start:
            continue
        if end > start:
            if kept_points.between(bisect_right(point_places, start), bisect_left(point_places, end)):
                continue
            kept_ends.raise_to(bisect_left(span_starts, start), end)
        else:
            if start in taken_points:
                continue
            taken_points.add(start)
            kept_points.add(bisect_left(point_places, start))
        chosen.append(finding)
    return sorted(chosen, key=lambda f: (f.edit_start, f.edit_end))


# repairs of the characters themselves: mojibake, leftover entities, ligatures. Other checks read the damaged
# characters as letters (``,â€ she``: a comma before a letter, no closing quote), so their edits in
# the same paragraph wait for the round that reads the repaired text.
CHARACTER_REPAIRS = ("E001", "E002", "E009", "E010")
# edits that need not wait for them: a join of letters into a dictionary word, which damaged characters never
# make (S004: the pieces of a word a print line break divided; the ligatures E009 writes out are the print
# evidence it reads, gone in the next round)
NOT_HELD = ("S004",)


def after_character_repairs(findings: list[Finding], unsafe_fixes: bool, doc) -> list[Finding]:
    """``findings`` without the other edits in a paragraph of ``doc`` (the Document they were found in)
    that an applicable character repair changes: a fix round applies the repairs first, and the next
    round judges the repaired paragraph afresh. Without a repair the paragraphs are not read.

    >>> from cleaner.document import Document
    >>> doc = Document("We won,â€ she said.\\n\\nFine.")
    >>> e = Finding("E001", "", 7, 9, suggestion="”", fix="safe")
    >>> q = Finding("Q008", "", 7, 7, suggestion=" ", fix="safe")
    >>> g = Finding("G002", "", 21, 25, suggestion="FINE", fix="safe")
    >>> [f.code for f in after_character_repairs([e, q, g], False, doc)]
    ['E001', 'G002']
    """
    repairs = [f.edit_start for f in applicable(findings, unsafe_fixes) if f.code in CHARACTER_REPAIRS]
    if not repairs:
        return findings
    starts = [p.start for p in doc.paragraphs]
    held = {bisect_right(starts, pos) - 1 for pos in repairs}  # paragraphs a repair changes
    return [f for f in findings if f.code in CHARACTER_REPAIRS or f.code in NOT_HELD or f.suggestion is None
            or bisect_right(starts, f.edit_start) - 1 not in held]


def as_fix_reads(doc, first: list[Finding], found: list[Finding], unsafe_fixes: bool) -> list[Finding]:
    """What ``check`` reports of ``doc``: the first round's findings ``first``, except in a paragraph
    where a character repair (``CHARACTER_REPAIRS``) applies. ``fix`` holds back that paragraph's other edits and
    judges it again once repaired (``after_character_repairs``), so a comma's ``Q008`` before the
    mojibake of a closing mark (``won,â€ she``) is never applied, and a lost opening mark is found only
    then. There ``check`` reports, as ``fix`` does, what the repaired paragraph gives: the edits made
    after the repair and those left (``found``: every finding of the run, applied or left, on
    ``doc.text``), none applied. Findings without an edit, and the repairs, are the first round's.

    >>> from cleaner.document import Document
    >>> doc = Document("We won,â€ she said.\\n\\nFine,then.")
    >>> e = Finding("E001", "", 7, 9, suggestion="”", fix="safe")
    >>> q = Finding("Q008", "", 6, 7, suggestion=", ", fix="safe")
    >>> q2 = Finding("Q008", "", 25, 26, suggestion=", ", fix="safe")
    >>> q6 = Finding("Q006", "", 0, 1, suggestion="“W", fix="safe", applied=True)
    >>> [(f.code, f.start, f.applied) for f in as_fix_reads(doc, [q, e, q2], [q6, e, q2], False)]
    [('Q006', 0, False), ('E001', 7, False), ('Q008', 25, False)]
    """
    kept = after_character_repairs(first, unsafe_fixes, doc)
    if len(kept) == len(first):
        return first
    starts = [p.start for p in doc.paragraphs]
    held = {bisect_right(starts, f.edit_start) - 1 for f in applicable(first, unsafe_fixes) if f.code in CHARACTER_REPAIRS}
    later = [f.replaced(applied=False) for f in found if f.suggestion is not None and f.code not in CHARACTER_REPAIRS
             and f.code not in NOT_HELD and bisect_right(starts, f.edit_start) - 1 in held]
    return sorted(kept + later, key=lambda f: (f.start, f.end, f.code))


class _PrefixMax:
    """Fenwick tree: raise the value at an index; the largest value at indexes below ``n``."""

    def __init__(self, size: int):
        self._tree = [-1] * (size + 1)

    def raise_to(self, index: int, value: int) -> None:
        tree = self._tree
        index += 1
        while index < len(tree):
            if tree[index] < value:
                tree[index] = value
            index += index & -index

    def before(self, n: int) -> int:
        best, tree = -1, self._tree
        while n > 0:
            if tree[n] > best:
                best = tree[n]
            n -= n & -n
        return best


class _PrefixCount:
    """Fenwick tree of counts: add one at an index; how many at indexes in ``[lo, hi)``."""

    def __init__(self, size: int):
        self._tree = [0] * (size + 1)

    def add(self, index: int) -> None:
        tree = self._tree
        index += 1
        while index < len(tree):
            tree[index] += 1
            index += index & -index

    def _below(self, n: int) -> int:
        total, tree = 0, self._tree
        while n > 0:
            total += tree[n]
            n -= n & -n
        return total

    def between(self, lo: int, hi: int) -> int:
        return self._below(hi) - self._below(lo) if hi > lo else 0


def apply_edits(text: str, edits: list[Finding]) -> str:
    """Apply non-overlapping edits (sorted by position) to ``text``; untouched text is copied as is.

    >>> from cleaner.finding import Finding
    >>> apply_edits("a  b", [Finding("E006", "", 1, 3, suggestion=" ", fix="safe")])
    'a b'
    """
    pieces = []
    pos = 0
    for edit in edits:
        pieces.append(text[pos:edit.edit_start])
        pieces.append(edit.suggestion or "")
        pos = edit.edit_end
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
            new_start = edit.edit_start + shift
            new_end = new_start + len(edit.suggestion or "")
            self._new_starts.append(new_start)
            self._spans.append((new_end, edit.edit_start, edit.edit_end))
            shift = new_end - edit.edit_end

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
