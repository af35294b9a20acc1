"""Facts around events: counts, quotes with speakers, places with coordinates, resolved dates."""
