"""Write one document file: YAML front matter and Markdown body."""

from __future__ import annotations

import os

import yaml


class _Dumper(yaml.SafeDumper):
    """Quotes date-like strings ('2026-03') so YAML keeps them as text."""


def _str(dumper: yaml.SafeDumper, value: str):
    style = "'" if _looks_like_date(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _looks_like_date(value: str) -> bool:
    parts = value.split("-")
    return 1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4


_Dumper.add_representer(str, _str)


def render(front: dict, body: str) -> str:
    """The whole file text: `---`, front matter, `---`, body."""
    yaml_text = yaml.dump(front, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10000,
                          default_flow_style=False)
    return f"---\n{yaml_text}---\n\n{body.rstrip()}\n"


def write(path: str, front: dict, body: str, force: bool = False) -> None:
    """Write the file; refuse to overwrite an existing one unless `force`."""
    if os.path.exists(path) and not force:
        raise FileExistsError(path)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render(front, body))
