"""The application layer: one module per use case, between the command line and io/config/core."""
