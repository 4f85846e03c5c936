"""Views for reading results next to their text: keyword in context, shares by group, frames per article, and the
actor–asset graph of the currency-shift claims (notebooks 02 and 04)."""
from __future__ import annotations

import networkx as nx
import pandas as pd

__all__ = ["actor_asset_graph", "claim_links", "frame_presence", "keyword_in_context", "share_of_articles",
           "two_column_layout"]


def keyword_in_context(mentions: pd.DataFrame, articles: pd.DataFrame, actor_name: str, width: int = 60,
                       limit: int | None = 20) -> pd.DataFrame:
    """Each mention of ``actor_name`` with ``width`` characters of text either side (a KWIC view).

    Every row keeps ``doc_id``, ``sent_idx`` and offsets, so it can be traced to its sentence.
    """
    texts = articles.set_index("doc_id")["text"]
    rows = mentions[mentions["actor_name"] == actor_name].sort_values(["doc_id", "start"])
    if limit:
        rows = rows.head(limit)
    left, right = [], []
    for row in rows.itertuples():
        text = texts[row.doc_id]
        left.append(" ".join(text[max(0, row.start - width):row.start].split())[-width:])
        right.append(" ".join(text[row.end:row.end + width].split())[:width])
    return pd.DataFrame({"doc_id": rows["doc_id"].to_numpy(), "sent_idx": rows["sent_idx"].to_numpy(),
                         "left": left, "mention": rows["surface"].to_numpy(), "right": right,
                         "via": rows["via"].to_numpy()})


def share_of_articles(mentions: pd.DataFrame, articles: pd.DataFrame, by: str, top: int = 10) -> pd.DataFrame:
    """Share of each group's articles (``by`` is an articles column) that mention each of the top actors."""
    present = mentions[["doc_id", "actor_name"]].drop_duplicates().merge(articles[["doc_id", by]], on="doc_id")
    top_actors = present["actor_name"].value_counts().head(top).index
    totals = articles.groupby(by)["doc_id"].nunique()
    counts = present[present["actor_name"].isin(top_actors)].groupby(["actor_name", by])["doc_id"].nunique()
    shares = counts.unstack(by).reindex(index=top_actors).fillna(0).div(totals, axis=1)
    return shares.fillna(0)


def frame_presence(frames: pd.DataFrame, articles: pd.DataFrame, chosen: list[str]) -> pd.DataFrame:
    """One row per article (all of ``articles``, by ``doc_id``), 1 in each ``chosen`` frame's column it has, else 0,
    with its ``published`` and ``outlet``: the mean of a column over any group of rows is the share of the
    group's articles with that frame (by year, by outlet, by actor named).

    >>> frames = pd.DataFrame({"doc_id": ["a", "a", "b"], "frame": ["sanctions", "gold", "gold"]})
    >>> articles = pd.DataFrame({"doc_id": ["a", "b", "c"], "published": [None] * 3, "outlet": ["X", "Y", "X"]})
    >>> presence = frame_presence(frames, articles, ["gold", "sanctions"])
    >>> presence.groupby("outlet")[["gold", "sanctions"]].mean().to_dict("index")
    {'X': {'gold': 0.5, 'sanctions': 0.5}, 'Y': {'gold': 1.0, 'sanctions': 0.0}}
    """
    presence = (frames.assign(present=1)
                .pivot_table(index="doc_id", columns="frame", values="present", fill_value=0)
                .reindex(index=articles["doc_id"], columns=chosen, fill_value=0))
    return presence.join(articles.set_index("doc_id")[["published", "outlet"]])


def claim_links(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims counted per actor, asset and direction: ``actor_name``, ``asset``, ``direction``, ``n``."""
    return claims.groupby(["actor_name", "asset", "direction"]).size().rename("n").reset_index()


def actor_asset_graph(links: pd.DataFrame) -> nx.Graph:
    """Actors and assets as nodes (``("actor", name)``, ``("asset", name)``), one edge per link of
    :func:`claim_links` with its ``direction`` and number of claims ``n``."""
    network = nx.Graph()
    for row in links.itertuples():
        network.add_node(("actor", row.actor_name))
        network.add_node(("asset", row.asset))
        network.add_edge(("actor", row.actor_name), ("asset", row.asset), direction=row.direction, n=row.n)
    return network


def two_column_layout(network: nx.Graph) -> dict:
    """Node positions of :func:`actor_asset_graph`: actors at x = 0, assets at x = 1, each column sorted by number
    of claims, then name.

    Two sorted columns, not a force layout: readable, and the same on every run.
    """
    layout = {}
    for x, side in ((0, "actor"), (1, "asset")):
        nodes = sorted((n for n in network if n[0] == side), key=lambda n: (-network.degree(n, weight="n"), n[1]))
        layout.update({n: (x, -i * (len(network) / 2) / max(1, len(nodes) - 1)) for i, n in enumerate(nodes)})
    return layout
