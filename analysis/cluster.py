"""Per-document work on a Dask cluster: ``python -m analysis run --scheduler ADDRESS``.

The per-document stages (ingestion, actors, narratives) are pure functions of one file or one
article, mapped over batches by any ordered ``map`` (:func:`analysis.pipeline.run`'s ``mapper``).
Here that map sends each batch to the cluster's workers in slices and hands the results back in
order; the tables are written by this process alone, so they are the same as a run on one
machine. Duplicate detection and the network, which need the whole corpus, stay here too.

Workers read the corpus and the lexicons themselves, by the paths this process passes: they
must see those folders at the same paths (a shared file system) and have this package
installed. :func:`cluster_mapper` checks both before any work starts, and names each worker
that fails the check.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from analysis import __version__
from analysis.config import LEXICON_DIR
from analysis.errors import ClusterError
from analysis.lexicons.actors import DEFAULT_DIR

__all__ = ["INSTALL_HINT", "check_workers", "cluster_mapper", "ordered_map", "worker_view"]

INSTALL_HINT = "install it with `pip install -e '.[cluster]'` (conda: `conda install -c conda-forge distributed`)"


def worker_view(version: str, lexicons: str, folders: list[str]) -> list[str]:
    """What one worker lacks to do this run's work: the same package version, the same lexicons (the
    narratives stage reads the worker's own), the folders this run reads. Run on the worker, where this
    module, ``__version__`` and ``LEXICON_DIR`` are the worker's own."""
    problems = [f"analysis {__version__} installed, not {version}"] if __version__ != version else []
    if str(LEXICON_DIR.resolve()) != lexicons:
        problems.append(f"reads its lexicons from {LEXICON_DIR.resolve()}, not {lexicons}")
    return problems + [f"cannot see {folder}" for folder in folders if not Path(folder).is_dir()]


def check_workers(client, folders: list[Path]) -> None:
    """Raise :class:`ClusterError` naming each worker that runs another version of this package, reads
    other lexicons, or cannot see one of ``folders`` (the corpus, the actor dictionary)."""
    views = client.run(worker_view, __version__, str(LEXICON_DIR.resolve()),
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
def cluster_mapper(scheduler: str | None, workers: int, corpus: Path, dictionary_dir: Path | None = None) -> Iterator:
    """An ordered ``map`` over the Dask cluster at ``scheduler`` (``tcp://host:8786``), or over a cluster
    of ``workers`` processes started on this machine (``"local"``), open for the ``with`` block; ``None``
    when there is no ``scheduler`` (the run then uses its own ``workers`` processes). Its workers are
    checked for the folders they read: ``corpus`` and the actor dictionary (default: the project's)."""
    if not scheduler:
        yield None
        return
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
        check_workers(client, [corpus, dictionary_dir or DEFAULT_DIR])
        yield partial(ordered_map, client)


def ordered_map(client, function: Callable, items: Iterable) -> Iterator:
    """``map(function, items)`` on the cluster, in order, as results arrive: the caller writes the first ones
    while the workers compute the rest. Items go in slices, a few per worker thread: a task per item (a
    short article) would cost the scheduler about as much as the work, and one slice per thread would
    leave threads idle behind the slowest one."""
    items = list(items)
    threads = sum(client.nthreads().values()) or 1
    size = -(-len(items) // (4 * threads))  # ceiling division
    futures = client.map(partial(_each, function), [items[i:i + size] for i in range(0, len(items), size)],
                         pure=False)  # no hashing of every article to name the tasks: each task runs once anyway
    return (result for future in futures for result in future.result())


def _each(function: Callable, items: list) -> list:
    """One task: ``function`` over a slice of items."""
    return [function(item) for item in items]
