-- GET /api/v1/info: the authenticated endpoint with the least work behind it.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local req

function init(args)
  req = wrk.format("GET", "/api/v1/info", nil, nil) -- after wrk.init has set the Host header
end

function request()
  return req
end
