"""The agenda service: the system of record the assistant searches and books into (see DESIGN.md)."""
