"""Actor extraction speed and memory, side by side with a spaCy EntityRuler over the same dictionary.

Run: ``make benchmark-actors`` (or ``python benchmarks/bench_actors.py --megabytes 20``).
Both sides see the same synthetic texts (sample sentences recombined, see synthetic.py)
and the same aliases, in the same process, one core each:

- ``geonarratives``: :class:`analysis.actors.ActorExtractor` — matching *and* resolution
  (titles, roles, metonyms, discovery, coreference, flags);
- ``geonarratives-matching``: the Aho-Corasick alias matching alone;
- ``spacy-entityruler``: ``spacy.blank("en")`` with an ``entity_ruler`` of phrase patterns
  for every alias (tokenisation + matching, no statistical model).

Peak memory is the Python heap peak (tracemalloc) during a second, untimed pass over a
tenth of the texts: per-document work holds one document at a time, so it does not grow
with the corpus. Results are
printed and written to ``benchmarks/results/actors.json``.
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import sample_sentences  # noqa: E402

from analysis.actors import ActorExtractor  # noqa: E402
from analysis.lexicon import load_dictionary  # noqa: E402


def make_texts(megabytes: float, seed: int = 0) -> list[str]:
    pool = sample_sentences(HERE / ".corpus" / "sample_tables")
    rng = random.Random(seed)
    texts, size = [], 0
    while size < megabytes * 1e6:
        text = "\n\n".join(" ".join(rng.sample(pool, 3)) for _ in range(8))
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def timed(name: str, work, texts: list[str]) -> dict:
    """Time a pass over all texts, then trace memory on a second pass over a tenth of them.

    Tracing slows Python code several-fold, so it never runs during the timed pass.
    """
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    found = work(texts)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    work(texts[: max(1, len(texts) // 10)])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"pipeline": name, "documents": len(texts), "megabytes": round(n_bytes / 1e6, 2),
            "seconds": round(seconds, 2), "mb_per_s": round(n_bytes / 1e6 / seconds, 2),
            "entities": found, "peak_heap_mb": round(peak / 1e6, 1)}


def spacy_ruler(aliases: list[str]):
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": "ACTOR", "pattern": alias} for alias in aliases])
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=20.0, help="size of the synthetic text (default: 20)")
    args = parser.parse_args()
    texts = make_texts(args.megabytes)
    dictionary = load_dictionary()
    extractor = ActorExtractor(dictionary)
    aliases = sorted(alias for alias, owners in dictionary.alias_owners.items() if len(owners) == 1)
    nlp = spacy_ruler(aliases)
    results = [
        timed("geonarratives", lambda ts: sum(len(extractor.extract(t).mentions) for t in ts), texts),
        timed("geonarratives-matching", lambda ts: sum(len(extractor.matcher.find(t)) for t in ts), texts),
        timed("spacy-entityruler", lambda ts: sum(len(doc.ents) for doc in nlp.pipe(ts, batch_size=64)), texts),
    ]
    spacy_speed = results[-1]["mb_per_s"]
    for result in results:
        result["times_spacy"] = round(result["mb_per_s"] / spacy_speed, 1)
        print(json.dumps(result))
    (HERE / "results").mkdir(exist_ok=True)
    record = {"machine": {"python": platform.python_version(), "cpu": platform.machine()},
              "aliases": len(aliases), "results": results}
    (HERE / "results" / "actors.json").write_text(json.dumps(record, indent=2) + "\n")


if __name__ == "__main__":
    main()
