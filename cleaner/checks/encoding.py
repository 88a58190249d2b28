"""E: damage to the characters themselves — mojibake, leftover entities and tags, invisible characters,
control characters, broken whitespace.

ftfy does the mojibake and entity repair (with ``uncurl_quotes=False`` and no width or normalisation
changes, so the quote checks still see the publisher's real marks); its output is diffed against the
input to turn each repair into an offset finding. ftfy keeps zero-width characters and soft hyphens,
so those have their own check here.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from .. import local_diff
from ..document import Document
from ..finding import Finding
from ..rulepacks import load_builtin
from .apostrophes import lost_apostrophes
from .ftfy_gate import ftfy_fixed

SOURCE = "encoding"
# what E finds in a line depends on that line alone (ftfy fixes line by line; every pattern stays
# inside a line): a fix round re-checks only the lines its edits touched (cleaner/recheck.py)
RECHECK = "lines"


@lru_cache(maxsize=1)
def _tables():
    pack = load_builtin("encoding")
    invisible = {chr(int(k, 16)): v for k, v in pack["invisible"].items()}
    odd_spaces = {chr(int(k, 16)): v for k, v in pack["odd_spaces"].items()}
    inline = pack["markup"]["inline_tags"]
    block = pack["markup"]["block_tags"]
    invisible_re = re.compile("[" + "".join(re.escape(c) for c in invisible) + "]+")
    odd_space_re = re.compile("[" + "".join(re.escape(c) for c in odd_spaces) + "]")
    # A tag name ends at a space, "/" or ">" (``<A.C. Goode and Co>``, ``<A/S Norske Shell>`` are names)
    tag_re = re.compile(r"</?(%s)(?:\s[^<>\n]{0,200}?)?/?>" % "|".join(inline + block), re.IGNORECASE)
    return invisible, odd_spaces, set(inline), invisible_re, odd_space_re, tag_re


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
# an entity, escaped again any number of times (``&amp;amp;eacute;``): one finding for the whole chain
_ENTITY_RE = re.compile(r"&(?:amp;)*(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S)  +(?=\S)")
# from the start of a run only: tried inside a long run of spaces not at a line end, ``[ \t]+$`` ran
# to the run's end and failed at every one of its characters (100,000 tabs: 48 s)
_TRAILING_SPACE_RE = re.compile(r"(?<![ \t])[ \t]+(?=[\r\n]|\Z)")  # before LF, CR (a CRLF or a lone CR) or the end
_EMOJI_NEIGHBOUR = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
_REPLACEMENT_RE = re.compile("\ufffd+")


@lru_cache(maxsize=1)
def _ftfy_config():
    import ftfy

    return ftfy.TextFixerConfig(
        uncurl_quotes=False,
        fix_character_width=False,
        fix_latin_ligatures=False,
        normalization=None,
        unescape_html=False,
        remove_control_chars=False,
        fix_line_breaks=False,
        explain=False,
    )


# The closing double quote ” is E2 80 9D in UTF-8; read as Windows-1252, 9D is no character, so a page
# decoded so keeps ``â€`` (``Ã¢â‚¬Â`` when encoded twice) and drops the third byte. ftfy then reads a
# following space as a lost no-break space and gives the dagger ``†`` (E2 80 A0), or leaves ``â€`` as
# it is. The lost byte is put back, so that ftfy gives ``”``: before a space, a line end, punctuation
# or the next mojibake sequence (``â€â€”``: ``”—``); after a space before a word (a publisher's ``”``
# for ``“``: the quote checks turn it); after a stop before a capital (``it?â€This``). A no-break space
# after it is left to ftfy (a real dagger's own third byte). Between two letters the lost byte is the
# hyphen's, U+2010 (E2 80 90: ``code‐inspection``). Only ASCII letters count: ``œ``, ``Š`` after
# ``â€`` are the third byte itself (``“``, a hair space).
# Encoded twice, ``Ã¢â‚¬`` is followed by its own third byte encoded twice, which starts with ``â``,
# ``Â``, ``Å``, ``Æ`` or ``Ë`` (``Ã¢â‚¬â„¢`` is ``’``, ``Ã¢â‚¬Â¦`` is ``…``): the next sequence after a lost
# byte starts with ``Ã`` there.
_LOST_CLOSING_QUOTE = re.compile(
    r"â€(?=[ \t\n.,;:!?)\]âÃÂ]|$)|Ã¢â‚¬Â?(?=[ \t\n.,;:!?)\]Ã]|$)|(?<!\S)â€(?=[A-Za-z0-9])|(?<=[.!?,])â€(?=[A-Z])"
    # ... and that third byte's own lost byte: ``Ã¢â‚¬â€`` before no byte of a sequence is ``—`` (``â€`` is ``”``)
    r"|(?<=Ã¢â‚¬)â€(?![\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ])")
_LOST_HYPHEN = re.compile(r"(?<=[A-Za-z])â€(?=[A-Za-z])")
# The same third byte read by a decoder that replaces what it cannot map (``errors="replace"``): ``â€�``.
# Of the bytes Windows-1252 leaves undefined, only 9D (``”``) and 90 (``‐``, between letters) follow E2 80
# in news text (81, 8D and 8F give an em quad, a zero-width joiner and a right-to-left mark).
_REPLACED_THIRD_BYTE = re.compile("â€�")
_REPLACED_HYPHEN = re.compile("(?<=[A-Za-z])â€�(?=[A-Za-z])")


def _restore_lost_bytes(text: str) -> str:
    """``text`` with the dropped third byte of each mojibake ``”`` (and ``‐``) put back, for ftfy.

    >>> from cleaner.checks.encoding import _ftfy_config
    >>> ftfy_fixed(_restore_lost_bytes('â€œWe won,â€ she said. â€œNo.â€â€” codeâ€based'), _ftfy_config)
    '“We won,” she said. “No.”— code‐based'
    >>> ftfy_fixed(_restore_lost_bytes('â€œWe won,â€\ufffd she said, in codeâ€\ufffdbased tests.'), _ftfy_config)
    '“We won,” she said, in code‐based tests.'
    >>> ftfy_fixed(_restore_lost_bytes('the groupÃ¢â‚¬â„¢s lawyers Ã¢â‚¬Â¦ and Ã¢â‚¬Â¢ itemsÃ¢â‚¬Â'), _ftfy_config)
    'the group’s lawyers … and • items”'
    """
    if "â€" not in text and "Ã¢â‚¬" not in text:
        return text
    if "\ufffd" in text:  # the third byte replaced, not dropped: ``customers,â€� she said``
        text = _REPLACED_THIRD_BYTE.sub("â€\x9d", _REPLACED_HYPHEN.sub("â€\x90", text))
    # encoded twice, the byte lost at the first decoding: ``Ã¢â‚¬`` (``Ã¢â‚¬Â`` when its C1 was kept)
    return _LOST_HYPHEN.sub("â€\x90", _LOST_CLOSING_QUOTE.sub(
        lambda m: m.group() + ("Â\x9d" if m.group() == "Ã¢â‚¬" else "\x9d"), text))


def _repaired(text: str) -> str:
    """``text`` as ftfy repairs it once the lost third bytes are back; a line where ftfy leaves a put-back
    byte unread (``Ã¢â‚¬â„¢``: no sequence ftfy knows) is repaired without them, so that nothing the
    restoration adds reaches the output and a second ``fix`` changes nothing.

    >>> _repaired("â€œWe won,â€ she said.")
    '“We won,” she said.'
    >>> _repaired("\x80Ã¢â‚¬â„¢ ")
    '€Ã¢â‚¬â„¢ '
    """
    restored = _restore_lost_bytes(text)
    fixed = ftfy_fixed(restored, _ftfy_config)
    if restored is text or not _leaks(text, fixed):
        return fixed
    lines = []
    for line in text.split("\n"):
        repaired = ftfy_fixed(_restore_lost_bytes(line), _ftfy_config)
        lines.append(ftfy_fixed(line, _ftfy_config) if _leaks(line, repaired) else repaired)
    return "\n".join(lines)


def _leaks(before: str, after: str) -> bool:
    """Does ``after`` hold more of the bytes _restore_lost_bytes puts back than ``before`` did?"""
    return after.count("\x9d") > before.count("\x9d") or after.count("\x90") > before.count("\x90")


def mojibake(doc: Document) -> list[Finding]:
    """E001: text decoded with the wrong codec, repaired by ftfy.

    ``The cafÃ© is open`` → ``The café is open``; ``â€œWe won,â€ she said`` → ``“We won,” she said``.
    """
    text = doc.text
    fixed = _repaired(text)
    if fixed == text:
        return []
    findings = []
    old_lines = text.split("\n")
    new_lines = fixed.split("\n")
    if len(old_lines) != len(new_lines):
        pairs = [(0, text, fixed)]
    else:
        pairs = []
        offset = 0
        for old, new in zip(old_lines, new_lines):
            if old != new:
                pairs.append((offset, old, new))
            offset += len(old) + 1
    for base, old, new in pairs:
        for start, end, replacement in _merge_opcodes(local_diff.opcodes(old, new), old, new):
            short = (end - start) <= 2 and not old[start:end].strip("ÂÃâ€") and replacement not in ("”", "‐") \
                and not _lead_byte_before_a_sign(old, start, end, replacement)
            findings.append(
                doc.finding(
                    "E001",
                    f"mojibake: '{old[start:end]}' should read '{replacement}'",
                    base + start,
                    base + end,
                    suggestion=replacement,
                    fix="unsafe" if short else "safe",
                    confidence=0.7 if short else 0.95,
                    source="ftfy",
                )
            )
    return findings


def _lead_byte_before_a_sign(line: str, start: int, end: int, replacement: str) -> bool:
    """Is ``line[start:end]`` a lone ``Â`` that ftfy deletes before a Latin-1 sign (``Â©``, ``Â£10``,
    ``Â½``, ``5Â°C``) or a no-break space (``TheÂ\xa0Scot``), or an ``Â`` and the space a scraper made
    of that no-break space, which ftfy reads back as one (``TheÂ Scot``)? That is the lead byte C2 of
    the character's UTF-8 read as Windows-1252: no word puts ``Â`` there, so the repair is sure.

    >>> _lead_byte_before_a_sign("Â© 2023", 0, 1, ""), _lead_byte_before_a_sign("Âge", 0, 1, "")
    (True, False)
    >>> _lead_byte_before_a_sign("TheÂ\xa0Scot", 3, 4, ""), _lead_byte_before_a_sign("TheÂ Scot", 3, 5, "\xa0")
    (True, True)
    """
    if line[start:end] == "Â " and replacement == "\xa0":
        return True
    return line[start:end] == "Â" and not replacement and line[end:end + 1] in _LATIN1_SIGNS


_LATIN1_SIGNS = frozenset("\xa0¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿")


def _merge_opcodes(opcodes, old: str, new: str):
    """Group diff opcodes separated by fewer than 3 equal characters into one edit each."""
    groups: list[list[int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        if groups and i1 - groups[-1][1] < 3:
            groups[-1][1] = i2
            groups[-1][3] = j2
        else:
            groups.append([i1, i2, j1, j2])
    for i1, i2, j1, j2 in groups:
        yield i1, i2, new[j1:j2]


def leftover_entities(doc: Document) -> list[Finding]:
    """E002: an HTML entity left in the text. ``Q&amp;A`` → ``Q&A``; an entity escaped again and again
    is decoded all the way in one edit (each ``&amp;`` decodes to a ``&`` that starts the next one),
    so ``fix`` needs no round per level:

    >>> [f.suggestion for f in leftover_entities(Document("Caf&amp;amp;eacute; and &amp;amp;amp; &amp;foo;"))]
    ['é', '&', '&foo;']
    """
    findings = []
    for match in _ENTITY_RE.finditer(doc.text):
        import html  # (with its table of 2,231 entities: imported when a text first holds one)

        decoded = html.unescape(f"&{match.group(1)};")
        if decoded == match.group(0):
            continue
        findings.append(
            doc.finding("E002", f"HTML entity '{match.group(0)}' left in the text", match.start(), match.end(),
                        suggestion=decoded, fix="safe", source=SOURCE)
        )
    return findings


def _names_a_company(tag: str, name: str) -> bool:
    """Whether a tag-shaped span is a name in angle brackets, as wire copy marks companies: bare
    capitalised words where markup has attributes (``name`` or ``name=value``, lower case in practice).

    >>> _names_a_company("<I P Sharp Associates Ltd>", "I"), _names_a_company('<span class="nb">', "span")
    (True, False)
    >>> _names_a_company("<Li Ka-shing Foundations Ltd>", "Li"), _names_a_company("<br />", "br")
    (True, False)
    """
    attributes = tag[1 + tag.startswith("</") + len(name):-1].strip(" /")
    return bool(attributes) and "=" not in attributes and any(w[:1].isupper() for w in attributes.split())


# a stock symbol's neighbours in wire copy: a capitalised word and one space before, no letter after
_TICKER_BEFORE = re.compile(r"[A-Z][\w.&'’-]{0,29} \Z")  # (\Z: "$" also matches before a final newline)
_TICKER_AFTER = re.compile(r"[\w<]")


def _marks_a_ticker(text: str, start: int, end: int) -> bool:
    """Whether a bare tag ``text[start:end]`` (``<U>``, ``<EM>``, no attributes) sits where wire copy
    puts a company's stock symbol: right after the company's name and a space, before a space or
    punctuation (``USAir Group Inc <U> stock``, ``Philips Petroleum <P> gained``). Reads at most 31
    characters before it. A tag the same line closes is markup all the same (see ``leftover_tags``).

    >>> t = "USAir Group Inc <U> stock rose; the <b>mayor said"
    >>> _marks_a_ticker(t, 16, 19), _marks_a_ticker(t, 36, 39)
    (True, False)
    >>> _marks_a_ticker("Line one.<I>Line two", 9, 12), _marks_a_ticker("in Berlin. \\n<p> The city", 12, 15)
    (False, False)
    """
    if start < 2 or text[start + 1] == "/" or not _TICKER_BEFORE.search(text, max(0, start - 31), start):
        return False
    return end == len(text) or not _TICKER_AFTER.match(text, end)


_QUOTES = "'\""


def _ends_a_statement(text: str, line_end: int) -> bool:
    """Whether the line ending at ``line_end`` ends as a statement of program code does (``;``, then
    only spaces). Reads back over the trailing spaces only.

    >>> _ends_a_statement("$val.= '</div>';  ", 18), _ends_a_statement("He said <b>no</b>.", 18)
    (True, False)
    """
    pos = line_end - 1
    while pos >= 0 and text[pos] in " \t\r":
        pos -= 1
    return pos >= 0 and text[pos] == ";"


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether a quote touches ``text[start:end]`` (``'<strong>'``): in a line of program code the
    article shows (``$out .= '<strong>' . $name . '</strong>';``) such a tag is a string literal, the
    article's content, not leftover markup.

    >>> code = "$val.= '<strong>' . $atts['name'] . '</strong>';"
    >>> _quoted(code, 8, 16), _quoted(code, 37, 46), _quoted("The <b>mayor</b> said;", 4, 7)
    (True, True, False)
    """
    return (start > 0 and text[start - 1] in _QUOTES) or (end < len(text) and text[end] in _QUOTES)


