"""Parameterised reports: parameters, failures that name the cell, and a real run."""
from __future__ import annotations

import shutil

import pytest

from analysis import config
from analysis.report import ReportError, build_report, parse_parameters


def test_parameters_from_pairs_and_file(tmp_path):
    params = tmp_path / "params.yaml"
    params.write_text("start_date: 2024-01-01\ninclude_undated: false\n")
    parsed = parse_parameters(["end_date=2024-12-31", "near_duplicate_threshold=0.9"], params)
    assert parsed == {"start_date": "2024-01-01", "include_undated": False, "end_date": "2024-12-31",
                      "near_duplicate_threshold": 0.9}


@pytest.mark.parametrize("pair", ["no_equals_sign", "=value"])
def test_malformed_parameters_are_refused(pair):
    with pytest.raises(ReportError, match="key=value"):
        parse_parameters([pair])


def test_unknown_parameter_names_the_known_ones(tmp_path):
    with pytest.raises(ReportError, match="unknown parameter.*'colour'.*start_date"):
        build_report(config.SAMPLE_CORPUS, "x", {"colour": "red"}, reports_dir=tmp_path)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    for path in sorted(config.SAMPLE_CORPUS.iterdir()):
        if path.name[:3] in {"004", "012", "016", "022", "025"} or path.name == "empty.txt":
            shutil.copy(path, corpus / path.name)
    return corpus


@pytest.mark.slow
def test_report_executes_the_notebooks_into_the_report_folder(small_corpus, tmp_path):
    folder = build_report(small_corpus, "small", {"start_date": "2023-01-01"}, reports_dir=tmp_path)
    assert (folder / "01-ingest.ipynb").exists() and (folder / "01-ingest.html").exists()
    assert (folder / "tables" / "articles.parquet").exists()
    assert (folder / "figures" / "01_article_length.png").exists()
    html = (folder / "01-ingest.html").read_text(encoding="utf-8")
    assert "6 read: 4 ingested, 1 duplicate, 1 skipped" in html
    assert "<script>alert" not in html  # the page's own script never reaches the report


@pytest.mark.slow
def test_a_failing_notebook_names_itself_and_the_cell_and_keeps_its_output(small_corpus, tmp_path):
    with pytest.raises(ReportError, match=r"01-ingest.ipynb failed in cell \d+: ValueError: date 'someday'"):
        build_report(small_corpus, "broken", {"start_date": "someday"}, reports_dir=tmp_path)
    assert (tmp_path / "broken" / "01-ingest.ipynb").exists()
