"""Example handlers for external calls, used by the example notebooks (``%handlers``)."""
from __future__ import annotations

# Invented data: the sandbox only ever sees what these functions return.
_FORECASTS = {'london': ('rain', 14), 'paris': ('sun', 21), 'tokyo': ('cloud', 18)}


def get_weather(city: str) -> dict:
    """Today's forecast for a city, as a plain dict."""
    try:
        sky, celsius = _FORECASTS[city.lower()]
    except KeyError:
        raise ValueError(f'no forecast for {city!r}') from None
    return {'city': city, 'sky': sky, 'celsius': celsius}


def list_cities() -> list:
    """The cities get_weather knows about."""
    return sorted(_FORECASTS)
