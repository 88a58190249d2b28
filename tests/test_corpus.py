"""Real clean news copy: none of the 121 benchmark bodies is garbled, and the seed scores below them all."""

from __future__ import annotations

import pytest

from cleaner import Cleaner


@pytest.fixture(scope="module")
def results(clean_bodies):
    cleaner = Cleaner()
    return {key: cleaner.check(text, kind="text") for key, text in clean_bodies.items()}


def test_no_clean_body_is_garbled(results):
    garbled = {k: (r.score, [f.code for f in r.findings][:10]) for k, r in results.items() if r.verdict == "garbled"}
    assert not garbled


def test_seed_scores_below_every_clean_body(results, seed_text):
    seed = Cleaner().check(seed_text)
    assert seed.verdict == "garbled"
    assert seed.score < min(r.score for r in results.values())


def test_articles_not_in_english_are_not_spell_checked(results, clean_bodies):
    foreign = [k for k, r in results.items() if any("not in the configured language" in n for n in r.notices)]
    assert foreign, "the benchmark holds a few non-English bodies"
    for key in foreign:
        assert not [f for f in results[key].findings if f.code.startswith(("S", "G"))]
    english = [k for k, r in results.items() if not r.notices]
    assert len(english) > 100
