"""The period selection of a report: :class:`analysis.tables.store.Selection` with the actor network of the period.

The tables stage sits below the network stage, so the selection that also builds edges lives here, in the report
layer, which the notebooks (:func:`analysis.report.setup.notebook_context`), the index and the brief share.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from analysis.network.cooccurrence import cooccurrence, empty_edges
from analysis.tables.store import Period, Selection, select

__all__ = ["ReportSelection", "report_selection"]


@dataclass
class ReportSelection(Selection):
    """A :class:`~analysis.tables.store.Selection` that also gives the actor network of its period."""

    @classmethod
    def of(cls, selection: Selection) -> ReportSelection:
        """The same selection, with :meth:`edges`."""
        return cls(**{field.name: getattr(selection, field.name) for field in fields(selection)})

    def edges(self, window: str = "sentence", weight: str = "npmi") -> pd.DataFrame:
        """The actor pairs of the period (:func:`analysis.network.cooccurrence.cooccurrence`, outlets and places
        left out)."""
        mentions = self.optional("mentions")
        if mentions is None:
            return empty_edges()
        return cooccurrence(mentions, self.optional("sentences"), window=window, weight=weight)


def report_selection(tables_dir: Path | str, period: Period | None = None) -> ReportSelection:
    """The articles of the run in ``tables_dir`` that fall in ``period`` (:func:`analysis.tables.store.select`)."""
    return ReportSelection.of(select(tables_dir, period or Period()))
