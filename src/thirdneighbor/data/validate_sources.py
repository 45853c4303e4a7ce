"""Validation of schema 4's evidence: the source records, and every claim and citation.

thirdneighbor.data.validate builds the records; this module checks what rests on
sources, so that a value never points at nothing:
- each `[[sources]]` record has a unique id, an http(s) `url` or else an
  `offline` reason with a full citation in `title`, and allowed values;
- every id a record cites exists, and every source is cited somewhere;
- each claim (a partner's `[[partners.evidence]]`, a history entry, an event)
  names sources, quotes with the quote's language, grades itself by the
  codebook's rules (a high claim cites an official text or the instrument; a
  medium one at least a news outlet's own reporting), and says why where low.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain
from operator import itemgetter
from typing import Any

from .model import Claim, Source
from .source_ids import is_address
from .validate_fields import Label, _Collector, _fixed_after, _label, check_id

CONFIDENCES = ("high", "medium", "low")
KINDS = ("official", "instrument", "press", "reprint", "secondary")
_KIND_OR_NONE = (None, *KINDS)
CLAIMED_FIELDS = ("tier", "since", "designation", "occasion", "instrument")
# The kinds of source each grade needs at least one of.
_GRADE_NEEDS = {"high": ("official", "instrument"), "medium": ("official", "instrument", "press")}
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def build_sources(check: _Collector, raw_sources: list[Any]) -> list[Source]:
    """The `[[sources]]` records, each checked on its own; ids unique, addresses http(s)."""
    sources: list[Source] = []
    seen: set[str] = set()
    pages: dict[str, str] = {}
    for index, raw in enumerate(raw_sources):
        label = _label("sources", index, raw, "id")
        fields = check.fields(raw, label, Source)
        if fields is None:
            continue
        source_id = fields["id"]
        duplicate = source_id in seen
        check_id(check, label, source_id, seen, "source", "'mfa-gov-mn-16273'")
        for key in ("url", "archive_url"):
            if key in fields and not is_address(fields[key]):
                check.add(label, f"field {key!r} must be an http or https address, not {fields[key]!r}")
        if "url" in fields:
            if "offline" in fields:
                check.add(label, "gives both 'url' and 'offline'; 'offline' says why a source has no address")
            if fields["url"] in pages and not duplicate:
                check.add(label, f"has the same 'url' as source {pages[fields['url']]!r}; cite that one")
            pages.setdefault(fields["url"], source_id)
        elif "offline" not in fields:
            check.add(label, "has no 'url' and no 'offline'; give its address, or say in 'offline' why there is none")
        elif "title" not in fields:
            check.add(label, "is offline but has no 'title'; give the full citation there")
        if fields.get("kind") not in _KIND_OR_NONE:
            check.add(label, f"field 'kind' must be one of {', '.join(KINDS)}, not {fields['kind']!r}")
        if "language" in fields and not _LANGUAGE.fullmatch(fields["language"]):
            check.add(label, f"field 'language' must be an ISO 639-1 code such as 'mn', not {fields['language']!r}")
        sources.append(Source(**fields))
    return sources


class Citations:
    """Every citation of a source id, gathered while the records are built, and
    checked at the end against the source records: unknown ids, unused sources."""

    def __init__(self) -> None:
        self.cited: list[tuple[Label, str, tuple[str, ...]]] = []

    def add(self, label: Label, key: str, ids: Iterable[str]) -> None:
        self.cited.append((label, key, tuple(ids)))

    def check(self, check: _Collector, sources: list[Source] | None) -> None:
        if sources is None:  # no valid [[sources]] array: reported already
            return
        known = {source.id for source in sources}
        # Compared whole first, in C: only where the ids cited and the ids known
        # differ is each citation or source looked at. 10,000 partners cite
        # sources 91,002 times: 0.07 s so, against 0.18 s citation by citation.
        used = set(chain.from_iterable(map(_CITED_IDS, self.cited)))
        if used == known:
            return
        for label, key, ids in self.cited:
            unknown = [source_id for source_id in ids if source_id not in known]
            if unknown:
                check.add(label, f"field {key!r} cites unknown source{'s' if len(unknown) > 1 else ''} "
                                 f"{', '.join(map(repr, unknown))} (no [[sources]] record has that id)")
        unused = [source.id for source in sources if source.id not in used]
        if unused:
            # One problem for them all: deleting a record can leave many behind.
            shown = ", ".join(map(repr, unused[:5])) + (f" and {len(unused) - 5} more" if len(unused) > 5 else "")
            check.add(lambda: "sources", f"{len(unused)} cited by no record: {shown}; cite each where it supports a "
                                         "value, or remove it")


_CITED_IDS = itemgetter(2)  # of a citation (label, key, ids)


def check_grade(check: _Collector, label: Label, fields: dict[str, Any], kinds: dict[str, str | None],
                has_note: bool) -> None:
    """A claim's own rules: a quote has its language, a grade is allowed and
    backed by its sources' kinds, and a low grade says why."""
    if ("quote" in fields) != ("quote_language" in fields):
        check.add(label, "gives one of 'quote' and 'quote_language' without the other; a quote needs its language")
    if "quote_language" in fields and not _LANGUAGE.fullmatch(fields["quote_language"]):
        check.add(label, f"field 'quote_language' must be an ISO 639-1 code such as 'mn', "
                         f"not {fields['quote_language']!r}")
    confidence = fields.get("confidence")
    if confidence is None:
        return
    if confidence not in CONFIDENCES:
        check.add(label, f"field 'confidence' must be high, medium or low, not {confidence!r}")
        return
    needs = _GRADE_NEEDS.get(confidence)
    cited = fields.get("sources", ())
    # Sources that are missing or unknown are reported as such; the grade is judged on known ones.
    # (map rather than generators: 80,000 claims of the 10,000-partner benchmark are graded.)
    if needs and cited and all(map(kinds.__contains__, cited)) \
            and set(map(kinds.__getitem__, cited)).isdisjoint(needs):
        check.add(label, f"is graded {confidence!r} but cites no source of kind {' or '.join(needs)}; "
                         "grade it by its best source, or cite one")
    if confidence == "low" and not has_note:
        check.add(label, "is graded 'low' without a note; say why the evidence is weak")


