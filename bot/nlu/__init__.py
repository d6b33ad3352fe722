"""French patient details: plain parsing functions (fields.py) and the Rasa components that use them."""
