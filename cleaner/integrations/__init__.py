"""Integrations with the places news-cleaner runs: Scrapy pipelines and Dask (optional extras)."""
