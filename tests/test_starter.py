"""`revq init --exports`: a scoring config fitted to the leads, learned from their history when
they hold an outcome, with the columns filled in after the outcome left out. Expected figures
are computed here by a second route (polars group-bys, scikit-learn on the same split) and the
learned config is measured through `revq score` itself."""

from __future__ import annotations

import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl
import pytest
import yaml

from revq.config.starter_yaml import condition_yaml, scalar
from revq.core.cutoffs import reaching, set_cutoffs
from revq.core.leakage import name_reason, words
from revq.core.scoring.model import AllOf, Compare
from tests.conftest import ROOT, realdata, run_cli

sklearn = pytest.importorskip("sklearn")
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

N = 4000
PLANS = {"Gold": (0.1, 0.60), "Silver": (0.3, 0.30), "Bronze": (0.4, 0.15), "Basic": (0.2, 0.05)}
BAND = (10, 19)  # page views in this band add to a lead's chance


def planted(seed: int = 11, status: str = "Lead Status") -> pl.DataFrame:
    """Leads whose conversion is known by construction: by plan (Gold best, Basic worst), more
    for 10 to 19 page views, nothing for colour; and four columns filled in after the outcome:
    one only for converted leads, a status, a code that all but says the outcome, and a date
    after the lead's creation. A Lead Status header makes it a Salesforce export, read as
    both the status and the stage; Status keeps it generic."""
    rng = np.random.default_rng(seed)
    names = list(PLANS)
    plan = rng.choice(names, N, p=[PLANS[p][0] for p in names])
    views = rng.integers(0, 40, N)
    chance = np.array([PLANS[p][1] for p in plan]) + 0.25 * (
        (views >= BAND[0]) & (views <= BAND[1])
    )
    converted = rng.random(N) < chance
    created = [date(2026, 1, 1) + timedelta(days=int(d)) for d in rng.integers(0, 200, N)]
    follow_up = [
        c + timedelta(days=int(d)) for c, d in zip(created, rng.integers(3, 30, N), strict=True)
    ]
    says = rng.random(N) < 0.97
    return pl.DataFrame(
        {
            "Lead ID": [f"L{i:05d}" for i in range(N)],
            "Created Date": [c.isoformat() for c in created],
            "Plan": plan,
            "Page Views": views,
            "Color": rng.choice(["red", "green", "blue"], N),
            "Converted": converted.astype(int),
            "Onboarding Call": [
                "booked" if c and u < 0.8 else None
                for c, u in zip(converted, rng.random(N), strict=True)
            ],
            status: np.where(converted, "Working", rng.choice(["Nurture", "Open"], N)),
            "Segment Code": np.where(converted == says, "X", "Y"),
            "Follow-up Date": [d.isoformat() for d in follow_up],
        }
    )


def _held_out(ids: list[str], y: list[int]) -> set[str]:
    """The held-out leads as the documented split makes them: lead ids in order, 30%,
    stratified, seed 7."""
    order = sorted(range(len(ids)), key=lambda i: ids[i])
    _, test = train_test_split(
        [ids[i] for i in order], test_size=0.3, random_state=7, stratify=[y[i] for i in order]
    )
    return set(test)


def _printed(stderr: str, what: str) -> float:
    match = re.search(rf"{what}\s+(0\.\d{{3}})", stderr)
    assert match, stderr
    return float(match[1])


def _init(tmp_path: Path, frame: pl.DataFrame, *args: str, name: str = "proj") -> tuple:
    csv = tmp_path / "leads.csv"
    if not csv.exists():
        frame.write_csv(csv)
    run = run_cli(["init", name, "--exports", str(csv), *args], cwd=tmp_path)
    return run, tmp_path / name / "configs" / "scoring.yaml"


def _scored(project: Path) -> pl.DataFrame:
    run = run_cli(["-q", "score", "--as-of", "2026-10-31", "-f", "csv"], cwd=project)
    assert run.exit_code == 0, run.stderr
    return pl.read_csv(io.StringIO(run.stdout), schema_overrides={"lead_id": pl.String})


def said(stderr: str) -> str:
    """What a run said, its lines wrapped for the terminal joined again."""
    return " ".join(stderr.split())


def _rules(model: dict) -> list[dict]:
    return [r for g in ("fit", "intent", "negative") for r in model[g]["rules"]]


