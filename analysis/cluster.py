"""Per-document work on a Dask cluster: ``python -m analysis run --scheduler ADDRESS``.

The per-document stages (ingestion, actors, narratives) are pure functions of one file or one
article, mapped over batches by any ordered ``map`` (:func:`analysis.pipeline.run`'s ``mapper``).
Here that map is a Dask client's ``map`` and ``gather``: each task is a batch, results come back
in order, and the tables are written by this process alone, so they are the same as a run on
one machine. Duplicate detection and the network, which need the whole corpus, stay here too.

Workers read the corpus and the lexicons themselves, by the paths this process passes: they
must see those folders at the same paths (a shared file system) and have this package
installed. :func:`cluster_mapper` checks both before any work starts, and names each worker
that fails the check.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from analysis import __version__
from analysis.config import LEXICON_DIR

INSTALL_HINT = "install it with `pip install -e '.[cluster]'` (conda: `conda install -c conda-forge distributed`)"


class ClusterError(RuntimeError):
    """The cluster cannot be used: Dask is missing, the scheduler does not answer, or a worker cannot do the work."""


def _worker_view(version: str, lexicons: str, folders: list[str]) -> list[str]:
    """What one worker lacks to do this run's work: the same package version, the same lexicons (the
    narratives stage reads the worker's own), the folders this run reads. Run on the worker, where this
    module, ``__version__`` and ``LEXICON_DIR`` are the worker's own."""
    problems = [f"analysis {__version__} installed, not {version}"] if __version__ != version else []
    if str(LEXICON_DIR.resolve()) != lexicons:
        problems.append(f"reads its lexicons from {LEXICON_DIR.resolve()}, not {lexicons}")
    return problems + [f"cannot see {folder}" for folder in folders if not Path(folder).is_dir()]


def check_workers(client, folders: list[Path]) -> None:
    """Raise :class:`ClusterError` naming each worker that runs another version of this package or
    cannot see one of ``folders`` (the corpus, the actor dictionary, the narrative lexicons)."""
    views = client.run(_worker_view, __version__, str(LEXICON_DIR.resolve()),
                       [str(Path(folder).resolve()) for folder in folders])
    if not views:
        raise ClusterError("the Dask cluster has no workers; start some (`dask worker ADDRESS`) and run again")
    failing = {worker: problems for worker, problems in sorted(views.items()) if problems}
    if failing:
        raise ClusterError("these Dask workers cannot do this run's work:\n"
                           + "\n".join(f"  {worker}: {'; '.join(problems)}" for worker, problems in failing.items())
                           + "\nWorkers read the corpus and the lexicons by the same paths as this machine: mount them "
                             "at those paths (a shared file system) and install the same version of this package there")


@contextlib.contextmanager
def cluster_mapper(scheduler: str, workers: int, folders: list[Path]) -> Iterator:
    """An ordered ``map`` over the Dask cluster at ``scheduler`` (``tcp://host:8786``), or over a cluster
    of ``workers`` processes started on this machine (``"local"``), open for the ``with`` block."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ClusterError(f"--scheduler needs Dask's `distributed` package, which is not installed: {INSTALL_HINT}") \
            from error
    with contextlib.ExitStack() as stack:
        if scheduler == "local":
            # One thread per worker process: the stages are pure Python, so threads would share one core.
            cluster = stack.enter_context(LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                                       dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(scheduler, timeout="10s"))
            except (OSError, TimeoutError, ValueError) as error:
                raise ClusterError(f"no Dask scheduler answers at '{scheduler}' ({error}); start one with "
                                   "`dask scheduler`, or pass --scheduler local for a cluster on this machine") from error
        check_workers(client, folders)
        yield lambda function, items: client.gather(client.map(function, list(items)))
