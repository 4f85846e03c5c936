"""Actor networks: who is mentioned with whom, how strongly, and which ties matter.

The stage turns the ``mentions`` table into the contract's ``edges`` table and into
networkx graphs for analysis:

1. **Co-occurrence** (:func:`cooccurrence`): two actors co-occur when both are mentioned in
   one *window* — a sentence (default), a paragraph or a whole document. Each actor counts
   once per window, self-pairs are dropped, and every edge keeps the ids of the sentences
   behind it (``sentence_ids``), so any number can be traced back to the text.
2. **Weights**: raw count, document count, Jaccard, pointwise mutual information (PMI) and
   its normalised form (NPMI, Bouma 2009). Raw counts mostly measure how often each actor
   is mentioned at all; PMI and NPMI compare the observed co-occurrence with what chance
   would give, which is what "associated" means.
3. **Backbone** (:func:`disparity_backbone`): the disparity filter of Serrano, Boguñá &
   Vespignani (2009) keeps the edges that carry a significant share of a node's weight.
4. **Metrics and communities** (:func:`centrality`, :func:`communities`, :func:`ego_network`).
5. **Time** (:func:`time_slices`, :func:`centrality_over_time`, :func:`edge_changes`).
6. **Outlets** (:func:`outlet_network`): the bipartite outlet–actor network and its projections.

:func:`write_network_tables` is the pipeline's entry point. Directed "A <verb> B" events live
in :mod:`analysis.network.interactions`; file exports in :mod:`analysis.network.export`.

References
----------
- G. Bouma (2009). Normalized (pointwise) mutual information in collocation extraction.
  Proceedings of GSCL, 31–40.
- K. W. Church & P. Hanks (1990). Word association norms, mutual information, and
  lexicography. Computational Linguistics 16(1), 22–29.
- M. Á. Serrano, M. Boguñá & A. Vespignani (2009). Extracting the multiscale backbone of
  complex weighted networks. PNAS 106(16), 6483–6488.
- V. D. Blondel, J.-L. Guillaume, R. Lambiotte & E. Lefebvre (2008). Fast unfolding of
  communities in large networks. J. Stat. Mech. P10008 (Louvain).
"""
from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.errors import NetworkError
from analysis.tables.schemas import EDGES

WINDOWS = ("sentence", "paragraph", "document")
WEIGHTS = ("count", "n_docs", "jaccard", "pmi", "npmi")
PERIODS = {"month": "M", "quarter": "Q", "year": "Y"}
# Outlets are sources, not actors, and places ("talks in Kazan") are settings, not participants.
DEFAULT_EXCLUDE = ("media", "place")
SEED = 42  # Louvain and layouts: same input, same communities and pictures

_EDGE_COLUMNS = EDGES.names


# ---------------------------------------------------------------------------------------------
# Co-occurrence and weights
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# Graphs, backbone, metrics
# ---------------------------------------------------------------------------------------------

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


def disparity_alpha(graph: nx.Graph, weight: str = "count") -> dict[tuple[str, str], float]:
    """Significance of each edge under the disparity filter (Serrano, Boguñá & Vespignani 2009).

    For a node ``i`` of degree ``k_i > 1`` and strength ``s_i`` (sum of its edge weights), the
    null hypothesis is that its strength is spread uniformly at random over its ``k_i`` edges.
    The probability that an edge carries a share ``p_ij = w_ij / s_i`` or more is then

        alpha_ij = (1 − p_ij) ** (k_i − 1)

    (the paper's integral ``1 − (k−1) ∫_0^p (1−x)^(k−2) dx``, in closed form). An edge is kept
    when it is significant for *either* endpoint, so its alpha is the smaller of the two.
    A node with a single edge gives ``(1 − 1)**0 = 1``: it cannot judge its only tie, which
    then survives only if its other endpoint finds it significant.

    Written by hand because the closed form is one line: ``netbone`` pins old numpy/pandas/
    networkx releases that cannot be installed beside this project's, and ``backbone-network``
    integrates numerically, rounds alphas to four decimals and, for undirected graphs, keeps
    whichever endpoint's alpha it computed last instead of the smaller one.

    Weights must be positive (use ``count``, ``n_docs`` or ``jaccard``; PMI can be negative).
    Returns ``{(u, v): alpha}`` with ``u < v``, in sorted order.
    """
    strength: dict[str, float] = {}
    for u, v, w in graph.edges(data=weight):
        if w is None or w <= 0:
            raise NetworkError(f"edge {u}–{v} has {weight} = {w}; the disparity filter needs positive weights "
                               "(use weight='count', 'n_docs' or 'jaccard', or drop edges with weight ≤ 0)")
        strength[u] = strength.get(u, 0.0) + w
        strength[v] = strength.get(v, 0.0) + w
    alphas = {}
    for u, v, w in graph.edges(data=weight):
        alpha = min((1.0 - w / strength[n]) ** (graph.degree(n) - 1) for n in (u, v))
        alphas[tuple(sorted((u, v)))] = alpha
    return dict(sorted(alphas.items()))


