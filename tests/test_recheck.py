"""Fix rounds re-check only the lines an edit touched, for families that read lines alone: the
result is the same as re-checking everything."""

from __future__ import annotations

import json
import re
from collections import Counter
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


class _ParagraphLocal:
    """A paragraph-local family as ``cleaner.recheck`` describes one: X001 on each use, in a paragraph of
    two lines or more, of a word the article writes three times or more (its evidence), X002 on a
    paragraph that starts with such a word. It reads the article's words from ``ctx.article``."""

    RECHECK = "paragraphs"
    WORD = re.compile(r"[A-Za-z]{4,}")

    def __init__(self):
        self.parts = 0  # checks of a part of an article (ctx.article set)

    def evidence(self, doc, ctx):
        return frozenset(w for w, n in Counter(m.group().lower() for m in self.WORD.finditer(doc.text)).items() if n >= 3)

    def run(self, doc, ctx):
        self.parts += ctx.article is not None
        frequent = self.evidence(ctx.article or doc, ctx)
        out = []
        for p in doc.paragraphs:
            words = list(self.WORD.finditer(p.text))
            if words and words[0].group().lower() in frequent:
                out.append(doc.finding("X002", "starts with a frequent word", p.start, p.end))
            if "\n" in p.text:
                out += [doc.finding("X001", "frequent word", p.start + m.start(), p.start + m.end())
                        for m in words if m.group().lower() in frequent]
        return out


def _edited_rounds(monkeypatch, family, texts, rng, share=0.7):
    """(documents whose confirming round differs between the touched-paragraph re-check and a full
    one, documents compared) for ``family`` beside E, whose edits (some of them) make the rounds."""
    from cleaner import checks
    from cleaner.checks import CheckContext, run_families
    from cleaner.codes import Selection
    from cleaner.config import Settings
    from cleaner.recheck import Round

    monkeypatch.setattr(checks, "FAMILY_MODULES", {"E": encoding, "X": family})
    differ = compared = 0
    for text in texts:
        doc = Document(text)
        ctx = CheckContext(settings=Settings(), selection=Selection(["ALL"]))
        found = run_families(doc, ctx)
        edits = choose_edits([f for f in found["E"] if rng.random() < share], unsafe_fixes=True)
        if not edits:
            continue
        fixed = Document(apply_edits(text, edits))
        again_ctx = CheckContext(settings=Settings(), selection=Selection(["ALL"]), memo=ctx.memo)
        again = run_families(fixed, again_ctx, after=Round(found, edits, text, fixed.text, doc, ctx))
        full = run_families(Document(fixed.text), CheckContext(settings=Settings(), selection=Selection(["ALL"])))
        key = lambda f: (f.code, f.start, f.end, f.line, f.col, f.end_line, f.end_col, f.excerpt)  # noqa: E731
        differ += any(sorted(map(key, again[k])) != sorted(map(key, full[k])) for k in full)
        compared += 1
    return differ, compared


def _no_article():
    from types import SimpleNamespace

    return SimpleNamespace(article=None)


def _paragraphed(body: str, rng: random.Random) -> str:
    """``body`` with its lines joined two or three to a paragraph, paragraphs apart by a blank line."""
    lines = [line for line in body.split("\n") if line.strip()]
    out = []
    while lines:
        k = rng.choice((1, 2, 3))
        out.append("\n".join(lines[:k]))
        lines = lines[k:]
    return "\n\n".join(out)


def test_a_paragraph_local_family_rechecks_only_touched_paragraphs_with_the_same_findings(monkeypatch):
    rng = random.Random(7)
    family = _ParagraphLocal()
    texts = [_damaged(_paragraphed(body, rng), rng) for body in _bodies(60)]
    differ, compared = _edited_rounds(monkeypatch, family, texts, rng)
    assert compared >= 50 and differ == 0
    assert family.parts >= 100  # the touched paragraphs were checked alone (not the whole text again)


def test_a_family_whose_evidence_an_edit_changed_is_checked_again_in_full(monkeypatch):
    # E's edit (a zero-width space out of "har\u200bbor") makes "harbor" a word the article writes three
    # times: the evidence changes, so the paragraphs no edit touched are checked again too (X001 comes
    # to the untouched last paragraph)
    family = _ParagraphLocal()
    text = "Harbor talks.\nThe deal\n\nThe har\u200bbor port\n\nOther text\nand harbor again"
    assert not family.run(Document(text), _no_article())
    differ, compared = _edited_rounds(monkeypatch, family, [text], random.Random(0), share=1)
    assert (differ, compared) == (0, 1) and family.parts == 0


def test_a_family_recheck_hook_decides_its_own_confirming_round(monkeypatch):
    from cleaner import checks
    from cleaner.checks import CheckContext, run_families
    from cleaner.codes import Selection
    from cleaner.config import Settings
    from cleaner.recheck import Round

    calls = []

    class Own:
        @staticmethod
        def run(doc, ctx):
            return [doc.finding("X001", "m", 0, 3)]

        @staticmethod
        def recheck(doc, ctx, previous, after):
            calls.append((len(previous), len(after.edits)))
            return None if doc.text.startswith("full") else [doc.finding("X001", "kept", 0, 1)]

    monkeypatch.setattr(checks, "FAMILY_MODULES", {"X": Own})
    ctx = CheckContext(settings=Settings(), selection=Selection(["ALL"]))
    edit = Finding("E006", "", 4, 6, suggestion=" ", fix="safe")
    for text, message in (("some  text", "kept"), ("full  text", "m")):
        found = run_families(Document(text), ctx)
        fixed = apply_edits(text, [edit])
        again = run_families(Document(fixed), ctx, after=Round(found, [edit], text, fixed))
        assert [f.message for f in again["X"]] == [message]
    assert calls == [(1, 1), (1, 1)]


def test_clean_with_a_paragraph_local_family_gives_the_result_of_full_rechecks(monkeypatch):
    """Through the fix loop: E, B and Q edit (some rounds re-check only touched paragraphs of the
    paragraph-local family), and the cleaned text, findings, score and verdict are a full re-check's."""
    from cleaner import checks
    from cleaner.checks import boilerplate, quotes

    family = _ParagraphLocal()
    monkeypatch.setattr(checks, "FAMILY_MODULES", {"E": encoding, "B": boilerplate, "Q": quotes, "X": family})
    rng = random.Random(9)
    incremental, full = Cleaner(select=["ALL"], unsafe_fixes=True), Cleaner(select=["ALL"], unsafe_fixes=True)
    full.incremental_rechecks = False
    edited = 0
    for body in _bodies(40):
        text = _damaged(_paragraphed(body, rng), rng)
        a, b = incremental.clean(text, kind="text"), full.clean(text, kind="text")
        assert a.to_dict() == b.to_dict()
        assert [f.to_dict() for f in a.remaining] == [f.to_dict() for f in b.remaining]
        edited += any(f.applied for f in a.findings)
    assert edited >= 30 and family.parts >= 30
