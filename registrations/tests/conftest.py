# The round of test_rounds (two blocks, a plan, the coordinator, each unit's reporter and head),
# for the registrations of enterprises and individuals in it.
from registrations.tests.test_rounds import round_  # noqa: F401
