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


# -- the learning pass over many files keeps bounded memory ----------------------------------------

TAGLINE = "The Daily Example is an independent newspaper owned by its readers."
PROMO = "Follow the Daily Example on social media for more of our reporting."


def _folder_of_articles(tmp_path, count: int = 40):
    """``count`` articles of one folder (one site): a fixture body each (its own lines), the tagline in
    all of them and the promo in three in four."""
    from pathlib import Path

    bodies = json.loads((Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "scrapinghub-bodies.json")
                        .read_text(encoding="utf-8"))
    folder = tmp_path / "daily"
    folder.mkdir()
    for i, body in enumerate(list(bodies.values())[:count]):
        paragraphs = [p for p in body["articleBody"].split("\n") if p.strip()][:12]
        tail = [TAGLINE] + ([PROMO] if i % 4 else [])
        (folder / f"story{i:02d}.txt").write_text("\n\n".join(paragraphs + tail) + "\n", encoding="utf-8")
    return folder


def test_counting_many_articles_keeps_the_rare_lines_bounded_and_learns_the_same(tmp_path):
    """Each distinct line of every file was kept until the end: 20,000 articles of 30 lines held 90 MB
    of counts (tracemalloc), growing with the files. Past a budget the lines too rare to matter are
    dropped (lossy counting): the same lines are learned, from a bounded count."""
    from cleaner.document import Document
    from cleaner.site_boilerplate import SiteCounts, features

    folder = _folder_of_articles(tmp_path)
    items = [features(Document(path.read_text(encoding="utf-8"), path=str(path)), None)
             for path in sorted(folder.iterdir())]
    exact, bounded = SiteCounts(), SiteCounts(budget=60)
    kept = []
    for item in items:
        exact.add([item])
        bounded.add([item])
        kept.append(bounded._kept)
    distinct = len(exact.counts[items[0][0]])
    assert distinct > 300 and max(kept) <= 2 * 60 + 40  # (the budget, doubled at most, plus one article's lines)
    assert bounded.learned(None) == exact.learned(None) == {items[0][0]: frozenset({TAGLINE, PROMO})}


def test_check_over_a_folder_past_the_budget_reports_the_same_site_lines(cli, tmp_path, monkeypatch):
    from cleaner import site_boilerplate

    _folder_of_articles(tmp_path)
    exact = cli("check", "--no-cache", "--select", "B011", "--jobs", "1", "daily")
    monkeypatch.setattr(site_boilerplate.SiteCounts, "BUDGET", 60)
    bounded = cli("check", "--no-cache", "--select", "B011", "--jobs", "1", "daily")
    assert bounded == exact
    assert exact[1].count(": B011 ") == 40 + 30  # the tagline in every file, the promo in three in four
