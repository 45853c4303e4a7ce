"""Every word the report page shows of its own, in one place.

The page's modules take their text from here and from the dataset only, so
that a translation has one module to cover. Texts with slots are str.format
templates, named by what fills them.
"""

from __future__ import annotations

PAGE_TITLE = "Mongolia's Third Neighbor Policy"

# The scope of the page: what its filters chose.
AS_OF = "as of {date}"
AS_IT_STANDS = "as the data stands ({date})"
SCOPE_JOIN = "; "
NO_FILTER = "every third neighbor"

# The header.
META = ("{dataset}, version {version}, checked against its sources on {checked}. "
        "Made with thirdneighbor {tool}.")
SHOWN = "Shown: {scope}."
CONTENTS = "Contents"

# The sections, in page order: (anchor, heading).
SECTIONS = (
    ("summary", "Summary"),
    ("chart", "Tiers over time"),
    ("map", "Map"),
    ("partners", "Partners"),
    ("timeline", "Timeline"),
    ("notes", "Notes"),
    ("sources", "Sources and citation"),
)

# The summary.
PARTNERS_SHOWN = "partners shown"
PARTNER_SHOWN = "partner shown"
NONE_SHOWN = "No partner matches the filters asked for."
NEWEST = "Newest tie: {partner}, {tier}, {date}."
OLDEST = "Longest held tier: {partner}, {tier}, since {date}."
OTHER_RELATIONS = "Other relations (no tier)"
ORGANISATIONS = "Organisations (no tier)"
NEIGHBORS = "Mongolia's neighbors (for comparison)"
SUMMARY_LEAD = "{count} {partners}, {scope}:"
JUMP = "Each name leads to the partner's row in the table."

# The figures.
CHART_CAPTION = ("{count} rows, one per partner; each band is a tier it held, from the tie's start to the next "
                 "change. A row leads to the partner's row in the table.")
CHART_EMPTY = "No partner is drawn."
MAP_CAPTION = "Countries coloured by tier; a partner's country leads to its row in the table."
MAP_NEIGHBORS = "Russia and China are drawn as Mongolia's neighbors, not as third neighbors."

# The table.
TABLE_CAPTION = "Partners {scope}, by tier (closest first). A column heading sorts by that column."
SORT_HINT = "Sort by {column}"
COLUMNS = ("Partner", "Tier", "Designation", "Tier since", "Occasion", "Sources")
SINCE_DESIGNATION = "designation since {date}"
SOURCES_COUNT = "{count} sources"
SOURCE_COUNT = "1 source"
NO_SOURCES = "none recorded"
GRADES = "Evidence: tier {tier}; date {date}"  # the grades of the record's claims (show --sources)
NOT_GRADED = "not graded"
DATED_SOURCES = ("As of {date}: the sources of the events recorded for this tie up to that date. "
                 "The record's other {count} (its later designations) are in `thirdneighbor show {partner}`.")
DATED_NO_EVENT = ("As of {date}: no dated event of this tie is recorded, so the sources shown are all of the "
                  "record's, which also cover its later designations.")
ASTERISK_LINK = "What the asterisk means"
DOWNLOADS = "Download the data shown: {csv} · {json}"
CSV_LINK = "CSV"
JSON_LINK = "JSON"

# The notes.
ASTERISK_HEADING = "The asterisk (*)"
POLICY_HEADING = "The policy"
NO_NOTES = "No notes on the partners shown."

# Sources and citation.
CITE_LEAD = "To cite the data (as `thirdneighbor cite` gives it):"
ARTICLE = ("The partners' table follows the table of the source article, whose own source line is: {table_source}. "
           "The article is named among the policy's sources below, as a link where the data records its address; "
           "no address is made up.")
POLICY_SOURCES = "The policy's sources:"
ALL_SOURCES = "Every source the data cites is listed by `thirdneighbor cite --sources` ({count} in all)."
MADE = "This page was made on {when} with thirdneighbor {tool}, from {dataset} version {version}."
LICENCE = "Data licence: {licence}."
