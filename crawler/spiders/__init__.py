"""Spiders: one per site family; ``portal`` handles generic government portals."""
