"""B families found in real scraped text (bench/real_scraped.py): one junk line of each kind inside a
real-looking article is found under its own sub-source and deleted, nothing else is touched; prose
that only resembles a family stays."""

from __future__ import annotations

import re

import pytest

from cleaner import Cleaner

LEAD = "The council voted 7-2 on Tuesday to close the downtown depot by the end of next year."
MIDDLE = "Opponents said the closure would cut bus service to the eastern suburbs for months."
LAST = "The depot opened in 1962 and employs about 140 mechanics and drivers."


def clean(text: str) -> tuple[str, list]:
    result = Cleaner(select=["B"]).clean(text, kind="text")
    return result.text, [f for f in result.findings if f.applied]


def paragraphs(text: str) -> list:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


# (junk line, code, rule name): lines of the shapes the scraped sources carry, names invented
TRAILING = [
    ("Featured image via Jane Roe/Getty Images", "B009", "photo-credit-line"),
    ("Featured Image: Screenshot", "B009", "image-credit-line"),
    ("(Ben Carter/Twitter @stormchaser22)", "B009", "image-credit-line"),
    ("Photograph: Anna Lee/AP", "B009", "photo-credit-line"),
    ("Source: City Transit Review, Mark Hale", "B002", "source-trailer-any-case"),
    ("source: dailytransit.example.com/depot-closure", "B002", "source-trailer-any-case"),
    ("Via Metro Desk", "B002", "source-trailer-any-case"),
    ("h/t Riverside Bugle", "B002", "source-trailer-any-case"),
    ("URN", "B013", "agency-tail"),
    ("-- AFP", "B013", "agency-tail"),
    ("Tom Reyes is a reporter for the Valley Ledger. Follow him on Twitter at @tomreyes.", "B013",
     "author-bio-follow"),
    # stop 24: Indian dailies' wire credit and a compiler's credit
    ("(With inputs from PTI)", "B013", "files-from-credit"),
    ("With inputs from agencies", "B013", "files-from-credit"),
    ("This report was compiled by Dana Ruiz in Lima.", "B013", "files-from-credit"),
    ("Disclaimer: The Ledger may earn a commission from links on this page.", "B007", "disclaimer"),
    ("This article was reprinted from harborhealth.example with permission from the Harbor Health Trust. "
     "Harbor Health News is an editorially independent service of the trust.", "B003", "appeared-first"),
]
ANYWHERE = [
    ("- Advertisement -", "B006", "ad-marker"),
    ("AD", "B006", "ad-marker"),
    ("Spread the love", "B005", "app-social-promo"),
    ("Share this story on Facebook or Twitter", "B005", "app-social-promo"),
    ("Share this post and leave your comment below.", "B005", "app-social-promo"),
    ("What do you think about this?", "B005", "app-social-promo"),
    ("Google Pinterest Digg Linkedin Reddit Stumbleupon Print Delicious Pocket Tumblr", "B005",
     "app-social-promo"),
    ("Like our page on Facebook", "B005", "app-social-promo"),
    ("Share on Facebook Share on Twitter Share via Email", "B005", "app-social-promo"),
    ("Share this: Facebook | X | LinkedIn | Email", "B005", "app-social-promo"),
    ("SHARE: Facebook, Twitter, WhatsApp", "B005", "app-social-promo"),
    ("Follow NBC Health on Twitter & Facebook.", "B005", "app-social-promo"),
    ("(Visited 41 times, 1 visits today)", "B005", "app-social-promo"),
    ("Leave a reply", "B005", "app-social-promo"),
    ("This is restricted premium content. Available free on our mobile apps for a limited time.", "B005",
     "paywall-prompt"),
    ("Subscribe to continue reading", "B005", "paywall-prompt"),
    ("Get the Health Desk weekly newsletter. Sign up here to get it every Tuesday.", "B005", "paywall-prompt"),
    ("Get breaking news alerts and special reports, delivered weekday mornings.", "B005", "paywall-prompt"),
    ("reporter.desk@example.com", "B005", "contact-address"),
    ("Send him an email at [email protected]", "B005", "contact-address"),
    ("Slide 3 of 13", "B009", "gallery-furniture"),
    ("Show captions", "B009", "gallery-furniture"),
    ("Last slide Next slide", "B009", "gallery-furniture"),
    ("Facebook Twitter Pinterest The depot's repair bay in 1970.", "B009", "gallery-furniture"),
    ("Posted on March 3, 2017 by Carl Hines", "B015", "posted-on"),
    ("November 13, 2016 By citydesk Leave a Comment", "B015", "posted-on"),
    ("Topics: transit , city council , budget , labor", "B008", "tag-line"),
    ("[Towering storms swirled over the valley last June]", "B008", "bracketed-headline"),
    ("Find out more", "B008", "read-more-line"),
    ("Read More @ https://example.com/depot", "B008", "read-more-line"),
    ("Privacy Policy | Terms of Use | Contact Us", "B010", "footer-links"),
    ("Skip to main content", "B010", "footer-links"),
    # families of the newsdata source (bench/real_scraped.py), seen in half of it; lines written anew
    ("Get browser notifications for breaking news, live events, and exclusive reporting.", "B005",
     "app-social-promo"),
    ("Be the first to know", "B005", "app-social-promo"),
    ("Turn on browser notifications", "B005", "app-social-promo"),
    ("Not Now", "B010", "interface-word"),
    ("Listen 6 min Comment on this story Comment Gift Article Share", "B010", "interface-word"),
    ("GiftOutline Gift Article", "B010", "interface-word"),
    ("Enlarge this image toggle caption Dana Ruiz/AP Dana Ruiz/AP", "B009", "gallery-furniture"),
    ("VIEW GALLERY - 12 IMAGES", "B009", "gallery-furniture"),
    ("If you found this article useful, please consider a small donation to help keep the Ledger free for "
     "everyone.", "B005", "paywall-prompt"),
    # families of readability's test pages (bench/real_scraped.py, tune part); lines written anew
    ("Credit Dana Ruiz/Agence France-Presse — Getty Images", "B009", "photo-credit-line"),
    ("Credit Harriet Cole", "B009", "photo-credit-line"),
    ("Tom Reyes/Digital Vision/Getty Images", "B009", "photo-credit-line"),
    ("(Ana Cruz Images/Moodboard/Getty)", "B009", "photo-credit-line"),
    ("(All photos: Valley Ledger staff)", "B009", "photo-credit-line"),
    ("Source: Supplied", "B002", "source-link"),
    ("Promoted by Linkwidget", "B006", "ad-marker"),
    ("Related Searches", "B008", "related-heading"),
    ("|Facebook", "B010", "interface-word"),
    ("Save", "B010", "interface-word"),
    ("Was this article helpful?", "B010", "interface-word"),
    ("Follow Valley Ledger: Twitter | Facebook", "B010", "interface-word"),
    # a blog engine's share-and-like box, one button per line or all on one line
    ("Click to share on Twitter (Opens in new window)", "B005", "app-social-promo"),
    ("Click to email a link to a friend (Opens in new window)", "B005", "app-social-promo"),
    ("Click to share on Facebook (Opens in new window) Click to share on WhatsApp (Opens in new window)",
     "B005", "app-social-promo"),
    ("Like this:", "B005", "app-social-promo"),
    ("Like Loading...", "B005", "app-social-promo"),
    ("Advertisement - Continue Reading Below", "B006", "ad-marker"),
    ("ADVERTISEMENT - SCROLL TO CONTINUE READING", "B006", "ad-marker"),
    ("Want more stories like this? Sign up for our newsletter and get the latest news delivered to your "
     "inbox.", "B005", "newsletter-box"),
    # stop 24, families of the l3s tune pages (2008): print and bookmark controls, the comment box's
    # links, alert services and e-paper offers; lines written anew
    ("Printable version", "B010", "share-bar"),
    ("Printer-friendly version", "B010", "share-bar"),
    ("StumbleUpon", "B010", "share-bar"),
    ("Share this article: \u00a0Post to Digg.com - Add to del.icio.us", "B010", "share-bar"),  # a no-break space too
    ("Post your comments", "B005", "comment-link"),
    ("Have your say", "B005", "comment-link"),
    ("There are no comments yet.", "B005", "comment-link"),
    ("Subscribe to this news alert service to receive news and reviews on the depot", "B005", "paywall-prompt"),
    ("Subscribe today to our e-paper for the full story", "B005", "paywall-prompt"),
    # stop 24, meters, walls and premium labels in public news sites' wordings
    ("You've used all your free stories for this month.", "B005", "paywall-prompt"),
    ("To continue reading this story, you need a digital subscription.", "B005", "paywall-prompt"),
    ("Continue reading your article with a Valley Ledger membership", "B005", "paywall-prompt"),
    ("Premium content", "B005", "paywall-prompt"),
    ("Already have a subscription? Sign in.", "B005", "paywall-prompt"),
    # stop 24, a blog engine's stamp with its author, a page's own update label
    ("Posted by Dana Ruiz at 10:42 AM", "B015", "labelled-stamp"),
    ("Page last updated at 10:42 GMT, Tuesday, 15 January 2008", "B015", "labelled-stamp"),
]


@pytest.mark.parametrize("line,code,name", TRAILING + ANYWHERE)
def test_junk_line_at_the_end_is_deleted_under_its_family(line, code, name):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")
    assert [(f.code, f.source) for f in applied] == [(code, f"boilerplate:{name}")]
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]


@pytest.mark.parametrize("line,code,name", ANYWHERE)
def test_junk_line_between_paragraphs_is_deleted(line, code, name):
    text, applied = clean(f"{LEAD}\n\n{line}\n\n{MIDDLE}\n\n{LAST}")
    assert [f.code for f in applied] == [code]
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]


@pytest.mark.parametrize("tail", [
    "Photo by Win Hale/Getty Images.",
    "Featured image via Frederick M. Brown/Getty Images",
    "Featured image via screengrab",
    "Image via screen capture.",
])
def test_credit_glued_to_the_last_sentence_is_cut_off(tail):
    # dumps that lost their line breaks run the picture credit into the last sentence
    body = f"{LEAD} {MIDDLE} It is a badly run agency, one rider said."
    text, applied = clean(body + tail)
    assert text == body
    assert [f.source for f in applied] == ["boilerplate:credit-glued-to-last-sentence"]


def test_credit_glued_after_an_embedded_tweet_date():
    body = f"{LEAD} Transit Watch (@transitwatch) December 10, 2017"
    text, _ = clean(body + "Featured image via Drew Hale/Getty Images")
    assert text == body


def test_follow_prompt_and_contact_at_the_end_of_a_bio_go_the_bio_stays():
    bio = "Zach Hale is an activist and author from Richmond, Virginia. He enjoys writing about transit."
    text, _ = clean(f"{LEAD}\n\n{bio} Send him an email at [email protected]")
    assert paragraphs(text) == [LEAD, bio]
    text, _ = clean(f"{LEAD}\n\n{bio} Follow him on Twitter@ZachHale.")
    assert paragraphs(text) == [LEAD, bio]


def test_agency_credits_inside_the_last_paragraph():
    # AP's "X reported from Y." above the credit is a credit too (B013 reported-from, stop 19)
    text, _ = clean(f"{LEAD}\n\nShih reported from Seoul. Ana Ruiz in Lima contributed to this report.")
    assert paragraphs(text) == [LEAD]
    text, _ = clean(f"{LEAD}\n\nShih said she reported from Seoul. Ana Ruiz in Lima contributed to this report.")
    assert paragraphs(text) == [LEAD, "Shih said she reported from Seoul."]
    text, _ = clean(f"{LEAD}\n\n{LAST} -- AFP")
    assert paragraphs(text) == [LEAD, LAST]
    text, _ = clean(f"{LEAD}\n\n{LAST} Maria Lopez can be reached at mlopez@example.com or 555-0100.")
    assert paragraphs(text) == [LEAD, LAST]


@pytest.mark.parametrize("prose", [
    "Commuters shared photos from the platform – and complaints – directly with the council.",
    "Source: the transit authority said on Monday that talks had stalled, according to two people.",
    "Via Rail said the line would reopen on Monday after repairs to the bridge.",
    "Get the latest updates on the status of the depot from the city; and",
    "If you have any questions about the closure or the new routes, please email the council at depot@example.gov.",
    "[Verb - item]",
    "What do you think the council should do about the eastern routes, one resident asked.",
    "Follow the money, the auditor told the council on Tuesday.",
    "The photo by Jane Roe shows the depot in 1962.",
    "Privacy policy changes were approved by the board last year.",
    "Be the first to know when the depot reopens by signing up at the library, the council said.",
    "Turn on the radio and you will hear about the depot every hour, one driver said.",
    "If you value the depot, consider writing to the council before the vote, the union said.",
    "The story was reprinted in the union newsletter in 1971.",
    "Not now, the mayor said, and not next year either.",
    "Subscribers only get the discount on weekdays, the union said.",
    "Click for more details on the routes at any library.",
    "Route | Stops | Riders",
    "Home | Away | Score",
    "He wanted more... more",
    "This story appeared first on the council's website, officials said.",
    "[Hale, Transit in the Valley, p. 41]",
    "[Book of Psalms 23:4]",
    "Credit unions in the valley said the closure would hurt members who work nights.",
    "Credit Suisse said it would fund the new depot.",
    "The fare rose to $2/ride on routes run with AP funds.",
    "Save the depot, the banners said.",
    "Follow the money: the audit, the union said, shows where the fares went.",
    "Twitter users posted pictures of the empty depot on Tuesday.",
    "Share on Facebook, the mayor urged, and the post was shared 4,000 times.",
    "Share prices: Facebook fell 2% and Twitter rose 1% on the news.",
    "Want more proof? The audit shows where the fares went.",
    "Click to share buttons were added to the council's website last year.",
    "Riders like this: a bus every ten minutes and a depot nearby.",
])
def test_prose_that_resembles_a_family_stays(prose):
    text, applied = clean(f"{LEAD}\n\n{prose}\n\n{LAST}")
    assert applied == []
    assert text == f"{LEAD}\n\n{prose}\n\n{LAST}"


# -- position-aware, recall-safe deletion ------------------------------------------------------------
PROSE = [
    "The council voted 7-2 on Tuesday to close the downtown depot by the end of next year, officials said.",
    "Opponents said the closure would cut bus service to the eastern suburbs for months while routes change.",
    "The depot opened in 1962 and employs about 140 mechanics and drivers, according to the transit union.",
]


def test_a_twelve_item_list_in_the_middle_of_an_article_stays():
    items = "\n\n".join(f"- Route {n} Moves To The Eastern Garage" for n in range(1, 13))
    text = f"{PROSE[0]}\n\nRelated:\n\n{items}\n\n{PROSE[1]}\n\n{PROSE[2]}"
    out, applied = clean(text)
    assert "- Route 7 Moves To The Eastern Garage" in out and out.count("- Route") == 12
    assert [f.source for f in applied] == ["boilerplate:related-heading"]
    reported = Cleaner(select=["B"]).check(text, kind="text").findings
    assert sum("reported, not deleted" in f.message for f in reported) == 12


def test_the_same_list_at_the_end_of_the_article_goes():
    items = "\n\n".join(f"- Route {n} Moves To The Eastern Garage" for n in range(1, 4))
    out, _ = clean(f"{PROSE[0]}\n\n{PROSE[1]}\n\nRelated:\n\n{items}")
    assert paragraphs(out) == PROSE[:2]


def test_a_repeated_interview_question_stays():
    question = "Q: What would you say to riders who depend on the eastern routes every single day?"
    text = (f"{PROSE[0]}\n\n{question}\n\nA: We will add buses on the busiest lines before the depot closes.\n\n"
            f"{PROSE[1]}\n\n{question}\n\nA: Again, that the new garage will be open before winter.\n\n{PROSE[2]}")
    out, applied = clean(text)
    assert out == text and applied == []


def test_a_lead_pasted_twice_in_a_row_loses_its_copy():
    out, _ = clean(f"{PROSE[0]}\n\n{PROSE[0]}\n\n{PROSE[1]}\n\n{PROSE[2]}")
    assert paragraphs(out) == PROSE


