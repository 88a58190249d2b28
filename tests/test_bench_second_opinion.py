"""bench/second_opinion.py damages a paragraph the way each family says, once, and leaves the rest."""

from __future__ import annotations

import difflib
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import second_opinion  # noqa: E402

PARAGRAPH = ('The minister said “we will not leave the city,” and added that the plan, which costs £5m, '
             'was final. Critics disagreed. “It is a mistake,” one said.')


@pytest.mark.parametrize("family", second_opinion.QUOTE_DAMAGE)
def test_each_quote_family_makes_one_local_change(family):
    damaged = [second_opinion.quote_damage(PARAGRAPH, random.Random(seed), family) for seed in range(5)]
    for bad in damaged:
        if bad is None:
            assert family == "open_turned" or family == "close_turned"
            continue
        assert bad != PARAGRAPH
        changes = [op for op in difflib.SequenceMatcher(None, PARAGRAPH, bad).get_opcodes() if op[0] != "equal"]
        assert 1 <= len(changes) <= 2 and all(op[2] - op[1] <= 40 and op[4] - op[3] <= 40 for op in changes), (family, bad)


def test_turned_marks_need_curly_marks_and_a_paragraph_without_sites_gets_none():
    assert second_opinion.quote_damage("No marks here, and none later.", random.Random(1), "drop_open") is None
    assert second_opinion.quote_damage('He said "yes" twice.', random.Random(1), "close_turned") is None


@pytest.mark.parametrize("family", second_opinion.MOJIBAKE)
def test_each_mojibake_family_is_undone_by_its_reverse(family):
    text = "Café owner’s £5 offer\u00a0today."
    bad = second_opinion.mojibake(text, family)
    assert bad is not None and bad != text
    if family == "entities":
        import html
        assert html.unescape(bad) == text
    elif family == "nbsp_lead_byte":
        assert bad.replace("\u00c2\u00a0", "\u00a0") == text
    elif family == "twice":
        assert bad.encode("cp1252").decode("utf-8").encode("cp1252").decode("utf-8") == text
    else:
        assert bad.encode("cp1252" if family == "cp1252" else "latin-1").decode("utf-8") == text
