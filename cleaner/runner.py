"""Running the cleaner over files: one file (text, HTML or JSONL records) → a FileReport.

Shared by ``check``, ``fix`` and ``clean``; the CLI only formats what this returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

from .errors import InputError
from .extract import url_problem
from . import parts
from .fileio import InputFile, decode_bytes, read_bytes, write_back
from .finding import Finding
from .output import one_line
from .pipeline import Cleaner, Result
from .records import RecordError, document_for, pick_field, read_records, with_field



@dataclass
class ArticleOutcome:
    """One article of a file: a whole text/HTML file, or one JSONL record (``record_line`` set)."""

    result: Result
    record_line: Optional[int] = None
    record_id: Optional[str] = None


@dataclass
class FileReport:
    path: str
    articles: list = field(default_factory=list)
    findings: list = field(default_factory=list)  # (ArticleOutcome, Finding) pairs, in order
    new_bytes: Optional[bytes] = None
    old_text: str = ""
    new_text: str = ""
    error: Optional[str] = None
    notices: list = field(default_factory=list)
    original: Optional[bytes] = field(default=None, repr=False)  # the bytes read: fix writes only over them
    problems: list = field(default_factory=list, repr=False)  # a records file's bad lines, each with its reason
    more: bool = False  # a piece of a file handed out alone (``filerun.iter_files``): its next piece follows

    @property
    def changed(self) -> bool:
        return self.new_bytes is not None

    def diff(self) -> str:
        """A unified diff (git's shape, including its marker for a last line with no newline)."""
        import difflib  # (only --diff reads it)

        lines = difflib.unified_diff(
            self.old_text.splitlines(keepends=True), self.new_text.splitlines(keepends=True),
            fromfile=one_line(f"a/{self.path.lstrip('/')}"), tofile=one_line(f"b/{self.path.lstrip('/')}"),
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def encoding_finding(source: InputFile) -> Finding:
    """E007: a safe fix when the codec is certain; with rivals, no fix at all (the file is kept as it is)."""
    if source.rivals:
        return Finding(
            code="E007",
            message=(f"file is not valid UTF-8 and its encoding is uncertain: {source.encoding} or "
                     f"{', '.join(source.rivals)}; not rewritten (convert it to UTF-8 yourself)"),
            start=0, end=0, line=1, col=1, end_line=1, end_col=1,
            suggestion=None, fix="none", confidence=0.5, source="encoding-guess",
        )
    return Finding(
        code="E007",
        message=f"file is not valid UTF-8; decoded as {source.encoding} (fix writes it back as UTF-8)",
        start=0, end=0, line=1, col=1, end_line=1, end_col=1,
        suggestion="", fix="safe", confidence=0.9, source="encoding-guess",
    )


def process_file(
    cleaner: Cleaner,
    path: str,
    *,
    fix: bool,
    data: Optional[bytes] = None,
    text_field: Optional[str] = None,
    html_field: Optional[str] = None,
    kind: Optional[str] = None,
    docs: Optional[list] = None,
    first_line: int = 1,
) -> FileReport:
    """Check (or fix) one file. Never raises for bad input: the report carries the error.

    ``docs``: the file's Documents when a first pass (site learning) already built them, so HTML is
    not extracted twice; they must be what ``documents`` returns for the same bytes and fields.
    ``first_line``: for a piece of a records file (``cleaner/record_pieces.py``), its first line's number.
    """
    report = FileReport(path=path)
    try:
        if data is None:
            data = read_bytes(path, cleaner.settings.max_file_size)
        report.original = data
        source = decode_bytes(data, path)
        if kind:
            source.kind = kind
        # a file whose encoding is uncertain is never rewritten, so nothing in it is fixed: what fix would
        # change is reported as left (it was counted "fixed" in a file left as it was)
        fix = fix and not source.rivals
        if source.kind == "records":
            _process_records(cleaner, source, report, fix=fix, text_field=text_field, html_field=html_field, docs=docs,
                             first_line=first_line)
        else:
            _process_article(cleaner, source, report, fix=fix, doc=docs[0] if docs else None)
    except InputError as exc:
        report.error = str(exc)
    return report


def documents(cleaner: Cleaner, source: InputFile, *, text_field: Optional[str] = None,
              html_field: Optional[str] = None) -> Iterator:
    """The articles of a decoded file as Documents (one per text/HTML file, one per JSONL record), one
    at a time, so a caller that only reads each one never holds them all."""
    if source.kind != "records":
        yield _article_document(cleaner, source)
        return
    for entry in _record_entries(source, text_field, html_field, max_size=cleaner.settings.max_record_size)[0]:
        try:
            yield _record_document(cleaner, source, *entry)
        except InputError:
            continue  # e.g. an unparsable url: the second pass reports it


def _article_document(cleaner: Cleaner, source: InputFile):
    return cleaner.document(source.text, kind="html" if source.kind == "html" else "text", path=source.path)


def _record_entries(source: InputFile, text_field: Optional[str], html_field: Optional[str],
                    first_line: int = 1, max_size: float = 0.0) -> tuple:
    """``(entries, problems)``: (line, record, field name, is_html) for each usable record, and why each
    other line is not one (bad JSON, not an object, no text field, over ``max_size`` million
    characters), so a bad line never hides the rest."""
    entries, problems = [], []
    for line, data, error in read_records(source.text, source.path, first_line, max_size):
        if error:
            problems.append(error)
            continue
        try:
            field_name, is_html = pick_field(data, text_field, html_field)
        except RecordError as exc:
            problems.append(f"{source.path}:{line}: {exc}")
            continue
        entries.append((line, data, field_name, is_html))
    return entries, problems


def problems_error(problems: list) -> Optional[str]:
    """One error line for a file's bad records: the first, and how many more."""
    return problems_line(problems[0], len(problems)) if problems else None


def problems_line(first: str, count: int) -> str:
    """The error line for ``count`` bad records, the first of them ``first``.

    >>> problems_line("a.jsonl:3: not JSON", 3)
    'a.jsonl:3: not JSON (and 2 more bad records)'
    """
    more = f" (and {count - 1} more bad record{'s' if count > 2 else ''})" if count > 1 else ""
    return first + more


def _record_document(cleaner: Cleaner, source: InputFile, line: int, data: dict, field_name: str, is_html: bool):
    """The record's Document exactly as batch builds it (``cleaner.records``); a bad url names the line."""
    problem = url_problem(data.get("url"))
    if problem:
        raise InputError(f"{source.path}:{line}: {problem}")
    fields = (None, field_name) if is_html else (field_name, None)
    return document_for(cleaner, data, *fields, path=source.path)


def _process_article(cleaner: Cleaner, source: InputFile, report: FileReport, *, fix: bool, doc=None) -> None:
    result = parts.run_document(cleaner, doc or _article_document(cleaner, source), fix=fix)  # bounded memory
    if source.detected and cleaner.selection_for(source.path)("E007"):
        extra = encoding_finding(source)
        extra.applied = fix
        result.findings.insert(0, extra)
    outcome = ArticleOutcome(result)
    report.articles.append(outcome)
    report.findings.extend((outcome, f) for f in result.findings)
    report.notices.extend(result.notices)
    if source.kind == "html":
        if fix and result.changed:
            report.notices.append("fix does not rewrite HTML files; use `news-cleaner clean` for the cleaned text")
        report.old_text, report.new_text = result.source_text, result.text
        return
    report.old_text, report.new_text = source.text, result.text
    reencode = source.detected and cleaner.selection_for(source.path)("E007")
    if fix and (result.changed or reencode):
        report.new_bytes = source.encode(result.text, as_utf8=reencode)


def _process_records(cleaner: Cleaner, source: InputFile, report: FileReport, *, fix: bool,
                     text_field: Optional[str], html_field: Optional[str], docs: Optional[list] = None,
                     first_line: int = 1) -> None:
    lines = source.text.split("\n")
    changed = False
    entries, problems = _record_entries(source, text_field, html_field, first_line, cleaner.settings.max_record_size)
    if docs is None or len(docs) != len(entries):
        docs = [None] * len(entries)
    for (line, data, field_name, is_html), doc in zip(entries, docs):
        try:
            result = parts.run_document(cleaner, doc or _record_document(cleaner, source, line, data, field_name, is_html),
                                        fix=fix)
        except InputError as exc:  # e.g. an unparsable url: this record only
            problems.append(str(exc))
            continue
        record_id = data.get("id")
        outcome = ArticleOutcome(result, record_line=line, record_id=str(record_id) if record_id is not None else None)
        report.articles.append(outcome)
        report.findings.extend((outcome, f) for f in result.findings)
        for notice in result.notices:
            report.notices.append(f"line {line}: {notice}")
        if fix and result.changed and not is_html:
            lines[line - first_line] = with_field(lines[line - first_line], field_name, result.text)
            changed = True
    report.problems = problems
    report.error = problems_error(problems)
    new_text = "\n".join(lines) if changed else source.text  # unchanged: one copy, not two
    report.old_text, report.new_text = source.text, new_text
    reencode = source.detected and cleaner.selection_for(source.path)("E007")
    if fix and (changed or reencode):
        report.new_bytes = source.encode(new_text, as_utf8=reencode)


def write_report(report: FileReport) -> None:
    """Write a fixed file back (``fileio.write_back``: only over the bytes that were read); a file left
    alone gets a notice saying why, and its edits are no longer applied: the file still holds what
    they pointed at, so the summary counts them as remaining and the exit code says so."""
    if report.new_bytes is not None and report.original is not None:
        notice = write_back(report.path, report.new_bytes, report.original)
        if notice:
            report.notices.append(notice)
            for _, finding in report.findings:
                finding.applied = False
