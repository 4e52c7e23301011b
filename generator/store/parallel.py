"""Spread independent pieces of work over the machine's cores when there is enough to pay for it.

Workers are forked, so they start with the parent's memory (the whole site model, the compiled
templates) and only the task and its result cross the process boundary. Results come back in
task order, so the output is the same bytes whether one process did the work or several.

The workers are multiprocessing.Process objects, each with a pipe of its own, rather than a
multiprocessing.Pool. A Pool's workers share one result queue guarded by a lock; stopped with
terminate() while a worker was writing a big result (a rendered page) into the full queue, the
pool waited for that lock for ever (CPython's Pool._terminate_pool: the result thread has
already quit reading). Ctrl-C at the wrong moment hung the build that way. Here nothing is shared
between workers, so stopping one (SIGTERM) can leave nothing held, and a worker that dies is an
error instead of a hang.
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import signal
import threading
from collections import deque
from multiprocessing.connection import wait as connection_wait
from typing import Callable, Iterator, Sequence

from generator.errors import WorkerStopped
from generator.i18n import _

# Below this many tasks a pool costs more (fork, pickling) than it saves.
MIN_TASKS = 48
MAX_WORKERS = 4
# Tasks sent to a worker at once: enough to make the round trip negligible, few enough that a
# chunk of the biggest results (register pages of 750 KB at 5,000 meetings) stays small.
CHUNK_TASKS = 4
# Chunks queued or done but not yet taken, per worker: enough that no worker waits.
IN_FLIGHT_PER_WORKER = 4
# Chunks a worker holds at once: the one it works on and the next.
CHUNKS_PER_WORKER = 2

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
    (see _Worker), so none can arrive before it is ignored here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    gc.enable()   # a worker collects its garbage even while the parent has paused its collector


@contextlib.contextmanager
def _ctrl_c_held():
    """Ctrl-C held back while a worker is forked or the workers are stopped, and raised once that
    is done. Two parts, since a Ctrl-C can be in either place: the signal is blocked (a forked
    worker starts with it held back until _start_worker ignores it), and one that Python has
    already caught but not yet handled is only noted by a handler that does not raise. Only the
    main thread gets Ctrl-C at all."""
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


class _Failed:
    """What a worker sends back instead of results when a task raised."""

    def __init__(self, error: BaseException):
        try:
            pickle.dumps(error)
            self.error = error
        except Exception:   # an exception that cannot cross the process boundary: its text can
            self.error = RuntimeError(f"{error.__class__.__name__}: {error}")


def _serve(connection) -> None:
    """A worker: chunks of tasks in, their results out, until told to stop (None) or the build
    closes its end."""
    _start_worker()
    while True:
        try:
            chunk = connection.recv()
        except EOFError:
            return
        if chunk is None:
            return
        try:
            answer = _call_chunk(chunk)
        except Exception as error:
            answer = _Failed(error)
        connection.send(answer)


class _Worker:
    """One forked worker process and the pipe to it. Each worker has a pipe of its own, and
    nothing is shared between workers: no lock a stopped worker could leave held."""

    def __init__(self):
        mine, theirs = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(target=_serve, args=(theirs,), daemon=True)
        with _ctrl_c_held():
            self.process.start()
        theirs.close()
        self.connection = mine
        self.chunks_done = 0
        self.given: deque[int] = deque()   # the indexes of the chunks it has, in the order it does them

    def give(self, index: int, chunk) -> None:
        self.given.append(index)
        try:
            self.connection.send(chunk)   # a few task numbers: the pipe never fills with them
        except OSError:
            raise self._stopped() from None

    def take(self):
        """The answer to the chunk it was given."""
        try:
            answer = self.connection.recv()
        except (EOFError, OSError):
            raise self._stopped() from None
        self.chunks_done += 1
        if isinstance(answer, _Failed):
            raise answer.error
        return answer

    def _stopped(self) -> WorkerStopped:
        self.process.join(timeout=1)
        return WorkerStopped(_("a worker process stopped unexpectedly (exit code {code}); the computer may be "
                               "short of memory").format(code=self.process.exitcode))

    def finish(self) -> None:
        """Let it end after its last chunk."""
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.process.join()
        self.connection.close()

    def stop(self) -> None:
        """End it now, whatever it is doing."""
        self.process.terminate()
        self.process.join()
        self.connection.close()


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
    chunks = [tasks[start:start + size] for start in range(0, len(tasks), size)]
    per_worker = -(-tasks_per_worker // size) if tasks_per_worker else None   # in chunks, rounded up
    # A few chunks ahead of the caller, not all of them: results the caller has not taken yet
    # (rendered pages, converted bodies) would otherwise pile up in memory.
    ahead = count * IN_FLIGHT_PER_WORKER
    team: list[_Worker] = []
    try:
        team = [_Worker() for _worker in range(count)]
        done: dict[int, list] = {}
        given = shown = 0
        while shown < len(chunks):
            for position, worker in enumerate(team):
                if per_worker and not worker.given and worker.chunks_done >= per_worker:   # a fresh one
                    worker.finish()
                    worker = team[position] = _Worker()
                # Two chunks each: the next is there when one is done, while the caller takes results.
                while (len(worker.given) < CHUNKS_PER_WORKER and given < len(chunks) and given < shown + ahead
                       and not (per_worker and worker.chunks_done + len(worker.given) >= per_worker)):
                    worker.give(given, chunks[given])
                    given += 1
            busy = {worker.connection: worker for worker in team if worker.given}
            if shown not in done:
                for ready in connection_wait(list(busy)):
                    worker = busy[ready]
                    index = worker.given.popleft()
                    done[index] = worker.take()
            while shown in done:
                yield from done.pop(shown)
                shown += 1
        workers_left, team = team, []
        with _ctrl_c_held():
            for worker in workers_left:
                worker.finish()
    except BaseException:
        # Ctrl-C, a failure, or a caller that stopped early: the workers stop now, chunks not
        # yet done are dropped (waiting for them would keep the command alive after Ctrl-C).
        with _ctrl_c_held():
            for worker in team:
                worker.stop()
        raise
    finally:
        _shared, _function = None, None
