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


def _rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


def _column(tables_dir: Path, table: str, column: str) -> pd.Series | None:
    import pyarrow.parquet as pq

    path = tables_dir / f"{table}.parquet"
    if not path.exists() or column not in pq.read_schema(path).names:
        return None
    return pd.read_parquet(path, columns=[column])[column]


def key_numbers(tables_dir: Path | str) -> list[tuple[str, int | str]]:
    """(label, value) pairs for the tables that exist in ``tables_dir``, in the order of the pipeline."""
    tables_dir = Path(tables_dir)
    numbers: list[tuple[str, int | str]] = []
    status = _column(tables_dir, "ingest_report", "status")
    if status is not None:
        counts = status.value_counts()
        numbers.append(("files read", len(status)))
        numbers += [(label, int(counts.get(kind, 0)))
                    for kind, label in (("ingested", "files ingested"), ("duplicate", "duplicate files"),
                                        ("skipped", "skipped files"))]
    for table, label in (("articles", "articles"), ("sentences", "sentences"), ("mentions", "actor mentions")):
        if (tables_dir / f"{table}.parquet").exists():
            numbers.append((label, _rows(tables_dir / f"{table}.parquet")))
    actors = _column(tables_dir, "mentions", "actor_name")
    if actors is not None:
        numbers.append(("distinct actors", int(actors.nunique())))
    for table, label in (("edges", "actor pairs (edges)"), ("amounts", "amounts"), ("claims", "currency-shift claims")):
        if (tables_dir / f"{table}.parquet").exists():
            numbers.append((label, _rows(tables_dir / f"{table}.parquet")))
    frames = _column(tables_dir, "frames", "frame")
    if frames is not None:
        found = sorted(frames.dropna().unique())
        numbers.append(("frames found", f"{len(found)}: {', '.join(found)}" if found else "0"))
    return numbers


def quality_notes(tables_dir: Path | str) -> dict:
    """Skipped files with reasons, quality flags by kind, and implausible claims (each only if its table exists)."""
    from analysis.report import implausible_rows, optional_table

    tables_dir = Path(tables_dir)
    notes: dict = {}
    report = optional_table(tables_dir, "ingest_report", ["source", "status", "reason"])
    if report is not None:
        skipped = report[report["status"] == "skipped"].sort_values("source")
        notes["skipped"] = [(row.source, row.reason) for row in skipped.itertuples()]
    flags = _column(tables_dir, "flags", "flag")
    if flags is not None:
        counts = flags.value_counts()
        notes["flags"] = sorted(((str(kind), int(n)) for kind, n in counts.items()), key=lambda kv: (-kv[1], kv[0]))
    plausibility = optional_table(tables_dir, "plausibility")
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
{% if status == "complete" %}All {{ notebooks | length }} notebooks ran.
{% elif status == "failed" %}<strong>The report stopped:</strong> {{ error }}
{% else %}The report is being built.{% endif %}
</div>

<h2>Summary</h2>
<table>
<tr><th scope="row">Corpus</th><td><code>{{ corpus }}</code></td></tr>
<tr><th scope="row">Period</th><td>{{ period }}</td></tr>
{% for key, value in parameters %}
<tr><th scope="row">{{ key }}</th><td><code>{{ value }}</code></td></tr>
{% endfor %}
</table>

<h2>Key numbers</h2>
{% if numbers %}
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
 <span class="muted">— {{ notebook.status }}{% if notebook.ipynb %} · <a href="{{ notebook.ipynb }}">notebook</a>{% endif %}</span></li>
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
    report_dir = Path(report_dir)
    tables_dir = report_dir / manifest.get("tables_dir", "tables")
    parameters = manifest.get("parameters", {})
    start, end = parameters.get("start_date") or "", parameters.get("end_date") or ""
    period = "all dates" if not (start or end) else f"{start or 'the earliest article'} to {end or 'the latest article'}"
    notebooks = []
    for entry in manifest.get("notebooks", []):
        path = report_dir / entry["notebook"]
        page = path.with_suffix(".html")
        notebooks.append({"title": notebook_title(path) if path.exists() else entry["notebook"],
                          "html": page.name if page.exists() else None,
                          "ipynb": path.name if path.exists() else None, "status": entry["status"]})
    shown = sorted((key, json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value)
                   for key, value in parameters.items() if key not in ("start_date", "end_date"))
    return _TEMPLATE.render(
        name=manifest["name"], corpus=manifest["corpus"], corpus_name=Path(manifest["corpus"]).name,
        status=manifest.get("status", "running"), error=manifest.get("error"), period=period, parameters=shown,
        numbers=key_numbers(tables_dir) if tables_dir.is_dir() else [],
        notes=quality_notes(tables_dir) if tables_dir.is_dir() else {},
        notebooks=notebooks, figures=figures(report_dir), versions=manifest.get("versions", {}), max_rows=MAX_ROWS)


def write_index(report_dir: Path | str, manifest: dict) -> Path:
    """Write ``index.html`` into ``report_dir``; return its path."""
    target = Path(report_dir) / "index.html"
    target.write_text(render_index(report_dir, manifest), encoding="utf-8")
    return target
