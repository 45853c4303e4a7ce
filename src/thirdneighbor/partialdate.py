"""thirdneighbor.partialdate.PartialDate, the name the README documents for the
Python API's dates; the class lives in the data layer (thirdneighbor.data.partialdate)."""

from .data.partialdate import PartialDate

__all__ = ["PartialDate"]
