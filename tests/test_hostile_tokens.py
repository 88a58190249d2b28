"""Huge tokens and long repairs of other kinds than issue 17's reproducers, found by probing ``clean`` with
25,000- and 100,000-character inputs of about forty shapes (long URLs, numbers, punctuation runs,
e-mail names, mojibake, lone surrogates...) and keeping those whose time grew faster than their length.

- E001 diffed each line against ftfy's repair with ``difflib``: a 5 KB paragraph of mojibake took 15 s,
  640 lone surrogates 22 s, and the time grew with the cube of the line (``cleaner/local_diff.py``).
- S's compound test split a token at every letter, copying it each time: a 60,000-letter e-mail name
  took 2.7 s, growing with the square.

The time guards are hang guards (hundreds of times what these take now), not speed measurements.
"""

from __future__ import annotations

import json
import random
import tracemalloc
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cleaner import Cleaner, local_diff
from cleaner.checks.encoding import _ftfy_config, _merge_opcodes
from cleaner.checks.ftfy_gate import ftfy_fixed
from cleaner.executor import time_limit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_a_long_paragraph_of_mojibake_is_repaired_at_each_place():
    text = "The cafÃ© was open. " * 2_000
    with time_limit(20):
        findings = Cleaner(select=["E001"]).check(text).findings
    assert [(f.start, f.end, f.suggestion) for f in findings] == [(20 * k + 7, 20 * k + 9, "é") for k in range(2_000)]


def test_a_line_of_lone_surrogates_is_repaired_at_each_place():
    text = "a\ud800b " * 5_000
    with time_limit(20):
        result = Cleaner().clean(text)
    assert result.text == "a\ufffdb " * 4_999 + "a\ufffdb"
    assert sum(f.code == "E001" for f in result.findings) == 5_000


def test_a_huge_e_mail_name_is_checked_quickly():
    text = "Write to " + "a" * 200_000 + "@example.com today."
    with time_limit(20):
        result = Cleaner().clean(text)
    assert result.text == text


def _apply(old: str, new: str, ops) -> str:
    """``old`` with each opcode's span replaced by its span of ``new``."""
    out, at = [], 0
    for _, i1, i2, j1, j2 in ops:
        out.append(old[at:i1] + new[j1:j2])
        at = i2
    return "".join(out) + old[at:]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcÃ©â€œ ", max_size=60), st.data())
def test_local_diff_opcodes_turn_the_text_into_its_repair(old, data):
    """Any two texts, however repetitive: the opcodes are in order, never overlap, and rebuild ``new``."""
    new = data.draw(st.text(alphabet="abcé“ ", max_size=60) | st.just(old.replace("Ã©", "é")))
    ops = list(local_diff.opcodes(old, new))
    assert _apply(old, new, ops) == new
    assert all(op[2] <= nxt[1] and op[4] <= nxt[3] for op, nxt in zip(ops, ops[1:]))


def test_ftfy_repairs_of_real_articles_give_difflibs_edits():
    """On ftfy's repairs of mojibake in real article bodies (whole paragraphs and scattered words, in
    cp1252 and Latin-1), E001's merged edits are what difflib gave on the whole line, place for place,
    in text of Latin letters; in any script they rebuild the repaired line."""
    bodies = json.loads((FIXTURES / "corpus" / "scrapinghub-bodies.json").read_text(encoding="utf-8"))
    rng = random.Random(17)
    lines = 0
    for body in list(bodies.values())[:60]:
        for paragraph in body["articleBody"].split("\n"):
            codec = rng.choice(["cp1252", "latin-1"])
            words = [w.encode("utf-8").decode(codec, "replace") if rng.random() < 0.3 else w for w in paragraph.split(" ")]
            old = " ".join(words) if rng.random() < 0.5 else paragraph.encode("utf-8").decode(codec, "replace")
            new = ftfy_fixed(old, _ftfy_config)
            if "\n" in new or new == old:
                continue
            ops = list(local_diff.opcodes(old, new))
            assert _apply(old, new, ops) == new
            if sum(c.isascii() for c in new) < 0.8 * len(new):  # a Korean or Greek paragraph: every letter
                continue  # changed, so a one-character agreement may end a place where difflib's does not
            lines += 1
            whole = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
            assert list(_merge_opcodes(ops, old, new)) == list(_merge_opcodes(whole, old, new))
    assert lines > 100


def test_a_possessive_split_from_the_name_before_a_definition_is_read_not_crashed_on():
    # found by a 1 MB probe of news words and random three-letter capitals: a lone "’s" word before
    # "(AB)" became an empty word and an IndexError ended the whole check (and the file's other reports)
    text = "The mayor met alpha beta ’s (AB) today, and the AB agreed."
    result = Cleaner().clean(text)
    assert result.text == text
    assert [f.code for f in result.findings if f.code.startswith("G")] == []


@pytest.mark.parametrize("token", [
    "Ab" * 5_000,  # the name-slip pass made every one-letter deletion of it: 10,000 copies
    "Ab" * 11_000,  # in a text over 20,000 characters S indexed every capitalised piece of it
])
def test_a_huge_capitalised_token_costs_memory_in_proportion_to_its_length(token):
    text = "The mayor met " + token + " on Monday."
    cleaner = Cleaner()
    cleaner.clean("The mayor met Abcdef on Monday.")  # (lazy loads before measuring)
    tracemalloc.start()
    try:
        with time_limit(20):
            result = cleaner.clean(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.text == text
    assert peak < 50 * len(text)  # a few copies of the text at most; the old code took gigabytes
