"""Server-side plumbing shared by every page: settings, cache, security headers, errors, health."""

__version__ = "0.1.0"
