"""Coding: actors (knowledge base, resolution, coreference), events, modality and ontologies."""
