"""Derived lead fields: normalised email, email domain, personal-email flag, account key."""

from __future__ import annotations

import polars as pl

from revq.core.schema import ACCOUNT_KEY, EMAIL_DOMAIN, EMAIL_NORMALISED, IS_PERSONAL_EMAIL

# Free-mail and ISP domains: a lead from one of these names a person, not an account.
PERSONAL_DOMAINS: tuple[str, ...] = (
    "163.com",
    "aol.com",
    "att.net",
    "btinternet.com",
    "comcast.net",
    "free.fr",
    "gmail.com",
    "gmx.com",
    "gmx.de",
    "gmx.net",
    "googlemail.com",
    "hey.com",
    "hotmail.co.uk",
    "hotmail.com",
    "hotmail.de",
    "hotmail.fr",
    "icloud.com",
    "libero.it",
    "live.com",
    "mac.com",
    "mail.com",
    "mail.ru",
    "me.com",
    "msn.com",
    "orange.fr",
    "outlook.com",
    "pm.me",
    "proton.me",
    "protonmail.com",
    "qq.com",
    "rediffmail.com",
    "sbcglobal.net",
    "t-online.de",
    "verizon.net",
    "web.de",
    "yahoo.co.in",
    "yahoo.co.uk",
    "yahoo.com",
    "yahoo.de",
    "yahoo.fr",
    "yandex.com",
    "yandex.ru",
    "ymail.com",
    "zoho.com",
)


def _blank_to_null(text: pl.Expr) -> pl.Expr:
    # Not .replace("", None): polars cannot stream a replace, and would hold every lead.
    return pl.when(text != "").then(text)


def website_domain(expr: pl.Expr) -> pl.Expr:
    """'https://www.Acme.com/about' -> 'acme.com'."""
    return _blank_to_null(_website_host(expr))


def _website_host(expr: pl.Expr) -> pl.Expr:
    """The website's host as written, '' when it has none: website_domain before blanks are
    nulls."""
    return (
        expr.str.strip_chars()
        .str.to_lowercase()
        .str.replace(r"^[a-z][a-z0-9+.-]*://", "")
        .str.replace(r"^www\.", "")
        .str.replace(r"[/?#:].*$", "")
        .str.strip_chars(".")
    )


def _working_name(schema: pl.Schema, base: str) -> str:
    """A name for a working column that no column of the export has. (polars computes an
    expression a when/then names twice as many times: each is computed once into a column and
    read from there.)"""
    while base in schema:
        base = f"_{base}"
    return base


def derive_lead_fields(
    lf: pl.LazyFrame, personal_domains: tuple[str, ...] = (), *, fill_lead_ids: bool = False
) -> pl.LazyFrame:
    """Add email_normalised, email_domain, is_personal_email and account_key, and a lead_id
    when the export has none.

    The account key is the company website's domain, else the email domain unless it is a
    personal one; a gmail lead has no account. A lead without an id (an export keyed by email
    alone: a list upload, a webinar's registrants) takes its normalised email as its lead id,
    as written when it is not an address: every join, output and `revq explain` is by lead id.
    `fill_lead_ids` says some rows of a lead_id column are empty (a pass over every id, else).
    """
    domains = sorted(set(PERSONAL_DOMAINS) | {d.strip().lower() for d in personal_domains})
    schema = lf.collect_schema()
    email = pl.col("email") if "email" in schema else pl.lit(None, dtype=pl.String)
    website = pl.col("website") if "website" in schema else pl.lit(None, dtype=pl.String)
    text, host = _working_name(schema, "_normalised_email"), _working_name(schema, "_host")
    lf = lf.with_columns(email.str.strip_chars().str.to_lowercase().alias(text))
    normalised = pl.col(text)
    valid = normalised.str.contains(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")  # never true of a blank
    lf = lf.with_columns(pl.when(valid).then(normalised).alias(EMAIL_NORMALISED))
    lf = lf.drop(text)
    # What follows the @ (a valid address has one). Not str.find then str.slice: find gives a
    # byte offset and slice counts characters, so a letter such as ë before the @ cut the domain.
    domain = pl.col(EMAIL_NORMALISED).str.splitn("@", 2).struct.field("field_1")
    lf = lf.with_columns(domain.alias(EMAIL_DOMAIN))
    lf = lf.with_columns(pl.col(EMAIL_DOMAIN).is_in(domains).alias(IS_PERSONAL_EMAIL))
    if "email" in schema and ("lead_id" not in schema or fill_lead_ids):
        written = _blank_to_null(pl.col("email").str.strip_chars())
        ids = [pl.col("lead_id")] if "lead_id" in schema else []
        lf = lf.with_columns(pl.coalesce(*ids, EMAIL_NORMALISED, written).alias("lead_id"))
    return (
        lf.with_columns(_website_host(website).alias(host))
        .with_columns(
            pl.coalesce(
                _blank_to_null(pl.col(host)),
                pl.when(~pl.col(IS_PERSONAL_EMAIL)).then(pl.col(EMAIL_DOMAIN)),
            ).alias(ACCOUNT_KEY)
        )
        .drop(host)
    )


# Stage names that close an opportunity, letters only: Salesforce "Closed Won", HubSpot
# "closedwon", or plainly "Won".
_WON_STAGES = ("closedwon", "won")
_LOST_STAGES = ("closedlost", "lost")


def derive_opportunity_fields(lf: pl.LazyFrame) -> pl.LazyFrame:
    """is_won and is_closed from the stage name, for an export that has a stage but not those
    flags (a Salesforce report without the Won and Closed columns; a HubSpot deal export).
    Without a stage either, they are unknown (null): no deal is taken as closed."""
    schema = lf.collect_schema()
    if "stage" not in schema:
        unknown = pl.lit(None, dtype=pl.Boolean)
        return lf.with_columns(unknown.alias(c) for c in ("is_won", "is_closed") if c not in schema)
    letters = pl.col("stage").str.to_lowercase().str.replace_all(r"[^a-z]", "")
    won = letters.is_in(_WON_STAGES)
    closed = won | letters.is_in(_LOST_STAGES)
    derived = []
    if "is_won" not in schema:
        derived.append(won.alias("is_won"))
    if "is_closed" not in schema:
        derived.append(closed.alias("is_closed"))
    return lf.with_columns(derived) if derived else lf
