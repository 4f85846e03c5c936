"""Frames: which recurring ways of describing the currency shift an article uses, with evidence.

A **frame** "selects some aspects of a perceived reality and makes them more salient"
(Entman 1993, *Framing: Toward Clarification of a Fractured Paradigm*, J. Communication
43(4)). Following dictionary-based frame detection (e.g. Matthes & Kohring 2008, who
operationalise a frame as a cluster of indicator elements), each frame in
``data/lexicons/narratives/frames.yaml`` is a documented list of cue phrases and a few
regular expressions for cues with a gap ("settle … in yuan"). A sentence with a cue is
**evidence**; an article has the frame when at least one sentence is evidence, and
``n_evidence`` counts those sentences, so a reader can weigh one passing mention against a
whole article and open every sentence behind the number.

Cue phrases are matched in one pass with the project's Aho-Corasick matcher
(:class:`analysis.actors.matching.AliasMatcher`: whole words, case-insensitive except for the
capitals a cue has, so "Mir" the payment system is not "mir"); patterns are compiled once.
Each frame also lists its cues in Spanish, Portuguese, French and German (``cues_abroad``): the
patterns are English, so in those languages a frame rests on its cue phrases alone.
:func:`frame_rows` is pure.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.actors.matching import AliasMatcher
from analysis.errors import LexiconError
from analysis.lexicons.io import LEXICON_DIR, entry_field, read_lexicon

__all__ = ["FRAME_IDS", "Frame", "FrameEvidence", "load_frames", "FrameDetector", "frame_rows"]

FRAME_IDS = ("dedollarization", "brics_currency", "local_currency_settlement", "payment_systems",
             "reserve_diversification", "treasury_selloff", "sanctions", "multipolar_order")


@dataclass(frozen=True)
class Frame:
    id: str
    definition: str
    example: str
    not_example: str
    cues: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]
    needs: tuple[str, ...] = ()   # lower-case words a sentence must contain for the patterns to be tried


@dataclass(frozen=True)
class FrameEvidence:
    frame: str
    sent_idx: int
    start: int
    end: int
    cue: str          # the text as written


def load_frames(folder: Path | str | None = None) -> tuple[Frame, ...]:
    """The frames of ``frames.yaml``, validated (errors name the file, entry and fix)."""
    return _load_frames(str(folder or LEXICON_DIR))


@lru_cache(maxsize=8)
def _load_frames(folder: str) -> tuple[Frame, ...]:
    path, entries = read_lexicon("frames.yaml", folder)
    frames, seen = [], set()
    for index, entry in enumerate(entries):
        frame_id = entry_field(path, index, entry, "id")
        if frame_id in seen:
            raise LexiconError(f"{path.name}, entry {index + 1} ({frame_id}): frame id used twice; merge the entries")
        seen.add(frame_id)
        cues = list(entry_field(path, index, entry, "cues", list))
        cues += _cues_abroad(path, index, entry, frame_id)
        for lexicon in entry_field(path, index, entry, "lexicons", list, required=False):
            cues += _lexicon_cues(folder, lexicon, path, index, frame_id)
        patterns = []
        for pattern in entry_field(path, index, entry, "patterns", list, required=False):
            try:
                patterns.append(re.compile(pattern, re.IGNORECASE))
            except re.error as error:
                raise LexiconError(f"{path.name}, entry {index + 1} ({frame_id}): pattern {pattern!r} is not a valid "
                                   f"regular expression ({error})") from error
        frames.append(Frame(frame_id, entry_field(path, index, entry, "definition"),
                            entry_field(path, index, entry, "example"), entry_field(path, index, entry, "not_example"),
                            tuple(dict.fromkeys(cues)), tuple(patterns),
                            tuple(w.lower() for w in entry_field(path, index, entry, "needs", list, required=False))))
    return tuple(frames)


def _cues_abroad(path: Path, index: int, entry: dict, frame_id: str) -> list[str]:
    """A frame's ``cues_abroad`` (language -> cues: the same frame in Spanish, Portuguese, French or German).
    They are matched in every article like the English cues: none of them is an English phrase."""
    languages = entry.get("cues_abroad") or {}
    if not isinstance(languages, dict) or not all(isinstance(code, str) and re.fullmatch(r"[a-z]{2}", code)
                                                  for code in languages):
        raise LexiconError(f"{path.name}, entry {index + 1} ({frame_id}): cues_abroad must map a two-letter language "
                           "code to a list of cues (es: [monedas locales])")
    return [cue for code in sorted(languages)
            for cue in entry_field(path, index, {"id": frame_id, code: languages[code]}, code, list)]


def _lexicon_cues(folder: str, name: str, path: Path, index: int, frame_id: str) -> list[str]:
    files = {"systems": "systems.yaml", "assets": "assets.yaml"}
    if name not in files:
        raise LexiconError(f"{path.name}, entry {index + 1} ({frame_id}): lexicons lists {name!r}; "
                           f"use one of {', '.join(sorted(files))}")
    source, entries = read_lexicon(files[name], folder)
    return [cue for i, e in enumerate(entries) for cue in entry_field(source, i, e, "cues", list)]


class FrameDetector:
    """All frames' cues compiled into one automaton; :meth:`evidence` runs per document."""

    def __init__(self, frames: tuple[Frame, ...] | None = None):
        self.frames = frames if frames is not None else load_frames()
        owners: dict[str, set[str]] = defaultdict(set)
        for frame in self.frames:
            for cue in frame.cues:
                owners[cue].add(frame.id)
        self.matcher = AliasMatcher({cue: sorted(ids) for cue, ids in owners.items()})

    def evidence(self, text: str, sentences: list[dict]) -> list[FrameEvidence]:
        """Every cue found, as (frame, sentence, offsets, cue text), sorted by position then frame."""
        starts = [s["start"] for s in sentences]
        found: set[FrameEvidence] = set()

        def sentence_at(position: int) -> int:
            return sentences[max(bisect.bisect_right(starts, position) - 1, 0)]["sent_idx"]

        if sentences:
            for match in self.matcher.find(text):
                for frame_id in match.owners:
                    found.add(FrameEvidence(frame_id, sentence_at(match.start), match.start, match.end,
                                            text[match.start:match.end]))
            # Regular expressions are slow next to the automaton, so a frame's patterns are tried only on the
            # sentences that contain one of its "needs" words (a plain substring test), or on all sentences.
            lowered = text.lower()
            for frame in self.frames:
                if not frame.patterns:
                    continue
                for sentence in sentences:
                    start, end = sentence["start"], sentence["end"]
                    if frame.needs and not any(lowered.find(word, start, end) >= 0 for word in frame.needs):
                        continue
                    for pattern in frame.patterns:
                        for m in pattern.finditer(text, start, end):
                            found.add(FrameEvidence(frame.id, sentence["sent_idx"], m.start(), m.end(),
                                                    text[m.start():m.end()]))
        return sorted(found, key=lambda e: (e.start, e.frame, e.end))


def frame_rows(doc_id: str, text: str, sentences: list[dict], detector: FrameDetector | None = None) -> list[dict]:
    """Rows of the ``frames`` table for one document: one per frame with evidence, sorted by frame id."""
    detector = detector or _default_detector(str(LEXICON_DIR))
    by_frame: dict[str, list[FrameEvidence]] = defaultdict(list)
    for item in detector.evidence(text, sentences):
        by_frame[item.frame].append(item)
    rows = []
    for frame_id in sorted(by_frame):
        items = by_frame[frame_id]
        evidence = sorted({e.sent_idx for e in items})
        cues = sorted({" ".join(e.cue.lower().split()) for e in items})
        rows.append({"doc_id": doc_id, "frame": frame_id, "n_evidence": len(evidence),
                     "evidence": evidence, "cues": cues})
    return rows


@lru_cache(maxsize=4)
def _default_detector(folder: str) -> FrameDetector:
    return FrameDetector(load_frames(folder))
