"""The project: where a site's sources live, set up by the `sop-jdih` block of mkdocs.yml for the build and the CLI.

Both read that one block through `project_from_options`, so they cannot disagree about where the SOPs are: MkDocs
hands the plugin the block it parsed, and the `sop-jdih` command reads mkdocs.yml itself with `read_project`.
The plugin declares its MkDocs options from `OPTIONS`, which are the fields of `Settings`: an option is added by
adding a field. Below the core (only `source/` is imported), so loaders and page writers can name the folders.

Shape of the block (every key optional)::

    plugins:
      - sop-jdih:
          sops_dir: prosedur
          archive_dir: arsip
"""

from __future__ import annotations

import os
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Literal

import yaml

from .source.guess import did_you_mean
from .source.problems import DataError, Problem
from .source.yaml_source import syntax_problem

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "sop-jdih"


@dataclass(frozen=True)
class Settings:
    """The options of the `sop-jdih` block; each default is what an absent key means."""

    sops_dir: str = "sops"  # the SOP files, relative to the project root
    archive_dir: str = "content_archive"  # the JDIH archive: produk hukum, konten and their attachments
    cache_dir: str = ".cache"  # rendered diagrams and staged pages, kept between builds
    # Where "edit this page" points for generated pages, relative to repo_url (e.g. "edit/main/").
    # Default: MkDocs' edit_uri without its trailing docs folder.
    edit_uri: str | None = None
    # An SOP citing a revoked regulation: "warn" (fails `mkdocs build --strict`) or "info" (reported, never fails:
    # a signed SOP stays in force until it is revised).
    dasar_hukum_tidak_berlaku: Literal["warn", "info"] = "warn"
    # A produk hukum whose tahun and tanggal disagree (tahun 2024, ditetapkan 2023-12-30): "warn" (fails
    # `mkdocs build --strict`) or "info" (reported, never fails: the signed document may say so).
    tanggal_tidak_cocok: Literal["warn", "info"] = "warn"
    # Konten pages show their workflow record (alur_kerja) as steps and dates; true adds who did each step (oleh) and
    # the team's notes (catatan), which name staff and internal chat groups.
    tampilkan_nama_staf: bool = False
    # Also print every SOP page to sop/<id>.pdf with headless Chromium, linked from the page (needs a browser).
    pdf: bool = False
    # The office's identity (name, profil, struktur pengelola, kontak, panduan), relative to the project root; optional.
    kantor: str = "kantor.yaml"
    # A full build writes its pages in two processes, on two cores (split_render.py); false: in one.
    render_dua_proses: bool = True
    # The web editor at /admin/ (Sveltia CMS, editor/admin.py), for a site whose repo_url is on GitHub; false: none.
    editor_web: bool = True


# Folders of the editors' files. A folder the office names must exist (a typo would silently publish nothing);
# a default one may be missing: a project without an archive yet.
FOLDERS = ("sops_dir", "archive_dir")
# Files the office writes, by the same rule: a named one must exist, the default one may be missing.
FILES = ("kantor",)


@dataclass(frozen=True)
class Option:
    """One key of the block as both readers check it: its Python type, its default, and its allowed values."""

    name: str
    kind: type  # str or bool
    default: object
    choices: tuple[str, ...] = ()  # when not empty, the only values allowed
    nullable: bool = False


def _options() -> tuple[Option, ...]:
    """`Settings`' fields as options: `Literal[...]` gives the choices, `X | None` a nullable X."""
    options = []
    hints = typing.get_type_hints(Settings)
    for setting in fields(Settings):
        hint = hints[setting.name]
        arguments = typing.get_args(hint)
        if typing.get_origin(hint) is Literal:
            options.append(Option(setting.name, str, setting.default, choices=arguments))
        elif type(None) in arguments:
            kind = next(argument for argument in arguments if argument is not type(None))
            options.append(Option(setting.name, kind, setting.default, nullable=True))
        else:
            options.append(Option(setting.name, hint, setting.default))
    return tuple(options)


OPTIONS = _options()


