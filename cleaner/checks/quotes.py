"""Q family: quotation and sentence punctuation, built on the quotation model (``quote_model.py``).

Each check is a pure function ``(text, model) -> list[Edit]`` with a before/after in its docstring;
``run`` turns the edits into findings. The model tells every check which marks open and close a
quotation, which paragraphs run on into the next (correct, never flagged) and the article's own
quote style, so a repair follows the article and leaves right copy alone. Word lists live in
``rules/quotes.toml``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple, Optional

from . import quote_model as qm
from .quote_model import CURLY_CLOSE, CURLY_OPEN, STRAIGHT, QuoteModel, build, is_abbreviation, rules


class Edit(NamedTuple):
    """One proposed finding: ``text[start:end]`` → ``suggestion`` (None: report only), with its safety."""

    code: str
    message: str
    start: int
    end: int
    suggestion: Optional[str]
    fix: str = "safe"
    confidence: float = 0.9


def _close_before(model: QuoteModel, pos: int) -> bool:
    mark = _mark_at(model, pos)
    return mark is not None and mark.role in {"close", "extra"}


def _mark_at(model: QuoteModel, pos: int):
    para = model.paragraph_at(pos)
    if para is None:
        return None
    for m in para.marks:
        if m.pos == pos:
            return m
    return None


def closing_glyph(model: QuoteModel, opening) -> str:
    """The closing mark that matches a quotation's opening mark (straight for straight, curly for curly)."""
    if opening is None or len(opening.char) != 1:
        return model.expected("close")
    return STRAIGHT if opening.char == STRAIGHT else CURLY_CLOSE


def _comma_style(model: QuoteModel) -> tuple[int, int]:
    """(American ``,"``, British ``",``) counts of commas at closing marks in this article."""
    text = model.text
    american = british = 0
    for m in model.marks:
        if m.role != "close":
            continue
        if m.pos > 0 and text[m.pos - 1] == ",":
            american += 1
        elif m.pos + 1 < len(text) and text[m.pos + 1] == "," and m.pos > 0 and text[m.pos - 1].isalnum():
            british += 1
    return american, british


def punctuation_outside_quote(text: str, model: QuoteModel) -> list[Edit]:
    """Q001: the comma that belongs before a closing quote knocked outside it.

    ``every day. , "Said`` → ``every day," Said`` (Q002 lowers the verb); ``day", said`` → ``day," said``
    when the article itself puts commas inside its closing quotes (British `"always fatal", says`
    is left alone in British-style copy).
    """
    edits = []
    for m in re.finditer(r"(?<=\w)\. , ([\"“”])", text):
        mark = m.start(1)
        if not _close_before(model, mark):
            continue
        after = text[mark + 1] if mark + 1 < len(text) else ""
        found = _mark_at(model, mark)
        partner = found.quotation.open if found is not None and found.quotation is not None else None
        glyph = closing_glyph(model, partner)
        suggestion = "," + glyph + ("" if (not after or after.isspace()) else " ")
        edits.append(Edit("Q001", "comma outside the closing quote (with a stray full stop)", m.start(), m.end(), suggestion, "safe", 0.95))
    american, british = _comma_style(model)
    for m in re.finditer(r"(?<=\w)([\"”]),(?=\s)", text):
        mark = _mark_at(model, m.start(1))
        q = mark.quotation if mark is not None else None
        if mark is None or mark.role != "close" or q is None or q.open is None:
            continue
        quoted = text[q.open.pos + len(q.open.char):mark.pos]
        sentence = bool(re.match(r"[A-Z]", quoted)) and len(quoted.split()) >= 3
        attributed = _attribution_after(text, m.end())
        others = british - 1  # British-style commas elsewhere in the article
        if sentence and attributed and american >= 1 and others <= american // 3:
            fix = "safe"  # a quoted sentence with its attribution: the comma goes inside in any style
        elif american >= 2 and others <= american // 4:
            fix = "safe" if sentence or american >= 3 else "unsafe"
        elif american >= 1 and others == 0:
            fix = "unsafe"
        elif american == 0 and others == 0 and sentence and attributed:
            # a quoted sentence before its attribution takes the comma inside in British style too,
            # but an article with no other quotation gives no evidence of its own habit: report only
            edits.append(Edit("Q001", "comma outside the closing quote of a quoted sentence", m.start(), m.end(), None, "none", 0.5))
            continue
        else:
            continue  # the article puts commas outside: its own (British) style
        edits.append(Edit("Q001", "comma outside the closing quote; this article puts it inside", m.start(), m.end(), "," + m.group(1), fix, 0.8))
    return edits


