"""The verb lexicon of directed interactions (``data/lexicons/interactions.yaml``), read and checked.

The file has two parts: ``quad_classes`` (CAMEO's four QuadClasses, each with the ``sign`` of its tie:
+1 cooperation, −1 conflict) and ``verbs`` (each with its ``lemma``, ``cameo`` code, ``quad_class``, the
``forms`` it is matched in and optional ``prepositions``). Errors name the file, the entry and the fix, as
for every lexicon (:mod:`analysis.lexicons.io`). :mod:`analysis.network.interactions` compiles the verbs
into its matcher.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis import config
from analysis.errors import LexiconError
from analysis.lexicons.io import did_you_mean, entry_field, read_yaml

__all__ = ["LEXICON_PATH", "Verb", "VerbForms", "read_interaction_lexicon"]

LEXICON_PATH = config.LEXICON_DIR / "interactions.yaml"
_VERB_KEYS = {"lemma", "cameo", "quad_class", "forms", "prepositions"}


@dataclass(frozen=True)
class Verb:
    lemma: str
    cameo: str
    quad_class: str
    sign: int


@dataclass(frozen=True)
class VerbForms:
    """One entry of the lexicon: the verb, the forms it is written in, the prepositions that may follow it."""
    verb: Verb
    forms: tuple[str, ...]
    prepositions: tuple[str, ...]


def read_interaction_lexicon(path: Path | str = LEXICON_PATH) -> list[VerbForms]:
    """The verbs of the interaction lexicon, in file order, checked entry by entry."""
    path = Path(path)
    data = read_yaml(path, "interaction lexicon not found; restore data/lexicons/interactions.yaml from the "
                           "repository or pass the path of your copy")
    if not isinstance(data, dict) or not isinstance(data.get("quad_classes"), dict) or \
            not isinstance(data.get("verbs"), list):
        raise LexiconError(f"{path}: expected a mapping with 'quad_classes' (name: {{sign: 1 or -1}}) and 'verbs' "
                           "(a list of entries); see the comments at the top of data/lexicons/interactions.yaml")
    signs: dict[str, int] = {}
    for name, spec in data["quad_classes"].items():
        sign = spec.get("sign") if isinstance(spec, dict) else None
        if sign not in (1, -1):
            raise LexiconError(f"{path.name}: quad_class '{name}' needs 'sign: 1' (cooperation) or 'sign: -1' "
                               f"(conflict), found {spec!r}")
        signs[name] = int(sign)
    entries = []
    for index, entry in enumerate(data["verbs"]):
        if not isinstance(entry, dict):
            raise LexiconError(f"{path.name}, verb {index + 1}: expected a mapping such as "
                               "{lemma: urge, cameo: \"020\", quad_class: verbal_cooperation, forms: [urge, urged]}")
        unknown = sorted(set(entry) - _VERB_KEYS)
        if unknown:
            raise LexiconError(f"{path.name}, verb {index + 1}: unknown key '{unknown[0]}'"
                               f"{did_you_mean(unknown[0], _VERB_KEYS) or '; use ' + ', '.join(sorted(_VERB_KEYS))}")
        lemma = entry_field(path, index, entry, "lemma")
        cameo = entry.get("cameo")
        if not isinstance(cameo, (str, int)) or isinstance(cameo, bool):
            raise LexiconError(f"{path.name}, verb {index + 1} ({lemma}): 'cameo' must be a CAMEO code such as \"020\" "
                               "(quoted, so its leading zero stays)")
        if entry.get("quad_class") not in signs:
            raise LexiconError(f"{path}: verb '{lemma}' has unknown quad_class '{entry.get('quad_class')}'; "
                               f"use one of {', '.join(signs)}")
        verb = Verb(lemma, str(cameo), entry["quad_class"], signs[entry["quad_class"]])
        entries.append(VerbForms(verb, tuple(entry_field(path, index, entry, "forms", list)),
                                 tuple(entry_field(path, index, entry, "prepositions", list, required=False))))
    return entries
