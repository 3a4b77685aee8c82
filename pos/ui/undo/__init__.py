"""Annuler l'annulation."""
