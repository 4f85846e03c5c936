"""Parameterised reports: execute the numbered notebooks with papermill into ``reports/NAME/``.

A report folder holds, for readers who never open Jupyter:

- every numbered notebook executed with the chosen parameters (``NN-*.ipynb``) and a reader-facing HTML page of
  each (``NN-*.html``, code hidden unless asked for, as ``nbconvert --no-input`` does);
- the tables the notebooks wrote (``tables/``) and the figures they saved (``figures/``);
- ``index.html``, a one-page summary that links everything (:mod:`analysis.report.index`);
- ``report.json``: parameters, package versions, notebooks and timings.

Same inputs give the same report apart from the timestamps and timings in ``report.json``.

The second half of the module builds the focus-actor brief of ``notebooks/05-report.ipynb`` from the tables
the earlier notebooks wrote; a missing table is reported in the brief, never raised.
"""
from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import difflib
import html
import json
import platform
import re
import shutil
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pandas as pd
import yaml

from analysis import __version__, config
from analysis.errors import ReportError
from analysis.ingest.readers import EXPORT_FIELDS
from analysis.narratives.plausibility import implausible_rows
from analysis.tables.store import optional_table

# Arguments of every kernel that executes a notebook: its errors still show, but not its warning, once per
# notebook, that a kernel on this machine's loopback is not encrypted, which tells a reader nothing.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]

# Libraries whose versions change what a report shows; listed in index.html and report.json when installed.
KEY_LIBRARIES = ("pandas", "pyarrow", "duckdb", "matplotlib", "seaborn", "networkx", "papermill", "nbconvert",
                 "ftfy", "trafilatura", "syntok", "datasketch", "ahocorasick_rs")

# The generated files of a report folder; only these are removed when a report is rebuilt under the same name.
GENERATED = ("*.ipynb", "*.html", "report.json", "tables", "figures")


