"""The real-scraped bench's junk markers (bench/real_scraped.toml) are run as the file says: with
re.MULTILINE, so a marker pattern anchored with ``^``/``$`` marks a line inside the article, not only the
text's first or last line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import real_scraped  # noqa: E402

ARTICLE = ("The council voted on Tuesday to close the depot.\n"
           "Dana Ruiz / Getty Images\n"
           "Opponents said the closure would cut bus service.\n")


def test_every_marker_reads_line_anchors_per_line():
    markers = real_scraped.load_markers()
    assert markers and all(p.flags & re.MULTILINE for ps in markers.values() for p in ps)


def test_an_end_anchored_marker_without_its_own_flag_finds_a_credit_line_mid_article():
    getty = [p for p in real_scraped.load_markers()["image-credit"]
             if p.pattern.startswith("(?:[A-Z]") and "Getty Images" in p.pattern]
    assert len(getty) == 1
    assert [m.group(0) for m in getty[0].finditer(ARTICLE)] == ["Dana Ruiz / Getty Images"]


def test_a_whole_page_is_read_as_a_recall_oriented_scraper_keeps_it():
    # the postlight source's pages: the body and the junk a scraper keeps (a credit line), not the menu
    page = ("<html><head><title>Depot</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            "<article><h1>Depot closes</h1>"
            + "".join(f"<p>{s}</p>" for s in (
                "The council voted on Tuesday to close the downtown depot by the end of next year.",
                "Opponents said the closure would cut bus service to the eastern suburbs for months.",
                "The depot opened in 1962 and employs about 140 mechanics and drivers, the union said.",
                "Featured Image Credit: Valley Transit"))
            + "</article><footer>Privacy Policy</footer></body></html>")
    text = real_scraped.scraped_text(page)
    assert "employs about 140 mechanics" in text and "Featured Image Credit: Valley Transit" in text
    assert "Home" not in text.split("\n")
