"""Deep nesting in other places than issue 17's reproducers (a JSON line of ``[``, 5,000 nested divs):
inline and block tags nested past libxml2's limit of 256 inside a page. lxml stopped there without an
error and dropped the rest of the page, so ``clean`` returned "The mayor" of a four-paragraph page."""

from __future__ import annotations

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
