"""Realistic scoring inputs for the benchmark: a HubSpot contacts export with re-created
duplicates, an activities export and an account signals export, with the headers and value
formats of the sample project's exports (sample_data/*.csv), so that revq's own loader,
preset, dedupe and the sample scoring config (configs/scoring.yaml) all do their real work.

Each input is written twice, as CSV (as an export arrives) and as Parquet (as a warehouse
sync lands it, with typed columns). Everything is drawn with numpy and built with polars
expressions, a chunk of rows at a time, never a Python loop over rows; the same seed gives the
same files (with the same numpy and polars). Files are cached: a data set already on disk is
reused.

What the scoring config gets to work on:
- titles for the seniority lookup, employees for the size ranges and the enterprise segment,
  industries and countries for the list rules (some unserved), personal email domains;
- the gates: competitor domains, students, the Education industry;
- events over the year before the as-of day (about two thirds inside the 120-day window), of
  every kind the event rules score (demo requests, pricing and blog pages, comparison sites,
  case studies, webinars, email clicks), with the g2 channel weight;
- signals by account (the company's website domain) in the 90-day window and outside it;
- routing: a third of the leads have no owner, so the round robin assigns them, by country.

    python bench/realistic_data.py [--data DIR] [--leads N] [--activities N] [--signals N]
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import polars as pl

# Bumped whenever what is generated changes, so a cache of an older layout is not reused.
LAYOUT = 1
START = datetime(2025, 11, 1)
END = datetime(2026, 10, 31, 23, 59, 59)
AS_OF = "2026-10-31"
# Leads per company, and re-created contacts per lead (the sample project: 60 per 5,000).
LEADS_PER_COMPANY = 15
DUPLICATE_SHARE = 0.012
UNOWNED_SHARE = 0.33
# Activities of leads the contacts export no longer has (deleted contacts).
ORPHAN_SHARE = 0.005
CHUNK = 5_000_000
# Record ids are 100M + 37 per lead (with gaps, as a CRM's are); a re-created contact's is its
# original's plus this, which no original reaches below MAX_LEADS.
ID_STRIDE = 37
RECREATED_ID_OFFSET = 500_000_000
MAX_LEADS = (RECREATED_ID_OFFSET - 100_000_000) // ID_STRIDE

FIRST = ["Ava", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"]
FIRST += ["Kara", "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sven", "Tara"]
FIRST += ["Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe", "José", "Zoë", "Åsa", "Łukasz"]
LAST = ["Adams", "Baker", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ivanova"]
LAST += ["Jensen", "Kowalski", "Lopez", "Müller", "Nakamura", "O'Brien", "Patel", "Quist"]
LAST += ["Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Walsh", "Xu", "Young", "Zimmermann"]
WORDS = ["Acme", "Apex", "Beacon", "Bright", "Cobalt", "Crest", "Delta", "Ember", "Falcon"]
WORDS += ["Granite", "Harbor", "Helix", "Indigo", "Juniper", "Keystone", "Lumen", "Meridian"]
WORDS += ["Nimbus", "Onyx", "Orbit", "Pioneer", "Quantum", "Redwood", "Summit", "Tidal"]
SUFFIXES = ["Labs", "Systems", "Analytics", "Health", "Logistics", "Capital", "Works", "Cloud"]
INDUSTRIES = {
    "Software": 0.30,
    "Financial Services": 0.15,
    "Healthcare": 0.12,
    "Manufacturing": 0.12,
    "Retail": 0.10,
    "Education": 0.08,
    "Media": 0.07,
    "Logistics": 0.06,
}
COUNTRIES = {
    "United States": 0.42,
    "United Kingdom": 0.14,
    "Germany": 0.10,
    "France": 0.07,
    "Canada": 0.07,
    "Australia": 0.05,
    "India": 0.08,
    "Brazil": 0.05,
    "Namibia": 0.02,
}
# (title, how active its holder is); a re-created contact has no title
TITLES = {
    "Chief Revenue Officer": (0.03, 3),
    "CMO": (0.03, 3),
    "VP Marketing": (0.05, 3),
    "VP of Sales": (0.04, 3),
    "Director of Marketing": (0.08, 2),
    "Head of Revenue Operations": (0.05, 2),
    "Director, Demand Generation": (0.05, 2),
    "Marketing Manager": (0.13, 1),
    "Sales Manager": (0.09, 1),
    "RevOps Manager": (0.06, 1),
    "Marketing Analyst": (0.12, 0),
    "Marketing Coordinator": (0.10, 0),
    "Sales Development Rep": (0.07, 0),
    "Marketing Intern": (0.05, 0),
    "Student": (0.05, 0),
}
SOURCES = {
    "Organic Search": 0.20,
    "Paid Search": 0.16,
    "Paid Social": 0.12,
    "Webinar": 0.10,
    "Content Syndication": 0.10,
    "Purchased List": 0.12,
    "Referral": 0.06,
    "Events": 0.06,
    "Direct Traffic": 0.08,
}
LIFECYCLE = {
    "Subscriber": 0.35,
    "Lead": 0.30,
    "Marketing Qualified Lead": 0.20,
    "Sales Qualified Lead": 0.08,
    "Opportunity": 0.04,
    "Customer": 0.03,
}
PERSONAL = {"gmail.com": 0.5, "yahoo.com": 0.15, "hotmail.com": 0.15, "outlook.com": 0.1}
PERSONAL |= {"icloud.com": 0.1}
PERSONAL_SHARE = 0.12
COMPETITORS = ["rivalsoft.com", "pipelinepro.io"]
COMPETITOR_SHARE = 0.002
REPS = ["Alex Kim", "Dana Whitfield", "Sam Ortiz", "Priya Raman", "Marco Bianchi", "Lena Vogel"]
# (activity_type, channel, detail): weight
ACTIVITIES = {
    ("page_view", "website", "/blog/lead-scoring-101"): 0.26,
    ("page_view", "website", "/pricing"): 0.10,
    ("Visit Webpage", "website", "/pricing/enterprise"): 0.02,
    ("email_open", "email", "Monthly newsletter"): 0.20,
    ("email_click", "email", "Webinar invite"): 0.08,
    ("Click Email", "email", "Product update"): 0.02,
    ("content_download", "website", "Case study: Meridian Health"): 0.08,
    ("content_download", "website", "Whitepaper: The MQL is dead"): 0.06,
    ("webinar_attended", "webinar", "Fixing the MQL handoff"): 0.06,
    ("comparison_site_visit", "g2", "G2 category comparison"): 0.05,
    ("demo_request", "website", "/demo"): 0.03,
}
SIGNALS = {
    "executive_hire": ("New Chief Revenue Officer appointed", 0.22),
    "funding": ("Raised a Series B round", 0.22),
    "strategic_hiring": ("Hiring 4 revenue operations roles", 0.26),
    "filing_language": ("Annual report cites pipeline efficiency as a priority", 0.12),
    "expansion": ("Opened a new office in a new region", 0.18),
}
SIGNAL_SOURCES = {"press release": 0.3, "LinkedIn": 0.35, "news": 0.25, "SEC filing": 0.1}

DAY_SECONDS = 86_400
YEAR_SECONDS = int((END - START).total_seconds())


@dataclass(frozen=True)
class DataSet:
    """Where one generated data set's files are: the leads and signals shared by every count
    of activities, and the activities of one count."""

    folder: Path
    leads: int
    activities: int
    signals: int

    def path(self, table: str, fmt: str) -> Path:
        name = {"leads": "hubspot_contacts", "signals": "signals"}.get(table)
        stem = name or f"activities-{self.activities}"
        return self.folder / f"{stem}.{fmt}"

    def files(self, fmt: str) -> dict[str, Path]:
        return {t: self.path(t, fmt) for t in ("leads", "activities", "signals")}


def _pick(rng: np.random.Generator, options: dict[str, float] | list[str], n: int) -> pl.Series:
    """n values drawn from the options (with their weights, when given), as a Categorical
    gathered from a short list rather than n Python strings."""
    names = list(options)
    weights = np.asarray(
        list(options.values()) if isinstance(options, dict) else [1.0] * len(names)
    )
    index = rng.choice(len(names), size=n, p=weights / weights.sum())
    return pl.Series(names, dtype=pl.String).gather(pl.Series(index, dtype=pl.UInt32))


def _times(seconds: np.ndarray) -> pl.Series:
    """Whole seconds after START as datetimes."""
    epoch = int(START.replace(tzinfo=UTC).timestamp())
    return pl.Series((seconds.astype(np.int64) + epoch) * 1_000_000).cast(pl.Datetime("us"))


def make_companies(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """n companies with unique names and website domains."""
    k = pl.int_range(n, eager=True)
    word = pl.Series(WORDS).gather(k % len(WORDS))
    suffix = pl.Series(SUFFIXES).gather((k // len(WORDS)) % len(SUFFIXES))
    round_ = k // (len(WORDS) * len(SUFFIXES))
    name = word + " " + suffix + pl.when(round_ > 0).then(" " + round_.cast(pl.String))
    name = pl.select(pl.coalesce(name, word + " " + suffix)).to_series()
    employees = np.clip(np.round(np.exp(rng.normal(5.3, 1.5, n))), 3, 60_000).astype(np.int64)
    return pl.DataFrame(
        {
            "company": name,
            "domain": name.str.to_lowercase().str.replace_all(" ", "", literal=True) + ".com",
            "industry": _pick(rng, INDUSTRIES, n),
            "employees": employees,
            "annual_revenue": np.round(employees * rng.uniform(90_000, 260_000, n), -3).astype(
                np.int64
            ),
            "country": _pick(rng, COUNTRIES, n),
        }
    )


def make_leads(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """n leads (typed, canonical names), then their re-created duplicates, in creation order."""
    comp = make_companies(rng, max(n // LEADS_PER_COMPANY, 1))
    which = rng.integers(0, comp.height, n)
    # More leads come in as the year goes on.
    created = np.floor(YEAR_SECONDS * np.sqrt(rng.uniform(0.05, 1.0, n)))
    last_activity = created + rng.exponential(40 * DAY_SECONDS, n)
    has_activity = (rng.uniform(size=n) > 0.06) & (last_activity < YEAR_SECONDS)
    title_names = list(TITLES)
    title_weights = np.asarray([w for w, _ in TITLES.values()])
    title = rng.choice(len(title_names), size=n, p=title_weights / title_weights.sum())
    email_domain = pl.select(
        pl.when(pl.lit(rng.uniform(size=n) < PERSONAL_SHARE))
        .then(pl.lit(_pick(rng, PERSONAL, n)))
        .when(pl.lit(rng.uniform(size=n) < COMPETITOR_SHARE))
        .then(pl.lit(_pick(rng, COMPETITORS, n)))
        .otherwise(pl.lit(comp["domain"].gather(which)))
    ).to_series()
    first, last = _pick(rng, FIRST, n), _pick(rng, LAST, n)
    # Distinct 9-digit record ids in increasing order, with gaps as a CRM's have.
    ids = 100_000_000 + np.arange(n, dtype=np.int64) * ID_STRIDE + rng.integers(0, ID_STRIDE, n)
    frame = pl.DataFrame(
        {
            "lead_id": ids,
            "first_name": first,
            "last_name": last,
            "title": pl.Series(title_names).gather(title),
            "tier": np.asarray([t for _, t in TITLES.values()])[title],
            "lead_source": _pick(rng, SOURCES, n),
            "lifecycle": _pick(rng, LIFECYCLE, n),
            "owner": pl.Series(REPS).gather(rng.integers(0, len(REPS), n)),
            "owned": rng.uniform(size=n) > UNOWNED_SHARE,
            "created_at": _times(created),
            "last_activity_at": _times(last_activity),
            "has_activity": has_activity,
            "mql_days": rng.exponential(9, n),
            "mql": rng.uniform(size=n) < 0.35,
            "email_domain": email_domain,
        }
    ).hstack(comp.select(pl.all().gather(which)))
    return (
        frame.with_columns(
            # a number keeps namesakes at one company apart: the only repeats are re-created ones
            pl.format(
                "{}.{}{}@{}",
                pl.col("first_name"),
                pl.col("last_name"),
                pl.col("lead_id") % 100_000,
                pl.col("email_domain"),
            )
            .str.to_lowercase()
            .str.replace_all("[^a-z0-9.@]", "")
            .alias("email"),
            pl.when("owned").then("owner").alias("owner"),
            pl.when("has_activity").then("last_activity_at").alias("last_activity_at"),
            pl.when("mql")
            .then(pl.col("created_at") + pl.duration(days=pl.col("mql_days").cast(pl.Int64)))
            .alias("mql_at"),
        )
        .pipe(_with_duplicates, rng)
        .sort("created_at", "lead_id")
    )


def _with_duplicates(frame: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    """Re-created contacts, as in the sample project: the same person under a new record id, the
    email typed in capitals after a space, created a month earlier, without title or activity."""
    picked = rng.uniform(size=frame.height) < DUPLICATE_SHARE
    dup = frame.filter(pl.Series(picked)).with_columns(
        pl.col("lead_id") + RECREATED_ID_OFFSET,
        (" " + pl.col("email").str.to_uppercase()).alias("email"),
        pl.col("created_at") - pl.duration(days=30),
        pl.lit(None, dtype=pl.Datetime("us")).alias("last_activity_at"),
        pl.lit(None, dtype=pl.String).alias("title"),
        pl.lit("Subscriber").alias("lifecycle"),
        pl.lit(None, dtype=pl.Datetime("us")).alias("mql_at"),
    )
    return pl.concat([frame, dup])


def hubspot_export(frame: pl.DataFrame) -> pl.DataFrame:
    """The leads under the HubSpot contacts export's headers, typed (times in UTC)."""
    return frame.select(
        pl.col("lead_id").alias("Record ID"),
        pl.col("first_name").alias("First Name"),
        pl.col("last_name").alias("Last Name"),
        pl.col("email").alias("Email"),
        pl.col("title").alias("Job Title"),
        pl.col("company").alias("Company Name"),
        pl.col("industry").alias("Industry"),
        pl.col("employees").alias("Number of Employees"),
        pl.col("annual_revenue").alias("Annual Revenue"),
        pl.col("country").alias("Country/Region"),
        pl.col("lead_source").alias("Original Source"),
        pl.col("lifecycle").alias("Lifecycle Stage"),
        pl.col("owner").alias("Contact owner"),
        pl.col("created_at").alias("Create Date"),
        pl.col("last_activity_at").alias("Last Activity Date"),
        pl.col("mql_at").alias("Became a Marketing Qualified Lead Date"),
        pl.lit(None, dtype=pl.Datetime("us")).alias("Became a Sales Qualified Lead Date"),
        pl.lit(None, dtype=pl.Datetime("us")).alias("Became an Opportunity Date"),
        ("https://www." + pl.col("domain")).alias("Website URL"),
    ).with_columns(pl.col(pl.Datetime).dt.replace_time_zone("UTC"))


