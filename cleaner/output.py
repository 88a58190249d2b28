"""Formatting findings for people and machines: text (ruff's shape), json, jsonl."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Iterable, TextIO

from .codes import lookup


#: what would end or garble a line of output: C0 controls but tab, DEL, C1 controls, line/paragraph separators
_LINE_BREAKERS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def one_line(text: str) -> str:
    r"""``text`` with every character that would break or garble a line of output (a newline in a file name,
    a terminal escape in a message) written as its escape, so one report line stays one line.

    >>> one_line("news\nroom/a.txt:1:1")
    'news\\nroom/a.txt:1:1'
    >>> one_line("tab\tkept\x1b[31m red\u2028")
    'tab\tkept\\x1b[31m red\\u2028'
    """
    return _LINE_BREAKERS.sub(_escape, text)


def finding_record(path: str, outcome, finding, *, fix_mode: bool) -> dict:
    """Every field of the finding plus path, url and, for JSONL inputs, the record line and id."""
    data = finding.to_dict()
    data = {"path": path, **data}
    data["url"] = outcome.result.metadata.get("url")
    doc = lookup(finding.code)
    data["name"] = doc.name if doc else None
    if outcome.record_line is not None:
        data["record_line"] = outcome.record_line
        data["record_id"] = outcome.record_id
        data["line"], data["end_line"] = outcome.record_line, outcome.record_line
    if not fix_mode:
        data.pop("applied", None)
    return data


def _suggestion_text(finding) -> str:
    if finding.suggestion is None or finding.fix == "none":
        return ""
    if finding.suggestion == "":  # (an empty edit deletes nothing: E007 re-encodes the file)
        return " -> (delete)" if finding.edit_end > finding.edit_start else ""
    return f" -> {finding.suggestion!r}" if finding.suggestion.strip() != finding.suggestion else f" -> {finding.suggestion}"


def text_line(path: str, outcome, finding) -> str:
    marker = {"safe": "[*] ", "unsafe": "[~] "}.get(finding.fix if finding.suggestion is not None else "none", "")
    line = outcome.record_line if outcome.record_line is not None else finding.line
    col = finding.col
    return one_line(f"{path}:{line}:{col}: {finding.code} {marker}{finding.message}{_suggestion_text(finding)}")


def write_text(reports: Iterable, out: TextIO, *, fix_mode: bool, show_fixes: bool, unsafe_fixes: bool,
               show_verdicts: bool = True) -> dict:
    """Write ruff-style lines; return the counts the summary and exit code need. A file's verdicts
    follow all its findings, also when it comes in pieces (``more``: the next piece is the same file)."""
    counts = Counter()
    verdicts: list = []  # the verdict lines of the file being written
    for report in reports:
        for outcome, finding in report.findings:
            counts["total"] += 1
            if finding.applied and not report.error:  # (a file with an error was left as it was)
                counts["fixed"] += 1
                if show_fixes:
                    out.write(f"Fixed {text_line(report.path, outcome, finding)}\n")
                continue
            counts["remaining"] += 1
            if finding.fixable and finding.fix == "safe":
                counts["safe"] += 1
            elif finding.fixable and finding.fix == "unsafe":
                counts["unsafe"] += 1
            out.write(text_line(report.path, outcome, finding) + "\n")
        if show_verdicts:
            for outcome in report.articles:
                if outcome.result.verdict != "clean":
                    where = report.path if outcome.record_line is None else f"{report.path}:{outcome.record_line}"
                    verdicts.append(one_line(f"{where}: {outcome.result.verdict} (score {outcome.result.score:.2f})") + "\n")
            if not getattr(report, "more", False):
                out.writelines(verdicts)
                verdicts.clear()
    return counts


def summary_line(counts: dict, *, fix_mode: bool, unsafe_fixes: bool, errors: int = 0) -> str:
    """The last line of a text report; never "All clean!" when some input could not be read.

    >>> summary_line({"total": 0}, fix_mode=False, unsafe_fixes=False, errors=1)
    'No findings, but 1 input could not be read (errors above).'
    """
    if fix_mode:
        return f"Found {counts['total']} ({counts['fixed']} fixed, {counts['remaining']} remaining)."
    if not counts["total"]:
        if errors:
            return f"No findings, but {errors} input{'s' if errors != 1 else ''} could not be read (errors above)."
        return "All clean!"
    more = "" if unsafe_fixes else f", {counts['unsafe']} more with --unsafe-fixes"
    fixable = counts["safe"] + (counts["unsafe"] if unsafe_fixes else 0)
    return f"Found {counts['total']} ({fixable} fixable{more})."


def write_json(reports: Iterable, out: TextIO, *, fix_mode: bool, lines: bool) -> None:
    """One record per finding: a JSON array (``json.dump(..., indent=2)``'s exact bytes) or JSON lines,
    written as the reports come, so no run holds every record."""
    records = (
        finding_record(report.path, outcome, finding, fix_mode=fix_mode)
        for report in reports
        for outcome, finding in report.findings
    )
    if lines:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    write_json_array(records, out)


def write_json_array(items: Iterable, out: TextIO) -> None:
    r"""``items`` as the JSON array ``json.dump(list(items), out, indent=2)`` writes, and a newline, one
    item at a time (a JSON string holds no raw newline, so indenting its lines is safe).

    >>> import io; out = io.StringIO(); write_json_array(iter([{"a": [1]}, "b"]), out); out.getvalue()
    '[\n  {\n    "a": [\n      1\n    ]\n  },\n  "b"\n]\n'
    >>> out.getvalue() == json.dumps([{"a": [1]}, "b"], indent=2) + "\n"
    True
    >>> out = io.StringIO(); write_json_array(iter([]), out); out.getvalue()
    '[]\n'
    """
    opened = False
    for item in items:
        out.write(",\n" if opened else "[\n")
        opened = True
        out.write("  " + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  "))
    out.write("\n]\n" if opened else "[]\n")


def write_statistics(reports: Iterable, out: TextIO) -> None:
    """``--statistics``: one line per code, most frequent first (ruff's shape)."""
    counts = Counter()
    fixable = Counter()
    for report in reports:
        for _, finding in report.findings:
            counts[finding.code] += 1
            if finding.fixable:
                fixable[finding.code] += 1
    for code, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        doc = lookup(code)
        marker = "[*]" if fixable[code] else "[ ]"
        out.write(f"{count:5d}\t{code}\t{marker} {doc.name if doc else ''}\n")
