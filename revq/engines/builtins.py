"""An engine's own SQL functions, called by their name from Ibis expressions (functions Ibis
has no operation for, or whose arguments Ibis's operation fixes)."""

from __future__ import annotations

from collections.abc import Callable

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir


def builtin(name: str, *types: dt.DataType) -> Callable[..., ir.Value]:
    """The engine's function `name` (with up to three arguments): `types` are the arguments'
    types, then the result's."""

    def none() -> None:  # pragma: no cover - a signature only
        """An engine's own function."""

    def one(a: object) -> None:  # pragma: no cover - a signature only
        """An engine's own function."""

    def two(a: object, b: object) -> None:  # pragma: no cover - a signature only
        """An engine's own function."""

    def three(a: object, b: object, c: object) -> None:  # pragma: no cover - a signature only
        """An engine's own function."""

    fn = {1: none, 2: one, 3: two, 4: three}[len(types)]
    built: Callable[..., ir.Value] = ibis.udf.scalar.builtin(
        fn, name=name, signature=(types[:-1], types[-1])
    )
    return built
