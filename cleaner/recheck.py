"""Re-checking after a fix round: only the lines or paragraphs the round's edits touched, where a check allows it.

A family says what a confirming round may skip (``cleaner.checks.run_families`` asks in this order):

- ``recheck(doc, ctx, previous, after)``, a module function: the family re-checks itself (pass by pass,
  say) and returns its findings on ``doc``, exactly those a full ``run`` would give, or None to be run in
  full;
- ``RECHECK = "lines"``: what it finds in a line depends on that line only (its text and its line
  break). Its findings outside the touched lines are the previous round's, moved by the edits' length
  changes; only the touched lines are checked again (:func:`recheck_lines`);
- ``RECHECK = "paragraphs"`` with ``evidence(doc, ctx)``: what it finds in a paragraph (a run of
  non-blank lines) depends on that paragraph's text and on the article-wide facts ``evidence`` returns
  (comparable with ``==``: name counts, the article's quote style, ...), never on other paragraphs.
  When the round left the evidence as it was, only the touched paragraphs are checked again, each as a
  document of its own with ``ctx.article`` the whole fixed document (where the family reads its
  article-wide facts from); else the family runs in full (:func:`recheck_paragraphs`).

Families without such a promise are checked again in full. Today E reads lines alone; the others read
the whole article (G and S: word counts and names anywhere, a search budget spent in text order; Q: the
quote model pairs marks across paragraphs, run-ons, the article's style; B: first and last paragraphs,
deletions that take the break between two paragraphs), so a paragraph-local re-check of them needs their
article-wide facts read from ``ctx.article`` first. The result is the same as a full re-check
(``bench/same_output.py --compare-full``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Iterator, Optional

from .document import Document
from .finding import Finding


@dataclass
class Round:
    """What a fix round changed: each family's findings before it, the edits it applied (sorted, on
    the text before them), and the text before and after them (``""``: not told); the document and
    check context of the text before them (None: not told), which a family's ``evidence`` reads."""

    previous: dict
    edits: list
    before: str = ""
    after: str = ""
    before_doc: Optional[Document] = None
    before_ctx: Any = None
    _split: dict = field(default_factory=dict, repr=False)

    def stretches(self, paragraphs: bool = False) -> tuple[list, list]:
        """``split_by_edits(self.after, self.edits, paragraphs)``, computed once for every check that asks."""
        if paragraphs not in self._split:
            self._split[paragraphs] = split_by_edits(self.after, self.edits, paragraphs)
        return self._split[paragraphs]


def touched_lines(text: str, edits: list[Finding], paragraphs: bool = False) -> list[tuple[int, int]]:
    """The spans of ``text`` (after the edits) made of whole lines that an edit's result touches.

    Each span runs from the start of the line where an edit's result begins to just past the line
    break after it ends (or the end of the text); overlapping and adjacent spans are merged. With
    ``paragraphs``, each span takes in the whole paragraphs (runs of lines not blank: ``[ \\t]*``) it
    touches.

    >>> from cleaner.finding import Finding
    >>> touched_lines("one\\ntwo x\\nthree", [Finding("E006", "", 7, 9, suggestion=" ", fix="safe")])
    [(4, 10)]
    >>> touched_lines("one\\n\\ntwo\\nx y\\nz\\n\\nend", [Finding("E006", "", 10, 12, suggestion=" ", fix="safe")], True)
    [(5, 15)]
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
            if paragraphs:
                first = _paragraph_start(text, first, low)
        newline = text.find("\n", end)
        last = len(text) if newline < 0 else newline + 1
        if paragraphs:
            last = _paragraph_end(text, first if newline < 0 else max(first, newline), last)
        if spans and first <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], last))
        else:
            spans.append((first, last))
    return spans


def _blank(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (one line, without its break) blank: spaces and tabs only, as a
    paragraph break (``Document.paragraphs``) reads it?"""
    return not text[start:end].strip(" \t")


def _paragraph_start(text: str, line_start: int, low: int) -> int:
    """The start of the paragraph whose line starts at ``line_start``: up the lines before it that are
    not blank, never above ``low`` (a line start). A blank line is a paragraph of its own.

    >>> _paragraph_start("a\\n\\nb\\nc", 5, 0), _paragraph_start("a\\nb\\nc", 4, 2), _paragraph_start("a\\n \\nb", 2, 0)
    (3, 2, 2)
    """
    if _blank(text, line_start, _line_end(text, line_start)):
        return line_start
    while line_start > low:
        previous = max(low, text.rfind("\n", low, line_start - 1) + 1)
        if _blank(text, previous, line_start - 1):
            break
        line_start = previous
    return line_start


