"""The lead fields revq derives at load (revq.core.derive), in an engine: the email
normalised, its domain, whether it is a personal address, the account key, and a lead id from
the email for a lead without one."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from revq.core.derive import PERSONAL_DOMAINS
from revq.core.schema import ACCOUNT_KEY, EMAIL_DOMAIN, EMAIL_NORMALISED, IS_PERSONAL_EMAIL
from revq.engines.load.text import Text


def website_domain(text: Text, value: ir.StringValue) -> ir.StringValue:
    """'https://www.Acme.com/about' -> 'acme.com'."""
    host = text.lower(text.strip(value))
    host = host.re_replace("^[a-z][a-z0-9+.-]*://", "").re_replace("^www[.]", "")
    host = host.re_replace("[/?#:].*$", "").re_replace("^[.]+|[.]+$", "")
    return host.nullif("")


def derive_lead_fields(
    leads: ir.Table, text: Text, personal_domains: tuple[str, ...] = ()
) -> ir.Table:
    """email_normalised, email_domain, is_personal_email and account_key added, and lead_id
    filled from the email where a lead has none (see revq.core.derive.derive_lead_fields)."""
    domains = sorted(set(PERSONAL_DOMAINS) | {d.strip().lower() for d in personal_domains})
    columns = set(leads.columns)
    email = leads["email"] if "email" in columns else ibis.null("string")
    normalised = text.lower(text.strip(email))
    not_space = f"[^@{text.ws}]"
    valid = normalised.re_search(f"^{not_space}+@{not_space}+[.]{not_space}+$")
    leads = leads.mutate(
        **{EMAIL_NORMALISED: ibis.cases((valid, normalised), else_=ibis.null("string"))}
    )
    at = leads[EMAIL_NORMALISED].find("@")
    leads = leads.mutate(**{EMAIL_DOMAIN: leads[EMAIL_NORMALISED].substr(at + 1)})
    leads = leads.mutate(**{IS_PERSONAL_EMAIL: leads[EMAIL_DOMAIN].isin(domains)})
    if "email" in columns:
        written = text.blank_to_null(text.strip(leads["email"]))
        ids = [leads["lead_id"]] if "lead_id" in columns else []
        leads = leads.mutate(lead_id=ibis.coalesce(*ids, leads[EMAIL_NORMALISED], written))
    website = leads["website"] if "website" in columns else ibis.null("string")
    own_domain = ibis.cases(
        (~leads[IS_PERSONAL_EMAIL], leads[EMAIL_DOMAIN]), else_=ibis.null("string")
    )
    return leads.mutate(**{ACCOUNT_KEY: ibis.coalesce(website_domain(text, website), own_domain)})
