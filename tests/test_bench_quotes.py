"""bench/quotes.py's clean-copy classes and bench/quote_damage.py's records: what the Q figures are counted with."""

from __future__ import annotations

import doctest
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import quote_damage  # noqa: E402
import quote_sites  # noqa: E402
import quotes as bench_quotes  # noqa: E402


def test_bench_docstring_examples():
    for module in (bench_quotes, quote_damage, quote_sites):
        assert doctest.testmod(module).failed == 0


def edit_class(clean: str, out: str) -> list[str]:
    return [bench_quotes.publisher_error(clean, out, op) for op in bench_quotes.diff_ops(clean, out)]


def test_a_mark_repaired_in_an_unbalanced_paragraph_is_listed_apart_from_harm():
    clean = 'Fildes said that was attractive to other biotechnology companies."\n\nThe deal closed.'
    assert edit_class(clean, clean.replace('."', ".")) == ["mark in a paragraph whose marks the publisher got wrong"]


def test_a_repair_that_leaves_the_paragraph_wrong_stays_harm():
    clean = 'Fildes said that was attractive to other biotechnology companies."\n\nThe deal closed.'
    misplaced = clean.replace("said that", 'said" that')  # a second mark: the paragraph still does not pair up
    assert "" in edit_class(clean, misplaced)
    assert "mark in a paragraph whose marks the publisher got wrong" not in edit_class(clean, misplaced)


def test_a_mark_changed_in_a_balanced_or_run_on_paragraph_stays_harm():
    balanced = '"We will win," he said.\n\nThe deal closed.'
    assert edit_class(balanced, balanced.replace(',"', ",")) == [""]
    run_on = '"We will win the next one.\n\n"It was close," he said.'
    assert edit_class(run_on, run_on.replace("one.", 'one."', 1)) == [""]


def test_a_stop_moved_across_a_closing_mark_stays_harm_and_a_lost_abbreviation_stop_does_not():
    british = 'He called it "a disgrace". Then he left.'
    assert set(edit_class(british, british.replace('disgrace".', 'disgrace."'))) == {""}
    assert edit_class("Major U.S meat packers met.", "Major U.S. meat packers met.") == ["abbreviation lost its last stop"]
    assert edit_class("It was in the US officially.", "It was in the US. officially.") == [""]


def test_generated_records_restore_their_clean_copy():
    text = ('The mayor said: "We will not leave the city." Officials agreed.\n\n'
            '"It is a matter of time," said Ana Ruiz, a spokeswoman. "We are ready, and we will stay."')
    records = [quote_damage.damage(text, random.Random(seed), doc_id=str(seed)) for seed in range(40)]
    records = [r for r in records if r is not None]
    assert records
    for r in records:
        quote_damage.check_record(r)
        assert r["text"] != r["clean"]


def test_spacing_and_stray_stop_classes_read_the_clean_copy():
    assert set(edit_class('Andriessen added ,"The Commission', 'Andriessen added, "The Commission')) == {"space before a mark"}
    assert edit_class('Grimes said,"The report', 'Grimes said, "The report') == ["no space after a mark"]
    assert edit_class("See it when available: .\n\nNext", "See it when available:\n\nNext") == ["stop after a colon"]
    assert edit_class("they provided feedback,. I collected", "they provided feedback. I collected") == ["comma before a stop"]
    assert edit_class("a word , next", "a word next") == [""]  # a mark deleted, not moved: harm


def test_open_sites_fit_weighs_the_features_rank_open_site_reads():
    # bench/open_sites_fit.py fits [open_sites] of rules/quotes.toml: its features must be the ones the check reads,
    # so the shipped weights summed over its features pick the site rank_open_site picks
    import open_sites_fit
    from cleaner.checks import quote_model as qm

    table = qm.rules()["open_sites"]

    def weight(name):
        kind, _, value = name.partition(":")
        if kind in ("before", "first"):
            return table[kind].get(value, 0.0)
        if kind == "person":
            return table["person"][int(value[0])][int(value[1])]
        if kind == "reported":
            return table["reported"][int(value)]
        return table[kind][int(value)]

    vocab = (frozenset(table["before"]), frozenset(table["first"]))
    for text in ('Stern described the images as a home run" for the team.',
                 'Costs rose, Lee told reporters, We will not pay for it." Then',
                 'The panel said it was racially discriminatory" and left.'):
        close = text.index('"')
        cands = open_sites_fit.candidates(text, 0, close, "<paragraph>", vocab)
        assert [at for at, _ in cands] == [m.start() for m in re.finditer(r"\S+", text[:close])]
        best = max(cands, key=lambda c: (sum(weight(f) for f in c[1]), c[0]))[0]
        assert best == qm.rank_open_site(text, 0, close)[0]
