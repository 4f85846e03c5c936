"""How every per-document stage writes its tables: pure work mapped over batches, rows streamed to Parquet.

A stage (ingestion, actors, narratives) reads its input in batches; :func:`stream_tables` maps the stage's
pure per-batch function over each batch — in this process, in a pool of ``workers`` processes, or with any
ordered ``mapper`` such as the Dask one of :mod:`analysis.cluster` — and hands each result, in input order,
to the stage's ``collect``, which adds rows to a :class:`TableSink`. The sink writes each batch's rows as
one row group with the contract's schema (:data:`analysis.tables.schemas.SCHEMAS`), so memory stays flat
and a table's bytes do not depend on how the work was mapped. Tables are written under a partial name and
renamed into place only when the stage has finished: a run that fails leaves no half-written table, and a
table without rows is still written, empty, with its schema.

:func:`rows_by_document` and :class:`Aligned` stream a table's rows document by document, in the order the
articles were written, so a stage can join a document's sentences and mentions to it without loading them.

The tables layer knows no stage: the work, the batches and what to do with each result come from the caller.
"""
from __future__ import annotations

import contextlib
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.tables.schemas import SCHEMAS

__all__ = ["Mapper", "Finisher", "TableSink", "Aligned", "stream_tables", "batch_mapper", "batches", "chunks",
           "rows_by_document", "partial_path", "remove_table", "write_table"]

# Any ordered ``map``: ``map`` itself, ``ProcessPoolExecutor.map``, or a Dask client's map followed by gather.
Mapper = Callable[[Callable, Iterable], Iterable]
# Writes a table's final content to ``target`` from its streamed rows at ``partial`` (which may not exist).
Finisher = Callable[[Path, Path], None]


def partial_path(out_dir: Path, table: str) -> Path:
    """Where ``table`` is streamed before it is complete.

    >>> partial_path(Path("out"), "articles").as_posix()
    'out/articles.partial.parquet'
    """
    return out_dir / f"{table}.partial.parquet"


def remove_table(out_dir: Path, table: str) -> None:
    """Remove ``table`` from ``out_dir``, with any partial file a failed or killed stage left."""
    for path in (out_dir / f"{table}.parquet", partial_path(out_dir, table), _finished_path(out_dir, table)):
        path.unlink(missing_ok=True)


def _finished_path(out_dir: Path, table: str) -> Path:
    return out_dir / f"{table}.finished.partial.parquet"


def batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter).

    >>> list(batches("abcde", 2))
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def chunks(items: list, size: int) -> list[list]:
    """``items`` cut into lists of ``size``: one task each for a mapper.

    >>> chunks([1, 2, 3], 2)
    [[1, 2], [3]]
    """
    return [items[i:i + size] for i in range(0, len(items), size)]


def write_table(out_dir: Path, table: str, data: pa.Table | list[dict]) -> int:
    """Write one whole table (an Arrow table, or rows checked against the contract's schema) under a partial
    name, then rename it into place; return its number of rows."""
    if not isinstance(data, pa.Table):
        data = pa.Table.from_pylist(data, schema=SCHEMAS[table])
    path = partial_path(out_dir, table)
    pq.write_table(data, path)
    os.replace(path, out_dir / f"{table}.parquet")
    return data.num_rows


class TableSink:
    """Streams rows into one Parquet file per table, a batch (one row group) at a time, under partial names."""

    def __init__(self, out_dir: Path, tables: Sequence[str]):
        self.out_dir = out_dir
        self.tables = list(tables)
        self.rows: dict[str, list[dict]] = defaultdict(list)
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.counts: Counter = Counter({table: 0 for table in self.tables})

    def add(self, table: str, row: dict) -> None:
        self.rows[table].append(row)

    def extend(self, table: str, rows: Iterable[dict]) -> None:
        self.rows[table].extend(rows)

    def flush(self) -> None:
        """Write the rows gathered since the last flush: one row group per table that has any."""
        for table, rows in self.rows.items():
            if not rows:
                continue
            if table not in self.writers:
                self.writers[table] = pq.ParquetWriter(partial_path(self.out_dir, table), SCHEMAS[table])
            self.writers[table].write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]))
            self.counts[table] += len(rows)
            rows.clear()

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()
        self.writers.clear()

    def commit(self, finish: Mapping[str, Finisher] | None = None) -> None:
        """Put every table in place: renamed from its partial name, written empty when it got no rows, or
        rewritten by its finisher (which writes a second partial file, renamed in turn)."""
        for table in self.tables:
            partial, final = partial_path(self.out_dir, table), self.out_dir / f"{table}.parquet"
            if finish and table in finish:
                target = _finished_path(self.out_dir, table)
                finish[table](partial, target)
                partial.unlink(missing_ok=True)
                partial = target
            elif not partial.exists():
                pq.write_table(SCHEMAS[table].empty_table(), partial)
            os.replace(partial, final)

    def discard(self) -> None:
        """Remove the partial files of a stage that failed."""
        for table in self.tables:
            partial_path(self.out_dir, table).unlink(missing_ok=True)
            _finished_path(self.out_dir, table).unlink(missing_ok=True)


