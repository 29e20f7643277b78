#!/usr/bin/env python3
"""
Puts the hub's broker configuration into an Artemis instance's etc folder: broker.xml as it is in this folder, and one
broker user per line of identities.properties, with its roles. Each user's password comes from the environment,
HUB_BROKER_PASSWORD_<USER> (upper case, '-' as '_'); only its salted PBKDF2 hash is written, in the format Artemis'
PropertiesLoginModule reads (the one `artemis mask --hash` prints). Python's standard library only.

    provision.py INSTANCE_ETC_DIR [--host 127.0.0.1] [--port 61616]
                 [--ha primary|backup --peer HOST:PORT --shared-store DIR [--self HOST:PORT]]
                 [--cluster local|remote --peer HOST:PORT [--self HOST:PORT]]

--host/--port set the acceptor's address in the instance's artemis.profile (the hub.broker.* placeholders of broker.xml).
--ha makes the instance one half of a shared-store high-availability pair (docs/scaling.md): both halves keep their
journal in the same --shared-store folder (a SAN or NFS volume between machines), the primary serves, and the backup
takes over when the primary's lock on the journal is released (the primary dies or stops) and gives it back when the
primary returns. Each half names the other with --peer and itself with --self (as the other half and the clients reach
it; default --host:--port); they find each other through a cluster connection whose user is hub-cluster, with the
password HUB_BROKER_CLUSTER_PASSWORD. The same options may come from the environment (docker-compose's "ha" profile):
HUB_BROKER_HA, HUB_BROKER_HA_PEER, HUB_BROKER_HA_SELF, HUB_BROKER_SHARED_STORE; an empty HUB_BROKER_HA is no pair.
Clients list both halves: (tcp://primary:61616,tcp://backup:61616)?ha=true&reconnectAttempts=-1.

--cluster local|remote --peer HOST:PORT makes the instance one of two live brokers instead (docs/scaling.md): each its
own journal, messages moved to whichever broker has consumers, and a client's events (JMSXGroupID) kept with one
consumer across both by a grouping handler — LOCAL on one broker, which decides, REMOTE on the other, which asks it.
Also from the environment: HUB_BROKER_CLUSTER.
Exit status 2 names a missing password.
"""
import argparse
import hashlib
import os
import re
import secrets
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


def cluster_password():
    password = os.environ.get("HUB_BROKER_CLUSTER_PASSWORD")
    if not password:
        print("provision.py: set HUB_BROKER_CLUSTER_PASSWORD (the brokers' cluster connection)", file=sys.stderr)
        sys.exit(2)
    return password


def clustered(xml, self_address, peer, load_balancing, extra):
    """broker.xml joined to its peer by a cluster connection (user hub-cluster), with the policy elements in extra."""
    cluster = f"""
      <connectors>
         <connector name="self">tcp://{self_address}</connector>
         <connector name="peer">tcp://{peer}</connector>
      </connectors>
      <cluster-user>hub-cluster</cluster-user>
      <cluster-password>{cluster_password()}</cluster-password>
{extra}
      <cluster-connections>
         <cluster-connection name="settlehub">
            <connector-ref>self</connector-ref>
            <message-load-balancing>{load_balancing}</message-load-balancing>
            <static-connectors><connector-ref>peer</connector-ref></static-connectors>
         </cluster-connection>
      </cluster-connections>
"""
    return xml.replace("<acceptors>", cluster.lstrip("\n") + "\n      <acceptors>", 1)


def high_availability(xml, role, self_address, peer, shared_store):
    """broker.xml as one half of a shared-store pair: the shared journal, the peer, the policy; no load balancing."""
    store = os.path.abspath(shared_store)
    for kind in ("paging", "bindings", "journal", "large-messages"):
        xml = xml.replace(f">data/{kind}<", f">{store}/{kind}<")
    policy = ("<primary><failover-on-shutdown>true</failover-on-shutdown></primary>" if role == "primary"
              else "<backup><allow-failback>true</allow-failback></backup>")
    return clustered(xml, self_address, peer, "OFF", f"      <ha-policy><shared-store>{policy}</shared-store></ha-policy>")


def live_cluster(xml, grouping, self_address, peer):
    """broker.xml as one of two live brokers: messages go where the consumers are (ON_DEMAND, at once), and a client's
    group stays with one consumer across both, decided by the broker whose grouping handler is LOCAL."""
    xml = xml.replace("<dead-letter-address>DLQ.hub.events</dead-letter-address>",
                      "<dead-letter-address>DLQ.hub.events</dead-letter-address>\n"
                      "            <redistribution-delay>0</redistribution-delay>", 1)
    handler = f"""      <grouping-handler name="settlehub-groups">
         <type>{grouping.upper()}</type>
         <timeout>5000</timeout>
      </grouping-handler>"""
    return clustered(xml, self_address, peer, "ON_DEMAND", handler)


def write_private(path, text):
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(path, 0o600)


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("etc")
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--ha", choices=["primary", "backup"], default=os.environ.get("HUB_BROKER_HA") or None)
    parser.add_argument("--peer", default=os.environ.get("HUB_BROKER_HA_PEER") or None)
    parser.add_argument("--self", dest="self_address", default=os.environ.get("HUB_BROKER_HA_SELF") or None)
    parser.add_argument("--shared-store", default=os.environ.get("HUB_BROKER_SHARED_STORE") or None)
    parser.add_argument("--cluster", choices=["local", "remote"], default=os.environ.get("HUB_BROKER_CLUSTER") or None)
    args = parser.parse_args()
    if args.ha and not (args.peer and args.shared_store):
        parser.error("--ha needs --peer HOST:PORT and --shared-store DIR")
    if args.cluster and not args.peer:
        parser.error("--cluster needs --peer HOST:PORT")
    if args.ha and args.cluster:
        parser.error("--ha and --cluster are two set-ups: a pair, or two live brokers")
    users = identities()
    missing = [password_variable(u) for u in users if not os.environ.get(password_variable(u))]
    if missing:
        print("provision.py: set " + ", ".join(missing) + " (each broker user's password)", file=sys.stderr)
        sys.exit(2)
    os.makedirs(args.etc, exist_ok=True)
    with open(os.path.join(HERE, "broker.xml"), encoding="utf-8") as f:
        xml = f.read()
    self_address = args.self_address or f"{args.host or '127.0.0.1'}:{args.port or 61616}"
    if args.ha:   # the cluster password is in it: the owner's only
        write_private(os.path.join(args.etc, "broker.xml"), high_availability(xml, args.ha, self_address, args.peer,
                                                                             args.shared_store))
    elif args.cluster:
        write_private(os.path.join(args.etc, "broker.xml"), live_cluster(xml, args.cluster, self_address, args.peer))
    else:
        with open(os.path.join(args.etc, "broker.xml"), "w", encoding="utf-8") as out:
            out.write(xml)
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
