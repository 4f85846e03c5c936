"""Ingestion throughput (files/s, MB/s) and peak memory at growing corpus sizes.

Run: ``make benchmark`` (or ``python benchmarks/bench_ingest.py --sizes 1000 4000``).
Each size runs in a fresh process so its peak resident memory (ru_maxrss) is its own;
flat memory shows as a peak that does not grow with the corpus. Results are printed
and written to ``benchmarks/results/ingest.json``.

``--scheduler local --workers N`` (or a scheduler's address) maps the per-document work over a Dask
cluster instead, as ``python -m analysis run --scheduler`` does; the peak memory is then the
main process's alone.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE / ".corpus"


def measure(n_articles: int, workers: int, scheduler: str | None = None) -> dict:
    """Run in a child process: ingest the corpus of ``n_articles`` and report time and memory."""
    sys.path.insert(0, str(HERE))
    from synthetic import write_corpus

    from analysis.cluster import cluster_mapper
    from analysis.pipeline import RunOptions, run

    corpus = write_corpus(CORPORA / f"n{n_articles}", n_articles)
    n_bytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    options = RunOptions(progress=False, workers=workers, actors=False)  # ingestion alone
    with cluster_mapper(scheduler, workers, corpus) as mapper:  # None without a scheduler
        start = time.perf_counter()  # once the cluster is up: its start is no part of the work
        summary = run(corpus, CORPORA / f"out{n_articles}", options, mapper=mapper)
        seconds = time.perf_counter() - start
    return {"articles": n_articles, "workers": workers, "scheduler": scheduler, "megabytes": round(n_bytes / 1e6, 2),
            "seconds": round(seconds, 2), "files_per_s": round(n_articles / seconds, 1),
            "mb_per_s": round(n_bytes / 1e6 / seconds, 3), "ingested": summary.ingested,
            "sentences": summary.sentences,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--scheduler", default=None, help="a Dask scheduler's address, or 'local' (see the docstring)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.workers, args.scheduler)))
        return
    results = []
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(size), "--workers", str(args.workers),
                              *(["--scheduler", args.scheduler] if args.scheduler else [])],
                             capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]))
    (HERE / "results").mkdir(exist_ok=True)
    record = {"machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()},
              "results": results}
    (HERE / "results" / "ingest.json").write_text(json.dumps(record, indent=2) + "\n")


if __name__ == "__main__":
    main()