@contextlib.contextmanager
def batch_mapper(workers: int = 1, mapper: Mapper | None = None) -> Iterator[Mapper]:
    """The ordered ``map`` a stage uses: ``mapper`` if given, else a pool of ``workers`` processes (shut down
    when the ``with`` block ends), else plain ``map`` in this process."""
    if mapper is not None:
        yield mapper
    elif workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            yield pool.map
    else:
        yield map


def stream_tables(out_dir: Path | str, tables: Sequence[str], work: Callable[[Any], Any], inputs: Iterable[list],
                  collect: Callable[[Any, Any, TableSink], None], *, chunk_size: int | None = None,
                  workers: int = 1, mapper: Mapper | None = None, finish: Mapping[str, Finisher] | None = None,
                  progress: bool = False, desc: str = "", unit: str = "item", total: int | None = None
                  ) -> dict[str, int]:
    """Map ``work`` over each batch of ``inputs`` and stream the rows ``collect`` makes into ``tables``.

    ``work`` must be pure and, for a process pool or a cluster, picklable (a module-level function or a
    ``functools.partial`` of one). Without ``chunk_size`` it is called on each item of a batch; with it, on
    lists of ``chunk_size`` items (one task per list, cheaper to send than one per item), returning one
    result per item. ``collect(item, result, sink)`` is called for every item in input order, in this
    process, and may keep state across items (duplicate detection does). Each batch's rows become one row
    group of each table. ``finish`` maps a table to a function that writes its final content from the
    streamed rows (see :class:`TableSink.commit`). Returns the number of rows streamed into each table.
    """
    from tqdm import tqdm  # lazily: only the stages that show progress need it

    out_dir = Path(out_dir)
    for table in tables:
        remove_table(out_dir, table)
    sink = TableSink(out_dir, tables)
    bar = tqdm(total=total, unit=unit, desc=desc, disable=not progress)
    try:
        with batch_mapper(workers, mapper) as map_batch:
            for batch in inputs:
                if chunk_size is None:
                    results: Iterable = map_batch(work, batch)
                else:
                    results = (result for part in map_batch(work, chunks(batch, chunk_size)) for result in part)
                for item, result in zip(batch, results, strict=True):  # a lost result must not shift rows
                    collect(item, result, sink)
                    bar.update()
                sink.flush()
        sink.close()
        sink.commit(finish)
    except BaseException:
        sink.close()
        sink.discard()
        raise
    finally:
        bar.close()
    return dict(sink.counts)


def rows_by_document(path: Path, columns: list[str], order: Mapping[str, int] | None = None
                     ) -> Iterator[tuple[str, list[dict]]]:
    """Rows of a table grouped by document, streamed in file order; nothing when the table does not exist.

    With ``order`` (each doc_id's position in the articles table), rows that come in another order than the
    articles raise a :class:`ValueError` that says how to rewrite the tables.
    """
    if not path.exists():
        return
    current, rows = None, []
    for batch in pq.ParquetFile(path).iter_batches(batch_size=4096, columns=columns):
        for row in batch.to_pylist():
            if row["doc_id"] != current:
                if rows:
                    yield current, rows
                if order is not None and current is not None and \
                        order.get(row["doc_id"], -1) < order.get(current, -1):
                    raise ValueError(f"{path.name}: rows of document {row['doc_id']} come after those of {current}, "
                                     "unlike articles.parquet; rerun `python -m analysis run` to rewrite the tables")
                current, rows = row["doc_id"], []
            rows.append(row)
    if rows:
        yield current, rows


class Aligned:
    """The rows of one table for each document in turn, from a stream in article order (see
    :func:`rows_by_document`); a document without rows gets an empty list."""

    def __init__(self, stream: Iterator[tuple[str, list[dict]]]):
        self.stream = stream
        self.pending = next(stream, (None, []))

    def take(self, doc_id: str) -> list[dict]:
        if self.pending[0] != doc_id:
            return []
        rows = self.pending[1]
        self.pending = next(self.stream, (None, []))
        return rows
