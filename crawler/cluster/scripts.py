"""The frontier's atomic operations, as Lua scripts run inside Redis (one script is one atomic step, whatever
the number of nodes). Every time is Redis's own clock (``TIME``, in milliseconds), so that the nodes' clocks
do not matter. ``ARGV[1]`` is always the key prefix.

Keys under the prefix:

- ``epoch``: set by the writer once Redis holds the state seeded from the database; missing after Redis lost
  its data, and then no node takes work until the writer has seeded it again;
- ``q:<host>`` (list): the tasks of one host; ``hosts`` (sorted set): hosts with queued tasks, by the time
  (ms) their next task may be handed out; ``ready`` (hash): that time per host, kept when its queue empties;
- ``leases`` (sorted set): tasks taken by a node, by the time their lease ends;
- ``seen`` (set): keys of articles stored or queued (URL keys, and ``guid <feed> <GUID>``);
- ``feeds`` (hash): each feed's task; ``due`` (sorted set): feeds by the time their next poll is due;
- ``feedstate`` (hash): each feed's validators and polling state (JSON);
- ``gate:<host>``: when the next request to the host may be sent; ``held:<host>``: the token of the request
  to the host that is out and not yet answered, if any; ``floors`` (hash): a host's own minimum delay
  (Crawl-delay, Retry-After), in seconds;
- ``results`` (stream, consumer group ``writers``): cleaned articles and feed fetches waiting for the writer;
- ``writer``: the writer's lock.
"""

from __future__ import annotations

_NOW = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
"""

_QUEUE = """
local function queue(p, host, task, front, now)
  if front then redis.call('LPUSH', p .. 'q:' .. host, task) else redis.call('RPUSH', p .. 'q:' .. host, task) end
  local ready = tonumber(redis.call('HGET', p .. 'ready', host) or '0')
  redis.call('ZADD', p .. 'hosts', 'NX', math.max(ready, now), host)
end
"""

TAKE = (
    _NOW
    + _QUEUE
    + """
local p = ARGV[1]
local lease = tonumber(ARGV[2])
local delay = tonumber(ARGV[3])
local epoch = redis.call('GET', p .. 'epoch')
if not epoch then return {'noepoch', '0', '0', ''} end
for _, task in ipairs(redis.call('ZRANGEBYSCORE', p .. 'leases', '-inf', now, 'LIMIT', 0, 100)) do
  redis.call('ZREM', p .. 'leases', task)
  queue(p, cjson.decode(task)['h'], task, true, now)
end
for _, url in ipairs(redis.call('ZRANGEBYSCORE', p .. 'due', '-inf', now, 'LIMIT', 0, 100)) do
  redis.call('ZREM', p .. 'due', url)
  local task = redis.call('HGET', p .. 'feeds', url)
  if task then queue(p, cjson.decode(task)['h'], task, true, now) end
end
local leases = redis.call('ZCARD', p .. 'leases')
local first = redis.call('ZRANGE', p .. 'hosts', 0, 0, 'WITHSCORES')
if #first == 0 then return {'empty', '0', tostring(leases), epoch} end
local host = first[1]
local at = tonumber(first[2])
if at > now then return {'wait', tostring(at - now), tostring(leases), epoch} end
local task = redis.call('LPOP', p .. 'q:' .. host)
if not task then
  redis.call('ZREM', p .. 'hosts', host)
  return {'wait', '0', tostring(leases), epoch}
end
local floor = tonumber(redis.call('HGET', p .. 'floors', host) or '0') * 1000
local ready = now + math.max(delay, floor)
redis.call('HSET', p .. 'ready', host, ready)
if redis.call('LLEN', p .. 'q:' .. host) > 0 then
  redis.call('ZADD', p .. 'hosts', ready, host)
else
  redis.call('ZREM', p .. 'hosts', host)
end
redis.call('ZADD', p .. 'leases', now + lease, task)
return {'task', task, tostring(leases + 1), epoch}
"""
)
"""Take the next task whose host may be fetched now, leased for ``ARGV[2]`` ms; ``ARGV[3]`` is the per-host
delay (ms) before that host's next task is handed out. First puts back the tasks whose lease ended (their
node died) and queues the feeds that are due. Returns ``{status, task or wait ms, leases, epoch}`` with
status ``task``, ``wait`` (a host will be ready in that many ms), ``empty`` (nothing queued) or
``noepoch`` (Redis holds no seeded state: wait for the writer)."""

ENQUEUE = (
    _NOW
    + _QUEUE
    + """
local p = ARGV[1]
local force = ARGV[2] == '1'
local added = 0
local i = 3
while i <= #ARGV do
  local key, legacy, guid, task, host = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
  i = i + 5
  local known = redis.call('SISMEMBER', p .. 'seen', key) == 1
    or (legacy ~= '' and redis.call('SISMEMBER', p .. 'seen', legacy) == 1)
    or (guid ~= '' and redis.call('SISMEMBER', p .. 'seen', guid) == 1)
  if force or not known then
    redis.call('SADD', p .. 'seen', key)
    if guid ~= '' then redis.call('SADD', p .. 'seen', guid) end
    queue(p, host, task, false, now)
    added = added + 1
  end
