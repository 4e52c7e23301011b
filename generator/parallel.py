"""Spread independent pieces of work over the machine's cores when there is enough to pay for it.

Workers are forked, so they start with the parent's memory (the whole site model, the compiled
templates) and only the task and its result cross the process boundary. Results come back in
task order, so the output is the same bytes whether one process did the work or several.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Sequence

# Below this many tasks a pool costs more (fork, pickling) than it saves.
MIN_TASKS = 48
MAX_WORKERS = 4

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


def _call(task):
    return _function(task, _shared)


def run(function: Callable, tasks: Sequence, shared=None) -> list:
    """[function(task, shared) for task in tasks], in parallel when it pays."""
    return list(each(function, tasks, shared))


def each(function: Callable, tasks: Sequence, shared=None) -> Iterator:
    """function(task, shared) for each task, yielded in task order as they are done, so that the
    caller can write each result away instead of holding them all."""
    global _shared, _function
    count = workers()
    if len(tasks) < MIN_TASKS or count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for task in tasks:
            yield function(task, shared)
        return
    _shared, _function = shared, function
    try:
        context = multiprocessing.get_context("fork")
        # gc.enable: a worker collects its garbage even while the parent has paused its collector.
        with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=gc.enable) as pool:
            yield from pool.map(_call, tasks, chunksize=max(1, min(16, len(tasks) // (count * 4))))
    finally:
        _shared, _function = None, None
