"""The detect stage: every check family, each a module with ``run(doc, ctx) -> Iterable[Finding]``.

A family module may also learn from a whole batch first (site boilerplate, names seen across the
batch): ``features(doc, settings)`` takes what it needs from one document, ``learn_from(features,
settings)`` combines every document's into the knowledge that reaches ``run`` as ``ctx.batch[family]``
(deterministic, in any order of the documents). Checks never mutate the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from ..codes import Selection, selection_key
from ..config import Settings
from ..document import Document
from ..finding import Finding
from ..recheck import Round, recheck_lines, recheck_paragraphs
from . import boilerplate, encoding, names, quotes, spelling

FAMILY_MODULES = {
    "E": encoding,
    "B": boilerplate,
    "S": spelling,
    "G": names,
    "Q": quotes,
}


@dataclass
class CheckContext:
    """What a check may read besides the document: settings, the selection, batch knowledge."""

    settings: Settings
    selection: Selection
    batch: dict = field(default_factory=dict)
    notices: list = field(default_factory=list)
    is_target_language: bool = True
    #: one article's, across its fix rounds: a check may keep here what it computed from a part of the
    #: text, under that part's text (the rule engine: each rule's matches in each line or paragraph), so
    #: a confirming round redoes only the parts an edit changed
    memo: dict = field(default_factory=dict)
    #: in a confirming fix round, what the round before changed (``cleaner.recheck.Round``): a check
    #: that kept what it found in parts of the text before the edits may carry it over the untouched ones
    after: Optional[Round] = None
    #: when a paragraph-local family (``RECHECK = "paragraphs"``) checks only the paragraphs a fix round
    #: touched, the whole document (the one a check is given is then a part of it): read article-wide
    #: facts (the family's ``evidence``) from ``ctx.article or doc``
    article: Optional[Document] = None

    def enabled(self, code: str) -> bool:
        return self.selection(code)

    def notice(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)


def run_checks(doc: Document, ctx: CheckContext, extra: Iterable[tuple[str, Callable]] = ()) -> list[Finding]:
    """Run every family with a selected code; keep only findings whose code is selected."""
    return merged(run_families(doc, ctx, extra))


def run_families(doc: Document, ctx: CheckContext, extra: Iterable[tuple[str, Callable]] = (),
                 after: Optional[Round] = None) -> dict:
    """Each family's findings (selected codes only), by family. ``after`` a fix round, a family may
    check only what the round's edits touched, as its module declares (``cleaner.recheck``: its own
    ``recheck``, ``RECHECK = "lines"``, or ``RECHECK = "paragraphs"`` with its ``evidence``); the
    others check the whole text again."""
    found: dict = {}
    runners = [(family, module.run) for family, module in FAMILY_MODULES.items()] + list(extra)
    for family, run in runners:
        if not ctx.selection.any_in(family):
            continue

        def selected(part: Document, part_ctx: CheckContext = ctx, run=run) -> list:
            return [f for f in run(part, part_ctx) if ctx.selection(selection_key(f))]

        module = FAMILY_MODULES.get(family)
        again = None
        if after is not None and family in after.previous:
            again = _rechecked(doc, ctx, family, module, selected, after)
        found[family] = again if again is not None else selected(doc)
    return found


def _rechecked(doc: Document, ctx: CheckContext, family: str, module, selected: Callable,
               after: Round) -> Optional[list]:
    """A family's findings in a confirming round from what the round before found and what its edits
    touched, as the family's module allows; None: check the whole text again."""
    previous = after.previous[family]
    own = getattr(module, "recheck", None)
    if own is not None:
        found = own(doc, ctx, previous, after)
        return None if found is None else [f for f in found if ctx.selection(selection_key(f))]
    how = getattr(module, "RECHECK", "article")
    if how == "lines":
        return recheck_lines(doc, selected, previous, after.edits)
    if how == "paragraphs":
        return recheck_paragraphs(doc, ctx, family, module, selected, previous, after)
    return None


def reads_round_before() -> bool:
    """Does a family re-check a confirming round from the document before it (``RECHECK =
    "paragraphs"``, whose ``evidence`` is read there, or its own ``recheck``)? Only then is that
    document (and its token model) kept through the round.

    >>> reads_round_before()
    False
    """
    return any(getattr(module, "RECHECK", None) == "paragraphs" or getattr(module, "recheck", None) is not None
               for module in FAMILY_MODULES.values())


def merged(found: dict) -> list[Finding]:
    """The families' findings as one list in text order, one report per proposed edit."""
    findings = [f for family in found.values() for f in family]
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return _one_report_per_edit(findings)


def _one_report_per_edit(findings: list[Finding]) -> list[Finding]:
    """Two checks proposing a replacement for the same span (S002 and G001 on a misspelt name that
    starts a sentence: ``Monay`` as ``Money`` or ``Monday``) are one problem: keep the report with the
    higher confidence (the first in code order on a tie). Findings without a suggestion are all kept."""
    best: dict = {}
    for f in findings:
        if f.suggestion is None:
            continue
        key = (f.start, f.end)
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    return [f for f in findings if f.suggestion is None or best[(f.start, f.end)] is f]


class _Forgetting(list):
    """The learning pass's documents, each dropping its cached tokens and paragraphs once a loop over
    them has moved past it: a learner reads one document at a time, and 2,000 documents' token
    models held together made the pass's peak grow to ~575 MB."""

    def __iter__(self):
        for doc in list.__iter__(self):
            yield doc
            doc.forget_derived()


def learning_families(selection: Selection) -> tuple:
    """The families that learn from a batch (``learn_from``) whose knowledge a selected check reads:
    the codes a module names in ``LEARNED_FOR``, else any of its own. The others' knowledge would
    never be read, so a batch does not take it (``--select B,E`` took each record's name and word
    features for nothing).

    >>> learning_families(Selection(["B", "E"])), learning_families(Selection(["ALL"], ["B011"]))
    (('B',), ('S', 'G'))
    """
    return tuple(family for family, module in FAMILY_MODULES.items()
                 if getattr(module, "learn_from", None) is not None
                 and selection.any_in(getattr(module, "LEARNED_FOR", family)))


def learning_features(doc: Document, settings: Settings, families: Optional[Iterable[str]] = None) -> dict:
    """What each learning family (of ``families``; default: all) takes from one document
    (``module.features``): small, picklable, so worker processes can take it and the parent only
    combines (``learn_from_features``)."""
    wanted = None if families is None else set(families)
    if (wanted is None or "G" in wanted) and getattr(FAMILY_MODULES.get("G"), "learn_from", None) is not None:
        doc.tokens  # G reads them: S then takes its words from them (``Document.word_tokens``), not a scan of its own
    return {family: module.features(doc, settings) for family, module in FAMILY_MODULES.items()
            if getattr(module, "learn_from", None) is not None and (wanted is None or family in wanted)}


def learn_from_features(items: list, settings: Settings) -> dict:
    """The batch knowledge from every document's ``learning_features``, in any order: each family's
    ``learn_from`` over its part of them (the families the features hold; every learning family's,
    from nothing, when there are none)."""
    return {family: module.learn_from([item[family] for item in items], settings)
            for family, module in FAMILY_MODULES.items()
            if getattr(module, "learn_from", None) is not None and (not items or family in items[0])}


def learn_batch(docs: list[Document], settings: Settings, families: Optional[Iterable[str]] = None) -> dict:
    """The first pass over a batch: each family that learns from many documents (of ``families``;
    default: all) does so here."""
    return learn_from_features([learning_features(doc, settings, families) for doc in _Forgetting(docs)], settings)
