"""``bench/hostile_families.py`` damages text the way it says: ligatures of a PDF scrape that E009 then
writes out, and the mojibake of quotation marks that E001 repairs."""

from __future__ import annotations

import importlib.util
import json
import random
import re
from pathlib import Path

import pytest

from cleaner import Cleaner

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "hostile_families.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("hostile_families", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bodies() -> list:
    data = json.loads((ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json").read_text(encoding="utf-8"))
    return [value["articleBody"] for value in data.values()][:30]


def test_ligatures_are_put_where_the_letters_were_and_e009_takes_most_of_them_back(bench, bodies):
    cleaner, rng = Cleaner(select=["E"]), random.Random(9)
    put = wrong = 0
    for text in bodies:
        damaged, count = bench.with_ligatures(text, rng)
        put += count
        assert damaged.translate({0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl"}).replace(
            " ", "") == text.replace(" ", "")  # only ligatures and gaps beside them
        fixed = cleaner.clean(damaged).text
        assert not re.search("[\ufb00-\ufb06]", fixed)
        wrong += bench.words_wrong(cleaner.clean(text).text, fixed)
    assert put > 100 and wrong < put / 5


def test_mojibake_marks_are_what_e001_repairs(bench):
    text = bench.mojibake_marks("\u201cWe will open in May,\u201d the mayor said.")
    assert text == "\u00e2\u20ac\u0153We will open in May,\u00e2\u20ac the mayor said."
    assert Cleaner(select=["E"]).clean(text).text == "\u201cWe will open in May,\u201d the mayor said."


def test_printed_stories_divide_words_at_line_ends_and_s004_joins_most_of_them_again(bench, bodies):
    cleaner, rng = Cleaner(select=["S"]), random.Random(5)
    divided = wrong = 0

    def unhyphenated(text: str) -> str:  # a hyphen and the space after it, and every hyphen, taken out
        return re.sub("- ", "-", text).replace("-", "")

    for text in bodies:
        damaged, count = bench.printed(text, rng)
        divided += count
        as_lines = "\n\n".join(" ".join(paragraph.split()) for paragraph in text.split("\n\n"))
        assert unhyphenated(damaged) == unhyphenated(as_lines)  # only hyphens (and a space after them) put in
        assert damaged.count("- ") >= count + as_lines.count("- ")
        wrong += bench.words_wrong(cleaner.clean(text).text, cleaner.clean(damaged).text)
    assert divided > 100 and wrong < divided  # (unrepaired, each divided word is two words wrong: 2 * divided)
