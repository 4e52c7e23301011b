"""Work spread over forked workers: results in task order, and workers replaced when asked."""
from __future__ import annotations

import collections
import multiprocessing
import os
import signal

import pytest

from generator.store import parallel


def _pid_of(task, shared):
    return task, os.getpid()


def test_results_come_back_in_task_order_from_several_workers(monkeypatch):
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    results = list(parallel.each(_pid_of, range(120)))
    assert [task for task, _pid in results] == list(range(120))
    pids = {pid for _task, pid in results}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2   # a slow starter may leave the other all the work


def test_workers_are_replaced_after_the_tasks_they_may_do(monkeypatch):
    """A leaking library (cmarkgfm) keeps at most what one worker's bounded share leaks."""
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    results = list(parallel.each(_pid_of, range(200), tasks_per_worker=10))
    assert [task for task, _pid in results] == list(range(200))
    per_worker = collections.Counter(pid for _task, pid in results)
    assert os.getpid() not in per_worker
    assert max(per_worker.values()) <= 2 * 10          # one round of two workers at most
    assert len(per_worker) >= 200 // (2 * 10)          # a fresh pair each round


def test_few_tasks_run_in_this_process(monkeypatch):
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    assert {pid for _task, pid in parallel.each(_pid_of, range(5))} == {os.getpid()}


def _fails_on_seven(task, shared):
    if task == 7:
        raise ValueError("sju")
    return task


def _dies_on_seven(task, shared):
    if task == 7:
        os.kill(os.getpid(), signal.SIGKILL)   # what the system's out-of-memory killer does
    return task


def test_an_error_in_a_worker_reaches_the_caller_as_itself(monkeypatch):
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    with pytest.raises(ValueError, match="sju"):
        list(parallel.each(_fails_on_seven, range(100)))


def test_a_worker_that_dies_is_an_error_not_a_hang(monkeypatch):
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    with pytest.raises(parallel.WorkerStopped):
        list(parallel.each(_dies_on_seven, range(100)))
    assert multiprocessing.active_children() == []      # the other worker was stopped too


def test_a_build_failure_in_a_worker_keeps_its_problems(monkeypatch):
    from generator.errors import BuildFailed, Problem
    monkeypatch.setenv("SITEGEN_WORKERS", "2")
    with pytest.raises(BuildFailed) as failed:
        list(parallel.each(_build_fails_on_seven, range(100)))
    assert [p.path for p in failed.value.problems] == ["content/x.md"]


def _build_fails_on_seven(task, shared):
    from generator.errors import BuildFailed, Problem
    if task == 7:
        raise BuildFailed([Problem("content/x.md", 1, None, "fel", "rätta")])
    return task
