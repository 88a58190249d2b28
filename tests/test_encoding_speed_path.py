"""E001 skips ftfy on texts it could not change: the result must be ftfy's, and the pre-test must not miss."""

from __future__ import annotations

import json
import random
from pathlib import Path

import ftfy
import pytest

from cleaner.checks.encoding import _ftfy_config
from cleaner.checks.ftfy_gate import could_change, ftfy_fixed

BODIES = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "scrapinghub-bodies.json"


def _damaged(text: str, rng: random.Random) -> str:
    """A few lines of ``text`` decoded with a wrong codec, as scrapers do."""
    lines = text.split("\n")
    for i in rng.sample(range(len(lines)), min(3, len(lines))):
        codec = rng.choice(["latin-1", "cp1252", "cp437", "macroman", "cp1251"])
        lines[i] = lines[i].encode("utf-8").decode(codec, "replace")
    return "\n".join(lines)


def test_same_as_ftfy_on_clean_and_damaged_bodies():
    rng = random.Random(7)
    bodies = [v["articleBody"] for v in json.loads(BODIES.read_text(encoding="utf-8")).values()]
    texts = bodies + [_damaged(b, rng) for b in bodies]
    changed = 0
    for text in texts:
        expected = ftfy.fix_text(text, _ftfy_config())
        assert ftfy_fixed(text, _ftfy_config()) == expected
        changed += expected != text
    assert changed >= len(bodies) // 3  # the damaged copies really exercise the repair


@pytest.mark.parametrize("text", [
    "Fine.\n\u00c3 la carte\nFine.",  # a badness pattern anchored at a line start, not the text start
    "Fine.\nbefore \x1b[31mred\x1b[0m after",  # a terminal escape
    "Fine.\nA C1 control\x85 here\n",
    "Fine.\nhalf a surrogate \ud800 here",
    "Fine.\nThe caf\u00c3\u00a9 is open.\n",  # mojibake in one line of several
])
def test_same_as_ftfy_on_each_trigger(text):
    assert ftfy_fixed(text, _ftfy_config()) == ftfy.fix_text(text, _ftfy_config()) != text


def test_the_pre_test_finds_every_line_ftfy_calls_bad():
    """Every line that ftfy's own badness regex flags is flagged by the RE2 pre-test, also when the line
    sits inside a longer text."""
    from ftfy.badness import BADNESS_RE

    rng = random.Random(11)
    bodies = [v["articleBody"] for v in json.loads(BODIES.read_text(encoding="utf-8")).values()]
    flagged = 0
    for body in bodies:
        for line in _damaged(body, rng).split("\n"):
            if BADNESS_RE.search(line):
                flagged += 1
                assert could_change(line) and could_change("Clean text.\n" + line + "\nMore.")
    assert flagged > 30
