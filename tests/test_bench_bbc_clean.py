"""bench/bbc_clean.py: its tune/held-out split is fixed and about even, and a machine without the
mirror gets a clear message that says how to get it, not a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bbc_clean  # noqa: E402


def test_the_split_is_fixed_and_about_even():
    paths = [f"news/business/story-{k}.txt" for k in range(2000)]
    parts = [bbc_clean.part_of(p) for p in paths]
    assert parts == [bbc_clean.part_of(p) for p in paths]
    assert 0.45 < parts.count("heldout") / len(parts) < 0.55


def test_a_missing_mirror_says_how_to_fetch_it(tmp_path):
    with pytest.raises(SystemExit) as stop:
        bbc_clean.main(["--mirror", str(tmp_path / "nowhere")])
    assert "github:ZitRos/news-articles-dataset" in str(stop.value)
