"""The load steps of revq.io.load as engine expressions: a raw table, with its columns as the
export or the connector has them, mapped onto a canonical revq table inside the query."""
