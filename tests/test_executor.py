"""The one executor under file runs, batch and clean_many: order, time limits, dead and stuck workers,
workers that die with their parent, temporary files removed on signals and found after a kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from cleaner import Cleaner
from cleaner.atomic import remove_stale, temp_path
from cleaner.batch import BatchOptions, run_batch
from cleaner.errors import InputError
from cleaner.executor import Executor, WorkerLost

from test_batch import read_jsonl, write_jsonl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def stuck_in_c(seconds: float = 30) -> None:
    """What a call stuck inside a C extension looks like to the interpreter: the time-limit signal is
    never handled while it runs (here: SIGALRM is blocked, so it stays pending, during a long sleep)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    try:
        time.sleep(seconds)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})


class StuckInC(Cleaner):
    """A Cleaner whose check gets stuck in C on articles mentioning STUCK."""

    def run(self, doc, *, fix=True):
        if "STUCK" in doc.text:
            stuck_in_c()
        return super().run(doc, fix=fix)


def _square(n):
    if n == 13:
        raise ValueError("thirteen")
    return n * n


def _stuck_on_five(n):
    if n == 5:
        stuck_in_c()
    return n


def test_results_come_back_in_order_and_errors_in_their_place():
    with Executor(2, chunk_size=3) as executor:
        results = executor.map(_square, range(20))
        assert [next(results) for _ in range(13)] == [n * n for n in range(13)]
        with pytest.raises(ValueError, match="thirteen"):
            next(results)


def test_a_stuck_item_costs_only_itself_and_its_worker_is_replaced():
    lost = []
    with Executor(2, chunk_size=4, timeout=0.3, lost=lambda item, reason: lost.append((item, reason)) or -1) as ex:
        started = time.monotonic()
        results = list(ex.map(_stuck_on_five, range(12)))
    assert results == [0, 1, 2, 3, 4, -1, 6, 7, 8, 9, 10, 11]
    assert [item for item, _ in lost] == [5]
    assert time.monotonic() - started < 10


def test_batch_record_stuck_in_c_is_rejected_and_the_run_goes_on(tmp_path):
    records = [{"id": i, "text": f"Story {i}: the council met on Tuesday."} for i in range(10)]
    records[4] = {"id": 4, "text": "STUCK in the regular expression engine."}
    write_jsonl(tmp_path / "in.jsonl", records)
    started = time.monotonic()
    stats = run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), StuckInC(),
                      BatchOptions(learn=False, timeout=0.5, chunk_size=3), jobs=2, rejects_path=str(tmp_path / "r.jsonl"))
    assert time.monotonic() - started < 20
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == [0, 1, 2, 3, 5, 6, 7, 8, 9]
    [reject] = read_jsonl(tmp_path / "r.jsonl")
    assert reject["id"] == 4 and reject["line"] == 5 and reject["record"]["text"].startswith("STUCK")
    assert "timed out after 0.5 s" in reject["reason"] and "stuck and was replaced" in reject["reason"]
    assert stats.rejected == 1 and stats.written == 9


def test_clean_many_timeout_raises_worker_lost_in_order():
    results = StuckInC(select=["E"]).clean_many(["Caf&eacute; one.", "STUCK here.", "Caf&eacute; three."],
                                                jobs=2, timeout=0.3, chunksize=1)
    assert next(results).text == "Café one."
    with pytest.raises(WorkerLost, match="timed out after 0.3 s"):
        next(results)


def test_deeply_nested_json_is_a_reject_not_a_crash(tmp_path):
    (tmp_path / "in.jsonl").write_text('{"id": 1, "text": "The council met."}\n' + "[" * 100000 + "\n",
                                       encoding="utf-8")
    stats = run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), Cleaner(), BatchOptions(learn=True),
                      jobs=1, rejects_path=str(tmp_path / "r.jsonl"))
    [reject] = read_jsonl(tmp_path / "r.jsonl")
    assert reject["line"] == 2 and "nested deeper than 100 levels" in reject["reason"]
    assert stats.written == 1


def test_output_and_rejects_may_not_be_the_same_file(tmp_path, cli):
    write_jsonl(tmp_path / "in.jsonl", [{"text": "The council met."}])
    (tmp_path / "same.jsonl").write_text("keep me\n", encoding="utf-8")
    code, _, err = cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "same.jsonl"),
                       "--rejects", str(tmp_path / "." / "same.jsonl"))
    assert code == 2 and "cannot be the output file" in err
    assert (tmp_path / "same.jsonl").read_text(encoding="utf-8") == "keep me\n"


