"""Records of the held-back kinds (issue 17: one bad record never stops a run): a JSON number longer
than Python converts (an id of 5,000 digits raised ``ValueError: Exceeds the limit (4300 digits)`` from
``json.loads``, a traceback in ``check`` and ``batch`` with no output for the other records; the
``batch`` case is in ``test_hostile.py``), and the same in the ``report`` command's ``--summary-json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.fileio import load_json

GOOD_RECORD = {"id": "good", "text": "The mayorr said the bridge would open in May."}
LONG_ID = '{"id": ' + "9" * 5000 + ', "text": "The mayor spoke today."}'


def jsonl(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("raw", [LONG_ID, '{"text": "ok", "n": [-' + "1" * 4400 + "]}"])
def test_a_too_long_number_is_bad_json_that_says_where(raw):
    with pytest.raises(json.JSONDecodeError, match=r"a number of \d+ digits \(at most 4300 are read\)") as caught:
        load_json(raw)
    assert raw[caught.value.pos].isdigit()


def test_long_numbers_python_reads_are_kept():
    assert load_json('{"id": ' + "9" * 4300 + ', "f": 1' + "0" * 5000 + '.5}')["id"] == int("9" * 4300)


def test_check_reports_the_other_records_beside_a_too_long_number(cli, tmp_path):
    path = jsonl(tmp_path / "a.jsonl", LONG_ID, json.dumps(GOOD_RECORD))
    code, out, err = cli("check", "--no-cache", "--select", "S", str(path))
    assert code == 2
    assert f"{path}:1: invalid JSON: a number of 5000 digits" in err and "Traceback" not in err
    assert f"{path}:2:" in out and "mayorr" in out


@pytest.mark.parametrize("summary, reason", [
    ('{"records": ' + "1" * 5000 + "}", "a number of 5000 digits"),
    ('{"a": ' * 5000 + "1" + "}" * 5000, "nested deeper than 100 levels"),
    (b"\xff\xfe{}", "not UTF-8 text"),
])
def test_report_names_a_summary_file_it_cannot_read(cli, tmp_path, summary, reason):
    results = jsonl(tmp_path / "out.jsonl", json.dumps({"id": 1, "text": "The mayor spoke.", "score": 0.9}))
    bad = tmp_path / "summary.json"
    bad.write_bytes(summary if isinstance(summary, bytes) else summary.encode())
    code, _, err = cli("report", str(results), "--summary-json", str(bad), "-o", str(tmp_path / "r.html"))
    assert code == 2
    assert f"{bad}: not JSON ({reason}" in err and "Traceback" not in err


def test_fix_rewrites_only_the_text_fields_value(cli, tmp_path):
    """It wrote the whole record anew: 1e999999 became Infinity (not JSON), 1.10 became 1.1, an
    escaped \\u00e9 became é and the line's spacing changed, none of which the fix pointed at."""
    line = '{"id":1e999999, "n": 1.10,"e":"caf\\u00e9" , "text" : "The mayor  spoke.", "meta": {"text": "x  y"}}'
    path = jsonl(tmp_path / "a.jsonl", line, '{"id": 2, "text": "Fine."}')
    code, _, _ = cli("fix", "--no-cache", "--select", "E006", str(path))
    assert code == 0
    assert path.read_text(encoding="utf-8").splitlines() == [line.replace("mayor  spoke", "mayor spoke"),
                                                             '{"id": 2, "text": "Fine."}']


