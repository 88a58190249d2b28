"""bench/false_flags.py's reviewed list of publishers' own errors: built from tune flags only, each entry
with its evidence, and flags on it counted apart from the false flags, never dropped."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import false_flags as ff  # noqa: E402
from corpus_split import part_of  # noqa: E402


def test_every_reviewed_error_comes_from_the_tune_part_with_its_evidence():
    reviewed = ff.reviewed_errors()
    assert len(reviewed) > 100
    lines = [ln for ln in ff.REVIEWED.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert len(lines) == len(reviewed), "an entry is listed twice"
    for (rid, start, form), entry in reviewed.items():
        assert part_of(rid) == "tune", f"{rid} is a held-out article"
        assert start >= 0 and form.strip() and entry["code"][:1] in "SG"
        assert len(entry["evidence"]) > 15 and entry["right"] != form


def test_a_flag_on_a_reviewed_error_is_counted_apart_and_the_rest_stay_false_flags():
    rec = {"id": "reuters21578-1", "text": "Profits were recieved in the the quarter by managment."}
    flags = [SimpleNamespace(code="S001", start=13, end=21), SimpleNamespace(code="S003", start=28, end=32),
             SimpleNamespace(code="S001", start=44, end=53)]
    reviewed = {("reuters21578-1", 13, "recieved"): {"code": "S001"}, ("reuters21578-1", 28, " the"): {"code": "S003"}}
    errors, false = ff.split_reviewed([(rec, f) for f in flags], reviewed)
    assert [rec["text"][f.start:f.end] for _, f in errors] == ["recieved", " the"]
    assert [rec["text"][f.start:f.end] for _, f in false] == ["managment"]


def test_a_reviewed_entry_without_evidence_is_refused(tmp_path):
    bad = tmp_path / "errors.tsv"
    bad.write_text("r-1\tS001\t4\trecieved\treceived\t\n", encoding="utf-8")
    try:
        ff.reviewed_errors(bad)
    except ValueError as e:
        assert "line 1" in str(e)
    else:
        raise AssertionError("an entry with no evidence was accepted")


def test_the_heldout_estimate_uses_the_tune_review_share_of_the_same_source_and_code():
    reuters, gov = {"source": "reuters21578"}, {"source": "digitalgov"}
    errors = [(reuters, SimpleNamespace(code="S002"))] * 9 + [(gov, SimpleNamespace(code="S002"))] * 2
    false = [(reuters, SimpleNamespace(code="S002"))] * 3 + [(gov, SimpleNamespace(code="G004"))] * 10
    shares = ff.error_shares(errors, false)
    assert shares[("reuters21578", "S002")] == (9, 12) and shares[(None, "S002")] == (11, 14)
    heldout = [(reuters, SimpleNamespace(code="S002"))] * 4 + [(gov, SimpleNamespace(code="S002"))] * 7 \
        + [(gov, SimpleNamespace(code="G004"))] * 5 + [(gov, SimpleNamespace(code="Q001"))]
    # reuters S002: 3/12 false; digitalgov S002 (2 tune flags: too few) by S002's 3/14; G004 all false;
    # a code the review never saw counts as false
    expected = 4 * 3 / 12 + 7 * 3 / 14 + 5 + 1
    assert abs(ff.estimated_false_flags(heldout, shares) - expected) < 1e-9


def test_the_evidence_estimate_weighs_each_heldout_flag_by_its_own_class():
    text = "the governmet and the government; the Labor department said; a qwzxvb; recieved"
    rec = {"source": "reuters21578", "text": text}
    elsewhere = SimpleNamespace(code="S002", start=4, end=13, suggestion="government")
    nothing = SimpleNamespace(code="G002", start=44, end=54, suggestion="Department")
    unseen = SimpleNamespace(code="S002", start=63, end=69, suggestion="quiz")
    assert [ff.evidence_class(rec, f) for f in (elsewhere, nothing, unseen)] == [
        "right form elsewhere", "no evidence", "unseen word"]
    # tune review: S002 beside its right form 19 of 20 errors; G002 without evidence 1 of 10; unseen
    # words: too few S002 flags (4), so the class's share over all codes (6 of 12)
    errors = [(rec, elsewhere)] * 19 + [(rec, nothing)] + [(rec, unseen)] * 3 \
        + [(rec, SimpleNamespace(code="G001", start=63, end=69, suggestion="Quiz"))] * 3
    false = [(rec, elsewhere)] + [(rec, nothing)] * 9 + [(rec, unseen)] \
        + [(rec, SimpleNamespace(code="G001", start=63, end=69, suggestion="Quiz"))] * 5
    shares = ff.evidence_shares(errors, false)
    estimate, low, high, per = ff.estimated_false_by_evidence([(rec, elsewhere), (rec, nothing), (rec, unseen)], shares)
    assert abs(estimate - (1 / 20 + 9 / 10 + 6 / 12)) < 1e-9
    assert low < estimate < high and per == {"right form elsewhere": 1, "no evidence": 1, "unseen word": 1}
