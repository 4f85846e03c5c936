"""Actor extraction speed and memory, side by side with a spaCy EntityRuler over the same dictionary.

Run: ``make benchmark-actors`` (or ``python benchmarks/bench_actors.py --megabytes 20``).
Both sides see the same synthetic texts (sample sentences recombined, see synthetic.py)
and the same aliases, in the same process, one core each, taking turns for ``--repeat``
passes (default 3) and keeping each one's fastest:

- ``geonarratives``: :class:`analysis.actors.extractor.ActorExtractor` — matching *and* resolution
  (titles, roles, metonyms, discovery, coreference, flags); ``stages_seconds`` splits its
  time by stage, in the shares measured on one more, untimed pass with a clock per stage;
- ``geonarratives-matching``: the Aho-Corasick alias matching alone;
- ``geonarratives-scans-only``: the scans in C that every extraction makes (the text's
  normalisation, the automaton, the regex for runs of capitalised words) with no Python work
  per match: the bound that tuning the Python resolution around them can approach;
- ``spacy-entityruler``: ``spacy.blank("en")`` with an ``entity_ruler`` of phrase patterns
  for every alias (tokenisation + matching, no statistical model).

When the real seed articles are present (``--real``, by default ``../shared/corpus/seeds``),
the extractor and spaCy are also timed on their clean text, repeated to ``--real-megabytes``:
real scraped news has other names, punctuation and sentence lengths than the synthetic text.
They are read from that folder and never copied here.

Peak memory is the Python heap peak (tracemalloc) during a further, untimed pass over a
tenth of the texts: per-document work holds one document at a time, so it does not grow
with the corpus. Results are printed and written to ``benchmarks/results/actors.json``.

Latest figures, ``make benchmark-actors`` (``python benchmarks/bench_actors.py``: 20 MB, 5,982
documents, 2,312 unambiguous aliases; 5 MB of the seed articles, 1,425 documents; Python 3.11, x86_64,
one core of a shared two-core machine)::

    pipeline                               MB/s   x spaCy
    geonarratives                          7.02   1.3
    geonarratives-matching                30.13   5.5
    geonarratives-scans-only              31.41   5.7
    spacy-entityruler                      5.50   1.0
    geonarratives (real articles)          4.81   1.9
    spacy-entityruler (real articles)      2.59   1.0

    geonarratives by stage (s of 2.85): alias matching 0.77, aliases/metonyms/currency
    issuers 0.51, titles and role descriptions 0.27, discovery of new names 0.92, surname
    coreference 0.13, flags 0.06, merging and sorting 0.19

Absolute MB/s moves with the machine's load: on a busier day the same code gave 4.85 MB/s
against spaCy's 3.32 (1.5x), and the scans in C 19.47 MB/s; the ``x spaCy`` ratio moves
less, though load slows the two pipelines unequally. To compare two versions of
the extractor, time them in turns, each in its own process, several times.

The aliases in Spanish, Portuguese, French and German are matched only in articles in that
language (a second, smaller automaton per language), so neither side sees them here: the
synthetic text is English, as the ``language`` the benchmark passes (none) says.

The full extractor ran at about 1.3 MB/s (1x spaCy) before its matching and resolution
were tuned; two rounds, each with the same output, brought it to about 6.5 MB/s on a quiet
core, and the automaton of ``ahocorasick_rs`` (a DFA that returns all of a text's matches
in one list, in place of pyahocorasick's iterator) took about 0.1 s more off the alias
matching.

Where the rest of the time goes sets what further tuning can give. The scans in C take a
quarter of the extractor's time (``geonarratives-scans-only``). The rest is Python work per
mention (about 230,000 in the 20 MB) and per run of capitalised words (about 100,000), some
6 microseconds each over all stages. Compiling ``analysis.actors.extractor`` and ``analysis.actors.matching``
as they are gave 1.00 times the speed with Cython 3.3 and 1.12 times with mypyc. Three times
spaCy's figure on this synthetic text would leave the Python work about a third of its
present time: that needs an extraction core written for a compiler, not more tuning of this
Python.

In a whole ``python -m analysis run`` the extraction is a small share of the time: ingestion
(``make benchmark``) reads about 0.2 MB/s per worker, half of it in sentence splitting (syntok) and
the rest in repair, language identification and near-duplicate hashing, some 25 times slower than
this stage.
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

from synthetic import ingested, sample_sentences  # noqa: E402

from analysis import config  # noqa: E402
from analysis.actors.extractor import ActorExtractor  # noqa: E402
from analysis.actors.matching import normalise  # noqa: E402
from analysis.actors.patterns import CAPITALISED_RUN  # noqa: E402
from analysis.lexicons.actors import load_dictionary  # noqa: E402


def make_texts(megabytes: float, seed: int = 0) -> list[str]:
    pool = sample_sentences(HERE / ".corpus")
    rng = random.Random(seed)
    texts, size = [], 0
    while size < megabytes * 1e6:
        text = "\n\n".join(" ".join(rng.sample(pool, 3)) for _ in range(8))
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def timed(pipelines: dict, texts: list[str], repeat: int) -> list[dict]:
    """Time passes over all texts, the pipelines taking turns, then trace memory on a tenth of them.

    Each pipeline keeps its fastest of ``repeat`` passes (as :mod:`timeit` does): taking
    turns and keeping the best makes the side-by-side fair on a machine whose load changes
    during the run. Tracing slows Python code several-fold, so it never runs during a timed pass.
    """
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    best: dict[str, float] = dict.fromkeys(pipelines, float("inf"))
    found: dict[str, int] = {}
    for _ in range(repeat):
        for name, work in pipelines.items():
            start = time.perf_counter()
            found[name] = work(texts)
            best[name] = min(best[name], time.perf_counter() - start)
    results = []
    for name, work in pipelines.items():
        tracemalloc.start()
        work(texts[: max(1, len(texts) // 10)])
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        results.append({"pipeline": name, "documents": len(texts), "megabytes": round(n_bytes / 1e6, 2),
                        "seconds": round(best[name], 2), "mb_per_s": round(n_bytes / 1e6 / best[name], 2),
                        "entities": found[name], "peak_heap_mb": round(peak / 1e6, 1)})
    return results


STAGES = {  # ActorExtractor method -> stage reported
    "_dictionary_mentions": "aliases, metonyms, currency issuers",
    "_titles_and_roles": "titles and role descriptions",
    "_discovered_names": "discovery of new names",
    "_surname_coreference": "surname coreference",
    "_acronym_flags": "flags",
    "_truncation_flags": "flags",
}


def stage_seconds(extractor, texts: list[str]) -> dict[str, float]:
    """Where the time of :meth:`ActorExtractor.extract` goes, from an untimed pass with a clock per stage.

    The clocks add a little overhead of their own, so the stages are reported as shares of
    this pass and scaled to the timed pass by the caller. Alias matching (the automaton and
    the case checks) is reported apart from the rest of the first stage.
    """
    spent: dict[str, float] = dict.fromkeys(["alias matching", *STAGES.values(), "merging and sorting"], 0.0)

    def clocked(stage, method):
        def run(*args):
            start = time.perf_counter()
            try:
                return method(*args)
            finally:
                spent[stage] += time.perf_counter() - start
        return run

    matcher_spans = extractor.matcher.spans
    for name, stage in STAGES.items():
        setattr(extractor, name, clocked(stage, getattr(extractor, name)))
    extractor.matcher.spans = clocked("alias matching", matcher_spans)
    try:
        start = time.perf_counter()
        for text in texts:
            extractor.extract(text)
        total = time.perf_counter() - start
    finally:
        for name in STAGES:
            delattr(extractor, name)
        del extractor.matcher.spans
    spent[STAGES["_dictionary_mentions"]] -= spent["alias matching"]  # matching runs inside that stage
    spent["merging and sorting"] = total - sum(spent.values())
    return {stage: seconds / total for stage, seconds in spent.items()}


def scans_only(extractor):
    """The scans in C that every pass of the extractor makes, with no Python work per match: the
    text's normalisation, the automaton and the regex for runs of capitalised words. Its speed
    bounds what any tuning of the Python resolution around them can reach."""
    automaton, capitalised_run = extractor.matcher._automaton, CAPITALISED_RUN

    def work(texts: list[str]) -> int:
        found = 0
        for text in texts:
            found += len(automaton.find_matches_as_indexes(f" {normalise(text)} ", overlapping=True))
            found += len(capitalised_run.findall(text))
        return found
    return work


def real_texts(folder: Path, megabytes: float) -> list[str]:
    """The clean texts of real articles in ``folder``, ingested once and repeated to ``megabytes``."""
    import pandas as pd

    cache = ingested(folder, HERE / ".corpus")
    texts = [t for t in pd.read_parquet(cache / "articles.parquet", columns=["text"])["text"] if t]
    size = sum(len(t.encode("utf-8")) for t in texts)
    return texts * max(1, round(megabytes * 1e6 / size)) if size else []


def spacy_ruler(aliases: list[str]):
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": "ACTOR", "pattern": alias} for alias in aliases])
    return nlp


def with_ratios(results: list[dict]) -> None:
    """Each result's speed as a multiple of the last one's (spaCy's), printed."""
    spacy_speed = results[-1]["mb_per_s"]
    for result in results:
        result["times_spacy"] = round(result["mb_per_s"] / spacy_speed, 1)
        print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=20.0, help="size of the synthetic text (default: 20)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per pipeline, fastest kept (default: 3)")
    parser.add_argument("--real", type=Path, default=config.SEEDS_DIR,
                        help="a folder of real articles, also timed (repeated to --real-megabytes) when it exists "
                             "(default: the seed articles, %(default)s)")
    parser.add_argument("--real-megabytes", type=float, default=5.0, help="size of the repeated real text (default: 5)")
    args = parser.parse_args()
    texts = make_texts(args.megabytes)
    dictionary = load_dictionary()
    extractor = ActorExtractor(dictionary)
    aliases = sorted(alias for alias, owners in dictionary.alias_owners.items() if len(owners) == 1)
    nlp = spacy_ruler(aliases)

    def extract(ts: list[str]) -> int:
        return sum(len(extractor.extract(t).mentions) for t in ts)

    def ruler(ts: list[str]) -> int:
        return sum(len(doc.ents) for doc in nlp.pipe(ts, batch_size=64))

    results = timed({
        "geonarratives": extract,
        "geonarratives-matching": lambda ts: sum(len(extractor.matcher.find(t)) for t in ts),
        "geonarratives-scans-only": scans_only(extractor),
        "spacy-entityruler": ruler,
    }, texts, args.repeat)
    shares = stage_seconds(extractor, texts)
    results[0]["stages_seconds"] = {stage: round(share * results[0]["seconds"], 2) for stage, share in shares.items()}
    with_ratios(results)
    real = real_texts(args.real, args.real_megabytes) if args.real.is_dir() else []
    if real:  # the same two pipelines on real scraped news, whose density of names and punctuation differ
        real_results = timed({"geonarratives (real articles)": extract, "spacy-entityruler (real articles)": ruler},
                             real, args.repeat)
        with_ratios(real_results)
        results += real_results
    else:
        print(f"no real articles at {args.real}: only the synthetic corpus is timed", file=sys.stderr)
    (HERE / "results").mkdir(exist_ok=True)
    record = {"machine": {"python": platform.python_version(), "cpu": platform.machine()},
              "aliases": len(aliases), "repeat": args.repeat, "results": results}
    (HERE / "results" / "actors.json").write_text(json.dumps(record, indent=2) + "\n")


if __name__ == "__main__":
    main()
