"""Spread independent pieces of work over the machine's cores when there is enough to pay for it.

Workers are forked, so they start with the parent's memory (the whole site model, the compiled
templates) and only the task and its result cross the process boundary. Results come back in
task order, so the output is the same bytes whether one process did the work or several.
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import threading
from collections import deque
from typing import Callable, Iterator, Sequence

# Below this many tasks a pool costs more (fork, pickling) than it saves.
MIN_TASKS = 48
MAX_WORKERS = 4
# Tasks sent to a worker at once: enough to make the round trip negligible, few enough that a
# chunk of the biggest results (register pages of 750 KB at 5,000 meetings) stays small.
CHUNK_TASKS = 4
# Chunks queued or done but not yet taken, per worker: enough that no worker waits.
IN_FLIGHT_PER_WORKER = 4

_shared: object = None      # what every task needs (set before forking, inherited by workers)
_function: Callable | None = None


def workers() -> int:
    if os.environ.get("SITEGEN_WORKERS", "").isdigit():
        return max(1, int(os.environ["SITEGEN_WORKERS"]))
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        available = os.cpu_count() or 1
    return max(1, min(available, MAX_WORKERS))


def _start_worker() -> None:
    """A worker leaves Ctrl-C to the build, which stops the pool and says so in one line: a
    worker interrupted on its own would print its traceback. It was forked with Ctrl-C held back
    (see _pool), so none can arrive before it is ignored here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    gc.enable()   # a worker collects its garbage even while the parent has paused its collector


@contextlib.contextmanager
def _ctrl_c_held():
    """Ctrl-C held back while a pool is made or stopped, and raised once that is done.

    Interrupted half-made, a pool's threads would go on forking workers; interrupted half-stopped
    (inside terminate), its workers would never be told to stop and join() would wait for them
    for ever. Both hung CI runs. Two parts, since a Ctrl-C can be in either place: the signal is
    blocked (the pool's threads inherit the mask, so workers they fork start with it held back
    until _start_worker ignores it), and one that Python has already caught but not yet handled
    is only noted by a handler that does not raise. Only the main thread gets Ctrl-C at all."""
    pressed: list[int] = []
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, lambda signum, frame: pressed.append(signum)) if main else None
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)   # one held back arrives now, and is noted
        if main:
            signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
    if pressed:
        raise KeyboardInterrupt


def _pool(count: int, per_worker: int | None):
    """A pool of forked workers, made with Ctrl-C held back (_ctrl_c_held)."""
    with _ctrl_c_held():
        return multiprocessing.get_context("fork").Pool(count, initializer=_start_worker,
                                                        maxtasksperchild=per_worker)


def _stop(pool, finished: bool) -> None:
    """Stop a pool with Ctrl-C held back (_ctrl_c_held): a finished one after its workers have
    exited, else at once (terminate). Its clean-up runs now, where a Ctrl-C is handled, not at
    the exit."""
    with _ctrl_c_held():
        if finished:
            pool.close()
            pool.join()
        pool.terminate()
        pool.join()


def _call_chunk(tasks: Sequence) -> list:
    return [_function(task, _shared) for task in tasks]


def run(function: Callable, tasks: Sequence, shared=None) -> list:
    """[function(task, shared) for task in tasks], in parallel when it pays."""
    return list(each(function, tasks, shared))


def each(function: Callable, tasks: Sequence, shared=None, tasks_per_worker: int | None = None) -> Iterator:
    """function(task, shared) for each task, yielded in task order as they are done, so that the
    caller can write each result away instead of holding them all.

    With `tasks_per_worker`, a worker is replaced by a fresh one (forked again) after about that
    many tasks: what a leaking library keeps in a worker is then bounded."""
    global _shared, _function
    count = workers()
    if len(tasks) < MIN_TASKS or count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for task in tasks:
            yield function(task, shared)
        return
    _shared, _function = shared, function
    size = max(1, min(CHUNK_TASKS, len(tasks) // (count * 4)))
    chunks = (tasks[start:start + size] for start in range(0, len(tasks), size))
    per_worker = -(-tasks_per_worker // size) if tasks_per_worker else None   # in chunks, rounded up
    pool = None
    try:
        # multiprocessing.Pool rather than concurrent.futures: its workers can be stopped at once
        # (terminate) when the build is interrupted, and replaced after a number of tasks with fork.
        pool = _pool(count, per_worker)
        # A few chunks ahead of the caller, not all of them: results the caller has not taken
        # yet (rendered pages, converted bodies) would otherwise pile up in memory.
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_call_chunk, (chunk,)))
            if len(pending) > count * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        stopping, pool = pool, None
        _stop(stopping, finished=True)
    except BaseException:
        # Ctrl-C, a failure, or a caller that stopped early: the workers stop now, queued chunks
        # are dropped (waiting for them would keep the command alive after Ctrl-C).
        if pool is not None:
            _stop(pool, finished=False)
        raise
    finally:
        _shared, _function = None, None
