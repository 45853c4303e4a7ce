"""A view as a reader of the chosen language sees it: its records under the
names the data gives them in that language.

Under --lang mn, the formats for people (the table, plain text, Markdown, the
exports) draw a copy of the view (`localized`) whose partners, tiers and
people carry their Mongolian names in the places that hold the English ones:
`name` is `name_mn`, a tier's `name` its `name_mn`, `designation` the
Mongolian designation (`mongolian_designation`). The English names move into
the `_mn` fields in their place, so that the one place that shows a record's
"other" names (`show`) shows the English ones, labelled so. Where the data has
no Mongolian form, the English stays, and the view says once that some of its
text is English (`english_shown`, ENGLISH_NOTE).

Nothing is translated here: every Mongolian word comes from the data. JSON,
JSON Lines, CSV and TSV never see the copy; they are the same in every language.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from ..core.language import N_, current
from ..data.model import Dataset, HistoryEntry, Partner, Person, Role, Tier

if TYPE_CHECKING:
    from ..views.registry import View


def designation_names(dataset: Dataset) -> dict[str, str]:
    """Each designation the data names in Mongolian, by its English text folded
    to lower case: a partner's own `designation_mn`, and a tier's `name_mn` for
    a designation that is the tier's name ("Strategic partnership" is the
    strategic tier's own name, which the ministry writes "Стратегийн түншлэл")."""
    names = {tier.name.casefold(): tier.name_mn for tier in dataset.tiers if tier.name_mn}
    for partner in dataset.all_partners:
        if partner.designation and partner.designation_mn:
            names[partner.designation.casefold()] = partner.designation_mn
    return names


def mongolian_designation(text: str | None, names: dict[str, str]) -> str | None:
    """A designation in Mongolian where the data gives it ("Strategic partnership*"
    keeps its asterisk); as it is otherwise."""
    if not text:
        return text
    bare = text.removesuffix("*")
    found = names.get(bare.casefold())
    return text if found is None else found + text[len(bare):]


class _Localizer:
    """Copies of records with the Mongolian names in place, each record copied once."""

    def __init__(self, dataset: Dataset) -> None:
        self.designations = designation_names(dataset)
        self.copies: dict[int, Any] = {}

    def tier(self, tier: Tier) -> Tier:
        if not tier.name_mn:
            return tier
        return dataclasses.replace(tier, name=tier.name_mn, name_mn=tier.name)

    def partner(self, partner: Partner) -> Partner:
        designation = mongolian_designation(partner.designation, self.designations)
        return dataclasses.replace(
            partner,
            name=partner.name_mn or partner.name, name_mn=partner.name if partner.name_mn else None,
            official_name=partner.official_name_mn or partner.official_name,
            official_name_mn=partner.official_name if partner.official_name_mn else None,
            aliases=partner.aliases_mn, aliases_mn=partner.aliases,
            designation=designation,
            designation_mn=partner.designation if designation != partner.designation else None,
            history=tuple(self.entry(entry) for entry in partner.history))

    def entry(self, entry: HistoryEntry) -> HistoryEntry:
        return dataclasses.replace(entry, designation=mongolian_designation(entry.designation, self.designations))

    def person(self, person: Person) -> Person:
        if person.roles:  # the roles' dates as the language writes them; the titles stay the data's English
            person = dataclasses.replace(person, role="; ".join(_role_text(role) for role in person.roles))
        if not person.name_mn:
            return person
        return dataclasses.replace(person, name=person.name_mn, name_mn=person.name)

    def __call__(self, value: Any) -> Any:
        """`value` with every partner, tier and person in it as copied, and every
        designation named in Mongolian where the data names it; the rest as it is."""
        if isinstance(value, (str, int, float, bool)) or value is None:
            return value
        known = self.copies.get(id(value))
        if known is not None:
            return known[1]
        copy = self._copy(value)
        self.copies[id(value)] = (value, copy)  # the original kept alive, so that its id is not reused
        return copy

    def _copy(self, value: Any) -> Any:
        if isinstance(value, Dataset):  # its records only: the rest of it holds no name
            return dataclasses.replace(value, tiers=self(value.tiers), all_partners=self(value.all_partners),
                                       all_people=self(value.all_people))
        if isinstance(value, Partner):
            return self.partner(value)
        if isinstance(value, Tier):
            return self.tier(value)
        if isinstance(value, Person):
            return self.person(value)
        if isinstance(value, tuple) and hasattr(value, "_fields"):  # a NamedTuple: Change, Changes, Mention...
            return type(value)(*(self._field(name, item) for name, item in zip(value._fields, value)))
        if isinstance(value, (list, tuple)):
            return type(value)(self(item) for item in value)
        if isinstance(value, dict):
            return {key: self(item) for key, item in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):  # a TierGroup, a DesignationGroup
            return dataclasses.replace(value, **{field.name: self._field(field.name, getattr(value, field.name))
                                                 for field in dataclasses.fields(value) if field.init})
        return value

    def _field(self, name: str, value: Any) -> Any:
        if name.endswith("designation") and isinstance(value, str):
            return mongolian_designation(value, self.designations)
        return self(value)


ENGLISH_NOTE = N_("Text that the data holds in English only (notes, occasions, event titles, roles, "
                  "descriptions) is shown in English.")
# The views whose every record shows some such text; list shows it only in a designation.
_WITHOUT_ENGLISH = ("chart", "series", "counts")


def english_shown(view: View) -> bool:
    """Whether a localized view shows text that the data has in English only, which
    the reader is told once per view (ENGLISH_NOTE)."""
    if current() == "en" or view.kind in _WITHOUT_ENGLISH or not view.all_records:
        return False
    if view.kind == "list" and view.chosen is None:
        # A localized partner keeps the English designation in `designation_mn` where it has a Mongolian one.
        return any(partner.designation and not partner.designation_mn for partner in view.subject)
    return True


def localized(view: View) -> View:
    """The view as a reader of the language in use sees it; in English, itself."""
    if current() == "en":
        return view
    from ..views.registry import View

    copy = _Localizer(view.dataset)
    return View(view.kind, copy(view.dataset), copy(view.subject), as_of=view.as_of, with_sources=view.with_sources,
                chosen=view.chosen, window=view.window)


def localized_records(dataset: Dataset, *values: Any) -> tuple[Any, ...]:
    """`dataset` and `values` (datasets, partners, lists of them) as a reader of the
    language in use sees them, each record copied once for all of them, so that
    a partner in a list is the same copy as in its dataset; in English, themselves.
    The pictures call this once, before drawing: a copy copied again would swap
    its names back."""
    if current() == "en":
        return (dataset, *values)
    copy = _Localizer(dataset)
    return (copy(dataset), *(copy(value) for value in values))


def _role_text(role: Role) -> str:
    """A role as Role.text gives it, its dates written in the language in use; an
    open end is a dash ("2021 оны 1 сарын 29 –"), which needs no word."""
    from ..core.written_dates import written_date

    start, end = written_date(role.start), written_date(role.end)
    if not start and not end:
        return role.title
    return f"{role.title} ({start} – {end})".replace("( – ", "(– ").replace(" – )", " –)")
