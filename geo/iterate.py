"""Small iteration helpers shared by the streaming stages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of *size* items (the last may be shorter), read lazily: bounded memory on any stream."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def chunked_by_weight(
    items: Iterable[T], max_items: int, max_weight: int, weight: Callable[[T], int]
) -> Iterator[list[T]]:
    """Consecutive lists of items, each closed before it would pass *max_weight* (summed ``weight(item)``, such as
    characters of text) or when it holds *max_items*; an item heavier than *max_weight* makes a list of its own.
    Read lazily, like :func:`chunked`. ``ValueError`` if *max_items* < 1."""
    if max_items < 1:
        raise ValueError(f"max_items must be ≥ 1, not {max_items}")
    chunk: list[T] = []
    total = 0
    for item in items:
        w = weight(item)
        if chunk and (total + w > max_weight or len(chunk) >= max_items):
            yield chunk
            chunk, total = [], 0
        chunk.append(item)
        total += w
    if chunk:
        yield chunk
