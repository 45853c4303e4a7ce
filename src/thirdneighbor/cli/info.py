"""`info`: which dataset file is in use and why, what it holds, and the cache."""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING, Any

from ..core import __version__

if TYPE_CHECKING:
    from ..data.load import Loaded


def info_record(loaded: Loaded, *, use_cache: bool) -> dict[str, Any]:
    """The facts `info` shows, JSON-ready, of a dataset loaded as every command
    loads it (through the cache, unless --no-cache or stdin)."""
    from ..data import cache
    from ..data.load import STDIN_SOURCES

    data, path, why, hit = loaded.dataset, loaded.path, loaded.why, loaded.cached
    from_stdin = why in STDIN_SOURCES  # never cached
    use_cache = use_cache and not from_stdin
    entry = None if from_stdin else cache.entry_path(path)
    partners = data.all_partners
    neighbors = sum(partner.neighbor for partner in partners)
    other = sum(partner.tier is None for partner in partners)
    return {
        "path": str(path),
        "source": why,
        "title": data.title,
        "version": data.version,
        "as_of": str(data.as_of),
        "schema_version": data.schema_version,
        "records": {"partners": len(partners), "third_neighbors": len(partners) - neighbors - other,
                    "neighbors": neighbors, "other_relations": other, "events": len(data.all_events),
                    "people": len(data.all_people), "tiers": len(data.tiers)},
        "cache": {"enabled": use_cache and entry is not None, "path": None if entry is None else str(entry),
                  "hit": hit},
        "tool_version": __version__,
        "python": platform.python_version(),
    }


_WHY = {"--data": "named with --data", "--data -": "read from stdin", "$THIRDNEIGHBOR_DATA=-":
        "read from stdin, as $THIRDNEIGHBOR_DATA=- asks", "bundled": "the dataset bundled with the tool"}


def info_text(record: dict[str, Any]) -> str:
    from ..core.safe import clean

    records = record["records"]
    cache = record["cache"]
    cached = ("off (stdin is never cached)" if record["source"] in ("--data -", "$THIRDNEIGHBOR_DATA=-") else
              "off (no absolute HOME or XDG_CACHE_HOME to keep it in)" if cache["path"] is None else
              "off (--no-cache)" if not cache["enabled"] else
              f"{cache['path']} ({'hit' if cache['hit'] else 'not there yet, written now'})")
    lines = [
        ("Dataset", f"{record['path']} ({_WHY.get(record['source'], 'named by ' + record['source'])})"),
        ("Title", record["title"] or "untitled"),
        ("Version", f"{record['version'] or 'unversioned'}, checked against its sources on {record['as_of']}"),
        ("Records", f"{_count(records['third_neighbors'], 'third neighbor')}, "
                    f"{_count(records['neighbors'], 'neighbor')}, {_count(records['other_relations'], 'other relation')}; "
                    f"{_count(records['events'], 'event')}, {records['people']} people, {_count(records['tiers'], 'tier')}"),
        ("Cache", cached),
        ("Tool", f"thirdneighbor {record['tool_version']}, Python {record['python']}"),
    ]
    return "".join(f"{label + ':':<9} {clean(str(value))}\n" for label, value in lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
