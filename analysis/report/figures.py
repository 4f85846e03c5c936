"""One theme and one way to save figures (PNG for reading, SVG for print), for every notebook."""
from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import seaborn as sns

from analysis import config
from analysis.config import PALETTE

# PALETTE is re-exported: the notebooks take the theme's colours from here.
__all__ = ["PALETTE", "save_figure", "use_theme"]


def use_theme() -> None:
    """Seaborn's white grid with the colour-blind-safe palette, and reproducible SVG output."""
    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE)
    mpl.rcParams.update({
        "figure.dpi": 100,
        "savefig.bbox": "tight",
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "svg.hashsalt": "geonarratives",  # same figure, same SVG ids: diffs stay small
        "svg.fonttype": "none",
    })


def save_figure(fig: plt.Figure, name: str, folder: Path | str | None = None) -> list[Path]:
    """Save ``fig`` as ``name.png`` and ``name.svg`` under ``folder`` (default: ``figures/``)."""
    folder = Path(folder) if folder else config.FIGURES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    fig.savefig(paths[0], dpi=150, metadata={"Software": None})
    fig.savefig(paths[1], metadata={"Date": None, "Creator": None})
    return paths
