"""The matcher's name features on real Indonesian spelling cases, and its SQL normaliser
agreeing with the register's Python one (bimkemas.clients.identity.name_key)."""

import datetime as dt

import pytest

from bimkemas.clients.identity import name_key
from bimkemas.linkage.features import as_input_table, prepare, prepare_in_python
from bimkemas.linkage.names import (
    clean_nik,
    clean_sex,
    name_features,
    parse_birth_date,
    phonetic,
    place_key,
    swapped_date,
)
from bimkemas.linkage.synthetic import generate, old_spelling

# Spellings of one person that clients/tests/test_names.py does not already cover.
SAME_PERSON = [
    ("Soeharto", "Suharto"),
    ("Djoko Susilo", "Joko Susilo"),
    ("Tjahjono", "Cahyono"),
    ("Sjahrir", "Syahrir"),
    ("Moch. Sjahrir", "Muhammad Syahrir"),
    ("M. Tjahjono", "Mohammad Cahyono"),
    ("Mhd. Ridwan", "Muhammad Ridwan"),
    ("Ahmad Fauzi bin Alm. Ahmad", "Ahmad Fauzi"),
    ("Rudi Hartono als Ucok", "Rudi Hartono"),
    ("H. Ir. Soekarno", "Sukarno"),
    ("Drs. H. Bambang Soejatmiko, M.Si.", "Bambang Suyatmiko"),  # old j is today's y
    ("Siregar Hotman", "Hotman Siregar"),
    ("SLAMET", "Slamet"),
    ("Abd. Rachman", "Abdul Rahman"),
    ("Njoto Darmosoewito", "Nyoto Darmosuwito"),
    # nj is today's spelling too: only the old dj marks these
    ("Pandjaitan", "Panjaitan"),
    ("Sahat Tandjoeng", "Sahat Tanjung"),
    ("Soenjoto", "Sunyoto"),
]


@pytest.mark.parametrize(("written", "other"), SAME_PERSON)
def test_spellings_of_one_person_have_one_key(written, other):
    assert name_features(written).key == name_features(other).key


@pytest.mark.parametrize(
    ("one", "other"),
    [("Joko Susilo", "Yoko Susilo"), ("Slamet", "Slamet Riyadi"), ("Budi", "Budiman")],
)
def test_different_names_keep_different_keys(one, other):
    assert name_features(one).key != name_features(other).key


def test_the_features_of_a_name():
    features = name_features("H. Moch. Djoko Soetjipto bin Alm. Wiryo")
    assert features.key == "joko muhamad sucipto"
    assert features.written == "muhamad joko sucipto"
    assert (features.first, features.last) == ("muhamad", "sucipto")
    assert features.tokens == ("joko", "muhamad", "sucipto")


def test_a_single_name_has_no_last_word():
    features = name_features("Soekarno")
    assert (features.key, features.first, features.last) == ("sukarno", "sukarno", "")


def test_an_empty_name_has_empty_features():
    assert name_features("  ").key == ""
    assert name_features("").tokens == ()


def test_phonetic_key_merges_near_letters():
    assert phonetic("rizky") == phonetic("risky")
    assert phonetic("fauzi") == phonetic("pauzi")


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Soerabaja", "surabaya"),
        ("Kota Palembang", "palembang"),
        ("Kab. Muara Enim", "muara enim"),
        ("Jl. Merdeka No. 5, Ilir Timur", "merdeka 5 ilir timur"),
        ("JALAN MERDEKA NO 5, ILIR TIMUR", "merdeka 5 ilir timur"),
        ("Djakarta", "jakarta"),
        ("Bandjarmasin", "banjarmasin"),
        ("Banjarmasin", "banjarmasin"),
    ],
)
def test_place_keys(written, key):
    assert place_key(written) == key


def test_birth_dates_and_their_swap():
    assert parse_birth_date("1980-03-05") == dt.date(1980, 3, 5)
    assert parse_birth_date(dt.date(1980, 3, 5)) == dt.date(1980, 3, 5)
    assert parse_birth_date("") is None
    assert swapped_date(dt.date(1980, 3, 5)) == dt.date(1980, 5, 3)
    assert swapped_date(dt.date(1980, 3, 25)) is None  # no 25th month
    assert swapped_date(dt.date(1980, 4, 4)) is None  # the same date
    for bad in ("05-03-1980", "1980/03/05", "19800305", "1980-02-30"):
        with pytest.raises(ValueError):
            parse_birth_date(bad)


def test_nik_and_sex_cleaning():
    assert clean_nik("1671 0503 8000 0001") == "1671050380000001"
    assert clean_nik("12345") == ""
    assert [clean_sex(s) for s in ("L", "m", "Laki-laki", "P", "F", "perempuan", "?", None)] == [
        "L",
        "L",
        "L",
        "P",
        "P",
        "P",
        "",
        "",
    ]


def test_old_spelling_of_the_generator_is_undone_by_the_normaliser():
    for modern in ("Suharto", "Joko", "Cahyono", "Syahrir", "Yusuf", "Nyoman"):
        assert old_spelling(modern) != modern
        assert name_key(old_spelling(modern)) == name_key(modern)


def _row(i, name, place="Soerabaja", address="Kota Palembang"):
    return {
        "id": i,
        "full_name": name,
        "birth_date": "1980-01-02",
        "birth_place": place,
        "sex": "m",
        "nik": "1671 0102 8000 0001",
        "address": address,
    }


def test_the_sql_features_equal_the_python_ones_on_spelling_cases():
    names = [n for pair in SAME_PERSON for n in pair] + ["", ".,-", "H.", "Ucok als Andi"]
    table = prepare(as_input_table([_row(i, name) for i, name in enumerate(names)]))  # SQL
    for row, name in zip(table.to_pylist(), names, strict=True):
        features = name_features(name)
        assert (row["name_key"] or "") == features.key == name_key(name), name
        assert (row["name_written"] or "") == features.written, name
        assert (row["name_first"] or "") == features.first, name
        assert (row["name_last"] or "") == features.last, name
    first = table.to_pylist()[0]
    assert first["birth_place"] == "surabaya"
    assert first["address"] == "palembang"
    assert first["nik"] == "1671010280000001"
    assert first["sex"] == "L"
    assert (first["birth_date"], first["bd_swap"], first["bd_md"]) == (
        "1980-01-02",
        "1980-02-01",
        "01-02",
    )


def test_the_sql_features_equal_the_python_ones_on_generated_records():
    records = generate(300, 3000, seed=11).records
    prepared = prepare(records).to_pylist()
    for raw, row in zip(records.to_pylist(), prepared, strict=True):
        features = name_features(raw["full_name"])
        assert (row["name_key"] or "") == features.key, raw["full_name"]
        assert (row["name_written"] or "") == features.written, raw["full_name"]
        assert (row["birth_place"] or "") == place_key(raw["birth_place"] or "")
        assert (row["address"] or "") == place_key(raw["address"] or "")


def test_the_plain_python_features_equal_the_sql_ones():
    records = generate(100, 1000, seed=12).records
    rows = [*records.to_pylist(), _row(9999, "H. Ir. Soeharto bin Alm. Ahmad")]
    assert prepare_in_python(rows).to_pylist() == prepare(as_input_table(rows)).to_pylist()


def test_a_few_rows_are_prepared_in_python():
    assert (
        prepare([_row(1, "Budi")]).to_pylist() == prepare_in_python([_row(1, "Budi")]).to_pylist()
    )
