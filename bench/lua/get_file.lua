-- GET /api/v1/files/{id} with ids drawn at random from BENCH_IDS (one id a line).
-- The same script drives nginx, which serves the stored response bytes at the same paths.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local ids = read_lines(os.getenv("BENCH_IDS"))

function init(args)
  math.randomseed(os.time() * 1000 + tid)
end

function request()
  return wrk.format("GET", "/api/v1/files/" .. ids[math.random(#ids)], nil, nil)
end
