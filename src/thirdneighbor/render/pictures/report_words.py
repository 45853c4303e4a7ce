"""Every word the report page shows of its own, in one place.

The page's modules take their text from here and from the dataset only, so
that a translation has one module to cover. Each is marked (N_) here and translated
where it is shown (`_`), in the language of the run. Texts with slots are str.format
templates, named by what fills them.
"""

from __future__ import annotations

from ...core.language import N_

PAGE_TITLE = N_("Mongolia's Third Neighbor Policy")

# The scope of the page: what its filters chose.
AS_OF = N_("as of {date}")
AS_IT_STANDS = N_("as the data stands ({date})")
SCOPE_JOIN = "; "
NO_FILTER = N_("every third neighbor")

# The header.
META = (N_("{dataset}, version {version}, checked against its sources on {checked}. "
        "Made with thirdneighbor {tool}."))
SHOWN = N_("Shown: {scope}.")
CONTENTS = N_("Contents")

# The sections, in page order: (anchor, heading).
SECTIONS = (
    ("summary", N_("Summary")),
    ("chart", N_("Tiers over time")),
    ("map", N_("Map")),
    ("partners", N_("Partners")),
    ("timeline", N_("Timeline")),
    ("notes", N_("Notes")),
    ("sources", N_("Sources and citation")),
)

# The summary.
PARTNERS_SHOWN = N_("partners shown")
PARTNER_SHOWN = N_("partner shown")
NONE_SHOWN = N_("No partner matches the filters asked for.")
NEWEST = N_("Newest tie: {partner}, {tier}, {date}.")
OLDEST = N_("Longest held tier: {partner}, {tier}, since {date}.")
OTHER_RELATIONS = N_("Other relations (no tier)")
ORGANISATIONS = N_("Organisations (no tier)")
NEIGHBORS = N_("Mongolia's neighbors (for comparison)")
SUMMARY_LEAD = N_("{count} {partners}, {scope}:")
JUMP = N_("Each name leads to the partner's row in the table.")

# The figures.
CHART_CAPTION = (N_("{count} rows, one per partner; each band is a tier it held, from the tie's start to the next "
                 "change. A row leads to the partner's row in the table."))
CHART_EMPTY = N_("No partner is drawn.")
MAP_CAPTION = N_("Countries coloured by tier; a partner's country leads to its row in the table.")
MAP_NEIGHBORS = N_("Russia and China are drawn as Mongolia's neighbors, not as third neighbors.")

# The table.
TABLE_CAPTION = N_("Partners {scope}, by tier (closest first). A column heading sorts by that column.")
SORT_HINT = N_("Sort by {column}")
COLUMNS = (N_("Partner"), N_("Tier"), N_("Designation"), N_("Tier since"), N_("Occasion"), N_("Sources"))
SINCE_DESIGNATION = N_("designation since {date}")
SOURCES_COUNT = N_("{count} sources")
SOURCE_COUNT = N_("1 source")
NO_SOURCES = N_("none recorded")
GRADES = N_("Evidence: tier {tier}; date {date}")  # the grades of the record's claims (show --sources)
NOT_GRADED = N_("not graded")
DATED_SOURCES = (N_("As of {date}: the sources of the events recorded for this tie up to that date. "
                 "The record's other {count} (its later designations) are in `thirdneighbor show {partner}`."))
DATED_NO_EVENT = (N_("As of {date}: no dated event of this tie is recorded, so the sources shown are all of the "
                  "record's, which also cover its later designations."))
ASTERISK_LINK = N_("What the asterisk means")
DOWNLOADS = N_("Download the data shown: {csv} · {json}")
CSV_LINK = "CSV"
JSON_LINK = "JSON"

# The notes.
ASTERISK_HEADING = N_("The asterisk (*)")
POLICY_HEADING = N_("The policy")
NO_NOTES = N_("No notes on the partners shown.")

# Sources and citation.
CITE_LEAD = N_("To cite the data (as `thirdneighbor cite` gives it):")
ARTICLE = (N_("The partners' table follows the table of the source article, whose own source line is: {table_source}. "
           "The article is named among the policy's sources below, as a link where the data records its address; "
           "no address is made up."))
POLICY_SOURCES = N_("The policy's sources:")
ALL_SOURCES = N_("Every source the data cites is listed by `thirdneighbor cite --sources` ({count} in all).")
MADE = N_("This page was made on {when} with thirdneighbor {tool}, from {dataset} version {version}.")
LICENCE = N_("Data licence: {licence}.")
