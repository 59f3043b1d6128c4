"""Views of the whole library: the actor network (and the timeline)."""
