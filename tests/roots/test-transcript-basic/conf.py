project = "transcript-basic"
copyright = "2025, the sphinxcontrib-transcript test suite"
version = release = "1.0"
extensions = ["sphinxcontrib_transcript"]