def test_a_copyright_line_the_story_quotes_stays_and_the_footer_goes():
    quoted = "© 1962 City Transit Authority. All rights reserved."
    text = f"{PROSE[0]}\n\n{quoted}\n\n{PROSE[1]}\n\n{PROSE[2]}\n\nCopyright 2024 Valley Ledger"
    out, _ = clean(text)
    assert paragraphs(out) == [PROSE[0], quoted, PROSE[1], PROSE[2]]


def test_a_deletion_of_most_of_the_article_is_reported_not_applied():
    long_credit = "Reporting by " + ", ".join(f"Reporter{n} Name{n}" for n in range(12)) + "; Editing by Ann Lee"
    text = f"{PROSE[0]}\n\n{long_credit}"
    out, applied = clean(text)
    assert out == text and applied == []
    found = Cleaner(select=["B"]).check(text, kind="text").findings
    assert [f.fix for f in found] == ["none"] and "large part of the article" in found[0].message


def test_trailers_are_peeled_one_after_another():
    # a source line above a share prompt above a credit above a follow prompt: deeper than any one
    # end-of-article rule looks
    stack = ["Source: Valley Ledger, Tom Reyes", "Share this post and leave your comment below.",
             "Ana Ruiz in Lima contributed to this report.", "Follow us on Twitter @valleyledger",
             "Like our page on Facebook"]
    out, applied = clean("\n\n".join(PROSE + stack))
    assert paragraphs(out) == PROSE
    assert len(applied) == len(stack)
    again, more = clean(out)
    assert again == out and more == []


# -- families bench/junk_damage.py found missing on tune seeds: lines and glued tails, names invented --
@pytest.mark.parametrize("line,code,name", [
    ("(AP Photo/Dana Ruiz, File)", "B009", "photo-credit-line"),
    ("Ben Carter / AFP / Getty Images", "B009", "photo-credit-line"),
    ("This post Depot Closure Splits Council appeared first on Valley Ledger.", "B003", "appeared-first"),
    ("This article appeared first in The Valley Ledger.", "B003", "appeared-first"),
    ("Tom Reyes is a staff reporter for The Valley Ledger.", "B013", "author-bio-line"),
    ("Subscribe to the Valley Ledger to continue reading.", "B005", "paywall-prompt"),
    ("Subscribe today for unlimited digital access.", "B005", "paywall-prompt"),
    ("Get breaking news alerts from the Valley Ledger.", "B005", "paywall-prompt"),
    ("You might also like: Council Weighs New Bus Garage", "B008", "related-link-line"),
    # the forms bench/real_scraped.toml annotates for its agency-credit and paywall categories
    ("CLICK FOR MORE FROM THE VALLEY LEDGER", "B005", "app-social-promo"),
    ("Subscribe to read the full story.", "B005", "paywall-prompt"),
    ("Sign up here.", "B005", "paywall-prompt"),
    ("Subscribers only: the full timetable analysis is available to members.", "B005", "paywall-prompt"),
    ("Newsletter", "B005", "paywall-prompt"),
    # site navigation and truncated teasers
    ("Home | News | Sports | Business | Opinion", "B010", "navigation-bar"),
    ("World · Politics · Business · Tech · Obituaries", "B010", "navigation-bar"),
    ("Home » Transit » Valley Ledger", "B010", "breadcrumb-home"),
    ("Council weighs a new bus garage for the east side … more", "B008", "truncated-teaser"),
    ("https://valleyledger.example/2024/depot-closure-vote……", "B008", "truncated-teaser"),
    ("Continue reading…", "B008", "truncated-teaser"),
])
def test_more_junk_lines_at_the_end_are_deleted_under_their_family(line, code, name):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")
    assert [(f.code, f.source) for f in applied] == [(code, f"boilerplate:{name}")]
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]


@pytest.mark.parametrize("tail,name", [
    ("© 2023 The Valley Ledger. All rights reserved.", "copyright-glued"),
    ("Copyright 2019 Valley Ledger. All Rights Reserved. This material may not be published, broadcast, "
     "rewritten or redistributed.", "copyright-glued"),
    ("All rights reserved.", "copyright-glued"),
    ("Disclaimer: The views expressed here are the author's own.", "copyright-glued"),
    ("This story was originally published by the Harbor Review.", "republished-glued"),
    ("This article was first published on Harbor Review on May 21, 2012.", "republished-glued"),
    ("Originally published at harborreview.example.", "republished-glued"),
    ("The post Depot Closure Splits Council appeared first on Valley Ledger.", "republished-glued"),
    ("This post appeared first on \"Valley Ledger\". Read the entire article here.", "republished-glued"),
    ("(AP Photo/Dana Ruiz)", "credit-glued-parenthesised"),
    ("(credit: Dana Ruiz)", "credit-glued-parenthesised"),
    ("(Photo by Dana Ruiz/Xinhua)", "credit-glued-parenthesised"),
    ("Dana Ruiz / AFP / Getty Images", "credit-glued-parenthesised"),
])
def test_a_trailer_glued_after_the_last_sentence_is_cut_off(tail, name):
    # dumps that lost their line breaks: the trailer runs on after the story's last sentence
    body = f"{LEAD}\n\n{MIDDLE} {LAST}"
    text, applied = clean(f"{body} {tail}")
    assert text == body
    assert [f.source.rpartition(":")[2] for f in applied] == [name]


@pytest.mark.parametrize("last", [
    "First published in 1962, the timetable is still pinned up in the depot.",
    "The timetable was first published in 1962 by the city.",
    "Copyright 2019 changes take effect next year, the council said.",
    "Tom Reyes is a reporter for the Valley Ledger who first wrote about the depot in 2019.",
    "The rules were reprinted with permission from the union, which drafted them in 1971, officials said.",
    "Riders can find the new timetable (credit: the transit union) at every stop.",
    # stop 21's families (the l3s source's 2008 pages)
    "Depotline is a registered trademark of Valley Ledger Inc., the company said in its filing.",
    "The story was sourced from court records and interviews with drivers.",
    "Readers can subscribe now and pay later, the publisher said.",
    "The story is developing quickly, officials said.",
    "This story is developing into a fight over the depot's land, which the city bought in 1961.",
])
def test_a_last_sentence_that_only_resembles_a_trailer_stays(last):
    text = f"{LEAD}\n\n{MIDDLE} {last}"
    out, applied = clean(text)
    assert out == text and applied == []


# -- agency credits, legal footers and paywall prompts in their real variants (forms quoted in public
# -- scraper code and fixtures; names invented) ----------------------------------------------------------
REAL_VARIANTS = [
    ("CNN's Ana Ruiz, Tom Reyes and Dana Hale contributed reporting.", "B013"),
    ("— CNBC's Ana Ruiz and Tom Reyes contributed reporting.", "B013"),
    ("TNS analyst Lawrence E. Hale contributed to this report.", "B013"),
    ("AFP contributed to this report", "B013"),
    ("(Reporting By Ana Ruiz; editing by Tom Reyes)", "B013"),
    ("Associated Press writers Ana Ruiz in Lima and Tom Reyes in Quito contributed.", "B013"),
    ("Contributing: Ana Ruiz, Valley Ledger; The Associated Press", "B013"),
    ("— With assistance from Ana Ruiz.", "B013"),
    ("-- Additional reporting by Ana Ruiz", "B013"),
    ("Copyright Agence France-Presse, 2002-2019. All rights reserved.", "B007"),
    ("The Ledger is not responsible for the content of external sites.", "B007"),
    ("This website uses cookies to ensure you get the best experience on our website.", "B007"),
    ("By using this site, you agree to our Terms of Service and Privacy Policy.", "B007"),
    ("This article is licensed under a Creative Commons Attribution 4.0 International License.", "B007"),
    ("Cookie Settings", "B010"),
    ("You've read 3 of 5 free articles this month. Subscribe to continue reading", "B005"),
    ("This chapter is locked. Please subscribe to continue reading.", "B005"),
    ("Create a free account to continue reading.", "B005"),
    ("You have reached your limit of free articles.", "B005"),
    ("To read this article in full, please subscribe.", "B005"),
    ("This story is available exclusively to subscribers.", "B005"),
]


@pytest.mark.parametrize("line,code", REAL_VARIANTS)
def test_real_variants_of_credits_footers_and_paywalls_at_the_end_go(line, code):
    text, applied = clean("\n\n".join(PROSE + [line]))
    assert [f.code for f in applied] == [code]
    assert paragraphs(text) == PROSE


@pytest.mark.parametrize("tail", [
    "CNN's Ana Ruiz contributed reporting.",
    "Associated Press writers Ana Ruiz and Tom Reyes contributed.",
    "— With assistance from Ana Ruiz.",
    "©2019 Valley Ledger Network, LLC. All rights reserved.",
    "Copyright 2025 Ledger. All rights reserved. The Ledger is not responsible for the content of external sites.",
    "Privacy Policy | Terms of Service | Cookie Policy",
    "Subscribe to the Valley Ledger to continue reading.",
    "You've read 3 of 5 free articles this month.",
    "To read this article in full, please subscribe.",
    # more wordings (names invented)
    "The Associated Press contributed to this report.",
    "(Reporting by Ana Ruiz; Editing by Tom Reyes)",
    "-- Additional reporting by Ana Ruiz",
    "This article originally appeared on Valley Ledger.",
    "Only subscribers can read this article.",
    "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    "Contributing: Ana Ruiz, Valley Ledger; The Associated Press",
    "Editing by Tom Reyes",
    "— Ana Ruiz, Associated Press",
    "Video credit: Dana Hale/YouTube",
    "Distributed by Tribune Content Agency, LLC.",
    "This article is republished from The Ledger under a Creative Commons license. Read the original article.",
])
# "": dumps that lost the space after the stop too (the ISOT dumps run "...founded.We all know")
@pytest.mark.parametrize("space", [" ", ""])
def test_real_variants_glued_after_the_last_sentence_are_cut_off(tail, space):
    body = "\n\n".join(PROSE)
    text, applied = clean(f"{body}{space}{tail}")
    assert text == body and len(applied) == 1


def test_trailers_glued_one_after_another_are_peeled():
    # an agency credit, then a photo credit glued after it: the credit ends the text only once the
    # photo credit is cut
    body = "\n\n".join(PROSE)
    text, applied = clean(f"{body} (Reporting by Ana Ruiz; Editing by Tom Reyes) Photo by Dana Hale/Getty Images.")
    assert text == body
    assert sorted(f.code for f in applied) == ["B009", "B013"]


@pytest.mark.parametrize("prose", [
    "Heavy rain and poor drainage contributed.",
    "Rising fuel prices contributed to the losses, the transit union said.",
    "We use cookies to track which riders use the depot, the auditor said in her report.",
    "By using this site, the city saves $2 million a year, officials said.",
    "Support for the depot grew after the vote.",
    "The union's writers contributed to the timetable in 1971, and the council thanked them.",
    "Only subscribers can read this article, the publisher told the council, which objected.",
    "Start your free trial today, the union's leaflet urged riders, but few signed up.",
    "Republication of the timetable is prohibited until the council votes, officials said.",
    "Riders can email the transit office at help@transit.example or call 311.",
    "Email records show the council knew of the closure in March.",
    "You can follow the route changes on the city's website.",
    # stop 24: lines that resemble the copyright-and-trademark, site-terms and lower-case (c) footers, the
    # wire and compiler credits, the comment links and the e-paper offer
    "The plan was drawn up with inputs from residents and the union.",
    "The figures were compiled by the transit union in 2007.",
    "Riders can have your say forms at the depot, the council said.",
    "There are no comments from the mayor's office yet on the closure.",
    "Premium content makes up a third of the Ledger's revenue, its owner told the council.",
    "(C) Meaningless Posts Group",  # a lettered list's third item that happens to end in a company word
    "Please read our privacy policy before you sign, the clerk told the riders on Monday.",
    "Valley Ledger is registered in England, the company said in its annual report on Tuesday.",
    "Acme and Roadmate are trademarks of Acme Inc, the judge said, and the case will go to trial.",
])
def test_prose_that_resembles_a_credit_footer_or_paywall_stays(prose):
    text = "\n\n".join(PROSE[:2] + [prose, PROSE[2]])
    out, applied = clean(text)
    assert out == text and applied == []


def test_the_offer_under_a_paywall_prompt_goes_with_it():
    offer = ["Subscribe to continue reading", "Already a subscriber? Log In", "30 days 10k, or 5k per week",
             "Unlimited access to Premium articles, including subscriber-only Politics journalism",
             "Ad Free Website", "Manual Subscription"]
    text, applied = clean("\n\n".join(PROSE + offer))
    assert paragraphs(text) == PROSE
    assert {f.source.rpartition(":")[2] for f in applied} == {"paywall-prompt", "paywall-offer"}


def test_a_story_line_after_a_sign_up_prompt_stays():
    # the lines after the prompt end sentences: story, not an offer
    story = ["Subscribe to continue reading", "The depot closes on Friday.", "Buses run as usual until then."]
    text, applied = clean("\n\n".join(PROSE + story))
    assert paragraphs(text) == PROSE + story[1:]
    assert [f.source.rpartition(":")[2] for f in applied] == ["paywall-prompt"]


def test_a_credit_line_goes_wherever_extraction_left_it():
    # a credit above more than three paragraphs that no rule knows (reader comments, a live blog's
    # next entry): a whole line of credit is never story
    tail = ["Reader comment: the depot should have closed years ago, and the council knew it all along.",
            "Another reader wrote that the buses were late every single day of the last winter season.",
            "A third reader said the union had warned about the closure for more than two full years now.",
            "A fourth reader asked why the council had not published the full report on the closure yet."]
    credit = "Associated Press writer Ana Ruiz in Lima contributed to this report."
    text, applied = clean("\n\n".join(PROSE + [credit] + tail))
    assert paragraphs(text) == PROSE + tail
    assert [f.source.rpartition(":")[2] for f in applied] == ["credit-line"]


def test_a_list_item_lettered_c_is_no_copyright_sign():
    items = ["(A) Offensive posts", "(B) Inspirational posts", "(C) Meaningless or wrongly informed posts"]
    text = "\n\n".join(PROSE[:2] + items + [PROSE[2]])
    out, applied = clean(text)
    assert out == text and applied == []
    out, _ = clean("\n\n".join(PROSE + ["(c) 2019 Valley Ledger. All rights reserved."]))
    assert paragraphs(out) == PROSE


# -- more wordings of credits, notices, walls and page furniture (newspaper3k's test texts and public
# -- footer and paywall templates); names invented ----------------------------------------------------
@pytest.mark.parametrize("last", [
    "The depot will move to the U.S.Route 9 site, officials said.",
    "Riders can read the plan at transit.example.com.Subscribers get it by mail.",
    "The vote was 7-2.Copyright 2019 changes take effect next year.",
    "The union's report was written in 1971.Editing by hand took the staff two months.",
])
def test_a_last_sentence_run_on_after_a_stop_that_is_no_trailer_stays(last):
    # a stop, then a capital, is no trailer unless the whole rest of the paragraph is one
    text = "\n\n".join(PROSE[:2] + [PROSE[2] + last])
    out, applied = clean(text)
    assert out == text and applied == []


