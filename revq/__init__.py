"""revq: lead qualification as reviewable config."""

__version__ = "0.1.0"
