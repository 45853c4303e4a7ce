"""The checks of validation that look across records: names that two records
share or that read the same, ISO codes that two partners share, and dates later
than the dataset's own `as_of`. Each is a problem a command would otherwise meet
later, as an answer that is wrong in silence or an error over options nobody
gave; each message says how to fix the file.
"""

from __future__ import annotations

from collections.abc import Iterable

from .confusables import skeleton, unusual
from .names import normalize
from .partialdate import PartialDate
from .validate_fields import Label, _Collector


class AsOf:
    """The dataset's `as_of`, against which each record's dates are checked: a
    date later than it would make `series`, `chart` and `report`, which end at
    `as_of`, refuse a window that nobody asked for."""

    def __init__(self, as_of: PartialDate | None) -> None:
        from .partialdate import last_day

        self.as_of = as_of
        self.last = last_day(as_of) if as_of is not None else (10000, 0, 0)

    def is_after(self, date: PartialDate) -> bool:
        """Whether `date` certainly falls after `as_of`: its first day is later
        than the last day `as_of` covers. An event dated "2026" in data checked
        on 2026-11-28 may have happened by then, and is kept; "2026-12" is not."""
        if date.year != self.last[0]:  # nearly always: one comparison for 70,000 dates of the benchmark
            return date.year > self.last[0]
        return (date.year, date.month or 1, date.day or 1) > self.last

    def check(self, check: _Collector, label: Label, field: str, date: PartialDate | None) -> None:
        if date is not None and date.year >= self.last[0] and self.is_after(date):
            check.add(label, f"{field} ({date}) is after the dataset's as_of ({self.as_of}); correct the date, or "
                             "set as_of to the day the data was last checked against its sources")


def twice(values: Iterable[str]) -> list[str]:
    """The values that a list gives more than once, in order."""
    seen: set[str] = set()
    repeated: list[str] = []
    for value in values:
        if value in seen and value not in repeated:
            repeated.append(value)
        seen.add(value)
    return repeated


# ISO 3166-1 leaves these codes to users: they name no country, so a dataset of its
# own (or the benchmark's 10,000 made-up partners) may give one to several partners;
# a look-up by such a code then lists the candidates (exit 1). The map draws none.
def _user_assigned(key: str, code: str) -> bool:
    if key == "iso_numeric":
        return "900" <= code <= "999"
    first = code[:2]
    return first in ("AA", "ZZ") or "QM" <= first <= "QZ" or first.startswith("X")


class Codes:
    """The ISO 3166-1 codes seen so far: no two partners may share one, or `show
    USA` would be ambiguous and the map would title one country's shape with
    another's name."""

    KEYS = ("iso2", "iso3", "iso_numeric")

    def __init__(self) -> None:
        self.owners: dict[tuple[str, str], str] = {}

    def add(self, check: _Collector, label: Label, partner_id: str, codes: dict[str, str | None]) -> None:
        for key in self.KEYS:
            code = codes.get(key)
            if code is None or _user_assigned(key, code):
                continue
            owner = self.owners.setdefault((key, code), partner_id)
            if owner != partner_id:
                check.add(label, f"{key} {code!r} is also the {key} of partner {owner!r}; each country has its own "
                                 "ISO 3166-1 code: check both against the standard")


class Names:
    """The names seen so far, of one kind of record (partners, or people): a name
    must lead to one record, also once case, accents and punctuation are
    ignored, invisible characters dropped and look-alike letters read as Latin
    (thirdneighbor.data.confusables), since a reader cannot tell such names apart."""

    def __init__(self, noun: str) -> None:
        self.noun = noun
        # skeleton -> (owner id, the name as written, whether it is an ISO code)
        self.owners: dict[str, tuple[str, str, bool]] = {}

    def add(self, check: _Collector, label: Label, owner_id: str, names: Iterable[str],
            codes: Iterable[str] = ()) -> None:
        """Register a record's names (and ISO codes), reporting each other record
        it clashes with once, by the first of its names that clashes."""
        # One loop with locals: a 10,000-partner dataset registers 80,000 names.
        owners = self.owners
        reported: set[str] = set()
        for is_code, given in ((False, names), (True, codes)):
            for name in given:
                key = normalize(name) if name.isascii() and name.isprintable() else skeleton(name)
                if not key:  # nothing to read ("...", or only hidden characters): no look-up finds it by this name
                    continue
                owner, first, first_is_code = owners.setdefault(key, (owner_id, name, is_code))
                if owner == owner_id or (is_code and first_is_code) or owner in reported:
                    continue  # one record may repeat a name; a shared code is Codes' to judge
                reported.add(owner)
                check.add(label, self._clash(name, first, owner))

    def _clash(self, name: str, first: str, owner: str) -> str:
        # Equal once folded, and no hidden or look-alike character behind it: the same name.
        odd = ", ".join(dict.fromkeys(unusual(name) + unusual(first)))
        if not odd and normalize(name) == normalize(first):
            return f"name {name!r} is also a name of {self.noun} {owner!r}"
        return (f"name {name!r} reads the same as {first!r}, a name of {self.noun} {owner!r} ({odd}); "
                "retype it in one script, without hidden characters, or keep one of the two")
