"""What was true on a given date: each partner's tier then, from its history.

The rule for partial dates, applied everywhere:

- A date given as `--as-of` stands for the last day it covers: `2015` means
  2015-12-31, `2015-06` means 2015-06-30. "As of 2015" is the state at its end.
- A partial start counts from the last day it covers: a tie "since 2025-03" is
  in force as of 2025-03-31 and later, not on 2025-03-01, because the sources
  do not show that it had begun by then. A start known to the day is in force
  on that day.
- Where only an "in force by" date is known (the start itself is not), that
  date is taken as the start: the earliest date the sources show the tie.
- A partner counts from its first tie at one of the dataset's tiers. Earlier
  ties that match no tier (South Korea's 1999 and 2006 relationships) do not
  put it on the list, and a later tier replaces an earlier one.

So a statement is only made where the sources support it on that date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..data.model import Claim, Dataset, HistoryEntry, Partner
from ..data.partialdate import PartialDate, last_day
from ..data.record import replaced




def in_force(start: PartialDate, as_of: PartialDate) -> bool:
    """Whether something that began at `start` had certainly begun by `as_of`."""
    return last_day(start) <= last_day(as_of)


def partner_as_of(partner: Partner, as_of: PartialDate) -> Partner | None:
    """The partner as it stood on `as_of`, or None if it held no tier yet.

    The result is the same Partner with its tier, designation, date, occasion,
    instrument and leaders taken from the tie then in force, and only the
    earlier ties in its history. `since_approx` is set where that tie's start is
    only an "in force by" date. An other relation (no tier) is the same on every date.
    """
    if partner.since is None:
        return partner
    if in_force(partner.since, as_of):
        return replaced(partner, history=_started(partner.history, as_of))
    earlier = _started(partner.history, as_of)
    tiered = [entry for entry in earlier if entry.tier is not None]
    if not tiered:
        return None
    current = tiered[-1]
    # The record's own notes describe its designation now; an earlier tier gets
    # its own caveats instead, and a pointer to the record as it stands.
    caveats = [current.note] if current.note else []
    if current.since is None:
        caveats.append(f"As of {as_of}, this tier is dated {current.in_force_by}: the earliest date the sources "
                       "show it in force. It began earlier, on a date they do not confirm.")
    caveats.append(f"Shown at the tier it held on {as_of}; the notes on its later designations are in "
                   f"`thirdneighbor show {partner.id}`.")
    return replaced(
        partner,
        tier=current.tier,
        designation=current.designation,
        asterisk=False,
        since=current.start,
        since_approx=current.since is None,
        occasion=current.occasion or "",
        instrument=None,
        leaders=(),
        notes=tuple(caveats),
        history=tuple(entry for entry in earlier if entry is not current),
        evidence=_entry_claims(current),
    )


def _entry_claims(entry: HistoryEntry) -> tuple[Claim, ...]:
    """An earlier tier's own evidence, as the claims of the tier and the date it gives a
    dated partner: the current designation's claims are not about it."""
    if not entry.sources or entry.confidence is None:
        return ()
    return tuple(Claim(field=field, sources=entry.sources, quote=entry.quote, quote_language=entry.quote_language,
                       confidence=entry.confidence) for field in ("tier", "since"))


def tier_at(partner: Partner, as_of: PartialDate) -> str | None:
    """`partner_as_of(partner, as_of).tier` (None where that is None), without
    building the dated Partner: `series` asks it for every partner and year."""
    if partner.since is None or in_force(partner.since, as_of):
        return partner.tier
    tiered = [entry.tier for entry in partner.history if entry.tier is not None and in_force(entry.start, as_of)]
    return tiered[-1] if tiered else None


def partner_or_untied(partner: Partner, as_of: PartialDate) -> Partner:
    """The partner as it stood on `as_of`; one that held no tier yet, as a
    record without one (no tier, designation, dates or occasion), for `compare`
    to show side by side rather than refuse."""
    then = partner_as_of(partner, as_of)
    if then is not None:
        return then
    return replaced(partner, tier=None, designation=None, designation_mn=None, asterisk=False, since=None,
                               since_approx=False, occasion=None, instrument=None, leaders=(), history=(),
                               evidence=())


def _started(entries: Iterable[HistoryEntry], as_of: PartialDate) -> tuple[HistoryEntry, ...]:
    return tuple(entry for entry in entries if in_force(entry.start, as_of))


def dataset_as_of(dataset: Dataset, as_of: PartialDate) -> Dataset:
    """The dataset as it stood on `as_of`: partners at their tier then, and the
    events that had happened by then. Every other answer follows from this.

    An event keeps every partner it names, also one that held no tier yet and
    so is not among the partners; the lookups by partner skip such ids.
    """
    partners = tuple(p for p in (partner_as_of(p, as_of) for p in dataset.all_partners) if p is not None)
    events = tuple(event for event in dataset.all_events if in_force(event.date, as_of))
    return replaced(dataset, all_partners=partners, all_events=events)


def same_partners_as_of(partners: Sequence[Partner], as_of: PartialDate) -> list[Partner]:
    """These partners as they stood on `as_of`.

    A partner that held no tier yet raises NotYetError, rather than the
    puzzling "no partner matches" a search of the dated dataset would give.
    """
    from ..errors import NotYetError
    from ..core.safe import clean  # names in a message: one line, inert

    then = {partner.id: partner_as_of(partner, as_of) for partner in partners}
    missing = [clean(partner.name) for partner in partners if then[partner.id] is None]
    if missing:
        raise NotYetError(f"{', '.join(missing)} held no tier yet as of {as_of}; "
                          f"see `thirdneighbor history` for when each began")
    return [then[partner.id] for partner in partners]  # type: ignore[misc]
