"""`bimkemas link`: CSV in, CSV of matches out, clear errors, no database."""

import csv

import pytest
from django.core.management import CommandError, call_command

from bimkemas.linkage import matcher
from bimkemas.linkage.synthetic import generate

HEADER = "id,full_name,birth_date,birth_place,sex,nik,address\n"


def _write(path, table):
    rows = table.to_pylist()
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(matcher.IDENTITY_COLUMNS)
        for row in rows:
            writer.writerow(["" if row[c] is None else row[c] for c in matcher.IDENTITY_COLUMNS])


@pytest.fixture
def files(tmp_path):
    data = generate(200, 600, seed=4)
    _write(tmp_path / "clients.csv", data.clients)
    _write(tmp_path / "records.csv", data.records)
    return tmp_path, data


def test_it_writes_the_matches_and_prints_timings(files, capsys):
    folder, data = files
    out = folder / "matches.csv"
    call_command(
        "link",
        clients=folder / "clients.csv",
        records=folder / "records.csv",
        out=out,
        model=folder / "model.json",
    )
    with open(out, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    assert list(rows[0]) == ["client_id", "record_id", "match_probability"]
    assert all(float(r["match_probability"]) >= matcher.ALERT_THRESHOLD for r in rows)
    found = {(r["client_id"], r["record_id"]) for r in rows}
    assert len(found & data.true_pairs) / len(found) >= 0.95
    printed = capsys.readouterr()
    assert "matches at or above 0.99" in printed.out
    assert "prepare" in printed.out and "predict" in printed.out
    assert "using the default model" in printed.err  # 200 clients: too few to train on


def test_a_lower_threshold_gives_more_rows(files):
    folder, _ = files
    counts = []
    for threshold in ("0.99", "0"):  # 0: every pair the blocking rules compare
        out = folder / f"m{threshold}.csv"
        call_command(
            "link",
            "--clients",
            str(folder / "clients.csv"),
            "--records",
            str(folder / "records.csv"),
            "--out",
            str(out),
            "--threshold",
            threshold,
            "--model",
            str(folder / "model.json"),
        )
        counts.append(len(out.read_text().splitlines()))
    assert counts[1] > counts[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,name,birth_date\n1,A,1980-01-01\n", "expected id,full_name"),
        (HEADER + "1,Budi,05/03/1980,,,,\n", "line 2: birth_date '05/03/1980' is not a date"),
        (HEADER + "1,Budi,,,,,\n1,Agus,,,,,\n", "line 3: id '1' appears twice"),
        (HEADER + ",Budi,,,,,\n", "line 2: empty id"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, content, message):
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "1,Budi,1980-01-01,,,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command(
            "link", clients=bad, records=good, out=tmp_path / "out.csv", model=tmp_path / "m"
        )


def test_a_file_not_in_utf8_is_refused(tmp_path):
    bad = tmp_path / "latin1.csv"
    bad.write_bytes((HEADER + "1,Budi Süryadi,1980-01-01,,,,\n").encode("latin-1"))
    with pytest.raises(CommandError, match=r"not UTF-8 \(line 2"):
        call_command("link", clients=bad, records=bad, out=tmp_path / "out.csv")


def test_a_missing_file_and_a_bad_threshold(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command(
            "link", clients=tmp_path / "no.csv", records=tmp_path / "no.csv", out=tmp_path / "o"
        )
    with pytest.raises(CommandError, match="between 0 and 1"):
        call_command("link", "--threshold", "2", clients="a", records="b", out="c")