@pytest.mark.parametrize("line,code", [
    ("You have 2 free articles remaining.", "B005"),
    ("Please log in or register to continue reading.", "B005"),
    ("Keep reading with a digital subscription.", "B005"),
    ("This content is reserved for subscribers.", "B005"),
    ("Start your free trial today.", "B005"),
    ("The article you requested has been archived. All coverage from the last 14 days remains free of charge.", "B005"),
    ("This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.", "B007"),
    ("No part of this article may be reproduced without permission.", "B007"),
    ("All rights reserved. Republication or redistribution of Ledger content is expressly prohibited without "
     "the prior written consent of the Ledger.", "B007"),
    ("Use of this site constitutes acceptance of our User Agreement and Privacy Policy.", "B007"),
    ("Original article on Valley Ledger.", "B003"),
    ("This story was provided by Valley Ledger, dedicated to covering the transit industry.", "B003"),
    ("— Ana Ruiz, Associated Press", "B013"),
    ("Related article: Depot Workers Plan A Strike", "B008"),
    ("Next › Page 1 of 2", "B010"),
    ("Distributed by Tribune Content Agency, LLC.", "B003"),
    ("©2019 Valley Ledger. Visit at valleyledger.example. Distributed by Tribune Content Agency, LLC.", "B007"),
    ("Visit the Valley Ledger at www.valleyledger.example", "B003"),
    ("This story was produced by Valley Health News, an editorially independent program of the Ledger Foundation.",
     "B003"),
    ("[via Valley Ledger]", "B002"),
    ("Valley Ledger / Polaris", "B009"),
    ("By Dana Hale/WireImage.", "B009"),
    ("Credit: Dana Hale/Shutterstock.com View full size image", "B009"),
    ("Posted: Thursday, October 17, 2013, 8:09 PM Inappropriate video? Alert us.", "B015"),
    ("-- By Ana Ruiz Follow @anaruiz", "B013"),
    ("Have something to add to this story? Share it in the comments.", "B005"),
    ("Top Picks", "B008"),
    ("WATCH:", "B010"),
    ("Follow Valley Ledger @valleyledger, Facebook & Google+.", "B005"),
])
def test_more_wordings_of_walls_notices_and_credits_at_the_end_go(line, code):
    text, applied = clean("\n\n".join(PROSE + [line]))
    assert [f.code for f in applied] == [code]
    assert paragraphs(text) == PROSE


def test_a_share_bar_split_one_network_a_paragraph_goes_at_the_end_only():
    bar = ["Facebook", "Twitter", "Google", "WhatsApp", "Email"]
    text, applied = clean("\n\n".join(PROSE + bar + ["This article originally appeared on Valley Ledger."]))
    assert paragraphs(text) == PROSE
    middle = "\n\n".join(PROSE[:2] + ["Twitter", PROSE[2]])
    out, applied = clean(middle)
    assert out == middle and applied == []


def test_unbulleted_headlines_under_a_related_heading_go_when_they_end_the_article():
    heads = ["Could Depot Workers Be the Secret to Faster Buses?", "Five Routes the Council Wants to Cut",
             "Why the Eastern Suburbs Lost Their Garage"]
    text, applied = clean("\n\n".join(PROSE + ["Related Articles:"] + heads))
    assert paragraphs(text) == PROSE
    # the same lines with the story going on after them are not a trailing block: only the heading goes
    story = "\n\n".join(PROSE[:2] + ["Related Articles:"] + heads + [PROSE[2]])
    out, _ = clean(story)
    assert paragraphs(out) == PROSE[:2] + heads + [PROSE[2]]


@pytest.mark.parametrize("sentence", [
    "Email the writer at ana.ruiz@ledger.example.",
    "Contact reporter Ana Ruiz at [email protected]",
    "You can follow him on twitter at@anaruiz",
])
def test_a_contact_or_follow_sentence_goes_from_any_paragraph(sentence):
    # in a bio above two more paragraphs of the dump: out of reach of the end-of-article rules
    bio = f"Ana Ruiz covers transport for the Valley Ledger. {sentence}"
    text, applied = clean("\n\n".join([PROSE[0], bio, PROSE[1], PROSE[2]]))
    assert paragraphs(text) == [PROSE[0], "Ana Ruiz covers transport for the Valley Ledger.", PROSE[1], PROSE[2]]
    assert len(applied) == 1


def test_a_disclaimer_goes_however_much_junk_extraction_left_below_it():
    junk = ["Related Articles:", "Could Depot Workers Be the Secret to Faster Buses?",
            "Five Routes the Council Wants to Cut", "Why the Eastern Suburbs Lost Their Garage"]
    disclaimer = "Disclaimer: I received a free monthly pass from the transit authority."
    text, applied = clean("\n\n".join(PROSE + [disclaimer] + junk))
    assert paragraphs(text) == PROSE
    # between two prose paragraphs it is the story's own line: reported, not deleted
    middle = "\n\n".join(PROSE[:2] + [disclaimer, PROSE[2]])
    out, applied = clean(middle)
    assert out == middle and applied == []


def test_a_trailer_glued_after_a_very_long_paragraph_is_found_in_its_tail():
    # end-anchored trailer patterns read only the paragraph's tail; their lookbehind still sees the
    # stop before the window, and a trailer reaching into the window's start is still whole
    body = " ".join([PROSE[1]] * 2000)
    for tail in (" (Reporting by Ana Ruiz; Editing by Tom Reyes)", "The Associated Press contributed to this report.",
                 " This article is republished from The Ledger under a Creative Commons license. Read the original article."):
        text, applied = clean(body + tail)
        assert text == body and len(applied) == 1


