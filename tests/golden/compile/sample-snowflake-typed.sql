-- revq scoring model: ../configs/scoring.yaml (sha256 5b45e5de7dc50d7427f4c6e885b373745e33a5ee4de9a8832f8dba56103973d6)
-- project: revq.yaml (sha256 e4f982b4b7466736fbdd4d4a28646fad6bb9a36dc87d895fafee1af7e5e65ac2)
-- revq VERSION; dialect snowflake; scored as of the end of 2026-10-31 (UTC)
-- written by: revq compile --dialect snowflake --project PROJECT --as-of 2026-10-31 --typed; do not edit: compile again
--
-- tables read, with the columns of the exports revq.yaml names:
--   leads       leads (hubspot_contacts.csv): 12 text columns; integer: Number of Employees;
--               number: Annual Revenue; timestamp: Create Date, Last Activity Date, Became a
--               Marketing Qualified Lead Date, Became a Sales Qualified Lead Date, Became an
--               Opportunity Date
--   activities  activities (activities.csv): 5 text columns; timestamp: occurred_at
--   signals     signals (signals.csv): 5 text columns; timestamp: occurred_at
--
-- steps (CTEs), in the order the query computes them:
--   revq_leads_trimmed          the text columns, trimmed of white space
--   revq_leads_mapped           revq's columns, values typed; rows that do not parse left out
--   revq_leads_sharing_id       how many records share each lead id
--   revq_leads_ranked_by_id     the records sharing a lead id, latest activity first
--   revq_leads_merged_by_id     one record per lead id: each field from the first that has it
--   revq_leads_sharing_email    how many records share each email
--   revq_leads_ranked_by_email  the records sharing an email, latest activity first
--   revq_leads_merged_by_email  one record per email: each field from the first that has it
--   revq_leads_merged           the leads, duplicates merged (by lead id, then by email)
--   revq_leads_prepared         the columns scoring reads; text that rules compare, normalised
--                                 _lookup_title
--   revq_segments               each lead's segment: the first it meets, else default
--   revq_fit                    fit rules' points, a column per rule (null: did not fire)
--                                 pts_seniority, pts_company_size, pts_company_size_small,
--                                 pts_target_industry, pts_served_country,
--                                 pts_enterprise_seniority, pts_enterprise_enterprise_size
--   revq_negative               negative rules' points, a column per rule (null: did not fire)
--                                 pts_personal_email, pts_intern_or_student, pts_unserved_country,
--                                 pts_tiny_company
--   revq_activities_trimmed     the text columns, trimmed of white space
--   revq_leads_merged_away      each lead id merged away, and the id its activities move to
--   revq_activities_mapped      revq's columns, values typed; rows that do not parse left out
--   revq_activity_ages          each activity's lead, age in days and channel weight
--   revq_activities_counted     the activities inside the window, with their decay
--   revq_activity_points        each activity's points for each event rule it meets
--   revq_event_points           event rules' points per lead: summed, then capped
--                                 pts_demo_request, pts_pricing_page, pts_comparison_site,
--                                 pts_case_study, pts_webinar, pts_blog, pts_email_click
--   revq_signals_trimmed        the text columns, trimmed of white space
--   revq_signals_mapped         revq's columns, values typed; rows that do not parse left out
--   revq_signal_ages            each lead's account signals: age in days and weight
--   revq_signals_counted        the signals inside the window, decayed and labelled
--   revq_signal_points          signal points per type; the strongest signal; the newest's age
--                                 pts_executive_hire, pts_funding, pts_strategic_hiring,
--                                 pts_filing_language, pts_expansion
--   revq_group_micro_points     each group's rules summed in whole micro-points, and the sign of a
--                               zero
--   revq_group_sums             each group's points summed (fit, intent, signal, negative)
--   revq_group_scores           each group's sum within its scale
--   revq_scores                 the total score; where a scale cut a group's sum
--   revq_strongest_items        why now's strongest behaviour: each item's micro-points and sign
--   revq_strongest_keys         why now's strongest behaviour: each item's sort key (size, sign,
--                               name)
--   revq_strongest_1            why now's strongest behaviour: place 1
--   revq_reason_items           top reasons: each item's micro-points and sign
--   revq_reason_keys            top reasons: each item's sort key (size, sign, name)
--   revq_reason_1               top reasons: place 1
--   revq_reason_2               top reasons: place 2
--   revq_reason_3               top reasons: place 3
--   revq_reasons                top reasons and why now; scores rounded to two decimals
--   revq_decisions              fit grade, quadrant, gate and stage
--   revq_routing                each lead's turn in its team's round robin (owner routing)
--   (the SELECT)                the scored leads as `revq score` writes them, best first

