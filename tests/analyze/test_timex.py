"""Tests for the rule-based time tagger: spans, types and TIMEX3 values against an anchor."""

from __future__ import annotations

import itertools
import random
import time
from datetime import date, datetime

import pytest

from fogline.analyze.timex import find_times, normalize

THU = date(2025, 3, 13)  # main anchor: a Thursday in ISO week 2025-W11
MON = date(2025, 3, 10)
SAT = date(2025, 3, 15)
SUN = date(2025, 3, 16)
JAN2 = date(2025, 1, 2)  # a Thursday in 2025-W01, just after a year boundary
DEC20 = date(2024, 12, 20)

Expected = list[tuple[str, str, str | None]]

CASES: list[tuple[str, date | None, Expected]] = [
    # deictic days and parts of day
    ("The ministry said today that", THU, [("today", "DATE", "2025-03-13")]),
    ("He spoke this morning.", THU, [("this morning", "TIME", "2025-03-13TMO")]),
    ("She will speak tonight.", THU, [("tonight", "TIME", "2025-03-13TNI")]),
    ("Shelling resumed yesterday.", THU, [("yesterday", "DATE", "2025-03-12")]),
    ("Fire the day before yesterday", THU, [("the day before yesterday", "DATE", "2025-03-11")]),
    ("Talks resume tomorrow.", THU, [("tomorrow", "DATE", "2025-03-14")]),
    ("Sirens sounded last night.", THU, [("last night", "TIME", "2025-03-12TNI")]),
    ("He said yesterday afternoon", THU, [("yesterday afternoon", "TIME", "2025-03-12TAF")]),
    ("Shelling resumed yesterday.", MON, [("yesterday", "DATE", "2025-03-09")]),
    ("Crowds gathered yesterday.", JAN2, [("yesterday", "DATE", "2025-01-01")]),
    # weekdays
    ("The general said on Monday that", THU, [("Monday", "DATE", "2025-03-10")]),
    ("Monday's attack was repelled.", THU, [("Monday", "DATE", "2025-03-10")]),
    ("He said last Monday that", THU, [("last Monday", "DATE", "2025-03-10")]),
    ("He said on Thursday that", THU, [("Thursday", "DATE", "2025-03-13")]),
    ("He said last Thursday that", THU, [("last Thursday", "DATE", "2025-03-06")]),
    ("Voting ended on Friday.", THU, [("Friday", "DATE", "2025-03-07")]),
    ("Talks open next Monday.", THU, [("next Monday", "DATE", "2025-03-17")]),
    ("Talks open this coming Monday.", THU, [("this coming Monday", "DATE", "2025-03-17")]),
    ("Drones struck on Monday night.", THU, [("Monday night", "DATE", "2025-03-10TNI")]),
    ("The envoy arrived Monday.", MON, [("Monday", "DATE", "2025-03-10")]),
    ("The envoy left last Monday.", MON, [("last Monday", "DATE", "2025-03-03")]),
    ("The envoy arrived on Sunday.", SUN, [("Sunday", "DATE", "2025-03-16")]),
    ("The envoy arrived on Monday.", JAN2, [("Monday", "DATE", "2024-12-30")]),
    # weeks, months, years, quarters relative to the anchor
    ("Last week, the army said", THU, [("Last week", "DATE", "2025-W10")]),
    ("It happened earlier this week.", THU, [("earlier this week", "DATE", "2025-W11")]),
    ("Talks are set for this week.", THU, [("this week", "DATE", "2025-W11")]),
    ("Talks are set for next week.", THU, [("next week", "DATE", "2025-W12")]),
    ("Prices rose last month.", THU, [("last month", "DATE", "2025-02")]),
    ("Prices rose early this month.", THU, [("early this month", "DATE", "2025-03")]),
    ("Elections are due next month.", THU, [("next month", "DATE", "2025-04")]),
    ("Elections were held last year.", THU, [("last year", "DATE", "2024")]),
    ("It collapsed late last year.", THU, [("late last year", "DATE", "2024")]),
    ("Growth slowed last quarter.", THU, [("last quarter", "DATE", "2024-Q4")]),
    ("Growth slowed in the fourth quarter.", THU, [("the fourth quarter", "DATE", "2024-Q4")]),
    ("Sales in the first quarter", THU, [("the first quarter", "DATE", "2025-Q1")]),
    ("in the third quarter of 2024", THU, [("the third quarter of 2024", "DATE", "2024-Q3")]),
    ("Shipments fell in Q2 2024.", None, [("Q2 2024", "DATE", "2024-Q2")]),
    ("He resigned last week.", JAN2, [("last week", "DATE", "2024-W52")]),
    ("He resigns this week.", JAN2, [("this week", "DATE", "2025-W01")]),
    ("He resigned last month.", JAN2, [("last month", "DATE", "2024-12")]),
    ("He resigned last year.", JAN2, [("last year", "DATE", "2024")]),
    ("He resigned last quarter.", JAN2, [("last quarter", "DATE", "2024-Q4")]),
    # weekends: the latest weekend on or before the anchor
    ("Fighting eased over the weekend.", THU, [("the weekend", "DATE", "2025-W10-WE")]),
    ("Fighting eased at the weekend.", THU, [("the weekend", "DATE", "2025-W10-WE")]),
    ("Fighting eased last weekend.", THU, [("last weekend", "DATE", "2025-W10-WE")]),
    ("Fighting eased this weekend.", THU, [("this weekend", "DATE", "2025-W10-WE")]),
    ("Fighting eased over the weekend.", MON, [("the weekend", "DATE", "2025-W10-WE")]),
    ("Fighting eased over the weekend.", SAT, [("the weekend", "DATE", "2025-W11-WE")]),
    ("Fighting eased over the weekend.", SUN, [("the weekend", "DATE", "2025-W11-WE")]),
    ("Fighting eased over the weekend.", JAN2, [("the weekend", "DATE", "2024-W52-WE")]),
    ("Talks resume next weekend.", THU, [("next weekend", "DATE", "2025-W11-WE")]),
    # N units ago / earlier / later
    ("It fell two days ago.", THU, [("two days ago", "DATE", "2025-03-11")]),
    ("It fell 2 days ago.", THU, [("2 days ago", "DATE", "2025-03-11")]),
    ("An attempt two weeks ago failed.", THU, [("two weeks ago", "DATE", "2025-02-27")]),
    ("It fell a week ago.", THU, [("a week ago", "DATE", "2025-03-06")]),
    ("It fell three months ago.", THU, [("three months ago", "DATE", "2024-12")]),
    ("It fell a year ago.", THU, [("a year ago", "DATE", "2024")]),
    ("It fell five years ago.", THU, [("five years ago", "DATE", "2020")]),
    ("It fell a few days ago.", THU, [("a few days ago", "DATE", "PAST_REF")]),
    ("It fell 48 hours ago.", THU, [("48 hours ago", "DATE", "2025-03-11")]),
    ("a breakthrough two weeks earlier failed", THU, [("two weeks earlier", "DATE", "2025-02-27")]),
    ("Three days later, it fell.", THU, [("Three days later", "DATE", "2025-03-16")]),
    ("It fell two weeks ago.", JAN2, [("two weeks ago", "DATE", "2024-12-19")]),
    ("It fell three months ago.", JAN2, [("three months ago", "DATE", "2024-10")]),
    # absolute dates
    ("It began on March 3.", THU, [("March 3", "DATE", "2025-03-03")]),
    ("It began on 3 March.", THU, [("3 March", "DATE", "2025-03-03")]),
    ("It began on March 3, 2025, at dawn.", THU, [("March 3, 2025", "DATE", "2025-03-03")]),
    ("It began on 3 March 2025.", THU, [("3 March 2025", "DATE", "2025-03-03")]),
    ("It began on Mar. 3 near the border.", THU, [("Mar. 3", "DATE", "2025-03-03")]),
    ("It began on the 3rd of March.", THU, [("the 3rd of March", "DATE", "2025-03-03")]),
    ("On Monday, March 10, 2025, it", THU, [("Monday, March 10, 2025", "DATE", "2025-03-10")]),
    ("It began in March.", THU, [("March", "DATE", "2025-03")]),
    ("It will end in May.", THU, [("May", "DATE", "2025-05")]),
    ("It began in June.", THU, [("June", "DATE", "2024-06")]),
    ("It began in December.", JAN2, [("December", "DATE", "2024-12")]),
    ("It begins in January.", DEC20, [("January", "DATE", "2025-01")]),
    ("It began in March 2024.", THU, [("March 2024", "DATE", "2024-03")]),
    ("Signed 2024-03-03 in Geneva", THU, [("2024-03-03", "DATE", "2024-03-03")]),
    ("Signed 03/03/2025 in Geneva", THU, [("03/03/2025", "DATE", "2025-03-03")]),
    ("It began in mid-March.", THU, [("mid-March", "DATE", "2025-03")]),
    ("It began in early 2024.", THU, [("early 2024", "DATE", "2024")]),
    ("The war began in 2014.", THU, [("2014", "DATE", "2014")]),
    ("Occupied since 2014, the city", THU, [("2014", "DATE", "2014")]),
    ("The 2024 election was close.", THU, [("2024", "DATE", "2024")]),
    ("Born on Christmas Day 1950.", THU, [("Christmas Day 1950", "DATE", "1950-12-25")]),
    # durations
    ("Fighting lasted for three days.", THU, [("three days", "DURATION", "P3D")]),
    ("It took three weeks to reach", THU, [("three weeks", "DURATION", "P3W")]),
    ("Over the past two weeks, it", THU, [("the past two weeks", "DURATION", "P2W")]),
    ("In the last two weeks, it", THU, [("the last two weeks", "DURATION", "P2W")]),
    ("It held for 48 hours.", THU, [("48 hours", "DURATION", "PT48H")]),
    ("The siege lasted six months.", THU, [("six months", "DURATION", "P6M")]),
    ("after a three-day visit", THU, [("three-day", "DURATION", "P3D")]),
    ("In the past week, prices", THU, [("the past week", "DURATION", "P1W")]),
    ("over the past few days", THU, [("the past few days", "DURATION", "PXD")]),
    ("They have waited for years.", THU, [("years", "DURATION", "PXY")]),
    # decades, vague references, sets, seasons, clock times
    ("Built in the 1990s, the bridge", THU, [("the 1990s", "DATE", "199")]),
    ("Built in the '80s, the bridge", THU, [("the '80s", "DATE", "198")]),
    ("Troops are now in the city.", THU, [("now", "DATE", "PRESENT_REF")]),
    ("Troops currently hold it.", THU, [("currently", "DATE", "PRESENT_REF")]),
    ("Troops recently took it.", THU, [("recently", "DATE", "PAST_REF")]),
    ("As in the past, the army", THU, [("the past", "DATE", "PAST_REF")]),
    ("Talks may resume in the future.", THU, [("the future", "DATE", "FUTURE_REF")]),
    ("The group meets weekly.", THU, [("weekly", "SET", "P1W")]),
    ("The group meets every week.", THU, [("every week", "SET", "P1W")]),
    ("The group meets twice a year.", THU, [("twice a year", "SET", "P1Y")]),
    ("The group meets every Monday.", THU, [("every Monday", "SET", "XXXX-WXX-1")]),
    ("The offensive stalled last summer.", THU, [("last summer", "DATE", "2024-SU")]),
    ("An offensive is expected this summer.", THU, [("this summer", "DATE", "2025-SU")]),
    ("It stalled in the winter.", THU, [("the winter", "DATE", "2024-WI")]),
    ("The blast came at 3 p.m. local time", THU, [("3 p.m.", "TIME", "2025-03-13T15:00")]),
    ("at 3 p.m. on Tuesday the", THU, [("3 p.m. on Tuesday", "TIME", "2025-03-11T15:00")]),
    ("At 1400 GMT the convoy", THU, [("1400 GMT", "TIME", "2025-03-13T14:00")]),
    # without an anchor: relative values are None, absolute ones still normalize
    ("He resigned last week.", None, [("last week", "DATE", None)]),
    ("He spoke on Monday.", None, [("Monday", "DATE", None)]),
    ("It fell two weeks ago.", None, [("two weeks ago", "DATE", None)]),
    ("It began on March 3.", None, [("March 3", "DATE", None)]),
    ("It began in March.", None, [("March", "DATE", None)]),
    ("It began on March 3, 2025.", None, [("March 3, 2025", "DATE", "2025-03-03")]),
    ("Built in the 1990s.", None, [("the 1990s", "DATE", "199")]),
    ("It lasted three days.", None, [("three days", "DURATION", "P3D")]),
    ("The war began in 2014.", None, [("2014", "DATE", "2014")]),
]

