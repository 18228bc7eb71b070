"""zwgk-audit: the command line and the glue between crawler/, checks/ and Datasette."""

__version__ = "0.1.0"
