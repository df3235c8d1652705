"""Engine: the stages of one article, run in one process, a pool of workers or on Dask."""
