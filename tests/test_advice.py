"""A run whose result tells nobody anything says so, and names the way out."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from tests.conftest import SAMPLE, run_cli


def test_a_scoring_that_puts_every_lead_in_one_stage_says_so(tmp_path: Path) -> None:
    # Thirty leads this config gives the same points: every one is held back alike.
    leads = tmp_path / "leads.csv"
    pl.DataFrame(
        {
            "lead_id": [str(i) for i in range(30)],
            "email": [f"p{i}@example.com" for i in range(30)],
            "title": ["Student"] * 30,
        }
    ).write_csv(leads)
    config = tmp_path / "scoring.yaml"
    config.write_text(
        "version: 1\nfit:\n  rules:\n"
        "    - {name: student, when: {column: title, contains: Student}, points: 5}\n",
        encoding="utf-8",
    )
    result = run_cli(["score", str(leads), "--config", str(config), "-f", "csv"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    stages = pl.read_csv(result.stdout.encode())["stage"]
    assert stages.n_unique() == 1  # the case, by the output itself
    line = next(x for x in result.stderr.splitlines() if "does not separate" in x)
    assert line.startswith(f"warning: 30 of 30 leads (100.0%) are {stages[0]}:")
    assert "revq explain" in line and "revq backtest --suggest" in line


def test_a_scoring_that_separates_says_nothing_of_the_kind() -> None:
    result = run_cli(["score", "--as-of", "2026-10-31", "-f", "csv"], cwd=SAMPLE)
    assert result.exit_code == 0 and "does not separate" not in result.stderr


def _leads(tmp_path: Path, titles: list[str]) -> Path:
    leads = tmp_path / "leads.csv"
    pl.DataFrame(
        {
            "lead_id": [f"L{i:02d}" for i in range(len(titles))],
            "email": [f"p{i}@example.com" for i in range(len(titles))],
            "title": titles,
            "industry": ["Retail"] * len(titles),
        }
    ).write_csv(leads)
    return leads


# Two fit rules and an intent rule; neither reads a value these leads hold unless titled VP.
MISFIT = """version: 1
fit:
  rules:
    - {name: vp, when: {column: title, contains: VP}, points: 20}
    - {name: software, when: {column: industry, equals: Software}, points: 10}
intent:
  rules:
    - {name: events_trade, when: {column: industry, equals: Events}, points: 10}
