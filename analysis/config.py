"""Project paths, derived once from this file's location (no ``sys.path`` tricks).

Every module and notebook takes its folders from here, so the project can be moved
or cloned anywhere and still find its data.
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PACKAGE_DIR", "PROJECT_ROOT", "DATA_DIR", "SAMPLE_DIR", "SAMPLE_CORPUS", "LEXICON_DIR", "RAW_DIR",
           "PROCESSED_DIR", "NOTEBOOKS_DIR", "FIGURES_DIR", "REPORTS_DIR", "SEEDS_DIR", "PALETTE", "corpus_name"]

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent

DATA_DIR = PROJECT_ROOT / "data"
SAMPLE_DIR = DATA_DIR / "sample"
SAMPLE_CORPUS = SAMPLE_DIR / "articles"
LEXICON_DIR = DATA_DIR / "lexicons"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
FIGURES_DIR = PROJECT_ROOT / "figures"
REPORTS_DIR = PROJECT_ROOT / "reports"

# The five real articles used for evaluation live outside the repository (they are
# copyrighted); tests and evaluation scripts read them from here.
SEEDS_DIR = Path(os.environ.get("GEONARRATIVES_SEEDS", PROJECT_ROOT.parent / "shared" / "corpus" / "seeds"))


# One palette for every figure and for the network's HTML view: Okabe & Ito (2008), colour-blind-safe.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]


def corpus_name(corpus: Path | str) -> str:
    """A short name for a corpus folder: "sample" for the bundled sample, else the folder's name."""
    corpus = Path(corpus).resolve()
    return "sample" if corpus == SAMPLE_CORPUS.resolve() else (corpus.name or "corpus")