NOT_TIMES = [
    "2,000 troops crossed the river.",
    "2000 troops crossed the river.",
    "The 3rd Brigade crossed the river.",
    "They drove along Route 66.",
    "They may advance further.",
    "May God protect them.",
    "Theresa May said nothing.",
    "The troops march on the city.",
    "March on, the soldiers sang.",
    "It was a second attempt.",
    "The road climbs 1200 metres.",
    "The fall of Kabul shocked them.",
    "The Arab Spring spread fast.",
    "Please reply as soon as possible.",
    "It cost 3.50 dollars.",
    "USA Today reported it.",
    "A 42-year-old man was held.",
    "He died soon after his arrival.",
    "About 1950 people fled.",
]


OCT26 = date(1989, 10, 26)  # a Thursday in Q4, when third-quarter earnings are reported

# Conventions of news text that TimeBank/AQUAINT annotate (see fogline bench time).
NEWS_CASES: list[tuple[str, date | None, Expected]] = [
    # the reporting quarter and the same quarter a year earlier
    (
        "Net rose in the third quarter. In the year-ago period it lost $5.",
        OCT26,
        [("the third quarter", "DATE", "1989-Q3"), ("the year-ago period", "DATE", "1988-Q3")],
    ),
    (
        "Profit fell 5% in the quarter, from $4 a year earlier.",
        OCT26,
        [("the quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3")],
    ),
    (
        "Sales in the latest quarter rose; year-earlier results included a gain.",
        OCT26,
        [("the latest quarter", "DATE", "1989-Q3"), ("year-earlier", "DATE", "1988-Q3")],
    ),
    ("Sales rose 5% from a year earlier.", OCT26, [("a year earlier", "DATE", "1988")]),
    (
        "In the 1988 third quarter, it lost $1.",
        OCT26,
        [("the 1988 third quarter", "DATE", "1988-Q3")],
    ),
    ("In last year's third quarter", OCT26, [("last year's third quarter", "DATE", "1988-Q3")]),
    (
        "Results for the fiscal first quarter",
        OCT26,
        [("the fiscal first quarter", "DATE", "1989-Q1")],
    ),
    (
        "Growth slowed in the fourth quarter.",
        date(1990, 2, 1),
        [("the fourth quarter", "DATE", "1989-Q4")],
    ),
    # "the year"
    ("Sales for the year rose.", OCT26, [("the year", "DATE", "1989")]),
    (
        "Net for the year ended June 30 rose.",
        OCT26,
        [("the year", "DURATION", "P1Y"), ("June 30", "DATE", "1989-06-30")],
    ),
    ("by the end of the year", OCT26, [("the end of the year", "DATE", "1989")]),
    ("It should close by year-end.", OCT26, [("year-end", "DATE", "1989")]),
    # the tense of the clause decides between the last and the next weekday, month or day
    ("The talks will resume Monday.", OCT26, [("Monday", "DATE", "1989-10-30")]),
    ("The talks resumed Monday.", OCT26, [("Monday", "DATE", "1989-10-23")]),
    ("It is scheduled to close Monday.", OCT26, [("Monday", "DATE", "1989-10-30")]),
    ("It had been set to expire Friday.", OCT26, [("Friday", "DATE", "1989-10-20")]),
    (
        "They will appeal the ruling, announced Wednesday.",
        OCT26,
        [("Wednesday", "DATE", "1989-10-25")],
    ),
    ("The plan will take effect in February.", OCT26, [("February", "DATE", "1990-02")]),
    ("He will succeed Mr. Davison Feb. 1.", OCT26, [("Feb. 1", "DATE", "1990-02-01")]),
    ("The offer will expire Nov. 6.", date(1989, 11, 2), [("Nov. 6", "DATE", "1989-11-06")]),
    # other expressions
    (
        "It was found on Thanksgiving Day.",
        date(1999, 12, 1),
        [("Thanksgiving Day", "DATE", "1999-11-25")],
    ),
    ("In nineteen ninety-six a bomb went off.", OCT26, [("nineteen ninety-six", "DATE", "1996")]),
    ("by the year two thousand", OCT26, [("the year two thousand", "DATE", "2000")]),
    ("the fabled 11th century temple", OCT26, [("11th century", "DATE", "10")]),
    ("It began in June last year.", OCT26, [("June last year", "DATE", "1988-06")]),
    ("the current market price", OCT26, [("current", "DATE", "PRESENT_REF")]),
    ("Prices fell in recent weeks.", OCT26, [("recent weeks", "DURATION", "PXW")]),
    ("about the future of the plan", OCT26, [("the future", "DATE", "FUTURE_REF")]),
    ("It raised its quarterly dividend.", OCT26, []),
    ("The reserve will be adjusted quarterly.", OCT26, [("quarterly", "SET", "P3M")]),
    ("It matters to today's youth.", OCT26, []),
    ("on Saturday, April 25: the court", OCT26, [("Saturday, April 25", "DATE", "1989-04-25")]),
    # a future clause naming the anchor's own weekday means that day
    ("The court will rule Thursday.", THU, [("Thursday", "DATE", "2025-03-13")]),
    ("It was not until Thursday that he spoke.", THU, [("Thursday", "DATE", "2025-03-13")]),
    ("The team planned to leave on Friday.", THU, [("Friday", "DATE", "2025-03-14")]),
    ("The grandparents could be located Wednesday.", THU, [("Wednesday", "DATE", "2025-03-12")]),
    # fractions of a unit, in the next smaller unit
    ("They lived in camps for 2 1/2 years.", OCT26, [("2 1/2 years", "DURATION", "P2Y6M")]),
    ("about 5 1/2 hours in Nairobi", OCT26, [("about 5 1/2 hours", "DURATION", "PT5H30M")]),
    ("But a minute and a half later", OCT26, [("a minute and a half", "DURATION", "PT1M30S")]),
    ("It lasted 1.5 days.", OCT26, [("1.5 days", "DURATION", "P1DT12H")]),
    # a week named by one of its days
    (
        "a hearing the week of March 6, he said",
        date(2000, 2, 24),
        [("the week of March 6", "DATE", "2000-W10")],
    ),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), CASES + NEWS_CASES)
