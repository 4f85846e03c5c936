"""The run: a corpus folder in, the contract's Parquet tables out — the stages in order, and the manifest.

Files are read in sorted order, in batches; each stage's per-document work is a pure function mapped
over each batch (in this process, in a process pool, or by any ``map``-like callable such as a Dask
client's ``map`` followed by ``gather``), and rows are streamed to Parquet, so memory stays flat as the
corpus grows (:mod:`analysis.tables.stage_io`). The stages: ingestion (:mod:`analysis.ingest.run`; only
duplicate detection keeps state across documents, and every input file gets a row in ``ingest_report``,
a failure inside one file becoming a ``skipped`` row with the error, never a crash of the run), actors
(:mod:`analysis.actors.stage`), the network (:mod:`analysis.network.stage`) and the narratives
(:mod:`analysis.narratives.stage`). ``run.json`` records how the tables were made.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from analysis import __version__, config
from analysis.actors.stage import actor_rows, extract_actor_tables, load_ner
from analysis.errors import CorpusError
from analysis.ingest.readers import ReaderOptions, list_corpus
from analysis.ingest.run import IngestCounts, ingest_corpus, process_file
from analysis.narratives.claim_words import claim_languages
from analysis.narratives.stage import write_narrative_tables
from analysis.network.stage import write_network_tables
from analysis.tables.schemas import SCHEMAS
from analysis.tables.stage_io import Mapper, remove_table

# Imported from here by the command line, notebooks and tests; the stages live in their subpackages.
__all__ = ["RunOptions", "RunSummary", "run", "check_corpus", "ensure_tables", "CorpusError", "Mapper",
           "extract_actor_tables", "actor_rows", "load_ner", "process_file"]


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
        if len(self.languages) > 1:
            lines.append("Language " + ", ".join(f"{code} {n}" for code, n in sorted(self.languages.items(),
                                                                                       key=lambda kv: (-kv[1], kv[0]))))
        unread = sum(n for code, n in self.languages.items() if code not in claim_languages())
        if unread:  # say what the articles the claim rules cannot read still give
            lines.append(f"         currency-shift claims are read in {', '.join(claim_languages())}; "
                         + (f"the {unread} articles in other languages add" if unread > 1 else
                            "the article in another language adds") + " actors, network ties and frames")
        if self.skip_reasons:
            lines.append("Skipped  (see ingest_report.parquet for every file)")
            lines += [f"  {count:>5}  {reason}" for reason, count in sorted(self.skip_reasons.items(), key=lambda kv: (-kv[1], kv[0]))]
        if self.record_skip_reasons:
            lines.append("Records  skipped in JSONL/JSON/CSV exports (see record_report.parquet for every record)")
            lines += [f"  {count:>5}  {reason}" for reason, count in sorted(self.record_skip_reasons.items(),
                                                                            key=lambda kv: (-kv[1], kv[0]))]
        return "\n".join(lines)


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

    for table in SCHEMAS:  # a previous run's tables (and any it left half-written) must not survive into this one
        remove_table(out_dir, table)

    summary = RunSummary(corpus=str(corpus_dir), out=str(out_dir), files=len(sources))
    ingested = ingest_corpus(corpus_dir, out_dir, sources, options.reader, options.near_duplicate_threshold,
                             options.batch_size, options.workers, mapper, options.progress)
    for counted in fields(IngestCounts):
        setattr(summary, counted.name, getattr(ingested, counted.name))
    if options.actors:
        counts = extract_actor_tables(out_dir, options.dictionary_dir, options.progress, workers=options.workers,
                                      mapper=mapper)
        summary.mentions, summary.flags = counts.get("mentions", 0), counts.get("flags", 0)
        if options.network:  # built from the mentions, so only after actor extraction
            counts = write_network_tables(out_dir, window=options.window, weight=options.weight,
                                          progress=options.progress)
            summary.edges, summary.interactions = counts["edges"], counts["interactions"]
        if options.narratives:
            counts = write_narrative_tables(out_dir, progress=options.progress, workers=options.workers, mapper=mapper)
            summary.amounts, summary.claims, summary.frames = counts["amounts"], counts["claims"], counts["frames"]
            summary.implausible = counts["plausibility"]
    _write_manifest(out_dir, corpus_dir, options, summary, inputs)
    return summary


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
