"""Parameterised reports: parameters, the focus-actor brief, the index page, escaping, and real runs."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.errors import ReportError
from analysis.report.brief import brief_summary, focus_brief, markdown_text
from analysis.report.index import key_numbers, quality_notes, render_index
from analysis.report.run import (
    build_report,
    coerce_parameter,
    export_html,
    joined_streams,
    numbered_notebooks,
    parse_parameters,
)
from analysis.tables.store import Period


def test_parameters_from_pairs_and_file(tmp_path):
    params = tmp_path / "params.yaml"
    params.write_text("start_date: 2024-01-01\ninclude_undated: false\n")
    parsed = parse_parameters(["end_date=2024-12-31", "near_duplicate_threshold=0.9"], params)
    assert parsed == {"start_date": "2024-01-01", "include_undated": False, "end_date": "2024-12-31",
                      "near_duplicate_threshold": 0.9}


def test_a_quoted_name_with_a_space_is_one_value():
    # The shell removes the quotes of -p focus_actor="Xi Jinping"; the value arrives with its space.
    assert parse_parameters(["focus_actor=Xi Jinping", "frames=[sanctions, brics_currency]"]) == {
        "focus_actor": "Xi Jinping", "frames": ["sanctions", "brics_currency"]}


@pytest.mark.parametrize("pair", ["no_equals_sign", "=value"])
def test_malformed_parameters_are_refused(pair):
    with pytest.raises(ReportError, match="key=value"):
        parse_parameters([pair])


@pytest.mark.parametrize("value, default, expected", [
    (2024, "", "2024"),                       # a number where the notebook takes text: its text
    (["sanctions", "brics_currency"], "", "sanctions,brics_currency"),
    ("Xi Jinping", "Xi Jinping", "Xi Jinping"),
    (1, 0.8, 1.0),                            # an int where the notebook takes a float
    ("sanctions, brics_currency", [], ["sanctions", "brics_currency"]),
    (False, True, False),
    ("", 0.8, ""),                            # empty means the notebook's default
])
def test_values_take_the_type_of_the_notebook_default(value, default, expected):
    result = coerce_parameter("x", value, default, "05-report.ipynb")
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize("value, default, message", [
    ("abc", 0.8, "expects a number"),
    ("yes please", True, "expects true or false"),
    (True, "", "expects text"),
])
def test_values_of_the_wrong_type_name_the_parameter_and_notebook(value, default, message):
    with pytest.raises(ReportError, match=f"parameter x of 05-report.ipynb {message}"):
        coerce_parameter("x", value, default, "05-report.ipynb")


def test_unknown_parameter_names_the_known_ones(tmp_path):
    with pytest.raises(ReportError, match="unknown parameter.*'colour'.*start_date"):
        build_report(config.SAMPLE_CORPUS, "x", {"colour": "red"}, reports_dir=tmp_path)


@pytest.mark.parametrize("name", ["../outside", "a/b", ".hidden", ""])
def test_report_names_that_are_not_plain_folder_names_are_refused(name, tmp_path):
    with pytest.raises(ReportError, match="report name"):
        build_report(config.SAMPLE_CORPUS, name or " ", {}, reports_dir=tmp_path, notebooks=[])


def test_markdown_text_escapes_markup_from_the_corpus():
    assert markdown_text("<script>alert('x')</script>") == "&lt;script&gt;alert('x')&lt;/script&gt;"
    assert markdown_text("*Breaking* [link](x) #tag") == r"\*Breaking\* \[link\](x) \#tag"
    assert markdown_text(None) == "—" and markdown_text(float("nan")) == "—"


def test_html_pages_hide_code_unless_asked_and_load_nothing_from_elsewhere(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    cell = new_code_cell("secret_variable_name = 1", outputs=[new_output(
        "display_data", data={"text/markdown": markdown_text("<script>alert(1)</script> title")})])
    path = tmp_path / "07-page.ipynb"
    nbformat.write(new_notebook(cells=[new_markdown_cell("# 07 · Page\n\nA formula: $x^2$"), cell]), path)
    hidden = export_html(path, show_code=False, index_link=True).read_text(encoding="utf-8")
    shown = export_html(path, show_code=True).read_text(encoding="utf-8")
    assert "secret_variable_name" not in hidden and "secret_variable_name" in shown
    assert 'href="index.html"' in hidden and 'href="index.html"' not in shown
    for page in (hidden, shown):
        assert "<script" not in page and "cdnjs" not in page and "&lt;script&gt;alert(1)" in page


# --- the focus-actor brief on small hand-made tables -------------------------------------------------------------

def _write(tables_dir: Path, name: str, rows: list[dict]) -> None:
    pd.DataFrame(rows).to_parquet(tables_dir / f"{name}.parquet")


@pytest.fixture()
def tables(tmp_path) -> Path:
    """Three articles (2023, 2024, undated) naming Xi, Putin, Lula, Russia and a media outlet."""
    import datetime as dt

    _write(tmp_path, "articles", [
        {"doc_id": "a", "source": "a.txt", "title": "One", "outlet": "Wire", "published": dt.date(2023, 3, 1)},
        {"doc_id": "b", "source": "b.txt", "title": "Two", "outlet": "Post", "published": dt.date(2024, 6, 1)},
        {"doc_id": "c", "source": "c.txt", "title": "Three", "outlet": None, "published": None},
    ])
    def mention(doc, sent, name, kind):
        return {"doc_id": doc, "sent_idx": sent, "start": 0, "end": 1, "surface": name, "actor_name": name,
                "actor_type": kind}
    _write(tmp_path, "mentions", [
        mention("a", 0, "Xi Jinping", "person"), mention("a", 0, "Vladimir Putin", "person"),
        mention("a", 0, "Caspian Wire", "media"),
        mention("a", 1, "Xi Jinping", "person"), mention("a", 1, "Vladimir Putin", "person"),
        mention("b", 0, "Xi Jinping", "person"), mention("b", 0, "Luiz Inácio Lula da Silva", "person"),
        mention("b", 0, "Vladimir Putin", "person"),
        mention("c", 2, "Russia", "country"), mention("c", 3, "Xi Jinping", "person"),
    ])
    return tmp_path


def test_partners_are_counted_from_the_mentions_of_the_period(tables):
    brief = focus_brief(tables, "Xi Jinping")
    assert brief.found and brief.missing == ["claims"]
    assert brief.partners[["partner", "n_sentences", "n_docs"]].values.tolist() == [
        ["Vladimir Putin", 3, 2], ["Luiz Inácio Lula da Silva", 1, 1]]  # the outlet is not a partner
    assert brief.sources["doc_id"].tolist() == ["a", "b", "c"]  # by date, undated last
    assert brief.sources["mentions"].tolist() == [2, 1, 1]
    assert brief_summary(brief).startswith("**Xi Jinping** is named 4 times in 3 of 3 articles (2 named outlets; "
                                           "dated 2023-03-01 to 2024-06-01, 1 undated), in the whole corpus. Most "
                                           "often named alongside: **Vladimir Putin** (3 sentences in 2 articles).")
    assert brief.flags is None  # no flags table: nothing to say, nothing raised


def test_partners_follow_the_window_the_weight_and_the_period(tables):
    """The same pairs, counts and weights as the network notebook builds for these parameters."""
    from analysis.network import cooccurrence

    _write(tables, "edges", [  # a run's edges table (whole corpus, another window) is not what the brief counts
        {"source": "Vladimir Putin", "target": "Xi Jinping", "weight": 0.4, "n_sentences": 99, "n_docs": 9}])
    brief = focus_brief(tables, "Xi Jinping", window="document", weight="count")
    assert brief.partners[["partner", "weight", "n_sentences", "n_docs"]].values.tolist() == [
        ["Vladimir Putin", 2.0, 2, 2], ["Luiz Inácio Lula da Silva", 1.0, 1, 1], ["Russia", 1.0, 1, 1]]
    assert "Most often named alongside: **Vladimir Putin** (2 articles)." in brief_summary(brief)
    in_2024 = focus_brief(tables, "Xi Jinping", start_date="2024-01-01", include_undated=False, weight="pmi")
    mentions = pd.read_parquet(tables / "mentions.parquet")
    network = cooccurrence(mentions[mentions["doc_id"] == "b"], weight="pmi")
    expected = network[network["target"] == "Xi Jinping"].sort_values("source")
    assert in_2024.partners.sort_values("partner")[["partner", "weight"]].values.tolist() == (
        expected[["source", "weight"]].values.tolist())
    assert in_2024.n_articles == 1 and len(in_2024.mentions) == 1
    assert in_2024.period == "2024-01-01 to the latest article"


def test_quality_flags_on_the_actors_mentions_are_listed(tables):
    _write(tables, "flags", [
        {"doc_id": "a", "sent_idx": 0, "start": 0, "end": 1, "flag": "title_mismatch", "surface": "x", "detail": "d"},
        {"doc_id": "a", "sent_idx": 0, "start": 5, "end": 9, "flag": "truncated_word", "surface": "y", "detail": "d"},
        {"doc_id": "c", "sent_idx": 2, "start": 0, "end": 1, "flag": "role_undated", "surface": "z", "detail": "d"},
    ])
    brief = focus_brief(tables, "Xi Jinping")
    assert brief.flags[["doc_id", "flag"]].values.tolist() == [["a", "title_mismatch"]]  # overlapping spans only
    assert "1 quality flag was raised on these mentions" in brief_summary(brief)


def test_claims_involve_the_actor_as_actor_source_or_in_the_sentence(tables):
    def claim(doc, sent, actor, source):
        return {"doc_id": doc, "sent_idx": sent, "actor_name": actor, "action": "sell", "asset": "us_treasuries",
                "direction": "away_from_usd", "amount_usd": 5e10, "amount_text": "$50 billion", "status": "reported",
                "attributed_to": source}

    _write(tables, "claims", [claim("a", 5, "Xi Jinping", None), claim("b", 0, "China", None),
                              claim("c", 2, "Russia", "Xi Jinping"), claim("c", 2, "Russia", None)])
    _write(tables, "plausibility", [
        {"doc_id": "b", "sent_idx": 0, "claim": "China sell", "check": "magnitude", "severity": "high"},
        {"doc_id": "a", "sent_idx": 5, "claim": "Xi sell", "check": "reference_comparison", "severity": "info"}])
    claims = focus_brief(tables, "Xi Jinping").claims
    assert claims[["doc_id", "sent_idx", "actor_name"]].values.tolist() == [
        ["a", 5, "Xi Jinping"], ["b", 0, "China"], ["c", 2, "Russia"]]
    assert claims["implausible"].tolist() == [False, True, False]  # an "info" comparison held
    assert claims["outlet"].tolist()[:2] == ["Wire", "Post"]


def test_an_absent_actor_gives_a_clear_brief_with_similar_names(tables):
    brief = focus_brief(tables, "Xi Jinpin")
    assert not brief.found and brief.sources.empty and brief.partners.empty
    assert brief.suggestions == ["Xi Jinping"]
    assert brief_summary(brief).startswith("**Xi Jinpin is not mentioned in this corpus/period** (the whole corpus")
    later = focus_brief(tables, "Luiz Inácio Lula da Silva", end_date="2023-12-31", include_undated=False)
    assert not later.found and "not mentioned" in brief_summary(later) and "2023-12-31" in brief_summary(later)
    none = focus_brief(tables, "Xi Jinping", start_date="2030-01-01", include_undated=False)
    assert brief_summary(none).startswith("**Xi Jinping is not mentioned in this corpus/period** (2030-01-01 to the "
                                          "latest article, 0 articles). 0 of the 3 articles are in the period")


def test_missing_tables_are_named_not_raised(tmp_path):
    brief = focus_brief(tmp_path, "Xi Jinping")
    assert not brief.found and brief.missing == ["articles", "mentions", "claims"]
    assert "The `mentions` table was not found" in brief_summary(brief)


# --- the index page ---------------------------------------------------------------------------------------------

def test_index_numbers_notes_and_escaping(tables):
    report_dir = tables / "report"
    (report_dir / "tables").mkdir(parents=True)
    for path in tables.glob("*.parquet"):
        shutil.copy(path, report_dir / "tables" / path.name)
    _write(report_dir / "tables", "ingest_report", [
        {"source": "a.txt", "status": "ingested", "reason": None},
        {"source": "<script>alert(1)</script>.txt", "status": "skipped", "reason": "empty file (no text)"},
        {"source": "b.txt", "status": "duplicate", "reason": "near-duplicate of a.txt"},
    ])
    _write(report_dir / "tables", "record_report", [
        {"source": "x.csv", "record": 3, "status": "skipped", "reason": "no 'text' field (fields present: body)",
         "doc_id": None},
        {"source": "x.csv", "record": 2, "status": "ingested", "reason": "4 sentences", "doc_id": "a"}])
    _write(report_dir / "tables", "flags", [{"doc_id": "a", "flag": "title_mismatch"},
                                            {"doc_id": "b", "flag": "truncated_word"},
                                            {"doc_id": "c", "flag": "title_mismatch"}])
    _write(report_dir / "tables", "frames", [{"doc_id": "a", "frame": "sanctions", "n_evidence": 2},
                                             {"doc_id": "b", "frame": "dedollarization", "n_evidence": 1}])
    _write(report_dir / "tables", "plausibility", [
        {"doc_id": "a", "sent_idx": 1, "claim": "<i>gold</i> $550 billion", "check": "gold_value_vs_tonnage",
         "severity": "high"},
        {"doc_id": "b", "sent_idx": 0, "claim": "treasuries", "check": "reference_comparison", "severity": "info"}])
    numbers = dict(key_numbers(report_dir / "tables"))
    assert numbers == {"files read": 3, "files ingested": 1, "duplicate files": 1, "skipped files": 1,
                       "articles in the period": "3 of 3", "actor mentions": 10, "distinct actors": 5,
                       "actor pairs (edges, sentence window)": 3, "frames found": "2: dedollarization, sanctions"}
    notes = quality_notes(report_dir / "tables")
    assert notes["flags"] == [("title_mismatch", 2), ("truncated_word", 1)]
    assert notes["skipped"] == [("<script>alert(1)</script>.txt", "empty file (no text)")]
    assert notes["skipped_records"] == [("x.csv #3", "no 'text' field (fields present: body)")]
    assert notes["implausible"]["rows"] == [["a", "1", "<i>gold</i> $550 billion", "gold_value_vs_tonnage", "high"]]
    manifest = {"name": "t", "corpus": "/data/<corpus>", "status": "complete", "error": None,
                "parameters": {"focus_actor": "<img src=x onerror=alert(2)>"},
                "versions": {"geonarratives": "0.1.0"}, "notebooks": []}
    page = render_index(report_dir, manifest)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "Implausible claims (1)" in page and "&lt;i&gt;gold&lt;/i&gt;" in page and "title_mismatch" in page
    assert page == render_index(report_dir, manifest)  # no clock, no set order: the same page every time


def test_index_numbers_and_notes_cover_the_period_of_the_report(tables):
    """Files are counted for the whole corpus; articles and all they hold for the period, as the notebooks count."""
    _write(tables, "flags", [{"doc_id": "a", "flag": "title_mismatch"}, {"doc_id": "b", "flag": "truncated_word"}])
    _write(tables, "plausibility", [{"doc_id": "a", "sent_idx": 1, "claim": "gold", "check": "magnitude",
                                     "severity": "high"}])
    period = Period("2024-01-01", "2024-12-31", include_undated=False)
    numbers = dict(key_numbers(tables, period, window="document"))
    assert numbers == {"articles in the period": "1 of 3", "actor mentions": 3, "distinct actors": 3,
                       "actor pairs (edges, document window)": 3}
    notes = quality_notes(tables, period)
    assert notes["flags"] == [("truncated_word", 1)] and notes["implausible"]["rows"] == []
    manifest = {"name": "t", "corpus": "/data/c", "status": "complete", "error": None,
                "settings": {"start_date": {"value": "2024-01-01", "default": False, "notebooks": ["00", "05"]},
                             "end_date": {"value": "2024-12-31", "default": False, "notebooks": ["00", "05"]},
                             "include_undated": {"value": False, "default": False, "notebooks": ["00", "05"]},
                             "window": {"value": "document", "default": False, "notebooks": ["03", "05"]},
                             "focus_actor": {"value": "Xi Jinping", "default": True, "notebooks": ["02", "05"]}},
                "versions": {}, "notebooks": []}
    report_dir = tables.parent / "report"
    shutil.copytree(tables, report_dir / "tables")
    page = render_index(report_dir, manifest)
    assert "2024-01-01 to 2024-12-31" in page and "Implausible claims (0)" in page
    assert '<code>Xi Jinping</code> <span class="muted">(default)</span> <span class="muted">· notebooks 02, 05' in page
    empty = {**manifest, "settings": {**manifest["settings"], "start_date": {"value": "2030-01-01", "default": False,
                                                                           "notebooks": ["00"]},
                                      "end_date": {"value": "", "default": True, "notebooks": ["00"]}}}
    assert ("<strong>Nothing to show:</strong> 0 of the 3 articles are in the period 2030-01-01 to the latest "
            "article (they are dated 2023-03-01 to 2024-06-01, 1 undated); check start_date/end_date or set "
            "include_undated to true") in render_index(report_dir, empty)


# --- real runs ------------------------------------------------------------------------------------------------

# Synthetic articles written for these tests (not from any real outlet), one with markup in its title and text.
SYNTHETIC = {
    "001_markup.txt": ("Harbour <script>alert('x')</script> Talks Open\n\n"
                       "Example Wire, March 5, 2024 — Xi Jinping and Vladimir Putin met in the fictional port of "
                       "Lowmarsh on Tuesday to discuss settling trade in yuan and roubles.\n\n"
                       "A clerk typed <script>alert('y')</script> into the agenda, officials said.\n\n"
                       "China said the talks would continue next spring.\n"),
    "002_gold.txt": ("Central Banks Keep Buying Gold\n\n"
                     "Sample Post, June 2, 2024 — Luiz Inácio Lula da Silva told reporters that Brazil and China "
                     "would expand trade settled in their own currencies, while Xi Jinping praised the plan.\n\n"
                     "Analysts expect more gold purchases this year.\n"),
    "<em>empty.txt": "",  # markup in a file name (no "/": that would be a folder)
}


def write_synthetic_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in SYNTHETIC.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def report_notebooks() -> list[Path]:
    """The notebooks these tests build: start-here, ingestion and the brief (the topic notebooks test themselves)."""
    return [path for path in numbered_notebooks() if path.name[:2] in {"00", "01", "05"}]


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    for path in sorted(config.SAMPLE_CORPUS.iterdir()):
        if path.name[:3] in {"004", "012", "016", "022", "025"} or path.name == "empty.txt":
            shutil.copy(path, corpus / path.name)
    return corpus


def tiny_notebook(path: Path, *cells: str, parameters: str = 'ratio = 1.0\nlabel = ""') -> Path:
    """A numbered notebook of a title, a parameters cell (the paths and ``parameters``) and ``cells`` (code cells;
    one starting with "#" is a Markdown heading)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nbformat.write(new_notebook(cells=[
        new_markdown_cell(f"# {path.name[:2]} · Tiny"),
        new_code_cell(f'corpus = ""\ntables_dir = ""\nfigures_dir = ""\n{parameters}', metadata={"tags": ["parameters"]}),
        *(new_markdown_cell(cell) if cell.startswith("#") else new_code_cell(cell) for cell in cells)],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}), path)
    return path


