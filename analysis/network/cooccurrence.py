"""Co-occurrence: who is mentioned with whom, and how strongly — the ``edges`` table and its graph.

Two actors co-occur when both are mentioned in one *window* — a sentence (default), a paragraph or a
whole document (:func:`cooccurrence`). Each actor counts once per window, self-pairs are dropped, and
every edge keeps the ids of the sentences behind it (``sentence_ids``), so any number can be traced back
to the text. Weights (:func:`association_weights`): raw count, document count, Jaccard, pointwise mutual
information (PMI) and its normalised form (NPMI, Bouma 2009). Raw counts mostly measure how often each
actor is mentioned at all; PMI and NPMI compare the observed co-occurrence with what chance would give,
which is what "associated" means. :func:`to_graph` turns the table into a networkx graph for
:mod:`analysis.network.backbone` and :mod:`analysis.network.metrics`.

References
----------
- G. Bouma (2009). Normalized (pointwise) mutual information in collocation extraction.
  Proceedings of GSCL, 31–40.
- K. W. Church & P. Hanks (1990). Word association norms, mutual information, and
  lexicography. Computational Linguistics 16(1), 22–29.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.errors import NetworkError
from analysis.tables.schemas import EDGES

__all__ = ["WINDOWS", "WEIGHTS", "DEFAULT_EXCLUDE", "association_weights", "cooccurrence", "empty_edges",
           "edge_sentences", "edges_table", "actor_nodes", "to_graph"]

WINDOWS = ("sentence", "paragraph", "document")
WEIGHTS = ("count", "n_docs", "jaccard", "pmi", "npmi")
# Outlets are sources, not actors, and places ("talks in Kazan") are settings, not participants.
DEFAULT_EXCLUDE = ("media", "place")

_EDGE_COLUMNS = EDGES.names


def association_weights(count: np.ndarray | float, n_a: np.ndarray | float, n_b: np.ndarray | float,
                        n_windows: int) -> dict[str, np.ndarray]:
    """Jaccard, PMI and NPMI of pairs from window counts.

    With ``c_ab`` windows holding both actors, ``c_a`` and ``c_b`` windows holding each, and
    ``N`` windows in all (probabilities estimated as ``p = c / N``):

    - Jaccard  = c_ab / (c_a + c_b − c_ab), the share of windows with either actor that hold both;
    - PMI      = log2( p_ab / (p_a · p_b) ) = log2( c_ab · N / (c_a · c_b) ), in bits
      (Church & Hanks 1990): 0 when the two co-occur as often as chance predicts,
      positive when more often;
    - NPMI     = PMI / −log2 p_ab, in [−1, 1] (Bouma 2009): 1 when the two only ever occur
      together, 0 at independence. It removes PMI's bias towards rare pairs. When
      ``p_ab = 1`` (both actors in every window) NPMI is 1 by definition.

    >>> w = association_weights(2, 2, 4, 8)
    >>> float(w["jaccard"]), float(w["pmi"]), float(w["npmi"])
    (0.5, 1.0, 0.5)
    """
    count, n_a, n_b = (np.asarray(x, dtype=float) for x in (count, n_a, n_b))
    p_ab = count / n_windows
    pmi = np.log2(count * n_windows / (n_a * n_b))
    with np.errstate(divide="ignore", invalid="ignore"):
        npmi = np.where(p_ab >= 1.0, 1.0, pmi / -np.log2(np.where(p_ab >= 1.0, 0.5, p_ab)))
    return {"jaccard": count / (n_a + n_b - count), "pmi": pmi, "npmi": npmi}


def _windows(mentions: pd.DataFrame, sentences: pd.DataFrame | None, window: str) -> tuple[pd.DataFrame, int]:
    """Mentions with a window key, and the number of windows in the corpus (N)."""
    if window not in WINDOWS:
        raise NetworkError(f"window '{window}' is not one of {', '.join(WINDOWS)}")
    mentions = mentions[["doc_id", "sent_idx", "actor_name"]].copy()
    if window == "sentence":
        mentions["window"] = mentions["doc_id"] + ":" + mentions["sent_idx"].astype(str)
        universe = (sentences["doc_id"] + ":" + sentences["sent_idx"].astype(str)) if sentences is not None else None
    elif window == "document":
        mentions["window"] = mentions["doc_id"]
        universe = sentences["doc_id"] if sentences is not None else None
    else:
        if sentences is None or "para_idx" not in sentences:
            raise NetworkError("the paragraph window needs the sentences table with its para_idx column")
        para = sentences[["doc_id", "sent_idx", "para_idx"]]
        mentions = mentions.merge(para, on=["doc_id", "sent_idx"], how="left", validate="many_to_one")
        mentions["window"] = mentions["doc_id"] + ":p" + mentions["para_idx"].fillna(-1).astype(int).astype(str)
        universe = sentences["doc_id"] + ":p" + sentences["para_idx"].astype(str)
    # N counts every window of the corpus (also those without actors): chance co-occurrence
    # depends on how many places a mention could have fallen into.
    n_windows = universe.nunique() if universe is not None else mentions["window"].nunique()
    return mentions, max(int(n_windows), int(mentions["window"].nunique()))


def cooccurrence(mentions: pd.DataFrame, sentences: pd.DataFrame | None = None, window: str = "sentence",
                 weight: str = "npmi", exclude_types: tuple[str, ...] | None = DEFAULT_EXCLUDE,
                 min_count: int = 1) -> pd.DataFrame:
    """The ``edges`` table: one row per pair of actors mentioned in one window.

    Parameters
    ----------
    mentions : the ``mentions`` table (``doc_id``, ``sent_idx``, ``actor_name``, ``actor_type``).
    sentences : the ``sentences`` table. Needed for the paragraph window; with it, ``N`` (the
        number of windows, the denominator of every probability) counts all sentences,
        paragraphs or documents of the corpus, not only those that mention an actor.
    window : ``"sentence"``, ``"paragraph"`` (``sentences.para_idx``) or ``"document"``.
    weight : which column becomes ``weight``: one of :data:`WEIGHTS`.
    exclude_types : actor types left out (default: media and place).
    min_count : drop pairs seen in fewer windows.

    Each actor counts once per window however often it is named there, and an actor is never
    paired with itself. ``n_sentences`` and ``count`` are the number of windows holding both
    actors; ``n_docs`` the number of documents in which that happens. ``sentence_ids`` lists,
    in text order, the sentences of those windows that mention either actor of the pair
    ("doc_id:sent_idx"); for the sentence window they are exactly the shared sentences.
    Rows are sorted by ``source``, ``target``; ``source < target``.
    """
    if weight not in WEIGHTS:
        raise NetworkError(f"weight '{weight}' is not one of {', '.join(WEIGHTS)}")
    if exclude_types:
        mentions = mentions[~mentions["actor_type"].isin(exclude_types)]
    mentions = mentions[mentions["actor_name"].notna()]
    keyed, n_windows = _windows(mentions, sentences, window)
    if keyed.empty:
        return empty_edges()

    # Integer codes make the pair join cheap; codes follow alphabetical order, so
    # "code_a < code_b" is "source < target".
    names = np.array(sorted(keyed["actor_name"].unique()))
    keyed["actor"] = np.searchsorted(names, keyed["actor_name"].to_numpy())
    keyed["w"] = pd.factorize(keyed["window"], sort=True)[0]
    occurrences = keyed[["w", "doc_id", "actor"]].drop_duplicates(["w", "actor"])
    per_actor = occurrences.groupby("actor").size()

    pairs = occurrences.merge(occurrences[["w", "actor"]], on="w", suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_a"] < pairs["actor_b"]]
    grouped = pairs.groupby(["actor_a", "actor_b"], sort=True)
    edges = grouped.agg(count=("w", "size"), n_docs=("doc_id", "nunique")).reset_index()
    edges = edges[edges["count"] >= min_count]
    if edges.empty:
        return empty_edges()

    weights = association_weights(edges["count"].to_numpy(), per_actor.loc[edges["actor_a"]].to_numpy(),
                                  per_actor.loc[edges["actor_b"]].to_numpy(), n_windows)
    for name, values in weights.items():
        edges[name] = values
    edges["n_sentences"] = edges["count"]
    edges["sentence_ids"] = _evidence(keyed, pairs, edges, window)
    edges["source"] = names[edges["actor_a"].to_numpy()]
    edges["target"] = names[edges["actor_b"].to_numpy()]
    edges["weight"] = edges[weight].astype(float)
    return edges[_EDGE_COLUMNS].reset_index(drop=True)


def _evidence(keyed: pd.DataFrame, pairs: pd.DataFrame, edges: pd.DataFrame, window: str) -> list[list[str]]:
    """Sentence ids behind each edge, in text order (doc_id, then sentence number)."""
    sent = keyed[["w", "actor", "doc_id", "sent_idx"]].drop_duplicates()
    shared = pairs[["actor_a", "actor_b", "w"]]
    if window == "sentence":
        rows = shared.merge(sent.drop_duplicates("w")[["w", "doc_id", "sent_idx"]], on="w")
    else:  # sentences of the shared windows that mention either actor
        sides = [shared.merge(sent.rename(columns={"actor": side}), on=["w", side])
                 for side in ("actor_a", "actor_b")]
        rows = pd.concat(sides, ignore_index=True)
    rows = rows[["actor_a", "actor_b", "doc_id", "sent_idx"]].drop_duplicates()
    rows = rows.sort_values(["actor_a", "actor_b", "doc_id", "sent_idx"])
    rows["id"] = rows["doc_id"] + ":" + rows["sent_idx"].astype(str)
    ids = rows.groupby(["actor_a", "actor_b"], sort=True)["id"].agg(list)
    index = pd.MultiIndex.from_frame(edges[["actor_a", "actor_b"]])
    return list(ids.reindex(index))


def empty_edges() -> pd.DataFrame:
    """An ``edges`` table with no rows and the right columns."""
    return EDGES.empty_table().to_pandas()


def edge_sentences(edges: pd.DataFrame, sentences: pd.DataFrame, source: str, target: str) -> pd.DataFrame:
    """Drill down: the sentences behind the edge ``source``–``target`` (either order), in text order."""
    a, b = sorted((source, target))
    row = edges[(edges["source"] == a) & (edges["target"] == b)]
    if row.empty:
        raise NetworkError(f"no edge between '{a}' and '{b}' in this table")
    ids = pd.DataFrame([i.rsplit(":", 1) for i in row.iloc[0]["sentence_ids"]], columns=["doc_id", "sent_idx"])
    ids["sent_idx"] = ids["sent_idx"].astype(int)
    sentences = sentences.assign(sent_idx=sentences["sent_idx"].astype(int))
    return ids.merge(sentences, on=["doc_id", "sent_idx"], how="left").reset_index(drop=True)


def edges_table(edges: pd.DataFrame) -> pa.Table:
    """The edges DataFrame as an Arrow table with the :data:`EDGES` schema."""
    return pa.Table.from_pandas(edges[_EDGE_COLUMNS], schema=EDGES, preserve_index=False)


def actor_nodes(mentions: pd.DataFrame, exclude_types: tuple[str, ...] | None = DEFAULT_EXCLUDE) -> pd.DataFrame:
    """One row per actor: ``actor_name``, ``actor_type``, ``country``, ``n_mentions``, ``n_docs``."""
    if exclude_types:
        mentions = mentions[~mentions["actor_type"].isin(exclude_types)]
    mentions = mentions[mentions["actor_name"].notna()]
    if "country" not in mentions:
        mentions = mentions.assign(country=None)
    grouped = mentions.groupby("actor_name", sort=True)
    return grouped.agg(actor_type=("actor_type", "first"), country=("country", "first"),
                       n_mentions=("doc_id", "size"), n_docs=("doc_id", "nunique")).reset_index()


def to_graph(edges: pd.DataFrame, nodes: pd.DataFrame | None = None, min_weight: float | None = None) -> nx.Graph:
    """An undirected graph of the edges table, built in sorted order (so results are repeatable).

    Every weight column becomes an edge attribute (``weight`` is the chosen one); with
    ``min_weight``, edges whose ``weight`` is not above it are left out — with PMI or NPMI
    weights use ``min_weight=0`` to keep only pairs that co-occur more often than chance.
    ``nodes`` (see :func:`actor_nodes`) adds node attributes and keeps actors without edges.
    """
    graph = nx.Graph()
    if nodes is not None:
        for row in nodes.sort_values("actor_name").itertuples(index=False):
            attrs = {k: v for k, v in row._asdict().items() if k != "actor_name" and not _missing(v)}
            graph.add_node(row.actor_name, **attrs)
    edges = edges.sort_values(["source", "target"])
    if min_weight is not None:
        edges = edges[edges["weight"] > min_weight]
    for row in edges.itertuples(index=False):
        graph.add_edge(row.source, row.target, weight=float(row.weight), count=int(row.count),
                       n_docs=int(row.n_docs), jaccard=float(row.jaccard), pmi=float(row.pmi),
                       npmi=float(row.npmi), sentence_ids=list(row.sentence_ids))
    return graph


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
