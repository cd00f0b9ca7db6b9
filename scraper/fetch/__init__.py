"""Polite, fault-proof HTTP fetching (httpx): conditional requests, retries, per-host limits."""

from scraper.fetch.client import Fetcher, FetchRequest, FetchResult
from scraper.fetch.policy import FetchPolicy
from scraper.fetch.urls import HostMap

__all__ = ["FetchPolicy", "FetchRequest", "FetchResult", "Fetcher", "HostMap"]
