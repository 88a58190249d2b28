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


def test_a_marker_cut_inside_a_word_counts_as_removed_once_its_line_is_gone():
    # the agency-credit marker's bounded stretch ("[^\n.]{1,120} contributed ...") starts inside
    # "Associated" on a long credit line; widened to whole words, the marker can be found and removed
    credit = ("Associated Press writers Dana Ruiz, Omar Haddad, Lena Park and Ivo Brandt in Kabul, and Tom Weller in "
              "Greenville, South Carolina, contributed to this report.")
    raw = "The council voted on Tuesday to close the depot near the river.\n" + credit + "\n"
    junk, sentences = real_scraped.annotate(raw, real_scraped.load_markers())
    assert [cat for cat, _marker in junk] == ["agency-credit"]
    assert junk[0][1].startswith("Associated Press")
    tally = real_scraped.Counter()
    left, lost = real_scraped.score(raw, raw.split("\n")[0], junk, sentences, tally)
    assert (left, lost, tally["removed", "agency-credit"]) == ([], [], 1)
    left, _lost = real_scraped.score(raw, raw, junk, sentences, real_scraped.Counter())
    assert [cat for cat, _key in left] == ["agency-credit"]


def test_a_gzipped_test_page_is_read_as_its_markup():
    # the fundus source stores its pages gzipped (tests/resources/parser/test_data/**/*.html.gz)
    page = "<html><body><p>The depot closes in May, the café owner said.</p></body></html>"
    assert real_scraped.page_markup(real_scraped.gzip.compress(page.encode("utf-8"))) == page


def test_credit_and_comment_lines_of_other_wordings_are_junk_markers_not_body_sentences():
    # wordings of the fundus tune pages: a files credit, a "reported from" credit, a comment prompt
    raw = ("The council voted on Tuesday to close the depot near the river after a long debate.\n"
           "With files from The Canadian Press and Dana Ruiz\n"
           "Ruiz reported from Toronto and Omar Haddad from Ottawa.\n"
           "Would you like to comment on this article?\n"
           "Opponents said the closure would cut bus service to the eastern suburbs.\n")
    junk, sentences = real_scraped.annotate(raw, real_scraped.load_markers())
    assert [cat for cat, _marker in junk] == ["agency-credit", "agency-credit", "share-prompt"]
    assert [s.split()[0] for s in sentences] == ["The", "Opponents"]


def test_a_page_in_a_latin_charset_is_read_as_bytes_by_the_charset_it_declares():
    # the l3s source's 2008 pages often declare windows-1252: read as UTF-8 text, "Café" would be lost
    paras = ("The Café Royal on the high street closed on Tuesday after 140 years, its owners said.",
             "Regulars queued outside the café for a last coffee on Monday morning before the doors shut.",
             "The building will be turned into offices next year, according to the planning office.")
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            "<title>Café</title></head><body><article>" + "".join(f"<p>{p}</p>" for p in paras)
            + "</article></body></html>").encode("cp1252")
    text = real_scraped.scraped_text(page)
    assert "The Café Royal" in text and "\ufffd" not in text


def test_the_repeat_index_answers_as_comparing_with_every_kept_article():
    # the loader leaves out a page sharing half the union of its words with an article loaded before it;
    # the prefix-filtered index must give the comparison-with-all answer, also for pairs at the threshold
    # whose shared words are the commonest (the last the index looks at) and whose own words are rare
    import random

    rng = random.Random(13)
    common = [f"c{i}" for i in range(300)]
    rare = [f"r{i}" for i in range(3000)]
    counts = {**{w: 1000 for w in common}, **{w: 1 for w in rare}}
    index, kept, answers = real_scraped.RepeatIndex(counts), [], []
    for _ in range(400):
        x, y = rng.randrange(0, 40), rng.randrange(0, 40)
        shared = x + y + rng.choice((-1, 0, 0, 1))  # 3 * shared >= (shared + x) + (shared + y) iff shared >= x + y
        if shared < 1:
            continue
        words = set(rng.sample(common, shared))
        other = words | set(rng.sample(rare, y))
        words |= set(rng.sample(rare, x))
        if rng.random() < 0.5:
            index.add(other)
            kept.append(other)
        expected = any(len(words & k) * 2 >= len(words | k) for k in kept)
        assert index.repeats(words) == expected
        answers.append(expected)
        index.add(words)
        kept.append(words)
    assert 50 < sum(answers) < len(answers) - 50  # both answers were exercised


def test_a_sentence_whose_mojibake_was_repaired_is_not_lost_and_a_repaired_marker_kept_is_not_removed():
    # 2008 pages read as the wrong charset: E001 repairs "Canadaâ€™s" to "Canada’s"; the sentence is still
    # there, and a stamp repaired but kept is still there too
    raw = ("OTTAWA -- The melting sea ice was Environment Canadaâ€™s top weather story of the year.\n"
           "Posted: January 3, 2008 â€“ 10:42 AM\n")
    fixed = "OTTAWA -- The melting sea ice was Environment Canada’s top weather story of the year.\nPosted: January 3, 2008 – 10:42 AM\n"
    junk, sentences = real_scraped.annotate(raw, real_scraped.load_markers())
    assert [cat for cat, _marker in junk] == ["dateline-debris"] and len(sentences) == 1
    tally = real_scraped.Counter()
    left, lost = real_scraped.score(raw, fixed, junk, sentences, tally)
    assert lost == [] and [cat for cat, _key in left] == ["dateline-debris"]
    left, lost = real_scraped.score(raw, fixed.split("\n")[0], junk, sentences, real_scraped.Counter())
    assert lost == [] and left == []
    _left, lost = real_scraped.score(raw, "OTTAWA -- The melting sea ice.", junk, sentences, real_scraped.Counter())
    assert len(lost) == 1


def test_a_layout_pages_stamp_cell_and_copyright_after_the_sites_name_are_markers_and_a_data_tables_date_is_none():
    # stop 35's dateline-debris and legal-footer markers (stamps and footers of 2008 layout pages, names invented)
    raw = ("| Depot to close | 17:59 - 9th, Jan 2008 |\n"
           "The council voted on Tuesday to close the depot by the end of next year, the mayor said.\n"
           "| 09 January 2008 - 11:14AM | View all news \\| Send to a friend \\| Print |\n"
           "| Dana Ruiz | 24 November, 1994 | She conjured water to put out the flames of a dragon in the first task of the tournament. |\n"
           "Acme Unlimited © Acme News and Media Limited 2008\n"
           "Copyright Acme Sport 2007, All Rights Reserved\n")
    junk, sentences = real_scraped.annotate(raw, real_scraped.load_markers())
    assert [(c, m.strip()) for c, m in junk] == [
        ("dateline-debris", "17:59 - 9th, Jan 2008"), ("dateline-debris", "09 January 2008 - 11:14AM"),
        ("legal-footer", "Acme Unlimited © Acme News and Media Limited 2008"),
        ("legal-footer", "Copyright Acme Sport 2007, All Rights Reserved")]
    assert any("24 November, 1994" in s for s in sentences)
