"""Test helpers shared by the Python test suites."""
