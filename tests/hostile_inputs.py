"""Hostile news-like inputs and the properties every run must keep, shared by ``tests/test_fuzz.py``
(a bounded run in the suite) and ``bench/fuzz.py`` (100,000 examples and more).

An input is news copy (sentences with names, quotations, acronyms, numbers) with hostile parts mixed
in: every kind of quotation mark, mojibake, control and invisible characters, bidi controls, lone
surrogates, NUL, CR-only and mixed newlines, long tokens, combining marks, emoji, HTML fragments and
entities, shortcodes, malformed URLs. Each property returns nothing and raises AssertionError (or the
unexpected exception) on a violation.
"""

from __future__ import annotations

import json
import re
import os

from hypothesis import strategies as st

from cleaner.batch import BatchOptions, process_line
from cleaner.document import Document
from cleaner.errors import InputError
from cleaner.fixer import apply_edits
from cleaner.pipeline import Cleaner
from cleaner.runner import process_file, write_report

SENTENCES = [
    "The city council approved the budget on Tuesday after a long debate.",
    "\u201cWe will not back down,\u201d said Maria Lopez, a spokeswoman for the ministry.",
    '"It was a difficult year," he said. "But we survived."',
    "The Associated Press reported that NATO officials met in Brussels.",
    "Shares of Apple Inc rose 3.5% to $182.40 in early trading on Wall Street.",
    "According to the Syrian Observatory for Human Rights, 12 people died.",
    "Prime Minister Justin Trudeau told reporters in Ottawa that talks would resume.",
    "\u2018I don\u2019t know,\u2019 she said, \u2018but it\u2019s worth trying.\u2019",
    "The U.S. Federal Reserve held rates steady at 5.25 percent.",
    "Officials in Kyiv said the attack began at 4 a.m. local time.",
    "Teh governmnet said it would recieve the report next week.",
    "Source link",
    "Read more: https://news.example.org/story?id=42&ref=home",
    "Share this article",
    "\u00a9 2024 Example News. All rights reserved.",
    "\u00abNous continuerons\u00bb, a d\u00e9clar\u00e9 le ministre fran\u00e7ais.",
    "\u201eWir schaffen das\u201c, sagte die Kanzlerin in Berlin.",
    "Caf&eacute; owners in Paris said the new rules would hurt trade.",
    "The company\u2019s CEO, John Smith, declined to comment , saying only: \u201cNo.\u201d",
    "Advertisement",
]

HOSTILE_PARTS = [
    # quotation marks alone and in runs
    '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a",
    '""', '"""', "\u201c\u201c", "'\"'", ",\u201d", ".\u201d,", "\u201d\u201c",
    # mojibake and entities
    "Ã©", "â€™", "â€œ", "â€\x9d", "Ã¶", "Ã\xa0", "Ã¢â‚¬â„¢", "&amp;", "&nbsp;", "&#0;", "&#x110000;",
    "&eacute", "&#55296;", "&lt;script&gt;",
    # control, invisible, bidi, odd code points
    "\x00", "\x07", "\x08", "\x1b[31m", "\x7f", "\x85", "\x9d", "\u2028", "\u2029", "\u200b", "\u200d",
    "\u200e", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffd", "\ufffe", "\U0010ffff", "\ue000",
    "\udc80", "\ud800", "\udcff\udcfe",  # lone surrogates (surrogateescape'd bytes)
    "e\u0301", "\u0301\u0301\u0301", "\U0001f600", "\U0001f1fa\U0001f1f8", "\u4e2d\u6587", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "\u05e9\u05dc\u05d5\u05dd", "\ufb01", "\u2126",
    # ligatures of PDF scrapes, with the gaps a scrape leaves beside them (E009 joins the pieces)
    "bene \ufb01ts", "ri \ufb02 e", "a \ufb01 re", "of\ufb01ce", "\ufb00\ufb03\ufb04 ", " \ufb06",
    # words a print line break divided at a hyphen (S004 joins two or more), a compound broken at its hyphen
    "was rein- stated by the inter- national", "orga- nisers", "co- operate", "middle- class", "Rus- sia- n",
    "\u00a0", "\u3000", "\t", "\x0b", "\x0c",
    # newlines of every kind
    "\r", "\r\n", "\n\n", "\r\r", "\n\r", "\n \n", "\n\n\n\n",
    # HTML fragments and shortcodes
    "<p>", "</p>", "<div class=\"ad\">", "</div>", "<br>", "<script>alert(1)</script>", "<!--", "-->",
    "<![CDATA[", "<a href=\"http://[bad\">link</a>", "<img src=x onerror=1>", "[ad_1]", "[caption id=\"x\"]",
    "[/caption]", "<<>>", "</",
    # punctuation runs and odd tokens
    ",.", ".,", "!!", "??", "...", "\u2026", " , ", " .", "--", "\u2014", "(", ")", "[", "]", "{", "}",
    "http://[bad", "https://", "mailto:", "U.S", "e.g.", "ISIS", "Isis", "isis", "nato", "NATo", "GvU",
    "McDONALD", "O'Brien", "o\u2019brien", "l'", "'s", "s'", "1,000,000", "3.14.15", "#1", "@user",
]

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u00e9\u00fc\u0142\u03b1\u0436"


