"""The ingestion run: a corpus folder in, the contract's Parquet tables out.

Files are read in sorted order, in batches; per-file work (:func:`process_file`) is a
pure function mapped over each batch (in this process, in a process pool, or by any
``map``-like callable such as a Dask client's ``map`` followed by ``gather``), and rows are streamed to Parquet, so
memory stays flat as the corpus grows. Only duplicate detection keeps state across
documents. Every input file gets a row in ``ingest_report``; a failure inside one file
becomes a ``skipped`` row with the error, never a crash of the run.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from analysis import __version__, config
from analysis.errors import CorpusError
from analysis.ingest.dedup import DuplicateDetector
from analysis.ingest.document import Article, process_document
from analysis.ingest.readers import ReaderOptions, Skip, list_corpus, read_file
from analysis.tables.schemas import SCHEMAS

Mapper = Callable[[Callable, Iterable], Iterable]


@dataclass(frozen=True)
class RunOptions:
    reader: ReaderOptions = ReaderOptions()
    near_duplicate_threshold: float = 0.8
    batch_size: int = 128
    workers: int = 1
    progress: bool = True
    actors: bool = True                     # also write mentions, flags and candidates
    dictionary_dir: Path | None = None      # actor dictionary folder; None: data/lexicons/actors
    network: bool = True                    # also write edges and interactions (needs actors)
    window: str = "sentence"                # co-occurrence window: sentence, paragraph or document
    weight: str = "npmi"                    # the edges table's `weight` column: count, n_docs, jaccard, pmi, npmi
    narratives: bool = True                 # also write amounts, claims, frames and plausibility (needs actors)
    # Keep the tables when run.json shows they were made from these very files, options, code and lexicons
    # (a report's notebook 01 after the report's own run); a plain run always rewrites them.
    reuse: bool = False


@dataclass
class RunSummary:
    corpus: str
    out: str
    files: int = 0
    ingested: int = 0
    duplicate: int = 0
    skipped: int = 0
    articles: int = 0
    sentences: int = 0
    mentions: int = 0
    flags: int = 0
    edges: int = 0
    interactions: int = 0
    amounts: int = 0
    claims: int = 0
    frames: int = 0
    implausible: int = 0
    languages: dict[str, int] = field(default_factory=dict)  # ingested articles by language (ISO 639-1, "und")
    skip_reasons: dict[str, int] = field(default_factory=dict)
    # Skipped records of exports by kind, each under the full reason of its first record: the reason says how to
    # fix it ("fields present: body, headline…; name the text field with --text-field").
    record_skip_reasons: dict[str, int] = field(default_factory=dict)

    def render(self) -> str:
        """A one-screen summary for the terminal."""
        lines = [
            f"Corpus   {self.corpus}",
            f"Tables   {self.out}",
            f"Files    {self.files} read: {self.ingested} ingested, {self.duplicate} duplicate, {self.skipped} skipped",
            f"Output   {self.articles} articles, {self.sentences} sentences, {self.mentions} actor mentions, "
            f"{self.flags} quality flags",
            f"Network  {self.edges} actor pairs, {self.interactions} directed interactions",
            f"Claims   {self.amounts} amounts, {self.claims} currency-shift claims, {self.frames} article frames, "
            f"{self.implausible} plausibility flags",
        ]
        others = sum(n for code, n in self.languages.items() if code != "en")
        if others:  # the claim rules read English wording: say what the other articles give
            lines.append("Language " + ", ".join(f"{code} {n}" for code, n in sorted(self.languages.items(),
                                                                                       key=lambda kv: (-kv[1], kv[0])))
                         + " (currency-shift claims are read in English only; "
                         + (f"the {others} articles in other languages add" if others > 1 else
                            "the article in another language adds") + " actors, network ties and frames)")
        if self.skip_reasons:
            lines.append("Skipped  (see ingest_report.parquet for every file)")
            lines += [f"  {count:>5}  {reason}" for reason, count in sorted(self.skip_reasons.items(), key=lambda kv: (-kv[1], kv[0]))]
        if self.record_skip_reasons:
            lines.append("Records  skipped in JSONL/JSON/CSV exports (see record_report.parquet for every record)")
            lines += [f"  {count:>5}  {reason}" for reason, count in sorted(self.record_skip_reasons.items(),
                                                                            key=lambda kv: (-kv[1], kv[0]))]
        return "\n".join(lines)


def process_file(corpus_dir: Path, reader: ReaderOptions, source: str) -> list[Article | Skip]:
    """Read and clean one file. Pure apart from reading it; never raises."""
    try:
        return [item if isinstance(item, Skip) else process_document(item)
                for item in read_file(corpus_dir, source, reader)]
    except ImportError as error:  # an install that lacks a package one kind of file needs (lxml_html_clean for HTML)
        return [Skip(source, f"a package needed to read this file is missing ({error}); install the project's "
                             "dependencies again (`make install`, or `pip install -e .`)")]
    except Exception as error:  # a bug or an exotic input must not end the whole run
        return [Skip(source, f"internal error while processing ({type(error).__name__}: {error}); please report it")]


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class _TableSink:
    """Streams rows into one Parquet file per table, a batch at a time."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.rows: dict[str, list[dict]] = defaultdict(list)
        self.writers: dict[str, pq.ParquetWriter] = {}

    def add(self, table: str, row: dict) -> None:
        self.rows[table].append(row)

    def flush(self, path_for: Callable[[str], Path] | None = None) -> None:
        for table, rows in self.rows.items():
            if not rows:
                continue
            if table not in self.writers:
                path = path_for(table) if path_for else self.out_dir / f"{table}.parquet"
                self.writers[table] = pq.ParquetWriter(path, SCHEMAS[table])
            self.writers[table].write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]))
            rows.clear()

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def _article_row(article: Article) -> dict:
    row = {name: getattr(article, name) for name in SCHEMAS["articles"].names if hasattr(article, name)}
    row["n_chars"] = len(article.text)
    row["n_sentences"] = len(article.sentences)
    row["removed_lines"] = [asdict(line) for line in article.removed_lines]
    row["duplicates"] = []
    return row


