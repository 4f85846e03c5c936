"""Actor-network speed and memory on a large synthetic mentions table.

Run: ``python benchmarks/bench_network.py`` (``--articles 100000`` by default).

The mentions table is generated directly (no text): each article has 2–4 sentences (about
3), each sentence 2–4 mentions of actors drawn from a Zipf distribution over ``--actors``
names (a few actors dominate, as in news), with a fixed seed. Timed stages:

- ``edges``: :func:`analysis.network.cooccurrence.cooccurrence` at the sentence window with NPMI weights
  and the sentence ids behind each edge (the pipeline's work);
- ``graph``: :func:`analysis.network.cooccurrence.to_graph`;
- ``backbone``: the disparity filter at alpha = 0.05 on raw counts;
- ``metrics``: :func:`analysis.network.metrics.centrality` on the backbone (betweenness is
  quadratic in the nodes, so a notebook computes it on the backbone, not the full graph);
- ``communities``: Louvain on the full positive-NPMI graph.

Peak memory is the Python heap peak (tracemalloc, which also sees numpy and pandas
buffers) during a second, untimed run of the edges stage, plus the process's maximum
resident set size. Results are printed and written to ``benchmarks/results/network.json``.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.network import centrality, communities, cooccurrence, disparity_backbone, to_graph

HERE = Path(__file__).resolve().parent


def synthetic_mentions(n_articles: int, n_actors: int = 2000, zipf: float = 1.3, seed: int = 0) -> pd.DataFrame:
    """A mentions table of ``n_articles`` articles (about 3 sentences of 2–4 mentions each)."""
    rng = np.random.default_rng(seed)
    sentences_per_doc = rng.integers(2, 5, size=n_articles)                  # 2, 3 or 4
    doc_of_sentence = np.repeat(np.arange(n_articles), sentences_per_doc)
    sent_idx = np.concatenate([np.arange(k) for k in sentences_per_doc])
    mentions_per_sentence = rng.integers(2, 5, size=len(doc_of_sentence))    # 2, 3 or 4
    doc = np.repeat(doc_of_sentence, mentions_per_sentence)
    sent = np.repeat(sent_idx, mentions_per_sentence)
    ranks = rng.zipf(zipf, size=len(doc))
    ranks = np.where(ranks > n_actors, rng.integers(1, n_actors + 1, size=len(doc)), ranks)
    names = np.array([f"Actor {i:05d}" for i in range(1, n_actors + 1)])
    return pd.DataFrame({
        "doc_id": pd.Series([f"doc{d:07d}" for d in range(n_articles)]).to_numpy()[doc],
        "sent_idx": sent.astype("int32"),
        "actor_name": names[ranks - 1],
        "actor_type": "person",
    })


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "network.json")
    args = parser.parse_args()

    mentions = synthetic_mentions(args.articles, args.actors)
    seconds: dict[str, float] = {}

    def timed(name, work):
        start = time.perf_counter()
        result = work()
        seconds[name] = round(time.perf_counter() - start, 3)
        print(f"{name:<12} {seconds[name]:>8.2f} s")
        return result

    edges = timed("edges", lambda: cooccurrence(mentions, None, window="sentence", weight="npmi"))
    graph = timed("graph", lambda: to_graph(edges))
    backbone = timed("backbone", lambda: disparity_backbone(graph, alpha=0.05, weight="count"))
    metrics = timed("metrics", lambda: centrality(backbone, weight="count"))
    positive = to_graph(edges, min_weight=0)
    groups = timed("communities", lambda: communities(positive))

    tracemalloc.start()
    cooccurrence(mentions, None, window="sentence", weight="npmi")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    result = {
        "benchmark": "actor network: co-occurrence edges, backbone, metrics, communities",
        "articles": args.articles,
        "sentences": int(mentions.groupby(["doc_id", "sent_idx"]).ngroups),
        "mentions": len(mentions),
        "actors": int(mentions["actor_name"].nunique()),
        "edges": len(edges),
        "sentence_ids": int(edges["sentence_ids"].map(len).sum()),
        "backbone_nodes": backbone.number_of_nodes(),
        "backbone_edges": backbone.number_of_edges(),
        "metric_rows": len(metrics),
        "communities": len(set(groups.values())),
        "seconds": seconds,
        "seconds_total": round(sum(seconds.values()), 3),
        "edges_peak_heap_mb": round(peak / 1e6, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}",
    }
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
