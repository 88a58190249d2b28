"""The shared typo damage generator (bench/typos_generated.py): its gold spans say exactly what it changed."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import typos_generated as gen  # noqa: E402

BODIES = [v["articleBody"] for v in json.loads(
    (ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json").read_text(encoding="utf-8")).values()][:40]


def _undo(text: str, gold: list) -> str:
    for g in sorted(gold, key=lambda g: -g["start"]):
        text = text[:g["start"]] + g["original"] + text[g["end"]:]
    return text


def test_gold_spans_hold_the_damage_and_undoing_them_restores_the_article():
    families = set()
    for n, body in enumerate(BODIES):
        text, gold = gen.damage(body, random.Random(n))
        assert gold and text != body
        for g in gold:
            assert text[g["start"]:g["end"]] == g["corrupted"] != g["original"]
            assert all(g["start"] <= a < b <= g["end"] for a, b in g["parts"])
            assert gen.FAMILY[g["detail"]] == g["kind"]
            families.add(g["kind"])
        spans = sorted((g["start"], g["end"]) for g in gold)
        assert all(e <= s for (_, e), (s, _) in zip(spans, spans[1:]))
        assert _undo(text, gold) == body
    assert families == set(gen.FAMILIES)


def test_the_seed_fixes_every_choice():
    body = BODIES[3]
    assert gen.damage(body, random.Random("7:x")) == gen.damage(body, random.Random("7:x"))
    assert gen.damage(body, random.Random("7:x")) != gen.damage(body, random.Random("8:x"))


def test_damage_kinds_make_what_they_say():
    rng = random.Random(1)
    text = ("Officials at the University of California said on Monday that the FBI and the NASA team, led by "
            "Chris Tang, would study the findings. Meanwhile the defeat of the measure surprised researchers.")
    site = gen.Article(text, rng)
    swaps = [e for d in site.joining_swap() for e in d]
    assert swaps and all(text[s:e] == "of" and r in gen.JOINING and r != "of" for s, e, r, _ in swaps)
    assert any(r == "tang" for d in site.person_lower() for _, _, r, _ in d)
    for d in site.acronym_only():
        (s, e, r, _), = d
        assert text[s:e] in ("FBI", "NASA") and r != text[s:e] and r.isupper()
    for d in site.affix_nonword():
        (s, e, r, _), = d
        assert gen.is_nonword(r) and gen.affix_admitted(r, text[s:e])
    for d in site.split_word():
        (s, e, r, parts), = d
        assert r.replace(" ", "") == text[s:e] and len(parts) == 2


def test_acronym_swap_puts_another_bodys_acronym_in_a_definition():
    text = ("The World Health Organization (WHO) said on Monday that cases rose in the region. "
            "Officials said the figures (PDF) were late.")
    (s, e, r, _), = [e for d in gen.Article(text, random.Random(1)).acronym_swap() for e in d]
    assert text[s:e] == "WHO" and r != "WHO" and r in gen.gazetteer().acronyms
    assert r[0] == "W" or sum(map(str.__ne__, r, "WHO")) == 1
    # made only on request: the default kinds, and so every default seed's damage, are unchanged
    assert "acronym_swap" not in gen.KINDS
    damaged, gold = gen.damage(text, random.Random(2), extra=("acronym_swap",))
    assert [g["detail"] for g in gold].count("acronym_swap") == 1 and _undo(damaged, gold) == text