def _label(source: str, record: int | None) -> str:
    return source if record is None else f"{source}#{record}"


def check_corpus(corpus_dir: Path) -> list[str]:
    """The files of ``corpus_dir`` (see :func:`list_corpus`); :class:`CorpusError` if it is no folder or has none."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder '{corpus_dir}' does not exist or is not a folder; "
                          "pass --corpus DIR, a folder of .txt/.md/.html/.jsonl/.json/.csv files")
    sources = list_corpus(corpus_dir)
    if not sources:
        raise CorpusError(f"corpus folder '{corpus_dir}' contains no files; put your articles there")
    return sources


def run(corpus_dir: Path | str, out_dir: Path | str, options: RunOptions = RunOptions(), mapper: Mapper | None = None) -> RunSummary:
    """Ingest every file below ``corpus_dir`` and write the tables into ``out_dir``."""
    corpus_dir, out_dir = Path(corpus_dir), Path(out_dir)
    sources = check_corpus(corpus_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CorpusError(f"cannot create output folder '{out_dir}': {error.strerror}; choose another --out") from error
    inputs = _inputs_fingerprint(corpus_dir, sources, options)
    if options.reuse:
        reused = _reusable_summary(corpus_dir, out_dir, inputs)
        if reused:
            return reused

    for stale in [*(out_dir / f"{t}.parquet" for t in SCHEMAS), out_dir / "articles.partial.parquet"]:
        stale.unlink(missing_ok=True)  # a previous run's tables must not survive into this one

    summary = RunSummary(corpus=str(corpus_dir), out=str(out_dir), files=len(sources))
    detector = DuplicateDetector(threshold=options.near_duplicate_threshold)
    copies: dict[str, list[str]] = defaultdict(list)  # kept doc_id -> labels of its duplicates
    sink = _TableSink(out_dir)
    partial_articles = out_dir / "articles.partial.parquet"
    work = partial(process_file, corpus_dir.resolve(), options.reader)  # a worker elsewhere (Dask) has another cwd
    pool = ProcessPoolExecutor(options.workers) if options.workers > 1 and mapper is None else None
    map_batch = mapper or (pool.map if pool else map)
    progress = tqdm(total=len(sources), unit="file", desc="Ingesting", disable=not options.progress)
    try:
        for batch in _batches(sources, options.batch_size):
            for source, items in zip(batch, map_batch(work, batch)):
                _record_file(source, list(items), detector, copies, sink, summary)
                progress.update()
            sink.flush(lambda table: partial_articles if table == "articles" else out_dir / f"{table}.parquet")
    finally:
        progress.close()
        sink.close()
        if pool:
            pool.shutdown()
    _finish_articles(partial_articles, out_dir / "articles.parquet", copies)
    for table in ("sentences", "record_report"):  # always present, even when empty
        path = out_dir / f"{table}.parquet"
        if not path.exists():
            pq.write_table(SCHEMAS[table].empty_table(), path)
    if options.actors:
        counts = extract_actor_tables(out_dir, options.dictionary_dir, options.progress, workers=options.workers,
                                      mapper=mapper)
        summary.mentions, summary.flags = counts.get("mentions", 0), counts.get("flags", 0)
        if options.network:  # built from the mentions, so only after actor extraction
            from analysis.network.graph import write_network_tables

            counts = write_network_tables(out_dir, window=options.window, weight=options.weight,
                                          progress=options.progress)
            summary.edges, summary.interactions = counts["edges"], counts["interactions"]
        if options.narratives:
            from analysis.narratives.stage import write_narrative_tables

            counts = write_narrative_tables(out_dir, progress=options.progress, workers=options.workers, mapper=mapper)
            summary.amounts, summary.claims, summary.frames = counts["amounts"], counts["claims"], counts["frames"]
            summary.implausible = counts["plausibility"]
    _write_manifest(out_dir, corpus_dir, options, summary, inputs)
    return summary


def _record_file(source: str, items: list[Article | Skip], detector: DuplicateDetector,
                 copies: dict[str, list[str]], sink: _TableSink, summary: RunSummary) -> None:
    """Deduplicate and write one file's documents, and its row in the ingest report."""
    is_export = any(item.record is not None for item in items)
    kept_ids: list[str] = []
    duplicate_of: list[tuple[str, str]] = []  # (doc_id of the original, description)
    skips: list[Skip] = []
    for item in items:
        if isinstance(item, Skip):
            skips.append(item)
            if is_export:
                sink.add("record_report", {"source": source, "record": item.record, "status": "skipped",
                                           "reason": item.reason, "doc_id": None, "duplicate_of": None})
                _count_kind(summary.record_skip_reasons, item.reason)
            continue
        match = detector.check(item.doc_id, item.text)
        if match:
            copies[match.of_doc_id].append(_label(source, item.record))
            what = "exact copy" if match.kind == "exact" else f"near-duplicate (similarity {match.similarity:.2f})"
            duplicate_of.append((match.of_doc_id, f"{what} of article {match.of_doc_id}"))
            status, reason, original = "duplicate", duplicate_of[-1][1], match.of_doc_id
        else:
            kept_ids.append(item.doc_id)
            sink.add("articles", _article_row(item))
            for sentence in item.sentences:
                sink.add("sentences", {"doc_id": item.doc_id, **asdict(sentence)})
            summary.articles += 1
            summary.sentences += len(item.sentences)
            summary.languages[item.language] = summary.languages.get(item.language, 0) + 1
            status, reason, original = "ingested", _ingest_note(item), None
        if is_export:
            sink.add("record_report", {"source": source, "record": item.record, "status": status,
                                       "reason": reason, "doc_id": item.doc_id, "duplicate_of": original})

    n_records = len(items)
    if kept_ids:
        status = "ingested"
        if is_export:
            reason = f"{len(kept_ids)} of {n_records} records ingested" + _tally(duplicate_of, skips)
        else:
            reason = _ingest_note(next(i for i in items if isinstance(i, Article)))
    elif duplicate_of:
        status = "duplicate"
        reason = duplicate_of[0][1] if not is_export else f"all {len(duplicate_of)} ingestible records are duplicates" + _tally([], skips)
    else:
        status = "skipped"
        reason = skips[0].reason if len(skips) == 1 and not is_export else f"no record ingested: {_tally([], skips).lstrip('; ')}"
        key = reason.split(" (")[0]
        summary.skip_reasons[key] = summary.skip_reasons.get(key, 0) + 1
    setattr(summary, status, getattr(summary, status) + 1)
    fmt = next((i.format for i in items if isinstance(i, Article)), Path(source).suffix.lstrip(".").lower() or None)
    sink.add("ingest_report", {
        "source": source, "status": status, "reason": reason, "format": fmt,
        "n_bytes": next((i.n_bytes for i in items if isinstance(i, Article) and not is_export), None),
        "n_records": n_records, "n_ingested": len(kept_ids), "doc_ids": kept_ids,
        "duplicate_of": duplicate_of[0][0] if status == "duplicate" else None,
    })


