from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from api.urls import api_urls
from core.forms import PasswordChangeForm
from portal import views as portal_views

admin.site.site_header = _("Thi đua số — Quản trị")
admin.site.site_title = _("Thi đua số")
admin.site.index_title = _("Dữ liệu danh mục")

urlpatterns = [
    path("", portal_views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "doi-mat-khau/",
        auth_views.PasswordChangeView.as_view(form_class=PasswordChangeForm),
        name="password_change",
    ),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("don-vi/", include("org.urls")),
    path("ke-hoach/", include("plans.urls")),
    # Before reporting's include: registrations keep their paths under /bao-cao/dang-ky/.
    path("bao-cao/dang-ky/", include("registrations.urls")),
    # Indicators keep their page under /bao-cao/chi-so/, where coordinators found it.
    path("bao-cao/chi-so/", include("indicators.urls")),
    path("bao-cao/", include("reporting.urls")),
    path("giam-sat/", include("monitoring.urls")),
    path("sang-kien/", include("initiatives.urls")),
    path("danh-gia/", include("evaluation.urls")),
    path("viec-chay-nen/", include("jobs.urls")),
    path("khen-thuong/de-nghi/", include("nominations.urls")),
    path("khen-thuong/hoi-dong/", include("council.urls")),
    path("khen-thuong/quyet-dinh/", include("decisions.urls")),
    path("cong-khai/khen-thuong/", include("nominations.public_urls")),
    path("khen-thuong/", include("awards.urls")),
    path("api/v1/", api_urls),
    path("tai-khoan/api/", include("api.urls")),
    # Public, no login: published data of each movement, with CSV and JSON (opendata/).
    path("du-lieu-mo/", include("opendata.urls")),
    path("quan-tri/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]