@pytest.mark.parametrize("stamp", ["22 Dec, 2016", "Tuesday 7 March 2017, 09:11", "3 sept. 2019"])
def test_a_day_first_date_line_near_the_top_goes_and_a_dated_sentence_stays(stamp):
    text, applied = clean(f"{LEAD}\n\n{stamp}\n\n{MIDDLE}\n\n{LAST}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == ["boilerplate:dateline-line"]
    sentence = f"The depot closed on {stamp} after the vote."
    text, applied = clean(f"{LEAD}\n\n{sentence}\n\n{LAST}")
    assert applied == [] and paragraphs(text) == [LEAD, sentence, LAST]


# -- stop 16: more public forms of credits, contact blocks, walls, comment boxes, captions and dates ----
@pytest.mark.parametrize("line, source", [
    ("Reuters reporting by Ana Ruiz in Lagos; editing by Tom Reyes", "production-credit"),
    ("Edited by Tom Reyes", "production-credit"),
    ("Produced by Ana Ruiz; edited by Tom Reyes", "production-credit"),
    ("NBC News' Tom Reyes contributed.", "production-credit"),
    ("To contact the reporter on this story: Ana Ruiz in Lagos at aruiz@ledger.example", "contact-block"),
    ("To contact the editors responsible for this story: Tom Reyes at treyes@ledger.example", "contact-block"),
    ("— Ana Ruiz, The Valley Post", "signature-outlet"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "standards-line"),
    ("To continue reading this article, you must be logged in.", "login-wall"),
    ("Log in or create a free account to read this article", "login-wall"),
    ("Subscribe to our YouTube channel for more videos.", "channel-promo"),
    ("Follow AP's coverage of the depot at https://ledger.example/hub/depot", "channel-promo"),
    ("Be the first to comment", "comment-invite"),
    ("Tell us what you think in the comments below.", "comment-invite"),
    ("Share your thoughts in the comments.", "comment-invite"),
    ("Comments (5 posted)", "comment-invite"),
    ("Sources / Links", "sources-heading"),
])
def test_public_forms_of_trailers_go_at_the_end(line, source):
    text, applied = clean("\n\n".join(PROSE + [line]))
    assert [f.source for f in applied] == [f"boilerplate:{source}"]
    assert paragraphs(text) == PROSE


@pytest.mark.parametrize("prose", [
    "He was edited by the committee before the vote, the clerk said.",
    "You must be registered to vote by Friday, the clerk said.",
    "Tell us what you think about the depot by writing to the council before May.",
    "— Ana Ruiz, CDC Innovations Lead",  # a quotation's signature, no outlet
    "The sources of the money were never disclosed.",
])
def test_prose_and_signed_quotes_that_resemble_those_trailers_stay(prose):
    text, applied = clean("\n\n".join(PROSE + [prose]))
    assert applied == [] and paragraphs(text) == PROSE + [prose]


@pytest.mark.parametrize("caption, kept", [
    ("Ana Ruiz, at the depot's workshop | photo by Tom Reyes", "Ana Ruiz, at the depot's workshop"),
    ("Ana Ruiz, AKA the Fixer. Photo: Tom Reyes", "Ana Ruiz, AKA the Fixer."),
])
def test_a_captions_trailing_credit_goes_and_the_caption_stays(caption, kept):
    text, applied = clean("\n\n".join([PROSE[0], caption, PROSE[1], PROSE[2]]))
    assert paragraphs(text) == [PROSE[0], kept, PROSE[1], PROSE[2]]
    assert [f.source for f in applied] == ["boilerplate:caption-credit-tail"]


@pytest.mark.parametrize("stamp", ["Wed 25 Mar 2015 10.14 EDT", "2015-03-25", "25 March 2015 • 10:14am",
                                   "By Ana Ruiz | March 25, 2015", "By Ana Ruiz on March 25, 2015",
                                   "03/25/15", "25.03.2015", "3/25/15 10:14 AM"])
def test_date_lines_in_other_shapes_go_near_the_top(stamp):
    text, applied = clean(f"{LEAD}\n\n{stamp}\n\n{MIDDLE}\n\n{LAST}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert len(applied) == 1 and applied[0].code == "B015"


@pytest.mark.parametrize("row", [
    "By Ana Ruiz | Published 10:42 AM EST, Tue March 5, 2024 | Updated 2 hours ago",
    "By Ana Ruiz, Associated Press | Updated 3:15 PM ET March 5, 2024",
    "By Ana Ruiz and Tom Reyes • Posted March 5, 2024 at 9:30 a.m. • Updated 1 hour ago",
])
def test_a_byline_row_of_dates_and_times_goes_anywhere(row):
    for text in (f"{row}\n\n{LEAD}\n\n{MIDDLE}\n\n{LAST}", f"{LEAD}\n\n{MIDDLE}\n\n{row}\n\n{LAST}"):
        out, applied = clean(text)
        assert paragraphs(out) == [LEAD, MIDDLE, LAST]
        assert [f.source for f in applied] == ["boilerplate:byline-date-bar"]


def test_a_bar_after_a_byline_that_is_no_date_stays():
    line = "By Ana Ruiz | The council met at 10 a.m. on Tuesday to hear the depot's workers."
    text, applied = clean(f"{LEAD}\n\n{line}\n\n{MIDDLE}\n\n{LAST}")
    assert paragraphs(text) == [LEAD, line, MIDDLE, LAST] and applied == []


def test_a_numeric_date_inside_prose_stays():
    line = "The depot closed on 03/25/15 and reopened on 25.03.2016 after repairs."
    text, applied = clean(f"{LEAD}\n\n{line}\n\n{MIDDLE}\n\n{LAST}")
    assert paragraphs(text) == [LEAD, line, MIDDLE, LAST] and applied == []


def test_a_date_under_a_byline_goes_anywhere_and_an_event_date_stays():
    digest = "\n".join([LEAD, MIDDLE, "Depot plans for the eastern suburbs", "By Ana Ruiz", "March 25, 2015", LAST])
    text, applied = clean(digest)
    assert text == digest.replace("March 25, 2015\n", "")
    assert [f.source for f in applied] == ["boilerplate:date-under-byline"]
    event = "\n\n".join([LEAD, MIDDLE, "Event details:", "Thursday, February 6, 2014", "9:00 am - 1:00 pm", LAST])
    out, applied = clean(event)
    assert out == event and applied == []


@pytest.mark.parametrize("tail", ["Reuters reporting by Ana Ruiz in Lagos; editing by Tom Reyes",
                                  "To contact the reporter on this story: Ana Ruiz at aruiz@ledger.example",
                                  "Our Standards: The Thomson Reuters Trust Principles.",
                                  "— Ana Ruiz, The Valley Post"])
@pytest.mark.parametrize("space", [" ", ""])
def test_public_sign_offs_glued_after_the_last_sentence_are_cut_off(tail, space):
    text, applied = clean(PROSE[2] + space + tail)
    assert text == PROSE[2] and len(applied) == 1


@pytest.mark.parametrize("line, source", [
    ("Already contributed? Log in to hide these messages.", "donation-prompt"),
    ("Can we count on your support?", "donation-prompt"),
    ("We rely on readers like you to support our journalism.", "donation-prompt"),
    ("Independent journalism needs your support.", "donation-prompt"),
    ("Donate now", "donation-prompt"),
    ("Help us keep reporting. Donate today.", "donation-prompt"),
    ("Please support independent media. Donate today!", "donation-prompt"),
    ("SUPPORT OUR WORK: Become a member of VALLEYWIRE.TV today!", "donation-prompt"),
    ("Support alternative news: become a patron.", "donation-prompt"),
    ("Newsletter sign-up", "newsletter-label"),
    ("The material on this site may not be reproduced, distributed or transmitted, except with the prior "
     "written permission of the Ledger.", "site-terms-line"),
    ("Community Rules apply to all content you upload or otherwise submit to this site.", "site-terms-line"),
    ("Ad Choices", "site-terms-line"),
    ("Includes reporting from The Associated Press.", "wire-credit"),
    ("Staff and wire reports", "wire-credit"),
    ("Information from The Associated Press was used in this report.", "wire-credit"),
    ("Posted in: Transit News | City Hall", "posted-in-tags"),
    ("Credit...Ana Ruiz for The New York Times", "newsroom-photo-credit"),
    ("Ana Ruiz for The Valley Post", "newsroom-photo-credit"),
])
def test_reader_revenue_terms_and_wire_lines_go(line, source):
    text, applied = clean("\n\n".join(PROSE + [line]))
    assert [f.source for f in applied] == [f"boilerplate:{source}"]
    assert paragraphs(text) == PROSE


@pytest.mark.parametrize("prose", [
    "Your donation helps the flood victims, the Red Cross said.",
    "Can we count on the council to keep the depot open?",
    "Support independent media, the minister told the depot's union.",
    "A Different Tone for Different Times",
    "Information from the depot's logbook was used in the audit the union ordered.",
    "Residents can watch the council meeting here on Thursday, the mayor said.",
    "See the depot's timetable below for the changes.",
    "She told listeners on Spotify that the depot would close.",
    "The minister said the feed had not been edited by ministry staff, the Ledger reported.",
])
def test_prose_like_reader_revenue_and_credit_lines_stays(prose):
    text, applied = clean("\n\n".join(PROSE + [prose]))
    assert applied == [] and paragraphs(text) == PROSE + [prose]


@pytest.mark.parametrize("stamp", ["Updated on: March 25, 2023 / 3:14 PM / CBS News", "Published Mar 25, 2023 03:14PM ET"])
def test_labelled_date_stamps_with_an_outlet_tail_go_near_the_top(stamp):
    text, applied = clean(f"{LEAD}\n\n{stamp}\n\n{MIDDLE}\n\n{LAST}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST] and len(applied) == 1


@pytest.mark.parametrize("tail", ["Already contributed? Log in to hide these messages.",
                                  "Includes reporting from The Associated Press.",
                                  "To continue reading this article, you must be logged in.", "Ad Choices"])
@pytest.mark.parametrize("space", [" ", ""])
def test_reader_revenue_and_wire_lines_glued_after_the_last_sentence_are_cut_off(tail, space):
    text, applied = clean(PROSE[2] + space + tail)
    assert text == PROSE[2] and len(applied) == 1


@pytest.mark.parametrize("line, source", [
    ("Get Data Sheet, the Ledger's technology newsletter.", "newsletter-box"),
    ("Get up to speed with our Essential Valley newsletter, sent six days a week.", "newsletter-box"),
    ("Get top stories and blog posts emailed to me each day. Newsletters may offer personalized content or "
     "advertisements. Learn more", "newsletter-box"),
    ("Click 'OK' then 'Allow' to enable notifications", "notification-prompt"),
    ("To make sure you never miss out on your favourite NEW stories, we're happy to send you some reminders",
     "notification-prompt"),
    ("RELATED: Just sold! Peek inside the depot the council once called home", "related-link-line"),
    ("2 days ago", "relative-time"),
    # lead's probe, a hand-written celebrity-magazine story (the furniture such sites carry: their app box,
    # podcast call, a video's pointer and the zoom label of a photo), lines written anew here
    ("Watch the video above for more on the depot's closure!", "video-pointer"),
    ("See the full interview below:", "video-pointer"),
    ("Watch below.", "video-pointer"),
    ("Want stories like these delivered straight to your phone? Download the Valley Ledger iPhone app to "
     "stay connected!", "app-social-promo"),
    ("Listen on Apple Podcasts and Spotify to Depot Talk to hear more about your favorite lines!", "podcast-promo"),
    ("Subscribe to Depot Talk on Spotify or wherever you get your podcasts.", "podcast-promo"),
    ("Image zoom", "interface-word"),
    ("ALSO READ | Heatwave grips the valley as the depot records 45 degrees", "related-link-line"),
    ("Loading ...", "interface-word"),
])
def test_tune_and_probe_families_go_anywhere(line, source):
    text, applied = clean("\n\n".join([PROSE[0], line, PROSE[1], PROSE[2]]))
    assert [f.source for f in applied] == [f"boilerplate:{source}"]
    assert paragraphs(text) == PROSE


def test_a_single_topic_line_goes_among_the_last_lines_only():
    text, applied = clean("\n".join(PROSE + ["Topics: Transit", "Ana Ruiz"]))
    assert text == "\n".join(PROSE + ["Ana Ruiz"])
    assert [f.source for f in applied] == ["boilerplate:tag-line-single"]
    story = "\n".join([PROSE[0], "Topics: Transit", PROSE[1], PROSE[2], LEAD, MIDDLE, LAST])
    assert clean(story) == (story, [])


@pytest.mark.parametrize("prose", [
    "Get the depot's own newsletter archive from the library, the clerk said.",
    "Two days ago the depot closed for good.",
])
def test_prose_like_newsletter_and_time_lines_stays(prose):
    text, applied = clean("\n\n".join(PROSE + [prose]))
    assert applied == [] and paragraphs(text) == PROSE + [prose]


def test_a_follow_prompt_goes_with_the_networks_it_names_and_never_cuts_a_sentence_short():
    text, applied = clean(PROSE[2] + " Follow him on Twitter @anaruiz. Follow us on Twitter @ledger or Facebook.")
    assert text == PROSE[2] and len(applied) == 2
    sentence = PROSE[2] + " Follow him on Twitter and you will see why the club sold him."
    assert clean(sentence) == (sentence, [])


@pytest.mark.parametrize("line", [
    "Get Valley Transit Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here "
    "for more information.",
    "Get access to the Ledger Pro for as little as Rs 599 for first year. Use the code \"GETPRO\".",
])
def test_a_subscription_offer_with_its_price_goes(line):
    text, applied = clean("\n\n".join(PROSE + [line]))
    assert [f.source for f in applied] == ["boilerplate:subscription-offer"]
    assert paragraphs(text) == PROSE


@pytest.mark.parametrize("line, source", [
    ("This article does not contain investment advice or recommendations. Every investment and trading move "
     "involves risk.", "advice-disclaimer"),
    ("This content is for informational purposes only.", "advice-disclaimer"),
    ("The views and opinions expressed here are the author's alone.", "advice-disclaimer"),
    ("Report a correction or typo", "footer-link-line"),
    ("Terms & Conditions", "legal-line"),
    ("Got a confidential news tip? We want to hear from you.", "tip-prompt"),
    ("CLICK HERE FOR MORE SPORTS COVERAGE ON LEDGER.COM", "appeared-first"),
    ("Trending News", "related-heading"),
])
def test_disclaimers_footer_links_and_tip_prompts_go_at_the_end(line, source):
    story = [LEAD, MIDDLE, LAST] + PROSE
    text, applied = clean("\n\n".join(story + [line]))
    assert [f.source for f in applied] == [f"boilerplate:{source}"]
    assert paragraphs(text) == story


def test_a_disclaimer_between_two_story_paragraphs_stays_and_a_regulators_line_anywhere():
    disclaimer = "This content is for informational purposes only."
    story = "\n\n".join([LEAD, MIDDLE, disclaimer, LAST] + PROSE)
    assert clean(story)[0] == story
    quoted = "The report does not constitute investment advice, the regulators said."
    text = "\n\n".join([LEAD, MIDDLE, LAST] + PROSE + [quoted])
    assert clean(text) == (text, [])


@pytest.mark.parametrize("prompt", ["Follow him on Twitter, Facebook and Instagram.",
                                    "Follow us on Twitter and Facebook for more updates.",
                                    "Follow him on Twitter @anaruiz for more.",
                                    "Follow The Ledger on Twitter for the latest news."])
def test_a_follow_sentence_goes_whole_with_its_networks_and_its_purpose(prompt):
    text, applied = clean(PROSE[2] + " " + prompt + "\n\n" + LEAD + "\n\n" + MIDDLE)
    assert paragraphs(text) == [PROSE[2], LEAD, MIDDLE] and len(applied) == 1


@pytest.mark.parametrize("caption, kept", [
    ("The director addressing the patients before discharging them. PHOTO BY ANA RUIZ",
     "The director addressing the patients before discharging them."),
    ("Soldiers patrol near the border on Tuesday. Chung Sung-Jun / Getty Images",
     "Soldiers patrol near the border on Tuesday."),
])
def test_a_captions_trailing_credit_in_capitals_or_with_its_agency_goes(caption, kept):
    text, applied = clean("\n\n".join([PROSE[0], caption, PROSE[1], PROSE[2]]))
    assert paragraphs(text) == [PROSE[0], kept, PROSE[1], PROSE[2]]
    assert [f.source for f in applied] == ["boilerplate:caption-credit-tail"]


# -- wire credits, release trailers, disclaimers and newsletter forms in more public forms (stop 17);
# -- names invented --------------------------------------------------------------------------------
STOP17 = [
    ("With files from The Canadian Press", "B013"),
    ("— With files from Reuters and Valley News", "B013"),
    ("With wire services", "B013"),
    ("Ana Ruiz in Ottawa contributed.", "B013"),
    ("Valley News’ Ana Ruiz and Tom Reyes in Kyiv contributed.", "B013"),
    ("View original content to download multimedia: https://www.prnewswire.example/news-releases/depot.html", "B003"),
    ("View source version on businesswire.com: https://www.businesswire.example/news/depot", "B003"),
    ("Disclaimer. Valley Ledger does not endorse any content or product on this page.", "B007"),
    ("Legal Disclaimer: Valley Ledger provides the information as is, without warranty of any kind.", "B007"),
    ("All content © 2023 Valley Ledger", "B007"),
    ("Please enter valid email address to continue", "B005"),
    ("Create your free account or log in for more features.", "B005"),
    ("You can unsubscribe at any time.", "B005"),
    ("Thanks for reading VALLEY NEWS.", "B005"),
]


@pytest.mark.parametrize("line,code", STOP17 + [("SOURCE Valley Transit Corp", "B002")])
def test_more_public_forms_of_credits_notices_and_forms_go_as_the_last_line(line, code):
    text, applied = clean("\n\n".join(PROSE + [line]))
    assert paragraphs(text) == PROSE
    assert [f.code for f in applied] == [code]


@pytest.mark.parametrize("tail,code", [(t, c) for t, c in STOP17 if not t.startswith(("Disclaimer.", "Legal", "All content"))])
@pytest.mark.parametrize("space", [" ", ""])
def test_a_whole_line_trailer_run_on_after_the_last_sentence_goes(tail, code, space):
    # rules marked glued in rules/boilerplate.toml: the same line, run on as the last sentence
    body = "\n\n".join(PROSE)
    text, applied = clean(f"{body}{space}{tail}")
    assert text == body
    assert [f.code for f in applied] == [code] and "run on after the last sentence" in applied[0].message


def test_glued_trailers_peel_a_form_under_a_credit_and_keep_a_story_sentence_the_trailer_would_swallow():
    body = "\n\n".join(PROSE)
    text, applied = clean(f"{body} With files from The Canadian Press. Please enter valid email address to continue")
    assert text == body and sorted(f.code for f in applied) == ["B005", "B013"]
    # a multi-sentence stretch whose later sentence is long is story text, not a trailer's tail
    story = f"{body} With files from The Canadian Press. The council will vote on the closure again next spring, after hearings in every ward."
    assert clean(story) == (story, [])


@pytest.mark.parametrize("prose", [
    "With reports from the front lines suggesting heavy losses, the general resigned.",
    "Thanks for reading the plan so closely, the mayor told the union on Tuesday night.",
    "Source code for the timetable app is public, the council said.",
])
def test_prose_that_resembles_the_new_forms_stays(prose):
    text = "\n\n".join(PROSE + [prose])
    assert clean(text) == (text, [])
    glued = "\n\n".join(PROSE) + " " + prose
    assert clean(glued) == (glued, [])


def test_a_trailer_run_on_above_a_trailer_line_goes_in_the_same_round():
    from cleaner.checks import boilerplate
    from cleaner.document import Document

    body = "\n\n".join(PROSE)
    raw = f"{body} All content © 2023 Valley Ledger\n\nAlso read: Depot Workers Plan A Strike"
    assert sorted(f.code for f in boilerplate.run(Document(raw), None) if f.suggestion == "") == ["B007", "B008"]
    assert clean(raw)[0] == body


def test_a_stop_inside_an_address_is_no_sentence_start_for_glued_trailers():
    # "Rafael.Marinez@..." must not be read as a sentence "Marinez@..." that a contact rule takes whole
    text = "\n\n".join(PROSE) + " Questions about the plan go to the office of Rafael.Marinez@ed.example.gov."
    assert clean(text) == (text, [])
    glued = "\n\n".join(PROSE) + " For details, email [email protected]"
    assert clean(glued)[0] == "\n\n".join(PROSE)


def test_a_paywall_prompt_run_on_keeps_the_story_sentence_after_it():
    body = "\n\n".join(PROSE)
    story = f"{body} Sign up for the depot newsletter. The council will vote on the closure again next spring, after hearings in every ward."
    assert clean(story) == (story, [])
    text, applied = clean(f"{body} Subscribe to continue reading, Already a subscriber? Sign In")
    assert text == body and len(applied) == 1


# -- table rows: a scraper writes a layout table's cells as "| cell |" lines --------------------------
def test_junk_as_the_only_cell_of_a_table_row_goes_with_the_row_and_a_data_table_stays():
    # newspaper4k's AP page read by trafilatura: the photo's credit cell became a row of its own
    table = "| Route | Riders |\n| 12 | 4,100 |"
    text = f"{LEAD}\n{MIDDLE}\n| AP Photo/Dana Ruiz |\n{table}\n{LAST}"
    out, found = clean(text)
    assert out == f"{LEAD}\n{MIDDLE}\n{table}\n{LAST}"
    assert [(f.code, f.source) for f in found] == [("B009", "boilerplate:photo-credit-line")]
    for prose in ("| The depot opened in 1962. |", "| Photo booth |", f"| {LAST} |"):
        assert clean(f"{LEAD}\n{prose}\n{MIDDLE}")[0] == f"{LEAD}\n{prose}\n{MIDDLE}"


def test_a_trailer_at_the_end_of_a_table_cell_goes_and_the_cell_border_stays():
    # the story in a layout table's one cell, its credit run on before the cell's closing border, and
    # an empty row and the photo's credit row under it
    cell = f"| {LEAD} {MIDDLE} {LAST} Associated Press writer Dana Ruiz in Kabul contributed to this report. |"
    out, found = clean(f"{cell}\n|  |\n| AP Photo/Uncredited |")
    assert out.startswith(f"| {LEAD} {MIDDLE} {LAST}") and "contributed" not in out and "AP Photo" not in out
    assert out.rstrip().endswith("|")
    assert sorted((f.code, f.source) for f in found) == [("B009", "boilerplate:photo-credit-line"),
                                                         ("B013", "boilerplate:reporting-credit")]


def test_two_trailers_run_together_with_no_stop_between_them_both_go():
    # the credit's closing bracket is no stop, so the read-more link below it has no sentence start
    upper, lower = "(Reporting by Dana Ruiz; Editing by Omar Haddad)", "Click here to read more."
    out, found = clean(f"{LEAD} {MIDDLE} {LAST} {upper} {lower}")
    assert out == f"{LEAD} {MIDDLE} {LAST}"
    assert sorted(f.source for f in found) == ["boilerplate:appeared-first", "boilerplate:reporting-credit"]
    # a capitalised name after a word with no stop splits nothing unless both halves are trailers
    story = f"{LEAD} {MIDDLE} Her office told The Associated Press it would Subscribe to continue reading."
    assert clean(story)[0] == story


def test_a_date_line_in_a_header_block_below_a_teaser_goes_and_an_event_date_stays():
    # postlight's White House pages and a trafilatura page: a teaser line first, then title, issuer or
    # a "Published on" label, and the date on a line of its own; the rule reads only the top paragraphs
    teaser = "In this week's address, the President and the First Lady wished everyone a merry Christmas at home."
    header = "Remarks of the President\nWeekly Address\nThe White House"
    text = f"{teaser}\n{header}\nDecember 24, 2016\n{LEAD}\n{MIDDLE}"
    out, found = clean(text)
    assert out == f"{teaser}\n{header}\n{LEAD}\n{MIDDLE}"
    assert [f.source for f in found] == ["boilerplate:date-in-header"]
    for event in (f"{LEAD}\n{MIDDLE}\n{LAST}\nEvent details:\nMay 3, 2016\n9:00 am",
                  f"{LEAD}\n{MIDDLE}\n{LAST}\nThe fair opens to the public on:\nMay 3, 2016"):
        assert clean(event)[0] == event


# stop 20: a share control's label, a labelled stamp and a date under the article, in the shapes of the
# share widgets and CMS date fields news pages use; lines written anew
@pytest.mark.parametrize("line", ["Share Tweet Share Email", "Email | Print", "Share full article", "Email this story",
                                  "Copy link", "Link copied to clipboard", "Please share this with your friends",
                                  "If you enjoyed this article, please share it", "Find us on Facebook",
                                  "Connect with us on Twitter and Instagram", "Follow @depotwatch"])
def test_a_share_control_on_a_line_of_its_own_goes_anywhere(line):
    text, applied = clean(f"{LEAD}\n\n{line}\n\n{MIDDLE}\n\n{LAST}\n\n{LEAD} {MIDDLE}\n\n{LAST} {MIDDLE}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST, f"{LEAD} {MIDDLE}", f"{LAST} {MIDDLE}"]
    assert [f.source for f in applied] == ["boilerplate:share-bar"]


@pytest.mark.parametrize("prose", ["Facebook, Twitter and TikTok removed the depot videos on Monday.",
                                   "Share prices of the bus maker fell 4% after the vote.",
                                   "Twitter", "Please share this with your neighbours who ride the number 9 bus every day."])
def test_prose_and_a_networks_name_alone_in_the_middle_stay(prose):
    body = f"{LEAD}\n\n{prose}\n\n{MIDDLE}\n\n{LAST}\n\n{LEAD} {MIDDLE}\n\n{LAST} {MIDDLE}"
    text, applied = clean(body)
    assert text == body and applied == []


@pytest.mark.parametrize("line", ["Published 3:45 PM ET, Tue March 14, 2023", "Last updated on Mar 14, 2023",
                                  "Date posted: March 5, 2017", "Published time: 5 Mar, 2017 16:32",
                                  "Published - March 05, 2017 04:32 pm IST",
                                  "Published: 14:02 BST, 3 May 2023 | Updated: 15:47 BST, 3 May 2023"])
def test_a_labelled_stamp_goes_anywhere(line):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}\n\n{LEAD} {MIDDLE}\n\n{LAST} {MIDDLE}")
    assert line not in text and text.count(LEAD) == 2
    assert [f.source for f in applied] == ["boilerplate:labelled-stamp"]


@pytest.mark.parametrize("prose", ["Updated: five things to know about the depot",
                                   "Published 2023, the report said the depot lost money.",
                                   "Posted to 14 depots in 2017",
                                   # a headline, a reference or advice as a list item
                                   "- Photos: The depot's repair bay, then and now",
                                   "- DOI: https://doi.org/10.1000/depot.2017.1",
                                   "- Tip: Sign up for the county alert system to get flood warnings."])
def test_a_stamp_label_before_other_words_or_a_list_item_of_content_stays(prose):
    body = f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{prose}\n\n{LEAD} {MIDDLE}\n\n{LAST} {MIDDLE}"
    text, applied = clean(body)
    assert text == body and applied == []


def test_a_date_under_the_article_goes_and_an_event_or_timeline_date_stays():
    for stamp in ("March 14, 2023 10:00 AM ET", "Tue 14 Mar 2023 10.00 GMT", "2023-03-14"):
        text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{stamp}\n\nTags: depot, buses")
        assert paragraphs(text) == [LEAD, MIDDLE, LAST]
        assert "boilerplate:date-at-end" in [f.source for f in applied]
    for kept in (f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\nMarch 14, 2023\n\nThe council voted again.",
                 f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\nThe fair opens on:\n\nMay 3, 2016"):
        text, applied = clean(kept)
        assert text == kept and applied == []


# stop 20, from the tune part of bench/real_scraped.py (htmldate's and fundus's pages); lines written anew
@pytest.mark.parametrize("item", ["• Ana Ruiz can be reached at aruiz@ledger.example.",
                                  "• Reporting by Ana Ruiz; Editing by Tom Reyes",
                                  "* Follow us on Twitter @depotwatch",
                                  "- Depot Desk: Sign up for our weekly transit newsletter to get it in your inbox every Monday."])
def test_a_trailer_set_as_a_list_item_goes_with_its_bullet(item):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{item}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST] and applied
    assert all(f.message.endswith("(a list item)") for f in applied)



@pytest.mark.parametrize("line, source", [
    ("Main image: Ana Ruiz/iStock", "image-credit-line"), ("Cover photo: Ana Ruiz", "image-credit-line"),
    ("Read the full story here.", "appeared-first"),
    ("You can also follow us on Facebook and Twitter and download the Ledger app from the App Store.",
     "app-social-promo")])
def test_more_forms_of_credits_and_prompts_from_tune_pages_go(line, source):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == [f"boilerplate:{source}"]


def test_an_event_date_with_its_time_under_it_at_the_end_stays():
    story = "\n\n".join([LEAD, MIDDLE, LAST] * 4)
    body = f"{story}\n\nDepot open house\n\nThursday, February 6, 2014\n\n9:00 - 1:00 pm"
    text, applied = clean(body)
    assert text == body and applied == []


@pytest.mark.parametrize("caption, credit", [
    ("The depot's repair bay in 1962", "AP Photo/Ana Ruiz"),
    ("Mechanics leave the depot on Monday", "Ana Ruiz/Getty Images"),
    ("Workers leave the depot after the vote", "ANA RUIZ/AFP via Getty Images"),
    ("A bus leaves the depot on Tuesday", "(Ana Ruiz/AP)"),
    ("A bus leaves the depot on Tuesday", "Photograph: Ana Ruiz/The Ledger")])
def test_a_credit_run_on_after_a_caption_with_no_stop_goes_and_the_caption_stays(caption, credit):
    text, applied = clean(f"{LEAD}\n\n{caption} {credit}\n\n{MIDDLE}\n\n{LAST}\n\n{LEAD} {MIDDLE}")
    assert paragraphs(text) == [LEAD, caption, MIDDLE, LAST, f"{LEAD} {MIDDLE}"]
    assert [f.source for f in applied] == ["boilerplate:caption-credit-run-on"]


# stop 21, from the tune part of bench/real_scraped.py's l3s source (2008 news pages); lines written anew
@pytest.mark.parametrize("line, source", [
    ("This story is sourced direct from an overseas news agency as an additional service to readers. "
     "Spelling follows North American usage.", "syndication-line"),
    ("Please read our Terms and Conditions and Privacy Statement before using this site.", "legal-line"),
    ("Pick up a good habit this spring - subscribe now to save 25%", "paywall-line"),
    ("FREE Transit Newsletters", "newsletter-label"),
    ("Click here for free Newsletter subscription!", "newsletter-label"),
    ("Related Newsletters: Depot Weekly, Transit Wire", "newsletter-label"),
    ("Click Here to Comment on This Article", "comment-prompt"),
    ("Read all 12 comments Post a Comment", "comment-prompt"),
    ("Must be Registered to Respond (Free Registration, CLICK HERE)", "comment-prompt"),
    ("Share this article: Post to Digg.com - Post to Reddit! - Add to del.icio.us", "share-bar"),
    ("Digg this", "share-bar"),
    ("Depotline is a registered trademark of Valley Ledger Inc.", "trademark-notice"),
    ("All other marks are the property of their respective owners.", "trademark-notice"),
    ("AAP", "agency-tail"),
    ("Posted: Tuesday, January 8, 2008, 13:51 (GMT)", "labelled-stamp"),
    # lead's probe, a hand-written PTI story as Indian dailies run it (their notes on unedited agency copy)
    ("(This story has not been edited by Valley Ledger staff and is published from a syndicated news agency "
     "feed - PTI)", "syndication-line"),
    ("(Except for the headline, this story has not been edited by Ledger staff and is published from a "
     "syndicated feed.)", "syndication-line"),
    ("(Only the headline of this report may have been reworked by Ledger staff; the rest is auto-generated "
     "from a syndicated feed.)", "syndication-line"),
])
def test_the_2008_forms_of_trailers_go(line, source):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == [f"boilerplate:{source}"]


def test_a_trademark_notice_inside_the_body_stays():
    body = f"{LEAD}\n\nDepotline is a registered trademark of Valley Ledger Inc.\n\n{MIDDLE} {LAST}\n\n{LAST}"
    text, applied = clean(body)
    assert text == body and applied == []


def test_a_wire_credit_after_the_closing_rule_goes_with_the_rule_and_the_story_stays():
    line = f"{LEAD} {MIDDLE}   ___   Ana Ruiz reported from Tulsa. Associated Press writer Tom Reyes contributed to this report.   "
    text, applied = clean(f"{line}\n\nDepot to close next year")
    assert paragraphs(text) == [f"{LEAD} {MIDDLE}", "Depot to close next year"]
    assert [f.source for f in applied] == ["boilerplate:credit-after-rule"]


@pytest.mark.parametrize("cell", ["| © 2008 Valley Ledger Ltd. Depotline is a trade mark of Valley Ledger Ltd.",
                                  "Please read our Terms and Conditions before using this site. |"])
def test_a_legal_line_that_opens_or_closes_a_table_cell_goes(cell):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{cell}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert applied and all(f.message.endswith("(a table row)") for f in applied)


@pytest.mark.parametrize("note", ["This is a breaking news story. Check back for updates.",
                                  "This story is developing and will be updated.",
                                  "This story is still developing. More details will be made available once they emerge.",
                                  "More details to follow.",
                                  # lead's probe, a hand-written local-TV story (a station's plug for its updates)
                                  "This is a developing story. Stay with Valley 20 News for updates.",
                                  "This is a developing story; stay with 7NEWS on-air and online for the latest updates."])
@pytest.mark.parametrize("where", ["top", "end"])
def test_a_breaking_story_notice_goes_at_the_top_or_the_end(note, where):
    body = f"{note}\n\n{LEAD}\n\n{MIDDLE}\n\n{LAST}" if where == "top" else f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{note}"
    text, applied = clean(body)
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == ["boilerplate:update-notice"]


# stop 22, from the tune part of bench/real_scraped.py's l3s source (2008 layout pages); rows written anew
@pytest.mark.parametrize("row, source", [
    ("|  | © 2007 Valley Ledger Sports |", "copyright-line"),  # empty cells beside the one that holds text
    ("| ©2008 Valley Ledger. All Rights Reserved. privacy policy \\| your comments |", "copyright-line"),  # an escaped bar
    ("| Copyright © 2007 - 2008 - Valley Ledger. All rights reserved. | Home \\| About Us \\| Contact Us \\| RSS Feeds |",
     "copyright-line"),  # two cells, each junk
    ("| Newsletter | Site Map |  | Search | Advanced Search | ", "navigation-bar"),  # the cells read as one bar
    ("|  |  | CUSTOMER SERVICE : Subscribe now \\| How to advertise \\| Mobile edition \\| RSS feeds |  | ", "navigation-bar"),
    ("| digg del.icio.us facebook stumbleupon RSS |  | ", "share-bar"),
    ("Submit to: Digg Del.icio.us Reddit", "share-bar"),
    ("E-mail article Print view Share: Digg Newsvine", "share-bar"),
])
def test_the_2008_layout_rows_go(row, source):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{row}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == [f"boilerplate:{source}"]


@pytest.mark.parametrize("row", [
    "| Home | Away | Score |",  # a table of data: words the bars never carry
    "| Search | Rescue | Recovery |",
    "| Facebook | 2.9 billion users |",  # one cell is junk on its own, the other is not
    "| The depot opened in 1962. | Site Map |",
])
def test_a_data_row_or_a_row_with_one_story_cell_stays(row):
    body = f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{row}"
    text, applied = clean(body)
    assert text == body and applied == []


def test_a_bookmarking_row_needs_a_bookmarking_site_and_two_names():
    # a network's name or two as a line in the middle of a story (a how-to's heading) are not the 2008 bar
    for line in ("Reddit", "Twitter, Facebook", "Digg"):
        body = f"{LEAD}\n\n{line}\n\n{MIDDLE} {LAST}\n\n{LAST}"
        text, _applied = clean(body)
        assert line in text


@pytest.mark.parametrize("line", [
    "| Dana Ruiz can be reached at druiz@valleyledger.example | ",
    "Dana Ruiz can be reached at druiz@valleyledger.example or 412-555-0100.",
    "Dana Ruiz is a writer for the Valley Ledger/Sunday News. She may be reached at druiz@valleyledger.example.",
])
def test_a_contact_line_goes_above_a_box_of_links(line):
    # the end-of-article credits read the last paragraphs; a layout page sets a box of links under the story
    box = "More Transit Stories\n\nDepot plans at a glance\n\nBus routes\n\nTrain times"
    text, applied = clean(f"{LEAD}\n\n{MIDDLE} {LAST}\n\n{line}\n\n{box}")
    assert "druiz" not in text and "Bus routes" in text
    assert [f.source for f in applied] == ["boilerplate:contact-reached"]


def test_a_sentence_about_reaching_someone_without_an_address_stays():
    body = f"{LEAD}\n\nThe mayor said he can be reached at city hall on weekdays.\n\n{MIDDLE} {LAST}\n\n{LAST}"
    text, applied = clean(body)
    assert text == body and applied == []


@pytest.mark.parametrize("stamp", ["Last Update: 12/30/2007 11:25 am", "| Created: Friday, 11 Jan 2008, 11:09 PM EST | ",
                                   "By Dana Ruiz | Posted on 14 Jan 2008, 22:13 GMT", "Last modified: Jan. 14, 2008 at 10:13PM",
                                   "|  | By DANA RUIZ, Staff Writer | Updated: 14/01/2008 | 10:13 AM ET |  | "])
def test_a_stamp_with_a_2008_label_a_byline_or_a_run_on_time_goes_anywhere(stamp):
    text, applied = clean(f"{LEAD}\n\n{stamp}\n\n{MIDDLE} {LAST}\n\n{LAST}")
    assert paragraphs(text) == [LEAD, f"{MIDDLE} {LAST}", LAST]
    assert [f.source for f in applied] == ["boilerplate:labelled-stamp"]


def test_an_update_line_with_words_stays():
    body = f"{LEAD}\n\nUpdate: the council will vote again on Jan. 14, 2008.\n\n{MIDDLE} {LAST}\n\n{LAST}"
    text, applied = clean(body)
    assert text == body and applied == []


# stop 23, from the tune part of bench/real_scraped.py's l3s source: a layout page sets the story in one
# table cell, its credit or the wire's notice run on after its last sentence, and the page's rows follow
STORY_CELL = "| " + " ".join([LEAD, MIDDLE, LAST, MIDDLE.replace("Opponents", "Riders")])
PAGE_ROWS = "| Quicklinks |\n| Restaurants |  | Hotels |  |\n| Top of Page |  |"


@pytest.mark.parametrize("trailer, sources", [
    ("Associated Press writer Ana Ruiz in Lima contributed to this report.", ["reporting-credit"]),
    ("(Reporting by Ana Ruiz; Editing by Tom Reyes and Mark Hale)", ["reporting-credit"]),
    ("Copyright 2008 Associated Press. All rights reserved. This material may not be published, broadcast, "
     "rewritten, or redistributed.", ["copyright-sign-glued", "copyright-sign-glued", "legal-wording"]),
    ("© Copyright 2008 by Valley Ledger Newspapers", ["copyright-sign-glued"]),
])
def test_a_trailer_run_on_at_the_end_of_the_story_cell_goes(trailer, sources):
    text, applied = clean(f"{STORY_CELL} {trailer}  | \n{PAGE_ROWS}")
    assert text.split() == f"{STORY_CELL} | \n{PAGE_ROWS}".split()  # (the spaces before the border may stay)
    assert sorted(f.source for f in applied) == sorted(f"boilerplate:{s}" for s in sources)
    assert all(f.message.endswith("(run on at the end of a table cell)") for f in applied)


# stop 34: two or three trailers peeled apart at the end of a story cell left a double space before the
# cell's border ("said.  |"): each takes the space before it, as at the end of a paragraph
@pytest.mark.parametrize("trailers, after", [
    ("Ana Ruiz contributed to this report. Copyright 2008 Associated Press. All rights reserved.", " |"),
    ("Copyright 2008 Associated Press. All rights reserved.", " |"),
    ("Ana Ruiz contributed to this report. Copyright 2008 Associated Press. All rights reserved.",
     " | Video: Council Vote Explained (1:06) |"),  # the cell closes in the middle of the line
])
def test_trailers_peeled_from_the_end_of_a_story_cell_leave_one_space_before_its_border(trailers, after):
    text, applied = clean(f"{STORY_CELL} {trailers}{after}\n{LEAD}")
    assert text == f"{STORY_CELL}{after}\n{LEAD}"
    assert len(applied) == len(re.findall(r"[.)](?= |$)", trailers))


@pytest.mark.parametrize("tail", [
    "Copyright 2019 changes take effect next year, the clerk said.",  # a sentence about copyright
    "Ana Ruiz contributed to the fund in 2006 and again in 2007.",
])
def test_a_story_cell_ending_in_prose_keeps_it(tail):
    body = f"{STORY_CELL} {tail} | \n{PAGE_ROWS}"
    text, _applied = clean(body)
    assert tail in text


# stop 23, from the tune part of bench/real_scraped.py's l3s source: a page's copyright footer with one
# more line of the page under it that reads as prose (a promo, a tip-off prompt)
@pytest.mark.parametrize("footer", ["Copyright © 2008 The Valley Ledger Company", "© 2008",
                                    "©All rights reserved, news from Valley Press"])
def test_a_copyright_footer_with_one_page_line_under_it_goes(footer):
    promo = "ValleyJobs.example is giving away 8 incredible 1-day mentorships with professionals like a winemaker."
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{footer}\n\n{promo}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST, promo]
    assert [f.source for f in applied] == ["boilerplate:copyright-line"]


def test_a_copyright_line_with_two_lines_of_story_under_it_stays():
    quoted = "© 1962 City Transit Authority. All rights reserved."
    body = f"{PROSE[0]}\n\n{quoted}\n\n{PROSE[1]}\n\n{PROSE[2]}"  # sentences of prose length (15 words or more)
    text, applied = clean(body)
    assert text == body and applied == []


# a blog engine's widgets and a newsletter box in the wordings blogs and alternative-news sites print,
# each wording other than the probe's that found the family (names invented)
@pytest.mark.parametrize("line,code,name", [
    ("Post Views: 1,024", "B010", "interface-word"),
    ("12.5K views", "B010", "interface-word"),
    ("(Visited 1,234 times, 5 visits today)", "B010", "interface-word"),
    ("Subscribe now", "B010", "interface-word"),
    ("Your email address will not be shared. Required fields are indicated with *", "B005", "comment-invite"),
    ("Print-friendly version", "B010", "share-bar"),
    ("Please support us with a donation today!", "B005", "donation-prompt"),
    ("Be sure to follow us on Gab", "B005", "app-social-promo"),
    ("Remember to like us on Facebook for more updates", "B005", "app-social-promo"),
    ("Thank you for reading! Subscribe for more.", "B005", "thanks-for-reading"),
    ("This post was filed under World News. Bookmark the permalink.", "B008", "posted-in-tags"),
    ("« Previous Article", "B010", "pagination"),
    ("Newer Post →", "B010", "pagination"),
    ("Next story: Mayor resigns after audit", "B010", "pagination"),
    ("Receive the best stories sent to your inbox every morning.", "B005", "newsletter-box"),
    ("Enter your e-mail here:", "B005", "newsletter-form"),
    ("Article continues below", "B006", "ad-marker"),
    # a repost's pointer to the rest of the story
    ("Read the remainder of this story at Valley Ledger.", "B008", "read-more-line"),
    ("The complete article is available via valleyledger.example.", "B008", "read-more-line"),
])
def test_blog_widgets_and_newsletter_lines_in_other_wordings_go(line, code, name):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")
    assert [(f.code, f.source) for f in applied] == [(code, f"boilerplate:{name}")]
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]


@pytest.mark.parametrize("prose", [
    "The video drew 2,345 views in its first hour, the company said.",
    "Please support our work, the director told the council on Monday.",
    "Next story in the series will look at the state's water supply.",
    "She said she would follow them on Twitter and report what they posted.",
    "Thanks for reading the report so carefully, the judge told the jurors.",
    "Views: mixed, according to a survey of 1,200 voters.",
    "Read the rest of this article to find out why the council changed its mind.",
    "The full report can be read by anyone who asks the council for a copy, officials said.",
    "[...]",  # an elision on a line of its own: a transcript's cut (a repost's cut is not told from it)
])
def test_story_lines_that_resemble_blog_widgets_stay(prose):
    text = f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{prose}"
    out, applied = clean(text)
    assert out == text and applied == []


@pytest.mark.parametrize("box", [
    ["About the Author", "Dana Ruiz", "Dana Ruiz is the author of The Harbor at Night."],
    ["About the writer", "Tom Reyes is a Valley Ledger reporter based in Fresno. He covers transit... Read more"],
    ["About the author", "Mark Hale", "Senior Vice President of Operations at the Transit Council"],
    ["About the Authors:", "Anna Lee and Ben Carter are freelance journalists based in Denver."],
])
def test_an_about_the_author_box_that_ends_the_article_goes(box):
    text, applied = clean("\n\n".join([LEAD, MIDDLE, LAST, "\n".join(box)]))
    assert [(f.code, f.source) for f in applied] == [("B013", "boilerplate:about-the-author")] * len(box)
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]


