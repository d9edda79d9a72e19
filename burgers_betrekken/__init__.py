"""bb — burgers betrekken: a decision aid for involving citizens in Dutch national government."""

__version__ = "0.2.0"
