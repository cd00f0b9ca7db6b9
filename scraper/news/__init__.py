"""News pages that report MOFCOM actions (english.mofcom, Global Times, Xinhua/Shine, ...)."""

from scraper.news.parse import NewsFacts, news_facts, parse_news_document

__all__ = ["NewsFacts", "news_facts", "parse_news_document"]
