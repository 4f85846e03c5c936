"""Reading the tables back for a chosen period, as notebooks do."""
from __future__ import annotations

import datetime as dt

import pandas as pd


def parse_day(value: str | dt.date | None) -> dt.date | None:
    """``"2024-05-17"`` → a date; empty or ``None`` → ``None`` (an open end)."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as error:
        raise ValueError(f"date '{value}' is not in YYYY-MM-DD form (e.g. 2024-05-17)") from error


def in_period(published: pd.Series, start: str | dt.date | None = None, end: str | dt.date | None = None,
              include_undated: bool = True) -> pd.Series:
    """Boolean mask of rows published within [start, end]; undated rows kept if ``include_undated``."""
    start, end = parse_day(start), parse_day(end)
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

