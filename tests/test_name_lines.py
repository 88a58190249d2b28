"""The G family's per-line facts (cleaner.checks.name_lines): a line's facts are those of the line
alone, the article's are its lines' merged, and a pass that keeps its candidates by line across fix
rounds finds what it finds on the fixed text from scratch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.checks import names
from cleaner.checks.name_lines import line_facts, merged_names, text_lines, two_word_starts, two_word_starts_in
from cleaner.document import Document
from cleaner.tokens import Tokens

BODIES = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "scrapinghub-bodies.json"
#: a text where G004 consistency fires, in a line of its own, with a name in a headline and lines
#: that share their text
FIRING = ("Syrian Democratic Forces Hold Raqqa\n\nThe fighters of the Syrian Democratic Forces (SDF) held the "
          "town that the rebels took, officials of the Bank of England said.\nLater the Syrian democratic force "
          "said that it would stay there, and the bank for England said nothing.\nThe rebels left.\n"
          "The rebels left.\nMeanwhile the officials in New York said new york was calm.\nThe Associated press "
          "and the Syrian Observatory of Human Rights said so.\nA Pentagon spokesman and a Pentagin official agreed "
          "with the Pentagon.\n")


def _texts() -> list:
    return [FIRING] + [v["articleBody"] for v in json.loads(BODIES.read_text(encoding="utf-8")).values()][:60]


def _ctx(doc: Document, memo: dict | None = None):
    ctx = Cleaner(select=["G"])._context(doc)
    if memo is not None:
        ctx.memo = memo
    return ctx


#: the passes that keep their candidates by line (cleaner.checks.name_lines.kept_by_line)
KEPT_BY_LINE = ("consistency", "gazetteer", "misspelt-names")


def _found(name: str, doc: Document, ctx) -> list:
    check = {n: c for n, _, c, _ in names.PASSES}[name]
    return [(None if c.finding is None else c.finding.to_dict(), c.test, c.take, c.overlap, c.needs)
            for c in check(doc, ctx, doc.tokens)]


def _g004(doc: Document, ctx) -> list:
    return _found("consistency", doc, ctx)


def test_a_lines_facts_are_those_of_the_line_alone():
    checked = 0
    for text in _texts():
        doc = Document(text)
        toks = doc.tokens
        for line, facts in zip(text_lines(toks).texts, line_facts(toks, _ctx(doc))):
            assert facts == line_facts(Tokens(line), _ctx(Document(line)))[0], line
            checked += bool(facts.names)
    assert checked > 100  # (lines with names: the comparison is not empty)


def test_the_article_names_are_the_lines_names_merged():
    for text in _texts():
        doc = Document(text)
        assert merged_names(doc, doc.tokens, line_facts(doc.tokens, _ctx(doc))) == names.article_names(doc, doc.tokens)


def test_name_starts_read_line_by_line_are_those_read_from_the_whole_text():
    for text in _texts()[:20]:
        toks = Tokens(text)
        whole = two_word_starts(toks)
        lines = text_lines(toks)
        assert [i for lo, hi in zip(lines.lo, lines.hi) for i in two_word_starts_in(toks, lo, hi)] == whole
        facts = names._NameForms({"new york": "New York", "the bank of england": "The Bank of England",
                                  "syrian democratic forces": "Syrian Democratic Forces", "acme’s unit": "Acme’s Unit"},
                                 {"new yorks": "New York"})
        by_lines = [i for lo, hi in zip(lines.lo, lines.hi) for i in names._name_starts_in(toks, lo, hi, facts)]
        assert by_lines == names._name_starts(toks, facts.first, facts.prefixes)


@pytest.mark.parametrize("name", KEPT_BY_LINE)
@pytest.mark.parametrize("edit", ["line", "names", "many lines"])
def test_candidates_kept_by_line_are_what_a_fresh_run_finds(edit, name):
    """A fix round's candidates (with the memo of the rounds before) against a fresh run on the fixed
    text: after an edit of one line (most lines kept), of the names (for consistency: nothing kept)
    and of most lines (the whole-text path)."""
    found = 0
    for text in _texts():
        memo: dict = {}
        doc = Document(text)
        first = _found(name, doc, _ctx(doc, memo))
        assert first == _found(name, doc, _ctx(doc))
        lines = text.split("\n")
        if edit == "line":
            lines[len(lines) // 2] = "Yesterday " + lines[len(lines) // 2]
        elif edit == "names":
            lines.insert(0, "Officials of the Democratic Forces spoke to the Democratic forces on Monday, it said.")
        else:
            lines = [line.replace(" the ", " the  ") for line in lines]
        fixed = Document("\n".join(lines))
        again = _found(name, fixed, _ctx(fixed, memo))
        assert again == _found(name, fixed, _ctx(fixed)), text[:80]
        found += len(again)
    assert found  # (the comparison is not empty)


def test_a_line_that_read_the_rest_of_the_article_is_read_again():
    """The house-form test counts a pair of words in the whole article: a second 'South Yorkshire police'
    elsewhere makes the first one the article's own usage, though its line and the names did not change."""
    text = ("A spokesman for South Yorkshire Police said on Monday that the road would stay closed.\n"
            "Officers of the South Yorkshire police were at the scene for most of the night.\n"
            "The road reopened later in the week.\n")
    memo: dict = {}
    doc = Document(text)
    assert [c[0]["excerpt"] for c in _g004(doc, _ctx(doc, memo))] == ["police"]
    fixed = Document(text.replace("The road reopened", "The South Yorkshire police said the road reopened"))
    assert _g004(fixed, _ctx(fixed, memo)) == _g004(fixed, _ctx(fixed)) == []


