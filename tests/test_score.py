"""The score: density and kind of findings; repeated habits count less than independent damage."""

from __future__ import annotations

from cleaner.finding import Finding
from cleaner.score import score, verdict


def _f(code, fix="none"):
    return Finding(code, "", 0, 1, suggestion="x" if fix != "none" else None, fix=fix)


def test_no_findings_is_perfect():
    assert score([], 500, set()) == 1.0


def test_machine_translation_weighs_more_than_spacing():
    assert score([_f("G501")], 300, set()) < score([_f("Q004")], 300, set())


def test_fixed_findings_weigh_less():
    finding = _f("Q004", "safe")
    assert score([finding], 300, {id(finding)}) > score([finding], 300, set())


def test_repeated_code_counts_less_than_distinct_damage():
    repeated = [_f("S002") for _ in range(4)]
    distinct = [_f("S002"), _f("G001"), _f("Q001"), _f("G501")]
    assert score(repeated, 300, set()) < score(repeated[:1], 300, set())
    assert score(repeated, 300, set()) > score(distinct, 300, set())


def test_density_matters():
    findings = [_f("G001"), _f("S002")]
    assert score(findings, 2000, set()) > score(findings, 200, set())


def test_verdicts():
    assert verdict(0.3, 5, 0.5, 0.9) == "garbled"
    assert verdict(0.95, 0, 0.5, 0.9) == "clean"
    assert verdict(0.95, 2, 0.5, 0.9) == "fixable"
    assert verdict(0.7, 0, 0.5, 0.9) == "fixable"
