"""The contract between the `demo` app and the apps that contribute demo data.

A capability app adds demo data by defining `bimkemas/<app>/demo.py` with

    def generate(ctx: DemoContext) -> None: ...

`bimkemas demo-data` calls every such function, in INSTALLED_APPS order, after the offices,
staff, clients and cases exist, inside the same transaction. `office_ids` are the offices to
fill: Palembang and its two neighbours (not the generated national offices of --scale).
A generator draws only from `ctx.rng(name)` so a seed gives the same data, and writes with
bulk inserts.

`demo-data --reset` deletes the demo offices. An app whose records PROTECT offices, staff,
clients or cases adds `def remove(office_ids: list[int]) -> None` to its demo.py to delete
them first; the apps are asked highest layer first.
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class DemoContext:
    seed: int
    day: dt.date
    office_ids: list[int] = field(default_factory=list)
    log: Callable[[str], object] = print

    def rng(self, name: str) -> random.Random:
        """A generator of its own per contributor, so adding one never shifts another's data."""
        return random.Random(f"{self.seed}:{name}")  # noqa: S311 (demo data, not secrets)
