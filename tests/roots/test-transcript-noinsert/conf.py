extensions = ["sphinxcontrib_transcript"]
