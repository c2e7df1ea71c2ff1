"""Turn the bytes of an input file into text, detecting the encoding and refusing binary or empty files."""

from __future__ import annotations

import codecs
from pathlib import Path

from annotator.errors import InputFileError

_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05
_MAX_BAD_UTF8_SPOTS = 1000
_SINGLE_BYTE_LATIN = ("cp125", "iso8859", "latin", "mac_")
"""Guesses among these single-byte encodings are often wrong by one sibling; Windows-1252, the usual one for
English and Western European news, wins whenever it decodes the bytes."""


def decode_bytes(data: bytes, path: Path | str, warnings: list[str] | None = None) -> str:
    """The text of a file; InputFileError naming the file when it is empty, blank or binary.

    A file that is UTF-8 but for a few bad bytes is read as UTF-8 with those bytes replaced by U+FFFD, and a line
    naming the file and the first bad byte's offset is appended to `warnings`: guessing a legacy encoding for the
    whole file would garble every correct accented letter in it instead ("café" as "cafÃ©").
    """
    if not data:
        raise InputFileError(f"{path}: file is empty")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), path)
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputFileError(f"{path}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        mostly = _mostly_utf8(data)
        if mostly is None:
            text = _detect(data, path)
        else:
            text, bad_offsets = mostly
            more = len(bad_offsets) - 1
            where = f"byte {bad_offsets[0]}" + (f" and {more} more place{'s' if more > 1 else ''}" if more else "")
            if warnings is not None:
                warnings.append(f"{path}: not valid UTF-8 at {where}; read as UTF-8 with U+FFFD in place of the bad bytes")
    return _checked(text, path)


def _mostly_utf8(data: bytes) -> tuple[str, list[int]] | None:
    """The text decoded as UTF-8 with replacements and the offsets of the bad bytes, when valid multi-byte
    characters outnumber the bad spots (a UTF-8 file with a stray byte); None for a file in another encoding."""
    view = memoryview(data)
    parts: list[str] = []
    bad_offsets: list[int] = []
    position = 0
    while position < len(data):
        try:
            parts.append(codecs.utf_8_decode(view[position:], "strict", True)[0])
            break
        except UnicodeDecodeError as error:
            parts.append(codecs.utf_8_decode(view[position:position + error.start], "strict", True)[0])
            parts.append("\ufffd")
            bad_offsets.append(position + error.start)
            position += error.end
            if len(bad_offsets) > _MAX_BAD_UTF8_SPOTS:
                return None
    text = "".join(parts)
    multibyte = sum(1 for character in text if ord(character) > 0x7F) - len(bad_offsets)
    if multibyte < max(1, len(bad_offsets)):
        return None
    return text, bad_offsets


def _detect(data: bytes, path: Path | str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputFileError(f"{path}: binary file or unknown text encoding")
    if best.encoding.startswith(_SINGLE_BYTE_LATIN):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _checked(text: str, path: Path | str) -> str:
    if not text.strip():
        raise InputFileError(f"{path}: file is empty (only whitespace)")
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputFileError(f"{path}: binary file, not text")
    return text
