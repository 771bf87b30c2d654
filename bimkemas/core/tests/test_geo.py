from hypothesis import given
from hypothesis import strategies as st

from bimkemas.core.geo import distance_m

latitudes = st.floats(min_value=-90, max_value=90)
longitudes = st.floats(min_value=-180, max_value=180)


def test_a_degree_of_latitude_is_about_111_km():
    assert distance_m(0, 104, 1, 104) == 111_195


def test_it_measures_palembang_to_jakarta():
    # Benteng Kuto Besak to Monas: about 426 km as the crow flies.
    assert 420_000 < distance_m(-2.9917, 104.7603, -6.1754, 106.8272) < 432_000


@given(latitudes, longitudes, latitudes, longitudes)
def test_it_is_symmetric_and_never_beyond_half_the_earth(lat1, lon1, lat2, lon2):
    there = distance_m(lat1, lon1, lat2, lon2)
    assert there == distance_m(lat2, lon2, lat1, lon1)
    assert 0 <= there <= 20_015_115
    assert distance_m(lat1, lon1, lat1, lon1) == 0
