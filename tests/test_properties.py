"""Property-based tests (hypothesis): random command lines, random valid datasets,
and random corruptions of the bundled dataset."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thirdneighbor.data.model import (Claim, Dataset, Event, HistoryEntry, Partner, Person, Policy, Source, Tier,
                                      record_fields)
from thirdneighbor.data.partialdate import PartialDate
from thirdneighbor.data.write import dumps_dataset
from thirdneighbor.data.validate import build_dataset

from .conftest import BUNDLED, run_cli

# --- random command lines never crash -------------------------------------------------

COMMANDS = ["list", "show", "history", "timeline", "tiers", "compare", "cite"]
OPTIONS = ["--tier", "-t", "--since", "--until", "--neighbors", "--sort", "--json", "--country", "-c",
           "--help", "-h", "--version", "--", "-", "--since=2019", "--tier=strategic", "--format", "-f",
           "--fields", "--as-of", "--chart", "--sources", "--no-cache"]
VALUES = ["strategic", "comprehensive", "expanded", "comprehensive-strategic", "korea", "japan", "usa",
          "united states", "2019", "1990", "9999", "0", "-1", "name", "date", "tier", "türkiye", "stan", "",
          "csv", "tsv", "markdown", "jsonl", "plain", "table", "bibtex", "id,name", "since,tier", "2015-12-31",
          "2015-13", "id,,x"]

tokens = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(VALUES), st.sampled_from(COMMANDS),
                   st.text(max_size=30), st.integers(-10**6, 10**6).map(str))
command_lines = st.tuples(st.sampled_from(COMMANDS + ["", "--json"]), st.lists(tokens, max_size=8)).map(
    lambda parts: ([parts[0]] if parts[0] else []) + parts[1])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(command_lines)
def test_random_command_lines_exit_0_1_or_2_without_traceback(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.exit_code in (0, 1, 2), (args, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code != 0:
        assert result.stderr or result.stdout.startswith("\n Usage:") or "Usage:" in result.stdout, args


# --- random valid datasets survive model -> tomli_w -> tomllib -> model ----------------

words = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20).filter(str.strip)
optional_words = st.none() | words
word_tuples = st.lists(words, max_size=3).map(tuple)
unique_word_tuples = st.lists(words, max_size=3, unique=True).map(tuple)  # validation refuses a leader named twice
# Sources are records cited by id (schema 4); each one cited is written as a record.
source_ids = st.lists(st.sampled_from([f"s-{k}" for k in range(6)]), min_size=1, max_size=3, unique=True).map(tuple)
grades = st.sampled_from(["high", "medium"])  # every generated source is official: any grade but low stands


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(1, 9999))
    month = draw(st.integers(0, 12))
    if month == 0:
        return PartialDate(year)
    import calendar
    day = draw(st.integers(0, calendar.monthrange(year, month)[1]))
    return PartialDate(year, month, day)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    tier_count = draw(st.integers(1, 4))
    ranks = draw(st.lists(st.integers(1, 50), min_size=tier_count, max_size=tier_count, unique=True))
    tiers = tuple(sorted(
        (Tier(id=f"tier-{i}", name=draw(words), rank=rank, description=draw(words)) for i, rank in enumerate(ranks)),
        key=lambda tier: tier.rank))
    tier_choice = st.sampled_from([tier.id for tier in tiers])

    # With people records, leaders and `people` are their ids; without, leaders are free names.
    people = tuple(Person(id=f"person-{i}", name=f"{draw(words)} *{i}", name_mn=draw(st.none() | st.just(f"Хүн {i}")),
                          variants=tuple(f"{w} +{i}" for w in draw(st.lists(words, max_size=2, unique=True))),
                          role=draw(optional_words), sources=draw(source_ids))
                   for i in range(draw(st.integers(0, 3))))
    person_ids = st.lists(st.sampled_from([person.id for person in people]), max_size=2, unique=True).map(tuple) \
        if people else st.just(())
    partners = []
    for i in range(draw(st.integers(0, 5))):
        # Suffixes keep every partner's names distinct from every other's, as validation requires.
        history = sorted(
            (HistoryEntry(designation=draw(words), tier=draw(st.none() | tier_choice),
                          since=since, in_force_by=None if since else draw(partial_dates()),
                          occasion=draw(optional_words), people=draw(person_ids), note=draw(optional_words),
                          sources=draw(source_ids), confidence=draw(grades))
             for since in draw(st.lists(st.none() | partial_dates(), max_size=3))),
            key=lambda entry: entry.start)
        # The current designation began no earlier than any earlier tier.
        current_since = max([draw(partial_dates()), *(entry.start for entry in history)])
        # An other relation has no tier, and so no designation, date, occasion or earlier tiers.
        tied = draw(st.booleans()) or draw(st.booleans())
        partners.append(Partner(
            id=f"p{i}-{draw(st.sampled_from(['a', 'bb', 'c-d']))}", name=f"{draw(words)} #{i}",
            iso2=f"{chr(65 + i)}{draw(st.sampled_from('QXZ'))}", iso3=f"{chr(65 + i)}{draw(st.sampled_from('QXZ'))}Q",
            iso_numeric=f"{i}{draw(st.from_regex(r'[0-9]{2}', fullmatch=True))}",
            wikidata=f"Q{draw(st.integers(1, 10**9))}",
            neighbor=draw(st.booleans()), tier=draw(tier_choice) if tied else None,
            designation=draw(words) if tied else None, since=current_since if tied else None,
            since_approx=draw(st.booleans()) if tied else False, occasion=draw(words) if tied else None,
            official_name=draw(st.none() | words.map(lambda w, i=i: f"{w} ~{i}")),
            aliases=tuple(f"{alias} ^{i}" for alias in draw(st.lists(words, max_size=2, unique=True))),
            asterisk=draw(st.booleans()), instrument=draw(optional_words), leaders=draw(person_ids) if people else draw(unique_word_tuples),
            notes=draw(word_tuples), sources=draw(source_ids),
            history=tuple(history) if tied else (),
            evidence=(Claim(field="tier", sources=draw(source_ids), confidence=draw(grades),
                            **draw(st.sampled_from([{}, {"quote": "words", "quote_language": "mn"}]))),)
            if tied else ()))
    partner_ids = [p.id for p in partners]
    events = sorted(
        (Event(date=draw(partial_dates()), title=draw(words),
               partners=tuple(draw(st.lists(st.sampled_from(partner_ids), max_size=2, unique=True))) if partner_ids else (),
               people=draw(person_ids), notes=draw(word_tuples),
               sources=draw(source_ids))
         for _ in range(draw(st.integers(0, 5)))),
        key=lambda event: event.date)
    policy = Policy(name=draw(words), summary=draw(words), table_source=draw(words), aims=draw(word_tuples),
                    asterisk_note=draw(optional_words), notes=draw(word_tuples),
                    sources=draw(st.just(()) | source_ids))
    # No record is dated after the data's as_of.
    dates = [*(p.since for p in partners if p.since), *(e.start for p in partners for e in p.history),
             *(e.date for e in events)]
    cited = {*policy.sources, *(s for record in (*partners, *events, *people) for s in record.sources),
             *(s for p in partners for claim in (*p.history, *p.evidence) for s in claim.sources)}
    return Dataset(schema_version=4, title=draw(st.none() | words), version=draw(st.none() | st.just("1.2.3-rc.1")),
                   as_of=max([draw(partial_dates()), *dates]), policy=policy, tiers=tiers,
                   all_partners=tuple(partners), all_events=tuple(events), all_people=people,
                   all_sources=tuple(Source(id=source_id, url=f"https://example.org/{source_id}", kind="official",
                                            title=draw(optional_words))
                                     for source_id in sorted(cited)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_valid_datasets_round_trip_unchanged(dataset: Dataset) -> None:
    text = dumps_dataset(dataset).decode("utf-8")
    checked = build_dataset(tomllib.loads(text))
    assert checked.problems == [] and checked.notices == []
    assert checked.dataset == dataset


def test_the_bundled_dataset_round_trips() -> None:
    loaded = build_dataset(tomllib.loads(BUNDLED.read_text(encoding="utf-8"))).dataset
    assert loaded is not None
    again = build_dataset(tomllib.loads(dumps_dataset(loaded).decode("utf-8"))).dataset
    assert again == loaded


# --- random corruptions always exit 3, naming the record ----------------------------------

DOCUMENT = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))
WRONG_VALUE = {"text": 7, "texts": "not a list", "bool": "yes", "int": "1", "date": 20190731, "tables": "x"}
# The file's arrays of records, and each record's fields by key, as the model declares them.
KINDS = {"partners": Partner, "events": Event, "tiers": Tier}
FIELDS = {kind: {info.key: info for info in record_fields(cls)} for kind, cls in KINDS.items()}


corruptions = st.sampled_from(sorted(KINDS)).flatmap(lambda kind: st.tuples(
    st.just(kind),
    st.integers(0, len(DOCUMENT[kind]) - 1),
    st.sampled_from(sorted(FIELDS[kind])),
    st.sampled_from(["drop", "wrong type", "bad date", "empty"]),
))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corruptions)
def test_random_corruptions_exit_3_naming_the_record(tmp_path: Path, corruption: tuple[str, int, str, str]) -> None:
    kind, index, field, how = corruption
    info = FIELDS[kind][field]
    required, field_kind = info.required, info.kind
    document = copy.deepcopy(DOCUMENT)
    record = document[kind][index]
    if how == "drop" and required:
        record.pop(field)
    elif how == "bad date" and field_kind == "date":
        record[field] = "2019-02-30"
    elif how == "empty" and field_kind == "text":
        record[field] = "  "
    else:
        record[field] = WRONG_VALUE[field_kind]
    path = tmp_path / "corrupt.toml"
    path.write_bytes(tomli_w.dumps(document).encode("utf-8"))

    result = run_cli("list", "--json", "--data", str(path))
    assert result.exit_code == 3, (corruption, result.stderr)
    assert result.stdout == ""
    assert f"{kind}[{index}]" in result.stderr
    assert "Traceback" not in result.stderr


def test_corruption_strategy_covers_every_field_kind() -> None:
    kinds = {info.kind for fields in FIELDS.values() for info in fields.values()}
    assert kinds <= set(WRONG_VALUE), kinds - set(WRONG_VALUE)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_bundled_records_have_something_to_corrupt(kind: str) -> None:
    assert DOCUMENT[kind]