def make_signals(rng: np.random.Generator, frame: pl.DataFrame, n: int) -> pl.DataFrame:
    """n account signals, on the companies the leads work at, over the year."""
    accounts = frame.select("domain", "company").unique("domain").sort("domain")
    which = pl.Series(rng.integers(0, accounts.height, n))
    kind = _pick(rng, {k: w for k, (_, w) in SIGNALS.items()}, n)
    when = rng.integers(0, YEAR_SECONDS, n)
    return pl.DataFrame(
        {
            "account_key": accounts["domain"].gather(which),
            "company": accounts["company"].gather(which),
            "signal_type": kind,
            "occurred_at": _times(when).dt.replace_time_zone("UTC"),
            "source": _pick(rng, SIGNAL_SOURCES, n),
            "detail": kind.replace_strict({k: d for k, (d, _) in SIGNALS.items()}),
        }
    ).sort("occurred_at", "account_key")


def activity_chunk(
    seed: int, chunk: int, rows: int, first_id: int, frame: pl.DataFrame, cumulative: np.ndarray
) -> pl.DataFrame:
    """One chunk of the activities export: each event's lead drawn with the weight of how
    active a lead of its kind is (`cumulative`, over the leads that were not re-created), a
    few of leads since deleted, its time after the lead was created."""
    rng = np.random.default_rng([seed, 1, chunk])
    owner = np.searchsorted(cumulative, rng.uniform(0, cumulative[-1], rows), side="right")
    ids = frame["lead_id"].to_numpy()[owner]
    orphan = rng.uniform(size=rows) < ORPHAN_SHARE
    ids = np.where(orphan, ids + 1, ids)  # ids fall on a stride: id + 1 is no lead's
    created = frame["created_seconds"].to_numpy()[owner]
    offset = rng.exponential(30 * DAY_SECONDS, rows)
    when = created + offset
    # an event after the export was taken wraps back into the lead's life
    when = np.where(
        when > YEAR_SECONDS, created + (when - created) % (YEAR_SECONDS - created + 1), when
    )
    kinds = list(ACTIVITIES)
    weights = np.asarray(list(ACTIVITIES.values()))
    kind = pl.Series(rng.choice(len(kinds), size=rows, p=weights / weights.sum()), dtype=pl.UInt32)
    number = pl.int_range(first_id, first_id + rows, eager=True)
    return pl.DataFrame(
        {
            "activity_id": pl.select(
                pl.format("A{}", pl.lit(number).cast(pl.String).str.zfill(9))
            ).to_series(),
            "lead_id": ids,
            "activity_type": pl.Series([k[0] for k in kinds]).gather(kind),
            "occurred_at": _times(np.floor(when)).dt.replace_time_zone("UTC"),
            "channel": pl.Series([k[1] for k in kinds]).gather(kind),
            "detail": pl.Series([k[2] for k in kinds]).gather(kind),
        }
    )