def _line_numbers(text: str, matches: list) -> list:
    """The line number of each match (in text order), counting newlines between neighbours only."""
    out, line, pos = [], 0, 0
    for match in matches:
        line += text.count("\n", pos, match.start())
        pos = match.start()
        out.append(line)
    return out


def leftover_tags(doc: Document) -> list[Finding]:
    """E003: an HTML tag left in the text. ``the <b>mayor</b> said`` → ``the mayor said``.

    Not a tag: a name in angle brackets (``<I P Sharp Associates Ltd>``), a stock symbol after its
    company (``Entertainment Marketing Inc <EM> said``), unless the same line closes that tag, or a
    string literal in a line of code the article shows (``$val.= '<strong>';``).
    """
    _, _, inline, _, _, tag_re = _tables()
    findings = []
    text = doc.text
    matches = list(tag_re.finditer(text))
    lines = _line_numbers(text, matches)
    closed = {(line, m.group(1).lower()) for m, line in zip(matches, lines) if m.group(0).startswith("</")}
    line_end, statement = -1, False  # the current match's line: read once per line, so the scan stays linear
    for match, line in zip(matches, lines):
        if _names_a_company(match.group(0), match.group(1)):
            continue
        if match.start() > line_end:
            line_end = text.find("\n", match.start())
            line_end = len(text) if line_end < 0 else line_end
            statement = _ends_a_statement(text, line_end)
        if statement and _quoted(text, match.start(), match.end()):
            continue
        bare = match.end() - match.start() == len(match.group(1)) + 2
        if bare and (line, match.group(1).lower()) not in closed and _marks_a_ticker(text, match.start(), match.end()):
            continue
        name = match.group(1).lower()
        if name in inline:
            findings.append(doc.finding("E003", f"HTML tag '{match.group(0)}' left in the text", match.start(),
                                        match.end(), suggestion="", fix="safe", source=SOURCE))
        else:
            findings.append(doc.finding("E003", f"HTML tag '{match.group(0)}' left in the text", match.start(),
                                        match.end(), suggestion="\n\n", fix="unsafe", confidence=0.8,
                                        source=SOURCE))
    return findings


