"""Solutions to the exercises of notebook 03 · The actor network (run by tests/test_network.py)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.network import WINDOWS, actor_nodes, cooccurrence, disparity_backbone, edge_sentences, to_graph


def _tables(tables_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    tables_dir = Path(tables_dir)
    return pd.read_parquet(tables_dir / "mentions.parquet"), pd.read_parquet(tables_dir / "sentences.parquet")


def exercise_1(tables_dir: Path) -> pd.DataFrame:
    """Pairs per window. A sentence lies in one paragraph of one article, so every pair named in a sentence is
    also named in its paragraph and its article: widening the window can only add pairs (and raise counts)."""
    mentions, sentences = _tables(tables_dir)
    rows = []
    for window in WINDOWS:
        edges = cooccurrence(mentions, sentences, window=window, weight="count")
        rows.append({"window": window, "pairs": len(edges), "co-occurrences": int(edges["count"].sum())})
    return pd.DataFrame(rows)


def exercise_2(tables_dir: Path, alphas: tuple[float, ...] = (0.05, 0.1, 0.2, 0.3, 0.5, 1.0)) -> pd.DataFrame:
    """Backbone size by alpha (disparity filter on raw counts): larger alpha keeps more edges."""
    mentions, sentences = _tables(tables_dir)
    graph = to_graph(cooccurrence(mentions, sentences), actor_nodes(mentions))
    rows = []
    for alpha in alphas:
        backbone = disparity_backbone(graph, alpha=alpha, weight="count")
        rows.append({"alpha": alpha, "actors": backbone.number_of_nodes(), "edges": backbone.number_of_edges()})
    return pd.DataFrame(rows)


def exercise_3(tables_dir: Path, alpha: float = 0.3) -> pd.DataFrame:
    """The sentences behind the backbone edge with the highest NPMI among pairs seen in two sentences or more."""
    mentions, sentences = _tables(tables_dir)
    edges = cooccurrence(mentions, sentences, weight="npmi")
    backbone = disparity_backbone(to_graph(edges), alpha=alpha, weight="count")
    kept = {tuple(sorted(e)) for e in backbone.edges}
    in_backbone = pd.Series([pair in kept for pair in zip(edges["source"], edges["target"])], index=edges.index)
    candidates = edges[(edges["count"] >= 2) & in_backbone]
    best = candidates.sort_values(["npmi", "source", "target"], ascending=[False, True, True]).iloc[0]
    rows = edge_sentences(edges, sentences, best["source"], best["target"])
    return rows.assign(source=best["source"], target=best["target"], npmi=best["npmi"])
