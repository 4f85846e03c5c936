"""Actor co-occurrence networks: weights, backbone, metrics and time slices on hand-computed cases."""
from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.errors import NetworkError
from analysis.network import (
    actor_nodes,
    association_weights,
    centrality,
    centrality_over_time,
    communities,
    cooccurrence,
    disparity_alpha,
    disparity_backbone,
    edge_changes,
    edge_sentences,
    ego_network,
    outlet_network,
    period_labels,
    time_slices,
    to_graph,
    write_network_tables,
)
from analysis.tables.schemas import EDGES, SCHEMAS
from tests.conftest import load_solutions

# A tiny corpus. d1 has three sentences (paragraphs 0, 0, 1), d2 two (paragraphs 0, 1).
#   d1:0  Alpha, Beta (+ an outlet and a place, excluded by default)
#   d1:1  Alpha, Beta, Gamma
#   d1:2  Alpha twice (one actor counts once per window)
#   d2:0  Beta, Gamma
#   d2:1  nothing (still a window: N = 5 sentences)
MENTIONS = [
    ("d1", 0, "Alpha", "country"), ("d1", 0, "Beta", "country"), ("d1", 0, "Wire", "media"),
    ("d1", 0, "Kazan", "place"),
    ("d1", 1, "Alpha", "country"), ("d1", 1, "Beta", "person"), ("d1", 1, "Gamma", "organization"),
    ("d1", 2, "Alpha", "country"), ("d1", 2, "Alpha", "country"),
    ("d2", 0, "Beta", "person"), ("d2", 0, "Gamma", "organization"),
]
SENTENCES = [("d1", 0, 0), ("d1", 1, 0), ("d1", 2, 1), ("d2", 0, 0), ("d2", 1, 1)]


def mentions_frame(rows=MENTIONS) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["doc_id", "sent_idx", "actor_name", "actor_type"])
    frame["start"] = range(len(frame))
    return frame


def sentences_frame() -> pd.DataFrame:
    frame = pd.DataFrame(SENTENCES, columns=["doc_id", "sent_idx", "para_idx"])
    frame["text"] = [f"Sentence {d} {i}." for d, i, _ in SENTENCES]
    return frame


def edge(edges: pd.DataFrame, a: str, b: str) -> pd.Series:
    row = edges[(edges["source"] == a) & (edges["target"] == b)]
    assert len(row) == 1, f"expected one edge {a}–{b}"
    return row.iloc[0]


def test_association_weights_by_hand():
    # c_ab = 2, c_a = 2, c_b = 4, N = 8: p_ab = 1/4, p_a p_b = 1/8 -> PMI = 1 bit, NPMI = 1/2.
    w = association_weights(2, 2, 4, 8)
    assert float(w["jaccard"]) == pytest.approx(0.5)
    assert float(w["pmi"]) == pytest.approx(1.0)
    assert float(w["npmi"]) == pytest.approx(0.5)
    # Independence: p_ab = p_a p_b gives PMI = NPMI = 0.
    w = association_weights(1, 2, 2, 4)
    assert float(w["pmi"]) == pytest.approx(0.0) and float(w["npmi"]) == pytest.approx(0.0)
    # Only ever together: NPMI = 1.
    assert float(association_weights(3, 3, 3, 10)["npmi"]) == pytest.approx(1.0)


