#!/usr/bin/env python3
"""
Puts the hub's broker configuration into an Artemis instance's etc folder: broker.xml as it is in this folder, and one
broker user per line of identities.properties, with its roles. Each user's password comes from the environment,
HUB_BROKER_PASSWORD_<USER> (upper case, '-' as '_'); only its salted PBKDF2 hash is written, in the format Artemis'
PropertiesLoginModule reads (the one `artemis mask --hash` prints). Python's standard library only.

    provision.py INSTANCE_ETC_DIR [--host 127.0.0.1] [--port 61616]

--host/--port set the acceptor's address in the instance's artemis.profile (the hub.broker.* placeholders of broker.xml).
Exit status 2 names a missing password.
"""
import argparse
import hashlib
import os
import re
import secrets
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROFILE_MARK = "# settlehub acceptor (deploy/broker/provision.py)"


def identities():
    found = {}
    with open(os.path.join(HERE, "identities.properties"), encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith("#"):
                user, _, roles = line.partition("=")
                found[user.strip()] = [role.strip() for role in roles.split(",") if role.strip()]
    return found


def password_variable(user):
    return "HUB_BROKER_PASSWORD_" + re.sub(r"[^A-Z0-9]", "_", user.upper())


def hashed(password):
    # Artemis' DefaultSensitiveStringCodec one-way form: PBKDF2WithHmacSHA1, 1024 iterations, 32-byte salt, 64-byte key
    salt = secrets.token_bytes(32)
    key = hashlib.pbkdf2_hmac("sha1", password.encode("utf-8"), salt, 1024, dklen=64)
    return f"ENC(1024:{salt.hex().upper()}:{key.hex().upper()})"


def write_private(path, text):
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(path, 0o600)


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("etc")
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    args = parser.parse_args()
    users = identities()
    missing = [password_variable(u) for u in users if not os.environ.get(password_variable(u))]
    if missing:
        print("provision.py: set " + ", ".join(missing) + " (each broker user's password)", file=sys.stderr)
        sys.exit(2)
    os.makedirs(args.etc, exist_ok=True)
    shutil.copyfile(os.path.join(HERE, "broker.xml"), os.path.join(args.etc, "broker.xml"))
    write_private(os.path.join(args.etc, "artemis-users.properties"),
                  "".join(f"{u} = {hashed(os.environ[password_variable(u)])}\n" for u in users))
    by_role = {}
    for user, roles in users.items():
        for role in roles:
            by_role.setdefault(role, []).append(user)
    write_private(os.path.join(args.etc, "artemis-roles.properties"),
                  "".join(f"{role} = {','.join(members)}\n" for role, members in by_role.items()))
    profile = os.path.join(args.etc, "artemis.profile")
    if (args.host or args.port) and os.path.exists(profile):
        with open(profile, encoding="utf-8") as f:
            kept = [line for line in f.read().splitlines() if PROFILE_MARK not in line]
        options = (f" -Dhub.broker.host={args.host}" if args.host else "") + (f" -Dhub.broker.port={args.port}" if args.port else "")
        kept.append(f'JAVA_ARGS="$JAVA_ARGS{options}"  {PROFILE_MARK}')
        with open(profile, "w", encoding="utf-8") as f:
            f.write("\n".join(kept) + "\n")


if __name__ == "__main__":
    main()