@dataclass(frozen=True)
class Project:
    """A site's sources and settings; every path the generator touches derives from `root`."""

    root: Path
    settings: Settings = field(default_factory=Settings)
    site_dir_name: str = "site"  # MkDocs' site_dir: where the build writes the site (absolute, or from the root)
    site_url: str = ""  # MkDocs' site_url: where the site is served, e.g. https://akun.github.io/jdih-kpu/
    docs_dir_name: str = "docs"  # MkDocs' docs_dir: the hand-written pages (absolute, or from the root)
    directory_urls: bool = True  # MkDocs' use_directory_urls: sop/x.md is built as sop/x/index.html, not sop/x.html

    @property
    def sops_dir(self) -> Path:
        return self.root / self.settings.sops_dir

    @property
    def archive_dir(self) -> Path:
        return self.root / self.settings.archive_dir

    @property
    def sops_label(self) -> str:
        """The SOP folder as messages name it, e.g. `sops/`."""
        return _label(self.settings.sops_dir)

    @property
    def archive_label(self) -> str:
        """The archive folder as messages name it, e.g. `content_archive/`."""
        return _label(self.settings.archive_dir)

    @property
    def docs_dir(self) -> Path:
        return self.root / self.docs_dir_name

    @property
    def docs_label(self) -> str:
        """The docs folder as messages name it, e.g. `docs/`."""
        return _label(self.docs_dir_name)

    @property
    def staging_dir(self) -> Path:
        return self.root / self.settings.cache_dir / "sop-jdih" / "pages"

    @property
    def diagram_cache_dir(self) -> Path:
        return self.root / self.settings.cache_dir / "sop-jdih" / "bagan"

    @property
    def load_cache_dir(self) -> Path:
        """Parsed and validated editor's files, by content (`source.load_cache`)."""
        return self.root / self.settings.cache_dir / "sop-jdih" / "muat"

    @property
    def site_dir(self) -> Path:
        return self.root / self.site_dir_name


def _label(folder: str) -> str:
    return Path(folder).as_posix() + "/"


def project_from_options(
    root: Path,
    options: Mapping[object, object],
    config_name: str = CONFIG_FILE,
    site_dir: str = "site",
    site_url: str = "",
    docs_dir: str = "docs",
    use_directory_urls: bool = True,
) -> Project:
    """The project at `root` as the `sop-jdih` block `options` of `config_name` sets it up; `site_dir`, `site_url`,
    `docs_dir` and `use_directory_urls` are MkDocs'.

    Every wrong key is reported at once, raised as one DataError located at the config file, e.g.
    `mkdocs.yml: plugins.sop-jdih.sops_dir: folder 'prosedur' tidak ada`.
    """
    known = {option.name: option for option in OPTIONS}
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for key, value in options.items():
        where = f"plugins.{PLUGIN}.{key}"
        option = known.get(str(key))
        if option is None:
            guess = did_you_mean(str(key), known)
            message = f"pilihan tidak dikenal{guess} (yang ada: {', '.join(known)})"
            problems.append(Problem(config_name, 0, where, message))
            continue
        message = _value_problem(option, value)
        if message is None and option.name in FOLDERS:
            message = _folder_problem(root, str(value), str(option.default))
        if message is None and option.name in FILES:
            message = _file_problem(root, str(value), str(option.default))
        if message is not None:
            problems.append(Problem(config_name, 0, where, message))
        values[option.name] = value
    if problems:
        raise DataError(problems)
    settings = Settings(**values)  # type: ignore[arg-type]  # each value was checked against its option above
    # MkDocs hands over absolute paths: the same folders either way
    site, docs = (Path(os.path.relpath(root / folder, root)).as_posix() for folder in (site_dir, docs_dir))
    return Project(root, settings, site, site_url, docs, use_directory_urls)


def _value_problem(option: Option, value: object) -> str | None:
    if value is None and option.nullable:
        return None
    if option.choices:
        return None if value in option.choices else f"tulis salah satu dari: {', '.join(option.choices)}"
    if option.kind is bool:
        return None if isinstance(value, bool) else "tulis true atau false"
    return None if isinstance(value, str) else "tulis teks, mis. nama folder"


def _folder_problem(root: Path, value: str, default: str) -> str | None:
    relative = Path(value)
    if not relative.parts:
        return f"tulis nama folder, mis. '{default}'"
    if relative.is_absolute() or ".." in relative.parts:
        return f"folder '{value}' harus di dalam folder proyek (tanpa '/' di awal, tanpa '..')"
    folder = root / relative
    if not folder.exists():
        return None if relative == Path(default) else f"folder '{value}' tidak ada"
    return None if folder.is_dir() else f"'{value}' bukan folder"


