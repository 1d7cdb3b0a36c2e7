"""Write revq's bundled sample project to sample_data/, deterministically.

    python scripts/make_sample_data.py [OUT_DIR] [--seed 7]

About 5,000 B2B leads over twelve months (Nov 2025 - Oct 2026) as a HubSpot contacts export and
as a Salesforce lead report, with activities, account signals, sales dispositions, stage history
and opportunities. numpy's RandomState is used because its streams are frozen across numpy
versions, so the committed files stay byte-reproducible.

Planted patterns, which revq's audit, funnel and reports must reveal:
- the "Purchased List" source is rejected far more often than any other;
- signal-qualified leads (good fit + an account trigger shortly before the MQL) convert far better;
- rep Dana Whitfield rejects most leads without giving a reason;
- hand-offs on Friday afternoons and weekends, and rep Sam Ortiz's queue, breach the SLA.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

import numpy as np
import polars as pl

START = datetime(2025, 11, 1)
END = datetime(2026, 10, 31, 23, 59)
N_LEADS = 5000
N_DUPLICATES = 60

FIRST = [
    "Ava",
    "Ben",
    "Chloe",
    "Diego",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kara",
    "Liam",
    "Maya",
    "Noah",
    "Olga",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tara",
    "Umar",
    "Vera",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoe",
    "José",
    "Zoë",
    "Åsa",
    "Łukasz",
]
LAST = [
    "Adams",
    "Baker",
    "Chen",
    "Dubois",
    "Evans",
    "Fischer",
    "Garcia",
    "Hughes",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lopez",
    "Müller",
    "Nakamura",
    "O'Brien",
    "Patel",
    "Quist",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Ueda",
    "Varga",
    "Walsh",
    "Xu",
    "Young",
    "Zimmermann",
]
WORDS = [
    "Acme",
    "Apex",
    "Beacon",
    "Bright",
    "Cobalt",
    "Crest",
    "Delta",
    "Ember",
    "Falcon",
    "Granite",
    "Harbor",
    "Helix",
    "Indigo",
    "Juniper",
    "Keystone",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Onyx",
    "Orbit",
    "Pioneer",
    "Quantum",
    "Redwood",
    "Summit",
    "Tidal",
    "Vertex",
    "Willow",
    "Zenith",
]
SUFFIX = [
    "Labs",
    "Systems",
    "Analytics",
    "Health",
    "Logistics",
    "Capital",
    "Works",
    "Cloud",
    "Partners",
    "Retail",
    "Energy",
    "Media",
]
INDUSTRIES = [
    "Software",
    "Financial Services",
    "Healthcare",
    "Manufacturing",
    "Retail",
    "Education",
    "Media",
    "Logistics",
]
INDUSTRY_P = [0.30, 0.15, 0.12, 0.12, 0.10, 0.08, 0.07, 0.06]
COUNTRIES = [
    ("United States", "US"),
    ("United Kingdom", "GB"),
    ("Germany", "DE"),
    ("France", "FR"),
    ("Canada", "CA"),
    ("Australia", "AU"),
    ("India", "IN"),
    ("Brazil", "BR"),
    ("Namibia", "NA"),
]
COUNTRY_P = [0.42, 0.14, 0.10, 0.07, 0.07, 0.05, 0.08, 0.05, 0.02]
# (title, seniority tier): tiers drive fit; C-level/VP 3, Director 2, Manager 1, IC 0, student -1
TITLES = [
    ("Chief Revenue Officer", 3),
    ("CMO", 3),
    ("VP Marketing", 3),
    ("VP of Sales", 3),
    ("Director of Marketing", 2),
    ("Head of Revenue Operations", 2),
    ("Director, Demand Generation", 2),
    ("Marketing Manager", 1),
    ("Sales Manager", 1),
    ("RevOps Manager", 1),
    ("Marketing Analyst", 0),
    ("Marketing Coordinator", 0),
    ("Sales Development Rep", 0),
    ("Marketing Intern", -1),
    ("Student", -1),
]
TITLE_P = [0.03, 0.03, 0.05, 0.04, 0.08, 0.05, 0.05, 0.13, 0.09, 0.06, 0.12, 0.10, 0.07, 0.05, 0.05]
SOURCES = [
    "Organic Search",
    "Paid Search",
    "Paid Social",
    "Webinar",
    "Content Syndication",
    "Purchased List",
    "Referral",
    "Events",
    "Direct Traffic",
]
SOURCE_P = [0.20, 0.16, 0.12, 0.10, 0.10, 0.12, 0.06, 0.06, 0.08]
PERSONAL = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com"]
REPS = ["Alex Kim", "Dana Whitfield", "Sam Ortiz", "Priya Raman", "Marco Bianchi", "Lena Vogel"]
# Canonical reason -> labels reps actually typed, and the odds of each reason.
REASONS = {
    "not_decision_maker": ["Not a decision maker", "not the DM", "Wrong person"],
    "no_budget": ["No budget", "Budget - none this year"],
    "unresponsive": ["Unresponsive", "No response after 3 attempts"],
    "competitor_chosen": ["Chose competitor", "Went with competitor"],
    "bad_timing": ["Bad timing", "Bad timing - revisit in 6 months", "Not now"],
    "bad_fit_industry": ["Bad fit - industry"],
    "bad_fit_size": ["Too small", "Bad fit - company size"],
    "bad_fit_geography": ["Outside territory", "Country not served"],
    "student_or_competitor_or_spam": ["Student", "Spam", "Competitor"],
    "duplicate": ["Duplicate"],
}
REASON_P = [0.16, 0.12, 0.20, 0.06, 0.14, 0.08, 0.08, 0.05, 0.07, 0.04]
ACTIVITY_TYPES = [  # (type, channel, detail, base weight)
    ("page_view", "website", "/blog/lead-scoring-101", 0.30),
    ("page_view", "website", "/pricing", 0.12),
    ("email_open", "email", "Monthly newsletter", 0.20),
    ("email_click", "email", "Webinar invite", 0.08),
    ("content_download", "website", "Case study: Meridian Health", 0.08),
    ("content_download", "website", "Whitepaper: The MQL is dead", 0.06),
    ("webinar_attended", "webinar", "Fixing the MQL handoff", 0.06),
    ("comparison_site_visit", "g2", "G2 category comparison", 0.05),
    ("demo_request", "website", "/demo", 0.05),
]
SIGNAL_TYPES = ["executive_hire", "funding", "strategic_hiring", "filing_language", "expansion"]
SIGNAL_P = [0.22, 0.22, 0.26, 0.12, 0.18]
SIGNAL_TEXT = {
    "executive_hire": "New Chief Revenue Officer appointed",
    "funding": "Raised a Series B round",
    "strategic_hiring": "Hiring 4 revenue operations roles",
    "filing_language": "Annual report cites pipeline efficiency as a priority",
    "expansion": "Opened a new office in a new region",
}
DAY = np.timedelta64(1, "D")
HOUR = np.timedelta64(1, "h")


def _dt(values: np.ndarray) -> pl.Series:
    return pl.Series(values.astype("datetime64[us]"))


def _choice(rng: np.random.RandomState, options: list, p: list[float], n: int) -> np.ndarray:
    idx = rng.choice(len(options), size=n, p=np.asarray(p) / np.sum(p))
    return np.asarray(options, dtype=object)[idx]


def companies(rng: np.random.RandomState) -> pl.DataFrame:
    names = sorted({f"{a} {b}" for a in WORDS for b in SUFFIX})
    n = 320
    picked = np.asarray(names, dtype=object)[rng.choice(len(names), size=n, replace=False)]
    domain = pl.Series(picked).str.to_lowercase().str.replace_all(" ", "") + ".com"
    employees = np.clip(np.round(np.exp(rng.normal(5.3, 1.5, n))), 3, 60000).astype(np.int64)
    industry = _choice(rng, INDUSTRIES, INDUSTRY_P, n)
    country = rng.choice(len(COUNTRIES), size=n, p=COUNTRY_P)
    return pl.DataFrame(
        {
            "company": picked.astype(str),
            "domain": domain,
            "industry": industry.astype(str),
            "employees": employees,
            "annual_revenue": np.round(employees * rng.uniform(90_000, 260_000, n), -3),
            "country": [COUNTRIES[i][0] for i in country],
            "country_code": [COUNTRIES[i][1] for i in country],
        }
    ).with_row_index("company_idx")


def signals(rng: np.random.RandomState, comp: pl.DataFrame) -> pl.DataFrame:
    n = 420
    which = rng.choice(comp.height, size=n, replace=True)
    kind = _choice(rng, SIGNAL_TYPES, SIGNAL_P, n)
    when = np.datetime64(START) + (rng.uniform(0, 365, n) * 24).astype(int) * HOUR
    frame = pl.DataFrame(
        {
            "account_key": comp["domain"].gather(which),
            "company": comp["company"].gather(which),
            "signal_type": kind.astype(str),
            "occurred_at": _dt(when),
            "source": _choice(
                rng, ["press release", "LinkedIn", "news", "SEC filing"], [0.3, 0.35, 0.25, 0.1], n
            ).astype(str),
        }
    )
    frame = frame.with_columns(
        pl.col("signal_type").replace_strict(SIGNAL_TEXT).alias("detail")
    ).unique(["account_key", "signal_type", "occurred_at"], keep="first", maintain_order=True)
    return frame.sort("occurred_at", "account_key")


def leads(rng: np.random.RandomState, comp: pl.DataFrame) -> pl.DataFrame:
    n = N_LEADS
    # Volume grows through the year, so lead velocity is positive.
    day = np.floor(365 * np.sqrt(rng.uniform(0.05, 1.0, n))).astype(int)
    minute = rng.randint(7 * 60, 20 * 60, n)
    created = np.datetime64(START) + day * DAY + minute * np.timedelta64(1, "m")
    which = rng.choice(comp.height, size=n, replace=True)
    first = _choice(rng, FIRST, [1] * len(FIRST), n).astype(str)
    last = _choice(rng, LAST, [1] * len(LAST), n).astype(str)
    t_idx = rng.choice(len(TITLES), size=n, p=TITLE_P)
    personal = rng.uniform(size=n) < 0.12
    source = _choice(rng, SOURCES, SOURCE_P, n).astype(str)
    ids = np.sort(rng.choice(np.arange(10_000_000, 99_999_999), size=n, replace=False))
    frame = pl.DataFrame(
        {
            "lead_id": ids.astype(str),
            "first_name": first,
            "last_name": last,
            "title": [TITLES[i][0] for i in t_idx],
            "tier": np.asarray([TITLES[i][1] for i in t_idx], dtype=np.int64),
            "company_idx": which.astype(np.uint32),
            "lead_source": source,
            "created_at": _dt(created),
            "personal": personal,
            "u_fit": rng.uniform(size=n),
            "u_mql": rng.uniform(size=n),
            "u_sql": rng.uniform(size=n),
            "u_opp": rng.uniform(size=n),
            "u_win": rng.uniform(size=n),
            "u_disp": rng.uniform(size=n),
            "u_reason": rng.uniform(size=n),
            "u_missing": rng.uniform(size=n),
            "rep_idx": rng.randint(0, len(REPS), n),
            "delay_h": np.exp(rng.normal(1.2, 0.9, n)),
            "mql_lag_d": rng.exponential(9, n),
            "sql_lag_d": rng.exponential(6, n),
            "opp_lag_d": rng.exponential(12, n),
            "close_lag_d": 20 + rng.exponential(55, n),
            "amount": np.round(np.exp(rng.normal(10.1, 0.7, n)), -2),
            "intent": rng.poisson(3.0, n),
        }
    ).join(comp, on="company_idx", how="left")
    local = (pl.col("first_name") + "." + pl.col("last_name")).str.to_lowercase()
    local = local.str.replace_all("[^a-z.]", "")
    domain = (
        pl.when(pl.col("personal"))
        .then(pl.lit(pl.Series(_choice(rng, PERSONAL, [0.5, 0.15, 0.15, 0.1, 0.1], n).astype(str))))
        .otherwise(pl.col("domain"))
    )
    frame = frame.with_columns((local + "@" + domain).alias("email"))
    # Namesakes at one company (or one free-mail provider) get numbered addresses, so the
    # only duplicate emails are the planted ones.
    nth = pl.int_range(pl.len()).over("email")
    numbered = pl.col("email").str.replace("@", pl.format("{}@", nth), literal=True)
    return frame.with_columns(pl.when(nth > 0).then(numbered).otherwise(pl.col("email")))


def activities(rng: np.random.RandomState, lds: pl.DataFrame) -> pl.DataFrame:
    # Fit-tier and intent draw drive how much each lead does; a demo request is rarer still.
    counts = np.clip(lds["intent"].to_numpy() + np.maximum(lds["tier"].to_numpy(), 0), 0, 14)
    owner = np.repeat(np.arange(lds.height), counts)
    m = owner.size
    weights = np.asarray([a[3] for a in ACTIVITY_TYPES])
    kind = rng.choice(len(ACTIVITY_TYPES), size=m, p=weights / weights.sum())
    offset_h = (rng.exponential(20, m) * 24).astype(int)
    created = lds["created_at"].to_numpy()[owner]
    when = created + offset_h * HOUR + rng.randint(0, 3600, m) * np.timedelta64(1, "s")
    frame = pl.DataFrame(
        {
            "lead_id": lds["lead_id"].gather(owner),
            "activity_type": [ACTIVITY_TYPES[k][0] for k in kind],
            "occurred_at": _dt(when),
            "channel": [ACTIVITY_TYPES[k][1] for k in kind],
            "detail": [ACTIVITY_TYPES[k][2] for k in kind],
        }
    ).filter(pl.col("occurred_at") <= END)
    frame = frame.sort("occurred_at", "lead_id", "activity_type", "detail")
    return frame.with_row_index("n", offset=1).select(
        pl.format("A{}", pl.col("n").cast(pl.String).str.zfill(6)).alias("activity_id"),
        pl.exclude("n"),
    )


def funnel(lds: pl.DataFrame, acts: pl.DataFrame, sig: pl.DataFrame) -> pl.DataFrame:
    """Decide each lead's path through the funnel from its fit, intent and account signals."""
    per_lead = acts.group_by("lead_id").agg(
        (pl.col("activity_type") == "demo_request").any().alias("demo"),
        pl.len().alias("n_acts"),
        pl.col("occurred_at").max().alias("last_activity_at"),
    )
    fit_ok = (pl.col("tier") >= 1) & (pl.col("employees") >= 50) & ~pl.col("personal")
    f = lds.join(per_lead, on="lead_id", how="left").with_columns(
        pl.col("demo").fill_null(False), pl.col("n_acts").fill_null(0), fit_ok.alias("fit_ok")
    )
    p_mql = (
        0.12
        + 0.06 * pl.col("n_acts").clip(0, 6)
        + 0.10 * pl.col("fit_ok").cast(pl.Float64)
        + 0.25 * pl.col("demo").cast(pl.Float64)
        + pl.when(pl.col("lead_source") == "Purchased List").then(0.25).otherwise(0.0)
    ).clip(0, 0.95)
    f = f.with_columns((pl.col("u_mql") < p_mql).alias("is_mql"))
    mql_at = pl.col("created_at") + pl.duration(hours=(pl.col("mql_lag_d") * 24).cast(pl.Int64))
    f = f.with_columns(pl.when(pl.col("is_mql") & (mql_at <= END)).then(mql_at).alias("mql_at"))
    # Signal-qualified: ICP fit and an account trigger in the 60 days before the MQL.
    trig = (
        f.filter(pl.col("mql_at").is_not_null())
        .select("lead_id", "domain", "mql_at")
        .join(
            sig.select(pl.col("account_key").alias("domain"), "occurred_at", "signal_type"),
            on="domain",
        )
        .filter(
            (pl.col("occurred_at") <= pl.col("mql_at"))
            & (pl.col("occurred_at") >= pl.col("mql_at") - pl.duration(days=60))
        )
        .group_by("lead_id")
        .agg(pl.len().alias("n_triggers"))
    )
    f = f.join(trig, on="lead_id", how="left").with_columns(
        (pl.col("fit_ok") & (pl.col("n_triggers").fill_null(0) > 0)).alias("signal_qualified")
    )
    purchased = pl.col("lead_source") == "Purchased List"
    p_reject = (
        pl.lit(0.42)
        - 0.20 * pl.col("signal_qualified").cast(pl.Float64)
        - 0.10 * pl.col("fit_ok").cast(pl.Float64)
        + pl.when(purchased).then(0.40).otherwise(0.0)
    ).clip(0.03, 0.95)
    p_recycle = pl.lit(0.10)
    disp = (
        pl.when(pl.col("mql_at").is_null())
        .then(None)
        .when(pl.col("u_disp") < p_reject)
        .then(pl.lit("rejected"))
        .when(pl.col("u_disp") < p_reject + p_recycle)
        .then(pl.lit("recycled"))
        .otherwise(pl.lit("accepted"))
    )
    f = f.with_columns(disp.alias("disposition"))
    # Speed to lead: Friday-afternoon and weekend hand-offs wait for Monday; Sam is slow.
    weekday = pl.col("mql_at").dt.weekday()
    late_week = (weekday >= 6) | ((weekday == 5) & (pl.col("mql_at").dt.hour() >= 12))
    rep = pl.Series(REPS).gather(lds["rep_idx"])
    f = f.with_columns(rep.alias("rep"))
    delay = pl.col("delay_h") * pl.when(pl.col("rep") == "Sam Ortiz").then(6.0).otherwise(1.0)
    delay = delay + pl.when(late_week).then(58.0).otherwise(0.0)
    delay = pl.when(pl.col("demo")).then(delay * 0.3).otherwise(delay)
    first_touch = pl.col("mql_at") + pl.duration(seconds=(delay * 3600).cast(pl.Int64))
    f = f.with_columns(
        pl.when(pl.col("mql_at").is_not_null()).then(first_touch).alias("first_touch_at"),
    )
    decided = pl.col("first_touch_at") + pl.duration(
        hours=(pl.col("sql_lag_d") * 24).cast(pl.Int64)
    )
    f = f.with_columns(decided.alias("disposition_at"))
    f = f.with_columns(
        pl.when(pl.col("disposition_at") > END)
        .then(None)
        .otherwise(pl.col("disposition"))
        .alias("disposition"),
    )
    # Reasons: purchased lists fail on fit and responsiveness; Dana rarely gives a reason.
    reason_keys = list(REASONS)
    cum = np.cumsum(REASON_P) / np.sum(REASON_P)
    reason_idx = np.searchsorted(cum, f["u_reason"].to_numpy(), side="right")
    reason_idx = np.minimum(reason_idx, len(reason_keys) - 1)
    label_pick = (f["u_missing"].to_numpy() * 1000).astype(int)
    labels = [
        REASONS[reason_keys[i]][k % len(REASONS[reason_keys[i]])]
        for i, k in zip(reason_idx, label_pick, strict=True)
    ]
    f = f.with_columns(pl.Series("reason_label", labels))
    recycle_label = pl.Series(
        [["Bad timing - revisit in 6 months", "Not now"][k % 2] for k in label_pick]
    )
    missing = (
        pl.when(pl.col("rep") == "Dana Whitfield")
        .then(pl.col("u_missing") < 0.8)
        .otherwise(pl.col("u_missing") < 0.04)
    )
    f = f.with_columns(
        pl.when(pl.col("disposition") == "rejected")
        .then(pl.when(missing).then(None).otherwise(pl.col("reason_label")))
        .when(pl.col("disposition") == "recycled")
        .then(recycle_label)
        .alias("reason")
    )
    # Accepted leads: SQL, then opportunity, then won or lost.
    p_sql = (0.35 + 0.40 * pl.col("signal_qualified").cast(pl.Float64)).clip(0, 0.95)
    sql_at = pl.col("disposition_at") + pl.duration(hours=(pl.col("sql_lag_d") * 12).cast(pl.Int64))
    f = f.with_columns(
        pl.when((pl.col("disposition") == "accepted") & (pl.col("u_sql") < p_sql) & (sql_at <= END))
        .then(sql_at)
        .alias("sql_at")
    )
    opp_at = pl.col("sql_at") + pl.duration(hours=(pl.col("opp_lag_d") * 24).cast(pl.Int64))
    f = f.with_columns(
        pl.when(pl.col("sql_at").is_not_null() & (pl.col("u_opp") < 0.55) & (opp_at <= END))
        .then(opp_at)
        .alias("opportunity_at")
    )
    close_at = pl.col("opportunity_at") + pl.duration(
        hours=(pl.col("close_lag_d") * 24).cast(pl.Int64)
    )
    p_win = 0.22 + 0.18 * pl.col("signal_qualified").cast(pl.Float64)
    f = f.with_columns(
        pl.when(pl.col("opportunity_at").is_not_null() & (close_at <= END))
        .then(close_at)
        .alias("closed_at"),
    )
    f = f.with_columns(
        pl.when(pl.col("closed_at").is_not_null()).then(pl.col("u_win") < p_win).alias("is_won")
    )
    stage = (
        pl.when(pl.col("is_won"))
        .then(pl.lit("customer"))
        .when(pl.col("opportunity_at").is_not_null())
        .then(pl.lit("opportunity"))
        .when(pl.col("sql_at").is_not_null())
        .then(pl.lit("salesqualifiedlead"))
        .when(pl.col("mql_at").is_not_null())
        .then(pl.lit("marketingqualifiedlead"))
        .when(pl.col("n_acts") > 0)
        .then(pl.lit("lead"))
        .otherwise(pl.lit("subscriber"))
    )
    return f.with_columns(stage.alias("lifecycle"))


