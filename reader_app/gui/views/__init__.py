"""Views of the whole library's analysis: the timeline and the actor network."""
