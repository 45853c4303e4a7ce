"""Dataclasses whose dataclass machinery is made at its first use.

The records (thirdneighbor.data.model) and PartialDate are dataclasses to
their users: `dataclasses.fields`, `replace`, `asdict` and `is_dataclass` work on
them. But `dataclasses.dataclass` costs every start-up its import and the
processing of each class: measured, about 4 ms of a cached `list --json` (0.7 ms
the module, 1.7 ms PartialDate, most of the rest the thirteen record classes),
which reads none of it. So `declare` makes the slotted class from its
annotations alone, and its `__dataclass_fields__` and `__dataclass_params__`
are made, by the dataclasses module itself, only when something reads them.

Each class keeps its own declaration in `__declared__` (the Declared fields, in
order), which is what this tool reads (thirdneighbor.data.record.record_fields).
"""

from __future__ import annotations

from typing import Any


class _Missing:
    """No default: the marker `field` and `Declared` use, as dataclasses.MISSING."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Declared:
    """One declared field: its name, its annotation as written (a string: the
    modules declaring fields use `from __future__ import annotations`), its
    default or default factory (MISSING where there is none) and metadata."""

    __slots__ = ("name", "type", "default", "default_factory", "metadata")

    def __init__(self, name: str, annotation: str, default: Any = MISSING, default_factory: Any = MISSING,
                 metadata: dict[str, Any] | None = None) -> None:
        self.name, self.type, self.default, self.default_factory = name, annotation, default, default_factory
        self.metadata = metadata or {}


class _FieldSpec:
    """What `field()` leaves in a class body, until `declare` reads it."""

    __slots__ = ("default", "default_factory", "metadata")

    def __init__(self, default: Any, default_factory: Any, metadata: dict[str, Any] | None) -> None:
        self.default, self.default_factory, self.metadata = default, default_factory, metadata


def field(*, default: Any = MISSING, default_factory: Any = MISSING, metadata: dict[str, Any] | None = None) -> Any:
    """A field's default and metadata, as dataclasses.field gives them."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return _FieldSpec(default, default_factory, metadata)


def declare(cls: type, **params: bool) -> type:
    """The class remade with a slot for each annotated field and the fields
    declared (`__declared__`, `__match_args__`); its dataclass attributes are
    those `dataclasses.dataclass(**params)` would give, made at their first read.
    Fields come from the class's own annotations; a base class declares none
    (the record classes derive from Record, which has no fields)."""
    annotations: dict[str, str] = cls.__dict__.get("__annotations__", {})
    declared = []
    for name, annotation in annotations.items():
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, _FieldSpec):
            declared.append(Declared(name, annotation, value.default, value.default_factory, value.metadata))
        else:
            declared.append(Declared(name, annotation, value))
    namespace = {key: value for key, value in cls.__dict__.items()
                 if key not in annotations and key not in ("__dict__", "__weakref__")}
    namespace.update(__slots__=tuple(annotations), __match_args__=tuple(annotations), __declared__=tuple(declared),
                     __dataclass_fields__=_Made("__dataclass_fields__", params),
                     __dataclass_params__=_Made("__dataclass_params__", params))
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__  # a class made inside a function keeps its dotted name
    return made


class _Made:
    """A class attribute made at its first read, then stored on the declaring
    class in place of this descriptor: later reads are plain look-ups."""

    __slots__ = ("name", "params")

    def __init__(self, name: str, params: dict[str, bool]) -> None:
        self.name, self.params = name, params

    def __get__(self, instance: Any, owner: type) -> Any:
        declaring = next(cls for cls in owner.__mro__ if cls.__dict__.get(self.name) is self)
        made = _dataclass_attributes(declaring, self.params)
        for name, value in made.items():
            setattr(declaring, name, value)
        return made[self.name]


def _dataclass_attributes(cls: type, params: dict[str, bool]) -> dict[str, Any]:
    """The class's `__dataclass_fields__` and `__dataclass_params__`, made by the
    dataclasses module: Field objects as dataclass() makes them, and the
    parameters of an empty class made with the same arguments."""
    import dataclasses

    fields = {}
    for declared in cls.__declared__:  # type: ignore[attr-defined]
        made = dataclasses.field(
            default=dataclasses.MISSING if declared.default is MISSING else declared.default,
            default_factory=dataclasses.MISSING if declared.default_factory is MISSING else declared.default_factory,
            metadata=declared.metadata or None)
        made.name, made.type, made.kw_only = declared.name, declared.type, False  # type: ignore[assignment]
        made._field_type = dataclasses._FIELD  # type: ignore[attr-defined]  # what dataclass() marks a field with
        fields[declared.name] = made
    template = dataclasses.dataclass(**params)(type("template", (), {}))
    return {"__dataclass_fields__": fields, "__dataclass_params__": template.__dataclass_params__}  # type: ignore[attr-defined]


class Frozen:
    """What the declared classes share: fields that cannot be set or deleted,
    and equality, hash, repr and copies by the fields, in declaration order.
    Equal means the same declared class, or a subclass that adds methods and
    no field (the Python API's Dataset), with equal fields."""

    __slots__ = ()
    __declared__: tuple[Declared, ...]
    __match_args__: tuple[str, ...]

    def __setattr__(self, name: str, value: Any) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __eq__(self, other: object) -> bool:
        if getattr(other, "__declared__", None) is not self.__declared__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        # copy, deepcopy and pickle make the object anew from its fields, as a
        # frozen one cannot have them set one by one.
        return _remade, (type(self), dict(zip(self.__match_args__, self._values())))


def _remade(cls: type, values: dict[str, Any]) -> Any:
    return cls(**values)


class Value(Frozen):
    """A small frozen class of declared fields, for a query's results (the
    tiers tree's groups, a compared row): made with the fields by position or
    name, and a dataclass to its users as dataclass(frozen=True) makes one.
    Declare one with `value`."""

    __slots__ = ()

    def __init__(self, *values: Any, **named: Any) -> None:
        declared = self.__declared__
        if len(values) > len(declared):
            raise TypeError(f"{type(self).__name__}() takes at most {len(declared)} arguments")
        for index, field_ in enumerate(declared):
            if index < len(values):
                if field_.name in named:
                    raise TypeError(f"{type(self).__name__}() got multiple values for argument {field_.name!r}")
                given = values[index]
            elif field_.name in named:
                given = named.pop(field_.name)
            elif field_.default is not MISSING:
                given = field_.default
            elif field_.default_factory is not MISSING:
                given = field_.default_factory()
            else:
                raise TypeError(f"{type(self).__name__}() missing required argument {field_.name!r}")
            object.__setattr__(self, field_.name, given)
        if set(named) - set(self.__match_args__):
            raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {sorted(named)[0]!r}")


def value(cls: type) -> type:
    """A Value class (cls derives from Value) with its fields declared, as
    dataclass(frozen=True, slots=True) declares them."""
    return declare(cls, frozen=True, slots=True)
