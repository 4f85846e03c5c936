"""The setup every notebook shares (analysis.report.setup) and the report's selection with its actor network."""
from __future__ import annotations

import pandas as pd

from analysis import config
from analysis.report.setup import ReportSelection, notebook_context
from analysis.tables.store import Period, select


def write_tables(folder, mentions: bool = True):
    pd.DataFrame({"doc_id": ["a", "b"], "source": ["a.txt", "b.txt"], "title": ["A", "B"], "outlet": ["X", "Y"],
                  "published": ["2023-05-01", "2024-03-01"]}).to_parquet(folder / "articles.parquet")
    if mentions:
        pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_idx": [0, 0, 0], "start": [0, 10, 0], "end": [5, 15, 5],
                      "surface": ["P", "Q", "P"], "actor_name": ["P", "Q", "P"],
                      "actor_type": ["person", "person", "person"]}).to_parquet(folder / "mentions.parquet")


def test_the_context_resolves_the_parameters_and_reads_the_period_when_asked(tmp_path):
    context = notebook_context("", tmp_path, "", "2024-01-01", ensure=False)
    assert context.paths == (config.SAMPLE_CORPUS, tmp_path, config.FIGURES_DIR)
    assert context.corpus_name == "sample" and context.period == Period("2024-01-01")
    write_tables(tmp_path)  # after the context: notebook 01 writes the tables once set up
    assert isinstance(context.selection, ReportSelection)
    assert context.selection.articles["doc_id"].tolist() == ["b"]


def test_the_report_selection_gives_the_actor_network_of_its_period(tmp_path):
    write_tables(tmp_path)
    whole = ReportSelection.of(select(tmp_path))
    assert whole.edges("sentence", "count")[["source", "target", "count"]].values.tolist() == [["P", "Q", 1]]
    assert ReportSelection.of(select(tmp_path, Period("2024-01-01"))).edges().empty


def test_a_run_without_mentions_has_no_edges(tmp_path):
    write_tables(tmp_path, mentions=False)
    edges = ReportSelection.of(select(tmp_path)).edges()
    assert edges.empty and {"source", "target", "weight"} <= set(edges.columns)