def _write_csv(
    frame: pl.DataFrame, path: Path, *, header: bool = True, append: bool = False
) -> None:
    """As the sample project's exports write them: times as 2026-01-21T14:16:54Z, except the
    HubSpot contacts' dates, as 2026-01-21 14:16."""
    hubspot = "Record ID" in frame.columns
    frame = frame.with_columns(
        pl.col(pl.Datetime).dt.strftime("%Y-%m-%d %H:%M" if hubspot else "%Y-%m-%dT%H:%M:%SZ")
    )
    with path.open("ab" if append else "wb") as out:
        frame.write_csv(out, include_header=header)


def _publish(parts: list[Path]) -> None:
    """Files are written under a temporary name and take their own last, so an interrupted
    run leaves no file that looks complete."""
    for part in parts:
        part.rename(part.with_name(part.name.removesuffix(".partial")))


def ensure(root: Path, *, leads: int, activities: int, signals: int, seed: int) -> DataSet:
    """The data set's files under `root`, generated unless already there."""
    if not 0 < leads <= MAX_LEADS:
        raise ValueError(f"leads: 1 to {MAX_LEADS:,}")
    folder = root / f"v{LAYOUT}-seed{seed}-leads{leads}-signals{signals}"
    data = DataSet(folder, leads, activities, signals)
    folder.mkdir(parents=True, exist_ok=True)
    if not all(
        p.exists()
        for t in ("leads", "signals")
        for p in (data.path(t, "csv"), data.path(t, "parquet"))
    ):
        rng = np.random.default_rng([seed, 0])
        frame = make_leads(rng, leads)
        export = hubspot_export(frame)
        sig = make_signals(rng, frame, signals)
        written = []
        for table, typed in (("leads", export), ("signals", sig)):
            csv, parquet = (Path(f"{data.path(table, f)}.partial") for f in ("csv", "parquet"))
            _write_csv(typed, csv)
            typed.write_parquet(parquet)
            written += [csv, parquet]
        _publish(written)
    if not all(data.path("activities", f).exists() for f in ("csv", "parquet")):
        _write_activities(data, seed)
    return data


