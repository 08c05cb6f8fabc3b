"""Scrapy item pipelines (adapters) and `store`, the module that owns the SQLite schema."""
