-- wrk script of bin/oqs bench: single lookups (POST /oqs/api/v1/eligibility/lookups) of random loaded persons by
-- random clinics. Argument: the harness's work directory, holding lookups.txt (one lookup body a line, a random
-- sample of the persons loaded) and clinic-tokens.txt (one clinic bearer token a line; 64 clinics, so the lookups
-- spread over the audit chains as real traffic does). Every answer other than 200 with validity 1 is counted and
-- printed at the end: a run with failures is not a throughput figure.
local threads = {}
local bodies = {}
local tokens = {}
-- a global, not a local: done() reads each thread's count with thread:get, which sees only the globals of that
-- thread's Lua state (as a local, every count read as nil and a run of 401s reported 0 failed)
invalid = 0

function setup(thread)
   thread:set("seed", #threads + 1)
   table.insert(threads, thread)
end

local function read(file)
   local lines = {}
   for line in io.lines(file) do
      if #line > 0 then lines[#lines + 1] = line end
   end
   if #lines == 0 then error(file .. " is empty") end
   return lines
end

function init(args)
   local dir = args[1] or error("usage: wrk ... -s lookups.lua URL -- WORK_DIR")
   bodies = read(dir .. "/lookups.txt")
   tokens = read(dir .. "/clinic-tokens.txt")
   math.randomseed(os.time() * 100 + seed)
end

function request()
   return wrk.format("POST", "/oqs/api/v1/eligibility/lookups", {
      ["Content-Type"] = "application/json",
      ["Accept"] = "application/json",
      ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
   }, bodies[math.random(#bodies)])
end

function response(status, headers, body)
   if status ~= 200 or not string.find(body, '"validity":1', 1, true) then
      invalid = invalid + 1
   end
end

function done(summary, latency, requests)
   local total = 0
   for _, thread in ipairs(threads) do
      total = total + (thread:get("invalid") or 0)
   end
   io.write(string.format("Lookups not answered 200 with validity 1: %d\n", total))
end