def build_claims(check: _Collector, owner: Label, raw_claims: list[Any], values: dict[str, Any],
                 kinds: dict[str, str | None], citations: Citations) -> tuple[Claim, ...]:
    """A partner's `[[partners.evidence]]`: one claim per field the partner gives."""
    claims: list[Claim] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_claims):
        label = _fixed_after(owner, f" evidence[{index}]")
        fields = check.fields(raw, label, Claim)
        if fields is None:
            continue
        field = fields["field"]
        if field not in CLAIMED_FIELDS:
            check.add(label, f"field 'field' must be one of {', '.join(CLAIMED_FIELDS)}, not {field!r}")
        elif values.get(field) is None:
            check.add(label, f"is evidence for {field!r}, which the partner does not give")
        if field in seen:
            check.add(label, f"is a second claim for {field!r}; put all its sources in one")
        seen.add(field)
        if not fields["sources"]:
            check.add(label, "field 'sources' must name at least one source")
        citations.add(label, "sources", fields["sources"])
        check_grade(check, label, fields, kinds, "note" in fields)
        claims.append(Claim(**fields))
    return tuple(claims)


def check_entry_claim(check: _Collector, label: Label, fields: dict[str, Any], kinds: dict[str, str | None],
                      has_note: bool, citations: Citations, sources_required: bool) -> None:
    """A history entry or an event, each one claim of its own."""
    sources = fields.get("sources", ())
    if not sources and sources_required:
        check.add(label, "field 'sources' must name at least one source")
    if not sources and ("confidence" in fields or "quote" in fields):
        check.add(label, "gives a confidence or a quote but no 'sources'; a claim rests on its sources")
    if sources and "confidence" not in fields and not sources_required:
        check.add(label, "cites sources without a 'confidence'; grade the entry high, medium or low")
    if not sources and not has_note and not sources_required:
        check.add(label, "has no sources and no note; cite its sources, or say in a note that none was found")
    citations.add(label, "sources", sources)
    check_grade(check, label, fields, kinds, has_note)
