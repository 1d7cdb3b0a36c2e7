"""Hypothesis strategies for the engine equality tests: scoring models (in the engine-neutral
form the config compiles to) and canonical leads, activities and signals to score, with the
values that make engines differ: nulls, ties, personal emails, whitespace and case, unicode,
times on DST and leap days, and events just inside and outside windows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl
from hypothesis import strategies as st

from revq.core.derive import derive_lead_fields
from revq.core.scoring.model import (
    AllOf,
    Always,
    AnyOf,
    Bounds,
    Compare,
    Condition,
    Decay,
    Decision,
    EventRule,
    EventScoring,
    Fixed,
    Gate,
    Lookup,
    Not,
    PerUnit,
    Points,
    Route,
    Routing,
    Rule,
    ScoringModel,
    Segment,
    SignalScoring,
)

# Moments to score as of: the end of an ordinary day, DST changes in Europe and the US, a leap
# day, the day after one; some given in a zone of their own (the second 01:30 of New York's
# repeated hour, Berlin just after its clocks went forward).
AS_OFS = (
    datetime(2026, 11, 1, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
    datetime(2026, 3, 8, 7, 0, 0, 250_001, tzinfo=UTC),
    datetime(2024, 2, 29, 23, 59, 59, 999_999, tzinfo=UTC),
    datetime(2024, 3, 1, tzinfo=UTC),
    datetime(2026, 3, 29, 3, 0, tzinfo=ZoneInfo("Europe/Berlin")),
    datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=ZoneInfo("America/New_York")),
    datetime(2028, 2, 29, 12, 0, tzinfo=ZoneInfo("Asia/Kolkata")),
)
TITLES = (
    "VP Sales",
    "vice president, marketing",
    "Director of Ops",
    "Head of Growth",
    "Sales Manager",
    "manager",
    "Intern",
    "student",
    "Student",
    "CEO",
    "  cto ",
    "Geschäftsführer",
    "Directør",
    "VİCE PRESIDENT",
    "ΔΙΕΥΘΥΝΤΗΣ ΠΩΛΗΣΕΩΝ",
    "Gérant(e)",
    "Managerin",
    "vpä",
    "chief\u2014of\u2014staff",
    "ceo\u00a0",
    "\u3000Head of 営業",
    "KPI Manager",
    "ÉQUIPE COMMERCIALE",
    "İSTANBUL MANAGER",
    "STRAẞE",
    "ΣΟΦΙΑ ΣΤΕΛΕΧΟΣ",
    "",
)
INDUSTRIES = ("Software", " software ", "SOFTWARE", "Healthcare", "Education", "Sòftware")
COUNTRIES = ("United States", "US", "germany", "DE", "France", "Brasil", "Ísland", " GB ")
DOMAINS = (
    "acme.com",
    "Acme.COM",
    "gmail.com",
    "rivalsoft.com",
    "beta.io",
    "bücher.de",
    "BÜCHER.DE",
    "例え.jp",
)
# Local parts of emails: letters of several bytes, capitals that lowercase to other letters
# (a capital sigma ending a word aside: see tests.engine_cases.EMAIL_DOMAINS), an @ too many.
LOCAL_PARTS = ("ana", "Bo", "zoë", "x.y", "ÅSA", "日本", "\u0130nfo", "o'brien", "a@b", "Σοφία")
COMPANIES = ("Acme", "Beta GmbH", "Ωmega Ltd", "acme", "  Zeta Inc.")
OWNERS = ("Lena Vogel", "Sam Ortiz")
SOURCES = ("Webinar", "organic", "Paid Social")
LEAD_ID_CHARS = "abcxyzAB019-_é"
ACTIVITY_TYPES = (
    "demo_request",
    "Demo_Request ",
    "page_view",
    "Visit Webpage",
    "content_download",
    "webinar_attended",
    "email_click",
)
DETAILS = ("/pricing", "/blog/post", "Case study: Acme", "case STUDY x", "/Pricing?utm=1", "")
CHANNELS = ("g2", "G2", "email", "web")
SIGNAL_TYPES = ("executive_hire", "Funding", "EXPANSION", "strategic_hiring", "rumour")
PATTERNS = (
    r"\b(chief|ceo|cfo|cto|vp|vice president)\b",
    r"\b(director|head of)\b",
    r"\bmanager\b",
    r"^student$",
    r"\b(intern|student)\b",
    "ger",
    r"^\s*c",
    r"[aeiou]{2}",
    "é|e",
    r"\d",
    "",
    r"manager\b",
    r"^v",
    r"\w+\s\w+",
    "of.s",
)
POINTS = (
    15.0, 10.0, 5.0, -20.0, -10.0, 2.5, 0.1, 7.25, -0.05, 5e-7, 33.333, 1.5e-6, 0.0, -0.0,
    -4e-7, -0.004, 1e-300, -5e-324, 250_000.0,
)  # fmt: skip
# Numbers a rule compares with: bounds on either side of zero, the tiny and the huge.
BOUNDS = (0.0, -0.0, 9.0, 10.0, 50.0, 199.0, 200.0, 1000.0, 5000.0, 1e6, 5e-324, 1e300, -1e300)
# Numbers an export holds that arithmetic treats apart: NaN, a negative zero, the smallest
# and very large magnitudes.
ODD_FLOATS = (float("nan"), -0.0, 5e-324, -1e-300, 1e15, 1e300, 4.5e15 + 0.5)
HUGE_INTS = (2**53 + 1, 10**15, 2**62)
TEMPLATES = (
    "{owner|Sales}: call {first_name} ({title}, {company|their company}). Why now: {why_now}.",
    "{first_name|-} at {company}: {total_score} points ({fit_grade}, {segment}); {top_reasons}",
    "Score {fit_score}/{intent_score}/{negative_score}, {employees|?} staff, gate {gate|none}",
)


def _cased(values: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(values) | st.sampled_from(values).map(str.upper)


def literal(values: tuple[str, ...]) -> st.SearchStrategy[str]:
    """A value as a config writes it: any case, maybe with spaces."""
    return _cased(values).map(str.strip) | _cased(values).map(lambda v: f" {v.lower()} ")


def lead_compare() -> st.SearchStrategy[Condition]:
    number = st.sampled_from(BOUNDS)
    return st.one_of(
        st.builds(Compare, st.just("title"), st.just("regex"), st.sampled_from(PATTERNS)),
        st.builds(
            Compare,
            st.just("industry"),
            st.sampled_from(("in", "not_in")),
            st.lists(literal(INDUSTRIES), min_size=1, max_size=3).map(tuple),
        ),
        st.builds(Compare, st.just("country"), st.sampled_from(("eq", "ne")), literal(COUNTRIES)),
        st.builds(
            Compare,
            st.just("employees"),
            st.sampled_from(("gt", "gte", "lt", "lte")),
            number,
        ),
        st.tuples(number, number).map(lambda b: Compare("employees", "between", (min(b), max(b)))),
        st.builds(Compare, st.just("employees"), st.just("eq"), st.integers(0, 12)),
        st.builds(Compare, st.just("employees"), st.just("in"), st.just((5, 10, 250))),
        st.builds(Compare, st.just("annual_revenue"), st.just("gte"), number),
        st.builds(
            Compare,
            st.just("email"),
            st.just("domain_in"),
            st.lists(literal(DOMAINS), min_size=1, max_size=2).map(tuple),
        ),
        st.builds(Compare, st.just("is_personal_email"), st.just("eq"), st.booleans()),
        st.builds(
            Compare,
            st.just("company"),
            st.sampled_from(("contains", "starts_with", "ends_with")),
            st.sampled_from(("acme", "GmbH", "ω", " Inc. ", "", "ta")),
        ),
        st.builds(
            Compare,
            st.sampled_from(("title", "owner", "employees", "annual_revenue", "created_at")),
            st.sampled_from(("is_null", "not_null")),
        ),
        st.builds(Compare, st.just("lead_source"), st.just("regex"), st.sampled_from(PATTERNS)),
        st.builds(Compare, st.just("employees"), st.just("regex"), st.just("^1")),
        st.builds(Compare, st.just("title"), st.just("gt"), st.just(5.0)),
        st.builds(Compare, st.just("is_personal_email"), st.just("contains"), st.just("ru")),
    )


def conditions(leaf: st.SearchStrategy[Condition]) -> st.SearchStrategy[Condition]:
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=3).map(lambda xs: AllOf(tuple(xs))),
            st.lists(inner, min_size=1, max_size=3).map(lambda xs: AnyOf(tuple(xs))),
            inner.map(Not),
        ),
        max_leaves=4,
    )


def points() -> st.SearchStrategy[Points]:
    return st.one_of(
        st.sampled_from(POINTS).map(Fixed),
        st.floats(-40, 40, allow_nan=False).map(lambda x: Fixed(round(x, 3))),
        st.builds(
            PerUnit,
            st.sampled_from(("employees", "annual_revenue")),
            st.sampled_from((0.01, 0.5, -0.001, 1e-6, 0.0025, -0.0, -0.5, 1e-300)),
        ),
        st.lists(
            st.tuples(st.sampled_from(PATTERNS), st.sampled_from(POINTS)), min_size=1, max_size=3
        ).map(lambda rows: Lookup("title", tuple(rows))),
    )


def caps() -> st.SearchStrategy[float | None]:
    return st.none() | st.sampled_from((0.5, 5.0, 12.5, 25.0))


@st.composite
def rules(draw: st.DrawFn, prefix: str, names: list[str]) -> tuple[Rule, ...]:
    out = []
    for i in range(draw(st.integers(0, 5))):
        name = draw(st.sampled_from(names)) if names and draw(st.booleans()) else f"{prefix}{i}"
        if any(r.name == name for r in out):
            continue
        when = draw(st.just(Always()) | conditions(lead_compare()))
        out.append(
            Rule(
                name,
                draw(st.sampled_from(("fit", "intent", "negative"))),
                when,
                draw(points()),
                draw(caps()),
            )
        )
    return tuple(out)


def activity_compare() -> st.SearchStrategy[Condition]:
    return st.one_of(
        st.builds(Compare, st.just("activity_type"), st.just("eq"), literal(ACTIVITY_TYPES)),
        st.builds(
            Compare,
            st.just("activity_type"),
            st.just("in"),
            st.lists(literal(ACTIVITY_TYPES), min_size=1, max_size=3).map(tuple),
        ),
        st.builds(
            Compare,
            st.just("detail"),
            st.sampled_from(("contains", "starts_with")),
            st.sampled_from(("/pricing", "case study", "/blog/")),
        ),
        st.builds(Compare, st.just("detail"), st.just("regex"), st.sampled_from(PATTERNS)),
        st.builds(Compare, st.just("channel"), st.sampled_from(("is_null", "not_null"))),
    )


def decays() -> st.SearchStrategy[Decay]:
    return st.builds(
        Decay,
        st.none() | st.sampled_from((1.0, 7.0, 30.0, 45.5)),
        st.none() | st.sampled_from((1.0, 30.0, 120.0)),
    )


@st.composite
def events(draw: st.DrawFn) -> EventScoring:
    n = draw(st.integers(1, 4))
    return EventScoring(
        tuple(
            EventRule(
                f"event{i}",
                draw(conditions(activity_compare())),
                draw(st.sampled_from(POINTS)),
                draw(caps()),
            )
            for i in range(n)
        ),
        draw(decays()),
        draw(st.sampled_from(((), (("g2", 1.5),), (("g2", 1.5), ("email", 0.5))))),
    )


@st.composite
def signal_scoring(draw: st.DrawFn) -> SignalScoring:
    kinds = draw(
        st.lists(
            st.sampled_from(("executive_hire", "funding", "expansion", "strategic_hiring")),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    weights = [(k, draw(st.sampled_from((20.0, 15.0, 8.0, 12.5, -3.0)))) for k in kinds]
    weights.sort(key=lambda kv: (-kv[1], kv[0]))
    return SignalScoring(tuple(weights), draw(decays()), draw(caps()))


@st.composite
def bounds(draw: st.DrawFn) -> dict[str, Bounds]:
    out = {}
    for group in ("fit", "intent", "signal", "negative", "total"):
        low = draw(st.none() | st.sampled_from((-50.0, -12.5, 0.0)))
        high = draw(st.none() | st.sampled_from((0.0, 20.0, 50.0, 100.0)))
        if low is not None and high is not None and low > high:
            low, high = high, low
        if group != "total" or draw(st.booleans()):
            out[group] = Bounds(low, high)
    return out


@st.composite
def models(draw: st.DrawFn) -> ScoringModel:
    base = draw(rules("r", []))
    segments = tuple(
        Segment(
            f"seg{i}",
            draw(conditions(lead_compare())),
            draw(rules(f"s{i}_", [r.name for r in base])),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    grades = draw(st.sampled_from(((("A", 35.0), ("B", 25.0), ("C", 15.0)), (("A", 10.0),), ())))
    decision = Decision(
        fit_high=draw(st.sampled_from((0.0, 10.0, 25.0))),
        intent_high=draw(st.sampled_from((0.0, 5.0, 20.0))),
        sales_ready=draw(st.sampled_from((10.0, 30.0, 70.0))),
        nurture=draw(st.sampled_from((0.0, 5.0, 10.0))),
        mql_threshold=draw(st.none() | st.just(20.0)),
        grades=grades,
        signal_within_days=draw(st.sampled_from((1.0, 30.0, 400.0, 400.0))),
        signal_min_fit=draw(st.sampled_from((0.0, 10.0))),
        signal_context=draw(st.sampled_from(((), ("title", "company"), ("campaign",)))),
        pql=draw(
            st.sampled_from((None, None, None, "drawn")).flatmap(
                lambda v: st.none() if v is None else conditions(lead_compare())
            )
        ),
    )
    routing = draw(
        st.none()
        | st.builds(
            Routing,
            st.booleans(),
            st.lists(
                st.builds(
                    Route,
                    conditions(lead_compare()),
                    st.sampled_from((("Lena Vogel", "Marco Bianchi"), ("Ana",))),
                ),
                max_size=2,
            ).map(tuple),
            st.sampled_from((("Alex Kim", "Priya Raman", "Sam Ortiz"), ())),
        )
    )
    gates = tuple(
        Gate(f"gate{i}", draw(conditions(lead_compare())), f"reason {i}", outcome)
        for i, outcome in enumerate(
            draw(st.lists(st.sampled_from(("disqualify", "recycle", "converted")), max_size=2))
        )
    )
    actions = draw(
        st.dictionaries(
            st.sampled_from(("sales_ready", "mql", "nurture", "disqualified", "pql")),
            st.sampled_from(TEMPLATES),
            max_size=2,
        )
    )
    return ScoringModel(
        rules=base,
        bounds=draw(bounds()),
        decision=decision,
        events=draw(st.none() | events()),
        signals=draw(st.none() | signal_scoring()),
        gates=gates,
        intent_decay_by_last_activity=draw(st.none() | decays()),
        actions=actions,
        routing=routing,
        segments=segments,
    )


@dataclass(frozen=True)
class Inputs:
    leads: pl.DataFrame
    activities: pl.DataFrame | None
    signals: pl.DataFrame | None
    as_of: datetime


def moments(as_of: datetime) -> st.SearchStrategy[datetime | None]:
    """Times near `as_of`: on it, just before and after, at window edges, on DST and leap
    days, with microseconds."""
    offsets = st.one_of(
        st.sampled_from((0.0, 1e-6, -1e-6, 1.0, 29.999999, 30.0, 120.0, 120.0000001, 400.0)),
        st.floats(-5, 200, allow_nan=False),
    )
    fixed = st.sampled_from(
        (
            datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC),  # Europe: the second before 02:00
            datetime(2026, 10, 25, 1, 0, 0, 1, tzinfo=UTC),  # Europe: just after 03:00 -> 02:00
            datetime(2026, 3, 8, 7, 0, tzinfo=UTC),  # New York: 02:00 -> 03:00
            datetime(2026, 11, 1, 5, 30, tzinfo=UTC),  # New York: the first 01:30
            datetime(2026, 11, 1, 6, 30, tzinfo=UTC),  # New York: the second 01:30
            datetime(2024, 2, 29, 12, 0, tzinfo=UTC),
            datetime(2024, 2, 29, 0, 0, tzinfo=UTC),
            datetime(2024, 2, 29, 23, 59, 59, 999_999, tzinfo=UTC),
            datetime(2028, 2, 29, 18, 30, tzinfo=UTC),
        )
    )
    # in UTC: Python subtracts from a zoned time on its wall clock (a DST day has 23 hours)
    relative = offsets.map(lambda d: as_of.astimezone(UTC) - timedelta(days=d))
    return st.none() | relative | fixed


@st.composite
def inputs(draw: st.DrawFn, model: ScoringModel) -> Inputs:
    as_of = draw(st.sampled_from(AS_OFS))
    ids = draw(
        st.lists(
            st.text(LEAD_ID_CHARS, min_size=1, max_size=4), min_size=1, max_size=25, unique=True
        )
    )
    n = len(ids)

    def column(values: st.SearchStrategy[Any]) -> list[Any]:
        return draw(st.lists(values, min_size=n, max_size=n))

    emails = column(
        st.none()
        | st.builds(
            lambda local, domain, pad: f"{pad}{local}@{domain}{pad}",
            st.sampled_from(LOCAL_PARTS),
            st.sampled_from(DOMAINS),
            st.sampled_from(("", " ", "\u00a0")),
        )
        | st.just("not an email")
    )
    raw = pl.DataFrame(
        {
            "lead_id": ids,
            "email": emails,
            "first_name": column(st.none() | st.sampled_from(("Ana", "Åsa", "O'Brien"))),
            "title": column(st.none() | st.sampled_from(TITLES)),
            "company": column(st.none() | st.sampled_from(COMPANIES)),
            "website": column(st.none() | st.sampled_from(("https://www.acme.com", "beta.io"))),
            "industry": column(st.none() | _cased(INDUSTRIES)),
            "employees": column(st.none() | st.integers(0, 12_000) | st.sampled_from(HUGE_INTS)),
            "annual_revenue": column(st.none() | st.floats(0, 1e7) | st.sampled_from(ODD_FLOATS)),
            "country": column(st.none() | st.sampled_from(COUNTRIES)),
            "lead_source": column(st.none() | st.sampled_from(SOURCES)),
            "owner": column(st.none() | st.sampled_from(OWNERS)),
            "created_at": column(moments(as_of)),
            "last_activity_at": column(moments(as_of)),
        },
        schema_overrides={
            **dict.fromkeys(
                ("email", "first_name", "title", "company", "website", "industry", "country"),
                pl.String,
            ),
            "lead_source": pl.String,
            "owner": pl.String,
            "employees": pl.Int64,
            "annual_revenue": pl.Float64,
            "created_at": pl.Datetime("us", "UTC"),
            "last_activity_at": pl.Datetime("us", "UTC"),
        },
    )
    leads = derive_lead_fields(raw.lazy()).collect()
    activities = None
    if model.events is not None and draw(st.integers(0, 4)) > 0:
        m = draw(st.integers(0, 40))
        by_email = draw(st.booleans())
        keyed = (
            {
                "email": draw(
                    st.lists(st.sampled_from(emails) | st.just("X@y.z"), min_size=m, max_size=m)
                )
            }
            if by_email
            else {
                "lead_id": draw(st.lists(st.sampled_from([*ids, "nobody"]), min_size=m, max_size=m))
            }
        )
        activities = pl.DataFrame(
            {
                **keyed,
                "activity_type": draw(
                    st.lists(st.none() | st.sampled_from(ACTIVITY_TYPES), min_size=m, max_size=m)
                ),
                "occurred_at": draw(st.lists(moments(as_of), min_size=m, max_size=m)),
                "channel": draw(
                    st.lists(st.none() | st.sampled_from(CHANNELS), min_size=m, max_size=m)
                ),
                "detail": draw(
                    st.lists(st.none() | st.sampled_from(DETAILS), min_size=m, max_size=m)
                ),
            },
            schema_overrides={
                "email": pl.String,
                "lead_id": pl.String,
                "activity_type": pl.String,
                "occurred_at": pl.Datetime("us", "UTC"),
                "channel": pl.String,
                "detail": pl.String,
            },
        )
    signals = None
    if model.signals is not None and draw(st.integers(0, 4)) > 0:
        accounts = [k for k in leads["account_key"].to_list() if k is not None] + ["other.org"]
        k = draw(st.integers(0, 20))
        signals = pl.DataFrame(
            {
                "account_key": draw(
                    st.lists(st.none() | st.sampled_from(accounts), min_size=k, max_size=k)
                ),
                "signal_type": draw(
                    st.lists(st.none() | st.sampled_from(SIGNAL_TYPES), min_size=k, max_size=k)
                ),
                "occurred_at": draw(st.lists(moments(as_of), min_size=k, max_size=k)),
                "detail": draw(
                    st.lists(
                        st.none() | st.sampled_from(("Series B", "New CRO", "")),
                        min_size=k,
                        max_size=k,
                    )
                ),
            },
            schema_overrides={
                "account_key": pl.String,
                "signal_type": pl.String,
                "occurred_at": pl.Datetime("us", "UTC"),
                "detail": pl.String,
            },
        )
    return Inputs(leads, activities, signals, as_of)


# What an email's parts are made of: ASCII, letters of several bytes, capitals that
# lowercase to other letters (not a capital sigma: see tests.engine_cases.EMAIL_DOMAINS),
# punctuation an address holds, and an @.
EMAIL_CHARS = "abzAZ09._-'+ëÅÉñ日本例えİßẞΩωÖ@"
SPACES = ("", " ", "\u00a0", "\t", "\u3000", "\u2003")


def email_texts() -> st.SearchStrategy[str | None]:
    """Emails as exports hold them, valid or not: one @ or several, a dot in the domain or
    none, padded with Unicode spaces, blank."""
    part = st.text(EMAIL_CHARS, max_size=6)
    domain = st.lists(st.text(EMAIL_CHARS.replace("@", ""), min_size=1, max_size=5), max_size=3)
    address = st.builds(
        lambda pad, local, labels, end: f"{pad}{local}@{'.'.join(labels)}{end}",
        st.sampled_from(SPACES),
        part,
        domain,
        st.sampled_from(SPACES),
    )
    return st.none() | address | part


def website_texts() -> st.SearchStrategy[str | None]:
    """Company websites: a scheme or none, www. or none, a path, capitals, blanks."""
    return st.none() | st.builds(
        lambda scheme, www, host, rest: f"{scheme}{www}{host}{rest}",
        st.sampled_from(("", "https://", "HTTP://", "ftp://")),
        st.sampled_from(("", "www.", "WWW.")),
        st.text(EMAIL_CHARS.replace("@", ""), max_size=8),
        st.sampled_from(("", "/", "/about?x=1", ":8080", "#top", ".")),
    )
