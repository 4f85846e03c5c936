"""The amount and the period of a currency-shift claim, read around its verb and object."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.lexicons.words import months

if TYPE_CHECKING:
    from analysis.narratives.claims import _Span as Span

__all__ = ["amount_for", "amount_role", "period_of"]

_LEVEL_BEFORE = re.compile(r"\b(?:to|at|below|above|under|over|near)\s+(?:(?:about|around|roughly|some|nearly|almost|"
                           r"just|a record|more than|less than|an estimated)\s+)*$", re.IGNORECASE)
_AMOUNT_STOP = re.compile(r"[;]|,\s*(?:where|which|who|according|while|but|and|compared)\b")

_MONTHS = "|".join(month.name for month in months())
_PERIOD = re.compile(
    rf"\b(?:(?i:in|during|over|since|from|by|for|through|until|throughout|between)\s+)?(?:the\s+)?(?:"
    rf"(?:first|second|third|fourth|last|final)\s+(?:quarter|half)\s+of\s+(?:19|20)\d\d"
    rf"|(?:early|mid|late)[\s-]+(?:19|20)\d\d"
    rf"|(?:{_MONTHS})\s+(?:19|20)\d\d"
    rf"|Q[1-4]\s+(?:19|20)\d\d"
    rf"|(?:19|20)\d\d(?:\s*(?:–|-|to|and)\s*(?:19|20)\d\d)?"
    rf"|(?i:last|this|next|past)\s+(?i:year|month|quarter))\b")


def amount_for(text: str, verb: Span, asset: Span, clause_start: int, money: list[tuple]) -> tuple | None:
    """The money amount of the claim: between verb and object, or just after the object ("gold, worth $5 billion")."""
    limit = max(verb.end, asset.end)
    after = [a for a in money if verb.start <= a[0] and
             (a[0] < asset.start or (a[0] - limit <= 60 and not _AMOUNT_STOP.search(text[limit:a[0]])))]
    if after:
        return after[0]
    before = [a for a in money if clause_start <= a[0] and a[1] <= verb.start]
    return before[-1] if before else None


def amount_role(text: str, action: str, amount: tuple | None) -> str | None:
    """What the amount measures: ``level`` ("holdings fell to $759 billion"), ``change`` ("fell by $20 billion")
    or ``transaction`` (the value of what was sold, bought, settled ...)."""
    if amount is None:
        return None
    if _LEVEL_BEFORE.search(text[max(0, amount[0] - 30):amount[0]]):
        return "level"
    return "change" if action in {"decline", "grow"} else "transaction"


def period_of(text: str, sentence: dict, verb: Span) -> str | None:
    """The time expression of the claim's sentence: the first after the verb, else the last before it.

    >>> from types import SimpleNamespace
    >>> text = "In 2023 the bank sold gold in the first quarter of 2024."
    >>> period_of(text, {"start": 0, "end": len(text)}, SimpleNamespace(start=text.index("sold")))
    'in the first quarter of 2024'
    """
    found = list(_PERIOD.finditer(text, sentence["start"], sentence["end"]))
    if not found:
        return None
    after = [m for m in found if m.start() >= verb.start]
    chosen = after[0] if after else found[-1]
    return " ".join(chosen.group().split())
