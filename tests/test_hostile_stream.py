"""`check` writes its report as files and pieces finish (issue 17: on a 50 MB file of records the parent
held every record's report and text, 1,356 MB at peak); what it writes is byte for byte what it wrote
when it gathered every report first."""

from __future__ import annotations

import gc
import json
import weakref

import pytest

from cleaner import Cleaner, record_pieces
from cleaner.cli import main
from cleaner.config import load_settings
from cleaner.filerun import iter_files, run_files

from test_hostile_pieces import TEXTS, flat, records_file


@pytest.fixture()
def cleaner():
    return Cleaner(load_settings(None, isolated=True))


def test_a_streamed_file_comes_as_its_pieces_with_the_file_error_on_the_last(cleaner, tmp_path, monkeypatch):
    path = str(records_file(tmp_path / "big.jsonl"))
    whole = run_files(cleaner, [path], fix=False, jobs=1)[0]
    monkeypatch.setattr(record_pieces, "PIECE_BYTES", 700)
    pieces = list(iter_files(cleaner, [path], fix=False, jobs=1, stream=True))
    assert len(pieces) > 5 and [p.more for p in pieces] == [True] * (len(pieces) - 1) + [False]
    assert [p.error for p in pieces[:-1]] == [None] * (len(pieces) - 1)
    assert pieces[-1].error == whole.error and "(and 1 more bad record)" in whole.error
    joined = [(o.record_line, f.code, f.start, f.end, f.suggestion) for p in pieces for o, f in p.findings]
    assert joined == [(o.record_line, f.code, f.start, f.end, f.suggestion) for o, f in whole.findings]
    assert all(p.old_text == "" and all(o.result.source_text == "" for o in p.articles) for p in pieces)
    assert whole.old_text and whole.articles[0].result.source_text  # joined reports keep their texts


def test_a_streamed_file_is_not_held_once_its_pieces_are_handed_out(cleaner, tmp_path, monkeypatch):
    path = str(records_file(tmp_path / "big.jsonl", count=90))
    monkeypatch.setattr(record_pieces, "PIECE_BYTES", 700)
    refs = []
    for jobs in (1, 2):
        for report in iter_files(cleaner, [path], fix=False, jobs=jobs, stream=True):
            refs.append(weakref.ref(report))
            gc.collect()
            assert sum(ref() is not None for ref in refs) <= 3  # this one, the one kept back, the loop's
        del report
        gc.collect()
        assert sum(ref() is not None for ref in refs) == 0


def test_fix_still_joins_the_pieces(cleaner, tmp_path, monkeypatch):
    path = str(records_file(tmp_path / "big.jsonl"))
    whole = run_files(cleaner, [path], fix=True, jobs=1)[0]
    monkeypatch.setattr(record_pieces, "PIECE_BYTES", 700)
    reports = list(iter_files(cleaner, [path], fix=True, jobs=1, stream=True))
    assert len(reports) == 1 and flat(reports[0]) == flat(whole)


FORMATS = [["--format", "text"], ["--format", "json"], ["--format", "jsonl"], ["--format", "sarif"],
           ["--format", "github"], ["--statistics"]]


@pytest.mark.parametrize("options", FORMATS, ids=lambda o: o[-1])
def test_the_streamed_report_is_byte_for_byte_the_gathered_one(tmp_path, monkeypatch, capsys, options):
    """Pieces (streamed) against one task per file (gathered at the end): a file with bad records, a clean
    big one, a text file, all cached on the second run (each piece has an entry of its own)."""
    monkeypatch.chdir(tmp_path)
    records_file(tmp_path / "bad.jsonl")
    good = [json.dumps({"id": i, "text": TEXTS[i % 3] + f" Item {i}."}) for i in range(40)]
    (tmp_path / "good.jsonl").write_text("\n".join(good) + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text('The mayorr said "yes" .\n', encoding="utf-8")
    argv = ["check", "--isolated", "--jobs", "1", *options, "a.txt", "bad.jsonl", "good.jsonl"]

    def run(cache: str) -> tuple:
        code = main([*argv, "--cache-dir", str(tmp_path / cache)])
        out, err = capsys.readouterr()
        return code, out, err

    gathered = run("one")
    assert gathered[0] == 2 and "bad.jsonl:8: a record must be a JSON object" in gathered[2]
    if options != ["--statistics"]:
        assert "a.txt" in gathered[1] and "good.jsonl" in gathered[1]
    monkeypatch.setattr(record_pieces, "PIECE_BYTES", 600)
    assert run("pieces") == gathered
    assert len(list((tmp_path / "pieces").rglob("*.json.z"))) > 5  # the pieces with no bad record
    assert run("pieces") == gathered  # from the cache, piece by piece


@pytest.mark.parametrize("options", [["fix"], ["fix", "--diff"], ["fix", "--format", "json"], ["fix", "--statistics"],
                                     ["fix", "--format", "github"], ["check"]], ids=" ".join)
def test_a_folder_run_holds_a_bounded_number_of_reports(tmp_path, monkeypatch, capsys, options):
    """fix of a folder gathered every file's report (old and new text, findings) before writing any out:
    memory grew with the number of files (issue 17). Each report is now let go once it is written."""
    from cleaner import filerun

    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(60):  # one file per story, each with a safe fix (the doubled spaces)
        (folder / f"story{i:03d}.txt").write_text(TEXTS[2] + f" Story {i}.\n", encoding="utf-8")
    refs: list = []
    most = [0]
    real = filerun.iter_files

    def watched(*args, **kwargs):
        for report in real(*args, **kwargs):
            refs.append(weakref.ref(report))
            gc.collect()
            most[0] = max(most[0], sum(ref() is not None for ref in refs))
            yield report

    monkeypatch.setattr(filerun, "iter_files", watched)
    code = main([*options, "--isolated", "--no-cache", "--jobs", "1", "--no-learn", str(folder)])
    out, err = capsys.readouterr()
    assert len(refs) == 60 and most[0] <= 3, (most[0], err)
    if options == ["fix"]:
        assert code == 0 and "Found 120 (120 fixed, 0 remaining)." in out
    elif options == ["fix", "--diff"]:
        assert code == 1 and out.count("+++ b/") == 60 and "Would fix 60 files." in err
    elif options[-1] == "--statistics":
        assert out.split("\t")[0].strip() == "120"
    elif options[-1] == "json":
        assert out.count('"applied": true') == 120 and "story059.txt" in out
    elif options[-1] == "github":
        assert code == 0 and out == ""  # (annotations are for what is left)
    changed = options[0] == "fix" and "--diff" not in options
    assert all(("The new library" in p.read_text(encoding="utf-8")) == changed for p in folder.iterdir())
    if options == ["check"]:
        assert code == 1 and out.count("story0") == 120 + 60  # two findings and a verdict a file