def invisible_characters(doc: Document) -> list[Finding]:
    """E004: zero-width and directional characters, soft hyphens. ``Ha\u200bjin`` → ``Hajin``."""
    invisible, _, _, invisible_re, _, _ = _tables()
    text = doc.text
    findings = []
    for match in invisible_re.finditer(text):
        chars = match.group(0)
        if set(chars) <= {"\u200d"}:
            before = text[match.start() - 1: match.start()]
            after = text[match.end(): match.end() + 1]
            if _EMOJI_NEIGHBOUR.match(before or " ") and _EMOJI_NEIGHBOUR.match(after or " "):
                continue
        names = ", ".join(sorted({invisible[c] for c in chars}))
        findings.append(doc.finding("E004", f"invisible character ({names})", match.start(), match.end(),
                                    suggestion="", fix="safe", source=SOURCE))
    return findings


def control_characters(doc: Document) -> list[Finding]:
    """E005: C0/C1 control characters (other than tab and newline). ``said\x07 the`` → ``said the``."""
    findings = []
    for match in _CONTROL_RE.finditer(doc.text):
        codes = ", ".join(f"U+{ord(c):04X}" for c in match.group(0)[:4])
        findings.append(doc.finding("E005", f"control character {codes}", match.start(), match.end(),
                                    suggestion="", fix="safe", source=SOURCE))
    return findings


