"""Bases of generated models and enums, and the discriminator of tagged unions.

- :class:`BaseModel`: every generated model. Attributes are snake_case; wire names are aliases,
  so a model is built from the server's JSON (``model_validate``) and by attribute name in code
  (``ChargesessionStartBody(ev_charge_number=...)``), and written back under the wire names.
  Properties the API definition does not list are kept (``extra="allow"``): a server that adds a
  field never breaks a client.
- :class:`StrEnum`, :class:`IntEnum`, :class:`ValueEnum`: enums that accept values the API
  definition does not list. A server that adds an enum value must not make every response that
  carries it fail; the unknown value becomes a member named ``UNKNOWN`` that compares equal to
  its value, so code can still log or pass it on.
- :func:`discriminator`: picks the variant of a tagged union (``oneOf`` with a discriminator) by
  its tag property, for raw JSON and for model instances alike.
- :func:`rebuild_models`: resolves the models' references to each other once every class exists.
"""

from __future__ import annotations

import enum
import sys
from typing import Any, Callable, ClassVar, Dict, FrozenSet, Iterable, Mapping, Optional, Tuple, Type, TypeVar

import pydantic
from pydantic import ConfigDict

M = TypeVar("M", bound="BaseModel")


class BaseModel(pydantic.BaseModel):
    """The base of generated models (see the module docstring).

    ``_constant_fields`` names the attributes that can only have one value (a ``const``, or an
    enum with one member, that the API requires): the model sets them itself and they count as
    set, so they are sent even though nobody passed them (bodies leave unset fields out).
    """

    model_config = ConfigDict(
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="allow",
        protected_namespaces=(),
    )

    _constant_fields: ClassVar[Tuple[str, ...]] = ()

    def model_post_init(self, context: Any, /) -> None:
        """Marks the constant fields (of this class and its bases) as set."""
        constants = _constants_of(type(self))
        if constants:
            self.__pydantic_fields_set__.update(constants)

    def to_dict(self) -> Dict[str, Any]:
        """The model as JSON-able data under its wire names (unset fields left out)."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)

    @classmethod
    def from_dict(cls: Type[M], data: Mapping[str, object]) -> M:
        """The model from JSON-able data (wire or attribute names).

        Raises:
            pydantic.ValidationError: when the data does not fit the model.
        """
        return cls.model_validate(dict(data))


E = TypeVar("E", bound=enum.Enum)


_CONSTANTS: Dict[type, FrozenSet[str]] = {}


def _constants_of(cls: type) -> FrozenSet[str]:
    """The constant fields of ``cls`` and its bases (computed once per class)."""
    found = _CONSTANTS.get(cls)
    if found is None:
        found = frozenset(name for klass in cls.__mro__ for name in klass.__dict__.get("_constant_fields", ()))
        _CONSTANTS[cls] = found
    return found


def _unknown(member: E, value: object) -> E:
    """``member`` (a fresh instance, not registered in its enum) as the pseudo-member for ``value``."""
    member._name_ = "UNKNOWN"
    member._value_ = value
    return member


class StrEnum(str, enum.Enum):
    """A string enum that keeps values it does not list (as a member named ``UNKNOWN``)."""

    @classmethod
    def _missing_(cls, value: object) -> Optional[enum.Enum]:
        return _unknown(str.__new__(cls, value), value) if isinstance(value, str) else None

    def __str__(self) -> str:
        """The value, as for a plain string."""
        return str(self.value)


class IntEnum(int, enum.Enum):
    """An integer enum that keeps values it does not list (as a member named ``UNKNOWN``)."""

    @classmethod
    def _missing_(cls, value: object) -> Optional[enum.Enum]:
        if isinstance(value, int) and not isinstance(value, bool):
            return _unknown(int.__new__(cls, value), value)
        return None


class ValueEnum(enum.Enum):
    """An enum of other values (numbers, booleans) that keeps values it does not list."""

    @classmethod
    def _missing_(cls, value: object) -> Optional[enum.Enum]:
        return _unknown(object.__new__(cls), value) if isinstance(value, (int, float, bool)) else None


def discriminator(wire_name: str, attribute: str) -> Callable[[object], Optional[str]]:
    """The tag of a union member: ``wire_name`` of raw JSON, ``attribute`` of a model instance.

    Used as ``Annotated[Union[Annotated[A, Tag("a")], …], Discriminator(discriminator(...))]``;
    a value without a (known) tag fails validation with pydantic's own message.
    """

    def tag_of(value: object) -> Optional[str]:
        raw = value.get(wire_name) if isinstance(value, Mapping) else getattr(value, attribute, None)
        if isinstance(raw, enum.Enum):
            raw = raw.value
        return raw if isinstance(raw, str) else None

    return tag_of


__all__ = ["BaseModel", "IntEnum", "StrEnum", "ValueEnum", "discriminator"]


def rebuild_models(models: Iterable[Type[pydantic.BaseModel]], package: Mapping[str, object]) -> None:
    """Resolves the references of ``models`` to each other, once every class exists.

    Annotations are strings (``from __future__ import annotations``) naming models that their module
    imports for type checkers only, so import cycles cannot happen. Pydantic evaluates an inherited
    field in the subclass's module, which need not import what the parent's annotation uses (a
    parent's own references, ``Optional``), and a name it does not find there falls through to the
    builtins. So each model is rebuilt against the names of all the models' modules together, and
    the ``package`` namespace (the models package, which imports every model, alias and enum) last.
    """
    classes = tuple(models)
    namespace: Dict[str, Any] = {}
    for cls in classes:
        namespace.update(vars(sys.modules[cls.__module__]))
    namespace.update(package)
    for cls in classes:
        cls.model_rebuild(_types_namespace=namespace)