def test_an_about_the_author_heading_with_the_story_after_it_stays():
    text = "\n\n".join([LEAD, "About the author\nthe book is long, the critic said.", MIDDLE, LAST])
    out, applied = clean(text)
    assert out == text and applied == []


@pytest.mark.parametrize("line, source", [
    ("Send To A Friend", "send-to-friend"), ("E-mail this story to a friend", "send-to-friend"),
    ("E-mail this article to a friend Printable version", "send-to-friend"),
    ("Brought to you by", "ad-marker"), ("Presented by:", "ad-marker"),  # a sponsor's label, its logo gone
])
def test_a_mail_to_a_friend_control_or_a_bare_sponsor_label_goes(line, source):
    text, applied = clean(f"{LEAD}\n\n{line}\n\n{MIDDLE}\n\n{LAST}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == [f"boilerplate:{source}"]


def test_a_sentence_about_sending_or_sponsoring_stays():
    for line in ("She said she would send the letter to a friend in Lima.", "The fair was brought to you by volunteers."):
        body = f"{LEAD}\n\n{line}\n\n{MIDDLE}"
        assert clean(body)[0] == body


def test_a_story_cell_closing_in_the_middle_of_a_line_loses_its_run_on_notice():
    # a layout page's story cell ends "... reserved. | Video: Michigan Primary (2:21) ...": the page's links
    # follow on the same line
    links = "Romney Wins Michigan (2:46) Council Vote Explained (1:06)"
    text, applied = clean(f"{STORY_CELL} ©MMVII, Valley Ledger Inc. All Rights Reserved. Send To A Friend | {links}")
    assert text.split() == f"{STORY_CELL} | {links}".split()
    assert sorted(f.source for f in applied) == ["boilerplate:copyright-sign-glued"] * 2 + ["boilerplate:send-to-friend"]


def test_the_storys_own_numbered_list_at_the_end_keeps_its_title_like_items():
    # stop 23, from an l3s tune page: the story's top-ten list ends the article, a few of its items read as
    # titles ("5. Oh So Dry In Southern Ontario"); a run of them inside the longer numbered list stays
    items = ["1. Vanishing ice at the top of the world", "2. A long flood threat on the coast",
             "3. Tropical summer on the prairies", "4. Oh So Dry In Southern Ontario", "5. Big Bad Noel, But No Juan",
             "6. Great lakes: how low will they go?"]
    body = f"{PROSE[0]}\n\n{PROSE[1]}\n\nTop weather stories of the year:\n" + "\n".join(items)
    text, applied = clean(body)
    assert text == body and applied == []


def test_a_numbered_most_read_block_of_headlines_still_goes():
    block = "1. Depot Closure Splits Council\n2. Riders Face Months Of Detours\n3. Mechanics Union Plans Vote"
    text, _applied = clean(f"{PROSE[0]}\n\n{PROSE[1]}\n\n{PROSE[2]}\n\n{block}")
    assert paragraphs(text) == PROSE


@pytest.mark.parametrize("line", [
    "Share your thoughts with us: what do you think of the depot plan? Email letters@ledger.example.",
    "Share your views in the comments below.",
    "Share your thoughts below. What do you think about the new fares?",
])
def test_a_call_to_share_your_thoughts_goes_with_its_question_and_address(line):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == ["boilerplate:comment-invite"]


def test_a_sentence_about_sharing_thoughts_stays():
    body = f"{LEAD}\n\nResidents were invited to share your thoughts on the depot, the flyer said.\n\n{LAST}"
    text, applied = clean(body)
    assert text == body and applied == []


# stop 24, from the tune part of bench/real_scraped.py's l3s source (2008 wire pages): a trailer run on
# after the story's last sentence, the page's copyright footer on the line under it, and the page's own
# lines (a most-viewed list, topic links) under that, so the story's line is not the article's last
MOST_VIEWED = "All About Valley Transit • Ana Ruiz\n| Most Viewed | Most Emailed |\n- 1 video\n- 2 depot\n- 3 budget"


@pytest.mark.parametrize("trailer, source", [
    ("E-mail to a friend", "send-to-friend"),
    ("Associated Press writer Ana Ruiz in Lima contributed to this report.", "reporting-credit"),
])
def test_a_trailer_run_on_above_the_copyright_footer_goes(trailer, source):
    footer = "Copyright 2008 The Associated Press. All rights reserved."
    lines = [LEAD, MIDDLE, LAST]
    text, applied = clean("\n".join(lines[:2] + [f"{LAST} {trailer}", footer, MOST_VIEWED]))
    assert text == "\n".join(lines + [MOST_VIEWED])
    assert sorted(f.source for f in applied) == sorted([f"boilerplate:{source}", "boilerplate:copyright-line"])
    assert any(f.message.endswith("(run on above the page's copyright footer)") for f in applied)


def test_a_last_sentence_above_the_footer_that_only_resembles_a_trailer_stays():
    for last in ("She said she would e-mail the plan to a friend.", "Ana Ruiz contributed to the fund in 2006."):
        body = "\n".join([LEAD, MIDDLE, last, "© 2008 Valley Ledger", MOST_VIEWED])
        text, _applied = clean(body)
        assert last in text and "Valley Ledger" not in text


# stop 24, from the tune part of bench/real_scraped.py's l3s source: a press release's copyright and
# trademark notice as one line, a UK site's terms and company-registration line under its copyright
# footer, an agency's lower-case (c) run on after the story; names and wordings invented
@pytest.mark.parametrize("footer, sources", [
    ("(C) 2008 Valley Navigation, Inc. All rights reserved. Valley, Roadmate and Trailpoint are trademarks of "
     "Valley Navigation, Inc. Hertz and NeverLost are registered trademarks of Hertz Systems, Inc. All other "
     "products and brand names are trademarks of their respective holders.", ["copyright-trademarks"]),
    ("© 2024 Valley Ledger Ltd. All rights reserved. Valley Ledger and the Ledger logo are registered trademarks "
     "of Valley Ledger Ltd. All other trademarks are the property of their respective owners.", ["copyright-line"]),
    ("© Copyright 2008 Valley Newspapers Ltd.\nThis service is provided on Valley Newspapers' standard Terms and "
     "Conditions. Please read our Privacy Policy.To inquire about a licence to reproduce material from the Ledger, "
     "click here.This website is published by a member of the Valley Group. Valley Group Limited, 1 Mill St, "
     "Leeds LS1 4AB, is registered in England No 81702. VAT number GB 243 8054 70.", ["copyright-line", "terms-registration"]),
    ("Valley Ledger Limited is registered in England and Wales with company number 04123456. Registered office: "
     "12 Mill Road, Leeds.", ["terms-registration"]),
])
def test_a_copyright_trademark_or_site_terms_footer_goes(footer, sources):
    promo = "Receive full access to all new and archived articles, unlimited portfolio tracking and e-mail alerts!"
    places = ("Leeds", "York", "Hull", "Bath", "Wells", "Ely", "Derby", "Truro", "Ripon", "Preston", "Durham", "Lincoln")
    story = PROSE + [f"{LEAD[:-1]} in {place}." for place in places]
    # (a story long enough that the footer is no large part of it)
    text, applied = clean("\n\n".join(story + [footer, promo]))
    assert paragraphs(text) == story + [promo]
    assert sorted(f.source for f in applied) == sorted(f"boilerplate:{s}" for s in sources)


def test_an_agencys_lower_case_c_run_on_at_the_end_of_the_story_cell_goes():
    text, applied = clean(f"{STORY_CELL} (c) Valley News Service | \n{PAGE_ROWS}")
    assert text.split() == f"{STORY_CELL} | \n{PAGE_ROWS}".split()
    assert [f.source for f in applied] == ["boilerplate:copyright-sign-glued"]


# stop 24, from the tune part of bench/real_scraped.py's l3s source: the page's tools as a row of cells, and
# the mail-to-a-friend control with the comment link run on at the end of the story's cell
@pytest.mark.parametrize("row", ["|  | E-mail this article |  | Printable version |  | Digg it |",
                                 "| Comments (12 posted) | Post your comment |"])
def test_a_row_of_print_share_and_comment_controls_goes(row):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{row}\n\n{LAST}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert len(applied) == 1 and applied[0].message.endswith("(a table row)")


def test_the_mail_and_comment_links_run_on_at_the_end_of_the_story_cell_go():
    text, applied = clean(f"{STORY_CELL} Email this story to a friend Have your say on this story |  |\n{PAGE_ROWS}")
    assert text.split() == f"{STORY_CELL} |  |\n{PAGE_ROWS}".split()
    assert sorted(f.source for f in applied) == ["boilerplate:comment-link", "boilerplate:send-to-friend"]


# stop 24, from the tune part of bench/real_scraped.py's l3s source: an AP caption with the wire's bracketed
# credit after its last sentence, on a line of its own or in a layout table's cell
@pytest.mark.parametrize("credit", ["(AP Photo/Dana Ruiz)", "(AP Photo/Dana Ruiz, File)", "(Reuters/Dana Ruiz)"])
def test_a_bracketed_wire_photo_credit_after_a_caption_goes_and_the_caption_stays(credit):
    caption = "Riders wait at the downtown depot in Valley City on Tuesday."
    text, applied = clean(f"{LEAD}\n\n{caption} {credit}\n\n{MIDDLE}\n\n{LAST}")
    assert paragraphs(text) == [LEAD, caption, MIDDLE, LAST]
    assert [f.source for f in applied] == ["boilerplate:caption-credit-tail"]
    text, _applied = clean(f"{LEAD}\n\n| {caption} {credit} |\n| Top News |  |\n\n{MIDDLE}\n\n{LAST}")
    assert f"| {caption} |" in " ".join(text.split()) and "Ruiz" not in text


def test_a_poll_named_in_brackets_inside_a_sentence_stays():
    body = f"{LEAD}\n\nAbout 40 percent of riders approve (Reuters/Ipsos) of the plan, the poll found.\n\n{MIDDLE}"
    assert clean(body)[0] == body

# lead's probe: a hand-written repost in the layout opinion and alternative-news sites share (lines written anew)
REPOST_TOP = ["Valley Ledger, March 03, 2017", "Region: Valley", "Theme: Transit"]
REPOST_END = [
    "Note to readers: please click the share buttons above or below. Forward this article to your email lists. "
    "Crosspost on your blog site, internet forums. etc.",
    "The original source of this article is the Valley Ledger",
    "Comment on Valley Ledger Articles on our Facebook page",
    "Become a Member of the Valley Ledger",
]


def test_a_reposts_taxonomy_block_and_its_calls_go():
    text, applied = clean("\n\n".join(REPOST_TOP + PROSE + REPOST_END))
    assert paragraphs(text) == PROSE
    assert sorted(f.source for f in applied) == sorted(
        ["boilerplate:outlet-date", "boilerplate:taxonomy-label", "boilerplate:taxonomy-label",
         "boilerplate:share-request", "boilerplate:share-request", "boilerplate:original-source-line",
         "boilerplate:comment-on-social",
         "boilerplate:membership-call"])


@pytest.mark.parametrize("prose", [
    "Region: the valley lost 300 jobs, the council's report said.",
    "Become a member of the depot's union, the leaflet urged drivers.",
    "The council said residents could comment on the plans on its website until March.",
])
def test_prose_like_repost_furniture_stays(prose):
    body = "\n\n".join([PROSE[0], prose, PROSE[1], PROSE[2]])
    text, applied = clean(body)
    assert text == body and applied == []



# a press release as wire services publish it and aggregators copy it; issuer, names and numbers invented
RELEASE = [
    "DENVER, March 4, 2025 /PRNewswire/ -- Harlow Pumps Inc. (NYSE: HRLW), a maker of industrial pumps, today "
    "reported revenue of $88.1 million for its fourth quarter, up 9% from a year earlier.",
    "Net income was $6.4 million, or $0.21 per diluted share, compared with $5.0 million a year ago, the company said.",
    '"Demand from water utilities stayed strong all year," said Chief Executive Maria Okafor. "We expect another '
    'year of growth."',
    "The company expects revenue of $360 million to $375 million in 2025 and plans to open a second plant in "
    "Pueblo, Colorado, in the autumn, adding about 120 jobs.",
    "Orders from municipal customers rose 14% in the quarter, while sales to oil and gas producers fell 6% as "
    "drilling slowed in Texas and North Dakota.",
    "Harlow will hold a conference call for analysts and investors at 10 a.m. Eastern time on Tuesday.",
]


@pytest.mark.parametrize("top,tail,names", [
    # PR Newswire: the provider label over the release, a safe-harbor notice and a contact block under it
    (["NEWS PROVIDED BY\nHarlow Pumps Inc.\nMar 04, 2025, 08:00 ET"],
     ["Forward-Looking Statements\nThis press release contains forward-looking statements within the meaning of "
      "the Private Securities Litigation Reform Act of 1995. Actual results may differ materially.",
      "Media Contact:\nDana Whitfield\nHarlow Pumps Inc.\npress@harlowpumps.example\n(303) 555-0187"],
     ["release-provider", "disclaimer", "release-contact-block"]),
    # Business Wire: "Contacts" over a block of one kind; GlobeNewswire's one-line contact
    ([],
     ["Contacts\nInvestors:\nSam Ortiz, Investor Relations\n+1 303-555-0110\nir@harlowpumps.example"],
     ["release-contact-block"]),
    ([],
     ["Cautionary Note Regarding Forward-Looking Statements",
      "This release may contain forward-looking statements. Readers are cautioned not to place undue reliance "
      "on them.",
      "Media inquiries: Dana Whitfield, press@harlowpumps.example"],
     ["disclaimer", "disclaimer", "release-contact-block"]),
])
def test_a_press_releases_furniture_goes_and_the_release_stays(top, tail, names):
    text, applied = clean("\n\n".join(top + RELEASE + tail))
    assert paragraphs(text) == RELEASE
    assert sorted(f.source for f in applied) == sorted(f"boilerplate:{n}" for n in names)


@pytest.mark.parametrize("prose", [
    # a reporter's sentences about a release, and a bare "Contact" heading over an edited article's contact
    "The release contains forward-looking statements that two analysts called too optimistic.",
    "Media contacts at the company did not respond to requests for comment on Tuesday.",
    "Contact\n\nDana Whitfield | dana (at) harlowpumps (dot) example",
])
def test_prose_about_a_release_stays(prose):
    body = "\n\n".join(RELEASE + [prose])
    text, applied = clean(body)
    assert text == body and applied == []


# -- stop 32: the wording variants of agency and contact credits, paywall prompts and legal footers
# -- (bench/junk_damage.py's *-variants families): other verbs, word orders, punctuation and casing, on a
# -- line of their own or run on after the last sentence. Names invented. ---------------------------------
WORDING_VARIANTS = [
    ("KABEL DAKASOR CONTRIBUTED REPORTING FROM BROOKFIELD.", "B013", "credit-line"),
    ("Tom Reyes, Ana Ruiz and Dan Cole contributed.", "B013", "credit-line"),
    ("With additional reporting by Ana Ruiz", "B013", "credit-line-any-case"),
    ("Ana Ruiz reported from Lima; Tom Reyes reported from Quito.", "B013", "reported-from"),
    ("Ana Ruiz Reported From Lima.", "B013", "reported-from"),
    ("Tom Reyes can be reached via email at treyes@valleyledger.example or on Twitter @treyes.", "B005",
     "contact-wording"),
    ("Get in touch with our newsdesk on 555-201-3344", "B005", "tip-prompt"),
    ("Sign up for the Valley Ledger's Transit emails", "B005", "paywall-prompt"),
    ("JOIN THE VALLEY LEDGER TODAY FOR UNLIMITED DIGITAL ACCESS", "B005", "paywall-prompt"),
    ("Please consider subscribing to the Valley Ledger.", "B005", "paywall-prompt"),
    ("Please consider supporting us with a small donation.", "B005", "paywall-prompt"),
    ("The Valley Ledger newsletter - the day's news in your inbox every morning", "B005", "subscription-box"),
    ("Newsletter: the day's top stories from the Valley Ledger", "B005", "newsletter-label"),
    ("No republication or redistribution without the express written consent of the Valley Ledger.", "B007",
     "legal-wording"),
    ("Use of this site is subject to our Terms of Use and Privacy Policy.", "B007", "legal-wording"),
    ("We may earn a commission from links on this page.", "B007", "legal-wording"),
    ("The Valley Ledger may receive a small commission for purchases made through links in this article.", "B007",
     "legal-wording"),
    ("We have a small favour to ask.", "B005", "reader-revenue-box"),
    ("If you value our reporting, please make a contribution today.", "B005", "reader-revenue-box"),
    ("Support the Valley Ledger from as little as $1 - it only takes a minute. Thank you.", "B005", "reader-revenue-box"),
    ("Thank you for your past contribution to the Valley Ledger.", "B005", "reader-revenue-box"),
    ("Unlike many news organizations, we have no paywall.", "B005", "reader-revenue-box"),
    ("Read the full newsletter here.", "B005", "subscription-box"),
    ("You're reading the Morning Brief newsletter.", "B005", "subscription-box"),
    ("This newsletter is sent every Tuesday.", "B005", "subscription-box"),
    ("For more, sign up for the Morning Brief newsletter.", "B005", "newsletter-box"),
    ("At the Valley Ledger, we believe that everyone needs high-quality journalism.", "B005", "reader-revenue-box"),
]


@pytest.mark.parametrize("line,code,name", WORDING_VARIANTS)
def test_a_credit_paywall_or_legal_line_in_other_wordings_goes_on_its_line(line, code, name):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")
    assert [(f.code, f.source) for f in applied] == [(code, f"boilerplate:{name}")]
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]


