"""Pure computation: polars frames in, polars frames out. No I/O, no printing."""
