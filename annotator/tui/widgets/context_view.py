"""The claim's sentence highlighted inside the surrounding paragraphs of its article.

The view draws only the lines that fit, chosen so the claim's paragraph is in sight: a new claim is a repaint of one
region of fixed size, never a layout of the screen or a scroll in a second frame.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property

from rich.text import Text
from textual.strip import Strip

from annotator.models import Article, Claim
from annotator.tui.literal import highlighted, literal, paragraphs
from annotator.tui.widgets.prepared import CACHED_TEXTS, PreparedText, to_strips, wrap

HIGHLIGHT = "bold reverse underline"
"""Reverse video and underline mark the sentence even on a monochrome terminal."""
CONTEXT_PARAGRAPHS = 12
"""Paragraphs shown on each side of the claim's: enough to fill a 200x50 terminal around the claim."""


def article_heading(article: Article) -> Text:
    """Outlet, title and date of an article, literal."""
    heading = Text(end="")
    heading.append_text(literal(article.outlet or article.source, style="bold"))
    if article.title:
        heading.append(" — ")
        heading.append_text(literal(article.title, style="italic"))
    if article.published:
        heading.append("  ")
        heading.append_text(literal(article.published, style="dim"))
    return heading


def context_parts(claim: Claim, article: Article, *,
                  around: int = CONTEXT_PARAGRAPHS) -> tuple[tuple[Text, ...], Text, tuple[Text, ...]]:
    """The paragraphs before the claim's, the claim's own (sentence highlighted) and those after, all literal; an
    ellipsis stands for paragraphs left out.

    When the claim's offsets do not match the body, its sentence stands alone.
    """
    body = article.body
    if body[claim.start : claim.end] != claim.source_text:
        return (), literal(claim.source_text, style=HIGHLIGHT), ()
    bounds = paragraphs(body)
    first = next((i for i, (_, stop) in enumerate(bounds) if stop > claim.start), len(bounds) - 1)
    last = next((i for i, (_, stop) in enumerate(bounds) if stop >= claim.end), len(bounds) - 1)
    lo, hi = bounds[first][0], bounds[last][1]
    before = [literal(body[start:end]) for start, end in bounds[max(0, first - around) : first]]
    after = [literal(body[start:end]) for start, end in bounds[last + 1 : last + 1 + around]]
    if first - around > 0:
        before.insert(0, Text("…", style="dim", end=""))
    if last + 1 + around < len(bounds):
        after.append(Text("…", style="dim", end=""))
    claim_paragraph = highlighted(body[lo:hi], claim.start - lo, claim.end - lo, style=HIGHLIGHT)
    return tuple(before), claim_paragraph, tuple(after)


@dataclass(frozen=True)
class Passage:
    """What the context view shows: the article's heading, and the claim's paragraph between its neighbours."""

    heading: Text
    before: tuple[Text, ...]
    """Paragraphs, nearest last."""
    claim: Text
    after: tuple[Text, ...]

    @classmethod
    def of(cls, claim: Claim, article: Article) -> Passage:
        return cls(article_heading(article), *context_parts(claim, article))

    @cached_property
    def identity(self) -> tuple:
        parts = (self.heading, *self.before, self.claim, *self.after)
        return len(self.before), tuple((part.plain, tuple(part.spans)) for part in parts)


