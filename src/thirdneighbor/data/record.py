"""The machinery every record class shares: the Record base, the `record` decorator,
and the declared fields as the rest of the tool reads them (`record_fields`).

The record classes themselves are in thirdneighbor.data.model, the one place
their fields are declared; this module knows nothing of them.
"""

from __future__ import annotations

import functools
from typing import Any

from .declared import MISSING, Frozen, declare
from .partialdate import PartialDate


class Record(Frozen):
    """What every record class shares: a keyword-only `__init__` and `to_dict()`;
    frozen fields, and repr, equality, hash and copies by fields, from Frozen.

    dataclass() would generate each of them for each class, and on Python 3.11
    each generated method is compiled at import: measured, the generated repr,
    eq and hash took the six record classes 2.9 ms longer to create, and the
    generated __init__, __setattr__ and __delattr__ 0.5 ms a class (0.68 ms
    against 0.20 ms), 5 ms for the ten, several per cent of a Typer
    hello-world's start-up (benchmarks/run.py). These behave as the generated
    ones do (keyword arguments only, defaults for what is not given, a
    TypeError for a missing or unknown field, FrozenInstanceError on
    assignment, equal fields in declaration order), except that a subclass
    without fields of its own (the Python API's Dataset) equals its base. The
    __init__ is still compiled, as dataclass() would, but only at a class's first
    record: the cache sets a decoded record's slots directly
    (thirdneighbor.data.cache), so a cached run compiles none. Nor does one
    make the classes' dataclass attributes (thirdneighbor.data.declared).
    """

    __slots__ = ()

    def __init__(self, **given: Any) -> None:
        # The class's own keyword-only __init__, compiled at its first use and kept
        # on the class: a run that loads the dataset from the cache never makes one.
        init = _compiled_init(type(self))
        init(self, **given)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO partial-date strings, tuples as lists, every
        field present (None where the dataset has no value). A field marked
        `detail` (a partner's history) is left out; `show` adds it."""
        return {key: getattr(self, name) if convert is None else convert(getattr(self, name))
                for key, name, convert in _json_plan(type(self))}


class Deferred:
    """A field's value that is not made yet: `value()` makes it, once. A field
    declared deferrable (`deferrable`) may hold one; its first read makes the
    value and keeps it, so that no reader ever sees a Deferred. Copies of a
    record (`replaced`) share the Deferred, and so the value once made."""

    __slots__ = ("make", "made")

    def __init__(self, make: Any) -> None:
        self.make = make
        self.made: Any = Deferred  # not made yet (no value is the class itself)

    def value(self) -> Any:
        if self.made is Deferred:
            self.made = self.make()
        return self.made


class _DeferrableSlot:
    """A slot's descriptor in front of the slot itself: a read that finds a
    Deferred makes the value, stores it and returns it; anything else reads
    as the slot does. Assignment stays the slot's (the record's own
    __setattr__ refuses it, as for every field)."""

    __slots__ = ("slot",)

    def __init__(self, slot: Any) -> None:
        self.slot = slot

    def __get__(self, owner_record: Any, owner: type | None = None) -> Any:
        if owner_record is None:
            return self
        value = self.slot.__get__(owner_record, owner)
        if type(value) is Deferred:
            value = value.value()
            self.slot.__set__(owner_record, value)
        return value

    def __set__(self, owner_record: Any, value: Any) -> None:
        self.slot.__set__(owner_record, value)


def deferrable(cls: type, name: str) -> None:
    """Let the field `name` of the record class `cls` hold a Deferred (the cache
    leaves a dataset's sources so: most commands never read them)."""
    setattr(cls, name, _DeferrableSlot(cls.__dict__[name]))


def is_deferrable(cls: type, name: str) -> bool:
    return isinstance(getattr(cls, name), _DeferrableSlot)


def stored_value(owner_record: Any, name: str) -> Any:
    """A field's value as it is stored: a Deferred stays one, not made."""
    descriptor = getattr(type(owner_record), name)
    if isinstance(descriptor, _DeferrableSlot):
        return descriptor.slot.__get__(owner_record, type(owner_record))
    return getattr(owner_record, name)


def record(cls: type) -> type:
    """A record class: a slot for each declared field, and to its users a
    dataclass (dataclasses.fields, replace) as dataclass(init=False, repr=False,
    eq=False, slots=True) would make it; Record has the methods (see its docstring)."""
    return declare(cls, init=False, repr=False, eq=False, slots=True)


def replaced(owner_record: Any, **changes: Any) -> Any:
    """dataclasses.replace(owner_record, **changes), without importing the
    dataclasses module (0.7 ms of a start-up) or making a deferred field's value
    that the copy may never read: it keeps the Deferred, made at its first read."""
    values = {name: stored_value(owner_record, name) for name in owner_record.__match_args__}
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(owner_record).__name__} has no field {sorted(unknown)[0]!r}")
    return type(owner_record)(**{**values, **changes})