def test_find_times(text: str, anchor: date | None, expected: Expected) -> None:
    refs = find_times(text, anchor)
    assert [(t.text, t.type, t.value) for t in refs] == expected
    for t in refs:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize("text", NOT_TIMES)
def test_no_false_positives(text: str) -> None:
    assert find_times(text, THU) == []


ARTICLE = (
    "KYIV, March 13 (Tarn Wire) - A Russian general told national TV on Monday that an "
    "attempted breakthrough two weeks earlier had failed. Over the past two weeks, 2,000 troops "
    "of the 3rd Brigade moved along Route 66. Last week the think tank said Ukraine still holds "
    "a sliver; the president echoed this in his nightly address on Tuesday evening. Officials "
    "have met weekly since 2014, most recently over the weekend, and will meet again next month."
)


def test_article_offsets_sorted_and_disjoint() -> None:
    refs = find_times(ARTICLE, THU)
    got = [(t.text, t.value) for t in refs]
    assert got == [
        ("March 13", "2025-03-13"),
        ("Monday", "2025-03-10"),
        ("two weeks earlier", "2025-02-27"),
        ("the past two weeks", "P2W"),
        ("Last week", "2025-W10"),
        ("nightly", "P1D"),
        ("Tuesday evening", "2025-03-11TEV"),
        ("weekly", "P1W"),
        ("2014", "2014"),
        ("recently", "PAST_REF"),
        ("the weekend", "2025-W10-WE"),
        ("next month", "2025-04"),
    ]
    for prev, cur in itertools.pairwise(refs):
        assert prev.end <= cur.start
    for t in refs:
        assert ARTICLE[t.start : t.end] == t.text and t.start < t.end


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected"),
    [
        ("on Monday", THU, ("DATE", "2025-03-10")),
        ("last week", THU, ("DATE", "2025-W10")),
        ("two weeks ago", THU, ("DATE", "2025-02-27")),
        ("in March", THU, ("DATE", "2025-03")),
        ("March", THU, ("DATE", "2025-03")),
        ("over the weekend", THU, ("DATE", "2025-W10-WE")),
        ("yesterday,", THU, ("DATE", "2025-03-12")),
        ("at 3 p.m. on Tuesday", THU, ("TIME", "2025-03-11T15:00")),
        ("for three days", THU, ("DURATION", "P3D")),
        ("last week", None, ("DATE", None)),
        ("during a hearing on Monday", THU, None),
        ("the general", THU, None),
        ("", THU, None),
        ("   ", THU, None),
    ],
)
def test_normalize(phrase: str, anchor: date | None, expected: object) -> None:
    assert normalize(phrase, anchor) == expected


