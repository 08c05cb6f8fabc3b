"""The news desk: newsrake's pages in Datasette. This package holds what needs no Datasette (the SQL, the charts,
the settings, the text helpers), so that the metadata can be written without it; the Datasette plugin itself is
`crawler.desk.plugin` (entry point ``newsrake`` in pyproject.toml).

With the metadata that ``newsrake serve`` writes, Datasette opens on the crawl at a glance (a dashboard of
datasette-dashboards), searches with snippets (``/-/search``), shows one article to read (``/-/article/ID``), and
opens the articles table on the columns chosen for reading. Without that metadata the plugin changes nothing.
"""
