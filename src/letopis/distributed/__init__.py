"""Corpus runs on Dask: the inputs split into partitions, extracted on Dask workers (models loaded
once per worker), written as Parquet partitions with a manifest; resumable; loaded into the store
by one writer. Dask is optional and imported only here."""
