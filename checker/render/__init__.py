"""Renderers: model and results -> text, JSON, Markdown, HTML. The last stage; nothing imports it."""
