"""The shape of the package (issue 12): MkDocs behind one door, stages apart, no private names
crossing modules, no module or function past the size a reader keeps in mind."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "directive_portal"
ADAPTER = PACKAGE / "mkdocs_adapter"


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import in a file, relative imports with their dots."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append(("." * node.level + (node.module or ""), [alias.name for alias in node.names]))
    return found


def test_only_the_adapter_imports_mkdocs():
    outside = [str(p.relative_to(PACKAGE)) for p in modules() if ADAPTER not in p.parents
               and any(module == "mkdocs" or module.startswith("mkdocs.") for module, _names in imports(p))]
    assert outside == []
    assert any(module.startswith("mkdocs") for p in ADAPTER.glob("*.py") for module, _n in imports(p))


def test_the_adapter_stays_small():
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in ADAPTER.glob("*.py"))
    assert lines <= 207, f"the MkDocs adapter has {lines} lines: move domain logic out of it"


def test_no_private_name_crosses_modules():
    crossing = [f"{p.relative_to(PACKAGE)}: {module} {name}" for p in modules()
                for module, names in imports(p) if module.startswith(".")
                for name in names if name.startswith("_") and not name.startswith("__")]
    assert crossing == []


def test_the_read_stage_does_not_import_the_citation_stage():
    for name in ("frontmatter.py", "yaml_fields.py", "content.py"):
        assert not any(module.endswith("references") for module, _n in imports(PACKAGE / name)), name


def test_no_module_past_300_lines_no_function_past_60():
    long_modules, long_functions = [], []
    for path in modules():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 300:
            long_modules.append(str(path.relative_to(PACKAGE)))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60:
                long_functions.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}")
    assert long_modules == [] and long_functions == []


def test_no_module_level_cache():
    """Caches belong to the build's cache object (pipeline.Cache), never to module globals
    that would keep one build's data into the next `mkdocs serve` rebuild."""
    found = []
    for path in modules():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                value = node.value
                if isinstance(value, (ast.Dict, ast.List, ast.Set)) and not getattr(value, "keys", getattr(value, "elts", None)):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            for deco in getattr(node, "decorator_list", []):
                name = getattr(deco, "id", None) or getattr(getattr(deco, "func", None), "id", None) or getattr(deco, "attr", "")
                if name in ("lru_cache", "cache"):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} @{name}")
    assert found == []
