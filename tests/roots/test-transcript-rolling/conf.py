extensions = ["sphinxcontrib_transcript"]
# The file is rolling on purpose; the rule's warning is tested elsewhere.
suppress_warnings = ["transcript.rolling-captions", "transcript.trailing-whitespace"]
