-- wrk script of bench/api.sh (run by no.krr.bench.ApiBench): every request carries the bearer
-- token of another citizen, so the server checks a token signature, reads a record and renders it
-- per request instead of serving one pid from warm caches.
--
--   wrk -t T -c C -d 10s --latency -s bench/api.lua URL -- TOKENS METHOD ACCEPT T CITIZENS OFFSET
--
-- TOKENS: a file with one access token per line. METHOD: GET or PATCH. ACCEPT: the Accept header,
-- or "-" for none (health). T: the thread count again (wrk does not tell the script). CITIZENS:
-- how many citizens the bench's token pool cycles through (token i of the pool is citizen
-- i mod CITIZENS, an even number); OFFSET: the pool index of the file's first token. Thread k
-- takes the lines k, k+T, k+2T, ...: the threads never share a citizen, and a PATCH sets a
-- citizen's language to "nn" and "en" by turns on each visit, so nearly every PATCH is a real change.
--
-- done() prints one machine-readable line, "RESULT key=value ...", that ApiBench parses; latency
-- figures are in microseconds, as wrk keeps them.

local threads = {}
local thread_count = 0

function setup(thread)
   thread:set("thread_id", thread_count)
   thread_count = thread_count + 1
   table.insert(threads, thread)
end

local tokens = {}
local method = "GET"
local accept = nil
local counter = 0
local languages = { "nn", "en" }
local base_headers = {}
local positions = {}
local total = 0
local citizens = 0
local offset = 0

function init(args)
   local file, threads_total = args[1], tonumber(args[4] or "1")
   method = args[2] or "GET"
   citizens = tonumber(args[5] or "0")
   offset = tonumber(args[6] or "0")
   if args[3] and args[3] ~= "-" then
      accept = args[3]
   end
   if file and file ~= "-" then
      local i = 0
      for line in io.lines(file) do
         if #line > 0 then
            if i % threads_total == thread_id then
               tokens[#tokens + 1] = line
               positions[#positions + 1] = i
            end
            i = i + 1
         end
      end
      total = i
   end
   if accept then
      base_headers["Accept"] = accept
   end
end

function request()
   local headers = {}
   for k, v in pairs(base_headers) do
      headers[k] = v
   end
   local n = #tokens
   local body = nil
   if n > 0 then
      local i = counter % n
      headers["Authorization"] = "Bearer " .. tokens[i + 1]
      if method == "PATCH" then
         -- the v-th visit to a citizen sets languages[v % 2]: each visit changes it
         local pass = math.floor(counter / n)
         local index = offset + positions[i + 1] + pass * total
         local visit = citizens > 0 and math.floor(index / citizens) or pass
         body = '{"spraak":"' .. languages[(visit % 2) + 1] .. '"}'
         headers["Content-Type"] = "application/json"
      end
   end
   counter = counter + 1
   return wrk.format(method, nil, headers, body)
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.1f " ..
      "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
      summary.requests, summary.duration, summary.bytes,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
      e.connect, e.read, e.write, e.status, e.timeout))
end