def test_datetime_anchor_is_read_as_its_date() -> None:
    refs = find_times("It fell yesterday.", datetime(2025, 3, 13, 23, 59))
    assert [(t.text, t.value) for t in refs] == [("yesterday", "2025-03-12")]


def test_extreme_anchors_do_not_raise() -> None:
    text = "yesterday, tomorrow, next year, last week, 5000 years ago, next weekend, in March"
    for anchor in (date.min, date.max, date(1, 1, 3), date(9999, 12, 30)):
        for t in find_times(text, anchor):
            assert text[t.start : t.end] == t.text


FUZZ_WORDS = (
    "on last next this the a two 3 48 ago earlier later days weeks March May Monday 2024 1990s "
    "'90s Q1 p.m. 10:30 GMT , . - / : weekend summer fall quarter every twice noon o'clock "
    "2024-03-03 03/03/2025 29 February 31 Christmas year-ago year-earlier period latest the year "
    "end ended Thanksgiving nineteen ninety will 20th century"
)


def test_odd_input_never_raises() -> None:
    rng = random.Random(7)
    vocab = [*FUZZ_WORDS.split(), "\u00e9t\u00e9", "\U0001f600", "\x00", "\n\t", "\u00a0", "\u0130"]
    for _ in range(300):
        words = [rng.choice(vocab) for _ in range(rng.randint(0, 40))]
        text = rng.choice([" ", "", "-", "  "]).join(words)
        for anchor in (THU, None):
            for t in find_times(text, anchor):
                assert text[t.start : t.end] == t.text
            normalize(text, anchor)
    for _ in range(50):
        text = "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(0, 300)))
        find_times(text, THU)
        normalize(text, THU)


def test_very_long_and_repetitive_input() -> None:
    for text in ("1" * 200_000, " " * 200_000, "March 3, " * 20_000, "the past " * 20_000):
        start = time.process_time()
        find_times(text, THU)
        assert time.process_time() - start < 10


def test_speed_on_news_sized_documents() -> None:
    doc = (ARTICLE + " ") * 5  # about 3 KB
    start = time.process_time()  # CPU time: other processes on the machine do not count
    for _ in range(100):
        find_times(doc, THU)
    rate = 100 / (time.process_time() - start)
    assert rate > 50, f"{rate:.0f} documents/s"
