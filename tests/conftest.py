"""Shared fixtures: pipeline runs over the real seed articles and over the synthetic sample."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.pipeline import RunOptions, run

TABLES = ("articles", "ingest_report", "record_report", "sentences", "mentions", "flags", "candidates", "edges",
          "interactions", "amounts", "claims", "frames", "plausibility")


def read_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not config.SEEDS_DIR.is_dir():
        pytest.skip(f"real seed articles not found at {config.SEEDS_DIR} (they are read from ../shared, "
                    "never copied into the repository; set GEONARRATIVES_SEEDS to their folder)")
    return config.SEEDS_DIR


@pytest.fixture(scope="session")
def seeds_out(seeds_dir, tmp_path_factory) -> Path:
    """The folder of one pipeline run over the seed articles (shared by the whole session)."""
    out = tmp_path_factory.mktemp("seeds")
    run(seeds_dir, out, RunOptions(progress=False))
    return out


@pytest.fixture(scope="session")
def seeds_tables(seeds_out) -> dict[str, pd.DataFrame]:
    return read_tables(seeds_out)


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    """The folder of one pipeline run over the synthetic sample corpus (shared by the whole session)."""
    out = tmp_path_factory.mktemp("sample")
    run(config.SAMPLE_CORPUS, out, RunOptions(progress=False))
    return out


@pytest.fixture(scope="session")
def sample_tables(sample_dir) -> dict[str, pd.DataFrame]:
    return read_tables(sample_dir)


def load_solutions(stem: str):
    """The module ``notebooks/solutions/<stem>.py`` (solutions are scripts beside the notebooks, not a package)."""
    import importlib.util

    path = config.NOTEBOOKS_DIR / "solutions" / f"{stem}.py"
    spec = importlib.util.spec_from_file_location(f"solutions_{stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_article(tables: dict[str, pd.DataFrame], prefix: str) -> pd.Series:
    articles = tables["articles"]
    match = articles[articles["source"].str.startswith(prefix)]
    assert len(match) == 1, f"expected one article from {prefix}…, found {len(match)}"
    return match.iloc[0]