def test_sentence_window_counts_and_weights_by_hand():
    edges = cooccurrence(mentions_frame(), sentences_frame(), weight="npmi")
    assert list(zip(edges["source"], edges["target"])) == [("Alpha", "Beta"), ("Alpha", "Gamma"), ("Beta", "Gamma")]
    # N = 5 sentences; Alpha in 3, Beta in 3, Gamma in 2.
    ab, ac, bc = edge(edges, "Alpha", "Beta"), edge(edges, "Alpha", "Gamma"), edge(edges, "Beta", "Gamma")
    assert (ab["count"], ab["n_sentences"], ab["n_docs"]) == (2, 2, 1)
    assert (ac["count"], ac["n_docs"]) == (1, 1)
    assert (bc["count"], bc["n_docs"]) == (2, 2)
    assert ab["jaccard"] == pytest.approx(2 / 4)
    assert ac["jaccard"] == pytest.approx(1 / 4)
    assert bc["jaccard"] == pytest.approx(2 / 3)
    assert ab["pmi"] == pytest.approx(math.log2(2 * 5 / (3 * 3)))
    assert ac["pmi"] == pytest.approx(math.log2(5 / 6)) and ac["pmi"] < 0
    assert bc["pmi"] == pytest.approx(math.log2(2 * 5 / (3 * 2)))
    assert ab["npmi"] == pytest.approx(math.log2(10 / 9) / -math.log2(2 / 5))
    assert ac["npmi"] == pytest.approx(math.log2(5 / 6) / -math.log2(1 / 5))
    assert list(edges["weight"]) == list(edges["npmi"])
    assert list(ab["sentence_ids"]) == ["d1:0", "d1:1"]
    assert list(bc["sentence_ids"]) == ["d1:1", "d2:0"]


def test_weight_choice_and_exclusions():
    for weight in ("count", "n_docs", "jaccard", "pmi"):
        edges = cooccurrence(mentions_frame(), sentences_frame(), weight=weight)
        assert list(edges["weight"]) == pytest.approx(list(edges[weight].astype(float)))
    with pytest.raises(NetworkError, match="weight 'tfidf'"):
        cooccurrence(mentions_frame(), weight="tfidf")
    # Media and places are left out by default; asked for, they appear.
    names = set(cooccurrence(mentions_frame())[["source", "target"]].stack())
    assert names == {"Alpha", "Beta", "Gamma"}
    names = set(cooccurrence(mentions_frame(), exclude_types=None)[["source", "target"]].stack())
    assert {"Wire", "Kazan"} <= names
    assert cooccurrence(mentions_frame(), min_count=2)[["source", "target"]].values.tolist() == [
        ["Alpha", "Beta"], ["Beta", "Gamma"]]


def test_without_sentences_table_windows_are_those_with_mentions():
    # Four sentences mention an actor; the empty d2:1 is unknown without the sentences table.
    edges = cooccurrence(mentions_frame(), None)
    assert edge(edges, "Alpha", "Beta")["pmi"] == pytest.approx(math.log2(2 * 4 / 9))


def test_paragraph_window_by_hand():
    edges = cooccurrence(mentions_frame(), sentences_frame(), window="paragraph", weight="count")
    # Paragraphs: d1p0 {A,B,C} (sentences 0,1), d1p1 {A}, d2p0 {B,C}, d2p1 {} -> N = 4.
    ab, bc = edge(edges, "Alpha", "Beta"), edge(edges, "Beta", "Gamma")
    assert ab["count"] == 1 and bc["count"] == 2 and bc["n_docs"] == 2
    assert ab["pmi"] == pytest.approx(math.log2(1 * 4 / (2 * 2)))
    # Evidence: the window's sentences that mention either actor, in text order.
    assert list(ab["sentence_ids"]) == ["d1:0", "d1:1"]
    assert list(bc["sentence_ids"]) == ["d1:0", "d1:1", "d2:0"]
    with pytest.raises(NetworkError, match="para_idx"):
        cooccurrence(mentions_frame(), None, window="paragraph")


def test_document_window_by_hand():
    edges = cooccurrence(mentions_frame(), sentences_frame(), window="document", weight="npmi")
    # Documents: d1 {A,B,C}, d2 {B,C} -> N = 2; Beta and Gamma are in every document.
    bc = edge(edges, "Beta", "Gamma")
    assert (bc["count"], bc["n_docs"]) == (2, 2)
    assert bc["pmi"] == pytest.approx(0.0) and bc["npmi"] == pytest.approx(1.0)
    assert list(bc["sentence_ids"]) == ["d1:0", "d1:1", "d2:0"]
    with pytest.raises(NetworkError, match="window 'page'"):
        cooccurrence(mentions_frame(), window="page")


