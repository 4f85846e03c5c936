"""The network stage of the pipeline: ``edges`` and ``interactions`` from a run's mentions.

Co-occurrence edges come from :mod:`analysis.network.cooccurrence`, directed "A <verb> B" events from
:mod:`analysis.network.interactions`; both tables are written whole, under a partial name first
(:func:`analysis.tables.stage_io.write_table`).
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from analysis.errors import NetworkError
from analysis.network.cooccurrence import cooccurrence, edges_table
from analysis.network.interactions import INTERACTIONS, extract_interactions_table
from analysis.tables.stage_io import write_table
from analysis.tables.store import read_table

__all__ = ["write_network_tables"]


def write_network_tables(tables_dir: Path | str, window: str = "sentence", weight: str = "npmi",
                         progress: bool = False) -> dict[str, int]:
    """Read ``mentions``, ``sentences`` and ``articles`` from ``tables_dir``; write ``edges`` and ``interactions``.

    Both tables are always written (empty, with the right schema, when nothing is found).
    Returns the row counts, e.g. ``{"edges": 120, "interactions": 7}``.
    """
    from tqdm import tqdm  # lazily: only a run that shows progress needs it

    tables_dir = Path(tables_dir)
    missing = [n for n in ("mentions", "sentences", "articles") if not (tables_dir / f"{n}.parquet").exists()]
    if missing:
        raise NetworkError(f"{', '.join(missing)} table(s) not found in {tables_dir}; run "
                           f"`python -m analysis run --corpus DIR --out {tables_dir}` first")
    steps = tqdm(total=2, desc="Actor network", unit="table", disable=not progress)
    mentions = read_table(tables_dir, "mentions")
    sentences = read_table(tables_dir, "sentences")
    edges = cooccurrence(mentions, sentences, window=window, weight=weight)
    write_table(tables_dir, "edges", edges_table(edges))
    steps.update()
    articles = read_table(tables_dir, "articles", ["doc_id", "text"])
    interactions = extract_interactions_table(articles, sentences, mentions)
    write_table(tables_dir, "interactions",
                pa.Table.from_pandas(interactions, schema=INTERACTIONS, preserve_index=False))
    steps.update()
    steps.close()
    return {"edges": len(edges), "interactions": len(interactions)}
