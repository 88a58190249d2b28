"""The extract stage: whole pages through trafilatura, fragments and fallbacks through BeautifulSoup."""

from __future__ import annotations

from pathlib import Path

from cleaner import Cleaner
from cleaner.extract import extract_html, looks_like_html, page_metadata

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "boilerplate"


def test_page_metadata_and_paragraphs():
    html = (FIXTURES / "related_promos.html").read_text(encoding="utf-8")
    doc = extract_html(html)
    assert doc.kind == "html"
    assert doc.metadata["extractor"] == "trafilatura"
    assert doc.metadata["title"] == "Storm closes coastal highway for second day"
    assert doc.metadata["author"] == "Dana Whitfield"
    assert doc.metadata["date"] == "2024-02-14"
    assert doc.metadata["site"] == "The Coastal Ledger"
    assert doc.metadata["hostname"] == "coastalledger.example"
    # paragraphs are kept, separated by blank lines; navigation and footer are gone
    texts = [p.text for p in doc.paragraphs]
    assert any(t.startswith("State officials kept the coastal highway closed") for t in texts)
    assert any(t.startswith("The transportation department said") for t in texts)
    assert "\n\n" in doc.text
    assert "About us" not in doc.text and "Home" not in texts


def test_url_argument_wins_and_gives_the_host():
    html = (FIXTURES / "related_promos.html").read_text(encoding="utf-8")
    doc = extract_html(html, "https://www.mirror.example/copy/1")
    assert doc.metadata["url"] == "https://www.mirror.example/copy/1"
    assert doc.metadata["hostname"] == "mirror.example"


def test_fragment_goes_through_beautifulsoup_with_paragraphs():
    fragment = "<p>The first <b>paragraph</b> of the story.</p><p>The second one, with a <a href='#'>link</a>.</p>"
    assert looks_like_html(fragment)
    doc = extract_html(fragment)
    assert doc.metadata["extractor"] == "beautifulsoup"
    assert [p.text for p in doc.paragraphs] == ["The first paragraph of the story.", "The second one, with a link."]


def test_page_trafilatura_cannot_read_falls_back_to_beautifulsoup():
    html = "<html><body><nav>Menu</nav><div><p>Only a short note.</p></div></body></html>"
    doc = extract_html(html)
    assert "Only a short note." in doc.text
    assert doc.metadata["extractor"] in {"trafilatura", "beautifulsoup"}


def test_plain_text_is_not_html():
    assert not looks_like_html("The mayor said 3 < 4 and 5 > 2 on Monday.")


def test_meta_tag_metadata_from_a_parsed_tree():
    import lxml.html

    tree = lxml.html.fromstring(
        "<html><head><title>Page title | Site</title><meta name='author' content='https://x.example/a'>"
        "<meta property='og:site_name' content='https://www.news.example'></head>"
        "<body><h1>Real headline</h1><time datetime='2023-05-06T10:00'>May 6</time></body></html>"
    )
    meta = page_metadata(tree, None)
    assert meta["title"] == "Real headline"  # og:title absent: the h1 beats the <title>
    assert meta["author"] is None  # a URL is not a name
    assert meta["date"] == "2023-05-06"
    assert meta["site"] == "news.example"


def test_metadata_reads_only_the_elements_that_carry_it():
    import lxml.html

    tree = lxml.html.fromstring(
        "<html><head>"
        "<link rel='alternate' href='https://news.example/feed'><link rel='canonical'>"
        "<link rel='canonical' href='https://news.example/2024/01/02/budget'>"
        "<script type='text/javascript'>{\"datePublished\": \"1999-01-01\"}</script></head>"
        "<body><svg><title>Share icon</title></svg><time>Tuesday</time>"
        "<time datetime='2024-01-02T09:00'>Jan 2</time><p>The council met.</p></body></html>"
    )
    meta = page_metadata(tree, None)
    assert meta["title"] is None  # an <svg> icon's title is not the page's
    assert meta["url"] == "https://news.example/2024/01/02/budget"  # the canonical link with an href
    assert meta["date"] == "2024-01-02"  # not the script that is no JSON-LD, not the <time> without datetime
    assert meta["hostname"] == "news.example"


