"""Turn a parsed TOML document into a Dataset, collecting every problem on the way.

Validation never stops at the first problem: a user editing the dataset sees the
whole list at once, each located by record ("partners[3] (south-korea)") and field.
Keys and types are checked by thirdneighbor.data.validate_fields, from the record
classes; this module builds the records and checks each one's fields together:
ids, codes, references, dates; thirdneighbor.data.validate_records the checks that
look across records (shared names and codes, dates after `as_of`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .model import Country, Dataset, Event, HistoryEntry, Partner, Person, Policy, Tier
from .names import partner_keys, person_keys
from .source_ids import ADDRESSED_LISTS, as_schema_4, code_lists_by_id
from .validate_fields import Label, Problem, _Collector, _fixed, _fixed_after, _label, check_id, unknown_tier
from .validate_records import AsOf, Codes, Names, check_kind, twice
from .validate_roles import build_roles, role_line
from .validate_snapshots import build_snapshots
from .validate_sources import Citations, build_claims, build_sources, check_entry_claim

__all__ = ["SCHEMA_VERSION", "SCHEMA_VERSIONS", "Checked", "Problem", "build_dataset"]

# 4 makes sources records, cited by id; 2 names tiers "tiers" and "tier"; 1 said
# "levels" and "level", which are still read.
SCHEMA_VERSION = 4
SCHEMA_VERSIONS = (1, 2, 3, 4)


_ISO2 = re.compile(r"[A-Z]{2}")
_ISO3 = re.compile(r"[A-Z]{3}")
# Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, with an optional pre-release and build.
_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?")
_ISO_NUMERIC = re.compile(r"[0-9]{3}")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")
_TIED = ("designation", "since", "occasion")  # what a partner with a tier must give, and only it


@dataclass(frozen=True, slots=True)
class Checked:
    """What validation found: the dataset (None if any problem), the problems,
    and notices that do not stop it (old key names)."""

    dataset: Dataset | None
    problems: list[Problem]
    notices: list[str]


def old_keys_notice(old_keys: set[str]) -> list[str]:
    if not old_keys:
        return []
    new = {"level": "tier", "levels": "tiers"}
    names = ", ".join(f"{key!r} (now {new.get(key, key)!r})" for key in sorted(old_keys))
    return [f"uses the old key names {names}; they still work, but rename them"]


def build_dataset(document: dict[str, Any]) -> Checked:
    """Validate a parsed document."""
    check = _Collector()
    if document.get("schema_version") in (1, 2, 3):
        if "sources" in document:
            check.add(_fixed(""), "[[sources]] records need schema_version 4; a file of an older schema cites "
                                  "its sources as text")
        # Its source strings become records here, so that one form is validated and loaded.
        document = as_schema_4(document)
        addressed_lists = False
    else:  # data 3.0.0 gave the lists of state codes by address; they are source records since
        document, addressed_lists = code_lists_by_id(document)
    # What did convert at the top is still checked further, so that a bad
    # `tiers` array does not hide the problems in `partners`.
    top = check.convertible_fields(document, _fixed(""), Dataset)
    if "version" in top and not _SEMVER.fullmatch(top["version"]):
        check.add(_fixed(""), f"field 'version' must be a semantic version such as '2.0.0', not {top['version']!r}")
    if "schema_version" in top and top["schema_version"] not in SCHEMA_VERSIONS:
        check.add(_fixed(""), f"schema_version {top['schema_version']} is not supported "
                              f"(expected one of {', '.join(map(str, SCHEMA_VERSIONS))})")

    mongolia = None
    citations = Citations()
    if top.get("mongolia") is not None:
        fields = check.fields(top["mongolia"], _fixed("mongolia"), Country)
        if fields is not None:
            _check_country_codes(check, _fixed("mongolia"), fields, fields, citations)
            if not _ISO_NUMERIC.fullmatch(fields["iso_numeric"]):
                check.add(_fixed("mongolia"), f"field 'iso_numeric' must be three digits, not {fields['iso_numeric']!r}")
            mongolia = Country(**fields)

    policy = None
    if "policy" in top:
        before = len(check.problems)
        fields = check.convertible_fields(top["policy"], _fixed("policy"), Policy)
        citations.add(_fixed("policy"), "sources", fields.get("sources", ()))
        policy = Policy(**fields) if len(check.problems) == before else None

    # Cross-references are checked against every id the file declares, valid record
    # or not, so that one broken partner does not also make its events "unknown".
    # Where a whole array is missing or of the wrong type, references into it go
    # unchecked (None) rather than each being reported as unknown.
    tiers = _build_tiers(check, top.get("tiers", []))
    sources = build_sources(check, top.get("all_sources", []))
    tier_ids = _declared_ids(top["tiers"]) if "tiers" in top else None
    # Without a [[people]] array, `leaders` are names as typed (a file made before
    # people were records); with one, they are ids into it, as `people` always are.
    # Dates later than the data's own as_of are refused; without a valid as_of that is reported instead.
    as_of = AsOf(top.get("as_of"))
    people = _build_people(check, top.get("all_people", []), citations, as_of)
    person_ids = _declared_ids(top["all_people"]) if "all_people" in top else set()
    leaders_are_ids = "all_people" in top
    identifiers_required = top.get("schema_version", SCHEMA_VERSION) >= 3
    rules = PartnerRules(person_ids, leaders_are_ids, identifiers_required, as_of)
    rules.citations, rules.kinds = citations, {source.id: source.kind for source in sources}
    rules.claims_required = top.get("schema_version", SCHEMA_VERSION) >= 4
    partners = _build_partners(check, top.get("all_partners", []), tier_ids, rules)
    partner_ids = _declared_ids(top["all_partners"]) if "all_partners" in top else None
    events = _build_events(check, top.get("all_events", []), partner_ids, person_ids, as_of, rules)
    snapshots = build_snapshots(check, top.get("snapshots", []), tier_ids, partner_ids, as_of, citations)
    citations.check(check, sources if "all_sources" in top else None)

    notices = old_keys_notice(check.old_keys)
    notices += [ADDRESSED_LISTS] if addressed_lists else []
    if check.problems or policy is None:
        return Checked(None, check.problems, notices)
    assert "as_of" in top and "schema_version" in top  # else a problem was reported
    dataset = Dataset(
        schema_version=top["schema_version"], title=top.get("title"), version=top.get("version"),
        license=top.get("license"), as_of=top["as_of"], mongolia=mongolia, policy=policy,
        tiers=tuple(sorted(tiers, key=lambda tier: tier.rank)),
        all_partners=tuple(partners),
        all_events=tuple(sorted(events, key=lambda event: event.date.key)),
        all_people=tuple(people),
        snapshots=tuple(snapshots),
        all_sources=tuple(sources),
    )
    return Checked(dataset, [], notices)


def _declared_ids(raw_records: list[Any]) -> set[str]:
    return {raw["id"] for raw in raw_records if type(raw) is dict and type(raw.get("id")) is str}


# Mongolian text is Cyrillic: a Latin letter in it is a look-alike slipped in
# ("Aвстрали" with a Latin A), which would break look-ups silently.
_LATIN = re.compile("[A-Za-z]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _check_cyrillic(check: _Collector, label: Label, fields: dict[str, Any], keys: tuple[str, ...]) -> None:
    for key in keys:
        values = fields.get(key) or ()
        for value in (values,) if isinstance(values, str) else values:
            if _LATIN.search(value) or not _CYRILLIC.search(value):
                check.add(label, f"field {key!r} must be Cyrillic, with no Latin letters, not {value!r}")


# Both lists number states from 2 (the United States) to 990 (Samoa); 1 to 999 leaves
# room for a state added later without letting a typo of four digits through.
_STATE_CODES = (("cow_code", "cow_source", "Correlates of War"), ("gw_code", "gw_source", "Gleditsch and Ward"))


def _check_country_codes(check: _Collector, label: Label, fields: dict[str, Any], given: Any,
                         citations: Citations) -> None:
    """ISO codes have their form; each state code is a number in range and names the list it comes from,
    a source record, by its id."""
    if "iso2" in fields and not _ISO2.fullmatch(fields["iso2"]):
        check.add(label, f"field 'iso2' must be two capital letters, not {fields['iso2']!r}")
    if "iso3" in fields and not _ISO3.fullmatch(fields["iso3"]):
        check.add(label, f"field 'iso3' must be three capital letters, not {fields['iso3']!r}")
    for code, source, list_name in _STATE_CODES:
        if code in fields and not 1 <= fields[code] <= 999:
            check.add(label, f"field {code!r} must be a {list_name} state number from 1 to 999, not {fields[code]}")
        if (code in given) != (source in given):
            present, absent = (code, source) if code in given else (source, code)
            check.add(label, f"gives {present!r} without {absent!r}; a code and the list it comes from go together")
        if source in fields:
            citations.add(label, source, (fields[source],))


def _check_twice(check: _Collector, label: Label, key: str, values: tuple[str, ...]) -> None:
    """A list of ids that names one twice: a leader shown twice in `show`, counted twice in `people`."""
    if len(values) < 2 or len(set(values)) == len(values):  # nearly always: no list to build
        return
    check.add(label, f"field {key!r} names {', '.join(map(repr, twice(values)))} twice; list each once")


def _build_tiers(check: _Collector, raw_tiers: list[Any]) -> list[Tier]:
    tiers: list[Tier] = []
    seen_ids: set[str] = set()
    seen_ranks: dict[int, str] = {}
    for index, raw in enumerate(raw_tiers):
        label = _label("tiers", index, raw, "id")
        fields = check.fields(raw, label, Tier)
        if fields is None:
            continue
        check_id(check, label, fields["id"], seen_ids, "tier", "'strategic'")
        _check_cyrillic(check, label, fields, ("name_mn",))
        if fields["rank"] < 1:
            # Tiers are ordered by rank, and 1 is the closest tie: a 0 or a negative number reads as closer still.
            check.add(label, f"rank {fields['rank']} must be 1 or more; number the tiers 1, 2, 3... from the "
                             "closest tie")
        if fields["rank"] in seen_ranks:
            check.add(label, f"rank {fields['rank']} is also the rank of tier {seen_ranks[fields['rank']]!r}; "
                             "give each tier a rank of its own, since commands list tiers in rank order")
        seen_ranks.setdefault(fields["rank"], fields["id"])
        tiers.append(Tier(**fields))
    return tiers


class PartnerRules:
    """What a partner record must satisfy beyond its own fields: the people it may
    refer to, and whether it must carry the linked identifiers (schema 3 on)."""

    def __init__(self, person_ids: set[str], leaders_are_ids: bool, identifiers_required: bool,
                 as_of: AsOf | None = None) -> None:
        self.person_ids, self.leaders_are_ids = person_ids, leaders_are_ids
        self.identifiers_required = identifiers_required
        self.as_of = as_of or AsOf(None)  # the dataset's, where it is valid
        # Every source id cited, checked at the end; each source's kind, which grades need; and
        # whether history entries are claims that must cite and grade their sources (schema 4).
        self.citations = Citations()
        self.kinds: dict[str, str | None] = {}
        self.claims_required = False


def _unknown_people(names: tuple[str, ...], person_ids: set[str]) -> str | None:
    if person_ids.issuperset(names):  # nearly always: one call of C (70,000 lists on 10,000 partners)
        return None
    unknown = [name for name in names if name not in person_ids]
    return f"names unknown {'people' if len(unknown) > 1 else 'person'} {', '.join(map(repr, unknown))}"


def _build_people(check: _Collector, raw_people: list[Any], citations: Citations, as_of: AsOf) -> list[Person]:
    people: list[Person] = []
    seen_ids: set[str] = set()
    names = Names("person")
    for index, raw in enumerate(raw_people):
        label = _label("people", index, raw, "id")
        fields = check.fields(raw, label, Person)
        if fields is None:
            continue
        fields["roles"] = build_roles(check, label, fields.pop("roles", []), as_of, citations)
        if fields["roles"]:
            # A file the tool wrote gives both, the same; by hand, the dated roles are enough.
            if fields.setdefault("role", role_line(fields["roles"])) != role_line(fields["roles"]):
                check.add(label, "gives a 'role' that its dated 'roles' do not make; leave 'role' out, and it "
                                 f"is made from them: {role_line(fields['roles'])!r}")
                continue
        check_id(check, label, fields["id"], seen_ids, "person", "'ukhnaagiin-khurelsukh'")
        _check_cyrillic(check, label, fields, ("name_mn",))
        if not fields["sources"]:
            check.add(label, "field 'sources' must name at least one source")
        citations.add(label, "sources", fields["sources"])
        person = Person(**fields)
        names.add(check, label, person.id, [person.name, *person_keys(person)])
        people.append(person)
    return people


def _build_partners(check: _Collector, raw_partners: list[Any], tier_ids: set[str] | None,
                    references: PartnerRules) -> list[Partner]:
    partners: list[Partner] = []
    seen_ids: set[str] = set()
    names, codes = Names("partner"), Codes()
    for index, raw in enumerate(raw_partners):
        label = _label("partners", index, raw, "id")
        before = len(check.problems)
        # Every check runs on what did convert, so that one bad value does not hide
        # the record's other problems until the next run.
        fields = check.convertible_fields(raw, label, Partner)
        if type(raw) is not dict:
            continue
        given_keys = {"tier" if key == "level" else key for key in raw}  # present, whether it converted or not
        raw_history = fields.pop("history", None)
        history = (tuple(_build_history(check, label, raw_history, tier_ids, references))
                   if raw_history else ())
        raw_evidence = fields.pop("evidence", None)
        # A tied field a partner with a tier lacks is reported once, below, not again by its claim.
        given = {**fields, **({key: "" for key in _TIED} if "tier" in given_keys else {})}
        evidence = (build_claims(check, label, raw_evidence, given, references.kinds, references.citations)
                    if raw_evidence else ())
        partner_id = fields.get("id")
        if partner_id is not None:
            check_id(check, label, partner_id, seen_ids, "partner", "'south-korea'")
        _check_cyrillic(check, label, fields, ("name_mn", "official_name_mn", "aliases_mn", "designation_mn"))
        _check_country_codes(check, label, fields, given_keys, references.citations)
        organisation = check_kind(check, label, fields, given_keys)
        for key, pattern, form in (("iso_numeric", _ISO_NUMERIC, "three digits"),
                                   ("wikidata", _WIKIDATA, "a Wikidata id such as 'Q17'")):
            if key not in given_keys:
                if references.identifiers_required and not organisation:
                    check.add(label, f"missing required field {key!r}")
            elif key in fields and not pattern.fullmatch(fields[key]):
                check.add(label, f"field {key!r} must be {form}, not {fields[key]!r}")
        if "tier" in given_keys:
            missing = [key for key in _TIED if key not in given_keys]
            if missing:
                check.add(label, f"has a tier but no {', '.join(map(repr, missing))}")
            if "tier" in fields and tier_ids is not None and fields["tier"] not in tier_ids:
                check.add(label, unknown_tier(fields["tier"], tier_ids))
        else:
            given = [key for key in (*_TIED, "history", "since_approx")
                     if key in given_keys and key not in ("history", "since_approx")
                     or (key == "history" and history) or (key == "since_approx" and fields.get(key))]
            if given:
                check.add(label, f"has {', '.join(map(repr, given))} but no 'tier'; a country without a "
                                 "partnership tier (an other relation) has only its names, codes, notes and sources")
        if "sources" in fields and not fields["sources"]:
            check.add(label, "field 'sources' must name at least one source")
        references.citations.add(label, "sources", fields.get("sources", ()))
        unknown = references.leaders_are_ids and _unknown_people(fields.get("leaders", ()), references.person_ids)
        if unknown:
            check.add(label, f"field 'leaders' {unknown}")
        _check_twice(check, label, "leaders", fields.get("leaders", ()))
        references.as_of.check(check, label, "'since'", fields.get("since"))
        late = [entry for entry in history if "since" in fields and entry.start.key > fields["since"].key]
        if late:
            check.add(label, f"an earlier tier ({late[0].designation}, {late[0].when}) is dated after "
                             f"'since' ({fields['since']})")
        if len(check.problems) != before:
            continue
        partner = Partner(**fields, history=history, evidence=evidence)
        # One partner may list the same name twice ("USA" as alias and ISO3); only clashes count.
        # The display name first: a clash is reported once, by the first name that clashes.
        names.add(check, label, partner.id, [partner.name, *partner_keys(partner, with_codes=False)],
                  [code for code in (partner.iso2, partner.iso3) if code])
        codes.add(check, label, partner.id, {key: getattr(partner, key) for key in Codes.KEYS})
        partners.append(partner)
    return partners


def _build_history(check: _Collector, owner: Label, raw_entries: list[Any],
                   tier_ids: set[str] | None, references: PartnerRules) -> list[HistoryEntry]:
    entries: list[HistoryEntry] = []
    for index, raw in enumerate(raw_entries):
        label = _fixed_after(owner, f" history[{index}]")
        fields = check.fields(raw, label, HistoryEntry)
        if fields is None:
            continue
        if "since" not in fields and "in_force_by" not in fields:
            check.add(label, "needs 'since' or 'in_force_by'")
            continue
        if "since" in fields and "in_force_by" in fields:
            # Commands would take `since` and ignore the other: say which one the file means.
            check.add(label, "gives both 'since' and 'in_force_by'; keep 'since' where the start is known, else "
                             "'in_force_by' (the earliest date a source shows the tie in force)")
            continue
        before = len(check.problems)
        for key in ("since", "in_force_by"):
            references.as_of.check(check, label, repr(key), fields.get(key))
        _check_twice(check, label, "people", fields.get("people", ()))
        if references.claims_required:
            check_entry_claim(check, label, fields, references.kinds, "note" in fields, references.citations,
                              sources_required=False)
        if len(check.problems) != before:
            continue
        if fields.get("tier") is not None and tier_ids is not None and fields["tier"] not in tier_ids:
            check.add(label, unknown_tier(fields["tier"], tier_ids))
            continue
        unknown = _unknown_people(fields.get("people", ()), references.person_ids)
        if unknown:
            check.add(label, unknown)
            continue
        entries.append(HistoryEntry(**fields))
    return sorted(entries, key=lambda entry: entry.start.key)


def _build_events(check: _Collector, raw_events: list[Any], partner_ids: set[str] | None,
                  person_ids: set[str], as_of: AsOf, references: PartnerRules) -> list[Event]:
    events: list[Event] = []
    for index, raw in enumerate(raw_events):
        label = _label("events", index, raw, "title")
        before = len(check.problems)
        fields = check.convertible_fields(raw, label, Event)  # every check on what converted, as for partners
        if type(raw) is not dict:
            continue
        partners = fields.get("partners")
        if len(partners or ()) > 1 and len(set(partners)) != len(partners):  # most name one: no set to make
            twice = sorted({pid for pid in partners if partners.count(pid) > 1})
            check.add(label, f"names {', '.join(map(repr, twice))} twice")
        elif partners and partner_ids is not None and not partner_ids.issuperset(partners):
            unknown = [pid for pid in partners if pid not in partner_ids]
            check.add(label, f"names unknown partner{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}")
        if "sources" in fields:
            check_entry_claim(check, label, fields, references.kinds, bool(fields.get("notes")),
                              references.citations, sources_required=True)
        unknown_people = _unknown_people(fields.get("people", ()), person_ids)
        if unknown_people:
            check.add(label, unknown_people)
        _check_twice(check, label, "people", fields.get("people", ()))
        as_of.check(check, label, "'date'", fields.get("date"))
        if len(check.problems) == before:
            events.append(Event(**fields))
    return events
