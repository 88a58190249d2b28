"""The engine: ``extract → repair encoding → detect → fix → score`` for one document or many."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator, Optional

from .checks import (CheckContext, learn_batch, learn_from_features, learning_families, learning_features, merged,
                     reads_round_before, run_checks, run_families)
from .codes import Selection
from .collector import paused
from .config import Settings, apply_mapping, coerce_settings
from .document import Document
from .errors import InputError
from .extract import extract_html, looks_like_html, url_problem
from .finding import Finding
from .fixer import EditMap, after_character_repairs, apply_edits, as_fix_reads, choose_edits
from .language import is_language
from .recheck import Round
from .score import score as score_findings
from .score import verdict as verdict_for

MAX_FIX_ROUNDS = 10  # rounds after the first run only while edits keep applying (ruff allows 100)


@dataclass
class Result:
    """What cleaning one article produced.

    ``findings`` are on ``source_text`` (the text after extraction, before fixing): every edit that
    any fix round applied (``applied`` set; a later round's carries ``extra["fix_round"]``) and every
    finding left in ``text``. ``remaining`` are those left, with offsets in ``text``. The score and
    verdict are of what is left, with applied edits weighing less.
    """

    text: str
    source_text: str
    findings: list
    remaining: list
    score: float
    verdict: str
    metadata: dict = field(default_factory=dict)
    notices: list = field(default_factory=list)
    kind: str = "text"

    @property
    def changed(self) -> bool:
        return self.text != self.source_text

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "score": self.score,
            "verdict": self.verdict,
            "metadata": self.metadata,
            "notices": self.notices,
            "findings": [f.to_dict() for f in self.findings],
        }


class Cleaner:
    """A reusable cleaner: settings, code selection and batch knowledge resolved once.

    ``Cleaner(config).clean(html_or_text, url)`` cleans one article; ``clean_many`` streams many, in
    order, optionally over several processes.
    """

    def __init__(
        self,
        config: Any = None,
        *,
        select: Optional[Iterable[str]] = None,
        extend_select: Optional[Iterable[str]] = None,
        ignore: Optional[Iterable[str]] = None,
        unsafe_fixes: Optional[bool] = None,
        batch: Optional[dict] = None,
    ):
        settings = coerce_settings(config)
        overrides = {"select": select, "extend-select": extend_select, "ignore": ignore, "unsafe-fixes": unsafe_fixes}
        overrides = {k: list(v) if isinstance(v, (list, tuple, set)) else v for k, v in overrides.items() if v is not None}
        if overrides:
            settings = apply_mapping(settings, overrides, "arguments")
        self.settings: Settings = settings
        self.batch: dict = batch or {}
        self._selections: dict = {}
        # fix rounds re-check only touched lines where a family allows it; False re-checks everything
        # (the same output, slower: bench/same_output.py --compare-full compares the two)
        self.incremental_rechecks: bool = True

    # -- documents -------------------------------------------------------------------------------
    def document(
        self,
        source: str,
        url: Optional[str] = None,
        *,
        kind: Optional[str] = None,
        path: Optional[str] = None,
        metadata: Optional[dict] = None,
    ) -> Document:
        """Turn raw input into a Document: HTML goes through extraction, text is taken as is."""
        if not isinstance(source, str):
            raise InputError(f"{path or 'input'}: expected text or HTML as str, got {type(source).__name__}")
        problem = url_problem(url)
        if problem:
            raise InputError(f"{path or 'input'}: {problem}")
        if kind == "html" or (kind is None and looks_like_html(source)):
            doc = extract_html(source, url, path=path, **self.settings.extract)
        else:
            from .extract import _site_of

            doc = Document(text=source, kind=kind or "text", metadata={"url": url, "site": _site_of(url)}, path=path)
        if metadata:
            doc.metadata.update({k: v for k, v in metadata.items() if v is not None})
        return doc

    def selection_for(self, path: Optional[str]) -> Selection:
        ignore = tuple(self.settings.ignores_for(path))
        key = ignore
        if key not in self._selections:
            self._selections[key] = Selection(self.settings.effective_select(), ignore)
        return self._selections[key]

    def learning_families(self) -> tuple:
        """The families whose batch knowledge this cleaner's selected checks read (``checks.learning_families``)."""
        return learning_families(self.selection_for(None))

    def learn(self, documents: Iterable[Document]) -> dict:
        """First pass over a batch (site boilerplate, names seen across the batch); used by later calls.
        Only what the selected checks read is learned (``learning_families``)."""
        self.batch = learn_batch(list(documents), self.settings, self.learning_families())
        return self.batch

    def learn_from(self, features: list) -> dict:
        """``learn`` from each document's ``checks.learning_features``, taken elsewhere (a batch takes
        them in its worker processes): the same knowledge as ``learn`` of those documents."""
        self.batch = learn_from_features(features, self.settings)
        return self.batch

    # -- one document ----------------------------------------------------------------------------
    def _context(self, doc: Document) -> CheckContext:
        ctx = CheckContext(settings=self.settings, selection=self.selection_for(doc.path), batch=self.batch)
        if any(ctx.selection.any_in(family) for family in ("S", "G", "Q")):  # the only readers
            if ctx.selection.any_in("G"):
                doc.tokens  # G reads them: the word counts are then taken from them (Document.word_tokens)
            ctx.is_target_language = is_language(doc.text, self.settings.language, doc.word_tokens)
        if not ctx.is_target_language and (ctx.selection.any_in("S") or ctx.selection.any_in("G")):
            ctx.notice(f"not in the configured language ({self.settings.language!r}): spelling and name checks skipped")
        return ctx

    def _extra_checks(self, ctx: CheckContext) -> list:
        if not ctx.selection.any_in("LT"):
            return []
        if not self.settings.languagetool.url:
            if any(p.startswith("LT") for p in self.settings.effective_select()):
                ctx.notice("LanguageTool checks skipped: no [languagetool] url is configured")
            return []
        blocked = self.settings.languagetool_blocked()
        if blocked:  # a repository's config may not send articles off the machine on its own
            ctx.notice(blocked)
            return []
        from .checks import languagetool

        return [("LT", languagetool.run)]

    def detect(self, doc: Document, ctx: Optional[CheckContext] = None) -> list[Finding]:
        with paused():
            ctx = ctx or self._context(doc)
            return run_checks(doc, ctx, self._extra_checks(ctx))

    def run(self, doc: Document, *, fix: bool = True) -> Result:
        """Detect on ``doc``, fix (repeating until nothing applies) and score what is left.

        ``findings`` are every applied edit of every round plus what is left, all with offsets in
        ``doc.text``; ``remaining`` is what is left, with offsets in the fixed text. Without ``fix``
        the text is kept and ``findings`` are the first round's, none applied; the score and verdict
        are still those of the fixed article, so ``check`` and ``clean`` rate an article alike.
        """
        with paused():  # the collector's walks cost ~5% of an article's CPU (see collector.py)
            result, first = self._fixed_and_found(doc)
        if not fix:
            first = self.as_fix_reads(doc, first, result)
            result.text, result.findings, result.remaining = doc.text, first, list(first)
        return result

    def as_fix_reads(self, doc: Document, first: list[Finding], result: Result) -> list[Finding]:
        """What ``check`` reports of ``doc``: the first round's findings ``first``, as ``fix`` (``result``)
        reads them where a character repair goes first (``fixer.as_fix_reads``)."""
        return as_fix_reads(doc, first, result.findings, self.settings.unsafe_fixes)

    def fixed_and_found(self, doc: Document) -> tuple[Result, list[Finding]]:
        """``run(doc, fix=True)`` and ``detect(doc)`` (the first round's findings, none applied) from
        one detection: ``check`` of a long text in parts needs both for each part, and detecting the
        part again for the second cost a third of that check's CPU."""
        with paused():
            return self._fixed_and_found(doc)

    def _fixed_and_found(self, doc: Document) -> tuple[Result, list[Finding]]:
        ctx = self._context(doc)
        found = run_families(doc, ctx, self._extra_checks(ctx))
        first = merged(found)
        text, applied, remaining, maps = self._fix_rounds(doc, first, found, ctx)
        reported = applied + [_on_original(doc, maps, f, applied=False) for f in remaining]
        reported.sort(key=lambda f: (f.start, f.end, f.code))
        value = score_findings(reported, doc.word_count, {id(f) for f in applied})
        verdict = verdict_for(value, len(remaining), self.settings.score["garbled-below"], self.settings.score["clean-above"])
        result = Result(
            text=text,
            source_text=doc.text,
            findings=reported,
            remaining=remaining,
            score=value,
            verdict=verdict,
            metadata=dict(doc.metadata),
            notices=list(ctx.notices),
            kind=doc.kind,
        )
        return result, first

    def _fix_rounds(self, doc: Document, findings: list, found: dict, ctx: CheckContext) -> tuple:
        """Apply edits round after round until none applies (at most ``MAX_FIX_ROUNDS``).

        Each round sees the fixed text exactly as a fresh run would (context included), so that
        fix(fix(x)) == fix(x); ``found`` is ``findings`` by family, which lets a family that reads
        lines alone re-check only the touched lines, and ``ctx`` is the first round's context, whose
        ``memo`` is every round's, which keeps what a check computed from parts of the text the edits
        left as they were (each round is told the document and context of the round before: a family's
        ``evidence``, see ``cleaner.recheck``). Returns the fixed text, the applied findings
        (copies, on ``doc.text``), the findings left in the fixed text, and the edit maps of the rounds.

        Edits that lead back to a text an earlier round had (checks whose edits undo each other, round
        after round) end the rounds at that text, where the cycle was entered: a run that starts on it
        goes round the same cycle back to it, so fix(fix(x)) == fix(x) there too (stopping where the
        cycle was noticed gave the other text of a two-round cycle each time).
        """
        unsafe = self.settings.unsafe_fixes
        memo = ctx.memo
        text = doc.text
        applied: list = []
        maps: list = []
        seen = {text: (0, 0, findings)}  # each text of the rounds: the rounds and edits that led to it, its findings
        current, current_ctx = doc, ctx
        for round_number in range(1, MAX_FIX_ROUNDS + 1):
            edits = choose_edits(after_character_repairs(findings, unsafe, current), unsafe)
            if not edits:
                break
            fixed = apply_edits(text, edits)
            if fixed in seen:  # back to an earlier text (or no change at all): the rounds end there
                rounds, kept, findings = seen[fixed]
                text, applied, maps = fixed, applied[:kept], maps[:rounds]
                break
            applied.extend(_on_original(doc, maps, f, applied=True, round_number=round_number) for f in edits)
            maps.append(EditMap(edits))
            after = None
            if self.incremental_rechecks:
                after = Round(found, edits, text, fixed)
                if reads_round_before():  # (else the document before, and its tokens, go now, as before)
                    after.before_doc, after.before_ctx = current, current_ctx
                    if current_ctx.after is not None:  # the round before that one is read no more
                        current_ctx.after.before_doc = current_ctx.after.before_ctx = None
            text = fixed
            fixed_doc = current = replace(doc, text=text)
            round_ctx = current_ctx = self._context(fixed_doc)
            if self.incremental_rechecks:
                round_ctx.memo = memo
                round_ctx.after = after
            found = run_families(fixed_doc, round_ctx, self._extra_checks(round_ctx), after)
            findings = merged(found)
            seen[text] = (len(maps), len(applied), findings)
        return text, applied, findings, maps

    def clean(self, source: str, url: Optional[str] = None, **kwargs) -> Result:
        return self.run(self.document(source, url, **kwargs), fix=True)

    def check(self, source: str, url: Optional[str] = None, **kwargs) -> Result:
        return self.run(self.document(source, url, **kwargs), fix=False)

    # -- many documents --------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Load what the checks load lazily on first use (word lists, the spelling suggestion index,
        gazetteers, HTML entities) by cleaning a short text, then move it out of the garbage collector's
        reach (``gc.freeze``). Called before worker processes are forked: they then share those
        structures copy-on-write instead of each building its own, and a worker's first article is not
        charged for the loading (which matters under a per-article time limit)."""
        import gc

        try:
            self.run(self.document(WARM_UP_TEXT, kind="text"), fix=True)
        except Exception:  # warming is an optimisation; a failure shows up again, with its article, later
            return
        from .lexicon import lexicon

        if lexicon.cache_info().currsize:  # (the checks selected read the lexicon)
            lexicon().finish_loading()
        gc.collect()
        gc.freeze()

    def warm_up_learning(self) -> None:
        """What ``warm_up`` does for the checks, for the learning pass: load what
        ``checks.learning_features`` reads (the lexicon) before its worker processes are forked, and
        not the name indexes that only the checks need (built again once the batch's names are known).
        Frozen out of the garbage collector's walks, as ``warm_up`` does, so that the workers do not
        walk (and so copy) the lexicon's pages. The lexicon's lazily unpacked shards (rare-word
        frequencies, known misspellings) are unpacked here too: each learning worker unpacked them on
        its own (about 0.13 s a worker), and the cleaning pass's ``warm_up`` in this process a third time."""
        import gc

        learning_features(Document(WARM_UP_TEXT, kind="text"), self.settings, self.learning_families())
        from .lexicon import lexicon

        if lexicon.cache_info().currsize:  # (the learning families selected read the lexicon)
            lexicon().finish_loading()
        gc.freeze()

    def clean_many(self, items: Iterable[Any], jobs: int = 4, *, chunksize: int = 8,
                   timeout: Optional[float] = None) -> Iterator[Result]:
        """Clean a stream of articles (str, or dicts with ``text``/``html`` and ``url``), in input order.

        Streaming: only a bounded window of items is read ahead of the results taken. ``timeout``
        (seconds per article) stops an article that runs longer, even inside C code; it and an article
        whose worker process dies raise ``WorkerLost`` (a ``CleanerError``) when their turn comes.
        """
        from .executor import Executor

        executor = Executor(jobs, initializer=_init_worker, initargs=(self,), timeout=timeout, chunk_size=chunksize)
        with executor:
            if executor.processes:
                self.warm_up()
            yield from executor.map(_clean_in_worker, items)


# Text that reaches every family's lazily loaded data (see Cleaner.warm_up), the name indexes the
# acronym and casing passes derive too: a title-case definition ((Hadea), (Strat): the English word
# endings and starts), a one-off acronym (GVU: the near-miss index) and one in a frame (PKL militants).
WARM_UP_TEXT = ("Teh city councl said on Tuesday that the plan was brillianty received by residents of "
                "Caf&eacute; Street, the Associated press reported.\n\n\u201cIt is fair,\u201d she said. "
                "The Washingon Post and Gogle did not comment. The Harbour Development Agency (Hadea) and the "
                "Street Transit Alliance (Strat) met. Police said PKL militants and the GVU were not involved.")

_WORKER: Optional[Cleaner] = None


def _init_worker(cleaner: Cleaner) -> None:
    global _WORKER
    _WORKER = cleaner


def _clean_in_worker(item: Any) -> Result:
    assert _WORKER is not None
    return _clean_item(_WORKER, item)


def _clean_item(cleaner: Cleaner, item: Any) -> Result:
    if isinstance(item, str):
        return cleaner.clean(item)
    if isinstance(item, dict):
        if item.get("html"):
            return cleaner.clean(item["html"], item.get("url"), kind="html")
        return cleaner.clean(item.get("text") or "", item.get("url"), kind="text")
    raise InputError(f"clean_many expects str or dict items, got {type(item).__name__}")


def _on_original(doc: Document, maps: list, finding: Finding, *, applied: bool, round_number: int = 1) -> Finding:
    """A copy of a finding on a fixed text, moved to where it points in the original ``doc.text``.

    Its line, column and excerpt are those of the span in ``doc.text`` (a finding in text an earlier
    round rewrote shows what stood there: ``&#0;`` for the ``\ufffd`` its repair left); a later
    round's edit says which round it came from (``extra["fix_round"]``).
    """
    start, end = finding.start, finding.end
    for edit_map in reversed(maps):
        start, end = edit_map.start(start), edit_map.end(end)
    end = max(start, end)
    if not maps:
        return finding.replaced(applied=applied)
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    extra = dict(finding.extra, fix_round=round_number) if round_number > 1 else finding.extra
    edit = None
    if finding.edit is not None:
        edit_start, edit_end = finding.edit
        for edit_map in reversed(maps):
            edit_start, edit_end = edit_map.start(edit_start), edit_map.end(edit_end)
        edit = [min(edit_start, start), max(edit_end, end)]
    excerpt = doc.text[start:end]
    excerpt = excerpt if len(excerpt) <= 80 else excerpt[:77] + "..."
    return finding.replaced(start=start, end=end, line=line, col=col, end_line=end_line, end_col=end_col,
                            excerpt=excerpt, applied=applied, extra=extra, edit=edit)


def _default_cleaner(config, select, ignore, unsafe_fixes) -> Cleaner:
    return Cleaner(config, select=select, ignore=ignore, unsafe_fixes=unsafe_fixes)


def clean(
    html_or_text: str,
    url: Optional[str] = None,
    *,
    select: Optional[Iterable[str]] = None,
    ignore: Optional[Iterable[str]] = None,
    unsafe_fixes: bool = False,
    config: Any = None,
) -> Result:
    """Clean one article (HTML or text): the cleaned text, findings, score, verdict and metadata."""
    return _default_cleaner(config, select, ignore, unsafe_fixes).clean(html_or_text, url)


def check(
    html_or_text: str,
    url: Optional[str] = None,
    *,
    select: Optional[Iterable[str]] = None,
    ignore: Optional[Iterable[str]] = None,
    config: Any = None,
) -> list[Finding]:
    """The findings on one article (HTML or text); nothing is changed."""
    return _default_cleaner(config, select, ignore, None).check(html_or_text, url).findings


def default_jobs() -> int:
    return os.cpu_count() or 1
