"""The index page of a report folder: a one-page summary for readers who never open Jupyter.

``index.html`` states the corpus, the parameters and the package versions, gives the key numbers read from
the tables the notebooks wrote (whichever exist), lists data-quality notes (skipped files with their reasons,
quality flags by kind, implausible claims), and links every notebook page and figure. It is rendered with
Jinja2 with autoescaping on, so file names, titles and any other string from the corpus show as text, never
as markup; it holds no script and no timestamp, so the same run gives the same page. The page's HTML is the
template ``templates/report_index.html.j2``.
"""
from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pandas as pd

from analysis.narratives.plausibility import implausible_rows
from analysis.report.selection import report_selection
from analysis.tables.store import Period, optional_table

__all__ = ["INDEX_TEMPLATE", "MAX_ROWS", "TEMPLATES_DIR", "figures", "key_numbers", "notebook_title",
           "quality_notes", "render_index", "write_index"]

# How many rows of a data-quality list the page shows; the rest is counted ("and 12 more").
MAX_ROWS = 25
# The Jinja templates of the report's pages, shipped with the package (pyproject's package-data).
TEMPLATES_DIR = Path(__file__).parent / "templates"
INDEX_TEMPLATE = "report_index.html.j2"


def key_numbers(tables_dir: Path | str, period=None, window: str = "sentence") -> list[tuple[str, int | str]]:
    """(label, value) pairs for the tables that exist in ``tables_dir``, in the order of the pipeline: the files of
    the whole corpus (a file has no date until it is read), then the articles of ``period`` and what they hold,
    read as the notebooks read them (:func:`analysis.report.selection.report_selection`); actor pairs in
    ``window``."""
    selection = report_selection(tables_dir, period or Period())
    numbers: list[tuple[str, int | str]] = []
    report = selection.optional("ingest_report", ["status"])
    if report is not None:
        counts = report["status"].value_counts()
        numbers.append(("files read", len(report)))
        numbers += [(label, int(counts.get(kind, 0)))
                    for kind, label in (("ingested", "files ingested"), ("duplicate", "duplicate files"),
                                        ("skipped", "skipped files"))]
    if selection.has_articles:
        numbers.append(("articles in the period", f"{len(selection.articles)} of {len(selection.all_dates)}"))

    def count(table: str, label: str) -> None:
        rows = selection.optional(table, ["doc_id"])
        if rows is not None:
            numbers.append((label, len(rows)))

    count("sentences", "sentences")
    mentions = selection.optional("mentions", ["actor_name"])
    if mentions is not None:
        numbers += [("actor mentions", len(mentions)), ("distinct actors", int(mentions["actor_name"].nunique())),
                    (f"actor pairs (edges, {window} window)", len(selection.edges(window)))]
    count("amounts", "amounts")
    count("claims", "currency-shift claims")
    frames = selection.optional("frames", ["frame"])
    if frames is not None:
        found = sorted(frames["frame"].dropna().unique())
        numbers.append(("frames found", f"{len(found)}: {', '.join(found)}" if found else "0"))
    return numbers


def quality_notes(tables_dir: Path | str, period=None) -> dict:
    """Skipped files and export records with reasons (whole corpus), quality flags by kind and implausible claims
    (in ``period``), each only if its table exists."""
    selection = report_selection(tables_dir, period or Period())
    notes: dict = {}
    report = selection.optional("ingest_report", ["source", "status", "reason"])
    if report is not None:
        skipped = report[report["status"] == "skipped"].sort_values("source")
        notes["skipped"] = [(row.source, row.reason) for row in skipped.itertuples()]
    # The records of the whole corpus: a skipped record has no article, so no doc_id that a period could keep
    records = optional_table(tables_dir, "record_report", ["source", "record", "status", "reason"])
    if records is not None and (records["status"] == "skipped").any():
        skipped = records[records["status"] == "skipped"].sort_values(["source", "record"])
        notes["skipped_records"] = [(f"{row.source} #{row.record}", row.reason) for row in skipped.itertuples()]
    flags = selection.optional("flags", ["flag"])
    if flags is not None:
        counts = flags["flag"].value_counts()
        notes["flags"] = sorted(((str(kind), int(n)) for kind, n in counts.items()), key=lambda kv: (-kv[1], kv[0]))
    plausibility = selection.optional("plausibility")
    if plausibility is not None:
        failed = implausible_rows(plausibility)
        if failed is not None:
            failed = failed.drop(columns=[c for c in failed.columns if failed[c].dtype == object
                                          and failed[c].map(lambda v: isinstance(v, list | dict)).any()])
            sort = [c for c in ("doc_id", "sent_idx") if c in failed.columns]
            failed = failed.sort_values(sort) if sort else failed
            notes["implausible"] = {"columns": list(failed.columns),
                                    "rows": [[_cell(v) for v in row] for row in failed.itertuples(index=False)]}
    return notes


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return f"{value:,.0f}" if isinstance(value, float) and abs(value) >= 1000 else str(value)


