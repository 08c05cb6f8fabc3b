"""newsrake's spiders."""
