--[[
  Runs a conformance case through the exported Luau runtime under lua5.1 and prints the
  outcome as JSON: lua5.1 luau-harness.lua <runtime folder> <case.json>
  A small JSON reader and writer stand in for Roblox's HttpService here.
]]

local runtimeDir, casePath = arg[1], arg[2]
local DialogueRunner = dofile(runtimeDir .. "/DialogueRunner.luau")
local QuestState = dofile(runtimeDir .. "/QuestState.luau")

local function decode(text)
  local pos = 1
  local value
  local function skip() pos = string.find(text, "[^ \t\r\n]", pos) or #text + 1 end
  local function utf8(cp)
    if cp < 0x80 then return string.char(cp) end
    if cp < 0x800 then return string.char(0xC0 + math.floor(cp / 64), 0x80 + cp % 64) end
    if cp < 0x10000 then return string.char(0xE0 + math.floor(cp / 4096), 0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64) end
    return string.char(0xF0 + math.floor(cp / 262144), 0x80 + math.floor(cp / 4096) % 64, 0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
  end
  local function str()
    local parts = {}
    pos = pos + 1
    while true do
      local c = string.sub(text, pos, pos)
      if c == '"' then pos = pos + 1; return table.concat(parts) end
      if c == "\\" then
        local e = string.sub(text, pos + 1, pos + 1)
        local simple = ({ n = "\n", t = "\t", r = "\r", b = "\b", f = "\f", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" })[e]
        if simple then parts[#parts + 1] = simple; pos = pos + 2
        else
          local cp = tonumber(string.sub(text, pos + 2, pos + 5), 16)
          pos = pos + 6
          if cp >= 0xD800 and cp < 0xDC00 and string.sub(text, pos, pos + 1) == "\\u" then
            local low = tonumber(string.sub(text, pos + 2, pos + 5), 16)
            cp = 0x10000 + (cp - 0xD800) * 1024 + (low - 0xDC00)
            pos = pos + 6
          end
          parts[#parts + 1] = utf8(cp)
        end
      else
        local stop = string.find(text, '["\\]', pos)
        parts[#parts + 1] = string.sub(text, pos, stop - 1)
        pos = stop
      end
    end
  end
  value = function()
    skip()
    local c = string.sub(text, pos, pos)
    if c == "{" then
      local object = {}
      pos = pos + 1; skip()
      if string.sub(text, pos, pos) == "}" then pos = pos + 1; return object end
      while true do
        skip()
        local key = str()
        skip(); pos = pos + 1
        object[key] = value()
        skip()
        local sep = string.sub(text, pos, pos); pos = pos + 1
        if sep == "}" then return object end
      end
    elseif c == "[" then
      local array = {}
      pos = pos + 1; skip()
      if string.sub(text, pos, pos) == "]" then pos = pos + 1; return array end
      while true do
        array[#array + 1] = value()
        skip()
        local sep = string.sub(text, pos, pos); pos = pos + 1
        if sep == "]" then return array end
      end
    elseif c == '"' then return str()
    elseif string.sub(text, pos, pos + 3) == "true" then pos = pos + 4; return true
    elseif string.sub(text, pos, pos + 4) == "false" then pos = pos + 5; return false
    elseif string.sub(text, pos, pos + 3) == "null" then pos = pos + 4; return nil
    else
      local number = string.match(text, "^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      pos = pos + #number
      return tonumber(number)
    end
  end
  return value()
end

local function encode(value)
  local t = type(value)
  if t == "nil" then return "null" end
  if t == "boolean" then return value and "true" or "false" end
  if t == "number" then return string.format("%.17g", value) end
  if t == "string" then
    return '"' .. string.gsub(value, '[%c"\\]', function(ch) return string.format("\\u%04x", string.byte(ch)) end) .. '"'
  end
  local parts = {}
  if value[1] ~= nil then
    for _, item in ipairs(value) do parts[#parts + 1] = encode(item) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  for k, v in pairs(value) do parts[#parts + 1] = encode(tostring(k)) .. ":" .. encode(v) end
  return "{" .. table.concat(parts, ",") .. "}"
end

local file = assert(io.open(casePath, "r"))
local case = decode(file:read("*a"))
file:close()

-- A quest tracker case: quest calls and world events between conversations, each one's changes.
if case.tracker then
  local tracker = DialogueRunner.newQuestTracker(case.pack, case.options)
  local results = {}
  for i, op in ipairs(case.tracker) do
    local ok, result = pcall(function()
      if op.blocker then return { blocker = tracker:startBlocker(op.blocker) or false } end
      return tracker[op.call](tracker, op.args[1], op.args[2])
    end)
    if ok then results[i] = result else results[i] = { error = result } end
  end
  io.write(encode({ results = results, state = tracker:getState() }))
  os.exit(0)
end

local pack, steps, transcript, events, history = case.pack, {}, {}, {}, {}
local runner = DialogueRunner.new(pack, case.dialogueId, case.options)
local function collect()
  for _, list in ipairs({ { transcript, runner.transcript }, { events, runner.events }, { history, runner.history } }) do
    for _, item in ipairs(list[2]) do list[1][#list[1] + 1] = item end
  end
end
steps[1] = runner:step()
for _, op in ipairs(case.script) do
  local ok, result = pcall(function()
    if op.choose ~= nil then return runner:choose(op.choose) end
    if op.follow then
      local jump = runner:step().jump
      collect()
      runner = DialogueRunner.new(pack, jump.dialogueId, { seed = case.options.seed, state = runner:getState(), startNodeId = jump.nodeId })
      return runner:step()
    end
    if type(op.advance) == "string" then return runner:advance(op.advance) end
    return runner:advance()
  end)
  if ok then steps[#steps + 1] = result else steps[#steps + 1] = { error = result } end
end
collect()
local quests = QuestState.new(pack, case.options.state and case.options.state.quests)
quests:apply(events)
local questView = {}
for _, questId in ipairs(case.questIds) do
  questView[questId] = { status = quests:status(questId), stage = quests:stage(questId) }
end
io.write(encode({ steps = steps, transcript = transcript, events = events, history = history, state = runner:getState(), quests = questView }))
