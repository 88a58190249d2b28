"""Fix rounds re-check only the lines an edit touched, for families that read lines alone: the
result is the same as re-checking everything."""

from __future__ import annotations

import json
import random
from pathlib import Path

from cleaner import Cleaner
from cleaner.checks import encoding
from cleaner.document import Document
from cleaner.finding import Finding
from cleaner.fixer import apply_edits, choose_edits
from cleaner.recheck import recheck_lines

BODIES = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "scrapinghub-bodies.json"
# damage E finds, some fixed (spaces, entities, tags, mojibake), some only reported (U+FFFD)
DAMAGE = ["  ", "&amp;", "<b>", "</b>", "\u00e2\u20ac\u2122", " \t", "\ufffd", "\u200b", "<p>", "\x07"]


class _AllCodes:
    def enabled(self, code: str) -> bool:
        return True


def _damaged(text: str, rng: random.Random) -> str:
    spots = sorted(rng.sample(range(len(text)), min(12, len(text))))
    pieces, pos = [], 0
    for spot in spots:
        pieces += [text[pos:spot], rng.choice(DAMAGE)]
        pos = spot
    return "".join(pieces + [text[pos:]])


def _bodies(n: int) -> list:
    return [v["articleBody"] for v in json.loads(BODIES.read_text(encoding="utf-8")).values()][:n]


def _run(part: Document) -> list:
    return encoding.run(part, _AllCodes())


def test_touched_lines_recheck_equals_a_full_check_after_random_edits():
    rng = random.Random(3)
    compared = reused = 0
    for body in _bodies(60):
        doc = Document(_damaged(body, rng))
        before = _run(doc)
        edits = choose_edits([f for f in before if rng.random() < 0.7], unsafe_fixes=True)
        if not edits:
            continue
        after = Document(apply_edits(doc.text, edits))
        rechecked = recheck_lines(after, _run, before, edits)
        key = lambda f: (f.start, f.end, f.code, f.message)  # noqa: E731
        assert sorted(map(key, rechecked)) == sorted(map(key, _run(after)))
        assert sorted((f.line, f.col, f.end_line, f.end_col, f.excerpt) for f in rechecked) == \
            sorted((f.line, f.col, f.end_line, f.end_col, f.excerpt) for f in _run(after))
        compared += 1
        reused += len(before) - len(edits) > 0
    assert compared >= 50 and reused >= 30  # findings on untouched lines were carried over, moved


def test_an_applied_insertion_at_the_end_of_a_text_is_not_carried_over():
    # A diff may lay ftfy's repair out as a deletion and an insertion at the end of the text (before a
    # run of the repaired character: "\u00e2\u20ac\u2122" + 24 "\u2019" gave both). The end of a touched last
    # line was taken for an untouched stretch of its own, so the applied insertion came back each round:
    # --unsafe-fixes added a mark per round up to the 10-round cap.
    text = "The cafe said \u00e2\u20ac\u2122" + "\u2019" * 24
    edits = [Finding("E001", "mojibake", 14, 17, suggestion="", fix="safe"),
             Finding("E001", "mojibake", 41, 41, suggestion="\u2019", fix="unsafe")]
    after = Document(apply_edits(text, edits))
    assert after.text == "The cafe said " + "\u2019" * 25 and _run(after) == []
    assert recheck_lines(after, _run, edits, edits) == []
    # after a line break no edit wrote, the end of the text is a line of its own: what stood there stays
    end = Finding("E001", "mojibake", 42, 42, suggestion="\u2019", fix="unsafe")
    after = Document(apply_edits(text + "\n", edits[:1]))
    kept = recheck_lines(after, lambda part: [], [edits[0], end], edits[:1])
    assert [(f.start, f.end) for f in kept] == [(len(after.text), len(after.text))]


def test_clean_gives_the_same_result_with_touched_line_rechecks_as_with_full_ones():
    rng = random.Random(5)
    incremental, full = Cleaner(unsafe_fixes=True), Cleaner(unsafe_fixes=True)
    full.incremental_rechecks = False
    rounds = 0
    for body in _bodies(25):
        text = _damaged(body, rng)
        a, b = incremental.clean(text, kind="text"), full.clean(text, kind="text")
        assert a.to_dict() == b.to_dict()
        assert [f.to_dict() for f in a.remaining] == [f.to_dict() for f in b.remaining]
        rounds += any(f.applied for f in a.findings)
    assert rounds >= 20


def test_anchor_hits_carried_over_a_fix_round_equal_a_search_of_the_fixed_text():
    """A confirming round's rule anchors (B's rules, G's phrases) are the round before's, moved past
    the edits, with only the touched lines searched again: the same spans as searching the fixed text,
    for edits that delete boilerplate lines, insert an anchor ('Read more') or cut one in half."""
    from cleaner.checks.boilerplate import builtin_rules
    from cleaner.finding import Finding
    from cleaner.recheck import Round
    from cleaner.rule_engine import anchor_index, round_hits

    index = anchor_index(builtin_rules())
    rng = random.Random(11)
    insertions = ["Read more", "Advertisement", "", "Share this:", "reporting by", "\u00a9 2024 ", "x"]
    carried = 0
    for body in _bodies(40):
        text = body + "\n\nRead more: Follow us on Twitter\n\nAdvertisement\n\n\u00a9 2024 Example News. All rights reserved."
        spots = sorted(rng.sample(range(len(text)), 6))
        edits = choose_edits([Finding("B001", "", s, min(len(text), s + rng.randrange(0, 12)),
                                      suggestion=rng.choice(insertions), fix="safe") for s in spots], unsafe_fixes=False)
        fixed = apply_edits(text, edits)

        class Ctx:  # a confirming round's context: the article's memo, the round it confirms
            memo: dict = {}
            after = Round({}, edits, text, fixed)

        Ctx.memo = {}
        first = round_hits(index, Document(text), Ctx)  # (stored: no round before it)
        assert first == index.hits(text)
        again = round_hits(index, Document(fixed), Ctx)
        searched = index.hits(fixed)
        assert {n: sorted(s) for n, s in again.items()} == {n: sorted(s) for n, s in searched.items()}
        carried += bool(set(first) & set(again))
    assert carried >= 35
