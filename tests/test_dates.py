"""Tests for cleaners.dates: dates as pages and feeds write them, to ISO 8601 UTC."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from cleaners import clean_page
from cleaners.dates import parse_date, struct_time_to_iso, to_iso_utc


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("2024-03-05T10:20:30Z", "2024-03-05T10:20:30Z", id="iso-z"),
        pytest.param("2024-03-05T12:20:30+02:00", "2024-03-05T10:20:30Z", id="iso-positive-offset"),
        pytest.param("2024-03-05T05:20:30-05:00", "2024-03-05T10:20:30Z", id="iso-negative-offset"),
        pytest.param("2024-03-05T10:20:30.123456Z", "2024-03-05T10:20:30Z", id="iso-fraction-dropped"),
        pytest.param("2024-03-05T10:20:30", "2024-03-05T10:20:30Z", id="iso-naive-taken-as-utc"),
        pytest.param("2024-03-05", "2024-03-05T00:00:00Z", id="iso-date-only"),
        pytest.param("2024-03-05T23:30:00-01:00", "2024-03-06T00:30:00Z", id="offset-crosses-midnight"),
        pytest.param("Tue, 05 Mar 2024 10:20:30 GMT", "2024-03-05T10:20:30Z", id="rfc822-gmt"),
        pytest.param("Tue, 05 Mar 2024 10:20:30 +0100", "2024-03-05T09:20:30Z", id="rfc822-numeric-offset"),
        pytest.param("05 Mar 2024 10:20:30 +0000", "2024-03-05T10:20:30Z", id="rfc822-no-weekday"),
        pytest.param("Tue, 05 Mar 2024 10:20:30 EST", "2024-03-05T15:20:30Z", id="rfc822-named-zone"),
        pytest.param("Tue, 5 Mar 24 10:20:30 GMT", "2024-03-05T10:20:30Z", id="rfc822-two-digit-year"),
        pytest.param("March 5, 2024", "2024-03-05T00:00:00Z", id="free-form-month-name"),
        pytest.param("5 March 2024 10:20", "2024-03-05T10:20:00Z", id="free-form-day-first"),
        pytest.param("2024/03/05 10:20:30", "2024-03-05T10:20:30Z", id="slashes"),
        pytest.param("  2024-03-05T10:20:30Z \n", "2024-03-05T10:20:30Z", id="surrounding-whitespace"),
        pytest.param("1990-01-01T00:00:00Z", "1990-01-01T00:00:00Z", id="earliest-accepted"),
    ],
)
def test_parse_date_accepts(raw: str, expected: str) -> None:
    assert parse_date(raw) == expected


def test_parse_date_unknown_zone_name_is_taken_as_utc() -> None:
    # dateutil warns about unknown zone names; pytest turns warnings into errors, so this also
    # checks that parse_date keeps the warning to itself.
    assert parse_date("March 5 2024 10:20:30 XYZT") == "2024-03-05T10:20:30Z"


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(None, id="none"),
        pytest.param("", id="empty"),
        pytest.param("   \t\n", id="blank"),
        pytest.param("not a date", id="words"),
        pytest.param("yesterday-ish", id="fuzzy-word"),
        pytest.param("2024-02-30", id="impossible-day"),
        pytest.param("2024-13-01T00:00:00Z", id="impossible-month"),
        pytest.param("Tue, 05 Foo 2024 10:20:30 GMT", id="bad-rfc822-month"),
        pytest.param("2024-03-05T10:20:30Z " + "x" * 90, id="over-100-chars"),
        pytest.param("1989-12-31T23:59:59Z", id="before-1990"),
        pytest.param("1970-01-01T00:00:00Z", id="epoch"),
        pytest.param("99999999999999999999", id="huge-number"),
    ],
)
def test_parse_date_rejects(raw: str | None) -> None:
    assert parse_date(raw) is None


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [
        pytest.param(timedelta(days=-3650), True, id="ten-years-ago"),
        pytest.param(timedelta(hours=-1), True, id="an-hour-ago"),
        pytest.param(timedelta(hours=1), True, id="an-hour-ahead"),
        pytest.param(timedelta(days=1, hours=12), True, id="a-day-and-a-half-ahead"),
        pytest.param(timedelta(days=2, hours=12), False, id="two-and-a-half-days-ahead"),
        pytest.param(timedelta(days=3, hours=1), False, id="three-days-ahead"),
        pytest.param(timedelta(days=400), False, id="next-year"),
    ],
)
def test_parse_date_future_window(offset: timedelta, accepted: bool) -> None:
    when = (datetime.now(UTC) + offset).replace(microsecond=0)
    result = parse_date(when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    assert result == (to_iso_utc(when) if accepted else None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(datetime(2024, 3, 5, 10, 20, 30, tzinfo=UTC), "2024-03-05T10:20:30Z", id="utc"),
        pytest.param(datetime(2024, 3, 5, 10, 20, 30), "2024-03-05T10:20:30Z", id="naive-as-utc"),
        pytest.param(
            datetime(2024, 3, 5, 12, 20, 30, tzinfo=timezone(timedelta(hours=2))), "2024-03-05T10:20:30Z", id="plus-2"
        ),
        pytest.param(
            datetime(2024, 3, 4, 23, 0, 0, tzinfo=timezone(timedelta(hours=-5))), "2024-03-05T04:00:00Z", id="minus-5"
        ),
        pytest.param(datetime(2024, 3, 5, 10, 20, 30, 999999, tzinfo=UTC), "2024-03-05T10:20:30Z", id="microseconds"),
        pytest.param(datetime(1900, 1, 1, tzinfo=UTC), "1900-01-01T00:00:00Z", id="old-date-not-filtered"),
    ],
)
def test_to_iso_utc(value: datetime, expected: str) -> None:
    assert to_iso_utc(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(None, None, id="none"),
        pytest.param(time.gmtime(0), "1970-01-01T00:00:00Z", id="epoch"),
        pytest.param(time.gmtime(1709634030), "2024-03-05T10:20:30Z", id="gmtime"),
        pytest.param(time.strptime("2024-03-05 10:20:30", "%Y-%m-%d %H:%M:%S"), "2024-03-05T10:20:30Z", id="strptime"),
        pytest.param(time.struct_time((2024, 13, 1, 0, 0, 0, 0, 1, 0)), None, id="month-13"),
        pytest.param(time.struct_time((2024, 2, 30, 0, 0, 0, 0, 1, 0)), None, id="february-30"),
    ],
)
def test_struct_time_to_iso(value: time.struct_time | None, expected: str | None) -> None:
    assert struct_time_to_iso(value) == expected


FETCHED_2019 = datetime(2019, 6, 1, 12, 0, tzinfo=UTC)
FETCHED_2031 = datetime(2031, 6, 1, 12, 0, tzinfo=UTC)  # years ahead of any clock these tests run by


@pytest.mark.parametrize(
    ("raw", "reference", "expected"),
    [
        pytest.param("March 5", FETCHED_2019, "2019-03-05T00:00:00Z", id="no-year-fetched-2019"),
        pytest.param("March 5", FETCHED_2031, "2031-03-05T00:00:00Z", id="no-year-fetched-2031"),
        pytest.param("5 March 10:20", "2019-06-01T12:00:00Z", "2019-03-05T10:20:00Z", id="reference-as-stored"),
        pytest.param(
            "December 30 10:00", datetime(2025, 1, 10, tzinfo=UTC), "2024-12-30T10:00:00Z", id="no-year-is-last-years"
        ),
        pytest.param("10:20", FETCHED_2019, "2019-06-01T10:20:00Z", id="time-only-on-the-fetch-day"),
        pytest.param("2031-06-02T10:00:00Z", FETCHED_2031, "2031-06-02T10:00:00Z", id="a-day-after-the-fetch"),
        pytest.param("2031-06-02T10:00:00Z", FETCHED_2019, None, id="years-after-the-fetch"),
        pytest.param("June 10 2019", FETCHED_2019, None, id="free-form-with-year-after-the-fetch"),
        pytest.param("2019-06-03T11:00:00Z", FETCHED_2019, "2019-06-03T11:00:00Z", id="within-the-slack"),
    ],
)
def test_dates_are_read_against_the_fetch_time_not_the_clock(
    raw: str, reference: datetime | str, expected: str | None
) -> None:
    assert parse_date(raw, reference) == expected


def page_dated(published: str, path: str = "/news/story.html") -> tuple[str, str]:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    html = (
        f"<html><head><title>A story</title>{meta}</head><body><article><h1>A story</h1>"
        + "<p>An ordinary paragraph of a news story, long enough to be kept by the extractor.</p>" * 6
        + "</article></body></html>"
    )
    return html, f"https://example.org{path}"


@pytest.mark.parametrize(
    ("published", "path", "expected"),
    [
        pytest.param(
            "5 March 10:20",
            "/news/story.html",
            ("2019-03-05T10:20:00Z", "2031-03-05T10:20:00Z"),
            id="page-date-without-a-year",
        ),
        pytest.param(
            "2031-05-01T08:00:00Z", "/news/story.html", (None, "2031-05-01T08:00:00Z"), id="page-date-after-one-fetch"
        ),
        pytest.param("", "/news/2031/05/01/story.html", (None, "2031-05-01T00:00:00Z"), id="date-guessed-from-the-url"),
    ],
)
def test_clean_page_dates_depend_only_on_the_reference(
    published: str, path: str, expected: tuple[str | None, str | None]
) -> None:
    html, url = page_dated(published, path)
    results = [clean_page(html, url, reference=when).published for when in (FETCHED_2019, FETCHED_2031)]
    assert tuple(results) == expected
    assert clean_page(html, url, reference=FETCHED_2031).published == expected[1]  # the same whenever it runs
