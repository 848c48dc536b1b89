"""Public pages and files of a movement: no login, only published data (selectors.py), the
licence named on the page and in every file."""

import csv
import io

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from opendata import selectors

DATASETS = {
    "chi-tieu": "targets",
    "xep-hang": "rankings",
    "khen-thuong": "awards",
}


def _data(movement, dataset: str) -> list[dict]:
    return selectors.dataset_rows(movement, dataset)


@require_GET
def movement_list(request):
    return render(
        request,
        "opendata/movement_list.html",
        {"movements": selectors.public_movements(), "licence": selectors.licence()},
    )


@require_GET
def movement_page(request, pk):
    movement = selectors.public_movement(pk)
    today = timezone.localdate()
    return render(
        request,
        "opendata/movement.html",
        {
            "movement": movement,
            "plans": selectors.movement_targets(movement=movement, as_of=today),
            "rankings": selectors.movement_rankings(movement=movement),
            "awards": list(selectors.movement_awards(movement=movement)),
            "datasets": DATASETS,
            "licence": selectors.licence(),
            "today": today,
        },
    )


def _dataset(slug: str) -> str:
    if slug not in DATASETS:
        raise Http404
    return DATASETS[slug]


@require_GET
def dataset_csv(request, pk, dataset):
    movement = selectors.public_movement(pk)
    rows = _data(movement, _dataset(dataset))
    buffer = io.StringIO()
    # A BOM so that Excel reads the Vietnamese letters as UTF-8.
    buffer.write("\ufeff")
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="phong-trao-{movement.pk}-{dataset}.csv"'
    response["Link"] = f'<{selectors.licence()["url"]}>; rel="license"'
    return response


@require_GET
def dataset_json(request, pk, dataset):
    movement = selectors.public_movement(pk)
    payload = {
        "movement": {"id": movement.pk, "name": movement.name},
        "dataset": dataset,
        "licence": selectors.licence(),
        "generated_on": timezone.localdate().isoformat(),
        "rows": _data(movement, _dataset(dataset)),
    }
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
