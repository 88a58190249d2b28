"""Report formats for CI systems: GitHub workflow annotations and SARIF 2.1.0 (code scanning).

Positions: for ``.txt``/``.md`` files a finding's line and column are positions in the file. For a JSONL
record they are positions inside the record's text field, so only the record's line is given as the
region (the field-relative position goes into ``properties``). For an HTML file they are positions in
the extracted text, not in the markup, so no region is claimed at all.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Iterator, Optional, TextIO

from . import __version__
from .codes import lookup

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/news-cleaner/"


def _shown(report, fix_mode: bool):
    """The findings a report shows: in fix mode the applied ones are gone from the file."""
    for outcome, finding in report.findings:
        if fix_mode and finding.applied:
            continue
        yield outcome, finding


def _is_html(path: str) -> bool:
    return path.lower().endswith((".html", ".htm", ".xhtml"))


# -- GitHub Actions ----------------------------------------------------------------------------------

def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_line(path: str, outcome, finding) -> str:
    """``::warning title=news-cleaner (CODE),file=…,line=…,col=…::path:line:col: CODE message``."""
    if outcome.record_line is not None:
        position = {"line": outcome.record_line}
        where = f"{path}:{outcome.record_line}:{finding.col}"
    elif _is_html(path):
        position = {}
        where = f"{path}:{finding.line}:{finding.col}"
    else:
        position = {"line": finding.line, "col": finding.col, "endLine": finding.end_line, "endColumn": finding.end_col}
        where = f"{path}:{finding.line}:{finding.col}"
    props = {"title": f"news-cleaner ({finding.code})", "file": path, **position}
    head = ",".join(f"{key}={_escape_property(str(value))}" for key, value in props.items())
    suggestion = ""
    if finding.fixable and (finding.suggestion or finding.edit_end > finding.edit_start):  # (E007's empty edit: no text)
        suggestion = " -> (delete)" if finding.suggestion == "" else f" -> {finding.suggestion}"
    return f"::warning {head}::{_escape_data(f'{where}: {finding.code} {finding.message}{suggestion}')}"


def write_github(reports: Iterable, out: TextIO, *, fix_mode: bool) -> None:
    for report in reports:
        if report.error:
            out.write(f"::error title=news-cleaner::{_escape_data(report.error)}\n")
            continue
        for outcome, finding in _shown(report, fix_mode):
            out.write(github_line(report.path, outcome, finding) + "\n")


# -- SARIF 2.1.0 -------------------------------------------------------------------------------------

def _artifact(path: str) -> dict:
    """A relative URI under %SRCROOT% when the file is under the working directory, else a file URI."""
    if path == "-":
        return {"uri": "stdin"}
    from .fileio import resolved_path

    candidate = Path(path)
    try:
        rel = resolved_path(candidate).relative_to(Path(os.getcwd()).resolve())
        return {"uri": rel.as_posix(), "uriBaseId": "%SRCROOT%"}
    except (ValueError, OSError):
        return {"uri": resolved_path(candidate).as_uri() if candidate.is_absolute() else candidate.as_posix()}


def _rule(code: str) -> dict:
    doc = lookup(code)
    if doc is None:
        return {"id": code, "shortDescription": {"text": code}}
    page = doc.render()
    rule = {
        "id": code,
        "name": doc.name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": " ".join(doc.what.split())},
        "help": {"text": page, "markdown": page},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"fix": doc.fix, "family": doc.family, "tags": [doc.family]},
    }
    return rule


def _region(path: str, outcome, finding) -> Optional[dict]:
    if outcome.record_line is not None:
        return {"startLine": outcome.record_line}
    if _is_html(path):
        return None
    return {"startLine": max(1, finding.line), "startColumn": max(1, finding.col),
            "endLine": max(1, finding.end_line), "endColumn": max(1, finding.end_col)}


def _edit_region(report, finding, region: dict) -> dict:
    """The region the fix replaces: the finding's own, or its wider ``edit`` (a deletion's whitespace)."""
    if finding.edit is None:
        return dict(region)
    from .document import Document

    doc = Document(report.old_text)
    (line, col), (end_line, end_col) = doc.position(finding.edit_start), doc.position(finding.edit_end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _result(report, outcome, finding, rule_index: dict, fix_mode: bool) -> dict:
    artifact = _artifact(report.path)
    location: dict = {"physicalLocation": {"artifactLocation": artifact}}
    region = _region(report.path, outcome, finding)
    if region is not None:
        location["physicalLocation"]["region"] = region
    message = finding.message
    if finding.fixable:
        message += " (suggested: delete)" if finding.suggestion == "" else f" (suggested: {finding.suggestion})"
    result: dict = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": "warning",
        "message": {"text": message},
        "locations": [location],
        "properties": {
            "start": finding.start, "end": finding.end, "line": finding.line, "col": finding.col,
            **({"edit": finding.edit} if finding.edit is not None else {}),
            "fix": finding.fix, "confidence": finding.confidence, "source": finding.source,
            "excerpt": finding.excerpt, "score": outcome.result.score, "verdict": outcome.result.verdict,
        },
    }
    if outcome.record_line is not None:
        result["properties"]["record_line"] = outcome.record_line
        result["properties"]["record_id"] = outcome.record_id
    if region is not None and outcome.record_line is None and finding.fixable:
        result["fixes"] = [{
            "description": {"text": f"{finding.code}: {'delete' if finding.suggestion == '' else 'replace with ' + repr(finding.suggestion)} ({finding.fix} fix)"},
            "artifactChanges": [{
                "artifactLocation": artifact,
                "replacements": [{"deletedRegion": _edit_region(report, finding, region),
                                  "insertedContent": {"text": finding.suggestion}}],
            }],
        }]
    return result


def sarif_log(reports: list, *, fix_mode: bool) -> dict:
    """The whole SARIF log: one run, the rules that fired (with their help pages), the results."""
    shown = [(report, outcome, finding) for report in reports if not report.error
             for outcome, finding in _shown(report, fix_mode)]
    codes = sorted({finding.code for _, _, finding in shown})
    rule_index = {code: index for index, code in enumerate(codes)}
    log = _sarif_frame(codes, [report.error for report in reports if report.error])
    run = log["runs"][0]
    run["results"] = [_result(report, outcome, finding, rule_index, fix_mode) for report, outcome, finding in shown]
    run["properties"]["articles"] = [_article(report, outcome) for report in reports for outcome in report.articles]
    return log


def _sarif_frame(codes: list, errors: list) -> dict:
    """The log around its results and articles (both left empty here)."""
    invocation: dict = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": error}} for error in errors
        ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "news-cleaner",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(code) for code in codes],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(os.getcwd()).resolve().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation],
            "results": [],
            "properties": {"articles": []},
        }],
    }


def _article(report, outcome) -> dict:
    return {"path": report.path, "record_line": outcome.record_line, "score": outcome.result.score,
            "verdict": outcome.result.verdict}


class _NotYet(dict):
    """A rule index asked for before every rule is known: a placeholder, set when the log is written."""

    def __missing__(self, code: str) -> int:
        return -1


def write_sarif(reports: Iterable, out: TextIO, *, fix_mode: bool) -> None:
    """``sarif_log`` written as ``json.dump(..., indent=2)`` would, with the reports read once as they
    come: the rules come first in the log and each result points into them, so results and articles
    wait in temporary files (one compact JSON line each) until the last report has been read."""
    import tempfile

    codes: set = set()
    errors: list = []
    with tempfile.TemporaryFile() as results, tempfile.TemporaryFile() as articles:
        file_start, file_codes = results.tell(), set()  # a file's results count only if it ends with no error
        for report in reports:
            for outcome in report.articles:
                articles.write(_json_line(_article(report, outcome)))
            if report.error:
                errors.append(report.error)
                results.seek(file_start)
                results.truncate()
                file_codes = set()
            else:
                for outcome, finding in _shown(report, fix_mode):
                    file_codes.add(finding.code)
                    results.write(_json_line(_result(report, outcome, finding, _NotYet(), fix_mode)))
            if not getattr(report, "more", False):
                codes |= file_codes
                file_start, file_codes = results.tell(), set()
        rule_index = {code: index for index, code in enumerate(sorted(codes))}
        text = json.dumps(_sarif_frame(sorted(codes), errors), ensure_ascii=False, indent=2)

        def indexed(lines):
            for line in lines:
                result = _read_line(line)
                result["ruleIndex"] = rule_index[result["ruleId"]]
                yield result

        results.seek(0)
        articles.seek(0)
        head, rest = _fill(text, '"results": []', indexed(results), out)
        out.write(head)
        head, rest = _fill(rest, '"articles": []', map(_read_line, articles), out)
        out.write(head + rest + "\n")


def _json_line(item: dict) -> bytes:
    """One line of a temporary file; a file name's lone surrogates go through unchanged."""
    return (json.dumps(item, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")


def _read_line(line: bytes):
    return json.loads(line.decode("utf-8", "surrogatepass"))


def _fill(text: str, empty: str, items: Iterator, out: TextIO) -> tuple:
    """Write ``text`` up to the list ``empty`` (its first occurrence as a whole key: ``"key": []``,
    which no JSON string can hold, since a string's quotes are escaped), then that list's items as
    ``json.dump(indent=2)`` lays them out; return (what closes the list, the text after it)."""
    at = text.index(empty)
    line_start = text.rindex("\n", 0, at) + 1
    indent = " " * (at - line_start) + "  "
    out.write(text[:at + len(empty) - 1])  # up to and with the "["
    opened = False
    for item in items:
        out.write(",\n" if opened else "\n")
        opened = True
        out.write(indent + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + indent))
    close = f"\n{indent[:-2]}]" if opened else "]"
    return close, text[at + len(empty):]
