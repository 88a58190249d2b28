"""A street type's abbreviation in an address ends in a full stop that ends no sentence: Q003 keeps it
(``Veterans Pkwy. beginning``), as it keeps ``Ave.`` and ``Rd.``; a name's stray stop is still removed."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

AROUND = ("Officials said on Monday that work would start soon. ", " The city will post updates on its website.")


def q_edits(sentence: str) -> list:
    text = AROUND[0] + sentence + AROUND[1]
    return [(f.code, text[f.start - 8:f.end + 4]) for f in Cleaner(select=["Q"]).check(text).findings]


@pytest.mark.parametrize("sentence", [
    "Crews will repave Wabash Ave. between Chatham Rd. and Veterans Pkwy. beginning Monday.",
    "The crash closed Oak Ln. near the school for two hours.",
    "Police were called to Elm Ct. shortly after midnight.",
    "The fire started at a home on Birch Pl. on Sunday.",
    "A crash on the Dan Ryan Expy. snarled traffic.",
    "Work on the New Jersey Tpke. begins in May.",
    "The bus stops at Lakeview Cir. and Shore Dr. every hour.",
    "Hills Trl. was closed after the storm.",
])
def test_a_street_abbreviation_keeps_its_stop(sentence):
    assert q_edits(sentence) == []
    assert Cleaner().clean(AROUND[0] + sentence + AROUND[1]).text.count(".") == (AROUND[0] + sentence + AROUND[1]).count(".")


def test_a_stray_stop_after_a_name_is_still_removed():
    found = q_edits("The statement was issued by Colonel Sean Ryan. in an email to reporters.")
    assert [code for code, _ in found] == ["Q003"]
