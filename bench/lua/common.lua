-- Shared by every benchmark script: bearer token, JSON content type, counting of every
-- non-2xx answer per thread, and one JSON line of results written by done().
-- Environment: BENCH_TOKEN, BENCH_OUT (file the summary line is appended to), BENCH_LABEL.
local token = os.getenv("BENCH_TOKEN") or ""
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

non2xx = 0
statuses = {}
tid = tid or 0

function count_status(status)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
    publish_statuses()
  end
end

function response(status, headers, body)
  count_status(status)
end

function read_lines(path)
  local t = {}
  local f = assert(io.open(path, "r"), "cannot open " .. path)
  for line in f:lines() do
    if #line > 0 then t[#t + 1] = line end
  end
  f:close()
  return t
end

local threads = {}
local nthreads = 0

function setup(thread)
  thread:set("tid", nthreads)
  nthreads = nthreads + 1
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local bad = 0
  local codes = {}
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
    local s = t:get("status_list") or ""
    for code, n in string.gmatch(s, "(%d+):(%d+)") do
      codes[code] = (codes[code] or 0) + tonumber(n)
    end
  end
  local parts = {}
  for code, n in pairs(codes) do parts[#parts + 1] = code .. "x" .. n end
  local e = summary.errors
  local line = string.format(
    '{"label":"%s","requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p99_us":%d,"mean_us":%.1f,'
      .. '"max_us":%d,"non2xx":%d,"codes":"%s","connect_err":%d,"read_err":%d,"write_err":%d,"timeout_err":%d}',
    os.getenv("BENCH_LABEL") or "", summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99), latency.mean, latency.max, bad,
    table.concat(parts, " "), e.connect, e.read, e.write, e.timeout)
  local out = os.getenv("BENCH_OUT")
  if out then
    local f = assert(io.open(out, "a"))
    f:write(line, "\n")
    f:close()
  end
  io.write(line, "\n")
end

-- thread:get only copies plain values, so statuses travel as "code:n code:n".
function publish_statuses()
  local parts = {}
  for code, n in pairs(statuses) do parts[#parts + 1] = code .. ":" .. n end
  status_list = table.concat(parts, " ")
end
