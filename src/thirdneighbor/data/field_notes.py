"""What each field of each record means: the codebook's text, kept beside the model.

One entry per record class and field key: what the field holds, the values it
allows, and what it means when a file leaves it out. `docs/codebook.md` is
generated from these entries and the model's declared fields
(tools/make_codebook.py, checked by tests/test_codebook.py, which also fails
when a field has no entry here), and the data-package export describes its
columns with the same words (`describe`). Pure data: importing it costs
nothing at start-up, and nothing on the start-up path imports it.
"""

from __future__ import annotations

from typing import NamedTuple


class FieldNote(NamedTuple):
    meaning: str
    allowed: str = ""
    missing: str = ""


# Shared phrases, so that one rule reads the same wherever it applies.
PARTIAL_DATE = 'a partial ISO date: "YYYY", "YYYY-MM" or "YYYY-MM-DD", at the precision a source gives'
SOURCE_IDS = "ids of `[[sources]]` records"
NONE_RECORDED = "none recorded"
CONFIDENCE = "high, medium or low (see the coding rules)"
LANGUAGE = "an ISO 639-1 code: mn, en, ru, ja, zh, ko, de, fr, it, tr, vi, pl, cs, ..."
NOT_FOUND = "not found in any source"


# The codes a country carries, Mongolia's and each partner's alike.
_COUNTRY_CODES = {
    "iso2": FieldNote("ISO 3166-1 alpha-2 code.", "two capital letters"),
    "iso3": FieldNote("ISO 3166-1 alpha-3 code.", "three capital letters"),
    "iso_numeric": FieldNote("ISO 3166-1 numeric code, as text with its leading zeros.", "three digits"),
    "cow_code": FieldNote("Correlates of War state number.", "a positive integer",
                          "not in the list, or a file before data version 2.1.0"),
    "cow_source": FieldNote("The Correlates of War list the code was read from: a source record, by its id "
                            "(before data 3.1.0, its address, which still loads).", "the id of a `[[sources]]` record", "no code"),
    "gw_code": FieldNote("Gleditsch and Ward state number.", "a positive integer",
                         "not in the list, or a file before data version 2.1.0"),
    "gw_source": FieldNote("Gleditsch and Ward's list the code was read from: a source record, by its id "
                           "(before data 3.1.0, its address, which still loads).", "the id of a `[[sources]]` record", "no code"),
}


