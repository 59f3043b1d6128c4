"""Which of the overlapping tags under a click is picked: the innermost first; a click
on the same tags again picks the next one out (the enclosing tag), then wraps around."""

from __future__ import annotations

from collections.abc import Sequence


class TagCycle:
    def __init__(self) -> None:
        self._ids: tuple[int, ...] = ()  # the tags under the last click, innermost first
        self._picked: int | None = None

    def pick(self, ids: Sequence[int], selected: int | None) -> int | None:
        """ids: the tags under this click, innermost first; selected: the tag selected
        now (if the analyst picked another one since, the cycle starts again)."""
        ids = tuple(ids)
        if not ids:
            self.forget()
            return None
        if ids == self._ids and selected == self._picked and selected in ids:
            picked = ids[(ids.index(selected) + 1) % len(ids)]
        else:
            picked = ids[0]
        self._ids, self._picked = ids, picked
        return picked

    def forget(self) -> None:
        self._ids, self._picked = (), None
