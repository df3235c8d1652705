"""Which files the user named: files, folders (recursive, loop-safe), globs with **, and '-' for stdin."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import regex

GLOB_MAGIC = regex.compile(r"[*?\[]")
# What a browser's "save page" or a site mirror drags along beside the articles, and the documents
# and archives people keep beside a crawl: never an article, so a folder walk leaves them out and the
# run's summary names them (a file named on its own or by a glob is still read).
_NOT_PAGE_EXTENSIONS = """
.css .js .mjs .map .png .jpg .jpeg .gif .svg .webp .avif .ico .bmp .tif .tiff .woff .woff2 .ttf .otf
.eot .mp3 .mp4 .m4a .webm .ogg .wav .swf .pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .epub
.zip .tar .tgz .bz2 .xz .zst .7z .rar .exe .dll .so .bin .iso .dmg .parquet .sqlite .db
"""
NOT_PAGES = frozenset(_NOT_PAGE_EXTENSIONS.split())
# Files vnie writes into its -o DIR; a folder holding the lock, or a database beside the records, is
# a vnie output and is never read back as input (a run inside its own input folder would loop).
OUTPUT_LOCK = ".vnie.lock"
OUTPUT_MARKERS = ("records.jsonl", "vnie.db")


class FolderSpecial(str):
    """A FIFO, socket or device found inside a folder: reported as an error record, never opened."""


@dataclass
class Skipped:
    """What expanding the inputs left out on purpose, for the run's summary."""

    not_pages: Counter[str] = field(default_factory=Counter)  # extension -> files
    outputs: list[str] = field(default_factory=list)  # vnie output folders and files

    def notes(self) -> list[str]:
        """One line per kind of thing left out, e.g. 'skipped 3 files that are not pages: .png ×2, .zip'."""
        notes = []
        if self.not_pages:
            total = sum(self.not_pages.values())
            kinds = ", ".join(
                ext if count == 1 else f"{ext} ×{count}" for ext, count in self.not_pages.most_common()
            )
            files = "file that is not a page" if total == 1 else "files that are not pages"
            notes.append(f"skipped {total} {files}: {kinds}")
        if self.outputs:
            shown = ", ".join(self.outputs[:3]) + (", ..." if len(self.outputs) > 3 else "")
            notes.append(f"skipped vnie output (never read as input): {shown}")
        return notes


def is_vnie_output(folder: str) -> bool:
    """Whether a folder is (or was) a vnie -o DIR: its lock file, or records beside a database."""
    if os.path.exists(os.path.join(folder, OUTPUT_LOCK)):
        return True
    return all(os.path.exists(os.path.join(folder, name)) for name in OUTPUT_MARKERS)


def _sorted_entries(folder: str) -> Iterator[os.DirEntry[str]]:
    """The folder's entries by name (stable across machines)."""
    with os.scandir(folder or ".") as entries:
        return iter(sorted(entries, key=lambda entry: entry.name))


def walk(
    root: str, max_depth: int | None = None, prune: Callable[[str], bool] | None = None
) -> Iterator[tuple[str, bool]]:
    """(path, is_folder) under root, depth first by name; hidden names skipped; each real folder once.

    A folder for which `prune(path)` is true is neither yielded nor entered. FIFOs, sockets and
    devices are yielded as `FolderSpecial` paths: opening one could block or never end.
    """
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
            yield (FolderSpecial(path) if special else path), False
            continue
        if key in visited or (prune is not None and prune(path)):
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


def _expand_glob(pattern: str, prune: Callable[[str], bool] | None = None) -> Iterator[tuple[str, bool]]:
    """Matches of a glob (with ** for any depth), walking only below its literal folder prefix."""
    parts = pattern.replace(os.sep, "/").split("/")
    first_magic = next(i for i, part in enumerate(parts) if GLOB_MAGIC.search(part))
    root = "/".join(parts[:first_magic]) or ("/" if pattern.startswith("/") else "")
    rest = parts[first_magic:]
    matcher = _glob_regex(rest)
    depth = None if "**" in rest else len(rest)
    if root and not os.path.isdir(root):
        return
    for path, is_folder in walk(root, depth, prune):
        relative = os.path.relpath(path, root or ".").replace(os.sep, "/")
        if matcher.fullmatch(relative):
            yield path, is_folder


