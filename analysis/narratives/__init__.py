"""The currency-shift narratives stage: amounts, claims, frames and plausibility per document.

:mod:`~analysis.narratives.amounts` (money and percentages with their literal text),
:mod:`~analysis.narratives.claims` (who moves toward or away from the dollar, with which asset or system) and
:mod:`~analysis.narratives.attribution` (status and source of a claim), :mod:`~analysis.narratives.frames`
(the recurring ways of telling the story, with evidence), :mod:`~analysis.narratives.plausibility` (claimed
figures against official ones) and :mod:`~analysis.narratives.focus` (the claims about one actor);
:mod:`~analysis.narratives.stage` writes the ``amounts``, ``claims``, ``frames`` and ``plausibility`` tables.
"""
