"""Views for reading results next to their text: keyword in context, shares by group."""
from __future__ import annotations

import pandas as pd


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
