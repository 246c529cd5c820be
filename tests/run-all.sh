#!/usr/bin/env bash
# Set up and run the whole test suite, from any clone, on a fresh machine.
#
#   bash tests/run-all.sh            # everything
#   bash tests/run-all.sh -k corpus  # arguments go to pytest
#
# 1. System packages, installed with apt-get (Debian, Ubuntu) only when missing:
#    Python's venv module, git (the pre-commit tests commit to throwaway
#    repositories), Chromium (the headless-browser test drives
#    /usr/bin/chromium; nothing is downloaded by the test itself), TeX
#    Live with latexmk and poppler-utils (the PDF tests compile the docs and
#    a transcript project with latexmk and read the PDFs with pdftotext and
#    pdfinfo), Node.js with npm for axe-core (below), and espeak-ng (the demo
#    clip's word timings are made again from its library's word events).
#    Uses sudo when not run as root; CI runs as root.
# 2. A fresh virtual environment in .venv (an old one is removed first), with
#    the package installed editable and its "test" extra.
# 3. pytest over tests/ (ruff and mypy --strict run as tests too).  The exit
#    status is pytest's: non-zero when a test fails or none was collected.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}

missing=()
command -v "$python" >/dev/null 2>&1 || missing+=(python3)
"$python" -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
command -v git >/dev/null 2>&1 || missing+=(git)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# TeX Live, by a file each package brings (kpsewhich comes with the first).
command -v latexmk >/dev/null 2>&1 || missing+=(latexmk)
tex_has() { command -v kpsewhich >/dev/null 2>&1 && [ -n "$(kpsewhich "$1")" ]; }
tex_has fancyvrb.sty || missing+=(texlive-latex-recommended)
tex_has fncychap.sty || missing+=(texlive-latex-extra)
tex_has pcrr8t.tfm || missing+=(texlive-fonts-recommended)
tex_has tgtermes.sty || missing+=(tex-gyre)
{ command -v pdftotext && command -v pdfinfo; } >/dev/null 2>&1 || missing+=(poppler-utils)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "run-all: installing system packages: ${missing[*]}"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

# axe-core, the accessibility checker the theme matrix runs in the page
# (tests/test_browser_themes.py), from npm into tests/.npm (git-ignored).
[ -f tests/.npm/node_modules/axe-core/axe.min.js ] ||
    npm install --prefix tests/.npm --no-audit --no-fund axe-core@4

rm -rf .venv
"$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --disable-pip-version-check --progress-bar off -e '.[test]'

exec .venv/bin/python -m pytest "$@"