def test_clean_on_html_returns_body_without_boilerplate():
    html = (FIXTURES / "related_promos.html").read_text(encoding="utf-8")
    result = Cleaner(select=["B"]).clean(html)
    assert result.kind == "html"
    assert "Subscribe to" not in result.text and "All rights reserved" not in result.text
    assert result.text.startswith("State officials kept the coastal highway closed")
    assert result.metadata["title"] == "Storm closes coastal highway for second day"


def test_json_ld_byline_and_url_date_fill_missing_metadata():
    import lxml.html

    tree = lxml.html.fromstring(
        "<html><head><script type='application/ld+json'>"
        '{"@graph": [{"@type": "NewsArticle", "author": [{"name": "Ana Ruiz"}, {"name": "Tom Reed"}]}]}'
        "</script></head><body><h1>Headline</h1></body></html>"
    )
    meta = page_metadata(tree, "https://news.example/2021/03/04/story")
    assert meta["author"] == "Ana Ruiz; Tom Reed"
    assert meta["date"] == "2021-03-04"
    tree = lxml.html.fromstring("<html><body><h1>H</h1><p class='byline'>By Jane Doe</p><p>x</p></body></html>")
    assert page_metadata(tree, None)["author"] == "Jane Doe"


def _bench():
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / "extraction.py"
    spec = importlib.util.spec_from_file_location("bench_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_metric_matches_the_upstream_definition():
    bench = _bench()
    # 6 tokens -> 3 shingles each; one shingle shared
    tp, fp, fn = bench.tp_fp_fn("a b c d e f", "c d e f g h")
    assert (tp, fp, fn) == (1 / 5, 2 / 5, 2 / 5)
    # fewer than 4 tokens: one shorter shingle; case is kept
    assert bench.shingles("The cat") == {("The", "cat"): 1}
    assert bench.tp_fp_fn("The cat", "the cat") == (0.0, 0.5, 0.5)
    # both empty: no counts, left out of both means
    assert bench.tp_fp_fn("", "") == (0.0, 0.0, 0.0)
    m = bench.prf([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0), (0.0, 0.0, 0.0), (0.0, 0.0, 1.0)])
    assert m["precision"] == (1.0 + 0.5) / 2  # the empty prediction has no precision
    assert m["recall"] == (1.0 + 1.0 + 0.0) / 3
    assert abs(m["f1"] - 2 * 0.75 * (2 / 3) / (0.75 + 2 / 3)) < 1e-12


def test_loose_text_between_brs_in_a_fragment_is_body():
    fragment = ("<div>The council met on Tuesday and voted 7-2.<br><br>Opponents said they <b>would</b> appeal."
                "<!-- ad slot --><p>The depot opened in 1962.</p>Riders asked for more buses.<br></div>")
    doc = extract_html(fragment)
    assert doc.text.split("\n\n") == [
        "The council met on Tuesday and voted 7-2.", "Opponents said they would appeal.",
        "The depot opened in 1962.", "Riders asked for more buses.",
    ]


# -- [extract] settings and the precision coverage check ----------------------------------------------
REPRINT_PAGE = FIXTURES / "reprint_notice.html"
STORY_START = "Harbour Council voted on Tuesday night"
STORY_END = "before the temporary pontoon opens."


def test_precision_keeps_the_story_not_the_reprint_notice():
    doc = extract_html(REPRINT_PAGE.read_text(encoding="utf-8"))
    assert doc.text.startswith(STORY_START) and doc.text.endswith(STORY_END)
    assert "Creative Commons" not in doc.text
    assert "extract_fallback" not in doc.metadata


def test_fast_precision_that_keeps_only_the_notice_falls_back_to_a_balanced_reading(monkeypatch):
    html = REPRINT_PAGE.read_text(encoding="utf-8")
    import cleaner.extract as extract

    monkeypatch.setattr(extract, "COVERAGE", 0.0)  # without the check: the notice alone, the story lost
    lost = extract_html(html, favor="precision", fast=True)
    assert STORY_START not in lost.text and "Creative Commons" in lost.text
    monkeypatch.undo()
    doc = extract_html(html, favor="precision", fast=True)
    assert doc.metadata["extract_fallback"] == "balanced"
    assert STORY_START in doc.text and doc.text.endswith(STORY_END)


