"""Views of the whole library's analysis: the timeline (and, beside it, the network)."""
