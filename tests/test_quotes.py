"""The Q family: the quotation model, each defect code, what must stay untouched, and the seed rows."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import Cleaner
from cleaner.checks import quote_model as qm
from cleaner.checks.quotes import detect

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "quotes" / "records.jsonl"
SEED = ROOT / "fixtures" / "seed"


def fix(text: str, unsafe: bool = False) -> str:
    return cleaner.clean(text, select=["Q"], unsafe_fixes=unsafe).text


def codes(text: str) -> list[str]:
    return [f.code for f in cleaner.check(text, select=["Q"])]


# -- the quotation model --------------------------------------------------------------------------
def test_model_pairs_marks_and_follows_run_on_quotations():
    text = 'Ryan said: "The coalition is acting.\n\n"We have seen it," he said. "It works."'
    model = qm.build(text)
    first, second, third = model.quotations
    assert first.runs_on and first.close is None
    assert second.close is not None and third.close is not None
    assert not any(q.unclosed for q in model.quotations)


def test_model_tells_opening_from_closing_by_context_not_glyph():
    text = "He said ”we will stay” and left."
    marks = qm.build(text).marks
    assert [m.role for m in marks] == ["open", "close"]
    assert marks[0].context == "open"


def test_model_places_a_lost_closing_mark_before_the_attribution():
    text = '"Hands! Let me see your hands! an officer ordered. "Step out."'
    q = qm.build(text).quotations[0]
    assert q.unclosed and q.missing_rule == "attribution"
    assert text[:q.missing_close].endswith("your hands!")


def test_model_reads_a_glued_straight_mark_before_an_attribution_as_closing():
    """``target,"Reagan said``: an attribution follows, so the mark closes (its opening one was lost),
    though a mark glued after a comma and before a capital otherwise opens (``said,"The report``)."""
    marks = qm.build('It meets the target,"Reagan said, calling the plan fair."').marks
    assert marks[0].role == "close"
    assert qm.build('Grimes said,"The report shows a good ratio."').marks[0].role == "open"


def test_model_treats_a_digit_before_a_straight_mark_as_an_inch_mark():
    model = qm.build('The 34" screen costs $300.')
    assert [m.role for m in model.marks] == ["inch"]
    assert model.quotations == []


def test_model_nests_quotations_several_levels_deep_in_one_reading():
    text = "He said “a “b “c” d” e” today."
    para = qm.build(text).paragraphs[0]
    assert [text[q.open.pos + 1] for q in para.nested] == ["c", "b"]
    assert not para.stray_closes and [q.close.pos for q in para.quotations] == [22]
    assert fix(text) == "He said “a ‘b ‘c’ d’ e” today."


def _quoted_line(words: int, seed: int) -> str:
    """One long line of news words with quotation marks opened and closed at random (the lead's probe)."""
    rng = random.Random(seed)
    vocabulary = ['"we', 'will"', "U.S.", "said", "go,", "(Reuters)", "council", "it's", "Monday", "the", "on", "press"]
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def test_fix_rounds_do_not_grow_with_a_quoted_lines_length():
    """Nesting found one level per fix round made a 1 MB line of random marks take 7 rounds (5 at 250 KB):
    Q's cost grew faster than the text. Every level is now read at once, so one round applies everything."""
    for words in (2_000, 20_000):
        result = cleaner.clean(_quoted_line(words, seed=3), select=["Q"])
        rounds = {f.extra.get("fix_round", 1) for f in result.findings}
        assert rounds == {1}, (words, rounds)


@pytest.mark.parametrize("unit", ["“a’ ", "‘a” ", "\"a' ", "”a‘ ", "a” b“ "])
def test_a_line_of_marks_that_pair_with_nothing_is_reported_once_and_nothing_is_placed(unit, monkeypatch):
    """A line of 10,000 mixed marks (issue 17's probe) placed a lost closing mark for every opening one and
    gave a finding each, 25,000 findings per fix round at 100,000 characters: its marks are noise."""
    calls = []
    for name in ("_place_missing_close", "_lone_close"):
        real = getattr(qm, name)
        monkeypatch.setattr(qm, name, lambda *args, real=real, name=name: calls.append(name) or real(*args))
    text = unit * 10_000
    result = cleaner.clean(text, select=["Q"])
    assert result.text == text
    assert [f.code for f in result.findings] == ["Q006"] and "pair with nothing" in result.findings[0].message
    assert calls == []


def test_a_paragraph_with_a_few_unpaired_marks_is_still_read_mark_by_mark():
    text = "He said “one. She said “two. They said “three."
    assert codes(text).count("Q006") == 3


def test_a_quotation_holding_several_quotations_is_closed_by_its_own_mark():
    """``“I … (then "BlightStatus," now "Civic Insight") … here.”``: two closed quotations inside one left open,
    then a lone closing mark: the outer quotation's. Its closing mark was deleted as a stray."""
    text = ('“We formed a company around our project (then "BlightStatus," now "Civic Insight"), and I am '
            'thrilled to be here.” –Jane Doe')
    p = qm.build(text).paragraphs[0]
    assert len(p.nested) == 2 and not p.stray_closes
    assert fix(text) == text  # straight marks inside curly ones: the publisher told them apart
    straight = text.replace("“", '"').replace("”", '"')
    assert fix(straight) == straight.replace('"BlightStatus,"', "'BlightStatus,'").replace('"Civic Insight"', "'Civic Insight'")


def test_nested_marks_are_judged_against_the_quotation_that_holds_them():
    text = '“Nahh," I said. "Just call them and tell them “fatter” or “thinner” until you like it."'
    assert "tell them “fatter” or “thinner” until" in fix(text)  # curly inside straight: kept apart


def test_style_follows_the_article():
    assert qm.build("“A,” he said. “B.” It’s fine.").style == "curly"
    assert qm.build('"A," he said. "B." It\'s fine.').style == "straight"


# -- the seed article -----------------------------------------------------------------------------
def test_seed_rows():
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    result = cleaner.clean(text, select=["Q"])
    found = {f.code: f for f in result.findings}
    assert "Colonel Sean Ryan in an email" in result.text
    assert 'attacking the enemy every day," said Commander-in-Chief Christopher Ghika.' in result.text
    assert found["Q003"].fix == "safe" and found["Q001"].fix == "safe" and found["Q002"].fix == "safe"
    # the run-on quotation of paragraph 3 is correct news style: nothing there is flagged
    start = text.index('Ryan said: "The coalition')
    end = text.index("Colonel Sean Ryan.")
    assert not [f for f in result.findings if start <= f.start < end - 60]
    expected = (SEED / "expected_safe.txt").read_text(encoding="utf-8")
    for line in ('said coalition spokesman Colonel Sean Ryan in an email', 'every day," said Commander-in-Chief'):
        assert line in expected and line in result.text


# -- each code: before -> after -------------------------------------------------------------------
@pytest.mark.parametrize(
    "before, after, code",
    [
        ('"We fight every day. , "Said Commander Christopher Ghika.', '"We fight every day," said Commander Christopher Ghika.', "Q001"),
        ("“We fight every day. , ”He said.", "“We fight every day,” he said.", "Q001"),
        (
            '"It went well," Ryan said. "We are ready," she added. "We will win", said Colonel Ryan.',
            '"It went well," Ryan said. "We are ready," she added. "We will win," said Colonel Ryan.',
            "Q001",
        ),
        (
            '"We won," he said. "It was great." "We left." "It was hard." Then "We will win next time". He left.',
            '"We won," he said. "It was great." "We left." "It was hard." Then "We will win next time." He left.',
            "Q001",
        ),
        ('"It is reasonable," Said Bruce Bagley, a professor.', '"It is reasonable," said Bruce Bagley, a professor.', "Q002"),
        ("said coalition spokesman Colonel Sean Ryan. in an email", "said coalition spokesman Colonel Sean Ryan in an email", "Q003"),
        ("Paganini and his team wrote in the paper .\n\nNext.", "Paganini and his team wrote in the paper.\n\nNext.", "Q004"),
        ("a pep talk Tuesday , telling them", "a pep talk Tuesday, telling them", "Q004"),
        ('Ryan said : "We will stay." Will they ? Yes !', 'Ryan said: "We will stay." Will they? Yes!', "Q004"),
        ('a sexy new look ," said David Kershaw.', 'a sexy new look," said David Kershaw.', "Q004"),
        ("the largest shareholder. , Japanese investor", "the largest shareholder, Japanese investor", "Q005"),
        ("the National Capital is breathing.. Amid all this", "the National Capital is breathing. Amid all this", "Q005"),
        ("digital ads are targeted at voters,, officials said", "digital ads are targeted at voters, officials said", "Q005"),
        ("“It was inevitable.””\n\nIn the news business", "“It was inevitable.”\n\nIn the news business", "Q006"),
        ("He said ““We will stay,” and left.", "He said “We will stay,” and left.", "Q006"),
        ('"It was great, Petrides said.\n\nDisclaimer: none.', '"It was great," Petrides said.\n\nDisclaimer: none.', "Q006"),
        ("They called it “extremely low.\n\nThe next day came.", "They called it “extremely low.”\n\nThe next day came.", "Q006"),
        ("It’s “good,” he said, offering “Hey, Siri\" and more.", "It’s “good,” he said, offering “Hey, Siri” and more.", "Q007"),
        ("It’s “good,” he said. “No.“ That’s why.", "It’s “good,” he said. “No.” That’s why.", "Q007"),
        ('It\'s "good," he said, calling it the “end of an era" today.', 'It\'s "good," he said, calling it the "end of an era" today.', "Q007"),
        ("the release said.The company will", "the release said. The company will", "Q008"),
        ("Peskov didn’t say «there will be no talks» today.", "Peskov didn’t say “there will be no talks” today.", "Q009"),
        ("Peskov said «there will be no talks» today.", 'Peskov said "there will be no talks" today.', "Q009"),
        ('Merz said „wir schaffen das“ twice, and "that is final," he added.', 'Merz said "wir schaffen das" twice, and "that is final," he added.', "Q009"),
        # families the dev split never shows
        ('"Why"? he asked the board. "Because," she said.', '"Why?" he asked the board. "Because," she said.', "Q001"),
        # a whole quoted sentence takes its stop inside in British and American copy alike
        ('He said: "We will win the next one". He left.', 'He said: "We will win the next one." He left.', "Q001"),
        # a quoted fragment: only the article's other fragments decide
        ('He called it "a good deal." She said "a big step." They want "a new start." It was "a fair price".',
         'He called it "a good deal." She said "a big step." They want "a new start." It was "a fair price."', "Q001"),
        ("to enhance shareholder value,. and the stock price", "to enhance shareholder value, and the stock price", "Q005"),
        ("The tender was made., The company declined to comment.", "The tender was made. The company declined to comment.", "Q005"),
        ("It closed the plant; , the union objected.", "It closed the plant; the union objected.", "Q005"),
        ("Sales rose 4% in the quarter.” The company gave no forecast.", "Sales rose 4% in the quarter. The company gave no forecast.", "Q006"),
        ("We will not raise prices this year,” the chief executive said.", "“We will not raise prices this year,” the chief executive said.", "Q006"),
        ('The minister told reporters: We will not leave the city." He left.', 'The minister told reporters: "We will not leave the city." He left.', "Q006"),
        ("the biggest challenges they faced,lessons learned and plans", "the biggest challenges they faced, lessons learned and plans", "Q008"),
        # after a number too, before a word (a year, a time, a figure); ``1,500`` and ``3:1`` stay
        ("Exports rose in 2015,the ministry said, to 40,679,against 1,500 at 3:1 odds.",
         "Exports rose in 2015, the ministry said, to 40,679, against 1,500 at 3:1 odds.", "Q008"),
        ("The hearing starts at 10:30,and ends at noon.", "The hearing starts at 10:30, and ends at noon.", "Q008"),
        # an embedded post's sign-off date run into the next sentence (the ISOT dump: 2,348 of them)
        ("Donald J. Trump (@realDonaldTrump) December 31, 2017Trump said it was over.",
         "Donald J. Trump (@realDonaldTrump) December 31, 2017 Trump said it was over.", "Q008"),
        ("“We are ready,”the mayor said on Monday.", "“We are ready,” the mayor said on Monday.", "Q008"),
        # an opening mark glued to any word before it, when the next mark can only close the quotation
        ('He said the rule is"outdated and unjust". It goes.', 'He said the rule is "outdated and unjust". It goes.', "Q008"),
        ("He admired Mr Blair’s“courageous” leadership.", "He admired Mr Blair’s “courageous” leadership.", "Q008"),
        ("trade in London.The rule has been in effect since 1970.", "trade in London. The rule has been in effect since 1970.", "Q008"),
        # a lost space repeated is still two slips when the word before is not a capitalised name (glued_names)
        ("the firm said.The deal is off. A rival said.The bid stands.",
         "the firm said. The deal is off. A rival said. The bid stands.", "Q008"),
        ("“He told me “no” twice,” she said.", "“He told me ‘no’ twice,” she said.", "Q011"),
        ('"He told me "no" twice," she said.', '"He told me \'no\' twice," she said.', "Q011"),
        ("“He called the plan ‘a disgrace.”” Then he left.", "“He called the plan ‘a disgrace.’” Then he left.", "Q011"),
        ("“He told me ’no’ twice,” she said.", "“He told me ‘no’ twice,” she said.", "Q011"),
        ("“It is there‘s no doubt,” she said.", "“It is there’s no doubt,” she said.", "Q007"),
        ("U.S officials met on Monday.", "U.S. officials met on Monday.", "Q012"),
        ("It rose in the U.S.The plan was approved.", "It rose in the U.S. The plan was approved.", "Q012"),
        ("the customer service team at CDC. uses a database", "the customer service team at CDC uses a database", "Q003"),
        # an acronym the article writes bare elsewhere: not the abbreviation it spells (``Sec.``), nor a unit after a number
        ("He said the SEC. will file its brief. The SEC agreed.", "He said the SEC will file its brief. The SEC agreed.", "Q003"),
        ("A group of 40 US. billionaires pledged. The US rich agreed.", "A group of 40 US billionaires pledged. The US rich agreed.", "Q003"),
        ("Volume was 963,000. TWA. was off 3/8 to 31-1/2.", "Volume was 963,000. TWA was off 3/8 to 31-1/2.", "Q003"),
        # a lower-case word ending its sentence after the stray stop is no abbreviation (``pp. 5`` is one)
        ("Noem told the Argus Leader Monday. afternoon. It works.", "Noem told the Argus Leader Monday afternoon. It works.", "Q003"),
        # an opening mark glued to the comma of its introduction
        ('Glen Grimes said,"The report shows a very desirable feeding ratio."\n\nNext.',
         'Glen Grimes said, "The report shows a very desirable feeding ratio."\n\nNext.', "Q008"),
        # an opening mark glued to the sentence before it (found by fuzzing: read as a stray close, its
        # deletion and a re-inserted opening mark undid each other)
        ('It approved the budget after a long debate."It was a difficult year," he said. "But we survived."',
         'It approved the budget after a long debate. "It was a difficult year," he said. "But we survived."', "Q008"),
        ('Is it over?"No, it is not," she said.', 'Is it over? "No, it is not," she said.', "Q008"),
        # a quotation interrupted by its attribution resumes after it, in the speaker's own voice
        ("“Remember,” Fildes tells his team, it’s about interaction, it’s about us.” The team nodded.",
         "“Remember,” Fildes tells his team, “it’s about interaction, it’s about us.” The team nodded.", "Q006"),
        ('"Nobody is rushing to the banks," she added. But I have not received many calls either."\n\nTraders said.',
         '"Nobody is rushing to the banks," she added. "But I have not received many calls either."\n\nTraders said.', "Q006"),
        # a lost closing mark goes before the paragraph's last sentence when that one is the writer's, attributing
        ("The mayor wrote: “The outage is no mere nuisance. It endangers lives. He said residents need phones.\n\nNext.",
         "The mayor wrote: “The outage is no mere nuisance. It endangers lives.” He said residents need phones.\n\nNext.", "Q006"),
        # a run before a capital: the comma stays before an attribution that ends the sentence, or before a
        # name the article writes mid-sentence after a short opening phrase; a stop stays before a new sentence
        ("Prices should recover, . Watanabe said.", "Prices should recover, Watanabe said.", "Q005"),
        # a short capitalised word the article writes elsewhere with no stop is a word, not an abbreviation
        ("The suit, filed in Ohio., seeks an order. Ohio is where it began.",
         "The suit, filed in Ohio, seeks an order. Ohio is where it began.", "Q005"),
        ("It was a long day. However,. Kay told us it went well. We thanked Kay for it.",
         "It was a long day. However, Kay told us it went well. We thanked Kay for it.", "Q005"),
        ("The workers walked off the job., She said no cuts were planned.", "The workers walked off the job. She said no cuts were planned.", "Q005"),
        # the comma stays after an opening phrase, between a list's items, and before an acronym set off in commas
        ("In an interview with Reuters,. Lyng also said the plan works.", "In an interview with Reuters, Lyng also said the plan works.", "Q005"),
        ("Leaders of France, Italy,. Britain and Canada met.", "Leaders of France, Italy, Britain and Canada met.", "Q005"),
        ("The Association of Tin Producing Countries,. ATPC, has made efforts.",
         "The Association of Tin Producing Countries, ATPC, has made efforts.", "Q005"),
        ("In 1984 it fell sharply,. Then it rose.", "In 1984 it fell sharply. Then it rose.", "Q005"),
        # a subordinate clause opening the sentence cannot end it, finite verbs and all
        ("It rose. When asked if the U.S. would give more,. Yeutter replied that it would.",
         "It rose. When asked if the U.S. would give more, Yeutter replied that it would.", "Q005"),
        ("Asked whether regulators might object,. Charles Sporck said no.", "Asked whether regulators might object, Charles Sporck said no.", "Q005"),
        # after a comma the attribution goes on in lower case, an article starting its speaker too
        ('But profits "will be at a satisfactory level. , "The company said in its report.',
         'But profits "will be at a satisfactory level," the company said in its report.', "Q002"),
        # a closing mark glued to the next word is spaced wherever its lost opening mark went
        ("Mobile sites are heavier”as they have more code to load.", "Mobile sites are heavier” as they have more code to load.", "Q008"),
        ('He described the pact as significant,"but noted it came late.', 'He described the pact as significant," but noted it came late.', "Q008"),
        ("Don’t miss Make It Fly,”a creative app for sailors.", "Don’t miss Make It Fly,” a creative app for sailors.", "Q008"),
        # a title quoted in a sentence closes where the title case ends
        ("Each week in “The API Briefing, I will showcase government APIs.", "Each week in “The API Briefing,” I will showcase government APIs.", "Q006"),
        # an attribution after a comma ends the quotation, even when the next paragraph's first mark closes
        ('"It has transformed our balance sheet, Keswick said. He noted the sale.\n\nThe role has evolved into one of strategy," he added.',
         '"It has transformed our balance sheet," Keswick said. He noted the sale.\n\n"The role has evolved into one of strategy," he added.', "Q006"),
        # a quotation that starts a sentence merely starts with capitals: it closes before its attribution
        ("“At Ex-Im Bank, we take a strict view of processing time because customers told us it is important, Thum said. “We measure it.”",
         "“At Ex-Im Bank, we take a strict view of processing time because customers told us it is important,” Thum said. “We measure it.”", "Q006"),
        # a paragraph that attributes its quotation right after a comma does not run on, whatever opens the next
        ('"The wild card is the tension in the Gulf, said Frank Knuettel, an analyst.\n\n"Prices will rise," he said.',
         '"The wild card is the tension in the Gulf," said Frank Knuettel, an analyst.\n\n"Prices will rise," he said.', "Q006"),
        # a verb right after a comma is the attribution itself: the commas before it are the quotation's own
        ('"They wanted a way out.. Now, this sounds like they\'re going to join the group and buy themselves out, said Ed Atorino.\n\nNext.',
         '"They wanted a way out. Now, this sounds like they\'re going to join the group and buy themselves out," said Ed Atorino.\n\nNext.', "Q006"),
        ('"I would not make any predictions at this stage, de Keersmaeker said.\n\nNext.',
         '"I would not make any predictions at this stage," de Keersmaeker said.\n\nNext.', "Q006"),
        # a quotation holding a sentence end is a whole sentence, whatever its first word
        ('He said it was "done. We talk with him monthly". Then he left.',
         'He said it was "done. We talk with him monthly." Then he left.', "Q001"),
        # a lost opening mark after an introduction, the stop knocked outside the closing one
        ("Sarah Hashmall told us: Videos are a great way to share the content we make”.\n\nNext one.",
         "Sarah Hashmall told us: “Videos are a great way to share the content we make.”\n\nNext one.", "Q006"),
        # a blog narrated in the first person: ``we`` before a lone closing mark is no sign of speech
        ("We built the tool. We tested it.\n\nWe like it a lot.\n\nOur team shipped it on time.” Then the agency used it.",
         "We built the tool. We tested it.\n\nWe like it a lot.\n\nOur team shipped it on time. Then the agency used it.", "Q006"),
    ],
)
def test_code_repairs(before, after, code):
    assert code in codes(before)
    assert fix(before) == after
    assert fix(after) == after


@pytest.mark.parametrize("text, suggested", [
    # two other fragments' stops, or commas only, do not yet tell the article's placement: suggested, not applied
    ('He called it "a good deal." She said "a big step." It was "a fair price".',
     'He called it "a good deal." She said "a big step." It was "a fair price."'),
    ('It was "a good deal," and "a big step," they said, and "a fair price". Then it ended.',
     'It was "a good deal," and "a big step," they said, and "a fair price." Then it ended.'),
])
def test_a_fragments_stop_outside_is_moved_in_on_three_other_fragments_say(text, suggested):
    assert fix(text) == text
    assert fix(text, unsafe=True) == suggested
    assert "Q001" in codes(text)


def test_headline_style_single_quotes_in_body_copy_become_double():
    text = "“We are ready,” he said. “It works,” she said.\n\nHe paused. ‘But you might need it later.’ Then he left."
    assert fix(text).endswith("He paused. “But you might need it later.” Then he left.")


def test_a_quotation_run_on_without_its_re_opening_mark_is_an_unsafe_repair():
    # the news convention re-opens each paragraph of a quotation; many publishers do not: a suggestion only
    text = "She said: “Charon blew our socks off. The team is abuzz.\n\nThere is more here.” Pluto is far."
    assert fix(text) == text
    assert fix(text, unsafe=True) == text.replace("\n\nThere", "\n\n“There")


def test_a_quotation_over_paragraphs_never_re_opened_is_reported_not_cut():
    # closing it at its first paragraph's end and deleting the far closing mark would be two edits where none is needed
    text = ("“Journalism nerd, mobile govie, and I like it here.\n\nI came from a startup.\n\n"
            "Let's fix big problems.” – Jane Doe, designer\n\n“My path was circuitous,” she said.")
    assert fix(text) == text and fix(text, unsafe=True) == text
    assert any(f.code == "Q006" and not f.fixable for f in cleaner.check(text, select=["Q"]))
    # a far mark before the writer's next sentence is a stray one, not the end of a long quotation
    stray = 'He said "they are not going to get those either.\n\nThe budget fell.\n\nDemocrats met Republicans." Republicans left.'
    assert fix(stray) == ('He said "they are not going to get those either."\n\nThe budget fell.\n\n'
                          'Democrats met Republicans. Republicans left.')
    # a quotation that closes before its attribution in its own paragraph is no such quotation
    cut = "“We will stay, he said.\n\nThe mayor left.\n\nIt rained.” Then it stopped."
    assert fix(cut).startswith("“We will stay,” he said.")


def test_a_quoted_sentences_comma_before_its_attribution_goes_inside_unless_the_copy_puts_them_all_outside():
    # inside in British and American copy alike; with no other mark to compare (a press release's style?) only suggested
    one = 'Prices fell on Monday.\n\n"We do not want to antagonize them for the long haul", he said.\n\nTrading was thin.'
    assert fix(one) == one and fix(one, unsafe=True) == one.replace('haul", he', 'haul," he')
    inside = one + '\n\n"It is over," she said.'
    assert fix(inside) == inside.replace('haul", he', 'haul," he')
    # two placed outside, none inside: the copy's own style (a press release may put them all outside)
    two = 'Prices fell.\n\n"We do not want to antagonize them for the long haul", he said.\n\n"We will wait and see", she said.'
    assert fix(two) == two


@pytest.mark.parametrize("text, fixed", [
    ('"Prices will rise," A State Department spokesman said.', '"Prices will rise," a State Department spokesman said.'),
    ('"The rate cannot rise," The senior Nomura analyst said on Monday.', '"The rate cannot rise," the senior Nomura analyst said on Monday.'),
    # an outlet's name keeps its capital
    ('"Prices will rise," The New York Times reported.', '"Prices will rise," The New York Times reported.'),
])
def test_a_capitalised_determiner_starting_a_described_speaker_is_lowered(text, fixed):
    assert fix(text) == fixed


def test_a_question_mark_outside_a_quoted_question_goes_inside():
    text = "One colleague asked, “Couldn’t you just store every search in one place”? This seemed odd."
    assert fix(text) == "One colleague asked, “Couldn’t you just store every search in one place?” This seemed odd."
    clause = '"If they cannot govern themselves, how can they govern the country"?\n\nHawke said no.'
    assert fix(clause).startswith('"If they cannot govern themselves, how can they govern the country?"')
    # the writer's own question about a quotation keeps its mark outside
    for text in ("Did he really say “we will stay here”? Nobody knows.", "Have you read “How Might We Win”? It is good."):
        assert fix(text) == text


@pytest.mark.parametrize("text, fixed", [
    # a quotation standing as its own sentence owns the question mark after it
    ('He paused. “You can do that”? she asked again.', 'He paused. “You can do that?” she asked again.'),
    ('Then the tester wrote: “Is this content inclusive”?\n\nWe agreed.', 'Then the tester wrote: “Is this content inclusive?”\n\nWe agreed.'),
    # news copy does not exclaim around a quotation: the exclamation mark is the speaker's
    ('The coach shouted “Keep calm, people”! Nobody moved.', 'The coach shouted “Keep calm, people!” Nobody moved.'),
    ('“Time for demos”!\n\nThe first team stood up.', '“Time for demos!”\n\nThe first team stood up.'),
])
def test_a_question_or_exclamation_mark_the_writer_does_not_ask_goes_inside(text, fixed):
    assert fix(text) == fixed


@pytest.mark.parametrize("text", [
    "Did he really say “we will stay here”? Nobody knows.",
    "But have we reached “peak vape”? Statistics say no.",
    "What a “success”! Nobody came.",
    "He called it a “lesson”? Hardly.",  # a quoted word in the writer's sentence: the writer's question
    "It is under www.agency.gov/cgi-bin (“cgi-bin”? Really?) and stays.",
    "Is it “commercial”?) Then it is.",
])
def test_a_question_or_exclamation_mark_of_the_writers_stays_outside(text):
    assert fix(text) == text


@pytest.mark.parametrize("text, fixed", [
    # a lower-case title before the speaker's name attributes, wire style
    ('The market fell.\n\n"We expect growth to return next year, analyst Jane Doe of Acme said.\n\nNext.',
     'The market fell.\n\n"We expect growth to return next year," analyst Jane Doe of Acme said.\n\nNext.'),
    ('It fell.\n\nThere is some hope that there will be progress tomorrow," analyst Michael Ellmann of Wertheim said.',
     'It fell.\n\n"There is some hope that there will be progress tomorrow," analyst Michael Ellmann of Wertheim said.'),
    # a question mark before a lower-case word is the quotation's, whose opening mark was lost too
    ('The loans have not come.\n\nThe question is now where do we go from here"? a senior official said.',
     'The loans have not come.\n\n"The question is now where do we go from here?" a senior official said.'),
])
def test_a_quotation_before_a_wire_style_attribution_gets_its_lost_mark(text, fixed):
    assert fix(text) == fixed


def test_a_quotation_closed_inside_its_paragraph_does_not_run_on_into_the_next_ones_lone_mark():
    # the first quotation ends where the writer's sentence resumes (``and said``): the next paragraph's lone closing mark
    # is its own quotation's, opened after ``added:``, and both are found in one check, not as a run-on quotation
    text = ('The minister spoke on Monday. She called the plan "a real success and said more was to come.\n\n'
            'The ministry added: We expect growth to return next year." Officials declined to comment further.')
    found = [(f.code, f.fix) for f in cleaner.check(text, select=["Q"])]
    assert found == [("Q006", "safe"), ("Q006", "safe")]
    assert fix(text) == ('The minister spoke on Monday. She called the plan "a real success" and said more was to come.\n\n'
                         'The ministry added: "We expect growth to return next year." Officials declined to comment further.')


def test_a_function_word_before_a_name_starts_no_speaker():
    # ``, and Smith said …``: the writer's clause, not an attribution: the quotation is not closed before it
    text = 'The market fell.\n\n"We expect growth to return, and Smith said the bank would cut rates.\n\nNext.'
    assert ',"' not in fix(text)


def test_a_pronoun_and_any_verb_ending_the_sentence_attribute_a_quotation():
    # the attribution verb need not be on the list: ``he enthuses.`` ends the sentence as ``he says.`` does
    text = "The scientist finds what he is looking for. “Droppings! he enthuses. Wolf sightings are rare."
    assert fix(text) == "The scientist finds what he is looking for. “Droppings!” he enthuses. Wolf sightings are rare."


@pytest.mark.parametrize("text, fixed", [
    # the writer reports speech, then the quotation speaks (first person) or is the paragraph's last sentence
    ('Eastman said he is alarmed by the findings. We are getting half of what we need. It is bad," he said.',
     'Eastman said he is alarmed by the findings. "We are getting half of what we need. It is bad," he said.'),
    ('The minister told reporters about the cuts. Prices will fall soon," she said. Then she left.',
     'The minister told reporters about the cuts. "Prices will fall soon," she said. Then she left.'),
    # no report: a paragraph whose first sentence speaks is quoted from its start
    ('We lost the vote. It was hard," he said.', '"We lost the vote. It was hard," he said.'),
    # a contraction speaks too: wire narration does not write ``It's``
    ("It's clear that the Fed has firmed somewhat. Borrowings are all consistent with a modest tightening,\" said "
     "Dana Johnson of First Chicago Corp.",
     "\"It's clear that the Fed has firmed somewhat. Borrowings are all consistent with a modest tightening,\" said "
     "Dana Johnson of First Chicago Corp."),
])
def test_a_lost_opening_mark_before_an_attribution_opens_where_the_text_says(text, fixed):
    """The quotation opens after the writer's sentence that reports speech, or at a paragraph that speaks from its start."""
    assert fix(text) == fixed


@pytest.mark.parametrize("text, suggested", [
    # sentences that neither report nor speak read as narration and as quotation alike: a guess, never applied
    ('Costs rose sharply in May. Prices will fall soon," the minister said.',
     '"Costs rose sharply in May. Prices will fall soon," the minister said.'),
    ('The council met on Monday. It was hard," he said. Then he left.',
     '"The council met on Monday. It was hard," he said. Then he left.'),
    # the report is followed by a sentence that neither speaks nor ends the quotation: it may be the writer's too
    ('Lee said the plan had failed. The firm cut jobs in May. We expect more cuts," he said.',
     'Lee said the plan had failed. "The firm cut jobs in May. We expect more cuts," he said.'),
])
def test_a_lost_opening_mark_before_an_attribution_with_no_evidence_is_only_suggested(text, suggested):
    assert fix(text) == text
    assert fix(text, unsafe=True) == suggested
    assert "Q006" in codes(text)


@pytest.mark.parametrize("text, fixed", [
    # a bare plural noun as the speaker (wire copy's unnamed sources): the lost closing mark goes before it
    ('A big step toward a "very interesting stage of negotiations, delegates said.\n\nThe package was done.',
     'A big step toward a "very interesting stage of negotiations," delegates said.\n\nThe package was done.'),
    ('He expects "a further rise in rates this year, analysts said on Monday.',
     'He expects "a further rise in rates this year," analysts said on Monday.'),
])
def test_a_lost_closing_mark_goes_before_an_attribution_to_unnamed_sources(text, fixed):
    assert fix(text) == fixed


@pytest.mark.parametrize("text, fixed", [
    # a possessive determines the speaker as ``the`` does (the paragraph's end would hold the attribution)
    ('"Sales did not recover in February as retailers had expected, and they now look for better business in March, '
     "today's survey said.",
     '"Sales did not recover in February as retailers had expected, and they now look for better business in March," '
     "today's survey said."),
    # the first attribution ends the quotation, not the one nearest to its verb further on (``he added``)
    ('"Commercial paper might encourage fewer swaps, one bond manager said. More instruments would help trade in yen, '
     "he added.",
     '"Commercial paper might encourage fewer swaps," one bond manager said. More instruments would help trade in yen, '
     "he added."),
    # a single-quoted term inside the quotation closes its own opening mark: no lost closing mark typed single
    ("“We cannot predict what would appear when animals interact as part of a 'brain-net', he said. “In theory it works.”",
     "“We cannot predict what would appear when animals interact as part of a 'brain-net',” he said. “In theory it works.”"),
])
def test_a_quotation_never_holds_its_own_attribution(text, fixed):
    assert fix(text) == fixed
    assert fix(fixed) == fixed


def test_a_mark_between_a_word_and_its_stop_is_not_deleted_as_stray_in_a_first_person_blog():
    # ``known as fair use”.``: the mark ends a quotation whose opening mark was lost (a stray one follows the stop),
    # in a blog that says ``we`` elsewhere too: a naming word says where it opened; with none it is reported, not deleted
    # (the likeliest site of the lost opening mark is only suggested: an unsafe fix that adds the mark there)
    blog = "We run the agency blog. We post every week.\n\nI wrote this one and we hope you like it.\n\n"
    named = blog + "Some producers use photographs by claiming a defense known as fair use”. Seek clearance first."
    assert fix(named) == named.replace("as fair", "as “fair")
    text = blog + "Use the image search filter by usage rights”. Seek clearance first."
    assert fix(text) == text
    found = [f for f in cleaner.check(text, select=["Q"]) if f.code == "Q006"]
    assert found and found[0].fix == "unsafe" and found[0].suggestion == "“" + text[found[0].start]
    assert fix(text, unsafe=True).count("“") == 1 and "rights”." in fix(text, unsafe=True)


def test_a_colon_with_no_verb_of_saying_opens_no_quotation_for_a_stray_mark():
    """A label's colon heads the writer's own text: the closing mark mid-paragraph is stray, as without the colon."""
    text = ("Device searches: The number of searches done on mobile devices has reached 20% in the last year.” "
            "If your website is not accessible on mobile, it will be left behind.")
    assert fix(text) == text.replace("”", "")
    said = "The minister told reporters: We will win the vote. It is certain.” Then he left."
    assert fix(said) == "The minister told reporters: “We will win the vote. It is certain.” Then he left."


def test_lone_closing_mark_without_any_clue_is_only_reported():
    # (where the lost opening mark stood, only the weight of the phrase boundaries guesses: an unsafe suggestion)
    text = "It was a dynamic” move, the report said."
    found = [f for f in cleaner.check(text, select=["Q"]) if f.code == "Q006"]
    assert found and found[0].fix == "unsafe" and "a guess" in found[0].message and fix(text) == text


def test_headline_single_quotes_follow_the_articles_double_quotes():
    text = '"We are ready for it," he said.\n\n\'We will not leave the city,\' the mayor said on Monday.'
    assert "Q010" in codes(text)
    assert fix(text).endswith('"We will not leave the city," the mayor said on Monday.')


@pytest.mark.parametrize("headline", [
    "Israeli tank 'likely' fired machine gun at reporters after deadly shelling",
    "Here's why buying crypto on a tip can be 'a horrible idea,' advisor says",
    "'There is only one place for the militia leader'",
])
def test_a_headline_keeps_its_wire_style_single_quotes(headline):
    # AP, Reuters and CNBC headlines and crossheads quote in single marks above body copy that quotes in double
    text = (f"{headline}\n\nThe army said on Monday that it was \"reviewing the incident\" and would report "
            "back.\n\n\"We regret any harm to civilians,\" a spokesman said.")
    assert "Q010" not in codes(text)
    assert fix(text) == text


def test_single_quoted_speech_in_copy_that_quotes_nothing_in_double_marks_becomes_double():
    # body copy quotes in double marks: one or two single-quoted quotations and no double-quoted one are headline style
    text = "Lyng urged Japan to allow imports.\n\n'We want to have some access in the rice market,' he said."
    assert fix(text).endswith('"We want to have some access in the rice market," he said.')
    quoting = text + "\n\n'We will ask again,' he added.\n\n'They know it,' an aide said on Monday."
    assert fix(quoting) == quoting  # three: the article's own single-mark style


def test_a_capital_starting_a_quoted_sentence_is_no_title():
    text = '“It is a big thing,” he said. “Anything we do, we will be bashed.\n\nThe official sounded pessimistic.'
    assert fix(text).startswith('“It is a big thing,” he said. “Anything we do, we will be bashed.”')


def test_british_copy_quoting_in_single_marks_with_double_marks_inside_is_its_own_style():
    # UK tabloid style: speech in single marks, a quotation inside it in double marks; the inner level is
    # not the article's style, so its three single-quoted quotations stay, even with --unsafe-fixes
    text = ("Laura Bennett, 38, said her son was 'heartbroken' when the scooter ban began.\n\n"
            "'He loves it, it's the only way I can get him out of the door,' she said.\n\n"
            "'The head said it was about \"health and safety\" but nobody has ever been hurt.'\n\n"
            "A spokesman for the school said: 'We have had a number of near misses at the gates.'")
    assert "Q010" not in codes(text)
    assert fix(text, unsafe=True) == text


def test_headline_single_quotes_are_unsafe_when_single_marks_dominate():
    text = (
        '"We are ready for it," he said.\n\n\'We will not leave the city,\' the mayor said on Monday.\n\n'
        "'We will stay here for good,' the governor added on Tuesday.\n\n"
        "'They will not move us from here,' a resident told reporters."
    )
    assert "Q010" in codes(text)
    assert fix(text) == text
    assert '"We will stay here for good," the governor added on Tuesday.' in fix(text, unsafe=True)


def test_lost_closing_mark_with_no_clear_place_is_not_fixed_safely():
    text = '"We went there, and then we left, and then we came back. "Next," he said.'
    findings = [f for f in cleaner.check(text, select=["Q"]) if f.code == "Q006"]
    assert findings and all(f.fix != "safe" for f in findings)


@pytest.mark.parametrize(
    "text, repaired",
    [
        ('"Supply is inadequate," the newspaper said. Processing costs are rising and mills are failing."\n\nNext.',
         '"Supply is inadequate," the newspaper said. "Processing costs are rising and mills are failing."\n\nNext.'),
        ("“It was expected,” said Ann Lee, an analyst at Elders Futures. But the downside may not be all that great.”\n\n“Next one,” she said.",
         "“It was expected,” said Ann Lee, an analyst at Elders Futures. “But the downside may not be all that great.”\n\n“Next one,” she said."),
        # the comma in the attribution starts a description of the speaker, not the resumed words (which speak: ``our``)
        ('"It is expected," said the official, an economist. So it would help our plans."\n\nNext.',
         '"It is expected," said the official, an economist. "So it would help our plans."\n\nNext.'),
    ],
)
def test_quotation_resumed_after_its_attribution_sentence_at_the_paragraph_end(text, repaired):
    # ``"X," he said. Y."`` ending its paragraph: the closing mark ends what the attribution interrupted, even when
    # the next paragraph opens a quotation (this paragraph opened and closed its own, so none runs on into it)
    assert fix(text) == repaired
    assert fix(repaired) == repaired


@pytest.mark.parametrize("speaker, resumed", [
    ("said Ann Lee of Acme Corp.", "But the plan is not final."),
    ("said Ann Lee, a director at Smith Bros.", "It is not final yet."),
    ("said Ann Lee, who moved from Sacramento, Calif.", "The plan is not final."),
    ("said Ann Lee, who studied in the U.S.", "The plan is not final."),
    ("said Robert Smith Jr.", "He did not say when."),
])
def test_an_abbreviation_after_a_name_ends_the_attribution_sentence_before_a_sentence_word(speaker, resumed):
    # ``Corp.``, ``Jr.``, ``Calif.``, ``U.S.`` can end a sentence: before ``But``/``The``/``He`` the stop ends the
    # attribution, so the quotation resumes after it (a title such as ``Mr.`` never ends one)
    text = f"“We will grow this year,” {speaker} {resumed}”\n\nThe board meets in May."
    repaired = f"“We will grow this year,” {speaker} “{resumed}”\n\nThe board meets in May."
    assert fix(text) == repaired
    assert fix(repaired) == repaired


@pytest.mark.parametrize("text", [
    "“We will grow,” said Ann Lee of Acme Corp. Chief Executive Bob Li agreed.”\n\nThe board meets in May.",
    "“We will grow,” said Ann Lee. It is what Gen. He Wei wants.”\n\nThe board meets in May.",
])
def test_an_abbreviation_before_a_name_or_title_word_still_ends_no_sentence(text):
    # ``Corp. Chief Executive`` runs on into a name, and ``Gen.`` is a title: neither stop is a place to re-open
    assert "“Chief" not in fix(text) and "“He Wei" not in fix(text)


@pytest.mark.parametrize("glued, spaced", [
    ('A Taiwanese banker said"It will be a good idea for our banks to take part."\n\nNext.',
     'A Taiwanese banker said "It will be a good idea for our banks to take part."\n\nNext.'),
    ("The banker said“It is good.” Then he left.", "The banker said “It is good.” Then he left."),
])
def test_opening_mark_glued_to_its_verb_of_saying_gets_its_space(glued, spaced):
    # read as a closing mark (glued to a word), it had a second opening mark inserted after it: ``said""It``
    assert fix(glued) == spaced
    assert fix(spaced) == spaced


def test_mark_glued_to_any_word_opens_only_when_the_next_mark_can_only_close():
    # glued on both sides, before a mark that closes: an opening mark that lost its space (BBC 2005 copy:
    # ``discrimination saying it is"outdated and unjust".``)
    assert fix('It was called the word"Big" in the notes.') == 'It was called the word "Big" in the notes.'
    # before a mark that opens, the glued one is a stray closing mark, not an opening one: no space goes before it
    assert not [f for f in cleaner.check('It was good"and then "bad" too.', select=["Q"]) if f.code == "Q008" and "before a quotation" in f.message]


def test_colon_before_a_lower_case_list_introduces_no_quotation():
    # a stray closing mark after a list: the colon starts the list, so the mark is deleted, not opened after the colon
    text = 'The study found five types of visitors: explorers, facilitators and rechargers." Each type holds behaviors.'
    assert fix(text) == text.replace('rechargers."', "rechargers.")
    # a colon before a capital with no verb of saying heads an explanation far more often than a quotation (147 of
    # 3,469 in ../shared/data/news_clean): mid-paragraph the mark is stray, as it would be without the colon
    quoted = 'The study found one thing: Explorers are the key to the museum." Each type holds behaviors.'
    assert fix(quoted) == quoted.replace('museum."', "museum.")
    said = 'The director told the board: Explorers are the key to the museum." Each type holds behaviors.'
    assert fix(said) == said.replace(": Explorers", ': "Explorers')


@pytest.mark.parametrize(
    "text, fixed",
    [
        # a verb of saying heads the clause before the comma (``said in a statement,``, ``told reporters,``)
        ('He said in a statement, The idea is to obtain the best terms." Talks resume on Monday.',
         'He said in a statement, "The idea is to obtain the best terms." Talks resume on Monday.'),
        ('Spokesman Marlin Fitzwater told reporters, His views are intensely personal." He left.',
         'Spokesman Marlin Fitzwater told reporters, "His views are intensely personal." He left.'),
        # wire style: the verb takes its quotation with no comma, before a word that starts sentences
        ('Bank spokesman Arne Lund said We could not do it earlier." The bank paid.',
         'Bank spokesman Arne Lund said "We could not do it earlier." The bank paid.'),
        # a participle of saying before its comma (``as saying,``, ``adding,``) introduces like the verb
        ('The agency quoted the minister as saying, We will answer any attack in kind." Oil prices rose.',
         'The agency quoted the minister as saying, "We will answer any attack in kind." Oil prices rose.'),
        ('The union rejected the offer on Monday, adding, Our members deserve a fair share of the profits."',
         'The union rejected the offer on Monday, adding, "Our members deserve a fair share of the profits."'),
    ],
)
def test_a_lost_opening_mark_after_a_clause_of_saying_goes_after_it(text, fixed):
    assert fix(text) == fixed
    assert fix(fixed) == fixed


def test_a_paragraph_that_a_colon_of_saying_introduces_opens_the_quotation_whose_mark_was_lost():
    # the paragraph before ends in ``he said:``: the quotation opens at this paragraph's start, not a stray mark
    text = ("Joint ventures have grown in the east, he said:\n\n"
            'This is a wager on the evolution of the region. We will see it pay." Officials agreed.\n\nThen it rained.')
    assert fix(text) == text.replace("said:\n\nThis", 'said:\n\n"This')
    # a bare colon (no verb of saying) heads a list or the writer's own text as often: the mark is judged in its paragraph
    bare = ("There are three steps to the process:\n\n"
            'Fill in the form and send it to the office. Wait for the answer." Officials agreed.\n\nThen it rained.')
    assert '"Fill' not in fix(bare)


@pytest.mark.parametrize(
    "text, fixed",
    [
        # a quotation run on over paragraphs and cut off at the article's end closes before its attribution
        ('"We will invite them to join us.\n\n"I think we will attract others to the members, he said.',
         '"We will invite them to join us.\n\n"I think we will attract others to the members," he said.'),
        # ``alleged`` attributes like ``said``
        ('"It is an attempt to control the market, the company alleged.\n\nCoastal could not be reached.',
         '"It is an attempt to control the market," the company alleged.\n\nCoastal could not be reached.'),
        # a closing mark right after an attribution that ends its sentence is stray, not the end of an earlier quotation
        ('They were outvoted by the other states, the officials said." Under the deal, Argentina gains.',
         'They were outvoted by the other states, the officials said. Under the deal, Argentina gains.'),
        ('A major failure would dampen sentiment, he said." He added the exchange should act.',
         'A major failure would dampen sentiment, he said. He added the exchange should act.'),
        # a sure introduction in the paragraph opens the quotation there, though the next paragraph opens with a mark
        ('A source for the company said: We use all means available."\n\n"It is possible," he said.',
         'A source for the company said: "We use all means available."\n\n"It is possible," he said.'),
        ('Balladur underscored that by saying: I do not believe they want a weaker dollar."\n\nHe left.',
         'Balladur underscored that by saying: "I do not believe they want a weaker dollar."\n\nHe left.'),
        # wire style ``said "You``: the quotation stands as a sentence, its stop goes inside
        ('Huckaby said "You build a fragile house if you do it that way".\n\n"It works," she said.',
         'Huckaby said "You build a fragile house if you do it that way."\n\n"It works," she said.'),
        # the nearest comma before a named speaker closes it; a farther one only before a name
        ('"The deficit results from macroeconomic factors (the budget deficit), the exchange rate and the '
         'competitiveness of domestic industry, Denman said.\n\nHe left.',
         '"The deficit results from macroeconomic factors (the budget deficit), the exchange rate and the '
         'competitiveness of domestic industry," Denman said.\n\nHe left.'),
        ('"It is hard to go against regulators, Kenneth Leung, a Smith Barney analyst said.\n\nHe left.',
         '"It is hard to go against regulators," Kenneth Leung, a Smith Barney analyst said.\n\nHe left.'),
    ],
)
def test_quotations_an_attribution_or_introduction_bounds(text, fixed):
    assert fix(text) == fixed
    assert fix(fixed) == fixed


@pytest.mark.parametrize("closing", ["”", "””"])
def test_a_quotation_resumed_after_its_attribution_sentence_reopens_in_a_first_person_blog_too(closing):
    # ``“X,” he said. Y.”`` ending its paragraph: the structure says the quotation resumed, whatever the blog's own
    # ``we`` (a doubled closing mark before the attribution reads as the one it repeats)
    text = ("We like to try new things. We think you will too.\n\nOur team met last week and we talked about it.\n\n"
            f"“This is a university-level challenge for students,{closing} Werkhesier said. "
            "The competition is intended to link with design curricula.”")
    assert fix(text) == text.replace(closing + " Werkhesier", "” Werkhesier").replace("said. The", "said. “The")


@pytest.mark.parametrize(
    "text",
    [
        # reported speech: the clause before the comma has its own subject and verb
        'He said it was late, The company added." Then it closed.',
        # ``according to`` reports; the capital after its comma starts a name
        'According to Takeuchi, Howard wants three firms named by the end of this year." Neither would name them.',
        # ``told The Times``: an object, not a quotation
        'Mr Lee told The Times the deal was done." He left.',
    ],
)
def test_a_clause_that_reports_speech_introduces_no_quotation(text):
    assert fix(text).count('"') <= text.count('"')
    assert '"The' not in fix(text) and '"Howard' not in fix(text)


@pytest.mark.parametrize(
    "text, suggested",
    [
        # a paragraph in the first person that ends a sentence with a closing mark: the quotation opened at its start,
        # or the mark is stray (a blog's own ``we``): on generated damage the start was right 20 times in 105
        ("Our plan is working. We expect growth next year.” The shares rose.", "“Our plan is working. We expect growth next year.” The shares rose."),
        # a lower-case word after ``said,`` reports speech as often as it quotes it
        ('As a result, the company said, it has been unable to file its report." It also said no.',
         'As a result, the company said, "it has been unable to file its report." It also said no.'),
    ],
)
def test_a_lost_opening_mark_where_a_reader_cannot_tell_is_a_suggestion(text, suggested):
    assert fix(text) == text
    assert fix(text, unsafe=True) == suggested


def test_fewest_edit_search_reads_a_paragraph_the_evidence_rules_leave_unbalanced():
    # a closing mark after a bare word: deleting it and opening the quotation after ``said,`` are one edit each,
    # but only the deletion goes against the mark's surroundings; the opening after the verb of saying is the one answer
    # (a suggestion: on fresh damage seeds the one cheapest reading was right about one time in four)
    text = "He said, we will win the vote\" and then he left the hall."
    assert fix(text) == text and fix(text, unsafe=True) == 'He said, "we will win the vote" and then he left the hall.'
    found = [f for f in cleaner.check(text, select=["Q"]) if f.code == "Q006"]
    assert [f.fix for f in found] == ["unsafe"] and "fewest edits: 1" in found[0].message
    # with no introduction, deleting it and opening at the sentence's start tie: reported, never applied safe (the
    # likeliest phrase boundary is only suggested)
    tie = 'The panel described it as racially discriminatory" and left.'
    found = [f for f in cleaner.check(tie, select=["Q"]) if f.code == "Q006"]
    assert fix(tie) == tie and found and found[0].fix == "unsafe" and "equally small" in found[0].message
    # a paragraph longer than any news paragraph (a 1 MB line of sentences) is not searched: reported as before
    long = text + " It rose, and it fell, the markets said." * (qm.SEARCH_REACH // 30)
    assert qm.build(text).paragraphs[0].search is not None and qm.build(long).paragraphs[0].search is None


def test_fewest_edit_search_is_linear_and_tells_ties():
    from cleaner.checks.quote_search import Slot, search

    # 2,000 marks that pair, then one lone closing mark with two equally cheap repairs
    n = 2000
    marks = [Slot(10 * i, "mark", "open" if i % 2 == 0 else "close", 1) for i in range(n)] + [Slot(10 * n + 5, "mark", "close", 1)]
    opens = [Slot(10 * n + 1, "open", "", 1)]
    found = search("x" * (10 * n + 10), 0, 10 * n + 10, marks, opens, [])
    assert found.cost == (1, 1) and found.tied
    opens = [Slot(10 * n + 1, "open", "", 0)]
    found = search("x" * (10 * n + 10), 0, 10 * n + 10, marks, opens, [])
    assert found.cost == (1, 0) and not found.tied and [(e.kind, e.pos) for e in found.edits] == [("open", 10 * n + 1)]


def test_a_quotation_runs_on_to_a_lone_closing_mark_after_the_next_paragraphs_own_quotations():
    # closing the first paragraph and deleting the far mark are two edits; re-opening the second paragraph is one
    text = ("“First, the people: the team is spectacular. It is the most diverse team I have worked on.\n\n"
            'Second: open source matters to me. Our "we work in the open" default means my work fits.” – Jacob Kaplan-Moss')
    assert fix(text) == text
    found = [f for f in cleaner.check(text, select=["Q"]) if f.code == "Q006"]
    assert [(f.fix, f.start) for f in found] == [("unsafe", text.index("Second:"))] and "run-on" in found[0].message


def test_a_run_in_label_introduces_no_quotation_for_sure():
    # ``Background:`` heads the writer's own text (a quotation follows a colon with no verb of saying in 147 of 3,469
    # cases in ../shared/data/news_clean): a lone closing mark mid-paragraph after it is stray, as without the label
    text = "Background: For three years GSA has run a survey. It polled 8,800 people.” Around a third use two programs."
    assert fix(text) == text.replace("people.”", "people.")
    # at the paragraph's end, closing a quotation the label's colon opened and deleting the mark still tie
    end = "Background: For three years GSA has run a survey. It polled 8,800 people.”"
    findings = [f for f in cleaner.check(end, select=["Q"]) if f.code == "Q006"]
    assert findings and all(f.fix != "safe" for f in findings) and fix(end) == end
    said = "The minister told reporters: We will run the survey again. It polled 8,800 people.” Then he left."
    assert fix(said) == said.replace(": We", ": “We")


def test_capitalised_quotation_set_in_the_writers_sentence_closes_at_its_end():
    text = "They released a report on “12 Trends Shaping Digital News. Some of these trends show that mobile is big."
    assert fix(text) == text.replace("News. ", "News.” ")
    # the sentences after it speak in the first person: it may run on to the paragraph's end, a judgement
    speech = 'It cited the adage that "You can not change what you can not measure. We needed a way to measure it.'
    findings = [f for f in cleaner.check(speech, select=["Q"]) if f.code == "Q006"]
    assert findings and all(f.fix != "safe" for f in findings)


@pytest.mark.parametrize(
    "text, repaired",
    [
        # British copy puts a fragment's stop outside, and a whole quoted sentence's inside, as this one does elsewhere
        ("He called it “a shambles”. He said: “We won.” She said: “I don’t really need one to read tweets”.",
         "He called it “a shambles”. He said: “We won.” She said: “I don’t really need one to read tweets.”"),
        # two knocked out in one article whose other quoted sentence takes it inside
        ('He said: "We will win the next one". She said, "The rest is done". "It is over."\n\nThen "a deal" came.',
         'He said: "We will win the next one." She said, "The rest is done." "It is over."\n\nThen "a deal" came.'),
    ],
)
def test_a_quotation_standing_as_a_sentence_takes_its_stop_inside_in_british_copy_too(text, repaired):
    assert fix(text) == repaired
    assert fix(repaired) == repaired


@pytest.mark.parametrize(
    "text",
    [
        # the publisher's own habit: its quoted sentences take the stop outside
        'He said: "We will win the next one". She said: "We lost the one before". Then: "It is over".',
        # a quotation set in the writer's sentence (British copy) keeps it outside
        'It was "a good deal". He called it "a shambles".',
        # a lower-case fragment after a colon or ``said,`` is no sentence of its own: British copy puts its stop outside
        "He said: “We won.” The third finding was, Murray said, “a surprise to us”. Then: “chouette”.",
        # British copy that puts a fragment's stop outside and never a quoted sentence's inside: its house style
        "He called it “a shambles”. She said: “I don’t really need one to read tweets”.",
        # copy that puts two fragments' marks outside mixes the placements: a quoted sentence's stop outside is its own
        "He said: “We won.” He called it “a shambles”, then “a farce”. She said: “We lost the vote on Monday”.",
    ],
)
def test_a_quoted_sentence_keeps_its_stop_outside_where_the_article_does_so(text):
    assert fix(text) == text


@pytest.mark.parametrize(
    "text, repaired",
    [
        # re-opened after an introduction: a quoted sentence, whose stop goes inside in British and American copy
        ('Ryan said: We will win the next one". Then he left.', 'Ryan said: "We will win the next one." Then he left.'),
        # resumed after its attribution sentence at the paragraph's end
        ('"Yes," the source told Reuters. There just have not been talks".\n\nHe said no.',
         '"Yes," the source told Reuters. "There just have not been talks."\n\nHe said no.'),
        # where it opened is unknown, but the article puts a quoted fragment's comma inside: American copy
        ('Some cases, like "edge," are rare. This is known as a guard clause".\n\nNext.',
         'Some cases, like "edge," are rare. This is known as a guard clause."\n\nNext.'),
    ],
)
def test_stop_knocked_outside_a_quotation_that_lost_its_opening_mark(text, repaired):
    assert fix(text) == repaired
    assert fix(repaired) == repaired


@pytest.mark.parametrize(
    "text",
    [
        # British copy: a mark outside a closing quote elsewhere keeps this one outside too
        'He said: We will win". But "others", he said.',
        # no American evidence and nothing tells where the quotation opened: its kind is unknown
        'Some cases are rare. This is known as a guard clause".\n\nNext.',
    ],
)
def test_stop_outside_a_quotation_that_lost_its_opening_mark_stays_without_evidence(text):
    assert not [f for f in cleaner.check(text, select=["Q"]) if f.code == "Q001"]


@pytest.mark.parametrize(
    "text",
    [
        # a short phrase closed at a comma or run on to the paragraph's end: two repairs of one edit each
        'The company said the panel "was totally unexpected, especially in light of the timetable.\n\nNext one.',
        # a closing mark after an attributed quotation, mid-paragraph: deleted, or the quotation resumed after the attribution
        '"Supply is inadequate," the newspaper said. Processing costs are rising and mills are failing." Next, it fell.',
        # a closing mark that ends a narrating paragraph: deleted, or the quotation opened at one of its sentences
        'Other supporters offer a simpler explanation. He is not afraid of anybody. That is pretty cool."\n\nNext.',
        # a closing mark of the wrong kind may be the lost one: ``"pik')``
        "Using generic (in-kind, or \"pik') certificates is another option his committee will study, Glickman said.",
        # a mark between a word and its stop ends a quotation whose opening mark was lost somewhere: not deleted
        "The castle has been one enormous character as well”.\n\nThe tourists are part of the story.",
        # reported speech: ``us`` after ``that`` is the speaker's, told by the narrator
        'Kinnear charged that Pennzoil was using pressure to deny us the ability to conduct our business".\n\nNext.',
    ],
)
def test_ties_are_reported_not_guessed(text):
    findings = [f for f in cleaner.check(text, select=["Q"]) if f.code in ("Q006", "Q007")]
    assert findings and all(f.fix != "safe" for f in findings)
    assert fix(text) == text


@pytest.mark.parametrize(
    "text, repaired",
    [
        # the article quotes the same words elsewhere: the lost opening mark goes before them
        ("Use the “Ask Karen” feature of the app. The Ask Karen” system answers questions.",
         "Use the “Ask Karen” feature of the app. The “Ask Karen” system answers questions."),
        ("Ask about ‘back-stop’ terms. It set up a back-stop” facility for banks.",
         "Ask about ‘back-stop’ terms. It set up a “back-stop” facility for banks."),
        # a naming word right before the term: the term is the words after it
        ("It works because of a feature called compatibility mode” that fools the tools.",
         "It works because of a feature called “compatibility mode” that fools the tools."),
        ("I keep hammering the term efficient” when it comes to content.",
         "I keep hammering the term “efficient” when it comes to content."),
        # the last term of a list of quoted ones
        ('Jones dismissed the offer as "frivolous" and without substance" and said it failed.',
         'Jones dismissed the offer as "frivolous" and "without substance" and said it failed.'),
        # its stop knocked outside stays where the article puts a term's stop (no American evidence here)
        ("The company is now known as Widgets Unlimited”.", "The company is now known as “Widgets Unlimited”."),
        # the shape of the words, inside a sentence that goes on in lower case: a run of capitalised words after a
        # lower-case one (joined by ``as a``, ``of the`` …), or a hyphenated compound
        ("Play the app’s fun Thin Ice” game to help the elves.", "Play the app’s fun “Thin Ice” game to help the elves."),
        ('18F is developing Infrastructure as a Service" to make it easier.',
         '18F is developing "Infrastructure as a Service" to make it easier.'),
        ("Check the IRS Direct Pay page and then the Where Is My Refund” page for news.",
         "Check the IRS Direct Pay page and then the “Where Is My Refund” page for news."),
        ('Erbynn will draw up what some delegates called a pre-compromise" and present it.',
         'Erbynn will draw up what some delegates called a "pre-compromise" and present it.'),
    ],
)
def test_a_quoted_term_that_lost_its_opening_mark_opens_where_the_text_says(text, repaired):
    assert fix(text) == repaired
    assert fix(repaired) == repaired


@pytest.mark.parametrize(
    "text",
    [
        # a function word between the naming word and the mark: where the term starts is a guess
        "APIs have been called the secret sauce” for digital services.",
        # no naming word and no other use of the words: a tie
        "The findings from the recent hot wash” of the sprint process were clear.",
        # one capitalised word after an adjective (``mobile “Web”`` or ``“mobile Web”``), a run that starts the
        # sentence (``A “Chalk Talk”`` or ``“A Chalk Talk”``), a compound before an attribution (a longer quotation's end)
        "They built an app and a mobile Web” version for other phones.",
        "A Chalk Talk” session was also hosted by the team.",
        "Prices will rise as we see a long-term” he said on Monday.",
    ],
)
def test_a_quoted_term_with_no_evidence_of_its_start_is_not_guessed(text):
    assert fix(text) == text
    assert "Q006" in codes(text)


#: American-style evidence for the tests of Q010's lone term: a quoted fragment with its stop inside its closing mark
AMERICAN = '\n\nAnalysts called the plan "a long shot."'


def test_a_lone_single_quoted_term_in_american_double_quoting_copy_takes_double_marks():
    text = ('"We will pay," the minister said.\n\n'
            "The accord must place the debt 'within the terms proposed by Brazil' on Monday, he added." + AMERICAN)
    assert fix(text) == text.replace("'within the terms proposed by Brazil'", '"within the terms proposed by Brazil"')
    assert fix(fix(text)) == fix(text)


def test_a_lone_curly_single_quoted_term_in_american_copy_takes_double_marks():
    # the article's spelling breaks the tie where no quoted fragment tells the placement
    text = "“We will pay,” he said. It is part of our ‘mobile first’ strategy for the organization."
    assert fix(text) == text.replace("‘mobile first’", "“mobile first”")
    assert fix(fix(text)) == fix(text)


@pytest.mark.parametrize("text", [
    # British placement: a quoted fragment's stop outside its closing mark (the BBC's house style)
    '"We will pay," the minister said. Critics called it "a sham".\n\nThe \'bumping\' of flights has ended.',
    # British spelling breaks the tie
    '"We will pay," the minister said.\n\nThe \'bumping\' of flights at the centre has ended.',
])
def test_a_lone_single_quoted_term_in_british_plain_text_copy_is_only_suggested(text):
    found = [f for f in cleaner.check(text, select=["Q"]) if f.code == "Q010"]
    assert found and all(f.fix == "unsafe" for f in found)
    assert fix(text) == text
    assert "The \"bumping\" of" in fix(text, unsafe=True)


def test_a_title_in_single_marks_takes_double_marks_only_in_american_copy():
    # the quoted fragment's comma inside its closing mark (``“experts,”``) is American placement: top-level quotations
    # go in double marks there; with the comma outside (British) the title keeps its marks (``test_correct_copy_...``)
    text = "He moderated a panel, titled, ‘First Responders and Use of Mobile Broadband,’ which featured “experts,” he said."
    assert fix(text) == text.replace("‘First", "“First").replace("Broadband,’", "Broadband,”")


def test_a_lone_single_quoted_term_takes_the_double_marks_of_the_articles_clear_majority():
    # one straight mark among curly ones (a slip Q007 turns) leaves the article's style clear: the term takes curly marks
    text = ("“We will pay,” he said. “We will stay,” she said. \"It is late,” they said. It is part of our ‘mobile first’ "
            "strategy for the organization.")
    assert "“mobile first”" in fix(text)
    # no clear majority: which double marks to write is unclear, and the term keeps its marks
    even = "“We will pay,” he said. \"We will stay,\" she said. It is part of our ‘mobile first’ strategy for the organization."
    assert "‘mobile first’" in fix(even)


def test_a_lone_single_quoted_term_in_plain_text_copy_where_nothing_tells_the_style_takes_double_marks():
    # no quoted fragment and no spelling pair: wire copy as often as not, which quotes terms in double marks
    text = '"We will pay," the minister said.\n\nThe \'bumping\' of flights has ended.'
    assert fix(text) == text.replace("'bumping'", '"bumping"')


def test_the_article_quote_style_is_read_from_its_marks_before_its_spelling():
    from cleaner.checks.quote_model import build

    wire = 'The centre of the programme, he said, was "a fair deal." Costs fell by a quarter, the organisation said.'
    assert build(wire).dialect == "us"  # Reuters: British spelling, American placement
    assert build('It was "a fair deal". We organized it.').dialect == "uk"
    assert build("We organized it.").dialect == "us" and build("The plan.").dialect is None


def test_one_single_quoted_term_in_straight_copy_that_quotes_nothing_else_takes_double_marks():
    """Straight (plain-text) copy quotes in double marks: of 2,088 straight-marked tune articles with at most one double
    quotation, 619 quote one phrase in double marks, 1 quotes one in single marks and nothing in double ones."""
    text = "The method, called 'virtual autopsy', is now used in courts to analyze injuries."
    assert fix(text) == text.replace("'virtual autopsy'", '"virtual autopsy"')
    assert fix(fix(text)) == fix(text)


def test_a_lone_single_quoted_stretch_with_a_decimal_point_is_still_one_term():
    text = ('"It makes no difference," the official said.\n\n'
            "A statement said 'the announcement makes no difference to the 5.0 billion stg a year' of receipts." + AMERICAN)
    assert fix(text) == text.replace("'the announcement", '"the announcement').replace("year'", 'year"')


@pytest.mark.parametrize(
    "text",
    [
        # a publisher that sets terms in single marks does so more than once
        '"We will pay," he said. The \'old\' oil and the \'new\' oil are taxed apart.',
        # nothing quoted in double marks and three phrases in single marks: the article's own style is single marks
        "The 'old' oil, the 'new' oil and the 'stripper' oil are taxed apart.",
        # typeset (curly) copy in British spelling keeps its house style for terms
        "“We will pay,” he said. It is part of our ‘mobile first’ strategy for the organisation.",
        # a title or crosshead line (no sentence end) quotes in single marks: headline style
        "Israeli tank 'likely' fired machine gun at reporters after deadly shelling\n\n"
        '"We saw it," a witness said.',
        '"We will pay," he said.\n\nHere is why that can be \'a horrible idea,\' advisor says\n\nMore text.',
    ],
)
def test_single_quoted_terms_in_a_house_style_stay(text):
    assert fix(text) == text


@pytest.mark.parametrize(
    "text, repaired",
    [
        ('President Reagan said he would veto any bill he termed "protectionist, and his aides agreed.',
         'President Reagan said he would veto any bill he termed "protectionist," and his aides agreed.'),
        ('About 300 mln dlrs of the in-kind certificates, or "certs, will be mailed out in March.',
         'About 300 mln dlrs of the in-kind certificates, or "certs," will be mailed out in March.'),
    ],
)
def test_a_named_term_that_lost_its_closing_mark_ends_at_its_comma(text, repaired):
    assert fix(text) == repaired


def test_a_quoted_phrase_that_lost_its_closing_mark_ends_where_the_writers_sentence_resumes():
    # "and said" / "but warned": the writer's narration goes on after the quoted words
    text = ('First Minister Humza Yousaf described the damage as "devastating and said the government would help '
            'communities recover.')
    assert fix(text) == ('First Minister Humza Yousaf described the damage as "devastating" and said the government '
                         'would help communities recover.')
    text = 'Collins called the deal "a welcome relief but warned that Congress had to do more.'
    assert fix(text) == 'Collins called the deal "a welcome relief" but warned that Congress had to do more.'
    # a longer phrase may hold the verb itself: reported, not fixed safely
    text = 'She said the plan was "a good first step for the city and added that more was needed.'
    assert fix(text) == text


def test_a_closing_mark_right_after_an_attribution_ends_no_quotation_run_on_from_before():
    # ``, he said."`` ends no quotation (a quotation never holds its attribution): the quotation left open
    # closes at its own paragraph's end, and the mark after the attribution is stray
    text = ('The union said: "The jobs that are exported are jobs we may not be able to fill in the future.\n\n'
            'U.S. employment in such plants plunged by half, he said." Then it rose again.')
    assert fix(text) == ('The union said: "The jobs that are exported are jobs we may not be able to fill in the future."\n\n'
                         'U.S. employment in such plants plunged by half, he said. Then it rose again.')


# -- what must stay untouched ---------------------------------------------------------------------
UNTOUCHED = [
    # a lower-case abbreviation starts the next reference after a stop; a spaced dotted abbreviation (Spanish copy)
    "Design Issues, Vol. 8, No. 2 (Spring, 1992). The MIT Press. pp. 5-21. Stable URL: http://example.org/x",
    "Lea más sobre el himno de EE. UU. y las Olimpiadas.",
    # run-on quotation: the paragraph ends inside the quote, the next re-opens it
    'Ryan said: "The coalition is taking great steps.\n\n"We have witnessed the use of hospitals," he said.',
    "“It was a long night.\n“We stayed until morning,” she said.",
    # British-style punctuation outside the quote, in British-style copy
    'Bubonic plague is "always fatal", says WHO.',
    "They were “not close”. His team disagreed.",
    # a capitalised quotation before its attribution with its comma outside, in copy that puts a fragment's outside
    # elsewhere: British copy puts the comma of a quoted fragment outside, and a capital does not make a sentence
    "Officials called it “a last resort”. “From 28 February, at 20.00 hours”, he told the cardinals.",
    # a quoted fragment keeps its comma outside when the article's commas inside belong to quoted speech
    "“It worked,” he said. “We are ready,” she said. He called it “bit rot”, where files decay.",
    "“It worked,” he said. “We left,” she said. The situation “has gotten worse”, Cockrell said.",
    # a capitalised quotation set in the writer's sentence is no sentence of its own: British copy keeps its marks outside
    "“It worked,” he said. “We left,” she said. He was described as “Mourinho in a skirt”. Costa laughed.",
    "“It worked,” he said. “We left,” she said. He was away when “I was very small”, but he wrote home.",
    # a name particle is spelt as its bearer spells it
    "“We lost the baby,” Van Der Beek said. “It was hard.”",
    # a domain split by a space, and empty strings in code, are no stray stop and no doubled marks
    "Techcrunch. com reports the trend.",
    # a lower-case word with a capital inside it is a name starting the next sentence (``eBay``)
    "It made a new app for the Windows Phone. iLink-systems helped NORAD evolve it.",
    '{ "pre_tag": "", "post_tag": "" }',
    # a title in quotes is not a sentence: its comma stays where the publisher put it
    "“It worked,” he said. “We left,” she said. His name, “The Beale Street Blues Boy”, was cut.",
    # abbreviations
    "Walt Disney Co. executive Kevin Mayer said. McClatchy Co. can’t escape it.",
    "Carla Babb on Nov. that the Russian forces left. The U.S. in Syria. Gov. in charge.",
    "It starts at 6:38 p.m. on Saturday, Washington, D.C., said in a statement. Jr. was there.",
    # inch marks and apostrophes
    'The 34" screen and the 12" sub.',
    "Don’t stop the ’90s rock ’n’ roll. Students’ union. It's the players' turn.",
    # list layouts, decimals, URLs, ellipses, tickers, emphasis
    "VIP : 60,000₩\nR : 50,000₩",
    "See tweets :\nThe Senate resolved.",
    "It rose 0.45 percent to 3.5 points. A .45-caliber gun.",
    "Visit https://example.com/News.Today or www.example.org now. Node.js and ASP.NET run.",
    "We had some issues ... we had a time... and that was it.",
    # a spaced ellipsis, of three dots or four (a sentence's stop after it), before a capital or a bracket
    "It has always been hard in business. . . . [Change] is harder. We waited. . . Then it came.",
    "Run it for i in 1..10 and then stop. The Govt. in Delhi agreed.",
    "The Dow Jones Industrial Average .DJI fell 1.2%.",
    "“Thanks KLOOK!!” she wrote. Who came to Beijing?? Nobody.",
    # a lone guillemet is an arrow, not a quote
    "Find a professional near you »",
    # a scare quote in single marks is the publisher's style
    "The oxygen bar is ‘Oxy Pure’. Staffers 'don't care' about it.",
    "“We are ready,” he said of the larger strategic ‘mobile first’ initiative. “Yes,” she said.",
    # a quotation inside a quotation, in single marks, and an abbreviation's stop before a comma
    "“He called it ‘a disgrace.’” Then “he said ‘no’ twice,” she said.",
    "Rep. Ilhan Omar, D-Minn., spoke. Acme Inc., the maker, agreed. TL;DR: it works.",
    "Even your computer fan can leak your personal data. tl;dr: don’t use computers. Ever.",
    # a stop the article writes after an all-caps abbreviation, and a headline kicker in single marks
    "It is at 100 MAIN ST. in town and at 4 ELM ST. in the city.",
    "'We Got Her!' Video Shows Dramatic Rescue Of A Girl\n\n“It worked,” he said.",
    # after a question a capitalised pronoun may start a new sentence
    "“Why make it harder?” She wondered why nobody called.",
    # a dotted abbreviation after a name's stop; code keeps its spacing; a title in single marks is no speech
    "CNN, By Doug Gross. n.d. “It’s Settled!” he wrote.",
    "The zone file:\n\n$ORIGIN search.usa.gov ; this line is a comment",
    "He moderated a panel, titled, ‘First Responders and Use of Mobile Broadband,’ which featured “experts”, he said.",
    # a reference, strings in a spreadsheet formula (publisher copy)
    "Comput Graph Forum. 2020 Jun;39(3):619-646. doi: 10.1111/cgf.14018",
    "The 2017Q3 report, the 2019Xr model and the Q3 2017Results file came out on May 2, 2018.",
    # a brand the article writes with its own mark each time (BBC 2005: One.Tel; a 2024 review: Dry:Soon)
    "Services such as TalkTalk and One.Tel route calls. One.Tel said it would appeal.",
    "I found the Dry:Soon took four hours. The Dry:Soon Mini is smaller.",
    "The plant in Kenosha, Wisc. assembles cars.",
    # WordPress writes a closing mark after a digit as a double prime
    "A score of “1″ is far less effort than expected. A score of “5″ indicates the customer buys.",
    "Here C is the search count you want to add: =sumif(A:A,”\\passport\\”,C:C)+sumif(A:A,”\\visa\\”,C:C)",
    # a run-on quotation whose last sentence speaks in the first person ("they’d said … we would"): no attribution
    "He told Medium about it: “I have not met anyone in person. Initially, they’d said there were going to be "
    "interviews; we would travel there.\n\n“But then they made us sign an agreement.”",
]


@pytest.mark.parametrize("text", [
    # a numbered list after a colon is not a quotation's start
    "By then all the solutions are bad ones: 1) do nothing and it gets worse, or 2) invest in improvement.”",
])
def test_a_lone_closing_mark_with_two_readings_is_reported_not_fixed(text):
    assert fix(text) == text
    assert "Q006" in codes(text)


def test_a_quotation_with_one_single_and_one_double_mark_is_reported_where_the_article_does_not_decide():
    # a single mark stands where the lost opening mark would go: it may be that mark, in the wrong kind, or the
    # double closing mark may be a single one turned double: one edit each, and nothing else quotes here
    text = "A prototype may look great, but we can say, 'We did these tests and they didn't work as intended.”"
    assert fix(text) == text
    assert [(f.code, f.fix) for f in cleaner.check(text, select=["Q"])] == [("Q007", "unsafe")]


@pytest.mark.parametrize("damaged, repaired", [
    ('She said the city needed "homes, not excuses.\'', 'She said the city needed "homes, not excuses."'),
    ("“We will fight it every step of the way,’ said Tom Becker, who leads the group.",
     "“We will fight it every step of the way,” said Tom Becker, who leads the group."),
    ("She said the city needed ‘homes, not excuses.”", "She said the city needed “homes, not excuses.”"),
    # before the next sentence (a publisher's own slip in the clean corpus, onestop_adv-wnl-shark)
    ("People came out to say: “That is the sharks’ ocean. We respect them.’ Anthony Joyce, a surfer, said it.",
     "People came out to say: “That is the sharks’ ocean. We respect them.” Anthony Joyce, a surfer, said it."),
    # after a word (``“mobile first’ approach``): no plural's possessive, no elided ending (``goin’``)
    ("The agency took a “mobile first’ approach to the site.", "The agency took a “mobile first” approach to the site."),
])
def test_one_mark_of_a_double_quotation_typed_single_is_turned_double_in_an_article_that_quotes_in_double(damaged, repaired):
    before = "“We have listened to every concern,” said councillor Maria Lopez. “But we cannot keep saying no.”"
    before = before if "“" in damaged else before.replace("“", '"').replace("”", '"')
    assert fix(f"{before}\n\n{damaged}") == f"{before}\n\n{repaired}"


@pytest.mark.parametrize("text", [
    "“We’re goin’ home now, and the players’ union agrees,” he said. “Fine,” she said.",
    "She said: “We were rockin’ all night\n\n“and then the band left,” she said.",
])
def test_an_elision_or_a_plural_possessive_inside_a_quotation_is_no_closing_mark(text):
    assert "Q007" not in codes(text)


def test_a_nested_single_quotation_still_open_keeps_its_mark():
    text = "“We have listened,” Lopez said.\n\nShe said: “He told me ‘go home.’\n\n“Then he left,” she said."
    assert "Q007" not in codes(text)


@pytest.mark.parametrize("text", UNTOUCHED)
def test_correct_copy_is_untouched(text):
    assert fix(text) == text
    assert fix(text, unsafe=True) == text
    assert [f for f in cleaner.check(text, select=["Q"]) if f.fixable] == []


def test_foreign_marks_follow_language_and_ignore():
    text = "Peskov said «there will be no talks» today."
    assert fix(text) != text
    assert cleaner.clean(text, select=["Q"], ignore=["Q009"]).text == text
    assert cleaner.clean(text, select=["Q"], config={"language": "fr"}).text == text


# -- the pipeline ---------------------------------------------------------------------------------
def test_select_q_applies_only_the_q_family():
    text = "The mayor said.The vote is&amp;nbsp;done.\n\nHe left  early , said Ryan."
    result = cleaner.clean(text, select=["Q"])
    assert result.text == "The mayor said. The vote is&amp;nbsp;done.\n\nHe left  early, said Ryan."
    assert {f.code[0] for f in result.findings} == {"Q"}


def _records():
    return [json.loads(line) for line in FIXTURES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("record", _records(), ids=lambda r: r["id"])
def test_fixture_records_restored_exactly_and_clean_bodies_untouched(record):
    cleaner_q = Cleaner(select=["Q"])
    out = cleaner_q.clean(record["text"]).text
    assert out == record["clean"]
    assert cleaner_q.clean(out).text == out
    assert cleaner_q.clean(record["clean"]).text == record["clean"]


def test_docstring_examples():
    import doctest

    from cleaner.checks import quotes

    for module in (qm, quotes):
        assert doctest.testmod(module).failed == 0


def test_every_code_is_documented():
    from cleaner.rulepacks import load_builtin

    docs = load_builtin("codes/Q")
    emitted = {e.code for r in _records() for e in detect(r["text"])}
    assert emitted <= set(docs)
    for code, doc in docs.items():
        assert {"name", "summary", "what", "why", "before", "after", "fix"} <= set(doc), code


# -- [quotes] emphasis-runs: `!!` and `??` kept (default) or collapsed ---------------------------------
EMPHATIC = ("“Thanks KLOOK!!” she wrote after the trip. So how did the two get to Beijing?? By train!!!\n\n"
            "Fans asked: “Really?!” The organisers said tickets were gone. He replied \"No way\"!!")
COLLAPSE = {"quotes": {"emphasis-runs": "collapse"}}


def test_emphasis_runs_are_kept_by_default():
    assert Cleaner(select=["Q"]).clean(EMPHATIC).text == EMPHATIC
    assert Cleaner({"quotes": {"emphasis-runs": "keep"}}, select=["Q"]).clean(EMPHATIC).text == EMPHATIC


def test_emphasis_runs_collapse_to_one_mark_and_a_mixed_run_stays():
    q = Cleaner(COLLAPSE, select=["Q"])
    result = q.clean(EMPHATIC)
    assert result.text == ("“Thanks KLOOK!” she wrote after the trip. So how did the two get to Beijing? By train!\n\n"
                           "Fans asked: “Really?!” The organisers said tickets were gone. He replied \"No way!\"")
    applied = [f for f in result.findings if f.applied]
    emphasis = [f for f in applied if f.code == "Q005"]
    assert len(emphasis) == 4 and all("emphasis run" in f.message for f in emphasis)
    # the one ``!`` left after the collapsed run is the speaker's: Q001 puts it inside (news copy does not exclaim around a quotation)
    assert [f.code for f in applied if f.code != "Q005"] == ["Q001"]
    assert q.clean(result.text).text == result.text  # idempotent


def test_collapsed_emphasis_leaves_chess_notation_and_code_alone():
    text = ("After 23.Nf3!! Black was lost, and 24. e5?? ended it. The flag reads `a ?? b` and !!ready. "
            "Read more at https://example.com/win!! today.")
    assert Cleaner(COLLAPSE, select=["Q"]).clean(text).text == text


def test_emphasis_runs_setting_is_validated_with_did_you_mean(cli, tmp_path):
    from cleaner.errors import ConfigError

    with pytest.raises(ConfigError, match=r"'quotes.emphasis-runs' must be one of 'keep', 'collapse', not 'colapse' "
                                          r"\(did you mean 'collapse'\?\)"):
        Cleaner({"quotes": {"emphasis-runs": "colapse"}})
    with pytest.raises(ConfigError, match=r"unknown key 'quotes.emphasis' \(did you mean 'emphasis-runs'\?\)"):
        Cleaner({"quotes": {"emphasis": "collapse"}})
    (tmp_path / "news-cleaner.toml").write_text('[quotes]\nemphasis-runs = "trim"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Who came?? Nobody.\n", encoding="utf-8")
    code, _, err = cli("check", "a.txt")
    assert code == 2 and "'quotes.emphasis-runs' must be one of" in err


def test_emphasis_runs_in_config_show_and_fix(cli, tmp_path):
    code, out, _ = cli("config", "--show")
    assert code == 0 and 'quotes = {emphasis-runs = "keep"}    # default' in out
    (tmp_path / "news-cleaner.toml").write_text('[quotes]\nemphasis-runs = "collapse"\n', encoding="utf-8")
    code, out, _ = cli("config", "--show")
    line = next(line for line in out.splitlines() if line.startswith("quotes = "))
    assert line.startswith('quotes = {emphasis-runs = "collapse"}') and "news-cleaner.toml" in line
    (tmp_path / "a.txt").write_text("So how did the two get to Beijing?? By train.\n", encoding="utf-8")
    cli("fix", "a.txt")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "So how did the two get to Beijing? By train.\n"


@pytest.mark.parametrize("text, fixed", [
    ('He said "no.""""', 'He said "no."'),
    ('He said "no."""" Then he left.', 'He said "no." Then he left.'),
    ("He said \u201cno.\u201d\u201d\u201d\u201d Then he left.", "He said \u201cno.\u201d Then he left."),
    ('He said "no."" and left.', 'He said "no." and left.'),
], ids=["straight-end", "straight-sentence", "curly", "one-extra"])
def test_a_run_of_closing_marks_after_a_quotation_collapses_to_one(text, fixed):
    # issue 17's case: the straight marks after ``"no."`` were read as an empty quotation and ``"""`` stayed
    found = [f for f in cleaner.check(text, select=["Q"])]
    assert [(f.code, f.start) for f in found] == [("Q006", text.index("no.") + 4)]
    assert fix(text) == fixed
    assert fix(fixed) == fixed


def test_doubled_marks_before_a_word_still_open_a_quotation():
    text = 'He said "no.""We left."'
    assert fix(text) == text  # ``""We``: the second mark opens the next quotation, nothing collapses


# -- the punctuation checks read the model's marks, and find what a scan of the text would ----------
_SITE_TEXT = st.lists(st.sampled_from(list("aAbSU .,;:?!'\"\u2019\u201d&-_@/\u00e91\n") + ["U.S", " in", "The", ". , ", "Co.", "&Tb", ". in"]),
                      max_size=30).map("".join)


@given(_SITE_TEXT)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_checks_at_the_models_marks_find_what_a_scan_of_the_text_finds(text):
    from cleaner.checks import quotes as q

    model = qm.build(text)

    def spans(found):
        return [(m.start(), m.end(), m.groups()) for m in found]

    for pattern, marks in ((q._DOUBLED, ",;."), (q._RUN, ",;:."), (q._GLUED, ",;:"), (q._GLUED_MARK, "?!"), (q._STOP_COMMA, "."),
                           (q._KNOCKED, ".")):
        assert spans(q._at_sites(pattern, text, model, marks, ",;:." if pattern in (q._DOUBLED, q._RUN) else "")) \
            == spans(pattern.finditer(text))
    assert spans(q._stray_stops(text, model)) == spans(q._STRAY_STOP.finditer(text))
    assert spans(q._glued_stops(text, model)) == spans(q._MISSING_SPACE.finditer(text))
    assert spans(q._emphasis(text, model)) == spans(q._EMPHASIS.finditer(text))
    # Q012 and Q004 as the patterns they replace would find them
    lost = [(m.end() - 1, m.end()) for m in re.finditer(r"(?<![\w.])((?:[A-Z]\.)+[A-Z])(?= [a-z])", text)]
    glued = [(m.end() - 1, m.end()) for m in re.finditer(r"(?<![\w.])((?:[A-Z]\.){2,})(?=[A-Z][a-z])", text)]
    assert [(e.start, e.end) for e in q.dotted_abbreviation(text, model)] == lost + glued
    spaced = [(m.start(1), m.end(1)) for m in q._SPACED.finditer(text) if not q._address_before(text, m.start())]
    colons = [(m.start(1), m.end(1)) for m in q._SPACED_COLON.finditer(text)]
    assert [(e.start, e.end) for e in q.space_before_punctuation(text, model)] == spaced + colons


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_a_punctuation_run_ending_a_paragraph_is_found_whatever_the_line_end(end):
    # found by fuzzing: a run before "\r\n" was missed, so `fix` on a CRLF file was not idempotent
    text = f"He opened a debate.,{end}{end}The end came."
    assert fix(text) == f"He opened a debate.{end}{end}The end came."
    assert fix(fix(text)) == fix(text)


@pytest.mark.parametrize("text", [
    "“…“…“…“…“…“…“…“…“…Ã‰ â€œNo,â€ she said. ",
    "x…“…“…“…“…“…“…“…“…“Ã“ â€œNo,â€ she said. ",
])
def test_no_opening_mark_is_put_before_a_quotation_of_nothing_but_marks(text):
    # bench/fix_convergence.py (seeds 4-6): a lone closing mark before an attribution was re-opened before a run of
    # ``…“``, where the doubled-mark repair deleted what the last round put in: with unsafe fixes, fix never settled
    unsafe = Cleaner(unsafe_fixes=True)
    once = unsafe.clean(text).text
    assert unsafe.clean(once).text == once
    assert not any(f.code == "Q006" and f.suggestion and f.suggestion.startswith("“…") for f in unsafe.clean(once).findings)


def test_a_paragraph_holding_a_lost_character_gets_no_safe_mark_repair():
    # the lost character may be the closing mark itself: adding one at the paragraph's end is a guess
    text = "“We lost half our customers, \ufffd she said. The city’s plan would help."
    assert fix(text) == text
    assert "Q006" in codes(text)


@pytest.mark.parametrize("mark", ["'", "‘"])
def test_a_quotation_in_single_marks_never_closed_is_reported(mark):
    # British copy (the lead's probe): a single-quoted phrase left open at the paragraph's end is reported, not fixed
    text = f"The minister said the party had {mark}run out of ideas.\n\nLabour denied it."
    found = [f for f in cleaner.check(text, select=["Q006"]) if "single marks" in f.message]
    assert [(f.line, f.col, f.fix) for f in found] == [(1, 33, "none")]
    assert fix(text, unsafe=True) == text
    # run on into a paragraph that re-opens it, an elision, or closed: nothing to report
    for quiet in (f"He said: {mark}We ran out of ideas.\n\n{mark}Then we left,’ he said.",
                  "‘Twas the night before Christmas, when all through the house.",
                  f"The party had {mark}run out of ideas’ and left."):
        assert not [f for f in cleaner.check(quiet, select=["Q006"]) if "single marks" in f.message]


@pytest.mark.parametrize("damaged, repaired", [
    ('"The plan isn"t fair," Escalante said.', "\"The plan isn't fair,\" Escalante said."),
    ("“It isn’t fair,” he said, and the firm\"s plan failed.", "“It isn’t fair,” he said, and the firm’s plan failed."),
    # the clean corpus's 1987 wire copy types its apostrophes so (a conversion's habit): no closing mark
    ('The Cartel Office"s probe came in the wake of the talks.', "The Cartel Office's probe came in the wake of the talks."),
    ('The big producers "want to have the ball only in their court and it isn"t fair," minority producer '
     'spokesman Luis Escalante said.',
     'The big producers "want to have the ball only in their court and it isn\'t fair," minority producer '
     'spokesman Luis Escalante said.'),
])
def test_a_contractions_apostrophe_typed_as_a_double_mark_is_an_apostrophe(damaged, repaired):
    # ``isn"t``: read as a closing mark it left "isn" as a word (S002 -> "in") and an opening mark before "t"
    assert fix(damaged) == repaired
    assert fix(damaged, unsafe=True) == repaired


def test_an_opening_mark_is_never_put_right_after_another_mark():
    text = 'The plan isn"t fair," Escalante said.'
    assert '""' not in fix(text, unsafe=True)


def test_a_paragraph_of_low_marks_q009_cannot_pair_gets_no_english_closing_mark():
    # the hostile engineer's chain: Q006 closed the doubled single mark at the paragraph's end, Q009 then paired
    # a low mark with that close as a Polish quotation, and so on a mark every two rounds past the round limit
    text = "‘‘ „0„:„:„.„ The city council approved the budget on Tuesday after a long debate. "
    once = fix(text, unsafe=True)
    assert fix(once, unsafe=True) == once
    assert "”" not in once


@pytest.mark.parametrize("text, fixed", [
    # a scraper's knocked stop capitalised the word after it: after the quotation's comma the sentence goes on
    ('Smartphones are becoming the “first screen. , ”With 10 million Hispanics watching video on them.',
     'Smartphones are becoming the “first screen,” with 10 million Hispanics watching video on them.'),
    ('having to pause and say, “um, there was something else I wanted to ask. , ”Can make things more awkward.',
     'having to pause and say, “um, there was something else I wanted to ask,” can make things more awkward.'),
    ('Short for “chat robot. , ”A chatbot is a computer program that simulates conversation.',
     'Short for “chat robot,” a chatbot is a computer program that simulates conversation.'),
    ('Users could only see "recent views," Which are calculated from the last two weeks.',
     'Users could only see "recent views," which are calculated from the last two weeks.'),
])
def test_a_word_that_goes_on_with_the_sentence_after_a_quotations_comma_is_lower_cased(text, fixed):
    assert fix(text) == fixed
    assert fix(fixed) == fixed


@pytest.mark.parametrize("text", [
    '"We will not wait," May said in a statement.',            # a name that is also an auxiliary, before its verb
    '"We will not wait," Will Smith told reporters.',          # before its other names
    '"It is such a sad song," Read said of the ballad.',       # a surname that is also a verb, before its verb
    '"It was a fair deal," The New York Times reported.',      # an outlet's name keeps its capital
    '"We will stay," No 10 said on Monday.',                   # a name before a number
    '"We are done," I said, and left the room.',               # never ``I``
    '"We will win." Which team will? Nobody knows.',           # after a full stop a sentence starts
])
def test_a_capital_after_a_quotations_comma_that_starts_a_name_stays(text):
    assert fix(text) == text


@pytest.mark.parametrize("text, fixed", [
    # a short quoted phrase that lost its closing mark closes at the comma after which the writer's words go on
    ('Previously, users could only see “recent views, which are calculated using views from the last two weeks.',
     'Previously, users could only see “recent views,” which are calculated using views from the last two weeks.'),
    ('No system is ready to use off the shelf; it comes “some assembly required, and the team is prepared for that.',
     'No system is ready to use off the shelf; it comes “some assembly required,” and the team is prepared for that.'),
    ('The dashboard now counts "returning users, or people who came back within a month of a first visit.',
     'The dashboard now counts "returning users," or people who came back within a month of a first visit.'),
])
def test_a_short_phrase_that_lost_its_closing_mark_closes_where_the_writers_sentence_resumes(text, fixed):
    assert fix(text) == fixed
    assert fix(fixed) == fixed


@pytest.mark.parametrize("text", [
    # four words or more may hold the clause after the comma: only suggested
    'He said it was "the only way we could react, and it would cause more retaliation on both sides.',
    # no word of the writer's after the comma: the phrase may run on
    'Officials called the move "unexpected, especially in a year of record harvests and low prices.',
])
def test_a_phrase_that_may_run_on_past_its_comma_keeps_its_repair_a_suggestion(text):
    assert fix(text) == text
    assert any(f.code == "Q006" and f.fix == "unsafe" for f in cleaner.check(text, select=["Q"]))


@pytest.mark.parametrize("text, fixed", [
    # a quotation credited after a dash (an epigraph, a testimonial) lost its opening mark at its paragraph's start
    ('Why we joined.\n\nI joined 18F because it is our responsibility to make government work better for everyone." -- Ken Ambrose, HHS\n\nMore.',
     'Why we joined.\n\n"I joined 18F because it is our responsibility to make government work better for everyone." -- Ken Ambrose, HHS\n\nMore.'),
    ('Our motto:\n\nSpeak only if it improves upon the silence.”– Gandhi\n\nWe try.',
     'Our motto:\n\n“Speak only if it improves upon the silence.”– Gandhi\n\nWe try.'),
    ('In business, words are words, but only performance is reality.” — Harold S. Geneen\n\nThat is our view.',
     '“In business, words are words, but only performance is reality.” — Harold S. Geneen\n\nThat is our view.'),
])
def test_a_quotation_credited_after_a_dash_lost_its_opening_mark_at_the_paragraphs_start(text, fixed):
    assert fix(text) == fixed
    assert fix(fixed) == fixed


def test_a_dash_before_a_lower_case_word_after_a_lone_closing_mark_is_no_credit():
    text = "Asking open-ended questions — for example, What does this mean to you?” — is helpful when writing content."
    assert not any(f.code == "Q006" and f.fix == "safe" and "credit" in f.message for f in cleaner.check(text, select=["Q"]))


def test_a_run_on_quotation_whose_paragraph_break_was_lost_closes_before_the_next_opening_mark():
    # the BBC News dataset runs each story's paragraphs together: a quotation that ran over two paragraphs is
    # open where the next one opens. Words in the first person after a comma are still the speaker's, so the
    # lost closing mark is suggested before the next opening mark, not at the first comma
    text = ('The club has not ruled out a listing. "Listing would be one option, but we are flexible and no '
            'decisions have been made on that issue yet. "We want to be in the best financial health," he said.')
    found = [(f.code, f.start, f.suggestion) for f in Cleaner(select=["Q"]).check(text).findings]
    assert found == [("Q006", text.index('yet.') + 3, '."')]



def test_a_polish_or_german_pair_is_no_evidence_of_curly_english_marks():
    # the ``”`` that closes a ``„`` belongs to the foreign pair: in copy whose own marks are straight (its apostrophes)
    # the converted quotations take straight marks, as its English quotations would
    text = "The bank's chief said it was fine.\n\n„We will stay,” the minister said.\n\n„It is late,” she said."
    assert fix(text) == "The bank's chief said it was fine.\n\n\"We will stay,\" the minister said.\n\n\"It is late,\" she said."
    curly = "The bank’s chief said it was fine.\n\n„We will stay,” the minister said.\n\n„It is late,” she said."
    assert fix(curly) == curly.replace("„", "“")


@pytest.mark.parametrize("text, converted", [
    ("He called it »a farce« and »a shame« in May.", 'He called it "a farce" and "a shame" in May.'),
    ("He said »a farce« and «a shame» in May.", 'He said "a farce" and "a shame" in May.'),
    ("He said « we will stay » and « we will win » on Monday.", 'He said "we will stay" and "we will win" on Monday.'),
])
def test_two_foreign_quotations_in_a_paragraph_are_each_converted_whole(text, converted):
    # ``»a« and »b«``: the ``« and »`` between them is shaped as a closing mark and an opening one (a word before the
    # ``«`` and a space after it), never a guillemet pair of its own
    assert fix(text) == converted
    assert fix(converted) == converted


@pytest.mark.parametrize("text, fixed", [
    # a state, a company's designator or a name's suffix stands after what it shortens and starts no sentence
    ("The union shut the plant in Pontiac., Mich., on Monday.", "The union shut the plant in Pontiac, Mich., on Monday."),
    ("The suit names CTS Corp, based in Elkhart., Ind.\n\nThe offer expires in May.",
     "The suit names CTS Corp, based in Elkhart, Ind.\n\nThe offer expires in May."),
    ("The stake is held by Baxter Holdings., Inc. of Denver.", "The stake is held by Baxter Holdings, Inc. of Denver."),
    # a participle of reporting opening a sentence with no finite word after it is no sentence
    ("Speaking to the Heritage Foundation., Heller said the plan would work.",
     "Speaking to the Heritage Foundation, Heller said the plan would work."),
    ("Citing the latest figures,. Lyng said rates would stay.", "Citing the latest figures, Lyng said rates would stay."),
    # a prepositional opening of up to twelve words with no finite word is no sentence either
    ("In an address before a group of House Republicans in the capital., Miller said it would pass.",
     "In an address before a group of House Republicans in the capital, Miller said it would pass."),
    # a sentence's first word after the run, or a finite word in the opening, keeps the stop, as before
    ("The plant in Pontiac closed., The union said it would appeal.", "The plant in Pontiac closed. The union said it would appeal."),
    ("Writing is what he does., The rest is noise.", "Writing is what he does. The rest is noise."),
])
def test_the_comma_of_a_run_stays_where_the_next_word_cannot_start_a_sentence(text, fixed):
    # ``Pontiac., Mich.``, ``Speaking to reporters., Heller said``: of the run, the comma is the writer's
    assert fix(text) == fixed


def test_a_stop_outside_a_lone_closing_mark_goes_inside_in_copy_whose_house_style_reads_american():
    # the quotation lost its opening mark, so where it opened (and whether it quotes a sentence) is unknown: American copy
    # puts every quotation's stop inside, British copy keeps a fragment's outside; with no quoted fragment to tell, the
    # article's spelling (``QuoteModel.dialect``) decides
    us = ('The center organized the program in the fall.\n\n'
          'Officials noted that the color of the new labor program was a lot better than anyone expected".\n\nThen it ended.')
    assert fix(us) == us.replace('expected".', 'expected."')
    uk = us.replace("center", "centre").replace("organized", "organised").replace("color", "colour").replace("labor", "labour")
    assert fix(uk) == uk


def test_single_quoted_terms_beside_terms_the_copy_sets_in_double_marks_take_double_marks():
    # the article sets its terms in double marks itself (``_double_terms``): as many single-quoted ones beside them lost
    # their double marks, in typeset copy whose spelling tells nothing too
    text = ("“We will pay,” the minister said.\n\nThe plan calls it a “soft landing” and the “new normal” in one go.\n\n"
            "Then the ‘quick wins’ came, and the ‘early adopters’ left.")
    assert fix(text) == text.replace("‘quick wins’", "“quick wins”").replace("‘early adopters’", "“early adopters”")
    # with one double-quoted term only, two single-quoted ones are the copy's own style for terms
    one = text.replace(" and the “new normal”", "")
    assert fix(one) == one


@pytest.mark.parametrize("text,fixed", [
    # a straight mark glued to a word that goes on into a phrase opens the quotation (its closing mark lost too)
    ('The union said the safeguards fail, saying"only one-third of the jobless get benefits.\n\nNext.',
     'The union said the safeguards fail, saying "only one-third of the jobless get benefits."\n\nNext.'),
    ('It described the damage as"severe.\n\nNext.', 'It described the damage as "severe."\n\nNext.'),
    # after any other word it closes a phrase whose opening mark was lost: the space after it is the one lost
    ('Stern described it as a home run"for the team.\n\nNext.', 'Stern described it as a home run" for the team.\n\nNext.'),
])
def test_a_straight_mark_glued_between_two_words_opens_after_a_function_word(text, fixed):
    assert fix(text) == fixed
    assert fix(fixed) == fixed
