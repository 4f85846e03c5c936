"""Readers and bad input: every file yields a document or a reason."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from analysis.ingest.readers import RawDocument, ReaderOptions, Skip, list_corpus, read_file

HTML = """<!doctype html><html><head><title>Harbin Fair Opens | Eastbridge Daily</title>
<meta property="og:title" content="Harbin Fair Opens">
<meta property="og:site_name" content="Eastbridge Daily">
<meta property="article:published_time" content="2024-05-17T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<script>alert('x')</script>
<article><h1>Harbin Fair Opens</h1>
<p>The eighth trade fair between the two neighbours opened in Harbin on Friday, organisers said, with more
than a thousand exhibitors from both countries showing machinery, food and cars.</p>
<p>Officials said that settlement in national currencies now covered most of the trade between them, and
that bank links had been extended to smaller regional lenders over the past year.</p>
<p>A sign at the entrance read &lt;b&gt;Welcome&lt;/b&gt; in three languages.</p></article>
<footer>Cookie settings. All rights reserved.</footer></body></html>"""


def read_all(folder: Path, name: str, **options) -> list[RawDocument | Skip]:
    return list(read_file(folder, name, ReaderOptions(**options)))


def write(folder: Path, name: str, content: str | bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return name


def test_text_file(tmp_path):
    [doc] = read_all(tmp_path, write(tmp_path, "a.txt", "Title\n\nBody."))
    assert isinstance(doc, RawDocument) and doc.format == "txt" and doc.text == "Title\n\nBody."


def test_html_main_text_and_metadata(tmp_path):
    [doc] = read_all(tmp_path, write(tmp_path, "page.html", HTML))
    assert doc.title == "Harbin Fair Opens"
    assert doc.outlet == "Eastbridge Daily"
    assert doc.published == "2024-05-17"
    assert doc.hint_source["published"] == "html_metadata"
    assert "eighth trade fair" in doc.text and "<b>Welcome</b>" in doc.text
    assert "alert(" not in doc.text and "Cookie" not in doc.text and "Home" not in doc.text


def test_jsonl_export_skips_only_the_malformed_line(tmp_path):
    lines = [json.dumps({"text": "First story body.", "title": "One", "date": "2024-01-02", "outlet": "Caspian Wire"}),
             '{"text": "broken',
             json.dumps({"text": "Second story body.", "url": "https://example.org/2"}),
             json.dumps(["not", "an", "object"])]
    items = read_all(tmp_path, write(tmp_path, "export.jsonl", "\n".join(lines)))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Skip", "RawDocument", "Skip"]
    assert items[0].title == "One" and items[0].published == "2024-01-02" and items[0].record == 1
    assert items[0].hint_source == {"title": "field:title", "published": "field:date", "outlet": "field:outlet"}
    assert "malformed JSON" in items[1].reason and items[1].record == 2
    assert items[2].url == "https://example.org/2"
    assert "expected a JSON object" in items[3].reason


def test_csv_with_configurable_columns(tmp_path):
    content = 'headline,body,day\n"Yuan Loans Grow","Banks lent more in yuan.\n\nA second paragraph.",2023-03-29\n'
    name = write(tmp_path, "export.csv", content)
    [doc] = read_all(tmp_path, name, text_field="body", title_field="headline", date_field="day")
    assert doc.title == "Yuan Loans Grow" and doc.published == "2023-03-29" and doc.record == 2
    assert doc.text == "Banks lent more in yuan.\n\nA second paragraph."


def test_csv_without_the_text_column_names_the_fix(tmp_path):
    items = read_all(tmp_path, write(tmp_path, "export.csv", "title,body\nA,B\nC,D\n"))
    assert all(isinstance(i, Skip) for i in items) and len(items) == 2
    assert "no 'text' field" in items[0].reason and "--text-field" in items[0].reason and "body" in items[0].reason


def test_json_list_export(tmp_path):
    items = read_all(tmp_path, write(tmp_path, "export.json", json.dumps([{"text": "A body."}, {"text": ""}])))
    assert isinstance(items[0], RawDocument) and isinstance(items[1], Skip)
    assert "empty" in items[1].reason


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"\n \n", "empty file"),
    ("corrupt.txt", bytes(range(256)) * 4, "binary"),
    ("scan.pdf", b"%PDF-1.4", "unsupported format '.pdf'"),
    ("noext", b"text", "unsupported format '(no extension)'"),
    (".DS_Store", b"junk", "hidden file"),
    ("empty.jsonl", b"", "empty file"),
    ("blank.jsonl", b"\n\n", "no records"),
])
def test_bad_files_are_skipped_with_a_reason(tmp_path, name, content, reason):
    [item] = read_all(tmp_path, write(tmp_path, name, content))
    assert isinstance(item, Skip) and reason in item.reason and item.source == name


def test_cp1252_file_is_decoded(tmp_path):
    text = "Caf\u00e9 owners in Caracas said the \u201cbol\u00edvar\u201d fell \u2013 again."
    [doc] = read_all(tmp_path, write(tmp_path, "old.txt", text.encode("cp1252")))
    assert doc.text == text and doc.encoding == "cp1252"


def test_a_50_mb_file_is_skipped_without_being_read(tmp_path):
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: costs no disk
    [item] = read_all(tmp_path, "dump.txt")
    assert isinstance(item, Skip) and "50.0 MB > 20 MB" in item.reason and "--max-file-mb" in item.reason


def test_unreadable_files_are_reported(tmp_path, monkeypatch):
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    [item] = read_all(tmp_path, "dangling.txt")
    assert isinstance(item, Skip) and item.reason.startswith("cannot read file")

    write(tmp_path, "locked.txt", "text")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    [item] = read_all(tmp_path, "locked.txt")
    assert item.reason == "cannot read file: Permission denied"


def test_corpus_listing_is_recursive_and_sorted(tmp_path):
    for name in ("b.txt", "a/z.html", "a/b/c.csv", ".hidden/x.txt"):
        write(tmp_path, name, "x")
    assert list_corpus(tmp_path) == [".hidden/x.txt", "a/b/c.csv", "a/z.html", "b.txt"]
