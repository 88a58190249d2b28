"""A run over many files holds their bytes only within a budget (issue 17: ``check`` of a folder read every
file before checking the first and held them all: 380 MB of articles took 635 MB in the parent, a bigger
folder more); past it, files are read again when their turn comes, with the same reports, and a file
that changed in between is reported as such, never checked as a mix of two versions."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, held_inputs, record_pieces
from cleaner.cli import main
from cleaner.config import load_settings
from cleaner import filerun
from cleaner.filerun import iter_files, run_files

from test_hostile_pieces import flat, records_file

ARTICLES = [
    "The mayorr said the bridge would open in May ,after two years of work.\n\nThe Riverside Gazette is published by Valley Media Group.\n",
    "Council members voted on Tuesday to approve the  budget for the coming year.\n\nThe Riverside Gazette is published by Valley Media Group.\n",
    "The new library opened its doors on Monday to hundreds of readers .\n\nThe Riverside Gazette is published by Valley Media Group.\n",
]


@pytest.fixture()
def cleaner():
    return Cleaner(load_settings(None, isolated=True))


def _folder(tmp_path):
    """Six text files of one site (enough for the site-learning pass) and a records file in pieces."""
    paths = []
    for i in range(6):
        path = tmp_path / f"a{i}.txt"
        path.write_text(ARTICLES[i % 3] + f"Story {i}.\n", encoding="utf-8")
        paths.append(str(path))
    paths.append(str(records_file(tmp_path / "big.jsonl")))
    return paths


def _held_at_most(monkeypatch) -> list:
    """Record the bytes held after each file is added (HeldInputs.add)."""
    seen: list = []
    add = held_inputs.HeldInputs.add

    def spy(self, index, path, data):
        add(self, index, path, data)
        seen.append(self.held_bytes)

    monkeypatch.setattr(held_inputs.HeldInputs, "add", spy)
    return seen


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("fix", [False, True])
def test_files_past_the_budget_are_read_again_with_the_same_reports(cleaner, tmp_path, monkeypatch, jobs, fix):
    paths = _folder(tmp_path)
    monkeypatch.setattr(record_pieces, "PIECE_BYTES", 700)
    whole = [flat(r) for r in run_files(cleaner, paths, fix=fix, jobs=jobs)]
    seen = _held_at_most(monkeypatch)
    monkeypatch.setattr(held_inputs, "HOLD_BYTES", 200)  # about one small file
    again = [flat(r) for r in run_files(cleaner, paths, fix=fix, jobs=jobs)]
    assert again == whole
    assert seen and max(seen) <= 200 and len(seen) == len(paths)


def test_the_learning_pass_still_learns_from_files_read_again(cleaner, tmp_path, monkeypatch):
    paths = _folder(tmp_path)[:6]
    learned = [f.code for r in run_files(cleaner, paths, fix=False, jobs=1) for _, f in r.findings]
    assert "B011" in learned  # the trailer every article of the folder ends with of the folder's site
    monkeypatch.setattr(held_inputs, "HOLD_BYTES", 0)
    assert [f.code for r in run_files(cleaner, paths, fix=False, jobs=1) for _, f in r.findings] == learned


def test_a_file_changed_after_it_was_first_read_is_reported_not_checked(cleaner, tmp_path, monkeypatch):
    paths = _folder(tmp_path)
    monkeypatch.setattr(held_inputs, "HOLD_BYTES", 0)
    could_learn = filerun.could_learn

    def edit_then_learn(*args):  # runs between the first read of every file and their checks
        (tmp_path / "a3.txt").write_text("Someone else's edit, made during the run.\n", encoding="utf-8")
        return could_learn(*args)

    monkeypatch.setattr(filerun, "could_learn", edit_then_learn)
    reports = run_files(cleaner, paths, fix=True, jobs=1)
    assert [r.path for r in reports] == paths
    assert reports[3].error == f"{paths[3]}: changed while it was being checked; not checked (run again)"
    assert reports[3].new_bytes is None and not reports[3].findings
    assert all(r.error is None for k, r in enumerate(reports) if k not in (3, 6))
    assert reports[0].findings and reports[6].findings  # the others are checked as usual


def test_a_streamed_check_of_a_changed_big_file_ends_with_the_reason(cleaner, tmp_path, monkeypatch):
    path = records_file(tmp_path / "big.jsonl")
    monkeypatch.setattr(record_pieces, "PIECE_BYTES", 700)
    monkeypatch.setattr(held_inputs, "HOLD_BYTES", 0)
    could_learn = filerun.could_learn

    def edit_then_learn(*args):
        path.write_bytes(path.read_bytes().replace(b"mayorr", b"mayor!"))
        return could_learn(*args)

    monkeypatch.setattr(filerun, "could_learn", edit_then_learn)
    pieces = list(iter_files(cleaner, [str(path)], fix=False, jobs=1, stream=True))
    assert [p.more for p in pieces] == [True] * (len(pieces) - 1) + [False]
    assert pieces[-1].error == f"{path}: changed while it was being checked; not checked (run again)"


def test_check_of_a_folder_writes_the_same_report_past_the_budget(tmp_path, monkeypatch, capsys):
    paths = _folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ["check", "--isolated", "--no-cache", "--jobs", "1", str(tmp_path)]
    first = main(args), capsys.readouterr().out
    monkeypatch.setattr(held_inputs, "HOLD_BYTES", 0)
    assert (main(args), capsys.readouterr().out) == first
    assert first[0] == 2 and "a0.txt:1:" in first[1] and len(paths) == 7  # (2: big.jsonl's bad records)


def test_big_files_go_to_the_workers_a_few_at_a_time(cleaner, tmp_path):
    """The executor keeps four chunks a worker in flight: a chunk of sixteen 5 MB files put a whole
    400 MB folder in its queues; files are chunked to about CHUNK_BYTES instead."""
    paths = []
    for i in range(40):
        path = tmp_path / f"a{i}.txt"
        path.write_text(ARTICLES[i % 3], encoding="utf-8")
        paths.append(str(path))
    sizes = {}
    for task_bytes in (100, 5 * 10**6):
        runner = filerun._Runner(cleaner, 2, task_bytes=task_bytes)
        try:
            list(runner.map(filerun._check_task, ((p, None, False, None, None, None, None, 1, False) for p in paths),
                            len(paths)))
            sizes[task_bytes] = runner.executor.chunk_size
        finally:
            runner.close()
    assert sizes == {100: 5, 5 * 10**6: 1}  # 40 files over 2 workers: 5 a chunk when small


def test_handing_out_a_file_does_not_make_the_one_being_cut_be_read_again(tmp_path, monkeypatch):
    """The pieces of a big file past the budget are read from one re-read, while the files before it
    are handed out (each read again for its report) in between."""
    paths = [tmp_path / "small.txt", tmp_path / "big.jsonl"]
    paths[0].write_text("The mayor spoke.\n", encoding="utf-8")
    line = b'{"text": "The mayor spoke."}\n'
    paths[1].write_bytes(line * 100)
    reads: list = []

    def counted(path, max_mb=None):
        reads.append(path)
        return open(path, "rb").read()

    inputs = held_inputs.HeldInputs(budget=0)
    for index, path in enumerate(paths):
        inputs.add(index, str(path), path.read_bytes())
    monkeypatch.setattr(held_inputs, "read_bytes", counted)
    assert inputs[1][:len(line)] == line
    assert inputs.pop(0) == paths[0].read_bytes()
    assert inputs[1][len(line):2 * len(line)] == line
    assert reads == [str(paths[1]), str(paths[0])] and inputs.held_bytes == 0


def test_the_pages_the_learning_pass_keeps_for_the_checks_are_within_a_budget(cleaner, tmp_path, monkeypatch):
    """The first pass handed every extracted page to the second: a folder of pages was held whole between
    the passes (issue 17). Past KEEP_DOC_CHARS a page is extracted again by its check, with the same report."""
    paths = []
    for i in range(8):
        path = tmp_path / f"p{i}.html"
        path.write_text(f"<html><head><link rel='canonical' href='https://daily.example.org/{i}'></head><body>"
                        f"<article><p>{ARTICLES[i % 3].splitlines()[0]} Story {i}.</p>"
                        "<p>The Riverside Gazette is published by Valley Media Group.</p></article></body></html>",
                        encoding="utf-8")
        paths.append(str(path))
    whole = [flat(r) for r in run_files(cleaner, paths, fix=False, jobs=1)]
    assert any(f[2] == "B011" for report in whole for f in report[1])  # learned: the site's trailer
    handed: list = []
    check_task = filerun._check_task

    def spy(cleaner, task):
        handed.append(task[5])
        return check_task(cleaner, task)

    monkeypatch.setattr(filerun, "_check_task", spy)
    assert [flat(r) for r in run_files(cleaner, paths, fix=False, jobs=1)] == whole
    assert all(docs is not None for docs in handed)  # (each page extracted once)
    size = len(handed[0][0].text)
    handed.clear()
    monkeypatch.setattr(filerun, "KEEP_DOC_CHARS", 3 * size)
    assert [flat(r) for r in run_files(cleaner, paths, fix=False, jobs=1)] == whole
    kept = [docs for docs in handed if docs is not None]
    assert 1 <= len(kept) <= 3 and sum(len(d.text) for docs in kept for d in docs) <= 3 * size
