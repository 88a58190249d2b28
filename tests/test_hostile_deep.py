"""Deep nesting in other places than issue 17's reproducers (a JSON line of ``[``, 5,000 nested divs):
inline and block tags nested past libxml2's limit of 256 inside a page. lxml stopped there without an
error and dropped the rest of the page, so ``clean`` returned "The mayor" of a four-paragraph page."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cleaner import Cleaner

REST = "<p>The council approved the budget on Tuesday.</p><p>The vote was close.</p>"


@pytest.mark.parametrize("tag", ["span", "b", "div", "section", "font"])
@pytest.mark.parametrize("depth", [300, 20_000])
def test_text_after_deep_nesting_is_kept(tag, depth):
    page = (f"<html><head><title>Budget</title></head><body><p>The mayor {f'<{tag}>' * depth}spoke"
            f"{f'</{tag}>' * depth} today.</p>{REST}</body></html>")
    text = Cleaner().clean(page, kind="html").text
    assert "The mayor" in text and "spoke" in text and "today." in text
    assert text.endswith("The council approved the budget on Tuesday.\n\nThe vote was close.")


def test_a_page_nested_within_the_limit_is_still_read_by_trafilatura():
    page = f"<html><body><p>The mayor {'<span>' * 200}spoke{'</span>' * 200} today.</p>{REST}</body></html>"
    result = Cleaner().clean(page, kind="html")
    assert result.metadata["extractor"] == "trafilatura" and "The mayor spoke today." in result.text


def test_soup_reading_gives_each_text_once_and_keeps_text_around_a_nested_block():
    """The BeautifulSoup reading (fallback and deep pages): a <div> inside a <p> does not give its text a
    second time, and the text of a <p> around a <blockquote> is kept beside the quotation's own."""
    from cleaner.extract import _soup_text

    assert _soup_text("<p>The mayor <div>spoke</div> today.</p>") == "The mayor spoke today."
    assert _soup_text("<p>The mayor <blockquote>said no</blockquote> today.</p>").split("\n\n") == [
        "The mayor", "said no", "today."]


# Wide rather than deep: many paragraphs, many attributes (issue 17's kinds; times in bench/pathological.py)

_PIECES = ["<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<span class='link'>", "</span>", "Text ", "x ", " "]


@pytest.mark.parametrize("seed", range(30))
def test_the_paragraph_walk_reads_what_the_xpath_reads(seed):
    """``//p//text()`` and ``//p//span[...]`` were quadratic in a page's paragraphs (20,000 unclosed
    ``<p>``: 6.8 s and 17.7 s); the walk that replaces them gives the same texts, in the same order, on
    random markup (paragraphs inside divs inside paragraphs, unclosed tags, text outside paragraphs)."""
    import random

    import lxml.html

    from cleaner.extract import paragraph_texts

    rng = random.Random(seed)
    markup = "<div>" + "".join(rng.choice(_PIECES) for _ in range(300)) + "</div>"
    tree = lxml.html.fromstring(markup)
    assert list(paragraph_texts(tree)) == [str(t) for t in tree.xpath("//p//text()")]


def test_spans_inside_paragraphs_keep_their_words_on_a_page_of_unclosed_paragraphs():
    page = ("<html><body>" + "<p>The council met on Tuesday to vote on the budget for the coming year. " * 3000
            + '<p>Said <span class="link"><a href="/nfl">the NFL will fine Rudolph</a></span> for his role.</p>'
            + "</body></html>")
    text = Cleaner().clean(page, kind="html").text
    assert text.count("The council met on Tuesday") == 3000 and "Said the NFL will fine Rudolph for his role." in text


def _cpu_limit() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))  # SIGXCPU past 60 s of CPU, whatever the load


def test_a_tag_of_a_hundred_thousand_attributes_loses_them_and_keeps_its_text():
    """A hang guard, not a speed test (in a process of its own under 60 s of CPU: libxml2 stuck in C
    answers no signal): libxml2 checks each attribute against every one before it, so one tag of 50,000
    took 54 s to extract (100,000: four times that); without them, well under a second."""
    code = (
        "from cleaner import Cleaner\n"
        "flood = ' '.join(f\"data-a{i}='v'\" for i in range(100_000))\n"
        f"page = f'<html><body><p {{flood}}>The mayor spoke today.</p>{REST}</body></html>'\n"
        "print(Cleaner().clean(page, kind='html').text)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900,
                          preexec_fn=_cpu_limit)
    assert done.returncode == 0, (done.returncode, done.stderr[-300:])
    assert done.stdout.startswith("The mayor spoke today.") and done.stdout.rstrip().endswith("The vote was close.")


def test_long_attribute_values_are_no_flood():
    """A real page's long tags (a description, an SVG path, escaped HTML in an attribute) are kept."""
    from cleaner.extract import without_attribute_floods

    tags = ['<meta name="description" content="' + "The mayor said the bridge would open. " * 400 + '">',
            '<path d="' + "M 50 1 A 49 49 0 0 0 1 50 " * 600 + '"/>',
            "<div data-html='" + "&lt;img src=&quot;a.png?w=1&amp;h=2&quot;&gt; " * 500 + "'>"]
    for tag in tags:
        page = f"<html><body>{tag}<p>The mayor spoke.</p></body></html>"
        assert without_attribute_floods(page) is page
    bare = "<p " + " ".join(f"a{i}" for i in range(2_100)) + ">x</p>"
    assert without_attribute_floods(bare) == "<p>x</p>"
