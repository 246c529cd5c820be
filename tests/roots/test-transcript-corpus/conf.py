project = "transcript-corpus"
extensions = ["sphinxcontrib_transcript"]