def _count_kind(counts: dict[str, int], reason: str) -> None:
    """Count ``reason`` under the first reason of its kind (its text before any detail in parentheses)."""
    kind = reason.split(" (")[0]
    key = next((known for known in counts if known.split(" (")[0] == kind), reason)
    counts[key] = counts.get(key, 0) + 1


def _ingest_note(article: Article) -> str:
    parts = [f"{len(article.sentences)} sentences"]
    boilerplate = Counter(line.reason for line in article.removed_lines)
    if boilerplate:
        parts.append("removed " + ", ".join(f"{reason} ×{n}" for reason, n in sorted(boilerplate.items())))
    if article.repairs:
        parts.append("repaired " + ", ".join(article.repairs))
    return "; ".join(parts)


def _tally(duplicates: list, skips: list[Skip]) -> str:
    text = ""
    if duplicates:
        text += f"; {len(duplicates)} duplicate"
    if skips:
        text += f"; {len(skips)} skipped (" + "; ".join(
            (f"record {s.record}: " if s.record is not None else "") + s.reason for s in skips[:5]) + (
            "; …" if len(skips) > 5 else "") + ")"
    return text


def _finish_articles(partial_path: Path, final_path: Path, copies: dict[str, list[str]]) -> None:
    """Rewrite the streamed articles with each kept article's list of duplicates."""
    if not partial_path.exists():
        pq.write_table(SCHEMAS["articles"].empty_table(), final_path)
        return
    source = pq.ParquetFile(partial_path)
    with pq.ParquetWriter(final_path, SCHEMAS["articles"]) as writer:
        for batch in source.iter_batches(batch_size=1024):
            ids = batch.column("doc_id").to_pylist()
            duplicates = pa.array([sorted(copies.get(doc_id, [])) for doc_id in ids], pa.list_(pa.string()))
            index = SCHEMAS["articles"].get_field_index("duplicates")
            writer.write_table(pa.Table.from_batches([batch]).set_column(index, "duplicates", duplicates))
    partial_path.unlink()


