"""The annual-report table an organisation publishes: HTML context, PDF and XLSX."""