def _fmt_hubspot(col: str) -> pl.Expr:
    return pl.col(col).dt.strftime("%Y-%m-%d %H:%M")


def _fmt_sf(col: str) -> pl.Expr:
    # Salesforce US-locale report: 3/5/2026 2:22 PM (no leading zeros)
    c = pl.col(col)
    date = pl.format("{}/{}/{}", c.dt.month(), c.dt.day(), c.dt.year())
    hour = c.dt.hour()
    h12 = pl.when(hour % 12 == 0).then(12).otherwise(hour % 12)
    ampm = pl.when(hour < 12).then(pl.lit("AM")).otherwise(pl.lit("PM"))
    return pl.when(c.is_not_null()).then(
        pl.format("{} {}:{} {}", date, h12, c.dt.minute().cast(pl.String).str.zfill(2), ampm)
    )


LIFECYCLE_LABEL = {
    "subscriber": "Subscriber",
    "lead": "Lead",
    "marketingqualifiedlead": "Marketing Qualified Lead",
    "salesqualifiedlead": "Sales Qualified Lead",
    "opportunity": "Opportunity",
    "customer": "Customer",
}


def with_duplicates(rng: np.random.RandomState, f: pl.DataFrame) -> pl.DataFrame:
    """Re-created contacts: same person, new record id, email typed with other case/spaces."""
    pick = np.sort(rng.choice(f.height, size=N_DUPLICATES, replace=False))
    dup = f[pick].with_columns(
        (pl.col("lead_id").cast(pl.Int64) + 100_000_000).cast(pl.String).alias("lead_id"),
        (pl.lit(" ") + pl.col("email").str.to_uppercase()).alias("email"),
        (pl.col("created_at") - pl.duration(days=30)).alias("created_at"),
        pl.lit(None, dtype=pl.Datetime("us")).alias("last_activity_at"),
        pl.lit(None, dtype=pl.String).alias("title"),
        pl.lit("subscriber").alias("lifecycle"),
        pl.lit(None, dtype=pl.Datetime("us")).alias("mql_at"),
        pl.lit(None, dtype=pl.Datetime("us")).alias("sql_at"),
        pl.lit(None, dtype=pl.Datetime("us")).alias("opportunity_at"),
    )
    return pl.concat([f, dup]).sort("created_at", "lead_id")


