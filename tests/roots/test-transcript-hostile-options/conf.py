project = "transcript-hostile-options"
extensions = ["sphinxcontrib_transcript"]
# The transcript is clean; the options are what is hostile here.
transcript_lint = False
