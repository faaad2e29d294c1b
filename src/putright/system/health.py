"""`/healthz/`: for a load balancer. 200 when this process can reach the database, 503 when it
cannot, so that traffic goes to a machine that can serve it. Says nothing else about the
installation, and is exempt from the HTTPS redirect so that a plain-HTTP probe works."""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