def _sentences_by_document(path: Path) -> Iterator[tuple[str, list[dict]]]:
    """Sentences grouped by document, streamed in file order (the order articles were written)."""
    current, rows = None, []
    for batch in pq.ParquetFile(path).iter_batches(batch_size=4096, columns=["doc_id", "sent_idx", "start", "end", "text"]):
        for row in batch.to_pylist():
            if row["doc_id"] != current and rows:
                yield current, rows
                rows = []
            current = row["doc_id"]
            rows.append(row)
    if rows:
        yield current, rows


def load_ner(model: str):
    """An installed spaCy model for optional candidate discovery; a clear error if it is missing."""
    try:
        import spacy
    except ImportError as error:
        raise CorpusError("statistical NER needs spaCy: pip install spacy (or .[bench]), then a model") from error
    try:
        return spacy.load(model, disable=["parser", "lemmatizer"])
    except OSError as error:
        raise CorpusError(f"spaCy model '{model}' is not installed; install it with "
                          f"`python -m spacy download {model}` (needs a network), or run without --ner") from error


_NER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def _ner_candidates(nlp, text: str, mentions) -> list[tuple[int, int, str]]:
    from analysis.actors.extractor import SpanIndex

    taken = SpanIndex((m.start, m.end) for m in mentions)
    return [(e.start_char, e.end_char, e.text) for e in nlp(text).ents
            if e.label_ in _NER_LABELS and not taken.overlaps(e.start_char, e.end_char)]


