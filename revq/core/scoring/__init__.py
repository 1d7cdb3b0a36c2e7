"""Lead scoring: an engine-neutral model (model.py) and its polars engine (engine.py)."""
