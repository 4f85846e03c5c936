"""`python -m analysis run --scheduler`: the per-document stages on a Dask cluster give the same tables."""
from __future__ import annotations

import shutil
import sys

import pandas as pd
import pytest

from analysis import __version__, config
from analysis.cli import main
from analysis.cluster import ClusterError, check_workers, cluster_mapper, ordered_map, worker_view
from tests.conftest import TABLES

distributed = pytest.importorskip("distributed", reason="Dask's distributed is part of the dev extra")


def assert_same_tables(out, expected):
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{name}.parquet"),
                                      pd.read_parquet(expected / f"{name}.parquet"), obj=name)


def test_a_local_cluster_writes_the_same_tables_as_one_process(sample_dir, tmp_path, capsys):
    out = tmp_path / "cluster"
    status = main(["run", "--corpus", str(config.SAMPLE_CORPUS), "--out", str(out), "--scheduler", "local",
                   "--workers", "2", "--no-progress"])
    assert status == 0, capsys.readouterr().err
    assert "579 actor mentions" in capsys.readouterr().out
    assert_same_tables(out, sample_dir)


def test_a_running_scheduler_is_reached_by_its_address_and_its_workers_get_whole_paths(sample_dir, tmp_path, capsys,
                                                                                        monkeypatch):
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        # The workers started in this folder; the command runs from another, with a relative --corpus.
        shutil.copytree(config.SAMPLE_CORPUS, tmp_path / "corpus")
        monkeypatch.chdir(tmp_path)
        status = main(["run", "--corpus", "corpus", "--out", "remote", "--scheduler", cluster.scheduler_address,
                       "--no-progress"])
    assert status == 0, capsys.readouterr().err
    assert_same_tables(tmp_path / "remote", sample_dir)


def test_a_scheduler_that_does_not_answer_is_named_with_the_fix(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(distributed.Client, "__init__", _refuse)
    status = main(["run", "--corpus", str(config.SAMPLE_CORPUS), "--out", str(tmp_path / "out"),
                   "--scheduler", "tcp://127.0.0.1:9", "--no-progress"])
    err = capsys.readouterr().err
    assert status == 2
    assert "no Dask scheduler answers at 'tcp://127.0.0.1:9'" in err and "--scheduler local" in err
    assert not (tmp_path / "out").exists()  # nothing was started or written


def _refuse(self, address, **kwargs):
    raise OSError(f"Timed out trying to connect to {address}")


def test_without_distributed_the_error_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    with pytest.raises(ClusterError, match=r"pip install -e '\.\[cluster\]'"):
        with cluster_mapper("local", 1, tmp_path):
            pass
    status = main(["run", "--corpus", str(config.SAMPLE_CORPUS), "--out", str(tmp_path / "out"),
                   "--scheduler", "local", "--no-progress"])
    assert status == 2 and "distributed" in capsys.readouterr().err


def test_a_wrong_corpus_is_told_before_a_cluster_starts(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(distributed, "LocalCluster", None)  # starting one would fail the test
    status = main(["run", "--corpus", str(tmp_path / "missing"), "--scheduler", "local", "--no-progress"])
    assert status == 2 and "does not exist" in capsys.readouterr().err


def test_a_worker_reports_what_it_lacks(tmp_path):
    lexicons = str(config.LEXICON_DIR.resolve())
    assert worker_view(__version__, lexicons, [str(tmp_path)]) == []
    assert worker_view(__version__, lexicons, [str(tmp_path / "gone")]) == [f"cannot see {tmp_path / 'gone'}"]
    assert worker_view("0.0.1", "/elsewhere/lexicons", []) == [
        f"analysis {__version__} installed, not 0.0.1", f"reads its lexicons from {lexicons}, not /elsewhere/lexicons"]


class FakeClient:
    """``Client.run``'s answer, one entry per worker, without a cluster."""

    def __init__(self, views):
        self.views = views

    def run(self, function, *args):
        return self.views


def test_workers_that_cannot_do_the_work_are_named_with_the_fix(tmp_path):
    client = FakeClient({"tcp://127.0.0.1:4002": [], "tcp://127.0.0.1:4003": [f"cannot see {tmp_path}"]})
    with pytest.raises(ClusterError) as error:
        check_workers(client, [tmp_path])
    message = str(error.value)
    assert f"tcp://127.0.0.1:4003: cannot see {tmp_path}" in message and "tcp://127.0.0.1:4002" not in message
    assert "shared file system" in message
    check_workers(FakeClient({"tcp://127.0.0.1:4002": []}), [tmp_path])  # all can: no error
    with pytest.raises(ClusterError, match="no workers"):
        check_workers(FakeClient({}), [tmp_path])


class Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class SlicingClient:
    """``Client.map`` run at once, recording the slices each task received."""

    def __init__(self, threads):
        self.threads, self.slices = threads, []

    def nthreads(self):
        return {f"tcp://127.0.0.1:{4000 + i}": 1 for i in range(self.threads)}

    def map(self, function, slices, pure=True):
        self.slices += slices
        return [Done(function(part)) for part in slices]


@pytest.mark.parametrize(("threads", "n", "sizes"), [(1, 10, [3, 3, 3, 1]), (2, 128, [16] * 8), (2, 3, [1, 1, 1])])
def test_items_go_in_a_few_slices_per_thread_and_come_back_in_order(threads, n, sizes):
    client = SlicingClient(threads)
    assert list(ordered_map(client, lambda x: x * x, range(n))) == [x * x for x in range(n)]
    assert [len(part) for part in client.slices] == sizes
