"""`diff` as text: a line per record added, removed or changed, and under a changed
record a line per field with its old and new value."""

from __future__ import annotations

import json
from typing import Any

from ..core.safe import clean


def _value(value: Any) -> str:
    # JSON, so that a missing value (null), an empty text ("") and a number stay apart.
    return clean(json.dumps(value, ensure_ascii=False))


def _key(change: dict[str, Any]) -> str:
    key = change["key"]
    if key is None:
        return ""
    if isinstance(key, list):  # an event: its date, its title, and which of several alike
        date, title, *occurrence = key
        return f" {date} {_value(title)}" + (f" (#{occurrence[0]})" if occurrence else "")
    return f" {clean(key)}"


def diff_text(changes: list[dict[str, Any]]) -> str:
    lines = []
    for change in changes:
        lines.append(f"{change['change']} {change['record']}{_key(change)}")
        lines += [f"  {field['field']}: {_value(field['old'])} → {_value(field['new'])}" for field in change["fields"]]
    return "".join(line + "\n" for line in lines)


def summary(changes: list[dict[str, Any]]) -> str:
    """"2 records changed, 1 added, 0 removed"; "no differences" for none."""
    if not changes:
        return "no differences"
    counts = {kind: sum(change["change"] == kind for change in changes) for kind in ("changed", "added", "removed")}
    return (f"{counts['changed']} record{'' if counts['changed'] == 1 else 's'} changed, "
            f"{counts['added']} added, {counts['removed']} removed")
