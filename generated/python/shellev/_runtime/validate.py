"""Opt-in response validation (``validate_responses="warn"`` or ``"strict"``): checks the parsed
JSON of a success body against the rules the generator wrote into ``_validators.py`` from the API
definition (JSON Schema keywords; see that module), before the lenient models parse it. The
client imports ``_validators`` (and so this module) only when validation is on.

Violations name a JSON path (``$.data[0].status``) and the rule broken, never the value: a
response may carry personal data or tokens. The same rules, paths and messages as the TypeScript
SDK's ``runtime/validate.ts``.
"""

from __future__ import annotations

import json
import math
import re
from typing import Dict, List, Mapping, Optional, Set

import httpx

from .errors import ResponseValidationException, Violation
from .logs import Log

#: One schema's rule: JSON Schema keywords (``type``, ``properties``, ``$ref`` …), as generated.
Rule = Mapping[str, object]

#: The most violations one response reports (a wrong list can break every element).
MAX_VIOLATIONS = 20

_FORMATS: Dict[str, re.Pattern[str]] = {
    "date-time": re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$", re.I),
    "date": re.compile(r"^\d{4}-\d\d-\d\d$"),
    "uuid": re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I),
}
_IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*$", re.ASCII)
_PATTERNS: Dict[str, re.Pattern[str]] = {}


def validate(value: object, rule: Rule, schemas: Mapping[str, Rule], path: str = "$") -> List[Violation]:
    """Every violation of ``rule`` by ``value`` (at most :data:`MAX_VIOLATIONS`); ``schemas``
    resolves ``$ref``."""
    out: List[Violation] = []
    _check(value, rule, schemas, path, out, True)
    return out[:MAX_VIOLATIONS]


def check_response(
    mode: str,
    log: Log,
    operation_id: str,
    rule: Optional[Rule],
    schemas: Mapping[str, Rule],
    data: object,
    response: httpx.Response,
) -> None:
    """Validates a success body: ``warn`` logs one warning listing the violations, ``strict``
    raises :class:`.errors.ResponseValidationException`. No rule for the status: nothing to check."""
    if rule is None:
        return
    violations = validate(data, rule, schemas)
    if not violations:
        return
    listed = ", ".join(f"{v.path} ({v.rule})" for v in violations)
    message = f"{operation_id}: HTTP {response.status_code} response does not match the spec: {listed}"
    if mode == "warn":
        log.warning("%s", message)
        return
    raise ResponseValidationException(message, violations, data, response)