def test_extract_settings_reach_extraction_through_the_cleaner():
    html = REPRINT_PAGE.read_text(encoding="utf-8")
    default = Cleaner(select=["E"]).document(html)
    recall = Cleaner({"extract": {"favor": "recall", "fast": True}}, select=["E"]).document(html)
    assert "Creative Commons" not in default.text
    assert "Creative Commons" in recall.text and STORY_START in recall.text


def test_extract_settings_are_validated_with_clear_errors():
    import pytest

    from cleaner.errors import ConfigError

    with pytest.raises(ConfigError, match=r"'extract.favor' must be one of 'balanced', 'precision', 'recall', not 'recal' \(did you mean 'recall'\?\)"):
        Cleaner({"extract": {"favor": "recal"}})
    with pytest.raises(ConfigError, match="'extract.fast' must be true or false"):
        Cleaner({"extract": {"fast": "quick"}})
    with pytest.raises(ConfigError, match=r"unknown key 'extract.favour' \(did you mean 'favor'\?\)"):
        Cleaner({"extract": {"favour": "recall"}})


def test_extract_settings_in_a_config_file_and_config_show(cli, tmp_path):
    (tmp_path / "news-cleaner.toml").write_text('[extract]\nfavor = "balanced"\n', encoding="utf-8")
    code, out, _ = cli("config", "--show")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("extract = "))
    assert line.startswith('extract = {favor = "balanced", fast = false}') and "news-cleaner.toml" in line
    (tmp_path / "page.html").write_text(REPRINT_PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "news-cleaner.toml").write_text('[extract]\nfast = "sometimes"\n', encoding="utf-8")
    code, _, err = cli("check", "page.html")
    assert code == 2 and "'extract.fast' must be true or false" in err


# -- fragments (no <html>/<body>) go through trafilatura ----------------------------------------------
AUTOBLOG_FRAGMENT = FIXTURES / "autoblog_fragment.html"
LOOSE_LINE = "Cyclists and pedestrians will keep a narrow lane on the north side of the bridge for most of the work."


def test_autoblog_fragment_goes_through_trafilatura_and_keeps_loose_text_in_order():
    doc = extract_html(AUTOBLOG_FRAGMENT.read_text(encoding="utf-8"))
    assert doc.metadata["extractor"] == "trafilatura"
    paragraphs = doc.text.split("\n\n")
    assert LOOSE_LINE in paragraphs  # precision trafilatura drops it unless it is made a paragraph
    starts = [next(i for i, p in enumerate(paragraphs) if p.startswith(s)) for s in ("Drivers", "Cyclists", "“The deck")]
    assert starts == sorted(starts)
    assert "Source link" not in doc.text


def test_autoblog_fragment_cleaned_is_the_story_alone():
    from cleaner import clean

    result = clean(AUTOBLOG_FRAGMENT.read_text(encoding="utf-8"), select=["B", "E"])
    assert result.text.split("\n\n") == [
        "The Harlow Street bridge on Monday. (Photo: City of Dunmore)",
        "DUNMORE — The Harlow Street bridge will close for six weeks from June 3 while crews replace the deck, "
        "the city's public works department said Monday.",
        "Drivers will be detoured via Ninth Avenue and Route 11. The department said buses would keep their stops "
        "but run about five minutes later during the morning rush.",
        LOOSE_LINE,
        "“The deck has reached the end of its life,” public works director Alma Reyes said in a statement. "
        "“We would rather close it on our schedule than on the bridge’s.”",
        "The $3.1 million project is paid for by a state grant approved last year. A second phase, to repaint the "
        "steel girders, is planned for 2026.",
    ]