def test_points_follow_the_planted_conversion_and_the_leaks_are_left_out(
    tmp_path: Path,
) -> None:
    frame = planted()
    run, path = _init(tmp_path, frame)
    assert run.exit_code == 0, run.stderr
    text = path.read_text()
    model = yaml.safe_load(text)
    rules = _rules(model)
    # each value's comment: its leads, share, conversion and lift, by a polars group-by
    y = frame["Converted"]
    base = float(y.mean())  # type: ignore[arg-type]
    by_plan = frame.group_by("Plan").agg(pl.len().alias("n"), pl.col("Converted").mean().alias("r"))
    for plan, n, r in by_plan.iter_rows():
        line = f"# {plan}: {n:,} leads ({n / N:.1%}), {r:.1%} converted, lift {r / base:.2f}"
        if plan != "Bronze":  # the most common plan is the zero the others are scored against
            assert line in text, line
    points = {r["when"]["equals"]: r["points"] for r in rules if r["when"].get("column") == "Plan"}
    assert set(points) == {"Gold", "Silver", "Basic"}
    assert points["Gold"] > points["Silver"] > 0 > points["Basic"]
    assert "Bronze" in text.split("Plan: 0 points for ")[1].split("\n")[0]
    basic = next(r for r in model["negative"]["rules"] if r["when"].get("equals") == "Basic")
    assert basic["points"] < 0
    # the planted band: the page-view rule holding 15 views has the most points, and some
    views = [r for r in model["intent"]["rules"] if "Page Views" in str(r["when"])]
    assert views, text

    def holds(rule: dict, v: int) -> bool:
        c = rule["when"]
        if "between" in c:
            return c["between"][0] <= v <= c["between"][1]
        if "gte" in c:
            return v >= c["gte"]
        if "lt" in c:
            return v < c["lt"]
        return all(holds({"when": x}, v) for x in c["all"])

    def points_at(v: int) -> int:
        return sum(r["points"] for r in views if holds(r, v))  # 0: the most common band

    inside = [points_at(v) for v in range(BAND[0], BAND[1] + 1)]
    outside = [points_at(v) for v in range(40) if not BAND[0] <= v <= BAND[1]]
    assert min(inside) > 0 and min(inside) > max(outside), (inside, outside)
    # the four columns filled in after the outcome: left out, said why, never read by a rule
    listed = text.split("# Left out, as filled in after the outcome")[1].split("#\n")[0]
    for column, why in (
        ("Onboarding Call", "filled only for converted leads"),
        ("lead_status (the export's Lead Status)", "'status' in its name"),
        ("Segment Code", "tells the outcome alone (held-out AUC 0.9"),
        ("Follow-up Date", "dated after created_at"),
    ):
        assert f"# - {column}: {why}" in listed, (column, listed)
        assert f"    {column.replace('the export' + chr(39) + 's ', '')}: " in run.stderr
    read = {c for r in rules for c in re.findall(r"column: ([^,}]+)", condition_yaml_of(r))}
    assert read <= {"Plan", "Page Views", "Color"}, read


def condition_yaml_of(rule: dict) -> str:
    return yaml.safe_dump(rule["when"], default_flow_style=True)


def test_held_out_auc_through_revq_score_and_beside_a_plain_regression(tmp_path: Path) -> None:
    frame = planted()
    run, _ = _init(tmp_path, frame)
    assert run.exit_code == 0, run.stderr
    ids, y = frame["Lead ID"].to_list(), frame["Converted"].to_list()
    test = _held_out(ids, y)
    scored = _scored(tmp_path / "proj")
    assert scored.height == N
    held = scored.filter(pl.col("lead_id").is_in(list(test)))
    outcome = dict(zip(ids, y, strict=True))
    learned = roc_auc_score([outcome[i] for i in held["lead_id"]], held["total_score"])
    assert learned == pytest.approx(_printed(run.stderr, "as revq score adds them"), abs=5e-4)
    # the plain logistic regression, by hand: the same columns one-hot and scaled
    x = frame.select("Lead ID", "Plan", "Color", pl.col("Page Views").cast(pl.Float64))
    is_test = x["Lead ID"].is_in(list(test)).to_numpy()
    views = x["Page Views"].to_numpy()
    scaled = (views - views[~is_test].mean()) / views[~is_test].std()
    design = np.hstack([scaled.reshape(-1, 1), x.select("Plan", "Color").to_dummies().to_numpy()])
    model = LogisticRegression(max_iter=5000).fit(design[~is_test], np.array(y)[~is_test])
    plain = roc_auc_score(np.array(y)[is_test], model.predict_proba(design[is_test])[:, 1])
    assert plain == pytest.approx(_printed(run.stderr, "same columns"), abs=1e-3)
    assert learned >= plain - 0.01
    # the thresholds come from the scores: the stages are not all one
    assert scored["stage"].n_unique() >= 2
    assert scored.filter(pl.col("stage") == "sales_ready").height < 0.3 * N


