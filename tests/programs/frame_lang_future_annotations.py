# from __future__ import annotations: annotations are kept as strings
from __future__ import annotations

import dataclasses
import typing


def scale(value: Vector, factor: float = 2.0) -> list[Vector]:
    return [value] * int(factor)


class Vector:
    x: int
    y: "int"
    label: str | None = None

    def norm(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5


@dataclasses.dataclass
class Point:
    x: int
    y: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)


print(scale.__annotations__)
print(Vector.__annotations__)
print(Vector.norm.__annotations__)
print(Point.__annotations__)
print([(f.name, f.type) for f in dataclasses.fields(Point)])
print(Point(1))
print(typing.get_type_hints(Vector.norm), typing.get_type_hints(scale))
x: dict[str, int] = {}
y: Undefined.Name
print(__annotations__)


def local_annotations():
    inner: SomethingUndefined = 5
    return inner


print(local_annotations(), local_annotations.__annotations__)
print(scale.__code__.co_flags & 0x1000000 != 0)