def broken_whitespace(doc: Document) -> list[Finding]:
    """E006: unusual space characters, runs of spaces between words, trailing spaces.

    ``the  mayor`` → ``the mayor``.
    """
    _, odd_spaces, _, _, odd_space_re, _ = _tables()
    text = doc.text
    findings = []
    for match in odd_space_re.finditer(text):
        findings.append(doc.finding("E006", f"unusual space character ({odd_spaces[match.group(0)]})",
                                    match.start(), match.end(), suggestion=" ", fix="safe", source=SOURCE))
    # the two space patterns open with a look-behind, so the regex engine tries them at every position:
    # a substring search first (in C, a tenth of the time) skips the articles that hold neither shape
    if "  " in text:
        for match in _DOUBLE_SPACE_RE.finditer(text):
            findings.append(doc.finding("E006", "several spaces between words", match.start(), match.end(),
                                        suggestion=" ", fix="safe", source=SOURCE))
    if _may_trail(text):
        for match in _TRAILING_SPACE_RE.finditer(text):
            if match.end() > match.start():
                findings.append(doc.finding("E006", "trailing whitespace at the end of a line", match.start(),
                                            match.end(), suggestion="", fix="safe", source=SOURCE))
    return findings


def _may_trail(text: str) -> bool:
    r"""Could ``_TRAILING_SPACE_RE`` match: does a space or tab stand before a line break (LF, CRLF or a
    lone CR) or at the end?

    >>> _may_trail("one \ntwo"), _may_trail("one\t"), _may_trail("one two\r\nthree"), _may_trail("one \r\ntwo")
    (True, True, False, True)
    """
    return " \n" in text or "\t\n" in text or " \r" in text or "\t\r" in text or text.endswith((" ", "\t"))


