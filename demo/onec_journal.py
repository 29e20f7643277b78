#!/usr/bin/env python3
"""What the demo's 1C OData stub was asked, oldest first, with the Cyrillic names decoded: one line per request."""
import json
import sys
import urllib.parse
import urllib.request

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8095"
with urllib.request.urlopen(base + "/__admin/requests") as answer:
    journal = json.load(answer)
for entry in reversed(journal.get("requests", [])):
    request = entry["request"]
    status = entry.get("responseDefinition", {}).get("status", "")
    print(f'{request["loggedDateString"]}  {request["method"]:5} {status}  {urllib.parse.unquote(request["url"])}')
