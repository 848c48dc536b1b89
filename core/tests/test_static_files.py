"""Static files reach a phone on a weak link compressed and only once: collectstatic names each file
by its content hash and writes gzip and brotli copies beside it; WhiteNoise serves the hashed name
with a far-future cache and the compressed copy the browser accepts. The pages load no script that
blocks rendering, and name a favicon so the first page does not end in a 404. Pages themselves
leave gzipped (core/compression.py).

The tests run with the plain storage (thidua/test_settings.py); these collect a copy of the site's
own stylesheet with the storage of thidua/settings.py into a temporary folder and ask for it."""

import gzip
import json
import re
import shutil
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.http import HttpResponse
from django.templatetags.static import static
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils.module_loading import import_string
from whitenoise.storage import CompressedManifestStaticFilesStorage

from core.compression import TextGZipMiddleware
from thidua import settings as project_settings

ONE_YEAR = 365 * 24 * 3600


@pytest.fixture
def collected(tmp_path):
    """The site's stylesheet, and a script naming a missing source map, collected with the
    project's production storage; the settings stay overridden while the test runs (a new Client
    builds a new WhiteNoise over the folder)."""
    source = tmp_path / "static"
    (source / "css").mkdir(parents=True)
    shutil.copy(finders.find("css/app.css"), source / "css" / "app.css")
    (source / "js").mkdir()
    (source / "js" / "vendor.js").write_text("var a = 1;\n//# sourceMappingURL=vendor.js.map\n")
    with override_settings(
        STORAGES=project_settings.STORAGES,
        STATICFILES_DIRS=[source],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STATIC_ROOT=tmp_path / "collected",
        DEBUG=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path / "collected"


def test_production_storage_compresses_and_hashes_static_files():
    backend = import_string(project_settings.STORAGES["staticfiles"]["BACKEND"])
    assert issubclass(backend, CompressedManifestStaticFilesStorage)


def test_collectstatic_succeeds_when_a_vendor_build_names_an_unshipped_source_map(collected):
    """bootstrap.bundle.min.js names bootstrap.bundle.min.js.map, which is not copied."""
    manifest = json.loads((collected / "staticfiles.json").read_text())["paths"]
    assert re.fullmatch(r"js/vendor\.[0-9a-f]{12}\.js", manifest["js/vendor.js"])


def test_collectstatic_writes_hashed_gzip_and_brotli_copies(collected):
    names = {path.name for path in (collected / "css").iterdir()}
    hashed = next(name for name in names if re.fullmatch(r"app\.[0-9a-f]{12}\.css", name))
    assert f"{hashed}.gz" in names
    assert f"{hashed}.br" in names


def test_hashed_static_file_is_cached_for_a_year_and_sent_gzipped(collected):
    url = static("css/app.css")
    assert re.search(r"/app\.[0-9a-f]{12}\.css$", url), url

    response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
    assert max_age >= ONE_YEAR
    assert response["Content-Encoding"] == "gzip"


def test_hashed_static_file_is_sent_as_brotli_when_accepted(collected):
    response = Client().get(static("css/app.css"), HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"


class _HeadScripts(HTMLParser):
    """The <script> tags inside <head> and the <link rel="icon"> hrefs of a page."""

    def __init__(self):
        super().__init__()
        self.in_head = False
        self.head_scripts: list[dict] = []
        self.icons: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag == "script" and self.in_head:
            self.head_scripts.append(attrs)
        elif tag == "link" and "icon" in (attrs.get("rel") or "").split():
            self.icons.append(attrs.get("href") or "")

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


@pytest.mark.django_db
def test_no_script_in_head_blocks_rendering(client):
    page = _HeadScripts()
    page.feed(client.get(reverse("login")).content.decode())

    assert page.head_scripts, "the base page loads its scripts in <head>"
    blocking = [s.get("src") for s in page.head_scripts if "defer" not in s and "async" not in s]
    assert blocking == []


@pytest.mark.django_db
def test_every_page_names_a_favicon_that_exists(client):
    page = _HeadScripts()
    page.feed(client.get(reverse("login")).content.decode())

    assert len(page.icons) == 1
    icon = page.icons[0]
    assert icon.startswith(settings.STATIC_URL) or icon.startswith("/" + settings.STATIC_URL)
    assert finders.find(icon.split(settings.STATIC_URL, 1)[1])


@pytest.mark.django_db
def test_pages_are_sent_gzipped_when_the_browser_accepts_it(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content).decode().lstrip().startswith("<!doctype html>")


def test_files_compressed_already_are_not_gzipped_again():
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    for content_type in (xlsx, "application/pdf", "image/png"):
        middleware = TextGZipMiddleware(lambda r, ct=content_type: HttpResponse(b"x" * 500, ct))
        assert not middleware(request).has_header("Content-Encoding"), content_type
    page = TextGZipMiddleware(lambda r: HttpResponse(b"<p>" * 500, "text/html; charset=utf-8"))
    assert page(request)["Content-Encoding"] == "gzip"
