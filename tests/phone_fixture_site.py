"""The phone tests' fixture documents as a `Site`, without MkDocs (for unit tests)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))

from directive_portal.pages import Site  # noqa: E402
from directive_portal.pipeline import build  # noqa: E402
from phone_support import DOCUMENTS  # noqa: E402
from sites import make_site  # noqa: E402


def phone_fixture_site() -> Site:
    with tempfile.TemporaryDirectory() as root:
        make_site(Path(root), DOCUMENTS, with_repo_pages=False)
        built = build(str(Path(root) / "content"))
    assert not built.errors, built.errors
    return built.site
