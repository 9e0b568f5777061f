"""Uploads in the admin: allowed formats only, limits, clean names, no EXIF/GPS kept."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import ExifTags, Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (52.0, 5.0, 30.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (5.0, 6.0, 7.0),
}


def jpeg_with_gps(size=(120, 80), orientation=None) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Telefoon van Jan"
    exif[ExifTags.IFD.GPSInfo] = GPS
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="JPEG", exif=exif)
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # it is there
    return data


def _png(size=(10, 10)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "blue").save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("beheer", "b@example.org", "x" * 16)
    client.force_login(user)
    return client


def _upload(client, name, data, content_type="image/jpeg"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Foto", "file": SimpleUploadedFile(name, data, content_type=content_type)},
    )


def _stored_bytes(image) -> bytes:
    with image.file.open("rb") as f:
        return f.read()


@pytest.mark.django_db
def test_gps_and_exif_are_gone_from_the_original_and_the_renditions(admin_client):
    response = _upload(admin_client, "Huis van Jan de Vries, Kanaalstraat 12.jpg", jpeg_with_gps())
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get()
    stored = Image.open(io.BytesIO(_stored_bytes(image)))
    assert stored.format == "JPEG"
    assert not stored.getexif()
    assert "exif" not in stored.info
    assert b"Telefoon van Jan" not in _stored_bytes(image)
    assert (image.width, image.height) == (120, 80)

    rendition = image.get_rendition("fill-60x40")
    with rendition.file.open("rb") as f:
        made = Image.open(io.BytesIO(f.read()))
    assert not made.getexif()


@pytest.mark.django_db
def test_the_original_file_name_is_not_kept_as_is(admin_client):
    _upload(admin_client, "Huis van Jan de Vries, Kanaalstraat 12.jpg", jpeg_with_gps())
    name = get_image_model().objects.get().file.name
    assert name.startswith("original_images/huis-van-jan-de-vries-kanaalstraat-12")
    assert " " not in name and "," not in name


@pytest.mark.django_db
def test_a_sideways_phone_photo_is_stored_upright(admin_client):
    _upload(admin_client, "foto.jpg", jpeg_with_gps(size=(120, 80), orientation=6))
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (80, 120)


@pytest.mark.django_db
def test_svg_is_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = _upload(admin_client, "logo.svg", svg, "image/svg+xml")
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert "svg" not in [
        ext.lower() for ext in __import__("django.conf").conf.settings.WAGTAILIMAGES_EXTENSIONS
    ]


@pytest.mark.django_db
def test_a_picture_in_disguise_is_refused(admin_client):
    response = _upload(admin_client, "foto.jpg", _png(), "image/jpeg")
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=10_000)
def test_too_many_pixels_are_refused(admin_client):
    # 200 x 200 = 40 000 pixels: a tiny file that would unpack to far more than allowed.
    response = _upload(admin_client, "bom.png", _png((200, 200)), "image/png")
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_a_decompression_bomb_is_refused(admin_client):
    # A PNG of 14 000 x 14 000 pixels (196 million, a few hundred KB): Pillow refuses it.
    data = io.BytesIO()
    Image.new("1", (14_000, 14_000)).save(data, format="PNG")
    response = _upload(admin_client, "bom.png", data.getvalue(), "image/png")
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_too_large_files_are_refused(admin_client):
    response = _upload(admin_client, "groot.jpg", jpeg_with_gps(size=(400, 400)))
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_documents_only_in_allowed_formats_and_with_a_clean_name(admin_client):
    bad = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Script", "file": SimpleUploadedFile("kwaad.html", b"<script>", "text/html")},
    )
    assert bad.status_code == 200
    assert not get_document_model().objects.exists()
    good = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Folder",
            "file": SimpleUploadedFile("Folder Jan de Vries.pdf", b"%PDF-1.4\n", "application/pdf"),
        },
    )
    assert good.status_code == 302
    assert get_document_model().objects.get().file.name == "documents/folder-jan-de-vries.pdf"
