/** The formatter settings of generated packages (also written to their `pyproject.toml`). */
export const RUFF_SETTINGS = { 'line-length': 120, 'target-version': 'py39' } as const;
