-- revq scoring model: ../configs/scoring.yaml (sha256 5b45e5de7dc50d7427f4c6e885b373745e33a5ee4de9a8832f8dba56103973d6)
-- project: revq.yaml (sha256 e4f982b4b7466736fbdd4d4a28646fad6bb9a36dc87d895fafee1af7e5e65ac2)
-- revq VERSION; dialect snowflake; scored as of the end of 2026-10-31 (UTC)
-- written by: revq compile --dialect snowflake --project PROJECT --as-of 2026-10-31; do not edit: compile again
--
-- tables read, with the columns of the exports revq.yaml names:
--   leads       leads (hubspot_contacts.csv): 19 text columns
--   activities  activities (activities.csv): 6 text columns
--   signals     signals (signals.csv): 6 text columns
--
-- steps (CTEs), in the order the query computes them:
--   revq_leads_trimmed             the text columns, trimmed of white space
--   revq_leads_date_text           date texts, a trailing UTC, GMT or Z written +0000
--   revq_leads_date_shapes         each date's shape (2026-03-05, 2026/03/05, 3/5/2026, epoch ms)
--   revq_leads_date_parts          each date's year, month and day, read by its shape
--   revq_leads_time_parts          each date's hour, minute, second and time zone
--   revq_leads_dates_checked       each date checked (a real day and time), in one form
--   revq_leads_mapped              revq's columns, values typed; rows that do not parse left out
--   revq_leads_sharing_id          how many records share each lead id
--   revq_leads_ranked_by_id        the records sharing a lead id, latest activity first
--   revq_leads_merged_by_id        one record per lead id: each field from the first that has it
--   revq_leads_sharing_email       how many records share each email
--   revq_leads_ranked_by_email     the records sharing an email, latest activity first
--   revq_leads_merged_by_email     one record per email: each field from the first that has it
--   revq_leads_merged              the leads, duplicates merged (by lead id, then by email)
--   revq_leads_prepared            the columns scoring reads; text that rules compare, normalised
--                                    _lookup_title
--   revq_segments                  each lead's segment: the first it meets, else default
--   revq_fit                       fit rules' points, a column per rule (null: did not fire)
--                                    pts_seniority, pts_company_size, pts_company_size_small,
--                                    pts_target_industry, pts_served_country,
--                                    pts_enterprise_seniority, pts_enterprise_enterprise_size
--   revq_negative                  negative rules' points, a column per rule (null: did not fire)
--                                    pts_personal_email, pts_intern_or_student,
--                                    pts_unserved_country, pts_tiny_company
--   revq_activities_trimmed        the text columns, trimmed of white space
--   revq_activities_date_text      date texts, a trailing UTC, GMT or Z written +0000
--   revq_activities_date_shapes    each date's shape (2026-03-05, 2026/03/05, 3/5/2026, epoch ms)
--   revq_activities_date_parts     each date's year, month and day, read by its shape
--   revq_activities_time_parts     each date's hour, minute, second and time zone
--   revq_activities_dates_checked  each date checked (a real day and time), in one form
--   revq_leads_merged_away         each lead id merged away, and the id its activities move to
--   revq_activities_mapped         revq's columns, values typed; rows that do not parse left out
--   revq_activity_ages             each activity's lead, age in days and channel weight
--   revq_activities_counted        the activities inside the window, with their decay
--   revq_activity_points           each activity's points for each event rule it meets
--   revq_event_points              event rules' points per lead: summed, then capped
--                                    pts_demo_request, pts_pricing_page, pts_comparison_site,
--                                    pts_case_study, pts_webinar, pts_blog, pts_email_click
--   revq_signals_trimmed           the text columns, trimmed of white space
--   revq_signals_date_text         date texts, a trailing UTC, GMT or Z written +0000
--   revq_signals_date_shapes       each date's shape (2026-03-05, 2026/03/05, 3/5/2026, epoch ms)
--   revq_signals_date_parts        each date's year, month and day, read by its shape
--   revq_signals_time_parts        each date's hour, minute, second and time zone
--   revq_signals_dates_checked     each date checked (a real day and time), in one form
--   revq_signals_mapped            revq's columns, values typed; rows that do not parse left out
--   revq_signal_ages               each lead's account signals: age in days and weight
--   revq_signals_counted           the signals inside the window, decayed and labelled
--   revq_signal_points             signal points per type; the strongest signal; the newest's age
--                                    pts_executive_hire, pts_funding, pts_strategic_hiring,
--                                    pts_filing_language, pts_expansion
--   revq_group_micro_points        each group's rules summed in whole micro-points, and the sign of
--                                  a zero
--   revq_group_sums                each group's points summed (fit, intent, signal, negative)
--   revq_group_scores              each group's sum within its scale
--   revq_scores                    the total score; where a scale cut a group's sum
--   revq_strongest_items           why now's strongest behaviour: each item's micro-points and sign
--   revq_strongest_keys            why now's strongest behaviour: each item's sort key (size, sign,
--                                  name)
--   revq_strongest_1               why now's strongest behaviour: place 1
--   revq_reason_items              top reasons: each item's micro-points and sign
--   revq_reason_keys               top reasons: each item's sort key (size, sign, name)
--   revq_reason_1                  top reasons: place 1
--   revq_reason_2                  top reasons: place 2
--   revq_reason_3                  top reasons: place 3
--   revq_reasons                   top reasons and why now; scores rounded to two decimals
--   revq_decisions                 fit grade, quadrant, gate and stage
--   revq_routing                   each lead's turn in its team's round robin (owner routing)
--   (the SELECT)                   the scored leads as `revq score` writes them, best first

