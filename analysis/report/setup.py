"""What the setup cell of every numbered notebook does, in one call: :func:`notebook_context`.

A notebook's ``parameters`` cell holds plain literals (papermill replaces them), empty meaning "the default";
:func:`notebook_context` turns them into paths, applies the figure theme, makes sure the run's tables exist and
selects the articles of the period, the same way in each notebook.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.pipeline import ensure_tables
from analysis.report.figures import use_theme
from analysis.report.selection import ReportSelection, report_selection
from analysis.tables.store import Period

__all__ = ["NotebookContext", "ReportSelection", "notebook_context", "resolve_paths"]


def resolve_paths(corpus: Path | str = "", tables_dir: Path | str = "",
                  figures_dir: Path | str = "") -> tuple[Path, Path, Path]:
    """The notebook's paths, an empty parameter meaning its default: the sample corpus, the corpus's folder
    under ``data/processed/`` and ``figures/``.

    >>> corpus, tables_dir, figures_dir = resolve_paths("news", "", "out")
    >>> corpus.name, tables_dir == config.PROCESSED_DIR / "news", figures_dir.name
    ('news', True, 'out')
    >>> resolve_paths()[0] == config.SAMPLE_CORPUS
    True
    """
    corpus = Path(corpus) if corpus else config.SAMPLE_CORPUS
    tables_dir = Path(tables_dir) if tables_dir else config.PROCESSED_DIR / config.corpus_name(corpus)
    return corpus, tables_dir, Path(figures_dir) if figures_dir else config.FIGURES_DIR


@dataclass
class NotebookContext:
    """The paths and the period of one notebook's run; :attr:`selection` reads the tables when first asked for."""

    corpus: Path
    tables_dir: Path
    figures_dir: Path
    period: Period = field(default_factory=Period)

    @property
    def paths(self) -> tuple[Path, Path, Path]:
        """``(corpus, tables_dir, figures_dir)``, resolved: the names the notebooks' cells use."""
        return self.corpus, self.tables_dir, self.figures_dir

    @property
    def corpus_name(self) -> str:
        """The corpus's name as reports and default folders use it (:func:`analysis.config.corpus_name`)."""
        return config.corpus_name(self.corpus)

    @cached_property
    def selection(self) -> ReportSelection:
        """The articles of the period and every table read for them; read once, on first use (notebook 01
        asks for it only after writing the tables)."""
        return report_selection(self.tables_dir, self.period)


def notebook_context(corpus: Path | str = "", tables_dir: Path | str = "", figures_dir: Path | str = "",
                     start_date: str = "", end_date: str = "", include_undated: bool = True, *,
                     ensure: bool = True, max_colwidth: int | None = None) -> NotebookContext:
    """The setup of a numbered notebook from its parameters: paths resolved (:func:`resolve_paths`), the figure
    theme applied, the period checked (a wrong date stops here, naming it), and, when ``ensure``, the pipeline run
    over ``corpus`` if ``tables_dir`` holds no complete run (notebook 01 runs it itself, so passes
    ``ensure=False``). ``max_colwidth`` widens pandas' table cells for notebooks that show text."""
    corpus, tables_dir, figures_dir = resolve_paths(corpus, tables_dir, figures_dir)
    context = NotebookContext(corpus, tables_dir, figures_dir, Period(start_date, end_date, include_undated))
    use_theme()
    if max_colwidth is not None:
        pd.set_option("display.max_colwidth", max_colwidth)
    if ensure:
        ensure_tables(corpus, tables_dir)
    return context
