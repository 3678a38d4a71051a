"""The pull request workflow runs check, the tests through .ci/run, the build, review and the upload."""

from __future__ import annotations

import shlex
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "pull-request.yml"


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps() -> list[dict]:
    (job,) = _workflow()["jobs"].values()
    return job["steps"]


def _runs() -> list[str]:
    return [step["run"].strip() for step in _steps() if "run" in step]


def test_runs_on_pull_requests():
    data = _workflow()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers


def test_runs_the_same_commands_as_ci_run():
    """The tests step is .ci/run itself, so the two cannot drift apart."""
    commands = [line for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert commands, ".ci/run runs nothing"
    assert "bash .ci/run" in _runs()
    assert not any("pytest" in run or "tests/run.sh" in run for run in _runs()), "tests run only through .ci/run"


def test_check_tests_build_review_upload_in_that_order():
    runs = _runs()
    order = [
        next(i for i, r in enumerate(runs) if shlex.split(r)[:2] == ["python3", "-m"] and "'.[test]'" in r),
        runs.index("portal check --format github"),
        runs.index("bash .ci/run"),
        next(i for i, r in enumerate(runs) if r.startswith("portal build --strict")),
        runs.index('portal review --base "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"'),
    ]
    assert order == sorted(order)
    upload = [s for s in _steps() if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload and upload[0]["with"]["path"] == "site/"


def test_full_history_for_page_dates_and_review():
    checkout = next(s for s in _steps() if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


# Majors that run on Node 24 (GitHub deprecated actions on Node 20): checkout v5, upload-artifact v6.
NODE24_MAJORS = {"actions/checkout": 5, "actions/upload-artifact": 6, "actions/setup-python": 6, "actions/cache": 5}


def test_actions_run_on_node_24():
    used = [s["uses"] for s in _steps() if "uses" in s]
    assert used
    for spec in used:
        name, version = spec.split("@")
        assert name in NODE24_MAJORS, f"{name}: which major runs on Node 24?"
        assert int(version.lstrip("v").split(".")[0]) >= NODE24_MAJORS[name], spec


def test_the_preview_is_uploaded_when_only_check_or_review_fails():
    steps = _steps()
    build = next(s for s in steps if s.get("run", "").startswith("portal build --strict"))
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    review_step = next(s for s in steps if s.get("run", "").startswith("portal review"))
    for step in (build, review_step, upload):
        assert "!cancelled()" in step.get("if", ""), step  # runs after a failed step
    assert f"steps.{build['id']}.outcome == 'success'" in upload["if"]  # a failed build uploads nothing
    assert not any(s.get("continue-on-error") for s in steps)  # every failure still fails the job


def test_the_build_cache_and_site_are_kept_between_runs_and_the_build_uses_them():
    steps = _steps()
    cache = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache@"))
    build = next(i for i, s in enumerate(steps) if s.get("run", "").startswith("portal build --strict"))
    assert cache < build
    kept = steps[cache]["with"]["path"].split()
    assert kept == [".portal-cache", "site"]  # incremental.FOLDER and the site it describes
    assert "--dirty" in shlex.split(steps[build]["run"].split("#")[0])
    assert "github.sha" in steps[cache]["with"]["key"] and steps[cache]["with"]["restore-keys"].strip()
    from directive_portal import incremental

    assert incremental.FOLDER == ".portal-cache"


def test_chromium_gets_container_flags():
    from benchmarks.static_server import CHROMIUM_ARGS

    assert "--disable-dev-shm-usage" in CHROMIUM_ARGS and "--no-sandbox" in CHROMIUM_ARGS