NOTES: dict[str, dict[str, FieldNote]] = {
    "Dataset": {
        "schema_version": FieldNote("The version of the file's layout; the loader reads 1 to 4 and converts older layouts.",
                                    "1, 2, 3 or 4"),
        "title": FieldNote("The dataset's name.", missing="untitled"),
        "version": FieldNote("The data's own version (semver), raised for every factual change; see data/CHANGELOG.md.",
                             missing="unversioned (a file made by hand)"),
        "license": FieldNote("The data's licence, as an SPDX identifier.", "an SPDX id, such as CC-BY-SA-4.0",
                             "no licence stated"),
        "as_of": FieldNote("The day the data was last checked against its sources.", PARTIAL_DATE),
        "mongolia": FieldNote("Mongolia's own codes: one side of every tie.", missing="files before data version 2.1.0"),
        "policy": FieldNote("The Third Neighbor Policy itself, as the dataset describes it."),
        "tiers": FieldNote("The partnership tiers, closest first."),
        "partners": FieldNote("The partners: the countries (third neighbors, other relations, the two neighbors) and "
                              "the organisations."),
        "events": FieldNote("Dated milestones of the policy, oldest first."),
        "people": FieldNote("The leaders and officials the records name.", missing="files before schema 2"),
        "snapshots": FieldNote("A source's own lists of partners by tier, each on a date, to hold `list --as-of` to.",
                               missing=NONE_RECORDED),
        "sources": FieldNote("Every source the records cite, once each (schema 4).",
                             missing="files before schema 4: their sources are text, turned into records on loading"),
    },
    "Country": {
        "name": FieldNote("The country's English short name."),
        **_COUNTRY_CODES,
    },
    "Policy": {
        "name": FieldNote("The policy's name."),
        "summary": FieldNote("A paragraph on what the policy is."),
        "aims": FieldNote("The policy's aims, one sentence each.", missing=NONE_RECORDED),
        "table_source": FieldNote("Whom the source article's table credits."),
        "asterisk_note": FieldNote("What the asterisk on two designations may mean, and that it is unconfirmed.",
                                   missing="no asterisk in the data"),
        "notes": FieldNote("Caveats on the policy as a whole, one sentence or more each.", missing=NONE_RECORDED),
        "sources": FieldNote("The sources of the policy's description and notes.", SOURCE_IDS, NONE_RECORDED),
    },
    "Tier": {
        "id": FieldNote("The tier's identifier.", "comprehensive-strategic, strategic, comprehensive, expanded"),
        "name": FieldNote("The tier's English name."),
        "name_mn": FieldNote("The tier's Mongolian name, as the foreign ministry writes it.", missing=NOT_FOUND),
        "rank": FieldNote("The tier's order: 1 is the closest tie.", "1, 2, 3, 4"),
        "description": FieldNote("What the tier covers."),
    },
    "Partner": {
        "id": FieldNote("The partner's identifier in this dataset.", "lower-case words joined by hyphens"),
        "kind": FieldNote("Whether the partner is a country or an organisation (the EU, the OSCE, NATO); an "
                          "organisation has no tier and none of a country's codes.", "country, organisation",
                          "a country"),
        "name": FieldNote("The partner's English short name."),
        "official_name": FieldNote("The country's official English name.", missing="the same as `name`"),
        "name_mn": FieldNote("The country's name in Mongolian Cyrillic.", missing=NOT_FOUND),
        "official_name_mn": FieldNote("The country's official name in Mongolian Cyrillic.", missing=NOT_FOUND),
        **_COUNTRY_CODES,
        "iso_numeric": FieldNote("ISO 3166-1 numeric code, as text with its leading zeros.", "three digits",
                                 "files before schema 3"),
        "wikidata": FieldNote("The country's Wikidata item.", "Q followed by digits", "not recorded"),
        "aliases": FieldNote("Other English names and codes the country goes by; look-ups accept them.",
                             missing=NONE_RECORDED),
        "aliases_mn": FieldNote("Short forms Mongolian writers use, such as АНУ.", missing=NONE_RECORDED),
        "neighbor": FieldNote("Whether the country borders Mongolia (Russia, China): shown for comparison only.",
                              "true or false"),
        "tier": FieldNote("The current partnership tier, by Mongolia's reading where the two sides differ.",
                          "a tier id", "an other relation: no partnership tier"),
        "designation": FieldNote("The current tie's own name, which may be a named variant of its tier.",
                                 missing="an other relation"),
        "designation_mn": FieldNote("The designation in Mongolian, as Mongolian sources write it.", missing=NOT_FOUND),
        "asterisk": FieldNote("Whether the source article marks the designation with an asterisk (unexplained).",
                              "true or false", "false"),
        "since": FieldNote("When the current designation began.", PARTIAL_DATE, "an other relation"),
        "since_approx": FieldNote("Whether `since` is only the date by which a source shows the tie in force.",
                                  "true or false", "false: `since` is the start"),
        "occasion": FieldNote("The visit or meeting at which the current designation was agreed.",
                              missing="an other relation, or not found"),
        "instrument": FieldNote("The document that set up the current designation.",
                                missing="an other relation, or not found"),
        "leaders": FieldNote("The people the occasion names, by id.", "ids of `[[people]]` records", NONE_RECORDED),
        "notes": FieldNote("Caveats on the record, each a full sentence; a contested value carries both readings here.",
                           missing=NONE_RECORDED),
        "sources": FieldNote("Every source the record rests on.", SOURCE_IDS),
        "history": FieldNote("The earlier designations, oldest first.", missing="none known"),
        "evidence": FieldNote("One claim for each value whose sources are graded: tier, since, designation, occasion, "
                              "instrument (schema 4).", missing="no value graded yet: the record's `sources` stand"),
    },
    "HistoryEntry": {
        "designation": FieldNote("The earlier tie's name."),
        "tier": FieldNote("The tier that tie belonged to.", "a tier id", "a tie below every tier in the dataset"),
        "since": FieldNote("When the tie began.", PARTIAL_DATE, "unknown: `in_force_by` is given instead"),
        "in_force_by": FieldNote("The earliest date a source shows the tie already in force.", PARTIAL_DATE,
                                 "`since` is known"),
        "occasion": FieldNote("The visit or meeting at which the tie was agreed.", missing="not found"),
        "people": FieldNote("The people the occasion names, by id.", "ids of `[[people]]` records", NONE_RECORDED),
        "note": FieldNote("A caveat on the entry, in full sentences.", missing="none"),
        "sources": FieldNote("The sources of the entry: it is one claim (schema 4).", SOURCE_IDS,
                             "no source found; the note says so"),
        "quote": FieldNote("The first source's exact words for the entry, in its language.", missing="no quote taken"),
        "quote_language": FieldNote("The language of `quote`.", LANGUAGE, "no quote"),
        "confidence": FieldNote("How well the sources support the entry.", CONFIDENCE, "not graded: no source"),
    },
    "Claim": {
        "field": FieldNote("The partner's field the claim supports.",
                           "tier, since, designation, occasion, instrument"),
        "sources": FieldNote("The sources that support the value.", SOURCE_IDS),
        "quote": FieldNote("The first source's exact words, in its language.", missing="no quote taken"),
        "quote_language": FieldNote("The language of `quote`.", LANGUAGE, "no quote"),
        "confidence": FieldNote("How well the sources support the value.", CONFIDENCE),
        "note": FieldNote("Why the grade is what it is; required for a low grade.", missing="nothing to add"),
    },
    "Event": {
        "date": FieldNote("When the event took place.", PARTIAL_DATE),
        "title": FieldNote("What happened, in one line."),
        "partners": FieldNote("The countries the event concerns, by id.", "ids of `[[partners]]` records",
                              "a milestone of the policy itself"),
        "people": FieldNote("The people the title and notes name, by id.", "ids of `[[people]]` records",
                            NONE_RECORDED),
        "notes": FieldNote("Caveats on the event, each a full sentence.", missing=NONE_RECORDED),
        "sources": FieldNote("The sources of the event: it is one claim.", SOURCE_IDS),
        "quote": FieldNote("The first source's exact words for the event, in its language (schema 4).",
                           missing="no quote taken"),
        "quote_language": FieldNote("The language of `quote`.", LANGUAGE, "no quote"),
        "confidence": FieldNote("How well the sources support the event (schema 4).", CONFIDENCE, "not graded yet"),
    },
    "Person": {
        "id": FieldNote("The person's identifier.", "lower-case words joined by hyphens"),
        "name": FieldNote("The name in its usual English spelling."),
        "name_mn": FieldNote("The name in Mongolian Cyrillic, where a source gives it.", missing=NOT_FOUND),
        "variants": FieldNote("Other spellings sources use; look-ups accept them.", missing=NONE_RECORDED),
        "role": FieldNote("The office that makes the person part of the data, with its dates where known.",
                          missing="not recorded"),
        "sources": FieldNote("The sources of the name, spellings and role.", SOURCE_IDS),
        "roles": FieldNote("Each office the person held, with its dates and their sources (schema 4); `role` is "
                           "made from them.", missing="files before schema 4: `role` alone, undated"),
    },
    "Role": {
        "title": FieldNote("The office, as the sources name it."),
        "from": FieldNote("The first day in office.", PARTIAL_DATE, "no source gives it: the note says so"),
        "to": FieldNote("The last day in office.", PARTIAL_DATE, "still in office, or no source gives it"),
        "sources": FieldNote("The sources of the dates.", SOURCE_IDS),
        "note": FieldNote("What a date rests on, or why one is missing.", missing="nothing to add"),
    },
    "Snapshot": {
        "id": FieldNote("The snapshot's identifier.", "lower-case words joined by hyphens"),
        "date": FieldNote("The day (or year) the list describes.", PARTIAL_DATE),
        "title": FieldNote("What the list is, and whose."),
        "sources": FieldNote("The page or document that gives the list.", SOURCE_IDS),
        "quote": FieldNote("The list in the source's own words.", missing="not quoted"),
        "quote_language": FieldNote("The language of `quote`.", LANGUAGE, "no quote"),
        "confidence": FieldNote("How sure the date and the list are.", CONFIDENCE, "not graded"),
        "note": FieldNote("What the date rests on, and what the list leaves out.", missing="nothing to add"),
        "tiers": FieldNote("The list: each tier with its partners."),
    },
    "SnapshotTier": {
        "tier": FieldNote("The tier.", "a `[[tiers]]` id"),
        "partners": FieldNote("The partners the source lists at that tier.", "ids of `[[partners]]` records"),
    },
    "Source": {
        "id": FieldNote("The source's identifier, cited by records.", "lower-case letters, digits and hyphens"),
        "url": FieldNote("The page's address.", "an http(s) URL", "an offline source: `offline` says why"),
        "title": FieldNote("The page's title; for an offline source, the full citation.", missing="not recorded"),
        "publisher": FieldNote("Who published the page.", missing="not recorded"),
        "date": FieldNote("When the page was published.", PARTIAL_DATE, "not recorded"),
        "language": FieldNote("The page's language.", LANGUAGE, "not recorded"),
        "kind": FieldNote("What the source is: official (a government's or official body's own page), instrument "
                          "(the signed text itself), press (a news outlet's own reporting), reprint (others' text "
                          "republished: an aggregator), secondary (an encyclopaedia, a study, a blog).",
                          "official, instrument, press, reprint, secondary", "not yet classified"),
        "archive_url": FieldNote("An archived copy of the page.", "an http(s) URL", "none known"),
        "offline": FieldNote("Why the source has no address.", missing="the source has a `url`"),
    },
}


def note(record: str, key: str) -> FieldNote:
    """The note on one field, by record class name and field key; KeyError if none."""
    return NOTES[record][key]


def describe(record: str, key: str) -> str:
    """One line for a column description: what the field holds, and what a missing value means."""
    entry = note(record, key)
    return entry.meaning + (f" Missing: {entry.missing}." if entry.missing else "")
