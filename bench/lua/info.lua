-- GET /api/v1/info: the authenticated endpoint with the least work behind it.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local req = wrk.format("GET", "/api/v1/info", nil, nil)

function request()
  return req
end
