"""PySide6 widgets: the main window, the article view, panels and Qt models."""