WITH "revq_leads_trimmed" AS (
  /* the text columns, trimmed of white space */
  SELECT
    "t2"."Number of Employees",
    IFF(
      LOWER(CAST("t2"."Annual Revenue" AS VARCHAR)) IN ('nan', '-nan'),
      CAST(NULL AS DOUBLE),
      "t2"."Annual Revenue"
    ) AS "Annual Revenue",
    "t2"."Lifecycle Stage",
    "t2"."Create Date",
    "t2"."Last Activity Date",
    "t2"."Became a Marketing Qualified Lead Date",
    "t2"."Became a Sales Qualified Lead Date",
    "t2"."Became an Opportunity Date",
    REGEXP_REPLACE("t2"."Record ID", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_record_id_trimmed",
    REGEXP_REPLACE("t2"."Email", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_email_trimmed",
    REGEXP_REPLACE("t2"."First Name", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_first_name_trimmed",
    REGEXP_REPLACE("t2"."Last Name", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_last_name_trimmed",
    REGEXP_REPLACE("t2"."Job Title", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_job_title_trimmed",
    REGEXP_REPLACE("t2"."Company Name", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_company_name_trimmed",
    REGEXP_REPLACE("t2"."Website URL", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_website_url_trimmed",
    REGEXP_REPLACE("t2"."Industry", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_industry_trimmed",
    REGEXP_REPLACE("t2"."Country/Region", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_country_region_trimmed",
    REGEXP_REPLACE("t2"."Original Source", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_original_source_trimmed",
    REGEXP_REPLACE("t2"."Contact owner", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_contact_owner_trimmed"
  FROM "leads" AS "t2"
), "revq_leads_mapped" AS (
  /* revq's columns, values typed; rows that do not parse left out */
  SELECT
    "t23"."lead_id",
    "t23"."email",
    "t23"."first_name",
    "t23"."last_name",
    "t23"."title",
    "t23"."company",
    "t23"."website",
    "t23"."industry",
    "t23"."employees",
    "t23"."annual_revenue",
    "t23"."country",
    "t23"."lead_source",
    "t23"."lifecycle_stage",
    "t23"."owner",
    "t23"."created_at",
    "t23"."last_activity_at",
    "t23"."mql_at",
    "t23"."sql_at",
    "t23"."opportunity_at",
    "t23"."email_normalised",
    "t23"."email_domain",
    "t23"."is_personal_email",
    COALESCE(
      NULLIF(
        REGEXP_REPLACE(
          REGEXP_REPLACE(
            REGEXP_REPLACE(
              REGEXP_REPLACE(
                LOWER(
                  REPLACE(
                    REGEXP_REPLACE("t23"."website", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
        "t23"."is_personal_email"
      ) THEN "t23"."email_domain" ELSE CAST(NULL AS VARCHAR) END
    ) AS "account_key"
  FROM (
    SELECT
      COALESCE(
        "t22"."lead_id",
        "t22"."email_normalised",
        NULLIF(
          REGEXP_REPLACE("t22"."email", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
          ''
        )
      ) AS "lead_id",
      "t22"."email",
      "t22"."first_name",
      "t22"."last_name",
      "t22"."title",
      "t22"."company",
      "t22"."website",
      "t22"."industry",
      "t22"."employees",
      "t22"."annual_revenue",
      "t22"."country",
      "t22"."lead_source",
      "t22"."lifecycle_stage",
      "t22"."owner",
      "t22"."created_at",
      "t22"."last_activity_at",
      "t22"."mql_at",
      "t22"."sql_at",
      "t22"."opportunity_at",
      "t22"."email_normalised",
      SUBSTRING(
        "t22"."email_normalised",
        IFF(
          (
            (
              POSITION('@', "t22"."email_normalised") - 1
            ) + 1 + 1
          ) >= 1,
          (
            POSITION('@', "t22"."email_normalised") - 1
          ) + 1 + 1,
          (
            POSITION('@', "t22"."email_normalised") - 1
          ) + 1 + 1 + LENGTH("t22"."email_normalised")
        )
      ) AS "email_domain",
      SUBSTRING(
        "t22"."email_normalised",
        IFF(
          (
            (
              POSITION('@', "t22"."email_normalised") - 1
            ) + 1 + 1
          ) >= 1,
          (
            POSITION('@', "t22"."email_normalised") - 1
          ) + 1 + 1,
          (
            POSITION('@', "t22"."email_normalised") - 1
          ) + 1 + 1 + LENGTH("t22"."email_normalised")
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
        "t21"."lead_id",
        "t21"."email",
        "t21"."first_name",
        "t21"."last_name",
        "t21"."title",
        "t21"."company",
        "t21"."website",
        "t21"."industry",
        "t21"."employees",
        "t21"."annual_revenue",
        "t21"."country",
        "t21"."lead_source",
        "t21"."lifecycle_stage",
        "t21"."owner",
        "t21"."created_at",
        "t21"."last_activity_at",
        "t21"."mql_at",
        "t21"."sql_at",
        "t21"."opportunity_at",
        CASE
          WHEN REGEXP_LIKE(
            LOWER(
              REPLACE(
                REGEXP_REPLACE("t21"."email", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
              REGEXP_REPLACE("t21"."email", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
              'İ',
              'i̇'
            )
          )
          ELSE CAST(NULL AS VARCHAR)
        END AS "email_normalised"
      FROM (
        SELECT
          "t20".*
          EXCLUDE ("__revq_rejected")
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t8"."_record_id_trimmed" AS "lead_id",
              NULLIF("t8"."_email_trimmed", '') AS "email",
              NULLIF("t8"."_first_name_trimmed", '') AS "first_name",
              NULLIF("t8"."_last_name_trimmed", '') AS "last_name",
              NULLIF("t8"."_job_title_trimmed", '') AS "title",
              NULLIF("t8"."_company_name_trimmed", '') AS "company",
              NULLIF("t8"."_website_url_trimmed", '') AS "website",
              NULLIF("t8"."_industry_trimmed", '') AS "industry",
              "t8"."Number of Employees" AS "employees",
              CASE
                WHEN ABS("t8"."Annual Revenue") < CAST('Inf' AS DOUBLE)
                THEN "t8"."Annual Revenue"
                ELSE CAST(NULL AS DOUBLE)
              END AS "annual_revenue",
              NULLIF("t8"."_country_region_trimmed", '') AS "country",
              NULLIF("t8"."_original_source_trimmed", '') AS "lead_source",
              CASE
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t8"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t8"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t8"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t8"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t8"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t8"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t8"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t8"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t8"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t8"."Lifecycle Stage", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
              NULLIF("t8"."_contact_owner_trimmed", '') AS "owner",
              "t8"."Create Date" AS "created_at",
              "t8"."Last Activity Date" AS "last_activity_at",
              "t8"."Became a Marketing Qualified Lead Date" AS "mql_at",
              "t8"."Became a Sales Qualified Lead Date" AS "sql_at",
              "t8"."Became an Opportunity Date" AS "opportunity_at",
              (
                (
                  "t8"."Number of Employees" IS NOT NULL
                ) AND (
                  "t8"."Number of Employees" IS NULL
                )
              )
              OR (
                (
                  "t8"."Annual Revenue" IS NOT NULL
                )
                AND (
                  CASE
                    WHEN ABS("t8"."Annual Revenue") < CAST('Inf' AS DOUBLE)
                    THEN "t8"."Annual Revenue"
                    ELSE CAST(NULL AS DOUBLE)
                  END IS NULL
                )
              )
              OR (
                (
                  "t8"."Create Date" IS NOT NULL
                ) AND (
                  "t8"."Create Date" IS NULL
                )
              )
              OR (
                (
                  "t8"."Last Activity Date" IS NOT NULL
                ) AND (
                  "t8"."Last Activity Date" IS NULL
                )
              )
              OR (
                (
                  "t8"."Became a Marketing Qualified Lead Date" IS NOT NULL
                )
                AND (
                  "t8"."Became a Marketing Qualified Lead Date" IS NULL
                )
              )
              OR (
                (
                  "t8"."Became a Sales Qualified Lead Date" IS NOT NULL
                )
                AND (
                  "t8"."Became a Sales Qualified Lead Date" IS NULL
                )
              )
              OR (
                (
                  "t8"."Became an Opportunity Date" IS NOT NULL
                )
                AND (
                  "t8"."Became an Opportunity Date" IS NULL
                )
              )
              OR NOT (
                COALESCE((
                  "t8"."_record_id_trimmed" IS NOT NULL
                ) AND (
                  "t8"."_record_id_trimmed" <> ''
                ), FALSE)
                OR COALESCE((
                  "t8"."_email_trimmed" IS NOT NULL
                ) AND (
                  "t8"."_email_trimmed" <> ''
                ), FALSE)
              ) AS "__revq_rejected"
            FROM "revq_leads_trimmed" AS "t8"
          ) AS "t17"
          WHERE
            NOT (
              "t17"."__revq_rejected"
            )
        ) AS "t20"
      ) AS "t21"
    ) AS "t22"
  ) AS "t23"
), "revq_leads_sharing_id" AS (
  /* how many records share each lead id */
  SELECT
    "t25"."lead_id",
    "t25"."email",
    "t25"."first_name",
    "t25"."last_name",
    "t25"."title",
    "t25"."company",
    "t25"."website",
    "t25"."industry",
    "t25"."employees",
    "t25"."annual_revenue",
    "t25"."country",
    "t25"."lead_source",
    "t25"."lifecycle_stage",
    "t25"."owner",
    "t25"."created_at",
    "t25"."last_activity_at",
    "t25"."mql_at",
    "t25"."sql_at",
    "t25"."opportunity_at",
    "t25"."email_normalised",
    "t25"."email_domain",
    "t25"."is_personal_email",
    "t25"."account_key",
    COUNT("t25"."lead_id") OVER (
      PARTITION BY "t25"."lead_id"
      ORDER BY NULL ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "__revq_sharing"
  FROM "revq_leads_mapped" AS "t25"
), "revq_leads_ranked_by_id" AS (
  /* the records sharing a lead id, latest activity first */
  SELECT
    "t28"."lead_id",
    "t28"."email",
    "t28"."first_name",
    "t28"."last_name",
    "t28"."title",
    "t28"."company",
    "t28"."website",
    "t28"."industry",
    "t28"."employees",
    "t28"."annual_revenue",
    "t28"."country",
    "t28"."lead_source",
    "t28"."lifecycle_stage",
    "t28"."owner",
    "t28"."created_at",
    "t28"."last_activity_at",
    "t28"."mql_at",
    "t28"."sql_at",
    "t28"."opportunity_at",
    "t28"."email_normalised",
    "t28"."email_domain",
    "t28"."is_personal_email",
    "t28"."account_key",
    ROW_NUMBER() OVER (
      PARTITION BY "t28"."lead_id"
      ORDER BY "t28"."last_activity_at" DESC NULLS LAST, "t28"."created_at" DESC NULLS LAST, 0 + CAST("t28"."lead_id" IS NOT NULL AS BIGINT) + CAST("t28"."email" IS NOT NULL AS BIGINT) + CAST("t28"."first_name" IS NOT NULL AS BIGINT) + CAST("t28"."last_name" IS NOT NULL AS BIGINT) + CAST("t28"."title" IS NOT NULL AS BIGINT) + CAST("t28"."company" IS NOT NULL AS BIGINT) + CAST("t28"."website" IS NOT NULL AS BIGINT) + CAST("t28"."industry" IS NOT NULL AS BIGINT) + CAST("t28"."employees" IS NOT NULL AS BIGINT) + CAST("t28"."annual_revenue" IS NOT NULL AS BIGINT) + CAST("t28"."country" IS NOT NULL AS BIGINT) + CAST("t28"."lead_source" IS NOT NULL AS BIGINT) + CAST("t28"."lifecycle_stage" IS NOT NULL AS BIGINT) + CAST("t28"."owner" IS NOT NULL AS BIGINT) + CAST("t28"."created_at" IS NOT NULL AS BIGINT) + CAST("t28"."last_activity_at" IS NOT NULL AS BIGINT) + CAST("t28"."mql_at" IS NOT NULL AS BIGINT) + CAST("t28"."sql_at" IS NOT NULL AS BIGINT) + CAST("t28"."opportunity_at" IS NOT NULL AS BIGINT) + CAST("t28"."email_normalised" IS NOT NULL AS BIGINT) + CAST("t28"."email_domain" IS NOT NULL AS BIGINT) + CAST("t28"."is_personal_email" IS NOT NULL AS BIGINT) + CAST("t28"."account_key" IS NOT NULL AS BIGINT) DESC NULLS LAST, LENGTH("t28"."lead_id") DESC NULLS LAST, "t28"."lead_id" DESC NULLS LAST, "t28"."email" DESC NULLS LAST, "t28"."first_name" DESC NULLS LAST, "t28"."last_name" DESC NULLS LAST, "t28"."title" DESC NULLS LAST, "t28"."company" DESC NULLS LAST, "t28"."website" DESC NULLS LAST, "t28"."industry" DESC NULLS LAST, "t28"."employees" DESC NULLS LAST, "t28"."annual_revenue" DESC NULLS LAST, "t28"."country" DESC NULLS LAST, "t28"."lead_source" DESC NULLS LAST, "t28"."lifecycle_stage" DESC NULLS LAST, "t28"."owner" DESC NULLS LAST, "t28"."mql_at" DESC NULLS LAST, "t28"."sql_at" DESC NULLS LAST, "t28"."opportunity_at" DESC NULLS LAST, "t28"."email_normalised" DESC NULLS LAST, "t28"."email_domain" DESC NULLS LAST, "t28"."is_personal_email" DESC NULLS LAST, "t28"."account_key" DESC NULLS LAST
    ) - 1 AS "__revq_rank"
  FROM (
    SELECT
      "t27"."lead_id",
      "t27"."email",
      "t27"."first_name",
      "t27"."last_name",
      "t27"."title",
      "t27"."company",
      "t27"."website",
      "t27"."industry",
      "t27"."employees",
      "t27"."annual_revenue",
      "t27"."country",
      "t27"."lead_source",
      "t27"."lifecycle_stage",
      "t27"."owner",
      "t27"."created_at",
      "t27"."last_activity_at",
      "t27"."mql_at",
      "t27"."sql_at",
      "t27"."opportunity_at",
      "t27"."email_normalised",
      "t27"."email_domain",
      "t27"."is_personal_email",
      "t27"."account_key"
    FROM "revq_leads_sharing_id" AS "t27"
    WHERE
      "t27"."lead_id" IS NOT NULL AND "t27"."__revq_sharing" >= 2
  ) AS "t28"
), "revq_leads_merged_by_id" AS (
  /* one record per lead id: each field from the first that has it */
  SELECT
    *
  FROM (
    SELECT
      "t27"."lead_id",
      "t27"."email",
      "t27"."first_name",
      "t27"."last_name",
      "t27"."title",
      "t27"."company",
      "t27"."website",
      "t27"."industry",
      "t27"."employees",
      "t27"."annual_revenue",
      "t27"."country",
      "t27"."lead_source",
      "t27"."lifecycle_stage",
      "t27"."owner",
      "t27"."created_at",
      "t27"."last_activity_at",
      "t27"."mql_at",
      "t27"."sql_at",
      "t27"."opportunity_at",
      "t27"."email_normalised",
      "t27"."email_domain",
      "t27"."is_personal_email",
      "t27"."account_key"
    FROM "revq_leads_sharing_id" AS "t27"
    WHERE
      (
        "t27"."lead_id" IS NULL
      ) OR (
        "t27"."__revq_sharing" < 2
      )
  ) AS "t29"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t31"."lead_id",
        MIN_BY(
          IFF("t31"."email" IS NOT NULL, "t31"."email", NULL),
          IFF("t31"."email" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "email",
        MIN_BY(
          IFF("t31"."first_name" IS NOT NULL, "t31"."first_name", NULL),
          IFF("t31"."first_name" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "first_name",
        MIN_BY(
          IFF("t31"."last_name" IS NOT NULL, "t31"."last_name", NULL),
          IFF("t31"."last_name" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "last_name",
        MIN_BY(
          IFF("t31"."title" IS NOT NULL, "t31"."title", NULL),
          IFF("t31"."title" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "title",
        MIN_BY(
          IFF("t31"."company" IS NOT NULL, "t31"."company", NULL),
          IFF("t31"."company" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "company",
        MIN_BY(
          IFF("t31"."website" IS NOT NULL, "t31"."website", NULL),
          IFF("t31"."website" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "website",
        MIN_BY(
          IFF("t31"."industry" IS NOT NULL, "t31"."industry", NULL),
          IFF("t31"."industry" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "industry",
        MIN_BY(
          IFF("t31"."employees" IS NOT NULL, "t31"."employees", NULL),
          IFF("t31"."employees" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "employees",
        MIN_BY(
          IFF("t31"."annual_revenue" IS NOT NULL, "t31"."annual_revenue", NULL),
          IFF("t31"."annual_revenue" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "annual_revenue",
        MIN_BY(
          IFF("t31"."country" IS NOT NULL, "t31"."country", NULL),
          IFF("t31"."country" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "country",
        MIN_BY(
          IFF("t31"."lead_source" IS NOT NULL, "t31"."lead_source", NULL),
          IFF("t31"."lead_source" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "lead_source",
        MIN_BY(
          IFF("t31"."lifecycle_stage" IS NOT NULL, "t31"."lifecycle_stage", NULL),
          IFF("t31"."lifecycle_stage" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "lifecycle_stage",
        MIN_BY(
          IFF("t31"."owner" IS NOT NULL, "t31"."owner", NULL),
          IFF("t31"."owner" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "owner",
        MIN("t31"."created_at") AS "created_at",
        MIN_BY(
          IFF("t31"."last_activity_at" IS NOT NULL, "t31"."last_activity_at", NULL),
          IFF("t31"."last_activity_at" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "last_activity_at",
        MIN_BY(
          IFF("t31"."mql_at" IS NOT NULL, "t31"."mql_at", NULL),
          IFF("t31"."mql_at" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "mql_at",
        MIN_BY(
          IFF("t31"."sql_at" IS NOT NULL, "t31"."sql_at", NULL),
          IFF("t31"."sql_at" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "sql_at",
        MIN_BY(
          IFF("t31"."opportunity_at" IS NOT NULL, "t31"."opportunity_at", NULL),
          IFF("t31"."opportunity_at" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "opportunity_at",
        MIN_BY(
          IFF("t31"."email_normalised" IS NOT NULL, "t31"."email_normalised", NULL),
          IFF("t31"."email_normalised" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "email_normalised",
        MIN_BY(
          IFF("t31"."email_domain" IS NOT NULL, "t31"."email_domain", NULL),
          IFF("t31"."email_domain" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "email_domain",
        MIN_BY(
          IFF("t31"."is_personal_email" IS NOT NULL, "t31"."is_personal_email", NULL),
          IFF("t31"."is_personal_email" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "is_personal_email",
        MIN_BY(
          IFF("t31"."account_key" IS NOT NULL, "t31"."account_key", NULL),
          IFF("t31"."account_key" IS NOT NULL, "t31"."__revq_rank", NULL)
        ) AS "account_key"
      FROM "revq_leads_ranked_by_id" AS "t31"
      GROUP BY
        1
    ) AS "t32"
  ) AS "t33"
), "revq_leads_sharing_email" AS (
  /* how many records share each email */
  SELECT
    "t35"."lead_id",
    "t35"."email",
    "t35"."first_name",
    "t35"."last_name",
    "t35"."title",
    "t35"."company",
    "t35"."website",
    "t35"."industry",
    "t35"."employees",
    "t35"."annual_revenue",
    "t35"."country",
    "t35"."lead_source",
    "t35"."lifecycle_stage",
    "t35"."owner",
    "t35"."created_at",
    "t35"."last_activity_at",
    "t35"."mql_at",
    "t35"."sql_at",
    "t35"."opportunity_at",
    "t35"."email_normalised",
    "t35"."email_domain",
    "t35"."is_personal_email",
    "t35"."account_key",
    COUNT("t35"."email_normalised") OVER (
      PARTITION BY "t35"."email_normalised"
      ORDER BY NULL ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "__revq_sharing"
  FROM "revq_leads_merged_by_id" AS "t35"
), "revq_leads_ranked_by_email" AS (
  /* the records sharing an email, latest activity first */
  SELECT
    "t40"."lead_id",
    "t40"."email",
    "t40"."first_name",
    "t40"."last_name",
    "t40"."title",
    "t40"."company",
    "t40"."website",
    "t40"."industry",
    "t40"."employees",
    "t40"."annual_revenue",
    "t40"."country",
    "t40"."lead_source",
    "t40"."lifecycle_stage",
    "t40"."owner",
    "t40"."created_at",
    "t40"."last_activity_at",
    "t40"."mql_at",
    "t40"."sql_at",
    "t40"."opportunity_at",
    "t40"."email_normalised",
    "t40"."email_domain",
    "t40"."is_personal_email",
    "t40"."account_key",
    ROW_NUMBER() OVER (
      PARTITION BY "t40"."email_normalised"
      ORDER BY "t40"."last_activity_at" DESC NULLS LAST, "t40"."created_at" DESC NULLS LAST, 0 + CAST("t40"."lead_id" IS NOT NULL AS BIGINT) + CAST("t40"."email" IS NOT NULL AS BIGINT) + CAST("t40"."first_name" IS NOT NULL AS BIGINT) + CAST("t40"."last_name" IS NOT NULL AS BIGINT) + CAST("t40"."title" IS NOT NULL AS BIGINT) + CAST("t40"."company" IS NOT NULL AS BIGINT) + CAST("t40"."website" IS NOT NULL AS BIGINT) + CAST("t40"."industry" IS NOT NULL AS BIGINT) + CAST("t40"."employees" IS NOT NULL AS BIGINT) + CAST("t40"."annual_revenue" IS NOT NULL AS BIGINT) + CAST("t40"."country" IS NOT NULL AS BIGINT) + CAST("t40"."lead_source" IS NOT NULL AS BIGINT) + CAST("t40"."lifecycle_stage" IS NOT NULL AS BIGINT) + CAST("t40"."owner" IS NOT NULL AS BIGINT) + CAST("t40"."created_at" IS NOT NULL AS BIGINT) + CAST("t40"."last_activity_at" IS NOT NULL AS BIGINT) + CAST("t40"."mql_at" IS NOT NULL AS BIGINT) + CAST("t40"."sql_at" IS NOT NULL AS BIGINT) + CAST("t40"."opportunity_at" IS NOT NULL AS BIGINT) + CAST("t40"."email_normalised" IS NOT NULL AS BIGINT) + CAST("t40"."email_domain" IS NOT NULL AS BIGINT) + CAST("t40"."is_personal_email" IS NOT NULL AS BIGINT) + CAST("t40"."account_key" IS NOT NULL AS BIGINT) DESC NULLS LAST, LENGTH("t40"."lead_id") DESC NULLS LAST, "t40"."lead_id" DESC NULLS LAST, "t40"."email" DESC NULLS LAST, "t40"."first_name" DESC NULLS LAST, "t40"."last_name" DESC NULLS LAST, "t40"."title" DESC NULLS LAST, "t40"."company" DESC NULLS LAST, "t40"."website" DESC NULLS LAST, "t40"."industry" DESC NULLS LAST, "t40"."employees" DESC NULLS LAST, "t40"."annual_revenue" DESC NULLS LAST, "t40"."country" DESC NULLS LAST, "t40"."lead_source" DESC NULLS LAST, "t40"."lifecycle_stage" DESC NULLS LAST, "t40"."owner" DESC NULLS LAST, "t40"."mql_at" DESC NULLS LAST, "t40"."sql_at" DESC NULLS LAST, "t40"."opportunity_at" DESC NULLS LAST, "t40"."email_normalised" DESC NULLS LAST, "t40"."email_domain" DESC NULLS LAST, "t40"."is_personal_email" DESC NULLS LAST, "t40"."account_key" DESC NULLS LAST
    ) - 1 AS "__revq_rank"
  FROM (
    SELECT
      "t39"."lead_id",
      "t39"."email",
      "t39"."first_name",
      "t39"."last_name",
      "t39"."title",
      "t39"."company",
      "t39"."website",
      "t39"."industry",
      "t39"."employees",
      "t39"."annual_revenue",
      "t39"."country",
      "t39"."lead_source",
      "t39"."lifecycle_stage",
      "t39"."owner",
      "t39"."created_at",
      "t39"."last_activity_at",
      "t39"."mql_at",
      "t39"."sql_at",
      "t39"."opportunity_at",
      "t39"."email_normalised",
      "t39"."email_domain",
      "t39"."is_personal_email",
      "t39"."account_key"
    FROM "revq_leads_sharing_email" AS "t39"
    WHERE
      "t39"."email_normalised" IS NOT NULL AND "t39"."__revq_sharing" >= 2
  ) AS "t40"
), "revq_leads_merged_by_email" AS (
  /* one record per email: each field from the first that has it */
  SELECT
    *
  FROM (
    SELECT
      "t39"."lead_id",
      "t39"."email",
      "t39"."first_name",
      "t39"."last_name",
      "t39"."title",
      "t39"."company",
      "t39"."website",
      "t39"."industry",
      "t39"."employees",
      "t39"."annual_revenue",
      "t39"."country",
      "t39"."lead_source",
      "t39"."lifecycle_stage",
      "t39"."owner",
      "t39"."created_at",
      "t39"."last_activity_at",
      "t39"."mql_at",
      "t39"."sql_at",
      "t39"."opportunity_at",
      "t39"."email_normalised",
      "t39"."email_domain",
      "t39"."is_personal_email",
      "t39"."account_key"
    FROM "revq_leads_sharing_email" AS "t39"
    WHERE
      (
        "t39"."email_normalised" IS NULL
      ) OR (
        "t39"."__revq_sharing" < 2
      )
  ) AS "t41"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t44"."lead_id",
      "t44"."email",
      "t44"."first_name",
      "t44"."last_name",
      "t44"."title",
      "t44"."company",
      "t44"."website",
      "t44"."industry",
      "t44"."employees",
      "t44"."annual_revenue",
      "t44"."country",
      "t44"."lead_source",
      "t44"."lifecycle_stage",
      "t44"."owner",
      "t44"."created_at",
      "t44"."last_activity_at",
      "t44"."mql_at",
      "t44"."sql_at",
      "t44"."opportunity_at",
      "t44"."email_normalised",
      "t44"."email_domain",
      "t44"."is_personal_email",
      "t44"."account_key"
    FROM (
      SELECT
        "t43"."email_normalised",
        MIN_BY(
          IFF("t43"."lead_id" IS NOT NULL, "t43"."lead_id", NULL),
          IFF("t43"."lead_id" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "lead_id",
        MIN_BY(
          IFF("t43"."email" IS NOT NULL, "t43"."email", NULL),
          IFF("t43"."email" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "email",
        MIN_BY(
          IFF("t43"."first_name" IS NOT NULL, "t43"."first_name", NULL),
          IFF("t43"."first_name" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "first_name",
        MIN_BY(
          IFF("t43"."last_name" IS NOT NULL, "t43"."last_name", NULL),
          IFF("t43"."last_name" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "last_name",
        MIN_BY(
          IFF("t43"."title" IS NOT NULL, "t43"."title", NULL),
          IFF("t43"."title" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "title",
        MIN_BY(
          IFF("t43"."company" IS NOT NULL, "t43"."company", NULL),
          IFF("t43"."company" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "company",
        MIN_BY(
          IFF("t43"."website" IS NOT NULL, "t43"."website", NULL),
          IFF("t43"."website" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "website",
        MIN_BY(
          IFF("t43"."industry" IS NOT NULL, "t43"."industry", NULL),
          IFF("t43"."industry" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "industry",
        MIN_BY(
          IFF("t43"."employees" IS NOT NULL, "t43"."employees", NULL),
          IFF("t43"."employees" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "employees",
        MIN_BY(
          IFF("t43"."annual_revenue" IS NOT NULL, "t43"."annual_revenue", NULL),
          IFF("t43"."annual_revenue" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "annual_revenue",
        MIN_BY(
          IFF("t43"."country" IS NOT NULL, "t43"."country", NULL),
          IFF("t43"."country" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "country",
        MIN_BY(
          IFF("t43"."lead_source" IS NOT NULL, "t43"."lead_source", NULL),
          IFF("t43"."lead_source" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "lead_source",
        MIN_BY(
          IFF("t43"."lifecycle_stage" IS NOT NULL, "t43"."lifecycle_stage", NULL),
          IFF("t43"."lifecycle_stage" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "lifecycle_stage",
        MIN_BY(
          IFF("t43"."owner" IS NOT NULL, "t43"."owner", NULL),
          IFF("t43"."owner" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "owner",
        MIN("t43"."created_at") AS "created_at",
        MIN_BY(
          IFF("t43"."last_activity_at" IS NOT NULL, "t43"."last_activity_at", NULL),
          IFF("t43"."last_activity_at" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "last_activity_at",
        MIN_BY(
          IFF("t43"."mql_at" IS NOT NULL, "t43"."mql_at", NULL),
          IFF("t43"."mql_at" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "mql_at",
        MIN_BY(
          IFF("t43"."sql_at" IS NOT NULL, "t43"."sql_at", NULL),
          IFF("t43"."sql_at" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "sql_at",
        MIN_BY(
          IFF("t43"."opportunity_at" IS NOT NULL, "t43"."opportunity_at", NULL),
          IFF("t43"."opportunity_at" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "opportunity_at",
        MIN_BY(
          IFF("t43"."email_domain" IS NOT NULL, "t43"."email_domain", NULL),
          IFF("t43"."email_domain" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "email_domain",
        MIN_BY(
          IFF("t43"."is_personal_email" IS NOT NULL, "t43"."is_personal_email", NULL),
          IFF("t43"."is_personal_email" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "is_personal_email",
        MIN_BY(
          IFF("t43"."account_key" IS NOT NULL, "t43"."account_key", NULL),
          IFF("t43"."account_key" IS NOT NULL, "t43"."__revq_rank", NULL)
        ) AS "account_key"
      FROM "revq_leads_ranked_by_email" AS "t43"
      GROUP BY
        1
    ) AS "t44"
  ) AS "t45"
), "revq_leads_merged" AS (
  /* the leads, duplicates merged (by lead id, then by email) */
  SELECT
    *
  FROM "revq_leads_merged_by_email" AS "t47"
), "revq_leads_prepared" AS (
  /* the columns scoring reads; text that rules compare, normalised */
  SELECT
    "t48"."lead_id",
    "t48"."email",
    "t48"."first_name",
    "t48"."last_name",
    "t48"."title",
    "t48"."company",
    "t48"."employees",
    "t48"."lead_source",
    "t48"."owner",
    "t48"."created_at",
    "t48"."is_personal_email",
    "t48"."account_key",
    LOWER(REPLACE("t48"."country", 'İ', 'i̇')) AS "_n_country",
    LOWER(REPLACE("t48"."email", 'İ', 'i̇')) AS "_n_email",
    LOWER(REPLACE("t48"."industry", 'İ', 'i̇')) AS "_n_industry",
    LOWER(
      REPLACE(
        IFF(
          SUBSTRING("t48"."lifecycle_stage", 1, 1) IN (
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
          OR RIGHT("t48"."lifecycle_stage", 1) IN (
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
            "t48"."lifecycle_stage",
            '^[\\x{9}-\\x{D} \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}-\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+|[\\x{9}-\\x{D} \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}-\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+\\z',
            ''
          ),
          "t48"."lifecycle_stage"
        ),
        'İ',
        'i̇'
      )
    ) AS "_n_lifecycle_stage",
    CASE
      WHEN COALESCE(
        REGEXP_LIKE(
          "t48"."title",
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
          "t48"."title",
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
          "t48"."title",
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
  FROM "revq_leads_merged" AS "t48"
  WHERE
    (
      "t48"."created_at" IS NULL
    )
    OR (
      "t48"."created_at" < TIMESTAMP_TZ_FROM_PARTS(2026, 11, 1, 0, 0, 0, 0, 'UTC')
    )
), "revq_segments" AS (
  /* each lead's segment: the first it meets, else default */
  SELECT
    "t56"."lead_id",
    "t56"."email",
    "t56"."first_name",
    "t56"."last_name",
    "t56"."title",
    "t56"."company",
    "t56"."employees",
    "t56"."lead_source",
    "t56"."owner",
    "t56"."created_at",
    "t56"."is_personal_email",
    "t56"."account_key",
    "t56"."_n_country",
    "t56"."_n_email",
    "t56"."_n_industry",
    "t56"."_n_lifecycle_stage",
    "t56"."_lookup_title",
    CASE WHEN COALESCE("t56"."employees" >= 1000.0, FALSE) THEN 'enterprise' ELSE 'default' END AS "segment"
  FROM "revq_leads_prepared" AS "t56"
), "revq_fit" AS (
  /* fit rules' points, a column per rule (null: did not fire) */
  SELECT
    "t61"."lead_id",
    "t61"."email",
    "t61"."first_name",
    "t61"."last_name",
    "t61"."title",
    "t61"."company",
    "t61"."employees",
    "t61"."lead_source",
    "t61"."owner",
    "t61"."created_at",
    "t61"."is_personal_email",
    "t61"."_n_country",
    "t61"."_n_email",
    "t61"."_n_industry",
    "t61"."_n_lifecycle_stage",
    "t61"."segment",
    IFF(NOT (
      "t61"."segment" IN ('enterprise')
    ), "t61"."_lookup_title", CAST(NULL AS DOUBLE)) AS "pts_seniority",
    IFF(
      COALESCE((
        "t61"."employees" >= 200.0
      ) AND (
        "t61"."employees" <= 5000.0
      ), FALSE),
      10.0,
      CAST(NULL AS DOUBLE)
    ) AS "pts_company_size",
    IFF(
      COALESCE((
        "t61"."employees" >= 50.0
      ) AND (
        "t61"."employees" <= 199.0
      ), FALSE),
      5.0,
      CAST(NULL AS DOUBLE)
    ) AS "pts_company_size_small",
    IFF(
      COALESCE("t61"."_n_industry" IN ('software', 'financial services', 'healthcare'), FALSE),
      10.0,
      CAST(NULL AS DOUBLE)
    ) AS "pts_target_industry",
    IFF(
      COALESCE(
        "t61"."_n_country" IN (
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
      "t61"."segment" = 'enterprise',
      CASE
        WHEN "t61"."_lookup_title" < -15.0
        THEN -15.0
        WHEN "t61"."_lookup_title" > 15.0
        THEN 15.0
        ELSE "t61"."_lookup_title"
      END,
      CAST(NULL AS DOUBLE)
    ) AS "pts_enterprise_seniority",
    IFF(
      COALESCE("t61"."employees" >= 1000.0, FALSE) AND (
        "t61"."segment" = 'enterprise'
      ),
      5.0,
      CAST(NULL AS DOUBLE)
    ) AS "pts_enterprise_enterprise_size"
  FROM "revq_segments" AS "t61"
), "revq_negative" AS (
  /* negative rules' points, a column per rule (null: did not fire) */
  SELECT
    "t68"."lead_id",
    "t68"."email",
    "t68"."first_name",
    "t68"."last_name",
    "t68"."title",
    "t68"."company",
    "t68"."lead_source",
    "t68"."owner",
    "t68"."created_at",
    "t68"."_n_country",
    "t68"."_n_email",
    "t68"."_n_industry",
    "t68"."_n_lifecycle_stage",
    "t68"."segment",
    "t68"."pts_seniority",
    "t68"."pts_company_size",
    "t68"."pts_company_size_small",
    "t68"."pts_target_industry",
    "t68"."pts_served_country",
    "t68"."pts_enterprise_seniority",
    "t68"."pts_enterprise_enterprise_size",
    IFF(COALESCE("t68"."is_personal_email" = TRUE, FALSE), -20.0, CAST(NULL AS DOUBLE)) AS "pts_personal_email",
    IFF(
      COALESCE(
        REGEXP_LIKE(
          "t68"."title",
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
          "t68"."_n_country" IN (
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
    IFF(COALESCE("t68"."employees" < 10.0, FALSE), -10.0, CAST(NULL AS DOUBLE)) AS "pts_tiny_company"
  FROM "revq_fit" AS "t68"
), "revq_activities_trimmed" AS (
  /* the text columns, trimmed of white space */
  SELECT
    "t0"."occurred_at",
    REGEXP_REPLACE("t0"."activity_id", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_activity_id_trimmed",
    REGEXP_REPLACE("t0"."lead_id", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_lead_id_trimmed",
    REGEXP_REPLACE("t0"."activity_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_activity_type_trimmed",
    REGEXP_REPLACE("t0"."channel", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_channel_trimmed",
    REGEXP_REPLACE("t0"."detail", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_detail_trimmed"
  FROM "activities" AS "t0"
), "revq_leads_merged_away" AS (
  /* each lead id merged away, and the id its activities move to */
  SELECT
    "t37"."lead_id",
    "t52"."merged_into"
  FROM (
    SELECT
      "t35"."lead_id",
      "t35"."email_normalised" AS "_email"
    FROM "revq_leads_merged_by_id" AS "t35"
  ) AS "t37"
  INNER JOIN (
    SELECT
      "t47"."email_normalised" AS "_email",
      "t47"."lead_id" AS "merged_into"
    FROM "revq_leads_merged_by_email" AS "t47"
    WHERE
      "t47"."email_normalised" IS NOT NULL
  ) AS "t52"
    ON "t37"."_email" = "t52"."_email"
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM (
        SELECT
          "t47"."lead_id" AS "_kept"
        FROM "revq_leads_merged_by_email" AS "t47"
      ) AS "t50"
      WHERE
        "t37"."lead_id" = "t50"."_kept"
    )
), "revq_activities_mapped" AS (
  /* revq's columns, values typed; rows that do not parse left out */
  SELECT
    "t13"."activity_id",
    COALESCE("t58"."merged_into", "t13"."lead_id") AS "lead_id",
    "t13"."activity_type",
    "t13"."occurred_at",
    "t13"."channel",
    "t13"."detail"
  FROM (
    SELECT
      "t11".*
      EXCLUDE ("__revq_rejected")
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t5"."_activity_id_trimmed" AS "activity_id",
          "t5"."_lead_id_trimmed" AS "lead_id",
          NULLIF("t5"."_activity_type_trimmed", '') AS "activity_type",
          "t5"."occurred_at",
          NULLIF("t5"."_channel_trimmed", '') AS "channel",
          NULLIF("t5"."_detail_trimmed", '') AS "detail",
          (
            (
              "t5"."occurred_at" IS NOT NULL
            ) AND (
              "t5"."occurred_at" IS NULL
            )
          )
          OR NOT (
            COALESCE((
              "t5"."_lead_id_trimmed" IS NOT NULL
            ) AND (
              "t5"."_lead_id_trimmed" <> ''
            ), FALSE)
          )
          OR NOT (
            COALESCE((
              "t5"."_activity_type_trimmed" IS NOT NULL
            ) AND (
              "t5"."_activity_type_trimmed" <> ''
            ), FALSE)
          )
          OR NOT (
            "t5"."occurred_at" IS NOT NULL
          ) AS "__revq_rejected"
        FROM "revq_activities_trimmed" AS "t5"
      ) AS "t9"
      WHERE
        NOT (
          "t9"."__revq_rejected"
        )
    ) AS "t11"
  ) AS "t13"
  LEFT OUTER JOIN (
    SELECT
      "t55"."lead_id" AS "_merged_from",
      "t55"."merged_into"
    FROM "revq_leads_merged_away" AS "t55"
  ) AS "t58"
    ON "t13"."lead_id" = "t58"."_merged_from"
), "revq_activity_ages" AS (
  /* each activity's lead, age in days and channel weight */
  SELECT
    "t62"."activity_id",
    "t62"."lead_id",
    "t62"."activity_type",
    "t62"."occurred_at",
    "t62"."channel",
    "t62"."detail",
    CAST(DATEDIFF(MICROSECOND, "t62"."occurred_at", TIMESTAMP_TZ_FROM_PARTS(2026, 11, 1, 0, 0, 0, 0, 'UTC')) AS DOUBLE) * 1e-06 * 1.1574074074074073e-05 AS "_age",
    CASE WHEN LOWER(REPLACE("t62"."channel", 'İ', 'i̇')) = 'g2' THEN 1.5 ELSE 1.0 END AS "_weight"
  FROM "revq_activities_mapped" AS "t62"
), "revq_activities_counted" AS (
  /* the activities inside the window, with their decay */
  SELECT
    *
  FROM (
    SELECT
      "t69"."activity_id",
      "t69"."lead_id",
      "t69"."activity_type",
      "t69"."occurred_at",
      "t69"."channel",
      "t69"."detail",
      "t69"."_age",
      "t69"."_weight",
      IFF(
        COALESCE("t69"."_age" >= 0.0, FALSE),
        IFF(COALESCE("t69"."_age" <= 120.0, FALSE), POWER(0.5, (
          "t69"."_age" * 0.03333333333333333
        )), 0.0),
        0.0
      ) AS "_decay",
      LOWER(REPLACE("t69"."activity_type", 'İ', 'i̇')) AS "_n_activity_type",
      LOWER(REPLACE("t69"."detail", 'İ', 'i̇')) AS "_n_detail"
    FROM "revq_activity_ages" AS "t69"
  ) AS "t72"
  WHERE
    "t72"."_decay" > 0.0
), "revq_activity_points" AS (
  /* each activity's points for each event rule it meets */
  SELECT
    "t77"."lead_id" AS "_lead",
    IFF(
      COALESCE("t77"."_n_activity_type" = 'demo_request', FALSE),
      25.0 * "t77"."_weight" * "t77"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e0",
    IFF(
      COALESCE("t77"."_n_activity_type" IN ('page_view', 'visit webpage'), FALSE)
      AND COALESCE(CONTAINS("t77"."_n_detail", '/pricing'), FALSE),
      10.0 * "t77"."_weight" * "t77"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e1",
    IFF(
      COALESCE("t77"."_n_activity_type" = 'comparison_site_visit', FALSE),
      8.0 * "t77"."_weight" * "t77"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e2",
    IFF(
      COALESCE("t77"."_n_activity_type" = 'content_download', FALSE)
      AND COALESCE(STARTSWITH("t77"."_n_detail", 'case study'), FALSE),
      7.0 * "t77"."_weight" * "t77"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e3",
    IFF(
      COALESCE("t77"."_n_activity_type" = 'webinar_attended', FALSE),
      6.0 * "t77"."_weight" * "t77"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e4",
    IFF(
      COALESCE("t77"."_n_activity_type" IN ('page_view', 'visit webpage'), FALSE)
      AND COALESCE(CONTAINS("t77"."_n_detail", '/blog/'), FALSE),
      2.0 * "t77"."_weight" * "t77"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e5",
    IFF(
      COALESCE("t77"."_n_activity_type" IN ('email_click', 'click email'), FALSE),
      2.0 * "t77"."_weight" * "t77"."_decay",
      CAST(NULL AS DOUBLE)
    ) AS "_e6"
  FROM "revq_activities_counted" AS "t77"
), "revq_event_points" AS (
  /* event rules' points per lead: summed, then capped */
  SELECT
    "t82"."_lead",
    CASE WHEN "t82"."_e0" < -25.0 THEN -25.0 WHEN "t82"."_e0" > 25.0 THEN 25.0 ELSE "t82"."_e0" END AS "pts_demo_request",
    CASE WHEN "t82"."_e1" < -20.0 THEN -20.0 WHEN "t82"."_e1" > 20.0 THEN 20.0 ELSE "t82"."_e1" END AS "pts_pricing_page",
    CASE WHEN "t82"."_e2" < -16.0 THEN -16.0 WHEN "t82"."_e2" > 16.0 THEN 16.0 ELSE "t82"."_e2" END AS "pts_comparison_site",
    CASE WHEN "t82"."_e3" < -14.0 THEN -14.0 WHEN "t82"."_e3" > 14.0 THEN 14.0 ELSE "t82"."_e3" END AS "pts_case_study",
    CASE WHEN "t82"."_e4" < -12.0 THEN -12.0 WHEN "t82"."_e4" > 12.0 THEN 12.0 ELSE "t82"."_e4" END AS "pts_webinar",
    CASE WHEN "t82"."_e5" < -6.0 THEN -6.0 WHEN "t82"."_e5" > 6.0 THEN 6.0 ELSE "t82"."_e5" END AS "pts_blog",
    CASE WHEN "t82"."_e6" < -6.0 THEN -6.0 WHEN "t82"."_e6" > 6.0 THEN 6.0 ELSE "t82"."_e6" END AS "pts_email_click"
  FROM (
    SELECT
      "t80"."_lead",
      CAST(SUM(CAST((
        (
          "t80"."_e0" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e0",
      CAST(SUM(CAST((
        (
          "t80"."_e1" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e1",
      CAST(SUM(CAST((
        (
          "t80"."_e2" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e2",
      CAST(SUM(CAST((
        (
          "t80"."_e3" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e3",
      CAST(SUM(CAST((
        (
          "t80"."_e4" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e4",
      CAST(SUM(CAST((
        (
          "t80"."_e5" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e5",
      CAST(SUM(CAST((
        (
          "t80"."_e6" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT)) AS DOUBLE) * 1e-06 AS "_e6"
    FROM "revq_activity_points" AS "t80"
    GROUP BY
      1
  ) AS "t82"
), "revq_signals_trimmed" AS (
  /* the text columns, trimmed of white space */
  SELECT
    "t1"."signal_type",
    "t1"."occurred_at",
    REGEXP_REPLACE("t1"."account_key", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_account_key_trimmed",
    REGEXP_REPLACE("t1"."company", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_company_trimmed",
    REGEXP_REPLACE("t1"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_signal_type_trimmed",
    REGEXP_REPLACE("t1"."source", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_source_trimmed",
    REGEXP_REPLACE("t1"."detail", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', '') AS "_detail_trimmed"
  FROM "signals" AS "t1"
), "revq_signals_mapped" AS (
  /* revq's columns, values typed; rows that do not parse left out */
  SELECT
    "t14".*
    EXCLUDE ("__revq_rejected")
  FROM (
    SELECT
      *
    FROM (
      SELECT
        NULLIF("t6"."_account_key_trimmed", '') AS "account_key",
        NULLIF("t6"."_company_trimmed", '') AS "company",
        NULLIF(
          REGEXP_REPLACE(
            COALESCE(
              CASE
                WHEN REGEXP_REPLACE(
                  LOWER(
                    REPLACE(
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
                      REGEXP_REPLACE("t6"."signal_type", '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$', ''),
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
              "t6"."signal_type"
            ),
            '^[\t\n\x0b\f\r                  　]+|[\t\n\x0b\f\r                  　]+$',
            ''
          ),
          ''
        ) AS "signal_type",
        "t6"."occurred_at",
        NULLIF("t6"."_source_trimmed", '') AS "source",
        NULLIF("t6"."_detail_trimmed", '') AS "detail",
        (
          (
            "t6"."occurred_at" IS NOT NULL
          ) AND (
            "t6"."occurred_at" IS NULL
          )
        )
        OR NOT (
          COALESCE((
            "t6"."_account_key_trimmed" IS NOT NULL
          ) AND (
            "t6"."_account_key_trimmed" <> ''
          ), FALSE)
        )
        OR NOT (
          COALESCE((
            "t6"."_signal_type_trimmed" IS NOT NULL
          ) AND (
            "t6"."_signal_type_trimmed" <> ''
          ), FALSE)
        )
        OR NOT (
          "t6"."occurred_at" IS NOT NULL
        ) AS "__revq_rejected"
      FROM "revq_signals_trimmed" AS "t6"
    ) AS "t10"
    WHERE
      NOT (
        "t10"."__revq_rejected"
      )
  ) AS "t14"
), "revq_signal_ages" AS (
  /* each lead's account signals: age in days and weight */
  SELECT
    "t67"."lead_id",
    "t67"."signal_type",
    "t67"."occurred_at",
    "t67"."detail",
    CAST(DATEDIFF(MICROSECOND, "t67"."occurred_at", TIMESTAMP_TZ_FROM_PARTS(2026, 11, 1, 0, 0, 0, 0, 'UTC')) AS DOUBLE) * 1e-06 * 1.1574074074074073e-05 AS "age_days",
    CASE
      WHEN LOWER(REPLACE("t67"."signal_type", 'İ', 'i̇')) = 'executive_hire'
      THEN 20.0
      WHEN LOWER(REPLACE("t67"."signal_type", 'İ', 'i̇')) = 'funding'
      THEN 15.0
      WHEN LOWER(REPLACE("t67"."signal_type", 'İ', 'i̇')) = 'strategic_hiring'
      THEN 12.0
      WHEN LOWER(REPLACE("t67"."signal_type", 'İ', 'i̇')) = 'filing_language'
      THEN 10.0
      WHEN LOWER(REPLACE("t67"."signal_type", 'İ', 'i̇')) = 'expansion'
      THEN 8.0
      ELSE 0.0
    END AS "raw_points"
  FROM (
    SELECT
      "t64"."lead_id",
      "t19"."signal_type",
      "t19"."occurred_at",
      "t19"."detail"
    FROM (
      SELECT
        "t61"."lead_id",
        "t61"."account_key"
      FROM "revq_segments" AS "t61"
    ) AS "t64"
    INNER JOIN (
      SELECT
        "t16"."account_key",
        "t16"."signal_type",
        "t16"."occurred_at",
        "t16"."detail"
      FROM "revq_signals_mapped" AS "t16"
    ) AS "t19"
      ON "t64"."account_key" = "t19"."account_key"
  ) AS "t67"
), "revq_signals_counted" AS (
  /* the signals inside the window, decayed and labelled */
  SELECT
    "t78"."lead_id",
    "t78"."signal_type",
    "t78"."age_days",
    "t78"."raw_points" * "t78"."decay_factor" AS "points",
    LOWER(REPLACE("t78"."signal_type", 'İ', 'i̇')) AS "_type",
    CONCAT(
      CONCAT(
        CONCAT("t78"."signal_type", ' on '),
        TO_CHAR(
          DATEADD(
            DAY,
            CAST((
              DATEDIFF(MICROSECOND, TIMESTAMP_TZ_FROM_PARTS(1970, 1, 1, 0, 0, 0, 0, 'UTC'), "t78"."occurred_at") - (
                (
                  (
                    DATEDIFF(MICROSECOND, TIMESTAMP_TZ_FROM_PARTS(1970, 1, 1, 0, 0, 0, 0, 'UTC'), "t78"."occurred_at") % 86400000000
                  ) + 86400000000
                ) % 86400000000
              )
            ) / 86400000000 AS BIGINT),
            DATE_FROM_PARTS(1970, 1, 1)
          ),
          'yyyy-mm-DD'
        )
      ),
      COALESCE(CONCAT(CONCAT(' (', "t78"."detail"), ')'), '')
    ) AS "_label"
  FROM (
    SELECT
      "t73"."lead_id",
      "t73"."signal_type",
      "t73"."occurred_at",
      "t73"."detail",
      "t73"."age_days",
      "t73"."raw_points",
      IFF(
        COALESCE("t73"."age_days" >= 0.0, FALSE),
        IFF(
          COALESCE("t73"."age_days" <= 90.0, FALSE),
          POWER(0.5, (
            "t73"."age_days" * 0.022222222222222223
          )),
          0.0
        ),
        0.0
      ) AS "decay_factor"
    FROM "revq_signal_ages" AS "t73"
  ) AS "t78"
  WHERE
    "t78"."decay_factor" > 0.0 AND "t78"."raw_points" <> 0.0
), "revq_signal_points" AS (
  /* signal points per type; the strongest signal; the newest's age */
  SELECT
    "t88"."_lead",
    "t88"."_signal",
    "t88"."_signal_age",
    IFF("t88"."_s0_n" > 0, CAST("t88"."_s0" AS DOUBLE) * 1e-06, CAST(NULL AS DOUBLE)) AS "pts_executive_hire",
    IFF("t88"."_s1_n" > 0, CAST("t88"."_s1" AS DOUBLE) * 1e-06, CAST(NULL AS DOUBLE)) AS "pts_funding",
    IFF("t88"."_s2_n" > 0, CAST("t88"."_s2" AS DOUBLE) * 1e-06, CAST(NULL AS DOUBLE)) AS "pts_strategic_hiring",
    IFF("t88"."_s3_n" > 0, CAST("t88"."_s3" AS DOUBLE) * 1e-06, CAST(NULL AS DOUBLE)) AS "pts_filing_language",
    IFF("t88"."_s4_n" > 0, CAST("t88"."_s4" AS DOUBLE) * 1e-06, CAST(NULL AS DOUBLE)) AS "pts_expansion"
  FROM (
    SELECT
      "t85"."lead_id" AS "_lead",
      SUM(
        IFF(
          "t85"."_type" = 'executive_hire',
          CAST((
            (
              "t85"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT),
          CAST(NULL AS BIGINT)
        )
      ) AS "_s0",
      SUM(
        IFF(
          "t85"."_type" = 'funding',
          CAST((
            (
              "t85"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT),
          CAST(NULL AS BIGINT)
        )
      ) AS "_s1",
      SUM(
        IFF(
          "t85"."_type" = 'strategic_hiring',
          CAST((
            (
              "t85"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT),
          CAST(NULL AS BIGINT)
        )
      ) AS "_s2",
      SUM(
        IFF(
          "t85"."_type" = 'filing_language',
          CAST((
            (
              "t85"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT),
          CAST(NULL AS BIGINT)
        )
      ) AS "_s3",
      SUM(
        IFF(
          "t85"."_type" = 'expansion',
          CAST((
            (
              "t85"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT),
          CAST(NULL AS BIGINT)
        )
      ) AS "_s4",
      SUM(CAST("t85"."_type" = 'executive_hire' AS INT)) AS "_s0_n",
      SUM(CAST("t85"."_type" = 'funding' AS INT)) AS "_s1_n",
      SUM(CAST("t85"."_type" = 'strategic_hiring' AS INT)) AS "_s2_n",
      SUM(CAST("t85"."_type" = 'filing_language' AS INT)) AS "_s3_n",
      SUM(CAST("t85"."_type" = 'expansion' AS INT)) AS "_s4_n",
      MAX(IFF("t85"."_rank" = 0, "t85"."_label", NULL)) AS "_signal",
      MIN("t85"."age_days") AS "_signal_age"
    FROM (
      SELECT
        "t83"."lead_id",
        "t83"."age_days",
        "t83"."points",
        "t83"."_type",
        "t83"."_label",
        ROW_NUMBER() OVER (
          PARTITION BY "t83"."lead_id"
          ORDER BY "t83"."points" DESC NULLS LAST, "t83"."age_days" ASC, "t83"."signal_type" ASC, "t83"."_label" ASC
        ) - 1 AS "_rank"
      FROM "revq_signals_counted" AS "t83"
    ) AS "t85"
    GROUP BY
      1
  ) AS "t88"
), "revq_group_micro_points" AS (
  /* each group's rules summed in whole micro-points, and the sign of a zero */
  SELECT
    "t92"."lead_id",
    "t92"."email",
    "t92"."first_name",
    "t92"."last_name",
    "t92"."title",
    "t92"."company",
    "t92"."lead_source",
    "t92"."owner",
    "t92"."created_at",
    "t92"."_n_country",
    "t92"."_n_email",
    "t92"."_n_industry",
    "t92"."_n_lifecycle_stage",
    "t92"."segment",
    "t92"."pts_seniority",
    "t92"."pts_company_size",
    "t92"."pts_company_size_small",
    "t92"."pts_target_industry",
    "t92"."pts_served_country",
    "t92"."pts_enterprise_seniority",
    "t92"."pts_enterprise_enterprise_size",
    "t92"."pts_personal_email",
    "t92"."pts_intern_or_student",
    "t92"."pts_unserved_country",
    "t92"."pts_tiny_company",
    "t92"."pts_demo_request",
    "t92"."pts_pricing_page",
    "t92"."pts_comparison_site",
    "t92"."pts_case_study",
    "t92"."pts_webinar",
    "t92"."pts_blog",
    "t92"."pts_email_click",
    "t92"."_signal",
    "t92"."_signal_age",
    "t92"."pts_executive_hire",
    "t92"."pts_funding",
    "t92"."pts_strategic_hiring",
    "t92"."pts_filing_language",
    "t92"."pts_expansion",
    COALESCE(
      CAST((
        (
          "t92"."pts_seniority" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_company_size" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_company_size_small" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_target_industry" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_served_country" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_enterprise_seniority" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_enterprise_enterprise_size" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS "_mp_fit",
    COALESCE("t92"."pts_seniority" * 0.0, 0.0) + COALESCE("t92"."pts_company_size" * 0.0, 0.0) + COALESCE("t92"."pts_company_size_small" * 0.0, 0.0) + COALESCE("t92"."pts_target_industry" * 0.0, 0.0) + COALESCE("t92"."pts_served_country" * 0.0, 0.0) + COALESCE("t92"."pts_enterprise_seniority" * 0.0, 0.0) + COALESCE("t92"."pts_enterprise_enterprise_size" * 0.0, 0.0) AS "_zero_fit",
    COALESCE(
      CAST((
        (
          "t92"."pts_demo_request" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_pricing_page" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_comparison_site" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_case_study" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_webinar" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_blog" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_email_click" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS "_mp_intent",
    COALESCE("t92"."pts_demo_request" * 0.0, 0.0) + COALESCE("t92"."pts_pricing_page" * 0.0, 0.0) + COALESCE("t92"."pts_comparison_site" * 0.0, 0.0) + COALESCE("t92"."pts_case_study" * 0.0, 0.0) + COALESCE("t92"."pts_webinar" * 0.0, 0.0) + COALESCE("t92"."pts_blog" * 0.0, 0.0) + COALESCE("t92"."pts_email_click" * 0.0, 0.0) AS "_zero_intent",
    COALESCE(
      CAST((
        (
          "t92"."pts_executive_hire" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_funding" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_strategic_hiring" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_filing_language" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_expansion" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS "_mp_signal",
    COALESCE("t92"."pts_executive_hire" * 0.0, 0.0) + COALESCE("t92"."pts_funding" * 0.0, 0.0) + COALESCE("t92"."pts_strategic_hiring" * 0.0, 0.0) + COALESCE("t92"."pts_filing_language" * 0.0, 0.0) + COALESCE("t92"."pts_expansion" * 0.0, 0.0) AS "_zero_signal",
    COALESCE(
      CAST((
        (
          "t92"."pts_personal_email" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_intern_or_student" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_unserved_country" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t92"."pts_tiny_company" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS "_mp_negative",
    COALESCE("t92"."pts_personal_email" * 0.0, 0.0) + COALESCE("t92"."pts_intern_or_student" * 0.0, 0.0) + COALESCE("t92"."pts_unserved_country" * 0.0, 0.0) + COALESCE("t92"."pts_tiny_company" * 0.0, 0.0) AS "_zero_negative"
  FROM (
    SELECT
      "t75"."lead_id",
      "t75"."email",
      "t75"."first_name",
      "t75"."last_name",
      "t75"."title",
      "t75"."company",
      "t75"."lead_source",
      "t75"."owner",
      "t75"."created_at",
      "t75"."_n_country",
      "t75"."_n_email",
      "t75"."_n_industry",
      "t75"."_n_lifecycle_stage",
      "t75"."segment",
      "t75"."pts_seniority",
      "t75"."pts_company_size",
      "t75"."pts_company_size_small",
      "t75"."pts_target_industry",
      "t75"."pts_served_country",
      "t75"."pts_enterprise_seniority",
      "t75"."pts_enterprise_enterprise_size",
      "t75"."pts_personal_email",
      "t75"."pts_intern_or_student",
      "t75"."pts_unserved_country",
      "t75"."pts_tiny_company",
      "t87"."pts_demo_request",
      "t87"."pts_pricing_page",
      "t87"."pts_comparison_site",
      "t87"."pts_case_study",
      "t87"."pts_webinar",
      "t87"."pts_blog",
      "t87"."pts_email_click",
      "t91"."_signal",
      "t91"."_signal_age",
      "t91"."pts_executive_hire",
      "t91"."pts_funding",
      "t91"."pts_strategic_hiring",
      "t91"."pts_filing_language",
      "t91"."pts_expansion"
    FROM "revq_negative" AS "t75"
    LEFT OUTER JOIN "revq_event_points" AS "t87"
      ON "t75"."lead_id" = "t87"."_lead"
    LEFT OUTER JOIN "revq_signal_points" AS "t91"
      ON "t75"."lead_id" = "t91"."_lead"
  ) AS "t92"
), "revq_group_sums" AS (
  /* each group's points summed (fit, intent, signal, negative) */
  SELECT
    "t94"."lead_id",
    "t94"."email",
    "t94"."first_name",
    "t94"."last_name",
    "t94"."title",
    "t94"."company",
    "t94"."lead_source",
    "t94"."owner",
    "t94"."created_at",
    "t94"."_n_country",
    "t94"."_n_email",
    "t94"."_n_industry",
    "t94"."_n_lifecycle_stage",
    "t94"."segment",
    "t94"."pts_seniority",
    "t94"."pts_company_size",
    "t94"."pts_company_size_small",
    "t94"."pts_target_industry",
    "t94"."pts_served_country",
    "t94"."pts_enterprise_seniority",
    "t94"."pts_enterprise_enterprise_size",
    "t94"."pts_personal_email",
    "t94"."pts_intern_or_student",
    "t94"."pts_unserved_country",
    "t94"."pts_tiny_company",
    "t94"."pts_demo_request",
    "t94"."pts_pricing_page",
    "t94"."pts_comparison_site",
    "t94"."pts_case_study",
    "t94"."pts_webinar",
    "t94"."pts_blog",
    "t94"."pts_email_click",
    "t94"."_signal",
    "t94"."_signal_age",
    "t94"."pts_executive_hire",
    "t94"."pts_funding",
    "t94"."pts_strategic_hiring",
    "t94"."pts_filing_language",
    "t94"."pts_expansion",
    IFF("t94"."_mp_fit" = 0, "t94"."_zero_fit", CAST("t94"."_mp_fit" AS DOUBLE) * 1e-06) AS "_raw_fit",
    IFF("t94"."_mp_intent" = 0, "t94"."_zero_intent", CAST("t94"."_mp_intent" AS DOUBLE) * 1e-06) AS "_raw_intent",
    IFF("t94"."_mp_signal" = 0, "t94"."_zero_signal", CAST("t94"."_mp_signal" AS DOUBLE) * 1e-06) AS "_raw_signal",
    IFF("t94"."_mp_negative" = 0, "t94"."_zero_negative", CAST("t94"."_mp_negative" AS DOUBLE) * 1e-06) AS "_raw_negative"
  FROM "revq_group_micro_points" AS "t94"
), "revq_group_scores" AS (
  /* each group's sum within its scale */
  SELECT
    "t96"."lead_id",
    "t96"."email",
    "t96"."first_name",
    "t96"."last_name",
    "t96"."title",
    "t96"."company",
    "t96"."lead_source",
    "t96"."owner",
    "t96"."created_at",
    "t96"."_n_country",
    "t96"."_n_email",
    "t96"."_n_industry",
    "t96"."_n_lifecycle_stage",
    "t96"."segment",
    "t96"."pts_seniority",
    "t96"."pts_company_size",
    "t96"."pts_company_size_small",
    "t96"."pts_target_industry",
    "t96"."pts_served_country",
    "t96"."pts_enterprise_seniority",
    "t96"."pts_enterprise_enterprise_size",
    "t96"."pts_personal_email",
    "t96"."pts_intern_or_student",
    "t96"."pts_unserved_country",
    "t96"."pts_tiny_company",
    "t96"."pts_demo_request",
    "t96"."pts_pricing_page",
    "t96"."pts_comparison_site",
    "t96"."pts_case_study",
    "t96"."pts_webinar",
    "t96"."pts_blog",
    "t96"."pts_email_click",
    "t96"."_signal",
    "t96"."_signal_age",
    "t96"."pts_executive_hire",
    "t96"."pts_funding",
    "t96"."pts_strategic_hiring",
    "t96"."pts_filing_language",
    "t96"."pts_expansion",
    "t96"."_raw_fit",
    "t96"."_raw_intent",
    "t96"."_raw_signal",
    "t96"."_raw_negative",
    CASE WHEN "t96"."_raw_fit" < 0.0 THEN 0.0 WHEN "t96"."_raw_fit" > 50.0 THEN 50.0 ELSE "t96"."_raw_fit" END AS "_u_fit_score",
    CASE
      WHEN "t96"."_raw_intent" < 0.0
      THEN 0.0
      WHEN "t96"."_raw_intent" > 50.0
      THEN 50.0
      ELSE "t96"."_raw_intent"
    END AS "_u_intent_score",
    CASE
      WHEN "t96"."_raw_signal" < 0.0
      THEN 0.0
      WHEN "t96"."_raw_signal" > 30.0
      THEN 30.0
      ELSE "t96"."_raw_signal"
    END AS "_u_signal_score",
    CASE
      WHEN "t96"."_raw_negative" < -50.0
      THEN -50.0
      WHEN "t96"."_raw_negative" > 0.0
      THEN 0.0
      ELSE "t96"."_raw_negative"
    END AS "_u_negative_score"
  FROM "revq_group_sums" AS "t96"
), "revq_scores" AS (
  /* the total score; where a scale cut a group's sum */
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
    "t98"."pts_personal_email",
    "t98"."pts_intern_or_student",
    "t98"."pts_unserved_country",
    "t98"."pts_tiny_company",
    "t98"."pts_demo_request",
    "t98"."pts_pricing_page",
    "t98"."pts_comparison_site",
    "t98"."pts_case_study",
    "t98"."pts_webinar",
    "t98"."pts_blog",
    "t98"."pts_email_click",
    "t98"."_signal",
    "t98"."_signal_age",
    "t98"."pts_executive_hire",
    "t98"."pts_funding",
    "t98"."pts_strategic_hiring",
    "t98"."pts_filing_language",
    "t98"."pts_expansion",
    "t98"."_u_fit_score",
    "t98"."_u_intent_score",
    "t98"."_u_signal_score",
    "t98"."_u_negative_score",
    "t98"."_u_fit_score" + "t98"."_u_intent_score" + (
      "t98"."_u_signal_score" + "t98"."_u_negative_score"
    ) AS "_u_total_score",
    IFF(
      ABS("t98"."_u_fit_score" - "t98"."_raw_fit") > 1e-09,
      "t98"."_u_fit_score" - "t98"."_raw_fit",
      CAST(NULL AS DOUBLE)
    ) AS "_cap_fit",
    IFF(
      ABS("t98"."_u_intent_score" - "t98"."_raw_intent") > 1e-09,
      "t98"."_u_intent_score" - "t98"."_raw_intent",
      CAST(NULL AS DOUBLE)
    ) AS "_cap_intent",
    IFF(
      ABS("t98"."_u_signal_score" - "t98"."_raw_signal") > 1e-09,
      "t98"."_u_signal_score" - "t98"."_raw_signal",
      CAST(NULL AS DOUBLE)
    ) AS "_cap_signal",
    IFF(
      ABS("t98"."_u_negative_score" - "t98"."_raw_negative") > 1e-09,
      "t98"."_u_negative_score" - "t98"."_raw_negative",
      CAST(NULL AS DOUBLE)
    ) AS "_cap_negative"
  FROM "revq_group_scores" AS "t98"
), "revq_strongest_items" AS (
  /* why now's strongest behaviour: each item's micro-points and sign */
  SELECT
    "t100"."lead_id",
    "t100"."email",
    "t100"."first_name",
    "t100"."last_name",
    "t100"."title",
    "t100"."company",
    "t100"."lead_source",
    "t100"."owner",
    "t100"."created_at",
    "t100"."_n_country",
    "t100"."_n_email",
    "t100"."_n_industry",
    "t100"."_n_lifecycle_stage",
    "t100"."segment",
    "t100"."pts_seniority",
    "t100"."pts_company_size",
    "t100"."pts_company_size_small",
    "t100"."pts_target_industry",
    "t100"."pts_served_country",
    "t100"."pts_enterprise_seniority",
    "t100"."pts_enterprise_enterprise_size",
    "t100"."pts_personal_email",
    "t100"."pts_intern_or_student",
    "t100"."pts_unserved_country",
    "t100"."pts_tiny_company",
    "t100"."pts_demo_request",
    "t100"."pts_pricing_page",
    "t100"."pts_comparison_site",
    "t100"."pts_case_study",
    "t100"."pts_webinar",
    "t100"."pts_blog",
    "t100"."pts_email_click",
    "t100"."_signal",
    "t100"."_signal_age",
    "t100"."pts_executive_hire",
    "t100"."pts_funding",
    "t100"."pts_strategic_hiring",
    "t100"."pts_filing_language",
    "t100"."pts_expansion",
    "t100"."_u_fit_score",
    "t100"."_u_intent_score",
    "t100"."_u_signal_score",
    "t100"."_u_negative_score",
    "t100"."_u_total_score",
    "t100"."_cap_fit",
    "t100"."_cap_intent",
    "t100"."_cap_signal",
    "t100"."_cap_negative",
    CAST((
      (
        COALESCE(CASE WHEN "t100"."pts_demo_request" < 0.0 THEN 0.0 ELSE "t100"."pts_demo_request" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_demo_request",
    CAST((
      (
        COALESCE(CASE WHEN "t100"."pts_pricing_page" < 0.0 THEN 0.0 ELSE "t100"."pts_pricing_page" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_pricing_page",
    CAST((
      (
        COALESCE(CASE WHEN "t100"."pts_comparison_site" < 0.0 THEN 0.0 ELSE "t100"."pts_comparison_site" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_comparison_site",
    CAST((
      (
        COALESCE(CASE WHEN "t100"."pts_case_study" < 0.0 THEN 0.0 ELSE "t100"."pts_case_study" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_case_study",
    CAST((
      (
        COALESCE(CASE WHEN "t100"."pts_webinar" < 0.0 THEN 0.0 ELSE "t100"."pts_webinar" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_webinar",
    CAST((
      (
        COALESCE(CASE WHEN "t100"."pts_blog" < 0.0 THEN 0.0 ELSE "t100"."pts_blog" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_blog",
    CAST((
      (
        COALESCE(CASE WHEN "t100"."pts_email_click" < 0.0 THEN 0.0 ELSE "t100"."pts_email_click" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m_email_click",
    COALESCE(CASE WHEN "t100"."pts_demo_request" < 0.0 THEN 0.0 ELSE "t100"."pts_demo_request" END < 0.0, FALSE) AS "_st_m_demo_request_neg",
    COALESCE(CASE WHEN "t100"."pts_pricing_page" < 0.0 THEN 0.0 ELSE "t100"."pts_pricing_page" END < 0.0, FALSE) AS "_st_m_pricing_page_neg",
    COALESCE(
      CASE WHEN "t100"."pts_comparison_site" < 0.0 THEN 0.0 ELSE "t100"."pts_comparison_site" END < 0.0,
      FALSE
    ) AS "_st_m_comparison_site_neg",
    COALESCE(CASE WHEN "t100"."pts_case_study" < 0.0 THEN 0.0 ELSE "t100"."pts_case_study" END < 0.0, FALSE) AS "_st_m_case_study_neg",
    COALESCE(CASE WHEN "t100"."pts_webinar" < 0.0 THEN 0.0 ELSE "t100"."pts_webinar" END < 0.0, FALSE) AS "_st_m_webinar_neg",
    COALESCE(CASE WHEN "t100"."pts_blog" < 0.0 THEN 0.0 ELSE "t100"."pts_blog" END < 0.0, FALSE) AS "_st_m_blog_neg",
    COALESCE(CASE WHEN "t100"."pts_email_click" < 0.0 THEN 0.0 ELSE "t100"."pts_email_click" END < 0.0, FALSE) AS "_st_m_email_click_neg"
  FROM "revq_scores" AS "t100"
), "revq_strongest_keys" AS (
  /* why now's strongest behaviour: each item's sort key (size, sign, name) */
  SELECT
    "t102"."lead_id",
    "t102"."email",
    "t102"."first_name",
    "t102"."last_name",
    "t102"."title",
    "t102"."company",
    "t102"."lead_source",
    "t102"."owner",
    "t102"."created_at",
    "t102"."_n_country",
    "t102"."_n_email",
    "t102"."_n_industry",
    "t102"."_n_lifecycle_stage",
    "t102"."segment",
    "t102"."pts_seniority",
    "t102"."pts_company_size",
    "t102"."pts_company_size_small",
    "t102"."pts_target_industry",
    "t102"."pts_served_country",
    "t102"."pts_enterprise_seniority",
    "t102"."pts_enterprise_enterprise_size",
    "t102"."pts_personal_email",
    "t102"."pts_intern_or_student",
    "t102"."pts_unserved_country",
    "t102"."pts_tiny_company",
    "t102"."pts_demo_request",
    "t102"."pts_pricing_page",
    "t102"."pts_comparison_site",
    "t102"."pts_case_study",
    "t102"."pts_webinar",
    "t102"."pts_blog",
    "t102"."pts_email_click",
    "t102"."_signal",
    "t102"."_signal_age",
    "t102"."pts_executive_hire",
    "t102"."pts_funding",
    "t102"."pts_strategic_hiring",
    "t102"."pts_filing_language",
    "t102"."pts_expansion",
    "t102"."_u_fit_score",
    "t102"."_u_intent_score",
    "t102"."_u_signal_score",
    "t102"."_u_negative_score",
    "t102"."_u_total_score",
    "t102"."_cap_fit",
    "t102"."_cap_intent",
    "t102"."_cap_signal",
    "t102"."_cap_negative",
    "t102"."_st_m_demo_request",
    "t102"."_st_m_pricing_page",
    "t102"."_st_m_comparison_site",
    "t102"."_st_m_case_study",
    "t102"."_st_m_webinar",
    "t102"."_st_m_blog",
    "t102"."_st_m_email_click",
    (
      (
        (
          ABS("t102"."_st_m_demo_request") * 2
        ) + IFF("t102"."_st_m_demo_request_neg", 1, 0)
      ) * 8
    ) + 4 AS "_st_k_demo_request",
    (
      (
        (
          ABS("t102"."_st_m_pricing_page") * 2
        ) + IFF("t102"."_st_m_pricing_page_neg", 1, 0)
      ) * 8
    ) + 2 AS "_st_k_pricing_page",
    (
      (
        (
          ABS("t102"."_st_m_comparison_site") * 2
        ) + IFF("t102"."_st_m_comparison_site_neg", 1, 0)
      ) * 8
    ) + 5 AS "_st_k_comparison_site",
    (
      (
        (
          ABS("t102"."_st_m_case_study") * 2
        ) + IFF("t102"."_st_m_case_study_neg", 1, 0)
      ) * 8
    ) + 6 AS "_st_k_case_study",
    (
      (
        (
          ABS("t102"."_st_m_webinar") * 2
        ) + IFF("t102"."_st_m_webinar_neg", 1, 0)
      ) * 8
    ) + 1 AS "_st_k_webinar",
    (
      (
        (
          ABS("t102"."_st_m_blog") * 2
        ) + IFF("t102"."_st_m_blog_neg", 1, 0)
      ) * 8
    ) + 7 AS "_st_k_blog",
    (
      (
        (
          ABS("t102"."_st_m_email_click") * 2
        ) + IFF("t102"."_st_m_email_click_neg", 1, 0)
      ) * 8
    ) + 3 AS "_st_k_email_click"
  FROM "revq_strongest_items" AS "t102"
), "revq_strongest_1" AS (
  /* why now's strongest behaviour: place 1 */
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
    "t105"."pts_demo_request",
    "t105"."pts_pricing_page",
    "t105"."pts_comparison_site",
    "t105"."pts_case_study",
    "t105"."pts_webinar",
    "t105"."pts_blog",
    "t105"."pts_email_click",
    "t105"."_signal",
    "t105"."_signal_age",
    "t105"."pts_executive_hire",
    "t105"."pts_funding",
    "t105"."pts_strategic_hiring",
    "t105"."pts_filing_language",
    "t105"."pts_expansion",
    "t105"."_u_fit_score",
    "t105"."_u_intent_score",
    "t105"."_u_signal_score",
    "t105"."_u_negative_score",
    "t105"."_u_total_score",
    "t105"."_cap_fit",
    "t105"."_cap_intent",
    "t105"."_cap_signal",
    "t105"."_cap_negative",
    CASE
      WHEN "t105"."_st_k_demo_request" = "t105"."_st_s0"
      THEN "t105"."_st_m_demo_request"
      WHEN "t105"."_st_k_pricing_page" = "t105"."_st_s0"
      THEN "t105"."_st_m_pricing_page"
      WHEN "t105"."_st_k_comparison_site" = "t105"."_st_s0"
      THEN "t105"."_st_m_comparison_site"
      WHEN "t105"."_st_k_case_study" = "t105"."_st_s0"
      THEN "t105"."_st_m_case_study"
      WHEN "t105"."_st_k_webinar" = "t105"."_st_s0"
      THEN "t105"."_st_m_webinar"
      WHEN "t105"."_st_k_blog" = "t105"."_st_s0"
      THEN "t105"."_st_m_blog"
      WHEN "t105"."_st_k_email_click" = "t105"."_st_s0"
      THEN "t105"."_st_m_email_click"
      ELSE 0
    END AS "_st_v0",
    CASE
      WHEN "t105"."_st_k_demo_request" = "t105"."_st_s0"
      THEN 'demo_request'
      WHEN "t105"."_st_k_pricing_page" = "t105"."_st_s0"
      THEN 'pricing_page'
      WHEN "t105"."_st_k_comparison_site" = "t105"."_st_s0"
      THEN 'comparison_site'
      WHEN "t105"."_st_k_case_study" = "t105"."_st_s0"
      THEN 'case_study'
      WHEN "t105"."_st_k_webinar" = "t105"."_st_s0"
      THEN 'webinar'
      WHEN "t105"."_st_k_blog" = "t105"."_st_s0"
      THEN 'blog'
      WHEN "t105"."_st_k_email_click" = "t105"."_st_s0"
      THEN 'email_click'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_st_n0"
  FROM (
    SELECT
      "t104"."lead_id",
      "t104"."email",
      "t104"."first_name",
      "t104"."last_name",
      "t104"."title",
      "t104"."company",
      "t104"."lead_source",
      "t104"."owner",
      "t104"."created_at",
      "t104"."_n_country",
      "t104"."_n_email",
      "t104"."_n_industry",
      "t104"."_n_lifecycle_stage",
      "t104"."segment",
      "t104"."pts_seniority",
      "t104"."pts_company_size",
      "t104"."pts_company_size_small",
      "t104"."pts_target_industry",
      "t104"."pts_served_country",
      "t104"."pts_enterprise_seniority",
      "t104"."pts_enterprise_enterprise_size",
      "t104"."pts_personal_email",
      "t104"."pts_intern_or_student",
      "t104"."pts_unserved_country",
      "t104"."pts_tiny_company",
      "t104"."pts_demo_request",
      "t104"."pts_pricing_page",
      "t104"."pts_comparison_site",
      "t104"."pts_case_study",
      "t104"."pts_webinar",
      "t104"."pts_blog",
      "t104"."pts_email_click",
      "t104"."_signal",
      "t104"."_signal_age",
      "t104"."pts_executive_hire",
      "t104"."pts_funding",
      "t104"."pts_strategic_hiring",
      "t104"."pts_filing_language",
      "t104"."pts_expansion",
      "t104"."_u_fit_score",
      "t104"."_u_intent_score",
      "t104"."_u_signal_score",
      "t104"."_u_negative_score",
      "t104"."_u_total_score",
      "t104"."_cap_fit",
      "t104"."_cap_intent",
      "t104"."_cap_signal",
      "t104"."_cap_negative",
      "t104"."_st_m_demo_request",
      "t104"."_st_m_pricing_page",
      "t104"."_st_m_comparison_site",
      "t104"."_st_m_case_study",
      "t104"."_st_m_webinar",
      "t104"."_st_m_blog",
      "t104"."_st_m_email_click",
      "t104"."_st_k_demo_request",
      "t104"."_st_k_pricing_page",
      "t104"."_st_k_comparison_site",
      "t104"."_st_k_case_study",
      "t104"."_st_k_webinar",
      "t104"."_st_k_blog",
      "t104"."_st_k_email_click",
      GREATEST(
        "t104"."_st_k_demo_request",
        "t104"."_st_k_pricing_page",
        "t104"."_st_k_comparison_site",
        "t104"."_st_k_case_study",
        "t104"."_st_k_webinar",
        "t104"."_st_k_blog",
        "t104"."_st_k_email_click"
      ) AS "_st_s0"
    FROM "revq_strongest_keys" AS "t104"
  ) AS "t105"
), "revq_reason_items" AS (
  /* top reasons: each item's micro-points and sign */
  SELECT
    "t107"."lead_id",
    "t107"."email",
    "t107"."first_name",
    "t107"."last_name",
    "t107"."title",
    "t107"."company",
    "t107"."lead_source",
    "t107"."owner",
    "t107"."created_at",
    "t107"."_n_country",
    "t107"."_n_email",
    "t107"."_n_industry",
    "t107"."_n_lifecycle_stage",
    "t107"."segment",
    "t107"."_signal",
    "t107"."_signal_age",
    "t107"."_u_fit_score",
    "t107"."_u_intent_score",
    "t107"."_u_signal_score",
    "t107"."_u_negative_score",
    "t107"."_u_total_score",
    "t107"."_st_v0",
    "t107"."_st_n0",
    CAST((
      (
        COALESCE("t107"."pts_seniority", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_seniority",
    CAST((
      (
        COALESCE("t107"."pts_company_size", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_company_size",
    CAST((
      (
        COALESCE("t107"."pts_company_size_small", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_company_size_small",
    CAST((
      (
        COALESCE("t107"."pts_target_industry", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_target_industry",
    CAST((
      (
        COALESCE("t107"."pts_served_country", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_served_country",
    CAST((
      (
        COALESCE("t107"."pts_enterprise_seniority", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_enterprise_seniority",
    CAST((
      (
        COALESCE("t107"."pts_enterprise_enterprise_size", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_enterprise_enterprise_size",
    CAST((
      (
        COALESCE("t107"."pts_personal_email", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_personal_email",
    CAST((
      (
        COALESCE("t107"."pts_intern_or_student", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_intern_or_student",
    CAST((
      (
        COALESCE("t107"."pts_unserved_country", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_unserved_country",
    CAST((
      (
        COALESCE("t107"."pts_tiny_company", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_tiny_company",
    CAST((
      (
        COALESCE("t107"."pts_demo_request", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_demo_request",
    CAST((
      (
        COALESCE("t107"."pts_pricing_page", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_pricing_page",
    CAST((
      (
        COALESCE("t107"."pts_comparison_site", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_comparison_site",
    CAST((
      (
        COALESCE("t107"."pts_case_study", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_case_study",
    CAST((
      (
        COALESCE("t107"."pts_webinar", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_webinar",
    CAST((
      (
        COALESCE("t107"."pts_blog", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_blog",
    CAST((
      (
        COALESCE("t107"."pts_email_click", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_email_click",
    CAST((
      (
        COALESCE("t107"."pts_executive_hire", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_executive_hire",
    CAST((
      (
        COALESCE("t107"."pts_funding", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_funding",
    CAST((
      (
        COALESCE("t107"."pts_strategic_hiring", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_strategic_hiring",
    CAST((
      (
        COALESCE("t107"."pts_filing_language", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_filing_language",
    CAST((
      (
        COALESCE("t107"."pts_expansion", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_expansion",
    CAST((
      (
        COALESCE("t107"."_cap_fit", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_cap_fit",
    CAST((
      (
        COALESCE("t107"."_cap_intent", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_cap_intent",
    CAST((
      (
        COALESCE("t107"."_cap_signal", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_cap_signal",
    CAST((
      (
        COALESCE("t107"."_cap_negative", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m_cap_negative",
    COALESCE("t107"."pts_seniority" < 0.0, FALSE) AS "_re_m_seniority_neg",
    COALESCE("t107"."pts_company_size" < 0.0, FALSE) AS "_re_m_company_size_neg",
    COALESCE("t107"."pts_company_size_small" < 0.0, FALSE) AS "_re_m_company_size_small_neg",
    COALESCE("t107"."pts_target_industry" < 0.0, FALSE) AS "_re_m_target_industry_neg",
    COALESCE("t107"."pts_served_country" < 0.0, FALSE) AS "_re_m_served_country_neg",
    COALESCE("t107"."pts_enterprise_seniority" < 0.0, FALSE) AS "_re_m_enterprise_seniority_neg",
    COALESCE("t107"."pts_enterprise_enterprise_size" < 0.0, FALSE) AS "_re_m_enterprise_enterprise_size_neg",
    COALESCE("t107"."pts_personal_email" < 0.0, FALSE) AS "_re_m_personal_email_neg",
    COALESCE("t107"."pts_intern_or_student" < 0.0, FALSE) AS "_re_m_intern_or_student_neg",
    COALESCE("t107"."pts_unserved_country" < 0.0, FALSE) AS "_re_m_unserved_country_neg",
    COALESCE("t107"."pts_tiny_company" < 0.0, FALSE) AS "_re_m_tiny_company_neg",
    COALESCE("t107"."pts_demo_request" < 0.0, FALSE) AS "_re_m_demo_request_neg",
    COALESCE("t107"."pts_pricing_page" < 0.0, FALSE) AS "_re_m_pricing_page_neg",
    COALESCE("t107"."pts_comparison_site" < 0.0, FALSE) AS "_re_m_comparison_site_neg",
    COALESCE("t107"."pts_case_study" < 0.0, FALSE) AS "_re_m_case_study_neg",
    COALESCE("t107"."pts_webinar" < 0.0, FALSE) AS "_re_m_webinar_neg",
    COALESCE("t107"."pts_blog" < 0.0, FALSE) AS "_re_m_blog_neg",
    COALESCE("t107"."pts_email_click" < 0.0, FALSE) AS "_re_m_email_click_neg",
    COALESCE("t107"."pts_executive_hire" < 0.0, FALSE) AS "_re_m_executive_hire_neg",
    COALESCE("t107"."pts_funding" < 0.0, FALSE) AS "_re_m_funding_neg",
    COALESCE("t107"."pts_strategic_hiring" < 0.0, FALSE) AS "_re_m_strategic_hiring_neg",
    COALESCE("t107"."pts_filing_language" < 0.0, FALSE) AS "_re_m_filing_language_neg",
    COALESCE("t107"."pts_expansion" < 0.0, FALSE) AS "_re_m_expansion_neg",
    COALESCE("t107"."_cap_fit" < 0.0, FALSE) AS "_re_m_cap_fit_neg",
    COALESCE("t107"."_cap_intent" < 0.0, FALSE) AS "_re_m_cap_intent_neg",
    COALESCE("t107"."_cap_signal" < 0.0, FALSE) AS "_re_m_cap_signal_neg",
    COALESCE("t107"."_cap_negative" < 0.0, FALSE) AS "_re_m_cap_negative_neg"
  FROM "revq_strongest_1" AS "t107"
), "revq_reason_keys" AS (
  /* top reasons: each item's sort key (size, sign, name) */
  SELECT
    "t109"."lead_id",
    "t109"."email",
    "t109"."first_name",
    "t109"."last_name",
    "t109"."title",
    "t109"."company",
    "t109"."lead_source",
    "t109"."owner",
    "t109"."created_at",
    "t109"."_n_country",
    "t109"."_n_email",
    "t109"."_n_industry",
    "t109"."_n_lifecycle_stage",
    "t109"."segment",
    "t109"."_signal",
    "t109"."_signal_age",
    "t109"."_u_fit_score",
    "t109"."_u_intent_score",
    "t109"."_u_signal_score",
    "t109"."_u_negative_score",
    "t109"."_u_total_score",
    "t109"."_st_v0",
    "t109"."_st_n0",
    "t109"."_re_m_seniority",
    "t109"."_re_m_company_size",
    "t109"."_re_m_company_size_small",
    "t109"."_re_m_target_industry",
    "t109"."_re_m_served_country",
    "t109"."_re_m_enterprise_seniority",
    "t109"."_re_m_enterprise_enterprise_size",
    "t109"."_re_m_personal_email",
    "t109"."_re_m_intern_or_student",
    "t109"."_re_m_unserved_country",
    "t109"."_re_m_tiny_company",
    "t109"."_re_m_demo_request",
    "t109"."_re_m_pricing_page",
    "t109"."_re_m_comparison_site",
    "t109"."_re_m_case_study",
    "t109"."_re_m_webinar",
    "t109"."_re_m_blog",
    "t109"."_re_m_email_click",
    "t109"."_re_m_executive_hire",
    "t109"."_re_m_funding",
    "t109"."_re_m_strategic_hiring",
    "t109"."_re_m_filing_language",
    "t109"."_re_m_expansion",
    "t109"."_re_m_cap_fit",
    "t109"."_re_m_cap_intent",
    "t109"."_re_m_cap_signal",
    "t109"."_re_m_cap_negative",
    (
      (
        (
          ABS("t109"."_re_m_seniority") * 2
        ) + IFF("t109"."_re_m_seniority_neg", 1, 0)
      ) * 28
    ) + 11 AS "_re_k_seniority",
    (
      (
        (
          ABS("t109"."_re_m_company_size") * 2
        ) + IFF("t109"."_re_m_company_size_neg", 1, 0)
      ) * 28
    ) + 21 AS "_re_k_company_size",
    (
      (
        (
          ABS("t109"."_re_m_company_size_small") * 2
        ) + IFF("t109"."_re_m_company_size_small_neg", 1, 0)
      ) * 28
    ) + 20 AS "_re_k_company_size_small",
    (
      (
        (
          ABS("t109"."_re_m_target_industry") * 2
        ) + IFF("t109"."_re_m_target_industry_neg", 1, 0)
      ) * 28
    ) + 4 AS "_re_k_target_industry",
    (
      (
        (
          ABS("t109"."_re_m_served_country") * 2
        ) + IFF("t109"."_re_m_served_country_neg", 1, 0)
      ) * 28
    ) + 10 AS "_re_k_served_country",
    (
      (
        (
          ABS("t109"."_re_m_enterprise_seniority") * 2
        ) + IFF("t109"."_re_m_enterprise_seniority_neg", 1, 0)
      ) * 28
    ) + 15 AS "_re_k_enterprise_seniority",
    (
      (
        (
          ABS("t109"."_re_m_enterprise_enterprise_size") * 2
        ) + IFF("t109"."_re_m_enterprise_enterprise_size_neg", 1, 0)
      ) * 28
    ) + 16 AS "_re_k_enterprise_enterprise_size",
    (
      (
        (
          ABS("t109"."_re_m_personal_email") * 2
        ) + IFF("t109"."_re_m_personal_email_neg", 1, 0)
      ) * 28
    ) + 13 AS "_re_k_personal_email",
    (
      (
        (
          ABS("t109"."_re_m_intern_or_student") * 2
        ) + IFF("t109"."_re_m_intern_or_student_neg", 1, 0)
      ) * 28
    ) + 14 AS "_re_k_intern_or_student",
    (
      (
        (
          ABS("t109"."_re_m_unserved_country") * 2
        ) + IFF("t109"."_re_m_unserved_country_neg", 1, 0)
      ) * 28
    ) + 2 AS "_re_k_unserved_country",
    (
      (
        (
          ABS("t109"."_re_m_tiny_company") * 2
        ) + IFF("t109"."_re_m_tiny_company_neg", 1, 0)
      ) * 28
    ) + 3 AS "_re_k_tiny_company",
    (
      (
        (
          ABS("t109"."_re_m_demo_request") * 2
        ) + IFF("t109"."_re_m_demo_request_neg", 1, 0)
      ) * 28
    ) + 18 AS "_re_k_demo_request",
    (
      (
        (
          ABS("t109"."_re_m_pricing_page") * 2
        ) + IFF("t109"."_re_m_pricing_page_neg", 1, 0)
      ) * 28
    ) + 12 AS "_re_k_pricing_page",
    (
      (
        (
          ABS("t109"."_re_m_comparison_site") * 2
        ) + IFF("t109"."_re_m_comparison_site_neg", 1, 0)
      ) * 28
    ) + 19 AS "_re_k_comparison_site",
    (
      (
        (
          ABS("t109"."_re_m_case_study") * 2
        ) + IFF("t109"."_re_m_case_study_neg", 1, 0)
      ) * 28
    ) + 22 AS "_re_k_case_study",
    (
      (
        (
          ABS("t109"."_re_m_webinar") * 2
        ) + IFF("t109"."_re_m_webinar_neg", 1, 0)
      ) * 28
    ) + 1 AS "_re_k_webinar",
    (
      (
        (
          ABS("t109"."_re_m_blog") * 2
        ) + IFF("t109"."_re_m_blog_neg", 1, 0)
      ) * 28
    ) + 27 AS "_re_k_blog",
    (
      (
        (
          ABS("t109"."_re_m_email_click") * 2
        ) + IFF("t109"."_re_m_email_click_neg", 1, 0)
      ) * 28
    ) + 17 AS "_re_k_email_click",
    (
      (
        (
          ABS("t109"."_re_m_executive_hire") * 2
        ) + IFF("t109"."_re_m_executive_hire_neg", 1, 0)
      ) * 28
    ) + 9 AS "_re_k_executive_hire",
    (
      (
        (
          ABS("t109"."_re_m_funding") * 2
        ) + IFF("t109"."_re_m_funding_neg", 1, 0)
      ) * 28
    ) + 6 AS "_re_k_funding",
    (
      (
        (
          ABS("t109"."_re_m_strategic_hiring") * 2
        ) + IFF("t109"."_re_m_strategic_hiring_neg", 1, 0)
      ) * 28
    ) + 5 AS "_re_k_strategic_hiring",
    (
      (
        (
          ABS("t109"."_re_m_filing_language") * 2
        ) + IFF("t109"."_re_m_filing_language_neg", 1, 0)
      ) * 28
    ) + 7 AS "_re_k_filing_language",
    (
      (
        (
          ABS("t109"."_re_m_expansion") * 2
        ) + IFF("t109"."_re_m_expansion_neg", 1, 0)
      ) * 28
    ) + 8 AS "_re_k_expansion",
    (
      (
        (
          ABS("t109"."_re_m_cap_fit") * 2
        ) + IFF("t109"."_re_m_cap_fit_neg", 1, 0)
      ) * 28
    ) + 26 AS "_re_k_cap_fit",
    (
      (
        (
          ABS("t109"."_re_m_cap_intent") * 2
        ) + IFF("t109"."_re_m_cap_intent_neg", 1, 0)
      ) * 28
    ) + 25 AS "_re_k_cap_intent",
    (
      (
        (
          ABS("t109"."_re_m_cap_signal") * 2
        ) + IFF("t109"."_re_m_cap_signal_neg", 1, 0)
      ) * 28
    ) + 23 AS "_re_k_cap_signal",
    (
      (
        (
          ABS("t109"."_re_m_cap_negative") * 2
        ) + IFF("t109"."_re_m_cap_negative_neg", 1, 0)
      ) * 28
    ) + 24 AS "_re_k_cap_negative"
  FROM "revq_reason_items" AS "t109"
), "revq_reason_1" AS (
  /* top reasons: place 1 */
  SELECT
    "t112"."lead_id",
    "t112"."email",
    "t112"."first_name",
    "t112"."last_name",
    "t112"."title",
    "t112"."company",
    "t112"."lead_source",
    "t112"."owner",
    "t112"."created_at",
    "t112"."_n_country",
    "t112"."_n_email",
    "t112"."_n_industry",
    "t112"."_n_lifecycle_stage",
    "t112"."segment",
    "t112"."_signal",
    "t112"."_signal_age",
    "t112"."_u_fit_score",
    "t112"."_u_intent_score",
    "t112"."_u_signal_score",
    "t112"."_u_negative_score",
    "t112"."_u_total_score",
    "t112"."_st_v0",
    "t112"."_st_n0",
    "t112"."_re_m_seniority",
    "t112"."_re_m_company_size",
    "t112"."_re_m_company_size_small",
    "t112"."_re_m_target_industry",
    "t112"."_re_m_served_country",
    "t112"."_re_m_enterprise_seniority",
    "t112"."_re_m_enterprise_enterprise_size",
    "t112"."_re_m_personal_email",
    "t112"."_re_m_intern_or_student",
    "t112"."_re_m_unserved_country",
    "t112"."_re_m_tiny_company",
    "t112"."_re_m_demo_request",
    "t112"."_re_m_pricing_page",
    "t112"."_re_m_comparison_site",
    "t112"."_re_m_case_study",
    "t112"."_re_m_webinar",
    "t112"."_re_m_blog",
    "t112"."_re_m_email_click",
    "t112"."_re_m_executive_hire",
    "t112"."_re_m_funding",
    "t112"."_re_m_strategic_hiring",
    "t112"."_re_m_filing_language",
    "t112"."_re_m_expansion",
    "t112"."_re_m_cap_fit",
    "t112"."_re_m_cap_intent",
    "t112"."_re_m_cap_signal",
    "t112"."_re_m_cap_negative",
    "t112"."_re_k_seniority",
    "t112"."_re_k_company_size",
    "t112"."_re_k_company_size_small",
    "t112"."_re_k_target_industry",
    "t112"."_re_k_served_country",
    "t112"."_re_k_enterprise_seniority",
    "t112"."_re_k_enterprise_enterprise_size",
    "t112"."_re_k_personal_email",
    "t112"."_re_k_intern_or_student",
    "t112"."_re_k_unserved_country",
    "t112"."_re_k_tiny_company",
    "t112"."_re_k_demo_request",
    "t112"."_re_k_pricing_page",
    "t112"."_re_k_comparison_site",
    "t112"."_re_k_case_study",
    "t112"."_re_k_webinar",
    "t112"."_re_k_blog",
    "t112"."_re_k_email_click",
    "t112"."_re_k_executive_hire",
    "t112"."_re_k_funding",
    "t112"."_re_k_strategic_hiring",
    "t112"."_re_k_filing_language",
    "t112"."_re_k_expansion",
    "t112"."_re_k_cap_fit",
    "t112"."_re_k_cap_intent",
    "t112"."_re_k_cap_signal",
    "t112"."_re_k_cap_negative",
    "t112"."_re_s0",
    CASE
      WHEN "t112"."_re_k_seniority" = "t112"."_re_s0"
      THEN "t112"."_re_m_seniority"
      WHEN "t112"."_re_k_company_size" = "t112"."_re_s0"
      THEN "t112"."_re_m_company_size"
      WHEN "t112"."_re_k_company_size_small" = "t112"."_re_s0"
      THEN "t112"."_re_m_company_size_small"
      WHEN "t112"."_re_k_target_industry" = "t112"."_re_s0"
      THEN "t112"."_re_m_target_industry"
      WHEN "t112"."_re_k_served_country" = "t112"."_re_s0"
      THEN "t112"."_re_m_served_country"
      WHEN "t112"."_re_k_enterprise_seniority" = "t112"."_re_s0"
      THEN "t112"."_re_m_enterprise_seniority"
      WHEN "t112"."_re_k_enterprise_enterprise_size" = "t112"."_re_s0"
      THEN "t112"."_re_m_enterprise_enterprise_size"
      WHEN "t112"."_re_k_personal_email" = "t112"."_re_s0"
      THEN "t112"."_re_m_personal_email"
      WHEN "t112"."_re_k_intern_or_student" = "t112"."_re_s0"
      THEN "t112"."_re_m_intern_or_student"
      WHEN "t112"."_re_k_unserved_country" = "t112"."_re_s0"
      THEN "t112"."_re_m_unserved_country"
      WHEN "t112"."_re_k_tiny_company" = "t112"."_re_s0"
      THEN "t112"."_re_m_tiny_company"
      WHEN "t112"."_re_k_demo_request" = "t112"."_re_s0"
      THEN "t112"."_re_m_demo_request"
      WHEN "t112"."_re_k_pricing_page" = "t112"."_re_s0"
      THEN "t112"."_re_m_pricing_page"
      WHEN "t112"."_re_k_comparison_site" = "t112"."_re_s0"
      THEN "t112"."_re_m_comparison_site"
      WHEN "t112"."_re_k_case_study" = "t112"."_re_s0"
      THEN "t112"."_re_m_case_study"
      WHEN "t112"."_re_k_webinar" = "t112"."_re_s0"
      THEN "t112"."_re_m_webinar"
      WHEN "t112"."_re_k_blog" = "t112"."_re_s0"
      THEN "t112"."_re_m_blog"
      WHEN "t112"."_re_k_email_click" = "t112"."_re_s0"
      THEN "t112"."_re_m_email_click"
      WHEN "t112"."_re_k_executive_hire" = "t112"."_re_s0"
      THEN "t112"."_re_m_executive_hire"
      WHEN "t112"."_re_k_funding" = "t112"."_re_s0"
      THEN "t112"."_re_m_funding"
      WHEN "t112"."_re_k_strategic_hiring" = "t112"."_re_s0"
      THEN "t112"."_re_m_strategic_hiring"
      WHEN "t112"."_re_k_filing_language" = "t112"."_re_s0"
      THEN "t112"."_re_m_filing_language"
      WHEN "t112"."_re_k_expansion" = "t112"."_re_s0"
      THEN "t112"."_re_m_expansion"
      WHEN "t112"."_re_k_cap_fit" = "t112"."_re_s0"
      THEN "t112"."_re_m_cap_fit"
      WHEN "t112"."_re_k_cap_intent" = "t112"."_re_s0"
      THEN "t112"."_re_m_cap_intent"
      WHEN "t112"."_re_k_cap_signal" = "t112"."_re_s0"
      THEN "t112"."_re_m_cap_signal"
      WHEN "t112"."_re_k_cap_negative" = "t112"."_re_s0"
      THEN "t112"."_re_m_cap_negative"
      ELSE 0
    END AS "_re_v0",
    CASE
      WHEN "t112"."_re_k_seniority" = "t112"."_re_s0"
      THEN 'seniority'
      WHEN "t112"."_re_k_company_size" = "t112"."_re_s0"
      THEN 'company_size'
      WHEN "t112"."_re_k_company_size_small" = "t112"."_re_s0"
      THEN 'company_size_small'
      WHEN "t112"."_re_k_target_industry" = "t112"."_re_s0"
      THEN 'target_industry'
      WHEN "t112"."_re_k_served_country" = "t112"."_re_s0"
      THEN 'served_country'
      WHEN "t112"."_re_k_enterprise_seniority" = "t112"."_re_s0"
      THEN 'enterprise.seniority'
      WHEN "t112"."_re_k_enterprise_enterprise_size" = "t112"."_re_s0"
      THEN 'enterprise.enterprise_size'
      WHEN "t112"."_re_k_personal_email" = "t112"."_re_s0"
      THEN 'personal_email'
      WHEN "t112"."_re_k_intern_or_student" = "t112"."_re_s0"
      THEN 'intern_or_student'
      WHEN "t112"."_re_k_unserved_country" = "t112"."_re_s0"
      THEN 'unserved_country'
      WHEN "t112"."_re_k_tiny_company" = "t112"."_re_s0"
      THEN 'tiny_company'
      WHEN "t112"."_re_k_demo_request" = "t112"."_re_s0"
      THEN 'demo_request'
      WHEN "t112"."_re_k_pricing_page" = "t112"."_re_s0"
      THEN 'pricing_page'
      WHEN "t112"."_re_k_comparison_site" = "t112"."_re_s0"
      THEN 'comparison_site'
      WHEN "t112"."_re_k_case_study" = "t112"."_re_s0"
      THEN 'case_study'
      WHEN "t112"."_re_k_webinar" = "t112"."_re_s0"
      THEN 'webinar'
      WHEN "t112"."_re_k_blog" = "t112"."_re_s0"
      THEN 'blog'
      WHEN "t112"."_re_k_email_click" = "t112"."_re_s0"
      THEN 'email_click'
      WHEN "t112"."_re_k_executive_hire" = "t112"."_re_s0"
      THEN 'signal:executive_hire'
      WHEN "t112"."_re_k_funding" = "t112"."_re_s0"
      THEN 'signal:funding'
      WHEN "t112"."_re_k_strategic_hiring" = "t112"."_re_s0"
      THEN 'signal:strategic_hiring'
      WHEN "t112"."_re_k_filing_language" = "t112"."_re_s0"
      THEN 'signal:filing_language'
      WHEN "t112"."_re_k_expansion" = "t112"."_re_s0"
      THEN 'signal:expansion'
      WHEN "t112"."_re_k_cap_fit" = "t112"."_re_s0"
      THEN 'cap:fit'
      WHEN "t112"."_re_k_cap_intent" = "t112"."_re_s0"
      THEN 'cap:intent'
      WHEN "t112"."_re_k_cap_signal" = "t112"."_re_s0"
      THEN 'cap:signal'
      WHEN "t112"."_re_k_cap_negative" = "t112"."_re_s0"
      THEN 'cap:negative'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_re_n0"
  FROM (
    SELECT
      "t111"."lead_id",
      "t111"."email",
      "t111"."first_name",
      "t111"."last_name",
      "t111"."title",
      "t111"."company",
      "t111"."lead_source",
      "t111"."owner",
      "t111"."created_at",
      "t111"."_n_country",
      "t111"."_n_email",
      "t111"."_n_industry",
      "t111"."_n_lifecycle_stage",
      "t111"."segment",
      "t111"."_signal",
      "t111"."_signal_age",
      "t111"."_u_fit_score",
      "t111"."_u_intent_score",
      "t111"."_u_signal_score",
      "t111"."_u_negative_score",
      "t111"."_u_total_score",
      "t111"."_st_v0",
      "t111"."_st_n0",
      "t111"."_re_m_seniority",
      "t111"."_re_m_company_size",
      "t111"."_re_m_company_size_small",
      "t111"."_re_m_target_industry",
      "t111"."_re_m_served_country",
      "t111"."_re_m_enterprise_seniority",
      "t111"."_re_m_enterprise_enterprise_size",
      "t111"."_re_m_personal_email",
      "t111"."_re_m_intern_or_student",
      "t111"."_re_m_unserved_country",
      "t111"."_re_m_tiny_company",
      "t111"."_re_m_demo_request",
      "t111"."_re_m_pricing_page",
      "t111"."_re_m_comparison_site",
      "t111"."_re_m_case_study",
      "t111"."_re_m_webinar",
      "t111"."_re_m_blog",
      "t111"."_re_m_email_click",
      "t111"."_re_m_executive_hire",
      "t111"."_re_m_funding",
      "t111"."_re_m_strategic_hiring",
      "t111"."_re_m_filing_language",
      "t111"."_re_m_expansion",
      "t111"."_re_m_cap_fit",
      "t111"."_re_m_cap_intent",
      "t111"."_re_m_cap_signal",
      "t111"."_re_m_cap_negative",
      "t111"."_re_k_seniority",
      "t111"."_re_k_company_size",
      "t111"."_re_k_company_size_small",
      "t111"."_re_k_target_industry",
      "t111"."_re_k_served_country",
      "t111"."_re_k_enterprise_seniority",
      "t111"."_re_k_enterprise_enterprise_size",
      "t111"."_re_k_personal_email",
      "t111"."_re_k_intern_or_student",
      "t111"."_re_k_unserved_country",
      "t111"."_re_k_tiny_company",
      "t111"."_re_k_demo_request",
      "t111"."_re_k_pricing_page",
      "t111"."_re_k_comparison_site",
      "t111"."_re_k_case_study",
      "t111"."_re_k_webinar",
      "t111"."_re_k_blog",
      "t111"."_re_k_email_click",
      "t111"."_re_k_executive_hire",
      "t111"."_re_k_funding",
      "t111"."_re_k_strategic_hiring",
      "t111"."_re_k_filing_language",
      "t111"."_re_k_expansion",
      "t111"."_re_k_cap_fit",
      "t111"."_re_k_cap_intent",
      "t111"."_re_k_cap_signal",
      "t111"."_re_k_cap_negative",
      GREATEST(
        "t111"."_re_k_seniority",
        "t111"."_re_k_company_size",
        "t111"."_re_k_company_size_small",
        "t111"."_re_k_target_industry",
        "t111"."_re_k_served_country",
        "t111"."_re_k_enterprise_seniority",
        "t111"."_re_k_enterprise_enterprise_size",
        "t111"."_re_k_personal_email",
        "t111"."_re_k_intern_or_student",
        "t111"."_re_k_unserved_country",
        "t111"."_re_k_tiny_company",
        "t111"."_re_k_demo_request",
        "t111"."_re_k_pricing_page",
        "t111"."_re_k_comparison_site",
        "t111"."_re_k_case_study",
        "t111"."_re_k_webinar",
        "t111"."_re_k_blog",
        "t111"."_re_k_email_click",
        "t111"."_re_k_executive_hire",
        "t111"."_re_k_funding",
        "t111"."_re_k_strategic_hiring",
        "t111"."_re_k_filing_language",
        "t111"."_re_k_expansion",
        "t111"."_re_k_cap_fit",
        "t111"."_re_k_cap_intent",
        "t111"."_re_k_cap_signal",
        "t111"."_re_k_cap_negative"
      ) AS "_re_s0"
    FROM "revq_reason_keys" AS "t111"
  ) AS "t112"
), "revq_reason_2" AS (
  /* top reasons: place 2 */
  SELECT
    "t115"."lead_id",
    "t115"."email",
    "t115"."first_name",
    "t115"."last_name",
    "t115"."title",
    "t115"."company",
    "t115"."lead_source",
    "t115"."owner",
    "t115"."created_at",
    "t115"."_n_country",
    "t115"."_n_email",
    "t115"."_n_industry",
    "t115"."_n_lifecycle_stage",
    "t115"."segment",
    "t115"."_signal",
    "t115"."_signal_age",
    "t115"."_u_fit_score",
    "t115"."_u_intent_score",
    "t115"."_u_signal_score",
    "t115"."_u_negative_score",
    "t115"."_u_total_score",
    "t115"."_st_v0",
    "t115"."_st_n0",
    "t115"."_re_m_seniority",
    "t115"."_re_m_company_size",
    "t115"."_re_m_company_size_small",
    "t115"."_re_m_target_industry",
    "t115"."_re_m_served_country",
    "t115"."_re_m_enterprise_seniority",
    "t115"."_re_m_enterprise_enterprise_size",
    "t115"."_re_m_personal_email",
    "t115"."_re_m_intern_or_student",
    "t115"."_re_m_unserved_country",
    "t115"."_re_m_tiny_company",
    "t115"."_re_m_demo_request",
    "t115"."_re_m_pricing_page",
    "t115"."_re_m_comparison_site",
    "t115"."_re_m_case_study",
    "t115"."_re_m_webinar",
    "t115"."_re_m_blog",
    "t115"."_re_m_email_click",
    "t115"."_re_m_executive_hire",
    "t115"."_re_m_funding",
    "t115"."_re_m_strategic_hiring",
    "t115"."_re_m_filing_language",
    "t115"."_re_m_expansion",
    "t115"."_re_m_cap_fit",
    "t115"."_re_m_cap_intent",
    "t115"."_re_m_cap_signal",
    "t115"."_re_m_cap_negative",
    "t115"."_re_k_seniority",
    "t115"."_re_k_company_size",
    "t115"."_re_k_company_size_small",
    "t115"."_re_k_target_industry",
    "t115"."_re_k_served_country",
    "t115"."_re_k_enterprise_seniority",
    "t115"."_re_k_enterprise_enterprise_size",
    "t115"."_re_k_personal_email",
    "t115"."_re_k_intern_or_student",
    "t115"."_re_k_unserved_country",
    "t115"."_re_k_tiny_company",
    "t115"."_re_k_demo_request",
    "t115"."_re_k_pricing_page",
    "t115"."_re_k_comparison_site",
    "t115"."_re_k_case_study",
    "t115"."_re_k_webinar",
    "t115"."_re_k_blog",
    "t115"."_re_k_email_click",
    "t115"."_re_k_executive_hire",
    "t115"."_re_k_funding",
    "t115"."_re_k_strategic_hiring",
    "t115"."_re_k_filing_language",
    "t115"."_re_k_expansion",
    "t115"."_re_k_cap_fit",
    "t115"."_re_k_cap_intent",
    "t115"."_re_k_cap_signal",
    "t115"."_re_k_cap_negative",
    "t115"."_re_v0",
    "t115"."_re_n0",
    "t115"."_re_s1",
    CASE
      WHEN "t115"."_re_k_seniority" = "t115"."_re_s1"
      THEN "t115"."_re_m_seniority"
      WHEN "t115"."_re_k_company_size" = "t115"."_re_s1"
      THEN "t115"."_re_m_company_size"
      WHEN "t115"."_re_k_company_size_small" = "t115"."_re_s1"
      THEN "t115"."_re_m_company_size_small"
      WHEN "t115"."_re_k_target_industry" = "t115"."_re_s1"
      THEN "t115"."_re_m_target_industry"
      WHEN "t115"."_re_k_served_country" = "t115"."_re_s1"
      THEN "t115"."_re_m_served_country"
      WHEN "t115"."_re_k_enterprise_seniority" = "t115"."_re_s1"
      THEN "t115"."_re_m_enterprise_seniority"
      WHEN "t115"."_re_k_enterprise_enterprise_size" = "t115"."_re_s1"
      THEN "t115"."_re_m_enterprise_enterprise_size"
      WHEN "t115"."_re_k_personal_email" = "t115"."_re_s1"
      THEN "t115"."_re_m_personal_email"
      WHEN "t115"."_re_k_intern_or_student" = "t115"."_re_s1"
      THEN "t115"."_re_m_intern_or_student"
      WHEN "t115"."_re_k_unserved_country" = "t115"."_re_s1"
      THEN "t115"."_re_m_unserved_country"
      WHEN "t115"."_re_k_tiny_company" = "t115"."_re_s1"
      THEN "t115"."_re_m_tiny_company"
      WHEN "t115"."_re_k_demo_request" = "t115"."_re_s1"
      THEN "t115"."_re_m_demo_request"
      WHEN "t115"."_re_k_pricing_page" = "t115"."_re_s1"
      THEN "t115"."_re_m_pricing_page"
      WHEN "t115"."_re_k_comparison_site" = "t115"."_re_s1"
      THEN "t115"."_re_m_comparison_site"
      WHEN "t115"."_re_k_case_study" = "t115"."_re_s1"
      THEN "t115"."_re_m_case_study"
      WHEN "t115"."_re_k_webinar" = "t115"."_re_s1"
      THEN "t115"."_re_m_webinar"
      WHEN "t115"."_re_k_blog" = "t115"."_re_s1"
      THEN "t115"."_re_m_blog"
      WHEN "t115"."_re_k_email_click" = "t115"."_re_s1"
      THEN "t115"."_re_m_email_click"
      WHEN "t115"."_re_k_executive_hire" = "t115"."_re_s1"
      THEN "t115"."_re_m_executive_hire"
      WHEN "t115"."_re_k_funding" = "t115"."_re_s1"
      THEN "t115"."_re_m_funding"
      WHEN "t115"."_re_k_strategic_hiring" = "t115"."_re_s1"
      THEN "t115"."_re_m_strategic_hiring"
      WHEN "t115"."_re_k_filing_language" = "t115"."_re_s1"
      THEN "t115"."_re_m_filing_language"
      WHEN "t115"."_re_k_expansion" = "t115"."_re_s1"
      THEN "t115"."_re_m_expansion"
      WHEN "t115"."_re_k_cap_fit" = "t115"."_re_s1"
      THEN "t115"."_re_m_cap_fit"
      WHEN "t115"."_re_k_cap_intent" = "t115"."_re_s1"
      THEN "t115"."_re_m_cap_intent"
      WHEN "t115"."_re_k_cap_signal" = "t115"."_re_s1"
      THEN "t115"."_re_m_cap_signal"
      WHEN "t115"."_re_k_cap_negative" = "t115"."_re_s1"
      THEN "t115"."_re_m_cap_negative"
      ELSE 0
    END AS "_re_v1",
    CASE
      WHEN "t115"."_re_k_seniority" = "t115"."_re_s1"
      THEN 'seniority'
      WHEN "t115"."_re_k_company_size" = "t115"."_re_s1"
      THEN 'company_size'
      WHEN "t115"."_re_k_company_size_small" = "t115"."_re_s1"
      THEN 'company_size_small'
      WHEN "t115"."_re_k_target_industry" = "t115"."_re_s1"
      THEN 'target_industry'
      WHEN "t115"."_re_k_served_country" = "t115"."_re_s1"
      THEN 'served_country'
      WHEN "t115"."_re_k_enterprise_seniority" = "t115"."_re_s1"
      THEN 'enterprise.seniority'
      WHEN "t115"."_re_k_enterprise_enterprise_size" = "t115"."_re_s1"
      THEN 'enterprise.enterprise_size'
      WHEN "t115"."_re_k_personal_email" = "t115"."_re_s1"
      THEN 'personal_email'
      WHEN "t115"."_re_k_intern_or_student" = "t115"."_re_s1"
      THEN 'intern_or_student'
      WHEN "t115"."_re_k_unserved_country" = "t115"."_re_s1"
      THEN 'unserved_country'
      WHEN "t115"."_re_k_tiny_company" = "t115"."_re_s1"
      THEN 'tiny_company'
      WHEN "t115"."_re_k_demo_request" = "t115"."_re_s1"
      THEN 'demo_request'
      WHEN "t115"."_re_k_pricing_page" = "t115"."_re_s1"
      THEN 'pricing_page'
      WHEN "t115"."_re_k_comparison_site" = "t115"."_re_s1"
      THEN 'comparison_site'
      WHEN "t115"."_re_k_case_study" = "t115"."_re_s1"
      THEN 'case_study'
      WHEN "t115"."_re_k_webinar" = "t115"."_re_s1"
      THEN 'webinar'
      WHEN "t115"."_re_k_blog" = "t115"."_re_s1"
      THEN 'blog'
      WHEN "t115"."_re_k_email_click" = "t115"."_re_s1"
      THEN 'email_click'
      WHEN "t115"."_re_k_executive_hire" = "t115"."_re_s1"
      THEN 'signal:executive_hire'
      WHEN "t115"."_re_k_funding" = "t115"."_re_s1"
      THEN 'signal:funding'
      WHEN "t115"."_re_k_strategic_hiring" = "t115"."_re_s1"
      THEN 'signal:strategic_hiring'
      WHEN "t115"."_re_k_filing_language" = "t115"."_re_s1"
      THEN 'signal:filing_language'
      WHEN "t115"."_re_k_expansion" = "t115"."_re_s1"
      THEN 'signal:expansion'
      WHEN "t115"."_re_k_cap_fit" = "t115"."_re_s1"
      THEN 'cap:fit'
      WHEN "t115"."_re_k_cap_intent" = "t115"."_re_s1"
      THEN 'cap:intent'
      WHEN "t115"."_re_k_cap_signal" = "t115"."_re_s1"
      THEN 'cap:signal'
      WHEN "t115"."_re_k_cap_negative" = "t115"."_re_s1"
      THEN 'cap:negative'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_re_n1"
  FROM (
    SELECT
      "t114"."lead_id",
      "t114"."email",
      "t114"."first_name",
      "t114"."last_name",
      "t114"."title",
      "t114"."company",
      "t114"."lead_source",
      "t114"."owner",
      "t114"."created_at",
      "t114"."_n_country",
      "t114"."_n_email",
      "t114"."_n_industry",
      "t114"."_n_lifecycle_stage",
      "t114"."segment",
      "t114"."_signal",
      "t114"."_signal_age",
      "t114"."_u_fit_score",
      "t114"."_u_intent_score",
      "t114"."_u_signal_score",
      "t114"."_u_negative_score",
      "t114"."_u_total_score",
      "t114"."_st_v0",
      "t114"."_st_n0",
      "t114"."_re_m_seniority",
      "t114"."_re_m_company_size",
      "t114"."_re_m_company_size_small",
      "t114"."_re_m_target_industry",
      "t114"."_re_m_served_country",
      "t114"."_re_m_enterprise_seniority",
      "t114"."_re_m_enterprise_enterprise_size",
      "t114"."_re_m_personal_email",
      "t114"."_re_m_intern_or_student",
      "t114"."_re_m_unserved_country",
      "t114"."_re_m_tiny_company",
      "t114"."_re_m_demo_request",
      "t114"."_re_m_pricing_page",
      "t114"."_re_m_comparison_site",
      "t114"."_re_m_case_study",
      "t114"."_re_m_webinar",
      "t114"."_re_m_blog",
      "t114"."_re_m_email_click",
      "t114"."_re_m_executive_hire",
      "t114"."_re_m_funding",
      "t114"."_re_m_strategic_hiring",
      "t114"."_re_m_filing_language",
      "t114"."_re_m_expansion",
      "t114"."_re_m_cap_fit",
      "t114"."_re_m_cap_intent",
      "t114"."_re_m_cap_signal",
      "t114"."_re_m_cap_negative",
      "t114"."_re_k_seniority",
      "t114"."_re_k_company_size",
      "t114"."_re_k_company_size_small",
      "t114"."_re_k_target_industry",
      "t114"."_re_k_served_country",
      "t114"."_re_k_enterprise_seniority",
      "t114"."_re_k_enterprise_enterprise_size",
      "t114"."_re_k_personal_email",
      "t114"."_re_k_intern_or_student",
      "t114"."_re_k_unserved_country",
      "t114"."_re_k_tiny_company",
      "t114"."_re_k_demo_request",
      "t114"."_re_k_pricing_page",
      "t114"."_re_k_comparison_site",
      "t114"."_re_k_case_study",
      "t114"."_re_k_webinar",
      "t114"."_re_k_blog",
      "t114"."_re_k_email_click",
      "t114"."_re_k_executive_hire",
      "t114"."_re_k_funding",
      "t114"."_re_k_strategic_hiring",
      "t114"."_re_k_filing_language",
      "t114"."_re_k_expansion",
      "t114"."_re_k_cap_fit",
      "t114"."_re_k_cap_intent",
      "t114"."_re_k_cap_signal",
      "t114"."_re_k_cap_negative",
      "t114"."_re_v0",
      "t114"."_re_n0",
      GREATEST(
        IFF("t114"."_re_k_seniority" < "t114"."_re_s0", "t114"."_re_k_seniority", 0),
        IFF("t114"."_re_k_company_size" < "t114"."_re_s0", "t114"."_re_k_company_size", 0),
        IFF("t114"."_re_k_company_size_small" < "t114"."_re_s0", "t114"."_re_k_company_size_small", 0),
        IFF("t114"."_re_k_target_industry" < "t114"."_re_s0", "t114"."_re_k_target_industry", 0),
        IFF("t114"."_re_k_served_country" < "t114"."_re_s0", "t114"."_re_k_served_country", 0),
        IFF("t114"."_re_k_enterprise_seniority" < "t114"."_re_s0", "t114"."_re_k_enterprise_seniority", 0),
        IFF(
          "t114"."_re_k_enterprise_enterprise_size" < "t114"."_re_s0",
          "t114"."_re_k_enterprise_enterprise_size",
          0
        ),
        IFF("t114"."_re_k_personal_email" < "t114"."_re_s0", "t114"."_re_k_personal_email", 0),
        IFF("t114"."_re_k_intern_or_student" < "t114"."_re_s0", "t114"."_re_k_intern_or_student", 0),
        IFF("t114"."_re_k_unserved_country" < "t114"."_re_s0", "t114"."_re_k_unserved_country", 0),
        IFF("t114"."_re_k_tiny_company" < "t114"."_re_s0", "t114"."_re_k_tiny_company", 0),
        IFF("t114"."_re_k_demo_request" < "t114"."_re_s0", "t114"."_re_k_demo_request", 0),
        IFF("t114"."_re_k_pricing_page" < "t114"."_re_s0", "t114"."_re_k_pricing_page", 0),
        IFF("t114"."_re_k_comparison_site" < "t114"."_re_s0", "t114"."_re_k_comparison_site", 0),
        IFF("t114"."_re_k_case_study" < "t114"."_re_s0", "t114"."_re_k_case_study", 0),
        IFF("t114"."_re_k_webinar" < "t114"."_re_s0", "t114"."_re_k_webinar", 0),
        IFF("t114"."_re_k_blog" < "t114"."_re_s0", "t114"."_re_k_blog", 0),
        IFF("t114"."_re_k_email_click" < "t114"."_re_s0", "t114"."_re_k_email_click", 0),
        IFF("t114"."_re_k_executive_hire" < "t114"."_re_s0", "t114"."_re_k_executive_hire", 0),
        IFF("t114"."_re_k_funding" < "t114"."_re_s0", "t114"."_re_k_funding", 0),
        IFF("t114"."_re_k_strategic_hiring" < "t114"."_re_s0", "t114"."_re_k_strategic_hiring", 0),
        IFF("t114"."_re_k_filing_language" < "t114"."_re_s0", "t114"."_re_k_filing_language", 0),
        IFF("t114"."_re_k_expansion" < "t114"."_re_s0", "t114"."_re_k_expansion", 0),
        IFF("t114"."_re_k_cap_fit" < "t114"."_re_s0", "t114"."_re_k_cap_fit", 0),
        IFF("t114"."_re_k_cap_intent" < "t114"."_re_s0", "t114"."_re_k_cap_intent", 0),
        IFF("t114"."_re_k_cap_signal" < "t114"."_re_s0", "t114"."_re_k_cap_signal", 0),
        IFF("t114"."_re_k_cap_negative" < "t114"."_re_s0", "t114"."_re_k_cap_negative", 0)
      ) AS "_re_s1"
    FROM "revq_reason_1" AS "t114"
  ) AS "t115"
), "revq_reason_3" AS (
  /* top reasons: place 3 */
  SELECT
    "t118"."lead_id",
    "t118"."email",
    "t118"."first_name",
    "t118"."last_name",
    "t118"."title",
    "t118"."company",
    "t118"."lead_source",
    "t118"."owner",
    "t118"."created_at",
    "t118"."_n_country",
    "t118"."_n_email",
    "t118"."_n_industry",
    "t118"."_n_lifecycle_stage",
    "t118"."segment",
    "t118"."_signal",
    "t118"."_signal_age",
    "t118"."_u_fit_score",
    "t118"."_u_intent_score",
    "t118"."_u_signal_score",
    "t118"."_u_negative_score",
    "t118"."_u_total_score",
    "t118"."_st_v0",
    "t118"."_st_n0",
    "t118"."_re_v0",
    "t118"."_re_n0",
    "t118"."_re_v1",
    "t118"."_re_n1",
    CASE
      WHEN "t118"."_re_k_seniority" = "t118"."_re_s2"
      THEN "t118"."_re_m_seniority"
      WHEN "t118"."_re_k_company_size" = "t118"."_re_s2"
      THEN "t118"."_re_m_company_size"
      WHEN "t118"."_re_k_company_size_small" = "t118"."_re_s2"
      THEN "t118"."_re_m_company_size_small"
      WHEN "t118"."_re_k_target_industry" = "t118"."_re_s2"
      THEN "t118"."_re_m_target_industry"
      WHEN "t118"."_re_k_served_country" = "t118"."_re_s2"
      THEN "t118"."_re_m_served_country"
      WHEN "t118"."_re_k_enterprise_seniority" = "t118"."_re_s2"
      THEN "t118"."_re_m_enterprise_seniority"
      WHEN "t118"."_re_k_enterprise_enterprise_size" = "t118"."_re_s2"
      THEN "t118"."_re_m_enterprise_enterprise_size"
      WHEN "t118"."_re_k_personal_email" = "t118"."_re_s2"
      THEN "t118"."_re_m_personal_email"
      WHEN "t118"."_re_k_intern_or_student" = "t118"."_re_s2"
      THEN "t118"."_re_m_intern_or_student"
      WHEN "t118"."_re_k_unserved_country" = "t118"."_re_s2"
      THEN "t118"."_re_m_unserved_country"
      WHEN "t118"."_re_k_tiny_company" = "t118"."_re_s2"
      THEN "t118"."_re_m_tiny_company"
      WHEN "t118"."_re_k_demo_request" = "t118"."_re_s2"
      THEN "t118"."_re_m_demo_request"
      WHEN "t118"."_re_k_pricing_page" = "t118"."_re_s2"
      THEN "t118"."_re_m_pricing_page"
      WHEN "t118"."_re_k_comparison_site" = "t118"."_re_s2"
      THEN "t118"."_re_m_comparison_site"
      WHEN "t118"."_re_k_case_study" = "t118"."_re_s2"
      THEN "t118"."_re_m_case_study"
      WHEN "t118"."_re_k_webinar" = "t118"."_re_s2"
      THEN "t118"."_re_m_webinar"
      WHEN "t118"."_re_k_blog" = "t118"."_re_s2"
      THEN "t118"."_re_m_blog"
      WHEN "t118"."_re_k_email_click" = "t118"."_re_s2"
      THEN "t118"."_re_m_email_click"
      WHEN "t118"."_re_k_executive_hire" = "t118"."_re_s2"
      THEN "t118"."_re_m_executive_hire"
      WHEN "t118"."_re_k_funding" = "t118"."_re_s2"
      THEN "t118"."_re_m_funding"
      WHEN "t118"."_re_k_strategic_hiring" = "t118"."_re_s2"
      THEN "t118"."_re_m_strategic_hiring"
      WHEN "t118"."_re_k_filing_language" = "t118"."_re_s2"
      THEN "t118"."_re_m_filing_language"
      WHEN "t118"."_re_k_expansion" = "t118"."_re_s2"
      THEN "t118"."_re_m_expansion"
      WHEN "t118"."_re_k_cap_fit" = "t118"."_re_s2"
      THEN "t118"."_re_m_cap_fit"
      WHEN "t118"."_re_k_cap_intent" = "t118"."_re_s2"
      THEN "t118"."_re_m_cap_intent"
      WHEN "t118"."_re_k_cap_signal" = "t118"."_re_s2"
      THEN "t118"."_re_m_cap_signal"
      WHEN "t118"."_re_k_cap_negative" = "t118"."_re_s2"
      THEN "t118"."_re_m_cap_negative"
      ELSE 0
    END AS "_re_v2",
    CASE
      WHEN "t118"."_re_k_seniority" = "t118"."_re_s2"
      THEN 'seniority'
      WHEN "t118"."_re_k_company_size" = "t118"."_re_s2"
      THEN 'company_size'
      WHEN "t118"."_re_k_company_size_small" = "t118"."_re_s2"
      THEN 'company_size_small'
      WHEN "t118"."_re_k_target_industry" = "t118"."_re_s2"
      THEN 'target_industry'
      WHEN "t118"."_re_k_served_country" = "t118"."_re_s2"
      THEN 'served_country'
      WHEN "t118"."_re_k_enterprise_seniority" = "t118"."_re_s2"
      THEN 'enterprise.seniority'
      WHEN "t118"."_re_k_enterprise_enterprise_size" = "t118"."_re_s2"
      THEN 'enterprise.enterprise_size'
      WHEN "t118"."_re_k_personal_email" = "t118"."_re_s2"
      THEN 'personal_email'
      WHEN "t118"."_re_k_intern_or_student" = "t118"."_re_s2"
      THEN 'intern_or_student'
      WHEN "t118"."_re_k_unserved_country" = "t118"."_re_s2"
      THEN 'unserved_country'
      WHEN "t118"."_re_k_tiny_company" = "t118"."_re_s2"
      THEN 'tiny_company'
      WHEN "t118"."_re_k_demo_request" = "t118"."_re_s2"
      THEN 'demo_request'
      WHEN "t118"."_re_k_pricing_page" = "t118"."_re_s2"
      THEN 'pricing_page'
      WHEN "t118"."_re_k_comparison_site" = "t118"."_re_s2"
      THEN 'comparison_site'
      WHEN "t118"."_re_k_case_study" = "t118"."_re_s2"
      THEN 'case_study'
      WHEN "t118"."_re_k_webinar" = "t118"."_re_s2"
      THEN 'webinar'
      WHEN "t118"."_re_k_blog" = "t118"."_re_s2"
      THEN 'blog'
      WHEN "t118"."_re_k_email_click" = "t118"."_re_s2"
      THEN 'email_click'
      WHEN "t118"."_re_k_executive_hire" = "t118"."_re_s2"
      THEN 'signal:executive_hire'
      WHEN "t118"."_re_k_funding" = "t118"."_re_s2"
      THEN 'signal:funding'
      WHEN "t118"."_re_k_strategic_hiring" = "t118"."_re_s2"
      THEN 'signal:strategic_hiring'
      WHEN "t118"."_re_k_filing_language" = "t118"."_re_s2"
      THEN 'signal:filing_language'
      WHEN "t118"."_re_k_expansion" = "t118"."_re_s2"
      THEN 'signal:expansion'
      WHEN "t118"."_re_k_cap_fit" = "t118"."_re_s2"
      THEN 'cap:fit'
      WHEN "t118"."_re_k_cap_intent" = "t118"."_re_s2"
      THEN 'cap:intent'
      WHEN "t118"."_re_k_cap_signal" = "t118"."_re_s2"
      THEN 'cap:signal'
      WHEN "t118"."_re_k_cap_negative" = "t118"."_re_s2"
      THEN 'cap:negative'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_re_n2"
  FROM (
    SELECT
      "t117"."lead_id",
      "t117"."email",
      "t117"."first_name",
      "t117"."last_name",
      "t117"."title",
      "t117"."company",
      "t117"."lead_source",
      "t117"."owner",
      "t117"."created_at",
      "t117"."_n_country",
      "t117"."_n_email",
      "t117"."_n_industry",
      "t117"."_n_lifecycle_stage",
      "t117"."segment",
      "t117"."_signal",
      "t117"."_signal_age",
      "t117"."_u_fit_score",
      "t117"."_u_intent_score",
      "t117"."_u_signal_score",
      "t117"."_u_negative_score",
      "t117"."_u_total_score",
      "t117"."_st_v0",
      "t117"."_st_n0",
      "t117"."_re_m_seniority",
      "t117"."_re_m_company_size",
      "t117"."_re_m_company_size_small",
      "t117"."_re_m_target_industry",
      "t117"."_re_m_served_country",
      "t117"."_re_m_enterprise_seniority",
      "t117"."_re_m_enterprise_enterprise_size",
      "t117"."_re_m_personal_email",
      "t117"."_re_m_intern_or_student",
      "t117"."_re_m_unserved_country",
      "t117"."_re_m_tiny_company",
      "t117"."_re_m_demo_request",
      "t117"."_re_m_pricing_page",
      "t117"."_re_m_comparison_site",
      "t117"."_re_m_case_study",
      "t117"."_re_m_webinar",
      "t117"."_re_m_blog",
      "t117"."_re_m_email_click",
      "t117"."_re_m_executive_hire",
      "t117"."_re_m_funding",
      "t117"."_re_m_strategic_hiring",
      "t117"."_re_m_filing_language",
      "t117"."_re_m_expansion",
      "t117"."_re_m_cap_fit",
      "t117"."_re_m_cap_intent",
      "t117"."_re_m_cap_signal",
      "t117"."_re_m_cap_negative",
      "t117"."_re_k_seniority",
      "t117"."_re_k_company_size",
      "t117"."_re_k_company_size_small",
      "t117"."_re_k_target_industry",
      "t117"."_re_k_served_country",
      "t117"."_re_k_enterprise_seniority",
      "t117"."_re_k_enterprise_enterprise_size",
      "t117"."_re_k_personal_email",
      "t117"."_re_k_intern_or_student",
      "t117"."_re_k_unserved_country",
      "t117"."_re_k_tiny_company",
      "t117"."_re_k_demo_request",
      "t117"."_re_k_pricing_page",
      "t117"."_re_k_comparison_site",
      "t117"."_re_k_case_study",
      "t117"."_re_k_webinar",
      "t117"."_re_k_blog",
      "t117"."_re_k_email_click",
      "t117"."_re_k_executive_hire",
      "t117"."_re_k_funding",
      "t117"."_re_k_strategic_hiring",
      "t117"."_re_k_filing_language",
      "t117"."_re_k_expansion",
      "t117"."_re_k_cap_fit",
      "t117"."_re_k_cap_intent",
      "t117"."_re_k_cap_signal",
      "t117"."_re_k_cap_negative",
      "t117"."_re_v0",
      "t117"."_re_n0",
      "t117"."_re_v1",
      "t117"."_re_n1",
      GREATEST(
        IFF("t117"."_re_k_seniority" < "t117"."_re_s1", "t117"."_re_k_seniority", 0),
        IFF("t117"."_re_k_company_size" < "t117"."_re_s1", "t117"."_re_k_company_size", 0),
        IFF("t117"."_re_k_company_size_small" < "t117"."_re_s1", "t117"."_re_k_company_size_small", 0),
        IFF("t117"."_re_k_target_industry" < "t117"."_re_s1", "t117"."_re_k_target_industry", 0),
        IFF("t117"."_re_k_served_country" < "t117"."_re_s1", "t117"."_re_k_served_country", 0),
        IFF("t117"."_re_k_enterprise_seniority" < "t117"."_re_s1", "t117"."_re_k_enterprise_seniority", 0),
        IFF(
          "t117"."_re_k_enterprise_enterprise_size" < "t117"."_re_s1",
          "t117"."_re_k_enterprise_enterprise_size",
          0
        ),
        IFF("t117"."_re_k_personal_email" < "t117"."_re_s1", "t117"."_re_k_personal_email", 0),
        IFF("t117"."_re_k_intern_or_student" < "t117"."_re_s1", "t117"."_re_k_intern_or_student", 0),
        IFF("t117"."_re_k_unserved_country" < "t117"."_re_s1", "t117"."_re_k_unserved_country", 0),
        IFF("t117"."_re_k_tiny_company" < "t117"."_re_s1", "t117"."_re_k_tiny_company", 0),
        IFF("t117"."_re_k_demo_request" < "t117"."_re_s1", "t117"."_re_k_demo_request", 0),
        IFF("t117"."_re_k_pricing_page" < "t117"."_re_s1", "t117"."_re_k_pricing_page", 0),
        IFF("t117"."_re_k_comparison_site" < "t117"."_re_s1", "t117"."_re_k_comparison_site", 0),
        IFF("t117"."_re_k_case_study" < "t117"."_re_s1", "t117"."_re_k_case_study", 0),
        IFF("t117"."_re_k_webinar" < "t117"."_re_s1", "t117"."_re_k_webinar", 0),
        IFF("t117"."_re_k_blog" < "t117"."_re_s1", "t117"."_re_k_blog", 0),
        IFF("t117"."_re_k_email_click" < "t117"."_re_s1", "t117"."_re_k_email_click", 0),
        IFF("t117"."_re_k_executive_hire" < "t117"."_re_s1", "t117"."_re_k_executive_hire", 0),
        IFF("t117"."_re_k_funding" < "t117"."_re_s1", "t117"."_re_k_funding", 0),
        IFF("t117"."_re_k_strategic_hiring" < "t117"."_re_s1", "t117"."_re_k_strategic_hiring", 0),
        IFF("t117"."_re_k_filing_language" < "t117"."_re_s1", "t117"."_re_k_filing_language", 0),
        IFF("t117"."_re_k_expansion" < "t117"."_re_s1", "t117"."_re_k_expansion", 0),
        IFF("t117"."_re_k_cap_fit" < "t117"."_re_s1", "t117"."_re_k_cap_fit", 0),
        IFF("t117"."_re_k_cap_intent" < "t117"."_re_s1", "t117"."_re_k_cap_intent", 0),
        IFF("t117"."_re_k_cap_signal" < "t117"."_re_s1", "t117"."_re_k_cap_signal", 0),
        IFF("t117"."_re_k_cap_negative" < "t117"."_re_s1", "t117"."_re_k_cap_negative", 0)
      ) AS "_re_s2"
    FROM "revq_reason_2" AS "t117"
  ) AS "t118"
), "revq_reasons" AS (
  /* top reasons and why now; scores rounded to two decimals */
  SELECT
    "t120"."lead_id",
    "t120"."email",
    "t120"."first_name",
    "t120"."last_name",
    "t120"."title",
    "t120"."company",
    "t120"."lead_source",
    "t120"."owner",
    "t120"."created_at",
    "t120"."_n_country",
    "t120"."_n_email",
    "t120"."_n_industry",
    "t120"."_n_lifecycle_stage",
    "t120"."segment",
    "t120"."_signal_age",
    IFF(
      "t120"."_re_v0" <> 0,
      CONCAT(
        CONCAT(
          IFF((
            CAST("t120"."_re_v0" AS DOUBLE) * 1e-06
          ) < 0.0, '', '+'),
          CONCAT(
            IFF((
              CAST("t120"."_re_v0" AS DOUBLE) * 1e-06
            ) < 0.0, '-', ''),
            CAST(CAST((
              ABS(
                CAST((
                  (
                    CAST("t120"."_re_v0" AS DOUBLE) * 1e-06 * 10.0
                  ) + 6755399441055744.0
                ) - 6755399441055744.0 AS BIGINT)
              ) - (
                ABS(
                  CAST((
                    (
                      CAST("t120"."_re_v0" AS DOUBLE) * 1e-06 * 10.0
                    ) + 6755399441055744.0
                  ) - 6755399441055744.0 AS BIGINT)
                ) % 10
              )
            ) / 10 AS BIGINT) AS VARCHAR),
            '.',
            CAST(ABS(
              CAST((
                (
                  CAST("t120"."_re_v0" AS DOUBLE) * 1e-06 * 10.0
                ) + 6755399441055744.0
              ) - 6755399441055744.0 AS BIGINT)
            ) % 10 AS VARCHAR)
          ),
          ' ',
          "t120"."_re_n0"
        ),
        IFF(
          "t120"."_re_v1" <> 0,
          CONCAT(
            ', ',
            CONCAT(
              IFF((
                CAST("t120"."_re_v1" AS DOUBLE) * 1e-06
              ) < 0.0, '', '+'),
              CONCAT(
                IFF((
                  CAST("t120"."_re_v1" AS DOUBLE) * 1e-06
                ) < 0.0, '-', ''),
                CAST(CAST((
                  ABS(
                    CAST((
                      (
                        CAST("t120"."_re_v1" AS DOUBLE) * 1e-06 * 10.0
                      ) + 6755399441055744.0
                    ) - 6755399441055744.0 AS BIGINT)
                  ) - (
                    ABS(
                      CAST((
                        (
                          CAST("t120"."_re_v1" AS DOUBLE) * 1e-06 * 10.0
                        ) + 6755399441055744.0
                      ) - 6755399441055744.0 AS BIGINT)
                    ) % 10
                  )
                ) / 10 AS BIGINT) AS VARCHAR),
                '.',
                CAST(ABS(
                  CAST((
                    (
                      CAST("t120"."_re_v1" AS DOUBLE) * 1e-06 * 10.0
                    ) + 6755399441055744.0
                  ) - 6755399441055744.0 AS BIGINT)
                ) % 10 AS VARCHAR)
              ),
              ' ',
              "t120"."_re_n1"
            ),
            IFF(
              "t120"."_re_v2" <> 0,
              CONCAT(
                ', ',
                CONCAT(
                  IFF((
                    CAST("t120"."_re_v2" AS DOUBLE) * 1e-06
                  ) < 0.0, '', '+'),
                  CONCAT(
                    IFF((
                      CAST("t120"."_re_v2" AS DOUBLE) * 1e-06
                    ) < 0.0, '-', ''),
                    CAST(CAST((
                      ABS(
                        CAST((
                          (
                            CAST("t120"."_re_v2" AS DOUBLE) * 1e-06 * 10.0
                          ) + 6755399441055744.0
                        ) - 6755399441055744.0 AS BIGINT)
                      ) - (
                        ABS(
                          CAST((
                            (
                              CAST("t120"."_re_v2" AS DOUBLE) * 1e-06 * 10.0
                            ) + 6755399441055744.0
                          ) - 6755399441055744.0 AS BIGINT)
                        ) % 10
                      )
                    ) / 10 AS BIGINT) AS VARCHAR),
                    '.',
                    CAST(ABS(
                      CAST((
                        (
                          CAST("t120"."_re_v2" AS DOUBLE) * 1e-06 * 10.0
                        ) + 6755399441055744.0
                      ) - 6755399441055744.0 AS BIGINT)
                    ) % 10 AS VARCHAR)
                  ),
                  ' ',
                  "t120"."_re_n2"
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
    COALESCE("t120"."_signal", IFF("t120"."_st_v0" <> 0, "t120"."_st_n0", CAST(NULL AS VARCHAR))) AS "why_now",
    IFF(
      CAST((
        (
          "t120"."_u_fit_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) = 0,
      "t120"."_u_fit_score" * 0.0,
      CAST(CAST((
        (
          "t120"."_u_fit_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) AS DOUBLE) / 100.0
    ) AS "fit_score",
    IFF(
      CAST((
        (
          "t120"."_u_intent_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) = 0,
      "t120"."_u_intent_score" * 0.0,
      CAST(CAST((
        (
          "t120"."_u_intent_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) AS DOUBLE) / 100.0
    ) AS "intent_score",
    IFF(
      CAST((
        (
          "t120"."_u_signal_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) = 0,
      "t120"."_u_signal_score" * 0.0,
      CAST(CAST((
        (
          "t120"."_u_signal_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) AS DOUBLE) / 100.0
    ) AS "signal_score",
    IFF(
      CAST((
        (
          "t120"."_u_negative_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) = 0,
      "t120"."_u_negative_score" * 0.0,
      CAST(CAST((
        (
          "t120"."_u_negative_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) AS DOUBLE) / 100.0
    ) AS "negative_score",
    IFF(
      CAST((
        (
          "t120"."_u_total_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) = 0,
      "t120"."_u_total_score" * 0.0,
      CAST(CAST((
        (
          "t120"."_u_total_score" * 100.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT) AS DOUBLE) / 100.0
    ) AS "total_score"
  FROM "revq_reason_3" AS "t120"
), "revq_decisions" AS (
  /* fit grade, quadrant, gate and stage */
  SELECT
    "t123"."lead_id",
    "t123"."email",
    "t123"."first_name",
    "t123"."last_name",
    "t123"."title",
    "t123"."company",
    "t123"."lead_source",
    "t123"."owner",
    "t123"."created_at",
    "t123"."_n_country",
    "t123"."segment",
    "t123"."top_reasons",
    "t123"."why_now",
    "t123"."fit_score",
    "t123"."intent_score",
    "t123"."signal_score",
    "t123"."negative_score",
    "t123"."total_score",
    "t123"."fit_grade",
    "t123"."quadrant",
    "t123"."gate",
    "t123"."gate_reason",
    CASE
      WHEN COALESCE("t123"."_gate_outcome" = 'disqualify', FALSE)
      THEN 'disqualified'
      WHEN COALESCE("t123"."_gate_outcome" = 'recycle', FALSE)
      THEN 'recycled'
      WHEN COALESCE("t123"."_gate_outcome" = 'converted', FALSE)
      THEN 'converted'
      WHEN "t123"."total_score" >= 70.0
      THEN 'sales_ready'
      WHEN (
        "t123"."fit_score" >= 25.0
      )
      AND COALESCE("t123"."_signal_age" <= 30.0, FALSE)
      AND (
        "t123"."title" IS NOT NULL
      )
      AND (
        "t123"."company" IS NOT NULL
      )
      THEN 'signal_qualified'
      WHEN "t123"."total_score" >= 40.0
      THEN 'nurture'
      WHEN "t123"."quadrant" = 'ignore'
      THEN 'disqualified'
      ELSE 'nurture'
    END AS "stage"
  FROM (
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
      "t122"."segment",
      "t122"."_signal_age",
      "t122"."top_reasons",
      "t122"."why_now",
      "t122"."fit_score",
      "t122"."intent_score",
      "t122"."signal_score",
      "t122"."negative_score",
      "t122"."total_score",
      CASE
        WHEN "t122"."fit_score" >= 35.0
        THEN 'A'
        WHEN "t122"."fit_score" >= 25.0
        THEN 'B'
        WHEN "t122"."fit_score" >= 15.0
        THEN 'C'
        ELSE 'D'
      END AS "fit_grade",
      CASE
        WHEN (
          "t122"."fit_score" >= 25.0
        )
        AND (
          (
            "t122"."intent_score" + "t122"."signal_score"
          ) >= 20.0
        )
        THEN 'prioritise_now'
        WHEN "t122"."fit_score" >= 25.0
        THEN 'nurture_patiently'
        WHEN (
          "t122"."intent_score" + "t122"."signal_score"
        ) >= 20.0
        THEN 'qualify_carefully'
        ELSE 'ignore'
      END AS "quadrant",
      CASE
        WHEN COALESCE("t122"."_n_lifecycle_stage" IN ('sql', 'opportunity', 'won'), FALSE)
        THEN 'already_converted'
        WHEN COALESCE(
          REGEXP_SUBSTR("t122"."_n_email", '([^@]*)\\z', 1, 1, 'ce', 1) IN ('rivalsoft.com', 'pipelinepro.io'),
          FALSE
        )
        THEN 'competitor'
        WHEN COALESCE(REGEXP_LIKE("t122"."title", CONCAT('.*', '^[Ssſ][Tt][Uu][Dd][Ee][Nn][Tt]\\z', '.*'), 'cs'), FALSE)
        THEN 'student'
        WHEN COALESCE("t122"."_n_industry" = 'education', FALSE)
        THEN 'bad_fit_industry'
        ELSE CAST(NULL AS VARCHAR)
      END AS "gate",
      CASE
        WHEN COALESCE("t122"."_n_lifecycle_stage" IN ('sql', 'opportunity', 'won'), FALSE)
        THEN 'already_converted'
        WHEN COALESCE(
          REGEXP_SUBSTR("t122"."_n_email", '([^@]*)\\z', 1, 1, 'ce', 1) IN ('rivalsoft.com', 'pipelinepro.io'),
          FALSE
        )
        THEN 'student_or_competitor_or_spam'
        WHEN COALESCE(REGEXP_LIKE("t122"."title", CONCAT('.*', '^[Ssſ][Tt][Uu][Dd][Ee][Nn][Tt]\\z', '.*'), 'cs'), FALSE)
        THEN 'student_or_competitor_or_spam'
        WHEN COALESCE("t122"."_n_industry" = 'education', FALSE)
        THEN 'bad_fit_industry'
        ELSE CAST(NULL AS VARCHAR)
      END AS "gate_reason",
      CASE
        WHEN COALESCE("t122"."_n_lifecycle_stage" IN ('sql', 'opportunity', 'won'), FALSE)
        THEN 'converted'
        WHEN COALESCE(
          REGEXP_SUBSTR("t122"."_n_email", '([^@]*)\\z', 1, 1, 'ce', 1) IN ('rivalsoft.com', 'pipelinepro.io'),
          FALSE
        )
        THEN 'disqualify'
        WHEN COALESCE(REGEXP_LIKE("t122"."title", CONCAT('.*', '^[Ssſ][Tt][Uu][Dd][Ee][Nn][Tt]\\z', '.*'), 'cs'), FALSE)
        THEN 'disqualify'
        WHEN COALESCE("t122"."_n_industry" = 'education', FALSE)
        THEN 'disqualify'
        ELSE CAST(NULL AS VARCHAR)
      END AS "_gate_outcome"
    FROM "revq_reasons" AS "t122"
  ) AS "t123"
), "revq_routing" AS (
  /* each lead's turn in its team's round robin (owner routing) */
  SELECT
    "t126"."lead_id",
    "t126"."email",
    "t126"."first_name",
    "t126"."last_name",
    "t126"."title",
    "t126"."company",
    "t126"."lead_source",
    "t126"."owner",
    "t126"."segment",
    "t126"."top_reasons",
    "t126"."why_now",
    "t126"."fit_score",
    "t126"."intent_score",
    "t126"."signal_score",
    "t126"."negative_score",
    "t126"."total_score",
    "t126"."fit_grade",
    "t126"."quadrant",
    "t126"."gate",
    "t126"."gate_reason",
    "t126"."stage",
    "t126"."_team",
    "t126"."_needs",
    "t126"."_keep",
    ROW_NUMBER() OVER (
      PARTITION BY "t126"."_team", "t126"."_needs"
      ORDER BY "t126"."created_at" ASC NULLS FIRST, "t126"."lead_id" ASC NULLS FIRST
    ) - 1 AS "_turn"
  FROM (
    SELECT
      "t125"."lead_id",
      "t125"."email",
      "t125"."first_name",
      "t125"."last_name",
      "t125"."title",
      "t125"."company",
      "t125"."lead_source",
      "t125"."owner",
      "t125"."created_at",
      "t125"."segment",
      "t125"."top_reasons",
      "t125"."why_now",
      "t125"."fit_score",
      "t125"."intent_score",
      "t125"."signal_score",
      "t125"."negative_score",
      "t125"."total_score",
      "t125"."fit_grade",
      "t125"."quadrant",
      "t125"."gate",
      "t125"."gate_reason",
      "t125"."stage",
      CASE
        WHEN COALESCE("t125"."_n_country" IN ('germany', 'france', 'united kingdom', 'de', 'fr', 'gb'), FALSE)
        THEN 0
        ELSE 1
      END AS "_team",
      "t125"."stage" IN ('sales_ready', 'mql', 'signal_qualified', 'pql')
      AND NOT (
        "t125"."owner" IS NOT NULL
      ) AS "_needs",
      "t125"."owner" IS NOT NULL AS "_keep"
    FROM "revq_decisions" AS "t125"
  ) AS "t126"
)
SELECT
  "t129"."lead_id",
  "t129"."email",
  "t129"."first_name",
  "t129"."last_name",
  "t129"."title",
  "t129"."company",
  "t129"."lead_source",
  "t129"."segment",
  "t129"."fit_score",
  "t129"."intent_score",
  "t129"."signal_score",
  "t129"."negative_score",
  "t129"."total_score",
  "t129"."fit_grade",
  "t129"."quadrant",
  "t129"."stage",
  "t129"."gate",
  "t129"."gate_reason",
  "t129"."why_now",
  CASE
    WHEN "t129"."stage" = 'sales_ready'
    THEN CONCAT(
      CONCAT(
        CONCAT(
          CONCAT(
            CONCAT(
              CONCAT(
                CONCAT(CONCAT(CONCAT(COALESCE("t129"."owner", '-'), ': call '), COALESCE("t129"."first_name", '-')), ' ('),
                COALESCE("t129"."title", '-')
              ),
              ', '
            ),
            COALESCE("t129"."company", '-')
          ),
          ') within 24 hours. Why now: '
        ),
        COALESCE("t129"."why_now", '-')
      ),
      '.'
    )
    WHEN "t129"."stage" = 'mql'
    THEN CONCAT(
      CONCAT(
        CONCAT(
          CONCAT('Route to ', COALESCE("t129"."owner", 'an owner')),
          ' now: first touch within 24 hours. Why now: '
        ),
        COALESCE("t129"."why_now", 'no single trigger')
      ),
      '.'
    )
    WHEN "t129"."stage" = 'signal_qualified'
    THEN CONCAT(
      CONCAT(
        CONCAT(
          CONCAT(
            CONCAT(
              CONCAT(
                CONCAT(
                  CONCAT(CONCAT(COALESCE("t129"."owner", '-'), ': '), COALESCE("t129"."company", '-')),
                  ' shows a trigger ('
                ),
                COALESCE("t129"."why_now", '-')
              ),
              '); reach '
            ),
            COALESCE("t129"."first_name", '-')
          ),
          ' ('
        ),
        COALESCE("t129"."title", '-')
      ),
      ') with that context this week.'
    )
    WHEN "t129"."stage" = 'pql'
    THEN CONCAT(COALESCE("t129"."owner", 'Sales'), ': offer help to the active trial user; usage crossed the PQL bar.')
    WHEN "t129"."stage" = 'nurture'
    THEN 'Keep in nurture and re-check when intent rises.'
    WHEN "t129"."stage" = 'recycled'
    THEN CONCAT(CONCAT('Recycle to nurture; re-check in 90 days (', COALESCE("t129"."gate_reason", '-')), ').')
    WHEN "t129"."stage" = 'disqualified'
    THEN CONCAT(CONCAT('No sales action (', COALESCE("t129"."gate_reason", 'low fit and intent')), ').')
    WHEN "t129"."stage" = 'converted'
    THEN CONCAT(CONCAT('No sales action: already converted (', COALESCE("t129"."gate_reason", '-')), ').')
    ELSE CAST(NULL AS VARCHAR)
  END AS "next_action",
  "t129"."owner",
  "t129"."top_reasons"
FROM (
  SELECT
    "t128"."lead_id",
    "t128"."email",
    "t128"."first_name",
    "t128"."last_name",
    "t128"."title",
    "t128"."company",
    "t128"."lead_source",
    CASE
      WHEN "t128"."_keep"
      THEN "t128"."owner"
      WHEN "t128"."_needs"
      THEN CASE
        WHEN "t128"."_team" = 0
        THEN CASE
          WHEN (
            "t128"."_turn" % 2
          ) = 0
          THEN 'Lena Vogel'
          WHEN (
            "t128"."_turn" % 2
          ) = 1
          THEN 'Marco Bianchi'
          ELSE NULL
        END
        WHEN "t128"."_team" = 1
        THEN CASE
          WHEN (
            "t128"."_turn" % 3
          ) = 0
          THEN 'Alex Kim'
          WHEN (
            "t128"."_turn" % 3
          ) = 1
          THEN 'Priya Raman'
          WHEN (
            "t128"."_turn" % 3
          ) = 2
          THEN 'Sam Ortiz'
          ELSE NULL
        END
        ELSE CAST(NULL AS VARCHAR)
      END
      ELSE "t128"."owner"
    END AS "owner",
    "t128"."segment",
    "t128"."top_reasons",
    "t128"."why_now",
    "t128"."fit_score",
    "t128"."intent_score",
    "t128"."signal_score",
    "t128"."negative_score",
    "t128"."total_score",
    "t128"."fit_grade",
    "t128"."quadrant",
    "t128"."gate",
    "t128"."gate_reason",
    "t128"."stage"
  FROM "revq_routing" AS "t128"
) AS "t129"
ORDER BY
  "t129"."total_score" DESC NULLS LAST,
  "t129"."lead_id" ASC NULLS FIRST