def test_a_record_longer_than_a_part_is_cleaned_in_parts_in_batch_and_check(cli, tmp_path, monkeypatch):
    """A JSONL record was cleaned whole: memory in proportion to its size (a 3 MB record took 614 MB
    in ``batch``, a 50 MB one would take gigabytes). Now it goes in parts like a long text file, with
    its url on every part; the parts' answer is the one a text file of the same text gets."""
    from cleaner import Cleaner, parts
    from tests.test_parts import TEXT

    monkeypatch.setattr(parts, "PART_CHARS", 400)
    calls = []
    original = parts.run_in_parts
    monkeypatch.setattr(parts, "run_in_parts", lambda *a, **k: calls.append(k) or original(*a, **k))
    record = {"id": 7, "url": "https://news.example.com/a", "text": TEXT}
    path = jsonl(tmp_path / "long.jsonl", json.dumps(GOOD_RECORD), json.dumps(record))
    code, _, err = cli("batch", "--jobs", "1", str(path), "-o", str(tmp_path / "out.jsonl"))
    assert code == 0, err
    assert [(k["fix"], k["limit"], k["metadata"]["url"]) for k in calls] == [(True, 400, record["url"])]
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert out[1]["clean_text"] == original(Cleaner(), TEXT, fix=True, limit=400).text != TEXT
    code, report, _ = cli("check", "--no-cache", "--select", "E006", str(path))
    assert code == 1 and calls[-1]["fix"] is False
    assert report.count("E006") == 10


@pytest.mark.parametrize("body", ["The mayor spoke.\\n\\n" * 12_500, "\\n" * 100_000, "Caf\\u00e9 " * 20_000])
def test_reading_a_big_record_takes_memory_in_proportion_to_its_size_not_a_hundred_times_it(body):
    """The nesting check's string pattern ``"(?:[^"\\]|\\.)*"`` kept a backtracking frame per character
    of a string (about 110 bytes each): a 9.3 MB record took 1.2 GB in ``batch`` before any cleaning.
    Reading a 200 KB record may now take a few times its size (the parsed string), not a hundred."""
    import tracemalloc

    raw = '{"id": 1, "tags": [' + "[], " * 120 + '[]], "text": "' + body + '"}'  # brackets enough to be counted
    tracemalloc.start()
    try:
        data = load_json(raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data["text"] == json.loads(raw)["text"]
    assert peak < 10 * len(raw), (peak, len(raw))


def test_a_record_over_max_record_size_is_rejected_as_it_was_and_the_others_are_cleaned(cli, tmp_path):
    """A 9.3 MB record's findings and output line grow with it (33,000 findings, a 33 MB line; two such
    records in ``batch`` peaked at 724 MB), so memory had no bound: a line over ``max-record-size``
    million characters is a rejected record, written to the rejects byte for byte, never cleaned."""
    (tmp_path / "news-cleaner.toml").write_text("max-record-size = 0.001\n")  # 1,000 characters
    big = json.dumps({"id": "big", "text": "The mayorr spoke.  " * 80})
    path = jsonl(tmp_path / "in.jsonl", json.dumps(GOOD_RECORD), big)
    code, _, err = cli("batch", "--jobs", "1", str(path), "-o", "out.jsonl", "--rejects", "rejects.jsonl")
    assert code == 0, err
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["cleaner"]["findings"][0]["code"]) for r in out] == [("good", "S002")]
    [reject] = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert reject["record"] == big and reject["line"] == 2
    assert reject["reason"] == (f"a record of {len(big):,} characters is over the max-record-size limit of 0.001 "
                                "million; not cleaned (raise max-record-size in the config to clean it)")


def test_check_names_a_record_over_max_record_size_and_fix_leaves_the_file_as_it_was(cli, tmp_path):
    (tmp_path / "news-cleaner.toml").write_text("max-record-size = 0.001\n")
    big = json.dumps({"id": "big", "text": "The mayorr spoke.  " * 80})
    path = jsonl(tmp_path / "in.jsonl", json.dumps(GOOD_RECORD), big)
    before = path.read_bytes()
    code, out, err = cli("check", "--no-cache", str(path))
    assert code == 2 and f"in.jsonl:2: a record of {len(big):,} characters is over the max-record-size limit" in err + out
    assert "in.jsonl:1:" in out and "mayorr" in out  # the good record is still checked
    cli("fix", "--no-cache", str(path))
    assert path.read_bytes() == before
    (tmp_path / "news-cleaner.toml").write_text("max-record-size = 0\n")  # 0: no limit
    code, out, _ = cli("check", "--no-cache", str(path))
    assert code == 1 and "in.jsonl:2:" in out and "max-record-size" not in out


