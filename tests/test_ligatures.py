"""E009: Latin ligature characters from PDF and print scrapes (``ofﬁce``, ``bene ﬁts``, ``ri ﬂ e``):
ftfy's ``fix_latin_ligatures`` is off (``checks/encoding.py`` asks ftfy for no normalisation), so they
were left in the text unreported, and S read the pieces as words (``bene`` -> ``been``)."""

from __future__ import annotations

import pytest

from cleaner import check, clean

# sentences as PDF-to-text tools give them (a ligature's glyph width read as a gap on either side)
CASES = [
    ("The ofﬁce of the chief technical ofﬁcer said the ﬁrst ﬂights were difﬁcult.",
     "The office of the chief technical officer said the first flights were difficult."),
    ("The scheme bene ﬁts the town, and it will bene ﬁ t the river too.",
     "The scheme benefits the town, and it will benefit the river too."),
    ("He was horri ﬁ ed that the ri ﬂ e had been sold.", "He was horrified that the rifle had been sold."),
    ("There were explosions at ﬁ rework factories and a ﬁ re at 6pm.",
     "There were explosions at firework factories and a fire at 6pm."),
    ("It was not my ﬁ nest hour, and the meat was not ﬁ t for sale.",
     "It was not my finest hour, and the meat was not fit for sale."),
    ("The ﬀ and the ﬃ and the ﬄ were all in the baﬄing ﬁle.", "The ff and the ffi and the ffl were all in the baffling file."),
    # two words that make a word at least as frequent as the rarer of them
    ("The agency is de ﬁning its eﬀ orts to reﬁ ne the data.", "The agency is defining its efforts to refine the data."),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_ligatures_are_written_out(text, expected):
    result = clean(text)
    assert result.text == expected
    assert clean(result.text).text == expected  # idempotent
    found = [f for f in check(text) if f.code == "E009"]
    assert found and all(f.fix == "safe" and text[f.start:f.end] == f.excerpt for f in found)


def test_words_beside_a_ligature_are_not_joined_when_both_are_words():
    text = "A ﬁt man ran. The ofﬁce is open. He took oﬀ the cap, and the in ﬂow was slow."
    assert clean(text).text == "A fit man ran. The office is open. He took off the cap, and the in flow was slow."


def test_no_finding_without_a_ligature_and_other_scripts_kept():
    text = "The IJsselmeer dam and Ĳmuiden port, the Džamonja family and the sign ﬀ."
    assert [f.code for f in check(text, select=["E009"])] == ["E009"]  # ĳ and Ǆ are letters of Dutch and Croatian
    assert clean(text).text == text.replace("ﬀ", "ff")
    assert check("The first office opened.", select=["E009"]) == []


def test_pieces_beside_a_ligature_are_not_read_as_misspellings(tmp_path, cli):
    (tmp_path / "scrape.txt").write_text("The scheme bene ﬁts the town on Monday, officials said.\n", encoding="utf-8")
    code, out, _ = cli("check", "scrape.txt", "--isolated", "--no-cache")
    assert "scrape.txt:1:12: E009 [*]" in out and "S002" not in out
    code, out, _ = cli("fix", "scrape.txt", "--isolated", "--no-cache")
    assert (tmp_path / "scrape.txt").read_text(encoding="utf-8") == "The scheme benefits the town on Monday, officials said.\n"

