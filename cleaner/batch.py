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

import ctypes
import gzip
import io
import json
import os
import signal
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Callable, Iterable, Iterator, Mapping, Optional

from .errors import CleanerError, InputError
from .fileio import load_json
from .pipeline import Cleaner, Result

TEXT_FIELDS = ("text", "body", "articleBody", "content")
HTML_FIELDS = ("html", "raw_html", "page")


class RecordError(Exception):
    """One record cannot be processed; the message is the reason written to the rejects."""


class DocTimeout(Exception):
    """Cleaning one document took longer than ``--timeout-per-doc``."""


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

def pick_field(data: Mapping, text_field: Optional[str], html_field: Optional[str]) -> tuple:
    """The field holding the article and whether it is HTML; RecordError when there is none."""
    if html_field and isinstance(data.get(html_field), str):
        return html_field, True
    if text_field:
        if isinstance(data.get(text_field), str):
            return text_field, False
        raise RecordError(f"no string field '{text_field}'" + (f" or '{html_field}'" if html_field else ""))
    if html_field:
        raise RecordError(f"no string field '{html_field}'")
    for name in TEXT_FIELDS:
        if isinstance(data.get(name), str):
            return name, False
    for name in HTML_FIELDS:
        if isinstance(data.get(name), str):
            return name, True
    raise RecordError(f"no text field (tried {', '.join(TEXT_FIELDS + HTML_FIELDS)}; use --text-field/--html-field)")


def document_for(cleaner: Cleaner, data: Mapping, opts: BatchOptions):
    name, is_html = pick_field(data, opts.text_field, opts.html_field)
    url = data.get("url") if isinstance(data.get("url"), str) else None
    meta = {key: data[key] for key in ("title", "site") if isinstance(data.get(key), str)}
    return cleaner.document(data[name], url, kind="html" if is_html else "text", metadata=meta or None)


def annotation(result: Result, *, with_metadata: bool) -> dict:
    """The ``cleaner`` object added to a record: score, verdict, findings (and extracted metadata)."""
    data = {
        "score": result.score,
        "verdict": result.verdict,
        "findings": [f.to_dict() for f in result.findings],
    }
    if result.notices:
        data["notices"] = list(result.notices)
    if with_metadata:
        data["metadata"] = {k: v for k, v in result.metadata.items() if v is not None}
    return data


def clean_record(cleaner: Cleaner, data: Mapping, opts: BatchOptions) -> tuple:
    """(output record, Result): every input field kept, the cleaned text and annotation added."""
    with time_limit(opts.timeout):
        doc = document_for(cleaner, data, opts)
        result = cleaner.run(doc, fix=True)
    out = dict(data)
    out[opts.output_field] = result.text
    out[opts.cleaner_field] = annotation(result, with_metadata=doc.kind == "html")
    return out, result


def reject_line(reason: str, *, where: dict, record) -> str:
    return json.dumps({**where, "reason": reason, "record": record}, ensure_ascii=False)


def process_line(cleaner: Cleaner, raw: str, where: dict, opts: BatchOptions) -> Outcome:
    """Parse, clean and serialise one JSONL line; never raises for a bad record."""
    try:
        data = load_json(raw)
    except json.JSONDecodeError as exc:
        reason = f"invalid JSON: {exc.msg} (column {exc.colno})"
        return Outcome(False, reject_line(reason, where=where, record=raw), reason=_where(where, reason))
    if not isinstance(data, dict):
        reason = f"a record must be a JSON object, not {type(data).__name__}"
        return Outcome(False, reject_line(reason, where=where, record=data), reason=_where(where, reason))
    record_id = data.get(opts.id_field)
    where = {**where, "id": record_id} if record_id is not None else where
    try:
        out, result = clean_record(cleaner, data, opts)
    except DocTimeout:
        reason = f"timed out after {opts.timeout:g} s (--timeout-per-doc)"
    except RecordError as exc:
        reason = str(exc)
    except RecursionError:
        reason = "error: recursion limit reached (deeply nested input)"
    except Exception as exc:  # one bad document must not stop a run of millions; its reason is kept
        reason = f"error: {type(exc).__name__}: {exc}"
    else:
        return Outcome(True, json.dumps(out, ensure_ascii=False), verdict=result.verdict,
                       codes=tuple(f.code for f in result.findings))
    return Outcome(False, reject_line(reason, where=where, record=data), reason=_where(where, reason))


def _where(where: dict, reason: str) -> str:
    place = f"line {where['line']}" if "line" in where else f"part {where.get('part')} record {where.get('index')}"
    if where.get("id") is not None:
        place += f" (id {where['id']})"
    return f"{place}: {reason}"


