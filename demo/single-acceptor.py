#!/usr/bin/env python3
"""Keeps only the broker's 61616 acceptor (all protocols): 5672 and 1883 may be taken by other local brokers."""
import re
import sys

path = sys.argv[1]
xml = open(path, encoding="utf-8").read()
xml = re.sub(r'\s*<acceptor name="(?!artemis")[^"]*">[^<]*</acceptor>', "", xml)
open(path, "w", encoding="utf-8").write(xml)
