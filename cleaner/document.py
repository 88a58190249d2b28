"""The document every check reads: the text, its paragraphs and lines, and its metadata."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from .finding import Finding
from .tokens import WORD_TOKEN, Tokens

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Document:
    """Text plus what checks need to know about it.

    ``kind`` is where the text came from (``text``, ``html``, ``record``); ``metadata`` holds what
    extraction found (title, author, date, url, site). Offsets everywhere are code-point offsets into
    ``text``.
    """

    text: str
    kind: str = "text"
    metadata: dict = field(default_factory=dict)
    path: Optional[str] = None

    @property
    def url(self) -> Optional[str]:
        return self.metadata.get("url")

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", self.text))
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Paragraphs split on blank lines; single newlines also split when the text never uses blank lines."""
        text = self.text
        splitter = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else re.compile(r"\n\s*")
        paragraphs: list[Paragraph] = []
        pos = 0
        for match in list(splitter.finditer(text)) + [None]:
            end = match.start() if match else len(text)
            chunk = text[pos:end]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                start = pos + lead
                paragraphs.append(Paragraph(len(paragraphs), start, start + len(stripped), stripped))
            if match:
                pos = match.end()
        return paragraphs

    @cached_property
    def word_tokens(self) -> Counter:
        """Every ``WORD_TOKEN`` of the text with its count, found once for the language test and the
        spelling checks (read it, never change it). Counted from the name tokens when those are built
        already (:func:`word_counts`), in a third of the time of a scan of the text."""
        toks = self.__dict__.get("tokens")
        if toks is None:
            return Counter(WORD_TOKEN.findall(self.text))
        return word_counts(toks.words)

    @cached_property
    def tokens(self) -> Tokens:
        """The name tokens of the text with their spans, case and gaps (:class:`cleaner.tokens.Tokens`),
        built once and shared by every check of this document (read it, never change it)."""
        return Tokens(self.text)

    @cached_property
    def word_count(self) -> int:
        """How many ``\\w+`` runs the text has (the score's and the edit limits' word count); from the
        name tokens when those are built already (:func:`word_runs`), a quarter of the time of a scan."""
        toks = self.__dict__.get("tokens")
        if toks is None:
            return len(_WORD_RUN.findall(self.text))
        return word_runs(toks.words)

    @cached_property
    def unit_cache(self) -> dict:
        """The rule engine's units of this text by scope (``rule_engine.units``), each list built once
        per document for every rule pack and pass that reads it (read them, never change them)."""
        return {}

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """The start of each paragraph, for ``bisect`` (computed once, not per lookup)."""
        return [p.start for p in self.paragraphs]

    def forget_derived(self) -> None:
        """Drop what the cached properties computed (tokens, paragraphs, ...); they are computed again,
        identically, when next asked. A batch's learning pass holds 2,000 Documents: with each one's
        token model kept, it peaked at ~190 KB a document (575 MB for the pass).

        >>> doc = Document("One two.")
        >>> doc.word_count, "word_count" in vars(doc), doc.forget_derived(), "word_count" in vars(doc)
        (2, True, None, False)
        """
        for name in _DERIVED:
            self.__dict__.pop(name, None)

    def paragraph_at(self, offset: int) -> Optional[Paragraph]:
        """The paragraph holding ``offset`` (its end included), or None between paragraphs.

        >>> doc = Document("One.\\n\\nTwo.")
        >>> doc.paragraph_at(7).text, doc.paragraph_at(4).text, doc.paragraph_at(5)
        ('Two.', 'One.', None)
        """
        index = bisect.bisect_right(self.paragraph_starts, offset) - 1
        if index >= 0 and offset <= self.paragraphs[index].end:
            return self.paragraphs[index]
        return None

    def finding(
        self,
        code: str,
        message: str,
        start: int,
        end: int,
        *,
        suggestion: Optional[str] = None,
        fix: str = "none",
        confidence: float = 1.0,
        source: str = "",
        **extra,
    ) -> Finding:
        """Build a finding with its line, column and excerpt filled in from this document."""
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        excerpt = self.text[start:end]
        if len(excerpt) > 80:
            excerpt = excerpt[:77] + "..."
        return Finding(
            code=code,
            message=message,
            start=start,
            end=end,
            line=line,
            col=col,
            end_line=end_line,
            end_col=end_col,
            excerpt=excerpt,
            suggestion=suggestion,
            fix=fix,
            confidence=confidence,
            source=source,
            extra=extra,
        )


def word_counts(name_tokens) -> Counter:
    r"""``Counter(WORD_TOKEN.findall(text))`` from the ``NAME_TOKEN`` tokens of ``text``, in any order.

    Why it is the same count: a word token (letters joined by apostrophes) lies whole inside one name
    token (``\w`` runs joined by ``' ’ & . -``), since letters are word characters and apostrophes
    join; so the word tokens of the text are those of its name tokens, and a name token of letters
    only is one word token. The count of the name tokens is taken in C, and only the few name tokens
    with other characters (``U.S``, ``COVID-19``, ``don't``) are split.

    >>> text = "The U.S. COVID-19 rules don't apply to A&M's x² or 3rd-party R2-D2 e\u0301 rock 'n' roll."
    >>> word_counts(Tokens(text).words) == Counter(WORD_TOKEN.findall(text))
    True
    """
    counts = Counter(name_tokens)
    for token in [token for token in counts if not token.isalpha()]:
        n = counts.pop(token)
        for piece in WORD_TOKEN.findall(token):
            counts[piece] += n
    return counts


def word_runs(name_tokens) -> int:
    r"""``len(re.findall(r"\w+", text))`` from the ``NAME_TOKEN`` tokens of ``text``: every ``\w`` run
    lies in one name token, and a name token is ``\w`` runs joined by single ``' ’ & . -``, so it
    holds one run more than it has joiners.

    >>> text = "The U.S. COVID-19 rules don't apply to A&M's x² or R2-D2 -- e\u0301 snake_case 3.5%."
    >>> word_runs(Tokens(text).words) == len(re.findall(r"\w+", text))
    True
    """
    joined = "".join(token for token in name_tokens if not token.isalnum())
    return len(name_tokens) + len(_JOINER.findall(joined))


_WORD_RUN = re.compile(r"\w+")
_JOINER = re.compile("['’&.-]")


#: Document's cached properties (what forget_derived drops).
_DERIVED = tuple(name for name, value in vars(Document).items() if isinstance(value, cached_property))
