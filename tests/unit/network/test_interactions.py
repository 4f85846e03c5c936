"""Directed "A <verb> B" interactions on synthetic sentences (our own words)."""
from __future__ import annotations

import re

import pandas as pd
import pytest
import yaml

from analysis.network.interactions import (
    INTERACTIONS,
    QUAD_CLASSES,
    extract_interactions,
    extract_interactions_table,
    interaction_graph,
    load_lexicon,
)

TYPES = {"Russia": "country", "Iran": "country", "China": "country", "Brazil": "country", "Ukraine": "country",
         "United States": "country", "Russian": "country", "BRICS": "organization", "Kazan": "place",
         "Ledger": "media", "Ivo Marsh": "person"}
CANONICAL = {"Russian": "Russia"}


def document(text: str) -> tuple[list[dict], list[dict]]:
    """Sentences (one per line) and mentions of the names in TYPES, found by exact match."""
    sentences, mentions, start = [], [], 0
    for sent_idx, line in enumerate(text.split("\n")):
        sentences.append({"sent_idx": sent_idx, "start": start, "end": start + len(line)})
        pattern = "|".join(re.escape(n) for n in sorted(TYPES, key=len, reverse=True))
        for match in re.finditer(rf"\b(?:{pattern})\b", line):
            name = match.group(0)
            mentions.append({"sent_idx": sent_idx, "start": start + match.start(), "end": start + match.end(),
                             "actor_name": CANONICAL.get(name, name), "actor_type": TYPES[name]})
        start += len(line) + 1
    return sentences, mentions


def events(text: str) -> list[tuple[str, str, str, str]]:
    sentences, mentions = document(text)
    return [(r["source"], r["target"], r["lemma"], r["quad_class"])
            for r in extract_interactions(text, sentences, mentions)]


@pytest.mark.parametrize("text, expected", [
    ("Russia sanctioned Iran.", [("Russia", "Iran", "sanction", "material_conflict")]),
    ("China imposed sanctions on the United States last week.",
     [("China", "United States", "impose sanctions on", "material_conflict")]),
    ("Brazil sided with China at the talks.", [("Brazil", "China", "side with", "verbal_cooperation")]),
    ("Russia has strongly criticised Iran.", [("Russia", "Iran", "criticize", "verbal_conflict")]),
    ("Iran will supply Russia with grain.", [("Iran", "Russia", "supply", "material_cooperation")]),
    ("Russian forces invaded Ukraine.", [("Russia", "Ukraine", "invade", "material_conflict")]),
    ("Ivo Marsh met with China in the spring.", [("Ivo Marsh", "China", "meet", "verbal_cooperation")]),
    ("BRICS welcomed Iran, and Iran thanked Brazil.", [("BRICS", "Iran", "welcome", "verbal_cooperation"),
                                                       ("Iran", "Brazil", "thank", "verbal_cooperation")]),
    ("Ivo Marsh also thanked Brazil.", [("Ivo Marsh", "Brazil", "thank", "verbal_cooperation")]),
    ("Ivo Marsh made a state visit to China.", [("Ivo Marsh", "China", "make a visit to", "verbal_cooperation")]),
    ("China expressed support for Iran.", [("China", "Iran", "express support for", "verbal_cooperation")]),
    ("Brazil will also meet with Norland Deputy Minister Ivo Marsh.",
     [("Brazil", "Ivo Marsh", "meet", "verbal_cooperation")]),
])
def test_clear_subject_verb_object_is_recorded(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text", [
    "Russia did not sanction Iran.",                 # negated
    "Russia never backed Iran.",
    "Russia hasn't sanctioned Iran.",
    "Russia no longer supports Iran.",
    "Iran was sanctioned by Russia.",                # passive: the agent is not the subject
    "An envoy of Iran criticised Russia.",           # the source is an object, not the subject
    "Russia and China condemned Iran.",              # coordinated subject: not clearly one source
    "Russia said that the war had changed and it condemned Iran.",   # words between: not clear
    "Russia, China and Iran met in Kazan.",          # a list, no verb between neighbours
    "Ledger criticised Iran.",                       # outlets report; they are not actors
    "Russia hosted Kazan talks.",                    # places are not targets
    "Russia condemned Russia.",                      # no self-interaction
    "Russia also did not sanction Iran.",            # negated after an adverb
    "Russia sanctioned Great Eastern Iran.",         # capitalised words before a country: not a title
])
def test_unclear_or_negated_sentences_record_nothing(text):
    assert events(text) == []


def test_offsets_point_at_source_verb_and_target():
    text = "A quiet week.\nThen Russia imposed sanctions against Iran."
    sentences, mentions = document(text)
    [row] = extract_interactions(text, sentences, mentions)
    assert row["sent_idx"] == 1 and text[row["start"]:row["end"]] == "Then Russia imposed sanctions against Iran."
    assert text[row["source_start"]:row["source_end"]] == "Russia"
    assert text[row["verb_start"]:row["verb_end"]] == "imposed sanctions against"
    assert text[row["target_start"]:row["target_end"]] == "Iran"
    assert row["verb"] == "imposed sanctions against" and row["cameo"] == "163" and row["sign"] == -1


