"""Files the last build wrote and this one may keep: found by their cache key and confirmed by
the output folder's own record of them (store.output), never by a convention."""
from __future__ import annotations

from generator.store.cache import BuildCache
from generator.store.output import Kept, OutputState, Placed, file_digest


def kept(state: OutputState | None, rel: str, previous) -> Kept | None:
    """output/rel as the last build wrote it, if it still holds exactly those bytes."""
    if state is None or not previous:
        return None
    size, file_hash = previous[1], previous[2]
    return Kept(size, file_hash) if state.holds(rel) == (size, file_hash) else None


def reusable(cache: BuildCache, section: str, rel: str, key: str, state: OutputState | None) -> Kept | None:
    """output/rel as the last build wrote it from the same inputs (`key`), if it still holds
    those bytes; its cache entry is then kept for the next build."""
    previous = cache.get(section, rel)
    found = kept(state, rel, previous) if previous and previous[0] == key else None
    if found is not None:
        cache.touch(section, rel)
    return found


def remembered(cache: BuildCache, section: str, rel: str, key: str, data: bytes | Placed) -> bytes | Placed:
    """Note what output/rel will hold for `key` (its bytes, or the file placed in staging); returns `data`."""
    cache.put(section, rel, (key, *size_and_hash(data)))
    return data


def size_and_hash(value) -> tuple[int, str]:
    return (value.size, value.digest) if isinstance(value, Kept) else (len(value), file_digest(value))
