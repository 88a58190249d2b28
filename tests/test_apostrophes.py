"""E010: an apostrophe a pipeline lost in a contraction or possessive (``didn�t``, ``City?s``, ``couldn t``)."""

from __future__ import annotations

import pytest

import cleaner


def e010(text: str) -> list:
    return [f for f in cleaner.check(text) if f.code == "E010"]


@pytest.mark.parametrize("damaged, repaired", [
    # a decoder's stand-in for the typographic mark it could not read (old Windows-1252 pages)
    ("Americans haven\ufffdt seen another stimulus cheque, and McEnany said it\ufffds up to Pelosi.",
     "Americans haven’t seen another stimulus cheque, and McEnany said it’s up to Pelosi."),
    ("The primary enforcer of New York City?s carriage horse laws didn?t comment.",
     "The primary enforcer of New York City’s carriage horse laws didn’t comment."),
    ("Mr Blair\u00bfs government is all talk, Tim Collins said.", "Mr Blair’s government is all talk, Tim Collins said."),
    # the article's own apostrophe wins over the default
    ("It's the mayor's plan, and the council didn\ufffdt vote.", "It's the mayor's plan, and the council didn't vote."),
    # a space left by a script that stripped punctuation: negations always; with that evidence, pronouns and possessives
    ("Donald Trump just couldn t wish all Americans a happy new year. He couldn t do it, and Trump s tweet went "
     "down about as well as you d expect. It s despicable.",
     "Donald Trump just couldn't wish all Americans a happy new year. He couldn't do it, and Trump's tweet went "
     "down about as well as you'd expect. It's despicable."),
])
def test_a_lost_apostrophe_is_put_back(damaged, repaired):
    assert cleaner.clean(damaged, select=["E"]).text == repaired
    assert all(f.fix == "safe" for f in e010(damaged))


def test_without_evidence_a_pronoun_gap_is_only_suggested_and_a_lone_s_is_left_alone():
    text = "In the proof, let s be the sum of the series and Smith s the count."
    found = e010(text)
    assert [(text[f.start - 3:f.start], f.fix) for f in found] == [("let", "unsafe")]
    assert cleaner.clean(text, select=["E"]).text == text


@pytest.mark.parametrize("text", [
    "See example.com/search?s=term and index.php?t=5 for the results.",
    "What s/he does and says differs, the letter s is silent, and Vitamin D is sold.",
    "The series had 3 s intervals. Why?so many questions, the minister said.",
    "It isn't over, the mayor's office said on Tuesday, and it’s not the first time.",
])
def test_clean_copy_and_addresses_are_not_touched(text):
    assert e010(text) == []


def test_the_replacement_character_it_restores_is_no_longer_reported_as_lost():
    codes = [f.code for f in cleaner.check("They didn\ufffdt say. S\ufffdo Paulo is far.")]
    assert codes.count("E010") == 1 and codes.count("E008") == 1  # the one in São Paulo stays a loss


def test_fix_is_idempotent_and_reports_each_edit():
    text = "He couldn t say why Trump s tweet didn\ufffdt land, and it s over."
    first = cleaner.clean(text)
    assert first.text == "He couldn’t say why Trump’s tweet didn’t land, and it’s over."
    assert sum(1 for f in first.findings if f.code == "E010" and f.applied) == 4
    assert cleaner.clean(first.text).text == first.text
