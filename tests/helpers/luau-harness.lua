--[[
  Runs a conformance case through the exported Luau runtime under lua5.1 and prints the
  outcome as JSON: lua5.1 luau-harness.lua <runtime folder> <case.json>
  A small JSON reader and writer (json.lua) stand in for Roblox's HttpService here.
]]

local runtimeDir, casePath = arg[1], arg[2]
local DialogueRunner = dofile(runtimeDir .. "/DialogueRunner.luau")
local QuestState = dofile(runtimeDir .. "/QuestState.luau")

local here = string.match(arg[0], "^(.*)/") or "."
local json = dofile(here .. "/json.lua")
local decode, encode = json.decode, json.encode

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
