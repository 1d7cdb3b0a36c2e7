"""Engines other than polars: the scoring run as one Ibis expression, on DuckDB, Spark or a
warehouse, from the raw tables as the exports have them."""