@pytest.mark.parametrize("line,code,name", WORDING_VARIANTS)
def test_the_same_wording_variants_go_when_run_on_after_the_last_sentence(line, code, name):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST} {line}")
    assert [f.code for f in applied] == [code]
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]


@pytest.mark.parametrize("line,name", [
    ("Write to Tom Reyes at treyes@valleyledger.example and Ana Ruiz at aruiz@valleyledger.example",
     "contact-wording"),
    ("You can reach Tom Reyes at treyes@valleyledger.example or 555-201-3344.", "contact-wording"),
    ("Click here to download the Valley Ledger app", "app-social-promo"),
])
def test_a_contact_or_app_call_goes_on_its_line_and_run_on(line, name):
    # run on, the end-of-article credit rules or the click-here call may take it first: one deletion either way
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST] and [f.source for f in applied] == [f"boilerplate:{name}"]
    glued, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST} {line}")
    assert paragraphs(glued) == [LEAD, MIDDLE, LAST] and len(applied) == 1


def test_a_credit_naming_its_sources_goes_on_its_line_and_a_sentence_of_reports_stays():
    line = "With reports from The Associated Press and the Valley Ledger"
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == ["boilerplate:credit-line-any-case"]
    prose = f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\nWith reports from the front lines suggesting heavy losses, the depot shut."
    assert clean(prose) == (prose, [])


