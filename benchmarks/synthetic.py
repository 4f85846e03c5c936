"""A large synthetic corpus for benchmarks, built by recombining the sample corpus's sentences.

Each generated article is unique (so duplicate detection does not short-cut the work),
carries the noise of real scrapes (datelines, boilerplate, odd spaces), and is
reproducible from its seed.
"""
from __future__ import annotations

import hashlib
import random
from pathlib import Path

from analysis import config
from analysis.pipeline import RunOptions, run

OUTLETS = ["The Meridian Ledger", "Eastbridge Daily", "Caspian Wire", "Southern Cross Monitor",
           "Atlas Finance Review", "Harbor Street Journal", "Pampas Post"]
NOISE = ["Read Time:1 Minute, 40 Second", "See also  Markets Weigh New Payment Links", "#BRICS #Gold #Yuan",
         "Share this: Facebook Twitter WhatsApp", "More interesting news - subscribe"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def ingested(folder: Path, cache_root: Path) -> Path:
    """The tables of ``folder`` ingested into a folder of ``cache_root`` named after its files (names,
    sizes, times), so that a changed corpus is ingested anew rather than read stale."""
    files = sorted((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in folder.iterdir() if f.is_file())
    cache = cache_root / f"{folder.name}_{hashlib.sha1(repr(files).encode()).hexdigest()[:12]}"
    if not (cache / "sentences.parquet").exists():
        run(folder, cache, RunOptions(progress=False))
    return cache


def sample_sentences(cache_root: Path) -> list[str]:
    """English sentences of the sample corpus (ingested once into a folder of ``cache_root``)."""
    import pandas as pd

    cache = ingested(config.SAMPLE_CORPUS, cache_root)
    sentences = pd.read_parquet(cache / "sentences.parquet")
    articles = pd.read_parquet(cache / "articles.parquet", columns=["doc_id", "language"])
    english = set(articles.loc[articles["language"] == "en", "doc_id"])
    return [s for s, d in zip(sentences["text"], sentences["doc_id"]) if d in english and len(s.split()) >= 6]


def write_corpus(folder: Path, n_articles: int, seed: int = 0) -> Path:
    """Write ``n_articles`` synthetic .txt articles into ``folder`` (reused if already complete)."""
    folder.mkdir(parents=True, exist_ok=True)
    if len(list(folder.glob("*.txt"))) == n_articles:
        return folder
    pool = sample_sentences(folder.parent)
    rng = random.Random(seed)
    for i in range(n_articles):
        paragraphs = [" ".join(rng.sample(pool, rng.randint(1, 3))) for _ in range(rng.randint(6, 14))]
        outlet = rng.choice(OUTLETS)
        date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2022, 2025)}"
        lines = [f"Synthetic Benchmark Story {i}", f"{outlet}, {date} \u2014", *paragraphs]
        lines.insert(rng.randint(3, len(lines)), rng.choice(NOISE))
        text = "\n\n".join(lines).replace(" and ", " and\u00a0", rng.randint(0, 2))
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder
