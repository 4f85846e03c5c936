"""Parameterised reports: execute the numbered notebooks with papermill into ``reports/NAME/``."""
from __future__ import annotations

from pathlib import Path

import yaml

from analysis import config


class ReportError(RuntimeError):
    """A report could not be built; the message names the notebook, cell or parameter at fault."""


def parse_parameters(pairs: list[str], params_file: Path | None = None) -> dict:
    """Notebook parameters from a YAML file and ``key=value`` pairs (values read as YAML)."""
    parameters: dict = {}
    if params_file:
        try:
            loaded = yaml.safe_load(Path(params_file).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise ReportError(f"cannot read parameters file '{params_file}': {error}") from error
        if not isinstance(loaded, dict):
            raise ReportError(f"parameters file '{params_file}' must hold a mapping of name: value")
        parameters.update(loaded)
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ReportError(f"parameter '{pair}' is not of the form key=value (e.g. -p start_date=2024-01-01)")
        parameters[key.strip()] = yaml.safe_load(value) if value else ""
    # YAML reads 2024-01-01 as a date; notebooks take plain strings.
    return {key: (value.isoformat() if hasattr(value, "isoformat") else value) for key, value in parameters.items()}


def numbered_notebooks() -> list[Path]:
    return sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


def export_html(notebook: Path, show_code: bool = False) -> Path:
    """A reader-facing HTML page beside the executed notebook (code hidden unless ``show_code``)."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=not show_code, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    target = notebook.with_suffix(".html")
    target.write_text(body, encoding="utf-8")
    return target


def build_report(corpus: Path | str, name: str | None, parameters: dict, kernel_name: str = "python3",
                 reports_dir: Path = config.REPORTS_DIR, show_code: bool = False) -> Path:
    """Execute every numbered notebook over ``corpus`` into ``reports_dir/name``; return that folder."""
    import papermill as pm

    corpus = Path(corpus).resolve()
    if not corpus.is_dir():
        raise ReportError(f"corpus folder '{corpus}' does not exist; pass --corpus DIR")
    name = name or config.corpus_name(corpus)
    report_dir = Path(reports_dir) / name
    report_dir.mkdir(parents=True, exist_ok=True)
    common = {"corpus": str(corpus), "tables_dir": str(report_dir / "tables"),
              "figures_dir": str(report_dir / "figures"), **parameters}
    notebooks = {notebook: set(pm.inspect_notebook(str(notebook))) for notebook in numbered_notebooks()}
    known = set().union(*notebooks.values())
    if set(parameters) - known:
        raise ReportError(f"unknown parameter(s) {sorted(set(parameters) - known)}; the notebooks declare {sorted(known)}")
    for notebook, declared in notebooks.items():
        output = report_dir / notebook.name
        print(f"Executing {notebook.name} → {output}")
        try:
            pm.execute_notebook(str(notebook), str(output), cwd=str(config.NOTEBOOKS_DIR), kernel_name=kernel_name,
                                parameters={k: v for k, v in common.items() if k in declared}, progress_bar=False)
        except pm.PapermillExecutionError as error:
            raise ReportError(f"notebook {notebook.name} failed in cell {error.exec_count}: {error.ename}: "
                              f"{error.evalue}; the partial output is kept in {output}") from error
        export_html(output, show_code)
    return report_dir