def disparity_backbone(graph: nx.Graph, alpha: float = 0.3, weight: str = "count") -> nx.Graph:
    """The backbone: edges whose disparity-filter significance is below ``alpha``.

    See :func:`disparity_alpha`. The returned graph holds the kept edges (with their
    attributes and an ``alpha`` attribute) and the nodes they join, in sorted order; smaller
    ``alpha`` keeps fewer edges.
    """
    if not 0 < alpha <= 1:
        raise NetworkError(f"alpha must be in (0, 1], got {alpha}")
    backbone = nx.Graph()
    alphas = disparity_alpha(graph, weight)
    kept = [(u, v, a) for (u, v), a in alphas.items() if a < alpha]
    for node in sorted({n for u, v, _ in kept for n in (u, v)}):
        backbone.add_node(node, **graph.nodes[node])
    for u, v, a in kept:
        backbone.add_edge(u, v, **graph.edges[u, v], alpha=a)
    return backbone


def centrality(graph: nx.Graph, weight: str = "weight") -> pd.DataFrame:
    """Centralities of every actor, most central (PageRank) first.

    Columns: ``actor``, ``degree`` (number of partners), ``weighted_degree`` (sum of
    ``weight``; the node's *strength*), ``betweenness`` (share of shortest paths through the
    actor, counted in hops: co-occurrence weights measure closeness, not length, so they are
    not used as distances), ``eigenvector`` and ``pagerank`` (weighted by ``weight``, which
    must not be negative).
    """
    columns = ["actor", "degree", "weighted_degree", "betweenness", "eigenvector", "pagerank"]
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=columns)
    if any(w is not None and w < 0 for *_, w in graph.edges(data=weight)):
        raise NetworkError(f"negative '{weight}' weights: build the graph with to_graph(..., min_weight=0) "
                           "or use a non-negative weight such as count")
    nodes = sorted(graph.nodes)
    try:
        eigenvector = nx.eigenvector_centrality(graph, weight=weight, max_iter=10_000, tol=1e-10)
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        eigenvector = nx.eigenvector_centrality_numpy(graph, weight=weight) if graph.number_of_edges() else {}
    pagerank = nx.pagerank(graph, weight=weight)
    betweenness = nx.betweenness_centrality(graph, weight=None, normalized=True)
    strength = dict(graph.degree(weight=weight))
    frame = pd.DataFrame({
        "actor": nodes,
        "degree": [graph.degree(n) for n in nodes],
        "weighted_degree": [float(strength[n]) for n in nodes],
        "betweenness": [betweenness[n] for n in nodes],
        "eigenvector": [eigenvector.get(n, 0.0) for n in nodes],
        "pagerank": [pagerank[n] for n in nodes],
    })
    # Round away float noise from summation order so equal inputs give equal tables.
    for column in columns[2:]:
        frame[column] = frame[column].round(12)
    return frame.sort_values(["pagerank", "actor"], ascending=[False, True]).reset_index(drop=True)


def communities(graph: nx.Graph, weight: str = "weight", resolution: float = 1.0, seed: int = SEED) -> dict[str, int]:
    """Louvain communities (Blondel et al. 2008), labelled 0, 1, … from the largest down.

    networkx's ``louvain_communities`` with a fixed ``seed`` on a graph built in sorted order
    gives the same partition for the same input; labels are then ordered by size and, among
    equal sizes, by the alphabetically first member, so they are stable too. Weights must
    not be negative.
    """
    if graph.number_of_nodes() == 0:
        return {}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_edges_from(sorted((min(u, v), max(u, v), {weight: w}) for u, v, w in graph.edges(data=weight, default=1.0)))
    found = nx.community.louvain_communities(ordered, weight=weight, resolution=resolution, seed=seed)
    ranked = sorted((sorted(c) for c in found), key=lambda members: (-len(members), members[0]))
    return {actor: label for label, members in enumerate(ranked) for actor in members}


