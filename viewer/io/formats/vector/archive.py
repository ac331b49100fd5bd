"""A zipped Shapefile (how most are shared): its .shp files and their parts unpacked to a folder of launchmap's own,
each checked first (a member's path, its size as said and as unpacked, how many members the archive lists)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from viewer.io.files import open_regular
from viewer.io.formats.kml.reader import archive_refusals, members_said
from viewer.io.formats.vector.shapefile_headers import disagreement
from viewer.io.formats.vector.sidecars import SIDECARS, missing, too_large
from viewer.model.problem import BundleError, Problem

MAX_UNPACKED = 2 * 2**30  # bytes unpacked from one archive, all members together
MAX_MEMBERS = 20_000
CHUNK = 1 << 20


@contextlib.contextmanager
def unpacked_shapefiles(path: Path, file: str) -> Iterator[list[Path]]:
    """The .shp files of the archive at ``path``, unpacked with their parts to a folder removed afterwards; raises
    BundleError (naming the member) for an archive launchmap does not unpack."""

    def fail(where: str, message: str) -> BundleError:
        return BundleError([Problem(file, where, message)])

    folder = Path(tempfile.mkdtemp(prefix="launchmap-zip-"))
    try:
        with archive_refusals(fail, "zip archive", "zip archive"), open_regular(path, None, "zip archive") as raw:
            members = members_said(raw)
            if members is not None and members > MAX_MEMBERS:
                raise fail("", f"{members:,} files in the zip archive, more than the {MAX_MEMBERS:,} launchmap opens")
            with zipfile.ZipFile(raw) as archive:
                yield _unpack(archive, folder, fail)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _unpack(archive: zipfile.ZipFile, folder: Path, fail) -> list[Path]:
    infos = [info for info in archive.infolist() if not info.is_dir()]
    for info in infos:
        if _outside(info.filename):
            raise fail(info.filename, "a path outside the archive (absolute, or with '..'); not unpacked")
    names = [info.filename for info in infos]
    shapes = [info for info in infos if info.filename.lower().endswith(".shp")
              and not PurePosixPath(info.filename).name.startswith("._")]  # macOS's resource forks
    if not shapes:
        raise fail("", "no Shapefile (.shp) inside the zip archive")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED:
        raise fail("", f"unpacks to {total / 2**20:,.0f} MiB, more than the {MAX_UNPACKED // 2**20:,} MiB launchmap "
                       "reads (a zip bomb?)")
    by_lower = {info.filename.lower(): info for info in infos}
    unpacked: list[Path] = []
    left = MAX_UNPACKED
    for number, shape in enumerate(shapes):
        stem = shape.filename[: -len(".shp")]
        why = missing(stem, names)
        if why is not None:
            raise fail(shape.filename, why)
        into = folder / str(number)
        into.mkdir()
        base = PurePosixPath(stem).name or "layer"
        members: dict[str, str] = {}  # the part's name in the archive, by suffix
        for suffix in SIDECARS:
            part = by_lower.get(f"{stem}{suffix}".lower())
            if part is not None and (why := too_large(suffix, part.file_size)) is not None:
                raise fail(part.filename, why)
            if part is not None:
                left = _copy(archive, part, into / f"{base}{suffix}", left, fail)
                members[suffix] = part.filename
        wrong = disagreement({suffix: into / f"{base}{suffix}" for suffix in members}, members)
        if wrong is not None:
            raise fail(members[wrong[0]], wrong[1])
        unpacked.append(into / f"{base}.shp")
    return unpacked


def _copy(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, left: int, fail) -> int:
    """Unpack ``info`` to ``target``, held to what the archive says of its size and to ``left`` bytes in all."""
    written = 0
    try:
        with archive.open(info) as source, open(target, "wb") as out:
            while chunk := source.read(CHUNK):
                written += len(chunk)
                if written > info.file_size or written > left:
                    raise fail(info.filename, f"unpacks to more than the {info.file_size:,} bytes the archive says "
                                              "(a zip bomb?)")
                out.write(chunk)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, EOFError) as error:
        raise fail(info.filename, f"cannot unpack it: {error}") from None  # a bad CRC, encrypted, an unknown method
    return left - written


def _outside(name: str) -> bool:
    """Whether a member's name points outside the folder it is unpacked to."""
    posix = name.replace("\\", "/")
    return posix.startswith("/") or (len(posix) > 1 and posix[1] == ":") or ".." in PurePosixPath(posix).parts
