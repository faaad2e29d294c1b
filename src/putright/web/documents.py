"""Opening the documents on a case: staff from the case page, the resident (through their
tracking link) the documents they supplied. Always as a download with the type the content was
found to be (complaints.uploads.response), never rendered on our origin."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from putright.complaints.models import Attachment
from putright.complaints.uploads import response
from putright.web.tracking import token_view


@login_required
def attachment_download(request, reference, pk):
    # Every signed-in staff role reads cases, governance included; the file is part of the case.
    attachment = get_object_or_404(Attachment, pk=pk, complaint__reference=reference)
    return response(attachment)


@token_view
def track_document(request, token, complaint, pk):
    attachment = get_object_or_404(Attachment, pk=pk, complaint=complaint, source="resident")
    return response(attachment)
