"""A big JSONL file checked in pieces of whole lines, so its records spread over the worker processes.

One file is one task for ``check``/``fix``: a 50 MB file of records ran in one process on one core
while the others idled, and that process held every record's Document at once. A records file over
:data:`PIECE_BYTES` is cut at line ends into pieces of about that size; each piece is a task of its
own (the same code reads it, told the number of its first line, so every line number, error and
notice names the line of the whole file), and the pieces' reports are put back together in order
into the one report the file would have had. The bytes of the pieces add up to the file's bytes, so
``fix`` writes the joined pieces over exactly what it read.

A file that is not valid UTF-8 stays one task: its encoding is guessed from all of it, never from
a piece.
"""

from __future__ import annotations

#: a records file over this many bytes is checked in pieces of about this size (whole lines)
PIECE_BYTES = 1_000_000
#: a piece holds at most this share of the bytes left from its start (and at least a quarter of PIECE_BYTES)
TAIL_SHARE = 8


def piece_spans(data: bytes, size: int = PIECE_BYTES, share: int = TAIL_SHARE) -> list[tuple[int, int, int]]:
    r"""``(start, end, first line)`` of each piece of ``data``: whole lines, about ``size`` bytes each
    (a longer line is a piece of its own); the pieces cover ``data`` exactly.

    >>> data = b'{"a": 1}\n{"a": 2}\n\n{"a": 3}\n'
    >>> [(data[a:b], line) for a, b, line in piece_spans(data, 10, share=1)]
    [(b'{"a": 1}\n{"a": 2}\n', 1), (b'\n{"a": 3}\n', 3)]
    >>> piece_spans(b"one line, no newline", 4)
    [(0, 20, 1)]

    Toward the end the pieces get smaller, down to a quarter of ``size``: none is over ``1 / share`` of
    the bytes left from its start, so the workers, which take the pieces in turn, end close together
    (five pieces of 1 MB on two workers: one did three while the other waited for it for a third of
    the run's time).

    >>> [b - a for a, b, _ in piece_spans(b"x" * 99 + b"\n" * 20_000, 4_000, share=4)]
    [4000, 4000, 3024, 2268, 1701, 1276, 1000, 1000, 1000, 830]
    """
    spans = []
    start, line = 0, 1
    while start < len(data):
        step = max(size // 4, min(size, (len(data) - start) // share), 1)
        end = data.find(b"\n", min(start + step, len(data)) - 1)
        end = len(data) if end == -1 else end + 1
        spans.append((start, end, line))
        line += data.count(b"\n", start, end)
        start = end
    return spans or [(0, 0, 1)]


def splittable(data: bytes, path: str, kind: str, size: int = PIECE_BYTES) -> bool:
    """Whether a file is checked in pieces: a records file over ``size`` bytes, valid UTF-8 (a guessed
    encoding is guessed from the whole file).

    >>> splittable(b'{"text": "A."}\\n' * 10, "a.jsonl", "records", 50)
    True
    >>> splittable(b'{"text": "caf\\xe9"}\\n' * 10, "a.jsonl", "records", 50)
    False
    """
    if kind != "records" or len(data) <= size or b"\x00" in data:  # NUL: decoding reports the file as binary
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def join_reports(path: str, data: bytes, reports: list, spans: list):
    """The one FileReport of a file checked in pieces: ``reports`` (one per span, in order) joined.

    Articles and findings in order; the bad-record problems counted over all pieces; the rewritten
    bytes (when some piece changed) are the pieces' new bytes, or their own bytes where unchanged.
    """
    from .runner import FileReport, problems_error

    joined = FileReport(path=path, original=data)
    problems: list = []
    errors = []
    for report in reports:
        joined.articles.extend(report.articles)
        joined.findings.extend(report.findings)
        joined.notices.extend(report.notices)
        problems.extend(report.problems)
        if report.error and not report.problems:  # a whole piece unreadable (should not happen on UTF-8)
            errors.append(report.error)
    joined.problems = problems
    joined.error = errors[0] if errors else problems_error(problems)
    old = "".join(report.old_text for report in reports)
    same = all(report.old_text == report.new_text for report in reports)
    joined.old_text, joined.new_text = old, old if same else "".join(report.new_text for report in reports)
    if any(report.new_bytes is not None for report in reports):
        joined.new_bytes = b"".join(_bytes_of(report, data, span) for report, span in zip(reports, spans))
    return joined


def _bytes_of(report, data: bytes, span: tuple) -> bytes:
    return report.new_bytes if report.new_bytes is not None else data[span[0]:span[1]]
