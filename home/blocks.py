from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        label=_("Alternative text"),
        help_text=_("Describe the image for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        label=_("Only decoration"),
        help_text=_("Then it needs no alternative text: screen readers pass it by."),
    )
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the image, or mark it as only decoration.")
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Or a web address"))

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"


class RetentionBlock(blocks.StaticBlock):
    """For the privacy page: every kind of personal data, why, how long and who sees it, read
    from the rules each app declares (home.retention), so the page says what
    `purge_personal_data` does."""

    def get_context(self, value, parent_context=None):
        from home.retention import rules

        return {**super().get_context(value, parent_context), "rules": rules()}

    class Meta:
        icon = "time"
        label = _("What we keep and for how long")
        admin_text = _(
            "Lists every kind of personal data the site keeps, why, for how long and who sees "
            "it, from the same settings the daily clean-up uses. Nothing to fill in."
        )
        template = "blocks/retention_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The one body block for every page type; nothing in it loads from another host."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        label=_("Paragraph"),
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock(label=_("Call to action"))


class StandardStreamBlock(BaseStreamBlock):
    """Standard pages (privacy, about) may also list the retention rules."""

    retention = RetentionBlock()