# -- processes and signals -----------------------------------------------------------------------

SLOW_BATCH = textwrap.dedent("""
    import os, sys, time
    from cleaner import Cleaner
    from cleaner.batch import BatchOptions, run_batch

    class Slow(Cleaner):
        def run(self, doc, *, fix=True):
            if not doc.text.startswith("Story"):  # the warm-up run in the parent
                return super().run(doc, fix=fix)
            with open(os.path.join(sys.argv[3], str(os.getpid())), "w"):
                pass
            time.sleep(30)
            return super().run(doc, fix=fix)

    run_batch(sys.argv[1], sys.argv[2], Slow(), BatchOptions(learn=False, chunk_size=1), jobs=2)
""")


def _start_slow_batch(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": f"Story {i}."} for i in range(6)])
    pids = tmp_path / "pids"
    pids.mkdir()
    env = {**os.environ, "PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-c", SLOW_BATCH, str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"),
                             str(pids)], env=env, cwd=tmp_path)
    deadline = time.monotonic() + 60
    while len(os.listdir(pids)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = [int(name) for name in os.listdir(pids)]
    assert len(workers) == 2, "both workers should be cleaning a record by now"
    return proc, workers


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            return not any(line.startswith("State:") and "Z" in line for line in handle)
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads worker states from /proc (Linux only)")
def test_kill_9_of_the_batch_parent_ends_its_workers_promptly(tmp_path):
    proc, workers = _start_slow_batch(tmp_path)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + 5
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(pid) for pid in workers)
    # what the killed run left beside its output is found and removed by the next one
    [left] = [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")]
    notices = []
    assert remove_stale(str(tmp_path / "out.jsonl"), notices.append) == [str(left)]
    assert "left by a killed run" in notices[0] and not left.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads worker states from /proc (Linux only)")
def test_sigterm_removes_the_temporary_output_and_stops_the_workers(tmp_path):
    proc, workers = _start_slow_batch(tmp_path)
    assert any(p.name.startswith(".out.jsonl.") for p in tmp_path.iterdir())
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(20) == 128 + signal.SIGTERM
    assert not any(p.name.startswith(".out.jsonl") for p in tmp_path.iterdir())
    assert not (tmp_path / "out.jsonl").exists()
    assert not any(_running(pid) for pid in workers)


def test_a_stale_temporary_file_of_a_live_process_is_left_alone(tmp_path):
    target = str(tmp_path / "out.jsonl")
    mine = temp_path(target)
    open(mine, "w").close()
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = os.path.join(str(tmp_path), f".out.jsonl.{gone.pid}-0123abcd.tmp")
    open(stale, "w").close()
    other = os.path.join(str(tmp_path), f".other.jsonl.{gone.pid}-0123abcd.tmp")
    open(other, "w").close()
    assert remove_stale(target) == [stale]
    assert os.path.exists(mine) and os.path.exists(other)


def test_batch_reports_removing_a_stale_temporary_file(tmp_path, cli):
    write_jsonl(tmp_path / "in.jsonl", [{"text": "The council met on Tuesday."}])
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = tmp_path / f".out.jsonl.{gone.pid}-0123abcd.tmp"
    stale.write_text('{"half": ', encoding="utf-8")
    code, _, err = cli("batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--quiet")
    assert code == 0 and not stale.exists()
    assert f"removed {stale}, a temporary file left by a killed run" in err
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["clean_text"] == "The council met on Tuesday."


def test_a_missing_output_directory_is_an_input_error(tmp_path):
    from cleaner.atomic import AtomicOutput

    with pytest.raises(InputError, match="does not exist"):
        AtomicOutput(str(tmp_path / "nope" / "out.jsonl"))


def test_a_file_whose_worker_dies_is_an_error_report_and_the_others_are_checked(tmp_path):
    from cleaner.filerun import run_files

    from test_batch import SlowOrCrashingCleaner

    paths = []
    for i in range(10):
        path = tmp_path / f"story{i}.txt"
        path.write_text("CRASH the worker.\n" if i == 6 else f"Caf&eacute; story {i} about the council.\n",
                        encoding="utf-8")
        paths.append(str(path))
    reports = run_files(SlowOrCrashingCleaner(select=["E"]), paths, fix=False, jobs=2, learn=False)
    assert [r.path for r in reports] == paths
    assert reports[6].error == f"{paths[6]}: the worker process died while cleaning this file"
    assert all(r.error is None and [f.code for _, f in r.findings] == ["E002"] for i, r in enumerate(reports) if i != 6)
