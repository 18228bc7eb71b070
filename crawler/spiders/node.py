"""The ``portal_node`` spider: the ``portal`` crawl, on agencies taken one by one from a Redis queue.

``zwgk node`` runs it (issue 9; the queue's keys are described in crawler/agency_queue.py).  It is
scrapy-redis's :class:`RedisMixin` on top of :class:`PortalSpider`:

- the agency queue is scrapy-redis's start-data key (``NAME:agencies``), read when the spider is idle
  and on every heartbeat; but instead of scrapy-redis's LPOP, which loses what a killed node took,
  an agency is *moved* (LMOVE) into the node's processing list, and only leaves it once the node's
  SQLite file holds the whole agency;
- each agency's requests go through scrapy-redis's :class:`RFPDupeFilter` on ``NAME:seen:AGENCY``
  (the seen-set), emptied when the agency is taken and deleted when it is done.  A node that takes
  over a dead node's agency must fetch every page again — the dead node's pages are in the dead
  node's file, which ``zwgk merge`` does not take for an unfinished agency — so the set holds what
  the current holder requested: ``zwgk queue-status`` shows it as the agency's progress;
- the node keeps at most ZWGK_SLOTS agencies in flight (default: CONCURRENT_REQUESTS /
  CONCURRENT_REQUESTS_PER_DOMAIN) and takes the next one as soon as one finishes;
- every ZWGK_HEARTBEAT / 3 seconds it refreshes its heartbeat, acknowledges the agencies whose pages
  are committed, re-queues the agencies of nodes whose heartbeat expired, and takes more work;
- it stops when every agency of the queue is done (not when the queue is empty: a busy node may still
  die and leave work), or on Ctrl-C/SIGTERM, giving back the agencies it had not finished.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import scrapy
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.spiders import RedisMixin
from twisted.internet import task

from core import store
from core.targets import load_targets
from crawler.agency_queue import AgencyQueue
from crawler.spiders.portal import AgencyState, PortalSpider, _exclusions

logger = logging.getLogger(__name__)


class NodeSpider(RedisMixin, PortalSpider):
    name = "portal_node"
    custom_settings = {
        "REDIS_DECODE_RESPONSES": True,  # agency ids come back as str
        "MAX_IDLE_TIME_BEFORE_CLOSE": 0,  # scrapy-redis's own idle timeout is off: all_done() decides
        "ZWGK_PREVIOUS_RUN": "0",  # a node's file holds no earlier run of these agencies to compare with
    }

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        queue_name = settings.get("ZWGK_QUEUE")
        if not queue_name or not settings.get("REDIS_URL"):
            raise ValueError("set ZWGK_QUEUE and REDIS_URL (zwgk node does)")
        node = settings.get("ZWGK_NODE_ID") or "node"
        shards = max(1, settings.getint("ZWGK_SHARDS"))
        # one consumer per crawl process: each has its own processing list and heartbeat
        spider.node_id = f"{node}#{settings.getint('ZWGK_SHARD') + 1}" if shards > 1 else node
        spider.heartbeat = max(1.0, settings.getfloat("ZWGK_HEARTBEAT", 30.0))
        per_agency = max(1, settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))
        spider.slots = settings.getint("ZWGK_SLOTS") or max(1, settings.getint("CONCURRENT_REQUESTS") // per_agency)
        spider.targets_path = settings.get("ZWGK_TARGETS")
        # every agency is known (an agency's scope leaves out agencies inside its site); none is ours yet
        spider.everyone = {a.id: a for a in load_targets(spider.targets_path)}
        spider.agencies, spider.state = [], {}
        spider.resume = False
        spider.emitted, spider.seen_sets = {}, {}
        spider.awaiting, spider.acknowledged = set(), set()
        spider.redis_key = f"{queue_name}:agencies"
        spider.setup_redis(crawler)  # scrapy-redis: connection from REDIS_URL, spider_idle hook
        spider.queue = AgencyQueue(spider.server, queue_name)
        spider.fetch_data = spider.claim  # take agencies reliably (LMOVE), not with scrapy-redis's LPOP
        spider.queue.beat(spider.node_id, spider.heartbeat)
        returned = spider.queue.release(spider.node_id)  # a restarted node holds nothing in memory
        if returned:
            logger.warning("%s: gave back %d agencies left from an earlier start", spider.node_id, len(returned))
        spider.loop = None
        crawler.signals.connect(spider.start_heartbeat, signal=scrapy.signals.spider_opened)
        return spider

    # -- taking agencies ------------------------------------------------------------------------

    def active(self) -> int:
        return sum(1 for state in self.state.values() if not state.done)

    def claim(self, key: str, batch_size: int) -> list[str]:
        """scrapy-redis's ``fetch_data``: as many agencies as there are free slots."""
        free = min(batch_size, self.slots - self.active())
        if free <= 0:
            return []
        self.queue.beat(self.node_id, self.heartbeat)  # alive when taking work, however long start-up took
        return self.queue.claim(self.node_id, free)

    def make_request_from_data(self, data):
        """Start the crawl of one agency taken from the queue; returns its first requests."""
        agency_id = data.decode("utf-8") if isinstance(data, bytes) else str(data)
        if agency_id in self.state:
            # ours already: our heartbeat was late, the agency was re-queued, and we took it back
            if self.state[agency_id].done and agency_id in self.acknowledged:
                self.queue.acknowledge(self.node_id, agency_id)
            return []
        agency = self.everyone.get(agency_id) or self._reload_targets().get(agency_id)
        if agency is None:
            logger.error("%s: agency %r is not in the queue's targets file; dropped", self.node_id, agency_id)
            self.queue.acknowledge(self.node_id, agency_id)
            return []
        self.agencies.append(agency)
        state = AgencyState(agency, scopes=list(agency.scopes), excluded=_exclusions(agency, list(self.everyone.values())))
        self.state[agency_id] = state
        self.emitted[agency_id] = 0
        self.seen_sets[agency_id] = seen = RFPDupeFilter(self.server, key=self.queue.seen_key(agency_id))
        seen.clear()  # requests of an earlier holder reached its file, not ours
        db = store.open_db(self.db_path)
        try:  # this file may hold part of the agency already (this node was restarted): go on from it
            resumed = self._resumed_agency(db, agency_id)
        finally:
            db.conn.close()
        logger.info("%s: took %s%s", self.node_id, agency_id, " (resumed)" if resumed else "")
        return self._begin_agency(state, resumed)

    def _reload_targets(self) -> dict:
        """The queue's targets file changed since this node started (agencies added): read it again."""
        text = self.queue.targets_text() or ""
        Path(self.targets_path).write_text(text, encoding="utf-8")
        self.everyone = {a.id: a for a in load_targets(self.targets_path)}
        return self.everyone

    def _pop_requests(self, state: AgencyState):
        seen = self.seen_sets.get(state.agency.id)
        for request in super()._pop_requests(state):
            if seen is not None and seen.request_seen(request):  # requested before in this crawl
                state.inflight -= 1
                continue
            yield request

    # -- counting what each agency produced, so that it is acknowledged only once written -----

    def _page(self, state, *args):
        for item in super()._page(state, *args):
            self.emitted[state.agency.id] += 1
            yield item

    def _error_item(self, state, *args):
        item = super()._error_item(state, *args)
        self.emitted[state.agency.id] += 1
        return item

    def _maybe_done(self, state: AgencyState):
        super()._maybe_done(state)
        if state.done and state.agency.id not in self.acknowledged:
            self.awaiting.add(state.agency.id)

    def _acknowledge_written(self, *, all_written: bool = False) -> None:
        """Write the coverage row (finished) of every done agency whose items are all committed, then
        acknowledge it in Redis — in that order, so "done" in Redis means "whole in this file"."""
        pipeline = getattr(self, "pipeline", None)
        if pipeline is not None and not all_written:
            pipeline.flush()  # the writer thread commits it; the next heartbeat sees it
        committed = pipeline.committed if pipeline is not None else {}
        ready = sorted(a for a in self.awaiting if all_written or committed.get(a, 0) >= self.emitted.get(a, 0))
        if not ready:
            return
        conn = store.open_crawl_connection(self.db_path)
        try:
            store.write_crawl_batch(conn, [], [], [self._coverage_row(self.state[a]) for a in ready])
        finally:
            conn.close()
        for agency_id in ready:
            self.queue.acknowledge(self.node_id, agency_id)
            self.awaiting.discard(agency_id)
            self.acknowledged.add(agency_id)

    # -- heartbeat, reaper, shutdown ------------------------------------------------------------

    def start_heartbeat(self, spider=None):
        self.loop = task.LoopingCall(self.tick)
        self.loop.start(self.heartbeat / 3, now=True).addErrback(
            lambda failure: logger.error("heartbeat stopped: %s", failure.value))

    def tick(self):
        try:
            self.queue.beat(self.node_id, self.heartbeat)
            self._acknowledge_written()
            for node, agencies in self.queue.reap(alive_node=self.node_id).items():
                logger.warning("%s: node %s stopped answering; re-queued %s", self.node_id, node, ", ".join(agencies))
            if self.crawler.engine is not None and self.crawler.engine.spider is self:
                self.schedule_next_requests()
        except Exception as exc:  # Redis unreachable for a moment: keep crawling, try again next beat
            logger.warning("%s: queue not reachable (%s)", self.node_id, exc)

    def spider_idle(self):
        """Stay open while any agency of the queue is not done: a busy node may still die."""
        try:
            self.tick()
            if self.active() or self.awaiting or not self.queue.all_done():
                raise DontCloseSpider
        except DontCloseSpider:
            raise
        except Exception as exc:
            logger.warning("%s: queue not reachable (%s)", self.node_id, exc)
            raise DontCloseSpider from None

    def closed(self, reason):
        """Write every agency's coverage; acknowledge the finished ones (the pipeline has committed
        everything by now), give the others back to the queue, and stop the heartbeat."""
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        super().closed(reason)
        self._acknowledge_written(all_written=True)
        returned = self.queue.release(self.node_id)
        if returned:
            logger.warning("%s: gave back %s", self.node_id, ", ".join(returned))
        self.server.delete(self.queue.key("heartbeat", self.node_id))


def node_targets_path(db_path: str) -> str:
    """Where a node keeps its copy of the queue's targets file: beside its database."""
    path = Path(f"{db_path}.targets.yaml")
    return str(path) if path.parent.is_dir() else str(Path(tempfile.gettempdir()) / path.name)
