#!/usr/bin/env python3
"""Junk put into clean articles: how much of each family B removes, and how much body it takes along.

A damage generator for boilerplate. Each article of a part of the clean news corpus
(``bench/corpus_split.py``) gets one to three pieces of scraper junk, each drawn from a family the
issue lists (image credits, source trailers, republish credits, agency and contact credits, legal
footers, share prompts, paywall prompts, read-more lines, ad labels, dateline debris, agency tails,
section labels; and, as ``*-variants`` families, the credits, paywall prompts, legal footers, image credits
and stamps in the other wordings pages use, in any case) and filled with made-up names, sites, e-mail addresses and dates from the seed. A piece
goes where scrapers leave it: its own paragraph at the end, glued after the last sentence (dumps that
lost their line breaks; ``tight``: with no space after the stop either, as in the ISOT dumps), its own
paragraph at the start, a line between two paragraphs, its own sentence inside a paragraph (a section
label), (a photo credit) at the end of a caption line between two, after a stop or (``run-on``)
with none, (``cell``) after the last sentence inside a layout table's cell, a row of the page under it
(``cell-mid``: the cell closes in the middle of a line, the page's links after it),
or (``note``, a copyright footer) at the end with one line of the page's own under it, or
(``above-footer``) after the last sentence with the page's copyright footer and its own lines under it, or
(``teasers``, a footer or stamp) under the story with two to four related-story headlines under it;
``dated-teasers`` puts two to four such headlines, each with its stamp, under the story (the headlines count).

For each family: the share of pieces whose words are gone from ``clean(text, select=["B", "E"])``;
overall and macro-averaged (each family weighs the same); and the share of the article's own words
lost. Tune on ``--part tune`` (``--misses`` lists pieces left and words lost); report ``--part
heldout`` over five or more fresh seeds (only the summary is printed for it).

    python bench/junk_damage.py --part tune --seeds 1 --limit 300 --misses 20
    python bench/junk_damage.py --part heldout --seeds 11 12 13 14 15 --limit 300
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+")

_SYLLABLES = ("ka", "lo", "mer", "an", "tis", "ro", "ven", "da", "bel", "sor", "mi", "nat", "her", "gu", "lin", "pa")
_SITE_TAILS = ("News", "Times", "Post", "Daily", "Herald", "Report", "Wire", "Today", "Observer", "Journal")
_AGENCIES = ("AP", "AFP", "Reuters", "Getty Images", "Shutterstock", "EPA", "Xinhua")
_SECTIONS = ("World", "UK", "US", "Business", "Politics", "Sport", "Tech", "Science", "Health", "Entertainment",
             "Opinion", "Culture", "Local", "Latest", "Breaking", "Travel", "Money", "Climate", "Education",
             "Africa", "Asia", "Europe", "Middle East", "Australia", "India", "Motoring", "Property", "Gaming",
             "Lifestyle", "Arts")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _word(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _fill(rng: random.Random) -> dict:
    first, last = _word(rng), _word(rng, 3)
    site = f"{_word(rng)} {rng.choice(_SITE_TAILS)}"
    host = site.lower().replace(" ", "") + rng.choice((".com", ".org", ".net"))
    return {
        "first": first, "last": last, "name": f"{first} {last}", "name2": f"{_word(rng)} {_word(rng, 3)}",
        "site": site, "host": host, "email": f"{first[0].lower()}{last.lower()}@{host}",
        "agency": rng.choice(_AGENCIES), "year": str(rng.randint(2009, 2024)),
        "date": f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(2009, 2024)}",
        "time": f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(('am', 'pm', 'a.m.', 'p.m.'))}",
        "headline": " ".join(_word(rng) for _ in range(rng.randint(4, 8))),
        "phone": f"{rng.randint(200, 999)}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
        "initial": rng.choice("ABCDEFGHJKLMNPRSTW"), "city": _word(rng, 3),
        "initial_n": str(rng.randint(1, 300)), "iso": f"{rng.randint(2009, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "dow": rng.choice(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")), "day": str(rng.randint(1, 28)),
        "mon": rng.choice(_MONTHS)[:3], "hh": f"{rng.randint(0, 23):02d}", "mm": f"{rng.randint(0, 59):02d}",
        "section": rng.choice(_SECTIONS),
        # headlines in sentence case and topic tags, as BBC-, Guardian- and Reuters-style pages list them
        "lhead": _sentence_case(rng), "lhead2": _sentence_case(rng),
        "topic": _word(rng, 3), "topic2": f"{_word(rng)} {_word(rng, 2).lower()}",
        # for the wording variants (stop 32): a third name, a second address and city, numeric dates
        "name3": f"{_word(rng)} {_word(rng, 3)}", "email2": f"{_word(rng).lower()}@{host}", "city2": _word(rng, 3),
        "month": rng.choice(_MONTHS), "weekday": rng.choice(_WEEKDAYS), "m": str(rng.randint(1, 12)),
        "d": str(rng.randint(1, 28)), "yy": f"{rng.randint(9, 24):02d}", "ago": str(rng.randint(2, 23)),
    }


def _sentence_case(rng: random.Random) -> str:
    return " ".join([_word(rng)] + [_word(rng).lower() for _ in range(rng.randint(3, 7))])


# family: (templates, where it may go). Written from the families the issue names, in the forms it lists.
FAMILIES = {
    "image-credit": ([
        "(AP Photo/{name})", "{name}/Getty Images", "Featured image via {site}", "(credit: {name})",
        "Photo: {name}/{agency}", "(Photo by {name}/{agency})", "Image: {name} / {agency}",
        "Photo credit: {name}", "{name} / AFP / Getty Images", "Credit...{name} for The {site}",
    ], ("tail", "glued", "head", "line")),
    "caption-credit": ([  # a caption line ending in its credit: only the credit counts as junk
        "| photo by {name}", "Photo: {name}",
        # the wire's bracketed credit after the caption's last sentence (AP captions; issue 13, stop 24)
        "(AP Photo/{name})", "(AP Photo/{name}, File)", "(Reuters/{name})", "(AFP Photo/{name})",
    ], ("caption",)),
    # a caption and its credit run together with no stop, as a page's two spans come out joined; the
    # agencies news pages credit (issue 13, stop 20: the last stop's known miss)
    "caption-run-on": ([
        "AP Photo/{name}", "{name}/Getty Images", "({name}/{agency})", "Photograph: {name}/The {site}",
        "{name}/AFP via Getty Images",
    ], ("run-on",)),
    "source-trailer": ([
        "Source: {site}", "Sources: {site}, {host}", "source: {host}", "Via {site}", "h/t {site}",
        "Source: {site}, {name}", "SOURCE: {site}", "Source: https://{host}/{first}", "Source link",
        "SOURCE {site} Inc",  # PR Newswire's release trailer (issue 13, stop 17)
    ], ("tail",)),
    "republish-credit": ([
        "The post {headline} appeared first on {site}.", "This post {headline} appeared first on {site}.",
        "This article originally appeared on {site}.", "This story was originally published by {site}.",
        "Republished with permission from {site}.", "Originally published at {host}.",
        "This article was first published on {site} on {date}.",
        "Original article on {site}.", "This story was provided by {site}, dedicated to covering {headline}.",
        "This article originally appeared at {site}.",
        # syndication notices (wire and syndicate sign-offs; issue 13)
        "Distributed by {site} Content Agency, LLC.", "©{year} {site}. Visit at {host}. Distributed by {site}.",
        "Visit {site} at www.{host}", "This article is republished from {site} under a Creative Commons license. "
        "Read the original article.",
        # press-release wires' notices (PR Newswire, Business Wire; issue 13, stop 17)
        "View original content to download multimedia: https://{host}/news-releases/{first}.html",
        "View source version on businesswire.com: https://{host}/{first}",
    ], ("tail", "glued", "tight")),
    "agency-credit": ([
        "(Reporting by {name}; Editing by {name2})", "{name} contributed to this report.",
        "Reach {name} at {email}.", "{agency} contributed to this report.",
        "(Additional reporting by {name}; Writing by {name2})", "Contact reporter {name} at {email}.",
        "{name} contributed reporting.", "Email {name} at {email}.", "{name} can be reached at {email}.",
        "Contact {name} at {email} or {phone}.",
        # real variants (network and wire credits quoted in public scraper code and fixtures, issue 13)
        "{site}'s {name} and {name2} contributed to this report.", "— {site}'s {name} contributed reporting.",
        "{agency} writer {name} in {city} contributed to this report.", "{site} staff contributed to this report.",
        "{first} {initial}. {last} contributed to this report.", "(Reporting by {name}; editing by {name2})",
        "{agency} contributed to this report", "Contributing: {name}, {site}; The Associated Press",
        "-- Additional reporting by {name}", "— With assistance from {name}.",
        "Associated Press writers {name} and {name2} contributed.",
        # more real variants (wire signatures, network promos, newspaper3k's test texts; issue 13)
        "— {name}, Associated Press", "-- Associated Press", "Click for more from {site}.",
        "Contact {name} at [email protected]", "Editing by {name}", "(Writing by {name}; Editing by {name2})",
        # publishers' public sign-offs (Reuters, Bloomberg, network credits; issue 13, stop 16)
        "{agency} reporting by {name} in {city}; editing by {name2}", "Edited by {name}",
        "Produced by {name}; edited by {name2}", "{site}' {name} contributed.",
        "To contact the reporter on this story: {name} in {city} at {email}",
        "To contact the editors responsible for this story: {name2} at {email}", "— {name}, The {site}",
        "Includes reporting from {agency}.", "Staff and wire reports",
        "Information from {agency} was used in this report.",
        # Canadian wire credits and AP's reporter-and-city sign-off (public templates; issue 13, stop 17)
        "With files from The {site}", "— With files from {agency} and {site}", "With wire services",
        "{name} in {city} contributed.", "{site}’ {name} and {name2} in {city} contributed.",
        # AP's reported-from sign-off and a credit of the fundus crawler's tune pages (issue 13, stop 19)
        "{name} reported from {city}, and {name2} from {city}.", "Additional reporting from {agency}",
        # Indian dailies' wire credits and compilers' credits (issue 13, stop 24)
        "(With inputs from {agency})", "With inputs from agencies", "(With agency inputs)",
        "Compiled by {name} and {name2} in {city}", "This story was compiled by {name}.",
    ], ("tail", "glued", "tight")),
    "legal-footer": ([
        "© {year} {site}. All rights reserved.", "Copyright {year} {site}. All Rights Reserved.",
        "Copyright © {year} {site}", "All rights reserved.",
        "Disclaimer: The views expressed in this article are those of the author and not of {site}.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        # real variants (site footers quoted in public page code and scraper fixtures, issue 13)
        "Copyright {year} {site}. All rights reserved. {site} is not responsible for the content of external sites.",
        "©{year} {site}, LLC. All rights reserved.", "Copyright (c) {year} {site} Inc. All rights reserved.",
        "Copyright {site}, {year}. All rights reserved.", "Privacy Policy | Terms of Service | Cookie Policy",
        "This website uses cookies to ensure you get the best experience on our website.",
        "By using this site, you agree to the Terms of Use and Privacy Policy.",
        "This article is licensed under a Creative Commons Attribution 4.0 International License.",
        # more real variants (footer templates of public news sites; issue 13)
        "Terms of Use Privacy Policy", "Copyright {year}.", "Copyright: © {year} {site}",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        "All rights reserved. Republication or redistribution of {site} content is expressly prohibited "
        "without the prior written consent of {site}.",
        "No part of this article may be reproduced without permission.",
        "Use of this site constitutes acceptance of our User Agreement and Privacy Policy.",
        "Our Standards: The {site} Trust Principles.",
        "The material on this site may not be reproduced, distributed, transmitted, cached or otherwise used, "
        "except with the prior written permission of {site}.",
        "Community Rules apply to all content you upload or otherwise submit to this site.", "Ad Choices",
        # aggregators' and exchanges' footers (MENAFN, Cointelegraph templates; issue 13, stop 17)
        "Legal Disclaimer: {site} provides the information “as is” without warranty of any kind.",
        "Disclaimer. {site} does not endorse any content or product on this page.", "All content © {year} {site}",
        # press releases' copyright-and-trademark notices, UK sites' terms and company-registration lines,
        # an agency's lower-case (c) (2008 pages of bench/real_scraped.py's l3s source; issue 13, stop 24);
        # wordings other than the tune pages'
        "© {year} {site} Ltd. All rights reserved. {site} and the {first} logo are registered trademarks of "
        "{site} Ltd. All other trademarks are the property of their respective owners.",
        "(C) {year} {site}, Inc. All rights reserved. {first} is a trademark of {site}, Inc.",
        "This site is provided under {site}'s Terms of Use. Please see our Privacy Notice and Cookie Policy.",
        "{site} Limited is registered in England and Wales with company number 0{year}{day}. Registered office: "
        "{initial_n} {city} Road, London.",
        "This website is operated by {site} Media Ltd. VAT No. GB {year} {year}.",
        "(c) {site} News Service",
    ], ("tail", "glued", "tight")),
    "share-prompt": ([
        "Share this post and leave your comment below.", "Like our page on Facebook", "What do you think about this?",
        "Follow {site} on Twitter.", "Share on Facebook", "Share this article", "Follow us on Instagram",
        "Leave a comment", "Tweet", "Share this:",
        # comment boxes and channel prompts in their public wordings (issue 13, stop 16)
        "Be the first to comment", "Tell us what you think in the comments below.",
        "Share your thoughts in the comments.", "Comments ({initial_n} posted)", "Subscribe to our YouTube channel",
        "Follow {site}'s coverage at https://{host}/hub",
        # calls to the reader in the wordings of the fundus crawler's tune pages (issue 13, stop 19)
        "Would you like to comment on this article?", "Please read our Comment Policy before commenting.",
        "Join our commenting forum", "Follow us on social media",
        "What about you? Share your thoughts on the {topic} plan in the comments below.",
    ], ("tail",)),
    # a share control's label on a line of its own, anywhere (the labels of WordPress/Jetpack's, AddThis's,
    # ShareThis's and AddToAny's buttons and publishers' own bars; issue 13, stop 20)
    "share-control": ([
        "Share Tweet Share Email", "Email | Print", "Share full article", "Email this story", "Copy link",
        "Link copied", "Please share this with your friends", "Find us on Facebook", "Follow @{first}",
        "Send To A Friend", "E-mail this story to a friend",  # (issue 13, stop 23)
        # the print and comment controls beside it, a bookmarking site's name (issue 13, stop 24)
        "Printable version", "Print this page", "Post your comment", "Have your say", "StumbleUpon",
    ], ("line", "tail", "head")),
    # the same controls set as a layout table's row, one label a cell, empty cells between (2008 pages of
    # bench/real_scraped.py's l3s source; issue 13, stop 24)
    "control-row": ([
        "|  | E-mail this article |  | Printable version |  | Digg it |", "| Comments ({initial_n} posted) | Add your comments |",
        "| Send to a friend | Print this page | StumbleUpon |", "|  | Print view |  | Newsvine |  | Technorati |",
        "| Have your say |  | Email this story |",
    ], ("line", "tail")),
    # a trailer set as a list item, a box label after the bullet (htmldate's and fundus's tune pages in
    # bench/real_scraped.py; issue 13, stop 20)
    "list-item-trailer": ([
        "• {name} can be reached at {email}.", "• Reporting by {name}; Editing by {name2}",
        "- {section} Desk: Sign up for our weekly {topic} newsletter to get it in your inbox every Monday.",
        "* Follow us on Twitter @{first}",
    ], ("tail",)),
    # a labelled stamp anywhere, a bare stamp under the article (CMS date fields; issue 13, stop 20)
    "stamp-anywhere": ([
        "Published {time} ET, {dow} {date}", "Last updated on {date}", "Date posted: {date}",
        "Published - {date} {time} IST",
        # a blog engine's stamp with its author, a page's own update label (issue 13, stop 24)
        "Posted by {name} on {date} at {time}", "Posted by {name} at {time}",
        "Page last updated at {hh}:{mm} GMT, {dow} {day} {mon} {year}", "Story last modified: {date}",
    ], ("line", "tail")),
    "stamp-under-article": (["{date}", "{dow} {day} {mon} {year} {hh}.{mm} EDT", "{iso}"], ("tail",)),
    # a call to the reader among the last lines (the fundus crawler's tune pages; issue 13, stop 19)
    "reader-call": ([
        "Sign up for our emails", "Please bookmark {host} and sign up for our daily newsletter, {first}, here.",
        "Our site is the place for the latest news from {city}. Please bookmark {host} and sign up for our "
        "newsletter.", "For the latest news and stories from {site}, sign up for our newsletters.",
        "Get in touch with our news team by emailing us at {email}.",
        "For more stories like this, check our news page.",
    ], ("tail",)),
    # a newsletter's own blurb under the story, its name first, what it brings after it, and the offer run
    # on after a short call ("Get the latest news. Subscribe today for ..."): the box a site sets under its
    # stories (stop 35; the wordings of newsletter boxes in general, site-neutral, none from a held-out page)
    "newsletter-blurb": ([
        "{topic} Insights is a daily newsletter from {site} that delivers the top news and commentary for {topic2} readers.",
        "The {topic} Brief is a weekly newsletter from {site} that brings the best {section} stories to your inbox.",
        "{topic} Daily is our free newsletter on {section} news, sent every {weekday} morning.",
        "{site}'s {section} newsletter brings you the day's top stories and analysis.",
        "Get the latest news. Subscribe today for your daily dose of {section} news.",
        "Want more? Subscribe today for the best of {site} in your inbox.",
        "The {topic} Report is a twice-weekly newsletter by {name} about {topic2}.",
        "Our {section} newsletter is sent every {weekday}: the week's news in five minutes.",
    ], ("tail", "glued")),
    "paywall-promo": ([
        "Subscribe to {site} to continue reading.", "Sign up for our newsletter", "This content is for subscribers only.",
        "Already a subscriber? Log in.", "Subscribe now for unlimited access.", "Get breaking news alerts from {site}.",
        # the log-in wall of the fundus crawler's tune pages (issue 13, stop 19)
        "Log in or create an account to continue",
        # real variants (paywall and meter texts quoted in public scraper code and fixtures, issue 13)
        "You've read 3 of 5 free articles this month. Subscribe to continue reading",
        "This article is for subscribers only.", "Create a free account to continue reading.",
        "You have reached your limit of free articles.", "Subscribe to continue reading, Already a subscriber? Sign In",
        "To read this article in full, please subscribe.",
        # more real variants (meters, walls and trial offers of public news sites; issue 13)
        "You have 2 free articles remaining.", "Only subscribers can read this article.",
        "Please log in or register to continue reading.", "Keep reading with a digital subscription.",
        "Start your free trial today.", "This content is reserved for subscribers.",
        "The article you requested has been archived. All coverage within {host} from the last 14 days "
        "remains free of charge.",
        "To continue reading this article, you must be logged in.", "Log in or create a free account to read this article",
        # reader-revenue prompts of public news sites (issue 13, stop 16)
        "Already contributed? Log in to hide these messages.", "Can we count on your support?",
        "We rely on readers like you to support our journalism.", "Donate now", "Newsletter sign-up",
        "Help us keep reporting. Donate today.", "Independent journalism needs your support.",
        # a newsletter form's own lines (CBS News's sign-up box; issue 13, stop 17)
        "Please enter valid email address to continue", "Create your free account or log in for more features.",
        "Thanks for reading {site}.", "You can unsubscribe at any time.",
        # alert services and e-paper offers (2008 pages and a Kenyan daily's tune page; issue 13, stop 24)
        "Subscribe to our email alerts to receive news about {topic}.", "Subscribe today to our e-paper for the full story",
        "Subscribe now to the digital edition to read the full article.",
        # meters and walls in more public wordings (issue 13, stop 24)
        "You've used all your free stories for this month.", "To continue reading this story, you need a digital subscription.",
        "Continue reading this article with a {site} subscription", "Premium Content", "Subscriber-only story",
        "Already subscribed? Sign in here.",
    ], ("tail", "head", "glued", "tight", "line")),  # "line": newsletter boxes inside the story (issue 13, stop 17)
    "related-list": ([
        "Read More @ {host}", "Related: {headline}", "READ MORE: {headline}", "Also read: {headline}",
        "See also: {headline}", "You might also like: {headline}", "Related article: {headline}",
    ], ("tail", "line")),
    "ad-label": (["Advertisement", "[ad_1]", "ADVERTISEMENT", "[ad_2]", "Sponsored", "- Advertisement -",
                  "Brought to you by", "Presented by"],  # a sponsor's label, its logo gone (issue 13, stop 23)
                 ("line", "tail", "head")),
    "dateline-debris": (["Posted on {date}", "Published: {date} at {time}", "Updated {date}", "{date} by {name}",
                         # other shapes of the stamp (issue 13, stop 16)
                         "{date}", "By {name} | {date}", "By {name} on {date}", "{iso}", "{dow} {day} {mon} {year} {hh}.{mm} EDT",
                         "Updated on: {date} / {time} / {site}",
                         # two stamps on one line (BBC- and Mail-style headers; issue 13, stop 18)
                         "Published {date} • Updated {day} hours ago", "Published: {time}, {date} | Updated: {time}, {date}"],
                        ("head",)),
    "signature-tail": (["-- AFP", "— Reuters", "{name} is a reporter for {site}.", "-- {agency}"], ("tail",)),
    "shortcode": (["[caption id=\"attachment_{year}\" align=\"aligncenter\" width=\"640\"]", "[embed]", "[/caption]",
                   "[ad_1]", "[gallery ids=\"{year},{phone}\"]"], ("line", "tail", "head")),
    "gallery-furniture": (["Slide 3 / of 13", "Show captions", "Last slide Next slide", "Hide caption", "1 of 12 photos",
                           "View gallery - 8 images", "Next › Page 1 of 2"], ("line", "head", "tail")),
    "navigation": (["Home | News | Sports | Business | Opinion", "Skip to main content", "Privacy Policy | Terms of Use",
                    "Home » News » {site}", "Contact Us | About Us | Advertise"], ("head", "tail")),
    "tag-list": (["Tags: {first}, {last}, {site}", "Filed under: {site}, {first}", "Topics: politics, {first}, {site}",
                  "Tagged with: {first}, {last}, news", "Posted in: {site} | {city} News"], ("tail",)),
    "headline-list": (["- {headline}\n- {headline}", "Related: {headline} | {headline}", "{headline} [INSIGHT]",
                       "Most Read\n- {headline}\n- {headline}",
                       # sentence-case headlines and topic tags, one a line, under their heading (issue 13,
                       # stop 18: a lead probe of a BBC-style page; other junk may follow the block)
                       "More on this story\n{lhead}\n{lhead2}", "Related Topics\n{topic}\n{topic2}",
                       "Related stories\n{lhead}\n{lhead2}"], ("tail",)),
    # a CMS section label pasted in as its own sentence, as in the seed article's "World news." (issue 13,
    # stop 18: a lead probe found "Sports news." at a paragraph's end and "Business News." missed). The
    # sections are the menus of public news sites (BBC, Guardian, CNN, ABC News), in both cases.
    "section-label": ([
        "{section} news.", "{section} News.",
    ], ("inline", "glued")),
    "truncated-teaser": (["{headline} … more", "{headline}... more", "https://{host}/……", "Continue reading…"], ("tail",)),
    # a layout page's story cell: the credit or the wire's notice run on after the last sentence, inside the
    # cell, and the page's own rows under it (2008 pages of bench/real_scraped.py's l3s source; issue 13, stop 23)
    "cell-trailer": ([
        "{agency} writer {name} in {city} contributed to this report.", "(Reporting by {name}; Editing by {name2})",
        "{name} can be reached at {email}.", "Copyright {year} {site}. All rights reserved.",
        "Copyright {year} {site}. All rights reserved. This material may not be published, broadcast, "
        "rewritten, or redistributed.", "© Copyright {year} by {site}", "©{year} {site}. All rights reserved.",
        "This article originally appeared on {site}.", "©{year} {site}. All rights reserved. Send To A Friend",
    ], ("cell", "cell-mid")),
    # a page's copyright footer with one more line of the page under it that reads as prose (a promo, a
    # tip-off prompt; the l3s tune pages of bench/real_scraped.py; issue 13, stop 23): only the footer counts
    "footer-note": ([
        "Copyright © {year} The {site} Company", "© {year} {site}", "©All rights reserved, news from {site}",
        "© Copyright {year} {site} Ltd.", "Copyright {year} {site}. All rights reserved.",
    ], ("note",)),
    # a trailer run on after the story's last sentence, the page's copyright footer on the line under it
    # and the page's own lines under that (a most-viewed list, topic links): 2008 wire pages of
    # bench/real_scraped.py's l3s source (issue 13, stop 24); only the trailer counts
    "footer-above": ([
        "E-mail to a friend", "Email this story to a friend", "Send to a friend", "E-mail this article to a friend",
        "{name} contributed to this report.", "(Reporting by {name}; Editing by {name2})",
        "{agency} writer {name} in {city} contributed to this report.", "This article originally appeared on {site}.",
    ], ("above-footer",)),
    # -- wording variants (stop 32). The families above were written mostly from the tune pages' surface
    # forms, and bench/real_scraped.py's held-out part removes 5 points less than its tune part (paywall,
    # agency credits, legal footers and stamps the weakest). Each family below says the same thing in the
    # other ways publishers word it: other verbs (sign up to/for, register, join; reach, contact, e-mail,
    # write to), other word orders (the label after the name, the offer after the hook), other punctuation
    # (colon, dash, comma, none) and casing (see _CASED); site-neutral, written from general knowledge of
    # news pages, never from a held-out page.
    "paywall-variants": ([
        "Sign up to our {topic} newsletter", "Get our free {section} newsletter delivered to your inbox.",
        "Want the latest {section} news in your inbox? Sign up for our newsletter.",
        "Enter your email address to subscribe to the {site} newsletter", "Newsletter: the day's top stories from {site}",
        "The {site} newsletter - the day's news in your inbox every morning", "Subscribe to {site}'s free daily newsletter",
        "Sign up for {site}'s {section} emails", "Don't miss out: subscribe to our newsletter.",
        "Get the latest {section} news in your inbox", "Get the latest headlines from {site} delivered to your inbox every day",
        "Subscribe today and save 50%", "Subscribe now - your first month is free", "Register for free to continue reading",
        "Sign in or register to read more", "Log in to continue reading, or create a free account.",
        "Click here to subscribe to {site}", "Click here to get our {section} newsletter", "Click here to download the {site} app",
        "Please consider supporting us with a small donation.", "Please consider subscribing to {site}.",
        "Sign up for {site} breaking news email alerts", "Subscribe to {topic} alerts", "Register for {section} alerts by email",
        "Get {section} stories like this emailed to me", "Newsletters may offer personalized content or advertisements.",
        "Subscribers only: {headline}", "Subscribe to read the full story", "This story is for subscribers only",
        "Become a subscriber to read this article", "Join {site} today for unlimited digital access",
        "Subscribe for unlimited access to {site}", "Already have an account? Log in", "Already a member? Sign in.",
        "The {topic} Brief newsletter delivers the top stories to your inbox.", "Stay informed with our free newsletter.",
        "You're subscribed! Check your inbox.", "Invalid email address", "Get breaking news alerts",
        "Start your subscription today", "Have an account? Log in", "Subscriber exclusive", "Members only content",
        "Exclusive content for subscribers", "Get 50% off your first year", "Our newsletter is free. Sign up here.",
        "Read the full newsletter here.", "You're reading the {topic} Brief newsletter.", "This newsletter is sent every {weekday}.",
        "More newsletters", "Newsletter: {section}", "For more, sign up for the {topic} Brief newsletter.",
        # a reader-revenue box's lines (stop 32)
        "We have a small favour to ask.", "If you value our reporting, please make a contribution today.",
        "Support {site} from as little as $1 - it only takes a minute. Thank you.",
        "Thank you for your past contribution to {site}.", "Can't afford to donate? Support {site} by creating a free account.",
        "Unlike many news organizations, we have no paywall.",
        "Every contribution, however big or small, powers our journalism and sustains our future.",
        "At {site}, we believe that everyone needs high-quality journalism.",
    ], ("tail", "head", "glued", "tight", "line")),
    "agency-credit-variants": ([
        "{name} contributed to this story.", "{name} contributed to this article.", "{name} contributed reporting from {city}.",
        "{agency} and {name} contributed to this report.", "Staff writer {name} contributed to this story.",
        "{name}, {name2} and {name3} contributed.", "{name} and {name2} in {city} contributed reporting.",
        "Reach {name} at {email}", "Contact {name} at {email}.", "You can reach {name} at {email} or {phone}.",
        "Email him at {email}.", "Send her an email at {email}", "Contact them at {email}",
        "{name} can be reached by email at {email}.", "{name} can be reached via email at {email} or on Twitter @{first}.",
        "Reporting by {name} in {city}; Editing by {name2}", "Reporting by {name}; Writing by {name2}; Editing by {name3}",
        "(Reporting by {name} in {city}; additional reporting by {name2}; editing by {name3})",
        "(Reporting By {name}; Editing By {name2})", "(Writing by {name}; editing by {name2} and {name3})",
        "Additional reporting by {name} in {city}", "With reporting from {agency}", "With additional reporting by {name}",
        "With assistance from {name}", "With reports from {agency} and {site}",
        "{name} reported from {city}.", "{name} reported from {city}; {name2} reported from {city2}.",
        "Email: {email}", "E-mail: {email}", "Got a news tip? Email us at {email}", "Do you have a story tip? Email {email}",
        "Have a story tip? Contact our news team at {email}", "Get in touch with our newsdesk on {phone}",
        "Write to {name} at {email}", "Write to {name} at {email} and {name2} at {email2}",
        "To contact the reporter on this story: {name} in {city} at {email}",
        "To contact the editor responsible for this story: {name} at {email}",
        "Contact reporter {name} at {phone} or {email}.", "Contact {name}: {email}, {phone}", "{name}: {email}, @{first}",
        # wires' standard tails in their other wordings (stop 33, general knowledge of wire copy): a beat's
        # funding disclosure, a reporter's place after "contributed", a reporter's beat, a wire's stamp
        "The Associated Press receives support from the {site} Foundation for coverage of {topic2}. The AP is solely responsible for all content.",
        "{site}'s {topic2} coverage receives financial support from several private foundations. {site} is solely responsible for all content.",
        "Find AP's standards for working with philanthropies, a list of supporters and funded coverage areas at AP.org.",
        "{agency} reporter {name} contributed from {city}.", "{site} writer {name} contributed from {city}.",
        "{name} is a {section} reporter at {site}.", "{name} is the {section} editor of {site}.",
        "This report by The {site} was first published {date}.",
        "To contact the reporter: {name} at {email}", "(Reporting by {name} in {city}, Editing by {name2})",
        "Reporting By {name}; Writing By {name2}; Editing By {name3}", "AP writers {name} in {city} and {name2} in {city2} contributed to this report.",
    ], ("tail", "glued", "tight")),
    "legal-footer-variants": ([
        "Copyright © {year} {site}, Inc. All rights reserved.", "COPYRIGHT {year} {site}", "© {site} {year}",
        "©{year} {site} | All Rights Reserved", "Copyright of {site} {year}", "(c) {year} {site}", "(C) Copyright {year} {site}",
        "All Rights Reserved", "ALL RIGHTS RESERVED.", "Privacy Policy", "Terms of Service",
        "Disclaimer: The information in this article is for general information purposes only.",
        "DISCLAIMER: The opinions expressed here are the author's own and do not reflect the views of {site}.",
        "Our website uses cookies to improve your experience. By continuing to browse, you agree to our use of cookies.",
        "This site uses cookies. Find out more in our Cookie Policy.",
        "Continued use of this website constitutes acceptance of our Terms of Use.",
        "We may earn a commission from links on this page.",
        "{site} may receive a small commission for purchases made through links in this article.",
        "Learn more about our Privacy Policy", "Read our privacy policy and terms of use.", "View our Terms of Service.",
        "This material may not be published, broadcast, rewritten or redistributed without permission.",
        "Use of this site is subject to our Terms of Use and Privacy Policy.",
        "Reproduction of this article without the written permission of {site} is prohibited.",
        "No republication or redistribution without the express written consent of {site}.",
        "{site} is a registered trademark of {site} Inc.", "All other trademarks are the property of their respective owners.",
        "Please read our terms of use and privacy policy.", "This website is published under {site}'s terms and conditions.",
        "{site} Ltd is registered in England, company number 0{year}{day}.",
        "Continued use of this site indicates that you accept these terms.", "As an Amazon Associate I earn from qualifying purchases.",
        "{site} may not be published, broadcast or redistributed without permission.",
        "Content © {year} {site}, unless otherwise noted.", "©{year} {site}. Powered by WordPress.",
        "Copyright {year} - {year} {site}", "Reproduction in whole or in part without permission is prohibited.",
        "We use cookies to give you the best experience on our website.",
        "When you buy through links on our site, we may earn an affiliate commission.",
    ], ("tail", "glued", "tight")),
    "stamp-variants": ([
        "Posted on {date} by {name}", "POSTED ON: {date}", "Posted: {weekday}, {date}", "Published on {date}",
        "PUBLISHED: {date} at {time}", "Updated: {mon}. {day}, {year}", "Last updated {date}", "Last Updated: {date} {hh}:{mm} ET",
        "Updated {mon}. {day} at {time}", "By {name} - {weekday}, {date}", "By {name}, {date}",
        "Last updated: {dow}, {day} {mon} {year}, {hh}:{mm} GMT", "Last Update: {m}/{d}/{year} {time}",
        "Created: {m}/{d}/{year} {hh}:{mm}:{mm}", "Story published on {date}.", "Article last updated {date}",
        "Page last modified on {day} {month} {year}",
        # a blog's or magazine's furniture after the stamp, a byline's time to the second, other labels
        "Published: {mon} {day}, {year} · {d} min read", "Updated: {date} | Filed under: {section}",
        "Last updated: {date} · Comments ({initial_n})", "{date} Leave a comment", "{date} | {initial_n} Comments",
        "By {name} - {dow}, {day} {mon} {year} {hh}:{mm}:{mm} GMT", "Dated: {day} {month} {year}",
        "Publication date: {m}/{d}/{year}", "Posted {date} by {name} in {section}",
        "Posted: {date} in {section}, {topic}", "Last updated: {date} - {hh}:{mm} GMT+1",
        "Updated {mon} {day}, {year} at {time} ET by {name}",
    ], ("head", "line", "tail")),
    "share-prompt-variants": ([  # the site's calls run on after the story too (stop 32)
        "Like us on Facebook to see similar stories", "Follow {site} on Google News to get the latest updates.",
        "Leave a comment below", "What do you think? Let us know in the comments below.",
        "Share your thoughts on the {topic} plan in the comments section.", "Download our app to get the latest news on the go.",
        "Share this article with your friends and family.", "Was this article helpful?",
        "Please follow us on Twitter and Instagram for more updates.", "(visited {initial_n} times, {d} visits today)",
    ], ("tail", "glued", "tight")),
    "image-credit-variants": ([
        "Picture credits: {name}", "({name}/Reuters)", "Photo illustration by {name}", "Screenshot via {site}",
        "Image by {name} from {site}", "Photo courtesy of the {site}", "Header image by {name}", "{name}/iStock",
        "Photographs by {name}", "(Photo credit: {name}/{agency})", "Image source: {site}", "1 / 12",
    ], ("tail", "line", "head")),
    # the stamps of layout pages (2008 pages of bench/real_scraped.py's tune part of l3s, and the CMS stamps
    # of the time): the time first, seconds, a host before the date, a wire or a site label before it
    # (stop 34)
    "layout-stamp": ([
        "{hh}:{mm}, {mon} {day} {year}", "{day} {month} {year} - {time}", "{iso} {hh}:{mm}:{mm}", "www.{host} {iso} {hh}:{mm}:{mm}",
        "{dow}, {day} {mon} {year} {hh}:{mm}:{mm} GMT", "{m}/{d}/{year} {time}", "{d}/{m}/{year} {hh}:{mm}:{mm}",
        "{dow} {mon} {day} {hh}:{mm}:{mm} {year}", "{agency} - {date} {time} ET", "{agency} Last updated: {time}, {weekday}, {date}",
        "{site} | {dow}, {mon} {day} {year}, {hh}:{mm} GMT", "posted {time} {dow} {date}", "{hh}:{mm} - {day}th, {mon} {year}",
        "Time: {day} {month}, {year}", "Date: {weekday} {month} {day} {year} Time: {hh}:{mm}AM", "Print Date: {weekday}, {date}",
        "{month} {day}, {year}, {time}", "{weekday}, {day} {month} {year}, {hh}:{mm} GMT",
    ], ("head", "tail")),
    "bare-date-variants": ([
        "{date} at {time}", "{date} by {name}", "{day} {month} {year}", "{weekday}, {date}", "{weekday} {day} {month} {year}",
        "{m}/{d}/{year}", "{m}/{d}/{yy} {time}", "{ago} hours ago", "{ago} minutes ago",
        "{mon}. {day}, {year} {time} ET",
    ], ("head", "tail")),
}


def _pool(*names: str) -> list:
    return [t for name in names for t in FAMILIES[name][0]]


# -- placements (stop 33). bench/real_scraped.py's held-out part still removes 5 points less than its tune
# part, the most in paywall prompts, agency credits, stamps, legal footers and share prompts, though the
# wording variants above are removed: the same wordings sit where the rules do not look. Each family below
# takes the wordings of the families it names and puts them where pages leave them (site-neutral, from
# general knowledge of news pages, never from a held-out page): ``links``, with the page's links or tools
# after it on the same line (a credit, then "Back to headlines" or "| Home | World |"); ``page-lines``, a
# line among the many short lines of a page's footer (menus, sections, networks), some above it, some
# under it; ``truncated``, a paywall's box of two to four prompts under an article the wall cut off after
# 30 to 90 words, so the box holds about as many words as the story (one rule's deletions would be more
# than broad_rules.edit_limit allows a rule on so short an article). Only the wording counts as junk.
FAMILIES.update({
    "credit-links": (_pool("agency-credit", "agency-credit-variants", "signature-tail"), ("links",)),
    "legal-links": (_pool("legal-footer", "legal-footer-variants"), ("links",)),
    "share-links": (_pool("share-prompt", "share-prompt-variants", "paywall-promo"), ("links",)),
    # a stamp with the page's links after it, as a page's last line ("Jan 7, 2008 4:07 PM EST | Comments")
    "stamp-links": (_pool("stamp-under-article", "bare-date-variants"), ("links",)),
    # a stamp as one cell of a layout row: the page's links, its section or the byline in the other cells
    # (stop 34)
    "stamp-row": (_pool("stamp-under-article", "bare-date-variants", "stamp-variants", "layout-stamp"), ("row-head", "row-tail")),
    # a copyright notice as one cell of the page's footer row, its links beside it, or with only a space
    # between ("Terms & Conditions Privacy Policy © Copyright 2008 X"); in brackets; wrapped over two or
    # three lines at any word (stop 34)
    "legal-row": ([t for t in _pool("legal-footer", "legal-footer-variants") if re.search(r"(?i)©|\(c\)|copyright", t)],
                  ("legal-row", "bracketed", "wrapped")),
    # a labelled stamp run on after the story's last sentence, as dumps that lost their line breaks leave it
    # (the stamp of a post's footer: "... the council said. Posted by Jane Doe at 4:12 PM"; stop 34)
    "stamp-glued": (_pool("stamp-anywhere", "stamp-variants"), ("glued", "tight")),
    "footer-page-lines": (_pool("legal-footer", "legal-footer-variants", "agency-credit", "share-prompt",
                                "paywall-promo", "stamp-variants"), ("page-lines",)),
    "paywall-truncated": (_pool("paywall-promo", "paywall-variants"), ("truncated",)),
    # a copyright footer or a stamp under the story with two to four teasers under it: the headlines of
    # related or latest stories a page lists after its article (title case or sentence case, no final
    # stop; a date after some, a bullet before them, a "More from X" or "Related" head above them, each its
    # own line or a layout row), as 2008 layout pages and today's "more stories" rails leave them (stop 35;
    # site-neutral, from general knowledge of news pages, never from a held-out page). Only the footer or
    # stamp counts; the teasers are no body either way
    # teasers that each carry their stamp, two to four under the story, one a line or a layout row, with or
    # without a head above them ("| Depot to close | 17:59 - 9th, Jan 2008 |", "- Depot to close \\| 29 Dec
    # 2007", "Depot to close (Jan 7, 2008)"): a "latest news" box of 2008 layout pages and of today's rails
    # (stop 35; site-neutral, from general knowledge of news pages). Each teaser's headline counts: a rule
    # that takes only the stamps leaves the block
    "dated-teasers": (["(teasers)"], ("dated-teasers",)),
    "footer-teasers": ([t for t in _pool("legal-footer", "legal-footer-variants") if re.search(r"(?i)©|\(c\)|copyright", t)]
                       + _pool("stamp-under-article", "bare-date-variants", "stamp-variants"), ("teasers",)),
})
# a layout row's other cells beside a stamp (family stamp-row): the page's tools, its section, the byline
# or the wire; not counted
_ROW_CELLS = ("Comments ({initial_n})", "Email", "Print", "Permalink", "Share", "E-mail this story", "Printable version",
              "Email to a friend", "Post a comment", "Back to top", "{section}", "Digg it", "Recommend", "TrackBack ({d})",
              "Reprints", "Text size", "Save", "RSS", "View all news", "Send to a friend", "{section} News", "Email This",
              "{d} votes", "Print this article", "Most Viewed", "By {name}", "{agency}", "{city}", "Issue {initial_n}",
              "{site}")
# how a scraper writes the row: a table row (with the layout's empty cells or without), or one line with
# the page's separators
# a footer row's links beside a copyright notice (family legal-row); not counted
_LEGAL_CELLS = ("Privacy Policy", "Terms of Use", "Terms & Conditions", "Contact Us", "About Us", "Advertise", "Site Map",
                "Disclaimer", "RSS", "Help", "Feedback", "Careers", "Subscribe", "Archives", "Terms of Service", "Cookie Policy",
                "Home", "{site}", "Advertise With Us", "Privacy Statement")
_ROW_FORMS = ("| {} |", "|  | {} |  |", "{}", "{}", "{}")
_ROW_SEPS = (" | ", " · ", "\t", " • ", "  ", " - ")
# the page's own links and tools after a trailer on its line (family *-links): not counted
_LINE_LINKS = ("| Home | {section} | Contact Us", "Back to top", "Back to headlines", "Share Tweet Email", "Email Print Share",
               "Comments ({initial_n})", "Print Email", "« Previous | Next »", "Share: Facebook Twitter Email",
               "Return to top", "More {section} news", "Top of page", "Facebook Twitter LinkedIn", "Print this article",
               "{site} Home", "Back to {section}", "Next story »", "Tweet Share Pin")
_LINK_GAPS = (" ", " | ", " - ", "  ", " · ")
# a page footer's short lines (family footer-page-lines): not counted
_PAGE_LINKS = ("About Us", "Contact Us", "Advertise", "Careers", "Site Map", "RSS", "Newsletters", "{section}", "{site}",
               "Facebook", "Twitter", "Terms of Use", "Privacy", "Jobs", "Classifieds", "Obituaries", "Weather",
               "E-Edition", "Home", "Back to top", "Mobile site", "Help", "Corrections", "Archives", "Sections",
               "{section} News", "Follow us", "YouTube", "Instagram", "Feedback", "Accessibility", "Sitemap",
               "Our Team", "Submit a tip", "Events", "{city} Weather", "Contact the newsroom", "Work for us")
# the teasers under a footer or stamp (family footer-teasers): their heads, and the date some carry
_TEASER_HEADS = ("More from {site}", "Related", "Related Stories", "More {section} News", "Latest Headlines", "Also in {section}",
                 "More Stories", "You may also like", "Most Popular", "Top Stories", "Related Articles:", "MORE HEADLINES")
_TEASER_DATES = (" | {day} {mon} {year}", " - {date}", " ({mon} {day})", ", {date}", " {m}/{d}/{year}")
_TEASER_STAMPS = ("{day} {mon} {year}", "{hh}:{mm} - {day}th, {mon} {year}", "{date}", "{mon} {day}, {year}, {time}",
                  "{dow}, {day} {mon} {year} {hh}:{mm}:{mm}", "{iso} {hh}:{mm}", "{hh}:{mm}, {mon} {day} {year}", "{m}/{d}/{year}")
_TEASER_ROWS = ("{teaser} | {stamp}", "| {teaser} | {stamp} |", "| - {teaser} \\| {stamp} |", "{teaser} ({stamp})",
                "{teaser} - {stamp}", "| {stamp} | {teaser} |", "{stamp} - {teaser}", "• {teaser} · {stamp}")
_SMALL_WORDS = ("to", "of", "in", "for", "on", "as", "at", "and", "over", "after", "with")


def _teaser(rng: random.Random) -> str:
    """A teaser's headline: four to nine words in title case (small words kept low) or sentence case, no
    final stop; sometimes a question or a quoted word.

    >>> t = _teaser(random.Random(4)); t[:1].isupper() and not t.endswith(".") and 4 <= len(t.split()) <= 10
    True
    """
    words = [_word(rng, rng.randint(1, 3)) for _ in range(rng.randint(4, 9))]
    for i in range(1, len(words) - 1):
        if rng.random() < 0.25:
            words[i] = rng.choice(_SMALL_WORDS)
    if rng.random() < 0.3:  # sentence case
        words = [words[0]] + [w.lower() for w in words[1:]]
    text = " ".join(words)
    return text + "?" if rng.random() < 0.1 else text


def _teasers(rng: random.Random) -> list:
    """Two to four teaser lines, in one form for the block: bare, bulleted, dated, with a head, as rows.

    >>> lines = _teasers(random.Random(2)); 2 <= len(lines) <= 5
    True
    """
    bullet = rng.choice(("", "", "- ", "• ", "» "))
    dated = rng.random() < 0.3
    date = rng.choice(_TEASER_DATES)
    lines = [bullet + _teaser(rng) + (date.format(**_fill(rng)) if dated else "") for _ in range(rng.randint(2, 4))]
    if rng.random() < 0.4:
        lines.insert(0, rng.choice(_TEASER_HEADS).format(**_fill(rng)))
    return lines


_TRUNCATION_MARKS = ("…", "...", " […]", "", "")


def _truncated(paragraphs: list, rng: random.Random) -> list:
    """The article's paragraphs cut off after 30 to 90 words, as a paywall leaves it.

    >>> _truncated(["one two three four five " * 10, "six seven"], random.Random(1))[0].split()[-1][-1:] in "e….]"
    True
    """
    keep = rng.randint(30, 90)
    out = []
    for para in paragraphs:
        words = para.split()
        if len(words) < keep:
            out.append(para)
            keep -= len(words)
            continue
        out.append(" ".join(words[:keep]) + rng.choice(_TRUNCATION_MARKS))
        break
    return out


# the wording variants come in the page's casing, in capitals or in title case (a template's own casing
# first): the rules are case-blind where the junk is
_CASED = {"paywall-variants", "agency-credit-variants", "legal-footer-variants", "stamp-variants"}
# the footer under a trailer (family footer-above) and the page's lines under it: not counted
_FOOTERS = ("Copyright {year} {site}. All rights reserved.", "© {year} {site}", "Copyright © {year} {site} Inc.",
            "Copyright {year} The {site}. All rights reserved.This material may not be published, broadcast, "
            "rewritten, or redistributed.")
_PAGE_LINES = ("| Most Viewed | Most Emailed |\n- 1 {topic}\n- 2 {city}\n- 3 {first}",
               "All About {topic} • {name}\nMost Popular\n- {lhead}\n- {lhead2}", "{site} Home | {section} | Contact Us")
# the page's line under a footer (family footer-note): prose-like, not counted
_NOTES = (
    "{site} is giving away {initial_n} free tickets to see {headline} this weekend, and readers can enter the draw online.",
    "When news happens, send your photos, videos and tip-offs to the {site} newsroom on {phone} or by email at {email}.",
    "Pick up a good habit this new year and subscribe to {site} to save on home delivery of the paper every single day.",
)


def inject(text: str, rng: random.Random, families=None) -> tuple[str, list, str]:
    """The article with one to three pieces of junk (of ``families``, or of all), the (family, piece,
    place) of each, and the article's own text in it (cut short by a ``truncated`` placement).

    >>> raw, pieces, body = inject("First paragraph.\\n\\nLast paragraph.", random.Random(3))
    >>> all(piece in raw for _family, piece, _place in pieces) and raw.count("paragraph.") == 2
    True
    >>> all(family in FAMILIES and place in FAMILIES[family][1] for family, _piece, place in pieces)
    True
    >>> raw, pieces, body = inject("Lead " * 100 + "end.", random.Random(1), ["paywall-truncated"])
    >>> len(body.split()) <= 90 < len(pieces[0][1].split()) + 90 and all(p in raw for _f, p, _pl in pieces)
    True
    """
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    chosen = rng.sample(sorted(families or FAMILIES), min(rng.randint(1, 3), len(families or FAMILIES)))
    if "paywall-truncated" in chosen:  # the wall cuts the article first; the other junk goes around it
        chosen.remove("paywall-truncated")
        paragraphs = _truncated(paragraphs, rng)
        text = "\n\n".join(paragraphs)
        chosen.insert(0, "paywall-truncated")
    last = len(paragraphs) - 1  # the article's own last paragraph: glued junk goes after its last sentence
    pieces = []
    for family in chosen:
        templates, places = FAMILIES[family]
        piece = rng.choice(templates).format(**_fill(rng))
        if family in _CASED:
            piece = rng.choice((piece, piece, piece, piece.upper(), piece.title()))
        place = rng.choice(places)
        if place == "truncated":  # a box of two to four prompts, one a line, the first may run on
            box = [piece] + [rng.choice(templates).format(**_fill(rng)) for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.3:
                paragraphs[last] = paragraphs[last].rstrip() + " " + box[0]
                rest = box[1:]
            else:
                rest = box
            if rest:
                paragraphs.append(rng.choice(("\n", "\n\n")).join(rest))
            pieces.extend((family, line, place) for line in box)
            continue
        if place == "dated-teasers":  # two to four teasers with their stamps, in one form, a head above some
            form, stamp = rng.choice(_TEASER_ROWS), rng.choice(_TEASER_STAMPS)
            heads = [_teaser(rng) for _ in range(rng.randint(2, 4))]
            lines = [form.format(teaser=head, stamp=stamp.format(**_fill(rng))) for head in heads]
            if rng.random() < 0.4:
                lines.insert(0, rng.choice(_TEASER_HEADS).format(**_fill(rng)))
            paragraphs.append(rng.choice(("\n", "\n\n")).join(lines))
            pieces.extend((family, head, place) for head in heads)
            continue
        if place in ("row-head", "row-tail", "legal-row"):  # a layout row: the piece one cell, one to three others
            others = _LEGAL_CELLS if place == "legal-row" else _ROW_CELLS
            cells = [piece] + [rng.choice(others).format(**_fill(rng)) for _ in range(rng.randint(1, 3))]
            rng.shuffle(cells)
            if rng.random() < 0.2:  # a template's capitals
                cells = [c.upper() for c in cells]
            form = rng.choice(_ROW_FORMS)
            seps = (_ROW_SEPS + (" ",)) if place == "legal-row" else _ROW_SEPS  # (links, then the notice: one space)
            line = form.format((" |  | " if form.startswith("|  |") else " | ").join(cells) if form != "{}" else
                               rng.choice(seps).join(cells))
            if place == "row-head":
                paragraphs.insert(0, line)
                last += 1
            else:
                paragraphs.append(line)
            pieces.append((family, piece, place))
            continue
        if place == "links":  # the page's links after it on its line; the line its own or glued on
            links = rng.choice(_LINE_LINKS).format(**_fill(rng))
            line = piece + rng.choice(_LINK_GAPS) + links
            if rng.random() < 0.5:
                paragraphs.append(line)
            else:
                paragraphs[last] = paragraphs[last].rstrip() + " " + line
        elif place == "page-lines":  # among a footer's short lines, some above it and some under it
            above = [rng.choice(_PAGE_LINKS).format(**_fill(rng)) for _ in range(rng.randint(0, 4))]
            under = [rng.choice(_PAGE_LINKS).format(**_fill(rng)) for _ in range(rng.randint(2, 6))]
            paragraphs.append(rng.choice(("\n", "\n\n")).join(above + [piece] + under))
        elif place == "tail":
            paragraphs.append(piece)
        elif place == "bracketed":  # a notice in brackets under the story
            paragraphs.append(f"({piece})")
        elif place == "wrapped":  # under the story, a long notice wrapped at any word over two or three lines
            words = piece.split()
            cuts = sorted(rng.sample(range(1, len(words)), rng.randint(1, 2))) if len(words) >= 8 else []
            paragraphs.append("\n".join(" ".join(words[a:b]) for a, b in zip([0] + cuts, cuts + [len(words)])))
        elif place == "glued":
            paragraphs[last] = paragraphs[last].rstrip() + " " + piece
        elif place == "tight":  # dumps that lost the space too: "...on Monday.Copyright 2017 ..."
            end = paragraphs[last].rstrip()
            paragraphs[last] = end + ("" if end[-1:] in ".!?" else " ") + piece
        elif place == "inline":  # its own sentence between two of a paragraph's sentences
            gaps = [(i, m.end()) for i, p in enumerate(paragraphs[:last + 1])
                    for m in re.finditer(r"[a-z0-9][.!?] (?=[A-Z])", p)]
            if gaps:
                i, at = rng.choice(gaps)
                paragraphs[i] = paragraphs[i][:at] + piece + " " + paragraphs[i][at:]
            else:
                paragraphs[last] = paragraphs[last].rstrip() + " " + piece
        elif place == "head":
            paragraphs.insert(0, piece)
            last += 1
        elif place == "teasers":  # the footer or stamp, then two to four teasers, each its line or a layout row
            lines = [piece] + _teasers(rng)
            if rng.random() < 0.25:
                lines = [f"| {line} |" for line in lines]
            paragraphs.append(rng.choice(("\n", "\n\n")).join(lines))
        elif place == "note":  # the footer, then one line of the page's own under it
            paragraphs.append(piece + "\n" + rng.choice(_NOTES).format(**_fill(rng)))
        elif place == "above-footer":  # glued after the last sentence, a footer and page lines under it
            paragraphs[last] = (f"{paragraphs[last].rstrip()} {piece}\n{rng.choice(_FOOTERS).format(**_fill(rng))}\n"
                                f"{rng.choice(_PAGE_LINES).format(**_fill(rng))}")
        elif place == "cell-mid":  # the story cell closes in the middle of a line, the page's links after it
            paragraphs[last] = f"{paragraphs[last].rstrip()} {piece} | {_word(rng)} {_word(rng, 3)} ({rng.randint(1, 9)}:{rng.randint(10, 59)}) {_word(rng)} {_word(rng, 3)}"
        elif place == "cell":  # the last paragraph as a layout table's cell, the page's rows under it
            paragraphs[last] = f"| {paragraphs[last].rstrip()} {piece} |\n| {_word(rng)} {rng.choice(_SITE_TAILS)} |  |"
        elif place in ("caption", "run-on"):  # a caption line between paragraphs, its credit at the end
            caption = f"{_word(rng)} {_word(rng, 3)}, at the {_word(rng, 3)} office"
            at = rng.randint(1, last) if last >= 2 else len(paragraphs)
            run_on = place == "run-on" or piece.startswith("|")  # "run-on": no stop before the credit
            paragraphs.insert(at, f"{caption} {piece}" if run_on else f"{caption}. {piece}")
            last += at <= last
        elif last >= 2:  # a line between two of the article's paragraphs
            paragraphs.insert(rng.randint(1, last), piece)
            last += 1
        else:
            paragraphs.append(piece)
        pieces.append((family, piece, place))
    return "\n\n".join(paragraphs), pieces, text


def _key(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def measure(cleaner, articles: list, seed: int, families=None) -> tuple[Counter, list, list]:
    """Counts of pieces and removals per family and of body words kept and lost, with the misses."""
    rng = random.Random(seed)
    tally: Counter = Counter()
    left, lost_words = [], []
    for article_id, text in articles:
        raw, pieces, text = inject(text, rng, families)
        out = cleaner.clean(raw, kind="text").text
        raw_key, out_key = f" {_key(raw)} ", f" {_key(out)} "
        for family, piece, place in pieces:
            tally["pieces", family] += 1
            # gone when fewer copies of its words are left than the raw text had ("Reuters" may be body too)
            copies = re.compile(f"(?<= ){re.escape(_key(piece))}(?= )")
            if len(copies.findall(out_key)) < len(copies.findall(raw_key)):
                tally["removed", family] += 1
            else:
                left.append((article_id, f"{family} {place}", piece))
        body = Counter(WORD.findall(text.lower()))
        gone = body - Counter(WORD.findall(out.lower()))
        tally["words"] += sum(body.values())
        tally["lost"] += sum(gone.values())
        if gone:
            lost_words.append((article_id, sorted(gone)[:12]))
    return tally, left, lost_words


def summary(tally: Counter) -> dict:
    families = sorted(f for kind, f in (k for k in tally if isinstance(k, tuple)) if kind == "pieces")
    rates = {f: tally["removed", f] / tally["pieces", f] for f in families}
    pieces = sum(tally["pieces", f] for f in families)
    return {
        "families": rates,
        "overall": sum(tally["removed", f] for f in families) / max(pieces, 1),
        "macro": statistics.mean(rates.values()) if rates else 0.0,
        "lost": tally["lost"] / max(tally["words"], 1),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("tune", "heldout"), default="tune")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    parser.add_argument("--limit", type=int, default=300, help="articles per seed")
    parser.add_argument("--misses", type=int, default=0, help="tune only: list this many pieces left and words lost")
    parser.add_argument("--families", nargs="+", choices=sorted(FAMILIES), metavar="FAMILY",
                        help="inject only these families (one to three of them an article), for a closer figure")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus_split import articles

    from cleaner import Cleaner

    cleaner = Cleaner(select=["B", "E"])
    runs = []
    for seed in args.seeds:
        # each seed draws its own articles from the part, so fresh seeds are fresh articles too
        pool = [(r["id"], r["text"]) for r in articles(args.part)]
        chosen = random.Random(f"articles-{seed}").sample(pool, min(args.limit, len(pool)))
        cpu = time.process_time()
        tally, left, lost = measure(cleaner, chosen, seed, args.families)
        result = summary(tally)
        runs.append(result)
        print(f"seed {seed}: {len(chosen)} articles, {sum(v for k, v in tally.items() if k[0] == 'pieces')} pieces: "
              f"overall {result['overall']:.2%}  macro {result['macro']:.2%}  body words lost {result['lost']:.3%}  "
              f"({time.process_time() - cpu:.1f} s CPU)")
        if args.misses and args.part == "tune":
            for article_id, family, piece in left[:args.misses]:
                print(f"   left {family:<23} {article_id[:40]}: {piece!r}")
            for article_id, words in lost[:args.misses]:
                print(f"   lost {article_id}: {words}")
    families = sorted(runs[0]["families"])
    print(f"\n{args.part}, {len(runs)} seed(s): per family removed, mean (min .. max)")
    for family in families:
        values = [r["families"].get(family, 0.0) for r in runs]
        print(f"   {family:<18} {statistics.mean(values):7.2%}  ({min(values):.2%} .. {max(values):.2%})")
    for key in ("overall", "macro", "lost"):
        values = [r[key] for r in runs]
        spread = statistics.stdev(values) if len(values) > 1 else 0.0
        print(f"   {key:<18} {statistics.mean(values):7.3%}  ± {spread:.3%} (sd)  ({min(values):.3%} .. {max(values):.3%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