@st.composite
def long_token(draw) -> str:
    """A token far longer than any word: one letter repeated, random letters, or a repeated syllable."""
    size = draw(st.integers(31, 400))
    how = draw(st.integers(0, 2))
    if how == 0:
        return draw(st.sampled_from(_LETTERS)) * size
    if how == 1:
        return draw(st.text(alphabet=_LETTERS, min_size=size, max_size=size))
    return draw(st.sampled_from(["ab", "Ab", "qu", "\u201c\u201d", "a'", ".,"])) * (size // 2)


PIECES = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(HOSTILE_PARTS),
    long_token(),
    st.text(max_size=12),  # any code points at all
)
SEPARATORS = st.sampled_from([" ", " ", "", "\n\n", "\n", "\r\n", "\r", "\n\n\n", "\t"])


# -- chains: where one repair's output is the next round's input -------------------------------------

#: characters of mojibake and of quotation: a run of them repeated is where ftfy's diff can be laid out
#: anywhere and where one check's edit can make another's (``bench/fix_convergence.py``'s ``runs``)
_RUN_CHARACTERS = "\u201c\u201d\u2018\u2019\"'\u00ab\u00bb\u201e\u2039\u203a\u2026\u2014.,\u00c3\u00a9\u00e2\u20ac\u2122\u0153\u00a2\u00bc"
#: mojibake put before a run (its own characters follow it: ``Ã“”“”…``, ``â€™’’’``)
_RUN_HEADS = ["", "\u00c3", "\u00e2\u20ac", "\u00c3\u201c", "\u00e2\u20ac\u2122", "\u00e2\u201e\u00a2", "\u00c3\u00a9"]
#: every quotation mark, German, angle and single ones included, to put around words
_CHAIN_MARKS = ["\u201e", "\u201c", "\u201d", "\u2018", "\u2019", "'", '"', "\u00ab", "\u00bb", "\u2039", "\u203a"]
#: words, and shapes the quotation and encoding repairs read (a contraction typed with a double mark,
#: a double mark typed as two singles, mojibake of a sign and of a lost closing mark)
_CHAIN_WORDS = ["the", "mayor", "said", "we", "will", "stay", "Tom", "fight", "council", "on", "Monday", "2023",
                'isn"t', 'Brazil"s', "\u2018\u2018", "\u2019\u2019", "\u00c2\u00a9", "\u00e2\u20ac\ufffd", "it,\u2019", "said.\u201c"]


@st.composite
def repeated_run(draw) -> str:
    """A short unit of mojibake and quotation characters repeated, often after a piece of mojibake
    (``Ã“”“”…“” ``, ``„a„a„a“``): a repair that applies part of such a run leaves the rest to the next round."""
    unit = draw(st.text(alphabet=_RUN_CHARACTERS + "ab ", min_size=1, max_size=3))
    return draw(st.sampled_from(_RUN_HEADS)) + unit * draw(st.integers(2, 20))


