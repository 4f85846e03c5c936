"""Draft dictionary entries for the names discovery found, to review and paste into the dictionary.

``python -m analysis actors candidates --tables DIR`` turns the ``candidates`` table (ranked by
mentions) into YAML entries in the dictionary's own format, each under a comment with its counts,
how it was found and an example sentence. The context decides the type where it can: a name after a
title, before a speech verb or after "according to" is a person's; a name ending in an organisation's
head noun ("Institute", "Forum") is an organisation's. Other names get ``type: TODO``, which the
dictionary's schema check rejects, naming the entry, until a reader decides. Meetings of a series
("the fourth ... Forum") are events, not actors, and are left out.
"""
from __future__ import annotations

import re

import pandas as pd
import yaml

from analysis.actors.matching import normalise
from analysis.lexicons.actors import ActorDictionary

__all__ = ["PERSON_KINDS", "UNDECIDED", "entry_type", "draft_id", "draft_entries"]

PERSON_KINDS = {"title_before", "appositive", "speech_verb", "according_to"}
UNDECIDED = "TODO"


def entry_type(kinds: str) -> str | None:
    """The type a candidate's kinds of context give ("speech_verb,capitalised" -> person); ``None`` for an event.

    >>> entry_type("speech_verb,capitalised"), entry_type("capitalised"), entry_type("event")
    ('person', 'TODO', None)
    """
    found = set(kinds.split(","))
    if found & PERSON_KINDS:
        return "person"
    if found & {"organisation_head", "affiliation"}:
        return "organization"
    if found == {"event"}:
        return None
    return UNDECIDED


# Latin letters that have no accent to drop, written in ASCII ("ß" -> "ss"): normalise() keeps them
_LATIN_LETTERS = str.maketrans({"ß": "ss", "œ": "oe", "æ": "ae", "ł": "l", "ø": "o", "đ": "d", "þ": "th", "ı": "i"})


def draft_id(name: str) -> str:
    """An id the dictionary accepts (lower-case ASCII letters, digits, underscores) for a name in any Latin
    script, folded as the matcher folds names (lower case, accents dropped), then the letters above
    ("Institut für Osteuropäische Studien" -> "institut_fur_osteuropaische_studien").

    >>> draft_id("Institut für Osteuropäische Studien")
    'institut_fur_osteuropaische_studien'
    """
    return re.sub(r"[^a-z0-9]+", "_", normalise(name).translate(_LATIN_LETTERS)).strip("_") or "actor"


def draft_entries(candidates: pd.DataFrame, dictionary: ActorDictionary, top: int = 20, min_mentions: int = 1) -> str:
    """YAML for the ``top`` candidates with at least ``min_mentions`` mentions that the dictionary lacks."""
    taken = set(dictionary.actors)
    blocks = []
    ranked = candidates[candidates["n_mentions"] >= min_mentions]
    for row in ranked.itertuples():
        if len(blocks) == top:
            break
        kind = entry_type(row.kind)
        if kind is None or row.name in dictionary.alias_owners:
            continue
        identifier = base = draft_id(row.name)
        number = 1
        while identifier in taken:
            number += 1
            identifier = f"{base}_{number}"
        taken.add(identifier)
        entry = {"id": identifier, "name": row.name, "type": kind}
        line = yaml.safe_dump([entry], default_flow_style=None, allow_unicode=True, sort_keys=False, width=10_000)
        blocks.append(_comment(row) + "\n  " + line.strip().replace("\n", "\n  "))
    header = ("# Draft entries from discovered names: check each one, set its type where it says TODO (person,\n"
              "# organization, group, place, country or media), add country, sector and aliases, and delete\n"
              "# the ones that are no actors. Then: python -m analysis actors check --dictionary DIR\n")
    return header + "actors:\n" + "\n".join(blocks) + ("\n" if blocks else "")


def _comment(row) -> str:
    example = row.examples[0] if len(row.examples) else None
    where = ""
    if example is not None:
        where = f"\n  #   e.g. {example['doc_id']}, sentence {example['sent_idx']}: {_around(example['sentence'], row.name)}"
    return (f"  # {row.n_mentions} mention{'s' * (row.n_mentions != 1)} in {row.n_docs} "
            f"document{'s' * (row.n_docs != 1)}, found as: {row.kind}{where}")


def _around(sentence: str, name: str, width: int = 70) -> str:
    """The words of ``sentence`` within ``width`` characters of ``name``, on one line."""
    sentence = " ".join(str(sentence).split())
    at = max(0, sentence.find(name))
    start, end = max(0, at - width), min(len(sentence), at + len(name) + width)
    if start:
        start = sentence.find(" ", start) + 1
    if end < len(sentence):
        end = max(sentence.rfind(" ", at + len(name), end), at + len(name))
    return ("..." if start else "") + sentence[start:end] + ("..." if end < len(sentence) else "")
