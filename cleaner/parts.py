"""A very long text article checked in parts, so time and memory stay bounded whatever its size.

The checks build per-document structures (tokens, paragraph lists, name evidence) several times the
size of the text: a whole 50 MB article would take gigabytes. A text over :data:`PART_CHARS` is cut at
paragraph breaks (else line breaks, else spaces) into parts of at most that many characters; each is
cleaned as an article of its own and the results are put back together: findings move to their place
in the whole text, the fixed parts are joined by the untouched breaks between them, and the score
combines the parts' findings per word. What a check learns from the whole article (a name written
elsewhere, a paragraph repeated far away) is learned within each part only.
"""

from __future__ import annotations

from dataclasses import replace

from .document import Document

#: a text longer than this (characters) is cleaned in parts of at most this many
PART_CHARS = 1_000_000


def cut_points(text: str, limit: int = PART_CHARS) -> list[tuple[int, int]]:
    r"""``(start, end)`` of each part: parts of at most ``limit`` characters, cut at the last paragraph
    break before the limit (else line break, else space); what lies between two parts (the break
    itself) belongs to neither, so no check sees a part end in a dangling newline.

    >>> text = "One two.\n\nThree four.\nFive six seven."
    >>> [text[a:b] for a, b in cut_points(text, 14)]
    ['One two.', 'Three four.', 'Five six', 'seven.']
    >>> cut_points("abcdefgh", 3)
    [(0, 3), (3, 6), (6, 8)]
    """
    parts = []
    start = 0
    while len(text) - start > limit:
        stop = start + limit
        for mark in ("\n\n", "\n", " "):
            cut = text.rfind(mark, start + 1, stop)
            if cut != -1:
                break
        if cut == -1:  # no break at all: a hard cut
            parts.append((start, stop))
            start = stop
            continue
        resume = cut + len(mark)
        while resume < len(text) and text[resume] in "\n" and mark != " ":
            resume += 1
        parts.append((start, cut))
        start = resume
    parts.append((start, len(text)))
    return parts


def _moved(finding, offset: int, whole: Document):
    """``finding`` (on a part starting at ``offset``) at its place in ``whole``."""
    start, end = finding.start + offset, finding.end + offset
    line, col = whole.position(start)
    end_line, end_col = whole.position(end)
    edit = None if finding.edit is None else [finding.edit[0] + offset, finding.edit[1] + offset]
    return replace(finding, start=start, end=end, line=line, col=col, end_line=end_line, end_col=end_col, edit=edit)


def run_document(cleaner, doc, *, fix: bool):
    """``cleaner.run(doc, fix=fix)``, or for a text Document over :data:`PART_CHARS` characters (a text
    file or one JSONL record) :func:`run_in_parts`, its url and metadata on every part: a record was
    cleaned whole, in memory in proportion to its size (a 3 MB record: 614 MB in ``batch``)."""
    if doc.kind == "html" or len(doc.text) <= PART_CHARS:
        return cleaner.run(doc, fix=fix)
    return run_in_parts(cleaner, doc.text, fix=fix, path=doc.path, limit=PART_CHARS, metadata=doc.metadata)


def run_in_parts(cleaner, text: str, *, fix: bool, path=None, limit: int = PART_CHARS, metadata=None):
    """Clean ``text`` part by part (see the module docstring) into one ``Result``, scored as
    ``Cleaner.run`` scores an article: from every applied edit and every finding left, over all its words.
    ``fix=False`` keeps the text and reports the first round's findings (``Cleaner.fixed_and_found``:
    each part's first round serves both). ``metadata``: the article's (url, site, title), given to each part."""
    from .pipeline import Result
    from .score import score, verdict

    spans = cut_points(text, limit)
    whole = Document(text, kind="text", path=path)
    reported, first, left, pieces = [], [], [], []
    words = 0
    notices: list = []
    for k, (a, b) in enumerate(spans):
        doc = cleaner.document(text[a:b], kind="text", path=path)  # one part's structures at a time
        if metadata:
            doc.metadata.update(metadata)
        result, found = cleaner.fixed_and_found(doc)
        words += doc.word_count
        at = sum(map(len, pieces))  # where the fixed part starts in the fixed text
        reported.extend(_moved(f, a, whole) for f in result.findings)
        left.append((at, result.remaining))
        if not fix:
            first.extend(_moved(f, a, whole) for f in cleaner.as_fix_reads(doc, found, result))
        notices.extend(n for n in result.notices if n not in notices)
        pieces.append(result.text)
        if k + 1 < len(spans):
            pieces.append(text[b:spans[k + 1][0]])
    fixed = "".join(pieces)
    fixed_whole = Document(fixed, kind="text", path=path)
    remaining = [_moved(f, at, fixed_whole) for at, found in left for f in found]
    value = score(reported, words, {id(f) for f in reported if f.applied})
    limits = cleaner.settings.score
    return Result(
        text=fixed if fix else text, source_text=text, findings=reported if fix else first,
        remaining=remaining if fix else list(first), score=value,
        verdict=verdict(value, len(remaining), limits["garbled-below"], limits["clean-above"]),
        notices=notices, kind="text",
    )