@st.composite
def mark_chain(draw) -> str:
    """One paragraph of words with quotation marks of every kind around them, a few to a few hundred
    (``„Yes the mayor said.“ ‘We isn"t » « fair,"``): its marks pair by chance, and a repair of one pair
    can make the next (Q009 and Q011 took a fix round each, past the last round)."""
    size = draw(st.sampled_from([8, 40, 300]))
    size = draw(st.integers(size // 2, size))  # (a list's own size is drawn small: most chains need many marks)
    words = draw(st.lists(st.tuples(st.sampled_from(_CHAIN_WORDS), st.sampled_from(["", "", "before", "after"]),
                                    st.sampled_from(_CHAIN_MARKS)), min_size=size, max_size=size))
    return " ".join(mark + word if where == "before" else word + mark if where == "after" else word
                    for word, where, mark in words)


CHAIN_PIECES = st.one_of(PIECES, repeated_run(), mark_chain())


def chain_texts(max_pieces: int = 8):
    """News copy (``news_texts``) in which repeated runs and paragraphs of mixed marks come often."""
    return news_texts(max_pieces=max_pieces, pieces=CHAIN_PIECES, min_pieces=1)


@st.composite
def news_texts(draw, max_pieces: int = 14, pieces=PIECES, min_pieces: int = 0) -> str:
    """News copy with hostile parts mixed in (mostly sentences, so the checks have something to read)."""
    count = draw(st.integers(min_pieces, max_pieces))
    parts = []
    for _ in range(count):
        parts.append(draw(pieces))
        parts.append(draw(SEPARATORS))
    return "".join(parts)


@st.composite
def html_pages(draw) -> str:
    """A page or fragment around hostile news text (unclosed and deep tags included)."""
    body = draw(news_texts(max_pieces=8))
    depth = draw(st.integers(0, 30))
    wrap = draw(st.sampled_from(["<div>", "<p>", "<span>", "<section><article>", "<b><i>"]))
    page = wrap * depth + "<p>" + body + "</p>" + draw(st.sampled_from(["", "</div>" * depth, "</html>"]))
    if draw(st.booleans()):
        page = "<html><head><title>T</title><link rel=\"canonical\" href=\"" + draw(URLS) + "\"></head><body>" + page
    return page


URLS = st.one_of(
    st.sampled_from(["https://news.example.org/a", "http://[bad", "http://[::1", "http://a:b:c", "http://:99999",
                     "https://exa mple.org/", "javascript:alert(1)", "file:///etc/passwd", "//host", "http://\u0000/",
                     "http://xn--/", "ftp://news.example.org/a", "http://[fe80::1%eth0]/", "http://a@b@c/", ""]),
    st.text(max_size=20),
)

ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "cp1250", "cp1251", "mac_roman", "iso-8859-15", "utf-16"]


def _utf8_bytes(text: str) -> bytes:
    r"""UTF-8 as a careless writer makes it: ``\udc80``-``\udcff`` as the bytes they stand for, any other
    lone surrogate as its three CESU bytes (``\ud800`` -> ``ED A0 80``), both invalid UTF-8 in the file.

    >>> _utf8_bytes("a\udce9\ud800")
    b'a\xe9\xed\xa0\x80'
    """
    return b"".join(part.encode("utf-8", "surrogateescape" if len(part) == 1 and 0xDC80 <= ord(part) <= 0xDCFF
                                else "surrogatepass") for part in re.split("([\ud800-\udfff])", text) if part)


@st.composite
def file_bytes(draw) -> tuple:
    """``(suffix, bytes)``: hostile text (or JSONL records) in some encoding and newline style."""
    suffix = draw(st.sampled_from([".txt", ".md", ".jsonl", ".html"]))
    if suffix == ".jsonl":
        lines = []
        for _ in range(draw(st.integers(0, 4))):
            lines.append(draw(record_lines()))
        text = "\n".join(lines) + draw(st.sampled_from(["", "\n"]))
    elif suffix == ".html":
        text = draw(html_pages())
    else:
        text = draw(news_texts(max_pieces=10))
    newline = draw(st.sampled_from([None, "\r\n", "\r"]))
    if newline:
        text = text.replace("\n", newline)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = _utf8_bytes(text) if encoding == "utf-8" else text.encode(encoding, errors="replace")
    if draw(st.integers(0, 9)) == 0:  # stray bytes anywhere
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(min_size=1, max_size=4)) + data[cut:]
    return suffix, data


@st.composite
def record_lines(draw) -> str:
    """One JSONL line: mostly a record with hostile text, sometimes a broken or hostile line."""
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.sampled_from(["[" * 5000, "{" * 200, "[1, 2]", "null", "\"text\"", "{\"text\": ",
                                     "{\"text\": \"a\"} trailing", "\ufeff{\"text\": \"a\"}", "{\"text\": \"\\ud800\"}",
                                     "{\"text\": NaN}", "{\"text\": 1e999}", "{\"a\":" * 120 + "1" + "}" * 120]))
    record: dict = {"id": draw(st.one_of(st.integers(), st.text(max_size=5), st.none()))}
    if kind == 1:
        record["html"] = draw(html_pages())
    elif kind == 2:
        record["text"] = draw(st.one_of(st.integers(), st.none(), st.lists(st.text(max_size=3), max_size=2)))
    else:
        record["text"] = draw(news_texts(max_pieces=10))
    if draw(st.booleans()):
        record["url"] = draw(st.one_of(URLS, st.integers()))
    if draw(st.integers(0, 4)) == 0:
        record["title"] = draw(st.text(max_size=10))
    return json.dumps(record, ensure_ascii=draw(st.booleans()))


