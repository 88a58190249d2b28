"""The batch site-learning pass cannot hang a run (issue 17): a record whose reading is stuck where no
signal reaches it costs its worker under ``--timeout-per-doc``, a record too long is not learned from;
a notice names the line and every record still ends up in the output or the rejects."""

from __future__ import annotations

import json
import os
import signal
import time

from cleaner import batch
from cleaner.batch import BatchOptions, run_batch
from cleaner.pipeline import Cleaner

STUCK = "stuck in C"


def records(tmp_path, count: int = 8) -> str:
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": i, "url": f"https://daily.example.org/{i}",
                         "text": f"Story {i}: the harbour reopened on Monday.\n\nThe Daily Example is owned by its readers."
                         + (f" {STUCK}." if i == 2 else "")}) for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def stuck_reading(monkeypatch, parent: int) -> None:
    """Reading the record that says STUCK blocks SIGALRM and sleeps, as a C call that never returns
    to Python would (only in a worker: in this process it would stop the test run for a minute)."""
    real = batch.document_for

    def document_for(cleaner, data, *args, **kwargs):
        if STUCK in data.get("text", "") and os.getpid() != parent:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return real(cleaner, data, *args, **kwargs)

    monkeypatch.setattr(batch, "document_for", document_for)


def test_a_record_stuck_in_the_learning_pass_costs_its_worker_not_the_run(tmp_path, monkeypatch):
    stuck_reading(monkeypatch, os.getpid())
    notices: list = []
    started = time.monotonic()
    stats = run_batch(records(tmp_path), str(tmp_path / "out.jsonl"), Cleaner(select=["B"]),
                      BatchOptions(timeout=1.0, learn_limit=100), jobs=2, rejects_path=str(tmp_path / "rejects.jsonl"),
                      on_notice=notices.append)
    assert time.monotonic() - started < 45  # not the minute the stuck reading would take
    learned = [n for n in notices if "not learned from" in n]
    assert len(learned) == 1 and learned[0].startswith("line 3: ") and "--timeout-per-doc" in learned[0]
    assert stats.learned_from == 7
    # the main pass reads it again in its own worker: stuck again, rejected with its reason; nothing lost
    assert stats.written + stats.rejected == 8 and stats.rejected == 1
    rejected = json.loads((tmp_path / "rejects.jsonl").read_text(encoding="utf-8"))
    assert rejected["record"]["id"] == 2 and "timed out" in rejected["reason"]


def test_a_record_too_long_to_learn_from_is_named_and_still_cleaned(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "LEARN_MAX_CHARS", 300)
    path = records(tmp_path)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "long", "text": "A long story about the harbour. " * 20}) + "\n")
    notices: list = []
    stats = run_batch(path, str(tmp_path / "out.jsonl"), Cleaner(select=["B"]), BatchOptions(learn_limit=100),
                      jobs=1, on_notice=notices.append)
    assert [n for n in notices if "not learned from" in n] == [
        "line 9: site boilerplate not learned from this record: longer than 300 characters (it is still cleaned)"]
    assert stats.learned_from == 8 and stats.written == 9