def _compiled_init(cls: type) -> Any:
    """A keyword-only __init__ for `cls`, as dataclass() would write it (defaults for
    what is not given, a TypeError for a missing or unknown field), installed on the
    class so that later records call it directly."""
    namespace: dict[str, Any] = {"_MISSING": MISSING}
    parameters, lines = [], []
    for index, info in enumerate(cls.__declared__):  # type: ignore[attr-defined]
        # Each field set through its slot's own descriptor, found once here rather
        # than by object.__setattr__ at every record: a first run on 10,000
        # partners makes 162,009 records, each faster so (see the commit).
        namespace[f"_set_{index}"] = getattr(cls, info.name).__set__
        if info.default is not MISSING:
            namespace[f"_default_{index}"] = info.default
            parameters.append(f"{info.name}=_default_{index}")
        elif info.default_factory is not MISSING:
            namespace[f"_factory_{index}"] = info.default_factory
            parameters.append(f"{info.name}=_MISSING")
            lines.append(f" if {info.name} is _MISSING: {info.name} = _factory_{index}()")
        else:
            parameters.append(info.name)
        lines.append(f" _set_{index}(self, {info.name})")
    source = f"def __init__(self, *, {', '.join(parameters)}):\n" + "\n".join(lines or [" pass"]) + "\n"
    exec(source, namespace)  # noqa: S102  (our own field names, as dataclasses does)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    return init


def json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [json_value(item) for item in value]
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, Record):
        return value.to_dict()
    return value


def _date_text(value: Any) -> Any:
    return None if value is None else str(value)


def _listed(value: Any) -> Any:
    return list(value) if type(value) is tuple else json_value(value)


# How to_dict gives each kind of field: text, numbers and booleans as they are
# (None for no converter), the rest by json_value. By the declared kind rather
# than by asking each value its type: `list --json` on 10,000 partners converts
# 360,000 values.
_JSON_CONVERTERS = {"texts": _listed, "date": _date_text, "table": json_value, "tables": json_value}


@functools.cache
def _json_plan(cls: type) -> tuple[tuple[str, str, Any], ...]:
    """(key, attribute, converter or None) for each field to_dict gives."""
    return tuple((info.key, info.name, _JSON_CONVERTERS.get(info.kind)) for info in record_fields(cls)
                 if not info.detail)


# How each declared type is checked and stored. Written as the annotations are
# spelled (this module's annotations are strings), so reading them costs no
# typing.get_type_hints at start-up.
_KINDS = {
    "str": "text", "str | None": "text", "tuple[str, ...]": "texts",
    "bool": "bool", "int": "int", "int | None": "int", "PartialDate": "date", "PartialDate | None": "date",
}


class FieldInfo:
    """One declared field: its attribute `name`, its `key` in files and JSON,
    its `kind` (text, texts, bool, int, date; table for one nested record,
    tables for several), whether a file must give it, its default, the record
    class it nests, an older key still read (`alias`, see thirdneighbor.data.validate),
    and whether to_dict() leaves it out (`detail`)."""

    # A plain class: made only when the fields are first read, it still costs no
    # dataclass creation at start-up.
    __slots__ = ("name", "key", "kind", "required", "default", "record", "alias", "detail")

    def __init__(self, name: str, key: str, kind: str, required: bool, default: Any,
                 record: type | None, alias: str | None, detail: bool) -> None:
        self.name, self.key, self.kind, self.required = name, key, kind, required
        self.default, self.record, self.alias, self.detail = default, record, alias, detail


@functools.cache
def record_fields(cls: type) -> tuple[FieldInfo, ...]:
    """The fields of a record class, in declaration order (which is file order)."""
    infos = []
    for declared in cls.__declared__:  # type: ignore[attr-defined]
        meta = declared.metadata
        nested = meta.get("record")
        if nested is not None:
            kind = "tables" if str(declared.type).startswith("tuple[") else "table"
        else:
            kind = _KINDS[str(declared.type)]
        required = declared.default is MISSING and declared.default_factory is MISSING
        infos.append(FieldInfo(
            name=declared.name, key=meta.get("key", declared.name), kind=kind, required=required,
            default=None if required else declared.default, record=nested,
            alias=meta.get("alias"), detail=meta.get("detail", False),
        ))
    return tuple(infos)


