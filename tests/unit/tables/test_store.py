"""The period selection of analysis.tables.store on small tables: what is kept, and the note when nothing is."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.tables.store import NothingToShow, Period, PeriodError, TablesError, read_table, select


@pytest.fixture
def tables(tmp_path):
    pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["a.txt", "b.txt", "c.txt"], "title": ["A", "B", "C"],
                  "outlet": ["X", "Y", None], "published": ["2023-05-01", "2024-03-01", None]}
                 ).to_parquet(tmp_path / "articles.parquet")
    pd.DataFrame({"doc_id": ["a", "b", "c"], "sent_idx": [0, 0, 0], "actor_name": ["P", "Q", "R"]}
                 ).to_parquet(tmp_path / "mentions.parquet")
    pd.DataFrame({"source": ["z.txt"], "status": ["skipped"]}).to_parquet(tmp_path / "ingest_report.parquet")
    return tmp_path


def test_every_table_is_read_for_the_articles_of_the_period(tables):
    selection = select(tables, Period("2024-01-01", "", include_undated=True))
    assert selection.articles["doc_id"].tolist() == ["b", "c"]
    assert selection.table("mentions")["actor_name"].tolist() == ["Q", "R"]
    assert selection.optional("mentions", ["actor_name"]).columns.tolist() == ["actor_name"]
    assert len(selection.table("ingest_report")) == 1  # no doc_id: about the whole run
    assert selection.optional("claims") is None and selection.note is None


def test_a_period_without_articles_stops_with_what_to_check(tables):
    selection = select(tables, Period("2030-01-01", include_undated=False))
    assert selection.note == ("0 of the 3 articles are in the period 2030-01-01 to the latest article (they are dated "
                              "2023-05-01 to 2024-03-01, 1 undated); check start_date/end_date or set "
                              "include_undated to true")
    with pytest.raises(NothingToShow, match="0 of the 3 articles"):
        selection.require()


def test_a_run_without_articles_and_a_missing_table_say_how_to_make_them(tmp_path):
    assert "has no articles table" in select(tmp_path).note
    with pytest.raises(TablesError, match="python -m analysis run"):
        read_table(tmp_path, "mentions")


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(PeriodError, match="swap them"):
        Period("2024-12-31", "2024-01-01")
