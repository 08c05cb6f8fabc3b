"""Nuxt 3 data: whether a JSON array is a devalue payload (a flat array of values that refer to each other by
index), and the value it stands for.
"""

from __future__ import annotations

from typing import Any

from cleaners.hydration.strings import _names

_DEVALUE_WRAPPERS = _names(
    "Reactive ShallowReactive Ref ShallowRef EmptyRef EmptyShallowRef NuxtError Island Set Map Object"
)
_DEVALUE_SCALARS = _names("Date RegExp BigInt URL URLSearchParams")


def _is_devalue(value: object) -> bool:
    """Whether a JSON array is a Nuxt 3 payload: devalue's flat array, whose first item is the root."""
    if not isinstance(value, list) or not value:
        return False
    root = value[0]
    if isinstance(root, list):
        return len(root) == 2 and isinstance(root[0], str) and root[0] in _DEVALUE_WRAPPERS and type(root[1]) is int
    return isinstance(root, dict) and bool(root) and all(type(v) is int for v in root.values())


def _revived(flat: list[Any]) -> object:
    """The value a devalue flat array stands for: objects and arrays hold indices into the array, and arrays
    that begin with a name (``["Reactive", 1]``, ``["Set", 2, 3]``) wrap other values. Built in two passes,
    without recursion; values referred to twice are shared (the walk visits them once)."""
    made: list[Any] = [{} if isinstance(v, dict) else [] if isinstance(v, list) else v for v in flat]

    def ref(index: object) -> object:
        return made[index] if type(index) is int and 0 <= index < len(made) else None

    for value, target in zip(flat, made, strict=True):
        if isinstance(value, dict):
            target.update((key, ref(index)) for key, index in value.items())
        elif isinstance(value, list):
            name = value[0] if value and isinstance(value[0], str) else None
            if name is None:
                target.extend(ref(index) for index in value)
            elif name == "null":  # an object without prototype: ["null", key, index, key, index ...]
                target.extend(ref(index) for index in value[2::2])
            elif name not in _DEVALUE_SCALARS:
                target.extend(ref(index) for index in value[1:])
    return made[0]