def test_the_same_leads_in_another_order_give_the_same_config(tmp_path: Path) -> None:
    frame = planted()
    run, path = _init(tmp_path, frame, name="a")
    assert run.exit_code == 0, run.stderr
    other = tmp_path / "shuffled"
    other.mkdir()
    frame.sample(fraction=1.0, shuffle=True, seed=3).write_csv(other / "leads.csv")
    again = run_cli(["init", "b", "--exports", str(other / "leads.csv")], cwd=tmp_path)
    assert again.exit_code == 0, again.stderr
    assert (tmp_path / "b/configs/scoring.yaml").read_bytes() == path.read_bytes()


def test_a_column_kept_back_in_is_learned_from(tmp_path: Path) -> None:
    run, path = _init(tmp_path, planted(), "--keep-column", "Lead Status")
    assert run.exit_code == 0, run.stderr
    text = path.read_text()
    assert "- lead_status" not in text.split("version: 1")[0]
    assert "column: lead_status" in text  # 'Working' is every converted lead's status


def test_no_learn_writes_the_profile_starter(tmp_path: Path) -> None:
    frame = planted()
    run, path = _init(tmp_path, frame, "--no-learn")
    assert run.exit_code == 0, run.stderr
    assert "from the profile of leads.csv: as asked (--no-learn)" in said(run.stderr)
    text = path.read_text()
    # no outcome figure in a profile, and the outcome itself and the status are no rules
    assert "% converted" not in text
    assert "# - is_converted (the export's Converted): the outcome itself" in text
    assert "column: is_converted" not in text and "column: lead_status" not in text
    counts = frame.group_by("Plan").len()
    for plan, n in counts.iter_rows():
        assert f"# {plan}: {n:,} leads ({n / N:.1%})\n" in text
    model = yaml.safe_load(text)
    # an engagement count: more points for each band up, none for the lowest
    views = [r["points"] for r in model["intent"]["rules"] if "Page Views" in str(r["when"])]
    assert views == sorted(views) and len(set(views)) == len(views) >= 2
    scored = _scored(tmp_path / "proj")
    assert scored["stage"].n_unique() >= 2


def test_an_outcome_named_by_its_header(tmp_path: Path) -> None:
    frame = (
        planted(status="Status")
        .rename({"Converted": "Became Customer"})
        .with_columns(pl.col("Became Customer").replace_strict({0: "no", 1: "yes"}))
    )
    run, path = _init(tmp_path, frame)
    assert run.exit_code == 0, run.stderr
    assert "no outcome column to learn from; name one with --outcome COLUMN" in said(run.stderr)
    named, path = _init(tmp_path, frame, "--outcome", "Became Customer", name="named")
    assert named.exit_code == 0, named.stderr
    assert "learned from Became Customer: " in named.stderr
    points = path.read_text().split("\ngates:")[0]
    assert "column: Became Customer" not in points  # no points for the outcome itself
    (gate,) = yaml.safe_load(path.read_text())["gates"]
    assert gate["outcome"] == "converted" and gate["when"]["column"] == "Became Customer"
    assert {"yes", "true", "1"} <= set(gate["when"]["in"]) and "no" not in gate["when"]["in"]


def test_an_outcome_from_a_stage_date(tmp_path: Path) -> None:
    frame = planted(status="Status")
    sql = pl.when(pl.col("Converted") == 1).then(pl.col("Follow-up Date"))
    frame = frame.with_columns(sql.alias("SQL Date")).drop("Converted")
    run, _ = _init(tmp_path, frame)
    assert run.exit_code == 0, run.stderr
    assert "learned from SQL Date: " in run.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--outcome", "Nope"], "--outcome Nope: no such column in the leads; columns: "),
        (["--keep-column", "Nope"], "--keep-column Nope: no such column in the leads"),
        (["--outcome", "Converted", "--no-learn"], "does not go with --no-learn"),
        (
            ["--outcome", "Color"],
            "--outcome Color: Color: 0 of 4,000 leads converted; learning needs",
        ),
    ],
)
def test_a_bad_option_is_one_line_and_writes_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    run, _ = _init(tmp_path, planted(), *args)
    assert run.exit_code == 2
    errors = [line for line in run.stderr.splitlines() if line.startswith("revq: error: ")]
    assert len(errors) == 1 and message in errors[0]
    assert run.stderr.endswith(errors[0] + "\n")
    assert not (tmp_path / "proj").exists()