def test_same_input_same_edges_whatever_the_row_order():
    first = cooccurrence(mentions_frame(), sentences_frame())
    shuffled = mentions_frame().sample(frac=1, random_state=3)
    second = cooccurrence(shuffled, sentences_frame().sample(frac=1, random_state=5))
    pd.testing.assert_frame_equal(first, second)
    assert all(s < t for s, t in zip(first["source"], first["target"]))


def test_edges_match_the_schema_and_drill_down_to_sentences():
    edges = cooccurrence(mentions_frame(), sentences_frame())
    table = pa.Table.from_pandas(edges, schema=EDGES, preserve_index=False)
    assert table.schema.equals(EDGES)
    rows = edge_sentences(edges, sentences_frame(), "Gamma", "Beta")
    assert rows[["doc_id", "sent_idx"]].values.tolist() == [["d1", 1], ["d2", 0]]
    assert rows["text"].tolist() == ["Sentence d1 1.", "Sentence d2 0."]
    with pytest.raises(NetworkError, match="no edge"):
        edge_sentences(edges, sentences_frame(), "Alpha", "Delta")


def test_empty_input_gives_an_empty_table_with_the_right_columns():
    edges = cooccurrence(mentions_frame([("d1", 0, "Alpha", "country")]), sentences_frame())
    assert edges.empty and list(edges.columns) == EDGES.names


# --- backbone -------------------------------------------------------------------------------

def star() -> nx.Graph:
    """X–a 6, X–b 2, X–c 2, a–b 1. Strengths: X 10, a 7, b 3, c 2; degrees 3, 2, 2, 1."""
    graph = nx.Graph()
    graph.add_weighted_edges_from([("X", "a", 6), ("X", "b", 2), ("X", "c", 2), ("a", "b", 1)], weight="count")
    return graph


def test_disparity_alpha_by_hand():
    alphas = disparity_alpha(star())
    # alpha_ij = (1 - w/s_i)^(k_i - 1), the smaller of the two endpoints.
    assert alphas[("X", "a")] == pytest.approx(min((1 - 6 / 10) ** 2, (1 - 6 / 7) ** 1))   # 1/7
    assert alphas[("X", "b")] == pytest.approx(min((1 - 2 / 10) ** 2, (1 - 2 / 3) ** 1))   # 1/3
    assert alphas[("X", "c")] == pytest.approx((1 - 2 / 10) ** 2)   # c has one edge: its own alpha is 1
    assert alphas[("a", "b")] == pytest.approx(min(1 - 1 / 7, 1 - 1 / 3))                 # 2/3


def test_disparity_backbone_keeps_significant_edges():
    assert sorted(disparity_backbone(star(), alpha=0.3).edges) == [("X", "a")]
    kept = disparity_backbone(star(), alpha=0.5)
    assert sorted(tuple(sorted(e)) for e in kept.edges) == [("X", "a"), ("X", "b")]
    assert kept.edges["X", "b"]["alpha"] == pytest.approx(1 / 3)
    assert "c" not in kept
    with pytest.raises(NetworkError, match="alpha"):
        disparity_backbone(star(), alpha=0)


def test_disparity_filter_refuses_non_positive_weights():
    graph = nx.Graph()
    graph.add_edge("a", "b", pmi=-0.5)
    with pytest.raises(NetworkError, match="positive weights"):
        disparity_alpha(graph, weight="pmi")


# --- metrics --------------------------------------------------------------------------------

