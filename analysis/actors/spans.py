"""The actor stage's data types (mentions, flags, candidates) and its speed tricks, in one place.

The passes make mentions in hot loops: :func:`new_mention` builds the same frozen object as
``Mention(...)`` in a quarter of the time, by writing the instance's ``__dict__`` at once. Spans
are ``(start, end)`` tuples kept sorted, with their starts beside them, so that :func:`overlaps`
answers with one bisection.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields

from analysis.lexicons.actors import Actor

__all__ = ["Mention", "Flag", "Candidate", "ActorResult", "SpanIndex", "overlaps", "sentence_index", "sentence_start",
           "new_mention", "new_candidate", "mention_of", "mention_fields", "fields_dict", "new_from_fields"]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor_id: str
    actor_name: str
    actor_type: str
    via: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Flag:
    start: int
    end: int
    flag: str
    detail: str


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    name: str
    kind: str


@dataclass
class ActorResult:
    mentions: list[Mention] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


def overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int, below: int | None = None) -> bool:
    """Whether ``(start, end)`` overlaps one of ``spans`` (non-overlapping, sorted, with their ``starts``).

    Only the last two spans that start before ``end`` can reach ``start``; ``below``: how many
    spans start before ``end``, when the caller keeps that count as it moves right.

    >>> spans = [(0, 5), (10, 15)]
    >>> overlaps(spans, [0, 10], 4, 8), overlaps(spans, [0, 10], 5, 10)
    (True, False)
    """
    i = bisect.bisect_left(starts, end) if below is None else below
    return (i > 0 and spans[i - 1][1] > start) or (i > 1 and spans[i - 2][1] > start)


class SpanIndex:
    """Non-overlapping (start, end) spans, sorted, for fast overlap tests."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        return overlaps(self.spans, self.starts, start, end)


def sentence_index(starts: list[int], offset: int) -> int:
    """Index of the sentence containing ``offset``, given the sorted sentence starts.

    >>> sentence_index([0, 12, 30], 15)
    1
    """
    return max(0, bisect.bisect_right(starts, offset) - 1)


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts, near enough for context: after the last ". " or line break.

    >>> sentence_start("Talks ended. Putin said", 20)  # the blank after the full stop
    12
    """
    return max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1


_object_new, _object_setattr = object.__new__, object.__setattr__
_NEW_MENTION_FIELDS = ("start", "end", "actor_id", "actor_name", "actor_type", "via", "country", "sector")
if tuple(f.name for f in dataclass_fields(Mention)) != _NEW_MENTION_FIELDS:  # keep new_mention in step with Mention
    raise RuntimeError("Mention's fields changed: update new_mention and _NEW_MENTION_FIELDS")
if tuple(f.name for f in dataclass_fields(Candidate)) != ("start", "end", "name", "kind"):
    raise RuntimeError("Candidate's fields changed: update new_candidate")


def new_mention(start: int, end: int, actor_id: str, actor_name: str, actor_type: str, via: str,
                country: str | None = None, sector: str | None = None) -> Mention:
    """``Mention(...)`` in a quarter of the time, for the hot loops: the same frozen object.

    A frozen dataclass's generated ``__init__`` sets each field with ``object.__setattr__``;
    this sets the instance's attribute dictionary at once (Mention has no ``__post_init__``).

    >>> new_mention(0, 5, "country_chn", "China", "country", "name", "CHN") == Mention(
    ...     0, 5, "country_chn", "China", "country", "name", "CHN")
    True
    """
    mention = _object_new(Mention)
    _object_setattr(mention, "__dict__", {"start": start, "end": end, "actor_id": actor_id, "actor_name": actor_name,
                                          "actor_type": actor_type, "via": via, "country": country, "sector": sector})
    return mention


def new_from_fields(fields: dict) -> Mention:
    """A mention whose attribute dictionary is ``fields`` (a :func:`fields_dict` copy with its offsets set)."""
    mention = _object_new(Mention)
    _object_setattr(mention, "__dict__", fields)
    return mention


def new_candidate(start: int, end: int, name: str, kind: str) -> Candidate:
    """``Candidate(...)`` made the way :func:`new_mention` makes a mention."""
    candidate = _object_new(Candidate)
    _object_setattr(candidate, "__dict__", {"start": start, "end": end, "name": name, "kind": kind})
    return candidate


def fields_dict(*fields) -> dict:
    """A mention's attribute dictionary for the fields after its offsets (offsets to be filled in).

    >>> fields_dict("country_chn", "China", "country", "name", "CHN", "government")["start"]
    0
    """
    return dict(zip(_NEW_MENTION_FIELDS, (0, 0, *fields)))


def mention_fields(actor: Actor, via: str) -> tuple:
    """A mention's fields after its offsets."""
    return (actor.id, actor.name, actor.type if actor.type != "country" else "country", via, actor.country, actor.sector)


def mention_of(start: int, end: int, actor: Actor, via: str) -> Mention:
    """The mention of ``actor`` at ``start:end``, found ``via`` a pass."""
    return new_mention(start, end, *mention_fields(actor, via))
