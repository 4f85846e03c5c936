"""Solutions to the exercises of notebook 05 (report). Each takes the tables folder of a run."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.report.brief import focus_brief
from analysis.tables.store import read_table


def exercise_1(tables_dir: Path, actor: str = "Vladimir Putin") -> dict:
    """How many articles name ``actor``, and the partner sharing most sentences with them (None if absent)."""
    brief = focus_brief(tables_dir, actor)
    top = brief.partners.iloc[0]["partner"] if brief.partners is not None and not brief.partners.empty else None
    return {"articles": int(brief.sources["doc_id"].nunique()), "top_partner": top}


def exercise_2(tables_dir: Path, actor: str = "Xi Jinping") -> list[str]:
    """The partners of ``actor`` that are people (actor type ``person`` in ``mentions``), sorted."""
    brief = focus_brief(tables_dir, actor, top=1_000)
    if brief.partners is None:
        return []
    types = read_table(tables_dir, "mentions").drop_duplicates("actor_name").set_index("actor_name")["actor_type"]
    return sorted(name for name in brief.partners["partner"] if types.get(name) == "person")


def exercise_3(tables_dir: Path, actor: str = "Xi Jinping", split: str = "2024-01-01") -> list[str]:
    """Partners of ``actor`` named with them only before ``split`` (dated articles only), sorted."""
    day_before = (pd.Timestamp(split) - pd.Timedelta(days=1)).date().isoformat()
    before = focus_brief(tables_dir, actor, end_date=day_before, include_undated=False, top=1_000)
    after = focus_brief(tables_dir, actor, start_date=split, include_undated=False, top=1_000)
    return sorted(_partner_names(before) - _partner_names(after))


def _partner_names(brief) -> set[str]:
    return set() if brief.partners is None else set(brief.partners["partner"])
