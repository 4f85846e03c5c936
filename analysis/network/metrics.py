"""Metrics of the actor network: centrality, communities, ego networks, time slices and outlets.

- :func:`centrality`, :func:`communities` (Louvain, Blondel et al. 2008), :func:`ego_network`;
- time: :func:`time_slices`, :func:`centrality_over_time`, :func:`edge_changes`;
- outlets: :func:`outlet_network`, the bipartite outlet–actor network and its projections.

Every result is repeatable: graphs are built and read in sorted order, and random methods take a fixed seed.

References
----------
- V. D. Blondel, J.-L. Guillaume, R. Lambiotte & E. Lefebvre (2008). Fast unfolding of
  communities in large networks. J. Stat. Mech. P10008 (Louvain).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from itertools import pairwise

import networkx as nx
import pandas as pd

from analysis.errors import NetworkError
from analysis.network.cooccurrence import DEFAULT_EXCLUDE, cooccurrence, to_graph

__all__ = ["PERIODS", "SEED", "centrality", "communities", "ego_network", "sorted_copy", "TimeSlices",
           "period_labels", "time_slices", "centrality_over_time", "edge_changes", "OutletNetwork",
           "outlet_network"]

PERIODS = {"month": "M", "quarter": "Q", "year": "Y"}
SEED = 42  # Louvain and layouts: same input, same communities and pictures


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
    """``"2024"``, ``"2024Q2"`` or ``"2024-05"`` for each date; missing dates stay missing.

    >>> period_labels(pd.Series(["2024-05-17", None]), "quarter").tolist()
    ['2024Q2', None]
    """
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
