"""Directed interactions: "A <verb> B" within one sentence, classed by CAMEO QuadClass.

Co-occurrence (:mod:`analysis.network.cooccurrence`) says two actors are *named together*; an interaction
says one *did something to* the other. Event coders such as GDELT and PETRARCH find these
with full parsers; here a small verb lexicon (``data/lexicons/interactions.yaml``) and the
actor mentions already found are enough for a conservative reading:

- the **source** is a mention (optionally followed by a collective noun such as "forces"
  or "officials": "Russian forces") directly followed by the verb phrase — optionally an
  auxiliary ("has", "will", "was"), an adverb ("also", "formally"), the verb in a listed form
  and a listed preposition ("sided with"), then an optional "the";
- the **target** is the mention that starts right after that phrase (for a person, after
  an optional title: "met with Chinese Prime Minister …");
- nothing else may stand between them: a relative clause or a list breaks the match;
- a source that is itself the object of a preposition ("an envoy of Iran criticised …") or
  the second of coordinated subjects ("Russia and China condemned …") is not clearly the
  subject, and is skipped;
- negated verbs ("did not condemn", "never backed", "hasn't sanctioned") are skipped;
- passives ("was sanctioned by the United States") do not match: "by" is no listed preposition.

Each verb belongs to one of CAMEO's four QuadClasses (Gerner et al. 2002; Schrodt 2012), as
GDELT groups them: verbal cooperation, material cooperation, verbal conflict, material
conflict. Cooperation gives a positive (+1) tie, conflict a negative (−1) one:
:func:`interaction_graph` draws them as a signed directed graph.

References
----------
- D. J. Gerner, P. A. Schrodt, Ö. Yilmaz & R. Abu-Jabr (2002). Conflict and Mediation Event
  Observations (CAMEO): a new event data framework. ISA annual convention.
- P. A. Schrodt (2012). CAMEO Conflict and Mediation Event Observations codebook, v1.1b3.
- K. Leetaru & P. A. Schrodt (2013). GDELT: Global Data on Events, Location and Tone. ISA.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow as pa

from analysis.lexicons.interactions import LEXICON_PATH, Verb, read_interaction_lexicon
from analysis.tables.schemas import INTERACTIONS

__all__ = ["LEXICON_PATH", "QUAD_CLASSES", "ACTOR_TYPES", "INTERACTIONS", "Verb", "Lexicon", "load_lexicon",
           "extract_interactions", "extract_interactions_table", "interaction_graph"]

QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
# Outlets report, places host: neither acts in "A <verb> B".
ACTOR_TYPES = ("person", "country", "organization", "group")

_AUXILIARY = (r"(?:has|have|had|will|would|could|can|may|might|should|must|shall|did|does|do|is|are|was|were|"
              r"has\s+been|have\s+been|had\s+been)")
_NEGATED_AUXILIARY = r"(?:\w+n[’']t|cannot)"
_NEGATION = r"(?:not|never|no\s+longer)"
# "Russian forces invaded …": a collective noun after a country names the country's agents
# (CAMEO codes them as the country's military or government), so the country is the source.
_AGENTS = r"(?:forces|troops|military|army|navy|government|authorities|officials|diplomats|leaders|leadership|regulators)"
# One adverb may stand before the verb ("Putin also thanked …", "Russia formally recognised …").
_ADVERB = r"(?:\w+ly|also|again|then|now|already|still|later|just|once|even|soon|further)"
# A person's title may stand between the verb and the name ("met with Chinese Prime Minister Li …"):
# up to four capitalised words, accepted only before a person.
_TITLE = r"(?:[A-Z][\w’'\-]*\.?\s+){1,4}"
_PRECEDING_PREPOSITION = re.compile(r"(?i:\b(?:of|in|with|from|to|by|for|on|at|against|between|among|about|"
                                    r"over|under|toward|towards|than|like)\s+(?:the\s+)?)$")
# What joins coordinated mentions: "Russia and China", "Russia, China" (", and" after a
# mention rather starts a new clause: "… welcomed Iran, and Iran thanked …").
_COORDINATION = re.compile(r"^\s*(?:(?:and|or|&)\s+|,\s*)(?:the\s+)?$")


@dataclass(frozen=True)
class Lexicon:
    """The verb lexicon compiled into one pattern for the text between two mentions."""
    pattern: re.Pattern[str]
    verbs: dict[str, Verb]            # lower-cased form -> entry


def load_lexicon(path: Path | str = LEXICON_PATH) -> Lexicon:
    """Read and compile the verb lexicon (see ``data/lexicons/interactions.yaml``)."""
    verbs: dict[str, Verb] = {}
    alternatives = []
    for entry in read_interaction_lexicon(path):
        prepositions = entry.prepositions
        for form in entry.forms:
            verbs[form.lower()] = entry.verb
            phrase = r"\s+".join(map(re.escape, form.split()))
            suffix = rf"(?:\s+(?:{'|'.join(map(re.escape, prepositions))}))?" if prepositions else ""
            alternatives.append((len(form), phrase + suffix))
    # Longest forms first, so "imposed sanctions on" wins over "sanctions".
    verb_pattern = "|".join(p for _, p in sorted(alternatives, key=lambda a: -a[0]))
    pattern = re.compile(
        rf"^(?:\s+(?P<agent>{_AGENTS}))?(?:\s*,)?\s+(?:(?P<aux>{_AUXILIARY}|{_NEGATED_AUXILIARY})\s+)?(?:(?P<neg>{_NEGATION})\s+)?"
        rf"(?:(?P<adverb>{_ADVERB})\s+)?(?P<verb>(?i:{verb_pattern}))\s+(?:(?i:the)\s+)?(?P<title>{_TITLE})?$")
    return Lexicon(pattern, verbs)


@lru_cache(maxsize=4)
def _default_lexicon() -> Lexicon:
    return load_lexicon()


def _verb_entry(lexicon: Lexicon, phrase: str) -> tuple[Verb, str]:
    """The lexicon entry for a matched verb phrase (the longest listed form it starts with)."""
    words = phrase.lower().split()
    for n in range(len(words), 0, -1):
        form = " ".join(words[:n])
        if form in lexicon.verbs:
            return lexicon.verbs[form], form
    raise KeyError(phrase)


def extract_interactions(text: str, sentences: list[dict], mentions: list[dict],
                         lexicon: Lexicon | None = None) -> list[dict]:
    """Directed interactions in one document (pure: document in, rows out).

    ``sentences`` are the document's rows of the ``sentences`` table (``sent_idx``, ``start``,
    ``end``) and ``mentions`` its rows of the ``mentions`` table; offsets index ``text``.
    Returns rows of :data:`INTERACTIONS` (without ``doc_id``), in text order.
    """
    lexicon = lexicon or _default_lexicon()
    by_sentence: dict[int, list[dict]] = {}
    for m in mentions:
        if m.get("actor_type") in ACTOR_TYPES and m.get("actor_name"):
            by_sentence.setdefault(int(m["sent_idx"]), []).append(m)
    bounds = {int(s["sent_idx"]): (int(s["start"]), int(s["end"])) for s in sentences}
    rows = []
    for sent_idx in sorted(by_sentence):
        if sent_idx not in bounds:
            continue
        s_start, s_end = bounds[sent_idx]
        ordered = _outermost(sorted(by_sentence[sent_idx], key=lambda m: (int(m["start"]), -int(m["end"]))))
        for i, (source, target) in enumerate(pairwise(ordered)):
            if source["actor_name"] == target["actor_name"]:
                continue
            gap = text[int(source["end"]):int(target["start"])]
            match = lexicon.pattern.match(gap)
            if not match or match.group("neg") or re.fullmatch(_NEGATED_AUXILIARY, match.group("aux") or ""):
                continue
            if match.group("title") and target.get("actor_type") != "person":
                continue  # capitalised words before a country or organisation: not a title, not clear
            before = text[s_start:int(source["start"])]
            if _PRECEDING_PREPOSITION.search(before):
                continue  # the source is an object ("an envoy of Iran"), not the subject
            if i > 0 and _COORDINATION.match(text[int(ordered[i - 1]["end"]):int(source["start"])]):
                continue  # one of coordinated subjects ("Russia and China condemned …")
            verb, _ = _verb_entry(lexicon, " ".join(match.group("verb").split()))
            verb_start = int(source["end"]) + match.start("verb")
            rows.append({
                "sent_idx": sent_idx, "start": s_start, "end": s_end,
                "source": source["actor_name"], "target": target["actor_name"],
                "verb": match.group("verb"), "lemma": verb.lemma, "cameo": verb.cameo,
                "quad_class": verb.quad_class, "sign": verb.sign,
                "source_start": int(source["start"]), "source_end": int(source["end"]),
                "verb_start": verb_start, "verb_end": verb_start + len(match.group("verb")),
                "target_start": int(target["start"]), "target_end": int(target["end"]),
            })
    return rows


def _outermost(mentions: list[dict]) -> list[dict]:
    """Drop mentions nested inside an earlier one (sorted by start, longest first)."""
    kept, reach = [], -1
    for m in mentions:
        if int(m["start"]) >= reach:
            kept.append(m)
            reach = int(m["end"])
    return kept


def extract_interactions_table(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
                               lexicon: Lexicon | None = None) -> pd.DataFrame:
    """The ``interactions`` table of a corpus, sorted by ``doc_id``, ``sent_idx``, ``source_start``."""
    lexicon = lexicon or _default_lexicon()
    texts = dict(zip(articles["doc_id"], articles["text"]))
    sentence_rows = {d: g.to_dict("records") for d, g in sentences.groupby("doc_id", sort=True)}
    rows = []
    for doc_id, group in mentions.groupby("doc_id", sort=True):
        if doc_id not in texts:
            continue
        for row in extract_interactions(texts[doc_id], sentence_rows.get(doc_id, []), group.to_dict("records"), lexicon):
            rows.append({"doc_id": doc_id, **row})
    frame = pd.DataFrame(rows, columns=INTERACTIONS.names)
    if frame.empty:
        return INTERACTIONS.empty_table().to_pandas()
    frame = frame.sort_values(["doc_id", "sent_idx", "source_start"]).reset_index(drop=True)
    return pa.Table.from_pandas(frame, schema=INTERACTIONS, preserve_index=False).to_pandas()


def interaction_graph(interactions: pd.DataFrame) -> nx.DiGraph:
    """A signed directed graph: one edge per (source, target) with the events behind it.

    Edge attributes: ``n_events``, ``n_cooperation``, ``n_conflict``, ``weight`` (cooperation
    minus conflict events), ``sign`` (+1, −1, or 0 when they balance), ``quad_classes`` and
    ``verbs`` (sorted, distinct) and ``sentence_ids`` ("doc_id:sent_idx", in text order).
    """
    graph = nx.DiGraph()
    if interactions.empty:
        return graph
    for (source, target), group in interactions.sort_values(["source", "target", "doc_id", "sent_idx"]).groupby(
            ["source", "target"], sort=True):
        cooperation = int((group["sign"] > 0).sum())
        conflict = int((group["sign"] < 0).sum())
        balance = cooperation - conflict
        graph.add_edge(source, target, n_events=len(group), n_cooperation=cooperation, n_conflict=conflict,
                       weight=balance, sign=(balance > 0) - (balance < 0),
                       quad_classes=sorted(group["quad_class"].unique()), verbs=sorted(group["lemma"].unique()),
                       sentence_ids=list(dict.fromkeys(group["doc_id"] + ":" + group["sent_idx"].astype(str))))
    return graph
