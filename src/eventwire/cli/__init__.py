"""The command line: thin Typer wrappers over library functions."""
