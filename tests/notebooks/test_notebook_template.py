"""Every numbered notebook follows the teaching template and can be parameterised by papermill.

Template (TeachOpenCADD-style): headings Aim, Contents, Background, Discussion, Exercises and Quiz, in that
order; exactly one cell tagged ``parameters`` holding plain literal assignments only (papermill replaces them,
so anything computed there would be silently overwritten); no ``sys.path`` manipulation (the package is
installed); no absolute paths in the committed outputs (they would leak a machine's layout and break on others).
"""
from __future__ import annotations

import ast
import re

import nbformat
import pytest

from analysis import config
from analysis.report.run import declared_parameters, numbered_notebooks
from analysis.tables.store import Period

SECTIONS = ("Aim", "Contents", "Background", "Discussion", "Exercises", "Quiz")
# An absolute path in an output: a POSIX home/system/temp folder, a Windows drive, or this checkout's own root.
ABSOLUTE_PATH = re.compile(r"(?<![\w.:/])(?:/(?:home|Users|root|tmp|var|work|opt|mnt|srv|private)/|[A-Z]:\\)")
TEXT_OUTPUTS = ("text/plain", "text/html", "text/markdown", "text/latex")

NOTEBOOKS = numbered_notebooks()


def headings(notebook) -> list[str]:
    return [line.lstrip("#").strip() for cell in notebook.cells if cell.cell_type == "markdown"
            for line in cell.source.splitlines() if re.match(r"#{1,6} ", line)]


def section_positions(titles: list[str]) -> list[int | None]:
    """Index of the first heading naming each section (a word match: "1. Background: what …" counts)."""
    return [next((i for i, title in enumerate(titles) if re.search(rf"\b{section}\b", title)), None)
            for section in SECTIONS]


def output_texts(notebook) -> list[str]:
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                texts.append(output.get("text", ""))
            elif output.get("output_type") == "error":
                texts.append("\n".join(output.get("traceback", [])))
            for mime in TEXT_OUTPUTS:
                value = output.get("data", {}).get(mime)
                if value:
                    texts.append(value if isinstance(value, str) else "".join(value))
    return texts


def literal_assignment_problems(source: str) -> list[str]:
    """What in a parameters cell is not a plain ``name = literal`` (empty list when all is well)."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        return [f"does not parse: {error}"]
    problems = []
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            problems.append(f"line {node.lineno}: not a single `name = value` assignment")
            continue
        try:
            ast.literal_eval(node.value)
        except ValueError:
            problems.append(f"line {node.lineno}: {node.targets[0].id} is not a plain literal")
    return problems


def test_there_are_numbered_notebooks():
    assert {"00-start-here.ipynb", "01-ingest.ipynb", "05-report.ipynb"} <= {path.name for path in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_template_sections_in_order(path):
    notebook = nbformat.read(path, as_version=4)
    titles = headings(notebook)
    assert titles and titles[0].startswith(path.name[:2] + " · "), f"{path.name} should open with '# NN · Title'"
    positions = section_positions(titles)
    absent = [section for section, position in zip(SECTIONS, positions) if position is None]
    assert absent == [], f"{path.name} lacks the heading(s) {absent}"
    assert positions == sorted(positions), f"{path.name}: sections out of order: {dict(zip(SECTIONS, positions))}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_one_parameters_cell_of_plain_literals(path):
    notebook = nbformat.read(path, as_version=4)
    tagged = [cell for cell in notebook.cells if "parameters" in cell.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: {len(tagged)} cells tagged 'parameters' (papermill needs exactly one)"
    assert tagged[0].cell_type == "code"
    assert literal_assignment_problems(tagged[0].source) == []
    names = {node.targets[0].id for node in ast.parse(tagged[0].source).body}
    assert {"corpus", "tables_dir", "figures_dir"} <= names, f"{path.name} must take corpus, tables_dir, figures_dir"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_no_sys_path_manipulation(path):
    notebook = nbformat.read(path, as_version=4)
    offending = [cell.source.splitlines()[0] for cell in notebook.cells
                 if cell.cell_type == "code" and re.search(r"\bsys\.path\b|PYTHONPATH", cell.source)]
    assert offending == [], f"{path.name} changes sys.path; the package is installed (pip install -e .)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_no_absolute_paths_in_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    root = str(config.PROJECT_ROOT)
    found = [match for text in output_texts(notebook) for match in
             ([root] if root in text else []) + ABSOLUTE_PATH.findall(text)]
    assert found == [], f"{path.name} shows absolute paths in its outputs: {sorted(set(found))}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_the_quiz_has_its_answers(path):
    notebook = nbformat.read(path, as_version=4)
    quiz = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    quiz = quiz[quiz.rindex("Quiz"):]
    questions = re.findall(r"^(\d+)\. ", quiz.split("<summary>Answers</summary>")[0], flags=re.M)
    assert "<summary>Answers</summary>" in quiz, f"{path.name}: the quiz has no answers"
    answers = re.findall(r"^(\d+)\. ", quiz.split("<summary>Answers</summary>")[1], flags=re.M)
    assert questions and answers[:len(questions)] == questions, f"{path.name}: questions {questions}, answers {answers}"


def test_a_parameter_means_the_same_in_every_notebook():
    """Notebooks that share a parameter share its default, and the period's defaults are those of
    analysis.tables.store.Period, so a report that sets nothing gives every notebook the same period and focus."""
    from dataclasses import fields

    defaults: dict[str, set] = {}
    for path in NOTEBOOKS:
        for name, default in declared_parameters(path).items():
            defaults.setdefault(name, set()).add(repr(default))
    assert {name: values for name, values in defaults.items() if len(values) > 1} == {}
    for field in fields(Period):
        assert defaults[field.name] == {repr(field.default)}, field.name
    assert defaults["focus_actor"] == {"'Xi Jinping'"}


# The checks themselves, on small inputs, so they are known to catch what they are for.

def test_a_parameters_cell_with_computation_is_caught():
    assert literal_assignment_problems('corpus = ""\nwindow = 2\nframes = ["a", "b"]  # note') == []
    assert literal_assignment_problems("from pathlib import Path\ncorpus = Path('x')\na = b = 1\nn = 1 + 1") == [
        "line 1: not a single `name = value` assignment", "line 2: corpus is not a plain literal",
        "line 3: not a single `name = value` assignment", "line 4: n is not a plain literal"]


def test_sections_are_found_by_word_and_order():
    titles = ["05 · Report", "Aim", "Contents", "1. Background: why", "Discussion", "Exercises", "Quiz"]
    assert section_positions(titles) == [1, 2, 3, 4, 5, 6]
    assert section_positions(["Aims and scope"])[0] is None


@pytest.mark.parametrize("text, caught", [
    ("tables written to /tmp/pytest-of-root/x", True), ("C:\\Users\\me", True),
    ("data/processed/sample and figures/01_x.png", False), ("https://duckdb.org/docs/", False),
])
def test_absolute_path_pattern(text, caught):
    assert bool(ABSOLUTE_PATH.search(text)) is caught
