"""S004: words a print or PDF line break divided at a hyphen, the break read as a space (``rein- stated``):
joined again only in text that shows it was set in lines, never a compound broken at its own hyphen."""

from __future__ import annotations

from cleaner import check, clean

# a PDF scrape of a two-column story: line-end hyphens kept, the line breaks read as spaces
SCRAPE = ("The council voted on Tuesday to have the ban rein- stated after an inter- national review found "
          "that the orga- nisers had not consulted residents. The middle- class suburbs, which had long- term "
          "contracts, were exempt.\n\nThe mayor said the decision would be re- viewed in the spring, and that "
          "pre- and post-war housing would be treated alike.")


def test_divided_words_are_joined_and_compounds_broken_at_their_hyphen_are_left():
    result = clean(SCRAPE)
    assert "the ban reinstated after" in result.text
    assert "the organisers had not" in result.text
    assert "The middle- class suburbs, which had long- term contracts" in result.text  # real hyphens
    assert "pre- and post-war" in result.text  # a hanging hyphen
    applied = {(f.excerpt, f.suggestion) for f in result.findings if f.code == "S004" and f.applied}
    assert applied == {("rein- stated", "reinstated"), ("orga- nisers", "organisers")}
    # a prefix that takes a hyphen in its own right before a word: only suggested
    suggested = {(f.excerpt, f.suggestion, f.fix) for f in check(SCRAPE) if f.code == "S004"} - {
        (e, s, "safe") for e, s in applied}
    assert suggested == {("inter- national", "international", "unsafe"), ("re- viewed", "reviewed", "unsafe")}
    assert clean(result.text).text == result.text  # idempotent


def test_the_pieces_of_a_divided_word_are_not_reported_as_misspellings():
    found = check(SCRAPE)
    assert not [f for f in found if f.code in ("S001", "S002") and f.excerpt in ("orga", "nisers", "rein", "stated")]


def test_one_divided_word_without_other_print_evidence_is_left_alone():
    text = "The council voted on Tuesday to have the ban rein- stated after a review, officials said."
    assert [f for f in check(text) if f.code == "S004"] == []
    assert clean(text).text == text


def test_a_ligature_or_hard_wrapped_lines_are_print_evidence_for_one_divided_word():
    ligature = "The ofﬁce said on Tuesday that the ban was rein- stated after a review."
    assert "the ban was reinstated after" in clean(ligature).text
    # the join does not wait for the ligature's repair in its paragraph (the ligature, its evidence, is
    # gone in the next round), and check lists what fix applies
    listed = [(f.code, f.start, f.suggestion) for f in check(ligature) if f.fix == "safe"]
    applied = [(f.code, f.start, f.suggestion) for f in clean(ligature).findings if f.applied]
    assert listed == applied == [("E009", 4, "office"), ("S004", 43, "reinstated")]
    wrapped = ("The council said on Tuesday that the ban,\nwhich was lifted last year, was rein- stated\nafter "
               "a review of the\nplan by the city's lawyers.")
    assert "was reinstated\nafter" in clean(wrapped).text


def test_a_form_the_article_writes_with_its_hyphen_is_only_suggested():
    text = ("The agency was reor- ganised and its data base- lined in May. Officials said the whole "
            "reor-ganised unit would move, and the tran- sition would be complete by June.")
    found = {f.excerpt: f.fix for f in check(text) if f.code == "S004"}
    assert found["reor- ganised"] == "unsafe" and found["tran- sition"] == "safe"


def test_fix_joins_a_divided_word_in_a_file(tmp_path, cli):
    (tmp_path / "scrape.txt").write_text(SCRAPE + "\n", encoding="utf-8")
    code, out, _ = cli("check", "scrape.txt", "--isolated", "--no-cache", "--select", "S004")
    assert "scrape.txt:1:46: S004 [*] 'rein- stated' is one word a print line break divided: 'reinstated'" in out
    cli("fix", "scrape.txt", "--isolated", "--no-cache", "--select", "S004")
    fixed = (tmp_path / "scrape.txt").read_text(encoding="utf-8")
    assert "the ban reinstated after an inter- national review" in fixed and "the organisers had" in fixed


def test_divided_words_are_found_alike_at_the_hyphens_and_by_a_scan_of_the_whole_text():
    """S004 matches its pattern only where a hyphen and a space stand; it finds what a scan finds,
    whatever the letters, digits, underscores and hyphens around them."""
    import random

    from cleaner.checks import spelling

    rng = random.Random(3)
    parts = ["a", "b", "Z", "é", "- ", "-", " ", "_", "1", "²", "x" * 29, "y" * 31, "\n", "’", "a- b", "rein- stated"]
    found = 0
    for _ in range(30000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        scan = [(m.span(), m.groups()) for m in spelling._HYPHEN_REMNANT.finditer(text)]
        assert [(m.span(), m.groups()) for m in spelling._remnant_matches(text)] == scan, text
        found += bool(scan)
    assert found > 3000
