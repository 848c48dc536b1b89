from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from awards import selectors
from core.params import YEAR_MAX, YEAR_MIN, parse_id, parse_int
from org.scope import user_scope

REGISTRY_PAGE_SIZE = 50


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
def registry(request):
    scope = user_scope(request.user)
    filters = selectors.RegistryFilters(
        query=request.GET.get("q", "")[:200],
        form_id=parse_id(request.GET.get("hinh_thuc")),
        year=parse_int(request.GET.get("nam"), minimum=YEAR_MIN, maximum=YEAR_MAX),
    )
    records = selectors.registry_list(scope=scope, filters=filters)
    page = Paginator(records, REGISTRY_PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(
        request,
        "awards/registry.html",
        {
            "page": page,
            "filters": filters,
            "forms": selectors.form_list(active_only=False),
            "years": selectors.registry_years(scope=scope),
        },
    )


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
        },
    )


def _year_choices(year: int) -> list[int]:
    this_year = timezone.localdate().year
    return sorted({*range(this_year, this_year - 5, -1), year}, reverse=True)


@login_required
def subject_search(request):
    query = request.GET.get("q", "")[:200]
    units, people = selectors.subject_search(scope=user_scope(request.user), query=query)
    return render(request, "awards/search.html", {"q": query, "units": units, "people": people})
