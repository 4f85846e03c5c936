"""Re-execute the committed notebooks in place on the sample corpus (``make notebooks``).

Outputs stay in the notebooks so they read well on a code host; volatile metadata
(execution times, kernel details) is stripped with nbstripout, keeping outputs and
execution counts.
"""
from __future__ import annotations

import subprocess
import sys

import nbformat
from nbclient import NotebookClient

from analysis import config
from analysis.report.run import KERNEL_ARGUMENTS, joined_streams, numbered_notebooks

__all__ = ["execute_in_place"]


def execute_in_place(timeout: int = 900) -> None:
    """Execute every numbered notebook in its folder and write it back with its outputs, volatile metadata
    stripped."""
    # The first notebook reads the sample's tables when a run is there: a run left by older code would
    # put that code's figures into it, so the notebooks start from a fresh run.
    (config.PROCESSED_DIR / config.corpus_name(config.SAMPLE_CORPUS) / "run.json").unlink(missing_ok=True)
    for path in numbered_notebooks():
        print(f"Executing {path.name}")
        notebook = nbformat.read(path, as_version=4)
        NotebookClient(notebook, timeout=timeout, kernel_name="python3", extra_arguments=KERNEL_ARGUMENTS,
                       resources={"metadata": {"path": str(config.NOTEBOOKS_DIR)}}).execute()
        nbformat.write(joined_streams(notebook), path)
        subprocess.run([sys.executable, "-m", "nbstripout", "--keep-output", "--keep-count", str(path)], check=True)


if __name__ == "__main__":
    execute_in_place()
