-- wrk script: GET one page in a closed loop, anonymously or as signed-in participants.
-- wrk -s pages.lua <url> -- <path> [sessions file]
-- The sessions file holds one participant a line: "<Cookie header>\t<CSRF token>".

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
  path = args[1]
  if args[2] then
    for line in io.lines(args[2]) do
      local cookie = line:match("^([^\t]*)\t")
      if cookie then
        table.insert(sessions, cookie)
      end
    end
  end
end

function request()
  sent = sent + 1
  local headers = { ["Accept"] = "text/html", ["Accept-Language"] = "en" }
  if #sessions > 0 then
    headers["Cookie"] = sessions[((sent * #threads + id) % #sessions) + 1]
  end
  return wrk.format("GET", path, headers)
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
