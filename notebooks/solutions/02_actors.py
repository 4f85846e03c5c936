"""Solutions to the exercises of notebook 02 · Actors (run by tests/test_solutions.py)."""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from analysis.actors.extractor import ActorExtractor
from analysis.lexicons.actors import DEFAULT_DIR, load_dictionary
from analysis.pipeline import extract_actor_tables

NEW_ENTRY = """actors:
  - id: aldersgate_institute
    name: Aldersgate Institute for Eurasian Studies
    type: organization
    sector: other
    aliases: [Aldersgate Institute]
"""


def exercise_1(tables_dir: Path) -> pd.DataFrame:
    """Add a think tank to a copy of the dictionary, re-extract, and return its mentions (now from the dictionary)."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        dictionary_dir = scratch / "actors"
        shutil.copytree(DEFAULT_DIR, dictionary_dir)
        (dictionary_dir / "my_additions.yaml").write_text(NEW_ENTRY, encoding="utf-8")
        tables = scratch / "tables"
        tables.mkdir()
        for name in ("articles", "sentences"):  # re-extract into a copy: the run's own tables stay as they are
            shutil.copy(Path(tables_dir) / f"{name}.parquet", tables)
        extract_actor_tables(tables, dictionary_dir, progress=False)
        mentions = pd.read_parquet(tables / "mentions.parquet")
    return mentions[mentions["actor_id"] == "aldersgate_institute"][["doc_id", "sent_idx", "surface", "via"]]


def exercise_2(tables_dir: Path | None = None) -> dict[str, str]:
    """Resolve "Russia's defence minister" on two dates: Shoigu held the post until May 2024, Belousov after."""
    extractor = ActorExtractor(load_dictionary())
    text = "Russia's defence minister arrived in Beijing."
    resolved = {}
    for day in (dt.date(2023, 6, 1), dt.date(2024, 6, 1)):
        [person] = [m.actor_name for m in extractor.extract(text, day).mentions if m.via == "role_description"]
        resolved[day.isoformat()] = person
    return resolved


def exercise_3(tables_dir: Path) -> pd.DataFrame:
    """Distinct actors per article, averaged by outlet, widest range first."""
    articles = pd.read_parquet(Path(tables_dir) / "articles.parquet", columns=["doc_id", "outlet"])
    mentions = pd.read_parquet(Path(tables_dir) / "mentions.parquet", columns=["doc_id", "actor_name", "actor_type"])
    actors = mentions[~mentions["actor_type"].isin(["media", "place"])]
    per_article = actors.groupby("doc_id")["actor_name"].nunique().rename("distinct_actors")
    table = articles.dropna(subset=["outlet"]).join(per_article, on="doc_id").fillna({"distinct_actors": 0})
    return (table.groupby("outlet")["distinct_actors"].mean().rename("mean_distinct_actors")
            .sort_values(ascending=False).reset_index())
