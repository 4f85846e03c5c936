"""Links between the parts of a claim that reach beyond a verb and its subject (:mod:`analysis.narratives.claims`),
and the patterns its subject and object rules use.

- the members a subject lists in an aside: "five countries, including A, B, and C, have ..." (:func:`members`);
- the two sides a bilateral phrase names: "trade in local currencies between A and B" (:func:`between_pair`);
- what replaces a dropped object: "replaced the dollar with the euro" (:func:`replacement`);
- one move, not two: leaving the dollar in the sentence that switches payments to an alternative
  (:func:`fold_dollar`).

>>> bool(_INSTEAD.fullmatch(" in favour of trade in "))
True
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.narratives.claims import _Span as Span

__all__ = ["ADJECTIVAL", "PURPOSE", "measured", "BILATERAL", "members", "between_pair", "replacement", "fold_dollar", "INTRO", "BEFORE_LINK", "TITLED_LINK",
           "ASKED", "VERB_FIRST", "TRADED", "IN_BEFORE"]

OBJECT_WINDOW = 100      # characters from a verb to what its phrase names
# "Earlier this year, the A and B ...": a fronted adverbial, not a noun with its appositive.
INTRO = re.compile(r"\s*(?:earlier|later|last|this|in|on|at|since|after|before|during|meanwhile|however|moreover|"
                   r"yesterday|today|recently|separately|furthermore|additionally|also|so far|over|for|under|amid|"
                   r"following|despite|now|then|still|first|finally)\b", re.IGNORECASE)
# What may stand between an object and a verb after it: a noun form or an intransitive verb takes modifiers
# ("gold reserve purchases", "holdings of Treasuries have fallen"), not a preposition's phrase ("euro in oil sales")
# nor a clause ("a shared currency as the group hopes to rival"); another verb only its passive ("Treasuries
# were sold", "Treasuries sold by").
BEFORE_LINK = {True: re.compile(r"[)\]]?(?:\s+(?!(?:in|of|for|as|to|that|which|who|while|when|and|but|by|with|"
                                r"from|on|at)\b)[\w’'-]+)*\s*|\s+(?:have|has|had)\s+(?:\w+\s+)?", re.IGNORECASE),
                False: re.compile(r"[)\]]?\s+(?:(?:was|were|is|are|be|been|being|has|have|had|will|would)\s+){0,3}",
                                  re.IGNORECASE)}
TITLED_LINK = re.compile(r"\s+and\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+)?(?:[a-z][\w’'-]*\s+){1,3}")
ASKED = re.compile(r"\b(?:suggest(?:s|ed|ing)?|propos(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?|"
                   r"ask(?:s|ed|ing)?|call(?:s|ed|ing)? on|invit(?:e|es|ed|ing)|press(?:es|ed|ing)?|"
                   r"encourag(?:e|es|ed|ing))\s+(?:that\s+)?(?:the\s+)?")
VERB_FIRST = re.compile(r"(?:also\s+|later\s+|then\s+)?(?:[a-z]+ed|has|have|had|will|would|was|is)\b")
PURPOSE = re.compile(r"\b(?:in order to|in a bid to|so as to|in an (?:effort|attempt) to|with the aim of)\b",
                     re.IGNORECASE)
ADJECTIVAL = re.compile(r"\b(?:the|its|their)\s+(?:most|least)\s+$", re.IGNORECASE)
# "a trillion dollars in US securities", "billions of dollars worth of Treasuries": the dollars measure the asset
_MEASURE = re.compile(r"\s+(?:in|of|worth of)\s+(?:[\w’'.-]+\s+){0,2}")
TRADED = {"sell", "buy", "dump", "offload"}
IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$")
_INCLUDING = re.compile(r",\s+(?:including|such as|notably|among them)\s+(?:the\s+)?")
_BETWEEN = re.compile(r"[^.;:]*?\bbetween\s+(?:the\s+)?")
BILATERAL = {"settle", "switch", "use", "add"}
_PAYMENT_ACTIONS = {"settle", "switch", "use", "launch", "join", "connect", "abandon", "reduce", "undermine"}
_INSTEAD = re.compile(r"\s+(?:with|by|for|in favou?r of|to)\s+(?:(?:the|a|an|trade|trading|payments?|settlements?|"
                      r"in|other|its|their)\s+)*", re.IGNORECASE)


def members(text: str, clause_start: int, verb: Span, mentions: list[dict]) -> list[dict]:
    """"five countries, including A, B, and C, have agreed to ...": the members listed in the subject's aside."""
    found = _INCLUDING.search(text, clause_start, verb.start)
    if not found:
        return []
    listed = [m for m in mentions if found.end() <= m["start"] < verb.start]
    if not listed or listed[0]["start"] != found.end():
        return []
    chain = [listed[0]]
    for m in listed[1:]:
        if not re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?", text[chain[-1]["end"]:m["start"]]):
            break
        chain.append(m)
    # the aside closes with a comma and the verb's phrase follows: "..., and C, have been cooperating"
    rest = text[chain[-1]["end"]:verb.start]
    return chain if len(chain) > 1 and re.fullmatch(r",\s+(?:[a-z][\w’'-]*\s+){0,6}", rest) else []


def between_pair(text: str, verb: Span, sentence: dict, mentions: list[dict]) -> list[dict] | None:
    """"settlement in local currencies between A and B": the actor mentions A and B, when the verb's phrase names them."""
    found = _BETWEEN.search(text, verb.end, sentence["end"])
    if not found or found.start() - verb.end > OBJECT_WINDOW:
        return None
    first = [m for m in mentions if m["start"] >= found.end()]
    if len(first) < 2 or first[0]["start"] != found.end() or \
            not re.fullmatch(r"\s+(?:and|&)\s+(?:the\s+)?", text[first[0]["end"]:first[1]["start"]]):
        return None
    return first[:2]


def replacement(text: str, last: Span, assets: list[Span]) -> Span | None:
    """What replaces a dropped object: "the dollar with the euro", "the dollar in favour of trade in yuan"."""
    for asset in assets:
        if asset.start >= last.end:
            return asset if _INSTEAD.fullmatch(text[last.end:asset.start]) else None
    return None


def fold_dollar(rows: list[dict], sent_idx: int, dollar: str) -> None:
    """One move, not two: an actor that switches its payments to an alternative in a sentence that also has it
    leave the dollar ("switch to national currencies to move away from the dollar") makes one claim. Reserve moves
    ("sold dollars and bought yuan") stay two."""
    here = [r for r in rows if r["sent_idx"] == sent_idx]
    adopting = {r["actor_name"] for r in here if r["direction"] == "away_from_usd" and r["asset"] != dollar
                and r["action"] in _PAYMENT_ACTIONS}
    rows[:] = [r for r in rows if not (r["sent_idx"] == sent_idx and r["actor_name"] in adopting and
                                       r["asset"] == dollar and r["action"] in {"abandon", "reduce", "undermine"})]


def measured(text: str, first: Span | None, assets: list[Span]) -> Span | None:
    """The object, or what an amount of dollars measures: "sell a trillion dollars in US assets": US assets."""
    if first is None or first.key != "currency:USD":
        return first
    for asset in assets:
        if asset.start >= first.end:
            return asset if _MEASURE.fullmatch(text[first.end:asset.start]) and asset.key != first.key else first
    return first
