"""The one exception the extractor lets out: a reason a person can act on, in Vietnamese."""


class ExtractionError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
