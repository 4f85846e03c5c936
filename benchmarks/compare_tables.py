"""Compare two runs' Parquet tables, file by file: the check that a change of code left every output unchanged.

Usage::

    python -m analysis run --corpus data/sample/articles --out /tmp/before   # on the old code
    python -m analysis run --corpus data/sample/articles --out /tmp/after    # on the new code
    python benchmarks/compare_tables.py /tmp/before /tmp/after

Each table is compared byte for byte; a table whose bytes differ is read and compared row by row, so the
report says whether only the file's layout changed or which rows did. ``run.json`` is left out: it records
a fingerprint of the code itself. Exit status 0 when every table is identical, 1 otherwise.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd


def compare(before: Path, after: Path) -> list[str]:
    """The differences between two folders of Parquet tables, one line each (empty when identical)."""
    names = sorted({p.name for p in before.glob("*.parquet")} | {p.name for p in after.glob("*.parquet")})
    problems = []
    for name in names:
        old, new = before / name, after / name
        if not old.exists() or not new.exists():
            problems.append(f"{name}: only in {'after' if not old.exists() else 'before'}")
        elif old.read_bytes() != new.read_bytes():
            problems.append(f"{name}: {_row_difference(pd.read_parquet(old), pd.read_parquet(new))}")
    return problems


def _row_difference(old: pd.DataFrame, new: pd.DataFrame) -> str:
    if list(old.columns) != list(new.columns):
        return f"columns differ: {list(old.columns)} vs {list(new.columns)}"
    if len(old) != len(new):
        return f"{len(old)} rows before, {len(new)} after"
    if old.astype(str).equals(new.astype(str)):
        return "same rows, different bytes (types or file layout)"
    first = next(i for i in range(len(old)) if not old.iloc[i].astype(str).equals(new.iloc[i].astype(str)))
    return f"row {first} differs: {old.iloc[first].to_dict()} vs {new.iloc[first].to_dict()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="tables folder of the reference run")
    parser.add_argument("after", type=Path, help="tables folder of the run to check")
    args = parser.parse_args(argv)
    for folder in (args.before, args.after):
        if not any(folder.glob("*.parquet")):
            parser.error(f"{folder}: no Parquet tables here; write them with `python -m analysis run --out {folder}`")
    problems = compare(args.before, args.after)
    for line in problems:
        print(line)
    n = len(list(args.before.glob("*.parquet")))
    print(f"{n - len(problems)} of {n} tables identical" if problems else f"all {n} tables identical")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
