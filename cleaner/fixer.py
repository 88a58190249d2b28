"""The fix stage: apply the edits findings carry, in one pass, never overlapping, safest first."""

from __future__ import annotations

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
