"""The phone tests' fixture documents as a `Site`, without MkDocs (for unit tests)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))

from directive_portal.content import load_content  # noqa: E402
from directive_portal.graph import build_graph  # noqa: E402
from directive_portal.pages import Site, build_site  # noqa: E402
from phone_support import DOCUMENTS  # noqa: E402
from sites import make_site  # noqa: E402


def phone_fixture_site() -> Site:
    with tempfile.TemporaryDirectory() as root:
        make_site(Path(root), DOCUMENTS, with_repo_pages=False)
        content = load_content(str(Path(root) / "content"))
    assert not [p for p in content.problems if p.severity == "error"], content.problems
    return build_site(build_graph(content.documents), list(content.topics))