def replacement_characters(doc: Document) -> list[Finding]:
    """E008: U+FFFD, a character already lost in an earlier bad decode; report only."""
    return [
        doc.finding("E008", "replacement character: a character was lost when this text was decoded",
                    m.start(), m.end(), source=SOURCE)
        for m in _REPLACEMENT_RE.finditer(doc.text)
    ] if "\ufffd" in doc.text else []


def outside_repairs(findings: list[Finding], repairs: list[Finding]) -> list[Finding]:
    """The findings that overlap no repair span: a C1 control character inside a mojibake sequence
    (``Russia\u00e2\u0080\u0099s``) belongs to E001's repair, and deleting it first would make the
    mojibake unrepairable (``Russia\u00e2s``).

    >>> from cleaner.document import Document
    >>> doc = Document("Russia\u00e2\u0080\u0099s bank said\x07 no.")
    >>> [(f.code, f.start) for f in outside_repairs(control_characters(doc), mojibake(doc))]
    [('E005', 20)]
    """
    spans = sorted((f.start, f.end) for f in repairs)
    starts = [s for s, _ in spans]
    ends = list(itertools.accumulate((e for _, e in spans), max))  # furthest end among spans so far
    kept = []
    for finding in findings:
        i = bisect.bisect_left(starts, finding.end) - 1  # last span starting before the finding ends
        if i >= 0 and ends[i] > finding.start:
            continue
        kept.append(finding)
    return kept


