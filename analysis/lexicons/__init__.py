"""The lexicons: human-edited YAML under ``data/lexicons/``, read and checked here for every stage.

:mod:`~analysis.lexicons.io` reads a file and checks its entries (errors name the file, the entry and the fix,
with "did you mean" for misspelt keys); :mod:`~analysis.lexicons.actors` is the actor dictionary (people with
date-bounded roles, countries from :mod:`~analysis.lexicons.countries`, organisations, media),
:mod:`~analysis.lexicons.titles` and :mod:`~analysis.lexicons.wordlists` the actor stage's per-language word
lists, :mod:`~analysis.lexicons.words` the speech verbs, month names and date stamps several rules share,
:mod:`~analysis.lexicons.currencies`, :mod:`~analysis.lexicons.scales` (numbers per language),
:mod:`~analysis.lexicons.narratives` and
:mod:`~analysis.lexicons.interactions` the narratives' and the network's verbs, assets and systems. A linguist
adds a word by editing YAML; no regular expression is written by hand for a word list.
"""
