"""Network models arrive with the networks issue."""
