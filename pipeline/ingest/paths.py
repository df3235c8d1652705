"""Which files the user named: files, folders (recursive, loop-safe), globs with **, and '-' for stdin."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

import regex

GLOB_MAGIC = regex.compile(r"[*?\[]")
# What a browser's "save page" or a site mirror drags along beside the articles: never an article,
# so a folder walk leaves them out (a file named on its own or by a glob is still read).
_ASSET_EXTENSIONS = """
.css .js .mjs .map .png .jpg .jpeg .gif .svg .webp .avif .ico .bmp .tif .tiff .woff .woff2 .ttf .otf
.eot .mp3 .mp4 .m4a .webm .ogg .wav .swf
"""
PAGE_ASSETS = frozenset(_ASSET_EXTENSIONS.split())


def _sorted_entries(folder: str) -> Iterator[os.DirEntry[str]]:
    """The folder's entries by name (stable across machines)."""
    with os.scandir(folder or ".") as entries:
        return iter(sorted(entries, key=lambda entry: entry.name))


def walk(root: str, max_depth: int | None = None) -> Iterator[tuple[str, bool]]:
    """(path, is_folder) under root, depth first by name; hidden names skipped; each real folder once."""
    try:
        info = os.stat(root or ".")
        stack = [(root, _sorted_entries(root))]
    except OSError:
        return
    visited = {(info.st_dev, info.st_ino)}
    while stack:
        parent, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = os.path.join(parent, entry.name) if parent else entry.name
        try:
            is_folder = entry.is_dir()  # follows symlinks: loops are stopped by `visited`
            info = entry.stat() if is_folder else None
            key = (info.st_dev, info.st_ino) if info else None
            special = not is_folder and not entry.is_file() and os.path.exists(entry.path)
        except OSError:
            is_folder, key, special = False, None, False
        if not is_folder:
            if not special:  # FIFOs, sockets, devices inside a corpus folder would block or never end
                yield path, False
            continue
        if key in visited:
            continue
        visited.add(key)
        yield path, True
        if max_depth is not None and len(stack) >= max_depth:
            continue
        try:
            stack.append((path, _sorted_entries(path)))
        except OSError:
            yield path, False  # unlistable folder: handed to the reader, which says why


def _glob_regex(pattern_parts: list[str]) -> regex.Pattern[str]:
    """Shell glob (components after the literal root) as a regex over '/'-joined relative paths."""
    out = []
    for index, part in enumerate(pattern_parts):
        last = index == len(pattern_parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]+/)*")
            continue
        i = 0
        while i < len(part):
            char = part[i]
            if char == "*":
                out.append("[^/]*")
            elif char == "?":
                out.append("[^/]")
            elif char == "[" and (close := part.find("]", i + 2)) != -1:
                body = part[i + 1 : close]
                body = "^" + body[1:] if body.startswith("!") else body
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = close
            else:
                out.append(regex.escape(char))
            i += 1
        out.append("" if last else "/")
    return regex.compile("".join(out))


def _expand_glob(pattern: str) -> Iterator[tuple[str, bool]]:
    """Matches of a glob (with ** for any depth), walking only below its literal folder prefix."""
    parts = pattern.replace(os.sep, "/").split("/")
    first_magic = next(i for i, part in enumerate(parts) if GLOB_MAGIC.search(part))
    root = "/".join(parts[:first_magic]) or ("/" if pattern.startswith("/") else "")
    rest = parts[first_magic:]
    matcher = _glob_regex(rest)
    depth = None if "**" in rest else len(rest)
    if root and not os.path.isdir(root):
        return
    for path, is_folder in walk(root, depth):
        relative = os.path.relpath(path, root or ".").replace(os.sep, "/")
        if matcher.fullmatch(relative):
            yield path, is_folder


def _is_page_asset(path: str) -> bool:
    """A stylesheet, script, image, font or media file (even gzipped)."""
    name = path.lower().removesuffix(".gz")
    return os.path.splitext(name)[1] in PAGE_ASSETS


def expand_inputs(specs: Iterable[str]) -> Iterator[str]:
    """Files named by each spec (file, folder, glob or '-'); a spec that matches nothing is yielded as is.

    Folders are walked in name order, following symlinks but each real folder once; hidden names and
    page assets (stylesheets, scripts, images, fonts, media) inside them are left out.
    """
    if isinstance(specs, str):  # one spec given bare: not its characters
        specs = [specs]
    seen: set[str] = set()

    def fresh(path: str) -> bool:
        real = os.path.realpath(path)
        if real in seen:
            return False
        seen.add(real)
        return True

    for spec in specs:
        if spec == "-" or (os.path.lexists(spec) and not os.path.isdir(spec)):
            if spec == "-" or fresh(spec):
                yield spec
            continue
        if os.path.isdir(spec):
            matches: Iterable[tuple[str, bool]] = [(spec, True)]
        elif GLOB_MAGIC.search(spec):
            matches = _expand_glob(spec)
        else:
            yield spec
            continue
        found = False
        for path, is_folder in matches:
            if is_folder:
                files = (p for p, folder in walk(path) if not folder and not _is_page_asset(p))
            else:
                files = iter([path])
            for file_path in files:
                found = True
                if fresh(file_path):
                    yield file_path
        if not found:
            yield spec  # the reader reports not_found: nothing is silently dropped
