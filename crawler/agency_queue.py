"""The shared agency queue in Redis (issue 9): crawl nodes take whole agencies from it.

One queue NAME is one audit spread over several nodes.  Its keys:

``NAME:id``               the queue's identity (set by the first ``zwgk enqueue``): a node reuses its
                          run for the same queue after a restart, and starts a new run for a new queue
``NAME:targets``          the whole targets file (YAML text): every node needs every agency, since an
                          agency's scope leaves out the directories of agencies inside its site
``NAME:all``              set of every agency id ever enqueued (so enqueueing twice adds nothing)
``NAME:agencies``         list of agency ids waiting; LPUSH to add, taken from the right (first in,
                          first out); agencies re-queued from a dead node go to the right: taken next
``NAME:processing:NODE``  list of the agencies NODE holds; an agency moves here from ``NAME:agencies``
                          with one atomic LMOVE, so at every moment it is in exactly one list
``NAME:heartbeat:NODE``   a key with a time-to-live that NODE refreshes every third of it; when it has
                          expired, NODE is dead and any node moves its agencies back to the queue
``NAME:nodes``            set of node ids that ever took work (where the reaper looks)
``NAME:done``             set of agencies whose crawl a node finished *and wrote to its SQLite file*
``NAME:done_by``          hash agency → node that finished it (which node file to merge it from)
``NAME:seen:AGENCY``      scrapy-redis's seen-set (request fingerprints) of the agency's current crawl

A node acknowledges an agency (LREM from its processing list, SADD to ``NAME:done``) only after its
pages and its ``crawl_coverage`` row (``finished = 1``) are committed to the node's database, so an
agency is never "done" in Redis without being whole in some node file.  A node killed between the
two leaves the agency in its processing list: it is crawled again by another node, and
``zwgk merge`` takes whichever finished copy it meets first.

LMOVE needs Redis ≥ 6.2 (Debian 12 has 7.0).
"""

from __future__ import annotations

import time
import uuid

from scrapy_redis.connection import get_redis


class QueueError(Exception):
    """A problem the user can fix (no Redis, no such queue); the message is one line."""


class AgencyQueue:
    def __init__(self, server, name: str):
        self.server = server
        self.name = name

    @classmethod
    def connect(cls, url: str, name: str) -> AgencyQueue:
        """Connect with scrapy-redis's client factory (the same one REDIS_URL uses in the spider)."""
        server = get_redis(url=url, socket_timeout=30, socket_connect_timeout=10, retry_on_timeout=True,
                           decode_responses=True)
        try:
            server.ping()
        except Exception as exc:  # redis.ConnectionError, a bad URL, authentication
            raise QueueError(f"无法连接 Redis {url}（{exc}）") from None
        return cls(server, name)

    # -- keys --------------------------------------------------------------------------------

    def key(self, *parts: str) -> str:
        return ":".join([self.name, *parts])

    @property
    def pending(self) -> str:
        return self.key("agencies")

    def processing(self, node: str) -> str:
        return self.key("processing", node)

    def seen_key(self, agency_id: str) -> str:
        return self.key("seen", agency_id)

    # -- the coordinator's side --------------------------------------------------------------

    def enqueue(self, targets_text: str, agency_ids: list[str]) -> list[str]:
        """Store the targets file and queue every agency not enqueued before; returns those queued."""
        self.server.setnx(self.key("id"), f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}")
        self.server.set(self.key("targets"), targets_text)
        added = []
        for agency_id in agency_ids:
            if self.server.sadd(self.key("all"), agency_id):
                self.server.lpush(self.pending, agency_id)
                added.append(agency_id)
        return added

    def clear(self) -> int:
        """Delete every key of the queue (a new audit under the same name); returns keys deleted."""
        keys = list(self.server.scan_iter(match=f"{self.name}:*", count=1000))
        return self.server.delete(*keys) if keys else 0

    def identity(self) -> str | None:
        return self.server.get(self.key("id"))

    def targets_text(self) -> str | None:
        return self.server.get(self.key("targets"))

    # -- a node's side -----------------------------------------------------------------------

    def beat(self, node: str, ttl: float) -> None:
        """Say NODE is alive for the next ``ttl`` seconds (first the heartbeat, then the registration,
        so a reaper never sees a registered node holding work without a heartbeat it could have had)."""
        self.server.set(self.key("heartbeat", node), str(time.time()), px=max(1, int(ttl * 1000)))
        self.server.sadd(self.key("nodes"), node)

    def claim(self, node: str, count: int) -> list[str]:
        """Move up to ``count`` agencies from the queue to NODE's processing list (atomically each)."""
        taken = []
        for _ in range(max(0, count)):
            agency_id = self.server.lmove(self.pending, self.processing(node), "RIGHT", "LEFT")
            if agency_id is None:
                break
            taken.append(agency_id)
        return taken

    def acknowledge(self, node: str, agency_id: str) -> None:
        """NODE finished the agency and its database holds it: out of the processing list, into done."""
        with self.server.pipeline() as pipe:  # MULTI/EXEC: all or nothing
            pipe.sadd(self.key("done"), agency_id)
            pipe.hset(self.key("done_by"), agency_id, node)
            pipe.lrem(self.processing(node), 0, agency_id)
            pipe.delete(self.seen_key(agency_id))
            pipe.execute()

    def release(self, node: str) -> list[str]:
        """Give back every agency NODE holds (a node stopping cleanly, or starting again with the same
        id: it holds nothing in memory).  They go to the front of the queue: taken next."""
        returned = []
        while (agency_id := self.server.lmove(self.processing(node), self.pending, "RIGHT", "RIGHT")) is not None:
            returned.append(agency_id)
        return returned

    def reap(self, alive_node: str | None = None) -> dict[str, list[str]]:
        """Re-queue the agencies of every node whose heartbeat has expired; returns them by node.
        Any node runs this; two reapers at once are safe (each LMOVE moves an agency once)."""
        requeued = {}
        for node in self.server.smembers(self.key("nodes")):
            if node == alive_node or self.server.exists(self.key("heartbeat", node)):
                continue
            returned = self.release(node)
            if returned:
                requeued[node] = returned
        return requeued

    def is_done(self, agency_id: str) -> bool:
        return bool(self.server.sismember(self.key("done"), agency_id))

    def all_done(self) -> bool:
        """Every enqueued agency finished (a node that is idle waits for this: a busy node may still die)."""
        total = self.server.scard(self.key("all"))
        return total > 0 and self.server.scard(self.key("done")) >= total

    # -- what the queue holds now (zwgk queue-status) ----------------------------------------

    def status(self) -> dict:
        nodes = {}
        for node in sorted(self.server.smembers(self.key("nodes"))):
            ttl = self.server.pttl(self.key("heartbeat", node))
            held = self.server.lrange(self.processing(node), 0, -1)
            nodes[node] = {
                "alive": ttl > 0,
                "agencies": {a: self.server.scard(self.seen_key(a)) for a in held},
                "done": 0,
            }
        for _, node in self.server.hscan_iter(self.key("done_by")):
            if node in nodes:
                nodes[node]["done"] += 1
        return {
            "total": self.server.scard(self.key("all")),
            "waiting": self.server.llen(self.pending),
            "done": self.server.scard(self.key("done")),
            "nodes": nodes,
        }
