"""G families of garbled names found from the article's own evidence (issue 14): a surname the article
introduces after a first name and later lower-cases, a slip of the initials of a name the article
writes out, a name-only word after a sentence's first word, a one-edit slip of a gazetteer name's word
that makes a pair English never writes."""

import pytest

from cleaner import Cleaner


def _g(text):
    return [(f.code, text[f.start:f.end], f.suggestion) for f in Cleaner(select=["G"]).check(text).findings]


FOUND = [
    # a surname introduced once after a first name, lower-cased later
    ("Vadim Backman, a professor at Northwestern, led the study. The method works on all tissue, backman said.",
     ("G004", "backman", "Backman")),
    # two letters of a written-out name's initials swapped, or one doubled
    ("The World Health Organisation said on Monday that cases rose. Later the WOH said the figures were wrong.",
     ("G001", "WOH", "WHO")),
    ("The Department of Health and Human Services agreed, so the team worked on behalf of HSH with the state.",
     ("G001", "HSH", "HHS")),
    # a name-only word after a sentence's first word, which may be any word
    ("The findings prompted further studies. Although margaret Chan, Director General of the agency, "
     "gave the study a nod, others did not.", ("G002", "margaret", "Margaret")),
    # a gazetteer name's word one full edit away, in a pair English never writes
    ("The Word Bank said on Tuesday that growth would slow this year in most poor countries.",
     ("G001", "Word", "World")),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_garbled_name_found_from_the_articles_evidence(text, expected):
    assert expected in _g(text)


CLEAN = [
    # a surname written only after a title, or a word written twice in lower case, is no introduction
    "Professor Backman led the study. The method works on all tissue, said one backman fan.",
    "Vadim Backman led the study. The backman method and the backman score were both new.",
    # a real acronym that spells no name, beside a name whose initials are a swap of it
    "The National Crime Victimization Survey has an API which offers data in the CSV, XML, and JSON formats.",
    "It also controls Caesars New Jersey Inc <CJN>, which owns an Atlantic City casino.",
    # an acronym set off after its name, two letters of a word and all
    "The International Cocoa Organization, ICCO, council met. ICCO members agreed on the buffer stock.",
    # a capitalised first word that is a given name makes the next word lowercase_names' to judge
    "The findings prompted further studies. Although Chan spoke, others did not.",
    # pairs English writes, beside a gazetteer name's word
    "The White Horse pub stood beside the square, and the Bank Holiday crowds filled it.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_no_garbled_name_without_the_evidence(text):
    assert not [f for f in _g(text) if f[0] in ("G001", "G004") or f[1] in ("margaret", "Chan")], _g(text)
