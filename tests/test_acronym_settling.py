"""G001's acronym rewrites settle in one fix round: the pass decides from the article's acronym counts,
its own fixes change those counts, so it makes its decisions again on the rewritten mentions before it
reports (``acronyms._settled``). Without that, ``fix --unsafe-fixes`` took a round per link of a chain
(``WFD`` → ``WFE`` → ``WEF``) and a dense text of capitals 4-7 rounds."""

import re

import pytest

from cleaner import Cleaner

# a garbled acronym that is one edit from another garble of the same acronym: WFD is a slip of WFE
# (used twice), and WFE one of WEF (used three times)
CHAIN = (
    "DAVOS, Switzerland — Business leaders gathered on Tuesday for the annual meeting of the World "
    "Economic Forum, where the WEF released its latest survey of chief executives.\n\n"
    "The WEF said that inflation and trade tensions topped the list of worries. A WFE spokesperson said "
    "the report would be discussed on Wednesday.\n\n"
    "Delegates from the WFE said the WEF had invited more than 300 heads of state this year. The WFD "
    "delegation arrived late, organisers said.\n"
)
# a fix that raises a count past a threshold: WEF used twice does not outweigh WFE used twice, but
# once the doubled-letter WEFF is fixed to WEF it is used three times, and WFE is its slip
THRESHOLD = (
    "DAVOS, Switzerland — Business leaders gathered on Tuesday for the annual meeting in the Alpine "
    "resort, where the WEF released its latest survey of chief executives.\n\n"
    "The WEF said that inflation and trade tensions topped the list of worries. A WFE spokesperson said "
    "the report would be discussed on Wednesday.\n\n"
    "Delegates from the WFE said the WEFF had invited more than 300 heads of state this year.\n"
)


@pytest.mark.parametrize("select", [None, ["G"]])
@pytest.mark.parametrize("text, garbled", [(CHAIN, ["WFE", "WFE", "WFD"]), (THRESHOLD, ["WFE", "WFE", "WEFF"])])
def test_acronym_fixes_reach_a_fixed_point_in_one_round(text, garbled, select):
    cleaner = Cleaner(select=select, unsafe_fixes=True)
    found = [f for f in cleaner.check(text).findings if f.code == "G001"]
    assert sorted(f.excerpt for f in found) == sorted(garbled)
    assert {f.suggestion for f in found} == {"WEF"}  # each to where the chain ends, not to its next link
    assert all(f.message.startswith(f"'{f.excerpt}'") for f in found)  # the message names what the text says
    result = cleaner.clean(text)
    applied = [f for f in result.findings if f.applied]
    assert sorted(f.excerpt for f in applied if f.code == "G001") == sorted(garbled)
    assert all("fix_round" not in f.extra for f in applied)  # every edit in the first round
    assert result.text == re.sub(r"\b(?:" + "|".join(garbled) + r")\b", "WEF", text)
    again = cleaner.clean(result.text)
    assert again.text == result.text and not [f for f in again.findings if f.applied]


def test_acronym_rewrites_that_settle_nowhere_report_nothing_new():
    # real acronyms used repeatedly are no chain: the settling adds nothing where nothing is rewritten
    text = ("The SEC and the FEC both opened inquiries. The SEC said on Monday that the FEC had not replied, "
            "and the SEC would wait.\n\nThe FEC declined to comment.\n")
    cleaner = Cleaner(select=["G"], unsafe_fixes=True)
    assert [f for f in cleaner.check(text).findings if f.code == "G001"] == []
    assert cleaner.clean(text).text == text
