"""B family: rule pack, rule engine, seed rows, fixtures with golden outputs, site learning."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.checks import boilerplate
from cleaner.config import Settings
from cleaner.document import Document
from cleaner.errors import RulePackError
from cleaner.rule_engine import load_rules, run_rules
from cleaner.site_boilerplate import learn

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "boilerplate"
SEED = ROOT / "fixtures" / "seed"
GOLD = ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json"  # the 121 human-annotated bodies


def paragraphs(text: str) -> list:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def b_findings(text: str, **kwargs) -> list:
    return Cleaner(select=["B"]).check(text, kind=kwargs.pop("kind", "text"), **kwargs).findings


def b_clean(text: str, kind: str = "text", **kwargs) -> str:
    return Cleaner(select=["B"], **kwargs).clean(text, kind=kind).text


# -- the seed article -----------------------------------------------------------------------------
def _seed_text() -> str:
    return (SEED / "article.txt").read_text(encoding="utf-8")


def test_seed_has_exactly_the_two_boilerplate_findings():
    text = _seed_text()
    found = b_findings(text)
    assert len(found) == 2, [(f.code, f.excerpt) for f in found]
    label, trailer = sorted(found, key=lambda f: f.start)
    assert text[label.edit_start:label.edit_end] in ("World news. ", " World news.")
    assert label.fix == "safe" and label.suggestion == ""
    assert "[ad_2]Source link" in text[trailer.edit_start:trailer.edit_end]
    assert text[trailer.start:trailer.end] == "[ad_2]Source link"  # the finding is the visible text
    assert trailer.fix == "safe" and trailer.suggestion == ""
    # reported on the line of the trailer itself, though the edit also takes the blank line before it
    assert (trailer.line, trailer.col) == (text.rstrip().count("\n") + 1, 1)
    assert trailer.excerpt == "[ad_2]Source link"


def test_seed_b_fixes_give_the_expected_paragraphs():
    out = b_clean(_seed_text())
    paras = paragraphs(out)
    assert "the report said. The United States is leading" in paras[1]
    assert paras[-1].endswith('Commander-in-Chief Christopher Ghika.')
    expected = SEED / "expected_safe.txt"
    if expected.exists():
        assert len(paras) == len(paragraphs(expected.read_text(encoding="utf-8")))


# -- golden fixtures ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["autoblog.txt", "republished.txt", "related_promos.html"])
def test_fixture_matches_golden_output(name):
    source = (FIXTURES / name).read_text(encoding="utf-8")
    kind = "html" if name.endswith(".html") else "text"
    golden = (FIXTURES / (name.rsplit(".", 1)[0] + ".expected.txt")).read_text(encoding="utf-8")
    out = b_clean(source, kind=kind)
    assert paragraphs(out) == paragraphs(golden)
    # idempotent: the cleaned text has nothing left to fix
    assert b_clean(out) == out


def test_the_seed_as_its_autoblog_page_cleans_to_the_story_alone():
    # the seed article as a WordPress autoblog plugin publishes it (fixtures/boilerplate/autoblog_page.html):
    # Ad Inserter slots with AdSense code, [ad_1]/[ad_2] around the copied story, a "Source link" anchor,
    # "World news." pasted into the first paragraph, a share bar, related posts, comments, sidebar, footer
    from cleaner import clean

    result = clean((FIXTURES / "autoblog_page.html").read_text(encoding="utf-8"), select=["B", "E"])
    story = paragraphs(_seed_text())[1:-1]  # no headline (page metadata), no "[ad_2]Source link"
    story[0] = story[0].replace(" World news.", "")
    assert paragraphs(result.text) == story
    assert {(f.code, f.excerpt) for f in result.findings if f.applied} == {
        ("B001", "[ad_1]"), ("B001", "[ad_2]"), ("B002", "Source link"), ("B004", "World news.")}
    assert result.metadata["title"].startswith("US-led airstrikes kill 40 people in Syria")


def test_autoblog_findings_name_each_kind():
    codes = {f.code for f in b_findings((FIXTURES / "autoblog.txt").read_text(encoding="utf-8"))}
    assert {"B001", "B002", "B004", "B006", "B008", "B009"} <= codes


def test_republished_keeps_a_sentence_that_merely_mentions_read_more():
    out = b_clean((FIXTURES / "republished.txt").read_text(encoding="utf-8"))
    assert "wants to read more about the outlook" in out
    assert "appeared first on" not in out and "originally published" not in out


# -- section labels pasted into a paragraph (B004) ----------------------------------------------
@pytest.mark.parametrize("label", ["World news.", "Business News.", "India news.", "Asia-Pacific news.",
                                   "US news.", "Middle East news."])
@pytest.mark.parametrize("where", ["between", "end"])
def test_section_label_is_deleted_between_sentences_and_at_the_paragraph_end(label, where):
    first = "Liverpool travel to Newcastle United on Wednesday, the club said."
    rest = "Villa host Brentford next weekend."
    para = f"{first} {label} {rest}" if where == "between" else f"{first} {rest} {label}"
    text = f"Liverpool win again\n\n{para}\n\nTickets go on sale on Monday."
    found = b_findings(text)
    assert [(f.code, text[f.start:f.end]) for f in found] == [("B004", label)]
    assert b_clean(text) == f"Liverpool win again\n\n{first} {rest}\n\nTickets go on sale on Monday."


@pytest.mark.parametrize("label", ["World news.", "Business News", "US news.", "Asia-Pacific news."])
def test_section_label_on_a_line_of_its_own_is_deleted(label):
    body = ("A former mayor was sentenced on Thursday to six years in prison for taking bribes, the "
            "Justice Department said.\n\nTwo executives were sentenced last year.")
    text = f"Former mayor sentenced\n\n{body}\n\n{label}\n"
    assert [(f.code, text[f.start:f.end]) for f in b_findings(text)] == [("B004", label)]
    assert b_clean(text).rstrip() == f"Former mayor sentenced\n\n{body}"
    # a line that says "news" as a sentence of its own stays
    for line in ("Good news.", "Breaking News", "That is news."):
        assert b_findings(f"Former mayor sentenced\n\n{body}\n\n{line}\n") == []


@pytest.mark.parametrize("sentence", ["Good news.", "Fake news.", "No news."])
def test_news_as_an_ordinary_sentence_is_not_a_section_label(sentence):
    text = f"Headline here\n\nThe minister read the report twice. {sentence} Nobody had expected it.\n\nEnd."
    assert b_findings(text) == []


# -- related-links blocks in sentence case, and topic tags one a line (B008) ----------------------
def test_sentence_case_headlines_and_topic_tags_under_their_heading_are_deleted():
    body = ("Storm Ciaran brought winds of up to 90mph to parts of southern England on Thursday, leaving "
            "thousands of homes without power and disrupting rail services across the region.")
    text = (f"Storm batters England\n\n{body}\n\nRelated Topics\nWeather\nUK storms\n\nMore on this story\n"
            "Flood warnings issued across England\nStorm names for 2023-24 revealed\n\n"
            "Copyright © 2023 Example Media Ltd. All rights reserved.")
    assert b_clean(text) == f"Storm batters England\n\n{body}"


def test_a_long_copyright_notice_ending_the_page_leaves_the_block_above_it_in_the_trailing_zone():
    # the notice has 15+ words and ends a sentence, like prose; it is junk at the edge, so the tags and
    # related headline between it and the story are not "inside the article body"
    body = ("A major ferry operator cancelled all crossings between Dover and Calais on Saturday as "
            "gale-force winds battered the south coast, leaving thousands of holidaymakers stranded.")
    notice = ("Copyright 2024 Example Media. All rights reserved. Example Media is not responsible for the "
              "content of external sites. Read about our approach to external linking.")
    text = (f"Ferries cancelled as storm hits\n\n{body}\n\nRelated Topics\nDover\nWeather\nTravel\n\n"
            f"More on this story\nStorm warning issued for south coast\nRail lines closed by flooding\n\n{notice}")
    assert b_clean(text) == f"Ferries cancelled as storm hits\n\n{body}"


def test_a_tag_like_block_with_the_story_going_on_below_it_stays():
    body = ("A major ferry operator cancelled all crossings between Dover and Calais on Saturday as "
            "gale-force winds battered the south coast, leaving thousands of holidaymakers stranded.")
    more = ("Port officials said queues of lorries stretched for several miles on the motorway, and police "
            "asked drivers to avoid the area until Sunday evening at the earliest.")
    text = f"{body}\n\nTopics\nDover\nWeather\n\n{more}"
    out = b_clean(text)
    assert "Dover\nWeather" in out and more in out


def test_a_heading_over_lines_that_read_as_link_text_or_sentences_keeps_them():
    body = ("The agency said it would accept ideas on a rolling basis, seven days a week, through its "
            "website, and would publish a list of the projects it funds each year.")
    text = (f"Ideas wanted\n\n{body}\n\nLearn more\nFind out more about our projects at 10x.gsa.gov/projects\n"
            "Email us at 10x@gsa.gov\n\nMore stories\nThe agency funds ten projects a year.\nIt said so.")
    out = b_clean(text)
    assert "10x.gsa.gov/projects" in out and "The agency funds ten projects a year." in out


# -- anchoring: body text that only looks like boilerplate stays ----------------------------------
@pytest.mark.parametrize("text", [
    "Officials urged residents to read more about the evacuation plan on the county website.",
    "Her advice was simple: sign up for the newsletter the library sends, the clerk said.",
    "The study was produced by two universities and first published in Nature, which said it was sound.",
    "Source: the ministry said on Monday that talks had stalled, according to two people.",
    "The company said 40,000 people subscribe to its newsletter, up from 25,000 a year ago.",
    "Copyright lawyers said the court ruling could change how songs are licensed.",
    "Police said the advertisement ran in three newspapers before it was pulled.",
    "He said the comments were taken out of context.",
    "The World news. channel relaunched in May.",
    "Copyright holders will be paid more under the new law, the minister said.",
    "Updated figures show 3,000 people were displaced by the floods",
    "First published in 1851, the newspaper has covered the city for generations.",
    "Source link errors were blamed for the outage, engineers said.",
    "Supply link roads to the port were closed after the storm, officials said.",
    "Follow the money, the investigator told the committee on Tuesday.",
    "From our partners in the coalition we expect support, the minister said.",
    "The article continues after this ad campaign ends, the editor said.",
])
def test_prose_is_not_flagged(text):
    assert b_findings(f"Headline here\n\n{text}\n\nAnother paragraph follows here.") == []


@pytest.mark.parametrize("line,code", [
    ("[ad_1]", "B001"),
    ("Source link", "B002"),
    ("[ad_2]Supply hyperlink", "B002"),
    ("Source hyperlink", "B002"),
    ("SOURCE: News agencies", "B002"),
    ("The post Storm hits coast appeared first on Daily Planet.", "B003"),
    ("Originally published at example.com.", "B003"),
    ("CLICK HERE TO GET THE FOX NEWS APP", "B005"),
    ("Subscribe to The Example Times's newsletters.", "B005"),
    ("Story continues below", "B006"),
    ("ADVERTISEMENT", "B006"),
    ("Copyright 2019 The Associated Press. All rights reserved.", "B007"),
    ("Most read in world news", "B008"),
    ("Read more: Storm batters the coast", "B008"),
    ("Image copyright Getty Images", "B009"),
    ("Comments", "B010"),
    ("© 2024 Example Media Group", "B007"),
    ("copyright Inexhibit 2019 - ISSN: 2283-5474", "B007"),
    ("This article was originally published on The Conversation.", "B003"),
    ("This article was produced by Reuters and first appeared on Example News. Republication is prohibited "
     "without permission.", "B003"),
    ("Don't miss a story — sign up for our daily newsletter", "B005"),
    ("Stay informed: subscribe to our breaking news alerts", "B005"),
    ("Read also: Antwerp port posts record volumes", "B008"),
    ("Related stories: Dutch economy shrinks in second quarter", "B008"),
    ("Home » News » World", "B010"),
    # ad-slot instructions and widget labels as other sites word them
    ("Article continues after this ad", "B006"),
    ("SCROLL TO CONTINUE WITH CONTENT", "B006"),
    ("Video Ad Feedback", "B006"),
    ("Content from our partners", "B006"),
    # an article page's tool buttons read as text
    ("Listen to this article · 4 min", "B010"),
    ("Open this photo in gallery:", "B010"),
    ("Text size", "B010"),
    ("Jump to comments", "B010"),
])
def test_boilerplate_line_is_flagged_and_deleted(line, code):
    text = f"The vote was close on Tuesday night.\n\n{line}\n\nOpponents said they would appeal."
    found = b_findings(text)
    assert [f.code for f in found] == [code]
    assert found[0].fix == "safe"
    assert paragraphs(b_clean(text)) == ["The vote was close on Tuesday night.", "Opponents said they would appeal."]


def test_dateline_lines_at_the_top_are_removed():
    text = ("Published 5:45 AM PST, Nov 19, 2019\n\nGoogle launched its game streaming service on Tuesday.\n\n"
            "It costs $10 a month.")
    found = b_findings(text)
    assert [f.code for f in found] == ["B015"]
    assert paragraphs(b_clean(text))[0].startswith("Google launched")


@pytest.mark.parametrize("stamp", [
    "Published 2 November 2023 • Updated 3 hours ago",
    "Published: 14:05 GMT, 2 November 2023 | Updated: 16:40 GMT, 2 November 2023",
    "Updated on: March 4, 2024 / 10:12 AM",
])
def test_two_stamps_on_one_line_at_the_top_are_removed(stamp):
    text = (f"Storm batters England\n\n{stamp}\n\nStorm Ciaran brought winds of up to 90mph to southern England "
            "on Thursday.\n\nThe Met Office issued an amber warning for wind, officials said.")
    assert [f.code for f in b_findings(text)] == ["B015"]
    assert paragraphs(b_clean(text))[1].startswith("Storm Ciaran")


def test_a_sentence_that_starts_like_a_stamp_stays():
    text = ("Rates rise again\n\nPublished 2 November 2023, the report said rates would rise twice more.\n\n"
            "The bank declined to comment on Thursday.")
    assert b_findings(text) == []


def test_related_list_under_heading_is_removed():
    text = ("The probe found water vapour above the moon's surface in 2016.\n\nRelated:\n\n"
            "- Europa Mission Could Spot Signs of Life\n\n- Photos: Icy Moon of Jupiter\n\n"
            "Scientists will look again next year.")
    assert paragraphs(b_clean(text)) == [
        "The probe found water vapour above the moon's surface in 2016.", "Scientists will look again next year."]


def test_a_headline_list_above_one_short_last_note_goes_and_one_above_more_prose_is_reported():
    story = ["The probe found water vapour above the moon's surface in 2016, and a second pass confirmed it.",
             "NASA is building a mission to fly through the plume, set to launch in the middle of the decade.",
             "The spacecraft will orbit Jupiter and study the moon up close on dozens of flybys over four years.",
             "It could end up zooming through a plume on one of those passes if the team gets really lucky.",
             "Plumes like these send free samples from a possibly habitable ocean out into space, scientists say.",
             "A lander could follow in the next decade if the orbiter finds a safe place to touch down on the ice."]
    heads = ["- Europa Mission Could Spot Signs of Alien Life", "- Photos: Europa, Mysterious Icy Moon of Jupiter"]
    note = "Editor's note: This story was updated at 5:45 p.m. ET to include details from the NASA briefing."
    assert paragraphs(b_clean("\n\n".join(story + heads + [note]))) == story + [note]
    more = "The agency will decide next year whether the lander goes ahead, officials said on Tuesday night."
    text = "\n\n".join(story + heads + [more, note])
    assert b_clean(text) == text
    assert [f.fix for f in b_findings(text)] == ["none", "none"]


def test_a_list_in_the_body_of_a_one_block_a_line_text_stays_when_a_stray_blank_line_follows():
    # a scraper's text, one block a line; an empty table row near the end made everything above it one
    # "paragraph", so the supported-systems list in the last part of a product page read as a trailing
    # headline list and went (a trafilatura test page in bench/real_scraped.py)
    story = ["Parallels Desktop runs Windows and Linux side by side with macOS on the same Mac computer.",
             "Setting it up takes a few minutes, and the assistant downloads the system you choose for you.",
             "The guest systems below were tested in the lab before this release went out to customers."]
    systems = ["- Windows Server 2008 R2 (SP0-SP2)", "- Red Hat Enterprise Linux (RHEL) 7 and 6",
               "- Ubuntu 19.04, 18.04 LTS and 16.04 LTS", "- OS X Mountain Lion 10.8.x"]
    note = "Operating systems that are not in this list can work as well, but the lab has not tested them yet."
    text = "\n".join(story + systems + [note, "   ", "Compare editions and prices on the store page"])
    assert all(item in b_clean(text) for item in systems)
    assert {f.fix for f in b_findings(text) if f.code == "B008"} == {"none"}


# -- repeated paragraphs, headline in body -------------------------------------------------------
def test_repeated_paragraph_deletes_the_repeat_only():
    lead = "The mayor resigned on Monday night after a week of protests outside city hall."
    text = f"{lead}\n\n{lead}\n\nShe said she would not run again."
    found = b_findings(text)
    assert [f.code for f in found] == ["B012"]
    assert found[0].start > 0
    assert paragraphs(b_clean(text)) == [lead, "She said she would not run again."]


def test_junk_lines_inside_a_repeated_block_go_from_every_copy_in_the_first_round():
    # a site's footer block pasted between the sections of one article: the repeats are only reported
    # (inside the body), but their junk lines go at once, not one more copy per fix round
    block = "Visit our website\nSubscribe to our email list\nContact Us\nCheck out our team in the news!"
    prose = ["The agency rebuilt its public data site this year after a long review of how people used it.",
             "Officials said the new pages explain the government's role in the industry in plain words.",
             "The team plans to publish more data sets over the coming months, starting with local figures.",
             "Readers can already compare figures across states and download every table as a spreadsheet."]
    text = "\n\n".join([prose[0], block, prose[1], block, prose[2], block, prose[3]])
    result = Cleaner(select=["B"]).clean(text, kind="text")
    applied = [f for f in result.findings if f.applied]
    assert [f.code for f in applied] == ["B005", "B010"] * 3
    assert all("fix_round" not in f.extra for f in applied)
    short = "Visit our website\nCheck out our team in the news!"
    assert paragraphs(result.text) == [prose[0], short, prose[1], short, prose[2], short, prose[3]]
    assert b_clean(result.text) == result.text


def test_repeated_list_items_are_not_flagged():
    item = "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp. and 2 oz. of 4 kinds."
    assert b_findings(f"Meal 1\n\n{item}\n\nMeal 2\n\n{item}") == []


def test_headline_in_body_only_for_extracted_html():
    text = "Cat found in Oregon after two years\n\nA cat missing for two years was found on Monday."
    html_doc = Document(text, kind="html", metadata={"title": "Cat found in Oregon after two years"})
    assert [f.code for f in boilerplate.run(html_doc, None)] == ["B014"]
    text_doc = Document(text, kind="text", metadata={"title": "Cat found in Oregon after two years"})
    assert boilerplate.run(text_doc, None) == []


# -- site-learned boilerplate --------------------------------------------------------------------
def _site_docs(n=6, host="daily.example"):
    docs = []
    for i in range(n):
        body = (f"Story number {i} is about the port reopening on day {i}.\n\n"
                "The Daily Example is an independent newspaper.\n\nShort one.")
        docs.append(Document(body, metadata={"url": f"https://www.{host}/news/{i}"}))
    docs.append(Document("Unrelated story text here.\n\nThe Daily Example is an independent newspaper.",
                         metadata={"url": "https://other.example/a"}))
    return docs


def test_learn_finds_lines_repeated_across_a_site_whatever_the_order():
    docs = _site_docs()
    learned = learn(docs, Settings())
    assert learned == {"daily.example": frozenset({"The Daily Example is an independent newspaper."})}
    shuffled = docs[:]
    random.Random(3).shuffle(shuffled)
    assert learn(shuffled, Settings()) == learned


def test_learn_thresholds_come_from_settings():
    docs = _site_docs(n=4)
    assert learn(docs, Settings()) == {}  # fewer than min-articles = 5
    settings = Settings()
    settings.site_boilerplate = {**settings.site_boilerplate, "min-articles": 3}
    assert "daily.example" in learn(docs, settings)


def test_site_boilerplate_is_reported_as_b011_and_fixed_only_with_unsafe_fixes():
    docs = _site_docs()
    cleaner = Cleaner(select=["B"])
    cleaner.learn(docs)
    result = cleaner.run(docs[0], fix=True)
    assert [f.code for f in result.findings] == ["B011"]
    assert result.findings[0].fix == "unsafe"
    assert "independent newspaper" in result.text
    unsafe = Cleaner(select=["B"], unsafe_fixes=True)
    unsafe.learn(docs)
    assert "independent newspaper" not in unsafe.run(docs[0], fix=True).text
    # another site's article carrying the same line once is not touched
    assert cleaner.run(docs[-1], fix=False).findings == []


# -- the rule engine -----------------------------------------------------------------------------
def test_rule_engine_kinds_and_scopes():
    rules = load_rules({"rule": [
        {"code": "X001", "message": "label", "pattern": "Breaking:", "scope": "first-paragraphs"},
        {"code": "X002", "kind": "substitution", "message": "spelling", "swap": {r"\bteh\b": "the"},
         "scope": "paragraph", "fix": "unsafe"},
        {"code": "X003", "kind": "capitalization", "message": "case", "tokens": ["Associated Press"],
         "ignorecase": True, "replacement": "Associated Press"},
        {"code": "X004", "message": "tail", "pattern": "^Fin$", "scope": "last-paragraphs"},
    ]}, "test pack")
    doc = Document("Breaking: teh vote\n\nSaid the Associated press and Breaking: again.\n\nFin")
    found = {(f.code, doc.text[f.start:f.end], f.suggestion, f.fix) for f in run_rules(doc, None, rules)}
    assert ("X001", "Breaking: ", "", "safe") in found
    assert ("X002", "teh", "the", "unsafe") in found
    assert ("X003", "Associated press", "Associated Press", "safe") in found
    assert ("X004", "\n\nFin", "", "safe") in found
    assert len(found) == 4  # the second "Breaking:" is outside the first-paragraphs scope


@pytest.mark.parametrize("entry,message", [
    ({"code": "X001", "pattern": "(a+)+$"}, "catastrophically"),
    ({"code": "X001", "pattern": "a", "kind": "nonsense"}, "kind"),
    ({"code": "X001", "pattern": "a", "scope": "page"}, "scope"),
    ({"code": "bad", "pattern": "a"}, "code"),
    ({"code": "X001"}, "pattern"),
    ({"code": "X001", "pattern": "a", "colour": "red"}, "unknown key"),
])
def test_rule_engine_rejects_bad_rules_with_a_clear_error(entry, message):
    with pytest.raises(RulePackError, match=message):
        load_rules({"rule": [entry]}, "my-pack.toml")


def _house_cleaner(tmp_path, entry: str) -> Cleaner:
    """A B-only cleaner with a user pack holding one ``[[rule]]`` (``entry``: its TOML lines)."""
    pack = tmp_path / "house.toml"
    pack.write_text('[[rule]]\ncode = "B901"\nmessage = "house tagline"\n' + entry, encoding="utf-8")
    settings = Settings()
    settings.extend_rules = [str(pack)]
    return Cleaner(settings, select=["B"])


def test_user_pack_adds_boilerplate_rules(tmp_path):
    cleaner = _house_cleaner(tmp_path, 'pattern = "^Example Gazette: news you trust$"\nscope = "line"\n')
    text = "The council met.\n\nExample Gazette: news you trust\n\nIt adjourned."
    assert [f.code for f in cleaner.check(text, kind="text").findings] == ["B901"]


def test_a_user_packs_glued_rule_also_deletes_its_line_run_on_after_the_last_sentence(tmp_path):
    cleaner = _house_cleaner(tmp_path, 'name = "tagline"\nmatch = "full"\nglued = true\n'
                                       'pattern = "Example Gazette: news you trust"\n')
    story = "The council met on Monday night to vote on the new budget.\n\nIt adjourned after midnight, members said."
    assert cleaner.clean(story + " Example Gazette: news you trust", kind="text").text == story
    plain = Cleaner(select=["B"])
    assert plain.clean(story + " Example Gazette: news you trust", kind="text").text != story


# -- do no harm on the human-annotated bodies ----------------------------------------------------
def test_b_fixes_delete_almost_nothing_from_clean_article_bodies():
    bodies = [v["articleBody"] for v in json.loads(GOLD.read_text(encoding="utf-8")).values()]
    cleaner = Cleaner(select=["B"])
    before = after = 0
    for body in bodies:
        before += len(re.findall(r"\w+", body))
        after += len(re.findall(r"\w+", cleaner.clean(body, kind="text").text))
    assert (before - after) / before <= 0.005


@pytest.mark.parametrize("ending", ["\n", "\r\n", ""])
def test_deleting_every_line_of_the_last_paragraph_keeps_the_newline_that_ends_the_file(ending):
    # the lines' own findings take the break above the paragraph; the file's last newline is not theirs
    story = "The mayor spoke today about the plan for the city."
    trailer = "Share this article on Facebook\n(Reporting by Jane Doe; Editing by John Smith)"
    text = (story + "\n\n" + trailer + "\n").replace("\n", ending or "\n")
    if not ending:
        text = text.rstrip("\n")
    result = Cleaner(select=["B"]).clean(text)
    assert [f.code for f in result.findings] == ["B005", "B013"]
    assert result.text == story + ending


def test_a_share_bar_split_one_network_a_line_goes_with_its_label_and_leaves_no_blank_lines():
    # a WordPress share widget as extraction writes it: a label, then one button a line, at the end
    story = ("The senator announced on Friday that she would not seek re-election, ending a career "
             "that spanned three decades in Washington.")
    text = story + "\n\nShare this:\nTwitter\nFacebook\nReddit\n\nLike this:\nLike Loading...\n\nRelated\n"
    result = Cleaner(select=["B"]).clean(text)
    assert result.text == story + "\n"
    assert [f.code for f in result.findings].count("B010") == 3
    # a network's name as a line of its own inside the story is reported, never deleted
    later = ("The social network said on Monday that its users grew by five percent in the quarter, to "
             "almost three billion people, beating forecasts.")
    middle = story + "\n\nFacebook\n\n" + later + "\n"
    result = Cleaner(select=["B"]).clean(middle)
    assert result.text == middle
    assert [(f.code, f.fix) for f in result.findings] == [("B010", "none")]
