-- wrk script (web_bench.sh): counts responses whose status is not 2xx.
-- wrk itself counts only status > 399 as errors; a 302 to /login (a session
-- that stopped working) must count as an error here.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    not_2xx = not_2xx + 1
  end
end

function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do
    n = n + t:get("not_2xx")
  end
  io.write(string.format("not_2xx %d\n", n))
end
