"""The G family's fast regex forms find exactly what their plain forms find."""

from __future__ import annotations

import random
import re

from cleaner.checks.acronyms import _ACRONYM_PLURAL


def test_acronym_plural_matches_its_plain_form():
    """The first capital before the look-behind: same spans and groups as the look-behind first."""
    plain = re.compile(r"(?<![\w.&/-])([A-Z]{2,6})s(?![\w&/])")
    rng = random.Random(11)
    texts = ["IRAs and CEOs", "the U.S.As", "NASAs-funded", "ABCDEFGs", "x/ABs", "(GPUs)", "ÉABs", "AB_s"]
    texts += ["".join(rng.choice("ABCDEFGs s.-&/_1aÉ\n") for _ in range(rng.randint(0, 24))) for _ in range(20000)]
    for text in texts:
        assert [m.span(1) for m in _ACRONYM_PLURAL.finditer(text)] == [m.span(1) for m in plain.finditer(text)], text
    assert _ACRONYM_PLURAL.findall("IRAs and CEOs, not NASAs-funded") == ["IRA", "CEO", "NASA"]
