"""Article parsing: split plain text into title, subtitle, date, URL and a cleaned body of paragraphs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from annotator.extract import boilerplate as bp
from annotator.extract.dates import looks_like_date_line, parse_published

PARAGRAPH_SEPARATOR = "\n\n"
_URL_LINE = re.compile(r"^(?:url\s*:\s*)?(https?://\S+)$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_QUOTES = str.maketrans({"“": None, "”": None, "„": None, '"': None, "‘": None, "’": None, "'": None, "–": "-", "—": "-"})
_HEADER_WINDOW = 4
_MAX_TITLE_CHARS = 160
_WRAP_MIN_CHARS = 50


@dataclass
class ParsedArticle:
    """The parts of a plain-text article; `body` is what claim offsets refer to."""

    title: Optional[str] = None
    subtitle: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    paragraphs: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


def normalise_text(raw: str) -> str:
    """Unix newlines, no control or zero-width characters, plain spaces; kept otherwise as written."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text.replace("\t", " "))
    return _SPACES.sub(" ", text)


def comparable(text: str) -> str:
    """A form of a paragraph for spotting duplicates: quotes and dashes unified, case and spacing ignored."""
    return " ".join(text.translate(_QUOTES).lower().split())


def parse_article(raw: str, *, with_header: bool = True) -> ParsedArticle:
    """Parse an article; with `with_header=False` the whole text is body (records that carry their own title)."""
    blocks = _blocks(normalise_text(raw))
    lines = [line for block in blocks for line in block]
    parsed = ParsedArticle()
    consumed = 0
    if with_header and lines:
        consumed = _read_header(lines, parsed)
    uses_blank_lines = len(blocks) > 1
    paragraphs = _paragraphs(blocks, consumed, join_wrapped=uses_blank_lines)
    parsed.paragraphs = clean_paragraphs(paragraphs)
    return parsed


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drop boilerplate, headings, credits and duplicate captions; strip datelines."""
    kept: list[str] = []
    seen: set[str] = set()
    after_caption = False
    in_tag_section = False
    for paragraph in paragraphs:
        text = paragraph.strip()
        if not text:
            continue
        if in_tag_section and bp.is_tag_line(text):
            continue
        in_tag_section = False
        if bp.starts_tag_section(text):
            in_tag_section = True
            continue
        caption = bp.caption_text(text)
        if caption is not None:
            text = caption
        elif after_caption and bp.is_credit_line(text):
            continue
        if bp.is_boilerplate(text) or bp.is_credit_line(text) or bp.is_heading(text):
            after_caption = False
            continue
        key = comparable(text)
        if key in seen:
            continue
        after_caption = caption is not None or after_caption and key in seen
        text = bp.strip_dateline(text).strip()
        if not text:
            continue
        seen.add(key)
        kept.append(text)
        after_caption = caption is not None
    return kept


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines separated by blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _read_header(lines: list[str], parsed: ParsedArticle) -> int:
    """Fill title, subtitle, date and URL from the first lines; return how many lines they used.

    A first line too long for a headline that ends like a sentence is body: the text has no title.
    """
    if len(lines[0]) > _MAX_TITLE_CHARS and bp.ends_like_sentence(lines[0]):
        return 0
    parsed.title = lines[0]
    index = 1
    body_keys = {comparable(line) for line in lines[_HEADER_WINDOW:]}
    while index < min(len(lines), 1 + _HEADER_WINDOW):
        line = lines[index]
        url = _URL_LINE.match(line)
        if url and parsed.url is None:
            parsed.url = url.group(1)
        elif parsed.published is None and looks_like_date_line(line):
            parsed.published = parse_published(line)
        elif bp.is_byline(line):
            pass
        elif index == 1 and parsed.subtitle is None and _is_subtitle(lines, index, body_keys):
            parsed.subtitle = line
        else:
            break
        index += 1
    return index


def _is_subtitle(lines: list[str], index: int, body_keys: set[str]) -> bool:
    """The line after the title is a subtitle when a date or URL line follows it, or the body repeats it."""
    for following in lines[index + 1 : index + 3]:
        if _URL_LINE.match(following) or looks_like_date_line(following):
            return True
    return comparable(lines[index]) in body_keys


def _paragraphs(blocks: list[list[str]], skip_lines: int, *, join_wrapped: bool) -> list[str]:
    """Body paragraphs: one per line, or, when blank lines separate paragraphs, wrapped lines rejoined."""
    paragraphs: list[str] = []
    seen_lines = 0
    for block in blocks:
        previous_in_block: Optional[str] = None
        for line in block:
            seen_lines += 1
            if seen_lines <= skip_lines:
                continue
            if join_wrapped and previous_in_block is not None and _continues(previous_in_block, line):
                paragraphs[-1] = f"{paragraphs[-1]} {line}"
            else:
                paragraphs.append(line)
            previous_in_block = line
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    """True when `line` is the hard-wrapped continuation of `previous`."""
    if bp.ends_like_sentence(previous):
        return False
    return line[:1].islower() or len(previous) >= _WRAP_MIN_CHARS
