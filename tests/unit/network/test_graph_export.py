"""GEXF/GraphML round trips and the HTML view's escaping of article text."""
from __future__ import annotations

import re

import networkx as nx
import pandas as pd
import pytest

from analysis.network import actor_nodes, communities, cooccurrence, to_graph
from analysis.network.export import flat_copy, html_view, write_all, write_gexf, write_graphml, write_html
from analysis.network.interactions import extract_interactions_table, interaction_graph

PLANTED = "<script>alert(1)</script>"
LINK = '<a href="javascript:alert(2)">read more</a>'


def synthetic_network() -> tuple[nx.Graph, dict[str, str]]:
    """A synthetic article whose second sentence carries a planted script and a link."""
    sentences = pd.DataFrame({
        "doc_id": ["d1", "d1", "d1"], "sent_idx": [0, 1, 2], "para_idx": [0, 0, 1],
        "text": ["Norland and Sudmark signed a grain accord.",
                 f"Norland {PLANTED} praised Sudmark {LINK} in a statement.",
                 "Ostia & Norland < Sudmark > talks."],
    })
    mentions = pd.DataFrame({
        "doc_id": ["d1"] * 7, "sent_idx": [0, 0, 1, 1, 2, 2, 2],
        "actor_name": ["Norland", "Sudmark", "Norland", "Sudmark", "Ostia", "Norland", "Sudmark"],
        "actor_type": ["country"] * 7,
    })
    edges = cooccurrence(mentions, sentences, weight="count")
    graph = to_graph(edges, actor_nodes(mentions))
    texts = {f"{d}:{i}": t for d, i, t in zip(sentences["doc_id"], sentences["sent_idx"], sentences["text"])}
    return graph, texts


def test_gexf_and_graphml_load_back_with_the_same_nodes_and_weights(tmp_path):
    graph, _ = synthetic_network()
    for path in (write_gexf(graph, tmp_path / "g.gexf"), write_graphml(graph, tmp_path / "g.graphml")):
        loaded = nx.read_gexf(path) if path.suffix == ".gexf" else nx.read_graphml(path)
        assert sorted(loaded.nodes) == sorted(graph.nodes)
        assert {tuple(sorted((u, v))): float(w) for u, v, w in loaded.edges(data="weight")} == {
            tuple(sorted((u, v))): float(w) for u, v, w in graph.edges(data="weight")}
        assert {tuple(sorted((u, v))): int(c) for u, v, c in loaded.edges(data="count")} == {
            tuple(sorted((u, v))): c for u, v, c in graph.edges(data="count")}
        assert loaded.edges["Norland", "Sudmark"]["sentence_ids"] == "d1:0; d1:1; d1:2"
        assert int(loaded.nodes["Norland"]["n_mentions"]) == 3


def test_directed_signed_graph_round_trips(tmp_path):
    text = "Norland sanctioned Sudmark."
    articles = pd.DataFrame({"doc_id": ["d1"], "text": [text]})
    sentences = pd.DataFrame({"doc_id": ["d1"], "sent_idx": [0], "start": [0], "end": [len(text)]})
    mentions = pd.DataFrame({"doc_id": ["d1", "d1"], "sent_idx": [0, 0], "start": [0, 19], "end": [7, 26],
                             "actor_name": ["Norland", "Sudmark"], "actor_type": ["country", "country"]})
    from analysis.network.interactions import load_lexicon
    lexicon = load_lexicon()
    graph = interaction_graph(extract_interactions_table(articles, sentences, mentions, lexicon))
    loaded = nx.read_gexf(write_gexf(graph, tmp_path / "signed.gexf"))
    assert loaded.is_directed() and list(loaded.edges) == [("Norland", "Sudmark")]
    assert int(loaded.edges["Norland", "Sudmark"]["sign"]) == -1
    page = html_view(graph, title="Signed")
    assert "#D55E00" in page                      # conflict drawn in vermillion


def test_flat_copy_keeps_only_scalars():
    graph = nx.Graph()
    graph.add_node("a", tags=["x", "y"], missing=None, score=float("nan"))
    graph.add_edge("a", "b", sentence_ids=["d:1", "d:2"], weight=2)
    flat = flat_copy(graph)
    assert flat.nodes["a"] == {"tags": "x; y"}
    assert flat.edges["a", "b"] == {"sentence_ids": "d:1; d:2", "weight": 2}


def test_html_view_escapes_planted_script_and_markup(tmp_path):
    graph, texts = synthetic_network()
    path = write_html(graph, tmp_path / "view.html", title=f"Network {PLANTED}", sentences=texts,
                      groups=communities(graph, weight="count"))
    page = path.read_text(encoding="utf-8")
    assert PLANTED not in page
    assert LINK not in page and 'href="javascript' not in page
    # The sentence is there, as inert text: HTML-escaped, then JSON-escaped inside the script block.
    assert r"\u0026lt;script\u0026gt;alert(1)\u0026lt;/script\u0026gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page      # the page title, escaped
    # Offline: the graph library is inlined and nothing is fetched from elsewhere.
    assert "vis.DataSet" in page and "vis-network" in page
    assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=\"https?://", page)


def test_html_view_is_deterministic():
    graph, texts = synthetic_network()
    assert html_view(graph, sentences=texts) == html_view(graph, sentences=texts)


def test_write_all(tmp_path):
    graph, texts = synthetic_network()
    paths = write_all(graph, tmp_path / "out", "backbone", sentences=texts)
    assert sorted(p.name for p in paths.values()) == ["backbone.gexf", "backbone.graphml", "backbone.html"]
    assert all(p.stat().st_size > 0 for p in paths.values())


@pytest.mark.parametrize("empty", [nx.Graph(), nx.DiGraph()])
def test_empty_graphs_export(tmp_path, empty):
    write_all(empty, tmp_path, "empty")
    assert nx.read_gexf(tmp_path / "empty.gexf").number_of_nodes() == 0
