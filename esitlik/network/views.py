"""The network pages: authorise (``access``), read (``figures``, ``exports``), respond."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from esitlik.network import exports
from esitlik.network.access import access_network, access_network_member, networks_of
from esitlik.network.charts import indicator_chart
from esitlik.network.figures import compare

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def network_list(request):
    return render(request, "network/list.html", {"networks": networks_of(request.user)})


@login_required
def network_compare(request, network):
    network = access_network(request, network)
    comparison = compare(network)
    rows = [
        {
            "indicator": indicator,
            "figures": figures,
            "chart": indicator_chart(indicator, comparison, figures),
        }
        for indicator, figures in comparison.rows()
    ]
    return render(
        request,
        "network/compare.html",
        {"network": network, "comparison": comparison, "rows": rows},
    )


@login_required
def network_csv(request, network):
    network = access_network(request, network)
    content = exports.to_csv(
        exports.comparison_headers(), exports.comparison_rows(compare(network))
    )
    return _download(content, "text/csv; charset=utf-8", f"{network.slug}-comparison.csv")


@login_required
def network_xlsx(request, network):
    network = access_network(request, network)
    return _download(
        exports.comparison_xlsx(compare(network)), XLSX, f"{network.slug}-comparison.xlsx"
    )


def _observatory(request, network, municipality):
    network = access_network(request, network)
    municipality = access_network_member(network, municipality)
    data = exports.observatory(municipality)
    if data is None:
        raise Http404
    return municipality, data


@login_required
def observatory_json(request, network, municipality):
    municipality, data = _observatory(request, network, municipality)
    content = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    return _download(content, "application/json", f"{municipality.slug}-charter-plan.json")


@login_required
def observatory_xlsx(request, network, municipality):
    municipality, data = _observatory(request, network, municipality)
    return _download(exports.observatory_xlsx(data), XLSX, f"{municipality.slug}-charter-plan.xlsx")
