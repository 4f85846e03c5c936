"""Command line: ``python -m analysis run|report``. ``--help`` on each explains every option."""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from analysis import __version__, config
from analysis.actors.drafts import draft_entries
from analysis.actors.evaluate import evaluate, render
from analysis.cluster import cluster_mapper
from analysis.errors import ClusterError, CorpusError, GoldError, LexiconError, ReportError
from analysis.evaluation import evaluate_facts, render_facts
from analysis.ingest.readers import EXPORT_FIELDS, ReaderOptions
from analysis.lexicons.actors import DEFAULT_DIR, load_dictionary
from analysis.pipeline import RunOptions, check_corpus, extract_actor_tables, run
from analysis.report.run import PATHS, build_report, numbered_notebooks, parse_parameters
from analysis.tables.store import how_to_write, read_table

__all__ = ["build_parser", "cmd_actors_candidates", "cmd_actors_check", "cmd_actors_extract", "cmd_evaluate",
           "cmd_report", "cmd_run", "default_out", "main", "notebook_parameters_help", "report_parameters"]


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    io = parser.add_argument_group("input and output")
    io.add_argument("--corpus", type=Path, default=config.SAMPLE_CORPUS,
                    help="folder of articles, searched recursively (default: the synthetic sample, %(default)s)")
    io.add_argument("--out", type=Path, default=None,
                    help="folder for the Parquet tables (default: data/processed/<corpus folder name>)")
    _add_export_options(parser)
    tuning = parser.add_argument_group("tuning")
    tuning.add_argument("--max-file-mb", type=float, default=20.0,
                        help="skip single-article files larger than this, with a reason (default: %(default)s)")
    tuning.add_argument("--near-duplicate-threshold", type=float, default=0.8, metavar="JACCARD",
                        help="estimated Jaccard similarity of word 5-shingles above which a document is a "
                             "near-duplicate of an earlier one (default: %(default)s)")
    tuning.add_argument("--batch-size", type=int, default=128, help="files per batch (default: %(default)s)")
    _add_placement_options(tuning)
    tuning.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    actors = parser.add_argument_group("actors")
    actors.add_argument("--dictionary", type=Path, default=None, metavar="DIR",
                        help="actor dictionary folder of *.yaml files (default: data/lexicons/actors)")
    actors.add_argument("--no-actors", action="store_true", help="only ingest; skip mentions, flags and candidates")
    network = parser.add_argument_group("actor network")
    network.add_argument("--window", choices=("sentence", "paragraph", "document"), default="sentence",
                         help="two actors co-occur when named in the same window (default: %(default)s)")
    network.add_argument("--weight", choices=("count", "n_docs", "jaccard", "pmi", "npmi"), default="npmi",
                         help="the measure copied into the edges table's weight column (default: %(default)s)")
    network.add_argument("--no-network", action="store_true", help="skip the edges and interactions tables")
    narratives = parser.add_argument_group("currency-shift narratives")
    narratives.add_argument("--no-narratives", action="store_true",
                            help="skip the amounts, claims, frames and plausibility tables")


def _add_placement_options(parser) -> None:
    """Where the per-document work runs, shared by `run` and `report` (whose tables it does not change)."""
    parser.add_argument("--workers", type=int, default=1,
                        help="processes for per-document work: ingestion, actors, narratives (default: %(default)s)")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="do the per-document work on a Dask cluster: its scheduler's address (tcp://host:8786), "
                             "or 'local' for a cluster of --workers processes on this machine. Workers must see the "
                             "corpus and the lexicons at the same paths (needs the `cluster` extra)")


def _add_export_options(parser: argparse.ArgumentParser) -> None:
    """The reader's field options, shared by `run` and `report` (which passes them on as parameters)."""
    exports = parser.add_argument_group("JSONL/JSON/CSV exports: which field holds what")
    for name in EXPORT_FIELDS:
        default = getattr(ReaderOptions, name)
        exports.add_argument(f"--{name.replace('_', '-')}", default=default, metavar="NAME",
                             help=f"(default: {default})")


