"""S's shortcuts for long and dense texts give what the plain computation gives, computed once."""

from __future__ import annotations

from collections import Counter

from cleaner import Cleaner
import cleaner.checks.spelling as spelling


def test_a_confirming_round_reuses_the_articles_suggestions(monkeypatch):
    """The safe fix of ``goverment`` makes a second round re-read the paragraph; ``majr`` between the
    same words is ranked once (a text dense with unknown words outgrew the process cache and paid twice)."""
    asked: Counter = Counter()
    ranked, misspellings = spelling._ranked, spelling.misspellings
    rounds = []
    monkeypatch.setattr(spelling, "_ranked", lambda *key: (asked.update([key]), ranked(*key))[1])
    monkeypatch.setattr(spelling, "misspellings", lambda doc, ctx: (rounds.append(doc.text), misspellings(doc, ctx))[1])
    text = ("The goverment said the new bridge will open in the spring, and residents welcomed the plan as a majr "
            "step forward for the town.\n")
    result = Cleaner(None).clean(text)
    assert result.text.startswith("The government said")
    assert [(f.code, f.suggestion) for f in result.findings] == [("S001", "government"), ("S002", "major")]
    assert len(rounds) == 2  # the fixed paragraph was checked again
    assert asked == Counter({("majr", 3, "a", "step"): 1})


SLIPS = ("The council said the new plan was a majr step forward, and residents in the cuonty welcomed the "
         "plan on Tuesday after a long meetng about the bridge and the road.\n")


def test_every_unknown_word_is_judged_within_the_budget():
    result = Cleaner(select=["S"]).check(SLIPS)
    assert [(f.excerpt, f.suggestion) for f in result.findings] == [("majr", "major"), ("cuonty", "county"), ("meetng", "meeting")]
    assert not any("budget" in n for n in result.notices)


def test_words_past_the_search_budget_are_not_judged_and_a_notice_says_so(monkeypatch):
    """A text denser in unknown words than the budget allows (here shrunk to two) has the first ones
    judged, in text order, in every fix round alike; the rest are left alone and counted."""
    monkeypatch.setattr(spelling, "SEARCH_BUDGET_BASE", 2)
    monkeypatch.setattr(spelling, "SEARCH_BUDGET_PER_1000", 0)
    result = Cleaner(select=["S"]).check(SLIPS)
    assert [(f.excerpt, f.suggestion) for f in result.findings] == [("majr", "major"), ("cuonty", "county")]
    assert [n for n in result.notices if "budget" in n] == [
        "S002: 1 unknown word past the article's budget of 2 was not checked "
        "(a text this dense in unknown words is a list of names or of random words)"]
    fixed = Cleaner(select=["S"], unsafe_fixes=True).clean(SLIPS)
    assert "a major step" in fixed.text and "the county welcomed" in fixed.text and "long meetng about" in fixed.text
    assert [f.excerpt for f in fixed.findings] == ["majr", "cuonty"]  # the second round judged the same words


def test_misspelt_names_past_the_search_budget_are_not_compared(monkeypatch):
    from cleaner.checks import name_slips

    text = ("The Pentagon said on Tuesday that the new missile would be tested next year, and the Kremlin said "
            "it would watch.\n\nA Pentagin spokesman declined to comment further on the programme. A Kremlim "
            "spokesman agreed.")
    found = Cleaner(select=["G"]).check(text)
    assert [(f.excerpt, f.suggestion) for f in found.findings] == [("Pentagin", "Pentagon"), ("Kremlim", "Kremlin")]
    monkeypatch.setattr(name_slips, "SEARCH_BUDGET_BASE", 1)
    monkeypatch.setattr(name_slips, "SEARCH_BUDGET_PER_1000", 0)
    found = Cleaner(select=["G"]).check(text)
    assert [(f.excerpt, f.suggestion) for f in found.findings] == [("Pentagin", "Pentagon")]
    assert [n for n in found.notices if "budget" in n] == [
        "G001: 1 capitalised word past the article's budget of 1 was not checked as a misspelt name "
        "(a text this dense in unknown names is a list of made-up names)"]


def _repeat_texts():
    """Real article bodies, and short strings of the characters where the token test and the pattern
    could part: joiners, digits, underscores, tabs, newlines, letters that case-fold to others."""
    import json
    import random
    from pathlib import Path

    bodies = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "scrapinghub-bodies.json")
                        .read_text(encoding="utf-8"))
    yield from (value["articleBody"] for value in bodies.values())
    rng = random.Random(15)
    alphabet = ["a", "A", "b", "ı", "I", "i", "İ", "s", "ſ", "S", "K", "k", "\u212a", " ", "\t", "’", "'", "-", ".",
                "_", "1", "²", "é", "e\u0301", "ς", "σ", "Σ", "\n", "ǅ", "ǆ", "Ǆ", "the", "The"]
    for _ in range(20000):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10)))


def test_the_token_test_for_repeated_words_never_misses_what_the_pattern_finds():
    """``Tokens.may_repeat`` lets S003 skip its whole-text search: it must say True wherever the search
    finds a repeat (and it says False on most articles, or it saves nothing)."""
    from cleaner.tokens import Tokens

    said_no = 0
    for text in _repeat_texts():
        may = Tokens(text).may_repeat()
        if spelling._REPEAT.search(text) is not None:
            assert may, text
        said_no += not may
    assert said_no > 10000


def test_repeated_words_are_found_alike_with_and_without_the_name_tokens():
    from cleaner.document import Document
    from cleaner.pipeline import Cleaner as _Cleaner

    ctx = _Cleaner(select=["S003"])._context(Document("x"))
    text = "He said that that the the plan, and And the rest, was fine.\tfine fine\nfine"
    plain = Document(text)
    built = Document(text)
    built.tokens  # what the names family does first
    found = [(f.start, f.end) for f in spelling.repeated_words(plain, ctx)]
    assert found == [(f.start, f.end) for f in spelling.repeated_words(built, ctx)]
    assert [text[s:e] for s, e in found] == [" the", " fine"]  # (not "and And", nor across a line break)
    assert spelling.repeated_words(Document("the plan\nthe plan, and and so"), ctx)[0].excerpt == " and"


def test_many_unknown_words_are_found_alike_from_the_name_tokens_and_from_the_text():
    """A long text's unknown words (more than ``_FEW_WORDS``) are found from the name tokens when the
    names family built them: the same (start, word) list the pass over the text's word tokens gives,
    whatever the joiners, digits and letters around them."""
    import random

    from cleaner.tokens import Tokens

    rng = random.Random(21)
    checked = 0
    for text in _repeat_texts():
        words = spelling._TOKEN.findall(text)
        if not words:
            continue
        unknown = set(rng.sample(words, min(len(words), rng.randint(1, 40)))) | {"zzyzx"}
        plain = [(m.start(), m.group()) for m in spelling._TOKEN.finditer(text) if m.group() in unknown]
        toks = Tokens(text)
        assert spelling._unknown_in_name_tokens(toks.words, toks.spans, unknown) == plain, text
        checked += bool(plain)
    assert checked > 10000
    # and through _unknown_at, on a long article with more unknown words than str.find is used for
    text = "\n\n".join(_repeat_texts_bodies()[:20])
    unknown = set(rng.sample(spelling._TOKEN.findall(text), 200))
    assert len(unknown) > spelling._FEW_WORDS
    assert spelling._unknown_at(text, unknown, Tokens(text)) == spelling._unknown_at(text, unknown)


def _repeat_texts_bodies() -> list:
    import itertools

    return list(itertools.islice(_repeat_texts(), 121))
