"""The log file rotates as logging.handlers' did: never past its size, the last few kept."""

from __future__ import annotations

import logging

from timeline_app.logs import RotatingLog


def test_the_log_moves_aside_before_it_grows_past_its_size_and_keeps_the_backups(tmp_path):
    path = tmp_path / "app.log"
    handler = RotatingLog(path, max_bytes=100, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.Logger("rotation-test")
    logger.addHandler(handler)
    try:
        for number in range(40):
            logger.warning("line %02d of the log", number)  # 17 bytes with its newline
    finally:
        handler.close()
    files = [path, tmp_path / "app.log.1", tmp_path / "app.log.2"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.log", "app.log.1", "app.log.2"]
    assert all(0 < p.stat().st_size <= 100 for p in files)
    kept = "".join(p.read_text(encoding="utf-8") for p in reversed(files)).splitlines()
    # The newest lines, in order, with nothing lost between the files kept.
    assert kept == [f"line {n:02d} of the log" for n in range(40 - len(kept), 40)]
    assert len(kept) == 15  # five lines of 17 bytes fit in 100 bytes, in each of three files


def test_a_first_line_longer_than_the_limit_is_still_written(tmp_path):
    path = tmp_path / "app.log"
    handler = RotatingLog(path, max_bytes=10, backups=1)
    logger = logging.Logger("rotation-test")
    logger.addHandler(handler)
    try:
        logger.warning("a line longer than ten bytes")
    finally:
        handler.close()
    assert "a line longer than ten bytes" in path.read_text(encoding="utf-8")
    assert not (tmp_path / "app.log.1").exists()
