"""The actor stage: who each article names, resolved against the actor dictionary.

:class:`ActorExtractor` (:mod:`analysis.actors.extractor`) works on an article's clean text, one
document in and rows out, and runs seven passes, in order:

1. **Dictionary aliases** (:mod:`~analysis.actors.aliases`, found by :class:`AliasMatcher` of
   :mod:`~analysis.actors.matching`): names, acronyms, demonyms, spellings; a country named only as
   a currency's issuer ("the US dollar") is no mention.
2. **Titles** before a person (:mod:`~analysis.actors.roles`): checked against the person's
   date-bounded roles; a contradiction is flagged.
3. **Role descriptions** without a name ("the Chinese president", "el presidente ruso",
   :mod:`~analysis.actors.roles`): resolved through the roles held on the article's date.
4. **Metonyms** (:mod:`~analysis.actors.aliases`): a capital stands for its country ("Beijing
   said"), except as a place ("talks in Beijing"); a country's body by its description ("Russia's
   central bank").
5. **New names** (:mod:`~analysis.actors.discovery`): people and organisations the dictionary does
   not know, from their context, also listed as candidates for the dictionary.
6. **Coreference** of surnames in the same document (:mod:`~analysis.actors.coreference`).
7. **Flags** (:mod:`~analysis.actors.flags`): acronyms that contradict their expansion, truncated
   words, ambiguous aliases.

The regular expressions are built from the word lists of ``data/lexicons/words/`` in
:mod:`~analysis.actors.patterns`; the mention types and span helpers are in :mod:`~analysis.actors.spans`.
:func:`draft_entries` turns the candidates into dictionary entries to review, and :func:`evaluate`
scores the mentions against a hand-annotated gold standard.

The names below are loaded on first use, so that importing one module of the stage
(``analysis.actors.matching``, which the narratives stage uses) does not load them all.
"""
from __future__ import annotations

import importlib

__all__ = ["ActorExtractor", "ActorResult", "Mention", "Flag", "Candidate", "SpanIndex", "AliasMatcher", "normalise",
           "slug", "group_candidates", "sentence_index", "draft_entries", "evaluate", "render"]

# Where each public name lives, in layer order: matching and spans first, the extractor, then the tools.
_HOMES = {
    "AliasMatcher": "matching", "normalise": "matching",
    "ActorResult": "spans", "Mention": "spans", "Flag": "spans", "Candidate": "spans", "SpanIndex": "spans",
    "sentence_index": "spans",
    "slug": "discovery", "group_candidates": "discovery",
    "ActorExtractor": "extractor",
    "draft_entries": "drafts",
    "evaluate": "evaluate", "render": "evaluate",
}


def __getattr__(name: str):
    """A public name of the stage, imported from its module on first use (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module 'analysis.actors' has no attribute '{name}'")
    value = getattr(importlib.import_module(f"analysis.actors.{_HOMES[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
