"""``check``/``fix`` over many files: answered from the cache where possible, the rest spread over
worker processes (``cleaner/executor.py``), reports returned in input order (so output is the same
whatever ``--jobs`` is).

A pool costs a fork per worker and a warm-up in the parent (the word lists, gazetteers and spelling
index the workers then share; a few tenths of a second), so for a handful of files (a typical
pre-commit run) one process is as fast: the pool is used from POOL_MIN_FILES files
needing work; cached files never reach it. A big JSONL file is cut into pieces of whole lines
(``cleaner/record_pieces.py``), each a task of its own, so its records use every worker too.

Site-learned boilerplate (B011, ``cleaner/site_boilerplate.py``) needs a first pass over all the files:
each file's articles give ``(site, lines)`` features (cached by content, so an unchanged HTML page is
not extracted again just to learn), the lines each site repeats are learned from all of them at once
(order-free counts: the same files give the same result whatever their order or ``--jobs``), and each
file is then checked with what was learned for its own sites, which also goes into its cache key. The
Documents the first pass built are handed to the second, so a page is extracted once per run. The pass
is skipped when no site could reach ``min-articles`` (a pre-commit run over a few files), when B011 is
not selected, or with ``learn=False`` (``--no-learn``).
"""

from __future__ import annotations

import copy
import os
from collections import Counter
from typing import Callable, Iterable, Iterator, Optional

from . import record_pieces, site_boilerplate
from .cache import FileCache
from .errors import InputError
from .fileio import decode_bytes, kind_for, read_bytes
from .held_inputs import HeldInputs
from .pipeline import Cleaner
from .record_pieces import piece_spans, splittable
from .runner import FileReport, documents, problems_line, process_file

POOL_MIN_FILES = 8
#: bytes of input in one chunk of tasks sent to a worker: the executor keeps 4 chunks a worker in flight,
#: so 16 files a chunk of 5 MB articles put the whole of a 400 MB folder in its queues (635 MB at peak)
CHUNK_BYTES = 2 * 10**6
#: characters of extracted page text the learning pass keeps for the check pass; the pages past it are
#: extracted again in their turn, so a folder of many pages is not held whole between the passes
KEEP_DOC_CHARS = 32 * 10**6

_WORKER: Optional[Cleaner] = None


def _init_worker(cleaner: Cleaner) -> None:
    global _WORKER
    _WORKER = cleaner


def _in_worker(call: tuple):
    function, task = call
    assert _WORKER is not None
    return function(_WORKER, task)


def _check_task(cleaner: Cleaner, task: tuple) -> FileReport:
    path, data, fix, text_field, html_field, docs, learned, first_line, slim = task
    if learned is not None:
        cleaner = copy.copy(cleaner)
        cleaner.batch = {**cleaner.batch, "B": learned}
    report = process_file(cleaner, path, fix=fix, data=data, text_field=text_field, html_field=html_field, docs=docs,
                          first_line=first_line)
    report.original = None  # the caller has the bytes (not sent back from a worker): run_files puts them back
    if slim:  # a streamed check of a piece: nothing reads the texts, so they are not sent back
        _drop_texts(report)
    return report


def _drop_texts(report: FileReport) -> None:
    """What a check report of records keeps once written: findings, scores, verdicts, notices; not the
    article texts (the parent would otherwise hold a copy of every record it has written out)."""
    report.old_text = report.new_text = ""
    for outcome in report.articles:
        outcome.result.text = outcome.result.source_text = ""


def _features_task(cleaner: Cleaner, task: tuple) -> Optional[tuple]:
    """(features, Documents) of one file, or None when it cannot be read (the second pass says why)."""
    path, data, text_field, html_field = task
    features, kept = [], []
    if data is None:  # changed since it was first read (filerun._bytes_of)
        return None
    try:
        # one Document at a time: only extracted HTML is kept for the second pass; a text article's
        # Document (with the tokens and paragraphs the learning built) is cheaper to rebuild than to
        # hold (holding every record of a 4 MB JSONL file took 614 MB at peak instead of 293 MB)
        for doc in documents(cleaner, decode_bytes(data, path), text_field=text_field, html_field=html_field):
            features.append(site_boilerplate.features(doc, cleaner.settings))
            kept.append(doc if doc.kind == "html" else None)
    except InputError:
        return None
    return features, kept