def test_centrality_on_a_path_and_a_star_by_hand():
    path = nx.Graph()
    path.add_edge("A", "B", weight=1.0)
    path.add_edge("B", "C", weight=3.0)
    table = centrality(path).set_index("actor")
    assert table["degree"].to_dict() == {"A": 1, "B": 2, "C": 1}
    assert table["weighted_degree"].to_dict() == {"A": 1.0, "B": 4.0, "C": 3.0}
    assert table["betweenness"].to_dict() == {"A": 0.0, "B": 1.0, "C": 0.0}
    assert centrality(path)["actor"].iloc[0] == "B"   # highest PageRank first
    assert table["pagerank"].sum() == pytest.approx(1.0)
    # Star K(1,3): eigenvector centrality 1/sqrt(2) at the hub, 1/sqrt(6) at each leaf.
    star_graph = nx.star_graph(["hub", "x", "y", "z"])
    eig = centrality(star_graph).set_index("actor")["eigenvector"]
    assert eig["hub"] == pytest.approx(1 / math.sqrt(2), rel=1e-6)
    assert eig["x"] == pytest.approx(1 / math.sqrt(6), rel=1e-6)


def test_centrality_refuses_negative_weights():
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=-0.2)
    with pytest.raises(NetworkError, match="min_weight=0"):
        centrality(graph)


def two_triangles(order: list[tuple[str, str]] | None = None) -> nx.Graph:
    edges = order or [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")]
    graph = nx.Graph()
    graph.add_edges_from(edges, weight=1.0)
    return graph


def test_louvain_communities_are_deterministic_and_labelled_stably():
    found = communities(two_triangles())
    assert found == {"a": 0, "b": 0, "c": 0, "x": 1, "y": 1, "z": 1}
    reordered = two_triangles([("z", "x"), ("c", "x"), ("y", "z"), ("b", "c"), ("x", "y"), ("a", "c"), ("a", "b")])
    for _ in range(3):
        assert communities(reordered) == found


def test_ego_network():
    ego = ego_network(two_triangles(), "a")
    assert list(ego.nodes) == ["a", "b", "c"]          # in sorted order: repeatable layouts and exports
    assert sorted(ego_network(two_triangles(), "a", radius=2).nodes) == ["a", "b", "c", "x"]
    with pytest.raises(NetworkError, match="did you mean"):
        ego_network(two_triangles(), "aa")


def test_graph_carries_weights_evidence_and_node_attributes():
    mentions = mentions_frame()
    graph = to_graph(cooccurrence(mentions, sentences_frame()), actor_nodes(mentions))
    assert graph.edges["Alpha", "Beta"]["count"] == 2
    assert graph.edges["Alpha", "Beta"]["sentence_ids"] == ["d1:0", "d1:1"]
    assert graph.nodes["Alpha"]["n_mentions"] == 4 and graph.nodes["Alpha"]["n_docs"] == 1
    positive = to_graph(cooccurrence(mentions, sentences_frame(), weight="pmi"), min_weight=0)
    assert not positive.has_edge("Alpha", "Gamma")      # PMI < 0: rarer together than by chance


# --- time -----------------------------------------------------------------------------------

def articles_frame() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["d1", "d2", "d3"],
                         "published": [pd.Timestamp("2023-01-05").date(), pd.Timestamp("2024-03-01").date(), None],
                         "outlet": ["Wire", "Post", None]})


def test_period_labels():
    published = articles_frame()["published"]
    assert period_labels(published, "year").tolist() == ["2023", "2024", None]
    assert period_labels(published, "quarter").tolist() == ["2023Q1", "2024Q1", None]
    assert period_labels(published, "month").tolist() == ["2023-01", "2024-03", None]
    with pytest.raises(NetworkError, match="period 'week'"):
        period_labels(published, "week")