def actor_rows(extractor, article: dict, sentences: list[dict], nlp=None) -> tuple[list[dict], list[dict], list[dict]]:
    """Rows of ``mentions`` and ``flags``, and the candidate names, of one article.

    Pure apart from the optional spaCy model: the article (``doc_id``, ``text``, ``published``, ``language``)
    and its sentences in, rows out, so it can be mapped over batches in a process pool or on Dask.
    """
    from analysis.actors.extractor import sentence_index

    doc_id, text = article["doc_id"], article["text"]
    starts = [row["start"] for row in sentences]
    result = extractor.extract(text, article["published"], article.get("language"))
    mentions = [{"doc_id": doc_id, "sent_idx": sentence_index(starts, m.start), "start": m.start, "end": m.end,
                 "surface": text[m.start:m.end], "actor_id": m.actor_id, "actor_name": m.actor_name,
                 "actor_type": m.actor_type, "via": m.via, "country": m.country, "sector": m.sector}
                for m in result.mentions]
    flags = [{"doc_id": doc_id, "sent_idx": sentence_index(starts, f.start), "start": f.start, "end": f.end,
              "flag": f.flag, "surface": text[f.start:f.end], "detail": f.detail} for f in result.flags]
    found = [(c.start, c.name, c.kind) for c in result.candidates]
    if nlp is not None:
        found += [(start, name, "ner") for start, _, name in _ner_candidates(nlp, text, result.mentions)]
    candidates = []
    for start, name, kind in found:
        index = sentence_index(starts, start)
        candidates.append({"doc_id": doc_id, "sent_idx": index, "name": name, "kind": kind,
                           "sentence": sentences[index]["text"] if sentences else ""})
    return mentions, flags, candidates


@lru_cache(maxsize=2)
def _actor_extractor(dictionary_dir: str):
    """One compiled extractor per dictionary and process (each pool or Dask worker builds its own once)."""
    from analysis.actors.extractor import ActorExtractor
    from analysis.lexicons.actors import load_dictionary

    return ActorExtractor(load_dictionary(dictionary_dir))


def _actor_batch(dictionary_dir: str, items: list[tuple[dict, list[dict]]]) -> list[tuple]:
    extractor = _actor_extractor(dictionary_dir)
    return [actor_rows(extractor, article, sentences) for article, sentences in items]


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def extract_actor_tables(tables_dir: Path | str, dictionary_dir: Path | str | None = None,
                         progress: bool = True, ner_model: str | None = None, workers: int = 1,
                         mapper: Mapper | None = None) -> dict[str, int]:
    """Write ``mentions``, ``flags`` and ``candidates`` from the ``articles`` and ``sentences`` of a run.

    Rerun it after editing the actor dictionary: ingestion need not run again. Articles are
    mapped in chunks with :func:`actor_rows`, in ``workers`` processes or by ``mapper`` (any
    ordered ``map``, e.g. ``lambda f, xs: client.gather(client.map(f, xs))`` for Dask). With
    ``ner_model`` (an installed spaCy model), its PERSON/ORG/GPE/NORP entities that no mention
    covers are added to the candidates (kind ``ner``; run in this process); nothing else changes.
    """
    from analysis.actors.extractor import group_candidates
    from analysis.lexicons.actors import DEFAULT_DIR, load_dictionary

    tables_dir = Path(tables_dir)
    for table in ("mentions", "flags", "candidates"):
        (tables_dir / f"{table}.parquet").unlink(missing_ok=True)
    folder = str(Path(dictionary_dir or DEFAULT_DIR).resolve())
    load_dictionary(folder)  # a malformed dictionary fails here, with its message, before any work
    nlp = load_ner(ner_model) if ner_model else None
    if nlp is not None:
        extractor = _actor_extractor(folder)
        work, pool = (lambda items: [actor_rows(extractor, a, s, nlp) for a, s in items]), None
    else:
        work = partial(_actor_batch, folder)
        pool = ProcessPoolExecutor(workers) if workers > 1 and mapper is None else None
    map_chunks = (mapper if nlp is None else None) or (pool.map if pool else map)
    articles = pq.ParquetFile(tables_dir / "articles.parquet")
    sentences = _sentences_by_document(tables_dir / "sentences.parquet")
    sink = _TableSink(tables_dir)
    candidates: list[dict] = []
    counts = Counter()
    bar = tqdm(total=articles.metadata.num_rows, unit="doc", desc="Actors", disable=not progress)
    pending = next(sentences, (None, []))
    try:
        for batch in articles.iter_batches(batch_size=256, columns=["doc_id", "text", "published", "language"]):
            items = []
            for article in batch.to_pylist():
                rows = pending[1] if pending[0] == article["doc_id"] else []
                if rows:
                    pending = next(sentences, (None, []))
                items.append((article, rows))
            for results in map_chunks(work, _chunks(items, 32)):
                for mentions, flags, found in results:
                    for row in mentions:
                        sink.add("mentions", row)
                    for row in flags:
                        sink.add("flags", row)
                    candidates += found
                    counts["mentions"] += len(mentions)
                    counts["flags"] += len(flags)
                    bar.update()
            sink.flush()
    finally:
        bar.close()
        sink.close()
        if pool:
            pool.shutdown()
    for table in ("mentions", "flags"):
        if not (tables_dir / f"{table}.parquet").exists():
            pq.write_table(SCHEMAS[table].empty_table(), tables_dir / f"{table}.parquet")
    grouped = group_candidates(candidates)
    pq.write_table(pa.Table.from_pylist(grouped, schema=SCHEMAS["candidates"]), tables_dir / "candidates.parquet")
    counts["candidates"] = len(grouped)
    return dict(counts)


