project = "transcript-hostile"
extensions = ["sphinxcontrib_transcript"]
# The transcripts are hostile on purpose; the linter's findings are not the point here.
transcript_lint = False
