"""Polite, fault-proof HTTP fetching (httpx): conditional requests, retries, per-host limits."""

import scraper.fetch.nocli  # noqa: F401 - first: httpx without its command-line program (see there)
from scraper.fetch.client import Fetcher, FetchRequest, FetchResult
from scraper.fetch.policy import FetchPolicy
from scraper.fetch.urls import HostMap

__all__ = ["FetchPolicy", "FetchRequest", "FetchResult", "Fetcher", "HostMap"]
