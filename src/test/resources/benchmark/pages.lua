-- wrk script: GET one page in a closed loop, anonymously or as signed-in participants.
-- wrk -s pages.lua <url> -- <path>[,<path>...] [sessions file]
-- The sessions file holds one participant a line: "<Cookie header>\t<CSRF token>".
-- Several paths (comma-separated) are read in turn. With WRK_PAUSE_MS set, each
-- connection waits that long before each request (a paced rate, as in play.lua).

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local sessions = {}
local sent = 0
ok = 0
other = 0

function init(args)
  paths = {}
  for p in string.gmatch(args[1], "[^,]+") do
    table.insert(paths, p)
  end
  if args[2] then
    for line in io.lines(args[2]) do
      local cookie = line:match("^([^\t]*)\t")
      if cookie then
        table.insert(sessions, cookie)
      end
    end
  end
end

-- Each thread goes through every session in turn, from a place of its own. (The
-- threads table is filled in the main script's state: a thread's own state never sees
-- it, so it cannot tell how many threads there are.)
function request()
  sent = sent + 1
  local headers = { ["Accept"] = "text/html", ["Accept-Language"] = "en" }
  if #sessions > 0 then
    headers["Cookie"] = sessions[((sent + id * 7919) % #sessions) + 1]
  end
  return wrk.format("GET", paths[(sent % #paths) + 1], headers)
end

local pause = tonumber(os.getenv("WRK_PAUSE_MS") or "0")
if pause > 0 then
  function delay()
    return pause
  end
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local o, x = 0, 0
  for _, thread in ipairs(threads) do
    o = o + thread:get("ok")
    x = x + thread:get("other")
  end
  io.write(string.format(
    "WRK requests=%d seconds=%.3f errors=%d ok=%d other=%d p50=%d p90=%d p99=%d max=%d\n",
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    o, x, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
