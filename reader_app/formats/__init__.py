"""File formats: importers (txt, md, html -> ImportedArticle) and exporters.

Pure Python: no Qt, no SQL; may import reader_app.domain only. The import API
lives in reader_app.formats.importers (read_article, parse_article,
collect_paths, ImportRefused); this package file stays empty so that importing
one exporter does not load the HTML/Markdown machinery.
"""
