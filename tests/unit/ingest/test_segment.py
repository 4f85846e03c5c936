"""Sentence splitting keeps exact offsets and paragraph boundaries."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from analysis.ingest.segment import split_sentences


def test_abbreviations_and_quotes():
    text = "The U.S. Treasury said so. Mr. Lavrov met Gil on Thursday.\n\n\u201cWe agree,\u201d the envoy said. Done!"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["The U.S. Treasury said so.", "Mr. Lavrov met Gil on Thursday.",
                                           "\u201cWe agree,\u201d the envoy said.", "Done!"]
    assert [s.para_idx for s in sentences] == [0, 0, 1, 1]
    assert [s.sent_idx for s in sentences] == [0, 1, 2, 3]


def test_headings_are_their_own_sentence():
    sentences = split_sentences("Background\n\nTrade grew in 2023.")
    assert [s.text for s in sentences] == ["Background", "Trade grew in 2023."]


PARAGRAPH = st.lists(st.sampled_from(["Trade grew.", "The bank, said Mr. Ivanov, sold $5.5 billion.", "Why?",
                                      "\u201cNo,\u201d she said.", "Gold rose 3.5% in May.", "e.g. the yuan"]),
                     min_size=1, max_size=6).map(" ".join)


@given(st.lists(PARAGRAPH, min_size=1, max_size=5).map("\n\n".join))
def test_offsets_always_point_at_the_sentence(text):
    sentences = split_sentences(text)
    assert sentences
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
        assert "\n\n" not in sentence.text
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
