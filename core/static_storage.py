"""The storage of static files in production: WhiteNoise's compressed manifest storage (hashed
names, gzip and brotli copies), except that it does not follow `sourceMappingURL` comments. The
vendor builds copied from npm (core/vendor_assets.py) name source maps that are not shipped, and
the manifest storage would stop collectstatic on the first missing one; a browser only asks for a
map when its developer tools are open."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    def keep(pattern) -> bool:
        regex = pattern[0] if isinstance(pattern, tuple) else pattern
        return "sourceMappingURL" not in regex

    return tuple(
        (extension, tuple(p for p in ext_patterns if keep(p)))
        for extension, ext_patterns in patterns
    )


class CompressedManifestStaticStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
