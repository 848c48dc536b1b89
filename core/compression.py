"""Pages, fragments and JSON leave the server gzipped (#17: commune officers on weak links).

Django's GZipMiddleware, limited to text: a Word, Excel, PDF or image file is compressed
already, and squeezing a 20 MB evidence file again only costs the server time. Static files do
not come here: WhiteNoise answers them first with their own gzip and brotli copies. Django pads
each gzipped body with random bytes against BREACH-style guessing of the CSRF token.
"""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = (
    "text/",
    "application/json",
    "application/javascript",
    "application/xml",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(TEXT_TYPES):
            return response
        return super().process_response(request, response)