"""


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning: ")]


def test_a_config_that_gives_no_lead_a_point_is_one_warning_with_the_way_out(
    tmp_path: Path,
) -> None:
    leads = _leads(tmp_path, ["Engineer"] * 30)
    config = tmp_path / "scoring.yaml"
    config.write_text(MISFIT, encoding="utf-8")
    args = ["score", str(leads), "--config", str(config), "-f", "csv"]
    result = run_cli(args, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    scored = pl.read_csv(result.stdout.encode())
    assert scored.height == 30 and (scored["total_score"] == 0).all()  # the case, by the output
    (line,) = _warnings(result.stderr)  # one line, not one per rule, nor the one-stage advice
    assert line == (
        "warning: no rule of scoring.yaml gave points to any of the 30 leads: every lead "
        "scores 0, so their scores and stages say nothing of them (revq score -v names each "
        "rule and what its columns hold); learn a config from the leads' history with revq "
        "init --exports FILE, or start from an example config in the configs/ folder of "
        "revq's repository"
    )
    # each rule's own line is detail, there for whoever asks
    verbose = run_cli(["-v", *args], cwd=tmp_path)
    for rule in ("vp", "software", "events_trade"):
        assert f"rule '{rule}' gave points to none of the 30 leads" in verbose.stderr
    assert len([x for x in _warnings(verbose.stderr) if "gave points to none" in x]) == 0


def test_a_silent_intent_group_is_said_and_the_fit_rules_keep_their_own_lines(
    tmp_path: Path,
) -> None:
    leads = _leads(tmp_path, ["VP Sales", "Engineer"] * 15)
    config = tmp_path / "scoring.yaml"
    config.write_text(MISFIT, encoding="utf-8")
    result = run_cli(["score", str(leads), "--config", str(config), "-f", "csv"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    scored = pl.read_csv(result.stdout.encode())
    assert (scored["intent_score"] == 0).all() and (scored["fit_score"] > 0).sum() == 15
    lines = _warnings(result.stderr)
    (intent,) = [x for x in lines if x.startswith("warning: no intent rule")]
    assert intent.startswith(
        "warning: no intent rule of scoring.yaml gave points to any of the 30 leads: their "
        "intent scores are all 0 (revq score -v names each rule"
    )
    assert "revq init --exports FILE" in intent
    # the fit group gave points: its rule that matched nothing is still a warning of its own
    assert any(x.startswith("warning: rule 'software' gave points to none") for x in lines)
    assert not any("'events_trade'" in x for x in lines)
    # fit tells them apart, yet every lead stands in one stage: that is said as well
    assert any("does not separate these leads" in x for x in lines)


def test_the_api_keeps_the_warning_and_the_rules_as_detail(tmp_path: Path) -> None:
    import revq

    leads = _leads(tmp_path, ["Engineer"] * 30)
    config = tmp_path / "scoring.yaml"
    config.write_text(MISFIT, encoding="utf-8")
    result = revq.score(leads, config=config, as_of="2026-10-31")
    (line,) = result.warnings
    assert line.startswith("no rule of scoring.yaml gave points to any of the 30 leads")
    detail = [m.text for m in result.messages if m.level == "debug"]
    assert any(t.startswith("rule 'vp' gave points to none") for t in detail)
    assert "does not separate" not in " ".join(result.warnings)  # asked for, still not said
    assert int(result.counts["len"].sum()) == 30


def test_which_groups_gave_points_found_by_hand(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from revq.config.scoring import load_scoring
    from revq.core.scoring.coverage import groups_given_points

    config = tmp_path / "s.yaml"
    config.write_text(
        "version: 1\n"
        "fit:\n  rules:\n"
        "    - {name: vp, points: 10, when: {column: title, contains: VP}}\n"
        "    - {name: retail, points: 5, when: {column: industry, equals: Retail}}\n"
        "intent:\n  rules:\n    - {name: visits, points: {per: visits, each: 2}}\n"
        "  events:\n    half_life_days: 30\n    window_days: 60\n    rules:\n"
        "      - {name: demo, points: 20, when: {column: activity_type, equals: demo_request}}\n"
        "negative:\n  rules:\n"
        "    - {name: student, points: -10, when: {column: title, contains: Student}}\n"
        "signals:\n  half_life_days: 30\n  window_days: 90\n  weights: {funding: 10}\n",
        encoding="utf-8",
    )
    model = load_scoring(config).model

    def at(y: int, m: int, d: int) -> datetime:
        return datetime(y, m, d, tzinfo=UTC)

    as_of = at(2026, 3, 10)
    leads = pl.DataFrame(
        {
            "lead_id": ["a", "b", "c", "d"],
            "title": ["VP Sales", "Student", None, "Engineer"],
            "industry": [None, "Retail", "Software", None],
            "visits": [0, 3, None, 0],
            "account_key": ["a.com", "b.com", None, "d.com"],
        }
    )
    # a's demo is inside the 60-day window, d's is not; x is no lead; c's webinar scores nothing
    activities = pl.DataFrame(
        {
            "lead_id": ["a", "d", "x", "c"],
            "activity_type": ["demo_request", "demo_request", "demo_request", "webinar"],
            "occurred_at": [at(2026, 3, 1), at(2025, 12, 1), at(2026, 3, 2), at(2026, 3, 3)],
        }
    )
    # a.com's funding counts; d.com's is older than 90 days; layoffs weigh nothing
    signals = pl.DataFrame(
        {
            "account_key": ["a.com", "d.com", "b.com"],
            "signal_type": ["funding", "funding", "layoffs"],
            "occurred_at": [at(2026, 3, 5), at(2025, 10, 1), at(2026, 3, 6)],
        }
    )

    def given(
        lf: pl.DataFrame, acts: pl.DataFrame | None, sigs: pl.DataFrame | None
    ) -> dict[str, bool]:
        # Looked for in the first rows, then in all: the answer must not depend on where the
        # row that scores stands (reversed, the rows that score come last).
        answers = [
            groups_given_points(
                lf.lazy() if not reverse else lf.reverse().lazy(),
                model,
                (acts if not reverse else acts.reverse()).lazy() if acts is not None else None,
                (sigs if not reverse else sigs.reverse()).lazy() if sigs is not None else None,
                as_of,
                sample_rows=sample,
            )
            for sample in (1, 2, 100)
            for reverse in (False, True)
        ]
        assert all(a == answers[0] for a in answers), answers
        return answers[0]

    everyone = {"fit": True, "intent": True, "signal": True, "negative": True}
    assert given(leads, activities, signals) == everyone
    # no VP, no retailer, no student, no visit: fit and negative gave nothing; intent only by
    # a's demo, signal only by a.com's funding
    plain = leads.with_columns(
        pl.lit("Engineer").alias("title"),
        pl.lit(None, pl.String).alias("industry"),
        pl.lit(0).alias("visits"),
    )
    assert given(plain, activities, signals) == everyone | {"fit": False, "negative": False}
    assert given(plain, None, None) == dict.fromkeys(everyone, False)
    # the demo the only intent: outside its window, of another lead, or of no rule, it gives none
    old = activities.filter(pl.col("lead_id") == "a").with_columns(
        pl.lit(at(2025, 12, 30)).alias("occurred_at")
    )
    assert given(plain, old, None)["intent"] is False
    assert given(plain, activities.filter(pl.col("lead_id") != "a"), None)["intent"] is False
    late_funding = signals.with_columns(pl.lit(at(2025, 11, 1)).alias("occurred_at"))
    assert given(plain, None, late_funding)["signal"] is False
    # a funding in its window, of an account no lead has, or of no account (lead c has none)
    elsewhere = pl.DataFrame(
        {
            "account_key": ["z.com", None],
            "signal_type": ["funding", "funding"],
            "occurred_at": [at(2026, 3, 5), at(2026, 3, 5)],
        }
    )
    assert given(plain, None, elsewhere)["signal"] is False
    assert given(plain, None, pl.concat([elsewhere, signals]))["signal"] is True


def test_which_groups_are_said() -> None:
    from revq.app.advice import unfit_groups

    configured = ["fit", "intent", "negative"]
    none, some = False, True
    assert unfit_groups(configured, {"fit": none, "intent": none, "negative": some}) == [
        "fit",
        "intent",
    ]
    assert unfit_groups(configured, {"fit": none, "intent": none, "negative": none}) == configured
    assert unfit_groups(configured, {"fit": some, "intent": none, "negative": none}) == ["intent"]
    assert unfit_groups(configured, {"fit": some, "intent": some, "negative": none}) == []
    assert unfit_groups(["negative"], {"negative": some}) == []  # fit, intent not configured