def test_a_cookie_notice_of_two_sentences_run_on_after_the_story_goes_whole():
    notice = ("Our website uses cookies to improve your experience. By continuing to browse, you agree to our "
              "use of cookies.")
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST} {notice}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == ["boilerplate:legal-line"] * 2


def test_an_address_label_run_on_with_no_space_after_the_stop_goes():
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}E-mail: treyes@valleyledger.example")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == ["boilerplate:contact-address"]


@pytest.mark.parametrize("prose", [
    "Reporting by the Times showed the depot lost money for a decade.",
    "Please consider donating blood at the depot's drive on Saturday.",
    "Sign up for the county's emails from the library, the clerk said.",
    "Send us your feedback at info@valleyledger.example.",
    "Police could not reach him at his home on Tuesday.",
    "Many drivers contributed.",
    "Residents of Elm Street and Oak Avenue contributed.",
    "The depot newsletter - printed weekly - goes to every driver.",
    "Police reported from the scene that two buses had collided.",
    "By using the app, you agree to share your location with the transit agency.",
])
def test_prose_that_only_resembles_the_wording_variants_stays(prose):
    for text in (f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{prose}", f"{LEAD}\n\n{MIDDLE}\n\n{LAST} {prose}"):
        out, applied = clean(text)
        assert out == text and applied == []


@pytest.mark.parametrize("line,name", [
    ("March 3, 2017 Leave a comment", "stamp-furniture"),
    ("Mar 3, 2017 | 4 Comments", "stamp-furniture"),
    ("Published: Mar 3, 2017 · 5 min read", "labelled-stamp"),
    ("Updated: March 3, 2017 | Filed under: News", "labelled-stamp"),
    ("Dated: 3 March 2017", "labelled-stamp"),
    ("Posted March 3, 2017 by Ana Ruiz in Transit News", "posted-on"),
    ("Picture credits: Ana Ruiz", "photo-credit-line"),
    ("Photo illustration by Ana Ruiz", "photo-credit-line"),
    ("(Ana Ruiz/Reuters)", "photo-credit-line"),
    ("1 / 12", "gallery-furniture"),
    ("Posted: March 3, 2017 in News, Politics", "posted-stamp"),
    ("Can't afford to donate? Support the Valley Ledger by creating a free account.", "reader-revenue-box"),
])
def test_a_stamp_or_credit_in_other_wordings_goes_on_its_line_between_paragraphs(line, name):
    # below the first three paragraphs, where the top's own date rules do not read
    body = [LEAD, MIDDLE, PROSE[1], PROSE[2]]
    text, applied = clean("\n\n".join(body[:3] + [line] + body[3:] + [LAST]))
    assert [f.source for f in applied] == [f"boilerplate:{name}"]
    assert paragraphs(text) == body + [LAST]


@pytest.mark.parametrize("prose", ["March 3, 2017 was the day the depot closed.", "24/7", "1 / 2 cup of sugar"])
def test_a_date_or_a_fraction_in_a_sentence_stays(prose):
    text = f"{LEAD}\n\n{prose}\n\n{MIDDLE}\n\n{LAST}"
    assert clean(text) == (text, [])


@pytest.mark.parametrize("label", ["(Before It's News)", "(The Daily Ledger)", "(Valley Post)", "(Valley Online)"])
def test_an_outlet_label_in_brackets_above_the_story_goes(label):
    text, applied = clean("\n\n".join([label, LEAD, MIDDLE, LAST]))
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == ["boilerplate:outlet-label"]


@pytest.mark.parametrize("first", ["(Example)", "(Or, How the Council Saved the Depot)", "(Updated with the vote)"])
def test_a_bracketed_line_that_names_no_outlet_stays(first):
    body = "\n\n".join([first, LEAD, MIDDLE, LAST])
    text, applied = clean(body)
    assert text == body and applied == []


@pytest.mark.parametrize("prose", [
    "If you like the new routes, please donate to the drivers' fund.",
    "At the depot, we believe that the news of the closure came too early.",
    "Thank you for your support to the depot, the mayor wrote.",
    "We have a favour to ask of the council, the union said.",
    "Updated by the council in March 2017 to add two routes",
])
def test_prose_like_a_reader_revenue_box_or_a_stamp_stays(prose):
    text = f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{prose}"
    assert clean(text) == (text, [])


@pytest.mark.parametrize("junk,name", [
    (" (Story continues below)", "ad-marker-glued"),
    (" (Article continues below advertisement)", "ad-marker-glued"),
    (" READ MORE: Depot workers rally outside city hall", "related-link-glued"),
    (" Related: Is the east side losing its last bus line?", "related-link-glued"),
])
def test_a_notice_run_on_to_a_paragraph_in_the_middle_goes_and_the_paragraph_stays(junk, name):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}{junk}\n\n{LAST}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == [f"boilerplate:{name}"]


def test_an_embed_placeholder_goes():
    text, applied = clean(f"{LEAD}\n\n[embedded content]\n\n{MIDDLE}\n\n{LAST}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == ["boilerplate:embed-placeholder"]


@pytest.mark.parametrize("prose", [
    "Officials said the plan (continued below the fold in the print edition) was final.",
    "See also: the council's report on depot closures, published in 2019.",
    "The union's flyer read: Related costs will rise. Drivers were not consulted.",
])
def test_prose_like_a_run_on_notice_stays(prose):
    body = f"{LEAD}\n\n{prose}\n\n{MIDDLE}\n\n{LAST}"
    assert clean(body) == (body, [])


@pytest.mark.parametrize("tail,names", [
    # a broadcaster's dump that lost its line breaks: legal footer, station plug and share box, peeled in turn
    ("Copyright 2024 Valley Media Inc. All rights reserved. This material may not be published, broadcast, "
     "rewritten, or redistributed. For the latest news, weather, sports, and streaming video, head to KVLY. "
     "Share this: Click to share on Facebook (Opens in new window) Click to share on Twitter (Opens in new window)",
     {"station-plug", "share-box-glued"}),
    ("For more local news, go to kvly.example. Click to email a link to a friend (Opens in new window) "
     "Click to print (Opens in new window) Like this: Like Loading...",
     {"station-plug", "share-box-glued"}),
])
def test_a_station_plug_and_a_share_box_run_on_after_the_last_sentence_go(tail, names):
    body = f"{LEAD} {MIDDLE} {LAST}"
    text, applied = clean(f"{body} {tail}")
    assert text.strip() == body
    assert names <= {f.source.split(":")[1] for f in applied}


def test_a_sentence_about_the_latest_news_stays():
    body = f"{LEAD}\n\n{MIDDLE} For the latest news on the depot, residents should check the council's website.\n\n{LAST}"
    assert clean(body) == (body, [])


@pytest.mark.parametrize("call", [
    "Like us on Facebook to see similar stories",
    "Follow the Valley Ledger on Google News to get the latest updates.",
    "Leave a comment below",
    "What do you think? Let us know in the comments below.",
    "Share your thoughts on the depot in the comments section.",
    "Download our app to get the latest news on the go.",
    "Share this article with your friends and family.",
])
def test_the_sites_own_share_and_comment_calls_go_when_run_on_after_the_story(call):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST} {call}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST] and [f.code for f in applied] == ["B005"]


@pytest.mark.parametrize("prose", [
    "Like many people on Facebook, she shared the post about the depot.",
    "Leave a comment, the mayor told reporters.",
    "What do you think the council will do?",
    "This newsletter was the first to report the closure in 1962, and it is still printed every week.",
])
def test_a_last_sentence_like_a_share_call_or_a_newsletter_line_stays(prose):
    for text in (f"{LEAD}\n\n{MIDDLE}\n\n{LAST} {prose}", f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{prose}"):
        assert clean(text) == (text, [])


@pytest.mark.parametrize("line", ["With AFP", "with Reuters and AP.", "/IANS", "Bloomberg", "dpa/tw",
                                  "wl/jm (AFP, Reuters)", "ab/rt (dpa, AP)"])
def test_an_agency_sign_off_in_its_other_forms_goes(line):
    text, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")
    assert paragraphs(text) == [LEAD, MIDDLE, LAST]
    assert [f.source for f in applied] == ["boilerplate:agency-tail"]


@pytest.mark.parametrize("line", ["and/or", "With Reuters reporting, the depot's fate became national news."])
def test_a_last_line_like_an_agency_sign_off_stays(line):
    body = f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}"
    assert clean(body) == (body, [])


# -- placements (stop 33, bench/junk_damage.py's *-links and paywall-truncated families) --------------
@pytest.mark.parametrize("line", [
    "Jane Doe contributed to this report. Back to headlines",
    "(Reporting by Jane Doe; Editing by Tom Lee) | Home | Transport | Contact Us",
    "© 2019 Valley Ledger. All rights reserved. | Return to top",
    "-- AFP · Share Tweet Email",
    "— Jane Doe, Associated Press  « Previous | Next »",
    "Leave a comment below - More Local news",
])
def test_a_trailer_with_the_pages_links_after_it_on_its_line_goes(line):
    for text in (f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}", f"{LEAD}\n\n{MIDDLE}\n\n{LAST} {line}"):
        out, applied = clean(text)
        assert paragraphs(out) == [LEAD, MIDDLE, LAST], text
        assert applied


@pytest.mark.parametrize("line", [
    "The depot opened in 1962, and the mayor said he would go back to top form. Back to top",
    "Residents said they wanted to go home | Home",
    "The drivers said they would return to top of page stories next year. Print Email",
])
def test_a_story_line_that_ends_in_a_page_link_keeps_its_story(line):
    out, _applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{line}")
    assert paragraphs(out)[:2] == [LEAD, MIDDLE] and paragraphs(out)[2].startswith(line.split(".")[0])


def test_a_paywall_box_under_a_story_the_wall_cut_short_goes_whole():
    story = (f"{LEAD} {MIDDLE} The depot opened in 1962 and employs about 140 mechanics and drivers, who said "
             "they would ask the council to")
    box = ["Subscribe to continue reading.", "Support the Valley Ledger from as little as $1 - it only takes a minute. Thank you.",
           "We have a small favour to ask.", "Every contribution, however big or small, powers our journalism and sustains our future.",
           "At the Valley Ledger, we believe that everyone needs high-quality journalism."]
    for cut in (" …", " […]", ""):
        out, applied = clean(f"{story}{cut} " + "\n".join(box))
        assert out.strip() == f"{story}{cut}".strip()
        assert len(applied) == len(box) and {f.code for f in applied} == {"B005"}


def test_prompt_shaped_lines_inside_the_story_stay_behind_the_share_limit():
    # the same lines with the story going on under them are not the text's end: one rule may not take more
    # than broad_rules.edit_limit of so short an article
    box = ["We have a small favour to ask.", "Every contribution, however big or small, powers our journalism and sustains our future.",
           "At the Valley Ledger, we believe that everyone needs high-quality journalism."]
    text = f"{LEAD}\n\n" + "\n".join(box) + f"\n\n{MIDDLE}"
    out, applied = clean(text)
    assert out == text and applied == []