def _period_style(model: QuoteModel) -> tuple[int, int]:
    """(American ``."``, British ``".``) counts of full stops at closing marks in this article."""
    text = model.text
    american = british = 0
    for m in model.marks:
        if m.role != "close" or m.pos == 0:
            continue
        if text[m.pos - 1] == "." and not text[max(0, m.pos - 3):m.pos] == "...":
            american += 1
        elif text[m.pos + 1:m.pos + 2] == "." and text[m.pos - 1].isalnum() and text[m.pos + 2:m.pos + 3] != ".":
            british += 1
    return american, british


def period_outside_quote(text: str, model: QuoteModel) -> list[Edit]:
    """Q001 (full stop): a quoted sentence's full stop knocked outside the closing quote.

    ``said: "We will win the next one". He left.`` → ``said: "We will win the next one." He left.``
    A quoted sentence (capital, four words or more) takes its stop inside in American and British
    style alike; a quoted fragment only in an article that puts the stop inside at least three times
    as often as outside (``"Welcome Jose".`` and ``“great success”.`` in British copy stay); none
    when the article puts more stops outside than inside.
    """
    american, british = _period_style(model)
    american_habit = american >= 3 and 3 * british <= american
    sites = []
    for m in re.finditer(r"(?<=\w)([\"”])\.(?=\s|$)", text):
        mark = _mark_at(model, m.start(1))
        q = mark.quotation if mark is not None else None
        if mark is None or mark.role != "close" or q is None or q.open is None:
            continue
        quoted = text[q.open.pos + len(q.open.char):mark.pos]
        if (re.match(r"[A-Z]", quoted) and len(quoted.split()) >= 4) or american_habit:
            sites.append(m)
    if len(sites) > 2 and american < len(sites):
        return []  # the article's own habit: stops outside its quotations
    return [
        Edit("Q001", "full stop outside the closing quote of a quoted sentence", m.start(), m.end(), "." + m.group(1), "safe", 0.8)
        for m in sites
    ]


def _attribution_after(text: str, pos: int) -> bool:
    tail = re.split(r"(?<=[a-z])[.?!](?:\s|$)", text[pos:pos + 160])[0]
    words = re.findall(r"[\w’'-]+", tail)[:14]
    return any(w.lower() in rules()["verbs"] for w in words)


def capitalised_attribution_verb(text: str, model: QuoteModel) -> list[Edit]:
    """Q002: an attribution capitalised after a quotation that ends in ``,`` ``?`` or ``!``.

    ``," Said Bruce Bagley`` → ``," said Bruce Bagley``; ``," He said`` → ``," he said``
    """
    edits = []
    verbs, pronouns = rules()["verbs"], rules()["pronouns"]
    for m in re.finditer(r"([\"“”]) ?([A-Z][a-z]*)\b(?: (\w+))?", text):
        word, nxt = m.group(2), (m.group(3) or "")
        is_verb = word.lower() in verbs
        if not (is_verb or (word.lower() in pronouns and nxt in verbs)):
            continue
        if not _close_before(model, m.start(1)):
            continue
        before = text[max(0, m.start(1) - 4):m.start(1)].rstrip()
        if not before or before[-1] not in ",?!":
            continue
        what = "attribution verb" if is_verb else "pronoun of the attribution"
        edits.append(Edit("Q002", f"{what} after a quotation should be lower-case: {word!r}", m.start(2), m.start(2) + 1, word[0].lower(), "safe", 0.95))
    return edits


_STRAY_STOP = re.compile(r"(?<![\w.’'-])([A-Z][\w’'&-]*)\. ([a-z][\w’'-]*)")