def test_fix_of_a_records_file_left_alone_for_a_bad_line_says_nothing_was_fixed(cli, tmp_path):
    """The file is not written when a line is bad, and the summary said ``1 fixed, 0 remaining``."""
    path = jsonl(tmp_path / "news.jsonl", '{"id": 1, "text": "The mayor  said the bridge would open."}', "[[[")
    before = path.read_bytes()
    code, out, err = cli("fix", "--no-cache", str(path))
    assert path.read_bytes() == before and code == 2 and "news.jsonl:2: invalid JSON" in err
    assert "Found 1 (0 fixed, 1 remaining)." in out
    assert "news.jsonl:1:10: E006 [*] several spaces between words" in out  # shown as a finding left


def _strict(line: str):
    """``json.loads`` as strict readers (jq, orjson, browsers) read: no NaN or Infinity."""
    return json.loads(line, parse_constant=lambda name: pytest.fail(f"{name} written: not JSON"))


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_bad_records_that_say_where(cli, tmp_path, constant):
    """Python's reader takes them and ``batch`` wrote them back: an output line strict readers refuse."""
    raw = '{"id": 1, "text": "The mayor said \\"NaN Infinity\\" today.", "score": ' + constant + "}"
    path = jsonl(tmp_path / "a.jsonl", raw, json.dumps(GOOD_RECORD))
    code, out, err = cli("check", "--no-cache", "--select", "S", str(path))
    assert code == 2 and "Traceback" not in err
    assert f"{path}:1: invalid JSON: {constant} is not JSON (column {raw.index(': ' + constant) + 3})" in err
    assert f"{path}:2:" in out
    out_path, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    code, _, err = cli("batch", str(path), "-o", str(out_path), "--rejects", str(rejects))
    assert [_strict(line)["id"] for line in out_path.read_text(encoding="utf-8").splitlines()] == ["good"]
    rejected = json.loads(rejects.read_text(encoding="utf-8"))
    assert rejected["record"] == raw and f"{constant} is not JSON" in rejected["reason"]


def test_a_number_too_big_for_a_float_is_written_back_as_it_was(cli, tmp_path):
    """1e99999 is JSON; Python reads it as infinity, and ``batch`` wrote ``Infinity`` (not JSON)."""
    raw = '{"id": 7, "n":1e99999, "text": "The mayor recieved the report today."}'
    path = jsonl(tmp_path / "a.jsonl", raw, json.dumps(GOOD_RECORD))
    out_path = tmp_path / "out.jsonl"
    code, _, err = cli("batch", str(path), "-o", str(out_path))
    assert code == 0 and "Traceback" not in err
    first, second = out_path.read_text(encoding="utf-8").splitlines()
    assert first.startswith('{"id": 7, "n":1e99999, "text": "The mayor recieved the report today.", "clean_text": ')
    record = _strict(first)
    assert record["n"] == float("inf") and record["clean_text"] == "The mayor received the report today."
    assert _strict(second)["id"] == "good" and second.startswith('{"id": "good", "text": ')


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_lone_carriage_return_inside_a_record_is_whitespace_in_batch_as_in_check(cli, tmp_path, engine):
    """JSON Lines end lines with ``\\n``; a lone ``\\r`` between a record's tokens is JSON's whitespace.
    ``batch`` read the file with universal newlines and split such a record in two bad lines, where
    ``check`` read one record."""
    raw = '{"id": "cr",\r"text": "The mayor recieved the report today."}'
    path = tmp_path / "a.jsonl"
    path.write_bytes((raw + "\n" + json.dumps(GOOD_RECORD) + "\r\n").encode("utf-8"))
    code, out, err = cli("check", "--no-cache", "--select", "S", str(path))
    assert code == 1 and "invalid JSON" not in err
    assert f"{path}:1:" in out and f"{path}:2:" in out
    out_path = tmp_path / ("out.jsonl" if engine == "local" else "parts")
    extra = ["--engine", "dask", "--jobs", "1"] if engine == "dask" else []
    code, _, err = cli("batch", str(path), "-o", str(out_path), *extra)
    assert code == 0 and "Traceback" not in err, err
    files = sorted(out_path.glob("part-*.jsonl")) if engine == "dask" else [out_path]
    records = [_strict(line) for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["cr", "good"]
    assert records[0]["clean_text"] == "The mayor received the report today."
