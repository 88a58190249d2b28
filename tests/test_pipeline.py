"""The engine's contract: edits never overlap, never touch text no finding points at, fix is idempotent."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, check, clean
from cleaner.errors import ConfigError, InputError
from cleaner.finding import Finding
from cleaner.fixer import apply_edits, choose_edits

SAMPLES = [
    "The mayor\u200b said the caf\u00c3\u00a9 would  open.\n\nQ&amp;A with the <b>mayor</b>.",
    "Plain clean text that needs nothing at all.",
    "Tabs\tand trailing spaces   \nsecond line\x07 here.",
]


def test_choose_edits_prefers_safe_and_skips_overlaps():
    a = Finding("X001", "", 0, 5, suggestion="A", fix="unsafe", confidence=0.99)
    b = Finding("X002", "", 3, 8, suggestion="B", fix="safe", confidence=0.5)
    c = Finding("X003", "", 8, 8, suggestion="!", fix="safe")
    d = Finding("X004", "", 8, 8, suggestion="?", fix="safe", confidence=0.4)
    chosen = choose_edits([a, b, c, d], unsafe_fixes=True)
    assert chosen == [b, c]
    assert choose_edits([a], unsafe_fixes=False) == []


def test_apply_edits_copies_untouched_text():
    text = "0123456789"
    edits = [Finding("X", "", 2, 4, suggestion="ab", fix="safe"), Finding("X", "", 7, 7, suggestion="-", fix="safe")]
    assert apply_edits(text, edits) == "01ab456-789"


@pytest.mark.parametrize("text", SAMPLES)
def test_fix_is_idempotent_and_changes_only_pointed_text(text):
    result = clean(text)
    assert clean(result.text).text == result.text
    # Everything outside the applied findings' spans is unchanged, in order.
    applied = sorted((f for f in result.findings if f.applied), key=lambda f: f.start)
    rebuilt = apply_edits(text, applied)
    assert rebuilt == result.text or clean(rebuilt).text == result.text


def test_result_fields_and_verdicts():
    result = clean(SAMPLES[0])
    assert 0.0 <= result.score < 1.0
    assert result.verdict in {"clean", "fixable", "garbled"}
    assert result.text == "The mayor said the café would open.\n\nQ&A with the mayor."
    nothing = clean(SAMPLES[1])
    assert nothing.score == 1.0 and nothing.verdict == "clean" and nothing.findings == []


def test_check_returns_findings_and_never_changes_text():
    findings = check(SAMPLES[0])
    assert {f.code for f in findings} >= {"E001", "E002", "E003", "E004", "E006"}
    assert all(not f.applied for f in findings)


def test_select_limits_families():
    assert {f.code for f in check(SAMPLES[0], select=["E004"])} == {"E004"}
    assert not check(SAMPLES[0], ignore=["E"])


def test_a_name_in_angle_brackets_is_no_html_tag():
    """Wire copy marks companies as <Name>; a tag name ends at a space, "/" or ">", and markup has no
    bare capitalised words for attributes. Deleting these lost the company from the sentence."""
    text = ("The group agreed to buy <I P Sharp Associates Ltd> of Toronto, said broker "
            "<A.C. Goode and Co Ltd>, with <A/S Norske Shell> in <b>talks</b>.")
    flagged = [f.excerpt for f in check(text, select=["E003"])]
    assert flagged == ["<b>", "</b>"]
    assert "<I P Sharp Associates Ltd> of Toronto" in clean(text).text
    for tag in ("<br/>", "<br />", '<span class="x">', "<I>"):  # markup, one tag a text (two make it a page)
        assert [f.excerpt for f in check(f"Line one.{tag}Line two of the article.", select=["E003"])] == [tag]


def test_a_stock_symbol_after_its_company_is_no_html_tag():
    """Wire copy gives a company's stock symbol in angle brackets after its name; one-letter symbols and
    <EM> look like tags, but sit after a capitalised word and a space, and no tag closes them."""
    text = ("Icahn's bid for USAir Group Inc <U> has clouded the fate of Piedmont.\n\nPhilips Petroleum <P> "
            "gained 3/4, while Entertainment Marketing Inc <em> said it made an offer.")
    assert check(text, select=["E003"]) == []
    assert clean(text).text == text
    # markup all the same: closed on the same line, or not after a name
    for markup in ("Shares of Acme Corp <b>rose</b> sharply on Monday.", "the mayor <i> said on Monday it rained.",
                   "Acme Corp<U> said on Monday it would sell the unit."):
        assert check(markup, select=["E003"]), markup


def test_a_tag_quoted_in_a_line_of_code_is_no_leftover_markup():
    """A how-to article shows program code that builds HTML (a goose3 test page: a WordPress shortcode
    in PHP); E003 deleted the tags from its string literals, changing the code the article shows."""
    code = ("So in your functions.php file add this code:\n"
            "$val.= '<a itemprop=\"url\" href=\"' . site_url() . '\">';\n"
            "$val.= '<strong>' . $atts[\"name\"] . '</strong>';\n"
            "$val.= '<span itemprop=\"addressLocality\">' . $atts[\"city\"] . '</span>, <span>' . $zip . '</span>';")
    assert Cleaner(select=["E003"]).check(code, kind="text").findings == []
    assert Cleaner().clean(code, kind="text").text == code
    # markup all the same: no quote touches the tag, or the line is no statement
    for markup in ("The <b>mayor</b> said on Monday;", "He typed '<b>' and the page went bold."):
        assert check(markup, select=["E003"]), markup


def test_unsafe_fixes_flag():
    text = "Line one.<br>Line two of the article."
    assert "<br>" in clean(text).text
    assert "<br>" not in clean(text, unsafe_fixes=True).text


def test_bad_arguments_raise_typed_errors():
    with pytest.raises(InputError):
        clean(b"bytes are not text")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="unknown key 'selec'"):
        clean("x", config={"selec": ["B"]})


def test_clean_many_is_ordered_and_matches_single(clean_bodies):
    texts = list(clean_bodies.values())[:12] + SAMPLES
    cleaner = Cleaner()
    single = [cleaner.clean(t).text for t in texts]
    assert [r.text for r in cleaner.clean_many(texts, jobs=1)] == single
    assert [r.text for r in cleaner.clean_many(texts, jobs=2, chunksize=2)] == single


def test_html_is_detected_and_extracted():
    html = ("<html><body><article><p>The council voted on Tuesday to approve the budget for the coming year "
            "after a long debate.</p><p>The vote was seven to two, officials said.</p></article></body></html>")
    result = clean(html, url="https://www.example.com/news/1")
    assert result.kind == "html"
    assert result.text.startswith("The council voted")
    assert "\n\nThe vote was seven to two" in result.text
    assert result.metadata["site"] == "example.com"
    fragment = clean("<p>First paragraph of a fragment.</p><p>Second one.</p>")
    assert fragment.text == "First paragraph of a fragment.\n\nSecond one."


def test_library_never_prints(capsys):
    clean(SAMPLES[0])
    check("Der Bürgermeister sagte, dass die Brücke im Frühjahr öffnet, und die Stadt freut sich sehr darauf.")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_fix_is_idempotent_on_random_damaged_text():
    """Seeded fuzz over the characters and tokens scraped copy breaks on: fix(fix(x)) == fix(x)."""
    import random

    rng = random.Random(7)
    alphabet = list('abc ABC.,;:!?"“”‘’\'«»„ \n\n-—()[]&;#\u200b\u00a0Ã©') + [
        "Said", " said", "the", "Co.", "U.S.", "[ad_1]", "Source link", "&amp;", "World news."]
    cleaner = Cleaner(unsafe_fixes=True)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 80)))
        once = cleaner.clean(text).text
        assert cleaner.clean(once).text == once, repr(text)


def test_language_shares_count_every_token_and_script_decides_first():
    """The shares come from counted words; a text mostly in another script is not English however
    many English function words it quotes, and a few accented or Greek letters do not change that."""
    from cleaner.language import _WORD, _profile, function_word_share, is_language

    text = "The mayor said that the bridge, the road and the tunnel would open in the spring of 2025."
    tokens = _WORD.findall(text.lower())
    assert function_word_share(text) == sum(t in _profile("en")[0] for t in tokens) / len(tokens) > 0.3
    assert is_language(text)
    assert is_language(text + " Café owners in Zürich and the Ωmega fund agreed.")
    assert not is_language("Мэр сказал, что мост откроется весной, и the bridge will open in the spring.")
    assert is_language("Too short for a verdict.")


def test_language_test_reads_the_documents_word_tokens_exactly():
    """The pipeline passes the words the spelling checks count; the verdict and shares stay those
    of the text's own scan, apostrophes, dotted capital I and texts past the 20,000-character sample
    included."""
    from collections import Counter

    from cleaner.document import Document
    from cleaner.language import _counts, _shares, _token_shares, is_language

    texts = [
        "The mayor's office said it'd open the bridge in the spring, O’Brien and the council agreed.",
        "İstanbul'un belediye başkanı köprünün ilkbaharda açılacağını söyledi ve meclis kabul etti.",
        "Der Bürgermeister sagte, dass die Brücke im Frühjahr öffnet, und der Rat stimmte zu.",
        "the " * 3000 + "Der Bürgermeister sagte, dass die Brücke im Frühjahr öffnet. " * 400,
        "Short one.",
        "L'homme qu’il a vu dell'anno: c'est l'été, d’accord? The mayor's O’Brien it's I'D DON'T.",
        "Σ ΟΔΟΣ όδος' the ΣΟΦΙΑ'Σ; ǅemal ǆemal Ǆemal, ﬁne ﬂow and the Straße’s STRASSE",
    ]
    for text in texts:
        doc = Document(text)
        assert doc.word_tokens == Counter(doc.word_tokens)  # a Counter of the text's words
        assert is_language(text, "en", doc.word_tokens) == is_language(text, "en")
        if "İ" not in text and len(text) <= 20000:  # (is_language scans the text itself otherwise)
            assert _token_shares(doc.word_tokens) == (sum(_counts(text).values()), _shares(text))
    assert is_language(texts[0], "en", Document(texts[0]).word_tokens)
    assert not is_language(texts[2], "en", Document(texts[2]).word_tokens)
    assert Document("it's the O’Brien's cat, it's").word_tokens == Counter({"it's": 2, "the": 1, "O’Brien's": 1, "cat": 1})


def _windows_1252_dump(text: str) -> str:
    """``text`` as a scraper that read UTF-8 as Windows-1252 leaves it: undefined bytes dropped."""
    return text.encode("utf-8").decode("cp1252", errors="ignore")


def test_a_closing_quote_that_lost_its_third_byte_to_windows_1252_is_restored():
    story = ("“We had no choice,” she told reporters. “Every year we delay, the cost goes up.”\n\n"
             "A code‐inspection tool flagged the flaw — and the vendor patched it.")
    damaged = _windows_1252_dump(story)
    assert "â€ she" in damaged and "up.â€\n" in damaged and "codeâ€inspection" in damaged
    result = clean(damaged)
    assert result.text == story  # not "choice,†she", not "choice, ” she" (a space put in before the repair)
    assert all(f.code == "E001" for f in result.findings if f.applied)
    # encoded twice, the same
    assert clean(_windows_1252_dump(_windows_1252_dump("“Quotes are worse,” the editor added."))).text == (
        "“Quotes are worse,” the editor added.")


def test_punctuation_encoded_twice_is_repaired_whatever_follows_it():
    # encoded twice, E2 80 xx is "Ã¢â‚¬" and then xx encoded twice ("â„¢" for ’, "Â¦" for …, "â€" for —
    # whose own third byte was lost): read as the start of the next sequence, a lost ” was put back there
    # and "group’s" became "group”™s"; between words and between spaces alike
    story = ("The group’s lawyers — two of them — said the ruling was “final” … and the 2019 list had • marks; "
             "a vote – the last – followed.")
    damaged = _windows_1252_dump(_windows_1252_dump(story))
    assert "Ã¢â‚¬â„¢" in damaged and "Ã¢â‚¬Â¦" in damaged
    assert clean(damaged).text == story


@pytest.mark.parametrize("text", ["\x80Ã¢â‚¬â„¢ ", "Prices rose 5% (Ã¢â‚¬â„¢ â‚¬) on Monday.\n\nThe end."])
def test_a_lost_byte_that_ftfy_leaves_unread_never_reaches_the_output(text):
    # a put-back third byte before a sequence ftfy does not repair stayed in the text, one more each round
    for unsafe in (False, True):
        once = Cleaner(unsafe_fixes=unsafe).clean(text, kind="text").text
        assert "\x9d" not in once and "\x90" not in once
        assert Cleaner(unsafe_fixes=unsafe).clean(once, kind="text").text == once


def test_a_dagger_before_a_no_break_space_is_left_to_ftfy():
    # † is E2 80 A0: read as Windows-1252 its third byte is a no-break space, kept by the page
    assert clean("Smith\u00e2\u20ac\u00a0was elected in 1998.").text == "Smith†was elected in 1998."


def test_a_closing_quotes_third_byte_replaced_in_an_earlier_decode_is_put_back():
    # ” is E2 80 9D; 9D is no Windows-1252 character, and a decoder that replaces what it cannot map
    # leaves U+FFFD after the mojibake (between letters the lost byte is the hyphen's, E2 80 90)
    text = "\u201cWe lost half our customers,\u00e2\u20ac\ufffd she said of the code\u00e2\u20ac\ufffdbased plan."
    result = clean(text)
    assert result.text == "\u201cWe lost half our customers,\u201d she said of the code\u2010based plan."
    assert [f.code for f in result.findings if f.applied] == ["E001", "E001"]


@pytest.mark.parametrize("damaged, repaired", [
    ("\u00c2\u00a9 2023 The Valley Ledger. Prices rose.", "\u00a9 2023 The Valley Ledger. Prices rose."),
    ("Lunch costs \u00c2\u00a310 and it was 30\u00c2\u00b0C.", "Lunch costs \u00a310 and it was 30\u00b0C."),
    # a no-break space's lead byte, before the no-break space or the plain space a scraper made of it
    ("The\u00c2\u00a0Scot initially defended Beattie.", "The\u00a0Scot initially defended Beattie."),
    ("By\u00c2 playing games,\u00c2 like pass-the-parcel.", "By\u00a0playing games,\u00a0like pass-the-parcel."),
])
def test_the_lead_byte_of_a_latin1_sign_read_as_windows_1252_is_deleted_safely(damaged, repaired):
    # C2 is the first byte of a Latin-1 sign's UTF-8: "Â" before the sign is no letter of any word
    assert clean(damaged).text == repaired


def test_a_letter_a_with_circumflex_before_a_letter_is_left_alone():
    assert clean("\u00c2ge et sagesse, the French series, opened.").text == "\u00c2ge et sagesse, the French series, opened."


def test_control_characters_inside_mojibake_are_repaired_not_deleted():
    # a UTF-8 apostrophe read as Latin-1: its last two bytes are C1 controls; E005 must leave them to E001
    text = "Russia\u00e2\u0080\u0099s central bank raised rates.\n\nThe governor said\x07 more may come."
    result = clean(text)
    assert result.text == "Russia\u2019s central bank raised rates.\n\nThe governor said more may come."
    codes = sorted((f.code, f.start) for f in result.findings if f.applied)
    assert codes == [("E001", 6), ("E005", text.index("\x07"))]


def _outside(text: str, spans: list) -> list:
    """The stretches of ``text`` no span covers, in order."""
    pieces, pos = [], 0
    for start, end in sorted(spans):
        if start > pos:
            pieces.append(text[pos:start])
        pos = max(pos, end)
    pieces.append(text[pos:])
    return [p for p in pieces if p]


def test_a_second_round_edit_is_reported_on_the_original_text(clean_bodies):
    """A Reuters body ends with a credit line and a copyright line: B013 deletes the credit and B007
    the copyright (in round 1 since B shapes the two deletions apart; a later round would find the
    copyright again). Both deletions are reported, at their places in the original text, and nothing
    is left."""
    text = next(body for body in clean_bodies.values() if body.endswith("Tom Brown)\n\n© Reuters"))
    result = clean(text)
    assert result.text.endswith('"It will be really exciting."')
    applied = {f.code: f for f in result.findings if f.applied}
    assert set(applied) == {"B013", "B007"}
    assert "fix_round" not in applied["B013"].extra and applied["B007"].extra.get("fix_round", 1) in (1, 2)
    assert text[applied["B007"].start:applied["B007"].end].endswith("© Reuters")
    assert applied["B007"].line == text[:text.index("© Reuters", applied["B007"].start)].count("\n") + 1
    assert result.remaining == [] and result.verdict == "clean"
    # every character outside the applied edits is still there, in order
    kept = _outside(text, [(f.edit_start, f.edit_end) for f in applied.values()])
    pos = 0
    for piece in kept:
        pos = result.text.index(piece, pos) + len(piece)
    # check rates the article as clean does, and reports the first round only
    checked = Cleaner().check(text)
    assert (checked.score, checked.verdict) == (result.score, result.verdict)
    assert [f.code for f in checked.findings] == ["B013", "B007"] and not any(f.applied for f in checked.findings)


def test_findings_left_after_fixing_are_reported_where_they_are_in_the_original():
    """What is left is reported once, at its original place (line and column of the input), and
    also in ``remaining`` at its place in the fixed text."""
    text = "Caf&eacute;  owners said.\n\nThe  mayor said the plan was a mistke, officials said."
    result = clean(text)
    left = [f for f in result.findings if not f.applied]
    assert [f.code for f in left] == [f.code for f in result.remaining] == ["S002"]
    assert text[left[0].start:left[0].end] == "mistke" == result.text[result.remaining[0].start:result.remaining[0].end]
    assert (left[0].line, left[0].col) == (3, text.split("\n")[2].index("mistke") + 1)


def _conflict(a, b) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def test_choose_edits_matches_the_pairwise_definition_on_random_edits():
    """The indexed conflict test keeps exactly the edits a greedy pass comparing every pair keeps."""
    import random

    rng = random.Random(3)
    for _ in range(400):
        findings = []
        for _ in range(rng.randint(0, 40)):
            start = rng.randint(0, 60)
            end = start + rng.choice([0, 0, 1, 2, 5, 12])
            findings.append(Finding("X001", "", start, end, suggestion="x", fix=rng.choice(["safe", "unsafe", "none"]),
                                    confidence=rng.choice([0.5, 0.9, 1.0])))
        for unsafe in (False, True):
            order = sorted((f for f in findings if f.fix == "safe" or (unsafe and f.fix == "unsafe")),
                           key=lambda f: (f.fix != "safe", -f.confidence, f.start, -(f.end - f.start), f.code))
            expected = []
            for f in order:
                if not any(_conflict(f, k) for k in expected):
                    expected.append(f)
            expected.sort(key=lambda f: (f.start, f.end))
            assert [id(f) for f in choose_edits(findings, unsafe)] == [id(f) for f in expected]
