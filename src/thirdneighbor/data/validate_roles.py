"""People's roles (schema 4's `[[people.roles]]`): each office with its dates and sources.

A role's dates are partial dates; `to` is left out while the person is in office or
where no source gives the end, and `from` where no source gives the start, which
the role's note then says. The one-line `role` the commands show is made from the
roles, so that it cannot say something else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Role
from .validate_fields import Label, _Collector, _fixed_after
from .validate_records import AsOf

if TYPE_CHECKING:
    from .validate_sources import Citations


def build_roles(check: _Collector, owner: Label, raw_roles: list[Any], as_of: AsOf,
                citations: Citations) -> tuple[Role, ...]:
    roles: list[Role] = []
    for index, raw in enumerate(raw_roles):
        label = _fixed_after(owner, f" roles[{index}]")
        fields = check.fields(raw, label, Role)
        if fields is None:
            continue
        citations.add(label, "sources", fields["sources"])
        if not fields["sources"]:
            check.add(label, "field 'sources' must name at least one source")
            continue
        start, end = fields.get("start"), fields.get("end")
        if start is not None and end is not None and end.key < start.key:
            check.add(label, f"ends ('to' {end}) before it begins ('from' {start})")
            continue
        if start is None and end is None and not fields.get("note"):
            check.add(label, "has neither 'from' nor 'to'; give the dates a source gives, or say in 'note' why "
                             "there are none")
            continue
        before = len(check.problems)
        as_of.check(check, label, "'from'", start)
        as_of.check(check, label, "'to'", end)
        if len(check.problems) == before:
            roles.append(Role(**fields))
    return tuple(roles)


def role_line(roles: tuple[Role, ...]) -> str:
    """"Prime Minister of Mongolia (2017-10-04 – 2021-01); President of Mongolia (from 2021-06-25)"."""
    return "; ".join(role.text for role in roles)
