project = "transcript-chapters"
copyright = "2026, the sphinxcontrib-transcript test suite"
version = release = "1.0"
extensions = ["sphinxcontrib_transcript"]
latex_documents = [("index", "chapters.tex", "Chapters", "Tests", "howto")]
