"""Keys a full scan must remember (invoice numbers per administration, debtors), 8 bytes a slot
(12 with a first-seen number): open addressing over arrays of 64-bit hashes instead of Python
sets and dicts of strings and tuples (100 to 200 bytes a key, and objects every full garbage
collection walks). At 200,000 entries that is the difference between about 60 MiB and 16.

A key is known by its hash (Python's 64-bit SipHash of the text, keyed per process): two keys
taken for one needs two of a million keys to share 64 bits, about 1 in 10^7 per scan.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from itertools import compress

_FIRST_SIZE = 1 << 12  # slots; the table doubles while over half full


def key_hash(key: Hashable) -> int:
    """The key's hash as stored: never 0 (0 marks a free slot)."""
    return hash(key) or 1


class _Table:
    """Hashes in open addressing (linear probing, at most half full); `numbered`, each with the
    number it was added with."""

    __slots__ = ("_hashes", "_mask", "_numbers", "count")

    def __init__(self, numbered: bool = False) -> None:
        self._hashes = array("q", bytes(8 * _FIRST_SIZE))
        self._numbers = array("I", bytes(4 * _FIRST_SIZE)) if numbered else None
        self._mask = _FIRST_SIZE - 1
        self.count = 0

    def __contains__(self, h: int) -> bool:
        hashes, mask = self._hashes, self._mask
        i = h & mask
        while slot := hashes[i]:
            if slot == h:
                return True
            i = (i + 1) & mask
        return False

    def add(self, hashes: Sequence[int], first: int = 0) -> list[tuple[int, int]]:
        """Add each hash not yet here (numbered `first` + its position); for those already
        here, (position, the number they were added with, 0 unnumbered)."""
        if 2 * (self.count + len(hashes)) > len(self._hashes):
            self._grow(self.count + len(hashes))
        table, numbers, mask = self._hashes, self._numbers, self._mask
        again: list[tuple[int, int]] = []
        count = self.count
        for position, h in enumerate(hashes):
            h = h or 1
            i = h & mask
            while slot := table[i]:
                if slot == h:
                    again.append((position, numbers[i] if numbers is not None else 0))
                    break
                i = (i + 1) & mask
            else:
                table[i] = h
                count += 1
                if numbers is not None:
                    numbers[i] = first + position
        self.count = count
        return again

    def _grow(self, needed: int) -> None:
        size = len(self._hashes)
        while 2 * needed > size:
            size *= 2
        old_hashes, old_numbers = self._hashes, self._numbers
        # Slot by slot from the old arrays: a list of the old entries would cost more at its
        # peak (a tuple and two ints a key) than both tables together.
        self._hashes = table = array("q", bytes(8 * size))
        self._numbers = numbers = array("I", bytes(4 * size)) if old_numbers is not None else None
        self._mask = mask = size - 1
        if numbers is None or old_numbers is None:
            for h in filter(None, old_hashes):  # the free slots skipped in C
                i = h & mask
                while table[i]:
                    i = (i + 1) & mask
                table[i] = h
            return
        for slot in compress(range(len(old_hashes)), old_hashes):
            h = old_hashes[slot]
            i = h & mask
            while table[i]:
                i = (i + 1) & mask
            table[i], numbers[i] = h, old_numbers[slot]


class KeySet:
    """Keys seen, by hash: `in` takes a key's hash (key_hash)."""

    __slots__ = ("_table",)

    def __init__(self) -> None:
        self._table = _Table()

    def update(self, keys: Iterable[Hashable]) -> None:
        self._table.add(list(map(hash, keys)))

    def __contains__(self, h: object) -> bool:
        return isinstance(h, int) and h in self._table

    def __len__(self) -> int:
        return self._table.count


class Duplicates:
    """Keys seen more than once, in the order each was first seen (as a Counter's items with a
    count over 1 would give), with only the repeated ones kept as text."""

    __slots__ = ("_seen", "_table", "_twice")

    def __init__(self) -> None:
        self._table = _Table(numbered=True)
        self._seen = 0  # keys added so far: each key's number is its first sighting
        self._twice: dict[int, tuple[int, str]] = {}

    def update(self, keys: Sequence[str]) -> None:
        for position, first in self._table.add(list(map(hash, keys)), self._seen):
            h = key_hash(keys[position])
            if h not in self._twice:
                self._twice[h] = (first, keys[position])
        self._seen += len(keys)

    def repeated(self) -> list[str]:
        return [key for _, key in sorted(self._twice.values())]


class Groups:
    """Per group of rows (a debtor of an administration): whether any of its rows has a field
    filled. Only the groups without one so far are kept as text, in the order first seen."""

    __slots__ = ("_table", "_unfilled")

    def __init__(self) -> None:
        self._table = _Table()
        self._unfilled: dict[int, str] = {}

    def update(self, found: Mapping[tuple[str, ...], bool]) -> None:
        """`found`: per group of one page, in the order of its rows, whether one has it."""
        groups = list(found.items())
        hashes = [key_hash(group) for group, _ in groups]
        known = {position for position, _ in self._table.add(hashes)}
        unfilled = self._unfilled
        for position, ((group, has), h) in enumerate(zip(groups, hashes, strict=True)):
            if position not in known:
                if not has:
                    unfilled[h] = "/".join(group)
            elif has:
                unfilled.pop(h, None)

    def unfilled(self) -> Iterator[tuple[int, str]]:
        """(hash, "administration/debtor") of each group none of whose rows has it."""
        return iter(self._unfilled.items())

    def __len__(self) -> int:
        return self._table.count
