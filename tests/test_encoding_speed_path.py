"""E001 skips ftfy on texts it could not change: the result must be ftfy's, and the pre-test must not miss."""

from __future__ import annotations

import json
import subprocess
import sys
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
        assert ftfy_fixed(text, _ftfy_config) == expected
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
    assert ftfy_fixed(text, _ftfy_config) == ftfy.fix_text(text, _ftfy_config()) != text


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


def test_the_shipped_gate_is_the_translation_of_the_installed_ftfy():
    from cleaner.checks import ftfy_gate

    first = (Path(ftfy_gate.__file__).resolve().parents[2] / "rules" / "data" / ftfy_gate.SHIPPED_GATE).read_text(
        encoding="utf-8").split("\n", 1)[0]
    if not first.endswith(str(ftfy_gate.installed_badness_digest())):
        pytest.skip(f"the shipped gate was made from another ftfy ({first}); run python tools/build_data.py")
    assert ftfy_gate.shipped_gate_source() == ftfy_gate.badness_gate_source()


def test_a_gate_made_from_another_ftfy_is_not_used(monkeypatch):
    """When ftfy's badness.py is not the one the shipped gate came from, the gate is made from ftfy now."""
    from cleaner.checks import ftfy_gate

    monkeypatch.setattr(ftfy_gate, "installed_badness_digest", lambda: "0" * 64)
    assert ftfy_gate.shipped_gate_source() is None
    ftfy_gate._badness_gate.cache_clear()
    try:
        assert could_change("The caf\u00c3\u00a9 is open.") and not could_change("The café is open.")
    finally:
        ftfy_gate._badness_gate.cache_clear()


def test_checking_clean_text_does_not_import_ftfy():
    """ftfy costs a start about 0.05 s: a text the pre-test clears never loads it; a damaged one does."""
    code = ("import sys\nfrom cleaner import check\n"
            "check('The mayor said the budget was passed on Tuesday.\\n')\nprint('ftfy' in sys.modules)\n"
            "check('The caf\\u00c3\\u00a9 is open.\\n')\nprint('ftfy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


def test_space_pre_tests_miss_no_e006_or_e008():
    """broken_whitespace and replacement_characters skip their look-behind scans when a substring
    test says the text cannot hold their shape: on texts dense in spaces, tabs, line breaks and
    U+FFFD, they find exactly what the unconditional scans find."""
    import re

    from cleaner.checks.encoding import _DOUBLE_SPACE_RE, _TRAILING_SPACE_RE, broken_whitespace, replacement_characters
    from cleaner.document import Document

    rng = random.Random(11)
    pieces = ["word", "the", " ", "  ", "\t", "\n", "\r\n", "\ufffd", ".", "\u00a0"]
    found_double = found_trailing = found_lost = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        doc = Document(text)
        spans = {(f.start, f.end) for f in broken_whitespace(doc) if f.message.startswith(("several", "trailing"))}
        expected = {m.span() for m in _DOUBLE_SPACE_RE.finditer(text)}
        expected |= {m.span() for m in _TRAILING_SPACE_RE.finditer(text) if m.end() > m.start()}
        assert spans == expected, repr(text)
        lost = [(f.start, f.end) for f in replacement_characters(doc)]
        assert lost == [m.span() for m in re.finditer("\ufffd+", text)]
        found_double += any(_DOUBLE_SPACE_RE.finditer(text))
        found_trailing += any(_TRAILING_SPACE_RE.finditer(text))
        found_lost += bool(lost)
    assert min(found_double, found_trailing, found_lost) > 100  # every shape really occurs
