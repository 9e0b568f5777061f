"""Full-page cache for anonymous visitors (see middleware.py and invalidation.py)."""
