from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from awards import selectors
from awards.certificates import Format, certificate_docx, certificate_filename
from awards.dossier import achievement_report_context
from awards.exports import registry_workbook
from awards.tasks import certificate_pdf_start, certificates_start
from core.params import YEAR_MAX, YEAR_MIN, parse_id, parse_int
from documents.award_documents import render_achievement_report
from documents.render import DocumentTemplateError
from jobs.views import job_started
from org.scope import user_scope

REGISTRY_PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _year(request) -> int:
    year = parse_int(request.GET.get("nam"), minimum=YEAR_MIN, maximum=YEAR_MAX)
    return year or timezone.localdate().year


@login_required
def catalogue(request):
    rows, salary = selectors.catalogue_rows(today=timezone.localdate())
    return render(
        request,
        "awards/catalogue.html",
        {"rows": rows, "salary": salary, "salaries": selectors.base_salary_list()},
    )


@login_required
@require_GET
def registry(request):
    scope = user_scope(request.user)
    filters = selectors.RegistryFilters.from_params(request.GET)
    records = selectors.registry_list(scope=scope, filters=filters)
    page = Paginator(records, REGISTRY_PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(
        request,
        "awards/registry.html",
        {
            "page": page,
            "filters": filters,
            "query_string": _query_string(filters),
            "forms": selectors.form_list(active_only=False),
            "years": selectors.registry_years(scope=scope),
            "blocks": selectors.registry_blocks(scope=scope),
            "units": selectors.registry_units(scope=scope),
            "outputs": _outputs(),
        },
    )


def _query_string(filters: selectors.RegistryFilters) -> str:
    return urlencode(filters.as_params())


def _outputs():
    return [
        (Format.MERGED_PDF, _("Một tệp PDF để in")),
        (Format.PDF_ZIP, _("Tệp nén: mỗi người một PDF")),
        (Format.DOCX_ZIP, _("Tệp nén: mỗi người một tệp Word")),
    ]


@login_required
@require_GET
def registry_excel(request):
    scope = user_scope(request.user)
    filters = selectors.RegistryFilters.from_params(request.GET)
    records = selectors.registry_list(scope=scope, filters=filters)
    heading = _("Sổ khen thưởng (xuất ngày %(d)s)") % {
        "d": timezone.localdate().strftime("%d/%m/%Y")
    }
    response = HttpResponse(registry_workbook(records.iterator(), heading=heading), XLSX)
    response["Content-Disposition"] = 'attachment; filename="so-khen-thuong.xlsx"'
    return response


@login_required
@require_POST
def registry_certificates(request):
    """A batch of certificates for what the registry's filters select, as a background job."""
    filters = selectors.RegistryFilters.from_params(request.POST)
    output = request.POST.get("dinh_dang")
    if output not in Format.CHOICES:
        output = Format.MERGED_PDF
    count = selectors.registry_list(scope=user_scope(request.user), filters=filters).count()
    title = _("In %(n)s giấy khen, bằng khen") % {"n": count}
    job = certificates_start(user=request.user, filters=filters, output=output, title=title)
    return job_started(request, job)


@login_required
@require_GET
def record_certificate_docx(request, pk):
    record = selectors.record_in_scope(scope=user_scope(request.user), pk=pk)
    try:
        data = certificate_docx(record)
    except DocumentTemplateError as exc:
        messages.error(request, str(exc))
        return redirect("awards:registry")
    response = HttpResponse(data, DOCX)
    filename = certificate_filename(record, "docx")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def record_certificate_pdf(request, pk):
    record = selectors.record_in_scope(scope=user_scope(request.user), pk=pk)
    return job_started(request, certificate_pdf_start(user=request.user, record=record))


@login_required
def unit_eligibility(request, pk):
    unit = selectors.unit_in_scope(scope=user_scope(request.user), pk=pk)
    forms = selectors.form_list()
    facts = selectors.unit_facts(
        unit=unit, year=_year(request), today=timezone.localdate(), forms=forms
    )
    policy = selectors.policy_for(unit)
    return render(
        request,
        "awards/subject.html",
        {
            "subject": unit,
            "unit": unit,
            "facts": facts,
            "years": _year_choices(facts.year),
            "verdicts": selectors.verdicts(facts=facts, forms=forms, policy=policy),
            "merged_records": selectors.merged_records(unit=unit),
        },
    )


@login_required
def person_eligibility(request, pk):
    person = selectors.person_in_scope(scope=user_scope(request.user), pk=pk)
    forms = selectors.form_list()
    facts = selectors.person_facts(person=person, year=_year(request), today=timezone.localdate())
    policy = selectors.policy_for(person.unit)
    return render(
        request,
        "awards/subject.html",
        {
            "subject": person,
            "unit": person.unit,
            "facts": facts,
            "years": _year_choices(facts.year),
            "verdicts": selectors.verdicts(facts=facts, forms=forms, policy=policy),
            "titles": selectors.title_chain(records=facts.records, forms=forms),
        },
    )


def _achievement_report(request, subject, slug: str):
    scope = user_scope(request.user)
    form_id = parse_id(request.GET.get("hinh_thuc"))
    form = next((f for f in selectors.form_list() if f.pk == form_id), None)
    context = achievement_report_context(
        scope=scope, subject=subject, year=_year(request), form=form, today=timezone.localdate()
    )
    try:
        data = render_achievement_report(context)
    except DocumentTemplateError as exc:
        messages.error(request, str(exc))
        return redirect("awards:registry")
    response = HttpResponse(data, DOCX)
    filename = f"bao-cao-thanh-tich-mau-08-{slug}-{context['year']}.docx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def unit_achievement_report(request, pk):
    """Mẫu 08 Báo cáo thành tích of a unit, prefilled, as Word for the unit to finish."""
    unit = selectors.unit_in_scope(scope=user_scope(request.user), pk=pk)
    return _achievement_report(request, unit, f"don-vi-{unit.pk}")


@login_required
@require_GET
def person_achievement_report(request, pk):
    person = selectors.person_in_scope(scope=user_scope(request.user), pk=pk)
    return _achievement_report(request, person, f"ca-nhan-{person.pk}")


def _year_choices(year: int) -> list[int]:
    this_year = timezone.localdate().year
    return sorted({*range(this_year, this_year - 5, -1), year}, reverse=True)


@login_required
def subject_search(request):
    query = request.GET.get("q", "")[:200]
    units, people = selectors.subject_search(scope=user_scope(request.user), query=query)
    return render(request, "awards/search.html", {"q": query, "units": units, "people": people})
