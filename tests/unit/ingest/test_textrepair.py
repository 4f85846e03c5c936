"""Decoding and repair rules, on synthetic snippets."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.ingest.textrepair import UnreadableText, decode_bytes, repair_text

SNIPPET = "The ruble\u2019s slide \u2013 and the caf\u00e9\u2019s \u201cnew\u201d menu \u2013 worried traders."


def test_utf8_is_read_as_utf8():
    assert decode_bytes(SNIPPET.encode("utf-8")).encoding == "utf-8"


def test_cp1252_bytes_are_decoded_to_the_same_text():
    decoded = decode_bytes(SNIPPET.encode("cp1252"))
    assert decoded.text == SNIPPET
    assert decoded.encoding != "utf-8"


def test_latin1_bytes_are_decoded():
    text = "Le r\u00e9sum\u00e9 de la r\u00e9union \u00e0 Bras\u00edlia a \u00e9t\u00e9 publi\u00e9 hier soir."
    assert decode_bytes(text.encode("latin-1")).text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_byte_order_marks_are_honoured(encoding):
    assert decode_bytes(SNIPPET.encode(encoding)).text.lstrip("\ufeff") == SNIPPET


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (bytes(range(256)) * 8, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500), "binary"),
])
def test_empty_and_binary_input_is_refused_with_a_reason(data, reason):
    with pytest.raises(UnreadableText, match=reason):
        decode_bytes(data)


def test_mojibake_is_repaired_and_reported():
    garbled = "Exports rose \u00f0\u0178\u201c\u02c6 and the \u00e2\u20ac\u0153yuan\u00e2\u20ac\u009d gained"
    repaired = repair_text(garbled)
    assert repaired.text == "Exports rose \U0001f4c8 and the \u201cyuan\u201d gained"
    assert "mojibake" in repaired.repairs


def test_nfd_names_become_nfc():
    repaired = repair_text("Foreign Minister Yva\u0301n Gil")
    assert repaired.text == "Foreign Minister Yv\u00e1n Gil"
    assert "unicode_nfc" in repaired.repairs


def test_odd_and_doubled_spaces_collapse_but_curly_quotes_stay():
    repaired = repair_text("Russia and\u00a0China  signed \u201cten\u201d   deals\u202fin Beijing")
    assert repaired.text == "Russia and China signed \u201cten\u201d deals in Beijing"
    assert {"odd_spaces", "space_runs"} <= set(repaired.repairs)


def test_line_structure_and_windows_line_endings():
    assert repair_text("Title\r\n\r\nFirst paragraph.\r\nSecond.").text == "Title\n\nFirst paragraph.\nSecond."


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_repair_output_is_nfc_without_space_runs_and_stable(text):
    once = repair_text(text).text
    assert unicodedata.is_normalized("NFC", once)
    assert "  " not in once and "\u00a0" not in once
    assert repair_text(once).text == once