@pytest.mark.slow
def test_each_notebook_gets_only_its_parameters_in_its_types(tmp_path):
    import nbformat

    path = tiny_notebook(tmp_path / "09-tiny.ipynb", "print(type(ratio).__name__, type(label).__name__, label)")
    corpus = write_synthetic_corpus(tmp_path / "corpus")
    folder = build_report(corpus, "tiny", {"ratio": 2, "label": 2024}, reports_dir=tmp_path / "reports",
                          notebooks=[path])
    passed = json.loads((folder / "report.json").read_text())["notebooks"][0]["parameters"]
    assert passed == {"corpus": str(corpus.resolve()), "tables_dir": str(folder / "tables"),
                      "figures_dir": str(folder / "figures"), "ratio": 2.0, "label": "2024"}
    executed = nbformat.read(folder / "09-tiny.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == "float str 2024\n"
    assert '<a href="09-tiny.html">09 · Tiny</a>' in (folder / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("parameters, message", [
    ({"start_date": "2024-13-01"}, "parameter start_date '2024-13-01' is not a date in YYYY-MM-DD form"),
    ({"end_date": "01/01/2024"}, "parameter end_date '01/01/2024' is not a date in YYYY-MM-DD form"),
    ({"start_date": "2024-12-31", "end_date": "2024-01-01"}, "start_date 2024-12-31 is after end_date 2024-01-01"),
    ({"window": "sentense"}, "parameter window 'sentense' is not one of sentence, paragraph, document"),
    ({"weight": "PMI"}, "parameter weight 'PMI' is not one of count, n_docs, jaccard, pmi, npmi"),
])
def test_a_bad_period_or_network_parameter_stops_the_report_before_anything_runs(parameters, message, tmp_path):
    with pytest.raises(ReportError, match=re.escape(message)):
        build_report(config.SAMPLE_CORPUS, "bad", parameters, reports_dir=tmp_path)
    assert not (tmp_path / "bad").exists()


def test_an_impossible_date_reaches_the_check_as_written(tmp_path):
    # YAML reads 2024-13-01 as a date and fails to build it; the value must reach the named check, not crash
    assert parse_parameters(["start_date=2024-13-01", "end_date=2024-12-31"]) == {
        "start_date": "2024-13-01", "end_date": "2024-12-31"}
    params = tmp_path / "params.yaml"
    params.write_text("start_date: 2024-13-01\n")
    with pytest.raises(ReportError, match="parameters file .* holds an impossible date .*; dates are YYYY-MM-DD"):
        parse_parameters([], params)


def test_report_help_lists_every_notebook_parameter_with_its_default(capsys):
    from analysis.cli import main

    with pytest.raises(SystemExit):
        main(["report", "--help"])
    text = capsys.readouterr().out
    for line in ('focus_actor = "Xi Jinping"', 'start_date = ""', "include_undated = True", 'window = "sentence"',
                 'text_field = "text"', "--text-field NAME"):
        assert line in text
    assert "(00, 01, 02, 03, 04, 05)" in text  # the notebooks that use the period


def test_export_field_options_of_the_report_become_notebook_parameters(tmp_path):
    from analysis.cli import build_parser, report_parameters

    args = build_parser().parse_args(["report", "--corpus", str(tmp_path), "--text-field", "body", "--title-field",
                                      "headline", "-p", "start_date=2024-01-01"])
    assert report_parameters(args) == {"start_date": "2024-01-01", "text_field": "body", "title_field": "headline"}


@pytest.mark.slow
def test_a_mistyped_focus_actor_stops_the_report_with_the_closest_names(tmp_path, capsys):
    corpus = write_synthetic_corpus(tmp_path / "corpus")
    notebook = tiny_notebook(tmp_path / "09-focus.ipynb", "print('ran')", parameters='focus_actor = "Xi Jinping"')
    for actor, suggestion in (("Xi Jinpin", "did you mean Xi Jinping?"),
                              ("Putin", "it is another name of Vladimir Putin; use the canonical name")):
        with pytest.raises(ReportError, match=re.escape(f"parameter focus_actor '{actor}' is neither an actor of "
                                                        "the dictionary") + ".*" + re.escape(suggestion)):
            build_report(corpus, actor.replace(" ", "-"), {"focus_actor": actor}, reports_dir=tmp_path,
                         notebooks=[notebook])
        folder = tmp_path / actor.replace(" ", "-")
        assert not (folder / "09-focus.ipynb").exists()  # stopped before any notebook ran
        assert json.loads((folder / "report.json").read_text())["status"] == "failed"
    # Another name of a dictionary actor stops the report before the corpus is read; a name the dictionary
    # lacks is looked up in the corpus, and the closest dictionary names are printed before ingestion.
    assert not (tmp_path / "Putin" / "tables").exists()
    assert (tmp_path / "Xi-Jinpin" / "tables" / "mentions.parquet").exists()
    printed = capsys.readouterr().out
    assert printed.index("focus_actor 'Xi Jinpin' is not in the actor dictionary") < printed.index("Ingesting")
    assert "(did you mean Xi Jinping?)" in printed
    # A name the dictionary lacks but the corpus names (a discovered actor) is a valid focus
    (corpus / "003_fellow.txt").write_text("Trade Talks Continue\n\nExample Wire, March 7, 2024 — “The talks went "
                                           "well,” said Marta Velline, a senior fellow at a fictional institute.\n",
                                           encoding="utf-8")
    discovered = build_report(corpus, "found", {"focus_actor": "Marta Velline"}, reports_dir=tmp_path,
                              notebooks=[notebook])
    assert (discovered / "09-focus.ipynb").exists()


@pytest.mark.slow
def test_a_failing_cell_is_named_by_number_place_and_section_and_a_stop_is_a_note(tmp_path):

    corpus = write_synthetic_corpus(tmp_path / "corpus")
    stops = tiny_notebook(tmp_path / "07-stops.ipynb", "## 2. Something to show",
                          "from analysis.tables.store import NothingToShow\nraise NothingToShow('0 articles in the period')",
                          "print('never runs')")
    fails = tiny_notebook(tmp_path / "08-fails.ipynb", "## 2. Broken section", "print('ok')",
                          "raise RuntimeError('boom')")
    with pytest.raises(ReportError, match=re.escape("08-fails.ipynb failed in cell [4] (cell 6 of 6, section "
                                                    "'2. Broken section'): RuntimeError: boom")):
        build_report(corpus, "mixed", {}, reports_dir=tmp_path, notebooks=[stops, fails])
    manifest = json.loads((tmp_path / "mixed" / "report.json").read_text())
    assert [(n["status"], n.get("note")) for n in manifest["notebooks"]] == [
        ("stopped", "0 articles in the period"), ("failed", None)]
    page = (tmp_path / "mixed" / "07-stops.html").read_text(encoding="utf-8")
    assert "The notebook stops here: 0 articles in the period" in page
    assert "Traceback" not in page and "never runs" not in page and "An Exception was encountered" not in page
    index = (tmp_path / "mixed" / "index.html").read_text(encoding="utf-8")
    assert "stopped: 0 articles in the period" in index and "The report stopped:" in index


@pytest.mark.slow
def test_report_executes_the_notebooks_into_the_report_folder(small_corpus, tmp_path):
    folder = build_report(small_corpus, "small", {"start_date": "2023-01-01"}, reports_dir=tmp_path,
                          notebooks=[path for path in numbered_notebooks() if path.name.startswith("01")])
    assert (folder / "01-ingest.ipynb").exists() and (folder / "01-ingest.html").exists()
    assert (folder / "tables" / "articles.parquet").exists()
    assert (folder / "figures" / "01_article_length.png").exists()
    html = (folder / "01-ingest.html").read_text(encoding="utf-8")
    assert "6 read: 4 ingested, 1 duplicate, 1 skipped" in html
    assert "<script" not in html  # neither the page's own script nor any CDN script: the page works offline
    manifest = json.loads((folder / "report.json").read_text())
    assert manifest["status"] == "complete" and manifest["parameters"] == {"start_date": "2023-01-01"}
    assert manifest["notebooks"][0]["parameters"]["tables_dir"] == str(folder / "tables")
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="01-ingest.html"' in index and 'src="figures/01_article_length.png"' in index


@pytest.mark.slow
def test_a_brief_escapes_the_corpus_and_the_same_inputs_give_the_same_report(tmp_path):
    corpus = write_synthetic_corpus(tmp_path / "corpus")
    pages = {}
    for run in ("first", "second"):
        folder = build_report(corpus, "synthetic", {"focus_actor": "Xi Jinping"}, reports_dir=tmp_path / "reports",
                              notebooks=report_notebooks())  # the second build replaces the first
        pages[run] = {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.html"))}
    brief = pages["first"]["05-report.html"]
    assert "<script" not in brief and "&lt;script&gt;alert(" in brief  # the markup reached the page, as text
    assert "Xi Jinping</strong> is named 2 times in 2 of 2 articles (2 named outlets; dated 2024-03-05 to 2024-06-02)" in brief
    assert "Vladimir Putin" in brief and "Luiz Inácio Lula da Silva" in brief
    index = pages["first"]["index.html"]
    assert "&lt;em&gt;empty.txt" in index and "<em>empty" not in index
    assert "<script" not in index
    assert pages["first"] == pages["second"]


@pytest.mark.slow
def test_an_actor_absent_from_the_corpus_gives_a_not_mentioned_brief(tmp_path, capfd):
    corpus = write_synthetic_corpus(tmp_path / "corpus")
    folder = build_report(corpus, "absent", {"focus_actor": "Sergei Lavrov"}, reports_dir=tmp_path,
                          notebooks=[path for path in report_notebooks() if path.name[:2] in {"01", "05"}])
    brief = (folder / "05-report.html").read_text(encoding="utf-8")
    assert "Sergei Lavrov is not mentioned in this corpus/period" in brief
    assert "Traceback" not in brief
    assert "[IPKernelApp] WARNING" not in capfd.readouterr().err  # the kernels' warnings are not shown to the reader



@pytest.mark.slow
def test_a_report_made_on_a_dask_cluster_has_the_tables_of_one_made_in_one_process(tmp_path):
    pytest.importorskip("distributed", reason="Dask's distributed is part of the dev extra")
    corpus = write_synthetic_corpus(tmp_path / "corpus")
    first = [path for path in report_notebooks() if path.name.startswith("01")]
    here = build_report(corpus, "here", {}, reports_dir=tmp_path, notebooks=first)
    there = build_report(corpus, "there", {}, reports_dir=tmp_path, notebooks=first, workers=2, scheduler="local")
    assert json.loads((there / "report.json").read_text())["status"] == "complete"
    for table in sorted(path.name for path in (here / "tables").glob("*.parquet")):
        pd.testing.assert_frame_equal(pd.read_parquet(here / "tables" / table), pd.read_parquet(there / "tables" / table),
                                      obj=table)


# A CSV export of our own with other field names: dated 2023, 2024 (twice) and undated.
EXPORT = [
    {"headline": "Harbour Talks Open", "published_at": "2024-03-05", "site": "Example Wire",
     "body": "Xi Jinping and Vladimir Putin met in the fictional port of Lowmarsh to discuss settling trade in yuan "
             "and roubles.\n\nChina said the talks would continue next spring."},
    {"headline": "Central Banks Keep Buying Gold", "published_at": "2024-06-02", "site": "Sample Post",
     "body": "Luiz Inácio Lula da Silva told reporters that Brazil and China would expand trade settled in their own "
             "currencies, while Xi Jinping praised the plan.\n\nRussia said it would join the scheme."},
    {"headline": "An Older Meeting", "published_at": "2023-05-01", "site": "Example Wire",
     "body": "Xi Jinping and Narendra Modi spoke about border trade. India and China agreed to meet again."},
    {"headline": "A Story Without a Date", "published_at": "", "site": "",
     "body": "Vladimir Putin and Xi Jinping spoke by video link. Russia and China praised the call."},
]


def write_export(folder: Path) -> Path:
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "export.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["headline", "body", "published_at", "site"])
        writer.writeheader()
        writer.writerows(EXPORT)
    return folder


def page_text(path: Path) -> str:
    """The visible text of an HTML page, in one line (tags dropped, entities decoded, spaces collapsed)."""
    import html as html_lib

    text = re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html_lib.unescape(text).split())


@pytest.mark.slow
def test_an_export_with_its_own_field_names_and_one_set_of_parameters_for_every_notebook(tmp_path):
    """Every notebook and the index read the export with the fields given, count the same articles of the period
    and build the network with the same window and weight."""
    corpus = write_export(tmp_path / "export")
    parameters = {"text_field": "body", "title_field": "headline", "date_field": "published_at",
                  "outlet_field": "site", "start_date": "2024-01-01", "include_undated": False,
                  "window": "document", "weight": "count", "focus_actor": "Xi Jinping"}
    folder = build_report(corpus, "export", parameters, reports_dir=tmp_path / "reports")
    manifest = json.loads((folder / "report.json").read_text())
    assert manifest["status"] == "complete"
    assert [entry["status"] for entry in manifest["notebooks"]] == ["executed"] * len(numbered_notebooks())
    pages = {path.name[:2]: page_text(path) for path in sorted(folder.glob("[0-9][0-9]-*.html"))}
    assert all("Traceback" not in page and "Error" not in page for page in pages.values())
    period = "2024-01-01 to the latest article"
    assert f"2 of 4 articles in {period}" in pages["00"] and f"2 of 4 articles in {period}" in pages["01"]
    for number in ("02", "03", "04"):
        assert f"2 articles in {period}" in pages[number], number
    assert "4 read" not in pages["01"] and "1 read: 1 ingested" in pages["01"]
    titles = pd.read_parquet(folder / "tables" / "articles.parquet")["title"]
    assert sorted(titles) == sorted(record["headline"] for record in EXPORT)
    pairs = int(re.search(r"(\d+) actor pairs among \d+ actors \(window: document, weight: count\)",
                          pages["03"]).group(1))
    index = page_text(folder / "index.html")
    assert f"actor pairs (edges, document window) {pairs}" in index
    assert "articles in the period 2 of 4" in index and f"({period})" in index
    assert "focus_actor Xi Jinping · notebooks 02, 03, 04, 05" in index
    # The brief's partners are those of notebook 03's network: named in the same article, weighted by count
    assert "Named in the same document as Xi Jinping; weight is the pair's count." in pages["05"]
    assert "is named 2 times in 2 of 2 articles" in pages["05"] and "(2 articles)" in pages["05"]


@pytest.mark.slow
def test_a_corpus_without_an_article_gives_a_report_of_notes(tmp_path):
    corpus = tmp_path / "documents"
    corpus.mkdir()
    (corpus / "minutes.pdf").write_bytes(b"%PDF-1.4 not read")
    (corpus / "memo.docx").write_bytes(b"PK not read")
    folder = build_report(corpus, "documents", {}, reports_dir=tmp_path / "reports")
    manifest = json.loads((folder / "report.json").read_text())
    note = ("0 articles were ingested from the corpus: every file was skipped or is a duplicate; see ingest_report "
            "(notebook 01 and the report index list each file with its reason)")
    assert manifest["status"] == "complete"
    assert {(entry["status"], entry["note"]) for entry in manifest["notebooks"]} == {("stopped", note)}
    ingest = page_text(folder / "01-ingest.html")
    assert "unsupported format '.pdf'" in ingest and f"The notebook stops here: {note}" in ingest
    index = page_text(folder / "index.html")
    assert f"Nothing to show: {note}" in index and "Skipped files (2)" in index
    assert "unsupported format '.docx'; convert it to one of" in index


@pytest.mark.slow
def test_a_period_without_articles_is_named_in_each_notebook(tmp_path):
    corpus = write_export(tmp_path / "export")
    notebooks = [path for path in numbered_notebooks() if path.name[:2] in {"00", "03"}]
    folder = build_report(corpus, "later", {"text_field": "body", "date_field": "published_at",
                                            "start_date": "2030-01-01", "include_undated": False},
                          reports_dir=tmp_path / "reports", notebooks=notebooks)
    note = ("0 of the 4 articles are in the period 2030-01-01 to the latest article (they are dated 2023-05-01 to "
            "2024-06-02, 1 undated); check start_date/end_date or set include_undated to true")
    for path in notebooks:
        assert f"The notebook stops here: {note}" in page_text(folder / path.with_suffix(".html").name)
    assert f"Nothing to show: {note}" in page_text(folder / "index.html")


@pytest.mark.slow
def test_a_report_on_one_actor_over_the_real_seed_articles(seeds_dir, tmp_path):
    """The whole collection runs on a corpus it was not written for, and the brief is about the focus actor."""
    folder = build_report(seeds_dir, "seeds", {"focus_actor": "Xi Jinping"}, reports_dir=tmp_path)
    manifest = json.loads((folder / "report.json").read_text())
    assert manifest["status"] == "complete"
    assert [n["notebook"] for n in manifest["notebooks"]] == [p.name for p in numbered_notebooks()]
    brief = (folder / "05-report.html").read_text(encoding="utf-8")
    assert "Xi Jinping" in brief and "China" in brief
    partners = pd.read_parquet(folder / "tables" / "edges.parquet")
    xi = partners[(partners["source"] == "Xi Jinping") | (partners["target"] == "Xi Jinping")]
    assert {"Vladimir Putin", "China", "Russia"} <= set(xi["source"]) | set(xi["target"])


def test_printed_pieces_of_one_cell_are_stored_as_one_output():
    import nbformat


    cell = nbformat.v4.new_code_cell("print('a', 'b')")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="a"),
                    nbformat.v4.new_output("stream", name="stdout", text=" b\n"),
                    nbformat.v4.new_output("stream", name="stderr", text="warning\n")]
    notebook = nbformat.v4.new_notebook(cells=[cell])
    assert [(o.name, o.text) for o in joined_streams(notebook).cells[0].outputs] == [("stdout", "a b\n"),
                                                                                   ("stderr", "warning\n")]