# -- per-document time limit ---------------------------------------------------------------------

@contextmanager
def time_limit(seconds: Optional[float]):
    """Raise DocTimeout in this thread when the block runs longer than ``seconds``.

    In a main thread this is SIGALRM (interrupts Python code and the regex engine); in other threads
    (Dask workers) an asynchronous exception is raised in the thread. Neither can interrupt a long call
    inside a C extension that never returns to Python; the limit then fires when it does.
    """
    if not seconds:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def _alarm(signum, frame):
            raise DocTimeout()

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    ident = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False}

    def _fire():
        with lock:
            if not state["done"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(DocTimeout))

    timer = threading.Timer(seconds, _fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
        timer.cancel()


# -- files ---------------------------------------------------------------------------------------

def open_input(path: str) -> IO[str]:
    """A text stream over ``path`` (``-`` is stdin; ``.gz`` is decompressed)."""
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="surrogateescape")
    try:
        if path.endswith(".gz"):
            return gzip.open(path, "rt", encoding="utf-8", errors="surrogateescape")
        return open(path, "r", encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def iter_lines(stream: IO[str]) -> Iterator[tuple]:
    """(1-based line number, line) for every non-blank line, without the newline."""
    for number, line in enumerate(stream, start=1):
        line = line.rstrip("\r\n")
        if line.strip():
            yield number, line


class AtomicOutput:
    """A text sink written to a temporary file and renamed into place on ``commit`` (gzip by name)."""

    def __init__(self, path: str):
        self.path = path
        self._tmp: Optional[str] = None
        if path == "-":
            self.stream: IO[str] = sys.stdout
            return
        if os.path.exists(path) and not os.path.isfile(path):
            # a device or pipe (/dev/null, a FIFO): write to it directly, never rename over it
            self.stream = open(path, "w", encoding="utf-8", errors="surrogateescape")
            self._direct = True
            return
        directory = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(directory):
            raise InputError(f"{path}: directory {directory} does not exist")
        fd, self._tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=directory)
        raw = os.fdopen(fd, "wb")
        if path.endswith(".gz"):
            self.stream = io.TextIOWrapper(gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6), encoding="utf-8",
                                           errors="surrogateescape")
            self._raw = raw
        else:
            self.stream = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape")
            self._raw = None

    def write_line(self, line: str) -> None:
        self.stream.write(line)
        self.stream.write("\n")

    def commit(self) -> None:
        if self._tmp is None:
            if getattr(self, "_direct", False):
                self.stream.close()
            else:
                self.stream.flush()
            return
        self.stream.close()
        if self._raw is not None:
            self._raw.close()
        os.replace(self._tmp, self.path)
        self._tmp = None

    def discard(self) -> None:
        if self._tmp is None:
            if getattr(self, "_direct", False):
                self.stream.close()
            return
        try:
            self.stream.close()
            if self._raw is not None:
                self._raw.close()
        finally:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass
            self._tmp = None


# -- the first pass ------------------------------------------------------------------------------

def learn_pass(cleaner: Cleaner, lines: Iterable[tuple], opts: BatchOptions) -> int:
    """Site-boilerplate learning over the first ``opts.learn_limit`` usable records; returns how many.

    Bounded on purpose: the learners see a list of Documents, so learning from every record would hold
    the whole input in memory. Records the pass cannot read are skipped here (the main pass rejects
    them with their reason).
    """
    docs = []
    for _, raw in lines:
        if len(docs) >= opts.learn_limit:
            break
        try:
            data = load_json(raw)
            if isinstance(data, dict):
                with time_limit(opts.timeout):
                    docs.append(document_for(cleaner, data, opts))
        except (ValueError, RecordError, DocTimeout, CleanerError):
            continue
    if docs:
        cleaner.learn(docs)
    return len(docs)


# -- workers -------------------------------------------------------------------------------------

_STATE: dict = {}


def _init_worker(cleaner: Cleaner, opts: BatchOptions) -> None:
    _STATE["cleaner"], _STATE["opts"] = cleaner, opts
    # the parent handles Ctrl-C: workers finish or are terminated with the pool
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work_chunk(chunk: list) -> list:
    cleaner, opts = _STATE["cleaner"], _STATE["opts"]
    return [process_line(cleaner, raw, {"line": number}, opts) for number, raw in chunk]


