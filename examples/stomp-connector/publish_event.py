#!/usr/bin/env python3
"""
A connector without Java: publishes one canonical event (a JSON file, the envelope of docs/design.md) to hub.events over STOMP,
with the headers the contract asks for, and waits for the broker's receipt. Python's standard library only.

    HUB_BROKER_USER=connector-example HUB_BROKER_PASSWORD=... ./publish_event.py event.json [host:port]

The broker's 61616 acceptor speaks STOMP too. Exit status 0: the broker has the event; anything else: it does not.
"""
import json
import os
import socket
import sys


def frame(command, headers, body=""):
    lines = [command] + [f"{k}:{escape(str(v))}" for k, v in headers.items()]
    return ("\n".join(lines) + "\n\n" + body + "\0").encode("utf-8")


def escape(value):
    # STOMP 1.2 header escaping
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(":", "\\c").replace("\r", "\\r")


def read_frame(sock):
    data = b""
    while b"\0" not in data:  # a frame ends with NUL (the broker may follow it with a newline)
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("the broker closed the connection")
        data += chunk
    text = data[:data.index(b"\0")].decode("utf-8").lstrip("\r\n")
    head, _, body = text.partition("\n\n")
    command, *header_lines = head.split("\n")
    return command, dict(line.split(":", 1) for line in header_lines if ":" in line), body


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    event = json.load(open(sys.argv[1], encoding="utf-8"))
    for field in ("eventId", "type", "schemaVersion", "source", "occurredAt", "payload"):
        if field not in event:
            sys.exit(f"{sys.argv[1]}: the event has no '{field}'")
    host, _, port = (sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1:61616").partition(":")
    with socket.create_connection((host, int(port or 61616)), timeout=10) as sock:
        sock.sendall(frame("CONNECT", {"accept-version": "1.2", "host": host, "login": os.environ.get("HUB_BROKER_USER", "connector-example"),
                                       "passcode": os.environ.get("HUB_BROKER_PASSWORD", "")}))
        command, headers, body = read_frame(sock)
        if command != "CONNECTED":
            sys.exit(f"the broker refused the connection: {headers.get('message', '')} {body}")
        sock.sendall(frame("SEND", {
            "destination": "hub.events",
            "destination-type": "ANYCAST",
            "content-type": "application/json",
            "eventType": event["type"],                 # the contract's headers (docs/design.md, "Addresses")
            "source": event["source"],
            "JMSXGroupID": event.get("clientId") or "reference-data",
            "_AMQ_DUPL_ID": event["eventId"],           # the broker drops a repeat of the same event
            "persistent": "true",
            "receipt": "publish-1",
        }, json.dumps(event, ensure_ascii=False)))
        command, headers, body = read_frame(sock)
        if command != "RECEIPT":
            sys.exit(f"the broker did not take the event: {headers.get('message', '')} {body}")
        sock.sendall(frame("DISCONNECT", {}))
    print(f"published {event['eventId']} ({event['type']}) to hub.events")


if __name__ == "__main__":
    main()