# -- wires' standard tails in their other wordings (stop 33, bench/junk_damage.py's agency-credit-variants) --
@pytest.mark.parametrize("line,name", [
    ("The Associated Press receives support from the Walton Family Foundation for coverage of water and "
     "environmental policy. The AP is solely responsible for all content.", "funding-credit"),
    ("The Associated Press’ climate and environmental coverage receives financial support from multiple private "
     "foundations. AP is solely responsible for all content.", "funding-credit"),
    ("Find AP’s standards for working with philanthropies, a list of supporters and funded coverage areas at AP.org.",
     "funding-credit"),
    ("Associated Press reporter Jane Doe contributed from Boston.", "credit-line"),
    ("Jane Doe is a politics reporter at the Valley Ledger.", "author-bio-line"),  # (a line of its own only)
    ("This report by The Canadian Press was first published March 5, 2023.", "originally-published"),
])
def test_a_wires_standard_tail_goes(line, name):
    glued = [] if name == "author-bio-line" else [f"{LEAD}\n\n{MIDDLE}\n\n{LAST} {line}"]
    for text in [f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}"] + glued:
        out, applied = clean(text)
        assert paragraphs(out) == [LEAD, MIDDLE, LAST], text
        assert applied
    assert name in {f.source.split(":")[1] for f in clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")[1]}


@pytest.mark.parametrize("prose", [
    "The museum receives support from the city, and its board is solely responsible for the content of its shows, she said.",
    "Money contributed from abroad paid for the depot's new roof.",
    "Smith is a former reporter for the Valley Ledger.",
    "The report by the council was first published in 1962 and reprinted twice.",
])
def test_prose_like_a_wires_tail_stays(prose):
    text = f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{prose}"
    assert clean(text) == (text, [])


@pytest.mark.parametrize("trailer", ["Copyright 2008 Acme News. All rights reserved.", "Jane Doe contributed to this report."])
def test_a_trailer_at_the_end_of_a_short_story_cell_goes_and_the_pages_links_after_it_stay(trailer):
    # a layout page's cell that closes in the middle of a line, the story's last paragraph in it (16 words)
    cell = "The depot opened in 1962 and employs about 140 mechanics and drivers, the council said."
    links = "| Video: Depot tour (2:21) More videos"
    out, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{cell} {trailer} {links}")
    # (two trailers peeled apart each take the space before them: one space stays before the links)
    assert paragraphs(out) == [LEAD, MIDDLE, f"{cell} {links}"]
    assert applied and {f.code for f in applied} <= {"B007", "B013"}


@pytest.mark.parametrize("line", ["Jan 7, 2008 4:07 PM EST | Comments", "March 14, 2023 | Back to top"])
def test_a_date_stamp_with_the_pages_links_after_it_goes_at_the_end(line):
    out, applied = clean(f"{LEAD}\n\n{MIDDLE}\n\n{LAST}\n\n{line}")
    assert paragraphs(out) == [LEAD, MIDDLE, LAST] and [f.code for f in applied] == ["B015"]


def test_a_sentence_with_a_date_before_a_link_stays():
    text = f"{LEAD}\n\n{MIDDLE}\n\nThe vote is set for March 14, 2023 | Home"
    assert clean(text) == (text, [])


# -- stop 34, bench/junk_damage.py's stamp-row, layout-stamp and stamp-glued families: a layout page's stamp as
# one cell of a row of the page's labels, the stamps of 2008 layout pages, a post's stamp run on after the story
STORY = [f"{p} It was the third such vote this year." for p in PROSE]
ARTICLE = "\n\n".join(STORY * 2)


@pytest.mark.parametrize("row", [
    "| Jan 7, 2008 4:07 PM EST | Comments (3) | Email |", "|  | June 2, 2008 |  | Email this story |  |",
    "Email · Print · Jan 7, 2008", "Monday, June 2, 2008\tPrint\tEmail", "| KERALA | Jan 15, 2008 |",
    "| 30 December 2007 - 7:24AM | View all news \\| Send to a friend \\| Print |", "| 16:10, Jan 8 2008 |  |",
    "Posted: 4:12 PM | Permalink | Comments (2) | TrackBack (0)", "| 16 votes | Text size | 21 minutes ago |",
    "Associated Press - January 8, 2008 7:04 PM ET", "BACK TO TOP - LAST UPDATED: AUGUST 9, 2009 - 06:53 GMT+1 - EMAIL",
])
@pytest.mark.parametrize("where", ["top", "bottom"])
def test_a_stamp_row_of_the_pages_labels_goes_above_or_below_the_story(row, where):
    text, applied = clean(f"{row}\n\n{ARTICLE}" if where == "top" else f"{ARTICLE}\n\n{row}")
    assert text == ARTICLE and [f.code for f in applied] == ["B015"]


@pytest.mark.parametrize("stamp", ["16:10, Jan 8 2008", "15:43 - 13th, Jan 2008", "www.example.cn 2008-01-11 11:37:09",
                                   "Sat, 29 Dec 15:58:00 2007", "Print Date: Saturday, January 12, 2008",
                                   "Associated Press Last updated: 3:02 p.m., Thursday, January 3, 2008"])
def test_a_layout_pages_stamp_goes_at_the_top_and_under_the_story(stamp):
    for text in (f"{stamp}\n\n{ARTICLE}", f"{ARTICLE}\n\n{stamp}"):
        assert clean(text)[0] == ARTICLE


def test_a_stamp_ending_in_a_m_under_the_story_goes():
    assert clean(f"{ARTICLE}\n\nAugust 18, 2013, 7:42 a.m.")[0] == ARTICLE


@pytest.mark.parametrize("kept", [
    "| Jan 7, 2008 | Home | Boston |\n| Jan 14, 2008 | Away | Denver |",  # a schedule: a table of dates
    "| Jan 7, 2008 | 34.50 | 35.10 |",  # prices by day
    "Some fun stats - updated 5/15:", "Jan 7, 2008 | The council voted to close the depot.",
    "Thursday Jan 10 – Sunday Jan 13, 2008",  # an event's dates
])
def test_a_table_of_dates_or_a_dated_line_of_prose_stays(kept):
    for text in (f"{ARTICLE}\n\n{kept}", f"{STORY[0]}\n\n{kept}\n\n{STORY[1]}"):
        assert clean(text) == (text, [])


@pytest.mark.parametrize("row", [
    "Terms & Conditions Privacy Policy © Copyright 2001-2008 Valley Media Group", "Valley Online © Valley Ledger Ltd 2008",
    "Privacy Policy (c) 2007 www.valleyledger.example", "| Terms and Conditions \\| Disclaimer \\| © 2006 All rights reserved. |  |",
    "(Copyright 2007 by The Associated Press. All Rights Reserved.)",
    "(© 2008 Valley Broadcasting Inc. All Rights Reserved. This material may not be published, broadcast, rewritten, or redistributed.)",
])
def test_a_copyright_row_of_the_pages_labels_or_a_notice_in_brackets_goes_under_the_story(row):
    text, applied = clean(f"{ARTICLE}\n\n{row}")
    assert text == ARTICLE and {f.code for f in applied} == {"B007"}


@pytest.mark.parametrize("row", ["Privacy Policy © 2008 Valley Ledger", "| Jan 7, 2008 | Comments (3) | Email |"])
def test_a_row_between_the_storys_paragraphs_stays(row):
    text = f"{STORY[0]}\n\n{row}\n\n{STORY[1]}"
    assert clean(text) == (text, [])


@pytest.mark.parametrize("stamp", ["Posted by Jane Doe at 4:12 PM", "Last updated: Fri, 12 Sep 2018, 13:45 GMT",
                                   "Updated Aug. 18 at 9:25 p.m.", "By Jane Doe - Mon, 28 Oct 2009 12:05:05 GMT",
                                   "March 3, 2017 | 287 Comments", "Published: Jan 9, 2010 · 24 min read"])
@pytest.mark.parametrize("gap", [" ", ""])
def test_a_stamp_run_on_after_the_storys_last_sentence_goes(stamp, gap):
    text, applied = clean(f"{ARTICLE}{gap}{stamp}")
    assert text == ARTICLE and [f.code for f in applied] == ["B015"]


@pytest.mark.parametrize("last", ["The vote is set for March 14, 2008.", "Updated figures are due on March 3, 2017, the clerk said.",
                                  "By March 3, 2017, the depot will close."])
def test_a_last_sentence_with_a_date_stays(last):
    text = f"{ARTICLE} {last}"
    assert clean(text) == (text, [])


@pytest.mark.parametrize("stamp", ["Thursday, January 25, 2010", "Mar. 5, 2022 6:58 pm ET", "Fri 16 Oct 2012 19.34 EDT",
                                   "2 minutes ago"])
@pytest.mark.parametrize("links", ["| « Previous | Next »", "· Top of page", "- Share: Facebook Twitter Email"])
def test_a_stamp_run_on_after_the_last_sentence_with_the_pages_links_after_it_goes(stamp, links):
    # bench/junk_damage.py's stamp-links family glued after the story's last sentence (stop 34)
    text, applied = clean(f"{ARTICLE} {stamp} {links}")
    assert text == ARTICLE and {f.code for f in applied} <= {"B015", "B010", "B005"} and len(applied) == 2


def test_a_stamp_row_beside_the_storys_cell_goes():
    # a layout page sets the story in one cell that mentions a date: no table of dates (stop 34, l3s tune pages)
    cell = "| " + " ".join(STORY) + " The depot first opened on Jan 2, 1962. |"
    text, applied = clean(f"| 30 December 2007 - 7:24AM | View all news \\| Send to a friend \\| Print |\n{cell}\n| Home |")
    assert text.split("\n")[0] == cell and [f.source for f in applied if f.code == "B015"] == ["boilerplate:stamp-row"]


def test_a_labelled_disclaimer_of_a_long_sentence_run_on_after_the_story_goes():
    # the label is a sentence of its own, the notice a long one after it (bench/junk_damage.py legal-footer, stop 34;
    # with no space after the story's stop, "year.Disclaimer." starts no sentence and stays)
    text, applied = clean(f"{ARTICLE} Disclaimer. Valley Wire does not endorse any content or product on this page.")
    assert text == ARTICLE and [f.code for f in applied] == ["B007"]


def test_a_long_sentence_after_a_short_one_is_story_however_it_ends():
    text = f"{ARTICLE} She left. Valley Wire does not endorse any content or product on this page."
    assert clean(text) == (text, [])


@pytest.mark.parametrize("bio", ["Dana Ruiz is a Middle East reporter at Valley Ledger.", "Dana Ruiz is the Property editor of Valley Ledger.",
                                 "Dana Ruiz is the politics editor of The Valley Ledger."])
def test_a_reporters_desk_line_in_the_pages_capitals_goes_at_the_end(bio):
    # bench/junk_damage.py's agency-credit-variants on tune seeds (stop 34)
    text, applied = clean(f"{ARTICLE}\n\n{bio}")
    assert text == ARTICLE and [f.source for f in applied] == ["boilerplate:author-bio-line"]


def test_a_former_editor_in_the_story_stays():
    text = f"{ARTICLE}\n\nDana Ruiz is a former Middle East editor of Valley Ledger."
    assert clean(text) == (text, [])


# -- stop 35, bench/junk_damage.py's dated-teasers family: a "latest news" box under the story, each teaser with
# its stamp (2008 layout pages of bench/real_scraped.py's l3s tune part; names invented) -------------------------
@pytest.mark.parametrize("box", [
    "| Depot to close for good | 15:43 - 13th, Jan 2008 |\n| Storm names for the winter revealed | 17:59 - 9th, Jan 2008 |",
    "| - Tough draw for Valley Rovers at the open \\| 29 Dec 2007 |\n\n| - Council votes on new bus routes \\| 24 Dec 2007 |",
    "Latest Headlines\nDepot to close for good (Jan 7, 2008)\nStorm names for the winter revealed (Jan 9, 2008)\n"
    "Mayor opens the new library wing (Jan 12, 2008)",
    "• Depot to close for good · Mon, 7 Jan 2008 16:07:55\n• Storm names for the winter revealed · Wed, 9 Jan 2008 09:12:40",
])
def test_a_box_of_dated_teasers_under_the_story_goes(box):
    text, applied = clean(f"{ARTICLE}\n\n{box}")
    assert text == ARTICLE and "boilerplate:dated-teasers" in {f.source for f in applied}


def test_a_lone_dated_line_under_the_story_stays():
    text = f"{ARTICLE}\n\n| Depot to close for good | 15:43 - 13th, Jan 2008 |"
    assert "Depot to close for good" in clean(text)[0]


def test_dated_teasers_inside_the_story_stay():
    box = "| Depot to close for good | 15:43 - 13th, Jan 2008 |\n| Storm names for the winter revealed | 17:59 - 9th, Jan 2008 |"
    text = f"{ARTICLE}\n\n{box}\n\n{ARTICLE}"
    assert box in clean(text)[0]


@pytest.mark.parametrize("rows", [
    "| Sat, 12 Jan 2008 | Valley Rovers v Hull City |\n| Sat, 19 Jan 2008 | Hull City v Derby County |",  # fixtures
    "Tour dates\n| Jan 7, 2008 | The Forum, Leeds |\n| Jan 9, 2008 | Town Hall, Hull |",
    "| Jan 7, 2008 | The Forum in Leeds opens |\n| Jan 9, 2008 | The Town Hall in Hull opens |",  # the date first, no time
    "How it unfolded:\n| 14:05, Jan 7 2008 | Fire reported at the depot |\n| 15:30, Jan 7 2008 | Crews bring the blaze under control |",
])
def test_the_storys_own_dated_list_under_it_stays(rows):
    text = f"{ARTICLE}\n\n{rows}"
    assert clean(text) == (text, [])


# -- stop 35: a label word that is a sentence's first word, the line broken after it (an extractor's link word;
# a ScrapingHub dev page: "Photos" / "which were released online ...") ----------------------------------------
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
@pytest.mark.parametrize("word", ["Photos", "Video", "Home"])
def test_a_label_word_that_starts_a_wrapped_sentence_stays(word, gap):
    text = f"{ARTICLE}\n\n{word}{gap}released on Monday show the depot before it closed.\n\n{ARTICLE}"
    assert clean(text) == (text, [])


def test_a_label_word_between_two_halves_of_a_sentence_goes():
    text, applied = clean(f"{ARTICLE}\n\nCrowds gathered at the\nPhotos\nrally on Monday to protest the closure.")
    assert "Photos" not in text and [f.source for f in applied] == ["boilerplate:interface-word"]


# -- stop 35, bench/junk_damage.py's newsletter-blurb family: a newsletter's own blurb under the story --------
@pytest.mark.parametrize("blurb", [
    "Depot Insights is a daily newsletter from Valley Ledger that delivers the top news and commentary for transit riders.",
    "The Transit Brief is a weekly newsletter from Valley Ledger that brings the best local stories to your inbox.",
    "Valley Ledger's Sport newsletter brings you the day's top stories and analysis.",
    "Get the latest news. Subscribe today for your daily dose of local news.",
])
@pytest.mark.parametrize("glued", [False, True])
def test_a_newsletters_blurb_under_the_story_goes(blurb, glued, request):
    if glued and blurb.startswith("Get the latest news."):
        # a known miss, kept visible: the call and its offer run on after the last sentence are two sentences
        # the glued trailers read one at a time (strict: the day it passes, the mark must go)
        request.applymarker(pytest.mark.xfail(strict=True, reason="known miss: a two-sentence run-on blurb"))
    text, applied = clean(f"{ARTICLE} {blurb}" if glued else f"{ARTICLE}\n\n{blurb}")
    assert text == ARTICLE and {f.source for f in applied} == {"boilerplate:newsletter-blurb"}


@pytest.mark.parametrize("line", [
    "The Transit Brief is a weekly newsletter from Valley Ledger that was founded in 2019 by two former reporters.",
    "Depot Insights is a daily newsletter with 2 million readers, its editor said.",
])
def test_a_story_about_a_newsletter_keeps_its_last_line(line):
    text = f"{ARTICLE}\n\n{line}"
    assert clean(text) == (text, [])


def test_a_newsletters_blurb_in_the_middle_of_the_story_stays():
    text = f"{ARTICLE}\n\nThe Transit Brief is a weekly newsletter from Valley Ledger.\n\n" + "\n\n".join([LEAD, MIDDLE, LAST] * 2)
    assert clean(text) == (text, [])