def _chunks(lines: Iterable[tuple], size: int) -> Iterator[list]:
    chunk: list = []
    for item in lines:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Text that reaches the lazily built data every family loads on first use (word lists, the spelling
# suggestion index, gazetteers, HTML entities). Cleaning it once in the parent before the workers are
# forked lets them share those structures copy-on-write instead of each building its own copy.
WARM_UP_TEXT = ("Teh city councl said on Tuesday that the plan was brillianty received by residents of "
                "Caf&eacute; Street, the Associated press reported.\n\n\u201cIt is fair,\u201d she said. "
                "The Washingon Post and Gogle did not comment.")


def warm_up(cleaner: Cleaner) -> None:
    """Load everything the checks load lazily, then move it out of the garbage collector's reach
    (``gc.freeze``) so collections in the forked workers do not touch, and so copy, the shared pages."""
    import gc

    try:
        cleaner.run(cleaner.document(WARM_UP_TEXT, kind="text"), fix=True)
    except Exception:  # warming is an optimisation; a failure shows up again, with its record, later
        return
    gc.collect()
    gc.freeze()


def _pooled(cleaner: Cleaner, opts: BatchOptions, chunks: Iterator[list], jobs: int) -> Iterator[list]:
    """Results per chunk, in input order, with at most ``4 * jobs`` chunks in flight.

    A worker that dies (killed, out of memory, crashed in C) breaks the whole pool. The chunk at the head
    is then run again alone in a fresh pool; if that breaks it too, its records are run one at a time so
    only the record that kills a worker is rejected ("the worker process died"). The other chunks in
    flight are resubmitted: no record is lost or cleaned twice in the output.
    """
    import multiprocessing

    # fork (where there is one) so the workers share what warm_up loaded; elsewhere the default
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    state = {"pool": None}

    def fresh_pool():
        if state["pool"] is not None:
            state["pool"].shutdown(wait=False, cancel_futures=True)
        state["pool"] = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(cleaner, opts),
                                            mp_context=context)
        return state["pool"]

    def alone(chunk: list) -> list:
        try:
            return fresh_pool().submit(_work_chunk, chunk).result()
        except BrokenProcessPool:
            if len(chunk) > 1:
                return [outcome for item in chunk for outcome in alone([item])]
            number, raw = chunk[0]
            reason = "the worker process died while cleaning this record"
            return [Outcome(False, reject_line(reason, where={"line": number}, record=raw),
                            reason=f"line {number}: {reason}")]

    pool = fresh_pool()
    pending: deque = deque()  # [chunk, future]
    try:
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < 4 * jobs:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append([chunk, pool.submit(_work_chunk, chunk)])
            if not pending:
                break
            chunk, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                result = alone(chunk)
                pool = fresh_pool()
                for item in pending:
                    item[1] = pool.submit(_work_chunk, item[0])
            yield result
    finally:
        if state["pool"] is not None:
            state["pool"].shutdown(wait=True, cancel_futures=True)


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
    stats = BatchStats()
    if opts.learn and input_path != "-":
        with open_input(input_path) as stream:
            stats.learned_from = learn_pass(cleaner, iter_lines(stream), opts)
    elif opts.learn:
        on_notice("site boilerplate learning needs two passes over the input: skipped for stdin")
    total = None
    if progress and input_path != "-":
        with open_input(input_path) as stream:
            total = sum(1 for _ in iter_lines(stream))

    output = AtomicOutput(output_path)
    rejects = AtomicOutput(rejects_path) if rejects_path else None
    bar = None
    if progress:
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: the worker pool is forked after the bar exists
        try:
            sized = os.get_terminal_size(sys.stderr.fileno()).columns > 0
        except (OSError, ValueError):
            sized = False
        bar = tqdm(total=total, unit="rec", file=sys.stderr, dynamic_ncols=sized, ncols=None if sized else 100,
                   smoothing=0.1, desc="news-cleaner batch")
    try:
        with open_input(input_path) as stream:
            chunks = _chunks(iter_lines(stream), opts.chunk_size)
            if jobs > 1 or opts.timeout:
                # in one process too, with --timeout-per-doc: the first record's limit then times its
                # own cleaning, not the loading of the data every check builds on first use
                warm_up(cleaner)
            if jobs > 1:
                results = _pooled(cleaner, opts, chunks, jobs)
            else:
                _init_local(cleaner, opts)
                results = (_work_chunk(chunk) for chunk in chunks)
            for outcomes in results:
                for outcome in outcomes:
                    stats.add(outcome)
                    if outcome.ok:
                        output.write_line(outcome.line)
                    elif rejects is not None:
                        rejects.write_line(outcome.line)
                    else:
                        on_notice(f"rejected {outcome.reason}")
                if bar is not None:
                    bar.update(len(outcomes))
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


def _init_local(cleaner: Cleaner, opts: BatchOptions) -> None:
    _STATE["cleaner"], _STATE["opts"] = cleaner, opts
