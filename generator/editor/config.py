"""The web editor's configuration (`/admin/config.yml`), generated from the models on every build, never by hand.

One collection for the SOPs and one for every archive kind (`kinds.KINDS`), each a folder of YAML files named after
the item's id; a kind whose folder holds Markdown files (`.md`: front matter and a body) gets a second collection for
those, whose body is the kind's `body_field`. Each collection's fields come from the model's JSON Schema (fields.py);
file fields (`ArchiveKind.attachments`) upload into content_archive/ where the models expect them: documents into
`lampiran/`, images into the kind's own folder (`konten/gambar/`, `sampul/`).

Options: Sveltia CMS's `types/public.d.ts` (`CmsConfig`, `EntryCollection`, `FileField`), npm @sveltia/cms 0.221.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..archive import kinds
from ..archive.kind import DOCUMENT_SUFFIXES, SOP, ArchiveKind, Attachment
from ..archive.relations import declared_by
from ..project import Project
from ..schema import json_schema
from ..sop.model import SopDocument
from .fields import Field, form_fields

SOP_COLLECTION = SOP  # the SOPs' collection is named as references name it
BRANCH = "main"
_GITHUB = re.compile(r"^https://github\.com/(?P<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$")
_BRANCH = re.compile(r"/(?:edit|blob|tree)/(?P<branch>[^/]+)/")


@dataclass(frozen=True)
class Repository:
    """The GitHub repository the editor commits to, and its branch: what `repo_url` and `edit_uri` name."""

    name: str  # owner/name
    branch: str = BRANCH


def github_repository(repo_url: str | None, edit_base: str | None) -> Repository | None:
    """`https://github.com/kpu-x/situs` (and the edit address's branch, else main); None for another host or none."""
    found = _GITHUB.match(repo_url or "")
    if not found:
        return None
    branch = _BRANCH.search(edit_base or "")
    return Repository(found["repo"], branch["branch"] if branch else BRANCH)


def cms_config(project: Project, repository: Repository, site_url: str, markdown_kinds: set[str]) -> dict[str, Any]:
    """The editor's whole configuration as data; `markdown_kinds` are the keys of kinds with `.md` files."""
    archive = project.archive_label.rstrip("/")
    collections: list[dict[str, Any]] = [_sop_collection(project)]
    for kind in kinds.KINDS:
        collections.append(_kind_collection(kind, archive, markdown_kinds, markdown=False))
        if kind.key in markdown_kinds:
            collections.append(_kind_collection(kind, archive, markdown_kinds, markdown=True))
    return {
        "backend": {
            "name": "github",
            "repo": repository.name,
            "branch": repository.branch,
            "commit_messages": _COMMIT_MESSAGES,
        },
        # A staffer's change is a pull request that the site's workflow checks before it is merged and published.
        "publish_mode": "editorial_workflow",
        "site_url": site_url,
        "display_url": site_url,
        "app_title": "Editor SOP dan JDIH",
        "media_folder": f"{archive}/lampiran",
        "public_folder": "lampiran",
        # Uploads stay in the repository: no stock-photo services (requests to other sites, refused by the policy).
        "media_libraries": {"stock_assets": False},
        # A field left empty is left out of the file, as an editor writing YAML would: the model's default applies.
        "output": {"omit_empty_optional_fields": True, "yaml": {"quote": "none"}},
        "collections": collections,
    }


# Commit messages in Indonesian: they are what the pull request and the repository's history show.
_COMMIT_MESSAGES = {
    "create": "Tambah {{collection}} {{slug}} lewat formulir web",
    "update": "Ubah {{collection}} {{slug}} lewat formulir web",
    "delete": "Hapus {{collection}} {{slug}} lewat formulir web",
    "uploadMedia": "Unggah {{path}} lewat formulir web",
    "deleteMedia": "Hapus {{path}} lewat formulir web",
}


def _choose(fields: list[Field], path: tuple[str, ...], target: str, many: bool) -> None:
    """The id field at `path` becomes a choice among the items of the `target` collection (a Sveltia relation): staff
    pick a title instead of typing an id. The value written is the item's file name, which is its id."""
    field = _at(fields, path)
    title = "nama_sop" if target == SOP_COLLECTION else kinds.kind_named(target).title
    kept = {key: field[key] for key in ("name", "label", "hint", "required") if key in field}
    field.clear()
    field |= kept | {
        "widget": "relation",
        "collection": target.replace("-", "_"),
        "value_field": "{{slug}}",
        "display_fields": [f"{{{{fields.{title}}}}}"],
        "search_fields": [title, "id"],
        "multiple": many,
    }


def _sop_collection(project: Project) -> dict[str, Any]:
    return {
        "name": SOP_COLLECTION,
        "label": "SOP",
        "label_singular": "SOP",
        "description": "Lembar SOP: identitas, kotak kepala dan prosedur (bagan alur) dengan langkah-langkahnya.",
        "folder": project.sops_label.rstrip("/"),
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "slug": "{{fields.id}}",
        "identifier_field": "nama_sop",
        "summary": "{{nomor_sop}} · {{nama_sop}}",
        "preview_path": "sop/{{fields.id}}/",
        "fields": _sop_fields(),
    }


def _sop_fields() -> list[Field]:
    fields = _fields(SopDocument)
    _choose(fields, ("keterkaitan", "sop"), SOP_COLLECTION, many=False)
    return fields


def _kind_collection(kind: ArchiveKind, archive: str, markdown_kinds: set[str], markdown: bool) -> dict[str, Any]:
    """One archive kind's YAML files, or (`markdown`) its `.md` files with the body field as the Markdown body.

    An id of another item is chosen from that item's collection, unless some of its items are Markdown files: a
    Sveltia relation reads one collection, so those ids stay typed (and checked by the build)."""
    fields = _fields(kind.model, {attachment.path: attachment for attachment in kind.attachments}, archive, kind)
    named = [((reference.field,), reference.target) for reference in kind.references]
    named += [(("relasi", relation.name), relation.target) for relation in declared_by(kind.key)]
    for path, target in named:
        if target not in markdown_kinds:
            _choose(fields, path, target, many=_at(fields, path)["widget"] == "list")
    name = kind.key.replace("-", "_")
    label = kind.full_name[:1].upper() + kind.full_name[1:]
    collection: dict[str, Any] = {
        "name": name,
        "label": label,
        "label_singular": kind.name[:1].upper() + kind.name[1:],
        "folder": f"{archive}/{kind.key}",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "slug": "{{fields.id}}",
        "identifier_field": kind.title,
        "preview_path": posixpath.splitext(kind.uri("{{fields.id}}"))[0] + "/",
        "fields": fields,
    }
    if markdown:
        body = next(field for field in fields if field["name"] == kind.body_field)
        fields = [field for field in fields if field["name"] != kind.body_field]
        collection |= {
            "name": f"{name}_md",
            "label": f"{label} (berkas .md)",
            "extension": "md",
            "format": "frontmatter",
            "create": False,  # new items are YAML files; these are the ones written with a Markdown body
            "fields": [*fields, {**body, "name": "body", "widget": "markdown"}],
        }
    return collection


def _fields(
    model: type[BaseModel],
    attachments: dict[tuple[str, ...], Attachment] | None = None,
    archive: str = "",
    kind: ArchiveKind | None = None,
) -> list[Field]:
    """The model's form, with its attachments as file fields that upload where the model expects the file."""
    fields = form_fields(json_schema(model))
    for path, attachment in (attachments or {}).items():
        field = _at(fields, path)
        assert kind is not None
        field |= _file_field(attachment, archive, kind)
    return fields


def _at(fields: list[Field], path: tuple[str, ...]) -> Field:
    """The field at `path` ("lampiran", "dokumen") among nested object fields."""
    field = next(field for field in fields if field["name"] == path[0])
    return _at(field["fields"], path[1:]) if len(path) > 1 else field


def _file_field(attachment: Attachment, archive: str, kind: ArchiveKind) -> Field:
    """Documents go to content_archive/lampiran/, images beside the kind's items (konten/gambar/, sampul/): the
    value written is the path inside content_archive/, which is what the models read."""
    if attachment.suffixes == DOCUMENT_SUFFIXES:
        folder = "lampiran"
        widget = "file"
    elif attachment.placeholder:
        folder = posixpath.dirname(attachment.placeholder)
        widget = "image"
    else:
        folder = attachment.name
        widget = "image"
    return {
        "widget": widget,
        "media_folder": f"/{archive}/{folder}",
        "public_folder": folder,
        "accept": ",".join(attachment.suffixes),
        "choose_url": attachment.remote,
    }
