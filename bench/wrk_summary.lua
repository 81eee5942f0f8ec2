-- Counts answers other than 200 and prints wrk's summary as one JSON line for bench/http_load.py.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_ok = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local not_ok = 0
  for _, thread in ipairs(threads) do
    not_ok = not_ok + thread:get("not_ok")
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "microseconds": %d, "not_ok": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, not_ok,
    errors.connect + errors.read + errors.write + errors.timeout
  ))
end