# -- the properties ------------------------------------------------------------------------------

def _excerpt_of(text: str, start: int, end: int) -> str:
    excerpt = text[start:end]
    return excerpt if len(excerpt) <= 80 else excerpt[:77] + "..."


def assert_finding_consistent(finding, text: str, *, excerpt: bool = True) -> None:
    """A finding's span is in range and its line, column and excerpt describe exactly that span."""
    assert 0 <= finding.start <= finding.end <= len(text), (finding.code, finding.start, finding.end, len(text))
    doc = Document(text)
    assert (finding.line, finding.col) == doc.position(finding.start), (finding.code, finding.line, finding.col)
    assert (finding.end_line, finding.end_col) == doc.position(finding.end), (finding.code, finding.end_line)
    if excerpt:
        assert finding.excerpt == _excerpt_of(text, finding.start, finding.end), (finding.code, finding.excerpt)


def assert_clean_properties(cleaner: Cleaner, source: str, **kwargs) -> None:
    """``clean`` raises only InputError; findings are consistent; edits touch only what they point at;
    a second clean changes nothing."""
    try:
        result = cleaner.clean(source, **kwargs)
    except InputError:
        return
    original = result.source_text
    applied = [f for f in result.findings if f.applied]
    for finding in result.findings:
        assert_finding_consistent(finding, original)
    for finding in result.remaining:
        assert_finding_consistent(finding, result.text)
    if applied and not any("fix_round" in f.extra for f in applied):
        assert apply_edits(original, applied) == result.text  # one round: exactly the reported edits
    if applied:  # nothing before the first or after the last reported edit changed
        first, last = min(f.edit_start for f in applied), max(f.edit_end for f in applied)
        tail = len(original) - last
        assert result.text[:first] == original[:first]
        assert result.text[len(result.text) - tail:] == original[last:]
    else:
        assert result.text == original
    again = cleaner.clean(result.text, kind="text")
    assert again.text == result.text, "fix is not idempotent"
    assert not any(f.applied for f in again.findings)


def assert_check_properties(cleaner: Cleaner, source: str) -> None:
    """``check`` raises only InputError, changes nothing, and its findings are consistent."""
    try:
        result = cleaner.check(source)
    except InputError:
        return
    assert result.text == result.source_text
    for finding in result.findings:
        assert not finding.applied
        assert_finding_consistent(finding, result.source_text)


def assert_fix_file_properties(cleaner: Cleaner, folder: str, suffix: str, data: bytes) -> None:
    """``fix`` on a file never raises, rewrites only a file it may, and a second ``fix`` changes nothing.
    A file it does not rewrite keeps its bytes; ``check`` on the result agrees."""
    path = os.path.join(folder, "article" + suffix)
    with open(path, "wb") as handle:
        handle.write(data)
    report = process_file(cleaner, path, fix=True)
    if report.error and report.new_bytes is None:
        assert open(path, "rb").read() == data  # an input error loses nothing
    write_report(report)
    after = open(path, "rb").read()
    if report.new_bytes is None:
        assert after == data
    second = process_file(cleaner, path, fix=True)
    assert second.new_bytes is None or second.new_bytes == after, "fix is not idempotent on the file"
    checked = process_file(cleaner, path, fix=False)
    assert checked.new_bytes is None
    assert open(path, "rb").read() == after  # check never writes


def assert_batch_properties(cleaner: Cleaner, raw: str) -> None:
    """A batch line becomes an output record or a reject with a reason, never an exception; an output
    keeps every input field."""
    outcome = process_line(cleaner, raw, {"line": 1}, BatchOptions())
    record = json.loads(outcome.line)
    if outcome.ok:
        original = json.loads(raw)
        assert all(record[key] == value for key, value in original.items() if key != "clean_text")
        assert isinstance(record["clean_text"], str) and "cleaner" in record
    else:
        assert record["reason"] and not record["reason"].startswith("error:"), record["reason"]
