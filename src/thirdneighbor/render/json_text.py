"""The one JSON encoding every command uses."""

from __future__ import annotations

import json
from typing import Any

from ..core.safe import escaped_active


def dumps(payload: Any, *, ensure_ascii: bool = False) -> str:
    """One line of UTF-8 text and a newline. Letters outside ASCII stay as they
    are; only the characters a terminal would act on are \\u escapes.

    Not indented: `indent` switches json to its pure-Python encoder, about six times
    slower on a large dataset. Pipe into `jq .` to read it.
    """
    return escaped_active(json.dumps(payload, ensure_ascii=ensure_ascii)) + "\n"
