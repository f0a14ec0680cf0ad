-- POST /api/v1/files: real models (BENCH_POST_BODIES, one JSON body a line with __NAME__ and
-- __PROJECT__ placeholders) into the project in BENCH_POST_PROJECT, each with a fresh name.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local project = os.getenv("BENCH_POST_PROJECT")
local parts = {}
for _, line in ipairs(read_lines(os.getenv("BENCH_POST_BODIES"))) do
  local a = string.find(line, "__NAME__", 1, true)
  local pre, post = string.sub(line, 1, a - 1), string.sub(line, a + 8)
  local b = string.find(post, "__PROJECT__", 1, true)
  parts[#parts + 1] = { pre, string.sub(post, 1, b - 1) .. project .. string.sub(post, b + 11) }
end
local n = 0

function init(args)
  math.randomseed(os.time() * 1000 + tid)
end

function request()
  n = n + 1
  local p = parts[math.random(#parts)]
  return wrk.format("POST", "/api/v1/files", nil, p[1] .. "posted " .. tid .. "-" .. n .. p[2])
end
