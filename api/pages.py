"""Pagination of the API's lists: limit and offset, both bounded, and a count of everything the
filters match (`count`), each page rendered from one query (plus one for what its rows share)."""

from ninja import Field
from ninja.pagination import LimitOffsetPagination

from api import schemas


class Pages(LimitOffsetPagination):
    """Limit and offset, both bounded: a database is never asked for row 10^24."""

    class Input(schemas.Schema):
        limit: int = Field(100, ge=1, le=1000, description="Số mục mỗi trang (tối đa 1.000)")
        offset: int = Field(0, ge=0, le=10_000_000, description="Bỏ qua bao nhiêu mục")


class LazyPage:
    """A queryset the paginator slices, each page rendered to dicts after its one query (and,
    with `each_page`, one more for what the page's rows share, such as their parents' codes)."""

    def __init__(self, queryset, render, each_page=None):
        self.queryset, self.render, self.each_page = queryset, render, each_page

    def __len__(self):
        return self.queryset.count()

    def count(self):
        return self.queryset.count()

    def __getitem__(self, item):
        page = list(self.queryset[item])
        if self.each_page is None:
            return [self.render(obj) for obj in page]
        shared = self.each_page(page)
        return [self.render(obj, shared) for obj in page]
