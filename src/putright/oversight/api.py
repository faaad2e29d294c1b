"""API views: thin wrappers over the selectors."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from putright.errors import InvalidInput
from putright.oversight import selectors, tables, tenure
from putright.oversight.periods import parse_period, parse_year
from putright.oversight.permissions import ReadsOversight

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _homes(value):
    if value in (None, ""):
        return None
    try:
        homes = int(value)
    except ValueError:
        raise InvalidInput({"homes": "Give the number of homes as a whole number."}) from None
    if homes < 1:
        raise InvalidInput({"homes": "The number of homes must be 1 or more."})
    return homes


def _export(request, tables_by_name: dict, stem: str):
    """?format=csv&table=NAME or ?format=xlsx; None for JSON."""
    fmt = request.query_params.get("export")
    if fmt is None:
        return None
    if fmt == "xlsx":
        response = HttpResponse(tables.as_xlsx(tables_by_name), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
        return response
    if fmt == "csv":
        name = request.query_params.get("table") or next(iter(tables_by_name))
        if name not in tables_by_name:
            raise InvalidInput({"table": f"Choose one of: {', '.join(tables_by_name)}."})
        response = HttpResponse(tables.as_csv(tables_by_name[name]), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{stem}-{name}.csv"'
        return response
    raise InvalidInput({"export": "Choose csv or xlsx."})


EXPORT_PARAMETERS = [
    OpenApiParameter("export", str, enum=["csv", "xlsx"], description="Download the tables."),
    OpenApiParameter("table", str, description="With export=csv: which table."),
]


class TsmView(APIView):
    """TSM CH01 and CH02 for a reporting year (1 April to 31 March), with each per tenure
    (`by_tenure`: LCRA and LCHO) and TP09 per tenure (`tp09`)."""

    permission_classes = [ReadsOversight]

    @extend_schema(
        parameters=[
            OpenApiParameter("year", int, required=True, description="2025 = April 2025 on."),
            OpenApiParameter("homes", int, description="Overrides the homes owned setting."),
            *EXPORT_PARAMETERS,
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        year = parse_year(request.query_params.get("year"))
        figures = tenure.tsm_with_tenure(year, homes=_homes(request.query_params.get("homes")))
        exported = _export(request, {"tsm": tables.tsm_table(figures)}, f"tsm-{year}")
        return exported or Response(figures)


class SummaryView(APIView):
    """The oversight figures for a period (from and to inclusive, YYYY-MM-DD)."""

    permission_classes = [ReadsOversight]

    @extend_schema(
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATE),
            OpenApiParameter("to", OpenApiTypes.DATE),
            OpenApiParameter("year", int, description="A reporting year, instead of from/to."),
            *EXPORT_PARAMETERS,
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        params = request.query_params
        if params.get("year") and not (params.get("from") or params.get("to")):
            from putright.oversight.periods import reporting_year

            period = reporting_year(parse_year(params["year"]))
        else:
            period = parse_period(params.get("from"), params.get("to"))
        figures = selectors.summary(period)
        stem = f"summary-{period.start}-{period.end}"
        exported = _export(request, tables.summary_tables(figures), stem)
        return exported or Response(figures)