def _check(
    value: object, rule: Rule, schemas: Mapping[str, Rule], path: str, out: List[Violation], extras: bool
) -> None:
    if len(out) >= MAX_VIOLATIONS:
        return

    def fail(name: str, at: str = path) -> None:
        out.append(Violation(at, name))

    if value is None and (rule.get("nullable") is True or ("const" in rule and rule["const"] is None)):
        return
    ref = rule.get("$ref")
    # A `$ref` with constraints beside it (3.1): both apply.
    target = schemas.get(ref) if isinstance(ref, str) else None
    if target is not None:
        _check(value, target, schemas, path, out, extras)
    if "const" in rule and not _same(value, rule["const"]):
        return fail("const")
    choices = rule.get("enum")
    if isinstance(choices, list) and not any(_same(value, c) for c in choices):
        return fail("enum")
    kind = rule.get("type")
    if isinstance(kind, str) and not _has_type(value, kind):
        return fail(f"type {kind}")
    variants = rule.get("anyOf")
    if isinstance(variants, list):
        # The closest variant stands for the union (none: it passes): the fewest violations, one
        # of the value's own type first.
        best: Optional[List[Violation]] = None
        best_score = math.inf
        for variant in variants:
            found: List[Violation] = []
            _check(value, variant, schemas, path, found, extras)
            own_type = any(v.path == path and v.rule.startswith("type") for v in found)
            score = len(found) + (MAX_VIOLATIONS if own_type else 0)
            if score < best_score:
                best, best_score = found, score
            if score == 0:
                break
        out.extend(best or [])
    parts = rule.get("allOf")
    if isinstance(parts, list):
        # Each part sees its own properties only: undeclared fields are judged against all parts.
        for part in parts:
            _check(value, part, schemas, path, out, False)
        if extras and isinstance(value, dict):
            known = _declared(rule, schemas, set())
            if known is not None:
                for name in value:
                    if name not in known:
                        fail("additionalProperties", path + _key(name))
    if isinstance(value, str):
        length = len(value)
        if length < _num(rule, "minLength", 0):
            fail("minLength")
        if length > _num(rule, "maxLength", math.inf):
            fail("maxLength")
        pattern = rule.get("pattern")
        if isinstance(pattern, str) and _compiled(pattern).search(value) is None:
            fail("pattern")
        fmt = rule.get("format")
        checker = _FORMATS.get(fmt) if isinstance(fmt, str) else None
        if checker is not None and checker.match(value) is None:
            fail(f"format {fmt}")
    elif _is_number(value):
        number = float(value)  # type: ignore[arg-type]
        if number < _num(rule, "minimum", -math.inf):
            fail("minimum")
        if number > _num(rule, "maximum", math.inf):
            fail("maximum")
        if number <= _num(rule, "exclusiveMinimum", -math.inf):
            fail("exclusiveMinimum")
        if number >= _num(rule, "exclusiveMaximum", math.inf):
            fail("exclusiveMaximum")
        step = rule.get("multipleOf")
        if _is_number(step) and abs(number / float(step) - round(number / float(step))) > 1e-9:  # type: ignore[arg-type]
            fail("multipleOf")
        if rule.get("format") == "int32" and not -(2**31) <= number < 2**31:
            fail("format int32")
    elif isinstance(value, list):
        if len(value) < _num(rule, "minItems", 0):
            fail("minItems")
        if len(value) > _num(rule, "maxItems", math.inf):
            fail("maxItems")
        if rule.get("uniqueItems") is True and len({_canonical(v) for v in value}) < len(value):
            fail("uniqueItems")
        items = rule.get("items")
        if isinstance(items, Mapping):
            for i, item in enumerate(value):
                _check(item, items, schemas, f"{path}[{i}]", out, True)
    elif isinstance(value, dict):
        if len(value) < _num(rule, "minProperties", 0):
            fail("minProperties")
        if len(value) > _num(rule, "maxProperties", math.inf):
            fail("maxProperties")
        required = rule.get("required")
        for name in required if isinstance(required, list) else []:
            if name not in value:
                fail("required", path + _key(name))
        props = rule.get("properties")
        declared: Mapping[str, Rule] = props if isinstance(props, Mapping) else {}
        extra = rule.get("additionalProperties")
        for name, item in value.items():
            at = path + _key(name)
            own = declared.get(name)
            if own is not None:
                _check(item, own, schemas, at, out, True)
            elif isinstance(extra, Mapping):
                _check(item, extra, schemas, at, out, True)
            elif extra is None and extras and kind == "object":
                fail("additionalProperties", at)


def _declared(rule: Rule, schemas: Mapping[str, Rule], seen: Set[int]) -> Optional[Set[str]]:
    """The property names an ``allOf`` declares across its parts; ``None`` when a part allows any."""
    if id(rule) in seen:
        return set()
    seen.add(id(rule))
    ref = rule.get("$ref")
    if isinstance(ref, str):
        target = schemas.get(ref)
        return None if target is None else _declared(target, schemas, seen)
    if rule.get("additionalProperties") is not None:
        return None
    props = rule.get("properties")
    names: Set[str] = set(props) if isinstance(props, Mapping) else set()
    for group in (rule.get("allOf"), rule.get("anyOf")):
        for part in group if isinstance(group, list) else []:
            more = _declared(part, schemas, seen)
            if more is None:
                return None
            names |= more
    return names


def _has_type(value: object, kind: str) -> bool:
    if kind == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if kind == "number":
        return _is_number(value) and math.isfinite(float(value))  # type: ignore[arg-type]
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    return True


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _same(a: object, b: object) -> bool:
    """JSON equality: ``1 == 1.0``, but ``True`` is not ``1``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


def _num(rule: Rule, key: str, default: float) -> float:
    value = rule.get(key)
    return float(value) if _is_number(value) else default  # type: ignore[arg-type]


def _compiled(pattern: str) -> re.Pattern[str]:
    found = _PATTERNS.get(pattern)
    if found is None:
        found = _PATTERNS[pattern] = re.compile(pattern)
    return found


def _key(name: str) -> str:
    """``.name``, or ``["a-b"]`` for a name that is not an identifier (as JavaScript would quote it)."""
    return f".{name}" if _IDENTIFIER.match(name) else f"[{json.dumps(name, ensure_ascii=False)}]"


def _canonical(value: object) -> str:
    """A value's JSON with object keys sorted, so ``uniqueItems`` compares by value."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


__all__ = ["MAX_VIOLATIONS", "Rule", "check_response", "validate"]
