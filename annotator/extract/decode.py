"""Turn the bytes of an input file into text, detecting the encoding and refusing binary or empty files."""

from __future__ import annotations

import codecs
from pathlib import Path

from annotator.errors import InputFileError

_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05
_SINGLE_BYTE_LATIN = ("cp125", "iso8859", "latin", "mac_")
"""Guesses among these single-byte encodings are often wrong by one sibling; Windows-1252, the usual one for
English and Western European news, wins whenever it decodes the bytes."""


def decode_bytes(data: bytes, path: Path | str) -> str:
    """The text of a file; InputFileError naming the file when it is empty, blank or binary."""
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
        text = _detect(data, path)
    return _checked(text, path)


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
