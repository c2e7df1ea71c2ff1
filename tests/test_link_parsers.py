"""Slot parsers: hedged durations, counts and dates become ranges a reviewer would agree with."""

from __future__ import annotations

import math
from datetime import date

import pytest

from annotator.link import parse_count, parse_date, parse_duration
from annotator.link.counts import find_counts
from annotator.link.durations import format_minutes
from annotator.link.tokens import format_number

INF = math.inf

# phrase -> (low, high) in minutes; open ends are checked separately below
DURATIONS = {
    "they met for an hour and a half": (90, 90),
    "their hour and a half bilateral meeting": (90, 90),
    "one and a half hours of talks": (90, 90),
    "1.5 hours": (90, 90),
    "the 90-minute meeting": (90, 90),
    "90 minutes": (90, 90),
    "1 hour 30 minutes": (90, 90),
    "two hours and 15 minutes": (135, 135),
    "half an hour": (30, 30),
    "a half-hour call": (30, 30),
    "an hour": (60, 60),
    "two-hour talks": (120, 120),
    "Twenty minutes": (20, 20),
    "nearly two hours": (96, 120),
    "almost an hour": (48, 60),
    "about 90 minutes": (81, 99),
    "roughly three hours": (162, 198),
    "some 40 minutes": (36, 44),
    "more than two hours": (120, INF),
    "over an hour": (60, INF),
    "just over an hour": (60, 72),
    "at least 45 mins": (45, INF),
    "less than an hour": (0, 60),
    "under 30 minutes": (0, 30),
    "up to three days": (0, 4320),
    "between 40 and 50 minutes": (40, 50),
    "two or three hours": (120, 180),
    "a couple of hours": (120, 180),
    "several hours": (180, 540),
    "a few hours": (120, 300),
}


@pytest.mark.parametrize("phrase, expected", DURATIONS.items())
def test_duration_phrases_become_minute_ranges(phrase, expected):
    found = parse_duration(phrase)
    assert found is not None, phrase
    assert (found.low, found.high) == pytest.approx(expected)


@pytest.mark.parametrize("phrase", ["last week", "for hours", "the hour is late", "in the coming days", ""])
def test_phrases_without_a_measured_duration_give_none(phrase):
    assert parse_duration(phrase) is None


def test_hedges_set_open_ends():
    assert parse_duration("nearly two hours").contains(119.9)
    assert not parse_duration("nearly two hours").contains(120)
    assert not parse_duration("more than two hours").contains(120)
    assert parse_duration("at least two hours").contains(120)
    assert not parse_duration("less than an hour").contains(60)
    assert parse_duration("up to an hour").contains(60)


@pytest.mark.parametrize(
    "left, right, agree",
    [
        ("an hour and a half", "nearly two hours", False),
        ("an hour and a half", "the 90-minute meeting", True),
        ("an hour and a half", "about 90 minutes", True),
        ("about 90 minutes", "nearly two hours", False),
        ("nearly two hours", "about two hours", True),
        ("more than two hours", "three hours", True),
        ("more than two hours", "an hour and a half", False),
        ("several hours", "an hour", False),
        ("a couple of hours", "two hours", True),
    ],
)
def test_durations_conflict_only_when_both_cannot_be_true(left, right, agree):
    a, b = parse_duration(left), parse_duration(right)
    assert a.compatible(b) is agree
    assert b.compatible(a) is agree


COUNTS = {
    "100,000": (100_000, 100_000),
    "some 100,000": (90_000, 110_000),
    "about 100,000": (90_000, 110_000),
    "around 5,000": (4_500, 5_500),
    "an estimated 2,500": (2_250, 2_750),
    "roughly 3 million": (2_700_000, 3_300_000),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "thousands": (2_000, 9_999),
    "hundreds": (200, 999),
    "dozens": (24, 99),
    "several thousand": (3_000, 9_000),
    "a few hundred": (200, 500),
    "a dozen": (12, 12),
    "more than 100,000": (100_000, INF),
    "over 500": (500, INF),
    "at least 5,000": (5_000, INF),
    "no fewer than 20": (20, INF),
    "up to 3 million": (0, 3_000_000),
    "as many as 40,000": (0, 40_000),
    "fewer than 500": (0, 500),
    "nearly 3,000": (2_400, 3_000),
    "almost 10,000": (8_000, 10_000),
    "twenty-five": (25, 25),
    "one hundred and twenty": (120, 120),
    "three million": (3_000_000, 3_000_000),
    "1.2 billion": (1_200_000_000, 1_200_000_000),
    "between 20 and 30": (20, 30),
    "20-30": (20, 30),
}


@pytest.mark.parametrize("phrase, expected", COUNTS.items())
def test_count_phrases_become_ranges(phrase, expected):
    found = parse_count(phrase)
    assert found is not None, phrase
    assert (found.low, found.high) == pytest.approx(expected)


@pytest.mark.parametrize(
    "left, right, agree",
    [
        ("some 100,000", "tens of thousands", False),
        ("100,000", "tens of thousands", False),
        ("more than 100,000", "tens of thousands", False),
        ("about 100,000", "more than 100,000", True),
        ("about 100,000", "95,000", True),
        ("some 40,000", "thousands", False),
        ("about 12,000", "more than 11,000", True),
        ("nearly 12,500", "about 12,000", True),
        ("tens of thousands", "50,000", True),
        ("up to 40,000", "45,000", False),
        ("at least 5,000", "several thousand", True),
    ],
)
def test_counts_conflict_only_when_both_cannot_be_true(left, right, agree):
    a, b = parse_count(left), parse_count(right)
    assert a.compatible(b) is agree
    assert b.compatible(a) is agree


