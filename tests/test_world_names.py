"""Names the 1987 wire corpus rarely shows, written right: S and G leave them alone (false flags found by
lead probes of modern world news, stop 33), while the slips of the same shapes are still found."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

BEFORE = "Officials met in the capital on Monday to discuss the plan, which has been delayed for months. "
AFTER = " The talks will resume next week, a spokesman said."


def flags(sentence: str, select=("G", "S")) -> list:
    text = BEFORE + sentence + AFTER
    return [(f.code, text[f.start:f.end], f.suggestion) for f in Cleaner(select=list(select)).check(text).findings]


@pytest.mark.parametrize("definition", [
    # an acronym read as a word takes a word's next letters to be read so, defined once
    "International Centre for Integrated Mountain Development (ICIMOD)",
    "Common Market for Eastern and Southern Africa (COMESA)",
    "National Bank for Agriculture and Rural Development (NABARD)",
])
def test_an_acronym_read_as_a_word_may_borrow_letters(definition):
    found = flags(f"A report by the {definition} said glaciers were melting faster.")
    assert [f for f in found if f[0] == "G001"] == []


@pytest.mark.parametrize("definition, meant", [
    ("International Monetary Fund (IFM)", "IMF"),
    ("Federal Emergency Management Agency (FEAM)", "FEMA"),
])
def test_a_slip_of_the_initials_is_still_found(definition, meant):
    found = flags(f"A report by the {definition} said the economy was slowing.")
    assert ("G001", definition.split("(")[1].rstrip(")"), meant) in found


@pytest.mark.parametrize("name", [
    "European Bank for Reconstruction and Development",  # the gazetteer's form, its head word not first
])
def test_a_joining_word_inside_a_known_name_stays(name):
    assert flags(f"A loan from the {name} was signed on Friday.") == []


@pytest.mark.parametrize("sentence", [
    "The fugitive financier Jho Low remains at large.",  # Malay
    "The former president Ngo Dinh Diem was killed in 1963.",  # Vietnamese
    "The activist Hla Tun said the protest would go ahead.",  # Burmese
    "The activist Hwa Young said the protest would go ahead.",  # Korean
])
def test_a_romanised_name_is_no_acronym(sentence):
    assert flags(sentence, select=("G",)) == []


@pytest.mark.parametrize("sentence, proper", [
    ("Fbi Agents raided the office on Friday.", "FBI"),
    ("Agents of the Fbi raided the office on Friday.", "FBI"),
])
def test_a_title_case_initialism_is_still_found(sentence, proper):
    assert any(code == "G002" and suggestion == proper for code, _, suggestion in flags(sentence, select=("G",)))


@pytest.mark.parametrize("sentence", [
    # the kind of a band, a work, an outlet or a firm set before its name: a descriptor, no word of the name
    "Hotly tipped Leeds band Kaiser Chiefs have their first top ten album.",
    "He told Czech newspaper Daily Sport that he wanted to leave.",
    "The company was sold to Dutch firm Tulip Computers in 1997.",
    "The British film Bullet Boy opened the festival.",
    "Motley Crue guitarist Mick Mars is being sued by his former partner.",
])
def test_a_descriptor_before_a_name_is_no_part_of_it(sentence):
    assert [f for f in flags(sentence, select=("G",)) if f[0] == "G002"] == []


def test_a_lower_case_word_inside_a_name_is_still_suggested():
    found = flags("Engineers at the Goddard Space flight Center tested the probe.", select=("G",))
    assert ("G002", "flight", "Flight") in found


@pytest.mark.parametrize("sentence, word", [
    ("Opposition to the Iraq war grew in 2004, polls showed.", "war"),
    ("Protests spread across the region during the Arab spring.", "spring"),
])
def test_an_event_head_in_lower_case_is_a_house_style(sentence, word):
    # suggested (the name's own casing), never applied: the Guardian and the BBC write "the Iraq war"
    text = BEFORE + sentence + AFTER
    result = Cleaner(select=["G"]).clean(text)
    assert result.text == text
    assert [f.fix for f in result.findings if text[f.start:f.end] == word] == ["unsafe"]
