"""Synthetic Indonesian identities: reproducible, with the truth, realistically corrupted."""

import datetime as dt
import random

from bimkemas.clients.identity import name_key
from bimkemas.linkage.synthetic import IDENTITY_COLUMNS, alter_identity, generate


def test_same_seed_same_data_and_the_truth_is_about_five_percent():
    one, two = generate(500, 4000, seed=5), generate(500, 4000, seed=5)
    assert one.records.to_pylist() == two.records.to_pylist()
    assert one.clients.num_rows == 500
    assert one.records.num_rows == 4000
    assert len(one.true_pairs) == 200  # 5% of the records are clients again
    assert set(IDENTITY_COLUMNS) <= set(one.records.column_names)
    assert generate(500, 4000, seed=6).records.to_pylist() != one.records.to_pylist()


def test_the_truth_pairs_point_at_the_same_person():
    data = generate(300, 2000, seed=1)
    clients = {r["id"]: r for r in data.clients.to_pylist()}
    records = {r["id"]: r for r in data.records.to_pylist()}
    for client_id, record_id in data.true_pairs:
        assert clients[client_id]["person_id"] == records[record_id]["person_id"]


def test_niks_are_unique_and_carry_the_birth_date():
    clients = generate(2000, 100, seed=2).clients.to_pylist()
    niks = [c["nik"] for c in clients]
    assert len(set(niks)) == len(niks)
    for client in clients[:50]:
        day = int(client["nik"][6:8]) - (40 if client["sex"] == "P" else 0)
        assert day == client["birth_date"].day
        assert client["nik"][10:12] == f"{client['birth_date'].year % 100:02d}"


def test_records_are_corrupted_like_real_registers():
    data = generate(3000, 30000, seed=3)
    clients = {r["id"]: r for r in data.clients.to_pylist()}
    records = {r["id"]: r for r in data.records.to_pylist()}
    pairs = [(clients[c], records[r]) for c, r in data.true_pairs]
    same_name = sum(c["full_name"] == r["full_name"] for c, r in pairs)
    same_key = sum(name_key(c["full_name"]) == name_key(r["full_name"]) for c, r in pairs)
    no_nik = sum(not r["nik"] for _, r in pairs)
    other_date = sum(r["birth_date"] != c["birth_date"] for c, r in pairs)
    assert 0.3 < same_name / len(pairs) < 0.7  # often written differently …
    assert same_key > same_name  # … and the normaliser undoes part of it
    assert 0.25 < no_nik / len(pairs) < 0.5
    assert 0.05 < other_date / len(pairs) < 0.3
    # other people bearing a client's name
    client_names = {c["full_name"] for c in clients.values()}
    true_records = {r for _, r in data.true_pairs}
    namesakes = [
        r
        for rid, r in records.items()
        if rid not in true_records and r["full_name"] in client_names
    ]
    assert len(namesakes) > 0.02 * len(records)


def test_alter_identity_always_changes_the_name_and_keeps_the_person():
    rng = random.Random(1)
    person = {
        "id": "c1",
        "full_name": "Muhammad Joko Susilo",
        "birth_date": dt.date(1980, 3, 5),
        "birth_place": "Palembang",
        "sex": "L",
        "nik": "1671010503800001",
        "address": "Jl. Merdeka No. 5, Ilir Timur, Palembang",
    }
    for _ in range(50):
        altered = alter_identity(person, rng)
        assert altered["full_name"] != person["full_name"]
        assert altered["sex"] == "L"
        assert (
            altered["birth_date"]
            in (
                None,
                dt.date(1980, 3, 5),
                dt.date(1980, 5, 3),
            )
            or abs((altered["birth_date"] - person["birth_date"]).days) <= 3660
        )
    # ISO strings are accepted too
    assert alter_identity({**person, "birth_date": "1980-03-05"}, rng)["full_name"]
