"""Draft dictionary entries from discovered names: typed by their context, valid once reviewed."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest
import yaml

from analysis.actors.drafts import draft_entries, draft_id, entry_type
from analysis.actors.extractor import ActorExtractor
from analysis.lexicons.actors import DEFAULT_DIR, LexiconError, load_dictionary


def candidates(*rows) -> pd.DataFrame:
    return pd.DataFrame([{"name": name, "kind": kind, "n_mentions": n, "n_docs": 1,
                          "examples": [{"doc_id": "d1", "sent_idx": 0, "sentence": f"Then {name} spoke at length."}]}
                         for name, kind, n in rows])


def test_the_context_decides_the_type_where_it_can():
    assert entry_type("speech_verb") == entry_type("capitalised,title_before") == "person"
    assert entry_type("organisation_head") == "organization" and entry_type("affiliation,capitalised") == "organization"
    assert entry_type("capitalised") == entry_type("ner") == "TODO"
    assert entry_type("event") is None


def test_drafts_skip_events_known_names_and_rare_names_and_keep_ids_unique():
    dictionary = load_dictionary()
    table = candidates(("Dana Whitcombe", "speech_verb", 4), ("Kazan Grain Forum", "event", 3),
                       ("Vladimir Putin", "capitalised", 3), ("Northgate Lab", "organisation_head", 2),
                       ("Vladimir-Putin", "capitalised", 2), ("Quiet Name", "capitalised", 1))
    entries = yaml.safe_load(draft_entries(table, dictionary, top=10, min_mentions=2))["actors"]
    assert [(e["name"], e["type"]) for e in entries] == [
        ("Dana Whitcombe", "person"), ("Northgate Lab", "organization"), ("Vladimir-Putin", "TODO")]
    assert entries[2]["id"] == "vladimir_putin_2"  # "vladimir_putin" is taken
    assert len(yaml.safe_load(draft_entries(table, dictionary, top=1))["actors"]) == 1


def test_draft_ids_are_ones_the_dictionary_accepts_whatever_the_names_script(tmp_path):
    assert draft_id("Lucía Arámbula") == "lucia_arambula"
    assert draft_id("Institut für Osteuropäische Finanzstudien") == "institut_fur_osteuropaische_finanzstudien"
    assert draft_id("Straße der Banken") == "strasse_der_banken" and draft_id("Œuvre Łódź") == "oeuvre_lodz"
    assert draft_id("Путин") == "actor"  # nothing Latin to keep: a placeholder the reader renames
    folder = tmp_path / "actors"
    shutil.copytree(DEFAULT_DIR, folder)
    table = candidates(("Lucía Arámbula", "according_to", 2), ("Núcleo Cerrado de Estudos", "organisation_head", 2))
    (folder / "drafts.yaml").write_text(draft_entries(table, load_dictionary()), encoding="utf-8")
    dictionary = load_dictionary(folder)  # no "id must be lowercase letters, digits and underscores"
    assert {"lucia_arambula", "nucleo_cerrado_de_estudos"} <= set(dictionary.actors)


def test_reviewed_drafts_extend_the_dictionary(tmp_path):
    folder = tmp_path / "actors"
    shutil.copytree(DEFAULT_DIR, folder)
    table = candidates(("Dana Whitcombe", "speech_verb", 2), ("Harbour Lights", "capitalised", 2))
    (folder / "drafts.yaml").write_text(draft_entries(table, load_dictionary()), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"drafts.yaml: entry 2 \('harbour_lights'\): type 'TODO'"):
        load_dictionary(folder)
    reviewed = (folder / "drafts.yaml").read_text(encoding="utf-8").replace("type: TODO", "type: organization")
    (folder / "drafts.yaml").write_text(reviewed, encoding="utf-8")
    mentions = ActorExtractor(load_dictionary(folder)).extract("Dana Whitcombe met Harbour Lights.").mentions
    assert [(m.actor_name, m.actor_type, m.via) for m in mentions] == [
        ("Dana Whitcombe", "person", "name"), ("Harbour Lights", "organization", "name")]


def test_the_command_drafts_from_a_runs_candidates(sample_dir, tmp_path):
    out = tmp_path / "drafts.yaml"
    done = subprocess.run([sys.executable, "-m", "analysis", "actors", "candidates", "--tables", str(sample_dir),
                           "--top", "5", "--out", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "5 draft entries written" in done.stdout
    entries = yaml.safe_load(out.read_text(encoding="utf-8"))["actors"]
    sample = pd.read_parquet(sample_dir / "candidates.parquet")
    assert [e["name"] for e in entries] == [n for n, k in zip(sample["name"], sample["kind"]) if k != "event"][:5]
    missing = subprocess.run([sys.executable, "-m", "analysis", "actors", "candidates", "--tables", str(tmp_path)],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "candidates.parquet not found" in missing.stderr