def _run_options(args: argparse.Namespace):
    reader = ReaderOptions(max_file_mb=args.max_file_mb, **{name: getattr(args, name) for name in EXPORT_FIELDS})
    return RunOptions(reader=reader, near_duplicate_threshold=args.near_duplicate_threshold,
                      batch_size=args.batch_size, workers=args.workers, progress=not args.no_progress,
                      actors=not args.no_actors, dictionary_dir=args.dictionary,
                      network=not args.no_actors and not args.no_network, window=args.window, weight=args.weight,
                      narratives=not args.no_actors and not args.no_narratives)


def default_out(corpus: Path) -> Path:
    return config.PROCESSED_DIR / config.corpus_name(corpus)


def cmd_run(args: argparse.Namespace) -> int:
    out = args.out or default_out(args.corpus)
    try:
        if args.scheduler:
            check_corpus(args.corpus)  # a wrong --corpus is told before a cluster starts
        with cluster_mapper(args.scheduler, args.workers, args.corpus, args.dictionary) as mapper:
            summary = run(args.corpus, out, _run_options(args), mapper=mapper)
    except (CorpusError, LexiconError, ClusterError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(summary.render())
    return 0


def cmd_actors_check(args: argparse.Namespace) -> int:
    try:
        dictionary = load_dictionary(args.dictionary or DEFAULT_DIR)
    except LexiconError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    types = Counter(actor.type for actor in dictionary.actors.values())
    print(f"{len(dictionary.actors)} actors (" + ", ".join(f"{n} {t}" for t, n in sorted(types.items())) +
          f"), {len(dictionary.alias_owners)} names and aliases")
    if dictionary.language_aliases:
        print("forms matched only in their language: " + ", ".join(
            f"{language} {len(forms)}" for language, forms in sorted(dictionary.language_aliases.items())))
    if dictionary.language_descriptions:
        print("role and body descriptions read only in their language (el presidente ruso): " + ", ".join(
            f"{language} {len(found)}" for language, found in sorted(dictionary.language_descriptions.items())))
    joined = sorted(form for actor in dictionary.actors.values() for form in actor.combining_forms)
    if joined:
        print(f"forms matched only before a hyphen and another country (Russo-Chinese): {', '.join(joined)}")
    if dictionary.language_combining:
        print("the same in their language (sino-rusas): " + "; ".join(
            f"{language} {', '.join(sorted(forms))}" for language, forms in sorted(dictionary.language_combining.items())))
    shared = dictionary.shared_by_date()
    if shared:
        print(f"{len(shared)} aliases shared by people whom the country named beside them or the article's date "
              "tells apart: "
              + "; ".join(f"{alias!r}: {', '.join(ids)}" for alias, ids in shared))
    conflicts = dictionary.conflicts()
    print(f"{len(conflicts)} aliases claimed by more than one actor (not matched until resolved):")
    for alias, ids in conflicts:
        print(f"  {alias!r}: {', '.join(ids)}")
    if conflicts:  # a failing status, so that a check in a script or CI stops on them
        print("keep each alias on one entry, or give people who share one dated roles", file=sys.stderr)
        return 1
    return 0


def _missing_tables(tables: Path, *names: str) -> bool:
    """Print which of the tables ``names`` are missing from ``tables``, and how to write them; whether any is."""
    missing = [f"{name}.parquet" for name in names if not (tables / f"{name}.parquet").is_file()]
    if missing:
        print(f"error: {', '.join(missing)} not found in {tables}; write the tables with `{how_to_write(tables)}` "
              f"(`make run` for the sample), or pass --tables a report's tables (reports/sample/tables after "
              f"`make report`)", file=sys.stderr)
    return bool(missing)


def cmd_actors_extract(args: argparse.Namespace) -> int:
    if _missing_tables(args.tables, "articles", "sentences"):
        return 2
    try:
        counts = extract_actor_tables(args.tables, args.dictionary, progress=not args.no_progress, ner_model=args.ner)
    except (LexiconError, FileNotFoundError, CorpusError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(", ".join(f"{n} {name}" for name, n in sorted(counts.items())) + f" written to {args.tables}")
    return 0


def cmd_actors_candidates(args: argparse.Namespace) -> int:
    if _missing_tables(args.tables, "candidates"):
        return 2
    try:
        dictionary = load_dictionary(args.dictionary or DEFAULT_DIR)
    except LexiconError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    text = draft_entries(read_table(args.tables, "candidates"), dictionary, top=args.top, min_mentions=args.min_mentions)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"{text.count(chr(10) + '  - ')} draft entries written to {args.out}")
    else:
        print(text, end="")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    if _missing_tables(args.tables, "articles", "mentions"):
        return 2
    facts = args.gold.suffix.lower() in (".yaml", ".yml")  # a gold-facts file: every stage, claims included
    try:
        result = (evaluate_facts(args.gold, args.tables) if facts
                  else evaluate(args.gold, args.tables, tuple(args.types.split(","))))
    except (GoldError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    text = render_facts(result) if facts else render(result)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else text)
    return 0


def report_parameters(args: argparse.Namespace) -> dict:
    """The notebook parameters of `report`: --params, -p, and the export fields (--text-field NAME is
    -p text_field=NAME; only those changed from the default, so report.json lists what the reader chose)."""
    parameters = parse_parameters(args.parameter, args.params)
    parameters.update({name: getattr(args, name) for name in EXPORT_FIELDS
                       if getattr(args, name) != getattr(ReaderOptions, name)})
    return parameters


def cmd_report(args: argparse.Namespace) -> int:
    try:
        path = build_report(args.corpus, args.name, report_parameters(args), show_code=args.show_code,
                            workers=args.workers, scheduler=args.scheduler)
    except ReportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Report written to {path}; open {path / 'index.html'}")
    return 0


def notebook_parameters_help() -> str:
    """Every parameter the numbered notebooks declare, with its default, its comment and the notebooks using it."""
    import papermill as pm

    found: dict[str, dict] = {}
    for notebook in numbered_notebooks():
        for name, spec in pm.inspect_notebook(str(notebook)).items():
            if name not in PATHS:
                entry = found.setdefault(name, {"default": spec["default"], "help": spec["help"], "notebooks": []})
                entry["notebooks"].append(notebook.name[:2])
    rows = {name: (f"{name} = {entry['default']}", f"{entry['help']} ({', '.join(entry['notebooks'])})".strip())
            for name, entry in sorted(found.items())}
    width = max(len(left) for left, _ in rows.values())
    return "\n".join(f"  {left:<{width}}  {right}" for left, right in rows.values())


class _ReportHelp(argparse.Action):
    """-h for `report`: the notebooks' parameters are read only when asked for, not on every command."""

    def __call__(self, parser, namespace, values, option_string=None):
        parser.epilog = ("notebook parameters (-p NAME=VALUE or --params FILE.yaml; default; used by notebooks):\n"
                         + notebook_parameters_help())
        parser.print_help()
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Geonarratives: from a folder of scraped news to tables, notebooks and reports.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run_command = commands.add_parser(
        "run", help="ingest a corpus and write the data contract's Parquet tables",
        description="Read every file below --corpus (txt, md, html, jsonl, json, csv), clean it, drop duplicates, "
                    "split sentences, and write articles, ingest_report, record_report and sentences as Parquet "
                    "into --out.")
    _add_run_options(run_command)
    run_command.set_defaults(func=cmd_run)

    actors = commands.add_parser("actors", help="check the actor dictionary, or re-extract actors after editing it")
    actor_commands = actors.add_subparsers(dest="actor_command", required=True, metavar="ACTION")
    check = actor_commands.add_parser("check", help="validate the dictionary and list conflicts (one alias, several actors)")
    check.add_argument("--dictionary", type=Path, default=None, metavar="DIR")
    check.set_defaults(func=cmd_actors_check)
    extract = actor_commands.add_parser("extract", help="write mentions, flags and candidates for existing tables")
    extract.add_argument("--tables", type=Path, default=config.PROCESSED_DIR / "sample",
                         help="folder with articles and sentences tables (default: %(default)s)")
    extract.add_argument("--dictionary", type=Path, default=None, metavar="DIR")
    extract.add_argument("--no-progress", action="store_true")
    extract.add_argument("--ner", default=None, metavar="MODEL",
                         help="an installed spaCy model (e.g. en_core_web_sm) whose entities add dictionary candidates")
    extract.set_defaults(func=cmd_actors_extract)
    drafts = actor_commands.add_parser("candidates", help="draft dictionary entries for the top discovered names")
    drafts.add_argument("--tables", type=Path, default=config.PROCESSED_DIR / "sample",
                        help="folder with the candidates table (default: %(default)s)")
    drafts.add_argument("--dictionary", type=Path, default=None, metavar="DIR")
    drafts.add_argument("--top", type=int, default=20, help="how many entries (default: %(default)s)")
    drafts.add_argument("--min-mentions", type=int, default=1, help="fewest mentions of a name (default: %(default)s)")
    drafts.add_argument("--out", type=Path, default=None, metavar="FILE",
                        help="write the YAML here (e.g. into a copy of the dictionary folder) instead of printing it")
    drafts.set_defaults(func=cmd_actors_candidates)

    evaluation = commands.add_parser(
        "evaluate", help="score a run against gold: actors (JSON Lines), or every stage's facts and claims (YAML)")
    evaluation.add_argument("--gold", type=Path, required=True,
                            help="JSON Lines gold of actors (see analysis/actors/evaluate.py), or a YAML gold-facts "
                                 "file with actors, amounts, dates, frames and claims (see analysis/evaluation.py)")
    evaluation.add_argument("--tables", type=Path, default=config.PROCESSED_DIR / "sample",
                            help="tables of a run over the same corpus (default: %(default)s)")
    evaluation.add_argument("--types", default="person,country,organization,group",
                            help="actor types scored, comma-separated (default: %(default)s)")
    evaluation.add_argument("--json", action="store_true", help="print the full result as JSON")
    evaluation.set_defaults(func=cmd_evaluate)

    report = commands.add_parser("report", help="execute the numbered notebooks over a corpus into reports/NAME",
                                 description="Ingest --corpus, then execute notebooks/[0-9][0-9]-*.ipynb in order with "
                                             "papermill into reports/NAME/, passing the parameters given.",
                                 formatter_class=argparse.RawDescriptionHelpFormatter, add_help=False)
    report.add_argument("-h", "--help", action=_ReportHelp, nargs=0, help="show this help, with every notebook "
                                                                          "parameter and its default, and exit")
    report.add_argument("--corpus", type=Path, default=config.SAMPLE_CORPUS,
                        help="folder of articles (default: the synthetic sample, %(default)s)")
    report.add_argument("--name", default=None, help="report folder name under reports/ (default: corpus folder name)")
    report.add_argument("-p", "--parameter", action="append", default=[], metavar="KEY=VALUE",
                        help="a notebook parameter, e.g. -p start_date=2024-01-01 (repeatable; values are YAML)")
    report.add_argument("--show-code", action="store_true", help="keep the code cells in the HTML pages")
    report.add_argument("--params", type=Path, default=None, metavar="FILE.yaml", help="notebook parameters from a YAML file")
    _add_placement_options(report)
    _add_export_options(report)
    report.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()  # here, where a closed pipe can still be handled, rather than at exit
        return status
    except BrokenPipeError:
        # The reader stopped early (``... | head``): not an error of ours. Point stdout at devnull
        # so that Python's flush at exit does not raise again (as the signal module's docs advise).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
