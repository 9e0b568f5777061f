"""Image uploads: safe file names and no hidden metadata (EXIF, GPS, comments).

Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``) already refuses formats that are not
in ``WAGTAILIMAGES_EXTENSIONS`` (no SVG), files over ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and images
over ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` (decompression bombs). This form adds, for the single and
the multiple uploader alike: the stored original is a copy of the picture without its metadata
(turned upright first, because the rotation is metadata too), under a plain ASCII file name that
keeps nothing of the original name but its words. Renditions are made from that clean copy.
"""

import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify
from PIL import Image, ImageOps
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

# Pillow's format name and the keyword arguments that keep quality, per extension.
SAVE_AS = {
    "jpg": ("JPEG", {"quality": 90, "optimize": True}),
    "jpeg": ("JPEG", {"quality": 90, "optimize": True}),
    "png": ("PNG", {"optimize": True}),
    "webp": ("WEBP", {"quality": 90}),
    "gif": ("GIF", {"save_all": True}),
}


def safe_name(name: str) -> str:
    stem, extension = os.path.splitext(os.path.basename(name))
    extension = extension.lower().lstrip(".")
    stem = slugify(stem)[:60].strip("-") or "bestand"
    return f"{stem}.{extension}"


def without_metadata(data: bytes, extension: str) -> bytes:
    """The same picture, upright, without EXIF/GPS, XMP, ICC, comments or text chunks."""
    pil_format, options = SAVE_AS[extension]
    with Image.open(io.BytesIO(data)) as image:
        animated = getattr(image, "n_frames", 1) > 1
        if animated:
            # Animated GIF/WebP: keep the frames, drop what the file says about itself.
            for key in ("exif", "comment", "xmp", "icc_profile"):
                image.info.pop(key, None)
            out = io.BytesIO()
            image.save(out, format=pil_format, save_all=True)
            return out.getvalue()
        clean = ImageOps.exif_transpose(image).copy()
        clean.info = {k: v for k, v in clean.info.items() if k == "transparency"}
        if pil_format == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        out = io.BytesIO()
        clean.save(out, format=pil_format, **{k: v for k, v in options.items() if k != "save_all"})
        return out.getvalue()


class CleanImageForm(BaseImageForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or "file" not in self.changed_data:
            return uploaded
        uploaded.seek(0)
        name = safe_name(uploaded.name)
        extension = name.rsplit(".", 1)[1]
        data = without_metadata(uploaded.read(), extension)
        return SimpleUploadedFile(name, data, content_type=uploaded.content_type)


class CleanDocumentForm(BaseDocumentForm):
    """Documents keep their content (PDFs are checked by whoever uploads them) but not their
    original file name, which often holds a person's name or address."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            uploaded.name = safe_name(uploaded.name)
        return uploaded