def first_line(total: int, paragraph: tuple[int, int], sentence: tuple[int, int], height: int) -> int:
    """The first of `total` lines to show in `height` rows: the claim's paragraph in the middle, the article around
    it filling the rest, or, in a paragraph taller than the view, the claim's sentence with as much of its paragraph
    before it as fits."""
    (start, end), (sentence_start, sentence_end) = paragraph, sentence
    if end - start <= height:
        top = max(0, start - (height - (end - start)) // 2)
    elif sentence_end - sentence_start <= height:
        top = max(start, sentence_end - height)
    else:
        top = sentence_start
    return min(top, max(0, total - 1))


def marked_lines(console, claim_paragraph: Text, width: int) -> tuple[int, int] | None:
    """The first and last (exclusive) wrapped lines of the paragraph holding the highlighted sentence."""
    lines = wrap(console, claim_paragraph, width)
    marked = [i for i, line in enumerate(lines) if any(span.style == HIGHLIGHT for span in line.spans)]
    return (marked[0], marked[-1] + 1) if marked else None


class ContextView(PreparedText, can_focus=False):
    """The article around the claim, scrolled (by choosing the lines drawn) so the claim's paragraph is in view.

    Set `passage`; `prepare(passage)` builds a passage's lines ahead of time.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._passage: Passage | None = None
        self._identity: tuple | None = None
        self._offset = 0
        """Lines scrolled from the keyboard away from where the claim puts the view; back to 0 for a new passage."""
        self._passages: OrderedDict[tuple, Passage] = OrderedDict()

    def passage_of(self, claim: Claim, article: Article) -> Passage:
        """The passage of a claim, built once while it is among the last few shown or prepared."""
        key = (claim.id, claim.start, claim.end, claim.source_text, article.id, len(article.body))
        passage = self._passages.get(key)
        if passage is None:
            passage = self._passages[key] = Passage.of(claim, article)
            while len(self._passages) > CACHED_TEXTS:
                self._passages.popitem(last=False)
        return passage

    @property
    def passage(self) -> Passage | None:
        return self._passage

    @passage.setter
    def passage(self, passage: Passage | None) -> None:
        identity = passage.identity if passage is not None else None
        if identity != self._identity:
            self._passage, self._identity, self._offset = passage, identity, 0
            self.redraw()

    def scroll_lines(self, lines: int) -> None:
        """Scroll the article by `lines` (negative: up) from the keyboard; a new claim brings the view back."""
        self._offset += lines
        self.redraw()

    def shown_identity(self) -> tuple | None:
        return (self._identity, self._offset)

    def lines_for(self, width: int, height: int):
        return self._builder(self._passage, width, height, self._offset)

    def _builder(self, passage: Passage | None, width: int, height: int, offset: int = 0):
        if passage is None:
            return None
        return lambda: self._visible(passage, width, height, offset)

    def _visible(self, passage: Passage, width: int, height: int, offset: int = 0) -> list[Strip]:
        """The strips of the lines in view, as `first_line` chooses them; only the paragraphs near the claim that
        can reach the view are wrapped (all of them once the reader scrolls)."""
        blank = Strip.blank(width, self.visual_style.rich_style)
        gap = to_strips(self, Text("\n", end=""), width)[0]  # between two paragraphs, as their joined text wraps
        claim = to_strips(self, passage.claim, width) if passage.claim.plain else []
        marked = marked_lines(self.app.console, passage.claim, width) if claim else None
        marked = marked or (0, len(claim))
        wanted_before = max(0, (height - len(claim)) // 2) if not offset else None
        before: list[Strip] = []
        for index, paragraph in enumerate(reversed(passage.before)):
            if wanted_before is not None and len(before) >= wanted_before:
                break
            before[:0] = [*to_strips(self, paragraph, width), gap if index else blank]
        else:
            before[:0] = [*to_strips(self, passage.heading, width), blank]
        strips = before + claim
        after_claim = 0
        for index, paragraph in enumerate(passage.after):
            if not offset and after_claim >= height:
                break
            part = [gap if index else blank, *to_strips(self, paragraph, width)]
            strips.extend(part)
            after_claim += len(part)
        paragraph_lines = (len(before), len(before) + len(claim))
        sentence = (len(before) + min(marked[0], max(0, len(claim) - 1)), len(before) + min(marked[1], len(claim)))
        top = min(max(0, first_line(len(strips), paragraph_lines, sentence, height) + offset), max(0, len(strips) - 1))
        return strips[top : top + height]

    def prepare(self, passage: Passage) -> None:
        """Build the lines of a passage likely to be shown next, so showing it costs no wrapping."""
        width, height = self.content_size
        build = self._builder(passage, width, height)
        if build is not None and width > 0 and height > 0:
            strips = self.strips((passage.identity, 0), build, width, height)
            self.style_ahead(strips)
            self.compare_ahead(strips)
