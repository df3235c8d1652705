"""Ingest: paths, folders, globs and stdin to raw articles, whatever the crawler wrote and its encoding."""

from pipeline.ingest.inputs import (
    MAX_BYTES,
    Frame,
    Item,
    expand_inputs,
    frame_inputs,
    read_input,
    read_inputs,
)

__all__ = ["MAX_BYTES", "Frame", "Item", "expand_inputs", "frame_inputs", "read_input", "read_inputs"]
