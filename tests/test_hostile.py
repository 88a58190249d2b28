"""Hostile input (issue 17): one bad record, URL or line never ends a run, loses data or hangs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.errors import InputError

GOOD_RECORD = {"id": "good", "text": "The mayorr said the bridge would open in May."}


def jsonl(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- bad URLs ------------------------------------------------------------------------------------

def test_clean_with_an_unparsable_url_is_an_input_error():
    with pytest.raises(InputError, match=r"url 'http://\[bad' cannot be parsed"):
        clean("The mayor spoke today.", url="http://[bad")
    with pytest.raises(InputError, match="url must be a string"):
        clean("The mayor spoke today.", url=42)


def test_a_page_whose_canonical_link_is_unparsable_is_still_cleaned():
    page = ('<html><head><title>Bridge</title><link rel="canonical" href="http://[bad"></head><body><article>'
            "<p>The mayor said the bridge would open in May after two years of work on the river.</p>"
            "</article></body></html>")
    result = clean(page)
    assert "bridge would open" in result.text
    assert result.metadata["hostname"] is None


def test_check_reports_the_good_records_beside_one_with_a_bad_url(cli, tmp_path):
    path = jsonl(tmp_path / "a.jsonl", json.dumps({"id": "bad", "text": "Fine text.", "url": "http://[bad"}),
                 json.dumps(GOOD_RECORD))
    code, out, err = cli("check", "--no-cache", "--select", "S", str(path))
    assert code == 2
    assert f"{path}:1: url 'http://[bad' cannot be parsed" in err
    assert f"{path}:2:" in out and "mayorr" in out


def test_batch_rejects_a_record_with_a_bad_url_and_keeps_the_others(cli, tmp_path):
    path = jsonl(tmp_path / "in.jsonl", json.dumps({"id": "bad", "text": "Fine text.", "url": "http://[bad"}),
                 json.dumps(GOOD_RECORD))
    code, _, _ = cli("batch", str(path), "-o", str(tmp_path / "out.jsonl"), "--rejects", str(tmp_path / "rej.jsonl"),
                     "-j", "1", "--quiet")
    assert code == 0
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    rejects = [json.loads(line) for line in (tmp_path / "rej.jsonl").read_text().splitlines()]
    assert [r["id"] for r in out] == ["good"]
    assert [r["id"] for r in rejects] == ["bad"] and "cannot be parsed" in rejects[0]["reason"]


# -- JSON depth and lines that are not records ---------------------------------------------------

def test_deeply_nested_json_line_is_a_bad_record_not_a_recursion_error(cli, tmp_path):
    path = jsonl(tmp_path / "deep.jsonl", "[" * 100000, json.dumps(GOOD_RECORD))
    code, out, err = cli("check", "--no-cache", "--select", "S", str(path))
    assert code == 2
    assert f"{path}:1: invalid JSON: nested deeper than 100 levels" in err
    assert "mayorr" in out
    assert "All clean" not in out


def test_batch_rejects_a_deeply_nested_line_with_its_reason(cli, tmp_path):
    path = jsonl(tmp_path / "deep.jsonl", "{\"a\":" * 50000 + "1" + "}" * 50000, json.dumps(GOOD_RECORD))
    code, _, _ = cli("batch", str(path), "-o", str(tmp_path / "out.jsonl"), "--rejects", str(tmp_path / "rej.jsonl"),
                     "-j", "1", "--quiet")
    assert code == 0
    rejects = [json.loads(line) for line in (tmp_path / "rej.jsonl").read_text().splitlines()]
    assert len(rejects) == 1 and "nested deeper than 100 levels" in rejects[0]["reason"]
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 1


def test_a_line_that_is_an_array_does_not_hide_the_files_valid_records(cli, tmp_path):
    path = jsonl(tmp_path / "a.jsonl", "[1, 2]", json.dumps(GOOD_RECORD), '"just a string"')
    code, out, err = cli("check", "--no-cache", "--select", "S", str(path))
    assert code == 2
    assert f"{path}:1: a record must be a JSON object, not list (and 1 more bad record)" in err
    assert f"{path}:2:" in out and "mayorr" in out


def test_nesting_inside_strings_does_not_count_towards_the_depth_limit():
    from cleaner.fileio import load_json

    text = "[" * 500
    assert load_json(json.dumps({"text": text})) == {"text": text}
    assert load_json("[" * 100 + "]" * 100) is not None


def test_no_all_clean_after_an_unreadable_input(cli, tmp_path):
    code, out, err = cli("check", "--no-cache", str(tmp_path / "missing.txt"))
    assert code == 2 and "no such file" in err
    assert "All clean" not in out and "could not be read" in out
