"""Pure functions that answer questions about a Dataset. No I/O, no printing.

- `select`: filter and sort partners and events, resolve the names people type.
- `asof`: what was true on a date (`--as-of`), and the rule for partial dates.
- `groups`: the tiers tree, partners side by side, milestones per year.

Every function that takes `as_of` answers as things stood on that date, so no
caller has to juggle a dataset as it is and one as it was. The modules are
imported one by one, so that a command pays only for what it uses.
"""