def test_the_options_need_exports(tmp_path: Path) -> None:
    run = run_cli(["init", "proj", "--outcome", "Converted"], cwd=tmp_path)
    assert run.exit_code == 2 and "need a leads export (--exports)" in run.stderr


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Lead Status", "status"),
        ("LeadStatus", "status"),
        ("hs_lifecycle_stage", "lifecycle"),
        ("Tags", "tags"),
        ("Lead Quality", "quality"),
        ("Lost Reason", "lost"),
        ("Last Activity", "latest"),
        ("Lead Source", None),
        ("Do Not Call", None),
        ("What is your current occupation", None),
        ("Asymmetrique Activity Score", None),
    ],
)
def test_names_sales_fills_in_after_contact(name: str, why: str | None) -> None:
    reason = name_reason(name)
    if why is None:
        assert reason is None
    else:
        assert reason is not None and why in reason
    assert words("LeadStatus") == ["lead", "status"]


def test_thresholds_reach_the_share_asked_for() -> None:
    # 10 leads: 1 at 30, 2 at 20, 3 at 10, 4 at 0; at-or-above shares 10%, 30%, 60%, 100%
    scores = pl.Series([30, 20, 20, 10, 10, 10, 0, 0, 0, 0])
    assert reaching(scores, 0.2) == 30  # 10% is as near 20% as 30% is: the higher score
    assert reaching(scores, 0.6) == 10
    assert reaching(scores, 0.6, below=10) == 0
    cut = set_cutoffs(scores, pl.Series([0] * 10), scores)
    assert (cut.sales_ready, cut.nurture, cut.fit_high, cut.intent_high) == (30, 10, 20, 1)
    assert cut.grades == (("A", 30), ("B", 20), ("C", 10))
    flat = set_cutoffs(pl.Series([0] * 5), pl.Series([0] * 5), pl.Series([0] * 5))
    assert flat.sales_ready == 1 and flat.grades == ()  # one score for all: no lead above


@pytest.mark.parametrize(
    "value",
    ["Google", "yes", "1", "a: b", "#x", "Banking, Investment And Insurance", " pad", "[x]", "-"],
)
def test_a_value_reads_back_as_itself(value: str) -> None:
    assert yaml.safe_load(f"v: {scalar(value)}") == {"v": value}
    flow = condition_yaml(AllOf((Compare(value, "gte", 2.5), Compare(value, "lt", 4))))
    assert yaml.safe_load(flow) == {
        "all": [{"column": value, "gte": 2.5}, {"column": value, "lt": 4}]
    }