WITH "revq_leads_trimmed" AS (
  /* the text columns, trimmed of white space */
  SELECT
    "t2"."Lifecycle Stage",
    REGEXP_REPLACE("t2"."Record ID", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_record_id_trimmed",
    REGEXP_REPLACE("t2"."Email", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_email_trimmed",
    REGEXP_REPLACE("t2"."First Name", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_first_name_trimmed",
    REGEXP_REPLACE("t2"."Last Name", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_last_name_trimmed",
    REGEXP_REPLACE("t2"."Job Title", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_job_title_trimmed",
    REGEXP_REPLACE("t2"."Company Name", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_company_name_trimmed",
    REGEXP_REPLACE("t2"."Website URL", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_website_url_trimmed",
    REGEXP_REPLACE("t2"."Industry", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_industry_trimmed",
    REGEXP_REPLACE(
      "t2"."Number of Employees",
      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
      ''
    ) AS "_number_of_employees_trimmed",
    REGEXP_REPLACE("t2"."Annual Revenue", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_annual_revenue_trimmed",
    REGEXP_REPLACE("t2"."Country/Region", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_country_region_trimmed",
    REGEXP_REPLACE("t2"."Original Source", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_original_source_trimmed",
    REGEXP_REPLACE("t2"."Contact owner", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_contact_owner_trimmed",
    REGEXP_REPLACE("t2"."Create Date", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_create_date_trimmed",
    REGEXP_REPLACE(
      "t2"."Last Activity Date",
      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
      ''
    ) AS "_last_activity_date_trimmed",
    REGEXP_REPLACE(
      "t2"."Became a Marketing Qualified Lead Date",
      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
      ''
    ) AS "_became_a_marketing_q_trimmed",
    REGEXP_REPLACE(
      "t2"."Became a Sales Qualified Lead Date",
      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
      ''
    ) AS "_became_a_sales_quali_trimmed",
    REGEXP_REPLACE(
      "t2"."Became an Opportunity Date",
      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
      ''
    ) AS "_became_an_opportunit_trimmed"
  FROM "leads" AS "t2"
), "revq_leads_date_text" AS (
  /* date texts, a trailing UTC, GMT or Z written +0000 */
  SELECT
    "t8"."Lifecycle Stage",
    "t8"."_record_id_trimmed",
    "t8"."_email_trimmed",
    "t8"."_first_name_trimmed",
    "t8"."_last_name_trimmed",
    "t8"."_job_title_trimmed",
    "t8"."_company_name_trimmed",
    "t8"."_website_url_trimmed",
    "t8"."_industry_trimmed",
    "t8"."_number_of_employees_trimmed",
    "t8"."_annual_revenue_trimmed",
    "t8"."_country_region_trimmed",
    "t8"."_original_source_trimmed",
    "t8"."_contact_owner_trimmed",
    "t8"."_create_date_trimmed",
    "t8"."_last_activity_date_trimmed",
    "t8"."_became_a_marketing_q_trimmed",
    "t8"."_became_a_sales_quali_trimmed",
    "t8"."_became_an_opportunit_trimmed",
    REGEXP_REPLACE(
      "t8"."_create_date_trimmed",
      '[\t\n\x0b\f\r                  　]*([Uu][Tt][Cc]|[Gg][Mm][Tt]|[Zz])$',
      '+0000'
    ) AS "_create_date_s",
    REGEXP_REPLACE(
      "t8"."_last_activity_date_trimmed",
      '[\t\n\x0b\f\r                  　]*([Uu][Tt][Cc]|[Gg][Mm][Tt]|[Zz])$',
      '+0000'
    ) AS "_last_activity_date_s",
    REGEXP_REPLACE(
      "t8"."_became_a_marketing_q_trimmed",
      '[\t\n\x0b\f\r                  　]*([Uu][Tt][Cc]|[Gg][Mm][Tt]|[Zz])$',
      '+0000'
    ) AS "_became_a_marketing_q_s",
    REGEXP_REPLACE(
      "t8"."_became_a_sales_quali_trimmed",
      '[\t\n\x0b\f\r                  　]*([Uu][Tt][Cc]|[Gg][Mm][Tt]|[Zz])$',
      '+0000'
    ) AS "_became_a_sales_quali_s",
    REGEXP_REPLACE(
      "t8"."_became_an_opportunit_trimmed",
      '[\t\n\x0b\f\r                  　]*([Uu][Tt][Cc]|[Gg][Mm][Tt]|[Zz])$',
      '+0000'
    ) AS "_became_an_opportunit_s"
  FROM "revq_leads_trimmed" AS "t8"
), "revq_leads_date_shapes" AS (
  /* each date's shape (2026-03-05, 2026/03/05, 3/5/2026, epoch ms) */
  SELECT
    "t14"."Lifecycle Stage",
    "t14"."_record_id_trimmed",
    "t14"."_email_trimmed",
    "t14"."_first_name_trimmed",
    "t14"."_last_name_trimmed",
    "t14"."_job_title_trimmed",
    "t14"."_company_name_trimmed",
    "t14"."_website_url_trimmed",
    "t14"."_industry_trimmed",
    "t14"."_number_of_employees_trimmed",
    "t14"."_annual_revenue_trimmed",
    "t14"."_country_region_trimmed",
    "t14"."_original_source_trimmed",
    "t14"."_contact_owner_trimmed",
    "t14"."_create_date_trimmed",
    "t14"."_last_activity_date_trimmed",
    "t14"."_became_a_marketing_q_trimmed",
    "t14"."_became_a_sales_quali_trimmed",
    "t14"."_became_an_opportunit_trimmed",
    "t14"."_create_date_s",
    "t14"."_last_activity_date_s",
    "t14"."_became_a_marketing_q_s",
    "t14"."_became_a_sales_quali_s",
    "t14"."_became_an_opportunit_s",
    REGEXP_LIKE(
      "t14"."_create_date_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})((T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?)?([\t\n\x0b\f\r                  　]*([-+])([0-9]{2})(:?([0-9]{2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_create_date_is_dash",
    REGEXP_LIKE(
      "t14"."_create_date_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_create_date_is_slash",
    REGEXP_LIKE(
      "t14"."_create_date_s",
      CONCAT(
        '.*',
        '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?|,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        '.*'
      ),
      'cs'
    ) AS "_create_date_is_ordered",
    REGEXP_LIKE("t14"."_create_date_s", CONCAT('.*', '^[0-9]{13}$', '.*'), 'cs') AS "_create_date_is_epoch",
    REGEXP_LIKE(
      "t14"."_last_activity_date_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})((T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?)?([\t\n\x0b\f\r                  　]*([-+])([0-9]{2})(:?([0-9]{2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_last_activity_date_is_dash",
    REGEXP_LIKE(
      "t14"."_last_activity_date_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_last_activity_date_is_slash",
    REGEXP_LIKE(
      "t14"."_last_activity_date_s",
      CONCAT(
        '.*',
        '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?|,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        '.*'
      ),
      'cs'
    ) AS "_last_activity_date_is_ordered",
    REGEXP_LIKE("t14"."_last_activity_date_s", CONCAT('.*', '^[0-9]{13}$', '.*'), 'cs') AS "_last_activity_date_is_epoch",
    REGEXP_LIKE(
      "t14"."_became_a_marketing_q_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})((T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?)?([\t\n\x0b\f\r                  　]*([-+])([0-9]{2})(:?([0-9]{2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_became_a_marketing_q_is_dash",
    REGEXP_LIKE(
      "t14"."_became_a_marketing_q_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_became_a_marketing_q_is_slash",
    REGEXP_LIKE(
      "t14"."_became_a_marketing_q_s",
      CONCAT(
        '.*',
        '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?|,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        '.*'
      ),
      'cs'
    ) AS "_became_a_marketing_q_is_ordered",
    REGEXP_LIKE("t14"."_became_a_marketing_q_s", CONCAT('.*', '^[0-9]{13}$', '.*'), 'cs') AS "_became_a_marketing_q_is_epoch",
    REGEXP_LIKE(
      "t14"."_became_a_sales_quali_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})((T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?)?([\t\n\x0b\f\r                  　]*([-+])([0-9]{2})(:?([0-9]{2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_became_a_sales_quali_is_dash",
    REGEXP_LIKE(
      "t14"."_became_a_sales_quali_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_became_a_sales_quali_is_slash",
    REGEXP_LIKE(
      "t14"."_became_a_sales_quali_s",
      CONCAT(
        '.*',
        '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?|,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        '.*'
      ),
      'cs'
    ) AS "_became_a_sales_quali_is_ordered",
    REGEXP_LIKE("t14"."_became_a_sales_quali_s", CONCAT('.*', '^[0-9]{13}$', '.*'), 'cs') AS "_became_a_sales_quali_is_epoch",
    REGEXP_LIKE(
      "t14"."_became_an_opportunit_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})((T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?)?([\t\n\x0b\f\r                  　]*([-+])([0-9]{2})(:?([0-9]{2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_became_an_opportunit_is_dash",
    REGEXP_LIKE(
      "t14"."_became_an_opportunit_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_became_an_opportunit_is_slash",
    REGEXP_LIKE(
      "t14"."_became_an_opportunit_s",
      CONCAT(
        '.*',
        '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?|,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        '.*'
      ),
      'cs'
    ) AS "_became_an_opportunit_is_ordered",
    REGEXP_LIKE("t14"."_became_an_opportunit_s", CONCAT('.*', '^[0-9]{13}$', '.*'), 'cs') AS "_became_an_opportunit_is_epoch"
  FROM "revq_leads_date_text" AS "t14"
), "revq_leads_date_parts" AS (
  /* each date's year, month and day, read by its shape */
  SELECT
    "t20"."Lifecycle Stage",
    "t20"."_record_id_trimmed",
    "t20"."_email_trimmed",
    "t20"."_first_name_trimmed",
    "t20"."_last_name_trimmed",
    "t20"."_job_title_trimmed",
    "t20"."_company_name_trimmed",
    "t20"."_website_url_trimmed",
    "t20"."_industry_trimmed",
    "t20"."_number_of_employees_trimmed",
    "t20"."_annual_revenue_trimmed",
    "t20"."_country_region_trimmed",
    "t20"."_original_source_trimmed",
    "t20"."_contact_owner_trimmed",
    "t20"."_create_date_trimmed",
    "t20"."_last_activity_date_trimmed",
    "t20"."_became_a_marketing_q_trimmed",
    "t20"."_became_a_sales_quali_trimmed",
    "t20"."_became_an_opportunit_trimmed",
    CAST(CASE
      WHEN "t20"."_create_date_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_create_date_dash_year",
    CAST(CASE
      WHEN "t20"."_create_date_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_create_date_dash_month",
    CAST(CASE
      WHEN "t20"."_create_date_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_create_date_dash_day",
    CASE
      WHEN "t20"."_create_date_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_create_date_dash_rest",
    CAST(CASE
      WHEN "t20"."_create_date_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_create_date_slash_year",
    CAST(CASE
      WHEN "t20"."_create_date_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_create_date_slash_month",
    CAST(CASE
      WHEN "t20"."_create_date_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_create_date_slash_day",
    CASE
      WHEN "t20"."_create_date_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_create_date_slash_rest",
    CAST(CASE
      WHEN "t20"."_create_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_create_date_ordered_first",
    CASE
      WHEN "t20"."_create_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_create_date_ordered_sep1",
    CAST(CASE
      WHEN "t20"."_create_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_create_date_ordered_second_number",
    CASE
      WHEN "t20"."_create_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_create_date_ordered_sep2",
    CAST(CASE
      WHEN "t20"."_create_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 5),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_create_date_ordered_year",
    CASE
      WHEN "t20"."_create_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_create_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 6),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_create_date_ordered_rest",
    CAST(CASE WHEN "t20"."_create_date_is_epoch" THEN "t20"."_create_date_s" ELSE CAST(NULL AS VARCHAR) END AS BIGINT) AS "_create_date_epoch",
    CAST(CASE
      WHEN "t20"."_last_activity_date_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_last_activity_date_dash_year",
    CAST(CASE
      WHEN "t20"."_last_activity_date_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_last_activity_date_dash_month",
    CAST(CASE
      WHEN "t20"."_last_activity_date_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_last_activity_date_dash_day",
    CASE
      WHEN "t20"."_last_activity_date_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_last_activity_date_dash_rest",
    CAST(CASE
      WHEN "t20"."_last_activity_date_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_last_activity_date_slash_year",
    CAST(CASE
      WHEN "t20"."_last_activity_date_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_last_activity_date_slash_month",
    CAST(CASE
      WHEN "t20"."_last_activity_date_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_last_activity_date_slash_day",
    CASE
      WHEN "t20"."_last_activity_date_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_last_activity_date_slash_rest",
    CAST(CASE
      WHEN "t20"."_last_activity_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_last_activity_date_ordered_first",
    CASE
      WHEN "t20"."_last_activity_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_last_activity_date_ordered_sep1",
    CAST(CASE
      WHEN "t20"."_last_activity_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_last_activity_date_ordered_second_number",
    CASE
      WHEN "t20"."_last_activity_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_last_activity_date_ordered_sep2",
    CAST(CASE
      WHEN "t20"."_last_activity_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 5),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_last_activity_date_ordered_year",
    CASE
      WHEN "t20"."_last_activity_date_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_last_activity_date_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 6),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_last_activity_date_ordered_rest",
    CAST(CASE
      WHEN "t20"."_last_activity_date_is_epoch"
      THEN "t20"."_last_activity_date_s"
      ELSE CAST(NULL AS VARCHAR)
    END AS BIGINT) AS "_last_activity_date_epoch",
    CAST(CASE
      WHEN "t20"."_became_a_marketing_q_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_marketing_q_dash_year",
    CAST(CASE
      WHEN "t20"."_became_a_marketing_q_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_marketing_q_dash_month",
    CAST(CASE
      WHEN "t20"."_became_a_marketing_q_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_marketing_q_dash_day",
    CASE
      WHEN "t20"."_became_a_marketing_q_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_marketing_q_dash_rest",
    CAST(CASE
      WHEN "t20"."_became_a_marketing_q_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_marketing_q_slash_year",
    CAST(CASE
      WHEN "t20"."_became_a_marketing_q_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_marketing_q_slash_month",
    CAST(CASE
      WHEN "t20"."_became_a_marketing_q_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_marketing_q_slash_day",
    CASE
      WHEN "t20"."_became_a_marketing_q_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_marketing_q_slash_rest",
    CAST(CASE
      WHEN "t20"."_became_a_marketing_q_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_marketing_q_ordered_first",
    CASE
      WHEN "t20"."_became_a_marketing_q_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_marketing_q_ordered_sep1",
    CAST(CASE
      WHEN "t20"."_became_a_marketing_q_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_marketing_q_ordered_second_number",
    CASE
      WHEN "t20"."_became_a_marketing_q_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_marketing_q_ordered_sep2",
    CAST(CASE
      WHEN "t20"."_became_a_marketing_q_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 5),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_marketing_q_ordered_year",
    CASE
      WHEN "t20"."_became_a_marketing_q_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_marketing_q_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 6),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_marketing_q_ordered_rest",
    CAST(CASE
      WHEN "t20"."_became_a_marketing_q_is_epoch"
      THEN "t20"."_became_a_marketing_q_s"
      ELSE CAST(NULL AS VARCHAR)
    END AS BIGINT) AS "_became_a_marketing_q_epoch",
    CAST(CASE
      WHEN "t20"."_became_a_sales_quali_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_sales_quali_dash_year",
    CAST(CASE
      WHEN "t20"."_became_a_sales_quali_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_sales_quali_dash_month",
    CAST(CASE
      WHEN "t20"."_became_a_sales_quali_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_sales_quali_dash_day",
    CASE
      WHEN "t20"."_became_a_sales_quali_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_sales_quali_dash_rest",
    CAST(CASE
      WHEN "t20"."_became_a_sales_quali_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_sales_quali_slash_year",
    CAST(CASE
      WHEN "t20"."_became_a_sales_quali_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_sales_quali_slash_month",
    CAST(CASE
      WHEN "t20"."_became_a_sales_quali_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_sales_quali_slash_day",
    CASE
      WHEN "t20"."_became_a_sales_quali_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_sales_quali_slash_rest",
    CAST(CASE
      WHEN "t20"."_became_a_sales_quali_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_sales_quali_ordered_first",
    CASE
      WHEN "t20"."_became_a_sales_quali_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_sales_quali_ordered_sep1",
    CAST(CASE
      WHEN "t20"."_became_a_sales_quali_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_sales_quali_ordered_second_number",
    CASE
      WHEN "t20"."_became_a_sales_quali_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_sales_quali_ordered_sep2",
    CAST(CASE
      WHEN "t20"."_became_a_sales_quali_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 5),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_a_sales_quali_ordered_year",
    CASE
      WHEN "t20"."_became_a_sales_quali_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_a_sales_quali_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 6),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_sales_quali_ordered_rest",
    CAST(CASE
      WHEN "t20"."_became_a_sales_quali_is_epoch"
      THEN "t20"."_became_a_sales_quali_s"
      ELSE CAST(NULL AS VARCHAR)
    END AS BIGINT) AS "_became_a_sales_quali_epoch",
    CAST(CASE
      WHEN "t20"."_became_an_opportunit_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_an_opportunit_dash_year",
    CAST(CASE
      WHEN "t20"."_became_an_opportunit_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_an_opportunit_dash_month",
    CAST(CASE
      WHEN "t20"."_became_an_opportunit_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_an_opportunit_dash_day",
    CASE
      WHEN "t20"."_became_an_opportunit_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_an_opportunit_dash_rest",
    CAST(CASE
      WHEN "t20"."_became_an_opportunit_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_an_opportunit_slash_year",
    CAST(CASE
      WHEN "t20"."_became_an_opportunit_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_an_opportunit_slash_month",
    CAST(CASE
      WHEN "t20"."_became_an_opportunit_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_an_opportunit_slash_day",
    CASE
      WHEN "t20"."_became_an_opportunit_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_an_opportunit_slash_rest",
    CAST(CASE
      WHEN "t20"."_became_an_opportunit_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_an_opportunit_ordered_first",
    CASE
      WHEN "t20"."_became_an_opportunit_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_an_opportunit_ordered_sep1",
    CAST(CASE
      WHEN "t20"."_became_an_opportunit_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_an_opportunit_ordered_second_number",
    CASE
      WHEN "t20"."_became_an_opportunit_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_an_opportunit_ordered_sep2",
    CAST(CASE
      WHEN "t20"."_became_an_opportunit_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 5),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_became_an_opportunit_ordered_year",
    CASE
      WHEN "t20"."_became_an_opportunit_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t20"."_became_an_opportunit_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 6),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_an_opportunit_ordered_rest",
    CAST(CASE
      WHEN "t20"."_became_an_opportunit_is_epoch"
      THEN "t20"."_became_an_opportunit_s"
      ELSE CAST(NULL AS VARCHAR)
    END AS BIGINT) AS "_became_an_opportunit_epoch"
  FROM "revq_leads_date_shapes" AS "t20"
), "revq_leads_time_parts" AS (
  /* each date's hour, minute, second and time zone */
  SELECT
    "t26"."Lifecycle Stage",
    "t26"."_record_id_trimmed",
    "t26"."_email_trimmed",
    "t26"."_first_name_trimmed",
    "t26"."_last_name_trimmed",
    "t26"."_job_title_trimmed",
    "t26"."_company_name_trimmed",
    "t26"."_website_url_trimmed",
    "t26"."_industry_trimmed",
    "t26"."_number_of_employees_trimmed",
    "t26"."_annual_revenue_trimmed",
    "t26"."_country_region_trimmed",
    "t26"."_original_source_trimmed",
    "t26"."_contact_owner_trimmed",
    "t26"."_create_date_trimmed",
    "t26"."_last_activity_date_trimmed",
    "t26"."_became_a_marketing_q_trimmed",
    "t26"."_became_a_sales_quali_trimmed",
    "t26"."_became_an_opportunit_trimmed",
    "t26"."_create_date_dash_year",
    "t26"."_create_date_dash_month",
    "t26"."_create_date_dash_day",
    "t26"."_create_date_slash_year",
    "t26"."_create_date_slash_month",
    "t26"."_create_date_slash_day",
    "t26"."_create_date_ordered_first",
    "t26"."_create_date_ordered_sep1",
    "t26"."_create_date_ordered_second_number",
    "t26"."_create_date_ordered_sep2",
    "t26"."_create_date_ordered_year",
    "t26"."_create_date_epoch",
    "t26"."_last_activity_date_dash_year",
    "t26"."_last_activity_date_dash_month",
    "t26"."_last_activity_date_dash_day",
    "t26"."_last_activity_date_slash_year",
    "t26"."_last_activity_date_slash_month",
    "t26"."_last_activity_date_slash_day",
    "t26"."_last_activity_date_ordered_first",
    "t26"."_last_activity_date_ordered_sep1",
    "t26"."_last_activity_date_ordered_second_number",
    "t26"."_last_activity_date_ordered_sep2",
    "t26"."_last_activity_date_ordered_year",
    "t26"."_last_activity_date_epoch",
    "t26"."_became_a_marketing_q_dash_year",
    "t26"."_became_a_marketing_q_dash_month",
    "t26"."_became_a_marketing_q_dash_day",
    "t26"."_became_a_marketing_q_slash_year",
    "t26"."_became_a_marketing_q_slash_month",
    "t26"."_became_a_marketing_q_slash_day",
    "t26"."_became_a_marketing_q_ordered_first",
    "t26"."_became_a_marketing_q_ordered_sep1",
    "t26"."_became_a_marketing_q_ordered_second_number",
    "t26"."_became_a_marketing_q_ordered_sep2",
    "t26"."_became_a_marketing_q_ordered_year",
    "t26"."_became_a_marketing_q_epoch",
    "t26"."_became_a_sales_quali_dash_year",
    "t26"."_became_a_sales_quali_dash_month",
    "t26"."_became_a_sales_quali_dash_day",
    "t26"."_became_a_sales_quali_slash_year",
    "t26"."_became_a_sales_quali_slash_month",
    "t26"."_became_a_sales_quali_slash_day",
    "t26"."_became_a_sales_quali_ordered_first",
    "t26"."_became_a_sales_quali_ordered_sep1",
    "t26"."_became_a_sales_quali_ordered_second_number",
    "t26"."_became_a_sales_quali_ordered_sep2",
    "t26"."_became_a_sales_quali_ordered_year",
    "t26"."_became_a_sales_quali_epoch",
    "t26"."_became_an_opportunit_dash_year",
    "t26"."_became_an_opportunit_dash_month",
    "t26"."_became_an_opportunit_dash_day",
    "t26"."_became_an_opportunit_slash_year",
    "t26"."_became_an_opportunit_slash_month",
    "t26"."_became_an_opportunit_slash_day",
    "t26"."_became_an_opportunit_ordered_first",
    "t26"."_became_an_opportunit_ordered_sep1",
    "t26"."_became_an_opportunit_ordered_second_number",
    "t26"."_became_an_opportunit_ordered_sep2",
    "t26"."_became_an_opportunit_ordered_year",
    "t26"."_became_an_opportunit_epoch",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS "_create_date_dash_sep",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_create_date_dash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS INT) AS "_create_date_dash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        5
      ),
      ''
    ) AS INT) AS "_create_date_dash_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        7
      ),
      ''
    ) AS "_create_date_dash_fraction",
    NULLIF(REGEXP_SUBSTR("t26"."_create_date_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 1), '') AS "_create_date_zone_sign",
    CAST(NULLIF(REGEXP_SUBSTR("t26"."_create_date_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 2), '') AS INT) AS "_create_date_zone_offset_hours",
    CAST(NULLIF(REGEXP_SUBSTR("t26"."_create_date_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 4), '') AS INT) AS "_create_date_zone_offset_minutes",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_create_date_slash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_create_date_slash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_create_date_slash_second",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_create_date_ordered_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_create_date_ordered_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_create_date_ordered_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        6
      ),
      ''
    ) AS "_create_date_ordered_meridiem",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_create_date_comma_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_create_date_comma_minute",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_create_date_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS "_create_date_comma_meridiem",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS "_last_activity_date_dash_sep",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_last_activity_date_dash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS INT) AS "_last_activity_date_dash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        5
      ),
      ''
    ) AS INT) AS "_last_activity_date_dash_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        7
      ),
      ''
    ) AS "_last_activity_date_dash_fraction",
    NULLIF(
      REGEXP_SUBSTR("t26"."_last_activity_date_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 1),
      ''
    ) AS "_last_activity_date_zone_sign",
    CAST(NULLIF(
      REGEXP_SUBSTR("t26"."_last_activity_date_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 2),
      ''
    ) AS INT) AS "_last_activity_date_zone_offset_hours",
    CAST(NULLIF(
      REGEXP_SUBSTR("t26"."_last_activity_date_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 4),
      ''
    ) AS INT) AS "_last_activity_date_zone_offset_minutes",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_last_activity_date_slash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_last_activity_date_slash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_last_activity_date_slash_second",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_last_activity_date_ordered_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_last_activity_date_ordered_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_last_activity_date_ordered_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        6
      ),
      ''
    ) AS "_last_activity_date_ordered_meridiem",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_last_activity_date_comma_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_last_activity_date_comma_minute",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_last_activity_date_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS "_last_activity_date_comma_meridiem",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS "_became_a_marketing_q_dash_sep",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_a_marketing_q_dash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS INT) AS "_became_a_marketing_q_dash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        5
      ),
      ''
    ) AS INT) AS "_became_a_marketing_q_dash_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        7
      ),
      ''
    ) AS "_became_a_marketing_q_dash_fraction",
    NULLIF(
      REGEXP_SUBSTR("t26"."_became_a_marketing_q_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 1),
      ''
    ) AS "_became_a_marketing_q_zone_sign",
    CAST(NULLIF(
      REGEXP_SUBSTR("t26"."_became_a_marketing_q_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 2),
      ''
    ) AS INT) AS "_became_a_marketing_q_zone_offset_hours",
    CAST(NULLIF(
      REGEXP_SUBSTR("t26"."_became_a_marketing_q_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 4),
      ''
    ) AS INT) AS "_became_a_marketing_q_zone_offset_minutes",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_became_a_marketing_q_slash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_a_marketing_q_slash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_became_a_marketing_q_slash_second",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_became_a_marketing_q_ordered_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_a_marketing_q_ordered_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_became_a_marketing_q_ordered_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        6
      ),
      ''
    ) AS "_became_a_marketing_q_ordered_meridiem",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_became_a_marketing_q_comma_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_a_marketing_q_comma_minute",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_marketing_q_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS "_became_a_marketing_q_comma_meridiem",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS "_became_a_sales_quali_dash_sep",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_a_sales_quali_dash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS INT) AS "_became_a_sales_quali_dash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        5
      ),
      ''
    ) AS INT) AS "_became_a_sales_quali_dash_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        7
      ),
      ''
    ) AS "_became_a_sales_quali_dash_fraction",
    NULLIF(
      REGEXP_SUBSTR("t26"."_became_a_sales_quali_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 1),
      ''
    ) AS "_became_a_sales_quali_zone_sign",
    CAST(NULLIF(
      REGEXP_SUBSTR("t26"."_became_a_sales_quali_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 2),
      ''
    ) AS INT) AS "_became_a_sales_quali_zone_offset_hours",
    CAST(NULLIF(
      REGEXP_SUBSTR("t26"."_became_a_sales_quali_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 4),
      ''
    ) AS INT) AS "_became_a_sales_quali_zone_offset_minutes",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_became_a_sales_quali_slash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_a_sales_quali_slash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_became_a_sales_quali_slash_second",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_became_a_sales_quali_ordered_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_a_sales_quali_ordered_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_became_a_sales_quali_ordered_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        6
      ),
      ''
    ) AS "_became_a_sales_quali_ordered_meridiem",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_became_a_sales_quali_comma_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_a_sales_quali_comma_minute",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_a_sales_quali_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS "_became_a_sales_quali_comma_meridiem",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS "_became_an_opportunit_dash_sep",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_an_opportunit_dash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS INT) AS "_became_an_opportunit_dash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        5
      ),
      ''
    ) AS INT) AS "_became_an_opportunit_dash_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        7
      ),
      ''
    ) AS "_became_an_opportunit_dash_fraction",
    NULLIF(
      REGEXP_SUBSTR("t26"."_became_an_opportunit_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 1),
      ''
    ) AS "_became_an_opportunit_zone_sign",
    CAST(NULLIF(
      REGEXP_SUBSTR("t26"."_became_an_opportunit_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 2),
      ''
    ) AS INT) AS "_became_an_opportunit_zone_offset_hours",
    CAST(NULLIF(
      REGEXP_SUBSTR("t26"."_became_an_opportunit_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 4),
      ''
    ) AS INT) AS "_became_an_opportunit_zone_offset_minutes",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_became_an_opportunit_slash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_an_opportunit_slash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_became_an_opportunit_slash_second",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_became_an_opportunit_ordered_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_an_opportunit_ordered_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_became_an_opportunit_ordered_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        6
      ),
      ''
    ) AS "_became_an_opportunit_ordered_meridiem",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_became_an_opportunit_comma_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_became_an_opportunit_comma_minute",
    NULLIF(
      REGEXP_SUBSTR(
        "t26"."_became_an_opportunit_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS "_became_an_opportunit_comma_meridiem"
  FROM "revq_leads_date_parts" AS "t26"
), "revq_leads_dates_checked" AS (
  /* each date checked (a real day and time), in one form */
  SELECT
    "t32"."Lifecycle Stage",
    "t32"."_record_id_trimmed",
    "t32"."_email_trimmed",
    "t32"."_first_name_trimmed",
    "t32"."_last_name_trimmed",
    "t32"."_job_title_trimmed",
    "t32"."_company_name_trimmed",
    "t32"."_website_url_trimmed",
    "t32"."_industry_trimmed",
    "t32"."_number_of_employees_trimmed",
    "t32"."_annual_revenue_trimmed",
    "t32"."_country_region_trimmed",
    "t32"."_original_source_trimmed",
    "t32"."_contact_owner_trimmed",
    "t32"."_create_date_trimmed",
    "t32"."_last_activity_date_trimmed",
    "t32"."_became_a_marketing_q_trimmed",
    "t32"."_became_a_sales_quali_trimmed",
    "t32"."_became_an_opportunit_trimmed",
    "t32"."_create_date_epoch",
    "t32"."_last_activity_date_epoch",
    "t32"."_became_a_marketing_q_epoch",
    "t32"."_became_a_sales_quali_epoch",
    "t32"."_became_an_opportunit_epoch",
    CASE
      WHEN COALESCE(
        (
          "t32"."_create_date_dash_year" IS NOT NULL
        )
        AND (
          "t32"."_create_date_dash_year" >= 0
        )
        AND "t32"."_create_date_dash_month" BETWEEN 1 AND 12
        AND (
          "t32"."_create_date_dash_day" >= 1
        )
        AND (
          "t32"."_create_date_dash_day" <= CASE
            WHEN "t32"."_create_date_dash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_create_date_dash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_create_date_dash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_create_date_dash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_create_date_dash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t32"."_create_date_dash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t32"."_create_date_dash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_create_date_dash_second", 0) BETWEEN 0 AND 59
        AND (
          COALESCE(
            NOT (
              "t32"."_create_date_zone_sign" IS NOT NULL
            )
            OR (
              (
                "t32"."_create_date_dash_hour" IS NOT NULL
              )
              AND (
                (
                  "t32"."_create_date_dash_sep" = 'T'
                ) OR (
                  "t32"."_create_date_dash_second" IS NOT NULL
                )
              )
            ),
            FALSE
          )
          AND COALESCE(
            NOT (
              "t32"."_create_date_zone_sign" IS NOT NULL
            )
            OR (
              "t32"."_create_date_zone_offset_hours" BETWEEN 0 AND 23
              AND COALESCE("t32"."_create_date_zone_offset_minutes", 0) BETWEEN 0 AND 59
            ),
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_create_date_dash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_create_date_dash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_create_date_dash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_create_date_dash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_create_date_dash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_create_date_dash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t32"."_create_date_dash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_create_date_dash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_create_date_dash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_create_date_dash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_create_date_dash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_create_date_dash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        SUBSTRING(CONCAT(COALESCE("t32"."_create_date_dash_fraction", ''), '000000'), 1, 6)
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_create_date_dash_text",
    CASE
      WHEN "t32"."_create_date_zone_sign" IS NOT NULL
      THEN CONCAT(
        "t32"."_create_date_zone_sign",
        LPAD(
          CAST("t32"."_create_date_zone_offset_hours" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_create_date_zone_offset_hours" AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_create_date_zone_offset_minutes", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_create_date_zone_offset_minutes", 0) AS VARCHAR)), 2),
          '0'
        )
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_create_date_dash_zone",
    CASE
      WHEN COALESCE(
        (
          "t32"."_create_date_slash_year" IS NOT NULL
        )
        AND (
          "t32"."_create_date_slash_year" >= 0
        )
        AND "t32"."_create_date_slash_month" BETWEEN 1 AND 12
        AND (
          "t32"."_create_date_slash_day" >= 1
        )
        AND (
          "t32"."_create_date_slash_day" <= CASE
            WHEN "t32"."_create_date_slash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_create_date_slash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_create_date_slash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_create_date_slash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_create_date_slash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t32"."_create_date_slash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t32"."_create_date_slash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_create_date_slash_second", 0) BETWEEN 0 AND 59
        AND TRUE,
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_create_date_slash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_create_date_slash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_create_date_slash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_create_date_slash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_create_date_slash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_create_date_slash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t32"."_create_date_slash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_create_date_slash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_create_date_slash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_create_date_slash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_create_date_slash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_create_date_slash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_create_date_slash_text",
    CASE
      WHEN COALESCE(
        (
          "t32"."_create_date_ordered_year" IS NOT NULL
        )
        AND (
          "t32"."_create_date_ordered_year" >= 0
        )
        AND "t32"."_create_date_ordered_first" BETWEEN 1 AND 12
        AND (
          "t32"."_create_date_ordered_second_number" >= 1
        )
        AND (
          "t32"."_create_date_ordered_second_number" <= CASE
            WHEN "t32"."_create_date_ordered_first" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_create_date_ordered_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_create_date_ordered_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_create_date_ordered_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_create_date_ordered_first" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE(
          CASE
            WHEN UPPER(COALESCE("t32"."_create_date_ordered_meridiem", "t32"."_create_date_comma_meridiem")) IS NOT NULL
            THEN (
              COALESCE("t32"."_create_date_ordered_hour", "t32"."_create_date_comma_hour") % 12
            ) + CASE
              WHEN UPPER(COALESCE("t32"."_create_date_ordered_meridiem", "t32"."_create_date_comma_meridiem")) = 'P'
              THEN 12
              ELSE 0
            END
            ELSE COALESCE("t32"."_create_date_ordered_hour", "t32"."_create_date_comma_hour")
          END,
          0
        ) BETWEEN 0 AND 23
        AND COALESCE(COALESCE("t32"."_create_date_ordered_minute", "t32"."_create_date_comma_minute"), 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_create_date_ordered_second", 0) BETWEEN 0 AND 59
        AND (
          (
            "t32"."_create_date_ordered_sep1" = "t32"."_create_date_ordered_sep2"
          )
          AND COALESCE(
            NOT (
              UPPER(COALESCE("t32"."_create_date_ordered_meridiem", "t32"."_create_date_comma_meridiem")) IS NOT NULL
            )
            OR COALESCE("t32"."_create_date_ordered_hour", "t32"."_create_date_comma_hour") BETWEEN 1 AND 12,
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_create_date_ordered_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_create_date_ordered_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_create_date_ordered_first" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_create_date_ordered_first" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_create_date_ordered_second_number" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_create_date_ordered_second_number" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE(
            CASE
              WHEN UPPER(COALESCE("t32"."_create_date_ordered_meridiem", "t32"."_create_date_comma_meridiem")) IS NOT NULL
              THEN (
                COALESCE("t32"."_create_date_ordered_hour", "t32"."_create_date_comma_hour") % 12
              ) + CASE
                WHEN UPPER(COALESCE("t32"."_create_date_ordered_meridiem", "t32"."_create_date_comma_meridiem")) = 'P'
                THEN 12
                ELSE 0
              END
              ELSE COALESCE("t32"."_create_date_ordered_hour", "t32"."_create_date_comma_hour")
            END,
            0
          ) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(
                CASE
                  WHEN UPPER(COALESCE("t32"."_create_date_ordered_meridiem", "t32"."_create_date_comma_meridiem")) IS NOT NULL
                  THEN (
                    COALESCE("t32"."_create_date_ordered_hour", "t32"."_create_date_comma_hour") % 12
                  ) + CASE
                    WHEN UPPER(COALESCE("t32"."_create_date_ordered_meridiem", "t32"."_create_date_comma_meridiem")) = 'P'
                    THEN 12
                    ELSE 0
                  END
                  ELSE COALESCE("t32"."_create_date_ordered_hour", "t32"."_create_date_comma_hour")
                END,
                0
              ) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE(COALESCE("t32"."_create_date_ordered_minute", "t32"."_create_date_comma_minute"), 0) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(COALESCE("t32"."_create_date_ordered_minute", "t32"."_create_date_comma_minute"), 0) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_create_date_ordered_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_create_date_ordered_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_create_date_ordered_text",
    CASE
      WHEN COALESCE(
        (
          "t32"."_last_activity_date_dash_year" IS NOT NULL
        )
        AND (
          "t32"."_last_activity_date_dash_year" >= 0
        )
        AND "t32"."_last_activity_date_dash_month" BETWEEN 1 AND 12
        AND (
          "t32"."_last_activity_date_dash_day" >= 1
        )
        AND (
          "t32"."_last_activity_date_dash_day" <= CASE
            WHEN "t32"."_last_activity_date_dash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_last_activity_date_dash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_last_activity_date_dash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_last_activity_date_dash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_last_activity_date_dash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t32"."_last_activity_date_dash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t32"."_last_activity_date_dash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_last_activity_date_dash_second", 0) BETWEEN 0 AND 59
        AND (
          COALESCE(
            NOT (
              "t32"."_last_activity_date_zone_sign" IS NOT NULL
            )
            OR (
              (
                "t32"."_last_activity_date_dash_hour" IS NOT NULL
              )
              AND (
                (
                  "t32"."_last_activity_date_dash_sep" = 'T'
                )
                OR (
                  "t32"."_last_activity_date_dash_second" IS NOT NULL
                )
              )
            ),
            FALSE
          )
          AND COALESCE(
            NOT (
              "t32"."_last_activity_date_zone_sign" IS NOT NULL
            )
            OR (
              "t32"."_last_activity_date_zone_offset_hours" BETWEEN 0 AND 23
              AND COALESCE("t32"."_last_activity_date_zone_offset_minutes", 0) BETWEEN 0 AND 59
            ),
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_last_activity_date_dash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_last_activity_date_dash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_last_activity_date_dash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_last_activity_date_dash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_last_activity_date_dash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_last_activity_date_dash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t32"."_last_activity_date_dash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_last_activity_date_dash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_last_activity_date_dash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_last_activity_date_dash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_last_activity_date_dash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_last_activity_date_dash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        SUBSTRING(CONCAT(COALESCE("t32"."_last_activity_date_dash_fraction", ''), '000000'), 1, 6)
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_last_activity_date_dash_text",
    CASE
      WHEN "t32"."_last_activity_date_zone_sign" IS NOT NULL
      THEN CONCAT(
        "t32"."_last_activity_date_zone_sign",
        LPAD(
          CAST("t32"."_last_activity_date_zone_offset_hours" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_last_activity_date_zone_offset_hours" AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_last_activity_date_zone_offset_minutes", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_last_activity_date_zone_offset_minutes", 0) AS VARCHAR)), 2),
          '0'
        )
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_last_activity_date_dash_zone",
    CASE
      WHEN COALESCE(
        (
          "t32"."_last_activity_date_slash_year" IS NOT NULL
        )
        AND (
          "t32"."_last_activity_date_slash_year" >= 0
        )
        AND "t32"."_last_activity_date_slash_month" BETWEEN 1 AND 12
        AND (
          "t32"."_last_activity_date_slash_day" >= 1
        )
        AND (
          "t32"."_last_activity_date_slash_day" <= CASE
            WHEN "t32"."_last_activity_date_slash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_last_activity_date_slash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_last_activity_date_slash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_last_activity_date_slash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_last_activity_date_slash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t32"."_last_activity_date_slash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t32"."_last_activity_date_slash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_last_activity_date_slash_second", 0) BETWEEN 0 AND 59
        AND TRUE,
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_last_activity_date_slash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_last_activity_date_slash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_last_activity_date_slash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_last_activity_date_slash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_last_activity_date_slash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_last_activity_date_slash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t32"."_last_activity_date_slash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_last_activity_date_slash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_last_activity_date_slash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_last_activity_date_slash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_last_activity_date_slash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_last_activity_date_slash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_last_activity_date_slash_text",
    CASE
      WHEN COALESCE(
        (
          "t32"."_last_activity_date_ordered_year" IS NOT NULL
        )
        AND (
          "t32"."_last_activity_date_ordered_year" >= 0
        )
        AND "t32"."_last_activity_date_ordered_first" BETWEEN 1 AND 12
        AND (
          "t32"."_last_activity_date_ordered_second_number" >= 1
        )
        AND (
          "t32"."_last_activity_date_ordered_second_number" <= CASE
            WHEN "t32"."_last_activity_date_ordered_first" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_last_activity_date_ordered_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_last_activity_date_ordered_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_last_activity_date_ordered_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_last_activity_date_ordered_first" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE(
          CASE
            WHEN UPPER(COALESCE("t32"."_last_activity_date_ordered_meridiem", "t32"."_last_activity_date_comma_meridiem")) IS NOT NULL
            THEN (
              COALESCE("t32"."_last_activity_date_ordered_hour", "t32"."_last_activity_date_comma_hour") % 12
            ) + CASE
              WHEN UPPER(COALESCE("t32"."_last_activity_date_ordered_meridiem", "t32"."_last_activity_date_comma_meridiem")) = 'P'
              THEN 12
              ELSE 0
            END
            ELSE COALESCE("t32"."_last_activity_date_ordered_hour", "t32"."_last_activity_date_comma_hour")
          END,
          0
        ) BETWEEN 0 AND 23
        AND COALESCE(COALESCE("t32"."_last_activity_date_ordered_minute", "t32"."_last_activity_date_comma_minute"), 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_last_activity_date_ordered_second", 0) BETWEEN 0 AND 59
        AND (
          (
            "t32"."_last_activity_date_ordered_sep1" = "t32"."_last_activity_date_ordered_sep2"
          )
          AND COALESCE(
            NOT (
              UPPER(COALESCE("t32"."_last_activity_date_ordered_meridiem", "t32"."_last_activity_date_comma_meridiem")) IS NOT NULL
            )
            OR COALESCE("t32"."_last_activity_date_ordered_hour", "t32"."_last_activity_date_comma_hour") BETWEEN 1 AND 12,
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_last_activity_date_ordered_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_last_activity_date_ordered_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_last_activity_date_ordered_first" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_last_activity_date_ordered_first" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_last_activity_date_ordered_second_number" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_last_activity_date_ordered_second_number" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE(
            CASE
              WHEN UPPER(COALESCE("t32"."_last_activity_date_ordered_meridiem", "t32"."_last_activity_date_comma_meridiem")) IS NOT NULL
              THEN (
                COALESCE("t32"."_last_activity_date_ordered_hour", "t32"."_last_activity_date_comma_hour") % 12
              ) + CASE
                WHEN UPPER(COALESCE("t32"."_last_activity_date_ordered_meridiem", "t32"."_last_activity_date_comma_meridiem")) = 'P'
                THEN 12
                ELSE 0
              END
              ELSE COALESCE("t32"."_last_activity_date_ordered_hour", "t32"."_last_activity_date_comma_hour")
            END,
            0
          ) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(
                CASE
                  WHEN UPPER(COALESCE("t32"."_last_activity_date_ordered_meridiem", "t32"."_last_activity_date_comma_meridiem")) IS NOT NULL
                  THEN (
                    COALESCE("t32"."_last_activity_date_ordered_hour", "t32"."_last_activity_date_comma_hour") % 12
                  ) + CASE
                    WHEN UPPER(COALESCE("t32"."_last_activity_date_ordered_meridiem", "t32"."_last_activity_date_comma_meridiem")) = 'P'
                    THEN 12
                    ELSE 0
                  END
                  ELSE COALESCE("t32"."_last_activity_date_ordered_hour", "t32"."_last_activity_date_comma_hour")
                END,
                0
              ) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE(COALESCE("t32"."_last_activity_date_ordered_minute", "t32"."_last_activity_date_comma_minute"), 0) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(COALESCE("t32"."_last_activity_date_ordered_minute", "t32"."_last_activity_date_comma_minute"), 0) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_last_activity_date_ordered_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_last_activity_date_ordered_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_last_activity_date_ordered_text",
    CASE
      WHEN COALESCE(
        (
          "t32"."_became_a_marketing_q_dash_year" IS NOT NULL
        )
        AND (
          "t32"."_became_a_marketing_q_dash_year" >= 0
        )
        AND "t32"."_became_a_marketing_q_dash_month" BETWEEN 1 AND 12
        AND (
          "t32"."_became_a_marketing_q_dash_day" >= 1
        )
        AND (
          "t32"."_became_a_marketing_q_dash_day" <= CASE
            WHEN "t32"."_became_a_marketing_q_dash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_became_a_marketing_q_dash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_became_a_marketing_q_dash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_became_a_marketing_q_dash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_became_a_marketing_q_dash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t32"."_became_a_marketing_q_dash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t32"."_became_a_marketing_q_dash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_became_a_marketing_q_dash_second", 0) BETWEEN 0 AND 59
        AND (
          COALESCE(
            NOT (
              "t32"."_became_a_marketing_q_zone_sign" IS NOT NULL
            )
            OR (
              (
                "t32"."_became_a_marketing_q_dash_hour" IS NOT NULL
              )
              AND (
                (
                  "t32"."_became_a_marketing_q_dash_sep" = 'T'
                )
                OR (
                  "t32"."_became_a_marketing_q_dash_second" IS NOT NULL
                )
              )
            ),
            FALSE
          )
          AND COALESCE(
            NOT (
              "t32"."_became_a_marketing_q_zone_sign" IS NOT NULL
            )
            OR (
              "t32"."_became_a_marketing_q_zone_offset_hours" BETWEEN 0 AND 23
              AND COALESCE("t32"."_became_a_marketing_q_zone_offset_minutes", 0) BETWEEN 0 AND 59
            ),
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_became_a_marketing_q_dash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_marketing_q_dash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_marketing_q_dash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_marketing_q_dash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_marketing_q_dash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_marketing_q_dash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t32"."_became_a_marketing_q_dash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_marketing_q_dash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_marketing_q_dash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_marketing_q_dash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_marketing_q_dash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_marketing_q_dash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        SUBSTRING(CONCAT(COALESCE("t32"."_became_a_marketing_q_dash_fraction", ''), '000000'), 1, 6)
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_marketing_q_dash_text",
    CASE
      WHEN "t32"."_became_a_marketing_q_zone_sign" IS NOT NULL
      THEN CONCAT(
        "t32"."_became_a_marketing_q_zone_sign",
        LPAD(
          CAST("t32"."_became_a_marketing_q_zone_offset_hours" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_marketing_q_zone_offset_hours" AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_marketing_q_zone_offset_minutes", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_marketing_q_zone_offset_minutes", 0) AS VARCHAR)), 2),
          '0'
        )
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_marketing_q_dash_zone",
    CASE
      WHEN COALESCE(
        (
          "t32"."_became_a_marketing_q_slash_year" IS NOT NULL
        )
        AND (
          "t32"."_became_a_marketing_q_slash_year" >= 0
        )
        AND "t32"."_became_a_marketing_q_slash_month" BETWEEN 1 AND 12
        AND (
          "t32"."_became_a_marketing_q_slash_day" >= 1
        )
        AND (
          "t32"."_became_a_marketing_q_slash_day" <= CASE
            WHEN "t32"."_became_a_marketing_q_slash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_became_a_marketing_q_slash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_became_a_marketing_q_slash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_became_a_marketing_q_slash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_became_a_marketing_q_slash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t32"."_became_a_marketing_q_slash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t32"."_became_a_marketing_q_slash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_became_a_marketing_q_slash_second", 0) BETWEEN 0 AND 59
        AND TRUE,
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_became_a_marketing_q_slash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_marketing_q_slash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_marketing_q_slash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_marketing_q_slash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_marketing_q_slash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_marketing_q_slash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t32"."_became_a_marketing_q_slash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_marketing_q_slash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_marketing_q_slash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_marketing_q_slash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_marketing_q_slash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_marketing_q_slash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_marketing_q_slash_text",
    CASE
      WHEN COALESCE(
        (
          "t32"."_became_a_marketing_q_ordered_year" IS NOT NULL
        )
        AND (
          "t32"."_became_a_marketing_q_ordered_year" >= 0
        )
        AND "t32"."_became_a_marketing_q_ordered_first" BETWEEN 1 AND 12
        AND (
          "t32"."_became_a_marketing_q_ordered_second_number" >= 1
        )
        AND (
          "t32"."_became_a_marketing_q_ordered_second_number" <= CASE
            WHEN "t32"."_became_a_marketing_q_ordered_first" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_became_a_marketing_q_ordered_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_became_a_marketing_q_ordered_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_became_a_marketing_q_ordered_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_became_a_marketing_q_ordered_first" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE(
          CASE
            WHEN UPPER(
              COALESCE("t32"."_became_a_marketing_q_ordered_meridiem", "t32"."_became_a_marketing_q_comma_meridiem")
            ) IS NOT NULL
            THEN (
              COALESCE("t32"."_became_a_marketing_q_ordered_hour", "t32"."_became_a_marketing_q_comma_hour") % 12
            ) + CASE
              WHEN UPPER(
                COALESCE("t32"."_became_a_marketing_q_ordered_meridiem", "t32"."_became_a_marketing_q_comma_meridiem")
              ) = 'P'
              THEN 12
              ELSE 0
            END
            ELSE COALESCE("t32"."_became_a_marketing_q_ordered_hour", "t32"."_became_a_marketing_q_comma_hour")
          END,
          0
        ) BETWEEN 0 AND 23
        AND COALESCE(COALESCE("t32"."_became_a_marketing_q_ordered_minute", "t32"."_became_a_marketing_q_comma_minute"), 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_became_a_marketing_q_ordered_second", 0) BETWEEN 0 AND 59
        AND (
          (
            "t32"."_became_a_marketing_q_ordered_sep1" = "t32"."_became_a_marketing_q_ordered_sep2"
          )
          AND COALESCE(
            NOT (
              UPPER(
                COALESCE("t32"."_became_a_marketing_q_ordered_meridiem", "t32"."_became_a_marketing_q_comma_meridiem")
              ) IS NOT NULL
            )
            OR COALESCE("t32"."_became_a_marketing_q_ordered_hour", "t32"."_became_a_marketing_q_comma_hour") BETWEEN 1 AND 12,
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_became_a_marketing_q_ordered_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_marketing_q_ordered_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_marketing_q_ordered_first" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_marketing_q_ordered_first" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_marketing_q_ordered_second_number" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_marketing_q_ordered_second_number" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE(
            CASE
              WHEN UPPER(
                COALESCE("t32"."_became_a_marketing_q_ordered_meridiem", "t32"."_became_a_marketing_q_comma_meridiem")
              ) IS NOT NULL
              THEN (
                COALESCE("t32"."_became_a_marketing_q_ordered_hour", "t32"."_became_a_marketing_q_comma_hour") % 12
              ) + CASE
                WHEN UPPER(
                  COALESCE("t32"."_became_a_marketing_q_ordered_meridiem", "t32"."_became_a_marketing_q_comma_meridiem")
                ) = 'P'
                THEN 12
                ELSE 0
              END
              ELSE COALESCE("t32"."_became_a_marketing_q_ordered_hour", "t32"."_became_a_marketing_q_comma_hour")
            END,
            0
          ) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(
                CASE
                  WHEN UPPER(
                    COALESCE("t32"."_became_a_marketing_q_ordered_meridiem", "t32"."_became_a_marketing_q_comma_meridiem")
                  ) IS NOT NULL
                  THEN (
                    COALESCE("t32"."_became_a_marketing_q_ordered_hour", "t32"."_became_a_marketing_q_comma_hour") % 12
                  ) + CASE
                    WHEN UPPER(
                      COALESCE("t32"."_became_a_marketing_q_ordered_meridiem", "t32"."_became_a_marketing_q_comma_meridiem")
                    ) = 'P'
                    THEN 12
                    ELSE 0
                  END
                  ELSE COALESCE("t32"."_became_a_marketing_q_ordered_hour", "t32"."_became_a_marketing_q_comma_hour")
                END,
                0
              ) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE(COALESCE("t32"."_became_a_marketing_q_ordered_minute", "t32"."_became_a_marketing_q_comma_minute"), 0) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(COALESCE("t32"."_became_a_marketing_q_ordered_minute", "t32"."_became_a_marketing_q_comma_minute"), 0) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_marketing_q_ordered_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_marketing_q_ordered_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_marketing_q_ordered_text",
    CASE
      WHEN COALESCE(
        (
          "t32"."_became_a_sales_quali_dash_year" IS NOT NULL
        )
        AND (
          "t32"."_became_a_sales_quali_dash_year" >= 0
        )
        AND "t32"."_became_a_sales_quali_dash_month" BETWEEN 1 AND 12
        AND (
          "t32"."_became_a_sales_quali_dash_day" >= 1
        )
        AND (
          "t32"."_became_a_sales_quali_dash_day" <= CASE
            WHEN "t32"."_became_a_sales_quali_dash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_became_a_sales_quali_dash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_became_a_sales_quali_dash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_became_a_sales_quali_dash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_became_a_sales_quali_dash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t32"."_became_a_sales_quali_dash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t32"."_became_a_sales_quali_dash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_became_a_sales_quali_dash_second", 0) BETWEEN 0 AND 59
        AND (
          COALESCE(
            NOT (
              "t32"."_became_a_sales_quali_zone_sign" IS NOT NULL
            )
            OR (
              (
                "t32"."_became_a_sales_quali_dash_hour" IS NOT NULL
              )
              AND (
                (
                  "t32"."_became_a_sales_quali_dash_sep" = 'T'
                )
                OR (
                  "t32"."_became_a_sales_quali_dash_second" IS NOT NULL
                )
              )
            ),
            FALSE
          )
          AND COALESCE(
            NOT (
              "t32"."_became_a_sales_quali_zone_sign" IS NOT NULL
            )
            OR (
              "t32"."_became_a_sales_quali_zone_offset_hours" BETWEEN 0 AND 23
              AND COALESCE("t32"."_became_a_sales_quali_zone_offset_minutes", 0) BETWEEN 0 AND 59
            ),
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_became_a_sales_quali_dash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_sales_quali_dash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_sales_quali_dash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_sales_quali_dash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_sales_quali_dash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_sales_quali_dash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t32"."_became_a_sales_quali_dash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_sales_quali_dash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_sales_quali_dash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_sales_quali_dash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_sales_quali_dash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_sales_quali_dash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        SUBSTRING(CONCAT(COALESCE("t32"."_became_a_sales_quali_dash_fraction", ''), '000000'), 1, 6)
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_sales_quali_dash_text",
    CASE
      WHEN "t32"."_became_a_sales_quali_zone_sign" IS NOT NULL
      THEN CONCAT(
        "t32"."_became_a_sales_quali_zone_sign",
        LPAD(
          CAST("t32"."_became_a_sales_quali_zone_offset_hours" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_sales_quali_zone_offset_hours" AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_sales_quali_zone_offset_minutes", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_sales_quali_zone_offset_minutes", 0) AS VARCHAR)), 2),
          '0'
        )
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_sales_quali_dash_zone",
    CASE
      WHEN COALESCE(
        (
          "t32"."_became_a_sales_quali_slash_year" IS NOT NULL
        )
        AND (
          "t32"."_became_a_sales_quali_slash_year" >= 0
        )
        AND "t32"."_became_a_sales_quali_slash_month" BETWEEN 1 AND 12
        AND (
          "t32"."_became_a_sales_quali_slash_day" >= 1
        )
        AND (
          "t32"."_became_a_sales_quali_slash_day" <= CASE
            WHEN "t32"."_became_a_sales_quali_slash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_became_a_sales_quali_slash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_became_a_sales_quali_slash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_became_a_sales_quali_slash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_became_a_sales_quali_slash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t32"."_became_a_sales_quali_slash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t32"."_became_a_sales_quali_slash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_became_a_sales_quali_slash_second", 0) BETWEEN 0 AND 59
        AND TRUE,
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_became_a_sales_quali_slash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_sales_quali_slash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_sales_quali_slash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_sales_quali_slash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_sales_quali_slash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_sales_quali_slash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t32"."_became_a_sales_quali_slash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_sales_quali_slash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_sales_quali_slash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_sales_quali_slash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_sales_quali_slash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_sales_quali_slash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_sales_quali_slash_text",
    CASE
      WHEN COALESCE(
        (
          "t32"."_became_a_sales_quali_ordered_year" IS NOT NULL
        )
        AND (
          "t32"."_became_a_sales_quali_ordered_year" >= 0
        )
        AND "t32"."_became_a_sales_quali_ordered_first" BETWEEN 1 AND 12
        AND (
          "t32"."_became_a_sales_quali_ordered_second_number" >= 1
        )
        AND (
          "t32"."_became_a_sales_quali_ordered_second_number" <= CASE
            WHEN "t32"."_became_a_sales_quali_ordered_first" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_became_a_sales_quali_ordered_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_became_a_sales_quali_ordered_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_became_a_sales_quali_ordered_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_became_a_sales_quali_ordered_first" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE(
          CASE
            WHEN UPPER(
              COALESCE("t32"."_became_a_sales_quali_ordered_meridiem", "t32"."_became_a_sales_quali_comma_meridiem")
            ) IS NOT NULL
            THEN (
              COALESCE("t32"."_became_a_sales_quali_ordered_hour", "t32"."_became_a_sales_quali_comma_hour") % 12
            ) + CASE
              WHEN UPPER(
                COALESCE("t32"."_became_a_sales_quali_ordered_meridiem", "t32"."_became_a_sales_quali_comma_meridiem")
              ) = 'P'
              THEN 12
              ELSE 0
            END
            ELSE COALESCE("t32"."_became_a_sales_quali_ordered_hour", "t32"."_became_a_sales_quali_comma_hour")
          END,
          0
        ) BETWEEN 0 AND 23
        AND COALESCE(COALESCE("t32"."_became_a_sales_quali_ordered_minute", "t32"."_became_a_sales_quali_comma_minute"), 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_became_a_sales_quali_ordered_second", 0) BETWEEN 0 AND 59
        AND (
          (
            "t32"."_became_a_sales_quali_ordered_sep1" = "t32"."_became_a_sales_quali_ordered_sep2"
          )
          AND COALESCE(
            NOT (
              UPPER(
                COALESCE("t32"."_became_a_sales_quali_ordered_meridiem", "t32"."_became_a_sales_quali_comma_meridiem")
              ) IS NOT NULL
            )
            OR COALESCE("t32"."_became_a_sales_quali_ordered_hour", "t32"."_became_a_sales_quali_comma_hour") BETWEEN 1 AND 12,
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_became_a_sales_quali_ordered_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_sales_quali_ordered_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_sales_quali_ordered_first" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_sales_quali_ordered_first" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_a_sales_quali_ordered_second_number" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_a_sales_quali_ordered_second_number" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE(
            CASE
              WHEN UPPER(
                COALESCE("t32"."_became_a_sales_quali_ordered_meridiem", "t32"."_became_a_sales_quali_comma_meridiem")
              ) IS NOT NULL
              THEN (
                COALESCE("t32"."_became_a_sales_quali_ordered_hour", "t32"."_became_a_sales_quali_comma_hour") % 12
              ) + CASE
                WHEN UPPER(
                  COALESCE("t32"."_became_a_sales_quali_ordered_meridiem", "t32"."_became_a_sales_quali_comma_meridiem")
                ) = 'P'
                THEN 12
                ELSE 0
              END
              ELSE COALESCE("t32"."_became_a_sales_quali_ordered_hour", "t32"."_became_a_sales_quali_comma_hour")
            END,
            0
          ) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(
                CASE
                  WHEN UPPER(
                    COALESCE("t32"."_became_a_sales_quali_ordered_meridiem", "t32"."_became_a_sales_quali_comma_meridiem")
                  ) IS NOT NULL
                  THEN (
                    COALESCE("t32"."_became_a_sales_quali_ordered_hour", "t32"."_became_a_sales_quali_comma_hour") % 12
                  ) + CASE
                    WHEN UPPER(
                      COALESCE("t32"."_became_a_sales_quali_ordered_meridiem", "t32"."_became_a_sales_quali_comma_meridiem")
                    ) = 'P'
                    THEN 12
                    ELSE 0
                  END
                  ELSE COALESCE("t32"."_became_a_sales_quali_ordered_hour", "t32"."_became_a_sales_quali_comma_hour")
                END,
                0
              ) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE(COALESCE("t32"."_became_a_sales_quali_ordered_minute", "t32"."_became_a_sales_quali_comma_minute"), 0) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(COALESCE("t32"."_became_a_sales_quali_ordered_minute", "t32"."_became_a_sales_quali_comma_minute"), 0) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_a_sales_quali_ordered_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_a_sales_quali_ordered_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_a_sales_quali_ordered_text",
    CASE
      WHEN COALESCE(
        (
          "t32"."_became_an_opportunit_dash_year" IS NOT NULL
        )
        AND (
          "t32"."_became_an_opportunit_dash_year" >= 0
        )
        AND "t32"."_became_an_opportunit_dash_month" BETWEEN 1 AND 12
        AND (
          "t32"."_became_an_opportunit_dash_day" >= 1
        )
        AND (
          "t32"."_became_an_opportunit_dash_day" <= CASE
            WHEN "t32"."_became_an_opportunit_dash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_became_an_opportunit_dash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_became_an_opportunit_dash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_became_an_opportunit_dash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_became_an_opportunit_dash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t32"."_became_an_opportunit_dash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t32"."_became_an_opportunit_dash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_became_an_opportunit_dash_second", 0) BETWEEN 0 AND 59
        AND (
          COALESCE(
            NOT (
              "t32"."_became_an_opportunit_zone_sign" IS NOT NULL
            )
            OR (
              (
                "t32"."_became_an_opportunit_dash_hour" IS NOT NULL
              )
              AND (
                (
                  "t32"."_became_an_opportunit_dash_sep" = 'T'
                )
                OR (
                  "t32"."_became_an_opportunit_dash_second" IS NOT NULL
                )
              )
            ),
            FALSE
          )
          AND COALESCE(
            NOT (
              "t32"."_became_an_opportunit_zone_sign" IS NOT NULL
            )
            OR (
              "t32"."_became_an_opportunit_zone_offset_hours" BETWEEN 0 AND 23
              AND COALESCE("t32"."_became_an_opportunit_zone_offset_minutes", 0) BETWEEN 0 AND 59
            ),
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_became_an_opportunit_dash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_an_opportunit_dash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_an_opportunit_dash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_an_opportunit_dash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_an_opportunit_dash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_an_opportunit_dash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t32"."_became_an_opportunit_dash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_an_opportunit_dash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_an_opportunit_dash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_an_opportunit_dash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_an_opportunit_dash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_an_opportunit_dash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        SUBSTRING(CONCAT(COALESCE("t32"."_became_an_opportunit_dash_fraction", ''), '000000'), 1, 6)
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_an_opportunit_dash_text",
    CASE
      WHEN "t32"."_became_an_opportunit_zone_sign" IS NOT NULL
      THEN CONCAT(
        "t32"."_became_an_opportunit_zone_sign",
        LPAD(
          CAST("t32"."_became_an_opportunit_zone_offset_hours" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_an_opportunit_zone_offset_hours" AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_an_opportunit_zone_offset_minutes", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_an_opportunit_zone_offset_minutes", 0) AS VARCHAR)), 2),
          '0'
        )
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_an_opportunit_dash_zone",
    CASE
      WHEN COALESCE(
        (
          "t32"."_became_an_opportunit_slash_year" IS NOT NULL
        )
        AND (
          "t32"."_became_an_opportunit_slash_year" >= 0
        )
        AND "t32"."_became_an_opportunit_slash_month" BETWEEN 1 AND 12
        AND (
          "t32"."_became_an_opportunit_slash_day" >= 1
        )
        AND (
          "t32"."_became_an_opportunit_slash_day" <= CASE
            WHEN "t32"."_became_an_opportunit_slash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_became_an_opportunit_slash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_became_an_opportunit_slash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_became_an_opportunit_slash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_became_an_opportunit_slash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t32"."_became_an_opportunit_slash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t32"."_became_an_opportunit_slash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_became_an_opportunit_slash_second", 0) BETWEEN 0 AND 59
        AND TRUE,
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_became_an_opportunit_slash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_an_opportunit_slash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_an_opportunit_slash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_an_opportunit_slash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_an_opportunit_slash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_an_opportunit_slash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t32"."_became_an_opportunit_slash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_an_opportunit_slash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_an_opportunit_slash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_an_opportunit_slash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_an_opportunit_slash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_an_opportunit_slash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_an_opportunit_slash_text",
    CASE
      WHEN COALESCE(
        (
          "t32"."_became_an_opportunit_ordered_year" IS NOT NULL
        )
        AND (
          "t32"."_became_an_opportunit_ordered_year" >= 0
        )
        AND "t32"."_became_an_opportunit_ordered_first" BETWEEN 1 AND 12
        AND (
          "t32"."_became_an_opportunit_ordered_second_number" >= 1
        )
        AND (
          "t32"."_became_an_opportunit_ordered_second_number" <= CASE
            WHEN "t32"."_became_an_opportunit_ordered_first" = 2
            THEN CASE
              WHEN (
                (
                  "t32"."_became_an_opportunit_ordered_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t32"."_became_an_opportunit_ordered_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t32"."_became_an_opportunit_ordered_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t32"."_became_an_opportunit_ordered_first" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE(
          CASE
            WHEN UPPER(
              COALESCE("t32"."_became_an_opportunit_ordered_meridiem", "t32"."_became_an_opportunit_comma_meridiem")
            ) IS NOT NULL
            THEN (
              COALESCE("t32"."_became_an_opportunit_ordered_hour", "t32"."_became_an_opportunit_comma_hour") % 12
            ) + CASE
              WHEN UPPER(
                COALESCE("t32"."_became_an_opportunit_ordered_meridiem", "t32"."_became_an_opportunit_comma_meridiem")
              ) = 'P'
              THEN 12
              ELSE 0
            END
            ELSE COALESCE("t32"."_became_an_opportunit_ordered_hour", "t32"."_became_an_opportunit_comma_hour")
          END,
          0
        ) BETWEEN 0 AND 23
        AND COALESCE(COALESCE("t32"."_became_an_opportunit_ordered_minute", "t32"."_became_an_opportunit_comma_minute"), 0) BETWEEN 0 AND 59
        AND COALESCE("t32"."_became_an_opportunit_ordered_second", 0) BETWEEN 0 AND 59
        AND (
          (
            "t32"."_became_an_opportunit_ordered_sep1" = "t32"."_became_an_opportunit_ordered_sep2"
          )
          AND COALESCE(
            NOT (
              UPPER(
                COALESCE("t32"."_became_an_opportunit_ordered_meridiem", "t32"."_became_an_opportunit_comma_meridiem")
              ) IS NOT NULL
            )
            OR COALESCE("t32"."_became_an_opportunit_ordered_hour", "t32"."_became_an_opportunit_comma_hour") BETWEEN 1 AND 12,
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t32"."_became_an_opportunit_ordered_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_an_opportunit_ordered_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_an_opportunit_ordered_first" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_an_opportunit_ordered_first" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t32"."_became_an_opportunit_ordered_second_number" AS VARCHAR),
          GREATEST(LENGTH(CAST("t32"."_became_an_opportunit_ordered_second_number" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE(
            CASE
              WHEN UPPER(
                COALESCE("t32"."_became_an_opportunit_ordered_meridiem", "t32"."_became_an_opportunit_comma_meridiem")
              ) IS NOT NULL
              THEN (
                COALESCE("t32"."_became_an_opportunit_ordered_hour", "t32"."_became_an_opportunit_comma_hour") % 12
              ) + CASE
                WHEN UPPER(
                  COALESCE("t32"."_became_an_opportunit_ordered_meridiem", "t32"."_became_an_opportunit_comma_meridiem")
                ) = 'P'
                THEN 12
                ELSE 0
              END
              ELSE COALESCE("t32"."_became_an_opportunit_ordered_hour", "t32"."_became_an_opportunit_comma_hour")
            END,
            0
          ) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(
                CASE
                  WHEN UPPER(
                    COALESCE("t32"."_became_an_opportunit_ordered_meridiem", "t32"."_became_an_opportunit_comma_meridiem")
                  ) IS NOT NULL
                  THEN (
                    COALESCE("t32"."_became_an_opportunit_ordered_hour", "t32"."_became_an_opportunit_comma_hour") % 12
                  ) + CASE
                    WHEN UPPER(
                      COALESCE("t32"."_became_an_opportunit_ordered_meridiem", "t32"."_became_an_opportunit_comma_meridiem")
                    ) = 'P'
                    THEN 12
                    ELSE 0
                  END
                  ELSE COALESCE("t32"."_became_an_opportunit_ordered_hour", "t32"."_became_an_opportunit_comma_hour")
                END,
                0
              ) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE(COALESCE("t32"."_became_an_opportunit_ordered_minute", "t32"."_became_an_opportunit_comma_minute"), 0) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(COALESCE("t32"."_became_an_opportunit_ordered_minute", "t32"."_became_an_opportunit_comma_minute"), 0) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t32"."_became_an_opportunit_ordered_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t32"."_became_an_opportunit_ordered_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_became_an_opportunit_ordered_text"
  FROM "revq_leads_time_parts" AS "t32"
), "revq_leads_mapped" AS (
  /* revq's columns, values typed; rows that do not parse left out */
  SELECT
    "t53"."lead_id",
    "t53"."email",
    "t53"."first_name",
    "t53"."last_name",
    "t53"."title",
    "t53"."company",
    "t53"."website",
    "t53"."industry",
    "t53"."employees",
    "t53"."annual_revenue",
    "t53"."country",
    "t53"."lead_source",
    "t53"."lifecycle_stage",
    "t53"."owner",
    "t53"."created_at",
    "t53"."last_activity_at",
    "t53"."mql_at",
    "t53"."sql_at",
    "t53"."opportunity_at",
    "t53"."email_normalised",
    "t53"."email_domain",
    "t53"."is_personal_email",
    COALESCE(
      NULLIF(
        REGEXP_REPLACE(
          REGEXP_REPLACE(
            REGEXP_REPLACE(
              REGEXP_REPLACE(
                LOWER(
                  REPLACE(
                    REGEXP_REPLACE("t53"."website", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                    'İ',
                    'i̇'
                  )
                ),
                '^[a-z][a-z0-9+.-]*://',
                ''
              ),
              '^www[.]',
              ''
            ),
            '[/?#:].*$',
            ''
          ),
          '^[.]+|[.]+$',
          ''
        ),
        ''
      ),
      CASE WHEN NOT (
        "t53"."is_personal_email"
      ) THEN "t53"."email_domain" ELSE CAST(NULL AS VARCHAR) END
    ) AS "account_key"
  FROM (
    SELECT
      COALESCE(
        "t52"."lead_id",
        "t52"."email_normalised",
        NULLIF(
          REGEXP_REPLACE("t52"."email", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
          ''
        )
      ) AS "lead_id",
      "t52"."email",
      "t52"."first_name",
      "t52"."last_name",
      "t52"."title",
      "t52"."company",
      "t52"."website",
      "t52"."industry",
      "t52"."employees",
      "t52"."annual_revenue",
      "t52"."country",
      "t52"."lead_source",
      "t52"."lifecycle_stage",
      "t52"."owner",
      "t52"."created_at",
      "t52"."last_activity_at",
      "t52"."mql_at",
      "t52"."sql_at",
      "t52"."opportunity_at",
      "t52"."email_normalised",
      SUBSTRING(
        "t52"."email_normalised",
        IFF(
          (
            (
              POSITION('@', "t52"."email_normalised") - 1
            ) + 1 + 1
          ) >= 1,
          (
            POSITION('@', "t52"."email_normalised") - 1
          ) + 1 + 1,
          (
            POSITION('@', "t52"."email_normalised") - 1
          ) + 1 + 1 + LENGTH("t52"."email_normalised")
        )
      ) AS "email_domain",
      SUBSTRING(
        "t52"."email_normalised",
        IFF(
          (
            (
              POSITION('@', "t52"."email_normalised") - 1
            ) + 1 + 1
          ) >= 1,
          (
            POSITION('@', "t52"."email_normalised") - 1
          ) + 1 + 1,
          (
            POSITION('@', "t52"."email_normalised") - 1
          ) + 1 + 1 + LENGTH("t52"."email_normalised")
        )
      ) IN (
        '163.com',
        'aol.com',
        'att.net',
        'btinternet.com',
        'comcast.net',
        'free.fr',
        'gmail.com',
        'gmx.com',
        'gmx.de',
        'gmx.net',
        'googlemail.com',
        'hey.com',
        'hotmail.co.uk',
        'hotmail.com',
        'hotmail.de',
        'hotmail.fr',
        'icloud.com',
        'libero.it',
        'live.com',
        'mac.com',
        'mail.com',
        'mail.ru',
        'me.com',
        'msn.com',
        'orange.fr',
        'outlook.com',
        'pm.me',
        'proton.me',
        'protonmail.com',
        'qq.com',
        'rediffmail.com',
        'sbcglobal.net',
        't-online.de',
        'verizon.net',
        'web.de',
        'yahoo.co.in',
        'yahoo.co.uk',
        'yahoo.com',
        'yahoo.de',
        'yahoo.fr',
        'yandex.com',
        'yandex.ru',
        'ymail.com',
        'zoho.com'
      ) AS "is_personal_email"
    FROM (
      SELECT
        "t51"."lead_id",
        "t51"."email",
        "t51"."first_name",
        "t51"."last_name",
        "t51"."title",
        "t51"."company",
        "t51"."website",
        "t51"."industry",
        "t51"."employees",
        "t51"."annual_revenue",
        "t51"."country",
        "t51"."lead_source",
        "t51"."lifecycle_stage",
        "t51"."owner",
        "t51"."created_at",
        "t51"."last_activity_at",
        "t51"."mql_at",
        "t51"."sql_at",
        "t51"."opportunity_at",
        CASE
          WHEN REGEXP_LIKE(
            LOWER(
              REPLACE(
                REGEXP_REPLACE("t51"."email", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                'İ',
                'i̇'
              )
            ),
            CONCAT(
              '.*',
              '^[^@\t\n\x0b\f\r                  　]+@[^@\t\n\x0b\f\r                  　]+[.][^@\t\n\x0b\f\r                  　]+$',
              '.*'
            ),
            'cs'
          )
          THEN LOWER(
            REPLACE(
              REGEXP_REPLACE("t51"."email", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
              'İ',
              'i̇'
            )
          )
          ELSE CAST(NULL AS VARCHAR)
        END AS "email_normalised"
      FROM (
        SELECT
          "t50".*
          EXCLUDE ("__revq_rejected")
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t38"."_record_id_trimmed" AS "lead_id",
              NULLIF("t38"."_email_trimmed", '') AS "email",
              NULLIF("t38"."_first_name_trimmed", '') AS "first_name",
              NULLIF("t38"."_last_name_trimmed", '') AS "last_name",
              NULLIF("t38"."_job_title_trimmed", '') AS "title",
              NULLIF("t38"."_company_name_trimmed", '') AS "company",
              NULLIF("t38"."_website_url_trimmed", '') AS "website",
              NULLIF("t38"."_industry_trimmed", '') AS "industry",
              COALESCE(
                CASE
                  WHEN REGEXP_LIKE("t38"."_number_of_employees_trimmed", CONCAT('.*', '^[-+]?[0-9]{1,18}$', '.*'), 'cs')
                  THEN CAST("t38"."_number_of_employees_trimmed" AS BIGINT)
                  ELSE CAST(NULL AS BIGINT)
                END,
                CASE
                  WHEN (
                    ABS(
                      CASE
                        WHEN REGEXP_LIKE("t38"."_number_of_employees_trimmed", CONCAT('.*', '^[(].*[)]$', '.*'), 'cs')
                        THEN -(
                          CASE
                            WHEN REGEXP_LIKE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                              'cs'
                            )
                            AND REGEXP_LIKE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              CONCAT('.*', '[0-9]', '.*'),
                              'cs'
                            )
                            THEN CAST(REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              ',',
                              ''
                            ) AS DOUBLE)
                            ELSE CAST(NULL AS DOUBLE)
                          END
                        )
                        ELSE CASE
                          WHEN REGEXP_LIKE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                            'cs'
                          )
                          AND REGEXP_LIKE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            CONCAT('.*', '[0-9]', '.*'),
                            'cs'
                          )
                          THEN CAST(REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            ',',
                            ''
                          ) AS DOUBLE)
                          ELSE CAST(NULL AS DOUBLE)
                        END
                      END
                    ) < 9e+18
                  )
                  AND (
                    CAST(CAST(CASE
                      WHEN REGEXP_LIKE("t38"."_number_of_employees_trimmed", CONCAT('.*', '^[(].*[)]$', '.*'), 'cs')
                      THEN -(
                        CASE
                          WHEN REGEXP_LIKE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                            'cs'
                          )
                          AND REGEXP_LIKE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            CONCAT('.*', '[0-9]', '.*'),
                            'cs'
                          )
                          THEN CAST(REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            ',',
                            ''
                          ) AS DOUBLE)
                          ELSE CAST(NULL AS DOUBLE)
                        END
                      )
                      ELSE CASE
                        WHEN REGEXP_LIKE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                          'cs'
                        )
                        AND REGEXP_LIKE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          CONCAT('.*', '[0-9]', '.*'),
                          'cs'
                        )
                        THEN CAST(REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          ',',
                          ''
                        ) AS DOUBLE)
                        ELSE CAST(NULL AS DOUBLE)
                      END
                    END AS BIGINT) AS DOUBLE) = CASE
                      WHEN REGEXP_LIKE("t38"."_number_of_employees_trimmed", CONCAT('.*', '^[(].*[)]$', '.*'), 'cs')
                      THEN -(
                        CASE
                          WHEN REGEXP_LIKE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                            'cs'
                          )
                          AND REGEXP_LIKE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            CONCAT('.*', '[0-9]', '.*'),
                            'cs'
                          )
                          THEN CAST(REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            ',',
                            ''
                          ) AS DOUBLE)
                          ELSE CAST(NULL AS DOUBLE)
                        END
                      )
                      ELSE CASE
                        WHEN REGEXP_LIKE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                          'cs'
                        )
                        AND REGEXP_LIKE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          CONCAT('.*', '[0-9]', '.*'),
                          'cs'
                        )
                        THEN CAST(REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          ',',
                          ''
                        ) AS DOUBLE)
                        ELSE CAST(NULL AS DOUBLE)
                      END
                    END
                  )
                  THEN CAST(CASE
                    WHEN REGEXP_LIKE("t38"."_number_of_employees_trimmed", CONCAT('.*', '^[(].*[)]$', '.*'), 'cs')
                    THEN -(
                      CASE
                        WHEN REGEXP_LIKE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                          'cs'
                        )
                        AND REGEXP_LIKE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          CONCAT('.*', '[0-9]', '.*'),
                          'cs'
                        )
                        THEN CAST(REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          ',',
                          ''
                        ) AS DOUBLE)
                        ELSE CAST(NULL AS DOUBLE)
                      END
                    )
                    ELSE CASE
                      WHEN REGEXP_LIKE(
                        REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                              '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                              ''
                            ),
                            '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                            ''
                          ),
                          '[\t\n\x0b\f\r                  　\']',
                          ''
                        ),
                        CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                        'cs'
                      )
                      AND REGEXP_LIKE(
                        REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                              '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                              ''
                            ),
                            '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                            ''
                          ),
                          '[\t\n\x0b\f\r                  　\']',
                          ''
                        ),
                        CONCAT('.*', '[0-9]', '.*'),
                        'cs'
                      )
                      THEN CAST(REPLACE(
                        REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                              '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                              ''
                            ),
                            '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                            ''
                          ),
                          '[\t\n\x0b\f\r                  　\']',
                          ''
                        ),
                        ',',
                        ''
                      ) AS DOUBLE)
                      ELSE CAST(NULL AS DOUBLE)
                    END
                  END AS BIGINT)
                  ELSE CAST(NULL AS BIGINT)
                END
              ) AS "employees",
              COALESCE(
                CASE
                  WHEN REGEXP_LIKE(
                    "t38"."_annual_revenue_trimmed",
                    CONCAT('.*', '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]{1,2})?$', '.*'),
                    'cs'
                  )
                  THEN CAST("t38"."_annual_revenue_trimmed" AS DOUBLE)
                  ELSE CAST(NULL AS DOUBLE)
                END,
                CASE
                  WHEN REGEXP_LIKE("t38"."_annual_revenue_trimmed", CONCAT('.*', '^[(].*[)]$', '.*'), 'cs')
                  THEN -(
                    CASE
                      WHEN REGEXP_LIKE(
                        REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                              '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                              ''
                            ),
                            '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                            ''
                          ),
                          '[\t\n\x0b\f\r                  　\']',
                          ''
                        ),
                        CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                        'cs'
                      )
                      AND REGEXP_LIKE(
                        REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                              '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                              ''
                            ),
                            '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                            ''
                          ),
                          '[\t\n\x0b\f\r                  　\']',
                          ''
                        ),
                        CONCAT('.*', '[0-9]', '.*'),
                        'cs'
                      )
                      THEN CAST(REPLACE(
                        REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                              '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                              ''
                            ),
                            '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                            ''
                          ),
                          '[\t\n\x0b\f\r                  　\']',
                          ''
                        ),
                        ',',
                        ''
                      ) AS DOUBLE)
                      ELSE CAST(NULL AS DOUBLE)
                    END
                  )
                  ELSE CASE
                    WHEN REGEXP_LIKE(
                      REGEXP_REPLACE(
                        REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                            '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                            ''
                          ),
                          '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                          ''
                        ),
                        '[\t\n\x0b\f\r                  　\']',
                        ''
                      ),
                      CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                      'cs'
                    )
                    AND REGEXP_LIKE(
                      REGEXP_REPLACE(
                        REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                            '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                            ''
                          ),
                          '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                          ''
                        ),
                        '[\t\n\x0b\f\r                  　\']',
                        ''
                      ),
                      CONCAT('.*', '[0-9]', '.*'),
                      'cs'
                    )
                    THEN CAST(REPLACE(
                      REGEXP_REPLACE(
                        REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                            '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                            ''
                          ),
                          '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                          ''
                        ),
                        '[\t\n\x0b\f\r                  　\']',
                        ''
                      ),
                      ',',
                      ''
                    ) AS DOUBLE)
                    ELSE CAST(NULL AS DOUBLE)
                  END
                END
              ) AS "annual_revenue",
              NULLIF("t38"."_country_region_trimmed", '') AS "country",
              NULLIF("t38"."_original_source_trimmed", '') AS "lead_source",
              CASE
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t38"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'subscriber'
                THEN 'lead'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t38"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'lead'
                THEN 'lead'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t38"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'marketing qualified lead'
                THEN 'mql'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t38"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'marketingqualifiedlead'
                THEN 'mql'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t38"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'sales qualified lead'
                THEN 'sql'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t38"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'salesqualifiedlead'
                THEN 'sql'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t38"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'opportunity'
                THEN 'opportunity'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t38"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'customer'
                THEN 'won'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t38"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'evangelist'
                THEN 'won'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t38"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'other'
                THEN 'lead'
                ELSE CAST(NULL AS VARCHAR)
              END AS "lifecycle_stage",
              NULLIF("t38"."_contact_owner_trimmed", '') AS "owner",
              COALESCE(
                CASE
                  WHEN "t38"."_create_date_dash_zone" IS NOT NULL
                  THEN CAST(CONCAT("t38"."_create_date_dash_text", COALESCE("t38"."_create_date_dash_zone", '')) AS TIMESTAMPTZ(6))
                  ELSE CAST(CONCAT("t38"."_create_date_dash_text", '+00:00') AS TIMESTAMPTZ(6))
                END,
                CAST(CONCAT("t38"."_create_date_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
                CAST(CONCAT("t38"."_create_date_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
                CASE
                  WHEN "t38"."_create_date_epoch" IS NOT NULL
                  THEN CAST(TO_TIMESTAMP("t38"."_create_date_epoch", 3) AS TIMESTAMPTZ(6))
                  ELSE CAST(NULL AS TIMESTAMPTZ(6))
                END
              ) AS "created_at",
              COALESCE(
                CASE
                  WHEN "t38"."_last_activity_date_dash_zone" IS NOT NULL
                  THEN CAST(CONCAT("t38"."_last_activity_date_dash_text", COALESCE("t38"."_last_activity_date_dash_zone", '')) AS TIMESTAMPTZ(6))
                  ELSE CAST(CONCAT("t38"."_last_activity_date_dash_text", '+00:00') AS TIMESTAMPTZ(6))
                END,
                CAST(CONCAT("t38"."_last_activity_date_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
                CAST(CONCAT("t38"."_last_activity_date_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
                CASE
                  WHEN "t38"."_last_activity_date_epoch" IS NOT NULL
                  THEN CAST(TO_TIMESTAMP("t38"."_last_activity_date_epoch", 3) AS TIMESTAMPTZ(6))
                  ELSE CAST(NULL AS TIMESTAMPTZ(6))
                END
              ) AS "last_activity_at",
              COALESCE(
                CASE
                  WHEN "t38"."_became_a_marketing_q_dash_zone" IS NOT NULL
                  THEN CAST(CONCAT("t38"."_became_a_marketing_q_dash_text", COALESCE("t38"."_became_a_marketing_q_dash_zone", '')) AS TIMESTAMPTZ(6))
                  ELSE CAST(CONCAT("t38"."_became_a_marketing_q_dash_text", '+00:00') AS TIMESTAMPTZ(6))
                END,
                CAST(CONCAT("t38"."_became_a_marketing_q_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
                CAST(CONCAT("t38"."_became_a_marketing_q_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
                CASE
                  WHEN "t38"."_became_a_marketing_q_epoch" IS NOT NULL
                  THEN CAST(TO_TIMESTAMP("t38"."_became_a_marketing_q_epoch", 3) AS TIMESTAMPTZ(6))
                  ELSE CAST(NULL AS TIMESTAMPTZ(6))
                END
              ) AS "mql_at",
              COALESCE(
                CASE
                  WHEN "t38"."_became_a_sales_quali_dash_zone" IS NOT NULL
                  THEN CAST(CONCAT("t38"."_became_a_sales_quali_dash_text", COALESCE("t38"."_became_a_sales_quali_dash_zone", '')) AS TIMESTAMPTZ(6))
                  ELSE CAST(CONCAT("t38"."_became_a_sales_quali_dash_text", '+00:00') AS TIMESTAMPTZ(6))
                END,
                CAST(CONCAT("t38"."_became_a_sales_quali_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
                CAST(CONCAT("t38"."_became_a_sales_quali_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
                CASE
                  WHEN "t38"."_became_a_sales_quali_epoch" IS NOT NULL
                  THEN CAST(TO_TIMESTAMP("t38"."_became_a_sales_quali_epoch", 3) AS TIMESTAMPTZ(6))
                  ELSE CAST(NULL AS TIMESTAMPTZ(6))
                END
              ) AS "sql_at",
              COALESCE(
                CASE
                  WHEN "t38"."_became_an_opportunit_dash_zone" IS NOT NULL
                  THEN CAST(CONCAT("t38"."_became_an_opportunit_dash_text", COALESCE("t38"."_became_an_opportunit_dash_zone", '')) AS TIMESTAMPTZ(6))
                  ELSE CAST(CONCAT("t38"."_became_an_opportunit_dash_text", '+00:00') AS TIMESTAMPTZ(6))
                END,
                CAST(CONCAT("t38"."_became_an_opportunit_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
                CAST(CONCAT("t38"."_became_an_opportunit_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
                CASE
                  WHEN "t38"."_became_an_opportunit_epoch" IS NOT NULL
                  THEN CAST(TO_TIMESTAMP("t38"."_became_an_opportunit_epoch", 3) AS TIMESTAMPTZ(6))
                  ELSE CAST(NULL AS TIMESTAMPTZ(6))
                END
              ) AS "opportunity_at",
              (
                COALESCE(
                  (
                    "t38"."_number_of_employees_trimmed" IS NOT NULL
                  )
                  AND (
                    "t38"."_number_of_employees_trimmed" <> ''
                  ),
                  FALSE
                )
                AND (
                  COALESCE(
                    CASE
                      WHEN REGEXP_LIKE("t38"."_number_of_employees_trimmed", CONCAT('.*', '^[-+]?[0-9]{1,18}$', '.*'), 'cs')
                      THEN CAST("t38"."_number_of_employees_trimmed" AS BIGINT)
                      ELSE CAST(NULL AS BIGINT)
                    END,
                    CASE
                      WHEN (
                        ABS(
                          CASE
                            WHEN REGEXP_LIKE("t38"."_number_of_employees_trimmed", CONCAT('.*', '^[(].*[)]$', '.*'), 'cs')
                            THEN -(
                              CASE
                                WHEN REGEXP_LIKE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                        '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                        ''
                                      ),
                                      '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                      ''
                                    ),
                                    '[\t\n\x0b\f\r                  　\']',
                                    ''
                                  ),
                                  CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                                  'cs'
                                )
                                AND REGEXP_LIKE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                        '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                        ''
                                      ),
                                      '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                      ''
                                    ),
                                    '[\t\n\x0b\f\r                  　\']',
                                    ''
                                  ),
                                  CONCAT('.*', '[0-9]', '.*'),
                                  'cs'
                                )
                                THEN CAST(REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                        '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                        ''
                                      ),
                                      '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                      ''
                                    ),
                                    '[\t\n\x0b\f\r                  　\']',
                                    ''
                                  ),
                                  ',',
                                  ''
                                ) AS DOUBLE)
                                ELSE CAST(NULL AS DOUBLE)
                              END
                            )
                            ELSE CASE
                              WHEN REGEXP_LIKE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                      ''
                                    ),
                                    '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                    ''
                                  ),
                                  '[\t\n\x0b\f\r                  　\']',
                                  ''
                                ),
                                CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                                'cs'
                              )
                              AND REGEXP_LIKE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                      ''
                                    ),
                                    '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                    ''
                                  ),
                                  '[\t\n\x0b\f\r                  　\']',
                                  ''
                                ),
                                CONCAT('.*', '[0-9]', '.*'),
                                'cs'
                              )
                              THEN CAST(REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                      ''
                                    ),
                                    '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                    ''
                                  ),
                                  '[\t\n\x0b\f\r                  　\']',
                                  ''
                                ),
                                ',',
                                ''
                              ) AS DOUBLE)
                              ELSE CAST(NULL AS DOUBLE)
                            END
                          END
                        ) < 9e+18
                      )
                      AND (
                        CAST(CAST(CASE
                          WHEN REGEXP_LIKE("t38"."_number_of_employees_trimmed", CONCAT('.*', '^[(].*[)]$', '.*'), 'cs')
                          THEN -(
                            CASE
                              WHEN REGEXP_LIKE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                      ''
                                    ),
                                    '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                    ''
                                  ),
                                  '[\t\n\x0b\f\r                  　\']',
                                  ''
                                ),
                                CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                                'cs'
                              )
                              AND REGEXP_LIKE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                      ''
                                    ),
                                    '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                    ''
                                  ),
                                  '[\t\n\x0b\f\r                  　\']',
                                  ''
                                ),
                                CONCAT('.*', '[0-9]', '.*'),
                                'cs'
                              )
                              THEN CAST(REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                      ''
                                    ),
                                    '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                    ''
                                  ),
                                  '[\t\n\x0b\f\r                  　\']',
                                  ''
                                ),
                                ',',
                                ''
                              ) AS DOUBLE)
                              ELSE CAST(NULL AS DOUBLE)
                            END
                          )
                          ELSE CASE
                            WHEN REGEXP_LIKE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                              'cs'
                            )
                            AND REGEXP_LIKE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              CONCAT('.*', '[0-9]', '.*'),
                              'cs'
                            )
                            THEN CAST(REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              ',',
                              ''
                            ) AS DOUBLE)
                            ELSE CAST(NULL AS DOUBLE)
                          END
                        END AS BIGINT) AS DOUBLE) = CASE
                          WHEN REGEXP_LIKE("t38"."_number_of_employees_trimmed", CONCAT('.*', '^[(].*[)]$', '.*'), 'cs')
                          THEN -(
                            CASE
                              WHEN REGEXP_LIKE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                      ''
                                    ),
                                    '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                    ''
                                  ),
                                  '[\t\n\x0b\f\r                  　\']',
                                  ''
                                ),
                                CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                                'cs'
                              )
                              AND REGEXP_LIKE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                      ''
                                    ),
                                    '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                    ''
                                  ),
                                  '[\t\n\x0b\f\r                  　\']',
                                  ''
                                ),
                                CONCAT('.*', '[0-9]', '.*'),
                                'cs'
                              )
                              THEN CAST(REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                      '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                      ''
                                    ),
                                    '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                    ''
                                  ),
                                  '[\t\n\x0b\f\r                  　\']',
                                  ''
                                ),
                                ',',
                                ''
                              ) AS DOUBLE)
                              ELSE CAST(NULL AS DOUBLE)
                            END
                          )
                          ELSE CASE
                            WHEN REGEXP_LIKE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                              'cs'
                            )
                            AND REGEXP_LIKE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              CONCAT('.*', '[0-9]', '.*'),
                              'cs'
                            )
                            THEN CAST(REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              ',',
                              ''
                            ) AS DOUBLE)
                            ELSE CAST(NULL AS DOUBLE)
                          END
                        END
                      )
                      THEN CAST(CASE
                        WHEN REGEXP_LIKE("t38"."_number_of_employees_trimmed", CONCAT('.*', '^[(].*[)]$', '.*'), 'cs')
                        THEN -(
                          CASE
                            WHEN REGEXP_LIKE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                              'cs'
                            )
                            AND REGEXP_LIKE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              CONCAT('.*', '[0-9]', '.*'),
                              'cs'
                            )
                            THEN CAST(REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                    '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                    ''
                                  ),
                                  '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                  ''
                                ),
                                '[\t\n\x0b\f\r                  　\']',
                                ''
                              ),
                              ',',
                              ''
                            ) AS DOUBLE)
                            ELSE CAST(NULL AS DOUBLE)
                          END
                        )
                        ELSE CASE
                          WHEN REGEXP_LIKE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                            'cs'
                          )
                          AND REGEXP_LIKE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            CONCAT('.*', '[0-9]', '.*'),
                            'cs'
                          )
                          THEN CAST(REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_number_of_employees_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            ',',
                            ''
                          ) AS DOUBLE)
                          ELSE CAST(NULL AS DOUBLE)
                        END
                      END AS BIGINT)
                      ELSE CAST(NULL AS BIGINT)
                    END
                  ) IS NULL
                )
              )
              OR (
                COALESCE(
                  (
                    "t38"."_annual_revenue_trimmed" IS NOT NULL
                  ) AND (
                    "t38"."_annual_revenue_trimmed" <> ''
                  ),
                  FALSE
                )
                AND (
                  COALESCE(
                    CASE
                      WHEN REGEXP_LIKE(
                        "t38"."_annual_revenue_trimmed",
                        CONCAT('.*', '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]{1,2})?$', '.*'),
                        'cs'
                      )
                      THEN CAST("t38"."_annual_revenue_trimmed" AS DOUBLE)
                      ELSE CAST(NULL AS DOUBLE)
                    END,
                    CASE
                      WHEN REGEXP_LIKE("t38"."_annual_revenue_trimmed", CONCAT('.*', '^[(].*[)]$', '.*'), 'cs')
                      THEN -(
                        CASE
                          WHEN REGEXP_LIKE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                            'cs'
                          )
                          AND REGEXP_LIKE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            CONCAT('.*', '[0-9]', '.*'),
                            'cs'
                          )
                          THEN CAST(REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                                  '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                  ''
                                ),
                                '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                                ''
                              ),
                              '[\t\n\x0b\f\r                  　\']',
                              ''
                            ),
                            ',',
                            ''
                          ) AS DOUBLE)
                          ELSE CAST(NULL AS DOUBLE)
                        END
                      )
                      ELSE CASE
                        WHEN REGEXP_LIKE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          CONCAT('.*', '^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?([.][0-9]+)?([eE][-+]?[0-9]{1,2})?$', '.*'),
                          'cs'
                        )
                        AND REGEXP_LIKE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          CONCAT('.*', '[0-9]', '.*'),
                          'cs'
                        )
                        THEN CAST(REPLACE(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE("t38"."_annual_revenue_trimmed", '^[(]|[)]$', ''),
                                '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
                                ''
                              ),
                              '^([A-Z]{3}[\t\n\x0b\f\r                  　]*|[$€£¥₹][\t\n\x0b\f\r                  　]*)|([\t\n\x0b\f\r                  　]*[A-Z]{3}|[\t\n\x0b\f\r                  　]*[$€£¥₹])$',
                              ''
                            ),
                            '[\t\n\x0b\f\r                  　\']',
                            ''
                          ),
                          ',',
                          ''
                        ) AS DOUBLE)
                        ELSE CAST(NULL AS DOUBLE)
                      END
                    END
                  ) IS NULL
                )
              )
              OR (
                COALESCE((
                  "t38"."_create_date_trimmed" IS NOT NULL
                ) AND (
                  "t38"."_create_date_trimmed" <> ''
                ), FALSE)
                AND (
                  COALESCE(
                    CASE
                      WHEN "t38"."_create_date_dash_zone" IS NOT NULL
                      THEN CAST(CONCAT("t38"."_create_date_dash_text", COALESCE("t38"."_create_date_dash_zone", '')) AS TIMESTAMPTZ(6))
                      ELSE CAST(CONCAT("t38"."_create_date_dash_text", '+00:00') AS TIMESTAMPTZ(6))
                    END,
                    CAST(CONCAT("t38"."_create_date_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
                    CAST(CONCAT("t38"."_create_date_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
                    CASE
                      WHEN "t38"."_create_date_epoch" IS NOT NULL
                      THEN CAST(TO_TIMESTAMP("t38"."_create_date_epoch", 3) AS TIMESTAMPTZ(6))
                      ELSE CAST(NULL AS TIMESTAMPTZ(6))
                    END
                  ) IS NULL
                )
              )
              OR (
                COALESCE(
                  (
                    "t38"."_last_activity_date_trimmed" IS NOT NULL
                  )
                  AND (
                    "t38"."_last_activity_date_trimmed" <> ''
                  ),
                  FALSE
                )
                AND (
                  COALESCE(
                    CASE
                      WHEN "t38"."_last_activity_date_dash_zone" IS NOT NULL
                      THEN CAST(CONCAT("t38"."_last_activity_date_dash_text", COALESCE("t38"."_last_activity_date_dash_zone", '')) AS TIMESTAMPTZ(6))
                      ELSE CAST(CONCAT("t38"."_last_activity_date_dash_text", '+00:00') AS TIMESTAMPTZ(6))
                    END,
                    CAST(CONCAT("t38"."_last_activity_date_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
                    CAST(CONCAT("t38"."_last_activity_date_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
                    CASE
                      WHEN "t38"."_last_activity_date_epoch" IS NOT NULL
                      THEN CAST(TO_TIMESTAMP("t38"."_last_activity_date_epoch", 3) AS TIMESTAMPTZ(6))
                      ELSE CAST(NULL AS TIMESTAMPTZ(6))
                    END
                  ) IS NULL
                )
              )
              OR (
                COALESCE(
                  (
                    "t38"."_became_a_marketing_q_trimmed" IS NOT NULL
                  )
                  AND (
                    "t38"."_became_a_marketing_q_trimmed" <> ''
                  ),
                  FALSE
                )
                AND (
                  COALESCE(
                    CASE
                      WHEN "t38"."_became_a_marketing_q_dash_zone" IS NOT NULL
                      THEN CAST(CONCAT("t38"."_became_a_marketing_q_dash_text", COALESCE("t38"."_became_a_marketing_q_dash_zone", '')) AS TIMESTAMPTZ(6))
                      ELSE CAST(CONCAT("t38"."_became_a_marketing_q_dash_text", '+00:00') AS TIMESTAMPTZ(6))
                    END,
                    CAST(CONCAT("t38"."_became_a_marketing_q_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
                    CAST(CONCAT("t38"."_became_a_marketing_q_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
                    CASE
                      WHEN "t38"."_became_a_marketing_q_epoch" IS NOT NULL
                      THEN CAST(TO_TIMESTAMP("t38"."_became_a_marketing_q_epoch", 3) AS TIMESTAMPTZ(6))
                      ELSE CAST(NULL AS TIMESTAMPTZ(6))
                    END
                  ) IS NULL
                )
              )
              OR (
                COALESCE(
                  (
                    "t38"."_became_a_sales_quali_trimmed" IS NOT NULL
                  )
                  AND (
                    "t38"."_became_a_sales_quali_trimmed" <> ''
                  ),
                  FALSE
                )
                AND (
                  COALESCE(
                    CASE
                      WHEN "t38"."_became_a_sales_quali_dash_zone" IS NOT NULL
                      THEN CAST(CONCAT("t38"."_became_a_sales_quali_dash_text", COALESCE("t38"."_became_a_sales_quali_dash_zone", '')) AS TIMESTAMPTZ(6))
                      ELSE CAST(CONCAT("t38"."_became_a_sales_quali_dash_text", '+00:00') AS TIMESTAMPTZ(6))
                    END,
                    CAST(CONCAT("t38"."_became_a_sales_quali_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
                    CAST(CONCAT("t38"."_became_a_sales_quali_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
                    CASE
                      WHEN "t38"."_became_a_sales_quali_epoch" IS NOT NULL
                      THEN CAST(TO_TIMESTAMP("t38"."_became_a_sales_quali_epoch", 3) AS TIMESTAMPTZ(6))
                      ELSE CAST(NULL AS TIMESTAMPTZ(6))
                    END
                  ) IS NULL
                )
              )
              OR (
                COALESCE(
                  (
                    "t38"."_became_an_opportunit_trimmed" IS NOT NULL
                  )
                  AND (
                    "t38"."_became_an_opportunit_trimmed" <> ''
                  ),
                  FALSE
                )
                AND (
                  COALESCE(
                    CASE
                      WHEN "t38"."_became_an_opportunit_dash_zone" IS NOT NULL
                      THEN CAST(CONCAT("t38"."_became_an_opportunit_dash_text", COALESCE("t38"."_became_an_opportunit_dash_zone", '')) AS TIMESTAMPTZ(6))
                      ELSE CAST(CONCAT("t38"."_became_an_opportunit_dash_text", '+00:00') AS TIMESTAMPTZ(6))
                    END,
                    CAST(CONCAT("t38"."_became_an_opportunit_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
                    CAST(CONCAT("t38"."_became_an_opportunit_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
                    CASE
                      WHEN "t38"."_became_an_opportunit_epoch" IS NOT NULL
                      THEN CAST(TO_TIMESTAMP("t38"."_became_an_opportunit_epoch", 3) AS TIMESTAMPTZ(6))
                      ELSE CAST(NULL AS TIMESTAMPTZ(6))
                    END
                  ) IS NULL
                )
              )
              OR NOT (
                COALESCE((
                  "t38"."_record_id_trimmed" IS NOT NULL
                ) AND (
                  "t38"."_record_id_trimmed" <> ''
                ), FALSE)
                OR COALESCE((
                  "t38"."_email_trimmed" IS NOT NULL
                ) AND (
                  "t38"."_email_trimmed" <> ''
                ), FALSE)
              ) AS "__revq_rejected"
            FROM "revq_leads_dates_checked" AS "t38"
          ) AS "t49"
          WHERE
            NOT (
              "t49"."__revq_rejected"
            )
        ) AS "t50"
      ) AS "t51"
    ) AS "t52"
  ) AS "t53"
), "revq_leads_sharing_id" AS (
  /* how many records share each lead id */
  SELECT
    "t55"."lead_id",
    "t55"."email",
    "t55"."first_name",
    "t55"."last_name",
    "t55"."title",
    "t55"."company",
    "t55"."website",
    "t55"."industry",
    "t55"."employees",
    "t55"."annual_revenue",
    "t55"."country",
    "t55"."lead_source",
    "t55"."lifecycle_stage",
    "t55"."owner",
    "t55"."created_at",
    "t55"."last_activity_at",
    "t55"."mql_at",
    "t55"."sql_at",
    "t55"."opportunity_at",
    "t55"."email_normalised",
    "t55"."email_domain",
    "t55"."is_personal_email",
    "t55"."account_key",
    COUNT("t55"."lead_id") OVER (
      PARTITION BY "t55"."lead_id"
      ORDER BY NULL ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "__revq_sharing"
  FROM "revq_leads_mapped" AS "t55"
), "revq_leads_ranked_by_id" AS (
  /* the records sharing a lead id, latest activity first */
  SELECT
    "t58"."lead_id",
    "t58"."email",
    "t58"."first_name",
    "t58"."last_name",
    "t58"."title",
    "t58"."company",
    "t58"."website",
    "t58"."industry",
    "t58"."employees",
    "t58"."annual_revenue",
    "t58"."country",
    "t58"."lead_source",
    "t58"."lifecycle_stage",
    "t58"."owner",
    "t58"."created_at",
    "t58"."last_activity_at",
    "t58"."mql_at",
    "t58"."sql_at",
    "t58"."opportunity_at",
    "t58"."email_normalised",
    "t58"."email_domain",
    "t58"."is_personal_email",
    "t58"."account_key",
    ROW_NUMBER() OVER (
      PARTITION BY "t58"."lead_id"
      ORDER BY "t58"."last_activity_at" DESC NULLS LAST, "t58"."created_at" DESC NULLS LAST, 0 + CAST("t58"."lead_id" IS NOT NULL AS BIGINT) + CAST("t58"."email" IS NOT NULL AS BIGINT) + CAST("t58"."first_name" IS NOT NULL AS BIGINT) + CAST("t58"."last_name" IS NOT NULL AS BIGINT) + CAST("t58"."title" IS NOT NULL AS BIGINT) + CAST("t58"."company" IS NOT NULL AS BIGINT) + CAST("t58"."website" IS NOT NULL AS BIGINT) + CAST("t58"."industry" IS NOT NULL AS BIGINT) + CAST("t58"."employees" IS NOT NULL AS BIGINT) + CAST("t58"."annual_revenue" IS NOT NULL AS BIGINT) + CAST("t58"."country" IS NOT NULL AS BIGINT) + CAST("t58"."lead_source" IS NOT NULL AS BIGINT) + CAST("t58"."lifecycle_stage" IS NOT NULL AS BIGINT) + CAST("t58"."owner" IS NOT NULL AS BIGINT) + CAST("t58"."created_at" IS NOT NULL AS BIGINT) + CAST("t58"."last_activity_at" IS NOT NULL AS BIGINT) + CAST("t58"."mql_at" IS NOT NULL AS BIGINT) + CAST("t58"."sql_at" IS NOT NULL AS BIGINT) + CAST("t58"."opportunity_at" IS NOT NULL AS BIGINT) + CAST("t58"."email_normalised" IS NOT NULL AS BIGINT) + CAST("t58"."email_domain" IS NOT NULL AS BIGINT) + CAST("t58"."is_personal_email" IS NOT NULL AS BIGINT) + CAST("t58"."account_key" IS NOT NULL AS BIGINT) DESC NULLS LAST, LENGTH("t58"."lead_id") DESC NULLS LAST, "t58"."lead_id" DESC NULLS LAST, "t58"."email" DESC NULLS LAST, "t58"."first_name" DESC NULLS LAST, "t58"."last_name" DESC NULLS LAST, "t58"."title" DESC NULLS LAST, "t58"."company" DESC NULLS LAST, "t58"."website" DESC NULLS LAST, "t58"."industry" DESC NULLS LAST, "t58"."employees" DESC NULLS LAST, "t58"."annual_revenue" DESC NULLS LAST, "t58"."country" DESC NULLS LAST, "t58"."lead_source" DESC NULLS LAST, "t58"."lifecycle_stage" DESC NULLS LAST, "t58"."owner" DESC NULLS LAST, "t58"."mql_at" DESC NULLS LAST, "t58"."sql_at" DESC NULLS LAST, "t58"."opportunity_at" DESC NULLS LAST, "t58"."email_normalised" DESC NULLS LAST, "t58"."email_domain" DESC NULLS LAST, "t58"."is_personal_email" DESC NULLS LAST, "t58"."account_key" DESC NULLS LAST
    ) - 1 AS "__revq_rank"
  FROM (
    SELECT
      "t57"."lead_id",
      "t57"."email",
      "t57"."first_name",
      "t57"."last_name",
      "t57"."title",
      "t57"."company",
      "t57"."website",
      "t57"."industry",
      "t57"."employees",
      "t57"."annual_revenue",
      "t57"."country",
      "t57"."lead_source",
      "t57"."lifecycle_stage",
      "t57"."owner",
      "t57"."created_at",
      "t57"."last_activity_at",
      "t57"."mql_at",
      "t57"."sql_at",
      "t57"."opportunity_at",
      "t57"."email_normalised",
      "t57"."email_domain",
      "t57"."is_personal_email",
      "t57"."account_key"
    FROM "revq_leads_sharing_id" AS "t57"
    WHERE
      "t57"."lead_id" IS NOT NULL AND "t57"."__revq_sharing" >= 2
  ) AS "t58"
), "revq_leads_merged_by_id" AS (
  /* one record per lead id: each field from the first that has it */
  SELECT
    *
  FROM (
    SELECT
      "t57"."lead_id",
      "t57"."email",
      "t57"."first_name",
      "t57"."last_name",
      "t57"."title",
      "t57"."company",
      "t57"."website",
      "t57"."industry",
      "t57"."employees",
      "t57"."annual_revenue",
      "t57"."country",
      "t57"."lead_source",
      "t57"."lifecycle_stage",
      "t57"."owner",
      "t57"."created_at",
      "t57"."last_activity_at",
      "t57"."mql_at",
      "t57"."sql_at",
      "t57"."opportunity_at",
      "t57"."email_normalised",
      "t57"."email_domain",
      "t57"."is_personal_email",
      "t57"."account_key"
    FROM "revq_leads_sharing_id" AS "t57"
    WHERE
      (
        "t57"."lead_id" IS NULL
      ) OR (
        "t57"."__revq_sharing" < 2
      )
  ) AS "t59"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t61"."lead_id",
        MIN_BY(
          IFF("t61"."email" IS NOT NULL, "t61"."email", NULL),
          IFF("t61"."email" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "email",
        MIN_BY(
          IFF("t61"."first_name" IS NOT NULL, "t61"."first_name", NULL),
          IFF("t61"."first_name" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "first_name",
        MIN_BY(
          IFF("t61"."last_name" IS NOT NULL, "t61"."last_name", NULL),
          IFF("t61"."last_name" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "last_name",
        MIN_BY(
          IFF("t61"."title" IS NOT NULL, "t61"."title", NULL),
          IFF("t61"."title" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "title",
        MIN_BY(
          IFF("t61"."company" IS NOT NULL, "t61"."company", NULL),
          IFF("t61"."company" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "company",
        MIN_BY(
          IFF("t61"."website" IS NOT NULL, "t61"."website", NULL),
          IFF("t61"."website" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "website",
        MIN_BY(
          IFF("t61"."industry" IS NOT NULL, "t61"."industry", NULL),
          IFF("t61"."industry" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "industry",
        MIN_BY(
          IFF("t61"."employees" IS NOT NULL, "t61"."employees", NULL),
          IFF("t61"."employees" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "employees",
        MIN_BY(
          IFF("t61"."annual_revenue" IS NOT NULL, "t61"."annual_revenue", NULL),
          IFF("t61"."annual_revenue" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "annual_revenue",
        MIN_BY(
          IFF("t61"."country" IS NOT NULL, "t61"."country", NULL),
          IFF("t61"."country" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "country",
        MIN_BY(
          IFF("t61"."lead_source" IS NOT NULL, "t61"."lead_source", NULL),
          IFF("t61"."lead_source" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "lead_source",
        MIN_BY(
          IFF("t61"."lifecycle_stage" IS NOT NULL, "t61"."lifecycle_stage", NULL),
          IFF("t61"."lifecycle_stage" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "lifecycle_stage",
        MIN_BY(
          IFF("t61"."owner" IS NOT NULL, "t61"."owner", NULL),
          IFF("t61"."owner" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "owner",
        MIN("t61"."created_at") AS "created_at",
        MIN_BY(
          IFF("t61"."last_activity_at" IS NOT NULL, "t61"."last_activity_at", NULL),
          IFF("t61"."last_activity_at" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "last_activity_at",
        MIN_BY(
          IFF("t61"."mql_at" IS NOT NULL, "t61"."mql_at", NULL),
          IFF("t61"."mql_at" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "mql_at",
        MIN_BY(
          IFF("t61"."sql_at" IS NOT NULL, "t61"."sql_at", NULL),
          IFF("t61"."sql_at" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "sql_at",
        MIN_BY(
          IFF("t61"."opportunity_at" IS NOT NULL, "t61"."opportunity_at", NULL),
          IFF("t61"."opportunity_at" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "opportunity_at",
        MIN_BY(
          IFF("t61"."email_normalised" IS NOT NULL, "t61"."email_normalised", NULL),
          IFF("t61"."email_normalised" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "email_normalised",
        MIN_BY(
          IFF("t61"."email_domain" IS NOT NULL, "t61"."email_domain", NULL),
          IFF("t61"."email_domain" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "email_domain",
        MIN_BY(
          IFF("t61"."is_personal_email" IS NOT NULL, "t61"."is_personal_email", NULL),
          IFF("t61"."is_personal_email" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "is_personal_email",
        MIN_BY(
          IFF("t61"."account_key" IS NOT NULL, "t61"."account_key", NULL),
          IFF("t61"."account_key" IS NOT NULL, "t61"."__revq_rank", NULL)
        ) AS "account_key"
      FROM "revq_leads_ranked_by_id" AS "t61"
      GROUP BY
        1
    ) AS "t62"
  ) AS "t63"
), "revq_leads_sharing_email" AS (
  /* how many records share each email */
  SELECT
    "t65"."lead_id",
    "t65"."email",
    "t65"."first_name",
    "t65"."last_name",
    "t65"."title",
    "t65"."company",
    "t65"."website",
    "t65"."industry",
    "t65"."employees",
    "t65"."annual_revenue",
    "t65"."country",
    "t65"."lead_source",
    "t65"."lifecycle_stage",
    "t65"."owner",
    "t65"."created_at",
    "t65"."last_activity_at",
    "t65"."mql_at",
    "t65"."sql_at",
    "t65"."opportunity_at",
    "t65"."email_normalised",
    "t65"."email_domain",
    "t65"."is_personal_email",
    "t65"."account_key",
    COUNT("t65"."email_normalised") OVER (
      PARTITION BY "t65"."email_normalised"
      ORDER BY NULL ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "__revq_sharing"
  FROM "revq_leads_merged_by_id" AS "t65"
), "revq_leads_ranked_by_email" AS (
  /* the records sharing an email, latest activity first */
  SELECT
    "t70"."lead_id",
    "t70"."email",
    "t70"."first_name",
    "t70"."last_name",
    "t70"."title",
    "t70"."company",
    "t70"."website",
    "t70"."industry",
    "t70"."employees",
    "t70"."annual_revenue",
    "t70"."country",
    "t70"."lead_source",
    "t70"."lifecycle_stage",
    "t70"."owner",
    "t70"."created_at",
    "t70"."last_activity_at",
    "t70"."mql_at",
    "t70"."sql_at",
    "t70"."opportunity_at",
    "t70"."email_normalised",
    "t70"."email_domain",
    "t70"."is_personal_email",
    "t70"."account_key",
    ROW_NUMBER() OVER (
      PARTITION BY "t70"."email_normalised"
      ORDER BY "t70"."last_activity_at" DESC NULLS LAST, "t70"."created_at" DESC NULLS LAST, 0 + CAST("t70"."lead_id" IS NOT NULL AS BIGINT) + CAST("t70"."email" IS NOT NULL AS BIGINT) + CAST("t70"."first_name" IS NOT NULL AS BIGINT) + CAST("t70"."last_name" IS NOT NULL AS BIGINT) + CAST("t70"."title" IS NOT NULL AS BIGINT) + CAST("t70"."company" IS NOT NULL AS BIGINT) + CAST("t70"."website" IS NOT NULL AS BIGINT) + CAST("t70"."industry" IS NOT NULL AS BIGINT) + CAST("t70"."employees" IS NOT NULL AS BIGINT) + CAST("t70"."annual_revenue" IS NOT NULL AS BIGINT) + CAST("t70"."country" IS NOT NULL AS BIGINT) + CAST("t70"."lead_source" IS NOT NULL AS BIGINT) + CAST("t70"."lifecycle_stage" IS NOT NULL AS BIGINT) + CAST("t70"."owner" IS NOT NULL AS BIGINT) + CAST("t70"."created_at" IS NOT NULL AS BIGINT) + CAST("t70"."last_activity_at" IS NOT NULL AS BIGINT) + CAST("t70"."mql_at" IS NOT NULL AS BIGINT) + CAST("t70"."sql_at" IS NOT NULL AS BIGINT) + CAST("t70"."opportunity_at" IS NOT NULL AS BIGINT) + CAST("t70"."email_normalised" IS NOT NULL AS BIGINT) + CAST("t70"."email_domain" IS NOT NULL AS BIGINT) + CAST("t70"."is_personal_email" IS NOT NULL AS BIGINT) + CAST("t70"."account_key" IS NOT NULL AS BIGINT) DESC NULLS LAST, LENGTH("t70"."lead_id") DESC NULLS LAST, "t70"."lead_id" DESC NULLS LAST, "t70"."email" DESC NULLS LAST, "t70"."first_name" DESC NULLS LAST, "t70"."last_name" DESC NULLS LAST, "t70"."title" DESC NULLS LAST, "t70"."company" DESC NULLS LAST, "t70"."website" DESC NULLS LAST, "t70"."industry" DESC NULLS LAST, "t70"."employees" DESC NULLS LAST, "t70"."annual_revenue" DESC NULLS LAST, "t70"."country" DESC NULLS LAST, "t70"."lead_source" DESC NULLS LAST, "t70"."lifecycle_stage" DESC NULLS LAST, "t70"."owner" DESC NULLS LAST, "t70"."mql_at" DESC NULLS LAST, "t70"."sql_at" DESC NULLS LAST, "t70"."opportunity_at" DESC NULLS LAST, "t70"."email_normalised" DESC NULLS LAST, "t70"."email_domain" DESC NULLS LAST, "t70"."is_personal_email" DESC NULLS LAST, "t70"."account_key" DESC NULLS LAST
    ) - 1 AS "__revq_rank"
  FROM (
    SELECT
      "t69"."lead_id",
      "t69"."email",
      "t69"."first_name",
      "t69"."last_name",
      "t69"."title",
      "t69"."company",
      "t69"."website",
      "t69"."industry",
      "t69"."employees",
      "t69"."annual_revenue",
      "t69"."country",
      "t69"."lead_source",
      "t69"."lifecycle_stage",
      "t69"."owner",
      "t69"."created_at",
      "t69"."last_activity_at",
      "t69"."mql_at",
      "t69"."sql_at",
      "t69"."opportunity_at",
      "t69"."email_normalised",
      "t69"."email_domain",
      "t69"."is_personal_email",
      "t69"."account_key"
    FROM "revq_leads_sharing_email" AS "t69"
    WHERE
      "t69"."email_normalised" IS NOT NULL AND "t69"."__revq_sharing" >= 2
  ) AS "t70"
), "revq_leads_merged_by_email" AS (
  /* one record per email: each field from the first that has it */
  SELECT
    *
  FROM (
    SELECT
      "t69"."lead_id",
      "t69"."email",
      "t69"."first_name",
      "t69"."last_name",
      "t69"."title",
      "t69"."company",
      "t69"."website",
      "t69"."industry",
      "t69"."employees",
      "t69"."annual_revenue",
      "t69"."country",
      "t69"."lead_source",
      "t69"."lifecycle_stage",
      "t69"."owner",
      "t69"."created_at",
      "t69"."last_activity_at",
      "t69"."mql_at",
      "t69"."sql_at",
      "t69"."opportunity_at",
      "t69"."email_normalised",
      "t69"."email_domain",
      "t69"."is_personal_email",
      "t69"."account_key"
    FROM "revq_leads_sharing_email" AS "t69"
    WHERE
      (
        "t69"."email_normalised" IS NULL
      ) OR (
        "t69"."__revq_sharing" < 2
      )
  ) AS "t71"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t74"."lead_id",
      "t74"."email",
      "t74"."first_name",
      "t74"."last_name",
      "t74"."title",
      "t74"."company",
      "t74"."website",
      "t74"."industry",
      "t74"."employees",
      "t74"."annual_revenue",
      "t74"."country",
      "t74"."lead_source",
      "t74"."lifecycle_stage",
      "t74"."owner",
      "t74"."created_at",
      "t74"."last_activity_at",
      "t74"."mql_at",
      "t74"."sql_at",
      "t74"."opportunity_at",
      "t74"."email_normalised",
      "t74"."email_domain",
      "t74"."is_personal_email",
      "t74"."account_key"
    FROM (
      SELECT
        "t73"."email_normalised",
        MIN_BY(
          IFF("t73"."lead_id" IS NOT NULL, "t73"."lead_id", NULL),
          IFF("t73"."lead_id" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "lead_id",
        MIN_BY(
          IFF("t73"."email" IS NOT NULL, "t73"."email", NULL),
          IFF("t73"."email" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "email",
        MIN_BY(
          IFF("t73"."first_name" IS NOT NULL, "t73"."first_name", NULL),
          IFF("t73"."first_name" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "first_name",
        MIN_BY(
          IFF("t73"."last_name" IS NOT NULL, "t73"."last_name", NULL),
          IFF("t73"."last_name" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "last_name",
        MIN_BY(
          IFF("t73"."title" IS NOT NULL, "t73"."title", NULL),
          IFF("t73"."title" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "title",
        MIN_BY(
          IFF("t73"."company" IS NOT NULL, "t73"."company", NULL),
          IFF("t73"."company" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "company",
        MIN_BY(
          IFF("t73"."website" IS NOT NULL, "t73"."website", NULL),
          IFF("t73"."website" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "website",
        MIN_BY(
          IFF("t73"."industry" IS NOT NULL, "t73"."industry", NULL),
          IFF("t73"."industry" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "industry",
        MIN_BY(
          IFF("t73"."employees" IS NOT NULL, "t73"."employees", NULL),
          IFF("t73"."employees" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "employees",
        MIN_BY(
          IFF("t73"."annual_revenue" IS NOT NULL, "t73"."annual_revenue", NULL),
          IFF("t73"."annual_revenue" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "annual_revenue",
        MIN_BY(
          IFF("t73"."country" IS NOT NULL, "t73"."country", NULL),
          IFF("t73"."country" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "country",
        MIN_BY(
          IFF("t73"."lead_source" IS NOT NULL, "t73"."lead_source", NULL),
          IFF("t73"."lead_source" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "lead_source",
        MIN_BY(
          IFF("t73"."lifecycle_stage" IS NOT NULL, "t73"."lifecycle_stage", NULL),
          IFF("t73"."lifecycle_stage" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "lifecycle_stage",
        MIN_BY(
          IFF("t73"."owner" IS NOT NULL, "t73"."owner", NULL),
          IFF("t73"."owner" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "owner",
        MIN("t73"."created_at") AS "created_at",
        MIN_BY(
          IFF("t73"."last_activity_at" IS NOT NULL, "t73"."last_activity_at", NULL),
          IFF("t73"."last_activity_at" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "last_activity_at",
        MIN_BY(
          IFF("t73"."mql_at" IS NOT NULL, "t73"."mql_at", NULL),
          IFF("t73"."mql_at" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "mql_at",
        MIN_BY(
          IFF("t73"."sql_at" IS NOT NULL, "t73"."sql_at", NULL),
          IFF("t73"."sql_at" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "sql_at",
        MIN_BY(
          IFF("t73"."opportunity_at" IS NOT NULL, "t73"."opportunity_at", NULL),
          IFF("t73"."opportunity_at" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "opportunity_at",
        MIN_BY(
          IFF("t73"."email_domain" IS NOT NULL, "t73"."email_domain", NULL),
          IFF("t73"."email_domain" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "email_domain",
        MIN_BY(
          IFF("t73"."is_personal_email" IS NOT NULL, "t73"."is_personal_email", NULL),
          IFF("t73"."is_personal_email" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "is_personal_email",
        MIN_BY(
          IFF("t73"."account_key" IS NOT NULL, "t73"."account_key", NULL),
          IFF("t73"."account_key" IS NOT NULL, "t73"."__revq_rank", NULL)
        ) AS "account_key"
      FROM "revq_leads_ranked_by_email" AS "t73"
      GROUP BY
        1
    ) AS "t74"
  ) AS "t75"
), "revq_leads_merged" AS (
  /* the leads, duplicates merged (by lead id, then by email) */
  SELECT
    *
  FROM "revq_leads_merged_by_email" AS "t77"
), "revq_leads_prepared" AS (
  /* the columns scoring reads; text that rules compare, normalised */
  SELECT
    "t78"."lead_id",
    "t78"."email",
    "t78"."first_name",
    "t78"."last_name",
    "t78"."title",
    "t78"."company",
    "t78"."employees",
    "t78"."lead_source",
    "t78"."owner",
    "t78"."created_at",
    "t78"."is_personal_email",
    "t78"."account_key",
    LOWER(REPLACE("t78"."country", 'İ', 'i̇')) AS "_n_country",
    LOWER(REPLACE("t78"."email", 'İ', 'i̇')) AS "_n_email",
    LOWER(REPLACE("t78"."industry", 'İ', 'i̇')) AS "_n_industry",
    LOWER(
      REPLACE(
        IFF(
          SUBSTRING("t78"."lifecycle_stage", 1, 1) IN (
            '\t',
            '\n',
            '\x0b',
            '\f',
            '\r',
            ' ',
            '',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            '　'
          )
          OR RIGHT("t78"."lifecycle_stage", 1) IN (
            '\t',
            '\n',
            '\x0b',
            '\f',
            '\r',
            ' ',
            '',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            ' ',
            '　'
          ),
          REGEXP_REPLACE(
            "t78"."lifecycle_stage",
            '^[\\x{9}-\\x{D} \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}-\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}-\\x{D} \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}-\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+\\z',
            ''
          ),
          "t78"."lifecycle_stage"
        ),
        'İ',
        'i̇'
      )
    ) AS "_n_lifecycle_stage",
    CASE
      WHEN COALESCE(
        REGEXP_LIKE(
          "t78"."title",
          CONCAT(
            '.*',
            '(?:^|[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\p{Nl}\\x{200C}\\x{200D}\\x{24B6}-\\x{24E9}\\x{1F130}-\\x{1F149}\\x{1F150}-\\x{1F169}\\x{1F170}-\\x{1F189}])(?:(?:[Cc][Hh][Ii][Ee][Ff]|[Cc][Ee][Oo]|[Cc][Ff][Oo]|[Cc][Mm][Oo]|[Cc][Rr][Oo]|[Cc][Tt][Oo]|[Cc][Oo][Oo]|[Vv][Pp]|[Vv][Ii][Cc][Ee] [Pp][Rr][Ee][Ssſ][Ii][Dd][Ee][Nn][Tt]))(?:[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\p{Nl}\\x{200C}\\x{200D}\\x{24B6}-\\x{24E9}\\x{1F130}-\\x{1F149}\\x{1F150}-\\x{1F169}\\x{1F170}-\\x{1F189}]|\\z)',
            '.*'
          ),
          'cs'
        ),
        FALSE
      )
      THEN 15.0
      WHEN COALESCE(
        REGEXP_LIKE(
          "t78"."title",
          CONCAT(
            '.*',
            '(?:^|[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\p{Nl}\\x{200C}\\x{200D}\\x{24B6}-\\x{24E9}\\x{1F130}-\\x{1F149}\\x{1F150}-\\x{1F169}\\x{1F170}-\\x{1F189}])(?:(?:[Dd][Ii][Rr][Ee][Cc][Tt][Oo][Rr]|[Hh][Ee][Aa][Dd] [Oo][Ff]))(?:[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\p{Nl}\\x{200C}\\x{200D}\\x{24B6}-\\x{24E9}\\x{1F130}-\\x{1F149}\\x{1F150}-\\x{1F169}\\x{1F170}-\\x{1F189}]|\\z)',
            '.*'
          ),
          'cs'
        ),
        FALSE
      )
      THEN 10.0
      WHEN COALESCE(
        REGEXP_LIKE(
          "t78"."title",
          CONCAT(
            '.*',
            '(?:^|[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\p{Nl}\\x{200C}\\x{200D}\\x{24B6}-\\x{24E9}\\x{1F130}-\\x{1F149}\\x{1F150}-\\x{1F169}\\x{1F170}-\\x{1F189}])[Mm][Aa][Nn][Aa][Gg][Ee][Rr](?:[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\p{Nl}\\x{200C}\\x{200D}\\x{24B6}-\\x{24E9}\\x{1F130}-\\x{1F149}\\x{1F150}-\\x{1F169}\\x{1F170}-\\x{1F189}]|\\z)',
            '.*'
          ),
          'cs'
        ),
        FALSE
      )
      THEN 5.0
      ELSE CAST(NULL AS DOUBLE)
    END AS "_lookup_title"
  FROM "revq_leads_merged" AS "t78"
  WHERE
    (
      "t78"."created_at" IS NULL
    )
    OR (
      "t78"."created_at" < TIMESTAMP_TZ_FROM_PARTS(2026, 11, 1, 0, 0, 0, 0, 'UTC')
    )
), "revq_segments" AS (
  /* each lead's segment: the first it meets, else default */
  SELECT
    "t86"."lead_id",
    "t86"."email",
    "t86"."first_name",
    "t86"."last_name",
    "t86"."title",
    "t86"."company",
    "t86"."employees",
    "t86"."lead_source",
    "t86"."owner",
    "t86"."created_at",
    "t86"."is_personal_email",
    "t86"."account_key",
    "t86"."_n_country",
    "t86"."_n_email",
    "t86"."_n_industry",
    "t86"."_n_lifecycle_stage",
    "t86"."_lookup_title",
    CASE WHEN COALESCE("t86"."employees" >= 1000.0, FALSE) THEN 'enterprise' ELSE 'default' END AS "segment"
  FROM "revq_leads_prepared" AS "t86"
), "revq_fit" AS (
  /* fit rules' points, a column per rule (null: did not fire) */
  SELECT
    "t91"."lead_id",
    "t91"."email",
    "t91"."first_name",
    "t91"."last_name",
    "t91"."title",
    "t91"."company",
    "t91"."employees",
    "t91"."lead_source",
    "t91"."owner",
    "t91"."created_at",
    "t91"."is_personal_email",
    "t91"."_n_country",
    "t91"."_n_email",
    "t91"."_n_industry",
    "t91"."_n_lifecycle_stage",
    "t91"."segment",
    IFF(NOT (
      "t91"."segment" IN ('enterprise')
    ), "t91"."_lookup_title", CAST(NULL AS DOUBLE)) AS "pts_seniority",
    IFF(
      COALESCE((
        "t91"."employees" >= 200.0
      ) AND (
        "t91"."employees" <= 5000.0
      ), FALSE),
      10.0,
      CAST(NULL AS DOUBLE)
    ) AS "pts_company_size",
    IFF(
      COALESCE((
        "t91"."employees" >= 50.0
      ) AND (
        "t91"."employees" <= 199.0
      ), FALSE),
      5.0,
      CAST(NULL AS DOUBLE)
    ) AS "pts_company_size_small",
    IFF(
      COALESCE("t91"."_n_industry" IN ('software', 'financial services', 'healthcare'), FALSE),
      10.0,
      CAST(NULL AS DOUBLE)
    ) AS "pts_target_industry",
    IFF(
      COALESCE(
        "t91"."_n_country" IN (
          'united states',
          'united kingdom',
          'germany',
          'france',
          'canada',
          'australia',
          'us',
          'gb',
          'de',
          'fr',
          'ca',
          'au'
        ),
        FALSE
      ),
      5.0,
      CAST(NULL AS DOUBLE)
    ) AS "pts_served_country",
    IFF(
      "t91"."segment" = 'enterprise',
      CASE
        WHEN "t91"."_lookup_title" < -15.0
        THEN -15.0
        WHEN "t91"."_lookup_title" > 15.0
        THEN 15.0
        ELSE "t91"."_lookup_title"
      END,
      CAST(NULL AS DOUBLE)
    ) AS "pts_enterprise_seniority",
    IFF(
      COALESCE("t91"."employees" >= 1000.0, FALSE) AND (
        "t91"."segment" = 'enterprise'
      ),
      5.0,
      CAST(NULL AS DOUBLE)
    ) AS "pts_enterprise_enterprise_size"
  FROM "revq_segments" AS "t91"
), "revq_negative" AS (
  /* negative rules' points, a column per rule (null: did not fire) */
  SELECT
    "t98"."lead_id",
    "t98"."email",
    "t98"."first_name",
    "t98"."last_name",
    "t98"."title",
    "t98"."company",
    "t98"."lead_source",
    "t98"."owner",
    "t98"."created_at",
    "t98"."_n_country",
    "t98"."_n_email",
    "t98"."_n_industry",
    "t98"."_n_lifecycle_stage",
    "t98"."segment",
    "t98"."pts_seniority",
    "t98"."pts_company_size",
    "t98"."pts_company_size_small",
    "t98"."pts_target_industry",
    "t98"."pts_served_country",
    "t98"."pts_enterprise_seniority",
    "t98"."pts_enterprise_enterprise_size",
    IFF(COALESCE("t98"."is_personal_email" = TRUE, FALSE), -20.0, CAST(NULL AS DOUBLE)) AS "pts_personal_email",
    IFF(
      COALESCE(
        REGEXP_LIKE(
          "t98"."title",
          CONCAT(
            '.*',
            '(?:^|[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\p{Nl}\\x{200C}\\x{200D}\\x{24B6}-\\x{24E9}\\x{1F130}-\\x{1F149}\\x{1F150}-\\x{1F169}\\x{1F170}-\\x{1F189}])(?:(?:[Ii][Nn][Tt][Ee][Rr][Nn]|[Ssſ][Tt][Uu][Dd][Ee][Nn][Tt]))(?:[^\\p{L}\\p{M}\\p{Nd}\\p{Pc}\\p{Nl}\\x{200C}\\x{200D}\\x{24B6}-\\x{24E9}\\x{1F130}-\\x{1F149}\\x{1F150}-\\x{1F169}\\x{1F170}-\\x{1F189}]|\\z)',
            '.*'
          ),
          'cs'
        ),
        FALSE
      ),
      -10.0,
      CAST(NULL AS DOUBLE)
    ) AS "pts_intern_or_student",
    IFF(
      COALESCE(
        NOT (
          "t98"."_n_country" IN (
            'united states',
            'united kingdom',
            'germany',
            'france',
            'canada',
            'australia',
            'us',
            'gb',
            'de',
            'fr',
            'ca',
            'au'
          )
        ),
        FALSE
      ),
      -10.0,
      CAST(NULL AS DOUBLE)
    ) AS "pts_unserved_country",
    IFF(COALESCE("t98"."employees" < 10.0, FALSE), -10.0, CAST(NULL AS DOUBLE)) AS "pts_tiny_company"
  FROM "revq_fit" AS "t98"
), "revq_activities_trimmed" AS (
  /* the text columns, trimmed of white space */
  SELECT
    REGEXP_REPLACE("t0"."activity_id", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_activity_id_trimmed",
    REGEXP_REPLACE("t0"."lead_id", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_lead_id_trimmed",
    REGEXP_REPLACE("t0"."activity_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_activity_type_trimmed",
    REGEXP_REPLACE("t0"."occurred_at", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_occurred_at_trimmed",
    REGEXP_REPLACE("t0"."channel", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_channel_trimmed",
    REGEXP_REPLACE("t0"."detail", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_detail_trimmed"
  FROM "activities" AS "t0"
), "revq_activities_date_text" AS (
  /* date texts, a trailing UTC, GMT or Z written +0000 */
  SELECT
    "t6"."_activity_id_trimmed",
    "t6"."_lead_id_trimmed",
    "t6"."_activity_type_trimmed",
    "t6"."_occurred_at_trimmed",
    "t6"."_channel_trimmed",
    "t6"."_detail_trimmed",
    REGEXP_REPLACE(
      "t6"."_occurred_at_trimmed",
      '[\t\n\x0b\f\r                  　]*([Uu][Tt][Cc]|[Gg][Mm][Tt]|[Zz])$',
      '+0000'
    ) AS "_occurred_at_s"
  FROM "revq_activities_trimmed" AS "t6"
), "revq_activities_date_shapes" AS (
  /* each date's shape (2026-03-05, 2026/03/05, 3/5/2026, epoch ms) */
  SELECT
    "t12"."_activity_id_trimmed",
    "t12"."_lead_id_trimmed",
    "t12"."_activity_type_trimmed",
    "t12"."_occurred_at_trimmed",
    "t12"."_channel_trimmed",
    "t12"."_detail_trimmed",
    "t12"."_occurred_at_s",
    REGEXP_LIKE(
      "t12"."_occurred_at_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})((T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?)?([\t\n\x0b\f\r                  　]*([-+])([0-9]{2})(:?([0-9]{2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_occurred_at_is_dash",
    REGEXP_LIKE(
      "t12"."_occurred_at_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_occurred_at_is_slash",
    REGEXP_LIKE(
      "t12"."_occurred_at_s",
      CONCAT(
        '.*',
        '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?|,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        '.*'
      ),
      'cs'
    ) AS "_occurred_at_is_ordered",
    REGEXP_LIKE("t12"."_occurred_at_s", CONCAT('.*', '^[0-9]{13}$', '.*'), 'cs') AS "_occurred_at_is_epoch"
  FROM "revq_activities_date_text" AS "t12"
), "revq_activities_date_parts" AS (
  /* each date's year, month and day, read by its shape */
  SELECT
    "t18"."_activity_id_trimmed",
    "t18"."_lead_id_trimmed",
    "t18"."_activity_type_trimmed",
    "t18"."_occurred_at_trimmed",
    "t18"."_channel_trimmed",
    "t18"."_detail_trimmed",
    CAST(CASE
      WHEN "t18"."_occurred_at_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_dash_year",
    CAST(CASE
      WHEN "t18"."_occurred_at_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_dash_month",
    CAST(CASE
      WHEN "t18"."_occurred_at_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_dash_day",
    CASE
      WHEN "t18"."_occurred_at_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_dash_rest",
    CAST(CASE
      WHEN "t18"."_occurred_at_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_slash_year",
    CAST(CASE
      WHEN "t18"."_occurred_at_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_slash_month",
    CAST(CASE
      WHEN "t18"."_occurred_at_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_slash_day",
    CASE
      WHEN "t18"."_occurred_at_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_slash_rest",
    CAST(CASE
      WHEN "t18"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_ordered_first",
    CASE
      WHEN "t18"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_ordered_sep1",
    CAST(CASE
      WHEN "t18"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_ordered_second_number",
    CASE
      WHEN "t18"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_ordered_sep2",
    CAST(CASE
      WHEN "t18"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 5),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_ordered_year",
    CASE
      WHEN "t18"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t18"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 6),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_ordered_rest",
    CAST(CASE WHEN "t18"."_occurred_at_is_epoch" THEN "t18"."_occurred_at_s" ELSE CAST(NULL AS VARCHAR) END AS BIGINT) AS "_occurred_at_epoch"
  FROM "revq_activities_date_shapes" AS "t18"
), "revq_activities_time_parts" AS (
  /* each date's hour, minute, second and time zone */
  SELECT
    "t24"."_activity_id_trimmed",
    "t24"."_lead_id_trimmed",
    "t24"."_activity_type_trimmed",
    "t24"."_occurred_at_trimmed",
    "t24"."_channel_trimmed",
    "t24"."_detail_trimmed",
    "t24"."_occurred_at_dash_year",
    "t24"."_occurred_at_dash_month",
    "t24"."_occurred_at_dash_day",
    "t24"."_occurred_at_slash_year",
    "t24"."_occurred_at_slash_month",
    "t24"."_occurred_at_slash_day",
    "t24"."_occurred_at_ordered_first",
    "t24"."_occurred_at_ordered_sep1",
    "t24"."_occurred_at_ordered_second_number",
    "t24"."_occurred_at_ordered_sep2",
    "t24"."_occurred_at_ordered_year",
    "t24"."_occurred_at_epoch",
    NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS "_occurred_at_dash_sep",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_occurred_at_dash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS INT) AS "_occurred_at_dash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        5
      ),
      ''
    ) AS INT) AS "_occurred_at_dash_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        7
      ),
      ''
    ) AS "_occurred_at_dash_fraction",
    NULLIF(REGEXP_SUBSTR("t24"."_occurred_at_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 1), '') AS "_occurred_at_zone_sign",
    CAST(NULLIF(REGEXP_SUBSTR("t24"."_occurred_at_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 2), '') AS INT) AS "_occurred_at_zone_offset_hours",
    CAST(NULLIF(REGEXP_SUBSTR("t24"."_occurred_at_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 4), '') AS INT) AS "_occurred_at_zone_offset_minutes",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_occurred_at_slash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_occurred_at_slash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_occurred_at_slash_second",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_occurred_at_ordered_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_occurred_at_ordered_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_occurred_at_ordered_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        6
      ),
      ''
    ) AS "_occurred_at_ordered_meridiem",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_occurred_at_comma_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_occurred_at_comma_minute",
    NULLIF(
      REGEXP_SUBSTR(
        "t24"."_occurred_at_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS "_occurred_at_comma_meridiem"
  FROM "revq_activities_date_parts" AS "t24"
), "revq_activities_dates_checked" AS (
  /* each date checked (a real day and time), in one form */
  SELECT
    "t30"."_activity_id_trimmed",
    "t30"."_lead_id_trimmed",
    "t30"."_activity_type_trimmed",
    "t30"."_occurred_at_trimmed",
    "t30"."_channel_trimmed",
    "t30"."_detail_trimmed",
    "t30"."_occurred_at_epoch",
    CASE
      WHEN COALESCE(
        (
          "t30"."_occurred_at_dash_year" IS NOT NULL
        )
        AND (
          "t30"."_occurred_at_dash_year" >= 0
        )
        AND "t30"."_occurred_at_dash_month" BETWEEN 1 AND 12
        AND (
          "t30"."_occurred_at_dash_day" >= 1
        )
        AND (
          "t30"."_occurred_at_dash_day" <= CASE
            WHEN "t30"."_occurred_at_dash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t30"."_occurred_at_dash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t30"."_occurred_at_dash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t30"."_occurred_at_dash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t30"."_occurred_at_dash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t30"."_occurred_at_dash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t30"."_occurred_at_dash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t30"."_occurred_at_dash_second", 0) BETWEEN 0 AND 59
        AND (
          COALESCE(
            NOT (
              "t30"."_occurred_at_zone_sign" IS NOT NULL
            )
            OR (
              (
                "t30"."_occurred_at_dash_hour" IS NOT NULL
              )
              AND (
                (
                  "t30"."_occurred_at_dash_sep" = 'T'
                ) OR (
                  "t30"."_occurred_at_dash_second" IS NOT NULL
                )
              )
            ),
            FALSE
          )
          AND COALESCE(
            NOT (
              "t30"."_occurred_at_zone_sign" IS NOT NULL
            )
            OR (
              "t30"."_occurred_at_zone_offset_hours" BETWEEN 0 AND 23
              AND COALESCE("t30"."_occurred_at_zone_offset_minutes", 0) BETWEEN 0 AND 59
            ),
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t30"."_occurred_at_dash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t30"."_occurred_at_dash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t30"."_occurred_at_dash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t30"."_occurred_at_dash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t30"."_occurred_at_dash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t30"."_occurred_at_dash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t30"."_occurred_at_dash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t30"."_occurred_at_dash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t30"."_occurred_at_dash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t30"."_occurred_at_dash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t30"."_occurred_at_dash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t30"."_occurred_at_dash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        SUBSTRING(CONCAT(COALESCE("t30"."_occurred_at_dash_fraction", ''), '000000'), 1, 6)
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_dash_text",
    CASE
      WHEN "t30"."_occurred_at_zone_sign" IS NOT NULL
      THEN CONCAT(
        "t30"."_occurred_at_zone_sign",
        LPAD(
          CAST("t30"."_occurred_at_zone_offset_hours" AS VARCHAR),
          GREATEST(LENGTH(CAST("t30"."_occurred_at_zone_offset_hours" AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t30"."_occurred_at_zone_offset_minutes", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t30"."_occurred_at_zone_offset_minutes", 0) AS VARCHAR)), 2),
          '0'
        )
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_dash_zone",
    CASE
      WHEN COALESCE(
        (
          "t30"."_occurred_at_slash_year" IS NOT NULL
        )
        AND (
          "t30"."_occurred_at_slash_year" >= 0
        )
        AND "t30"."_occurred_at_slash_month" BETWEEN 1 AND 12
        AND (
          "t30"."_occurred_at_slash_day" >= 1
        )
        AND (
          "t30"."_occurred_at_slash_day" <= CASE
            WHEN "t30"."_occurred_at_slash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t30"."_occurred_at_slash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t30"."_occurred_at_slash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t30"."_occurred_at_slash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t30"."_occurred_at_slash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t30"."_occurred_at_slash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t30"."_occurred_at_slash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t30"."_occurred_at_slash_second", 0) BETWEEN 0 AND 59
        AND TRUE,
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t30"."_occurred_at_slash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t30"."_occurred_at_slash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t30"."_occurred_at_slash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t30"."_occurred_at_slash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t30"."_occurred_at_slash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t30"."_occurred_at_slash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t30"."_occurred_at_slash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t30"."_occurred_at_slash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t30"."_occurred_at_slash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t30"."_occurred_at_slash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t30"."_occurred_at_slash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t30"."_occurred_at_slash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_slash_text",
    CASE
      WHEN COALESCE(
        (
          "t30"."_occurred_at_ordered_year" IS NOT NULL
        )
        AND (
          "t30"."_occurred_at_ordered_year" >= 0
        )
        AND "t30"."_occurred_at_ordered_first" BETWEEN 1 AND 12
        AND (
          "t30"."_occurred_at_ordered_second_number" >= 1
        )
        AND (
          "t30"."_occurred_at_ordered_second_number" <= CASE
            WHEN "t30"."_occurred_at_ordered_first" = 2
            THEN CASE
              WHEN (
                (
                  "t30"."_occurred_at_ordered_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t30"."_occurred_at_ordered_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t30"."_occurred_at_ordered_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t30"."_occurred_at_ordered_first" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE(
          CASE
            WHEN UPPER(COALESCE("t30"."_occurred_at_ordered_meridiem", "t30"."_occurred_at_comma_meridiem")) IS NOT NULL
            THEN (
              COALESCE("t30"."_occurred_at_ordered_hour", "t30"."_occurred_at_comma_hour") % 12
            ) + CASE
              WHEN UPPER(COALESCE("t30"."_occurred_at_ordered_meridiem", "t30"."_occurred_at_comma_meridiem")) = 'P'
              THEN 12
              ELSE 0
            END
            ELSE COALESCE("t30"."_occurred_at_ordered_hour", "t30"."_occurred_at_comma_hour")
          END,
          0
        ) BETWEEN 0 AND 23
        AND COALESCE(COALESCE("t30"."_occurred_at_ordered_minute", "t30"."_occurred_at_comma_minute"), 0) BETWEEN 0 AND 59
        AND COALESCE("t30"."_occurred_at_ordered_second", 0) BETWEEN 0 AND 59
        AND (
          (
            "t30"."_occurred_at_ordered_sep1" = "t30"."_occurred_at_ordered_sep2"
          )
          AND COALESCE(
            NOT (
              UPPER(COALESCE("t30"."_occurred_at_ordered_meridiem", "t30"."_occurred_at_comma_meridiem")) IS NOT NULL
            )
            OR COALESCE("t30"."_occurred_at_ordered_hour", "t30"."_occurred_at_comma_hour") BETWEEN 1 AND 12,
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t30"."_occurred_at_ordered_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t30"."_occurred_at_ordered_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t30"."_occurred_at_ordered_first" AS VARCHAR),
          GREATEST(LENGTH(CAST("t30"."_occurred_at_ordered_first" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t30"."_occurred_at_ordered_second_number" AS VARCHAR),
          GREATEST(LENGTH(CAST("t30"."_occurred_at_ordered_second_number" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE(
            CASE
              WHEN UPPER(COALESCE("t30"."_occurred_at_ordered_meridiem", "t30"."_occurred_at_comma_meridiem")) IS NOT NULL
              THEN (
                COALESCE("t30"."_occurred_at_ordered_hour", "t30"."_occurred_at_comma_hour") % 12
              ) + CASE
                WHEN UPPER(COALESCE("t30"."_occurred_at_ordered_meridiem", "t30"."_occurred_at_comma_meridiem")) = 'P'
                THEN 12
                ELSE 0
              END
              ELSE COALESCE("t30"."_occurred_at_ordered_hour", "t30"."_occurred_at_comma_hour")
            END,
            0
          ) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(
                CASE
                  WHEN UPPER(COALESCE("t30"."_occurred_at_ordered_meridiem", "t30"."_occurred_at_comma_meridiem")) IS NOT NULL
                  THEN (
                    COALESCE("t30"."_occurred_at_ordered_hour", "t30"."_occurred_at_comma_hour") % 12
                  ) + CASE
                    WHEN UPPER(COALESCE("t30"."_occurred_at_ordered_meridiem", "t30"."_occurred_at_comma_meridiem")) = 'P'
                    THEN 12
                    ELSE 0
                  END
                  ELSE COALESCE("t30"."_occurred_at_ordered_hour", "t30"."_occurred_at_comma_hour")
                END,
                0
              ) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE(COALESCE("t30"."_occurred_at_ordered_minute", "t30"."_occurred_at_comma_minute"), 0) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(COALESCE("t30"."_occurred_at_ordered_minute", "t30"."_occurred_at_comma_minute"), 0) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t30"."_occurred_at_ordered_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t30"."_occurred_at_ordered_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_ordered_text"
  FROM "revq_activities_time_parts" AS "t30"
), "revq_leads_merged_away" AS (
  /* each lead id merged away, and the id its activities move to */
  SELECT
    "t67"."lead_id",
    "t82"."merged_into"
  FROM (
    SELECT
      "t65"."lead_id",
      "t65"."email_normalised" AS "_email"
    FROM "revq_leads_merged_by_id" AS "t65"
  ) AS "t67"
  INNER JOIN (
    SELECT
      "t77"."email_normalised" AS "_email",
      "t77"."lead_id" AS "merged_into"
    FROM "revq_leads_merged_by_email" AS "t77"
    WHERE
      "t77"."email_normalised" IS NOT NULL
  ) AS "t82"
    ON "t67"."_email" = "t82"."_email"
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM (
        SELECT
          "t77"."lead_id" AS "_kept"
        FROM "revq_leads_merged_by_email" AS "t77"
      ) AS "t80"
      WHERE
        "t67"."lead_id" = "t80"."_kept"
    )
), "revq_activities_mapped" AS (
  /* revq's columns, values typed; rows that do not parse left out */
  SELECT
    "t45"."activity_id",
    COALESCE("t88"."merged_into", "t45"."lead_id") AS "lead_id",
    "t45"."activity_type",
    "t45"."occurred_at",
    "t45"."channel",
    "t45"."detail"
  FROM (
    SELECT
      "t41".*
      EXCLUDE ("__revq_rejected")
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t36"."_activity_id_trimmed" AS "activity_id",
          "t36"."_lead_id_trimmed" AS "lead_id",
          NULLIF("t36"."_activity_type_trimmed", '') AS "activity_type",
          COALESCE(
            CASE
              WHEN "t36"."_occurred_at_dash_zone" IS NOT NULL
              THEN CAST(CONCAT("t36"."_occurred_at_dash_text", COALESCE("t36"."_occurred_at_dash_zone", '')) AS TIMESTAMPTZ(6))
              ELSE CAST(CONCAT("t36"."_occurred_at_dash_text", '+00:00') AS TIMESTAMPTZ(6))
            END,
            CAST(CONCAT("t36"."_occurred_at_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
            CAST(CONCAT("t36"."_occurred_at_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
            CASE
              WHEN "t36"."_occurred_at_epoch" IS NOT NULL
              THEN CAST(TO_TIMESTAMP("t36"."_occurred_at_epoch", 3) AS TIMESTAMPTZ(6))
              ELSE CAST(NULL AS TIMESTAMPTZ(6))
            END
          ) AS "occurred_at",
          NULLIF("t36"."_channel_trimmed", '') AS "channel",
          NULLIF("t36"."_detail_trimmed", '') AS "detail",
          (
            COALESCE((
              "t36"."_occurred_at_trimmed" IS NOT NULL
            ) AND (
              "t36"."_occurred_at_trimmed" <> ''
            ), FALSE)
            AND (
              COALESCE(
                CASE
                  WHEN "t36"."_occurred_at_dash_zone" IS NOT NULL
                  THEN CAST(CONCAT("t36"."_occurred_at_dash_text", COALESCE("t36"."_occurred_at_dash_zone", '')) AS TIMESTAMPTZ(6))
                  ELSE CAST(CONCAT("t36"."_occurred_at_dash_text", '+00:00') AS TIMESTAMPTZ(6))
                END,
                CAST(CONCAT("t36"."_occurred_at_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
                CAST(CONCAT("t36"."_occurred_at_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
                CASE
                  WHEN "t36"."_occurred_at_epoch" IS NOT NULL
                  THEN CAST(TO_TIMESTAMP("t36"."_occurred_at_epoch", 3) AS TIMESTAMPTZ(6))
                  ELSE CAST(NULL AS TIMESTAMPTZ(6))
                END
              ) IS NULL
            )
          )
          OR NOT (
            COALESCE((
              "t36"."_lead_id_trimmed" IS NOT NULL
            ) AND (
              "t36"."_lead_id_trimmed" <> ''
            ), FALSE)
          )
          OR NOT (
            COALESCE((
              "t36"."_activity_type_trimmed" IS NOT NULL
            ) AND (
              "t36"."_activity_type_trimmed" <> ''
            ), FALSE)
          )
          OR NOT (
            COALESCE((
              "t36"."_occurred_at_trimmed" IS NOT NULL
            ) AND (
              "t36"."_occurred_at_trimmed" <> ''
            ), FALSE)
          ) AS "__revq_rejected"
        FROM "revq_activities_dates_checked" AS "t36"
      ) AS "t39"
      WHERE
        NOT (
          "t39"."__revq_rejected"
        )
    ) AS "t41"
  ) AS "t45"
  LEFT OUTER JOIN (
    SELECT
      "t85"."lead_id" AS "_merged_from",
      "t85"."merged_into"
    FROM "revq_leads_merged_away" AS "t85"
  ) AS "t88"
    ON "t45"."lead_id" = "t88"."_merged_from"
), "revq_activity_ages" AS (
  /* each activity's lead, age in days and channel weight */
  SELECT
    "t92"."activity_id",
    "t92"."lead_id",
    "t92"."activity_type",
    "t92"."occurred_at",
    "t92"."channel",
    "t92"."detail",
    CAST(DATEDIFF(MICROSECOND, "t92"."occurred_at", TIMESTAMP_TZ_FROM_PARTS(2026, 11, 1, 0, 0, 0, 0, 'UTC')) AS DOUBLE) * 1e-06 * 1.1574074074074073e-05 AS "_age",
    CASE WHEN LOWER(REPLACE("t92"."channel", 'İ', 'i̇')) = 'g2' THEN 1.5 ELSE 1.0 END AS "_weight"
  FROM "revq_activities_mapped" AS "t92"
), "revq_activities_counted" AS (
  /* the activities inside the window, with their decay */
  SELECT
    *
  FROM (
    SELECT
      "t99"."activity_id",
      "t99"."lead_id",
      "t99"."activity_type",
      "t99"."occurred_at",
      "t99"."channel",
      "t99"."detail",
      "t99"."_age",
      "t99"."_weight",
      IFF(
        COALESCE("t99"."_age" >= 0.0, FALSE),
        IFF(COALESCE("t99"."_age" <= 120.0, FALSE), POWER(0.5, (
          "t99"."_age" * 0.03333333333333333
        )), 0.0),
        0.0
      ) AS "_decay",
      LOWER(REPLACE("t99"."activity_type", 'İ', 'i̇')) AS "_n_activity_type",
      LOWER(REPLACE("t99"."detail", 'İ', 'i̇')) AS "_n_detail"
    FROM "revq_activity_ages" AS "t99"
  ) AS "t102"
  WHERE
    "t102"."_decay" > 0.0
), "revq_activity_points" AS (
  /* each activity's points for each event rule it meets */
  SELECT
    "t107"."lead_id" AS "_lead",
    IFF(
      COALESCE("t107"."_n_activity_type" = 'demo_request', FALSE),
      25.0 * "t107"."_weight" * "t107"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e0",
    IFF(
      COALESCE("t107"."_n_activity_type" IN ('page_view', 'visit webpage'), FALSE)
      AND COALESCE(CONTAINS("t107"."_n_detail", '/pricing'), FALSE),
      10.0 * "t107"."_weight" * "t107"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e1",
    IFF(
      COALESCE("t107"."_n_activity_type" = 'comparison_site_visit', FALSE),
      8.0 * "t107"."_weight" * "t107"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e2",
    IFF(
      COALESCE("t107"."_n_activity_type" = 'content_download', FALSE)
      AND COALESCE(STARTSWITH("t107"."_n_detail", 'case study'), FALSE),
      7.0 * "t107"."_weight" * "t107"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e3",
    IFF(
      COALESCE("t107"."_n_activity_type" = 'webinar_attended', FALSE),
      6.0 * "t107"."_weight" * "t107"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e4",
    IFF(
      COALESCE("t107"."_n_activity_type" IN ('page_view', 'visit webpage'), FALSE)
      AND COALESCE(CONTAINS("t107"."_n_detail", '/blog/'), FALSE),
      2.0 * "t107"."_weight" * "t107"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e5",
    IFF(
      COALESCE("t107"."_n_activity_type" IN ('email_click', 'click email'), FALSE),
      2.0 * "t107"."_weight" * "t107"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e6"
  FROM "revq_activities_counted" AS "t107"
), "revq_event_points" AS (
  /* event rules' points per lead: summed, then capped */
  SELECT
    "t112"."_lead",
    CASE WHEN "t112"."_e0" < -25.0 THEN -25.0 WHEN "t112"."_e0" > 25.0 THEN 25.0 ELSE "t112"."_e0" END AS "pts_demo_request",
    CASE WHEN "t112"."_e1" < -20.0 THEN -20.0 WHEN "t112"."_e1" > 20.0 THEN 20.0 ELSE "t112"."_e1" END AS "pts_pricing_page",
    CASE WHEN "t112"."_e2" < -16.0 THEN -16.0 WHEN "t112"."_e2" > 16.0 THEN 16.0 ELSE "t112"."_e2" END AS "pts_comparison_site",
    CASE WHEN "t112"."_e3" < -14.0 THEN -14.0 WHEN "t112"."_e3" > 14.0 THEN 14.0 ELSE "t112"."_e3" END AS "pts_case_study",
    CASE WHEN "t112"."_e4" < -12.0 THEN -12.0 WHEN "t112"."_e4" > 12.0 THEN 12.0 ELSE "t112"."_e4" END AS "pts_webinar",
    CASE WHEN "t112"."_e5" < -6.0 THEN -6.0 WHEN "t112"."_e5" > 6.0 THEN 6.0 ELSE "t112"."_e5" END AS "pts_blog",
    CASE WHEN "t112"."_e6" < -6.0 THEN -6.0 WHEN "t112"."_e6" > 6.0 THEN 6.0 ELSE "t112"."_e6" END AS "pts_email_click"
  FROM (
    SELECT
      "t110"."_lead",
      CAST(SUM(CAST((
        (
          "t110"."_e0" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e0",
      CAST(SUM(CAST((
        (
          "t110"."_e1" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e1",
      CAST(SUM(CAST((
        (
          "t110"."_e2" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e2",
      CAST(SUM(CAST((
        (
          "t110"."_e3" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e3",
      CAST(SUM(CAST((
        (
          "t110"."_e4" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e4",
      CAST(SUM(CAST((
        (
          "t110"."_e5" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e5",
      CAST(SUM(CAST((
        (
          "t110"."_e6" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e6"
    FROM "revq_activity_points" AS "t110"
    GROUP BY
      1
  ) AS "t112"
), "revq_signals_trimmed" AS (
  /* the text columns, trimmed of white space */
  SELECT
    "t1"."signal_type",
    REGEXP_REPLACE("t1"."account_key", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_account_key_trimmed",
    REGEXP_REPLACE("t1"."company", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_company_trimmed",
    REGEXP_REPLACE("t1"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_signal_type_trimmed",
    REGEXP_REPLACE("t1"."occurred_at", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_occurred_at_trimmed",
    REGEXP_REPLACE("t1"."source", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_source_trimmed",
    REGEXP_REPLACE("t1"."detail", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_detail_trimmed"
  FROM "signals" AS "t1"
), "revq_signals_date_text" AS (
  /* date texts, a trailing UTC, GMT or Z written +0000 */
  SELECT
    "t7"."signal_type",
    "t7"."_account_key_trimmed",
    "t7"."_company_trimmed",
    "t7"."_signal_type_trimmed",
    "t7"."_occurred_at_trimmed",
    "t7"."_source_trimmed",
    "t7"."_detail_trimmed",
    REGEXP_REPLACE(
      "t7"."_occurred_at_trimmed",
      '[\t\n\x0b\f\r                  　]*([Uu][Tt][Cc]|[Gg][Mm][Tt]|[Zz])$',
      '+0000'
    ) AS "_occurred_at_s"
  FROM "revq_signals_trimmed" AS "t7"
), "revq_signals_date_shapes" AS (
  /* each date's shape (2026-03-05, 2026/03/05, 3/5/2026, epoch ms) */
  SELECT
    "t13"."signal_type",
    "t13"."_account_key_trimmed",
    "t13"."_company_trimmed",
    "t13"."_signal_type_trimmed",
    "t13"."_occurred_at_trimmed",
    "t13"."_source_trimmed",
    "t13"."_detail_trimmed",
    "t13"."_occurred_at_s",
    REGEXP_LIKE(
      "t13"."_occurred_at_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})((T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?)?([\t\n\x0b\f\r                  　]*([-+])([0-9]{2})(:?([0-9]{2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_occurred_at_is_dash",
    REGEXP_LIKE(
      "t13"."_occurred_at_s",
      CONCAT(
        '.*',
        '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?)?$',
        '.*'
      ),
      'cs'
    ) AS "_occurred_at_is_slash",
    REGEXP_LIKE(
      "t13"."_occurred_at_s",
      CONCAT(
        '.*',
        '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})([\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?|,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        '.*'
      ),
      'cs'
    ) AS "_occurred_at_is_ordered",
    REGEXP_LIKE("t13"."_occurred_at_s", CONCAT('.*', '^[0-9]{13}$', '.*'), 'cs') AS "_occurred_at_is_epoch"
  FROM "revq_signals_date_text" AS "t13"
), "revq_signals_date_parts" AS (
  /* each date's year, month and day, read by its shape */
  SELECT
    "t19"."signal_type",
    "t19"."_account_key_trimmed",
    "t19"."_company_trimmed",
    "t19"."_signal_type_trimmed",
    "t19"."_occurred_at_trimmed",
    "t19"."_source_trimmed",
    "t19"."_detail_trimmed",
    CAST(CASE
      WHEN "t19"."_occurred_at_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_dash_year",
    CAST(CASE
      WHEN "t19"."_occurred_at_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_dash_month",
    CAST(CASE
      WHEN "t19"."_occurred_at_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_dash_day",
    CASE
      WHEN "t19"."_occurred_at_is_dash"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_dash_rest",
    CAST(CASE
      WHEN "t19"."_occurred_at_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_slash_year",
    CAST(CASE
      WHEN "t19"."_occurred_at_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_slash_month",
    CAST(CASE
      WHEN "t19"."_occurred_at_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_slash_day",
    CASE
      WHEN "t19"."_occurred_at_is_slash"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_slash_rest",
    CAST(CASE
      WHEN "t19"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 1),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_ordered_first",
    CASE
      WHEN "t19"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 2),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_ordered_sep1",
    CAST(CASE
      WHEN "t19"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 3),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_ordered_second_number",
    CASE
      WHEN "t19"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 4),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_ordered_sep2",
    CAST(CASE
      WHEN "t19"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 5),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS INT) AS "_occurred_at_ordered_year",
    CASE
      WHEN "t19"."_occurred_at_is_ordered"
      THEN NULLIF(
        REGEXP_SUBSTR("t19"."_occurred_at_s", '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{1,4})(.*)$', 1, 1, 'ce', 6),
        ''
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_ordered_rest",
    CAST(CASE WHEN "t19"."_occurred_at_is_epoch" THEN "t19"."_occurred_at_s" ELSE CAST(NULL AS VARCHAR) END AS BIGINT) AS "_occurred_at_epoch"
  FROM "revq_signals_date_shapes" AS "t19"
), "revq_signals_time_parts" AS (
  /* each date's hour, minute, second and time zone */
  SELECT
    "t25"."signal_type",
    "t25"."_account_key_trimmed",
    "t25"."_company_trimmed",
    "t25"."_signal_type_trimmed",
    "t25"."_occurred_at_trimmed",
    "t25"."_source_trimmed",
    "t25"."_detail_trimmed",
    "t25"."_occurred_at_dash_year",
    "t25"."_occurred_at_dash_month",
    "t25"."_occurred_at_dash_day",
    "t25"."_occurred_at_slash_year",
    "t25"."_occurred_at_slash_month",
    "t25"."_occurred_at_slash_day",
    "t25"."_occurred_at_ordered_first",
    "t25"."_occurred_at_ordered_sep1",
    "t25"."_occurred_at_ordered_second_number",
    "t25"."_occurred_at_ordered_sep2",
    "t25"."_occurred_at_ordered_year",
    "t25"."_occurred_at_epoch",
    NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS "_occurred_at_dash_sep",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_occurred_at_dash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS INT) AS "_occurred_at_dash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        5
      ),
      ''
    ) AS INT) AS "_occurred_at_dash_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_dash_rest",
        '^(T|[\t\n\x0b\f\r                  　]*)([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2})([.]([0-9]+))?)?',
        1,
        1,
        'ce',
        7
      ),
      ''
    ) AS "_occurred_at_dash_fraction",
    NULLIF(REGEXP_SUBSTR("t25"."_occurred_at_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 1), '') AS "_occurred_at_zone_sign",
    CAST(NULLIF(REGEXP_SUBSTR("t25"."_occurred_at_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 2), '') AS INT) AS "_occurred_at_zone_offset_hours",
    CAST(NULLIF(REGEXP_SUBSTR("t25"."_occurred_at_dash_rest", '([-+])([0-9]{2})(:?([0-9]{2}))?$', 1, 1, 'ce', 4), '') AS INT) AS "_occurred_at_zone_offset_minutes",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_occurred_at_slash_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_occurred_at_slash_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_slash_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_occurred_at_slash_second",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_occurred_at_ordered_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_occurred_at_ordered_minute",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        4
      ),
      ''
    ) AS INT) AS "_occurred_at_ordered_second",
    NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_ordered_rest",
        '^[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})(:([0-9]{1,2}))?([\t\n\x0b\f\r                  　]*([AaPp])[Mm])?$',
        1,
        1,
        'ce',
        6
      ),
      ''
    ) AS "_occurred_at_ordered_meridiem",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        1
      ),
      ''
    ) AS INT) AS "_occurred_at_comma_hour",
    CAST(NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        2
      ),
      ''
    ) AS INT) AS "_occurred_at_comma_minute",
    NULLIF(
      REGEXP_SUBSTR(
        "t25"."_occurred_at_ordered_rest",
        '^,[\t\n\x0b\f\r                  　]*([0-9]{1,2}):([0-9]{1,2})[\t\n\x0b\f\r                  　]*([AaPp])[Mm]$',
        1,
        1,
        'ce',
        3
      ),
      ''
    ) AS "_occurred_at_comma_meridiem"
  FROM "revq_signals_date_parts" AS "t25"
), "revq_signals_dates_checked" AS (
  /* each date checked (a real day and time), in one form */
  SELECT
    "t31"."signal_type",
    "t31"."_account_key_trimmed",
    "t31"."_company_trimmed",
    "t31"."_signal_type_trimmed",
    "t31"."_occurred_at_trimmed",
    "t31"."_source_trimmed",
    "t31"."_detail_trimmed",
    "t31"."_occurred_at_epoch",
    CASE
      WHEN COALESCE(
        (
          "t31"."_occurred_at_dash_year" IS NOT NULL
        )
        AND (
          "t31"."_occurred_at_dash_year" >= 0
        )
        AND "t31"."_occurred_at_dash_month" BETWEEN 1 AND 12
        AND (
          "t31"."_occurred_at_dash_day" >= 1
        )
        AND (
          "t31"."_occurred_at_dash_day" <= CASE
            WHEN "t31"."_occurred_at_dash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t31"."_occurred_at_dash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t31"."_occurred_at_dash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t31"."_occurred_at_dash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t31"."_occurred_at_dash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t31"."_occurred_at_dash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t31"."_occurred_at_dash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t31"."_occurred_at_dash_second", 0) BETWEEN 0 AND 59
        AND (
          COALESCE(
            NOT (
              "t31"."_occurred_at_zone_sign" IS NOT NULL
            )
            OR (
              (
                "t31"."_occurred_at_dash_hour" IS NOT NULL
              )
              AND (
                (
                  "t31"."_occurred_at_dash_sep" = 'T'
                ) OR (
                  "t31"."_occurred_at_dash_second" IS NOT NULL
                )
              )
            ),
            FALSE
          )
          AND COALESCE(
            NOT (
              "t31"."_occurred_at_zone_sign" IS NOT NULL
            )
            OR (
              "t31"."_occurred_at_zone_offset_hours" BETWEEN 0 AND 23
              AND COALESCE("t31"."_occurred_at_zone_offset_minutes", 0) BETWEEN 0 AND 59
            ),
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t31"."_occurred_at_dash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t31"."_occurred_at_dash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t31"."_occurred_at_dash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t31"."_occurred_at_dash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t31"."_occurred_at_dash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t31"."_occurred_at_dash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t31"."_occurred_at_dash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t31"."_occurred_at_dash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t31"."_occurred_at_dash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t31"."_occurred_at_dash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t31"."_occurred_at_dash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t31"."_occurred_at_dash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        SUBSTRING(CONCAT(COALESCE("t31"."_occurred_at_dash_fraction", ''), '000000'), 1, 6)
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_dash_text",
    CASE
      WHEN "t31"."_occurred_at_zone_sign" IS NOT NULL
      THEN CONCAT(
        "t31"."_occurred_at_zone_sign",
        LPAD(
          CAST("t31"."_occurred_at_zone_offset_hours" AS VARCHAR),
          GREATEST(LENGTH(CAST("t31"."_occurred_at_zone_offset_hours" AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t31"."_occurred_at_zone_offset_minutes", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t31"."_occurred_at_zone_offset_minutes", 0) AS VARCHAR)), 2),
          '0'
        )
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_dash_zone",
    CASE
      WHEN COALESCE(
        (
          "t31"."_occurred_at_slash_year" IS NOT NULL
        )
        AND (
          "t31"."_occurred_at_slash_year" >= 0
        )
        AND "t31"."_occurred_at_slash_month" BETWEEN 1 AND 12
        AND (
          "t31"."_occurred_at_slash_day" >= 1
        )
        AND (
          "t31"."_occurred_at_slash_day" <= CASE
            WHEN "t31"."_occurred_at_slash_month" = 2
            THEN CASE
              WHEN (
                (
                  "t31"."_occurred_at_slash_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t31"."_occurred_at_slash_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t31"."_occurred_at_slash_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t31"."_occurred_at_slash_month" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE("t31"."_occurred_at_slash_hour", 0) BETWEEN 0 AND 23
        AND COALESCE("t31"."_occurred_at_slash_minute", 0) BETWEEN 0 AND 59
        AND COALESCE("t31"."_occurred_at_slash_second", 0) BETWEEN 0 AND 59
        AND TRUE,
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t31"."_occurred_at_slash_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t31"."_occurred_at_slash_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t31"."_occurred_at_slash_month" AS VARCHAR),
          GREATEST(LENGTH(CAST("t31"."_occurred_at_slash_month" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t31"."_occurred_at_slash_day" AS VARCHAR),
          GREATEST(LENGTH(CAST("t31"."_occurred_at_slash_day" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE("t31"."_occurred_at_slash_hour", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t31"."_occurred_at_slash_hour", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t31"."_occurred_at_slash_minute", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t31"."_occurred_at_slash_minute", 0) AS VARCHAR)), 2),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t31"."_occurred_at_slash_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t31"."_occurred_at_slash_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_slash_text",
    CASE
      WHEN COALESCE(
        (
          "t31"."_occurred_at_ordered_year" IS NOT NULL
        )
        AND (
          "t31"."_occurred_at_ordered_year" >= 0
        )
        AND "t31"."_occurred_at_ordered_first" BETWEEN 1 AND 12
        AND (
          "t31"."_occurred_at_ordered_second_number" >= 1
        )
        AND (
          "t31"."_occurred_at_ordered_second_number" <= CASE
            WHEN "t31"."_occurred_at_ordered_first" = 2
            THEN CASE
              WHEN (
                (
                  "t31"."_occurred_at_ordered_year" % 4
                ) = 0
              )
              AND (
                (
                  (
                    "t31"."_occurred_at_ordered_year" % 100
                  ) <> 0
                )
                OR (
                  (
                    "t31"."_occurred_at_ordered_year" % 400
                  ) = 0
                )
              )
              THEN 29
              ELSE 28
            END
            WHEN "t31"."_occurred_at_ordered_first" IN (4, 6, 9, 11)
            THEN 30
            ELSE 31
          END
        )
        AND COALESCE(
          CASE
            WHEN UPPER(COALESCE("t31"."_occurred_at_ordered_meridiem", "t31"."_occurred_at_comma_meridiem")) IS NOT NULL
            THEN (
              COALESCE("t31"."_occurred_at_ordered_hour", "t31"."_occurred_at_comma_hour") % 12
            ) + CASE
              WHEN UPPER(COALESCE("t31"."_occurred_at_ordered_meridiem", "t31"."_occurred_at_comma_meridiem")) = 'P'
              THEN 12
              ELSE 0
            END
            ELSE COALESCE("t31"."_occurred_at_ordered_hour", "t31"."_occurred_at_comma_hour")
          END,
          0
        ) BETWEEN 0 AND 23
        AND COALESCE(COALESCE("t31"."_occurred_at_ordered_minute", "t31"."_occurred_at_comma_minute"), 0) BETWEEN 0 AND 59
        AND COALESCE("t31"."_occurred_at_ordered_second", 0) BETWEEN 0 AND 59
        AND (
          (
            "t31"."_occurred_at_ordered_sep1" = "t31"."_occurred_at_ordered_sep2"
          )
          AND COALESCE(
            NOT (
              UPPER(COALESCE("t31"."_occurred_at_ordered_meridiem", "t31"."_occurred_at_comma_meridiem")) IS NOT NULL
            )
            OR COALESCE("t31"."_occurred_at_ordered_hour", "t31"."_occurred_at_comma_hour") BETWEEN 1 AND 12,
            FALSE
          )
        ),
        FALSE
      )
      THEN CONCAT(
        LPAD(
          CAST("t31"."_occurred_at_ordered_year" AS VARCHAR),
          GREATEST(LENGTH(CAST("t31"."_occurred_at_ordered_year" AS VARCHAR)), 4),
          '0'
        ),
        '-',
        LPAD(
          CAST("t31"."_occurred_at_ordered_first" AS VARCHAR),
          GREATEST(LENGTH(CAST("t31"."_occurred_at_ordered_first" AS VARCHAR)), 2),
          '0'
        ),
        '-',
        LPAD(
          CAST("t31"."_occurred_at_ordered_second_number" AS VARCHAR),
          GREATEST(LENGTH(CAST("t31"."_occurred_at_ordered_second_number" AS VARCHAR)), 2),
          '0'
        ),
        ' ',
        LPAD(
          CAST(COALESCE(
            CASE
              WHEN UPPER(COALESCE("t31"."_occurred_at_ordered_meridiem", "t31"."_occurred_at_comma_meridiem")) IS NOT NULL
              THEN (
                COALESCE("t31"."_occurred_at_ordered_hour", "t31"."_occurred_at_comma_hour") % 12
              ) + CASE
                WHEN UPPER(COALESCE("t31"."_occurred_at_ordered_meridiem", "t31"."_occurred_at_comma_meridiem")) = 'P'
                THEN 12
                ELSE 0
              END
              ELSE COALESCE("t31"."_occurred_at_ordered_hour", "t31"."_occurred_at_comma_hour")
            END,
            0
          ) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(
                CASE
                  WHEN UPPER(COALESCE("t31"."_occurred_at_ordered_meridiem", "t31"."_occurred_at_comma_meridiem")) IS NOT NULL
                  THEN (
                    COALESCE("t31"."_occurred_at_ordered_hour", "t31"."_occurred_at_comma_hour") % 12
                  ) + CASE
                    WHEN UPPER(COALESCE("t31"."_occurred_at_ordered_meridiem", "t31"."_occurred_at_comma_meridiem")) = 'P'
                    THEN 12
                    ELSE 0
                  END
                  ELSE COALESCE("t31"."_occurred_at_ordered_hour", "t31"."_occurred_at_comma_hour")
                END,
                0
              ) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE(COALESCE("t31"."_occurred_at_ordered_minute", "t31"."_occurred_at_comma_minute"), 0) AS VARCHAR),
          GREATEST(
            LENGTH(
              CAST(COALESCE(COALESCE("t31"."_occurred_at_ordered_minute", "t31"."_occurred_at_comma_minute"), 0) AS VARCHAR)
            ),
            2
          ),
          '0'
        ),
        ':',
        LPAD(
          CAST(COALESCE("t31"."_occurred_at_ordered_second", 0) AS VARCHAR),
          GREATEST(LENGTH(CAST(COALESCE("t31"."_occurred_at_ordered_second", 0) AS VARCHAR)), 2),
          '0'
        ),
        '.',
        '000000'
      )
      ELSE CAST(NULL AS VARCHAR)
    END AS "_occurred_at_ordered_text"
  FROM "revq_signals_time_parts" AS "t31"
), "revq_signals_mapped" AS (
  /* revq's columns, values typed; rows that do not parse left out */
  SELECT
    "t42".*
    EXCLUDE ("__revq_rejected")
  FROM (
    SELECT
      *
    FROM (
      SELECT
        NULLIF("t37"."_account_key_trimmed", '') AS "account_key",
        NULLIF("t37"."_company_trimmed", '') AS "company",
        NULLIF(
          REGEXP_REPLACE(
            COALESCE(
              CASE
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'executive hire'
                THEN 'executive_hire'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'executive_hire'
                THEN 'executive_hire'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'new executive'
                THEN 'executive_hire'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'funding'
                THEN 'funding'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'funding round'
                THEN 'funding'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'strategic hiring'
                THEN 'strategic_hiring'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'strategic_hiring'
                THEN 'strategic_hiring'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'hiring'
                THEN 'strategic_hiring'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'filing language'
                THEN 'filing_language'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'filing_language'
                THEN 'filing_language'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'earnings call'
                THEN 'filing_language'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'expansion'
                THEN 'expansion'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'restructuring'
                THEN 'restructuring'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'leadership statement'
                THEN 'leadership_statement'
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t37"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
                      'İ',
                      'i̇'
                    )
                  ),
                  '[\t\n\x0b\f\r                  　]+',
                  ' '
                ) = 'leadership_statement'
                THEN 'leadership_statement'
                ELSE CAST(NULL AS VARCHAR)
              END,
              "t37"."signal_type"
            ),
            '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
            ''
          ),
          ''
        ) AS "signal_type",
        COALESCE(
          CASE
            WHEN "t37"."_occurred_at_dash_zone" IS NOT NULL
            THEN CAST(CONCAT("t37"."_occurred_at_dash_text", COALESCE("t37"."_occurred_at_dash_zone", '')) AS TIMESTAMPTZ(6))
            ELSE CAST(CONCAT("t37"."_occurred_at_dash_text", '+00:00') AS TIMESTAMPTZ(6))
          END,
          CAST(CONCAT("t37"."_occurred_at_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
          CAST(CONCAT("t37"."_occurred_at_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
          CASE
            WHEN "t37"."_occurred_at_epoch" IS NOT NULL
            THEN CAST(TO_TIMESTAMP("t37"."_occurred_at_epoch", 3) AS TIMESTAMPTZ(6))
            ELSE CAST(NULL AS TIMESTAMPTZ(6))
          END
        ) AS "occurred_at",
        NULLIF("t37"."_source_trimmed", '') AS "source",
        NULLIF("t37"."_detail_trimmed", '') AS "detail",
        (
          COALESCE((
            "t37"."_occurred_at_trimmed" IS NOT NULL
          ) AND (
            "t37"."_occurred_at_trimmed" <> ''
          ), FALSE)
          AND (
            COALESCE(
              CASE
                WHEN "t37"."_occurred_at_dash_zone" IS NOT NULL
                THEN CAST(CONCAT("t37"."_occurred_at_dash_text", COALESCE("t37"."_occurred_at_dash_zone", '')) AS TIMESTAMPTZ(6))
                ELSE CAST(CONCAT("t37"."_occurred_at_dash_text", '+00:00') AS TIMESTAMPTZ(6))
              END,
              CAST(CONCAT("t37"."_occurred_at_slash_text", '+00:00') AS TIMESTAMPTZ(6)),
              CAST(CONCAT("t37"."_occurred_at_ordered_text", '+00:00') AS TIMESTAMPTZ(6)),
              CASE
                WHEN "t37"."_occurred_at_epoch" IS NOT NULL
                THEN CAST(TO_TIMESTAMP("t37"."_occurred_at_epoch", 3) AS TIMESTAMPTZ(6))
                ELSE CAST(NULL AS TIMESTAMPTZ(6))
              END
            ) IS NULL
          )
        )
        OR NOT (
          COALESCE((
            "t37"."_account_key_trimmed" IS NOT NULL
          ) AND (
            "t37"."_account_key_trimmed" <> ''
          ), FALSE)
        )
        OR NOT (
          COALESCE((
            "t37"."_signal_type_trimmed" IS NOT NULL
          ) AND (
            "t37"."_signal_type_trimmed" <> ''
          ), FALSE)
        )
        OR NOT (
          COALESCE((
            "t37"."_occurred_at_trimmed" IS NOT NULL
          ) AND (
            "t37"."_occurred_at_trimmed" <> ''
          ), FALSE)
        ) AS "__revq_rejected"
      FROM "revq_signals_dates_checked" AS "t37"
    ) AS "t40"
    WHERE
      NOT (
        "t40"."__revq_rejected"
      )
  ) AS "t42"
), "revq_signal_ages" AS (
  /* each lead's account signals: age in days and weight */
  SELECT
    "t97"."lead_id",
    "t97"."signal_type",
    "t97"."occurred_at",
    "t97"."detail",
    CAST(DATEDIFF(MICROSECOND, "t97"."occurred_at", TIMESTAMP_TZ_FROM_PARTS(2026, 11, 1, 0, 0, 0, 0, 'UTC')) AS DOUBLE) * 1e-06 * 1.1574074074074073e-05 AS "age_days",
    CASE
      WHEN LOWER(REPLACE("t97"."signal_type", 'İ', 'i̇')) = 'executive_hire'
      THEN 20.0
      WHEN LOWER(REPLACE("t97"."signal_type", 'İ', 'i̇')) = 'funding'
      THEN 15.0
      WHEN LOWER(REPLACE("t97"."signal_type", 'İ', 'i̇')) = 'strategic_hiring'
      THEN 12.0
      WHEN LOWER(REPLACE("t97"."signal_type", 'İ', 'i̇')) = 'filing_language'
      THEN 10.0
      WHEN LOWER(REPLACE("t97"."signal_type", 'İ', 'i̇')) = 'expansion'
      THEN 8.0
      ELSE 0.0
    END AS "raw_points"
  FROM (
    SELECT
      "t94"."lead_id",
      "t48"."signal_type",
      "t48"."occurred_at",
      "t48"."detail"
    FROM (
      SELECT
        "t91"."lead_id",
        "t91"."account_key"
      FROM "revq_segments" AS "t91"
    ) AS "t94"
    INNER JOIN (
      SELECT
        "t46"."account_key",
        "t46"."signal_type",
        "t46"."occurred_at",
        "t46"."detail"
      FROM "revq_signals_mapped" AS "t46"
    ) AS "t48"
      ON "t94"."account_key" = "t48"."account_key"
  ) AS "t97"
), "revq_signals_counted" AS (
  /* the signals inside the window, decayed and labelled */
  SELECT
    "t108"."lead_id",
    "t108"."signal_type",
    "t108"."age_days",
    "t108"."raw_points" * "t108"."decay_factor" AS "points",
    LOWER(REPLACE("t108"."signal_type", 'İ', 'i̇')) AS "_type",
    CONCAT(
      CONCAT(
        CONCAT("t108"."signal_type", ' on '),
        TO_CHAR(
          DATEADD(
            DAY,
            CAST((
              DATEDIFF(MICROSECOND, TIMESTAMP_TZ_FROM_PARTS(1970, 1, 1, 0, 0, 0, 0, 'UTC'), "t108"."occurred_at") - (
                (
                  (
                    DATEDIFF(MICROSECOND, TIMESTAMP_TZ_FROM_PARTS(1970, 1, 1, 0, 0, 0, 0, 'UTC'), "t108"."occurred_at") % 86400000000
                  ) + 86400000000
                ) % 86400000000
              )
            ) / 86400000000 AS BIGINT),
            DATE_FROM_PARTS(1970, 1, 1)
          ),
          'yyyy-mm-DD'
        )
      ),
      COALESCE(CONCAT(CONCAT(' (', "t108"."detail"), ')'), '')
    ) AS "_label"
  FROM (
    SELECT
      "t103"."lead_id",
      "t103"."signal_type",
      "t103"."occurred_at",
      "t103"."detail",
      "t103"."age_days",
      "t103"."raw_points",
      IFF(
        COALESCE("t103"."age_days" >= 0.0, FALSE),
        IFF(
          COALESCE("t103"."age_days" <= 90.0, FALSE),
          POWER(0.5, (
            "t103"."age_days" * 0.022222222222222223
          )),
          0.0
        ),
        0.0
      ) AS "decay_factor"
    FROM "revq_signal_ages" AS "t103"
  ) AS "t108"
  WHERE
    "t108"."decay_factor" > 0.0 AND "t108"."raw_points" <> 0.0
), "revq_signal_points" AS (
  /* signal points per type; the strongest signal; the newest's age */
  SELECT
    "t118"."_lead",
    "t118"."_signal",
    "t118"."_signal_age",
    IFF("t118"."_s0_n" > 0, CAST("t118"."_s0" AS DOUBLE) * 1e-06, CAST(NULL AS DOUBLE)) AS "pts_executive_hire",
    IFF("t118"."_s1_n" > 0, CAST("t118"."_s1" AS DOUBLE) * 1e-06, CAST(NULL AS DOUBLE)) AS "pts_funding",
    IFF("t118"."_s2_n" > 0, CAST("t118"."_s2" AS DOUBLE) * 1e-06, CAST(NULL AS DOUBLE)) AS "pts_strategic_hiring",
    IFF("t118"."_s3_n" > 0, CAST("t118"."_s3" AS DOUBLE) * 1e-06, CAST(NULL AS DOUBLE)) AS "pts_filing_language",
    IFF("t118"."_s4_n" > 0, CAST("t118"."_s4" AS DOUBLE) * 1e-06, CAST(NULL AS DOUBLE)) AS "pts_expansion"
  FROM (
    SELECT
      "t115"."lead_id" AS "_lead",
      SUM(
        IFF(
          "t115"."_type" = 'executive_hire',
          CAST((
            (
              "t115"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT),
          CAST(NULL AS BIGINT)
        )
      ) AS "_s0",
      SUM(
        IFF(
          "t115"."_type" = 'funding',
          CAST((
            (
              "t115"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT),
          CAST(NULL AS BIGINT)
        )
      ) AS "_s1",
      SUM(
        IFF(
          "t115"."_type" = 'strategic_hiring',
          CAST((
            (
              "t115"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT),
          CAST(NULL AS BIGINT)
        )
      ) AS "_s2",
      SUM(
        IFF(
          "t115"."_type" = 'filing_language',
          CAST((
            (
              "t115"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT),
          CAST(NULL AS BIGINT)
        )
      ) AS "_s3",
      SUM(
        IFF(
          "t115"."_type" = 'expansion',
          CAST((
            (
              "t115"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT),
          CAST(NULL AS BIGINT)
        )
      ) AS "_s4",
      SUM(CAST("t115"."_type" = 'executive_hire' AS INT)) AS "_s0_n",
      SUM(CAST("t115"."_type" = 'funding' AS INT)) AS "_s1_n",
      SUM(CAST("t115"."_type" = 'strategic_hiring' AS INT)) AS "_s2_n",
      SUM(CAST("t115"."_type" = 'filing_language' AS INT)) AS "_s3_n",
      SUM(CAST("t115"."_type" = 'expansion' AS INT)) AS "_s4_n",
      MAX(IFF("t115"."_rank" = 0, "t115"."_label", NULL)) AS "_signal",
      MIN("t115"."age_days") AS "_signal_age"
    FROM (
      SELECT
        "t113"."lead_id",
        "t113"."age_days",
        "t113"."points",
        "t113"."_type",
        "t113"."_label",
        ROW_NUMBER() OVER (
          PARTITION BY "t113"."lead_id"
          ORDER BY "t113"."points" DESC NULLS LAST, "t113"."age_days" ASC, "t113"."signal_type" ASC, "t113"."_label" ASC
        ) - 1 AS "_rank"
      FROM "revq_signals_counted" AS "t113"
    ) AS "t115"
    GROUP BY
      1
  ) AS "t118"
), "revq_group_micro_points" AS (
  /* each group's rules summed in whole micro-points, and the sign of a zero */
  SELECT
    "t122"."lead_id",
    "t122"."email",
    "t122"."first_name",
    "t122"."last_name",
    "t122"."title",
    "t122"."company",
    "t122"."lead_source",
    "t122"."owner",
    "t122"."created_at",
    "t122"."_n_country",
    "t122"."_n_email",
    "t122"."_n_industry",
    "t122"."_n_lifecycle_stage",
    "t122"."segment",
    "t122"."pts_seniority",
    "t122"."pts_company_size",
    "t122"."pts_company_size_small",
    "t122"."pts_target_industry",
    "t122"."pts_served_country",
    "t122"."pts_enterprise_seniority",
    "t122"."pts_enterprise_enterprise_size",
    "t122"."pts_personal_email",
    "t122"."pts_intern_or_student",
    "t122"."pts_unserved_country",
    "t122"."pts_tiny_company",
    "t122"."pts_demo_request",
    "t122"."pts_pricing_page",
    "t122"."pts_comparison_site",
    "t122"."pts_case_study",
    "t122"."pts_webinar",
    "t122"."pts_blog",
    "t122"."pts_email_click",
    "t122"."_signal",
    "t122"."_signal_age",
    "t122"."pts_executive_hire",
    "t122"."pts_funding",
    "t122"."pts_strategic_hiring",
    "t122"."pts_filing_language",
    "t122"."pts_expansion",
    COALESCE(
      CAST((
        (
          "t122"."pts_seniority" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_company_size" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_company_size_small" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_target_industry" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_served_country" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_enterprise_seniority" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_enterprise_enterprise_size" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS "_mp_fit",
    COALESCE("t122"."pts_seniority" * 0.0, 0.0) + COALESCE("t122"."pts_company_size" * 0.0, 0.0) + COALESCE("t122"."pts_company_size_small" * 0.0, 0.0) + COALESCE("t122"."pts_target_industry" * 0.0, 0.0) + COALESCE("t122"."pts_served_country" * 0.0, 0.0) + COALESCE("t122"."pts_enterprise_seniority" * 0.0, 0.0) + COALESCE("t122"."pts_enterprise_enterprise_size" * 0.0, 0.0) AS "_zero_fit",
    COALESCE(
      CAST((
        (
          "t122"."pts_demo_request" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_pricing_page" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_comparison_site" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_case_study" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_webinar" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_blog" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_email_click" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS "_mp_intent",
    COALESCE("t122"."pts_demo_request" * 0.0, 0.0) + COALESCE("t122"."pts_pricing_page" * 0.0, 0.0) + COALESCE("t122"."pts_comparison_site" * 0.0, 0.0) + COALESCE("t122"."pts_case_study" * 0.0, 0.0) + COALESCE("t122"."pts_webinar" * 0.0, 0.0) + COALESCE("t122"."pts_blog" * 0.0, 0.0) + COALESCE("t122"."pts_email_click" * 0.0, 0.0) AS "_zero_intent",
    COALESCE(
      CAST((
        (
          "t122"."pts_executive_hire" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_funding" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_strategic_hiring" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_filing_language" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_expansion" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS "_mp_signal",
    COALESCE("t122"."pts_executive_hire" * 0.0, 0.0) + COALESCE("t122"."pts_funding" * 0.0, 0.0) + COALESCE("t122"."pts_strategic_hiring" * 0.0, 0.0) + COALESCE("t122"."pts_filing_language" * 0.0, 0.0) + COALESCE("t122"."pts_expansion" * 0.0, 0.0) AS "_zero_signal",
    COALESCE(
      CAST((
        (
          "t122"."pts_personal_email" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_intern_or_student" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_unserved_country" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t122"."pts_tiny_company" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS "_mp_negative",
    COALESCE("t122"."pts_personal_email" * 0.0, 0.0) + COALESCE("t122"."pts_intern_or_student" * 0.0, 0.0) + COALESCE("t122"."pts_unserved_country" * 0.0, 0.0) + COALESCE("t122"."pts_tiny_company" * 0.0, 0.0) AS "_zero_negative"
  FROM (
    SELECT
      "t105"."lead_id",
      "t105"."email",
      "t105"."first_name",
      "t105"."last_name",
      "t105"."title",
      "t105"."company",
      "t105"."lead_source",
      "t105"."owner",
      "t105"."created_at",
      "t105"."_n_country",
      "t105"."_n_email",
      "t105"."_n_industry",
      "t105"."_n_lifecycle_stage",
      "t105"."segment",
      "t105"."pts_seniority",
      "t105"."pts_company_size",
      "t105"."pts_company_size_small",
      "t105"."pts_target_industry",
      "t105"."pts_served_country",
      "t105"."pts_enterprise_seniority",
      "t105"."pts_enterprise_enterprise_size",
      "t105"."pts_personal_email",
      "t105"."pts_intern_or_student",
      "t105"."pts_unserved_country",
      "t105"."pts_tiny_company",
      "t117"."pts_demo_request",
      "t117"."pts_pricing_page",
      "t117"."pts_comparison_site",
      "t117"."pts_case_study",
      "t117"."pts_webinar",
      "t117"."pts_blog",
      "t117"."pts_email_click",
      "t121"."_signal",
      "t121"."_signal_age",
      "t121"."pts_executive_hire",
      "t121"."pts_funding",
      "t121"."pts_strategic_hiring",
      "t121"."pts_filing_language",
      "t121"."pts_expansion"
    FROM "revq_negative" AS "t105"
    LEFT OUTER JOIN "revq_event_points" AS "t117"
      ON "t105"."lead_id" = "t117"."_lead"
    LEFT OUTER JOIN "revq_signal_points" AS "t121"
      ON "t105"."lead_id" = "t121"."_lead"
  ) AS "t122"
), "revq_group_sums" AS (
  /* each group's points summed (fit, intent, signal, negative) */
  SELECT
    "t124"."lead_id",
    "t124"."email",
    "t124"."first_name",
    "t124"."last_name",
    "t124"."title",
    "t124"."company",
    "t124"."lead_source",
    "t124"."owner",
    "t124"."created_at",
    "t124"."_n_country",
    "t124"."_n_email",
    "t124"."_n_industry",
    "t124"."_n_lifecycle_stage",
    "t124"."segment",
    "t124"."pts_seniority",
    "t124"."pts_company_size",
    "t124"."pts_company_size_small",
    "t124"."pts_target_industry",
    "t124"."pts_served_country",
    "t124"."pts_enterprise_seniority",
    "t124"."pts_enterprise_enterprise_size",
    "t124"."pts_personal_email",
    "t124"."pts_intern_or_student",
    "t124"."pts_unserved_country",
    "t124"."pts_tiny_company",
    "t124"."pts_demo_request",
    "t124"."pts_pricing_page",
    "t124"."pts_comparison_site",
    "t124"."pts_case_study",
    "t124"."pts_webinar",
    "t124"."pts_blog",
    "t124"."pts_email_click",
    "t124"."_signal",
    "t124"."_signal_age",
    "t124"."pts_executive_hire",
    "t124"."pts_funding",
    "t124"."pts_strategic_hiring",
    "t124"."pts_filing_language",
    "t124"."pts_expansion",
    IFF("t124"."_mp_fit" = 0, "t124"."_zero_fit", CAST("t124"."_mp_fit" AS DOUBLE) * 1e-06) AS "_raw_fit",
    IFF("t124"."_mp_intent" = 0, "t124"."_zero_intent", CAST("t124"."_mp_intent" AS DOUBLE) * 1e-06) AS "_raw_intent",
    IFF("t124"."_mp_signal" = 0, "t124"."_zero_signal", CAST("t124"."_mp_signal" AS DOUBLE) * 1e-06) AS "_raw_signal",
    IFF("t124"."_mp_negative" = 0, "t124"."_zero_negative", CAST("t124"."_mp_negative" AS DOUBLE) * 1e-06) AS "_raw_negative"
  FROM "revq_group_micro_points" AS "t124"
), "revq_group_scores" AS (
  /* each group's sum within its scale */
  SELECT
    "t126"."lead_id",
    "t126"."email",
    "t126"."first_name",
    "t126"."last_name",
    "t126"."title",
    "t126"."company",
    "t126"."lead_source",
    "t126"."owner",
    "t126"."created_at",
    "t126"."_n_country",
    "t126"."_n_email",
    "t126"."_n_industry",
    "t126"."_n_lifecycle_stage",
    "t126"."segment",
    "t126"."pts_seniority",
    "t126"."pts_company_size",
    "t126"."pts_company_size_small",
    "t126"."pts_target_industry",
    "t126"."pts_served_country",
    "t126"."pts_enterprise_seniority",
    "t126"."pts_enterprise_enterprise_size",
    "t126"."pts_personal_email",
    "t126"."pts_intern_or_student",
    "t126"."pts_unserved_country",
    "t126"."pts_tiny_company",
    "t126"."pts_demo_request",
    "t126"."pts_pricing_page",
    "t126"."pts_comparison_site",
    "t126"."pts_case_study",
    "t126"."pts_webinar",
    "t126"."pts_blog",
    "t126"."pts_email_click",
    "t126"."_signal",
    "t126"."_signal_age",
    "t126"."pts_executive_hire",
    "t126"."pts_funding",
    "t126"."pts_strategic_hiring",
    "t126"."pts_filing_language",
    "t126"."pts_expansion",
    "t126"."_raw_fit",
    "t126"."_raw_intent",
    "t126"."_raw_signal",
    "t126"."_raw_negative",
    CASE
      WHEN "t126"."_raw_fit" < 0.0
      THEN 0.0
      WHEN "t126"."_raw_fit" > 50.0
      THEN 50.0
      ELSE "t126"."_raw_fit"
    END AS "_u_fit_score",
    CASE
      WHEN "t126"."_raw_intent" < 0.0
      THEN 0.0
      WHEN "t126"."_raw_intent" > 50.0
      THEN 50.0
      ELSE "t126"."_raw_intent"
    END AS "_u_intent_score",
    CASE
      WHEN "t126"."_raw_signal" < 0.0
      THEN 0.0
      WHEN "t126"."_raw_signal" > 30.0
      THEN 30.0
      ELSE "t126"."_raw_signal"
    END AS "_u_signal_score",
    CASE
      WHEN "t126"."_raw_negative" < -50.0
      THEN -50.0
      WHEN "t126"."_raw_negative" > 0.0
      THEN 0.0
      ELSE "t126"."_raw_negative"
    END AS "_u_negative_score"
  FROM "revq_group_sums" AS "t126"
), "revq_scores" AS (
  /* the total score; where a scale cut a group's sum */
  SELECT
    "t128"."lead_id",
    "t128"."email",
    "t128"."first_name",
    "t128"."last_name",
    "t128"."title",
    "t128"."company",
    "t128"."lead_source",
    "t128"."owner",
    "t128"."created_at",
    "t128"."_n_country",
    "t128"."_n_email",
    "t128"."_n_industry",
    "t128"."_n_lifecycle_stage",
    "t128"."segment",
    "t128"."pts_seniority",
    "t128"."pts_company_size",
    "t128"."pts_company_size_small",
    "t128"."pts_target_industry",
    "t128"."pts_served_country",
    "t128"."pts_enterprise_seniority",
    "t128"."pts_enterprise_enterprise_size",
    "t128"."pts_personal_email",
    "t128"."pts_intern_or_student",
    "t128"."pts_unserved_country",
    "t128"."pts_tiny_company",
    "t128"."pts_demo_request",
    "t128"."pts_pricing_page",
    "t128"."pts_comparison_site",
    "t128"."pts_case_study",
    "t128"."pts_webinar",
    "t128"."pts_blog",
    "t128"."pts_email_click",
    "t128"."_signal",
    "t128"."_signal_age",
    "t128"."pts_executive_hire",
    "t128"."pts_funding",
    "t128"."pts_strategic_hiring",
    "t128"."pts_filing_language",
    "t128"."pts_expansion",
    "t128"."_u_fit_score",
    "t128"."_u_intent_score",
    "t128"."_u_signal_score",
    "t128"."_u_negative_score",
    "t128"."_u_fit_score" + "t128"."_u_intent_score" + (
      "t128"."_u_signal_score" + "t128"."_u_negative_score"
    ) AS "_u_total_score",
    IFF(
      ABS("t128"."_u_fit_score" - "t128"."_raw_fit") > 1e-09,
      "t128"."_u_fit_score" - "t128"."_raw_fit",
      CAST(NULL AS DOUBLE)
    ) AS "_cap_fit",
    IFF(
      ABS("t128"."_u_intent_score" - "t128"."_raw_intent") > 1e-09,
      "t128"."_u_intent_score" - "t128"."_raw_intent",
      CAST(NULL AS DOUBLE)
    ) AS "_cap_intent",
    IFF(
      ABS("t128"."_u_signal_score" - "t128"."_raw_signal") > 1e-09,
      "t128"."_u_signal_score" - "t128"."_raw_signal",
      CAST(NULL AS DOUBLE)
    ) AS "_cap_signal",
    IFF(
      ABS("t128"."_u_negative_score" - "t128"."_raw_negative") > 1e-09,
      "t128"."_u_negative_score" - "t128"."_raw_negative",
      CAST(NULL AS DOUBLE)
    ) AS "_cap_negative"
  FROM "revq_group_scores" AS "t128"
), "revq_strongest_items" AS (
  /* why now's strongest behaviour: each item's micro-points and sign */
  SELECT
    "t130"."lead_id",
    "t130"."email",
    "t130"."first_name",
    "t130"."last_name",
    "t130"."title",
    "t130"."company",
    "t130"."lead_source",
    "t130"."owner",
    "t130"."created_at",
    "t130"."_n_country",
    "t130"."_n_email",
    "t130"."_n_industry",
    "t130"."_n_lifecycle_stage",
    "t130"."segment",
    "t130"."pts_seniority",
    "t130"."pts_company_size",
    "t130"."pts_company_size_small",
    "t130"."pts_target_industry",
    "t130"."pts_served_country",
    "t130"."pts_enterprise_seniority",
    "t130"."pts_enterprise_enterprise_size",
    "t130"."pts_personal_email",
    "t130"."pts_intern_or_student",
    "t130"."pts_unserved_country",
    "t130"."pts_tiny_company",
    "t130"."pts_demo_request",
    "t130"."pts_pricing_page",
    "t130"."pts_comparison_site",
    "t130"."pts_case_study",
    "t130"."pts_webinar",
    "t130"."pts_blog",
    "t130"."pts_email_click",
    "t130"."_signal",
    "t130"."_signal_age",
    "t130"."pts_executive_hire",
    "t130"."pts_funding",
    "t130"."pts_strategic_hiring",
    "t130"."pts_filing_language",
    "t130"."pts_expansion",
    "t130"."_u_fit_score",
    "t130"."_u_intent_score",
    "t130"."_u_signal_score",
    "t130"."_u_negative_score",
    "t130"."_u_total_score",
    "t130"."_cap_fit",
    "t130"."_cap_intent",
    "t130"."_cap_signal",
    "t130"."_cap_negative",
    CAST((
      (
        COALESCE(CASE WHEN "t130"."pts_demo_request" < 0.0 THEN 0.0 ELSE "t130"."pts_demo_request" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_demo_request",
    CAST((
      (
        COALESCE(CASE WHEN "t130"."pts_pricing_page" < 0.0 THEN 0.0 ELSE "t130"."pts_pricing_page" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_pricing_page",
    CAST((
      (
        COALESCE(CASE WHEN "t130"."pts_comparison_site" < 0.0 THEN 0.0 ELSE "t130"."pts_comparison_site" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_comparison_site",
    CAST((
      (
        COALESCE(CASE WHEN "t130"."pts_case_study" < 0.0 THEN 0.0 ELSE "t130"."pts_case_study" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_case_study",
    CAST((
      (
        COALESCE(CASE WHEN "t130"."pts_webinar" < 0.0 THEN 0.0 ELSE "t130"."pts_webinar" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_webinar",
    CAST((
      (
        COALESCE(CASE WHEN "t130"."pts_blog" < 0.0 THEN 0.0 ELSE "t130"."pts_blog" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_blog",
    CAST((
      (
        COALESCE(CASE WHEN "t130"."pts_email_click" < 0.0 THEN 0.0 ELSE "t130"."pts_email_click" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_email_click",
    COALESCE(CASE WHEN "t130"."pts_demo_request" < 0.0 THEN 0.0 ELSE "t130"."pts_demo_request" END < 0.0, FALSE) AS "_st_m_demo_request_neg",
    COALESCE(CASE WHEN "t130"."pts_pricing_page" < 0.0 THEN 0.0 ELSE "t130"."pts_pricing_page" END < 0.0, FALSE) AS "_st_m_pricing_page_neg",
    COALESCE(
      CASE WHEN "t130"."pts_comparison_site" < 0.0 THEN 0.0 ELSE "t130"."pts_comparison_site" END < 0.0,
      FALSE
    ) AS "_st_m_comparison_site_neg",
    COALESCE(CASE WHEN "t130"."pts_case_study" < 0.0 THEN 0.0 ELSE "t130"."pts_case_study" END < 0.0, FALSE) AS "_st_m_case_study_neg",
    COALESCE(CASE WHEN "t130"."pts_webinar" < 0.0 THEN 0.0 ELSE "t130"."pts_webinar" END < 0.0, FALSE) AS "_st_m_webinar_neg",
    COALESCE(CASE WHEN "t130"."pts_blog" < 0.0 THEN 0.0 ELSE "t130"."pts_blog" END < 0.0, FALSE) AS "_st_m_blog_neg",
    COALESCE(CASE WHEN "t130"."pts_email_click" < 0.0 THEN 0.0 ELSE "t130"."pts_email_click" END < 0.0, FALSE) AS "_st_m_email_click_neg"
  FROM "revq_scores" AS "t130"
), "revq_strongest_keys" AS (
  /* why now's strongest behaviour: each item's sort key (size, sign, name) */
  SELECT
    "t132"."lead_id",
    "t132"."email",
    "t132"."first_name",
    "t132"."last_name",
    "t132"."title",
    "t132"."company",
    "t132"."lead_source",
    "t132"."owner",
    "t132"."created_at",
    "t132"."_n_country",
    "t132"."_n_email",
    "t132"."_n_industry",
    "t132"."_n_lifecycle_stage",
    "t132"."segment",
    "t132"."pts_seniority",
    "t132"."pts_company_size",
    "t132"."pts_company_size_small",
    "t132"."pts_target_industry",
    "t132"."pts_served_country",
    "t132"."pts_enterprise_seniority",
    "t132"."pts_enterprise_enterprise_size",
    "t132"."pts_personal_email",
    "t132"."pts_intern_or_student",
    "t132"."pts_unserved_country",
    "t132"."pts_tiny_company",
    "t132"."pts_demo_request",
    "t132"."pts_pricing_page",
    "t132"."pts_comparison_site",
    "t132"."pts_case_study",
    "t132"."pts_webinar",
    "t132"."pts_blog",
    "t132"."pts_email_click",
    "t132"."_signal",
    "t132"."_signal_age",
    "t132"."pts_executive_hire",
    "t132"."pts_funding",
    "t132"."pts_strategic_hiring",
    "t132"."pts_filing_language",
    "t132"."pts_expansion",
    "t132"."_u_fit_score",
    "t132"."_u_intent_score",
    "t132"."_u_signal_score",
    "t132"."_u_negative_score",
    "t132"."_u_total_score",
    "t132"."_cap_fit",
    "t132"."_cap_intent",
    "t132"."_cap_signal",
    "t132"."_cap_negative",
    "t132"."_st_m_demo_request",
    "t132"."_st_m_pricing_page",
    "t132"."_st_m_comparison_site",
    "t132"."_st_m_case_study",
    "t132"."_st_m_webinar",
    "t132"."_st_m_blog",
    "t132"."_st_m_email_click",
    (
      (
        (
          ABS("t132"."_st_m_demo_request") * 2
        ) + IFF("t132"."_st_m_demo_request_neg", 1, 0)
      ) * 8
    ) + 4 AS "_st_k_demo_request",
    (
      (
        (
          ABS("t132"."_st_m_pricing_page") * 2
        ) + IFF("t132"."_st_m_pricing_page_neg", 1, 0)
      ) * 8
    ) + 2 AS "_st_k_pricing_page",
    (
      (
        (
          ABS("t132"."_st_m_comparison_site") * 2
        ) + IFF("t132"."_st_m_comparison_site_neg", 1, 0)
      ) * 8
    ) + 5 AS "_st_k_comparison_site",
    (
      (
        (
          ABS("t132"."_st_m_case_study") * 2
        ) + IFF("t132"."_st_m_case_study_neg", 1, 0)
      ) * 8
    ) + 6 AS "_st_k_case_study",
    (
      (
        (
          ABS("t132"."_st_m_webinar") * 2
        ) + IFF("t132"."_st_m_webinar_neg", 1, 0)
      ) * 8
    ) + 1 AS "_st_k_webinar",
    (
      (
        (
          ABS("t132"."_st_m_blog") * 2
        ) + IFF("t132"."_st_m_blog_neg", 1, 0)
      ) * 8
    ) + 7 AS "_st_k_blog",
    (
      (
        (
          ABS("t132"."_st_m_email_click") * 2
        ) + IFF("t132"."_st_m_email_click_neg", 1, 0)
      ) * 8
    ) + 3 AS "_st_k_email_click"
  FROM "revq_strongest_items" AS "t132"
), "revq_strongest_1" AS (
  /* why now's strongest behaviour: place 1 */
  SELECT
    "t135"."lead_id",
    "t135"."email",
    "t135"."first_name",
    "t135"."last_name",
    "t135"."title",
    "t135"."company",
    "t135"."lead_source",
    "t135"."owner",
    "t135"."created_at",
    "t135"."_n_country",
    "t135"."_n_email",
    "t135"."_n_industry",
    "t135"."_n_lifecycle_stage",
    "t135"."segment",
    "t135"."pts_seniority",
    "t135"."pts_company_size",
    "t135"."pts_company_size_small",
    "t135"."pts_target_industry",
    "t135"."pts_served_country",
    "t135"."pts_enterprise_seniority",
    "t135"."pts_enterprise_enterprise_size",
    "t135"."pts_personal_email",
    "t135"."pts_intern_or_student",
    "t135"."pts_unserved_country",
    "t135"."pts_tiny_company",
    "t135"."pts_demo_request",
    "t135"."pts_pricing_page",
    "t135"."pts_comparison_site",
    "t135"."pts_case_study",
    "t135"."pts_webinar",
    "t135"."pts_blog",
    "t135"."pts_email_click",
    "t135"."_signal",
    "t135"."_signal_age",
    "t135"."pts_executive_hire",
    "t135"."pts_funding",
    "t135"."pts_strategic_hiring",
    "t135"."pts_filing_language",
    "t135"."pts_expansion",
    "t135"."_u_fit_score",
    "t135"."_u_intent_score",
    "t135"."_u_signal_score",
    "t135"."_u_negative_score",
    "t135"."_u_total_score",
    "t135"."_cap_fit",
    "t135"."_cap_intent",
    "t135"."_cap_signal",
    "t135"."_cap_negative",
    CASE
      WHEN "t135"."_st_k_demo_request" = "t135"."_st_s0"
      THEN "t135"."_st_m_demo_request"
      WHEN "t135"."_st_k_pricing_page" = "t135"."_st_s0"
      THEN "t135"."_st_m_pricing_page"
      WHEN "t135"."_st_k_comparison_site" = "t135"."_st_s0"
      THEN "t135"."_st_m_comparison_site"
      WHEN "t135"."_st_k_case_study" = "t135"."_st_s0"
      THEN "t135"."_st_m_case_study"
      WHEN "t135"."_st_k_webinar" = "t135"."_st_s0"
      THEN "t135"."_st_m_webinar"
      WHEN "t135"."_st_k_blog" = "t135"."_st_s0"
      THEN "t135"."_st_m_blog"
      WHEN "t135"."_st_k_email_click" = "t135"."_st_s0"
      THEN "t135"."_st_m_email_click"
      ELSE 0
    END AS "_st_v0",
    CASE
      WHEN "t135"."_st_k_demo_request" = "t135"."_st_s0"
      THEN 'demo_request'
      WHEN "t135"."_st_k_pricing_page" = "t135"."_st_s0"
      THEN 'pricing_page'
      WHEN "t135"."_st_k_comparison_site" = "t135"."_st_s0"
      THEN 'comparison_site'
      WHEN "t135"."_st_k_case_study" = "t135"."_st_s0"
      THEN 'case_study'
      WHEN "t135"."_st_k_webinar" = "t135"."_st_s0"
      THEN 'webinar'
      WHEN "t135"."_st_k_blog" = "t135"."_st_s0"
      THEN 'blog'
      WHEN "t135"."_st_k_email_click" = "t135"."_st_s0"
      THEN 'email_click'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_st_n0"
  FROM (
    SELECT
      "t134"."lead_id",
      "t134"."email",
      "t134"."first_name",
      "t134"."last_name",
      "t134"."title",
      "t134"."company",
      "t134"."lead_source",
      "t134"."owner",
      "t134"."created_at",
      "t134"."_n_country",
      "t134"."_n_email",
      "t134"."_n_industry",
      "t134"."_n_lifecycle_stage",
      "t134"."segment",
      "t134"."pts_seniority",
      "t134"."pts_company_size",
      "t134"."pts_company_size_small",
      "t134"."pts_target_industry",
      "t134"."pts_served_country",
      "t134"."pts_enterprise_seniority",
      "t134"."pts_enterprise_enterprise_size",
      "t134"."pts_personal_email",
      "t134"."pts_intern_or_student",
      "t134"."pts_unserved_country",
      "t134"."pts_tiny_company",
      "t134"."pts_demo_request",
      "t134"."pts_pricing_page",
      "t134"."pts_comparison_site",
      "t134"."pts_case_study",
      "t134"."pts_webinar",
      "t134"."pts_blog",
      "t134"."pts_email_click",
      "t134"."_signal",
      "t134"."_signal_age",
      "t134"."pts_executive_hire",
      "t134"."pts_funding",
      "t134"."pts_strategic_hiring",
      "t134"."pts_filing_language",
      "t134"."pts_expansion",
      "t134"."_u_fit_score",
      "t134"."_u_intent_score",
      "t134"."_u_signal_score",
      "t134"."_u_negative_score",
      "t134"."_u_total_score",
      "t134"."_cap_fit",
      "t134"."_cap_intent",
      "t134"."_cap_signal",
      "t134"."_cap_negative",
      "t134"."_st_m_demo_request",
      "t134"."_st_m_pricing_page",
      "t134"."_st_m_comparison_site",
      "t134"."_st_m_case_study",
      "t134"."_st_m_webinar",
      "t134"."_st_m_blog",
      "t134"."_st_m_email_click",
      "t134"."_st_k_demo_request",
      "t134"."_st_k_pricing_page",
      "t134"."_st_k_comparison_site",
      "t134"."_st_k_case_study",
      "t134"."_st_k_webinar",
      "t134"."_st_k_blog",
      "t134"."_st_k_email_click",
      GREATEST(
        "t134"."_st_k_demo_request",
        "t134"."_st_k_pricing_page",
        "t134"."_st_k_comparison_site",
        "t134"."_st_k_case_study",
        "t134"."_st_k_webinar",
        "t134"."_st_k_blog",
        "t134"."_st_k_email_click"
      ) AS "_st_s0"
    FROM "revq_strongest_keys" AS "t134"
  ) AS "t135"
), "revq_reason_items" AS (
  /* top reasons: each item's micro-points and sign */
  SELECT
    "t137"."lead_id",
    "t137"."email",
    "t137"."first_name",
    "t137"."last_name",
    "t137"."title",
    "t137"."company",
    "t137"."lead_source",
    "t137"."owner",
    "t137"."created_at",
    "t137"."_n_country",
    "t137"."_n_email",
    "t137"."_n_industry",
    "t137"."_n_lifecycle_stage",
    "t137"."segment",
    "t137"."_signal",
    "t137"."_signal_age",
    "t137"."_u_fit_score",
    "t137"."_u_intent_score",
    "t137"."_u_signal_score",
    "t137"."_u_negative_score",
    "t137"."_u_total_score",
    "t137"."_st_v0",
    "t137"."_st_n0",
    CAST((
      (
        COALESCE("t137"."pts_seniority", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_seniority",
    CAST((
      (
        COALESCE("t137"."pts_company_size", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_company_size",
    CAST((
      (
        COALESCE("t137"."pts_company_size_small", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_company_size_small",
    CAST((
      (
        COALESCE("t137"."pts_target_industry", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_target_industry",
    CAST((
      (
        COALESCE("t137"."pts_served_country", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_served_country",
    CAST((
      (
        COALESCE("t137"."pts_enterprise_seniority", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_enterprise_seniority",
    CAST((
      (
        COALESCE("t137"."pts_enterprise_enterprise_size", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_enterprise_enterprise_size",
    CAST((
      (
        COALESCE("t137"."pts_personal_email", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_personal_email",
    CAST((
      (
        COALESCE("t137"."pts_intern_or_student", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_intern_or_student",
    CAST((
      (
        COALESCE("t137"."pts_unserved_country", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_unserved_country",
    CAST((
      (
        COALESCE("t137"."pts_tiny_company", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_tiny_company",
    CAST((
      (
        COALESCE("t137"."pts_demo_request", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_demo_request",
    CAST((
      (
        COALESCE("t137"."pts_pricing_page", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_pricing_page",
    CAST((
      (
        COALESCE("t137"."pts_comparison_site", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_comparison_site",
    CAST((
      (
        COALESCE("t137"."pts_case_study", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_case_study",
    CAST((
      (
        COALESCE("t137"."pts_webinar", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_webinar",
    CAST((
      (
        COALESCE("t137"."pts_blog", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_blog",
    CAST((
      (
        COALESCE("t137"."pts_email_click", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_email_click",
    CAST((
      (
        COALESCE("t137"."pts_executive_hire", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_executive_hire",
    CAST((
      (
        COALESCE("t137"."pts_funding", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_funding",
    CAST((
      (
        COALESCE("t137"."pts_strategic_hiring", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_strategic_hiring",
    CAST((
      (
        COALESCE("t137"."pts_filing_language", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_filing_language",
    CAST((
      (
        COALESCE("t137"."pts_expansion", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_expansion",
    CAST((
      (
        COALESCE("t137"."_cap_fit", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_cap_fit",
    CAST((
      (
        COALESCE("t137"."_cap_intent", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_cap_intent",
    CAST((
      (
        COALESCE("t137"."_cap_signal", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_cap_signal",
    CAST((
      (
        COALESCE("t137"."_cap_negative", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_cap_negative",
    COALESCE("t137"."pts_seniority" < 0.0, FALSE) AS "_re_m_seniority_neg",
    COALESCE("t137"."pts_company_size" < 0.0, FALSE) AS "_re_m_company_size_neg",
    COALESCE("t137"."pts_company_size_small" < 0.0, FALSE) AS "_re_m_company_size_small_neg",
    COALESCE("t137"."pts_target_industry" < 0.0, FALSE) AS "_re_m_target_industry_neg",
    COALESCE("t137"."pts_served_country" < 0.0, FALSE) AS "_re_m_served_country_neg",
    COALESCE("t137"."pts_enterprise_seniority" < 0.0, FALSE) AS "_re_m_enterprise_seniority_neg",
    COALESCE("t137"."pts_enterprise_enterprise_size" < 0.0, FALSE) AS "_re_m_enterprise_enterprise_size_neg",
    COALESCE("t137"."pts_personal_email" < 0.0, FALSE) AS "_re_m_personal_email_neg",
    COALESCE("t137"."pts_intern_or_student" < 0.0, FALSE) AS "_re_m_intern_or_student_neg",
    COALESCE("t137"."pts_unserved_country" < 0.0, FALSE) AS "_re_m_unserved_country_neg",
    COALESCE("t137"."pts_tiny_company" < 0.0, FALSE) AS "_re_m_tiny_company_neg",
    COALESCE("t137"."pts_demo_request" < 0.0, FALSE) AS "_re_m_demo_request_neg",
    COALESCE("t137"."pts_pricing_page" < 0.0, FALSE) AS "_re_m_pricing_page_neg",
    COALESCE("t137"."pts_comparison_site" < 0.0, FALSE) AS "_re_m_comparison_site_neg",
    COALESCE("t137"."pts_case_study" < 0.0, FALSE) AS "_re_m_case_study_neg",
    COALESCE("t137"."pts_webinar" < 0.0, FALSE) AS "_re_m_webinar_neg",
    COALESCE("t137"."pts_blog" < 0.0, FALSE) AS "_re_m_blog_neg",
    COALESCE("t137"."pts_email_click" < 0.0, FALSE) AS "_re_m_email_click_neg",
    COALESCE("t137"."pts_executive_hire" < 0.0, FALSE) AS "_re_m_executive_hire_neg",
    COALESCE("t137"."pts_funding" < 0.0, FALSE) AS "_re_m_funding_neg",
    COALESCE("t137"."pts_strategic_hiring" < 0.0, FALSE) AS "_re_m_strategic_hiring_neg",
    COALESCE("t137"."pts_filing_language" < 0.0, FALSE) AS "_re_m_filing_language_neg",
    COALESCE("t137"."pts_expansion" < 0.0, FALSE) AS "_re_m_expansion_neg",
    COALESCE("t137"."_cap_fit" < 0.0, FALSE) AS "_re_m_cap_fit_neg",
    COALESCE("t137"."_cap_intent" < 0.0, FALSE) AS "_re_m_cap_intent_neg",
    COALESCE("t137"."_cap_signal" < 0.0, FALSE) AS "_re_m_cap_signal_neg",
    COALESCE("t137"."_cap_negative" < 0.0, FALSE) AS "_re_m_cap_negative_neg"
  FROM "revq_strongest_1" AS "t137"
), "revq_reason_keys" AS (
  /* top reasons: each item's sort key (size, sign, name) */
  SELECT
    "t139"."lead_id",
    "t139"."email",
    "t139"."first_name",
    "t139"."last_name",
    "t139"."title",
    "t139"."company",
    "t139"."lead_source",
    "t139"."owner",
    "t139"."created_at",
    "t139"."_n_country",
    "t139"."_n_email",
    "t139"."_n_industry",
    "t139"."_n_lifecycle_stage",
    "t139"."segment",
    "t139"."_signal",
    "t139"."_signal_age",
    "t139"."_u_fit_score",
    "t139"."_u_intent_score",
    "t139"."_u_signal_score",
    "t139"."_u_negative_score",
    "t139"."_u_total_score",
    "t139"."_st_v0",
    "t139"."_st_n0",
    "t139"."_re_m_seniority",
    "t139"."_re_m_company_size",
    "t139"."_re_m_company_size_small",
    "t139"."_re_m_target_industry",
    "t139"."_re_m_served_country",
    "t139"."_re_m_enterprise_seniority",
    "t139"."_re_m_enterprise_enterprise_size",
    "t139"."_re_m_personal_email",
    "t139"."_re_m_intern_or_student",
    "t139"."_re_m_unserved_country",
    "t139"."_re_m_tiny_company",
    "t139"."_re_m_demo_request",
    "t139"."_re_m_pricing_page",
    "t139"."_re_m_comparison_site",
    "t139"."_re_m_case_study",
    "t139"."_re_m_webinar",
    "t139"."_re_m_blog",
    "t139"."_re_m_email_click",
    "t139"."_re_m_executive_hire",
    "t139"."_re_m_funding",
    "t139"."_re_m_strategic_hiring",
    "t139"."_re_m_filing_language",
    "t139"."_re_m_expansion",
    "t139"."_re_m_cap_fit",
    "t139"."_re_m_cap_intent",
    "t139"."_re_m_cap_signal",
    "t139"."_re_m_cap_negative",
    (
      (
        (
          ABS("t139"."_re_m_seniority") * 2
        ) + IFF("t139"."_re_m_seniority_neg", 1, 0)
      ) * 28
    ) + 11 AS "_re_k_seniority",
    (
      (
        (
          ABS("t139"."_re_m_company_size") * 2
        ) + IFF("t139"."_re_m_company_size_neg", 1, 0)
      ) * 28
    ) + 21 AS "_re_k_company_size",
    (
      (
        (
          ABS("t139"."_re_m_company_size_small") * 2
        ) + IFF("t139"."_re_m_company_size_small_neg", 1, 0)
      ) * 28
    ) + 20 AS "_re_k_company_size_small",
    (
      (
        (
          ABS("t139"."_re_m_target_industry") * 2
        ) + IFF("t139"."_re_m_target_industry_neg", 1, 0)
      ) * 28
    ) + 4 AS "_re_k_target_industry",
    (
      (
        (
          ABS("t139"."_re_m_served_country") * 2
        ) + IFF("t139"."_re_m_served_country_neg", 1, 0)
      ) * 28
    ) + 10 AS "_re_k_served_country",
    (
      (
        (
          ABS("t139"."_re_m_enterprise_seniority") * 2
        ) + IFF("t139"."_re_m_enterprise_seniority_neg", 1, 0)
      ) * 28
    ) + 15 AS "_re_k_enterprise_seniority",
    (
      (
        (
          ABS("t139"."_re_m_enterprise_enterprise_size") * 2
        ) + IFF("t139"."_re_m_enterprise_enterprise_size_neg", 1, 0)
      ) * 28
    ) + 16 AS "_re_k_enterprise_enterprise_size",
    (
      (
        (
          ABS("t139"."_re_m_personal_email") * 2
        ) + IFF("t139"."_re_m_personal_email_neg", 1, 0)
      ) * 28
    ) + 13 AS "_re_k_personal_email",
    (
      (
        (
          ABS("t139"."_re_m_intern_or_student") * 2
        ) + IFF("t139"."_re_m_intern_or_student_neg", 1, 0)
      ) * 28
    ) + 14 AS "_re_k_intern_or_student",
    (
      (
        (
          ABS("t139"."_re_m_unserved_country") * 2
        ) + IFF("t139"."_re_m_unserved_country_neg", 1, 0)
      ) * 28
    ) + 2 AS "_re_k_unserved_country",
    (
      (
        (
          ABS("t139"."_re_m_tiny_company") * 2
        ) + IFF("t139"."_re_m_tiny_company_neg", 1, 0)
      ) * 28
    ) + 3 AS "_re_k_tiny_company",
    (
      (
        (
          ABS("t139"."_re_m_demo_request") * 2
        ) + IFF("t139"."_re_m_demo_request_neg", 1, 0)
      ) * 28
    ) + 18 AS "_re_k_demo_request",
    (
      (
        (
          ABS("t139"."_re_m_pricing_page") * 2
        ) + IFF("t139"."_re_m_pricing_page_neg", 1, 0)
      ) * 28
    ) + 12 AS "_re_k_pricing_page",
    (
      (
        (
          ABS("t139"."_re_m_comparison_site") * 2
        ) + IFF("t139"."_re_m_comparison_site_neg", 1, 0)
      ) * 28
    ) + 19 AS "_re_k_comparison_site",
    (
      (
        (
          ABS("t139"."_re_m_case_study") * 2
        ) + IFF("t139"."_re_m_case_study_neg", 1, 0)
      ) * 28
    ) + 22 AS "_re_k_case_study",
    (
      (
        (
          ABS("t139"."_re_m_webinar") * 2
        ) + IFF("t139"."_re_m_webinar_neg", 1, 0)
      ) * 28
    ) + 1 AS "_re_k_webinar",
    (
      (
        (
          ABS("t139"."_re_m_blog") * 2
        ) + IFF("t139"."_re_m_blog_neg", 1, 0)
      ) * 28
    ) + 27 AS "_re_k_blog",
    (
      (
        (
          ABS("t139"."_re_m_email_click") * 2
        ) + IFF("t139"."_re_m_email_click_neg", 1, 0)
      ) * 28
    ) + 17 AS "_re_k_email_click",
    (
      (
        (
          ABS("t139"."_re_m_executive_hire") * 2
        ) + IFF("t139"."_re_m_executive_hire_neg", 1, 0)
      ) * 28
    ) + 9 AS "_re_k_executive_hire",
    (
      (
        (
          ABS("t139"."_re_m_funding") * 2
        ) + IFF("t139"."_re_m_funding_neg", 1, 0)
      ) * 28
    ) + 6 AS "_re_k_funding",
    (
      (
        (
          ABS("t139"."_re_m_strategic_hiring") * 2
        ) + IFF("t139"."_re_m_strategic_hiring_neg", 1, 0)
      ) * 28
    ) + 5 AS "_re_k_strategic_hiring",
    (
      (
        (
          ABS("t139"."_re_m_filing_language") * 2
        ) + IFF("t139"."_re_m_filing_language_neg", 1, 0)
      ) * 28
    ) + 7 AS "_re_k_filing_language",
    (
      (
        (
          ABS("t139"."_re_m_expansion") * 2
        ) + IFF("t139"."_re_m_expansion_neg", 1, 0)
      ) * 28
    ) + 8 AS "_re_k_expansion",
    (
      (
        (
          ABS("t139"."_re_m_cap_fit") * 2
        ) + IFF("t139"."_re_m_cap_fit_neg", 1, 0)
      ) * 28
    ) + 26 AS "_re_k_cap_fit",
    (
      (
        (
          ABS("t139"."_re_m_cap_intent") * 2
        ) + IFF("t139"."_re_m_cap_intent_neg", 1, 0)
      ) * 28
    ) + 25 AS "_re_k_cap_intent",
    (
      (
        (
          ABS("t139"."_re_m_cap_signal") * 2
        ) + IFF("t139"."_re_m_cap_signal_neg", 1, 0)
      ) * 28
    ) + 23 AS "_re_k_cap_signal",
    (
      (
        (
          ABS("t139"."_re_m_cap_negative") * 2
        ) + IFF("t139"."_re_m_cap_negative_neg", 1, 0)
      ) * 28
    ) + 24 AS "_re_k_cap_negative"
  FROM "revq_reason_items" AS "t139"
), "revq_reason_1" AS (
  /* top reasons: place 1 */
  SELECT
    "t142"."lead_id",
    "t142"."email",
    "t142"."first_name",
    "t142"."last_name",
    "t142"."title",
    "t142"."company",
    "t142"."lead_source",
    "t142"."owner",
    "t142"."created_at",
    "t142"."_n_country",
    "t142"."_n_email",
    "t142"."_n_industry",
    "t142"."_n_lifecycle_stage",
    "t142"."segment",
    "t142"."_signal",
    "t142"."_signal_age",
    "t142"."_u_fit_score",
    "t142"."_u_intent_score",
    "t142"."_u_signal_score",
    "t142"."_u_negative_score",
    "t142"."_u_total_score",
    "t142"."_st_v0",
    "t142"."_st_n0",
    "t142"."_re_m_seniority",
    "t142"."_re_m_company_size",
    "t142"."_re_m_company_size_small",
    "t142"."_re_m_target_industry",
    "t142"."_re_m_served_country",
    "t142"."_re_m_enterprise_seniority",
    "t142"."_re_m_enterprise_enterprise_size",
    "t142"."_re_m_personal_email",
    "t142"."_re_m_intern_or_student",
    "t142"."_re_m_unserved_country",
    "t142"."_re_m_tiny_company",
    "t142"."_re_m_demo_request",
    "t142"."_re_m_pricing_page",
    "t142"."_re_m_comparison_site",
    "t142"."_re_m_case_study",
    "t142"."_re_m_webinar",
    "t142"."_re_m_blog",
    "t142"."_re_m_email_click",
    "t142"."_re_m_executive_hire",
    "t142"."_re_m_funding",
    "t142"."_re_m_strategic_hiring",
    "t142"."_re_m_filing_language",
    "t142"."_re_m_expansion",
    "t142"."_re_m_cap_fit",
    "t142"."_re_m_cap_intent",
    "t142"."_re_m_cap_signal",
    "t142"."_re_m_cap_negative",
    "t142"."_re_k_seniority",
    "t142"."_re_k_company_size",
    "t142"."_re_k_company_size_small",
    "t142"."_re_k_target_industry",
    "t142"."_re_k_served_country",
    "t142"."_re_k_enterprise_seniority",
    "t142"."_re_k_enterprise_enterprise_size",
    "t142"."_re_k_personal_email",
    "t142"."_re_k_intern_or_student",
    "t142"."_re_k_unserved_country",
    "t142"."_re_k_tiny_company",
    "t142"."_re_k_demo_request",
    "t142"."_re_k_pricing_page",
    "t142"."_re_k_comparison_site",
    "t142"."_re_k_case_study",
    "t142"."_re_k_webinar",
    "t142"."_re_k_blog",
    "t142"."_re_k_email_click",
    "t142"."_re_k_executive_hire",
    "t142"."_re_k_funding",
    "t142"."_re_k_strategic_hiring",
    "t142"."_re_k_filing_language",
    "t142"."_re_k_expansion",
    "t142"."_re_k_cap_fit",
    "t142"."_re_k_cap_intent",
    "t142"."_re_k_cap_signal",
    "t142"."_re_k_cap_negative",
    "t142"."_re_s0",
    CASE
      WHEN "t142"."_re_k_seniority" = "t142"."_re_s0"
      THEN "t142"."_re_m_seniority"
      WHEN "t142"."_re_k_company_size" = "t142"."_re_s0"
      THEN "t142"."_re_m_company_size"
      WHEN "t142"."_re_k_company_size_small" = "t142"."_re_s0"
      THEN "t142"."_re_m_company_size_small"
      WHEN "t142"."_re_k_target_industry" = "t142"."_re_s0"
      THEN "t142"."_re_m_target_industry"
      WHEN "t142"."_re_k_served_country" = "t142"."_re_s0"
      THEN "t142"."_re_m_served_country"
      WHEN "t142"."_re_k_enterprise_seniority" = "t142"."_re_s0"
      THEN "t142"."_re_m_enterprise_seniority"
      WHEN "t142"."_re_k_enterprise_enterprise_size" = "t142"."_re_s0"
      THEN "t142"."_re_m_enterprise_enterprise_size"
      WHEN "t142"."_re_k_personal_email" = "t142"."_re_s0"
      THEN "t142"."_re_m_personal_email"
      WHEN "t142"."_re_k_intern_or_student" = "t142"."_re_s0"
      THEN "t142"."_re_m_intern_or_student"
      WHEN "t142"."_re_k_unserved_country" = "t142"."_re_s0"
      THEN "t142"."_re_m_unserved_country"
      WHEN "t142"."_re_k_tiny_company" = "t142"."_re_s0"
      THEN "t142"."_re_m_tiny_company"
      WHEN "t142"."_re_k_demo_request" = "t142"."_re_s0"
      THEN "t142"."_re_m_demo_request"
      WHEN "t142"."_re_k_pricing_page" = "t142"."_re_s0"
      THEN "t142"."_re_m_pricing_page"
      WHEN "t142"."_re_k_comparison_site" = "t142"."_re_s0"
      THEN "t142"."_re_m_comparison_site"
      WHEN "t142"."_re_k_case_study" = "t142"."_re_s0"
      THEN "t142"."_re_m_case_study"
      WHEN "t142"."_re_k_webinar" = "t142"."_re_s0"
      THEN "t142"."_re_m_webinar"
      WHEN "t142"."_re_k_blog" = "t142"."_re_s0"
      THEN "t142"."_re_m_blog"
      WHEN "t142"."_re_k_email_click" = "t142"."_re_s0"
      THEN "t142"."_re_m_email_click"
      WHEN "t142"."_re_k_executive_hire" = "t142"."_re_s0"
      THEN "t142"."_re_m_executive_hire"
      WHEN "t142"."_re_k_funding" = "t142"."_re_s0"
      THEN "t142"."_re_m_funding"
      WHEN "t142"."_re_k_strategic_hiring" = "t142"."_re_s0"
      THEN "t142"."_re_m_strategic_hiring"
      WHEN "t142"."_re_k_filing_language" = "t142"."_re_s0"
      THEN "t142"."_re_m_filing_language"
      WHEN "t142"."_re_k_expansion" = "t142"."_re_s0"
      THEN "t142"."_re_m_expansion"
      WHEN "t142"."_re_k_cap_fit" = "t142"."_re_s0"
      THEN "t142"."_re_m_cap_fit"
      WHEN "t142"."_re_k_cap_intent" = "t142"."_re_s0"
      THEN "t142"."_re_m_cap_intent"
      WHEN "t142"."_re_k_cap_signal" = "t142"."_re_s0"
      THEN "t142"."_re_m_cap_signal"
      WHEN "t142"."_re_k_cap_negative" = "t142"."_re_s0"
      THEN "t142"."_re_m_cap_negative"
      ELSE 0
    END AS "_re_v0",
    CASE
      WHEN "t142"."_re_k_seniority" = "t142"."_re_s0"
      THEN 'seniority'
      WHEN "t142"."_re_k_company_size" = "t142"."_re_s0"
      THEN 'company_size'
      WHEN "t142"."_re_k_company_size_small" = "t142"."_re_s0"
      THEN 'company_size_small'
      WHEN "t142"."_re_k_target_industry" = "t142"."_re_s0"
      THEN 'target_industry'
      WHEN "t142"."_re_k_served_country" = "t142"."_re_s0"
      THEN 'served_country'
      WHEN "t142"."_re_k_enterprise_seniority" = "t142"."_re_s0"
      THEN 'enterprise.seniority'
      WHEN "t142"."_re_k_enterprise_enterprise_size" = "t142"."_re_s0"
      THEN 'enterprise.enterprise_size'
      WHEN "t142"."_re_k_personal_email" = "t142"."_re_s0"
      THEN 'personal_email'
      WHEN "t142"."_re_k_intern_or_student" = "t142"."_re_s0"
      THEN 'intern_or_student'
      WHEN "t142"."_re_k_unserved_country" = "t142"."_re_s0"
      THEN 'unserved_country'
      WHEN "t142"."_re_k_tiny_company" = "t142"."_re_s0"
      THEN 'tiny_company'
      WHEN "t142"."_re_k_demo_request" = "t142"."_re_s0"
      THEN 'demo_request'
      WHEN "t142"."_re_k_pricing_page" = "t142"."_re_s0"
      THEN 'pricing_page'
      WHEN "t142"."_re_k_comparison_site" = "t142"."_re_s0"
      THEN 'comparison_site'
      WHEN "t142"."_re_k_case_study" = "t142"."_re_s0"
      THEN 'case_study'
      WHEN "t142"."_re_k_webinar" = "t142"."_re_s0"
      THEN 'webinar'
      WHEN "t142"."_re_k_blog" = "t142"."_re_s0"
      THEN 'blog'
      WHEN "t142"."_re_k_email_click" = "t142"."_re_s0"
      THEN 'email_click'
      WHEN "t142"."_re_k_executive_hire" = "t142"."_re_s0"
      THEN 'signal:executive_hire'
      WHEN "t142"."_re_k_funding" = "t142"."_re_s0"
      THEN 'signal:funding'
      WHEN "t142"."_re_k_strategic_hiring" = "t142"."_re_s0"
      THEN 'signal:strategic_hiring'
      WHEN "t142"."_re_k_filing_language" = "t142"."_re_s0"
      THEN 'signal:filing_language'
      WHEN "t142"."_re_k_expansion" = "t142"."_re_s0"
      THEN 'signal:expansion'
      WHEN "t142"."_re_k_cap_fit" = "t142"."_re_s0"
      THEN 'cap:fit'
      WHEN "t142"."_re_k_cap_intent" = "t142"."_re_s0"
      THEN 'cap:intent'
      WHEN "t142"."_re_k_cap_signal" = "t142"."_re_s0"
      THEN 'cap:signal'
      WHEN "t142"."_re_k_cap_negative" = "t142"."_re_s0"
      THEN 'cap:negative'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_re_n0"
  FROM (
    SELECT
      "t141"."lead_id",
      "t141"."email",
      "t141"."first_name",
      "t141"."last_name",
      "t141"."title",
      "t141"."company",
      "t141"."lead_source",
      "t141"."owner",
      "t141"."created_at",
      "t141"."_n_country",
      "t141"."_n_email",
      "t141"."_n_industry",
      "t141"."_n_lifecycle_stage",
      "t141"."segment",
      "t141"."_signal",
      "t141"."_signal_age",
      "t141"."_u_fit_score",
      "t141"."_u_intent_score",
      "t141"."_u_signal_score",
      "t141"."_u_negative_score",
      "t141"."_u_total_score",
      "t141"."_st_v0",
      "t141"."_st_n0",
      "t141"."_re_m_seniority",
      "t141"."_re_m_company_size",
      "t141"."_re_m_company_size_small",
      "t141"."_re_m_target_industry",
      "t141"."_re_m_served_country",
      "t141"."_re_m_enterprise_seniority",
      "t141"."_re_m_enterprise_enterprise_size",
      "t141"."_re_m_personal_email",
      "t141"."_re_m_intern_or_student",
      "t141"."_re_m_unserved_country",
      "t141"."_re_m_tiny_company",
      "t141"."_re_m_demo_request",
      "t141"."_re_m_pricing_page",
      "t141"."_re_m_comparison_site",
      "t141"."_re_m_case_study",
      "t141"."_re_m_webinar",
      "t141"."_re_m_blog",
      "t141"."_re_m_email_click",
      "t141"."_re_m_executive_hire",
      "t141"."_re_m_funding",
      "t141"."_re_m_strategic_hiring",
      "t141"."_re_m_filing_language",
      "t141"."_re_m_expansion",
      "t141"."_re_m_cap_fit",
      "t141"."_re_m_cap_intent",
      "t141"."_re_m_cap_signal",
      "t141"."_re_m_cap_negative",
      "t141"."_re_k_seniority",
      "t141"."_re_k_company_size",
      "t141"."_re_k_company_size_small",
      "t141"."_re_k_target_industry",
      "t141"."_re_k_served_country",
      "t141"."_re_k_enterprise_seniority",
      "t141"."_re_k_enterprise_enterprise_size",
      "t141"."_re_k_personal_email",
      "t141"."_re_k_intern_or_student",
      "t141"."_re_k_unserved_country",
      "t141"."_re_k_tiny_company",
      "t141"."_re_k_demo_request",
      "t141"."_re_k_pricing_page",
      "t141"."_re_k_comparison_site",
      "t141"."_re_k_case_study",
      "t141"."_re_k_webinar",
      "t141"."_re_k_blog",
      "t141"."_re_k_email_click",
      "t141"."_re_k_executive_hire",
      "t141"."_re_k_funding",
      "t141"."_re_k_strategic_hiring",
      "t141"."_re_k_filing_language",
      "t141"."_re_k_expansion",
      "t141"."_re_k_cap_fit",
      "t141"."_re_k_cap_intent",
      "t141"."_re_k_cap_signal",
      "t141"."_re_k_cap_negative",
      GREATEST(
        "t141"."_re_k_seniority",
        "t141"."_re_k_company_size",
        "t141"."_re_k_company_size_small",
        "t141"."_re_k_target_industry",
        "t141"."_re_k_served_country",
        "t141"."_re_k_enterprise_seniority",
        "t141"."_re_k_enterprise_enterprise_size",
        "t141"."_re_k_personal_email",
        "t141"."_re_k_intern_or_student",
        "t141"."_re_k_unserved_country",
        "t141"."_re_k_tiny_company",
        "t141"."_re_k_demo_request",
        "t141"."_re_k_pricing_page",
        "t141"."_re_k_comparison_site",
        "t141"."_re_k_case_study",
        "t141"."_re_k_webinar",
        "t141"."_re_k_blog",
        "t141"."_re_k_email_click",
        "t141"."_re_k_executive_hire",
        "t141"."_re_k_funding",
        "t141"."_re_k_strategic_hiring",
        "t141"."_re_k_filing_language",
        "t141"."_re_k_expansion",
        "t141"."_re_k_cap_fit",
        "t141"."_re_k_cap_intent",
        "t141"."_re_k_cap_signal",
        "t141"."_re_k_cap_negative"
      ) AS "_re_s0"
    FROM "revq_reason_keys" AS "t141"
  ) AS "t142"
), "revq_reason_2" AS (
  /* top reasons: place 2 */
  SELECT
    "t145"."lead_id",
    "t145"."email",
    "t145"."first_name",
    "t145"."last_name",
    "t145"."title",
    "t145"."company",
    "t145"."lead_source",
    "t145"."owner",
    "t145"."created_at",
    "t145"."_n_country",
    "t145"."_n_email",
    "t145"."_n_industry",
    "t145"."_n_lifecycle_stage",
    "t145"."segment",
    "t145"."_signal",
    "t145"."_signal_age",
    "t145"."_u_fit_score",
    "t145"."_u_intent_score",
    "t145"."_u_signal_score",
    "t145"."_u_negative_score",
    "t145"."_u_total_score",
    "t145"."_st_v0",
    "t145"."_st_n0",
    "t145"."_re_m_seniority",
    "t145"."_re_m_company_size",
    "t145"."_re_m_company_size_small",
    "t145"."_re_m_target_industry",
    "t145"."_re_m_served_country",
    "t145"."_re_m_enterprise_seniority",
    "t145"."_re_m_enterprise_enterprise_size",
    "t145"."_re_m_personal_email",
    "t145"."_re_m_intern_or_student",
    "t145"."_re_m_unserved_country",
    "t145"."_re_m_tiny_company",
    "t145"."_re_m_demo_request",
    "t145"."_re_m_pricing_page",
    "t145"."_re_m_comparison_site",
    "t145"."_re_m_case_study",
    "t145"."_re_m_webinar",
    "t145"."_re_m_blog",
    "t145"."_re_m_email_click",
    "t145"."_re_m_executive_hire",
    "t145"."_re_m_funding",
    "t145"."_re_m_strategic_hiring",
    "t145"."_re_m_filing_language",
    "t145"."_re_m_expansion",
    "t145"."_re_m_cap_fit",
    "t145"."_re_m_cap_intent",
    "t145"."_re_m_cap_signal",
    "t145"."_re_m_cap_negative",
    "t145"."_re_k_seniority",
    "t145"."_re_k_company_size",
    "t145"."_re_k_company_size_small",
    "t145"."_re_k_target_industry",
    "t145"."_re_k_served_country",
    "t145"."_re_k_enterprise_seniority",
    "t145"."_re_k_enterprise_enterprise_size",
    "t145"."_re_k_personal_email",
    "t145"."_re_k_intern_or_student",
    "t145"."_re_k_unserved_country",
    "t145"."_re_k_tiny_company",
    "t145"."_re_k_demo_request",
    "t145"."_re_k_pricing_page",
    "t145"."_re_k_comparison_site",
    "t145"."_re_k_case_study",
    "t145"."_re_k_webinar",
    "t145"."_re_k_blog",
    "t145"."_re_k_email_click",
    "t145"."_re_k_executive_hire",
    "t145"."_re_k_funding",
    "t145"."_re_k_strategic_hiring",
    "t145"."_re_k_filing_language",
    "t145"."_re_k_expansion",
    "t145"."_re_k_cap_fit",
    "t145"."_re_k_cap_intent",
    "t145"."_re_k_cap_signal",
    "t145"."_re_k_cap_negative",
    "t145"."_re_v0",
    "t145"."_re_n0",
    "t145"."_re_s1",
    CASE
      WHEN "t145"."_re_k_seniority" = "t145"."_re_s1"
      THEN "t145"."_re_m_seniority"
      WHEN "t145"."_re_k_company_size" = "t145"."_re_s1"
      THEN "t145"."_re_m_company_size"
      WHEN "t145"."_re_k_company_size_small" = "t145"."_re_s1"
      THEN "t145"."_re_m_company_size_small"
      WHEN "t145"."_re_k_target_industry" = "t145"."_re_s1"
      THEN "t145"."_re_m_target_industry"
      WHEN "t145"."_re_k_served_country" = "t145"."_re_s1"
      THEN "t145"."_re_m_served_country"
      WHEN "t145"."_re_k_enterprise_seniority" = "t145"."_re_s1"
      THEN "t145"."_re_m_enterprise_seniority"
      WHEN "t145"."_re_k_enterprise_enterprise_size" = "t145"."_re_s1"
      THEN "t145"."_re_m_enterprise_enterprise_size"
      WHEN "t145"."_re_k_personal_email" = "t145"."_re_s1"
      THEN "t145"."_re_m_personal_email"
      WHEN "t145"."_re_k_intern_or_student" = "t145"."_re_s1"
      THEN "t145"."_re_m_intern_or_student"
      WHEN "t145"."_re_k_unserved_country" = "t145"."_re_s1"
      THEN "t145"."_re_m_unserved_country"
      WHEN "t145"."_re_k_tiny_company" = "t145"."_re_s1"
      THEN "t145"."_re_m_tiny_company"
      WHEN "t145"."_re_k_demo_request" = "t145"."_re_s1"
      THEN "t145"."_re_m_demo_request"
      WHEN "t145"."_re_k_pricing_page" = "t145"."_re_s1"
      THEN "t145"."_re_m_pricing_page"
      WHEN "t145"."_re_k_comparison_site" = "t145"."_re_s1"
      THEN "t145"."_re_m_comparison_site"
      WHEN "t145"."_re_k_case_study" = "t145"."_re_s1"
      THEN "t145"."_re_m_case_study"
      WHEN "t145"."_re_k_webinar" = "t145"."_re_s1"
      THEN "t145"."_re_m_webinar"
      WHEN "t145"."_re_k_blog" = "t145"."_re_s1"
      THEN "t145"."_re_m_blog"
      WHEN "t145"."_re_k_email_click" = "t145"."_re_s1"
      THEN "t145"."_re_m_email_click"
      WHEN "t145"."_re_k_executive_hire" = "t145"."_re_s1"
      THEN "t145"."_re_m_executive_hire"
      WHEN "t145"."_re_k_funding" = "t145"."_re_s1"
      THEN "t145"."_re_m_funding"
      WHEN "t145"."_re_k_strategic_hiring" = "t145"."_re_s1"
      THEN "t145"."_re_m_strategic_hiring"
      WHEN "t145"."_re_k_filing_language" = "t145"."_re_s1"
      THEN "t145"."_re_m_filing_language"
      WHEN "t145"."_re_k_expansion" = "t145"."_re_s1"
      THEN "t145"."_re_m_expansion"
      WHEN "t145"."_re_k_cap_fit" = "t145"."_re_s1"
      THEN "t145"."_re_m_cap_fit"
      WHEN "t145"."_re_k_cap_intent" = "t145"."_re_s1"
      THEN "t145"."_re_m_cap_intent"
      WHEN "t145"."_re_k_cap_signal" = "t145"."_re_s1"
      THEN "t145"."_re_m_cap_signal"
      WHEN "t145"."_re_k_cap_negative" = "t145"."_re_s1"
      THEN "t145"."_re_m_cap_negative"
      ELSE 0
    END AS "_re_v1",
    CASE
      WHEN "t145"."_re_k_seniority" = "t145"."_re_s1"
      THEN 'seniority'
      WHEN "t145"."_re_k_company_size" = "t145"."_re_s1"
      THEN 'company_size'
      WHEN "t145"."_re_k_company_size_small" = "t145"."_re_s1"
      THEN 'company_size_small'
      WHEN "t145"."_re_k_target_industry" = "t145"."_re_s1"
      THEN 'target_industry'
      WHEN "t145"."_re_k_served_country" = "t145"."_re_s1"
      THEN 'served_country'
      WHEN "t145"."_re_k_enterprise_seniority" = "t145"."_re_s1"
      THEN 'enterprise.seniority'
      WHEN "t145"."_re_k_enterprise_enterprise_size" = "t145"."_re_s1"
      THEN 'enterprise.enterprise_size'
      WHEN "t145"."_re_k_personal_email" = "t145"."_re_s1"
      THEN 'personal_email'
      WHEN "t145"."_re_k_intern_or_student" = "t145"."_re_s1"
      THEN 'intern_or_student'
      WHEN "t145"."_re_k_unserved_country" = "t145"."_re_s1"
      THEN 'unserved_country'
      WHEN "t145"."_re_k_tiny_company" = "t145"."_re_s1"
      THEN 'tiny_company'
      WHEN "t145"."_re_k_demo_request" = "t145"."_re_s1"
      THEN 'demo_request'
      WHEN "t145"."_re_k_pricing_page" = "t145"."_re_s1"
      THEN 'pricing_page'
      WHEN "t145"."_re_k_comparison_site" = "t145"."_re_s1"
      THEN 'comparison_site'
      WHEN "t145"."_re_k_case_study" = "t145"."_re_s1"
      THEN 'case_study'
      WHEN "t145"."_re_k_webinar" = "t145"."_re_s1"
      THEN 'webinar'
      WHEN "t145"."_re_k_blog" = "t145"."_re_s1"
      THEN 'blog'
      WHEN "t145"."_re_k_email_click" = "t145"."_re_s1"
      THEN 'email_click'
      WHEN "t145"."_re_k_executive_hire" = "t145"."_re_s1"
      THEN 'signal:executive_hire'
      WHEN "t145"."_re_k_funding" = "t145"."_re_s1"
      THEN 'signal:funding'
      WHEN "t145"."_re_k_strategic_hiring" = "t145"."_re_s1"
      THEN 'signal:strategic_hiring'
      WHEN "t145"."_re_k_filing_language" = "t145"."_re_s1"
      THEN 'signal:filing_language'
      WHEN "t145"."_re_k_expansion" = "t145"."_re_s1"
      THEN 'signal:expansion'
      WHEN "t145"."_re_k_cap_fit" = "t145"."_re_s1"
      THEN 'cap:fit'
      WHEN "t145"."_re_k_cap_intent" = "t145"."_re_s1"
      THEN 'cap:intent'
      WHEN "t145"."_re_k_cap_signal" = "t145"."_re_s1"
      THEN 'cap:signal'
      WHEN "t145"."_re_k_cap_negative" = "t145"."_re_s1"
      THEN 'cap:negative'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_re_n1"
  FROM (
    SELECT
      "t144"."lead_id",
      "t144"."email",
      "t144"."first_name",
      "t144"."last_name",
      "t144"."title",
      "t144"."company",
      "t144"."lead_source",
      "t144"."owner",
      "t144"."created_at",
      "t144"."_n_country",
      "t144"."_n_email",
      "t144"."_n_industry",
      "t144"."_n_lifecycle_stage",
      "t144"."segment",
      "t144"."_signal",
      "t144"."_signal_age",
      "t144"."_u_fit_score",
      "t144"."_u_intent_score",
      "t144"."_u_signal_score",
      "t144"."_u_negative_score",
      "t144"."_u_total_score",
      "t144"."_st_v0",
      "t144"."_st_n0",
      "t144"."_re_m_seniority",
      "t144"."_re_m_company_size",
      "t144"."_re_m_company_size_small",
      "t144"."_re_m_target_industry",
      "t144"."_re_m_served_country",
      "t144"."_re_m_enterprise_seniority",
      "t144"."_re_m_enterprise_enterprise_size",
      "t144"."_re_m_personal_email",
      "t144"."_re_m_intern_or_student",
      "t144"."_re_m_unserved_country",
      "t144"."_re_m_tiny_company",
      "t144"."_re_m_demo_request",
      "t144"."_re_m_pricing_page",
      "t144"."_re_m_comparison_site",
      "t144"."_re_m_case_study",
      "t144"."_re_m_webinar",
      "t144"."_re_m_blog",
      "t144"."_re_m_email_click",
      "t144"."_re_m_executive_hire",
      "t144"."_re_m_funding",
      "t144"."_re_m_strategic_hiring",
      "t144"."_re_m_filing_language",
      "t144"."_re_m_expansion",
      "t144"."_re_m_cap_fit",
      "t144"."_re_m_cap_intent",
      "t144"."_re_m_cap_signal",
      "t144"."_re_m_cap_negative",
      "t144"."_re_k_seniority",
      "t144"."_re_k_company_size",
      "t144"."_re_k_company_size_small",
      "t144"."_re_k_target_industry",
      "t144"."_re_k_served_country",
      "t144"."_re_k_enterprise_seniority",
      "t144"."_re_k_enterprise_enterprise_size",
      "t144"."_re_k_personal_email",
      "t144"."_re_k_intern_or_student",
      "t144"."_re_k_unserved_country",
      "t144"."_re_k_tiny_company",
      "t144"."_re_k_demo_request",
      "t144"."_re_k_pricing_page",
      "t144"."_re_k_comparison_site",
      "t144"."_re_k_case_study",
      "t144"."_re_k_webinar",
      "t144"."_re_k_blog",
      "t144"."_re_k_email_click",
      "t144"."_re_k_executive_hire",
      "t144"."_re_k_funding",
      "t144"."_re_k_strategic_hiring",
      "t144"."_re_k_filing_language",
      "t144"."_re_k_expansion",
      "t144"."_re_k_cap_fit",
      "t144"."_re_k_cap_intent",
      "t144"."_re_k_cap_signal",
      "t144"."_re_k_cap_negative",
      "t144"."_re_v0",
      "t144"."_re_n0",
      GREATEST(
        IFF("t144"."_re_k_seniority" < "t144"."_re_s0", "t144"."_re_k_seniority", 0),
        IFF("t144"."_re_k_company_size" < "t144"."_re_s0", "t144"."_re_k_company_size", 0),
        IFF("t144"."_re_k_company_size_small" < "t144"."_re_s0", "t144"."_re_k_company_size_small", 0),
        IFF("t144"."_re_k_target_industry" < "t144"."_re_s0", "t144"."_re_k_target_industry", 0),
        IFF("t144"."_re_k_served_country" < "t144"."_re_s0", "t144"."_re_k_served_country", 0),
        IFF("t144"."_re_k_enterprise_seniority" < "t144"."_re_s0", "t144"."_re_k_enterprise_seniority", 0),
        IFF(
          "t144"."_re_k_enterprise_enterprise_size" < "t144"."_re_s0",
          "t144"."_re_k_enterprise_enterprise_size",
          0
        ),
        IFF("t144"."_re_k_personal_email" < "t144"."_re_s0", "t144"."_re_k_personal_email", 0),
        IFF("t144"."_re_k_intern_or_student" < "t144"."_re_s0", "t144"."_re_k_intern_or_student", 0),
        IFF("t144"."_re_k_unserved_country" < "t144"."_re_s0", "t144"."_re_k_unserved_country", 0),
        IFF("t144"."_re_k_tiny_company" < "t144"."_re_s0", "t144"."_re_k_tiny_company", 0),
        IFF("t144"."_re_k_demo_request" < "t144"."_re_s0", "t144"."_re_k_demo_request", 0),
        IFF("t144"."_re_k_pricing_page" < "t144"."_re_s0", "t144"."_re_k_pricing_page", 0),
        IFF("t144"."_re_k_comparison_site" < "t144"."_re_s0", "t144"."_re_k_comparison_site", 0),
        IFF("t144"."_re_k_case_study" < "t144"."_re_s0", "t144"."_re_k_case_study", 0),
        IFF("t144"."_re_k_webinar" < "t144"."_re_s0", "t144"."_re_k_webinar", 0),
        IFF("t144"."_re_k_blog" < "t144"."_re_s0", "t144"."_re_k_blog", 0),
        IFF("t144"."_re_k_email_click" < "t144"."_re_s0", "t144"."_re_k_email_click", 0),
        IFF("t144"."_re_k_executive_hire" < "t144"."_re_s0", "t144"."_re_k_executive_hire", 0),
        IFF("t144"."_re_k_funding" < "t144"."_re_s0", "t144"."_re_k_funding", 0),
        IFF("t144"."_re_k_strategic_hiring" < "t144"."_re_s0", "t144"."_re_k_strategic_hiring", 0),
        IFF("t144"."_re_k_filing_language" < "t144"."_re_s0", "t144"."_re_k_filing_language", 0),
        IFF("t144"."_re_k_expansion" < "t144"."_re_s0", "t144"."_re_k_expansion", 0),
        IFF("t144"."_re_k_cap_fit" < "t144"."_re_s0", "t144"."_re_k_cap_fit", 0),
        IFF("t144"."_re_k_cap_intent" < "t144"."_re_s0", "t144"."_re_k_cap_intent", 0),
        IFF("t144"."_re_k_cap_signal" < "t144"."_re_s0", "t144"."_re_k_cap_signal", 0),
        IFF("t144"."_re_k_cap_negative" < "t144"."_re_s0", "t144"."_re_k_cap_negative", 0)
      ) AS "_re_s1"
    FROM "revq_reason_1" AS "t144"
  ) AS "t145"
), "revq_reason_3" AS (
  /* top reasons: place 3 */
  SELECT
    "t148"."lead_id",
    "t148"."email",
    "t148"."first_name",
    "t148"."last_name",
    "t148"."title",
    "t148"."company",
    "t148"."lead_source",
    "t148"."owner",
    "t148"."created_at",
    "t148"."_n_country",
    "t148"."_n_email",
    "t148"."_n_industry",
    "t148"."_n_lifecycle_stage",
    "t148"."segment",
    "t148"."_signal",
    "t148"."_signal_age",
    "t148"."_u_fit_score",
    "t148"."_u_intent_score",
    "t148"."_u_signal_score",
    "t148"."_u_negative_score",
    "t148"."_u_total_score",
    "t148"."_st_v0",
    "t148"."_st_n0",
    "t148"."_re_v0",
    "t148"."_re_n0",
    "t148"."_re_v1",
    "t148"."_re_n1",
    CASE
      WHEN "t148"."_re_k_seniority" = "t148"."_re_s2"
      THEN "t148"."_re_m_seniority"
      WHEN "t148"."_re_k_company_size" = "t148"."_re_s2"
      THEN "t148"."_re_m_company_size"
      WHEN "t148"."_re_k_company_size_small" = "t148"."_re_s2"
      THEN "t148"."_re_m_company_size_small"
      WHEN "t148"."_re_k_target_industry" = "t148"."_re_s2"
      THEN "t148"."_re_m_target_industry"
      WHEN "t148"."_re_k_served_country" = "t148"."_re_s2"
      THEN "t148"."_re_m_served_country"
      WHEN "t148"."_re_k_enterprise_seniority" = "t148"."_re_s2"
      THEN "t148"."_re_m_enterprise_seniority"
      WHEN "t148"."_re_k_enterprise_enterprise_size" = "t148"."_re_s2"
      THEN "t148"."_re_m_enterprise_enterprise_size"
      WHEN "t148"."_re_k_personal_email" = "t148"."_re_s2"
      THEN "t148"."_re_m_personal_email"
      WHEN "t148"."_re_k_intern_or_student" = "t148"."_re_s2"
      THEN "t148"."_re_m_intern_or_student"
      WHEN "t148"."_re_k_unserved_country" = "t148"."_re_s2"
      THEN "t148"."_re_m_unserved_country"
      WHEN "t148"."_re_k_tiny_company" = "t148"."_re_s2"
      THEN "t148"."_re_m_tiny_company"
      WHEN "t148"."_re_k_demo_request" = "t148"."_re_s2"
      THEN "t148"."_re_m_demo_request"
      WHEN "t148"."_re_k_pricing_page" = "t148"."_re_s2"
      THEN "t148"."_re_m_pricing_page"
      WHEN "t148"."_re_k_comparison_site" = "t148"."_re_s2"
      THEN "t148"."_re_m_comparison_site"
      WHEN "t148"."_re_k_case_study" = "t148"."_re_s2"
      THEN "t148"."_re_m_case_study"
      WHEN "t148"."_re_k_webinar" = "t148"."_re_s2"
      THEN "t148"."_re_m_webinar"
      WHEN "t148"."_re_k_blog" = "t148"."_re_s2"
      THEN "t148"."_re_m_blog"
      WHEN "t148"."_re_k_email_click" = "t148"."_re_s2"
      THEN "t148"."_re_m_email_click"
      WHEN "t148"."_re_k_executive_hire" = "t148"."_re_s2"
      THEN "t148"."_re_m_executive_hire"
      WHEN "t148"."_re_k_funding" = "t148"."_re_s2"
      THEN "t148"."_re_m_funding"
      WHEN "t148"."_re_k_strategic_hiring" = "t148"."_re_s2"
      THEN "t148"."_re_m_strategic_hiring"
      WHEN "t148"."_re_k_filing_language" = "t148"."_re_s2"
      THEN "t148"."_re_m_filing_language"
      WHEN "t148"."_re_k_expansion" = "t148"."_re_s2"
      THEN "t148"."_re_m_expansion"
      WHEN "t148"."_re_k_cap_fit" = "t148"."_re_s2"
      THEN "t148"."_re_m_cap_fit"
      WHEN "t148"."_re_k_cap_intent" = "t148"."_re_s2"
      THEN "t148"."_re_m_cap_intent"
      WHEN "t148"."_re_k_cap_signal" = "t148"."_re_s2"
      THEN "t148"."_re_m_cap_signal"
      WHEN "t148"."_re_k_cap_negative" = "t148"."_re_s2"
      THEN "t148"."_re_m_cap_negative"
      ELSE 0
    END AS "_re_v2",
    CASE
      WHEN "t148"."_re_k_seniority" = "t148"."_re_s2"
      THEN 'seniority'
      WHEN "t148"."_re_k_company_size" = "t148"."_re_s2"
      THEN 'company_size'
      WHEN "t148"."_re_k_company_size_small" = "t148"."_re_s2"
      THEN 'company_size_small'
      WHEN "t148"."_re_k_target_industry" = "t148"."_re_s2"
      THEN 'target_industry'
      WHEN "t148"."_re_k_served_country" = "t148"."_re_s2"
      THEN 'served_country'
      WHEN "t148"."_re_k_enterprise_seniority" = "t148"."_re_s2"
      THEN 'enterprise.seniority'
      WHEN "t148"."_re_k_enterprise_enterprise_size" = "t148"."_re_s2"
      THEN 'enterprise.enterprise_size'
      WHEN "t148"."_re_k_personal_email" = "t148"."_re_s2"
      THEN 'personal_email'
      WHEN "t148"."_re_k_intern_or_student" = "t148"."_re_s2"
      THEN 'intern_or_student'
      WHEN "t148"."_re_k_unserved_country" = "t148"."_re_s2"
      THEN 'unserved_country'
      WHEN "t148"."_re_k_tiny_company" = "t148"."_re_s2"
      THEN 'tiny_company'
      WHEN "t148"."_re_k_demo_request" = "t148"."_re_s2"
      THEN 'demo_request'
      WHEN "t148"."_re_k_pricing_page" = "t148"."_re_s2"
      THEN 'pricing_page'
      WHEN "t148"."_re_k_comparison_site" = "t148"."_re_s2"
      THEN 'comparison_site'
      WHEN "t148"."_re_k_case_study" = "t148"."_re_s2"
      THEN 'case_study'
      WHEN "t148"."_re_k_webinar" = "t148"."_re_s2"
      THEN 'webinar'
      WHEN "t148"."_re_k_blog" = "t148"."_re_s2"
      THEN 'blog'
      WHEN "t148"."_re_k_email_click" = "t148"."_re_s2"
      THEN 'email_click'
      WHEN "t148"."_re_k_executive_hire" = "t148"."_re_s2"
      THEN 'signal:executive_hire'
      WHEN "t148"."_re_k_funding" = "t148"."_re_s2"
      THEN 'signal:funding'
      WHEN "t148"."_re_k_strategic_hiring" = "t148"."_re_s2"
      THEN 'signal:strategic_hiring'
      WHEN "t148"."_re_k_filing_language" = "t148"."_re_s2"
      THEN 'signal:filing_language'
      WHEN "t148"."_re_k_expansion" = "t148"."_re_s2"
      THEN 'signal:expansion'
      WHEN "t148"."_re_k_cap_fit" = "t148"."_re_s2"
      THEN 'cap:fit'
      WHEN "t148"."_re_k_cap_intent" = "t148"."_re_s2"
      THEN 'cap:intent'
      WHEN "t148"."_re_k_cap_signal" = "t148"."_re_s2"
      THEN 'cap:signal'
      WHEN "t148"."_re_k_cap_negative" = "t148"."_re_s2"
      THEN 'cap:negative'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_re_n2"
  FROM (
    SELECT
      "t147"."lead_id",
      "t147"."email",
      "t147"."first_name",
      "t147"."last_name",
      "t147"."title",
      "t147"."company",
      "t147"."lead_source",
      "t147"."owner",
      "t147"."created_at",
      "t147"."_n_country",
      "t147"."_n_email",
      "t147"."_n_industry",
      "t147"."_n_lifecycle_stage",
      "t147"."segment",
      "t147"."_signal",
      "t147"."_signal_age",
      "t147"."_u_fit_score",
      "t147"."_u_intent_score",
      "t147"."_u_signal_score",
      "t147"."_u_negative_score",
      "t147"."_u_total_score",
      "t147"."_st_v0",
      "t147"."_st_n0",
      "t147"."_re_m_seniority",
      "t147"."_re_m_company_size",
      "t147"."_re_m_company_size_small",
      "t147"."_re_m_target_industry",
      "t147"."_re_m_served_country",
      "t147"."_re_m_enterprise_seniority",
      "t147"."_re_m_enterprise_enterprise_size",
      "t147"."_re_m_personal_email",
      "t147"."_re_m_intern_or_student",
      "t147"."_re_m_unserved_country",
      "t147"."_re_m_tiny_company",
      "t147"."_re_m_demo_request",
      "t147"."_re_m_pricing_page",
      "t147"."_re_m_comparison_site",
      "t147"."_re_m_case_study",
      "t147"."_re_m_webinar",
      "t147"."_re_m_blog",
      "t147"."_re_m_email_click",
      "t147"."_re_m_executive_hire",
      "t147"."_re_m_funding",
      "t147"."_re_m_strategic_hiring",
      "t147"."_re_m_filing_language",
      "t147"."_re_m_expansion",
      "t147"."_re_m_cap_fit",
      "t147"."_re_m_cap_intent",
      "t147"."_re_m_cap_signal",
      "t147"."_re_m_cap_negative",
      "t147"."_re_k_seniority",
      "t147"."_re_k_company_size",
      "t147"."_re_k_company_size_small",
      "t147"."_re_k_target_industry",
      "t147"."_re_k_served_country",
      "t147"."_re_k_enterprise_seniority",
      "t147"."_re_k_enterprise_enterprise_size",
      "t147"."_re_k_personal_email",
      "t147"."_re_k_intern_or_student",
      "t147"."_re_k_unserved_country",
      "t147"."_re_k_tiny_company",
      "t147"."_re_k_demo_request",
      "t147"."_re_k_pricing_page",
      "t147"."_re_k_comparison_site",
      "t147"."_re_k_case_study",
      "t147"."_re_k_webinar",
      "t147"."_re_k_blog",
      "t147"."_re_k_email_click",
      "t147"."_re_k_executive_hire",
      "t147"."_re_k_funding",
      "t147"."_re_k_strategic_hiring",
      "t147"."_re_k_filing_language",
      "t147"."_re_k_expansion",
      "t147"."_re_k_cap_fit",
      "t147"."_re_k_cap_intent",
      "t147"."_re_k_cap_signal",
      "t147"."_re_k_cap_negative",
      "t147"."_re_v0",
      "t147"."_re_n0",
      "t147"."_re_v1",
      "t147"."_re_n1",
      GREATEST(
        IFF("t147"."_re_k_seniority" < "t147"."_re_s1", "t147"."_re_k_seniority", 0),
        IFF("t147"."_re_k_company_size" < "t147"."_re_s1", "t147"."_re_k_company_size", 0),
        IFF("t147"."_re_k_company_size_small" < "t147"."_re_s1", "t147"."_re_k_company_size_small", 0),
        IFF("t147"."_re_k_target_industry" < "t147"."_re_s1", "t147"."_re_k_target_industry", 0),
        IFF("t147"."_re_k_served_country" < "t147"."_re_s1", "t147"."_re_k_served_country", 0),
        IFF("t147"."_re_k_enterprise_seniority" < "t147"."_re_s1", "t147"."_re_k_enterprise_seniority", 0),
        IFF(
          "t147"."_re_k_enterprise_enterprise_size" < "t147"."_re_s1",
          "t147"."_re_k_enterprise_enterprise_size",
          0
        ),
        IFF("t147"."_re_k_personal_email" < "t147"."_re_s1", "t147"."_re_k_personal_email", 0),
        IFF("t147"."_re_k_intern_or_student" < "t147"."_re_s1", "t147"."_re_k_intern_or_student", 0),
        IFF("t147"."_re_k_unserved_country" < "t147"."_re_s1", "t147"."_re_k_unserved_country", 0),
        IFF("t147"."_re_k_tiny_company" < "t147"."_re_s1", "t147"."_re_k_tiny_company", 0),
        IFF("t147"."_re_k_demo_request" < "t147"."_re_s1", "t147"."_re_k_demo_request", 0),
        IFF("t147"."_re_k_pricing_page" < "t147"."_re_s1", "t147"."_re_k_pricing_page", 0),
        IFF("t147"."_re_k_comparison_site" < "t147"."_re_s1", "t147"."_re_k_comparison_site", 0),
        IFF("t147"."_re_k_case_study" < "t147"."_re_s1", "t147"."_re_k_case_study", 0),
        IFF("t147"."_re_k_webinar" < "t147"."_re_s1", "t147"."_re_k_webinar", 0),
        IFF("t147"."_re_k_blog" < "t147"."_re_s1", "t147"."_re_k_blog", 0),
        IFF("t147"."_re_k_email_click" < "t147"."_re_s1", "t147"."_re_k_email_click", 0),
        IFF("t147"."_re_k_executive_hire" < "t147"."_re_s1", "t147"."_re_k_executive_hire", 0),
        IFF("t147"."_re_k_funding" < "t147"."_re_s1", "t147"."_re_k_funding", 0),
        IFF("t147"."_re_k_strategic_hiring" < "t147"."_re_s1", "t147"."_re_k_strategic_hiring", 0),
        IFF("t147"."_re_k_filing_language" < "t147"."_re_s1", "t147"."_re_k_filing_language", 0),
        IFF("t147"."_re_k_expansion" < "t147"."_re_s1", "t147"."_re_k_expansion", 0),
        IFF("t147"."_re_k_cap_fit" < "t147"."_re_s1", "t147"."_re_k_cap_fit", 0),
        IFF("t147"."_re_k_cap_intent" < "t147"."_re_s1", "t147"."_re_k_cap_intent", 0),
        IFF("t147"."_re_k_cap_signal" < "t147"."_re_s1", "t147"."_re_k_cap_signal", 0),
        IFF("t147"."_re_k_cap_negative" < "t147"."_re_s1", "t147"."_re_k_cap_negative", 0)
      ) AS "_re_s2"
    FROM "revq_reason_2" AS "t147"
  ) AS "t148"
), "revq_reasons" AS (
  /* top reasons and why now; scores rounded to two decimals */
  SELECT
    "t150"."lead_id",
    "t150"."email",
    "t150"."first_name",
    "t150"."last_name",
    "t150"."title",
    "t150"."company",
    "t150"."lead_source",
    "t150"."owner",
    "t150"."created_at",
    "t150"."_n_country",
    "t150"."_n_email",
    "t150"."_n_industry",
    "t150"."_n_lifecycle_stage",
    "t150"."segment",
    "t150"."_signal_age",
    IFF(
      "t150"."_re_v0" <> 0,
      CONCAT(
        CONCAT(
          IFF((
            CAST("t150"."_re_v0" AS DOUBLE) * 1e-06
          ) < 0.0, '', '+'),
          CONCAT(
            IFF((
              CAST("t150"."_re_v0" AS DOUBLE) * 1e-06
            ) < 0.0, '-', ''),
            CAST(CAST((
              ABS(
                CAST((
                  (
                    CAST("t150"."_re_v0" AS DOUBLE) * 1e-06 * 10.0
                  ) + 6755399441055744.0
                ) - 6755399441055744.0 AS BIGINT)
              ) - (
                ABS(
                  CAST((
                    (
                      CAST("t150"."_re_v0" AS DOUBLE) * 1e-06 * 10.0
                    ) + 6755399441055744.0
                  ) - 6755399441055744.0 AS BIGINT)
                ) % 10
              )
            ) / 10 AS BIGINT) AS VARCHAR),
            '.',
            CAST(ABS(
              CAST((
                (
                  CAST("t150"."_re_v0" AS DOUBLE) * 1e-06 * 10.0
                ) + 6755399441055744.0
              ) - 6755399441055744.0 AS BIGINT)
            ) % 10 AS VARCHAR)
          ),
          ' ',
          "t150"."_re_n0"
        ),
        IFF(
          "t150"."_re_v1" <> 0,
          CONCAT(
            ', ',
            CONCAT(
              IFF((
                CAST("t150"."_re_v1" AS DOUBLE) * 1e-06
              ) < 0.0, '', '+'),
              CONCAT(
                IFF((
                  CAST("t150"."_re_v1" AS DOUBLE) * 1e-06
                ) < 0.0, '-', ''),
                CAST(CAST((
                  ABS(
                    CAST((
                      (
                        CAST("t150"."_re_v1" AS DOUBLE) * 1e-06 * 10.0
                      ) + 6755399441055744.0
                    ) - 6755399441055744.0 AS BIGINT)
                  ) - (
                    ABS(
                      CAST((
                        (
                          CAST("t150"."_re_v1" AS DOUBLE) * 1e-06 * 10.0
                        ) + 6755399441055744.0
                      ) - 6755399441055744.0 AS BIGINT)
                    ) % 10
                  )
                ) / 10 AS BIGINT) AS VARCHAR),
                '.',
                CAST(ABS(
                  CAST((
                    (
                      CAST("t150"."_re_v1" AS DOUBLE) * 1e-06 * 10.0
                    ) + 6755399441055744.0
                  ) - 6755399441055744.0 AS BIGINT)
                ) % 10 AS VARCHAR)
              ),
              ' ',
              "t150"."_re_n1"
            ),
            IFF(
              "t150"."_re_v2" <> 0,
              CONCAT(
                ', ',
                CONCAT(
                  IFF((
                    CAST("t150"."_re_v2" AS DOUBLE) * 1e-06
                  ) < 0.0, '', '+'),
                  CONCAT(
                    IFF((
                      CAST("t150"."_re_v2" AS DOUBLE) * 1e-06
                    ) < 0.0, '-', ''),
                    CAST(CAST((
                      ABS(
                        CAST((
                          (
                            CAST("t150"."_re_v2" AS DOUBLE) * 1e-06 * 10.0
                          ) + 6755399441055744.0
                        ) - 6755399441055744.0 AS BIGINT)
                      ) - (
                        ABS(
                          CAST((
                            (
                              CAST("t150"."_re_v2" AS DOUBLE) * 1e-06 * 10.0
                            ) + 6755399441055744.0
                          ) - 6755399441055744.0 AS BIGINT)
                        ) % 10
                      )
                    ) / 10 AS BIGINT) AS VARCHAR),
                    '.',
                    CAST(ABS(
                      CAST((
                        (
                          CAST("t150"."_re_v2" AS DOUBLE) * 1e-06 * 10.0
                        ) + 6755399441055744.0
                      ) - 6755399441055744.0 AS BIGINT)
                    ) % 10 AS VARCHAR)
                  ),
                  ' ',
                  "t150"."_re_n2"
                ),
                ''
              ),
              ''
            )
          ),
          ''
        )
      ),
      CAST(NULL AS VARCHAR)
    ) AS "top_reasons",
    COALESCE("t150"."_signal", IFF("t150"."_st_v0" <> 0, "t150"."_st_n0", CAST(NULL AS VARCHAR))) AS "why_now",
    IFF(
      CAST((
        (
          "t150"."_u_fit_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) = 0,
      "t150"."_u_fit_score" * 0.0,
      CAST(CAST((
        (
          "t150"."_u_fit_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) AS DOUBLE) / 100.0
    ) AS "fit_score",
    IFF(
      CAST((
        (
          "t150"."_u_intent_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) = 0,
      "t150"."_u_intent_score" * 0.0,
      CAST(CAST((
        (
          "t150"."_u_intent_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) AS DOUBLE) / 100.0
    ) AS "intent_score",
    IFF(
      CAST((
        (
          "t150"."_u_signal_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) = 0,
      "t150"."_u_signal_score" * 0.0,
      CAST(CAST((
        (
          "t150"."_u_signal_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) AS DOUBLE) / 100.0
    ) AS "signal_score",
    IFF(
      CAST((
        (
          "t150"."_u_negative_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) = 0,
      "t150"."_u_negative_score" * 0.0,
      CAST(CAST((
        (
          "t150"."_u_negative_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) AS DOUBLE) / 100.0
    ) AS "negative_score",
    IFF(
      CAST((
        (
          "t150"."_u_total_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) = 0,
      "t150"."_u_total_score" * 0.0,
      CAST(CAST((
        (
          "t150"."_u_total_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) AS DOUBLE) / 100.0
    ) AS "total_score"
  FROM "revq_reason_3" AS "t150"
), "revq_decisions" AS (
  /* fit grade, quadrant, gate and stage */
  SELECT
    "t153"."lead_id",
    "t153"."email",
    "t153"."first_name",
    "t153"."last_name",
    "t153"."title",
    "t153"."company",
    "t153"."lead_source",
    "t153"."owner",
    "t153"."created_at",
    "t153"."_n_country",
    "t153"."segment",
    "t153"."top_reasons",
    "t153"."why_now",
    "t153"."fit_score",
    "t153"."intent_score",
    "t153"."signal_score",
    "t153"."negative_score",
    "t153"."total_score",
    "t153"."fit_grade",
    "t153"."quadrant",
    "t153"."gate",
    "t153"."gate_reason",
    CASE
      WHEN COALESCE("t153"."_gate_outcome" = 'disqualify', FALSE)
      THEN 'disqualified'
      WHEN COALESCE("t153"."_gate_outcome" = 'recycle', FALSE)
      THEN 'recycled'
      WHEN COALESCE("t153"."_gate_outcome" = 'converted', FALSE)
      THEN 'converted'
      WHEN "t153"."total_score" >= 70.0
      THEN 'sales_ready'
      WHEN (
        "t153"."fit_score" >= 25.0
      )
      AND COALESCE("t153"."_signal_age" <= 30.0, FALSE)
      AND (
        "t153"."title" IS NOT NULL
      )
      AND (
        "t153"."company" IS NOT NULL
      )
      THEN 'signal_qualified'
      WHEN "t153"."total_score" >= 40.0
      THEN 'nurture'
      WHEN "t153"."quadrant" = 'ignore'
      THEN 'disqualified'
      ELSE 'nurture'
    END AS "stage"
  FROM (
    SELECT
      "t152"."lead_id",
      "t152"."email",
      "t152"."first_name",
      "t152"."last_name",
      "t152"."title",
      "t152"."company",
      "t152"."lead_source",
      "t152"."owner",
      "t152"."created_at",
      "t152"."_n_country",
      "t152"."segment",
      "t152"."_signal_age",
      "t152"."top_reasons",
      "t152"."why_now",
      "t152"."fit_score",
      "t152"."intent_score",
      "t152"."signal_score",
      "t152"."negative_score",
      "t152"."total_score",
      CASE
        WHEN "t152"."fit_score" >= 35.0
        THEN 'A'
        WHEN "t152"."fit_score" >= 25.0
        THEN 'B'
        WHEN "t152"."fit_score" >= 15.0
        THEN 'C'
        ELSE 'D'
      END AS "fit_grade",
      CASE
        WHEN (
          "t152"."fit_score" >= 25.0
        )
        AND (
          (
            "t152"."intent_score" + "t152"."signal_score"
          ) >= 20.0
        )
        THEN 'prioritise_now'
        WHEN "t152"."fit_score" >= 25.0
        THEN 'nurture_patiently'
        WHEN (
          "t152"."intent_score" + "t152"."signal_score"
        ) >= 20.0
        THEN 'qualify_carefully'
        ELSE 'ignore'
      END AS "quadrant",
      CASE
        WHEN COALESCE("t152"."_n_lifecycle_stage" IN ('sql', 'opportunity', 'won'), FALSE)
        THEN 'already_converted'
        WHEN COALESCE(
          REGEXP_SUBSTR("t152"."_n_email", '([^@]*)\\z', 1, 1, 'ce', 1) IN ('rivalsoft.com', 'pipelinepro.io'),
          FALSE
        )
        THEN 'competitor'
        WHEN COALESCE(REGEXP_LIKE("t152"."title", CONCAT('.*', '^[Ssſ][Tt][Uu][Dd][Ee][Nn][Tt]\\z', '.*'), 'cs'), FALSE)
        THEN 'student'
        WHEN COALESCE("t152"."_n_industry" = 'education', FALSE)
        THEN 'bad_fit_industry'
        ELSE CAST(NULL AS VARCHAR)
      END AS "gate",
      CASE
        WHEN COALESCE("t152"."_n_lifecycle_stage" IN ('sql', 'opportunity', 'won'), FALSE)
        THEN 'already_converted'
        WHEN COALESCE(
          REGEXP_SUBSTR("t152"."_n_email", '([^@]*)\\z', 1, 1, 'ce', 1) IN ('rivalsoft.com', 'pipelinepro.io'),
          FALSE
        )
        THEN 'student_or_competitor_or_spam'
        WHEN COALESCE(REGEXP_LIKE("t152"."title", CONCAT('.*', '^[Ssſ][Tt][Uu][Dd][Ee][Nn][Tt]\\z', '.*'), 'cs'), FALSE)
        THEN 'student_or_competitor_or_spam'
        WHEN COALESCE("t152"."_n_industry" = 'education', FALSE)
        THEN 'bad_fit_industry'
        ELSE CAST(NULL AS VARCHAR)
      END AS "gate_reason",
      CASE
        WHEN COALESCE("t152"."_n_lifecycle_stage" IN ('sql', 'opportunity', 'won'), FALSE)
        THEN 'converted'
        WHEN COALESCE(
          REGEXP_SUBSTR("t152"."_n_email", '([^@]*)\\z', 1, 1, 'ce', 1) IN ('rivalsoft.com', 'pipelinepro.io'),
          FALSE
        )
        THEN 'disqualify'
        WHEN COALESCE(REGEXP_LIKE("t152"."title", CONCAT('.*', '^[Ssſ][Tt][Uu][Dd][Ee][Nn][Tt]\\z', '.*'), 'cs'), FALSE)
        THEN 'disqualify'
        WHEN COALESCE("t152"."_n_industry" = 'education', FALSE)
        THEN 'disqualify'
        ELSE CAST(NULL AS VARCHAR)
      END AS "_gate_outcome"
    FROM "revq_reasons" AS "t152"
  ) AS "t153"
), "revq_routing" AS (
  /* each lead's turn in its team's round robin (owner routing) */
  SELECT
    "t156"."lead_id",
    "t156"."email",
    "t156"."first_name",
    "t156"."last_name",
    "t156"."title",
    "t156"."company",
    "t156"."lead_source",
    "t156"."owner",
    "t156"."segment",
    "t156"."top_reasons",
    "t156"."why_now",
    "t156"."fit_score",
    "t156"."intent_score",
    "t156"."signal_score",
    "t156"."negative_score",
    "t156"."total_score",
    "t156"."fit_grade",
    "t156"."quadrant",
    "t156"."gate",
    "t156"."gate_reason",
    "t156"."stage",
    "t156"."_team",
    "t156"."_needs",
    "t156"."_keep",
    ROW_NUMBER() OVER (
      PARTITION BY "t156"."_team", "t156"."_needs"
      ORDER BY "t156"."created_at" ASC NULLS FIRST, "t156"."lead_id" ASC NULLS FIRST
    ) - 1 AS "_turn"
  FROM (
    SELECT
      "t155"."lead_id",
      "t155"."email",
      "t155"."first_name",
      "t155"."last_name",
      "t155"."title",
      "t155"."company",
      "t155"."lead_source",
      "t155"."owner",
      "t155"."created_at",
      "t155"."segment",
      "t155"."top_reasons",
      "t155"."why_now",
      "t155"."fit_score",
      "t155"."intent_score",
      "t155"."signal_score",
      "t155"."negative_score",
      "t155"."total_score",
      "t155"."fit_grade",
      "t155"."quadrant",
      "t155"."gate",
      "t155"."gate_reason",
      "t155"."stage",
      CASE
        WHEN COALESCE("t155"."_n_country" IN ('germany', 'france', 'united kingdom', 'de', 'fr', 'gb'), FALSE)
        THEN 0
        ELSE 1
      END AS "_team",
      "t155"."stage" IN ('sales_ready', 'mql', 'signal_qualified', 'pql')
      AND NOT (
        "t155"."owner" IS NOT NULL
      ) AS "_needs",
      "t155"."owner" IS NOT NULL AS "_keep"
    FROM "revq_decisions" AS "t155"
  ) AS "t156"
)
SELECT
  "t159"."lead_id",
  "t159"."email",
  "t159"."first_name",
  "t159"."last_name",
  "t159"."title",
  "t159"."company",
  "t159"."lead_source",
  "t159"."segment",
  "t159"."fit_score",
  "t159"."intent_score",
  "t159"."signal_score",
  "t159"."negative_score",
  "t159"."total_score",
  "t159"."fit_grade",
  "t159"."quadrant",
  "t159"."stage",
  "t159"."gate",
  "t159"."gate_reason",
  "t159"."why_now",
  CASE
    WHEN "t159"."stage" = 'sales_ready'
    THEN CONCAT(
      CONCAT(
        CONCAT(
          CONCAT(
            CONCAT(
              CONCAT(
                CONCAT(CONCAT(CONCAT(COALESCE("t159"."owner", '-'), ': call '), COALESCE("t159"."first_name", '-')), ' ('),
                COALESCE("t159"."title", '-')
              ),
              ', '
            ),
            COALESCE("t159"."company", '-')
          ),
          ') within 24 hours. Why now: '
        ),
        COALESCE("t159"."why_now", '-')
      ),
      '.'
    )
    WHEN "t159"."stage" = 'mql'
    THEN CONCAT(
      CONCAT(
        CONCAT(
          CONCAT('Route to ', COALESCE("t159"."owner", 'an owner')),
          ' now: first touch within 24 hours. Why now: '
        ),
        COALESCE("t159"."why_now", 'no single trigger')
      ),
      '.'
    )
    WHEN "t159"."stage" = 'signal_qualified'
    THEN CONCAT(
      CONCAT(
        CONCAT(
          CONCAT(
            CONCAT(
              CONCAT(
                CONCAT(
                  CONCAT(CONCAT(COALESCE("t159"."owner", '-'), ': '), COALESCE("t159"."company", '-')),
                  ' shows a trigger ('
                ),
                COALESCE("t159"."why_now", '-')
              ),
              '); reach '
            ),
            COALESCE("t159"."first_name", '-')
          ),
          ' ('
        ),
        COALESCE("t159"."title", '-')
      ),
      ') with that context this week.'
    )
    WHEN "t159"."stage" = 'pql'
    THEN CONCAT(COALESCE("t159"."owner", 'Sales'), ': offer help to the active trial user; usage crossed the PQL bar.')
    WHEN "t159"."stage" = 'nurture'
    THEN 'Keep in nurture and re-check when intent rises.'
    WHEN "t159"."stage" = 'recycled'
    THEN CONCAT(CONCAT('Recycle to nurture; re-check in 90 days (', COALESCE("t159"."gate_reason", '-')), ').')
    WHEN "t159"."stage" = 'disqualified'
    THEN CONCAT(CONCAT('No sales action (', COALESCE("t159"."gate_reason", 'low fit and intent')), ').')
    WHEN "t159"."stage" = 'converted'
    THEN CONCAT(CONCAT('No sales action: already converted (', COALESCE("t159"."gate_reason", '-')), ').')
    ELSE CAST(NULL AS VARCHAR)
  END AS "next_action",
  "t159"."owner",
  "t159"."top_reasons"
FROM (
  SELECT
    "t158"."lead_id",
    "t158"."email",
    "t158"."first_name",
    "t158"."last_name",
    "t158"."title",
    "t158"."company",
    "t158"."lead_source",
    CASE
      WHEN "t158"."_keep"
      THEN "t158"."owner"
      WHEN "t158"."_needs"
      THEN CASE
        WHEN "t158"."_team" = 0
        THEN CASE
          WHEN (
            "t158"."_turn" % 2
          ) = 0
          THEN 'Lena Vogel'
          WHEN (
            "t158"."_turn" % 2
          ) = 1
          THEN 'Marco Bianchi'
          ELSE NULL
        END
        WHEN "t158"."_team" = 1
        THEN CASE
          WHEN (
            "t158"."_turn" % 3
          ) = 0
          THEN 'Alex Kim'
          WHEN (
            "t158"."_turn" % 3
          ) = 1
          THEN 'Priya Raman'
          WHEN (
            "t158"."_turn" % 3
          ) = 2
          THEN 'Sam Ortiz'
          ELSE NULL
        END
        ELSE CAST(NULL AS VARCHAR)
      END
      ELSE "t158"."owner"
    END AS "owner",
    "t158"."segment",
    "t158"."top_reasons",
    "t158"."why_now",
    "t158"."fit_score",
    "t158"."intent_score",
    "t158"."signal_score",
    "t158"."negative_score",
    "t158"."total_score",
    "t158"."fit_grade",
    "t158"."quadrant",
    "t158"."gate",
    "t158"."gate_reason",
    "t158"."stage"
  FROM "revq_routing" AS "t158"
) AS "t159"
ORDER BY
  "t159"."total_score" DESC NULLS LAST,
  "t159"."lead_id" ASC NULLS FIRST
