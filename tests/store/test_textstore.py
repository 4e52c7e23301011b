"""TextStore keeps texts in a temporary file; StoredText attributes read them back as plain str."""
from __future__ import annotations

import multiprocessing
import pickle
from dataclasses import dataclass

import pytest

from generator.store.textstore import Stored, StoredText, TextStore


@dataclass
class Holder:
    name: str
    body: str = StoredText()


def test_texts_come_back_whole_in_any_order():
    store = TextStore()
    texts = ["Åsa hälsar välkommen.", "", "§ 4 Beslut: ja" * 500, "emoji 🙂 och \u00a0"]
    refs = [store.put(text) for text in texts]
    assert [ref.text() for ref in reversed(refs)] == list(reversed(texts))


def test_a_stored_attribute_reads_as_str_and_defaults_to_empty():
    store = TextStore()
    holder = Holder("x")
    assert holder.body == ""
    holder.body = store.put("## 1. Öppnande")
    assert isinstance(holder.__dict__["_stored_body"], Stored)
    assert holder.body == "## 1. Öppnande"
    holder.body = "rad"                                  # a plain str is kept as it is
    assert holder.body == "rad"


def test_a_stored_text_crosses_a_process_boundary_as_its_text():
    store = TextStore()
    holder = Holder("x", store.put("Protokoll"))
    copy = pickle.loads(pickle.dumps(holder))
    assert copy.body == "Protokoll" and copy.__dict__["_stored_body"] == "Protokoll"


def _read_in_child(ref, queue):
    queue.put(ref.text())


def test_a_forked_worker_reads_the_parents_store():
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform (the build then stays in one process)")
    store = TextStore()
    ref = store.put("från föräldern")
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_read_in_child, args=(ref, queue))
    child.start()
    child.join(10)
    assert queue.get(timeout=5) == "från föräldern"