def stray_full_stop(text: str, model: QuoteModel) -> list[Edit]:
    """Q003: a full stop after a name, before a lower-case continuation of the same sentence.

    ``Colonel Sean Ryan. in an email`` → ``Colonel Sean Ryan in an email``; ``Co. in`` and ``U.S. in``
    are abbreviations and stay.
    """
    edits = []
    starters = rules()["starters"]
    for m in _STRAY_STOP.finditer(text):
        word, nxt = m.group(1), m.group(2)
        if is_abbreviation(word) or len(word) < 2 or nxt in starters:
            continue
        if word.isupper() and len(word) <= 4:
            continue  # acronyms such as ``ST.`` or ``NO.`` are often abbreviations themselves
        if re.match(r"(?:https?|www)\b", nxt) or "." in nxt:
            continue
        previous = re.search(r"(\S+)\s+$", text[max(0, m.start() - 40):m.start()])
        if previous is not None and re.match(r"[\d¼½¾⅓⅔⅛]", previous.group(1)):
            continue  # ``1 Tbsp. fresh ginger``: a unit after a number
        multiword = previous is not None and previous.group(1)[:1].isupper() and not previous.group(1).endswith(".")
        edits.append(Edit("Q003", "stray full stop before a lower-case continuation", m.end(1), m.end(1) + 1, "", "safe", 0.9 if multiword else 0.75))
    return edits


def space_before_punctuation(text: str, model: QuoteModel) -> list[Edit]:
    """Q004: a space before ``,`` ``;`` ``?`` ``!``, a sentence-final ``.``, or a colon in running text.

    ``the statement read .`` → ``the statement read.``; ``day ," she said`` → ``day," she said``.
    Ellipses (`` ...``), tickers (`` .DJI``), decimals (`` .45``) and list layouts (``VIP : 60,000``) stay.
    """
    edits = []
    for m in re.finditer(r"(?<=[\w)%”\"’])( +)([,;?!]|\.(?!\.))(?=\s|$|[\"”’)])", text):
        edits.append(Edit("Q004", f"space before {m.group(2)!r}", m.start(1), m.end(1), "", "safe", 0.9))
    for m in re.finditer(r"(?<=[a-z]{2})( +):(?= [\"“”'‘A-Za-z])", text):
        # ``he said : "We`` (a spaced colon in running text; ``VIP : 60,000`` lists have no lower-case word before)
        edits.append(Edit("Q004", "space before ':'", m.start(1), m.end(1), "", "safe", 0.85))
    return edits


def doubled_punctuation(text: str, model: QuoteModel) -> list[Edit]:
    """Q005: doubled punctuation: ``,,`` ``..`` (not an ellipsis) ``;;`` and a full stop before a comma.

    ``shareholder. , Japanese`` → ``shareholder, Japanese``; ``breathing.. Amid`` → ``breathing. Amid``.
    ``!!`` and ``??`` are the writer's emphasis and stay.
    """
    edits = []
    for m in re.finditer(r"(?<=[^\W\d_)\]\"”’]),(?: ?,)+|(?<=\w);;+|(?<=[^\W\d_)\]\"”’])\.\.(?=\s|$)", text):
        edits.append(Edit("Q005", f"doubled punctuation {m.group()!r}", m.start(), m.end(), m.group()[0], "safe", 0.9))
    for m in re.finditer(r"(?<=[\w)])\. ,(?= )", text):
        if re.match(r"\s*[\"“”]", text[m.end():m.end() + 3]):
            continue  # ``day. , "Said``: Q001 repairs the whole site
        word = re.search(r"(\S+)$", text[max(0, m.start() - 30):m.start()])
        if word and is_abbreviation(word.group(1)):
            edits.append(Edit("Q005", "space before a comma after an abbreviation", m.start() + 1, m.end() - 1, "", "safe", 0.85))
        else:
            edits.append(Edit("Q005", "full stop before a comma", m.start(), m.end(), ",", "safe", 0.9))
    return edits


def unbalanced_quotes(text: str, model: QuoteModel) -> list[Edit]:
    """Q006: a quotation whose closing mark was lost or doubled (run-on quotations are right and stay).

    ``"Hands! Let me see your hands! an officer ordered.`` → ``... your hands!" an officer ordered.``;
    ``inevitable.””`` → ``inevitable.”``
    """
    edits = []
    for para in model.paragraphs:
        for first, extra in para.doubled:
            which = "opening" if first.role == "open" else "closing"
            edits.append(Edit("Q006", f"doubled {which} quotation mark", extra.pos, extra.pos + len(extra.char), "", "safe", 0.95))
        for q in para.quotations:
            if not q.unclosed:
                continue
            if q.missing_close is None:
                edits.append(Edit("Q006", "quotation opened but never closed", q.open.pos, q.open.pos + 1, None, "none", 0.6))
                continue
            p = q.missing_close
            glyph = closing_glyph(model, q.open)
            sure = q.missing_sure
            edits.append(Edit(
                "Q006", f"closing quotation mark missing ({q.missing_rule})", p - 1, p, text[p - 1] + glyph,
                "safe" if sure else "unsafe", 0.9 if sure else 0.6,
            ))
    return edits