def test_time_slices_changes_and_centrality_over_time():
    mentions = pd.concat([mentions_frame(), mentions_frame([("d3", 0, "Alpha", "country"), ("d3", 0, "Delta", "country")])])
    slices = time_slices(mentions, sentences_frame(), articles_frame(), period="year", weight="count")
    assert slices.n_undated == 1                             # d3 has no date: left out, counted
    assert sorted(slices.edges) == ["2023", "2024"] and slices.n_docs == {"2023": 1, "2024": 1}
    assert slices.edges["2024"][["source", "target"]].values.tolist() == [["Beta", "Gamma"]]
    assert "Delta" not in set(slices.edges["2023"][["source", "target"]].stack())
    changes = edge_changes(slices)
    assert changes[["period", "previous", "source", "target", "change"]].values.tolist() == [
        ["2024", "2023", "Alpha", "Beta", "vanished"], ["2024", "2023", "Alpha", "Gamma", "vanished"]]
    over_time = centrality_over_time(slices)
    assert over_time[over_time["period"] == "2024"]["actor"].tolist() == ["Beta", "Gamma"]
    assert over_time.set_index(["period", "actor"]).loc[("2023", "Beta"), "degree"] == 2


# --- outlets --------------------------------------------------------------------------------

def test_outlet_bipartite_network_and_projections():
    network = outlet_network(mentions_frame(), articles_frame())
    assert network.n_without_outlet == 1
    assert nx.is_bipartite(network.bipartite)
    assert network.bipartite.edges["outlet:Wire", "actor:Alpha"]["weight"] == 1
    assert sorted(network.outlets.edges(data="weight")) == [("Post", "Wire", 2)]       # Beta and Gamma
    assert network.actors.edges["Beta", "Gamma"]["weight"] == 2                         # both outlets
    assert network.actors.edges["Alpha", "Beta"]["weight"] == 1


def test_outlet_network_without_a_known_outlet_is_empty_not_an_error():
    network = outlet_network(mentions_frame(), articles_frame().assign(outlet=None))
    assert network.n_without_outlet == len(articles_frame())
    assert network.outlets.number_of_nodes() == network.actors.number_of_nodes() == 0


# --- the pipeline's entry point -------------------------------------------------------------

def write_tables(folder, mentions: pd.DataFrame, text: str = "Alpha met Beta. Beta and Gamma.") -> None:
    mentions = mentions.assign(end=mentions["start"] + 1, surface=mentions["actor_name"],
                               actor_id=mentions["actor_name"], via="name", country=None, sector=None)
    sentences = sentences_frame().assign(start=0, end=1)
    articles = pd.DataFrame({"doc_id": ["d1", "d2"], "text": [text, text]})
    pq.write_table(pa.Table.from_pandas(mentions[SCHEMAS["mentions"].names], schema=SCHEMAS["mentions"],
                                        preserve_index=False), folder / "mentions.parquet")
    pq.write_table(pa.Table.from_pandas(sentences[SCHEMAS["sentences"].names], schema=SCHEMAS["sentences"],
                                        preserve_index=False), folder / "sentences.parquet")
    pq.write_table(pa.Table.from_pandas(articles), folder / "articles.parquet")


def test_write_network_tables(tmp_path):
    write_tables(tmp_path, mentions_frame())
    counts = write_network_tables(tmp_path, window="sentence", weight="count")
    assert counts == {"edges": 3, "interactions": 0}
    edges = pq.read_table(tmp_path / "edges.parquet")
    assert edges.schema.equals(EDGES)
    assert edges.column("weight").to_pylist() == [2.0, 1.0, 2.0]
    from analysis.network.interactions import INTERACTIONS
    assert pq.read_table(tmp_path / "interactions.parquet").schema.equals(INTERACTIONS)


def test_write_network_tables_when_nothing_cooccurs(tmp_path):
    write_tables(tmp_path, mentions_frame([("d1", 0, "Alpha", "country")]))
    assert write_network_tables(tmp_path) == {"edges": 0, "interactions": 0}
    assert pq.read_table(tmp_path / "edges.parquet").num_rows == 0


def test_write_network_tables_names_missing_tables(tmp_path):
    with pytest.raises(NetworkError, match="mentions"):
        write_network_tables(tmp_path)


