"""The plain data of the site: records, pages, addresses, phone numbers, problems and messages."""
