"""File runs: SARIF 2.1.0 (validated against the published schema), GitHub annotations, --jobs ordering,
--statistics, --output-file, exclude and .gitignore."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
DIRTY = "Caf&eacute; owners in Paris said the new rules would hurt trade.\n\nThe mayor\u200b agreed.\n"
CLEAN = "The city council approved the budget on Tuesday after a long debate.\n"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


@pytest.fixture
def articles(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "news" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "news" / "feed.jsonl").write_text(
        json.dumps({"id": "r1", "url": "https://example.org/r1", "text": "Caf&eacute; news."}) + "\n", encoding="utf-8")
    (tmp_path / "news" / "page.html").write_text(
        "<html><body><article><p>The council met on Tuesday to vote on the budget for next year, "
        "and the caf&amp;eacute; owners came.</p></article></body></html>", encoding="utf-8")
    return tmp_path


def test_sarif_validates_against_the_published_schema(articles, cli, validator):
    code, out, err = cli("check", "news", "--format", "sarif", "--no-cache")
    assert code == 1, err
    log = json.loads(out)
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, [e.message for e in errors[:5]]
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "news-cleaner"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert "E002" in rule_ids and "E004" in rule_ids
    e002 = driver["rules"][rule_ids.index("E002")]
    assert "## What it does" in e002["help"]["markdown"] and e002["shortDescription"]["text"]
    by_uri = {}
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        by_uri.setdefault(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], []).append(result)
    dirty = [r for r in by_uri["news/dirty.txt"] if r["ruleId"] == "E002"][0]
    region = dirty["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (1, 4, 1, 12)
    replacement = dirty["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "é" and replacement["deletedRegion"] == region
    zero_width = [r for r in by_uri["news/dirty.txt"] if r["ruleId"] == "E004"][0]
    # columns are code points: U+200B is the 10th character of line 3
    assert zero_width["locations"][0]["physicalLocation"]["region"]["startColumn"] == 10
    record = [r for r in by_uri["news/feed.jsonl"] if r["ruleId"] == "E002"][0]
    assert record["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert record["properties"]["record_id"] == "r1" and "fixes" not in record
    for result in by_uri.get("news/page.html", []):  # positions are in extracted text: no region claimed
        assert "region" not in result["locations"][0]["physicalLocation"]
    assert "news/clean.txt" not in by_uri
    verdicts = {a["path"]: a["verdict"] for a in run["properties"]["articles"]}
    assert verdicts["news/clean.txt"] == "clean"


def test_the_schema_check_is_not_vacuous(articles, cli, validator):
    _, out, _ = cli("check", "news/dirty.txt", "--format", "sarif", "--no-cache")
    log = json.loads(out)
    log["runs"][0]["results"][0]["level"] = "severe"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(validator.iter_errors(log))) >= 2


def test_sarif_in_fix_mode_lists_only_what_is_left_and_records_read_errors(articles, cli, validator):
    (articles / "news" / "broken.jsonl").write_text('{"text": "ok"}\n{oops\n', encoding="utf-8")
    code, out, _ = cli("fix", "news", "--format", "sarif", "--no-cache")
    log = json.loads(out)
    assert not list(validator.iter_errors(log))
    assert all(r["ruleId"] not in {"E002", "E004"} for r in log["runs"][0]["results"])
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "broken.jsonl:2: invalid JSON" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    assert code == 2


def test_github_annotations(articles, cli):
    code, out, _ = cli("check", "news/dirty.txt", "news/feed.jsonl", "--format", "github", "--no-cache")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == ("::warning title=news-cleaner (E002),file=news/dirty.txt,line=1,col=4,endLine=1,endColumn=12::"
                        "news/dirty.txt:1:4: E002 HTML entity '&eacute;' left in the text -> é")
    assert any(line.startswith("::warning title=news-cleaner (E002),file=news/feed.jsonl,line=1::") for line in lines)
    assert not any("Found" in line for line in lines)  # annotations only


def test_github_escapes_property_and_message_characters(tmp_path, cli):
    (tmp_path / "a,b:c.txt").write_text("Caf&eacute; 100% sure.\n", encoding="utf-8")
    _, out, _ = cli("check", "a,b:c.txt", "--format", "github", "--no-cache")
    assert "file=a%2Cb%3Ac.txt," in out
    assert "::a,b:c.txt:1:4: E002" in out  # the message part keeps ':' and ','


def test_jobs_output_is_in_input_order_and_equal_to_one_job(tmp_path, cli, clean_bodies):
    folder = tmp_path / "many"
    folder.mkdir()
    for index, body in enumerate(list(clean_bodies.values())[:12]):
        text = body if index % 2 else body + "\n\nCaf&eacute; owners were\u200b there.\n"
        (folder / f"{index:02d}.txt").write_text(text, encoding="utf-8")
    one = cli("check", "many", "--format", "jsonl", "--jobs", "1", "--no-cache")
    two = cli("check", "many", "--format", "jsonl", "--jobs", "2", "--no-cache")
    assert one == two
    paths = [json.loads(line)["path"] for line in one[1].splitlines()]
    assert paths == sorted(paths) and len(set(paths)) >= 6


def test_statistics_and_output_file(articles, cli):
    code, out, _ = cli("check", "news/dirty.txt", "news/feed.jsonl", "--statistics", "--output-file", "report.txt",
                       "--no-cache")
    assert code == 1 and out == ""
    report = (articles / "report.txt").read_text(encoding="utf-8").splitlines()
    counts = {line.split("\t")[1]: int(line.split("\t")[0]) for line in report}
    assert counts["E002"] == 2 and counts["E004"] == 1
    code, out, _ = cli("check", "news/dirty.txt", "--format", "sarif", "--output-file", "out.sarif", "--no-cache")
    assert out == "" and json.loads((articles / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_exclude_gitignore_and_force_exclude(articles, cli):
    (articles / ".gitignore").write_text("news/dirty.txt\n", encoding="utf-8")
    (articles / "news-cleaner.toml").write_text('extend-exclude = ["*.jsonl"]\n', encoding="utf-8")
    code, out, _ = cli("check", ".", "--format", "jsonl", "--no-cache")
    paths = {json.loads(line)["path"] for line in out.splitlines()}
    assert not any(p.endswith(("dirty.txt", ".jsonl")) for p in paths)
    # named explicitly, an excluded file is checked unless --force-exclude (what pre-commit passes)
    code, out, _ = cli("check", "news/feed.jsonl", "--no-cache")
    assert code == 1 and "E002" in out
    code, out, _ = cli("check", "news/feed.jsonl", "--force-exclude", "--no-cache")
    assert code == 0 and "E002" not in out


def test_clean_refuses_ci_formats(tmp_path, cli, capsys):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        cli("clean", "a.txt", "--format", "sarif")
    assert exc.value.code == 2 and "invalid choice: 'sarif'" in capsys.readouterr().err


def test_bad_jobs_value_is_a_usage_error(tmp_path, cli):
    with pytest.raises(SystemExit) as exc:
        cli("check", ".", "--jobs", "0")
    assert exc.value.code == 2


def test_a_handful_of_files_runs_in_one_process(tmp_path, cli, monkeypatch):
    """A pre-commit-sized run does not pay for a pool whose workers would each load the data again."""
    import cleaner.filerun as filerun

    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started for a handful of files")

    monkeypatch.setattr("cleaner.executor.Executor", no_pool)  # filerun imports it only when it starts a pool
    for index in range(filerun.POOL_MIN_FILES - 1):
        (tmp_path / f"{index}.txt").write_text(CLEAN, encoding="utf-8")
    code, _, err = cli("check", ".", "--jobs", "2", "--no-cache")
    assert code == 0, err
