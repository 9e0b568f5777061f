from django import template

from checks.presenters import verdict_label

register = template.Library()

register.filter("verdict", verdict_label)
