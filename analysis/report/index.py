"""The index page of a report folder: a one-page summary for readers who never open Jupyter.

``index.html`` states the corpus, the parameters and the package versions, gives the key numbers read from
the tables the notebooks wrote (whichever exist), lists data-quality notes (skipped files with their reasons,
quality flags by kind, implausible claims), and links every notebook page and figure. It is rendered with
Jinja2 with autoescaping on, so file names, titles and any other string from the corpus show as text, never
as markup; it holds no script and no timestamp, so the same run gives the same page.
"""
from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pandas as pd

# How many rows of a data-quality list the page shows; the rest is counted ("and 12 more").
MAX_ROWS = 25


def key_numbers(tables_dir: Path | str, period=None, window: str = "sentence") -> list[tuple[str, int | str]]:
    """(label, value) pairs for the tables that exist in ``tables_dir``, in the order of the pipeline: the files of
    the whole corpus (a file has no date until it is read), then the articles of ``period`` and what they hold,
    read as the notebooks read them (:func:`analysis.tables.period.select`); actor pairs in ``window``."""
    from analysis.tables.period import Period, select

    selection = select(tables_dir, period or Period())
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
    from analysis.narratives.plausibility import implausible_rows
    from analysis.tables.period import Period, select
    from analysis.tables.store import optional_table

    selection = select(tables_dir, period or Period())
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
    return [{"png": f"figures/{png.name}", "svg": f"figures/{png.stem}.svg" if png.with_suffix(".svg").exists() else None,
             "name": png.stem} for png in sorted(folder.glob("*.png"))] if folder.is_dir() else []


_ENVIRONMENT = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)

