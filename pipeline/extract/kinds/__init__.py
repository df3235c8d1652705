"""The built-in extracted kinds: each module finds, builds and registers one kind (`pipeline.kinds`)."""
