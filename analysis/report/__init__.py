"""The report stage: numbered notebooks executed over a corpus into a folder a reader opens without Jupyter.

- :mod:`~analysis.report.run`: ``python -m analysis report``: checks the parameters, runs the pipeline once,
  executes every numbered notebook with papermill into ``reports/NAME/`` and exports each as an HTML page;
- :mod:`~analysis.report.index`: the report's ``index.html`` (template ``templates/report_index.html.j2``);
- :mod:`~analysis.report.brief`: the focus-actor brief of notebook 05;
- :mod:`~analysis.report.setup`: :func:`~analysis.report.setup.notebook_context`, the setup cell of every
  notebook; :mod:`~analysis.report.selection`: the period selection with the actor network of the period;
- :mod:`~analysis.report.figures` (theme, saving), :mod:`~analysis.report.explore` (views shared by notebooks);
- :mod:`~analysis.report.notebooks`: ``make notebooks``, the committed notebooks re-executed in place.

Nothing is imported here, so ``import analysis.report.figures`` does not load papermill or the pipeline.
"""

__all__: list[str] = []