def _is_straight(mark) -> bool:
    return mark.char == STRAIGHT


def _local_style(model: QuoteModel, q) -> Optional[str]:
    """The style of the consistent quotations nearest to ``q`` (same paragraph first, then ±3)."""
    for radius in (0, 1, 3):
        votes = Counter()
        for para in model.paragraphs[max(0, q.paragraph - radius):q.paragraph + radius + 1]:
            for other in para.quotations:
                if other is q or other.open is None or other.close is None:
                    continue
                if len(other.open.char) == 1 and len(other.close.char) == 1 and _is_straight(other.open) == _is_straight(other.close):
                    votes["straight" if _is_straight(other.open) else "curly"] += 1
        if votes:
            (style, n), *rest = votes.most_common()
            if not rest or rest[0][1] < n:
                return style
    return None


def mixed_quote_marks(text: str, model: QuoteModel) -> list[Edit]:
    """Q007: one mark of a quotation in the other style (curly/straight), or a curly mark turned the wrong way.

    In curly copy ``"Hey, Siri” and`` → ``“Hey, Siri” and``; ``“no.“ That’s`` → ``“no.” That’s``.
    In straight copy ``“end of an era,"`` → ``"end of an era,"``. A quotation whose two marks agree is
    the publisher's choice and stays; the fix follows the style of the quotations around it.
    """
    strong = _strong_style(text)
    edits = []

    def emit(mark, want, sure, why):
        role = "opening" if mark.role == "open" else "closing"
        edits.append(Edit("Q007", f"{role} quotation mark {why}", mark.pos, mark.pos + 1, want,
                          "safe" if sure else "unsafe", 0.85 if sure else 0.5))

    for q in model.quotations:
        marks = [m for m in (q.open, q.close) if m is not None and len(m.char) == 1]
        if q.open is not None and q.close is not None and len(marks) == 2:
            o, c = marks
            if _is_straight(o) == _is_straight(c):
                if o.char == CURLY_CLOSE:
                    emit(o, CURLY_OPEN, o.context == "open", "turned the wrong way")
                if c.char == CURLY_OPEN:
                    emit(c, CURLY_CLOSE, c.context == "close", "turned the wrong way")
                continue
            curly = c if _is_straight(o) else o
            turned = (curly is o and o.char == CURLY_CLOSE) or (curly is c and c.char == CURLY_OPEN)
            if turned:
                # a curly mark of the wrong direction beside a straight partner: the curly one is the damage
                emit(curly, STRAIGHT, curly.context == curly.role, "in the other quote style")
                continue
            style = model.style if strong else (_local_style(model, q) or model.style)
            wrong = o if _is_straight(o) != (style == "straight") else c
            want = STRAIGHT if style == "straight" else (CURLY_OPEN if wrong.role == "open" else CURLY_CLOSE)
            sure = strong and (style == "straight" or wrong.context in (wrong.role, "either"))
            emit(wrong, want, sure, "in the other quote style")
        else:
            for mark in marks:
                if mark.role not in ("open", "close"):
                    continue
                want = model.expected(mark.role)
                if mark.char == want:
                    continue
                wrong_way = mark.char != STRAIGHT and want != STRAIGHT
                if wrong_way:
                    emit(mark, want, mark.context == mark.role, "turned the wrong way")
                elif strong:
                    emit(mark, want, False, "in the other quote style")
    return edits


def _strong_style(text: str) -> bool:
    """Is the article's quote style clear: its double marks 3:1 one way, or few doubles and clear apostrophes?"""
    curly, straight = qm.style_counts(text)
    if max(curly, straight) >= RATIO * max(1, min(curly, straight)):
        return True
    if min(curly, straight) > 2:
        return False
    weighted_curly = 2 * curly + text.count("’") + text.count("‘")
    weighted_straight = 2 * straight + text.count("'")
    return max(weighted_curly, weighted_straight) >= RATIO * max(1, min(weighted_curly, weighted_straight))


