"""Scoring actor extraction against a gold annotation file.

Gold is JSON Lines, one document a line: ``{"source": "file.txt" (or "export.jsonl#3"),
"actors": [canonical names], "mentions": [{"surface": ..., "actor": ...}, ...]}``.
Two levels are scored, micro-averaged over documents:

- **document level**: the set of actors each document names (what a co-occurrence
  network is built from);
- **mention level**: the multiset of (surface, actor) pairs per document, so each
  occurrence counts, without depending on exact offsets (``None`` when the gold lists no
  mentions, only actor sets).

Both are also given per article language (``by_language``), since the rules for Spanish, Portuguese,
French and German are partly their own.

Only the actor types given are scored (by default not places and media, which the
gold conventions leave out).

The sample's gold (``data/sample/gold_actors.jsonl``) records a careful reader's judgement. A
country's body named by its description ("Russia's central bank") is that body, not the country,
as the extractor reads it; elsewhere the reader and the extractor's rules can differ ("officials
in Tehran" is Iran to the reader, a place to the locative rule; "US debt" names the United
States to the reader, only a debt's issuer to the currency rule), and those differences are
the errors the scores count.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.errors import GoldError
from analysis.tables.store import read_table

__all__ = ["DEFAULT_TYPES", "GoldError", "Score", "read_gold", "predicted_by_source", "evaluate", "render"]

DEFAULT_TYPES = ("person", "country", "organization", "group")


@dataclass
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, expected: set | Counter, found: set | Counter) -> None:
        """Count one document: ``expected`` and ``found`` as sets (actors) or multisets (mentions)."""
        size = (lambda items: sum(items.values())) if isinstance(expected, Counter) else len
        self.true_positives += size(expected & found)
        self.false_positives += size(found - expected)
        self.false_negatives += size(expected - found)

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.true_positives, "fp": self.false_positives, "fn": self.false_negatives}


def read_gold(path: Path | str) -> list[dict]:
    documents = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{path}, line {number}: not JSON ({error})") from error
        if not isinstance(entry, dict) or "source" not in entry or "actors" not in entry:
            raise GoldError(f"{path}, line {number}: needs 'source' and 'actors' (and optionally 'mentions')")
        documents.append(entry)
    return documents


def _articles(tables_dir: Path) -> pd.DataFrame:
    """The articles' ``doc_id``, ``language`` and ``key``, the gold's name of each: ``source`` or ``source#record``."""
    articles = read_table(tables_dir, "articles", ["doc_id", "source", "record", "language"])
    articles["key"] = [s if pd.isna(r) else f"{s}#{int(r)}" for s, r in zip(articles["source"], articles["record"])]
    return articles


