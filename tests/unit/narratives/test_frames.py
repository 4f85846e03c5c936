"""Frames on synthetic snippets: cues, patterns, evidence sentences, lexicon validation."""
from __future__ import annotations

import re

import pytest

from analysis.errors import LexiconError
from analysis.narratives.frames import FRAME_IDS, frame_rows, load_frames


def sentences_of(text: str) -> list[dict]:
    return [{"sent_idx": i, "start": m.start(), "end": m.end()}
            for i, m in enumerate(re.finditer(r"[^\s].*?(?:[.!?](?=\s|$)|$)", text))]


def frames(text: str) -> dict[str, dict]:
    return {row["frame"]: row for row in frame_rows("doc", text, sentences_of(text))}


def test_every_contract_frame_is_defined_with_definition_and_examples():
    loaded = {frame.id: frame for frame in load_frames()}
    assert set(FRAME_IDS) <= set(loaded)
    for frame in loaded.values():
        assert frame.definition and frame.example and frame.not_example and frame.cues


@pytest.mark.parametrize("text, frame", [
    ("Both governments want to end their dependence on the US dollar.", "dedollarization"),
    ("Analysts call it de-dollarisation by stealth.", "dedollarization"),
    ("Members discussed a common currency for the bloc.", "brics_currency"),
    ("The two neighbours now settle most invoices in rubles and yuan.", "local_currency_settlement"),
    ("Exporters will be paid in their own currencies.", "local_currency_settlement"),
    ("The lender connected to CIPS after losing access to SWIFT.", "payment_systems"),
    ("Tourists can now use Mir cards at hotels.", "payment_systems"),
    ("The central bank added gold to its reserves again.", "reserve_diversification"),
    ("Officials said they want to diversify the country's reserves.", "reserve_diversification"),
    ("The country cut its holdings of US Treasuries for a fifth month.", "treasury_selloff"),
    ("New sanctions hit the banking sector.", "sanctions"),
    ("Leaders called for a multipolar order.", "multipolar_order"),
])
def test_each_frame_is_found_by_its_cues(text, frame):
    assert frame in frames(text)


@pytest.mark.parametrize("text, frame", [
    ("The dollar rose against the euro on Tuesday.", "dedollarization"),
    ("Gold jewellery sales rose during the festival.", "reserve_diversification"),
    ("Treasury yields climbed after the jobs report.", "treasury_selloff"),
    ("The yuan weakened against the dollar.", "local_currency_settlement"),
    ("The word mir means peace and world.", "payment_systems"),   # lower-case "mir" is not the card system
])
def test_near_misses_are_not_the_frame(text, frame):
    assert frame not in frames(text)


def test_evidence_lists_sentences_and_counts_each_once():
    text = ("Nothing here is about money. Sanctions were tightened and more sanctions are coming. "
            "A new round of sanctions followed.")
    row = frames(text)["sanctions"]
    assert (row["n_evidence"], row["evidence"], row["cues"]) == (2, [1, 2], ["sanctions"])


def test_rows_are_sorted_by_frame_and_deterministic():
    text = "Sanctions bit. The shift away from the dollar continued, and Mir cards spread."
    first = frame_rows("doc", text, sentences_of(text))
    assert [r["frame"] for r in first] == sorted(r["frame"] for r in first)
    assert first == frame_rows("doc", text, sentences_of(text))


def test_frame_lexicon_errors_name_file_and_entry(tmp_path):
    (tmp_path / "frames.yaml").write_text(
        "- id: sanctions\n  definition: d\n  example: e\n  not_example: n\n  cues: [sanctions]\n  patterns: ['(']\n",
        encoding="utf-8")
    with pytest.raises(LexiconError, match=r"frames.yaml, entry 1 \(sanctions\): pattern '\(' is not a valid"):
        load_frames(tmp_path)
    (tmp_path / "frames.yaml").write_text("- id: sanctions\n  cues: [sanctions]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"frames.yaml, entry 1 \(sanctions\): missing 'definition'"):
        load_frames(tmp_path / ".")


@pytest.mark.parametrize("text, frame", [
    ("Venezuela busca comerciar con sus socios en monedas locales.", "local_currency_settlement"),
    ("O debate sobre a desdolarização ganhou força no Brasil.", "dedollarization"),
    ("Les banques centrales veulent une monnaie commune pour le bloc.", "brics_currency"),
    ("Die Goldreserven der Zentralbank wachsen seit Jahren.", "reserve_diversification"),
    ("Die neuen Sanktionen treffen die Banken.", "sanctions"),
    ("Les dirigeants appellent à un monde multipolaire.", "multipolar_order"),
])
def test_frames_are_found_by_their_cues_in_other_languages(text, frame):
    assert frame in frames(text)


def test_cues_abroad_must_map_a_language_code_to_cues(tmp_path):
    entry = "- id: sanctions\n  definition: d\n  example: e\n  not_example: n\n  cues: [sanctions]\n"
    (tmp_path / "frames.yaml").write_text(entry + "  cues_abroad: {spanish: [sanciones]}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"frames.yaml, entry 1 \(sanctions\): cues_abroad must map a two-letter"):
        load_frames(tmp_path)
    (tmp_path / "frames.yaml").write_text(entry + "  cues_abroad: {es: []}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"frames.yaml, entry 1 \(sanctions\): 'es' must be a non-empty list"):
        load_frames(tmp_path / ".")
    (tmp_path / "frames.yaml").write_text(entry + "  cues_abroad: {es: [sanciones], de: Sanktionen}\n", encoding="utf-8")
    assert load_frames(tmp_path / "./.")[0].cues == ("sanctions", "Sanktionen", "sanciones")
