"""Real page-title lists of agencies' portals, hand labels, and the builder of their sample portals."""
