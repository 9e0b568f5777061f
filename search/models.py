"""Search keeps no tables of its own: the words for each need are the needs' own translated
fields (aanbod.Hulpvraag, django-modeltranslation), the index lives in Wagtail or Elasticsearch."""
