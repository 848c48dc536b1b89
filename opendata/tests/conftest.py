from awards.tests.conftest import catalogue  # noqa: F401 (a fixture)
