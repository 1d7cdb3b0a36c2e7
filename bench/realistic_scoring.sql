-- The realistic benchmark's scoring written by hand for DuckDB: configs/scoring.yaml applied to
-- the generated HubSpot contacts, activities and signals CSVs (bench/realistic_data.py), from
-- the raw files to the scored leads in revq's order, with revq's defaults. The yardstick the
-- engines are timed against; bench/bench_realistic.py checks that its rows are revq's.
--
-- It handles what the generated exports hold, not every export revq reads: values are trimmed
-- and blanks are empty, times are written as the sample project writes them, no row is
-- malformed. Variables (bench/duckdb_sql.py sets them): leads, activities, signals (the CSVs),
-- as_of (the day, as revq score --as-of takes it: events up to its end count), out.
-- A division by a constant is written as a multiplication by its reciprocal, which is how
-- polars computes it, and a score is rounded to cents as polars rounds (the nearest whole number
-- of cents, halves to even, divided by 100): the scores must be the same floats, bit for bit.
-- least/greatest skip nulls; a rule that did not fire stays null
create or replace temp macro clip(x, low, high) as
  case when x is not null then least(greatest(x, low), high) end;

copy (
with
-- the contacts export, mapped by the HubSpot preset
leads_read as (
  select
    nullif(trim("Record ID"), '') as lead_id,
    nullif(trim("Email"), '') as email,
    nullif(trim("First Name"), '') as first_name,
    nullif(trim("Last Name"), '') as last_name,
    nullif(trim("Job Title"), '') as title,
    nullif(trim("Company Name"), '') as company,
    nullif(trim("Website URL"), '') as website,
    nullif(trim("Industry"), '') as industry,
    try_cast(trim("Number of Employees") as bigint) as employees,
    try_cast(trim("Annual Revenue") as double) as annual_revenue,
    nullif(trim("Country/Region"), '') as country,
    nullif(trim("Original Source"), '') as lead_source,
    nullif(trim("Lifecycle Stage"), '') as lifecycle_stage,
    nullif(trim("Contact owner"), '') as owner,
    strptime(trim("Create Date"), '%Y-%m-%d %H:%M') as created_at,
    strptime(trim("Last Activity Date"), '%Y-%m-%d %H:%M') as last_activity_at,
    strptime(trim("Became a Marketing Qualified Lead Date"), '%Y-%m-%d %H:%M') as mql_at,
    strptime(trim("Became a Sales Qualified Lead Date"), '%Y-%m-%d %H:%M') as sql_at,
    strptime(trim("Became an Opportunity Date"), '%Y-%m-%d %H:%M') as opportunity_at
  from read_csv(getvariable('leads'), all_varchar = true, header = true)
),
-- derived fields: the normalised email, its domain, whether it is a free-mail address, the
-- account (the website's domain, else a company email's domain)
leads_derived as (
  select *,
    case when regexp_matches(lower(trim(email)), '^[^@\s]+@[^@\s]+\.[^@\s]+$')
         then lower(trim(email)) end as email_normalised
  from leads_read
),
personal_domains as (  -- revq's list (revq/core/derive.py)
  select unnest([
    '163.com', 'aol.com', 'att.net', 'btinternet.com', 'comcast.net', 'free.fr', 'gmail.com',
    'gmx.com', 'gmx.de', 'gmx.net', 'googlemail.com', 'hey.com', 'hotmail.co.uk', 'hotmail.com',
    'hotmail.de', 'hotmail.fr', 'icloud.com', 'libero.it', 'live.com', 'mac.com', 'mail.com',
    'mail.ru', 'me.com', 'msn.com', 'orange.fr', 'outlook.com', 'pm.me', 'proton.me',
    'protonmail.com', 'qq.com', 'rediffmail.com', 'sbcglobal.net', 't-online.de', 'verizon.net',
    'web.de', 'yahoo.co.in', 'yahoo.co.uk', 'yahoo.com', 'yahoo.de', 'yahoo.fr', 'yandex.com',
    'yandex.ru', 'ymail.com', 'zoho.com'
  ]) as domain
),
leads_keyed as (
  select *,
    email_domain in (select domain from personal_domains) as is_personal_email,
    coalesce(
      nullif(trim(regexp_replace(regexp_replace(regexp_replace(
        lower(trim(website)), '^[a-z][a-z0-9+.-]*://', ''), '^www\.', ''), '[/?#:].*$', ''),
        '.'), ''),
      case when not (email_domain in (select domain from personal_domains)) then email_domain end
    ) as account_key
  from (select *, split_part(email_normalised, '@', 2) as email_domain from leads_derived)
),
-- re-created contacts merged by normalised email: the record with the latest activity (then
-- the latest created) wins, its empty fields filled from the others in that order, and the
-- creation time is the earliest
email_groups as (
  select *,
    count(*) over (partition by email_normalised) as copies,
    row_number() over (
      partition by email_normalised
      order by last_activity_at desc nulls last, created_at desc nulls last,
        (lead_id is not null)::int + (email is not null)::int + (first_name is not null)::int
        + (last_name is not null)::int + (title is not null)::int
        + (company is not null)::int + (website is not null)::int
        + (industry is not null)::int + (employees is not null)::int
        + (annual_revenue is not null)::int + (country is not null)::int
        + (lead_source is not null)::int + (lifecycle_stage is not null)::int
        + (owner is not null)::int + (created_at is not null)::int
        + (last_activity_at is not null)::int + (mql_at is not null)::int
        + (sql_at is not null)::int + (opportunity_at is not null)::int
        + (email_normalised is not null)::int + (email_domain is not null)::int
        + (is_personal_email is not null)::int + (account_key is not null)::int desc,
        length(lead_id) desc, lead_id desc
    ) as rank_in_group
  from leads_keyed
),
merged_groups as (
  select
    email_normalised,
    first(lead_id order by rank_in_group) as lead_id,
    first(email order by rank_in_group) filter (where email is not null) as email,
    first(first_name order by rank_in_group) filter (where first_name is not null) as first_name,
    first(last_name order by rank_in_group) filter (where last_name is not null) as last_name,
    first(title order by rank_in_group) filter (where title is not null) as title,
    first(company order by rank_in_group) filter (where company is not null) as company,
    first(industry order by rank_in_group) filter (where industry is not null) as industry,
    first(employees order by rank_in_group) filter (where employees is not null) as employees,
    first(country order by rank_in_group) filter (where country is not null) as country,
    first(lead_source order by rank_in_group) filter (where lead_source is not null)
      as lead_source,
    first(lifecycle_stage order by rank_in_group) filter (where lifecycle_stage is not null)
      as lifecycle_stage,
    first(owner order by rank_in_group) filter (where owner is not null) as owner,
    min(created_at) as created_at,  -- the person existed from their first record
    first(is_personal_email order by rank_in_group) filter (where is_personal_email is not null)
      as is_personal_email,
    first(account_key order by rank_in_group) filter (where account_key is not null)
      as account_key
  from email_groups
  where copies > 1 and email_normalised is not null
  group by email_normalised
),
leads as (
  select lead_id, email, first_name, last_name, title, company, industry, employees, country,
    lead_source, lifecycle_stage, owner, created_at, is_personal_email, account_key
  from email_groups
  where copies = 1 or email_normalised is null
  union all
  select lead_id, email, first_name, last_name, title, company, industry, employees, country,
    lead_source, lifecycle_stage, owner, created_at, is_personal_email, account_key
  from merged_groups
),
merged_into as (
  select g.lead_id, m.lead_id as kept
  from email_groups g join merged_groups m using (email_normalised)
  where g.lead_id <> m.lead_id
),
-- events: each activity of a known lead (a merged one's under the record kept) inside the
-- window, weighted by channel and decayed by age
activities as (
  select
    coalesce(m.kept, a.lead_id) as lead_id,
    lower(a.activity_type) as activity_type,
    lower(a.detail) as detail,
    lower(a.channel) as channel,
    a.occurred_at
  from (
    select nullif(trim(lead_id), '') as lead_id,
      nullif(trim(activity_type), '') as activity_type,
      nullif(trim(detail), '') as detail,
      nullif(trim(channel), '') as channel,
      strptime(trim(occurred_at), '%Y-%m-%dT%H:%M:%SZ') as occurred_at
    from read_csv(getvariable('activities'), all_varchar = true, header = true)
  ) a
  left join merged_into m on m.lead_id = a.lead_id
),
aged_events as (
  select *,
    (epoch_us((getvariable('as_of')::date + 1)::timestamp) - epoch_us(occurred_at))::double * 1e-6
      * (1.0 / 86400)
      as age
  from activities
),
events as (
  select lead_id, activity_type, detail,
    case when channel = 'g2' then 1.5::double else 1.0::double end as weight,
    case when age >= 0 and age <= 120 then pow(0.5, age * (1.0 / 30)) else 0.0 end as decay
  from aged_events
),
event_points as (
  select lead_id,
    round_even(case when activity_type = 'demo_request' then 25::double * weight * decay end
      * 1e6, 0)::bigint as demo_request,
    round_even(case when activity_type in ('page_view', 'visit webpage')
      and contains(detail, '/pricing') then 10::double * weight * decay end * 1e6, 0)::bigint
      as pricing_page,
    round_even(case when activity_type = 'comparison_site_visit' then 8::double * weight * decay end
      * 1e6, 0)::bigint as comparison_site,
    round_even(case when activity_type = 'content_download' and starts_with(detail, 'case study')
      then 7::double * weight * decay end * 1e6, 0)::bigint as case_study,
    round_even(case when activity_type = 'webinar_attended' then 6::double * weight * decay end
      * 1e6, 0)::bigint as webinar,
    round_even(case when activity_type in ('page_view', 'visit webpage')
      and contains(detail, '/blog/') then 2::double * weight * decay end * 1e6, 0)::bigint
      as blog,
    round_even(case when activity_type in ('email_click', 'click email')
      then 2::double * weight * decay end * 1e6, 0)::bigint as email_click
  from events
  where decay > 0
),
intent_per_lead as (
  select lead_id,
    clip(sum(demo_request) * 1e-6, -25, 25) as demo_request,
    clip(sum(pricing_page) * 1e-6, -20, 20) as pricing_page,
    clip(sum(comparison_site) * 1e-6, -16, 16) as comparison_site,
    clip(sum(case_study) * 1e-6, -14, 14) as case_study,
    clip(sum(webinar) * 1e-6, -12, 12) as webinar,
    clip(sum(blog) * 1e-6, -6, 6) as blog,
    clip(sum(email_click) * 1e-6, -6, 6) as email_click
  from event_points
  group by lead_id
),
-- account signals of each lead's account inside their window
signal_events as (
  select l.lead_id, lower(s.signal_type) as kind, s.signal_type, s.occurred_at, s.detail,
    s.age,
    case lower(s.signal_type) when 'executive_hire' then 20::double when 'funding' then 15::double
      when 'strategic_hiring' then 12::double when 'filing_language' then 10::double
      when 'expansion' then 8::double else 0.0 end as raw,
    case when s.age >= 0 and s.age <= 90 then pow(0.5, s.age * (1.0 / 45)) else 0.0 end as decay
  from leads l
  join (
    select nullif(trim(account_key), '') as account_key,
      nullif(trim(signal_type), '') as signal_type,
      nullif(trim(detail), '') as detail,
      strptime(trim(occurred_at), '%Y-%m-%dT%H:%M:%SZ') as occurred_at,
      (epoch_us((getvariable('as_of')::date + 1)::timestamp)
        - epoch_us(strptime(trim(occurred_at), '%Y-%m-%dT%H:%M:%SZ')))::double * 1e-6 * (1.0 / 86400)
        as age
    from read_csv(getvariable('signals'), all_varchar = true, header = true)
  ) s using (account_key)
),
signal_points as (
  select *, raw * decay as points,
    round_even(raw * decay * 1e6, 0)::bigint as micro
  from signal_events
  where decay > 0 and raw <> 0
),
signals_per_lead as (
  select lead_id,
    sum(micro) filter (where kind = 'executive_hire') * 1e-6 as executive_hire,
    sum(micro) filter (where kind = 'funding') * 1e-6 as funding,
    sum(micro) filter (where kind = 'strategic_hiring') * 1e-6 as strategic_hiring,
    sum(micro) filter (where kind = 'filing_language') * 1e-6 as filing_language,
    sum(micro) filter (where kind = 'expansion') * 1e-6 as expansion,
    arg_min(
      signal_type || ' on ' || strftime(occurred_at, '%Y-%m-%d')
        || coalesce(' (' || detail || ')', ''),
      (-points, age, signal_type)
    ) as signal_label,
    min(age) as signal_age
  from signal_points
  group by lead_id
),
-- each rule's points per lead (null: it did not fire)
contributions as (
  select l.*,
    case when l.employees >= 1000 then 'enterprise' else 'default' end as segment,
    i.demo_request, i.pricing_page, i.comparison_site, i.case_study, i.webinar, i.blog,
    i.email_click,
    s.executive_hire, s.funding, s.strategic_hiring, s.filing_language, s.expansion,
    s.signal_label, s.signal_age,
    case when regexp_matches(l.title, '(?i)\b(chief|ceo|cfo|cmo|cro|cto|coo|vp|vice president)\b')
         then 15::double when regexp_matches(l.title, '(?i)\b(director|head of)\b') then 10::double
         when regexp_matches(l.title, '(?i)\bmanager\b') then 5::double end as seniority_points,
    lower(trim(l.country)) in ('united states', 'united kingdom', 'germany', 'france', 'canada',
      'australia', 'us', 'gb', 'de', 'fr', 'ca', 'au') as served
  from leads l
  left join intent_per_lead i using (lead_id)
  left join signals_per_lead s using (lead_id)
),
rules as (
  select *,
    case when segment <> 'enterprise' then seniority_points end as seniority,
    case when employees between 200 and 5000 then 10::double end as company_size,
    case when employees between 50 and 199 then 5::double end as company_size_small,
    case when lower(trim(industry)) in ('software', 'financial services', 'healthcare')
         then 10::double end as target_industry,
    case when served then 5::double end as served_country,
    case when segment = 'enterprise' then clip(seniority_points, -15, 15) end
      as "enterprise.seniority",
    case when employees >= 1000 and segment = 'enterprise' then 5::double end
      as "enterprise.enterprise_size",
    case when is_personal_email then -20::double end as personal_email,
    case when regexp_matches(title, '(?i)\b(intern|student)\b') then -10::double end
      as intern_or_student,
    case when not served then -10::double end as unserved_country,
    case when employees < 10 then -10::double end as tiny_company
  from contributions
),
group_sums as (
  select *,
    (coalesce(round_even(seniority * 1e6, 0), 0) + coalesce(round_even(company_size * 1e6, 0), 0)
     + coalesce(round_even(company_size_small * 1e6, 0), 0)
     + coalesce(round_even(target_industry * 1e6, 0), 0)
     + coalesce(round_even(served_country * 1e6, 0), 0)
     + coalesce(round_even("enterprise.seniority" * 1e6, 0), 0)
     + coalesce(round_even("enterprise.enterprise_size" * 1e6, 0), 0)) * 1e-6 as raw_fit,
    (coalesce(round_even(demo_request * 1e6, 0), 0) + coalesce(round_even(pricing_page * 1e6, 0), 0)
     + coalesce(round_even(comparison_site * 1e6, 0), 0)
     + coalesce(round_even(case_study * 1e6, 0), 0) + coalesce(round_even(webinar * 1e6, 0), 0)
     + coalesce(round_even(blog * 1e6, 0), 0) + coalesce(round_even(email_click * 1e6, 0), 0))
      * 1e-6 as raw_intent,
    (coalesce(round_even(executive_hire * 1e6, 0), 0) + coalesce(round_even(funding * 1e6, 0), 0)
     + coalesce(round_even(strategic_hiring * 1e6, 0), 0)
     + coalesce(round_even(filing_language * 1e6, 0), 0)
     + coalesce(round_even(expansion * 1e6, 0), 0)) * 1e-6 as raw_signal,
    (coalesce(round_even(personal_email * 1e6, 0), 0)
     + coalesce(round_even(intern_or_student * 1e6, 0), 0)
     + coalesce(round_even(unserved_country * 1e6, 0), 0)
     + coalesce(round_even(tiny_company * 1e6, 0), 0)) * 1e-6 as raw_negative
  from rules
),
bounded as (
  select *,
    least(greatest(raw_fit, 0), 50) as fit,
    least(greatest(raw_intent, 0), 50) as intent,
    least(greatest(raw_signal, 0), 30) as signal,
    least(greatest(raw_negative, -50), 0) as negative
  from group_sums
),
-- the items top reasons are drawn from: every rule's points, and a cap where a bound cut a
-- group's sum
items as (
  -- the four group scores added pairwise, as polars' sum_horizontal adds them
  select *, (fit + intent) + (signal + negative) as total,
    [
      {'n': 'seniority', 'v': seniority}, {'n': 'company_size', 'v': company_size},
      {'n': 'company_size_small', 'v': company_size_small},
      {'n': 'target_industry', 'v': target_industry}, {'n': 'served_country', 'v': served_country},
      {'n': 'personal_email', 'v': personal_email},
      {'n': 'intern_or_student', 'v': intern_or_student},
      {'n': 'unserved_country', 'v': unserved_country}, {'n': 'tiny_company', 'v': tiny_company},
      {'n': 'enterprise.seniority', 'v': "enterprise.seniority"},
      {'n': 'enterprise.enterprise_size', 'v': "enterprise.enterprise_size"},
      {'n': 'demo_request', 'v': demo_request}, {'n': 'pricing_page', 'v': pricing_page},
      {'n': 'comparison_site', 'v': comparison_site}, {'n': 'case_study', 'v': case_study},
      {'n': 'webinar', 'v': webinar}, {'n': 'blog', 'v': blog},
      {'n': 'email_click', 'v': email_click},
      {'n': 'signal:executive_hire', 'v': executive_hire}, {'n': 'signal:funding', 'v': funding},
      {'n': 'signal:strategic_hiring', 'v': strategic_hiring},
      {'n': 'signal:filing_language', 'v': filing_language},
      {'n': 'signal:expansion', 'v': expansion},
      {'n': 'cap:fit', 'v': case when abs(fit - raw_fit) > 1e-9 then fit - raw_fit end},
      {'n': 'cap:intent', 'v': case when abs(intent - raw_intent) > 1e-9 then intent - raw_intent end},
      {'n': 'cap:signal', 'v': case when abs(signal - raw_signal) > 1e-9 then signal - raw_signal end},
      {'n': 'cap:negative',
       'v': case when abs(negative - raw_negative) > 1e-9 then negative - raw_negative end}
    ] as all_items,
    [
      {'n': 'demo_request', 'v': demo_request}, {'n': 'pricing_page', 'v': pricing_page},
      {'n': 'comparison_site', 'v': comparison_site}, {'n': 'case_study', 'v': case_study},
      {'n': 'webinar', 'v': webinar}, {'n': 'blog', 'v': blog},
      {'n': 'email_click', 'v': email_click}
    ] as intent_items
  from bounded
),
-- top reasons, largest first: by size in whole micro-points, a negative before a positive of
-- the same size, then by name; why-now's behaviour: the largest positive event rule
ranked as (
  select *,
    list_transform(
      list_sort(list_filter(
        list_transform(all_items, lambda x: {
          'size': -abs(round_even(coalesce(x.v, 0) * 1e6, 0)), 'positive': not coalesce(x.v < 0, false),
          'n': x.n
        }),
        lambda x: x.size < 0
      ))[1:3],
      lambda x: (case when x.positive then '+' else '' end)
        || printf('%.1f',
          round_even((case when x.positive then -x.size else x.size end) * 1e-6 * 10, 0) / 10)
        || ' ' || x.n
    ) as reasons,
    list_sort(list_filter(
      list_transform(intent_items, lambda x: {'size': -round_even(greatest(coalesce(x.v, 0), 0) * 1e6, 0), 'n': x.n}),
      lambda x: x.size < 0
    ))[1].n as strongest_intent
  from items
),
scored as (
  select *,
    round_even(fit * 100, 0) / 100 as fit_score,
    round_even(intent * 100, 0) / 100 as intent_score,
    round_even(signal * 100, 0) / 100 as signal_score,
    round_even(negative * 100, 0) / 100 as negative_score,
    round_even(total * 100, 0) / 100 as total_score,
    coalesce(signal_label, strongest_intent) as why_now,
    case
      -- HubSpot's lifecycle labels past the hand-off, as revq maps them (sql, opportunity, won)
      when lower(lifecycle_stage) in ('sales qualified lead', 'opportunity', 'customer')
        then 'already_converted'
      when lower(trim(email)) is not null
       and split_part(lower(trim(email)), '@', -1) in ('rivalsoft.com', 'pipelinepro.io')
        then 'competitor'
      when regexp_matches(title, '(?i)^student$') then 'student'
      when lower(trim(industry)) = 'education' then 'bad_fit_industry'
    end as gate
  from ranked
),
decided as (
  select *,
    case when fit_score >= 35 then 'A' when fit_score >= 25 then 'B'
         when fit_score >= 15 then 'C' else 'D' end as fit_grade,
    case when fit_score >= 25 and intent_score + signal_score >= 20 then 'prioritise_now'
         when fit_score >= 25 then 'nurture_patiently'
         when intent_score + signal_score >= 20 then 'qualify_carefully' else 'ignore' end
      as quadrant,
    case gate when 'already_converted' then 'already_converted'
              when 'competitor' then 'student_or_competitor_or_spam'
              when 'student' then 'student_or_competitor_or_spam'
              when 'bad_fit_industry' then 'bad_fit_industry' end as gate_reason
  from scored
),
staged as (
  select *,
    case
      when gate = 'already_converted' then 'converted'
      when gate is not null then 'disqualified'
      when total_score >= 70 then 'sales_ready'
      when fit_score >= 25 and coalesce(signal_age <= 30, false) and title is not null
           and company is not null then 'signal_qualified'
      when total_score >= 40 then 'nurture'
      when quadrant = 'ignore' then 'disqualified'
      else 'nurture'
    end as stage
  from decided
),
-- owners: the export's own, else for a lead sent to sales the next in its team, in turn by
-- when the leads were created
routed as (
  select *,
    case when lower(trim(country)) in ('germany', 'france', 'united kingdom', 'de', 'fr', 'gb')
         then 0 else 1 end as team,
    stage in ('sales_ready', 'mql', 'signal_qualified', 'pql') and owner is null as needs
  from staged
),
owned as (
  select * replace (
    case when owner is not null then owner
         when needs and team = 0
           then ['Lena Vogel', 'Marco Bianchi'][1 + (turn % 2)]
         when needs then ['Alex Kim', 'Priya Raman', 'Sam Ortiz'][1 + (turn % 3)]
    end as owner)
  from (
    select *, row_number() over (partition by team, needs order by created_at, lead_id) - 1
      as turn
    from routed
  )
)
select lead_id, email, first_name, last_name, title, company, lead_source, segment,
  fit_score, intent_score, signal_score, negative_score, total_score, fit_grade, quadrant, stage,
  gate, gate_reason, why_now,
  case stage
    when 'sales_ready' then coalesce(owner, '-') || ': call ' || coalesce(first_name, '-') || ' ('
      || coalesce(title, '-') || ', ' || coalesce(company, '-') || ') within 24 hours. Why now: '
      || coalesce(why_now, '-') || '.'
    when 'signal_qualified' then coalesce(owner, '-') || ': ' || coalesce(company, '-')
      || ' shows a trigger (' || coalesce(why_now, '-') || '); reach ' || coalesce(first_name, '-')
      || ' (' || coalesce(title, '-') || ') with that context this week.'
    when 'nurture' then 'Keep in nurture and re-check when intent rises.'
    when 'disqualified' then 'No sales action (' || coalesce(gate_reason, 'low fit and intent')
      || ').'
    when 'converted' then 'No sales action: already converted (' || coalesce(gate_reason, '-')
      || ').'
  end as next_action,
  owner,
  nullif(array_to_string(reasons, ', '), '') as top_reasons
from owned
order by total_score desc, lead_id
) to (getvariable('out')) (format parquet);