def _active_leads(data: DataSet, seed: int) -> tuple[pl.DataFrame, np.ndarray]:
    """The leads events are drawn for (the ones not re-created) and their cumulative weights."""
    frame = (
        pl.read_parquet(
            data.path("leads", "parquet"), columns=["Record ID", "Job Title", "Create Date"]
        )
        .filter(pl.col("Record ID") < RECREATED_ID_OFFSET)
        .sort("Record ID")
    )
    rng = np.random.default_rng([seed, 2])
    tier = frame["Job Title"].replace_strict({t: s for t, (_, s) in TITLES.items()}, default=0)
    # how much a lead does: a Poisson draw plus its seniority, as in the sample project
    weight = rng.poisson(3.0, frame.height) + tier.to_numpy() + 0.5
    start = pl.lit(START).dt.replace_time_zone("UTC")
    seconds = frame.select((pl.col("Create Date") - start).dt.total_seconds()).to_series()
    active = pl.DataFrame({"lead_id": frame["Record ID"], "created_seconds": seconds})
    return active, np.cumsum(weight)


def _write_activities(data: DataSet, seed: int) -> None:
    active, cumulative = _active_leads(data, seed)
    csv = Path(f"{data.path('activities', 'csv')}.partial")
    parts = []
    for chunk, first in enumerate(range(0, data.activities, CHUNK)):
        rows = min(CHUNK, data.activities - first)
        frame = activity_chunk(seed, chunk, rows, first + 1, active, cumulative)
        _write_csv(frame, csv, header=chunk == 0, append=chunk > 0)
        part = data.folder / f"activities-{data.activities}.{chunk}.parquet.partial"
        frame.write_parquet(part)
        parts.append(part)
        del frame
    parquet = Path(f"{data.path('activities', 'parquet')}.partial")
    pl.scan_parquet(parts).sink_parquet(parquet)
    for part in parts:
        part.unlink()
    _publish([csv, parquet])


def default_root() -> Path:
    """Where data sets are kept unless told: outside the repository, in the system's temporary
    folder, so a second run reuses them."""
    return Path(tempfile.gettempdir()) / "revq-bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_root(), help="Folder of data sets.")
    parser.add_argument("--leads", type=int, default=1_000_000)
    parser.add_argument("--activities", type=int, default=10_000_000)
    parser.add_argument("--signals", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    data = ensure(
        args.data,
        leads=args.leads,
        activities=args.activities,
        signals=args.signals,
        seed=args.seed,
    )
    for fmt in ("csv", "parquet"):
        for table, path in data.files(fmt).items():
            print(f"{fmt} {table} {path}")


if __name__ == "__main__":
    main()
