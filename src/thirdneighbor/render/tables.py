"""The tables of a tabular export (`export --format datapackage` and `csv`): each
table's columns, with a type and a description, and its keys.

The one place a column is declared: the data package's descriptor
(thirdneighbor.render.datapackage) and the SQLite export's shared tables
(thirdneighbor.render.sqlite_tables) are made from it, and the rows
(thirdneighbor.render.table_rows) follow its column order. A column that holds a
dataset field is described in the codebook's words (thirdneighbor.data.field_notes,
docs/codebook.md); a column derived here (the spells, the partner-years) by its
own description. Types are the
Frictionless Table Schema's: string, integer, boolean. A partial date is a
string as precise as the sources ("2019", "2019-07", "2019-07-31"), which sorts
in date order as text, with a `_precision` column beside it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

# A partial date, and an id as the dataset writes ids (a lower-case slug).
DATE_PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
PRECISIONS = ("year", "month", "day")


class Column(NamedTuple):
    name: str
    type: str  # a Table Schema type: string, integer or boolean
    description: str
    required: bool = False
    constraints: dict[str, Any] = {}  # a Table Schema pattern or enum; never mutated


class ForeignKey(NamedTuple):
    columns: tuple[str, ...]
    table: str
    referenced: tuple[str, ...]


class Table(NamedTuple):
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def text(name: str, description: str, required: bool = False, **constraints: Any) -> Column:
    return Column(name, "string", description, required, constraints)


def number(name: str, description: str, required: bool = False, **constraints: Any) -> Column:
    return Column(name, "integer", description, required, constraints)


def flag(name: str, description: str) -> Column:
    return Column(name, "boolean", description, True)


def date(name: str, description: str, required: bool = False) -> Column:
    return Column(name, "string", description + " A partial date: YYYY, YYYY-MM or YYYY-MM-DD, as precise as "
                                                "the sources.", required, {"pattern": DATE_PATTERN})


def noted(record: str, key: str, kind: str = "string", required: bool = False, name: str | None = None,
          **constraints: Any) -> Column:
    """A column that holds a dataset field, described as the codebook describes it."""
    from ..data.field_notes import describe

    description = describe(record, key)
    if kind == "date":
        return date(name or key, description, required)
    return Column(name or key, kind, description, required, constraints)


def precision(name: str, of: str, required: bool = False) -> Column:
    return Column(name, "string", f"How precise `{of}` is: year, month or day.", required,
                  {"enum": list(PRECISIONS)})


def position(description: str = "The item's place in its list, 0 first.") -> Column:
    return number("position", description, True, minimum=0)


def key_to(column: str, table: str, referenced: str = "id") -> ForeignKey:
    return ForeignKey((column,), table, (referenced,))


PARTNER_ID = text("partner_id", "The partner's id (partners.id).", True)
EVENT_ID = number("event_id", "The event's id (events.id).", True)
PERSON_ID = text("person_id", "The person's id (people.id).", True)
SOURCE_ID = text("source_id", "The source's id (sources.id).", True)
SPELL = number("spell", "The tie's number within the partner (tier_spells.spell).", True, minimum=1)
SPELL_KEY = ForeignKey(("partner_id", "spell"), "tier_spells", ("partner_id", "spell"))
GRADES = ["high", "medium", "low"]


def _listed(name: str, owner: str, item: Column, description: str) -> Table:
    """A list of a record's: one row per item, in the list's order."""
    owner_column = {"partners": PARTNER_ID, "events": EVENT_ID, "people": PERSON_ID}[owner]
    return Table(name, description, (owner_column, position(), item), (owner_column.name, "position"),
                 (key_to(owner_column.name, owner),))


def _cited(name: str, owner: str | None, owner_columns: tuple[Column, ...], what: str,
           owner_key: ForeignKey | None = None) -> Table:
    """The sources a record cites, in the order it cites them."""
    columns = (*owner_columns, position(), SOURCE_ID)
    keys = ((owner_key or key_to(owner_columns[0].name, owner),) if owner else ()) + (key_to("source_id", "sources"),)
    return Table(name, f"The sources {what} cites, in its order.", columns,
                 tuple(column.name for column in columns[:-1]), keys)


def _country_codes(record: str) -> tuple[Column, ...]:
    # A partner that is an organisation has no country codes; Mongolia always has them.
    return (noted(record, "iso2", required=record == "Country"), noted(record, "iso3", required=record == "Country"),
            noted(record, "iso_numeric", required=record == "Country", pattern="[0-9]{3}"),
            *((noted(record, "wikidata", pattern="Q[0-9]+"),) if record == "Partner" else ()),
            noted(record, "cow_code", "integer"), noted(record, "cow_source"),
            noted(record, "gw_code", "integer"), noted(record, "gw_source"))


# The lists the state codes were read from are source records.
_CODE_LISTS = (key_to("cow_source", "sources"), key_to("gw_source", "sources"))


def _claim(record: str) -> tuple[Column, ...]:
    return (noted(record, "confidence", enum=GRADES), noted(record, "quote"), noted(record, "quote_language"))


MONGOLIA = Table("mongolia", "Mongolia itself, one side of every tie: its codes, for keying dyadic data on both "
                             "sides. Not a partner. One row, or none where the dataset does not give them.",
                 (noted("Country", "name", required=True), *_country_codes("Country")), ("iso3",), _CODE_LISTS)

POLICY = Table("policy", "The Third Neighbor Policy itself, as the dataset describes it. One row.", (
    noted("Policy", "name", required=True), noted("Policy", "summary", required=True),
    noted("Policy", "table_source", required=True), noted("Policy", "asterisk_note"),
), ("name",))

TIERS = Table("tiers", "The tiers of partnership, rank 1 the closest tie.", (
    noted("Tier", "id", required=True), noted("Tier", "name", required=True), noted("Tier", "name_mn"),
    noted("Tier", "rank", "integer", True, minimum=1), noted("Tier", "description", required=True),
), ("id",))

PEOPLE = Table("people", "The leaders and officials the records name.", (
    noted("Person", "id", required=True), noted("Person", "name", required=True), noted("Person", "name_mn"),
    noted("Person", "role"),
), ("id",))

SOURCES = Table("sources", "Every source record of the dataset, whichever partners are exported (as every "
                           "person is).", (
    noted("Source", "id", required=True), noted("Source", "url"), noted("Source", "title"),
    noted("Source", "publisher"), noted("Source", "date", "date"),
    noted("Source", "language"),
    noted("Source", "kind", enum=["official", "instrument", "press", "reprint", "secondary"]),
    noted("Source", "archive_url"), noted("Source", "offline"),
), ("id",))

PARTNERS = Table("partners", "The partners, as they stand at the data's as-of date: the third neighbors, "
                             "Russia and China (for comparison), other relations without a tier, and the "
                             "organisations (the multilateral third neighbors).", (
    noted("Partner", "id", required=True), noted("Partner", "kind", required=True, enum=["country", "organisation"]),
    noted("Partner", "name", required=True),
    noted("Partner", "official_name"), noted("Partner", "name_mn"), noted("Partner", "official_name_mn"),
    *_country_codes("Partner"),
    Column("neighbor", "boolean", noted("Partner", "neighbor").description, True),
    noted("Partner", "tier"), noted("Partner", "designation"), noted("Partner", "designation_mn"),
    Column("asterisk", "boolean", noted("Partner", "asterisk").description, True),
    noted("Partner", "since", "date"),
    Column("since_approx", "boolean", noted("Partner", "since_approx").description, True),
    date("tier_since", "When the partner reached its current tier: the start of the unbroken run of its ties "
                       "at that tier, so a rename within the tier does not move it (derived from the history). "
                       "Missing: an other relation."),
    flag("tier_since_approx", "True where `tier_since` is only the date by which a source shows the tie in force."),
    noted("Partner", "occasion"), noted("Partner", "instrument"),
), ("id",), (key_to("tier", "tiers"), *_CODE_LISTS))

PARTNER_CLAIMS = Table("partner_claims", "The evidence of a partner's values: one claim per graded field, with "
                                         "the first source's words and the grade (its sources: "
                                         "partner_claim_sources).", (
    PARTNER_ID, noted("Claim", "field", required=True, enum=["tier", "since", "designation", "occasion", "instrument"]),
    noted("Claim", "confidence", required=True, enum=GRADES), noted("Claim", "quote"),
    noted("Claim", "quote_language"), noted("Claim", "note"),
), ("partner_id", "field"), (key_to("partner_id", "partners"),))

TIER_SPELLS = Table("tier_spells", "Each partner's ties, one row per tie from its start to the start of the next: "
                                   "the earlier ones and the current designation, which is the last.", (
    PARTNER_ID,
    number("spell", "The tie's number within the partner, 1 for the first, in date order.", True, minimum=1),
    text("tier", "The tie's tier id. Missing: a tie at none of the tiers."),
    text("designation", "The relationship's exact name.", True),
    date("start", "When the tie began.", True),
    precision("start_precision", "start", True),
    flag("start_approx", "True where `start` is only the date by which a source shows the tie in force; it "
                         "began earlier, on a date the sources do not confirm."),
    date("end", "When the tie ended: the start of the next. Missing: the tie lasts."),
    precision("end_precision", "end"),
    flag("end_approx", "True where `end` is only an in-force-by date of the next tie."),
    text("end_type", "How the tie ended: upgrade (to a closer tier; a first tier after a tie at none counts "
                     "as one), downgrade (to a further tier), rename (a new designation at the same tier, "
                     "or at none), or ongoing (the current designation).", True,
         enum=["upgrade", "downgrade", "rename", "ongoing"]),
    text("occasion", "The visit or meeting at which the tie was agreed. Missing: not found."),
    text("instrument", "The document that set up the tie. Missing: not found, or an earlier tie (the history "
                       "records none)."),
    text("note", "A caveat on an earlier tie, in full sentences; the current tie's are in partner_notes."),
    *(Column(column.name, column.type, column.description + " The current tie's evidence is in partner_claims.",
             False, column.constraints) for column in _claim("HistoryEntry")),
), ("partner_id", "spell"), (key_to("partner_id", "partners"), key_to("tier", "tiers")))

SPELL_PEOPLE = Table("spell_people", "The people each tie's occasion names (for the current tie: the partner's "
                                     "leaders).", (
    PARTNER_ID, SPELL, position(),
    text("person", "The person as the record names them: an id, or a name in a dataset without people.", True),
    text("person_id", "The person's id (people.id). Missing: the record gives a name."),
), ("partner_id", "spell", "position"), (SPELL_KEY, key_to("person_id", "people")))

PARTNER_YEARS = Table("partner_years", "One row per partner and calendar year, from the first year any exported "
                                       "partner held a tier to the year of the data's as-of date, to merge with "
                                       "country-year data by iso3, cow_code or gw_code. An "
                                       "organisation, which has no country, has no rows.", (
    PARTNER_ID,
    number("year", "The calendar year.", True),
    text("iso3", "The partner's ISO 3166-1 alpha-3 code.", True),
    number("cow_code", "The partner's Correlates of War state number."),
    number("gw_code", "The partner's Gleditsch and Ward state number."),
    text("tier", "The tier held at the year's end (for the as-of year: at the as-of date), as `series` gives "
                 "it. A tie at none of the tiers leaves the tier as it was. Missing: no tier held yet, or ever."),
    number("tier_rank", "That tier's rank, 1 the closest."),
    number("spell", "The tie in force at the year's end: with partner_id, the key of its row in tier_spells. "
                    "Missing: a year before the first tie."),
    text("designation", "That tie's designation."),
    flag("tier_changed", "True where the tier at the year's end differs from the tier at the end of the year "
                         "before (a first tier included)."),
    number("ties_begun", "How many ties began during the year, renames included.", True, minimum=0),
# No declared key from (partner_id, spell) to tier_spells: Frictionless checks a
# composite key whose spell is empty (a year before the first tie) as dangling.
), ("partner_id", "year"), (key_to("partner_id", "partners"), key_to("tier", "tiers")))

EVENTS = Table("events", "The dated milestones of the policy, oldest first.", (
    number("id", "The event's place in the dataset, 1 first: the same in every export of one dataset.", True),
    noted("Event", "date", "date", True),
    precision("date_precision", "date", True),
    noted("Event", "title", required=True),
    *_claim("Event"),
), ("id",))

EVENT_PARTNERS = Table("event_partners", "The partners each event names.", (EVENT_ID, PARTNER_ID),
                       ("event_id", "partner_id"), (key_to("event_id", "events"), key_to("partner_id", "partners")))

EVENT_PEOPLE = Table("event_people", "The people each event's title and notes name.", (EVENT_ID, PERSON_ID),
                     ("event_id", "person_id"), (key_to("event_id", "events"), key_to("person_id", "people")))

TABLES: tuple[Table, ...] = (
    MONGOLIA, POLICY,
    Table("policy_aims", "The policy's aims.", (position(), text("aim", "One of the policy's aims.", True)),
          ("position",)),
    Table("policy_notes", "Caveats on the policy.", (position(), text("note", "A caveat on the policy, as a "
                                                                              "full sentence.", True)),
          ("position",)),
    TIERS, PEOPLE,
    _listed("person_variants", "people", text("variant", "Another spelling of the name.", True),
            "Other spellings of each person's name."),
    Table("person_roles", "The offices each person held, with their dates, in the record's order.", (
        PERSON_ID, position(), noted("Role", "title", required=True), noted("Role", "from", "date", name="date_from"),
        noted("Role", "to", "date", name="date_to"), noted("Role", "note"),
    ), ("person_id", "position"), (key_to("person_id", "people"),)),
    _cited("person_role_sources", "person_roles", (PERSON_ID, number("role", "The role's position in "
                                                                              "person_roles.", True, minimum=0)),
           "each role's dates", ForeignKey(("person_id", "role"), "person_roles", ("person_id", "position"))),
    SOURCES,
    PARTNERS,
    _listed("aliases", "partners", text("alias", "Another name the partner is known by.", True),
            "Other names of each partner."),
    _listed("aliases_mn", "partners", text("alias", "A short form Mongolian writers use.", True),
            "The short forms of each partner's name in Mongolian."),
    _listed("partner_notes", "partners", text("note", "A caveat, as a full sentence.", True),
            "Caveats on each partner's record."),
    PARTNER_CLAIMS,
    _cited("partner_claim_sources", "partner_claims", (PARTNER_ID, noted("Claim", "field", required=True)),
           "each claim", ForeignKey(("partner_id", "field"), "partner_claims", ("partner_id", "field"))),
    TIER_SPELLS, SPELL_PEOPLE,
    _cited("spell_sources", "tier_spells", (PARTNER_ID, SPELL), "each earlier tie (one claim)", SPELL_KEY),
    PARTNER_YEARS,
    EVENTS, EVENT_PARTNERS, EVENT_PEOPLE,
    _listed("event_notes", "events", text("note", "A caveat, as a full sentence.", True), "Caveats on each event."),
    _cited("policy_sources", None, (), "the policy"),
    _cited("partner_sources", "partners", (PARTNER_ID,), "each partner's record"),
    _cited("event_sources", "events", (EVENT_ID,), "each event (one claim)"),
    _cited("person_sources", "people", (PERSON_ID,), "each person's record"),
)


def table(name: str) -> Table:
    """The table of this name; KeyError for none."""
    for declared in TABLES:
        if declared.name == name:
            return declared
    raise KeyError(name)


def check_table(name: str) -> Table:
    """The table a user named (`--table`), or a UsageError that lists them all."""
    from ..errors import UsageError, quoted

    try:
        return table(name)
    except KeyError:
        raise UsageError(f"no table {quoted(name)}; choose from {', '.join(t.name for t in TABLES)}") from None
