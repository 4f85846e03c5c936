"""Solutions to the exercises of notebook 00 (start here). Each takes the tables folder of a run."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.tables.store import read_table


def exercise_1(tables_dir: Path) -> dict[str, int]:
    """Rows of every table in the tables folder, by table name."""
    return {path.stem: len(pd.read_parquet(path)) for path in sorted(Path(tables_dir).glob("*.parquet"))}


def exercise_2(tables_dir: Path) -> float:
    """Share of mentions whose ``surface`` is ``articles.text[start:end]`` (1.0 when every offset is exact)."""
    texts = read_table(tables_dir, "articles").set_index("doc_id")["text"]
    mentions = read_table(tables_dir, "mentions")
    if mentions.empty:
        return 1.0
    exact = sum(texts[row.doc_id][row.start:row.end] == row.surface for row in mentions.itertuples())
    return exact / len(mentions)


def exercise_3(tables_dir: Path) -> tuple[str, int, int]:
    """``(doc_id, sent_idx, n_actors)`` of the sentence naming the most distinct actors (first in order on ties)."""
    mentions = read_table(tables_dir, "mentions")
    per_sentence = (mentions.groupby(["doc_id", "sent_idx"])["actor_name"].nunique()
                    .rename("n_actors").reset_index()
                    .sort_values(["n_actors", "doc_id", "sent_idx"], ascending=[False, True, True]))
    top = per_sentence.iloc[0]
    return str(top["doc_id"]), int(top["sent_idx"]), int(top["n_actors"])
