"""``check`` reports what ``fix`` does where a character repair goes first (issue 17, the lead's probe):
``fix`` repairs mojibake and entities (E001, E002) before the other edits of their paragraph and judges
the paragraph again once repaired, so ``check`` reported a ``Q008`` between a comma and the mojibake of
a closing mark (``won,â€ she``) that ``fix`` never applies, and not the lost opening mark ``fix`` adds."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner

# the mojibake of a closing mark after a stop or comma, other damage in the same paragraph and in others
TEXTS = [
    "We won,â€ she said.\n\nThe mayor said the plan,which was new, would pass.\n",
    "â€œIt is over.â€ The council voted on Tuesday,and the plan passed.\n\nResidents were not asked.\n",
    "The minister said the talks had failed.\n\nâ€œWe will try again,â€ he said,adding that the caf&eacute; "
    "would stay open.\n",
    "â€œNo,â€ said the spokesman.â€ The company declined to comment further on Monday.\n",
]


def _edits(findings) -> list:
    return sorted((f.code, f.start, f.end, f.line, f.col, f.excerpt, f.suggestion) for f in findings if f.fix == "safe")


@pytest.mark.parametrize("text", TEXTS)
def test_check_reports_the_edits_fix_makes(text):
    cleaner = Cleaner(None)
    checked = cleaner.check(text).findings
    fixed = cleaner.clean(text)
    assert _edits(checked) == _edits(f for f in fixed.findings if f.applied)
    assert not any(f.applied for f in checked)
    for f in checked:  # every span is where its line, column and excerpt say, in the text as given
        assert text[f.start:f.end].startswith(f.excerpt.removesuffix("...")) and f.end <= len(text)


def test_no_q008_before_the_mojibake_of_a_closing_mark(tmp_path, cli):
    (tmp_path / "story.txt").write_text(TEXTS[0], encoding="utf-8")
    code, out, _ = cli("check", "story.txt", "--no-cache", "--isolated")
    listed = [line.split(" [")[0] for line in out.splitlines() if " [*] " in line]
    assert code == 1 and listed == ["story.txt:1:1: Q006", "story.txt:1:8: E001", "story.txt:3:24: Q008"]
    assert "Found 3 (3 fixable, 0 more with --unsafe-fixes)." in out
    code, out, _ = cli("fix", "story.txt", "--no-cache", "--isolated", "--show-fixes")
    fixed = [line.removeprefix("Fixed ").split(" [")[0] for line in out.splitlines() if line.startswith("Fixed ")]
    assert fixed == listed and "Found 3 (3 fixed, 0 remaining)." in out
    assert (tmp_path / "story.txt").read_text(encoding="utf-8").startswith("\u201cWe won,\u201d she said.")


def test_json_check_of_records_reports_the_same(tmp_path, cli):
    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(TEXTS)),
                                      encoding="utf-8")
    code, out, _ = cli("check", "a.jsonl", "--no-cache", "--isolated", "--format", "json")
    by_record = {}
    for f in json.loads(out):
        by_record.setdefault(f["record_line"], []).append(f)
    cleaner = Cleaner(None)
    for line, text in enumerate(TEXTS, 1):
        expected = cleaner.check(text).findings
        assert [(f["code"], f["start"], f["end"]) for f in by_record[line]] == [(f.code, f.start, f.end) for f in expected]
