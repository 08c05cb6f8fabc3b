"""newsrake's Scrapy project: settings, spiders, middlewares and the `newsrake` command."""