@pytest.mark.parametrize(
    ("folder", "leads"),
    [("x-education-leads", 9240), ("x-education-leads-aqibjallal", 9237)],
)
def test_x_education_learned_without_the_columns_sales_fills_in(
    tmp_path: Path, folder: str, leads: int
) -> None:
    path = realdata(folder, "Leads.csv")
    run = run_cli(["init", "proj", "--exports", str(path)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    text = (tmp_path / "proj/configs/scoring.yaml").read_text()
    listed = text.split("# Left out, as filled in after the outcome")[1].split("version: 1")[0]
    for column in ("Tags", "Lead Quality", "Last Activity", "Last Notable Activity"):
        assert f"# - {column}: " in listed
        assert f"column: {column}," not in text
    raw = pl.read_csv(path, infer_schema=False)
    ids, y = raw["Prospect ID"].to_list(), raw["Converted"].cast(pl.Int8).to_list()
    test = _held_out(ids, y)
    scored = _scored(tmp_path / "proj")
    assert scored.height == leads
    held = scored.filter(pl.col("lead_id").is_in(list(test)))
    outcome = dict(zip(ids, y, strict=True))
    auc = roc_auc_score([outcome[i] for i in held["lead_id"]], held["total_score"])
    assert auc >= 0.86
    assert auc == pytest.approx(_printed(run.stderr, "as revq score adds them"), abs=5e-4)
    assert auc >= _printed(run.stderr, "same columns") - 0.01
    stages = scored["stage"].value_counts()
    assert stages.height >= 3 and stages["count"].max() < 0.6 * leads
    # revq's own backtest, on the whole history, finds no rule whose points go the wrong way
    backtest = run_cli(
        ["-q", "backtest", "--outcome", "Converted", "--as-of", "2026-10-31", "-f", "json"],
        cwd=tmp_path / "proj",
    )
    assert backtest.exit_code == 0, backtest.stderr
    rules = json.loads(backtest.stdout)["rules"]
    assert rules and not [r["rule"] for r in rules if r["wrong_way"]]


def test_x_education_leads_that_converted_are_off_the_call_list(tmp_path: Path) -> None:
    path = realdata("x-education-leads", "Leads.csv")
    run = run_cli(["init", "proj", "--exports", str(path)], cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    project = tmp_path / "proj"
    raw = pl.read_csv(path, infer_schema=False)
    converted = set(raw.filter(pl.col("Converted") == "1")["Prospect ID"].to_list())
    assert f"a gate puts the {len(converted):,} that converted in stage" in said(run.stderr)
    # every lead that converted, and only those, in stage converted, with no sales action
    scored = _scored(project)
    gated = scored.filter(pl.col("stage") == "converted")
    assert set(gated["lead_id"].to_list()) == converted
    assert gated["next_action"].str.starts_with("No sales action").all()
    # the call list shows none of them, and says they are left out
    view = run_cli(["score", "--as-of", "2026-10-31", "--top", "25"], cwd=project, width=200)
    assert view.exit_code == 0, view.stderr
    listed = [line.split()[0] for line in view.stdout.splitlines()[2:] if line.strip()]
    assert len(listed) == 25 and not set(listed) & converted
    assert f"({len(converted):,} converted already, not listed)" in view.stdout
    # the backtest leaves the gate out: its report is the one of the config without it
    config = project / "configs" / "scoring.yaml"
    text = config.read_text()
    backtest = ["-q", "backtest", "--outcome", "Converted", "--as-of", "2026-10-31", "-f", "json"]
    with_gate = run_cli(backtest, cwd=project)
    config.write_text(text.split("\ngates:")[0] + "\n")
    without = run_cli(backtest, cwd=project)
    assert with_gate.exit_code == without.exit_code == 0, with_gate.stderr
    assert json.loads(with_gate.stdout) == json.loads(without.stdout)


def test_olist_mqls_without_an_outcome_get_stages_from_their_profile(tmp_path: Path) -> None:
    """Olist's MQL file holds no outcome (the deals are another file): the profile starter,
    its lead source a picklist, still tells leads apart."""
    from revq.app.run import Run
    from revq.app.starter import starter_config
    from revq.config.loader import load_model
    from revq.config.models import LoadOptions
    from revq.io.load import load_table

    mqls = realdata("olist-marketing-funnel", "olist_marketing_qualified_leads_dataset.csv")
    load = ROOT / "configs" / "olist-mqls.yaml"
    loaded = load_table(mqls, load_model(load, LoadOptions))
    starter = starter_config(Run(), loaded.frame, name=mqls.name, headers=dict(loaded.mapping))
    assert starter.outcome is None and "no outcome column" in said("\n".join(starter.lines))
    config = tmp_path / "scoring.yaml"
    config.write_text(starter.text)
    run = run_cli(
        ["-q", "score", str(mqls), "-c", str(config), "--load-config", str(load), "-f", "csv"],
        cwd=tmp_path,
    )
    assert run.exit_code == 0, run.stderr
    scored = pl.read_csv(io.StringIO(run.stdout))
    assert scored.height == 8000 and scored["stage"].n_unique() >= 2
    assert "column: lead_source" in starter.text


def test_the_python_api_gives_what_init_learned(tmp_path: Path) -> None:
    import revq

    frame = planted()
    frame.write_csv(tmp_path / "leads.csv")
    said: list[str] = []
    result = revq.init(
        tmp_path / "proj",
        exports=[tmp_path / "leads.csv"],
        keep_columns=["Segment Code"],
        sink=lambda m: said.append(str(m)),
    )
    starter = result.starter
    assert starter is not None and starter.outcome == "is_converted"
    assert starter.held_out == round(0.3 * N)
    assert starter.auc is not None and f"{starter.auc:.3f}" in "\n".join(said)
    left = [lo.column for lo in starter.left_out]
    assert "Segment Code" not in left and "Onboarding Call" in left
    assert "column: Segment Code" in (tmp_path / "proj/configs/scoring.yaml").read_text()


def test_typed_columns_of_every_kind_learn_without_a_fault() -> None:
    """A typed export (Parquet, JSON) brings naive timestamps, infinities, NaN in a float
    outcome, nested records: none stops the learning or ends in a rule it cannot read."""
    from datetime import datetime

    from revq.app.run import Run
    from revq.app.starter import starter_config

    frame = planted(status="Status")
    n = frame.height
    rng = np.random.default_rng(5)
    created = pl.Series([datetime(2026, 1, 1) + timedelta(days=int(d)) for d in range(n)])
    converted = frame["Converted"].cast(pl.Float64)
    typed = frame.select("Lead ID", "Plan", "Page Views").with_columns(
        lead_id=pl.col("Lead ID"),
        created_at=created.dt.replace_time_zone("UTC"),
        # naive, and a week after creation for converted leads only
        signed_at=pl.when(converted == 1).then(created + timedelta(days=7)),
        score=pl.Series(np.where(rng.random(n) < 0.01, np.inf, rng.random(n))),
        nested=pl.Series([{"a": 1}] * n),
        is_converted=pl.when(pl.Series(rng.random(n)) < 0.01)
        .then(float("nan"))
        .otherwise(converted),
    )
    starter = starter_config(Run(), typed, name="typed.parquet")
    assert starter.outcome == "is_converted" and starter.auc is not None
    left = {lo.column: lo.reason for lo in starter.left_out}
    assert "signed_at" in left, left
    model = yaml.safe_load(starter.text)
    assert "nested" not in str(_rules(model)) and "signed_at" not in str(_rules(model))


def test_without_scikit_learn_the_profile_starter_is_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from revq.app.run import Run
    from revq.app.starter import starter_config

    monkeypatch.setitem(sys.modules, "sklearn", None)  # `import sklearn` fails
    run = Run()
    starter = starter_config(run, planted(status="Status").rename({"Lead ID": "lead_id"}))
    assert starter.outcome is None and "Starter scoring model written" in starter.text
    assert any("pip install 'revq[calibrate]'" in w for w in run.warnings())


@pytest.mark.parametrize(
    ("low", "high", "cut"),
    [(2, 3, 3), (2.0833, 2.5, 2.1), (1.2222222, 1.25, 1.23), (-1.5, -1.2, -1.4), (99.5, 100, 100)],
)
def test_a_band_starts_at_the_shortest_number_between_two_values(
    low: float, high: float, cut: float
) -> None:
    from revq.core.learn import shortest_between
    from revq.core.levels import number_text

    found = shortest_between(low, high)
    assert found == cut and low < found <= high
    for value in (found, 2.4166666666666665, 1e-05, 1e20):
        assert yaml.safe_load(f"x: {number_text(value)}") == {"x": value}


def test_a_lead_without_a_point_is_never_sales_ready() -> None:
    """Five leads, three with no point and two below zero (the Salesforce seed's shape): the
    fifth nearest 20% at or above a cut would be 0, which would route leads no rule scored."""
    from revq.core.cutoffs import set_cutoffs

    zeros = pl.Series([0] * 5)
    cuts = set_cutoffs(zeros, zeros, pl.Series([-85, -80, 0, 0, 0]))
    assert cuts.sales_ready == 1  # above every score: no lead is sales-ready
    assert cuts.nurture == 0  # the three at 0 nurture, the two below are out


def test_leads_no_rule_can_tell_apart_are_counted_every_one() -> None:
    """Leads with nothing but an id and an address (the Marketo seed's shape): every lead
    scores 0, and the thresholds' comments count all of them, not one."""
    from revq.app.run import Run
    from revq.app.starter import starter_config

    leads = pl.DataFrame(
        {"lead_id": [f"L{i}" for i in range(40)], "email": [f"p{i}@x.example" for i in range(40)]}
    )
    text = starter_config(Run(), leads).text
    assert "# Nurture: 40 leads (100%)" in text, text
    assert "# Set from the scores these points give the leads. Sales-ready: 0 leads (0%)" in text


def test_a_key_to_another_record_is_never_a_rule() -> None:
    from revq.core.lead_columns import kind_of

    # Two accounts held by many leads look like a picklist of two levels, but which account
    # a lead is joined to says nothing of the lead; a column merely ending in "id" is kept.
    frame = pl.DataFrame(
        {
            "contact_account_id": ["A1", "A2"] * 20,
            "AccountId": ["A1", "A2"] * 20,
            "Owner ID": ["U1", "U2"] * 20,
            "paid": ["yes", "no"] * 20,
        }
    )
    for column in ("contact_account_id", "AccountId", "Owner ID"):
        assert kind_of(frame, column).kind == "skip"
        assert kind_of(frame, column).why == "a key to another record"
    assert kind_of(frame, "paid").kind == "levels"
