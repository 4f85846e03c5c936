"""Which currency-shift claims are about one actor: one definition for notebook 04 and the report's brief.

A claim can involve an actor in four ways, each named so that a reader (and a caller) says which it means:

- ``"actor"``: the actor is the claim's actor (``claims.actor_name``);
- ``"source"``: the actor is the claim's source (``claims.attributed_to``);
- ``"sentence"``: the actor is named in the claim's sentence (a mention at the same ``doc_id``, ``sent_idx``);
- ``"country"``: the claim's actor belongs to the actor's country (``claims.actor_country`` is a country code of
  the actor's mentions): a head of state's central bank, finance ministry …

Notebook 04 follows the actor's country (actor, country); the brief lists what names the actor (actor, source,
sentence).
"""
from __future__ import annotations

import pandas as pd

__all__ = ["WAYS", "claims_involving"]

WAYS = ("actor", "source", "sentence", "country")


def claims_involving(claims: pd.DataFrame, actor: str, mentions: pd.DataFrame | None = None,
                     ways: tuple[str, ...] = ("actor", "source", "sentence")) -> pd.Series:
    """Boolean mask of the ``claims`` rows that involve ``actor`` in any of ``ways`` (see :data:`WAYS`).

    ``mentions`` (doc_id, sent_idx, actor_name, and country for ``"country"``) is needed for ``"sentence"`` and
    ``"country"``; a way whose columns are missing matches nothing.

    >>> claims = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_idx": [0, 1, 0],
    ...                        "actor_name": ["Xi", "PBoC", "Brazil"], "attributed_to": [None, None, "Xi"],
    ...                        "actor_country": ["CN", "CN", "BR"]})
    >>> mentions = pd.DataFrame({"doc_id": ["a"], "sent_idx": [1], "actor_name": ["Xi"], "country": ["CN"]})
    >>> claims_involving(claims, "Xi", mentions).tolist()
    [True, True, True]
    >>> claims_involving(claims, "Xi", ways=("actor",)).tolist()
    [True, False, False]
    >>> claims_involving(claims, "Xi", mentions, ways=("actor", "country")).tolist()
    [True, True, False]
    """
    unknown = sorted(set(ways) - set(WAYS))
    if unknown:
        raise ValueError(f"unknown way(s) {unknown} a claim can involve an actor; use some of {', '.join(WAYS)}")
    involved = pd.Series(False, index=claims.index, dtype=bool)
    own = (mentions[mentions["actor_name"] == actor] if mentions is not None
           else pd.DataFrame(columns=["doc_id", "sent_idx", "actor_name"]))
    if "actor" in ways:
        involved |= claims["actor_name"] == actor
    if "source" in ways and "attributed_to" in claims.columns:
        involved |= claims["attributed_to"] == actor
    if "sentence" in ways:
        sentence_keys = set(zip(own["doc_id"], own["sent_idx"]))
        involved |= pd.Series([key in sentence_keys for key in zip(claims["doc_id"], claims["sent_idx"])],
                              index=claims.index, dtype=bool)
    if "country" in ways and "country" in own.columns and "actor_country" in claims.columns:
        involved |= claims["actor_country"].isin(set(own["country"].dropna()))
    return involved
