"""vnie: structured records from scraped Vietnamese news pages."""

__version__ = "0.1.0"