RATIO = 2.0  # how much more one style must be used than the other to count as the article's own


_MISSING_SPACE = re.compile(r"(?<![\w.@/:’'-])([a-z][a-z’'-]*[a-z]|\d{2,})\.([A-Z][a-z’']*)(?=[\s,;:!?\"”’)]|$)")


def missing_space_after_stop(text: str, model: QuoteModel) -> list[Edit]:
    """Q008: no space after a sentence-final full stop.

    ``the release said.The company`` → ``the release said. The company``. Addresses (``example.com``,
    ``Node.js``) and dotted abbreviations are left alone.
    """
    edits = []
    tlds = rules()["tlds"]
    for m in _MISSING_SPACE.finditer(text):
        token_start = text.rfind(" ", 0, m.start()) + 1
        token_end = re.search(r"\s|$", text[m.end():]).start() + m.end()
        token = text[token_start:token_end]
        if any(s in token for s in ("/", "@", "www", "http", "=")) or m.group(2) in tlds:
            continue
        if len(m.group(2)) == 1 and m.group(2) not in {"I", "A"}:
            continue
        dot = m.end(1)
        edits.append(Edit("Q008", "missing space after a full stop", dot, dot + 1, ". ", "safe", 0.9))
    for m in re.finditer(r"(?<=[a-z]{2})([?!])(?=[A-Z][a-z’']+\b)", text):
        token_start = text.rfind(" ", 0, m.start()) + 1
        token = text[token_start:m.end() + 20].split(" ")[0]
        if any(s in token for s in ("/", "@", "www", "http", "=")):
            continue
        edits.append(Edit("Q008", f"missing space after {m.group(1)!r}", m.start(), m.end(), m.group(1) + " ", "safe", 0.85))
    return edits


def _style_near(model: QuoteModel, pos: int) -> tuple[str, str]:
    """Opening and closing marks to use at ``pos``: the article's style, or in copy that mixes styles,
    the style of the nearest consistent quotations."""
    if not _strong_style(model.text):
        para = model.paragraph_at(pos)
        probe = qm.Quotation(None, None, para.index if para is not None else 0)
        style = _local_style(model, probe)
        if style == "straight":
            return STRAIGHT, STRAIGHT
        if style == "curly":
            return CURLY_OPEN, CURLY_CLOSE
    return model.expected("open"), model.expected("close")


