"""An officer's day route: the day's visits ordered into a short open route from the office.

Distances are great-circle (haversine, `core.geo`) in whole metres between the office (the
depot) and the clients' recorded homes; the route is open — it ends at the last visit, so
the way back to the office costs nothing. OR-Tools' routing solver builds a first route
with PATH_CHEAPEST_ARC and improves it with GUIDED_LOCAL_SEARCH for a time limit that grows
with the number of stops (GLS always runs to its limit); the tests check it against every
ordering of small days (`brute_force`). Visits
whose client has no recorded home come after the route, in their given order. Travel time
is an estimate at `SPEED_KMH` (local roads), stated on the page.
"""

import hashlib
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bimkemas.core.geo import distance_m

SPEED_KMH = 30
CACHE_SECONDS = 6 * 3600
Point = tuple[Decimal | float, Decimal | float]


@dataclass(frozen=True)
class Stop:
    item: Any  # what the caller routes (a HomeVisit)
    point: Point | None  # (latitude, longitude), None when unknown
    leg_m: int | None = None  # from the previous stop (the office for the first)

    @property
    def leg_km(self) -> float:
        return round((self.leg_m or 0) / 1000, 1)


@dataclass(frozen=True)
class Route:
    stops: list[Stop]  # in visiting order
    unlocated: list[Any] = field(default_factory=list)  # no location recorded
    total_m: int = 0

    @property
    def total_km(self) -> float:
        return round(self.total_m / 1000, 1)

    @property
    def minutes(self) -> int:
        """Estimated driving time at SPEED_KMH, rounded up to whole minutes."""
        return math.ceil(self.total_m / 1000 / SPEED_KMH * 60)


def distance_matrix(depot: Point, points: Sequence[Point]) -> list[list[int]]:
    """Node 0 is the depot. Arcs back to the depot cost 0 (an open route)."""
    nodes = [depot, *points]
    return [
        [0 if j == 0 or i == j else distance_m(*nodes[i], *nodes[j]) for j in range(len(nodes))]
        for i in range(len(nodes))
    ]


def path_length(matrix: list[list[int]], order: Sequence[int]) -> int:
    """Length of depot → order[0] → … (node numbers of `matrix`)."""
    total, previous = 0, 0
    for node in order:
        total += matrix[previous][node]
        previous = node
    return total


def brute_force(matrix: list[list[int]]) -> tuple[int, list[int]]:
    """The optimum open path over every ordering (small n only)."""
    nodes = range(1, len(matrix))
    best = min(itertools.permutations(nodes), key=lambda order: path_length(matrix, order))
    return path_length(matrix, best), list(best)


def time_limit_s(n: int) -> float:
    """About one second, less for a handful of stops, a little more for a long day."""
    return min(1.8, max(0.2, 0.1 * n))


def solve(matrix: list[list[int]]) -> list[int]:
    """Node order (without the depot) of a short open path through every node."""
    n = len(matrix) - 1
    if n <= 1:
        return list(range(1, n + 1))
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    manager = pywrapcp.RoutingIndexManager(len(matrix), 1, 0)
    routing = pywrapcp.RoutingModel(manager)

    def cost(from_index: int, to_index: int) -> int:
        return matrix[manager.IndexToNode(from_index)][manager.IndexToNode(to_index)]

    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitCallback(cost))
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    )
    params.time_limit.FromMilliseconds(int(time_limit_s(n) * 1000))
    solution = routing.SolveWithParameters(params)
    if solution is None:  # cannot happen without constraints; keep the given order
        return list(range(1, n + 1))
    order, index = [], solution.Value(routing.NextVar(routing.Start(0)))
    while not routing.IsEnd(index):
        order.append(manager.IndexToNode(index))
        index = solution.Value(routing.NextVar(index))
    return order


def cached_solve(matrix: list[list[int]]) -> list[int]:
    """`solve`, remembered for a while per distance matrix: reloading the day plan neither
    waits for the solver again nor reshuffles an equally short route."""
    from django.core.cache import cache

    key = "visits-route:" + hashlib.sha256(repr(matrix).encode()).hexdigest()
    order = cache.get(key)
    if order is None:
        order = solve(matrix)
        cache.set(key, order, CACHE_SECONDS)
    return order


def plan_route(
    depot: Point | None,
    items: Sequence[tuple[Any, Point | None]],
    solver: Callable[[list[list[int]]], list[int]] = solve,
) -> Route:
    """Order `items` — (thing, (lat, lon) or None) — into a route from `depot`. Without a
    depot the route starts at the first located stop (the office's location is unknown)."""
    located = [(item, point) for item, point in items if point is not None]
    unlocated = [item for item, point in items if point is None]
    if not located:
        return Route([], unlocated, 0)
    points = [point for _item, point in located]
    start = depot
    if start is None:
        # No office location: start anywhere, as if the depot were at every point at once.
        matrix = distance_matrix(points[0], points)
        for j in range(1, len(matrix)):
            matrix[0][j] = 0
    else:
        matrix = distance_matrix(start, points)
    order = solver(matrix)
    stops, previous, total = [], 0, 0
    for node in order:
        leg = matrix[previous][node]
        total += leg
        stops.append(Stop(located[node - 1][0], located[node - 1][1], leg))
        previous = node
    return Route(stops, unlocated, total)
