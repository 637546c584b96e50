from django import template

from home.images import picture_html

register = template.Library()


@register.simple_tag
def picture_of(image, kind, **attrs):
    """`{% picture_of page.hero_image "hero" alt=... sizes=... %}`: the renditions of that kind
    (home.images.PICTURES), or the original until the worker has made them."""
    return picture_html(image, kind, attrs) if image else ""
