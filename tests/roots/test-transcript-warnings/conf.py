project = "transcript-warnings"
extensions = ["sphinxcontrib_transcript"]