def predicted_by_source(tables_dir: Path | str, types: tuple[str, ...] = DEFAULT_TYPES,
                        articles: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Mentions of the scored types, keyed like the gold: ``source`` or ``source#record`` (``articles``:
    the table as :func:`_articles` reads it, when the caller has it already)."""
    tables_dir = Path(tables_dir)
    articles = _articles(tables_dir) if articles is None else articles
    mentions = read_table(tables_dir, "mentions")
    mentions = mentions[mentions["actor_type"].isin(types)].merge(articles[["doc_id", "key"]], on="doc_id")
    return {key: group for key, group in mentions.groupby("key")}


def _core(surface: str) -> str:
    """Surfaces compared without a leading "the", a possessive ending or surrounding quotes."""
    surface = surface.strip(" \"'“”‘’")
    if surface[:4].lower() == "the ":
        surface = surface[4:]
    for ending in ("’s", "'s"):
        if surface.endswith(ending):
            surface = surface[: -len(ending)]
    return surface


def evaluate(gold_path: Path | str, tables_dir: Path | str, types: tuple[str, ...] = DEFAULT_TYPES) -> dict:
    """Document- and mention-level precision, recall and F1, with the errors per document."""
    gold = read_gold(gold_path)
    articles = _articles(Path(tables_dir))
    predicted = predicted_by_source(tables_dir, types, articles)
    language_of = dict(zip(articles["key"], articles["language"]))
    doc_score, mention_score = Score(0, 0, 0), Score(0, 0, 0)
    by_language: dict[str, dict] = {}
    errors, mention_errors = [], []
    annotated_mentions = any("mentions" in entry for entry in gold)
    for entry in gold:
        found = predicted.get(entry["source"], pd.DataFrame(columns=["actor_name", "surface"]))
        language = by_language.setdefault(str(language_of.get(entry["source"]) or "not ingested"),
                                           {"documents": 0, "document_level": Score(0, 0, 0),
                                            "mention_level": Score(0, 0, 0)})
        language["documents"] += 1
        gold_actors, found_actors = set(entry["actors"]), set(found["actor_name"])
        for score in (doc_score, language["document_level"]):
            score.add(gold_actors, found_actors)
        if "mentions" in entry:
            gold_pairs = Counter((_core(m["surface"]), m["actor"]) for m in entry["mentions"])
            found_pairs = Counter(zip(map(_core, found["surface"]), found["actor_name"]))
            for score in (mention_score, language["mention_level"]):
                score.add(gold_pairs, found_pairs)
            if gold_pairs != found_pairs:
                mention_errors.append({"source": entry["source"], "missed": _pairs(gold_pairs - found_pairs),
                                       "spurious": _pairs(found_pairs - gold_pairs)})
        if gold_actors != found_actors:
            errors.append({"source": entry["source"], "missed": sorted(gold_actors - found_actors),
                           "spurious": sorted(found_actors - gold_actors)})
    return {"documents": len(gold), "types": list(types), "document_level": doc_score.as_dict(),
            "mention_level": mention_score.as_dict() if annotated_mentions else None, "errors": errors,
            "mention_errors": mention_errors,
            "by_language": {code: {"documents": scores["documents"],
                                   "document_level": scores["document_level"].as_dict(),
                                   "mention_level": scores["mention_level"].as_dict() if annotated_mentions else None}
                            for code, scores in sorted(by_language.items())}}


def _pairs(counts: Counter) -> list[str]:
    """(surface, actor) pairs as "surface -> actor", with their count when above one."""
    return [f"{surface} -> {actor}" + (f" (x{n})" if n > 1 else "") for (surface, actor), n in sorted(counts.items())]


def render(result: dict) -> str:
    lines = [f"Gold documents: {result['documents']}  (types scored: {', '.join(result['types'])})",
             f"{'level':<16}{'precision':>10}{'recall':>10}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for level in ("document_level", "mention_level"):
        s = result[level]
        if s is None:  # a gold of actor sets only
            lines.append(f"{level.replace('_', ' '):<16}  not scored: the gold lists no mentions")
            continue
        lines.append(f"{level.replace('_', ' '):<16}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>8.3f}"
                     f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    if len(result.get("by_language") or {}) > 1:  # a corpus in several languages: each one's scores
        lines.append(f"{'by language':<16}{'documents':>10}{'doc P':>8}{'doc R':>8}{'mention P':>11}{'mention R':>11}")
        for code, scores in result["by_language"].items():
            document, mention = scores["document_level"], scores["mention_level"]
            lines.append(f"  {code:<14}{scores['documents']:>10}{document['precision']:>8.3f}{document['recall']:>8.3f}"
                         + (f"{mention['precision']:>11.3f}{mention['recall']:>11.3f}" if mention else f"{'-':>11}{'-':>11}"))
    if result["errors"]:
        lines.append("Documents whose actor set differs:")
        for error in result["errors"]:
            lines.append(f"  {error['source']}: missed {error['missed'] or '-'}; spurious {error['spurious'] or '-'}")
    if result.get("mention_errors"):
        lines.append("Mentions that differ (surface -> actor):")
        for error in result["mention_errors"]:
            lines.append(f"  {error['source']}: missed {error['missed'] or '-'}; spurious {error['spurious'] or '-'}")
    return "\n".join(lines)
