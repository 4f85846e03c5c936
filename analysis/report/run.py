"""Parameterised reports: execute the numbered notebooks with papermill into ``reports/NAME/``.

A report folder holds, for readers who never open Jupyter:

- every numbered notebook executed with the chosen parameters (``NN-*.ipynb``) and a reader-facing HTML page of
  each (``NN-*.html``, code hidden unless asked for, as ``nbconvert --no-input`` does);
- the tables the notebooks wrote (``tables/``) and the figures they saved (``figures/``);
- ``index.html``, a one-page summary that links everything (:mod:`analysis.report.index`);
- ``report.json``: parameters, package versions, notebooks and timings.

Same inputs give the same report apart from the timestamps and timings in ``report.json``.

The focus-actor brief of notebook 05 is built by :mod:`analysis.report.brief`, the index page by
:mod:`analysis.report.index`.
"""
from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import json
import platform
import re
import shutil
import time
from importlib import metadata
from pathlib import Path

import jinja2
import yaml

from analysis import __version__, config
from analysis.cluster import cluster_mapper
from analysis.errors import ClusterError, CorpusError, LexiconError, NothingToShow, PeriodError, ReportError
from analysis.ingest.readers import EXPORT_FIELDS, ReaderOptions
from analysis.network.cooccurrence import WEIGHTS, WINDOWS
from analysis.pipeline import RunOptions, run
from analysis.report.brief import check_focus_actor, focus_actor_note
from analysis.report.index import TEMPLATES_DIR, write_index
from analysis.tables.store import Period

__all__ = ["GENERATED", "KERNEL_ARGUMENTS", "KEY_LIBRARIES", "PATHS", "RUN_PARAMETERS", "PAGE_TEMPLATE",
           "ReportError", "build_report", "check_settings", "coerce_parameter", "declared_parameters",
           "export_html", "failed_cell", "joined_streams", "numbered_notebooks", "package_versions",
           "parse_parameters", "report_settings", "run_options"]

# Arguments of every kernel that executes a notebook: its errors still show, but not its warning, once per
# notebook, that a kernel on this machine's loopback is not encrypted, which tells a reader nothing.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]

# Libraries whose versions change what a report shows; listed in index.html and report.json when installed.
KEY_LIBRARIES = ("pandas", "pyarrow", "duckdb", "matplotlib", "seaborn", "networkx", "papermill", "nbconvert",
                 "ftfy", "trafilatura", "syntok", "datasketch", "ahocorasick_rs")

# The generated files of a report folder; only these are removed when a report is rebuilt under the same name.
GENERATED = ("*.ipynb", "*.html", "report.json", "tables", "figures")


def parse_parameters(pairs: list[str], params_file: Path | None = None) -> dict:
    """Notebook parameters from a YAML file and ``key=value`` pairs (values read as YAML).

    >>> parse_parameters(["start_date=2024-01-01", "top_n=5", "focus_actor=Xi Jinping", "frames=[gold, brics]"])
    {'start_date': '2024-01-01', 'top_n': 5, 'focus_actor': 'Xi Jinping', 'frames': ['gold', 'brics']}
    """
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

    >>> coerce_parameter("focus_actor", 2024, "Xi Jinping", "05-report.ipynb")
    '2024'
    >>> coerce_parameter("frames", "sanctions, gold", [], "04-currency-narratives.ipynb")
    ['sanctions', 'gold']
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


# The page of an executed notebook: nbconvert's lab template without its CDN scripts, with a link to the index
# (see the template). Not named index.html.j2: it extends the lab template of that name.
PAGE_TEMPLATE = "notebook_page.html.j2"


def export_html(notebook: Path, show_code: bool = False, index_link: bool = False) -> Path:
    """A reader-facing HTML page beside the executed notebook (code hidden unless ``show_code``).

    The page is self-contained: figures are embedded, and no script is fetched from elsewhere. Strings from the
    corpus reach the page already escaped: pandas escapes table cells, nbconvert escapes printed text, and the
    notebooks escape what they write as Markdown (:func:`analysis.report.brief.markdown_text`).
    """
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", template_file=PAGE_TEMPLATE,
                            extra_loaders=[jinja2.FileSystemLoader(TEMPLATES_DIR)],
                            exclude_input=not show_code, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4),
                                          resources={"report_index": index_link})
    target = notebook.with_suffix(".html")
    target.write_text(body, encoding="utf-8")
    return target


def _stable_cell_ids(notebook: Path, stopped_at: int | None = None) -> None:
    """Give papermill's injected-parameters cell a fixed id (papermill draws a random one), and join each
    cell's consecutive printed outputs, so reruns match. A notebook that stopped on purpose in cell ``stopped_at``
    (:class:`analysis.errors.NothingToShow`) ends with that cell's note: papermill's error banners and the cells
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
    reader = ReaderOptions(**{f.name: values[f.name] for f in dataclasses.fields(ReaderOptions) if f.name in values})
    return RunOptions(reader=reader, progress=False, **{f.name: values[f.name] for f in dataclasses.fields(RunOptions)
                                                        if f.name in values and f.name not in ("reader", "progress")})


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
        raise ReportError(f"unknown parameter(s) {sorted(set(parameters) - known)}; the notebooks declare "
                          f"{sorted(known)}")
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
            print(focus_actor_note(values["focus_actor"]))
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