def _paragraph_end(text: str, newline: int, last: int) -> int:
    """Past the line break that ends the paragraph of the line whose break is at ``newline`` (``last``
    just past it, or the end of the text): down the lines after it that are not blank.

    >>> t = "a\\nb\\nc\\n\\nd"
    >>> _paragraph_end(t, 1, 2), _paragraph_end(t, 6, 7), _paragraph_end("a\\n \\nb", 1, 2)
    (6, 7, 2)
    """
    if last >= len(text) or _blank(text, text.rfind("\n", 0, newline) + 1, newline):
        return last
    while last < len(text):
        end = _line_end(text, last)
        if _blank(text, last, end):
            break
        last = end + 1 if end < len(text) else end
    return last


def _line_end(text: str, start: int) -> int:
    newline = text.find("\n", start)
    return len(text) if newline < 0 else newline


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


def split_by_edits(text: str, edits: list[Finding], paragraphs: bool = False) -> tuple[list, list]:
    """(the touched lines of ``text`` (after ``edits``, see ``touched_lines``), the stretches between
    them as ``(start, end, shift)``): a stretch holds what the text before the edits held from
    ``start - shift`` to ``end - shift``. With ``paragraphs``, the touched spans are whole paragraphs.

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
    touched = touched_lines(text, edits, paragraphs)
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
                  edits: list[Finding], paragraphs: bool = False, split: Optional[tuple] = None) -> list[Finding]:
    """A line-local family's findings on ``doc`` (the text after ``edits``), given its findings
    ``previous`` on the text before them: those on untouched lines moved, the touched lines checked.
    With ``paragraphs``, a paragraph-local family's: the touched paragraphs checked. ``split``:
    ``split_by_edits(doc.text, edits, paragraphs)`` when the caller has it."""
    text = doc.text
    out: list[Finding] = []
    touched, stretches = split if split is not None else split_by_edits(text, edits, paragraphs)
    for start, end in touched:
        part = Document(text[start:end], kind=doc.kind, metadata=doc.metadata, path=doc.path)
        if paragraphs:
            _take_paragraphs(part, doc, start, end)
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


def _take_paragraphs(part: Document, doc: Document, start: int, end: int) -> None:
    """Give ``part`` (``doc.text[start:end]``) the paragraphs ``doc`` has there, moved: a part without a
    blank line would split its lines into paragraphs of their own (``Document.paragraphs``) where the
    whole text, which has blank lines, keeps them one. Left alone when a paragraph of ``doc`` runs out
    of the part (never at the paragraph bounds ``touched_lines`` takes).

    >>> doc = Document("Head\\n\\nOne\\nline two\\n\\nEnd")
    >>> part = Document(doc.text[6:19]); _take_paragraphs(part, doc, 6, 19); [p.text for p in part.paragraphs]
    ['One\\nline two']
    """
    from .document import Paragraph

    paragraphs = doc.paragraphs
    at = bisect_left(doc.paragraph_starts, start)
    if at and paragraphs[at - 1].end > start:
        return
    taken = []
    for p in paragraphs[at:]:
        if p.start >= end:
            break
        if p.end > end:
            return
        taken.append(Paragraph(len(taken), p.start - start, p.end - start, p.text))
    part.__dict__["paragraphs"] = taken


def evidence_of(family: str, module, doc: Document, ctx) -> Any:
    """``module.evidence(doc, ctx)``, kept in ``ctx.memo`` under the family and the text: a confirming
    round compares the round before's (read once, when that round's text was new) with its own."""
    key = ("evidence", family, doc.text, getattr(ctx, "is_target_language", True))
    memo = getattr(ctx, "memo", None)
    if memo is None:
        return module.evidence(doc, ctx)
    if key not in memo:
        memo[key] = module.evidence(doc, ctx)
    return memo[key]


def recheck_paragraphs(doc: Document, ctx, family: str, module, run: Callable, previous: list[Finding],
                       after: Round) -> Optional[list[Finding]]:
    """A paragraph-local family's findings on ``doc`` (the text after ``after.edits``), given its
    findings ``previous`` on the text before them, or None when it must be run in full: when the
    round changed the family's ``evidence`` (or whether the text is in the configured language), or
    the document before the edits is not told. ``run(part, part_ctx)`` checks one part of ``doc``;
    ``part_ctx`` is ``ctx`` with ``article`` set to ``doc``."""
    if after.before_doc is None or after.before_ctx is None or after.before_doc.text != after.before:
        return None
    if getattr(after.before_ctx, "is_target_language", True) != getattr(ctx, "is_target_language", True):
        return None
    if evidence_of(family, module, after.before_doc, after.before_ctx) != evidence_of(family, module, doc, ctx):
        return None
    part_ctx = replace(ctx, article=doc)
    return recheck_lines(doc, lambda part: run(part, part_ctx), previous, after.edits, True, after.stretches(True))
