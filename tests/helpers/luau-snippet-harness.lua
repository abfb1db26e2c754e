--[[
  Runs Luau written for a Roblox experience under lua5.1, with ReplicatedStorage.Loreweaver
  holding the exported runtime and a pack, as the Roblox export lays them out:
  lua5.1 luau-snippet-harness.lua <roblox runtime folder> <pack.json> <snippet.luau>
]]

local here = string.match(arg[0], "^(.*)/") or "."
local json = dofile(here .. "/json.lua")
local runtimeDir, packPath, snippetPath = arg[1], arg[2], arg[3]

local file = assert(io.open(packPath, "r"))
local pack = json.decode(file:read("*a"))
file:close()

game = {
  ReplicatedStorage = {
    Loreweaver = {
      DialogueRunner = dofile(runtimeDir .. "/DialogueRunner.luau"),
      QuestState = dofile(runtimeDir .. "/QuestState.luau"),
      Pack = pack,
    },
  },
}
-- Roblox's require takes a ModuleScript; here the folder holds what each module returns.
require = function(module) return module end

dofile(snippetPath)