# --- real and sample articles ---------------------------------------------------------------

def assert_edges_trace_to_clean_text(tables: dict[str, pd.DataFrame], edges: pd.DataFrame) -> None:
    sentences = tables["sentences"].set_index(["doc_id", "sent_idx"])
    texts = dict(zip(tables["articles"]["doc_id"], tables["articles"]["text"]))
    for ids in edges["sentence_ids"]:
        for sentence_id in ids:
            doc_id, sent_idx = sentence_id.rsplit(":", 1)
            row = sentences.loc[(doc_id, int(sent_idx))]          # KeyError if the sentence does not exist
            assert texts[doc_id][row["start"]:row["end"]] == row["text"]


def test_sample_edges_trace_to_sentences_of_the_clean_text(sample_tables):
    edges = cooccurrence(sample_tables["mentions"], sample_tables["sentences"])
    assert len(edges) > 0
    assert_edges_trace_to_clean_text(sample_tables, edges)
    ids = {i.rsplit(":", 1)[0] for i in edge(edges, "China", "Russia")["sentence_ids"]}
    assert len(ids) >= 5                                     # a tie across many sample articles


def test_seed_edges_come_from_clean_sentences_not_boilerplate(seeds_tables):
    edges = cooccurrence(seeds_tables["mentions"], seeds_tables["sentences"])
    assert len(edges) > 0
    assert_edges_trace_to_clean_text(seeds_tables, edges)
    # Boilerplate removed at ingestion never reaches a sentence, so it cannot make an edge.
    removed = [line["text"] for lines in seeds_tables["articles"]["removed_lines"] for line in lines]
    evidence = {i for ids in edges["sentence_ids"] for i in ids}
    sentences = seeds_tables["sentences"]
    evidence_text = sentences[(sentences["doc_id"] + ":" + sentences["sent_idx"].astype(str)).isin(evidence)]["text"]
    for line in removed:
        if len(line.strip()) > 20:
            assert not any(line.strip() == text.strip() for text in evidence_text)


@pytest.mark.parametrize("pair", [("Vladimir Putin", "Xi Jinping"), ("China", "Russia"), ("Iran", "Russia"),
                                  ("Russia", "Venezuela")])
def test_seed_pairs_cooccur_in_a_sentence(seeds_tables, pair):
    edges = cooccurrence(seeds_tables["mentions"], seeds_tables["sentences"])
    row = edges[(edges["source"] == pair[0]) & (edges["target"] == pair[1])]
    assert len(row) == 1 and row.iloc[0]["n_sentences"] >= 1, f"{pair[0]} and {pair[1]} never share a sentence"


# --- notebook 03's exercise solutions, on the sample tables (conftest's sample_dir) ---------

@pytest.fixture(scope="module")
def solutions():
    return load_solutions("03_actor_network")


def test_exercise_1_wider_windows_only_add_pairs(solutions, sample_dir):
    table = solutions.exercise_1(sample_dir).set_index("window")
    assert table.loc["sentence", "pairs"] > 0
    assert table.loc["sentence", "pairs"] <= table.loc["paragraph", "pairs"] <= table.loc["document", "pairs"]


def test_exercise_2_backbone_grows_with_alpha(solutions, sample_dir):
    table = solutions.exercise_2(sample_dir)
    assert table["edges"].is_monotonic_increasing and table["actors"].is_monotonic_increasing
    assert table["edges"].iloc[0] < table["edges"].iloc[-1]


def test_exercise_3_drills_down_to_real_sentences(solutions, sample_dir):
    rows = solutions.exercise_3(sample_dir)
    assert len(rows) >= 2 and rows["text"].notna().all()
    mentions = pd.read_parquet(sample_dir / "mentions.parquet")
    for row in rows.itertuples():
        named = set(mentions[(mentions["doc_id"] == row.doc_id) & (mentions["sent_idx"] == row.sent_idx)]["actor_name"])
        assert {row.source, row.target} <= named
