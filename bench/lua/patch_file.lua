-- PATCH /api/v1/files/{id} with the right revision. Each thread owns a disjoint slice of the
-- ids in BENCH_IDS (lines "id<TAB>revision", offset BENCH_PATCH_FROM, BENCH_PATCH_COUNT lines),
-- never sends two updates of one file at once, and learns the new revision from each answer
-- (the response is FileMetadataDto with "id" and "revision"). Every PATCH changes the content:
-- a real model with a counter in a trailing XML comment.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local all = read_lines(os.getenv("BENCH_IDS"))
local from = tonumber(os.getenv("BENCH_PATCH_FROM") or "0")
local count = tonumber(os.getenv("BENCH_PATCH_COUNT") or tostring(#all))
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
local prefix = read_lines(os.getenv("BENCH_PATCH_CONTENT"))[1]
local ready, rev, busy = {}, {}, {}
local n = 0
lost = 0

function init(args)
  math.randomseed(os.time() * 1000 + tid)
  for i = from + 1, math.min(from + count, #all) do
    if (i % nthreads) == tid then
      local id, r = string.match(all[i], "^(%S+)%s+(%d+)")
      rev[id] = tonumber(r)
      ready[#ready + 1] = id
    end
  end
end

function request()
  local id
  if #ready > 0 then
    local k = math.random(#ready)
    id = ready[k]
    ready[k] = ready[#ready]
    ready[#ready] = nil
  else
    -- only after failed answers whose id could not be read: reuse a busy file (may conflict)
    id = next(busy)
  end
  busy[id] = true
  n = n + 1
  local body = '{"content":' .. prefix .. '<!-- bench ' .. tid .. '-' .. n .. ' -->\\n","revision":' .. rev[id] .. '}'
  return wrk.format("PATCH", "/api/v1/files/" .. id, nil, body)
end

function response(status, headers, body)
  count_status(status)
  local id = string.match(body, '"id"%s*:%s*"([^"]+)"')
  local r = string.match(body, '"revision"%s*:%s*(%d+)')
  if id and rev[id] and busy[id] then
    if r and status >= 200 and status < 300 then rev[id] = tonumber(r) end
    busy[id] = nil
    ready[#ready + 1] = id
  else
    lost = lost + 1
  end
end
