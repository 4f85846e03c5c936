"""Solutions to the exercises of notebook 01 · Ingestion (run by tests/test_solutions.py).

Each takes the tables folder of a run and works on a copy of that run's corpus (named in its ``run.json``), so
the run itself stays as it is. Only ingestion is rerun: actors and the later stages do not change the answers.
"""
from __future__ import annotations

import csv
import json
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from analysis.ingest.readers import ReaderOptions
from analysis.pipeline import RunOptions, run

INGEST_ONLY = RunOptions(progress=False, actors=False)


def _corpus(tables_dir: Path) -> Path:
    return Path(json.loads((Path(tables_dir) / "run.json").read_text(encoding="utf-8"))["corpus"])


def _statuses(tables_dir: Path) -> pd.Series:
    return pd.read_parquet(Path(tables_dir) / "ingest_report.parquet").set_index("source")["status"]


def exercise_1(tables_dir: Path) -> dict[str, tuple[str, str]]:
    """Files whose status changes when ``near_duplicate_threshold`` goes from 0.8 to 0.95: ``{source: (before,
    after)}``. A syndicated copy whose estimated similarity lies between the two is a duplicate at 0.8 and its
    own article at 0.95."""
    with tempfile.TemporaryDirectory() as scratch:
        run(_corpus(tables_dir), scratch, RunOptions(progress=False, actors=False, near_duplicate_threshold=0.95))
        after = _statuses(scratch)
    before = _statuses(tables_dir)
    return {source: (before[source], after[source]) for source in before.index if before[source] != after[source]}


def exercise_2(tables_dir: Path) -> tuple[str, str]:
    """``(status, reason)`` in ``ingest_report`` of a file holding only a comment form and a hashtag line."""
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        shutil.copytree(_corpus(tables_dir), corpus)
        (corpus / "zz_only_boilerplate.txt").write_text("Leave a Reply\n\n#SWIFT #Russia #Sanctions\n",
                                                        encoding="utf-8")
        run(corpus, Path(scratch) / "tables", INGEST_ONLY)
        row = pd.read_parquet(Path(scratch) / "tables" / "ingest_report.parquet").set_index("source").loc[
            "zz_only_boilerplate.txt"]
    return row["status"], row["reason"]


def exercise_3(tables_dir: Path) -> dict[str, object]:
    """Two of the run's articles exported to a CSV file with the columns ``headline`` and ``body``, ingested with
    the default field names and with ``--text-field body --title-field headline``: what each run reports."""
    articles = pd.read_parquet(Path(tables_dir) / "articles.parquet").dropna(subset=["title"]).sort_values("source")
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        with (corpus / "export.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["headline", "body"])
            writer.writeheader()
            writer.writerows({"headline": row.title, "body": row.text} for row in articles.head(2).itertuples())
        default = run(corpus, Path(scratch) / "default", INGEST_ONLY)
        named = RunOptions(progress=False, actors=False,
                           reader=ReaderOptions(text_field="body", title_field="headline"))
        run(corpus, Path(scratch) / "named", named)
        titles = pd.read_parquet(Path(scratch) / "named" / "articles.parquet")["title"].tolist()
    return {"default_summary": default.render(), "default_ingested": default.articles,
            "named_titles": titles, "exported_titles": articles["title"].head(2).tolist()}