_TEMPLATE = _ENVIRONMENT.from_string("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Report: {{ name }}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 62rem; margin: 2rem auto;
       padding: 0 1rem; color: #1a1a1a; line-height: 1.45; }
h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
table { border-collapse: collapse; margin: 0.5rem 0; } td, th { padding: 0.2rem 0.8rem 0.2rem 0; text-align: left;
       vertical-align: top; } th { border-bottom: 1px solid #bbb; } th[scope=row] { border-bottom: none; font-weight: 600; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.status { padding: 0.6rem 1rem; border-radius: 4px; margin: 1rem 0; }
.complete { background: #e6f2ea; } .failed { background: #fbe9e1; } .running { background: #fdf5dc; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; }
figure { margin: 0; } figure img { width: 100%; border: 1px solid #eee; } figcaption { font-size: 0.85rem; }
code { font-size: 0.9em; } .muted { color: #666; font-size: 0.9rem; }
</style>
</head>
<body>
<h1>Report: {{ name }}</h1>
<p class="muted">Geonarratives {{ versions.get("geonarratives", "") }} · corpus <code>{{ corpus_name }}</code></p>
<div class="status {{ status }}">
{% if status == "complete" %}All {{ notebooks | length }} notebooks ran{% if stopped %}; {{ stopped }} stopped early with a note (see Notebooks){% endif %}.
{% elif status == "failed" %}<strong>The report stopped:</strong> {{ error }}
{% else %}The report is being built.{% endif %}
{% if note %}<p><strong>Nothing to show:</strong> {{ note }}.</p>{% endif %}
</div>

<h2>Summary</h2>
<table>
<tr><th scope="row">Corpus</th><td><code>{{ corpus }}</code></td></tr>
<tr><th scope="row">Period</th><td>{{ period }}</td></tr>
{% for key, value, default, used_by in parameters %}
<tr><th scope="row">{{ key }}</th><td><code>{{ value }}</code>{% if default %} <span class="muted">(default)</span>{% endif %}{% if used_by %} <span class="muted">· notebooks {{ used_by }}</span>{% endif %}</td></tr>
{% endfor %}
</table>

<h2>Key numbers</h2>
{% if numbers %}
<p class="muted">Files: the whole corpus. Everything else: the articles of the period ({{ period }}), read as the
notebooks read them.</p>
<table>
{% for label, value in numbers %}
<tr><th scope="row">{{ label }}</th><td class="n">{{ value }}</td></tr>
{% endfor %}
</table>
{% else %}<p>No tables were written (see the first notebook's page).</p>{% endif %}

<h2>Data quality</h2>
{% if notes.skipped is defined %}
<h3>Skipped files ({{ notes.skipped | length }})</h3>
{% if notes.skipped %}
<table><tr><th>file</th><th>reason</th></tr>
{% for source, reason in notes.skipped[:max_rows] %}<tr><td><code>{{ source }}</code></td><td>{{ reason }}</td></tr>
{% endfor %}</table>
{% if notes.skipped | length > max_rows %}<p class="muted">and {{ notes.skipped | length - max_rows }} more: see <code>tables/ingest_report.parquet</code>.</p>{% endif %}
{% else %}<p>None: every file was ingested or reported as a duplicate.</p>{% endif %}
{% endif %}
{% if notes.skipped_records is defined %}
<h3>Skipped records of exports ({{ notes.skipped_records | length }})</h3>
<table><tr><th>record</th><th>reason</th></tr>
{% for record, reason in notes.skipped_records[:max_rows] %}<tr><td><code>{{ record }}</code></td><td>{{ reason }}</td></tr>
{% endfor %}</table>
{% if notes.skipped_records | length > max_rows %}<p class="muted">and {{ notes.skipped_records | length - max_rows }} more: see <code>tables/record_report.parquet</code>.</p>{% endif %}
{% endif %}
{% if notes.flags is defined %}
<h3>Quality flags by kind</h3>
{% if notes.flags %}
<table><tr><th>flag</th><th>count</th></tr>
{% for kind, count in notes.flags %}<tr><td><code>{{ kind }}</code></td><td class="n">{{ count }}</td></tr>
{% endfor %}</table>
{% else %}<p>No quality flags were raised.</p>{% endif %}
{% endif %}
{% if notes.implausible is defined %}
<h3>Implausible claims ({{ notes.implausible.rows | length }})</h3>
{% if notes.implausible.rows %}
<table><tr>{% for column in notes.implausible.columns %}<th>{{ column }}</th>{% endfor %}</tr>
{% for row in notes.implausible.rows[:max_rows] %}<tr>{% for value in row %}<td>{{ value }}</td>{% endfor %}</tr>
{% endfor %}</table>
{% else %}<p>No claim failed the plausibility checks.</p>{% endif %}
{% endif %}
{% if not notes %}<p>No data-quality tables were written.</p>{% endif %}

<h2>Notebooks</h2>
<ol>
{% for notebook in notebooks %}
<li>{% if notebook.html %}<a href="{{ notebook.html }}">{{ notebook.title }}</a>{% else %}{{ notebook.title }}{% endif %}
 <span class="muted">— {{ notebook.status }}{% if notebook.note %}: {{ "nothing to show (see above)" if notebook.note == note else notebook.note }}{% endif %}{% if notebook.ipynb %} · <a href="{{ notebook.ipynb }}">notebook</a>{% endif %}</span></li>
{% endfor %}
</ol>

<h2>Figures ({{ figures | length }})</h2>
{% if figures %}
<div class="figures">
{% for figure in figures %}
<figure><a href="{{ figure.svg or figure.png }}"><img src="{{ figure.png }}" alt="{{ figure.name }}"></a>
<figcaption>{{ figure.name }}</figcaption></figure>
{% endfor %}
</div>
{% else %}<p>No figures were saved.</p>{% endif %}

<h2>Package versions</h2>
<table>
{% for package, version in versions.items() %}<tr><th scope="row">{{ package }}</th><td>{{ version }}</td></tr>
{% endfor %}
</table>
<p class="muted">Parameters, versions and timings of this run: <a href="report.json">report.json</a>.
Tables: <code>tables/</code> (Parquet).</p>
</body>
</html>
""")


def render_index(report_dir: Path | str, manifest: dict) -> str:
    """The HTML of ``index.html`` for the report in ``report_dir`` described by ``manifest`` (see report.json)."""
    from analysis.tables.period import Period, select

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
    return _TEMPLATE.render(
        name=manifest["name"], corpus=manifest["corpus"], corpus_name=Path(manifest["corpus"]).name,
        status=manifest.get("status", "running"), error=manifest.get("error"), period=period.label,
        parameters=sorted(shown), stopped=sum(entry["status"] == "stopped" for entry in notebooks),
        note=select(tables_dir, period).note if has_tables else None,
        numbers=key_numbers(tables_dir, period, values.get("window", "sentence")) if has_tables else [],
        notes=quality_notes(tables_dir, period) if has_tables else {},
        notebooks=notebooks, figures=figures(report_dir), versions=manifest.get("versions", {}), max_rows=MAX_ROWS)


def write_index(report_dir: Path | str, manifest: dict) -> Path:
    """Write ``index.html`` into ``report_dir``; return its path."""
    target = Path(report_dir) / "index.html"
    target.write_text(render_index(report_dir, manifest), encoding="utf-8")
    return target