def _options_record(options: RunOptions) -> dict:
    """The options that decide what the tables hold (not how fast they are made)."""
    return {"reader": asdict(options.reader), "near_duplicate_threshold": options.near_duplicate_threshold,
            "actors": options.actors, "network": options.network, "window": options.window, "weight": options.weight,
            "narratives": options.narratives,
            "dictionary": str(options.dictionary_dir) if options.dictionary_dir else "data/lexicons/actors"}


def _inputs_fingerprint(corpus_dir: Path, sources: list[str], options: RunOptions) -> str:
    """A digest of everything the tables depend on: each corpus file's path, size and modification time, the
    options, and the bytes of the package's code and of the lexicons (the project's and a chosen dictionary's)."""
    digest = hashlib.sha256(json.dumps([__version__, _options_record(options)], sort_keys=True).encode())
    for source in sources:
        try:
            stat = (corpus_dir / source).stat()
            state = f"{stat.st_size}\0{stat.st_mtime_ns}"
        except OSError:  # a broken link: skipped by the reader with its reason, and no crash here
            state = "unreadable"
        digest.update(f"{source}\0{state}\n".encode())
    dictionary = sorted(Path(options.dictionary_dir).glob("*.y*ml")) if options.dictionary_dir else []
    for path in [*sorted(config.PACKAGE_DIR.rglob("*.py")), *sorted(config.LEXICON_DIR.rglob("*.y*ml")), *dictionary]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _reusable_summary(corpus_dir: Path, out_dir: Path, inputs: str) -> RunSummary | None:
    """The summary of the run whose tables are in ``out_dir``, if it was made from ``inputs`` and its tables are
    all there; else ``None``."""
    try:
        manifest = json.loads((out_dir / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("inputs") != inputs or not all((out_dir / name).is_file() for name in manifest.get("tables", [])):
        return None
    return RunSummary(corpus=str(corpus_dir), out=str(out_dir), **manifest["counts"])


def _write_manifest(out_dir: Path, corpus_dir: Path, options: RunOptions, summary: RunSummary, inputs: str) -> None:
    """Parameters, versions and counts of the run, so a table can be traced to how it was made."""
    manifest = {
        "analysis_version": __version__,
        "corpus": str(corpus_dir),
        "options": _options_record(options),
        "counts": {k: v for k, v in asdict(summary).items() if k not in {"corpus", "out"}},
        "inputs": inputs,
        "tables": sorted(path.name for path in out_dir.glob("*.parquet")),
    }
    (out_dir / "run.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def ensure_tables(corpus: Path | str, tables_dir: Path | str, progress: bool = False) -> Path:
    """Return ``tables_dir``, first running the pipeline over ``corpus`` if it holds no complete run."""
    tables_dir = Path(tables_dir)
    if not (tables_dir / "run.json").exists() or not (tables_dir / "articles.parquet").exists():
        run(corpus, tables_dir, RunOptions(progress=progress))
    return tables_dir
