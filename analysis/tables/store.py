"""Where notebooks find the tables, and which of their rows a report is about: one reader, one period selection.

Every notebook after the first takes ``corpus`` and ``tables_dir`` parameters. Executed in
order (``make report``), notebook 01 writes the tables and the others only read them;
opened on its own, a notebook calls :func:`analysis.pipeline.ensure_tables`, which runs the pipeline first
when the tables are missing, so each notebook also runs standalone.

The period a report covers is applied the same way by every notebook and by the report's index. The parameters
``start_date``, ``end_date`` and ``include_undated`` make a :class:`Period`; :func:`select` reads a run's articles
in that period, and :meth:`Selection.table` every other table for those articles only, so that all counts of one
report describe the same articles. (The actor network of the period is built one layer up, by
:class:`analysis.report.selection.ReportSelection`: tables sit below the network stage.)

When nothing is selected (no article ingested, none in the period), :meth:`Selection.require` stops a notebook
with a note that says what is empty and why (:class:`NothingToShow`); a report keeps the note, shows it in its
index and goes on with the next notebook.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from analysis.errors import NothingToShow, PeriodError, TablesError
from analysis.tables.schemas import SCHEMAS

__all__ = ["NothingToShow", "Period", "PeriodError", "Selection", "TablesError", "how_to_write", "in_period",
           "optional_table", "parse_day", "read_table", "select"]


def optional_table(tables_dir: Path | str, name: str, columns: list[str] | None = None) -> pd.DataFrame | None:
    """A table of the run, or ``None`` when no notebook wrote it (only the columns it has of ``columns``)."""
    path = Path(tables_dir) / f"{name}.parquet"
    if not path.exists():
        return None
    if columns is not None:
        present = set(pq.read_schema(path).names)
        columns = [column for column in columns if column in present]
    return pd.read_parquet(path, columns=columns)


def how_to_write(tables_dir: Path | str) -> str:
    """The command that writes a run's tables into ``tables_dir``.

    >>> how_to_write("data/processed/sample")
    'python -m analysis run --corpus DIR --out data/processed/sample'
    """
    return f"python -m analysis run --corpus DIR --out {tables_dir}"


def read_table(tables_dir: Path | str, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One table of a run as a DataFrame (an empty one with the right columns if the stage found nothing);
    ``columns``: only these."""
    path = Path(tables_dir) / f"{name}.parquet"
    if path.exists():
        return pd.read_parquet(path, columns=columns)
    if name in SCHEMAS:
        raise TablesError(f"table '{name}' not found in {tables_dir}; run `{how_to_write(tables_dir)}` "
                          f"(or delete {tables_dir}/run.json so the notebook reruns it)")
    raise TablesError(f"'{name}' is not a table of the data contract; known tables: {', '.join(sorted(SCHEMAS))}")


# --------------------------------------------------------------------------------------------------------------
# The period selection
# --------------------------------------------------------------------------------------------------------------

def parse_day(value: str | dt.date | None, name: str = "date") -> dt.date | None:
    """``"2024-05-17"`` → a date; empty or ``None`` → ``None`` (an open end).

    >>> parse_day("2024-05-17")
    datetime.date(2024, 5, 17)
    >>> parse_day("") is None
    True
    """
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as error:
        raise PeriodError(f"{name} '{value}' is not a date in YYYY-MM-DD form (e.g. {name}=2024-05-17)") from error


def in_period(published: pd.Series, start: str | dt.date | None = None, end: str | dt.date | None = None,
              include_undated: bool = True) -> pd.Series:
    """Boolean mask of rows published within [start, end]; undated rows kept if ``include_undated``.

    >>> in_period(pd.Series(["2023-06-01", "2024-02-01", None]), start="2024-01-01").tolist()
    [False, True, True]
    """
    start, end = parse_day(start, "start_date"), parse_day(end, "end_date")
    dates = pd.to_datetime(published)
    mask = pd.Series(True, index=published.index)
    if start:
        mask &= dates >= pd.Timestamp(start)
    if end:
        mask &= dates <= pd.Timestamp(end)
    if include_undated:
        mask |= dates.isna()
    else:
        mask &= dates.notna()
    return mask