def test_counts_name_the_counted_thing_and_skip_years_times_and_percentages():
    text = (
        "Russia now has some 100,000 troops massed on three sides of Ukraine, including Crimea, "
        "annexed in 2014; at 9:21 AM, 5% of the 2,000 Russian soldiers had left."
    )
    found = {(c.noun, c.value.describe(format_number)) for c in find_counts(text)}
    assert found == {("troops", "about 100,000"), ("sides", "3"), ("soldiers", "2,000")}


def test_range_descriptions_read_as_a_reviewer_expects():
    assert parse_duration("an hour and a half").describe(format_minutes) == "90 min"
    assert parse_duration("nearly two hours").describe(format_minutes) == "nearly 120 min"
    assert parse_count("tens of thousands").describe(format_number) == "20,000-99,999"
    assert parse_count("some 100,000").describe(format_number) == "about 100,000"
    assert parse_count("more than 38,000").describe(format_number) == "more than 38,000"


FRIDAY = "2022-01-21"
DATES = {
    "met on Friday in Geneva": ("2022-01-21", "2022-01-21"),
    "Friday's meeting": ("2022-01-21", "2022-01-21"),
    "on Wednesday": ("2022-01-19", "2022-01-19"),
    "last Friday": ("2022-01-14", "2022-01-14"),
    "next Friday": ("2022-01-28", "2022-01-28"),
    "on Saturday": ("2022-01-15", "2022-01-15"),
    "yesterday": ("2022-01-20", "2022-01-20"),
    "today": ("2022-01-21", "2022-01-21"),
    "tomorrow": ("2022-01-22", "2022-01-22"),
    "last night": ("2022-01-20", "2022-01-20"),
    "in Geneva, Jan. 1, 2022": ("2022-01-01", "2022-01-01"),
    "on Jan. 21, 2022.": ("2022-01-21", "2022-01-21"),
    "January 21, 2022": ("2022-01-21", "2022-01-21"),
    "Jan 21": ("2022-01-21", "2022-01-21"),
    "21 January 2022": ("2022-01-21", "2022-01-21"),
    "the 3rd of March": ("2022-03-03", "2022-03-03"),
    "March 3rd, 2021": ("2021-03-03", "2021-03-03"),
    "Sept. 5": ("2022-09-05", "2022-09-05"),
    "2022-01-21": ("2022-01-21", "2022-01-21"),
    "next week": ("2022-01-24", "2022-01-30"),
    "last week": ("2022-01-10", "2022-01-16"),
    "this week": ("2022-01-17", "2022-01-23"),
    "last month": ("2021-12-01", "2021-12-31"),
    "December 2021": ("2021-12-01", "2021-12-31"),
    "last year": ("2021-01-01", "2021-12-31"),
}


@pytest.mark.parametrize("phrase, expected", DATES.items())
def test_dates_resolve_against_the_dateline(phrase, expected):
    found = parse_date(phrase, FRIDAY)
    assert found is not None, phrase
    assert (found.first.isoformat(), found.last.isoformat()) == expected


@pytest.mark.parametrize("phrase", ["they may meet again", "a friday mood", "in March of talks", "Friday"])
def test_relative_or_ambiguous_words_without_a_dateline_are_not_dates(phrase):
    assert parse_date(phrase, None) is None


def test_dateline_accepts_datetimes_and_friday_is_the_same_day_as_its_date():
    friday = parse_date("on Friday", "2022-01-21T13:55:00Z")
    assert friday.compatible(parse_date("January 21, 2022"))
    assert not friday.compatible(parse_date("Jan. 1, 2022"))
    assert parse_date("on Friday", date(2022, 1, 22)).first == date(2022, 1, 21)


def test_counts_keep_the_word_that_narrows_the_counted_thing():
    found = {(c.noun, c.modifier) for c in find_counts("About 1,200 cargo ships and some 40 patrol boats, 5,000 Velorian troops.")}
    assert found == {("ships", "cargo"), ("boats", "patrol"), ("troops", "")}


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("ships have waited since the blockade began on February 2.", "start:blockade"),
        ("The closure, which started on February 12, hit grain prices.", "start:blockade"),
        ("The talks began on Monday.", "start:talk"),
        ("Marrow and Osk met on Friday.", "talk"),
    ],
)
def test_dates_are_tied_to_what_began_or_happened_on_them(text, subject):
    from annotator.link.slots import extract_slots

    assert [s.subject for s in extract_slots(text, "2024-03-04") if s.kind == "date"] == [subject]


def test_spoke_for_a_length_of_time_is_a_talk_but_a_bare_date_after_spoke_is_not():
    from annotator.link.slots import extract_slots

    slots = extract_slots("Brel and Osk spoke for nearly four hours. Osk spoke to reporters on Friday.", "2024-03-04")
    assert [(s.kind, s.subject) for s in slots] == [("duration", "talk"), ("date", "")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The U.S. and the Kremlin met.", [("U.S.", "united_states"), ("the Kremlin", "russia")]),
        ("US officials told us. Russia's army.", [("US", "united_states"), ("Russia", "russia")]),
        ("Velor and Velorian farmers; the White House.", [("Velor", "veloria"), ("the White House", "united_states")]),
        ("USAID and Moscowians are not aliases.", []),
    ],
)
def test_alias_mentions_are_found_as_whole_words_longest_first(text, found):
    from annotator.link.aliases import AliasTable

    table = AliasTable({"Velor": "veloria"})
    assert [(text[s:e], key) for s, e, key in table.find(text)] == found
