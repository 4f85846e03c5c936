"""The backbone of a weighted network: the disparity filter of Serrano, Boguñá & Vespignani (2009).

The filter keeps the edges that carry a significant share of a node's weight, judged against the null
hypothesis that a node's strength is spread uniformly at random over its edges; it keeps the multiscale
structure that a global weight threshold would lose (hubs keep their strong ties, small nodes theirs).

References
----------
- M. Á. Serrano, M. Boguñá & A. Vespignani (2009). Extracting the multiscale backbone of
  complex weighted networks. PNAS 106(16), 6483–6488. https://doi.org/10.1073/pnas.0808904106
"""
from __future__ import annotations

import networkx as nx

from analysis.errors import NetworkError

__all__ = ["disparity_alpha", "disparity_backbone"]


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

    >>> star = nx.Graph([("a", "b", {"count": 8}), ("a", "c", {"count": 1}), ("a", "d", {"count": 1})])
    >>> {edge: round(alpha, 2) for edge, alpha in disparity_alpha(star).items()}
    {('a', 'b'): 0.04, ('a', 'c'): 0.81, ('a', 'd'): 0.81}
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
