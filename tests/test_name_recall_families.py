"""G families of garbled names found from the article's own evidence (issue 14): a surname the article
introduces after a first name and later lower-cases, a slip of the initials of a name the article
writes out, a name-only word after a sentence's first word, a one-edit slip of a gazetteer name's word
that makes a pair English never writes or a foreign cognate of it, a title-case initialism among English words of a name, a
slip of a country's acronym after a preposition of place."""

import pytest

from cleaner import Cleaner


def _g(text):
    return [(f.code, text[f.start:f.end], f.suggestion) for f in Cleaner(select=["G"]).check(text).findings]


FOUND = [
    # a surname introduced once after a first name, lower-cased later
    ("Vadim Backman, a professor at Northwestern, led the study. The method works on all tissue, backman said.",
     ("G004", "backman", "Backman")),
    # two letters of a written-out name's initials swapped, or one doubled
    ("The World Health Organisation said on Monday that cases rose. Later the WOH said the figures were wrong.",
     ("G001", "WOH", "WHO")),
    ("The Department of Health and Human Services agreed, so the team worked on behalf of HSH with the state.",
     ("G001", "HSH", "HHS")),
    # a name-only word after a sentence's first word, which may be any word
    ("The findings prompted further studies. Although margaret Chan, Director General of the agency, "
     "gave the study a nod, others did not.", ("G002", "margaret", "Margaret")),
    # a gazetteer name's word one full edit away, in a pair English never writes
    ("The Word Bank said on Tuesday that growth would slow this year in most poor countries.",
     ("G001", "Word", "World")),
    # a title-case initialism no list knows, read letter by letter, among English words of a name
    ("Douglas Graham, the Mnd Association's fundraising director, said the challenge had helped.",
     ("G002", "Mnd", "MND")),
    ("To measure HTTPS quality, we used the Ssl Labs API to collect the grade of each site.",
     ("G002", "Ssl", "SSL")),
    # a slip of a country's acronym after a preposition of place and "the", in an article naming it
    ("The report covered Britain. A quarter of the annual deaths in the YK alone are due to traffic.",
     ("G001", "YK", "UK")),
    ("Around 15% of the energy used by buildings in the USS goes on air conditioning in America.",
     ("G001", "USS", "US")),
    # a definition's doubled letter that only a joining word's initial explains
    ("The Office of Personnel Management (OOPM) collects and maintains human capital data.",
     ("G001", "OOPM", "OPM")),
    # two neighbouring letters of an acronym the article defines swapped in a later mention, though web
    # text writes the swapped letters too (NAC, zipf 2.8)
    ("The National Crime Agency (NCA) said it was investigating shell companies linked to the case. "
     "A spokesman for the NAC declined to give further details.", ("G001", "NAC", "NCA")),
    # a doubled letter in an acronym's possessive (the possessive spells no name: the acronym itself) and
    # in a list after another acronym or a name it does not spell (no definition set off in commas)
    ("At GGSA's 18F, one thing we do on every project is research with the people who use the service.",
     ("G001", "GGSA", "GSA")),
    ("It is important that every federal CIO, CTOO, architect, and program manager knows the process.",
     ("G001", "CTOO", "CTO")),
    ("The platform supports applications written in Go, Java, Node, PHPP, Python, and Ruby, as well as others.",
     ("G001", "PHPP", "PHP")),
    # a definition whose name joins two words with "of the", two of its initials swapped
    ("The figures come from the International Federation of the Phonographic Industry (FIPI). Streaming "
     "is now mainstream, said FIPI chief executive Frances Moore.", ("G001", "FIPI", "IFPI")),
    # ... and a name after the sentence's own words and "of the", its acronym a letter short
    ("Officials of the National Security Council (NC) met on Monday, the council said in a statement.",
     ("G001", "NC", "NSC")),
    # a one-off acronym no web text writes, one cheap typing slip from only one acronym the dictionary
    # writes in capitals and web text writes often (a key beside, two letters swapped)
    ("The highest-placed British brands in the ranking are HSBV (33rd), Shell (65th) and Burberry (73rd).",
     ("G001", "HSBV", "HSBC")),
    ("We decided to use PostgreSQL across the system and maximize the use of database-agnostic SLQ in it.",
     ("G001", "SLQ", "SQL")),
    # a foreign cognate a translation left inside a gazetteer name, though web text writes it often
    # (Internacional, zipf 2.4: a club, a word of Spanish and Portuguese)
    ("Analysts at the Internacional Crisis Group warned that the conflict could spread to Chad.",
     ("G001", "Internacional", "International")),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_garbled_name_found_from_the_articles_evidence(text, expected):
    assert expected in _g(text)


CLEAN = [
    # a surname written only after a title, or a word written twice in lower case, is no introduction
    ("Professor Backman led the study. The method works on all tissue, said one backman fan.", "backman"),
    ("Vadim Backman led the study. The backman method and the backman score were both new.", "backman"),
    # a real acronym that spells no name, beside a name whose initials are a swap of it
    ("The National Crime Victimization Survey has an API which offers data in the CSV, XML, and JSON formats.",
     "CSV"),
    ("It also controls Caesars New Jersey Inc <CJN>, which owns an Atlantic City casino.", "CJN"),
    # an acronym set off after its name, two letters of a word and all
    ("The International Cocoa Organization, ICCO, council met. ICCO members agreed on the buffer stock.", "ICCO"),
    # pairs English writes, beside a gazetteer name's word
    ("The White Horse pub stood beside the square, and the Bank Holiday crowds filled it.", "Horse"),
    # a title-case word without a vowel beside a name's own words: part of that name
    ("The loan went to Sime Darby Sdn Bhd, the plantation group, on Monday.", "Sdn"),
    # ... a company's legal form or a unit after a number in words (wire copy's earnings tables)
    ("The Broken Hill Pty Co Ltd <BRKN.S> said it plans a rise in output.", "Pty"),
    ("Avg shrs 274 mln vs 269 mln / Nine Mths / Shr 79 cts vs 42 cts", "Mths"),
    # a definition whose every capitalised word gives its initial, a doubled one included
    ("The Association of American Universities (AAU) met, and AAU members agreed.", "AAU"),
    ("The Institute of International Finance (IIF) said debt rose.", "IIF"),
    # an acronym of its own after a preposition of place and "the"
    ("The report covered the US. I worked as a fellow in the UX design track at the agency.", "UX"),
    # after a preposition and "the", a capitalised word next may make the token part of a longer name
    ("The report covered Britain. Fans in the UA Cup final cheered.", "UA"),
    # an acronym the article defines beside another body whose letters are a swap of it, defined too
    ("The National Crime Agency (NCA) and the National Audit Commission (NAC) both said the case was closed.",
     "NAC"),
    # ... or used twice: a body of its own
    ("The National Crime Agency (NCA) briefed the NAC on Monday. The NAC said it would review the case.", "NAC"),
    # a one-off acronym no web text writes, in brackets after a name (a gloss), before a number (a ticker
    # before its price), or a cheap slip of two acronyms (VIP, GOP): no slip of one
    ("Colleen Bayus is a Marketing Specialist on the USA.gov (FCIC) Marketing Team at the agency.", "FCIC"),
    ("Among the miners, Whim Creek rose 40 cents to 11.00 and GMK 30 to 8.50 in late trading.", "GMK"),
    ("Yesterday the student received VOP attention at the company headquarters in California.", "VOP"),
    # ... that word where no name around it is a known one's slip, or inside the name it is part of
    ("He played for Internacional and Gremio before he moved to Europe.", "Internacional"),
    ("The final was played in Porto Alegre, the home of Internacional.", "Alegre"),
]


@pytest.mark.parametrize("text,word", CLEAN)
def test_no_garbled_name_without_the_evidence(text, word):
    assert not [f for f in _g(text) if f[1] == word], _g(text)
