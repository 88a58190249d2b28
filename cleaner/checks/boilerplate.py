"""B: text that is not the article — shortcodes, source trailers, promos, ad markers, footers, related
links, photo credits, interface words, the headline repeated in the body, repeated paragraphs, and lines
a site repeats across its articles.

Most of it is data: ``rules/boilerplate.toml`` (and the ``[[rule]]`` entries with B codes of any
``extend-rules`` pack) run through the generic rule engine. What needs more than one line of context
lives here: related-link lists under a related heading, the headline in the body, repeated
paragraphs, and the batch-learned site boilerplate (``cleaner/site_boilerplate.py``).

>>> from cleaner.document import Document
>>> doc = Document("The vote was close.\\n\\nAdvertisement\\n\\nOpponents said so.")
>>> [(f.code, f.excerpt.strip()) for f in run(doc, None)]
[('B006', 'Advertisement')]
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import accumulate, compress
from typing import Optional

from .. import site_boilerplate
from ..broad_rules import edit_limit, too_broad, word_count
from ..document import Document
from ..finding import Finding
from ..rule_anchors import AnchorIndex
from ..rule_engine import (Rule, Unit, has_words, inline_deletion, load_rules, point_at_content, run_rules, unit_deletion,
                           units)
from ..rulepacks import load_builtin, load_user_pack, pack_versions

SOURCE = "boilerplate"
_WORD = re.compile(r"\w+")
_LIST_ITEM = re.compile(r"^(?:[-•–*·▪►]|\d{1,2}[.)])\s")
_SENTENCE_END = re.compile(r"[.!?:;…]['\"’”)]?$")


@lru_cache(maxsize=1)
def builtin_rules() -> tuple:
    return tuple(load_rules(load_builtin("boilerplate"), "rules/boilerplate.toml"))


@lru_cache(maxsize=16)
def _user_rules(packs: tuple) -> tuple:
    """The B rules of the user packs ``((path, version), ...)`` (``rulepacks.pack_versions``)."""
    rules: list[Rule] = []
    for path, _ in packs:
        pack = load_user_pack(path)
        entries = [e for e in pack.get("rule", []) if str(e.get("code", "")).startswith("B")]
        if entries:
            rules.extend(load_rules({"rule": entries}, path))
    return tuple(rules)


def _rules(ctx) -> tuple:
    paths = tuple(getattr(getattr(ctx, "settings", None), "extend_rules", None) or ())
    return _with_user_rules(pack_versions(paths)) if paths else builtin_rules()


@lru_cache(maxsize=16)
def _with_user_rules(packs: tuple) -> tuple:
    """The shipped rules and the user packs' ``packs`` (``rulepacks.pack_versions``), one tuple while the
    packs are unchanged: the tables built per rule set (``_row_table``, ``_glued_table``) are kept by its
    identity, and a new tuple each call built them again, 4 times an article."""
    return builtin_rules() + _user_rules(packs)


def _enabled(ctx, code: str) -> bool:
    return ctx is None or ctx.enabled(code)


# -- B008 related-link lists -------------------------------------------------------------------------
def related_lists(doc: Document, heading_rules: list, lines: Optional[list] = None) -> list[Finding]:
    """B008: the bulleted headlines right under a related-links heading; unbulleted title-case ones when
    they run to the end of the article, or two to twelve in sentence case right under it; topic tags
    one a line under a tags heading.

    Before: ``Related: Europa in pictures\\n- NASA mission could spot life\\n- Photos: Europa``
    After: (all three lines gone; the heading itself is a rule in rules/boilerplate.toml)
    """
    findings = []
    lines = units(doc, "line") if lines is None else lines

    def heading(text: str) -> bool:
        return any(p.fullmatch(text) for rule in heading_rules for p, _ in rule.patterns)

    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if i == len(lines) or not _may_head_a_list(line.text, lines[i].text):
            continue  # what follows is no list: the heading rules need not be tried on this line
        if not heading(line.text):
            continue
        if _TAGS_HEADING.fullmatch(line.text):
            stop = i + 1 if _tag_list(lines[i].text) else _run(lines, i, lambda t: _tag_line(t) and not heading(t), 2)
            for tag in lines[i:stop]:
                start, end = unit_deletion(doc, tag.start, tag.end)
                findings.append(doc.finding(
                    "B008", "tag list under a tags heading", start, end,
                    suggestion="", fix="safe", source=f"{SOURCE}:tag-list",
                ))
            if stop > i:
                i = stop
                continue
        stop = i
        while stop < len(lines) and _LIST_ITEM.match(lines[stop].text) and len(_WORD.findall(lines[stop].text)) <= 25:
            stop += 1
        if stop == i and _headlines_to_the_end(lines, i):
            stop = len(lines)  # unbulleted headlines, and nothing after them: the block ends the article
        if stop == i:  # headlines in sentence case ("Flood warnings issued across England"), two or more
            stop = _run(lines, i, _plain_headline, 2)
        for line in lines[i:stop]:
            start, end = unit_deletion(doc, line.start, line.end)
            findings.append(doc.finding(
                "B008", "related link under a related-links heading", start, end,
                suggestion="", fix="safe", source=f"{SOURCE}:related-list",
            ))
        i = stop
    return findings


def _headlines_to_the_end(lines: list, first: int, most: int = 12) -> bool:
    """Whether the lines from ``first`` to the end are one to ``most`` headlines (see ``_headline``).

    >>> from cleaner.rule_engine import Unit
    >>> heads = [Unit(0, 0, t, "line") for t in ("Could Tea Be the Secret to Sleep?", "Five Oils for Dry Skin")]
    >>> _headlines_to_the_end(heads, 0), _headlines_to_the_end(heads + [Unit(0, 0, "She left.", "line")], 0)
    (True, False)
    """
    return 0 < len(lines) - first <= most and all(_headline(line.text) for line in lines[first:])


def _run(lines: list, first: int, fits, least: int, most: int = 12) -> int:
    """The end of the run of ``least`` to ``most`` lines from ``first`` that ``fits``, or ``first``.

    >>> from cleaner.rule_engine import Unit
    >>> heads = [Unit(0, 0, t, "line") for t in ("Flood warnings issued across England", "Storm names revealed", "It rained.")]
    >>> _run(heads, 0, _plain_headline, 2), _run(heads, 1, _plain_headline, 2)
    (2, 1)
    """
    stop = first
    while stop < len(lines) and stop - first < most and fits(lines[stop].text):
        stop += 1
    return stop if stop - first >= least else first


def _plain_headline(text: str) -> bool:
    """A headline in sentence case or title case: three to fourteen words, starting with a capital or a
    digit, no sentence end (a question mark may end it), no address (a link's own text: ``Find out more
    at 10x.gsa.gov/projects``).

    >>> _plain_headline("Storm names for 2023-24 revealed"), _plain_headline("The storm names were revealed.")
    (True, False)
    >>> _plain_headline("Find out more about our projects at 10x.gsa.gov/projects")
    False
    """
    if _SENTENCE_END.search(text) and not text.endswith("?") or _ADDRESS.search(text):
        return False
    return (text[:1].isupper() or text[:1].isdigit()) and 3 <= len(re.findall(r"[^\W_][\w'’-]*", text)) <= 14


_ADDRESS = re.compile(r"[@/]|\w\.[a-z]{2,}\b")


def _tag_line(text: str) -> bool:
    """A topic tag on a line of its own: one to four words, no sentence punctuation.

    >>> _tag_line("UK storms"), _tag_line("The storm hit.")
    (True, False)
    """
    return 1 <= len(text.split()) <= 4 and not re.search(r"[.!?:;,]", text)


def _headline(text: str) -> bool:
    """A title: three to sixteen words, most long ones capitalised, no sentence end (a question mark
    may end it).

    >>> _headline("Neroli Oil: The Ideal Face Oil for Oily Skin"), _headline("The oil is ideal for oily skin.")
    (True, False)
    """
    return (not _SENTENCE_END.search(text) or text.endswith("?")) and _title_words(text)


def _title_words(text: str) -> bool:
    """Three to sixteen words, at least three in four of the long ones (four letters or more) capitalised.

    >>> _title_words("Photos: Europa, Icy Moon"), _title_words("photos of the icy moon")
    (True, False)
    """
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not 3 <= len(words) <= 16:
        return False
    long_words = [w for w in words if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


def _may_head_a_list(line: str, following: str) -> bool:
    """Whether the line after ``line`` could be deleted under it: a list item, or a tag list under a
    tags heading (checked before the heading rules, which most lines would cost in vain).

    >>> _may_head_a_list("Related:", "- Europa in pictures"), _may_head_a_list("Related:", "The mayor said.")
    (True, False)
    """
    return bool(_LIST_ITEM.match(following)) or bool(_TAGS_HEADING.fullmatch(line)) or _plain_headline(following)


def trailing_headline_list(doc: Document, lines: Optional[list] = None) -> list[Finding]:
    """B008: a run of bulleted Title-Case headlines (no sentence punctuation) in the last part of an
    article: a related-links block whose heading extraction dropped.

    Before: ``... in the coming years.\\n\\n- NASA Europa Mission Could Spot Signs of Life\\n\\n- Photos: Europa, Icy Moon``
    After: ``... in the coming years.``
    """
    lines = units(doc, "line") if lines is None else lines
    tail_start = int(len(doc.text) * 0.6)
    findings = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].start >= tail_start and _headline_item(lines[j].text):
            j += 1
        if j - i >= 2 and not _inside_a_longer_list(lines, i, j):
            for line in lines[i:j]:
                start, end = unit_deletion(doc, line.start, line.end)
                findings.append(doc.finding(
                    "B008", "related-link headline list", start, end,
                    suggestion="", fix="safe", source=f"{SOURCE}:headline-list",
                ))
        i = max(j, i + 1)
    return findings


def _inside_a_longer_list(lines: list, first: int, stop: int) -> bool:
    """Whether the numbered items ``lines[first:stop]`` are part of a longer numbered list: an item that
    is no headline right above or under them (``1. Vanishing ice at the top of the world`` ... ``5. Oh so
    dry in Southern Ontario``: the story's own top-ten list, some of whose items read as titles). A
    related-links block is headlines only; a bulleted run is judged as before.

    >>> items = [Unit(0, 0, t, "line") for t in ("4. Tropical summer on the prairies", "5. Oh So Dry In Ontario",
    ...          "6. Big Bad Noel", "7. Great lakes: how low will they go?")]
    >>> _inside_a_longer_list(items, 1, 3), _inside_a_longer_list(items[1:3], 0, 2)
    (True, False)
    """
    if not _NUMBERED.match(lines[first].text):
        return False  # a bulleted run: a widget's list may mix headlines and other lines
    return (first > 0 and _NUMBERED.match(lines[first - 1].text) is not None) or (
        stop < len(lines) and _NUMBERED.match(lines[stop].text) is not None)


_NUMBERED = re.compile(r"\d{1,2}[.)]\s")


def _headline_item(text: str) -> bool:
    return bool(_LIST_ITEM.match(text)) and not _SENTENCE_END.search(text) and _title_words(text)


_TAGS_HEADING = re.compile(r"(?i)(?:(?:related )?(?:tags|topics)|tagged|filed under|keywords|categories)\s?:?")


def _tag_list(text: str) -> bool:
    """A comma- or pipe-separated list of short keywords, with no sentence punctuation."""
    items = [item.strip() for item in re.split(r"[,|;]", text)]
    return len(items) >= 3 and not re.search(r"[.!?]$", text) and all(0 < len(item.split()) <= 6 for item in items)


# -- whole-line trailers run on after the article's last sentence -----------------------------------
# a sentence starts after a stop and a space, at a capital, a digit, a bracket, a dash or a sign; or
# right after a stop that follows a letter or digit (dumps that lost their line breaks and spacing:
# "...on Monday.Copyright 2017 ..."), at a bracket, a dash, a sign or a capitalised word that ends at a
# space, a colon or a comma, hyphens inside it ("...on Monday.E-mail: x@example.com"; not inside an
# address: "Rafael.Marinez@ed.gov", "Section.508@gsa.gov")
_SENTENCE_START = re.compile(
    r"(?:(?<=[A-Za-z0-9])[.!?]|[.!?][\"”’)])(?=[A-Z][A-Za-z'’-]*[\s,:;]|[(\[©—–-])|[.!?…][\"”’)\]]? (?=[A-Z0-9(\[©—–-])")
_GLUED_WINDOW = 500  # characters of the last paragraph read: a trailer run is short
_GLUED_SENTENCES = 3  # a trailer may span this many sentences ("© 2023 X. All rights reserved.")
_GLUED_ROUNDS = 4  # trailers peeled off one above the other (a credit above a copyright line)


def glued_trailers(doc: Document, rules: tuple, ctx=None) -> list[Finding]:
    """Junk that a whole-line rule marked ``glued`` finds, as the last one to three sentences of the
    article's last paragraph: dumps that lost their line breaks run the footer on after the story.
    Peeled from the end, up to four trailers one above the other; a trailer of more than one sentence
    has short sentences after its first ("© 2023 X. All rights reserved."), so a trailer's open end
    never swallows the story's own sentences.

    >>> d = Document("The vote is on Monday, the council said. Please enter valid email address to continue")
    >>> [d.text[f.start:f.end] for f in glued_trailers(d, builtin_rules())]
    [' Please enter valid email address to continue']
    """
    if not doc.paragraphs:
        return []
    last = doc.paragraphs[-1]
    end = last.start + len(_without_cell_border(last.text))  # (a row's trailers end its cell, as in cell_end_trailers)
    return _glued_before(doc, Unit(last.start, end, doc.text[last.start:end], "paragraph", last.index), end, rules, ctx)


def _glued_before(doc: Document, unit: Unit, end: int, rules: tuple, ctx=None, where: str = "after the last sentence",
                  above_junk: bool = False) -> list[Finding]:
    """The trailers ``glued`` rules find as the last one to three sentences of ``unit`` before ``end``,
    peeled from the end (see ``glued_trailers``); when junk already found follows ``unit``
    (``above_junk``), also a wall's prompt run on after a story cut off in mid-sentence."""
    text = doc.text
    lo = max(unit.start, end - _GLUED_WINDOW)
    # only the rules one of whose literals the window holds can match in it (one automaton pass)
    glued, index = _glued_table(rules)
    hits = index.hits(text[lo:end])
    live = [(rule, pattern) for number, rule in enumerate(glued)
            if (hits is None or number in hits or not index.anchored[number]) and _enabled(ctx, rule.code)
            for pattern, _replacement in rule.patterns]
    if not live:
        return []
    starts = [m.end() for m in _SENTENCE_START.finditer(text, lo, end)]
    findings = []
    cut = end
    for _ in range(_GLUED_ROUNDS):
        before = [s for s in starts if s < cut][-_GLUED_SENTENCES:]
        hit = None
        for k, start in enumerate(reversed(before)):
            piece = text[start:cut].rstrip()
            if k and any(len(_WORD.findall(text[s:cut])) > _GLUED_TAIL_WORDS for s in before[len(before) - k:]) and not (
                    k == 1 and _LABEL_SENTENCE.fullmatch(text[start:before[-1]].strip())):
                break  # a later sentence of the piece is no short trailer line: story text (after a label
                # such as "Disclaimer." it is the label's: "Disclaimer. X does not endorse any content ...")
            rule = _full_match(live, piece)
            if rule is not None:
                hit = start, rule, piece
                break
        if hit is None and before:
            hit = _run_on_pair(live, text, before[-1], cut)
            if hit is not None:  # the upper trailer ends where the lower one starts: a start of its own
                bisect.insort(starts, hit[0])
        if hit is None and above_junk and cut == end:
            hit = _cut_off_before(live, text, before[-1] if before else lo, cut)
        if hit is None:
            break
        start, rule, matched = hit
        span = inline_deletion(text, start, start + len(matched), unit)
        # the trailer above ends where this one's deletion starts: it takes the space before it, as the
        # lowest did (else each kept one space of the two around it: "said.  |" at a cell's border)
        unit = Unit(unit.start, span[0], text[unit.start:span[0]], unit.kind, unit.index)
        findings.append(doc.finding(
            rule.code, rule.message.replace("%s", matched) + f" (run on {where})", *span,
            suggestion="" if rule.fix != "none" else None, fix=rule.fix, confidence=rule.confidence,
            source=f"{SOURCE}:{rule.name}",
        ))
        cut = start
    return findings


def cell_end_trailers(doc: Document, rules: tuple, ctx=None, lines: Optional[list] = None) -> list[Finding]:
    """Trailers that ``glued`` rules find run on after the last sentence of a table row's last cell
    when that cell holds a story (more than 15 words): a layout page sets the story in one cell, its
    credit or the wire's copyright notice glued to its end (``| ... the Gaza Strip. Associated Press
    writer Jane Doe contributed to this report. |``), and the page's own rows follow it, so the story
    is not the article's last paragraph and ``glued_trailers`` never reads its end.

    >>> story = "| The council met on Monday. " + "It voted to close the depot by the end of next year. " * 4
    >>> d = Document(story + "Copyright 2008 Associated Press. All rights reserved. |\\n| Home |")
    >>> [d.text[f.start:f.end] for f in cell_end_trailers(d, builtin_rules())]  # peeled from the end
    [' All rights reserved.', ' Copyright 2008 Associated Press.']
    """
    lines = units(doc, "line") if lines is None else lines
    out = []
    for unit in lines:
        if "|" not in unit.text or not _has_words(unit.text, _STORY_CELL_WORDS + 1):
            continue
        edges = [m.start() for m in _CELL_EDGE.finditer(unit.text)]
        # each cell that a border closes (the story cell may close in the middle of the line: "...
        # reserved. | Video: Michigan Primary (2:21) ...")
        for open_, close in zip([-1] + edges, edges):
            cell = unit.text[open_ + 1:close]
            if not _has_words(cell, _STORY_CELL_WORDS + 1):
                continue  # a short cell: a caption, a label (one_cell_rows reads those)
            start = unit.start + open_ + 1
            end = start + len(cell.rstrip())
            out.extend(_glued_before(doc, Unit(start, end, doc.text[start:end], "line"), end, rules, ctx,
                                     "at the end of a table cell"))
    return out


_ABOVE_FOOTER = {"copyright-line", "copyright-sign-glued", "copyright-trademarks"}


def trailers_above_footers(doc: Document, rules: tuple, findings: list[Finding], ctx=None,
                           lines: Optional[list] = None) -> list[Finding]:
    """Trailers that ``glued`` rules find run on after the last sentence of the line right above a
    copyright footer line: the footer marks where the story ends on a page, though the page's own
    lines (most-viewed lists, topic links) follow it, so that line is not the article's last paragraph
    and ``glued_trailers`` never reads its end (``... stood by her husband. E-mail to a friend`` /
    ``Copyright 2008 The Associated Press. All rights reserved.`` / ``- 1 video`` ...).

    >>> t = "The council met on Monday. It voted to close the depot. E-mail to a friend\\n© 2008 Acme News\\n- 1 video\\n- 2 iran"
    >>> d = Document(t)
    >>> footer = d.finding("B007", "", 75, 92, suggestion="", source="boilerplate:copyright-line")
    >>> [t[f.start:f.end] for f in trailers_above_footers(d, builtin_rules(), [footer])]
    [' E-mail to a friend']
    """
    starts = sorted({f.start for f in findings if f.code == "B007" and f.suggestion is not None
                     and f.source.rpartition(":")[2] in _ABOVE_FOOTER})
    if not starts:
        return []
    lines = units(doc, "line") if lines is None else lines
    out = []
    for above, below in zip(lines, lines[1:]):
        i = bisect.bisect_left(starts, above.end)  # a deletion of the line below may take the break above it
        if i == len(starts) or doc.text[above.end:max(below.start, starts[i])].strip(" \t\n|"):
            continue  # no footer deletion starts at the head of the line below
        end = above.start + len(_without_cell_border(above.text))
        out.extend(_glued_before(doc, Unit(above.start, end, doc.text[above.start:end], above.kind, above.index), end,
                                 rules, ctx, "above the page's copyright footer"))
    return out


_GLUED_TAIL_WORDS = 8
# a sentence that is a footer's label ("Disclaimer.", "Legal notice:")
_LABEL_SENTENCE = re.compile(r"(?i:(?:legal |important )?(?:disclaimer|disclosure|notice)|copyright notice)[.:]")
# a capitalised word after a word with no stop: where a trailer may start that the one above ran into
_RUN_ON_START = re.compile(r"(?<=[\w)\]] )(?=[A-Z(©])")


# the prompts of a paywall's or newsletter's box (B005): a story the wall cut off runs into them
_WALL_PROMPTS = {"donation-prompt", "login-wall", "membership-call", "newsletter-box", "newsletter-form", "newsletter-label",
                 "newsletter-promo", "paywall-line", "paywall-prompt", "paywall-wording", "reader-revenue-box",
                 "subscription-box", "subscription-offer", "thanks-for-reading"}


def _deleted_tail(text: str, deletions: list[Finding]) -> int:
    """Where the run of ``deletions`` that ends ``text`` starts (only whitespace between them); the end of
    its words when none ends it.

    >>> d = Document("Story. Subscribe\\nLog in\\nSign up")
    >>> _deleted_tail(d.text, [d.finding("B005", "", 16, 23, suggestion=""), d.finding("B005", "", 23, 31, suggestion="")])
    16
    """
    start = len(text.rstrip())
    for f in sorted(deletions, key=lambda f: f.end, reverse=True):
        if f.start < start and not text[f.end:start].strip():
            start = f.start
    return start


def prompts_above_junk(doc: Document, rules: tuple, findings: list[Finding], ctx=None) -> list[Finding]:
    """The trailers that ``glued`` rules find at the end of the line right above the deletions that end the
    text, and a wall's prompt run on there after a story the wall cut off in mid-sentence: a paywall's
    box under a truncated story, its first prompt on the story's line (``... also plans to keep Subscribe
    to continue reading.`` / ``Already a subscriber? Log in.``). The prompts under it vouch for the one
    run on; with nothing deleted under it, a capitalised prompt in mid-sentence stays.

    >>> t = "The firm said on Monday that it also plans to keep Subscribe to continue reading.\\nAlready a subscriber? Log in."
    >>> d = Document(t)
    >>> [t[f.start:f.end] for f in prompts_above_junk(d, builtin_rules(), [d.finding("B005", "", 82, 111, suggestion="")])]
    [' Subscribe to continue reading.']
    """
    text = doc.text
    start = _deleted_tail(text, [f for f in findings if f.suggestion == ""])
    head = text[:start].rstrip()
    if start >= len(text.rstrip()) or not head:
        return []
    first = head.rfind("\n") + 1
    return _glued_before(doc, Unit(first, len(head), head[first:], "line"), len(head), rules, ctx,
                         "above the prompts under the story", above_junk=True)


def _cut_off_before(live: list, text: str, start: int, cut: int):
    """A paywall's or newsletter's prompt (a B005 line) run on after a story the wall cut off in the
    middle of a sentence, with no stop before it (``... Ortho also plans to keep Subscribe to continue
    reading.``): ``(where it starts, its rule, its text)``, the longest such prompt that ends the piece
    ``text[start:cut]``, or None. Only a whole prompt counts, from a capitalised word on.

    >>> live = [(r, p) for r in builtin_rules() if r.glued for p, _ in r.patterns]
    >>> t = "He left. The firm also plans to keep Subscribe to continue reading."
    >>> hit = _cut_off_before(live, t, 9, len(t)); hit[0], hit[2]
    (37, 'Subscribe to continue reading.')
    >>> _cut_off_before(live, "He left. She said The Associated Press contributed to this report", 9, 65) is None
    True
    """
    prompts = [(rule, pattern) for rule, pattern in live if rule.name in _WALL_PROMPTS]
    if not prompts:
        return None
    for m in _RUN_ON_START.finditer(text, start + 1, cut):
        piece = text[m.start():cut].rstrip()
        rule = _full_match(prompts, piece)
        if rule is not None:
            return m.start(), rule, piece
    return None


def _run_on_pair(live: list, text: str, start: int, cut: int):
    """Two trailers run together with no stop between them (``... contributed to this report Subscribe
    to continue reading.``) as the last piece ``text[start:cut]``: ``(where the lower one starts, its rule, its
    text)`` when both halves are whole trailers, else None. Both must be, so a story sentence with a
    capitalised word in it never splits.

    >>> live = [(r, p) for r in builtin_rules() if r.glued for p, _ in r.patterns]
    >>> t = "He left. The Associated Press contributed to this report Subscribe to continue reading."
    >>> hit = _run_on_pair(live, t, 9, len(t)); hit[0], hit[2]
    (57, 'Subscribe to continue reading.')
    >>> _run_on_pair(live, "He left. She told The Associated Press on Monday", 9, 48) is None
    True
    """
    for m in _RUN_ON_START.finditer(text, start + 1, cut):
        lower = text[m.start():cut].rstrip()
        rule = _full_match(live, lower)
        if rule is not None and _full_match(live, text[start:m.start()].rstrip()) is not None:
            return m.start(), rule, lower
    return None


# -- a trailer with the page's links after it on its line --------------------------------------------
_TOOLS_LINES = 12  # the article's last lines are read: a trailer and the page's links end a page
_TOOLS_WORDS = 12  # the links after a trailer are a few labels ("Back to headlines", "| Home | World |")
_TOOLS_UPPER_WORDS = 60  # a whole line of two pieces is short; a longer one holds story text
_TOOLS_CHARS = 200  # the end of a line read for the links
# where the page's links may start after a trailer: after a space before a capital, a sign or a border
_TOOLS_START = re.compile(r"(?<=[^\s|·•-]) {1,3}(?:[|·•–—-] {1,3})?(?=[A-Z«‹←|·•])")


def trailers_before_links(doc: Document, rules: tuple, ctx=None, lines: Optional[list] = None) -> list[Finding]:
    """A trailer with the page's own links or tools after it on the same line, both junk that a
    whole-line rule finds: a scraper joins a page's credit line and the links under it (``Jane Doe
    contributed to this report. Back to headlines``, ``(Reporting by X; Editing by Y) | Home | World``).
    Neither rule reads the line whole, so both stay. Among the article's last lines, the links are the
    line's last twelve words or fewer that a whole-line rule finds; the line goes when a whole-line rule
    finds the rest of it, else the trailers that ``glued`` rules find run on before the links (after the
    story's last sentence) go with the links. A story line that ends in a label stays: the text before
    the label must be junk too.

    >>> t = "The council met on Monday.\\n\\nJane Doe contributed to this report. Back to top"
    >>> [t[f.start:f.end] for f in trailers_before_links(Document(t), builtin_rules())]
    ['\\n\\nJane Doe contributed to this report. Back to top']
    >>> t = "The council met on Monday. (Reporting by Jane Doe; Editing by Tom Lee) | Home | World | Contact"
    >>> [t[f.start:f.end] for f in trailers_before_links(Document(t), builtin_rules())]
    [' | Home | World | Contact', ' (Reporting by Jane Doe; Editing by Tom Lee)']
    >>> trailers_before_links(Document("The council met on Monday and went home. Back to top"), builtin_rules())
    []
    """
    lines = units(doc, "line") if lines is None else lines
    tools_rules, tools_index = _tools_table(rules)
    out = []
    last = len(doc.text.rstrip())
    for unit in lines[-_TOOLS_LINES:]:
        body = _without_cell_border(unit.text).rstrip()
        if not body or body.lstrip().startswith("|") or (_ends_sentence(body) and unit.start + len(body) < last):
            continue  # a table row (one_cell_rows reads its cells); a line that ends a sentence is read only
            # as the text's last one (two junk lines run on there, the lower a prompt with its stop)
        starts = list(_TOOLS_START.finditer(body, max(0, len(body) - _TOOLS_CHARS)))[-_TOOLS_WORDS:]
        if not starts:
            continue
        hits = tools_index.hits(body[starts[0].end():])  # one pass: the rules the longest links could match
        live = [(rule, pattern) for number, rule in enumerate(tools_rules)
                if (hits is None or number in hits or not tools_index.anchored[number]) and _enabled(ctx, rule.code)
                for pattern, _replacement in rule.patterns]
        for m in reversed(starts) if live else ():
            links = body[m.end():].strip(" |·•–—-")
            if not links or _has_words(links, _TOOLS_WORDS + 1):
                break
            tools = _full_match(live, links)
            if tools is None or tools.fix == "none":
                continue
            whole, found = _trailer_before(doc, rules, ctx, unit, body, m.start())
            if whole:  # the links go with the line
                out.extend(found)
                break
            if found:
                end = unit.start + len(body)
                out.append(doc.finding(tools.code, tools.message.replace("%s", body[m.end():].strip()) + " (after a trailer)",
                                       unit.start + m.start(), end, suggestion="", fix=tools.fix,
                                       confidence=tools.confidence, source=f"{SOURCE}:{tools.name}"))
                out.extend(found)
                break
    return out


def _trailer_before(doc: Document, rules: tuple, ctx, unit: Unit, body: str, at: int) -> tuple[bool, list[Finding]]:
    """Whether the whole line goes, and the deletions of the junk before the page's links at ``at`` on
    the line ``unit`` (its text ``body``): the whole line's when a whole-line rule finds all the text
    before them (the links go with it), else the trailers run on after the story's last sentence; none
    when that text is story."""
    upper = body[:at].strip()
    if not _has_words(upper, _TOOLS_UPPER_WORDS + 1):
        rule = None
        for table in (_row_table(rules), _glued_table(rules), _end_table(rules), _table(rules, "date", lambda: [
                rule for rule in rules if rule.name == "date-stamp"])):  # (a stamp alone is read by position)
            rule = _whole_line_rule(upper, *table, ctx)
            if rule is not None:
                break
        if rule is not None and rule.fix != "none":
            return True, [_whole_unit(doc, unit, rule, body, "with the page's links after it")]
    cut = unit.start + at
    upto = Unit(unit.start, cut, doc.text[unit.start:cut], unit.kind, unit.index)  # (its space goes with the links)
    found = (_glued_before(doc, upto, cut, rules, ctx, "before the page's links") or _end_before(doc, upto, ctx)
             or _stamp_before(doc, upto, cut, rules, ctx))
    return False, found if found and all(f.fix != "none" for f in found) else []


def _stamp_before(doc: Document, unit: Unit, cut: int, rules: tuple, ctx) -> list[Finding]:
    """A date stamp as the last sentence before the page's links at ``cut`` (``... the council said.
    Thursday, January 25, 2010 | Next story``): a B015 stamp rule reads the piece whole, the longest of
    the last three sentences that holds a year, a month and day, a time or 'ago'. A date alone is a stamp
    only with the links after it: a story's sentence with a date in it is no stamp.

    >>> t = "The council met on Monday. Mar. 5, 2022 6:58 pm ET"
    >>> [t[f.start:f.end] for f in _stamp_before(Document(t), Unit(0, len(t), t, "line"), len(t), builtin_rules(), None)]
    [' Mar. 5, 2022 6:58 pm ET']
    """
    text = doc.text
    starts = [m.end() for m in _SENTENCE_START.finditer(text, max(unit.start, cut - 120), cut)][-_GLUED_SENTENCES:]
    stamps, index = _stamp_table(rules)
    for start in starts:  # the longest piece first ("Mar." is no end of a sentence here)
        piece = text[start:cut].rstrip()
        rule = _whole_line_rule(piece, stamps, index, ctx)
        if rule is not None and rule.fix != "none" and _STAMPED.search(piece):
            span = inline_deletion(text, start, start + len(piece), unit)
            return [doc.finding("B015", f"time stamp '{piece}' (run on before the page's links)", *span,
                                suggestion="", fix=rule.fix, confidence=rule.confidence, source=f"{SOURCE}:{rule.name}")]
    return []


# -- table rows: a scraper writes a table's cells as one line, "| cell | cell |" --------------------
_CELL_BORDER = re.compile(r"[ \t]*\|[ \t]*$")
_CELL_EDGE = re.compile(r"(?<!\\)\|")  # a cell's border; a bar a cell holds is escaped ("\\|")
_ROW_WORDS = 40  # a junk line is short; longer cells are not read
# a cell with more words holds story, its last paragraph at least (a caption with its credit is shorter):
# its end is read for trailers run on (stop 33: 40 before, and a story's short last paragraph set as a
# cell kept its credit, bench/junk_damage.py's cell-trailer family)
_STORY_CELL_WORDS = 15
_ROW_CELLS = 4  # a row with more cells that hold text is a table of data


def _without_cell_border(text: str) -> str:
    """``text`` without the border that closes a table row's last cell, when ``text`` is such a row: a
    layout table's cell holds the story and its trailers (``| ... contributed to this story. |``).

    >>> _without_cell_border("| He left. (AP) | "), _without_cell_border("He left. |"), _without_cell_border("a | b")
    ('| He left. (AP)', 'He left. |', 'a | b')
    """
    if not text.lstrip().startswith("|"):
        return text
    m = _CELL_BORDER.search(text)
    return text[:m.start()] if m else text


def _in_a_row(text: str, pos: int) -> bool:
    """Whether the line that holds ``pos`` is a table row (starts with ``|``).

    >>> _in_a_row("He left.\\n| a | b |", 12), _in_a_row("He | left.", 5)
    (True, False)
    """
    start = text.rfind("\n", 0, pos) + 1
    return text[start:pos].lstrip().startswith("|")


def _inside_cells(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Deletions that run to the end of a table row stop before the border that closes its cell: a
    trailer pattern that reads to the end of the line (``... redistributed[^\\n]{0,60}$``) would take
    the ``|`` too, and the row would lose its right edge.

    >>> d = Document("| He left. All rights reserved. |")
    >>> f = d.finding("B007", "x", 11, 33, suggestion="", fix="safe", source="s")
    >>> [d.text[g.start:g.end] for g in _inside_cells(d, [f])]
    ['All rights reserved.']
    """
    text = doc.text
    out = []
    for f in findings:
        piece = text[f.start:f.end]
        m = _CELL_BORDER.search(piece) if f.suggestion == "" and piece.rstrip().endswith("|") else None
        if m is not None and m.start() > 0 and _in_a_row(text, f.start):
            f = doc.finding(f.code, f.message, f.start, f.start + m.start(), suggestion="", fix=f.fix,
                            confidence=f.confidence, source=f.source)
        out.append(f)
    return out


def _blank(text: str) -> bool:
    """Whether ``text`` holds nothing but spaces and table borders (an empty row, ``|  |``)."""
    return not text.strip(" \t\r\n|")


def _row_cells(text: str) -> Optional[list]:
    r"""The ``(start, end)`` of each cell of a table row that holds text, trimmed, when ``text`` is a
    whole row (opens and closes with a border); None for any other line. A layout table's row often
    carries empty cells around its one cell of text, and a bar inside a cell comes escaped (``\|``,
    as trafilatura writes it): it is no border.

    >>> t = "|  | © 2008 Acme News \\| Terms |  | "
    >>> [t[s:e] for s, e in _row_cells(t)]
    ['© 2008 Acme News \\| Terms']
    >>> _row_cells("| Votes | Seats |"), _row_cells("| Votes | Seats"), _row_cells("|  |")
    ([(2, 7), (10, 15)], None, [])
    """
    end = len(text.rstrip())
    if not text.startswith("|") or end < 2 or text[end - 1] != "|" or text[end - 2] == "\\":
        return None
    edges = [m.start() for m in _CELL_EDGE.finditer(text, 0, end)]
    cells = []
    for left, right in zip(edges, edges[1:]):
        piece = text[left + 1:right]
        if piece.strip():
            cells.append((left + 1 + len(piece) - len(piece.lstrip()), left + 1 + len(piece.rstrip())))
    return cells


def one_cell_rows(doc: Document, rules: tuple, ctx=None, lines: Optional[list] = None) -> list[Finding]:
    """Junk that a whole-line rule finds, as the only cell of a table row that holds text: the row
    goes. A scraper writes a layout table's cell as a row of its own (``| AP Photo/Uncredited |``),
    often with empty cells beside it (``|  | © 2007 Acme Sports |``). A row of a few cells goes too
    when a whole-line rule finds all of it read as one line (a navigation bar set as cells, ``| Newsletter
    | Site Map | Search |``) or finds each of its cells (``| © 2008 Acme. | Home \\| About Us |``).

    >>> d = Document("The vote is on Monday.\\n| AP Photo/Jane Doe |\\n| Votes | Seats |")
    >>> [f.excerpt.strip() for f in one_cell_rows(d, builtin_rules())]
    ['| AP Photo/Jane Doe |']
    >>> d = Document("The vote is on Monday.\\n|  | © 2007 Acme Sports |\\n| Newsletter | Site Map |  | Search |")
    >>> [f.excerpt.strip() for f in one_cell_rows(d, builtin_rules())]
    ['|  | © 2007 Acme Sports |', '| Newsletter | Site Map |  | Search |']
    """
    lines = units(doc, "line") if lines is None else lines
    line_rules, index = _row_table(rules)
    out = []
    for unit in lines:
        if not unit.text.startswith("|"):
            if unit.text.rstrip().endswith("|"):
                out.extend(_half_row(doc, unit, unit.text.rstrip()[:-1], line_rules, index, ctx))
            continue
        cells = _row_cells(unit.text)
        if cells is None:
            out.extend(_half_row(doc, unit, unit.text[1:], line_rules, index, ctx))
            continue
        if not cells or len(cells) > _ROW_CELLS or any(_has_words(unit.text[s:e], _ROW_WORDS + 1) for s, e in cells):
            continue
        texts = [" ".join(unit.text[s:e].replace("\\|", "|").split()) for s, e in cells]  # runs of tabs too
        row = " | ".join(texts)
        rule = _whole_line_rule(row, line_rules, index, ctx)
        if rule is None and len(texts) > 1:
            found = [_whole_line_rule(t, line_rules, index, ctx) for t in texts]
            rule = found[0] if all(r is not None and r.fix != "none" for r in found) else None
        if rule is not None and rule.fix != "none":
            out.append(_whole_unit(doc, unit, rule, row, "a table row"))
        elif rule is None and len(cells) == 1:
            out.extend(_cell_tail(doc, rules, ctx, unit.start + cells[0][0], unit.start + cells[0][1]))
    return out


def _half_row(doc: Document, unit: Unit, cell: str, line_rules: list, index, ctx) -> list[Finding]:
    """A table cell that a scraper wrote over two or more lines: the line that opens it (``| © 2008
    Acme Ltd.``) or the line that closes it (``Please read our Terms before using this site. |``),
    holding one cell and no other border, goes when a whole-line rule finds all of its text.

    >>> d = Document("The vote is on Monday.\\n| © 2008 Acme News Ltd. All rights reserved.\\nTerms of use |")
    >>> [f.excerpt.strip() for f in one_cell_rows(d, builtin_rules())]
    ['| © 2008 Acme News Ltd. All rights reserved.', 'Terms of use |']
    """
    cell = cell.strip()
    if not cell or "|" in cell or _has_words(cell, _ROW_WORDS + 1):
        return []
    rule = _whole_line_rule(cell, line_rules, index, ctx)
    if rule is None or rule.fix == "none":
        return []
    return [_whole_unit(doc, unit, rule, cell, "a table row")]


_BULLET = re.compile(r"[ \t]*(?:[•·▪►*]|[-–—](?=[ \t]))[ \t]*")
# the trailers a page sets as list items: credits, contacts, prompts, notices; a list of headlines or
# captions ("- Photos: Europa, Icy Moon of Jupiter") is a list, and stays one
_ITEM_CODES = {"B002", "B003", "B005", "B007", "B013"}
_ITEM_LABEL = re.compile(r"(?:[\w’'&-]{1,20} ){0,3}[\w’'&-]{1,20}: ")  # a box item's label: "Ground Game: "


def bulleted_lines(doc: Document, rules: tuple, ctx=None, lines: Optional[list] = None) -> list[Finding]:
    """Junk that a whole-line rule finds, set as a list item: the bullet hides it from the rule
    (``• Jane Doe can be reached at jdoe@example.com.``, ``- Reporting by X; Editing by Y``), and so
    may a box's label after it (``- Ground Game: Sign up for our weekly newsletter ...``); the line
    goes with its bullet.

    >>> d = Document("The vote is on Monday.\\n• Jane Doe can be reached at jdoe@example.com.\\n- Seats: 12")
    >>> sorted({f.excerpt.strip() for f in bulleted_lines(d, builtin_rules())})  # (two rules may claim it)
    ['• Jane Doe can be reached at jdoe@example.com.']
    """
    lines = units(doc, "line") if lines is None else lines
    line_rules, index = _row_table(rules)
    out = []
    for unit in lines:
        m = _BULLET.match(unit.text)
        if m is None or not m.end():
            continue
        item = unit.text[m.end():].strip()
        if not item or _has_words(item, _ROW_WORDS + 1):
            continue
        rule = _whole_line_rule(item, line_rules, index, ctx)
        label = _ITEM_LABEL.match(item) if rule is None else None
        if label is not None and " " in item[label.end():].strip():  # "- Ground Game: Sign up for ..."; a
            # label before one token ("- DOI: https://doi.org/...") heads a reference, not a prompt
            rule = _whole_line_rule(item[label.end():], line_rules, index, ctx)
        if rule is not None and rule.fix != "none" and rule.code in _ITEM_CODES:
            out.append(_whole_unit(doc, unit, rule, item, "a list item"))
    return out + _bulleted_tail(doc, rules, ctx, lines, {f.start for f in out})


def _bulleted_tail(doc: Document, rules: tuple, ctx, lines: list, taken: set) -> list[Finding]:
    """The end-of-article rules over the last lines with each bullet made a paragraph break (same
    offsets, and the item starts a paragraph as the rules expect): a credit set as the last list item (``• Jane Doe can be reached at x@example.com.``) goes whole.

    >>> d = Document("The vote is on Monday, the clerk said in a statement.\\n• Jane Doe can be reached at jdoe@example.com.")
    >>> sorted({f.excerpt.strip() for f in bulleted_lines(d, builtin_rules())})  # (two rules may claim it)
    ['• Jane Doe can be reached at jdoe@example.com.']
    """
    items = []
    for unit in lines[-_END_LINES:]:
        m = _BULLET.match(unit.text)
        if m is not None and m.end() and unit.start not in taken and unit.text[m.end():].strip():
            items.append((unit, unit.start + m.end()))
    if not items:
        return []
    text = doc.text
    for unit, item in items:
        text = text[:unit.start] + "\n" * (item - unit.start) + text[item:]  # the item opens a paragraph
    blanked = Document(text, kind=doc.kind, metadata=doc.metadata, path=doc.path)
    out = []
    for f in run_rules(blanked, ctx, _rules_where(rules, "last-paragraph items"), source=SOURCE):
        for unit, item in items:
            end = unit.start + len(unit.text.rstrip())
            if f.suggestion == "" and f.start <= item and f.end >= end and not text[f.start:item].strip():
                out.append(doc.finding(f.code, f"{f.message} (a list item)", *unit_deletion(doc, unit.start, unit.end),
                                       suggestion="", fix=f.fix, confidence=f.confidence, source=f.source))
    return out


def _whole_unit(doc: Document, unit: Unit, rule: Rule, junk: str, where: str) -> Finding:
    """A deletion of the whole line ``unit`` for the junk a rule found inside it (a row's only cell, a
    list item after its bullet)."""
    return doc.finding(rule.code, rule.message.replace("%s", junk) + f" ({where})",
                       *unit_deletion(doc, unit.start, unit.end), suggestion="", fix=rule.fix,
                       confidence=rule.confidence, source=f"{SOURCE}:{rule.name}")


_CELL_TAIL_WORDS = 12


def _cell_tail(doc: Document, rules: tuple, ctx, start: int, end: int) -> list[Finding]:
    """A trailer that a ``glued`` rule finds run on as the last sentence of a table row's only cell: a
    caption cell with its credit (``| The depot in 1962. AP Photo/Jane Doe |``): the credit goes, the
    caption stays.

    >>> d = Document("He left.\\n| The depot in 1962. AP Photo/Jane Doe |")
    >>> [d.text[f.start:f.end] for f in _cell_tail(d, builtin_rules(), None, 11, 47)]
    [' AP Photo/Jane Doe']
    """
    text = doc.text
    cut = None
    for m in _SENTENCE_START.finditer(text, start, end):
        cut = m.end()
    if cut is None or _has_words(text[cut:end], _CELL_TAIL_WORDS + 1):
        return []
    glued, glued_index = _glued_table(rules)
    line_rules, line_index = _row_table(rules)
    rule = _whole_line_rule(text[cut:end], glued, glued_index, ctx)
    if rule is None:  # an image credit as a whole line (B009) is one run on after a caption too
        rule = _whole_line_rule(text[cut:end], line_rules, line_index, ctx)
        rule = rule if rule is not None and rule.code == "B009" else None
    if rule is None or rule.fix == "none":
        return []
    begin = _before_space(text, cut)
    return [doc.finding(rule.code, rule.message.replace("%s", text[cut:end]) + " (run on in a table cell)",
                        begin, end, suggestion="" if rule.fix != "none" else None, fix=rule.fix,
                        confidence=rule.confidence, source=f"{SOURCE}:{rule.name}")]


def _whole_line_rule(text: str, line_rules: list, index, ctx):
    """The first whole-line rule (of ``_row_table``'s) that matches all of ``text``, or None; only the
    rules one of whose literals ``text`` holds are tried."""
    hits = index.hits(text)
    live = [(rule, pattern) for number, rule in enumerate(line_rules)
            if (hits is None or number in hits or not index.anchored[number]) and _enabled(ctx, rule.code)
            for pattern, _replacement in rule.patterns]
    return _full_match(live, text)


# -- a footer hard-wrapped over several lines: "All rights reserved. Terms" / "under which this ..." ---
_WRAP_LINES = 8  # the article's last lines are read: a page footer set in a narrow column ends it
_WRAP_WORDS = 40
# a word no line of prose ends on: the line runs on into the next
# (and "The" before an owner's name: "Copyright 2008 The" / "Associated Press. All rights reserved.")
_OPEN_END = re.compile(r"\b(?:our|your|the|of|and|or|to|for|a|an|in|on|by|with|about|under|this|at|The)$")


def wrapped_runs(lines: list) -> list:
    """Runs of the article's last lines that are one line wrapped: a line that ends no sentence, followed
    by one that starts in lower case, or ending on a word no line ends on (``our``, ``the``). Each run is
    ``(first, last)``, indexes into ``lines``, two lines or more; table rows (``| cell |``) are no run.

    >>> from cleaner.rule_engine import Unit
    >>> ls = [Unit(0, 0, t, "line") for t in ("He left.", "All rights reserved. Terms",
    ...       "under which this site is provided.", "Learn more about our", "Privacy Policy.")]
    >>> wrapped_runs(ls)
    [(1, 2), (3, 4)]
    >>> wrapped_runs([Unit(0, 0, t, "line") for t in ("He left", "She stayed.")])
    []
    """
    runs = []
    i = max(0, len(lines) - _WRAP_LINES)
    while i < len(lines) - 1:
        j = i
        while j < len(lines) - 1 and _runs_on(lines[j].text, lines[j + 1].text):
            j += 1
        if j > i:
            runs.append((i, j))
        i = j + 1
    return runs


def _runs_on(line: str, following: str) -> bool:
    if _ends_sentence(line) or line.startswith("|") or following.startswith("|"):
        return False
    return following[:1].islower() or _OPEN_END.search(line) is not None


def wrapped_footers(doc: Document, rules: tuple, ctx=None, lines: Optional[list] = None) -> list[Finding]:
    """Junk that a whole-line rule finds in a line the page wrapped over several among the article's
    last lines: the lines go together. A footer set in a narrow column reaches a scrape one piece a line
    (``All rights reserved. Terms`` / ``under which this site is provided.``), and no piece alone is a
    whole footer; lines wrapped above it then stop the trailers above from being peeled.

    >>> d = Document("The vote is on Monday, the council said.\\nAll rights reserved. Terms\\n"
    ...              "    under which this site is provided.\\nLearn more about our\\n  Privacy Policy.")
    >>> [" ".join(f.excerpt.split()) for f in wrapped_footers(d, builtin_rules())]
    ['All rights reserved. Terms under which this site is provided.', 'Learn more about our Privacy Policy.']
    """
    lines = units(doc, "line") if lines is None else lines
    runs = wrapped_runs(lines)
    if not runs:
        return []
    line_rules, index = _row_table(rules)
    out = []
    for first, last in runs:
        joined = " ".join(u.text for u in lines[first:last + 1])
        if _has_words(joined, _WRAP_WORDS + 1):
            continue
        rule = _whole_line_rule(joined, line_rules, index, ctx)
        if rule is not None and rule.fix != "none":
            out.append(doc.finding(rule.code, rule.message.replace("%s", joined) + " (wrapped over lines)",
                                   *unit_deletion(doc, lines[first].start, lines[last].end), suggestion="",
                                   fix=rule.fix, confidence=rule.confidence, source=f"{SOURCE}:{rule.name}"))
    return out


def _row_table(rules: tuple) -> tuple:
    """The whole-line rules of a rule set and the index of their literals, made once per rule set."""
    return _table(rules, "line", lambda: [rule for rule in rules if rule.scope == "line" and rule.full and rule.kind == "existence"])


_TABLES: dict = {}


def _table(rules: tuple, kind: str, choose) -> tuple:
    """The rules ``choose()`` picks from a rule set (a ``kind`` of them) and the index of their literals,
    made once per rule set and kind (the set is kept with them, so its id is not reused)."""
    entry = _TABLES.get((id(rules), kind))
    if entry is None or entry[0] is not rules:
        chosen = choose()
        if len(_TABLES) > 64:
            _TABLES.clear()
        entry = _TABLES[id(rules), kind] = (rules, chosen, AnchorIndex(chosen))
    return entry[1], entry[2]


#: the rules a pass runs, of a rule set: the B008 whole-line headings of a related list, the end-of-article
#: rules, and those of them a list item may hold
_SUBSETS = {
    "list headings": lambda rule: rule.code == "B008" and rule.full,
    "last paragraphs": lambda rule: rule.scope == "last-paragraphs",
    "last-paragraph items": lambda rule: rule.scope == "last-paragraphs" and rule.code in _ITEM_CODES,
}
_SUBSET_TABLES: dict = {}


def _rules_where(rules: tuple, subset: str) -> tuple:
    """The rules of ``rules`` in ``subset`` (``_SUBSETS``), in pack order: one tuple per rule set, not a
    list per article (the rule engine then finds its anchor index by the tuple, without a key of ids).

    >>> {r.scope for r in _rules_where(builtin_rules(), "last paragraphs")}
    {'last-paragraphs'}
    """
    entry = _SUBSET_TABLES.get((id(rules), subset))
    if entry is None or entry[0] is not rules:
        if len(_SUBSET_TABLES) > 48:
            _SUBSET_TABLES.clear()
        entry = _SUBSET_TABLES[id(rules), subset] = (rules, tuple(filter(_SUBSETS[subset], rules)))
    return entry[1]


def _end_before(doc: Document, unit: Unit, ctx) -> list[Finding]:
    """The deletions that the end-of-article rules find inside ``unit`` when the text ends with it (the
    page's links cut off after it): a credit in brackets after the story's last sentence, a sign-off."""
    prefix = Document(doc.text[:unit.end], kind=doc.kind, metadata=doc.metadata, path=doc.path)
    tail_rules = _rules_where(_rules(ctx), "last paragraphs")
    return [f for f in _inside_cells(doc, run_rules(prefix, ctx, tail_rules, source=SOURCE))
            if f.suggestion == "" and f.start >= unit.start and not doc.text[f.end:unit.end].strip()]


def _tools_table(rules: tuple) -> tuple:
    """The whole-line rules of ``_row_table`` and ``_end_table`` in one list, and the index of their
    literals, made once per rule set: the page's links after a trailer are read with one pass."""
    return _table(rules, "tools", lambda: _row_table(rules)[0] + _end_table(rules)[0])


def _end_table(rules: tuple) -> tuple:
    """The whole-line rules of a rule set that read only the article's last paragraphs, and the index of
    their literals, made once per rule set."""
    return _table(rules, "end", lambda: [rule for rule in rules
                                         if rule.scope == "last-paragraphs" and rule.full and rule.kind == "existence"])


def _glued_table(rules: tuple) -> tuple:
    """The ``glued`` rules of a rule set and the index of their literals, made once per rule set."""
    return _table(rules, "glued", lambda: [rule for rule in rules if rule.glued])


def _full_match(live: list, piece: str):
    """The first rule one of whose live patterns matches all of ``piece`` (width, word count and
    ``unless`` checked), or None."""
    words = None
    for rule, pattern in live:
        if rule.max_width is not None and len(piece) > rule.max_width:
            continue
        if rule.max_words is not None:
            words = len(_WORD.findall(piece)) if words is None else words
            if words > rule.max_words:
                continue
        if pattern.fullmatch(piece) and not any(u.search(piece) for u in rule.unless):
            return rule
    return None


# -- B013 an author box: the name on a line, then the author's bio -----------------------------------
_NAME_LINE = re.compile(r"(?:[A-Z][\w.'’-]{0,20} ){1,3}[A-Z][\w.'’-]{1,20}")
_NEWSROOM_ROLE = re.compile(r"(?i)\b(?:reporter|writer|correspondent|editor|producer|journalist|columnist|"
                            r"contributor|photographer|photojournalist|anchor|host|freelancer|bureau chief)s?\b")
_BIO_WORDS = 60
_BOXES = 12  # a story has a few authors; a longer run of name-and-bio pairs is a list of people


def author_boxes(doc: Document, lines: Optional[list] = None) -> list[Finding]:
    """B013: an author box among the article's last lines: a line that is only a name, then a line
    that starts with that name and says the person's newsroom role (``Stella Kim`` / ``Stella Kim is an
    NBC News producer based in Seoul.``). Both lines go; a name over a line about someone who is no
    journalist (a list of candidates) stays.

    >>> d = Document("The vote is on Monday.\\nDana Ruiz\\nDana Ruiz is the Asia editor for Ledger News, based in Seoul.")
    >>> [f.excerpt.strip() for f in author_boxes(d)]
    ['Dana Ruiz', 'Dana Ruiz is the Asia editor for Ledger News, based in Seoul.']
    >>> author_boxes(Document("The vote is on Monday.\\nDana Ruiz\\nDana Ruiz is a lawyer running for mayor."))
    []
    """
    lines = units(doc, "line") if lines is None else lines
    first = [i for i in range(max(0, len(lines) - _WRAP_LINES), len(lines) - 1) if _author_box(lines[i], lines[i + 1])]
    if not first:
        return []
    pairs = set(first)
    i = first[0]
    while i >= 2 and _author_box(lines[i - 2], lines[i - 1]):  # the boxes above, one under the other
        if len(pairs) == _BOXES:
            return []  # a run of profiles (a staff page, a list of people): no author's box
        i -= 2
        pairs.add(i)
    return [doc.finding("B013", f"author box '{unit.text}'", *unit_deletion(doc, unit.start, unit.end),
                        suggestion="", fix="safe", source=f"{SOURCE}:author-box")
            for i in sorted(pairs) for unit in (lines[i], lines[i + 1])]


def about_the_author(doc: Document, lines: Optional[list] = None) -> list[Finding]:
    r"""B013: an "About the author" box that ends the article: the heading and the few short lines
    under it, the first of which starts with a name (``About the Author`` / ``Sarah Archer`` / ``Sarah
    Archer is the author of The Midcentury Kitchen.``). A heading with prose after it, or with more
    than a box's words under it, stays.

    >>> d = Document("The council voted on Monday to close the depot by the end of the year.\nAbout the writer\nDana Ruiz is a reporter.")
    >>> [f.excerpt.strip() for f in about_the_author(d)]
    ['About the writer', 'Dana Ruiz is a reporter.']
    >>> about_the_author(Document("About the author\nthe book is long, and the vote is on Monday."))
    []
    """
    lines = units(doc, "line") if lines is None else lines
    first = next((i for i in range(max(0, len(lines) - _ABOUT_LINES - 1), len(lines) - 1)
                  if _ABOUT_HEADING.fullmatch(lines[i].text)), None)
    if first is None or _NAME_START.match(lines[first + 1].text) is None:
        return []
    words = sum(word_count(u.text) for u in lines[first + 1:])
    if words > _ABOUT_WORDS or word_count(doc.text[:lines[first].start]) < 2 * words:
        return []  # more than a box holds, or most of a short article: the story's own lines
    return [doc.finding("B013", f"author box '{unit.text}'", *unit_deletion(doc, unit.start, unit.end),
                        suggestion="", fix="safe", source=f"{SOURCE}:about-the-author")
            for unit in lines[first:]]


_ABOUT_HEADING = re.compile(r"(?i)about the (?:author|writer|reporter|contributor)s?:?")
_ABOUT_LINES = 3  # a box's lines under its heading: a name, a bio, a link to more
_ABOUT_WORDS = 45  # and their words at most
_NAME_START = re.compile(r"(?:[A-Z][\w.'’-]{0,20} ){1,3}[A-Z][\w.'’-]{1,20}\b")


def _author_box(name, bio) -> bool:
    return (bio.text.startswith(name.text + " ") and _NAME_LINE.fullmatch(name.text) is not None
            and not _has_words(bio.text, _BIO_WORDS + 1) and _NEWSROOM_ROLE.search(bio.text) is not None)


# -- B005 the subscription offer under a paywall prompt ----------------------------------------------
_PAYWALL_SOURCES = {"paywall-prompt", "paywall-line"}
_OFFER_WORDS = 25
_OFFER_LINES = 15


def paywall_offer(doc: Document, findings: list[Finding], lines: Optional[list] = None) -> list[Finding]:
    """B005: the offer under a paywall prompt that ends an article — plan, price and sign-in lines from
    ``Subscribe to continue reading`` down to the end — when every one of them is short and ends no
    sentence (a story's last line does; an offer's do not).

    >>> d = Document("The army met on Monday.\\n\\nSubscribe to continue reading\\n\\n30 days 10k, or 5k per week\\n\\nAd Free Website")
    >>> walls = [f for f in run(d, None) if f.source.endswith("paywall-prompt")]
    >>> [d.text[f.start:f.end].strip() for f in paywall_offer(d, walls)]
    ['30 days 10k, or 5k per week', 'Ad Free Website']
    """
    walls = [f for f in findings if f.suggestion == "" and f.source.rpartition(":")[2] in _PAYWALL_SOURCES]
    if not walls:
        return []
    lines = units(doc, "line") if lines is None else lines
    first = min(f.start + len(doc.text[f.start:f.end]) - len(doc.text[f.start:f.end].lstrip()) for f in walls)
    wall = next((i for i, u in enumerate(lines) if u.start <= first < max(u.end, u.start + 1)), None)
    if wall is None:
        return []
    offer = lines[wall + 1:]
    if not offer or len(offer) > _OFFER_LINES or any(
            _ends_sentence(u.text) or _has_words(u.text, _OFFER_WORDS + 1) for u in offer):
        return []
    return [doc.finding("B005", "offer under a paywall or sign-up prompt", *unit_deletion(doc, u.start, u.end),
                        suggestion="", fix="safe", source=f"{SOURCE}:paywall-offer") for u in offer]


# -- B015 a date line under a byline ----------------------------------------------------------------
_BYLINE = re.compile(r"(?:BY|By) (?:[A-Z][\w.'’-]{0,20} ?){1,4}(?:(?:,|and|&) ?(?:[A-Z][\w.'’-]{0,20} ?){1,4}){0,2}")


def dates_under_bylines(doc: Document, rules: tuple, lines: Optional[list] = None) -> list[Finding]:
    """B015: a line that is only a date (the ``date-stamp`` rule's shape) right under a ``By X`` line,
    anywhere: a digest's stories each open so. A date alone elsewhere below the top may be an event's.

    >>> d = Document("Intro line of the digest.\\nBy Nathan Willis\\nMarch 25, 2015\\nQGIS is a free tool.")
    >>> [f.excerpt.strip() for f in dates_under_bylines(d, builtin_rules())]
    ['March 25, 2015']
    >>> dates_under_bylines(Document("Event details:\\nThursday, February 6, 2014\\n9:00 am"), builtin_rules())
    []
    """
    date = next((r for r in rules if r.name == "date-stamp"), None)
    if date is None:
        return []
    lines = units(doc, "line") if lines is None else lines
    out = []
    for above, unit in zip(lines, lines[1:]):
        text = unit.text.strip()
        if text[:1].isalnum() and _BYLINE.fullmatch(above.text.strip()) and any(
                p.fullmatch(text) for p, _ in date.patterns):
            out.append(doc.finding("B015", f"date line '{text}' under a byline",
                                   *unit_deletion(doc, unit.start, unit.end), suggestion="", fix="safe",
                                   source=f"{SOURCE}:date-under-byline"))
    return out


_TOP_LINES = 12  # the header block a scraper keeps at the top is short
_HEADER_WORDS = 16  # a headline with its byline


def dates_in_the_header(doc: Document, rules: tuple, lines: Optional[list] = None) -> list[Finding]:
    """B015: a line that is only a date (the ``date-stamp`` rule's shape) among the first lines, right
    under a header line: a short line that ends no sentence (a title, a byline, ``Published on``, the
    issuer). The rule itself reads whole paragraphs near the top; a scraper's header block often sits
    inside one, or below a teaser line and more than three one-line paragraphs down.

    >>> d = Document("Remarks of the President\\nWeekly Address\\nThe White House\\nDecember 24, 2016\\n"
    ...              "Merry Christmas, everybody, the president said on the radio on Saturday morning at home.")
    >>> [f.excerpt.strip() for f in dates_in_the_header(d, builtin_rules())]
    ['December 24, 2016']
    >>> fair = "The county fair opens on Monday with rides, music and food stands for everyone in the county."
    >>> dates_in_the_header(Document(fair + "\\nEvent details:\\nMay 3, 2016\\n9:00 am"), builtin_rules())
    []

    Further down, a date line (or a layout table's date cell) still goes while no sentence of the story
    stands above it: a layout page's header block is longer than the first lines.

    >>> head = "\\n".join(["| Home \\\\| Sport \\\\| News |"] * 14)
    >>> d = Document(head + "\\n| Wednesday, 16 January 2008 |  |\\n" + fair)
    >>> [f.excerpt.strip() for f in dates_in_the_header(d, builtin_rules())]
    ['| Wednesday, 16 January 2008 |  |']
    """
    date = next((r for r in rules if r.name == "date-stamp"), None)
    if date is None:
        return []
    lines = units(doc, "line") if lines is None else lines
    top = {(p.start, p.end) for p in doc.paragraphs[:date.paragraphs]}
    out = []
    story = _first_story_line(lines)
    for i in range(1, min(len(lines), max(_TOP_LINES, story))):
        above, unit = lines[i - 1], lines[i]
        text = _only_cell(unit.text)
        if ((unit.start, unit.end) in top and text == unit.text.strip()) or not text[:1].isalnum():
            continue  # a paragraph of its own near the top: the rule itself reads it
        if not any(p.fullmatch(text) for p, _ in date.patterns):
            continue
        # above the story's first sentence, or right under a header line among the first lines
        if i > story and (i >= _TOP_LINES or _ends_sentence(above.text) or _has_words(above.text, _HEADER_WORDS + 1)):
            continue
        out.append(doc.finding("B015", f"date line '{text}' in the header", *unit_deletion(doc, unit.start, unit.end),
                               suggestion="", fix="safe", source=f"{SOURCE}:date-in-header"))
    return out


_HEADER_LINES = 80  # how far down a layout page's header block may reach


def _first_story_line(lines: list) -> int:
    """The index of the first line that is a sentence of the story (longer than a headline with its
    byline, and ending as a sentence ends), looked for among the first ``_HEADER_LINES`` lines; 0 when
    there is none (the header is then only the first ``_TOP_LINES`` lines).

    >>> story = "The council voted on Monday to close the depot by the end of next year, the mayor said."
    >>> _first_story_line([Unit(0, 0, "| Monday |", "line"), Unit(0, 0, story, "line")])
    1
    """
    for i, unit in enumerate(lines[:_HEADER_LINES]):
        if _ends_sentence(unit.text) and _has_words(unit.text, _HEADER_WORDS + 1):
            return i
    return 0


def _only_cell(text: str) -> str:
    """A line's text without its table borders when it is a row with one cell that holds text (a layout
    page's date cell, ``| Wednesday, 16 January 2008 |  |``); any other line stripped.

    >>> _only_cell("| Wednesday, 16 January 2008 |  | "), _only_cell("| Votes | Seats |"), _only_cell(" March 3 ")
    ('Wednesday, 16 January 2008', '| Votes | Seats |', 'March 3')
    """
    stripped = text.strip()
    if not stripped.startswith("|"):
        return stripped
    full = [cell.strip() for cell in stripped.strip("|").split("|") if cell.strip()]
    return full[0] if len(full) == 1 else stripped


_END_LINES = 8  # a page's stamp under the article sits among its last few lines
_STORY_WORDS = 3  # a sentence this long after a date may be its event's, or the story's last


def dates_at_the_end(doc: Document, rules: tuple, lines: Optional[list] = None) -> list[Finding]:
    """B015: a line that is only a date (the ``date-stamp`` rule's shape) among the last lines, with no
    sentence after it: the page's stamp, which a scraper keeps under the article as often as above
    it. A date alone with a sentence after it may head an event or a timeline entry, and stays, and so
    does one that a line ending in a colon introduces ("Event details:") or a time follows.

    >>> body = "The council will vote on the plan again next month, after a public hearing on the budget."
    >>> [f.excerpt.strip() for f in dates_at_the_end(Document(body + "\\nMarch 14, 2023 10:00 AM ET"), builtin_rules())]
    ['March 14, 2023 10:00 AM ET']
    >>> dates_at_the_end(Document(body + "\\nMarch 14, 2023\\n" + body), builtin_rules())
    []
    """
    date = next((r for r in rules if r.name == "date-stamp"), None)
    if date is None:
        return []
    lines = units(doc, "line") if lines is None else lines
    out = []
    last = lines[-_END_LINES:]
    for i in range(len(last) - 1, -1, -1):
        text = last[i].text.strip()
        dated = any(p.fullmatch(text) for p, _ in date.patterns)
        if not dated and _ends_sentence(text) and _has_words(text, _STORY_WORDS):
            break  # a sentence: what is above it is the article (a stamp's "a.m." ends none)
        # an event's block: a line ending in a colon up to three lines above ("Event details:", "opens
        # on:"), or a time under the date ("9:00 - 1:00 pm")
        introduced = any(above.text.rstrip().endswith(":") for above in last[max(0, i - 3):i])
        timed = i + 1 < len(last) and last[i + 1].text.lstrip()[:1].isdigit()
        if text[:1].isalnum() and not introduced and not timed and dated:
            unit = last[i]
            out.append(doc.finding("B015", f"date line '{text}' at the end", *unit_deletion(doc, unit.start, unit.end),
                                   suggestion="", fix="safe", source=f"{SOURCE}:date-at-end"))
    return out


# -- B015 a layout row of a stamp and the page's labels: "| Jan 7, 2008 | Comments (3) | Email |" ---------
# where a line splits into cells: a table's border (a bar a cell holds comes escaped), a bar, a dot or a
# bullet between spaces, a dash between spaces, a tab, or a run of spaces
_ROW_SPLIT = re.compile(r"[ \t]{1,8}(?:\\?\||[·•]|[-–—])[ \t]{1,8}|\t[ \t]{0,8}|[ ]{2,8}"
                        # and before a copyright notice after the page's labels ("Privacy Policy © 2008 Acme")
                        r"|(?<![©ⓒ)])[ \t]{1,8}(?=©|ⓒ|\([cC]\) ?\w|[Cc]opyright ?(?:©|\([cC]\)|\d{4}))")
_ROW_PIECES = 6  # a stamp's row holds a few pieces; more is a table or a menu
_LABEL_WORDS = 4  # a row's other cells are labels: a tool, a section, a byline, a wire
# starts with a letter, or a count and its word ("16 votes"): no number alone, no price, no score
_LABEL = re.compile(r"(?=[^\n]{0,40}$)(?:\d{1,6} )?[^\W\d_][^\n]{0,39}")
# a time alone: on a clock, with a colon (a price or a score has none: "34.50") or a stop and am/pm
_TIME = re.compile(r"(?i)(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?\s?(?:[ap]\.?m\.?)?|\.[0-5]\d\s?[ap]\.?m\.?)(?: ?[a-z]{2,4}(?:[+-]\d{1,2})?)?")
_STAMP_ROW_NAMES = {"dateline-line", "posted-on", "posted-stamp", "date-stamp", "byline-date", "byline-date-bar",
                    "labelled-stamp", "stamp-furniture", "relative-time", "outlet-date"}
_STORY_LINE_WORDS = 17  # a line of the story: a sentence longer than a headline with its byline


def _stamp_table(rules: tuple) -> tuple:
    """The B015 rules that read a stamp as a whole line, and the index of their literals."""
    return _table(rules, "stamps", lambda: [rule for rule in rules
                                            if rule.code == "B015" and rule.name in _STAMP_ROW_NAMES and rule.full])


def _row_pieces(text: str) -> list:
    """The pieces of a line a scraper wrote a layout row as: its table cells (``| a | b |``), each split
    again at the separators a page sets between labels (a bar, a dot, a bullet or a dash between
    spaces, a tab, a run of spaces), without empty ones.

    >>> _row_pieces("|  | Jan 7, 2008 | View all news \\\\| Print |  |")
    ['Jan 7, 2008', 'View all news', 'Print']
    >>> _row_pieces("Jan 7, 2008 · Comments (3)\\tEmail")
    ['Jan 7, 2008', 'Comments (3)', 'Email']
    """
    body = text.strip()
    if body.startswith("|"):
        body = body.strip("|")
        cells = _CELL_EDGE.split(body)
    else:
        cells = [body]
    return [p.strip() for cell in cells for p in _ROW_SPLIT.split(cell.strip()) if p.strip(" \t|")]


def _page_row(text: str, rules: tuple, ctx) -> Optional[tuple]:
    """``(code, pieces)`` when ``text`` is a row of pieces one of which at least is a stamp (a B015 rule
    reads it whole: code B015) or a copyright notice (a B007 rule: code B007), and every other a stamp, a
    time, junk a whole-line rule finds, or a label (four words or fewer, starting with a letter or a
    count, ending no sentence); None for any other line. A row of one piece must be a table row or a
    note in brackets.

    >>> rules = builtin_rules()
    >>> _page_row("| 30 December 2007 - 7:24AM | View all news \\\\| Send to a friend \\\\| Print |", rules, None)
    ('B015', '30 December 2007 | 7:24AM | View all news | Send to a friend | Print')
    >>> _page_row("| Jan 7, 2008 | 34.50 | 35.10 |", rules, None) is None  # a table of prices
    True
    >>> _page_row("Jan 7, 2008 | The council voted to close the depot.", rules, None) is None
    True
    >>> _page_row("Some fun stats - updated 5/15", rules, None) is None  # no year, no month, no time
    True
    >>> _page_row("Thursday Jan 10 – Sunday Jan 13, 2008", rules, None) is None  # an event's dates
    True
    >>> _page_row("Terms & Conditions Privacy Policy © Copyright 2008 Acme Media Group", rules, None)
    ('B007', 'Terms & Conditions Privacy Policy | © Copyright 2008 Acme Media Group')
    >>> _page_row("(Copyright 2008 by The Associated Press. All Rights Reserved.)", rules, None)
    ('B007', 'Copyright 2008 by The Associated Press. All Rights Reserved.')
    >>> _page_row("(Jan 7, 2008)", rules, None)
    ('B015', 'Jan 7, 2008')
    """
    if len(text) > 300 or text.rstrip().endswith(":"):
        return None  # (a line ending in a colon introduces what follows: "Some stats - updated 5/15:")
    body = text.strip()
    # a note in brackets, "(© 2008 Acme. All rights reserved.)", its own brackets balanced ("((c) 2008 Acme)")
    bracketed = body[:1] == "(" and body[-1:] == ")" and body[1:-1].count("(") == body[1:-1].count(")")
    pieces = [body[1:-1].strip()] if bracketed else _row_pieces(text)
    if not pieces or len(pieces) > _ROW_PIECES or (len(pieces) == 1 and not bracketed and not body.startswith("|")):
        return None
    stamps, stamp_index = _stamp_table(rules)
    line_rules, line_index = _row_table(rules)
    code = None  # what anchors the row: the first stamp or copyright notice
    for piece in pieces:
        rule = _whole_line_rule(piece, stamps, stamp_index, ctx)
        if rule is not None and rule.fix != "none" and _STAMPED.search(piece):
            code = code or "B015"
            continue
        if _TIME.fullmatch(piece):
            continue
        rule = _whole_line_rule(piece, line_rules, line_index, ctx)
        if rule is not None and rule.fix != "none":
            code = code or ("B007" if rule.code == "B007" and _COPYRIGHTED.search(piece) else None)
            continue
        if (_LABEL.fullmatch(piece) and not _has_words(piece, _LABEL_WORDS + 1) and not _ends_sentence(piece.rstrip(")"))
                and not _STAMPED.search(piece)):
            continue  # (a date that is no stamp is no label: "Thursday Jan 10 – Sunday Jan 13, 2008", an event's)
        return None
    return (code, " | ".join(pieces)) if code else None


# what makes a piece a stamp and not a label with a number: a year, a month and its day, a full numeric
# date, a time on a clock, or a time ago
_STAMPED = re.compile(r"(?i)\b(?:19|20)\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}\b|"
                      r"\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d:[0-5]\d|\bago\b")


# a copyright notice, the other piece a page's row is anchored by ("Terms of Use | © 2008 Acme News")
_COPYRIGHTED = re.compile(r"(?i)©|ⓒ|\(c\)|\bcopyright\b|\ball rights reserved\b")


def _story_line(text: str) -> bool:
    """Whether ``text`` is a line of the story: a sentence longer than a headline with its byline, a table
    cell's too (a layout page sets the story in one); a note in brackets is none.

    >>> story = "The council voted on Monday to close the depot by the end of next year, the mayor told reporters."
    >>> _story_line(story), _story_line("| " + story + " |"), _story_line("(" + story + ")")
    (True, True, False)
    """
    body = _without_cell_border(text).strip().lstrip("| ")
    return not (body[:1] == "(" and body[-1:] == ")") and _ends_sentence(body) and _has_words(body, _STORY_LINE_WORDS)


def page_rows(doc: Document, rules: tuple, ctx=None, lines: Optional[list] = None) -> list[Finding]:
    """B015 ``stamp-row``: a line that is a layout row of a stamp and the page's labels (``| Jan 7, 2008
    4:07 PM EST | Comments (3) | Email |``, ``Email · Print · Jan 7, 2008``, ``| KERALA | Jan 15, 2008 |``,
    ``| 16:10, Jan 8 2008 |  |``); B007 ``legal-row``: one of a copyright notice and the page's labels
    (``Terms & Conditions Privacy Policy © Copyright 2008 Acme``, ``| Terms \\| © 2008 Acme |``), or a
    notice in brackets (``(Copyright 2008 by Acme. All Rights Reserved.)``); above the story's first
    sentence or below its last: a page's header or footer row, which the line rules never read whole (the
    labels around the stamp or notice are none) and the stamp's or notice's own rules never find in a row.
    A row inside the story stays, and so does one beside another row with a date (a table of dates: a
    schedule, prices by day).

    >>> story = "The council voted on Monday to close the depot by the end of next year, the mayor told reporters."
    >>> d = Document("| Jan 7, 2008 4:07 PM EST | Comments (3) | Email |\\n" + story + "\\nPrint · Email · Jan 7, 2008")
    >>> [f.excerpt.strip() for f in page_rows(d, builtin_rules())]
    ['| Jan 7, 2008 4:07 PM EST | Comments (3) | Email |', 'Print · Email · Jan 7, 2008']
    >>> d = Document(story + "\\n| Jan 7, 2008 | Home |\\n| Jan 14, 2008 | Away |")  # a schedule
    >>> page_rows(d, builtin_rules())
    []
    """
    lines = units(doc, "line") if lines is None else lines
    story = [i for i, unit in enumerate(lines) if _story_line(unit.text)]
    first, last = (story[0], story[-1]) if story else (len(lines), -1)
    out = []
    for i, unit in enumerate(lines):
        if first <= i <= last or not unit.text.strip() or not any(ch.isdigit() for ch in unit.text):
            continue
        row = _page_row(unit.text, rules, ctx)
        if row is None or any(_dated_row(lines[j].text) for j in (i - 1, i + 1) if 0 <= j < len(lines)):
            continue
        code, pieces = row
        what, name = ("time stamp row", "stamp-row") if code == "B015" else ("copyright footer row", "legal-row")
        if not _enabled(ctx, code):
            continue
        out.append(doc.finding(code, f"{what} '{pieces}'", *unit_deletion(doc, unit.start, unit.end),
                               suggestion="", fix="safe", source=f"{SOURCE}:{name}"))
    return out


_TEASER_BULLET = re.compile(r"(?:[-•–*·▪►»][ \t]?){1,2}")
_BRACKETED_STAMP = re.compile(r"(.{10,200}?)[ \t]\(([^()\n]{4,40})\)")  # "Depot to close (Jan 7, 2008)"
_TEASER_PIECES = 4  # a headline, its stamp (a date and a time may split it in two), a bar's empty cell
_TEASER_RUN = 2  # a box lists two or more; one dated line under a story may be its own note


def _dated_teaser(text: str, rules: tuple, ctx) -> bool:
    """Whether ``text`` is one teaser of a "latest news" box: a headline (see ``_plain_headline``; a bullet
    before it) and its stamp, as a layout row or one line, the time (a B015 stamp rule reads it whole)
    before or after it or in brackets after it; no other piece but a time.

    >>> rules = builtin_rules()
    >>> [_dated_teaser(t, rules, None) for t in ("| Laursen close to new deal | 15:43 - 13th, Jan 2008 |",
    ...  "| - Tough draw for Indians at Chennai Open \\\\| 29 Dec 2007 |", "Storm names for 2024 revealed (Jan 7, 2008)")]
    [True, True, True]
    >>> [_dated_teaser(t, rules, None) for t in ("| Jan 7, 2008 | Home |", "Jan 7, 2008 | The council voted to close the depot.",
    ...  "| Laursen close to new deal | Sport |")]
    [False, False, False]
    """
    if len(text) > 300:
        return False
    body = text.strip()
    bracketed = _BRACKETED_STAMP.fullmatch(body)
    pieces = list(bracketed.groups()) if bracketed else _row_pieces(text)
    if not 2 <= len(pieces) <= _TEASER_PIECES:
        return False
    stamps, stamp_index = _stamp_table(rules)
    heads = stamped = 0
    for piece in pieces:
        rule = _whole_line_rule(piece, stamps, stamp_index, ctx)
        if rule is not None and rule.fix != "none" and _STAMPED.search(piece):
            stamped += 1
        elif not _TIME.fullmatch(piece):
            heads += 1
            head = piece[_TEASER_BULLET.match(piece).end():] if _TEASER_BULLET.match(piece) else piece
            if heads > 1 or not _plain_headline(head) or _FIXTURE.search(head):
                return False
            if stamped and not _CLOCK.search(body):
                return False  # the date first and no time: a schedule's or a tour's line ("Jan 7, 2008 - The Forum, Leeds")
    return heads == 1 and stamped >= 1


_FIXTURE = re.compile(r"(?i)\bvs?\.? [A-Z]")  # a match in a list of fixtures: "Leeds United v Hull City"
_CLOCK = re.compile(r"\d:[0-5]\d")
# what heads a list of dates that is the story's own: a tour's or a season's dates, a schedule, a timeline
_SCHEDULE_HEADING = re.compile(r"(?i)\b(?:tour|dates|schedule|fixtures|upcoming|events?|calendar|program(?:me)?s?|itinerary|"
                               r"concerts?|shows|performances|timeline|chronology|results)\b")


def dated_teasers(doc: Document, rules: tuple, ctx=None, lines: Optional[list] = None) -> list[Finding]:
    """B008 ``dated-teasers``: below the story's last sentence, a run of two or more teasers each with its
    stamp (``| Laursen close to new deal | 15:43 - 13th, Jan 2008 |``, ``- Storm names revealed \\| 29 Dec
    2007``, ``Depot to close (Jan 7, 2008)``), one a line, blank lines between them: a "latest news" box of
    other stories' headlines. Its heading, if any, is the related-links rules'. No rule reads such a line
    whole (the stamp rules find a stamp, not a headline beside it), and a lone one stays (a story's own
    dated note).

    >>> story = "The council voted on Monday to close the depot by the end of next year, the mayor told reporters."
    >>> d = Document(story + "\\n| Depot to close for good | 15:43 - 13th, Jan 2008 |\\n| Storm names for 2008 revealed | 29 Dec 2007 |")
    >>> [f.excerpt.strip(" |\\n")[:14] for f in dated_teasers(d, builtin_rules())]
    ['Depot to close', 'Storm names fo']
    >>> dated_teasers(Document(story + "\\n| Depot to close for good | 15:43 - 13th, Jan 2008 |"), builtin_rules())
    []
    """
    lines = units(doc, "line") if lines is None else lines
    story = [i for i, unit in enumerate(lines) if _story_line(unit.text)]
    if not story:
        return []
    out = []
    run: list = []
    above = None  # the line above the run: the box's heading when it is one
    for unit in lines[story[-1] + 1:] + [None]:
        if unit is not None and not unit.text.strip():
            continue
        if unit is not None and any(ch.isdigit() for ch in unit.text) and _dated_teaser(unit.text, rules, ctx):
            run.append(unit)
            continue
        if len(run) >= _TEASER_RUN and not (above is not None and _introduces_dates(above.text, rules)):
            if above is not None and _box_heading(above.text):
                run.insert(0, above)
            out.extend(doc.finding("B008", f"teaser with its date '{teaser.text.strip()}'",
                                   *unit_deletion(doc, teaser.start, teaser.end), suggestion="", fix="safe",
                                   source=f"{SOURCE}:dated-teasers") for teaser in run)
        run = []
        above = unit
    return out


def _introduces_dates(text: str, rules: tuple) -> bool:
    """Whether ``text``, right above a run of dated lines, makes them the story's own: it names a schedule, a
    tour or a timeline, or ends in a colon and is no related-links heading (``Related Articles:`` heads a box).

    >>> rules = builtin_rules()
    >>> _introduces_dates("Tour dates", rules), _introduces_dates("How it unfolded:", rules), _introduces_dates("Related Articles:", rules)
    (True, True, False)
    """
    if _SCHEDULE_HEADING.search(text):
        return True
    body = text.strip().strip("|").strip()
    return body.endswith(":") and not any(p.fullmatch(body) for rule in _rules_where(rules, "list headings")
                                          for p, _ in rule.patterns)


_BOX_HEADING_WORDS = 4


def _box_heading(text: str) -> bool:
    """Whether ``text`` may head a box of teasers: one to four words, a capital first, no digit, no sentence end
    (``Latest Headlines``, ``MORE NEWS``, ``Also in Sport``), a table's borders around them.

    >>> _box_heading("| Latest Headlines |"), _box_heading("He left."), _box_heading("Results, Friday 12")
    (True, False, False)
    """
    body = _without_cell_border(text).strip().strip("|").strip()
    return (body[:1].isupper() and not _has_words(body, _BOX_HEADING_WORDS + 1) and not any(ch.isdigit() for ch in body)
            and not _SENTENCE_END.search(body))


_DATED = re.compile(r"(?i)\b(?:\d{1,2}(?:st|nd|rd|th)?,? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?|"
                    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}\b|\d{4}-\d{2}-\d{2}|"
                    r"\d{1,2}/\d{1,2}/\d{2,4})")


_DATA_CELL_WORDS = 12  # a table's cell is short; a longer one holds story (a layout page's story cell)


def _dated_row(text: str) -> bool:
    """Whether ``text`` is a table row (``| ... |``) with a date in it and short cells: a row of a table
    of dates (a layout page's story cell that mentions a date is none).

    >>> _dated_row("| Jan 14, 2008 | Away |"), _dated_row("| Home | News |"), _dated_row("Jan 14, 2008")
    (True, False, False)
    >>> _dated_row("| The council met on Jan 14, 2008 and voted to close the depot by the end of next year, the mayor said. |")
    False
    """
    body = text.strip()
    return (body.startswith("|") and body.count("|") >= 2 and _DATED.search(body) is not None
            and not any(_has_words(cell, _DATA_CELL_WORDS + 1) for cell in _CELL_EDGE.split(body)))


# -- B014 the headline repeated at the top of the body -----------------------------------------------
def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def headline_in_body(doc: Document) -> list[Finding]:
    """B014: the page's headline repeated as the first paragraph of an extracted body.

    Only for text extracted from HTML, where the headline is already in ``metadata["title"]``.
    Before (title "Cat found in Oregon"): ``Cat found in Oregon\\n\\nA cat missing for ...``
    After: ``A cat missing for ...``
    """
    if doc.kind != "html" or len(doc.paragraphs) < 2:
        return []
    titles = {_norm(t) for t in (doc.metadata.get("title"), doc.metadata.get("headline")) if t}
    titles.discard("")
    for para in doc.paragraphs[:2]:
        text = _norm(para.text)
        if len(text.split()) < 2 or "\n" in para.text:
            continue
        if text in titles or len(text.split()) >= 3 and any(
            t.startswith(text + " ") and len(text) >= 0.6 * len(t) for t in titles
        ):
            start, end = unit_deletion(doc, para.start, para.end)
            return [doc.finding(
                "B014", "headline repeated in the article body", start, end,
                suggestion="", fix="safe", source=f"{SOURCE}:headline",
            )]
    return []


# -- B012 repeated paragraphs ------------------------------------------------------------------------
def repeated_paragraphs(doc: Document, min_words: int = 12) -> list[Finding]:
    """B012: a paragraph that already occurred verbatim earlier in the same article; the repeat goes.

    Before: ``The mayor resigned on Monday night.\\n\\nThe mayor resigned on Monday night.\\n\\nShe said``
    After: ``The mayor resigned on Monday night.\\n\\nShe said``
    """
    seen: set = set()
    findings = []
    for para in doc.paragraphs:
        key = " ".join(para.text.split())
        if key not in seen:
            seen.add(key)
            continue
        words = _WORD.findall(key)
        # prose only: lists and recipes legitimately repeat their number-heavy items
        if len(words) < min_words or not _SENTENCE_END.search(key) or sum(w.isdigit() for w in words) * 10 > len(words):
            continue
        start, end = unit_deletion(doc, para.start, para.end)
        findings.append(doc.finding(
            "B012", "paragraph repeated verbatim earlier in the article", start, end,
            suggestion="", fix="safe", source=f"{SOURCE}:repeat",
        ))
    return findings


def run(doc: Document, ctx) -> list[Finding]:
    """Every B finding on one document (ctx may be None: all codes, no batch knowledge)."""
    findings = _first_words_kept(doc, _inside_cells(doc, run_rules(doc, ctx, _rules(ctx), source=SOURCE)))
    findings.extend(glued_trailers(doc, _rules(ctx), ctx))
    lines = units(doc, "line")  # several passes read the line units: built once
    findings.extend(one_cell_rows(doc, _rules(ctx), ctx, lines))
    findings.extend(cell_end_trailers(doc, _rules(ctx), ctx, lines))
    findings.extend(bulleted_lines(doc, _rules(ctx), ctx, lines))
    findings.extend(wrapped_footers(doc, _rules(ctx), ctx, lines))
    findings.extend(trailers_before_links(doc, _rules(ctx), ctx, lines))
    if _enabled(ctx, "B013"):
        findings.extend(author_boxes(doc, lines))
        findings.extend(about_the_author(doc, lines))
    if _enabled(ctx, "B008"):
        findings.extend(related_lists(doc, _rules_where(_rules(ctx), "list headings"), lines))
        findings.extend(trailing_headline_list(doc, lines))
    if _enabled(ctx, "B005"):
        findings.extend(paywall_offer(doc, findings))
    if _enabled(ctx, "B015"):
        findings.extend(dates_under_bylines(doc, _rules(ctx), lines))
        findings.extend(dates_in_the_header(doc, _rules(ctx), lines))
        findings.extend(dates_at_the_end(doc, _rules(ctx), lines))
    if _enabled(ctx, "B015") or _enabled(ctx, "B007"):
        findings.extend(page_rows(doc, _rules(ctx), ctx, lines))
    if _enabled(ctx, "B008"):
        findings.extend(dated_teasers(doc, _rules(ctx), ctx, lines))
    if _enabled(ctx, "B012"):
        findings.extend(repeated_paragraphs(doc))
    if _enabled(ctx, "B014"):
        findings.extend(headline_in_body(doc))
    if _enabled(ctx, "B011") and ctx is not None:
        learned = (ctx.batch or {}).get("B")
        if learned:
            findings.extend(site_boilerplate.findings(doc, learned, ctx.settings))
    findings.extend(peel_trailers(doc, ctx, findings))
    findings.extend(trailers_above_footers(doc, _rules(ctx), findings, ctx, lines))
    if _enabled(ctx, "B005"):
        findings.extend(prompts_above_junk(doc, _rules(ctx), findings, ctx))
    outer = _outermost(findings, doc.text)
    kept = recall_safe(doc, outer)
    if any(a.suggestion == "" and b.suggestion != "" for a, b in zip(outer, kept)):
        # a deletion only reported now (a repeat inside the article) no longer takes the junk lines
        # inside it: they go in this round, not one copy per fix round once the earlier copy is gone
        outer_ids = {id(f) for f in outer}
        kept = recall_safe(doc, _outermost(kept + [f for f in findings if id(f) not in outer_ids], doc.text))
    return [point_at_content(doc, f) for f in _ends_cleanly(doc, _disjoint(doc, _whole_paragraphs(doc, kept)))]


_LONE_WORD = re.compile(r"[^\W\d_]{2,20}")
_WRAPPED_ON = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*[a-z]")  # the line under it goes on in lower case (a blank line between)


def _first_words_kept(doc: Document, findings: list[Finding]) -> list[Finding]:
    """The deletions of ``findings`` without those of a lone word on its line that is a sentence's first
    word, wrapped: the line under it (a blank line between, as an extractor sets a link's word apart) goes on
    in lower case and the line above it ends a sentence (or there is none, or a blank line). An extractor breaks a line after a link's word (``Photos`` / ``which were
    released online ...``): a label rule reads ``Photos`` as a gallery's label, and the sentence loses its
    subject. A caption's word between two halves of a sentence (``... at the`` / ``Photos`` / ``rally ...``)
    is still deleted.

    >>> d = Document("Photos\\nwhich were released online show the actress.\\n\\nIt rained.\\nVideo\\nfootage shows it.\\nat the\\nPhotos\\nrally")
    >>> found = [d.finding("B010", "", m.start(), m.end(), suggestion="", source="b:interface-word")
    ...          for m in re.finditer(r"(?m)^(?:Photos|Video)$", d.text)]
    >>> [d.text[f.start:f.end] for f in _first_words_kept(d, found)]
    ['Photos']
    >>> _first_words_kept(d, found)[0].start > 60
    True
    """
    text = doc.text
    out = []
    for f in findings:
        if f.suggestion == "" and _LONE_WORD.fullmatch(text[f.start:f.end].strip()):
            content = text[f.start:f.end]
            lead = f.start + len(content) - len(content.lstrip())
            tail = f.start + len(content.rstrip())
            line_start = text.rfind("\n", 0, lead) + 1
            above = text[:max(line_start - 1, 0)]
            above_line = above[above.rfind("\n") + 1:]
            if (not text[line_start:lead].strip() and _WRAPPED_ON.match(text, tail)
                    and (not above_line.strip() or _ends_sentence(above_line))):
                continue
        out.append(f)
    return out


def _disjoint(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Deletions that share only a separator are shaped apart, so the fixer applies both.

    Deleting the last paragraph takes the break before it, which the deletion of the paragraph above
    already takes (``A\\n\\n`` and ``\\n\\nB``): the paragraph above then takes the break before
    itself instead, up the run of deleted paragraphs that ends the text, so no break is left over.
    """
    text = doc.text
    out = list(findings)
    order = sorted((i for i, f in enumerate(out) if f.suggestion == ""), key=lambda i: (out[i].start, out[i].end))
    trailing = True  # the later deletion ends the text (nothing but deletions after it)
    for k in range(len(order) - 1, 0, -1):
        later, earlier = out[order[k]], out[order[k - 1]]
        trailing = trailing and not text[later.end:].strip() if k == len(order) - 1 else trailing
        if not (later.start < earlier.end < later.end) or text[later.start:earlier.end].strip():
            trailing = False
            continue
        before = len(text[:earlier.start].rstrip())
        if trailing and before < earlier.start:
            span = (before, later.start)
            target = order[k - 1]
        else:
            span = (earlier.end, later.end)
            target = order[k]
            trailing = False
        f = out[target]
        out[target] = doc.finding(f.code, f.message, *span, suggestion="", fix=f.fix,
                                  confidence=f.confidence, source=f.source)
    return out


def _ends_cleanly(doc: Document, findings: list[Finding]) -> list[Finding]:
    r"""When deletions take everything after the story, the break above the first of them goes too and
    the text keeps its own ending (its final newline): no blank lines are left where the junk was.

    Line deletions take their own newline and touch end to end (``Share this:``, ``Twitter``, ...), so
    the break above the first line and the newline ending the text would otherwise both stay or go.

    >>> t = "The story ends.\n\nShare this:\nTwitter\n"
    >>> d = Document(t)
    >>> fs = [d.finding("B005", "", 17, 29, suggestion="", fix="safe"), d.finding("B010", "", 29, 37, suggestion="", fix="safe")]
    >>> [(f.start, f.end) for f in _ends_cleanly(d, fs)]
    [(15, 29), (29, 36)]
    """
    text = doc.text
    order = sorted((i for i, f in enumerate(findings) if f.suggestion == ""),
                   key=lambda i: (findings[i].start, findings[i].end))
    words_end = len(text.rstrip())
    if not order or findings[order[-1]].end < words_end:
        return findings
    k = len(order) - 1  # up the run of deletions with nothing but whitespace between them
    while k and findings[order[k - 1]].end >= len(text[:findings[order[k]].start].rstrip()):
        k -= 1
    before = len(text[:findings[order[k]].start].rstrip())
    if not before:
        return findings  # nothing is left: no ending to keep
    out = list(findings)
    for i, (start, end) in ((order[k], (before, None)), (order[-1], (None, words_end))):
        f = out[i]
        span = (f.start if start is None else min(start, f.start), f.end if end is None else max(end, f.start))
        if span != (f.start, f.end):
            out[i] = doc.finding(f.code, f.message, *span, suggestion="", fix=f.fix,
                                 confidence=f.confidence, source=f.source)
    return out


# -- position-aware, recall-safe deletion ------------------------------------------------------------
# Lists, repeats and copyright text are junk at the edges of an article and story in its middle (a
# 12-item list, an interview question asked twice, a copyright notice the story quotes); so is a lone
# network name (a share button at the end, a "Twitter" heading in a how-to).
_EDGE_ONLY = {"related-list", "headline-list", "tag-list", "repeat", "copyright-line", "copyright-sign-glued", "disclaimer",
              "disclaimer-edge", "advice-disclaimer", "share-button", "trademark-notice", "copyright-trademarks"}
_PROSE_WORDS = 15


def prose_paragraphs(doc: Document, deletions: list[Finding] = ()) -> list:
    r"""Paragraphs and lines of 15+ words that end a sentence and that no deletion takes whole: the
    article's core runs from the first to the last of them; before and after it lie the leading and
    trailing zones. Lines count too: a scraper's text with one block a line, where a stray blank line
    (an empty table row) makes everything above it one "paragraph", still has its prose lines.

    >>> d = Document("Related:\n\n" + "word " * 20 + "end.\n\nTags: a, b, c")
    >>> [p.start for p in prose_paragraphs(d)]
    [10]
    >>> d = Document("Intro " * 16 + "end.\n- Windows XP\n- OS X Lion\n" + "Tail " * 16 + "end.\n \nTags: a, b")
    >>> sorted({p.start for p in prose_paragraphs(d)})  # the block above the blank line, and its lines
    [0, 126]
    """
    spans = sorted((f.start, f.end) for f in deletions)
    starts = [s for s, _ in spans]
    out = {}
    candidates = list(doc.paragraphs)
    if len(candidates) < doc.text.count("\n") + 1:  # some paragraph holds several lines: read them too
        candidates += units(doc, "line")
    for p in candidates:
        if (p.start, p.end) in out or not _ends_sentence(p.text) or not _has_words(p.text, _PROSE_WORDS):
            continue
        i = bisect.bisect_right(starts, p.start) - 1
        if i >= 0 and spans[i][1] >= p.end:
            continue  # junk, however long (a disclaimer, an author bio)
        out[p.start, p.end] = p
    return sorted(out.values(), key=lambda p: (p.start, p.end))


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (a closing mark may follow the stop); only its end is read.

    >>> _ends_sentence("He left.\u201d  "), _ends_sentence("Related stories")
    (True, False)
    """
    return bool(_SENTENCE_END.search(text.rstrip()[-2:]))


def _has_words(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` words, reading no further than the last of them.

    >>> _has_words("one two three", 3), _has_words("one two", 3)
    (True, False)
    """
    return has_words(text, count)


def _rule_of(finding: Finding) -> tuple:
    return finding.code, finding.source


def recall_safe(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Turn deletions that could take article text into reports (fix "none"): a list item, repeat or
    copyright line with article prose both before and after it (a repeat right after its first copy,
    a copyright line with one short line of prose under it excepted), any deletion of more than ``broad_rules.edit_limit`` words, and every deletion of a rule
    whose deletions together take more (``\\w+`` or ``(?m)^.+$`` in a user pack: a word or line at a time)."""
    deletions = [f for f in findings if f.suggestion == ""]
    if not deletions:  # (most articles) nothing to judge: the prose zones are not read
        return list(findings)
    edge = [f.source.rpartition(":")[2] in _EDGE_ONLY for f in deletions]
    edge_only = list(compress(deletions, edge))  # (by rule, one pass: a membership test per deletion
    # against the edge-only list was quadratic in a page of thousands of share-button lines)
    prose = _without_edge_junk(prose_paragraphs(doc, [f for f, e in zip(deletions, edge) if not e]), edge_only)
    limit = edit_limit(doc.word_count)  # the same \w+ count, shared with the score
    broad = too_broad(doc.text, deletions, _rule_of, doc.word_count)
    if broad:
        broad -= _ending_the_text(doc, deletions, broad)
    # prose before a point exists when the earliest prose end is at or before it (and after it when the
    # latest prose start is at or after it): two numbers, not a scan of the prose per finding
    first_end = min((p.end for p in prose), default=None)
    last_start = max((p.start for p in prose), default=None)
    out = []
    for f in findings:
        if f.suggestion != "":
            out.append(f)
            continue
        name = f.source.rpartition(":")[2]
        content = doc.text[f.start:f.end]
        lead = f.start + len(content) - len(content.lstrip())
        tail = f.start + len(content.rstrip())
        why = ""
        if (name in _EDGE_ONLY and prose and first_end <= lead and last_start >= tail
                and not _right_after_its_copy(doc, lead, name) and not _only_a_note_after(doc, prose, name, tail)):
            why = "inside the article body"
        elif word_count(content) > limit:
            why = "would delete a large part of the article"
        elif _rule_of(f) in broad:
            why = "this rule's deletions together would take a large part of the article"
        out.append(f if not why else doc.finding(
            f.code, f"{f.message} ({why}: reported, not deleted)", f.start, f.end,
            fix="none", confidence=f.confidence, source=f.source))
    return out


_KEPT_WORDS = 15  # the story a paywall box may follow: at least this many words before the box
# the passes (no rule of a pack) whose deletions, all in the run that ends the text, may take more than a
# rule's share: a "latest news" box of four dated teasers under a short wire story holds a third of its words
_TAIL_PASSES = {"dated-teasers"}


def _ending_the_text(doc: Document, deletions: list[Finding], broad: set) -> set:
    """The shipped rules of ``broad`` whose deletions all lie in the run of deletions that ends the text,
    with at least 15 words of the article before that run: a paywall's box of prompts under a story the
    wall cut short holds as many words as the story, and one rule finds most of its lines, but nothing
    of the article is after them. A rule that takes lines the article goes on after is still held back,
    and so is any rule of a user's pack.

    >>> story = "The council voted on Monday to approve the budget for the coming year, which funds road repairs and "
    >>> box = ("Support us from as little as $1 - it only takes a minute. Thank you.\\n" * 4)
    >>> d = Document(story + "two schools, and it\\n\\n" + box)
    >>> found = [d.finding("B005", "", m.start(), m.end() + 1, suggestion="", source="boilerplate:reader-revenue-box")
    ...          for m in re.finditer("Support.*", d.text)]
    >>> _ending_the_text(d, found, {("B005", "boilerplate:reader-revenue-box")})
    {('B005', 'boilerplate:reader-revenue-box')}
    >>> _ending_the_text(d, found[:3], {("B005", "boilerplate:reader-revenue-box")})  # the last line is kept
    set()
    """
    text = doc.text
    start = _deleted_tail(text, deletions)
    if not _has_words(text[:start], _KEPT_WORDS):
        return set()
    shipped = {rule.name for rule in builtin_rules()} | _TAIL_PASSES
    mine: dict = {}
    for f in deletions:
        key = _rule_of(f)
        if key in broad:
            mine[key] = mine.get(key, True) and f.start >= start and f.source.rpartition(":")[2] in shipped
    return {key for key, inside in mine.items() if inside}


def _without_edge_junk(prose: list, edge_only: list[Finding]) -> list:
    """Drop from both ends of ``prose`` the paragraphs an edge-only deletion takes whole: a long
    copyright notice or disclaimer that ends the page is junk at the edge, not the article's last
    prose, so the tag list or related block above it is in the trailing zone too.

    >>> d = Document("Lead " * 16 + "end.\\n\\nDover\\n\\n" + "Copyright notice " * 8 + "reserved.")
    >>> prose = prose_paragraphs(d)
    >>> [p.start for p in prose], [p.start for p in _without_edge_junk(prose, [d.finding("B007", "", 93, 238, source="b:copyright-line")])]
    ([0, 93], [0])
    """
    if not edge_only or not prose:
        return prose
    spans = sorted((f.start, f.end) for f in edge_only)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # the furthest end of the spans starting up to each

    def taken(p) -> bool:
        i = bisect.bisect_right(starts, p.start) - 1
        return i >= 0 and reach[i] >= p.end

    first, last = 0, len(prose)
    while last > first and taken(prose[last - 1]):
        last -= 1
    while first < last and taken(prose[first]):
        first += 1
    return prose[first:last]


# a related-links block often sits above one last short paragraph: an editor's note, the author's book
# ("Mike Wall's book ... is out now."), a correction; the block is then still in the trailing zone
_NOTE_WORDS = 40


def _only_a_note_after(doc: Document, prose: list, name: str, tail: int) -> bool:
    """Whether the only prose after ``tail`` is the article's last paragraph, of 40 words or fewer
    (headline lists only).

    >>> note = "The author's book about the search for life, Out There (Grand Central, 2018), is out now in stores."
    >>> d = Document("Lead " * 16 + "end.\\n\\n- A Headline Of Some Length\\n\\n" + note)
    >>> _only_a_note_after(d, prose_paragraphs(d), "headline-list", 110), _only_a_note_after(d, prose_paragraphs(d), "repeat", 110)
    (True, False)
    """
    if name in _FOOTER_NAMES:
        return _only_a_line_after(prose, tail)
    if name != "headline-list":
        return False
    after = [p for p in prose[-2:] if p.start >= tail]
    last = doc.paragraphs[-1]
    return (len(after) == 1 and after[0].start == last.start and (len(prose) < 2 or prose[-2].start < tail)
            and word_count(last.text) <= _NOTE_WORDS)


# a page's copyright footer often has one more line of the page's own under it that reads as prose (a
# promo, a tip-off prompt: "NWjobs.com is giving away 8 incredible 1-day mentorships ..."); a copyright
# line a story quotes has the story's paragraphs after it
_FOOTER_NAMES = {"copyright-line", "copyright-sign-glued", "copyright-trademarks"}


def _only_a_line_after(prose: list, tail: int) -> bool:
    """Whether the prose after ``tail`` is at most one paragraph or line of 40 words or fewer (copyright
    footers only).

    >>> d = Document("Lead " * 16 + "end.\\n© 2008 Acme Times\\n" + "Win a trip " * 5 + "now.")
    >>> _only_a_note_after(d, prose_paragraphs(d), "copyright-line", 100)
    True
    >>> d = Document("Lead " * 16 + "end.\\n© 2008 Acme Times\\n" + ("Next " * 16 + "end.\\n") * 2)
    >>> _only_a_note_after(d, prose_paragraphs(d), "copyright-line", 100)
    False
    """
    after = [p for p in prose if p.start >= tail]
    return len(after) <= 1 and all(word_count(p.text) <= _NOTE_WORDS for p in after)


def _right_after_its_copy(doc: Document, lead: int, name: str) -> bool:
    """A repeated paragraph that directly follows its first copy (a pasted-twice lead)."""
    if name != "repeat":
        return False
    para = doc.paragraph_at(lead)
    return para is not None and para.index > 0 and doc.paragraphs[para.index - 1].text.split() == para.text.split()


def peel_trailers(doc: Document, ctx, findings: list[Finding], rounds: int = 4) -> list[Finding]:
    """Trailer rules look at the last few paragraphs; when those are all junk, look again above them.

    A source line above a share prompt above a credit: each round cuts the paragraphs already wholly
    deleted off the end, and the deletions glued after the last sentence kept (``... said. (Reporting by
    X; Editing by Y) Photo by Z/Getty Images.``), and runs the end-of-article rules and the glued
    trailers on what is left (same offsets: a prefix).
    """
    tail_rules = _rules_where(_rules(ctx), "last paragraphs")
    found: list[Finding] = []
    cut = len(doc.text)
    for _ in range(rounds):
        new_cut = _junk_tail_start(doc, findings + found, cut)
        if new_cut >= cut or not doc.text[:new_cut].strip():
            break
        cut = new_cut
        prefix = Document(doc.text[:cut].rstrip(), kind=doc.kind, metadata=doc.metadata, path=doc.path)
        found.extend(f for f in _inside_cells(doc, run_rules(prefix, ctx, tail_rules, source=SOURCE)) if f.end <= cut)
        found.extend(f for f in glued_trailers(prefix, _rules(ctx), ctx) if f.end <= cut)
    return found


def _junk_tail_start(doc: Document, findings: list[Finding], cut: int) -> int:
    """Where the run of wholly deleted paragraphs that ends the text before ``cut`` starts.

    Each paragraph reads only the deletions that start inside it (found by bisection), and the
    furthest end of those before it: scanning every deletion per paragraph was quadratic (20,000
    one-line junk paragraphs: minutes).
    """
    spans = sorted((f.start, f.end) for f in findings if f.suggestion == "" and f.start < cut)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max, initial=-1))  # reach[i]: furthest end of spans[:i]
    pos = cut
    for para in reversed(doc.paragraphs):
        if para.start >= cut:
            continue
        first, last = bisect.bisect_left(starts, para.start), bisect.bisect_left(starts, para.end)
        covered = max(para.start, reach[first])  # deletions from before the paragraph that reach into it
        for s, e in spans[first:last]:
            if e <= para.start:
                continue
            if not _blank(doc.text[covered:max(covered, s)]):
                break
            covered = max(covered, e)
        if not _blank(doc.text[covered:min(para.end, cut)]):
            break
        pos = para.start
    return glued_trailer_start(doc.text, spans, pos)


def glued_trailer_start(text: str, spans: list, pos: int) -> int:
    """Where the deletions that run up to ``pos`` start, inside the paragraph before it: trailers glued
    after its last sentence, one after the other (``pos`` when none ends there). ``spans`` are sorted.

    >>> text = "He left. (Reporting by Jo Ma) Photo: AP"
    >>> glued_trailer_start(text, [(30, 39)], 39), glued_trailer_start(text, [(8, 29), (29, 39)], 39)
    (29, 8)
    >>> glued_trailer_start(text, [(9, 29)], 39)
    39
    >>> row = "| He left. (Reporting by Jo Ma) |"  # a table row: the cell's border is no text
    >>> glued_trailer_start(row, [(11, 31)], 33)
    10
    """
    edge = _before_border(text, _before_space(text, pos))
    start = pos
    for s, e in reversed(spans):
        if s < edge and (e >= edge or _NON_SPACE.search(text, e, edge) is None):
            edge = _before_space(text, s)
            start = edge
    return start


_NON_SPACE = re.compile(r"\S")


def _before_border(text: str, pos: int) -> int:
    """``pos`` moved before the border that closes a table row's last cell, when the line up to ``pos``
    is such a row (``| ... |``); else ``pos``.

    >>> _before_border("| He left. |", 12), _before_border("He left. |", 10)
    (10, 10)
    """
    if pos and text[pos - 1] == "|" and _in_a_row(text, pos - 1):
        return _before_space(text, pos - 1)
    return pos


def _before_space(text: str, pos: int) -> int:
    """Where the whitespace before ``pos`` starts (``len(text[:pos].rstrip())``, without copying the
    text before it: per span of a long article that was quadratic, 12 s of B's 1M-word time).

    >>> _before_space("He left. \t Photo", 11), _before_space("x", 0)
    (8, 0)
    """
    while pos and text[pos - 1].isspace():
        pos -= 1
    return pos


def _whole_paragraphs(doc: Document, findings: list[Finding]) -> list[Finding]:
    """When line deletions together empty a paragraph, let them take its separator too.

    ``...streets.\\n\\n[ad_2]\\nSource link`` loses both lines and the blank line before them, so no
    empty paragraph or trailing blank line is left behind (each line keeps its own finding).
    """
    text = doc.text
    out = list(findings)
    order = sorted((i for i, f in enumerate(out) if f.suggestion == ""), key=lambda i: out[i].start)
    k = 0  # findings are visited once overall: paragraphs and deletions both go in text order
    for para in doc.paragraphs:
        while k < len(order) and out[order[k]].end <= para.start:
            k += 1
        inside = []
        while k < len(order) and out[order[k]].start < para.end:
            inside.append(order[k])
            k += 1
        if inside and out[inside[-1]].end > para.end:
            k -= 1  # a deletion running into the next paragraph is looked at again there
        if "\n" not in para.text or len(inside) < 2:
            continue
        pos, whole = para.start, True
        for i in inside:  # deletions do not overlap (see _outermost): gaps between them must be blank
            if text[pos:max(pos, out[i].start)].strip():
                whole = False
                break
            pos = max(pos, out[i].end)
        if not whole or text[pos:para.end].strip():
            continue
        start, end = unit_deletion(doc, para.start, para.end)
        first, last = inside[0], inside[-1]
        stop = out[last].end
        if stop > end and not text[end:stop].strip():
            stop = end  # the last paragraph: its break before goes, the newline ending the file stays
        for i, (s, e) in ((first, (min(start, out[first].start), out[first].end)), (last, (out[last].start, max(end, stop)))):
            f = out[i]
            if (s, e) != (f.start, f.end):
                out[i] = doc.finding(f.code, f.message, s, e, suggestion="", fix=f.fix, confidence=f.confidence, source=f.source)
    return out


def _outermost(findings: list[Finding], text: str = "") -> list[Finding]:
    """One finding per stretch of boilerplate: drop deletions inside a larger B deletion.

    ``[ad_2]Source link`` is one trailer (B002), not also a shortcode (B001) inside it. Among equal
    spans the safest, then the first rule, wins. Only the text counts, not the space around it: two
    passes that find the same trailer, one with the space before it and one with the space after it,
    give one deletion (both would leave the two spaces around it where one was: ``said.  |``).

    >>> d = Document("He left. Jo Ma contributed to this report. |")
    >>> fs = [d.finding("B013", "", 8, 42, suggestion=""), d.finding("B013", "", 9, 43, suggestion="")]
    >>> [(f.start, f.end) for f in _outermost(fs, d.text)]
    [(8, 42)]
    """
    rank = {"safe": 0, "unsafe": 1, "none": 2}
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start), rank.get(f.fix, 3)))
    kept: list[Finding] = []
    reach = -1  # the furthest end of any kept deletion: in start order, containment needs no more
    for finding in ordered:
        if finding.end <= reach or (text and finding.start < reach and _before_space(text, finding.end) <= reach):
            continue
        kept.append(finding)
        if finding.suggestion == "":
            reach = finding.end
    return kept


def learn(docs, settings):
    """First pass over a batch: the lines each site repeats across its articles (see site_boilerplate)."""
    return site_boilerplate.learn(docs, settings)


#: the batch pass in two halves (``learn`` is ``learn_from`` of every article's ``features``)
features = site_boilerplate.features
learn_from = site_boilerplate.learn_features
#: the code whose check reads what the batch pass learns (``ctx.batch["B"]``): a batch selecting no B011 does not learn
LEARNED_FOR = "B011"
