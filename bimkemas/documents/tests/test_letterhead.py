"""The letterhead (kop surat): an office's saved lines, each empty one replaced by a default
built from the office."""

from bimkemas.accounts.models import Office
from bimkemas.documents.models import OfficeLetterhead, letterhead_for


def test_an_office_without_letterhead_gets_defaults_from_itself(other_office):
    letterhead = letterhead_for(other_office)
    assert letterhead.ministry_lines == (
        "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
    )
    assert letterhead.regional_office == (
        "KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN SUMATERA SELATAN"
    )
    assert letterhead.office_line == "BALAI PEMASYARAKATAN KELAS II OKU"
    assert letterhead.city == "OKU"


def test_an_office_of_an_unknown_province_gets_the_plain_regional_line(db):
    name = "Bapas Kelas II Antah Berantah"
    office = Office.objects.create(code="x", name=name, office_class="II")
    assert letterhead_for(office).regional_office == (
        "KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN"
    )


def test_saved_lines_win_and_empty_ones_fall_back(office):
    office.phone = "0711-1"
    office.save()
    OfficeLetterhead.objects.create(
        office=office,
        ministry="KEMENTERIAN A\n\nDIREKTORAT JENDERAL B",
        city="Kota Palembang",
    )
    letterhead = letterhead_for(office)
    assert letterhead.ministry_lines == ("KEMENTERIAN A", "DIREKTORAT JENDERAL B")
    assert letterhead.city == "Kota Palembang"
    assert letterhead.phone == "0711-1"
    assert letterhead.contact == "Telp. 0711-1"