# a typographic ligature of Latin letters (``ﬁ``, ``ﬂ``: U+FB00 to U+FB06), which a PDF or print scrape
# keeps where the type had one; the letters each stands for are ``[ligatures]`` in rules/encoding.toml
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")
_WORD_REACH = 40  # letters read on each side of a ligature, and of the gap beside it: a word's, at most


@lru_cache(maxsize=1)
def _ligature_table() -> dict:
    return {ord(chr(int(k, 16))): v for k, v in load_builtin("encoding")["ligatures"].items()}


def _letters_before(text: str, end: int) -> int:
    """Where the run of letters (ligatures are letters) ending at ``end`` starts, read back at most
    ``_WORD_REACH`` characters."""
    start = end
    while start > 0 and end - start < _WORD_REACH and text[start - 1].isalpha():
        start -= 1
    return start


def _letters_after(text: str, start: int) -> int:
    """Where the run of letters starting at ``start`` ends, read on at most ``_WORD_REACH`` characters."""
    end = start
    while end < len(text) and end - start < _WORD_REACH and text[end].isalpha():
        end += 1
    return end


def _joined(words: list, middle: int, lone: bool, is_word, zipf) -> tuple:
    """``(first, last)`` indexes of the pieces ``words`` (the ligature's word at ``middle``, written out;
    ``lone``: that word was the ligature alone) to join across the scrape's gaps, or ``(middle, middle)``;
    ``is_word`` and ``zipf`` read a lower-case word in the lexicon.

    A piece must join when it is no word on its own (``bene``, ``horri``), and so must a ligature
    standing alone (``ﬁ``). Of the joins that make a dictionary word and take at least one such piece,
    the one taking the most of them wins, then the more frequent word (``a ﬁ re``: ``fire``, not
    ``afire``). Two words join when the word they make is at least as frequent as the rarer of them
    (``de ﬁning``, ``eﬀ orts``: a gap beside a ligature splits a word far more often than it ends one),
    else they stay two (``a ﬁt``, ``oﬀ set``, ``in ﬂow``).

    >>> from cleaner.lexicon import lexicon
    >>> [_joined(w, m, lone, lexicon().is_word, lexicon().zipf) for w, m, lone in ((["de", "fining"], 1, False), (["a", "fit"], 1, False),
    ...                                                    (["a", "fi", "re"], 1, True), (["bene", "fits"], 1, False))]
    [(0, 1), (1, 1), (1, 2), (0, 1)]
    """
    must = {i for i, w in enumerate(words) if not is_word(w.lower())}
    if lone:
        must.add(middle)
    best, best_key = (middle, middle), None
    for lo, hi in ((0, len(words) - 1), (0, middle), (middle, len(words) - 1)):
        taken = must & set(range(lo, hi + 1))
        joined = "".join(words[lo:hi + 1])
        if hi == lo or not is_word(joined.lower()):
            continue
        if not taken and (must or zipf(joined) < min(zipf(w) for w in words[lo:hi + 1])):
            continue
        key = (len(taken), zipf(joined))
        if best_key is None or key > best_key:
            best, best_key = (lo, hi), key
    return best


