"""Exact and near-duplicate detection."""
from __future__ import annotations

from analysis.ingest.dedup import DuplicateDetector

STORY = ("Russia and China agreed to expand the use of national currencies in bilateral trade, officials said "
         "after talks in Beijing. The two central banks will extend their currency swap line and connect more "
         "regional lenders to the national payment systems. Trade between the neighbours reached a record last "
         "year, driven by energy exports, machinery and cars. Analysts at the fictional Meridian Policy Lab said "
         "the share of the dollar in their settlements had fallen below one tenth. The agreement also covers "
         "insurance for shipping and a joint working group on payments that will meet every quarter.")
OTHER = ("Brazil and China signed an agreement to settle trade in reais and yuan without converting through the "
         "dollar. The arrangement relies on a clearing bank in Brazil and on the Chinese cross-border interbank "
         "payment system. Exporters of soybeans and iron ore are expected to be the first users of the scheme, "
         "according to a statement published by the central bank after the meeting in the capital.")


def syndicated(story: str) -> str:
    return story.replace("officials said after talks in Beijing", "officials said on Tuesday after talks in Beijing") \
        + " Follow our coverage for more."


def test_exact_copy_is_found_by_id():
    detector = DuplicateDetector()
    assert detector.check("a", STORY) is None
    match = detector.check("a", STORY)
    assert match.kind == "exact" and match.of_doc_id == "a"


def test_syndicated_copy_with_small_edits_is_a_near_duplicate_of_the_first():
    detector = DuplicateDetector()
    assert detector.check("first", STORY) is None
    assert detector.check("other", OTHER) is None
    match = detector.check("copy", syndicated(STORY))
    assert match.kind == "near" and match.of_doc_id == "first" and 0.8 <= match.similarity < 1.0


def test_different_stories_are_kept():
    detector = DuplicateDetector()
    assert detector.check("a", STORY) is None
    assert detector.check("b", OTHER) is None


def test_same_input_same_similarity():
    results = []
    for _ in range(2):
        detector = DuplicateDetector()
        detector.check("first", STORY)
        results.append(detector.check("copy", syndicated(STORY)))
    assert results[0] == results[1]
