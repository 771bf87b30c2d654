"""Building office templates for the tests: the default one, edited like an author would."""

import io
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from bimkemas.documents.render import default_template_path


def edited_default(kind: str, old: str, new: str) -> bytes:
    """The default DOCX of `kind` with one piece of its document.xml replaced."""
    source = Path(default_template_path(kind)).read_bytes()
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as before, zipfile.ZipFile(output, "w") as after:
        for item in before.infolist():
            data = before.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode()
                assert old in text, old
                data = text.replace(old, new, 1).encode()
            after.writestr(item, data)
    return output.getvalue()


def upload(data: bytes, name: str = "template.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name,
        data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
