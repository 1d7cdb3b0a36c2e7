WITH "revq_leads_prepared" AS (
  SELECT
    "t0"."lead_id",
    "t0"."email",
    "t0"."first_name",
    "t0"."last_name",
    "t0"."title",
    "t0"."company",
    "t0"."industry",
    "t0"."employees",
    "t0"."country",
    "t0"."lead_source",
    "t0"."owner",
    "t0"."created_at",
    "t0"."last_activity_at",
    "t0"."email_normalised",
    "t0"."is_personal_email",
    "t0"."account_key",
    LOWER(
      REPLACE(
        REGEXP_REPLACE(
          "t0"."country",
          '^[\x{9}-\x{D} \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}-\x{2029}\x{202F}\x{205F}\x{3000}]+|[\x{9}-\x{D} \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}-\x{2029}\x{202F}\x{205F}\x{3000}]+\z',
          '',
          'g'
        ),
        'İ',
        'i̇'
      )
    ) AS "_n_country",
    LOWER(
      REPLACE(
        REGEXP_REPLACE(
          "t0"."email",
          '^[\x{9}-\x{D} \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}-\x{2029}\x{202F}\x{205F}\x{3000}]+|[\x{9}-\x{D} \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}-\x{2029}\x{202F}\x{205F}\x{3000}]+\z',
          '',
          'g'
        ),
        'İ',
        'i̇'
      )
    ) AS "_n_email",
    LOWER(
      REPLACE(
        REGEXP_REPLACE(
          "t0"."industry",
          '^[\x{9}-\x{D} \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}-\x{2029}\x{202F}\x{205F}\x{3000}]+|[\x{9}-\x{D} \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}-\x{2029}\x{202F}\x{205F}\x{3000}]+\z',
          '',
          'g'
        ),
        'İ',
        'i̇'
      )
    ) AS "_n_industry"
  FROM "leads" AS "t0"
), "revq_segments" AS (
  SELECT
    "t7"."lead_id",
    "t7"."email",
    "t7"."first_name",
    "t7"."last_name",
    "t7"."title",
    "t7"."company",
    "t7"."industry",
    "t7"."employees",
    "t7"."country",
    "t7"."lead_source",
    "t7"."owner",
    "t7"."created_at",
    "t7"."last_activity_at",
    "t7"."email_normalised",
    "t7"."is_personal_email",
    "t7"."account_key",
    "t7"."_n_country",
    "t7"."_n_email",
    "t7"."_n_industry",
    CASE
      WHEN COALESCE("t7"."employees" >= 1000.0, FALSE)
      THEN 'enterprise'
      ELSE 'default'
    END AS "segment"
  FROM "revq_leads_prepared" AS "t7"
), "revq_fit" AS (
  SELECT
    "t9"."lead_id",
    "t9"."email",
    "t9"."first_name",
    "t9"."last_name",
    "t9"."title",
    "t9"."company",
    "t9"."industry",
    "t9"."employees",
    "t9"."country",
    "t9"."lead_source",
    "t9"."owner",
    "t9"."created_at",
    "t9"."last_activity_at",
    "t9"."email_normalised",
    "t9"."is_personal_email",
    "t9"."account_key",
    "t9"."_n_country",
    "t9"."_n_email",
    "t9"."_n_industry",
    "t9"."segment",
    CASE
      WHEN NOT (
        "t9"."segment" IN ('enterprise')
      ) AND TRUE
      THEN CASE
        WHEN COALESCE(
          "t9"."title" ~ '(?:^|[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}])(?:(?:[Cc][Hh][Ii][Ee][Ff]|[Cc][Ee][Oo]|[Cc][Ff][Oo]|[Cc][Mm][Oo]|[Cc][Rr][Oo]|[Cc][Tt][Oo]|[Cc][Oo][Oo]|[Vv][Pp]|[Vv][Ii][Cc][Ee] [Pp][Rr][Ee][Ssſ][Ii][Dd][Ee][Nn][Tt]))(?:[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}]|\z)',
          FALSE
        )
        THEN 15.0
        WHEN COALESCE(
          "t9"."title" ~ '(?:^|[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}])(?:(?:[Dd][Ii][Rr][Ee][Cc][Tt][Oo][Rr]|[Hh][Ee][Aa][Dd] [Oo][Ff]))(?:[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}]|\z)',
          FALSE
        )
        THEN 10.0
        WHEN COALESCE(
          "t9"."title" ~ '(?:^|[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}])[Mm][Aa][Nn][Aa][Gg][Ee][Rr](?:[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}]|\z)',
          FALSE
        )
        THEN 5.0
        ELSE CAST(NULL AS DOUBLE PRECISION)
      END
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_seniority",
    CASE
      WHEN COALESCE((
        "t9"."employees" >= 200.0
      ) AND (
        "t9"."employees" <= 5000.0
      ), FALSE)
      THEN 10.0
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_company_size",
    CASE
      WHEN COALESCE((
        "t9"."employees" >= 50.0
      ) AND (
        "t9"."employees" <= 199.0
      ), FALSE)
      THEN 5.0
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_company_size_small",
    CASE
      WHEN COALESCE("t9"."_n_industry" IN ('software', 'financial services', 'healthcare'), FALSE)
      THEN 10.0
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_target_industry",
    CASE
      WHEN COALESCE(
        "t9"."_n_country" IN (
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
      )
      THEN 5.0
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_served_country",
    CASE
      WHEN (
        "t9"."segment" = 'enterprise'
      ) AND TRUE
      THEN CASE
        WHEN COALESCE(
          "t9"."title" ~ '(?:^|[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}])(?:(?:[Cc][Hh][Ii][Ee][Ff]|[Cc][Ee][Oo]|[Cc][Ff][Oo]|[Cc][Mm][Oo]|[Cc][Rr][Oo]|[Cc][Tt][Oo]|[Cc][Oo][Oo]|[Vv][Pp]|[Vv][Ii][Cc][Ee] [Pp][Rr][Ee][Ssſ][Ii][Dd][Ee][Nn][Tt]))(?:[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}]|\z)',
          FALSE
        )
        THEN 15.0
        WHEN COALESCE(
          "t9"."title" ~ '(?:^|[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}])(?:(?:[Dd][Ii][Rr][Ee][Cc][Tt][Oo][Rr]|[Hh][Ee][Aa][Dd] [Oo][Ff]))(?:[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}]|\z)',
          FALSE
        )
        THEN 10.0
        WHEN COALESCE(
          "t9"."title" ~ '(?:^|[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}])[Mm][Aa][Nn][Aa][Gg][Ee][Rr](?:[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}]|\z)',
          FALSE
        )
        THEN 5.0
        ELSE CAST(NULL AS DOUBLE PRECISION)
      END
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_enterprise_seniority",
    CASE
      WHEN COALESCE("t9"."employees" >= 1000.0, FALSE)
      AND (
        "t9"."segment" = 'enterprise'
      )
      THEN 5.0
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_enterprise_enterprise_size"
  FROM "revq_segments" AS "t9"
), "revq_negative" AS (
  SELECT
    "t11"."lead_id",
    "t11"."email",
    "t11"."first_name",
    "t11"."last_name",
    "t11"."title",
    "t11"."company",
    "t11"."industry",
    "t11"."employees",
    "t11"."country",
    "t11"."lead_source",
    "t11"."owner",
    "t11"."created_at",
    "t11"."last_activity_at",
    "t11"."email_normalised",
    "t11"."is_personal_email",
    "t11"."account_key",
    "t11"."_n_country",
    "t11"."_n_email",
    "t11"."_n_industry",
    "t11"."segment",
    "t11"."pts_seniority",
    "t11"."pts_company_size",
    "t11"."pts_company_size_small",
    "t11"."pts_target_industry",
    "t11"."pts_served_country",
    "t11"."pts_enterprise_seniority",
    "t11"."pts_enterprise_enterprise_size",
    CASE
      WHEN COALESCE("t11"."is_personal_email" = TRUE, FALSE)
      THEN -20.0
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_personal_email",
    CASE
      WHEN COALESCE(
        "t11"."title" ~ '(?:^|[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}])(?:(?:[Ii][Nn][Tt][Ee][Rr][Nn]|[Ssſ][Tt][Uu][Dd][Ee][Nn][Tt]))(?:[^\p{L}\p{M}\p{Nd}\p{Pc}\p{Nl}\x{200C}\x{200D}\x{24B6}-\x{24E9}\x{1F130}-\x{1F149}\x{1F150}-\x{1F169}\x{1F170}-\x{1F189}]|\z)',
        FALSE
      )
      THEN -10.0
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_intern_or_student",
    CASE
      WHEN COALESCE(
        NOT (
          "t11"."_n_country" IN (
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
      )
      THEN -10.0
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_unserved_country",
    CASE
      WHEN COALESCE("t11"."employees" < 10.0, FALSE)
      THEN -10.0
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_tiny_company"
  FROM "revq_fit" AS "t11"
), "revq_activity_ages" AS (
  SELECT
    "t17"."_line",
    "t17"."activity_id",
    "t17"."lead_id",
    "t17"."activity_type",
    "t17"."occurred_at",
    "t17"."channel",
    "t17"."detail",
    CAST(CAST(EXTRACT(epoch FROM CAST(CAST('2026-11-01T00:00:00+00:00' AS TIMESTAMPTZ) AS TIMESTAMP) - CAST("t17"."occurred_at" AS TIMESTAMP)) * 1000000 AS BIGINT) AS DOUBLE PRECISION) * 1e-06 * 1.1574074074074073e-05 AS "_age",
    CASE WHEN LOWER(REPLACE("t17"."channel", 'İ', 'i̇')) = 'g2' THEN 1.5 ELSE 1.0 END AS "_weight"
  FROM (
    SELECT
      "t3"."_line",
      "t3"."activity_id",
      "t3"."lead_id",
      "t3"."activity_type",
      "t3"."occurred_at",
      "t3"."channel",
      "t3"."detail"
    FROM "activities" AS "t3"
    WHERE
      EXISTS(
        SELECT
          1
        FROM (
          SELECT
            "t13"."lead_id"
          FROM "revq_negative" AS "t13"
        ) AS "t16"
        WHERE
          "t3"."lead_id" = "t16"."lead_id"
      )
  ) AS "t17"
), "revq_activities_counted" AS (
  SELECT
    *
  FROM (
    SELECT
      "t19"."_line",
      "t19"."activity_id",
      "t19"."lead_id",
      "t19"."activity_type",
      "t19"."occurred_at",
      "t19"."channel",
      "t19"."detail",
      "t19"."_age",
      "t19"."_weight",
      CASE
        WHEN COALESCE("t19"."_age" >= 0.0, FALSE)
        THEN CASE
          WHEN COALESCE("t19"."_age" <= 120.0, FALSE)
          THEN POW(0.5, (
            "t19"."_age" * 0.03333333333333333
          ))
          ELSE 0.0
        END
        ELSE 0.0
      END AS "_decay",
      LOWER(
        REPLACE(
          REGEXP_REPLACE(
            "t19"."activity_type",
            '^[\x{9}-\x{D} \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}-\x{2029}\x{202F}\x{205F}\x{3000}]+|[\x{9}-\x{D} \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}-\x{2029}\x{202F}\x{205F}\x{3000}]+\z',
            '',
            'g'
          ),
          'İ',
          'i̇'
        )
      ) AS "_n_activity_type",
      LOWER(
        REPLACE(
          REGEXP_REPLACE(
            "t19"."detail",
            '^[\x{9}-\x{D} \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}-\x{2029}\x{202F}\x{205F}\x{3000}]+|[\x{9}-\x{D} \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}-\x{2029}\x{202F}\x{205F}\x{3000}]+\z',
            '',
            'g'
          ),
          'İ',
          'i̇'
        )
      ) AS "_n_detail"
    FROM "revq_activity_ages" AS "t19"
  ) AS "t20"
  WHERE
    "t20"."_decay" > 0.0
), "revq_activity_points" AS (
  SELECT
    "t22"."lead_id" AS "_lead",
    CASE
      WHEN COALESCE("t22"."_n_activity_type" = 'demo_request', FALSE)
      THEN 25.0 * "t22"."_weight" * "t22"."_decay"
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "_e0",
    CASE
      WHEN COALESCE("t22"."_n_activity_type" IN ('page_view', 'visit webpage'), FALSE)
      AND COALESCE(POSITION('/pricing' IN "t22"."_n_detail") > 0, FALSE)
      THEN 10.0 * "t22"."_weight" * "t22"."_decay"
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "_e1",
    CASE
      WHEN COALESCE("t22"."_n_activity_type" = 'comparison_site_visit', FALSE)
      THEN 8.0 * "t22"."_weight" * "t22"."_decay"
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "_e2",
    CASE
      WHEN COALESCE("t22"."_n_activity_type" = 'content_download', FALSE)
      AND COALESCE(STARTS_WITH("t22"."_n_detail", 'case study'), FALSE)
      THEN 7.0 * "t22"."_weight" * "t22"."_decay"
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "_e3",
    CASE
      WHEN COALESCE("t22"."_n_activity_type" = 'webinar_attended', FALSE)
      THEN 6.0 * "t22"."_weight" * "t22"."_decay"
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "_e4",
    CASE
      WHEN COALESCE("t22"."_n_activity_type" IN ('page_view', 'visit webpage'), FALSE)
      AND COALESCE(POSITION('/blog/' IN "t22"."_n_detail") > 0, FALSE)
      THEN 2.0 * "t22"."_weight" * "t22"."_decay"
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "_e5",
    CASE
      WHEN COALESCE("t22"."_n_activity_type" IN ('email_click', 'click email'), FALSE)
      THEN 2.0 * "t22"."_weight" * "t22"."_decay"
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "_e6"
  FROM "revq_activities_counted" AS "t22"
), "revq_event_points" AS (
  SELECT
    "t25"."_lead",
    CASE
      WHEN "t25"."_e0" < -25.0
      THEN -25.0
      WHEN "t25"."_e0" > 25.0
      THEN 25.0
      ELSE "t25"."_e0"
    END AS "pts_demo_request",
    CASE
      WHEN "t25"."_e1" < -20.0
      THEN -20.0
      WHEN "t25"."_e1" > 20.0
      THEN 20.0
      ELSE "t25"."_e1"
    END AS "pts_pricing_page",
    CASE
      WHEN "t25"."_e2" < -16.0
      THEN -16.0
      WHEN "t25"."_e2" > 16.0
      THEN 16.0
      ELSE "t25"."_e2"
    END AS "pts_comparison_site",
    CASE
      WHEN "t25"."_e3" < -14.0
      THEN -14.0
      WHEN "t25"."_e3" > 14.0
      THEN 14.0
      ELSE "t25"."_e3"
    END AS "pts_case_study",
    CASE
      WHEN "t25"."_e4" < -12.0
      THEN -12.0
      WHEN "t25"."_e4" > 12.0
      THEN 12.0
      ELSE "t25"."_e4"
    END AS "pts_webinar",
    CASE
      WHEN "t25"."_e5" < -6.0
      THEN -6.0
      WHEN "t25"."_e5" > 6.0
      THEN 6.0
      ELSE "t25"."_e5"
    END AS "pts_blog",
    CASE
      WHEN "t25"."_e6" < -6.0
      THEN -6.0
      WHEN "t25"."_e6" > 6.0
      THEN 6.0
      ELSE "t25"."_e6"
    END AS "pts_email_click"
  FROM (
    SELECT
      "t24"."_lead",
      CASE
        WHEN COUNT("t24"."_e0") > 0
        THEN CAST(SUM(
          CAST((
            (
              "t24"."_e0" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
        ) AS DOUBLE PRECISION) * 1e-06
        ELSE CAST(NULL AS DOUBLE PRECISION)
      END AS "_e0",
      CASE
        WHEN COUNT("t24"."_e1") > 0
        THEN CAST(SUM(
          CAST((
            (
              "t24"."_e1" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
        ) AS DOUBLE PRECISION) * 1e-06
        ELSE CAST(NULL AS DOUBLE PRECISION)
      END AS "_e1",
      CASE
        WHEN COUNT("t24"."_e2") > 0
        THEN CAST(SUM(
          CAST((
            (
              "t24"."_e2" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
        ) AS DOUBLE PRECISION) * 1e-06
        ELSE CAST(NULL AS DOUBLE PRECISION)
      END AS "_e2",
      CASE
        WHEN COUNT("t24"."_e3") > 0
        THEN CAST(SUM(
          CAST((
            (
              "t24"."_e3" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
        ) AS DOUBLE PRECISION) * 1e-06
        ELSE CAST(NULL AS DOUBLE PRECISION)
      END AS "_e3",
      CASE
        WHEN COUNT("t24"."_e4") > 0
        THEN CAST(SUM(
          CAST((
            (
              "t24"."_e4" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
        ) AS DOUBLE PRECISION) * 1e-06
        ELSE CAST(NULL AS DOUBLE PRECISION)
      END AS "_e4",
      CASE
        WHEN COUNT("t24"."_e5") > 0
        THEN CAST(SUM(
          CAST((
            (
              "t24"."_e5" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
        ) AS DOUBLE PRECISION) * 1e-06
        ELSE CAST(NULL AS DOUBLE PRECISION)
      END AS "_e5",
      CASE
        WHEN COUNT("t24"."_e6") > 0
        THEN CAST(SUM(
          CAST((
            (
              "t24"."_e6" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
        ) AS DOUBLE PRECISION) * 1e-06
        ELSE CAST(NULL AS DOUBLE PRECISION)
      END AS "_e6"
    FROM "revq_activity_points" AS "t24"
    GROUP BY
      1
  ) AS "t25"
), "revq_signal_ages" AS (
  SELECT
    "t34"."lead_id",
    "t34"."account_key",
    "t34"."signal_type",
    "t34"."occurred_at",
    "t34"."detail",
    CAST(CAST(EXTRACT(epoch FROM CAST(CAST('2026-11-01T00:00:00+00:00' AS TIMESTAMPTZ) AS TIMESTAMP) - CAST("t34"."occurred_at" AS TIMESTAMP)) * 1000000 AS BIGINT) AS DOUBLE PRECISION) * 1e-06 * 1.1574074074074073e-05 AS "age_days",
    CASE
      WHEN LOWER(REPLACE("t34"."signal_type", 'İ', 'i̇')) = 'executive_hire'
      THEN 20.0
      WHEN LOWER(REPLACE("t34"."signal_type", 'İ', 'i̇')) = 'funding'
      THEN 15.0
      WHEN LOWER(REPLACE("t34"."signal_type", 'İ', 'i̇')) = 'strategic_hiring'
      THEN 12.0
      WHEN LOWER(REPLACE("t34"."signal_type", 'İ', 'i̇')) = 'filing_language'
      THEN 10.0
      WHEN LOWER(REPLACE("t34"."signal_type", 'İ', 'i̇')) = 'expansion'
      THEN 8.0
      ELSE 0.0
    END AS "raw_points"
  FROM (
    SELECT
      "t33"."lead_id",
      "t33"."account_key",
      "t5"."signal_type",
      "t5"."occurred_at",
      "t5"."detail"
    FROM (
      SELECT
        "t30"."lead_id",
        "t30"."account_key"
      FROM (
        SELECT
          "t29"."lead_id",
          "t29"."email",
          "t29"."first_name",
          "t29"."last_name",
          "t29"."title",
          "t29"."company",
          "t29"."industry",
          "t29"."employees",
          "t29"."country",
          "t29"."lead_source",
          "t29"."owner",
          "t29"."created_at",
          "t29"."last_activity_at",
          "t29"."email_normalised",
          "t29"."is_personal_email",
          "t29"."account_key",
          "t29"."_n_country",
          "t29"."_n_email",
          "t29"."_n_industry",
          "t29"."segment",
          "t29"."pts_seniority",
          "t29"."pts_company_size",
          "t29"."pts_company_size_small",
          "t29"."pts_target_industry",
          "t29"."pts_served_country",
          "t29"."pts_enterprise_seniority",
          "t29"."pts_enterprise_enterprise_size",
          "t29"."pts_personal_email",
          "t29"."pts_intern_or_student",
          "t29"."pts_unserved_country",
          "t29"."pts_tiny_company",
          "t29"."pts_demo_request",
          "t29"."pts_pricing_page",
          "t29"."pts_comparison_site",
          "t29"."pts_case_study",
          "t29"."pts_webinar",
          "t29"."pts_blog",
          "t29"."pts_email_click"
        FROM (
          SELECT
            "t14"."lead_id",
            "t14"."email",
            "t14"."first_name",
            "t14"."last_name",
            "t14"."title",
            "t14"."company",
            "t14"."industry",
            "t14"."employees",
            "t14"."country",
            "t14"."lead_source",
            "t14"."owner",
            "t14"."created_at",
            "t14"."last_activity_at",
            "t14"."email_normalised",
            "t14"."is_personal_email",
            "t14"."account_key",
            "t14"."_n_country",
            "t14"."_n_email",
            "t14"."_n_industry",
            "t14"."segment",
            "t14"."pts_seniority",
            "t14"."pts_company_size",
            "t14"."pts_company_size_small",
            "t14"."pts_target_industry",
            "t14"."pts_served_country",
            "t14"."pts_enterprise_seniority",
            "t14"."pts_enterprise_enterprise_size",
            "t14"."pts_personal_email",
            "t14"."pts_intern_or_student",
            "t14"."pts_unserved_country",
            "t14"."pts_tiny_company",
            "t28"."_lead",
            "t28"."pts_demo_request",
            "t28"."pts_pricing_page",
            "t28"."pts_comparison_site",
            "t28"."pts_case_study",
            "t28"."pts_webinar",
            "t28"."pts_blog",
            "t28"."pts_email_click"
          FROM "revq_negative" AS "t14"
          LEFT OUTER JOIN "revq_event_points" AS "t28"
            ON "t14"."lead_id" = "t28"."_lead"
        ) AS "t29"
      ) AS "t30"
    ) AS "t33"
    INNER JOIN (
      SELECT
        "t1"."account_key",
        "t1"."signal_type",
        "t1"."occurred_at",
        "t1"."detail"
      FROM "signals" AS "t1"
    ) AS "t5"
      ON "t33"."account_key" = "t5"."account_key"
  ) AS "t34"
), "revq_signals_counted" AS (
  SELECT
    "t37"."lead_id",
    "t37"."account_key",
    "t37"."signal_type",
    "t37"."occurred_at",
    "t37"."detail",
    "t37"."age_days",
    "t37"."raw_points",
    "t37"."decay_factor",
    "t37"."raw_points" * "t37"."decay_factor" AS "points",
    LOWER(REPLACE("t37"."signal_type", 'İ', 'i̇')) AS "_type",
    "t37"."signal_type" || ' on ' || TO_CHAR(
      MAKE_DATE(CAST(1970 AS INT), CAST(1 AS INT), CAST(1 AS INT)) + MAKE_INTERVAL(
        days => CAST(CAST(CAST((
          CAST(EXTRACT(epoch FROM CAST("t37"."occurred_at" AS TIMESTAMP) - CAST(CAST('1970-01-01T00:00:00+00:00' AS TIMESTAMPTZ) AS TIMESTAMP)) * 1000000 AS BIGINT) - (
            (
              (
                CAST(EXTRACT(epoch FROM CAST("t37"."occurred_at" AS TIMESTAMP) - CAST(CAST('1970-01-01T00:00:00+00:00' AS TIMESTAMPTZ) AS TIMESTAMP)) * 1000000 AS BIGINT) % 86400000000
              ) + 86400000000
            ) % 86400000000
          )
        ) AS DOUBLE PRECISION) / 86400000000 AS BIGINT) AS INT)
      ),
      'YYYY-MM-DD'
    ) || COALESCE(' (' || "t37"."detail" || ')', '') AS "_label"
  FROM (
    SELECT
      "t36"."lead_id",
      "t36"."account_key",
      "t36"."signal_type",
      "t36"."occurred_at",
      "t36"."detail",
      "t36"."age_days",
      "t36"."raw_points",
      CASE
        WHEN COALESCE("t36"."age_days" >= 0.0, FALSE)
        THEN CASE
          WHEN COALESCE("t36"."age_days" <= 90.0, FALSE)
          THEN POW(0.5, (
            "t36"."age_days" * 0.022222222222222223
          ))
          ELSE 0.0
        END
        ELSE 0.0
      END AS "decay_factor"
    FROM "revq_signal_ages" AS "t36"
  ) AS "t37"
  WHERE
    "t37"."decay_factor" > 0.0 AND "t37"."raw_points" <> 0.0
), "revq_signal_points" AS (
  SELECT
    "t41"."_lead",
    "t41"."_signal",
    "t41"."_signal_age",
    CASE
      WHEN "t41"."_s0_n" > 0
      THEN CAST("t41"."_s0" AS DOUBLE PRECISION) * 1e-06
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_executive_hire",
    CASE
      WHEN "t41"."_s1_n" > 0
      THEN CAST("t41"."_s1" AS DOUBLE PRECISION) * 1e-06
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_funding",
    CASE
      WHEN "t41"."_s2_n" > 0
      THEN CAST("t41"."_s2" AS DOUBLE PRECISION) * 1e-06
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_strategic_hiring",
    CASE
      WHEN "t41"."_s3_n" > 0
      THEN CAST("t41"."_s3" AS DOUBLE PRECISION) * 1e-06
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_filing_language",
    CASE
      WHEN "t41"."_s4_n" > 0
      THEN CAST("t41"."_s4" AS DOUBLE PRECISION) * 1e-06
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "pts_expansion"
  FROM (
    SELECT
      "t40"."lead_id" AS "_lead",
      SUM(
        CASE
          WHEN "t40"."_type" = 'executive_hire'
          THEN CAST((
            (
              "t40"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
          ELSE CAST(NULL AS BIGINT)
        END
      ) AS "_s0",
      SUM(
        CASE
          WHEN "t40"."_type" = 'funding'
          THEN CAST((
            (
              "t40"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
          ELSE CAST(NULL AS BIGINT)
        END
      ) AS "_s1",
      SUM(
        CASE
          WHEN "t40"."_type" = 'strategic_hiring'
          THEN CAST((
            (
              "t40"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
          ELSE CAST(NULL AS BIGINT)
        END
      ) AS "_s2",
      SUM(
        CASE
          WHEN "t40"."_type" = 'filing_language'
          THEN CAST((
            (
              "t40"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
          ELSE CAST(NULL AS BIGINT)
        END
      ) AS "_s3",
      SUM(
        CASE
          WHEN "t40"."_type" = 'expansion'
          THEN CAST((
            (
              "t40"."points" * 1000000.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
          ELSE CAST(NULL AS BIGINT)
        END
      ) AS "_s4",
      SUM(CAST(CAST("t40"."_type" = 'executive_hire' AS INT) AS BIGINT)) AS "_s0_n",
      SUM(CAST(CAST("t40"."_type" = 'funding' AS INT) AS BIGINT)) AS "_s1_n",
      SUM(CAST(CAST("t40"."_type" = 'strategic_hiring' AS INT) AS BIGINT)) AS "_s2_n",
      SUM(CAST(CAST("t40"."_type" = 'filing_language' AS INT) AS BIGINT)) AS "_s3_n",
      SUM(CAST(CAST("t40"."_type" = 'expansion' AS INT) AS BIGINT)) AS "_s4_n",
      MAX("t40"."_label") FILTER(WHERE
        "t40"."_rank" = 0) AS "_signal",
      MIN("t40"."age_days") AS "_signal_age"
    FROM (
      SELECT
        "t39"."lead_id",
        "t39"."account_key",
        "t39"."signal_type",
        "t39"."occurred_at",
        "t39"."detail",
        "t39"."age_days",
        "t39"."raw_points",
        "t39"."decay_factor",
        "t39"."points",
        "t39"."_type",
        "t39"."_label",
        ROW_NUMBER() OVER (
          PARTITION BY "t39"."lead_id"
          ORDER BY "t39"."points" DESC NULLS LAST, "t39"."age_days" ASC, "t39"."signal_type" ASC, "t39"."_label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "_rank"
      FROM "revq_signals_counted" AS "t39"
    ) AS "t40"
    GROUP BY
      1
  ) AS "t41"
), "revq_group_sums" AS (
  SELECT
    "t46"."lead_id",
    "t46"."email",
    "t46"."first_name",
    "t46"."last_name",
    "t46"."title",
    "t46"."company",
    "t46"."industry",
    "t46"."employees",
    "t46"."country",
    "t46"."lead_source",
    "t46"."owner",
    "t46"."created_at",
    "t46"."last_activity_at",
    "t46"."email_normalised",
    "t46"."is_personal_email",
    "t46"."account_key",
    "t46"."_n_country",
    "t46"."_n_email",
    "t46"."_n_industry",
    "t46"."segment",
    "t46"."pts_seniority",
    "t46"."pts_company_size",
    "t46"."pts_company_size_small",
    "t46"."pts_target_industry",
    "t46"."pts_served_country",
    "t46"."pts_enterprise_seniority",
    "t46"."pts_enterprise_enterprise_size",
    "t46"."pts_personal_email",
    "t46"."pts_intern_or_student",
    "t46"."pts_unserved_country",
    "t46"."pts_tiny_company",
    "t46"."pts_demo_request",
    "t46"."pts_pricing_page",
    "t46"."pts_comparison_site",
    "t46"."pts_case_study",
    "t46"."pts_webinar",
    "t46"."pts_blog",
    "t46"."pts_email_click",
    "t46"."_signal",
    "t46"."_signal_age",
    "t46"."pts_executive_hire",
    "t46"."pts_funding",
    "t46"."pts_strategic_hiring",
    "t46"."pts_filing_language",
    "t46"."pts_expansion",
    CAST(COALESCE(
      CAST((
        (
          "t46"."pts_seniority" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_company_size" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_company_size_small" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_target_industry" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_served_country" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_enterprise_seniority" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_enterprise_enterprise_size" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS DOUBLE PRECISION) * 1e-06 AS "_raw_fit",
    CAST(COALESCE(
      CAST((
        (
          "t46"."pts_demo_request" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_pricing_page" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_comparison_site" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_case_study" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_webinar" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_blog" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_email_click" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS DOUBLE PRECISION) * 1e-06 AS "_raw_intent",
    CAST(COALESCE(
      CAST((
        (
          "t46"."pts_executive_hire" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_funding" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_strategic_hiring" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_filing_language" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_expansion" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS DOUBLE PRECISION) * 1e-06 AS "_raw_signal",
    CAST(COALESCE(
      CAST((
        (
          "t46"."pts_personal_email" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_intern_or_student" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_unserved_country" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) + COALESCE(
      CAST((
        (
          "t46"."pts_tiny_company" * 1000000.0
        ) + 6755399441055744.0
      ) - 6755399441055744.0 AS BIGINT),
      0
    ) AS DOUBLE PRECISION) * 1e-06 AS "_raw_negative"
  FROM (
    SELECT
      "t45"."lead_id",
      "t45"."email",
      "t45"."first_name",
      "t45"."last_name",
      "t45"."title",
      "t45"."company",
      "t45"."industry",
      "t45"."employees",
      "t45"."country",
      "t45"."lead_source",
      "t45"."owner",
      "t45"."created_at",
      "t45"."last_activity_at",
      "t45"."email_normalised",
      "t45"."is_personal_email",
      "t45"."account_key",
      "t45"."_n_country",
      "t45"."_n_email",
      "t45"."_n_industry",
      "t45"."segment",
      "t45"."pts_seniority",
      "t45"."pts_company_size",
      "t45"."pts_company_size_small",
      "t45"."pts_target_industry",
      "t45"."pts_served_country",
      "t45"."pts_enterprise_seniority",
      "t45"."pts_enterprise_enterprise_size",
      "t45"."pts_personal_email",
      "t45"."pts_intern_or_student",
      "t45"."pts_unserved_country",
      "t45"."pts_tiny_company",
      "t45"."pts_demo_request",
      "t45"."pts_pricing_page",
      "t45"."pts_comparison_site",
      "t45"."pts_case_study",
      "t45"."pts_webinar",
      "t45"."pts_blog",
      "t45"."pts_email_click",
      "t45"."_signal",
      "t45"."_signal_age",
      "t45"."pts_executive_hire",
      "t45"."pts_funding",
      "t45"."pts_strategic_hiring",
      "t45"."pts_filing_language",
      "t45"."pts_expansion"
    FROM (
      SELECT
        "t31"."lead_id",
        "t31"."email",
        "t31"."first_name",
        "t31"."last_name",
        "t31"."title",
        "t31"."company",
        "t31"."industry",
        "t31"."employees",
        "t31"."country",
        "t31"."lead_source",
        "t31"."owner",
        "t31"."created_at",
        "t31"."last_activity_at",
        "t31"."email_normalised",
        "t31"."is_personal_email",
        "t31"."account_key",
        "t31"."_n_country",
        "t31"."_n_email",
        "t31"."_n_industry",
        "t31"."segment",
        "t31"."pts_seniority",
        "t31"."pts_company_size",
        "t31"."pts_company_size_small",
        "t31"."pts_target_industry",
        "t31"."pts_served_country",
        "t31"."pts_enterprise_seniority",
        "t31"."pts_enterprise_enterprise_size",
        "t31"."pts_personal_email",
        "t31"."pts_intern_or_student",
        "t31"."pts_unserved_country",
        "t31"."pts_tiny_company",
        "t31"."pts_demo_request",
        "t31"."pts_pricing_page",
        "t31"."pts_comparison_site",
        "t31"."pts_case_study",
        "t31"."pts_webinar",
        "t31"."pts_blog",
        "t31"."pts_email_click",
        "t44"."_lead",
        "t44"."_signal",
        "t44"."_signal_age",
        "t44"."pts_executive_hire",
        "t44"."pts_funding",
        "t44"."pts_strategic_hiring",
        "t44"."pts_filing_language",
        "t44"."pts_expansion"
      FROM (
        SELECT
          "t29"."lead_id",
          "t29"."email",
          "t29"."first_name",
          "t29"."last_name",
          "t29"."title",
          "t29"."company",
          "t29"."industry",
          "t29"."employees",
          "t29"."country",
          "t29"."lead_source",
          "t29"."owner",
          "t29"."created_at",
          "t29"."last_activity_at",
          "t29"."email_normalised",
          "t29"."is_personal_email",
          "t29"."account_key",
          "t29"."_n_country",
          "t29"."_n_email",
          "t29"."_n_industry",
          "t29"."segment",
          "t29"."pts_seniority",
          "t29"."pts_company_size",
          "t29"."pts_company_size_small",
          "t29"."pts_target_industry",
          "t29"."pts_served_country",
          "t29"."pts_enterprise_seniority",
          "t29"."pts_enterprise_enterprise_size",
          "t29"."pts_personal_email",
          "t29"."pts_intern_or_student",
          "t29"."pts_unserved_country",
          "t29"."pts_tiny_company",
          "t29"."pts_demo_request",
          "t29"."pts_pricing_page",
          "t29"."pts_comparison_site",
          "t29"."pts_case_study",
          "t29"."pts_webinar",
          "t29"."pts_blog",
          "t29"."pts_email_click"
        FROM (
          SELECT
            "t14"."lead_id",
            "t14"."email",
            "t14"."first_name",
            "t14"."last_name",
            "t14"."title",
            "t14"."company",
            "t14"."industry",
            "t14"."employees",
            "t14"."country",
            "t14"."lead_source",
            "t14"."owner",
            "t14"."created_at",
            "t14"."last_activity_at",
            "t14"."email_normalised",
            "t14"."is_personal_email",
            "t14"."account_key",
            "t14"."_n_country",
            "t14"."_n_email",
            "t14"."_n_industry",
            "t14"."segment",
            "t14"."pts_seniority",
            "t14"."pts_company_size",
            "t14"."pts_company_size_small",
            "t14"."pts_target_industry",
            "t14"."pts_served_country",
            "t14"."pts_enterprise_seniority",
            "t14"."pts_enterprise_enterprise_size",
            "t14"."pts_personal_email",
            "t14"."pts_intern_or_student",
            "t14"."pts_unserved_country",
            "t14"."pts_tiny_company",
            "t28"."_lead",
            "t28"."pts_demo_request",
            "t28"."pts_pricing_page",
            "t28"."pts_comparison_site",
            "t28"."pts_case_study",
            "t28"."pts_webinar",
            "t28"."pts_blog",
            "t28"."pts_email_click"
          FROM "revq_negative" AS "t14"
          LEFT OUTER JOIN "revq_event_points" AS "t28"
            ON "t14"."lead_id" = "t28"."_lead"
        ) AS "t29"
      ) AS "t31"
      LEFT OUTER JOIN "revq_signal_points" AS "t44"
        ON "t31"."lead_id" = "t44"."_lead"
    ) AS "t45"
  ) AS "t46"
), "revq_group_scores" AS (
  SELECT
    "t48"."lead_id",
    "t48"."email",
    "t48"."first_name",
    "t48"."last_name",
    "t48"."title",
    "t48"."company",
    "t48"."industry",
    "t48"."employees",
    "t48"."country",
    "t48"."lead_source",
    "t48"."owner",
    "t48"."created_at",
    "t48"."last_activity_at",
    "t48"."email_normalised",
    "t48"."is_personal_email",
    "t48"."account_key",
    "t48"."_n_country",
    "t48"."_n_email",
    "t48"."_n_industry",
    "t48"."segment",
    "t48"."pts_seniority",
    "t48"."pts_company_size",
    "t48"."pts_company_size_small",
    "t48"."pts_target_industry",
    "t48"."pts_served_country",
    "t48"."pts_enterprise_seniority",
    "t48"."pts_enterprise_enterprise_size",
    "t48"."pts_personal_email",
    "t48"."pts_intern_or_student",
    "t48"."pts_unserved_country",
    "t48"."pts_tiny_company",
    "t48"."pts_demo_request",
    "t48"."pts_pricing_page",
    "t48"."pts_comparison_site",
    "t48"."pts_case_study",
    "t48"."pts_webinar",
    "t48"."pts_blog",
    "t48"."pts_email_click",
    "t48"."_signal",
    "t48"."_signal_age",
    "t48"."pts_executive_hire",
    "t48"."pts_funding",
    "t48"."pts_strategic_hiring",
    "t48"."pts_filing_language",
    "t48"."pts_expansion",
    "t48"."_raw_fit",
    "t48"."_raw_intent",
    "t48"."_raw_signal",
    "t48"."_raw_negative",
    CASE
      WHEN "t48"."_raw_fit" < 0.0
      THEN 0.0
      WHEN "t48"."_raw_fit" > 50.0
      THEN 50.0
      ELSE "t48"."_raw_fit"
    END AS "_u_fit_score",
    CASE
      WHEN "t48"."_raw_intent" < 0.0
      THEN 0.0
      WHEN "t48"."_raw_intent" > 50.0
      THEN 50.0
      ELSE "t48"."_raw_intent"
    END AS "_u_intent_score",
    CASE
      WHEN "t48"."_raw_signal" < 0.0
      THEN 0.0
      WHEN "t48"."_raw_signal" > 30.0
      THEN 30.0
      ELSE "t48"."_raw_signal"
    END AS "_u_signal_score",
    CASE
      WHEN "t48"."_raw_negative" < -50.0
      THEN -50.0
      WHEN "t48"."_raw_negative" > 0.0
      THEN 0.0
      ELSE "t48"."_raw_negative"
    END AS "_u_negative_score"
  FROM "revq_group_sums" AS "t48"
), "revq_scores" AS (
  SELECT
    "t50"."lead_id",
    "t50"."email",
    "t50"."first_name",
    "t50"."last_name",
    "t50"."title",
    "t50"."company",
    "t50"."industry",
    "t50"."employees",
    "t50"."country",
    "t50"."lead_source",
    "t50"."owner",
    "t50"."created_at",
    "t50"."last_activity_at",
    "t50"."email_normalised",
    "t50"."is_personal_email",
    "t50"."account_key",
    "t50"."_n_country",
    "t50"."_n_email",
    "t50"."_n_industry",
    "t50"."segment",
    "t50"."pts_seniority",
    "t50"."pts_company_size",
    "t50"."pts_company_size_small",
    "t50"."pts_target_industry",
    "t50"."pts_served_country",
    "t50"."pts_enterprise_seniority",
    "t50"."pts_enterprise_enterprise_size",
    "t50"."pts_personal_email",
    "t50"."pts_intern_or_student",
    "t50"."pts_unserved_country",
    "t50"."pts_tiny_company",
    "t50"."pts_demo_request",
    "t50"."pts_pricing_page",
    "t50"."pts_comparison_site",
    "t50"."pts_case_study",
    "t50"."pts_webinar",
    "t50"."pts_blog",
    "t50"."pts_email_click",
    "t50"."_signal",
    "t50"."_signal_age",
    "t50"."pts_executive_hire",
    "t50"."pts_funding",
    "t50"."pts_strategic_hiring",
    "t50"."pts_filing_language",
    "t50"."pts_expansion",
    "t50"."_raw_fit",
    "t50"."_raw_intent",
    "t50"."_raw_signal",
    "t50"."_raw_negative",
    "t50"."_u_fit_score",
    "t50"."_u_intent_score",
    "t50"."_u_signal_score",
    "t50"."_u_negative_score",
    "t50"."_u_fit_score" + "t50"."_u_intent_score" + (
      "t50"."_u_signal_score" + "t50"."_u_negative_score"
    ) AS "_u_total_score",
    CASE
      WHEN ABS("t50"."_u_fit_score" - "t50"."_raw_fit") > 1e-09
      THEN "t50"."_u_fit_score" - "t50"."_raw_fit"
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "_cap_fit",
    CASE
      WHEN ABS("t50"."_u_intent_score" - "t50"."_raw_intent") > 1e-09
      THEN "t50"."_u_intent_score" - "t50"."_raw_intent"
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "_cap_intent",
    CASE
      WHEN ABS("t50"."_u_signal_score" - "t50"."_raw_signal") > 1e-09
      THEN "t50"."_u_signal_score" - "t50"."_raw_signal"
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "_cap_signal",
    CASE
      WHEN ABS("t50"."_u_negative_score" - "t50"."_raw_negative") > 1e-09
      THEN "t50"."_u_negative_score" - "t50"."_raw_negative"
      ELSE CAST(NULL AS DOUBLE PRECISION)
    END AS "_cap_negative"
  FROM "revq_group_scores" AS "t50"
), "revq_strongest_items" AS (
  SELECT
    "t52"."lead_id",
    "t52"."email",
    "t52"."first_name",
    "t52"."last_name",
    "t52"."title",
    "t52"."company",
    "t52"."industry",
    "t52"."employees",
    "t52"."country",
    "t52"."lead_source",
    "t52"."owner",
    "t52"."created_at",
    "t52"."last_activity_at",
    "t52"."email_normalised",
    "t52"."is_personal_email",
    "t52"."account_key",
    "t52"."_n_country",
    "t52"."_n_email",
    "t52"."_n_industry",
    "t52"."segment",
    "t52"."pts_seniority",
    "t52"."pts_company_size",
    "t52"."pts_company_size_small",
    "t52"."pts_target_industry",
    "t52"."pts_served_country",
    "t52"."pts_enterprise_seniority",
    "t52"."pts_enterprise_enterprise_size",
    "t52"."pts_personal_email",
    "t52"."pts_intern_or_student",
    "t52"."pts_unserved_country",
    "t52"."pts_tiny_company",
    "t52"."pts_demo_request",
    "t52"."pts_pricing_page",
    "t52"."pts_comparison_site",
    "t52"."pts_case_study",
    "t52"."pts_webinar",
    "t52"."pts_blog",
    "t52"."pts_email_click",
    "t52"."_signal",
    "t52"."_signal_age",
    "t52"."pts_executive_hire",
    "t52"."pts_funding",
    "t52"."pts_strategic_hiring",
    "t52"."pts_filing_language",
    "t52"."pts_expansion",
    "t52"."_raw_fit",
    "t52"."_raw_intent",
    "t52"."_raw_signal",
    "t52"."_raw_negative",
    "t52"."_u_fit_score",
    "t52"."_u_intent_score",
    "t52"."_u_signal_score",
    "t52"."_u_negative_score",
    "t52"."_u_total_score",
    "t52"."_cap_fit",
    "t52"."_cap_intent",
    "t52"."_cap_signal",
    "t52"."_cap_negative",
    CAST((
      (
        COALESCE(
          CASE WHEN "t52"."pts_demo_request" < 0.0 THEN 0.0 ELSE "t52"."pts_demo_request" END,
          0.0
        ) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m0",
    CAST((
      (
        COALESCE(
          CASE WHEN "t52"."pts_pricing_page" < 0.0 THEN 0.0 ELSE "t52"."pts_pricing_page" END,
          0.0
        ) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m1",
    CAST((
      (
        COALESCE(
          CASE
            WHEN "t52"."pts_comparison_site" < 0.0
            THEN 0.0
            ELSE "t52"."pts_comparison_site"
          END,
          0.0
        ) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m2",
    CAST((
      (
        COALESCE(
          CASE WHEN "t52"."pts_case_study" < 0.0 THEN 0.0 ELSE "t52"."pts_case_study" END,
          0.0
        ) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m3",
    CAST((
      (
        COALESCE(CASE WHEN "t52"."pts_webinar" < 0.0 THEN 0.0 ELSE "t52"."pts_webinar" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m4",
    CAST((
      (
        COALESCE(CASE WHEN "t52"."pts_blog" < 0.0 THEN 0.0 ELSE "t52"."pts_blog" END, 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m5",
    CAST((
      (
        COALESCE(
          CASE WHEN "t52"."pts_email_click" < 0.0 THEN 0.0 ELSE "t52"."pts_email_click" END,
          0.0
        ) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_st_m6",
    COALESCE(
      CASE WHEN "t52"."pts_demo_request" < 0.0 THEN 0.0 ELSE "t52"."pts_demo_request" END < 0.0,
      FALSE
    ) AS "_st_m0_neg",
    COALESCE(
      CASE WHEN "t52"."pts_pricing_page" < 0.0 THEN 0.0 ELSE "t52"."pts_pricing_page" END < 0.0,
      FALSE
    ) AS "_st_m1_neg",
    COALESCE(
      CASE
        WHEN "t52"."pts_comparison_site" < 0.0
        THEN 0.0
        ELSE "t52"."pts_comparison_site"
      END < 0.0,
      FALSE
    ) AS "_st_m2_neg",
    COALESCE(
      CASE WHEN "t52"."pts_case_study" < 0.0 THEN 0.0 ELSE "t52"."pts_case_study" END < 0.0,
      FALSE
    ) AS "_st_m3_neg",
    COALESCE(
      CASE WHEN "t52"."pts_webinar" < 0.0 THEN 0.0 ELSE "t52"."pts_webinar" END < 0.0,
      FALSE
    ) AS "_st_m4_neg",
    COALESCE(CASE WHEN "t52"."pts_blog" < 0.0 THEN 0.0 ELSE "t52"."pts_blog" END < 0.0, FALSE) AS "_st_m5_neg",
    COALESCE(
      CASE WHEN "t52"."pts_email_click" < 0.0 THEN 0.0 ELSE "t52"."pts_email_click" END < 0.0,
      FALSE
    ) AS "_st_m6_neg"
  FROM "revq_scores" AS "t52"
), "revq_strongest_keys" AS (
  SELECT
    "t54"."lead_id",
    "t54"."email",
    "t54"."first_name",
    "t54"."last_name",
    "t54"."title",
    "t54"."company",
    "t54"."industry",
    "t54"."employees",
    "t54"."country",
    "t54"."lead_source",
    "t54"."owner",
    "t54"."created_at",
    "t54"."last_activity_at",
    "t54"."email_normalised",
    "t54"."is_personal_email",
    "t54"."account_key",
    "t54"."_n_country",
    "t54"."_n_email",
    "t54"."_n_industry",
    "t54"."segment",
    "t54"."pts_seniority",
    "t54"."pts_company_size",
    "t54"."pts_company_size_small",
    "t54"."pts_target_industry",
    "t54"."pts_served_country",
    "t54"."pts_enterprise_seniority",
    "t54"."pts_enterprise_enterprise_size",
    "t54"."pts_personal_email",
    "t54"."pts_intern_or_student",
    "t54"."pts_unserved_country",
    "t54"."pts_tiny_company",
    "t54"."pts_demo_request",
    "t54"."pts_pricing_page",
    "t54"."pts_comparison_site",
    "t54"."pts_case_study",
    "t54"."pts_webinar",
    "t54"."pts_blog",
    "t54"."pts_email_click",
    "t54"."_signal",
    "t54"."_signal_age",
    "t54"."pts_executive_hire",
    "t54"."pts_funding",
    "t54"."pts_strategic_hiring",
    "t54"."pts_filing_language",
    "t54"."pts_expansion",
    "t54"."_raw_fit",
    "t54"."_raw_intent",
    "t54"."_raw_signal",
    "t54"."_raw_negative",
    "t54"."_u_fit_score",
    "t54"."_u_intent_score",
    "t54"."_u_signal_score",
    "t54"."_u_negative_score",
    "t54"."_u_total_score",
    "t54"."_cap_fit",
    "t54"."_cap_intent",
    "t54"."_cap_signal",
    "t54"."_cap_negative",
    "t54"."_st_m0",
    "t54"."_st_m1",
    "t54"."_st_m2",
    "t54"."_st_m3",
    "t54"."_st_m4",
    "t54"."_st_m5",
    "t54"."_st_m6",
    "t54"."_st_m0_neg",
    "t54"."_st_m1_neg",
    "t54"."_st_m2_neg",
    "t54"."_st_m3_neg",
    "t54"."_st_m4_neg",
    "t54"."_st_m5_neg",
    "t54"."_st_m6_neg",
    (
      (
        (
          ABS("t54"."_st_m0") * 2
        ) + CASE WHEN "t54"."_st_m0_neg" THEN 1 ELSE 0 END
      ) * 8
    ) + 4 AS "_st_k0",
    (
      (
        (
          ABS("t54"."_st_m1") * 2
        ) + CASE WHEN "t54"."_st_m1_neg" THEN 1 ELSE 0 END
      ) * 8
    ) + 2 AS "_st_k1",
    (
      (
        (
          ABS("t54"."_st_m2") * 2
        ) + CASE WHEN "t54"."_st_m2_neg" THEN 1 ELSE 0 END
      ) * 8
    ) + 5 AS "_st_k2",
    (
      (
        (
          ABS("t54"."_st_m3") * 2
        ) + CASE WHEN "t54"."_st_m3_neg" THEN 1 ELSE 0 END
      ) * 8
    ) + 6 AS "_st_k3",
    (
      (
        (
          ABS("t54"."_st_m4") * 2
        ) + CASE WHEN "t54"."_st_m4_neg" THEN 1 ELSE 0 END
      ) * 8
    ) + 1 AS "_st_k4",
    (
      (
        (
          ABS("t54"."_st_m5") * 2
        ) + CASE WHEN "t54"."_st_m5_neg" THEN 1 ELSE 0 END
      ) * 8
    ) + 7 AS "_st_k5",
    (
      (
        (
          ABS("t54"."_st_m6") * 2
        ) + CASE WHEN "t54"."_st_m6_neg" THEN 1 ELSE 0 END
      ) * 8
    ) + 3 AS "_st_k6"
  FROM "revq_strongest_items" AS "t54"
), "revq_strongest_1" AS (
  SELECT
    "t57"."lead_id",
    "t57"."email",
    "t57"."first_name",
    "t57"."last_name",
    "t57"."title",
    "t57"."company",
    "t57"."industry",
    "t57"."employees",
    "t57"."country",
    "t57"."lead_source",
    "t57"."owner",
    "t57"."created_at",
    "t57"."last_activity_at",
    "t57"."email_normalised",
    "t57"."is_personal_email",
    "t57"."account_key",
    "t57"."_n_country",
    "t57"."_n_email",
    "t57"."_n_industry",
    "t57"."segment",
    "t57"."pts_seniority",
    "t57"."pts_company_size",
    "t57"."pts_company_size_small",
    "t57"."pts_target_industry",
    "t57"."pts_served_country",
    "t57"."pts_enterprise_seniority",
    "t57"."pts_enterprise_enterprise_size",
    "t57"."pts_personal_email",
    "t57"."pts_intern_or_student",
    "t57"."pts_unserved_country",
    "t57"."pts_tiny_company",
    "t57"."pts_demo_request",
    "t57"."pts_pricing_page",
    "t57"."pts_comparison_site",
    "t57"."pts_case_study",
    "t57"."pts_webinar",
    "t57"."pts_blog",
    "t57"."pts_email_click",
    "t57"."_signal",
    "t57"."_signal_age",
    "t57"."pts_executive_hire",
    "t57"."pts_funding",
    "t57"."pts_strategic_hiring",
    "t57"."pts_filing_language",
    "t57"."pts_expansion",
    "t57"."_raw_fit",
    "t57"."_raw_intent",
    "t57"."_raw_signal",
    "t57"."_raw_negative",
    "t57"."_u_fit_score",
    "t57"."_u_intent_score",
    "t57"."_u_signal_score",
    "t57"."_u_negative_score",
    "t57"."_u_total_score",
    "t57"."_cap_fit",
    "t57"."_cap_intent",
    "t57"."_cap_signal",
    "t57"."_cap_negative",
    "t57"."_st_m0",
    "t57"."_st_m1",
    "t57"."_st_m2",
    "t57"."_st_m3",
    "t57"."_st_m4",
    "t57"."_st_m5",
    "t57"."_st_m6",
    "t57"."_st_m0_neg",
    "t57"."_st_m1_neg",
    "t57"."_st_m2_neg",
    "t57"."_st_m3_neg",
    "t57"."_st_m4_neg",
    "t57"."_st_m5_neg",
    "t57"."_st_m6_neg",
    "t57"."_st_k0",
    "t57"."_st_k1",
    "t57"."_st_k2",
    "t57"."_st_k3",
    "t57"."_st_k4",
    "t57"."_st_k5",
    "t57"."_st_k6",
    "t57"."_st_s0",
    CASE
      WHEN "t57"."_st_k0" = "t57"."_st_s0"
      THEN "t57"."_st_m0"
      WHEN "t57"."_st_k1" = "t57"."_st_s0"
      THEN "t57"."_st_m1"
      WHEN "t57"."_st_k2" = "t57"."_st_s0"
      THEN "t57"."_st_m2"
      WHEN "t57"."_st_k3" = "t57"."_st_s0"
      THEN "t57"."_st_m3"
      WHEN "t57"."_st_k4" = "t57"."_st_s0"
      THEN "t57"."_st_m4"
      WHEN "t57"."_st_k5" = "t57"."_st_s0"
      THEN "t57"."_st_m5"
      WHEN "t57"."_st_k6" = "t57"."_st_s0"
      THEN "t57"."_st_m6"
      ELSE 0
    END AS "_st_v0",
    CASE
      WHEN "t57"."_st_k0" = "t57"."_st_s0"
      THEN 'demo_request'
      WHEN "t57"."_st_k1" = "t57"."_st_s0"
      THEN 'pricing_page'
      WHEN "t57"."_st_k2" = "t57"."_st_s0"
      THEN 'comparison_site'
      WHEN "t57"."_st_k3" = "t57"."_st_s0"
      THEN 'case_study'
      WHEN "t57"."_st_k4" = "t57"."_st_s0"
      THEN 'webinar'
      WHEN "t57"."_st_k5" = "t57"."_st_s0"
      THEN 'blog'
      WHEN "t57"."_st_k6" = "t57"."_st_s0"
      THEN 'email_click'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_st_n0"
  FROM (
    SELECT
      "t56"."lead_id",
      "t56"."email",
      "t56"."first_name",
      "t56"."last_name",
      "t56"."title",
      "t56"."company",
      "t56"."industry",
      "t56"."employees",
      "t56"."country",
      "t56"."lead_source",
      "t56"."owner",
      "t56"."created_at",
      "t56"."last_activity_at",
      "t56"."email_normalised",
      "t56"."is_personal_email",
      "t56"."account_key",
      "t56"."_n_country",
      "t56"."_n_email",
      "t56"."_n_industry",
      "t56"."segment",
      "t56"."pts_seniority",
      "t56"."pts_company_size",
      "t56"."pts_company_size_small",
      "t56"."pts_target_industry",
      "t56"."pts_served_country",
      "t56"."pts_enterprise_seniority",
      "t56"."pts_enterprise_enterprise_size",
      "t56"."pts_personal_email",
      "t56"."pts_intern_or_student",
      "t56"."pts_unserved_country",
      "t56"."pts_tiny_company",
      "t56"."pts_demo_request",
      "t56"."pts_pricing_page",
      "t56"."pts_comparison_site",
      "t56"."pts_case_study",
      "t56"."pts_webinar",
      "t56"."pts_blog",
      "t56"."pts_email_click",
      "t56"."_signal",
      "t56"."_signal_age",
      "t56"."pts_executive_hire",
      "t56"."pts_funding",
      "t56"."pts_strategic_hiring",
      "t56"."pts_filing_language",
      "t56"."pts_expansion",
      "t56"."_raw_fit",
      "t56"."_raw_intent",
      "t56"."_raw_signal",
      "t56"."_raw_negative",
      "t56"."_u_fit_score",
      "t56"."_u_intent_score",
      "t56"."_u_signal_score",
      "t56"."_u_negative_score",
      "t56"."_u_total_score",
      "t56"."_cap_fit",
      "t56"."_cap_intent",
      "t56"."_cap_signal",
      "t56"."_cap_negative",
      "t56"."_st_m0",
      "t56"."_st_m1",
      "t56"."_st_m2",
      "t56"."_st_m3",
      "t56"."_st_m4",
      "t56"."_st_m5",
      "t56"."_st_m6",
      "t56"."_st_m0_neg",
      "t56"."_st_m1_neg",
      "t56"."_st_m2_neg",
      "t56"."_st_m3_neg",
      "t56"."_st_m4_neg",
      "t56"."_st_m5_neg",
      "t56"."_st_m6_neg",
      "t56"."_st_k0",
      "t56"."_st_k1",
      "t56"."_st_k2",
      "t56"."_st_k3",
      "t56"."_st_k4",
      "t56"."_st_k5",
      "t56"."_st_k6",
      GREATEST(
        "t56"."_st_k0",
        "t56"."_st_k1",
        "t56"."_st_k2",
        "t56"."_st_k3",
        "t56"."_st_k4",
        "t56"."_st_k5",
        "t56"."_st_k6"
      ) AS "_st_s0"
    FROM "revq_strongest_keys" AS "t56"
  ) AS "t57"
), "revq_reason_items" AS (
  SELECT
    "t59"."lead_id",
    "t59"."email",
    "t59"."first_name",
    "t59"."last_name",
    "t59"."title",
    "t59"."company",
    "t59"."industry",
    "t59"."employees",
    "t59"."country",
    "t59"."lead_source",
    "t59"."owner",
    "t59"."created_at",
    "t59"."last_activity_at",
    "t59"."email_normalised",
    "t59"."is_personal_email",
    "t59"."account_key",
    "t59"."_n_country",
    "t59"."_n_email",
    "t59"."_n_industry",
    "t59"."segment",
    "t59"."pts_seniority",
    "t59"."pts_company_size",
    "t59"."pts_company_size_small",
    "t59"."pts_target_industry",
    "t59"."pts_served_country",
    "t59"."pts_enterprise_seniority",
    "t59"."pts_enterprise_enterprise_size",
    "t59"."pts_personal_email",
    "t59"."pts_intern_or_student",
    "t59"."pts_unserved_country",
    "t59"."pts_tiny_company",
    "t59"."pts_demo_request",
    "t59"."pts_pricing_page",
    "t59"."pts_comparison_site",
    "t59"."pts_case_study",
    "t59"."pts_webinar",
    "t59"."pts_blog",
    "t59"."pts_email_click",
    "t59"."_signal",
    "t59"."_signal_age",
    "t59"."pts_executive_hire",
    "t59"."pts_funding",
    "t59"."pts_strategic_hiring",
    "t59"."pts_filing_language",
    "t59"."pts_expansion",
    "t59"."_raw_fit",
    "t59"."_raw_intent",
    "t59"."_raw_signal",
    "t59"."_raw_negative",
    "t59"."_u_fit_score",
    "t59"."_u_intent_score",
    "t59"."_u_signal_score",
    "t59"."_u_negative_score",
    "t59"."_u_total_score",
    "t59"."_cap_fit",
    "t59"."_cap_intent",
    "t59"."_cap_signal",
    "t59"."_cap_negative",
    "t59"."_st_m0",
    "t59"."_st_m1",
    "t59"."_st_m2",
    "t59"."_st_m3",
    "t59"."_st_m4",
    "t59"."_st_m5",
    "t59"."_st_m6",
    "t59"."_st_m0_neg",
    "t59"."_st_m1_neg",
    "t59"."_st_m2_neg",
    "t59"."_st_m3_neg",
    "t59"."_st_m4_neg",
    "t59"."_st_m5_neg",
    "t59"."_st_m6_neg",
    "t59"."_st_k0",
    "t59"."_st_k1",
    "t59"."_st_k2",
    "t59"."_st_k3",
    "t59"."_st_k4",
    "t59"."_st_k5",
    "t59"."_st_k6",
    "t59"."_st_s0",
    "t59"."_st_v0",
    "t59"."_st_n0",
    CAST((
      (
        COALESCE("t59"."pts_seniority", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m0",
    CAST((
      (
        COALESCE("t59"."pts_company_size", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m1",
    CAST((
      (
        COALESCE("t59"."pts_company_size_small", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m2",
    CAST((
      (
        COALESCE("t59"."pts_target_industry", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m3",
    CAST((
      (
        COALESCE("t59"."pts_served_country", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m4",
    CAST((
      (
        COALESCE("t59"."pts_enterprise_seniority", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m5",
    CAST((
      (
        COALESCE("t59"."pts_enterprise_enterprise_size", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m6",
    CAST((
      (
        COALESCE("t59"."pts_personal_email", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m7",
    CAST((
      (
        COALESCE("t59"."pts_intern_or_student", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m8",
    CAST((
      (
        COALESCE("t59"."pts_unserved_country", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m9",
    CAST((
      (
        COALESCE("t59"."pts_tiny_company", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m10",
    CAST((
      (
        COALESCE("t59"."pts_demo_request", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m11",
    CAST((
      (
        COALESCE("t59"."pts_pricing_page", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m12",
    CAST((
      (
        COALESCE("t59"."pts_comparison_site", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m13",
    CAST((
      (
        COALESCE("t59"."pts_case_study", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m14",
    CAST((
      (
        COALESCE("t59"."pts_webinar", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m15",
    CAST((
      (
        COALESCE("t59"."pts_blog", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m16",
    CAST((
      (
        COALESCE("t59"."pts_email_click", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m17",
    CAST((
      (
        COALESCE("t59"."pts_executive_hire", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m18",
    CAST((
      (
        COALESCE("t59"."pts_funding", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m19",
    CAST((
      (
        COALESCE("t59"."pts_strategic_hiring", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m20",
    CAST((
      (
        COALESCE("t59"."pts_filing_language", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m21",
    CAST((
      (
        COALESCE("t59"."pts_expansion", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m22",
    CAST((
      (
        COALESCE("t59"."_cap_fit", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m23",
    CAST((
      (
        COALESCE("t59"."_cap_intent", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m24",
    CAST((
      (
        COALESCE("t59"."_cap_signal", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m25",
    CAST((
      (
        COALESCE("t59"."_cap_negative", 0.0) * 1000000.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS "_re_m26",
    COALESCE("t59"."pts_seniority" < 0.0, FALSE) AS "_re_m0_neg",
    COALESCE("t59"."pts_company_size" < 0.0, FALSE) AS "_re_m1_neg",
    COALESCE("t59"."pts_company_size_small" < 0.0, FALSE) AS "_re_m2_neg",
    COALESCE("t59"."pts_target_industry" < 0.0, FALSE) AS "_re_m3_neg",
    COALESCE("t59"."pts_served_country" < 0.0, FALSE) AS "_re_m4_neg",
    COALESCE("t59"."pts_enterprise_seniority" < 0.0, FALSE) AS "_re_m5_neg",
    COALESCE("t59"."pts_enterprise_enterprise_size" < 0.0, FALSE) AS "_re_m6_neg",
    COALESCE("t59"."pts_personal_email" < 0.0, FALSE) AS "_re_m7_neg",
    COALESCE("t59"."pts_intern_or_student" < 0.0, FALSE) AS "_re_m8_neg",
    COALESCE("t59"."pts_unserved_country" < 0.0, FALSE) AS "_re_m9_neg",
    COALESCE("t59"."pts_tiny_company" < 0.0, FALSE) AS "_re_m10_neg",
    COALESCE("t59"."pts_demo_request" < 0.0, FALSE) AS "_re_m11_neg",
    COALESCE("t59"."pts_pricing_page" < 0.0, FALSE) AS "_re_m12_neg",
    COALESCE("t59"."pts_comparison_site" < 0.0, FALSE) AS "_re_m13_neg",
    COALESCE("t59"."pts_case_study" < 0.0, FALSE) AS "_re_m14_neg",
    COALESCE("t59"."pts_webinar" < 0.0, FALSE) AS "_re_m15_neg",
    COALESCE("t59"."pts_blog" < 0.0, FALSE) AS "_re_m16_neg",
    COALESCE("t59"."pts_email_click" < 0.0, FALSE) AS "_re_m17_neg",
    COALESCE("t59"."pts_executive_hire" < 0.0, FALSE) AS "_re_m18_neg",
    COALESCE("t59"."pts_funding" < 0.0, FALSE) AS "_re_m19_neg",
    COALESCE("t59"."pts_strategic_hiring" < 0.0, FALSE) AS "_re_m20_neg",
    COALESCE("t59"."pts_filing_language" < 0.0, FALSE) AS "_re_m21_neg",
    COALESCE("t59"."pts_expansion" < 0.0, FALSE) AS "_re_m22_neg",
    COALESCE("t59"."_cap_fit" < 0.0, FALSE) AS "_re_m23_neg",
    COALESCE("t59"."_cap_intent" < 0.0, FALSE) AS "_re_m24_neg",
    COALESCE("t59"."_cap_signal" < 0.0, FALSE) AS "_re_m25_neg",
    COALESCE("t59"."_cap_negative" < 0.0, FALSE) AS "_re_m26_neg"
  FROM "revq_strongest_1" AS "t59"
), "revq_reason_keys" AS (
  SELECT
    "t61"."lead_id",
    "t61"."email",
    "t61"."first_name",
    "t61"."last_name",
    "t61"."title",
    "t61"."company",
    "t61"."industry",
    "t61"."employees",
    "t61"."country",
    "t61"."lead_source",
    "t61"."owner",
    "t61"."created_at",
    "t61"."last_activity_at",
    "t61"."email_normalised",
    "t61"."is_personal_email",
    "t61"."account_key",
    "t61"."_n_country",
    "t61"."_n_email",
    "t61"."_n_industry",
    "t61"."segment",
    "t61"."pts_seniority",
    "t61"."pts_company_size",
    "t61"."pts_company_size_small",
    "t61"."pts_target_industry",
    "t61"."pts_served_country",
    "t61"."pts_enterprise_seniority",
    "t61"."pts_enterprise_enterprise_size",
    "t61"."pts_personal_email",
    "t61"."pts_intern_or_student",
    "t61"."pts_unserved_country",
    "t61"."pts_tiny_company",
    "t61"."pts_demo_request",
    "t61"."pts_pricing_page",
    "t61"."pts_comparison_site",
    "t61"."pts_case_study",
    "t61"."pts_webinar",
    "t61"."pts_blog",
    "t61"."pts_email_click",
    "t61"."_signal",
    "t61"."_signal_age",
    "t61"."pts_executive_hire",
    "t61"."pts_funding",
    "t61"."pts_strategic_hiring",
    "t61"."pts_filing_language",
    "t61"."pts_expansion",
    "t61"."_raw_fit",
    "t61"."_raw_intent",
    "t61"."_raw_signal",
    "t61"."_raw_negative",
    "t61"."_u_fit_score",
    "t61"."_u_intent_score",
    "t61"."_u_signal_score",
    "t61"."_u_negative_score",
    "t61"."_u_total_score",
    "t61"."_cap_fit",
    "t61"."_cap_intent",
    "t61"."_cap_signal",
    "t61"."_cap_negative",
    "t61"."_st_m0",
    "t61"."_st_m1",
    "t61"."_st_m2",
    "t61"."_st_m3",
    "t61"."_st_m4",
    "t61"."_st_m5",
    "t61"."_st_m6",
    "t61"."_st_m0_neg",
    "t61"."_st_m1_neg",
    "t61"."_st_m2_neg",
    "t61"."_st_m3_neg",
    "t61"."_st_m4_neg",
    "t61"."_st_m5_neg",
    "t61"."_st_m6_neg",
    "t61"."_st_k0",
    "t61"."_st_k1",
    "t61"."_st_k2",
    "t61"."_st_k3",
    "t61"."_st_k4",
    "t61"."_st_k5",
    "t61"."_st_k6",
    "t61"."_st_s0",
    "t61"."_st_v0",
    "t61"."_st_n0",
    "t61"."_re_m0",
    "t61"."_re_m1",
    "t61"."_re_m2",
    "t61"."_re_m3",
    "t61"."_re_m4",
    "t61"."_re_m5",
    "t61"."_re_m6",
    "t61"."_re_m7",
    "t61"."_re_m8",
    "t61"."_re_m9",
    "t61"."_re_m10",
    "t61"."_re_m11",
    "t61"."_re_m12",
    "t61"."_re_m13",
    "t61"."_re_m14",
    "t61"."_re_m15",
    "t61"."_re_m16",
    "t61"."_re_m17",
    "t61"."_re_m18",
    "t61"."_re_m19",
    "t61"."_re_m20",
    "t61"."_re_m21",
    "t61"."_re_m22",
    "t61"."_re_m23",
    "t61"."_re_m24",
    "t61"."_re_m25",
    "t61"."_re_m26",
    "t61"."_re_m0_neg",
    "t61"."_re_m1_neg",
    "t61"."_re_m2_neg",
    "t61"."_re_m3_neg",
    "t61"."_re_m4_neg",
    "t61"."_re_m5_neg",
    "t61"."_re_m6_neg",
    "t61"."_re_m7_neg",
    "t61"."_re_m8_neg",
    "t61"."_re_m9_neg",
    "t61"."_re_m10_neg",
    "t61"."_re_m11_neg",
    "t61"."_re_m12_neg",
    "t61"."_re_m13_neg",
    "t61"."_re_m14_neg",
    "t61"."_re_m15_neg",
    "t61"."_re_m16_neg",
    "t61"."_re_m17_neg",
    "t61"."_re_m18_neg",
    "t61"."_re_m19_neg",
    "t61"."_re_m20_neg",
    "t61"."_re_m21_neg",
    "t61"."_re_m22_neg",
    "t61"."_re_m23_neg",
    "t61"."_re_m24_neg",
    "t61"."_re_m25_neg",
    "t61"."_re_m26_neg",
    (
      (
        (
          ABS("t61"."_re_m0") * 2
        ) + CASE WHEN "t61"."_re_m0_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 11 AS "_re_k0",
    (
      (
        (
          ABS("t61"."_re_m1") * 2
        ) + CASE WHEN "t61"."_re_m1_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 21 AS "_re_k1",
    (
      (
        (
          ABS("t61"."_re_m2") * 2
        ) + CASE WHEN "t61"."_re_m2_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 20 AS "_re_k2",
    (
      (
        (
          ABS("t61"."_re_m3") * 2
        ) + CASE WHEN "t61"."_re_m3_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 4 AS "_re_k3",
    (
      (
        (
          ABS("t61"."_re_m4") * 2
        ) + CASE WHEN "t61"."_re_m4_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 10 AS "_re_k4",
    (
      (
        (
          ABS("t61"."_re_m5") * 2
        ) + CASE WHEN "t61"."_re_m5_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 15 AS "_re_k5",
    (
      (
        (
          ABS("t61"."_re_m6") * 2
        ) + CASE WHEN "t61"."_re_m6_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 16 AS "_re_k6",
    (
      (
        (
          ABS("t61"."_re_m7") * 2
        ) + CASE WHEN "t61"."_re_m7_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 13 AS "_re_k7",
    (
      (
        (
          ABS("t61"."_re_m8") * 2
        ) + CASE WHEN "t61"."_re_m8_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 14 AS "_re_k8",
    (
      (
        (
          ABS("t61"."_re_m9") * 2
        ) + CASE WHEN "t61"."_re_m9_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 2 AS "_re_k9",
    (
      (
        (
          ABS("t61"."_re_m10") * 2
        ) + CASE WHEN "t61"."_re_m10_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 3 AS "_re_k10",
    (
      (
        (
          ABS("t61"."_re_m11") * 2
        ) + CASE WHEN "t61"."_re_m11_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 18 AS "_re_k11",
    (
      (
        (
          ABS("t61"."_re_m12") * 2
        ) + CASE WHEN "t61"."_re_m12_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 12 AS "_re_k12",
    (
      (
        (
          ABS("t61"."_re_m13") * 2
        ) + CASE WHEN "t61"."_re_m13_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 19 AS "_re_k13",
    (
      (
        (
          ABS("t61"."_re_m14") * 2
        ) + CASE WHEN "t61"."_re_m14_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 22 AS "_re_k14",
    (
      (
        (
          ABS("t61"."_re_m15") * 2
        ) + CASE WHEN "t61"."_re_m15_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 1 AS "_re_k15",
    (
      (
        (
          ABS("t61"."_re_m16") * 2
        ) + CASE WHEN "t61"."_re_m16_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 27 AS "_re_k16",
    (
      (
        (
          ABS("t61"."_re_m17") * 2
        ) + CASE WHEN "t61"."_re_m17_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 17 AS "_re_k17",
    (
      (
        (
          ABS("t61"."_re_m18") * 2
        ) + CASE WHEN "t61"."_re_m18_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 9 AS "_re_k18",
    (
      (
        (
          ABS("t61"."_re_m19") * 2
        ) + CASE WHEN "t61"."_re_m19_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 6 AS "_re_k19",
    (
      (
        (
          ABS("t61"."_re_m20") * 2
        ) + CASE WHEN "t61"."_re_m20_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 5 AS "_re_k20",
    (
      (
        (
          ABS("t61"."_re_m21") * 2
        ) + CASE WHEN "t61"."_re_m21_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 7 AS "_re_k21",
    (
      (
        (
          ABS("t61"."_re_m22") * 2
        ) + CASE WHEN "t61"."_re_m22_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 8 AS "_re_k22",
    (
      (
        (
          ABS("t61"."_re_m23") * 2
        ) + CASE WHEN "t61"."_re_m23_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 26 AS "_re_k23",
    (
      (
        (
          ABS("t61"."_re_m24") * 2
        ) + CASE WHEN "t61"."_re_m24_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 25 AS "_re_k24",
    (
      (
        (
          ABS("t61"."_re_m25") * 2
        ) + CASE WHEN "t61"."_re_m25_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 23 AS "_re_k25",
    (
      (
        (
          ABS("t61"."_re_m26") * 2
        ) + CASE WHEN "t61"."_re_m26_neg" THEN 1 ELSE 0 END
      ) * 28
    ) + 24 AS "_re_k26"
  FROM "revq_reason_items" AS "t61"
), "revq_reason_1" AS (
  SELECT
    "t64"."lead_id",
    "t64"."email",
    "t64"."first_name",
    "t64"."last_name",
    "t64"."title",
    "t64"."company",
    "t64"."industry",
    "t64"."employees",
    "t64"."country",
    "t64"."lead_source",
    "t64"."owner",
    "t64"."created_at",
    "t64"."last_activity_at",
    "t64"."email_normalised",
    "t64"."is_personal_email",
    "t64"."account_key",
    "t64"."_n_country",
    "t64"."_n_email",
    "t64"."_n_industry",
    "t64"."segment",
    "t64"."pts_seniority",
    "t64"."pts_company_size",
    "t64"."pts_company_size_small",
    "t64"."pts_target_industry",
    "t64"."pts_served_country",
    "t64"."pts_enterprise_seniority",
    "t64"."pts_enterprise_enterprise_size",
    "t64"."pts_personal_email",
    "t64"."pts_intern_or_student",
    "t64"."pts_unserved_country",
    "t64"."pts_tiny_company",
    "t64"."pts_demo_request",
    "t64"."pts_pricing_page",
    "t64"."pts_comparison_site",
    "t64"."pts_case_study",
    "t64"."pts_webinar",
    "t64"."pts_blog",
    "t64"."pts_email_click",
    "t64"."_signal",
    "t64"."_signal_age",
    "t64"."pts_executive_hire",
    "t64"."pts_funding",
    "t64"."pts_strategic_hiring",
    "t64"."pts_filing_language",
    "t64"."pts_expansion",
    "t64"."_raw_fit",
    "t64"."_raw_intent",
    "t64"."_raw_signal",
    "t64"."_raw_negative",
    "t64"."_u_fit_score",
    "t64"."_u_intent_score",
    "t64"."_u_signal_score",
    "t64"."_u_negative_score",
    "t64"."_u_total_score",
    "t64"."_cap_fit",
    "t64"."_cap_intent",
    "t64"."_cap_signal",
    "t64"."_cap_negative",
    "t64"."_st_m0",
    "t64"."_st_m1",
    "t64"."_st_m2",
    "t64"."_st_m3",
    "t64"."_st_m4",
    "t64"."_st_m5",
    "t64"."_st_m6",
    "t64"."_st_m0_neg",
    "t64"."_st_m1_neg",
    "t64"."_st_m2_neg",
    "t64"."_st_m3_neg",
    "t64"."_st_m4_neg",
    "t64"."_st_m5_neg",
    "t64"."_st_m6_neg",
    "t64"."_st_k0",
    "t64"."_st_k1",
    "t64"."_st_k2",
    "t64"."_st_k3",
    "t64"."_st_k4",
    "t64"."_st_k5",
    "t64"."_st_k6",
    "t64"."_st_s0",
    "t64"."_st_v0",
    "t64"."_st_n0",
    "t64"."_re_m0",
    "t64"."_re_m1",
    "t64"."_re_m2",
    "t64"."_re_m3",
    "t64"."_re_m4",
    "t64"."_re_m5",
    "t64"."_re_m6",
    "t64"."_re_m7",
    "t64"."_re_m8",
    "t64"."_re_m9",
    "t64"."_re_m10",
    "t64"."_re_m11",
    "t64"."_re_m12",
    "t64"."_re_m13",
    "t64"."_re_m14",
    "t64"."_re_m15",
    "t64"."_re_m16",
    "t64"."_re_m17",
    "t64"."_re_m18",
    "t64"."_re_m19",
    "t64"."_re_m20",
    "t64"."_re_m21",
    "t64"."_re_m22",
    "t64"."_re_m23",
    "t64"."_re_m24",
    "t64"."_re_m25",
    "t64"."_re_m26",
    "t64"."_re_m0_neg",
    "t64"."_re_m1_neg",
    "t64"."_re_m2_neg",
    "t64"."_re_m3_neg",
    "t64"."_re_m4_neg",
    "t64"."_re_m5_neg",
    "t64"."_re_m6_neg",
    "t64"."_re_m7_neg",
    "t64"."_re_m8_neg",
    "t64"."_re_m9_neg",
    "t64"."_re_m10_neg",
    "t64"."_re_m11_neg",
    "t64"."_re_m12_neg",
    "t64"."_re_m13_neg",
    "t64"."_re_m14_neg",
    "t64"."_re_m15_neg",
    "t64"."_re_m16_neg",
    "t64"."_re_m17_neg",
    "t64"."_re_m18_neg",
    "t64"."_re_m19_neg",
    "t64"."_re_m20_neg",
    "t64"."_re_m21_neg",
    "t64"."_re_m22_neg",
    "t64"."_re_m23_neg",
    "t64"."_re_m24_neg",
    "t64"."_re_m25_neg",
    "t64"."_re_m26_neg",
    "t64"."_re_k0",
    "t64"."_re_k1",
    "t64"."_re_k2",
    "t64"."_re_k3",
    "t64"."_re_k4",
    "t64"."_re_k5",
    "t64"."_re_k6",
    "t64"."_re_k7",
    "t64"."_re_k8",
    "t64"."_re_k9",
    "t64"."_re_k10",
    "t64"."_re_k11",
    "t64"."_re_k12",
    "t64"."_re_k13",
    "t64"."_re_k14",
    "t64"."_re_k15",
    "t64"."_re_k16",
    "t64"."_re_k17",
    "t64"."_re_k18",
    "t64"."_re_k19",
    "t64"."_re_k20",
    "t64"."_re_k21",
    "t64"."_re_k22",
    "t64"."_re_k23",
    "t64"."_re_k24",
    "t64"."_re_k25",
    "t64"."_re_k26",
    "t64"."_re_s0",
    CASE
      WHEN "t64"."_re_k0" = "t64"."_re_s0"
      THEN "t64"."_re_m0"
      WHEN "t64"."_re_k1" = "t64"."_re_s0"
      THEN "t64"."_re_m1"
      WHEN "t64"."_re_k2" = "t64"."_re_s0"
      THEN "t64"."_re_m2"
      WHEN "t64"."_re_k3" = "t64"."_re_s0"
      THEN "t64"."_re_m3"
      WHEN "t64"."_re_k4" = "t64"."_re_s0"
      THEN "t64"."_re_m4"
      WHEN "t64"."_re_k5" = "t64"."_re_s0"
      THEN "t64"."_re_m5"
      WHEN "t64"."_re_k6" = "t64"."_re_s0"
      THEN "t64"."_re_m6"
      WHEN "t64"."_re_k7" = "t64"."_re_s0"
      THEN "t64"."_re_m7"
      WHEN "t64"."_re_k8" = "t64"."_re_s0"
      THEN "t64"."_re_m8"
      WHEN "t64"."_re_k9" = "t64"."_re_s0"
      THEN "t64"."_re_m9"
      WHEN "t64"."_re_k10" = "t64"."_re_s0"
      THEN "t64"."_re_m10"
      WHEN "t64"."_re_k11" = "t64"."_re_s0"
      THEN "t64"."_re_m11"
      WHEN "t64"."_re_k12" = "t64"."_re_s0"
      THEN "t64"."_re_m12"
      WHEN "t64"."_re_k13" = "t64"."_re_s0"
      THEN "t64"."_re_m13"
      WHEN "t64"."_re_k14" = "t64"."_re_s0"
      THEN "t64"."_re_m14"
      WHEN "t64"."_re_k15" = "t64"."_re_s0"
      THEN "t64"."_re_m15"
      WHEN "t64"."_re_k16" = "t64"."_re_s0"
      THEN "t64"."_re_m16"
      WHEN "t64"."_re_k17" = "t64"."_re_s0"
      THEN "t64"."_re_m17"
      WHEN "t64"."_re_k18" = "t64"."_re_s0"
      THEN "t64"."_re_m18"
      WHEN "t64"."_re_k19" = "t64"."_re_s0"
      THEN "t64"."_re_m19"
      WHEN "t64"."_re_k20" = "t64"."_re_s0"
      THEN "t64"."_re_m20"
      WHEN "t64"."_re_k21" = "t64"."_re_s0"
      THEN "t64"."_re_m21"
      WHEN "t64"."_re_k22" = "t64"."_re_s0"
      THEN "t64"."_re_m22"
      WHEN "t64"."_re_k23" = "t64"."_re_s0"
      THEN "t64"."_re_m23"
      WHEN "t64"."_re_k24" = "t64"."_re_s0"
      THEN "t64"."_re_m24"
      WHEN "t64"."_re_k25" = "t64"."_re_s0"
      THEN "t64"."_re_m25"
      WHEN "t64"."_re_k26" = "t64"."_re_s0"
      THEN "t64"."_re_m26"
      ELSE 0
    END AS "_re_v0",
    CASE
      WHEN "t64"."_re_k0" = "t64"."_re_s0"
      THEN 'seniority'
      WHEN "t64"."_re_k1" = "t64"."_re_s0"
      THEN 'company_size'
      WHEN "t64"."_re_k2" = "t64"."_re_s0"
      THEN 'company_size_small'
      WHEN "t64"."_re_k3" = "t64"."_re_s0"
      THEN 'target_industry'
      WHEN "t64"."_re_k4" = "t64"."_re_s0"
      THEN 'served_country'
      WHEN "t64"."_re_k5" = "t64"."_re_s0"
      THEN 'enterprise.seniority'
      WHEN "t64"."_re_k6" = "t64"."_re_s0"
      THEN 'enterprise.enterprise_size'
      WHEN "t64"."_re_k7" = "t64"."_re_s0"
      THEN 'personal_email'
      WHEN "t64"."_re_k8" = "t64"."_re_s0"
      THEN 'intern_or_student'
      WHEN "t64"."_re_k9" = "t64"."_re_s0"
      THEN 'unserved_country'
      WHEN "t64"."_re_k10" = "t64"."_re_s0"
      THEN 'tiny_company'
      WHEN "t64"."_re_k11" = "t64"."_re_s0"
      THEN 'demo_request'
      WHEN "t64"."_re_k12" = "t64"."_re_s0"
      THEN 'pricing_page'
      WHEN "t64"."_re_k13" = "t64"."_re_s0"
      THEN 'comparison_site'
      WHEN "t64"."_re_k14" = "t64"."_re_s0"
      THEN 'case_study'
      WHEN "t64"."_re_k15" = "t64"."_re_s0"
      THEN 'webinar'
      WHEN "t64"."_re_k16" = "t64"."_re_s0"
      THEN 'blog'
      WHEN "t64"."_re_k17" = "t64"."_re_s0"
      THEN 'email_click'
      WHEN "t64"."_re_k18" = "t64"."_re_s0"
      THEN 'signal:executive_hire'
      WHEN "t64"."_re_k19" = "t64"."_re_s0"
      THEN 'signal:funding'
      WHEN "t64"."_re_k20" = "t64"."_re_s0"
      THEN 'signal:strategic_hiring'
      WHEN "t64"."_re_k21" = "t64"."_re_s0"
      THEN 'signal:filing_language'
      WHEN "t64"."_re_k22" = "t64"."_re_s0"
      THEN 'signal:expansion'
      WHEN "t64"."_re_k23" = "t64"."_re_s0"
      THEN 'cap:fit'
      WHEN "t64"."_re_k24" = "t64"."_re_s0"
      THEN 'cap:intent'
      WHEN "t64"."_re_k25" = "t64"."_re_s0"
      THEN 'cap:signal'
      WHEN "t64"."_re_k26" = "t64"."_re_s0"
      THEN 'cap:negative'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_re_n0"
  FROM (
    SELECT
      "t63"."lead_id",
      "t63"."email",
      "t63"."first_name",
      "t63"."last_name",
      "t63"."title",
      "t63"."company",
      "t63"."industry",
      "t63"."employees",
      "t63"."country",
      "t63"."lead_source",
      "t63"."owner",
      "t63"."created_at",
      "t63"."last_activity_at",
      "t63"."email_normalised",
      "t63"."is_personal_email",
      "t63"."account_key",
      "t63"."_n_country",
      "t63"."_n_email",
      "t63"."_n_industry",
      "t63"."segment",
      "t63"."pts_seniority",
      "t63"."pts_company_size",
      "t63"."pts_company_size_small",
      "t63"."pts_target_industry",
      "t63"."pts_served_country",
      "t63"."pts_enterprise_seniority",
      "t63"."pts_enterprise_enterprise_size",
      "t63"."pts_personal_email",
      "t63"."pts_intern_or_student",
      "t63"."pts_unserved_country",
      "t63"."pts_tiny_company",
      "t63"."pts_demo_request",
      "t63"."pts_pricing_page",
      "t63"."pts_comparison_site",
      "t63"."pts_case_study",
      "t63"."pts_webinar",
      "t63"."pts_blog",
      "t63"."pts_email_click",
      "t63"."_signal",
      "t63"."_signal_age",
      "t63"."pts_executive_hire",
      "t63"."pts_funding",
      "t63"."pts_strategic_hiring",
      "t63"."pts_filing_language",
      "t63"."pts_expansion",
      "t63"."_raw_fit",
      "t63"."_raw_intent",
      "t63"."_raw_signal",
      "t63"."_raw_negative",
      "t63"."_u_fit_score",
      "t63"."_u_intent_score",
      "t63"."_u_signal_score",
      "t63"."_u_negative_score",
      "t63"."_u_total_score",
      "t63"."_cap_fit",
      "t63"."_cap_intent",
      "t63"."_cap_signal",
      "t63"."_cap_negative",
      "t63"."_st_m0",
      "t63"."_st_m1",
      "t63"."_st_m2",
      "t63"."_st_m3",
      "t63"."_st_m4",
      "t63"."_st_m5",
      "t63"."_st_m6",
      "t63"."_st_m0_neg",
      "t63"."_st_m1_neg",
      "t63"."_st_m2_neg",
      "t63"."_st_m3_neg",
      "t63"."_st_m4_neg",
      "t63"."_st_m5_neg",
      "t63"."_st_m6_neg",
      "t63"."_st_k0",
      "t63"."_st_k1",
      "t63"."_st_k2",
      "t63"."_st_k3",
      "t63"."_st_k4",
      "t63"."_st_k5",
      "t63"."_st_k6",
      "t63"."_st_s0",
      "t63"."_st_v0",
      "t63"."_st_n0",
      "t63"."_re_m0",
      "t63"."_re_m1",
      "t63"."_re_m2",
      "t63"."_re_m3",
      "t63"."_re_m4",
      "t63"."_re_m5",
      "t63"."_re_m6",
      "t63"."_re_m7",
      "t63"."_re_m8",
      "t63"."_re_m9",
      "t63"."_re_m10",
      "t63"."_re_m11",
      "t63"."_re_m12",
      "t63"."_re_m13",
      "t63"."_re_m14",
      "t63"."_re_m15",
      "t63"."_re_m16",
      "t63"."_re_m17",
      "t63"."_re_m18",
      "t63"."_re_m19",
      "t63"."_re_m20",
      "t63"."_re_m21",
      "t63"."_re_m22",
      "t63"."_re_m23",
      "t63"."_re_m24",
      "t63"."_re_m25",
      "t63"."_re_m26",
      "t63"."_re_m0_neg",
      "t63"."_re_m1_neg",
      "t63"."_re_m2_neg",
      "t63"."_re_m3_neg",
      "t63"."_re_m4_neg",
      "t63"."_re_m5_neg",
      "t63"."_re_m6_neg",
      "t63"."_re_m7_neg",
      "t63"."_re_m8_neg",
      "t63"."_re_m9_neg",
      "t63"."_re_m10_neg",
      "t63"."_re_m11_neg",
      "t63"."_re_m12_neg",
      "t63"."_re_m13_neg",
      "t63"."_re_m14_neg",
      "t63"."_re_m15_neg",
      "t63"."_re_m16_neg",
      "t63"."_re_m17_neg",
      "t63"."_re_m18_neg",
      "t63"."_re_m19_neg",
      "t63"."_re_m20_neg",
      "t63"."_re_m21_neg",
      "t63"."_re_m22_neg",
      "t63"."_re_m23_neg",
      "t63"."_re_m24_neg",
      "t63"."_re_m25_neg",
      "t63"."_re_m26_neg",
      "t63"."_re_k0",
      "t63"."_re_k1",
      "t63"."_re_k2",
      "t63"."_re_k3",
      "t63"."_re_k4",
      "t63"."_re_k5",
      "t63"."_re_k6",
      "t63"."_re_k7",
      "t63"."_re_k8",
      "t63"."_re_k9",
      "t63"."_re_k10",
      "t63"."_re_k11",
      "t63"."_re_k12",
      "t63"."_re_k13",
      "t63"."_re_k14",
      "t63"."_re_k15",
      "t63"."_re_k16",
      "t63"."_re_k17",
      "t63"."_re_k18",
      "t63"."_re_k19",
      "t63"."_re_k20",
      "t63"."_re_k21",
      "t63"."_re_k22",
      "t63"."_re_k23",
      "t63"."_re_k24",
      "t63"."_re_k25",
      "t63"."_re_k26",
      GREATEST(
        "t63"."_re_k0",
        "t63"."_re_k1",
        "t63"."_re_k2",
        "t63"."_re_k3",
        "t63"."_re_k4",
        "t63"."_re_k5",
        "t63"."_re_k6",
        "t63"."_re_k7",
        "t63"."_re_k8",
        "t63"."_re_k9",
        "t63"."_re_k10",
        "t63"."_re_k11",
        "t63"."_re_k12",
        "t63"."_re_k13",
        "t63"."_re_k14",
        "t63"."_re_k15",
        "t63"."_re_k16",
        "t63"."_re_k17",
        "t63"."_re_k18",
        "t63"."_re_k19",
        "t63"."_re_k20",
        "t63"."_re_k21",
        "t63"."_re_k22",
        "t63"."_re_k23",
        "t63"."_re_k24",
        "t63"."_re_k25",
        "t63"."_re_k26"
      ) AS "_re_s0"
    FROM "revq_reason_keys" AS "t63"
  ) AS "t64"
), "revq_reason_2" AS (
  SELECT
    "t67"."lead_id",
    "t67"."email",
    "t67"."first_name",
    "t67"."last_name",
    "t67"."title",
    "t67"."company",
    "t67"."industry",
    "t67"."employees",
    "t67"."country",
    "t67"."lead_source",
    "t67"."owner",
    "t67"."created_at",
    "t67"."last_activity_at",
    "t67"."email_normalised",
    "t67"."is_personal_email",
    "t67"."account_key",
    "t67"."_n_country",
    "t67"."_n_email",
    "t67"."_n_industry",
    "t67"."segment",
    "t67"."pts_seniority",
    "t67"."pts_company_size",
    "t67"."pts_company_size_small",
    "t67"."pts_target_industry",
    "t67"."pts_served_country",
    "t67"."pts_enterprise_seniority",
    "t67"."pts_enterprise_enterprise_size",
    "t67"."pts_personal_email",
    "t67"."pts_intern_or_student",
    "t67"."pts_unserved_country",
    "t67"."pts_tiny_company",
    "t67"."pts_demo_request",
    "t67"."pts_pricing_page",
    "t67"."pts_comparison_site",
    "t67"."pts_case_study",
    "t67"."pts_webinar",
    "t67"."pts_blog",
    "t67"."pts_email_click",
    "t67"."_signal",
    "t67"."_signal_age",
    "t67"."pts_executive_hire",
    "t67"."pts_funding",
    "t67"."pts_strategic_hiring",
    "t67"."pts_filing_language",
    "t67"."pts_expansion",
    "t67"."_raw_fit",
    "t67"."_raw_intent",
    "t67"."_raw_signal",
    "t67"."_raw_negative",
    "t67"."_u_fit_score",
    "t67"."_u_intent_score",
    "t67"."_u_signal_score",
    "t67"."_u_negative_score",
    "t67"."_u_total_score",
    "t67"."_cap_fit",
    "t67"."_cap_intent",
    "t67"."_cap_signal",
    "t67"."_cap_negative",
    "t67"."_st_m0",
    "t67"."_st_m1",
    "t67"."_st_m2",
    "t67"."_st_m3",
    "t67"."_st_m4",
    "t67"."_st_m5",
    "t67"."_st_m6",
    "t67"."_st_m0_neg",
    "t67"."_st_m1_neg",
    "t67"."_st_m2_neg",
    "t67"."_st_m3_neg",
    "t67"."_st_m4_neg",
    "t67"."_st_m5_neg",
    "t67"."_st_m6_neg",
    "t67"."_st_k0",
    "t67"."_st_k1",
    "t67"."_st_k2",
    "t67"."_st_k3",
    "t67"."_st_k4",
    "t67"."_st_k5",
    "t67"."_st_k6",
    "t67"."_st_s0",
    "t67"."_st_v0",
    "t67"."_st_n0",
    "t67"."_re_m0",
    "t67"."_re_m1",
    "t67"."_re_m2",
    "t67"."_re_m3",
    "t67"."_re_m4",
    "t67"."_re_m5",
    "t67"."_re_m6",
    "t67"."_re_m7",
    "t67"."_re_m8",
    "t67"."_re_m9",
    "t67"."_re_m10",
    "t67"."_re_m11",
    "t67"."_re_m12",
    "t67"."_re_m13",
    "t67"."_re_m14",
    "t67"."_re_m15",
    "t67"."_re_m16",
    "t67"."_re_m17",
    "t67"."_re_m18",
    "t67"."_re_m19",
    "t67"."_re_m20",
    "t67"."_re_m21",
    "t67"."_re_m22",
    "t67"."_re_m23",
    "t67"."_re_m24",
    "t67"."_re_m25",
    "t67"."_re_m26",
    "t67"."_re_m0_neg",
    "t67"."_re_m1_neg",
    "t67"."_re_m2_neg",
    "t67"."_re_m3_neg",
    "t67"."_re_m4_neg",
    "t67"."_re_m5_neg",
    "t67"."_re_m6_neg",
    "t67"."_re_m7_neg",
    "t67"."_re_m8_neg",
    "t67"."_re_m9_neg",
    "t67"."_re_m10_neg",
    "t67"."_re_m11_neg",
    "t67"."_re_m12_neg",
    "t67"."_re_m13_neg",
    "t67"."_re_m14_neg",
    "t67"."_re_m15_neg",
    "t67"."_re_m16_neg",
    "t67"."_re_m17_neg",
    "t67"."_re_m18_neg",
    "t67"."_re_m19_neg",
    "t67"."_re_m20_neg",
    "t67"."_re_m21_neg",
    "t67"."_re_m22_neg",
    "t67"."_re_m23_neg",
    "t67"."_re_m24_neg",
    "t67"."_re_m25_neg",
    "t67"."_re_m26_neg",
    "t67"."_re_k0",
    "t67"."_re_k1",
    "t67"."_re_k2",
    "t67"."_re_k3",
    "t67"."_re_k4",
    "t67"."_re_k5",
    "t67"."_re_k6",
    "t67"."_re_k7",
    "t67"."_re_k8",
    "t67"."_re_k9",
    "t67"."_re_k10",
    "t67"."_re_k11",
    "t67"."_re_k12",
    "t67"."_re_k13",
    "t67"."_re_k14",
    "t67"."_re_k15",
    "t67"."_re_k16",
    "t67"."_re_k17",
    "t67"."_re_k18",
    "t67"."_re_k19",
    "t67"."_re_k20",
    "t67"."_re_k21",
    "t67"."_re_k22",
    "t67"."_re_k23",
    "t67"."_re_k24",
    "t67"."_re_k25",
    "t67"."_re_k26",
    "t67"."_re_s0",
    "t67"."_re_v0",
    "t67"."_re_n0",
    "t67"."_re_s1",
    CASE
      WHEN "t67"."_re_k0" = "t67"."_re_s1"
      THEN "t67"."_re_m0"
      WHEN "t67"."_re_k1" = "t67"."_re_s1"
      THEN "t67"."_re_m1"
      WHEN "t67"."_re_k2" = "t67"."_re_s1"
      THEN "t67"."_re_m2"
      WHEN "t67"."_re_k3" = "t67"."_re_s1"
      THEN "t67"."_re_m3"
      WHEN "t67"."_re_k4" = "t67"."_re_s1"
      THEN "t67"."_re_m4"
      WHEN "t67"."_re_k5" = "t67"."_re_s1"
      THEN "t67"."_re_m5"
      WHEN "t67"."_re_k6" = "t67"."_re_s1"
      THEN "t67"."_re_m6"
      WHEN "t67"."_re_k7" = "t67"."_re_s1"
      THEN "t67"."_re_m7"
      WHEN "t67"."_re_k8" = "t67"."_re_s1"
      THEN "t67"."_re_m8"
      WHEN "t67"."_re_k9" = "t67"."_re_s1"
      THEN "t67"."_re_m9"
      WHEN "t67"."_re_k10" = "t67"."_re_s1"
      THEN "t67"."_re_m10"
      WHEN "t67"."_re_k11" = "t67"."_re_s1"
      THEN "t67"."_re_m11"
      WHEN "t67"."_re_k12" = "t67"."_re_s1"
      THEN "t67"."_re_m12"
      WHEN "t67"."_re_k13" = "t67"."_re_s1"
      THEN "t67"."_re_m13"
      WHEN "t67"."_re_k14" = "t67"."_re_s1"
      THEN "t67"."_re_m14"
      WHEN "t67"."_re_k15" = "t67"."_re_s1"
      THEN "t67"."_re_m15"
      WHEN "t67"."_re_k16" = "t67"."_re_s1"
      THEN "t67"."_re_m16"
      WHEN "t67"."_re_k17" = "t67"."_re_s1"
      THEN "t67"."_re_m17"
      WHEN "t67"."_re_k18" = "t67"."_re_s1"
      THEN "t67"."_re_m18"
      WHEN "t67"."_re_k19" = "t67"."_re_s1"
      THEN "t67"."_re_m19"
      WHEN "t67"."_re_k20" = "t67"."_re_s1"
      THEN "t67"."_re_m20"
      WHEN "t67"."_re_k21" = "t67"."_re_s1"
      THEN "t67"."_re_m21"
      WHEN "t67"."_re_k22" = "t67"."_re_s1"
      THEN "t67"."_re_m22"
      WHEN "t67"."_re_k23" = "t67"."_re_s1"
      THEN "t67"."_re_m23"
      WHEN "t67"."_re_k24" = "t67"."_re_s1"
      THEN "t67"."_re_m24"
      WHEN "t67"."_re_k25" = "t67"."_re_s1"
      THEN "t67"."_re_m25"
      WHEN "t67"."_re_k26" = "t67"."_re_s1"
      THEN "t67"."_re_m26"
      ELSE 0
    END AS "_re_v1",
    CASE
      WHEN "t67"."_re_k0" = "t67"."_re_s1"
      THEN 'seniority'
      WHEN "t67"."_re_k1" = "t67"."_re_s1"
      THEN 'company_size'
      WHEN "t67"."_re_k2" = "t67"."_re_s1"
      THEN 'company_size_small'
      WHEN "t67"."_re_k3" = "t67"."_re_s1"
      THEN 'target_industry'
      WHEN "t67"."_re_k4" = "t67"."_re_s1"
      THEN 'served_country'
      WHEN "t67"."_re_k5" = "t67"."_re_s1"
      THEN 'enterprise.seniority'
      WHEN "t67"."_re_k6" = "t67"."_re_s1"
      THEN 'enterprise.enterprise_size'
      WHEN "t67"."_re_k7" = "t67"."_re_s1"
      THEN 'personal_email'
      WHEN "t67"."_re_k8" = "t67"."_re_s1"
      THEN 'intern_or_student'
      WHEN "t67"."_re_k9" = "t67"."_re_s1"
      THEN 'unserved_country'
      WHEN "t67"."_re_k10" = "t67"."_re_s1"
      THEN 'tiny_company'
      WHEN "t67"."_re_k11" = "t67"."_re_s1"
      THEN 'demo_request'
      WHEN "t67"."_re_k12" = "t67"."_re_s1"
      THEN 'pricing_page'
      WHEN "t67"."_re_k13" = "t67"."_re_s1"
      THEN 'comparison_site'
      WHEN "t67"."_re_k14" = "t67"."_re_s1"
      THEN 'case_study'
      WHEN "t67"."_re_k15" = "t67"."_re_s1"
      THEN 'webinar'
      WHEN "t67"."_re_k16" = "t67"."_re_s1"
      THEN 'blog'
      WHEN "t67"."_re_k17" = "t67"."_re_s1"
      THEN 'email_click'
      WHEN "t67"."_re_k18" = "t67"."_re_s1"
      THEN 'signal:executive_hire'
      WHEN "t67"."_re_k19" = "t67"."_re_s1"
      THEN 'signal:funding'
      WHEN "t67"."_re_k20" = "t67"."_re_s1"
      THEN 'signal:strategic_hiring'
      WHEN "t67"."_re_k21" = "t67"."_re_s1"
      THEN 'signal:filing_language'
      WHEN "t67"."_re_k22" = "t67"."_re_s1"
      THEN 'signal:expansion'
      WHEN "t67"."_re_k23" = "t67"."_re_s1"
      THEN 'cap:fit'
      WHEN "t67"."_re_k24" = "t67"."_re_s1"
      THEN 'cap:intent'
      WHEN "t67"."_re_k25" = "t67"."_re_s1"
      THEN 'cap:signal'
      WHEN "t67"."_re_k26" = "t67"."_re_s1"
      THEN 'cap:negative'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_re_n1"
  FROM (
    SELECT
      "t66"."lead_id",
      "t66"."email",
      "t66"."first_name",
      "t66"."last_name",
      "t66"."title",
      "t66"."company",
      "t66"."industry",
      "t66"."employees",
      "t66"."country",
      "t66"."lead_source",
      "t66"."owner",
      "t66"."created_at",
      "t66"."last_activity_at",
      "t66"."email_normalised",
      "t66"."is_personal_email",
      "t66"."account_key",
      "t66"."_n_country",
      "t66"."_n_email",
      "t66"."_n_industry",
      "t66"."segment",
      "t66"."pts_seniority",
      "t66"."pts_company_size",
      "t66"."pts_company_size_small",
      "t66"."pts_target_industry",
      "t66"."pts_served_country",
      "t66"."pts_enterprise_seniority",
      "t66"."pts_enterprise_enterprise_size",
      "t66"."pts_personal_email",
      "t66"."pts_intern_or_student",
      "t66"."pts_unserved_country",
      "t66"."pts_tiny_company",
      "t66"."pts_demo_request",
      "t66"."pts_pricing_page",
      "t66"."pts_comparison_site",
      "t66"."pts_case_study",
      "t66"."pts_webinar",
      "t66"."pts_blog",
      "t66"."pts_email_click",
      "t66"."_signal",
      "t66"."_signal_age",
      "t66"."pts_executive_hire",
      "t66"."pts_funding",
      "t66"."pts_strategic_hiring",
      "t66"."pts_filing_language",
      "t66"."pts_expansion",
      "t66"."_raw_fit",
      "t66"."_raw_intent",
      "t66"."_raw_signal",
      "t66"."_raw_negative",
      "t66"."_u_fit_score",
      "t66"."_u_intent_score",
      "t66"."_u_signal_score",
      "t66"."_u_negative_score",
      "t66"."_u_total_score",
      "t66"."_cap_fit",
      "t66"."_cap_intent",
      "t66"."_cap_signal",
      "t66"."_cap_negative",
      "t66"."_st_m0",
      "t66"."_st_m1",
      "t66"."_st_m2",
      "t66"."_st_m3",
      "t66"."_st_m4",
      "t66"."_st_m5",
      "t66"."_st_m6",
      "t66"."_st_m0_neg",
      "t66"."_st_m1_neg",
      "t66"."_st_m2_neg",
      "t66"."_st_m3_neg",
      "t66"."_st_m4_neg",
      "t66"."_st_m5_neg",
      "t66"."_st_m6_neg",
      "t66"."_st_k0",
      "t66"."_st_k1",
      "t66"."_st_k2",
      "t66"."_st_k3",
      "t66"."_st_k4",
      "t66"."_st_k5",
      "t66"."_st_k6",
      "t66"."_st_s0",
      "t66"."_st_v0",
      "t66"."_st_n0",
      "t66"."_re_m0",
      "t66"."_re_m1",
      "t66"."_re_m2",
      "t66"."_re_m3",
      "t66"."_re_m4",
      "t66"."_re_m5",
      "t66"."_re_m6",
      "t66"."_re_m7",
      "t66"."_re_m8",
      "t66"."_re_m9",
      "t66"."_re_m10",
      "t66"."_re_m11",
      "t66"."_re_m12",
      "t66"."_re_m13",
      "t66"."_re_m14",
      "t66"."_re_m15",
      "t66"."_re_m16",
      "t66"."_re_m17",
      "t66"."_re_m18",
      "t66"."_re_m19",
      "t66"."_re_m20",
      "t66"."_re_m21",
      "t66"."_re_m22",
      "t66"."_re_m23",
      "t66"."_re_m24",
      "t66"."_re_m25",
      "t66"."_re_m26",
      "t66"."_re_m0_neg",
      "t66"."_re_m1_neg",
      "t66"."_re_m2_neg",
      "t66"."_re_m3_neg",
      "t66"."_re_m4_neg",
      "t66"."_re_m5_neg",
      "t66"."_re_m6_neg",
      "t66"."_re_m7_neg",
      "t66"."_re_m8_neg",
      "t66"."_re_m9_neg",
      "t66"."_re_m10_neg",
      "t66"."_re_m11_neg",
      "t66"."_re_m12_neg",
      "t66"."_re_m13_neg",
      "t66"."_re_m14_neg",
      "t66"."_re_m15_neg",
      "t66"."_re_m16_neg",
      "t66"."_re_m17_neg",
      "t66"."_re_m18_neg",
      "t66"."_re_m19_neg",
      "t66"."_re_m20_neg",
      "t66"."_re_m21_neg",
      "t66"."_re_m22_neg",
      "t66"."_re_m23_neg",
      "t66"."_re_m24_neg",
      "t66"."_re_m25_neg",
      "t66"."_re_m26_neg",
      "t66"."_re_k0",
      "t66"."_re_k1",
      "t66"."_re_k2",
      "t66"."_re_k3",
      "t66"."_re_k4",
      "t66"."_re_k5",
      "t66"."_re_k6",
      "t66"."_re_k7",
      "t66"."_re_k8",
      "t66"."_re_k9",
      "t66"."_re_k10",
      "t66"."_re_k11",
      "t66"."_re_k12",
      "t66"."_re_k13",
      "t66"."_re_k14",
      "t66"."_re_k15",
      "t66"."_re_k16",
      "t66"."_re_k17",
      "t66"."_re_k18",
      "t66"."_re_k19",
      "t66"."_re_k20",
      "t66"."_re_k21",
      "t66"."_re_k22",
      "t66"."_re_k23",
      "t66"."_re_k24",
      "t66"."_re_k25",
      "t66"."_re_k26",
      "t66"."_re_s0",
      "t66"."_re_v0",
      "t66"."_re_n0",
      GREATEST(
        CASE WHEN "t66"."_re_k0" < "t66"."_re_s0" THEN "t66"."_re_k0" ELSE 0 END,
        CASE WHEN "t66"."_re_k1" < "t66"."_re_s0" THEN "t66"."_re_k1" ELSE 0 END,
        CASE WHEN "t66"."_re_k2" < "t66"."_re_s0" THEN "t66"."_re_k2" ELSE 0 END,
        CASE WHEN "t66"."_re_k3" < "t66"."_re_s0" THEN "t66"."_re_k3" ELSE 0 END,
        CASE WHEN "t66"."_re_k4" < "t66"."_re_s0" THEN "t66"."_re_k4" ELSE 0 END,
        CASE WHEN "t66"."_re_k5" < "t66"."_re_s0" THEN "t66"."_re_k5" ELSE 0 END,
        CASE WHEN "t66"."_re_k6" < "t66"."_re_s0" THEN "t66"."_re_k6" ELSE 0 END,
        CASE WHEN "t66"."_re_k7" < "t66"."_re_s0" THEN "t66"."_re_k7" ELSE 0 END,
        CASE WHEN "t66"."_re_k8" < "t66"."_re_s0" THEN "t66"."_re_k8" ELSE 0 END,
        CASE WHEN "t66"."_re_k9" < "t66"."_re_s0" THEN "t66"."_re_k9" ELSE 0 END,
        CASE WHEN "t66"."_re_k10" < "t66"."_re_s0" THEN "t66"."_re_k10" ELSE 0 END,
        CASE WHEN "t66"."_re_k11" < "t66"."_re_s0" THEN "t66"."_re_k11" ELSE 0 END,
        CASE WHEN "t66"."_re_k12" < "t66"."_re_s0" THEN "t66"."_re_k12" ELSE 0 END,
        CASE WHEN "t66"."_re_k13" < "t66"."_re_s0" THEN "t66"."_re_k13" ELSE 0 END,
        CASE WHEN "t66"."_re_k14" < "t66"."_re_s0" THEN "t66"."_re_k14" ELSE 0 END,
        CASE WHEN "t66"."_re_k15" < "t66"."_re_s0" THEN "t66"."_re_k15" ELSE 0 END,
        CASE WHEN "t66"."_re_k16" < "t66"."_re_s0" THEN "t66"."_re_k16" ELSE 0 END,
        CASE WHEN "t66"."_re_k17" < "t66"."_re_s0" THEN "t66"."_re_k17" ELSE 0 END,
        CASE WHEN "t66"."_re_k18" < "t66"."_re_s0" THEN "t66"."_re_k18" ELSE 0 END,
        CASE WHEN "t66"."_re_k19" < "t66"."_re_s0" THEN "t66"."_re_k19" ELSE 0 END,
        CASE WHEN "t66"."_re_k20" < "t66"."_re_s0" THEN "t66"."_re_k20" ELSE 0 END,
        CASE WHEN "t66"."_re_k21" < "t66"."_re_s0" THEN "t66"."_re_k21" ELSE 0 END,
        CASE WHEN "t66"."_re_k22" < "t66"."_re_s0" THEN "t66"."_re_k22" ELSE 0 END,
        CASE WHEN "t66"."_re_k23" < "t66"."_re_s0" THEN "t66"."_re_k23" ELSE 0 END,
        CASE WHEN "t66"."_re_k24" < "t66"."_re_s0" THEN "t66"."_re_k24" ELSE 0 END,
        CASE WHEN "t66"."_re_k25" < "t66"."_re_s0" THEN "t66"."_re_k25" ELSE 0 END,
        CASE WHEN "t66"."_re_k26" < "t66"."_re_s0" THEN "t66"."_re_k26" ELSE 0 END
      ) AS "_re_s1"
    FROM "revq_reason_1" AS "t66"
  ) AS "t67"
), "revq_reason_3" AS (
  SELECT
    "t70"."lead_id",
    "t70"."email",
    "t70"."first_name",
    "t70"."last_name",
    "t70"."title",
    "t70"."company",
    "t70"."industry",
    "t70"."employees",
    "t70"."country",
    "t70"."lead_source",
    "t70"."owner",
    "t70"."created_at",
    "t70"."last_activity_at",
    "t70"."email_normalised",
    "t70"."is_personal_email",
    "t70"."account_key",
    "t70"."_n_country",
    "t70"."_n_email",
    "t70"."_n_industry",
    "t70"."segment",
    "t70"."pts_seniority",
    "t70"."pts_company_size",
    "t70"."pts_company_size_small",
    "t70"."pts_target_industry",
    "t70"."pts_served_country",
    "t70"."pts_enterprise_seniority",
    "t70"."pts_enterprise_enterprise_size",
    "t70"."pts_personal_email",
    "t70"."pts_intern_or_student",
    "t70"."pts_unserved_country",
    "t70"."pts_tiny_company",
    "t70"."pts_demo_request",
    "t70"."pts_pricing_page",
    "t70"."pts_comparison_site",
    "t70"."pts_case_study",
    "t70"."pts_webinar",
    "t70"."pts_blog",
    "t70"."pts_email_click",
    "t70"."_signal",
    "t70"."_signal_age",
    "t70"."pts_executive_hire",
    "t70"."pts_funding",
    "t70"."pts_strategic_hiring",
    "t70"."pts_filing_language",
    "t70"."pts_expansion",
    "t70"."_raw_fit",
    "t70"."_raw_intent",
    "t70"."_raw_signal",
    "t70"."_raw_negative",
    "t70"."_u_fit_score",
    "t70"."_u_intent_score",
    "t70"."_u_signal_score",
    "t70"."_u_negative_score",
    "t70"."_u_total_score",
    "t70"."_cap_fit",
    "t70"."_cap_intent",
    "t70"."_cap_signal",
    "t70"."_cap_negative",
    "t70"."_st_m0",
    "t70"."_st_m1",
    "t70"."_st_m2",
    "t70"."_st_m3",
    "t70"."_st_m4",
    "t70"."_st_m5",
    "t70"."_st_m6",
    "t70"."_st_m0_neg",
    "t70"."_st_m1_neg",
    "t70"."_st_m2_neg",
    "t70"."_st_m3_neg",
    "t70"."_st_m4_neg",
    "t70"."_st_m5_neg",
    "t70"."_st_m6_neg",
    "t70"."_st_k0",
    "t70"."_st_k1",
    "t70"."_st_k2",
    "t70"."_st_k3",
    "t70"."_st_k4",
    "t70"."_st_k5",
    "t70"."_st_k6",
    "t70"."_st_s0",
    "t70"."_st_v0",
    "t70"."_st_n0",
    "t70"."_re_m0",
    "t70"."_re_m1",
    "t70"."_re_m2",
    "t70"."_re_m3",
    "t70"."_re_m4",
    "t70"."_re_m5",
    "t70"."_re_m6",
    "t70"."_re_m7",
    "t70"."_re_m8",
    "t70"."_re_m9",
    "t70"."_re_m10",
    "t70"."_re_m11",
    "t70"."_re_m12",
    "t70"."_re_m13",
    "t70"."_re_m14",
    "t70"."_re_m15",
    "t70"."_re_m16",
    "t70"."_re_m17",
    "t70"."_re_m18",
    "t70"."_re_m19",
    "t70"."_re_m20",
    "t70"."_re_m21",
    "t70"."_re_m22",
    "t70"."_re_m23",
    "t70"."_re_m24",
    "t70"."_re_m25",
    "t70"."_re_m26",
    "t70"."_re_m0_neg",
    "t70"."_re_m1_neg",
    "t70"."_re_m2_neg",
    "t70"."_re_m3_neg",
    "t70"."_re_m4_neg",
    "t70"."_re_m5_neg",
    "t70"."_re_m6_neg",
    "t70"."_re_m7_neg",
    "t70"."_re_m8_neg",
    "t70"."_re_m9_neg",
    "t70"."_re_m10_neg",
    "t70"."_re_m11_neg",
    "t70"."_re_m12_neg",
    "t70"."_re_m13_neg",
    "t70"."_re_m14_neg",
    "t70"."_re_m15_neg",
    "t70"."_re_m16_neg",
    "t70"."_re_m17_neg",
    "t70"."_re_m18_neg",
    "t70"."_re_m19_neg",
    "t70"."_re_m20_neg",
    "t70"."_re_m21_neg",
    "t70"."_re_m22_neg",
    "t70"."_re_m23_neg",
    "t70"."_re_m24_neg",
    "t70"."_re_m25_neg",
    "t70"."_re_m26_neg",
    "t70"."_re_k0",
    "t70"."_re_k1",
    "t70"."_re_k2",
    "t70"."_re_k3",
    "t70"."_re_k4",
    "t70"."_re_k5",
    "t70"."_re_k6",
    "t70"."_re_k7",
    "t70"."_re_k8",
    "t70"."_re_k9",
    "t70"."_re_k10",
    "t70"."_re_k11",
    "t70"."_re_k12",
    "t70"."_re_k13",
    "t70"."_re_k14",
    "t70"."_re_k15",
    "t70"."_re_k16",
    "t70"."_re_k17",
    "t70"."_re_k18",
    "t70"."_re_k19",
    "t70"."_re_k20",
    "t70"."_re_k21",
    "t70"."_re_k22",
    "t70"."_re_k23",
    "t70"."_re_k24",
    "t70"."_re_k25",
    "t70"."_re_k26",
    "t70"."_re_s0",
    "t70"."_re_v0",
    "t70"."_re_n0",
    "t70"."_re_s1",
    "t70"."_re_v1",
    "t70"."_re_n1",
    "t70"."_re_s2",
    CASE
      WHEN "t70"."_re_k0" = "t70"."_re_s2"
      THEN "t70"."_re_m0"
      WHEN "t70"."_re_k1" = "t70"."_re_s2"
      THEN "t70"."_re_m1"
      WHEN "t70"."_re_k2" = "t70"."_re_s2"
      THEN "t70"."_re_m2"
      WHEN "t70"."_re_k3" = "t70"."_re_s2"
      THEN "t70"."_re_m3"
      WHEN "t70"."_re_k4" = "t70"."_re_s2"
      THEN "t70"."_re_m4"
      WHEN "t70"."_re_k5" = "t70"."_re_s2"
      THEN "t70"."_re_m5"
      WHEN "t70"."_re_k6" = "t70"."_re_s2"
      THEN "t70"."_re_m6"
      WHEN "t70"."_re_k7" = "t70"."_re_s2"
      THEN "t70"."_re_m7"
      WHEN "t70"."_re_k8" = "t70"."_re_s2"
      THEN "t70"."_re_m8"
      WHEN "t70"."_re_k9" = "t70"."_re_s2"
      THEN "t70"."_re_m9"
      WHEN "t70"."_re_k10" = "t70"."_re_s2"
      THEN "t70"."_re_m10"
      WHEN "t70"."_re_k11" = "t70"."_re_s2"
      THEN "t70"."_re_m11"
      WHEN "t70"."_re_k12" = "t70"."_re_s2"
      THEN "t70"."_re_m12"
      WHEN "t70"."_re_k13" = "t70"."_re_s2"
      THEN "t70"."_re_m13"
      WHEN "t70"."_re_k14" = "t70"."_re_s2"
      THEN "t70"."_re_m14"
      WHEN "t70"."_re_k15" = "t70"."_re_s2"
      THEN "t70"."_re_m15"
      WHEN "t70"."_re_k16" = "t70"."_re_s2"
      THEN "t70"."_re_m16"
      WHEN "t70"."_re_k17" = "t70"."_re_s2"
      THEN "t70"."_re_m17"
      WHEN "t70"."_re_k18" = "t70"."_re_s2"
      THEN "t70"."_re_m18"
      WHEN "t70"."_re_k19" = "t70"."_re_s2"
      THEN "t70"."_re_m19"
      WHEN "t70"."_re_k20" = "t70"."_re_s2"
      THEN "t70"."_re_m20"
      WHEN "t70"."_re_k21" = "t70"."_re_s2"
      THEN "t70"."_re_m21"
      WHEN "t70"."_re_k22" = "t70"."_re_s2"
      THEN "t70"."_re_m22"
      WHEN "t70"."_re_k23" = "t70"."_re_s2"
      THEN "t70"."_re_m23"
      WHEN "t70"."_re_k24" = "t70"."_re_s2"
      THEN "t70"."_re_m24"
      WHEN "t70"."_re_k25" = "t70"."_re_s2"
      THEN "t70"."_re_m25"
      WHEN "t70"."_re_k26" = "t70"."_re_s2"
      THEN "t70"."_re_m26"
      ELSE 0
    END AS "_re_v2",
    CASE
      WHEN "t70"."_re_k0" = "t70"."_re_s2"
      THEN 'seniority'
      WHEN "t70"."_re_k1" = "t70"."_re_s2"
      THEN 'company_size'
      WHEN "t70"."_re_k2" = "t70"."_re_s2"
      THEN 'company_size_small'
      WHEN "t70"."_re_k3" = "t70"."_re_s2"
      THEN 'target_industry'
      WHEN "t70"."_re_k4" = "t70"."_re_s2"
      THEN 'served_country'
      WHEN "t70"."_re_k5" = "t70"."_re_s2"
      THEN 'enterprise.seniority'
      WHEN "t70"."_re_k6" = "t70"."_re_s2"
      THEN 'enterprise.enterprise_size'
      WHEN "t70"."_re_k7" = "t70"."_re_s2"
      THEN 'personal_email'
      WHEN "t70"."_re_k8" = "t70"."_re_s2"
      THEN 'intern_or_student'
      WHEN "t70"."_re_k9" = "t70"."_re_s2"
      THEN 'unserved_country'
      WHEN "t70"."_re_k10" = "t70"."_re_s2"
      THEN 'tiny_company'
      WHEN "t70"."_re_k11" = "t70"."_re_s2"
      THEN 'demo_request'
      WHEN "t70"."_re_k12" = "t70"."_re_s2"
      THEN 'pricing_page'
      WHEN "t70"."_re_k13" = "t70"."_re_s2"
      THEN 'comparison_site'
      WHEN "t70"."_re_k14" = "t70"."_re_s2"
      THEN 'case_study'
      WHEN "t70"."_re_k15" = "t70"."_re_s2"
      THEN 'webinar'
      WHEN "t70"."_re_k16" = "t70"."_re_s2"
      THEN 'blog'
      WHEN "t70"."_re_k17" = "t70"."_re_s2"
      THEN 'email_click'
      WHEN "t70"."_re_k18" = "t70"."_re_s2"
      THEN 'signal:executive_hire'
      WHEN "t70"."_re_k19" = "t70"."_re_s2"
      THEN 'signal:funding'
      WHEN "t70"."_re_k20" = "t70"."_re_s2"
      THEN 'signal:strategic_hiring'
      WHEN "t70"."_re_k21" = "t70"."_re_s2"
      THEN 'signal:filing_language'
      WHEN "t70"."_re_k22" = "t70"."_re_s2"
      THEN 'signal:expansion'
      WHEN "t70"."_re_k23" = "t70"."_re_s2"
      THEN 'cap:fit'
      WHEN "t70"."_re_k24" = "t70"."_re_s2"
      THEN 'cap:intent'
      WHEN "t70"."_re_k25" = "t70"."_re_s2"
      THEN 'cap:signal'
      WHEN "t70"."_re_k26" = "t70"."_re_s2"
      THEN 'cap:negative'
      ELSE CAST(NULL AS VARCHAR)
    END AS "_re_n2"
  FROM (
    SELECT
      "t69"."lead_id",
      "t69"."email",
      "t69"."first_name",
      "t69"."last_name",
      "t69"."title",
      "t69"."company",
      "t69"."industry",
      "t69"."employees",
      "t69"."country",
      "t69"."lead_source",
      "t69"."owner",
      "t69"."created_at",
      "t69"."last_activity_at",
      "t69"."email_normalised",
      "t69"."is_personal_email",
      "t69"."account_key",
      "t69"."_n_country",
      "t69"."_n_email",
      "t69"."_n_industry",
      "t69"."segment",
      "t69"."pts_seniority",
      "t69"."pts_company_size",
      "t69"."pts_company_size_small",
      "t69"."pts_target_industry",
      "t69"."pts_served_country",
      "t69"."pts_enterprise_seniority",
      "t69"."pts_enterprise_enterprise_size",
      "t69"."pts_personal_email",
      "t69"."pts_intern_or_student",
      "t69"."pts_unserved_country",
      "t69"."pts_tiny_company",
      "t69"."pts_demo_request",
      "t69"."pts_pricing_page",
      "t69"."pts_comparison_site",
      "t69"."pts_case_study",
      "t69"."pts_webinar",
      "t69"."pts_blog",
      "t69"."pts_email_click",
      "t69"."_signal",
      "t69"."_signal_age",
      "t69"."pts_executive_hire",
      "t69"."pts_funding",
      "t69"."pts_strategic_hiring",
      "t69"."pts_filing_language",
      "t69"."pts_expansion",
      "t69"."_raw_fit",
      "t69"."_raw_intent",
      "t69"."_raw_signal",
      "t69"."_raw_negative",
      "t69"."_u_fit_score",
      "t69"."_u_intent_score",
      "t69"."_u_signal_score",
      "t69"."_u_negative_score",
      "t69"."_u_total_score",
      "t69"."_cap_fit",
      "t69"."_cap_intent",
      "t69"."_cap_signal",
      "t69"."_cap_negative",
      "t69"."_st_m0",
      "t69"."_st_m1",
      "t69"."_st_m2",
      "t69"."_st_m3",
      "t69"."_st_m4",
      "t69"."_st_m5",
      "t69"."_st_m6",
      "t69"."_st_m0_neg",
      "t69"."_st_m1_neg",
      "t69"."_st_m2_neg",
      "t69"."_st_m3_neg",
      "t69"."_st_m4_neg",
      "t69"."_st_m5_neg",
      "t69"."_st_m6_neg",
      "t69"."_st_k0",
      "t69"."_st_k1",
      "t69"."_st_k2",
      "t69"."_st_k3",
      "t69"."_st_k4",
      "t69"."_st_k5",
      "t69"."_st_k6",
      "t69"."_st_s0",
      "t69"."_st_v0",
      "t69"."_st_n0",
      "t69"."_re_m0",
      "t69"."_re_m1",
      "t69"."_re_m2",
      "t69"."_re_m3",
      "t69"."_re_m4",
      "t69"."_re_m5",
      "t69"."_re_m6",
      "t69"."_re_m7",
      "t69"."_re_m8",
      "t69"."_re_m9",
      "t69"."_re_m10",
      "t69"."_re_m11",
      "t69"."_re_m12",
      "t69"."_re_m13",
      "t69"."_re_m14",
      "t69"."_re_m15",
      "t69"."_re_m16",
      "t69"."_re_m17",
      "t69"."_re_m18",
      "t69"."_re_m19",
      "t69"."_re_m20",
      "t69"."_re_m21",
      "t69"."_re_m22",
      "t69"."_re_m23",
      "t69"."_re_m24",
      "t69"."_re_m25",
      "t69"."_re_m26",
      "t69"."_re_m0_neg",
      "t69"."_re_m1_neg",
      "t69"."_re_m2_neg",
      "t69"."_re_m3_neg",
      "t69"."_re_m4_neg",
      "t69"."_re_m5_neg",
      "t69"."_re_m6_neg",
      "t69"."_re_m7_neg",
      "t69"."_re_m8_neg",
      "t69"."_re_m9_neg",
      "t69"."_re_m10_neg",
      "t69"."_re_m11_neg",
      "t69"."_re_m12_neg",
      "t69"."_re_m13_neg",
      "t69"."_re_m14_neg",
      "t69"."_re_m15_neg",
      "t69"."_re_m16_neg",
      "t69"."_re_m17_neg",
      "t69"."_re_m18_neg",
      "t69"."_re_m19_neg",
      "t69"."_re_m20_neg",
      "t69"."_re_m21_neg",
      "t69"."_re_m22_neg",
      "t69"."_re_m23_neg",
      "t69"."_re_m24_neg",
      "t69"."_re_m25_neg",
      "t69"."_re_m26_neg",
      "t69"."_re_k0",
      "t69"."_re_k1",
      "t69"."_re_k2",
      "t69"."_re_k3",
      "t69"."_re_k4",
      "t69"."_re_k5",
      "t69"."_re_k6",
      "t69"."_re_k7",
      "t69"."_re_k8",
      "t69"."_re_k9",
      "t69"."_re_k10",
      "t69"."_re_k11",
      "t69"."_re_k12",
      "t69"."_re_k13",
      "t69"."_re_k14",
      "t69"."_re_k15",
      "t69"."_re_k16",
      "t69"."_re_k17",
      "t69"."_re_k18",
      "t69"."_re_k19",
      "t69"."_re_k20",
      "t69"."_re_k21",
      "t69"."_re_k22",
      "t69"."_re_k23",
      "t69"."_re_k24",
      "t69"."_re_k25",
      "t69"."_re_k26",
      "t69"."_re_s0",
      "t69"."_re_v0",
      "t69"."_re_n0",
      "t69"."_re_s1",
      "t69"."_re_v1",
      "t69"."_re_n1",
      GREATEST(
        CASE WHEN "t69"."_re_k0" < "t69"."_re_s1" THEN "t69"."_re_k0" ELSE 0 END,
        CASE WHEN "t69"."_re_k1" < "t69"."_re_s1" THEN "t69"."_re_k1" ELSE 0 END,
        CASE WHEN "t69"."_re_k2" < "t69"."_re_s1" THEN "t69"."_re_k2" ELSE 0 END,
        CASE WHEN "t69"."_re_k3" < "t69"."_re_s1" THEN "t69"."_re_k3" ELSE 0 END,
        CASE WHEN "t69"."_re_k4" < "t69"."_re_s1" THEN "t69"."_re_k4" ELSE 0 END,
        CASE WHEN "t69"."_re_k5" < "t69"."_re_s1" THEN "t69"."_re_k5" ELSE 0 END,
        CASE WHEN "t69"."_re_k6" < "t69"."_re_s1" THEN "t69"."_re_k6" ELSE 0 END,
        CASE WHEN "t69"."_re_k7" < "t69"."_re_s1" THEN "t69"."_re_k7" ELSE 0 END,
        CASE WHEN "t69"."_re_k8" < "t69"."_re_s1" THEN "t69"."_re_k8" ELSE 0 END,
        CASE WHEN "t69"."_re_k9" < "t69"."_re_s1" THEN "t69"."_re_k9" ELSE 0 END,
        CASE WHEN "t69"."_re_k10" < "t69"."_re_s1" THEN "t69"."_re_k10" ELSE 0 END,
        CASE WHEN "t69"."_re_k11" < "t69"."_re_s1" THEN "t69"."_re_k11" ELSE 0 END,
        CASE WHEN "t69"."_re_k12" < "t69"."_re_s1" THEN "t69"."_re_k12" ELSE 0 END,
        CASE WHEN "t69"."_re_k13" < "t69"."_re_s1" THEN "t69"."_re_k13" ELSE 0 END,
        CASE WHEN "t69"."_re_k14" < "t69"."_re_s1" THEN "t69"."_re_k14" ELSE 0 END,
        CASE WHEN "t69"."_re_k15" < "t69"."_re_s1" THEN "t69"."_re_k15" ELSE 0 END,
        CASE WHEN "t69"."_re_k16" < "t69"."_re_s1" THEN "t69"."_re_k16" ELSE 0 END,
        CASE WHEN "t69"."_re_k17" < "t69"."_re_s1" THEN "t69"."_re_k17" ELSE 0 END,
        CASE WHEN "t69"."_re_k18" < "t69"."_re_s1" THEN "t69"."_re_k18" ELSE 0 END,
        CASE WHEN "t69"."_re_k19" < "t69"."_re_s1" THEN "t69"."_re_k19" ELSE 0 END,
        CASE WHEN "t69"."_re_k20" < "t69"."_re_s1" THEN "t69"."_re_k20" ELSE 0 END,
        CASE WHEN "t69"."_re_k21" < "t69"."_re_s1" THEN "t69"."_re_k21" ELSE 0 END,
        CASE WHEN "t69"."_re_k22" < "t69"."_re_s1" THEN "t69"."_re_k22" ELSE 0 END,
        CASE WHEN "t69"."_re_k23" < "t69"."_re_s1" THEN "t69"."_re_k23" ELSE 0 END,
        CASE WHEN "t69"."_re_k24" < "t69"."_re_s1" THEN "t69"."_re_k24" ELSE 0 END,
        CASE WHEN "t69"."_re_k25" < "t69"."_re_s1" THEN "t69"."_re_k25" ELSE 0 END,
        CASE WHEN "t69"."_re_k26" < "t69"."_re_s1" THEN "t69"."_re_k26" ELSE 0 END
      ) AS "_re_s2"
    FROM "revq_reason_2" AS "t69"
  ) AS "t70"
), "revq_reasons" AS (
  SELECT
    "t72"."lead_id",
    "t72"."email",
    "t72"."first_name",
    "t72"."last_name",
    "t72"."title",
    "t72"."company",
    "t72"."industry",
    "t72"."employees",
    "t72"."country",
    "t72"."lead_source",
    "t72"."owner",
    "t72"."created_at",
    "t72"."last_activity_at",
    "t72"."email_normalised",
    "t72"."is_personal_email",
    "t72"."account_key",
    "t72"."_n_country",
    "t72"."_n_email",
    "t72"."_n_industry",
    "t72"."segment",
    "t72"."_signal_age",
    "t72"."_u_fit_score",
    "t72"."_u_intent_score",
    "t72"."_u_signal_score",
    "t72"."_u_negative_score",
    "t72"."_u_total_score",
    CASE
      WHEN "t72"."_re_v0" <> 0
      THEN CASE
        WHEN (
          CAST("t72"."_re_v0" AS DOUBLE PRECISION) * 1e-06
        ) < 0.0
        THEN ''
        ELSE '+'
      END || CASE
        WHEN (
          CAST("t72"."_re_v0" AS DOUBLE PRECISION) * 1e-06
        ) < 0.0
        THEN '-'
        ELSE ''
      END || CAST(CAST(CAST((
        ABS(
          CAST((
            (
              CAST("t72"."_re_v0" AS DOUBLE PRECISION) * 1e-06 * 10.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
        ) - (
          ABS(
            CAST((
              (
                CAST("t72"."_re_v0" AS DOUBLE PRECISION) * 1e-06 * 10.0
              ) + 6755399441055744.0
            ) - 6755399441055744.0 AS BIGINT)
          ) % 10
        )
      ) AS DOUBLE PRECISION) / 10 AS BIGINT) AS VARCHAR) || '.' || CAST(ABS(
        CAST((
          (
            CAST("t72"."_re_v0" AS DOUBLE PRECISION) * 1e-06 * 10.0
          ) + 6755399441055744.0
        ) - 6755399441055744.0 AS BIGINT)
      ) % 10 AS VARCHAR) || ' ' || "t72"."_re_n0" || CASE
        WHEN "t72"."_re_v1" <> 0
        THEN ', ' || CASE
          WHEN (
            CAST("t72"."_re_v1" AS DOUBLE PRECISION) * 1e-06
          ) < 0.0
          THEN ''
          ELSE '+'
        END || CASE
          WHEN (
            CAST("t72"."_re_v1" AS DOUBLE PRECISION) * 1e-06
          ) < 0.0
          THEN '-'
          ELSE ''
        END || CAST(CAST(CAST((
          ABS(
            CAST((
              (
                CAST("t72"."_re_v1" AS DOUBLE PRECISION) * 1e-06 * 10.0
              ) + 6755399441055744.0
            ) - 6755399441055744.0 AS BIGINT)
          ) - (
            ABS(
              CAST((
                (
                  CAST("t72"."_re_v1" AS DOUBLE PRECISION) * 1e-06 * 10.0
                ) + 6755399441055744.0
              ) - 6755399441055744.0 AS BIGINT)
            ) % 10
          )
        ) AS DOUBLE PRECISION) / 10 AS BIGINT) AS VARCHAR) || '.' || CAST(ABS(
          CAST((
            (
              CAST("t72"."_re_v1" AS DOUBLE PRECISION) * 1e-06 * 10.0
            ) + 6755399441055744.0
          ) - 6755399441055744.0 AS BIGINT)
        ) % 10 AS VARCHAR) || ' ' || "t72"."_re_n1" || CASE
          WHEN "t72"."_re_v2" <> 0
          THEN ', ' || CASE
            WHEN (
              CAST("t72"."_re_v2" AS DOUBLE PRECISION) * 1e-06
            ) < 0.0
            THEN ''
            ELSE '+'
          END || CASE
            WHEN (
              CAST("t72"."_re_v2" AS DOUBLE PRECISION) * 1e-06
            ) < 0.0
            THEN '-'
            ELSE ''
          END || CAST(CAST(CAST((
            ABS(
              CAST((
                (
                  CAST("t72"."_re_v2" AS DOUBLE PRECISION) * 1e-06 * 10.0
                ) + 6755399441055744.0
              ) - 6755399441055744.0 AS BIGINT)
            ) - (
              ABS(
                CAST((
                  (
                    CAST("t72"."_re_v2" AS DOUBLE PRECISION) * 1e-06 * 10.0
                  ) + 6755399441055744.0
                ) - 6755399441055744.0 AS BIGINT)
              ) % 10
            )
          ) AS DOUBLE PRECISION) / 10 AS BIGINT) AS VARCHAR) || '.' || CAST(ABS(
            CAST((
              (
                CAST("t72"."_re_v2" AS DOUBLE PRECISION) * 1e-06 * 10.0
              ) + 6755399441055744.0
            ) - 6755399441055744.0 AS BIGINT)
          ) % 10 AS VARCHAR) || ' ' || "t72"."_re_n2" || ''
          ELSE ''
        END
        ELSE ''
      END
      ELSE CAST(NULL AS VARCHAR)
    END AS "top_reasons",
    COALESCE(
      "t72"."_signal",
      CASE WHEN "t72"."_st_v0" <> 0 THEN "t72"."_st_n0" ELSE CAST(NULL AS VARCHAR) END
    ) AS "why_now",
    CAST(CAST((
      (
        "t72"."_u_fit_score" * 100.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS DOUBLE PRECISION) / 100.0 AS "fit_score",
    CAST(CAST((
      (
        "t72"."_u_intent_score" * 100.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS DOUBLE PRECISION) / 100.0 AS "intent_score",
    CAST(CAST((
      (
        "t72"."_u_signal_score" * 100.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS DOUBLE PRECISION) / 100.0 AS "signal_score",
    CAST(CAST((
      (
        "t72"."_u_negative_score" * 100.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS DOUBLE PRECISION) / 100.0 AS "negative_score",
    CAST(CAST((
      (
        "t72"."_u_total_score" * 100.0
      ) + 6755399441055744.0
    ) - 6755399441055744.0 AS BIGINT) AS DOUBLE PRECISION) / 100.0 AS "total_score"
  FROM "revq_reason_3" AS "t72"
), "revq_decisions" AS (
  SELECT
    "t76"."lead_id",
    "t76"."email",
    "t76"."first_name",
    "t76"."last_name",
    "t76"."title",
    "t76"."company",
    "t76"."industry",
    "t76"."employees",
    "t76"."country",
    "t76"."lead_source",
    "t76"."owner",
    "t76"."created_at",
    "t76"."last_activity_at",
    "t76"."email_normalised",
    "t76"."is_personal_email",
    "t76"."account_key",
    "t76"."_n_country",
    "t76"."_n_email",
    "t76"."_n_industry",
    "t76"."segment",
    "t76"."_u_fit_score",
    "t76"."_u_intent_score",
    "t76"."_u_signal_score",
    "t76"."_u_negative_score",
    "t76"."_u_total_score",
    "t76"."top_reasons",
    "t76"."why_now",
    "t76"."fit_score",
    "t76"."intent_score",
    "t76"."signal_score",
    "t76"."negative_score",
    "t76"."total_score",
    "t76"."fit_grade",
    "t76"."quadrant",
    "t76"."gate",
    "t76"."gate_reason",
    "t76"."stage"
  FROM (
    SELECT
      "t75"."lead_id",
      "t75"."email",
      "t75"."first_name",
      "t75"."last_name",
      "t75"."title",
      "t75"."company",
      "t75"."industry",
      "t75"."employees",
      "t75"."country",
      "t75"."lead_source",
      "t75"."owner",
      "t75"."created_at",
      "t75"."last_activity_at",
      "t75"."email_normalised",
      "t75"."is_personal_email",
      "t75"."account_key",
      "t75"."_n_country",
      "t75"."_n_email",
      "t75"."_n_industry",
      "t75"."segment",
      "t75"."_signal_age",
      "t75"."_u_fit_score",
      "t75"."_u_intent_score",
      "t75"."_u_signal_score",
      "t75"."_u_negative_score",
      "t75"."_u_total_score",
      "t75"."top_reasons",
      "t75"."why_now",
      "t75"."fit_score",
      "t75"."intent_score",
      "t75"."signal_score",
      "t75"."negative_score",
      "t75"."total_score",
      "t75"."fit_grade",
      "t75"."quadrant",
      "t75"."gate",
      "t75"."gate_reason",
      "t75"."_gate_outcome",
      CASE
        WHEN COALESCE("t75"."_gate_outcome" = 'disqualify', FALSE)
        THEN 'disqualified'
        WHEN COALESCE("t75"."_gate_outcome" = 'recycle', FALSE)
        THEN 'recycled'
        WHEN "t75"."total_score" >= 70.0
        THEN 'sales_ready'
        WHEN (
          "t75"."fit_score" >= 25.0
        )
        AND COALESCE("t75"."_signal_age" <= 30.0, FALSE)
        AND (
          "t75"."title" IS NOT NULL
        )
        AND (
          "t75"."company" IS NOT NULL
        )
        THEN 'signal_qualified'
        WHEN "t75"."total_score" >= 40.0
        THEN 'nurture'
        WHEN "t75"."quadrant" = 'ignore'
        THEN 'disqualified'
        ELSE 'nurture'
      END AS "stage"
    FROM (
      SELECT
        "t74"."lead_id",
        "t74"."email",
        "t74"."first_name",
        "t74"."last_name",
        "t74"."title",
        "t74"."company",
        "t74"."industry",
        "t74"."employees",
        "t74"."country",
        "t74"."lead_source",
        "t74"."owner",
        "t74"."created_at",
        "t74"."last_activity_at",
        "t74"."email_normalised",
        "t74"."is_personal_email",
        "t74"."account_key",
        "t74"."_n_country",
        "t74"."_n_email",
        "t74"."_n_industry",
        "t74"."segment",
        "t74"."_signal_age",
        "t74"."_u_fit_score",
        "t74"."_u_intent_score",
        "t74"."_u_signal_score",
        "t74"."_u_negative_score",
        "t74"."_u_total_score",
        "t74"."top_reasons",
        "t74"."why_now",
        "t74"."fit_score",
        "t74"."intent_score",
        "t74"."signal_score",
        "t74"."negative_score",
        "t74"."total_score",
        CASE
          WHEN "t74"."fit_score" >= 35.0
          THEN 'A'
          WHEN "t74"."fit_score" >= 25.0
          THEN 'B'
          WHEN "t74"."fit_score" >= 15.0
          THEN 'C'
          ELSE 'D'
        END AS "fit_grade",
        CASE
          WHEN (
            "t74"."fit_score" >= 25.0
          )
          AND (
            (
              "t74"."intent_score" + "t74"."signal_score"
            ) >= 20.0
          )
          THEN 'prioritise_now'
          WHEN "t74"."fit_score" >= 25.0
          THEN 'nurture_patiently'
          WHEN (
            "t74"."intent_score" + "t74"."signal_score"
          ) >= 20.0
          THEN 'qualify_carefully'
          ELSE 'ignore'
        END AS "quadrant",
        CASE
          WHEN COALESCE(
            CASE
              WHEN "t74"."_n_email" ~ (
                '(' || '([^@]*)\z' || ')'
              )
              THEN (
                REGEXP_MATCH("t74"."_n_email", '(' || '([^@]*)\z' || ')')
              )[2]
              ELSE NULL
            END IN ('rivalsoft.com', 'pipelinepro.io'),
            FALSE
          )
          THEN 'competitor'
          WHEN COALESCE("t74"."title" ~ '^[Ssſ][Tt][Uu][Dd][Ee][Nn][Tt]\z', FALSE)
          THEN 'student'
          WHEN COALESCE("t74"."_n_industry" = 'education', FALSE)
          THEN 'bad_fit_industry'
          ELSE CAST(NULL AS VARCHAR)
        END AS "gate",
        CASE
          WHEN COALESCE(
            CASE
              WHEN "t74"."_n_email" ~ (
                '(' || '([^@]*)\z' || ')'
              )
              THEN (
                REGEXP_MATCH("t74"."_n_email", '(' || '([^@]*)\z' || ')')
              )[2]
              ELSE NULL
            END IN ('rivalsoft.com', 'pipelinepro.io'),
            FALSE
          )
          THEN 'student_or_competitor_or_spam'
          WHEN COALESCE("t74"."title" ~ '^[Ssſ][Tt][Uu][Dd][Ee][Nn][Tt]\z', FALSE)
          THEN 'student_or_competitor_or_spam'
          WHEN COALESCE("t74"."_n_industry" = 'education', FALSE)
          THEN 'bad_fit_industry'
          ELSE CAST(NULL AS VARCHAR)
        END AS "gate_reason",
        CASE
          WHEN COALESCE(
            CASE
              WHEN "t74"."_n_email" ~ (
                '(' || '([^@]*)\z' || ')'
              )
              THEN (
                REGEXP_MATCH("t74"."_n_email", '(' || '([^@]*)\z' || ')')
              )[2]
              ELSE NULL
            END IN ('rivalsoft.com', 'pipelinepro.io'),
            FALSE
          )
          THEN 'disqualify'
          WHEN COALESCE("t74"."title" ~ '^[Ssſ][Tt][Uu][Dd][Ee][Nn][Tt]\z', FALSE)
          THEN 'disqualify'
          WHEN COALESCE("t74"."_n_industry" = 'education', FALSE)
          THEN 'disqualify'
          ELSE CAST(NULL AS VARCHAR)
        END AS "_gate_outcome"
      FROM "revq_reasons" AS "t74"
    ) AS "t75"
  ) AS "t76"
), "revq_routing" AS (
  SELECT
    "t79"."lead_id",
    "t79"."email",
    "t79"."first_name",
    "t79"."last_name",
    "t79"."title",
    "t79"."company",
    "t79"."industry",
    "t79"."employees",
    "t79"."country",
    "t79"."lead_source",
    "t79"."owner",
    "t79"."created_at",
    "t79"."last_activity_at",
    "t79"."email_normalised",
    "t79"."is_personal_email",
    "t79"."account_key",
    "t79"."_n_country",
    "t79"."_n_email",
    "t79"."_n_industry",
    "t79"."segment",
    "t79"."_u_fit_score",
    "t79"."_u_intent_score",
    "t79"."_u_signal_score",
    "t79"."_u_negative_score",
    "t79"."_u_total_score",
    "t79"."top_reasons",
    "t79"."why_now",
    "t79"."fit_score",
    "t79"."intent_score",
    "t79"."signal_score",
    "t79"."negative_score",
    "t79"."total_score",
    "t79"."fit_grade",
    "t79"."quadrant",
    "t79"."gate",
    "t79"."gate_reason",
    "t79"."stage",
    "t79"."_team",
    "t79"."_needs",
    "t79"."_keep",
    ROW_NUMBER() OVER (
      PARTITION BY "t79"."_team", "t79"."_needs"
      ORDER BY "t79"."created_at" ASC NULLS FIRST, "t79"."lead_id" ASC NULLS FIRST
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "_turn"
  FROM (
    SELECT
      "t78"."lead_id",
      "t78"."email",
      "t78"."first_name",
      "t78"."last_name",
      "t78"."title",
      "t78"."company",
      "t78"."industry",
      "t78"."employees",
      "t78"."country",
      "t78"."lead_source",
      "t78"."owner",
      "t78"."created_at",
      "t78"."last_activity_at",
      "t78"."email_normalised",
      "t78"."is_personal_email",
      "t78"."account_key",
      "t78"."_n_country",
      "t78"."_n_email",
      "t78"."_n_industry",
      "t78"."segment",
      "t78"."_u_fit_score",
      "t78"."_u_intent_score",
      "t78"."_u_signal_score",
      "t78"."_u_negative_score",
      "t78"."_u_total_score",
      "t78"."top_reasons",
      "t78"."why_now",
      "t78"."fit_score",
      "t78"."intent_score",
      "t78"."signal_score",
      "t78"."negative_score",
      "t78"."total_score",
      "t78"."fit_grade",
      "t78"."quadrant",
      "t78"."gate",
      "t78"."gate_reason",
      "t78"."stage",
      CASE
        WHEN COALESCE(
          "t78"."_n_country" IN ('germany', 'france', 'united kingdom', 'de', 'fr', 'gb'),
          FALSE
        )
        THEN 0
        ELSE 1
      END AS "_team",
      "t78"."stage" IN ('sales_ready', 'mql', 'signal_qualified', 'pql')
      AND NOT (
        "t78"."owner" IS NOT NULL
      ) AS "_needs",
      "t78"."owner" IS NOT NULL AS "_keep"
    FROM "revq_decisions" AS "t78"
  ) AS "t79"
)
SELECT
  "t83"."lead_id",
  "t83"."email",
  "t83"."first_name",
  "t83"."last_name",
  "t83"."title",
  "t83"."company",
  "t83"."lead_source",
  "t83"."segment",
  "t83"."fit_score",
  "t83"."intent_score",
  "t83"."signal_score",
  "t83"."negative_score",
  "t83"."total_score",
  "t83"."fit_grade",
  "t83"."quadrant",
  "t83"."stage",
  "t83"."gate",
  "t83"."gate_reason",
  "t83"."why_now",
  CASE
    WHEN "t83"."stage" = 'sales_ready'
    THEN COALESCE("t83"."owner", '-') || ': call ' || COALESCE("t83"."first_name", '-') || ' (' || COALESCE("t83"."title", '-') || ', ' || COALESCE("t83"."company", '-') || ') within 24 hours. Why now: ' || COALESCE("t83"."why_now", '-') || '.'
    WHEN "t83"."stage" = 'mql'
    THEN 'Route to ' || COALESCE("t83"."owner", 'an owner') || ' now: first touch within 24 hours. Why now: ' || COALESCE("t83"."why_now", 'no single trigger') || '.'
    WHEN "t83"."stage" = 'signal_qualified'
    THEN COALESCE("t83"."owner", '-') || ': ' || COALESCE("t83"."company", '-') || ' shows a trigger (' || COALESCE("t83"."why_now", '-') || '); reach ' || COALESCE("t83"."first_name", '-') || ' (' || COALESCE("t83"."title", '-') || ') with that context this week.'
    WHEN "t83"."stage" = 'pql'
    THEN COALESCE("t83"."owner", 'Sales') || ': offer help to the active trial user; usage crossed the PQL bar.'
    WHEN "t83"."stage" = 'nurture'
    THEN 'Keep in nurture and re-check when intent rises.'
    WHEN "t83"."stage" = 'recycled'
    THEN 'Recycle to nurture; re-check in 90 days (' || COALESCE("t83"."gate_reason", '-') || ').'
    WHEN "t83"."stage" = 'disqualified'
    THEN 'No sales action (' || COALESCE("t83"."gate_reason", 'low fit and intent') || ').'
    ELSE CAST(NULL AS VARCHAR)
  END AS "next_action",
  "t83"."owner",
  "t83"."top_reasons"
FROM (
  SELECT
    "t82"."lead_id",
    "t82"."email",
    "t82"."first_name",
    "t82"."last_name",
    "t82"."title",
    "t82"."company",
    "t82"."industry",
    "t82"."employees",
    "t82"."country",
    "t82"."lead_source",
    "t82"."owner",
    "t82"."created_at",
    "t82"."last_activity_at",
    "t82"."email_normalised",
    "t82"."is_personal_email",
    "t82"."account_key",
    "t82"."_n_country",
    "t82"."_n_email",
    "t82"."_n_industry",
    "t82"."segment",
    "t82"."_u_fit_score",
    "t82"."_u_intent_score",
    "t82"."_u_signal_score",
    "t82"."_u_negative_score",
    "t82"."_u_total_score",
    "t82"."top_reasons",
    "t82"."why_now",
    "t82"."fit_score",
    "t82"."intent_score",
    "t82"."signal_score",
    "t82"."negative_score",
    "t82"."total_score",
    "t82"."fit_grade",
    "t82"."quadrant",
    "t82"."gate",
    "t82"."gate_reason",
    "t82"."stage"
  FROM (
    SELECT
      "t81"."lead_id",
      "t81"."email",
      "t81"."first_name",
      "t81"."last_name",
      "t81"."title",
      "t81"."company",
      "t81"."industry",
      "t81"."employees",
      "t81"."country",
      "t81"."lead_source",
      CASE
        WHEN "t81"."_keep"
        THEN "t81"."owner"
        WHEN "t81"."_needs"
        THEN CASE
          WHEN "t81"."_team" = 0
          THEN CASE
            WHEN (
              "t81"."_turn" % 2
            ) = 0
            THEN 'Lena Vogel'
            WHEN (
              "t81"."_turn" % 2
            ) = 1
            THEN 'Marco Bianchi'
            ELSE NULL
          END
          WHEN "t81"."_team" = 1
          THEN CASE
            WHEN (
              "t81"."_turn" % 3
            ) = 0
            THEN 'Alex Kim'
            WHEN (
              "t81"."_turn" % 3
            ) = 1
            THEN 'Priya Raman'
            WHEN (
              "t81"."_turn" % 3
            ) = 2
            THEN 'Sam Ortiz'
            ELSE NULL
          END
          ELSE CAST(NULL AS VARCHAR)
        END
        ELSE "t81"."owner"
      END AS "owner",
      "t81"."created_at",
      "t81"."last_activity_at",
      "t81"."email_normalised",
      "t81"."is_personal_email",
      "t81"."account_key",
      "t81"."_n_country",
      "t81"."_n_email",
      "t81"."_n_industry",
      "t81"."segment",
      "t81"."_u_fit_score",
      "t81"."_u_intent_score",
      "t81"."_u_signal_score",
      "t81"."_u_negative_score",
      "t81"."_u_total_score",
      "t81"."top_reasons",
      "t81"."why_now",
      "t81"."fit_score",
      "t81"."intent_score",
      "t81"."signal_score",
      "t81"."negative_score",
      "t81"."total_score",
      "t81"."fit_grade",
      "t81"."quadrant",
      "t81"."gate",
      "t81"."gate_reason",
      "t81"."stage",
      "t81"."_team",
      "t81"."_needs",
      "t81"."_keep",
      "t81"."_turn"
    FROM "revq_routing" AS "t81"
  ) AS "t82"
) AS "t83"
ORDER BY
  "t83"."total_score" DESC NULLS LAST,
  "t83"."lead_id" ASC NULLS FIRST