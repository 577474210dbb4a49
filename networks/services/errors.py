"""The one error the network services raise for a request they refuse."""


class NetworkActionError(Exception):
    """A request that cannot be carried out; the message is shown to the person."""
