"""Where notebooks find the tables: run the pipeline once, then read Parquet by name.

Every notebook after the first takes ``corpus`` and ``tables_dir`` parameters. Executed in
order (``make report``), notebook 01 writes the tables and the others only read them;
opened on its own, a notebook calls :func:`ensure_tables`, which runs the pipeline first
when the tables are missing, so each notebook also runs standalone.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.errors import TablesError
from analysis.tables.schemas import SCHEMAS


def optional_table(tables_dir: Path | str, name: str, columns: list[str] | None = None) -> pd.DataFrame | None:
    """A table of the run, or ``None`` when no notebook wrote it (only the columns it has of ``columns``)."""
    import pyarrow.parquet as pq

    path = Path(tables_dir) / f"{name}.parquet"
    if not path.exists():
        return None
    if columns is not None:
        present = set(pq.read_schema(path).names)
        columns = [column for column in columns if column in present]
    return pd.read_parquet(path, columns=columns)


def how_to_write(tables_dir: Path | str) -> str:
    """The command that writes a run's tables into ``tables_dir``."""
    return f"python -m analysis run --corpus DIR --out {tables_dir}"


def read_table(tables_dir: Path | str, name: str) -> pd.DataFrame:
    """One table of a run as a DataFrame (an empty one with the right columns if the stage found nothing)."""
    path = Path(tables_dir) / f"{name}.parquet"
    if path.exists():
        return pd.read_parquet(path)
    if name in SCHEMAS:
        raise TablesError(f"table '{name}' not found in {tables_dir}; run `{how_to_write(tables_dir)}` "
                          f"(or delete {tables_dir}/run.json so the notebook reruns it)")
    raise TablesError(f"'{name}' is not a table of the data contract; known tables: {', '.join(sorted(SCHEMAS))}")
