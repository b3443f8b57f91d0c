"""Labelled corpus, Sphinx (reST field list) style (labels as in google.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator, List, Optional


def download(url: str, target: Path, retries: int = 3) -> Path:
    """Download a file; :class:`~pathlib.Path` roles in prose are no fields.

    :param url: Where from.
    :type url: str
    :param target: Where to.
    :type target: pathlib.Path
    :param int retries: Attempts.
    :returns: The file.
    :rtype: Path
    """
    return target


def upload(source: Path, bucket: str) -> None:  # expect: MLH301(key) MLH302(bucket)
    """Upload a file.

    :param source: The file.
    :param key: Object key.
    """


def resize(image: Any, width: int, height: int) -> Any:  # expect: MLH303
    """Resize.

    :param image: The image.
    :param height: Height.
    :param width: Width.
    :return: The image.
    """
    return image


def crop(image: Any, box: tuple) -> Any:  # expect: MLH304(box)
    """Crop.

    :param image: The image.
    :param box: Left, top, right, bottom.
    :type box: list
    :returns: The image.
    """
    return image


def rotate(image: Any, angle: float) -> None:  # expect: MLH305
    """Rotate in place.

    :param image: The image.
    :param angle: Degrees.
    :returns: The rotated image.
    :rtype: Image
    """
    image.angle = angle


def frames(video: Any) -> List[Any]:  # expect: MLH307
    """Frames of a video.

    :param video: The video.
    :returns: The frames.
    :rtype: list
    """
    for frame in video:
        yield frame


def tiles(image: Any) -> Iterator[Any]:
    """Tiles of an image.

    :param image: The image.
    :yields: One tile.
    """
    yield image


def label(image: Any, names: Optional[List[str]] = None) -> str:
    """Optional types agree.

    :param image: The image.
    :param names: Label names.
    :type names: list[str] or None
    :rtype: str
    """
    return ""


def star(*args: Any, **kwargs: Any) -> None:
    """Escaped stars.

    :param \\*args: Positional.
    :param \\*\\*kwargs: Keywords.
    """


def read(path: Path) -> bytes:  # expect: MLH308(TimeoutError)
    """Read.

    :param path: The file.
    :raises FileNotFoundError: When missing.
    :raises TimeoutError: Never really.
    :returns: Content.
    """
    if not path.exists():
        raise FileNotFoundError(path)
    return path.read_bytes()


def delegate(path: Path) -> bytes:
    """Raises whatever the helper raises (a variable: unknown, never reported).

    :param path: The file.
    :raises PermissionError: When not allowed.
    :returns: Content.
    """
    error = PermissionError(path)
    if not path:
        raise error
    return b""


def missing_name(dist: Any = None) -> None:
    """A field without its name is read as unsure, never as an extra argument.

    :param Distribution|None: The distribution.
    """


def no_fields(alpha: float) -> float:
    """Prose only, with a role :func:`no_fields` and a :param: mention."""
    return alpha


class Store:
    """A key-value store.

    :param root: Folder.
    :param readonly: Refuse writes.
    """

    def __init__(self, root: Path, readonly: bool = False) -> None:
        self.root = root

    def get(self, key: str, default: Any = None) -> Any:  # expect: MLH302(default)
        """Get a value.

        :param key: The key.
        :returns: The value.
        """
        return default

    def put(self, key: str, value: bytes) -> None:  # expect: MLH304(value)
        """Put a value.

        :param str key: The key.
        :param str value: The value.
        """
