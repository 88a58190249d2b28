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