class _Runner:
    """Runs tasks in this process, or over one executor shared by both passes (started on first need)."""

    def __init__(self, cleaner: Cleaner, jobs: int, timeout: Optional[float] = None, task_bytes: int = 0):
        self.cleaner = cleaner
        self.jobs = jobs
        self.timeout = timeout
        self.task_bytes = task_bytes  # the mean size of a file's bytes (sets how many go in one chunk)
        self.executor = None  # an Executor, started on first need

    def map(self, function: Callable, tasks: Iterable, count: int, *, pieces: bool = False) -> Iterator:
        """``function(cleaner, task)`` for each of the ``count`` tasks, in order, each as soon as it is
        done (tasks are read only as workers get free, so a generator of them is never held whole);
        ``pieces``: the tasks are pieces of big files (``cleaner/record_pieces.py``), sent to the
        workers one at a time so both end together."""
        if self.timeout is None and (self.jobs <= 1 or count < (2 if pieces else POOL_MIN_FILES)):
            return (function(self.cleaner, task) for task in tasks)
        if not count:
            return iter(())
        if self.executor is None:
            from .executor import Executor  # multiprocessing and ctypes: only a run that needs a pool

            self.cleaner.warm_up()  # loaded once here and shared by the forked workers
            workers = max(1, min(self.jobs, count))
            self.executor = Executor(workers, initializer=_init_worker, initargs=(self.cleaner,), noun="file",
                                     chunk_size=1 if pieces else max(1, min(16, count // (workers * 4),
                                                                            CHUNK_BYTES // max(1, self.task_bytes))),
                                     lost=_lost, timeout=self.timeout, limit="timeout-per-file")
        return self.executor.map(_in_worker, ((function, task) for task in tasks))

    def close(self) -> None:
        if self.executor is not None:
            self.executor.close()


def _lost(call: tuple, reason: str):
    """A file whose worker died: a report with the reason (in the first pass: nothing learned from it)."""
    function, task = call
    if function is _features_task:
        return None
    first_line = task[7]
    if first_line > 1:  # a piece of a big records file: the rest of the file still counts
        return FileReport(path=task[0], error=f"{task[0]}:{first_line}: {reason} (a piece of the file from this line)")
    return FileReport(path=task[0], error=f"{task[0]}: {reason}")


def could_learn(cleaner: Cleaner, inputs: dict) -> bool:
    """Whether any site could reach ``min-articles`` among ``inputs`` (``{path: number of lines}``),
    without reading them: text files group by folder; a page or a record (a line of a records file)
    may belong to any site, so they all count."""
    if not any(cleaner.selection_for(path)("B011") for path in inputs):
        return False
    folders: Counter = Counter()
    anywhere = 0
    for path, lines in inputs.items():
        kind = kind_for(path)
        if kind == "records":
            anywhere += lines
        elif kind == "html":
            anywhere += 1
        else:
            folders[os.path.dirname(os.path.abspath(path))] += 1
    return max(folders.values(), default=0) + anywhere >= site_boilerplate.min_articles(cleaner.settings)


def run_files(cleaner: Cleaner, paths: list, *, fix: bool, **options) -> list:
    """One FileReport per path, in the order of ``paths`` (a file checked in pieces joined back into
    one); ``options`` as for :func:`iter_files`, without ``stream``."""
    return list(iter_files(cleaner, paths, fix=fix, **options))


def iter_files(
    cleaner: Cleaner,
    paths: list,
    *,
    fix: bool,
    jobs: int = 1,
    cache: Optional[FileCache] = None,
    text_field: Optional[str] = None,
    html_field: Optional[str] = None,
    learn: bool = True,
    timeout: Optional[float] = None,
    stream: bool = False,
) -> Iterator[FileReport]:
    """One FileReport per path, in the order of ``paths``, each handed out as soon as it and those before
    it are done. ``learn=False`` skips the site-boilerplate first pass (see the module docstring), which
    otherwise runs when some site could be learned. ``timeout`` (seconds per file, ``timeout-per-file``):
    a file that takes longer, even inside C code, is reported with the reason and the run goes on (its
    worker process is replaced).

    ``stream`` (a check whose report is written as it comes): a file checked in pieces is handed out as
    its pieces' reports, in order, without their texts; every one but the last has ``more`` set, and the
    last carries the file's error (its first bad record and how many more), so the caller holds one
    piece at a time instead of the whole file's findings and texts.
    """
    errors: dict = {}  # index -> the report of a file that could not be read
    options = (text_field, html_field)
    inputs = HeldInputs(max_mb=cleaner.settings.max_file_size)  # index -> bytes, read again past a budget
    size = record_pieces.PIECE_BYTES
    spans: dict = {}  # index -> the pieces of a big records file
    digests: dict = {}  # index -> its content digest, or its pieces' (with their first lines), for the cache
    lines: dict = {}  # path -> how many lines (what could_learn counts)
    total = 0  # bytes read
    for index, path in enumerate(paths):  # each file read once here; its bytes held within HoldInputs' budget
        try:
            data = read_bytes(path, cleaner.settings.max_file_size)
        except InputError as exc:
            errors[index] = FileReport(path=path, error=str(exc))
            continue
        if splittable(data, path, kind_for(path), size):
            spans[index] = piece_spans(data, size)
        if cache is not None:
            digests[index] = cache.content_digest(data)
            if index in spans:
                digests[index, "pieces"] = [cache.content_digest(_piece(data, span)) + str(span[2]).encode()
                                            for span in spans[index]]
        lines[path] = data.count(b"\n") + 1
        total += len(data)
        inputs.add(index, path, data)
        del data
    changed: dict = {}  # index -> why a file read again could not be checked (it changed meanwhile)
    runner = _Runner(cleaner, jobs, timeout, task_bytes=total // max(1, len(inputs)))
    try:
        docs: dict = {}  # (index, piece) -> the Documents the first pass kept
        learned: dict = {}  # index -> {site: lines} for the file's sites; absent: no learning pass
        if learn and could_learn(cleaner, lines):
            learned = _learn(runner, paths, inputs, cache, options, docs, digests, spans)
        units: dict = {}  # index -> [(piece number, span, cache key, whether the cache has it)]
        for index in inputs:
            units[index] = []
            for k, span in enumerate(spans.get(index, [None])):
                key = None
                if cache is not None:  # a piece is cached on its own: its bytes and its first line
                    content = digests[index] if span is None else digests[index, "pieces"][k]
                    key = cache.key(b"", paths[index], fix=fix, options=options, learned=learned.get(index),
                                    content=content)
                units[index].append((k, span, key, key is not None and cache.has(key)))

        def task(index: int, k: int, span: Optional[tuple]) -> tuple:
            try:
                data = _piece(inputs[index], span)
            except InputError as exc:  # read again and found changed: checked as empty, reported as changed
                changed[index], data = str(exc), b""
            return (paths[index], data, fix, text_field, html_field, docs.pop((index, k), None),
                    learned.get(index), span[2] if span else 1, stream and span is not None and not fix)

        todo = [(index, k, span) for index, file_units in units.items() for k, span, _, cached in file_units
                if not cached]
        results = runner.map(_check_task, (task(*item) for item in todo), len(todo), pieces=bool(spans))

        def report_of(index: int, k: int, span: Optional[tuple], key: Optional[str], cached: bool) -> FileReport:
            report = cache.get(key, paths[index]) if cached else None
            if report is None:  # not cached, or the entry went bad since it was seen: checked here
                report = next(results) if not cached else _check_task(cleaner, task(index, k, span))
                if key is not None:
                    cache.put(key, report)
            return report

        for index in range(len(paths)):
            if index in errors:
                yield errors.pop(index)
            elif stream and not fix and index in spans:
                for report in _streamed((report_of(index, *unit) for unit in units.pop(index))):
                    if not report.more and index in changed:
                        report.error = changed.pop(index)
                    yield report
                inputs.forget(index)
            else:
                found = [report_of(index, *unit) for unit in units.pop(index)]
                try:
                    data = inputs.pop(index)
                except InputError as exc:
                    changed.setdefault(index, str(exc))
                if index in changed:  # read again for its check (or for fix to compare with) and changed
                    yield FileReport(path=paths[index], error=changed.pop(index))
                elif index not in spans:
                    found[0].original = data
                    yield found[0]
                else:
                    yield record_pieces.join_reports(paths[index], data, found, spans[index])
    finally:
        runner.close()


def _streamed(pieces: Iterator[FileReport]) -> Iterator[FileReport]:
    """A file's piece reports, in order, as ``iter_files(stream=True)`` hands them out: the bad records
    counted over all of them and named (the first) on the last one, which alone has ``more`` unset."""
    first, count = None, 0
    previous = None
    for report in pieces:
        if previous is not None:
            yield previous
        first = first or (report.problems[0] if report.problems else None)
        count += len(report.problems)
        report.problems, report.error, report.more = [], None if report.problems else report.error, True
        previous = report
    assert previous is not None, "a file has at least one piece"
    previous.more = False
    if count:  # a piece lost with its worker keeps its own reason, as when the pieces are joined
        previous.error = previous.error or problems_line(first, count)
    yield previous


def _piece(data: bytes, span: Optional[tuple]) -> bytes:
    return data if span is None else data[span[0]:span[1]]


def _bytes_of(inputs: HeldInputs, index: int, span: Optional[tuple]) -> Optional[bytes]:
    """A file's bytes (or a piece's) for the learning pass; None when it changed since it was first read
    (``_features_task`` then learns nothing from it, and its check says why)."""
    try:
        return _piece(inputs[index], span)
    except InputError:
        return None


def _learn(runner: _Runner, paths: list, inputs: dict, cache: Optional[FileCache], options: tuple, docs: dict,
           digests: dict, spans: dict) -> dict:
    """The first pass: ``{index: {site: lines}}`` (what was learned for each readable file's sites);
    fills ``docs`` with the Documents it had to build, by (index, piece)."""
    settings = runner.cleaner.settings
    counted = site_boilerplate.SiteCounts(settings)  # each file's features counted as they come, not held
    sites: dict = {}  # index -> the sites of its articles
    missing = []  # (index, features key)
    first: dict = {}  # a file named twice (a folder and a file in it) is one set of articles
    for index in inputs:
        first.setdefault(os.path.abspath(paths[index]), index)
    owner = {index: first[os.path.abspath(paths[index])] for index in inputs}
    for index in first.values():
        key = None
        if cache is not None:
            key = cache.features_key(b"", paths[index], options=options, content=digests[index])
        found = cache.get_features(key) if key is not None else None
        if found is not None:
            counted.add(found)
            sites[index] = {site for site, _ in found}
        else:
            missing.append((index, key))
    tasks = ((paths[index], _bytes_of(inputs, index, span), *options)  # one file's bytes at a time
             for index, _ in missing for span in spans.get(index, [None]))
    count = sum(len(spans.get(index, [None])) for index, _ in missing)
    results = runner.map(_features_task, tasks, count, pieces=bool(spans))
    room = KEEP_DOC_CHARS
    for index, key in missing:
        found = [next(results) for _ in spans.get(index, [None])]
        if any(result is None for result in found):
            continue
        taken = [item for result in found for item in result[0]]
        for k, result in enumerate(found):
            size = sum(len(doc.text) for doc in result[1] if doc is not None)
            if size and size <= room:  # (a page past the budget is extracted again by its check)
                docs[(index, k)] = result[1]
                room -= size
        if key is not None:
            cache.put_features(key, taken)
        counted.add(taken)
        sites[index] = {site for site, _ in taken}
        del found, taken
    model = counted.learned(settings)
    return {index: {site: model[site] for site in sorted(sites[owner[index]], key=str) if site in model}
            for index in inputs if owner[index] in sites}
