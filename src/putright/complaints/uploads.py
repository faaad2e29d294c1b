"""Files people upload are safe to keep and to open (security review, finding 14).

The type is decided by the content, never by the name or the client's claim: `filetype` reads
the magic numbers of binary formats; text is accepted as plain text (or an e-mail) only when it
is UTF-8, has no NUL byte and does not look like markup a browser would run (HTML, SVG, XML).
Word documents and other zip-based formats are opened and refused when they would unpack to more
than `PUTRIGHT_MAX_UNPACKED_BYTES` or hold too many parts. Files are stored under random names
with the extension of the type found. They are served only through authorised views, as
downloads with that type (see `response`)."""

from __future__ import annotations

import re
import uuid
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import FileResponse, HttpResponse, JsonResponse

from putright.errors import InvalidInput

SNIFF_BYTES = 8192
MAX_ZIP_MEMBERS = 2000
ZIP_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "text/plain": ".txt",
    "message/rfc822": ".eml",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}
MARKUP = re.compile(rb"^\s*(<\?xml|<!doctype|<html|<svg|<script|<body|<head|<iframe)", re.I)
EMAIL_HEADER = re.compile(
    rb"^(Received|From|To|Subject|Date|Message-ID|Return-Path|MIME-Version):", re.I
)


@dataclass(frozen=True)
class Checked:
    content_type: str
    extension: str


def _head(uploaded_file) -> bytes:
    uploaded_file.seek(0)
    head = uploaded_file.read(SNIFF_BYTES)
    uploaded_file.seek(0)
    return head


def sniff(uploaded_file) -> str | None:
    """The type the content says it is, or None."""
    head = _head(uploaded_file)
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    if b"\x00" in head or MARKUP.match(head):
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the end of the sample
            return None
    return "message/rfc822" if EMAIL_HEADER.match(head) else "text/plain"


def _check_archive(uploaded_file) -> None:
    uploaded_file.seek(0)
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise InvalidInput({"file": "The document is damaged and cannot be opened."}) from None
    finally:
        uploaded_file.seek(0)
    limit = settings.PUTRIGHT_MAX_UNPACKED_BYTES
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > limit:
        raise InvalidInput(
            {"file": f"The document would unpack to more than {limit // (1024 * 1024)} MB."}
        )


def check(uploaded_file) -> Checked:
    """Refuse what is not an allowed type by its content; the type and extension to keep."""
    content_type = sniff(uploaded_file)
    allowed = settings.PUTRIGHT_ATTACHMENT_TYPES
    if content_type not in allowed or content_type not in EXTENSIONS:
        raise InvalidInput(
            {"file": "The file must be a PDF, image, Word document, e-mail or plain text."}
        )
    if content_type in ZIP_TYPES:
        _check_archive(uploaded_file)
    return Checked(content_type, EXTENSIONS[content_type])


def stored_name(extension: str) -> str:
    """A random name: nothing the uploader chose reaches the file system."""
    return f"{uuid.uuid4().hex}{extension}"


def response(attachment) -> FileResponse:
    """The file as a download, with the type its content was found to be: never rendered by
    the browser on our origin."""
    answer = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name
        or f"document{EXTENSIONS.get(attachment.content_type, '')}",
        content_type=attachment.content_type,
    )
    answer["X-Content-Type-Options"] = "nosniff"
    answer["Content-Security-Policy"] = "default-src 'none'; sandbox"
    answer["Cache-Control"] = "no-store"
    return answer


def _form_room() -> int:
    return settings.PUTRIGHT_MAX_ATTACHMENT_BYTES + 1024 * 1024  # the file and the form's fields


class UploadSizeMiddleware:
    """Refuse a request whose Content-Length is over the limit before its body is read: 413,
    in JSON for the API. (Place it before anything that reads the body, such as CSRF.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if request.method == "POST" and length > _form_room():
            limit = settings.PUTRIGHT_MAX_ATTACHMENT_BYTES // (1024 * 1024)
            message = f"The file must be smaller than {limit} MB."
            if request.path.startswith("/api/"):
                answer = JsonResponse({"file": [message]}, status=413)
            else:
                answer = HttpResponse(message, status=413, content_type="text/plain")
            answer["Connection"] = "close"
            return answer
        return self.get_response(request)


class SizeLimitUploadHandler(FileUploadHandler):
    """Stop reading an upload sent without a Content-Length (chunked) once it passes the limit;
    the view then says the file is too large."""

    def receive_data_chunk(self, raw_data, start):
        self.received = getattr(self, "received", 0) + len(raw_data)
        if self.received > settings.PUTRIGHT_MAX_ATTACHMENT_BYTES:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def refuse_if_too_large(request) -> None:
    if getattr(request, "upload_too_large", False):
        limit = settings.PUTRIGHT_MAX_ATTACHMENT_BYTES // (1024 * 1024)
        raise InvalidInput({"file": f"The file must be smaller than {limit} MB."})
