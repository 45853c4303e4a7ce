"""The record base (thirdneighbor.data.record): the __init__, freezing and equality
that dataclass() would generate, without generating them at import."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from thirdneighbor.data.declared import MISSING
from thirdneighbor.data.model import RECORD_CLASSES, Claim, Partner, Source
from thirdneighbor.data.partialdate import PartialDate


def test_keyword_arguments_with_defaults_and_errors_as_dataclass_gives_them() -> None:
    source = Source(id="a-b", url="https://example.org/a")
    assert (source.title, source.kind) == (None, None)
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'id'"):
        Source(url="https://example.org/a")
    with pytest.raises(TypeError, match="unexpected keyword argument 'bogus'"):
        Source(id="a", bogus=1)
    with pytest.raises(TypeError, match="positional argument"):
        Source("a")  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing 3 required keyword-only arguments"):
        Claim()


def test_records_are_frozen_equal_by_value_and_replaceable() -> None:
    claim = Claim(field="tier", sources=("a",), confidence="high")
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.confidence = "low"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del claim.note  # type: ignore[misc]
    assert claim == Claim(field="tier", sources=("a",), confidence="high")
    assert hash(claim) == hash(Claim(field="tier", sources=("a",), confidence="high"))
    lower = dataclasses.replace(claim, confidence="low", note="One blog.")
    assert (lower.confidence, lower.note, claim.confidence) == ("low", "One blog.", "high")


def test_importing_the_model_compiles_no_init() -> None:
    """The __init__ is compiled at a class's first record, so a cached run makes none."""
    code = ("import thirdneighbor.data.model as m, thirdneighbor.data.record as r\n"
            "print(sum('__init__' in vars(c) for c in m.RECORD_CLASSES))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "0\n"


def _as_dataclass_makes_it(cls: type, **params: bool) -> type:
    """The same declaration, made by dataclasses.dataclass itself."""
    annotations = {declared.name: declared.type for declared in cls.__declared__}  # type: ignore[attr-defined]
    namespace: dict[str, object] = {"__annotations__": annotations}
    for declared in cls.__declared__:  # type: ignore[attr-defined]
        default = dataclasses.MISSING if declared.default is MISSING else declared.default
        namespace[declared.name] = dataclasses.field(default=default, metadata=declared.metadata or None)
    return dataclasses.dataclass(**params)(type(cls.__name__, (), namespace))


@pytest.mark.parametrize("cls", [*RECORD_CLASSES, PartialDate], ids=lambda cls: cls.__name__)
def test_each_class_is_the_dataclass_that_dataclass_would_make(cls: type) -> None:
    # Made without the dataclasses module at start-up (thirdneighbor.data.declared),
    # to its users they are dataclasses all the same: the same fields, in order,
    # with the same defaults, metadata and parameters.
    params = dict(frozen=True, order=True, slots=True) if cls is PartialDate \
        else dict(init=False, repr=False, eq=False, slots=True)
    made = _as_dataclass_makes_it(cls, **params)
    assert dataclasses.is_dataclass(cls)

    def described(fields: tuple[dataclasses.Field, ...]) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
        return [(f.name, f.type, f.default, f.default_factory, dict(f.metadata), f.init, f.kw_only, f.compare)
                for f in fields]

    assert described(dataclasses.fields(cls)) == described(dataclasses.fields(made))
    assert repr(cls.__dataclass_params__) == repr(made.__dataclass_params__)  # type: ignore[attr-defined]
    assert cls.__match_args__ == made.__match_args__  # type: ignore[attr-defined]


def test_a_date_is_a_frozen_ordered_dataclass() -> None:
    date = PartialDate(2019, 7)
    assert dataclasses.replace(date, day=31) == PartialDate(2019, 7, 31)
    assert dataclasses.astuple(date) == (2019, 7, 0) and dataclasses.asdict(date) == {"year": 2019, "month": 7,
                                                                                       "day": 0}
    assert PartialDate(year=2019, month=7, day=31) == PartialDate.parse("2019-07-31")
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'day'"):
        date.day = 1  # type: ignore[misc]
    assert (date < PartialDate(2019, 7, 1), date <= date, date > PartialDate(2019), date >= date) == (True,) * 4
    assert date.__eq__("2019-07") is NotImplemented and date.__lt__(2019) is NotImplemented
    with pytest.raises(TypeError):
        date < "2019-08"  # type: ignore[operator]  # noqa: B015


def test_records_and_dates_copy_and_pickle(dataset: object) -> None:
    # A frozen record cannot have its fields set one by one, as copy and pickle
    # would: each is made anew from its fields.
    partner = next(p for p in dataset.all_partners if p.history)  # type: ignore[attr-defined]
    for copied in (copy.copy(partner), copy.deepcopy(partner), pickle.loads(pickle.dumps(partner))):
        assert copied == partner and type(copied) is Partner and copied is not partner
    assert pickle.loads(pickle.dumps(dataset)) == dataset
    assert copy.deepcopy(partner.since) == partner.since


def test_a_cached_run_does_not_import_the_dataclasses_module(tmp_path: object) -> None:
    code = ("import sys, thirdneighbor.data.model, thirdneighbor.data.partialdate\n"
            "print('dataclasses' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"


def test_replaced_is_dataclasses_replace_and_leaves_deferred_sources_unmade(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from thirdneighbor.data.load import bundled_dataset_path, load_dataset
    from thirdneighbor.data.record import Deferred, replaced, stored_value

    claim = Claim(field="tier", sources=("a",), confidence="high")
    assert replaced(claim, note="x") == dataclasses.replace(claim, note="x")
    with pytest.raises(TypeError, match="no field 'bogus'"):
        replaced(claim, bogus=1)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_dataset(bundled_dataset_path())  # writes the cache entry
    cached = load_dataset(bundled_dataset_path())  # read from it: the sources are left to their first read
    assert type(stored_value(cached, "all_sources")) is Deferred
    fewer = replaced(cached, all_partners=cached.all_partners[:2])
    assert type(stored_value(fewer, "all_sources")) is Deferred
    assert fewer.all_sources == cached.all_sources and len(fewer.all_partners) == 2


def test_the_query_results_are_frozen_dataclasses_too() -> None:
    from thirdneighbor.query.groups import ComparedField, DesignationGroup

    row = ComparedField("tier", ("strategic", "strategic"))
    assert row == ComparedField(field="tier", values=("strategic", "strategic"), basis=None) and row.same
    assert hash(row) == hash(ComparedField("tier", ("strategic", "strategic")))
    assert repr(row) == "ComparedField(field='tier', values=('strategic', 'strategic'), basis=None)"
    assert dataclasses.replace(row, basis=(1, 2)).basis == (1, 2) and dataclasses.is_dataclass(row)
    assert pickle.loads(pickle.dumps(row)) == row
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.field = "since"  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing required argument 'partners'"):
        DesignationGroup("Strategic partnership")
    with pytest.raises(TypeError, match="unexpected keyword argument 'bogus'"):
        DesignationGroup("Strategic partnership", (), bogus=1)
    with pytest.raises(TypeError, match="multiple values for argument 'designation'"):
        DesignationGroup("Strategic partnership", (), designation="x")


def test_to_dict_gives_what_the_generic_conversion_gives(dataset: object) -> None:
    # to_dict converts by each field's declared kind; json_value asks each value
    # its type. Every record of the bundled data comes out the same both ways.
    from thirdneighbor.data.record import Record, json_value, record_fields

    def generic(record: Record) -> dict[str, object]:
        return {info.key: json_value(getattr(record, info.name)) for info in record_fields(type(record))
                if not info.detail}

    records = [dataset, *dataset.all_partners, *dataset.all_events, *dataset.all_people,  # type: ignore[attr-defined]
               *dataset.all_sources, *dataset.tiers, *dataset.snapshots,  # type: ignore[attr-defined]
               *(claim for partner in dataset.all_partners for claim in (*partner.evidence, *partner.history))]  # type: ignore[attr-defined]
    assert len(records) > 500
    for record in records:
        assert Record.to_dict(record) == generic(record), record


def test_declared_classes_behave_as_dataclass_would_in_the_corners() -> None:
    from thirdneighbor.data.declared import Value, field, value

    class Later(PartialDate):  # a subclass compares with its own kind, as a dataclass's does
        __slots__ = ()

    assert Later(2019) == Later(2019) and Later(2019) < Later(2020) and Later(2019) != PartialDate(2019)
    assert type(copy.copy(Later(2019, 7))) is Later and copy.copy(Later(2019, 7)) == Later(2019, 7)

    def made_inside() -> type:
        @value
        class Row(Value):
            name: str
            tags: list = field(default_factory=list)  # type: ignore[type-arg]

        return Row

    row_class = made_inside()
    assert row_class.__qualname__.endswith("made_inside.<locals>.Row")
    first, second = row_class("a"), row_class("b")
    assert first.tags == [] and first.tags is not second.tags


def test_copies_sharing_deferred_sources_decode_them_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thirdneighbor.data.load import bundled_dataset_path, load_dataset
    from thirdneighbor.data.record import replaced, stored_value

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_dataset(bundled_dataset_path())
    cached = load_dataset(bundled_dataset_path())
    copy_of = replaced(cached, all_events=cached.all_events[:1])
    deferred = stored_value(cached, "all_sources")
    made = []
    make = deferred.make
    deferred.make = lambda: made.append(1) or make()
    assert copy_of.all_sources is cached.all_sources and made == [1]
