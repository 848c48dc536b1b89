"""The indicator page: coordinators define what is measured; nobody else reaches it."""

from django.urls import reverse

from indicators.models import Indicator
from org.models import Role
from org.tests.factories import user_with_role


def test_the_page_keeps_its_address_under_reporting():
    assert reverse("indicators:create") == "/bao-cao/chi-so/moi/"


def test_the_page_is_not_found_for_a_reporter(client, world):
    client.force_login(user_with_role(world.commune, Role.REPORTER))
    assert client.get(reverse("indicators:create")).status_code == 404


def test_the_empty_form_costs_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(user_with_role(world.commune, Role.COORDINATOR))
    with django_assert_max_num_queries(8):
        response = client.get(reverse("indicators:create") + "?next=/bao-cao/lich/")
    assert response.status_code == 200 and 'value="/bao-cao/lich/"' in response.content.decode()


def test_coordinator_defines_an_indicator(client, world):
    client.force_login(user_with_role(world.commune, Role.COORDINATOR))
    response = client.post(
        reverse("indicators:create"),
        {
            "code": "ty-le-ho-phan-loai-rac",
            "name": "Tỷ lệ hộ phân loại rác",
            "kind": "ratio",
            "direction": "higher",
            "temporal": "latest",
            "frequency": "monthly",
            "numerator_label": "",
            "denominator_label": "",
            "next": "https://evil.example/",
        },
    )
    assert "Chỉ số tỷ lệ cần ghi rõ tử số và mẫu số." in response.content.decode()
    response = client.post(
        reverse("indicators:create"),
        {
            "code": "ty-le-ho-phan-loai-rac",
            "name": "Tỷ lệ hộ phân loại rác",
            "kind": "ratio",
            "direction": "higher",
            "temporal": "latest",
            "frequency": "monthly",
            "numerator_label": "Số hộ phân loại",
            "denominator_label": "Tổng số hộ",
            "next": "https://evil.example/",
        },
    )
    assert response.status_code == 302 and "evil" not in response["Location"]
    assert Indicator.objects.filter(code="ty-le-ho-phan-loai-rac").count() == 1
    assert response["Location"] == "/bao-cao/lich/"