def test_a_short_fragment_keeps_inline_tags_in_its_paragraphs_in_every_favor():
    fragment = "<p>The first <b>paragraph</b> of the story.</p><p>The second one, with a <a href='#'>link</a>.</p>"
    for favor in ("precision", "balanced", "recall"):
        doc = extract_html(fragment, favor=favor)  # trafilatura's short-text rescue splits at <b> and <a>
        assert doc.text == "The first paragraph of the story.\n\nThe second one, with a link.", favor


def test_the_balanced_second_reading_is_made_fast_first_and_in_full_only_when_that_one_passes():
    from types import SimpleNamespace

    from cleaner.extract import _longer_balanced_reading, trafilatura_options

    def reader(fast_words: int, full_words: int):
        calls = []

        def bare_extraction(tree, url=None, **options):
            calls.append(options["fast"])
            return SimpleNamespace(text=" ".join(["word"] * (fast_words if options["fast"] else full_words)))

        return SimpleNamespace(bare_extraction=bare_extraction), calls

    balanced = trafilatura_options("balanced")
    module, calls = reader(fast_words=120, full_words=130)  # precision kept 100: nothing twice as long
    assert _longer_balanced_reading(module, None, None, balanced, 100) is None and calls == [True]
    module, calls = reader(fast_words=250, full_words=260)  # the fast reading passes: the full one is used
    assert len(_longer_balanced_reading(module, None, None, balanced, 100).split()) == 260 and calls == [True, False]
    module, calls = reader(fast_words=250, full_words=150)  # the full reading decides
    assert _longer_balanced_reading(module, None, None, balanced, 100) is None
    module, calls = reader(fast_words=250, full_words=0)  # fast settings: the fast reading is the reading
    assert len(_longer_balanced_reading(module, None, None, {**balanced, "fast": True}, 100).split()) == 250
    assert calls == [True]


def _counting_bare_extraction(monkeypatch):
    """Record the ``fast`` setting of every trafilatura reading extract_html makes."""
    import trafilatura

    real, calls = trafilatura.bare_extraction, []

    def counting(tree, url=None, **options):
        calls.append((options["favor_precision"], options["fast"]))
        return real(tree, url=url, **options)

    monkeypatch.setattr(trafilatura, "bare_extraction", counting)
    return calls


def test_a_plain_story_page_is_read_once_fast_and_gives_the_full_readings_text(monkeypatch):
    html = (FIXTURES / "related_promos.html").read_text(encoding="utf-8")
    full = extract_html(html, fast=False)  # before counting: the reading the shortcut must equal
    import trafilatura
    from trafilatura.utils import load_html

    from cleaner.extract import trafilatura_options

    reference = trafilatura.bare_extraction(load_html(html), **trafilatura_options("precision")).text
    calls = _counting_bare_extraction(monkeypatch)
    doc = extract_html(html)
    assert calls == [(True, True)]  # one precision reading without readability/jusText
    assert doc.text == full.text
    assert [" ".join(p.split()) for p in reference.split("\n") if p.strip()] == doc.text.split("\n\n")


def test_a_doubtful_fast_reading_is_made_again_in_full(monkeypatch):
    # a short page: under trafilatura's 250-character minimum its second opinions may replace the reading
    html = ("<html><head><title>Pier</title></head><body><article><p>The pier reopened on Monday after "
            "repairs.</p><p>Anglers came back within the hour.</p></article></body></html>")
    calls = _counting_bare_extraction(monkeypatch)
    doc = extract_html(html)
    assert calls[:2] == [(True, True), (True, False)]
    assert "The pier reopened on Monday" in doc.text


def test_fast_reading_is_final_only_for_a_plain_body_that_covers_the_page():
    from cleaner.extract import fast_reading_is_final

    assert fast_reading_is_final(2400, 400, 500, plain_body=True)
    assert not fast_reading_is_final(2400, 400, 500, plain_body=False)  # a <nav> or a table left in
    assert not fast_reading_is_final(200, 40, 40, plain_body=True)  # short: jusText may replace it
    assert not fast_reading_is_final(2400, 200, 500, plain_body=True)  # under half the page's <p> words