@dataclass(frozen=True)
class Period:
    """The articles a report is about; the defaults are those of every notebook's parameters.

    >>> Period("2024-01-01").label
    '2024-01-01 to the latest article, undated articles included'
    """

    start_date: str = ""
    end_date: str = ""
    include_undated: bool = True

    def __post_init__(self):
        start, end = parse_day(self.start_date, "start_date"), parse_day(self.end_date, "end_date")
        if start and end and start > end:
            raise PeriodError(f"start_date {start} is after end_date {end}; swap them")

    @property
    def label(self) -> str:
        if not (self.start_date or self.end_date):
            return "the whole corpus" + ("" if self.include_undated else ", dated articles only")
        span = f"{self.start_date or 'the earliest article'} to {self.end_date or 'the latest article'}"
        return span + (", undated articles included" if self.include_undated else "")


@dataclass
class Selection:
    """The articles of a run in a period, and every table of the run read for them."""

    tables_dir: Path
    period: Period
    articles: pd.DataFrame        # the articles in the period
    all_dates: pd.Series          # the publication dates of every article of the run (None: undated)
    has_articles: bool = True     # False when the run has no articles table

    def optional(self, name: str, columns: list[str] | None = None) -> pd.DataFrame | None:
        """The rows of table ``name`` about the selected articles; ``None`` when the run has no such table.
        Tables without ``doc_id`` (ingest_report, candidates, edges) are about the whole run and come whole."""
        table = optional_table(self.tables_dir, name, columns if columns is None or "doc_id" in columns
                               else ["doc_id", *columns])
        if table is None or "doc_id" not in table.columns:
            return table
        kept = table[table["doc_id"].isin(set(self.articles["doc_id"]))].reset_index(drop=True)
        return kept if columns is None else kept[[column for column in columns if column in kept.columns]]

    def table(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """As :meth:`optional`, but a missing table raises :class:`TablesError` saying how to make it."""
        found = self.optional(name, columns)
        return read_table(self.tables_dir, name) if found is None else found  # raises, naming the fix

    @property
    def note(self) -> str | None:
        """Why nothing is selected, and what to check; ``None`` when articles are selected."""
        if not self.has_articles:
            return (f"the tables folder has no articles table; run notebook 01 (or `python -m analysis run "
                    f"--corpus DIR --out {self.tables_dir}`) first")
        if self.all_dates.empty:
            return ("0 articles were ingested from the corpus: every file was skipped or is a duplicate; "
                    "see ingest_report (notebook 01 and the report index list each file with its reason)")
        if not self.articles.empty:
            return None
        dates = pd.to_datetime(self.all_dates).dropna()
        spread = (f"they are dated {dates.min().date()} to {dates.max().date()}" if len(dates) else "none is dated")
        undated = len(self.all_dates) - len(dates)
        if undated and len(dates):
            spread += f", {undated} undated"
        hint = "check start_date/end_date" + ("" if self.period.include_undated or not undated
                                               else " or set include_undated to true")
        return (f"0 of the {len(self.all_dates)} articles are in the period {self.period.label} ({spread}); "
                f"{hint}")

    def require(self) -> None:
        """Stop the notebook with :attr:`note` when no article is selected."""
        if self.note:
            raise NothingToShow(self.note)


def select(tables_dir: Path | str, period: Period = Period()) -> Selection:
    """The articles of the run in ``tables_dir`` that fall in ``period`` (no articles table: none)."""
    tables_dir = Path(tables_dir)
    articles = optional_table(tables_dir, "articles")
    if articles is None:
        empty = pd.DataFrame(columns=["doc_id", "source", "title", "outlet", "published"])
        return Selection(tables_dir, period, empty, empty["published"], has_articles=False)
    kept = articles[in_period(articles["published"], period.start_date, period.end_date, period.include_undated)]
    return Selection(tables_dir, period, kept.reset_index(drop=True), articles["published"])
