"""The sample scoring config on the sample data, against an independent DuckDB SQL
implementation of the same rules, written by hand from configs/scoring.yaml."""

from __future__ import annotations

import json

import duckdb
import polars as pl

from tests.conftest import SAMPLE, run_cli

AS_OF = "2026-10-31"
AS_OF_TS = "TIMESTAMPTZ '2026-11-01 00:00:00+00'"  # the end of the as-of day

SQL = f"""
with raw as (
  select *, row_number() over () as line
  from read_csv('{SAMPLE}/hubspot_contacts.csv', all_varchar = true)
),
ranked as (
  select *, row_number() over (
      partition by lower(trim("Email"))
      order by strptime("Last Activity Date", '%Y-%m-%d %H:%M') desc nulls last,
               strptime("Create Date", '%Y-%m-%d %H:%M') desc, line desc) as rn
  from raw
),
leads as (
  select "Record ID" as lead_id, "Job Title" as title, "Industry" as industry,
         "Country/Region" as country, cast("Number of Employees" as bigint) as employees,
         lower(trim("Email")) as email,
         split_part(lower(trim("Email")), '@', 2) as dom,
         regexp_replace(regexp_replace(lower("Website URL"), '^https?://', ''), '^www[.]', '')
           as site
  from ranked where rn = 1
),
keyed as (
  select *, dom in ('gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com')
              as personal,
         lower(coalesce(country, '')) in ('united states', 'united kingdom', 'germany', 'france',
              'canada', 'australia', 'us', 'gb', 'de', 'fr', 'ca', 'au') as served
  from leads
),
accounts as (
  select *, coalesce(site, case when not personal then dom end) as account_key from keyed
),
fit as (
  select lead_id,
    least(greatest(
      case when regexp_matches(lower(coalesce(title, '')),
                 '\\b(chief|ceo|cfo|cmo|cro|cto|coo|vp|vice president)\\b') then 15
           when regexp_matches(lower(coalesce(title, '')), '\\b(director|head of)\\b') then 10
           when regexp_matches(lower(coalesce(title, '')), '\\bmanager\\b') then 5 else 0 end
      + case when employees between 200 and 5000 then 10 else 0 end
      + case when employees between 50 and 199 then 5 else 0 end
      + case when lower(industry) in ('software', 'financial services', 'healthcare')
             then 10 else 0 end
      + case when served then 5 else 0 end
      + case when employees >= 1000 then 5 else 0 end,   -- enterprise segment
    0), 50) as fit,
    greatest(
      case when personal then -20 else 0 end
      + case when regexp_matches(lower(coalesce(title, '')), '\\b(intern|student)\\b')
             then -10 else 0 end
      + case when country is not null and not served then -10 else 0 end
      + case when employees < 10 then -10 else 0 end,
    -50) as negative
  from accounts
),
events as (
  select a.lead_id, a.activity_type as t, lower(trim(a.activity_type)) as tt, a.detail, a.channel,
         epoch({AS_OF_TS} - cast(a.occurred_at as timestamptz)) / 86400.0 as age
  from read_csv('{SAMPLE}/activities.csv', all_varchar = true) a
  join accounts l on l.lead_id = a.lead_id
),
event_points as (
  select lead_id,
    case when t = 'demo_request' then 'demo_request'
         when tt in ('page_view', 'visit webpage') and detail like '%/pricing%' then 'pricing_page'
         when t = 'comparison_site_visit' then 'comparison_site'
         when t = 'content_download' and lower(detail) like 'case study%' then 'case_study'
         when t = 'webinar_attended' then 'webinar'
         when tt in ('page_view', 'visit webpage') and detail like '%/blog/%' then 'blog'
         when tt in ('email_click', 'click email') then 'email_click' end as rule,
    case when t = 'demo_request' then 25
         when tt in ('page_view', 'visit webpage') and detail like '%/pricing%' then 10
         when t = 'comparison_site_visit' then 8
         when t = 'content_download' and lower(detail) like 'case study%' then 7
         when t = 'webinar_attended' then 6
         when tt in ('page_view', 'visit webpage') and detail like '%/blog/%' then 2
         when tt in ('email_click', 'click email') then 2 end
      * case when lower(channel) = 'g2' then 1.5 else 1 end
      * power(0.5, age / 30) as pts
  from events where age >= 0 and age <= 120
),
caps(rule, cap) as (values ('demo_request', 25), ('pricing_page', 20), ('comparison_site', 16),
                           ('case_study', 14), ('webinar', 12), ('blog', 6), ('email_click', 6)),
intent as (
  select lead_id, least(sum(capped), 50) as intent from (
    select e.lead_id, least(sum(e.pts), c.cap) as capped
    from event_points e join caps c using (rule) group by e.lead_id, c.cap, e.rule)
  group by lead_id
),
signal as (
  select l.lead_id, least(sum(w.pts * power(0.5, age / 45)), 30) as signal from (
    select account_key, signal_type,
           epoch({AS_OF_TS} - cast(occurred_at as timestamptz)) / 86400.0 as age
    from read_csv('{SAMPLE}/signals.csv', all_varchar = true)) s
  join (values ('executive_hire', 20), ('funding', 15), ('strategic_hiring', 12),
               ('filing_language', 10), ('expansion', 8)) w(signal_type, pts) using (signal_type)
  join accounts l on l.account_key = s.account_key
  where age >= 0 and age <= 90
  group by l.lead_id
)
select f.lead_id, f.fit, coalesce(i.intent, 0) as intent, coalesce(s.signal, 0) as signal,
       f.negative,
       f.fit + coalesce(i.intent, 0) + coalesce(s.signal, 0) + f.negative as total
from fit f left join intent i using (lead_id) left join signal s using (lead_id)
"""


def test_sample_scores_equal_duckdb_row_for_row() -> None:
    result = run_cli(["score", "--as-of", AS_OF, "--format", "json"], cwd=SAMPLE)
    assert result.exit_code == 0, result.stderr
    ours = pl.DataFrame(json.loads(result.stdout)).select(
        "lead_id", "fit_score", "intent_score", "signal_score", "negative_score", "total_score"
    )
    cur = duckdb.execute(SQL)
    names = [d[0] for d in cur.description]
    theirs = pl.DataFrame(cur.fetchall(), schema=names, orient="row")
    assert ours.height == theirs.height == 5000
    both = ours.join(theirs, on="lead_id", how="full", coalesce=True)
    assert both.height == 5000
    for mine, sql in (
        ("fit_score", "fit"),
        ("intent_score", "intent"),
        ("signal_score", "signal"),
        ("negative_score", "negative"),
        ("total_score", "total"),
    ):
        diff = both.select((pl.col(mine) - pl.col(sql).round(2)).abs().max()).item()
        assert diff is not None and diff <= 0.0101, (mine, diff)
    # The comparison has teeth: every score kind is non-trivial on this data.
    assert (both["intent"] > 0).sum() > 500
    assert (both["signal"] > 0).sum() > 100
    assert (both["negative"] < 0).sum() > 500
