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


def test_an_agency_credit_above_a_footer_wrapped_over_four_lines_goes_with_it():
    # newspaper4k's AP page (tune): the credit and the copyright run on in a table cell, and the page
    # footer set in a narrow column below reaches the scrape one piece a line
    last = BODY.strip().split("\n")[-1]
    cell = (f"| {last} --- Associated Press writers Dana Ruiz and Omar Haddad in Kabul contributed to this story. "
            "© 2016 The Associated Press. All rights reserved. This material may not be published, broadcast, "
            "rewritten or redistributed. Learn more about our Privacy Policy and Terms of Use. |")
    footer = ("|  |\n| AP Photo/Uncredited |\n        ©2015 The Associated Press.\nAll rights reserved. Terms\n"
              "        under which this site is provided.\nLearn more about our \n            Privacy Policy.\n")
    body = "\n".join(BODY.strip().split("\n")[:-1])
    out, _applied = clean(body + "\n" + cell + "\n" + footer)
    # the story's cell keeps its border; the empty row above the credits is left as the page had it
    lines = [" ".join(line.split()) for line in out.rstrip("\n").split("\n")]
    assert lines == body.split("\n") + [f"| {last} |", "| |"]
    assert "contributed" not in out and "Privacy" not in out and "reserved" not in out and "provided" not in out


def test_lines_wrapped_in_a_story_stay():
    poem = BODY + "The plaque at the depot reads:\nWe kept the city moving\nthrough snow and heat and\nthe long nights.\n"
    assert clean(poem)[0] == poem


def test_an_author_box_goes_and_a_profile_of_someone_else_stays():
    box = "Dana Ruiz\nDana Ruiz is the Asia digital editor for Ledger News, based in Seoul.\n"
    out, applied = clean(BODY + box)
    assert out.strip() == BODY.strip() and {f.source for f in applied} == {"boilerplate:author-box"}
    profile = BODY + "Omar Haddad\nOmar Haddad is a lawyer who is running for mayor in the spring election.\n"
    assert clean(profile)[0] == profile


def test_the_log_in_wall_goes_with_the_offer_under_it():
    wall = ("Log in or create an account to continue\n- Access the most recent reporting from our team\n"
            "- Explore the latest features and opinion\nor\n")
    out, _applied = clean(BODY + wall)
    assert out.strip() == BODY.strip()


@pytest.mark.parametrize("credit", ["Additional reporting from PA", "--- With files from The Canadian Press"])
def test_credits_in_more_wordings_go(credit):
    out, _applied = clean(BODY + credit + "\n")
    assert out.strip() == BODY.strip()


def test_a_copyright_sentence_run_on_after_the_last_sentence_goes():
    text = BODY.rstrip() + " © 2024 Ledger Media. All rights reserved.\n"
    out, _applied = clean(text)
    assert out.strip() == BODY.strip()


def test_a_long_run_of_name_and_role_pairs_is_a_list_of_people_and_stays():
    staff = "".join(f"Dana Ruiz{k}\nDana Ruiz{k} is an editor who joined in 2019.\n" for k in range(14))
    text = BODY + staff
    assert clean(text)[0] == text


def test_a_credit_run_on_after_a_caption_in_a_table_cell_goes_and_the_caption_stays():
    rows = "| The depot in 1962. AP Photo/Jane Doe |\n| The vote was close. Video |\n"
    out, applied = clean(rows + BODY)
    assert out == "| The depot in 1962. |\n| The vote was close. Video |\n" + BODY
    assert [f.code for f in applied] == ["B009"]
