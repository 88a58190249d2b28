"""``news-cleaner batch``: stream JSONL records through the cleaner in constant memory.

Each output record is the input record with every field kept, plus the cleaned text (``clean_text``
unless ``--output-field`` says otherwise) and a ``cleaner`` object (score, verdict, findings). A record
that cannot be processed (bad JSON, no text field, an error, over ``--timeout-per-doc``) goes to the
rejects with its reason: every input record ends up in the output or in the rejects.

Memory stays flat however large the input: records are read line by line, sent to the workers in small
chunks with a bounded number of chunks in flight, and written back in input order. The workers parse,
clean and serialise (the costly parts), so the parent only moves lines. Site-boilerplate learning is a
first pass over the first ``learn_limit`` records (deterministic, bounded); its result is shipped to
every worker with the Cleaner.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Callable, Iterable, Iterator, Optional

from .atomic import AtomicOutput, same_file, signals_end_the_run
from .errors import CleanerError, InputError
from .fileio import file_signature
from .executor import DocTimeout, Executor
from .checks import learning_features
from .parts import run_document
from .pipeline import Cleaner
from .records import RecordError, annotation, document_for, iter_lines, output_line, parse_line, reject_line


@dataclass
class BatchOptions:
    """How records map to documents and what the output records carry."""

    text_field: Optional[str] = None
    html_field: Optional[str] = None
    id_field: str = "id"
    output_field: str = "clean_text"
    cleaner_field: str = "cleaner"
    timeout: Optional[float] = None
    learn: bool = True
    learn_limit: int = 2000
    chunk_size: int = 16


@dataclass
class BatchStats:
    records: int = 0
    written: int = 0
    rejected: int = 0
    verdicts: Counter = field(default_factory=Counter)
    codes: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    learned_from: int = 0
    reject_samples: list = field(default_factory=list)

    def add(self, outcome: "Outcome") -> None:
        self.records += 1
        if outcome.ok:
            self.written += 1
            self.verdicts[outcome.verdict] += 1
            self.codes.update(outcome.codes)
        else:
            self.rejected += 1
            if len(self.reject_samples) < 20:
                self.reject_samples.append(outcome.reason)

    def merge(self, other: "BatchStats") -> None:
        self.records += other.records
        self.written += other.written
        self.rejected += other.rejected
        self.verdicts.update(other.verdicts)
        self.codes.update(other.codes)
        for reason in other.reject_samples:
            if len(self.reject_samples) < 20:
                self.reject_samples.append(reason)

    def to_dict(self) -> dict:
        return {
            "records": self.records, "written": self.written, "rejected": self.rejected,
            "verdicts": dict(self.verdicts), "findings": dict(self.codes.most_common()),
            "seconds": round(self.seconds, 3), "learned_from": self.learned_from,
        }

    def summary(self) -> str:
        rate = self.records / self.seconds if self.seconds > 0 else 0.0
        lines = [
            f"news-cleaner batch: {self.records} records in {self.seconds:.1f} s ({rate:.0f} records/s): "
            f"{self.written} written, {self.rejected} rejected",
            "verdicts: " + (", ".join(f"{v} {n}" for v, n in sorted(self.verdicts.items())) or "none"),
            "findings: " + (", ".join(f"{c} {n}" for c, n in self.codes.most_common(15)) or "none")
            + (f" (+{len(self.codes) - 15} more codes)" if len(self.codes) > 15 else ""),
        ]
        if self.learned_from:
            lines.append(f"site boilerplate learned from the first {self.learned_from} records")
        return "\n".join(lines)


@dataclass
class Outcome:
    """What became of one input record: an output line, or a reject line with its reason."""

    ok: bool
    line: str
    verdict: str = ""
    codes: tuple = ()
    reason: str = ""


# -- one record ----------------------------------------------------------------------------------

def clean_record(cleaner: Cleaner, data: dict, opts: BatchOptions, doc=None) -> tuple:
    """(output record, Result): every input field kept, the cleaned text and annotation added.

    ``doc``: the record's Document when the learning pass already built it (HTML is extracted once).
    """
    if doc is None:
        doc = document_for(cleaner, data, opts.text_field, opts.html_field)
    result = run_document(cleaner, doc, fix=True)  # a record over parts.PART_CHARS: in parts, bounded memory
    out = dict(data)
    out[opts.output_field] = result.text
    out[opts.cleaner_field] = annotation(result, with_metadata=doc.kind == "html")
    return out, result


def process_line(cleaner: Cleaner, raw: str, where: dict, opts: BatchOptions, doc=None) -> Outcome:
    """Parse, clean and serialise one JSONL line; never raises for a bad record (DocTimeout passes
    through: the time limit around it decides what a timed-out record becomes)."""
    try:
        data = parse_line(raw, cleaner.settings.max_record_size)  # an oversized line: rejected as it was
    except RecordError as exc:
        return _rejected(str(exc), where, raw)
    record_id = data.get(opts.id_field)
    where = {**where, "id": record_id} if record_id is not None else where
    try:
        out, result = clean_record(cleaner, data, opts, doc)
    except DocTimeout:
        raise
    except InputError as exc:  # no text field, a bad url
        reason = str(exc)
    except RecursionError:
        reason = "error: recursion limit reached (deeply nested input)"
    except Exception as exc:  # one bad document must not stop a run of millions; its reason is kept
        reason = f"error: {type(exc).__name__}: {exc}"
    else:
        return Outcome(True, output_line(raw, out, (opts.output_field, opts.cleaner_field)), verdict=result.verdict,
                       codes=tuple(f.code for f in result.findings))
    return _rejected(reason, where, data)


def lost_line(raw: str, where: dict, opts: BatchOptions, reason: str) -> Outcome:
    """The reject for a line whose cleaning was stopped (time limit, worker died)."""
    try:
        record = parse_line(raw)
    except RecordError:
        return _rejected(reason, where, raw)
    record_id = record.get(opts.id_field)
    return _rejected(reason, {**where, "id": record_id} if record_id is not None else where, record)


def _rejected(reason: str, where: dict, record) -> Outcome:
    return Outcome(False, reject_line(reason, where=where, record=record), reason=_where(where, reason))


def _where(where: dict, reason: str) -> str:
    place = f"line {where['line']}" if "line" in where else f"part {where.get('part')} record {where.get('index')}"
    if where.get("id") is not None:
        place += f" (id {where['id']})"
    return f"{place}: {reason}"


# -- files ---------------------------------------------------------------------------------------

def open_input(path: str) -> IO[str]:
    """A text stream over ``path`` (``-`` is stdin; ``.gz`` is decompressed), its lines ended by ``\n``
    alone, as JSON Lines are: a lone ``\r`` is JSON's whitespace inside a record, not a line end (the
    universal-newline default split such a record in two, which ``check`` read as one)."""
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="surrogateescape", newline="\n")
    try:
        if path.endswith(".gz"):
            return gzip.open(path, "rt", encoding="utf-8", errors="surrogateescape", newline="\n")
        raw = open(path, "rb")  # read once: a pipe (``batch <(zcat dump.gz)``) cannot be opened again
        head = raw.peek(8192)[:8192]  # (what the buffer holds: enough to tell the format)
        if head.startswith(b"\x1f\x8b"):  # gzip by its bytes, whatever the name
            unzipped = gzip.GzipFile(fileobj=raw)
            unzipped.myfileobj = raw  # (closed with it, as when gzip opens the file itself)
            return io.TextIOWrapper(unzipped, encoding="utf-8", errors="surrogateescape", newline="\n")
        if (signature := file_signature(head)) is not None:  # each of its "lines" was rejected as bad JSON
            raw.close()
            raise InputError(f"{path}: {signature[0]}, not JSON Lines: {signature[1].replace('FILE', path)}")
        return io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="\n")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


# -- the first pass ------------------------------------------------------------------------------

def learn_pass(cleaner: Cleaner, lines: Iterable[tuple], opts: BatchOptions,
               stats: Optional[BatchStats] = None, *, jobs: int = 1,
               on_notice: Callable[[str], None] = lambda message: None) -> dict:
    """Site-boilerplate learning over the first ``opts.learn_limit`` usable records (how many goes into
    ``stats.learned_from``).

    The records are read, and what learning needs taken from each (``checks.learning_features``), in
    the worker processes; the parent only combines those small summaries, so with ``--jobs 2`` the
    pass runs on both cores. Returns the Documents it built from HTML, by line number, so the cleaning
    pass does not extract the same pages again (a text record's Document is cheaper to rebuild than to
    keep). Bounded on purpose, so that its result (and the HTML Documents) stay small. Records the pass
    cannot read are skipped here (the main pass rejects them with their reason). No record can hang the
    pass: one over ``LEARN_MAX_CHARS`` is not learned from, and with ``opts.timeout`` each record is
    read under that limit, so a record stuck in C (an extraction that never returns) costs its worker,
    not the run; either way a notice names the line, and the record is still cleaned (or rejected) by
    the main pass.
    """
    docs: dict = {}
    learned: list = []
    taken = _learning_features(cleaner, lines, opts, jobs)
    try:
        for number, features, doc, reason in taken:
            if reason:
                on_notice(f"line {number}: site boilerplate not learned from this record: {reason} "
                          "(it is still cleaned)")
            elif features is not None:
                learned.append(features)
                if doc is not None:
                    docs[number] = doc
                if len(learned) >= opts.learn_limit:
                    break
    finally:
        taken.close()  # stops the workers now, not when the generator is collected
    if learned:
        cleaner.learn_from(learned)
    if stats is not None:
        stats.learned_from = len(learned)
    return docs


#: a record line longer than this (characters) is not learned from (it is still cleaned)
LEARN_MAX_CHARS = 4_000_000


def _learning_features(cleaner: Cleaner, lines: Iterable[tuple], opts: BatchOptions, jobs: int) -> Iterator[tuple]:
    """``(line number, learning features or None, the HTML Document or None, reason not learned or "")``
    for each line, in order, taken in worker processes when there are several jobs or a time limit
    (see ``learn_pass``)."""
    items = ((number, raw) if len(raw) <= LEARN_MAX_CHARS else (number, None) for number, raw in lines)
    executor = Executor(jobs, initializer=_init_worker, initargs=(cleaner, opts, {}), timeout=opts.timeout,
                        lost=lambda item, reason: (item[0], None, None, reason),
                        chunk_size=1 if opts.timeout else opts.chunk_size)
    if executor.processes:
        cleaner.warm_up_learning()  # loaded once, shared by the forked workers: not charged to a record's time limit
    with executor:
        yield from executor.map(_learn_line, items)


def _learning_item(cleaner: Cleaner, opts: BatchOptions, number: int, raw: Optional[str]) -> tuple:
    if raw is None:
        return number, None, None, f"longer than {LEARN_MAX_CHARS:,} characters"
    try:
        doc = document_for(cleaner, parse_line(raw), opts.text_field, opts.html_field)
        features = learning_features(doc, cleaner.settings, cleaner.learning_families())
    except (CleanerError, ValueError, RecursionError):
        return number, None, None, ""
    if doc.kind != "html":
        return number, features, None, ""
    doc.forget_derived()  # the main pass needs the extracted text, not this pass's token model
    return number, features, doc, ""


def _learn_line(item: tuple) -> tuple:
    return _learning_item(_STATE["cleaner"], _STATE["opts"], *item)


# -- workers -------------------------------------------------------------------------------------

_STATE: dict = {}


def _init_worker(cleaner: Cleaner, opts: BatchOptions, docs: dict) -> None:
    _STATE["cleaner"], _STATE["opts"], _STATE["docs"] = cleaner, opts, docs


def _work_line(item: tuple) -> Outcome:
    number, raw = item
    doc = _STATE["docs"].pop(number, None)
    return process_line(_STATE["cleaner"], raw, {"line": number}, _STATE["opts"], doc)


def executor_for(cleaner: Cleaner, opts: BatchOptions, jobs: int, docs: Optional[dict] = None) -> Executor:
    """The executor a batch runs on: one record per item, a lost record becomes a reject."""
    return Executor(jobs, initializer=_init_worker, initargs=(cleaner, opts, docs or {}), timeout=opts.timeout,
                    lost=lambda item, reason: lost_line(item[1], {"line": item[0]}, opts, reason),
                    chunk_size=opts.chunk_size)


def run_batch(
    input_path: str,
    output_path: str,
    cleaner: Cleaner,
    opts: BatchOptions,
    *,
    jobs: int = 1,
    rejects_path: Optional[str] = None,
    progress: bool = False,
    on_notice: Callable[[str], None] = lambda message: None,
) -> BatchStats:
    """Clean every record of ``input_path`` into ``output_path`` (and ``rejects_path``); see the module doc."""
    started = time.perf_counter()
    if rejects_path and same_file(output_path, rejects_path):
        raise InputError(f"{rejects_path}: the rejects file cannot be the output file")
    stats = BatchStats()
    docs: dict = {}
    if opts.learn and input_path != "-":
        with open_input(input_path) as stream:
            docs = learn_pass(cleaner, iter_lines(stream), opts, stats, jobs=jobs, on_notice=on_notice)
    elif opts.learn:
        on_notice("site boilerplate learning needs two passes over the input: skipped for stdin")
    total = None
    if progress and input_path != "-":
        with open_input(input_path) as stream:
            total = sum(1 for _ in iter_lines(stream))

    with signals_end_the_run():
        output = AtomicOutput(output_path, on_notice)
        try:
            rejects = AtomicOutput(rejects_path, on_notice) if rejects_path else None
        except BaseException:  # e.g. a folder named as the rejects file: no temporary output left behind
            output.discard()
            raise
        bar = _progress_bar(total) if progress else None
        try:
            with open_input(input_path) as stream, executor_for(cleaner, opts, jobs, docs) as executor:
                if executor.processes:
                    # with --timeout-per-doc in one process too: the first record's limit then times its
                    # own cleaning, not the loading of the data every check builds on first use
                    cleaner.warm_up()
                docs = {}  # the workers hold them now
                unshown = 0
                for outcome in executor.map(_work_line, iter_lines(stream)):
                    stats.add(outcome)
                    if outcome.ok:
                        output.write_line(outcome.line)
                    elif rejects is not None:
                        rejects.write_line(outcome.line)
                    else:
                        on_notice(f"rejected {outcome.reason}")
                    unshown += 1
                    if bar is not None and unshown >= 32:
                        bar.update(unshown)
                        unshown = 0
                if bar is not None:
                    bar.update(unshown)
            output.commit()
            if rejects is not None:
                rejects.commit()
        except BaseException:
            output.discard()
            if rejects is not None:
                rejects.discard()
            raise
        finally:
            if bar is not None:
                bar.close()
    stats.seconds = time.perf_counter() - started
    return stats


def _progress_bar(total: Optional[int]):
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked after the bar exists
    try:
        sized = os.get_terminal_size(sys.stderr.fileno()).columns > 0
    except (OSError, ValueError):
        sized = False
    return tqdm(total=total, unit="rec", file=sys.stderr, dynamic_ncols=sized, ncols=None if sized else 100,
                smoothing=0.1, desc="news-cleaner batch")