def ego_network(graph: nx.Graph, actor: str, radius: int = 1) -> nx.Graph:
    """The actor, its partners within ``radius`` steps, and the edges among them."""
    if actor not in graph:
        close = difflib.get_close_matches(actor, [str(n) for n in graph.nodes], n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; pick one of the graph's nodes"
        raise NetworkError(f"actor '{actor}' is not in the network{hint}")
    # networkx builds the ego graph from a set, whose order changes with Python's string hashing
    # between processes; rebuilt in sorted order, the same input gives the same layout and files.
    return sorted_copy(nx.ego_graph(graph, actor, radius=radius))


def sorted_copy(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` with nodes and edges inserted in sorted order (so iteration order is repeatable)."""
    copy = graph.__class__()
    copy.add_nodes_from(sorted(graph.nodes(data=True), key=lambda node: str(node[0])))
    edges = graph.edges(data=True)
    if not graph.is_directed():  # an undirected edge may come out as (u, v) or (v, u): orient it first
        edges = [(u, v, a) if str(u) <= str(v) else (v, u, a) for u, v, a in edges]
    copy.add_edges_from(sorted(edges, key=lambda edge: (str(edge[0]), str(edge[1]))))
    return copy


# ---------------------------------------------------------------------------------------------
# Time
# ---------------------------------------------------------------------------------------------

@dataclass
class TimeSlices:
    """Edges per period, and how many documents could not be placed in time."""
    period: str
    edges: dict[str, pd.DataFrame] = field(default_factory=dict)   # period label -> edges table
    n_docs: dict[str, int] = field(default_factory=dict)          # period label -> documents
    n_undated: int = 0                                             # documents without a date, left out


def period_labels(published: pd.Series, period: str = "year") -> pd.Series:
    """``"2024"``, ``"2024Q2"`` or ``"2024-05"`` for each date; missing dates stay missing."""
    if period not in PERIODS:
        raise NetworkError(f"period '{period}' is not one of {', '.join(PERIODS)}")
    dates = pd.to_datetime(published)
    labels = dates.dt.to_period(PERIODS[period]).astype(str)
    return pd.Series([label if ok else None for label, ok in zip(labels, dates.notna())],
                     index=published.index, dtype=object)


def time_slices(mentions: pd.DataFrame, sentences: pd.DataFrame | None, articles: pd.DataFrame,
                period: str = "year", **options) -> TimeSlices:
    """Co-occurrence edges per month, quarter or year of ``articles.published``.

    Undated articles cannot be placed in a slice: they are left out and counted in
    ``n_undated``. ``options`` go to :func:`cooccurrence` (window, weight, ...); each slice's
    weights use that slice's own windows as ``N``.
    """
    labels = period_labels(articles["published"], period)
    doc_period = pd.Series(labels.to_numpy(), index=articles["doc_id"].to_numpy())
    slices = TimeSlices(period=period, n_undated=int(labels.isna().sum()))
    dated = doc_period.dropna()
    for label in sorted(dated.unique()):
        docs = set(dated.index[dated == label])
        slices.n_docs[label] = len(docs)
        slices.edges[label] = cooccurrence(mentions[mentions["doc_id"].isin(docs)],
                                           None if sentences is None else sentences[sentences["doc_id"].isin(docs)],
                                           **options)
    return slices


def centrality_over_time(slices: TimeSlices, metric_weight: str = "count", min_weight: float | None = None) -> pd.DataFrame:
    """Each actor's centralities per period (long format: ``period``, ``actor``, metrics).

    ``metric_weight`` is the edge attribute the weighted metrics use (default the raw count,
    which is never negative); actors absent from a period have no row for it.
    """
    frames = []
    for label, edges in slices.edges.items():
        graph = to_graph(edges, min_weight=min_weight)
        frame = centrality(graph, weight=metric_weight)
        frames.append(frame.assign(period=label))
    if not frames:
        return pd.DataFrame(columns=["period", "actor", "degree", "weighted_degree", "betweenness",
                                     "eigenvector", "pagerank"])
    result = pd.concat(frames, ignore_index=True)
    return result[["period", *[c for c in result.columns if c != "period"]]].sort_values(
        ["period", "actor"]).reset_index(drop=True)


def edge_changes(slices: TimeSlices) -> pd.DataFrame:
    """Edges that appear or vanish between consecutive periods.

    One row per (``period``, ``source``, ``target``) with ``change`` = ``"appeared"`` (present
    in ``period`` but not in the previous one) or ``"vanished"`` (present in the previous
    period, not in this one), and ``previous`` naming that period.
    """
    rows = []
    labels = sorted(slices.edges)
    for before, after in pairwise(labels):
        old = set(zip(slices.edges[before]["source"], slices.edges[before]["target"]))
        new = set(zip(slices.edges[after]["source"], slices.edges[after]["target"]))
        rows += [(after, before, s, t, "appeared") for s, t in new - old]
        rows += [(after, before, s, t, "vanished") for s, t in old - new]
    frame = pd.DataFrame(rows, columns=["period", "previous", "source", "target", "change"])
    return frame.sort_values(["period", "change", "source", "target"]).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Outlets
# ---------------------------------------------------------------------------------------------

@dataclass
class OutletNetwork:
    """The bipartite outlet–actor graph and its two weighted projections."""
    bipartite: nx.Graph      # nodes "outlet:<name>" (bipartite=0) and "actor:<name>" (bipartite=1)
    outlets: nx.Graph        # outlet–outlet, weight = actors both outlets mention
    actors: nx.Graph         # actor–actor, weight = outlets that mention both
    n_without_outlet: int    # articles left out because their outlet is unknown


def outlet_network(mentions: pd.DataFrame, articles: pd.DataFrame,
                   exclude_types: tuple[str, ...] | None = DEFAULT_EXCLUDE) -> OutletNetwork:
    """Which outlets mention which actors (edge weight = that outlet's articles naming the actor).

    Projections use ``networkx.bipartite.weighted_projected_graph``: two outlets are linked
    by the number of actors they both cover, two actors by the number of outlets covering
    both. Articles without a known outlet are left out and counted.
    """
    if exclude_types:
        mentions = mentions[~mentions["actor_type"].isin(exclude_types)]
    known = articles[articles["outlet"].notna() & (articles["outlet"].astype(str).str.strip() != "")]
    links = (mentions[["doc_id", "actor_name"]].dropna().drop_duplicates()
             .merge(known[["doc_id", "outlet"]], on="doc_id")
             .groupby(["outlet", "actor_name"], sort=True).size().reset_index(name="n_articles"))
    graph = nx.Graph()
    for outlet in sorted(links["outlet"].unique()):
        graph.add_node(f"outlet:{outlet}", label=outlet, bipartite=0)
    for actor in sorted(links["actor_name"].unique()):
        graph.add_node(f"actor:{actor}", label=actor, bipartite=1)
    for row in links.itertuples(index=False):
        graph.add_edge(f"outlet:{row.outlet}", f"actor:{row.actor_name}", weight=int(row.n_articles))
    outlet_nodes = sorted(n for n, side in graph.nodes(data="bipartite") if side == 0)
    actor_nodes_ = sorted(n for n, side in graph.nodes(data="bipartite") if side == 1)

    def project(side: list[str]) -> nx.Graph:
        plain = nx.Graph()
        if not side:  # no article with a known outlet: networkx refuses to project an empty graph
            return plain
        projected = nx.bipartite.weighted_projected_graph(graph, side)
        plain.add_nodes_from(sorted(n.split(":", 1)[1] for n in side))
        plain.add_edges_from(sorted((min(u, v).split(":", 1)[1], max(u, v).split(":", 1)[1], {"weight": w})
                                    for u, v, w in projected.edges(data="weight")))
        return plain

    return OutletNetwork(graph, project(outlet_nodes), project(actor_nodes_),
                         n_without_outlet=int(len(articles) - len(known)))


# ---------------------------------------------------------------------------------------------
# The pipeline's entry point
# ---------------------------------------------------------------------------------------------

def edges_table(edges: pd.DataFrame) -> pa.Table:
    """The edges DataFrame as an Arrow table with the :data:`EDGES` schema."""
    return pa.Table.from_pandas(edges[_EDGE_COLUMNS], schema=EDGES, preserve_index=False)


def write_network_tables(tables_dir: Path | str, window: str = "sentence", weight: str = "npmi",
                         progress: bool = False) -> dict[str, int]:
    """Read ``mentions``, ``sentences`` and ``articles`` from ``tables_dir``; write ``edges`` and ``interactions``.

    Both tables are always written (empty, with the right schema, when nothing is found).
    Returns the row counts, e.g. ``{"edges": 120, "interactions": 7}``.
    """
    from tqdm import tqdm

    from analysis.network.interactions import INTERACTIONS, extract_interactions_table

    tables_dir = Path(tables_dir)
    missing = [n for n in ("mentions", "sentences", "articles") if not (tables_dir / f"{n}.parquet").exists()]
    if missing:
        raise NetworkError(f"{', '.join(missing)} table(s) not found in {tables_dir}; run "
                           f"`python -m analysis run --corpus DIR --out {tables_dir}` first")
    steps = tqdm(total=2, desc="Actor network", unit="table", disable=not progress)
    mentions = pd.read_parquet(tables_dir / "mentions.parquet")
    sentences = pd.read_parquet(tables_dir / "sentences.parquet")
    edges = cooccurrence(mentions, sentences, window=window, weight=weight)
    pq.write_table(edges_table(edges), tables_dir / "edges.parquet")
    steps.update()
    articles = pd.read_parquet(tables_dir / "articles.parquet", columns=["doc_id", "text"])
    interactions = extract_interactions_table(articles, sentences, mentions)
    pq.write_table(pa.Table.from_pandas(interactions, schema=INTERACTIONS, preserve_index=False),
                   tables_dir / "interactions.parquet")
    steps.update()
    steps.close()
    return {"edges": len(edges), "interactions": len(interactions)}
