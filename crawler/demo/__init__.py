"""The bundled demo: a small news site served on 127.0.0.1, and the tools to serve feeds of any pages."""