def _file_problem(root: Path, value: str, default: str) -> str | None:
    relative = Path(value)
    if not relative.parts or relative.is_absolute() or ".." in relative.parts:
        return f"tulis nama berkas di dalam folder proyek, mis. '{default}'"
    if (root / relative).is_file() or relative == Path(default):
        return None
    return f"berkas '{value}' tidak ada"


def read_project(config_file: Path) -> Project:
    """The project of `config_file` (usually mkdocs.yml; its folder is the root), as the build would see it.

    A missing file, or one without a `sop-jdih` block, gives the defaults. YAML errors and wrong options raise
    DataError located at the file.
    """
    root = config_file.resolve().parent
    if not config_file.exists():
        return Project(root)
    name = config_file.name
    data = _read_config(config_file, name)
    site_dir, site_url, docs_dir = data.get("site_dir"), data.get("site_url"), data.get("docs_dir")
    directory_urls = data.get("use_directory_urls")
    block = _plugin_block(data, name)
    return project_from_options(
        root,
        block,
        name,
        site_dir if isinstance(site_dir, str) else "site",
        site_url if isinstance(site_url, str) else "",
        docs_dir if isinstance(docs_dir, str) else "docs",
        directory_urls if isinstance(directory_urls, bool) else True,
    )


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, without running anything it names.

    `!ENV` is looked up as MkDocs does (`!ENV NAME` or `!ENV [NAME, OTHER, default]`); every other tag
    (`!!python/name:…` for Markdown extensions, `!relative`) is read as null: none of them configures this plugin.
    """


def _environment(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
        if len(children) > 1:
            default = loader.construct_object(children[-1])
            children = children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    else:
        raise yaml.constructor.ConstructorError(None, None, f"!ENV tidak dapat dipakai pada {node.id}", node.start_mark)
    for name in names:
        if str(name) in os.environ:
            value = os.environ[str(name)]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


_ConfigLoader.add_constructor("!ENV", _environment)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _read_config(config_file: Path, name: str) -> dict[object, object]:
    """The file's mapping, with `INHERIT: base.yml` merged under it as MkDocs does (nested mappings merged)."""
    try:
        text = config_file.read_text(encoding="utf-8-sig")  # a byte order mark is fine with MkDocs too
    except OSError as error:
        raise DataError([Problem(name, 0, "", f"berkas tidak dapat dibaca: {error.strerror}")]) from None
    except UnicodeDecodeError:
        raise DataError([Problem(name, 0, "", "berkas bukan teks UTF-8; simpan ulang dengan encoding UTF-8")]) from None
    try:
        data = yaml.load(text, Loader=_ConfigLoader)
    except yaml.MarkedYAMLError as error:
        line, reason = syntax_problem(error, text)
        raise DataError([Problem(name, line + 1, "", f"sintaks YAML salah: {reason}")]) from None
    except yaml.YAMLError:
        raise DataError([Problem(name, 0, "", "YAML tidak dapat dibaca")]) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataError([Problem(name, 0, "", "isinya harus pengaturan (kunci: nilai)")])
    parent = data.pop("INHERIT", None)
    if parent is None:
        return data
    base = config_file.parent / str(parent)
    if not base.is_file():
        raise DataError([Problem(name, 0, "INHERIT", f"berkas '{parent}' tidak ada")])
    return _merged(_read_config(base, str(parent)), data)


def _merged(base: dict[object, object], override: dict[object, object]) -> dict[object, object]:
    merged = dict(base)
    for key, value in override.items():
        below = merged.get(key)
        merged[key] = _merged(below, value) if isinstance(below, dict) and isinstance(value, dict) else value
    return merged


def _plugin_block(data: Mapping[object, object], name: str) -> Mapping[object, object]:
    """The options under `plugins:` for this plugin, written as a list (`- sop-jdih: {...}`) or as a mapping."""
    plugins = data.get("plugins")
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        entries = [next(iter(item.items())) if isinstance(item, dict) and item else (item, None) for item in plugins]
    else:
        entries = []
    for plugin, block in entries:
        if plugin != PLUGIN:
            continue
        if block is None:
            return {}
        if not isinstance(block, dict):
            raise DataError([Problem(name, 0, f"plugins.{PLUGIN}", "tulis pilihan plugin sebagai kunci: nilai")])
        return block
    return {}
