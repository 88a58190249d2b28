"""The first acceptance case: the seed article (fixtures/seed/README.md) end to end through the CLI."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEED, paragraphs


@pytest.fixture
def seed_copy(tmp_path):
    target = tmp_path / "article.txt"
    shutil.copy(SEED / "article.txt", target)
    target.chmod(0o644)
    return target


def test_fix_leaves_expected_safe_and_is_idempotent(cli, seed_copy):
    code, out, err = cli("fix", str(seed_copy))
    fixed = seed_copy.read_text(encoding="utf-8")
    assert paragraphs(fixed) == paragraphs((SEED / "expected_safe.txt").read_text(encoding="utf-8"))
    assert code == 1  # unsafe findings remain
    cli("fix", str(seed_copy))
    assert seed_copy.read_text(encoding="utf-8") == fixed


def test_unsafe_fix_leaves_expected_unsafe_and_is_idempotent(cli, seed_copy):
    cli("fix", "--unsafe-fixes", str(seed_copy))
    fixed = seed_copy.read_text(encoding="utf-8")
    assert paragraphs(fixed) == paragraphs((SEED / "expected_unsafe.txt").read_text(encoding="utf-8"))
    cli("fix", "--unsafe-fixes", str(seed_copy))
    assert seed_copy.read_text(encoding="utf-8") == fixed


# (excerpt the finding must cover, family, fix safety, suggestion or None when the fix is a deletion)
SEED_ROWS = [
    ("World news.", "B", "safe", None),
    ("[ad_2]", "B", "safe", None),
    ("ISM", "G", "unsafe", "ISIS"),
    ("resistance pack", "G", "unsafe", "resistance pocket"),
    ("non-combat losses", "G", "unsafe", "civilian casualties"),
    ("Associated press", "G", "safe", "Associated Press"),
    ("Syrian Observatory of Human Rights", "G", "safe", "Syrian Observatory for Human Rights"),
    ("Syrian democratic force", "G", "unsafe", "Syrian Democratic Forces"),
    ("Ryan. in", "Q", "safe", None),
    ('day. , "Said', "Q", "safe", None),
]


def _covering(findings, text, excerpt, family):
    start = text.index(excerpt)
    end = start + len(excerpt)
    return [f for f in findings if f["code"].startswith(family) and f["start"] < end and f["end"] > start]


def test_check_reports_every_seed_row_and_rates_it_garbled(cli, seed_copy):
    code, out, err = cli("check", "--format", "json", str(seed_copy))
    assert code == 1
    findings = json.loads(out)
    text = seed_copy.read_text(encoding="utf-8")
    for excerpt, family, safety, suggestion in SEED_ROWS:
        hits = _covering(findings, text, excerpt, family)
        assert hits, f"no {family} finding on {excerpt!r}"
        assert any(h["fix"] == safety for h in hits), (excerpt, hits)
        if suggestion is not None:  # edits are minimal (`press` -> `Press`); the message names the whole form
            assert any(suggestion in (h["suggestion"] or "") or suggestion in h["message"] for h in hits), (excerpt, hits)
    code, out, err = cli("check", str(seed_copy))
    assert "garbled" in out


def test_check_is_silent_on_run_on_quote_and_rare_names(cli, seed_copy):
    code, out, err = cli("check", "--format", "json", str(seed_copy))
    findings = json.loads(out)
    text = seed_copy.read_text(encoding="utf-8")
    for name in ["Hajin", "Abdurrahman", "Ghika", "Buqan", "SANA", "AMAQ"]:
        for start in [i for i in range(len(text)) if text.startswith(name, i)]:
            end = start + len(name)
            assert not [f for f in findings if f["start"] < end and f["end"] > start], name
    run_on_end = text.index("non-combat losses.") + len("non-combat losses.")
    quote_para_start = text.index('"We have witnessed')
    for f in findings:
        if f["code"].startswith("Q"):
            assert not (run_on_end - 1 <= f["start"] <= quote_para_start + 1), f


def test_every_seed_finding_is_one_of_the_rows(cli, seed_copy):
    """Nothing else in the seed is reported: each finding overlaps one of the rows of the table."""
    code, out, err = cli("check", "--format", "json", str(seed_copy))
    text = seed_copy.read_text(encoding="utf-8")
    spans = []
    for excerpt, *_ in SEED_ROWS:
        start = text.index(excerpt)
        spans.append((start - 2, start + len(excerpt) + 12))
    for f in json.loads(out):
        assert any(f["start"] < hi and f["end"] > lo for lo, hi in spans), f
