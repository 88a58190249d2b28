"""G sub-codes: each finding names the heuristic (pass) that made it, each pass is documented under its
code, and ignoring a sub-code turns that heuristic off without touching the others."""

from __future__ import annotations

import pytest

from cleaner import check
from cleaner.checks.names import PASSES
from cleaner.codes import all_codes, is_valid_prefix
from cleaner.config import Settings, apply_mapping
from cleaner.errors import ConfigError

TEXT = ("Attorney General Letitia james said on Tuesday that the inquiry would go on. The Associated press "
        "reported the news first.")


def _g(text, **kwargs):
    return [(f.code, f.excerpt, f.extra.get("pass")) for f in check(text, select=["G"], **kwargs)]


def test_every_finding_names_its_pass():
    assert _g(TEXT) == [("G002", "james", "lowercase-names"), ("G002", "press", "gazetteer")]


def test_ignoring_a_sub_code_turns_off_that_heuristic_only():
    assert _g(TEXT, ignore=["G002:lowercase-names"]) == [("G002", "press", "gazetteer")]
    assert _g(TEXT, ignore=["G002:gazetteer"]) == [("G002", "james", "lowercase-names")]
    assert _g(TEXT, ignore=["G003:gazetteer"]) == _g(TEXT)  # the pass's G002 findings stay


def test_every_pass_is_documented_under_the_codes_it_reports():
    documented = {name for code in ("G001", "G002", "G003", "G004") for name in all_codes()[code].passes}
    assert documented == {name for name, *_ in PASSES}
    for name, codes, *_ in PASSES:
        assert any(name in all_codes()[code].passes for code in codes), name
    page = all_codes()["G002"].render()
    assert "## Sub-codes" in page and "- `G002:name-parts`: " in page


def test_sub_codes_in_config_are_validated():
    assert is_valid_prefix("G002:name-parts") and is_valid_prefix("G004:recased-words")
    assert not is_valid_prefix("G002:recased-words") and not is_valid_prefix("G002:nonsense")
    settings = apply_mapping(Settings(), {"ignore": ["G002:lowercase-names"]}, "news-cleaner.toml")
    assert settings.ignore == ["G002:LOWERCASE-NAMES"]  # codes are case-insensitive: a config file's works
    assert _g(TEXT, config=settings) == [("G002", "press", "gazetteer")]
    with pytest.raises(ConfigError, match="unknown rule code or prefix 'G002:NONSENSE'"):
        apply_mapping(Settings(), {"ignore": ["G002:nonsense"]}, "news-cleaner.toml")
