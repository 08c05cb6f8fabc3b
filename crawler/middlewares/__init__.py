"""newsrake's downloader middlewares."""
