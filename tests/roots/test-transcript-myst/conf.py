project = "transcript-myst"
extensions = ["myst_parser", "sphinxcontrib_transcript"]
