"""The focus-actor brief of ``notebooks/05-report.ipynb``: what the corpus says about one actor in one period.

The brief is built from the tables the earlier notebooks wrote, read for the articles of the period as every
notebook reads them (:func:`analysis.report.selection.report_selection`); a missing table is reported in the brief,
never raised. Every corpus string the brief puts into Markdown is escaped (:func:`markdown_text`). The checks of a
report's ``focus_actor`` parameter (:func:`check_focus_actor`) are here too: they look the name up as the brief does.
"""
from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.errors import ReportError
from analysis.lexicons.actors import load_dictionary
from analysis.narratives.focus import claims_involving
from analysis.narratives.plausibility import implausible_rows
from analysis.report.selection import report_selection
from analysis.tables.store import Period, optional_table

__all__ = ["WINDOW_UNITS", "FocusBrief", "brief_summary", "check_focus_actor", "focus_actor_note", "focus_brief",
           "markdown_text", "similar_names"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~])")


def markdown_text(value) -> str:
    """A corpus string made safe to put in Markdown: HTML escaped, Markdown markup characters backslashed.

    Markdown passes raw HTML through to the page, so a title such as ``<script>…`` would run in the reader's
    browser; escaped, it shows as written.

    >>> print(markdown_text("<b>BRICS</b> *pay*"))
    &lt;b&gt;BRICS&lt;/b&gt; \\*pay\\*
    >>> markdown_text(None)
    '—'
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


# What the brief calls the windows in which partners are named together.
WINDOW_UNITS = {"sentence": "sentences", "paragraph": "paragraphs", "document": "articles"}


@dataclass
class FocusBrief:
    """What the corpus says about one actor in one period, each part traceable to (doc_id, sent_idx)."""

    actor: str
    period: str                            # the period's label ("2024-01-01 to the latest article")
    n_articles: int                        # articles in the period
    mentions: pd.DataFrame                 # the actor's mentions in the period, with outlet/title/published
    partners: pd.DataFrame | None          # partner, weight, n_sentences (shared windows), n_docs
    claims: pd.DataFrame | None            # currency-shift claims involving the actor
    sources: pd.DataFrame                  # articles naming the actor: outlet, title, published, mentions
    flags: pd.DataFrame | None = None      # quality flags raised on the actor's mentions (flags table)
    missing: list[str] = field(default_factory=list)      # tables not found
    suggestions: list[str] = field(default_factory=list)  # similar actor names, when the actor is absent
    window: str = "sentence"               # the co-occurrence window partners share
    note: str | None = None                # why no article is in the period (analysis.tables.store.Selection.note)

    @property
    def found(self) -> bool:
        return not self.mentions.empty


def focus_brief(tables_dir: Path | str, actor: str, start_date: str = "", end_date: str = "",
                include_undated: bool = True, top: int = 10, window: str = "sentence",
                weight: str = "npmi") -> FocusBrief:
    """Build the brief on ``actor`` (a canonical name) from the tables in ``tables_dir``.

    Everything is read for the articles of the period (:func:`analysis.report.selection.report_selection`).
    Partners are the actors named in the same ``window`` in those articles, weighted by ``weight``: the network of
    notebook 03 for the same parameters. Claims involve the actor when it is the claim's actor, its source
    (``attributed_to``) or is named in the claim's sentence (:func:`analysis.narratives.focus.claims_involving`).
    """
    selection = report_selection(tables_dir, Period(start_date, end_date, include_undated))
    missing = [] if selection.has_articles else ["articles"]
    articles = selection.articles.reindex(columns=["doc_id", "outlet", "title", "published", "source"])
    columns = ["doc_id", "sent_idx", "start", "end", "surface", "actor_name", "actor_type"]
    mentions = selection.optional("mentions", columns)
    if mentions is None:
        missing.append("mentions")
        mentions = pd.DataFrame(columns=columns)
    own = mentions[mentions["actor_name"] == actor].merge(articles, on="doc_id", how="left")
    own = own.sort_values(["published", "doc_id", "sent_idx", "start"], na_position="last").reset_index(drop=True)
    suggestions = similar_names(actor, set(mentions["actor_name"].dropna())) if own.empty else []
    partners = None if "mentions" in missing else _partners(selection.edges(window, weight), actor).head(top)
    sources = (own.groupby("doc_id", sort=False)
               .agg(outlet=("outlet", "first"), title=("title", "first"), published=("published", "first"),
                    mentions=("sent_idx", "size"))
               .reset_index()) if not own.empty else pd.DataFrame(
                   columns=["doc_id", "outlet", "title", "published", "mentions"])
    sources = sources.sort_values(["published", "doc_id"], na_position="last").reset_index(drop=True)
    return FocusBrief(actor=actor, period=selection.period.label, n_articles=len(articles), mentions=own,
                      partners=partners, claims=_claims(selection, actor, own, articles, missing), sources=sources,
                      flags=_flags(selection, own), missing=missing, suggestions=suggestions, window=window,
                      note=selection.note)


def _flags(selection, own: pd.DataFrame) -> pd.DataFrame | None:
    """Quality flags (a title that does not fit the person's role, a truncated name …) overlapping the mentions."""
    flags = selection.optional("flags", ["doc_id", "sent_idx", "start", "end", "flag", "surface", "detail"])
    if flags is None:
        return None
    spans = own[["doc_id", "sent_idx", "start", "end"]]
    paired = flags.merge(spans, on=["doc_id", "sent_idx"], suffixes=("", "_mention"))
    paired = paired[(paired["start"] < paired["end_mention"]) & (paired["start_mention"] < paired["end"])]
    return (paired.drop_duplicates(["doc_id", "sent_idx", "start", "end", "flag"])
            [["doc_id", "sent_idx", "flag", "surface", "detail"]]
            .sort_values(["doc_id", "sent_idx", "flag"]).reset_index(drop=True))


def _partners(edges: pd.DataFrame, actor: str) -> pd.DataFrame:
    """The other end of each of ``actor``'s edges, most shared windows first."""
    own = edges[(edges["source"] == actor) | (edges["target"] == actor)]
    table = pd.DataFrame({"partner": own["target"].where(own["source"] == actor, own["source"]),
                          "weight": own["weight"], "n_sentences": own["n_sentences"], "n_docs": own["n_docs"]})
    # Readers ask "who with, how often": shared windows first; the association weight (e.g. NPMI) ranks
    # rare pairs highest and only breaks ties here.
    return table.sort_values(["n_sentences", "n_docs", "weight", "partner"],
                             ascending=[False, False, False, True]).reset_index(drop=True)


def _claims(selection, actor, own, articles, missing):
    claims = selection.optional("claims")
    if claims is None:
        missing.append("claims")
        return None
    involved = claims_involving(claims, actor, own, ways=("actor", "source", "sentence"))
    columns = [column for column in ("doc_id", "sent_idx", "actor_name", "action", "asset", "direction", "amount_usd",
                                     "amount_text", "status", "attributed_to") if column in claims.columns]
    selected = claims.loc[involved, columns].merge(articles[["doc_id", "outlet", "title", "published"]],
                                                   on="doc_id", how="left")
    plausibility = selection.optional("plausibility")
    if plausibility is not None:
        flags = implausible_rows(plausibility)
        if flags is not None and {"doc_id", "sent_idx"} <= set(flags.columns):
            flagged = set(zip(flags["doc_id"], flags["sent_idx"]))
            selected["implausible"] = [key in flagged for key in zip(selected["doc_id"], selected["sent_idx"])]
    return selected.sort_values(["published", "doc_id", "sent_idx"], na_position="last").reset_index(drop=True)


def brief_summary(brief: FocusBrief) -> str:
    """The brief's opening paragraph, as Markdown (every corpus string escaped)."""
    actor = markdown_text(brief.actor)
    if not brief.found:
        text = (f"**{actor} is not mentioned in this corpus/period** ({markdown_text(brief.period)}, "
                f"{brief.n_articles} articles).")
        if "mentions" in brief.missing:
            text += " The `mentions` table was not found, so no actor could be looked up; run notebook 02 first."
        elif brief.note:
            text += " " + markdown_text(brief.note[0].upper() + brief.note[1:]) + "."
        elif brief.suggestions:
            text += " Names found that look similar: " + ", ".join(markdown_text(s) for s in brief.suggestions) + "."
        else:
            text += " Check the spelling against the canonical names in the actor dictionary (`data/lexicons/actors`)."
        return text
    n_docs = brief.mentions["doc_id"].nunique()
    outlets = brief.mentions["outlet"].dropna().nunique()
    dated = brief.sources["published"].dropna()
    if len(dated) == 0:
        span = "none of them dated"
    else:
        span = (f"dated {dated.min()}" if dated.min() == dated.max() else f"dated {dated.min()} to {dated.max()}")
        span += f", {n_docs - len(dated)} undated" if len(dated) < n_docs else ""
    text = (f"**{actor}** is named {len(brief.mentions)} times in {n_docs} of {brief.n_articles} articles "
            f"({outlets} named {'outlet' if outlets == 1 else 'outlets'}; {span}), in {markdown_text(brief.period)}.")
    if brief.partners is not None and not brief.partners.empty:
        top = brief.partners.iloc[0]
        shared = (f"{int(top['n_docs'])} articles" if brief.window == "document" else
                  f"{int(top['n_sentences'])} {WINDOW_UNITS[brief.window]} in {int(top['n_docs'])} articles")
        text += f" Most often named alongside: **{markdown_text(top['partner'])}** ({shared})."
    if brief.claims is not None:
        n = len(brief.claims)
        text += (" No currency-shift claim involves them." if n == 0 else
                 " One currency-shift claim involves them." if n == 1 else f" {n} currency-shift claims involve them.")
    if brief.flags is not None and len(brief.flags):
        text += (f" {len(brief.flags)} quality {'flag was' if len(brief.flags) == 1 else 'flags were'} raised on "
                 "these mentions (see the sources below).")
    return text


def similar_names(name: str, names) -> list[str]:
    """Up to five of ``names`` like ``name``: close spellings (difflib, case ignored), then those sharing its last word.

    >>> similar_names("Xi Jinpin", ["Xi Jinping", "Vladimir Putin", "Peng Liyuan"])
    ['Xi Jinping']
    >>> similar_names("Putin", ["Vladimir Putin", "Xi Jinping"])
    ['Vladimir Putin']
    """
    lowered = {candidate.lower(): candidate for candidate in names}
    close = [lowered[match] for match in difflib.get_close_matches(name.lower(), list(lowered), n=5, cutoff=0.6)]
    last = name.split()[-1].lower() if name.split() else ""
    partial = sorted(candidate for candidate in lowered.values() if last and last in candidate.lower().split())
    return list(dict.fromkeys(close + partial))[:5]


def check_focus_actor(actor: str, tables_dir: Path | None = None) -> bool:
    """Stop a report whose focus actor is neither a canonical name of the actor dictionary nor an actor of the
    corpus, suggesting the closest names: a typo would otherwise leave the notebooks about another actor.

    Without ``tables_dir`` (before the corpus is ingested) only the dictionary is read: a canonical name passes
    (``True``), another name of a dictionary actor ("Putin") stops the report at once, and any other name is
    left for the check against the corpus's mentions (``False``), since the corpus may name a new actor.
    """
    dictionary = load_dictionary()
    if actor in dictionary.by_name:
        return True
    owners = sorted({dictionary.actors[actor_id].name for actor_id in dictionary.alias_owners.get(actor, [])})
    mentions = optional_table(tables_dir, "mentions", ["actor_name"]) if tables_dir is not None else None
    corpus_names = set(mentions["actor_name"].dropna()) if mentions is not None else set()
    if actor in corpus_names:
        return True
    if tables_dir is None and not owners:
        return False
    suggestions = owners or similar_names(actor, set(dictionary.by_name) | corpus_names)
    hint = (f"it is another name of {' or '.join(owners)}; use the canonical name" if owners else
            f"did you mean {' or '.join(suggestions)}?" if suggestions else
            "use a canonical name as in mentions.actor_name")
    raise ReportError(f"parameter focus_actor '{actor}' is neither an actor of the dictionary (data/lexicons/actors) "
                      f"nor one named in this corpus; {hint} "
                      f"(e.g. -p focus_actor=\"{suggestions[0] if suggestions else 'Xi Jinping'}\")")


def focus_actor_note(actor: str) -> str:
    """What a report prints before ingesting for a focus actor the dictionary lacks: it is looked up in the
    corpus afterwards, and a typo of a dictionary name can be stopped (Ctrl-C) before the corpus is read."""
    close = similar_names(actor, set(load_dictionary().by_name))
    return (f"Note: focus_actor '{actor}' is not in the actor dictionary; it is looked up among the actors the "
            f"corpus names once it is ingested" + (f" (did you mean {' or '.join(close)}?)" if close else ""))
