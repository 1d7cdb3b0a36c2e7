"""Records joined to the records they name: a lead to its contact and its account, an
opportunity to its lead through an association table, an event to the lead of the contact it
names. Pure polars: plans in, plans out; the loader says what was matched and what was not."""

from __future__ import annotations

import polars as pl

from revq.core.schema import LINE

# What a joined table's columns mean for the rows it joins into: left canonical column ->
# the joined table's column it is filled from where the row has none.
PERSON_FILLS = {
    c: c
    for c in (
        "email",
        "first_name",
        "last_name",
        "title",
        "company",
        "website",
        "industry",
        "employees",
        "annual_revenue",
        "country",
        "state",
        "city",
    )
}
ACCOUNT_FILLS = {
    "company": "name",
    "website": "website",
    "industry": "industry",
    "employees": "employees",
    "annual_revenue": "annual_revenue",
    "country": "country",
    "state": "state",
    "city": "city",
}
# (table joined into, table joined) -> fills
FILLS: dict[tuple[str, str], dict[str, str]] = {
    ("leads", "leads"): PERSON_FILLS,
    ("leads", "accounts"): ACCOUNT_FILLS,
    ("opportunities", "leads"): {"lead_id": "lead_id"},
    ("opportunities", "accounts"): {"account_id": "account_id"},
}


def key_text(expr: pl.Expr, strip_at: bool = False) -> pl.Expr:
    """A key as the text both sides compare: an `sf data tree export` names a record it refers
    to by `@` and the record's referenceId."""
    text = expr.cast(pl.String).str.strip_chars()
    return text.str.strip_prefix("@") if strip_at else text


def join_record(
    left: pl.LazyFrame,
    right: pl.LazyFrame,
    *,
    on: list[str],
    key: str,
    columns: dict[str, str],
    fills: dict[str, str],
    marker: str,
    key_column: str,
    strip_at: bool = False,
) -> pl.LazyFrame:
    """`left` with the columns of the `right` record each row names, renamed as `columns` says
    (right column -> new name), and `fills` (left column -> right column) filled where the row
    has none. The row's key is the first of its `on` columns that has one; `key_column` keeps
    it and `marker` is true where a record was found, for the counts. `right`'s keys must be
    distinct (see duplicate_keys): a left row never becomes two."""
    found = pl.coalesce([key_text(pl.col(c), strip_at) for c in on]).alias(key_column)
    right_side = right.filter(key_text(pl.col(key)).is_not_null()).select(
        key_text(pl.col(key)).alias(key_column),
        *[pl.col(c).alias(new) for c, new in columns.items()],
        pl.lit(True).alias(marker),
    )
    joined = left.with_columns(found).join(
        right_side, on=key_column, how="left", coalesce=True, nulls_equal=False
    )
    schema = left.collect_schema()
    filled = []
    for target, source in fills.items():
        if source not in columns:
            continue
        value = pl.col(columns[source])
        if target in schema:
            value = pl.coalesce(pl.col(target), value.cast(schema[target], strict=False))
        filled.append(value.alias(target))
    return joined.with_columns(filled) if filled else joined


def duplicate_keys(right: pl.LazyFrame, key: str) -> pl.DataFrame:
    """The keys found on more than one row, each with the line it is first on and the line it
    is on again (the earliest repeat), in line order."""
    keyed = right.select(key_text(pl.col(key)).alias("key"), pl.col(LINE)).drop_nulls("key")
    return (
        keyed.group_by("key")
        .agg(
            pl.col(LINE).min().alias("first"),
            pl.col(LINE).bottom_k(2).max().alias("again"),
            pl.len().alias("rows"),
        )
        .filter(pl.col("rows") > 1)
        .sort("again", "key")
        .drop("rows")
        .collect()
    )


def one_link_each(
    link: pl.LazyFrame, left: str, right: str, left_key: str, right_key: str
) -> pl.LazyFrame:
    """An association table as one record joined per left record (the least id, so the choice
    does not depend on the order of the rows), with how many it pairs that record with."""
    pairs = link.select(
        key_text(pl.col(left)).alias(left_key), key_text(pl.col(right)).alias(right_key)
    ).drop_nulls()
    return pairs.group_by(left_key).agg(
        pl.col(right_key).min(), pl.col(right_key).n_unique().alias("_pairs")
    )


MOVED = "_moved"  # on the events events_of_contacts gave to a lead of their contact


def events_of_contacts(
    events: pl.LazyFrame, leads: pl.LazyFrame, contact_column: str
) -> pl.LazyFrame:
    """Events whose lead id is not a lead's but the id of a lead's contact (an email event of
    the contact a lead names), given to that lead: to each of its leads, when the contact has
    several. MOVED is true on the events given so."""
    ids = leads.select(key_text(pl.col("lead_id")).alias("_key")).drop_nulls().unique()
    contacts = leads.select(
        key_text(pl.col(contact_column)).alias("_key"),
        pl.col("lead_id").cast(pl.String).alias("_lead"),
    ).drop_nulls()
    keyed = events.with_columns(key_text(pl.col("lead_id")).alias("_key"))
    # An event naming a lead is that lead's, whatever contact ids there are.
    of_leads = keyed.join(ids, on="_key", how="semi").with_columns(pl.lit(False).alias(MOVED))
    others = (
        keyed.join(ids, on="_key", how="anti")
        .join(contacts, on="_key", how="left")
        .with_columns(
            pl.coalesce(pl.col("_lead"), pl.col("lead_id")).alias("lead_id"),
            pl.col("_lead").is_not_null().alias(MOVED),
        )
        .drop("_lead")
    )
    return pl.concat([of_leads, others], how="diagonal").drop("_key")
