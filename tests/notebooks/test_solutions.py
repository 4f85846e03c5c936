"""Every exercise solution of every notebook runs on the sample tables and returns a result.

Solutions live in ``notebooks/solutions/NN_<topic>.py`` as ``exercise_1(tables_dir)``, ``exercise_2(...)``, …
Their file names start with a digit, so they are loaded from their paths rather than imported. This file checks
that each runs on a fresh pipeline run over the sample corpus; the notebooks' own test files assert what the
answers are. The notebooks without a topic test (00, 01 and 05) get their answers checked here.
"""
from __future__ import annotations

import inspect
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.pipeline import RunOptions, run
from tests.conftest import load_solutions

SOLUTIONS_DIR = config.NOTEBOOKS_DIR / "solutions"


def load(path: Path):
    return load_solutions(path.stem)


def exercises() -> list[tuple[Path, str]]:
    found = []
    for path in sorted(SOLUTIONS_DIR.glob("[0-9][0-9]_*.py")):
        names = sorted(name for name, value in inspect.getmembers(load(path), inspect.isfunction)
                       if name.startswith("exercise_") and value.__module__ == f"solutions_{path.stem}")
        found += [(path, name) for name in sorted(names, key=lambda name: int(name.split("_")[1]))]
    return found


@pytest.fixture(scope="module")
def sample_tables_dir(tmp_path_factory) -> Path:
    """A run of its own over the synthetic sample, so that what a solution writes stays out of other tests."""
    out = tmp_path_factory.mktemp("sample-tables")
    run(config.SAMPLE_CORPUS, out, RunOptions(progress=False))
    return out


def test_every_numbered_notebook_has_solutions_and_names_them():
    notebooks = {path.name[:2]: path for path in config.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")}
    solved = {path.name[:2]: path for path in SOLUTIONS_DIR.glob("[0-9][0-9]_*.py")}
    assert set(solved) == set(notebooks), f"notebooks without solutions: {sorted(set(notebooks) - set(solved))}"
    for number, notebook in notebooks.items():
        assert f"notebooks/solutions/{solved[number].name}" in notebook.read_text(encoding="utf-8"), notebook.name


@pytest.mark.parametrize("path, name", exercises(), ids=lambda value: value.stem if isinstance(value, Path) else value)
def test_solution_runs_on_the_sample_tables(path, name, sample_tables_dir):
    result = getattr(load(path), name)(sample_tables_dir)
    assert result is not None, f"{path.name}:{name} returned None"


def test_start_here_answers(sample_tables_dir):
    solutions = load(SOLUTIONS_DIR / "00_start_here.py")
    rows = solutions.exercise_1(sample_tables_dir)
    assert {"articles", "ingest_report", "sentences", "mentions"} <= set(rows)
    assert rows["ingest_report"] == len([p for p in config.SAMPLE_CORPUS.rglob("*") if p.is_file()])
    assert solutions.exercise_2(sample_tables_dir) == 1.0
    doc_id, sent_idx, n_actors = solutions.exercise_3(sample_tables_dir)
    mentions = pd.read_parquet(sample_tables_dir / "mentions.parquet")
    busiest = mentions.groupby(["doc_id", "sent_idx"])["actor_name"].nunique().max()
    in_sentence = mentions[(mentions["doc_id"] == doc_id) & (mentions["sent_idx"] == sent_idx)]
    assert n_actors == busiest == in_sentence["actor_name"].nunique()


def test_ingest_answers(sample_tables_dir):
    solutions = load(SOLUTIONS_DIR / "01_ingest.py")
    # similarity 0.88: a duplicate at the default 0.8, its own article at 0.95
    assert solutions.exercise_1(sample_tables_dir) == {
        "016_southern-cross-monitor_brazil-china-local-currency-syndicated.txt": ("duplicate", "ingested")}
    status, reason = solutions.exercise_2(sample_tables_dir)
    assert status == "skipped" and reason.startswith("no article text left after cleaning")
    export = solutions.exercise_3(sample_tables_dir)
    assert export["default_ingested"] == 0
    assert "no 'text' field (fields present: body, headline); name the text field with --text-field" in (
        export["default_summary"])
    assert export["named_titles"] == export["exported_titles"] and len(export["named_titles"]) == 2


def test_report_answers(sample_tables_dir):
    solutions = load(SOLUTIONS_DIR / "05_report.py")
    mentions = pd.read_parquet(sample_tables_dir / "mentions.parquet")
    putin = solutions.exercise_1(sample_tables_dir)
    assert putin["articles"] == mentions.loc[mentions["actor_name"] == "Vladimir Putin", "doc_id"].nunique() > 0
    assert putin["top_partner"] is not None
    people = solutions.exercise_2(sample_tables_dir)
    assert "Vladimir Putin" in people and people == sorted(people)
    types = mentions.drop_duplicates("actor_name").set_index("actor_name")["actor_type"]
    assert all(types[name] == "person" for name in people)
    before_only = solutions.exercise_3(sample_tables_dir)
    assert isinstance(before_only, list) and "Vladimir Putin" not in before_only  # named with Xi in both periods
