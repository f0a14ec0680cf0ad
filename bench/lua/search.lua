-- POST /api/v1/files/search, kind chosen by SEARCH_KIND:
--   project  filter by a random projectId (BENCH_PROJECTS: one id a line)
--   name     filter by a random name from the pool (BENCH_NAMES)
--   created  filter created = BENCH_DAY||/d (every seeded file was created that day)
--   updated  no filter, sorted by updated DESC, first page
--   deep     no filter, sorted by updated DESC, a random page among all pages (BENCH_FILES)
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local kind = os.getenv("SEARCH_KIND") or "project"
local projects, names
if kind == "project" then projects = read_lines(os.getenv("BENCH_PROJECTS")) end
if kind == "name" then names = read_lines(os.getenv("BENCH_NAMES")) end
local day = os.getenv("BENCH_DAY") or "2026-01-01T00:00:00Z"
local pages = math.max(1, math.floor(tonumber(os.getenv("BENCH_FILES") or "50") / 50))
local fixed_body = nil
if kind == "created" then
  fixed_body = '{"filter":{"created":"' .. day .. '||/d"},"page":0,"size":50}'
elseif kind == "updated" then
  fixed_body = '{"filter":{},"sort":[{"field":"updated","direction":"DESC"}],"page":0,"size":50}'
end

function init(args)
  math.randomseed(os.time() * 1000 + tid)
end

function request()
  local body = fixed_body
  if kind == "project" then
    body = '{"filter":{"projectId":"' .. projects[math.random(#projects)] .. '"},"page":0,"size":50}'
  elseif kind == "name" then
    body = '{"filter":{"name":"' .. names[math.random(#names)] .. '"},"page":0,"size":50}'
  elseif kind == "deep" then
    body = '{"filter":{},"sort":[{"field":"updated","direction":"DESC"}],"page":'
      .. (math.random(pages) - 1) .. ',"size":50}'
  end
  return wrk.format("POST", "/api/v1/files/search", nil, body)
end