def test_a_sentence_precision_dropped_between_two_kept_paragraphs_is_put_back_and_nothing_else():
    from cleaner.extract import restore_dropped_sentences

    kept = ["The council voted on Tuesday to close the downtown depot by the end of next year.",
            "The depot opened in 1962 and employs about 140 mechanics and drivers."]
    lost = "The vote was announced in a statement published Monday by the transit authority."
    page = ["Home News Sport", "Sign up for our daily newsletter to get the latest news in your inbox.", kept[0],
            lost, kept[1], "Read the full statement from the transit authority on its website today."]
    # only the gap between the two kept paragraphs; a promo above the story and a line below it stay out
    assert restore_dropped_sentences(kept, page) == [kept[0], lost, kept[1]]
    # a gap that holds a non-sentence (a share button, a caption) is left as precision read it
    assert restore_dropped_sentences(kept, [kept[0], lost, "Share", kept[1]]) == kept
    # paragraphs kept out of page order are not bridged
    assert restore_dropped_sentences(kept, [kept[1], lost, kept[0]]) == kept


def test_a_linked_phrase_in_a_span_named_link_stays_in_its_sentence_in_precision_mode():
    # trafilatura's precision mode discards elements whose class is "link" (meant for link bars):
    # inside a paragraph such a span is part of the sentence
    sentence = ("CBS Sports insider Jason Lane has reported that <span class=\"link\"><a href=\"/n\">the league will "
                "fine the quarterback</a></span> for his role in the fight on Thursday night.")
    body = "".join(f"<p>{s}</p>" for s in (
        "The quarterback spoke to reporters on Monday about the fight that ended the game early.",
        sentence,
        "His coach said the team would appeal any punishment handed down by the league this week.",
        "The two teams meet again in three weeks, this time in Pittsburgh, at one in the afternoon."))
    page = (f"<html><head><title>Fight</title></head><body><article><h1>Fight</h1>{body}</article>"
            "<div class=\"link\"><a href=\"/a\">Scores</a> <a href=\"/b\">Standings</a></div></body></html>")
    text = extract_html(page, favor="precision").text
    assert "has reported that the league will fine the quarterback for his role" in text
    assert "Standings" not in text


def test_a_paragraph_after_a_wordpress_more_anchor_stays_in_precision_mode():
    # a WordPress post marks where its excerpt ends with an empty <span id="more-N"> at the start of the
    # next paragraph; trafilatura's precision mode dropped that paragraph
    paras = ["The imam spoke to the congregation on Friday about the duty to treat others fairly and well.",
             "He warned against hatred of any people, however strongly one disagrees with what they do.",
             '<span id="more-5129"></span>From the hadith of Abu Hurairah, the Prophet said to his companions:',
             "Love the one you love moderately, for perhaps one day he may become one you hate.",
             "The sermon ended with a prayer for peace and for the safety of travellers in the region."]
    body = "".join(f"<p>{p}</p>" for p in paras)
    page = f"<html><head><title>Sermon</title></head><body><article><h1>Sermon</h1>{body}</article></body></html>"
    text = extract_html(page, favor="precision").text
    assert "From the hadith of Abu Hurairah, the Prophet said to his companions:" in text


def test_an_article_split_over_body_containers_with_an_ad_row_between_them_is_read_whole():
    # Wired's pages set the story in several "article__body" divs with an ad row between each two;
    # trafilatura reads only the first
    first = ["Instagram began hiding like counts on Thursday after testing the design for two years in seven countries.",
             "The company says the change lets people focus on the photos and videos they share, not on the numbers.",
             "Business accounts still see every count, and far more besides, in a dashboard of their own statistics."]
    rest = ["I switched my own account to a professional one several weeks ago and chose the label Journalist.",
            "After a few days the statistics started rolling in: who unfollowed me each week, and who visited.",
            "Over a dozen people tapped on the profile of a coworker after I tagged us eating lunch together.",
            "The figures are anonymized, the company says, and cannot be traced back to any single account.",
            "Some teenagers label their accounts as businesses to see the numbers, picking ironic categories."]

    def body(paras):
        return ('<div class="grid"><div class="article__body body__container">'
                + "".join(f"<p>{p}</p>" for p in paras) + "</div></div>")
    page = (f"<html><head><title>Instagram</title></head><body><main><h1>Instagram</h1>{body(first)}"
            '<div class="row full-bleed-ad"><span class="ad-label">Advertisement</span></div>'
            f"{body(rest)}</main></body></html>")
    doc = extract_html(page, favor="precision")
    assert all(p in doc.text for p in first + rest) and "Advertisement" not in doc.text
    assert doc.metadata.get("extract_fallback") == "joined"