def test_table_and_signed_directed_graph():
    texts = {
        "d1": "Russia praised Iran.\nRussia sanctioned Iran.\nIran thanked Russia.",
        "d2": "China criticised the United States.\nChina condemned the United States.",
    }
    articles = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    sentence_rows, mention_rows = [], []
    for doc_id, text in texts.items():
        sentences, mentions = document(text)
        sentence_rows += [{"doc_id": doc_id, **s} for s in sentences]
        mention_rows += [{"doc_id": doc_id, **m} for m in mentions]
    table = extract_interactions_table(articles, pd.DataFrame(sentence_rows), pd.DataFrame(mention_rows))
    assert list(table.columns) == INTERACTIONS.names
    assert table[["doc_id", "sent_idx", "source", "target", "sign"]].values.tolist() == [
        ["d1", 0, "Russia", "Iran", 1], ["d1", 1, "Russia", "Iran", -1], ["d1", 2, "Iran", "Russia", 1],
        ["d2", 0, "China", "United States", -1], ["d2", 1, "China", "United States", -1]]
    graph = interaction_graph(table)
    assert graph.is_directed()
    ri = graph.edges["Russia", "Iran"]
    assert (ri["n_cooperation"], ri["n_conflict"], ri["weight"], ri["sign"]) == (1, 1, 0, 0)
    assert ri["sentence_ids"] == ["d1:0", "d1:1"] and ri["verbs"] == ["praise", "sanction"]
    assert graph.edges["Iran", "Russia"]["sign"] == 1
    cu = graph.edges["China", "United States"]
    assert (cu["weight"], cu["sign"], cu["quad_classes"]) == (-2, -1, ["verbal_conflict"])
    # Same input, same table.
    again = extract_interactions_table(articles, pd.DataFrame(sentence_rows[::-1]), pd.DataFrame(mention_rows[::-1]))
    pd.testing.assert_frame_equal(table, again)


def test_empty_table_has_the_schema():
    empty = extract_interactions_table(pd.DataFrame({"doc_id": [], "text": []}),
                                       pd.DataFrame(columns=["doc_id", "sent_idx", "start", "end"]),
                                       pd.DataFrame(columns=["doc_id", "sent_idx", "start", "end", "actor_name",
                                                             "actor_type"]))
    assert empty.empty and list(empty.columns) == INTERACTIONS.names
    assert interaction_graph(empty).number_of_edges() == 0


def test_lexicon_covers_the_four_quad_classes_with_documented_signs():
    from analysis.network.interactions import LEXICON_PATH
    data = yaml.safe_load(LEXICON_PATH.read_text())
    assert set(data["quad_classes"]) == set(QUAD_CLASSES)
    assert {v["quad_class"] for v in data["verbs"]} == set(QUAD_CLASSES)
    assert {name: spec["sign"] for name, spec in data["quad_classes"].items()} == {
        "verbal_cooperation": 1, "material_cooperation": 1, "verbal_conflict": -1, "material_conflict": -1}
    forms = [f for v in data["verbs"] for f in v["forms"]]
    assert len(forms) == len(set(forms)), "a verb form belongs to two entries"


def test_a_lexicon_with_an_unknown_class_is_refused(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("quad_classes: {verbal_conflict: {sign: -1}}\n"
                    "verbs: [{lemma: scold, cameo: '111', quad_class: scolding, forms: [scolded]}]\n")
    with pytest.raises(ValueError, match="unknown quad_class 'scolding'"):
        load_lexicon(path)


def test_sample_interactions_point_at_their_sentences(sample_tables):
    table = extract_interactions_table(sample_tables["articles"], sample_tables["sentences"], sample_tables["mentions"])
    texts = dict(zip(sample_tables["articles"]["doc_id"], sample_tables["articles"]["text"]))
    assert ("Russia", "Ukraine", "material_conflict") in set(zip(table["source"], table["target"], table["quad_class"]))
    for row in table.itertuples():
        sentence = texts[row.doc_id][row.start:row.end]
        assert texts[row.doc_id][row.verb_start:row.verb_end] == row.verb
        assert row.start <= row.source_start < row.verb_start < row.target_start < row.end
        assert row.verb in sentence


@pytest.mark.parametrize("source, target, quad_class", [
    ("Vladimir Putin", "Xi Jinping", "verbal_cooperation"),
    ("Xi Jinping", "Russia", "verbal_cooperation"),
    ("Sergei Lavrov", "Venezuela", "verbal_cooperation"),
])
def test_seed_interactions(seeds_tables, source, target, quad_class):
    table = extract_interactions_table(seeds_tables["articles"], seeds_tables["sentences"], seeds_tables["mentions"])
    assert (source, target, quad_class) in set(zip(table["source"], table["target"], table["quad_class"]))
    assert set(table["quad_class"]) <= {"verbal_cooperation", "material_cooperation"}   # no conflict is stated


@pytest.mark.parametrize("content, message", [
    ("quad_classes: {verbal_conflict: {sign: 2}}\nverbs: []\n", "needs 'sign: 1'"),
    ("quad_classes: {verbal_conflict: {sign: -1}}\nverbs: [{lemma: scold, cameo: '111', quad_class: verbal_conflict, "
     "form: [scolded]}]\n", "unknown key 'form'; did you mean 'forms'"),
    ("verbs: []\n", "expected a mapping with 'quad_classes'"),
    ("quad_classes: {verbal_conflict: {sign: -1}}\nverbs: [{lemma: scold, cameo: '111', quad_class: verbal_conflict}]\n",
     "missing 'forms'"),
])
def test_a_malformed_lexicon_names_the_file_and_the_fix(tmp_path, content, message):
    from analysis.errors import LexiconError

    path = tmp_path / "interactions.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon(path)