def test_a_gazetteer_line_that_read_the_rest_of_the_article_is_read_again():
    """The house casing of a gazetteer name is read in the whole article: written so three times, it
    is the article's style, though the first line did not change."""
    text = ("Astronomers found a new object in the Kuiper belt on Monday, far beyond the orbit of Neptune.\n"
            "It is the largest such object found in years, they said in a statement.\n")
    memo: dict = {}
    doc = Document(text)
    assert [c[0]["excerpt"] for c in _found("gazetteer", doc, _ctx(doc, memo))] == ["belt"]
    fixed = Document(text + "Objects of the Kuiper belt are icy.\nThe Kuiper belt is wide.\n")
    assert _found("gazetteer", fixed, _ctx(fixed, memo)) == _found("gazetteer", fixed, _ctx(fixed)) == []


def test_a_name_at_a_lines_start_is_read_again_when_the_line_before_changes():
    """The word before a name that starts a line is on the line before: 'an' there makes the name a
    generic phrase ('establish an\nIslamic state'), another word does not."""
    text = "The group wanted to establish an\nIslamic state, officials of the region said on Monday.\n"
    memo: dict = {}
    doc = Document(text)
    assert _found("gazetteer", doc, _ctx(doc, memo)) == []
    fixed = Document(text.replace("establish an\n", "establish its\n"))
    again = _found("gazetteer", fixed, _ctx(fixed, memo))
    assert again == _found("gazetteer", fixed, _ctx(fixed)) and [c[0]["excerpt"] for c in again] == ["state"]


def test_a_misspelt_name_read_beside_the_other_mentions_is_read_again():
    """A word the article capitalises only at a sentence's start is no name it writes: whether the
    other 'After' still starts a sentence is read on its own line, which an edit may change while the
    slip's line and the article's capitalised words stay as they were."""
    text = ("The team met Zhorna Aftre and others in the city on Monday, officials of the town said.\n"
            "It rained. After the meeting, they left the city for the coast.\n")
    memo: dict = {}
    doc = Document(text)
    assert _found("misspelt-names", doc, _ctx(doc, memo)) == []
    fixed = Document(text.replace("It rained. After", "It rained, After"))
    again = _found("misspelt-names", fixed, _ctx(fixed, memo))
    assert again == _found("misspelt-names", fixed, _ctx(fixed)) and [c[0]["excerpt"] for c in again] == ["Aftre"]
