"""B families of stop 19 (issue 13), read from the fundus crawler's tune pages (bench/real_scraped.py):
calls to the reader at the end of an article in any wording that acts on the site's own newsletter,
inbox, comments or account; the "X reported from Y" sign-off; labels and notices those pages carry.
Names, sites and addresses are invented; the lines that only resemble a family stay."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

BODY = ("The council voted 7-2 on Tuesday to close the downtown depot by the end of next year.\n"
        "Opponents said the closure would cut bus service to the eastern suburbs for months.\n"
        "The depot opened in 1962 and employs about 140 mechanics and drivers.\n"
        "The transit agency said the buses would be serviced at a new yard on the northern edge of town.\n"
        "Union leaders said they would meet on Friday to decide how to respond to the vote and the plan.\n"
        "The mayor, who voted for the closure, said the land could be sold for housing within three years.\n"
        "Several residents spoke against the plan at the meeting, which ran for more than four hours.\n"
        "A final decision on the sale of the land is expected when the council meets again in the spring.\n")


def clean(text: str):
    result = Cleaner(select=["B"]).clean(text, kind="text")
    return result.text, [f for f in result.findings if f.applied]


@pytest.mark.parametrize("call", [
    "Sign up for our emails",
    "Our site is the place for the latest local news and longreads. Please bookmark valleyledger.example "
    "and sign up for our daily newsletter, Morning Run, here.",
    "For the latest news and stories from across the valley from the Ledger, sign up for our newsletters .",
    "Get in touch with our news team by emailing us at desk@valleyledger.example.",
    "Please logout and then login again, you will then be prompted to enter your display name.",
    "Would you like to comment on this article?",
    "What about you? Share your thoughts on the depot in the comments below.",
    "Please read our Comment Policy before commenting.",
    "Join our commenting forum",
    "Follow Us On Social Media",
    "For more stories like this, check our news page.",
])
def test_a_call_to_the_reader_at_the_end_goes(call):
    out, applied = clean(BODY + call + "\n")
    assert out.strip() == BODY.strip()
    assert [f.source for f in applied] == ["boilerplate:reader-call"]


def test_calls_one_above_the_other_go_together():
    tail = "Would you like to comment on this article?\nSign up (it's quick and free) or sign in now.\n" \
           "Please read our Comment Policy before commenting.\n"
    out, _applied = clean(BODY + tail)
    assert out.strip() == BODY.strip()


@pytest.mark.parametrize("last", [
    # a blog's own sign-off, advice, reported speech and quotation are the story's
    "If you have any questions, please contact us at help@agency.example.",
    "Follow along with us this weekend via our website as we share these stories.",
    "Contact your doctor if the symptoms last more than a week.",
    "Residents can sign up for the city's emails at the library, the clerk said.",
    "\u201cSign up for our newsletter,\u201d the mayor urged residents on Monday.",
    "Making sure your email newsletters work on phones is critical for agencies.",
    "Signing up is simple: you need a verified email on your account.",
])
def test_a_last_line_that_only_resembles_a_call_stays(last):
    text = BODY + last + "\n"
    out, applied = clean(text)
    assert out == text and applied == []


def test_a_call_in_the_middle_of_the_article_is_left_to_other_rules():
    text = "Sign up for our emails\n" + BODY + "The depot will be sold next spring, the council said.\n" \
           "Bus routes will change in May.\nA new depot will open in 2027.\nThe union will meet on Friday.\n"
    out, applied = clean(text)
    assert out == text and applied == []


def test_the_reported_from_sign_off_and_the_rule_above_it_go():
    tail = "___\nDana Ruiz reported from Toronto, and Omar Haddad from Ottawa.\n"
    out, applied = clean(BODY + tail)
    assert out.strip() == BODY.strip()
    assert sorted(f.source for f in applied) == ["boilerplate:reported-from", "boilerplate:separator-line"]


def test_a_reported_from_sentence_of_the_story_stays():
    text = BODY + "Police reported from the scene that two people were hurt.\n"
    out, applied = clean(text)
    assert out == text and applied == []


def test_the_affiliate_notice_goes_and_a_commission_in_the_story_stays():
    notice = ("Reviews and recommendations are unbiased and products are independently selected. "
              "Ledger Media may earn an affiliate commission from purchases made through links on this page.")
    out, applied = clean(notice + "\n" + BODY)
    assert out.strip() == BODY.strip() and [f.code for f in applied] == ["B007"]
    story = BODY + "Agents may earn a commission on the sale of the depot, the city said.\n"
    assert clean(story)[0] == story


@pytest.mark.parametrize("line", ["• Email: dana.ruiz@valleyledger.example", "Article content", "End of Article"])
def test_a_labelled_contact_line_and_page_labels_go(line):
    out, applied = clean(BODY + line + "\nThe union will meet on Friday to plan its response.\n")
    assert line not in out and len(applied) == 1
