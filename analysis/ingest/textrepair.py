"""Bytes to clean Unicode: encoding detection, mojibake repair, normalisation.

Real scrapes arrive in UTF-8, Windows code pages or Latin-1, sometimes already
garbled (UTF-8 read as cp1252: ``ðŸ“ˆ`` for 📈), with names in decomposed form
(NFD ``Yván``), no-break and doubled spaces. We lean on two maintained libraries:
charset-normalizer guesses the encoding of non-UTF-8 bytes and ftfy undoes mojibake.
Curly quotes are kept as the outlet wrote them (ftfy would straighten them by default).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import ftfy
from charset_normalizer import from_bytes

from analysis.errors import UnreadableText

__all__ = ["DecodedText", "decode_bytes", "RepairedText", "repair_text"]


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


# Share of control characters / replacement marks above which decoded "text" is
# really binary data that a permissive codec happened to accept.
_MAX_JUNK_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))


def decode_bytes(data: bytes) -> DecodedText:
    """Decode ``data`` to text, trying UTF-8 first, then charset-normalizer's best guess.

    Raises :class:`UnreadableText` for empty input or bytes that look binary.
    """
    if not data.strip():
        raise UnreadableText("empty file (no text)")
    for encoding, bom in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), encoding)
    if b"\x00" in data:
        return _bomless_utf16(data)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_exclusion=_WIDE_ENCODINGS).best()
    if best is None:
        raise UnreadableText("undecodable bytes: not UTF-8 and no known encoding fits")
    if best.encoding in _LATIN_SINGLE_BYTE:
        try:
            return _checked(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            pass
    return _checked(str(best), best.encoding)


# Wide encodings without a byte-order mark would put NUL bytes between ASCII letters;
# bytes without NULs are never in them, yet charset-normalizer sometimes proposes them
# for short cp1252 snippets.
_WIDE_ENCODINGS = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]


# On short snippets charset-normalizer cannot tell apart the Latin code pages (cp1250
# turns "à" into "ŕ"). News outside UTF-8 is overwhelmingly Windows-1252, so when the
# guess is any Latin single-byte page and cp1252 decodes the bytes, cp1252 wins.
_LATIN_SINGLE_BYTE = {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4",
                      "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
                      "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish", "cp850", "cp858"}


def _bomless_utf16(data: bytes) -> DecodedText:
    """Accept NUL-laden bytes only when they read as UTF-16 text; otherwise they are binary."""
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            return _checked(data.decode(encoding), encoding)
        except (UnicodeDecodeError, UnreadableText):
            continue
    raise UnreadableText("binary content (NUL bytes); not a text file")


def _checked(text: str, encoding: str) -> DecodedText:
    junk = len(_CONTROL.findall(text))
    if text and junk / len(text) > _MAX_JUNK_SHARE:
        raise UnreadableText(
            f"undecodable bytes: {junk} control or replacement characters after decoding as {encoding}"
        )
    return DecodedText(text=text, encoding=encoding)


# ftfy settings: repair mojibake and NFC-normalise, but keep curly quotes and
# leave HTML entities to the HTML reader.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, unescape_html=False, normalization="NFC", explain=True)

# No-break, thin and other fixed-width spaces become an ordinary space; zero-width
# spaces and stray byte-order marks go. ZWJ/ZWNJ stay: emoji and scripts need them.
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\ufeff]")
_SPACE_RUN = re.compile(r"[ \t]{2,}")


@dataclass
class RepairedText:
    text: str
    repairs: list[str] = field(default_factory=list)


def repair_text(text: str) -> RepairedText:
    """Return ``text`` repaired, with the names of the repairs that changed it.

    Repairs: ``mojibake`` (ftfy), ``unicode_nfc``, ``odd_spaces``, ``invisible_chars``,
    ``space_runs`` and ``line_endings``. Line structure is kept: paragraphs matter later.

    >>> repair_text("CafÃ©  prices\\r\\n")
    RepairedText(text='Café prices\\n', repairs=['line_endings', 'mojibake', 'space_runs'])
    """
    repairs: list[str] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        repairs.append("line_endings")
    was_nfc = unicodedata.is_normalized("NFC", text)
    fixed, explanation = ftfy.fix_and_explain(text, _FTFY)
    if any(step != "normalize" for step, _ in explanation or []):
        repairs.append("mojibake")
    if not was_nfc:
        repairs.append("unicode_nfc")
    text = fixed
    for name, pattern, replacement in (
        ("odd_spaces", _ODD_SPACES, " "),
        ("invisible_chars", _INVISIBLE, ""),
        ("space_runs", _SPACE_RUN, " "),
    ):
        text, n = pattern.subn(replacement, text)
        if n:
            repairs.append(name)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return RepairedText(text=text, repairs=repairs)
