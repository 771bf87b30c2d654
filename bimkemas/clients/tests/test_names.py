"""Name keys: spellings of one Indonesian name match; different people's names do not."""

import pytest

from bimkemas.clients.identity import name_key, name_similarity
from bimkemas.clients.models import Client


@pytest.mark.parametrize(
    ("written", "other"),
    [
        ("Moh. Djoko Soetjipto", "Muhammad Joko Sucipto"),
        ("M. Joko Sucipto", "Muhammad Joko Sucipto"),
        ("Sucipto Joko Muhammad", "Muhammad Joko Sucipto"),
        ("H. Ahmad Fauzi, S.H.", "Ahmad Fauzi"),
        ("Siti Nurjanah binti Alm. Rasyid", "St. Nurjanah"),
        ("Andi Saputra als Tompel", "Andi Saputra"),
        ("Andi Saputra alias Tompel", "Andi Saputra"),
        ("Tjahjadi", "Cahyadi"),
        ("Njoman", "Nyoman"),
        ("Sjamsul", "Syamsul"),
        ("Achmad", "Ahmad"),
        ("Akhmad", "Ahmad"),
        ("Muhammad", "Muhamad"),
        ("Mochammad Soejono", "Muhammad Suyono"),
        ("Hasanuddin", "Hasanudin"),
        ("BUDI  SANTOSO", "budi santoso"),
        ("Hj. Siti Aminah", "Siti Aminah"),
    ],
)
def test_it_gives_spellings_of_one_name_the_same_key(written, other):
    assert name_key(written) == name_key(other)
    assert name_similarity(written, other) == 1.0


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Budi Santoso", "Budi Susanto"),
        ("Siti Aminah", "Siti Aminah Lubis"),
        ("Joko", "Yoga"),
        ("Andi Saputra", "Andi Saputri"),
    ],
)
def test_it_keeps_different_names_apart(one, other):
    assert name_key(one) != name_key(other)


def test_it_keys_a_single_name():
    assert name_key("Sukarno") == "sukarno"
    assert name_key("Soekarno") == "sukarno"


def test_it_keeps_a_title_that_is_the_whole_name():
    assert name_key("H.") == "h"


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", ".,-"])
def test_it_gives_an_empty_key_to_an_empty_name(blank):
    assert name_key(blank) == ""


def test_it_sorts_the_words_of_the_key():
    assert name_key("Sucipto Joko") == "joko sucipto"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Rizky Ramadhan", "Rizki Ramadhan"),
        ("Kurniawati", "Kurniawaty"),
        ("Yudi Santoso", "Rudi Santoso"),  # the changed letter moves the word in the key
        ("Ahmad Firmansyah", "Ahmad Firmansah"),
        ("Dewi Lestari", "Dewi Lestary"),
    ],
)
def test_it_finds_names_one_letter_apart_similar(one, other):
    assert len(name_key(one).replace(" ", "")) >= 10
    assert name_similarity(one, other) >= 0.85


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Budi Santoso", "Rahmat Hidayat"),
        ("Siti Aminah", "Dedi Kurniawan"),
        ("Sucipto", "Wahyuni"),
    ],
)
def test_it_finds_different_names_dissimilar(one, other):
    assert name_similarity(one, other) < 0.5


def test_it_stores_the_name_as_written_and_its_key(make_case):
    case = make_case(identity={"full_name": "  Moh.  Djoko   SOETJIPTO bin Wiryo "})
    client = Client.objects.get(pk=case.client_id)
    assert client.full_name == "Moh. Djoko SOETJIPTO bin Wiryo"
    assert client.name_key == name_key("Muhammad Joko Sucipto")
