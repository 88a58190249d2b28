"""A small Vale-style engine: declarative TOML rules run over a Document, returning findings.

Rule packs say *what* to find; this module says *where* (scopes) and *how the edit is shaped*, so a
newsroom can add a pack without Python. Any family may use it:

    rules = load_rules(load_builtin("boilerplate"), "rules/boilerplate.toml")
    findings = run_rules(doc, ctx, rules, source="boilerplate")

A pack is a TOML table with an array ``[[rule]]``. Each entry:

- ``code`` (e.g. ``B001``), ``message``, ``kind`` = ``existence`` | ``substitution`` | ``capitalization``
- ``pattern`` or ``patterns`` (regexes, checked with ``compile_safe``) or ``tokens`` (literal words,
  matched on word boundaries, all of a rule's in one Aho-Corasick pass); ``ignorecase`` (default false)
- ``scope`` = ``line`` | ``paragraph`` | ``first-paragraphs`` | ``last-paragraphs`` | ``title``
  (``paragraphs = N`` sets how many for first/last, default 1)
- ``match`` = ``search`` (default) or ``full``: the pattern must match the whole unit (stripped)
- ``max-words``: only units with at most this many ``\\w+`` words qualify (short promo lines)
- ``unless``: patterns that veto a unit (e.g. a sentence that merely mentions "Read more")
- ``delete`` = ``match`` (default for existence) or ``unit``: delete the whole line/paragraph
- ``replacement`` (substitution: an ``re`` template such as ``\\1``; capitalization: the canonical
  form), or ``swap`` = {pattern = replacement} for many substitutions
- ``fix`` = ``safe`` | ``unsafe`` | ``none``, ``confidence`` (default 1.0), ``link``
- ``whole-word`` (default false): a match touching a letter, digit, ``_`` or ``-`` on either side is
  no match (``pack`` is not in ``backpack`` nor ``pack-mule``)
- ``keep-case`` (default false): a substitution's suggestion starts with a capital when the match does
- ``keep-plural`` (default false): a pattern ending in ``s?`` that matched a plural puts an ``s`` on
  a replacement without one (``hard circle drives?`` → ``hard disk drive`` or ``hard disk drives``)

A pattern that must end where its unit ends (a last ``$``) and has a bounded width is searched in
the unit's tail only, so trailer rules cost the same on a 10,000-word paragraph as on a short one.
On a unit of ``WINDOWED_UNIT`` characters or more, a pattern with a required literal (its anchor)
and a bounded reach is searched only around that literal's hits, so a 1 MB line costs its anchors.

Deletions are shaped so the text left reads well: an inline deletion takes one neighbouring space,
and deleting a whole paragraph takes its blank-line separator with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple, Optional

from .document import Document
from .errors import RulePackError
from .finding import Finding
from .rule_anchors import AnchorIndex, anchors_by_unit, fold, match_windows, read_reach, required_literals, windowed_finditer
from .rulepacks import LazyPattern, LinearPattern, compile_safe, shown
from .token_sets import TokenSet

KINDS = {"existence", "substitution", "capitalization"}
SCOPES = {"line", "paragraph", "first-paragraphs", "last-paragraphs", "title"}
FIXES = {"safe", "unsafe", "none"}
_WORD = re.compile(r"\w+")
_KNOWN_KEYS = {
    "code", "message", "kind", "pattern", "patterns", "tokens", "ignorecase", "scope", "paragraphs",
    "match", "max-words", "min-words", "unless", "delete", "replacement", "swap", "fix", "confidence",
    "link", "name", "description", "example", "whole-word", "keep-case", "keep-plural", "glued",
}


@dataclass(frozen=True)
class Rule:
    """One compiled pack entry."""

    code: str
    message: str
    kind: str
    patterns: tuple  # of (compiled pattern, replacement or None)
    # longest text every pattern can match: full-match rules skip longer units (only computed for them:
    # it parses every pattern again)
    max_width: Optional[int] = None
    scope: str = "line"
    paragraphs: int = 1
    full: bool = False
    max_words: Optional[int] = None
    min_words: Optional[int] = None
    unless: tuple = ()
    delete_unit: bool = False
    fix: str = "safe"
    confidence: float = 1.0
    link: str = ""
    name: str = ""
    whole_word: bool = False
    keep_case: bool = False
    keep_plural: bool = False
    tails: tuple = ()  # per pattern: how far from its unit's end a search reads (see _tails), or None
    glued: bool = False  # a whole-line rule that also matches the article's last sentences (B: glued_trailers)


class Unit(NamedTuple):
    """A span of the document a rule looks at: a line, a paragraph or the title (a tuple: built for
    every line of every article, faster than a dataclass)."""

    start: int
    end: int
    text: str
    kind: str  # "line" or "paragraph"
    paragraph_index: int = 0


def _as_patterns(entry: dict, where: str) -> list:
    flags = re.IGNORECASE if entry.get("ignorecase") else 0
    out = []
    if "swap" in entry:
        swap = entry["swap"]
        if not isinstance(swap, dict):
            raise RulePackError(f"{where}: 'swap' must be a table of pattern = replacement")
        for pattern, replacement in swap.items():
            out.append((compile_safe(pattern, flags, where=where), str(replacement)))
    raw = []
    if "pattern" in entry:
        raw.append(entry["pattern"])
    raw.extend(entry.get("patterns", []))
    replacement = entry.get("replacement")
    for pattern in raw:
        if not isinstance(pattern, str):
            raise RulePackError(f"{where}: patterns must be strings, got {pattern!r}")
        out.append((compile_safe(pattern, flags, where=where), replacement))
    tokens = entry.get("tokens", [])
    if not isinstance(tokens, list) or not all(isinstance(token, str) for token in tokens):
        raise RulePackError(f"{where}: 'tokens' must be a list of strings")
    if any(tokens):  # one matcher for the whole list (a regex a token cost tokens x text)
        out.append((TokenSet(tokens, flags), replacement))
    if not out:
        raise RulePackError(f"{where}: rule needs 'pattern', 'patterns', 'tokens' or 'swap'")
    return out


def _check_template(pattern, replacement: Optional[str], where: str) -> None:
    r"""A substitution's replacement may only name groups its pattern has: a user rule's ``\9`` after
    ``(mayor)`` raised IndexError at its first match, ending the run. (Shipped patterns, compiled
    lazily for a fast start, are checked by the test suite instead.)

    >>> _check_template(re.compile("(mayor)"), r"\9", "pack.toml: rule 1 (B901)")
    Traceback (most recent call last):
    ...
    cleaner.errors.RulePackError: pack.toml: rule 1 (B901): replacement '\\9' does not fit pattern '(mayor)': invalid group reference 9 at position 1
    """
    if replacement is None or isinstance(pattern, LazyPattern):
        return
    # (tokens have no groups, as the empty pattern: their alternation of 200,000 words cost a second to compile)
    source = "" if isinstance(pattern, TokenSet) else pattern.pattern
    try:
        re.compile(source, pattern.flags).sub(replacement, "")  # parses the template, matches nothing
    except (re.error, IndexError) as exc:
        raise RulePackError(f"{where}: replacement {replacement!r} does not fit pattern {shown(pattern.pattern)}: {exc}") from None


def _max_width(patterns) -> Optional[int]:
    """The longest string any of the patterns can match, or None when unbounded."""
    widest = 0
    for pattern, _ in patterns:
        high = _width(pattern)
        if high is None:
            return None
        widest = max(widest, high)
    return widest


def _width(pattern) -> Optional[int]:
    """The longest string ``pattern`` can match, or None when unbounded.

    >>> _width(re.compile("Read (more|on)")), _width(re.compile("Read.*")), _width(TokenSet(["ad", "Sponsored"]))
    (9, None, 9)
    """
    if isinstance(pattern, TokenSet):  # (parsing the alternation of 200,000 tokens took 5 s and 300 MB)
        return max(map(len, pattern.tokens), default=0)
    try:
        import re._parser as parser  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as parser  # type: ignore[no-redef]
    from . import snapshot

    def width() -> int:
        return parser.parse(pattern.pattern, pattern.flags).getwidth()[1]

    # (remembered for shipped patterns only: a user's own never go into the snapshot)
    high = snapshot.memo("width", (pattern.pattern, int(pattern.flags)), width) \
        if isinstance(pattern, LazyPattern) else width()
    return None if high >= 1 << 20 else high


def _tails(patterns) -> tuple:
    r"""Per pattern, how many characters from its unit's end a search needs to read: a pattern that
    must end where the text ends (a last ``$``, no multi-line flag) and matches at most W characters
    starts at the earliest W + 1 characters before the end (``$`` also matches before a final
    newline); None for any other pattern. A trailer rule run on a 10,000-word paragraph then reads
    its tail, not the whole paragraph (its lookbehinds still see the text before).

    >>> [_tails([(re.compile(p), None)])[0] for p in (r"(?<=\. )Fin\.?$", r"Fin$", r"Fin\$", r"(?m)Fin$", r".*$")]
    [5, 4, None, None, None]
    """
    out = []
    for pattern, _ in patterns:
        source = pattern.pattern
        ends = source.endswith("$") and not source.endswith("\\$") and not pattern.flags & re.MULTILINE
        width = _width(pattern) if ends else None
        out.append(width + 1 if width is not None else None)
    return tuple(out)


def load_rules(pack: dict, where: str = "rule pack") -> list[Rule]:
    """Compile the ``[[rule]]`` entries of a parsed pack; errors name the pack and the entry."""
    entries = pack.get("rule", pack.get("rules", []))
    if not isinstance(entries, list):
        raise RulePackError(f"{where}: 'rule' must be an array of tables ([[rule]])")
    rules = []
    for number, entry in enumerate(entries, 1):
        at = f"{where}: rule {number} ({entry.get('code', '?')})"
        unknown = set(entry) - _KNOWN_KEYS
        if unknown:
            raise RulePackError(f"{at}: unknown key(s) {', '.join(sorted(unknown))}")
        if not re.fullmatch(r"[A-Z]{1,3}\d{3}", str(entry.get("code", ""))):
            raise RulePackError(f"{at}: 'code' must be letters plus three digits, e.g. B001")
        kind = entry.get("kind", "existence")
        scope = entry.get("scope", "line")
        fix = entry.get("fix", "safe")
        if kind not in KINDS:
            raise RulePackError(f"{at}: kind {kind!r} is not one of {sorted(KINDS)}")
        if scope not in SCOPES:
            raise RulePackError(f"{at}: scope {scope!r} is not one of {sorted(SCOPES)}")
        if fix not in FIXES:
            raise RulePackError(f"{at}: fix {fix!r} is not one of {sorted(FIXES)}")
        if entry.get("match", "search") not in {"search", "full"}:
            raise RulePackError(f"{at}: match must be 'search' or 'full'")
        if entry.get("delete", "match") not in {"match", "unit"}:
            raise RulePackError(f"{at}: delete must be 'match' or 'unit'")
        if kind == "capitalization" and entry.get("replacement") is None and "swap" not in entry:
            raise RulePackError(f"{at}: a capitalization rule needs 'replacement' (the canonical form)")
        flags = re.IGNORECASE if entry.get("ignorecase") else 0
        patterns = _as_patterns(entry, at)
        if kind == "substitution":
            for pattern, replacement in patterns:
                _check_template(pattern, replacement, at)
        rules.append(Rule(
            code=entry["code"],
            message=entry.get("message", entry["code"]),
            kind=kind,
            patterns=tuple(patterns),
            max_width=_max_width(patterns) if entry.get("match") == "full" else None,
            tails=() if entry.get("match") == "full" else _tails(patterns),
            scope=scope,
            paragraphs=int(entry.get("paragraphs", 1)),
            full=entry.get("match") == "full",
            max_words=entry.get("max-words"),
            min_words=entry.get("min-words"),
            unless=tuple(compile_safe(p, flags, where=at) for p in entry.get("unless", [])),
            delete_unit=entry.get("delete") == "unit",
            fix=fix,
            confidence=float(entry.get("confidence", 1.0)),
            link=entry.get("link", ""),
            name=entry.get("name", ""),
            whole_word=bool(entry.get("whole-word", False)),
            keep_case=bool(entry.get("keep-case", False)),
            keep_plural=bool(entry.get("keep-plural", False)),
            glued=bool(entry.get("glued", False)) and entry.get("match") == "full",
        ))
    return rules


# -- scopes ------------------------------------------------------------------------------------------
def _lines(doc: Document, paragraphs) -> Iterator[Unit]:
    text = doc.text
    for para in paragraphs:
        pos = para.start
        for raw in text[para.start:para.end].split("\n"):
            stripped = raw.strip()
            if stripped:
                lead = len(raw) - len(raw.lstrip())
                yield Unit(pos + lead, pos + lead + len(stripped), stripped, "line", para.index)
            pos += len(raw) + 1


def _title(doc: Document) -> list[Unit]:
    """The headline: the first paragraph when it is one short line without a closing full stop."""
    if not doc.paragraphs:
        return []
    first = doc.paragraphs[0]
    if "\n" in first.text or len(_WORD.findall(first.text)) > 25 or first.text.endswith("."):
        return []
    return [Unit(first.start, first.end, first.text, "paragraph", 0)]


def units(doc: Document, scope: str, count: int = 1) -> list[Unit]:
    """The spans a rule with this scope looks at, in document order: built once per document
    (``Document.unit_cache``; B's passes and packs asked for the lines ten times an article), so read
    the list, never change it.

    >>> doc = Document("Title\\n\\nOne.\\nTwo.\\n\\nEnd.")
    >>> [u.text for u in units(doc, "line")], units(doc, "line") is units(doc, "line")
    (['Title', 'One.', 'Two.', 'End.'], True)
    >>> [u.text for u in units(doc, "last-paragraphs", 2)], [u.text for u in units(doc, "title")]
    (['One.\\nTwo.', 'End.'], ['Title'])
    """
    key = (scope, count if scope in ("first-paragraphs", "last-paragraphs") else 1)
    cache = doc.unit_cache
    found = cache.get(key)
    if found is None:
        found = cache[key] = _units(doc, scope, count)
    return found


def _units(doc: Document, scope: str, count: int) -> list[Unit]:
    paras = doc.paragraphs
    if scope == "title":
        return _title(doc)
    if scope == "line":
        return list(_lines(doc, paras))
    if scope == "first-paragraphs":
        chosen = paras[:count]
    elif scope == "last-paragraphs":
        chosen = paras[-count:] if count > 0 else []
    else:
        chosen = paras
    return [Unit(p.start, p.end, p.text, "paragraph", p.index) for p in chosen]


# -- edit shapes -------------------------------------------------------------------------------------
def unit_deletion(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The span that deletes a whole line or paragraph ``[start, end)`` with one separator.

    A paragraph takes the break after it (or, when it is the last one, the break before it), so the
    paragraphs around it stay separated by exactly what separated them before.
    """
    text = doc.text
    para = doc.paragraph_at(start)
    whole_paragraph = para is not None and para.start == start and para.end == end
    if whole_paragraph:
        if para.index + 1 < len(doc.paragraphs):
            return start, doc.paragraphs[para.index + 1].start
        if para.index > 0:
            return doc.paragraphs[para.index - 1].end, end
        return 0, len(text)
    # a line inside a paragraph: take its newline
    stop = end
    while stop < len(text) and text[stop] in " \t":
        stop += 1
    if stop < len(text) and text[stop] == "\n":
        return start, stop + 1
    begin = start
    while begin > 0 and text[begin - 1] in " \t":
        begin -= 1
    if begin > 0 and text[begin - 1] == "\n":
        return begin - 1, end
    return start, end


def inline_deletion(text: str, start: int, end: int, unit: Unit) -> tuple[int, int]:
    """Widen a deleted span by one neighbouring space so no double or dangling space is left.

    >>> t = "said. World news. The"
    >>> inline_deletion(t, 6, 17, Unit(0, len(t), t, "line"))
    (6, 18)
    """
    if end < unit.end and text[end] == " " and (start == unit.start or text[start - 1] in " \n"):
        stop = end
        while stop < unit.end and text[stop] == " ":
            stop += 1
        return start, stop
    if start > unit.start and text[start - 1] == " " and (end == unit.end or text[end] in " .,;:!?)\n"):
        begin = start
        while begin > unit.start and text[begin - 1] == " ":
            begin -= 1
        return begin, end
    return start, end


def point_at_content(doc: Document, finding: Finding) -> Finding:
    """A deletion that takes whitespace around what it deletes, pointed at the visible text only.

    Deleting a last paragraph takes the break before it, an inline shortcode the space after it: the
    finding's span, line, column and excerpt become the visible text and the wider span it deletes
    is its ``edit``, so what the fix removes is unchanged.

    >>> t = "The mayor spoke [ad_1] today."
    >>> f = point_at_content(Document(t), Document(t).finding("B001", "x", 16, 23, suggestion="", fix="safe"))
    >>> (t[f.start:f.end], f.col, f.excerpt, f.edit)
    ('[ad_1]', 17, '[ad_1]', [16, 23])
    """
    text = doc.text
    start, end = finding.start, finding.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end or (start, end) == (finding.start, finding.end):
        return finding
    narrowed = doc.finding(finding.code, finding.message, start, end, suggestion=finding.suggestion,
                           fix=finding.fix, confidence=finding.confidence, source=finding.source, **finding.extra)
    narrowed.edit = [finding.edit_start, finding.edit_end]
    narrowed.applied = finding.applied
    return narrowed


# -- running -----------------------------------------------------------------------------------------
def _qualifies(rule: Rule, unit: Unit, words_of: dict) -> bool:
    if rule.full and rule.max_width is not None and len(unit.text) > rule.max_width:
        return False
    # (words are runs of word characters with another character between two: a unit of under twice
    # max_words characters has max_words at most, and is not counted)
    if rule.max_words is not None and len(unit.text) >= 2 * rule.max_words \
            and _unit_has_words(unit, rule.max_words + 1, words_of):
        return False
    if rule.min_words is not None and not _unit_has_words(unit, rule.min_words, words_of):
        return False
    return not rule.unless or not any(p.search(unit.text) for p in rule.unless)


def _unit_has_words(unit: Unit, count: int, words_of: dict) -> bool:
    """``has_words(unit.text, count)``, kept in ``words_of`` for the rules that ask the same of a unit."""
    key = (unit.start, unit.end, count)  # (a line and its paragraph may start alike)
    found = words_of.get(key)
    if found is None:
        found = words_of[key] = has_words(unit.text, count)
    return found


def has_words(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` words (``\\w+`` runs), told by one regex match that stops
    after the last of them: the rules' word limits listed every word of a unit (``findall``), and B's
    passes made a match object for each (1-2% of ``clean(text)`` between them).

    >>> has_words("one, two three", 3), has_words("one two", 3), has_words("", 0), has_words("... x", 1)
    (True, False, True, True)
    """
    if count <= 0:
        return True
    return _words_at_least(count).match(text) is not None


@lru_cache(maxsize=256)
def _words_at_least(count: int) -> re.Pattern:
    """A pattern matching the start of a text of at least ``count`` words (possessive: each word and the
    gap after it are taken whole, no backtracking)."""
    return re.compile(r"\W*+(?:\w++\W*+){%d}" % count)


def _matches(rule: Rule, unit: Unit, anchors: Optional[list] = None) -> Iterator[tuple[re.Match, Optional[str], str]]:
    """(match, its replacement, its pattern's text) of each non-empty match in ``unit``; with
    ``anchors`` (the rule's anchor spans inside a long unit, unit-relative), a pattern of bounded
    reach is searched only around them (see ``rule_anchors.windowed_finditer``)."""
    live = pattern_filter(rule).live(unit.text) if len(rule.patterns) >= MANY_PATTERNS else None
    if live is not None:  # (a pattern whose literals are not in the unit cannot match there)
        live = sorted(live)
    patterns = rule.patterns if live is None else [rule.patterns[n] for n in live]
    if rule.full:
        text = unit.text
        for pattern, replacement in patterns:
            match = pattern.fullmatch(text)
            if match:
                yield match, replacement, pattern.pattern
        return
    tails = rule.tails or (None,) * len(rule.patterns)
    if live is not None:
        tails = [tails[n] for n in live]
    for (pattern, replacement), tail in zip(patterns, tails):
        start = max(0, len(unit.text) - tail) if tail else 0  # an end-anchored pattern reads the tail
        reach = _reach(pattern) if anchors else None
        if reach is not None:
            found = windowed_finditer(pattern, unit.text, match_windows(anchors, reach, start), reach)
        else:
            found = pattern.finditer(unit.text, start)
        for match in found:
            if match.end() > match.start():
                yield match, replacement, pattern.pattern


WINDOWED_UNIT = 4000  # a unit at least this long is searched around its anchors, not whole
MANY_PATTERNS = 16  # a rule of at least this many patterns runs, in a unit, only those whose literals it holds


class PatternFilter:
    """Which of a rule's patterns can match in a text: those one of whose required literals
    (``rule_anchors.required_literals``) it holds, found in one Aho-Corasick pass, and those without
    literals. A newsroom's ``swap`` table of 3,000 phrases was 3,000 searches of every unit that held
    any one of them.

    >>> rule = load_rules({"rule": [{"code": "G591", "message": "m", "ignorecase": True, "swap": {
    ...     "e-mail": "email", "web site": "website", "[0-9]+ percent": "%", "[A-Z]{9}": "x"}}]})[0]
    >>> sorted(PatternFilter(rule.patterns).live("Send an E-MAIL to the Web Site."))
    [0, 1, 3]
    >>> sorted(PatternFilter(rule.patterns).live("Up 5 PERCENT."))
    [2, 3]
    """

    def __init__(self, patterns) -> None:
        import ahocorasick

        self.always: set = set()
        keys: tuple = ({}, {})  # (literals in the text itself, in the folded text) -> pattern numbers
        for number, (pattern, _) in enumerate(patterns):
            literals = required_literals(pattern)
            if not literals:
                self.always.add(number)
                continue
            for literal in literals:
                keys[bool(pattern.flags & re.IGNORECASE)].setdefault(literal, set()).add(number)
        self._automata = []
        for folded, found in enumerate(keys):
            if found:
                automaton = ahocorasick.Automaton()
                for literal, numbers in found.items():
                    automaton.add_word(literal, frozenset(numbers))
                automaton.make_automaton()
                self._automata.append((bool(folded), automaton))

    def live(self, text: str) -> Optional[set]:
        """The numbers of the patterns that can match in ``text``; None (all) when folding ``text``
        would move its offsets (``İ``), as ``AnchorIndex.hits`` says."""
        live = set(self.always)
        for folded, automaton in self._automata:
            read = fold(text) if folded else text
            if len(read) != len(text):
                return None
            for _, numbers in automaton.iter(read):
                live.update(numbers)
        return live


_FILTERS: dict = {}  # id(rule) -> (rule, its PatternFilter); the rule is kept so its id stays its own


def pattern_filter(rule: Rule) -> PatternFilter:
    """The rule's ``PatternFilter``, built once."""
    entry = _FILTERS.get(id(rule))
    if entry is None or entry[0] is not rule:
        if len(_FILTERS) >= 256:
            _FILTERS.clear()
        entry = _FILTERS[id(rule)] = (rule, PatternFilter(rule.patterns))
    return entry[1]


def _reach(pattern) -> Optional[int]:
    """``read_reach`` of a pattern (remembered for shipped patterns, as ``_width``)."""
    from . import snapshot

    if isinstance(pattern, TokenSet):  # one linear pass over the unit: no windows (they would keep
        return None  # only the first of two overlapping tokens, where a whole search finds both)
    if isinstance(pattern, LinearPattern):  # RE2 (linear) reads the unit whole: its ``$`` and ``\b``
        return None  # at a window's end are not Python's
    if isinstance(pattern, LazyPattern):
        return snapshot.memo("reach", (pattern.pattern, int(pattern.flags)), lambda: read_reach(pattern))
    return read_reach(pattern)


def rule_findings(doc: Document, rule: Rule, source: str = "", _cache: Optional[dict] = None,
                  anchors: Optional[list] = None) -> list[Finding]:
    """Findings of one rule on one document; with ``anchors`` (spans of the rule's anchor literals,
    see ``rule_anchors``), only on the units that hold one."""
    out: list[Finding] = []
    seen: set = set()
    text = doc.text
    cache = _cache if _cache is not None else {}
    key = (rule.scope, rule.paragraphs)
    if key not in cache:
        cache[key] = units(doc, rule.scope, rule.paragraphs)
        cache[key, "starts"] = [u.start for u in cache[key]]
    words_of = cache.setdefault("words", {})
    if anchors is None:
        looked_at = [(unit, None) for unit in cache[key]]
    else:
        inside = anchors_by_unit(cache[key], cache[key, "starts"], anchors)
        looked_at = [(cache[key][i], inside[i]) for i in sorted(inside)]
    memo = cache.get("memo")
    width = rule.max_width if rule.full else None
    for unit, spans in looked_at:
        if width is not None and len(unit.text) > width:
            continue  # longer than any whole match (``_qualifies``): no memo entry, no call
        near = [(s - unit.start, e - unit.start) for s, e in spans] if spans and len(unit.text) >= WINDOWED_UNIT else None
        visible = None
        for at, until, matched, expanded, pattern_text in _kept_unit_matches(memo, rule, unit, near, words_of):
            start, end = unit.start + at, unit.start + until
            if rule.whole_word and _inside_word(text, start, end):
                continue
            if rule.kind == "existence":
                if visible is None:  # where the unit's text starts and ends past its blanks: once per unit,
                    # not a copy of the unit on each side of every match (1 MB of [ad_1] tags was quadratic)
                    visible = (unit.start + len(unit.text) - len(unit.text.lstrip()), unit.start + len(unit.text.rstrip()))
                covers_unit = rule.delete_unit or start <= visible[0] and end >= visible[1]
                if covers_unit:
                    start, end = unit_deletion(doc, unit.start, unit.end)
                else:
                    start, end = inline_deletion(text, start, end, unit)
                suggestion: Optional[str] = "" if rule.fix != "none" else None
            elif rule.kind == "substitution":
                suggestion = _shaped(rule, pattern_text, matched, expanded)
                if suggestion == matched:
                    continue
            else:  # capitalization: the match is the name in any casing, replacement the canonical form
                suggestion = expanded
                if matched == suggestion or matched.lower() != str(suggestion).lower():
                    continue
            key = (start, end)
            if key in seen:
                continue
            seen.add(key)
            message = rule.message.replace("%s", matched)
            out.append(doc.finding(
                rule.code, message, start, end,
                suggestion=suggestion if rule.fix != "none" else None,
                fix=rule.fix if suggestion is not None else "none",
                confidence=rule.confidence,
                source=f"{source}:{rule.name}" if rule.name and source else (source or rule.name),
            ))
            if rule.delete_unit or rule.full:
                break  # one finding per unit: the unit is gone
    return out


def _unit_matches(rule: Rule, unit: Unit, near: Optional[list], words_of: dict) -> tuple:
    """``(start, end, matched text, replacement, pattern text)`` of each match of ``rule`` in ``unit``
    (offsets in the unit; a substitution's replacement expanded), none when the unit does not qualify.
    What it reads of the article is the unit's text alone (and ``near``, the anchors in it)."""
    if not _qualifies(rule, unit, words_of):
        return ()
    expand = rule.kind == "substitution"
    return tuple((m.start(), m.end(), m.group(0), (m.expand(r) if r is not None else "") if expand else r, p)
                 for m, r, p in _matches(rule, unit, near))


def _kept_unit_matches(memo: Optional[dict], rule: Rule, unit: Unit, near: Optional[list], words_of: dict) -> tuple:
    """``_unit_matches``, kept in ``memo`` (``CheckContext.memo``: one article's, across its fix rounds)
    under the unit's text: a confirming round searches again only the units an edit changed."""
    if memo is None:
        return _unit_matches(rule, unit, near, words_of)
    key = (id(rule), unit.text, near is None)
    kept = memo.get(key)
    if kept is None or kept[0] is not rule:
        kept = memo[key] = (rule, _unit_matches(rule, unit, near, words_of))
    return kept[1]


def _inside_word(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` touch a letter, digit, ``_`` or ``-`` on either side?

    >>> _inside_word("a backpack", 6, 10), _inside_word("a pack-mule", 2, 6), _inside_word("the pack.", 4, 8)
    (True, True, False)
    """
    before, after = text[start - 1:start] if start else "", text[end:end + 1]
    return any(c.isalnum() or c in "_-" for c in before + after)


def _shaped(rule: Rule, pattern: str, matched: str, suggestion: str) -> str:
    """A substitution's suggestion in the number (``keep-plural``) and initial case (``keep-case``) of
    what it replaces.

    >>> rule = Rule("G502", "m", "substitution", (), keep_case=True, keep_plural=True)
    >>> _shaped(rule, "hard circle drives?", "Hard circle drives", "hard disk drive")
    'Hard disk drives'
    >>> _shaped(rule, "hard circle drives?", "hard circle drive", "hard disk drive")
    'hard disk drive'
    """
    if rule.keep_plural and suggestion and pattern.endswith("s?") and matched[-1:].lower() == "s" \
            and not suggestion.endswith("s"):
        suggestion += "s"
    if rule.keep_case and matched[:1].isupper():
        suggestion = suggestion[:1].upper() + suggestion[1:]
    return suggestion


def run_rules(doc: Document, ctx, rules: Iterable[Rule], source: str = "") -> list[Finding]:
    """Run compiled rules over ``doc``; rules whose code ``ctx`` does not select are skipped.

    ``ctx`` may be None (every rule runs). Overlapping findings of different rules are all returned;
    the fixer picks a non-overlapping set.
    """
    findings: list[Finding] = []
    memo = getattr(ctx, "memo", None)  # the article's across its fix rounds (see _kept_unit_matches)
    cache: dict = {} if memo is None else {"memo": memo}
    rules = tuple(rules)
    index = anchor_index(rules)
    hits = round_hits(index, doc, ctx)
    # the rules that can match, in pack order: those whose anchors the text holds and those without
    # anchors (not a pass over every rule of the pack per article)
    numbers = range(len(rules)) if hits is None else sorted(index.unanchored.union(hits))
    for number in numbers:
        rule = rules[number]
        if ctx is not None and not ctx.enabled(rule.code):
            continue
        findings.extend(rule_findings(doc, rule, source, cache, hits[number] if hits is not None and index.anchored[number] else None))
    return findings


def round_hits(index: AnchorIndex, doc: Document, ctx, folded_text: Optional[str] = None) -> Optional[dict]:
    """``index.hits(doc.text)``, kept in ``ctx.memo`` under the text: in a confirming fix round
    (``ctx.after``) on the text the round's edits made, carried over from the text before them with
    only the touched lines searched again (``AnchorIndex.hits_after``), so the round's search costs
    what its edits touched, not the article's length."""
    memo = getattr(ctx, "memo", None)
    if memo is None:
        return index.hits(doc.text, folded_text)
    after = getattr(ctx, "after", None)
    before = None
    if after is not None and after.after == doc.text:
        before = memo.get(("anchor hits", index, after.before))
    if before is None:
        hits = index.hits(doc.text, folded_text)
    else:
        hits = index.hits_after(before, doc.text, *after.stretches(), folded_text=folded_text)
    memo["anchor hits", index, doc.text] = hits  # (the index itself: its id could be reused)
    return hits


_INDEXES: dict = {}  # rule identities -> (rules, AnchorIndex); the rules are kept so ids stay theirs


def anchor_index(rules: tuple) -> AnchorIndex:
    """The anchor index of these rules, built once per distinct sequence of rules."""
    last = _LAST_INDEX[0]
    if last is not None and last[0] is rules:  # (a pack's rule tuple, asked for again: no key of ids to build)
        return last[1]
    key = tuple(map(id, rules))
    entry = _INDEXES.get(key)
    if entry is None:
        if len(_INDEXES) >= 64:
            _INDEXES.clear()
        entry = _INDEXES[key] = (rules, AnchorIndex(rules))
    _LAST_INDEX[0] = entry
    return entry[1]


_LAST_INDEX: list = [None]  # the (rules, AnchorIndex) asked for last: one pack's tuple is asked for again and again