PAGE_SHAPES = [
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared as XML, parsed from bytes.</p></body></html>',
    "<html><body><p>A " + "<b>" * 300 + "deep" + "</b>" * 300 + " one.</p><p>Next.</p></body></html>",
    "<p>one lonely paragraph, no page around it</p>",
    '<!DOCTYPE html>\n<html lang="en"><body><form><input value="x"><select><option>a</option></select>'
    "<textarea>t</textarea><label>l</label></form><p>Body text of the story.</p><!-- c --></body></html>",
]


REPAIR_SHAPES = [
    "<!DOCTYPE html/>\n<html/>\n<body><p>A doctype trafilatura mends, a self-closed html tag.</p></body>",
    "<!doctype html>\n<html><body><p>Control \x00\x08\x0b characters and \ufffe\uffff go.</p></body></html>",
    "<!DOCTYPE html><html><body><p>One line, no newline after the doctype.</p></body></html>",
    "<html><body><p>Non-BMP \U0001f600, a BOM \ufeff, a line separator \u2028 and CRLF\r\n.</p></body></html>",
    '<html><head><meta charset="iso-8859-1"></head><body><p>A declared charset: café.</p></body></html>',
    "<html><body><p>A lone surrogate \ud800 read as trafilatura reads it.</p></body></html>",
    "\ufeff<html><body><p>A BOM before the page.</p></body></html>",
]


def test_pages_are_repaired_and_parsed_from_bytes_into_trafilaturas_own_tree():
    """The repair skips trafilatura's scan for XML-forbidden characters when none is there, and the page
    is parsed from its UTF-8 bytes first: both give exactly what trafilatura's str-first reading gives."""
    import lxml.html
    from trafilatura.utils import INVALID_XML_CHARS, load_html, repair_faulty_html

    from cleaner.extract import _INVALID_XML, load_page, repaired_html

    every = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))
    assert "".join(INVALID_XML_CHARS.findall(every)) == "".join(_INVALID_XML)
    pages = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.html"))] + PAGE_SHAPES + REPAIR_SHAPES
    for html in pages:
        assert repaired_html(html, html[:50].lower()) == repair_faulty_html(html, html[:50].lower())
        ours, theirs = load_page(html), load_html(html)
        assert (ours is None) == (theirs is None)
        if ours is not None:
            assert lxml.html.tostring(ours) == lxml.html.tostring(theirs)


def test_pages_are_parsed_as_trafilatura_parses_them_with_element_classes_looked_up_in_c(monkeypatch):
    """load_page gives the tree trafilatura's load_html gives (same repairs, fall-backs and rejections),
    and extraction reads the same text and metadata from it: only the element classes' lookup differs."""
    import lxml.html
    from trafilatura.utils import HTML_PARSER, load_html

    import cleaner.extract as extract
    from cleaner.extract import load_page

    pages = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.html"))] + PAGE_SHAPES
    for html in pages:
        ours, theirs = load_page(html), load_html(html)
        assert (ours is None) == (theirs is None)
        if ours is not None:
            assert lxml.html.tostring(ours) == lxml.html.tostring(theirs)
            assert type(ours) is lxml.html.HtmlElement
    fast = [extract_html(html) for html in pages]
    monkeypatch.setattr(extract, "_page_parser", lambda: HTML_PARSER)  # trafilatura's own parser
    for html, doc in zip(pages, fast):
        slow = extract_html(html)
        assert (doc.text, doc.metadata) == (slow.text, slow.metadata)
    assert any("Body text of the story." in doc.text for doc in fast)
