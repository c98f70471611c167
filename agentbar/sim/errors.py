"""The one exception of the simulator: a request the PHP front end would refuse."""


class SimFailure(Exception):
    """A refusal answered as ``result`` false with a Turkish ``message`` (HTTP 200)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
