"""Reading a .qdpx zip that may be hostile: sizes checked before anything is inflated, names
that would leave the archive refused, every failure one BundleFormatError line."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from reader_app.domain.interchange import BundleFormatError

MAX_TOTAL = 200 * 1024 * 1024  # uncompressed bytes in the whole archive
MAX_RATIO = 200  # uncompressed / compressed, for members over a megabyte (text deflates ~4x)
MAX_MEMBERS = 50_000
_CHUNK = 1024 * 1024
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class QdpxZip:
    def __init__(self, path: Path) -> None:
        self.label = path.name
        try:
            self.zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise self.error("not a zip file (a .qdpx is a zip archive)") from None
        except OSError as e:
            raise self.error(f"cannot be read ({e.strerror or e})") from None
        except (ValueError, NotImplementedError, EOFError) as e:  # corrupt central directory
            raise self.error(f"damaged zip file ({e})") from None
        infos = self.zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self.error(f"holds {len(infos)} files (more than {MAX_MEMBERS})")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL:
            raise self.error(f"would unpack to {total // 2**20} MB (more than"
                             f" {MAX_TOTAL // 2**20} MB); refused")
        for info in infos:
            if info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise self.error(f"{info.filename} inflates {info.file_size // max(info.compress_size, 1)}"
                                 f" times (a zip bomb?); refused")
        self._names = {i.filename: i for i in infos if not i.is_dir()}
        self._folded = {name.casefold(): i for name, i in self._names.items()}

    def close(self) -> None:
        self.zf.close()

    def error(self, reason: str) -> BundleFormatError:
        """One line, whatever names the file holds."""
        return BundleFormatError(_CONTROLS.sub(" ", f"{self.label}: {reason}"))

    def find(self, name: str) -> zipfile.ZipInfo | None:
        """The member of that name (exactly, else ignoring case: tools differ)."""
        return self._names.get(name) or self._folded.get(name.casefold())

    def project_member(self) -> zipfile.ZipInfo:
        info = self.find("project.qde")
        if info is None:
            qde = [i for n, i in self._names.items() if n.lower().endswith(".qde") and "/" not in n]
            if len(qde) != 1:
                raise self.error("no project.qde inside (not a REFI-QDA project)")
            info = qde[0]
        return info

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """The member's bytes, never more than it declares (zipfile stops there too)."""
        if info.flag_bits & 0x1:
            raise self.error(f"{info.filename} is encrypted; refused")
        try:
            with self.zf.open(info) as f:
                data = f.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as e:
            raise self.error(f"{info.filename} is damaged ({e})") from None
        except (NotImplementedError, RuntimeError) as e:  # other compression, encryption
            raise self.error(f"{info.filename} cannot be unpacked ({e})") from None
        if len(data) > info.file_size:
            raise self.error(f"{info.filename} is larger than it declares; refused")
        return data

    def text_member(self, path: str) -> zipfile.ZipInfo | None:
        """The member a source's plainTextPath names, or None when it points outside the archive
        (an absolute path or URL on the other tool's machine). A path that climbs out of the
        project (../) is refused."""
        if path.startswith("internal://"):
            rel = "sources/" + path[len("internal://"):]
        elif "://" in path or path.startswith(("/", "\\")) or path[1:3] in (":\\", ":/"):
            return None
        else:
            rel = path
        parts = PurePosixPath(rel.replace("\\", "/")).parts
        if ".." in parts or (parts and parts[0] == "/"):
            raise self.error(f"source path {path!r} leaves the project folder; refused")
        clean = "/".join(p for p in parts if p not in (".", ""))
        return self.find(clean) or (self.find(f"sources/{clean}") if path == rel else None)
