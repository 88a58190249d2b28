"""G sub-codes: each finding names the heuristic (pass) that made it, each pass is documented under its
code, ignoring a sub-code turns that heuristic off without touching the others, and selecting one runs
that heuristic alone."""

from __future__ import annotations

import pytest

from cleaner import check
from cleaner.checks.names import PASSES
from cleaner.codes import all_codes, is_valid_prefix
from cleaner.config import Settings, apply_mapping
from cleaner.errors import ConfigError

TEXT = ("Attorney General Letitia james said on Tuesday that the inquiry would go on. The Associated press "
        "reported the news first.")


def _g(text, select=("G",), **kwargs):
    return [(f.code, f.excerpt, f.extra.get("pass")) for f in check(text, select=select, **kwargs)]


def test_every_finding_names_its_pass():
    assert _g(TEXT) == [("G002", "james", "lowercase-names"), ("G002", "press", "gazetteer")]


def test_ignoring_a_sub_code_turns_off_that_heuristic_only():
    assert _g(TEXT, ignore=["G002:lowercase-names"]) == [("G002", "press", "gazetteer")]
    assert _g(TEXT, ignore=["G002:gazetteer"]) == [("G002", "james", "lowercase-names")]
    assert _g(TEXT, ignore=["G003:gazetteer"]) == _g(TEXT)  # the pass's G002 findings stay


def test_selecting_a_sub_code_runs_that_heuristic_alone():
    assert _g(TEXT, select=["G002:lowercase-names"]) == [("G002", "james", "lowercase-names")]
    assert _g(TEXT, select=["g002:GAZETTEER"]) == [("G002", "press", "gazetteer")]  # any case
    assert _g(TEXT, select=["G003:gazetteer"]) == []  # the pass runs, but reports no G003 here
    # the code and the sub-code together: the most specific wins, as for codes
    assert _g(TEXT, select=["G002"], ignore=["G002:gazetteer"]) == [("G002", "james", "lowercase-names")]
    assert _g(TEXT, select=["G002:gazetteer", "G002:lowercase-names"]) == _g(TEXT)
    findings = check(TEXT, select=["Q", "G002:lowercase-names"])
    assert [(f.code, f.excerpt) for f in findings] == [("G002", "james")]


def test_a_sub_code_on_the_command_line(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    code, out, _ = cli("check", "--isolated", "--select", "G002:lowercase-names", "a.txt")
    assert code == 1 and "G002 [~] 'james'" in out and "press" not in out
    code, out, _ = cli("check", "--isolated", "--select", "G", "--ignore", "G002:lowercase-names", "a.txt")
    assert code == 1 and "'Associated press'" in out and "james" not in out


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


# -- what each pass reads of the article (names.EVIDENCE) ----------------------------------------------

import json
import re
from pathlib import Path

from cleaner import Cleaner
from cleaner.checks import names
from cleaner.document import Document

BODIES = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "scrapinghub-bodies.json"
#: lines where the line-local passes fire
FIRING = ("Officials said the House Representatives voted late.\nA Sugar land-based firm and a New york-based "
          "one bid.\nShe studied at the University of york for years.\nThey met at the White Hose\nyesterday.\n")


def _by_line(name: str, text: str) -> tuple:
    """Pass ``name``'s candidates on ``text`` whole, and on each of its lines alone (offsets moved)."""
    checker = Cleaner(select=["G"])

    def found(doc: Document, shift: int) -> list:
        out = []
        for c in names.candidates(doc, checker._context(doc)).get(name, []):
            f = c.finding
            moved = [None if s is None else (s[0] + shift, s[1] + shift) for s in (c.take, c.test)]
            out.append((None if f is None else (f.code, f.message, f.start + shift, f.end + shift, f.suggestion, f.fix),
                        *moved, c.overlap, tuple(n + shift for n in c.needs)))
        return sorted(out, key=repr)

    whole = found(Document(text), 0)
    lines = [found(Document(m.group()), m.start()) for m in re.finditer(r"[^\n]*\n?", text) if m.group()]
    return whole, sorted((c for line in lines for c in line), key=repr)


def test_every_pass_declares_the_evidence_it_reads():
    assert set(names.EVIDENCE) == {name for name, *_ in PASSES}
    for name, kinds in names.EVIDENCE.items():
        assert set(kinds) <= set(names.EVIDENCE_KINDS), name
    assert set(names.line_local_passes()) == {name for name, kinds in names.EVIDENCE.items() if not kinds}


def test_a_line_local_pass_finds_in_a_line_what_it_finds_in_the_article():
    texts = [FIRING] + [v["articleBody"] for v in json.loads(BODIES.read_text(encoding="utf-8")).values()][:40]
    fired = set()
    for name in names.line_local_passes():
        for text in texts:
            whole, lines = _by_line(name, text)
            assert whole == lines, (name, text[:80])
            fired.update(name for c in whole if c[0] is not None)
    assert fired == set(names.line_local_passes())  # each one found something: the comparison is not empty


def test_a_pass_that_reads_across_a_line_break_is_not_declared_line_local():
    # a line's last word is tested only when a word follows it, on the next line
    whole, lines = _by_line("real-word-name-slips", "They met at the White Hose\nyesterday.\n")
    assert [c[0][4] for c in whole] == ["House"] and lines == []
    assert "real-word-name-slips" not in names.line_local_passes()
