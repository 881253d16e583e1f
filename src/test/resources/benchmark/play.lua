-- wrk script: signed-in participants posting the real play form, as a browser does.
-- wrk -s play.lua <url> -- <sessions file> <lottery id> <lines> <run id>
-- The sessions file holds one participant a line: "<Cookie header>\t<CSRF token>".
-- Every slip has a fresh idempotency key; each thread counts the answers it got: a
-- redirect to "?accepted" is an accepted slip, anything else is counted by status.
-- With WRK_PAUSE_MS set, each connection waits that long before each request: a paced
-- rate of connections x 1000 / pause slips a second, offered whatever the answers take.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local sessions = {}
local sent = 0
accepted = 0
refused = 0
failed = 0

function init(args)
  for line in io.lines(args[1]) do
    local cookie, token = line:match("^([^\t]*)\t(.*)$")
    if cookie then
      table.insert(sessions, { cookie = cookie, token = token })
    end
  end
  path = "/play/" .. args[2]
  lines = tonumber(args[3])
  run = args[4]
  math.randomseed(id * 7919 + #run)
end

local function line(index)
  local picked, parts = {}, {}
  local count = 0
  parts[1] = "_lines%5B" .. index .. "%5D.numbers=on"
  while count < 6 do
    local n = math.random(90)
    if not picked[n] then
      picked[n] = true
      count = count + 1
      parts[#parts + 1] = "lines%5B" .. index .. "%5D.numbers=" .. n
    end
  end
  return table.concat(parts, "&")
end

-- Each thread goes through every session in turn, from a place of its own. (The
-- threads table is filled in the main script's state: a thread's own state never sees
-- it, so it cannot tell how many threads there are.)
function request()
  sent = sent + 1
  local session = sessions[((sent + id * 7919) % #sessions) + 1]
  local body = { "_csrf=" .. session.token, "key=" .. run .. "-" .. id .. "-" .. sent }
  for i = 0, lines - 1 do
    body[#body + 1] = line(i)
  end
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = session.cookie,
    ["Accept"] = "text/html",
    ["Accept-Language"] = "en",
  }, table.concat(body, "&"))
end

local pause = tonumber(os.getenv("WRK_PAUSE_MS") or "0")
if pause > 0 then
  function delay()
    return pause
  end
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  if status == 302 and location:find("?accepted", 1, true) then
    accepted = accepted + 1
  elseif status >= 500 then
    failed = failed + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local a, r, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    r = r + thread:get("refused")
    f = f + thread:get("failed")
  end
  io.write(string.format(
    "WRK requests=%d seconds=%.3f errors=%d accepted=%d refused=%d failed=%d p50=%d p90=%d p99=%d max=%d\n",
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    a, r, f, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
