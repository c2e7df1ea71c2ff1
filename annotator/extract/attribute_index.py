"""A faster stand-in for the model's attribute ruler: the same rules, looked up by tag, word and dependency.

The small English models map tags to parts of speech, morphology and some lemmas with an `attribute_ruler` whose
Matcher tries every rule at every token; on news text that costs about an eighth of the whole pipeline. This
component applies the very same rules (taken from the model's ruler, with its precedence: later rules win) but only
tries, at each token, the rules whose tag, word or dependency fit it, so the annotations are identical and cheaper.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

_KEYED = ("TAG", "LOWER", "DEP")
"""Token properties rules are looked up by, in order of preference."""


@dataclass(frozen=True)
class _Rule:
    """One pattern of the ruler: its precedence, its token specs and which of them gets the attributes."""

    attr_id: int
    tokens: tuple[dict, ...]
    target: int


_SUPPORTED_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})
"""What the cache key holds: a rule on any other property (ORTH, LEMMA, ...) could tell apart tokens the cache
treats as one, so a ruler with such rules is left to run itself."""
_SUPPORTED_OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})


def _check_supported(pattern: list[dict], index: int) -> None:
    """Raise ValueError for a rule this index cannot evaluate exactly (the pipeline then keeps the model's ruler)."""
    if not -len(pattern) <= index < len(pattern):
        raise ValueError(f"attribute ruler index {index} is outside its pattern {pattern}")
    for spec in pattern:
        for key, wanted in spec.items():
            if key not in _SUPPORTED_KEYS:
                raise ValueError(f"attribute ruler pattern key {key!r} is not supported")
            values = list(wanted.values()) if isinstance(wanted, dict) else [wanted]
            if isinstance(wanted, dict) and not set(wanted) <= _SUPPORTED_OPERATORS:
                raise ValueError(f"attribute ruler operators {sorted(wanted)} are not supported")
            flat = [item for value in values for item in (value if isinstance(value, list) else [value])]
            if not all(isinstance(item, (str, bool)) for item in flat):
                raise ValueError(f"attribute ruler values {flat} are not all text")


def _value(token: Token, key: str):
    if key == "TAG":
        return token.tag_
    if key == "LOWER":
        return token.lower_
    if key == "DEP":
        return token.dep_
    if key == "IS_SPACE":
        return token.is_space
    raise ValueError(f"attribute ruler pattern key {key!r} is not supported")


def _fits(token: Token, spec: dict) -> bool:
    """True when a token meets one token spec of a Matcher pattern (the forms the model's rules use)."""
    for key, wanted in spec.items():
        value = _value(token, key)
        if isinstance(wanted, dict):
            for operator, argument in wanted.items():
                if operator == "IN" and value not in argument:
                    return False
                if operator == "NOT_IN" and value in argument:
                    return False
                if operator == "REGEX" and not re.search(argument, value):
                    return False
                if operator not in ("IN", "NOT_IN", "REGEX"):
                    raise ValueError(f"attribute ruler operator {operator!r} is not supported")
        elif value != wanted:
            return False
    return True


def _lookup_keys(spec: dict) -> tuple[str, Iterable[str]] | None:
    """The property and values a rule can be looked up by (an exact value or an IN list), if any."""
    for key in _KEYED:
        wanted = spec.get(key)
        if isinstance(wanted, str):
            return key, (wanted,)
        if isinstance(wanted, dict) and set(wanted) == {"IN"}:
            return key, wanted["IN"]
    return None


CACHE_LIMIT = 200_000
"""Distinct (tag, word, dependency, space) combinations remembered before the cache starts over."""


class AttributeIndex:
    """Applies an AttributeRuler's rules to a Doc, trying only the rules that can fit each token.

    The one-token rules depend only on a token's tag, lowercase form, dependency and whether it is space, so their
    outcome is cached per combination; the few rules of several tokens are tried where one of their tokens fits.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = list(ruler.attrs)
        self.single: dict[str, dict[str, list[_Rule]]] = {key: {} for key in _KEYED}
        self.single_anywhere: list[_Rule] = []
        self.anchored: list[dict[int, list[tuple[_Rule, int]]]] = [{} for _ in _KEYED]
        self.cache: dict[tuple, tuple[int, ...]] = {}
        strings = ruler.vocab.strings
        for attr_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                index = entry.get("index", 0)
                _check_supported(pattern, index)
                rule = _Rule(attr_id, tuple(pattern), index if index >= 0 else len(pattern) + index)
                if len(pattern) == 1:
                    self._add_single(rule)
                else:
                    self._add_anchored(rule, strings)

    def _add_single(self, rule: _Rule) -> None:
        found = _lookup_keys(rule.tokens[0])
        if found is None:
            self.single_anywhere.append(rule)
            return
        key, values = found
        for value in values:
            self.single[key].setdefault(value, []).append(rule)

    def _add_anchored(self, rule: _Rule, strings) -> None:
        for position, spec in enumerate(rule.tokens):
            found = _lookup_keys(spec)
            if found is not None:
                key, values = found
                for value in values:
                    self.anchored[_KEYED.index(key)].setdefault(strings.add(value), []).append((rule, position))
                return
        raise ValueError(f"attribute ruler pattern {list(rule.tokens)} has no token to look it up by")

    def __call__(self, doc: Doc) -> Doc:
        # every rule is matched against the Doc as the tagger and parser left it, then applied in precedence order
        if not len(doc):
            return doc
        if len(self.cache) > CACHE_LIMIT:
            self.cache.clear()
        matches: list[tuple[int, int]] = []
        by_tag, by_lower, by_dep = self.anchored
        for i, row in enumerate(doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()):
            key = (row[0], row[1], row[2], row[3])
            attr_ids = self.cache.get(key)
            if attr_ids is None:
                attr_ids = self.cache[key] = self._single_matches(doc[i])
            for attr_id in attr_ids:
                matches.append((attr_id, i))
            for anchors in (by_tag.get(row[0]), by_lower.get(row[1]), by_dep.get(row[2])):
                if anchors:
                    matches += self._anchored_matches(doc, i, anchors)
        for attr_id, token_index in sorted(set(matches)):
            set_token_attrs(doc[token_index], self.attrs[attr_id])
        return doc

    def _single_matches(self, token: Token) -> tuple[int, ...]:
        rules = list(self.single_anywhere)
        for key, value in (("TAG", token.tag_), ("LOWER", token.lower_), ("DEP", token.dep_)):
            rules += self.single[key].get(value, ())
        return tuple(sorted({rule.attr_id for rule in rules if _fits(token, rule.tokens[0])}))

    @staticmethod
    def _anchored_matches(doc: Doc, i: int, anchors: list[tuple[_Rule, int]]) -> list[tuple[int, int]]:
        found = []
        for rule, position in anchors:
            start = i - position
            if start < 0 or start + len(rule.tokens) > len(doc):
                continue
            if all(_fits(doc[start + k], spec) for k, spec in enumerate(rule.tokens)):
                found.append((rule.attr_id, start + rule.target))
        return found
