"""bench/modern_clean.py reads a fundus test article as a scraper hands it on and splits articles by the
corpus split's hash, so tune and held-out never mix."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import modern_clean as mc  # noqa: E402
from corpus_split import part_of  # noqa: E402


def test_an_article_is_its_title_summary_headings_and_paragraphs_in_order():
    article = {
        "title": "Council closes depot",
        "body": {"summary": ["The vote was 7-2."],
                 "sections": [{"headline": [], "paragraphs": ["First.", "  "]},
                              {"headline": ["What happens next"], "paragraphs": ["Second."]}]},
    }
    assert mc.body_text(article) == (
        "Council closes depot\n\nThe vote was 7-2.\n\nFirst.\n\nWhat happens next\n\nSecond.")


def test_an_article_without_body_is_its_title_only():
    assert mc.body_text({"title": "Only a title", "body": None}) == "Only a title"


def test_findings_are_counted_per_code_over_every_check(capsys):
    records = [{"id": "X:V1", "part": part_of("X:V1"),
                "text": "The mayor recieved the report on Tuesday.\n\nShare this:"}]
    flagged, words, _ = mc.check(records, None)
    assert words == 9
    assert sorted(f.code for _, f in flagged) == ["B005", "S001"]
    mc.report("tune", records, flagged, words, 0.0)
    out = capsys.readouterr().out
    assert "2 findings" in out and "S001 1" in out and "B005 1" in out