def not_page_extension(path: str) -> str | None:
    """The extension of a stylesheet, script, image, font, media file, document or archive (even
    gzipped), as the summary names it; None for anything that may be a page."""
    name = path.lower()
    compressed = name.endswith(".gz")
    extension = os.path.splitext(name.removesuffix(".gz"))[1]
    if extension not in NOT_PAGES:
        return ".tgz" if name.endswith(".tgz") else None
    return extension + (".gz" if compressed else "")


def _inside(path: str, folders: tuple[str, ...]) -> bool:
    """Whether the real path is one of the folders or below one."""
    real = os.path.realpath(path)
    return any(real == folder or real.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)


def expand_inputs(
    specs: Iterable[str], exclude: Iterable[str] = (), skipped: Skipped | None = None
) -> Iterator[str]:
    """Files named by each spec (file, folder, glob or '-'); a spec that matches nothing is yielded as is.

    Folders are walked in name order, following symlinks but each real folder once; hidden names and
    files that are not pages (stylesheets, scripts, images, fonts, media, documents, archives) inside
    them are left out, and so is any vnie output folder. Nothing at or below an `exclude` folder
    (the run's own -o DIR) is read. What is left out is counted in `skipped`.
    """
    if isinstance(specs, str):  # one spec given bare: not its characters
        specs = [specs]
    excluded = tuple(os.path.realpath(folder) for folder in exclude)
    log = skipped if skipped is not None else Skipped()
    seen: set[str] = set()

    def prune(folder: str) -> bool:
        if _inside(folder, excluded) or is_vnie_output(folder):
            log.outputs.append(folder)
            return True
        return False

    def fresh(path: str) -> bool:
        real = os.path.realpath(path)
        if real in seen:
            return False
        seen.add(real)
        return True

    for spec in specs:
        if spec != "-" and excluded and os.path.lexists(spec) and _inside(spec, excluded):
            log.outputs.append(spec)  # the run's own output, named as input: it would read itself
            continue
        if spec == "-" or (os.path.lexists(spec) and not os.path.isdir(spec)):
            if spec == "-" or fresh(spec):
                yield spec
            continue
        if os.path.isdir(spec):
            matches: Iterable[tuple[str, bool]] = [(spec, True)]
        elif GLOB_MAGIC.search(spec):
            matches = _expand_glob(spec, prune)
        else:
            yield spec
            continue
        found = False
        for path, is_folder in matches:
            files = _folder_files(path, prune, log) if is_folder else iter([path])
            for file_path in files:
                found = True
                if fresh(file_path):
                    yield file_path
        if not found:
            yield spec  # the reader reports not_found: nothing is silently dropped


def _folder_files(folder: str, prune: Callable[[str], bool], log: Skipped) -> Iterator[str]:
    """The files of a folder walk that may be pages; the others are counted in the log."""
    for path, is_folder in walk(folder, prune=prune):
        if is_folder:
            continue
        extension = not_page_extension(path)
        if extension is None:
            yield path
        else:
            log.not_pages[extension] += 1


def missing_input(spec: str) -> str | None:
    """Why a spec names nothing (a usage error, as for cat or grep), or None when it names something."""
    if spec == "-" or os.path.exists(spec):
        return None
    where = "" if os.path.isabs(spec) else f" (relative to {os.getcwd()})"
    if os.path.lexists(spec):
        return f"{spec}: a symbolic link to a file that does not exist"
    if GLOB_MAGIC.search(spec):
        if next(_expand_glob(spec), None) is None:
            return f"{spec}: no file matches this pattern{where}"
        return None
    return f"{spec}: no such file or folder{where}"
