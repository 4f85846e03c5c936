"""Sentences with character offsets into the clean article text.

Every later number (an actor mention, an amount, a claim) points back to a
sentence by ``(doc_id, sent_idx)`` and to the text by ``start``/``end``, so
``text[start:end] == sentence`` always holds. Sentences never cross paragraphs.
The splitting itself is syntok's (rule-based, handles "U.S." and "Mr."), chosen
over pysbd for speed and native offsets.
"""
from __future__ import annotations

from dataclasses import dataclass

import syntok.segmenter as syntok

__all__ = ["PARAGRAPH_BREAK", "Sentence", "split_sentences"]

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Sentence:
    sent_idx: int
    para_idx: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split clean ``text`` (paragraphs joined by blank lines) into offset-carrying sentences.

    >>> [(s.sent_idx, s.para_idx, s.text) for s in split_sentences("Gold rose. Mr. Smith said so.\\n\\nA new one.")]
    [(0, 0, 'Gold rose.'), (1, 0, 'Mr. Smith said so.'), (2, 1, 'A new one.')]
    """
    sentences: list[Sentence] = []
    offset = 0
    for para_idx, paragraph in enumerate(text.split(PARAGRAPH_BREAK)):
        for para in syntok.analyze(paragraph):
            for tokens in para:
                if not tokens:
                    continue
                start = offset + tokens[0].offset
                end = offset + tokens[-1].offset + len(tokens[-1].value)
                sentences.append(Sentence(len(sentences), para_idx, start, end, text[start:end]))
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    return sentences
