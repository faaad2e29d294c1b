"""A self-assessment form uploaded on the web or through the API: checked, written to a
temporary file with its own suffix and read by `importers.parse_form`, exactly as the command
reads a file on disk."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings

from putright.selfassessment.form_cells import ImportedForm, Unreadable
from putright.selfassessment.importers import parse_form

SUFFIXES = (".docx", ".xlsx", ".csv", ".txt", ".tsv")


def read_upload(name: str, content: bytes, *, code: str | None = None) -> ImportedForm:
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        return ImportedForm(
            code=code, problems=[Unreadable(f"{name}: give a DOCX, XLSX, CSV or text file.")]
        )
    if suffix in (".docx", ".xlsx"):
        refused = _unpacks_too_far(name, content)
        if refused:
            return ImportedForm(code=code, problems=[Unreadable(refused)])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(content)
        form = parse_form(path, code=code)
    # Problems name the temporary file where a file name is given: name the upload instead.
    form.problems = [
        type(problem)(str(problem).replace(path.name, name)) for problem in form.problems
    ]
    return form


def _unpacks_too_far(name: str, content: bytes) -> str:
    """DOCX and XLSX are zips: one that would unpack to more than uploads allow is refused
    before it is opened (a zip bomb)."""
    limit = settings.PUTRIGHT_MAX_UNPACKED_BYTES
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        return f"{name}: not a DOCX or XLSX file that can be opened."
    if len(members) > 2000 or sum(m.file_size for m in members) > limit:
        return f"{name}: the file would unpack to more than {limit:,} bytes."
    return ""
