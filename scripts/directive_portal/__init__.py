"""The ward Party committee's directive portal: content model, importer, MkDocs plugin."""