def foreign_quote_marks(text: str, model: QuoteModel) -> list[Edit]:
    """Q009: a quotation in foreign marks (« », „ “, ‹ ›, 「 」) in English copy, converted to the article's style.

    ``he said «we will stay»`` → ``he said “we will stay”`` (or straight marks in straight copy).
    A lone ``»`` (a "more" arrow) has no partner and stays.
    """
    edits = []
    taken: set[int] = set()
    for open_mark, close_mark, name in rules()["foreign"]:
        pattern = re.compile(re.escape(open_mark) + r"([ \u00a0\u202f]?)([^\n«»„“”‹›「」『』]{1,400}?)([ \u00a0\u202f]?)" + re.escape(close_mark))
        for m in pattern.finditer(text):
            if m.start() in taken or m.end() - 1 in taken or not m.group(2).strip():
                continue
            taken.update({m.start(), m.end() - 1})
            opening, closing = _style_near(model, m.start())
            edits.append(Edit("Q009", f"foreign quotation mark ({name})", m.start(), m.start(1) + len(m.group(1)), opening, "safe", 0.9))
            edits.append(Edit("Q009", f"foreign quotation mark ({name})", m.start(3), m.end(), closing, "safe", 0.9))
    return edits


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))(['‘])(?=[A-Z])", re.M)
_SINGLE_CLOSE = re.compile(r"(?<=[,.?!])(['’])(?=[\s)\]—–]|$)", re.M)


def _single_quoted_speech(text: str, model: QuoteModel) -> list[tuple[int, int, bool]]:
    """(open, close, attributed) of each top-level sentence quoted in single marks, in body paragraphs.

    The opening mark stands before a capital; the closing one after the quotation's own ``, . ? !``
    (so apostrophes, ``’90s`` and plural possessives never close); the quotation stays in one
    paragraph and is not inside a double-quoted quotation; headlines keep their single quotes.
    """
    found = []
    verbs = rules()["verbs"]
    for para in model.paragraphs:
        body = text[para.start:para.end]
        if not re.search(r"[.?!\"”’]$", body) or len(body.split()) < 8:
            continue
        pos = para.start
        while True:
            m = _SINGLE_OPEN.search(text, pos, para.end)
            if not m:
                break
            pos = m.end()
            inside = [mk for mk in para.marks if mk.pos < m.start() and mk.role in {"open", "close"}]
            if inside and inside[-1].role == "open":
                continue
            close = _SINGLE_CLOSE.search(text, m.end(), para.end)
            if not close:
                continue
            quoted = text[m.end():close.start()]
            if len(quoted.split()) < 3 or re.search(r"[\"“”‘]|(?<![\w])['’]", quoted) or "\n" in quoted:
                continue
            after = [w.lower() for w in re.findall(r"[\w’'-]+", text[close.end():close.end() + 80])[:4]]
            before = text[max(para.start, m.start() - 30):m.start()]
            attributed = any(w in verbs for w in after) or bool(re.search(r"\b(?:%s)\s?[:,]\s*$" % "|".join(sorted(verbs)), before))
            if attributed:
                found.append((m.start(), close.start(), True))
            pos = close.end()
    return found


def headline_single_quotes(text: str, model: QuoteModel) -> list[Edit]:
    """Q010: a spoken quotation in headline-style single quotes in body copy that quotes in double marks.

    ``'We will not leave the city,' the mayor said.`` → ``"We will not leave the city," the mayor said.``
    Safe when the article quotes speech in double marks at least half as often; a quote within
    a quote and headline lines keep their single marks.
    """
    doubles = sum(
        1 for q in model.quotations
        if q.open is not None and q.close is not None and len(text[q.open.pos:q.close.pos].split()) >= 3
    )
    if not doubles:
        return []
    spans = _single_quoted_speech(text, model)
    sure = 2 * doubles >= len(spans)
    edits = []
    for start, end, _ in spans:
        fix = "safe" if sure else "unsafe"
        edits.append(Edit("Q010", "quotation in headline-style single quotes", start, start + 1, model.expected("open"), fix, 0.7))
        edits.append(Edit("Q010", "quotation in headline-style single quotes", end, end + 1, model.expected("close"), fix, 0.7))
    return edits


CHECKS = (
    foreign_quote_marks,
    punctuation_outside_quote,
    period_outside_quote,
    capitalised_attribution_verb,
    stray_full_stop,
    space_before_punctuation,
    doubled_punctuation,
    unbalanced_quotes,
    mixed_quote_marks,
    missing_space_after_stop,
    headline_single_quotes,
)


def detect(text: str, *, foreign: bool = True) -> list[Edit]:
    """Every Q edit on ``text``. Paragraphs with foreign marks wait for Q009 before the model judges them."""
    model = build(text)
    edits: list[Edit] = []
    foreign_paras: set[int] = set()
    for check in CHECKS:
        if check is foreign_quote_marks and not foreign:
            continue
        found = check(text, model)
        if check is foreign_quote_marks:
            foreign_paras = {p.index for e in found if (p := model.paragraph_at(e.start)) is not None}
        elif check in (unbalanced_quotes, mixed_quote_marks) and foreign_paras:
            found = [e for e in found if (p := model.paragraph_at(e.start)) is None or p.index not in foreign_paras]
        edits.extend(found)
    return edits


LANGUAGE_NEUTRAL = {"Q005"}


def run(doc, ctx) -> list:
    """The Q findings on ``doc``.

    The quotation and spacing rules are English news style: they run when the configured language is
    English and the text is in it (then foreign marks are converted too). Other text gets only the
    language-neutral checks (doubled punctuation), since French spaces before ``?`` and German
    quotes with „ “ are right in their own languages.
    """
    english = ctx.settings.language.lower().startswith("en") and ctx.is_target_language
    return [
        doc.finding(e.code, e.message, e.start, e.end, suggestion=e.suggestion, fix=e.fix, confidence=e.confidence, source=f"quotes.{e.code}")
        for e in detect(doc.text, foreign=english)
        if ctx.enabled(e.code) and (english or e.code in LANGUAGE_NEUTRAL)
    ]