def hubspot_export(f: pl.DataFrame) -> pl.DataFrame:
    return f.select(
        pl.col("lead_id").alias("Record ID"),
        pl.col("first_name").alias("First Name"),
        pl.col("last_name").alias("Last Name"),
        pl.col("email").alias("Email"),
        pl.col("title").alias("Job Title"),
        pl.col("company").alias("Company Name"),
        pl.col("industry").alias("Industry"),
        pl.col("employees").alias("Number of Employees"),
        pl.col("annual_revenue").cast(pl.Int64).alias("Annual Revenue"),
        pl.col("country").alias("Country/Region"),
        pl.col("lead_source").alias("Original Source"),
        pl.col("lifecycle").replace_strict(LIFECYCLE_LABEL).alias("Lifecycle Stage"),
        pl.col("rep").alias("Contact owner"),
        _fmt_hubspot("created_at").alias("Create Date"),
        _fmt_hubspot("last_activity_at").alias("Last Activity Date"),
        _fmt_hubspot("mql_at").alias("Became a Marketing Qualified Lead Date"),
        _fmt_hubspot("sql_at").alias("Became a Sales Qualified Lead Date"),
        _fmt_hubspot("opportunity_at").alias("Became an Opportunity Date"),
        ("https://www." + pl.col("domain")).alias("Website URL"),
    )