end
return added
"""
)
"""Queue article tasks (``ARGV[3..]`` in fives: key, older key or '', GUID key or '', task, host) unless their
article is seen (``ARGV[2]`` = '1' queues them anyway: a pending article due for another try); marks them
seen. Returns how many were queued."""

ADD_FEEDS = (
    _NOW
    + """
local p = ARGV[1]
local force = ARGV[2] == '1'
local i = 3
while i <= #ARGV do
  local url, task = ARGV[i], ARGV[i + 1]
  i = i + 2
  local known = redis.call('HSET', p .. 'feeds', url, task) == 0
  if force then
    redis.call('ZADD', p .. 'due', now, url)
  elseif not known then
    redis.call('ZADD', p .. 'due', 'NX', now, url)
  end
end
return 1
"""
)
"""Register feeds (``ARGV[3..]`` in pairs: URL, task); a feed the cluster did not know is due now, unless the
database gave it a due time (``ARGV[2]`` = '1': every one of them is due now). A known feed keeps its schedule:
it is queued, being polled, or due later."""

SCHEDULE = (
    _NOW
    + """
local p = ARGV[1]
redis.call('HSET', p .. 'feedstate', ARGV[2], ARGV[3])
if ARGV[4] ~= '' then redis.call('ZADD', p .. 'due', now + tonumber(ARGV[4]), ARGV[2]) end
return redis.call('ZREM', p .. 'leases', ARGV[5])
"""
)
"""After a poll: store the feed's state (``ARGV[3]``), schedule its next poll ``ARGV[4]`` ms from now (''
for never: retired), and release its lease (``ARGV[5]``, the task)."""

REQUEUE = (
    _NOW
    + _QUEUE
    + """
local p = ARGV[1]
local back = 0
for i = 2, #ARGV do
  if redis.call('ZREM', p .. 'leases', ARGV[i]) == 1 then
    queue(p, cjson.decode(ARGV[i])['h'], ARGV[i], true, now)
    back = back + 1
  end
end
return back
"""
)
"""Give leased tasks back to the frontier at once (a node stopping before it did them)."""

RENEW = (
    _NOW
    + """
local p = ARGV[1]
local lease = tonumber(ARGV[2])
local kept = 0
for i = 3, #ARGV do
  kept = kept + redis.call('ZADD', p .. 'leases', 'XX', 'CH', now + lease, ARGV[i])
end
return kept
"""
)
"""Extend the leases of the tasks a live node holds."""

_GATE_DELAY = """
local p = ARGV[1]
local key = p .. 'gate:' .. ARGV[2]
local delay = math.max(tonumber(ARGV[3]), tonumber(redis.call('HGET', p .. 'floors', ARGV[2]) or '0') * 1000)
local next = tonumber(redis.call('GET', key) or '0')
local held = p .. 'held:' .. ARGV[2]
"""

HELD_POLL_MS = 50
"""How often (ms) a request waiting for another's answer asks the gate again."""

GATE = (
    _NOW
    + _GATE_DELAY
    + """
local out = redis.call('EXISTS', held) == 1
if now >= next and not out then
  redis.call('SET', key, now + delay, 'PX', math.floor(delay) + 60000)
  if tonumber(ARGV[5]) > 0 then redis.call('SET', held, ARGV[4], 'PX', ARGV[5]) end
  return 0
end
if out then return math.max(next - now, """
    + str(HELD_POLL_MS)
    + """) end
return next - now
"""
)
"""May a request to host ``ARGV[2]`` be sent now? Not while another request to it is out and unanswered (held
under its token); else once the last one is ``ARGV[3]`` ms old (or the host's floor). Returns 0, and the request
holds the host under token ``ARGV[4]`` for at most ``ARGV[5]`` ms (0: it does not hold it); or the ms to wait
before asking again."""

ANSWERED = (
    _NOW
    + _GATE_DELAY
    + """
if ARGV[5] == '1' and now + delay > next then redis.call('SET', key, now + delay, 'PX', math.floor(delay) + 60000) end
if redis.call('GET', held) == ARGV[4] then redis.call('DEL', held) end
return 1
"""
)
"""The request to host ``ARGV[2]`` held under token ``ARGV[4]`` is answered (or failed): the host is let go.
With ``ARGV[5]`` = 1 it may have gone out as late as now, and the next request waits ``ARGV[3]`` ms (or the
host's floor) from now, unless the gate already holds it back longer."""

RAISE_FLOOR = """
local p = ARGV[1]
local floor = tonumber(redis.call('HGET', p .. 'floors', ARGV[2]) or '0')
if tonumber(ARGV[3]) > floor then redis.call('HSET', p .. 'floors', ARGV[2], ARGV[3]) end
return 1
"""
"""Raise a host's floor (``ARGV[3]`` seconds) for every node."""

LOCK = """
local key = ARGV[1] .. 'writer'
if redis.call('SET', key, ARGV[2], 'NX', 'PX', ARGV[3]) then return 1 end
if redis.call('GET', key) == ARGV[2] then redis.call('PEXPIRE', key, ARGV[3]) return 1 end
return 0
"""
"""Take or keep the writer's lock (``ARGV[2]`` the writer's token, ``ARGV[3]`` its time to live in ms)."""

UNLOCK = """
local key = ARGV[1] .. 'writer'
if redis.call('GET', key) == ARGV[2] then return redis.call('DEL', key) end
return 0
"""
"""Let go of the writer's lock, if it is still ours."""
