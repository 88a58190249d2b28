"""A big JSONL file is checked in pieces of whole lines over the workers (issue 17: a 50 MB file ran
on one core and held every record at once); what comes out is what one whole-file task gave."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner, record_pieces
from cleaner.config import load_settings
from cleaner.filerun import run_files

TEXTS = [
    'The mayorr said the bridge would open in May ,after two years of work.\n\nShe said "yes" .',
    "Council members voted on Tuesday to approve the budget for the coming year.",
    "The  new  library opened its doors on Monday to hundreds of readers.",
]


def records_file(path, newline: str = "\n", count: int = 60):
    """``count`` records, two of them bad lines (a list, a record with no text), some lines CRLF."""
    lines = [json.dumps({"id": i, "text": TEXTS[i % 3] + f" Story {i}."}) for i in range(count)]
    lines[7] = "[1]"
    lines[31] = json.dumps({"id": 31, "title": "no text here"})
    ends = [newline if i % 4 else "\n" for i in range(count)]
    path.write_bytes("".join(line + end for line, end in zip(lines, ends)).encode("utf-8"))
    return path


def flat(report) -> tuple:
    """What a report says, as plain values (paths, lines, codes, offsets, bytes)."""
    findings = [(outcome.record_line, outcome.record_id, f.code, f.start, f.end, f.line, f.col, f.suggestion,
                 f.applied) for outcome, f in report.findings]
    verdicts = [(o.record_line, o.result.verdict, round(o.result.score, 6)) for o in report.articles]
    return report.error, findings, verdicts, report.new_bytes, report.old_text == report.new_text, report.notices


@pytest.fixture()
def cleaner():
    return Cleaner(load_settings(None, isolated=True))


@pytest.mark.parametrize("fix", [False, True])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_pieces_give_the_report_of_the_whole_file(cleaner, tmp_path, monkeypatch, fix, newline):
    path = str(records_file(tmp_path / "big.jsonl", newline))
    whole = run_files(cleaner, [path], fix=fix, jobs=1)[0]
    monkeypatch.setattr(record_pieces, "PIECE_BYTES", 700)  # about six records a piece
    assert len(record_pieces.piece_spans(open(path, "rb").read(), 700)) > 5
    for jobs in (1, 2):
        pieced = run_files(cleaner, [path], fix=fix, jobs=jobs)[0]
        assert flat(pieced) == flat(whole)
    assert whole.error.startswith(f"{path}:8: a record must be a JSON object") and "(and 1 more bad record)" in whole.error
    assert any(outcome.record_line == 60 for outcome in whole.articles)  # line numbers of the whole file
    if fix:  # the command writes nothing over a file with bad lines (the error); the bytes are still joined
        assert whole.new_bytes is not None


def test_fixed_pieces_join_into_the_fixed_file_with_each_line_ending_kept(cleaner, tmp_path, monkeypatch):
    path = tmp_path / "big.jsonl"
    records_file(path, "\r\n")
    data = path.read_bytes().replace(b"[1]", b'{"text": "Fine."}').replace(b'"title": "no text here"', b'"text": "Fine."')
    path.write_bytes(data)
    whole = run_files(cleaner, [str(path)], fix=True, jobs=1)[0]
    monkeypatch.setattr(record_pieces, "PIECE_BYTES", 500)
    pieced = run_files(cleaner, [str(path)], fix=True, jobs=2)[0]
    assert pieced.new_bytes == whole.new_bytes and pieced.new_bytes != data
    assert pieced.original == data
    old_lines, new_lines = data.split(b"\n"), pieced.new_bytes.split(b"\n")
    assert [line.endswith(b"\r") for line in new_lines] == [line.endswith(b"\r") for line in old_lines]


def test_a_file_in_a_guessed_encoding_is_one_task(tmp_path):
    data = ('{"text": "Caf\u00e9 story."}\n' * 100).encode("cp1252")
    assert not record_pieces.splittable(data, "a.jsonl", "records", 100)
    assert record_pieces.splittable(data.decode("cp1252").encode("utf-8"), "a.jsonl", "records", 100)
    assert not record_pieces.splittable(b'{"text": "A."}\n' * 100, "a.txt", "text", 100)
