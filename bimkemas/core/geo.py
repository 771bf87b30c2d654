"""Distances on the earth's surface, for locations given in degrees (WGS 84, as phones give)."""

import math
from decimal import Decimal

EARTH_RADIUS_M = 6_371_008.8  # mean radius; the sphere is within 0.5 % of the ellipsoid

Degrees = Decimal | float


def distance_m(lat1: Degrees, lon1: Degrees, lat2: Degrees, lon2: Degrees) -> int:
    """Great-circle distance in whole metres (haversine)."""
    phi1, phi2 = math.radians(float(lat1)), math.radians(float(lat2))
    d_phi = phi2 - phi1
    d_lambda = math.radians(float(lon2) - float(lon1))
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return round(2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h))))
