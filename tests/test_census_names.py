"""The US Census 1990 name lists (rules/data/census-names-en.tsv.gz) and the G002 person-name findings
they give evidence for: a lower-cased surname after a given name the dictionary does not know as one,
a whole name in lower case whose surname only the Census lists hold."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

from cleaner import Cleaner
from cleaner.census_names import census_names

ROOT = Path(__file__).resolve().parents[1]


def _g(text):
    return [(f.code, text[f.start:f.end], f.suggestion) for f in Cleaner(select=["G"]).check(text).findings]


def _builder():
    spec = importlib.util.spec_from_file_location("build_census_names", ROOT / "tools" / "build_census_names.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_census_file_is_sorted_ranked_names_as_its_builder_writes_them():
    lines = gzip.decompress((ROOT / "rules" / "data" / "census-names-en.tsv.gz").read_bytes()).decode("utf-8").splitlines()
    assert lines[0].startswith("# US Census 1990 name frequency lists (public domain)")
    names = []
    for line in lines[1:]:
        name, given, surname = line.split("\t")
        assert name.isalpha() and name.islower(), line
        assert given != "-" or surname != "-", line
        assert all(rank == "-" or int(rank) >= 1 for rank in (given, surname)), line
        names.append(name)
    assert names == sorted(names) and len(names) >= 20_000
    given, surnames = census_names()
    assert given["mary"] == 1 and given["james"] == 1 and surnames["smith"] == 1
    assert "gorman" in surnames and "gorman" not in given
    # the builder's own rows, from lines of the Census files
    assert _builder().ranks(["GORMAN         0.008 55.000   1175", "AALUND         0.000 90.483  88798"], 0.001) == {
        "gorman": 1175}


def test_lower_cased_surname_after_a_given_name_only_the_census_lists_hold():
    # "Marcus" and "Vanessa" are no configured given names; "berg" and "bell" are Census surnames
    assert ("G002", "berg", "Berg") in _g("In the 20th minute, Marcus berg missed a chance to put Sweden ahead.")
    assert ("G002", "bells", "Bell") in _g("The shortlist named William Morris and Vanessa bells, which was "
                                           "then narrowed down by a panel.")


def test_lower_cased_census_surname_that_is_a_rare_word_after_a_given_name():
    assert ("G002", "jolly", "Jolly") in _g("The economist Richard jolly, creator of the human development "
                                            "index, said there was not enough data.")


def test_whole_name_in_lower_case_with_a_census_surname():
    assert _g("“This survey shows that history counts,” said mark gorman, director of the charity.") == [
        ("G002", "mark gorman", "Mark Gorman")]


def test_no_surname_after_a_census_given_name_without_a_census_surname():
    # the dictionary capitalises "Acts" and "Map", but no Census surname is either: a verb and a noun here
    for text in ("It set up a commercial paper program for which Merrill acts as dealer.",
                 "Using the 2008-2012 Community Survey, Cornell maps information on poverty statistics.",
                 "Hard work is what makes America great, she said.",
                 # a class of people whose plural the dictionary capitalises (Tories), a given name inside a name
                 'But the Tory leader argued that the EU constitution was wrong.',
                 "He bought a stripy deckchair from the Queen Mary liner.",
                 # a common English word after the given name, a role before a name
                 'We wish Jacques well," the club said.', "Injured Chelsea winger Arjen Robben has broken his foot.",
                 "Robben out\n\nChelsea winger Arjen Robben has broken two bones in his foot."):
        assert [f for f in _g(text) if f[0] == "G002"] == [], text