SF_STATUS = {
    "subscriber": "Open - Not Contacted",
    "lead": "Open - Not Contacted",
    "marketingqualifiedlead": "Working - Contacted",
    "salesqualifiedlead": "Qualified",
    "opportunity": "Closed - Converted",
    "customer": "Closed - Converted",
}


def salesforce_export(rng: np.random.RandomState, f: pl.DataFrame) -> str:
    # 18-character ids; two planted ids differ only by case, as real Salesforce ids can.
    alphabet = np.asarray(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    tails = rng.choice(alphabet, size=(f.height, 12))
    ids = ["00Q5g0" + "".join(t) for t in tails]
    ids[1] = ids[0][:-1] + (ids[0][-1].swapcase() if ids[0][-1].isalpha() else "x")
    ids[0] = ids[0][:-1] + ("X" if not ids[0][-1].isalpha() else ids[0][-1])
    ids[1] = ids[0][:-1] + ids[0][-1].swapcase()
    table = f.with_columns(pl.Series("sf_id", ids)).select(
        pl.col("rep").alias("Lead Owner"),
        pl.col("sf_id").alias("Lead ID"),
        pl.col("first_name").alias("First Name"),
        pl.col("last_name").alias("Last Name"),
        pl.col("title").alias("Title"),
        pl.col("company").alias("Company / Account"),
        pl.col("email").alias("Email"),
        pl.col("lead_source").alias("Lead Source"),
        pl.col("lifecycle").replace_strict(SF_STATUS).alias("Lead Status"),
        pl.col("industry").alias("Industry"),
        pl.col("employees").alias("No. of Employees"),
        pl.format("USD {}", pl.col("annual_revenue").cast(pl.Int64)).alias("Annual Revenue"),
        pl.col("country_code").alias("Country"),
        _fmt_sf("created_at").alias("Create Date"),
        pl.col("opportunity_at").is_not_null().alias("Converted"),
        _fmt_sf("opportunity_at").alias("Converted Date"),
    )
    body = table.write_csv(quote_style="always", line_terminator="\r\n")
    footer = (
        '""\r\n'
        f'"Grand Totals ({table.height} records)"\r\n'
        '""\r\n""\r\n'
        '"Confidential Information - Do Not Distribute"\r\n""\r\n'
        '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\r\n'
    )
    return body + footer


def stage_history(f: pl.DataFrame) -> pl.DataFrame:
    def rows(stage: str, col: str, cond: pl.Expr | None = None) -> pl.DataFrame:
        sel = f.filter(pl.col(col).is_not_null() if cond is None else cond)
        return sel.select("lead_id", pl.lit(stage).alias("stage"), pl.col(col).alias("entered_at"))

    recycled = pl.col("disposition") == "recycled"
    # Some recycled leads come back: re-entering MQL 90 days later (a regression and re-entry).
    back = (
        f.filter(recycled & (pl.col("u_sql") < 0.3))
        .select(
            "lead_id",
            pl.lit("mql").alias("stage"),
            (pl.col("disposition_at") + pl.duration(days=90)).alias("entered_at"),
        )
        .filter(pl.col("entered_at") <= END)
    )
    # A fifth of SQLs skip SAL in the CRM (sales qualified straight away).
    skip_sal = pl.col("u_opp") < 0.2
    parts = [
        rows("lead", "created_at"),
        rows("mql", "mql_at"),
        rows(
            "sal",
            "disposition_at",
            (pl.col("disposition") == "accepted") & ~(pl.col("sql_at").is_not_null() & skip_sal),
        ),
        rows("recycled", "disposition_at", recycled),
        rows("disqualified", "disposition_at", pl.col("disposition") == "rejected"),
        back,
        rows("sql", "sql_at"),
        rows("opportunity", "opportunity_at"),
        rows("won", "closed_at", pl.col("is_won")),
        rows("lost", "closed_at", ~pl.col("is_won")),
    ]
    return (
        pl.concat(parts).filter(pl.col("entered_at") <= END).sort("lead_id", "entered_at", "stage")
    )


def write(out: Path, name: str, frame: pl.DataFrame | str) -> None:
    path = out / name
    if isinstance(frame, str):
        path.write_bytes(frame.encode("utf-8"))
    else:
        path.write_bytes(frame.write_csv(datetime_format="%Y-%m-%dT%H:%M:%SZ").encode("utf-8"))


def generate(out: Path, seed: int = 7) -> None:
    rng = np.random.RandomState(seed)
    comp = companies(rng)
    sig = signals(rng, comp)
    lds = leads(rng, comp)
    acts = activities(rng, lds)
    f = funnel(lds, acts, sig)
    f = with_duplicates(rng, f)
    out.mkdir(parents=True, exist_ok=True)
    write(out, "hubspot_contacts.csv", hubspot_export(f))
    write(
        out,
        "salesforce_leads.csv",
        salesforce_export(rng, f.filter(pl.col("lead_id").str.len_chars() == 8)),
    )
    write(out, "activities.csv", acts)
    write(out, "signals.csv", sig)
    handed = f.filter(pl.col("mql_at").is_not_null())
    write(
        out,
        "dispositions.csv",
        handed.select(
            "lead_id",
            pl.col("disposition").fill_null("open"),
            "reason",
            "rep",
            pl.col("mql_at").alias("handed_off_at"),
            "first_touch_at",
            pl.when(pl.col("disposition").is_not_null())
            .then(pl.col("disposition_at"))
            .alias("disposition_at"),
        ).sort("handed_off_at", "lead_id"),
    )
    write(out, "stage_history.csv", stage_history(f))
    opps = f.filter(pl.col("opportunity_at").is_not_null()).sort("opportunity_at", "lead_id")
    write(
        out,
        "opportunities.csv",
        opps.with_row_index("n", offset=1).select(
            pl.format("OPP-{}", pl.col("n").cast(pl.String).str.zfill(5)).alias("opportunity_id"),
            "lead_id",
            pl.format("{} - new business", pl.col("company")).alias("name"),
            pl.when(pl.col("is_won"))
            .then(pl.lit("Closed Won"))
            .when(~pl.col("is_won"))
            .then(pl.lit("Closed Lost"))
            .otherwise(pl.lit("Proposal"))
            .alias("stage"),
            pl.col("amount"),
            pl.col("opportunity_at").alias("created_at"),
            "closed_at",
            pl.col("closed_at").is_not_null().alias("is_closed"),
            pl.col("is_won").fill_null(False),
            pl.col("rep").alias("owner"),
            "lead_source",
        ),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="sample_data", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.seed)


if __name__ == "__main__":
    main()
