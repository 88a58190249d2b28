"""One way to run work over many documents: an ordered, streaming map over worker processes.

Used by the file runs (``check``/``fix``), ``batch``, ``Cleaner.clean_many`` and, in-process, by the
Dask and Scrapy integrations, so they share one behaviour:

- **Ordered and streaming.** Items are read from the input only while fewer than ``window`` items are
  between the last one read and the next one to hand back, so memory does not grow with the input,
  and results come back in input order whatever the number of workers.
- **A per-item time limit that also stops work stuck in C.** Inside a worker, ``time_limit`` (SIGALRM)
  interrupts Python code at ``timeout``; a worker still busy with the same item a little later (a
  regular expression or parser stuck in C never returns to Python) is killed and replaced. Either
  way only that item is lost: ``lost(item, reason)`` says what to hand back in its place.
- **A worker that dies** (killed, out of memory, crashed in C) costs the item it was working on; the
  items queued behind it go to a fresh worker.
- **Workers die with their parent**: ``PR_SET_PDEATHSIG`` on Linux and, everywhere, a thread that
  exits the worker when its parent process is gone, so a ``kill -9`` of the parent leaves no worker
  running on.

Workers are forked where the platform can (they share what the parent loaded, copy-on-write), get
``initializer(*initargs)`` once, and then run ``function(item)`` per item. Each result is sent back
as soon as it is ready, which is what lets the parent know which item a worker is on.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from contextlib import contextmanager
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator, Optional

from .errors import CleanerError

PARENT_POLL = 0.5  # seconds between a worker's checks that its parent is alive (where prctl is missing)


class DocTimeout(Exception):
    """Work on one item took longer than its time limit."""


class WorkerLost(CleanerError):
    """A worker died or was stopped while working on an item, and no ``lost`` handler was given."""


# -- the time limit ------------------------------------------------------------------------------

@contextmanager
def time_limit(seconds: Optional[float]):
    """Raise DocTimeout in this thread when the block runs longer than ``seconds``.

    In a main thread this is SIGALRM (interrupts Python code and the regex engine); in other threads
    (Dask workers) an asynchronous exception is raised in the thread. Neither interrupts a call stuck
    inside a C extension: in a worker process the executor kills and replaces the worker for that.
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


def hard_limit(seconds: float) -> float:
    """When a worker still on the same item is taken to be stuck in C and is killed.

    >>> hard_limit(2.0)
    3.5
    """
    return seconds * 1.5 + 0.5


# -- worker processes ----------------------------------------------------------------------------

def _die_with_parent(parent_pid: int, pdeathsig: bool) -> None:
    """Make this worker end when its parent does, even when the parent is killed with SIGKILL."""
    if pdeathsig and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the kernel kills us when the parent exits
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before the line above took effect
        os._exit(1)

    def watch():
        while True:
            time.sleep(PARENT_POLL)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="news-cleaner-parent-watch", daemon=True).start()


def _worker_main(tasks, results, initializer, initargs, timeout, parent_pid, pdeathsig) -> None:
    _die_with_parent(parent_pid, pdeathsig)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if initializer is not None:
        initializer(*initargs)
    while True:
        message = tasks.get()
        if message is None:
            return
        function, chunk = message
        for seq, item in chunk:
            try:
                with time_limit(timeout):
                    reply = (seq, "ok", function(item))
            except DocTimeout:
                reply = (seq, "timeout", None)
            except Exception as exc:  # handed back to the caller, in order, with its item
                reply = (seq, "error", exc)
            try:
                results.send(reply)
            except Exception as exc:  # an unpicklable result or exception
                results.send((seq, "error", CleanerError(f"{type(exc).__name__}: {exc}")))


