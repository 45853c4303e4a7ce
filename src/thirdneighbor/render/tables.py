"""The tables of a tabular export (`export --format datapackage` and `csv`): each
table's columns, with a type and a description, and its keys.

This is the codebook of the exported tables, the one place a column is declared:
the data package's descriptor (thirdneighbor.render.datapackage) is made from it, and
the rows (thirdneighbor.render.table_rows) follow its column order. Types are the
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
SOURCE_ID = number("source_id", "The source's id (sources.id).", True)


def _listed(name: str, owner: str, item: Column, description: str) -> Table:
    """A list of a record's: one row per item, in the list's order."""
    owner_column = {"partners": PARTNER_ID, "events": EVENT_ID, "people": PERSON_ID}[owner]
    return Table(name, description, (owner_column, position(), item), (owner_column.name, "position"),
                 (key_to(owner_column.name, owner),))


def _cited(name: str, owner: str, owner_column: Column | None, what: str) -> Table:
    """The sources a record cites, in the order it cites them."""
    columns = (*([owner_column] if owner_column else []), position(), SOURCE_ID)
    keys = ((key_to(owner_column.name, owner),) if owner_column else ()) + (key_to("source_id", "sources"),)
    return Table(name, f"The sources {what} cites, in its order.", columns,
                 tuple(column.name for column in columns[:-1]), keys)


_CODE_SOURCE = "The list the code was read from."

MONGOLIA = Table("mongolia", "Mongolia itself, one side of every tie: its codes, for keying dyadic data on both "
                             "sides. Not a partner. One row, or none where the dataset does not give them.", (
    text("name", "Mongolia's name.", True),
    text("iso2", "ISO 3166-1 alpha-2 code.", True),
    text("iso3", "ISO 3166-1 alpha-3 code.", True),
    text("iso_numeric", "ISO 3166-1 numeric code, three digits.", True, pattern="[0-9]{3}"),
    number("cow_code", "Correlates of War state number."),
    text("cow_source", _CODE_SOURCE),
    number("gw_code", "Gleditsch and Ward state number."),
    text("gw_source", _CODE_SOURCE),
), ("iso3",))

POLICY = Table("policy", "The Third Neighbor Policy itself, as the dataset describes it. One row.", (
    text("name", "The policy's name.", True),
    text("summary", "What the policy is.", True),
    text("table_source", "The source line of the article's table of partners.", True),
    text("asterisk_note", "What the asterisk on a designation means, as far as the sources say."),
), ("name",))

TIERS = Table("tiers", "The tiers of partnership, rank 1 the closest tie.", (
    text("id", "The tier's id.", True),
    text("name", "The tier's name.", True),
    text("name_mn", "Its name in Mongolian."),
    number("rank", "1 for the closest tie; each tier has a rank of its own.", True, minimum=1),
    text("description", "What the tier means.", True),
), ("id",))

PEOPLE = Table("people", "The leaders and officials the records name.", (
    text("id", "The person's id.", True),
    text("name", "The name as the dataset writes it.", True),
    text("name_mn", "The name in Mongolian Cyrillic, where a source gives it."),
    text("role", "The office held, with its dates where the sources give them."),
), ("id",))

PARTNERS = Table("partners", "The partner countries, as they stand at the data's as-of date: the third "
                             "neighbors, Russia and China (for comparison), and other relations without a tier.", (
    text("id", "The partner's id: a stable slug.", True),
    text("name", "Display name.", True),
    text("official_name", "Official name."),
    text("name_mn", "Name in Mongolian Cyrillic."),
    text("official_name_mn", "Official name in Mongolian Cyrillic."),
    text("iso2", "ISO 3166-1 alpha-2 code.", True),
    text("iso3", "ISO 3166-1 alpha-3 code.", True),
    text("iso_numeric", "ISO 3166-1 numeric code, three digits.", pattern="[0-9]{3}"),
    text("wikidata", "The country's Wikidata item.", pattern="Q[0-9]+"),
    number("cow_code", "Correlates of War state number (empty where the list has none)."),
    text("cow_source", _CODE_SOURCE),
    number("gw_code", "Gleditsch and Ward state number (empty where the list has none)."),
    text("gw_source", _CODE_SOURCE),
    flag("neighbor", "True for Russia and China, Mongolia's two neighbors."),
    text("tier", "The current tier's id; empty for an other relation."),
    text("designation", "The current relationship's exact name, without the asterisk."),
    text("designation_mn", "The designation in Mongolian Cyrillic."),
    flag("asterisk", "Whether the article's table marks the designation with an asterisk."),
    date("since", "When the current designation began."),
    flag("since_approx", "True where `since` is only the date by which a source shows the tie in force."),
    date("tier_since", "When the partner reached its current tier: the start of the unbroken run of its ties "
                       "at that tier, so a rename within the tier does not move it."),
    flag("tier_since_approx", "True where `tier_since` is only an in-force-by date."),
    text("occasion", "The occasion of the current designation."),
    text("instrument", "The document that made it."),
), ("id",), (key_to("tier", "tiers"),))

SPELL_KEY = ForeignKey(("partner_id", "spell"), "tier_spells", ("partner_id", "spell"))

TIER_SPELLS = Table("tier_spells", "Each partner's ties, one row per tie from its start to the start of the next: "
                                   "the earlier ones and the current designation, which is the last.", (
    PARTNER_ID,
    number("spell", "The tie's number within the partner, 1 for the first, in date order.", True, minimum=1),
    text("tier", "The tie's tier id; empty for a tie at none of the tiers."),
    text("designation", "The relationship's exact name.", True),
    date("start", "When the tie began.", True),
    precision("start_precision", "start", True),
    flag("start_approx", "True where `start` is only the date by which a source shows the tie in force; it "
                         "began earlier, on a date the sources do not confirm."),
    date("end", "When the tie ended: the start of the next; empty while it lasts."),
    precision("end_precision", "end"),
    flag("end_approx", "True where `end` is only an in-force-by date of the next tie."),
    text("end_type", "How the tie ended: upgrade (to a closer tier; a first tier after a tie at none counts "
                     "as one), downgrade (to a further tier), rename (a new designation at the same tier, "
                     "or at none), or ongoing (the current designation).", True,
         enum=["upgrade", "downgrade", "rename", "ongoing"]),
    text("occasion", "The occasion on which the tie began."),
    text("instrument", "The document that made it (recorded for the current tie only)."),
    text("note", "A caveat on an earlier tie; the current tie's are in partner_notes."),
), ("partner_id", "spell"), (key_to("partner_id", "partners"), key_to("tier", "tiers")))

SPELL_PEOPLE = Table("spell_people", "The people each tie's occasion names (for the current tie: the partner's "
                                     "leaders).", (
    PARTNER_ID,
    number("spell", "The tie's number (tier_spells.spell).", True),
    position(),
    text("person", "The person as the record names them: an id, or a name in a dataset without people.", True),
    text("person_id", "The person's id (people.id); empty where the record gives a name."),
), ("partner_id", "spell", "position"), (SPELL_KEY, key_to("person_id", "people")))

PARTNER_YEARS = Table("partner_years", "One row per partner and calendar year, from the first year any exported "
                                       "partner held a tier to the year of the data's as-of date, to merge with "
                                       "country-year data by iso3, cow_code or gw_code.", (
    PARTNER_ID,
    number("year", "The calendar year.", True),
    text("iso3", "The partner's ISO 3166-1 alpha-3 code.", True),
    number("cow_code", "The partner's Correlates of War state number."),
    number("gw_code", "The partner's Gleditsch and Ward state number."),
    text("tier", "The tier held at the year's end (for the as-of year: at the as-of date), as `series` gives "
                 "it; empty where the partner held none. A tie at none of the tiers leaves the tier as it was."),
    number("tier_rank", "That tier's rank, 1 the closest."),
    number("spell", "The tie in force at the year's end: with partner_id, the key of its row in tier_spells; "
                    "empty before the first."),
    text("designation", "That tie's designation."),
    flag("tier_changed", "True where the tier at the year's end differs from the tier at the end of the year "
                         "before (a first tier included)."),
    number("ties_begun", "How many ties began during the year, renames included.", True, minimum=0),
# No declared key from (partner_id, spell) to tier_spells: Frictionless checks a
# composite key whose spell is empty (a year before the first tie) as dangling.
), ("partner_id", "year"), (key_to("partner_id", "partners"), key_to("tier", "tiers")))

EVENTS = Table("events", "The dated milestones of the policy, oldest first.", (
    number("id", "The event's place in the dataset, 1 first: the same in every export of one dataset.", True),
    date("date", "When it happened.", True),
    precision("date_precision", "date", True),
    text("title", "What happened.", True),
), ("id",))

EVENT_PARTNERS = Table("event_partners", "The partners each event names.", (EVENT_ID, PARTNER_ID),
                       ("event_id", "partner_id"), (key_to("event_id", "events"), key_to("partner_id", "partners")))

EVENT_PEOPLE = Table("event_people", "The people each event's title and notes name.", (EVENT_ID, PERSON_ID),
                     ("event_id", "person_id"), (key_to("event_id", "events"), key_to("person_id", "people")))

SOURCES = Table("sources", "Every source the exported records cite, each once.", (
    number("id", "The source's place among all the dataset's sources, in the order first cited, 1 first.", True),
    text("source", "The source: a web address, or a citation of a page whose address is not recorded.", True),
    text("url", "The web address, where the source is one."),
), ("id",))

TABLES: tuple[Table, ...] = (
    MONGOLIA, POLICY,
    Table("policy_aims", "The policy's aims.", (position(), text("aim", "One of the policy's aims.", True)), ("position",)),
    Table("policy_notes", "Caveats on the policy.", (position(), text("note", "A caveat on the policy, as a full sentence.", True)),
          ("position",)),
    TIERS, PEOPLE,
    _listed("person_variants", "people", text("variant", "Another spelling of the name.", True),
            "Other spellings of each person's name."),
    PARTNERS,
    _listed("aliases", "partners", text("alias", "Another name the partner is known by.", True),
            "Other names of each partner."),
    _listed("aliases_mn", "partners", text("alias", "A short form Mongolian writers use.", True),
            "The short forms of each partner's name in Mongolian."),
    _listed("partner_notes", "partners", text("note", "A caveat, as a full sentence.", True),
            "Caveats on each partner's record."),
    TIER_SPELLS, SPELL_PEOPLE, PARTNER_YEARS,
    EVENTS, EVENT_PARTNERS, EVENT_PEOPLE,
    _listed("event_notes", "events", text("note", "A caveat, as a full sentence.", True), "Caveats on each event."),
    SOURCES,
    _cited("policy_sources", "policy", None, "the policy"),
    _cited("partner_sources", "partners", PARTNER_ID, "each partner's record"),
    _cited("event_sources", "events", EVENT_ID, "each event"),
    _cited("person_sources", "people", PERSON_ID, "each person's record"),
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
