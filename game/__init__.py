"""Space Race 1955–1975: a turn-based simulation of the US–Soviet space race."""

__version__ = "0.1.0"
