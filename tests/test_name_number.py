"""G003 number-changed names: a gazetteer name with one word's number flipped."""

from cleaner import Cleaner


def _g(text):
    return [(f.code, text[f.start:f.end], f.suggestion, f.fix)
            for f in Cleaner(select=["G003"]).check(text).findings]


def test_a_known_name_with_a_word_made_plural_or_singular():
    text = ("Officials from the Internal Revenue Services met members of the European Unions on Monday. "
            "The United Nation said the talks would resume, and the World Health Organisations declined "
            "to comment. Analysts at Stanford Universities said the Asian Developments Bank agreed.")
    assert _g(text) == [
        ("G003", "Services", "Service", "unsafe"),
        ("G003", "Unions", "Union", "unsafe"),
        ("G003", "Nation", "Nations", "unsafe"),
        ("G003", "Organisations", "Organisation", "unsafe"),
        ("G003", "Universities", "University", "unsafe"),
        ("G003", "Developments", "Development", "unsafe"),
    ]


def test_a_possessive_keeps_its_apostrophe():
    text = "Officials of the International Monetary Funds’ board met. The United State’s envoy left."
    assert _g(text) == [
        ("G003", "Funds’", "Fund’s", "unsafe"),
        ("G003", "State’s", "States’", "unsafe"),
    ]
    fixer = Cleaner(select=["G003"], unsafe_fixes=True)
    fixed = fixer.clean(text).text
    assert fixed == "Officials of the International Monetary Fund’s board met. The United States’ envoy left."
    assert fixer.clean(fixed).text == fixed


def test_the_writers_own_number_is_left_alone():
    clean = [
        # a plural used as a common noun: after a number or plural word, in a coordination, or throughout
        "The two Federal Reserve Banks disagreed, and Audis and Range Rovers and BMWs sold well.",
        "Finance Ministries and central banks of the other nations met in Paris.",
        "The Federal Reserve Banks lend. The Federal Reserve Banks also supervise.",
        # a plural head shared by a coordination, or before a joining word
        "The Departments of Education and Labor agreed, as did ships in the Straits of Hormuz.",
        # the singular describing the noun after it
        "Loan losses in its Rocky Mountain states rose, a Liberal Democrat party official said, and "
        "Singapore Airline shares fell.",
        # part of a longer name, or one word of a name
        "Evergreen Marine Corp and the United States Department of Agriculture spoke. The Republican "
        "senator agreed.",
        # the names written in their own number
        "The United Nations, the European Union and the Internal Revenue Service met the World Bank.",
    ]
    for text in clean:
        assert _g(text) == [], text


def test_a_title_case_headline_is_left_alone():
    assert _g("Internal Revenue Services To Audit More Firms\n\nThe agency said it would hire staff.") == []
