"""Production settings plus what the benchmark needs to measure: the floor view and a query
count per response. Used only by `make bench`."""

from wegwijzer.settings import *  # noqa: F403
from wegwijzer.settings import MIDDLEWARE

ROOT_URLCONF = "benchmarks.urls"
MIDDLEWARE = ["benchmarks.middleware.query_count", *MIDDLEWARE]