class _Worker:
    """One worker process, its task queue, its result pipe and the items it holds, oldest first."""

    def __init__(self, context, executor: "Executor"):
        self.tasks = context.Queue()
        self.results, writer = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_worker_main, name="news-cleaner-worker", daemon=True,
            args=(self.tasks, writer, executor.initializer, executor.initargs, executor.timeout, os.getpid(),
                  threading.current_thread() is threading.main_thread()),
        )
        self.process.start()
        writer.close()
        self.held: deque = deque()  # (seq, item) sent and not yet answered
        self.since = time.monotonic()  # when the item at the head of ``held`` started, near enough

    def send(self, function: Callable, chunk: list) -> None:
        if not self.held:
            self.since = time.monotonic()
        self.held.extend(chunk)
        self.tasks.put((function, chunk))

    def end(self, *, kill: bool) -> None:
        """Make the process exit: now (``kill``), or once it has finished what it holds."""
        if kill and self.process.is_alive():
            self.process.kill()
        elif self.process.is_alive():
            try:
                self.tasks.put(None)
            except (OSError, ValueError):
                pass
        self.process.join(None if kill else 2.0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()

    def release(self) -> None:
        self.tasks.cancel_join_thread()
        self.tasks.close()
        self.results.close()


class Executor:
    """An ordered streaming map; see the module docstring. Use as a context manager.

    ``jobs``: worker processes. ``processes``: False runs everything in this process (the time limit
    then only stops Python code); default: worker processes when ``jobs > 1`` or a ``timeout`` is set.
    ``lost(item, reason)``: what to hand back for an item whose worker died or ran out of time
    (default: raise WorkerLost). ``noun``: how reasons name an item ("record", "file"); ``limit``: the
    option that set ``timeout``.
    """

    def __init__(self, jobs: int = 1, *, initializer: Optional[Callable] = None, initargs: tuple = (),
                 timeout: Optional[float] = None, lost: Optional[Callable[[Any, str], Any]] = None,
                 chunk_size: int = 16, window: Optional[int] = None, processes: Optional[bool] = None,
                 noun: str = "record", limit: str = "--timeout-per-doc"):
        self.jobs = max(1, int(jobs))
        self.initializer, self.initargs = initializer, initargs
        self.timeout = timeout or None
        self.lost = lost
        self.chunk_size = max(1, int(chunk_size))
        self.window = window or 4 * self.jobs * self.chunk_size
        self.processes = (self.jobs > 1 or self.timeout is not None) if processes is None else processes
        self.noun = noun
        self.limit = limit  # the option or setting that set ``timeout``, named in the reasons
        self._workers: list = []
        self._local_ready = False
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if "fork" in methods else None)

    def __enter__(self) -> "Executor":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self.close(kill=kind is not None)

    def close(self, *, kill: bool = False) -> None:
        """Stop the workers: let them finish and exit, or (``kill``) end them now."""
        workers, self._workers = self._workers, []
        for worker in workers:
            worker.end(kill=kill)
            worker.release()

    # -- reasons ---------------------------------------------------------------------------------
    def _reason(self, kind: str) -> str:
        if kind == "timeout":
            return f"timed out after {self.timeout:g} s ({self.limit})"
        if kind == "stuck":
            return (f"timed out after {self.timeout:g} s ({self.limit}); its worker process was stuck "
                    "and was replaced")
        return f"the worker process died while cleaning this {self.noun}"

    def _lost(self, item: Any, kind: str):
        reason = self._reason(kind)
        if self.lost is None:
            raise WorkerLost(reason)
        return self.lost(item, reason)

    # -- the map ---------------------------------------------------------------------------------
    def map(self, function: Callable, items: Iterable) -> Iterator:
        """``function(item)`` for every item, in input order; exceptions are raised in order too."""
        if not self.processes:
            return self._map_here(function, items)
        return self._map_pooled(function, items)

    def _map_here(self, function: Callable, items: Iterable) -> Iterator:
        if not self._local_ready and self.initializer is not None:
            self.initializer(*self.initargs)
        self._local_ready = True
        for item in items:
            try:
                with time_limit(self.timeout):
                    result = function(item)
            except DocTimeout:
                result = self._lost(item, "timeout")
            yield result

    def _map_pooled(self, function: Callable, items: Iterable) -> Iterator:
        source = iter(items)
        exhausted = False
        queue: deque = deque()  # (seq, item) read and not yet sent to a worker
        done: dict = {}  # seq -> (status, payload, item)
        read = handed = 0
        try:
            while True:
                while not exhausted and read - handed < self.window:
                    try:
                        queue.append((read, next(source)))
                    except StopIteration:
                        exhausted = True
                        break
                    read += 1
                while handed in done:
                    status, payload, item = done.pop(handed)
                    handed += 1
                    if status == "ok":
                        yield payload
                    elif status == "error":
                        raise payload
                    else:
                        yield self._lost(item, status)
                if exhausted and handed == read:
                    return
                if read - handed < self.window and not exhausted:
                    continue
                self._dispatch(function, queue)
                self._collect(done, queue)
        except BaseException:
            self.close(kill=True)
            raise

    def _dispatch(self, function: Callable, queue: deque) -> None:
        """Top every worker up to two chunks, so none waits for its next chunk."""
        while len(self._workers) < self.jobs and (queue or not self._workers):
            self._workers.append(_Worker(self._context, self))
        for worker in self._workers:
            while queue and len(worker.held) <= self.chunk_size:
                chunk = [queue.popleft() for _ in range(min(self.chunk_size, len(queue)))]
                worker.send(function, chunk)

    def _collect(self, done: dict, queue: deque) -> None:
        """Wait for results (or a dead or stuck worker) and file them in ``done``."""
        busy = [w for w in self._workers if w.held]
        if not busy:
            return
        limit = None
        if self.timeout:
            now = time.monotonic()
            limit = max(0.0, min(w.since + hard_limit(self.timeout) for w in busy) - now)
        ready = wait([w.results for w in busy] + [w.process.sentinel for w in busy], timeout=limit)
        for worker in busy:
            dead = worker.process.sentinel in ready
            if worker.results in ready or dead:
                dead = not self._drain(worker, done) or dead
            stuck = (not dead and self.timeout is not None and worker.held
                     and time.monotonic() - worker.since > hard_limit(self.timeout))
            if dead or stuck:
                self._replace(worker, done, queue, "stuck" if stuck else "died")

    @staticmethod
    def _drain(worker: _Worker, done: dict) -> bool:
        """Take every result waiting in the worker's pipe; False when the pipe is closed (it died)."""
        try:
            while worker.results.poll():
                seq, status, payload = worker.results.recv()
                head_seq, item = worker.held.popleft()
                assert head_seq == seq, "a worker answers its items in the order it got them"
                done[seq] = (status, payload, item)
                worker.since = time.monotonic()
        except (EOFError, OSError):
            return False
        return True

    def _replace(self, worker: _Worker, done: dict, queue: deque, kind: str) -> None:
        """Kill ``worker``; the item it was on is lost, the items behind it go back to the queue."""
        worker.end(kill=True)
        self._drain(worker, done)  # what it finished before it was stopped still counts
        worker.release()
        if worker.held:
            seq, item = worker.held.popleft()
            done[seq] = (kind, None, item)
        queue.extendleft(reversed(worker.held))
        worker.held.clear()
        self._workers.remove(worker)
