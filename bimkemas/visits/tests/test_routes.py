"""The day route against brute force on small random sets, and the degenerate days."""

import random

import pytest

from bimkemas.visits.routes import (
    SPEED_KMH,
    brute_force,
    distance_matrix,
    path_length,
    plan_route,
    solve,
)

DEPOT = (-2.976, 104.745)


def random_points(rng: random.Random, n: int) -> list[tuple[float, float]]:
    return [(rng.uniform(-3.45, -2.85), rng.uniform(103.9, 104.9)) for _ in range(n)]


@pytest.mark.parametrize("seed", range(12))
def test_it_finds_the_optimum_of_small_days(seed):
    rng = random.Random(seed)
    points = random_points(rng, rng.randint(2, 7))
    matrix = distance_matrix(DEPOT, points)
    optimum, _order = brute_force(matrix)
    assert path_length(matrix, solve(matrix)) == optimum


def test_the_route_is_open_so_the_way_back_costs_nothing():
    matrix = distance_matrix(DEPOT, [(-2.9, 104.7), (-3.0, 104.8)])
    assert all(row[0] == 0 for row in matrix)
    assert matrix[1][2] == matrix[2][1] > 0


def test_legs_add_up_to_the_total_and_time_is_at_30_kmh():
    items = [("a", (-2.99, 104.76)), ("b", (-3.43, 104.23)), ("c", (-2.88, 104.38))]
    route = plan_route(DEPOT, items)
    assert sorted(stop.item for stop in route.stops) == ["a", "b", "c"]
    assert sum(stop.leg_m for stop in route.stops) == route.total_m
    assert route.minutes == pytest.approx(route.total_m / 1000 / SPEED_KMH * 60, abs=1)
    assert route.stops[0].item == "a"  # the nearest to the office first


def test_an_empty_day_is_an_empty_route():
    route = plan_route(DEPOT, [])
    assert route.stops == [] and route.unlocated == [] and route.total_m == 0


def test_one_visit_is_one_leg_from_the_office():
    route = plan_route(DEPOT, [("a", (-2.99, 104.76))])
    assert [stop.item for stop in route.stops] == ["a"]
    assert route.total_m == route.stops[0].leg_m > 0


def test_duplicate_points_cost_nothing_between_them():
    same = (-3.0, 104.8)
    route = plan_route(DEPOT, [("a", same), ("b", (-2.9, 104.6)), ("c", same)])
    items = [stop.item for stop in route.stops]
    assert abs(items.index("a") - items.index("c")) == 1
    legs = {stop.item: stop.leg_m for stop in route.stops}
    assert 0 in (legs["a"], legs["c"])


def test_visits_without_a_location_come_after_the_route():
    route = plan_route(DEPOT, [("a", None), ("b", (-2.99, 104.76)), ("c", None)])
    assert [stop.item for stop in route.stops] == ["b"]
    assert route.unlocated == ["a", "c"]
    only_unlocated = plan_route(DEPOT, [("a", None)])
    assert only_unlocated.stops == [] and only_unlocated.unlocated == ["a"]


def test_without_an_office_location_it_starts_at_a_visit():
    route = plan_route(None, [("a", (-2.99, 104.76)), ("b", (-2.98, 104.75))])
    assert route.stops[0].leg_m == 0
    assert route.total_m == route.stops[1].leg_m > 0


def test_a_day_solved_once_is_remembered(monkeypatch):
    from bimkemas.visits import routes

    calls = []
    real = routes.solve
    monkeypatch.setattr(routes, "solve", lambda matrix: calls.append(1) or real(matrix))
    items = [("a", (-2.91, 104.61)), ("b", (-3.01, 104.81)), ("c", (-2.95, 104.70))]
    first = plan_route(DEPOT, items, solver=routes.cached_solve)
    again = plan_route(DEPOT, items, solver=routes.cached_solve)
    assert [s.item for s in first.stops] == [s.item for s in again.stops]
    assert len(calls) == 1
