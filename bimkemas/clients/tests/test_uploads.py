"""Uploads are recognised by their first bytes, not their name, and kept within a size."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bimkemas.clients.uploads import check_upload
from bimkemas.core.errors import ApplicationError
from bimkemas.testing import PDF_BYTES, PNG_BYTES, pdf_upload, png_upload

JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def upload(name: str, content: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def refused(file, **kwargs) -> ApplicationError:
    with pytest.raises(ApplicationError) as caught:
        check_upload(file, **kwargs)
    return caught.value


def test_it_accepts_a_pdf():
    assert check_upload(pdf_upload()) == "application/pdf"


def test_it_accepts_a_png():
    assert check_upload(png_upload()) == "image/png"


def test_it_accepts_a_jpeg():
    assert check_upload(upload("foto.jpg", JPEG_BYTES, "image/jpeg")) == "image/jpeg"


def test_it_goes_by_content_not_name():
    assert check_upload(upload("scan.bin", PDF_BYTES, "application/octet-stream")) == (
        "application/pdf"
    )
    assert check_upload(upload("foto.pdf", PNG_BYTES)) == "image/png"


def test_it_leaves_the_file_at_its_start():
    file = pdf_upload()
    check_upload(file)
    assert file.read(5) == b"%PDF-"


def test_it_refuses_a_program_renamed_to_pdf():
    error = refused(upload("sk.pdf", EXE_BYTES), field="sk")
    assert error.field == "sk"
    assert error.errors["sk"][0]


def test_it_refuses_an_empty_file():
    assert refused(upload("sk.pdf", b"")).field == "file"


def test_it_refuses_a_file_over_the_limit(settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    big = upload("sk.pdf", PDF_BYTES + b"\x00" * (1024 * 1024))
    assert "1 MB" in refused(big).message


def test_it_accepts_a_file_exactly_at_the_limit(settings):
    settings.MAX_UPLOAD_BYTES = len(PDF_BYTES)
    assert check_upload(pdf_upload()) == "application/pdf"