def ligatures(doc: Document) -> list[Finding]:
    """E009: a Latin ligature character from a PDF or print scrape, written out as its letters
    (``ofﬁce`` → ``office``); where the scrape also put a space beside it (the ligature's glyph width
    read as a gap: ``bene ﬁts``, ``ri ﬂ e``, ``ﬁ rework``), the pieces are joined into the word they
    make (see ``_joined``).

    >>> doc = Document("The ofﬁce said it bene ﬁts the ri ﬂ e club at ﬁ rework shows, in a ﬁ re. A ﬁt man.")
    >>> [(f.excerpt, f.suggestion) for f in ligatures(doc)]
    [('ofﬁce', 'office'), ('bene ﬁts', 'benefits'), ('ri ﬂ e', 'rifle'), ('ﬁ rework', 'firework'), ('ﬁ re', 'fire'), ('ﬁt', 'fit')]
    """
    text = doc.text
    match = _LIGATURE_RE.search(text)
    if match is None:
        return []
    from ..lexicon import lexicon

    table = _ligature_table()
    # each distinct word read once a text (a page of ligatures asks for the same few words again and again)
    is_word, zipf = lru_cache(maxsize=1 << 16)(lexicon().is_word), lru_cache(maxsize=1 << 16)(lexicon().zipf)
    findings, done = [], 0
    for match in _LIGATURE_RE.finditer(text, match.start()):
        if match.start() < done:
            continue  # in the word the finding before took
        start, end = _letters_before(text, match.start()), _letters_after(text, match.end())
        pieces = [(start, end)]
        if start - 2 >= done and text[start - 1] == " " and text[start - 2].isalpha():
            pieces.insert(0, (_letters_before(text, start - 1), start - 1))
        if text[end:end + 1] == " " and text[end + 1:end + 2].isalpha():
            pieces.append((end + 1, _letters_after(text, end + 1)))
        middle = pieces.index((start, end))
        words = [text[a:b].translate(table) for a, b in pieces]
        lone = not _LIGATURE_RE.sub("", text[start:end])
        lo, hi = _joined(words, middle, lone, is_word, zipf) if len(pieces) > 1 else (middle, middle)
        a, b = pieces[lo][0], pieces[hi][1]
        findings.append(doc.finding("E009", f"ligature from a PDF or print scrape: {text[a:b]!r} should read "
                                    f"{''.join(words[lo:hi + 1])!r}", a, b, suggestion="".join(words[lo:hi + 1]),
                                    fix="safe", confidence=0.9, source=SOURCE))
        done = b
    return findings


def run(doc: Document, ctx) -> list[Finding]:
    findings: list[Finding] = []
    repairs = mojibake(doc) if ctx.enabled("E001") else []
    findings += repairs
    for code, check in (("E002", leftover_entities), ("E003", leftover_tags), ("E004", invisible_characters),
                        ("E005", control_characters), ("E006", broken_whitespace),
                        ("E008", replacement_characters), ("E009", ligatures), ("E010", lost_apostrophes)):
        if ctx.enabled(code):
            found = check(doc)
            findings += outside_repairs(found, repairs) if code == "E005" and repairs else found
    if any(f.code == "E008" for f in findings) and any(f.code == "E010" for f in findings):
        restored = {f.start for f in findings if f.code == "E010"}  # a lost character E010 puts back is no loss
        findings = [f for f in findings if f.code != "E008" or f.start not in restored]
    return findings