def parse_parameters(pairs: list[str], params_file: Path | None = None) -> dict:
    """Notebook parameters from a YAML file and ``key=value`` pairs (values read as YAML)."""
    parameters: dict = {}
    if params_file:
        try:
            loaded = yaml.safe_load(Path(params_file).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise ReportError(f"cannot read parameters file '{params_file}': {error}") from error
        except ValueError as error:  # a date YAML cannot build (start_date: 2024-13-01)
            raise ReportError(f"parameters file '{params_file}' holds an impossible date ({error}); dates are "
                              "YYYY-MM-DD") from error
        if not isinstance(loaded, dict):
            raise ReportError(f"parameters file '{params_file}' must hold a mapping of name: value")
        parameters.update(loaded)
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ReportError(f"parameter '{pair}' is not of the form key=value (e.g. -p start_date=2024-01-01)")
        try:
            parameters[key.strip()] = yaml.safe_load(value) if value else ""
        except (yaml.YAMLError, ValueError):
            # "a: b" or an unbalanced quote, or a date YAML cannot build (2024-13-01): the text as written,
            # which the parameter's own check then names
            parameters[key.strip()] = value
    # YAML reads 2024-01-01 as a date; notebooks take plain strings.
    return {key: (value.isoformat() if hasattr(value, "isoformat") else value) for key, value in parameters.items()}


def numbered_notebooks() -> list[Path]:
    return sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


def declared_parameters(notebook: Path) -> dict:
    """The parameters a notebook declares, name → default value (literals of its ``parameters`` cell)."""
    import papermill as pm

    declared = {}
    for name, spec in pm.inspect_notebook(str(notebook)).items():
        try:
            declared[name] = ast.literal_eval(spec["default"])
        except (ValueError, SyntaxError):
            declared[name] = None  # not a literal: no type to check against
    return declared


def coerce_parameter(name: str, value, default, notebook: str):
    """``value`` in the type of the notebook's ``default`` (papermill passes values as they are).

    A string default takes numbers as their text (``-p focus_actor=2024`` stays a name) and lists joined by commas;
    a list default takes a comma-separated string (``-p frames=sanctions,brics_currency``); numbers and booleans
    must be what they say.
    """
    if default is None or value is None or value == "":
        return value
    if isinstance(default, str):
        if isinstance(value, bool):
            raise ReportError(f"parameter {name} of {notebook} expects text, got {value!r} (YAML reads yes/no/true/"
                              f"false as booleans; quote it: -p {name}='\"{value}\"')")
        if isinstance(value, list | tuple):  # -p frames=[a, b] for a notebook that takes "a,b"
            return ",".join(str(item) for item in value)
        return str(value) if isinstance(value, int | float) else value
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ReportError(f"parameter {name} of {notebook} expects true or false, got {value!r}")
        return value
    if isinstance(default, int | float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ReportError(f"parameter {name} of {notebook} expects a number (default {default!r}), got {value!r}")
        return float(value) if isinstance(default, float) else value
    if isinstance(default, list | tuple):
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list | tuple):
            raise ReportError(f"parameter {name} of {notebook} expects a list (e.g. -p {name}=a,b), got {value!r}")
        return list(value)
    return value


def package_versions() -> dict[str, str]:
    """Python, this package and the key libraries (those installed), for the report's provenance."""
    versions = {"python": platform.python_version(), "geonarratives": __version__}
    for name in KEY_LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


# nbconvert's lab template loads require.js, MathJax and mermaid from a CDN. Report pages must open offline (and
# without third-party requests), and nothing in them needs those scripts, so they are left out; formulas in
# Markdown cells then show as their TeX source. A link back to the report's index is added at the top.
_PAGE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block body_header -%}
{{ super() }}
{%- if resources.report_index %}<nav class="report-nav" style="padding: 0.5em 1em"><a href="index.html">&larr; Report index</a></nav>{% endif -%}
{%- endblock body_header -%}
"""


def export_html(notebook: Path, show_code: bool = False, index_link: bool = False) -> Path:
    """A reader-facing HTML page beside the executed notebook (code hidden unless ``show_code``).

    The page is self-contained: figures are embedded, and no script is fetched from elsewhere. Strings from the
    corpus reach the page already escaped: pandas escapes table cells, nbconvert escapes printed text, and the
    notebooks escape what they write as Markdown (:func:`markdown_text`).
    """
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", template_file="geonarratives_report.html.j2",
                            extra_loaders=[jinja2.DictLoader({"geonarratives_report.html.j2": _PAGE_TEMPLATE})],
                            exclude_input=not show_code, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4),
                                          resources={"report_index": index_link})
    target = notebook.with_suffix(".html")
    target.write_text(body, encoding="utf-8")
    return target


def _stable_cell_ids(notebook: Path, stopped_at: int | None = None) -> None:
    """Give papermill's injected-parameters cell a fixed id (papermill draws a random one), and join each
    cell's consecutive printed outputs, so reruns match. A notebook that stopped on purpose in cell ``stopped_at``
    (:class:`analysis.tables.period.NothingToShow`) ends with that cell's note: papermill's error banners and the cells
    that never ran are left out of the page."""
    import nbformat
    from papermill.execute import ERROR_MARKER_TAG

    executed = nbformat.read(notebook, as_version=4)
    if stopped_at is not None:
        executed.cells = [cell for cell in executed.cells
                          if ERROR_MARKER_TAG not in cell.metadata.get("tags", [])][:stopped_at + 1]
    for cell in executed.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"
    nbformat.write(joined_streams(executed), notebook)


def failed_cell(notebook: Path, cell_index: int, exec_count: int | None) -> str:
    """Where a cell of an executed notebook failed, as a reader finds it: its number, its place among the
    cells and the heading of its section (papermill's own marker cells not counted)."""
    import nbformat
    from papermill.execute import ERROR_MARKER_TAG

    cells = [cell for cell in nbformat.read(notebook, as_version=4).cells
             if ERROR_MARKER_TAG not in cell.metadata.get("tags", [])]
    headings = [line.lstrip("#").strip() for cell in cells[:cell_index] if cell.cell_type == "markdown"
                for line in cell.source.splitlines() if line.startswith("#")]
    place = f"cell {cell_index + 1} of {len(cells)}" + (f", section '{headings[-1]}'" if headings else "")
    return f"cell [{exec_count}] ({place})"


def joined_streams(notebook):
    """``notebook`` with each cell's consecutive outputs to one stream joined into one: the kernel sends
    printed text in pieces whose cuts depend on timing, so the same run would otherwise store it differently."""
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    joined, _ = CoalesceStreamsPreprocessor().preprocess(notebook, {})
    return joined


def _check_name(name: str) -> str:
    if not re.fullmatch(r"[\w][\w.\-]*", name):
        raise ReportError(f"report name '{name}' must be letters, digits, '.', '-' or '_' (it names a folder "
                          "under reports/)")
    return name


def _clear_generated(report_dir: Path) -> None:
    """Remove what an earlier build of this report wrote, so nothing stale is linked from the new index."""
    for pattern in GENERATED:
        for path in sorted(report_dir.glob(pattern)):
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def _write_manifest(report_dir: Path, manifest: dict) -> None:
    (report_dir / "report.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
                                            encoding="utf-8")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# What every notebook gets from the report itself rather than from the reader's parameters.
PATHS = ("corpus", "tables_dir", "figures_dir")
# What the report's own run of the pipeline takes (run_options), whichever notebooks are executed.
RUN_PARAMETERS = (*EXPORT_FIELDS, "near_duplicate_threshold", "window", "weight")


def report_settings(parameters: dict, declared: dict[Path, dict]) -> dict[str, dict]:
    """Every parameter the notebooks declare (but the paths) and every run parameter given, with its value in this
    report and the notebooks that use it: ``{name: {"value": …, "default": True when not given, "notebooks":
    ["03", "05"]}}``."""
    settings: dict[str, dict] = {}
    for notebook, defaults in declared.items():
        for key, default in defaults.items():
            if key in PATHS:
                continue
            value = coerce_parameter(key, parameters[key], default, notebook.name) if key in parameters else default
            entry = settings.setdefault(key, {"value": value, "default": key not in parameters, "notebooks": []})
            entry["notebooks"].append(notebook.name[:2])
    for key in set(parameters) & set(RUN_PARAMETERS) - set(settings):
        settings[key] = {"value": parameters[key], "default": False, "notebooks": []}
    return dict(sorted(settings.items()))


def check_settings(values: dict) -> None:
    """Stop before any notebook runs on a date, window or weight the notebooks cannot use, naming it."""
    from analysis.network.graph import WEIGHTS, WINDOWS
    from analysis.tables.period import Period, PeriodError

    for name, allowed in (("window", WINDOWS), ("weight", WEIGHTS)):
        if name in values and values[name] not in allowed:
            raise ReportError(f"parameter {name} '{values[name]}' is not one of {', '.join(allowed)} "
                              f"(e.g. -p {name}={allowed[0]})")
    try:
        Period(**{key: values[key] for key in ("start_date", "end_date", "include_undated") if key in values})
    except PeriodError as error:
        raise ReportError(f"parameter {error}") from error


def run_options(values: dict):
    """The pipeline's options that report parameters of the same name set (text_field, window,
    near_duplicate_threshold …): the run the notebooks read is made with the report's choices."""
    from dataclasses import fields

    from analysis.ingest.readers import ReaderOptions
    from analysis.pipeline import RunOptions

    reader = ReaderOptions(**{f.name: values[f.name] for f in fields(ReaderOptions) if f.name in values})
    return RunOptions(reader=reader, progress=False, **{f.name: values[f.name] for f in fields(RunOptions)
                                                        if f.name in values and f.name not in ("reader", "progress")})


def similar_names(name: str, names) -> list[str]:
    """Up to five of ``names`` like ``name``: close spellings (difflib, case ignored), then those sharing its last word."""
    lowered = {candidate.lower(): candidate for candidate in names}
    close = [lowered[match] for match in difflib.get_close_matches(name.lower(), list(lowered), n=5, cutoff=0.6)]
    last = name.split()[-1].lower() if name.split() else ""
    partial = sorted(candidate for candidate in lowered.values() if last and last in candidate.lower().split())
    return list(dict.fromkeys(close + partial))[:5]


def check_focus_actor(actor: str, tables_dir: Path | None = None) -> bool:
    """Stop a report whose focus actor is neither a canonical name of the actor dictionary nor an actor of the
    corpus, suggesting the closest names: a typo would otherwise leave the notebooks about another actor.

    Without ``tables_dir`` (before the corpus is ingested) only the dictionary is read: a canonical name passes
    (``True``), another name of a dictionary actor ("Putin") stops the report at once, and any other name is
    left for the check against the corpus's mentions (``False``), since the corpus may name a new actor.
    """
    from analysis.lexicons.actors import load_dictionary

    dictionary = load_dictionary()
    if actor in dictionary.by_name:
        return True
    owners = sorted({dictionary.actors[actor_id].name for actor_id in dictionary.alias_owners.get(actor, [])})
    mentions = optional_table(tables_dir, "mentions", ["actor_name"]) if tables_dir is not None else None
    corpus_names = set(mentions["actor_name"].dropna()) if mentions is not None else set()
    if actor in corpus_names:
        return True
    if tables_dir is None and not owners:
        return False
    suggestions = owners or similar_names(actor, set(dictionary.by_name) | corpus_names)
    hint = (f"it is another name of {' or '.join(owners)}; use the canonical name" if owners else
            f"did you mean {' or '.join(suggestions)}?" if suggestions else
            "use a canonical name as in mentions.actor_name")
    raise ReportError(f"parameter focus_actor '{actor}' is neither an actor of the dictionary (data/lexicons/actors) "
                      f"nor one named in this corpus; {hint} "
                      f"(e.g. -p focus_actor=\"{suggestions[0] if suggestions else 'Xi Jinping'}\")")


def _focus_actor_note(actor: str) -> str:
    """What a report prints before ingesting for a focus actor the dictionary lacks: it is looked up in the
    corpus afterwards, and a typo of a dictionary name can be stopped (Ctrl-C) before the corpus is read."""
    from analysis.lexicons.actors import load_dictionary

    close = similar_names(actor, set(load_dictionary().by_name))
    return (f"Note: focus_actor '{actor}' is not in the actor dictionary; it is looked up among the actors the "
            f"corpus names once it is ingested" + (f" (did you mean {' or '.join(close)}?)" if close else ""))


def build_report(corpus: Path | str, name: str | None, parameters: dict, kernel_name: str = "python3",
                 reports_dir: Path = config.REPORTS_DIR, show_code: bool = False,
                 notebooks: list[Path] | None = None, workers: int = 1, scheduler: str | None = None) -> Path:
    """Execute every numbered notebook over ``corpus`` into ``reports_dir/name``; return that folder.

    The parameters are checked first (names, types, dates, window, weight); the pipeline then runs once over the
    corpus with the report's export fields and network options into ``<report>/tables``, and the focus actor is
    checked against the actor dictionary and that run. Each notebook gets ``corpus``, ``tables_dir``,
    ``figures_dir`` (``<report>/figures``) and those of ``parameters`` it declares, converted to the type of its
    default. A notebook with nothing to show for the period stops with a note (status ``stopped``) and the next
    one runs; a failing notebook stops the run with a :class:`ReportError` naming the notebook, the cell and its
    section; its partial output, its HTML page and an index marking the failure are kept. ``workers`` and
    ``scheduler`` place the run's per-document work as ``python -m analysis run`` does (processes, a Dask cluster);
    they change where the work is done, not the tables.
    """
    import papermill as pm

    from analysis.cluster import ClusterError, cluster_mapper
    from analysis.errors import LexiconError
    from analysis.pipeline import CorpusError, run
    from analysis.report.index import write_index
    from analysis.tables.period import NothingToShow

    corpus = Path(corpus).resolve()
    if not corpus.is_dir():
        raise ReportError(f"corpus folder '{corpus}' does not exist; pass --corpus DIR")
    name = _check_name(name or config.corpus_name(corpus))
    report_dir = Path(reports_dir).resolve() / name
    tables_dir = report_dir / "tables"
    notebooks = list(notebooks) if notebooks is not None else numbered_notebooks()
    declared = {notebook: declared_parameters(notebook) for notebook in notebooks}
    known = set().union(RUN_PARAMETERS, *declared.values())
    if set(parameters) - known:
        raise ReportError(f"unknown parameter(s) {sorted(set(parameters) - known)}; the notebooks declare {sorted(known)}")
    settings = report_settings(parameters, declared)
    values = {key: entry["value"] for key, entry in settings.items()}
    check_settings(values)
    common = {"corpus": str(corpus), "tables_dir": str(tables_dir), "figures_dir": str(report_dir / "figures"),
              **parameters}
    passed = {notebook.name: {key: coerce_parameter(key, value, defaults[key], notebook.name)
                              for key, value in sorted(common.items()) if key in defaults}
              for notebook, defaults in declared.items()}

    report_dir.mkdir(parents=True, exist_ok=True)
    _clear_generated(report_dir)
    manifest = {"name": name, "corpus": str(corpus), "parameters": dict(sorted(parameters.items())),
                "settings": settings, "tables_dir": "tables", "figures_dir": "figures", "show_code": show_code,
                "versions": package_versions(), "status": "running", "error": None, "started_at": _now(),
                "finished_at": None, "notebooks": [{"notebook": notebook.name, "parameters": passed[notebook.name],
                                                    "status": "pending", "seconds": None} for notebook in notebooks]}
    _write_manifest(report_dir, manifest)

    def stop(message: str, cause: Exception):
        manifest.update(status="failed", error=message, finished_at=_now())
        _write_manifest(report_dir, manifest)
        write_index(report_dir, manifest)
        raise ReportError(message) from cause

    # One run over the corpus, with the report's choices, before any notebook: every notebook reads its tables
    # (notebook 01 shows the run's summary, reusing them), and a focus actor the dictionary lacks is looked up in it.
    try:
        focus_known = "focus_actor" not in values or check_focus_actor(values["focus_actor"])
        if not focus_known:
            print(_focus_actor_note(values["focus_actor"]))
        print(f"Ingesting {corpus} → {tables_dir}")
        options = dataclasses.replace(run_options(values), workers=workers)
        with cluster_mapper(scheduler, workers, corpus, options.dictionary_dir) as mapper:
            print(run(corpus, tables_dir, options, mapper=mapper).render())
        if not focus_known:
            check_focus_actor(values["focus_actor"], tables_dir)
    except (CorpusError, LexiconError, ReportError, ClusterError) as error:
        stop(str(error), error)
    for entry, notebook in zip(manifest["notebooks"], notebooks):
        output = report_dir / notebook.name
        print(f"Executing {notebook.name} → {output}")
        started = time.perf_counter()
        try:
            pm.execute_notebook(str(notebook), str(output), cwd=str(config.NOTEBOOKS_DIR), kernel_name=kernel_name,
                                parameters=passed[notebook.name], progress_bar=False,
                                extra_arguments=KERNEL_ARGUMENTS)
        except pm.PapermillExecutionError as error:
            entry["seconds"] = round(time.perf_counter() - started, 2)
            stopped = error.ename == NothingToShow.__name__
            where = failed_cell(output, error.cell_index, error.exec_count)
            _stable_cell_ids(output, stopped_at=error.cell_index if stopped else None)
            export_html(output, show_code, index_link=True)
            if stopped:
                entry.update(status="stopped", note=error.evalue)
                print(f"  stopped: {error.evalue}")
                continue
            entry["status"] = "failed"
            stop(f"notebook {notebook.name} failed in {where}: {error.ename}: {error.evalue}; the partial output is "
                 f"kept in {output}", error)
        entry.update(status="executed", seconds=round(time.perf_counter() - started, 2))
        _stable_cell_ids(output)
        export_html(output, show_code, index_link=True)
    manifest.update(status="complete", finished_at=_now())
    _write_manifest(report_dir, manifest)
    write_index(report_dir, manifest)
    return report_dir


# --------------------------------------------------------------------------------------------------------------
# The focus-actor brief (notebooks/05-report.ipynb)
# --------------------------------------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~])")


def markdown_text(value) -> str:
    """A corpus string made safe to put in Markdown: HTML escaped, Markdown markup characters backslashed.

    Markdown passes raw HTML through to the page, so a title such as ``<script>…`` would run in the reader's
    browser; escaped, it shows as written.
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


# What the brief calls the windows in which partners are named together.
WINDOW_UNITS = {"sentence": "sentences", "paragraph": "paragraphs", "document": "articles"}


@dataclass
class FocusBrief:
    """What the corpus says about one actor in one period, each part traceable to (doc_id, sent_idx)."""

    actor: str
    period: str                            # the period's label ("2024-01-01 to the latest article")
    n_articles: int                        # articles in the period
    mentions: pd.DataFrame                 # the actor's mentions in the period, with outlet/title/published
    partners: pd.DataFrame | None          # partner, weight, n_sentences (shared windows), n_docs
    claims: pd.DataFrame | None            # currency-shift claims involving the actor
    sources: pd.DataFrame                  # articles naming the actor: outlet, title, published, mentions
    flags: pd.DataFrame | None = None      # quality flags raised on the actor's mentions (flags table)
    missing: list[str] = field(default_factory=list)      # tables not found
    suggestions: list[str] = field(default_factory=list)  # similar actor names, when the actor is absent
    window: str = "sentence"               # the co-occurrence window partners share
    note: str | None = None                # why no article is in the period (analysis.tables.period.Selection.note)

    @property
    def found(self) -> bool:
        return not self.mentions.empty


def focus_brief(tables_dir: Path | str, actor: str, start_date: str = "", end_date: str = "",
                include_undated: bool = True, top: int = 10, window: str = "sentence",
                weight: str = "npmi") -> FocusBrief:
    """Build the brief on ``actor`` (a canonical name) from the tables in ``tables_dir``.

    Everything is read for the articles of the period (:func:`analysis.tables.period.select`). Partners are the actors
    named in the same ``window`` in those articles, weighted by ``weight``: the network of notebook 03 for the
    same parameters. Claims involve the actor when it is the claim's actor, its source (``attributed_to``) or is
    named in the claim's sentence.
    """
    from analysis.tables.period import Period, select

    selection = select(tables_dir, Period(start_date, end_date, include_undated))
    missing = [] if selection.has_articles else ["articles"]
    articles = selection.articles.reindex(columns=["doc_id", "outlet", "title", "published", "source"])
    columns = ["doc_id", "sent_idx", "start", "end", "surface", "actor_name", "actor_type"]
    mentions = selection.optional("mentions", columns)
    if mentions is None:
        missing.append("mentions")
        mentions = pd.DataFrame(columns=columns)
    own = mentions[mentions["actor_name"] == actor].merge(articles, on="doc_id", how="left")
    own = own.sort_values(["published", "doc_id", "sent_idx", "start"], na_position="last").reset_index(drop=True)
    suggestions = similar_names(actor, set(mentions["actor_name"].dropna())) if own.empty else []
    partners = None if "mentions" in missing else _partners(selection.edges(window, weight), actor).head(top)
    sources = (own.groupby("doc_id", sort=False)
               .agg(outlet=("outlet", "first"), title=("title", "first"), published=("published", "first"),
                    mentions=("sent_idx", "size"))
               .reset_index()) if not own.empty else pd.DataFrame(
                   columns=["doc_id", "outlet", "title", "published", "mentions"])
    sources = sources.sort_values(["published", "doc_id"], na_position="last").reset_index(drop=True)
    return FocusBrief(actor=actor, period=selection.period.label, n_articles=len(articles), mentions=own,
                      partners=partners, claims=_claims(selection, actor, own, articles, missing), sources=sources,
                      flags=_flags(selection, own), missing=missing, suggestions=suggestions, window=window,
                      note=selection.note)


def _flags(selection, own: pd.DataFrame) -> pd.DataFrame | None:
    """Quality flags (a title that does not fit the person's role, a truncated name …) overlapping the mentions."""
    flags = selection.optional("flags", ["doc_id", "sent_idx", "start", "end", "flag", "surface", "detail"])
    if flags is None:
        return None
    spans = own[["doc_id", "sent_idx", "start", "end"]]
    paired = flags.merge(spans, on=["doc_id", "sent_idx"], suffixes=("", "_mention"))
    paired = paired[(paired["start"] < paired["end_mention"]) & (paired["start_mention"] < paired["end"])]
    return (paired.drop_duplicates(["doc_id", "sent_idx", "start", "end", "flag"])
            [["doc_id", "sent_idx", "flag", "surface", "detail"]]
            .sort_values(["doc_id", "sent_idx", "flag"]).reset_index(drop=True))


def _partners(edges: pd.DataFrame, actor: str) -> pd.DataFrame:
    """The other end of each of ``actor``'s edges, most shared windows first."""
    own = edges[(edges["source"] == actor) | (edges["target"] == actor)]
    table = pd.DataFrame({"partner": own["target"].where(own["source"] == actor, own["source"]),
                          "weight": own["weight"], "n_sentences": own["n_sentences"], "n_docs": own["n_docs"]})
    # Readers ask "who with, how often": shared windows first; the association weight (e.g. NPMI) ranks
    # rare pairs highest and only breaks ties here.
    return table.sort_values(["n_sentences", "n_docs", "weight", "partner"],
                             ascending=[False, False, False, True]).reset_index(drop=True)


def _claims(selection, actor, own, articles, missing):
    claims = selection.optional("claims")
    if claims is None:
        missing.append("claims")
        return None
    involved = claims["actor_name"] == actor
    if "attributed_to" in claims.columns:
        involved |= claims["attributed_to"] == actor
    sentence_keys = set(zip(own["doc_id"], own["sent_idx"]))
    involved |= pd.Series([key in sentence_keys for key in zip(claims["doc_id"], claims["sent_idx"])],
                          index=claims.index, dtype=bool)
    columns = [column for column in ("doc_id", "sent_idx", "actor_name", "action", "asset", "direction", "amount_usd",
                                     "amount_text", "status", "attributed_to") if column in claims.columns]
    selected = claims.loc[involved, columns].merge(articles[["doc_id", "outlet", "title", "published"]],
                                                   on="doc_id", how="left")
    plausibility = selection.optional("plausibility")
    if plausibility is not None:
        flags = implausible_rows(plausibility)
        if flags is not None and {"doc_id", "sent_idx"} <= set(flags.columns):
            flagged = set(zip(flags["doc_id"], flags["sent_idx"]))
            selected["implausible"] = [key in flagged for key in zip(selected["doc_id"], selected["sent_idx"])]
    return selected.sort_values(["published", "doc_id", "sent_idx"], na_position="last").reset_index(drop=True)


def brief_summary(brief: FocusBrief) -> str:
    """The brief's opening paragraph, as Markdown (every corpus string escaped)."""
    actor = markdown_text(brief.actor)
    if not brief.found:
        text = (f"**{actor} is not mentioned in this corpus/period** ({markdown_text(brief.period)}, "
                f"{brief.n_articles} articles).")
        if "mentions" in brief.missing:
            text += " The `mentions` table was not found, so no actor could be looked up; run notebook 02 first."
        elif brief.note:
            text += " " + markdown_text(brief.note[0].upper() + brief.note[1:]) + "."
        elif brief.suggestions:
            text += " Names found that look similar: " + ", ".join(markdown_text(s) for s in brief.suggestions) + "."
        else:
            text += " Check the spelling against the canonical names in the actor dictionary (`data/lexicons/actors`)."
        return text
    n_docs = brief.mentions["doc_id"].nunique()
    outlets = brief.mentions["outlet"].dropna().nunique()
    dated = brief.sources["published"].dropna()
    if len(dated) == 0:
        span = "none of them dated"
    else:
        span = (f"dated {dated.min()}" if dated.min() == dated.max() else f"dated {dated.min()} to {dated.max()}")
        span += f", {n_docs - len(dated)} undated" if len(dated) < n_docs else ""
    text = (f"**{actor}** is named {len(brief.mentions)} times in {n_docs} of {brief.n_articles} articles "
            f"({outlets} named {'outlet' if outlets == 1 else 'outlets'}; {span}), in {markdown_text(brief.period)}.")
    if brief.partners is not None and not brief.partners.empty:
        top = brief.partners.iloc[0]
        shared = (f"{int(top['n_docs'])} articles" if brief.window == "document" else
                  f"{int(top['n_sentences'])} {WINDOW_UNITS[brief.window]} in {int(top['n_docs'])} articles")
        text += f" Most often named alongside: **{markdown_text(top['partner'])}** ({shared})."
    if brief.claims is not None:
        n = len(brief.claims)
        text += (" No currency-shift claim involves them." if n == 0 else
                 " One currency-shift claim involves them." if n == 1 else f" {n} currency-shift claims involve them.")
    if brief.flags is not None and len(brief.flags):
        text += (f" {len(brief.flags)} quality {'flag was' if len(brief.flags) == 1 else 'flags were'} raised on "
                 "these mentions (see the sources below).")
    return text
