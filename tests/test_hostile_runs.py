"""Long runs of one character that made a check quadratic (issue 17's held-back kinds: other huge tokens).

Each found by ``/tmp``-style probing with 100,000-character runs: tabs or spaces mid-line (E006's
trailing-space pattern failed at every character of the run: 48 s), an entity escaped 25,000 times
(E002 peeled one ``&amp;`` per fix round, so ``fix`` stopped at the round cap, not idempotent, 44 s),
and a token of glued ``;`` (Q008 copied the whole token at every one: 20 s at 100,000 characters). The time guards are hang
guards (hundreds of times the time these take now), not speed measurements: speed is in
``bench/pathological.py``.
"""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.executor import time_limit


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.mark.parametrize("run", ["\t", " ", " \t"])
def test_a_long_run_of_blanks_mid_line_is_cleaned_quickly(cleaner, run):
    text = "The mayor" + run * 100_000 + "spoke today."
    with time_limit(20):
        result = cleaner.clean(text)
    assert result.text.split() == ["The", "mayor", "spoke", "today."]
    if run == " ":  # spaces between words are one space; tabs are the writer's
        assert result.text == "The mayor spoke today."
    assert cleaner.clean(result.text).text == result.text


def test_trailing_blanks_are_still_found_at_each_line_end(cleaner):
    result = Cleaner(select=["E006"]).check("The mayor spoke. \t \nShe left.\t\nThey stayed.")
    assert [(f.start, f.end) for f in result.findings] == [(16, 19), (29, 30)]


def test_an_entity_escaped_again_and_again_is_decoded_in_one_round(cleaner):
    text = "The caf&" + "amp;" * 25_000 + "eacute; opened, and Q&amp;amp;A followed."
    with time_limit(20):
        result = cleaner.clean(text)
    assert result.text == "The café opened, and Q&A followed."
    entities = [f for f in result.findings if f.code == "E002"]
    assert len(entities) == 2 and all(f.applied and "fix_round" not in f.extra for f in entities)
    assert cleaner.clean(result.text).text == result.text


def test_a_long_token_of_glued_semicolons_is_left_alone_quickly(cleaner):
    text = "The code was x" + "ab;c" * 50_000 + " and it ran."
    with time_limit(20):
        result = cleaner.clean(text)
    assert "ab;cab;c" in result.text  # code: no space put after each semicolon
    assert cleaner.clean(result.text).text == result.text


def test_thousands_of_unclosed_quotations_in_one_paragraph(cleaner):
    """Q's model looked through all of a paragraph's marks for each unclosed quotation (4,000: 12 s)."""
    text = "He said " + "\u201c\u2018" * 20_000 + "yes."
    with time_limit(20):
        result = cleaner.clean(text)
    assert result.text.startswith("He said ") and result.text.rstrip("\u201d").endswith("yes.")
    assert cleaner.clean(result.text).text == result.text


def test_a_long_paragraph_of_quotations_with_no_sentence_end_is_checked_quickly(cleaner):
    """Q's model looked for each quotation's sentence end by reading on to the paragraph's end: a 1 MB
    line of quotations whose only stops are abbreviations' (``U.S.``) took 250 s; this 200 KB one 38 s."""
    text = "He left. " + '"We will go," U.S. officials said, "we will see," ' * 4_000 + "and left."
    with time_limit(20):
        result = cleaner.clean(text)
    assert not [f for f in result.findings if f.code.startswith("Q")]
    assert cleaner.clean(result.text).text == result.text


def test_a_words_title_case_mentions_are_counted_once_per_word_not_once_per_mention(monkeypatch):
    """G002 single-names counted every title-case mention of a word at each of its mentions: a 1 MB line
    repeating a few words took G 0.75 s at 125 KB and 2.39 s at 250 KB (quadratic). Counted, not timed."""
    from cleaner import check
    from cleaner.checks import casing

    calls = []
    original = casing._title_case_uses
    monkeypatch.setattr(casing, "_title_case_uses", lambda toks, low: calls.append(low) or original(toks, low))
    check("The PSV won the cup. " + "Then Psv fans sang. " * 300, select=["G"])
    assert calls == ["psv"]


@pytest.mark.parametrize("copies", [3, 6, 2000])
def test_a_run_of_one_repeated_word_is_deleted_in_one_edit(cleaner, copies):
    """S003 paired the copies two by two, so each fix round took half of what was left: 2,000 copies of
    "the" were still "the the" after the ten rounds fix allows (a second fix changed the text again), and
    every round re-ran every check on the whole text."""
    text = "The mayor said " + "the " * copies + "bridge would open."
    result = cleaner.clean(text)
    assert result.text == "The mayor said the bridge would open."
    s003 = [f for f in result.findings if f.code == "S003"]
    assert len(s003) == 1 and s003[0].applied and "fix_round" not in s003[0].extra
    assert text[s003[0].start:s003[0].end] == " the" * (copies - 1)


def test_a_run_stops_where_a_copy_heads_a_compound(cleaner):
    result = Cleaner(select=["S003"]).check("We met at the the the-end office.")
    assert [(f.start, f.end) for f in result.findings] == [(13, 17)]
