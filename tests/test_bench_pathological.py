"""``bench/pathological.py`` builds the inputs it says it does: a big file no bigger than its size,
dense shapes that the language check reads as English (else every check would be skipped and the case
would time nothing), and a prose baseline of distinct text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from cleaner.language import is_language

BENCH = Path(__file__).resolve().parent.parent / "bench" / "pathological.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("pathological", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_big_file_is_whole_records_up_to_its_size_in_bytes(bench):
    records = bench._records_up_to(bench.normal_article(), 2e6)
    size = sum(len(line.encode("utf-8")) + 1 for line in records)
    assert 2e6 - len(records[0]) - 1 < size <= 2e6


@pytest.mark.parametrize("size", [20_000])
def test_every_dense_shape_is_read_as_english_and_is_its_size(bench, size):
    shapes = bench.dense_shapes(size)
    assert len(shapes) >= 10
    for name, text in shapes.items():
        assert size <= len(text) < size + 200, name
        if name != "junk lines":  # lines of boilerplate: B reads them whatever the language
            assert is_language(text), name


def test_the_prose_baseline_is_distinct_text_not_one_article_repeated(bench):
    paragraphs = [p for p in bench.plain_prose().split("\n") if len(p) > 80]
    assert len(bench.plain_prose()) == bench.DENSE_CHARS
    assert len(paragraphs) > 100 and len(set(paragraphs)) >= 0.95 * len(paragraphs)  # (sites repeat a few)


def test_the_mixed_marks_line_is_one_english_paragraph_of_many_marks(bench):
    """Else the Q checks (English only) would skip it and the case would time nothing of them."""
    line = bench._mixed_marks_line(20_000)
    assert 20_000 <= len(line) < 20_100 and "\n" not in line
    assert is_language(line) and sum(line.count(mark) for mark in "„“”‘’'\"«»") > 1_500


def test_the_distinct_long_line_is_one_line_of_each_text_once(bench):
    """The held-back kind of long line: a page's copy with its breaks lost, no text repeated (the
    repeated-article line lets per-word caches answer most of it)."""
    import json

    bodies = [v["articleBody"] for v in json.loads((BENCH.parent.parent / "fixtures" / "corpus"
                                                    / "scrapinghub-bodies.json").read_text(encoding="utf-8")).values()]
    line = bench.distinct_line(bodies, 50_000)
    assert "\n" not in line and "  " not in line and 45_000 < len(line) <= 50_000
    starts = [" ".join(body.split())[:60] for body in bodies if len(body) > 200]
    assert all(line.count(start) <= 1 for start in starts)
    assert sum(line.count(start) for start in starts) >= 10


def test_distinct_records_take_the_texts_in_turn_up_to_the_size(bench):
    import json

    records = bench.distinct_records_up_to(["first text", "second text", "third"], 200)
    assert [json.loads(r)["text"] for r in records][:4] == ["first text", "second text", "third", "first text"]
    assert sum(len(r) + 1 for r in records) <= 200 < sum(len(r) + 1 for r in records) + len(records[0]) + 1


def test_the_acceptance_figures_name_each_target_missed(bench):
    rows = [{"name": "normal article", "mb": 0.06, "cpu": 0.3, "peak_mb": 170},
            {"name": "short lines", "mb": 0.1, "cpu": 1.6, "peak_mb": 200},  # 16 s/MB: 3.2x the normal 5 s/MB
            {"name": "one long word (10,000 letters)", "mb": 0.01, "cpu": 0.01, "peak_mb": 170},
            {"name": "one long line (1 MB)", "mb": 1.0, "cpu": 2.3, "peak_mb": 300},
            {"name": "50 MB article file (file: check)", "mb": 50.0, "error": "over 600 s (wall)"}]
    figures = {target: (measured, met) for target, measured, met in bench.acceptance(rows, 5.0)}
    assert figures["every case within 3x of a normal article per MB"] == ("worst 3.20x (short lines)", False)
    assert figures["one long word (10,000 letters) under 2 s"][1] is True
    assert figures["one long line (1 MB) under 2 s"] == ("2.30 s CPU", False)
    assert figures["50 MB article file (file: check) under 120 s wall, 1 GB"] == ("over 600 s (wall)", False)