def notebook_title(notebook: Path) -> str:
    """The first Markdown heading of a notebook, without the leading '#'s (or its file name)."""
    import nbformat

    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return notebook.stem


def figures(report_dir: Path) -> list[dict]:
    """The PNG figures of the report with their SVG twins, in file-name (= notebook) order."""
    folder = report_dir / "figures"
    return [{"png": f"figures/{png.name}", "name": png.stem,
             "svg": f"figures/{png.stem}.svg" if png.with_suffix(".svg").exists() else None}
            for png in sorted(folder.glob("*.png"))] if folder.is_dir() else []


# Autoescaping on: every string from the corpus shows as text. Strict: a name the template lacks is an error.
_ENVIRONMENT = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True,
                                  undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)



def render_index(report_dir: Path | str, manifest: dict) -> str:
    """The HTML of ``index.html`` for the report in ``report_dir`` described by ``manifest`` (see report.json)."""
    report_dir = Path(report_dir)
    tables_dir = report_dir / manifest.get("tables_dir", "tables")
    # The values the notebooks ran with: given or default (a manifest without settings lists those given only).
    settings = manifest.get("settings") or {key: {"value": value, "default": False, "notebooks": []}
                                            for key, value in manifest.get("parameters", {}).items()}
    values = {key: entry["value"] for key, entry in settings.items()}
    period = Period(**{key: values[key] for key in ("start_date", "end_date", "include_undated") if key in values})
    notebooks = []
    for entry in manifest.get("notebooks", []):
        path = report_dir / entry["notebook"]
        page = path.with_suffix(".html")
        notebooks.append({"title": notebook_title(path) if path.exists() else entry["notebook"],
                          "html": page.name if page.exists() else None, "ipynb": path.name if path.exists() else None,
                          "status": entry["status"], "note": entry.get("note")})
    shown = [(key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False), entry["default"],
              ", ".join(entry["notebooks"])) for key, entry in settings.items() if key not in ("start_date", "end_date")
             for value in [entry["value"]]]
    has_tables = tables_dir.is_dir()
    return _ENVIRONMENT.get_template(INDEX_TEMPLATE).render(
        name=manifest["name"], corpus=manifest["corpus"], corpus_name=Path(manifest["corpus"]).name,
        status=manifest.get("status", "running"), error=manifest.get("error"), period=period.label,
        parameters=sorted(shown), stopped=sum(entry["status"] == "stopped" for entry in notebooks),
        note=report_selection(tables_dir, period).note if has_tables else None,
        numbers=key_numbers(tables_dir, period, values.get("window", "sentence")) if has_tables else [],
        notes=quality_notes(tables_dir, period) if has_tables else {},
        notebooks=notebooks, figures=figures(report_dir), versions=manifest.get("versions", {}), max_rows=MAX_ROWS)


def write_index(report_dir: Path | str, manifest: dict) -> Path:
    """Write ``index.html`` into ``report_dir``; return its path."""
    target = Path(report_dir) / "index.html"
    target.write_text(render_index(report_dir, manifest), encoding="utf-8")
    return target
