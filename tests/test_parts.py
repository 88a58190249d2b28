"""A text over ``parts.PART_CHARS`` is cleaned in parts: findings land where they point in the whole
text, the fixed text is the fixed parts joined by the untouched breaks, and check/fix on a file use it."""

from __future__ import annotations

from cleaner import Cleaner, parts
from cleaner.document import Document

# local damage only (a doubled space, a zero-width space, a leftover entity): what a check finds in a
# paragraph does not depend on the paragraphs around it, so parts must give the whole text's answer
PARAGRAPHS = [
    "The city council  voted on Tuesday to close bridge {k} for repairs.",
    "Officials said the work on bridge {k} would\u200b take about six months.",
    "Residents can cross at bridge {next} in the meantime, the mayor said.",
    "Q&amp;A sessions about bridge {k} will be held at the library every Thursday.",
]
TEXT = "\n\n".join(PARAGRAPHS[k % 4].format(k=k, next=k + 1) for k in range(40))


def test_cut_points_cover_the_text_between_breaks():
    spans = parts.cut_points(TEXT, 500)
    assert len(spans) > 5 and all(b - a <= 500 for a, b in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(TEXT)
    for (_, b), (a, _) in zip(spans, spans[1:]):
        assert TEXT[b:a] == "\n\n"  # cut at paragraph breaks, which belong to no part


def test_parts_give_the_whole_texts_findings_and_fixed_text():
    cleaner = Cleaner(select=["E"])  # the character checks: local by nature
    whole = cleaner.run(cleaner.document(TEXT, kind="text"), fix=True)
    split = parts.run_in_parts(cleaner, TEXT, fix=True, limit=500)
    key = lambda f: (f.code, f.start, f.end, f.line, f.col, f.end_line, f.end_col, f.suggestion, f.applied)  # noqa: E731
    assert len(whole.findings) == 30
    assert [key(f) for f in split.findings] == [key(f) for f in whole.findings]
    assert split.text == whole.text and split.source_text == TEXT
    assert [key(f) for f in split.remaining] == [key(f) for f in whole.remaining]
    assert split.verdict == whole.verdict and abs(split.score - whole.score) < 0.05


def test_check_mode_keeps_the_text_and_reports_on_it():
    cleaner = Cleaner(select=["E"])
    split = parts.run_in_parts(cleaner, TEXT, fix=False, limit=300)
    doc = Document(TEXT)
    assert split.text == TEXT and len(split.findings) == 30
    for f in split.findings:
        assert (f.line, f.col) == doc.position(f.start)
        assert TEXT[f.start:f.end].strip() in f.excerpt or f.excerpt.startswith(TEXT[f.start:f.end].strip()[:10])


def test_check_and_fix_of_a_long_file_go_through_parts(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "PART_CHARS", 400)
    calls = []
    original = parts.run_in_parts
    monkeypatch.setattr(parts, "run_in_parts", lambda *a, **k: calls.append(k["fix"]) or original(*a, **k))
    path = tmp_path / "long.txt"
    path.write_text(TEXT + "\n", encoding="utf-8")
    code, out, _ = cli("check", "--select", "E006", str(path))
    assert code == 1
    lines = [k + 1 for k, line in enumerate((TEXT + "\n").split("\n")) if "council  voted" in line]
    assert len(lines) == 10 and calls == [False]
    assert [f"{path}:{n}:17: E006" for n in lines] == [line.split(" [")[0] for line in out.splitlines() if "E006" in line]
    code, _, _ = cli("fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert calls == [False, True]
    assert fixed == parts.run_in_parts(Cleaner(), TEXT + "\n", fix=True, limit=400).text
    assert fixed.count("\n\n") == 39 and not any(bad in fixed for bad in ("  ", "\u200b", "&amp;"))


def test_a_fix_wider_than_its_finding_moves_with_it():
    """A shortcode's deletion also takes the space after it (``edit`` wider than the span): in a part
    past the first, that edit lands where it points in the whole text, as the finding does."""
    paragraphs = ["The city council voted on Tuesday to close bridge {k} [ad_1] for repairs.",
                  "Officials said the work on bridge {k} would take about six months."]
    text = "\n\n".join(paragraphs[k % 2].format(k=k) for k in range(40))
    cleaner = Cleaner(select=["B001"])
    whole = cleaner.run(cleaner.document(text, kind="text"), fix=True)
    split = parts.run_in_parts(cleaner, text, fix=True, limit=500)
    key = lambda f: (f.code, f.start, f.end, f.edit, f.line, f.col, f.applied)  # noqa: E731
    assert len(whole.findings) == 20 and all(f.edit == [f.start, f.end + 1] for f in whole.findings)
    assert [key(f) for f in split.findings] == [key(f) for f in whole.findings]
    assert split.text == whole.text and "[ad_1]" not in split.text


def test_check_in_parts_detects_as_often_as_fix_does():
    """``check`` of a long text reports each part's first-round findings from the same detection that
    fixes and scores the part: it checks exactly as often as ``fix`` does (it used to detect every
    part a third time), and reports what a separate detection of each part finds."""
    cleaner = Cleaner(select=["E", "Q"])
    checked = []
    context = cleaner._context
    cleaner._context = lambda doc: checked.append(len(doc.text)) or context(doc)  # one call per detection
    fixed = parts.run_in_parts(cleaner, TEXT, fix=True, limit=500)
    fix_checks, checked[:] = len(checked), []
    found = parts.run_in_parts(cleaner, TEXT, fix=False, limit=500)
    spans = parts.cut_points(TEXT, 500)
    assert fix_checks > len(spans) and len(checked) == fix_checks  # (some parts needed a second round)
    assert found.score == fixed.score and found.text == TEXT
    separately = [(f.code, f.start + a, f.end + a, f.suggestion) for a, b in spans
                  for f in cleaner.detect(cleaner.document(TEXT[a:b], kind="text"))]
    assert [(f.code, f.start, f.end, f.suggestion) for f in found.findings] == separately
