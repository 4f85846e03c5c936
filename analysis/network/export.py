"""Graph files for other tools: GEXF (Gephi), GraphML (Cytoscape, igraph, yEd) and an HTML view.

GEXF and GraphML are written by networkx's own writers. Both formats hold only scalar
attributes, so list attributes (``sentence_ids``, ``verbs``) are joined with ``"; "`` and
missing values are left out; nodes, edges and numeric weights load back unchanged.

The HTML view is drawn with pyvis (vis-network) with its JavaScript inlined
(``cdn_resources="in_line"``), so the file works offline and can be mailed around. Tooltips
quote article sentences, which are untrusted text: every tooltip is HTML-escaped here, and
pyvis embeds node and edge data with Jinja's ``tojson`` filter, which escapes ``<``, ``>`` and
``&`` inside the script block, so a ``<script>`` planted in an article is shown as text and
never runs. (Escaping matters even though vis-network sets plain-text tooltips with
``innerText``: pyvis switches to ``innerHTML`` tooltips as soon as any tooltip contains
"href".) Node positions come from a seeded spring layout and physics is off, so the same
graph gives the same page.
"""
from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from pathlib import Path

import networkx as nx

from analysis.config import PALETTE
from analysis.network.metrics import sorted_copy

__all__ = ["flat_copy", "write_gexf", "write_graphml", "html_view", "write_html", "write_all"]

SEED = 42
# pyvis's template also pulls Bootstrap (card styling only) from a CDN, even with in-line
# resources; those tags are removed so the page makes no network requests at all.
_REMOTE_TAGS = re.compile(r"<link\s[^>]*href=\"https?://[^>]*>|<script\s[^>]*src=\"https?://[^>]*>\s*</script>", re.DOTALL)
POSITIVE, NEGATIVE, NEUTRAL = PALETTE[0], PALETTE[3], "#999999"   # blue = cooperation, vermillion = conflict


def flat_copy(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all scalars GEXF/GraphML can hold (lists joined, None dropped)."""
    def flat(attrs: Mapping) -> dict:
        out = {}
        for key, value in attrs.items():
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if isinstance(value, (list, tuple, set, frozenset)):
                value = "; ".join(map(str, value))
            elif hasattr(value, "item"):          # numpy scalar -> Python scalar
                value = value.item()
            elif not isinstance(value, (str, int, float, bool)):
                value = str(value)
            out[str(key)] = value
        return out

    ordered = sorted_copy(graph)   # same graph, same file: nodes and edges written in sorted order
    copy = graph.__class__()
    copy.add_nodes_from((str(n), flat(a)) for n, a in ordered.nodes(data=True))
    copy.add_edges_from((str(u), str(v), flat(a)) for u, v, a in ordered.edges(data=True))
    return copy


def write_gexf(graph: nx.Graph, path: Path | str) -> Path:
    """Write ``graph`` as GEXF 1.2 (open it in Gephi)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(flat_copy(graph), path)
    return path


def write_graphml(graph: nx.Graph, path: Path | str) -> Path:
    """Write ``graph`` as GraphML."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(flat_copy(graph), path)
    return path


def _tooltip(lines: list[str]) -> str:
    # quote=False: quotation marks are harmless here and common in news sentences.
    return "\n".join(html.escape(line, quote=False) for line in lines if line)


def _shorten(text: str, limit: int = 220) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def html_view(graph: nx.Graph, title: str = "Actor network", sentences: Mapping[str, str] | None = None,
              groups: Mapping[str, int] | None = None, weight: str = "weight", examples: int = 3,
              height: str = "720px") -> str:
    """A self-contained interactive page of ``graph`` (HTML text).

    Node size follows degree, colour the ``groups`` label (e.g. Louvain communities), edge
    width the absolute ``weight``; in a directed graph with a ``sign`` attribute edges are
    blue for cooperation and vermillion for conflict. Hovering an edge lists up to
    ``examples`` of its sentences (``sentences`` maps "doc_id:sent_idx" to the sentence text),
    so each tie can be read in the articles behind it.
    """
    from pyvis.network import Network

    directed = graph.is_directed()
    net = Network(height=height, width="100%", directed=directed, cdn_resources="in_line")
    layout = nx.spring_layout(sorted_copy(graph), seed=SEED, weight=None) if graph.number_of_nodes() else {}
    degree = dict(graph.degree())
    for node in sorted(graph.nodes, key=str):
        attrs = graph.nodes[node]
        label = str(attrs.get("label", node))
        lines = [label, f"partners: {degree[node]}"]
        lines += [f"{k}: {attrs[k]}" for k in ("actor_type", "n_mentions", "n_docs") if attrs.get(k) is not None]
        color = PALETTE[groups[node] % len(PALETTE)] if groups and node in groups else NEUTRAL
        x, y = layout[node]
        net.add_node(str(node), label=label, title=_tooltip(lines), color=color, size=10 + 4 * math.sqrt(degree[node]),
                     x=float(x) * 600, y=float(y) * 600, physics=False)
    for u, v, attrs in sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        value = attrs.get(weight, 1.0)
        lines = [f"{u} → {v}" if directed else f"{u} – {v}", f"{weight}: {value:.3g}" if isinstance(value, float)
                 else f"{weight}: {value}"]
        if attrs.get("verbs"):
            lines.append("verbs: " + ", ".join(attrs["verbs"]))
        ids = list(attrs.get("sentence_ids") or [])
        if ids:
            lines.append(f"{len(ids)} sentence(s):")
            lines += [f"[{i}] {_shorten(sentences[i])}" if sentences and i in sentences else f"[{i}]"
                      for i in ids[:examples]]
        sign = attrs.get("sign")
        color = NEUTRAL if sign is None else (POSITIVE if sign > 0 else NEGATIVE if sign < 0 else NEUTRAL)
        net.add_edge(str(u), str(v), value=abs(float(value)) if value is not None else 1.0,
                     title=_tooltip(lines), color=color)
    net.toggle_physics(False)
    page = _REMOTE_TAGS.sub("", net.generate_html(notebook=False))
    heading = html.escape(title)
    return page.replace("<head>", f"<head>\n<title>{heading}</title>", 1).replace(
        "<body>", f"<body>\n<h2 style=\"font-family: sans-serif\">{heading}</h2>", 1)


def write_html(graph: nx.Graph, path: Path | str, **options) -> Path:
    """Write :func:`html_view` of ``graph`` to ``path`` (UTF-8)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html_view(graph, **options), encoding="utf-8")
    return path


def write_all(graph: nx.Graph, folder: Path | str, name: str, **options) -> dict[str, Path]:
    """Write ``name.gexf``, ``name.graphml`` and ``name.html`` into ``folder``."""
    folder = Path(folder)
    return {"gexf": write_gexf(graph, folder / f"{name}.gexf"),
            "graphml": write_graphml(graph, folder / f"{name}.graphml"),
            "html": write_html(graph, folder / f"{name}.html", **options)}
